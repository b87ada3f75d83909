"""Measure the converter on real archive pages: facts met, crashes, invalid files, lost words, review report.

Why: the converter is judged on pages nobody here has seen.  This script
converts a folder of gathered pages (``NNN.txt``, their text, with ``NNN.url``)
and, where a facts file exists (``FACTS/NNN.facts.json``, the schema of
``../shared/corpus/README.md``), compares the TEI with it using the tests' own
checker (``tests/convert_checks.facts_of``), so a fact means here exactly what
it means in the test suite.  It also measures the review report
(``convert --review``): its recall is the share of wrong facts whose source line
the report lists; its noise is the share of listed lines where no fact was
wrong.  A fact's source line is any line of the page holding the start of one
of the fact's printed values that differ between the expected and the converted
facts (dates are looked for in every printed form, ``March 22, 1979`` and
``22 March 1979``; a value printed over several lines, a stamp's text, is located
where it starts); a counted fact is located at the lines holding what is counted
(distribution items: numbered lines, copies lines, ``Nº 2 – to Stalin``); a wrong
fact with no printed value on the page (a count, a missing title) cannot be
located and is reported apart.  The report lists the candidates below the
converter's threshold (``--review-threshold`` to measure another; 1 lists all, as
the calibration in ``review_calibration.py`` is measured); listed lines are
counted per reason code, and wrong facts no listed line reaches per fact key.  With
``--review-threshold P`` the converter's default threshold is measured in the same run too
(``--review-threshold 1`` gives both the calibration's counts and the default's figures);
``--missed`` prints each wrong fact no listed line reaches, with the decisions on its lines
(block kind, phase, zone, the recogniser that claimed it, its fallback) and the candidates
there below the threshold or not: the families no rule proposes.

``--dump FILE`` writes every candidate (its code, line and evidence) and each located wrong fact
as JSON, which ``bench/review_lopo.py`` reads to estimate the report on a pool from the others.

    python bench/bench_realpages.py PAGES [FACTS] [--tei-all PATH] [--list] [--missed] [--review-threshold P]
                                    [--dump FILE]

PAGES is a folder of ``*.txt`` pages; FACTS defaults to PAGES.  Nothing is
written; the figures go to standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from bisect import bisect_right
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
SHARED = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared"))

from convert_checks import facts_of, lost_words, norm  # noqa: E402
from test_convert_facts import KEYS  # noqa: E402

from teiedition.convert import build_document, convert_text  # noqa: E402
from teiedition.reading.source import read_page  # noqa: E402
from teiedition.review_calibration import listed as listed_items  # noqa: E402

RUN_DATE = "2026-01-01"
THRESHOLD: list[float | None] = [None]  # --review-threshold (None: the converter's default)
ALL_KEYS = ["layout", *KEYS, "dropped_chrome"]
ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# -- locating a fact on the page ------------------------------------------------------


def _leaves(value) -> list[str]:
    """The printed strings inside a facts value (dict keys that are not printed are skipped)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in ("repository", "function", "rend", "cert")
                for s in _leaves(v)]
    if isinstance(value, list):
        return [s for v in value for s in _leaves(v)]
    return []


def _printed_forms(value: str) -> list[str]:
    m = ISO_RE.match(value)
    if not m:
        return [value]
    y, mo, d = (int(g) for g in m.groups())
    month = MONTHS[mo - 1]
    return [f"{month} {d}, {y}", f"{month} {d:02d}, {y}", f"{d} {month} {y}", f"{month} {y}"]


#: Where counted facts are printed: the lines holding what is counted.
COUNTED = {
    "distribution_items": re.compile(r"^\s*(?:\d+(?:st|nd|rd|th)?\s*[-–.)x]\s|[-–•]\s)|copies|[Dd]istribut|"
                                     r"^\s*(?:Copy\s+)?N[º°o]\.?\s*\d+\s*(?:[-–—]|to\b)"),
    "footnotes": re.compile(r"^\s*\[\d+\]"),
    "omissions": re.compile(r"\[\s*(?:…|\.\.\.|\. \. \.|\.…|…\.)\s*\]"),
    # a copy number ("2") is too short to look for: the lines printing a copy mark hold it
    "copy": re.compile(r"(?i)\b(?:copy|ex\.)\s*(?:n[º°o]\.?|no\.?|#)?\s*\d"),
}


