"""Pages dense with notes (issue 20: Ruy Díaz's manuscript did not finish its PDF in 900 s).

WeasyPrint 70 lays the whole footnote area out again for every note added and, comparing
the last note's bottom with the area's bottom in floating point, now and then finds a note
that fits "overflowing" (the two differ by 1e-13): the note goes a page on, every later
note of the page follows it, and a document whose pages are mostly notes printed twice its
pages, most half empty, and was laid out again to bring the notes back
(``rendering/footnote_area.py``).  The document here has the chronicle's shape, invented:
long paragraphs with a note every few lines, notes of one line to a third of a page.
The speed itself is measured in ``bench/bench_pdf.py --shape annotated`` (growth 1x/10x).
"""

from __future__ import annotations

import pytest

from generated_tei import annotated_document
from test_render_pdf import assert_notes_beside_their_calls, assert_prints_every_word, printed


@pytest.fixture(scope="module")
def annotated():
    return printed("annotated", annotated_document())


def _laid_out(tei: bytes):
    """The WeasyPrint document as ``render --to pdf`` lays it out (one pass)."""
    from weasyprint import HTML

    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_bytes

    html = pdf.PdfRenderer().print_html(parse_xml_bytes(tei))
    stylesheets, fonts = pdf._compiled_css("a4")
    with pdf.footnotes_kept_with_their_calls():
        return HTML(string=html).render(stylesheets=stylesheets, font_config=fonts)


def _gaps(document) -> list[float]:
    """For each page but the last: the share of the page's height left empty between the text and the notes."""
    shares = []
    for page in document.pages[:-1]:
        root = page._page_box.children[0]
        areas = [box for box in page._page_box.children if type(box).__name__ == "FootnoteAreaBox"]
        lines = [box for box in root.descendants() if type(box).__name__ == "LineBox"]
        if not lines or not areas:
            continue
        area = areas[0]
        text_bottom = max(line.position_y + line.height for line in lines)
        height = page._page_box.height  # the page's content box (its margins are the page margins)
        shares.append((area.position_y - text_bottom) / height)
    return shares


def test_pages_dense_with_notes_are_filled(annotated):
    """Before: 23 pages, many holding two lines of text and one note, the rest of the page empty."""
    gaps = _gaps(_laid_out(annotated.tei))
    assert gaps and max(gaps) < 0.25, [round(g, 2) for g in gaps]


def test_every_note_sits_on_the_page_of_its_call_and_every_word_is_printed(annotated):
    assert_prints_every_word(annotated, "annotated")
    assert_notes_beside_their_calls(annotated, "annotated")


def test_the_area_is_as_high_as_weasyprint_makes_it():
    """The summed height equals WeasyPrint's own layout of the whole area, at every note added or moved."""
    from weasyprint.layout import LayoutContext

    from teiedition.rendering import footnote_area

    original = LayoutContext._update_footnote_area
    ours = footnote_area._update_footnote_area(original)
    compared = []

    def both(context):
        bottom, height = context.page_bottom, context.current_footnote_area.height
        ours(context)
        summed = (context.page_bottom, context.current_footnote_area.height)
        context.page_bottom, context.current_footnote_area.height = bottom, height
        result = original(context)
        if context.current_page_footnotes:
            compared.append((summed, (context.page_bottom, context.current_footnote_area.height)))
        return result

    LayoutContext._update_footnote_area = both
    try:
        _laid_out_without_patch(annotated_document(paragraphs=1))
    finally:
        LayoutContext._update_footnote_area = original
    assert len(compared) > 20
    for (bottom, height), (their_bottom, their_height) in compared:
        assert bottom == pytest.approx(their_bottom, abs=1e-6) and height == pytest.approx(their_height, abs=1e-6)


def _laid_out_without_patch(tei: bytes):
    """WeasyPrint as shipped (its own footnote area), on the same print HTML."""
    from weasyprint import HTML

    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_bytes

    html = pdf.PdfRenderer().print_html(parse_xml_bytes(tei))
    stylesheets, fonts = pdf._compiled_css("a4")
    return HTML(string=html).render(stylesheets=stylesheets, font_config=fonts)


def test_a_three_digit_note_number_stands_apart_from_its_text(tmp_path):
    """Note 681 of the chronicle printed as "681Pedro": the number's 5 mm column was full."""
    import subprocess

    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_bytes

    notes = "".join(f"<p>Paso {i}.<note>Nota{i} del paso.</note></p>" for i in range(1, 106))
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Notes</title>'
           "</titleStmt><publicationStmt><p>Invented.</p></publicationStmt><sourceDesc><p>None.</p></sourceDesc>"
           f"</fileDesc></teiHeader><text><body>{notes}</body></text></TEI>")
    out = tmp_path / "notes.pdf"
    out.write_bytes(pdf.PdfRenderer().render(parse_xml_bytes(tei.encode())))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "105 Nota105" in text and "105Nota105" not in text
    assert "7 Nota7" in text


def test_no_layout_is_spent_moving_a_paragraph_that_began_pages_before():
    """The repair of a note set a page after its call (its paragraph moved to a new page, then the whole
    document laid out again) can only help a paragraph that begins on the page of the call: the
    chronicle's paragraphs run for pages, and each try cost Ruy Díaz's manuscript a layout of all of them."""
    from weasyprint import HTML

    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_bytes

    html = pdf.PdfRenderer().print_html(parse_xml_bytes(annotated_document()))
    stylesheets, fonts = pdf._compiled_css("a4")
    source = HTML(string=html)
    with pdf.footnotes_kept_with_their_calls():
        document = source.render(stylesheets=stylesheets, font_config=fonts)
    parent = {child: el for el in source.etree_element.iter() for child in el}
    notes = [el for el in source.etree_element.iter("span") if "fn" in (el.get("class") or "").split()]
    pages = pdf._first_pages(document, notes + [parent[note] for note in notes])
    on_first_page = [n for n in notes if pages[id(n)] == pages[id(parent[n])]]
    pages_later = [n for n in notes if pages[id(n)] > pages[id(parent[n])]]
    assert on_first_page and pages_later
    assert not pdf._break_before_calling_blocks(source, pages_later, document)  # before: moved, laid out again
    assert not any("break-before" in (el.get("style") or "") for el in source.etree_element.iter())
    assert pdf._break_before_calling_blocks(source, on_first_page[-1:], document)
    assert "break-before: page" in parent[on_first_page[-1]].get("style")
