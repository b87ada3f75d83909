"""Distributed Text Services 1.0 as static files: the collection answers DTS clients with no server.

Why: archives and other editions harvest collections through DTS (Entry,
Collection, Navigation and Document endpoints).  A static host cannot read
query parameters, so the URI templates we publish put every parameter in the
path (the spec's own advice for static sites) and the build writes one file
per answer, at the path the template expands to.  The templates are expanded
with ``uritemplate`` (RFC 6570) both to publish ``@id``s and to choose the
file names, so a client that expands a template finds the file we wrote.

A static site cannot answer every query (one file per query would be one per
paragraph, per pair of paragraphs and per ``down``: quadratic and cubic in the
document).  It answers *level by level*, a fixed set per document (see
docs/dts.md): each Navigation answer is the one DTS gives for ``down=1`` (a
unit and its children), for the whole resource, for every unit that has
children (the sections) and for the range of all top-level units; Document
passages for the same units and range.  A document with ``k`` sections gets
``4 + 2k + 2`` files (8 for one section), answers whose total size is linear
in the document, written one by one as they are made (never all in memory).

Layout under ``OUT/dts/`` (``{base}`` is ``--base-url``, default ``/``)::

    entry.jsonld                               Entry endpoint
    collection.jsonld, collection;nav=...      the root collection (@id "index")
    ID/collection{;nav}.jsonld                 one Resource per published document
    ID/navigation{/ref,start,end}.jsonld
    ID/document{/ref,start,end}.xml            the TEI, or one passage in <dts:wrapper>

``ID`` is the document's name as one URL segment (``urls.segment``): the
Resource's ``@id`` is a valid relative IRI whatever the file name.

Incremental: ``dts/.state.json`` remembers each document's build key and the
base URL; a document's folder is rewritten only when either changed, and
folders of documents no longer published are removed (only those we made).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from uritemplate import URITemplate

from ..errors import TeiEditionError
from ..files import write_if_changed
from ..urls import segment, under

DTS_VERSION = "1.0"
CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_NS = "https://w3id.org/api/dts#"
TEI_NS = "http://www.tei-c.org/ns/1.0"
FOLDER = "dts"
ROOT_ID = "index"  # the collection whose human page is index.html (no source may be called index)
ARCHIVE_PREFIX = "archive-"  # one collection per archive: archive-rgani, ...
PAGE_SIZE = 500  # members per Collection answer; larger collections are paginated
STATE = ".state.json"
#: The shape of a document's answers; a build that finds another rewrites them all.
LAYOUT = "levels-1"

COLLECTION_T = "{+base}dts{/id}/collection{;nav,page}.jsonld"
NAVIGATION_T = "{+base}dts/{resource}/navigation{/ref,start,end}.jsonld"
DOCUMENT_T = "{+base}dts/{resource}/document{/ref,start,end}.xml"

_SERIALIZE = "serialize(., map{'method': 'xml', 'indent': false(), 'omit-xml-declaration': true()})"

#: Identifiers that survive a path segment unchanged (RFC 3986 unreserved characters).
_SAFE_REF = re.compile(r"[A-Za-z0-9._~-]+")


class CitationError(ValueError):
    """The TEI's citeStructure cannot be followed (a bad XPath, an identifier unfit for a URL)."""


# --------------------------------------------------------------------------- the citation tree

@dataclass(frozen=True)
class Unit:
    """One citable unit: its DTS identifier, depth, parent, type, and the XML of its element.

    ``xml`` is kept only for units whose passage is published (top-level units and
    units of a level that has a level below): a paragraph's text is not held twice.
    """

    identifier: str
    level: int
    parent: str | None
    cite_type: str | None
    xml: str | None
    anchor: str | None = None  # the element's xml:id (the HTML page's anchor)
    branch: bool = False       # its citeStructure declares a level below

    def json(self) -> dict:
        unit = {"identifier": self.identifier, "@type": "CitableUnit", "level": self.level, "parent": self.parent}
        if self.cite_type:
            unit["citeType"] = self.cite_type
        return unit


