"""The print edition (PDF): what a reader and an archive get out of the file.

Each document is rendered once per session; the tests read the PDF back with
pypdf (text per page, metadata, outline, fonts) and never compare bytes with
a golden file.  Documents: the hand-made house sample, a long generated
document dense with notes and marks (the footnote layouts we ship), one with
Korean and Chinese names, and the seed and dev corpus once the converter exists.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from conftest import DEV_CORPUS, RUN_DATE, SEEDS
from generated_tei import long_document

FIXTURES = Path(__file__).parent / "fixtures"
HOUSE_SAMPLE = FIXTURES / "house_sample.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# ---------------------------------------------------------------- reading a PDF back

#: Dropped before comparing: spaces, hyphens a line break may add, brackets the edition adds.
_IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011\u200b\[\]]+")


def squeeze(text: str) -> str:
    """Text without whitespace, hyphens or brackets: hyphenation and line breaks do not matter."""
    return _IGNORED.sub("", text)


@dataclass
class PrintedPdf:
    """A rendered PDF and the views of it the tests need."""

    data: bytes
    tei: bytes

    @cached_property
    def reader(self) -> pypdf.PdfReader:
        return pypdf.PdfReader(io.BytesIO(self.data))

    @cached_property
    def page_texts(self) -> list[str]:
        return [page.extract_text() or "" for page in self.reader.pages]

    @cached_property
    def squeezed_pages(self) -> list[str]:
        return [squeeze(text) for text in self.page_texts]

    def pages_with(self, text: str) -> list[int]:
        needle = squeeze(text)
        return [i for i, page in enumerate(self.squeezed_pages) if needle in page]

    def fonts(self) -> list:
        found = []
        for page in self.reader.pages:
            for font in page.get("/Resources", {}).get("/Font", {}).values():
                found.append(font.get_object())
        return found

    def outline_titles(self) -> list[str]:
        titles: list[str] = []

        def walk(items):
            for item in items:
                walk(item) if isinstance(item, list) else titles.append(item.title)

        walk(self.reader.outline)
        return titles


def font_is_embedded(font) -> bool:
    descriptors = [font.get("/FontDescriptor")] + [
        d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", []) or []]
    return any(key in d.get_object() for d in descriptors if d is not None
               for key in ("/FontFile", "/FontFile2", "/FontFile3"))


# ---------------------------------------------------------------- what the TEI says


def text_words(tei: bytes) -> list[str]:
    """Every word of the TEI's <text>, notes included."""
    text = etree.fromstring(tei).find(f"{TEI}text")
    return " ".join(text.itertext()).split()


@dataclass(frozen=True)
class Note:
    number: str
    text: str
    before: str  # the last words of running text before the note's call


def printed_note_numbers(tei: bytes) -> list[str]:
    """The numbers the print edition gives its notes, in order (the shared te:note-number)."""
    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_bytes

    html = etree.fromstring(PdfRenderer().print_html(parse_xml_bytes(tei)).encode(), etree.HTMLParser())
    return [span.get("data-n") for span in html.iter("span") if "fn" in (span.get("class") or "").split()]


def stands_alone(note) -> bool:
    """A note that is all its line holds ("[letterhead with eagle]"): printed where it stands, with no call."""
    parent = note.getparent()
    return (parent is not None and etree.QName(parent).localname in ("p", "ab", "opener", "closer", "head")
            and not any(a.tag == f"{TEI}note" for a in note.iterancestors())
            and bool("".join(note.itertext()).strip()) and not (parent.text or "").strip()
            and not (note.tail or "").strip() and len(parent) == 1)


