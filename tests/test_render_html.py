"""The HTML edition shows a reader everything the house TEI encodes (ENCODING.md)."""

from __future__ import annotations

import re

import pytest

from htmlpage import (
    HOUSE_SAMPLE,
    assert_links_resolve,
    assert_no_word_lost,
    assert_renders,
    assert_valid_html5,
    render_page,
)


@pytest.fixture(scope="module")
def page():
    return render_page(HOUSE_SAMPLE, tei_href="sample.xml", pdf_href="sample.pdf")


# ----- the page as a whole -----

def test_page_is_valid_html5(page):
    assert_valid_html5(page)


def test_every_word_of_the_text_is_on_the_page(page):
    assert_no_word_lost(HOUSE_SAMPLE, page)


def test_in_page_links_all_resolve_and_ids_are_unique(page):
    assert_links_resolve(page)


def test_page_loads_nothing_remote():
    from teiedition.rendering.render import asset

    page = render_page(HOUSE_SAMPLE)
    assert not page.xpath("//script[@src] | //link[@rel='stylesheet'] | //img[contains(@src, '//')]")
    assert not re.search(r"@import|url\(", asset("edition.css"))
    assert not re.search(r"fetch\(|XMLHttpRequest|https?://", asset("edition.js"))


def test_css_and_script_are_inline(page):
    assert "margin-mark" in page.text_of("//head/style")
    assert "placeMarks" in page.xpath("string(//body/script)")


# ----- header: what the document is -----

def test_title_is_the_page_title_and_heading(page):
    assert page.text_of("//head/title").startswith("Embassy Report")
    assert page.text_of("//h1").startswith("Embassy Report")


def test_document_date_is_shown_readably(page):
    assert page.text_of("//header[@class='masthead']//time") == "9 June 1969"


def test_summary_is_shown(page):
    assert "influenced less by its neighbour" in page.text_of("//*[@class='summary']")


def test_archival_citation_is_shown_verbatim(page):
    assert "RGANI, fond 5, opis 61, delo 462, listy 79-94" in page.text_of("//*[@id='about']")


def fact(page, label: str) -> str:
    """The value the "About this document" list gives for ``label``."""
    return page.text_of(f"//*[@id='about']//dt[.='{label}']/following-sibling::dd[1]")


def test_obtainer_translator_and_funder_are_credited(page):
    assert fact(page, "Obtained by") == "Anna Archivist"
    assert fact(page, "Translated by") == "Tom Translator"
    assert "support from Example Foundation" in fact(page, "Funding")


def test_rights_statement_is_shown(page):
    assert "welcomes reuse" in page.text_of("//*[@class='rights']")


def test_how_to_cite_names_title_date_source_and_credits(page):
    cite = page.text_of("//*[@id='cite']")
    for part in ("Embassy Report", "June 9, 1969", "RGANI, fond 5", "Translator, Tom, trans."):
        assert part in cite


def test_citation_credits_the_translator_but_not_the_encoding(page):
    """Chicago cites the translator (in the author's place when there is none, and once);
    the obtainer is credited in the masthead and in the exports' note."""
    cite = page.text_of("//*[@id='cite']")
    assert "Translator, Tom, trans." in cite and cite.count("Tom") == 1
    assert "Anna Archivist" in page.text_of("//*[@class='essentials']")
    assert "teiedition" not in cite
    assert "teiedition" not in page.meta("DC.contributor")


def test_credit_roles_come_from_resp_key_when_the_words_are_unusual():
    """resp/@key (MARC relator) says who obtained and who translated, whatever the words."""
    tei = HOUSE_SAMPLE.read_text(encoding="utf-8")
    tei = tei.replace("<resp>Obtained by</resp>", '<resp key="dnr">archival copy supplied by</resp>')
    tei = tei.replace("<resp>Translated by</resp>", '<resp key="trl">English version by</resp>')
    tei = tei.replace("<resp>Encoded by</resp>", '<resp key="mrk">XML by</resp>')
    page = render_page(tei, tei_href="s.xml", pdf_href=None)
    cite = page.text_of("//*[@id='cite']")
    assert "Translator, Tom, trans." in cite and "Anna Archivist" not in cite
    assert "archival copy supplied byanna archivist" in page.text_of("//*[@class='essentials']").lower()
    assert page.meta("DC.contributor") == ["Tom Translator", "Anna Archivist"]
    assert "teiedition" not in cite


