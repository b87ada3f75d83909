"""Writing the text's lists: routing lists, record headers, distribution and bullet lists.

Why: a list is written from a run of blocks (one line each), not from one
block, and the same lists stand in the body and in a postscript; the opener,
body and closing writers share these functions.  Which block kinds make a
list, and of which ``@type``, comes from ``model.block_kind``.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, Inline, Node, block_kind
from .elements import UnplacedNode, sub
from .inline import InlineWriter


def list_type(kind: str) -> str | None:
    """``list/@type`` when a run of blocks of this kind is written as one list."""
    body = block_kind(kind).body or ""
    return body.removeprefix("list:") if body.startswith("list:") else None


def slice_inlines(nodes, start: int) -> tuple[Inline, ...]:
    """The inline nodes from character ``start`` of their text on (a node cut there keeps only its text)."""
    out: list[Inline] = []
    pos = 0
    for node in nodes:
        text = node if isinstance(node, str) else node.text()
        end = pos + len(text)
        if end <= start:
            pos = end
            continue
        if pos >= start:
            out.append(node)
        else:
            out.append(text[start - pos:])
        pos = end
    return tuple(out)


def write_routing(parent: etree._Element, blocks: list[Block], i: int, inline: InlineWriter) -> int:
    """A routing list: ``head`` (``To be seen by``), then one ``item`` per line; returns the next index."""
    head_block = blocks[i]
    lst = sub(parent, "list", type="routing")
    cut = int(head_block.get("head_end") or len(head_block.text))
    nodes = head_block.inlines()
    head = sub(lst, "head")
    head.text = head_block.text[:cut]
    rest = head_block.text[cut:]
    if rest.strip():
        head.tail = rest[:len(rest) - len(rest.lstrip())] or None
        item = sub(lst, "item")
        inline.write(item, slice_inlines(nodes, cut + len(rest) - len(rest.lstrip())))
    i += 1
    while i < len(blocks) and blocks[i].kind == "route-item":
        inline.line = blocks[i].line
        item = sub(lst, "item")
        inline.write(item, blocks[i].inlines())
        i += 1
    return i


def write_record(lst: etree._Element, b: Block, inline: InlineWriter) -> None:
    """One record-header line (``label`` then ``item``) of a ``list[@type="record"]``."""
    nodes = b.inlines()
    label = next((n for n in nodes if isinstance(n, Node) and n.kind == "label"), None)
    item = next((n for n in nodes if isinstance(n, Node) and n.kind == "item"), None)
    if label is None or item is None:
        raise UnplacedNode(f"line {b.line}: record header without label or value")
    lab = sub(lst, "label")
    inline.write(lab, label.children)
    it = sub(lst, "item")
    inline.write(it, item.children)


def write_outline(parent: etree._Element, blocks: list[Block], i: int, inline: InlineWriter) -> int:
    """An outline's run of lines: one ``list`` per level, a deeper level's list inside the item above it;
    returns the next index."""
    lists = [sub(parent, "list", type=blocks[i].get("list"))]
    while i < len(blocks) and blocks[i].kind == "outline-item":
        b = blocks[i]
        inline.line = b.line
        level = int(b.get("level") or 1)
        del lists[max(level, 1):]
        while len(lists) < level and len(lists[-1]):  # one level deeper: inside the last item
            lists.append(sub(lists[-1][-1], "list", type=b.get("list")))
        write_item(lists[-1], b, inline)
        i += 1
    return i


def write_item(lst: etree._Element, b: Block, inline: InlineWriter) -> None:
    """One ``item`` of a distribution or bullet list, with its printed number as ``@n``."""
    it = sub(lst, "item", n=b.get("n"))
    inline.write(it, b.inlines())
