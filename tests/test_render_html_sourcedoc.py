"""TEI whose content is in <sourceDoc> or <standOff> renders it all (issue 12).

The samples are other projects' TEI (tests/fixtures/foreign-projects, sources and
licences in SOURCE there): a documentary transcription (surfaces, zones,
lines, deletions and additions) and registers of persons and places with no
<text> at all.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from htmlpage import (FIXTURES, TEI_NS, WORD, as_tree, assert_links_resolve, assert_no_word_lost,
                      assert_valid_html5, render_page, renderer, tei_doc)

SAMPLES = sorted((FIXTURES / "foreign-projects").glob("*.xml"))


def content_words(tei) -> collections.Counter:
    """Words of <text>, <sourceDoc> and <standOff>, counted per text node."""
    words: collections.Counter = collections.Counter()
    root = as_tree(tei).getroot()
    for part in ("text", "sourceDoc", "standOff"):
        for el in root.findall(f"{{{TEI_NS}}}{part}"):
            for node in el.xpath(".//text()"):
                words.update(WORD.findall(str(node)))
    return words


def test_there_are_five_samples_with_their_source_noted():
    assert len(SAMPLES) == 5
    source = (FIXTURES / "foreign-projects" / "SOURCE").read_text(encoding="utf-8")
    for sample in SAMPLES:
        assert sample.name in source


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_word_of_text_sourcedoc_and_standoff_reaches_the_page(sample):
    page = render_page(sample)
    have = collections.Counter(WORD.findall(page.body_text))
    need = content_words(sample)
    assert sum(need.values()) > 50
    lost = {w: (n, have[w]) for w, n in need.items() if have[w] < n}
    assert not lost, f"words missing from the page (word: (in TEI, in page)): {dict(list(lost.items())[:20])}"
    assert not any("header only" in m for m in renderer().warnings)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_the_page_is_valid_html_with_links_that_resolve(sample):
    page = render_page(sample)
    assert_valid_html5(page)
    assert_links_resolve(page)


def test_a_surface_is_a_labelled_part_and_each_line_a_line():
    page = render_page(FIXTURES / "foreign-projects" / "sga-to-laughter-sourcedoc.xml")
    assert "Folio 1v" in page.text_of("//article//*[contains(@class, 'source-label')]")
    lines = page.xpath("//article//div[contains(@class, 'source-line')]")
    assert len(lines) >= 19
    assert " ".join("".join(lines[1].itertext()).split()) == "Thy friends were never mine thou heartless"


def test_a_register_entry_shows_its_names_and_facts():
    page = render_page(FIXTURES / "foreign-projects" / "tei-publisher-persons-standoff.xml")
    entry = page.one("//section[@id='register']//li[@id='gnd-119442086']")
    text = " ".join("".join(entry.itertext()).split())
    assert text.startswith("Dantiscus, Ioannes")
    for part in ("Jan Dantyszek", "Danzig", "31 October 1485", "Bischof", "eminent diplomat"):
        assert part in text


def test_register_entries_the_text_names_stay_in_the_index_only():
    tei = tei_doc('<p><persName ref="#a">Ann</persName> and Bob.</p>',
                  standoff='<standOff><listPerson><person xml:id="a"><persName>Ann Bee</persName></person>'
                           '<person xml:id="b"><persName>Bob Sea</persName></person></listPerson></standOff>')
    page = render_page(tei)
    assert page.xpath("//section[@id='index']//li[@id='index-a']")
    assert [li.get("id") for li in page.xpath("//section[@id='register']//li")] == ["b"]


def test_the_house_seed_has_no_register_its_authority_entries_are_all_in_the_index():
    from conftest import EDITIONS

    seed = sorted(EDITIONS.glob("*.xml"))[0]
    page = render_page(seed)
    assert not page.xpath("//section[@id='register']")
    assert_no_word_lost(seed, page)


def test_a_citation_written_as_prose_keeps_the_words_between_its_fields():
    """TEI Publisher's bibliography register writes "<title>…</title>, oprac. Z. Szeps, <pubPlace>…": every word shows."""
    standoff = ('<standOff><listBibl><bibl xml:id="b1"><author>Axel M.</author>, <title>Dookoła Lulu</title>, '
                'oprac. Z. Szeps, <pubPlace>Londyn</pubPlace> <date>1980</date>, nr 2 (57), s. 48–50</bibl>'
                '<bibl xml:id="b2"><title>A structured entry</title><date>1975</date></bibl></listBibl></standOff>')
    page = render_page(tei_doc("<p>A text citing nothing.</p>", standoff=standoff))
    entry = " ".join(page.text_of("//li[@id='b1']").split())
    assert entry == "Axel M., Dookoła Lulu, oprac. Z. Szeps, Londyn 1980, nr 2 (57), s. 48–50"
    assert page.xpath("//li[@id='b2']//strong[@class='register-name']")  # fields alone: still by name and facts
