"""Benchmark of reading two-column header blocks: run ``python bench/bench_convert_headers.py`` (under a minute).

Why: a header printed in two columns is read column by column (``reading/source.py``),
which looks ahead over the block; this must stay linear in the size of the block and
cost no more than the same lines printed in one column.

Measures, as medians, the invented page ``tests/fixtures/pages-header/h01_two_column_stamp.txt``
with its two-column header block repeated 1x, 10x and 100x, and the same page with the
block's columns printed one under the other (the baseline, measured in the same run).
Only the block is grown (the body stays), so linear growth shows as the same cost per
added block at 10x and 100x; the two-column/one-column ratio at each size (near 1)
shows that reading the columns costs no more than reading the lines.
Options: --quick (fewer repetitions), --json (machine-readable output).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "fixtures" / "pages-header" / "h01_two_column_stamp.txt"
sys.path.insert(0, str(ROOT / "src"))

from benchlib import median_ms  # noqa: E402
from teiedition.convert import convert_text  # noqa: E402


def header_block(text: str) -> tuple[str, str, str]:
    """The page split around its first two-column block (the lines with a wide gap)."""
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if re.search(r"\S {3,}\S", ln)]
    start, end = rows[0], rows[0]
    while end + 1 < len(lines) and (re.search(r"\S {3,}\S", lines[end + 1]) or not lines[end + 1].strip()
                                    or lines[end + 1].startswith(" " * 8)):
        end += 1
    return "\n".join(lines[:start]), "\n".join(lines[start:end + 1]), "\n".join(lines[end + 1:])


def one_column(block: str) -> str:
    """The same cells, left column then right column, one a line (what the reader makes of it)."""
    left, right = [], []
    for ln in block.split("\n"):
        cells = [c for c in re.split(r" {3,}", ln.strip()) if c]
        if len(cells) == 2:
            left.append(cells[0])
            right.append(cells[1])
        elif cells:
            right.append(cells[0])
    return "\n".join(left + right)


def scaled(text: str, factor: int, flat: bool) -> str:
    before, block, after = header_block(text)
    grown = "\n\n".join([one_column(block) if flat else block] * factor)
    return before + "\n" + grown + "\n" + after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rep = 3 if args.quick else 9
    text = PAGE.read_text(encoding="utf-8")
    run = lambda t: convert_text(t, doc_id="doc-bench", run_date="2026-01-01")  # noqa: E731
    run(text)  # warm: imports, compiled regexes, authority
    results: dict = {}
    for factor in (1, 10, 100):
        two, flat = scaled(text, factor, False), scaled(text, factor, True)
        r = rep if factor < 100 else max(3, rep // 3)
        results[factor] = {"chars": len(two), "two_column_ms": median_ms(lambda: run(two), r),
                           "one_column_ms": median_ms(lambda: run(flat), r)}
        results[factor]["two_over_one"] = results[factor]["two_column_ms"] / results[factor]["one_column_ms"]
    for factor in (10, 100):
        results[factor]["time_ratio"] = results[factor]["two_column_ms"] / results[1]["two_column_ms"]
        # the body is not grown: linear means the same cost for every added block
        results[factor]["ms_per_added_block"] = ((results[factor]["two_column_ms"] - results[1]["two_column_ms"])
                                                 / (factor - 1))
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for factor, r in results.items():
        ratio = f", {r['ms_per_added_block']:.2f} ms per added block" if factor > 1 else ""
        print(f"{factor:>4}x two-column header block ({r['chars']:>7} chars): {r['two_column_ms']:8.1f} ms"
              f" (one column: {r['one_column_ms']:8.1f} ms, ratio {r['two_over_one']:.2f}){ratio}")


if __name__ == "__main__":
    main()