def numbered_notes(tei: bytes) -> list[Note]:
    """Notes printed with a number (stamps and handwriting are not), with the number they print with."""
    numbers = iter(printed_note_numbers(tei))
    root = etree.fromstring(tei).find(f"{TEI}text")
    notes, running, count, inside, labels = [], [], 0, 0, set()
    for event, node in etree.iterwalk(root, events=("start", "end")):
        numbered = node.tag == f"{TEI}note" and node.get("type") not in ("stamp", "handwritten") and not stands_alone(node)
        if event == "start":
            if numbered and not inside:
                count += 1
                before = " ".join(" ".join(running).split()[-3:])
                text = " ".join("".join(node.itertext()).split())
                # A label every note repeats ("Translator's note:") is printed on the first only.
                label = node[0] if len(node) and node[0].tag == f"{TEI}label" and not (node.text or "").strip() else None
                if label is not None:
                    own = " ".join("".join(label.itertext()).split())
                    if own in labels:
                        text = text[len(own):].strip()
                    labels.add(own)
                notes.append(Note(next(numbers), text, before))
            inside += numbered
            if not inside and node.text:
                running.append(node.text)
        else:
            inside -= numbered
            if not inside and node is not root and node.tail:
                running.append(node.tail)
    return notes


# ---------------------------------------------------------------- documents


def cjk_document() -> bytes:
    """The house sample naming people in Korean and Chinese script."""
    data = HOUSE_SAMPLE.read_bytes()
    tree = etree.fromstring(data)
    p = tree.find(f".//{TEI}body/{TEI}p")
    extra = etree.SubElement(p, TEI + "persName", {"{http://www.w3.org/XML/1998/namespace}lang": "ko"})
    extra.text = "김일성"
    extra.tail = " met "
    zh = etree.SubElement(p, TEI + "persName", {"{http://www.w3.org/XML/1998/namespace}lang": "zh"})
    zh.text = "毛泽东"
    zh.tail = " and Москва replied."
    return etree.tostring(tree, encoding="UTF-8")


def corpus_documents() -> dict[str, bytes]:
    """The seed and the dev corpus as TEI, when the converter is there to make them."""
    convert = pytest.importorskip("teiedition.convert")
    docs = {}
    for path in sorted(SEEDS.glob("*.txt")) + sorted(DEV_CORPUS.glob("*.txt")):
        conversion = convert.convert_text(path.read_text(encoding="utf-8"), doc_id=convert.doc_id_for(path), run_date=RUN_DATE)
        docs[path.stem] = conversion.tei
    return docs


_cache: dict[tuple, PrintedPdf] = {}


def printed(name: str, tei: bytes, **options) -> PrintedPdf:
    """Render once per session and option set."""
    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_bytes

    key = (name, tuple(sorted(options.items())))
    if key not in _cache:
        data = PdfRenderer().render(parse_xml_bytes(tei, name=name), **options)
        _cache[key] = PrintedPdf(data, tei)
    return _cache[key]


@pytest.fixture(scope="session")
def house() -> PrintedPdf:
    return printed("house", HOUSE_SAMPLE.read_bytes())


@pytest.fixture(scope="session")
def long_doc() -> PrintedPdf:
    return printed("long", long_document())


@pytest.fixture(scope="session")
def corpus() -> dict[str, PrintedPdf]:
    return {name: printed(name, tei) for name, tei in corpus_documents().items()}


# ---------------------------------------------------------------- assertions


def assert_prints_every_word(pdf: PrintedPdf, label: str = "") -> None:
    everything = "".join(pdf.squeezed_pages)
    missing = [w for w in text_words(pdf.tei) if squeeze(w) and squeeze(w) not in everything
               and not hyphenated_across_pages(pdf, squeeze(w))]
    assert not missing, f"{label}: words of <text> missing from the PDF: {missing[:20]}"


def hyphenated_across_pages(pdf: PrintedPdf, word: str) -> bool:
    """A word hyphenated at the foot of one page and finished on the next (its footnotes come between)."""
    for page, following in zip(pdf.page_texts, pdf.squeezed_pages[1:]):
        for cut in range(2, len(word) - 1):
            if re.search(re.escape(word[:cut]) + r"[\-\u2010\u00ad]\n", page) and word[cut:] in following:
                return True
    return False


