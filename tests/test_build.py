"""``teiedition build``: every source becomes an edition; only changes are rebuilt.

These tests drive build's machinery with the fake stages of
``test_build_fakes``; ``test_build_pipeline`` runs the real pipeline.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from teiedition.building import build as buildmod
from teiedition.building import manifest as manifestmod
from teiedition.building.build import build, run_build
from teiedition.building.manifest import MANIFEST_NAME
from teiedition.errors import InputError

from test_build_fakes import FakeStages, fake_source


def write_sources(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def three_sources(tmp_path: Path) -> Path:
    return write_sources(tmp_path / "src", {
        "a": fake_source("Letter A", date="1969-06-09"),
        "b": fake_source("Telegram B", date="1950-07-11", archive="APRF"),
        "c": fake_source("Record C", date="1957-04-11", archive="AVPRF"),
    })


def run(src: Path, out: Path, **options):
    """Build with the fake stages; return the summary and what was printed."""
    stream = io.StringIO()
    options.setdefault("jobs", 1)
    summary = run_build(src, out, stages=FakeStages, progress=False, stream=stream,
                        run_date="2026-01-01", **options)
    return summary, stream.getvalue()


def mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if not p.name.startswith(".")}


def test_every_source_gets_tei_report_html_and_pdf(tmp_path):
    out = tmp_path / "out"
    run(three_sources(tmp_path), out)
    for doc in "abc":
        for suffix in (".xml", ".validation.json", ".html", ".pdf"):
            assert (out / f"{doc}{suffix}").is_file(), f"{doc}{suffix} missing"


def test_collection_gets_index_and_catalogues(tmp_path):
    out = tmp_path / "out"
    run(three_sources(tmp_path), out)
    assert {"index.html", "catalogue.json", "catalogue.csv"} <= set(os.listdir(out))


def test_summary_counts_what_was_built(tmp_path):
    summary, printed = run(three_sources(tmp_path), tmp_path / "out")
    assert (summary.built, summary.unchanged, summary.failed) == (3, 0, 0)
    assert "3 built, 0 unchanged, 0 invalid, 0 failed, 0 removed in" in printed


def test_tei_records_the_run_date(tmp_path):
    out = tmp_path / "out"
    run(three_sources(tmp_path), out)
    assert '<change when="2026-01-01">' in (out / "a.xml").read_text()


def test_html_links_its_tei_and_pdf(tmp_path):
    out = tmp_path / "out"
    run(three_sources(tmp_path), out)
    html = (out / "a.html").read_text()
    assert 'href="a.xml"' in html and 'href="a.pdf"' in html


def test_unchanged_rebuild_touches_nothing(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    before = mtimes(out)
    summary, _ = run(src, out)
    assert (summary.built, summary.unchanged) == (0, 3)
    assert mtimes(out) == before


def test_changed_source_alone_is_rebuilt(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    (src / "b.txt").write_text(fake_source("Telegram B, revised", date="1950-07-11"), encoding="utf-8")
    summary, _ = run(src, out)
    assert (summary.built, summary.unchanged) == (1, 2)
    assert "Telegram B, revised" in (out / "b.xml").read_text()


def test_touched_but_identical_source_is_not_rebuilt(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    os.utime(src / "a.txt", ns=(1, 1))
    summary, _ = run(src, out)
    assert (summary.built, summary.unchanged) == (0, 3)


def test_toolchain_change_rebuilds_everything(tmp_path, monkeypatch):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    monkeypatch.setattr(buildmod, "toolchain_digest", lambda: "a different stylesheet")
    summary, _ = run(src, out)
    assert (summary.built, summary.unchanged) == (3, 0)


def test_toolchain_digest_covers_stylesheets_schemas_and_authority_data():
    names = {p.name for p in manifestmod.toolchain_files()}
    assert {"build.py", "__init__.py"} <= names
    for folder in ("xslt", "schema", "src/teiedition/data"):
        for path in (manifestmod.PROJECT_DIR / folder).glob("*.*"):
            assert path.name in names, f"{folder}/{path.name} not in the build key"


def test_force_rebuilds_everything(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    summary, _ = run(src, out, force=True)
    assert (summary.built, summary.unchanged) == (3, 0)


def test_switching_pdf_on_rebuilds_and_adds_the_print_edition(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out, pdf=False)
    assert not (out / "a.pdf").exists()
    summary, _ = run(src, out, pdf=True)
    assert summary.built == 3 and (out / "a.pdf").is_file()


def test_building_without_pdf_drops_the_stale_print_edition(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    run(src, out, pdf=False)
    assert not (out / "a.pdf").exists()
    assert 'href="a.pdf"' not in (out / "a.html").read_text()


def test_deleted_output_is_rebuilt(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    (out / "c.html").unlink()
    summary, _ = run(src, out)
    assert summary.built == 1 and (out / "c.html").is_file()


def test_failing_document_is_reported_and_the_others_still_build(tmp_path):
    src = three_sources(tmp_path)
    write_sources(src, {"bad": fake_source("Bad", body="FAIL here")})
    out = tmp_path / "out"
    summary, printed = run(src, out)
    assert (summary.built, summary.failed) == (3, 1)
    assert f"{src / 'bad.txt'}: no title line found" in printed
    assert not (out / "bad.xml").exists()


def test_failure_gives_exit_code_1(tmp_path):
    src = write_sources(tmp_path / "src", {"bad": fake_source("Bad", body="FAIL"),
                                           "good": fake_source("Good")})
    code = build(src, tmp_path / "out", jobs=1, stages=FakeStages, progress=False, stream=io.StringIO())
    assert code == 1


def test_success_gives_exit_code_0(tmp_path):
    code = build(three_sources(tmp_path), tmp_path / "out", jobs=1, stages=FakeStages,
                 progress=False, stream=io.StringIO())
    assert code == 0


def test_failed_document_is_retried_on_the_next_build(tmp_path):
    src = write_sources(tmp_path / "src", {"bad": fake_source("Bad", body="FAIL")})
    out = tmp_path / "out"
    run(src, out)
    summary, _ = run(src, out)
    assert summary.failed == 1 and summary.unchanged == 0


def test_undecodable_source_is_a_failure_with_its_reason(tmp_path):
    src = three_sources(tmp_path)
    (src / "binary.txt").write_bytes(b"\x00\x01\x02")
    summary, printed = run(src, tmp_path / "out")
    assert summary.failed == 1
    assert "binary.txt: binary file" in printed


def test_invalid_document_keeps_tei_and_report_but_is_not_published(tmp_path):
    src = write_sources(tmp_path / "src", {"inv": fake_source("Invalid", body="INVALID")})
    out = tmp_path / "out"
    summary, printed = run(src, out)
    assert summary.invalid == 1
    assert (out / "inv.xml").is_file() and (out / "inv.validation.json").is_file()
    assert not (out / "inv.html").exists() and not (out / "inv.pdf").exists()
    assert "inv.txt: invalid TEI: 1 problem(s)" in printed


def test_removed_source_takes_its_outputs_with_it(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    (src / "c.txt").unlink()
    summary, _ = run(src, out)
    assert summary.removed == 1
    assert not [p for p in out.iterdir() if p.name.startswith("c.")]
    assert "c" not in [d["id"] for d in json.loads((out / "catalogue.json").read_text())["documents"]]


def test_removal_never_touches_files_build_did_not_make(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    (out / "c.notes.txt").write_text("editor's own notes")
    (src / "c.txt").unlink()
    run(src, out)
    assert (out / "c.notes.txt").exists()


def test_leftover_temporary_files_of_a_killed_build_are_cleaned(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / ".a.html.k2j3h4.tmp").write_text("<html><body>half")
    run(src, out)
    assert not list(out.glob(".*.tmp"))


def test_corrupt_manifest_means_a_full_rebuild_not_a_crash(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    (out / MANIFEST_NAME).write_text("{not json")
    summary, _ = run(src, out)
    assert summary.built == 3


def test_two_workers_build_the_same_bytes_as_one(tmp_path):
    src = three_sources(tmp_path)
    run(src, tmp_path / "one", jobs=1)
    summary, _ = run(src, tmp_path / "two", jobs=2)
    assert summary.built == 3
    one = tmp_path / "one"
    names = sorted(str(p.relative_to(one)) for p in one.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(one).parts))
    assert any(name.startswith("dts/") for name in names)  # the DTS answers too
    for name in names:
        assert (one / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_missing_source_folder_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        run(tmp_path / "nowhere", tmp_path / "out")


def test_folder_without_sources_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt or .xml sources"):
        run(tmp_path / "empty", tmp_path / "out")


def test_output_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        run(three_sources(tmp_path), tmp_path / "out")


@pytest.mark.parametrize("day", ["9 June", "2026W011", "2026-02-30"])
def test_bad_run_date_is_a_usage_error_as_in_convert(tmp_path, day):
    with pytest.raises(InputError, match="--run-date"):
        run_build(three_sources(tmp_path), tmp_path / "out", run_date=day, stages=FakeStages,
                  progress=False, stream=io.StringIO())


def test_run_date_defaults_to_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert buildmod.resolve_run_date(None) == "1970-01-01"


def test_second_build_into_the_same_folder_is_refused(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    out.mkdir()
    with manifestmod.output_lock(out):
        with pytest.raises(InputError, match="another build"):
            run(src, out)


class BrokenStages:
    """Stages whose stylesheet does not compile."""

    def __init__(self, *, pdf: bool):
        raise ValueError("html.xsl line 3: unknown function")


@pytest.mark.parametrize("jobs", [1, 2])
def test_pipeline_that_cannot_start_is_one_clear_error(tmp_path, jobs):
    with pytest.raises(buildmod.PipelineSetupError, match="cannot set up the pipeline: ValueError: html.xsl"):
        run_build(three_sources(tmp_path), tmp_path / "out", jobs=jobs, stages=BrokenStages,
                  progress=False, stream=io.StringIO())


def test_warnings_are_printed_with_their_file_and_counted(tmp_path):
    src = three_sources(tmp_path)
    (src / "old.txt").write_bytes(fake_source("Caf\u00e9 report").encode("cp1252"))
    summary, printed = run(src, tmp_path / "out")
    assert summary.built == 4 and summary.warnings == 1
    assert f"{src / 'old.txt'}: warning: not UTF-8" in printed
    assert ", 1 warning in" in printed


def test_document_that_starts_failing_loses_its_old_edition(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    (src / "a.txt").write_text(fake_source("Letter A", body="FAIL now"), encoding="utf-8")
    run(src, out)
    assert not [p.name for p in out.iterdir() if p.name.startswith("a.")]


def test_outputs_are_readable_by_a_web_server(tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "out"
        run(three_sources(tmp_path), out)
    finally:
        os.umask(old)
    for name in ("a.html", "a.xml", "a.pdf", "index.html", "catalogue.json"):
        assert (out / name).stat().st_mode & 0o777 == 0o644, name


def test_progress_bar_is_drawn_when_asked(tmp_path):
    stream = io.StringIO()
    run_build(three_sources(tmp_path), tmp_path / "out", jobs=1, stages=FakeStages, progress=True,
              stream=stream, run_date="2026-01-01")
    assert "build [" in stream.getvalue() and "3/3" in stream.getvalue()


def test_no_progress_bar_in_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    stream = io.StringIO()
    run_build(three_sources(tmp_path), tmp_path / "out", jobs=1, stages=FakeStages, progress=None,
              stream=stream, run_date="2026-01-01")
    assert "\r" not in stream.getvalue() and "build [" not in stream.getvalue()


def test_authority_file_named_in_the_environment_is_part_of_the_build_key(tmp_path, monkeypatch):
    extra = tmp_path / "more-names.toml"
    extra.write_text("# no entries yet\n")
    monkeypatch.setenv("TEIEDITION_AUTHORITY", str(extra))
    before = manifestmod.toolchain_digest()
    extra.write_text("# one entry\n")
    assert manifestmod.toolchain_digest() != before


def test_source_named_index_cannot_overwrite_the_collection_index(tmp_path):
    src = three_sources(tmp_path)
    write_sources(src, {"index": fake_source("Index of letters")})
    summary, printed = run(src, tmp_path / "out")
    assert summary.failed == 1 and summary.built == 3
    assert "index.txt: a source named index.txt would overwrite the collection's own page" in printed
    assert "Index of letters" not in (tmp_path / "out" / "index.html").read_text()


def test_symlink_out_of_the_source_folder_is_refused(tmp_path):
    src = three_sources(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text(fake_source("Private diary"), encoding="utf-8")
    (src / "leak.txt").symlink_to(secret)
    summary, printed = run(src, tmp_path / "out")
    assert summary.failed == 1 and "leak.txt: symbolic link to a file outside the source folder" in printed
    assert not (tmp_path / "out" / "leak.xml").exists()


def test_symlink_within_the_source_folder_is_built(tmp_path):
    src = three_sources(tmp_path)
    (src / "alias.txt").symlink_to(src / "a.txt")
    summary, _ = run(src, tmp_path / "out")
    assert summary.built == 4


def test_edited_manifest_cannot_make_build_delete_files_elsewhere(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["documents"]["c"]["outputs"].append("../precious.txt")
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    (src / "c.txt").unlink()
    run(src, out)
    assert precious.read_text() == "keep me"


def test_manifest_entry_of_the_wrong_shape_means_that_document_is_rebuilt(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["documents"]["a"] = ["not", "an", "entry"]
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    summary, _ = run(src, out)
    assert (summary.built, summary.unchanged) == (1, 2)


def test_source_whose_name_is_not_utf8_is_skipped_with_a_message(tmp_path):
    src = three_sources(tmp_path)
    with open(os.fsencode(src) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(fake_source("Latin-1 name").encode())
    summary, printed = run(src, tmp_path / "out")
    assert (summary.built, summary.failed) == (3, 1)
    assert "file name is not valid UTF-8" in printed
    assert json.loads((tmp_path / "out" / "catalogue.json").read_text())["count"] == 3


def test_unchanged_build_leaves_the_manifest_untouched(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    before = (out / MANIFEST_NAME).read_bytes(), (out / MANIFEST_NAME).stat().st_mtime_ns
    os.utime(src / "a.txt", ns=(1, 1))  # as after a fresh checkout
    run(src, out)
    assert ((out / MANIFEST_NAME).read_bytes(), (out / MANIFEST_NAME).stat().st_mtime_ns) == before


def test_editor_backups_beside_the_stylesheets_do_not_change_the_build_key(tmp_path):
    root = tmp_path / "xslt"
    (root / ".git").mkdir(parents=True)
    for name in ("html.xsl", "html.xsl~", ".html.xsl.swp", "notes.xsl.orig", ".git/HEAD"):
        (root / name).write_text("x")
    kept = [p.name for p in sorted(root.rglob("*")) if p.is_file() and not manifestmod._is_clutter(p, root)]
    assert kept == ["html.xsl"]


def test_stylesheet_folder_named_in_the_environment_is_part_of_the_build_key(tmp_path, monkeypatch):
    xslt = tmp_path / "my-xslt"
    xslt.mkdir()
    (xslt / "html.xsl").write_text("<xsl:stylesheet/>")
    monkeypatch.setenv("TEIEDITION_XSLT_DIR", str(xslt))
    before = manifestmod.toolchain_digest()
    (xslt / "html.xsl").write_text("<xsl:stylesheet version='3.0'/>")
    assert manifestmod.toolchain_digest() != before


def test_without_a_manifest_an_unchanged_document_keeps_its_run_date(tmp_path, monkeypatch):
    """A fresh checkout has no manifest: the build redoes every document but changes no file."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)  # run date 2026-01-01
    # the manifest and the site cache (.teiedition-site.json) record mtimes; neither is published
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".teiedition-")}
    (out / manifestmod.MANIFEST_NAME).unlink()
    summary = run_build(src, out, stages=FakeStages, progress=False, stream=io.StringIO(), jobs=1)
    assert summary.built == 3
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".teiedition-")}
    assert after == before
    # a document whose encoding changed gets today's date
    first = sorted(src.glob("*.txt"))[0]
    first.write_text(first.read_text() + "\nA new paragraph.\n")
    run_build(src, out, stages=FakeStages, progress=False, stream=io.StringIO(), jobs=1)
    assert b'when="2026-01-01"' not in (out / f"{first.stem}.xml").read_bytes()


def test_an_explicit_run_date_restamps_even_an_unchanged_document(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    run(src, out)
    run_build(src, out, stages=FakeStages, progress=False, stream=io.StringIO(), jobs=1, force=True,
              run_date="2026-02-02")
    assert all(b'when="2026-02-02"' in p.read_bytes() for p in out.glob("*.xml"))
