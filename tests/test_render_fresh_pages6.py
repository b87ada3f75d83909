"""What a reader sees of shapes found on fresh real pages (batch 6, look6): a stamp or a
handwritten note whose translator already named it ("[handwritten number: 113]").

Each case is a small invented TEI fragment in the converter's encoding
(docs/encoding-decisions.md), read on screen and on paper (the HTML WeasyPrint lays out).
"""

from __future__ import annotations

import html5lib
import pytest

from htmlpage import Page, as_tree, assert_no_word_lost, assert_valid_html5, render_page, tei_doc


def print_page(source: str) -> Page:
    """The print edition's HTML (what WeasyPrint lays out), read like a screen page."""
    from teiedition.rendering.pdf import PdfRenderer

    html = PdfRenderer().print_html(as_tree(source))
    tree = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)
    return Page(html=html, tree=tree.getroot() if hasattr(tree, "getroot") else tree)


def document(body: str) -> str:
    return tei_doc(f'<div type="document">{body}</div>')


def box_text(page: Page, kind: str) -> list[str]:
    return [" ".join("".join(box.itertext()).split())
            for box in page.xpath(f"//*[contains(concat(' ', @class, ' '), ' {kind}-box ')]")]


# ----- a box whose translator named it: the kind is said once -----

@pytest.mark.parametrize("note, shown", [
    ("handwritten number: 113", "handwritten number: 113"),
    ("handwritten: 126 116", "handwritten: 126 116"),
    ("Handwritten in pencil", "Handwritten in pencil"),
    ('handwritten: 1062/15124 TOP SECRET <gap reason="illegible"><desc>illegible</desc></gap> 46',
     "handwritten: 1062/15124 TOP SECRET [illegible] 46"),
])
def test_a_handwritten_note_that_names_itself_is_not_labelled_handwritten_twice(note, shown):
    source = document(f'<opener><note type="handwritten">{note}</note></opener>'
                      '<p xml:id="p1">Text.</p>')
    for page in (render_page(source), print_page(source)):
        assert box_text(page, "handwritten") == [shown]
        assert_no_word_lost(source, page)
    assert_valid_html5(render_page(source))


def test_a_stamp_that_names_itself_is_not_labelled_stamp_twice():
    source = document('<p xml:id="p1">Text <note type="stamp">stamp: Received 3 May</note>.</p>')
    for page in (render_page(source), print_page(source)):
        assert box_text(page, "stamp") == ["stamp: Received 3 May."]


def test_a_handwritten_note_whose_words_only_mention_handwriting_later_keeps_its_label():
    source = document('<p xml:id="p1">Text <note type="handwritten">Agreed, handwritten: K.</note></p>')
    assert box_text(render_page(source), "handwritten") == ["Handwritten Agreed, handwritten: K."]


def test_the_label_the_translator_gave_is_styled_as_the_box_s_label():
    page = render_page(document('<opener><note type="handwritten">handwritten number: 113</note></opener>'))
    labels = page.xpath("//*[contains(@class, 'handwritten-box')]//*[contains(concat(' ', @class, ' '), ' box-label ')]")
    assert [" ".join("".join(el.itertext()).split()) for el in labels] == ["handwritten number:"]


# ----- an inline copies line ("Copies: Mikoyan, Kaganovich, Khrushchev") -----

INLINE_COPIES = ('<p xml:id="p1">Copies: <list type="distribution"><item n="1"><persName>Mikoyan</persName>, </item>'
                 '<item n="2">Kaganovich, </item><item n="3">Khrushchev</item></list></p><p xml:id="p2">We draw your attention.</p>')


def test_an_inline_copies_line_reads_as_printed_on_one_line_without_numbers_it_never_had():
    source = document(INLINE_COPIES)
    for page in (render_page(source), print_page(source)):
        para = page.one("//*[@id='p1']")
        assert para.tag == "p"
        assert " ".join("".join(para.itertext()).split()) == "Copies: Mikoyan, Kaganovich, Khrushchev"
        assert not para.xpath(".//ul | .//ol | .//li | .//*[contains(@class, 'block')]")
        assert_no_word_lost(source, page)
    assert_valid_html5(render_page(source))


def test_a_copies_list_of_its_own_lines_keeps_its_printed_numbers():
    source = document('<p xml:id="p1">Text.</p><postscript><p>Copies:</p><list type="distribution">'
                      '<item n="1">to Cde. Stalin</item><item n="2">to file</item></list></postscript>')
    page = render_page(source)
    items = page.xpath("//*[contains(@class, 'type-distribution')]/li")
    assert [" ".join("".join(li.itertext()).split()) for li in items] == ["1 to Cde. Stalin", "2 to file"]


# ----- transmission lines of a cable's opener, on paper -----

def test_each_transmission_line_of_a_cable_is_a_line_of_its_own_on_paper():
    import io

    import pypdf

    from teiedition.rendering.pdf import PdfRenderer

    source = document('<opener><dateline>Outgoing Nº <idno type="outgoing">18249</idno></dateline>'
                      '<seg type="transmission">received at 0243 28 September 1950</seg>\n'
                      '<seg type="transmission">dispatched at 0445 28 September 1950</seg></opener>'
                      '<p xml:id="p1">Charge Tsarapkin with informing Lancaster.</p>')
    data = PdfRenderer().render(as_tree(source))
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "received at 0243 28 September 1950" in lines
    assert "dispatched at 0445 28 September 1950" in lines
