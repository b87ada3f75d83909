"""What a reader sees of the shapes real archive pages have (look5): header furniture, rule
lines, numbered section headings, paragraph numbers, lists that carry their own bullets,
marks sharing a line of the header, the translator's expansions, handwriting labels and
names inside names.

Each case is a small invented TEI fragment in the converter's encoding
(docs/encoding-decisions.md), read on screen, on paper (the HTML WeasyPrint lays out)
and in the e-book where the three differ.
"""

from __future__ import annotations

import html5lib
import pytest

from htmlpage import Page, as_tree, assert_no_word_lost, assert_valid_html5, render_page, tei_doc

HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"


def print_page(source: str) -> Page:
    """The print edition's HTML (what WeasyPrint lays out), read like a screen page."""
    from teiedition.rendering.pdf import PdfRenderer

    html = PdfRenderer().print_html(as_tree(source))
    tree = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)
    return Page(html=html, tree=tree.getroot() if hasattr(tree, "getroot") else tree)


def both(source: str) -> list[Page]:
    return [render_page(source), print_page(source)]


def document(body: str) -> str:
    return tei_doc(f'<div type="document">{body}</div>')


def headings(page: Page) -> list[str]:
    """The text of every heading inside the document, as a screen reader's outline lists them."""
    return [" ".join("".join(h.itertext()).split())
            for h in page.xpath(f"//*[contains(concat(' ', @class, ' '), ' tei-text ')]//*[{HEADINGS}]")]


# ----- header furniture -----

def test_header_furniture_is_a_line_of_the_header_not_a_heading():
    source = document('<head type="sub">Those Taking Part</head><head type="sub">External File No. 1</head>'
                      '<p xml:id="p1">The meeting opened.</p>')
    for page in both(source):
        assert headings(page) == []
        lines = page.xpath("//*[contains(@class, 'header-line')]")
        assert [" ".join("".join(el.itertext()).split()) for el in lines] == ["Those Taking Part", "External File No. 1"]
        assert_no_word_lost(source, page)
    assert_valid_html5(render_page(source))


def test_a_line_of_equals_signs_is_a_separator_not_a_bold_heading():
    source = document('<opener><salute>To the Secretary</salute></opener>'
                      '<head type="sub">=================</head><p xml:id="p1">Dear friend.</p>')
    for page in both(source):
        assert headings(page) == []
        rule = page.one("//*[@role='separator']")
        assert rule.text == "=================" and "rule-line" in rule.get("class")


def test_a_document_type_heading_stays_a_heading():
    page = render_page(document('<head>CABLE</head><p xml:id="p1">Text.</p>'))
    assert headings(page) == ["CABLE"]


# ----- numbered section headings and paragraph numbers -----

def test_a_numbered_section_title_is_a_heading_without_a_paragraph_number():
    source = document('<p xml:id="p1">Our conclusions follow.</p><ab type="heading">I. Invented Republic</ab>'
                      '<p xml:id="p2">The first meeting.</p>')
    screen, paper = both(source)
    assert headings(screen) == ["I. Invented Republic"] and headings(paper) == ["I. Invented Republic"]
    heading = screen.one("//article//*[contains(@class, 'type-heading')]")
    assert heading.tag == "h2" and heading.get("data-n") is None
    assert [(p.get("id"), p.get("data-n")) for p in screen.xpath("//article//*[@data-n]")] == [("p1", "1"), ("p2", "2")]


def test_the_margin_number_is_the_paragraph_s_own_and_restarts_in_each_document_of_the_page():
    """¶ 2 is p2 (as the entity pages and DTS cite it), however many lines stand between paragraphs."""
    source = tei_doc('<div type="document"><p xml:id="p1">First.</p><ab type="line">A line of the original.</ab>'
                     '<p xml:id="p2">Second, naming <persName>Ann Bee</persName>.</p></div>'
                     '<div type="enclosure"><p xml:id="p3">The enclosure names <persName>Cy Dee</persName>.</p></div>')
    page = render_page(source)
    assert [(p.get("id"), p.get("data-n")) for p in page.xpath("//article//*[@data-n]")] == [
        ("p1", "1"), ("p2", "2"), ("p3", "1")]
    cited = [" ".join("".join(a.itertext()).split())
             for a in page.xpath("//section[@id='index']//span[@class='index-occurrences']/a")]
    assert sorted(cited) == ["¶ paragraph 1", "¶ paragraph 2"]