@dataclass
class CitationTree:
    """The declared structure (for ``citationTrees``) and the units in document order."""

    structure: list[dict] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._position = {u.identifier: i for i, u in enumerate(self.units)}
        # where each unit's subtree ends (exclusive), in one pass: units are in document order
        self._end = [len(self.units)] * len(self.units)
        open_units: list[int] = []
        for i, unit in enumerate(self.units):
            while open_units and self.units[open_units[-1]].level >= unit.level:
                self._end[open_units.pop()] = i
            open_units.append(i)

    @property
    def depth(self) -> int:
        return max((u.level for u in self.units), default=0)

    def get(self, identifier: str) -> Unit | None:
        position = self._position.get(identifier)
        return None if position is None else self.units[position]

    def position(self, unit: Unit) -> int:
        return self._position[unit.identifier]

    def subtree(self, unit: Unit) -> list[Unit]:
        """``unit`` and every unit below it, in document order."""
        i = self._position[unit.identifier]
        return self.units[i:self._end[i]]

    def top(self) -> list[Unit]:
        return [u for u in self.units if u.level == 1]


def citation_tree(tei_text: str, *, deadline: float | None = None) -> CitationTree:
    """Follow the first ``refsDecl`` with ``citeStructure`` of a TEI document (text, hardened before).

    Each ``citeStructure/@match`` is evaluated from its parent unit (the
    document for the top level); ``@use`` is evaluated for each match with the
    match sequence as focus, so ``position()`` counts the matches.  A unit's
    identifier is its parent's, then ``@delim``, then the ``@use`` value.
    Past ``deadline`` (a ``time.monotonic()`` value) it raises ``DtsTimeout``.
    """
    from ..rendering.xsltrun import safe_processor

    proc = safe_processor()  # the document's XPath may not read any file or URL
    doc = proc.parse_xml(xml_text=tei_text)
    xp = proc.new_xpath_processor()
    xp.declare_namespace("", TEI_NS)
    xp.declare_namespace("tei", TEI_NS)
    xp.set_context(xdm_item=doc)
    decls = xp.evaluate("(/TEI/teiHeader/encodingDesc/refsDecl[citeStructure])[1]/citeStructure")
    structures = list(_items(decls))
    if not structures:
        return CitationTree()
    shape = [_shape(xp, s) for s in structures]
    found: list[tuple[object, Unit]] = []
    ordered = [True]
    _walk(xp, doc, structures, None, 1, found, deadline, ordered)
    found = _in_document_order(xp, found, ordered[0])
    seen: set[str] = set()
    for _, unit in found:
        if unit.identifier in seen:
            raise CitationError(f"citeStructure gives the identifier {unit.identifier!r} twice")
        seen.add(unit.identifier)
    return CitationTree(shape, [u for _, u in found])


class DtsTimeout(Exception):
    """A document's answers took longer than the build's ``--time-limit``."""


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise DtsTimeout


#: Whether a structure's matches, from their parent, come in document order, each inside the parent and
#: after the previous match's subtree: then the walk's order is document order (one call per parent).
_ORDERED = ("let $ctx := ., $m := ({match}) return every $i in 1 to count($m) satisfies "
            "exists($m[$i]/ancestor::node()[. is $ctx]) and "
            "($i = count($m) or $m[$i + 1] >> ($m[$i]/descendant-or-self::node())[last()])")


def _in_document_order(xp, found: list, ordered: bool) -> list:
    """The units sorted by their elements' document order.

    When the walk already gives it (``ordered``: one structure per level, matches
    in order inside their parent, as the converter declares) nothing is done.
    Otherwise each unit's position is counted (``preceding::node()``), quadratic
    in the worst case but only for unusual citeStructures, and bounded by the time limit.
    """
    if ordered:
        return found
    keyed = []
    for node, unit in found:
        xp.set_context(xdm_item=node)
        keyed.append((int(str(xp.evaluate_single("count(preceding::node()) + count(ancestor::node())")
                              .string_value)), unit))
    keyed.sort(key=lambda pair: pair[0])
    return keyed