def fact_lines(page_lines: list[str], want, got, key: str = "") -> set[int]:
    """Source lines (1-based) holding a printed value that differs between ``want`` and ``got``."""
    if key in COUNTED:
        return {i for i, line in enumerate(page_lines, 1) if COUNTED[key].search(line)}
    w, g = Counter(_leaves(want)), Counter(_leaves(got))
    differing = list((w - g) + (g - w)) or list(w)
    normed = [norm(line) for line in page_lines]
    joined, starts = _joined(normed)
    found: set[int] = set()
    for value in differing:
        for form in _printed_forms(value):  # every printed form: a stamp's "11 June 1955" and the page's "June 11, 1955"
            probe = norm(form)[:40]
            if len(probe) < 2:
                continue
            hits = {i for i, line in enumerate(normed, 1) if probe in line}
            # a value printed over several lines (a stamp's text) is located at the line where it starts
            found |= hits or {bisect_right(starts, m.start()) for m in re.finditer(re.escape(probe), joined)}
    return found


def _joined(normed: list[str]) -> tuple[str, list[int]]:
    """The page's lines joined by spaces, with the offset where each line starts."""
    starts, at = [], 0
    for line in normed:
        starts.append(at)
        at += len(line) + 1
    return " ".join(normed), starts


# -- one page ---------------------------------------------------------------------------


class Validators:
    """tei_all and the house schema, compiled once."""

    def __init__(self, tei_all: Path | None):
        from teiedition.validating.validate import Validator

        self.house = Validator(profile="teiedition")
        self.tei_all = Validator(profile="tei-all", tei_all=str(tei_all)) if tei_all else None

    def check(self, tei: bytes, name: str) -> tuple[bool, bool | None]:
        from lxml import etree

        tree = etree.fromstring(tei).getroottree()
        house = self.house.validate_tree(tree, name).ok
        tei_all = self.tei_all.validate_tree(tree, name).ok if self.tei_all else None
        return house, tei_all


def measure_page(path: Path, facts_dir: Path, validators: Validators) -> dict:
    text = path.read_text(encoding="utf-8")
    result: dict = {"page": path.stem, "crash": None}
    try:
        conv = convert_text(text, doc_id="d" + path.stem, source_name=path.name, run_date=RUN_DATE)
    except Exception as exc:  # a crash is a result here, not a stop
        result["crash"] = f"{type(exc).__name__}: {exc}"
        return result
    result["house_ok"], result["tei_all_ok"] = validators.check(conv.tei, path.name)
    facts_file = facts_dir / f"{path.stem}.facts.json"
    want = json.loads(facts_file.read_text(encoding="utf-8")) if facts_file.is_file() else None
    chrome = want["dropped_chrome"] if want else list(read_page(text).header.chrome)
    result["lost"] = sum(lost_words(text, conv.tei, chrome).values())
    review = listed_items(conv.review, THRESHOLD[0])
    listed = {it.line for it in review if it.line is not None}
    # the default threshold's lines too, so one run at ``--review-threshold 1`` gives both figures
    listed_default = {it.line for it in listed_items(conv.review, None) if it.line is not None}
    candidates = {}  # every candidate's line -> its codes, listed or not (what a missed fact lacked)
    for it in conv.review:
        if it.line is not None:
            candidates.setdefault(it.line, set()).add(it.code)
    result["listed"] = sorted(listed)
    result["reasons"] = {}  # listed line -> the reason codes given for it
    for it in review:
        if it.line is not None:
            result["reasons"].setdefault(it.line, set()).add(it.code)
    result["page_items"] = sum(1 for it in review if it.line is None)
    # every candidate with its evidence, for the leave-one-pool-out estimate (``--dump``, bench/review_lopo.py)
    result["candidates"] = [{"line": it.line, "code": it.code, "cert": it.cert, "certainty": it.certainty,
                             "evidence": it.evidence or {}} for it in conv.review if it.line is not None]
    if want is None:
        return result
    got = facts_of(conv.tei)
    got["layout"] = read_page(text).header.layout
    text_string = got.get("text_string", "")
    page_lines = text.split("\n")
    results, wrong_lines = {}, set()
    located = unlocated = caught = caught_default = 0
    missed: list[str] = []
    missed_detail: list[dict] = []
    for key in ALL_KEYS:
        if key == "dropped_chrome":
            ok = not [c for c in want[key] if norm(c) in text_string]
        else:
            expect = norm(want[key]) if key == "title" and want[key] else want[key]
            ok = got.get(key) == expect
        results[key] = ok
        if ok:
            continue
        lines = fact_lines(page_lines, want[key], got.get(key), key)
        wrong_lines |= lines
        if lines:
            located += 1
            result.setdefault("located_facts", []).append({"key": key, "lines": sorted(lines)})
            caught += bool(lines & listed)
            caught_default += bool(lines & listed_default)
            if not lines & listed:
                missed.append(key)
                missed_detail.append({"key": key, "lines": sorted(lines), "want": want[key], "got": got.get(key),
                                      "candidates": sorted({c for ln in lines for c in candidates.get(ln, ())})})
        else:
            unlocated += 1
    result.update(facts=results, located=located, unlocated=unlocated, caught=caught, missed=missed,
                  listed_right=len(listed - wrong_lines), wrong_lines=wrong_lines, caught_default=caught_default,
                  listed_default=len(listed_default), listed_default_right=len(listed_default - wrong_lines))
    if missed_detail:
        result["missed_detail"] = _decisions(text, path.stem, missed_detail)
    return result


