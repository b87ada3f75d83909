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
from teiedition.transforms.mark_sentences import sentences_before
from teiedition.transforms.mark_spans import only_notes

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
    # no note text on the page: each is a footnote call (anchor), never a supplied "1"
    assert len([s for s in spans if s.kind == "anchor"]) == n


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


# --- lost or overwritten data, and one clear line for bad input (through the CLI) -----------

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_fcc578db0f85cc6f.txt"


def cli(*args, env=None):
    from click.testing import CliRunner
    from teiedition.cli import main

    return CliRunner().invoke(main, list(map(str, args)), env=env)


def test_convert_refuses_to_overwrite_its_source(tmp_path):
    src = tmp_path / "x.txt"
    src.write_bytes(SEED.read_bytes())
    result = cli("convert", src, "-o", src)
    assert result.exit_code == 2 and "would overwrite a source" in result.output
    assert src.read_bytes() == SEED.read_bytes()


def test_two_sources_of_one_name_never_overwrite_each_other(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = cli("convert", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "-o", f"{out}/",
                 "--run-date", "2026-01-01")
    assert result.exit_code == 2
    assert f"{tmp_path / 'b' / 'x.txt'}: would overwrite" in result.output and (out / "x.xml").exists()


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for args in (("convert", fifo), ("render", fifo, "-o", tmp_path / "p.html")):
        result = cli(*args)
        assert result.exit_code == 2 and "not a regular file" in result.output


@pytest.mark.parametrize("value", ["²", "12kB"])
def test_a_bad_size_limit_is_a_usage_error(value):
    result = cli("convert", SEED, env={"TEIEDITION_MAX_BYTES": value})
    assert result.exit_code == 2 and "TEIEDITION_MAX_BYTES" in result.output


def test_a_huge_size_limit_is_just_a_large_one():
    result = cli("convert", SEED, "--run-date", "2026-01-01", env={"TEIEDITION_MAX_BYTES": "9" * 23})
    assert result.exit_code == 0 and result.output.startswith("<?xml")


def test_a_huge_source_date_epoch_is_one_clear_line():
    result = cli("convert", SEED, env={"SOURCE_DATE_EPOCH": "9" * 20})
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in result.output


def test_build_and_convert_read_run_dates_alike(tmp_path):
    result = cli("build", tmp_path, "-o", tmp_path / "out", "--run-date", "2026W011")
    assert result.exit_code == 2 and "--run-date must be YYYY-MM-DD" in result.output


def test_render_without_output_says_where_it_writes(tmp_path):
    tei = tmp_path / "doc.xml"
    tei.write_bytes((Path(__file__).parent / "fixtures" / "schematron" / "mark-note-metamark.ok.xml").read_bytes())
    result = cli("render", tei, "--to", "html")
    assert result.exit_code == 0 and f"writing {tmp_path / 'doc.html'}" in result.output
    assert (tmp_path / "doc.html").exists()


# --- the print edition ---------------------------------------------------------------------

def _tei_with(replace_from: str, replace_to: str):
    from teiedition.safexml import parse_xml_bytes

    text = (Path(__file__).parent / "fixtures" / "schematron" / "mark-note-metamark.ok.xml").read_text()
    return parse_xml_bytes(text.replace(replace_from, replace_to).encode())


def test_a_local_image_does_not_crash_the_print_edition():
    from teiedition.rendering.pdf import PdfRenderer

    tree = _tei_with('<p xml:id="p1">', '<p xml:id="p0"><figure><graphic url="x.png"/></figure></p><p xml:id="p1">')
    assert PdfRenderer().render(tree).startswith(b"%PDF")


def test_missing_cjk_fonts_are_named_loudly(monkeypatch):
    from teiedition.rendering import pdf

    monkeypatch.setattr(pdf, "font_for", lambda lang: False)
    renderer = pdf.PdfRenderer()
    renderer.render(_tei_with("The KWP has", "The KWP 조선노동당 has"))
    assert len(renderer.warnings) == 1 and "Korean" in renderer.warnings[0] and "fonts-noto-cjk" in renderer.warnings[0]
    renderer.render(_tei_with("The KWP has", "The KWP has"))
    assert renderer.warnings == []


def test_a_formula_title_is_text_in_catalogue_csv():
    import csv as csvmod

    from teiedition.building.catalogue import FIELDS, catalogue_csv

    row = {k: None for k in FIELDS}
    row.update(title='=HYPERLINK("http://evil.example","x")', id="doc-1")
    (parsed,) = list(csvmod.DictReader(io.StringIO(catalogue_csv([row]))))
    assert parsed["title"] == "'" + row["title"] and parsed["id"] == "doc-1"


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_odd_file_names_give_clean_reports(tmp_path, fmt):
    import shutil

    bad = Path(__file__).parent / "fixtures" / "schematron" / "mark-note-metamark.bad.xml"
    for raw in (b"a\x1b[31mred.xml", b"b\xff\xfe.xml"):
        shutil.copy(bad, os.path.join(os.fsencode(tmp_path), raw))
    proc = subprocess.run([sys.executable, "-m", "teiedition.cli", "validate", str(tmp_path), "--format", fmt],
                          capture_output=True)
    assert proc.returncode == 1, proc.stderr
    assert b"\x1b" not in proc.stdout and b"\\x1b" in proc.stdout
    text = proc.stdout.decode("utf-8")  # valid UTF-8 whatever the names
    if fmt == "json":
        assert len(json.loads(text)["files"]) == 2
    elif fmt == "junit":
        assert len(etree.fromstring(proc.stdout).findall(".//testcase")) == 2


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [
    ["convert", str(SEED), "--run-date", "2026-01-01"],
    ["validate", str(Path(__file__).parent / "fixtures" / "schematron" / "id-unique.ok.xml")],
    ["build", "--help"],
])
def test_a_full_disk_on_standard_output_is_one_line_and_exit_2(args):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "teiedition.cli", *args], stdout=full,
                              stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == "teiedition: error: cannot write the output: No space left on device"


