"""Shared fixtures: where the shared data lives, and schemas compiled once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared"))
#: The official tei_all.rng shipped in the package (no ../shared needed).
from teiedition.resources import P5SUBSET, TEI_ALL_RNG  # noqa: E402

DEV_CORPUS = SHARED / "corpus" / "dev"
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
