"""A document's own index of names files persons by family name, as the collection's index does (issue 21).

The converter writes ``person/@sortKey`` from ``name_order.sort_key`` (the authority's
``family_name_first`` for Kim Il Sung, Zhou Enlai, Pak Seong-cheol); the page's index sorts by
it; foreign TEI without the attribute still sorts (by its own ``surname``, else the name).
"""

from __future__ import annotations

import unicodedata

import pytest
from lxml import html

from convert_checks import BODY_PAGE, convert, xp
from htmlpage import render_page, tei_doc

#: Invented prose naming persons the authority knows; first-name order would be Andrei, Kim, Leonid, Pak, Yu., Zhou.
NAMES_PARAGRAPH = ("Andrei A. Gromyko received Zhou Enlai, Kim Il Sung and Leonid I. Brezhnev at the dacha; "
                   "Yu. Fadeyev and Pak Seong-cheol took notes while Kim Il waited outside.")
BY_FAMILY_NAME = ["Brezhnev, Leonid I.", "Fadeyev, Yu.", "Gromyko, Andrei A.", "Kim Il", "Kim Il Sung",
                  "Pak Seong-cheol", "Zhou Enlai"]


@pytest.fixture(scope="module")
def converted():
    return convert(BODY_PAGE.format(body=NAMES_PARAGRAPH), doc_id="doc-names")


def _index_persons(page) -> list[str]:
    return [" ".join(t.split()) for t in page.xpath("//section[contains(@class, 'index-person')]//*[@class='index-name']/text()")]


def test_the_converter_files_each_person_family_name_first(converted):
    keys = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p.get("sortKey")
            for p in xp(converted, "//t:standOff/t:listPerson/t:person")}
    assert keys["pers-gromyko"] == "gromyko,andrei_a."
    assert keys["pers-brezhnev"] == "brezhnev,leonid_i."
    # East Asian names are written family name first: Kim under K, Zhou under Z (not Sung, not Enlai)
    assert keys["pers-kim-il-sung"] == "kim,il_sung"
    assert keys["pers-zhou-enlai"] == "zhou,enlai"
    assert keys["pers-pak-seong-cheol"] == "pak,seong-cheol"


def test_the_converter_marks_the_family_name_and_keeps_the_name_as_written(converted):
    from convert_checks import fragment

    names = {p.getparent().get("{http://www.w3.org/XML/1998/namespace}id"): p
             for p in xp(converted, "//t:standOff/t:listPerson/t:person/t:persName")}
    assert fragment(names["pers-gromyko"]).strip() == "<persName>Andrei A. <surname>Gromyko</surname></persName>"
    assert fragment(names["pers-kim-il-sung"]).strip() == "<persName><surname>Kim</surname> Il Sung</persName>"
    assert "".join(names["pers-brezhnev"].itertext()) == "Leonid I. Brezhnev"


def test_the_document_index_lists_persons_by_family_name(converted):
    page = render_page(converted.getroottree())
    assert _index_persons(page) == BY_FAMILY_NAME


def test_the_document_index_and_the_collection_index_agree(converted, tmp_path):
    """One rule (name_order.sort_key) for both: the same persons in the same order."""
    from teiedition.building.entity_pages import write_entity_pages

    (tmp_path / "doc-names.xml").write_bytes(html.etree.tostring(converted))
    write_entity_pages(tmp_path, [{"id": "doc-names", "status": "valid", "outputs": ["doc-names.html"], "key": "k"}])
    collection = html.parse(str(tmp_path / "entities" / "index.html")).getroot()
    listed = [a.get("href")[:-len(".html")] for a in collection.xpath("//section[@class='kind-person']//li//a[1]")]
    page = render_page(converted.getroottree())
    in_page = [li.get("id")[len("index-"):] for li in page.xpath("//section[contains(@class, 'index-person')]//li")]
    assert listed == in_page
    assert collection.xpath("string(//section[@class='kind-person']//li[1])").startswith("Brezhnev, Leonid I.")


def test_the_sort_keys_are_valid_tei(converted, tei_all):
    from conftest import assert_valid_tei_all
    from teiedition.safexml import parse_xml_bytes
    from teiedition.validating.validate import Validator

    tei = html.etree.tostring(converted)
    report = Validator(profile="teiedition").validate_tree(parse_xml_bytes(tei, name="names.xml"), "names.xml", source=tei)
    assert report.ok, "\n".join(p.format() for p in report.problems)
    assert_valid_tei_all(tei_all, tei, "sortKey")


@pytest.mark.parametrize("name", ["Leonid\u00a0I.\tBrezhnev", "Kim \u200dIl Sung", "Ö\u0308zal  Turgut", "  Kramer  "])
def test_a_sort_key_never_holds_whitespace_or_invisible_characters(name):
    """teidata.word is [^\\p{C}\\p{Z}]+: whatever the authority file holds, the key is a valid @sortKey."""
    from teiedition.name_order import sort_key

    key = sort_key(name)
    assert key and not any(unicodedata.category(c)[0] in "CZ" for c in key)


def test_foreign_tei_sorts_by_its_own_sort_key_then_surname_then_name():
    """A TEI from elsewhere: @sortKey when it has one, else its heading: by its own <surname>, else as printed."""
    standoff = ('<standOff><listPerson>'
                '<person xml:id="a"><persName>Ann Zed</persName></person>'                      # by name: "ann zed"
                '<person xml:id="b"><persName><forename>Carl</forename> <surname>Able</surname></persName></person>'
                '<person xml:id="c" sortKey="Aardvark"><persName>Zoe Quill</persName></person>'
                '<person xml:id="d"><persName>Bea Ray</persName></person>'
                '</listPerson></standOff>')
    body = "".join(f'<p><persName ref="#{i}">{n}</persName></p>' for i, n in
                   (("a", "Ann Zed"), ("b", "Carl Able"), ("c", "Zoe Quill"), ("d", "Bea Ray")))
    page = render_page(tei_doc(body, standoff=standoff))
    assert _index_persons(page) == ["Zoe Quill", "Able, Carl", "Ann Zed", "Bea Ray"]


def test_kim_il_sung_links_to_his_wikidata_record(converted):
    """Issue 21: the authority records Q41117 (a source row with his name and dates; Q39464 is Pol Pot)."""
    person = xp(converted, "//t:person[@xml:id='pers-kim-il-sung']")[0]
    assert person.get("sameAs") == "http://www.wikidata.org/entity/Q41117"
    page = render_page(converted.getroottree())
    entry = page.one("//li[@id='index-pers-kim-il-sung']")
    assert entry.xpath(".//a[@class='authority-id']/@href") == ["https://www.wikidata.org/wiki/Q41117"]
