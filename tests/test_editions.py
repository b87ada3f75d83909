"""``editions/`` holds the built edition of ``seeds/`` as the pipeline makes it today.

Why: the repository's published edition must not drift from the code.  Each
committed TEI and HTML file is compared byte for byte with a fresh conversion
and rendering of its seed, using the run date recorded in the committed TEI's
``revisionDesc/change/@when``; the PDF is checked by its metadata and text
(PDF bytes carry timestamps and font subsets).  When a test here fails, the
fix is to rebuild: ``teiedition build seeds -o editions``.
"""

from __future__ import annotations

import json

import pytest

from conftest import EDITIONS, SEEDS, seed_documents
from teiedition import __version__
from teiedition.building.build import PipelineStages
from teiedition.building.outputs import chosen_files, output_names
from teiedition.building.catalogue import catalogue_json, catalogue_rows, index_html, read_record
from teiedition.building.site import collection_links, neighbours, page_params, render_navs, splice_nav
from teiedition.building.citations import citation_names, write_citations
from teiedition.files import decode_source
from teiedition.safexml import parse_xml_bytes, parse_xml_file

TEI_NS = "http://www.tei-c.org/ns/1.0"
SEED_IDS = [p.stem for p in seed_documents()]
REBUILD = "editions/ is out of date: run `teiedition build seeds -o editions`"


@pytest.fixture(scope="module")
def stages():
    return PipelineStages(pdf=False)


def committed(name: str) -> bytes:
    path = EDITIONS / name
    if not path.exists():
        pytest.fail(f"{path} missing; {REBUILD}")
    return path.read_bytes()


def run_date_of(doc_id: str) -> str:
    tree = parse_xml_bytes(committed(f"{doc_id}.xml"), name=f"{doc_id}.xml")
    dates = tree.xpath("/tei:TEI/tei:teiHeader/tei:revisionDesc/tei:change/@when", namespaces={"tei": TEI_NS})
    assert dates, f"{doc_id}.xml records no run date in revisionDesc/change/@when"
    return str(dates[0])


def fresh_tei(stages, doc_id: str) -> bytes:
    source = SEEDS / f"{doc_id}.txt"
    text = decode_source(source.read_bytes(), name=str(source)).text
    tei, _ = stages.convert(text, doc_id=doc_id, source_name=source.name, run_date=run_date_of(doc_id))
    return tei


def test_there_are_seeds():
    assert SEED_IDS, "no seeds/*.txt"


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_committed_tei_is_what_convert_makes_today(stages, doc_id):
    assert committed(f"{doc_id}.xml") == fresh_tei(stages, doc_id), REBUILD


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_committed_validation_report_is_current_and_valid(stages, doc_id):
    names = output_names(doc_id)
    tei = fresh_tei(stages, doc_id)
    checked = stages.validate(parse_xml_bytes(tei, name=names["tei"]), names["tei"], source=tei)
    assert checked.ok, checked.first_problem
    assert committed(names["validation"]).decode("utf-8") == checked.json, REBUILD


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_committed_html_is_what_render_makes_today(stages, doc_id):
    names = output_names(doc_id)
    tree = parse_xml_bytes(fresh_tei(stages, doc_id), name=names["tei"])
    html = stages.html(tree, tei_href=names["tei"], pdf_href=names["pdf"], page=page_params(run_date_of(doc_id)),
                       citation_hrefs=citation_names(doc_id))
    bar = render_navs([neighbours(committed_rows())[doc_id]])[0]
    assert committed(names["html"]).decode("utf-8") == splice_nav(html, bar), REBUILD


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_committed_citation_exports_are_what_build_makes_today(stages, tmp_path, doc_id):
    tree = parse_xml_bytes(fresh_tei(stages, doc_id), name=f"{doc_id}.xml")
    for name in write_citations(tmp_path, doc_id, tree):
        assert committed(name) == (tmp_path / name).read_bytes(), REBUILD


