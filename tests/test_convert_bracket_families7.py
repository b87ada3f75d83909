"""Bracket families of batch 6's tune pages (issue 17, conv7): decided by the bracket's place and shape.

Every text here is invented.  An initial with its full stop glued to a lower-case bracket
(``J.[oseph]``) is a name spelled out, an expansion like ``M[artin]``, never words the translator
added; a bracket after a name in the possessive (``Brother Tam’s [Lindqvist]``) says who that
name is, a gloss, even when a capitalised word follows it.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, rebuild, supplied, texts
from convert_checks import body_page as page


@pytest.mark.parametrize("line, expansion", [
    ("The journalist K.[arl] Lindqvist told me that the talks had stalled.", "K.arl"),
    ("/From O.[lav] Varga, the minister’s adviser./", "O.lav"),
    ("B.[rand] confirms what the agency had reported earlier in the week.", "B.rand"),
])
def test_an_initial_spelled_out_by_the_bracket_is_an_expansion(line, expansion):
    root = page(PROSE, line)
    assert texts(root, "//t:body//t:expan") == [expansion]
    assert supplied(root) == []
    assert line in rebuild(root)


def test_a_bracket_after_an_initial_and_a_space_still_completes_the_name():
    # "G. [Pushkin]": the surname the original left out, a supplied word (README, batch 2)
    root = page(PROSE, "The note was signed by G. [Lindqvist] on the same day.")
    assert supplied(root) == ["Lindqvist"]
    assert texts(root, "//t:body//t:expan") == []


@pytest.mark.parametrize("line, gloss", [
    ("I have received Brother Tam’s [Olav Lindqvist] Cables numbered 2 and 5.", "Olav Lindqvist"),
    ("We read Uncle Ba's [Karl Varga] Letter with great interest.", "Karl Varga"),
])
def test_a_bracket_after_a_possessive_name_says_who_it_is(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []
    assert line in rebuild(root)


def test_a_bracket_before_a_name_after_a_plain_name_still_adds_words():
    # not possessive: "[Deputy Minister] Varga" names who follows, words the translator added
    root = page(PROSE, "He met with Lindqvist and [Deputy Minister] Varga in the afternoon.")
    assert supplied(root) == ["Deputy Minister"]


@pytest.mark.parametrize("line, gloss", [
    ("The patrol was seen on 14.03.1971 [14 March 1971] at 06:00 near the river.", "14 March 1971"),
    ("On 14.03. [14 March] the police were put on alert in the port.", "14 March"),
    ("But last Sunday [7 March 1971] the delegates left the capital.", "7 March 1971"),
])
def test_a_date_in_words_after_a_date_in_figures_or_a_named_day_says_which(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


def test_a_month_completing_a_day_stays_added():
    root = page(PROSE, "The talks resumed on 20 [March] in the old building.")
    assert supplied(root) == ["March"]


@pytest.mark.parametrize("line, gloss", [
    ("He quoted the philosopher Varga, who [Varga] had lived in the capital for years.", "Varga"),
    ("Instantsiya [codename for the Premier] is demanding an immediate answer.", "codename for the Premier"),
    ("Bluebird [code-name for Lindqvist] asked for the report by Monday.", "code-name for Lindqvist"),
])
def test_a_bracket_naming_a_relative_pronoun_or_what_a_code_name_stands_for_is_a_gloss(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == []


def test_a_verb_after_who_stays_added():
    root = page(PROSE, "He met the official who [was] in charge of the port.")
    assert supplied(root) == ["was"]


def test_an_illegible_reading_with_a_guess_in_the_possessive_is_a_gap():
    line = "28. III [illegible initials, presumably Lindqvist's]"
    root = page(PROSE, line)
    assert texts(root, "//t:gap[@reason='illegible']/t:desc") == ["illegible initials, presumably Lindqvist's"]
    assert supplied(root) == []
    assert line in rebuild(root)


def test_a_name_after_a_noun_whose_determiner_the_translator_bracketed_says_which():
    # "[his] wife [Jiang Qing]": the added determiner still makes "wife" a noun phrase the name says which of
    root = page(PROSE, "The minister will be accompanied by [his] wife [Ingrid Lindqvist] and daughter.")
    assert supplied(root, "gloss") == ["Ingrid Lindqvist"]
    assert supplied(root) == ["his"]
