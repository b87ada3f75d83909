"""Header-zone shapes read off batch 5's tune half (hdr5): each a family seen on two pages or more.

Every case is invented; each names the shape it stands for (where it stands, what it looks like),
never a page's words.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, convert, page_under_a_lead, xp
from teiedition.recognising.dates import parse_date
from teiedition.recognising.recognise import classify_line


def _web_page(zone: str) -> str:
    return ("Skip to content\n\nMay 3, 1953\n\nReport of the Agency on the Broadcasts\n\n"
            "This document was made possible with support from Blavatnik Family Foundation\n\n"
            + zone + "\n\n" + PROSE + "\n\n" + MORE + "\n")


# -- an outgoing number followed by its date ---------------------------------------------------


@pytest.mark.parametrize("line, number, when", [
    ("Nº 862. 25 June 1953", "862", "1953-06-25"),          # the number's stop, then the date
    ("Nº 4028-1849ss of 24 October 1951", "4028-1849ss", "1951-10-24"),  # "of" joins them
    ("Nº st-158/6-s 21.VII.1960", "st-158/6-s", "1960-07-21"),
    ("No. 340 9 June 1969", "340", "1969-06-09"),
])
def test_a_number_then_its_date_is_an_outgoing_dateline(line, number, when):
    root = convert(_web_page("Top Secret\n\n" + line))
    assert xp(root, "//t:opener//t:idno[@type='outgoing']/text()") == [number]
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == [when]


def test_an_office_s_suffix_after_a_space_stays_in_the_number():
    root = convert(_web_page("Top Secret\n\nOutgoing Nº 283 ss\n\n18 February 1953"))
    assert xp(root, "//t:opener//t:idno[@type='outgoing']/text()") == ["283 ss"]


@pytest.mark.parametrize("line", ["Nº 5 to Molotov", "Nº 12 copies were made", "Nº 274 KOVALEV", "Nº 274 KOVALEV, 11 November"])
def test_a_number_followed_by_words_that_are_no_date_is_not_an_outgoing_dateline(line):
    kind, attrs, _spans, _name = classify_line(line)
    assert (kind, dict(attrs).get("role")) != ("dateline", "outgoing")


# -- a scan that lost its small capitals ---------------------------------------------------------


@pytest.mark.parametrize("line", ["toP seCret", "striCtlY Confidential!", "SeCret"])
def test_a_classification_in_a_garbled_case_is_still_the_classification(line):
    root = convert(_web_page(line))
    assert xp(root, "//t:opener/t:seg[@type='classification']/text()") == [line]


@pytest.mark.parametrize("text, when", [("21.Vii.1960", "1960-07-21"), ("5.xi.1962", "1962-11-05")])
def test_a_roman_month_in_small_letters_between_dots_before_a_full_year_is_a_date(text, when):
    assert parse_date(text).when == when


@pytest.mark.parametrize("text", ["vi.1960", "3.iv", "2.mix.1960", "Louis.xiv.1960"])
def test_small_roman_letters_elsewhere_are_no_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("line, number", [("Copy Nr 1", "1"), ("Copy 2 of 4 copies.", "2")])
def test_more_copy_mark_shapes(line, number):
    root = convert(_web_page("Warsaw, 23 May 1983\n\n" + line))
    assert xp(root, "//t:opener/t:seg[@type='copy']/t:num/@value") == [number]


@pytest.mark.parametrize("line, number", [
    ("No. 56 228 3 June 1969, Beijing", "56 228"),   # a number in digit groups, then the date and the place
    ("Nr. 00127 12 XII 1970/1333", "00127"),         # a register number glued to the date
    ("Ser. No. 223", "223"),                          # the issuing office's serial
    ("nº 16/QA", "16/QA"),                            # the number sign in small letters
])
def test_more_outgoing_number_shapes(line, number):
    root = convert(_web_page(line))
    assert xp(root, "//t:opener//t:idno[@type='outgoing']/text()") == [number]


def test_marks_after_an_outgoing_number_are_marks():
    root = convert(_web_page("No. 355, Copy 1\n\nTop Secret"))
    assert xp(root, "//t:opener//t:idno[@type='outgoing']/text()") == ["355"]
    assert xp(root, "//t:opener//t:seg[@type='copy']/t:num/@value") == ["1"]


# -- handling marks --------------------------------------------------------------------------


@pytest.mark.parametrize("line, marks", [
    ("(Special dossier)", ["Special dossier"]),
    ("Top Secret (Special dossier)", ["Top Secret", "Special dossier"]),
    ("(Destroy after reading)", ["Destroy after reading"]),
    ("Should be destroyed when finished", ["Should be destroyed when finished"]),
    ("Top  Secret", ["Top  Secret"]),  # two spaces between the words: one mark
])
def test_dossier_destruction_and_spaced_marks_are_classifications(line, marks):
    root = convert(_web_page(line))
    assert xp(root, "//t:opener//t:seg[@type='classification']/text()") == marks


@pytest.mark.parametrize("line", ["Destroy the enemy's positions", "Special dossier containing a resolution"])
def test_words_of_a_mark_in_a_sentence_are_no_mark(line):
    assert classify_line(line)[0] != "mark"


# -- the summary ---------------------------------------------------------------------------------


def test_a_paragraph_over_a_date_line_without_a_day_stays_the_summary():
    from convert_checks import facts_of
    from teiedition.convert import convert_text

    summary = "A group of officials of the embassy interviewed witnesses of the events in the two cities."
    page = page_under_a_lead(summary, "September 1945", "Notes on the Compilation")
    assert facts_of(convert_text(page, doc_id="d1", run_date="2026-01-01").tei)["summary_starts"] == summary[:40]


def test_a_cut_page_s_line_under_a_dated_sign_off_is_the_summary_when_long_paragraphs_stand_above():
    """The text's paragraphs need not end as sentences end (``… A translation follows:``): sixteen words make prose."""
    from convert_checks import facts_of
    from teiedition.convert import convert_text

    long_colon = ("On the first day of the month the newspaper of the capital published an article by its reporter "
                  "on the visit of the minister to the north. A translation follows:")
    page = ("Skip to content\n\nNovember 21, 1957\n\nCable from the Embassy on a Newspaper Article\n\n"
            "This document was made possible with support from MacArthur Foundation\n\n"
            "Ministry of Foreign Affairs:\n\n" + long_colon + "\n\n" + PROSE + "\n\n"
            "Embassy in the Capital\n\n21 November 1957\n\n"
            "A reporter published an article on the minister's visit to the north and his talks with the Chair")
    assert facts_of(convert_text(page, doc_id="d1", run_date="2026-01-01").tei)["summary_starts"] == \
        "A reporter published an article on the m"


