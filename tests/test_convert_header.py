"""Page headers and page furniture of real archive pages (issue 10, header half).

Each test is one convention of the archive's pages, in invented text: two-column
header blocks, classification and copy variants, stamps without brackets, layouts
whose header used to be lost, Hungarian cipher-telegram datelines, citations naming
several archives, and the site's hidden e-mail addresses.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import RUN_DATE
from convert_checks import assert_converts, convert, facts_of, xp
from teiedition.cli import main
from teiedition.convert import convert_text

BODY = ("The ambassador informed the minister that the fishing agreement would be signed in the spring, "
        "after the experts of both sides had agreed on the quotas for the coastal waters.\n")


def page(header: str, body: str = BODY, tail: str = "") -> str:
    """A layout-B page: date line, title, donor line, then the given header block and body."""
    return ("May 5, 1962\nLetter on the Fishing Agreement\n"
            "This document was made possible with support from ROK Ministry of Unification\n"
            + header + body + tail)


def text_of(root) -> str:
    return " ".join("".join(xp(root, "//t:text")[0].itertext()).split())


# -- two-column header blocks (item 1) ----------------------------------------------

TWO_COLUMNS = ("TOP SECRET                         [CPSU CC stamp:\n"
               "Copy Nº 2                          08812\n"
               "From the journal of                22 March 1963\n"
               "V. I. MOSKOVSKY                    Subject to return to the CPSU CC General Department]\n")


def test_two_column_header_is_read_column_by_column():
    root = convert(page(TWO_COLUMNS))
    f = facts_of(convert_text(page(TWO_COLUMNS), doc_id="d", run_date=RUN_DATE).tei)
    assert f["classification"] == ["TOP SECRET"]
    assert f["copy"] == ["2"]
    assert f["stamps"] == [{"text_starts": "CPSU CC stamp: 08812 22 M", "number": "08812",
                            "date": "1963-03-22"}]
    assert xp(root, "string(//t:byline/t:persName)") == "V. I. MOSKOVSKY"
    assert "]" not in text_of(root)  # no stray bracket of the stamp left in the text


def test_marks_printed_between_the_lines_of_a_stamp_stay_out_of_it():
    header = "[CPSU CC stamp:\nTOP SECRET\n08812\nCopy Nº 2\n22 March 1963]\n"
    root = convert(page(header))
    stamp = xp(root, "//t:note[@type='stamp']")[0]
    assert "SECRET" not in "".join(stamp.itertext()) and "Copy" not in "".join(stamp.itertext())
    assert xp(root, "string(//t:seg[@type='classification'])") == "TOP SECRET"
    assert xp(root, "//t:seg[@type='copy']/t:num/@value") == ["2"]
    assert "]" not in text_of(root)


def test_a_stamp_in_the_left_column_with_marks_in_the_right():
    header = ("[CPSU CC stamp:                    TOP SECRET\n"
              "08812                              Copy Nº 2\n"
              "22 March 1963]\n")
    root = convert(page(header))
    assert xp(root, "string(//t:note[@type='stamp']//t:idno)") == "08812"
    assert xp(root, "//t:seg[@type='copy']/t:num/@value") == ["2"]
    assert "]" not in text_of(root)


def test_prose_with_wide_spaces_is_not_read_as_columns():
    from teiedition.reading.source import read_page

    text = ("Skip to content\n\nMay 5, 1962\n\nLetter on the Fishing Agreement\n\n"
            "The ambassador informed the minister that the agreement would be signed soon.   He said the experts "
            "would meet in April.\nThe minister replied that the Korean side agreed with the schedule of the "
            "work.   He asked for maps.\n")
    cells = [b.text for b in read_page(text).body]
    assert cells[0].startswith("The ambassador") and cells[1].startswith("He said")
    assert cells[2].startswith("The minister")  # row order kept: the text is not re-read by columns


# -- classification and copy variants (items 5, 15) ---------------------------------


@pytest.mark.parametrize("line, marks", [
    ("TOP SECRET!", ["TOP SECRET!"]),
    ("Top Secret!", ["Top Secret!"]),
    ("Secret Document 16", ["Secret Document 16"]),
    ("STRICTLY CONFIDENTIAL", ["STRICTLY CONFIDENTIAL"]),
    ("Top Secret, Special File", ["Top Secret", "Special File"]),
    ("Level: Top Secret", ["Top Secret"]),
    ("Classification: Secret", ["Secret"]),
])
def test_classification_variants(line, marks):
    root = convert(page(line + "\n"))
    assert [("".join(s.itertext())) for s in xp(root, "//t:text//t:seg[@type='classification']")] == marks


@pytest.mark.parametrize("line, number", [
    ("Copy Nº 2", "2"), ("Copy No.3", "3"), ("COPY Nº 4", "4"), ("Copy Nº 2 of 5", "2"),
    ("(Copy Nº 6)", "6"), ("Copy Nº\n7", "7"), ("Top secret. Copy Nº 1", "1"),
])
def test_copy_marks_on_their_own_line(line, number):
    root = convert(page(line + "\n"))
    assert xp(root, "//t:text//t:seg[@type='copy']/t:num/@value") == [number]


def test_copies_sent_is_a_distribution_note_not_part_of_the_signature():
    tail = "AMBASSADOR [signature] (P. IVANOV)\nFive copies sent to the addressees\n"
    root = convert(page("SECRET\n", tail=tail))
    signed = "".join(xp(root, "//t:closer/t:signed")[0].itertext())
    assert "copies" not in signed
    assert xp(root, "string(//t:postscript/t:p)") == "Five copies sent to the addressees"


# -- stamps without brackets (item 7) -----------------------------------------------


def test_unbracketed_stamp_line_is_a_stamp():
    root = assert_converts(page("Stamp: CPSU CC General Department 12345 9 May 1962\n"),
                           '<note resp="#translator" type="stamp"><label>Stamp:</label> <stamp')
    assert xp(root, "string(//t:stamp//t:idno[@type='registration'])") == "12345"
    assert xp(root, "string(//t:stamp/@when)") == "1962-05-09"


def test_bracketed_label_only_stamp_takes_the_rest_of_the_line():
    root = convert(page("[stamp:] USSR MFA 1st Far East Department Incoming Nº 0432 11 May 1962\n"))
    note = xp(root, "//t:note[@type='stamp']")[0]
    assert xp(note, "string(t:label)") == "stamp:"
    assert "Incoming Nº 0432" in "".join(note.itertext())
    assert xp(note, "string(.//t:idno)") == "0432"
    assert "]" not in text_of(root)


@pytest.mark.parametrize("line, label, number", [
    ("[stamp] USSR MFA Far East Department 0332 7 May 1962", "stamp", "0332"),
    ("Stamp of the CPSU CC General Department: 12345 9 May 1962", "Stamp of the CPSU CC General Department:", "12345"),
    ("CPSU CC stamp: 19373, 12 June 1969", "CPSU CC stamp:", "19373"),
])
def test_other_stamp_labels_without_a_bracket_around_the_stamp(line, label, number):
    root = convert(page(line + "\n"))
    note = xp(root, "//t:note[@type='stamp']")[0]
    assert "".join(xp(note, "t:label")[0].itertext()) == label
    assert xp(note, "string(.//t:idno)") == number


def test_stamp_and_handwriting_label_stays_a_bracket_of_its_own():
    root = convert(page("[stamp and handwriting] Cabinet of the Minister, 12 May 1962\n"))
    note = xp(root, "//t:note[@type='stamp']")[0]
    assert "".join(note.itertext()) == "stamp and handwriting"


# -- layouts that used to lose the header (item 6) ----------------------------------


def test_tool_bar_in_a_layout_a_page_is_chrome():
    text = ("Skip to content\n\nMay 5, 1962\n\nLetter on the Fishing Agreement\n\nCITATION SHARE DOWNLOAD\n\n"
            "This document was made possible with support from ROK Ministry of Unification\n\nSECRET\n\n" + BODY)
    root = convert(text)
    assert xp(root, "string(//t:titleStmt/t:title)") == "Letter on the Fishing Agreement"
    assert xp(root, "//t:titleStmt/t:funder/text()") == ["ROK Ministry of Unification"]
    assert "CITATION" not in text_of(root)


def test_summary_first_then_date_and_title():
    text = ("The ambassador reports on a conversation in May 1962 about the fishing agreement and the quotas for the coast.\n"
            "May 5, 1962\nLetter on the Fishing Agreement\nSECRET\n" + BODY)
    root = convert(text)
    assert xp(root, "string(//t:titleStmt/t:title)") == "Letter on the Fishing Agreement"
    assert xp(root, "string(//t:creation/t:date/@when)") == "1962-05-05"
    assert xp(root, "string(//t:abstract)").strip().startswith("The ambassador reports")
    assert "reports on a conversation" not in text_of(root)


def test_summary_first_wrapped_over_two_lines():
    text = ("The ambassador reports on a conversation in May 1962 about the fishing agreement\n"
            "and the quotas for the coast of the northern provinces.\n"
            "May 5, 1962\nLetter on the Fishing Agreement\nSECRET\n" + BODY)
    root = convert(text)
    assert xp(root, "string(//t:titleStmt/t:title)") == "Letter on the Fishing Agreement"
    assert xp(root, "string(//t:abstract)").strip().endswith("of the northern provinces.")
    assert "northern provinces" not in text_of(root)


def test_month_only_date_line():
    root = convert("June 1961\nLetter on the Hospital in Hamhung\nSECRET\n" + BODY)
    assert xp(root, "string(//t:creation/t:date/@when)") == "1961-06"
    assert xp(root, "string(//t:titleStmt/t:title)") == "Letter on the Hospital in Hamhung"


def test_citation_share_download_layout():
    text = ("Search in\nADD SEARCH FILTER CANCEL SEARCH FILTER\n\n"
            "Digital Archive International History Declassified\n\nSeptember 12, 1964\n\n"
            "RECORD OF CONVERSATION WITH THE CHINESE AMBASSADOR\n\nCITATION SHARE DOWNLOAD\n\n"
            "The Soviet counsellor and the Chinese ambassador talk about the harvest and the railway.\n\n"
            "English HTML\n\nTOP SECRET\n\n" + BODY
            + "\nDocument Information\n\nSource\n\nAVPRF, fond 0102, opis 20, papka 104, delo 11, listy 45-49.\n")
    root = convert(text)
    assert xp(root, "string(//t:titleStmt/t:title)") == "RECORD OF CONVERSATION WITH THE CHINESE AMBASSADOR"
    assert xp(root, "string(//t:abstract)").strip().startswith("The Soviet counsellor")
    assert xp(root, "string(//t:msIdentifier/t:repository/@n)") == "AVPRF"
    text_only = text_of(root)
    for chrome in ("CITATION", "SHARE DOWNLOAD", "Document Information", "CHINESE AMBASSADOR"):
        assert chrome not in text_only


def test_a_page_without_a_readable_header_warns_and_never_takes_the_path_as_title():
    text = "Skip to content\n\nRECORD OF CONVERSATION\n\n" + BODY
    conv = convert_text(text, doc_id="d", source_name="/home/someone/pages/p1.txt", run_date=RUN_DATE)
    root = convert(text)
    title = xp(root, "string(//t:titleStmt/t:title)")
    assert title == "RECORD OF CONVERSATION"
    assert b"/home/someone" not in conv.tei
    assert any("/home/someone/pages/p1.txt" in w and "header not read" in w for w in conv.warnings)


def test_untitled_page_title_is_a_label_not_the_path():
    conv = convert_text("Skip to content\n\n" + BODY, doc_id="d", source_name="some/dir/page.txt",
                        run_date=RUN_DATE)
    assert b"<title type=\"main\">Untitled document</title>" in conv.tei
    assert b"some/dir" not in conv.tei


def test_cli_warning_names_each_page_whose_header_could_not_be_read(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(page("SECRET\n"), encoding="utf-8")
    (src / "bad1.txt").write_text("Skip to content\n\n" + BODY, encoding="utf-8")
    (src / "bad2.txt").write_text("Skip to content\n\nMay 5, 1962\n\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--run-date", RUN_DATE])
    assert result.exit_code == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if "header not read" in ln]
    assert len(lines) == 2
    assert any("bad1.txt" in ln for ln in lines) and any("bad2.txt" in ln for ln in lines)
    assert "good.txt" not in result.stderr


# -- Hungarian cipher telegrams (item 12) -------------------------------------------


def test_hungarian_dateline_and_unknown_signature():
    header = "PYONGYANG, 80. 10. 07.\nTOP SECRET!\nCreated by Fe 10.15\nChecked by [unknown signature]\n"
    root = convert(page(header))
    assert xp(root, "string(//t:dateline/t:date/@when)") == "1980-10-07"
    assert xp(root, "string(//t:dateline/t:placeName)") == "PYONGYANG"
    assert xp(root, "//t:gap[@reason='signature']/t:desc/text()") == ["unknown signature"]
    assert not xp(root, "//t:supplied")
    assert not xp(root, "//t:closer")  # "Checked by" in the header is not a signature block


def test_dateline_with_a_misprinted_year_is_a_dateline_without_a_date_value():
    root = convert(page("PYONGYANG, 08. 09. 02.\nTOP SECRET!\n"))
    dateline = xp(root, "//t:dateline")[0]
    assert xp(dateline, "string(t:placeName)") == "PYONGYANG"
    assert not xp(dateline, ".//t:date/@when")  # 08 for 80: not guessed


def test_copies_note_in_the_header_does_not_cut_the_document():
    header = "Regional Division IV\nKorean Branch\nProduced in 5 copies for:\n- Comrade Péter\n- Department\n"
    root = convert(page(header))
    assert len(xp(root, "//t:body/t:div")) == 1
    assert not xp(root, "//t:closer | //t:postscript")


# -- citations naming several archives (item 9) -------------------------------------


def test_citation_naming_two_archives_keeps_their_units_apart():
    tail = ("\nDocument Information\n\nSource\n\nAPRF, fond 3, opis 65, delo 776, listy 1-5; and AVPRF, "
            "fond 0100, opis 49, papka 410, delo 9, listy 10-20. Translated by David Wolff.\n")
    root = convert("Skip to content\n\nMay 3, 1956\n\nLetter on the Border Rivers\n\n" + BODY + tail)
    f = facts_of(convert_text("Skip to content\n\nMay 3, 1956\n\nLetter on the Border Rivers\n\n" + BODY + tail,
                              doc_id="d", run_date=RUN_DATE).tei)
    assert f["archive"]["repository"] == "APRF"
    assert f["archive"]["units"] == {"fond": "3", "opis": "65", "delo": "776", "folios": "1-5"}
    other = xp(root, "//t:msIdentifier/t:altIdentifier[@type='other-repository']")[0]
    assert xp(other, "string(t:repository/@n)") == "AVPRF"
    assert xp(other, "string(t:idno)") == "AVPRF, fond 0100, opis 49, papka 410, delo 9, listy 10-20"


@pytest.mark.parametrize("reference, units", [
    ("AVPRF, fond 0102, opis 7, papka 27, delo 45, p.16-42",
     {"fond": "0102", "opis": "7", "papka": "27", "delo": "45", "folios": "16-42"}),
    ("RGANI, fond 5, opis 30, delo 335, p. 16", {"fond": "5", "opis": "30", "delo": "335", "folios": "16"}),
    ("AVPRF f. 0100, op. 43, p. 302, d. 8, ll. 1-3",
     {"fond": "0100", "opis": "43", "papka": "302", "delo": "8", "folios": "1-3"}),
])
def test_p_is_pages_after_the_delo_or_with_a_range(reference, units):
    from teiedition.recognising.citation import parse_citation

    assert parse_citation(reference).units == units


# -- hidden e-mail addresses (item 16) ----------------------------------------------


def test_hidden_email_in_the_rights_is_a_gap():
    tail = ("\nDocument Information\n\nRights\n\nTo enquire about this document's rights status, please contact "
            "the History and Public Policy Program at [email protected].\n")
    root = convert("Skip to content\n\nMay 3, 1956\n\nLetter on the Border Rivers\n\n" + BODY + tail)
    gap = xp(root, "//t:availability/t:p/t:gap")[0]
    assert gap.get("reason") == "obfuscated"
    assert xp(gap, "string(t:desc)") == "email protected"
    assert "[email" not in xp(root, "string(//t:availability)")
    assert xp(root, "string(//t:availability/t:p)").endswith("Program at email protected.")


def test_hidden_email_shows_as_what_it_is_in_html():
    from teiedition.rendering.render import HtmlRenderer

    tail = "\nDocument Information\n\nRights\n\nPlease write to [email protected] for permission.\n"
    root = convert("Skip to content\n\nMay 3, 1956\n\nLetter on the Border Rivers\n\n" + BODY + tail)
    html = HtmlRenderer().render(root.getroottree())
    # issue 21: the grey "[email protected]" read as a broken page; the gap now says what it is
    assert ("Please write to <span class=\"tei-gap editorial reason-obfuscated\">[e-mail address hidden by the archive’s site]"
            "<span class=\"visually-hidden\"> (the site shows “email protected”)</span></span> for") in html
