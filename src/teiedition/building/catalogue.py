"""The collection's catalogue (JSON and CSV) and its browsable ``index.html``.

Why: a built collection needs a machine-readable list (for harvesting and
scripts) and a human entry page.  Both are made from facts read out of each
TEI header with XPath, never from the plain text, so they say exactly what
the editions say.  The index page is made by ``xslt/site.xsl`` from the
rows (as ``<catalogue>`` XML): inline style and script, no remote assets, so
it works from ``file://``; without JavaScript it is a plain table in date
order, with JavaScript its columns sort and a filter searches titles and
summaries (and the site pass adds full-text search).
"""

from __future__ import annotations

import csv
import io
import json
import re

from lxml import etree

from ..rendering import xsltrun
from ..rendering.render import asset
from ..safexml import xml_safe
from .outputs import catalogue_columns
from .records import read_record  # noqa: F401 - the catalogue row's reader, where callers look for it

#: Catalogue fields before the outputs' columns, in column order (CSV) and key order (JSON).
FACTS = ("id", "xml_id", "title", "date", "archive", "archive_name", "citation", "summary", "status", "problems",
         "source")


def fields() -> tuple[str, ...]:
    """Every catalogue field: the facts, then one column per output that has one (``outputs.OUTPUTS``)."""
    return FACTS + tuple(column for column, _ in catalogue_columns())


#: The fields as the table has them when this module is loaded.
FIELDS = fields()

def catalogue_rows(entries: list[dict]) -> list[dict]:
    """Flatten build entries (record + outputs + status) into catalogue rows, sorted by date then id."""
    rows = []
    for entry in entries:
        record = entry.get("record") if isinstance(entry.get("record"), dict) else {}
        outputs = set(entry.get("outputs") or ())
        doc_id = entry["id"]

        row = {
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
        }
        for column, suffix in catalogue_columns():
            row[column] = doc_id + suffix if doc_id + suffix in outputs else None
        rows.append(row)
    rows.sort(key=lambda r: (r["date"] or "9999", r["id"]))
    return rows


def catalogue_json(rows: list[dict]) -> str:
    """The catalogue as JSON: ``{"documents": [...]}`` with the fields of ``FIELDS``.

    The bytes of ``json.dumps(..., ensure_ascii=False, indent=1)``, made row by row with the C string
    encoder: with ``indent`` ``json`` falls back on its pure-Python encoder, 0.57 s for 10,000 rows,
    paid on every title edit, addition or removal (``tests/test_build_catalogue.py`` checks the bytes).
    """
    keys = [(k, f"   {_encode(k)}: ") for k in fields()]
    docs = ["  {\n" + ",\n".join(head + _value(row.get(k)) for k, head in keys) + "\n  }" for row in rows]
    listed = "[\n" + ",\n".join(docs) + "\n ]" if docs else "[]"
    return f'{{\n "count": {len(docs)},\n "documents": {listed}\n}}\n'


_encode = json.encoder.encode_basestring  # a string as JSON, non-ASCII kept (what ensure_ascii=False does)


def _value(value) -> str:
    """One field's value as ``json.dumps(..., ensure_ascii=False, indent=1)`` writes it three levels deep."""
    if isinstance(value, str):
        return _encode(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n   ")


def catalogue_csv(rows: list[dict]) -> str:
    """The catalogue as CSV (RFC 4180, UTF-8), one row per document; empty cell for none."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields(), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in fields()})
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


#: Catalogue row field -> attribute of ``<doc>`` in the XML that ``xslt/site.xsl`` turns into index.html.
_INDEX_ATTRIBUTES = {"id": "id", "xml_id": "xml-id", "title": "title", "date": "date", "archive": "archive",
                     "archive_name": "archive-name", "citation": "citation", "summary": "summary",
                     "status": "status", "tei": "tei", "html": "html", "pdf": "pdf", "validation": "validation"}


def catalogue_xml(rows: list[dict], *, title: str, search: bool = False, version: str = "",
                  build_date: str = "", links: dict | None = None):
    """The rows as ``<catalogue><doc .../></catalogue>``: the input of the index stylesheet.

    ``links`` names the collection's other entry points the build made
    (``{"entities": href, "dts": href}``), each a ``<link kind= href=/>``.
    """
    attrs = {"title": title, "search": "yes" if search else "no"}
    if version:
        attrs["version"] = version
    if build_date:
        attrs["build-date"] = build_date
    root = etree.Element("catalogue", attrs)
    for row in rows:
        etree.SubElement(root, "doc", {attr: xml_safe(str(row[key])) for key, attr in _INDEX_ATTRIBUTES.items()
                                       if row.get(key) not in (None, "")})
    for kind, href in (links or {}).items():
        etree.SubElement(root, "link", {"kind": kind, "href": href})
    return root


def index_html(rows: list[dict], *, title: str = "Archival translations: TEI edition", search: bool = False,
               version: str = "", build_date: str = "", links: dict | None = None) -> str:
    """The collection's entry page (``xslt/site.xsl``); lists every document that has a TEI edition.

    ``search`` adds the full-text search (``assets/search.js``, made by the
    site pass); ``version`` and ``build_date`` go into the page's build line.
    """
    xml = catalogue_xml(rows, title=title, search=search, version=version, build_date=build_date, links=links)
    return xsltrun.compiled("site.xsl").transform(xml, {"css": asset("index.css"), "js": asset("index.js")})
