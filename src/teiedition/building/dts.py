"""Distributed Text Services 1.0 as static files: the collection answers DTS clients with no server.

Why: archives and other editions harvest collections through DTS (Entry,
Collection, Navigation and Document endpoints).  A static host cannot read
query parameters, so the URI templates we publish put every parameter in the
path (the spec's own advice for static sites) and the build writes one file
per answer, at the path the template expands to.  The templates are expanded
with ``uritemplate`` (RFC 6570) both to publish ``@id``s and to choose the
file names, so a client that expands a template finds the file we wrote.

Layout under ``OUT/dts/`` (``{base}`` is ``--base-url``, default ``/``)::

    entry.jsonld                               Entry endpoint
    collection.jsonld, collection;nav=...      the root collection (@id "index")
    NAME/collection{;nav}.jsonld               one Resource per published document
    NAME/navigation{;down}{/ref,start,end}.jsonld
    NAME/document{/ref,start,end}.xml          the TEI, or one passage in <dts:wrapper>

The citation tree is read from the TEI's own ``refsDecl/citeStructure``
(XPath evaluated by Saxon with the TEI namespace as default, as TEI intends).
What a static site cannot answer is a 404, as the spec asks for requests it
does not support: ``down`` deeper than the tree (other than -1), and ranges
(``start``/``end``) below the top level, which would need a file for every
pair of paragraphs (Level 0 allows a static server to omit ranges).

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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from uritemplate import URITemplate

from ..errors import TeiEditionError
from ..files import write_if_changed

DTS_VERSION = "1.0"
CONTEXT = "https://dtsapi.org/context/v1.0.json"
DTS_NS = "https://w3id.org/api/dts#"
TEI_NS = "http://www.tei-c.org/ns/1.0"
FOLDER = "dts"
ROOT_ID = "index"  # the collection whose human page is index.html (no source may be called index)
ARCHIVE_PREFIX = "archive-"  # one collection per archive: archive-rgani, ...
PAGE_SIZE = 500  # members per Collection answer; larger collections are paginated
STATE = ".state.json"

COLLECTION_T = "{+base}dts{/id}/collection{;nav,page}.jsonld"
NAVIGATION_T = "{+base}dts/{resource}/navigation{;down}{/ref,start,end}.jsonld"
DOCUMENT_T = "{+base}dts/{resource}/document{/ref,start,end}.xml"

_SERIALIZE = "serialize(., map{'method': 'xml', 'indent': false(), 'omit-xml-declaration': true()})"

#: Identifiers that survive a path segment unchanged (RFC 3986 unreserved characters).
_SAFE_REF = re.compile(r"[A-Za-z0-9._~-]+")


class CitationError(ValueError):
    """The TEI's citeStructure cannot be followed (a bad XPath, an identifier unfit for a URL)."""


# --------------------------------------------------------------------------- the citation tree

@dataclass(frozen=True)
class Unit:
    """One citable unit: its DTS identifier, depth, parent, type, the XML of its element."""

    identifier: str
    level: int
    parent: str | None
    cite_type: str | None
    xml: str
    anchor: str | None = None  # the element's xml:id (the HTML page's anchor)

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

    @property
    def depth(self) -> int:
        return max((u.level for u in self.units), default=0)

    def __post_init__(self) -> None:
        self._index = {u.identifier: u for u in self.units}

    def get(self, identifier: str) -> Unit | None:
        return self._index.get(identifier)


