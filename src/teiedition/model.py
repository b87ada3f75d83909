"""The document model between reading the plain text and writing TEI.

Why: the reader (``source``, ``recognise``) never touches lxml and the writer
(``teiwriter``) never parses raw text.  A block keeps its source text and a
set of *annotations* (stand-off spans: a stamp bracket, a quotation, a marked
sentence, a name); ``Block.inlines()`` nests them into a tree of ``Node``s for
the writer.  Post-processing transforms (marks, entities, ids) only add
annotations or attributes, so they stay pure and small.  Everything is a
frozen dataclass and can be dumped as JSON (``to_json``) for debugging.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Union

Attrs = tuple[tuple[str, str], ...]


def attrs_of(**kwargs: str | None) -> Attrs:
    """Attributes as a sorted, hashable tuple, leaving out ``None`` values."""
    return tuple(sorted((k.replace("_", ":", 1) if k.startswith("xml_") else k, v)
                        for k, v in kwargs.items() if v is not None))


@dataclass(frozen=True)
class Span:
    """An annotation over ``text[start:end]`` of a block.

    ``inner`` is the part whose text becomes the node's content; characters in
    ``[start, inner[0])`` and ``[inner[1], end)`` are markup in the source (the
    square brackets of ENCODING.md) and are not written as text.  ``rank``
    breaks ties when two spans cover the same range (lower = outer).
    """

    start: int
    end: int
    kind: str
    attrs: Attrs = ()
    inner: tuple[int, int] | None = None
    rank: int = 50

    @property
    def content(self) -> tuple[int, int]:
        return self.inner if self.inner is not None else (self.start, self.end)

    def get(self, name: str, default: str | None = None) -> str | None:
        return dict(self.attrs).get(name, default)

    def with_targets(self, targets) -> "Span":
        """This span pointing at ``targets`` (each once, in order); none drops ``@target``."""
        attrs = dict(self.attrs)
        kept = list(dict.fromkeys(targets))
        if kept:
            attrs["target"] = " ".join(kept)
        else:
            attrs.pop("target", None)
        return replace(self, attrs=tuple(sorted(attrs.items())))


@dataclass(frozen=True)
class Node:
    """An inline element: ``kind`` names the TEI element family, children are text or nodes."""

    kind: str
    attrs: Attrs = ()
    children: tuple[Union[str, "Node"], ...] = ()

    def get(self, name: str, default: str | None = None) -> str | None:
        return dict(self.attrs).get(name, default)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


Inline = Union[str, Node]


@dataclass(frozen=True)
class BlockKind:
    """What one kind of block is, everywhere it matters: where it may stand and what TEI it becomes.

    Why: the recognisers, the grouping into divisions, the transforms and the TEI writer all
    ask the same questions of a kind; answering them in one table means a new kind is one
    entry here (plus its recogniser), and a kind missing from it is an error, never a guess.
    """

    name: str
    meaning: str
    opener: bool = False  # may stand in a division's opening group
    closing: bool = False  # starts or continues the closing group
    after_closing: bool = False  # may follow the closing group without opening a new division
    paragraph: bool = False  # written as ``p`` in the body (and numbered, a mark's target)
    body: str | None = None  # otherwise ``ab/@type`` in the body; ``list:TYPE`` for a run as one list
    opener_tag: str | None = None  # its element inside ``opener`` (None: bare text)
    closer_tag: str | None = None  # its element inside ``closer`` (None: a ``postscript`` paragraph)


BLOCK_KINDS: dict[str, BlockKind] = {k.name: k for k in (
    BlockKind("p", "a paragraph of running text (the fallback)", paragraph=True),
    BlockKind("aside", "a line that is one square bracket (a stamp, a translator's remark)",
              opener=True, after_closing=True, paragraph=True),
    BlockKind("distribution", "an inline distribution list (Copies: A, B, C)", paragraph=True),
    BlockKind("footnote", "a numbered footnote text, [n] ...", closing=True, paragraph=True),
    BlockKind("milestone", "a printed section break (* * *, x x x) or a wide gap", opener=True,
              after_closing=True),
    BlockKind("mark", "a classification, copy number or precedence mark", opener=True, after_closing=True,
              body="mark"),
    BlockKind("dateline", "a place and date line", opener=True, after_closing=True, body="dateline",
              opener_tag="dateline", closer_tag="dateline"),
    BlockKind("head", "an upper-case or letter-spaced heading", opener=True, after_closing=True, body="heading"),
    BlockKind("heading", "a numbered heading inside the body (1. Economy)", body="heading"),
    BlockKind("line", "a short line that is not prose", opener=True, after_closing=True, body="line"),
    BlockKind("salute-opening", "Dear Comrade ...", opener=True, body="salute", opener_tag="salute"),
    BlockKind("salute-closing", "With comradely greetings", closing=True, body="salute", opener_tag="salute",
              closer_tag="salute"),
    BlockKind("byline-intro", "'From the journal of', joined with the next line into a byline"),
    BlockKind("byline", "From the journal of NAME", opener=True, body="byline", opener_tag="byline"),
    BlockKind("log", "a transmission log line (Sent, Received, Deciphered ...)", opener=True, closing=True,
              body="transmission", opener_tag="seg"),
    BlockKind("signed", "a signature block (above the text: a signed resolution, in the opener)", closing=True,
              body="signature", opener_tag="signed", closer_tag="signed"),
    BlockKind("route-head", "a routing-list heading (To be seen by, Seen by); its items follow",
              after_closing=True, body="list:routing"),
    BlockKind("route-item", "one name (or signature) of a routing list", after_closing=True, body="list:routing"),
    BlockKind("postscript", "a line of the closing group (copies printed, initials)", closing=True,
              body="postscript"),
    BlockKind("dist-item", "one numbered item of a distribution list", closing=True, body="list:distribution"),
    BlockKind("dist-item-top", "one item of a distribution list printed above the text (opens no closing group)",
              after_closing=True, body="list:distribution"),
    BlockKind("attachment", "an attachment or enclosure line", closing=True, body="attachment"),
    BlockKind("bullet-item", "one line of a bulleted or dashed list (• …, - …)", after_closing=True,
              body="list:bulleted"),
    BlockKind("numbered-item", "one item of a numbered list under a line ending in a colon (The agenda: / 1) …)",
              body="list:ordered"),
    BlockKind("attachment-item", "one numbered line of a list of attachments under Attachments: / Enclosures:",
              closing=True, after_closing=True, body="list:attachments"),
    BlockKind("outline-item", "one line of a nested outline (1. / a) / -), its depth in attrs level", body="list:ordered"),
    BlockKind("stage", "a parenthetical between speeches ((Laughter))", body="stage"),
    BlockKind("record", "a labelled record-header line (To: ..., Subject: ...)", body="list:record-header"),
)}


def block_kind(name: str) -> BlockKind:
    """The table entry of a kind; an unknown kind is a programming error, said with its name."""
    try:
        return BLOCK_KINDS[name]
    except KeyError:
        raise ValueError(f"unknown block kind {name!r}: add it to model.BLOCK_KINDS") from None


def kinds_where(**flags: bool) -> frozenset[str]:
    """The names of the kinds whose table entry has every flag given (``opener=True``...)."""
    return frozenset(k.name for k in BLOCK_KINDS.values()
                     if all(getattr(k, f) == v for f, v in flags.items()))


@dataclass(frozen=True)
class Block:
    """One block of the body: a paragraph, a stamp line, a signature, a list item...

    ``kind`` is the recogniser's verdict, a name in ``BLOCK_KINDS``;
    ``line`` is the 1-based source line, for messages.
    """

    kind: str
    text: str
    line: int
    spans: tuple[Span, ...] = ()
    attrs: Attrs = ()

    def __post_init__(self) -> None:
        block_kind(self.kind)

    def get(self, name: str, default: str | None = None) -> str | None:
        return dict(self.attrs).get(name, default)

    def with_attrs(self, **kwargs: str | None) -> "Block":
        merged = dict(self.attrs)
        merged.update({k: v for k, v in kwargs.items() if v is not None})
        return replace(self, attrs=tuple(sorted(merged.items())))

    def inlines(self) -> tuple[Inline, ...]:
        """The block's text with its annotations nested into nodes."""
        return nest(self.text, self.spans)


