"""How the review report would do on pages never seen, estimated from the tuning pools alone.

Why: the certainties are fitted on the tuning pool, so the pool's own recall and noise
flatter them (rev4: 50.7% at 19.0% noise on the pool, 35.6% at 25.5% on the judges).  Leave
one pool out: fit the certainty on the other pools (and pick the threshold there, the highest
keeping the right lines under one in five), then measure the left-out pool with it; the sum
over the pools estimates unseen pages.  It reads the dumps of ``bench_realpages.py
--review-threshold 1 --dump POOL.json`` (every candidate, its evidence, the wrong facts' lines)
and converts nothing.  Scorers compared:

* ``shipped``: the certainty the package gave (its own threshold; 1 too), fitted on every pool;
* ``code``: the per-code share, (right + 1) / (right + wrong + 2), counted on the other pools;
* ``model``: a logistic score over the code's share and the candidate's evidence
  (``teiedition.review_features.vector``), fitted on the other pools.

Out of fold (every pool scored by the scorers fitted without it) the script also prints how
recall trades against noise, and the highest threshold keeping the right lines under one in
five there.  ``--write FILE`` fits the model on every pool given and writes its weights, that
threshold and the per-code counts (the data ``teiedition.review_score`` reads).

    python bench/review_lopo.py DUMP.json... [--write src/teiedition/data/review_weights.json]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

from teiedition.review_calibration import THRESHOLD, catch_all, code_share
from teiedition.review_features import vector
from teiedition.review_score import FEATURES, score

#: The share of listed lines allowed to be right (issue 17: fewer than one in five).
MAX_NOISE = 0.2
#: Ridge on the weights (not the intercept): the pool is a few hundred lines (chosen by the estimate
#: among 0.1, 1, 3 and 10).
L2 = 3.0
ROUNDS = 3000
RATE = 0.5


#: Fewer pools than this and each pool is left out in halves (odd and even pages): with two pools, one of
#: them nearly clean, a fold of one pool alone fits on too few wrong lines to score the other.
MIN_POOLS = 3


def load(paths: list[Path]) -> dict[str, list[dict]]:
    pools = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        pools[data["pool"]] = data["pages"]
    return pools


def halves(pools: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Each pool as two folds, its odd and its even pages (when fewer than ``MIN_POOLS`` pools are given)."""
    if len(pools) >= MIN_POOLS:
        return pools
    return {f"{name}/{k}": pages[k::2] for name, pages in pools.items() for k in (0, 1)}


def _samples(pages: list[dict]):
    """(page, candidate, right?) for every candidate with a line."""
    for page in pages:
        wrong = set(page["wrong_lines"])
        for c in page["candidates"]:
            yield page, c, c["line"] not in wrong


def code_counts(pages: list[dict]) -> dict[str, list[int]]:
    """Lines per code, (right, at a wrong fact), as the bench counts them (each line once a code)."""
    counts: dict[str, list[int]] = {}
    for page in pages:
        wrong = set(page["wrong_lines"])
        seen = {(c["code"], c["line"]) for c in page["candidates"]}
        for code, line in seen:
            counts.setdefault(code, [0, 0])[line in wrong] += 1
    return counts


def logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(pages: list[dict]) -> dict:
    """A logistic model of 'the line is right' over the candidate's evidence (gradient descent, ridge)."""
    counts = code_counts(pages)
    rows = [(vector(logit(code_share(c["code"], c["cert"], counts)), c["evidence"]), float(ok))
            for _p, c, ok in _samples(pages) if not catch_all(c["code"])]
    w = [0.0] * len(FEATURES)
    n = max(1, len(rows))
    for _ in range(ROUNDS):
        grad = [L2 * wi / n if i else 0.0 for i, wi in enumerate(w)]
        for x, y in rows:
            err = sigmoid(sum(a * b for a, b in zip(w, x))) - y
            for i, xi in enumerate(x):
                grad[i] += err * xi / n
        w = [wi - RATE * g for wi, g in zip(w, grad)]
    return {"weights": dict(zip(FEATURES, (round(v, 4) for v in w))), "counts": counts}


def model_scorer(model: dict):
    """The package's score (``review_score.score``) under ``model``; a catch-all code's share alone, as
    ``review_calibration.with_certainty`` scores it."""
    def scorer(c):
        share = code_share(c["code"], c["cert"], model["counts"])
        return round(share, 2) if catch_all(c["code"]) else score(share, c["evidence"], model)
    return scorer


def code_scorer(counts: dict):
    return lambda c: round(code_share(c["code"], c["cert"], counts), 2)


def measure(pages: list[dict], score, threshold: float) -> tuple[int, int, int, int]:
    """(wrong facts caught, located, listed lines right, listed lines)."""
    caught = located = right = listed_n = 0
    for page in pages:
        wrong = set(page["wrong_lines"])
        listed = {c["line"] for c in page["candidates"] if score(c) < threshold}
        right += len(listed - wrong)
        listed_n += len(listed)
        for fact in page["facts"]:
            located += 1
            caught += bool(set(fact["lines"]) & listed)
    return caught, located, right, listed_n


