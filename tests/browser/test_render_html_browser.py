"""The HTML edition in a real browser (headless Chromium from Debian, driven by Playwright).

One browser per session; pages are the seed (converted now, so the test follows
the converter) and the hand-made house sample.  Skipped when Chromium is not
installed, unless TEIEDITION_REQUIRE_BROWSER=1 (CI), then failed.
"""

from __future__ import annotations

import pytest

from conftest import RUN_DATE, seed_documents
from htmlpage import HOUSE_SAMPLE, as_tree, renderer

pytestmark = pytest.mark.browser

@pytest.fixture(scope="session")
def pages(tmp_path_factory):
    """The seed's and the sample's HTML pages, written to a folder and opened from file://."""
    from teiedition.convert import convert_text

    folder = tmp_path_factory.mktemp("html")
    seed = seed_documents()[0]
    tei = convert_text(seed.read_text(encoding="utf-8"), doc_id=seed.stem, run_date=RUN_DATE).tei
    out = {}
    for name, source in (("seed", tei), ("sample", HOUSE_SAMPLE.read_bytes())):
        path = folder / f"{name}.html"
        path.write_text(renderer().render(as_tree(source), tei_href=f"{name}.xml"), encoding="utf-8")
        out[name] = path.as_uri()
    return out


@pytest.fixture
def open_page(browser, pages):
    """Open a page by name at a given width; collect console errors and page errors."""
    opened = []

    def open_(name: str, width: int = 1280, javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
        tab = context.new_page()
        tab.errors = []
        tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.goto(pages[name])
        tab.wait_for_load_state("load")
        opened.append(context)
        return tab

    yield open_
    for context in opened:
        context.close()


MARKS_BESIDE_TARGETS = """() => [...document.querySelectorAll('article .margin-mark[data-target]')].map(mark => {
  const target = document.getElementById(mark.dataset.target);
  const m = mark.getBoundingClientRect();
  const rects = [...target.getClientRects()].filter(r => r.height > 0);
  return {target: mark.dataset.target, markLeft: m.left, markRight: m.right, markTop: m.top, markBottom: m.bottom,
          top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom)),
          textLeft: Math.min(...rects.map(r => r.left))};
})"""


@pytest.mark.parametrize("name", ["seed", "sample"])
def test_page_loads_without_console_errors(open_page, name):
    tab = open_page(name)
    assert tab.errors == []


def test_each_margin_mark_sits_beside_its_marked_span(open_page):
    boxes = open_page("seed").evaluate(MARKS_BESIDE_TARGETS)
    assert len(boxes) >= 17
    for b in boxes:
        assert b["markRight"] <= b["textLeft"] + 1, f"mark for {b['target']} overlaps the text"
        assert b["textLeft"] - b["markRight"] < 60, f"mark for {b['target']} is far from its text"
        assert abs(b["markTop"] - b["top"]) < 2 and abs(b["markBottom"] - b["bottom"]) < 2, \
            f"mark for {b['target']} does not span its text vertically: {b}"


def test_without_javascript_marks_still_span_their_whole_span(open_page):
    boxes = open_page("seed", javascript=False).evaluate(MARKS_BESIDE_TARGETS)
    assert len(boxes) >= 17
    for b in boxes:
        assert b["markRight"] <= b["textLeft"] + 1
        # CSS anchor positioning: top and bottom of the marked span, not a one-line stub
        assert abs(b["markTop"] - b["top"]) < 2 and abs(b["markBottom"] - b["bottom"]) < 2, \
            f"mark for {b['target']} does not span its text without JavaScript: {b}"


@pytest.mark.parametrize("width", [1280, 375])
def test_margin_marks_are_targets_of_at_least_24_pixels(open_page, width):
    sizes = open_page("seed", width=width).evaluate(
        "() => [...document.querySelectorAll('article .margin-mark')].map(m => m.getBoundingClientRect())"
        ".map(r => [r.width, r.height, r.left])")
    assert sizes
    for w, h, left in sizes:
        assert w >= 24 and h >= 24 and left >= 0


def test_a_note_opens_and_closes_from_the_keyboard(open_page):
    tab = open_page("seed")
    ref = tab.locator("button.noteref").first
    popover = tab.locator(f"#{ref.get_attribute('popovertarget')}")
    ref.focus()
    tab.keyboard.press("Enter")
    assert popover.evaluate("el => el.matches(':popover-open')")
    assert popover.is_visible()
    assert "highlighted" in popover.inner_text()
    tab.keyboard.press("Escape")
    assert not popover.evaluate("el => el.matches(':popover-open')")
    assert not popover.is_visible()


def test_an_open_note_sits_inside_the_viewport_on_a_phone(open_page):
    tab = open_page("seed", width=375)
    ref = tab.locator("button.noteref").nth(3)
    ref.scroll_into_view_if_needed()
    ref.click()
    box = tab.locator(f"#{ref.get_attribute('popovertarget')}").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_notes_open_without_javascript(open_page):
    tab = open_page("seed", javascript=False)
    ref = tab.locator("button.noteref").first
    ref.focus()
    tab.keyboard.press("Enter")
    assert tab.locator(f"#{ref.get_attribute('popovertarget')}").is_visible()


@pytest.mark.parametrize("name", ["seed", "sample"])
def test_nothing_overflows_at_375_pixels(open_page, name):
    tab = open_page(name, width=375)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    offscreen = tab.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(el => el.getClientRects().length && !el.closest('[popover]'))
        .filter(el => { const r = el.getBoundingClientRect(); return r.right > 376 || r.left < -1; })
        .map(el => el.tagName + '.' + el.className).slice(0, 5)""")
    assert offscreen == []


def test_diplomatic_view_shows_the_original_reading(open_page):
    tab = open_page("sample")
    reading = tab.locator(".tei-choice .reading").first
    original = tab.locator(".tei-choice .original").first
    assert reading.is_visible() and not original.is_visible()
    tab.locator("label[for='diplomatic-view']").click()
    assert original.is_visible() and not reading.is_visible()
    assert original.inner_text() == "9 Junes 1969"


def test_an_open_note_follows_its_reference_when_the_page_scrolls(open_page):
    tab = open_page("seed")
    ref = tab.locator("button.noteref").nth(2)
    ref.scroll_into_view_if_needed()
    ref.click()
    popover = tab.locator(f"#{ref.get_attribute('popovertarget')}")
    tab.mouse.wheel(0, 120)
    tab.wait_for_timeout(100)
    gap = popover.bounding_box()["y"] - (ref.bounding_box()["y"] + ref.bounding_box()["height"])
    assert 0 <= gap < 20 or popover.bounding_box()["y"] + popover.bounding_box()["height"] <= ref.bounding_box()["y"]


def test_diplomatic_view_says_the_correction_and_is_kept_in_the_address(open_page):
    tab = open_page("sample")
    tab.locator("label[for='diplomatic-view']").click()
    gloss = tab.locator(".tei-choice .original-gloss").first
    assert gloss.is_visible() and "corrected to: 9 June 1969" in gloss.inner_text()
    assert "view=diplomatic" in tab.url
    tab.reload()
    tab.wait_for_load_state("load")
    assert tab.locator("#diplomatic-view").is_checked()
    assert tab.locator(".tei-choice .original").first.is_visible()


def test_the_switch_promises_line_breaks_only_when_there_are_some(open_page):
    label = open_page("sample").locator("label[for='diplomatic-view']").inner_text()
    assert label == "Diplomatic view (original readings)"


PARAGRAPH_NUMBER = """id => {
  const p = document.getElementById(id), before = getComputedStyle(p, '::before');
  return {content: before.content, position: before.position, background: getComputedStyle(p).backgroundColor};
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_paragraph_numbers_sit_in_the_margin_and_a_followed_link_lights_its_paragraph(open_page, pages, width):
    """Issue 21: the index of names cites "¶ 31"; the page shows ¶ 31 beside the paragraph, and #p31 lights it."""
    tab = open_page("seed", width=width)
    tab.goto(pages["seed"] + "#p31")
    lit, other = tab.evaluate(PARAGRAPH_NUMBER, "p31"), tab.evaluate(PARAGRAPH_NUMBER, "p32")
    assert "31" in lit["content"] and "32" in other["content"]
    assert lit["position"] == "absolute"  # in the margin, not in the line of text
    assert lit["background"] != other["background"]  # the followed paragraph is highlighted, its neighbour not
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
