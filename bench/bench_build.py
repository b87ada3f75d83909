"""Benchmark ``teiedition build``: throughput, 1 → 2 worker speed-up, unchanged rebuild, memory.

Why: the issue sets targets (>= 30 documents/s for TEI + validation + HTML on
2 cores, an unchanged rebuild of 1,000 documents under 2 s, memory flat in the
number of documents) that only a measurement can check.  Every figure comes
from the real command line (``teiedition build`` in a subprocess, so start-up
and worker spawning are counted); the speed-up is the ratio of medians of
``--repeat`` 1-worker and 2-worker runs, alternated in the same session so a
change in the machine's load hits both alike.  Peak memory
is the largest sum, over the build's whole process tree, of each process's
proportional set size (PSS: shared pages are split between the processes that
share them, so the sum does not count a library twice), sampled every 50 ms.
CPU time of the whole tree per document and the load average at the start
are printed too: on a shared machine wall-clock figures depend on the load,
and CPU ms/document says what 2 idle cores would do (2000 / cpu_ms docs/s).

The corpus is copies of the dev corpus with distinct file names (ids).

    python bench/bench_build.py                 # the full set (several minutes)
    python bench/bench_build.py --docs 200 --pdf-docs 20 --repeat 1   # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared")) / "corpus" / "dev"
TEIEDITION = [sys.executable, "-m", "teiedition.cli"]
RUN_DATE = "2026-01-01"


def make_corpus(folder: Path, count: int) -> Path:
    """``count`` sources: the dev texts in turn, each under its own id."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = sorted(DEV.glob("*.txt"))
    if not texts:
        sys.exit(f"no dev corpus at {DEV} (set TEIEDITION_SHARED)")
    for n in range(count):
        src = texts[n % len(texts)]
        shutil.copyfile(src, folder / f"{src.stem}_{n:05d}.txt")
    return folder


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(c) for c in fh.read().split()]
    except OSError:
        return []


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo.extend(_children(p))
    return pids


def _pss_kib(pid: int) -> int:
    """Proportional set size of one process (RSS when smaps_rollup is unavailable)."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


SNAPSHOT_ENV: dict[str, str] = {}


def snapshot_code(folder: Path) -> None:
    """Run the builds on a copy of the code, stylesheets and schemas taken now.

    Why: the build key covers the package's code, so edits made to the working
    tree while the benchmark runs would turn the unchanged rebuild into a full one.
    """
    for name in ("src/teiedition", "xslt", "schema"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    SNAPSHOT_ENV["PYTHONPATH"] = str(folder / "src")


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (from /proc, so grandchildren count too)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def measure(cmd: list[str], env: dict, cwd: Path | None = None) -> dict:
    """Run ``cmd``, sampling its process tree every 50 ms: wall and CPU seconds, peak PSS of the tree
    and of the first process, the load at the start, the exit code and the last line of stderr."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    peak = main_peak = 0
    cpu_seen: dict[int, float] = {}
    stop = threading.Event()

    def sample():
        nonlocal peak, main_peak
        while not stop.is_set():
            pids = _tree(proc.pid)
            sizes = {p: _pss_kib(p) for p in pids}
            peak = max(peak, sum(sizes.values()))
            main_peak = max(main_peak, sizes.get(proc.pid, 0))
            for p in pids:
                cpu_seen[p] = max(cpu_seen.get(p, 0.0), _cpu_seconds(p))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    cpu = sum(cpu_seen.values())  # workers are forkserver children: sampled, not rusage
    text = err.decode("utf-8", "replace")
    summary = text.strip().splitlines()[-1:] or [""]
    return {"seconds": seconds, "cpu_s": cpu, "load": load, "code": proc.returncode, "stderr": text,
            "peak_mib": peak / 1024, "main_peak_mib": main_peak / 1024, "summary": summary[0]}


def run_build(src: Path, out: Path, *, jobs: int, pdf: bool, force: bool = False, extra: tuple = ()) -> dict:
    """One ``teiedition build`` run: wall seconds, exit code, peak memory of its process tree."""
    cmd = TEIEDITION + ["build", str(src), "-o", str(out), "-j", str(jobs), "--run-date", RUN_DATE,
                        "--no-progress", "--pdf" if pdf else "--no-pdf"] + (["--force"] if force else []) + list(extra)
    result = measure(cmd, {**os.environ, "CI": "1", **SNAPSHOT_ENV}, cwd=REPO)
    del result["stderr"]
    return result


def one_build(src: Path, *, jobs: int, pdf: bool, out: Path | None = None) -> dict:
    """One build into ``out`` (kept) or into a fresh folder (removed afterwards)."""
    target = out or Path(tempfile.mkdtemp(prefix="bench-out-"))
    if out is None:
        shutil.rmtree(target)
    try:
        return run_build(src, target, jobs=jobs, pdf=pdf)
    finally:
        if out is None:
            shutil.rmtree(target, ignore_errors=True)


