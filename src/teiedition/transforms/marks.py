"""Marginal marks: from the translator's note to one ``metamark`` per physical mark.

Why: the translator reports marks a later reader made on the original ("the
previous two sentences were highlighted in the left margin with two vertical
lines").  ENCODING.md's resolution table says which span each note describes;
this module reads the note, finds that span in the paragraph (sentences are
counted with ``segment.split_sentences``, earlier notes are not sentences),
wraps it in ``seg[@type="marked"]`` and records a ``model.Mark`` per mark.
The note itself never moves and keeps its words.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from ..model import Block, Document, Mark, Span, attrs_of
from ..recognising.segment import split_sentences
from .forward_marks import find_next_paragraph, find_next_sentence, point_forwards

# -- reading the note -----------------------------------------------------------------

_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


@dataclass(frozen=True)
class Target:
    """One row of ENCODING.md's resolution table: words of the note, the span they name, how sure.

    ``find`` is filled in below (the span finders need the helpers of this module).
    """

    name: str  # prev | end | half | quote | portion | underlined | next | following | para | unknown
    words: str  # a regular expression over the note's words
    cert: str  # high | medium | low, when the span is found as described
    finder: str  # sentences | half | quote | paragraph: see FINDERS


#: The resolution table, in the order its words are tried.
TARGETS: tuple[Target, ...] = (
    Target("prev", r"the (?:(?:previous|preceding|last) (?P<n>two|three|four|five|\d)|"
                   r"(?P<n2>two|three|four|five|\d) (?:previous|preceding|last)) sentences", "high", "sentences"),
    Target("prev", r"the (?:previous|preceding|last) sentence|this sentence|the sentence above", "high", "sentences"),
    Target("end", r"the end of (?:the|this) paragraph", "medium", "sentences"),
    Target("half", r"(?:the )?(?P<which>first|second) half(?: of (?:the|this) paragraph)?", "medium", "half"),
    Target("quote", r"the (?:last|previous|preceding) quot(?:e|ation)", "high", "quote"),
    Target("portion", r"the (?:portion|part|passage) (?:describing|about|concerning|on)\b", "low", "sentences"),
    Target("underlined", r"the underlined (?:portion|part|passage|text|words)|the (?:portion|part|passage) underlined",
           "low", "paragraph"),
    Target("next", r"the (?:following|next|subsequent) sentence|the sentence (?:below|that follows)",
           "high", "next-sentence"),
    Target("following", r"the (?:following|next|subsequent) paragraph|the paragraph (?:below|that follows)",
           "high", "next-paragraph"),
    Target("para", r"the (?:previous|preceding|whole|entire) paragraph|this paragraph|the paragraph\b",
           "high", "paragraph"),
)
#: A mark reported without saying where: the paragraph, with low certainty.
UNKNOWN = Target("unknown", "", "low", "paragraph")
TARGET_BY_NAME = {t.name: t for t in (*TARGETS, UNKNOWN)}
TARGET_RE = re.compile("|".join(f"(?P<t{k}>{t.words})" for k, t in enumerate(TARGETS)), re.I)
DOUBLE_RE = re.compile(r"\b(?:two|double|2)\s+(?:vertical\s+|parallel\s+)?lines?\b", re.I)
SINGLE_RE = re.compile(r"\b(?:a|an|one|single|additional)\s+(?:single\s+)?(?:vertical\s+)?line\b", re.I)
QUERY_RE = re.compile(r"\bquestion marks?\b", re.I)
EMPHASIS_RE = re.compile(r"\bexclamation (?:points?|marks?)\b", re.I)
MARK_REPORTED_RE = re.compile(r"highlighted|vertical lines?|question mark|exclamation (?:point|mark)|"
                              r"marked (?:with|by|in)", re.I)
MARK_WORDS_RE = re.compile(r"\b(?:highlighted|marked|margin|question mark|exclamation|lines?)\b", re.I)


@dataclass(frozen=True)
class Reported:
    """One mark as the note reports it, before its span is found."""

    target: str  # prev | end | half | quote | portion | underlined | para
    count: int  # sentences, for 'prev'
    half: str  # first | second
    function: str
    rend: str


def read_note(text: str) -> list[Reported]:
    """The marks a translator's note reports, in order; [] when it reports none."""
    if not MARK_WORDS_RE.search(text):
        return []
    targets = list(TARGET_RE.finditer(text))
    if not targets:
        if not MARK_REPORTED_RE.search(text):
            return []
        # a mark is reported but not where: the paragraph, with low certainty
        descriptors = _descriptors(text) or [("highlight", "single-line")]
        return [Reported(UNKNOWN.name, 0, "", f, r) for f, r in descriptors]
    found: list[Reported] = []
    for k, t in enumerate(targets):
        clause_start = 0 if k == 0 else t.start()
        clause_end = targets[k + 1].start() if k + 1 < len(targets) else len(text)
        clause = text[clause_start:clause_end]
        kind, count, half = _target_kind(t)
        descriptors = _descriptors(clause)
        if not descriptors:
            descriptors = [("highlight", "single-line")]
        for function, rend in descriptors:
            found.append(Reported(kind, count, half, function, rend))
    return found


