"""Benchmark ``build --executor dask`` against the local pool: documents per second, 1 and 2 workers.

Why: the Dask executor exists for collections too large for one machine;
what it costs on one machine (scheduler, worker start-up, sources and
outputs sent as bytes) is measured against the local pool in the same run,
alternated so a change in the machine's load hits all alike.  Each figure is
the median of ``--repeat`` command-line builds (``teiedition build`` in a
subprocess: start-up, cluster start and worker compilation included) into a
fresh folder; the outputs of every executor are checked byte for byte
against the local one-worker build.  CPU seconds of the whole process tree
per document are printed too (the machine may be shared).

    python bench/bench_dask.py                       # 48 docs without PDF, 12 with
    python bench/bench_dask.py --docs 24 --pdf-docs 6 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import make_corpus, run_build, snapshot_code  # noqa: E402

CONFIGS = [("local", 1, ()), ("local", 2, ()), ("dask", 1, ("--executor", "dask")), ("dask", 2, ("--executor", "dask"))]


def published(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def measure(src: Path, docs: int, pdf: bool, repeat: int, tmp: Path) -> list[dict]:
    runs: dict[tuple, list[dict]] = {(e, j): [] for e, j, _ in CONFIGS}
    reference = None
    for r in range(repeat):
        for executor, jobs, extra in CONFIGS:
            out = tmp / f"out-{executor}-{jobs}-{r}"
            runs[(executor, jobs)].append(run_build(src, out, jobs=jobs, pdf=pdf, extra=extra))
            files = published(out)
            if reference is None:
                reference = files
            elif files != reference:
                sys.exit(f"{executor} -j{jobs}: outputs differ from the local 1-worker build")
            shutil.rmtree(out)
    results = []
    for executor, jobs, _ in CONFIGS:
        rs = runs[(executor, jobs)]
        secs = statistics.median(x["seconds"] for x in rs)
        cpu = statistics.median(x["cpu_s"] for x in rs)
        row = {"executor": executor, "workers": jobs, "pdf": pdf, "docs": docs, "median_s": round(secs, 2),
               "docs_per_s": round(docs / secs, 2), "cpu_ms_per_doc": round(cpu * 1000 / docs),
               "load_at_start": round(statistics.median(x["load"] for x in rs), 1),
               "exit_codes": sorted({x["code"] for x in rs})}
        results.append(row)
        print(f"{executor:<6} {jobs} worker{'s' if jobs > 1 else ' '}  {'PDF   ' if pdf else 'no PDF'}  {docs:>4} docs  "
              f"{secs:7.2f} s  {docs / secs:6.2f} docs/s  cpu {row['cpu_ms_per_doc']:5d} ms/doc  "
              f"load {row['load_at_start']:4.1f}  exit {row['exit_codes']}", flush=True)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=48, help="documents in the builds without PDF")
    ap.add_argument("--pdf-docs", type=int, default=12, help="documents in the builds with PDF")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement (median)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    print(f"build executors benchmark: {os.cpu_count()} cores, python {sys.version.split()[0]}; "
          "byte-identical outputs checked", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        tmp = Path(tmp)
        snapshot_code(tmp / "code")
        results = measure(make_corpus(tmp / "plain", args.docs), args.docs, False, args.repeat, tmp)
        results += measure(make_corpus(tmp / "pdf", args.pdf_docs), args.pdf_docs, True, args.repeat, tmp)
    for pdf in (False, True):
        rows = {(r["executor"], r["workers"]): r for r in results if r["pdf"] == pdf}
        print(f"{'with' if pdf else 'without'} PDF: dask 1 -> 2 workers {rows[('dask', 2)]['docs_per_s'] / rows[('dask', 1)]['docs_per_s']:.2f}x, "
              f"dask/local at 2 workers {rows[('dask', 2)]['docs_per_s'] / rows[('local', 2)]['docs_per_s']:.2f}x", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