def summarise(label: str, runs: list[dict], *, docs: int, jobs: int, pdf: bool) -> dict:
    """Medians over runs, printed as one line."""
    secs = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu_s"] for r in runs)
    load = statistics.median(r["load"] for r in runs)
    result = {"label": label, "docs": docs, "jobs": jobs, "pdf": pdf, "runs": len(runs),
              "median_s": round(secs, 3), "docs_per_s": round(docs / secs, 1),
              "cpu_ms_per_doc": round(cpu * 1000 / docs, 1), "load_at_start": round(load, 1),
              "peak_mib": round(max(r["peak_mib"] for r in runs), 1),
              "main_peak_mib": round(max(r["main_peak_mib"] for r in runs), 1),
              "exit_codes": sorted({r["code"] for r in runs}), "summary": runs[-1]["summary"]}
    print(f"{label:<44} {docs:>5} docs  -j{jobs}  {secs:7.2f} s  {docs / secs:7.1f} docs/s  "
          f"peak {result['peak_mib']:7.1f} MiB (main {result['main_peak_mib']:.0f})  cpu {result['cpu_ms_per_doc']:6.1f} ms/doc  "
          f"load {load:4.1f}  exit {result['exit_codes']}", flush=True)
    return result


def stage_profile(passes: int = 3) -> dict:
    """Milliseconds per document in each stage (one process, dev corpus, median of passes).

    Why: when the build misses its throughput target this says which stage to speed up.
    """
    from teiedition.building.build import PipelineStages
    from teiedition.safexml import parse_xml_bytes

    started = time.perf_counter()
    stages = PipelineStages(pdf=True)
    setup_s = time.perf_counter() - started
    texts = [(p, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.txt"))]
    per_pass: dict[str, list[float]] = {k: [] for k in ("convert", "validate", "html", "pdf")}
    for n in range(passes + 1):  # the first pass warms caches and is not counted
        spent = dict.fromkeys(per_pass, 0.0)
        for path, text in texts:
            t0 = time.perf_counter()
            tei, _ = stages.convert(text, doc_id=path.stem, source_name=path.name, run_date=RUN_DATE)
            tree = parse_xml_bytes(tei, name=path.name)
            t1 = time.perf_counter()
            stages.validate(tree, path.name, source=tei)
            t2 = time.perf_counter()
            stages.html(tree, tei_href="x.xml", pdf_href="x.pdf")
            t3 = time.perf_counter()
            if n < 2:  # PDF is slow: one counted pass is enough
                stages.pdf(tree)
            t4 = time.perf_counter()
            spent["convert"] += t1 - t0
            spent["validate"] += t2 - t1
            spent["html"] += t3 - t2
            spent["pdf"] += t4 - t3
        if n:
            for k, v in spent.items():
                if k != "pdf" or n == 1:
                    per_pass[k].append(v * 1000 / len(texts))
    result = {k: round(statistics.median(v), 1) for k, v in per_pass.items()}
    result["worker_setup_s"] = round(setup_s, 2)
    print("per-stage cost, ms/document (1 process): " + ", ".join(f"{k} {v}" for k, v in result.items()),
          flush=True)
    return result


def _files(out: Path) -> dict[str, tuple[int, int]]:
    """Every file of the output folder with its inode and mtime (an atomic write makes a new inode)."""
    return {str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}


def incremental(src: Path, out: Path, *, jobs: int, repeat: int) -> dict:
    """One document edited, one added, one removed in a built collection: seconds (median of ``repeat``
    command-line builds each, start-up included) and files rewritten (made, changed or deleted).

    Each run edits another document (a word of its body), adds a copy of a dev text under a new id,
    and removes that copy again, so the collection ends as it began.
    """
    texts = sorted(src.glob("*.txt"))
    report: dict = {}
    for kind in ("edit", "add", "remove"):
        report[kind] = {"seconds": [], "files": [], "load": [], "peak_mib": [], "main_peak_mib": []}
    for n in range(repeat):
        victim = texts[(n * 37) % len(texts)]
        added = src / f"zz_added_{n:03d}.txt"
        steps = (("edit", lambda: victim.write_text(victim.read_text(encoding="utf-8").replace(" the ", " xylophone ", 1),
                                                    encoding="utf-8")),
                 ("add", lambda: shutil.copyfile(texts[n % len(texts)], added)),
                 ("remove", lambda: added.unlink()))
        for kind, change in steps:
            before = _files(out)
            change()
            run = run_build(src, out, jobs=jobs, pdf=False)
            after = _files(out)
            touched = {k for k in after if before.get(k) != after[k]} | (set(before) - set(after))
            report[kind]["seconds"].append(run["seconds"])
            report[kind]["files"].append(len(touched))
            report[kind]["load"].append(run["load"])
            report[kind]["peak_mib"].append(round(run["peak_mib"], 1))
            report[kind]["main_peak_mib"].append(round(run["main_peak_mib"], 1))
    for kind, r in report.items():
        r["median_s"] = round(statistics.median(r["seconds"]), 2)
        print(f"one document {kind + 'ed' if kind != 'remove' else 'removed'}: median {r['median_s']:.2f} s "
              f"of {repeat} (CLI, start-up included), files rewritten {r['files']}, peak {r['peak_mib']} MiB, "
              f"load at start {[round(x, 1) for x in r['load']]}", flush=True)
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="documents in the large build")
    ap.add_argument("--small", type=int, default=200, help="documents for the speed-up and memory baseline")
    ap.add_argument("--pdf-docs", type=int, default=100, help="documents in the PDF build")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--jobs", type=int, help="workers for the large build (default: the number of cores)")
    ap.add_argument("--incremental-only", action="store_true",
                    help="only the large build, its unchanged rebuild and one edited, added, removed document")
    args = ap.parse_args()
    cores = args.jobs or os.cpu_count() or 1
    print(f"teiedition build benchmark: {cores} cores, python {sys.version.split()[0]}", flush=True)
    results = []
    stages = {} if args.incremental_only else stage_profile()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        snapshot_code(tmp / "code")
        large = make_corpus(tmp / "large", args.docs)
        small = make_corpus(tmp / "small", args.small)
        pdfs = make_corpus(tmp / "pdf", args.pdf_docs)

        one_build(pdfs, jobs=1, pdf=False)  # warm-up: byte-compiles the snapshot, fills the page cache
        if args.incremental_only:
            out = tmp / "large-out"
            full = summarise(f"TEI + validation + HTML, {cores} workers",
                             [one_build(large, jobs=cores, pdf=False, out=out)], docs=args.docs, jobs=cores, pdf=False)
            reruns = [run_build(large, out, jobs=cores, pdf=False) for _ in range(args.repeat)]
            print(f"unchanged rebuild of {args.docs} documents (CLI, start-up included): median "
                  f"{statistics.median(r['seconds'] for r in reruns):.2f} s of {len(reruns)} runs, "
                  f"load at start {[round(r['load'], 1) for r in reruns]}", flush=True)
            changes = incremental(large, out, jobs=cores, repeat=args.repeat)
            if args.json:
                args.json.write_text(json.dumps({"cores": cores, "full": full, "unchanged": reruns,
                                                 "incremental": changes}, indent=1) + "\n")
            return
        ones, twos = [], []
        for _ in range(args.repeat):  # alternated, so a change in the machine's load hits both alike
            ones.append(one_build(small, jobs=1, pdf=False))
            twos.append(one_build(small, jobs=2, pdf=False))
        one = summarise("speed-up baseline: no PDF, 1 worker", ones, docs=args.small, jobs=1, pdf=False)
        two = summarise("speed-up: no PDF, 2 workers", twos, docs=args.small, jobs=2, pdf=False)
        results += [one, two]
        speedup = one["median_s"] / two["median_s"]
        print(f"speed-up 1 -> 2 workers: {speedup:.2f}x", flush=True)

        out = tmp / "large-out"
        full = summarise(f"TEI + validation + HTML, {cores} workers",
                         [one_build(large, jobs=cores, pdf=False, out=out)], docs=args.docs, jobs=cores, pdf=False)
        results.append(full)
        reruns = [run_build(large, out, jobs=cores, pdf=False) for _ in range(max(args.repeat, 5))]
        unchanged_s = statistics.median(r["seconds"] for r in reruns)
        print(f"unchanged rebuild of {args.docs} documents (CLI, start-up included): "
              f"median {unchanged_s:.2f} s of {len(reruns)} runs [{reruns[-1]['summary']}]", flush=True)

        extrapolated = None  # --pdf-docs 0: no PDF build
        if args.pdf_docs:
            pdf = summarise(f"TEI + validation + HTML + PDF, {cores} workers",
                            [one_build(pdfs, jobs=cores, pdf=True)], docs=args.pdf_docs, jobs=cores, pdf=True)
            results.append(pdf)
            extrapolated = args.docs / pdf["docs_per_s"]
            print(f"with PDF, extrapolated to {args.docs} documents: {extrapolated:.0f} s "
                  f"({pdf['docs_per_s']} docs/s measured on {args.pdf_docs})", flush=True)
        memory_ratio = full["peak_mib"] / max(two["peak_mib"], 1e-9)
        print(f"memory: peak {two['peak_mib']} MiB for {args.small} docs, {full['peak_mib']} MiB for "
              f"{args.docs} docs (ratio {memory_ratio:.2f})", flush=True)
    report = {"cores": cores, "stages_ms_per_doc": stages, "results": results, "speedup_1_to_2": round(speedup, 2),
              "unchanged_rebuild_s": round(unchanged_s, 3), "pdf_extrapolated_s": None if extrapolated is None else round(extrapolated, 1),
              "memory_ratio_large_to_small": round(memory_ratio, 2)}
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