def _target_kind(m: re.Match) -> tuple[str, int, str]:
    """The table row a match of TARGET_RE is, with its sentence count and half."""
    row = TARGETS[next(k for k in range(len(TARGETS)) if m.group(f"t{k}") is not None)]
    if row.name == "half":
        return "half", 0, m.group("which").lower()
    number = m.group("n") or m.group("n2") if row.name == "prev" else None
    count = _COUNT.get(number.lower(), 1) if number else (1 if row.finder == "sentences" else 0)
    return row.name, count, ""


def _descriptors(clause: str) -> list[tuple[str, str]]:
    found: list[tuple[int, str, str]] = []
    for m in DOUBLE_RE.finditer(clause):
        found.append((m.start(), "highlight", "double-line"))
    for m in SINGLE_RE.finditer(clause):
        if not any(abs(m.start() - s) < 12 for s, _f, r in found if r == "double-line"):
            found.append((m.start(), "highlight", "single-line"))
    for m in QUERY_RE.finditer(clause):
        found.append((m.start(), "query", "question-mark"))
    for m in EMPHASIS_RE.finditer(clause):
        found.append((m.start(), "emphasis", "exclamation-mark"))
    return [(f, r) for _s, f, r in sorted(found)]


CERT = {t.name: t.cert for t in TARGET_BY_NAME.values()}


# -- finding spans --------------------------------------------------------------------


def sentences_before(block: Block, note: Span, split=None) -> "_Before":
    """Sentences of the paragraph before ``note``; notes are masked out and never sentences.

    The paragraph is split once (``_block_sentences``) and each note takes a prefix of it (a view,
    not a copy), so a paragraph with thousands of notes costs time linear in its length, not quadratic.
    """
    split = split or _block_sentences(block)
    k = _first_at(split.raw, note.start)
    if k == 0:
        return _Before(split, 0, None)
    s, e = split.raw[k - 1]
    return _Before(split, bisect.bisect_left(split.kept_index, k - 1), _clean_sentence(split, s, min(e, note.start)))


class _Before:
    """The first ``count`` kept sentences of a block plus, maybe, the part of one the note cuts short.

    A read-only sequence over the block's one list: taking it costs O(1) per note.
    """

    __slots__ = ("split", "_kept", "_count", "_last")

    def __init__(self, split: "_Split", count: int, last: tuple[int, int] | None):
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

    def __init__(self, sents: _Before):
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
class _Split:
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