def _items(value):
    if value is None:
        return
    for i in range(value.size):
        yield value.item_at(i)


def _attr(xp, node, name: str) -> str | None:
    xp.set_context(xdm_item=node)
    value = xp.evaluate_single(f"@{name}/string()")
    return None if value is None else str(value.string_value)


def _shape(xp, structure) -> dict:
    """One ``CiteStructure`` object of ``citationTrees`` (types only)."""
    out: dict = {"@type": "CiteStructure", "citeType": _attr(xp, structure, "unit") or "unit"}
    xp.set_context(xdm_item=structure)
    children = [_shape(xp, c) for c in _items(xp.evaluate("citeStructure"))]
    if children:
        out["citeStructure"] = children
    return out


def _evaluate(xp, context, expression: str, what: str):
    xp.set_context(xdm_item=context)
    try:
        return xp.evaluate(expression)
    except Exception as exc:  # PySaxonApiError: the document's own XPath is wrong
        message = " ".join(str(exc).split())[:200]
        raise CitationError(f"citeStructure {what} {expression!r} cannot be evaluated: {message}") from None


def _walk(xp, context, structures, parent: Unit | None, level: int, found: list, deadline, ordered: list) -> None:
    """Collect the units below ``context``: a few XPath calls per structure and parent, not per unit.

    ``ordered[0]`` is cleared when the walk's order may not be document order.
    """
    if len(structures) > 1:
        ordered[0] = False
    for structure in structures:
        _check(deadline)
        match, use = _attr(xp, structure, "match"), _attr(xp, structure, "use")
        if not match or not use:
            raise CitationError("citeStructure needs both @match and @use")
        delim = _attr(xp, structure, "delim") or ""
        cite_type = _attr(xp, structure, "unit")
        nodes = list(_items(_evaluate(xp, context, f"({match})", "@match")))
        values = [str(v.string_value) for v in _items(_evaluate(xp, context, f"({match}) ! string(({use}))", "@use"))]
        anchors = [str(v.string_value) for v in _items(_evaluate(xp, context, f"({match}) ! string(@xml:id)", "@match"))]
        if ordered[0] and nodes:
            ordered[0] = str(_evaluate(xp, context, _ORDERED.format(match=match), "@match").head.string_value) == "true"
        xp.set_context(xdm_item=structure)
        children = list(_items(xp.evaluate("citeStructure")))
        for node, value, anchor in zip(nodes, values, anchors):
            identifier = (parent.identifier + delim + value) if parent else value
            if not _SAFE_REF.fullmatch(identifier) or identifier in (".", ".."):
                raise CitationError(f"citable unit identifier {identifier!r} cannot be a static path "
                                    "(letters, digits and . _ ~ - only)")
            xml = None
            if children or level == 1:  # as it stands (no indentation added); only passages that are published
                _check(deadline)
                xp.set_context(xdm_item=node)
                xml = str(xp.evaluate_single(_SERIALIZE).string_value)
            unit = Unit(identifier, level, parent.identifier if parent else None, cite_type, xml,
                        anchor or None, bool(children))
            found.append((node, unit))
            if children:
                _walk(xp, node, children, unit, level + 1, found, deadline, ordered)


# --------------------------------------------------------------------------- answers