@dataclass(frozen=True)
class Mark:
    """One physical marginal mark a later reader made, as the translator reports it."""

    function: str  # highlight | query | emphasis
    rend: str  # single-line | double-line | question-mark | exclamation-mark
    target: str  # xml:id of the marked span or paragraph
    cert: str  # high | medium | low
    note: str  # xml:id of the translator's note that reports it
    place: str = "margin-left"


@dataclass(frozen=True)
class Division:
    """A run of the body: a document, or an enclosure that follows a signature."""

    kind: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Header:
    """Page furniture and facts for the teiHeader; every string as printed."""

    layout: str
    title: str = ""
    date_text: str = ""
    date_when: str | None = None
    funders: tuple[str, ...] = ()
    funding_sentence: str = ""
    summary: str = ""
    source_line: str = ""  # the archive's citation/credits paragraph, verbatim
    citation: object | None = None  # citation.Citation
    credits: object | None = None  # citation.Credits
    rights: tuple[str, ...] = ()
    facets: tuple[tuple[str, str], ...] = ()  # (label, value) of Document Information
    record_id: str | None = None
    chrome: tuple[str, ...] = ()  # dropped page-chrome lines, for the record
    publisher: str = ""  # who publishes the translation (the archive the page comes from)
    original_language: tuple[str, str] = ("und", "Undetermined")  # (BCP 47 code, English name)


