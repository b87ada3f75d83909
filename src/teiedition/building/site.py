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
* ``assets/search/`` holds the full-text search data, split so the page
  loads only what a query needs (``search_shards.py``); ``assets/search.js``
  searches it with MiniSearch (vendored, MIT) and shows keyword-in-context
  snippets.  A document is read from its TEI only when the TEI file changed
  (``.teiedition-site.json`` keeps its light record and field lengths), and
  only the shards of its words are rewritten, so the search is as
  incremental as the build.
* ``index.html`` links the entity pages and the DTS entry point when the
  build made them (``collection_links``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from pathlib import Path

from lxml import etree

from .. import __version__
from ..files import write_if_changed
from ..rendering import xsltrun
from ..rendering.render import ASSETS as SOURCE_ASSETS
from ..safexml import parse_xml_bytes, read_bytes
from .catalogue import index_html
from .dts import FOLDER as DTS
from .entity_pages import FOLDER as ENTITIES
from .manifest import toolchain_digest
from ..urls import segment
from .page import INDEX_HREF, page_params  # noqa: F401 - page_params: re-exported
from .search_records import (SHARE_FOLDER, entry_names, plain_text, read_share,  # noqa: F401 - re-exported
                             search_entry, search_record)
from .search_shards import SearchDoc, StaleShards, TermSpool, prepare, text_files, write_search, write_text

TEI = "http://www.tei-c.org/ns/1.0"
#: What the site pass remembers between builds (in the output folder, beside the manifest).
STATE_NAME = ".teiedition-site.json"
#: Per published document, the digest of its part of each search shard (``search_shards.write_search``).
DIGESTS_FOLDER = ".teiedition-search"
STATE_FORMAT = 3  # 3: records carry the entries' variant names and the handling marks
#: Sub-folder of the output with the search scripts (no source can produce a file there).
ASSETS = "assets"
#: Files copied from ``xslt/assets`` into ``OUTPUT/assets`` as they are.
COPIED_ASSETS = ("minisearch.js", "minisearch.LICENSE.txt", "search.js")
#: The single search data file of earlier versions, removed when found.
OLD_SEARCH_INDEX = "search-index.js"

#: Navigation bars rendered per call of ``site.xsl`` (a few hundred: the call's overhead is spread,
#: what it holds stays small).
NAV_BATCH = 500
_NAV_START = '<nav class="collection-nav"'
_NAV_END = "</nav>"

# --------------------------------------------------------------------------- document pages

def neighbours(rows: list[dict]) -> dict[str, dict]:
    """For each published document (rows in date order), the nav-bar parameters: previous and next by date."""
    chain = [row for row in rows if row.get("html")]
    navs = {}
    for i, row in enumerate(chain):
        nav = {}
        for rel, other in (("prev", chain[i - 1] if i else None), ("next", chain[i + 1] if i + 1 < len(chain) else None)):
            if other is not None:
                nav[f"{rel}-href"] = segment(other["html"])
                nav[f"{rel}-title"] = other.get("title") or other["id"]
                nav[f"{rel}-date"] = other.get("date") or ""
        navs[row["id"]] = nav
    return navs


def render_navs(navs: list[dict]) -> list[str]:
    """The collection bars for ``navs`` (each a dict of nav parameters), one XSLT call for all."""
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


# --------------------------------------------------------------------------- state

def _stat(path: Path | str) -> list[int] | None:
    """``[size, mtime_ns]`` of a file, or None (taken for every page and TEI of the collection:
    a string path, no ``Path`` made per file)."""
    try:
        st = os.stat(path)
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

def write_site(output: Path, rows: list[dict], *, force: bool = False) -> set[str]:
    """Search data, the bars of the document pages, and index.html, for ``rows`` (catalogue rows, date order);
    return the documents whose page got a new bar (the build records those pages' stats again).

    ``force``: every search file and the index are written again from every document (``--force``,
    or files found damaged).
    """
    state = load_state(output)
    old = state["documents"]
    published = [row for row in rows if row.get("html") and row.get("tei")]
    assets = output / ASSETS
    assets.mkdir(exist_ok=True)
    _remove_temp_files(assets)
    toolchain = toolchain_digest()
    previous = state.get("search")
    # documents keep their search numbers even when everything is written again (ids stable)
    numbers = _ids(previous)
    # another toolchain may tokenise differently: then every document is read again
    if force or not isinstance(previous, dict) or previous.get("toolchain") != toolchain:
        previous = None
    gone = set(old) - {row["id"] for row in published}  # their search texts go, even when all is rewritten
    prepare(assets)
    try:
        with TermSpool() as spool:
            new, docs = _search_docs(output, published, old, previous, spool)
            search_state = write_search(assets, docs, previous, spool, gone=gone, numbers=numbers,
                                         digests=output / DIGESTS_FOLDER)
    except StaleShards:  # a shard deleted or damaged by hand: write them all from every document
        with TermSpool() as spool:
            new, docs = _search_docs(output, published, old, None, spool)
            search_state = write_search(assets, docs, None, spool, gone=gone, numbers=numbers,
                                         digests=output / DIGESTS_FOLDER)
    search_state["toolchain"] = toolchain
    shutil.rmtree(output / SHARE_FOLDER, ignore_errors=True)  # the workers' shares are consumed: all are in the shards
    with contextlib.suppress(OSError):
        os.unlink(assets / OLD_SEARCH_INDEX)

    navs = neighbours(published)
    root = os.path.join(output, "")
    stale = [row["id"] for row in published
             if new[row["id"]]["nav"] != navs[row["id"]] or new[row["id"]]["html"] != _stat(root + row["html"])]
    for doc_id, bar in _bars(stale, navs):
        page = output / f"{doc_id}.html"
        with contextlib.suppress(OSError, UnicodeDecodeError):
            spliced = splice_nav(page.read_text(encoding="utf-8"), bar)
            if spliced is not None:
                write_if_changed(page, spliced.encode("utf-8"))
        new[doc_id]["nav"] = navs[doc_id]
        new[doc_id]["html"] = _stat(page)

    for name in COPIED_ASSETS:
        write_if_changed(assets / name, (SOURCE_ASSETS / name).read_bytes())

    built = max((d.record.get("built") or "" for d in docs), default="")
    links = collection_links(output)
    # index.html only when what it shows changed (an unchanged rebuild then needs no XSLT processor at all)
    page_key = hashlib.sha256((toolchain + built + json.dumps([rows, links], ensure_ascii=False, sort_keys=True))
                              .encode("utf-8")).hexdigest()
    if force or state.get("index") != page_key or not (output / INDEX_HREF).is_file():
        write_if_changed(output / INDEX_HREF, index_html(rows, search=True, version=__version__, build_date=built,
                                                         links=links).encode("utf-8"))
    state_text = json.dumps({"format": STATE_FORMAT, "search": search_state, "index": page_key, "documents": new},
                            ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    write_if_changed(output / STATE_NAME, state_text.encode("utf-8"))
    return set(stale)


def _bars(stale: list[str], navs: dict[str, dict]):
    """``(id, bar)`` for the ``stale`` pages, rendered ``NAV_BATCH`` at a time (one XSLT call each):
    a first build's bars in one call held every bar, and Saxon's tree of them, at once."""
    for start in range(0, len(stale), NAV_BATCH):
        batch = stale[start:start + NAV_BATCH]
        yield from zip(batch, render_navs([navs[doc_id] for doc_id in batch]))


def _ids(search_state) -> list[str]:
    """The search numbering the site cache remembers (ids in number order), or none."""
    ids = search_state.get("ids") if isinstance(search_state, dict) else None
    return [d for d in ids if isinstance(d, str)] if isinstance(ids, list) else []


def _search_docs(output: Path, published: list[dict], old: dict, previous: dict | None, spool: TermSpool):
    """The site cache's new entries and the documents for the search; a TEI is read only when it changed
    (or its text script is missing, or ``previous`` is None: every one is read).  A document read
    has its text written and its terms spooled at once, so neither is held for the whole collection."""
    texts = text_files(output / ASSETS) if previous is not None else set()
    new: dict[str, dict] = {}
    docs = []
    root = os.path.join(output, "")
    for row in published:
        cached = old.get(row["id"]) or {}
        tei_stat = _stat(root + row["tei"])
        record = cached.get("record")
        if (previous is None or cached.get("tei") != tei_stat or not isinstance(record, dict)
                or not isinstance(cached.get("lengths"), list) or f"{row['id']}.js" not in texts
                or record.get("title") != (row.get("title") or row["id"])
                or record.get("date") != (row.get("date") or "") or record.get("archive") != (row.get("archive") or "")):
            tei = read_bytes(output / row["tei"])
            # the worker's share of this very TEI, else the TEI read and tokenised here
            record, lengths, terms, text = (read_share(output, row, tei)
                                            or search_entry(parse_xml_bytes(tei, name=str(output / row["tei"])), row))
            write_text(output / ASSETS, row["id"], text)
            docs.append(SearchDoc(record, lengths, *spool.add(row["id"], terms)))
        else:
            docs.append(SearchDoc(record, cached["lengths"]))
        new[row["id"]] = {"tei": tei_stat, "record": record, "lengths": docs[-1].lengths,
                          "html": cached.get("html"), "nav": cached.get("nav")}
    return new, docs


def collection_links(output: Path) -> dict:
    """The collection's other entry points the index links to, when the build made them."""
    links = {}
    if (output / ENTITIES / "index.html").is_file():
        links["entities"] = f"{ENTITIES}/index.html"
    if (output / DTS / "entry.jsonld").is_file():
        links["dts"] = f"{DTS}/entry.jsonld"
    return links


def _remove_temp_files(folder: Path) -> None:
    """Leftovers of a killed build's atomic writes in ``assets/``."""
    for path in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            os.unlink(path)
