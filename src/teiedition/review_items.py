"""The review report's item and the helpers every review rule shares.

Why: the rules are split by zone of the page (``review.py`` for blocks and brackets,
``review_zones.py`` for the summary, title, closing, stamps, distribution and citation);
both build the same item, so it lives here and neither rule module imports the other.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .model import Block


@dataclass(frozen=True)
class ReviewItem:
    """One decision to check: where it is, what was made of it, why it is uncertain, and how much."""

    line: int | None
    text: str
    role: str
    why: str
    code: str = "fallback"
    cert: str = "low"
    #: How likely the converter's reading is right (0-1): the share of lines listed for this reason on the
    #: tuning pages where no fact was wrong (``review_calibration.CERTAINTY``); listed below the threshold.
    certainty: float | None = None
    #: What else the report knows of the decision (``review_features.line_features``: the page's part,
    #: a fallback, how many rules point at the line …): the evidence the certainty weighs.
    evidence: dict | None = None


#: How far before a bracket the rules look (besides twice the bracket's length: a respelling is about as
#: long as the words it spells again).  Every rule reads the last words before a bracket only, and reading
#: the whole text before each bracket of a long block made a block of n brackets cost n² (issue 11).
LOOK_BACK = 200


def before(text: str, span) -> str:
    """The text right before ``span`` that a rule about its words may read."""
    return text[max(0, span.start - LOOK_BACK - 2 * (span.end - span.start)):span.start]


def after(text: str, span) -> str:
    """The text right after ``span`` that a rule about it may read."""
    return text[span.end:span.end + LOOK_BACK]


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def role_of(block: Block) -> str:
    """The role a block was given, as ``phase/kind`` (``bottom/signed``, ``body/p``, ``top/line``)."""
    phase = block.get("phase") or "body"
    role = block.get("role")
    return f"{phase}/{block.kind}" + (f" ({role})" if role else "")


#: The last block whose lines were mapped (the block, the page's lines, its newline offsets, the source line
#: of each of its lines): the rules ask for many spans of one block in a row, and mapping the block once
#: keeps a long block with a bracket on every line linear (each call walked the block from its start).
_LAST: list = [None]


def _block_lines(block: Block, lines: list[str] | None) -> tuple[list[int], list[int]]:
    """The offsets of ``block``'s newlines and the source line of each of its lines (blank lines the block
    skipped counted: each line is found among the next few source lines)."""
    hit = _LAST[0]
    if hit is not None and hit[0] is block and hit[1] is lines:
        return hit[2], hit[3]
    newlines = [i for i, ch in enumerate(block.text) if ch == "\n"]
    at, source = block.line, [block.line]
    for piece in block.text.split("\n")[1:]:
        if lines:
            target = norm(piece)
            ahead = range(at + 1, min(len(lines), at + 6) + 1)
            at = next((j for j in ahead if norm(lines[j - 1]) == target), at + 1)
        else:
            at += 1
        source.append(at)
    _LAST[0] = (block, lines, newlines, source)
    return newlines, source


def line_in_block(block: Block, offset: int, lines: list[str] | None = None) -> int:
    """The source line of a character of a block's text (a block keeps the newlines of its lines).
    With the page's ``lines``, blank lines the block skipped are counted too (a speaker's label
    and the paragraph under it, a stamp over two lines with a blank between): each of the block's
    lines is found among the next few source lines."""
    newlines, source = _block_lines(block, lines)
    return source[bisect_left(newlines, max(0, offset))]
