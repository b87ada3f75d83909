"""Bracket families of unseen pages (issue 17, body2): decided by where the bracket stands and its shape.

Every text here is invented.  A phrase saying which one (``the consulate [in Lagos]``), brackets
inside a name or after a comma, title or initials, respellings, a clause after an acronym, and
brackets that describe the document (signatures, letterheads, stamps, hand insertions, what an
omission left out) are not words the translator added.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, xp, texts, supplied
from convert_checks import body_page as page



@pytest.mark.parametrize("line, gloss", [
    ("The staff of the consulate [in Lagos] left early.", "in Lagos"),
    ("The Second Section [of the Trade Ministry] agreed.", "of the Trade Ministry"),
    ("He will return on the 9th [of next month] to sign.", "of next month"),
    ("Their visit to Finland [in March] was short.", "in March"),
])
def test_a_phrase_naming_a_place_a_body_or_a_time_after_a_noun_says_which_one(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


@pytest.mark.parametrize("line, added", [
    ("The promises you have given [in Lagos] stand.", "in Lagos"),  # after a verb
    ("The poor use [of credits] was criticised.", "of credits"),  # names no place, body or time
    ("On the 9th [of March] the talks ended.", "of March"),  # the month completes the day
    ("It is a good moment [for Finland] to act.", "for Finland"),  # the subject of what follows
])
def test_other_phrases_stay_added_words(line, added):
    assert supplied(page(PROSE, line)) == [added]


@pytest.mark.parametrize("line, added", [
    ("The delegates of Norway, [Olaf] BERGSTEN and [Ingrid] HALVORSEN, arrived.", ["Olaf", "Ingrid"]),
    ("The Mixed [Frontier Demarcation] Commission met twice.", ["Frontier Demarcation"]),
    ("They honoured the XII [Workers] Party Congress.", ["Workers"]),
    ("Comrade Consul [Varga] did not reply.", ["Varga"]),
    ("The report of Wen [Tianshou] was read.", ["Tianshou"]),
])
def test_brackets_that_complete_or_identify_a_name_are_added_words(line, added):
    root = page(PROSE, line)
    assert supplied(root) == added
    assert supplied(root, "gloss") == []


@pytest.mark.parametrize("line, gloss", [
    ("The comrades spoke of the chollima [cheollima] movement.", "cheollima"),
    ("They said that they [i.e., the Finns] had no reserves.", "i.e., the Finns"),
    ("He met Virtanen [trade union chairman] in March.", "trade union chairman"),
    ("He then told us [a delegation of the union] about the strike.", "a delegation of the union"),
])
def test_a_respelling_or_a_pronoun_named_is_a_gloss(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


def test_a_clause_after_an_acronym_is_no_gloss():
    root = page(PROSE, "As the FRG knows [Olsen said], the talks failed.")
    assert supplied(root) == ["Olsen said"]


def test_a_that_clause_after_a_verb_is_an_added_subject():
    root = page(PROSE, "He replied that [the loan] was too small.")
    assert supplied(root) == ["the loan"]


@pytest.mark.parametrize("line, path", [
    ("The minister approved it. [Novak’s signature]", "//t:gap[@reason='signature']"),
    ("[handwritten signature] The minister approved it.", "//t:gap[@reason='signature']"),
    ("[Chairman of the State Planning Office letterhead]", "//t:note[@type='scope']"),
    ("Ali Diallo [transliterated], engineer, was present.", "//t:note[@type='scope']"),
    ("[no classification or copy number]", "//t:note[@type='scope']"),
    ("We spoke about trade [note in the original: “left blank”].", "//t:note[@type='scope']"),
    ("You should [inserted by hand: firmly] refuse.", "//t:note[@type='handwritten']"),
    ("[Stamp at the top of the first page]: Registry of the Ministry", "//t:note[@type='stamp']"),
    ("[…] [names of the guests] The talks opened at noon.", "//t:gap[@reason='omitted'][2]"),
    ("The ministers met in the capital [place not given] on the fifth.", "//t:note[@type='scope']"),
    ("The envoy Ortiz [not further identified] agreed.", "//t:note[@type='scope']"),
    ("The guests were Berg, Okafor… [ellipsis in original], and Varga.", "//t:note[@type='scope']"),
    ("[Excerpts from the speech of the Finnish delegate]", "//t:note[@type='scope']"),
    ("[See next page for the talks with the delegation]", "//t:note[@type='scope']"),
    ("[notation: “AB 4.2.53”]", "//t:note[@type='scope']"),
    ("He asked for the presence of Finnish elements [i.e., engineers—trans.] at the site.",
     "//t:note[@type='translator']"),
    ("The third unit was [entered by hand:] moved.", "//t:note[@type='handwritten']"),
    ("[the typed original follows, signed “Varga”]", "//t:gap[@reason='omitted']"),
])
def test_brackets_that_describe_the_document_are_not_added_words(line, path):
    root = page(PROSE, line)
    assert supplied(root) == []
    assert xp(root, path)


def test_a_stamp_label_with_a_place_then_a_colon_holds_the_stamp_to_the_line_end():
    root = page(PROSE, "[Stamp at the top of the first page]: Registry of the Ministry 4512")
    note = xp(root, "//t:note[@type='stamp']")[0]
    assert texts(note, "t:label") == ["Stamp at the top of the first page"]
    assert texts(note, "t:stamp") == ["Registry of the Ministry 4512"]
    assert xp(note, ".//t:idno[@type='registration']/text()") == ["4512"]


@pytest.mark.parametrize("line, words", [
    ("The leadership acts with flexible tacking [lavirovaniie] in the talks.", "lavirovaniie"),
    ("The minister will not negotiate [em tôrno] on the question.", "em tôrno"),
])
def test_transliterated_or_accented_original_words_are_the_originals_wording(line, words):
    root = page(PROSE, line)
    assert supplied(root, "original-wording") == [words]


@pytest.mark.parametrize("line, added", [
    ("They spoke of the talks with [Finnish union leader Olavi] Virtanen at length.", ["Finnish union leader Olavi"]),
    ("The letter of Ivan Petrovich [Sokolov] arrived.", ["Sokolov"]),
])
def test_an_identification_with_an_office_in_lower_case_and_a_patronymic_completed_are_added(line, added):
    assert supplied(page(PROSE, line)) == added


def test_an_acronym_after_a_two_word_name_restates_it():
    root = page(PROSE, "The Federal Republic [FR] of Ruritania agreed.")
    assert supplied(root) == []
    assert supplied(root, "gloss") == ["FR"]


def test_a_bracketed_name_in_capitals_with_a_stop_opening_a_paragraph_is_a_speaker_label():
    root = page(PROSE, "[VIRTANEN.] Now I would like to add a few words about the prices of timber.")
    assert supplied(root) == []
    assert supplied(root, "speaker-label") == ["VIRTANEN."]


def test_a_whole_line_summary_with_the_stop_after_the_bracket_is_an_omission():
    root = page(PROSE, "[As the meeting closes, the Consul makes one last effort to settle the prices; he fails].")
    assert supplied(root) == []
    assert xp(root, "//t:gap[@reason='omitted']")


def test_a_footnote_text_right_after_the_last_paragraph_without_a_sign_off_is_moved_to_its_call():
    root = page(PROSE, "As far as Virtanen's[1] departure is concerned, the Ministry has no objection.",
                "[1] Olavi Virtanen, a trade union leader of the timber workers.")
    notes = xp(root, "//t:body//t:p//t:note[@type='footnote'][@n='1']")
    assert texts(notes[0], ".") == ["Olavi Virtanen, a trade union leader of the timber workers."]
    assert supplied(root) == []


def test_another_name_of_a_known_two_word_place_is_a_gloss():
    root = page(PROSE, "The fleet left Port Arthur [Lüshun] in May.")
    assert supplied(root, "gloss") == ["Lüshun"]
    assert supplied(root) == []
