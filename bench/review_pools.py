"""Dump the review candidates of every tuning pool as the converter met it first, for review_lopo.py.

Why: the converter has since been tuned on every pool, so today it makes few mistakes there
(33 located wrong facts on 268 pages) and a certainty fitted on today's output learns from
pages that no longer look unseen.  Each pool is converted by the converter as it was before
anyone tuned on it (a snapshot of the commit below, ``git archive``), with the review modules of
this worktree (and their weights) laid over it, so the candidates and their evidence are today's rules on
yesterday's mistakes.  A pool with no commit is converted by this worktree.  Old snapshots lack
``identification.letters`` (added later, the review imports it): one line is appended to
the snapshot's copy.  Nothing in the repository changes; the dumps go to OUT.

    python bench/review_pools.py OUT [--pool NAME=PAGES:FACTS[@COMMIT]]...
    python bench/review_lopo.py OUT/*.json
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRATCH = Path(os.environ.get("REALPAGES", "/work/scratch"))
#: name, pages, facts, the commit before anyone tuned on the pool (None: this worktree).
#: 4365576: main before batch 3's merges (tune3 arrived then; heldout2 was retired into tuning then,
#: already tuned on by batch 2's work, so it is the closest snapshot); 3cadc80: main before batch 4's.
POOLS = (
    ("tune", "realpages/tune", "bench/realpages/tune", None),
    ("tune2", "realpages2/tune2", "bench/realpages/tune2", None),
    ("heldout2", "realpages2/heldout2", "bench/realpages/heldout2", "4365576"),
    ("tune3", "realpages3/tune3", "bench/realpages/tune3", "4365576"),
    ("tune4", "realpages4/tune4", "bench/realpages/tune4", "3cadc80"),
    ("tune5", "realpages5/tune5", "bench/realpages/tune5", "5a94084"),  # main before batch 5's merges
    ("tune6", "realpages6/tune6", "bench/realpages/tune6", "9b3d074"),  # main before batch 6's merges
)
SHIM = "\n\ndef letters(text: str) -> str:\n    return _letters(text)\n"
#: Names the review modules import that older converters lack (folded into one place by struct7):
#: module, name, and the line appended to an old snapshot's copy when the name is missing.
NAME_SHIMS = (
    ("header_marks", "NUMBER_SIGN", 'NUMBER_SIGN = r"(?:[Nn][º°o]|NO|Nr|NR|№|#)\\.?"'),
    ("header_numbers", "BARE_NUMBER_RE",
     "from .header_marks import NUMBER_SIGN\n"
     'BARE_NUMBER_RE = re.compile(rf"^\\s*{NUMBER_SIGN}:?\\s*[\\w./-]*\\d[\\w./-]*\\s*$")'),
)


def snapshot(commit: str, into: Path) -> Path:
    """The source at ``commit`` with this worktree's review modules over it; its ``src``."""
    root = into / commit
    if not root.is_dir():
        data = subprocess.run(["git", "-C", str(REPO), "archive", commit, "src", "schema", "xslt"],
                              check=True, capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(data)) as tar:
            tar.extractall(root, filter="data")
        for module in (REPO / "src" / "teiedition").glob("review*.py"):
            shutil.copy(module, root / "src" / "teiedition" / module.name)
        shutil.copy(REPO / "src" / "teiedition" / "data" / "review_weights.json",
                    root / "src" / "teiedition" / "data" / "review_weights.json")
        ident = root / "src" / "teiedition" / "recognising" / "identification.py"
        text = ident.read_text(encoding="utf-8")
        if "def letters(" not in text:
            ident.write_text(text + SHIM, encoding="utf-8")
        for module, name, line in NAME_SHIMS:
            path = root / "src" / "teiedition" / "recognising" / f"{module}.py"
            text = path.read_text(encoding="utf-8") if path.is_file() else "import re\n"
            if f"\n{name} = " not in text:
                path.write_text(text + "\n\n" + line + "\n", encoding="utf-8")
    return root / "src"


def dump(name: str, pages: Path, facts: Path, src: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(src))
    with open(out / f"{name}.txt", "w", encoding="utf-8") as log:
        subprocess.run([sys.executable, str(REPO / "bench" / "bench_realpages.py"), str(pages), str(facts),
                        "--review-threshold", "1", "--tei-all", "/nonexistent", "--missed",
                        "--dump", str(out / f"{name}.json")], env=env, stdout=log, stderr=subprocess.STDOUT,
                       check=True)
    print(f"{name}: {out / (name + '.json')}" + (f" (converter of {src.parent.name})" if src != REPO / "src" else ""))


def _pool(arg: str) -> tuple:
    name, rest = arg.split("=", 1)
    paths, _, commit = rest.partition("@")
    pages, facts = paths.split(":", 1)
    return name, pages, facts, commit or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pool", action="append", type=_pool, default=[],
                        help="NAME=PAGES:FACTS[@COMMIT] (paths as given); default: the five tuning pools")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pools = args.pool or [(n, SCRATCH / p, REPO / f, c) for n, p, f, c in POOLS]
    with tempfile.TemporaryDirectory() as tmp:
        for name, pages, facts, commit in pools:
            if not Path(facts).is_dir() or not Path(pages).is_dir():
                print(f"{name}: no pages or facts at {pages}, {facts}: skipped")
                continue
            src = snapshot(commit, Path(tmp)) if commit else REPO / "src"
            dump(name, Path(pages), Path(facts), src, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