def published_entry(doc_id: str) -> dict:
    """A build manifest's entry for a committed, published seed (the manifest itself is not committed)."""
    names = sorted(chosen_files(doc_id, {"pdf"}))
    return {"id": doc_id, "status": "valid", "key": "", "outputs": names,
            "record": read_record(parse_xml_file(EDITIONS / f"{doc_id}.xml"))}


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_committed_dts_answers_are_what_build_makes_today(stages, doc_id):
    """editions/ is built with the default base URL (/): the site root of whoever serves it."""
    from teiedition.building.dts import Site, citation_tree, document_files, published_documents

    [doc] = published_documents([published_entry(doc_id)])
    tei = fresh_tei(stages, doc_id)
    site = Site(EDITIONS, None)
    files = dict(document_files(site, doc, tei, citation_tree(tei.decode("utf-8"))))
    folder = EDITIONS / "dts" / doc.dts_id
    on_disk = {p for p in folder.rglob("*") if p.is_file()} - {folder / "collection;nav=parents.jsonld"}
    assert on_disk == {site.path(url) for url in files}, REBUILD
    for url, data in files.items():
        assert site.path(url).read_bytes() == data, REBUILD


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_committed_pdf_carries_the_title_and_the_text(doc_id):
    from io import BytesIO

    from pypdf import PdfReader

    record = read_record(parse_xml_file(EDITIONS / f"{doc_id}.xml"))
    reader = PdfReader(BytesIO(committed(f"{doc_id}.pdf")))
    assert reader.metadata.title == record["title"]
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    tree = parse_xml_file(EDITIONS / f"{doc_id}.xml")
    first_p = " ".join("".join(tree.find(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}p").itertext()).split())
    assert first_p[:40] in text, "first paragraph of the body not found in the PDF text"


def committed_rows() -> list[dict]:
    entries = []
    for doc_id in SEED_IDS:
        names = output_names(doc_id)
        report = json.loads(committed(names["validation"]))
        status = "valid" if report["summary"]["invalid"] == 0 and report["summary"]["unreadable"] == 0 else "invalid"
        entries.append({"id": doc_id, "source": f"{doc_id}.txt", "status": status, "reason": "",
                        "outputs": [n for n in names.values() if (EDITIONS / n).exists()],
                        "record": read_record(parse_xml_file(EDITIONS / names["tei"]))})
    return catalogue_rows(entries)


def test_committed_catalogue_and_index_are_current():
    rows = committed_rows()
    assert committed("catalogue.json").decode("utf-8") == catalogue_json(rows), REBUILD
    built = max(run_date_of(doc_id) for doc_id in SEED_IDS)
    index = index_html(rows, search=True, version=__version__, build_date=built, links=collection_links(EDITIONS))
    assert committed("index.html").decode("utf-8") == index, REBUILD


def test_editions_hold_nothing_but_the_seeds_editions():
    expected = {"index.html", "catalogue.json", "catalogue.csv", "assets", "dts", "entities"}
    for doc_id in SEED_IDS:
        expected |= chosen_files(doc_id, {"pdf"})
    present = {p.name for p in EDITIONS.iterdir() if not p.name.startswith(".")}
    assert present == expected
    published = {p.name for p in (EDITIONS / "dts").iterdir() if p.is_dir()}
    assert published == set(SEED_IDS) | {"index", "archive-rgani"}


def test_committed_entity_pages_are_what_build_makes_today():
    """The entity pages are made from the committed TEI, as build makes them."""
    import shutil
    import tempfile
    from pathlib import Path

    from teiedition.building.entity_pages import write_entity_pages

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for doc_id in SEED_IDS:
            shutil.copy(EDITIONS / f"{doc_id}.xml", out)
        write_entity_pages(out, [published_entry(doc_id) for doc_id in SEED_IDS])
        fresh = {p.name: p.read_bytes() for p in (out / "entities").glob("*.html")}
    kept = {p.name: p.read_bytes() for p in (EDITIONS / "entities").glob("*.html")}
    assert kept.keys() == fresh.keys(), REBUILD
    for name, data in fresh.items():
        assert kept[name] == data, f"entities/{name}: {REBUILD}"
