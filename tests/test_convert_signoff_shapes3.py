"""Sign-off shapes of the third batch's tune pages (issue 17, body3).

Every text here is invented.  A letter's closing salute followed by a line that is one bracket
holding a name: the translator put the signer's name where the original has a signature.
"""

from __future__ import annotations

from convert_checks import MORE, PROSE, rebuild, texts, xp
from convert_checks import body_page as page


def signers(root):
    return [rebuild(p)[:len(rebuild(p)) - len(p.tail or "")].strip() for p in xp(root, "//t:closer/t:signed//t:persName")]


def test_a_bracketed_name_under_a_closing_salute_signs_the_letter():
    root = page(PROSE, MORE, "With fraternal greetings,", "[Piotr Wolanski]")
    assert signers(root) == ["Piotr Wolanski"]
    assert texts(root, "//t:closer/t:signed/t:supplied[@reason='added-in-translation']") == ["Piotr Wolanski"]
    assert texts(root, "//t:closer/t:salute") == ["With fraternal greetings,"]


def test_a_bracket_under_a_salute_that_is_no_name_does_not_sign():
    root = page(PROSE, MORE, "With fraternal greetings,", "[the end of the letter is missing]")
    assert signers(root) == []
