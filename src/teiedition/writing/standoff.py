"""Writing ``standOff``: the authority entries the text points to.

Why: names in the text carry ``@ref`` to an entry of ``data/authority.toml``
(``recognising.entities``); the document must hold those entries itself so it
stands alone, but only those it uses, grouped by kind (``listPerson``,
``listOrg``, ``listPlace``).  It runs after the body is written, because what
is used is read off the finished tree.  Each ``person`` carries ``@sortKey``
(``name_order.sort_key``: family name first, as the authority knows it), so a
renderer that cannot tell a family name from a given one still orders the
document's index of names as the collection's index does.
"""

from __future__ import annotations

from lxml import etree

from ..model import Document
from ..name_order import sort_key
from .elements import ENTITY_ELEMENTS, sub


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
            sub(item, name_tag, entry.name)
            if entry.note:
                sub(item, "note", entry.note)
