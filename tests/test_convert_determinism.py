"""Same input and options give byte-identical TEI; the run date comes from the option or SOURCE_DATE_EPOCH."""

from __future__ import annotations

from conftest import SEEDS
from teiedition.convert import convert_text, resolve_run_date

SEED = next(SEEDS.glob("*.txt"))


def test_two_runs_are_byte_identical():
    text = SEED.read_text(encoding="utf-8")
    first = convert_text(text, doc_id="doc-x", run_date="2026-01-01").tei
    second = convert_text(text, doc_id="doc-x", run_date="2026-01-01").tei
    assert first == second


def test_run_date_is_recorded_in_revision_desc():
    tei = convert_text("Some text.", doc_id="doc-x", run_date="2025-12-31").tei
    assert b'<change when="2025-12-31" who="#encoder">' in tei


def test_source_date_epoch_sets_the_run_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert resolve_run_date(None) == "1970-01-01"


def test_option_wins_over_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert resolve_run_date("2026-02-03") == "2026-02-03"
