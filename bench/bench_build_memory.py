"""Where the main process's memory goes in a first build (issue 19): per collection pass.

Why: the main process's peak grew with the collection (1.6 GiB at 10,000 documents); to fix
the biggest holder we must know which pass holds what.  This runs one first build in this
process (``-j N`` workers do the documents) and, around each collection pass, records

* the peak resident set of the pass (``VmHWM``, reset before the pass through
  ``/proc/self/clear_refs``), the resident set after it, and
* the Python heap's peak in the pass and what is still held after it (``tracemalloc``,
  started when the workers are done, so the workers' phase runs at full speed);
  RSS above the Python heap is native memory (Saxon's heap, lxml trees, malloc arenas).

Usage: ``python bench/bench_build_memory.py --docs 1000 [--top 8]``.  Prints one JSON line
per pass and the top allocation sites of the Python peak of each pass.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench_build import RUN_DATE, make_corpus
from teiedition.building import build as build_module

PASSES = ("publish_dts", "publish_entity_pages", "write_collection")


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def _measured(name: str, function, results: list, top: int, trace: bool):
    def wrapper(*args, **kwargs):
        if trace and not tracemalloc.is_tracing():
            tracemalloc.start(1)
        tracemalloc.reset_peak()
        _reset_peak()
        rss_before = _status_kib("VmRSS")
        started = time.monotonic()
        try:
            return function(*args, **kwargs)
        finally:
            current, peak = tracemalloc.get_traced_memory()
            snapshot = tracemalloc.take_snapshot() if trace else None
            results.append({"pass": name, "seconds": round(time.monotonic() - started, 1),
                            "rss_before_mib": round(rss_before / 1024, 1),
                            "rss_peak_mib": round(_status_kib("VmHWM") / 1024, 1),
                            "rss_after_mib": round(_status_kib("VmRSS") / 1024, 1),
                            "py_peak_mib": round(peak / 2**20, 1),
                            "py_after_mib": round(current / 2**20, 1),
                            "held_after": [str(s) for s in snapshot.statistics("filename")[:top]] if trace else []})
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=6)
    parser.add_argument("--no-trace", action="store_true",
                        help="RSS only (tracemalloc makes the passes several times slower)")
    parser.add_argument("--keep", help="build into this folder (kept) instead of a temporary one")
    args = parser.parse_args()
    results: list = []
    for name in PASSES:
        setattr(build_module, name, _measured(name, getattr(build_module, name), results, args.top,
                                                      not args.no_trace))
    with tempfile.TemporaryDirectory() as tmp:
        src = make_corpus(Path(tmp) / "src", args.docs)
        out = Path(args.keep) if args.keep else Path(tmp) / "out"
        started = time.monotonic()
        load = os.getloadavg()[0]
        with open(os.devnull, "w") as quiet:
            build_module.run_build(src, out, jobs=args.jobs, pdf=False, run_date=RUN_DATE, progress=False,
                                   stream=quiet)
        print(json.dumps({"docs": args.docs, "jobs": args.jobs, "seconds": round(time.monotonic() - started, 1),
                          "load_at_start": round(load, 1), "load_at_end": round(os.getloadavg()[0], 1),
                          "main_peak_mib": round(_status_kib("VmHWM") / 1024, 1)}))
    for result in results:
        print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
