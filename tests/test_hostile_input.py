"""Hostile and faulty input (issue 11): each defect found by attack has a test that failed before its fix.

Why: a small crafted file must not block a worker, lose a user's file or end in an internal
error.  Time bounds are proved by ``bench/bench_hostile.py``; these tests check behaviour (what
is encoded, what is refused, what is reported), each with inputs big enough that the old
quadratic code would have visibly hung the suite.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from teiedition.building.build import run_build
from teiedition.convert import convert_text
from teiedition.recognising.brackets import MAX_BRACKET_DEPTH, bracket_spans
from teiedition.transforms.marks import _only_notes, sentences_before

from test_build_fakes import FakeStages, fake_source

TEI = "{http://www.tei-c.org/ns/1.0}"


def body_text(tei: bytes) -> str:
    root = etree.fromstring(tei)
    return "".join(root.find(f"{TEI}text").itertext())


# --- super-linear time ---------------------------------------------------------------------

def test_deeply_nested_brackets_keep_every_character_and_nest_at_most_the_cap():
    n = 3000
    text = "Start " + "[a " * n + "]" * n + " end.\n"
    spans = bracket_spans(text)
    assert 0 < len(spans) <= MAX_BRACKET_DEPTH  # inner brackets stay literal text
    tei = convert_text(text, doc_id="nested", run_date="2026-01-01").tei
    got = body_text(tei)
    assert got.count("[") == n - MAX_BRACKET_DEPTH and got.count("a") >= n  # nothing lost
    depth = max(len(list(el.iterancestors())) for el in etree.fromstring(tei).iter())
    assert depth < 256  # so validate and render accept what convert wrote


def test_many_footnote_markers_are_each_recognised():
    n = 5000
    text = "Footnoted " + " ".join("word[1]" for _ in range(n)) + ".\n"
    spans = bracket_spans(text)
    assert len([s for s in spans if s.kind == "supplied"]) == n


def test_word_before_sic_is_found_with_bounded_look_back():
    text = "x " * 5000 + "teh [sic] cat"
    (span,) = bracket_spans(text)
    assert span.kind == "sic" and text[span.inner[0]:span.inner[1]] == "teh"


def test_only_notes_and_sentences_before_on_thousands_of_notes():
    n = 2000
    note = "[Translator's note: the previous sentence was highlighted in the left margin with a vertical line.]"
    text = "Text. " + " ".join(f"Sentence {i} is here. {note}" for i in range(n)) + "\n"
    tei = convert_text(text, doc_id="notes", run_date="2026-01-01").tei
    root = etree.fromstring(tei)
    metamarks = root.findall(f".//{TEI}metamark")
    segs = root.findall(f".//{TEI}seg[@type='marked']")
    assert len(metamarks) == n and len(segs) == n
    assert segs[-1].text == f"Sentence {n - 1} is here."


def test_many_dates_in_one_paragraph_are_all_encoded():
    n = 5000
    tei = convert_text("On " + " ".join("9 June 1969" for _ in range(n)) + ".\n",
                       doc_id="dates", run_date="2026-01-01").tei
    dates = etree.fromstring(tei).findall(f".//{TEI}body//{TEI}date[@when='1969-06-09']")
    assert len(dates) == n


def test_duplicate_ids_report_how_often_each_is_used(tmp_path):
    from teiedition.validating.validate import Validator

    fixture = Path(__file__).parent / "fixtures" / "schematron" / "id-unique.ok.xml"
    root = etree.parse(str(fixture)).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    for i in range(3000):
        etree.SubElement(body, f"{TEI}p", {"{http://www.w3.org/XML/1998/namespace}id": "same"}).text = f"P {i}."
    report = Validator().validate_tree(root.getroottree(), "dups.xml")
    unique = [p for p in report.problems if p.rule == "id-unique"]
    assert unique and 'xml:id "same" is used 3000 times' in unique[0].message


# --- build: per-document time limit --------------------------------------------------------

def test_a_slow_document_is_reported_and_the_others_built(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_STAGE_DELAY", "5")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("Letter A"), encoding="utf-8")
    (src / "slow.txt").write_text(fake_source("Slow", body="SLOW body"), encoding="utf-8")
    out = tmp_path / "out"
    stream = io.StringIO()
    summary = run_build(src, out, jobs=1, stages=FakeStages, progress=False, stream=stream,
                        run_date="2026-01-01", time_limit=0.5)
    assert (summary.built, summary.failed) == (1, 1)
    assert f"{src / 'slow.txt'}: took longer than the time limit of 0.5 s" in stream.getvalue()
    assert (out / "a.html").exists() and not (out / "slow.xml").exists()


def test_build_time_limit_option_is_documented():
    from click.testing import CliRunner
    from teiedition.cli import main

    result = CliRunner().invoke(main, ["build", "--help"])
    assert "--time-limit" in result.output


# --- build: corrupt or hostile manifests, unreadable sources ---------------------------------

def _sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("Letter A"), encoding="utf-8")
    return src


def _build(src, out, **kw):
    stream = io.StringIO()
    summary = run_build(src, out, jobs=1, stages=FakeStages, progress=False, stream=stream,
                        run_date="2026-01-01", **kw)
    return summary, stream.getvalue()


@pytest.mark.parametrize("manifest", [
    "[" * 100000 + "]" * 100000,  # RecursionError in json
    '{"format": 1, "documents": {"a": {"outputs": [1, 2]}, "b": "x"}}',  # wrong shapes
    '{"format": 1, "documents": {"' + "n" * 5000 + '": {"outputs": ["' + "n" * 5000 + '.xml"]}}}',
])
def test_a_corrupt_manifest_only_means_a_full_rebuild(tmp_path, manifest):
    src, out = _sources(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / ".teiedition-build.json").write_text(manifest, encoding="utf-8")
    summary, printed = _build(src, out)
    assert (summary.built, summary.failed) == (1, 0), printed
    assert (out / "a.html").exists()


def test_a_manifest_path_that_is_a_folder_is_one_clear_line(tmp_path):
    from click.testing import CliRunner
    from teiedition.cli import main

    src, out = _sources(tmp_path), tmp_path / "out"
    (out / ".teiedition-build.json").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--no-pdf", "-j", "1"])
    assert result.exit_code == 2 and "is not a file" in result.output and "internal" not in result.output


def test_a_hostile_removed_entry_deletes_nothing_but_its_own_outputs(tmp_path):
    src, out = _sources(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    (out / ".teiedition-build.json").write_text(json.dumps({"format": 1, "documents": {
        "gone": {"outputs": ["keep.txt", "../outside.txt"], "status": "valid"}}}), encoding="utf-8")
    (tmp_path / "outside.txt").write_text("mine too", encoding="utf-8")
    _build(src, out)
    assert (out / "keep.txt").read_text() == "mine" and (tmp_path / "outside.txt").exists()


def test_an_unreadable_source_fails_alone(tmp_path, monkeypatch):
    import teiedition.building.manifest as manifest_mod

    src, out = _sources(tmp_path), tmp_path / "out"
    (src / "locked.txt").write_text(fake_source("Locked"), encoding="utf-8")
    real = manifest_mod.file_sha256

    def sha(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(manifest_mod, "file_sha256", sha)
    summary, printed = _build(src, out)
    assert summary.built >= 1 and "internal error" not in printed


def test_the_manifest_never_records_a_hash_of_a_file_outside_the_sources(tmp_path):
    src, out = _sources(tmp_path), tmp_path / "out"
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours", encoding="utf-8")
    (src / "link.txt").symlink_to(secret)
    summary, printed = _build(src, out)
    assert "outside the source folder" in printed
    from teiedition.building.manifest import file_sha256
    assert file_sha256(secret) not in (out / ".teiedition-build.json").read_text()
