"""Nothing lost: every word of the source (minus dropped chrome) can be rebuilt from the TEI."""

from __future__ import annotations

import json

import pytest

from conftest import dev_documents, fixture_pages, seed_documents
from convert_checks import convert_path, lost_words

#: The seed page's chrome lines (the seed has no facts file).
SEED_CHROME = ["Skip to content", "Document Information", "Original Uploaded Date", "Record ID",
               "Kyungnam University and Institute for Korean Studies, Ohio State University"]


def chrome_of(doc) -> list[str]:
    facts = doc.with_suffix(".facts.json")
    if facts.exists():
        return json.loads(facts.read_text(encoding="utf-8"))["dropped_chrome"]
    return SEED_CHROME


@pytest.mark.parametrize("doc", dev_documents() + fixture_pages() + seed_documents(), ids=lambda p: p.stem)
def test_no_word_of_the_page_is_lost(doc):
    lost = lost_words(doc.read_text(encoding="utf-8"), convert_path(str(doc)), chrome_of(doc))
    assert not lost, f"words lost: {dict(lost)}"
