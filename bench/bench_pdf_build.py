"""A build with PDFs against plain WeasyPrint on the same documents' print HTML: time and memory.

Why: issue 19 asks the build with PDF to stay within 1.1x of plain WeasyPrint's own time for
the same print HTML and within 1.2x its memory.  Here the same ``--docs`` documents (copies of
the dev corpus, as ``bench_build.py`` makes them) are built by the real command line
(``teiedition build --pdf``, ``-j`` as asked) and, alternated with it in the same run so the
machine's load hits both alike, laid out by plain WeasyPrint in a process of its own that reads
their print HTML (made beforehand by ``PdfRenderer.print_html``) and writes one PDF each with
our print CSS, parsed once, and one font configuration.  Plain = WeasyPrint as shipped: untagged
(its default), and tagged (``pdf/ua-1``, what we write).  A build without PDF says what the
rest of the build (TEI, validation, HTML, collection passes) costs beside.  Memory is the peak
over the whole process tree of the sum of PSS, sampled every 50 ms (``bench_build.run_build``).
``pdf_share``: the build with PDF minus the same build without (seconds, CPU, peak), against plain.

    python bench/bench_pdf_build.py --docs 20 --repeat 3 [--jobs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_build  # noqa: E402  (the corpus, the process-tree sampler, the command line)

#: Plain WeasyPrint over a folder of print HTML, the CSS parsed once, one font configuration.
PLAIN = """
import sys, logging
from pathlib import Path
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from teiedition.rendering import pdf
logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
fonts = FontConfiguration()
css = [CSS(string=pdf.PRINT_CSS.read_text(encoding="utf-8"), base_url=pdf.ASSETS_DIR.as_uri() + "/",
           font_config=fonts), CSS(string="@page { size: A4; }", font_config=fonts)]
variant = sys.argv[2] or None
for path in sorted(Path(sys.argv[1]).glob("*.html")):
    data = HTML(string=path.read_text(encoding="utf-8"), base_url=pdf.ASSETS_DIR.as_uri() + "/").write_pdf(
        stylesheets=css, font_config=fonts, pdf_variant=variant)
    path.with_suffix(".pdf").write_bytes(data)
"""


def print_htmls(source: Path, folder: Path) -> int:
    """The print HTML of each document the build publishes (from its TEI), one file each."""
    from teiedition.rendering.pdf import PdfRenderer
    from teiedition.safexml import parse_xml_file

    renderer, count = PdfRenderer(), 0
    for tei in sorted(source.glob("*.xml")):
        if not (tei.with_suffix(".pdf")).exists():
            continue
        (folder / (tei.stem + ".html")).write_text(renderer.print_html(parse_xml_file(tei)), encoding="utf-8")
        count += 1
    return count


def run_plain(folder: Path, variant: str, jobs: int) -> dict:
    """Plain WeasyPrint over ``folder`` in ``jobs`` processes (files dealt out in turn), measured as a build."""
    files = sorted(folder.glob("*.html"))
    parts = []
    for j in range(jobs):
        part = Path(tempfile.mkdtemp(prefix="plain-", dir=folder.parent))
        for f in files[j::jobs]:
            (part / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        parts.append(part)
    cmd = [sys.executable, "-c", "import subprocess, sys\n"
           "procs = [subprocess.Popen([sys.executable, '-c', sys.argv[1], p, sys.argv[2]]) for p in sys.argv[3:]]\n"
           "sys.exit(max(p.wait() for p in procs))", PLAIN, variant, *map(str, parts)]
    return _measured(cmd)


def _measured(cmd: list[str]) -> dict:
    """Wall seconds, CPU seconds and peak PSS of a command's whole process tree."""
    result = bench_build.measure(cmd, {**os.environ, **bench_build.SNAPSHOT_ENV})
    if result["code"]:
        sys.exit(f"plain WeasyPrint failed: {result['stderr'][-400:]}")
    return {key: result[key] for key in ("seconds", "cpu_s", "load", "peak_mib")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", help="also write the result here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-build-") as tmp:
        tmp = Path(tmp)
        bench_build.snapshot_code(tmp / "code")
        src = bench_build.make_corpus(tmp / "src", args.docs)
        first = bench_build.one_build(src, jobs=args.jobs, pdf=True, out=tmp / "first")  # warm-up, and the TEI
        html = tmp / "html"
        html.mkdir()
        published = print_htmls(tmp / "first", html)
        runs: dict[str, list[dict]] = {"build_pdf": [], "build_no_pdf": [], "plain": [], "plain_tagged": []}
        for _ in range(args.repeat):
            runs["build_pdf"].append(bench_build.one_build(src, jobs=args.jobs, pdf=True))
            runs["plain"].append(run_plain(html, "", args.jobs))
            runs["plain_tagged"].append(run_plain(html, "pdf/ua-1", args.jobs))
            runs["build_no_pdf"].append(bench_build.one_build(src, jobs=args.jobs, pdf=False))
        med = {k: {"median_s": round(statistics.median(r["seconds"] for r in v), 2),
                   "cpu_s": round(statistics.median(r["cpu_s"] for r in v), 2),
                   "peak_mib": round(max(r["peak_mib"] for r in v), 1),
                   "load": round(statistics.median(r["load"] for r in v), 2)} for k, v in runs.items()}
        result = {"docs": args.docs, "published_with_pdf": published, "jobs": args.jobs, "repeat": args.repeat,
                  "first_build_summary": first["summary"], **med,
                  "time_ratio": round(med["build_pdf"]["median_s"] / med["plain"]["median_s"], 3),
                  "time_ratio_tagged": round(med["build_pdf"]["median_s"] / med["plain_tagged"]["median_s"], 3),
                  "cpu_ratio": round(med["build_pdf"]["cpu_s"] / med["plain"]["cpu_s"], 3),
                  "memory_ratio": round(med["build_pdf"]["peak_mib"] / med["plain"]["peak_mib"], 3),
                  "memory_ratio_tagged": round(med["build_pdf"]["peak_mib"] / med["plain_tagged"]["peak_mib"], 3)}
        # The PDF's share of the build: what the build with PDF costs beyond the same build without.
        share = {k: med["build_pdf"][k] - med["build_no_pdf"][k] for k in ("median_s", "cpu_s", "peak_mib")}
        result["pdf_share"] = {"s": round(share["median_s"], 2), "cpu_s": round(share["cpu_s"], 2),
                               "mib": round(share["peak_mib"], 1),
                               "time_ratio": round(share["median_s"] / med["plain"]["median_s"], 3),
                               "cpu_ratio": round(share["cpu_s"] / med["plain"]["cpu_s"], 3),
                               "memory_ratio": round(share["peak_mib"] / med["plain"]["peak_mib"], 3)}
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
