"""Archival references, credit statements and donor lines."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import dev_documents, seed_documents
from teiedition.recognising.citation import (
    REPOSITORIES,
    Citation,
    find_citation,
    find_credits,
    parse_citation,
    parse_credits,
    split_funders,
)


def assert_cites(text: str, repository: str, verbatim: str, units: dict[str, str]) -> Citation:
    found = find_citation(text)
    assert found is not None, f"no citation in {text!r}"
    citation, start, end = found
    assert (citation.repository, citation.verbatim, citation.units) == (repository, verbatim, units)
    assert list(citation.units) == list(units), "units keep their printed order"
    assert text[start:end] == citation.verbatim
    return citation


def assert_credits(text: str, translators=(), obtainers=(), programme=None, statement=None):
    found = find_credits(text)
    assert found is not None, f"no credits in {text!r}"
    credits, start, end = found
    assert (credits.translators, credits.obtainers, credits.programme) == (
        tuple(translators), tuple(obtainers), programme)
    assert text[start:end] == credits.statement
    if statement is not None:
        assert credits.statement == statement
    return credits


# ---------------------------------------------------------------- every repository's printed form

def test_russian_reference_with_folio_range():
    citation = assert_cites(
        "RGANI, fond 5, opis 61, delo 462, listy 79-94. Obtained by Sergey Radchenko.",
        "RGANI", "RGANI, fond 5, opis 61, delo 462, listy 79-94",
        {"fond": "5", "opis": "61", "delo": "462", "folios": "79-94"},
    )
    assert (citation.folio_from, citation.folio_to) == ("79", "94")
    assert (citation.settlement, citation.country) == ("Moscow", "Russia")
    assert citation.repository_name == "Russian State Archive of Contemporary History"


def test_single_folio_is_both_ends_of_the_range():
    citation = assert_cites("GARF, fond 5446, opis 132, delo 418, list 57.", "GARF",
                            "GARF, fond 5446, opis 132, delo 418, list 57",
                            {"fond": "5446", "opis": "132", "delo": "418", "folios": "57"})
    assert (citation.folio_from, citation.folio_to) == ("57", "57")


def test_rgaspi_dotted_abbreviated_units():
    assert_cites("RGASPI. F.558. Op.11. D.99. L.57-59. Translated by Gary Goldberg.", "RGASPI",
                 "RGASPI. F.558. Op.11. D.99. L.57-59",
                 {"fond": "558", "opis": "11", "delo": "99", "folios": "57-59"})


def test_russian_abbreviated_units_with_papka():
    assert_cites("AVPRF, f. 0102, op. 7, p. 27, d. 45, ll. 12-14.", "AVPRF",
                 "AVPRF, f. 0102, op. 7, p. 27, d. 45, ll. 12-14",
                 {"fond": "0102", "opis": "7", "papka": "27", "delo": "45", "folios": "12-14"})


def test_avprf_spelled_out_keeps_printed_unit_order():
    assert_cites(
        "Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20.",
        "AVPRF",
        "Archive of the Foreign Policy of the Russian Federation, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 10-20",
        {"fond": "059a", "opis": "5a", "delo": "3", "papka": "11", "folios": "10-20"},
    )


def test_chinese_foreign_ministry_file_and_pages():
    citation = assert_cites("PRC FMA 106-01188-03, 12-19. Translated by Wen Ruolan.", "PRC FMA",
                            "PRC FMA 106-01188-03, 12-19", {"file": "106-01188-03", "folios": "12-19"})
    assert citation.settlement == "Beijing"


def test_hungarian_reference_with_box_folder_and_item():
    assert_cites("MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959. Translated for NKIDP by Balazs Szalontai.",
                 "MOL", "MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959",
                 {"fond": "XIX-J-1-j", "series": "Korea", "box": "6", "folder": "11/b", "item": "005210/1959"})


def test_polish_foreign_ministry_archive_by_name():
    citation = assert_cites("Polish Foreign Ministry Archive, DV Z9 T611 W43. Translated by Tomasz Wierzbicki.",
                            "AMSZ", "Polish Foreign Ministry Archive, DV Z9 T611 W43",
                            {"department": "DV", "zespol": "9", "teczka": "611", "wiazka": "43"})
    assert (citation.settlement, citation.country) == ("Warsaw", "Poland")


def test_polish_reference_with_hyphenated_units():
    assert_cites("AMSZ, Z-10, W-25, T-219.", "AMSZ", "AMSZ, Z-10, W-25, T-219",
                 {"zespol": "10", "wiazka": "25", "teczka": "219"})


def test_sapmo_fond_file_and_folios():
    assert_cites("SAPMO-BArch, DY 30/IV A 2/20/251, 14-21. Translated from German by Bernd Schaefer.",
                 "SAPMO-BArch", "SAPMO-BArch, DY 30/IV A 2/20/251, 14-21",
                 {"fond": "DY 30", "file": "IV A 2/20/251", "folios": "14-21"})


def test_sapmo_with_fond_and_file_in_separate_parts():
    assert_cites("SAPMO-BArch, DY 30, IV 2/2.035/129, Bl. 12-15.", "SAPMO-BArch",
                 "SAPMO-BArch, DY 30, IV 2/2.035/129, Bl. 12-15",
                 {"fond": "DY 30", "file": "IV 2/2.035/129", "folios": "12-15"})


def test_political_archive_spelled_out_with_city_and_code():
    citation = assert_cites(
        "Political Archive of the Federal Foreign Office, Berlin (PolA AA), MfAA, C 294/78. Translated by Bernd Schaefer.",
        "PolA AA", "Political Archive of the Federal Foreign Office, Berlin (PolA AA), MfAA, C 294/78",
        {"fond": "MfAA", "file": "C 294/78"},
    )
    assert citation.settlement == "Berlin"


def test_political_archive_collection_code_alone_is_the_fond():
    assert_cites("Political Archive of the Federal Foreign Office, Berlin (PolA AA), MfAA. "
                 "Translated for NKIDP by Bernd Schaefer.", "PolA AA", "Political Archive of the Federal Foreign Office, Berlin (PolA AA), MfAA", {"fond": "MfAA"})


def test_copy_courtesy_of_names_who_provided_the_copy_outside_the_reference():
    text = "AVP RF, copy courtesy of NSA; translation by Mark H. Doctoroff"
    assert_cites(text, "AVPRF", "AVP RF", {})
    assert_credits(text, translators=("Mark H. Doctoroff",), obtainers=("NSA",))


def test_romanian_reference_with_folder_and_issue_title():
    assert_cites(
        "AMAE, Folder 211/1972, Issue 3: Political relations, January 5, 1972 – December 20, 1972. Obtained and translated for CWIHP by Ana Stoica.",
        "AMAE", "AMAE, Folder 211/1972, Issue 3: Political relations, January 5, 1972 – December 20, 1972",
        {"folder": "211/1972", "issue": "3"},
    )


def test_romanian_reference_spelled_out_with_year_and_issue():
    assert_cites(
        "Archive of the Romanian Ministry of Foreign Affairs (AMAE), Year: 1954; Issue 20; Country: Korea. Obtained and translated by Eliza Gheorghe.",
        "AMAE", "Archive of the Romanian Ministry of Foreign Affairs (AMAE), Year: 1954; Issue 20; Country: Korea",
        {"year": "1954", "issue": "20"},
    )


def test_archives_of_yugoslavia():
    citation = assert_cites("Archives of Yugoslavia (AJ), KPR I-1/655. Obtained and translated by Jovan Cavoski.",
                            "AJ", "Archives of Yugoslavia (AJ), KPR I-1/655", {"fond": "KPR", "file": "I-1/655"})
    assert citation.settlement == "Belgrade"


def test_former_archive_name_is_its_successor():
    assert_cites("TsKhSD, f. 5, op. 30, d. 335, ll. 92-93.", "RGANI", "TsKhSD, f. 5, op. 30, d. 335, ll. 92-93",
                 {"fond": "5", "opis": "30", "delo": "335", "folios": "92-93"})


def test_every_repository_in_the_table_has_a_place_and_a_name():
    for repository in REPOSITORIES:
        assert repository.code and repository.name and repository.settlement and repository.country


def test_old_layout_citation_sentence_skips_title_and_date():
    text = ("\"Report, Embassy of Hungary in North Korea, 'The Chollima Movement',\" June 02, 1959, History and Public "
            "Policy Program Digital Archive, MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959. Translated for NKIDP "
            "by Balazs Szalontai. https://digitalarchive.wilsoncenter.org/document/116377")
    assert_cites(text, "MOL", "MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959",
                 {"fond": "XIX-J-1-j", "series": "Korea", "box": "6", "folder": "11/b", "item": "005210/1959"})


def test_reference_stops_at_a_url():
    assert_cites("RGANI, fond 5, opis 63, delo 541 https://example.org/x", "RGANI",
                 "RGANI, fond 5, opis 63, delo 541", {"fond": "5", "opis": "63", "delo": "541"})


def test_reference_stops_at_a_following_sentence():
    assert_cites("RGANI, fond 5, opis 63, delo 541, listy 18-29. Copy in the Embassy files.", "RGANI",
                 "RGANI, fond 5, opis 63, delo 541, listy 18-29",
                 {"fond": "5", "opis": "63", "delo": "541", "folios": "18-29"})


def test_unknown_archive_takes_its_leading_code_and_generic_units():
    citation = assert_cites("NARA, RG 59, Box 2345, Folder 3. Translated by John Smith.", "NARA",
                            "NARA, RG 59, Box 2345, Folder 3", {"box": "2345", "folder": "3"})
    assert (citation.settlement, citation.country) == ("", "")


def test_unknown_archive_spelled_out_takes_its_name():
    citation = assert_cites("National Archives of Australia, A1838, 3123/7/3. Obtained by John Smith.",
                            "National Archives of Australia", "National Archives of Australia, A1838, 3123/7/3",
                            {"fond": "A1838", "file": "3123/7/3"})
    assert citation.folio_from is None


@pytest.mark.parametrize(
    "text",
    ["", "Obtained and translated by Ana Stoica.", "The talks lasted two hours.", "Document Information",
     "This document was made possible with support from Leon Levy Foundation"],
)
def test_paragraphs_without_a_reference_give_none(text):
    assert find_citation(text) is None


def test_parse_citation_returns_the_citation_alone():
    assert parse_citation("GARF, fond 1, opis 2, delo 3.").units == {"fond": "1", "opis": "2", "delo": "3"}


# ---------------------------------------------------------------- credits

def test_obtained_by_and_translated_by():
    assert_credits("RGANI, fond 5. Obtained by Sergey Radchenko and translated by Gary Goldberg.",
                   ["Gary Goldberg"], ["Sergey Radchenko"],
                   statement="Obtained by Sergey Radchenko and translated by Gary Goldberg.")


def test_obtained_and_translated_by_one_person_puts_them_in_both_roles():
    assert_credits("Obtained and translated by Ana Stoica.", ["Ana Stoica"], ["Ana Stoica"])


@pytest.mark.parametrize("programme", ["CWIHP", "NKIDP"])
def test_translated_for_a_programme(programme):
    assert_credits(f"APRF, fond 45. Translated for {programme} by Irina Lukka.", ["Irina Lukka"], [], programme)


def test_programme_named_after_the_translator():
    assert_credits("Translated by Gary Goldberg for the Cold War International History Project.",
                   ["Gary Goldberg"], [], "Cold War International History Project")


def test_translated_from_a_language():
    assert_credits("Translated from German by Bernd Schaefer.", ["Bernd Schaefer"])


def test_contributed_by_and_translated_by():
    assert_credits("Contributed by Pavel Gorelov and translated by Gary Goldberg.", ["Gary Goldberg"], ["Pavel Gorelov"])


def test_provided_by_an_institution():
    assert_credits("Provided by the Russian State Archive and translated by Vladislav Zubok.",
                   ["Vladislav Zubok"], ["Russian State Archive"])


def test_translation_slightly_revised_names_a_translator():
    assert_credits("Obtained by Sergey Radchenko; translation by Gary Goldberg slightly revised.",
                   ["Gary Goldberg"], ["Sergey Radchenko"])


def test_several_names_joined_by_and_and_commas():
    assert_credits("Translated by Gary Goldberg, Sergey Radchenko, and Kathryn Weathersby.",
                   ["Gary Goldberg", "Sergey Radchenko", "Kathryn Weathersby"])
    assert_credits("Translated by Gary Goldberg and Sergey Radchenko.", ["Gary Goldberg", "Sergey Radchenko"])


def test_names_with_initials_and_particles():
    assert_credits("Translated by A. B. Smith and C. D. van Dijk.", ["A. B. Smith", "C. D. van Dijk"])


def test_names_with_diacritics():
    assert_credits("Translated by Štefan Šimko and Ádám Kovács.", ["Štefan Šimko", "Ádám Kovács"])


def test_consecutive_credit_sentences_form_one_statement():
    assert_credits("Obtained by Sergey Radchenko. Translated by Gary Goldberg. https://example.org",
                   ["Gary Goldberg"], ["Sergey Radchenko"],
                   statement="Obtained by Sergey Radchenko. Translated by Gary Goldberg.")


def test_credits_in_an_old_layout_citation_sentence_stop_before_the_url():
    text = "Digital Archive, MOL, XIX-J-1-j Korea. Translated for NKIDP by Balazs Szalontai. https://x.org/1"
    assert_credits(text, ["Balazs Szalontai"], [], "NKIDP", statement="Translated for NKIDP by Balazs Szalontai.")


def test_a_copy_provided_to_a_programme_credits_no_one_and_an_affiliation_is_no_second_translator():
    assert_credits("Archive of State, Berlin; copy obtained by ABC (Radio Nord), provided to XYZP, and on file at "
                   "Records Office, Bonn; translation by Maria Ostrova, Delft University. https://x.org/2",
                   ["Maria Ostrova"], ["ABC"])


def test_trans_abbreviation_names_a_translator():
    assert_credits("State Archive; copy obtained by ABC, provided to XYZP; trans. K. Lindqvist",
                   ["K. Lindqvist"], ["ABC"])


def test_an_institution_joined_by_and_stays_a_second_translator():
    assert_credits("Translated by Maria Ostrova and Delft University.", ["Maria Ostrova", "Delft University"])


@pytest.mark.parametrize("text", ["", "Translated by", "The document was translated into Korean.", "RGANI, fond 5."])
def test_text_without_a_credit_statement_gives_none(text):
    assert find_credits(text) is None


def test_parse_credits_returns_the_credits_alone():
    assert parse_credits("Translated by Gary Goldberg.").translators == ("Gary Goldberg",)


# ---------------------------------------------------------------- funders

@pytest.mark.parametrize(
    "line, funders",
    [
        ("This document was made possible with support from Kyungnam University", ["Kyungnam University"]),
        ("This document was made possible with support from the Leon Levy Foundation", ["Leon Levy Foundation"]),
        ("This document was made possible with support from Carnegie Corporation of New York (CCNY)",
         ["Carnegie Corporation of New York (CCNY)"]),
        ("This document was made possible with support from the MacArthur Foundation, Leon Levy Foundation",
         ["MacArthur Foundation", "Leon Levy Foundation"]),
        ("This document was made possible with support from the Henry Luce Foundation, the ROK Ministry of "
         "Unification, and the Leon Levy Foundation.",
         ["Henry Luce Foundation", "ROK Ministry of Unification", "Leon Levy Foundation"]),
    ],
)
def test_donor_line_names_its_funders(line, funders):
    assert split_funders(line) == funders


def test_donor_line_without_a_donor_gives_an_empty_list():
    assert split_funders("This document was made possible with support from ") == []


# ---------------------------------------------------------------- the corpus

def _facts(path):
    return json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))


def _citation_paragraph(path):
    """The page's Source paragraph (A/B) or citation sentence (C): where credits are printed."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return next((line for line in lines if re.search(r"\b(Obtained|Translated|Contributed)\b", line)), None)


