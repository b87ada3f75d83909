"""Golden files: the document part of the page for small TEI cases, compared after canonicalisation.

Each ``tests/fixtures/html_golden/NAME.tei.xml`` holds a <body> fragment; the
expected ``<article>`` is in ``NAME.html``.  After a deliberate change to the
markup, refresh them with ``TEIEDITION_UPDATE_GOLDEN=1 pytest tests/test_render_html_golden.py``
and review the diff.  Only the article is compared: CSS, script and header
changes do not churn the goldens.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from htmlpage import FIXTURES, render_page, tei_doc

GOLDEN = FIXTURES / "html_golden"
CASES = sorted(GOLDEN.glob("*.tei.xml"))
UPDATE = os.environ.get("TEIEDITION_UPDATE_GOLDEN") == "1"


def rendered_article(case: Path) -> str:
    """The page's <article>, canonicalised (C14N 2.0) and one element per line for readable diffs."""
    page = render_page(tei_doc(case.read_text(encoding="utf-8")))
    article = page.one("//article")
    c14n = etree.canonicalize(etree.tostring(article, encoding="unicode"), strip_text=False)
    return c14n.replace("><", ">\n<") + "\n"


def test_there_are_golden_cases():
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.removesuffix(".tei.xml"))
def test_document_part_matches_its_golden_file(case):
    expected_path = case.with_name(case.name.removesuffix(".tei.xml") + ".html")
    actual = rendered_article(case)
    if UPDATE or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected_path.name} was missing and has been written; review and commit it")
    assert actual == expected_path.read_text(encoding="utf-8"), \
        f"{case.name}: rendering changed; if intended, rerun with TEIEDITION_UPDATE_GOLDEN=1 and review the diff"
