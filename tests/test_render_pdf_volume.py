"""A teiCorpus printed as one volume, and another project's TEI printed with only what it says (issue 20).

The corpus and the documents are invented.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
from click.testing import CliRunner
from lxml import html as lxml_html

from teiedition.cli import main
from teiedition.rendering.pdf import PdfRenderer
from teiedition.safexml import parse_xml_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"


def member(title: str, body: str, *, header: str = "") -> str:
    return (f"<TEI><teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>"
            f"<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc>"
            f"{header}</teiHeader><text><body>{body}</body></text></TEI>")


FIRST = member("First letter about the quay",
               "<div><head>The quay</head><p>The quay wall needs mending before winter."
               "<note place=\"foot\" xml:id=\"n1\">Written in haste.</note></p>"
               + "".join(f"<p>Stone {i} is ordered from the quarry at Kirkby.</p>" for i in range(60)) + "</div>")
SECOND = member("Second letter about the lighthouse keeper’s cottage and the state of its slate roof",
                "<div><head>The lighthouse</head><p>The keeper asks for slates."
                "<note place=\"foot\" xml:id=\"n1\">Another note with the same id.</note></p></div>")
CORPUS = (f'<teiCorpus xmlns="{TEI_NS}" xml:lang="en"><teiHeader><fileDesc><titleStmt>'
          "<title>Letters of the Harbour Board</title><editor>Ada Example</editor></titleStmt>"
          "<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc>"
          f"</teiHeader>{FIRST}{SECOND}</teiCorpus>")


def render_pdf(tmp_path: Path, xml: str, name: str = "corpus.xml"):
    source = tmp_path / name
    source.write_text(xml, encoding="utf-8")
    out = tmp_path / (source.stem + ".pdf")
    return source, out, CliRunner().invoke(main, ["render", str(source), "--to", "pdf", "-o", str(out)])


def outline(reader: pypdf.PdfReader) -> list:
    def walk(items):
        return [walk(item) if isinstance(item, list) else item.title for item in items]
    return walk(reader.outline)


def test_a_corpus_prints_as_one_volume_each_member_a_part_with_its_title_in_the_outline(tmp_path):
    _, out, result = render_pdf(tmp_path, CORPUS)
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    top = [entry for entry in outline(reader) if isinstance(entry, str)]
    assert top == ["Letters of the Harbour Board", "First letter about the quay",
                   "Second letter about the lighthouse keeper’s cottage and the state of its slate roof"]
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    text = " ".join(pages)
    assert "Contents" in pages[0] and "First letter about the quay" in pages[0]
    for words in ("The quay wall needs mending before winter.", "Stone 59 is ordered", "The keeper asks for slates.",
                  "Written in haste.", "Another note with the same id."):
        assert words in text


def test_each_part_has_its_own_running_head(tmp_path):
    _, out, result = render_pdf(tmp_path, CORPUS)
    assert result.exit_code == 0, result.output
    pages = [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages]
    quay = [i for i, t in enumerate(pages) if "Stone 30 is ordered" in t]
    keeper = [i for i, t in enumerate(pages) if "The keeper asks for slates." in t]
    assert quay and keeper and keeper[0] > quay[0]
    # (the running head is drawn as an artifact: text extraction gives it as a line of its own)
    assert "First letter about the quay" in pages[quay[0]].splitlines()
    lines = pages[keeper[0]].splitlines()
    assert any(line.startswith("Second letter about the lighthouse") and line.endswith("…") for line in lines)
    assert "First letter about the quay" not in lines


def test_ids_of_the_parts_stay_apart_and_every_link_lands(tmp_path):
    html = PdfRenderer().print_html(parse_xml_bytes(CORPUS.encode()))
    page = lxml_html.document_fromstring(html)
    ids = [el.get("id") for el in page.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids))
    links = {a.get("href")[1:] for a in page.iter("a") if (a.get("href") or "").startswith("#")}
    assert links and links <= set(ids)
    # the second part's note call leads to the second part's note, not the first's
    call = page.xpath("//section[@id='part-2']//a[contains(@href, 'n1') or contains(@href, 'note')]")
    assert call and all(c.get("href").startswith("#p2-") for c in call)


def test_a_corpus_with_nothing_to_print_is_one_line_naming_the_file(tmp_path):
    empty = (f'<teiCorpus xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>C</title></titleStmt>'
             "<publicationStmt><p>T</p></publicationStmt><sourceDesc><p>T</p></sourceDesc></fileDesc></teiHeader>"
             "</teiCorpus>")
    source, out, result = render_pdf(tmp_path, empty)
    assert result.exit_code == 1 and not out.exists()
    line = result.output.strip()
    assert len(line.splitlines()) == 1 and line.startswith(f"teiedition: error: {source}: the teiCorpus holds no")


# ---- another project's TEI: only what the file says ---------------------------------------

FOREIGN = (f'<TEI xmlns="{TEI_NS}" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>A sonnet</title>'
           "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
           "<text><body><lg><l>Shall I compare thee to a summer's day?</l>"
           "<l>Thou art more <choice><sic>lovly</sic><corr>lovely</corr></choice> and more temperate.</l></lg>"
           "</body></text></TEI>")


def printed_text(tmp_path: Path, xml: str, name: str) -> str:
    _, out, result = render_pdf(tmp_path, xml, name)
    assert result.exit_code == 0, result.output
    return " ".join(" ".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
                    .split())


def test_a_foreign_file_gets_no_house_boilerplate_and_no_empty_headings(tmp_path):
    text = printed_text(tmp_path, FOREIGN, "sonnet.xml")
    assert "Shall I compare thee to a summer's day?" in text and "more lovely and more temperate" in text
    for house in ("translator", "Stamps and handwriting", "later reader", "About this document",
                  "Obvious slips of the translation"):
        assert house not in text, house
    # what the print did to the text is still said, in words that fit the file
    assert "Readings this file corrects or regularises" in text
    assert "lovely (the source reads “lovly”)" in text


def test_a_foreign_file_with_nothing_to_say_about_its_edition_has_no_edition_section(tmp_path):
    plain = FOREIGN.replace("<choice><sic>lovly</sic><corr>lovely</corr></choice>", "lovely")
    html = PdfRenderer().print_html(parse_xml_bytes(plain.encode()))
    assert "About this edition" not in html and "This print edition" not in html
    assert 'id="about"' not in html


def test_the_house_documents_keep_their_conventions(tmp_path):
    house = (Path(__file__).parent / "fixtures" / "house_sample.xml").read_bytes()
    html = PdfRenderer().print_html(parse_xml_bytes(house))
    assert "This print edition" in html and "Words supplied by the translator" in html
    assert re.search(r'<section id="about"', html)


def test_a_document_over_the_print_budget_is_refused_in_one_line_naming_it(tmp_path, monkeypatch):
    """TEI Publisher's Kant (3.1 MB) was refused without its name; a corpus counts all its members' texts."""
    monkeypatch.setenv("TEIEDITION_PDF_MAX_ELEMENTS", "60")
    single = CORPUS.replace("<teiCorpus", "<teiCorpusX").split("<TEI>")[1].split("</TEI>")[0]
    tei = f'<TEI xmlns="{TEI_NS}">{single}</TEI>'
    for name, xml in (("long.xml", tei), ("corpus.xml", CORPUS)):
        source, out, result = render_pdf(tmp_path, xml, name)
        assert result.exit_code == 1 and not out.exists()
        line = result.output.strip()
        assert len(line.splitlines()) == 1
        assert line.startswith(f"teiedition: error: {source}: too large for one print edition"), line


def test_a_parts_title_page_has_no_running_head(tmp_path):
    """A title page carries no running head; the part's later pages do (looked at with pdftoppm)."""
    _, out, result = render_pdf(tmp_path, CORPUS)
    assert result.exit_code == 0, result.output
    pages = [(page.extract_text() or "").splitlines() for page in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages]
    title_pages = [i for i, lines in enumerate(pages) if "How to cite" in lines]
    assert len(title_pages) == 2
    first, second = (pages[i] for i in title_pages)
    assert first.count("First letter about the quay") == 1  # the title, no head above it
    assert not any(line.startswith("Second letter about") and line.endswith("…") for line in second)
    after = pages[title_pages[0] + 1]
    assert "First letter about the quay" in after  # the head is back on the next page
