"""Benchmark the archival-facts recognisers: dates, citations, credits, sentences.

Why: the converter runs ``find_dates`` and ``split_sentences`` on every paragraph of
every document, so they must stay a small share of a conversion and linear on hostile
input. The baseline, measured in the same run over the same paragraphs, is a plain
word tokenisation (``re.findall(r"\\w+")``): the ratios say how many tokenisations
each recogniser costs. Hostile inputs (long runs of abbreviations, nested brackets,
date-like numbers) check that time grows linearly: doubling the input should roughly
double the time (ratio near 2, never near 4).

    python bench/bench_facts.py
    python bench/bench_facts.py --repeat 21
"""

from __future__ import annotations

import argparse
import re

from teiedition.recognising.citation import find_citation, find_credits
from teiedition.recognising.dates import find_dates
from teiedition.recognising.segment import split_sentences

from benchlib import REPO, SHARED, median_ms  # noqa: E402

HOSTILE = {
    "abbreviations": "Cde. L. I. Brezhnev and Yu. V. Andropov met No. 5 at 6 p.m. ",
    "brackets": "[[(x. Y. ",
    "date-like numbers": "07/11/50 5.XI.62 1364/dv 19 XI 2.5 9 Junes 1969 4, 9 and ",
    "credits": "Obtained by A. B. Smith and translated for CWIHP by C. D. Jones. ",
}




def corpus_paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "dev").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [p for text in texts for p in re.split(r"\n\s*\n", text) if p.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()

    paragraphs = corpus_paragraphs()
    chars = sum(map(len, paragraphs))
    baseline = median_ms(lambda: [re.findall(r"\w+", p) for p in paragraphs], args.repeat)
    print(f"{len(paragraphs)} paragraphs, {chars} characters; median of {args.repeat} runs")
    print(f"{'baseline (word tokenisation)':32} {baseline:8.2f} ms   1.0x")
    for name, func in [
        ("find_dates", find_dates),
        ("split_sentences", split_sentences),
        ("find_citation", find_citation),
        ("find_credits", find_credits),
    ]:
        ms = median_ms(lambda f=func: [f(p) for p in paragraphs], args.repeat)
        print(f"{name:32} {ms:8.2f} ms {ms / baseline:6.1f}x")

    print("\nhostile input, 20k and 40k characters (time ratio ~2 means linear):")
    for label, unit in HOSTILE.items():
        small = unit * (20_000 // len(unit))
        large = small * 2
        for name, func in [("find_dates", find_dates), ("split_sentences", split_sentences),
                           ("find_citation", find_citation), ("find_credits", find_credits)]:
            t_small = median_ms(lambda f=func: f(small), max(3, args.repeat // 3))
            t_large = median_ms(lambda f=func: f(large), max(3, args.repeat // 3))
            print(f"  {label:18} {name:16} {t_small:8.1f} ms -> {t_large:8.1f} ms  x{t_large / t_small:4.1f}")


if __name__ == "__main__":
    main()
