"""``teiedition render --to html``: bad input, exit codes, whole-or-nothing output, no reads outside the input.

Decisions tested here (and documented in render.py and the README):
not XML -> exit 2; XML but not TEI -> exit 1; TEI that is not schema-valid ->
a best-effort page with warnings, exit 0.  Never a traceback; never a
partial output file; no file outside the input is read because of the input.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from htmlpage import HOUSE_SAMPLE, parse_page, tei_doc
from teiedition.cli import main

HOSTILE = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<facsimile><surface><graphic url="file:///etc/passwd"/></surface></facsimile>
<text><body>
<p>Look <ref target="file:///etc/passwd">here</ref> <ptr target="file:///etc/hostname"/>
<ref target="javascript:alert(1)">js</ref> <graphic url="../../../../etc/passwd"/>
<graphic url="file:///etc/passwd"/> <pb facs="file:///etc/passwd" n="2"/></p>
<xi:include href="file:///etc/passwd" parse="text"/>
<xi:include href="../outside.xml"/>
</body></text></TEI>"""


def run(*args):
    result = CliRunner().invoke(main, ["render", *map(str, args)])
    assert "Traceback" not in result.output
    return result


def one_line_error(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got: {result.output!r}"
    return lines[0]


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "doc.xml"
    shutil.copy(HOUSE_SAMPLE, path)
    return path


def test_renders_a_tei_file_to_html_beside_it(sample):
    result = run(sample)
    assert result.exit_code == 0, result.output
    page = parse_page((sample.with_suffix(".html")).read_text(encoding="utf-8"))
    assert page.xpath("//h1")


def test_output_option_names_the_file_and_links_back_to_the_tei(sample, tmp_path):
    out = tmp_path / "web" / "page.html"
    assert run(sample, "-o", out).exit_code == 0
    page = parse_page(out.read_text(encoding="utf-8"))
    assert page.xpath("//ul[@class='downloads']//a/@href")[0] == "../doc.xml"


def test_pdf_beside_the_page_is_offered_for_download(sample):
    sample.with_suffix(".pdf").write_bytes(b"%PDF-1.7 stand-in")
    run(sample)
    page = parse_page(sample.with_suffix(".html").read_text(encoding="utf-8"))
    assert "doc.pdf" in page.xpath("//ul[@class='downloads']//a/@href")


def test_output_folder_gets_a_page_named_after_the_input(sample, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    assert run(sample, "-o", folder).exit_code == 0
    assert (folder / "doc.html").exists()


def test_unwritable_output_is_a_one_line_error(sample, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run(sample, "-o", blocker / "page.html")
    assert result.exit_code == 2
    assert "cannot write" in one_line_error(result)


def test_dash_writes_the_page_to_standard_output(sample):
    result = run(sample, "-o", "-")
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE HTML>")


def test_not_xml_is_a_one_line_error_exit_2(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><text>unclosed", encoding="utf-8")
    result = run(bad)
    assert result.exit_code == 2
    assert "not well-formed XML" in one_line_error(result)
    assert not bad.with_suffix(".html").exists()


def test_not_tei_is_a_one_line_error_exit_1(tmp_path):
    other = tmp_path / "other.xml"
    other.write_text("<html><body>hi</body></html>", encoding="utf-8")
    result = run(other)
    assert result.exit_code == 1
    assert "not TEI" in one_line_error(result)


def test_tei_without_the_namespace_is_explained(tmp_path):
    other = tmp_path / "nons.xml"
    other.write_text("<TEI><text><body><p>x</p></body></text></TEI>", encoding="utf-8")
    result = run(other)
    assert result.exit_code == 1
    assert "xmlns=" in one_line_error(result)


def test_missing_file_is_a_one_line_error_exit_2(tmp_path):
    result = run(tmp_path / "nope.xml")
    assert result.exit_code == 2
    assert "no such file" in one_line_error(result)


def test_invalid_tei_gives_a_best_effort_page_with_warnings(tmp_path):
    doc = tmp_path / "invalid.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Text with '
                   '<persName ref="#nobody">a name</persName> and <madeUp>an unknown element</madeUp>.'
                   '</p></body></text></TEI>', encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(doc)])
    assert result.exit_code == 0
    assert "warning: 1 pointer(s) resolve to nothing" in result.output
    page = parse_page(doc.with_suffix(".html").read_text(encoding="utf-8"))
    assert page.xpath("//span[contains(@class, 'tei-madeUp') and .='an unknown element']")


def test_elements_outside_the_tei_namespace_are_shown_and_reported(tmp_path):
    doc = tmp_path / "mixed.xml"
    doc.write_text(tei_doc('<p>A <h:b xmlns:h="http://www.w3.org/1999/xhtml">bold</h:b> word.</p>'), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(doc)])
    assert result.exit_code == 0
    assert "1 element(s) outside the TEI namespace shown with the generic fallback: h:b" in result.output
    assert "bold" in doc.with_suffix(".html").read_text(encoding="utf-8")


def test_a_document_without_text_still_gets_its_header_page(tmp_path):
    doc = tmp_path / "header-only.xml"
    doc.write_text(tei_doc("<p>x</p>").replace("<text><body><p>x</p></body></text>", ""), encoding="utf-8")
    result = run(doc)
    assert result.exit_code == 0
    assert "no <text>" in result.output


def test_failed_render_leaves_an_existing_page_untouched(tmp_path):
    bad = tmp_path / "doc.xml"
    bad.write_text("not xml at all", encoding="utf-8")
    page = tmp_path / "doc.html"
    page.write_text("previous edition", encoding="utf-8")
    assert run(bad).exit_code == 2
    assert page.read_text(encoding="utf-8") == "previous edition"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.html", "doc.xml"]


def test_entity_declarations_are_refused(tmp_path):
    doc = tmp_path / "xxe.xml"
    doc.write_text('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>',
                   encoding="utf-8")
    result = run(doc)
    assert result.exit_code == 2
    assert "entit" in one_line_error(result)


def test_hostile_pointers_become_text_not_links_or_images(tmp_path):
    doc = tmp_path / "hostile.xml"
    doc.write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(doc)])
    assert result.exit_code == 0, result.output
    html = doc.with_suffix(".html").read_text(encoding="utf-8")
    page = parse_page(html)
    assert "root:" not in html
    assert not page.xpath("//img")
    assert not page.xpath("//*[starts-with(@href, 'file:') or starts-with(@href, 'javascript:') "
                          "or starts-with(@src, 'file:') or contains(@href, '..')]")
    assert "XInclude is never followed" in result.output


