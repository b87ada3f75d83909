"""Any TEI renders, and no word of <text> is lost: the seed, every dev document, other projects' TEI.

The seed and the dev corpus are converted at test time, so these tests follow
the converter.  The foreign files (tests/fixtures/foreign/) are written in
other projects' styles: a letter, a manuscript description, drama and verse,
a critical apparatus, a facsimile with page breaks.
"""

from __future__ import annotations

import pytest

from conftest import RUN_DATE, assert_valid_tei_all, dev_documents, seed_documents
from htmlpage import (
    FOREIGN,
    HOUSE_SAMPLE,
    as_tree,
    assert_links_resolve,
    assert_no_word_lost,
    assert_valid_html5,
    render_page,
    tei_doc,
)

SOURCES = seed_documents() + dev_documents()


@pytest.fixture(scope="module")
def converted():
    """TEI for the seed and the dev corpus, converted once for this module."""
    from teiedition.convert import convert_text

    cache = {}

    def tei_for(path):
        if path not in cache:
            cache[path] = convert_text(path.read_text(encoding="utf-8"), doc_id=path.stem,
                                       source_name=path.name, run_date=RUN_DATE).tei
        return cache[path]

    return tei_for


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_converted_document_loses_no_word(converted, source):
    tei = converted(source)
    assert_no_word_lost(tei, render_page(tei))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_converted_document_page_is_valid_html5_with_working_links(converted, source):
    page = render_page(converted(source))
    assert_valid_html5(page)
    assert_links_resolve(page)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_marginal_mark_of_a_converted_document_is_drawn(converted, source):
    tree = as_tree(converted(source))
    marks = tree.xpath("//tei:text//tei:metamark", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
    page = render_page(tree)
    assert len(page.xpath("//article//*[contains(@class, 'margin-mark')]")) == len(marks)


@pytest.mark.parametrize("path", FOREIGN + [HOUSE_SAMPLE], ids=lambda p: p.stem)
def test_foreign_tei_loses_no_word(path):
    assert_no_word_lost(path, render_page(path))


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_foreign_tei_page_is_valid_html5_with_working_links(path):
    page = render_page(path)
    assert_valid_html5(page)
    assert_links_resolve(page)


def test_there_are_at_least_five_foreign_samples():
    assert len(FOREIGN) >= 5


@pytest.mark.parametrize("path", FOREIGN + [HOUSE_SAMPLE], ids=lambda p: p.stem)
def test_fixtures_are_real_tei(tei_all, path):
    assert_valid_tei_all(tei_all, as_tree(path), path.name)


def test_element_without_a_template_shows_its_text_with_its_tei_name_as_class():
    page = render_page(tei_doc("<p>The <rhyme>moon</rhyme> rose.</p><floatingText><body><p>Inner</p></body></floatingText>"))
    assert page.xpath("//span[contains(@class, 'tei-rhyme') and .='moon']")
    assert "Inner" in page.text_of("//*[contains(@class, 'tei-floatingText')]")


def test_element_of_another_namespace_keeps_its_text():
    page = render_page(tei_doc('<p>A <x:thing xmlns:x="urn:example">strange thing</x:thing>.</p>'))
    assert page.xpath("//span[contains(@class, 'tei-thing') and contains(@class, 'foreign-ns')]")


def test_verse_lines_keep_their_numbers():
    page = render_page(FOREIGN_BY_NAME["drama_verse"])
    assert page.xpath("//div[contains(@class, 'tei-l')]/span[@class='line-number']/text()")[:2] == ["1", "2"]


def test_speaker_and_stage_directions_are_distinguished():
    page = render_page(FOREIGN_BY_NAME["drama_verse"])
    assert page.xpath("//*[contains(@class, 'tei-speaker') and .='Miranda.']")
    assert page.xpath("//*[contains(@class, 'tei-stage') and .='She sits.']")


def test_apparatus_shows_the_lemma_in_the_text_and_the_readings_in_an_entry():
    page = render_page(FOREIGN_BY_NAME["apparatus"])
    app = page.xpath("//*[contains(@class, 'tei-app')]")[0]
    assert app.xpath("string(.//*[@class='lemma'])") == "Aprille"
    assert " ".join(page.text_of("//*[@id='app-1']/*[@class='app-entry']").split()) == "Aprille A] Aueryll B; April C"


def test_page_breaks_show_their_facsimile_image():
    page = render_page(FOREIGN_BY_NAME["facsimile_pages"])
    assert page.xpath("//article//*[contains(@class, 'facsimile-page')]//img/@src") == [
        "images/page-001.jpg", "images/page-002.jpg"]


def test_word_broken_across_lines_stays_whole():
    page = render_page(FOREIGN_BY_NAME["facsimile_pages"])
    assert "the letter to" in page.text_of("//article")


def test_letter_opener_and_closer_are_shown():
    page = render_page(FOREIGN_BY_NAME["letter_correspondence"])
    assert page.text_of("//*[contains(@class, 'tei-salute')]").startswith("Lieber Johannes!")
    assert page.xpath("//html/@lang") == ["de"]


def test_manuscript_description_facts_are_in_the_header():
    page = render_page(FOREIGN_BY_NAME["manuscript_description"])
    about = page.text_of("//*[@id='about']")
    assert "Bodleian Library" in about and "MS. Example 123" in about


FOREIGN_BY_NAME = {p.stem: p for p in FOREIGN}


def test_links_never_nest_whatever_the_tei_nests():
    page = render_page(tei_doc(
        '<p xml:id="p1"><ref target="https://example.org/">A <persName ref="#x">name</persName> in a link'
        '<note>with a note</note></ref> and <persName ref="#x" xml:id="n2">a marked name</persName>.</p>'
        '<metamark rend="single-line" target="#n2"/>',
        standoff='<standOff><listPerson><person xml:id="x"><persName>X</persName></person></listPerson></standOff>'))
    assert_valid_html5(page)
    assert not page.xpath("//a//a | //a//button")


def test_an_external_link_around_a_name_stays_a_link():
    page = render_page(tei_doc('<p><ref target="https://example.org/">A <persName>name</persName></ref></p>'))
    assert page.xpath("//a[@href='https://example.org/']/span[contains(@class, 'tei-persName')]")
