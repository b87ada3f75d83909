"""Dates as the archive prints them: ISO values, certainty, and no false positives."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import dev_documents, seed_documents
from teiedition.recognising.dates import ParsedDate, find_dates, parse_date


def assert_date(text: str, when: str | None, cert: str | None = None) -> None:
    parsed = parse_date(text)
    assert parsed == ParsedDate(text.strip(), when, cert), f"{text!r} -> {parsed}"


def assert_finds(text: str, *printed_and_when: tuple[str, str | None]) -> None:
    """`text` holds exactly these dates, in order, with these ISO values."""
    found = [(text[s:e], d.when) for s, e, d in find_dates(text)]
    assert found == list(printed_and_when), f"in {text!r}"


def assert_no_dates(text: str) -> None:
    assert find_dates(text) == [], f"false date in {text!r}"


# ---------------------------------------------------------------- forms that are dates

@pytest.mark.parametrize(
    "text, when",
    [
        ("June 9, 1969", "1969-06-09"),
        ("June 02, 1959", "1959-06-02"),
        ("9 June 1969", "1969-06-09"),
        ("12 June 1969", "1969-06-12"),
        ("27 MAY 1968", "1968-05-27"),
        ("2 OCTOBER 1970", "1970-10-02"),
        ("April  14th, 1978", "1978-04-14"),
        ("March 8th 1972", "1972-03-08"),
        ("28 th September, 1955", "1955-09-28"),
        ("14th of June 1969", "1969-06-14"),
        ("Jan. 5, 1969", "1969-01-05"),
        ("5 Sept. 1969", "1969-09-05"),
        ("1969-06-09", "1969-06-09"),
    ],
)
def test_day_month_year_forms_give_full_iso_dates(text, when):
    assert_date(text, when)


@pytest.mark.parametrize("text, when", [("9 Junes 1969", "1969-06-09"), ("9 February1968", "1968-02-09")])
def test_printing_slips_are_still_dates_kept_as_printed(text, when):
    assert_date(text, when)


@pytest.mark.parametrize(
    "text, when", [("June 1960", "1960-06"), ("April 1964", "1964-04"), ("Sept. 1969", "1969-09"), ("June, 1960", "1960-06")]
)
def test_month_and_year_give_month_precision(text, when):
    assert_date(text, when)


@pytest.mark.parametrize(
    "text, when",
    [("5.XI.62", "1962-11-05"), ("28.VIII.1962", "1962-08-28"), ("4.VI.1949", "1949-06-04"), ("4.XII.59", "1959-12-04")],
)
def test_roman_numeral_months(text, when):
    assert_date(text, when)


def test_roman_numeral_month_with_slashes():
    assert_date("19/XI/54", "1954-11-19")


@pytest.mark.parametrize("text", ["15.IV", "19 XI", "19/XI", "9 February", "June 9", "11 July"])
def test_day_and_month_without_year_is_a_date_with_unknowable_when(text):
    assert_date(text, None)


@pytest.mark.parametrize(
    "text, when", [("17.12.47", "1947-12-17"), ("13.10.50", "1950-10-13"), ("8.07.50", "1950-07-08")]
)
def test_dotted_numeric_dates_are_day_first(text, when):
    assert_date(text, when)


def test_slashed_date_that_can_only_be_us_order_is_sure():
    assert_date("10/14/50", "1950-10-14")


def test_slashed_date_that_can_only_be_european_order_is_sure():
    assert_date("14/10/50", "1950-10-14")


def test_ambiguous_slashed_date_reads_us_order_with_medium_certainty():
    assert_date("07/11/50", "1950-07-11", "medium")


def test_two_digit_years_are_in_the_twentieth_century():
    assert parse_date("1.I.05").when == "1905-01-01"


def test_a_field_holding_only_a_year_is_a_year():
    assert_date("1969", "1969")


def test_surrounding_whitespace_is_ignored_by_parse_date():
    assert parse_date("  June 9, 1969\n").text == "June 9, 1969"


@pytest.mark.parametrize("text", ["31 February 1969", "29 February 1969", "31.IV.62", "13/13/50", "June 32, 1969", "0 June 1969"])
def test_impossible_dates_are_rejected(text):
    assert parse_date(text) is None


def test_leap_day_is_accepted_in_a_leap_year():
    assert_date("29 February 1968", "1968-02-29")


@pytest.mark.parametrize("text", ["", "in 1957", "June 9, 1969 and later", "may 5", "Junes 1969", "9 Junes", "next week"])
def test_parse_date_needs_the_whole_string_to_be_one_date(text):
    assert parse_date(text) is None


# ---------------------------------------------------------------- running text

@pytest.mark.parametrize(
    "text",
    [
        "Nº 1364/dv",
        "Outgoing Nº 340",
        "19 Communist Parties held in Moscow",
        "in the 1957/58 academic year",
        "listy 79-94",
        "grew by 2.5 percent",
        "1.3 million tons",
        "1 – to Cde. Kuznetsov",
        "in 1957 the Party",
        "credits granted in 1960-1966",
        "file 412/71/54",
        "CM No. 3310/54",
        "at 23:40",
        "he may 5 times",
        "folder 3310/XI",
        "SAPMO-BArch, DY 30/IV A 2/20/251, 14-21",
        "20 X-ray machines",
    ],
)
def test_numbers_that_are_not_dates_are_not_found(text):
    assert_no_dates(text)


def test_dates_in_running_text_have_exact_spans():
    text = "On 3 June Gao Gang returned; on 9 February1968 Kim Il Sung declared."
    assert_finds(text, ("3 June", None), ("9 February1968", "1968-02-09"))


def test_a_date_never_spans_a_line_break():
    assert_finds("June 9\n1969 was a year", ("June 9", None))


def test_range_start_without_year_takes_the_year_of_the_range_end():
    assert_finds(
        "for the Period of 1 September to 31 October 1954",
        ("1 September", "1954-09-01"),
        ("31 October 1954", "1954-10-31"),
    )


def test_two_dates_joined_by_and_share_the_printed_year():
    assert_finds("on 30 June and 1 July 1969", ("30 June", "1969-06-30"), ("1 July 1969", "1969-07-01"))


def test_range_across_new_year_gives_the_start_the_previous_year():
    assert_finds("from 15 December to 10 January 1970", ("15 December", "1969-12-15"), ("10 January 1970", "1970-01-10"))


def test_dates_separated_by_a_dash_are_two_dates():
    assert_finds(
        "Issue 3: January 5, 1972 – December 20, 1972.",
        ("January 5, 1972", "1972-01-05"),
        ("December 20, 1972", "1972-12-20"),
    )


def test_bare_days_sharing_a_month_are_each_dates():
    assert_finds(
        "the journal for 4, 9 and 16 November 1959",
        ("4", "1959-11-04"), ("9", "1959-11-09"), ("16 November 1959", "1959-11-16"),
    )


def test_day_range_before_a_month_gives_two_dates():
    assert_finds("Between 18–23 May 1969 I visited", ("18", "1969-05-18"), ("23 May 1969", "1969-05-23"))


def test_day_range_after_a_month_and_day_gives_two_dates():
    assert_finds("on June 9–10, 1969 the talks", ("June 9", "1969-06-09"), ("10, 1969", "1969-06-10"))


def test_numbers_after_a_number_sign_are_not_days_of_the_following_date():
    assert_finds("Nº 5 and 6 June 1969", ("6 June 1969", "1969-06-06"))


def test_document_date_gives_yearless_dates_the_nearest_year_with_medium_certainty():
    dates = find_dates("On 11 July at 1800 Zhou Enlai invited me", document_date="1950-07-11")
    assert [(d.text, d.when, d.cert) for _, _, d in dates] == [("11 July", "1950-07-11", "medium")]


def test_document_date_early_in_january_puts_december_in_the_year_before():
    dates = find_dates("the attack on 23 December", document_date="1968-01-10")
    assert dates[0][2].when == "1967-12-23"


def test_document_date_does_not_touch_dates_that_print_their_year():
    dates = find_dates("on 9 June 1969 and 5.XI.62", document_date="1970-01-01")
    assert [(d.when, d.cert) for _, _, d in dates] == [("1969-06-09", None), ("1962-11-05", None)]


def test_parse_date_accepts_the_document_date_too():
    assert parse_date("15.IV", document_date="1957-04-11") == ParsedDate("15.IV", "1957-04-15", "medium")


@pytest.mark.parametrize("document_date", ["June 1949", "0000-00-00", "1969-13-45", "1969-02-30", ""])
def test_malformed_document_date_is_ignored(document_date):
    assert find_dates("on 3 June", document_date=document_date)[0][2].when is None


def test_document_year_alone_gives_its_year():
    assert find_dates("on 3 June", document_date="1949")[0][2].when == "1949-06-03"


def test_ambiguous_slashed_dates_follow_the_european_order_proved_in_the_same_text():
    dates = find_dates("Sent on 07/11/50, received on 25/11/50.")
    assert [(d.when, d.cert) for _, _, d in dates] == [("1950-11-07", "medium"), ("1950-11-25", None)]


def test_ambiguous_slashed_dates_are_low_certainty_when_the_text_proves_both_orders():
    dates = find_dates("Sent 07/11/50, 10/14/50 and 25/11/50.")
    assert (dates[0][2].when, dates[0][2].cert) == ("1950-07-11", "low")


def test_date_inside_a_stamp_bracket():
    assert_finds("[faded stamp: USSR Council of Ministers 18734, 2 OCTOBER 1970]", ("2 OCTOBER 1970", "1970-10-02"))


def test_roman_date_before_a_closing_quote():
    assert_finds("“Cde. Kurdyukov – for information. 15.IV”]", ("15.IV", None))


def test_date_followed_by_time_of_day():
    assert_finds("Time: 11 October 1963, 3:30 p.m. to 6 p.m.", ("11 October 1963", "1963-10-11"))


def test_dated_outgoing_number_finds_only_the_date():
    assert_finds("9 June 1969 Nº 340", ("9 June 1969", "1969-06-09"))


# ---------------------------------------------------------------- the corpus

def _facts(path):
    return json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", dev_documents(), ids=lambda p: p.stem)
def test_page_date_line_parses_to_the_facts_date(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    whens = [d.when for d in (parse_date(line) for line in lines[:12]) if d is not None]
    assert _facts(path)["date"] in whens


def _stamp_cases():
    for path in dev_documents():
        for stamp in _facts(path)["stamps"]:
            if stamp["date"]:
                yield pytest.param(path, stamp, id=f"{path.stem}-{stamp['text_starts'][:12]}")


@pytest.mark.parametrize("path, stamp", list(_stamp_cases()))
def test_stamp_dates_of_the_corpus_are_found(path, stamp):
    text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
    start = text.index(stamp["text_starts"])
    line = text[start : text.find("]", start) if "]" in text[start:] else start + 200]
    assert stamp["date"] in [d.when for _, _, d in find_dates(line)]


def _quote_cases():
    for path in dev_documents():
        for quote in _facts(path)["quotes_with_source"]:
            yield pytest.param(path, quote, id=f"{path.stem}-{quote['source_title']}-{quote['date']}")


@pytest.mark.parametrize("path, quote", list(_quote_cases()))
def test_newspaper_source_dates_of_the_corpus_are_found(path, quote):
    text = path.read_text(encoding="utf-8")
    sources = re.findall(r"\((" + re.escape(quote["source_title"]) + r"[^)]*)\)", text)
    found = {d.when for source in sources for _, _, d in find_dates(source)}
    assert quote["date"] in found


def test_the_seed_slip_and_missing_space_dates_are_found():
    text = seed_documents()[0].read_text(encoding="utf-8")
    whens = {d.text: d.when for _, _, d in find_dates(text)}
    assert whens["9 Junes 1969"] == "1969-06-09"
    assert whens["9 February1968"] == "1968-02-09"
    assert "19 Communist" not in " ".join(whens)


# ---------------------------------------------------------------- properties

_date_text = st.text(
    alphabet=st.sampled_from(list("0123456789 ./-–,thsIVXJuneMayOctober\n")), max_size=40
)


@given(_date_text)
def test_found_dates_are_ordered_non_overlapping_and_match_their_text(text):
    previous_end = 0
    for start, end, date in find_dates(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == date.text
        assert date.when is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", date.when)
        previous_end = end


@given(st.text(max_size=60), st.sampled_from([None, "1969-06-09", "1950-01", "1949"]))
def test_parse_and_find_never_raise_on_any_text(text, document_date):
    parse_date(text, document_date=document_date)
    find_dates(text, document_date=document_date)


def test_a_dotted_date_that_is_a_date_only_month_first_is_read_so():
    from teiedition.recognising.dates import find_dates

    assert [d.when for _a, _b, d in find_dates("dispatched on 02.13.63 at 20:40")] == ["1963-02-13"]
    assert [d.when for _a, _b, d in find_dates("on 08.07.50")] == ["1950-07-08"]  # both valid: day first


@pytest.mark.parametrize("text, when", [("19 XI 1954", "1954-11-19"), ("31.X 1962", "1962-10-31"),
                                        ("Received: 1.XI 62. at 15.00", "1962-11-01"), ("on 19 X 56.", "1956-10-19")])
def test_a_roman_month_s_year_after_a_space_belongs_to_the_date(text, when):
    """hdr3: the year printed after a space (Polish, Yugoslav forms) is the date's, not left outside it."""
    from teiedition.recognising.dates import find_dates

    assert [d.when for _a, _b, d in find_dates(text)] == [when]


def test_a_short_dotted_date_whose_middle_number_is_no_month_is_read_month_first():
    from teiedition.recognising.dates import find_dates

    assert [d.when for _a, _b, d in find_dates("2.24.72")] == ["1972-02-24"]
    assert find_dates("3.45.72") == []  # neither order is a date
