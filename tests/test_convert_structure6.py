"""Structural shapes of the tune pools' pages (issue 17, struct6), read by where a line stands and
its shape.  Every text here is invented.

A rule line (``=====``, ``~~~~``, ``- - -``) separates, it heads nothing: a ``milestone``, wherever
it stands, never a ``head``.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, body_page, rebuild, xp


@pytest.mark.parametrize("rule", ["==========================", "~~~~~~~~~~", "= = = = =", "- - - -"])
def test_a_rule_line_under_the_addressee_is_a_section_break_not_a_heading(rule):
    root = body_page("To the First Secretary of the Central Committee", "Comrade Ivo Lindqvist",
                     rule, "Dear Comrade Lindqvist!", PROSE, MORE)
    assert xp(root, "//t:text//t:milestone[@unit='section']/@rend") == [rule]
    assert all(rule not in "".join(h.itertext()) for h in xp(root, "//t:text//t:head"))
    assert PROSE in rebuild(root)


@pytest.mark.parametrize("rule", ["================", "~~~~~~~~~~~~"])
def test_a_rule_line_between_paragraphs_is_a_section_break(rule):
    root = body_page(PROSE, rule, MORE)
    assert xp(root, "//t:text//t:milestone[@unit='section']/@rend") == [rule]
    assert len(xp(root, "//t:body//t:p")) == 2


@pytest.mark.parametrize("gap", ["   ", "\t", "     "])
def test_a_bullet_and_a_wide_gap_before_its_text_is_one_item_not_two_columns(gap):
    items = ["First part: the history of the party", "Second part: the tasks of the plan",
             "Third part: relations with the neighbours"]
    root = body_page(PROSE, *[f"-{gap}{item}" for item in items], MORE)
    got = [" ".join("".join(i.itertext()).split()) for i in xp(root, "//t:list[@type='bulleted']/t:item")]
    assert got == [f"- {item}" for item in items]
    assert xp(root, "//t:body//t:ab") == []


@pytest.mark.parametrize("word", ["Article", "Section", "Chapter"])
def test_a_division_word_and_its_number_alone_is_a_section_heading(word):
    root = body_page("The Parties, wishing to deepen their cooperation, have agreed as follows:",
                     f"{word} I", PROSE, f"{word} II.", MORE)
    assert xp(root, "//t:body//t:ab[@type='heading']/text()") == [f"{word} I", f"{word} II."]
    assert xp(root, "//t:body//t:ab[@type='line']") == []


def test_a_sentence_opening_with_article_and_a_number_stays_prose():
    line = "Article 5 of the treaty obliges both sides to consult each other before any such step."
    root = body_page(PROSE, line, MORE)
    assert xp(root, "//t:body//t:ab[@type='heading']") == []
    assert line in [" ".join("".join(p.itertext()).split()) for p in xp(root, "//t:body//t:p")]


@pytest.mark.parametrize("style", ["{n}) ", "{n}. ", "({n}) "])
def test_short_numbered_lines_under_a_colon_line_are_one_ordered_list(style):
    items = ["Report on the delegation's visit abroad", "Military matters",
             "Questions of the harvest and of the party's work in the villages."]
    lines = [style.format(n=n) + item for n, item in enumerate(items, 1)]
    root = body_page(PROSE, "The agenda of the session was as follows:", *lines, MORE)
    got = [" ".join("".join(i.itertext()).split()) for i in xp(root, "//t:list[@type='ordered']/t:item")]
    assert got == lines
    assert xp(root, "//t:body//t:ab[@type='line' or @type='heading']") == []
    assert len(xp(root, "//t:body//t:p")) >= 2


def test_numbered_paragraphs_of_prose_under_a_colon_line_stay_paragraphs():
    lines = ["1) The ambassador called on us today. He asked for the minutes of the talks.",
             "2) The minister agreed to the visit. It will take place in the spring."]
    root = body_page(PROSE, "We report the following:", *lines, MORE)
    assert xp(root, "//t:list[@type='ordered']") == []
    assert [" ".join("".join(p.itertext()).split()) for p in xp(root, "//t:body//t:p")][2:4] == lines


@pytest.mark.parametrize("label", ["No", "No.", "Nº", "#"])
def test_figures_right_after_a_number_label_are_the_number_not_a_date(label):
    root = body_page(PROSE, f"Cipher telegram {label} 31/I", MORE)
    assert xp(root, "//t:body//t:date") == []
    assert f"Cipher telegram {label} 31/I" in rebuild(root)


def test_a_roman_month_date_without_a_label_is_still_a_date():
    root = body_page(PROSE, "The telegram of 31/I was received late.", MORE)
    assert xp(root, "//t:body//t:date/text()") == ["31/I"]


def test_parenthesised_calls_set_against_a_word_are_anchors_when_their_notes_are_missing():
    first = "The Presidium heard the delegation about the central question.(1) Cdes. Lindqvist, Okafor,(2)"
    second = "Form a committee.(3) Send the information to the fraternal parties.(4)"
    root = body_page(first, second, MORE)
    assert xp(root, "//t:body//t:anchor[@type='footnote'][@rend='parenthesised']/@n") == ["1", "2", "3", "4"]
    assert first in rebuild(root) and second in rebuild(root)


@pytest.mark.parametrize("line", ["Under Article 5(2) of the statute the council decides the matter alone.",
                                  "The session decided: (1) to build the road, (2) to close the mine.",
                                  "The council met and the speaker called for order.(7) Nothing more was said."])
def test_an_enumeration_a_subsection_or_a_call_out_of_order_stays_text(line):
    root = body_page(PROSE, line, MORE)
    assert xp(root, "//t:body//t:anchor") == []
    assert line in rebuild(root)
