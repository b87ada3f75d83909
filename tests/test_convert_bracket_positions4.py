"""Bracket families of the fourth batch (issue 17, body4): decided by where the bracket stands and its shape.

Every text here is invented.  A year in brackets right after a date inside running text says
which year is meant (a gloss); the same bracket ending a date line (a dateline under a signature)
is the translator completing the dateline (a supplied word).  A quoted name after a quoted name
glosses it; a capitalised bracket opening its line restates nothing (an addition); a bracket
naming the translation is a scope note; a label naming handwriting, however worded, is a
handwritten note; a bracket naming the source is an editorial note, one naming the language
spoken a scope note; another rendering of the word before (same ending) is a gloss; a headnote
saying an excerpt follows is a scope note; a consonant abbreviation spelt out is a gloss; after
``that``, a bracket followed by a verb is an added subject.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, texts, supplied
from convert_checks import body_page as page



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


def test_a_year_on_a_date_line_under_the_signer_says_which_year_too():
    # body6: the encoders' rule since batch 2 (tune5 382: an embassy, then ``21 November [1957]``);
    # body4 had kept it supplied after batch 1's facts alone
    root = page(PROSE, "Ivar LUNDQVIST", "4 May [1961]")
    assert supplied(root, "gloss") == ["1961"]
    assert "1961" not in supplied(root)


def test_a_year_after_a_word_that_is_no_date_stays_a_supplied_word():
    assert supplied(page(PROSE, "The plan of the [1961] harvest was discussed at length.")) == ["1961"]


def test_a_quoted_name_after_a_quoted_name_is_its_gloss():
    root = page(PROSE, "They met the Danish “Folkets Front” [“People’s Front”] and the Swedish group.")
    assert supplied(root, "gloss") == ["“People’s Front”"]
    assert supplied(root) == []


@pytest.mark.parametrize("line", [
    "[Foreign Minister Arne Lind] Nilsen received the envoy.",
    "[Norwegian Trade Delegation Head Arne] Lind spoke first.",
])
def test_a_capitalised_bracket_opening_its_line_restates_nothing_and_is_an_addition(line):
    # (body6: a whole line naming a body, ``[GDR Embassy in Norway]``, is a provenance note instead:
    # test_convert_bracket_positions6.py)
    root = page(PROSE, line, "The minister received the envoy of Finland on Monday.")
    assert supplied(root) == [line[1:line.index("]")]]
    assert supplied(root, "gloss") == []


@pytest.mark.parametrize("line", [
    "[German Translation of Russian Original]",
    "[English translation from the Norwegian]",
])
def test_a_bracket_naming_the_translation_is_a_scope_note(line):
    root = page(PROSE, line, "The minister received the envoy of Finland on Monday.")
    assert texts(root, "//t:body//t:note[@type='scope']") == [line.strip("[]")]
    assert supplied(root) == [] and supplied(root, "gloss") == []


@pytest.mark.parametrize("line", [
    "[in handwriting: to V. Lind]",
    "[in handwrting: Cde. Lind has read it]",  # a misspelt label is still a label of handwriting
    "[Written in hand at the top: Agreed]",
])
def test_a_label_naming_handwriting_before_a_colon_is_a_handwritten_note(line):
    root = page(PROSE, line, "The minister received the envoy of Finland on Monday.")
    assert texts(root, "//t:body//t:note[@type='handwritten']") == [line.strip("[]")]
    assert supplied(root) == []


@pytest.mark.parametrize("line", ["[Excerpts regarding Finland]", "[Excerpt on the trade talks]"])
def test_a_bracket_saying_what_is_excerpted_is_a_scope_note_whatever_its_preposition(line):
    root = page(PROSE, line, "The minister received the envoy of Finland on Monday.")
    assert texts(root, "//t:body//t:note[@type='scope']") == [line.strip("[]")]
    assert supplied(root) == []


def test_a_bracket_naming_the_source_is_an_editorial_note_not_an_omission():
    root = page(PROSE, "[Source: SAPMO-BArch, DY30 IV 2/2.035/126; obtained and translated by Anna Berg.]")
    assert texts(root, "//t:body//t:note[@type='editorial']/t:label") == ["Source:"]
    assert texts(root, "//t:body//t:gap[@reason='omitted']") == []
    assert supplied(root) == []


@pytest.mark.parametrize("line, note", [
    ("Turning to us, he said [in Russian]: the work goes on.", "in Russian"),
    ("He then spoke [in Polish] for an hour.", "in Polish"),
])
def test_a_bracket_naming_the_language_spoken_is_a_scope_note(line, note):
    root = page(PROSE, line)
    assert texts(root, "//t:body//t:note[@type='scope']") == [note]
    assert supplied(root) == []


def test_a_place_after_in_is_no_language():
    assert supplied(page(PROSE, "The embassy [in Iran] replied at once."), "gloss") == ["in Iran"]


@pytest.mark.parametrize("line, gloss", [
    ("They proposed deatomization [denuclearization] of the region.", "denuclearization"),
    ("There were hesitations [fluctuations] in the party.", "fluctuations"),
])
def test_another_rendering_of_the_word_before_is_a_gloss(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("The talks were held in the economic [scientific] field.", "scientific"),  # another ending
    ("The negotiations [continued] for a week.", "continued"),
])
def test_a_word_of_another_ending_stays_an_added_word(line, added):
    assert supplied(page(PROSE, line)) == [added]


def test_an_english_possessive_is_no_transliteration():
    root = page(PROSE, "The talks began ahead of the [conference’s] schedule.")
    assert supplied(root) == ["conference’s"]
    assert supplied(root, "original-wording") == []


@pytest.mark.parametrize("line", [
    "[The following excerpt is from a telephonogram sent by I. Lind to A. Berg on 9 May 1953, describing the strike.]",
    "[The following is an excerpt from a report of the consulate in Turku.]",
])
def test_a_headnote_saying_what_follows_is_an_excerpt_is_a_scope_note_not_an_omission(line):
    root = page(line, PROSE)
    assert texts(root, "//t:body//t:note[@type='scope']") == [line.strip("[]")]
    assert texts(root, "//t:body//t:gap[@reason='omitted']") == []


def test_a_lone_excerpt_bracket_on_its_line_is_a_scope_note_but_not_inside_a_sentence():
    assert texts(page("[Excerpt]", PROSE), "//t:body//t:note[@type='scope']") == ["Excerpt"]
    assert supplied(page(PROSE, "The press published [excerpts] from the speech.")) == ["excerpts"]


def test_a_bracket_signed_ed_after_a_single_hyphen_is_an_editorial_note():
    root = page(PROSE, "[pages missing-ed.]", "The minister received the envoy of Finland on Monday.")
    assert texts(root, "//t:body//t:note[@type='editorial']") == ["pages missing-ed."]
    assert supplied(root) == []


def test_a_word_spelt_out_after_its_consonant_abbreviation_is_a_gloss():
    root = page(PROSE, "They pay 12000 Rbl [Rubles] to each teacher.")
    assert supplied(root, "gloss") == ["Rubles"]
    assert supplied(root) == []


def test_after_that_a_bracket_followed_by_a_verb_is_an_added_subject():
    root = page(PROSE, "You will point out that [the reason behind your request] is a question of trade.")
    assert supplied(root) == ["the reason behind your request"]


def test_a_bracket_opening_a_sentence_after_a_quoted_full_stop_is_no_gloss():
    root = page(PROSE, "He spoke of “Our Alliance.” [The Soviet government] is very interested in it.")
    assert supplied(root) == ["The Soviet government"]
    assert supplied(root, "gloss") == []


def test_lower_case_words_whose_initials_spell_the_acronym_before_are_its_gloss():
    root = page(PROSE, "The NNSC [neutral nations supervisory commission] met on Monday.")
    assert supplied(root, "gloss") == ["neutral nations supervisory commission"]


@pytest.mark.parametrize("line", ["[Not Reviewed]", "[Not Reviewed by Chairman Lind]"])
def test_a_status_bracket_on_its_own_line_is_a_scope_note(line):
    root = page(line, PROSE)
    assert texts(root, "//t:body//t:note[@type='scope']") == [line.strip("[]")]
    assert supplied(root) == []


def test_not_and_a_participle_inside_a_sentence_stays_added_words():
    assert supplied(page(PROSE, "He said that the letter was [not sent] at all.")) == ["not sent"]


def test_a_bracket_after_a_reflexive_pronoun_says_who_it_is():
    root = page(PROSE, "Talks were held with myself [Kadri Lind] and comrade Robo on Monday.")
    assert supplied(root, "gloss") == ["Kadri Lind"]
    assert supplied(root) == []


def test_a_year_after_a_date_ending_its_sentence_says_which_year():
    root = page(PROSE, "Please reserve two seats on the train to Oslo on 2 April [1960].")
    assert supplied(root, "gloss") == ["1960"]
    assert supplied(root) == []


def test_the_second_part_of_a_double_name_glued_to_the_first_is_an_expansion():
    root = page(PROSE, "He spoke to Comrade Gheorghiu[-Dej] at noon.")
    assert texts(root, "//t:body//t:expan") == ["Gheorghiu-Dej"]
    assert texts(root, "//t:body//t:expan/t:ex") == ["-Dej"]
    assert supplied(root) == []


def test_a_bracket_saying_how_a_name_is_referred_to_henceforth_is_a_scope_note():
    root = page(PROSE, "Premier Ivar Lind [henceforth referred to as Lind] met us at noon.")
    assert texts(root, "//t:body//t:note[@type='scope']") == ["henceforth referred to as Lind"]
    assert supplied(root) == []


@pytest.mark.parametrize("line, gloss", [
    ("The delegates would stay outside the city [Bergen] and travel by car.", "Bergen"),
    ("The party organ [Arbeiderbladet] wrote about it twice.", "Arbeiderbladet"),
])
def test_a_name_after_a_lower_case_noun_of_a_noun_phrase_says_which_one(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("He told the ambassador [Lind] that the talks would go on.", "Lind"),  # an office: the person left unnamed
    ("At the meeting [Lind] said that the talks would go on.", "Lind"),  # a verb follows: an added subject
    ("It was a question concerning [Norway’s] sovereignty alone.", "Norway’s"),  # a possessive of the next noun
    ("The two earlier [KGB-MfS] group meetings were long.", "KGB-MfS"),  # an acronym, no name
])
def test_other_brackets_after_a_noun_stay_added_words(line, added):
    assert supplied(page(PROSE, line)) == [added]


def test_a_bracketed_field_label_opening_a_line_is_an_added_word_not_a_speaker():
    root = page("[To:] Comrade Minister Lind", PROSE)
    assert "To:" in supplied(root)
    assert supplied(root, "speaker-label") == []
