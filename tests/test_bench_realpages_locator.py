"""bench_realpages locates a wrong fact at the lines where the page prints it (issue 17's review measure).

Why: the review report's recall and noise are only as true as this location; a fact the
locator cannot place counts a right listing as noise.  Invented lines only.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from bench_realpages import fact_lines  # noqa: E402

PAGE = """March 3, 1961
Record of a Conversation
Nº 2 – to Petrov
Nº 3 – to Ivanov
Copy Nº 1 to Cde. Sidorov
[MFA stamp:
20593
11 June 1961
handed over]
The Ambassador said on March 3, 1961 that June 11, 1961 suited him.
"""


def test_numbered_copies_are_lines_of_a_distribution_fact():
    lines = PAGE.split("\n")
    assert {3, 4, 5} <= fact_lines(lines, 5, None, "distribution_items")


def test_a_value_printed_over_several_lines_is_located_where_it_starts():
    lines = PAGE.split("\n")
    want = [{"text_starts": "MFA stamp: 20593 11 June", "number": "20593", "date": None}]
    got = [{"text_starts": "MFA stamp: 20593", "number": "20593", "date": None}]
    assert 6 in fact_lines(lines, want, got, "stamps")


def test_a_date_is_looked_for_in_every_printed_form():
    lines = PAGE.split("\n")
    found = fact_lines(lines, [{"date": "1961-06-11"}], [{"date": None}], "stamps")
    assert {8, 10} <= found


def test_a_copy_number_is_located_at_the_lines_printing_a_copy_mark():
    lines = PAGE.split("\n")
    assert 5 in fact_lines(lines, ["2"], ["1", "2"], "copy")


def test_a_page_measured_keeps_every_candidate_with_its_evidence_for_the_dump(tmp_path):
    from bench_realpages import Validators, measure_page

    page = tmp_path / "001.txt"
    page.write_text("March 3, 1961\n\nRecord of a Conversation\n\nTo the Minister of Trade\n\nRegistry Nº 283 ss\n\n"
                    "I received the Ambassador at his request and we spoke for an hour about the trade protocol.\n",
                    encoding="utf-8")
    result = measure_page(page, tmp_path, Validators(None))
    found = {c["code"]: c for c in result["candidates"]}
    assert found["number-after-word"]["line"] == 7
    assert found["number-after-word"]["evidence"]["phase"] == "top"
    assert 0 < found["number-after-word"]["certainty"] < 1
