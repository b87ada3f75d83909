"""Sign-off shapes of the third batch's tune pages (issue 17, body3).

Every text here is invented.  A letter's closing salute followed by a line that is one bracket
holding a name: the translator put the signer’s name where the original has a signature.  A
word of one or two letters, not in capitals, ending the body is a word an excerpt cut off.
"""

from __future__ import annotations

from convert_checks import MORE, PROSE, rebuild, texts, xp
from convert_checks import body_page as page


def signers(root):
    return [rebuild(p)[:len(rebuild(p)) - len(p.tail or "")].strip() for p in xp(root, "//t:closer/t:signed//t:persName")]


def test_a_bracketed_name_under_a_closing_salute_signs_the_letter():
    root = page(PROSE, MORE, "With fraternal greetings,", "[Piotr Wolanski]")
    assert signers(root) == ["Piotr Wolanski"]
    assert texts(root, "//t:closer/t:signed/t:supplied[@reason='signature']") == ["Piotr Wolanski"]
    assert texts(root, "//t:supplied[@reason='added-in-translation']") == []
    assert texts(root, "//t:closer/t:salute") == ["With fraternal greetings,"]


def test_a_bracket_under_a_salute_that_is_no_name_does_not_sign():
    root = page(PROSE, MORE, "With fraternal greetings,", "[the end of the letter is missing]")
    assert signers(root) == []


def test_a_word_of_one_or_two_letters_ending_a_cut_page_is_no_signer():
    root = page(PROSE, MORE, "Wh")
    assert signers(root) == []
    assert "Wh" in texts(root, "//t:body//t:ab | //t:body//t:p")  # kept as a line of the body


def test_a_two_letter_surname_in_capitals_still_signs():
    assert signers(page(PROSE, MORE, "WU")) == ["WU"]


def test_a_signer_with_initials_and_a_known_surname_is_one_name_linked_to_its_entry():
    root = page(PROSE, MORE, "L. Beria", "G. Malenkov")
    names = xp(root, "//t:closer/t:signed//t:persName")
    assert [" ".join("".join(n.itertext()).split()) for n in names] == ["L. Beria", "G. Malenkov"]
    assert [n.get("ref") for n in names] == ["#pers-beria", "#pers-malenkov"]


def test_a_name_in_capitals_with_a_bracketed_gloss_signs_as_printed():
    root = page(PROSE, MORE, "ORLOV [Kaminsky]", "3 December 1951")
    assert signers(root) == ["ORLOV"]
    assert texts(root, "//t:closer/t:signed/t:supplied[@reason='gloss']") == ["Kaminsky"]


def test_a_four_word_name_in_capitals_signs_but_a_body_in_capitals_does_not():
    assert signers(page(PROSE, MORE, "JOAO CARLOS MENDES PINTO")) == ["JOAO CARLOS MENDES PINTO"]
    assert signers(page(PROSE, MORE, "GENERAL STAFF OPERATIONS DIRECTORATE")) == []
