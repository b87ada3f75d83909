"""Families of archival references read by their shape (issue 17): invented references only.

Each family is a way a citation line is built, not one page's words: an archive's code in
parentheses after a name the table does not list, Hungarian party records printing each
label after its number, a box and item glued after a MOL series, an AMAE mission folder
followed by volume and pages, a Polish ciphergram series printing its units before the
archive's name, and an obtaining institution named with its institute and university.
"""

from __future__ import annotations

import json

import pytest

from conftest import DEV_CORPUS
from convert_checks import facts_of
from teiedition.convert import convert_text
from teiedition.recognising.citation import find_citation, find_credits

LEAD = '"Report on the Harvest," May 03, 1971, History and Public Policy Program Digital Archive, '
CREDIT = ". Obtained by Anna Ruritan and translated by Piotr Nowak."


def cites(reference: str) -> tuple[str, str, dict[str, str]]:
    """(repository, verbatim, units) read from an old-layout citation sentence holding `reference`."""
    text = LEAD + reference + CREDIT
    found = find_citation(text)
    assert found is not None, f"no citation in {text!r}"
    citation, start, end = found
    assert text[start:end] == citation.verbatim
    return citation.repository, citation.verbatim, citation.units


# -- an archive's code in parentheses after a name the table does not list -------------------


@pytest.mark.parametrize("name", ["State Archives of Ruritania", "Ruritanian Party Archives, Budapest"])
def test_a_code_in_parentheses_after_an_unlisted_name_starts_the_reference_at_the_name(name):
    reference = f"{name} (MNL OL), XIX-J-1-j Korea, 7. doboz, 3, 004411/1962"
    assert cites(reference) == ("MOL", reference, {"fond": "XIX-J-1-j", "series": "Korea", "box": "7",
                                                   "folder": "3", "item": "004411/1962"})


def test_a_code_in_parentheses_after_words_that_name_no_archive_starts_at_the_code():
    repository, verbatim, _ = cites("the minutes kept at home (MOL), XIX-J-1-j Korea, 7. doboz")
    assert (repository, verbatim) == ("MOL", "MOL), XIX-J-1-j Korea, 7. doboz")


# -- Hungarian party records: the label after its number --------------------------------------


@pytest.mark.parametrize("units, expected", [
    ("M-KS 276. f. 62. cs. 41/1977 ő.e., pp. 10-12", {"fond": "276", "series": "62", "item": "41/1977"}),
    ("M-KS 276 f. 9/301. o. e", {"fond": "276", "series": "9", "item": "301"}),
    ("M-KS 276. f. 47/1961/12. ő.e", {"fond": "276", "series": "47", "item": "1961/12"}),
])
def test_party_records_read_fond_series_and_item_from_the_labels_after_the_numbers(units, expected):
    reference = f"MOL, {units}"
    assert cites(reference) == ("MOL", reference, expected)


def test_a_party_reference_ending_in_an_accented_label_keeps_the_label():
    _, verbatim, units = cites("MNL OL, M-KS 276. f. 62. cs. 58. ő.e")
    assert verbatim.endswith("58. ő.e")
    assert units == {"fond": "276", "series": "62", "item": "58"}


# -- a MOL box and item glued after the series, a series after a comma -------------------------


def test_a_box_and_item_glued_after_the_series_are_box_and_item():
    reference = "MNL OL XIX-J-1-j Mongolia 31-002215/1977"
    assert cites(reference) == ("MOL", reference, {"fond": "XIX-J-1-j", "series": "Mongolia", "box": "31",
                                                   "item": "002215/1977"})


def test_a_series_printed_after_a_comma_is_the_series_not_the_folder():
    _, _, units = cites("MOL, XIX-J-1-j, Vietnam, 1966, 14. doboz, 8/c, 003301/1966")
    assert units == {"fond": "XIX-J-1-j", "series": "Vietnam", "year": "1966", "box": "14",
                     "folder": "8/c", "item": "003301/1966"}


# -- AMAE: the mission's folder, then volume and pages -----------------------------------------


@pytest.mark.parametrize("folder", ["Berlin/1975", "Sofia/1980"])
def test_an_amae_mission_folder_then_volume_and_pages(folder):
    reference = f"AMAE, {folder}, vol. 4, pp. 101-103"
    assert cites(reference) == ("AMAE", reference, {"folder": folder, "folios": "101-103"})


def test_a_number_ending_an_amae_issue_title_is_no_page():
    _, _, units = cites("AMAE, Folder 305/1969, Issue 8: Relations with Ruritania, 1969")
    assert units == {"folder": "305/1969", "issue": "8"}


