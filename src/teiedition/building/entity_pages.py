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
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..files import atomic_write, write_if_changed
from ..name_order import index_form, sort_key
from ..recognising.entities import default_authority
from ..rendering.xsltrun import compiled
from ..safexml import parse_xml_file, xml_safe
from ..urls import segment

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
FOLDER = "entities"
CACHE = ".cache"
STAMP = ".stamp"  # in the cache: which documents (and build keys) the pages were made from
KINDS = {"person": ("listPerson", "person", "persName"), "org": ("listOrg", "org", "orgName"),
         "place": ("listPlace", "place", "placeName")}
NAME_TAGS = {f"{{{TEI}}}{tag}": kind for kind, (_, _, tag) in KINDS.items()}
#: The paragraphs of a section, as the converter's citeStructure counts them (teiwriter.CITE_STRUCTURE).
PARAGRAPHS = ".//t:p[not(ancestor::t:note or ancestor::t:p)]"
#: Characters of context on each side of a mention.
CONTEXT = 70
#: Where a mention outside a numbered paragraph sits, for its label.
PLACES = {"opener": "opening", "closer": "closing", "postscript": "postscript", "head": "heading",
          "note": "note", "signed": "signature", "list": "list", "dateline": "dateline"}


_CHOICE = f"{{{TEI}}}choice"
#: In a choice, the readings the edition shows are corr, reg and expan; these are left out of the context.
_SHADOWED = frozenset(f"{{{TEI}}}{tag}" for tag in ("sic", "orig", "abbr"))


@dataclass(frozen=True)
class Mention:
    """Where a document names an entity: anchor on its page, a label, the words around it."""

    entity: str
    anchor: str
    label: str
    before: str
    words: str
    after: str


def read_document(tree, doc_id: str) -> dict:
    """What one TEI document contributes: its title and date, the entries it carries, its mentions."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    entries = {}
    for kind, (list_tag, item_tag, name_tag) in KINDS.items():
        for item in root.iterfind(f".//{{{TEI}}}standOff//{{{TEI}}}{list_tag}/{{{TEI}}}{item_tag}"):
            ident = item.get("{http://www.w3.org/XML/1998/namespace}id")
            if not ident:
                continue
            name = item.find(f"{{{TEI}}}{name_tag}")  # its text and its parts (<surname>)
            entries[ident] = {"kind": kind,
                              "name": _clean("".join(name.itertext()) if name is not None else "") or ident,
                              "note": _clean(item.findtext(f"{{{TEI}}}note") or ""),
                              "sameAs": item.get("sameAs") or ""}
    mentions: dict[tuple[str, str], dict] = {}
    text = root.find(f"{{{TEI}}}text")
    if text is not None:
        for mention in _mentions(text):
            if mention.entity not in entries:
                continue
            seen = mentions.setdefault((mention.entity, mention.anchor), {
                "entity": mention.entity, "anchor": mention.anchor, "label": mention.label,
                "before": mention.before, "words": mention.words, "after": mention.after, "count": 0})
            seen["count"] += 1
    return {"title": _clean(root.xpath("string(/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title[1])",
                                       namespaces=NS)) or doc_id,
            "date": root.xpath("string(/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date[1]/@when)", namespaces=NS),
            "date_text": _clean(root.xpath("string(/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date[1])",
                                           namespaces=NS)),
            "entries": entries, "mentions": list(mentions.values())}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _mentions(text_el) -> list[Mention]:
    """Every ``*Name[@ref="#id"]`` of the text, placed in its paragraph (or other part) with context."""
    # numbered as the TEI's citeStructure numbers them (the DTS reference "1.13" is paragraph 13 of section 1)
    paragraphs = {p: i for div in text_el.iterfind(f"{{{TEI}}}body/{{{TEI}}}div")
                  for i, p in enumerate(div.xpath(PARAGRAPHS, namespaces=NS), start=1)}
    texts: dict = {}  # block -> (its text, {name element: offset})
    found = []
    for el in text_el.iter(*NAME_TAGS):
        ref = el.get("ref") or ""
        if not ref.startswith("#"):
            continue
        block = _block_of(el, text_el)
        if block not in texts:
            texts[block] = _text_with_offsets(block)
        whole, offsets = texts[block]
        start = offsets[el]
        words = _clean("".join(el.itertext()))
        found.append(Mention(ref[1:], *_where(block, paragraphs), _tail(whole[:start]), words,
                             _head(whole[start:], words)))
    return found


def _block_of(el, text_el):
    """The outermost paragraph around a name, else the nearest part with a name (opener, note, ...)."""
    outer_p = other = None
    for ancestor in el.iterancestors():
        if ancestor is text_el:
            break
        local = etree.QName(ancestor).localname
        if local == "p":
            outer_p = ancestor
        elif other is None and local in PLACES:
            other = ancestor
    return outer_p if outer_p is not None else (other if other is not None else text_el)


def _text_with_offsets(block) -> tuple[str, dict]:
    """The block's text as read (comments and the original side of a ``choice`` left out), and offsets."""
    pieces: list[str] = []
    offsets: dict = {}
    size = 0

    def walk(el, silent: bool) -> None:
        nonlocal size
        offsets[el] = size
        if el.text and not silent:
            pieces.append(el.text)
            size += len(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child, silent or (child.tag in _SHADOWED and el.tag == _CHOICE))
            if child.tail and not silent:
                pieces.append(child.tail)
                size += len(child.tail)

    walk(block, False)
    return "".join(pieces), offsets


