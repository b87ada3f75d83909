"""The print edition for readers who use a screen reader or copy text (issue 12)."""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdf
import pytest

from htmlpage import HOUSE_SAMPLE
from test_render_pdf import numbered_notes, printed


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


def test_every_link_annotation_sits_in_a_link_structure_element(house):
    """PDF/UA: each link (note calls and the notes' numbers) is the object of a /Link element."""
    annotations = [a.get_object() for page in house.reader.pages for a in page.get("/Annots") or []]
    links = [a for a in annotations if a.get("/Subtype") == "/Link"]
    assert len(links) >= 2 * len(numbered_notes(house.tei)) > 0
    owners = {}
    for element in structure_elements(house.reader):
        kids = element.get("/K")
        kids = kids.get_object() if kids is not None else []
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object()
            if hasattr(kid, "get") and kid.get("/Type") == "/OBJR":
                owners[kid.raw_get("/Obj").idnum] = element.get("/S")
    for link in links:
        assert owners.get(link.indirect_reference.idnum) == "/Link"
        assert "/StructParent" in link
        assert not str(link.get("/Contents", "")).startswith(("note-", "noteref-")), "a link says its target id"


def test_every_link_element_holds_a_link(house):
    """PDF/UA: no /Link element without its annotation (names once linked to an index the print has not)."""
    elements = structure_elements(house.reader)
    empty = []
    for element in elements:
        if element.get("/S") != "/Link":
            continue
        kids = element.get("/K")
        kids = kids.get_object() if kids is not None else []
        kids = [k.get_object() for k in (kids if isinstance(kids, list) else [kids])]
        if not any(hasattr(k, "get") and k.get("/Type") == "/OBJR" for k in kids):
            empty.append(element)
    assert sum(el.get("/S") == "/Link" for el in elements) > 0
    assert empty == []


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


# ---------------------------------------------------------------- PDF/A (--pdf-variant a)


@pytest.fixture(scope="module")
def archival():
    return printed("house", HOUSE_SAMPLE.read_bytes(), variant="a")


def xmp_identification(reader: pypdf.PdfReader) -> dict[str, str]:
    from lxml import etree

    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    root = etree.fromstring(packet)
    found = {}
    for description in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
        for name, value in description.attrib.items():
            if name.startswith(("{http://www.aiim.org/pdfa/ns/id/}", "{http://www.aiim.org/pdfua/ns/id/}")):
                prefix = "pdfaid" if "/pdfa/" in name else "pdfuaid"
                found[f"{prefix}:{name.rsplit('}', 1)[1]}"] = value
    return found


def test_pdf_a_declares_pdf_a_3a_and_pdf_ua_1_in_its_xmp(archival):
    assert xmp_identification(archival.reader) == {"pdfaid:part": "3", "pdfaid:conformance": "A", "pdfuaid:part": "1"}
    packet = archival.reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in packet  # readable by XMP scanners, accepted by every part of PDF/A
    assert b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in packet.get_data()


def test_the_default_pdf_declares_pdf_ua_1_only(house):
    assert xmp_identification(house.reader) == {"pdfuaid:part": "1"}


def test_pdf_a_is_tagged_with_an_srgb_output_intent_an_id_and_printable_links(archival):
    root = archival.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"] == "en"
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "sRGB" in intent["/OutputConditionIdentifier"]
    assert len(archival.reader.trailer["/ID"]) == 2
    links = [a.get_object() for p in archival.reader.pages for a in p.get("/Annots") or []]
    assert links and all(a["/F"] == 4 for a in links)  # PDF/A: annotations are printed, never hidden
    assert archival.reader.metadata.title == house_title(archival)


def house_title(pdf) -> str:
    from lxml import etree

    return " ".join(etree.fromstring(pdf.tei).findtext(".//{http://www.tei-c.org/ns/1.0}titleStmt/{http://www.tei-c.org/ns/1.0}title").split())


def test_pdf_a_embeds_every_font_with_a_unicode_map(archival):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) not installed")
    listing = subprocess.run(["pdffonts", "-"], input=archival.data, capture_output=True, check=True).stdout.decode()
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, uni) == ("yes", "yes"), row


def test_the_pdf_variant_option_reaches_the_file(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main

    out = tmp_path / "archive.pdf"
    result = CliRunner().invoke(main, ["render", str(HOUSE_SAMPLE), "--to", "pdf", "--pdf-variant", "a", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert xmp_identification(pypdf.PdfReader(out))["pdfaid:part"] == "3"
    refused = CliRunner().invoke(main, ["render", str(HOUSE_SAMPLE), "--to", "pdf", "--pdf-variant", "x", "-o", str(out)])
    assert refused.exit_code == 2
