"""``build --executor dask``: the same editions, byte for byte, built on a Dask cluster.

A LocalCluster of two worker processes stands in for a real cluster; the
build reaches it by its scheduler address, as it would a remote one.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import DEV_CORPUS
from teiedition.building import distributed_build, document
from teiedition.building.build import PipelineSetupError, Task, run_build
from teiedition.errors import InputError

from test_build_fakes import FakeStages, fake_source

pytestmark = pytest.mark.slow

DEV_IDS = ("dev03", "dev05", "dev09", "dev12")


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


def files(out: Path) -> dict[str, bytes]:
    """Every published file (recursively); hidden files (manifest, site cache) record mtimes."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def dev_sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for doc_id in DEV_IDS:
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")
    return src


def build(src, out, **options):
    stream = io.StringIO()
    options.setdefault("run_date", "2026-01-01")
    summary = run_build(src, out, progress=False, stream=stream, **options)
    return summary, stream.getvalue()


def test_dask_builds_the_same_bytes_as_local_processes(tmp_path, scheduler):
    src = dev_sources(tmp_path)
    local, _ = build(src, tmp_path / "local", jobs=1, pdf=True)
    two, _ = build(src, tmp_path / "dask2", executor="dask", scheduler=scheduler, pdf=True)
    one, _ = build(src, tmp_path / "dask1", executor="dask", jobs=1, pdf=True)  # its own LocalCluster
    assert local.built == two.built == one.built == len(DEV_IDS)
    expected = files(tmp_path / "local")
    assert any(name.endswith(".pdf") for name in expected)
    assert files(tmp_path / "dask2") == expected
    assert files(tmp_path / "dask1") == expected


def test_dask_rebuilds_only_what_changed(tmp_path, scheduler):
    src = dev_sources(tmp_path)
    out = tmp_path / "out"
    build(src, out, executor="dask", scheduler=scheduler, pdf=False)
    again, _ = build(src, out, executor="dask", scheduler=scheduler, pdf=False)
    assert (again.built, again.unchanged) == (0, len(DEV_IDS))
    edited = src / "dev05.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    third, _ = build(src, out, executor="dask", scheduler=scheduler, pdf=False)
    assert (third.built, third.unchanged) == (1, len(DEV_IDS) - 1)
    assert "One more line." in (out / "dev05.xml").read_text(encoding="utf-8")


def test_failures_and_invalid_documents_are_reported_as_locally(tmp_path, scheduler):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in {"good": fake_source("Good"), "bad": fake_source("Bad", body="FAIL"),
                       "inv": fake_source("Inv", body="INVALID")}.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    local, said_local = build(src, tmp_path / "local", jobs=1, stages=FakeStages)
    dask, said_dask = build(src, tmp_path / "dask", executor="dask", scheduler=scheduler, stages=FakeStages)
    assert (dask.built, dask.invalid, dask.failed) == (local.built, local.invalid, local.failed) == (1, 1, 1)
    assert sorted(said_dask.splitlines()[:-1]) == sorted(said_local.splitlines()[:-1])
    assert f"{src / 'bad.txt'}: no title line found" in said_dask
    assert files(tmp_path / "dask") == files(tmp_path / "local")


def test_a_worker_with_another_toolchain_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(fake_source("A"), encoding="utf-8")
    task = Task("a", str(tmp_path / "a.txt"), str(tmp_path), False, "2026-01-01")
    result, written = distributed_build.build_remote(task, b"x", FakeStages, False, "not-our-toolchain")
    assert result.status == "setup-failed" and "another teiedition toolchain" in result.reason
    assert written == {}


def test_toolchain_mismatch_stops_the_build(tmp_path, scheduler, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("A"), encoding="utf-8")
    monkeypatch.setattr(distributed_build, "toolchain_digest", lambda: "edited-here")  # this side's toolchain
    with pytest.raises(PipelineSetupError, match="another teiedition toolchain"):
        build(src, tmp_path / "out", executor="dask", scheduler=scheduler, stages=FakeStages)


