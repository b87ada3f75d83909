"""The HTML edition as a reader, a screen-reader user and a citation manager meet it (issue 12)."""

from __future__ import annotations

import pytest

from htmlpage import HOUSE_SAMPLE, assert_renders, assert_valid_html5, render_page, tei_doc


@pytest.fixture(scope="module")
def page():
    return render_page(HOUSE_SAMPLE, tei_href="sample.xml", pdf_href="sample.pdf")


def masthead_fact(page, label: str) -> str:
    return page.text_of(f"//header[@class='masthead']//dt[.='{label}']/following-sibling::dd[1]")


# ----- the essentials come first -----

def test_summary_citation_and_translator_are_under_the_title_before_the_document(page):
    masthead = page.one("//header[@class='masthead']")
    assert "influenced less by its neighbour" in page.text_of("//header[@class='masthead']//*[@class='summary']")
    assert "RGANI, fond 5, opis 61, delo 462, listy 79-94" in masthead_fact(page, "Archival citation")
    assert masthead_fact(page, "Translated by") == "Tom Translator"
    assert masthead_fact(page, "Archive") == "RGANI, Moscow, Russia"  # repository first
    # "How to cite" is in the masthead too, before the document
    assert masthead.xpath(".//*[@id='cite']//*[@id='citation-text']")
    assert masthead.xpath("following::article[@id='document']")


def test_without_a_base_url_there_is_no_permanent_url_and_the_pdf_link_stays_relative(page):
    assert not page.xpath("//head/link[@rel='canonical']")
    assert page.meta("citation_pdf_url") == ["sample.pdf"]


def test_a_base_url_gives_a_permanent_url_canonical_link_and_absolute_pdf_url():
    page = render_page(HOUSE_SAMPLE, tei_href="sample.xml", pdf_href="sample.pdf",
                       base_url="https://editions.example.org/cold-war")
    url = "https://editions.example.org/cold-war/sample.html"
    assert page.xpath("//head/link[@rel='canonical']/@href") == [url]
    assert page.meta("citation_pdf_url") == ["https://editions.example.org/cold-war/sample.pdf"]
    assert page.meta("citation_abstract_html_url") == [url]
    assert page.xpath("//header[@class='masthead']//*[contains(@class, 'permanent-url')]//a/@href") == [url]
    assert url in page.text_of("//*[@id='citation-text']")


def test_citation_author_is_the_originator_the_archive_puts_before_the_quoted_title():
    """In teiedition's own TEI (the archive's titles); another project's title is not read that way."""
    own = ('<encodingDesc><appInfo><application ident="teiedition" version="0.1.0"><label>teiedition</label>'
           '</application></appInfo></encodingDesc>')
    title = "Soviet Embassy in North Korea, 'Concerning Changes'"
    page = render_page(tei_doc("<p>Text.</p>", title=title, header=own))
    assert page.meta("citation_author") == ["Soviet Embassy in North Korea"]
    assert page.meta("citation_title") == ["Concerning Changes"]
    assert render_page(tei_doc("<p>Text.</p>", title=title)).meta("citation_author") == []


def test_citation_author_prefers_the_headers_author():
    tei = tei_doc("<p>Text.</p>").replace("<title>Test document</title>",
                                           "<title>Test document</title><author>Ann Bee</author>")
    assert render_page(tei).meta("citation_author") == ["Ann Bee"]


# ----- stamps, notes -----

def test_punctuation_after_a_stamp_box_stays_with_it():
    page = render_page(tei_doc('<p><note type="stamp">There is a stamp</note>.</p>'))
    box = page.one("//*[contains(@class, 'stamp-box')]")
    assert "".join(box.itertext()).strip().endswith("There is a stamp.")
    assert page.text_of("//article//p") == "Stamp There is a stamp."


def test_a_note_that_names_itself_is_not_labelled_twice_in_its_popover():
    page = render_page(tei_doc('<p>Text<note type="translator"><label>Translator’s note:</label> marked</note>.</p>'))
    assert page.text_of("//*[@class='note-popover-label']") == "Note 1"
    assert "Translator’s note: marked" in page.text_of("//*[contains(@class, 'note-popover')]")


# ----- names and the index -----

def test_only_the_first_mention_of_a_name_is_a_tab_stop():
    page = render_page(tei_doc('<p><persName>Ann Bee</persName> met <persName>Ann Bee</persName>.</p>'
                               '<p><persName>Ann Bee</persName> left.</p>'))
    links = page.xpath("//article//a[contains(@class, 'name-person')]")
    assert [a.get("tabindex") for a in links] == [None, "-1"]  # the second mention in ¶ 1 is no link at all
    assert len({a.get("href") for a in links}) == 1