# -- the citation ------------------------------------------------------------------------------


def test_a_misread_folio_label_with_its_stop_gives_the_folios():
    from teiedition.recognising.citation import parse_citation

    assert parse_citation("AVPRF, f. 6, op. 6, p. 42, d. 546, I. 53 -70").units["folios"] == "53 -70"
    assert "folios" not in parse_citation("SAPMO-BArch, DY 30/IV 2/2.035/127").units


@pytest.mark.parametrize("source", [
    "Papers of the Commission: Diplomatic Papers, 1950, Volume II, eds. A. Smith, B. Jones "
    "(Washington: Government Printing Office, 1976), 12-15.",
    "Collected Papers of the Conference, Volume 3, edited by C. Brown, 40-42.",
])
def test_a_printed_volume_is_no_archive(source):
    from teiedition.recognising.citation import parse_citation

    assert parse_citation(source) is None


@pytest.mark.parametrize("line, number, place", [
    ("Moscow, 9 June 1969, No. 340", "340", "Moscow"),     # a dateline with its place, then the number
    ("No. 0234, Moscow, 3 May 1962", "0234", None),        # the number, then the place and the date
])
def test_an_outgoing_number_beside_a_dateline_with_its_place(line, number, place):
    root = convert(_web_page(line))
    assert xp(root, "//t:opener//t:idno[@type='outgoing']/text()") == [number]
    assert xp(root, "//t:opener/t:dateline/t:date/@when") in (["1969-06-09"], ["1962-05-03"])
    if place:
        assert xp(root, "//t:opener/t:dateline/t:placeName/text()") == [place]


