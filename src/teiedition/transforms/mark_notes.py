"""Reading a translator's note on marginal marks: which marks, aimed at which span.

Why: the words of the note ("the previous two sentences were highlighted in
the left margin with two vertical lines") are the only evidence of what a
later reader marked.  ENCODING.md's resolution table is written out here as
data (``TARGETS``), and ``read_note`` turns a note into ``Reported`` marks:
a target row, a sentence count or half, and each mark's function and shape.
Finding the span in the paragraph is ``mark_spans``' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
