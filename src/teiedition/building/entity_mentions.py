"""A document's mentions of persons, organisations and places: what the entity pages are made of.

Why: the build's worker holds each document's parsed TEI; it reads the mentions there
(``read_document``: each name with its authority entry, the paragraph or part it sits in and
the words around it) and leaves them as its share of the entity pages (``mention_share``),
so the collection pass (``entity_pages``) never parses the TEI again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
FOLDER = "entities"
CACHE = ".cache"
NEW = "new"  # in the cache: the shares the workers of this run left, until the pass has compared them
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
    return f"{FOLDER}/{CACHE}/{NEW}/{doc_id}.json", json.dumps(data, ensure_ascii=False).encode("utf-8")
