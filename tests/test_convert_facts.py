"""Every facts file (the dev corpus and tests/fixtures/pages-*) is satisfied by the converter's TEI (corpus/README.md schema)."""

from __future__ import annotations

import json

import pytest

from conftest import fact_documents
from convert_checks import convert_path, facts_of, norm

DOCS = fact_documents()
KEYS = ["date", "title", "funder", "summary_starts", "archive", "translator", "obtainer", "stamps",
        "classification", "copy", "outgoing", "signatories", "distribution_items", "translator_notes",
        "supplied", "handwritten", "doubtful", "omissions", "footnotes", "quotes_with_source"]
#: Facts of the body conventions of issue 10; checked where a facts file states them.
BODY_KEYS = ["speeches", "speakers", "routing", "roles", "original_wording", "paragraphs"]


def expected(doc) -> dict:
    return json.loads(doc.with_suffix(".facts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def converted():
    return {doc.name: facts_of(convert_path(str(doc))) for doc in DOCS}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_layout_is_recognised(doc):
    from teiedition.reading.source import read_page

    assert read_page(doc.read_text(encoding="utf-8")).header.layout == expected(doc)["layout"]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_fact(doc, key, converted):
    want = expected(doc)[key]
    got = converted[doc.name][key]
    if key in ("title",):
        want = norm(want)
    assert got == want, f"{doc.stem} {key}"


BODY_CASES = [pytest.param(doc, key, id=f"{doc.stem}-{key}")
              for doc in DOCS for key in BODY_KEYS if key in expected(doc)]


@pytest.mark.parametrize("doc, key", BODY_CASES)
def test_body_fact(doc, key, converted):
    assert converted[doc.name][key] == expected(doc)[key], f"{doc.stem} {key}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_dropped_chrome_never_in_text(doc, converted):
    text = converted[doc.name]["text_string"]
    leaked = [c for c in expected(doc)["dropped_chrome"] if norm(c) in text]
    assert leaked == []
