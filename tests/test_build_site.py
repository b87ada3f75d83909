"""The built collection as a site: previous/next by date, version and run date, search data.

Runs the real pipeline (no PDFs) on a few dev-corpus documents; the browser
side (search, facets, following the links) is in tests/browser/test_site_browser.py.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import html5lib
import pytest
from lxml import etree

from conftest import DEV_CORPUS
from teiedition import __version__
from teiedition.building import site as sitemod
from teiedition.building.build import run_build
from teiedition.building.search_records import read_share, search_share
from teiedition.building.search_shards import TermSpool, read_script, script

XHTML = "{http://www.w3.org/1999/xhtml}"
#: dates: dev07 1954-11-02, dev03 1959-11-16, dev05 1963-10-11, dev12 1968-04-29
FIRST = ("dev07", "dev03", "dev12")


def build(src: Path, out: Path, run_date: str = "2026-01-01", **options):
    summary = run_build(src, out, jobs=1, pdf=False, progress=False, stream=io.StringIO(),
                        run_date=run_date, **options)
    return summary


def sources(folder: Path, ids) -> Path:
    folder.mkdir(exist_ok=True)
    for doc_id in ids:
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", folder / f"{doc_id}.txt")
    return folder


def bar(out: Path, doc_id: str) -> dict:
    tree = html5lib.parse((out / f"{doc_id}.html").read_text(encoding="utf-8"), treebuilder="lxml")
    nav = tree.find(f".//{XHTML}nav[@class='collection-nav']")
    links = {a.get("rel"): a.get("href") for a in nav.iter(f"{XHTML}a")}
    none = [s.text for s in nav.iter(f"{XHTML}span") if "nav-none" in (s.get("class") or "")]
    return {"links": links, "none": none}


def search_data(out: Path) -> dict:
    """The search's documents as the browser gets them (meta.js and the text scripts), in date order."""
    folder = out / "assets" / "search"
    meta = read_script(folder / "meta.js")
    values = meta["values"]
    docs = []
    for n in meta["order"]:
        doc_id, href, title, date, year, archive, persons, classification, _, handling = meta["documents"][n]
        docs.append({"id": doc_id, "href": href, "title": title, "date": date, "year": year,
                     "archive": values["archive"][archive] if archive >= 0 else "",
                     "persons": [values["persons"][i] for i in persons],
                     "classification": [values["classification"][i] for i in classification],
                     "handling": [values["handling"][i] for i in handling],
                     "text": read_script(folder / "text" / f"{doc_id}.js")})
    return {"documents": docs}


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    out = tmp / "out"
    build(sources(tmp / "src", FIRST), out)
    return tmp, out


def test_each_page_links_the_index_and_its_neighbours_by_date(collection):
    _, out = collection
    assert bar(out, "dev07") == {"links": {"index": "index.html", "next": "dev03.html"}, "none": ["First document"]}
    assert bar(out, "dev03")["links"] == {"index": "index.html", "prev": "dev07.html", "next": "dev12.html"}
    assert bar(out, "dev12") == {"links": {"index": "index.html", "prev": "dev03.html"}, "none": ["Last document"]}


def test_pages_carry_the_version_and_the_run_date(collection):
    _, out = collection
    page = (out / "dev03.html").read_text(encoding="utf-8")
    assert f'with teiedition <span class="version">{__version__}</span>' in page
    assert '<time datetime="2026-01-01">1 January 2026</time>' in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-01-01">1 January 2026</time>' in index and __version__ in index


def test_pages_stay_well_formed_html5(collection):
    _, out = collection
    parser = html5lib.HTMLParser(strict=True)
    parser.parse((out / "dev03.html").read_text(encoding="utf-8"))
    assert parser.errors == []


def test_same_sources_and_run_date_give_the_same_site(collection, tmp_path):
    src, out = collection[0] / "src", collection[1]
    other = tmp_path / "again"
    build(src, other)
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            assert (other / path.relative_to(out)).read_bytes() == path.read_bytes(), path.name


