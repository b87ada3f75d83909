"""Other projects' TEI in a real browser: the witness switch of a critical apparatus and the
regions of a facsimile (headless Chromium, driven by Playwright)."""

from __future__ import annotations

import pytest

from htmlpage import as_tree, renderer

pytestmark = pytest.mark.browser

APPARATUS = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Variants</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><listWit><witness xml:id="A">A copy</witness>
<witness xml:id="B">B copy</witness></listWit></sourceDesc></fileDesc></teiHeader>
<text><body><p>The <app><lem wit="#A">crimson</lem><rdg wit="#B">scarlet</rdg></app> leaves
<app><lem>fell</lem><rdg wit="#B">dropped</rdg></app> and <app><lem wit="#A #B">lay</lem></app> still.</p></body></text></TEI>"""


@pytest.fixture(scope="module")
def apparatus_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("apparatus") / "variants.html"
    path.write_text(renderer().render(as_tree(APPARATUS)), encoding="utf-8")
    return path.as_uri()


@pytest.fixture
def tab(browser):
    """A fresh browser tab at 1280 px that records page errors; closed even when a test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def _reading_text(tab) -> str:
    return tab.evaluate("() => document.querySelector('article p').innerText.replace(/v\\d/g, '').replace(/\\s+/g, ' ').trim()")


@pytest.mark.parametrize("query, expected, current", [
    ("", "The crimson leaves fell and lay still.", "edited text"),
    ("?wit=B", "The scarlet leaves dropped and lay still.", "B"),
    ("?wit=A", "The crimson leaves fell and lay still.", "A"),
    ("?wit=nobody", "The crimson leaves fell and lay still.", "edited text"),
])
def test_the_address_chooses_the_witness_whose_text_is_read(tab, apparatus_page, query, expected, current):
    tab.goto(apparatus_page + query)
    tab.wait_for_load_state("load")
    assert _reading_text(tab) == expected
    assert tab.evaluate("() => document.querySelector('.witness-switch a[aria-current]').textContent.trim()") == current
    assert tab.errors == []


def test_back_and_forward_follow_the_witness_links(tab, apparatus_page):
    tab.goto(apparatus_page)
    tab.click(".witness-switch a[data-wit='B']")
    tab.wait_for_load_state("load")
    assert _reading_text(tab) == "The scarlet leaves dropped and lay still."
    tab.go_back()
    tab.wait_for_load_state("load")
    assert _reading_text(tab) == "The crimson leaves fell and lay still."


def test_a_variant_opens_its_readings_in_a_popover(tab, apparatus_page):
    tab.goto(apparatus_page)
    tab.click("button.appref[popovertarget='pop-app-1']")
    assert tab.is_visible("#pop-app-1")
    assert " ".join(tab.inner_text("#pop-app-1 .app-entry").split()) == "crimson A] scarlet B"
