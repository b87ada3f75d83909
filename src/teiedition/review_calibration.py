"""How sure the converter is of each kind of listed decision, and the threshold below which it is listed.

Why: a reason that sends a reader to right lines most of the time teaches the reader to
skip the report; a reason left out hides wrong facts.  So every review rule yields a
candidate with a reason ``code``; its certainty is the share of the lines listed for that
code on the tuning pages where no fact was wrong, (right + 1) / (right + wrong + 2) so
that a code seen a few times is not trusted to 0 or 1; the report lists a candidate when
its certainty is below ``THRESHOLD``.  ``convert --review-threshold`` moves it: 1 lists
every candidate (most wrong facts found, more right lines read), lower values fewer.
The counts come from ``bench/bench_realpages.py --review-threshold 1`` on the tuning pool
(batch 1 tune, batch 2 tune, batch 2 held-out retired into tuning, batch 3 tune and batch 4
tune: 268 pages with facts), never from the judges: a code the report had before batch 4 keeps
the counts of the pool's first run (the lines it listed when the converter met those pages, as
it meets unseen pages) plus batch 4's tune pages; a code added with batch 4 is counted on the
whole pool.  docs/encoding-decisions.md (*The review report*) shows the table.  A code the pool
never listed keeps ``UNSEEN`` (below the threshold: listed).
"""

from __future__ import annotations

from dataclasses import replace

from .review_score import model, score

#: Lines listed per code on the tuning pool: (where no fact was wrong, at a wrong fact).
COUNTS: dict[str, tuple[int, int]] = {
    "bracket-default": (2, 12),
    "bracket-after-gap": (0, 3),
    "signer-unread": (0, 3),
    "citation-units": (1, 6),
    "date-unread": (0, 2),
    "stamp-label": (0, 2),
    "bracket-editor": (0, 2),
    "mark-partial": (0, 2),
    "bracket-after-pronoun": (1, 3),
    "gloss-after-verb": (0, 1),
    "bracket-abbreviation": (0, 1),
    "number-unsigned": (0, 1),
    "signer-bracket": (0, 1),
    "bracket-this-year": (0, 1),
    "mark-trailing": (0, 1),
    "bracket-in-word": (0, 1),
    "stamp-inside": (0, 1),
    "number-alone": (0, 1),
    "summary-position": (2, 4),
    "bracket-year": (3, 5),
    "summary-unread": (4, 5),
    "number-unread": (3, 2),
    "bracket-completion": (11, 7),
    "mark-unread": (2, 1),
    "mark-wrapped": (2, 1),
    "bracket-name-noun": (9, 5),
    "citation-unread": (4, 2),
    "gloss-phrase": (6, 3),
    "distribution-unread": (3, 1),
    "number-heading": (4, 1),
    "gloss-or-added": (23, 8),
    "stamp-unsure": (3, 0),
    "summary-candidate": (3, 0),
    "header-unread": (14, 1),
    "recogniser": (18, 1),
    "signer-position": (19, 1),
}
#: Certainty of a code never listed on the tuning pool, by how the rule rates its own evidence.
UNSEEN = {"low": 0.3, "medium": 0.4}
#: A candidate is listed when its certainty is below this (calibrated: the highest value whose listing
#: keeps the share of right lines under one in five on the tuning pool).
THRESHOLD = 0.45


def _counts() -> dict:
    fitted = model()
    return fitted["counts"] if fitted else COUNTS


def code_share(code: str, cert: str = "low", counts: dict | None = None) -> float:
    """The share of a code's listed lines that were right on the tuning pool, smoothed."""
    counts = _counts() if counts is None else counts
    if code in counts:
        right, wrong = counts[code]
        return (right + 1) / (right + wrong + 2)
    return UNSEEN.get(cert, UNSEEN["low"])


def certainty(code: str, cert: str = "low") -> float:
    """The calibrated certainty of a reason code alone (a page-level item: no line to weigh)."""
    return round(code_share(code, cert), 2)


def with_certainty(item):
    """The item with its certainty: the fitted score of its code and evidence (``review_score``), the
    code's share for a page-level item or when no weights ship; an item that rates itself keeps its own."""
    if item.certainty is not None:
        return item
    fitted = model()
    if fitted and item.line is not None and item.evidence:
        return replace(item, certainty=score(code_share(item.code, item.cert), item.evidence, fitted))
    return replace(item, certainty=certainty(item.code, item.cert))


def listed(items, threshold: float | None = None) -> tuple:
    """The candidates a person is sent to: certainty below ``threshold`` (None: ``THRESHOLD``, the
    value ``bench/review_lopo.py --write`` chose with the weights it wrote)."""
    threshold = THRESHOLD if threshold is None else threshold
    return tuple(it for it in items if (it.certainty if it.certainty is not None else 0.0) < threshold)