# -- a Polish ciphergram series: units before the archive's name, ended by a full stop -------------


def test_a_ciphergram_series_before_the_archive_name_is_part_of_the_reference():
    reference = "Szyfrogramy z Ruritanii 1971, 4/80 w-12 t-345. Polish Foreign Ministry Archive (AMSZ), Warsaw"
    assert cites(reference) == ("AMSZ", reference, {"zespol": "4/80", "wiazka": "12", "teczka": "345"})


def test_a_sentence_before_the_archive_name_holding_one_number_is_not_its_units():
    repository, verbatim, units = cites("Sent in 1971. Polish Foreign Ministry Archive, DV Z4 T12 W7")
    assert (repository, verbatim) == ("AMSZ", "Polish Foreign Ministry Archive, DV Z4 T12 W7")
    assert units == {"department": "DV", "zespol": "4", "teczka": "12", "wiazka": "7"}


# -- an obtaining institution with its institute and university ---------------------------------


def test_an_institution_with_its_institute_and_university_is_one_obtainer():
    credits, _, _ = find_credits("Obtained by Ruritanian Records Archive, RRI, Northern University, "
                                 "and translated by Piotr Nowak.")
    assert credits.obtainers == ("Ruritanian Records Archive, RRI, Northern University",)
    assert credits.translators == ("Piotr Nowak",)


def test_people_and_bodies_listed_with_commas_stay_apart():
    credits, _, _ = find_credits("Obtained by Anna Ruritan, Northern University, and Piotr Nowak.")
    assert credits.obtainers == ("Anna Ruritan", "Northern University", "Piotr Nowak")


# -- the converted TEI: the msIdentifier carries the units -------------------------------------


@pytest.mark.parametrize("reference, archive", [
    ("National Archives of Ruritania (MNL OL), M-KS 276 f. 62. cs. 41/1977 ő.e., pp. 10-12",
     {"repository": "MOL", "units": {"fond": "276", "series": "62", "item": "41/1977"}}),
    ("AMAE, Sofia/1980, vol. 4, pp. 101-103",
     {"repository": "AMAE", "units": {"folder": "Sofia/1980", "folios": "101-103"}}),
    ("Szyfrogramy z Ruritanii 1971, 4/80 w-12 t-345. Polish Foreign Ministry Archive (AMSZ), Warsaw",
     {"repository": "AMSZ", "units": {"zespol": "4/80", "wiazka": "12", "teczka": "345"}}),
])
def test_the_converted_header_identifies_the_original_by_these_units(reference, archive):
    page = (DEV_CORPUS / "dev06.txt").read_text(encoding="utf-8")
    printed = json.loads((DEV_CORPUS / "dev06.facts.json").read_text(encoding="utf-8"))["archive"]["citation"]
    assert printed in page
    tei = convert_text(page.replace(printed, reference), doc_id="d1", source_name="d1.txt",
                       run_date="2026-01-01").tei
    assert facts_of(tei)["archive"] == {**archive, "citation": reference}


# -- an archive's name printed in the other number or word order ------------------------------


@pytest.mark.parametrize("name", ["Archives of the Romanian Ministry of Foreign Affairs",
                                  "Romanian Ministry of Foreign Affairs Archives"])
def test_an_archive_name_in_the_plural_or_with_archive_last_is_the_same_archive(name):
    reference = f"{name}, Folder no. 4410/1968"
    assert cites(reference) == ("AMAE", reference, {"folder": "4410/1968"})


def test_a_code_in_parentheses_after_a_name_with_a_comma_starts_at_the_name():
    reference = "Archive of Foreign Policy, Russian Federation (AVP RF), f. 0203, op. 4, p. 12, d. 9, l. 3-5"
    assert cites(reference) == ("AVPRF", reference, {"fond": "0203", "opis": "4", "papka": "12", "delo": "9",
                                                     "folios": "3-5"})


def test_a_letter_joined_to_a_code_by_a_hyphen_is_no_unit_label():
    _, _, units = cites("Ruritanian Central Archive, D-I-R-0-1120-4/70, 12")
    assert "delo" not in units


# -- labels before a capital, a code with its file before further units, Polish units spelled out --


def test_an_abbreviated_label_before_a_capital_keeps_its_value():
    _, _, units = cites("GARF, f. R-7021, op. 3, d. 118")
    assert units == {"fond": "R-7021", "opis": "3", "delo": "118"}


def test_a_collection_code_and_its_file_before_further_units():
    _, _, units = cites("Arhiv Jugoslavije (AJ), KPR I-5-b/41, box 9")
    assert units == {"fond": "KPR", "file": "I-5-b/41"}


