"""Distributed Text Services 1.0 as static files: the collection answers DTS clients with no server.

Why: archives and other editions harvest collections through DTS (Entry,
Collection, Navigation and Document endpoints).  A static host maps a path to
a file and ignores the query string.  So the Collection template puts its
parameters in the path (the spec's advice for static sites), one file per
answer; the Navigation and Document templates keep ``ref``, ``start``,
``end`` and ``down`` as query parameters, so every request a client builds
reaches the one file there is for the document: the whole citation tree
(each unit with its level and parent: the exact answer for the whole range
with ``down=-1``, a superset of any other) and the whole TEI.  A file per
unit, per pair of units or per level is what made long documents and
documents with many enclosures a denial of service (406 files for 200
signature blocks); now every document gets 4 files whatever its length
(docs/dts.md says what a static site can and cannot answer).  The templates
are expanded with ``uritemplate`` (RFC 6570) both to publish ``@id``s and to
choose the file names, so a client that expands a template finds the file.

Layout under ``OUT/dts/`` (``{base}`` is ``--base-url``, default ``/``)::

    entry.jsonld                               Entry endpoint
    collection.jsonld, collection;nav=...      the root collection (@id "index")
    ID/collection.jsonld, ID/collection;nav=parents.jsonld   one Resource per published document
    ID/navigation.jsonld                       the whole citation tree
    ID/document.xml                            the TEI

``ID`` is the document's name as one URL segment (``urls.segment``): the
Resource's ``@id`` is a valid relative IRI whatever the file name.

Incremental: ``dts/.state.json`` remembers each document's build key and the
base URL; a document's folder is rewritten only when either changed, and
folders of documents no longer published are removed (only those we made).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from lxml import etree
from uritemplate import URITemplate

from ..errors import TeiEditionError
from ..files import write_if_changed
from ..safexml import parse_xml_bytes
from ..urls import segment, under
from .citetree import (CitationError, CitationTree, DtsTimeout, Unit, check_deadline, citation_tree,
                       navigation_members)

DTS_VERSION = "1.0"
CONTEXT = "https://dtsapi.org/context/v1.0.json"
FOLDER = "dts"
ROOT_ID = "index"  # the collection whose human page is index.html (no source may be called index)
ARCHIVE_PREFIX = "archive-"  # one collection per archive: archive-rgani, ...
PAGE_SIZE = 500  # members per Collection answer; larger collections are paginated
STATE = ".state.json"
#: Where the workers leave each document's answers for the pass to swap in (``dts_share``).
CACHE = ".cache"
SHARE_FOLDER = f"{FOLDER}/{CACHE}"
SHARE_FORMAT = 1
#: The shape of a document's answers; a build that finds another rewrites them all.
LAYOUT = "one-answer-1"

COLLECTION_T = "{+base}dts{/id}/collection{;nav,page}.jsonld"
#: The Navigation and Document parameters are query parameters, which a static host ignores: every request
#: gets the one file there is, the whole tree or the whole TEI (a superset of any answer; docs/dts.md).
NAVIGATION_T = "{+base}dts/{resource}/navigation.jsonld{?ref,start,end,down}"
DOCUMENT_T = "{+base}dts/{resource}/document.xml{?ref,start,end}"

# --------------------------------------------------------------------------- the site

@dataclass(frozen=True)
class Published:
    """One published document, as the collection knows it (from the build manifest)."""

    doc_id: str
    key: str
    title: str
    date: str | None = None
    summary: str | None = None
    pdf: bool = False
    archive: str | None = None       # the repository's short code (RGANI), else its name
    archive_name: str | None = None

    @property
    def collection_id(self) -> str:
        """The archive's collection: ``archive-`` + a slug of its code (``archive-none`` without one)."""
        slug = re.sub(r"[^a-z0-9]+", "-", (self.archive or "").lower()).strip("-")
        return f"{ARCHIVE_PREFIX}{slug or 'none'}"

    @property
    def dts_id(self) -> str:
        """The Resource's ``@id`` and folder name: the document's name as one URL segment (a valid IRI)."""
        return segment(self.doc_id)


@functools.lru_cache(maxsize=16)
def _template(text: str) -> URITemplate:
    """A parsed template (parsing costs more than expanding)."""
    return URITemplate(text)


