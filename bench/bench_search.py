"""Benchmark the collection's full-text search against collection size.

Why: the search runs in the reader's browser from one JavaScript data file,
so its cost grows with the collection; only a measurement says up to which
size it stays pleasant.  For 100, 1,000 and 10,000 synthetic documents
(1x / 10x / 100x, words drawn from the dev corpus's vocabulary with its word
frequencies, about as long as dev-corpus documents) this prints:

* the size of ``assets/search-index.js`` (raw and gzip, as a static host sends it);
* the build's site pass (search records and index, navigation bars,
  index.html) in full, after one document changed, and with nothing changed;
* in headless Chromium from file://: time to load and index, and the median
  and 95th percentile of a query (search, facet counts and the first 20
  results with snippets, i.e. what one keystroke costs), over 30 queries.

    python bench/bench_search.py                  # 100, 1,000, 10,000
    python bench/bench_search.py --sizes 100 1000 # quicker
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import REPO, SHARED  # noqa: E402

sys.path.insert(0, str(REPO / "tests"))
from generated_tei import SEARCH_PAGE as PAGE, search_site as make_site  # noqa: E402  (the tests' generator, no pytest)

DEV = SHARED / "corpus" / "dev"
CHROMIUM = "/usr/bin/chromium"


def vocabulary() -> tuple[list[str], list[int], list[str]]:
    """Words of the dev corpus with their counts, and its capitalised names (for persons)."""
    counts: dict[str, int] = {}
    names: set[str] = set()
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for word in re.findall(r"[A-Za-zÀ-ž][a-zà-ž'-]+", text):
            counts[word] = counts.get(word, 0) + 1
        names.update(re.findall(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text))
    if not counts:
        sys.exit(f"no dev corpus at {DEV} (set TEIEDITION_SHARED)")
    words = sorted(counts)
    return words, [counts[w] for w in words], sorted(names)


def queries(vocab, rng: random.Random) -> list[str]:
    """30 queries: frequent and rare single words, two-word queries, a prefix being typed, a phrase."""
    words, weights, names = vocab
    ranked = [w for _, w in sorted(zip(weights, words), reverse=True) if len(w) > 3]
    frequent, rare = ranked[:200], ranked[-2000:]
    out = [rng.choice(frequent) for _ in range(8)] + [rng.choice(rare) for _ in range(8)]
    out += [f"{rng.choice(frequent)} {rng.choice(rare)}" for _ in range(8)]
    out += [rng.choice(frequent)[:4] for _ in range(3)] + [f'"{name}"' for name in rng.sample(names, 3)]
    return out


def browser_figures(index: Path, qs: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        tab.goto(index.as_uri(), wait_until="domcontentloaded", timeout=600_000)
        tab.wait_for_selector("#search[data-ready]", timeout=600_000)
        ready_s = time.perf_counter() - started
        in_page = {k: int(tab.get_attribute("#search", f"data-{k}-ms")) for k in ("ready", "index")}
        times, counts = [], []
        for q in qs + qs[:5]:  # the first five again, warm
            ms = tab.evaluate("""q => {
                const input = document.getElementById('search-input');
                input.value = q;
                const t = performance.now();
                document.getElementById('search-form').requestSubmit();
                return performance.now() - t;
            }""", q)
            times.append(ms)
            counts.append(tab.locator("#results li").count())
        heap = tab.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        browser.close()
    times.sort()
    return {"ready_s": round(ready_s, 2), "ready_in_page_ms": in_page["ready"], "load_index_ms": in_page["index"], "query_median_ms": round(statistics.median(times), 1),
            "query_p95_ms": round(times[int(len(times) * 0.95) - 1], 1), "heap_mib": round(heap / 2**20, 1),
            "queries_with_results": sum(1 for c in counts if c)}


def measure(count: int, vocab, tmp: Path) -> dict:
    from teiedition.building import site

    out = tmp / f"site-{count}"
    rows = make_site(out, count, vocab)
    started = time.perf_counter()
    site.write_site(out, rows)
    full_s = time.perf_counter() - started
    # incremental: one document changed (its TEI and page rewritten, as a worker would)
    changed = rows[len(rows) // 2]["id"]
    tei = (out / f"{changed}.xml").read_bytes().replace(b"<p>", b"<p>Amended ", 1)
    (out / f"{changed}.xml").write_bytes(tei)
    (out / f"{changed}.html").write_text(PAGE, encoding="utf-8")
    started = time.perf_counter()
    site.write_site(out, rows)
    incremental_s = time.perf_counter() - started
    started = time.perf_counter()
    site.write_site(out, rows)  # nothing changed: an unchanged rebuild
    unchanged_s = time.perf_counter() - started
    data = (out / "assets" / "search-index.js").read_bytes()
    figures = {"docs": count, "index_bytes": len(data), "index_gzip_bytes": len(gzip.compress(data, 6)),
               "cache_bytes": (out / site.STATE_NAME).stat().st_size,
               "site_pass_full_s": round(full_s, 2), "site_pass_one_changed_s": round(incremental_s, 2),
               "site_pass_unchanged_s": round(unchanged_s, 2)}
    figures.update(browser_figures(out / "index.html", queries(vocab, random.Random(7))))
    print(f"{count:>6} docs  index {figures['index_bytes'] / 2**20:7.2f} MiB "
          f"(gzip {figures['index_gzip_bytes'] / 2**20:6.2f} MiB, site cache {figures['cache_bytes'] / 2**20:6.2f} MiB)  site pass {full_s:6.2f} s, "
          f"1 changed {incremental_s:5.2f} s, none {unchanged_s:5.2f} s  browser ready {figures['ready_s']:6.2f} s "
          f"(in page {figures['ready_in_page_ms']} ms, loading the index {figures['load_index_ms']} ms)  "
          f"query median {figures['query_median_ms']:6.1f} ms  p95 {figures['query_p95_ms']:6.1f} ms  "
          f"heap {figures['heap_mib']:6.1f} MiB", flush=True)
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    vocab = vocabulary()
    print(f"search benchmark: synthetic documents from a {len(vocab[0])}-word vocabulary", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for count in args.sizes:
            results.append(measure(count, vocab, Path(tmp)))
    base = results[0]
    for r in results[1:]:
        k = r["docs"] / base["docs"]
        print(f"{k:>5.0f}x documents: index {r['index_bytes'] / base['index_bytes']:6.1f}x, "
              f"site pass {r['site_pass_full_s'] / max(base['site_pass_full_s'], 1e-9):6.1f}x, "
              f"ready {r['ready_s'] / max(base['ready_s'], 1e-9):6.1f}x, "
              f"query median {r['query_median_ms'] / max(base['query_median_ms'], 1e-9):6.1f}x", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
