"""Other projects' published TEI renders to HTML and PDF, and every word of its text reaches both (issue 20).

The samples (tests/fixtures/public-samples, sources and licences in SOURCE.md there) are
rendered by the command a publisher runs, `teiedition render FILE --to html|pdf -o OUT`:
the exit code is 0, or, for a file that is not TEI P5, 1 or 2 with one error line that
names the file (never a traceback or an internal error). Word coverage is counted as
tools/render_survey.py counts it for the whole survey: the words of <text> as written,
a word split by markup (``ou<damage>r</damage>e``) found whole or in its pieces, a
formula by its letters and digits in order; the PDF is read with pdftotext.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedition.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from render_survey import coverage, html_words, pdf_words, source_words  # noqa: E402

SAMPLES_DIR = Path(__file__).parent / "fixtures" / "public-samples"
SAMPLES = sorted(p for p in SAMPLES_DIR.rglob("*.xml") if "licences" not in p.parts)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def sample_id(path: Path) -> str:
    return str(path.relative_to(SAMPLES_DIR))


def render(source: Path, target: str, out: Path):
    return CliRunner().invoke(main, ["render", str(source), "--to", target, "-o", str(out)])


def assert_clear_refusal(result, source: Path) -> None:
    assert result.exit_code in (1, 2), result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"teiedition: error: {source}: "), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


def test_every_sample_has_its_source_and_licence_noted():
    notes = (SAMPLES_DIR / "SOURCE.md").read_text(encoding="utf-8")
    assert len(SAMPLES) >= 10
    for sample in SAMPLES:
        assert f"| {sample_id(sample)} |" in notes, f"{sample_id(sample)} has no row in SOURCE.md"
    assert len(list((SAMPLES_DIR / "licences").iterdir())) >= 5


@pytest.mark.parametrize("source", SAMPLES, ids=sample_id)
def test_the_html_edition_keeps_every_word(tmp_path, source):
    need = source_words(source)
    result = render(source, "html", tmp_path / "page.html")
    if need is None:  # not TEI P5
        assert_clear_refusal(result, source)
        return
    assert result.exit_code == 0, result.output
    assert coverage(need, html_words(tmp_path)) == 100.0


@needs_pdftotext
@pytest.mark.slow
@pytest.mark.parametrize("source", SAMPLES, ids=sample_id)
def test_the_print_edition_keeps_every_word(tmp_path, source):
    need = source_words(source)
    out = tmp_path / "page.pdf"
    result = render(source, "pdf", out)
    if need is None:
        assert_clear_refusal(result, source)
        assert not out.exists()
        return
    assert result.exit_code == 0, result.output
    assert coverage(need, pdf_words(out)) == 100.0


def test_the_corpus_sample_is_one_page_per_member_and_one_pdf_volume(tmp_path):
    """Stylesheets' Test/test24.xml is a teiCorpus: the HTML has a page per member, the PDF all of them."""
    source = SAMPLES_DIR / "stylesheets" / "test24.xml"
    assert render(source, "html", tmp_path / "corpus.html").exit_code == 0
    members = sorted(p.name for p in tmp_path.glob("corpus-*.html"))
    assert len(members) >= 2
    assert render(source, "pdf", tmp_path / "corpus.pdf").exit_code == 0
