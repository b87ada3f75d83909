"""The review report's item and the helpers every review rule shares.

Why: the rules are split by zone of the page (``review.py`` for blocks and brackets,
``review_zones.py`` for the summary, title, closing, stamps, distribution and citation);
both build the same item, so it lives here and neither rule module imports the other.
"""

from __future__ import annotations

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


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def role_of(block: Block) -> str:
    """The role a block was given, as ``phase/kind`` (``bottom/signed``, ``body/p``, ``top/line``)."""
    phase = block.get("phase") or "body"
    role = block.get("role")
    return f"{phase}/{block.kind}" + (f" ({role})" if role else "")


def line_in_block(block: Block, offset: int, lines: list[str] | None = None) -> int:
    """The source line of a character of a block's text (a block keeps the newlines of its lines).
    With the page's ``lines``, blank lines the block skipped are counted too (a speaker's label
    and the paragraph under it, a stamp over two lines with a blank between): each of the block's
    lines is found among the next few source lines."""
    k = block.text.count("\n", 0, max(0, offset))
    if not lines or not k:
        return block.line + k
    at = block.line
    for piece in block.text.split("\n")[1:k + 1]:
        target = norm(piece)
        ahead = range(at + 1, min(len(lines), at + 6) + 1)
        at = next((j for j in ahead if norm(lines[j - 1]) == target), at + 1)
    return at
