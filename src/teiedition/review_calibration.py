"""How sure the converter is of each kind of listed decision, and the threshold below which it is listed.

Why: a reason that sends a reader to right lines most of the time teaches the reader to
skip the report; a reason left out hides wrong facts.  So every review rule yields a
candidate with a reason ``code``, and each candidate a certainty (0-1) that its line is
right: the code's share of right lines on the tuning pool, (right + 1) / (right + wrong + 2),
weighed with the candidate's evidence by ``review_score`` (a logistic model whose weights,
counts and threshold ship as ``data/review_weights.json``).  The report lists a candidate
when its certainty is below ``THRESHOLD``; ``convert --review-threshold`` moves it: 1 lists
every candidate (most wrong facts found, more right lines read), lower values fewer.
The counts and weights come from the tuning pool as the converter first met each pool
(``bench/review_pools.py``: batch 1 tune, batch 2 tune, batch 2 held-out retired into
tuning, batch 3 tune, batch 4 tune; 268 pages with facts), never from the judges; the model
was chosen over the code's share alone by the leave-one-pool-out estimate
(``bench/review_lopo.py``).  docs/encoding-decisions.md (*The review report*) shows the
figures.  A code the pool never listed keeps ``UNSEEN`` (below the threshold: listed), a catch-all
code of ``review_every`` ``UNSEEN_CATCH_ALL`` (above it: a candidate only).
"""

from __future__ import annotations

from dataclasses import replace

from .review_score import model, score

#: Lines listed per code on the tuning pool as the converter first met each pool (where no fact was wrong,
#: at a wrong fact), read from the weights file ``bench/review_lopo.py --write`` fitted with them.
COUNTS: dict[str, tuple[int, int]] = {code: tuple(n) for code, n in (model() or {}).get("counts", {}).items()}
#: Certainty of a code never listed on the tuning pool, by how the rule rates its own evidence.
UNSEEN = {"low": 0.3, "medium": 0.4}
#: Certainty of a catch-all code never listed on the tuning pool (a signer read by a recogniser added since):
#: above the threshold, so a kind of decision no pool has judged is a candidate, never listed by default.
UNSEEN_CATCH_ALL = 0.9
#: How many lines of the tuning pools that prior weighs: one wrong line of a catch-all seen once (a footnote
#: block, 0/1) must not list every page's footnotes (0.72, not the plain smoothing's 0.33).
CATCH_ALL_PRIOR = 4
#: A candidate is listed when its certainty is below this: the highest value whose listing keeps the
#: share of right lines under one in five *out of fold* (each tuning pool scored by the model fitted
#: without it; fitted in-sample the value was 0.45 and sent a reader to right lines one time in three on
#: the pools left out).  ``review_weights.json`` records the value; a test holds the two equal.  A
#: constant, so ``cli`` reads it without the model.
THRESHOLD = 0.38


def catch_all(code: str) -> bool:
    """A code of ``review_every`` (every decision of a kind): scored by its share alone, never by the model,
    which is fitted on the specific rules' candidates only (their evidence means what it meant)."""
    return code.startswith("every-")


def code_share(code: str, cert: str = "low", counts: dict | None = None) -> float:
    """The share of a code's listed lines that were right on the tuning pool, smoothed."""
    counts = COUNTS if counts is None else counts
    if code in counts and catch_all(code):  # starts from what a catch-all is (four lines at UNSEEN_CATCH_ALL)
        right, wrong = counts[code]
        return (right + CATCH_ALL_PRIOR * UNSEEN_CATCH_ALL) / (right + wrong + CATCH_ALL_PRIOR)
    if code in counts:
        right, wrong = counts[code]
        return (right + 1) / (right + wrong + 2)
    return UNSEEN_CATCH_ALL if catch_all(code) else UNSEEN.get(cert, UNSEEN["low"])


def certainty(code: str, cert: str = "low") -> float:
    """The calibrated certainty of a reason code alone (a page-level item: no line to weigh)."""
    return round(code_share(code, cert), 2)


def with_certainty(item):
    """The item with its certainty: the fitted score of its code and evidence (``review_score``), the
    code's share for a page-level item, a catch-all code (``catch_all``) or when no weights ship; an item
    that rates itself keeps its own."""
    if item.certainty is not None:
        return item
    fitted = model()
    if fitted and item.line is not None and item.evidence and not catch_all(item.code):
        return replace(item, certainty=score(code_share(item.code, item.cert), item.evidence, fitted))
    return replace(item, certainty=certainty(item.code, item.cert))


def listed(items, threshold: float | None = None) -> tuple:
    """The candidates a person is sent to: certainty below ``threshold`` (None: ``THRESHOLD``, the
    value ``bench/review_lopo.py --write`` chose with the weights it wrote)."""
    threshold = THRESHOLD if threshold is None else threshold
    return tuple(it for it in items if (it.certainty if it.certainty is not None else 0.0) < threshold)
