"""Benchmark of the body conventions of issue 10: ``python bench/bench_convert_body.py`` (under a minute).

Pages of 1x, 10x and 100x a unit of invented text with every body convention the converter
reads since issue 10: speaker-labelled dialogue (colon, dash and full-stop forms), a
``Translator's Notes`` block whose ``(n)`` and ``word.n`` markers are taken in order,
doubled brackets, transliterated wording, a note followed by a second full stop, lines
wrapped mid-sentence, a by-order signature and a routing list.  Prints median times and
the ratios against the 1x page measured in the same run (linear growth: ratios near 10
and 100).  Options: --quick (fewer repetitions), --json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from benchlib import median_ms  # noqa: E402
from teiedition.convert import convert_text  # noqa: E402

HEAD = """Skip to content

April 17, 1962

Record of Conversation between Two Invented Delegations

This document was made possible with support from Example Foundation

Time: Evening, 17 April 1962

Place: Guest House

"""
TAIL = """By order of the Minister

I. Petrov

Head of the Consular Department

To be seen by

Comrade Kerekes

Comrade Lantos

Seen by

Comrade Vidor

Translator's Notes

{notes}

An invented record of conversation, grown for a benchmark of the converter's body conventions.

Author(s):

Document Information

Source

AVPRF, fond 0102, opis 17, papka 5, delo 3, listy 1-4. Translated by Jane Doe.
"""
UNIT = """Premier Zhou Enlai (hereafter abbreviated Zhou): Was the journey comfortable?{m1}

Delegation Leader Pak (hereafter abbreviated Pak): It was. We came by train and saw the
fields [poliia i sady] in the morning.

Zhou: Good. The copy reads Fond [[too faded to read] here and [[two names illegible]] there.

Pak: The harvest was [26?] thousand tons, better than we expected. [Translator's note: a remark].

The meeting went on in the afternoon, and the plan (2) was discussed by the
two delegations for an hour before the guests were shown the garden of the
guest house.

"""


def page(factor: int) -> str:
    units = []
    notes = []
    for k in range(factor):
        a, b = 2 * k + 1, 2 * k + 2
        units.append(UNIT.replace("{m1}", f"{a}" if a < 100 else f" ({a})").replace("(2)", f"({b})"))
        notes.append(f"({a}) Invented note {a} about the journey.\n\n({b}) Invented note {b} about the plan.")
    return HEAD + "".join(units) + TAIL.format(notes="\n\n".join(notes))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    repeat = {1: 5 if args.quick else 15, 10: 3 if args.quick else 7, 100: 1 if args.quick else 3}
    results = {}
    for factor in (1, 10, 100):
        text = page(factor)
        ms = median_ms(lambda: convert_text(text, doc_id="doc-bench", run_date="2026-01-01"), repeat[factor])
        results[factor] = {"chars": len(text), "median_ms": round(ms, 2)}
    base = results[1]["median_ms"]
    for factor in (10, 100):
        results[factor]["ratio_to_1x"] = round(results[factor]["median_ms"] / base, 1)
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print("convert, body conventions of issue 10 (medians):")
    for factor, r in results.items():
        ratio = f"  ratio {r['ratio_to_1x']:>6} (linear: {factor})" if factor > 1 else "  baseline"
        print(f"  {factor:>3}x  {r['chars']:>8} chars  {r['median_ms']:>9.1f} ms{ratio}")


if __name__ == "__main__":
    main()
