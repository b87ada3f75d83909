"""The collection's catalogue (JSON and CSV) and its browsable ``index.html``.

Why: a built collection needs a machine-readable list (for harvesting and
scripts) and a human entry page.  Both are made from facts read out of each
TEI header with XPath, never from the plain text, so they say exactly what
the editions say.  The index is one self-contained file: inline style and
script, no remote assets, so it works from ``file://``; without JavaScript it
is a plain table in date order, with JavaScript its columns sort and a filter
searches titles and summaries.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape
from urllib.parse import quote

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}

#: Catalogue fields, in column order (CSV) and key order (JSON).
FIELDS = ("id", "xml_id", "title", "date", "archive", "archive_name", "citation", "summary", "status", "problems",
          "source", "tei", "html", "pdf", "validation")

_XPATHS = {
    "title": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])",
    "date_when": "string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1]/@when)",
    "date_text": "string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1])",
    "repository": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc"
                  "//tei:msIdentifier[1]/tei:repository[1])",
    "repository_code": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc"
                       "//tei:msIdentifier[1]/tei:repository[1]/@n)",
    "citation": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc"
                "//tei:msIdentifier[1]/tei:altIdentifier[1]/tei:idno[1])",
    "summary": "string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract[1])",
    "xml_id": "string(/tei:TEI/@xml:id)",
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _clean(value: str) -> str:
    return " ".join(value.split())


def read_record(tree) -> dict:
    """The catalogue facts of one TEI document: title, date, archive, citation, summary.

    ``archive`` is the repository's short code (``repository/@n``, e.g. RGANI)
    when the header gives one, else its name; ``archive_name`` is the name.
    """
    facts = {name: _clean(str(tree.xpath(expr, namespaces=TEI_NS))) for name, expr in _XPATHS.items()}
    return {
        "xml_id": facts["xml_id"],
        "title": facts["title"],
        "date": facts["date_when"] or facts["date_text"],
        "archive": facts["repository_code"] or facts["repository"],
        "archive_name": facts["repository"],
        "citation": facts["citation"],
        "summary": facts["summary"],
    }


def catalogue_rows(entries: list[dict]) -> list[dict]:
    """Flatten build entries (record + outputs + status) into catalogue rows, sorted by date then id."""
    rows = []
    for entry in entries:
        record = entry.get("record") if isinstance(entry.get("record"), dict) else {}
        outputs = set(entry.get("outputs") or ())
        doc_id = entry["id"]

        def path(name: str) -> str | None:
            return name if name in outputs else None

        rows.append({
            "id": doc_id,
            "xml_id": record.get("xml_id") or None,
            "title": record.get("title") or None,
            "date": record.get("date") or None,
            "archive": record.get("archive") or None,
            "archive_name": record.get("archive_name") or None,
            "citation": record.get("citation") or None,
            "summary": record.get("summary") or None,
            "status": entry["status"],
            "problems": entry.get("reason") or None,
            "source": entry["source"],
            "tei": path(f"{doc_id}.xml"),
            "html": path(f"{doc_id}.html"),
            "pdf": path(f"{doc_id}.pdf"),
            "validation": path(f"{doc_id}.validation.json"),
        })
    rows.sort(key=lambda r: (r["date"] or "9999", r["id"]))
    return rows


def catalogue_json(rows: list[dict]) -> str:
    """The catalogue as JSON: ``{"documents": [...]}`` with the fields of ``FIELDS``."""
    docs = [{k: row[k] for k in FIELDS} for row in rows]
    return json.dumps({"count": len(docs), "documents": docs}, ensure_ascii=False, indent=1) + "\n"


def catalogue_csv(rows: list[dict]) -> str:
    """The catalogue as CSV (RFC 4180, UTF-8), one row per document; empty cell for none."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row[k]) for k in FIELDS})
    return buf.getvalue()


