"""The collection as a site: navigation between document pages and full-text search.

Why: a reader who lands on one edition must reach the index and the
documents before and after it by date, and must be able to search the words
of every document, from ``file://`` or any static host, with no server.

* Each document page is rendered by a worker with the collection bar holding
  only the link to the index (the date order of the whole collection is not
  known yet) plus the version and run date (``page_params``).  Once every
  document is built, ``write_site`` works out the neighbours by date, renders
  the bars in one call of ``xslt/site.xsl`` and splices each into its page.
  Only pages whose bar changed (or that were just rebuilt) are rewritten.
* ``assets/search-index.js`` holds each published document's title, date,
  facets (archive, year, persons, classification) and plain text, loaded by
  ``index.html`` with a ``<script>`` (browsers forbid fetching JSON from
  ``file://``); ``assets/search.js`` indexes it with MiniSearch (vendored,
  MIT) and shows keyword-in-context snippets.  A document's record is read
  from its TEI only when the TEI file changed (``.teiedition-site.json``
  keeps the records), so the search index is as incremental as the build.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from .. import __version__
from ..files import write_if_changed

TEI = "http://www.tei-c.org/ns/1.0"
#: What the site pass remembers between builds (in the output folder, beside the manifest).
STATE_NAME = ".teiedition-site.json"
STATE_FORMAT = 1
#: Sub-folder of the output with the search scripts (no source can produce a file there).
ASSETS = "assets"
#: Files copied from ``xslt/assets`` into ``OUTPUT/assets`` as they are.
COPIED_ASSETS = ("minisearch.js", "minisearch.LICENSE.txt", "search.js")
SEARCH_INDEX = "search-index.js"
INDEX_HREF = "index.html"

_NAV_START = '<nav class="collection-nav"'
_NAV_END = "</nav>"

#: Elements whose words are not the document's reading text.
_SKIP = frozenset({"metamark", "figDesc", "teiHeader", "standOff", "facsimile"})
#: Elements that end a run of words (so "a</p><p>b" does not become "ab").
_BLOCKS = frozenset({"p", "head", "note", "item", "l", "lg", "ab", "div", "opener", "closer", "dateline",
                     "signed", "salute", "postscript", "label", "list", "table", "row", "cell", "quote",
                     "bibl", "stamp", "lb", "pb", "cb", "milestone", "byline", "docDate", "trailer"})


# --------------------------------------------------------------------------- document pages

def page_params(run_date: str) -> dict:
    """The HTML stylesheet's collection parameters for a page built on ``run_date``."""
    from ..rendering.render import asset

    return {"index-href": INDEX_HREF, "build-version": __version__, "build-date": run_date,
            "site-css": asset("site.css")}


def recorded_run_date(tree) -> str:
    """The run date the TEI records (``revisionDesc/change/@when``): the page's build date."""
    return str(tree.xpath("string(/tei:TEI/tei:teiHeader/tei:revisionDesc/tei:change[@when][last()]/@when)",
                          namespaces={"tei": TEI}))


def neighbours(rows: list[dict]) -> dict[str, dict]:
    """For each published document (rows in date order), the nav-bar parameters: previous and next by date."""
    chain = [row for row in rows if row.get("html")]
    navs = {}
    for i, row in enumerate(chain):
        nav = {}
        for rel, other in (("prev", chain[i - 1] if i else None), ("next", chain[i + 1] if i + 1 < len(chain) else None)):
            if other is not None:
                nav[f"{rel}-href"] = quote(other["html"])
                nav[f"{rel}-title"] = other.get("title") or other["id"]
                nav[f"{rel}-date"] = other.get("date") or ""
        navs[row["id"]] = nav
    return navs