def test_highwire_citation_tags_for_zotero(page):
    assert page.meta("citation_title")[0].startswith("Embassy Report")
    assert page.meta("citation_publication_date") == ["1969/06/09"]
    assert page.meta("citation_pdf_url") == ["sample.pdf"]
    assert page.meta("citation_publisher") == ["History and Public Policy Program Digital Archive"]


def test_dublin_core_metadata(page):
    assert page.xpath("//head/link[@rel='schema.DC']")
    assert page.meta("DC.date") == ["1969-06-09"]
    assert "RGANI, fond 5" in page.meta("DC.source")[0]
    assert "Tom Translator" in page.meta("DC.contributor")


def test_downloads_link_the_tei_and_the_pdf(page):
    hrefs = page.xpath("//nav//ul[@class='downloads']//a/@href")
    assert "sample.xml" in hrefs and "sample.pdf" in hrefs


def test_head_links_the_tei_and_pdf_as_alternates(page):
    assert page.xpath("//head/link[@rel='alternate' and @type='application/tei+xml']/@href") == ["sample.xml"]
    assert page.xpath("//head/link[@rel='alternate' and @type='application/pdf']/@href") == ["sample.pdf"]


def test_no_pdf_link_when_there_is_no_pdf():
    page = render_page(HOUSE_SAMPLE, tei_href="sample.xml")
    assert not page.xpath("//a[contains(@href, '.pdf')]")
    assert not page.meta("citation_pdf_url")


# ----- the document: opener, stamps, signatures, distribution -----

def test_copy_number_and_classification_are_lines_of_the_opener(page):
    opener = page.text_of("//*[contains(@class, 'tei-opener')]")
    assert "Copy Nº 2" in opener and "SECRET" in opener


def test_stamp_is_a_labelled_box(page):
    box = page.xpath("//*[contains(@class, 'stamp-box')]")[0]
    # A reader's words, not the encoding's codes (type="cpsu-cc")
    assert box.xpath("string(.//*[@class='box-label'])") == "Registration stamp"
    assert "19373" in "".join(box.itertext())


def test_handwriting_is_a_labelled_box(page):
    box = page.xpath("//*[contains(@class, 'handwritten-box')]")[0]
    assert box.xpath("string(.//*[@class='box-label'])") == "Handwritten (margin left)"


def test_signature_shows_label_and_name(page):
    assert "[signature] (Yu. Fadeyev)" in page.text_of("//*[contains(@class, 'tei-signed')]")


def test_distribution_list_keeps_its_items(page):
    items = page.xpath("//*[contains(@class, 'type-distribution')]/li")
    assert ["".join(li.itertext()).strip() for li in items] == ["1 – to Cde. V. V. Kuznetsov", "2 – to file"]


def test_distribution_item_number_shown_when_only_in_n():
    assert_renders('<postscript><list type="distribution"><item n="3">to the UPVM</item></list></postscript>',
                   "3 to the UPVM")


# ----- editorial signs -----

def test_supplied_words_are_in_square_brackets():
    assert_renders('<p>Kim, <supplied reason="added-in-translation">who is</supplied> now</p>', "Kim, [who is] now")


def test_sic_alone_is_followed_by_sic_in_brackets():
    assert_renders("<p>fraternal <sic>counties</sic> and</p>", "fraternal counties [sic] and")


def test_correction_shows_the_corrected_reading_and_keeps_the_original(page):
    choice = page.xpath("//*[contains(@class, 'tei-choice')]")[0]
    assert choice.xpath("string(.//*[@class='reading'])") == "9 June 1969"
    assert choice.xpath("string(.//*[@class='original'])") == "9 Junes 1969"
    assert "9 Junes 1969" in choice.xpath("string(.//*[@class='reading']/@title)")


