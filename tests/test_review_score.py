"""The review report's certainty weighs a candidate's evidence, not only its reason code (issue 17).

Why: the per-code share gave every line of a code the same certainty, so within a code the report
could not tell a right line from a wrong one; on pages never seen it listed a third of the wrong
facts at one line in four right.  The fitted score (``review_score``) also weighs the line's
evidence: how many rules point at it, where on the page it stands, a fallback, a bracket.
Invented pages only.
"""

from __future__ import annotations

import json
from importlib import resources

from test_review_zones import TEXT, line_of, page, review_of


def test_two_candidates_of_one_code_get_different_certainties_when_their_evidence_differs():
    # the crowded line first: its place on the page speaks for it, the second rule on it against
    text = page("She came to the office [of the bureau] in the hall [12] at noon.", TEXT,
                "He came to the sector [of the ministry] at noon.")
    crowded, alone = line_of(text, "of the bureau"), line_of(text, "of the ministry")
    by_line = {it.line: it for it in review_of(text) if it.code == "bracket-completion"}
    assert set(by_line) == {alone, crowded}
    assert by_line[crowded].evidence["rules"] == 2 and by_line[alone].evidence["rules"] == 1
    # two rules on one line: more often a wrong fact there (the pool's evidence), so less certain
    assert by_line[crowded].certainty < by_line[alone].certainty


def test_every_candidate_records_its_evidence_and_stays_below_one():
    text = page("We met in May of this year [1951].", TEXT, "Ivan Petrov")
    items = [it for it in review_of(text) if it.line is not None]
    assert items
    for it in items:
        assert {"phase", "fallback", "rules", "position", "short", "bracket", "medium"} <= set(it.evidence)
        assert 0 < it.certainty < 1  # ``--review-threshold 1`` lists every candidate


def test_the_default_threshold_is_the_one_the_fit_chose_with_the_weights_it_wrote():
    from teiedition.review_calibration import COUNTS, THRESHOLD
    from teiedition.review_score import FEATURES

    fitted = json.loads(resources.files("teiedition.data").joinpath("review_weights.json").read_text("utf-8"))
    assert fitted["threshold"] == THRESHOLD
    assert set(fitted["weights"]) == set(FEATURES)
    assert COUNTS["bracket-default"] == tuple(fitted["counts"]["bracket-default"])
