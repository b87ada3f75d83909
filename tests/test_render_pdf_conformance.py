"""The print edition passes a PDF/UA-1 and PDF/A-3a checker (issue 21).

page-validation (the ``page`` checker, which claims parity with the veraPDF test
corpus) reads each PDF as an archive or an accessibility audit would: the seed,
every dev document, a long (about 100-page) document and other projects' TEI
whose content is in sourceDoc or standOff, in both variants the
command line offers.  ``--pdf-variant ua`` is checked against PDF/UA-1;
``--pdf-variant a`` declares PDF/A-3a and PDF/UA-1 and is checked against both.
Each layout is written in both variants at once (``render_variants``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from conftest import DEV_CORPUS, RUN_DATE, SEEDS
from generated_tei import annotated_document, long_document
from htmlpage import HOUSE_SAMPLE

page = pytest.importorskip("page", reason="page-validation (pip install page-validation) not installed")

#: Paragraphs of the generated document that make about 100 A4 pages.
LONG_PARAGRAPHS = 510  # ~100 pages (fewer since notes no longer push whole paragraphs on)
#: The profiles each variant must pass.
PROFILES = {"ua": ("ua1",), "a": ("ua1", "3a")}

_rendered: dict[str, dict[str, bytes]] = {}


def both_variants(name: str, tei: bytes) -> dict[str, bytes]:
    """The PDF of ``tei`` in both variants, from one layout, once per session."""
    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_bytes

    if name not in _rendered:
        _rendered[name] = PdfRenderer().render_variants(parse_xml_bytes(tei, name=name), variants=("ua", "a"))
    return _rendered[name]


def failures(data: bytes, profile: str) -> list[str]:
    report = page.validate_pdf_bytes(data, profile=profile)
    assert report.rules.total > 50, f"{profile}: the checker ran only {report.rules.total} rules"
    return [f"{f.rule_id}: {f.message}" for f in report.failures]


def assert_conformant(name: str, tei: bytes) -> None:
    for variant, data in both_variants(name, tei).items():
        for profile in PROFILES[variant]:
            assert failures(data, profile) == [], f"{name} --pdf-variant {variant}, checked as {profile}"


def converted(path) -> bytes:
    from teiedition import convert

    text = path.read_text(encoding="utf-8")
    return convert.convert_text(text, doc_id=convert.doc_id_for(path), run_date=RUN_DATE).tei


def test_the_house_sample_passes_pdf_ua_1_and_pdf_a_3a():
    """Lists of facts, notes, marks drawn in the margin, running heads: the shapes every edition has."""
    assert_conformant("house", HOUSE_SAMPLE.read_bytes())


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_the_seed_passes_pdf_ua_1_and_pdf_a_3a(path):
    assert_conformant(path.stem, converted(path))


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "fixtures" / "foreign-projects").glob("*.xml")),
                         ids=lambda p: p.stem)
def test_other_projects_sourcedoc_and_registers_pass_pdf_ua_1_and_pdf_a_3a(path):
    """Surfaces and zones, and registers whose entries nest a list of facts in a list item (LI-KIDS)."""
    assert_conformant(path.stem, path.read_bytes())


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(DEV_CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_dev_document_passes_pdf_ua_1_and_pdf_a_3a(path):
    assert_conformant(path.stem, converted(path))


@pytest.mark.slow
def test_a_hundred_page_document_passes_pdf_ua_1_and_pdf_a_3a():
    pdfs = both_variants("long-100", long_document(LONG_PARAGRAPHS))
    assert len(pypdf.PdfReader(io.BytesIO(pdfs["ua"])).pages) >= 95
    assert_conformant("long-100", long_document(LONG_PARAGRAPHS))


def test_pages_dense_with_notes_pass_pdf_ua_1_and_pdf_a_3a():
    """The footnote area summed from each note's height (rendering/footnote_area.py) tags as before."""
    assert_conformant("annotated", annotated_document())


def test_a_corpus_volume_passes_pdf_ua_1_and_pdf_a_3a():
    """Parts with title pages without running heads (an empty running string: nothing drawn, nothing tagged)."""
    from test_render_pdf_volume import CORPUS

    assert_conformant("volume", CORPUS.encode())


def test_both_variants_come_from_one_layout():
    pdfs = both_variants("house", HOUSE_SAMPLE.read_bytes())
    texts = {v: [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(d)).pages] for v, d in pdfs.items()}
    assert texts["ua"] == texts["a"]


# ---- what the checker does not see: page furniture is out of the reading order