def test_diplomatic_view_switch_is_offered_when_there_are_corrections(page):
    assert page.xpath("//input[@type='checkbox' and @id='diplomatic-view']")
    assert page.xpath("//label[@for='diplomatic-view']")


def test_no_diplomatic_switch_without_anything_to_switch():
    page = assert_renders("<p>Plain text.</p>", "Plain text.")
    assert not page.xpath("//input[@id='diplomatic-view']")


def test_gap_shows_the_translators_description_in_brackets():
    assert_renders('<p>was <gap reason="illegible"><desc>two names illegible</desc></gap>.</p>',
                   "was [two names illegible].")


def test_omission_without_description_is_an_ellipsis():
    assert_renders('<p>Text <gap reason="omitted"/> more.</p>', "Text […] more.")


def test_doubtful_reading_keeps_its_brackets_and_question_mark():
    page = assert_renders('<p>by <unclear reason="doubtful">N. Fedorenko?</unclear></p>', "by [N. Fedorenko?]")
    assert page.xpath("//*[contains(@class, 'tei-unclear')]/@title")


def test_quotation_is_shown_with_its_source():
    page = assert_renders(
        '<p>said <cit><quote>“a tool of division”</quote> <bibl>(<title level="j">Rodong Sinmun</title>, '
        '<date when="1964-04-19">19 April 1964</date>)</bibl></cit>.</p>',
        "said “a tool of division” (Rodong Sinmun, 19 April 1964).",
    )
    assert page.xpath("//cite[.='Rodong Sinmun']")
    assert page.xpath("//time[@datetime='1964-04-19']")


def test_abbreviation_with_gloss_keeps_the_bracketed_expansion():
    assert_renders("<p>the <choice><abbr>PTV</abbr><expan>Worker's Party of Vietnam</expan></choice> said</p>",
                   "the PTV [Worker's Party of Vietnam] said")


# ----- notes -----

def test_translator_note_is_a_popover_opened_by_a_button(page):
    button = page.xpath("//button[contains(@class, 'noteref')]")[0]
    popover = page.one(f"//*[@id='{button.get('popovertarget')}']")
    assert popover.get("popover") == "auto"
    assert "previous sentence was highlighted" in "".join(popover.itertext())
    assert button.get("aria-label") == "Translator’s note a"


def test_notes_are_listed_with_back_links_to_their_reference(page):
    entries = page.xpath("//section[@id='notes']//li")
    assert len(entries) == 3
    for li in entries:
        back = li.xpath(".//a[contains(@class, 'backlink')]/@href")[0]
        assert page.xpath(f"//button[@id='{back[1:]}']")


def test_translator_notes_are_lettered_when_the_document_numbers_its_own_footnotes(page):
    assert page.xpath("//section[@id='notes']//a[@class='note-number']/text()") == ["a", "b", "1"]


def test_notes_are_numbered_when_none_has_its_own_number():
    page = render_page(_tei_with_notes('<note type="translator">one</note>', '<note type="translator">two</note>'))
    assert page.xpath("//button[contains(@class, 'noteref')]/text()") == ["1", "2"]


def _tei_with_notes(*notes: str) -> str:
    from htmlpage import tei_doc

    return tei_doc("".join(f"<p>Text {n}</p>" for n in notes))


def test_note_containing_paragraphs_stays_valid_html():
    page = render_page(_tei_with_notes('<note><p>First.</p><p>Second.</p></note>'))
    assert_valid_html5(page)
    assert "First." in page.text_of("//*[@popover]")


# ----- marginal marks -----

def test_each_metamark_is_drawn_beside_its_marked_span(page):
    marks = page.xpath("//*[contains(@class, 'margin-mark') and @data-target]")
    assert sorted(m.get("data-target") for m in marks) == ["m1", "m2", "m2"]
    for mark in marks:
        assert mark.getparent().get("id") == mark.get("data-target")