def test_an_outgoing_number_flattened_after_an_author_printed_surname_first():
    root = convert(_web_page("SECRET, copy No. 2\n\nFrom the journal of\n\nPetrov, A.P. Original No. 255\n\n29 June 1977"))
    assert xp(root, "//t:opener//t:idno[@type='outgoing']/text()") == ["255"]


@pytest.mark.parametrize("line, kind", [("CONFI[DENTIAL]", "classification"), ("[TOP] SECRET", "classification"),
                                        ("URG[ENT]", "precedence")])
def test_a_mark_the_translator_completed_in_brackets_is_the_mark(line, kind):
    root = convert(_web_page(line))
    seg = xp(root, f"//t:opener/t:seg[@type='{kind}']")
    assert len(seg) == 1 and "".join(seg[0].itertext()) == line.replace("[", "").replace("]", "")
    assert xp(seg[0], "t:supplied")  # the completion stays the translator's


@pytest.mark.parametrize("line", ["[Secret]", "SECRET [stamp]", "[Stamp: Secret]"])
def test_a_bracket_that_is_no_completion_leaves_the_line_alone(line):
    assert classify_line(line)[3] != "completed_mark"


def test_a_handling_mark_wrapped_over_short_lines_is_one_mark():
    wrapped = "After use, this cable\n\nis to be destroyed according to\n\nthe rules regarding the\n\nhandling of secret papers"
    root = convert(_web_page("Ministry of Foreign Affairs\n\n" + wrapped + "\n\nCopy no: 1"))
    marks = xp(root, "//t:opener/t:seg[@type='classification']")
    assert len(marks) == 1
    assert " ".join("".join(marks[0].itertext()).split()) == (
        "After use, this cable is to be destroyed according to the rules regarding the handling of secret papers")


def test_short_lines_that_do_not_join_into_a_mark_stay_apart():
    root = convert(_web_page("Ministry of Foreign Affairs\n\nof the Republic\n\nTop Secret"))
    assert xp(root, "//t:opener/t:seg[@type='classification']/text()") == ["Top Secret"]
    assert "Ministry of Foreign Affairs" in "".join(root.itertext())


@pytest.mark.parametrize("line", ["nº 16/QA", "Nr. 00127 12 XII 1970/1333"])
def test_the_review_knows_the_converter_s_number_signs(line):
    from teiedition.convert import convert_text

    review = convert_text(_web_page(line), doc_id="d1", run_date="2026-01-01").review
    assert [it for it in review if it.code == "number-unsigned"] == []


def test_a_cut_page_s_line_under_a_title_with_a_comma_and_a_name_is_the_summary():
    """``The Ambassador,`` / ``G.W. Smith.`` / summary: the sign-off's title may end in a comma."""
    from convert_checks import facts_of
    from teiedition.convert import convert_text

    page = ("October 25, 1962\n\nLetter from the Embassy on the Situation\n\n"
            "This document was made possible with support from Leon Levy Foundation\n\n"
            + PROSE + "\n\n" + MORE + "\n\nThe Ambassador,\n\nG.W. Smith.\n\n"
            "Smith relates the response of the government to the crisis and the speeches of its leaders in the capi")
    assert facts_of(convert_text(page, doc_id="d1", run_date="2026-01-01").tei)["summary_starts"] == \
        "Smith relates the response of the govern"
