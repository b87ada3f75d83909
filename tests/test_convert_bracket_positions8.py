"""Bracket and footnote shapes of batch 6's tune pages (issue 17, conv8): decided by shape and place.

Every text here is invented.  An initial glued to a bracket that spells it out (``K.[arl]``) is
an expansion, no added word; a date in words after the same date in figures restates it (a
gloss); a footnote text glued to its number (``[1]The note``) is a footnote wherever it stands.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, rebuild, supplied, texts, xp
from convert_checks import body_page as page


@pytest.mark.parametrize("line, initial, rest", [
    ("The talk with [columnist] K.[arl] Lindqvist lasted an hour and ended with a toast.", "K.", "arl"),
    ("He then met P.[eter] Dahl, the adviser to the minister, in the lobby of the hotel.", "P.", "eter"),
])
def test_an_initial_spelt_out_in_a_bracket_is_an_expansion_not_an_added_word(line, initial, rest):
    root = page(PROSE, line)
    assert rest not in supplied(root)
    assert texts(root, "//t:body//t:expan") == [initial + rest]
    assert texts(root, "//t:body//t:expan/t:ex") == [rest]
    assert f"{initial}[{rest}]" in rebuild(xp(root, "//t:body")[0])


def test_two_initials_glued_or_a_lower_case_letter_stay_added():
    root = page(PROSE, "The U.S.[a] delegation and the e.[g] clause were read out.")
    assert supplied(root) == ["a", "g"]


@pytest.mark.parametrize("line, date", [
    ("On 14.03.1961 [14 March 1961] at noon the convoy left the port.", "14 March 1961"),
    ("On 14.03. [14 March] the police were put on alert in the capital.", "14 March"),
])
def test_a_date_in_words_after_the_same_date_in_figures_is_a_gloss(line, date):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [date]
    assert date not in supplied(root)


def test_a_bracket_after_a_date_in_figures_that_is_no_date_stays_added():
    root = page(PROSE, "On 14.03.1961 [the day of the vote] the convoy left the port.")
    assert supplied(root) == ["the day of the vote"]


def test_a_footnote_text_glued_to_its_number_is_a_footnote_even_with_text_after_it():
    # a bilingual page: the original with its note, then the translation
    root = page("Het verslag werd op dezelfde dag gedrukt en verspreid[1]", "Archief",
                "[1]Titel door de redactie gegeven", PROSE, MORE)
    notes = xp(root, "//t:text//t:note[@type='footnote']")
    assert [n.get("n") for n in notes] == ["1"]
    assert texts(root, "//t:text//t:note[@type='footnote']") == ["Titel door de redactie gegeven"]
    assert supplied(root) == []


def test_a_numbered_point_with_a_space_before_the_text_stays_in_the_flow():
    root = page("[1] The first point of the agenda was the harvest.", PROSE, MORE)
    assert xp(root, "//t:text//t:note[@type='footnote']") == []


@pytest.mark.parametrize("line, gloss", [
    ("I have read Brother Tam’s [Ho Van Long] Cables numbered 4 and 9 with great interest.", "Ho Van Long"),
    ("As Sister Lan’s [Tran Thi Mai] letter said, the plan must go ahead at once.", "Tran Thi Mai"),
    ("In his [Lindqvist’s] opinion the talks will not end before the spring.", "Lindqvist’s"),
    ("The troops sent down from up here [Upper Province] arrived on the fifth.", "Upper Province"),
    ("They waited for months…They [the Norwegians] will not wait any longer.", "the Norwegians"),
    ("He said that he had spoken publicly [openly] and would do so again.", "openly"),
])
def test_a_bracket_saying_whose_where_or_who_is_a_gloss(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("The parade of the People’s [Liberation Army] Corps was held on Sunday.", "Liberation Army"),
    ("He wrote that the talks between [Foreign Minister Karl] Dahl and the envoy were over.", "Foreign Minister Karl"),
    ("He confirmed the content of the talks between [Secretary of State Olsen]", "Secretary of State Olsen"),
    ("We reply [formally] to the note of the embassy.", "formally"),
])
def test_a_group_possessive_a_preposition_or_a_verb_before_the_bracket_keeps_it_added(line, added):
    root = page(PROSE, line)
    assert added in supplied(root)
    assert added not in supplied(root, "gloss")


@pytest.mark.parametrize("line, gloss", [
    ("Oslo ordered the [Danish] ambassador [to Norway] to move to the new capital.", "to Norway"),
    ("[Swedish] Ambassador [in Moscow] Lars Berg has the following comments on the note.", "in Moscow"),
])
def test_where_an_envoy_serves_is_a_gloss(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert gloss not in supplied(root)


def test_a_phrase_running_into_a_name_or_to_after_a_verb_stays_added():
    root = page(PROSE, "Minister [of Home Affairs Edzo] Toxopeus spoke after the students returning [to the "
                       "DPRK] from abroad.")
    assert supplied(root) == ["of Home Affairs Edzo", "to the DPRK"]


def test_words_with_romance_accents_in_lower_case_are_the_original_wording():
    root = page(PROSE, "The accord continues in force [ainda válido] and the legal clashes [embates jurídicos] go on.")
    assert supplied(root, "original-wording") == ["ainda válido", "embates jurídicos"]
    assert supplied(root) == []
    assert texts(root, "//t:body//t:supplied[@reason='original-wording']/t:foreign") == ["ainda válido",
                                                                                          "embates jurídicos"]


def test_a_lower_case_word_without_accents_stays_added():
    # "[vigor]" could be the original's word or the translator's: no letter tells, and added is the default
    assert supplied(page(PROSE, "The accord continues in force [vigor] for now.")) == ["vigor"]


def test_a_surname_in_capitals_after_a_lone_given_name_completes_it():
    root = page(PROSE, "I hear that Tomas [VALENTA] will arrive tonight; we resist Arno [KOLBERG] firmly.")
    assert supplied(root) == ["VALENTA", "KOLBERG"]
    assert supplied(root, "gloss") == []


def test_an_acronym_after_a_body_or_a_name_of_several_words_restates_it():
    root = page(PROSE, "The Liberation Front [FRELIMO] and the Mutual Economic Assistance [COMECON] answered.")
    assert supplied(root, "gloss") == ["FRELIMO", "COMECON"]


def test_a_glued_note_text_without_its_call_on_the_page_stays_running_text():
    root = page(PROSE, MORE, "[1]As the register shows, the line was cut twice.")
    assert xp(root, "//t:text//t:note[@type='footnote']") == []
    assert "As the register shows" in rebuild(xp(root, "//t:body")[0])
