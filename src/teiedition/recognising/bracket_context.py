"""Finding square brackets and what a bracket recogniser sees of one.

Why: every bracket convention (``bracket_notes``, ``bracket_gaps``, ``bracket_words``) is
judged on the same facts: where the bracket opens and closes, its content, the word
before it, whether it fills its line.  Finding the pairs (nesting bounded, an unclosed
bracket running to the block's end) is one job, kept apart from telling what each is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


APOS = "[’']"


def _words(text: str) -> int:
    return len(text.split())


def _outer_bracket_end(text: str) -> int:
    depth = 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


BRACKET_CHAR_RE = re.compile(r"[\[\]]")


#: Brackets nested deeper than this stay literal text (no translation nests them; it bounds the
#: work per bracket, so time stays linear in the input, and the TEI's depth stays far below 256).
MAX_BRACKET_DEPTH = 8


#: How far back a recogniser looks for the word before a bracket (``word[sic]``, ``F[oreign]``).
LOOK_BACK = 256


def _depths(pairs: list[tuple[int, int, bool]]) -> list[int]:
    """Nesting depth (1 = outermost) of each pair of ``bracket_pairs`` (sorted by start)."""
    depths: list[int] = []
    open_ends: list[int] = []
    for start, end, _closed in pairs:
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        depths.append(len(open_ends) + 1)
        open_ends.append(end)
    return depths


def _token_before(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the last non-space token before ``start`` (at most LOOK_BACK back), or None."""
    window_start = max(0, start - LOOK_BACK)
    m = TOKEN_BEFORE_RE.search(text, window_start, start)
    return (m.start(1), m.end(1)) if m else None


TOKEN_BEFORE_RE = re.compile(r"(\S+)\s*$")


def bracket_pairs(text: str) -> list[tuple[int, int, bool]]:
    """(open, end, closed) of every square bracket; an unclosed one runs to the end of the block."""
    pairs: list[tuple[int, int, bool]] = []
    stack: list[int] = []
    if "[" not in text:
        return pairs
    for m in BRACKET_CHAR_RE.finditer(text):
        i = m.start()
        if text[i] == "[":
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i + 1, True))
    if stack:  # an unclosed bracket runs to the end of the block; only the first one does
        pairs.append((stack[0], len(text), False))
    return sorted(pairs)


@dataclass(frozen=True)
class BracketContext:
    text: str  # whole block text
    start: int  # index of '['
    end: int  # index after ']' (or end of block when unclosed)
    closed: bool
    content: str
    c_start: int  # index of the content's first character
    whole_line: bool
    footnotes: set  # numbers of footnote texts still waiting for their marker
    at_block_start: bool = False  # only spaces before the bracket

    @property
    def c_end(self) -> int:
        """Index after the content's last character: before ``]``, or the block's end when unclosed."""
        return self.end - 1 if self.closed else self.end
