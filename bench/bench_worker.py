"""Where a build worker's CPU goes, per document: each row of the table of outputs, and its stages.

Why: issue 19 asks for at most ~50 ms of CPU per document (100,000 documents in 45 minutes on
two cores).  A whole build mixes the workers with the main process and start-up; this runs the
per-document step (``document.build_document``, the real stages, no PDF) in one process on
copies of the dev corpus and times each row (``outputs.OUTPUTS``) and stage with
``time.process_time``, after a warm-up document.  Every document is new to citeproc's cache, as
in an archive.  On a shared machine read the shares, not the milliseconds.

    python bench/bench_worker.py --docs 96
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from teiedition import citing
from teiedition.building import document, outputs
from teiedition.rendering import xsltrun

DEV = Path(os.environ.get("TEIEDITION_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus" / "dev"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=96, help="documents (the dev texts in turn, each under its own id)")
    args = ap.parse_args()
    texts = sorted(DEV.glob("*.txt"))
    if not texts:
        sys.exit(f"no dev corpus at {DEV} (set TEIEDITION_SHARED)")
    spent: dict[str, float] = collections.defaultdict(float)

    def timed(name, fn):
        def call(*a, **k):
            started = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - started
        return call

    outputs.OUTPUTS = tuple(dataclasses.replace(row, make=timed(f"row {row.name}", row.make)) for row in outputs.OUTPUTS)
    document.atomic_write = timed("writing files (atomic_write)", document.atomic_write)
    stages = document.make_stages(document.PipelineStages, False)
    stages.convert = timed("stage convert", stages.convert)
    stages.validate = timed("stage validate", stages.validate)
    xsltrun.Stylesheet.run = timed("  Saxon transforms", xsltrun.Stylesheet.run)
    citing.render_csl = timed("  citeproc (How to cite)", citing.render_csl)
    with tempfile.TemporaryDirectory(prefix="bench-worker-") as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        sources = []
        for n in range(args.docs + 1):
            sources.append(src / f"{texts[n % len(texts)].stem}_{n:05d}.txt")
            shutil.copyfile(texts[n % len(texts)], sources[-1])

        def build(path: Path):
            citing.how_to_cite.cache_clear()
            task = document.Task(path.stem, str(path), str(out), False, "2026-01-01", key="k" + path.stem,
                                 dts_base="/dts/")
            result = document.build_document(task, stages)
            if result.status != "valid":
                sys.exit(f"{path.name}: {result.status}: {result.reason}")

        build(sources[0])  # warm-up
        spent.clear()
        started = time.process_time()
        for path in sources[1:]:
            build(path)
        total = time.process_time() - started
    print(f"{args.docs} documents, load {os.getloadavg()[0]:.1f}: {total * 1000 / args.docs:.1f} ms of CPU a document")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:32s} {seconds * 1000 / args.docs:6.2f} ms  ({seconds / total:5.1%})")


if __name__ == "__main__":
    main()