def navigation_members(tree: CitationTree, *, ref: str | None = None, start: str | None = None,
                       end: str | None = None, down: int | None = None) -> list[Unit] | None:
    """The ``member`` array of a Navigation answer (None: no member property), per the spec's table.

    Raises ``LookupError`` for a unit that does not exist (404) and
    ``ValueError`` for a combination the spec calls a bad request (400).
    Linear in the answer (subtrees are slices of the tree in document order).
    """
    if ref and (start or end) or bool(start) != bool(end):
        raise ValueError("ref excludes start/end, and start needs end")
    if down is not None and down < -1:
        raise ValueError("down must be -1 or more")

    def unit(identifier: str) -> Unit:
        found = tree.get(identifier)
        if found is None:
            raise LookupError(identifier)
        return found

    if ref:
        target = unit(ref)
        if down is None:
            return None
        if down == 0:
            parent = tree.get(target.parent) if target.parent else None
            around = tree.subtree(parent)[1:] if parent else tree.units
            return [u for u in around if u.level == target.level]
        limit = None if down == -1 else target.level + down
        return [u for u in tree.subtree(target) if limit is None or u.level <= limit]
    if start:
        first, last = unit(start), unit(end)
        i, j = tree.position(first), tree.position(last)
        if i > j:
            raise LookupError(f"{start} comes after {end}")
        if down is None:
            return None
        if down == 0:
            raise ValueError("down=0 needs ref")
        stop = j + len(tree.subtree(last))
        top = min(first.level, last.level)
        limit = None if down == -1 else max(first.level, last.level) + down
        return [u for u in tree.units[i:stop] if u.level >= top and (limit is None or u.level <= limit)]
    if down is None or down == 0:
        raise ValueError("navigation of the whole resource needs down (1 or more, or -1)")
    return [u for u in tree.units if down == -1 or u.level <= down]


def _wrapper(units: list[Unit]) -> bytes:
    """A passage as the Document endpoint returns it: the elements inside ``dts:wrapper``."""
    inner = "".join(u.xml or "" for u in units)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}">'
            f'<dts:wrapper xmlns:dts="{DTS_NS}">{inner}</dts:wrapper></TEI>\n').encode("utf-8")


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
        self._base_path = urlsplit(self.base).path

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


def answered_units(tree: CitationTree) -> list[Unit]:
    """The units that get Navigation and Document answers of their own: those of a level with a level below.

    In the converter's tree (sections, paragraphs) these are the sections.  A
    leaf (a paragraph) is listed in its parent's answer; its own ``down=1``
    answer would only repeat it, and one file per paragraph is what a static
    site cannot afford.
    """
    return [u for u in tree.units if u.branch]


def document_files(site: Site, doc: Published, tei: bytes, tree: CitationTree,
                   deadline: float | None = None) -> Iterator[tuple[str, bytes]]:
    """Every answer about one document that depends on it alone, one ``(url, bytes)`` at a time.

    Written as they come (never all held at once).  The set is fixed by the
    tree's shape (module docstring, docs/dts.md): the Resource; Navigation
    answers as for ``down=1`` for the whole resource, each answered unit and
    the range of all top-level units; Document answers for the whole TEI, each
    answered unit and that range.  Its ``nav=parents`` answer names the
    archive's collection and is written with the collections.
    """
    yield site.url(COLLECTION_T, id=doc.dts_id), _dump({**_header(), **resource_object(site, doc, tree, full=True)})
    short = resource_object(site, doc, tree, full=False)

    def navigation(**query) -> tuple[str, bytes]:
        _check(deadline)
        members = navigation_members(tree, down=1, **query)
        url = site.url(NAVIGATION_T, resource=doc.dts_id, **query)
        answer: dict = {**_header(), "@type": "Navigation", "@id": url, "resource": short}
        for name in ("ref", "start", "end"):
            if query.get(name):
                answer[name] = tree.get(query[name]).json()
        answer["member"] = [u.json() for u in members]
        return url, _dump(answer)

    yield site.url(DOCUMENT_T, resource=doc.dts_id), tei
    if not tree.units:
        return
    yield navigation()
    for unit in answered_units(tree):
        yield navigation(ref=unit.identifier)
        yield site.url(DOCUMENT_T, resource=doc.dts_id, ref=unit.identifier), _wrapper([unit])
    top = tree.top()
    first, last = top[0].identifier, top[-1].identifier
    yield navigation(start=first, end=last)
    yield site.url(DOCUMENT_T, resource=doc.dts_id, start=first, end=last), _wrapper(top)