# ----- lists that carry their own markers -----

def test_items_that_print_their_own_dash_get_no_second_bullet():
    source = document('<p xml:id="p1">Notes of the meeting.</p><list type="bulleted"><item>- Idea of an agreement;</item>'
                      '<item>- Contacts made in the capital.</item></list>')
    page = render_page(source)
    listed = page.one("//article//ul")
    assert "own-markers" in listed.get("class").split()
    assert [li.text for li in listed.xpath("li")] == ["- Idea of an agreement;", "- Contacts made in the capital."]
    from teiedition.rendering.render import ASSETS

    assert ".own-markers { list-style: none;" in (ASSETS / "edition.css").read_text(encoding="utf-8")


def test_a_list_without_markers_in_its_items_keeps_its_bullets():
    page = render_page(document('<list type="bulleted"><item>Idea of an agreement</item><item>Contacts</item></list>'))
    assert "own-markers" not in (page.one("//article//ul").get("class") or "").split()


# ----- the opener's lines -----

def line_texts(page: Page, container: str) -> list[str]:
    return [" ".join("".join(el.itertext()).split()) for el in page.xpath(f"//*[contains(@class, '{container}')]/*")]


def test_a_label_and_its_mark_share_one_line_of_the_opener():
    source = document('<opener>Rating: <seg type="precedence">Urgent</seg></opener><p xml:id="p1">Text.</p>')
    for page in both(source):
        assert line_texts(page, "tei-opener") == ["Rating: Urgent"]


def test_marks_joined_by_a_full_stop_stay_one_line_and_marks_on_lines_of_their_own_stay_apart():
    source = document('<opener><seg type="classification">Strictly secret</seg>\n'
                      '<seg type="classification">Reproduction prohibited</seg></opener>'
                      '<opener><seg type="classification">Personal</seg>. <seg type="classification">Secret.</seg></opener>'
                      '<p xml:id="p1">Text.</p>')
    for page in both(source):
        assert line_texts(page, "tei-opener") == ["Strictly secret", "Reproduction prohibited", "Personal. Secret."]


# ----- the translator's expansions -----

def test_letters_the_translator_expanded_stand_in_brackets_as_in_the_source():
    source = document('<p xml:id="p1">Recently our <expan>P<ex resp="#translator">olitical</ex></expan> '
                      '<expan>B<ex resp="#translator">ureau</ex></expan> met.</p>')
    for page in both(source):
        assert "our P[olitical] B[ureau] met." in page.text_of("//*[@id='p1']")


def test_an_expansion_nobody_is_named_for_stays_unbracketed():
    page = render_page(document('<p xml:id="p1">In <expan>d<ex>omi</ex>no</expan>.</p>'))
    assert page.text_of("//*[@id='p1']") == "In domino."


# ----- handwriting whose words are its label -----

def test_a_handwritten_note_that_only_says_handwritten_is_labelled_once():
    source = document('<head type="sub"><note resp="#translator" type="handwritten">handwritten</note> '
                      'Bilateral relations</head><p xml:id="p1">Text.</p>')
    for page in both(source):
        box = page.one("//*[contains(@class, 'handwritten-box')]")
        assert " ".join("".join(box.itertext()).split()).lower() == "handwritten"
        assert_no_word_lost(source, page)


def test_a_handwritten_note_with_words_of_its_own_keeps_its_label():
    page = render_page(document('<p xml:id="p1">Text <note type="handwritten">Agreed. K.</note></p>'))
    box = page.one("//*[contains(@class, 'handwritten-box')]")
    assert " ".join("".join(box.itertext()).split()) == "Handwritten Agreed. K."


# ----- a name inside a name -----

