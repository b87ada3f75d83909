"""Golden files: small pages and their expected TEI, compared after canonicalisation.

Refresh them on purpose after a reviewed change: TEIEDITION_UPDATE_GOLDEN=1 pytest tests/test_convert_golden.py
(the converter version is blanked, so a version bump alone changes nothing).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import RUN_DATE
from teiedition.convert import convert_text, doc_id_for

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.txt"))


def canonical(tei: bytes) -> str:
    text = etree.canonicalize(tei.decode("utf-8"))
    return re.sub(r'(<application[^>]*version=")[^"]*"', r'\1"', text)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_converts_to_golden_tei(case):
    tei = convert_text(case.read_text(encoding="utf-8"), doc_id=doc_id_for(case), source_name=case.name,
                       run_date=RUN_DATE).tei
    expected = case.with_suffix(".xml")
    if os.environ.get("TEIEDITION_UPDATE_GOLDEN") or not expected.exists():
        expected.write_bytes(tei)
        if not os.environ.get("TEIEDITION_UPDATE_GOLDEN"):
            pytest.fail(f"wrote missing golden file {expected.name}; review and commit it")
    assert canonical(tei) == canonical(expected.read_bytes())