# --------------------------------------------------------------------------- writing

def same_tei(record, output: Path, doc_id: str, key: str) -> tuple[bool, list | None]:
    """Whether a document's answers are still those of its TEI; and the record to keep for it.

    The record is ``[build key, size, mtime_ns, sha256]`` of ``NAME.xml``: the build key alone is not
    enough (``--force --run-date`` rewrites the TEI under the same key); a changed mtime with the
    same bytes (a fresh checkout) keeps the old record, so the state file does not churn.
    """
    import hashlib

    path = Path(output) / f"{doc_id}.xml"
    try:
        st = path.stat()
        if isinstance(record, list) and len(record) == 4 and record[0] == key and record[1] == st.st_size:
            if record[2] == st.st_mtime_ns:
                return True, record
            if record[3] == hashlib.sha256(path.read_bytes()).hexdigest():
                return True, record
        return False, [key, st.st_size, st.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()]
    except OSError:
        return False, None


def published_documents(entries: list[dict]) -> list[Published]:
    """The documents a build published (valid, with their TEI), in catalogue order, from its manifest entries."""
    docs = []
    for entry in entries:
        outputs = set(entry.get("outputs") or ())
        if entry.get("status") != "valid" or f"{entry['id']}.xml" not in outputs:
            continue
        record = entry.get("record") if isinstance(entry.get("record"), dict) else {}
        key = str(entry.get("key") or "")
        docs.append(Published(entry["id"], key, record.get("title") or entry["id"],
                              record.get("date") or None, record.get("summary") or None,
                              f"{entry['id']}.pdf" in outputs, record.get("archive") or None,
                              record.get("archive_name") or None))
    docs.sort(key=lambda d: (d.date or "9999", d.doc_id))
    return docs


def write_dts(output: Path, entries: list[dict], *, base_url: str | None = None,
              warn=lambda message: None, page_size: int = PAGE_SIZE, time_limit: float | None = None) -> int:
    """Bring ``output/dts`` up to date with the published documents; return how many folders were rewritten.

    ``entries`` are the build manifest's documents (``{"id": ..., **entry}``).
    ``time_limit`` (the build's ``--time-limit``) bounds each document's answers:
    a document past it gets none and a warning, and the pass goes on.
    """
    site = Site(output, base_url)
    folder = Path(output) / FOLDER
    folder.mkdir(exist_ok=True)
    for leftover in folder.glob(".*.tmp"):  # from a build that was killed while writing
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
    docs = published_documents(entries)
    collections = {d.collection_id for d in docs} | {ROOT_ID}
    state = _load_state(folder)
    if state.get("base") != site.base or state.get("layout") != LAYOUT:
        for doc_id in state.get("documents") or ():  # answers of another base or layout: none is right now
            if isinstance(doc_id, str):
                _remove_folder(folder, doc_id)  # the folder of a layout that named it raw
                _remove_folder(folder, segment(doc_id))
        state = {"base": site.base, "layout": LAYOUT, "documents": {}, "collections": state.get("collections") or []}
    known: dict = state["documents"]
    for doc_id in sorted(set(known) - {d.doc_id for d in docs}):
        _remove_folder(folder, segment(doc_id) if isinstance(doc_id, str) else "")
        known.pop(doc_id)
    for cid in sorted(set(state.get("collections") or ()) - collections):
        _remove_folder(folder, cid)
    rewritten, published = 0, []
    for doc in docs:
        if doc.dts_id in collections or doc.dts_id in (".", ".."):
            warn(f"{doc.doc_id}.xml: warning: no DTS answers: the name cannot be a DTS identifier "
                 "(it is a collection's, or a path step); rename the source")
            continue
        same, record = same_tei(known.get(doc.doc_id), output, doc.doc_id, doc.key)
        if same and (folder / doc.dts_id).is_dir():
            published.append(doc)
            continue
        deadline = time.monotonic() + time_limit if time_limit else None
        try:
            tei = (Path(output) / f"{doc.doc_id}.xml").read_bytes()
            tree = citation_tree(_safe_text(tei, doc.doc_id), deadline=deadline)
            _replace_folder(site, folder, doc.dts_id, document_files(site, doc, tei, tree, deadline))
        except DtsTimeout:
            warn(f"{doc.doc_id}.xml: warning: no DTS answers for this document: they took longer than "
                 f"the time limit of {time_limit:g} s (--time-limit)")
        except (OSError, CitationError, ValueError, LookupError, TeiEditionError) as exc:
            warn(f"{doc.doc_id}.xml: warning: no DTS answers for this document: {exc}")
        else:
            known[doc.doc_id] = record
            rewritten += 1
            published.append(doc)
            continue
        _remove_folder(folder, doc.dts_id)
        known.pop(doc.doc_id, None)
    _write_collections(site, folder, published, page_size)
    write_if_changed(folder / "entry.jsonld", _dump(entry_endpoint(site)))
    state["collections"] = sorted(collections - {ROOT_ID})
    write_if_changed(folder / STATE, json.dumps(state, indent=1, sort_keys=True).encode("utf-8") + b"\n")
    return rewritten


