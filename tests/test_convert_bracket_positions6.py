"""Bracket families that recur across the tuning pools (issue 17, body6): decided by shape and place.

Every text here is invented.  A phrase under a preposition whose two content words or more say
which kind of thing the noun before it is (``the delegates [of fraternal parties]``) is a gloss,
even in lower case; one word (``the use [of aid]``) completes the noun and stays added.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, supplied
from convert_checks import body_page as page


@pytest.mark.parametrize("line, gloss", [
    ("The delegates discussed a [proposed] meeting [of fraternal parties] at length.", "of fraternal parties"),
    ("He trusted that the ministries [of neighbouring countries] would agree.", "of neighbouring countries"),
    ("The office asked whether the armed units [of the border guard] could help.", "of the border guard"),
])
def test_a_lower_case_phrase_of_two_content_words_after_a_noun_says_which(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert gloss not in supplied(root)


@pytest.mark.parametrize("line, added", [
    ("The use [of aid] was limited to the northern districts.", "of aid"),
    ("He named the reasons [for the delay] in some detail.", "for the delay"),
    ("These views are reflected [in our annual assessments] here.", "in our annual assessments"),
])
def test_one_word_or_a_phrase_after_a_verb_stays_added(line, added):
    assert supplied(page(PROSE, line)) == [added]
