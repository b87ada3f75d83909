/*
  Full-text search of the collection's index.html (teiedition build).
  Why: readers look for words inside the documents, not only in titles, and
  the site must work from file:// and any static host, at 10,000 documents
  too.  So the data is many small scripts (building/search_shards.py), each
  calling teieditionSearchLoaded(kind, key, data) when a <script> element
  loads it (file:// forbids fetch):
    search/meta.js         at once: titles, dates, facets, field lengths
    search/terms/KEY.js    a query loads the shards of its words (KEY: the
                           first two letters of the folded word)
    search/text/ID.js      a document's text, for the results shown
                           (snippets) and for checking a quoted phrase
  MiniSearch (assets/minisearch.js, MIT) ranks: for the shards a query
  needs, it loads the prebuilt index of their terms beside the statistics of
  every document, so scores are those of the whole index.  The names field
  holds every name the authority knows for a document's entries (Chou En-lai,
  Ким Ир Сен for Zhou Enlai, Kim Il Sung), so a variant finds the document.
  Facets (archive, year, person, classification, handling marks) narrow the results, counted over the
  current results.  All text is inserted with textContent, never as HTML.
*/
(function () {
  "use strict";
  var section = document.getElementById("search");
  var here = document.currentScript && document.currentScript.src;
  if (!section || !here || !window.Promise || !window.Map || !String.prototype.normalize || !Array.from) { return; }
  var base = here.replace(/[^\/]*$/, "");
  var dataDir = base + "search/";
  var input = document.getElementById("search-input");
  var form = document.getElementById("search-form");
  var facetsBox = document.getElementById("facets");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var more = document.getElementById("more-results");
  var FACETS = [["archive", "Archive", "archives"], ["year", "Year", "years"], ["person", "Person", "persons"],
                ["classification", "Classification", "classifications"], ["handling", "Handling marks", "handling marks"]];
  var PAGE = 20, SHOWN_VALUES = 40, FOLDED_VALUES = 5, CONTEXT = 60, SNIPPETS = 3;
  var TOKEN = /[\n\r\p{Z}\p{P}]+/u;  // MiniSearch's default tokenizer
  var docs = [], order = [], shardKeys = {}, skeleton = null, engine = {key: null, mini: null};
  var selected = {}, hits = [], shown = 0, words = [], phrases = [], timer = 0, current = 0, runs = 0, started = 0;
  var loaded = {meta: {}, terms: {}, text: {}}, expanded = {}, pending = {}, unfolded = {};
  FACETS.forEach(function (f) { selected[f[0]] = {}; });

  var options = {
    idField: "n",
    fields: ["title", "text", "persons", "archive", "names"],
    extractField: function (doc, field) { var v = doc[field]; return Array.isArray(v) ? v.join(" ") : v; },
    processTerm: function (term) { var t = fold(term); return t ? t : null; },
    searchOptions: {
      boost: {title: 3, persons: 2, names: 2},
      combineWith: "AND",
      prefix: function (term, i, terms) { return i === terms.length - 1 && term.length > 2; },
      fuzzy: function (term) { return term.length > 5 ? 0.15 : false; }
    }
  };

  function fold(s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  // every data script calls this as it runs
  window.teieditionSearchLoaded = function (kind, key, value) {
    if (loaded[kind]) { loaded[kind][key] = value; }
  };

  function load(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.body.appendChild(s);
    });
  }

  /* Load one data script once (callers share the promise; after a failure the next call tries again). */
  function need(kind, key, src) {
    if (loaded[kind][key] !== undefined) { return Promise.resolve(); }
    var id = kind + "/" + key;
    if (!pending[id]) {
      pending[id] = load(src).then(function () {
        if (loaded[kind][key] === undefined) { throw new Error(src + " does not hold " + id); }
      });
      pending[id].catch(function () { delete pending[id]; });
    }
    return pending[id];
  }

  /* minisearch_index.shard_key and shard_name: the first two code points; a-z 0-9 kept, else _ and 6 hex digits. */
  function shardKey(term) { return Array.from(term).slice(0, 2).join(""); }
  function shardSrc(key) {
    return dataDir + "terms/" + Array.from(key).map(function (c) {
      if (/^[a-z0-9]$/.test(c)) { return c; }
      var h = c.codePointAt(0).toString(16);
      return "_" + "000000".slice(h.length) + h;
    }).join("") + ".js";
  }
  function textOf(doc) { return loaded.text[doc.id]; }
  function needTexts(some) {
    return Promise.all(some.map(function (d) {
      return need("text", d.id, dataDir + "text/" + encodeURIComponent(d.id) + ".js");
    }));
  }

  function el(name, cls, text) {
    var e = document.createElement(name);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  section.hidden = false;
  Promise.all([load(base + "minisearch.js"), need("meta", "", dataDir + "meta.js")]).then(init).catch(function (err) {
    status.textContent = "The search index could not be loaded (" + err.message + ").";
  });

  function init() {
    var began = performance.now(), m = loaded.meta[""], values = m.values;
    docs = m.documents.map(function (r, n) {
      var d = {n: n, id: r[0], href: r[1], title: r[2], date: r[3], year: r[4],
               archive: r[5] >= 0 ? values.archive[r[5]] : "",
               persons: r[6].map(function (i) { return values.persons[i]; }),
               classification: r[7].map(function (i) { return values.classification[i]; }),
               handling: r[9].map(function (i) { return values.handling[i]; })};
      d.facet = {archive: d.archive ? [d.archive] : [], year: d.year ? [d.year] : [],
                 person: d.persons, classification: d.classification, handling: d.handling};
      return d;
    });
    order = m.order;
    m.shards.forEach(function (k) { shardKeys[k] = true; });
    // MiniSearch's serialised form without its terms: what BM25 needs of every document
    skeleton = {documentCount: docs.length, nextId: docs.length, documentIds: {}, fieldIds: {}, fieldLength: {},
                averageFieldLength: m.averageFieldLength, storedFields: {}, dirtCount: 0, serializationVersion: 2};
    m.fields.forEach(function (f, i) { skeleton.fieldIds[f] = i; });
    m.documents.forEach(function (r, n) { skeleton.documentIds[n] = n; skeleton.fieldLength[n] = r[8]; });
    window.teieditionSearch = {options: options, documents: docs, loaded: loaded, find: find,
                               loadAll: loadAll, fullIndex: fullIndex};
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(); remember(false); }, 120);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); remember(true); });
    form.addEventListener("reset", function () {
      FACETS.forEach(function (f) { selected[f[0]] = {}; });
      clearTimeout(timer);
      setTimeout(function () { run(); remember(true); }, 0);
    });
    more.addEventListener("click", function () { showMore(); });
    window.addEventListener("popstate", function () { fromAddress(); run(); });
    fromAddress();
    // One box: with the full-text search the title filter would be a second, different search.
    var filter = document.getElementById("filter");
    if (filter && filter.parentNode) { filter.parentNode.hidden = true; filter.value = ""; }
    var box = document.getElementById("facets-box");
    if (box && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) { box.open = false; }
    section.setAttribute("data-ready", String(docs.length));
    // for bench/bench_search.py: when the search was usable, and how long reading meta.js took (ms)
    section.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    section.setAttribute("data-index-ms", String(Math.round(performance.now() - began)));
    run();
  }

  /* The words of ?q=...: a malformed escape (a shared link cut after "%") is kept as typed, never an error. */
  function queryText(raw) {
    var text = raw.replace(/\+/g, " ");
    try { return decodeURIComponent(text); } catch (e) {
      return text.replace(/(%[0-9A-Fa-f]{2})+/g, function (run) {
        try { return decodeURIComponent(run); } catch (e2) { return run; }
      });
    }
  }

  /* One shard as MiniSearch's serialised index entries (the file holds gaps between document numbers). */
  function entries(key) {
    if (!expanded[key]) {
      expanded[key] = loaded.terms[key].map(function (e) {
        var fields = {};
        for (var i = 1; i < e.length; i += 2) {
          var flat = e[i + 1], counts = {}, n = 0;
          for (var j = 0; j < flat.length; j += 2) { n += flat[j]; counts[n] = flat[j + 1]; }
          fields[e[i]] = counts;
        }
        return [e[0], fields];
      });
    }
    return expanded[key];
  }

  /* A MiniSearch with the terms of these shards and every document's statistics (the last one is kept). */
  function engineFor(keys) {
    var id = keys.join(" ");
    if (engine.key !== id) {
      var js = Object.assign({}, skeleton, {index: [].concat.apply([], keys.map(entries))});
      engine = {key: id, mini: MiniSearch.loadJS(js, options)};
    }
    return engine.mini;
  }

  function queryKeys(q) {
    var keys = {};
    q.split(TOKEN).forEach(function (t) {
      var f = fold(t), k = shardKey(f);
      if (f && shardKeys[k]) { keys[k] = true; }
    });
    return Object.keys(keys).sort();
  }

  /* The ranked matches of q's words (phrases not checked), once the shards of its words are loaded. */
  function find(q) {
    var keys = queryKeys(q);
    return Promise.all(keys.map(function (k) { return need("terms", k, shardSrc(k)); })).then(function () {
      return engineFor(keys).search(q);
    });
  }

  /* For the tests: load every shard and text; MiniSearch's serialised form of the whole index. */
  function loadAll() {
    return Promise.all(Object.keys(shardKeys).map(function (k) { return need("terms", k, shardSrc(k)); })
      .concat([needTexts(docs)]));
  }
  function fullIndex() {
    return Object.assign({}, skeleton, {index: [].concat.apply([], Object.keys(shardKeys).sort().map(entries))});
  }

  /* The search lives in the address (?q=words&facet=archive:RGANI&facet=year:1969), so a reader can
     share or bookmark it and Back and Forward step through it.  A malformed address (?q=%) never
     stops it: what cannot be decoded is read as typed (queryText). */
  function fromAddress() {
    var p = new URLSearchParams(location.search), q = /[?&]q=([^&#]*)/.exec(location.search);
    input.value = q ? queryText(q[1]) : "";
    FACETS.forEach(function (f) { selected[f[0]] = {}; });
    p.getAll("facet").forEach(function (v) {
      var i = v.indexOf(":"), key = v.slice(0, i);
      if (i > 0 && selected[key]) { selected[key][v.slice(i + 1)] = true; }
    });
  }
  function address() {
    var p = new URLSearchParams(), q = input.value.trim();
    if (q) { p.set("q", q); }
    FACETS.forEach(function (f) {
      Object.keys(selected[f[0]]).sort().forEach(function (v) { p.append("facet", f[0] + ":" + v); });
    });
    var query = p.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }
  /* Typing replaces the current entry; a submitted query, a facet or Clear is a step of its own. */
  function remember(step) {
    var url = address();
    if (url === location.pathname + location.search + location.hash) { return; }
    try { history[step ? "pushState" : "replaceState"](null, "", url); } catch (e) { /* some file:// cases */ }
  }

  function parseQuery(q) {
    phrases = [];
    q.replace(/"([^"]+)"/g, function (_, p) {
      var f = fold(p).replace(/[\[\]]/g, "").replace(/\s+/g, " ").trim();
      if (f) { phrases.push(f); }
      return " ";
    });
    return q.replace(/"/g, " ").trim();
  }

  function passes(doc, except) {
    return FACETS.every(function (f) {
      var key = f[0], want = Object.keys(selected[key]);
      if (key === except || !want.length) { return true; }
      return doc.facet[key].some(function (v) { return selected[key][v]; });
    });
  }

  function failed(ticket, err) {
    if (ticket !== current) { return; }
    status.textContent = "Part of the search index could not be loaded (" + err.message + ").";
    list.removeAttribute("aria-busy");
  }

  function run() {
    var ticket = ++current, q = parseQuery(input.value), wanted = phrases.slice();
    started = performance.now();
    list.setAttribute("aria-busy", "true");
    var found = q ? find(q) : Promise.resolve(order.map(function (n) { return {id: n, terms: []}; }));
    found.then(function (found) {
      if (ticket !== current) { return; }
      if (!wanted.length || !found.length) { return show(found, q, ticket); }
      // a phrase is looked for in the text of every document that has all its words
      return needTexts(found.map(function (h) { return docs[h.id]; })).then(function () {
        if (ticket !== current) { return; }
        show(found.filter(function (h) {
          // the brackets of supplied words do not break a phrase: "Beiping Beijing" finds "Beiping [Beijing]"
          var d = docs[h.id], t = fold(d.title + " " + textOf(d)).replace(/[\[\]]/g, "").replace(/\s+/g, " ");
          return wanted.every(function (p) { return t.indexOf(p) >= 0; });
        }), q, ticket);
      });
    }).catch(function (err) { failed(ticket, err); });
  }

  function show(found, q, ticket) {
    var active = q || FACETS.some(function (f) { return Object.keys(selected[f[0]]).length; });
    hits = found.filter(function (h) { return passes(docs[h.id]); });
    words = [];
    hits.forEach(function (h) { h.terms.forEach(function (t) { if (words.indexOf(t) < 0) { words.push(t); } }); });
    list.textContent = "";
    shown = 0;
    if (active) { showMore(); }  // first, so the texts of its snippets load while the facets are drawn
    drawFacets(found);
    listMatches(active ? hits : null);
    section.setAttribute("data-shown-ms", String(Math.round(performance.now() - started)));
    if (!active) {
      status.textContent = docs.length + (docs.length === 1 ? " document" : " documents") +
        " searchable. Type words to search, or choose from the lists.";
      more.hidden = true;
      return done(ticket);
    }
    status.textContent = hits.length === 0 ? "No document matches." :
      hits.length === 1 ? "1 document matches." : hits.length + " documents match.";
  }

  /* The list of all documents below shows the same documents as the results, and says how many. */
  function listMatches(matches) {
    var table = document.getElementById("documents"), count = document.getElementById("count");
    if (!table || !count) { return; }
    var ids = matches && new Set(matches.map(function (h) { return docs[h.id].id; })), rows = table.tBodies[0].rows, n = 0;
    for (var i = 0; i < rows.length; i++) {
      rows[i].hidden = !!ids && !ids.has(rows[i].id);
      if (!rows[i].hidden) { n++; }
    }
    count.textContent = n + " of " + rows.length + (rows.length === 1 ? " document" : " documents") +
      (ids ? " match the search" : "");
  }

  /* A run is over: its results and their snippets are shown (the bench and the tests wait for data-runs;
     data-shown-ms is when the results were listed, data-query-ms when their snippets were in). */
  function done(ticket) {
    if (ticket !== current) { return; }
    runs++;
    list.removeAttribute("aria-busy");
    section.setAttribute("data-query-ms", String(Math.round(performance.now() - started)));
    section.setAttribute("data-runs", String(runs));
  }

  function drawFacets(found) {
    facetsBox.textContent = "";
    FACETS.forEach(function (f) {
      var key = f[0], counts = {};
      found.forEach(function (h) {
        var d = docs[h.id];
        if (!passes(d, key)) { return; }
        d.facet[key].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      Object.keys(selected[key]).forEach(function (v) { if (!counts[v]) { counts[v] = 0; } });
      var values = Object.keys(counts);
      if (!values.length) { return; }
      values.sort(key === "year" ? function (a, b) { return a < b ? -1 : a > b ? 1 : 0; } :
        function (a, b) { return counts[b] - counts[a] || a.localeCompare(b); });
      var chosen = values.filter(function (v) { return selected[key][v]; });
      var others = values.filter(function (v) { return !selected[key][v]; });
      // A few values each, whole lines, no scrolling box: the lists sit side by side above the results
      // and a reader opens the rest of one list when it is longer.
      var limit = unfolded[key] ? SHOWN_VALUES : Math.max(0, FOLDED_VALUES - chosen.length);
      var rest = others.slice(0, limit);
      var box = el("fieldset", "facet facet-" + key);
      box.appendChild(el("legend", "", f[1]));
      var ul = el("ul");
      ul.id = "facet-values-" + key;
      chosen.concat(rest).forEach(function (v) {
        var li = el("li"), label = el("label"), check = el("input");
        check.type = "checkbox";
        check.value = v;
        check.checked = !!selected[key][v];
        check.addEventListener("change", function () {
          if (check.checked) { selected[key][v] = true; } else { delete selected[key][v]; }
          run();
          remember(true);
        });
        label.appendChild(check);
        label.appendChild(document.createTextNode(" " + v + " "));
        label.appendChild(el("span", "n", "(" + counts[v] + ")"));
        li.appendChild(label);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      if (others.length > FOLDED_VALUES - chosen.length || unfolded[key]) {
        var noun = f[2], all = values.length;
        var toggle = el("button", "facet-more", unfolded[key] ? "Fewer " + noun :
          all > SHOWN_VALUES + chosen.length ? "The " + SHOWN_VALUES + " most frequent of " + all + " " + noun :
          "All " + all + " " + noun);
        toggle.type = "button";
        toggle.setAttribute("aria-expanded", String(!!unfolded[key]));
        toggle.setAttribute("aria-controls", ul.id);
        toggle.addEventListener("click", function () {
          unfolded[key] = !unfolded[key];
          drawFacets(found);
          var again = facetsBox.querySelector(".facet-" + key + " .facet-more");
          if (again) { again.focus(); }
        });
        box.appendChild(toggle);
      }
      facetsBox.appendChild(box);
    });
  }

  /* The next page of results at once; their snippets when their texts have loaded. */
  function showMore() {
    var ticket = current, page = hits.slice(shown, shown + PAGE).map(function (h) { return docs[h.id]; });
    var items = page.map(function (d) { var li = result(d); list.appendChild(li); return li; });
    shown = Math.min(hits.length, shown + PAGE);
    more.hidden = shown >= hits.length;
    if (!words.length && !phrases.length) {  // nothing to load: over once the caller has drawn the facets
      return Promise.resolve().then(function () { done(ticket); });
    }
    list.setAttribute("aria-busy", "true");
    needTexts(page).then(function () {
      if (ticket !== current) { return; }
      page.forEach(function (d, i) {
        var kwic = snippets(textOf(d));
        if (kwic) { items[i].appendChild(kwic); }
      });
      done(ticket);
    }).catch(function (err) { failed(ticket, err); });
  }

  function result(doc) {
    var li = el("li"), a = el("a", "", doc.title || doc.id);
    a.href = doc.href;
    li.appendChild(a);
    var row = document.getElementById(doc.id), shownDate = row && row.querySelector("td.date time");
    var meta = [shownDate ? shownDate.textContent : doc.date, doc.archive].concat(doc.classification || []);
    li.appendChild(el("p", "meta", meta.filter(Boolean).join(" · ")));
    return li;
  }

  /* The text folded character by character, with the position in the original of each folded character. */
  function foldMap(text) {
    var out = "", map = [], i = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) { map.push(i); }
      out += f;
      i += ch.length;
    }
    map.push(i);
    return {s: out, map: map};
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  /* Up to three windows of context around the matched words and phrases, the matches in <mark>. */
  function snippets(text) {
    if (!words.length && !phrases.length) { return null; }
    var fm = foldMap(text), spans = [];
    var alternatives = phrases.map(function (p) { return escapeRe(p).replace(/ /g, "\\s+"); })
      .concat(words.map(escapeRe));
    alternatives.sort(function (a, b) { return b.length - a.length; });
    var re = new RegExp("(^|[^\\p{L}\\p{N}])(" + alternatives.join("|") + ")(?![\\p{L}\\p{N}])", "gu");
    var m;
    while ((m = re.exec(fm.s)) !== null) {
      var start = m.index + m[1].length;
      spans.push([fm.map[start], fm.map[start + m[2].length]]);
      if (spans.length > 200) { break; }
      if (m[0].length === 0) { re.lastIndex++; }
    }
    if (!spans.length) { return null; }
    var p = el("p", "kwic"), windows = [];
    spans.forEach(function (s) {
      var last = windows[windows.length - 1];
      if (last && s[0] - last.end < CONTEXT) { last.marks.push(s); last.end = s[1]; return; }
      if (windows.length < SNIPPETS) { windows.push({start: s[0], end: s[1], marks: [s]}); }
    });
    windows.forEach(function (w, wi) {
      var from = Math.max(0, w.start - CONTEXT), to = Math.min(text.length, w.end + CONTEXT);
      while (from > 0 && !/\s/.test(text.charAt(from - 1)) && w.start - from < CONTEXT + 15) { from--; }
      while (to < text.length && !/\s/.test(text.charAt(to)) && to - w.end < CONTEXT + 15) { to++; }
      if (wi > 0) { p.appendChild(document.createTextNode(" ")); }
      var at = from;
      p.appendChild(document.createTextNode(from > 0 ? "…" : ""));
      w.marks.forEach(function (s) {
        p.appendChild(document.createTextNode(text.slice(at, s[0])));
        p.appendChild(el("mark", "", text.slice(s[0], s[1])));
        at = s[1];
      });
      p.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? "…" : "")));
    });
    return p;
  }
})();
