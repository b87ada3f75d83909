"""Benchmark of the converter: run ``python bench/bench_convert.py`` (about a minute).

Measures, as medians:
  * the seed converted warm, in process (target: well under 100 ms);
  * ``teiedition --help`` start-up in a fresh process (target: under 0.3 s);
  * 1x, 10x and 100x the seed's body: time, peak Python memory (tracemalloc) and
    the growth of resident memory in a fresh process (includes lxml's C memory),
    with ratios against the 1x baseline measured in the same run (linear growth
    means ratios near 10 and 100).
Options: --quick (fewer repetitions), --json (machine-readable output).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
sys.path.insert(0, str(ROOT / "src"))

from benchlib import median_ms  # noqa: E402
from teiedition.convert import convert_text  # noqa: E402
from teiedition.files import decode_source  # noqa: E402




def median_s(func, repeat: int) -> float:
    return median_ms(func, repeat) / 1000


def scaled_page(text: str, factor: int) -> str:
    """The seed page with its body repeated ``factor`` times (furniture kept once)."""
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("The foreign policy orientation"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("The report states that"))
    body = "\n".join(lines[start:end])
    return "\n".join(lines[:start]) + "\n" + "\n\n".join([body] * factor) + "\n" + "\n".join(lines[end:])


def peak_memory(text: str) -> int:
    tracemalloc.start()
    convert_text(text, doc_id="doc-bench", run_date="2026-01-01")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


CHILD = """
import resource, sys
sys.path.insert(0, {src!r})
from teiedition.convert import convert_text
from bench_convert import scaled_page
from teiedition.files import decode_source
text = scaled_page(decode_source(open({seed!r}, 'rb').read()).text, {factor}) if {factor} else 'Warm-up.'
convert_text(text, doc_id='doc-bench', run_date='2026-01-01')
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss(factor: int) -> int:
    """Peak resident memory of a fresh process that converts ``factor`` x the seed (0: a tiny page)."""
    code = CHILD.format(src=str(ROOT / "src"), seed=str(SEED), factor=factor)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).parent))
    return int(out.stdout.strip()) * 1024


def rss_growth(factor: int, baseline: int) -> int:
    """Peak resident memory (includes lxml) above a process that converted a tiny page, in bytes."""
    return max(0, peak_rss(factor) - baseline)


def help_startup(repeat: int) -> float:
    exe = Path(sys.executable).with_name("teiedition")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "teiedition.cli", "--help"]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="0")
    subprocess.run(cmd, capture_output=True, check=True, env=env)  # warm the file cache and .pyc
    return median_s(lambda: subprocess.run(cmd, capture_output=True, check=True, env=env), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rep = 3 if args.quick else 9
    text = decode_source(SEED.read_bytes()).text
    run = lambda t: convert_text(t, doc_id="doc-bench", run_date="2026-01-01")  # noqa: E731

    run(text)  # warm: imports, compiled regexes, authority
    results: dict = {"seed_chars": len(text)}
    results["seed_warm_ms"] = median_s(lambda: run(text), rep * 2) * 1000
    results["help_startup_s"] = help_startup(rep)
    scale = {}
    baseline_rss = statistics.median(peak_rss(0) for _ in range(3))
    for factor in (1, 10, 100):
        page = scaled_page(text, factor)
        seconds = median_s(lambda: run(page), rep if factor < 100 else max(3, rep // 3))
        scale[factor] = {"chars": len(page), "seconds": seconds, "peak_bytes": peak_memory(page),
                         "rss_growth_bytes": rss_growth(factor, baseline_rss)}
    for factor in (10, 100):
        scale[factor]["time_ratio"] = scale[factor]["seconds"] / scale[1]["seconds"]
        scale[factor]["memory_ratio"] = scale[factor]["peak_bytes"] / scale[1]["peak_bytes"]
    results["scale"] = scale
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"seed ({results['seed_chars']} chars) warm in-process: {results['seed_warm_ms']:.1f} ms (median)")
    print(f"teiedition --help start-up: {results['help_startup_s'] * 1000:.0f} ms (median)")
    for factor, r in scale.items():
        ratios = ""
        if factor > 1:
            ratios = f"  time x{r['time_ratio']:.1f}, memory x{r['memory_ratio']:.1f} of 1x"
        print(f"{factor:>4}x seed body ({r['chars']:>9} chars): {r['seconds'] * 1000:9.1f} ms, "
              f"Python peak {r['peak_bytes'] / 1048576:6.1f} MiB, RSS growth "
              f"{r['rss_growth_bytes'] / 1048576:6.1f} MiB{ratios}")


if __name__ == "__main__":
    main()
