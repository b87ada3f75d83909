"""The collection index in a real browser, opened from ``file://``: sorting and searching work."""

from __future__ import annotations

import io

import pytest

from teiedition.building.build import run_build

from test_build_fakes import fake_source

pytestmark = pytest.mark.browser

DOCS = {
    "one": fake_source("Zhou Enlai on the armistice", date="1953-07-01", archive="PRC FMA",
                       summary="Zhou explains the armistice talks."),
    "two": fake_source("Brezhnev letter", date="1971-03-03", archive="RGANI",
                       summary="A letter about fishing rights."),
    "three": fake_source("Address to the Hungarian embassy", date="1959-06-02", archive="MOL",
                         summary="The embassy reports on the armistice anniversary."),
}


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    from test_build_fakes import FakeStages

    tmp = tmp_path_factory.mktemp("index")
    src = tmp / "src"
    src.mkdir()
    for name, text in DOCS.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    run_build(src, tmp / "out", jobs=1, stages=FakeStages, progress=False, stream=io.StringIO(),
              run_date="2026-01-01")
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto((tmp / "out" / "index.html").as_uri())
    tab.errors = errors
    yield tab
    tab.close()


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#documents tbody tr:not([hidden])", "rows => rows.map(r => r.id)")


def sort_by(page, key: str) -> None:
    page.click(f'th[data-sort="{key}"] button')


def test_script_runs_without_errors_from_file_url(page):
    assert page.errors == []


def test_rows_start_in_date_order(page):
    page.reload()
    assert visible_ids(page) == ["one", "three", "two"]


def test_sorting_by_title(page):
    page.reload()
    sort_by(page, "title")
    assert visible_ids(page) == ["three", "two", "one"]


def test_sorting_twice_reverses(page):
    page.reload()
    sort_by(page, "title")
    sort_by(page, "title")
    assert visible_ids(page) == ["one", "two", "three"]


def test_sorting_by_archive(page):
    page.reload()
    sort_by(page, "archive")
    assert visible_ids(page) == ["three", "one", "two"]


def _search(page, words: str) -> None:
    page.wait_for_selector("#search[data-runs]")
    runs = int(page.get_attribute("#search", "data-runs"))
    page.fill("#search-input", words)
    page.press("#search-input", "Enter")
    page.wait_for_function(f"+document.getElementById('search').getAttribute('data-runs') > {runs}")


def test_the_search_narrows_the_list_of_documents(page):
    page.reload()
    _search(page, "armistice")
    assert visible_ids(page) == ["one", "three"]
    assert page.text_content("#count") == "2 of 3 documents match the search"


def test_the_search_needs_every_word(page):
    page.reload()
    _search(page, "armistice zhou")
    assert visible_ids(page) == ["one"]
