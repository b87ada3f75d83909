"""Each convention of ENCODING.md, converted alone (one behaviour per test)."""

from __future__ import annotations

import pytest

from lxml import etree

from convert_checks import assert_converts, convert, facts_of, xp

HEAD = ("Skip to content\n\nMay 5, 1960\n\nA Title\n\n"
        "This document was made possible with support from the Leon Levy Foundation\n\n")


TAIL = ("\n\nThe summary of the document says what happened in a few words.\n\n"
        "Document Information\n\nRGANI, fond 5, opis 1, delo 2, listy 3-4. Translated by A. Translator.\n")


def page(*blocks: str) -> str:
    """An archive page (layout A) around the given body blocks."""
    return HEAD + "\n\n".join(blocks) + TAIL


# -- opening group ---------------------------------------------------------------------

def test_copy_number_has_its_value():
    assert_converts(page("Copy Nº 4", "Some text of the body, long enough to be prose."),
                    '<seg type="copy">Copy Nº <num value="4">4</num></seg>')


def test_classification_and_copy_on_one_line():
    assert_converts(page("Secret Copy Nº 2", "Body text that is a paragraph of prose here."),
                    '<seg type="classification">Secret</seg> <seg type="copy">')


def test_stamp_with_number_and_date():
    root = assert_converts(page("[CPSU CC stamp: 14236, 27 MAY 1968, Vietnam]", "Body text of the letter goes here."),
                           '<stamp type="cpsu-cc" when="1968-05-27">')
    assert facts_of(etree.tostring(root))["stamps"][0]["number"] == "14236"


def test_unclosed_stamp_bracket_runs_to_the_next_block():
    root = convert(page("[CPSU CC stamp: 08214", "19 March 1971", "3 March 1971", "Body text of the letter."))
    stamp = xp(root, "//t:stamp")[0]
    assert stamp.get("when") == "1971-03-19"
    assert xp(root, "//t:opener/t:dateline/t:date/@when") == ["1971-03-03"]


def test_described_stamp_is_a_stamp_note_with_its_wording_mentioned():
    assert_converts(page("Body paragraph of the report, with several words.",
                         "[There is a stamp at the end stating that “the material is informative”.]"),
                    '<note resp="#translator" type="stamp">There is a stamp', "<mentioned>the material is informative</mentioned>")


def test_translator_note_describing_a_stamp_is_a_stamp_note():
    root = convert(page("Body paragraph of the report, with several words.",
                        "[Translator’s note: there is a stamp at the foot of the page.]"))
    assert xp(root, "//t:text//t:note/@type") == ["stamp"]
    assert xp(root, "//t:note/t:label/text()") == ["Translator’s note:"]


def test_record_header_is_a_labelled_list():
    assert_converts(page("To: the Ministry", "From: the Embassy", "Body text of the telegram, a sentence."),
                    '<list type="record-header">\n<label>To:</label>\n<item>the Ministry</item>')


def test_byline_from_the_journal_of():
    assert_converts(page("from the journal of", "I. S. SHCHERBAKOV", "RECORD OF A CONVERSATION",
                         "I visited him at his request and we talked."),
                    "<byline>from the journal of\n<persName", "<head>RECORD OF A CONVERSATION</head>")


def test_dateline_with_place_and_date():
    assert_converts(page("Pyongyang, 16 March 1967", "Body text of the letter, in prose form."),
                    '<dateline><placeName', '<date when="1967-03-16">16 March 1967</date></dateline>')


# -- inline brackets ---------------------------------------------------------------------

@pytest.mark.parametrize("text, frag", [
    ("for Kim Il Sung, [who is] now leader.", '<supplied reason="added-in-translation" resp="#translator">who is</supplied>'),
    ("the CCP CC [Central Committee] said so.", '<supplied reason="gloss" resp="#translator">Central Committee</supplied>'),
    ("a staff member of the F[oreign] M[inistry] came.", "<expan>F<ex resp=\"#translator\">oreign</ex></expan>"),
    ("by 1118 [sic] percent.", "<sic>1118</sic> percent"),
    ("He said [[N. P. Varnov?]] was there.", '<unclear reason="doubtful" resp="#translator">N. P. Varnov?</unclear>'),
    ("the Government [?]. I promised.", '<gap reason="illegible" resp="#translator"><desc>?</desc></gap>'),
    ("with them. [illegible] The head.", '<gap reason="illegible" resp="#translator"><desc>illegible</desc></gap>'),
    ("the two [two names illegible] said.", '<desc>two names illegible</desc>'),
    ("visited the province. […]", '<gap reason="omitted" resp="#translator"><desc>…</desc></gap>'),
    ("at [email protected] now.", '<gap reason="obfuscated"><desc>email protected</desc></gap>'),
    ("of Poland [added by hand]", '<note resp="#translator" type="handwritten">added by hand</note>'),
])
def test_bracket_convention(text, frag):
    assert_converts(page("First paragraph of the body with some words.", text), frag)


def test_translator_note_keeps_label_and_words():
    assert_converts(page("It was so. [Translator's note: the Korean proverb is rendered loosely.]"),
                    '<note resp="#translator" type="translator"><label>Translator\'s note:</label> the Korean proverb')


def test_trans_note_dash_label():
    root = convert(page("They consulted [with Moscow]. [trans. note-- the last words are damaged.]"))
    assert facts_of(etree.tostring(root))["translator_notes"][0]["text_starts"] == "the last words are damaged."


def test_handwriting_in_the_left_margin_has_a_place():
    assert_converts(page("Body text here, a full sentence.", "[Handwriting in the left margin: “Report to Cde. Gromyko”]"),
                    '<note place="margin-left" resp="#translator" type="handwritten">')


