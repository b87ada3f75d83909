"""Benchmark the collection's full-text search against collection size.

Why: the search runs in the reader's browser from the collection's data
files, so its cost grows with the collection; only a measurement says up to
which size it stays pleasant.  For 100, 1,000 and 10,000 synthetic documents
(1x / 10x / 100x, words drawn from the dev corpus's vocabulary with its word
frequencies, about as long as dev-corpus documents; tests/generated_tei.py)
this prints:

* the size of ``assets/search/`` (meta.js, the term shards, the texts; raw
  and gzip, as a static host sends it), what the page loads up front
  (meta.js, search.js, minisearch.js) and index.html itself;
* the build's site pass (search data, navigation bars, index.html) in full,
  after one document was edited (and how many files it rewrote), after one
  was added in the middle of the id order, and with nothing changed;
* in headless Chromium from file://: time until the search is usable, and
  the median and 95th percentile of a query (shards loaded, search, facet
  counts, the first 20 results with their snippets: what one keystroke
  costs) and the bytes of data scripts it loaded, over 35 queries (30, then
  the first five again, warm).

    python bench/bench_search.py                  # 100, 1,000, 10,000
    python bench/bench_search.py --sizes 100 1000 # quicker
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
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


QUERY = """q => new Promise(resolve => {
    const section = document.getElementById('search'), before = +section.getAttribute('data-runs');
    const watch = new MutationObserver(() => {
        if (+section.getAttribute('data-runs') > before) {
            watch.disconnect();
            resolve({ms: performance.now() - t, shown: +section.getAttribute('data-shown-ms'),
                     results: document.querySelectorAll('#results li').length});
        }
    });
    watch.observe(section, {attributes: true});
    document.getElementById('search-input').value = q;
    const t = performance.now();
    document.getElementById('search-form').requestSubmit();
})"""


def browser_figures(index: Path, qs: list[str]) -> dict:
    from urllib.parse import unquote, urlsplit

    from playwright.sync_api import sync_playwright

    loaded: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.on("requestfinished", lambda req: loaded.append(req.url))
        started = time.perf_counter()
        tab.goto(index.as_uri(), wait_until="domcontentloaded", timeout=600_000)
        tab.wait_for_selector("#search[data-runs]", timeout=600_000)
        ready_s = time.perf_counter() - started
        in_page = {k: int(tab.get_attribute("#search", f"data-{k}-ms")) for k in ("ready", "index")}

        def size(url: str) -> int:
            return Path(unquote(urlsplit(url).path)).stat().st_size

        up_front = sum(size(u) for u in loaded)
        times, shown, counts, loads = [], [], [], []
        for q in qs + qs[:5]:  # the first five again, warm
            loaded.clear()
            answer = tab.evaluate(QUERY, q)
            times.append(answer["ms"])
            shown.append(answer["shown"])
            counts.append(answer["results"])
            loads.append(sum(size(u) for u in loaded))
        heap = tab.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        browser.close()
    times.sort()
    shown.sort()
    loads.sort()
    return {"ready_s": round(ready_s, 2), "ready_in_page_ms": in_page["ready"], "load_meta_ms": in_page["index"],
            "loaded_up_front_bytes": up_front,
            "query_median_ms": round(statistics.median(times), 1),
            "query_p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
            "listed_median_ms": round(statistics.median(shown), 1), "listed_p95_ms": shown[int(len(shown) * 0.95) - 1],
            "heap_mib": round(heap / 2**20, 1),
            "query_loaded_median_bytes": int(statistics.median(loads)), "query_loaded_max_bytes": loads[-1],
            "queries_with_results": sum(1 for c in counts if c)}


def folder_bytes(folder: Path) -> tuple[int, int, int]:
    """Files, bytes and gzip bytes (each file compressed alone, as a static host sends it) of a folder."""
    count = raw = packed = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            count, raw, packed = count + 1, raw + len(data), packed + len(gzip.compress(data, 6))
    return count, raw, packed


def timed_pass(out: Path, rows: list[dict]) -> tuple[float, int]:
    """Seconds of one site pass, and how many files under assets/search it wrote (new inodes)."""
    from teiedition.building import site

    before = {p: p.stat().st_ino for p in (out / "assets").rglob("*.js")}
    started = time.perf_counter()
    site.write_site(out, rows)
    seconds = time.perf_counter() - started
    after = {p: p.stat().st_ino for p in (out / "assets").rglob("*.js")}
    return seconds, sum(1 for p, ino in after.items() if before.get(p) != ino) + len(set(before) - set(after))


def measure(count: int, vocab, tmp: Path) -> dict:
    from generated_tei import search_entry, search_tei
    from teiedition.building import site
    from teiedition.building.catalogue import catalogue_rows

    out = tmp / f"site-{count}"
    rows = make_site(out, count, vocab)
    full_s, _ = timed_pass(out, rows)
    # one document edited (its TEI and page rewritten, as a worker would)
    changed = rows[len(rows) // 2]["id"]
    tei = (out / f"{changed}.xml").read_bytes().replace(b"<p>", b"<p>Amended ", 1)
    (out / f"{changed}.xml").write_bytes(tei)
    (out / f"{changed}.html").write_text(PAGE, encoding="utf-8")
    changed_s, changed_files = timed_pass(out, rows)
    unchanged_s, _ = timed_pass(out, rows)  # nothing changed: an unchanged rebuild
    # one document added in the middle of the id order: it takes the next number, no other moves
    doc_id, tei = search_tei(count, random.Random(1), vocab)
    added = f"doc{count // 2:05d}a"
    (out / f"{added}.xml").write_bytes(tei.replace(f"d-{doc_id}".encode(), f"d-{added}".encode()))
    (out / f"{added}.html").write_text(PAGE, encoding="utf-8")
    grown = catalogue_rows([search_entry(p.stem, p.read_bytes()) for p in sorted(out.glob("doc*.xml"))])
    added_s, added_files = timed_pass(out, grown)
    (out / f"{added}.xml").unlink()
    (out / f"{added}.html").unlink()
    timed_pass(out, rows)
    search = out / "assets" / "search"
    files, raw, packed = folder_bytes(search)
    shards = len(list((search / "terms").glob("*.js")))
    meta = (search / "meta.js").read_bytes()
    figures = {"docs": count, "files": files, "shards": shards, "index_bytes": raw, "index_gzip_bytes": packed,
               "terms_bytes": folder_bytes(search / "terms")[1], "texts_bytes": folder_bytes(search / "text")[1],
               "meta_bytes": len(meta), "meta_gzip_bytes": len(gzip.compress(meta, 6)),
               "index_html_bytes": (out / "index.html").stat().st_size,
               "cache_bytes": (out / site.STATE_NAME).stat().st_size,
               "site_pass_full_s": round(full_s, 2), "site_pass_one_changed_s": round(changed_s, 2),
               "one_changed_files_written": changed_files, "site_pass_one_added_s": round(added_s, 2),
               "one_added_files_written": added_files, "site_pass_unchanged_s": round(unchanged_s, 2)}
    figures.update(browser_figures(out / "index.html", queries(vocab, random.Random(7))))
    mib = 2 ** 20
    print(f"{count:>6} docs  search data {raw / mib:7.2f} MiB in {files} files (gzip {packed / mib:6.2f} MiB; "
          f"{shards} shards {figures['terms_bytes'] / mib:.2f} MiB, texts {figures['texts_bytes'] / mib:.2f} MiB), "
          f"meta.js {len(meta) / mib:.2f} MiB (gzip {figures['meta_gzip_bytes'] / mib:.2f}), "
          f"index.html {figures['index_html_bytes'] / mib:.2f} MiB, site cache {figures['cache_bytes'] / mib:.2f} MiB\n"
          f"        site pass {full_s:6.2f} s, 1 edited {changed_s:5.2f} s ({changed_files} files written), "
          f"1 added {added_s:5.2f} s ({added_files} files), none {unchanged_s:5.2f} s\n"
          f"        browser: ready {figures['ready_s']:6.2f} s (in page {figures['ready_in_page_ms']} ms, reading meta.js "
          f"{figures['load_meta_ms']} ms), loaded up front {figures['loaded_up_front_bytes'] / mib:.2f} MiB; "
          f"query median {figures['query_median_ms']:6.1f} ms, p95 {figures['query_p95_ms']:6.1f} ms "
          f"(results listed: {figures['listed_median_ms']:.0f} / {figures['listed_p95_ms']:.0f} ms), "
          f"loading {figures['query_loaded_median_bytes'] / 1024:.0f} KiB median, "
          f"{figures['query_loaded_max_bytes'] / 1024:.0f} KiB max; heap {figures['heap_mib']:6.1f} MiB; "
          f"{figures['queries_with_results']} of 35 queries found something", flush=True)
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    vocab = vocabulary()
    print(f"search benchmark: synthetic documents from a {len(vocab[0])}-word vocabulary; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for count in args.sizes:
            results.append(measure(count, vocab, Path(tmp)))
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores", flush=True)
    base = results[0]
    for r in results[1:]:
        k = r["docs"] / base["docs"]
        print(f"{k:>5.0f}x documents: search data {r['index_bytes'] / base['index_bytes']:6.1f}x, "
              f"site pass {r['site_pass_full_s'] / max(base['site_pass_full_s'], 1e-9):6.1f}x, "
              f"ready {r['ready_s'] / max(base['ready_s'], 1e-9):6.1f}x, "
              f"query median {r['query_median_ms'] / max(base['query_median_ms'], 1e-9):6.1f}x", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
