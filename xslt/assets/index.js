(function () {
  "use strict";
  var table = document.getElementById("documents");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = document.getElementById("count");
  var filter = document.getElementById("filter");
  var norm = function (s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var text = rows.map(function (r) { return norm(r.cells[1].textContent); });
  function show(n) { count.textContent = n + " of " + rows.length + (rows.length === 1 ? " document" : " documents"); }
  filter.parentNode.hidden = false;
  filter.addEventListener("input", function () {
    var words = norm(filter.value).split(/\s+/).filter(Boolean), n = 0;
    rows.forEach(function (r, i) {
      var hit = words.every(function (w) { return text[i].indexOf(w) >= 0; });
      r.hidden = !hit; if (hit) { n++; }
    });
    show(n);
  });
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th) {
    var key = th.getAttribute("data-sort");
    if (!key) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
        var c = x.localeCompare(y, undefined, {sensitivity: "base", numeric: true});
        if (c === 0) { c = a.getAttribute("data-date").localeCompare(b.getAttribute("data-date")); }
        return c * dir;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  show(rows.length);
})();
