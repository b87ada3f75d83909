"""Benchmark the collection stages of ``build``: DTS answers and entity pages against collection size.

Why: both stages run in the build's main process after the documents, so
their cost must stay linear in the number of documents, and small beside
the documents themselves.  For 1, 10 and 100 documents (copies of the dev
corpus with distinct ids, built once with ``--no-pdf``) the script measures,
as medians of ``--repeat`` runs in this process:

* ``dts full``: ``write_dts`` from nothing (every document's answers written);
* ``dts unchanged``: ``write_dts`` again (the incremental pass of a rebuild);
* ``entities full`` / ``entities unchanged``: the same for ``write_entity_pages``;
* the files and bytes of ``dts/`` (and the most files one document has), and of one
  generated long report (``--long N`` paragraphs, as ``bench_hostile.py --only dts-long``);
* the baseline, measured in the same run: rendering the same documents' HTML
  pages (``HtmlRenderer.render``), what a build does per document anyway.

It prints ms per document, the ratio to the baseline, the growth from one
size to the next (1.0 = linear), and the size of ``dts/`` (files, bytes per
document) and of ``entities/``.

    python bench/bench_dts.py                 # 1, 10, 100 documents
    python bench/bench_dts.py --sizes 1 10 --repeat 3
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

from benchlib import REPO, SHARED, median_ms

sys.path.insert(0, str(REPO / "src"))

from teiedition.building.build import run_build  # noqa: E402
from teiedition.building.dts import write_dts  # noqa: E402
from teiedition.building.entity_pages import write_entity_pages  # noqa: E402

DEV = SHARED / "corpus" / "dev"


def make_corpus(folder: Path, count: int) -> None:
    texts = sorted(DEV.glob("*.txt"))
    if not texts:
        sys.exit(f"no dev corpus at {DEV} (set TEIEDITION_SHARED)")
    folder.mkdir(parents=True)
    for n in range(count):
        shutil.copyfile(texts[n % len(texts)], folder / f"{texts[n % len(texts)].stem}_{n:05d}.txt")


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return len(files), sum(p.stat().st_size for p in files)


def measure(work: Path, count: int, repeat: int) -> dict:
    from teiedition.rendering.render import HtmlRenderer
    from teiedition.safexml import parse_xml_file

    src, out = work / f"src{count}", work / f"out{count}"
    make_corpus(src, count)
    run_build(src, out, jobs=2, pdf=False, run_date="2026-01-01", progress=False, stream=io.StringIO())
    manifest = json.loads((out / ".teiedition-build.json").read_text())
    entries = [{"id": d, **e} for d, e in manifest["documents"].items()]

    def dts_full():
        shutil.rmtree(out / "dts", ignore_errors=True)
        write_dts(out, entries, base_url="https://example.org/edition/")

    def entities_full():
        shutil.rmtree(out / "entities", ignore_errors=True)
        write_entity_pages(out, entries)

    trees = [parse_xml_file(out / f"{e['id']}.xml") for e in entries]
    renderer = HtmlRenderer()
    renderer.render(trees[0])  # compiled once, as in a build

    def baseline():
        for tree in trees:
            renderer.render(tree)

    figures = {"docs": count, "html": median_ms(baseline, repeat)}
    figures["dts full"] = median_ms(dts_full, repeat)
    figures["dts unchanged"] = median_ms(lambda: write_dts(out, entries, base_url="https://example.org/edition/"),
                                         repeat)
    figures["entities full"] = median_ms(entities_full, repeat)
    figures["entities unchanged"] = median_ms(lambda: write_entity_pages(out, entries), repeat)
    figures["dts files"], figures["dts bytes"] = folder_size(out / "dts")
    figures["dts max files"] = max(folder_size(out / "dts" / e["id"])[0] for e in entries)
    figures["entity pages"], figures["entity bytes"] = folder_size(out / "entities")
    figures["tei bytes"] = sum((out / f"{e['id']}.xml").stat().st_size for e in entries)
    return figures


def long_document(paragraphs: int) -> tuple[int, int, int]:
    """Files and bytes of the DTS answers for one long generated report (bench_hostile's ``long_report``)."""
    from bench_hostile import long_report
    from teiedition.convert import convert_text

    with tempfile.TemporaryDirectory(prefix="bench-dts-long-") as tmp:
        out = Path(tmp)
        tei = convert_text(long_report(paragraphs), doc_id="long", run_date="2026-01-01").tei
        (out / "long.xml").write_bytes(tei)
        write_dts(out, [{"id": "long", "status": "valid", "outputs": ["long.xml"], "key": "k"}])
        files, size = folder_size(out / "dts" / "long")
    return files, size, len(tei)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--long", type=int, default=10000, metavar="N",
                        help="also the DTS files of one generated report of N paragraphs (0: not)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dts-") as tmp:
        rows = [measure(Path(tmp), n, args.repeat) for n in args.sizes]
    stages = ("html", "dts full", "dts unchanged", "entities full", "entities unchanged")
    print(f"{'stage':<20}" + "".join(f"{str(r['docs']) + ' docs':>22}" for r in rows))
    for stage in stages:
        cells = []
        for i, r in enumerate(rows):
            per = r[stage] / r["docs"]
            growth = ""
            if i:
                prev = rows[i - 1]
                growth = f" x{(r[stage] / prev[stage]) / (r['docs'] / prev['docs']):.2f}"
            cells.append(f"{per:8.1f} ms/doc{growth:>8}")
        print(f"{stage:<20}" + "".join(f"{c:>22}" for c in cells))
    print("ratio to the HTML baseline (same documents, same run):")
    for stage in stages[1:]:
        print(f"  {stage:<18}" + "".join(f"{r[stage] / r['html']:>22.2f}" for r in rows))
    print("output size:")
    for r in rows:
        print(f"  {r['docs']:>4} docs: dts/ {r['dts files']} files, {r['dts bytes'] / r['docs'] / 1024:.0f} KiB/doc "
              f"({r['dts bytes'] / r['tei bytes']:.1f} x the TEI); entities/ {r['entity pages']} pages, "
              f"{r['entity bytes'] / 1024:.0f} KiB; at most {r['dts max files']} files for one document")
    if args.long:
        files, size, tei = long_document(args.long)
        print(f"  a generated report of {args.long} paragraphs ({tei:,} B of TEI): dts/NAME/ {files} files, "
              f"{size:,} B ({size / tei:.1f} x the TEI)")
    print("(growth xN: time ratio divided by size ratio against the previous size; 1.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
