/*
  Full-text search of the collection's index.html (teiedition build).
  Why: readers look for words inside the documents, not only in titles, and
  the site must work from file:// and any static host.  The documents' text
  comes from assets/search-index.js (a <script>, since file:// forbids
  fetching JSON); MiniSearch (assets/minisearch.js, MIT) indexes it in the
  browser.  Results show keyword-in-context snippets; facets (archive, year,
  person, classification) narrow them, counted over the current results.
  All text is inserted with textContent, never as HTML.
*/
(function () {
  "use strict";
  var section = document.getElementById("search");
  var here = document.currentScript && document.currentScript.src;
  if (!section || !here || !window.Promise || !String.prototype.normalize) { return; }
  var base = here.replace(/[^\/]*$/, "");
  var input = document.getElementById("search-input");
  var form = document.getElementById("search-form");
  var facetsBox = document.getElementById("facets");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var more = document.getElementById("more-results");
  var FACETS = [["archive", "Archive"], ["year", "Year"], ["person", "Person"], ["classification", "Classification"]];
  var PAGE = 20, SHOWN_VALUES = 40, CONTEXT = 60, SNIPPETS = 3;
  var docs = [], mini = null, selected = {}, hits = [], shown = 0, words = [], phrases = [], timer = 0;
  FACETS.forEach(function (f) { selected[f[0]] = {}; });

  function fold(s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  function load(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.body.appendChild(s);
    });
  }

  function el(name, cls, text) {
    var e = document.createElement(name);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  section.hidden = false;
  load(base + "minisearch.js").then(function () { return load(base + "search-index.js"); }).then(init, function (err) {
    status.textContent = "The search index could not be loaded (" + err.message + ").";
  });

  function init() {
    var started = performance.now();
    var data = window.teieditionSearchData || {documents: []};
    docs = data.documents;
    docs.forEach(function (d, i) {
      d.n = i;
      d.facet = {archive: d.archive ? [d.archive] : [], year: d.year ? [d.year] : [],
                 person: d.persons || [], classification: d.classification || []};
    });
    var options = {
      idField: "n",
      fields: ["title", "text", "persons", "archive"],
      extractField: function (doc, field) { var v = doc[field]; return Array.isArray(v) ? v.join(" ") : v; },
      processTerm: function (term) { var t = fold(term); return t ? t : null; },
      searchOptions: {
        boost: {title: 3, persons: 2},
        combineWith: "AND",
        prefix: function (term, i, terms) { return i === terms.length - 1 && term.length > 2; },
        fuzzy: function (term) { return term.length > 5 ? 0.15 : false; }
      }
    };
    // the build wrote the index MiniSearch would make (building/minisearch_index.py): loading it
    // is ten times faster than indexing here; without one, index the documents now
    if (data.index) { mini = MiniSearch.loadJS(data.index, options); } else { mini = new MiniSearch(options); mini.addAll(docs); }
    window.teieditionSearch = {index: mini, documents: docs, options: options};
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    form.addEventListener("reset", function () {
      FACETS.forEach(function (f) { selected[f[0]] = {}; });
      setTimeout(run, 0);
    });
    more.addEventListener("click", function () { showMore(); });
    var q = /[?&]q=([^&#]*)/.exec(location.search);
    if (q) { input.value = decodeURIComponent(q[1].replace(/\+/g, " ")); }
    var box = document.getElementById("facets-box");
    if (box && window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) { box.open = false; }
    run();
    section.setAttribute("data-ready", String(docs.length));
    // for bench/bench_search.py: when the index was usable, and how long loading it took (ms)
    section.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    section.setAttribute("data-index-ms", String(Math.round(performance.now() - started)));
  }

  function parseQuery(q) {
    phrases = [];
    q.replace(/"([^"]+)"/g, function (_, p) {
      var f = fold(p).replace(/\s+/g, " ").trim();
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

  function run() {
    var q = parseQuery(input.value);
    var found;
    if (q) {
      found = mini.search(q);
      if (phrases.length) {
        found = found.filter(function (h) {
          var d = docs[h.id], t = fold(d.title + " " + d.text).replace(/\s+/g, " ");
          return phrases.every(function (p) { return t.indexOf(p) >= 0; });
        });
      }
    } else {
      found = docs.map(function (d) { return {id: d.n, terms: []}; });
    }
    var active = q || FACETS.some(function (f) { return Object.keys(selected[f[0]]).length; });
    drawFacets(found);
    hits = found.filter(function (h) { return passes(docs[h.id]); });
    words = [];
    hits.forEach(function (h) { h.terms.forEach(function (t) { if (words.indexOf(t) < 0) { words.push(t); } }); });
    list.textContent = "";
    shown = 0;
    if (!active) {
      status.textContent = docs.length + " documents searchable. Type words to search, or choose from the lists.";
      more.hidden = true;
      return;
    }
    status.textContent = hits.length === 0 ? "No document matches." :
      hits.length === 1 ? "1 document matches." : hits.length + " documents match.";
    showMore();
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
      var rest = values.filter(function (v) { return !selected[key][v]; }).slice(0, SHOWN_VALUES);
      var box = el("fieldset", "facet facet-" + key);
      box.appendChild(el("legend", "", f[1]));
      var ul = el("ul");
      chosen.concat(rest).forEach(function (v) {
        var li = el("li"), label = el("label"), check = el("input");
        check.type = "checkbox";
        check.value = v;
        check.checked = !!selected[key][v];
        check.addEventListener("change", function () {
          if (check.checked) { selected[key][v] = true; } else { delete selected[key][v]; }
          run();
        });
        label.appendChild(check);
        label.appendChild(document.createTextNode(" " + v + " "));
        label.appendChild(el("span", "n", "(" + counts[v] + ")"));
        li.appendChild(label);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      facetsBox.appendChild(box);
    });
  }

  function showMore() {
    hits.slice(shown, shown + PAGE).forEach(function (h) { list.appendChild(result(docs[h.id])); });
    shown = Math.min(hits.length, shown + PAGE);
    more.hidden = shown >= hits.length;
  }

  function result(doc) {
    var li = el("li"), a = el("a", "", doc.title || doc.id);
    a.href = doc.href;
    li.appendChild(a);
    var row = document.getElementById(doc.id), shownDate = row && row.querySelector("td.date time");
    var meta = [shownDate ? shownDate.textContent : doc.date, doc.archive].concat(doc.classification || []);
    li.appendChild(el("p", "meta", meta.filter(Boolean).join(" · ")));
    var kwic = snippets(doc.text);
    if (kwic) { li.appendChild(kwic); }
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