def test_the_site_pass_holds_no_text_term_or_bar_of_the_whole_collection(collection, tmp_path, monkeypatch):
    """Issue 19, memory flat in the collection's size: each document's text is written as it is read
    and its terms wait on disk (here every document's go through the disk), the bars are rendered a
    batch at a time; the site is the same, byte for byte."""
    monkeypatch.setattr(TermSpool, "FLUSH_TERMS", 1)
    monkeypatch.setattr(sitemod, "NAV_BATCH", 2)
    batches, held = [], []
    render_navs, write_search = sitemod.render_navs, sitemod.write_search
    monkeypatch.setattr(sitemod, "render_navs", lambda navs: batches.append(len(navs)) or render_navs(navs))

    def spy(assets, docs, *args, **kwargs):
        texts = {p.stem for p in (assets / "search" / "text").glob("*.js")}
        held.extend((doc.record["id"], sorted(vars(doc)), doc.record["id"] in texts) for doc in docs)
        return write_search(assets, docs, *args, **kwargs)

    monkeypatch.setattr(sitemod, "write_search", spy)
    src, out = collection[0] / "src", collection[1]
    other = tmp_path / "again"
    build(src, other)
    assert batches == [2, 1]
    assert sorted(held) == [(doc_id, ["digests", "keys", "lengths", "record"], True) for doc_id in sorted(FIRST)]
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            assert (other / path.relative_to(out)).read_bytes() == path.read_bytes(), path.name


def test_a_new_document_rewrites_only_its_neighbours_bars(tmp_path, monkeypatch):
    src, out = sources(tmp_path / "src", FIRST), tmp_path / "out"
    build(src, out)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}
    read = []
    real = sitemod.search_entry  # the site pass reading a TEI itself
    monkeypatch.setattr(sitemod, "search_entry", lambda tree, row: read.append(row["id"]) or real(tree, row))
    sources(src, ["dev05"])  # 1963: between dev03 (1959) and dev12 (1968)
    summary = build(src, out, run_date="2026-02-02")
    assert summary.built == 1
    assert bar(out, "dev03")["links"]["next"] == "dev05.html"
    assert bar(out, "dev12")["links"]["prev"] == "dev05.html"
    assert bar(out, "dev05")["links"] == {"index": "index.html", "prev": "dev03.html", "next": "dev12.html"}
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}
    assert after["dev07.html"] == before["dev07.html"]  # not a neighbour: untouched
    # the pass reads no TEI: unchanged documents come from its cache, the new one from its worker's share
    assert read == []
    assert not (out / sitemod.SHARE_FOLDER).exists()  # shares are consumed
    assert [d["id"] for d in search_data(out)["documents"]] == ["dev07", "dev03", "dev05", "dev12"]
    # the index says when the collection last changed; the old pages keep their run date
    assert '<time datetime="2026-02-02">' in (out / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-01-01">' in (out / "dev03.html").read_text(encoding="utf-8")


def test_a_removed_document_leaves_the_chain_and_the_search(tmp_path):
    src, out = sources(tmp_path / "src", FIRST), tmp_path / "out"
    build(src, out)
    (src / "dev03.txt").unlink()
    build(src, out)
    assert bar(out, "dev07")["links"]["next"] == "dev12.html"
    assert [d["id"] for d in search_data(out)["documents"]] == ["dev07", "dev12"]


def test_search_data_has_the_facets_and_every_word_of_the_text(collection):
    _, out = collection
    docs = {d["id"]: d for d in search_data(out)["documents"]}
    dev03 = docs["dev03"]
    assert (dev03["year"], dev03["archive"], dev03["href"]) == ("1959", "AVPRF", "dev03.html")
    assert "TOP SECRET" in dev03["classification"]
    assert "Alexander M. Puzanov" in dev03["persons"]
    assert dev03["handling"] == []
    tree = etree.parse(str(out / "dev03.xml"))
    body = tree.find("{http://www.tei-c.org/ns/1.0}text/{http://www.tei-c.org/ns/1.0}body")
    first_p = " ".join("".join(body.find(".//{http://www.tei-c.org/ns/1.0}p").itertext()).split())
    assert first_p[:60] in dev03["text"]


def test_reading_text_takes_corrections_and_leaves_out_margin_marks():
    tei = etree.fromstring(
        '<text xmlns="http://www.tei-c.org/ns/1.0"><body><p>The <choice><sic>teh</sic><corr>the</corr></choice> '
        'plan<metamark rend="underline">|</metamark> was</p><p>approved<note>Handwritten: yes.</note></p></body></text>')
    assert sitemod.plain_text(tei) == "The the plan was approved Handwritten: yes."


def test_search_data_cannot_end_its_script_early(tmp_path):
    value = {"title": "</script><script>alert(1)</script>", "text": "a\u2028b"}
    js = script("text", "x", value)
    assert b"</script" not in js and "\u2028".encode() not in js
    (tmp_path / "x.js").write_bytes(js)
    assert read_script(tmp_path / "x.js") == value


def test_render_on_its_own_has_no_collection_bar(collection):
    from teiedition.rendering.render import HtmlRenderer
    from teiedition.safexml import parse_xml_file

    html = HtmlRenderer().render(parse_xml_file(collection[1] / "dev03.xml"), tei_href="dev03.xml")
    assert "collection-nav" not in html and "build-line" not in html


def test_the_index_links_the_entity_pages_and_the_dts_entry_point(collection):
    _, out = collection
    tree = html5lib.parse((out / "index.html").read_text(encoding="utf-8"), treebuilder="lxml")
    nav = tree.find(f".//{XHTML}nav[@class='collection-links']")
    assert nav is not None and nav.get("aria-label")
    hrefs = [a.get("href") for a in nav.iter(f"{XHTML}a")]
    assert hrefs == ["entities/index.html", "dts/entry.jsonld"]
    assert all((out / href).is_file() for href in hrefs)


def test_the_index_links_only_what_was_built(collection):
    from teiedition.building.catalogue import index_html

    rows = json.loads((collection[1] / "catalogue.json").read_text(encoding="utf-8"))["documents"]
    assert '<nav class="collection-links"' not in index_html(rows, search=True)
    only = index_html(rows, search=True, links={"dts": "dts/entry.jsonld"})
    assert 'href="dts/entry.jsonld"' in only and "entities/" not in only


def _tei(stand_off: str, body: str) -> etree._Element:
    return etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
        f'<text><body><div>{body}</div></body></text><standOff>{stand_off}</standOff></TEI>').getroottree()