def choose_threshold(pages: list[dict], score) -> float:
    """The highest threshold whose listed lines are right less than one time in five on ``pages``."""
    values = sorted({score(c) for _p, c, _ok in _samples(pages)})
    best = 0.0
    for v in values:
        t = round(v + 0.01, 2)  # scores are hundredths: listed below t means at or below v
        _c, _l, right, listed = measure(pages, score, t)
        if listed and right / listed < MAX_NOISE:
            best = t
    return best


def _fmt(fig: tuple[int, int, int, int]) -> str:
    c, l, r, n = fig
    return f"recall {c:3}/{l:3} {100 * c / l if l else 0:5.1f}%  noise {r:3}/{n:3} {100 * r / n if n else 0:5.1f}%"


def _add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def out_of_fold(pages: list[dict], score) -> list[dict]:
    """The pages with each candidate's score under a scorer fitted without them (``oof``)."""
    return [dict(p, candidates=[dict(c, oof=score(c)) for c in p["candidates"]]) for p in pages]


def lopo(pools: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Each pool measured with the scorer fitted on the others (its threshold chosen there too); the sums
    estimate unseen pages.  Returns every page with its out-of-fold scores, per scorer."""
    totals: dict[str, tuple] = {}
    oof: dict[str, list[dict]] = {"code": [], "model": []}
    for name, pages in pools.items():
        rest = [p for other, ps in pools.items() if other != name for p in ps]
        shipped = lambda c: c["certainty"]  # noqa: E731
        code = code_scorer(code_counts(rest))
        model = model_scorer(fit(rest))
        oof["code"] += out_of_fold(pages, code)
        oof["model"] += out_of_fold(pages, model)
        rows = {"shipped (default)": measure(pages, shipped, THRESHOLD),
                "threshold 1": measure(pages, code, 1.0),
                "code (lopo)": measure(pages, code, choose_threshold(rest, code)),
                "model (lopo)": measure(pages, model, choose_threshold(rest, model))}
        print(f"{name} ({len(pages)} pages)")
        for label, fig in rows.items():
            print(f"  {label:20} {_fmt(fig)}")
            totals[label] = _add(totals.get(label, (0, 0, 0, 0)), fig)
    print("leave-one-pool-out estimate (sum over the pools; 'shipped' is fitted on every pool: not an estimate)")
    for label, fig in totals.items():
        print(f"  {label:20} {_fmt(fig)}")
    return oof


def frontier(oof: dict[str, list[dict]]) -> dict[str, float]:
    """Out of fold, the highest threshold whose listed lines are right less than one time in five, per
    scorer, and the figures at a few thresholds: how recall trades against noise on pages not fitted on."""
    chosen = {}
    by_oof = lambda c: c["oof"]  # noqa: E731
    print(f"out of fold (every pool scored by the scorer fitted without it), right lines under {MAX_NOISE:.0%}:")
    for kind, pages in oof.items():
        chosen[kind] = choose_threshold(pages, by_oof)
        print(f"  {kind:6} threshold {chosen[kind]:.2f}: {_fmt(measure(pages, by_oof, chosen[kind]))}")
        for t in (0.3, 0.4, 0.5, 1.0):
            print(f"  {kind:6} threshold {t:.2f}: {_fmt(measure(pages, by_oof, t))}")
    return chosen


def _carried_counts(path: Path, counts: dict) -> dict:
    """The counts of the file being replaced for codes none of the pools given lists: learned on pools no
    longer on this machine (a refit with the pools present must not turn a code known wrong into an unseen one)."""
    if not path.is_file():
        return {}
    old = json.loads(path.read_text(encoding="utf-8")).get("counts", {})
    return {code: n for code, n in old.items() if code not in counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dumps", type=Path, nargs="+")
    parser.add_argument("--write", type=Path, help="fit on every pool given and write the weights here")
    args = parser.parse_args(argv)
    pools = load(args.dumps)
    if len(pools) < MIN_POOLS:
        print(f"{len(pools)} pools: left out one pool at a time first, then one half-pool at a time (the threshold)")
        frontier(lopo(pools))
    chosen = frontier(lopo(halves(pools)))
    if args.write:
        every = [p for ps in pools.values() for p in ps]
        model = fit(every)
        model["threshold"] = round(chosen["model"], 2)  # chosen out of fold, not on the fit itself
        carried = _carried_counts(args.write, model["counts"])
        model["counts"].update(carried)
        model["pools"] = {name: len(pages) for name, pages in pools.items()}
        text = json.dumps(model, indent=1, sort_keys=True)
        text = re.sub(r"\[\s*(\d+),\s*(\d+)\s*\]", r"[\1, \2]", text)  # a code's counts on one line
        args.write.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.write}: threshold {model['threshold']}"
              + (f"; {len(carried)} codes no pool given lists kept their counts from it" if carried else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