def render_navs(navs: list[dict]) -> list[str]:
    """The collection bars for ``navs`` (each a dict of nav parameters), one XSLT call for all."""
    from ..rendering import xsltrun

    if not navs:
        return []
    root = etree.Element("navs", {"index-href": INDEX_HREF})
    for nav in navs:
        etree.SubElement(root, "page", {k: v for k, v in nav.items() if v})
    html = xsltrun.compiled("site.xsl").transform(root)
    parts = [part + _NAV_END for part in html.split(_NAV_END)[:-1]]
    if len(parts) != len(navs) or not all(p.lstrip().startswith(_NAV_START) for p in parts):
        raise RuntimeError("site.xsl did not return one collection bar per page")
    return [p.lstrip() for p in parts]


def splice_nav(html: str, nav: str) -> str | None:
    """``html`` with its collection bar replaced by ``nav``; None when the page has no bar."""
    start = html.find(_NAV_START)
    if start < 0:
        return None
    end = html.find(_NAV_END, start)
    if end < 0:
        return None
    return html[:start] + nav + html[end + len(_NAV_END):]


# --------------------------------------------------------------------------- search records

def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def plain_text(element) -> str:
    """The reading text of a TEI element: words only, corrections and expansions over the originals,
    notes kept, margin marks left out, whitespace normalised."""
    out: list[str] = []

    def walk(el) -> None:
        name = _local(el)
        if name == "choice":
            kids = [c for c in el if isinstance(c.tag, str)]
            pick = next((c for c in kids if _local(c) in ("corr", "reg", "expan")), kids[0] if kids else None)
            if pick is not None:
                walk(pick)
            return
        if name in _BLOCKS:
            out.append(" ")
        if el.text and name:
            out.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and _local(child) not in _SKIP:
                walk(child)
            if child.tail:
                out.append(child.tail)
        if name in _BLOCKS:
            out.append(" ")

    walk(element)
    return " ".join("".join(out).split())


def _texts(tree, xpath: str) -> list[str]:
    seen: dict[str, None] = {}
    for node in tree.xpath(xpath, namespaces={"tei": TEI}):
        value = " ".join("".join(node.itertext()).split())
        if value:
            seen.setdefault(value, None)
    return list(seen)


def _classification(mark: str) -> str:
    """A classification mark as a facet value: ``Secret.`` and ``SECRET`` alike, copy numbers dropped."""
    value = re.sub(r"[\s\d.,;:!\-–—Nº#]+$", "", " ".join(mark.upper().split()))
    return value.strip(" .,;:")


def search_record(tree, row: dict) -> dict:
    """What the search needs of one published document: its facts, facets and reading text."""
    text = tree.find(f"{{{TEI}}}text")
    persons = (_texts(tree, "/tei:TEI/tei:standOff/tei:listPerson//tei:person/tei:persName[1]")
               or _texts(tree, "/tei:TEI/tei:text//tei:persName"))
    classification = sorted({_classification(value) for value in
                             _texts(tree, "//tei:text//tei:seg[@type='classification']")} - {""})
    built = recorded_run_date(tree)
    date = row.get("date") or ""
    return {
        "id": row["id"],
        "href": quote(row["html"]),
        "title": row.get("title") or row["id"],
        "date": date,
        "year": date[:4] if re.match(r"\d{4}", date) else "",
        "archive": row.get("archive") or "",
        "persons": sorted(persons),
        "classification": classification,
        "text": plain_text(text) if text is not None else "",
        "built": str(built),
    }


def search_index_js(records: list[dict]) -> str:
    """``assets/search-index.js``: the records as one JavaScript assignment (a <script>, not a fetch)."""
    fields = ("id", "href", "title", "date", "year", "archive", "persons", "classification", "text")
    from .minisearch_index import build_index

    documents = [{k: r[k] for k in fields} for r in records]
    data = {"format": 2, "count": len(records), "documents": documents, "index": build_index(documents)}
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # U+2028/2029 are line ends in older JavaScript parsers; "</" keeps the file safe to inline too
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return ("/* Full-text search data of this collection, made by teiedition build; read by search.js. */\n"
            f"window.teieditionSearchData = {body};\n")


