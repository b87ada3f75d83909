"""Benchmark one-document changes in a built collection: edit, title edit, addition, removal, nothing.

Why: issue 19 asks for one edited document in a collection of 10,000 in 2 s and an unchanged
rebuild in 2 s.  ``bench_build.py --incremental-only`` measures one kind of edit on one code;
this one measures every kind of one-document change on the working tree's code and, with
``--baseline REF``, on another commit's code in the same run, alternated build by build so a
change in the machine's load hits both alike.  Each code gets its own collection (the build key
covers the code, so one folder cannot serve both), built once from the same generated sources
(``bench_build.make_corpus``: copies of the dev corpus with distinct ids, no PDF).  Each round
changes the shared source folder once and runs ``teiedition build`` (command line, start-up
included) on every code's folder:

- nothing changed;
- a word of the body (the first " the " after a third of the text) edited, then put back;
- a word added to the title line, then put back;
- a copy of a dev text added under a new id, then removed again.

Printed per build: wall and CPU seconds (user + system of the build and its waited children),
the files it made, changed or deleted, the load average at its start; then medians per change
and code, and the ratio baseline / working tree.

    python bench/bench_edit.py --docs 1000 --repeat 3 --baseline main
    python bench/bench_edit.py --docs 10000 --repeat 3 --baseline main --keep /tmp/edit-bench
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import REPO, RUN_DATE, make_corpus

CODE_PARTS = ("src", "xslt", "schema")


def snapshot(folder: Path, ref: str | None) -> Path:
    """The code (package, stylesheets, schemas) of the working tree, or of git ``ref``, copied into ``folder``."""
    folder.mkdir(parents=True)
    if ref is None:
        for name in CODE_PARTS:
            shutil.copytree(REPO / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    else:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, *CODE_PARTS], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _files(out: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``out`` with its inode and mtime (an atomic write makes a new inode)."""
    found = {}
    for root, _, names in os.walk(out):
        for name in names:
            path = os.path.join(root, name)
            st = os.stat(path)
            found[path] = (st.st_ino, st.st_mtime_ns)
    return found


def build(code: Path, src: Path, out: Path) -> dict:
    """One ``teiedition build`` of ``src`` into ``out`` with the code in ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code / "src"), "CI": "1"}
    before = _files(out) if out.exists() else {}
    load = os.getloadavg()[0]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", str(src), "-o", str(out), "-j", "2",
                           "--run-date", RUN_DATE, "--no-progress", "--no-pdf"], env=env, capture_output=True,
                          text=True, cwd=code)
    wall = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = _files(out)
    touched = sum(1 for k in after if before.get(k) != after[k]) + len(set(before) - set(after))
    return {"wall": wall, "cpu": now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime, "load": load,
            "code": proc.returncode, "files": touched, "summary": (proc.stderr.strip().splitlines() or [""])[-1]}


def _title_line(lines: list[str]) -> int:
    """The title: the third line with text on an archive page (after "Skip to content" and the date)."""
    return [i for i, line in enumerate(lines) if line.strip()][2]


def changes(src: Path, round_: int):
    """``(kind, change)`` pairs for one round, each change made to the source folder when called."""
    texts = sorted(src.glob("*.txt"))
    victim = texts[(round_ * 37 + 11) % len(texts)]
    original = victim.read_bytes()
    text = original.decode("utf-8")
    at = text.find(" the ", len(text) // 3)
    lines = text.split("\n")
    lines[_title_line(lines)] += " Revised"
    added = src / f"zz_added_{round_:03d}.txt"
    return [("unchanged", lambda: None),
            ("body word", lambda: victim.write_text(text[:at] + " xylophone " + text[at + 5:], encoding="utf-8")),
            ("body back", lambda: victim.write_bytes(original)),
            ("title word", lambda: victim.write_text("\n".join(lines), encoding="utf-8")),
            ("title back", lambda: victim.write_bytes(original)),
            ("added", lambda: shutil.copyfile(texts[round_ % len(texts)], added)),
            ("removed", lambda: added.unlink())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="documents in the collection")
    ap.add_argument("--repeat", type=int, default=3, help="rounds (medians over them; a first warm-up round is extra)")
    ap.add_argument("--baseline", help="a git ref whose code is measured beside the working tree's")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (else a temporary one)")
    ap.add_argument("--json", type=Path, help="also write every build's figures here")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-edit-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        src = work / "src"
        if not src.is_dir():
            make_corpus(src, args.docs)
        versions = [("tree", None)] + ([("baseline", args.baseline)] if args.baseline else [])
        codes = {}
        for name, ref in versions:
            code = work / f"code-{name}"
            if not code.is_dir():
                snapshot(code, ref)
            codes[name] = (code, work / f"out-{name}")
            if not codes[name][1].is_dir():
                first = build(code, src, codes[name][1])
                print(f"first build, {name}: {first['wall']:.1f} s, load {first['load']:.1f} [{first['summary']}]",
                      flush=True)
        results: dict = {}
        for round_ in range(args.repeat + 1):  # round 0 warms up (page cache, byte-compiled code, caches)
            for kind, change in changes(src, round_):
                change()
                for name, (code, out) in codes.items():
                    run = build(code, src, out)
                    if round_:
                        results.setdefault(kind, {}).setdefault(name, []).append(run)
                    print(f"round {round_} {kind:<11} {name:<8} wall {run['wall']:6.2f} s  cpu {run['cpu']:6.2f} s  "
                          f"files {run['files']:>5}  load {run['load']:4.1f}  exit {run['code']}", flush=True)
        print(f"medians of {args.repeat} ({args.docs} documents, -j 2, no PDF, command line):")
        for kind, by in results.items():
            line = []
            for name, runs in by.items():
                line.append(f"{name} {statistics.median(r['wall'] for r in runs):6.2f} s wall "
                            f"({statistics.median(r['cpu'] for r in runs):5.2f} cpu, files "
                            f"{sorted({r['files'] for r in runs})}, load {min(r['load'] for r in runs):.1f}-"
                            f"{max(r['load'] for r in runs):.1f})")
            if "baseline" in by:
                ratio = statistics.median(r["wall"] for r in by["baseline"]) / statistics.median(
                    r["wall"] for r in by["tree"])
                line.append(f"baseline/tree {ratio:.2f}x")
            print(f"  {kind:<11} " + "; ".join(line), flush=True)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1) + "\n")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
