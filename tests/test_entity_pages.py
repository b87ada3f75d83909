"""Entity pages: every person, organisation and place the collection names, with every paragraph."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import DEV_CORPUS, RUN_DATE, SEEDS
from teiedition.building.build import run_build
from teiedition.building.entity_pages import read_document

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}

#: An invented document: names in paragraphs, in the opener, in a note, and in a correction.
DOC = f"""<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>An invented memo</title></titleStmt>
</fileDesc><profileDesc><creation><date when="1961-03-04">4 March 1961</date></creation></profileDesc></teiHeader>
<text><body><div type="document">
<opener><dateline>Written in <placeName ref="#place-a">Alphaville</placeName></dateline></opener>
<p xml:id="p1">The minister <persName ref="#pers-b">B. Bravo</persName> met the <orgName ref="#org-c">Council</orgName>.</p>
<p xml:id="p2">Later <choice><sic>Bravvo</sic><corr>Bravo</corr></choice> said that <persName ref="#pers-b">Bravo</persName> would go
to <placeName ref="#place-a">Alphaville</placeName> and <placeName ref="#place-a">Alphaville</placeName> again.<note xml:id="tn1"
type="translator">A note naming <persName ref="#pers-b">Bravo</persName>.</note></p>
<p xml:id="p3">Nobody named <persName ref="#pers-unknown">X</persName> and <persName>nobody</persName>.</p>
</div></body></text>
<standOff><listPerson><person xml:id="pers-b" sameAs="http://www.wikidata.org/entity/Q42"><persName>Boris Bravo</persName>
<note>An invented minister.</note></person></listPerson>
<listOrg><org xml:id="org-c"><orgName>The Council</orgName></org></listOrg>
<listPlace><place xml:id="place-a"><placeName>Alphaville</placeName></place></listPlace></standOff></TEI>"""


@pytest.fixture(scope="module")
def doc():
    return read_document(etree.fromstring(DOC.encode()).getroottree(), "memo")


def where(doc, entity):
    return [(m["anchor"], m["label"], m["count"]) for m in doc["mentions"] if m["entity"] == entity]


def test_entries_come_from_the_stand_off(doc):
    assert doc["entries"]["pers-b"] == {"kind": "person", "name": "Boris Bravo", "note": "An invented minister.",
                                        "sameAs": "http://www.wikidata.org/entity/Q42"}
    assert doc["title"] == "An invented memo" and doc["date"] == "1961-03-04"


def test_each_paragraph_once_with_its_count(doc):
    assert where(doc, "place-a") == [("document", "dateline", 1), ("p2", "¶ 2", 2)]
    assert where(doc, "pers-b") == [("p1", "¶ 1", 1), ("p2", "¶ 2", 2)]  # the note is part of its paragraph
    assert where(doc, "org-c") == [("p1", "¶ 1", 1)]


def test_a_name_without_an_authority_entry_is_not_listed(doc):
    assert not where(doc, "pers-unknown")


def test_context_reads_the_corrected_text(doc):
    [first] = [m for m in doc["mentions"] if m["entity"] == "pers-b" and m["anchor"] == "p2"]
    assert first["before"] == "Later Bravo said that "
    assert first["words"] == "Bravo" and first["after"].startswith(" would go to Alphaville")


# --------------------------------------------------------------------------- a real build

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("entities")
    src = root / "src"
    src.mkdir()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(DEV_CORPUS.glob("*.txt"))[:3]:
        shutil.copy(path, src / path.name)
    out = root / "out"
    run_build(src, out, jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    return src, out


def tei_mentions(out: Path) -> dict[str, set[tuple[str, str]]]:
    """From the TEI files: entity id -> {(document, paragraph xml:id)} for every name in a body paragraph."""
    found: dict[str, set] = {}
    for tei in sorted(out.glob("*.xml")):
        tree = etree.parse(str(tei))
        for name in tree.xpath("//t:text//t:p[not(ancestor::t:p or ancestor::t:note)]"
                               "//*[self::t:persName or self::t:orgName or self::t:placeName][starts-with(@ref, '#')]",
                               namespaces=NS):
            ident = name.get("ref")[1:]
            if not tree.xpath("//t:standOff//*[@xml:id = $i]", i=ident, namespaces=NS):
                continue
            p = name.xpath("ancestor::t:p[not(ancestor::t:p or ancestor::t:note)][1]", namespaces=NS)[0]
            # a paragraph without an id (a postscript's) is linked to the document itself
            anchor = p.get("{http://www.w3.org/XML/1998/namespace}id") or "document"
            found.setdefault(ident, set()).add((tei.stem, anchor))
    return found


def page_links(page: Path) -> set[tuple[str, str]]:
    links = set()
    for a in html.parse(str(page)).getroot().xpath("//a[@class='place']"):
        m = re.fullmatch(r"\.\./(.+)\.html#(.+)", a.get("href"))
        if m:
            links.add((m.group(1), m.group(2)))
    return links


def test_every_mentioned_entity_has_a_page_listing_every_paragraph(built):
    _, out = built
    expected = tei_mentions(out)
    assert len(expected) > 20
    for ident, places in expected.items():
        page = out / "entities" / f"{ident}.html"
        assert page.is_file(), ident
        assert places <= page_links(page), ident


def test_links_land_on_anchors_of_the_document_pages(built):
    _, out = built
    ids: dict[str, set[str]] = {}
    for page in sorted((out / "entities").glob("*.html")):
        for doc, anchor in page_links(page):
            if doc not in ids:
                ids[doc] = set(html.parse(str(out / f"{doc}.html")).getroot().xpath("//@id"))
            assert anchor in ids[doc], (page.name, doc, anchor)


def test_wikidata_link_and_the_index(built):
    _, out = built
    pages = [p for p in (out / "entities").glob("*.html") if p.name != "index.html"]
    with_wikidata = [p for p in pages if 'href="https://www.wikidata.org/wiki/Q' in p.read_text()]
    assert with_wikidata, "no entity of the sample has a Wikidata link"
    index = html.parse(str(out / "entities" / "index.html")).getroot()
    listed = {a.get("href") for a in index.xpath("//ul[@class='entities']//a")}
    assert listed == {p.name for p in pages}
    assert [h.text_content().split(" (")[0] for h in index.xpath("//h2")] == ["Persons", "Organisations", "Places"]


def test_an_unchanged_build_rewrites_no_page_and_a_removed_document_leaves(built, tmp_path):
    src, out = built
    work_src, work_out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(src, work_src)
    shutil.copytree(out, work_out, symlinks=True)
    stamps = {p: p.stat().st_mtime_ns for p in (work_out / "entities").glob("*.html")}
    run_build(work_src, work_out, jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    assert {p: p.stat().st_mtime_ns for p in (work_out / "entities").glob("*.html")} == stamps
    seed = next(SEEDS.glob("*.txt")).stem
    only_seed = {i for i, places in tei_mentions(work_out).items() if {d for d, _ in places} == {seed}}
    (work_src / f"{seed}.txt").unlink()
    run_build(work_src, work_out, jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    left = {p.stem for p in (work_out / "entities").glob("*.html")}
    assert only_seed and not (only_seed & left)
    for page in (work_out / "entities").glob("*.html"):
        assert f"{seed}.html" not in page.read_text()


def test_document_pages_link_their_index_entries_to_the_entity_pages(built):
    _, out = built
    links = []
    for page in sorted(out.glob("*.html")):
        if page.name == "index.html":
            continue
        links += [(page.name, a.get("href")) for a in html.parse(str(page)).getroot().xpath("//a[@class='index-entity-page']")]
    assert len(links) > 20
    for page, href in links:
        assert (out / href).is_file(), (page, href)


def test_a_page_deleted_by_hand_is_made_again(built, tmp_path):
    src, out = built
    work = tmp_path / "out"
    shutil.copytree(out, work, symlinks=True)
    page = next(p for p in (work / "entities").glob("*.html") if p.name != "index.html")
    kept = page.read_bytes()
    page.unlink()
    run_build(src, work, jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    assert page.read_bytes() == kept


# --------------------------------------------------------------------------- the index of names (issue 21)

def _person_doc(stand_off: str, body: str, date: str = "1960-01-01") -> str:
    return (f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>Doc {date}</title></titleStmt></fileDesc>'
            f'<profileDesc><creation><date when="{date}">{date}</date></creation></profileDesc></teiHeader>'
            f'<text><body><div type="document">{body}</div></body></text>'
            f'<standOff><listPerson>{stand_off}</listPerson></standOff></TEI>')


def _write_pages(tmp_path, docs: dict[str, str]) -> Path:
    from teiedition.building.entity_pages import write_entity_pages

    for doc_id, text in docs.items():
        (tmp_path / f"{doc_id}.xml").write_text(text, encoding="utf-8")
    write_entity_pages(tmp_path, [{"id": d, "status": "valid", "outputs": [f"{d}.html"], "key": d} for d in docs])
    return tmp_path / "entities"


def _listed_persons(folder: Path) -> list[str]:
    index = html.parse(str(folder / "index.html")).getroot()
    return [li.text_content().split(" (")[0] for li in index.xpath("//section[@class='kind-person']//li")]


def test_persons_are_listed_by_family_name(tmp_path):
    """Brezhnev under B (not Leonid under L); Kim Il Sung and Zhou Enlai, family name first already, as they are."""
    people = {"pers-brezhnev": "Leonid I. Brezhnev", "pers-kim-il-sung": "Kim Il Sung", "pers-zhou-enlai": "Zhou Enlai",
              "pers-syngman-rhee": "Syngman Rhee", "pers-kramer": "Kramer", "pers-andropov": "Yuri V. Andropov"}
    stand_off = "".join(f'<person xml:id="{i}"><persName>{n}</persName></person>' for i, n in people.items())
    body = "".join(f'<p><persName ref="#{i}">{n}</persName></p>' for i, n in people.items())
    folder = _write_pages(tmp_path, {"d1": _person_doc(stand_off, body)})
    assert _listed_persons(folder) == ["Andropov, Yuri V.", "Brezhnev, Leonid I.", "Kim Il Sung", "Kramer",
                                       "Rhee, Syngman", "Zhou Enlai"]


def test_a_surname_alone_joins_the_full_entry_the_authority_gives_it(tmp_path):
    """A document whose own entry names only `Puzanov` is listed under Alexander M. Puzanov, and its page points there."""
    full = _person_doc('<person xml:id="pers-puzanov"><persName>Alexander M. Puzanov</persName></person>',
                       '<p xml:id="p1"><persName ref="#pers-puzanov">A. M. Puzanov</persName> arrived.</p>')
    alone = _person_doc('<person xml:id="pers-local-puzanov"><persName>Puzanov</persName></person>'
                        '<person xml:id="pers-kramer"><persName>Kramer</persName></person>',
                        '<p xml:id="p1"><persName ref="#pers-local-puzanov">Puzanov</persName> and '
                        '<persName ref="#pers-kramer">Kramer</persName> left.</p>', date="1961-01-01")
    folder = _write_pages(tmp_path, {"d1": full, "d2": alone})
    assert _listed_persons(folder) == ["Kramer", "Puzanov, Alexander M."]  # Kramer: the authority knows no more
    page = html.parse(str(folder / "pers-puzanov.html")).getroot()
    assert [a.get("href") for a in page.xpath("//a[@class='place']")] == ["../d1.html#p1", "../d2.html#p1"]
    moved = html.parse(str(folder / "pers-local-puzanov.html")).getroot()
    assert [a.get("href") for a in moved.xpath("//main//a[not(ancestor::nav)]")] == ["pers-puzanov.html"]


def test_entity_pages_colour_their_links_as_the_document_pages_do(built):
    """Issue 21: one link style across the edition (the document pages' --link colour, also once visited)."""
    from teiedition.rendering.render import ASSETS

    _, out = built
    link = re.search(r"--link:\s*(#[0-9a-f]{6})", (ASSETS / "edition.css").read_text()).group(1)
    for page in ("index.html", "pers-kim-il-sung.html"):
        assert re.search(r"(^|[\s}])a\{color:" + link + "}", (out / "entities" / page).read_text()), page


def _pass(folder: Path, docs: dict[str, str], *, force: bool = False) -> dict[str, bytes]:
    """One entity pass over ``docs`` (each under a key of its text); the pages it leaves."""
    import hashlib

    from teiedition.building.entity_pages import write_entity_pages

    for old in folder.glob("*.xml"):
        if old.stem not in docs:
            old.unlink()
    for doc_id, text in docs.items():
        (folder / f"{doc_id}.xml").write_text(text, encoding="utf-8")
    write_entity_pages(folder, [{"id": d, "status": "valid", "outputs": [f"{d}.html"],
                                 "key": hashlib.sha256(t.encode()).hexdigest()} for d, t in docs.items()], force=force)
    return {p.name: p.read_bytes() for p in (folder / "entities").glob("*.html")}


def test_pages_changed_one_document_at_a_time_are_those_of_a_whole_pass(tmp_path):
    """Only the changed entities are rendered again, surnames folding into full entries included."""
    full = _person_doc('<person xml:id="pers-puzanov"><persName>Alexander M. Puzanov</persName></person>',
                       '<p xml:id="p1"><persName ref="#pers-puzanov">A. M. Puzanov</persName> arrived.</p>')
    alone = _person_doc('<person xml:id="pers-local-puzanov"><persName>Puzanov</persName></person>'
                        '<person xml:id="pers-kramer"><persName>Kramer</persName></person>',
                        '<p xml:id="p1"><persName ref="#pers-local-puzanov">Puzanov</persName> and '
                        '<persName ref="#pers-kramer">Kramer</persName> left.</p>', date="1959-01-01")
    steps = [{"d1": full}, {"d1": full, "d2": alone}, {"d1": full, "d2": alone.replace(" left.", " left early.")},
             {"d2": alone}, {"d2": alone, "d3": full.replace("1960", "1958")}, {}]
    kept = tmp_path / "kept"
    kept.mkdir()
    for n, docs in enumerate(steps):
        whole = tmp_path / f"whole{n}"
        whole.mkdir()
        assert _pass(kept, docs) == _pass(whole, docs, force=True), n
    assert _pass(kept, {"d2": alone}).keys() == {"index.html", "pers-puzanov.html", "pers-local-puzanov.html",
                                                 "pers-kramer.html"}
