"""End to end: the real pipeline builds the dev corpus into a collection.

Why: build composes convert, validate and render written elsewhere; this is
where their interfaces meet.  The catalogue is checked against the dev
corpus's facts files, so it proves the header facts went from page to TEI to
catalogue intact.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil

import pytest
from lxml import etree

from conftest import DEV_CORPUS, RUN_DATE, assert_valid_tei_all, dev_documents
import teiedition.building.build
from teiedition.building.build import run_build

DOC_IDS = [p.stem for p in dev_documents()]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The dev corpus built once, without PDF, with two workers."""
    out = tmp_path_factory.mktemp("dev-editions")
    stream = io.StringIO()
    with pinned_toolchain():
        summary = run_build(DEV_CORPUS, out, jobs=2, pdf=False, run_date=RUN_DATE, progress=False, stream=stream)
    return out, summary, stream.getvalue()


@contextlib.contextmanager
def pinned_toolchain():
    """Fix the toolchain part of the build key: code edited meanwhile is not what these tests are about."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(teiedition.building.build, "toolchain_digest", lambda: "pinned")
        yield


def facts(doc_id: str) -> dict:
    return json.loads((DEV_CORPUS / f"{doc_id}.facts.json").read_text(encoding="utf-8"))


def catalogue_entry(out, doc_id: str) -> dict:
    docs = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))["documents"]
    return next(d for d in docs if d["id"] == doc_id)


def test_every_dev_document_builds_valid(built):
    out, summary, printed = built
    assert (summary.built, summary.failed, summary.invalid) == (len(DOC_IDS), 0, 0), printed


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_built_tei_is_valid_tei_all(built, tei_all, doc_id):
    out, _, _ = built
    assert_valid_tei_all(tei_all, (out / f"{doc_id}.xml").read_bytes(), doc_id)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_catalogue_matches_the_facts(built, doc_id):
    out, _, _ = built
    entry, expected = catalogue_entry(out, doc_id), facts(doc_id)
    archive = expected["archive"] or {}
    assert (entry["title"], entry["date"], entry["archive"], entry["citation"]) == (
        expected["title"], expected["date"], archive.get("repository"), archive.get("citation"))


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_html_edition_links_its_tei(built, doc_id):
    out, _, _ = built
    assert f'href="{doc_id}.xml"' in (out / f"{doc_id}.html").read_text(encoding="utf-8")


def test_index_lists_every_dev_document(built):
    out, _, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'<tr id="{doc_id}"' in index for doc_id in DOC_IDS)


def test_validation_reports_say_valid(built):
    out, _, _ = built
    for doc_id in DOC_IDS:
        report = json.loads((out / f"{doc_id}.validation.json").read_text(encoding="utf-8"))
        assert report["summary"]["invalid"] == 0, doc_id


def test_rebuild_of_the_dev_corpus_is_all_unchanged(built, tmp_path):
    out, _, _ = built
    with pinned_toolchain():
        summary = run_build(DEV_CORPUS, out, jobs=2, pdf=False, run_date=RUN_DATE, progress=False,
                            stream=io.StringIO())
    assert (summary.built, summary.unchanged) == (0, len(DOC_IDS))


@pytest.mark.slow
def test_print_edition_is_a_pdf_with_the_title(tmp_path):
    from pypdf import PdfReader

    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(DEV_CORPUS / "dev08.txt", src / "dev08.txt")
    run_build(src, tmp_path / "out", jobs=1, pdf=True, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    reader = PdfReader(tmp_path / "out" / "dev08.pdf")
    title = facts("dev08")["title"]
    assert reader.metadata.title == title
    assert len(reader.pages) >= 1