@pytest.mark.parametrize("path", dev_documents(), ids=lambda p: p.stem)
def test_corpus_archive_matches_the_facts(path):
    expected = _facts(path)["archive"]
    paragraph = _citation_paragraph(path)
    found = find_citation(paragraph) if paragraph else None
    if expected is None:
        assert found is None
        return
    citation = found[0]
    assert (citation.repository, citation.verbatim, citation.units) == (
        expected["repository"], expected["citation"], expected["units"])


@pytest.mark.parametrize("path", dev_documents(), ids=lambda p: p.stem)
def test_corpus_credits_match_the_facts(path):
    facts = _facts(path)
    paragraph = _citation_paragraph(path)
    found = find_credits(paragraph) if paragraph else None
    translators, obtainers = (found[0].translators, found[0].obtainers) if found else ((), ())
    assert (list(translators), list(obtainers)) == (facts["translator"], facts["obtainer"])


@pytest.mark.parametrize("path", dev_documents() + seed_documents(), ids=lambda p: p.stem)
def test_corpus_donor_lines_give_the_facts_funders(path):
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if "made possible" in line)
    facts_path = path.with_suffix(".facts.json")
    expected = _facts(path)["funder"] if facts_path.exists() else ["Kyungnam University"]
    assert split_funders(line) == expected


