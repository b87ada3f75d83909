"""Finding the span a marginal-mark note describes, and fitting it among the annotations.

Why: each row of the resolution table has a finder (the last n sentences,
half of the paragraph, the last quotation, the paragraph) that answers with
a ``Found``: a span of the block, a whole earlier paragraph, or nothing.  A
span found must then be widened so that it never crosses another annotation
(``fit``, over ``SpanIndex``), or the TEI could not nest it.  Forward-pointing
finders live in ``forward_marks``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Block, Span
from .mark_sentences import SentencesBefore, block_sentences

def para_before(block: Block, note: Span) -> tuple[int, int] | None:
    """The paragraph from its start (after a speaker's label) up to the note, trimmed; None if empty."""
    text = block.text
    e = note.start
    while e > 0 and text[e - 1].isspace():
        e -= 1
    s = min(int(block.get("speaker") or 0), e)  # a speaker's label is not part of the speech
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if s < e else None


def text_after(block: Block, note: Span) -> tuple[int, int] | None:
    """The rest of the block after the note (a last resort when nothing precedes it)."""
    text = block.text
    s, e = note.end, len(text)
    while s < e and (text[s].isspace() or text[s] in ".,;:"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _split_half(sents) -> int:
    """Where the sentences split in two halves: the middle one, or the start nearest the middle (binary search)."""
    n = len(sents)
    if n % 2 == 0:
        return n // 2
    if n == 1:
        return 1
    middle = (sents[0][0] + sents[-1][1]) / 2
    starts = sents.starts() if isinstance(sents, SentencesBefore) else [x[0] for x in sents]
    j = bisect.bisect_left(starts, middle, 1, n)
    if j == n or (j > 1 and abs(starts[j - 1] - middle) <= abs(starts[j] - middle)):
        return j - 1
    return j


def _last_quote(split: BlockSplit, before: int) -> tuple[int, int] | None:
    """The last quotation of the block that closes before ``before``."""
    ends, inner = split.quotes
    k = bisect.bisect_right(ends, before)
    return inner[k - 1] if k else None


class SpanIndex:
    """The block's annotations sorted by start, with a tree of their largest ends.

    Why: a target must not cross an annotation, and only an annotation holding one of the
    target's two ends can cross it.  Asking for those (``holding``) visits only the tree's
    branches that reach the offset: O(log n) per answer, however many annotations lie inside
    the target (a paragraph-long target over thousands of notes) or one long annotation covers.
    """

    def __init__(self, spans):
        self.spans = sorted(spans, key=lambda x: x.start)
        self.starts = [x.start for x in self.spans]
        self.size = 1
        while self.size < len(self.spans):
            self.size *= 2
        self.tree = [-1] * (2 * self.size)
        for i, x in enumerate(self.spans):
            self.tree[self.size + i] = x.end
        for i in range(self.size - 1, 0, -1):
            self.tree[i] = max(self.tree[2 * i], self.tree[2 * i + 1])

    def holding(self, lo: int, hi: int):
        """The annotations that start before ``hi`` and end after ``lo``, for a short range lo..hi."""
        limit = bisect.bisect_left(self.starts, hi)  # spans[:limit] start before hi
        stack = [(1, 0, self.size)]
        while stack:
            node, first, last = stack.pop()
            if first >= limit or self.tree[node] <= lo:
                continue
            if node >= self.size:
                yield self.spans[first]
                continue
            middle = (first + last) // 2
            stack.append((2 * node + 1, middle, last))
            stack.append((2 * node, first, middle))


def fit(span: tuple[int, int], index: SpanIndex) -> tuple[int, int]:
    """Widen a target so that it never crosses an annotation (it may contain or sit inside one)."""
    s, e = span
    changed = True
    while changed:
        changed = False
        for x in [*index.holding(s, s + 1), *index.holding(e - 1, e)]:
            lo, hi = x.content
            inside = lo <= s and e <= hi
            if inside or (s <= x.start and x.end <= e) or x.end <= s or x.start >= e:
                continue
            if x.start < s:
                s = x.start
            else:
                e = x.end
            changed = True
            break
    return s, e


@dataclass(frozen=True)
class Found:
    """What a finder found: a span of the block, or a whole earlier paragraph, or nothing."""

    span: tuple[int, int] | None = None
    whole_p: str | None = None
    cert: str | None = None  # None: the table's certainty
    msg: str | None = None


def _find_sentences(block, note, rep, sents, previous_p) -> Found:
    """The last ``rep.count`` sentences before the note (fewer, with cert=low, if fewer precede it)."""
    n = rep.count
    if len(sents) >= n:
        return Found((sents[-n][0], sents[-1][1]))
    if sents:
        return Found((sents[0][0], sents[-1][1]), cert="low",
                     msg=f"note reports {n} sentences but only {len(sents)} precede it")
    return Found()


def _find_half(block, note, rep, sents, previous_p) -> Found:
    """The first or second half of the sentences before the note."""
    if len(sents) < 2:
        return Found()
    k = _split_half(sents)
    if rep.half == "first":
        return Found((sents[0][0], sents[k - 1][1]))
    return Found((sents[k][0], sents[-1][1]))


def _find_quote(block, note, rep, sents, previous_p) -> Found:
    """The last quotation before the note; else the last sentence, with cert=low."""
    span = _last_quote(sents.split if isinstance(sents, SentencesBefore) else block_sentences(block), note.start)
    if span is None and sents:
        return Found(sents[-1], cert="low")
    return Found(span)


def _find_paragraph(block, note, rep, sents, previous_p) -> Found:
    """The paragraph up to the note; a note standing alone points to the paragraph before."""
    span = para_before(block, note)
    if span is None and previous_p is not None:
        return Found(whole_p=previous_p.get("xml:id"))
    return Found(span)


def only_notes(block: Block) -> bool:
    """True when the block is nothing but notes (and spaces or full stops); linear in its length."""
    pos = 0
    for s in sorted((s for s in block.spans if s.kind == "note"), key=lambda s: s.start):
        if s.start > pos and block.text[pos:s.start].strip(" ."):
            return False
        pos = max(pos, s.end)
    return not block.text[pos:].strip(" .")


#: The finders that look back from the note, by the table's ``finder`` name.
BACKWARD_FINDERS = {"sentences": _find_sentences, "half": _find_half, "quote": _find_quote,
                    "paragraph": _find_paragraph}