def test_render_accepts_valid_tei_that_is_deep_or_has_many_namespaces():
    from teiedition.rendering.render import HtmlRenderer

    deep = _tei_with("The KWP has changed its line.", "<hi>" * 150 + "deep words" + "</hi>" * 150)
    namespaces = "".join(f' xmlns:n{i}="urn:x-{i}"' for i in range(300))
    wide = _tei_with('<TEI xmlns="http://www.tei-c.org/ns/1.0"', '<TEI xmlns="http://www.tei-c.org/ns/1.0"' + namespaces)
    assert "deep words" in HtmlRenderer().render(deep)
    assert "The KWP has changed its line." in HtmlRenderer().render(wide)


def test_an_xml_id_named_like_a_page_id_does_not_duplicate_it():
    import collections
    import re

    from teiedition.rendering.render import HtmlRenderer

    tree = _tei_with('<p xml:id="p1"><seg type="marked" xml:id="m1">', '<p xml:id="notes"><seg type="marked" xml:id="index">')
    text = etree.tostring(tree).decode().replace("#m1", "#index").replace(
        "</body>", '<p>See <ref target="#notes">above</ref>.</p></body>')
    from teiedition.safexml import parse_xml_bytes

    html = HtmlRenderer().render(parse_xml_bytes(text.encode()))
    ids = collections.Counter(re.findall(r' id="([^"]+)"', html))
    assert [k for k, v in ids.items() if v > 1] == []
    assert 'href="#te-id-notes"' in html and 'data-target="te-id-index"' in html


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS as on Linux")
def test_render_under_a_memory_limit_says_what_happened(tmp_path):
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, resource.RLIM_INFINITY))

    tei = Path(__file__).parent / "fixtures" / "schematron" / "mark-note-metamark.ok.xml"
    proc = subprocess.run([sys.executable, "-m", "teiedition.cli", "render", str(tei), "-o", str(tmp_path / "x.html")],
                          capture_output=True, text=True, preexec_fn=limit)
    assert proc.returncode == 1, proc.stderr
    assert "cannot start under the memory limit" in proc.stderr and "graal" not in proc.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS as on Linux")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_under_a_memory_limit_says_what_happened_with_any_worker_count(tmp_path, jobs):
    """With -j 2 the setup error happens in a worker; the build must still exit 1 (the machine), not 3."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, resource.RLIM_INFINITY))

    src = tmp_path / "src"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text(f"Document {name}\n\nA paragraph of {name}.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", str(src), "-o", str(tmp_path / "out"),
                           "-j", jobs], capture_output=True, text=True, preexec_fn=limit)
    assert proc.returncode == 1, proc.stderr
    assert "cannot start under the memory limit" in proc.stderr and "Traceback" not in proc.stderr