def test_stylesheets_can_read_no_uri_once_compiled():
    """After compilation Saxon refuses every URI: no input can make a stylesheet read a file."""
    code = ("from teiedition.rendering import xsltrun\n"
            "xsltrun.compiled('html.xsl')\n"
            "xp = xsltrun.processor().new_xpath_processor()\n"
            "for expr in (\"unparsed-text('file:///etc/hostname')\", \"doc('file:///etc/hostname')\"):\n"
            "    try:\n"
            "        xp.evaluate_single(expr)\n"
            "        print('READ', expr)\n"
            "    except Exception as exc:\n"
            "        print('refused' if 'prohibited' in str(exc) else 'other: ' + str(exc))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["refused", "refused"], out.stdout + out.stderr


def test_no_stylesheet_calls_a_uri_reading_function():
    from teiedition.rendering.xsltrun import XSLT_DIR

    for xsl in XSLT_DIR.rglob("*.xsl"):
        text = xsl.read_text(encoding="utf-8")
        for call in ("document(", "doc(", "unparsed-text", "collection(", "json-doc(", "doc-available(",
                     "xsl:result-document", "xsl:source-document", "transform("):
            assert call not in text, f"{xsl.name} calls {call}"


@pytest.mark.skipif(not shutil.which("strace"), reason="strace not installed")
def test_hostile_tei_opens_no_file_outside_its_folder(tmp_path):
    """Pointers to a secret beside the input's folder (absolute and relative) are never opened."""
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.xml"
    secret.write_text("<secret>do not read</secret>", encoding="utf-8")
    doc = folder / "hostile.xml"
    doc.write_text(HOSTILE.replace("file:///etc/passwd", secret.as_uri()).replace("../outside.xml", "../secret.xml")
                   .replace("../../../../etc/passwd", "../secret.xml"), encoding="utf-8")
    log = tmp_path / "trace"
    teiedition = os.path.join(os.path.dirname(sys.executable), "teiedition")
    proc = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,openat2,stat,newfstatat,access",
                           "-o", str(log), teiedition, "render", str(doc), "-o", str(folder / "out.html")],
                          capture_output=True, text=True, timeout=120)
    if "Operation not permitted" in proc.stderr or not log.exists():
        pytest.skip("ptrace not permitted here")
    assert proc.returncode == 0, proc.stderr
    trace = log.read_text()
    assert "hostile.xml" in trace  # the trace did record the files the command opened
    assert "secret.xml" not in trace
    assert "do not read" not in (folder / "out.html").read_text(encoding="utf-8")