class Site:
    """Expands the published templates; maps each expanded URL to the file that answers it."""

    def __init__(self, output: Path, base_url: str | None):
        self.output = Path(output)
        self.base = normalise_base(base_url)
        self._base_path = unquote(urlsplit(self.base).path)  # compared with decoded paths: `my%20site/` is `my site/`

    def url(self, template: str, **params) -> str:
        return _template(template).expand(base=self.base, **{k: v for k, v in params.items() if v is not None})

    def template(self, template: str, **fixed) -> str:
        """A template with ``base`` (and e.g. ``resource``) filled in and the other variables left."""
        return _template(template).partial(base=self.base, **fixed).uri

    def path(self, url: str) -> Path:
        """The file under the output folder that answers ``url`` (inside ``dts/``, never elsewhere)."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(self._base_path):
            raise ValueError(f"{url} is not under {self.base}")
        relative = Path(path[len(self._base_path):])
        if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (FOLDER,):
            raise ValueError(f"{url} leads outside {FOLDER}/")
        return self.output / relative


def normalise_base(base_url: str | None) -> str:
    """``--base-url`` with one trailing slash; ``/`` (the root of the host) by default."""
    base = (base_url or "/").strip()
    parts = urlsplit(base)
    if parts.query or parts.fragment or (parts.scheme and parts.scheme not in ("http", "https")):
        raise ValueError(f"--base-url {base_url!r} must be an http(s) URL or a path, without ? or #")
    if not parts.scheme and not base.startswith("/"):
        raise ValueError(f"--base-url {base_url!r} must be absolute (https://host/path/ or /path/)")
    return base if base.endswith("/") else base + "/"


def _dump(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _header() -> dict:
    return {"@context": CONTEXT, "dtsVersion": DTS_VERSION}


def entry_endpoint(site: Site) -> dict:
    return {**_header(), "@id": site.base + f"{FOLDER}/entry.jsonld", "@type": "EntryPoint",
            "collection": site.template(COLLECTION_T), "navigation": site.template(NAVIGATION_T),
            "document": site.template(DOCUMENT_T)}


def resource_object(site: Site, doc: Published, tree: CitationTree, *, full: bool) -> dict:
    """The Resource object of a document (``full``: with title, description, Dublin Core, downloads)."""
    res: dict = {"@id": doc.dts_id, "@type": "Resource"}
    if full:
        res.update({"title": doc.title or doc.doc_id, "totalParents": 1, "totalChildren": 0})
        if doc.summary:
            res["description"] = doc.summary
        dublin: dict = {"title": [{"lang": "en", "value": doc.title or doc.doc_id}], "type": ["Text"],
                        "language": ["en"]}
        if doc.date:
            dublin["date"] = doc.date
        if doc.archive_name:
            dublin["source"] = [{"lang": "en", "value": doc.archive_name}]
        res["dublinCore"] = dublin
        res["download"] = [under(site.base, doc.doc_id + ".xml")] + ([under(site.base, doc.doc_id + ".pdf")]
                                                                     if doc.pdf else [])
        res["mediaTypes"] = ["application/tei+xml"]
    res.update({
        "collection": site.template(COLLECTION_T, id=doc.dts_id),
        "navigation": site.template(NAVIGATION_T, resource=doc.dts_id),
        "document": site.template(DOCUMENT_T, resource=doc.dts_id),
        "citationTrees": [{"@type": "CitationTree", "citeStructure": tree.structure}] if tree.structure else [],
    })
    return res


def _collection_summary(site: Site, cid: str, title: str, parents: int, children: int) -> dict:
    return {"@id": cid, "@type": "Collection", "title": title, "totalParents": parents,
            "totalChildren": children, "collection": site.template(COLLECTION_T, id=cid)}


def collection_pages(site: Site, cid: str, title: str, parents: int, members: list[dict], *,
                     nav: str | None, page_size: int, parent_member: dict | None = None) -> dict[str, bytes]:
    """The answers about one collection: ``{url: bytes}``, paginated when it has many members.

    ``nav=parents`` lists ``parent_member`` (none for the root).  With more
    than ``page_size`` members the unpaginated answer is page 1, and every
    answer carries a ``view`` (Pagination) object.
    """
    head = {**_header(), **_collection_summary(site, cid, title, parents, len(members))}
    if nav == "parents":
        answer = {**head, "member": [parent_member] if parent_member else []}
        return {site.url(COLLECTION_T, id=cid, nav=nav): _dump(answer)}
    pages = max(1, -(-len(members) // page_size))
    out: dict[str, bytes] = {}
    for number in range(1, pages + 1):
        answer = {**head, "member": members[(number - 1) * page_size:number * page_size]}
        if pages > 1:
            def page_url(k):
                return site.url(COLLECTION_T, id=cid, nav=nav, page=k)
            answer["view"] = {"@id": page_url(number), "@type": "Pagination", "first": page_url(1),
                              "previous": page_url(number - 1) if number > 1 else None,
                              "next": page_url(number + 1) if number < pages else None,
                              "last": page_url(pages)}
            out[page_url(number)] = _dump(answer)
        if number == 1:
            out[site.url(COLLECTION_T, id=cid, nav=nav)] = _dump(answer)
    return out


def document_files(site: Site, doc: Published, tei: bytes, tree: CitationTree,
                   deadline: float | None = None) -> Iterator[tuple[str, bytes]]:
    """Every answer about one document that depends on it alone, one ``(url, bytes)`` at a time.

    Three files whatever the document's length and number of sections
    (docs/dts.md): the Resource; the whole TEI, the Document endpoint's one
    file; and the Navigation endpoint's one file, the whole citation tree:
    exactly the answer to ``start`` = the first top-level unit, ``end`` = the
    last, ``down=-1`` (its ``@id`` says so), and a superset of the answer to
    any other query (each unit carries its ``level`` and ``parent``).  Its
    ``nav=parents`` answer names the archive's collection and is written with
    the collections.
    """
    yield site.url(COLLECTION_T, id=doc.dts_id), _dump({**_header(), **resource_object(site, doc, tree, full=True)})
    yield site.url(DOCUMENT_T, resource=doc.dts_id), tei
    check_deadline(deadline)
    top = tree.top()
    query = {"start": top[0].identifier, "end": top[-1].identifier, "down": -1} if top else {}
    url = site.url(NAVIGATION_T, resource=doc.dts_id, **query)
    answer: dict = {**_header(), "@type": "Navigation", "@id": url,
                    "resource": resource_object(site, doc, tree, full=False)}
    if top:
        answer.update(start=top[0].json(), end=top[-1].json())
    answer["member"] = [u.json() for u in tree.units]  # navigation_members(tree, **query), without the copy
    yield url, _dump(answer)


# --------------------------------------------------------------------------- writing

def same_tei(record, output: Path, doc_id: str, key: str) -> tuple[bool, list | None]:
    """Whether a document's answers are still those of its TEI; and the record to keep for it.

    The record is ``[build key, size, mtime_ns, sha256]`` of ``NAME.xml``: the build key alone is not
    enough (``--force --run-date`` rewrites the TEI under the same key); a changed mtime with the
    same bytes (a fresh checkout) keeps the old record, so the state file does not churn.
    """
    path = os.path.join(output, f"{doc_id}.xml")  # a string: this runs for every document of every pass
    try:
        st = os.stat(path)
        if isinstance(record, list) and len(record) == 4 and record[0] == key and record[1] == st.st_size:
            if record[2] == st.st_mtime_ns:
                return True, record
            if record[3] == _file_sha256(path):
                return True, record
        return False, [key, st.st_size, st.st_mtime_ns, _file_sha256(path)]
    except OSError:
        return False, None


def _file_sha256(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def published_documents(entries: list[dict]) -> list[Published]:
    """The documents a build published (valid, with their TEI), in catalogue order, from its manifest entries."""
    docs = []
    for entry in entries:
        outputs = set(entry.get("outputs") or ())
        if entry.get("status") != "valid" or f"{entry['id']}.xml" not in outputs:
            continue
        record = entry.get("record") if isinstance(entry.get("record"), dict) else {}
        docs.append(published(entry["id"], str(entry.get("key") or ""), record, f"{entry['id']}.pdf" in outputs))
    docs.sort(key=lambda d: (d.date or "9999", d.doc_id))
    return docs


def published(doc_id: str, key: str, record: dict, pdf: bool) -> Published:
    """A document as the collection knows it, from its catalogue row (``records.read_record``)."""
    return Published(doc_id, key, record.get("title") or doc_id, record.get("date") or None,
                     record.get("summary") or None, pdf, record.get("archive") or None,
                     record.get("archive_name") or None)


# --------------------------------------------------------------------------- the per-document share

def dts_share(tree, tei: bytes, doc: Published, base: str, *, xdm=None) -> dict[str, bytes]:
    """One document's answers, made by the worker from the tree it holds: ``{path under the output: bytes}``
    (none when its citation tree cannot be made: the pass then tries, and warns).  ``xdm``: the same
    document already parsed by Saxon (``xsltrun.xdm_document``), not parsed again.

    Why: the citation tree is the DTS pass's costly part (an XPath walk of the text); made in the
    worker, the pass in the main process only swaps the files in (``_publish``).
    """
    site = Site(Path("."), base)
    try:
        source = xdm if xdm is not None else etree.tostring(tree.getroot(), encoding="unicode")
        files = list(document_files(site, doc, tei, citation_tree(source, passages=False)))
    except (CitationError, ValueError, LookupError, TeiEditionError):
        return {}
    data = {"format": SHARE_FORMAT, "base": site.base, "tei": hashlib.sha256(tei).hexdigest(),
            "doc": dataclasses.asdict(doc),
            "files": [[url, None if body is tei else body.decode("utf-8")] for url, body in files]}
    return {f"{SHARE_FOLDER}/{doc.dts_id}.json": _dump(data)}


def _shared_files(site: Site, doc: Published, tei: bytes) -> list[tuple[str, bytes]] | None:
    """The answers a worker made for exactly this document, TEI and base URL; None when there is no such share."""
    try:
        data = json.loads((site.output / SHARE_FOLDER / f"{doc.dts_id}.json").read_bytes())
        if (data["format"] != SHARE_FORMAT or data["base"] != site.base or data["doc"] != dataclasses.asdict(doc)
                or data["tei"] != hashlib.sha256(tei).hexdigest()):
            return None
        return [(url, tei if text is None else text.encode("utf-8")) for url, text in data["files"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_dts(output: Path, entries: list[dict], *, base_url: str | None = None,
              warn=lambda message: None, page_size: int = PAGE_SIZE, time_limit: float | None = None,
              force: bool = False) -> int:
    """Bring ``output/dts`` up to date with the published documents; return how many folders were rewritten.

    ``entries`` are the build manifest's documents (``{"id": ..., **entry}``); ``force`` rewrites
    every document's answers (``build --force``, or answers found damaged).
    ``time_limit`` (the build's ``--time-limit``) bounds each document's answers:
    a document past it gets none and a warning, and the pass goes on.
    """
    site = Site(output, base_url)
    folder = Path(output) / FOLDER
    folder.mkdir(exist_ok=True)
    _remove_leftovers(folder)
    docs = published_documents(entries)
    collections = {d.collection_id for d in docs} | {ROOT_ID}
    state = _current_state(folder, site)
    known: dict = state["documents"]
    listed_before = (sorted(known), state.get("collections"))
    for doc_id in sorted(set(known) - {d.doc_id for d in docs}):
        _remove_folder(folder, segment(doc_id) if isinstance(doc_id, str) else "")
        known.pop(doc_id)
    for cid in sorted(set(state.get("collections") or ()) - collections):
        _remove_folder(folder, cid)
    rewritten, published, changed = 0, [], set()
    answers = os.path.join(folder, "")
    for doc in docs:
        dts_id = doc.dts_id
        if dts_id in collections or dts_id in (".", ".."):
            warn(f"{doc.doc_id}.xml: warning: no DTS answers: the name cannot be a DTS identifier "
                 "(it is a collection's, or a path step); rename the source")
            continue
        same, record = same_tei(None if force else known.get(doc.doc_id), output, doc.doc_id, doc.key)
        if not (same and os.path.isdir(answers + dts_id)):
            problem = _publish(site, folder, doc, time_limit)
            if problem:
                warn(f"{doc.doc_id}.xml: warning: no DTS answers for this document: {problem}")
                _remove_folder(folder, doc.dts_id)
                known.pop(doc.doc_id, None)
                continue
            known[doc.doc_id] = record
            changed.add(doc.doc_id)
            rewritten += 1
        published.append(doc)
    state["collections"] = sorted(collections - {ROOT_ID})
    # the same documents with the same TEI in the same collections: every list is as the last pass left it
    # (damaged files make the build pass force); else the lists are made again from the documents' Resources
    if force or rewritten or listed_before != (sorted(known), state["collections"]):
        members = state.get("members") if isinstance(state.get("members"), dict) and not force else {}
        sizes = state.get("archives") if isinstance(state.get("archives"), dict) and not force else {}
        state["members"], state["archives"] = _write_collections(site, folder, published, page_size,
                                                                 members, changed, sizes)
    shutil.rmtree(folder / CACHE, ignore_errors=True)  # the workers' shares are consumed (or of no use now)
    write_if_changed(folder / "entry.jsonld", _dump(entry_endpoint(site)))
    # compact: with every document's Resource in it, indent would make json use its slow pure-Python encoder
    # key order kept (not sorted): the Resources are written back into the lists as they were read
    write_if_changed(folder / STATE, json.dumps(state, ensure_ascii=False,
                                                separators=(",", ":")).encode("utf-8") + b"\n")
    return rewritten


def _publish(site: Site, folder: Path, doc: Published, time_limit: float | None) -> str | None:
    """Write one document's answers (its folder whole or absent); what went wrong, or None."""
    deadline = time.monotonic() + time_limit if time_limit else None
    try:
        tei = (site.output / f"{doc.doc_id}.xml").read_bytes()
        files = _shared_files(site, doc, tei)
        if files is None:  # no worker made them (an older build, another base URL): made here
            tree = citation_tree(_safe_text(tei, doc.doc_id), deadline=deadline, passages=False)
            files = document_files(site, doc, tei, tree, deadline)
        _replace_folder(site, folder, doc.dts_id, files)
    except DtsTimeout:
        return f"they took longer than the time limit of {time_limit:g} s (--time-limit)"
    except (OSError, CitationError, ValueError, LookupError, TeiEditionError) as exc:
        return str(exc)
    return None


def _remove_leftovers(folder: Path) -> None:
    """Temporary folders and files of a build that was killed while writing."""
    for leftover in folder.glob(".*.tmp"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _current_state(folder: Path, site: Site) -> dict:
    """The state file, or a fresh one (and no answers kept) when the base URL or the layout changed."""
    state = _load_state(folder)
    if state.get("base") == site.base and state.get("layout") == LAYOUT:
        return state
    for doc_id in state.get("documents") or ():  # answers of another base or layout: none is right now
        if isinstance(doc_id, str):
            _remove_folder(folder, doc_id)  # the folder of a layout that named it raw
            _remove_folder(folder, segment(doc_id))
    return {"base": site.base, "layout": LAYOUT, "documents": {}, "collections": state.get("collections") or []}


def _write_collections(site: Site, folder: Path, published: list[Published], page_size: int,
                       members: dict, changed: set, sizes: dict) -> tuple[dict, dict]:
    """The root collection, one collection per archive (full Resources as members), each document's parents;
    returns what the state keeps for the next pass: a digest of each document's Resource and each
    archive's title and size.

    Why: an edit used to read back every document's Resource and remake every ``nav=parents``
    answer (O(N) files read per edit).  Now a document's Resource is read from its own answer
    only when it was rewritten, or when its archive's lists or ``nav=parents`` answers are made
    again; the state keeps a 16-byte digest of each (whole Resources made the state 13 MB at
    10,000 documents, read and written on every edit).  A document's ``nav=parents`` answer is
    made again only when the document was rewritten or its archive's title or size changed (that
    answer names the archive and its ``totalChildren``).  An archive's lists are made again only
    when a member's Resource, its members or their order changed, the root's when an archive's
    title or size did (an edited body word at 10,000 documents remade all 33 lists).
    """
    by_archive: dict[str, list[Published]] = {}
    for doc in published:
        by_archive.setdefault(doc.collection_id, []).append(doc)
    titles = {cid: (docs[0].archive_name or docs[0].archive or "Documents without an archive")
              for cid, docs in by_archive.items()}
    root_title = "teiedition collection"
    root_member = _collection_summary(site, ROOT_ID, root_title, 0, len(by_archive))
    files: dict[str, bytes] = {}
    kept: dict = {}
    now: dict[str, list] = {}
    remade = []  # the collections whose lists are made again (the others' pages stay as they are)
    every = set(by_archive) != set(sizes)  # an archive came or went: each list names the root and its size
    for cid, docs in by_archive.items():
        archive_member = _collection_summary(site, cid, titles[cid], 1, len(docs))
        before = sizes.get(cid) if isinstance(sizes.get(cid), list) else []
        now[cid] = [titles[cid], len(docs), _order(docs)]
        same_archive = before[:2] == now[cid][:2]
        dirty = every or before != now[cid]  # its lists change when its title, members or their order do,
        read: dict[str, dict] = {}  # the Resources read now: rewritten documents', and those with no digest kept
        for doc in docs:
            digest = None if doc.doc_id in changed else _member_digest(members.get(doc.doc_id))
            if digest is None:
                read[doc.doc_id] = _resource(site, doc)
                digest = _member_digest(read[doc.doc_id])
                dirty = dirty or digest != _member_digest(members.get(doc.doc_id))  # or a member's Resource
            kept[doc.doc_id] = digest
        if dirty or not same_archive:
            read.update((doc.doc_id, _resource(site, doc)) for doc in docs if doc.doc_id not in read)
        for doc_id, own in read.items():
            files[site.url(COLLECTION_T, id=segment(doc_id), nav="parents")] = _dump(
                {**_header(), **own, "member": [archive_member]})
        if dirty:
            remade.append(cid)
            listed = [read[doc.doc_id] for doc in docs]
            for nav in (None, "children", "parents"):
                files.update(collection_pages(site, cid, titles[cid], 1, listed, nav=nav, page_size=page_size,
                                              parent_member=root_member))
    # the root lists each archive's title and size
    if {cid: v[:2] for cid, v in now.items()} != {cid: v[:2] for cid, v in sizes.items() if isinstance(v, list)}:
        remade.append(ROOT_ID)
        archives = [_collection_summary(site, cid, now[cid][0], 1, now[cid][1]) for cid in sorted(now)]
        for nav in (None, "children", "parents"):
            files.update(collection_pages(site, ROOT_ID, root_title, 0, archives, nav=nav, page_size=page_size))
            files[site.url(COLLECTION_T, nav=nav)] = files[site.url(COLLECTION_T, id=ROOT_ID, nav=nav)]
    written = set()
    for url, data in files.items():
        written.add(site.path(url))
        write_if_changed(site.path(url), data)
    for cid in remade:  # pages past the end of a collection that shrank
        for page in (folder / cid).glob("collection*page=*.jsonld"):
            if page not in written:
                page.unlink(missing_ok=True)
    return kept, now


def _resource(site: Site, doc: Published) -> dict:
    """A document's Resource as its Collection answer holds it (what the archive's lists show)."""
    own = json.loads(site.path(site.url(COLLECTION_T, id=doc.dts_id)).read_text(encoding="utf-8"))
    own.pop("@context", None)
    own.pop("dtsVersion", None)
    return own


def _member_digest(member) -> str | None:
    """What the state keeps of a member's Resource: a digest (a whole Resource, as older states kept, is
    digested; anything else is None: read the Resource again)."""
    if isinstance(member, str):
        return member
    if not isinstance(member, dict):
        return None
    return hashlib.sha256(json.dumps(member, ensure_ascii=False, sort_keys=True)
                          .encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _order(docs: list[Published]) -> str:
    """A short hash of an archive's members in their order (what its lists show besides each Resource)."""
    return hashlib.sha256("\0".join(d.doc_id for d in docs).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _safe_text(tei: bytes, doc_id: str) -> str:
    """The TEI through the hardened parser, as entity-free text for Saxon."""
    return etree.tostring(parse_xml_bytes(tei, name=f"{doc_id}.xml").getroot(), encoding="unicode")


def _load_state(folder: Path) -> dict:
    try:
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"base": None, "documents": {}}
    if not isinstance(state, dict) or not isinstance(state.get("documents"), dict):
        return {"base": None, "documents": {}}
    return state


def _replace_folder(site: Site, folder: Path, name: str, files: Iterator[tuple[str, bytes]]) -> None:
    """Write a document's answers into a fresh folder as they come, then swap it in: whole or absent."""
    fresh = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=folder))
    try:
        target = folder / name
        made = {fresh}
        for url, data in files:
            out = fresh / site.path(url).relative_to(target)
            if out.parent not in made:
                out.parent.mkdir(parents=True, exist_ok=True)
                made.add(out.parent)
            out.write_bytes(data)
        os.chmod(fresh, 0o755 & ~_umask())
        old = None
        if target.exists():
            old = folder / f".{name}.old.tmp"
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        fresh.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_folder(folder: Path, doc_id: str) -> None:
    """Delete the answers of one document: only a plain name inside ``dts/`` (the state may be edited)."""
    if not isinstance(doc_id, str) or Path(doc_id).name != doc_id or doc_id in ("", ".", ".."):
        return
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder / doc_id)


__all__ = ["CitationError", "CitationTree", "DtsTimeout", "Published", "Site", "Unit",
           "citation_tree", "document_files", "entry_endpoint", "navigation_members", "normalise_base", "published", "published_documents", "write_dts", "dts_share"]
