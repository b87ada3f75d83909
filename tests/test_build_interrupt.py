"""An interrupted build leaves no half-written file and the next build resumes."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import teiedition.building.build
from teiedition.building.build import run_build
from teiedition.building.manifest import MANIFEST_NAME

from test_build_fakes import FakeStages, fake_source

TESTS = Path(__file__).resolve().parent
DOCS = 40

BUILD_SCRIPT = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from test_build_fakes import FakeStages
import teiedition.building.build
from teiedition.building.build import build
teiedition.building.build.toolchain_digest = lambda: "pinned"  # edits to the code meanwhile are not the point here
sys.exit(build(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), stages=FakeStages,
               progress=False, run_date="2026-01-01"))
"""


@pytest.fixture(autouse=True)
def fast_resume(monkeypatch):
    monkeypatch.setenv("FAKE_STAGE_DELAY", "0.1")
    monkeypatch.setattr(teiedition.building.build, "toolchain_digest", lambda: "pinned")


def slow_sources(folder: Path) -> Path:
    folder.mkdir()
    for n in range(DOCS):
        (folder / f"doc{n:03d}.txt").write_text(fake_source(f"Document {n}", body="SLOW body"), encoding="utf-8")
    return folder


def start_build(src: Path, out: Path, jobs: int) -> subprocess.Popen:
    env = {**os.environ, "FAKE_STAGE_DELAY": "0.3"}
    return subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, str(src), str(out), str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def saved_documents(out: Path) -> int:
    try:
        return len(json.loads((out / MANIFEST_NAME).read_text())["documents"])
    except (OSError, ValueError):
        return 0


def wait_for_checkpoint(out: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until the build has saved some finished documents (most are still to do)."""
    deadline = time.monotonic() + timeout
    while saved_documents(out) == 0:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "build never checkpointed"
        time.sleep(0.05)


def half_written_files(out: Path) -> list[str]:
    """Temporary files, and outputs that are not whole (the fakes' files have known endings)."""
    bad = [p.name for p in out.glob(".*.tmp")]
    bad += [p.name for p in out.glob("*.html") if not p.read_text().endswith("</html>\n")]
    bad += [p.name for p in out.glob("*.pdf") if not p.read_bytes().endswith(b"%%EOF\n")]
    return bad


def resume(src: Path, out: Path):
    os.environ["FAKE_STAGE_DELAY"] = "0"  # set back by the autouse fixture
    return run_build(src, out, jobs=1, stages=FakeStages, progress=False, stream=io.StringIO(),
                     run_date="2026-01-01")


def interrupt(tmp_path: Path, sig: int, jobs: int) -> tuple[Path, Path, subprocess.Popen]:
    src, out = slow_sources(tmp_path / "src"), tmp_path / "out"
    proc = start_build(src, out, jobs)
    wait_for_checkpoint(out, proc)
    proc.send_signal(sig)
    proc.wait(timeout=30)
    return src, out, proc


def test_terminated_build_leaves_only_whole_files(tmp_path):
    _, out, proc = interrupt(tmp_path, signal.SIGTERM, jobs=2)
    assert proc.returncode != 0
    assert half_written_files(out) == []


def test_terminated_build_resumes_where_it_stopped(tmp_path):
    src, out, _ = interrupt(tmp_path, signal.SIGTERM, jobs=2)
    summary = resume(src, out)
    assert summary.unchanged > 0 and summary.unchanged + summary.built == DOCS
    assert half_written_files(out) == []


def test_killed_build_resumes_and_cleans_up(tmp_path):
    src, out, _ = interrupt(tmp_path, signal.SIGKILL, jobs=1)
    summary = resume(src, out)
    assert summary.unchanged > 0 and summary.unchanged + summary.built == DOCS
    assert half_written_files(out) == []
    assert len(list(out.glob("*.html"))) == DOCS + 1  # and index.html


def test_terminated_build_says_how_to_resume(tmp_path):
    _, _, proc = interrupt(tmp_path, signal.SIGTERM, jobs=1)
    assert "run the same command again to resume" in proc.stderr.read().decode()


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_killed_parallel_build_leaves_no_worker_running(tmp_path):
    src, out = slow_sources(tmp_path / "src"), tmp_path / "out"
    proc = start_build(src, out, jobs=2)
    wait_for_checkpoint(out, proc)
    helpers = _descendants(proc.pid)
    assert helpers, "a -j 2 build runs worker processes"
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in helpers if _alive(p)], "workers kept running after the build was killed"


def test_checkpoints_take_at_most_a_twentieth_of_the_build(monkeypatch):
    """The manifest grows with the collection: saved every 2 s whatever it cost, the saves of a large
    build took more of the main process than the collection passes.  A save that takes 1 s is
    followed by 19 s without one; the executors still ask every 2 s."""
    clock = [0.0]
    monkeypatch.setattr(teiedition.building.build.time, "monotonic", lambda: clock[0])
    saves = []

    def slow_save():
        saves.append(clock[0])
        clock[0] += 1.0

    checkpoint = teiedition.building.build.Checkpoints(slow_save)
    for _ in range(100):  # 100 documents finishing 2 s apart
        checkpoint()
        clock[0] += 2.0
    assert 9 <= len(saves) <= 11
    assert all(b - a >= 20.0 for a, b in zip(saves, saves[1:]))