def citation_tree(tei_text: str) -> CitationTree:
    """Follow the first ``refsDecl`` with ``citeStructure`` of a TEI document (text, hardened before).

    Each ``citeStructure/@match`` is evaluated from its parent unit (the
    document for the top level); ``@use`` is evaluated for each match with the
    match sequence as focus, so ``position()`` counts the matches.  A unit's
    identifier is its parent's, then ``@delim``, then the ``@use`` value.
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
    found: list[tuple[int, Unit]] = []
    _walk(xp, doc, structures, None, 1, found)
    found.sort(key=lambda pair: pair[0])
    seen: set[str] = set()
    for _, unit in found:
        if unit.identifier in seen:
            raise CitationError(f"citeStructure gives the identifier {unit.identifier!r} twice")
        seen.add(unit.identifier)
    return CitationTree(shape, [u for _, u in found])


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


def _walk(xp, context, structures, parent: Unit | None, level: int, found: list) -> None:
    for structure in structures:
        match, use = _attr(xp, structure, "match"), _attr(xp, structure, "use")
        if not match or not use:
            raise CitationError("citeStructure needs both @match and @use")
        delim = _attr(xp, structure, "delim") or ""
        cite_type = _attr(xp, structure, "unit")
        nodes = list(_items(_evaluate(xp, context, f"({match})", "@match")))
        values = [str(v.string_value) for v in _items(_evaluate(xp, context, f"({match}) ! string(({use}))", "@use"))]
        xp.set_context(xdm_item=structure)
        children = list(_items(xp.evaluate("citeStructure")))
        for node, value in zip(nodes, values):
            identifier = (parent.identifier + delim + value) if parent else value
            if not _SAFE_REF.fullmatch(identifier) or identifier in (".", ".."):
                raise CitationError(f"citable unit identifier {identifier!r} cannot be a static path "
                                    "(letters, digits and . _ ~ - only)")
            xp.set_context(xdm_item=node)
            order = int(str(xp.evaluate_single("count(preceding::node()) + count(ancestor::node())").string_value))
            anchor = xp.evaluate_single("@xml:id/string()")
            xml = str(xp.evaluate_single(_SERIALIZE).string_value)  # as it stands: no indentation added
            unit = Unit(identifier, level, parent.identifier if parent else None, cite_type, xml,
                        str(anchor.string_value) if anchor is not None else None)
            found.append((order, unit))
            if children:
                _walk(xp, node, children, unit, level + 1, found)


# --------------------------------------------------------------------------- answers

def _descendants(tree: CitationTree, unit: Unit) -> list[Unit]:
    """``unit`` and every unit below it, in document order."""
    units = tree.units
    i = units.index(unit)
    out = [unit]
    for other in units[i + 1:]:
        if other.level <= unit.level:
            break
        out.append(other)
    return out


def navigation_members(tree: CitationTree, *, ref: str | None = None, start: str | None = None,
                       end: str | None = None, down: int | None = None) -> list[Unit] | None:
    """The ``member`` array of a Navigation answer (None: no member property), per the spec's table.

    Raises ``LookupError`` for a unit that does not exist (404) and
    ``ValueError`` for a combination the spec calls a bad request (400).
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
            return [u for u in tree.units if u.parent == target.parent and u.level == target.level]
        limit = None if down == -1 else target.level + down
        return [u for u in _descendants(tree, target) if limit is None or u.level <= limit]
    if start:
        first, last = unit(start), unit(end)
        i, j = tree.units.index(first), tree.units.index(_descendants(tree, last)[-1])
        if i > tree.units.index(last):
            raise LookupError(f"{start} comes after {end}")
        if down is None:
            return None
        if down == 0:
            raise ValueError("down=0 needs ref")
        top = min(first.level, last.level)
        limit = None if down == -1 else max(first.level, last.level) + down
        return [u for u in tree.units[i:j + 1] if u.level >= top and (limit is None or u.level <= limit)]
    if down is None or down == 0:
        raise ValueError("navigation of the whole resource needs down (1 or more, or -1)")
    return [u for u in tree.units if down == -1 or u.level <= down]


def _wrapper(units: list[Unit]) -> str:
    """A passage as the Document endpoint returns it: the elements inside ``dts:wrapper``."""
    inner = "".join(u.xml for u in units)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}">'
            f'<dts:wrapper xmlns:dts="{DTS_NS}">{inner}</dts:wrapper></TEI>\n')


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


@functools.lru_cache(maxsize=16)
def _template(text: str) -> URITemplate:
    """A parsed template (parsing costs more than expanding)."""
    return URITemplate(text)


