"""Sign-off shapes of the fourth batch (issue 17, body4): decided by where the line stands and its shape.

Every text here is invented.  A name the translator printed in brackets signs after the last
paragraph when it has initials or an office stands under it (not only under a closing salute);
a bracket of capitalised words with neither does not sign.  A Roman numeral after a body's word
(``Head of Section III``) numbers the body: it is part of the office, never a signer.  An addressee
printed under a signed letter, and three letters ending a cut page under a signature, do not sign.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, texts
from convert_checks import body_page as page


def signers(root):
    return texts(root, "//t:closer/t:signed//t:persName")


def roles(root):
    return texts(root, "//t:closer/t:signed//t:roleName")


def test_a_bracketed_name_over_an_office_signs_with_that_office():
    root = page(PROSE, MORE, "[Ivar Lindqvist]", "for Under Secretary")
    assert signers(root) == ["Ivar Lindqvist"]
    assert roles(root) == ["for Under Secretary"]
    assert texts(root, "//t:closer//t:supplied[@reason='signature']") == ["Ivar Lindqvist"]
    assert texts(root, "//t:body//t:supplied[@reason='added-in-translation']") == []


def test_a_bracketed_name_with_initials_alone_after_the_text_signs():
    assert signers(page(PROSE, MORE, "[I. K. Lindqvist]")) == ["I. K. Lindqvist"]


@pytest.mark.parametrize("line", ["[Top Secret]", "[Ivar Lindqvist]"])
def test_capitalised_words_in_brackets_without_initials_or_an_office_do_not_sign(line):
    assert signers(page(PROSE, MORE, line)) == []


@pytest.mark.parametrize("lines", [("I. Lindqvist", "Head of Section III"), ("Head of Section III", "I. Lindqvist")])
def test_a_roman_numeral_after_a_bodys_word_is_part_of_the_office_not_a_signer(lines):
    root = page(PROSE, MORE, *lines)
    assert signers(root) == ["I. Lindqvist"]
    assert roles(root) == ["Head of Section III"]


@pytest.mark.parametrize("below", [
    ("Shri Anand Kumar Rao,", "Minister Without Portfolio,", "New Delhi."),
    ("Shri Anand Kumar Rao,", "Minister Without Portfolio,"),
])
def test_an_addressee_printed_under_a_signed_letter_is_no_second_signer(below):
    root = page(PROSE, MORE, "Yours sincerely,", "[Ivar Lindqvist]", *below)
    assert signers(root) == ["Ivar Lindqvist"]
    assert roles(root) == []
    assert "Shri Anand Kumar Rao," in texts(root, "//t:body//t:p")  # kept, outside the signature


def test_three_letters_ending_a_cut_page_under_a_signature_are_no_signer():
    root = page(PROSE, MORE, "Ivar Lindqvist", "December 4", "Dis")
    assert signers(root) == ["Ivar Lindqvist"]


def test_a_three_letter_surname_alone_after_the_text_still_signs():
    assert signers(page(PROSE, MORE, "LIN")) == ["LIN"]


@pytest.mark.parametrize("line", ["ss. Ion Bucur", "(ss) Ion Bucur", "(ss) [Ambassador] Ion Bucur"])
def test_the_romanian_word_for_signed_before_a_name_signs(line):
    root = page(PROSE, MORE, line)
    assert signers(root) == ["Ion Bucur"]


def test_a_printed_word_for_signed_and_a_name_between_two_documents_signs_the_first():
    root = page(PROSE, "October 30, 1962", "ss. Ion Bucur", MORE)
    assert signers(root) == ["Ion Bucur"]
    assert texts(root, "//t:div[@type='enclosure']//t:p")  # the text after it is the next document


def test_a_sentence_after_signed_is_no_sign_off():
    root = page(PROSE, "Signed: the protocol was agreed by both sides and sent to the ministry at once.")
    assert signers(root) == []


@pytest.mark.parametrize("line", ["KPD", "NKVD"])
def test_a_word_in_capitals_without_a_vowel_is_an_acronym_not_a_signer(line):
    assert signers(page(PROSE, MORE, line, "Economic conference")) == []


@pytest.mark.parametrize("office", ["Minister of Foreign Affairs of the USSR", "Secretary of the CC of the PUWP"])
def test_an_office_ending_in_an_acronym_over_a_name_signs_with_the_name_not_the_acronym(office):
    root = page(PROSE, MORE, office, "A. Gromyko")
    assert signers(root) == ["A. Gromyko"]
    assert roles(root) == [office]


@pytest.mark.parametrize("line, name", [("Ivar Lindqvist [signature]", "Ivar Lindqvist"),
                                        ("LINDQVIST [signed]", "LINDQVIST")])
def test_a_name_printed_before_the_signature_placeholder_signs(line, name):
    root = page(PROSE, MORE, line)
    assert signers(root) == [name]
    assert texts(root, "//t:closer//t:gap[@reason='signature']")


def test_an_office_and_a_name_on_one_long_line_after_the_text_signs():
    root = page(PROSE, MORE, "Ambassador of the Kingdom of Norway in Korea I. Lindqvist")  # ten words
    assert signers(root) == ["I. Lindqvist"]
    assert roles(root) == ["Ambassador of the Kingdom of Norway in Korea"]


def test_a_long_name_of_a_body_over_a_date_after_the_text_signs_as_the_body():
    body = "Office of the General Bureau for Trade Relations with Foreign Countries"  # eleven words
    root = page(PROSE, MORE, body, "30 January 1962")
    assert texts(root, "//t:closer/t:signed/t:orgName") == [body]
