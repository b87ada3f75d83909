"""The review report's rules for decisions taken by position alone (``review_decisions.py``): a
signer read because the line is short, a number alone under a heading, a short header line in
capitals no vocabulary read, and (``review.py``) a gloss that is a phrase under a preposition.

Invented pages only.  Each test has a case the report must propose and a case where it stays
quiet; the proposing cases fail without these rules.
"""

from __future__ import annotations

from test_review_zones import TEXT, codes_at, line_of, page

MORE = "He added that the deliveries of wool would rise in the second half of the year."


def candidates(text: str, code: str) -> list[int | None]:
    return codes_at(text, code)


def test_a_signer_read_by_position_from_a_line_of_two_words_is_a_candidate():
    by_position = page(TEXT, MORE, "Ivan Petrov")
    assert candidates(by_position, "signer-position") == [line_of(by_position, "Ivan Petrov")]
    confirmed = page(TEXT, MORE, "[signature] Ivan Petrov")  # a placeholder confirms the signer
    assert candidates(confirmed, "signer-position") == []


def test_a_number_alone_under_a_heading_read_as_outgoing_is_a_candidate():
    lines = ["March 3, 1961", "", "Resolution of the Secretariat", "",
             "This document was made possible with support from ROK Ministry of Unification", "",
             "Of the Secretariat of the Central Committee", "", "No. Pg-18/34g", "", TEXT, "", MORE, ""]
    under_heading = "\n".join(lines)
    assert candidates(under_heading, "number-heading") == [line_of(under_heading, "No. Pg-18/34g")]
    lines[6] = "Moscow, 2 March 1961"  # under a dateline the number is the office's: no doubt
    assert candidates("\n".join(lines), "number-heading") == []


def test_a_short_header_line_in_capitals_that_no_vocabulary_read_is_a_candidate():
    unread = page("To the Minister of Trade", "NO DISTRIBUTION", TEXT, MORE)
    assert candidates(unread, "header-unread") == [line_of(unread, "NO DISTRIBUTION")]
    kind = page("To the Minister of Trade", "RECORD OF CONVERSATION", TEXT, MORE)
    assert candidates(kind, "header-unread") == []
    read = page("To the Minister of Trade", "TOP SECRET", TEXT, MORE)
    assert candidates(read, "header-unread") == []


def test_a_gloss_that_is_a_phrase_under_a_preposition_is_a_candidate():
    phrase = page("The Political Department [of our Embassy] received the note and answered it at once.", TEXT)
    assert candidates(phrase, "gloss-phrase") == [line_of(phrase, "Political Department")]
    acronym = page("The CC [Central Committee] received the note and answered it at once.", TEXT)
    assert candidates(acronym, "gloss-phrase") == []


def test_the_new_candidates_reach_the_report_with_a_calibrated_certainty():
    from teiedition.review_calibration import certainty

    for code in ("signer-position", "number-heading", "header-unread", "gloss-phrase"):
        assert 0 < certainty(code) < 1
