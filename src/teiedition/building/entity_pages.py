"""Entity pages: one page per person, organisation and place the collection mentions.

Why: a reader who meets Kim Il Sung in one report wants every other document
and paragraph that names him.  Each document's page already indexes its own
names; these pages index the collection.  ``entities/ID.html`` lists, for one
authority entry, every published document that mentions it and every
paragraph (a link to the paragraph's anchor on the document's page, with the
words around the first mention), with the entry's note and its Wikidata (or
other authority) link; ``entities/index.html`` lists all entries by kind.

The facts come from the TEI (``standOff`` entries, ``persName/orgName/
placeName[@ref]`` in the text), never from the plain text.  The authority file
adds what the TEI does not say: how a person's name sorts (family name first
for Kim Il Sung, else the last word: ``Brezhnev, Leonid I.``), and which full
entry a surname printed alone belongs to (``_merge_surnames``).  The pages are
made by ``xslt/entities.xsl`` from a small XML document per page.

Incremental: each document's mentions are cached in ``entities/.cache/``
under its build key, so a build reads only the TEI of documents it rebuilt;
the pages are then written only where their bytes changed.  Pages of
entities no longer mentioned are removed (only pages we made).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from lxml import etree

from ..files import atomic_write, write_if_changed
from ..name_order import index_form, sort_key
from ..recognising.entities import default_authority
from ..rendering.xsltrun import compiled
from ..safexml import parse_xml_file, xml_safe
from ..urls import segment
from . import entity_store
from .entity_mentions import CACHE, FOLDER, NEW, TEI, read_document

STAMP = ".stamp"  # in the cache: which documents (and build keys) the pages were made from


def write_entity_pages(output: Path, entries: list[dict], *, warn=lambda message: None, force: bool = False,
                       fresh=frozenset()) -> int:
    """Bring ``output/entities`` up to date; return how many entity pages the collection has.

    ``entries`` are the build manifest's documents (``{"id": ..., **entry}``);
    only published documents (valid, with an HTML page) count.  ``fresh``: the documents built in
    this run (their workers left their shares in ``.cache/new/``).  Only the pages of entities whose
    mentions changed are rendered again (``entity_store``); ``force`` (or a cache from an older
    version) renders every page from every document's mentions, reading the TEI of any document
    whose share is missing or not from this run (``--force`` does not parse every TEI a second time).
    """
    folder = Path(output) / FOLDER
    cache = folder / CACHE
    (cache / NEW).mkdir(parents=True, exist_ok=True)
    published = {}
    for e in entries:
        if e.get("status") == "valid" and f"{e['id']}.html" in (e.get("outputs") or ()):
            # the build key says it all: the TEI differs under one key only by its run date, not shown here
            published[e["id"]] = str(e.get("key") or "")
    # the same documents under the same build keys make the same pages: nothing to do
    stamp = hashlib.sha256(json.dumps(sorted(published.items())).encode("utf-8")).hexdigest()
    stamp_file = cache / STAMP
    previous = _read_stamp(stamp_file)
    pages_there = (folder / "index.html").is_file() and all((folder / name).is_file() for name in previous["pages"])
    if not force and previous["stamp"] == stamp and pages_there:  # a page deleted by hand is made again
        _settle_new_shares(cache, published)
        return len(previous["pages"])
    reader = _ShareReader(Path(output), published, force=force, fresh=fresh, warn=warn)
    if not force and pages_there and previous["keys"] is not None and (cache / entity_store.STORE).is_dir():
        state = _update_pages(folder, reader, previous)
    else:
        state = _all_pages(folder, reader, previous)
    _settle_new_shares(cache, published)  # the pass read what it needed; the rest are kept or dropped
    read = state.pop("read")
    state["keys"] = {doc_id: key for doc_id, key in published.items() if doc_id in read}
    atomic_write(stamp_file, json.dumps({"stamp": stamp, **state}, ensure_ascii=False).encode("utf-8"))
    return len(state["index"])


def _settle_new_shares(cache: Path, published: dict[str, str]) -> None:
    """The shares this run's workers left that no pass read (nothing to render, or a damaged output
    rebuilt under the same key): keep each as the document's share, drop those of documents not published."""
    for share in (cache / NEW).glob("*.json"):
        if published.get(share.stem) is not None and (_read_cache(share) or {}).get("key") == published[share.stem]:
            os.replace(share, cache / share.name)
        else:
            share.unlink(missing_ok=True)