def _decisions(text: str, stem: str, missed: list[dict]) -> list[dict]:
    """Each missed wrong fact with the decision that made it: the blocks standing on its lines (kind,
    phase, zone, the recogniser that claimed it, its fallback), read from the document model."""
    doc = build_document(text, doc_id="d" + stem)
    blocks = list(doc.blocks()) + list(doc.footnotes)
    for item in missed:
        item["decisions"] = sorted({f"{b.kind}/{b.get('phase') or 'body'}/{b.get('zone') or '-'}/"
                                    f"{b.get('recogniser') or '-'}" + (f"/fallback={b.get('fallback')}"
                                                                       if b.get("fallback") else "")
                                    for b in blocks for ln in item["lines"]
                                    if b.line <= ln <= b.line + b.text.count("\n")}) or ["header (no block)"]
    return missed


def _dump(path: Path, pages: Path, scored: list[dict]) -> None:
    """The pool's candidates and located wrong facts, page by page (what a calibration is fitted on)."""
    out = {"pool": pages.name, "pages": [{"page": r["page"], "candidates": r["candidates"],
                                         "facts": r.get("located_facts", []),
                                         "wrong_lines": sorted(r["wrong_lines"])} for r in scored]}
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")


# -- the run ------------------------------------------------------------------------------


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("facts", type=Path, nargs="?")
    parser.add_argument("--tei-all", type=Path, default=SHARED / "tei" / "tei_all.rng",
                        help="tei_all.rng (default: $TEIEDITION_SHARED/tei/tei_all.rng)")
    parser.add_argument("--list", action="store_true", help="print each page's wrong facts and counts")
    parser.add_argument("--missed", action="store_true",
                        help="print each wrong fact no listed line reaches, with the decisions on its lines")
    parser.add_argument("--dump", type=Path, help="write each page's candidates (code, line, evidence) and "
                        "located wrong facts as JSON, for bench/review_lopo.py")
    parser.add_argument("--review-threshold", type=float, default=None,
                        help="list review candidates below this certainty (default: the converter's; 1: all)")
    args = parser.parse_args(argv)
    THRESHOLD[0] = args.review_threshold
    facts_dir = args.facts or args.pages
    pages = sorted(args.pages.glob("*.txt"))
    if not pages:
        print(f"no *.txt pages in {args.pages}", file=sys.stderr)
        return 2
    tei_all = args.tei_all if args.tei_all.is_file() else None
    validators = Validators(tei_all)
    results = [measure_page(p, facts_dir, validators) for p in pages]

    ok = [r for r in results if not r["crash"]]
    scored = [r for r in ok if "facts" in r]
    print(f"real pages: {args.pages} ({len(pages)} pages, {len(scored)} with facts; run {date.today()})")
    print(f"crashes:               {len(results) - len(ok)}")
    for r in results:
        if r["crash"]:
            print(f"  {r['page']}: {r['crash']}")
    bad_all = [r["page"] for r in ok if r["tei_all_ok"] is False]
    bad_house = [r["page"] for r in ok if not r["house_ok"]]
    print(f"invalid (tei_all):     {len(bad_all) if tei_all else 'not checked (no tei_all.rng)'}"
          + (f"  {' '.join(bad_all)}" if bad_all else ""))
    print(f"invalid (house):       {len(bad_house)}" + (f"  {' '.join(bad_house)}" if bad_house else ""))
    lost = [(r["page"], r["lost"]) for r in ok if r["lost"]]
    print(f"pages losing words:    {len(lost)} ({sum(n for _p, n in lost)} words)"
          + (f"  {' '.join(f'{p}:{n}' for p, n in lost)}" if lost else ""))
    listed = sum(len(r["listed"]) for r in ok)
    print(f"review report:         {listed} lines listed on {len(ok)} pages "
          f"({listed / max(1, len(ok)):.1f} a page), {sum(r['page_items'] for r in ok)} page-level items")
    if scored:
        met = sum(v for r in scored for v in r["facts"].values())
        total = sum(len(r["facts"]) for r in scored)
        print(f"facts met:             {met}/{total} {pct(met, total)}")
        print("  per key:")
        for key in ALL_KEYS:
            k_met = sum(r["facts"][key] for r in scored)
            print(f"    {key:20} {k_met:3}/{len(scored):3} {pct(k_met, len(scored))}")
        located = sum(r["located"] for r in scored)
        caught = sum(r["caught"] for r in scored)
        unlocated = sum(r["unlocated"] for r in scored)
        listed_scored = sum(len(r["listed"]) for r in scored)
        right = sum(r["listed_right"] for r in scored)
        print(f"review recall:         {caught}/{located} wrong facts with a source line are listed {pct(caught, located)}"
              f" ({unlocated} wrong facts have no printed value to locate)")
        print(f"review noise:          {right}/{listed_scored} listed lines where no fact was wrong "
              f"{pct(right, listed_scored)}")
        if THRESHOLD[0] is not None:  # the same run at the converter's default threshold
            c_d = sum(r["caught_default"] for r in scored)
            l_d = sum(r["listed_default"] for r in scored)
            r_d = sum(r["listed_default_right"] for r in scored)
            print(f"  at the default threshold: recall {c_d}/{located} {pct(c_d, located)}, "
                  f"noise {r_d}/{l_d} {pct(r_d, l_d)}")
        by_reason: dict[str, list[int]] = {}
        for r in scored:
            for line, reasons in r["reasons"].items():
                for why in reasons:
                    by_reason.setdefault(why, [0, 0])[line in r["wrong_lines"]] += 1
        print("  listed lines by reason code (right / at a wrong fact):")
        for why, (right_n, wrong_n) in sorted(by_reason.items(), key=lambda kv: -sum(kv[1])):
            print(f"    {why[:44]:46} {right_n:3} / {wrong_n:3}")
        missed = Counter(key for r in scored for key in r["missed"])
        print("  wrong facts with a source line not listed, by key: "
              + (", ".join(f"{k} {n}" for k, n in missed.most_common()) or "none"))
    if args.dump:
        _dump(args.dump, args.pages, scored)
    if args.missed:
        print("  wrong facts no listed line reaches (key, lines, the decisions on them, candidates there):")
        for r in scored:
            for m in r.get("missed_detail", []):
                print(f"    {r['page']} {m['key']:16} lines {m['lines'][:6]} {'; '.join(m['decisions'])}"
                      f" | candidates {m['candidates'] or '-'}\n      want {str(m['want'])[:150]}"
                      f"\n      got  {str(m['got'])[:150]}")
    if args.list:
        for r in scored:
            wrong = [k for k, v in r["facts"].items() if not v]
            print(f"  {r['page']}: wrong {wrong} listed lines {r['listed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