# --------------------------------------------------------------------------- state

def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def load_state(output: Path) -> dict:
    try:
        state = json.loads((output / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": STATE_FORMAT, "documents": {}}
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT or not isinstance(state.get("documents"), dict):
        return {"format": STATE_FORMAT, "documents": {}}
    return state


# --------------------------------------------------------------------------- the pass

def write_site(output: Path, rows: list[dict]) -> None:
    """Search assets, the bars of the document pages, and index.html, for ``rows`` (catalogue rows, date order)."""
    from .catalogue import index_html
    from ..safexml import parse_xml_file

    state = load_state(output)
    old = state["documents"]
    new: dict[str, dict] = {}
    published = [row for row in rows if row.get("html") and row.get("tei")]

    records = []
    for row in published:
        cached = old.get(row["id"]) or {}
        tei_stat = _stat(output / row["tei"])
        record = cached.get("record")
        if (cached.get("tei") != tei_stat or not isinstance(record, dict) or record.get("title") != (row.get("title") or row["id"])
                or record.get("date") != (row.get("date") or "") or record.get("archive") != (row.get("archive") or "")):
            record = search_record(parse_xml_file(output / row["tei"]), row)
        records.append(record)
        new[row["id"]] = {"tei": tei_stat, "record": record,
                          "html": cached.get("html"), "nav": cached.get("nav")}

    navs = neighbours(published)
    stale = [row["id"] for row in published
             if new[row["id"]]["nav"] != navs[row["id"]] or new[row["id"]]["html"] != _stat(output / row["html"])]
    for doc_id, bar in zip(stale, render_navs([navs[doc_id] for doc_id in stale])):
        page = output / f"{doc_id}.html"
        with contextlib.suppress(OSError, UnicodeDecodeError):
            spliced = splice_nav(page.read_text(encoding="utf-8"), bar)
            if spliced is not None:
                write_if_changed(page, spliced.encode("utf-8"))
        new[doc_id]["nav"] = navs[doc_id]
        new[doc_id]["html"] = _stat(page)

    assets = output / ASSETS
    assets.mkdir(exist_ok=True)
    _remove_temp_files(assets)
    from ..rendering.render import ASSETS as SOURCE_ASSETS

    for name in COPIED_ASSETS:
        write_if_changed(assets / name, (SOURCE_ASSETS / name).read_bytes())
    # the index is rebuilt from all records (about 1 ms a document), so only when one of them changed
    from .manifest import toolchain_digest

    digest = hashlib.sha256((toolchain_digest() + json.dumps(records, ensure_ascii=False, sort_keys=True))
                            .encode("utf-8")).hexdigest()
    if state.get("search") != digest or not (assets / SEARCH_INDEX).is_file():
        write_if_changed(assets / SEARCH_INDEX, search_index_js(records).encode("utf-8"))

    built = max((r.get("built") or "" for r in records), default="")
    # index.html likewise (an unchanged rebuild then needs no XSLT processor at all)
    page_key = hashlib.sha256((toolchain_digest() + built + json.dumps(rows, ensure_ascii=False, sort_keys=True))
                              .encode("utf-8")).hexdigest()
    if state.get("index") != page_key or not (output / INDEX_HREF).is_file():
        write_if_changed(output / INDEX_HREF, index_html(rows, search=True, version=__version__,
                                                         build_date=built).encode("utf-8"))
    state_text = json.dumps({"format": STATE_FORMAT, "search": digest, "index": page_key, "documents": new},
                            ensure_ascii=False, sort_keys=True) + "\n"
    write_if_changed(output / STATE_NAME, state_text.encode("utf-8"))


def _remove_temp_files(folder: Path) -> None:
    """Leftovers of a killed build's atomic writes in ``assets/``."""
    for path in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            os.unlink(path)
