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


def test_the_new_candidates_are_calibrated_on_the_pool_and_the_weak_ones_are_listed_by_default():
    from teiedition.review_calibration import COUNTS, THRESHOLD, certainty

    codes = ("signer-position", "number-heading", "header-unread", "gloss-phrase", "summary-unread", "date-unread",
             "bracket-name-noun")
    assert all(code in COUNTS for code in codes)
    # wrong wherever it was listed on the pool: a person is sent there; right nearly everywhere: not
    assert certainty("date-unread") < THRESHOLD < certainty("signer-position")


def test_a_sentence_under_the_title_saying_what_the_title_says_is_a_summary_candidate():
    title = "Telegram from the Ambassador in Ulaanbaatar to the Foreign Minister"
    described = page("Telegram of the Ambassador in Ulaanbaatar to the Foreign Minister, 3 March 1961.", TEXT, MORE,
                     title=title)
    assert candidates(described, "summary-unread") == [line_of(described, "Telegram of the Ambassador")]
    other = page("The talks began in the morning and lasted until the evening of that day.", TEXT, MORE,
                 title=title)  # prose that does not restate the title is the text
    assert candidates(other, "summary-unread") == []


def test_a_page_date_line_not_read_lists_it_and_the_line_under_it():
    text = "\n".join(["Skip to content", "Protocol of the Meeting between the Two Delegations", "March 11, 1974",
                      "This document was made possible with support from ROK Ministry of Unification", TEXT, MORE])
    assert candidates(text, "date-unread") == [3, 4]  # (a title printed above the date line hid it)
    assert candidates(page(TEXT, MORE), "date-unread") == []  # the date line read: quiet


def test_a_name_after_a_common_noun_read_as_words_added_is_a_candidate():
    noun = page("The delegates met the ambassador [Ivan Petrov] and were not affected by the decision.", TEXT)
    assert candidates(noun, "bracket-name-noun") == [line_of(noun, "the ambassador [Ivan")]
    before = page("The delegates met [Ahmed] Ben Bella in the city and were not affected.", TEXT)
    assert candidates(before, "bracket-name-noun") == []


def test_one_word_with_an_exclamation_mark_in_brackets_is_a_remark_not_words_added():
    remark = page("There were no issues in the talks [really!] and there was total agreement on all of them.", TEXT)
    assert line_of(remark, "[really!]") in candidates(remark, "bracket-default")
    sic = page("There were no issues in the talks [sic!] and there was total agreement on all of them.", TEXT)
    assert candidates(sic, "bracket-default") == []  # read as the translator's sic, a convention: quiet
    added = page("There were no [sensitive] issues in the talks and there was total agreement on all of them.", TEXT)
    assert candidates(added, "bracket-default") == []


def test_a_date_alone_in_brackets_on_its_line_is_no_remark():
    dated = page("[26 July 1968]", TEXT, MORE)
    assert candidates(dated, "bracket-default") == []
    remark = page("[Translated by the embassy from the Romanian]", TEXT, MORE)
    assert candidates(remark, "bracket-default") == [line_of(remark, "[Translated by")]


def test_a_second_archives_units_are_not_counted_as_units_left_unread():
    from teiedition.model import Document
    from teiedition.review_zones import citation_items

    class Citation:
        verbatim = "APRF, Fond 45, Opis 1, Delo 336, List 122 and AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 13"
        units = {"fond": "45", "opis": "1", "delo": "336", "folios": "122"}

    doc = Document.__new__(Document)
    header = type("H", (), {"citation": Citation(), "source_line": Citation.verbatim})()
    object.__setattr__(doc, "header", header)
    assert citation_items(doc, 30) == []
    Citation.units = {"fond": "45", "opis": "1", "delo": "336"}  # folios printed, not read: listed
    assert [it.code for it in citation_items(doc, 30)] == ["citation-units"]


def test_a_bracket_spelling_out_the_abbreviation_before_it_read_as_added_is_a_candidate():
    spelled = page("The head of the Dept [Department] spoke and the workers listened to him.", TEXT)
    assert candidates(spelled, "bracket-abbreviation") == [line_of(spelled, "Dept [Department]")]
    added = page("The academics are paid 12000 Rbl [a year] and the workers less than that in the end.", TEXT)
    assert candidates(added, "bracket-abbreviation") == []


def test_a_signed_abbreviation_before_a_name_that_no_signer_reads_is_listed():
    signed = page(TEXT, MORE, "(s) [Ambassador] Ion Bucur")
    assert candidates(signed, "signer-unread") == [line_of(signed, "(s)")]
    prose = page(TEXT, MORE, "The talks (as reported) went on until the evening.")
    assert candidates(prose, "signer-unread") == []


def test_a_mark_read_to_its_lines_end_over_a_short_line_nothing_read_is_a_candidate():
    wrapped = page("Top Secret", "To be returned to CPSU CC", "General Department", "300 A/3", TEXT, MORE)
    assert candidates(wrapped, "mark-wrapped") == [line_of(wrapped, "To be returned")]
    ended = page("Top Secret", "To be returned to CPSU CC.", "General Department", "300 A/3", TEXT, MORE)
    assert candidates(ended, "mark-wrapped") == []  # the stop ends the mark


def test_a_gloss_after_a_small_word_with_no_noun_to_restate_is_a_candidate():
    clause = page("The minister was [Ivan Petrov] of the department and agreed to the trade.", TEXT)
    assert candidates(clause, "gloss-after-verb") == [line_of(clause, "was [Ivan")]
    noun = page("You will point out to the minister that the PFLP [Popular Front] is an issue of trade.", TEXT)
    assert candidates(noun, "gloss-after-verb") == []


def test_a_name_read_as_added_right_after_a_pronoun_is_a_candidate():
    who = page("I [Kadri Hazbiu] told the other comrades of the delegation that the talks would take place.", TEXT)
    assert candidates(who, "bracket-after-pronoun") == [line_of(who, "I [Kadri")]
    words = page("The conversation took place with [Comrade] Hazbiu and with the other comrades of the delegation.",
                 TEXT)
    assert candidates(words, "bracket-after-pronoun") == []


def test_a_collection_code_in_capitals_before_its_number_is_one_unit():
    from test_review_decisions import _citation_doc
    from teiedition.review_zones import citation_items

    units = {"fond": "DY 30", "file": "IV A 2/20/442", "folios": "1-5"}
    assert citation_items(_citation_doc("SAPMO-BArch, DY 30/IV A 2/20/442, 1-5", units), 30) == []
    odd = {"fond": "XIV-J-1-j", "series": "Korea 25-005249/1980"}
    assert [it.code for it in citation_items(_citation_doc("MOL, XIV-J-1-j Korea 25-005249/1980", odd), 30)] \
        == ["citation-units"]


def _citation_doc(verbatim: str, units: dict):
    from teiedition.model import Document

    citation = type("C", (), {"verbatim": verbatim, "units": units})()
    doc = Document.__new__(Document)
    object.__setattr__(doc, "header", type("H", (), {"citation": citation, "source_line": verbatim})())
    return doc
