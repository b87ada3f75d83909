"""Every converted document is valid against the official tei_all, and the seed's edition is current."""

from __future__ import annotations

import re

import pytest

from conftest import EDITIONS, RUN_DATE, assert_valid_tei_all, dev_documents, fixture_pages, seed_documents
from convert_checks import convert_path

DOCS = dev_documents() + fixture_pages() + seed_documents()


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_output_is_valid_tei_all(doc, tei_all):
    assert_valid_tei_all(tei_all, convert_path(str(doc)), doc.name)


@pytest.mark.parametrize("doc", seed_documents(), ids=lambda p: p.stem)
def test_seed_edition_is_what_the_converter_produces_today(doc):
    edition = EDITIONS / (doc.stem + ".xml")
    assert edition.exists(), f"run: teiedition convert {doc} -o {edition} --run-date {RUN_DATE}"
    # byte for byte, except the run date (a build without --run-date records today)
    assert without_run_date(edition.read_bytes()) == without_run_date(convert_path(str(doc))), (
        f"{edition} is stale; run: teiedition convert {doc} -o {edition} --run-date {RUN_DATE}")


def without_run_date(tei: bytes) -> bytes:
    return re.sub(rb'<change when="\d{4}-\d{2}-\d{2}" who="#encoder">', b'<change who="#encoder">', tei)


def test_every_pointer_resolves_inside_the_document():
    from lxml import etree

    for doc in DOCS:
        root = etree.fromstring(convert_path(str(doc)))
        ids = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in root.iter()}
        for el in root.iter():
            for attr in ("target", "ref", "resp", "change", "who"):
                for pointer in (el.get(attr) or "").split():
                    assert pointer.startswith("#") and pointer[1:] in ids, (doc.name, attr, pointer)
