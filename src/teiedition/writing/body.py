"""Writing the text's body: divisions, their phases, paragraphs, speeches, dated entries.

Why: a division is written in the order its blocks' phases give (top ->
``opener``, body, bottom -> ``closer``/``postscript``); inside the body a
block becomes a paragraph, an ``ab``, a list run, a speech (``sp``) or a
section break, and two or more bare datelines split the body into journal
entries.  Inline content is left to ``inline.InlineWriter``.
"""

from __future__ import annotations

from lxml import etree

from ..model import Block, Division, Document, Node, block_kind
from .elements import TEI_NS, UnplacedNode, sub
from .frame import write_closing, write_opener
from .inline import InlineWriter
from .lists import list_type, write_item, write_outline, write_record, write_routing


class BodyWriter:
    """Writes ``text/body``; remembers who each speaker label names across the document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.inline = InlineWriter(doc)
        self.who_by_key: dict[str, str] = {}  # a speaker's label or alias -> the authority entry
        self.phases = {"top": self.phase_top, "body": self.phase_body, "bottom": self.phase_bottom}

    def body(self, text_el: etree._Element) -> None:
        """``text/body`` with one ``div`` per division of the document."""
        body = sub(text_el, "body")
        for div in self.doc.divisions:
            self.division(body, div)

    def division(self, parent, div: Division) -> None:
        """A ``div`` written phase group by phase group; never empty (TEI needs a paragraph)."""
        el = sub(parent, "div", type=div.kind)
        if not div.blocks:
            sub(el, "p")
            return
        groups = _groups(div.blocks)
        if not any(phase == "body" for phase, _ in groups):
            # a div needs body content between its opening and closing groups: write it all as body
            groups = [("body", list(div.blocks))]
        for phase, blocks in groups:
            self.phases[phase](el, blocks)
        if all(b.kind == "milestone" for b in div.blocks):
            sub(el, "p")  # a division that is only a section break still needs a paragraph

    def phase_top(self, div_el, blocks: list[Block]) -> None:
        write_opener(div_el, blocks, self.inline)

    def phase_bottom(self, div_el, blocks: list[Block]) -> None:
        write_closing(div_el, blocks, self.inline)

    def phase_body(self, div_el, blocks: list[Block]) -> None:
        """The running text, cut into dated entries when it holds two or more bare datelines."""
        entries = _entry_starts(blocks)
        if entries:
            self.flat_body(div_el, blocks[:entries[0]])
            for k, start in enumerate(entries):
                end = entries[k + 1] if k + 1 < len(entries) else len(blocks)
                self.entry(div_el, blocks[start], blocks[start + 1:end])
            return
        self.flat_body(div_el, blocks)

    def entry(self, div_el, dated: Block, blocks: list[Block]) -> None:
        """A dated journal entry: its own ``div[@type="entry"]`` whose opener holds the dateline."""
        self.inline.line = dated.line
        el = sub(div_el, "div", type="entry")
        dateline = sub(sub(el, "opener"), "dateline")
        self.inline.write(dateline, dated.inlines())
        self.flat_body(el, blocks)

    def flat_body(self, div_el, blocks: list[Block]) -> None:
        """Body blocks in order; a run of list blocks becomes one ``list``."""
        i = 0
        while i < len(blocks):
            b = blocks[i]
            self.inline.line = b.line
            if b.kind == "route-head":
                i = write_routing(div_el, blocks, i, self.inline)
                continue
            if b.kind == "outline-item":
                i = write_outline(div_el, blocks, i, self.inline)
                continue
            kind_list = list_type(b.kind)
            if kind_list:  # a run of such blocks becomes one list
                write = write_record if b.kind == "record" else write_item
                lst = sub(div_el, "list", type=kind_list)
                while i < len(blocks) and blocks[i].kind == b.kind:
                    write(lst, blocks[i], self.inline)
                    i += 1
                continue
            self.body_block(div_el, b)
            i += 1

    def body_block(self, parent, b: Block) -> None:
        """One block of running text: section break, speech, stage direction, ``p`` or ``ab``."""
        if b.kind == "milestone":
            sub(parent, "milestone", unit="section", rend=b.text.strip() or None)
            return
        if b.kind == "p" and b.get("speaker"):
            self.speech(parent, b)
            return
        if b.kind == "stage":  # a stage direction between speeches is its own element
            self.inline.write(sub(parent, "stage"), b.inlines())
            return
        kind = block_kind(b.kind)
        if kind.paragraph:
            el = sub(parent, "p", xml_id=b.get("xml:id"))
        elif kind.body and not list_type(b.kind):
            el = sub(parent, "ab", type=kind.body)
        else:
            raise UnplacedNode(f"line {b.line}: no TEI element for a '{b.kind}' block in the body")
        self.inline.write(el, b.inlines())

    def speech(self, parent, b: Block) -> None:
        """``Zhou: …``: ``sp`` with the label as printed in ``speaker`` and the words in ``p``."""
        nodes = list(b.inlines())
        if not nodes or not isinstance(nodes[0], Node) or nodes[0].kind != "speaker":
            el = sub(parent, "p", xml_id=b.get("xml:id"))  # the label lost to a wider span: a plain paragraph
            self.inline.write(el, tuple(nodes))
            return
        sp = sub(parent, "sp")
        speaker = sub(sp, "speaker")
        self.inline.write(speaker, nodes[0].children)
        who = speaker.xpath(".//t:persName/@ref", namespaces={"t": TEI_NS})
        key = b.get("speaker_key")
        if who and key:  # "Premier Zhou Enlai (hereafter abbreviated Zhou):" names who "Zhou:" is
            self.who_by_key.setdefault(key, who[0])
        who = who[:1] or ([self.who_by_key[key]] if key in self.who_by_key else [])
        if who:  # the speaker is in the authority file: the speech points to the entry
            sp.set("who", who[0])
        rest = nodes[1:]
        if rest and isinstance(rest[0], str):
            space = rest[0][:len(rest[0]) - len(rest[0].lstrip())]
            speaker.tail = space or None
            rest[0] = rest[0][len(space):]
            if not rest[0]:
                rest = rest[1:]
        el = sub(sp, "p", xml_id=b.get("xml:id"))
        self.inline.write(el, tuple(rest))


def _entry_starts(blocks: list[Block]) -> list[int]:
    """Where dated entries start: two or more bare datelines in the body, each followed by text."""
    starts = [i for i, b in enumerate(blocks) if b.kind == "dateline" and b.get("role") != "outgoing"
              and b.get("zone") != "header"]  # a report's own date, above its text, starts no entry
    if len(starts) < 2:
        return []
    bounds = starts + [len(blocks)]
    if any(bounds[k + 1] - bounds[k] < 2 for k in range(len(starts))):
        return []  # an entry without text would be an empty division
    return starts


def _groups(blocks: tuple[Block, ...]) -> list[tuple[str, list[Block]]]:
    """Consecutive blocks of the same phase (top, body, bottom), in order."""
    groups: list[tuple[str, list[Block]]] = []
    for b in blocks:
        phase = b.get("phase") or "body"
        if groups and groups[-1][0] == phase:
            groups[-1][1].append(b)
        else:
            groups.append((phase, [b]))
    return groups