class _ShareReader:
    """A published document's mentions: its worker's share from this run, else the kept share, else its TEI.

    Each share read is kept as ``.cache/ID.json`` (the one from ``.cache/new/`` moved there), so the
    next pass can compare a document's mentions before and after a change.
    """

    def __init__(self, output: Path, published: dict[str, str], *, force: bool, fresh, warn):
        self.output, self.published, self.force, self.fresh, self.warn = output, published, force, fresh, warn
        self.cache = output / FOLDER / CACHE

    def old(self, doc_id: str) -> dict | None:
        """The share kept from the last pass (before this change)."""
        return _read_cache(self.cache / f"{doc_id}.json")

    def new(self, doc_id: str, old: dict | None = None) -> dict | None:
        """The mentions now (None: the document cannot be read; a warning says so)."""
        key = self.published[doc_id]
        new_path = self.cache / NEW / f"{doc_id}.json"
        shared = _read_cache(new_path)
        if shared is not None and shared.get("key") == key:
            os.replace(new_path, self.cache / f"{doc_id}.json")
            return shared
        if old is not None and old.get("key") == key and not (self.force and doc_id not in self.fresh):
            return old
        try:
            data = read_document(parse_xml_file(self.output / f"{doc_id}.xml"), doc_id)
        except Exception as exc:  # a TEI that cannot be read: its mentions are missing, say so
            self.warn(f"{doc_id}.xml: warning: not on the entity pages: {exc}")
            return None
        data = {"key": key, **data}
        atomic_write(self.cache / f"{doc_id}.json", json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return data

    def forget(self, doc_id: str) -> None:
        (self.cache / f"{doc_id}.json").unlink(missing_ok=True)


#: Mentions a whole pass holds before adding them to the store (memory stays flat in the collection's size).
BATCH_MENTIONS = 50_000


def _all_pages(folder: Path, reader: _ShareReader, previous: dict) -> dict:
    """Every page from every published document's mentions, the store written again.

    One document at a time into the store (in batches), then one group of entities at a time
    from it: what is held is a batch and the largest group, not the whole collection.
    """
    store = folder / CACHE / entity_store.STORE
    entity_store.clear(store)
    read: set[str] = set()
    batch: dict[str, dict[str, dict]] = {}
    held = 0
    firsts: dict[str, tuple] = {}  # entity -> (where the whole pass meets it first, the entry it then takes)
    for doc_id in reader.published:
        data = reader.new(doc_id, None if reader.force else reader.old(doc_id))
        if data is None:
            continue
        read.add(doc_id)
        for ident, contribution in entity_store.contributions(data).items():
            batch.setdefault(ident, {})[doc_id] = contribution
            held += len(contribution["at"])
            met = ((contribution["date"] or "9999", doc_id), contribution["first"])
            if ident not in firsts or met < firsts[ident][0]:
                firsts[ident] = (met, contribution["entry"])
        if held > BATCH_MENTIONS:
            entity_store.append(store, batch)
            batch, held = {}, 0
    entity_store.append(store, batch)
    for stale in (folder / CACHE).glob("*.json"):
        if stale.stem not in read:
            stale.unlink(missing_ok=True)
    moved = {}
    for ident, (_, entry) in firsts.items():
        target = surname_target({"id": ident, **entry})
        if target is not None:
            moved[ident] = target.id
    groups: dict[str, set[str]] = {}
    for ident in firsts.keys() | moved.values():
        groups.setdefault(entity_store.root(ident, moved), set()).add(ident)
    made, index, folded_all = set(), {}, {}
    for top in sorted(groups):
        entities = entity_store.group_entities({i: entity_store.load(store, i) for i in groups[top]})
        folded = _merge_surnames(entities)
        made |= _render(folder, entities, folded)
        index.update((ident, _summary(entity)) for ident, entity in entities.items())
        folded_all.update((ident, to) for ident, (_, to) in folded.items())
    write_if_changed(folder / "index.html", compiled("entities.xsl").transform(_index_xml(index)).encode("utf-8"))
    _remove_pages(folder, previous["pages"] - made)
    return {"pages": sorted(made), "moved": folded_all, "index": index, "read": read}


def _update_pages(folder: Path, reader: _ShareReader, previous: dict) -> dict:
    """Only the pages of entities whose mentions changed: documents built, added or removed in this run."""
    cache = folder / CACHE
    known = previous["keys"]  # each document's build key when the last pass ran
    waiting = {p.stem for p in (cache / NEW).glob("*.json")}
    changes: dict[str, tuple[dict | None, dict | None]] = {}
    differ = {d for d in known.keys() | reader.published.keys() if known.get(d) != reader.published.get(d)}
    for doc_id in sorted(differ | waiting | set(reader.fresh)):
        old = reader.old(doc_id) if doc_id in known else None
        new = reader.new(doc_id, old) if doc_id in reader.published else None
        if new is None:
            reader.forget(doc_id)
        changes[doc_id] = (old, new)
    touched = entity_store.update(cache / entity_store.STORE, changes)
    moved_before, moved, index = previous["moved"], dict(previous["moved"]), dict(previous["index"])
    for ident, docs in touched.items():
        moved.pop(ident, None)
        if docs:
            entry = min(docs.items(), key=lambda kv: (kv[1].get("date") or "9999", kv[0]))[1]["entry"]
            target = surname_target({"id": ident, **entry})
            if target is not None:
                moved[ident] = target.id
    pages = set(previous["pages"])
    roots = {entity_store.root(i, m) for i in touched for m in (moved_before, moved)}
    for top in sorted(roots):
        members = {top} | {i for m in (moved_before, moved) for i in m if entity_store.root(i, m) == top}
        entities = entity_store.group_entities(
            {i: touched[i] if i in touched else entity_store.load(cache / entity_store.STORE, i) for i in members})
        folded = _merge_surnames(entities)
        made = _render(folder, entities, folded)
        gone = {f"{i}.html" for i in members} & pages - made
        _remove_pages(folder, gone)
        pages = (pages - gone) | made
        for ident in members:
            index.pop(ident, None)
            moved.pop(ident, None)
        index.update((ident, _summary(entity)) for ident, entity in entities.items())
        moved.update((ident, to) for ident, (_, to) in folded.items())
    if touched:
        write_if_changed(folder / "index.html", compiled("entities.xsl").transform(_index_xml(index)).encode("utf-8"))
    read = (set(known) | set(reader.published)) - {d for d, (_, new) in changes.items() if new is None}
    return {"pages": sorted(pages), "moved": moved, "index": index, "read": read}


def _render(folder: Path, entities: dict, moved: dict) -> set[str]:
    """Write the pages of ``entities`` and of the surnames ``moved`` into them; return their names."""
    sheet = compiled("entities.xsl")
    made = set()
    for ident, entity in entities.items():
        name = f"{ident}.html"
        if Path(name).name != name:
            continue
        write_if_changed(folder / name, sheet.transform(_entity_xml(entity)).encode("utf-8"))
        made.add(name)
    for ident, (shown, target) in moved.items():  # document pages link the surname's id: its page points on
        name = f"{ident}.html"
        if Path(name).name == name:
            page = _element(None, "moved", id=ident, name=shown, to=entities[target]["name"],
                            href=segment(f"{target}.html"))
            write_if_changed(folder / name, sheet.transform(page).encode("utf-8"))
            made.add(name)
    return made


def _remove_pages(folder: Path, names) -> None:
    """Only pages this tool made: a file of yours in entities/ stays."""
    for name in names:
        if Path(name).name == name and name.endswith(".html") and name != "index.html":
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()


def _summary(entity: dict) -> list:
    """What the index lists of an entity: kind, name, documents, mentions."""
    return [entity["kind"], entity["name"], len(entity["docs"]),
            sum(m["count"] for d in entity["docs"].values() for m in d["at"])]


def _read_stamp(path: Path) -> dict:
    """What the last pass made: its stamp, the page names, the folded surnames and the index's entities
    and each document's build key (``keys`` None when unknown: a stamp of an older version, whose pages
    are then all made again).

    An older stamp (``HASH COUNT``) names no pages: its pages that are no longer made stay, since
    only names this tool recorded are ever removed.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = {p for p in data["pages"] if isinstance(p, str)}
        stamp = str(data["stamp"])
    except (OSError, ValueError, KeyError, TypeError):
        return {"stamp": "", "pages": set(), "moved": {}, "index": {}, "keys": None}
    moved, index, keys = data.get("moved"), data.get("index"), data.get("keys")
    if not (isinstance(moved, dict) and isinstance(index, dict) and isinstance(keys, dict)
            and all(isinstance(k, str) and isinstance(v, str) for m in (moved, keys) for k, v in m.items())
            and all(isinstance(v, list) and len(v) == 4 for v in index.values())):
        moved, index, keys = {}, {}, None
    return {"stamp": stamp, "pages": pages, "moved": moved, "index": index, "keys": keys}


def _read_cache(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("mentions"), list) else None


def _href(doc_id: str, anchor: str | None = None) -> str:
    page = "../" + segment(f"{doc_id}.html")
    return page + ("#" + segment(anchor) if anchor else "")


def _entity_xml(entity: dict) -> etree._Element:
    """The page's input: ``<entity>`` with its documents and the places that mention it.

    Every value passes ``safexml.xml_safe``: a source named with a control character or U+FFFE
    (a legal file name) must not stop the collection pass (issue 22).
    """
    el = _element(None, "entity", id=entity["id"], kind=entity["kind"], name=entity["name"],
                  sameAs=entity.get("sameAs") or "")
    if entity.get("note"):
        _element(el, "note").text = xml_safe(entity["note"])
    for doc_id, doc in entity["docs"].items():
        d = _element(el, "doc", id=doc_id, href=_href(doc_id), title=doc["title"], date=doc["date"],
                     dateText=doc["date_text"])
        for m in doc["at"]:
            at = _element(d, "at", href=_href(doc_id, m["anchor"]), label=m["label"], count=str(m["count"]))
            at.text = xml_safe(m["before"])
            _element(at, "m").text = xml_safe(m["words"])
            at[-1].tail = xml_safe(m["after"])
    return el


def _element(parent, tag: str, **attributes) -> etree._Element:
    """An element whose attribute values XML can carry (see ``safexml.xml_safe``)."""
    safe = {k: xml_safe(str(v)) for k, v in attributes.items()}
    return etree.Element(tag, safe) if parent is None else etree.SubElement(parent, tag, safe)


def _index_xml(index: dict[str, list]) -> etree._Element:
    """The index's input from each entity's summary (``_summary``), in the order names sort."""
    el = etree.Element("entities")
    entities = {ident: {"id": ident, "kind": kind, "name": name, "docs": docs, "mentions": mentions}
                for ident, (kind, name, docs, mentions) in index.items()}
    for ident, entity in sorted(entities.items(), key=lambda kv: (index_sort_key(kv[1]), kv[0])):
        _element(el, "entity", id=ident, kind=entity["kind"], name=index_name(entity),
                 href=segment(f"{ident}.html"), docs=str(entity["docs"]), mentions=str(entity["mentions"]))
    return el


# --------------------------------------------------------------------------- names in order

def _authority_entry(entity: dict):
    """The authority's entry for a collection entity: same id and one of its names, else None."""
    authority = default_authority()
    if entity["id"] not in authority:
        return None
    entry = authority.get(entity["id"])
    return entry if entity["name"] in (entry.name, *entry.forms) else None


def _family_name_first(entity: dict) -> bool:
    entry = _authority_entry(entity)
    return entry is not None and entry.family_name_first


def index_name(entity: dict) -> str:
    """A person as the index of names lists it: family name first (``name_order.index_form``).

    ``Kim Il Sung`` and ``Zhou Enlai`` are written family name first already (the authority
    marks them ``family_name_first``); any other name turns its last word to the front
    (``Brezhnev, Leonid I.``).  A one-word name (``Kramer``) stays as it is; organisations
    and places are never turned.
    """
    return index_form(entity["name"], entity.get("kind", ""), _family_name_first(entity))


def index_sort_key(entity: dict) -> str:
    """Where the entity sorts: the same key the converter writes as ``person/@sortKey``."""
    return sort_key(entity["name"], entity.get("kind", ""), _family_name_first(entity))


def _merge_surnames(entities: dict) -> dict[str, tuple[str, str]]:
    """Fold a person named by the surname alone into the full entry the authority gives for it.

    Why: a document that prints only ``Puzanov`` may carry an entry of its own for him
    (another authority, an older build); the reader wants one line for the man.  The
    surname goes to the authority's matcher: when it names exactly one other person, with
    a full name, the mentions move there (the entry is made from the authority when no
    document names him in full).  Otherwise the entry stays as it is.  Returns
    ``{moved id: (its name, the id it went to)}``.
    """

    moved: dict[str, tuple[str, str]] = {}
    for ident, entity in list(entities.items()):
        full = surname_target(entity)
        if full is None:
            continue
        target = entities.setdefault(full.id, {"id": full.id, "kind": "person", "name": full.name,
                                               "note": full.note or "", "sameAs": full.sameAs or "", "docs": {}})
        for doc_id, doc in entity["docs"].items():
            mine = target["docs"].setdefault(doc_id, {**doc, "at": []})
            mine["at"] = mine["at"] + [m for m in doc["at"] if m not in mine["at"]]
        target["docs"] = dict(sorted(target["docs"].items(), key=lambda kv: (kv[1].get("date") or "9999", kv[0])))
        del entities[ident]
        moved[ident] = (entity["name"], full.id)
    return moved


def surname_target(entity: dict):
    """The authority's full entry a person named by the surname alone folds into, or None."""
    name = entity["name"]
    if entity["kind"] != "person" or " " in name.strip():
        return None
    found = default_authority().find_mentions(name)
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(name)):
        return None
    full = found[0].entry
    if full.id == entity["id"] or full.kind != "person" or " " not in full.name:
        return None
    return full