def assert_notes_beside_their_calls(pdf: PrintedPdf, label: str = "") -> None:
    """Each numbered note's text is on exactly the page that shows its call (word + number)."""
    problems = []
    for note in numbered_notes(pdf.tei):
        body_pages = pdf.pages_with(note.text[:60])
        words = note.before.split()
        # the last words before the call, then fewer (a page may break between them)
        call_pages = next((found for k in (3, 2, 1) if (found := pdf.pages_with(" ".join(words[-k:]) + note.number))),
                          []) if words else body_pages
        if not body_pages:
            problems.append(f"note {note.number} not printed: {note.text[:40]!r}")
        elif not set(body_pages) & set(call_pages):
            problems.append(f"note {note.number} on page(s) {[p + 1 for p in body_pages]}, "
                            f"its call on {[p + 1 for p in call_pages]}: {note.text[:40]!r}")
    assert not problems, f"{label}:\n" + "\n".join(problems)


# ---------------------------------------------------------------- the text


def test_every_word_of_the_text_is_printed(house):
    assert_prints_every_word(house, "house sample")


def test_every_word_of_a_long_document_is_printed(long_doc):
    assert_prints_every_word(long_doc, "long document")


def test_supplied_words_come_back_in_brackets(house):
    tei = etree.fromstring(house.tei)
    supplied = [" ".join(s.itertext()) for s in tei.iter(f"{TEI}supplied")]
    assert supplied
    text = " ".join(house.page_texts)
    for words in supplied:
        assert f"[{words}]" in text


def test_stamps_and_signatures_are_labelled_text(house):
    text = " ".join(house.page_texts)
    assert "STAMP" in text
    assert "[signature]" in text


def test_the_distribution_list_keeps_its_numbers(house):
    tei = etree.fromstring(house.tei)
    items = tei.findall(f".//{TEI}list[@type='distribution']/{TEI}item")
    assert items
    squeezed = "".join(house.squeezed_pages)
    for item in items:
        text = "".join(item.itertext()).strip()
        number = "" if text.startswith(item.get("n")) else f"{item.get('n')} – "
        assert squeeze(number + text) in squeezed


def house_with_a_long_distribution_list(fillers: int) -> bytes:
    """The house sample with ``fillers`` one-line paragraphs before the closer and eight recipients."""
    tree = etree.fromstring(HOUSE_SAMPLE.read_bytes())
    body = tree.find(f".//{TEI}body")
    at = list(body).index(body.find(f"{TEI}closer"))
    for _ in range(fillers):
        filler = etree.Element(TEI + "p")
        filler.text = "A short paragraph that fills one line of the page."
        body.insert(at, filler)
    recipients = tree.find(f".//{TEI}list[@type='distribution']")
    for n in range(3, 9):
        etree.SubElement(recipients, TEI + "item", n=str(n)).text = f"{n} – to Cde. Number {n}"
    return etree.tostring(tree, encoding="UTF-8")


def test_a_distribution_list_is_never_split_across_pages():
    """Pushed down one line at a time past a page end, the list moves to the next page whole (issue 12)."""
    split = []
    for fillers in range(6, 16, 2):
        document = laid_out(house_with_a_long_distribution_list(fillers))
        pages = {index for index, page in enumerate(document.pages) for box in page._page_box.descendants()
                 if getattr(box, "element", None) is not None and box.element_tag == "ul"
                 and "type-distribution" in (box.element.get("class") or "")
                 and any(getattr(child, "element_tag", None) == "li" for child in box.children)}
        assert pages, fillers
        if len(pages) > 1:
            split.append(fillers)
    assert not split, f"the distribution list splits across pages after {split} filler paragraphs"


# ---------------------------------------------------------------- notes


def test_every_note_is_printed(house):
    for note in numbered_notes(house.tei):
        assert house.pages_with(note.text), note.text


def test_footnotes_sit_on_the_page_of_their_call(house):
    assert_notes_beside_their_calls(house, "house sample")


def test_footnotes_of_a_long_dense_document_sit_on_the_page_of_their_call(long_doc):
    assert len(long_doc.page_texts) > 20
    assert_notes_beside_their_calls(long_doc, "long document")


def test_corpus_footnotes_sit_on_the_page_of_their_call(corpus):
    for name, pdf in corpus.items():
        assert_notes_beside_their_calls(pdf, name)
        assert_prints_every_word(pdf, name)


def test_endnotes_follow_the_text():
    pdf = printed("house", HOUSE_SAMPLE.read_bytes(), notes="endnotes")
    notes = numbered_notes(pdf.tei)
    last = len(pdf.page_texts) - 1
    notes_heading = max(pdf.pages_with("Notes"))
    for note in notes:
        assert min(pdf.pages_with(note.text[:60])) >= notes_heading
    assert "Notes" in pdf.outline_titles()
    assert notes_heading <= last


