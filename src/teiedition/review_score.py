"""A candidate's certainty from its code and its evidence: a small logistic model read from data.

Why: the per-code share (``review_calibration``) gives every line of a code the same
certainty, so within a code it cannot tell right from wrong.  The score here weighs the
code's share (as a logit) with the evidence ``review_features`` records of the line: the
part of the page, a fallback, how many rules point at it, its position and length, whether
it is a bracket's reading, how the rule rated itself.  The weights, the per-code counts and
the threshold are data (``data/review_weights.json``), written by ``bench/review_lopo.py
--write`` from the tuning pool and chosen over the per-code share by the leave-one-pool-out
estimate, never by the fit on the pool itself.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from .review_features import vector

#: The model's inputs, in the order of ``review_features.vector``.
FEATURES = ("intercept", "code", "top", "bottom", "none", "fallback", "rules", "position", "short", "bracket",
            "medium")
WEIGHTS_FILE = "review_weights.json"


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The fitted weights, counts and threshold (None when the package ships none)."""
    try:
        text = resources.files("teiedition.data").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return json.loads(text)


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def score(code_share: float, evidence: dict, fitted: dict) -> float:
    """P(the line is right) under ``fitted`` for a candidate whose code's share is ``code_share``;
    below 1, so ``--review-threshold 1`` lists every candidate."""
    z = sum(fitted["weights"].get(name, 0.0) * x for name, x in zip(FEATURES, vector(_logit(code_share), evidence)))
    return round(min(0.99, 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))), 2)
