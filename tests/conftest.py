"""Shared fixtures: where the shared data lives, and schemas compiled once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared"))
#: The official tei_all.rng shipped in the package (no ../shared needed).
from teiedition.resources import P5SUBSET, TEI_ALL_RNG  # noqa: E402

#: The dev corpus: shared/'s when it is there (the newest), else the copy in the repository, so a
#: fresh clone runs every test without shared/ beside it (tests/fixtures/dev-corpus/SOURCE).
DEV_CORPUS = next((p for p in (SHARED / "corpus" / "dev", REPO / "tests" / "fixtures" / "dev-corpus")
                   if any(p.glob("*.txt"))), REPO / "tests" / "fixtures" / "dev-corpus")
SEEDS = REPO / "seeds"
EDITIONS = REPO / "editions"
RUN_DATE = "2026-01-01"  # fixed run date so outputs compare byte for byte


def dev_documents() -> list[Path]:
    """The dev corpus texts (each has a .facts.json beside it)."""
    return sorted(DEV_CORPUS.glob("*.txt"))


#: Invented pages with facts files, one folder per family of conventions (tests/fixtures/pages-*/).
PAGE_FIXTURES = REPO / "tests" / "fixtures"


def fixture_pages() -> list[Path]:
    """The project's own invented pages (each has a .facts.json beside it, in the dev-corpus format)."""
    return sorted(PAGE_FIXTURES.glob("pages-*/*.txt"))


def fact_documents() -> list[Path]:
    """Every page with a facts file: the shared dev corpus and the project's invented pages."""
    return dev_documents() + fixture_pages()


def seed_documents() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 tei_all RELAX NG schema, compiled once (about 5 s)."""
    from lxml import etree

    if not TEI_ALL_RNG.exists():
        pytest.fail(f"packaged tei_all.rng missing at {TEI_ALL_RNG}")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))


def assert_valid_tei_all(schema, tree_or_bytes, label: str = "") -> None:
    """Fail with the RELAX NG error log when a document is not valid against tei_all."""
    from lxml import etree

    tree = tree_or_bytes
    if isinstance(tree_or_bytes, (bytes, str)):
        data = tree_or_bytes.encode() if isinstance(tree_or_bytes, str) else tree_or_bytes
        tree = etree.fromstring(data).getroottree()
    if not schema.validate(tree):
        errors = "\n".join(f"  {e.line}: {e.message}" for e in list(schema.error_log)[:20])
        pytest.fail(f"{label} not valid against tei_all:\n{errors}")


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium per test process, shared by every browser test.

    Playwright's sync API allows one running instance per thread, so browser
    tests must all use this fixture.  Skipped without Chromium, unless
    TEIEDITION_REQUIRE_BROWSER=1 (CI), then failed.
    """
    if not CHROMIUM.exists():
        if os.environ.get("TEIEDITION_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is required (TEIEDITION_REQUIRE_BROWSER=1) but missing")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# --- what was not run --------------------------------------------------------------------------

#: How CI gets each tool a test may skip without (see .ci/run): the words of the skip reason -> the fix.
TOOL_SETUP = (
    ("dts validator", "cp -r ../shared/dts-validator /tmp/dtsv && pip install /tmp/dtsv"),
    ("npm install", "npm install --prefix tests/browser --no-audit --no-fund --ignore-scripts"),
    ("not installed", "the system packages: sudo ./install-system-packages.sh"),
)


def skipped_summary(reports) -> list[str]:
    """Lines saying LOUDLY which tests did not run for want of a tool CI has, and how to get it ([] when none).

    Why: the README's test command must run what CI runs or say what it left out; a skipped
    accessibility check or DTS validator used to pass silently on a fresh clone.  Skips CI
    makes too (running as root, a generated case outside the subset) are left to pytest's summary.
    """
    reasons: dict[str, tuple[int, str]] = {}
    for report in reports:
        longrepr = getattr(report, "longrepr", None)
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        fix = next((how for words, how in TOOL_SETUP if words in reason.lower()), None)
        if fix:
            reasons[reason] = (reasons.get(reason, (0, fix))[0] + 1, fix)
    if not reasons:
        return []
    total = sum(count for count, _fix in reasons.values())
    lines = [f"NOT RUN: {total} test{'s' if total != 1 else ''} that CI runs, for want of a tool "
             "(TEIEDITION_REQUIRE_BROWSER=1 TEIEDITION_REQUIRE_DTS_VALIDATOR=1 make a missing tool fail):"]
    for reason, (count, fix) in sorted(reasons.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"  {count:>4} x {reason}  -> install: {fix}")
    return lines


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = skipped_summary(terminalreporter.stats.get("skipped", []))
    if lines:
        terminalreporter.section("tests NOT run", sep="!", red=True, bold=True)
        for line in lines:
            terminalreporter.write_line(line, red=True, bold=True)
