"""Bracket families of the fourth batch (issue 17, body4): decided by where the bracket stands and its shape.

Every text here is invented.  A year in brackets right after a date inside running text says
which year is meant (a gloss); the same bracket ending a date line (a dateline under a signature)
is the translator completing the dateline (a supplied word).
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, texts
from convert_checks import body_page as page


def supplied(root, reason="added-in-translation"):
    return texts(root, f"//t:body//t:supplied[@reason='{reason}']")


@pytest.mark.parametrize("line, year", [
    ("On 4 May [1961], the envoy of Norway called on the minister.", "1961"),
    ("He recalled that on 17 October [1958] the treaty was signed in Oslo.", "1958"),
    ("The delegation visited Bergen on March 3rd [1964] and left soon after.", "1964"),
    ("The talks held on 2-3 June of this year [1972] by the two ministers ended.", "1972"),
])
def test_a_year_after_a_date_inside_a_sentence_says_which_year(line, year):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [year]
    assert supplied(root) == []


def test_a_year_completing_a_date_line_stays_a_supplied_word():
    root = page(PROSE, "Ivar LUNDQVIST", "4 May [1961]")
    assert "1961" in supplied(root)
    assert supplied(root, "gloss") == []


def test_a_year_after_a_word_that_is_no_date_stays_a_supplied_word():
    assert supplied(page(PROSE, "The plan of the [1961] harvest was discussed at length.")) == ["1961"]
