"""The sentences of a paragraph, as the marginal-mark finders count them.

Why: "the previous two sentences" is counted back from the note, and notes
are not sentences, so a block is split once with its notes blanked out and
every note takes a view of that split (``sentences_before``).  Indexes of
runs (spaces, words, punctuation) trim each sentence in O(log n), so a
paragraph with thousands of notes costs time linear in its length.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..model import Block, Span
from ..recognising.segment import split_sentences

#: A quotation in double quotes, curly or straight (the target of "the last quote").
_QUOTE_RE = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")


def sentences_before(block: Block, note: Span, split=None) -> "SentencesBefore":
    """Sentences of the paragraph before ``note``; notes are masked out and never sentences.

    The paragraph is split once (``block_sentences``) and each note takes a prefix of it (a view,
    not a copy), so a paragraph with thousands of notes costs time linear in its length, not quadratic.
    """
    split = split or block_sentences(block)
    k = _first_at(split.raw, note.start)
    if k == 0:
        return SentencesBefore(split, 0, None)
    s, e = split.raw[k - 1]
    return SentencesBefore(split, bisect.bisect_left(split.kept_index, k - 1), _clean_sentence(split, s, min(e, note.start)))


class SentencesBefore:
    """The first ``count`` kept sentences of a block plus, maybe, the part of one the note cuts short.

    A read-only sequence over the block's one list: taking it costs O(1) per note.
    """

    __slots__ = ("split", "_kept", "_count", "_last")

    def __init__(self, split: "BlockSplit", count: int, last: tuple[int, int] | None):
        self.split, self._kept, self._count, self._last = split, split.kept, count, last

    def __len__(self) -> int:
        return self._count + (self._last is not None)

    def __getitem__(self, i: int) -> tuple[int, int]:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        return self._last if i == self._count else self._kept[i]

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def starts(self) -> "_Starts":
        return _Starts(self)


class _Starts:
    """The sentences' start offsets as a sorted sequence, for ``bisect``."""

    def __init__(self, sents: SentencesBefore):
        self._sents = sents

    def __len__(self) -> int:
        return len(self._sents)

    def __getitem__(self, i: int) -> int:
        return self._sents[i][0]


def _first_at(raw: list[tuple[int, int]], pos: int) -> int:
    """Index of the first sentence starting at or after ``pos`` (binary search)."""
    return bisect.bisect_left(raw, (pos, -1))


class _Runs:
    """The runs of a pattern in a text (start and end offsets), to ask "which run holds offset i" in O(log n).

    Why: a sentence cut short by each of thousands of notes must be trimmed without rescanning it.
    """

    def __init__(self, pattern: str, text: str):
        self.starts, self.ends = [], []
        for m in re.finditer(pattern, text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def holding(self, i: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.starts, i) - 1
        if k >= 0 and self.ends[k] > i:
            return self.starts[k], self.ends[k]
        return None

    def first_ending_after(self, i: int) -> int | None:
        """Start of the first run that ends after offset ``i``."""
        k = bisect.bisect_right(self.ends, i)
        return self.starts[k] if k < len(self.starts) else None


@dataclass(frozen=True)
class BlockSplit:
    """A block split once: its notes, its text with notes blanked, its sentences, indexes to trim them."""

    text: str
    notes: tuple[tuple[int, int], ...]
    masked_text: str
    raw: list[tuple[int, int]]
    kept: list[tuple[int, int]]
    kept_index: list[int]
    spaces: _Runs  # whitespace of the text
    trailing: _Runs  # spaces and punctuation of the masked text (what may follow a note before the stop)
    words: _Runs  # word characters of the masked text
    blanks: _Runs  # whitespace of the masked text

    @functools.cached_property
    def quotes(self) -> tuple[list[int], list[tuple[int, int]]]:
        """The block's quotations (inner spans) with their end offsets, found once for all its notes."""
        ends, inner = [], []
        for m in _QUOTE_RE.finditer(self.text):
            g = 1 if m.group(1) is not None else 2
            ends.append(m.end())
            inner.append((m.start(g), m.end(g)))
        return ends, inner


def block_sentences(block: Block) -> BlockSplit:
    """The block's notes, its text with notes blanked, its sentences, and the kept ones with their indexes."""
    text = block.text
    notes = tuple(sorted((s.start, s.end) for s in block.spans if s.kind == "note"))
    pieces, pos = [], 0
    for start, end in notes:
        start = max(start, pos)
        if end <= start:
            continue
        pieces += [text[pos:start], " " * (end - start)]
        pos = end
    masked_text = "".join(pieces) + text[pos:]
    label = int(block.get("speaker") or 0)  # a speaker's label is not part of the speech
    if label:
        masked_text = " " * label + masked_text[label:]
    raw = split_sentences(masked_text)
    split = BlockSplit(text, notes, masked_text, raw, [], [], _Runs(r"\s+", text), _Runs(r"[ .,;:!?]+", masked_text),
                   _Runs(r"\w+", masked_text), _Runs(r"\s+", masked_text))
    for i, (s, e) in enumerate(raw):
        sentence = _clean_sentence(split, s, e)
        if sentence:
            split.kept.append(sentence)
            split.kept_index.append(i)
    return split


#: A list label (``2.``, ``IV)``, ``b.``) is not a sentence; longer than this it is not a label.
_LABEL_RE = re.compile(r"(?:\d{1,2}|[IVX]+|[a-z])[.)]")
_MAX_LABEL = 8


def _clean_sentence(split: BlockSplit, s: int, e: int) -> tuple[int, int] | None:
    """One sentence ended before a note that stands before its full stop, trimmed; None if no words.

    Every step is a lookup in the block's run indexes, never a scan of the sentence: a sentence
    cut short by each of thousands of notes costs O(log n) per note.
    """
    if e <= s:
        return None
    # a note standing before the full stop ends the sentence: the first note after the last word
    run = split.trailing.holding(e - 1)
    after_words = max(run[0], s) if run else e
    k = bisect.bisect_left(split.notes, (max(after_words, s + 1), -1))
    if k < len(split.notes) and split.notes[k][0] < e:
        e = split.notes[k][0]
    run = split.spaces.holding(e - 1) if e > s else None
    if run:
        e = max(run[0], s)
    run = split.spaces.holding(s) if s < e else None
    if run:
        s = min(run[1], e)
    word = split.words.first_ending_after(s)
    if s >= e or word is None or word >= e:
        return None
    word = max(word, s)
    run = split.blanks.holding(e - 1)
    core_end = max(run[0], word) if run else e
    if core_end - word <= _MAX_LABEL and _LABEL_RE.fullmatch(split.masked_text, word, core_end):
        blank = split.blanks.holding(s)
        if s == word or (blank and blank[1] >= word):
            return None  # a list label is not a sentence
    return (s, e)