def test_unreachable_scheduler_is_one_line_usage_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(distributed_build, "CONNECT_TIMEOUT", 1)
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("A"), encoding="utf-8")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler tcp://127.0.0.1:9"):
        build(src, tmp_path / "out", executor="dask", scheduler="tcp://127.0.0.1:9", stages=FakeStages)


def test_scheduler_without_dask_executor_is_a_usage_error(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("A"), encoding="utf-8")
    with pytest.raises(InputError, match="--scheduler needs --executor dask"):
        build(src, tmp_path / "out", executor="local", scheduler="tcp://x:1", stages=FakeStages)


def test_cli_selects_dask_by_the_scheduler_option(tmp_path, scheduler):
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("A"), encoding="utf-8")
    shutil.copy(DEV_CORPUS / "dev05.txt", src / "dev05.txt")
    (src / "a.txt").unlink()
    done = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", str(src), "-o", str(tmp_path / "out"),
                           "--scheduler", scheduler, "--no-pdf", "--run-date", "2026-01-01", "--no-progress"],
                          capture_output=True, text=True, env={**os.environ, "CI": "1"})
    assert done.returncode == 0, done.stderr
    assert "build: 1 built" in done.stderr
    assert (tmp_path / "out" / "dev05.html").is_file()


def test_a_rebuild_without_run_date_keeps_the_recorded_date_as_locally(tmp_path, scheduler, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    src = dev_sources(tmp_path)
    out = tmp_path / "out"
    build(src, out, executor="dask", scheduler=scheduler, pdf=False, run_date="2025-05-05")
    again, _ = build(src, out, executor="dask", scheduler=scheduler, pdf=False, run_date=None, force=True)
    assert again.built == len(DEV_IDS)
    assert 'when="2025-05-05"' in (out / "dev05.xml").read_text(encoding="utf-8")
    assert '<time datetime="2025-05-05">5 May 2025</time>' in (out / "dev05.html").read_text(encoding="utf-8")


def test_dask_applies_the_per_document_time_limit(tmp_path, scheduler):
    """A Dask worker runs tasks in a thread (no SIGALRM there): a slow document still fails, the rest build."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("Letter A"), encoding="utf-8")
    (src / "slow.txt").write_text(fake_source("Slow", body="SLOW:30 body"), encoding="utf-8")
    started = time.monotonic()
    summary, said = build(src, tmp_path / "out", executor="dask", scheduler=scheduler, stages=FakeStages,
                          time_limit=1)
    assert (summary.built, summary.failed) == (1, 1), said
    assert f"{src / 'slow.txt'}: took longer than the time limit of 1 s" in said
    assert time.monotonic() - started < 20  # not the 30 s the document would take
    assert (tmp_path / "out" / "a.html").exists() and not (tmp_path / "out" / "slow.xml").exists()


def test_a_dask_worker_keeps_the_outputs_in_memory(tmp_path, monkeypatch):
    """The worker sends the outputs back as bytes: it writes none to its disk only to read them back
    (a dozen files a document, most of the executor's cost per document)."""
    src = sorted(DEV_CORPUS.glob("*.txt"))[0]
    writes = []
    real = document.atomic_write
    monkeypatch.setattr(document, "atomic_write", lambda path, data: (writes.append(path), real(path, data)))
    stages = document.make_stages(document.PipelineStages, False)
    task = Task(src.stem, str(src), str(tmp_path / "out"), False, "2026-01-01", key="k", dts_base="/dts/")
    local = document.build_document(task, stages)
    assert writes and local.status == "valid"  # a local build writes through atomic_write
    writes.clear()
    result, files = distributed_build.build_remote(task, src.read_bytes(), document.PipelineStages, False,
                                                   distributed_build._toolchain())
    assert result.status == "valid"
    assert writes == []
    assert set(files) == set(result.outputs + result.shares)
    for name in result.outputs:  # the same bytes as the local build wrote
        assert files[name] == (tmp_path / "out" / name).read_bytes(), name
