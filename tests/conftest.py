"""Shared fixtures: where the shared data lives, and schemas compiled once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TEIEDITION_SHARED", REPO.parent / "shared"))
TEI_ALL_RNG = SHARED / "tei" / "tei_all.rng"
DEV_CORPUS = SHARED / "corpus" / "dev"
SEEDS = REPO / "seeds"
EDITIONS = REPO / "editions"
RUN_DATE = "2026-01-01"  # fixed run date so outputs compare byte for byte


def dev_documents() -> list[Path]:
    """The dev corpus texts (each has a .facts.json beside it)."""
    return sorted(DEV_CORPUS.glob("*.txt"))


def seed_documents() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 tei_all RELAX NG schema, compiled once (about 5 s)."""
    from lxml import etree

    if not TEI_ALL_RNG.exists():
        pytest.fail(f"tei_all.rng not found at {TEI_ALL_RNG} (set TEIEDITION_SHARED)")
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
