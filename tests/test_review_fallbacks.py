"""The review report's rules for lines a fallback placed (``review_fallbacks.py``, and the number rule
of ``review.py``): a header line left as furniture holding a number after one word or a bracket, a
title and a name with initials side by side, copies announced with no distribution read, a mark
whose capitals were lost, a number on a line the closing zone's fallback kept.

Invented pages only.  Each test has a case the report must propose and a case where it stays quiet;
the proposing cases fail without these rules.
"""

from __future__ import annotations

from test_review_zones import TEXT, codes_at, line_of, page

MORE = "He added that the deliveries of wool would rise in the second half of the year."


def test_a_number_after_one_word_on_a_fallback_line_is_a_candidate_of_its_own():
    text = page("To the Minister of Trade", "Registry Nº 283 ss", TEXT, MORE)
    assert codes_at(text, "number-after-word") == [line_of(text, "Registry Nº")]
    assert codes_at(text, "number-unread") == []
    plain = page("To the Minister of Trade", "Registry of the ministry", TEXT, MORE)
    assert codes_at(plain, "number-after-word") == []


def test_a_number_with_letters_before_its_digits_is_still_a_number():
    text = page("Central Committee", "Nº st-158/6-s of the secretariat and others", TEXT, MORE)
    assert line_of(text, "Nº st-158") in codes_at(text, "number-unread") + codes_at(text, "number-alone")


def test_a_bracket_on_a_header_line_left_as_furniture_is_a_candidate():
    text = page("To the Minister of Trade", "31 [rest of the line torn]", TEXT, MORE)
    assert codes_at(text, "bracket-furniture") == [line_of(text, "rest of the line")]
    body = page("To the Minister of Trade", TEXT + " The talks [on wool] went well.", MORE)
    assert codes_at(body, "bracket-furniture") == []


def test_a_title_and_a_name_with_initials_side_by_side_after_the_text_is_a_signer_candidate():
    text = page(TEXT, MORE + "\n", "Chairman of the Council of Ministers      I. Petrov\n\n",
                "Secretary of the Council of Ministers      a. SidoroV\n",
                "[1]As the archive shows, the radio was jammed.")
    assert codes_at(text, "signer-columns") == [line_of(text, "I. Petrov"), line_of(text, "SidoroV")]
    heading = page(TEXT, "Chairman of the Council of Ministers", MORE)  # a heading alone: no name beside it
    assert codes_at(heading, "signer-columns") == []


def test_copies_announced_with_no_distribution_read_are_a_candidate():
    text = page(TEXT, MORE, "Twelve copies were printed. Distribution was made to:", "the Minister of Trade")
    assert codes_at(text, "distribution-copies") == [line_of(text, "Twelve copies")]
    none = page(TEXT, MORE, "He spoke of the copies of the treaty.")
    assert codes_at(none, "distribution-copies") == []


def test_a_short_header_line_in_mixed_case_against_its_grain_is_a_mark_candidate():
    # (``toP seCret`` itself is now read as a classification: hdr5)
    text = page("Moscow, the Kremlin", "offiCial note", TEXT, MORE)
    assert codes_at(text, "mark-case") == [line_of(text, "offiCial note")]
    normal = page("Moscow, the Kremlin", "Foreign Office", TEXT, MORE)
    assert codes_at(normal, "mark-case") == []


def test_a_number_on_a_line_the_closing_zones_fallback_kept_is_a_candidate():
    text = page(TEXT, MORE, "[signature] I. Petrov", "14 November 1945", "M. Nº 435")
    found = codes_at(text, "number-after-word") + codes_at(text, "number-unread")
    assert line_of(text, "M. Nº 435") in found