# ---------------------------------------------------------------- links between calls and notes


@dataclass(frozen=True)
class Link:
    page: int      # where the link is (0-based)
    target: str    # the named destination (an HTML id)
    lands: int     # the page the destination is on
    contents: str  # the link's description (/Contents)


def internal_links(pdf: PrintedPdf) -> list[Link]:
    """Every link annotation that leads to a named destination, with the page it lands on."""
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(pdf.reader.pages)}
    destinations = pdf.reader.named_destinations
    links = []
    for index, page in enumerate(pdf.reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link" or "/Dest" not in annotation:
                continue
            target = str(annotation["/Dest"])
            assert target in destinations, f"link to a missing destination {target!r}"
            links.append(Link(index, target, pages[destinations[target].page.idnum],
                              str(annotation.get("/Contents", ""))))
    return links


def printed_footnotes(tei: bytes) -> dict[str, tuple[str, str]]:
    """The print HTML's footnotes: id -> (number, text without the number)."""
    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_bytes

    html = etree.fromstring(PdfRenderer().print_html(parse_xml_bytes(tei)).encode(), etree.HTMLParser())
    notes = {}
    for span in html.iter("span"):
        if "fn" in (span.get("class") or "").split():
            number = span[0]
            assert "fn-number" in number.get("class", ""), "the footnote starts with its number"
            text = (number.tail or "") + "".join("".join(child.itertext()) + (child.tail or "") for child in span[1:])
            notes[span.get("id")] = (span.get("data-n"), " ".join(text.split()))
    return notes


def test_each_footnote_call_links_to_its_footnote_on_the_same_page(long_doc):
    notes = printed_footnotes(long_doc.tei)
    links = {link.target: link for link in internal_links(long_doc)}
    assert len(notes) > 20
    for note_id, (number, text) in notes.items():
        link = links.get(note_id)
        assert link is not None, f"the call of note {number} is not a link"
        assert link.lands == link.page, f"note {number}: call on page {link.page + 1}, link lands on {link.lands + 1}"
        assert link.lands in long_doc.pages_with(text[:60]), f"note {number}'s link does not land on its text"
        assert link.contents.endswith(f"note {number}"), link.contents


def test_each_footnote_number_links_back_to_its_call(long_doc):
    notes = printed_footnotes(long_doc.tei)
    links = {link.target: link for link in internal_links(long_doc)}
    for note_id, (number, _text) in notes.items():
        back = links.get(note_id.replace("note-", "noteref-", 1))
        assert back is not None, f"the number of note {number} does not link back"
        assert back.lands == back.page == links[note_id].page
        assert back.contents == f"Back to the text at note {number}"


def test_endnote_calls_link_to_the_notes_and_back():
    pdf = printed("house", HOUSE_SAMPLE.read_bytes(), notes="endnotes")
    notes_heading = max(pdf.pages_with("Notes"))
    links = internal_links(pdf)
    to_notes = [link for link in links if link.target.startswith("note-")]
    back = {link.target: link for link in links if link.target.startswith("noteref-")}
    assert len(to_notes) == len(numbered_notes(pdf.tei)) > 0
    for link in to_notes:
        assert link.page <= notes_heading <= link.lands
        assert back[link.target.replace("note-", "noteref-", 1)].lands == link.page


# ---------------------------------------------------------------- pages


def test_a4_by_default_and_letter_on_request(house):
    width, height = (float(x) for x in house.reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)
    letter = printed("house", HOUSE_SAMPLE.read_bytes(), paper="letter")
    width, height = (float(x) for x in letter.reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (612, 792)


def test_pages_say_page_x_of_y(long_doc):
    total = len(long_doc.page_texts)
    # the title page is not numbered (issue 12); the count still includes it
    assert "Page 1 of" not in long_doc.page_texts[0]
    for index, text in enumerate(long_doc.page_texts[1:], start=1):
        assert f"Page {index + 1} of {total}" in text


def test_running_heads_give_short_title_and_archival_reference(long_doc):
    citation = etree.fromstring(long_doc.tei).findtext(f".//{TEI}altIdentifier/{TEI}idno")
    second = long_doc.squeezed_pages[1]
    assert squeeze(citation) in second
    assert squeeze("Embassy Report") in second


def test_a_long_source_entry_makes_a_short_running_head():
    """Another project's sourceDesc may hold a whole bibliography entry: the head beside the page's
    top edge is cut at a word with an ellipsis (a drama's five-line head ran off the page)."""
    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_bytes

    entry = ("Johanna Musterfrau: Der Abend. In: Stücke der Zeit. Ausgewählt und mit einem Nachwort "
             "versehen von Max Beispiel. Band II. Berlin: Verlag 1971, S. 1591-1592. https://example.org/text")
    tei = (f'<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>Der Abend</title></titleStmt>'
           f"<publicationStmt><p>Test</p></publicationStmt><sourceDesc><bibl>{entry}</bibl></sourceDesc>"
           f"</fileDesc></teiHeader><text><body><p>Ein Wort.</p></body></text></TEI>").encode()
    html = etree.fromstring(PdfRenderer().print_html(parse_xml_bytes(tei)).encode(), etree.HTMLParser())
    head = html.xpath("string(//span[@class='rh-ref'])")
    assert head.endswith(" …") and len(head) <= 66
    assert entry.startswith(head[:-2])


def test_title_block_cites_the_document(house):
    first = house.squeezed_pages[0]
    tei = etree.fromstring(house.tei)
    for path in (f".//{TEI}titleStmt/{TEI}title", f".//{TEI}altIdentifier/{TEI}idno",
                 f".//{TEI}respStmt[@{XML_ID}='translator']/{TEI}persName", f".//{TEI}funder",
                 f".//{TEI}availability/{TEI}p"):
        assert squeeze(tei.findtext(path)) in first, path
    assert "How to cite" in house.page_texts[0]


# ---------------------------------------------------------------- metadata, outline, fonts


def test_pdf_metadata_title_author_subject_language(house):
    meta = house.reader.metadata
    tei = etree.fromstring(house.tei)
    assert meta.title == " ".join(tei.findtext(f".//{TEI}titleStmt/{TEI}title").split())
    # The header names no author: the translator is credited in the citation, not made the PDF's Author
    # (the citation record's authors, as in the HTML head and the exports: see test_citation_record.py).
    assert meta.author is None
    assert meta.subject and meta.subject.startswith(" ".join("".join(tei.find(f".//{TEI}abstract").itertext()).split())[:30])
    assert house.reader.trailer["/Root"]["/Lang"] == "en"


def test_bookmarks_lead_to_title_document_and_citation(house):
    titles = house.outline_titles()
    assert titles[0].startswith("Embassy Report")
    assert "Document" in titles and "How to cite" in titles


def test_every_font_is_embedded(house):
    assert house.fonts()
    assert all(font_is_embedded(f) for f in house.fonts())


def test_korean_chinese_and_cyrillic_names_print_in_embedded_fonts():
    pdf = printed("cjk", cjk_document())
    text = " ".join(pdf.page_texts)
    assert "김일성" in text and "毛泽东" in text and "Москва" in text
    names = {str(f.get("/BaseFont")) for f in pdf.fonts()}
    assert any("CJK" in n for n in names), names
    assert all(font_is_embedded(f) for f in pdf.fonts())


# ---------------------------------------------------------------- marginal marks


@functools.lru_cache(maxsize=4)
def laid_out(tei: bytes):
    """The WeasyPrint document before it is written: lets tests see where bars go (laid out once)."""
    from teiedition.rendering import pdf as pdfmod
    from teiedition.safexml import parse_xml_bytes
    from weasyprint import HTML

    html = pdfmod.PdfRenderer().print_html(parse_xml_bytes(tei))
    stylesheets, fonts = pdfmod._compiled_css("a4")
    return HTML(string=html).render(stylesheets=stylesheets, font_config=fonts)


def test_bars_stand_beside_the_marked_lines_only(long_doc):
    """Each marked span's bar starts at the span's own first line, even mid-paragraph."""
    from teiedition.rendering.pdf import marginal_bars

    document = laid_out(long_doc.tei)
    bars = marginal_bars(document)
    tei = etree.fromstring(long_doc.tei)
    spans = {s.get(XML_ID): s.getparent().get(XML_ID) for s in tei.iter(f"{TEI}seg") if s.get("type") == "marked"}
    checked = mid_paragraph = 0
    for index, page in enumerate(document.pages):
        tops: dict[str, float] = {}
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and element.get("id") and hasattr(box, "position_y"):
                tops.setdefault(element.get("id"), box.position_y)
        for span, paragraph in spans.items():
            if span in tops and paragraph in tops:
                assert any(b.page == index and abs(b.top - tops[span]) < 6 for b in bars), span
                checked += 1
                mid_paragraph += tops[span] > tops[paragraph] + 5
    assert checked >= len(spans) // 2 and mid_paragraph > 10


def test_query_marks_print_a_question_mark_in_the_left_margin(long_doc):
    document = laid_out(long_doc.tei)
    glyphs = [b for page in document.pages for b in page._page_box.descendants()
              if getattr(b, "element", None) is not None
              and "margin-glyph" in (b.element.get("class") or "") and hasattr(b, "position_x")]
    assert glyphs
    text_left = 30 / 25.4 * 96  # the 30 mm left page margin, in CSS px
    for glyph in glyphs:
        assert glyph.position_x + glyph.width < text_left - 10


def test_bars_are_drawn_into_the_pdf(long_doc):
    """Each page with marks has one extra content stream with our strokes."""
    pages_with_bars = [p for p in long_doc.reader.pages
                       if isinstance(p.get("/Contents"), pypdf.generic.ArrayObject)]
    assert pages_with_bars
    strokes = pages_with_bars[0]["/Contents"][-1].get_object().get_data()
    assert strokes.count(b" l") >= 1 and b"S" in strokes


# ---------------------------------------------------------------- behaviour


def test_same_input_gives_the_same_bytes(house):
    again = printed("house-again", HOUSE_SAMPLE.read_bytes())
    assert again.data == house.data


def test_a_non_tei_document_is_refused_in_one_line(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main

    source = tmp_path / "letter.xml"
    source.write_text("<letter><p>Not TEI</p></letter>", encoding="utf-8")
    out = tmp_path / "letter.pdf"
    result = CliRunner().invoke(main, ["render", str(source), "--to", "pdf", "-o", str(out)])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_malformed_xml_leaves_no_pdf_behind(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main

    source = tmp_path / "broken.xml"
    source.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    out = tmp_path / "broken.pdf"
    result = CliRunner().invoke(main, ["render", str(source), "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not out.exists() and not list(tmp_path.glob(".broken.pdf*"))


def test_the_pdf_fetches_nothing(tmp_path):
    """A graphic pointing at a local file or the network is not read into the PDF."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    tei = HOUSE_SAMPLE.read_bytes().replace(
        b"</body>", f"<figure><graphic url='file://{secret}'/></figure><figure><graphic url='http://example.invalid/x.png'/></figure></body>".encode(), 1)
    pdf = printed("graphic", tei)
    assert b"/Image" not in pdf.data


def test_the_first_layout_keeps_every_footnote_with_its_call(long_doc):
    """No re-layout needed: WeasyPrint as shipped sends some notes a page on, ours none (issue 12's cost)."""
    from weasyprint import HTML

    from teiedition.rendering import pdf as pdfmod
    from teiedition.safexml import parse_xml_bytes

    assert pdfmod._policy_keeping_linebox_layout() is not None, "WeasyPrint's line layout changed: see pdf.py"
    assert pdfmod.misplaced_footnotes(laid_out(long_doc.tei)), "WeasyPrint as shipped now keeps notes itself?"
    html = pdfmod.PdfRenderer().print_html(parse_xml_bytes(long_doc.tei))
    stylesheets, fonts = pdfmod._compiled_css("a4")
    with pdfmod.footnotes_kept_with_their_calls():
        document = HTML(string=html).render(stylesheets=stylesheets, font_config=fonts)
    assert pdfmod.misplaced_footnotes(document) == []