def _cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one starting ``= + - @`` (a formula) gets a leading ``'``.

    Why: titles come from strangers' pages; OWASP's advice against CSV formula injection.
    catalogue.json keeps the exact value.
    """
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def readable_date(iso: str | None) -> str:
    """``1969-06-09`` as ``9 June 1969``; month and year precision kept; anything else as is."""
    if not iso:
        return "undated"
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso)
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        return iso
    year, month, day = m.groups()
    parts = [str(int(day))] if day else []
    if month:
        parts.append(_MONTHS[int(month) - 1])
    parts.append(year)
    return " ".join(parts)


def _href(name: str) -> str:
    """A link to a file beside the index: URL-quoted (spaces, ``#``, ``?``), then HTML-escaped."""
    return escape(quote(name))


def _status_cell(row: dict) -> str:
    status = row["status"]
    label = {"valid": "valid", "invalid": "invalid"}.get(status, status)
    if row["validation"]:
        return f'<a class="status-{escape(status)}" href="{_href(row["validation"])}">{label}</a>'
    return f'<span class="status-{escape(status)}">{label}</span>'


def _row_html(row: dict) -> str:
    title = row["title"] or row["id"]
    main_link = row["html"] or row["tei"]
    title_html = f'<a href="{_href(main_link)}">{escape(title)}</a>' if main_link else escape(title)
    summary = f'\n<p class="summary">{escape(row["summary"])}</p>' if row["summary"] else ""
    formats = [f'<a href="{_href(row[k])}">{label}</a>'
               for k, label in (("html", "HTML"), ("tei", "TEI"), ("pdf", "PDF")) if row[k]]
    archive = escape(row["archive"] or "")
    if row["archive_name"] and row["archive_name"] != row["archive"]:
        archive = f'<abbr title="{escape(row["archive_name"])}">{archive}</abbr>'
    citation = f'<br><span class="citation">{escape(row["citation"])}</span>' if row["citation"] else ""
    return (
        f'<tr id="{escape(row["id"])}" data-date="{escape(row["date"] or "")}" '
        f'data-title="{escape(title)}" data-archive="{escape(row["archive"] or "")}">\n'
        f'<td class="date"><time datetime="{escape(row["date"] or "")}">{escape(readable_date(row["date"]))}</time></td>\n'
        f'<td class="title">{title_html}{summary}</td>\n'
        f'<td class="archive">{archive}{citation}</td>\n'
        f'<td class="formats">{" · ".join(formats)}</td>\n'
        f'<td class="status">{_status_cell(row)}</td>\n'
        "</tr>"
    )


_STYLE = """
body{font-family:"Noto Serif",Georgia,serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;line-height:1.45;color:#1b1b1b;background:#fff}
h1{font-size:1.6rem;margin:.5rem 0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid #ccc}
th{font-family:"Noto Sans",Helvetica,sans-serif;font-size:.9rem;white-space:nowrap}
th button{font:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
td.date{white-space:nowrap}
.summary{margin:.3rem 0 0;font-size:.9rem;color:#444}
.citation{font-size:.85rem;color:#555}
.status-invalid,.status-failed{color:#a00000;font-weight:bold}
.filter input{font:inherit;width:min(30rem,90%);padding:.3rem}
tr[hidden]{display:none}
@media print{.filter,#count{display:none}}
"""

_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("documents");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = document.getElementById("count");
  var filter = document.getElementById("filter");
  var norm = function (s) { return s.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); };
  var text = rows.map(function (r) { return norm(r.cells[1].textContent); });
  function show(n) { count.textContent = n + " of " + rows.length + " documents"; }
  filter.parentNode.hidden = false;
  filter.addEventListener("input", function () {
    var words = norm(filter.value).split(/\\s+/).filter(Boolean), n = 0;
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
"""


def index_html(rows: list[dict], *, title: str = "Archival translations: TEI edition") -> str:
    """The collection's entry page; lists every document that has a TEI edition."""
    listed = [r for r in rows if r["tei"]]
    body = "\n".join(_row_html(r) for r in listed)
    kinds = [label for key, label in (("html", "an HTML edition"), ("tei", "TEI P5 XML"),
                                      ("pdf", "a print edition (PDF)")) if any(r[key] for r in listed)]
    each = "each as" if len(listed) != 1 else "as"
    formats = f", {each} {', '.join(kinds[:-1])} and {kinds[-1]}" if len(kinds) > 1 else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="teiedition">
<title>{escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p>{len(listed)} document{"" if len(listed) == 1 else "s"}{formats}. <a href="catalogue.json">Catalogue (JSON)</a> · <a href="catalogue.csv">Catalogue (CSV)</a></p>
</header>
<main>
<p class="filter" hidden><label for="filter">Filter titles and summaries: </label><input id="filter" type="search" autocomplete="off"></p>
<p id="count" aria-live="polite"></p>
<table id="documents">
<thead><tr><th scope="col" data-sort="date" aria-sort="ascending">Date</th><th scope="col" data-sort="title">Title and summary</th><th scope="col" data-sort="archive">Archive</th><th scope="col">Formats</th><th scope="col">Validation</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""
