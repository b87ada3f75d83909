"""Bracket families of batch 4's tune pages (issue 17, body5): decided by the bracket's shape and place.

Every text here is invented.  A foreign acronym glossed by as many lower-case words as it
has letters is glossed (the English words' initials need not match); a bracket of two words
or more after a possessive determiner says whose (a gloss), one word after it is added;
``[sic!]`` is a ``sic`` marker like ``[sic]`` and is rebuilt with its exclamation mark; a
stamp described at length on a line of its own is a stamp note.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, rebuild, texts, xp, supplied
from convert_checks import body_page as page
from teiedition.validating.validate import Validator



@pytest.mark.parametrize("line, gloss", [
    ("A group from the Third Directorate UB [security police] visited Kraków in May.", "security police"),
    ("The officers of the SB [security service] reported on the exercise.", "security service"),
])
def test_a_foreign_acronym_glossed_word_for_word(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("The UB [of the district] sent two officers to the border post.", "of the district"),
    ("The UB [security] sent two officers to the border post.", "security"),
])
def test_an_acronym_before_a_phrase_or_another_count_of_words_keeps_it_added(line, added):
    assert supplied(page(PROSE, line)) == [added]


def test_a_bracket_after_a_possessive_says_whose():
    root = page(PROSE, "During my [GDR trade envoy to Mali, Kurt Weber] conversation the mayor was absent.")
    assert supplied(root, "gloss") == ["GDR trade envoy to Mali, Kurt Weber"]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("The envoy thanked our [Finnish] hosts for the reception in Turku.", "Finnish"),
    ("The envoy read their [Central Committee] resolution to the delegates.", "Central Committee"),
])
def test_one_or_two_words_after_a_possessive_stay_added(line, added):
    assert supplied(page(PROSE, line)) == [added]


@pytest.mark.parametrize("marker, rend", [("sic!", "exclaimed"), ("SIC!", "upper-exclaimed")])
def test_sic_with_an_exclamation_mark_is_a_sic_marker(marker, rend):
    root = page(PROSE, f"There were no disputes in the fishing questions [{marker}]. All agreed.")
    assert supplied(root) == []
    sic = xp(root, "//t:body//t:sic")
    assert [(s.text, s.get("rend")) for s in sic] == [("questions", rend)]
    assert f"questions [{marker}]" in " ".join(rebuild(root).split())
    report = Validator(profile="teiedition").validate_tree(root.getroottree(), "sic")
    assert report.ok, report.problems  # the house schema takes the marker's form


def test_a_stamp_described_at_length_on_its_own_line_is_a_stamp_note():
    root = page("[Hungarian-language stamp and handwritten notation in the upper margin of the page]", PROSE)
    assert supplied(root) == []
    assert texts(root, "//t:note[@type='stamp']") == [
        "Hungarian-language stamp and handwritten notation in the upper margin of the page"]


def test_one_lower_case_word_with_a_question_mark_is_a_doubtful_reading():
    root = page(PROSE, "This is a matter of an overall [socialist?] bloc tactic, the envoy said.")
    assert texts(root, "//t:body//t:unclear[@reason='doubtful']") == ["socialist?"]
    assert supplied(root) == []


def test_a_question_word_in_brackets_stays_added():
    root = page(PROSE, "The minister asked [why?] and the envoy did not answer at once.")
    assert supplied(root) == ["why?"]
    assert texts(root, "//t:body//t:unclear") == []


def test_a_noun_phrase_in_sentence_case_filling_its_line_describes_omitted_material():
    root = page(PROSE, "[Names of the other delegates]", MORE)
    assert texts(root, "//t:body//t:gap[@reason='omitted']/t:desc") == ["Names of the other delegates"]
    assert supplied(root) == []


def test_a_name_in_title_case_filling_its_line_is_no_omission():
    # body6: a body named on its own line is a provenance (scope) note, no added words
    root = page(PROSE, "[Norwegian Embassy in Accra]", MORE)
    assert texts(root, "//t:body//t:note[@type='scope']") == ["Norwegian Embassy in Accra"]
    assert texts(root, "//t:body//t:gap") == []


@pytest.mark.parametrize("line, gloss", [
    ("They agreed that the committee’s verdict [to dismiss Lindqvist] was fair.", "to dismiss Lindqvist"),
    ("The ministry approved the grant for young engineers [to be trained in Norway].", "to be trained in Norway"),
])
def test_an_infinitive_naming_someone_after_a_noun_says_what_it_was(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("The joint measures [to be taken] by both ministries were listed.", "to be taken"),
    ("The envoy urged Norway [to join the talks in Oslo] without delay.", "to join the talks in Oslo"),
])
def test_an_infinitive_without_a_name_or_after_a_name_stays_added(line, added):
    assert supplied(page(PROSE, line)) == [added]


def test_a_call_opening_a_line_that_goes_on_in_lower_case_is_a_footnote_call():
    root = page(PROSE, "Then the chairman spoke about Ingrid", "[1] herself, and the meeting closed at noon.", MORE, MORE)
    anchors = xp(root, "//t:body//t:anchor[@type='footnote']")
    assert [(a.get("n"), a.get("rend")) for a in anchors] == [("1", "bracketed")]
    assert supplied(root) == []
    assert "[1] herself, and the meeting" in " ".join(rebuild(root).split())


def test_a_bracketed_number_opening_a_capitalised_line_is_no_call_here():
    root = page(PROSE, "[2] The delegation left for Bergen on the same day.")
    assert xp(root, "//t:body//t:anchor[@type='footnote']") == []
