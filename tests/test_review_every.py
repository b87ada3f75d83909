"""The review report's catch-all candidates (``review_every.py``): every decision of a kind that goes wrong
on unseen pages is a candidate, whatever its shape, scored by its code's share alone.

Why: on the judges a third of the wrong facts stood on lines no rule proposed (issue 17).  Invented
pages only.  Each test has a case that must be a candidate and one that must not; the candidate cases
fail without the module.
"""

from __future__ import annotations

import sys
from pathlib import Path

from test_review_zones import SUMMARY, TEXT, line_of, page, review_of

from teiedition.review_calibration import UNSEEN_CATCH_ALL, code_share, listed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import review_lopo  # noqa: E402

MORE = "He added that the deliveries of wool would rise in the second half of the year."


def _items(text, code):
    return [it for it in review_of(text) if it.code == code]


def test_every_bracket_read_as_words_added_is_a_candidate_by_its_shape():
    text = page(TEXT, "The talks went well and [Petrov] [also] agreed to the price.", MORE)
    at = line_of(text, "The talks")
    assert [it.line for it in _items(text, "every-added")] == [at]
    assert [it.line for it in _items(text, "every-added-name")] == [at]
    plain = page(TEXT, "The talks went well and Petrov also agreed to the price.", MORE)
    assert not [it for it in review_of(plain) if it.code.startswith("every-added")]


def test_a_bracket_a_specific_rule_lists_gets_no_catch_all_besides():
    # ``[on wool]`` completing the noun is ``bracket-completion``'s: one candidate, not two
    text = page(TEXT, "The talks [on wool] went well.", MORE)
    assert {it.code for it in review_of(text) if it.line == line_of(text, "The talks")} == {"bracket-completion"}


def test_a_signer_read_without_a_signature_mark_is_a_candidate_of_its_recogniser():
    text = page(TEXT, MORE, "Ambassador of the USSR I. Petrov")  # one line: title and name
    signers = [it.line for it in review_of(text) if it.code.startswith("every-signer-")]
    assert signers == [line_of(text, "Ambassador of the USSR")]
    marked = page(TEXT, MORE, "Ambassador of the USSR [signature] I. Petrov")
    assert not [it for it in review_of(marked) if it.code.startswith("every-signer-")]


def test_a_short_line_after_the_text_that_no_rule_read_is_a_closing_candidate():
    text = page(TEXT, MORE, "Foreign Ministry Archive Department")
    at = line_of(text, "Foreign Ministry Archive")
    found = [it.line for it in review_of(text) if it.code.startswith(("every-closing", "every-signer", "signer"))]
    assert at in found
    inside = page(TEXT, "Foreign Ministry Archive Department", MORE)  # between paragraphs: a heading
    assert not [it for it in review_of(inside) if it.code.startswith("every-closing")]


def test_the_summary_read_is_a_candidate_at_the_line_it_was_taken_from():
    tail = "\nDocument Information\n\nSource\n\nArchive of the Foreign Ministry\n\nRights\n"
    text = page(TEXT, MORE, summary_after=SUMMARY) + tail
    assert [it.line for it in _items(text, "every-summary")] == [line_of(text, "The two ministers")]
    # no summary printed: the last paragraph before the tail was taken by its place, and is the candidate
    bare = page(TEXT, MORE) + tail
    assert [it.line for it in _items(bare, "every-summary")] == [line_of(bare, "He added")]
    # a summary a specific rule lists (taken from before the date line) is that rule's candidate alone
    assert _items(page(TEXT, MORE, summary_first=True), "every-summary") == []


def test_stamps_handwritten_notes_footnotes_and_the_citation_read_are_candidates():
    tail = "\nDocument Information\n\nSource\n\nArchive of the Foreign Ministry, f. 5, op. 30, d. 7\n\nRights\n"
    text = page(TEXT, "[Handwritten note: Agreed.] He spoke of the wool.", MORE + "[1]",
                "[1] The protocol of 1960.", summary_after=SUMMARY) + tail
    found = {it.code: it.line for it in review_of(text) if it.code.startswith("every-")}
    assert found.get("every-handwritten") == line_of(text, "Handwritten note")
    assert found.get("every-footnote") == line_of(text, "[1] The protocol")
    assert found.get("every-citation") == line_of(text, "Archive of the Foreign Ministry")
    plain = page(TEXT, MORE, summary_after=SUMMARY)
    assert not {"every-handwritten", "every-footnote", "every-citation"} & {it.code for it in review_of(plain)}


def test_a_catch_all_seen_wrong_once_is_not_listed_on_every_page():
    assert round(code_share("every-x", counts={"every-x": (0, 1)}), 2) == 0.72  # the plain smoothing says 0.33
    assert round(code_share("bracket-x", counts={"bracket-x": (0, 1)}), 2) == 0.33
    assert code_share("every-x", counts={"every-x": (10, 40)}) < 0.3  # a catch-all often wrong is listed


def test_catch_all_candidates_are_scored_by_their_share_and_an_unseen_one_is_not_listed():
    text = page(TEXT, "The talks went well and he [also] agreed.", MORE)
    added = _items(text, "every-added")[0]
    assert added.certainty == round(code_share("every-added"), 2)  # not the model's score of its evidence
    assert code_share("every-signer-a_recogniser_added_later") == UNSEEN_CATCH_ALL
    assert added in listed([added], 1.0)  # ``--review-threshold 1`` lists every candidate


def test_with_two_pools_the_threshold_is_chosen_on_half_pools():
    pools = {"a": [{"page": str(i)} for i in range(5)], "b": [{"page": str(i)} for i in range(4)]}
    folds = review_lopo.halves(pools)
    assert sorted(folds) == ["a/0", "a/1", "b/0", "b/1"]
    assert [len(folds[k]) for k in ("a/0", "a/1", "b/0", "b/1")] == [3, 2, 2, 2]
    three = dict(pools, c=[{"page": "0"}])
    assert review_lopo.halves(three) is three


def test_an_omission_mark_after_a_bracket_does_not_make_it_a_gap_description():
    # ``[…] [Vietnam]`` closing its line may say what was left out (test_review_zones); an omission printed
    # on the next line of the same block says nothing of the bracket above it (it did while the rule read
    # the empty slice between a gap after the bracket and the bracket)
    gap_after = page(TEXT, "We spoke of [Vietnam]\n[…] and then of the wool trade.", MORE)
    assert [it.code for it in review_of(gap_after) if it.line == line_of(gap_after, "[Vietnam]")] == [
        "every-added-name"]