@dataclass(frozen=True)
class Document:
    doc_id: str
    source_name: str
    header: Header
    divisions: tuple[Division, ...]
    marks: tuple[Mark, ...] = ()
    footnotes: tuple[Block, ...] = ()  # footnote texts, written at their markers
    entities: tuple[object, ...] = ()  # entities.Entry referenced by the text
    warnings: tuple[str, ...] = field(default=())

    def blocks(self):
        for div in self.divisions:
            yield from div.blocks


#: Deepest nesting of inline nodes written; deeper annotations are left out (their text stays).
MAX_DEPTH = 40

#: Node kinds whose TEI element takes only some children (text-only ``ex``/``idno``;
#: ``gap/desc`` takes limited phrases).  Any other span inside them is left out (its text stays).
RESTRICTED_CONTENT: dict[str, frozenset[str]] = {
    "ex": frozenset(),
    "idno": frozenset(),
    "gap": frozenset({"date", "name"}),
    "fnref": frozenset(),
    "anchor": frozenset(),
}


def nest(text: str, spans: tuple[Span, ...]) -> tuple[Inline, ...]:
    """Nest stand-off spans over ``text`` into a tree; crossing spans are dropped (inner loses)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.rank))
    accepted: list[Span] = []
    stack: list[Span] = []
    for span in ordered:
        while stack and span.start >= stack[-1].end:
            stack.pop()
        if len(stack) >= MAX_DEPTH:
            continue  # absurdly deep brackets: the inner ones stay text (TEI tools refuse deep trees)
        if stack:
            parent = stack[-1]
            lo, hi = parent.content
            if not (lo <= span.start and span.end <= hi):
                continue  # crosses its parent's boundary or touches its brackets
            if span.end > parent.end:
                continue
            allowed = RESTRICTED_CONTENT.get(parent.kind)
            if allowed is not None and span.kind not in allowed:
                continue  # e.g. no name inside <ex>, no supplied word inside a gap's <desc>
        accepted.append(span)
        stack.append(span)
    return _build(text, accepted, 0, len(text))


def _build(text: str, spans: list[Span], lo: int, hi: int) -> tuple[Inline, ...]:
    out: list[Inline] = []
    pos = lo
    i = 0
    while i < len(spans):
        span = spans[i]
        # children of this span are the following spans inside it
        j = i + 1
        while j < len(spans) and spans[j].start < span.end:
            j += 1
        if span.start > pos:
            out.append(text[pos:span.start])
        c_lo, c_hi = span.content
        # a recogniser's ``review`` remark is for the review report, never an attribute of the TEI
        attrs = tuple(a for a in span.attrs if a[0] != "review")
        out.append(Node(span.kind, attrs, _build(text, spans[i + 1:j], c_lo, c_hi)))
        pos = span.end
        i = j
    if pos < hi:
        out.append(text[pos:hi])
    return tuple(o for o in out if o != "")


def to_json(doc: Document) -> str:
    """The whole model as indented JSON (for ``TEIEDITION_DEBUG`` dumps and tests)."""

    def default(obj):
        if hasattr(obj, "__dataclass_fields__"):
            return asdict(obj)
        return str(obj)

    return json.dumps(asdict(doc), default=default, ensure_ascii=False, indent=1)
