"""What the review report knows about a candidate besides its reason code: the evidence its score uses.

Why: the per-code certainty (``review_calibration.COUNTS``) cannot tell a right line from a
wrong one within a code, and on pages never seen it listed a third of the wrong facts at one
line in four right (issue 17).  A candidate's line says more than its code: which part of the
page it stands in, whether a fallback placed it, how many rules point at it, how long it is,
whether the decision is about a bracket.  These are general facts about the decision, never
words of pages seen; ``review_score.py`` weighs them with weights fitted on the tuning pool
(``bench/review_fit.py``) and chosen by the leave-one-pool-out estimate.
"""

from __future__ import annotations

from .model import Block

#: Recognisers that decide by position and length alone.
POSITIONAL = frozenset({"short_line", "heading"})
#: The parts of a page a candidate's line can stand in (``none``: no block, the page's header lines).
PHASES = ("top", "body", "bottom")


def _blocks_by_line(blocks: list[Block]) -> dict[int, list[Block]]:
    """Each source line with the blocks standing on it (a block of several lines on each)."""
    at: dict[int, list[Block]] = {}
    for block in blocks:
        for k in range(block.text.count("\n") + 1):
            at.setdefault(block.line + k, []).append(block)
    return at


def line_features(item, lines: list[str], on_line: dict[int, list[Block]], codes_at: dict[int, set]) -> dict:
    """The evidence of one candidate (numbers 0-1 and flags; ``{}`` for a page-level item)."""
    if item.line is None or not 1 <= item.line <= len(lines):
        return {}
    text = lines[item.line - 1].strip()
    blocks = on_line.get(item.line, [])
    phase = next((b.get("phase") for b in blocks if b.get("phase")), "none" if not blocks else "body")
    words = len(text.split())
    return {
        "phase": phase if phase in PHASES else "none",
        "fallback": any(b.get("fallback") or b.get("recogniser") in POSITIONAL for b in blocks),
        "rules": len(codes_at.get(item.line, ())),
        "position": round(item.line / max(1, len(lines)), 3),
        "short": words <= 4,
        "bracket": ":" in item.role and ("supplied" in item.role or "gloss" in item.role),
        "medium": item.cert == "medium",
    }


def features_of(items, blocks: list[Block], lines: list[str]) -> list[dict]:
    """The evidence of every candidate of a page, in the order given."""
    on_line = _blocks_by_line(blocks)
    codes_at: dict[int, set] = {}
    for it in items:
        if it.line is not None and not it.code.startswith("every-"):  # a catch-all agrees with nothing
            codes_at.setdefault(it.line, set()).add(it.code)
    return [line_features(it, lines, on_line, codes_at) for it in items]


def vector(code_logit: float, feats: dict) -> list[float]:
    """The numbers a score weighs, in the order of ``review_score.FEATURES``."""
    phase = feats.get("phase", "none")
    return [1.0, code_logit,
            float(phase == "top"), float(phase == "bottom"), float(phase == "none"),
            float(bool(feats.get("fallback"))), float(min(feats.get("rules", 1), 3) - 1),
            float(feats.get("position", 0.5)), float(bool(feats.get("short"))),
            float(bool(feats.get("bracket"))), float(bool(feats.get("medium")))]


__all__ = ["features_of", "line_features", "vector"]