def test_the_search_record_carries_the_authority_s_variant_names():
    """Issue 21: `Chou En-lai`, a Cyrillic or Chinese form finds the documents printing `Zhou Enlai`."""
    tree = _tei('<listPerson><person xml:id="pers-zhou-enlai"><persName>Zhou Enlai</persName></person>'
                '<person xml:id="pers-kim-il-sung"><persName>Kim Il Sung</persName></person></listPerson>',
                '<p><persName ref="#pers-zhou-enlai">Zhou Enlai</persName> met '
                '<persName ref="#pers-kim-il-sung">Kim Il Sung</persName>.</p>')
    names = sitemod.search_record(tree, {"id": "x", "html": "x.html"})["names"]
    assert {"Chou En-lai", "Чжоу Эньлай", "周恩来", "Kim Ilsung", "Ким Ир Сен", "金日成"} <= set(names)


def test_an_id_reused_for_another_name_gets_no_variants():
    tree = _tei('<listPerson><person xml:id="pers-zhou-enlai"><persName>Jane Roe</persName></person></listPerson>',
                '<p>Jane Roe.</p>')
    assert sitemod.search_record(tree, {"id": "x", "html": "x.html"})["names"] == []


def test_handling_marks_are_not_classifications():
    """Issue 21: the classification facet shows levels; `Making copies prohibited` is a handling mark."""
    marks = "".join(f'<seg type="classification">{m}</seg>' for m in
                    ("Secret Document 21", "Making Copies Prohibited", "Strictly secret.", "TOP SECRET"))
    record = sitemod.search_record(_tei("", f"<opener>{marks}</opener><p>x</p>"), {"id": "x", "html": "x.html"})
    assert record["classification"] == ["SECRET", "STRICTLY SECRET", "TOP SECRET"]
    assert record["handling"] == ["MAKING COPIES PROHIBITED"]


def test_supplied_words_keep_their_brackets_in_the_search_text():
    """Snippets quote the text as the page shows it: Beiping [Beijing]."""
    tree = _tei("", '<p>From Beiping <supplied reason="gloss">Beijing</supplied> he went.</p>')
    assert "From Beiping [Beijing] he went." in sitemod.search_record(tree, {"id": "x", "html": "x.html"})["text"]


def test_a_workers_search_share_is_used_only_for_the_tei_and_row_it_was_made_from(tmp_path):
    """The worker leaves its share of the search; the pass must not take a share of another TEI
    (a document rebuilt since) or another catalogue row for it: it then reads the TEI itself."""
    tree = _tei("", "<p>The plan was approved in Beiping.</p>")
    tei = etree.tostring(tree)
    path, data = search_share(tree, "x", tei, {"title": "T", "date": "1960-01-02"})
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_bytes(data)
    row = {"id": "x", "html": "x.html", "tei": "x.xml", "title": "T", "date": "1960-01-02"}
    record, lengths, terms, text = read_share(tmp_path, row, tei)
    assert (record, lengths, terms, text) == sitemod.search_entry(tree, row)
    assert terms["beiping"] and "approved" in text and record["year"] == "1960"
    assert read_share(tmp_path, row, tei.replace(b"plan", b"deal")) is None
    assert read_share(tmp_path, {**row, "title": "Another title"}, tei) is None