def test_bracketed_summary_of_omitted_text_is_a_gap():
    assert_converts(page("1. The anniversary.", "[Celebrations.]", "Body text here, a full sentence."),
                    '<gap reason="omitted" resp="#translator"><desc>Celebrations.</desc></gap>')


def test_quotation_with_source_is_a_cit():
    assert_converts(page("The paper wrote that “the time has gone forever” (Nhan Dan, 26 February 1972)."),
                    '<cit><quote>“the time has gone forever”</quote><bibl> (<title level="j">Nhan Dan</title>, '
                    '<date when="1972-02-26">26 February 1972</date>)</bibl></cit>')


def test_footnote_text_moves_to_its_marker():
    root = convert(page("The communiqué[1] was issued.", "Chargé d’Affaires Ion Marinescu",
                        "[1] The joint communiqué issued in Shanghai."))
    notes = xp(root, "//t:note[@type='footnote']")
    assert len(notes) == 1 and notes[0].get("n") == "1"
    assert "issued in Shanghai" in "".join(notes[0].itertext())
    assert xp(root, "//t:p[contains(., '[1]')]") == []


def test_obvious_slip_from_the_reviewed_list_is_corrected():
    assert_converts(page("9 Junes 1969", "Body text of the letter, a sentence."),
                    '<choice><sic>Junes</sic><corr resp="#encoder">June</corr></choice>')


def test_dates_in_other_forms_get_when():
    assert_converts(page("In connection with your telegram of 8.07.50 he said so."),
                    '<date when="1950-07-08">8.07.50</date>')


# -- closing group ------------------------------------------------------------------------

def test_signature_with_name_in_parentheses():
    root = convert(page("Body text of the letter, a sentence.", "[signature] (Yu. Fadeyev)", "[signature] (P. Yakovlev)"))
    assert [("".join(p.itertext())) for p in xp(root, "//t:closer/t:signed//t:persName")] == ["Yu. Fadeyev", "P. Yakovlev"]
    assert len(xp(root, "//t:closer/t:signed")) == 2
    assert xp(root, "//t:signed/t:gap/@reason") == ["signature", "signature"]


def test_stacked_title_signature_and_name_are_one_signed():
    root = convert(page("Body text of the letter, a sentence.", "SOVIET AMBASSADOR IN THE DPRK", "[signature]", "(A. PUZANOV)"))
    signed = xp(root, "//t:closer/t:signed")
    assert len(signed) == 1 and "SOVIET AMBASSADOR" in "".join(signed[0].itertext())


def test_letter_spaced_name_signs():
    root = convert(page("I request instructions from you on this.", "R O S H C H I N"))
    assert xp(root, "string(//t:signed/t:persName)") == "R O S H C H I N"


def test_distribution_list_after_copies_printed():
    root = convert(page("Body text of the letter, a sentence.", "[signature] (N. Sudarikov)", "Five copies printed – vk",
                        "1 – to Cde. A. A. Gromyko", "2 – to file"))
    assert xp(root, "//t:postscript/t:list[@type='distribution']/t:item/@n") == ["1", "2"]


def test_outgoing_number_and_date_at_the_end():
    assert_converts(page("Body text of the letter, a sentence.", "[signature] (N. Sudarikov)", "3 March 1971 Nº 61"),
                    '<dateline><date when="1971-03-03">3 March 1971</date> Nº <idno type="outgoing">61</idno></dateline>')


def test_section_break_is_a_milestone():
    assert_converts(page("One paragraph of prose text here.", "x x x", "Another paragraph of prose text."),
                    '<milestone unit="section" rend="x x x"/>')


def test_enclosure_after_the_signature_is_a_new_division():
    root = convert(page("Body text of the letter, a sentence.", "With socialist greetings", "Hoffmann",
                        "N o t e", "on a conversation with the Ambassador, in prose here.", "Kramer"))
    assert xp(root, "//t:body/t:div/@type") == ["document", "enclosure"]
    assert [s.strip() for s in xp(root, "//t:signed/t:persName/text()")] == ["Hoffmann", "Kramer"]


def test_named_entities_link_to_stand_off():
    root = convert(page("Kim Il Sung met L. I. Brezhnev in Moscow last year."))
    refs = xp(root, "//t:text//t:persName/@ref")
    assert "#pers-kim-il-sung" in refs
    ids = xp(root, "//t:standOff//@xml:id")
    assert all(r[1:] in ids for r in xp(root, "//t:text//@ref"))


def test_a_run_of_empty_lines_between_paragraphs_is_a_section_break():
    text = page("One paragraph of prose text here, long enough.", "Two paragraph of prose text here, long enough.")
    text = text.replace("long enough.\n\nTwo", "long enough.\n\n\n\n\n\nTwo")
    root = convert(text)
    assert len(xp(root, "//t:text//t:milestone[@unit='section']")) == 1


def test_lines_of_a_no_break_space_are_not_a_section_break():
    text = page("One paragraph of prose text here, long enough.", "Two paragraph of prose text here, long enough.")
    text = text.replace("long enough.\n\nTwo", "long enough.\n\n\u00a0\n\n\u00a0\n\nTwo")
    assert xp(convert(text), "//t:text//t:milestone") == []


def test_a_place_alone_after_the_last_paragraph_is_not_a_signatory():
    root = convert(page("Body text of the letter, a full sentence here.", "Moscow"))
    assert xp(root, "//t:signed") == []


def test_dated_journal_entries_become_entry_divisions():
    root = convert(page("I attended the reception and met several ambassadors.",
                        "9 November 1959", "Minister Nam Il visited me on his own initiative.",
                        "16 November 1959", "I attended a lunch given by the Chinese chargé."))
    assert xp(root, "//t:div[@type='entry']/t:opener/t:dateline/t:date/@when") == ["1959-11-09", "1959-11-16"]