def _block_sentences(block: Block) -> _Split:
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
    split = _Split(text, notes, masked_text, raw, [], [], _Runs(r"\s+", text), _Runs(r"[ .,;:!?]+", masked_text),
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


def _clean_sentence(split: _Split, s: int, e: int) -> tuple[int, int] | None:
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


def _para_before(block: Block, note: Span) -> tuple[int, int] | None:
    text = block.text
    e = note.start
    while e > 0 and text[e - 1].isspace():
        e -= 1
    s = min(int(block.get("speaker") or 0), e)  # a speaker's label is not part of the speech
    while s < e and text[s].isspace():
        s += 1
    return (s, e) if s < e else None


def _text_after(block: Block, note: Span) -> tuple[int, int] | None:
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
    starts = sents.starts() if isinstance(sents, _Before) else [x[0] for x in sents]
    j = bisect.bisect_left(starts, middle, 1, n)
    if j == n or (j > 1 and abs(starts[j - 1] - middle) <= abs(starts[j] - middle)):
        return j - 1
    return j


_QUOTE_RE = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")


def _last_quote(split: "_Split", before: int) -> tuple[int, int] | None:
    """The last quotation of the block that closes before ``before``."""
    ends, inner = split.quotes
    k = bisect.bisect_right(ends, before)
    return inner[k - 1] if k else None


class _SpanIndex:
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


def _fit(span: tuple[int, int], index: _SpanIndex) -> tuple[int, int]:
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
    span = _last_quote(sents.split if isinstance(sents, _Before) else _block_sentences(block), note.start)
    if span is None and sents:
        return Found(sents[-1], cert="low")
    return Found(span)


def _find_paragraph(block, note, rep, sents, previous_p) -> Found:
    """The paragraph up to the note; a note standing alone points to the paragraph before."""
    span = _para_before(block, note)
    if span is None and previous_p is not None:
        return Found(whole_p=previous_p.get("xml:id"))
    return Found(span)


FINDERS = {"sentences": _find_sentences, "half": _find_half, "quote": _find_quote, "paragraph": _find_paragraph,
           "next-sentence": find_next_sentence, "next-paragraph": find_next_paragraph}


@dataclass
class _State:
    seg_counter: int = 0
    note_counter: int = 0


def resolve_marginal_marks(doc: Document) -> Document:
    """Wrap each reported span in ``seg[@type="marked"]`` and record one Mark per physical mark."""
    state = _State()
    marks: list[Mark] = []
    warnings = list(doc.warnings)
    new_divs = []
    previous_p: Block | None = None
    for div in doc.divisions:
        new_blocks = []
        for block in div.blocks:
            notes = [s for s in block.spans if s.kind == "note" and s.get("type") == "translator"]
            reported_any = [(n, read_note(_note_text(block, n))) for n in notes]
            if any(r for _n, r in reported_any):
                block, new_marks, msgs = _resolve_block(block, reported_any, previous_p, state)
                marks.extend(new_marks)
                warnings.extend(f"{doc.source_name}:{block.line}: warning: {m}" for m in msgs)
            new_blocks.append(block)
            if block.kind == "p" and not _only_notes(block):
                previous_p = block
        new_divs.append(replace(div, blocks=tuple(new_blocks)))
    # a whole paragraph targeted from a later block gets its id through assign_ids already
    return point_forwards(replace(doc, divisions=tuple(new_divs), marks=tuple(marks), warnings=tuple(warnings)))


def _note_text(block: Block, note: Span) -> str:
    lo, hi = note.content
    return block.text[lo:hi]


def _only_notes(block: Block) -> bool:
    """True when the block is nothing but notes (and spaces or full stops); linear in its length."""
    pos = 0
    for s in sorted((s for s in block.spans if s.kind == "note"), key=lambda s: s.start):
        if s.start > pos and block.text[pos:s.start].strip(" ."):
            return False
        pos = max(pos, s.end)
    return not block.text[pos:].strip(" .")


def _resolve_block(block: Block, reported_any, previous_p: Block | None, state: _State):
    new_spans = list(block.spans)
    position = {id(x): i for i, x in enumerate(new_spans)}  # new spans are appended, never inserted
    split = _block_sentences(block)
    fit_index = _SpanIndex(x for x in new_spans if x.kind != "seg" or x.get("type") != "marked")
    marks: list[Mark] = []
    msgs: list[str] = []
    seg_ids: dict[tuple[int, int], str] = {}
    for note, reported in reported_any:
        if not reported:
            continue
        state.note_counter += 1
        note_id = f"tn{state.note_counter}"
        targets: list[str] = []
        sents = sentences_before(block, note, split)
        for rep in reported:
            found = FINDERS[TARGET_BY_NAME[rep.target].finder](block, note, rep, sents, previous_p)
            span, whole_p, cert = found.span, found.whole_p, found.cert or CERT[rep.target]
            if found.msg:
                msgs.append(found.msg)
            if span is None and whole_p is None:
                para = _para_before(block, note)
                if para is None and previous_p is not None:
                    whole_p, cert = previous_p.get("xml:id"), "low"
                elif para is not None:
                    span, cert = para, "low"
                msgs.append(f"could not find what the translator's note describes ({rep.target}); "
                            "marked the paragraph with cert=low")
            if span is None and not whole_p:
                span = _text_after(block, note)
                cert = "low"
                if span is None:
                    msgs.append("a marginal mark has nothing near it to target; the note is kept, "
                                "no metamark written")
                    continue
                msgs.append("a marginal mark has nothing before it; marked the text after the note "
                            "with cert=low")
            if whole_p:
                target_id = whole_p
            else:
                span = _fit(span, fit_index)
                if span not in seg_ids:
                    state.seg_counter += 1
                    seg_ids[span] = f"m{state.seg_counter}"
                    new_spans.append(Span(span[0], span[1], "seg",
                                          attrs_of(type="marked", xml_id=seg_ids[span]), rank=30))
                target_id = seg_ids[span]
            place = "margin-left"
            nt = _note_text(block, note).lower()
            if "right margin" in nt:
                place = "margin-right"
            marks.append(Mark(rep.function, rep.rend, target_id, cert, note_id, place))
            if target_id not in targets:
                targets.append(target_id)
        if not targets:
            continue
        idx = position[id(note)]
        extra = dict(note.attrs)
        extra["xml:id"] = note_id
        extra["target"] = " ".join(f"#{t}" for t in targets)
        new_spans[idx] = replace(note, attrs=tuple(sorted(extra.items())))
    block = replace(block, spans=tuple(new_spans))
    lost = set(seg_ids.values()) - _surviving_ids(block)
    if lost:  # a target that cannot nest (inside a gap's description, too deep): the paragraph instead
        fallback = block.get("xml:id")
        msgs.append("a marked span could not be encoded where it is; "
                    + ("marked the whole paragraph with cert=low" if fallback else "its marks are dropped"))
        marks = [replace(m, target=fallback, cert="low") if m.target in lost else m
                 for m in marks if m.target not in lost or fallback]
        spans = []
        for sp in block.spans:
            if sp.kind == "seg" and sp.get("xml:id") in lost:
                continue
            if sp.kind == "note" and sp.get("target"):
                kept = [t for t in sp.get("target").split() if t[1:] not in lost]
                if fallback and len(kept) < len(sp.get("target").split()):
                    kept.append(f"#{fallback}")
                sp = sp.with_targets(kept)
            spans.append(sp)
        block = replace(block, spans=tuple(spans))
    return block, marks, msgs


def _surviving_ids(block: Block) -> set[str]:
    found: set[str] = set()

    def walk(nodes):
        for n in nodes:
            if not isinstance(n, str):
                if n.get("xml:id"):
                    found.add(n.get("xml:id"))
                walk(n.children)

    walk(block.inlines())
    return found