def test_a_line_of_names_with_initials_after_the_text_is_a_signer_candidate():
    text = page(TEXT, MORE + "\n", "V. Petrov, G. Sidorov\n\n", "A. Ivanov, L. Orlov\n", "[1]As the archive shows, "
                "the radio was jammed.")
    assert line_of(text, "V. Petrov") in codes_at(text, "signer-names")
    spaced = page(TEXT, MORE + "\n", "/L. O R L O V /\n", "[1]As the archive shows, the radio was jammed.")
    assert codes_at(spaced, "signer-names") == [line_of(spaced, "O R L O V")]
    words = page(TEXT, MORE + "\n", "Wool, butter\n", "[1]As the archive shows, the radio was jammed.")
    assert codes_at(words, "signer-names") == []


def test_a_header_line_in_parentheses_left_as_furniture_is_a_candidate():
    text = page("Moscow, the Kremlin", "(Burn after reading)", TEXT, MORE)
    assert codes_at(text, "header-parenthesised") == [line_of(text, "Burn after")]
    dated = page("Moscow, the Kremlin", "(No. 12 of 3 March)", TEXT, MORE)
    assert codes_at(dated, "header-parenthesised") == []


def test_a_number_on_a_long_header_line_left_as_furniture_is_a_candidate():
    text = page("Moscow, the Kremlin", "Order No. 805-327ss/op of 9 April 1946 issued in the Kremlin, Moscow", TEXT,
                MORE)
    found = codes_at(text, "number-after-word") + codes_at(text, "number-unread")
    assert line_of(text, "Order No.") in found


def test_a_folio_printed_with_a_capital_i_is_a_unit_left_unread():
    from teiedition.review_zones import UNIT_RE

    assert len(UNIT_RE.findall("AVPRF, f.6, op. 6, p. 42, d. 546, I. 53 -70")) == 5
    assert len(UNIT_RE.findall("AVPRF, f.6, op. 6, p. 42, d. 546")) == 4


def test_a_handling_or_copy_mark_printed_in_a_paragraph_is_a_candidate():
    text = page(TEXT, "EYES ONLY for the Secretary and the two Ambassadors named in the last cable.", MORE)
    assert codes_at(text, "mark-in-text") == [line_of(text, "EYES ONLY")]
    copy = page(TEXT, "This document consists of 6 pages. Copy 1 of 4 copies. Series A.", MORE)
    assert codes_at(copy, "mark-in-text") == [line_of(copy, "Copy 1 of 4")]
    prose = page(TEXT, "He asked for only the eyes of the committee to see the draft.", MORE)
    assert codes_at(prose, "mark-in-text") == []


def test_a_number_on_a_header_line_read_as_a_heading_is_a_candidate():
    # (a bare ``nº 16/QA`` is now read as the outgoing number: hdr5)
    line = "Order No. 805-327ss/op of 9 April 1946. Kremlin, Moscow"
    text = page("Department of Atomic Affairs", line, TEXT, MORE)
    found = codes_at(text, "number-alone") + codes_at(text, "number-unread") + codes_at(text, "number-after-word")
    assert line_of(text, "Order No. 805") in found


def test_a_distribution_of_one_item_read_at_the_top_is_a_candidate():
    from teiedition.model import Block
    from teiedition.review_fallbacks import one_item_distribution

    one = [Block("dist-item-top", "75 – PARIS (7th)", 9), Block("p", TEXT, 11)]
    assert [it.line for it in one_item_distribution(one)] == [9]
    two = [Block("dist-item-top", "1 – to Petrov", 9), Block("dist-item-top", "2 – to Orlov", 10)]
    assert one_item_distribution(two) == []


def test_a_last_paragraph_under_a_sign_offs_date_or_name_is_a_summary_candidate():
    tail = "Petrov relates the talks on wool and butter with the Mongolian side in some detail."
    text = page(TEXT, MORE, "V.I. Petrov.", tail)
    assert codes_at(text, "summary-after-text") == [line_of(text, "Petrov relates")]
    dated = page(TEXT, MORE, "21 November [1957]", tail)
    assert codes_at(dated, "summary-after-text") == [line_of(dated, "Petrov relates")]
    heading = page(TEXT, "Economy", tail)  # a heading between paragraphs: the text goes on
    assert codes_at(heading, "summary-after-text") == []