def test_marks_are_distinguished_by_kind(page):
    kinds = page.xpath("//*[@data-target='m2']/@class")
    assert any("mark-question-mark" in k for k in kinds)
    assert any("mark-double-line" in k for k in kinds)
    assert page.xpath("string(//*[@data-target='m2' and contains(@class, 'mark-question-mark')])").startswith("?")


def test_marks_link_to_the_translators_note_that_reports_them(page):
    mark = page.xpath("//*[@data-target='m1']")[0]
    note = page.one(f"//*[@id='{mark.get('href')[1:]}']")
    assert "previous sentence was highlighted" in "".join(note.itertext())


def test_low_certainty_marks_are_visibly_marked(page):
    low = page.xpath("//*[@data-target='m2' and contains(@class, 'cert-low')]")[0]
    assert low.xpath(".//*[@class='cert-flag']")
    assert "uncertain" in low.get("title")


def test_mark_on_a_whole_paragraph_sits_in_that_paragraph():
    page = render_page(_tei_paragraph_mark())
    mark = page.one("//article//*[contains(@class, 'margin-mark')]")
    assert mark.getparent().tag == "p" and mark.getparent().get("id") == "p1"


def _tei_paragraph_mark() -> str:
    from htmlpage import tei_doc

    return tei_doc('<p xml:id="p1">A paragraph. <note type="translator" target="#p1">the previous paragraph '
                   'was highlighted</note></p><metamark function="highlight" rend="double-line" '
                   'place="margin-left" target="#p1"/>')


def test_a_legend_explains_the_marks(page):
    legend = page.text_of("//*[contains(@class, 'mark-legend')]")
    assert "later reader" in legend and "two vertical lines" in legend and "uncertain" in legend


# ----- names and the index -----

def test_names_link_to_their_index_entry(page):
    link = page.xpath("//article//a[contains(@class, 'name-person')]")[0]
    entry = page.one(f"//*[@id='{link.get('href')[1:]}']")
    assert entry.xpath("string(.//*[@class='index-name'])") == "Kim Il Sung"


def test_index_entry_takes_its_name_from_the_authority_list(page):
    orgs = page.xpath("//section[contains(@class, 'index-org')]//*[@class='index-name']/text()")
    assert orgs == ["Worker's Party of Korea"]  # the text says "KWP"


def test_index_links_to_every_occurrence():
    from htmlpage import tei_doc

    # one link per paragraph holding the name (issue 12): two paragraphs, two links
    tei = tei_doc('<p><persName ref="#x">Ann</persName> met</p><p><persName ref="#x">Ann B.</persName></p>',
                  standoff='<standOff><listPerson><person xml:id="x"><persName>Ann Bee</persName></person>'
                           '</listPerson></standOff>')
    page = render_page(tei)
    links = page.xpath("//li[@id='index-x']//*[@class='index-occurrences']/a/@href")
    assert len(links) == 2
    assert [page.text_of(f"//*[@id='{h[1:]}']") for h in links] == ["Ann", "Ann B."]


def test_a_name_inside_a_note_is_indexed_by_a_link_to_that_note():
    from htmlpage import tei_doc

    page = render_page(tei_doc('<p>Text.<note type="translator" xml:id="n1">About '
                               '<persName>Ann Bee</persName>.</note></p>'))
    assert page.xpath("//section[@id='index']//*[@class='index-occurrences']/a/@href") == ["#note-n1"]


@pytest.mark.parametrize("printed", ["* * *", "x x x", "---"])
def test_a_section_break_shows_as_the_source_printed_it(printed):
    from htmlpage import tei_doc

    tei = tei_doc(f'<p>Before.</p><milestone unit="section" rend="{printed}"/><p>After.</p>')
    page = render_page(tei, tei_href="s.xml", pdf_href=None)
    assert page.text_of("//*[contains(@class, 'tei-milestone')]") == printed


def test_sic_printed_in_capitals_renders_in_capitals():
    assert_renders('<p>on 5 <sic rend="upper">Junr</sic> and</p>', "on 5 Junr [SIC] and")
