"""Writing ``standOff``: the authority entries the text points to.

Why: names in the text carry ``@ref`` to an entry of ``data/authority.toml``
(``recognising.entities``); the document must hold those entries itself so it
stands alone, but only those it uses, grouped by kind (``listPerson``,
``listOrg``, ``listPlace``).  It runs after the body is written, because what
is used is read off the finished tree.  Each ``person`` carries ``@sortKey``
(``name_order.sort_key``: family name first, as the authority knows it) and its
name marks the family name (``surname``), so a renderer that cannot tell a
family name from a given one still orders and lists the document's index of
names as the collection's index does (``Brezhnev, Leonid I.``; ``Kim Il Sung``).
"""

from __future__ import annotations

from lxml import etree

from ..model import Document
from ..name_order import name_parts, sort_key
from .elements import ENTITY_ELEMENTS, add_text, sub


def write_stand_off(root: etree._Element, doc: Document) -> None:
    """The authority entries the text points to (and only those)."""
    used = {ref[1:] for ref in root.xpath("//@ref")}
    entities = [e for e in doc.entities if e.id in used]
    if not entities:
        return
    stand_off = sub(root, "standOff")
    for kind, (name_tag, list_tag, item_tag) in ENTITY_ELEMENTS.items():
        entries = [e for e in entities if e.kind == kind]
        if not entries:
            continue
        lst = sub(stand_off, list_tag)
        for entry in entries:
            key = sort_key(entry.name, kind, entry.family_name_first) if kind == "person" else ""
            item = sub(lst, item_tag, xml_id=entry.id, sortKey=key or None)
            if entry.sameAs:
                item.set("sameAs", entry.sameAs)
            if kind == "person":
                write_person_name(sub(item, name_tag), entry.name, entry.family_name_first)
            else:
                sub(item, name_tag, entry.name)
            if entry.note:
                sub(item, "note", entry.note)


def write_person_name(name_el: etree._Element, name: str, family_name_first: bool) -> None:
    """``Leonid I. <surname>Brezhnev</surname>``, ``<surname>Kim</surname> Il Sung``: the name as the
    authority writes it, its family name marked (``name_order.name_parts``); one word stays plain."""
    family, given = name_parts(name, "person", family_name_first)
    parts = [family, " ", given] if family_name_first else [given, " ", family]
    if not given or "".join(parts) != name:  # one word, or spacing the split would not give back
        add_text(name_el, name)
        return
    family_at = 0 if family_name_first else 2
    for at, part in enumerate(parts):
        if at == family_at:
            sub(name_el, "surname", part)
        else:
            add_text(name_el, part)
