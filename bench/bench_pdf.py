"""Print edition speed: seed TEI -> PDF cold and warm, growth with length, peak memory.

Why: the targets (seed PDF under 1.5 s warm, under 300 MB) are measured here, as medians,
never in timed tests.  Cold = a fresh process (stylesheet compiled, CSS parsed, fonts
loaded); warm = the same renderer again.  Baselines are measured in the same run on the
same print HTML, so ratios compare like with like: plain WeasyPrint (untagged, no
footnote checks, no marginal bars) and WeasyPrint writing the same tagged variant.
Growth: the generated long document (tests/generated_tei.py) at 1x, 10x, 100x of about
ten pages, with seconds per page for us and for plain WeasyPrint and the number of
re-layout passes the footnote repair needed: linear cost means a flat s/page.

Usage: python bench/bench_pdf.py [--runs 5] [--scales 1,10,100]
       python bench/bench_pdf.py --growth-only --shape annotated --scales 1,10 [--no-baselines]  # pages mostly notes
       python bench/bench_pdf.py --runs 1 --phases LONG.xml ...   # where one document's time goes
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
    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_file

    tree = parse_xml_file(SEED)
    renderer = pdf.PdfRenderer()
    data = renderer.render(tree)  # warm-up
    ours, base, tagged = [], [], []
    ours_cpu, base_cpu, tagged_cpu = [], [], []
    for _ in range(runs):
        t, cpu = time.perf_counter(), time.process_time()
        data = renderer.render(tree)
        ours.append(time.perf_counter() - t)
        ours_cpu.append(time.process_time() - cpu)
        html = renderer.print_html(tree)
        for seconds, cpu_seconds, options in ((base, base_cpu, {}),
                                              (tagged, tagged_cpu, {"pdf_variant": pdf._WEASYPRINT_VARIANTS["ua"]})):
            cpu = time.process_time()
            seconds.append(plain_weasyprint(html, **options))
            cpu_seconds.append(time.process_time() - cpu)
    import pypdf, io
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    med = statistics.median
    # CPU seconds of this process (one thread): what a busy machine's load does not change.
    return {"seed_warm_s": med(ours), "baseline_weasyprint_s": med(base),
            "baseline_weasyprint_tagged_s": med(tagged),
            "ratio_to_baseline": med(ours) / med(base),
            "ratio_to_tagged_baseline": med(ours) / med(tagged), "seed_pages": pages,
            "seed_warm_cpu_s": med(ours_cpu), "baseline_weasyprint_cpu_s": med(base_cpu),
            "baseline_weasyprint_tagged_cpu_s": med(tagged_cpu),
            "cpu_ratio_to_baseline": med(ours_cpu) / med(base_cpu),
            "cpu_ratio_to_tagged_baseline": med(ours_cpu) / med(tagged_cpu)}


def plain_weasyprint(html: str, **options) -> float:
    """Seconds WeasyPrint takes for ``html`` with our stylesheets and nothing of ours."""
    from weasyprint import HTML

    from teiedition.rendering import pdf

    stylesheets, fonts = pdf._compiled_css("a4")
    t = time.perf_counter()
    HTML(string=html).write_pdf(stylesheets=stylesheets, font_config=fonts, **options)
    return time.perf_counter() - t


def growth(scales: list[int], shape: str = "long", baselines: bool = True) -> list[dict]:
    """Our render and plain WeasyPrint on a generated document at each scale (about 10 pages at 1x).

    ``long``: the print tests' long document (notes and marks throughout); ``annotated``: a chronicle
    whose pages are mostly notes (Ruy Díaz's manuscript, invented), where WeasyPrint as shipped
    (the baseline) lays the footnote area out once per note and prints half-empty pages."""
    sys.path.insert(0, str(REPO / "tests"))
    import generated_tei  # the print tests' generators (no pytest)

    make = {"long": lambda n: generated_tei.long_document(paragraphs=45 * n),
            "annotated": lambda n: generated_tei.annotated_document(paragraphs=2 * n)}[shape]

    import io, pypdf
    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_bytes

    passes = []
    repair = pdf._break_before_calling_blocks
    pdf._break_before_calling_blocks = lambda source, misplaced, *rest: passes.append(len(misplaced)) or repair(source, misplaced, *rest)
    rows = []
    try:
        for scale in scales:
            tree = parse_xml_bytes(make(scale))
            renderer = pdf.PdfRenderer()
            passes.clear()
            t, cpu = time.perf_counter(), time.process_time()
            data = renderer.render(tree)
            seconds, cpu_seconds = time.perf_counter() - t, time.process_time() - cpu
            relayouts = len(passes)
            count = len(pypdf.PdfReader(io.BytesIO(data)).pages)
            row = {"shape": shape, "scale": scale, "pages": count, "s": seconds, "s_per_page": seconds / count,
                   "cpu_s": cpu_seconds, "cpu_s_per_page": cpu_seconds / count, "repair_relayouts": relayouts}
            if baselines:
                html = renderer.print_html(tree)
                base = plain_weasyprint(html)
                tagged = plain_weasyprint(html, pdf_variant=pdf._WEASYPRINT_VARIANTS["ua"])
                row.update({"baseline_s": base, "baseline_s_per_page": base / count, "ratio": seconds / base,
                            "tagged_baseline_s": tagged, "ratio_to_tagged": seconds / tagged})
            rows.append(row)
    finally:
        pdf._break_before_calling_blocks = repair
    return rows


def phases(path: str, runs: int) -> dict:
    """Where the time of one document's PDF goes: the print stylesheet, WeasyPrint's layout, our checks
    after layout (footnotes, marginal bars, link labels), writing (tagging, drawing the bars), medians."""
    import io, pypdf
    from weasyprint import Document, HTML

    from teiedition.rendering import pdf
    from teiedition.safexml import parse_xml_file

    spent: dict[str, list[float]] = {}

    def timed(owner, name, phase):
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent.setdefault(phase, [0.0])[-1] += time.perf_counter() - t
        setattr(owner, name, wrapper)
        return original

    tree = parse_xml_file(path, allow_xinclude=True)
    patched = [(HTML, "render", timed(HTML, "render", "layout")),
               (Document, "write_pdf", timed(Document, "write_pdf", "write")),
               (pdf, "misplaced_footnotes", timed(pdf, "misplaced_footnotes", "footnote_check")),
               (pdf, "marginal_bars", timed(pdf, "marginal_bars", "marginal_bars")),
               (pdf, "link_labels", timed(pdf, "link_labels", "link_labels")),
               (pdf.PdfRenderer, "print_html", timed(pdf.PdfRenderer, "print_html", "stylesheet"))]
    totals, pages = [], 0
    try:
        for _ in range(runs):
            for values in spent.values():
                values.append(0.0)
            t = time.perf_counter()
            data = pdf.PdfRenderer().render(tree)
            totals.append(time.perf_counter() - t)
            pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    finally:
        for owner, name, original in patched:
            setattr(owner, name, original)
    row = {"file": path, "pages": pages, "total_s": statistics.median(totals)}
    row.update({f"{k}_s": statistics.median(v[-runs:]) for k, v in spent.items()})
    row["s_per_page"] = row["total_s"] / max(pages, 1)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,10,100", help="long-document sizes, in multiples of ~10 pages")
    parser.add_argument("--shape", choices=("long", "annotated"), default="long",
                        help="the generated document grown: long (notes and marks) or annotated (pages mostly notes)")
    parser.add_argument("--growth-only", action="store_true", help="only the growth rows (no seed cold/warm runs)")
    parser.add_argument("--no-baselines", action="store_true",
                        help="growth rows without plain WeasyPrint's times (CPU seconds per page say if it is linear)")
    parser.add_argument("--phases", metavar="TEI", nargs="+",
                        help="only: where the time of these documents' PDFs goes (stylesheet, layout, checks, write)")
    args = parser.parse_args()
    if args.phases:
        rows = [phases(path, args.runs) for path in args.phases]
        print(json.dumps([{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()} for r in rows],
                         indent=2))
        return
    import os
    load = os.getloadavg()
    scales = [int(x) for x in args.scales.split(",") if x.strip()]
    if args.growth_only:
        rows = growth(scales, args.shape, baselines=not args.no_baselines)
        print(json.dumps({"load_average_at_start": [round(x, 2) for x in load],
                          "growth": [{k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}
                                     for row in rows],
                          "load_average_at_end": [round(x, 2) for x in os.getloadavg()]}, indent=2))
        return
    cold_s, peak_mb = cold(args.runs)
    result = {"load_average_at_start": [round(x, 2) for x in load], "seed_cold_s": cold_s, "seed_peak_mb": peak_mb}
    result.update(warm(args.runs))
    result["growth"] = [{k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}
                        for row in growth(scales, args.shape)]
    import resource
    result["peak_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}, indent=2))


if __name__ == "__main__":
    main()
