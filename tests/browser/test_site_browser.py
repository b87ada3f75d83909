"""The built collection in a real browser from file://: full-text search, facets, previous/next.

The real pipeline builds the dev corpus (no PDFs) once; pages are opened
from file:// in headless Chromium, as a reader who downloaded the site would.
"""

from __future__ import annotations

import io
import re
import shutil

import pytest

from conftest import DEV_CORPUS, dev_documents

pytestmark = pytest.mark.browser

#: the dev corpus in date order (creation dates of the TEI headers)
DATE_ORDER = ["dev08", "dev04", "dev07", "dev02", "dev06", "dev03", "dev05", "dev09", "dev12", "dev11", "dev01",
              "dev10"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from teiedition.building.build import run_build

    tmp = tmp_path_factory.mktemp("site")
    src = tmp / "src"
    src.mkdir()
    for path in dev_documents():
        shutil.copy(path, src / path.name)
    summary = run_build(src, tmp / "out", jobs=2, pdf=False, progress=False, stream=io.StringIO(),
                        run_date="2026-01-01")
    assert summary.built == len(DATE_ORDER)
    return tmp / "out"


@pytest.fixture
def open_page(browser, site):
    contexts = []

    def open_(name: str, width: int = 1280, javascript: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
        contexts.append(context)
        tab = context.new_page()
        tab.errors, tab.loaded = [], []
        tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
        tab.on("requestfinished", lambda req: tab.loaded.append(req.url.rsplit("/assets/", 1)[-1]))
        tab.on("console", lambda msg: msg.type == "error" and tab.errors.append(msg.text))
        tab.on("request", lambda req: req.url.startswith("file://") or tab.errors.append("request " + req.url))
        tab.goto((site / name).as_uri())
        if name == "index.html" and javascript:
            tab.wait_for_selector("#search[data-ready]", timeout=30000)
        return tab

    yield open_
    for context in contexts:
        context.close()


def search(tab, words: str) -> list[str]:
    runs = int(tab.get_attribute("#search", "data-runs") or 0)
    tab.fill("#search-input", words)
    tab.press("#search-input", "Enter")
    tab.wait_for_function(f"+document.getElementById('search').getAttribute('data-runs') > {runs}")
    return result_ids(tab)


def result_ids(tab) -> list[str]:
    """The results shown, once their snippets are in (the list is aria-busy while texts load)."""
    tab.wait_for_selector("#results:not([aria-busy])", state="attached")
    return tab.eval_on_selector_all("#results li > a", "as => as.map(a => a.getAttribute('href').replace('.html', ''))")


def data_scripts(tab) -> set[str]:
    """The search data scripts the page has loaded so far (paths under assets/search/)."""
    return {name.removeprefix("search/") for name in tab.loaded if name.startswith("search/")}


def test_search_loads_from_file_url_without_errors(open_page):
    tab = open_page("index.html")
    assert tab.get_attribute("#search", "data-ready") == str(len(DATE_ORDER))
    assert tab.is_visible("#search-input")
    assert tab.text_content("#search-status").startswith("12 documents searchable.")
    assert tab.errors == []


def test_the_page_loads_no_shard_and_a_query_only_the_shards_of_its_words(open_page):
    tab = open_page("index.html")
    assert data_scripts(tab) == {"meta.js"}
    assert search(tab, "Pueblo") == ["dev09"]
    assert data_scripts(tab) == {"meta.js", "terms/pu.js", "text/dev09.js"}
    found = search(tab, "embassy Pueblo")
    assert data_scripts(tab) == {"meta.js", "terms/pu.js", "terms/em.js", "text/dev09.js"}
    assert found == ["dev09"]
    many = search(tab, "soviet")
    loaded = data_scripts(tab)
    assert "terms/so.js" in loaded and not any(n.startswith("terms/") for n in loaded - {
        "terms/pu.js", "terms/em.js", "terms/so.js"})
    # the texts of the results shown, no others
    assert {n for n in loaded if n.startswith("text/")} == {f"text/{d}.js" for d in set(many[:20]) | {"dev09"}}


def test_a_typo_is_forgiven_within_the_shard_of_the_first_letters(open_page):
    tab = open_page("index.html")
    assert search(tab, "Puebla") == ["dev09"]  # fuzzy: one letter off, the first two right
    assert search(tab, "Oueblo") == []  # a typo in the first two letters looks in another shard


def test_words_from_the_body_find_their_document_with_snippets(open_page):
    tab = open_page("index.html")
    assert search(tab, "Pueblo") == ["dev09"]
    assert tab.text_content("#search-status") == "1 document matches."
    marks = tab.eval_on_selector_all("#results .kwic mark", "ms => ms.map(m => m.textContent)")
    assert marks and all(m.lower() == "pueblo" for m in marks)
    snippet = tab.text_content("#results .kwic")
    assert len(snippet) > 40 and "Pueblo" in snippet  # words around the match, not the match alone


def test_every_word_must_match_and_accents_do_not_matter(open_page):
    tab = open_page("index.html")
    assert search(tab, "dvorak") == ["dev09"]
    assert search(tab, "embassy Pueblo") == ["dev09"]
    assert search(tab, "Pueblo Cholera zzzqqq") == []
    assert tab.text_content("#search-status") == "No document matches."


def test_a_quoted_phrase_must_appear_as_written(open_page):
    tab = open_page("index.html")
    loose = set(search(tab, "Kim Il Sung"))
    exact = set(search(tab, '"Kim Il Sung"'))
    assert exact and exact <= loose
    for snippet in tab.eval_on_selector_all("#results .kwic", "ps => ps.map(p => p.textContent)"):
        assert "Kim Il Sung" in snippet


def test_facets_narrow_the_results_and_count_them(open_page):
    tab = open_page("index.html")
    everyone = search(tab, "embassy")
    assert len(everyone) > 2
    label = tab.locator(".facet-archive label", has_text="RGANI")
    count = int(label.locator(".n").text_content().strip("()"))
    label.locator("input").check()
    narrowed = result_ids(tab)
    assert narrowed and set(narrowed) <= set(everyone) and len(narrowed) == count
    assert {"dev01", "dev12"} >= set(narrowed)
    tab.locator(".facet-year label", has_text="1971").locator("input").check()
    assert result_ids(tab) == ["dev01"]


def test_facets_alone_list_documents_in_date_order(open_page):
    tab = open_page("index.html")
    tab.locator(".facet-classification label", has_text="TOP SECRET").locator("input").check()
    found = result_ids(tab)
    assert found and found == [d for d in DATE_ORDER if d in found]
    tab.click("#search-reset")
    tab.wait_for_function("document.querySelectorAll('#results li').length === 0")


def test_person_facet_lists_the_people_of_the_results(open_page):
    tab = open_page("index.html")
    search(tab, "Pueblo")
    people = tab.eval_on_selector_all(".facet-person label", "ls => ls.map(l => l.textContent)")
    assert any(p.startswith(" Dvořák") or "Dvořák" in p for p in people)


def test_without_javascript_the_table_is_the_page(open_page):
    tab = open_page("index.html", javascript=False)
    assert not tab.is_visible("#search")
    assert tab.locator("#documents tbody tr").count() == len(DATE_ORDER)


def test_next_links_walk_the_collection_in_date_order(open_page):
    tab = open_page(f"{DATE_ORDER[0]}.html")
    assert tab.text_content(".collection-nav .prev") == "First document"
    visited = [DATE_ORDER[0]]
    while tab.locator(".collection-nav a[rel=next]").count():
        tab.click(".collection-nav a[rel=next]")
        visited.append(tab.url.rsplit("/", 1)[1].removesuffix(".html"))
    assert visited == DATE_ORDER
    assert tab.text_content(".collection-nav .next") == "Last document"
    tab.click(".collection-nav a[rel=prev]")
    assert tab.url.endswith(f"/{DATE_ORDER[-2]}.html")
    tab.click(".collection-nav a[rel=index]")
    assert tab.url.endswith("/index.html")
    assert tab.errors == []


def test_a_result_opens_its_document(open_page):
    tab = open_page("index.html")
    search(tab, "Pueblo")
    tab.click("#results li > a")
    assert tab.url.endswith("/dev09.html")
    assert "Built on 1 January 2026 with teiedition" in tab.text_content(".build-line")


@pytest.mark.parametrize("name", ["index.html", "dev09.html"])
def test_nothing_scrolls_sideways_at_375_px(open_page, name):
    tab = open_page(name, width=375)
    if name == "index.html":
        search(tab, "embassy")
        tab.click("#facets-box summary")  # closed on small screens; open it to check it too
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width} px wide at 375 px"
    assert tab.errors == []


def test_facets_start_folded_on_small_screens(open_page):
    tab = open_page("index.html", width=375)
    assert tab.evaluate("document.getElementById('facets-box').open") is False
    wide = open_page("index.html", width=1280)
    assert wide.evaluate("document.getElementById('facets-box').open") is True


def test_the_prebuilt_shards_are_the_index_minisearch_would_build(open_page, site):
    """MiniSearch indexes every text itself; our shards together must be that index, and each query,
    answered from its own shards only, must give MiniSearch's results over the whole index."""
    from lxml import etree

    from teiedition.building.site import entry_names

    tab = open_page("index.html")
    # the authority's variant names are indexed but not shipped in meta.js: the test reads them from the TEI
    names = {path.stem: entry_names(etree.parse(str(path))) for path in site.glob("*.xml")}
    same = tab.evaluate("""async (names) => {
        const s = window.teieditionSearch;
        const queries = ['embassy', 'kim il sung', 'dvorak', 'secr', 'Pueblo Soviet', 'armistice', 'ambasador',
                         'Khrushchev delegation', 'czechoslovak'];
        const sharded = [];
        for (const q of queries) { sharded.push(JSON.stringify(await s.find(q))); }
        await s.loadAll();
        const fresh = new MiniSearch(s.options);
        fresh.addAll(s.documents.map(d => ({n: d.n, title: d.title, text: s.loaded.text[d.id],
                                            persons: d.persons, archive: d.archive, names: names[d.id]})));
        const ours = MiniSearch.loadJS(s.fullIndex(), s.options);
        const canon = m => { const j = m.toJSON(); j.index.sort((a, b) => a[0] < b[0] ? -1 : 1); return JSON.stringify(j); };
        return {index: canon(fresh) === canon(ours), terms: fresh.termCount === ours.termCount,
                results: queries.filter((q, i) => JSON.stringify(fresh.search(q)) !== sharded[i]),
                empty: queries.filter((q, i) => sharded[i] === '[]')};
    }""", names)
    assert same == {"index": True, "terms": True, "results": [], "empty": ["armistice"]}  # not in the dev corpus


@pytest.fixture(scope="module")
def one_document_site(tmp_path_factory):
    from teiedition.building.build import run_build

    tmp = tmp_path_factory.mktemp("one")
    (tmp / "src").mkdir()
    shutil.copy(DEV_CORPUS / "dev09.txt", tmp / "src" / "dev09.txt")
    run_build(tmp / "src", tmp / "out", jobs=1, pdf=False, progress=False, stream=io.StringIO(), run_date="2026-01-01")
    return tmp / "out"


def test_one_document_is_counted_in_the_singular(browser, one_document_site):
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((one_document_site / "index.html").as_uri())
        tab.wait_for_selector("#search[data-runs]")
        assert tab.text_content("#search-status") == ("1 document searchable. "
                                                      "Type words to search, or choose from the lists.")
        assert tab.text_content("#count") == "1 of 1 document"
        assert search(tab, "zzzqqq") == []
        assert tab.text_content("#count") == "0 of 1 document match the search"
    finally:
        context.close()


def test_a_q_in_the_address_opens_with_that_search(browser, site):
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((site / "index.html").as_uri() + "?q=Pueblo+dvorak")
        tab.wait_for_selector("#search[data-runs]")
        assert tab.input_value("#search-input") == "Pueblo dvorak"
        assert result_ids(tab) == ["dev09"]
        assert tab.locator("#results .kwic mark").count() > 0
    finally:
        context.close()


def _address(tab) -> str:
    return tab.evaluate("() => decodeURIComponent(location.search)")


def test_the_search_lives_in_the_address_and_back_and_forward_step_through_it(open_page):
    tab = open_page("index.html")
    everyone = search(tab, "embassy")
    assert _address(tab) == "?q=embassy"
    runs = int(tab.get_attribute("#search", "data-runs"))
    tab.locator(".facet-archive label", has_text="RGANI").locator("input").check()
    tab.wait_for_function(f"+document.getElementById('search').getAttribute('data-runs') > {runs}")
    narrowed = result_ids(tab)
    assert _address(tab) == "?q=embassy&facet=archive:RGANI"
    runs = int(tab.get_attribute("#search", "data-runs"))
    tab.go_back()
    tab.wait_for_function(f"+document.getElementById('search').getAttribute('data-runs') > {runs}")
    assert result_ids(tab) == everyone and _address(tab) == "?q=embassy"
    assert not tab.locator(".facet-archive label", has_text="RGANI").locator("input").is_checked()
    runs = int(tab.get_attribute("#search", "data-runs"))
    tab.go_forward()
    tab.wait_for_function(f"+document.getElementById('search').getAttribute('data-runs') > {runs}")
    assert result_ids(tab) == narrowed
    assert tab.locator(".facet-archive label", has_text="RGANI").locator("input").is_checked()


def test_a_shared_address_with_facets_opens_the_same_results(browser, site):
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((site / "index.html").as_uri() + "?q=embassy&facet=archive%3ARGANI&facet=year%3A1971")
        tab.wait_for_selector("#search[data-runs]")
        assert result_ids(tab) == ["dev01"]
        assert tab.locator(".facet-year label", has_text="1971").locator("input").is_checked()
    finally:
        context.close()


def test_one_search_box_and_the_list_of_documents_follows_it(open_page):
    tab = open_page("index.html")
    assert not tab.is_visible("#filter")
    found = search(tab, "embassy")
    visible = tab.eval_on_selector_all("#documents tbody tr:not([hidden])", "rows => rows.map(r => r.id)")
    assert sorted(visible) == sorted(found)
    assert tab.text_content("#count") == f"{len(found)} of {len(DATE_ORDER)} documents match the search"
    tab.click("#search-reset")
    tab.wait_for_function("document.querySelectorAll('#documents tbody tr[hidden]').length === 0")
    assert tab.text_content("#count") == f"{len(DATE_ORDER)} of {len(DATE_ORDER)} documents"


@pytest.mark.parametrize("query, shown", [("%", "%"), ("Pueblo%", "Pueblo%"), ("Pueblo+%E2%82+dvo%72ak", "Pueblo %E2%82 dvorak")])
def test_a_malformed_q_in_the_address_still_searches(browser, site, query, shown):
    """Issue 22: ``?q=%`` (a shared link cut short) threw "URI malformed" and search stopped."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto((site / "index.html").as_uri() + "?q=" + query)
        tab.wait_for_selector("#search[data-runs]", timeout=30000)
        assert errors == []
        assert tab.input_value("#search-input") == shown
        tab.fill("#search-input", "Pueblo")
        tab.wait_for_function("document.querySelectorAll('#results li').length > 0", timeout=30000)
    finally:
        context.close()


@pytest.mark.parametrize("words, found", [
    ("Chou En-lai", ["dev04"]),  # the text prints Zhou Enlai
    ("Kim Ilsung", ["dev01", "dev03", "dev05"]),
    ("Ким Ир Сен", ["dev01", "dev03", "dev05"]),
    ("周恩来", ["dev04"]),
])
def test_the_authority_s_variant_names_find_the_documents(open_page, words, found):
    """Issue 21: a reader searching an older romanisation or a Cyrillic or Chinese form finds the person."""
    tab = open_page("index.html")
    assert sorted(search(tab, words)) == found


def test_handling_marks_have_their_own_facet(open_page):
    """Issue 21: the classification facet lists classifications only; handling marks are a facet of their own."""
    tab = open_page("index.html")
    classification = [v.strip() for v in tab.locator(".facet-classification label").all_inner_texts()]
    handling = [v.strip() for v in tab.locator(".facet-handling label").all_inner_texts()]
    assert not any("PROHIBITED" in v for v in classification)
    assert any(v.startswith("SECRET") for v in classification)
    assert [v.split(" (")[0] for v in handling] == ["MAKING COPIES PROHIBITED"]


@pytest.mark.parametrize("width", [1280, 375])
def test_facet_lists_are_whole_lines_and_leave_the_results_on_the_first_screen(open_page, width):
    """Issue 21: no fixed box cuts a value mid-line, and the facets no longer fill the first screen."""
    tab = open_page("index.html", width=width)
    if width == 375:
        tab.click("#facets-box summary")  # folded on a phone
    search(tab, "Beijing")
    boxes = tab.eval_on_selector_all(".facets ul", "us => us.map(u => [u.scrollHeight, u.clientHeight])")
    assert boxes and all(scroll <= client for scroll, client in boxes)
    overflow = tab.eval_on_selector_all(".facets label", "ls => ls.filter(l => l.scrollWidth > l.clientWidth + 1).length")
    assert overflow == 0
    if width == 1280:
        assert tab.evaluate("document.querySelector('#results li').getBoundingClientRect().top") < 900
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


def test_a_long_facet_shows_a_few_values_and_opens_to_all_of_them(open_page):
    tab = open_page("index.html")
    persons = ".facet-person li"
    assert tab.locator(persons).count() == 5
    toggle = tab.locator(".facet-person .facet-more")
    assert toggle.get_attribute("aria-expanded") == "false"
    shown = int(re.search(r"\d+", toggle.inner_text()).group())  # "All 12 persons", "The 40 most frequent of 66 persons"
    toggle.click()
    assert tab.locator(persons).count() == shown > 5
    assert tab.locator(".facet-person .facet-more").get_attribute("aria-expanded") == "true"
    # a value chosen from the open list stays shown when the list folds again
    runs = int(tab.get_attribute("#search", "data-runs"))
    tab.locator(persons).nth(shown - 1).locator("input").click()
    tab.wait_for_function(f"+document.getElementById('search').getAttribute('data-runs') > {runs}")
    tab.locator(".facet-person .facet-more").click()
    assert tab.locator(persons).count() == 5
    assert tab.locator(persons + " input:checked").count() == 1


def test_snippets_keep_the_brackets_of_supplied_words(open_page):
    """Issue 21: the page prints "Beiping [Beijing]"; the snippet must not read "Beiping Beijing"."""
    tab = open_page("index.html")
    assert "dev08" in search(tab, "Beijing")
    snippet = tab.locator("#results li", has=tab.locator("a[href='dev08.html']")).locator(".kwic").inner_text()
    assert "Beiping [Beijing]" in snippet
    assert "dev08" in search(tab, '"Beiping Beijing"')  # a phrase still reads across the brackets


LINK_STYLE = """sel => { const a = document.querySelector(sel); if (!a) return null; a.focus();
  const s = getComputedStyle(a);
  return {color: s.color, underline: s.textDecorationLine, outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
          page: getComputedStyle(document.body).backgroundColor}; }"""


@pytest.mark.parametrize("width", [1280, 375])
def test_entity_pages_style_links_as_the_document_pages_do(open_page, width):
    """Issue 21: one link style across the edition: colour, underline and keyboard focus ring, on the same paper."""
    names = open_page("entities/index.html", width=width)
    person = names.get_attribute("section.kind-person li a", "href")
    entity = open_page(f"entities/{person}", width=width)
    document = open_page("dev09.html", width=width)
    in_document = document.evaluate(LINK_STYLE, "#index a.index-entity-page")
    assert in_document is not None, "dev09's index of names links no entity page"
    for tab, link in ((names, "section.kind-person li a"), (entity, "a.place"), (entity, "nav.crumbs a")):
        assert tab.evaluate(LINK_STYLE, link) == in_document, (tab.url, link)
        assert tab.evaluate("document.documentElement.scrollWidth") <= width, tab.url
        assert tab.errors == []