def test_seed_source_paragraph():
    paragraph = _citation_paragraph(seed_documents()[0])
    assert_cites(paragraph, "RGANI", "RGANI, fond 5, opis 61, delo 462, listy 79-94",
                 {"fond": "5", "opis": "61", "delo": "462", "folios": "79-94"})
    assert_credits(paragraph, ["Gary Goldberg"], ["Sergey Radchenko"])


# ---------------------------------------------------------------- robustness

_reference_like = st.lists(
    st.sampled_from(["RGANI", "MOL", "AMAE", ", ", ". ", "fond", " 5", "-", "Obtained by", " and ", "Translated",
                     " by ", "X", "Y.", "(", ")", ":", ";", "Digital Archive, ", "https://x", "\n", "Nº"]),
    max_size=25,
).map("".join)


@given(_reference_like)
def test_finders_never_raise_and_spans_match_what_they_return(text):
    citation = find_citation(text)
    if citation is not None:
        assert text[citation[1] : citation[2]] == citation[0].verbatim
    credits = find_credits(text)
    if credits is not None:
        assert text[credits[1] : credits[2]] == credits[0].statement
    split_funders(text)


def test_a_known_code_in_parentheses_after_an_unlisted_name_starts_the_reference_at_the_name():
    """hdr3: ``National Archives of Hungary (MNL OL), …``: never ``MNL OL), …``."""
    from teiedition.recognising.citation import find_citation

    text = ("\"A Memorandum,\" October 15, 1984, History and Public Policy Program Digital Archive, "
            "National Archives of Hungary (MNL OL), XIX-J-1-j Korea, 4. doboz, 2/b, 001234/1984. Translated by X. Y.")
    citation, start, end = find_citation(text)
    assert text[start:end] == "National Archives of Hungary (MNL OL), XIX-J-1-j Korea, 4. doboz, 2/b, 001234/1984"
    assert citation.units["fond"] == "XIX-J-1-j" and citation.units["box"] == "4"
