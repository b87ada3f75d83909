"""The print edition for readers who use a screen reader or copy text (issue 12)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdf
import pytest

from htmlpage import HOUSE_SAMPLE
from test_render_pdf import printed


@pytest.fixture(scope="module")
def house():
    return printed("house", HOUSE_SAMPLE.read_bytes())


def structure_elements(reader: pypdf.PdfReader) -> list:
    found = []

    def walk(node):
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if node.get("/S"):
            found.append(node)
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        for kid in (kids if isinstance(kids, list) else [kids]):
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_pdf_is_tagged_for_pdfinfo():
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) not installed")
    from test_render_pdf import printed as _printed

    data = _printed("house", HOUSE_SAMPLE.read_bytes()).data
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "Tagged:          yes" in info


def test_structure_tree_holds_each_translators_note_as_a_note(house):
    notes = [el for el in structure_elements(house.reader) if el.get("/S") == "/Note"]
    from test_render_pdf import numbered_notes

    expected = numbered_notes(house.tei)
    assert len(notes) == len(expected) > 0
    assert all(str(n.get("/ID", "")).startswith("note-") for n in notes)


def test_the_document_language_is_declared(house):
    assert str(house.reader.trailer["/Root"].get("/Lang", "")) == "en"


def test_the_title_page_has_no_page_number(house):
    assert "Page 1 of" not in house.page_texts[0]
    assert f"Page 2 of {len(house.reader.pages)}" in house.page_texts[1]


def test_keywords_are_the_names_of_the_document_not_the_archive(house):
    keywords = house.reader.metadata.get("/Keywords", "")
    assert "Kim Il Sung" in keywords
    assert "Russian State Archive" not in keywords and "RGANI" not in keywords


def test_uncertain_marks_are_drawn_dotted():
    from teiedition.rendering.pdf import Bar, draw_bars

    class FakePdf:
        def __init__(self):
            import pydyf

            self.objects = [None, pydyf.Dictionary({"MediaBox": [0, 0, 595, 842], "Contents": pydyf.Array([])})]
            self.pages = {"Kids": [1, 0, "R"]}
            self.added = []

        def add_object(self, obj):
            self.added.append(obj)

    pdf = FakePdf()
    draw_bars(pdf, [Bar(0, 100, 10, 50, "single-line~dotted", 0), Bar(0, 100, 60, 90, "single-line", 1)])
    drawn = b"".join(bytes(s.stream[i]) if isinstance(s.stream[i], bytes) else str(s.stream[i]).encode()
                     for s in pdf.added for i in range(len(s.stream)))
    assert b"[0.9 1.8] 0 d" in drawn and b"[] 0 d" in drawn


def test_line_end_hyphens_copy_out_as_whole_words():
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    from conftest import EDITIONS

    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_file

    data = PdfRenderer().render(parse_xml_file(sorted(EDITIONS.glob("*.xml"))[0]))
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "\u2010" not in text  # WeasyPrint's default hyphenation character stays in copied text
    broken = [line for line in text.splitlines() if line.rstrip().endswith("-") and line.rstrip()[-2:-1].isalpha()]
    assert broken == [], broken[:5]
    assert "positions" in text
