"""``build --epub`` (EPUB 3 as a build output, one row of the table) and TEI sources (``.xml``) in ``build``.

A project publishes its existing TEI with the same command that converts
plain text: the TEI is validated against TEI P5, rendered and published as
it is, never converted.  A text and a TEI source of the same name are refused
in one line.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from teiedition.building.build import run_build
from teiedition.building.manifest import MANIFEST_NAME
from teiedition.cli import main

from test_build_fakes import FakeStages, fake_source
from test_render_iiif import BASE, THREE_PAGES, tei, validated

FIXTURES = Path(__file__).parent / "fixtures"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
RUN_DATE = "2026-01-01"


def _one_seed(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], src)
    return src


def test_build_epub_makes_a_valid_book_per_document_and_drops_it_when_no_longer_asked(tmp_path):
    src, out = _one_seed(tmp_path), tmp_path / "out"
    doc_id = next(src.glob("*.txt")).stem
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--no-pdf", "--epub", "-j", "1",
                                       "--run-date", RUN_DATE, "--no-progress"])
    assert result.exit_code == 0, result.output
    book = out / f"{doc_id}.epub"
    with zipfile.ZipFile(book) as z:
        assert z.read("mimetype") == b"application/epub+zip"
        title = json.loads((out / "catalogue.json").read_text())["documents"][0]["title"]
        assert title.split()[0].encode() in z.read("EPUB/package.opf")
    row = json.loads((out / "catalogue.json").read_text())["documents"][0]
    assert row["epub"] == f"{doc_id}.epub"
    assert f"{doc_id}.epub" in json.loads((out / MANIFEST_NAME).read_text())["documents"][doc_id]["outputs"]
    if EPUBCHECK.exists() and shutil.which("java"):
        run = subprocess.run(["java", "-jar", str(EPUBCHECK), "-q", str(book)], capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
    elif os.environ.get("TEIEDITION_REQUIRE_BROWSER") == "1":
        pytest.fail("epubcheck not installed (apt-get install epubcheck)")

    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--no-pdf", "-j", "1",
                                       "--run-date", RUN_DATE, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert not book.exists(), "the e-book of a build that no longer asks for it was left behind"
    assert json.loads((out / "catalogue.json").read_text())["documents"][0]["epub"] is None


def test_a_tei_source_is_published_as_it_is(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    tei = FIXTURES / "foreign" / "letter_correspondence.xml"
    shutil.copy(tei, src / "letter.xml")
    stream = io.StringIO()
    summary = run_build(src, out, jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=stream)
    assert (summary.built, summary.failed, summary.invalid) == (1, 0, 0), stream.getvalue()
    assert (out / "letter.xml").read_bytes() == tei.read_bytes(), "a TEI source must be published unchanged"
    report = json.loads((out / "letter.validation.json").read_text())
    assert report["profile"] == "tei-all", "another project's TEI is checked against TEI P5, not our house profile"
    html = (out / "letter.html").read_text(encoding="utf-8")
    assert "<html" in html and 'href="letter.xml"' in html
    assert json.loads((out / "catalogue.json").read_text())["documents"][0]["source"] == "letter.xml"


def test_a_text_and_a_tei_source_of_the_same_name_are_refused_in_one_line(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("Letter A"), encoding="utf-8")
    (src / "a.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", encoding="utf-8")
    stream = io.StringIO()
    summary = run_build(src, tmp_path / "out", jobs=1, stages=FakeStages, progress=False, stream=stream,
                        run_date=RUN_DATE)
    said = [line for line in stream.getvalue().splitlines() if "a.xml" in line and not line.startswith("build:")]
    assert said == [f"{src / 'a.xml'}: same name as a.txt: a text source and a TEI source would both be "
                    "published as a.xml; keep one (skipped)"]
    assert summary.failed == 1 and summary.built == 1


def test_building_into_the_source_folder_does_not_take_its_own_tei_for_sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("Letter A"), encoding="utf-8")
    for _ in range(2):
        stream = io.StringIO()
        summary = run_build(src, src, jobs=1, stages=FakeStages, progress=False, stream=stream, run_date=RUN_DATE)
        assert summary.failed == 0, stream.getvalue()
    assert summary.unchanged == 1


def test_a_tei_source_with_page_images_gets_a_iiif_manifest_under_a_base_url(tmp_path):
    """The manifest is one row of the table: made when the document has images and the build a base URL."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "letter.xml").write_text(tei(THREE_PAGES.replace('"1500"', '"1500px"').replace('"2200"', '"2200px"')),
                                     encoding="utf-8")
    (src / "plain.xml").write_text(tei(""), encoding="utf-8")
    stream = io.StringIO()
    summary = run_build(src, tmp_path / "out", jobs=1, pdf=False, run_date=RUN_DATE, progress=False,
                        stream=stream, base_url=BASE)
    assert summary.failed == 0, stream.getvalue()
    manifest = validated(json.loads((tmp_path / "out" / "letter.manifest.json").read_text(encoding="utf-8")))
    assert len(manifest.items) == 3 and manifest.id.startswith(BASE)
    assert not (tmp_path / "out" / "plain.manifest.json").exists(), "a document without images gets no manifest"
    assert 'href="letter.manifest.json"' in (tmp_path / "out" / "letter.html").read_text(encoding="utf-8"), \
        "the page links its manifest"
    run_build(src, tmp_path / "nobase", jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    assert not (tmp_path / "nobase" / "letter.manifest.json").exists(), "IIIF ids are absolute: no base URL, no manifest"
