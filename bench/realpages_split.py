"""Split gathered real pages into tune/ and heldout/ by a hash of each page's URL.

Why: the split must be fixed before anyone looks at the pages, and must not
depend on page order or on who gathered them; a hash of the URL is both.
A page whose URL is listed in the seen-URLs file (pages other sessions have
already looked at) never goes to heldout/.

Usage: python bench/realpages_split.py ALL_DIR OUT_DIR [--seen FILE]
ALL_DIR holds NNN.txt with NNN.url beside each; OUT_DIR gets tune/ and heldout/.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path


def half(url: str) -> str:
    """'heldout' for URLs whose SHA-256 starts with an odd byte, else 'tune'."""
    return "heldout" if hashlib.sha256(url.encode("utf-8")).digest()[0] % 2 else "tune"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("all_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seen", type=Path, help="file of URLs already looked at, one a line")
    args = parser.parse_args(argv)
    seen = set()
    if args.seen and args.seen.is_file():
        seen = {line.strip() for line in args.seen.read_text(encoding="utf-8").splitlines() if line.strip()}
    counts = {"tune": 0, "heldout": 0, "seen": 0}
    for url_file in sorted(args.all_dir.glob("*.url")):
        url = url_file.read_text(encoding="utf-8").strip()
        target = half(url)
        if target == "heldout" and url in seen:
            target, counts["seen"] = "tune", counts["seen"] + 1
        dest = args.out_dir / target
        dest.mkdir(parents=True, exist_ok=True)
        for suffix in (".txt", ".url"):
            shutil.copy2(url_file.with_suffix(suffix), dest / url_file.with_suffix(suffix).name)
        counts[target] += 1
    print(f"tune {counts['tune']}  heldout {counts['heldout']}  (seen, moved to tune: {counts['seen']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