def test_polish_units_spelled_out():
    _, _, units = cites("Archiwum Ministerstwa Spraw Zagranicznych, zespół 9/81, wiązka 14, teczka 205")
    assert units == {"zespol": "9/81", "wiazka": "14", "teczka": "205"}


def test_a_prc_file_number_after_no_and_labelled_pages():
    reference = "PRC Foreign Ministry Archive No. 118-00291-04, pp. 7-11"
    assert cites(reference) == ("PRC FMA", reference, {"file": "118-00291-04", "folios": "7-11"})


def test_a_ciphergram_series_before_the_archive_name_ended_by_a_semicolon():
    reference = "Szyfrogramy z Ruritanii 1971, 4/80 w-12 t-345; AMSZ, Warsaw"
    assert cites(reference) == ("AMSZ", reference, {"zespol": "4/80", "wiazka": "12", "teczka": "345"})


# -- a file number that opens with letters after "No." (hdr4) ---------------------------------------


@pytest.mark.parametrize("tail, units", [
    ("Ministry of External Affairs, File No. ABC/1234/5/66", {"file": "ABC/1234/5/66"}),
    ("File No. 17(1773)/76", {"file": "17(1773)/76"}),
    ("Box No. 12, Folder No. 3", {"box": "12", "folder": "3"}),
])
def test_a_number_sign_s_stop_before_a_capital_is_no_break_of_the_reference(tail, units):
    from teiedition.recognising.archive_units import labelled_units

    assert labelled_units(tail) == units


# -- a publication remark after the units; printed forms of known archives (hdr4) --------------------


@pytest.mark.parametrize("tail, verbatim, units", [
    ("TsKhSD, f. 12, op. 4, d. 30, ll. 6-9., first published in CWIHP Working Paper 7",
     "TsKhSD, f. 12, op. 4, d. 30, ll. 6-9", {"fond": "12", "opis": "4", "delo": "30", "folios": "6-9"}),
    ("TsKhSD, F. 3, Op. 12, D. 1010, Ll. 14-15, compiled by A. B. Ivanov. Published in CWIHP Bulletin 8-9",
     "TsKhSD, F. 3, Op. 12, D. 1010, Ll. 14-15", {"fond": "3", "opis": "12", "delo": "1010", "folios": "14-15"}),
])
def test_a_publication_remark_after_the_units_ends_the_reference(tail, verbatim, units):
    text = LEAD + tail + "."
    citation, _start, _end = find_citation(text)
    assert (citation.repository, citation.verbatim, citation.units) == ("RGANI", verbatim, units)


@pytest.mark.parametrize("reference, code", [
    ("Magyar Orszagos Leveltar, XIX-J-1-j Korea, 7. doboz, 3, 004411/1962", "MOL"),
    ("BA-SAPMO, DY 30/IV 2/2A/1721", "SAPMO-BArch"),
    ("SAPMO-BA, DY 30, IV 2/20/134", "SAPMO-BArch"),
    ("PAAA, MfAA, C 294/78", "PolA AA"),
])
def test_printed_forms_of_known_archives_give_their_code(reference, code):
    assert cites(reference)[0] == code


def test_an_obtained_by_statement_after_a_quoted_title_s_stop_is_a_credit_not_the_reference():
    text = LEAD + 'SAPMO-BArch, DY 30/3612, "Report on the Harvest." Obtained by Anna Ruritan.'
    citation, _start, _end = find_citation(text)
    assert citation.verbatim == 'SAPMO-BArch, DY 30/3612, "Report on the Harvest."'
    assert find_credits(text)[0].obtainers == ("Anna Ruritan",)


@pytest.mark.parametrize("reference, units", [
    ("BA-SAPMO IV 2/2A/1721", {"file": "IV 2/2A/1721"}),
    ("SAPMO-BArch, DY30 IV 2/2.035/127", {"fond": "DY30", "file": "IV 2/2.035/127"}),  # a space, no slash
    ("SAPMO-BArch, DY 30/IV A 2/20/442, 1-5", {"fond": "DY 30", "file": "IV A 2/20/442", "folios": "1-5"}),
])
def test_a_sapmo_signature_opening_with_a_party_series_is_the_file_alone(reference, units):
    assert cites(reference)[2] == units


def test_the_hungarian_party_archive_s_hyphenated_code_gives_fond_series_and_item():
    assert cites("MOL M-KS-288-11/4458 o.e.")[2] == {"fond": "288", "series": "11", "item": "4458"}