def _where(block, paragraphs) -> tuple[str, str]:
    """The anchor on the document's page and a label: ``p13`` and ``¶ 13``, or the part's name."""
    ident = block.get("{http://www.w3.org/XML/1998/namespace}id")
    local = etree.QName(block).localname
    if local == "p" and block in paragraphs:
        return ident or "document", f"¶ {paragraphs[block]}"
    if local == "note" and ident:
        return f"note-{ident}", "note"
    return ident or "document", PLACES.get(local, local)


def _tail(before: str) -> str:
    before = _clean(before)
    if len(before) <= CONTEXT:
        return before + (" " if before else "")
    cut = before[-CONTEXT:]
    return "… " + cut[cut.find(" ") + 1:] + " "


def _head(rest: str, words: str) -> str:
    """The words after the mention (``rest`` starts with the mention's own text)."""
    flat = _clean(rest)
    after = flat[len(words):] if flat.startswith(words) else flat
    if len(after) <= CONTEXT:
        return after
    cut = after[:CONTEXT]
    return cut[:cut.rfind(" ")] + " …" if " " in cut else cut + " …"


def mention_share(tree, doc_id: str, key: str) -> tuple[str, bytes]:
    """One document's share of the entity pages, as the pass caches it: ``(path under the output, bytes)``.

    Why: the build's worker holds the parsed TEI; it reads the mentions there and
    leaves them in the pass's cache under the document's build key, so the pass
    finds them and never parses the TEI again.
    """
    data = {"key": key, **read_document(tree, doc_id)}
    return f"{FOLDER}/{CACHE}/{doc_id}.json", json.dumps(data, ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------- the collection

def write_entity_pages(output: Path, entries: list[dict], *, warn=lambda message: None, force: bool = False,
                       fresh=frozenset()) -> int:
    """Bring ``output/entities`` up to date; return how many entity pages the collection has.

    ``entries`` are the build manifest's documents (``{"id": ..., **entry}``);
    only published documents (valid, with an HTML page) count.  ``force`` rewrites every page
    and distrusts the cache, except the shares of ``fresh`` documents (built in this run: their
    workers have just written them), so ``--force`` does not parse every TEI a second time.
    """
    folder = Path(output) / FOLDER
    cache = folder / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    published = {}
    for e in entries:
        if e.get("status") == "valid" and f"{e['id']}.html" in (e.get("outputs") or ()):
            # the build key says it all: the TEI differs under one key only by its run date, not shown here
            published[e["id"]] = str(e.get("key") or "")
    # the same documents under the same build keys make the same pages: nothing to do
    stamp = hashlib.sha256(json.dumps(sorted(published.items())).encode("utf-8")).hexdigest()
    stamp_file = cache / STAMP
    previous = _read_stamp(stamp_file)
    if (not force and previous["stamp"] == stamp and (folder / "index.html").is_file()
            and all((folder / name).is_file() for name in previous["pages"])):  # a page deleted by hand is made again
        return len(previous["pages"])
    docs: dict[str, dict] = {}
    for doc_id, key in published.items():
        cached = None if force and doc_id not in fresh else _read_cache(cache / f"{doc_id}.json")
        if cached is None or cached.get("key") != key:
            try:
                data = read_document(parse_xml_file(Path(output) / f"{doc_id}.xml"), doc_id)
            except Exception as exc:  # a TEI that cannot be read: its mentions are missing, say so
                warn(f"{doc_id}.xml: warning: not on the entity pages: {exc}")
                continue
            cached = {"key": key, **data}
            atomic_write(cache / f"{doc_id}.json", json.dumps(cached, ensure_ascii=False).encode("utf-8"))
        docs[doc_id] = cached
    for stale in cache.glob("*.json"):
        if stale.stem not in docs:
            stale.unlink(missing_ok=True)

    entities: dict[str, dict] = {}
    for doc_id, data in sorted(docs.items(), key=lambda kv: (kv[1].get("date") or "9999", kv[0])):
        for mention in data["mentions"]:
            ident = mention["entity"]
            entity = entities.setdefault(ident, {"id": ident, **data["entries"][ident], "docs": {}})
            entity["docs"].setdefault(doc_id, {"title": data["title"], "date": data.get("date") or "",
                                               "date_text": data.get("date_text") or "", "at": []})["at"].append(mention)
    moved = _merge_surnames(entities)
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
    write_if_changed(folder / "index.html", sheet.transform(_index_xml(entities)).encode("utf-8"))
    for name in previous["pages"] - made:  # only pages this tool made: a file of yours in entities/ stays
        if Path(name).name == name and name.endswith(".html") and name != "index.html":
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
    atomic_write(stamp_file, json.dumps({"stamp": stamp, "pages": sorted(made)}).encode("utf-8"))
    return len(entities)


def _read_stamp(path: Path) -> dict:
    """What the last pass made: its stamp and the page names (``{"stamp": "", "pages": set()}`` if unknown).

    An older stamp (``HASH COUNT``) names no pages: its pages that are no longer made stay, since
    only names this tool recorded are ever removed.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = {p for p in data["pages"] if isinstance(p, str)}
        return {"stamp": str(data["stamp"]), "pages": pages}
    except (OSError, ValueError, KeyError, TypeError):
        return {"stamp": "", "pages": set()}


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


def _index_xml(entities: dict) -> etree._Element:
    el = etree.Element("entities")
    for ident, entity in sorted(entities.items(), key=lambda kv: (index_sort_key(kv[1]), kv[0])):
        _element(el, "entity", id=ident, kind=entity["kind"], name=index_name(entity),
                         href=segment(f"{ident}.html"), docs=str(len(entity["docs"])),
                         mentions=str(sum(m["count"] for d in entity["docs"].values() for m in d["at"])))
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

    authority = default_authority()
    moved: dict[str, tuple[str, str]] = {}
    for ident, entity in list(entities.items()):
        name = entity["name"]
        if entity["kind"] != "person" or " " in name.strip():
            continue
        found = authority.find_mentions(name)
        if len(found) != 1 or (found[0].start, found[0].end) != (0, len(name)):
            continue
        full = found[0].entry
        if full.id == ident or full.kind != "person" or " " not in full.name:
            continue
        target = entities.setdefault(full.id, {"id": full.id, "kind": "person", "name": full.name,
                                               "note": full.note or "", "sameAs": full.sameAs or "", "docs": {}})
        for doc_id, doc in entity["docs"].items():
            mine = target["docs"].setdefault(doc_id, {**doc, "at": []})
            mine["at"] = mine["at"] + [m for m in doc["at"] if m not in mine["at"]]
        target["docs"] = dict(sorted(target["docs"].items(), key=lambda kv: (kv[1].get("date") or "9999", kv[0])))
        del entities[ident]
        moved[ident] = (name, full.id)
    return moved