def test_index_occurrences_say_which_paragraph_or_note_holds_the_name():
    page = render_page(tei_doc('<p><persName>Ann Bee</persName> met <persName>Ann Bee</persName>.</p>'
                               '<p>Later<note type="translator">Said by <persName>Ann Bee</persName>.</note>.</p>'
                               '<p><persName>Ann Bee</persName> left.</p>'))
    occurrences = [" ".join("".join(a.itertext()).split())
                   for a in page.xpath("//section[@id='index']//*[@class='index-occurrences']/a")]
    assert occurrences == ["¶ paragraph 1", "note 1", "¶ paragraph 3"]


def test_wikidata_ids_of_the_authority_list_are_shown_and_linked():
    tei = tei_doc('<p><placeName ref="#china">China</placeName></p>',
                  standoff='<standOff><listPlace><place xml:id="china" sameAs="http://www.wikidata.org/entity/Q148">'
                           '<placeName>China</placeName></place></listPlace></standOff>')
    page = render_page(tei)
    link = page.one("//section[@id='index']//a[contains(@class, 'authority-id')]")
    assert link.get("href") == "https://www.wikidata.org/wiki/Q148"
    assert "".join(link.itertext()) == "Wikidata Q148"


# ----- structure -----

def test_headings_do_not_skip_a_level_when_the_first_heading_is_in_a_division():
    page = render_page(tei_doc("<div><head>JOURNAL</head><p>Text.</p><div><head>Part</head><p>More.</p></div></div>"))
    levels = [int(h.tag[1]) for h in page.xpath("//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert page.text_of("//article//h2") == "JOURNAL" and page.text_of("//article//h3") == "Part"


@pytest.mark.parametrize("availability", [
    '<licence target="https://creativecommons.org/licenses/by/4.0/"><p>CC BY 4.0</p><p>Attribution.</p></licence>',
    '<p>Reuse: <list><item>research</item><item>teaching</item></list></p>',
    '<licence><p>Some</p><list><item>rights</item></list></licence>',
])
def test_header_prose_with_paragraphs_or_lists_gives_valid_html(availability):
    header_tei = tei_doc("<p>Text.</p>").replace("<publicationStmt><p>Test</p></publicationStmt>",
                                                  f"<publicationStmt><availability>{availability}</availability></publicationStmt>")
    page = render_page(header_tei)
    assert_valid_html5(page)
    assert not page.xpath("//p//p | //p//ul | //p//div")


def test_header_project_description_with_a_list_gives_valid_html():
    tei = tei_doc("<p>Text.</p>", header='<encodingDesc><projectDesc><p>Aims:</p><list><item>one</item></list>'
                                         '</projectDesc></encodingDesc>')
    page = render_page(tei)
    assert_valid_html5(page)
    assert page.text_of("//*[@id='edition']//p") == "Aims:"
    assert page.text_of("//*[@id='edition']//ul/li") == "one"


@pytest.mark.parametrize("lb", ['<lb break="no"/>', '<lb type="hyphenInWord"/>'])
def test_a_word_broken_across_lines_reads_whole(lb):
    page = assert_renders(f"<p>the Christ{lb}\n      endom of old</p>", "the Christendom of old")
    assert page.xpath("//article//br[contains(@class, 'tei-lb')]")


def test_an_ordinary_line_break_still_separates_words():
    assert_renders("<p>one<lb/>two</p>", "one two")


def test_c1_control_characters_are_written_visibly_not_as_other_characters():
    page = render_page(tei_doc("<p>a\u0086b</p>", title="T\u0092"))
    assert "\u2020" not in page.body_text and "\u0086" not in page.html
    assert "&#x86;" not in page.html.lower() and "&#134;" not in page.html
    assert "a⟨U+0086⟩b" in page.text_of("//article")
    assert page.text_of("//head/title") == "T⟨U+0092⟩"


def test_about_this_edition_explains_the_signs_the_document_uses_in_plain_words(page):
    guide = page.text_of("//*[@id='edition']//ul[@class='reading-guide']")
    assert "square brackets" in guide and "later reader" in guide and "stamps" in guide
    # the TEI jargon is kept for TEI users, closed by default
    assert not any(word in guide for word in ("metamark", "profileDesc", "cert ", "supplied (reason"))
    details = page.one("//*[@id='edition']//details")
    assert details.get("open") is None and "TEI users" in page.text_of("//*[@id='edition']//details/summary")


def test_about_this_edition_mentions_only_signs_that_occur():
    guide = render_page(tei_doc("<p>Plain text.</p>")).text_of("//*[@id='edition']")
    assert "square brackets" not in guide and "margin" not in guide
