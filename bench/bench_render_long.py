"""Benchmark a long text rendered as several HTML pages (rendering/chunks.py), against the
same text on one page, at 1x/10x/100x the number of chapters.

Why: a long text is split into at most ``chunks.MAX_PAGES`` pages, each one pass of
the stylesheet over the whole TEI, so the cost is at most MAX_PAGES passes: linear
in the text once the page count is at its bound, and up to MAX_PAGES / (pages at
1x) times more than linear on the way there.  This shows both, with the one-page
render of the same document as the baseline measured in the same run.

    python bench/bench_render_long.py            # 1x and 10x
    python bench/bench_render_long.py --sizes 1 10 100
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from lxml import etree


def long_text(chapters: int, paragraphs: int = 40) -> bytes:
    body = "".join(
        f'<div xml:id="ch{c}"><head>Chapter {c}</head>'
        + "".join(f'<p xml:id="c{c}p{i}">Chapter {c}, paragraph {i}. ' + "A sentence of the long text. " * 30
                  + ('<ref target="#c1p1">to the start</ref>' if i == 3 else "")
                  + ("<note>A note.</note>" if i == 2 else "") + "</p>" for i in range(1, paragraphs + 1))
        + "</div>" for c in range(1, chapters + 1))
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Long</title></titleStmt>'
            '<publicationStmt><p>Bench.</p></publicationStmt><sourceDesc><p>Generated.</p></sourceDesc></fileDesc>'
            f'</teiHeader><text><body>{body}</body></text></TEI>').encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--chapters", type=int, default=5, help="chapters at 1x (default 5, about 200 KB)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from teiedition.rendering.chunks import parts, render_parts
    from teiedition.rendering.render import HtmlRenderer

    renderer = HtmlRenderer()
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {args.repeat}")
    print(f"{'size':>5} {'KB':>7} {'pages':>5} {'one page ms':>12} {'pages ms':>9} {'ratio':>6} {'per 10x':>8}")
    previous = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            source = long_text(args.chapters * size)
            tree = etree.ElementTree(etree.fromstring(source))
            one, many = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                renderer.render(tree)
                one.append(time.perf_counter() - start)
                start = time.perf_counter()
                pages = render_parts(tree, Path(tmp) / "long.html", renderer)
                many.append(time.perf_counter() - start)
            one_ms, many_ms = statistics.median(one) * 1000, statistics.median(many) * 1000
            growth = f"x{many_ms / previous:.1f}" if previous else ""
            print(f"{size:>4}x {len(source) // 1024:>7} {len(pages):>5} {one_ms:>12.0f} {many_ms:>9.0f} "
                  f"{many_ms / one_ms:>6.1f} {growth:>8}")
            previous = many_ms
            assert len(pages) == parts(tree) or parts(tree) > len(pages)


if __name__ == "__main__":
    main()
