"""Print edition speed: seed TEI -> PDF cold and warm, pages per second on a long document, peak memory.

Why: the targets (seed PDF under 1.5 s warm, under 300 MB) are measured here, as medians,
never in timed tests.  Cold = a fresh process (stylesheet compiled, CSS parsed, fonts
loaded); warm = the same renderer again.  A baseline (WeasyPrint on the same print HTML
without our marginal-bar pass) is measured in the same run, so ratios compare like with like.

Usage: python bench/bench_pdf.py [--runs 5] [--pages 100]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "editions" / "000_fcc578db0f85cc6f.xml"

COLD = """
import time, resource, sys
t = time.perf_counter()
from teiedition.rendering.pdf import PdfRenderer
from teiedition.safexml import parse_xml_file
data = PdfRenderer().render(parse_xml_file(sys.argv[1]))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def cold(runs: int) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD, str(SEED)], capture_output=True, text=True, check=True)
        seconds, peak = out.stdout.split()
        times.append(float(seconds))
        peaks.append(float(peak))
    return statistics.median(times), max(peaks)


def warm(runs: int) -> dict:
    from weasyprint import HTML

    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_file

    tree = parse_xml_file(SEED)
    renderer = pdf.PdfRenderer()
    data = renderer.render(tree)  # warm-up
    ours, base = [], []
    for _ in range(runs):
        t = time.perf_counter()
        data = renderer.render(tree)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        html = renderer.print_html(tree)
        stylesheets, fonts = pdf._compiled_css("a4")
        HTML(string=html).write_pdf(stylesheets=stylesheets, font_config=fonts)
        base.append(time.perf_counter() - t)
    import pypdf, io
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    return {"seed_warm_s": statistics.median(ours), "baseline_weasyprint_s": statistics.median(base),
            "ratio_to_baseline": statistics.median(ours) / statistics.median(base), "seed_pages": pages}


def long_document(pages: int) -> dict:
    sys.path.insert(0, str(REPO / "tests"))
    from generated_tei import long_document as make  # the print tests' generator: notes and marks throughout (no pytest)

    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_bytes
    import io, pypdf

    tree = parse_xml_bytes(make(paragraphs=int(pages * 4.5)))
    t = time.perf_counter()
    data = PdfRenderer().render(tree)
    seconds = time.perf_counter() - t
    count = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    return {"long_pages": count, "long_s": seconds, "pages_per_s": count / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    cold_s, peak_mb = cold(args.runs)
    result = {"seed_cold_s": cold_s, "seed_peak_mb": peak_mb}
    result.update(warm(args.runs))
    result.update(long_document(args.pages))
    import resource
    result["peak_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}, indent=2))


if __name__ == "__main__":
    main()