def marked_text(data: bytes, page_index: int) -> tuple[str, str]:
    """The text a page draws as artifacts, and the text it draws as tagged content."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    stack: list[str] = []
    parts = {"artifact": [], "content": []}

    def before(operator, operands, cm, tm):
        if operator in (b"BMC", b"BDC"):
            stack.append(str(operands[0]))
        elif operator == b"EMC" and stack:
            stack.pop()

    def text(t, cm, tm, font, size):
        parts["artifact" if "/Artifact" in stack else "content"].append(t)

    reader.pages[page_index].extract_text(visitor_operand_before=before, visitor_text=text)
    return " ".join("".join(parts["artifact"]).split()), " ".join("".join(parts["content"]).split())


def test_running_heads_and_page_numbers_are_artifacts_not_text():
    """A screen reader reading page 2 hears the document, not "Page 2 of 9" and the title again."""
    data = both_variants("house", HOUSE_SAMPLE.read_bytes())["ua"]
    artifact, content = marked_text(data, 1)
    assert re.search(r"Page 2 of \d+", artifact)
    assert not re.search(r"Page 2 of \d+", content)
    assert "Page" not in content.split()[:3]


def test_every_marked_content_belongs_to_the_structure_tree():
    """No tagged text sits outside the tree (WeasyPrint left the running heads' /Span elements orphaned)."""
    reader = pypdf.PdfReader(io.BytesIO(both_variants("house", HOUSE_SAMPLE.read_bytes())["ua"]))
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    reachable = set()

    def walk(value):
        if hasattr(value, "idnum"):
            if value.idnum in reachable:
                return
            reachable.add(value.idnum)
        value = value.get_object()
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif hasattr(value, "get") and value.get("/K") is not None:
            walk(value.raw_get("/K"))

    walk(root.raw_get("/K"))
    nums = root["/ParentTree"]["/Nums"]
    orphans = []
    for key, value in zip(nums[::2], nums[1::2]):
        value = value.get_object()
        refs = value if isinstance(value, list) else [value]
        orphans += [(key, ref.idnum) for ref in refs if hasattr(ref, "idnum") and ref.idnum not in reachable]
    assert orphans == []


def test_header_facts_are_list_items_with_a_label_and_a_body():
    """Each fact of the title page (term and value) is one /LI: the term its /Lbl, the value its /LBody."""
    from test_render_pdf_tagged import structure_elements

    reader = pypdf.PdfReader(io.BytesIO(both_variants("house", HOUSE_SAMPLE.read_bytes())["ua"]))
    elements = structure_elements(reader)
    lists = [e for e in elements if e.get("/S") == "/L"]
    assert lists
    for lst in lists:
        for kid in lst["/K"] if isinstance(lst["/K"], list) else [lst["/K"]]:
            kid = kid.get_object()
            if hasattr(kid, "get") and kid.get("/S"):
                assert kid["/S"] in ("/L", "/LI", "/Caption")
    labelled = [e for e in elements if e.get("/S") == "/LI"
                and [k.get_object().get("/S") for k in e["/K"]] == ["/Lbl", "/LBody"]]
    assert len(labelled) >= 5


def test_a_stream_ending_in_a_carriage_return_keeps_its_length_exact():
    """About one compressed stream in 256 ends with the byte CR: its end-of-line before endstream is CR LF."""
    import pydyf

    from teiedition.rendering.pdf import streams_ending_unambiguously

    with streams_ending_unambiguously():
        data = pydyf.Stream([b"q 1 0 0 1 0 0 cm\r"]).data
    assert data.endswith(b"cm\r\r\nendstream")
    length = int(re.search(rb"/Length (\d+)", data).group(1))
    body = data.split(b"stream\n", 1)[1][: -len(b"\r\nendstream")]
    assert len(body) == length


RAGGED_TABLE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Pictures</title>
</titleStmt><publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Invented, in the shape of the TEI
Stylesheets' Test/test.xml.</p></sourceDesc></fileDesc></teiHeader><text><body><table>
<row role="label"><cell>Picture</cell><cell>Description</cell><cell>Direction</cell></row>
<row><cell rows="2">Taken with a film camera</cell></row>
<row><cell cols="2">All taken on one day in June</cell></row>
<row><cell>First</cell><cell>Flowers on the ridge</cell><cell>north</cell></row>
<row><cell>Second</cell><cell>Sunset</cell></row>
</table></body></text></TEI>""".encode()


def test_a_ragged_table_gets_rows_of_equal_width():
    """Short rows end in blank cells: PDF/UA-1 wants every row to span the table's columns."""
    data = both_variants("ragged", RAGGED_TABLE)["ua"]
    assert not [f for f in failures(data, "ua1") if "ROW-COLUMNSPAN" in f]
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    for words in ("Taken with a film camera", "All taken on one day in June", "Flowers on the ridge", "Sunset"):
        assert words in " ".join(text.split())
