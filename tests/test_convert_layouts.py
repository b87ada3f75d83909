"""Page layouts A-D: furniture goes to the header, the body to <text>."""

from __future__ import annotations

import pytest

from convert_checks import convert, norm, xp
from teiedition.convert import convert_text
from teiedition.errors import InputError
from teiedition.reading.source import read_page

LAYOUT_B_SUMMARY_FIRST = """May 2, 1955
Cable, Ivanov to Molotov
This document was made possible with support from Leon Levy Foundation
Ivanov reports the talks with the Korean side about trade and credits in some detail.
SECRET
Copy Nº 2
The talks began on 1 May and went on for three days without result.
Ivanov.
Author(s):
Document Information
"""

LAYOUT_D = """June 9, 1969

The foreign policy orientation of the Worker’s Party of Korea has changed.

[signature] (Yu. Fadeyev)

    The report states that the DPRK is influenced less by Beijing.
    "Soviet Embassy in North Korea, 'Concerning Changes'," June 09, 1969, History and Public Policy Program Digital Archive, RGANI, fond 5, opis 61, delo 462, listy 79-94. Obtained by Sergey Radchenko and translated by Gary Goldberg.
"""


def test_layout_b_summary_printed_first_goes_to_the_abstract():
    page = read_page(LAYOUT_B_SUMMARY_FIRST)
    assert page.header.layout == "B"
    assert page.header.summary.startswith("Ivanov reports the talks")
    assert [b.text for b in page.body][:2] == ["SECRET", "Copy Nº 2"]


def test_layout_d_reads_title_citation_and_summary_from_the_indented_lines():
    page = read_page(LAYOUT_D)
    h = page.header
    assert (h.layout, h.title, h.date_when) == ("D", "Soviet Embassy in North Korea, 'Concerning Changes'", "1969-06-09")
    assert h.citation.repository == "RGANI"
    assert h.summary == "The report states that the DPRK is influenced less by Beijing."
    assert h.credits.translators == ("Gary Goldberg",)
    assert all("Digital Archive" not in b.text for b in page.body)


def test_layout_d_converts_with_signature_in_the_closer():
    root = convert(LAYOUT_D)
    assert xp(root, "string(//t:closer/t:signed/t:persName)") == "Yu. Fadeyev"
    assert "Concerning Changes" not in norm("".join(xp(root, "//t:text")[0].itertext()))


def test_layout_c_citation_sentence_and_chrome_stay_out_of_the_text():
    text = ("Search in\nADD SEARCH FILTER CANCEL SEARCH FILTER\n\nDigital Archive International History Declassified\n\n"
            "June 02, 1959\n\nThis document was made possible with support from the Leon Levy Foundation, Kyungnam University\n\n"
            "  • Citation\n\n    get citation\n\n    The chargé describes a visit to the provinces.\n"
            "    \"Report, Embassy of Hungary, 'The Chollima Movement',\" June 02, 1959, History and Public Policy "
            "Program Digital Archive, MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959. Translated for NKIDP by "
            "Balazs Szalontai. https://digitalarchive.wilsoncenter.org/document/116377\n  • share document\n\n"
            "    https://digitalarchive.wilsoncenter.org/document/116377\n\nEnglish HTML\n\n"
            "REPORT, EMBASSY OF HUNGARY, 'THE CHOLLIMA MOVEMENT'\n\nI visited the province in May with the others.\n")
    root = convert(text)
    assert xp(root, "//t:titleStmt/t:funder/text()") == ["Leon Levy Foundation", "Kyungnam University"]
    body = norm("".join(xp(root, "//t:text")[0].itertext()))
    assert body == "I visited the province in May with the others."


def test_characters_xml_cannot_hold_are_refused():
    with pytest.raises(InputError):
        convert_text("text\x01with a control character", doc_id="doc-x")


def test_citation_of_an_unknown_archive_after_source_is_kept_in_the_header():
    text = ("Skip to content\n\nMay 5, 1960\n\nA Title\n\nThis document was made possible with support from X\n\n"
            "The Ambassador spoke at length about the trade talks in the capital.\n\n"
            "The summary says the Ambassador spoke about trade.\n\nDocument Information\n\nSource\n\n"
            "Archive of Nowhere, box 7, folder 3. Provided by A. Person.\n\nRights\n\n"
            "Reuse is permitted for research and for teaching purposes.\n")
    root = convert(text)
    assert xp(root, "string(//t:sourceDesc/t:bibl)") == "Archive of Nowhere, box 7, folder 3. Provided by A. Person."
    assert xp(root, "string(//t:availability/t:p)") == "Reuse is permitted for research and for teaching purposes."
    assert "Nowhere" not in norm("".join(xp(root, "//t:text")[0].itertext()))


def test_layout_c_without_share_document_still_finds_its_body():
    text = ("Search in\n\nJune 02, 1959\n\nThis document was made possible with support from the X Fund\n\n"
            "  • Citation\n\n    The chargé describes a visit.\n"
            "    \"Report, 'A Visit',\" June 02, 1959, History and Public Policy Program Digital Archive, "
            "MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959. Translated by B. Sz.\n\n"
            "I visited the province in May with the others.\n")
    page = read_page(text)
    assert page.header.summary == "The chargé describes a visit."
    assert [b.text for b in page.body] == ["I visited the province in May with the others."]


def test_a_format_link_in_small_letters_is_chrome_too():
    text = ("Search in\n\nDigital Archive International History Declassified\n\n"
            "June 02, 1959\n\nThis document was made possible with support from the Leon Levy Foundation\n\n"
            "  • Citation\n\n    get citation\n\n    The chargé describes a visit to the provinces.\n"
            "    \"Report, Embassy of Hungary, 'The Chollima Movement',\" June 02, 1959, History and Public Policy "
            "Program Digital Archive, MOL, XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959.\n  • share document\n\n"
            "English html\n\nI visited the province in May with the others.\n")
    body = norm("".join(xp(convert(text), "//t:text")[0].itertext()))
    assert body == "I visited the province in May with the others."  # hdr4: `English html` (batch 4)
