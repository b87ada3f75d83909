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


@pytest.mark.parametrize("bracket", ["[illegible ZQXW", "[faded ZQXW", "[signature ZQXW", "[... ZQXW"])
def test_an_unclosed_bracket_keeps_its_last_character(bracket, tmp_path):
    """An unclosed bracket runs to the end of its block; its content's last character is text, not a `]`."""
    doc = next(p for p in dev_documents() if p.stem == "dev01")
    lines = doc.read_text(encoding="utf-8").split("\n")
    donor = next(k for k, line in enumerate(lines) if "made possible" in line)
    page = tmp_path / "unclosed.txt"
    page.write_text("\n".join(lines[: donor + 1] + ["", f"EMBASSY OF ATLANTIS {bracket}", ""] + lines[donor + 1:]),
                    encoding="utf-8")
    lost = lost_words(page.read_text(encoding="utf-8"), convert_path(str(page)), chrome_of(doc))
    assert not lost, f"words lost: {dict(lost)}"