PEOPLE = ('<standOff><listPerson><person xml:id="pers-bee"><persName>Ann <surname>Bee</surname></persName>'
          '<note>An invented secretary.</note></person></listPerson></standOff>')


def test_a_name_around_a_letter_spaced_surname_is_one_index_entry():
    source = tei_doc('<div type="document"><opener><salute>Comrade <persName>Ann <persName ref="#pers-bee">B e e</persName>'
                     '</persName></salute></opener><p xml:id="p1">Dear Comrade <persName ref="#pers-bee">Bee</persName>!</p></div>',
                     standoff=PEOPLE)
    page = render_page(source)
    entries = page.xpath("//section[@id='index']//li")
    assert [e.xpath("string(span[@class='index-name'])") for e in entries] == ["Bee, Ann"]
    links = page.xpath("//article//a[contains(@class, 'name-person')]/@href")
    assert set(links) == {"#index-pers-bee"}
    assert_valid_html5(page)


# ----- the e-book -----

def test_the_e_book_sets_header_furniture_as_lines_with_their_handwriting_inline():
    import io
    import zipfile

    from lxml import etree

    from teiedition.rendering.epub import EpubRenderer

    source = document('<head type="sub"><note resp="#translator" type="handwritten">handwritten</note> Bilateral relations'
                      '</head><head type="sub">Ministry of Foreign Affairs</head><p xml:id="p1">Text.</p>')
    with zipfile.ZipFile(io.BytesIO(EpubRenderer().render(as_tree(source)))) as book:
        text = etree.fromstring(book.read("EPUB/text.xhtml"))
        css = book.read("EPUB/edition.css").decode("utf-8")
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    document_part = text.xpath("//x:section[@id='document']", namespaces=ns)[0]
    assert [h.xpath("string(.)") for h in document_part.xpath(".//x:h2 | .//x:h3 | .//x:h4", namespaces=ns)] == ["Document"]
    lines = document_part.xpath(".//x:div[contains(@class, 'header-line')]", namespaces=ns)
    assert [" ".join(p.xpath("string(.)").split()) for p in lines] == ["handwritten Bilateral relations", "Ministry of Foreign Affairs"]
    assert lines[0].xpath("x:span[contains(@class, 'box')]", namespaces=ns)
    assert "span.box { display: inline;" in css


# ----- a note alone on its line -----

def test_a_translator_s_note_alone_on_its_line_is_shown_where_it_stands_not_as_a_lone_number():
    source = document('<opener><note resp="#translator" type="scope">Translated from the Russian</note></opener>'
                      '<p xml:id="p1">The first part.</p><p xml:id="p2"><note resp="#translator" type="scope">Page 2</note></p>'
                      '<p xml:id="p3">The second part<note resp="#translator" type="translator">A real note.</note>.</p>')
    for page in both(source):
        shown = [" ".join("".join(el.itertext()).split()) for el in page.xpath("//*[contains(@class, 'note-in-place')]")]
        assert shown == ["[Translated from the Russian]", "[Page 2]"]
        assert_no_word_lost(source, page)
    screen = render_page(source)
    entries = screen.xpath("//ol[@class='note-list']/li")
    assert len(entries) == 1 and "A real note." in "".join(entries[0].itertext())
    assert entries[0].xpath("string(a[@class='note-number'])") == "1"  # the real note is note 1, not note 3


def test_a_footnote_s_text_alone_at_the_foot_keeps_its_number_in_place():
    source = document('<p xml:id="p1">Signed by the director.</p>'
                      '<p xml:id="p2"><note n="1" place="foot" type="footnote">An invented diplomat (1918-1980).</note></p>')
    page = render_page(source)
    assert page.text_of("//*[contains(@class, 'note-in-place')]") == "1 An invented diplomat (1918-1980)."
    assert not page.xpath("//ol[@class='note-list']")


def test_a_list_of_names_with_initials_keeps_its_bullets():
    page = render_page(document('<list type="bulleted"><item>A. Gromyko</item><item>V. Molotov</item></list>'))
    assert "own-markers" not in (page.one("//article//ul").get("class") or "").split()
