"""The PDF of other projects' TEI: it never crashes, and every error names its file (issue 20).

The shapes come from public TEI that broke the print edition: the TEI Stylesheets'
Test/test.xml (a pretty-printed note inside a heading crashed WeasyPrint with
"Got ' \\n' between two lines", exit 3) and documents whose content is all in
<sourceDoc> or <standOff> (tests/fixtures/foreign-projects, sources in SOURCE there).
The TEI here is invented in the same shape.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from teiedition.cli import main

FOREIGN = Path(__file__).parent / "fixtures" / "foreign-projects"
TEI_NS = "http://www.tei-c.org/ns/1.0"
WORD = re.compile(r"\w+")


def tei(body: str, *, text: bool = True) -> str:
    content = f"<text><body>{body}</body></text>" if text else body
    return (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>A pretty-printed file</title>'
            "</titleStmt><publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Invented.</p>"
            f"</sourceDesc></fileDesc></teiHeader>{content}</TEI>")


def render_pdf(tmp_path: Path, name: str, xml: str):
    source = tmp_path / name
    source.write_text(xml, encoding="utf-8")
    out = tmp_path / (source.stem + ".pdf")
    result = CliRunner().invoke(main, ["render", str(source), "--to", "pdf", "-o", str(out)])
    return source, out, result


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


#: Indented TEI: notes whose text runs over two source lines with a space before the line break
#: ("und \n\tSiglen"; the spaces are written {sp} so that no editor strips them).
PRETTY_PRINTED_NOTE = """
  <div>
    <head>Footnotes and endnotes</head>
    <div>
      <head>1 Zur Entstehung der <hi rend="smcap">Philosophischen
        Untersuchungen</hi><note n="8" place="foot">Zu Textauszeichnungen und{sp}
	Siglen siehe die Legende, die am Ende des Bandes steht.</note></head>
      <p>Iriure dolor in hendrerit in vulputate velit esse molestie
        consequat.<note place="foot">A second note, also{sp}
        broken over two lines, in a paragraph this time.</note> Vel illum dolore.</p>
    </div>
  </div>""".replace("{sp}", " ")


def test_a_note_broken_over_source_lines_prints(tmp_path):
    """WeasyPrint 70 asserted on a space before a line break in a footnote; the PDF now prints it whole."""
    _, out, result = render_pdf(tmp_path, "pretty.xml", tei(PRETTY_PRINTED_NOTE))
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(out).split())
    assert "Zu Textauszeichnungen und Siglen siehe die Legende" in text
    assert "A second note, also broken over two lines" in text


def test_a_layout_engine_failure_is_one_line_naming_the_file(tmp_path, monkeypatch):
    """Should WeasyPrint assert on another shape, the reader gets one line with the file, exit 1, no PDF."""
    from teiedition.rendering import pdf as pdfmod

    def failing(*args, **kwargs):
        raise AssertionError("Got ' \\n' between two lines. Expected nothing or a preserved line break")

    monkeypatch.setattr(pdfmod, "_html_to_pdfs", failing)
    source, out, result = render_pdf(tmp_path, "engine.xml", tei("<p>Text.</p>"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(source) in lines[0] and "WeasyPrint" in lines[0]
    assert "internal error" not in result.output and not out.exists()


def test_nothing_to_print_names_the_file(tmp_path):
    source, out, result = render_pdf(tmp_path, "header-only.xml", tei("", text=False))
    assert result.exit_code == 1
    assert f"{source}: " in result.output and "nothing to print" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def source_lines(path: Path) -> list[str]:
    """The text of each line (or zone without lines) of the sourceDoc, white space removed."""
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    lines = root.xpath("//t:sourceDoc//t:line | //t:sourceDoc//t:zone[not(.//t:line)]", namespaces={"t": TEI_NS})
    return [squeezed for line in lines if (squeezed := re.sub(r"\s+", "", "".join(line.itertext())))]


@pytest.mark.parametrize("name", ["sga-to-laughter-sourcedoc.xml", "tei-stylesheets-test31-sourcedoc.xml"])
def test_a_document_whose_text_is_its_source_doc_prints_that_text(tmp_path, name):
    """Every line of the transcription is in the PDF (the print edition refused these: "no <text>")."""
    source = FOREIGN / name
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(main, ["render", str(source), "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    printed = re.sub(r"\s+", "", pdf_text(out))
    lines = source_lines(source)
    assert len(lines) >= 5
    missing = [line for line in lines if line not in printed]
    assert missing == []
    assert "Transcriptionofthesource" in printed
