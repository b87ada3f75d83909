"""Bracket families that recur across the tuning pools (issue 17, body6): decided by shape and place.

Every text here is invented.  A phrase under a preposition whose two content words or more say
which kind of thing the noun before it is (``the delegates [of fraternal parties]``) is a gloss,
even in lower case; one word (``the use [of aid]``) completes the noun and stays added.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, rebuild, supplied, texts
from convert_checks import body_page as page


@pytest.mark.parametrize("line, gloss", [
    ("The delegates discussed a [proposed] meeting [of fraternal parties] at length.", "of fraternal parties"),
    ("He trusted that the ministries [of neighbouring countries] would agree.", "of neighbouring countries"),
    ("The office asked whether the armed units [of the border guard] could help.", "of the border guard"),
    ("II. On Disputes [between Norway and Iceland]", "between Norway and Iceland"),
])
def test_a_lower_case_phrase_of_two_content_words_after_a_noun_says_which(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert gloss not in supplied(root)


@pytest.mark.parametrize("line, added", [
    ("The use [of aid] was limited to the northern districts.", "of aid"),
    ("He named the reasons [for the delay] in some detail.", "for the delay"),
    ("He regretted the distance [between the two countries] now.", "between the two countries"),
    ("These views are reflected [in our annual assessments] here.", "in our annual assessments"),
])
def test_one_word_or_a_phrase_after_a_verb_stays_added(line, added):
    assert supplied(page(PROSE, line)) == [added]


@pytest.mark.parametrize("line", [
    "[GDR Embassy in Norway]",
    "[Norwegian Ministry of Trade and Shipping]",
    "[SED Central Committee]",
    "[Ministry for State Security/Stasi]",
])
def test_a_whole_line_naming_a_body_is_a_provenance_note(line):
    root = page(line, PROSE)
    assert texts(root, "//t:body//t:note[@type='scope']") == [line.strip("[]")]
    assert supplied(root) == [] and supplied(root, "gloss") == []
    assert line in rebuild(root)


@pytest.mark.parametrize("line, added", [
    ("[Especially Urgent Cable]", "Especially Urgent Cable"),  # no body named
    ("The reply of the [Norwegian Ministry of Trade] came on Monday.", "Norwegian Ministry of Trade"),  # inside a sentence
])
def test_a_bracket_naming_no_body_or_inside_a_sentence_is_no_provenance_note(line, added):
    root = page(PROSE, line)
    assert texts(root, "//t:body//t:note[@type='scope']") == []
    assert added in supplied(root) + supplied(root, "gloss")


def test_to_before_a_determiner_is_a_preposition_not_an_infinitive_naming_someone():
    # body5's infinitive rule (``decision [to remove Khrushchev]``) read ``[to the DPRK]`` as an
    # infinitive whose verb was ``the`` (tune4 412): a phrase completing the verb, added
    root = page(PROSE, "He met the engineers returning [to the Soviet Union] from Oslo in May.")
    assert supplied(root) == ["to the Soviet Union"]
    assert supplied(root, "gloss") == []


def test_an_illegible_reading_qualified_after_a_comma_is_still_illegible():
    # the label's words may go on after a comma as after a space (tune5 019's shape, invented words)
    root = page(PROSE, "The talks ended on 14 [rest of the month illegible, probably May] in Oslo.")
    assert texts(root, "//t:body//t:gap[@reason='illegible']/t:desc") == ["rest of the month illegible, probably May"]
    assert supplied(root) == []


def test_a_year_after_a_day_the_translator_supplied_says_which_year():
    root = page(PROSE, "The note was handed over on [14] March [1961] to the minister.")
    assert supplied(root, "gloss") == ["1961"]
    assert supplied(root) == ["14"]


def test_a_year_ending_its_line_is_a_gloss_recorded_for_the_review_report():
    from convert_checks import BODY_PAGE
    from teiedition.convert import convert_text

    text = BODY_PAGE.format(body="\n\n".join([PROSE, "Ivar LUNDQVIST", "4 May [1961]"]))
    conv = convert_text(text, doc_id="t", source_name="t.txt", run_date="2026-01-01")
    assert b'review=' not in conv.tei  # the remark is the report's, never the TEI's
    assert "4 May [1961]" in [it.text for it in conv.review]  # the decision the encoders split on is a candidate


@pytest.mark.parametrize("line, note", [
    ("[orig. note: Received 12 May – 10:15 a.m.]", "orig. note: Received 12 May – 10:15 a.m."),
    ("[orig. note] See telegram 214, 3 May.", "orig. note"),
    ("Lindqvist [“shortened to Li” in the original, not shortened below]: The talks went well.",
     "“shortened to Li” in the original, not shortened below"),
])
def test_a_remark_on_the_original_is_a_scope_note(line, note):
    # "note in the original: …" (tune 060) abbreviated "orig. note" (tune5 063), and a remark that says
    # what the original has wherever "in the original" stands in it (tune5 366)
    root = page(PROSE, line)
    assert note in texts(root, "//t:body//t:note[@type='scope']")
    assert supplied(root) == []


def test_a_given_name_completing_a_surname_in_capitals_after_a_title_is_added():
    # "Vice Premier CHEN [Yi]:" (tune5 338): as "Premier Zhou [Enlai]", the capitals only print the surname
    # as the record does; "Comrade FILIPPOV [Stalin]" (heldout2) stays a gloss, one person in the authority file
    root = page(PROSE, "Then Vice Premier LUND [Ivar] asked about the timber.")
    assert supplied(root) == ["Ivar"]
    assert supplied(root, "gloss") == []


@pytest.mark.parametrize("line, added", [
    ("Then Minister [of Trade Ivar] Lund asked about the timber.", "of Trade Ivar"),
    ("They met the first deputy [of Norway] Lund at noon.", "of Norway"),
])
def test_a_phrase_running_into_a_name_identifies_the_person_and_is_added(line, added):
    # words in brackets right before a name identify the person (ENCODING); the phrase rule that says
    # which one (``the embassy [in Havana]``) does not take them (tune5 358, 677, 678)
    root = page(PROSE, line)
    assert added in supplied(root)
    assert supplied(root, "gloss") == []


@pytest.mark.parametrize("line, gloss", [
    ("Then Ivar Lund [the Second Deputy Chief of the General Staff of the Norwegian Army] spoke.",
     "the Second Deputy Chief of the General Staff of the Norwegian Army"),
    ("With them came Kari Berg [senior official from the Cultural Liaison Department of the Ministry].",
     "senior official from the Cultural Liaison Department of the Ministry"),
])
def test_a_long_description_opening_with_an_office_after_a_name_says_who(line, gloss):
    # tune2 140 (read by hand) and tune5 365 (its facts): as ``Chebrikov [KGB chairman]``, however long
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


def test_a_phrase_with_a_preposition_before_the_office_stays_added():
    root = page(PROSE, "Lund [together with Counselor Berg] ought to meet the minister.")
    assert supplied(root) == ["together with Counselor Berg"]