def _write_collections(site: Site, folder: Path, published: list[Published], page_size: int) -> None:
    """The root collection, one collection per archive (full Resources as members), each document's parents."""
    by_archive: dict[str, list[Published]] = {}
    for doc in published:
        by_archive.setdefault(doc.collection_id, []).append(doc)
    titles = {cid: (docs[0].archive_name or docs[0].archive or "Documents without an archive")
              for cid, docs in by_archive.items()}
    root_title = "teiedition collection"
    root_member = _collection_summary(site, ROOT_ID, root_title, 0, len(by_archive))
    archives = [_collection_summary(site, cid, titles[cid], 1, len(by_archive[cid])) for cid in sorted(by_archive)]
    files: dict[str, bytes] = {}
    for nav in (None, "children", "parents"):
        files.update(collection_pages(site, ROOT_ID, root_title, 0, archives, nav=nav, page_size=page_size))
        files[site.url(COLLECTION_T, nav=nav)] = files[site.url(COLLECTION_T, id=ROOT_ID, nav=nav)]
    for cid, docs in by_archive.items():
        members = []
        archive_member = _collection_summary(site, cid, titles[cid], 1, len(docs))
        for doc in docs:
            own_url = site.url(COLLECTION_T, id=doc.dts_id)
            own = json.loads(site.path(own_url).read_text(encoding="utf-8"))
            own.pop("@context", None)
            own.pop("dtsVersion", None)
            members.append(own)
            files[site.url(COLLECTION_T, id=doc.dts_id, nav="parents")] = _dump(
                {**_header(), **own, "member": [archive_member]})
        for nav in (None, "children", "parents"):
            files.update(collection_pages(site, cid, titles[cid], 1, members, nav=nav, page_size=page_size,
                                          parent_member=root_member))
    written = set()
    for url, data in files.items():
        written.add(site.path(url))
        write_if_changed(site.path(url), data)
    for cid in list(by_archive) + [ROOT_ID]:  # pages past the end of a collection that shrank
        for page in (folder / cid).glob("collection*page=*.jsonld"):
            if page not in written:
                page.unlink(missing_ok=True)


def _safe_text(tei: bytes, doc_id: str) -> str:
    """The TEI through the hardened parser, as entity-free text for Saxon."""
    from lxml import etree

    from ..safexml import parse_xml_bytes

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


__all__ = ["CitationError", "CitationTree", "DtsTimeout", "Published", "Site", "Unit", "answered_units",
           "citation_tree", "document_files", "entry_endpoint", "navigation_members", "normalise_base", "published_documents", "write_dts"]
