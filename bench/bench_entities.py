"""Benchmark entity matching: ``Authority.load()`` and ``find_mentions`` on the seed and dev corpus.

Why: the converter calls ``find_mentions`` on every paragraph of every document,
and the seed must convert in well under 100 ms in total.  The matcher compiles
all forms into one trie-shaped regex; the baseline, measured in the same run,
is the plain alternation of the same forms sorted longest-first, with the same
boundary rules.  Figures are medians of ``--repeat`` runs; a cold load (fresh
interpreter, nothing cached) is measured in a subprocess.

    python bench/bench_entities.py
    python bench/bench_entities.py --repeat 51
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys

from teiedition.recognising import entities
from teiedition.recognising.entities import Authority, form_key

from benchlib import SHARED, median_ms  # noqa: E402




def naive_pattern(authority: Authority) -> re.Pattern[str]:
    """The baseline: one alternation of every form key, longest first."""
    keys = sorted(authority._by_form, key=len, reverse=True)  # noqa: SLF001 (benchmark)
    parts = []
    for key in keys:
        part = re.escape(key).replace(r"\ ", r"\s+").replace("’", "['’‘]")
        parts.append(part.replace(r"\.", r"\.\s*"))
    return re.compile(r"(?<!\w)(?<![a-z][-‐])(?:" + "|".join(parts) + r")(?!\w)(?![-‐][a-z])")


def cold_load_ms() -> float:
    code = (
        "import time; t=time.perf_counter(); from teiedition.recognising.entities import Authority; "
        "a=Authority.load(); print((time.perf_counter()-t)*1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()

    seed = next((SHARED / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    dev = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "dev").glob("*.txt"))]
    authority = Authority.load()
    naive = naive_pattern(authority)

    # The two matchers must agree before their speeds are compared.
    for text in [seed, *dev]:
        ours = [(m.start, m.end) for m in authority.find_mentions(text)]
        theirs = [
            (m.start(), m.end())
            for m in naive.finditer(text)
            if authority._by_form[form_key(m.group())] is not None  # noqa: SLF001
        ]
        assert ours == theirs, "trie and baseline disagree"

    cold = statistics.median(cold_load_ms() for _ in range(5))
    def uncached_load():
        entities._LOADED.clear()  # noqa: SLF001 (benchmark)
        re.purge()
        Authority.load()

    uncached = median_ms(uncached_load, args.repeat)
    cached = median_ms(Authority.load, args.repeat)
    seed_ms = median_ms(lambda: authority.find_mentions(seed), args.repeat)
    seed_naive = median_ms(lambda: list(naive.finditer(seed)), args.repeat)
    dev_ms = median_ms(lambda: [authority.find_mentions(t) for t in dev], args.repeat)
    paragraphs = [p for p in re.split(r"\n\s*\n", seed) if p.strip()]
    para_ms = median_ms(lambda: [authority.find_mentions(p) for p in paragraphs], args.repeat)

    # Worst case for backtracking: name prefixes followed by long whitespace runs.
    hostile = ("Kim Il" + " " * 2000 + "x ") * 100 + "L." + " " * 50_000
    hostile_ms = median_ms(lambda: authority.find_mentions(hostile), max(3, args.repeat // 4))

    kinds = {k: len(authority.entries(k)) for k in ("person", "org", "place")}
    print(f"authority: {len(authority)} entries {kinds}, {len(authority._by_form)} match keys")  # noqa: SLF001
    print(f"load (cold, fresh interpreter, incl. import): {cold:.1f} ms median of 5")
    print(f"load (in process, parse + compile):           {uncached:.1f} ms")
    print(f"load (again, same files: cached):             {cached:.3f} ms")
    print(f"find_mentions seed ({len(seed)} chars, {len(authority.find_mentions(seed))} mentions): "
          f"{seed_ms:.2f} ms")
    print(f"  per paragraph ({len(paragraphs)} calls):                {para_ms:.2f} ms")
    print(f"  baseline flat alternation:                      {seed_naive:.2f} ms "
          f"(trie is {seed_naive / seed_ms:.1f}x faster)")
    print(f"find_mentions all 12 dev documents:               {dev_ms:.2f} ms")
    print(f"find_mentions hostile whitespace ({len(hostile)} chars):    {hostile_ms:.2f} ms")


if __name__ == "__main__":
    main()