class Site:
    """Expands the published templates; maps each expanded URL to the file that answers it."""

    def __init__(self, output: Path, base_url: str | None):
        self.output = Path(output)
        self.base = normalise_base(base_url)
        self._base_path = unquote(urlsplit(self.base).path)  # URLs are compared unquoted (my%20site)

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
    res: dict = {"@id": doc.doc_id, "@type": "Resource"}
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
        res["download"] = [site.base + doc.doc_id + ".xml"] + ([site.base + doc.doc_id + ".pdf"] if doc.pdf else [])
        res["mediaTypes"] = ["application/tei+xml"]
    res.update({
        "collection": site.template(COLLECTION_T, id=doc.doc_id),
        "navigation": site.template(NAVIGATION_T, resource=doc.doc_id),
        "document": site.template(DOCUMENT_T, resource=doc.doc_id),
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


def document_files(site: Site, doc: Published, tei: bytes, tree: CitationTree) -> dict[str, bytes]:
    """Every answer about one document that depends on it alone: ``{url: bytes}``.

    The Resource (Collection endpoint, ``nav=children``), the Navigation
    answers and the Document passages.  Its ``nav=parents`` answer names the
    archive's collection and is written with the collections.
    """
    files: dict[str, bytes] = {}
    own = _dump({**_header(), **resource_object(site, doc, tree, full=True)})
    files[site.url(COLLECTION_T, id=doc.doc_id)] = own
    files[site.url(COLLECTION_T, id=doc.doc_id, nav="children")] = own

    short = resource_object(site, doc, tree, full=False)
    depths = list(range(0, tree.depth + 1)) + [-1]

    def navigation(**query) -> None:
        members = navigation_members(tree, **query)
        down = query.pop("down")
        # down as text: RFC 6570 expands 0 as ";down=0" (Python's uritemplate drops an int 0: pass "0")
        url = site.url(NAVIGATION_T, resource=doc.doc_id, down=None if down is None else str(down), **query)
        answer: dict = {**_header(), "@type": "Navigation", "@id": url, "resource": short}
        for name in ("ref", "start", "end"):
            if query.get(name):
                answer[name] = tree.get(query[name]).json()
        if members is not None:
            answer["member"] = [u.json() for u in members]
        files[url] = _dump(answer)

    for down in depths:
        if down != 0:
            navigation(down=down)
    top = [u for u in tree.units if u.level == 1]
    for unit in tree.units:
        for down in [None] + depths:
            navigation(ref=unit.identifier, down=down)
        files[site.url(DOCUMENT_T, resource=doc.doc_id, ref=unit.identifier)] = _wrapper([unit]).encode("utf-8")
    for i, first in enumerate(top):
        for last in top[i:]:
            for down in [None] + [d for d in depths if d != 0]:
                navigation(start=first.identifier, end=last.identifier, down=down)
            passage = top[i:top.index(last) + 1]
            files[site.url(DOCUMENT_T, resource=doc.doc_id, start=first.identifier,
                           end=last.identifier)] = _wrapper(passage).encode("utf-8")
    files[site.url(DOCUMENT_T, resource=doc.doc_id)] = tei
    return files


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
              warn=lambda message: None, page_size: int = PAGE_SIZE, force: bool = False) -> int:
    """Bring ``output/dts`` up to date with the published documents; return how many folders were rewritten.

    ``entries`` are the build manifest's documents (``{"id": ..., **entry}``); ``force`` rewrites
    every document's answers (``build --force``, or answers found damaged).
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
    if state.get("base") != site.base:
        state = {"base": site.base, "documents": {}, "collections": []}
    known: dict = state["documents"]
    for doc_id in sorted(set(known) - {d.doc_id for d in docs}):
        _remove_folder(folder, doc_id)
        known.pop(doc_id)
    for cid in sorted(set(state.get("collections") or ()) - collections):
        _remove_folder(folder, cid)
    rewritten, published = 0, []
    for doc in docs:
        if doc.doc_id in collections:
            warn(f"{doc.doc_id}.xml: warning: no DTS answers: the name is the id of a DTS collection; rename the source")
            continue
        same, record = same_tei(None if force else known.get(doc.doc_id), output, doc.doc_id, doc.key)
        if same and (folder / doc.doc_id).is_dir():
            published.append(doc)
            continue
        try:
            tei = (Path(output) / f"{doc.doc_id}.xml").read_bytes()
            tree = citation_tree(_safe_text(tei, doc.doc_id))
            files = document_files(site, doc, tei, tree)
        except (OSError, CitationError, ValueError, LookupError, TeiEditionError) as exc:
            warn(f"{doc.doc_id}.xml: warning: no DTS answers for this document: {exc}")
            _remove_folder(folder, doc.doc_id)
            known.pop(doc.doc_id, None)
            continue
        _replace_folder(site, folder, doc.doc_id, files)
        known[doc.doc_id] = record
        rewritten += 1
        published.append(doc)
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
            own_url = site.url(COLLECTION_T, id=doc.doc_id)
            own = json.loads(site.path(own_url).read_text(encoding="utf-8"))
            own.pop("@context", None)
            own.pop("dtsVersion", None)
            members.append(own)
            files[site.url(COLLECTION_T, id=doc.doc_id, nav="parents")] = _dump(
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


def _replace_folder(site: Site, folder: Path, doc_id: str, files: dict[str, bytes]) -> None:
    """Write a document's answers into a fresh folder, then swap it in: the folder is whole or absent."""
    fresh = Path(tempfile.mkdtemp(prefix=f".{doc_id}.", suffix=".tmp", dir=folder))
    try:
        target = folder / doc_id
        made = {fresh}
        for url, data in files.items():
            out = fresh / site.path(url).relative_to(target)
            if out.parent not in made:
                out.parent.mkdir(parents=True, exist_ok=True)
                made.add(out.parent)
            out.write_bytes(data)
        os.chmod(fresh, 0o755 & ~_umask())
        old = None
        if target.exists():
            old = folder / f".{doc_id}.old.tmp"
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


__all__ = ["CitationError", "CitationTree", "Published", "Site", "Unit", "citation_tree", "document_files",
           "entry_endpoint", "navigation_members", "normalise_base", "published_documents", "write_dts"]
