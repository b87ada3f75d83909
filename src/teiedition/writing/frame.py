"""Writing a division's opening and closing groups: ``opener``, ``closer``, ``postscript``.

Why: the recognisers give each block a phase (top, body, bottom); the blocks
above the text (headings, datelines, addressees, transmission logs) and the
ones after it (sign-off, signatures, routing and distribution lists) have
their own TEI containers, which differ from the body's in what they may hold.
Which element a block kind takes there is ``model.block_kind``'s
``opener_tag`` / ``closer_tag``.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, block_kind
from .elements import E, add_text, sub
from .inline import InlineWriter
from .lists import list_type, write_item, write_routing


def write_opener(div_el: etree._Element, blocks: list[Block], inline: InlineWriter) -> None:
    """Headings as ``head``; the other top blocks in one ``opener`` per run between headings."""
    opener = None
    for b in blocks:
        inline.line = b.line
        if b.kind in ("head", "line"):
            opener = None
            head = sub(div_el, "head", type=None if b.kind == "head" else "sub")
            inline.write(head, b.inlines())
            continue
        if opener is None:
            opener = sub(div_el, "opener")
        elif opener.text or next(iter(opener), None) is not None:  # len() counts every child
            add_text(opener, "\n")
        if b.kind == "milestone":
            sub(opener, "milestone", unit="section", rend=b.text.strip() or None)
            continue
        tag = block_kind(b.kind).opener_tag
        if tag:
            el = sub(opener, tag, type="transmission" if b.kind == "log" else None)
            inline.write(el, b.inlines())
        else:
            inline.write(opener, b.inlines())


def write_closing(div_el: etree._Element, blocks: list[Block], inline: InlineWriter) -> None:
    """Sign-off blocks in ``closer``; whatever follows them (lists, notes, breaks) in ``postscript``."""
    closer = None
    post = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        inline.line = b.line
        tag = block_kind(b.kind).closer_tag
        if tag:
            post = None
            if closer is None:
                closer = sub(div_el, "closer")
            else:
                add_text(closer, "\n")
            el = sub(closer, tag)
            inline.write(el, b.inlines())
            i += 1
            continue
        closer = None
        if post is None:
            post = sub(div_el, "postscript")
        i = _postscript_block(post, blocks, i, inline)


def _postscript_block(post: etree._Element, blocks: list[Block], i: int, inline: InlineWriter) -> int:
    """Write the postscript content starting at ``blocks[i]``; returns the next index."""
    b = blocks[i]
    if b.kind == "route-head":
        return write_routing(post, blocks, i, inline)
    if b.kind in ("dist-item", "bullet-item", "attachment-item"):  # a run of items is one list
        lst = sub(post, "list", type=list_type(b.kind))
        while i < len(blocks) and blocks[i].kind == b.kind:
            write_item(lst, blocks[i], inline)
            i += 1
        return i
    if b.kind == "milestone":
        sub(post, "milestone", unit="section", rend=b.text.strip() or None)
        if not any(c.tag in (E("p"), E("list")) for c in post):
            sub(post, "p")
        return i + 1
    el = sub(post, "p", xml_id=b.get("xml:id"))
    inline.write(el, b.inlines())
    return i + 1
