"""The collection's catalogue (JSON, CSV) and index page, as a reader and a harvester see them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import html5lib
from lxml import etree

from hypothesis import given, settings
from hypothesis import strategies as st

from teiedition.building.catalogue import catalogue_csv, catalogue_json, fields, index_html, read_record
from teiedition.building.build import run_build

from test_build_fakes import FakeStages, fake_source

XHTML = "{http://www.w3.org/1999/xhtml}"


def build_collection(tmp_path: Path, texts: dict[str, str]) -> Path:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name, text in texts.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    run_build(src, out, jobs=1, stages=FakeStages, progress=False, stream=io.StringIO(), run_date="2026-01-01")
    return out


def collection(tmp_path: Path) -> Path:
    return build_collection(tmp_path, {
        "late": fake_source("Soviet Embassy, 'Changes in the Views'", date="1969-06-09",
                            summary="The embassy reports on the Korean leadership."),
        "early": fake_source("Ciphered telegram from Beijing", date="1950-07-11", archive="APRF",
                             citation="APRF, fond 45, opis 1, delo 334, listy 71-72",
                             summary="Mao & Zhou discuss <troops>."),
        "broken": fake_source("Broken", body="FAIL"),
    })


def catalogue(out: Path) -> list[dict]:
    return json.loads((out / "catalogue.json").read_text(encoding="utf-8"))["documents"]


def index_tree(out: Path):
    return html5lib.parse((out / "index.html").read_text(encoding="utf-8"), treebuilder="lxml")


def index_rows(out: Path) -> list:
    return index_tree(out).findall(f".//{XHTML}tbody/{XHTML}tr")


def test_catalogue_facts_come_from_the_tei_header(tmp_path):
    entry = next(d for d in catalogue(collection(tmp_path)) if d["id"] == "early")
    assert entry["title"] == "Ciphered telegram from Beijing"
    assert entry["date"] == "1950-07-11"
    assert entry["archive"] == "APRF"
    assert entry["citation"] == "APRF, fond 45, opis 1, delo 334, listy 71-72"


def test_catalogue_gives_paths_and_validation_status(tmp_path):
    entry = next(d for d in catalogue(collection(tmp_path)) if d["id"] == "late")
    assert (entry["tei"], entry["html"], entry["pdf"], entry["validation"]) == (
        "late.xml", "late.html", "late.pdf", "late.validation.json")
    assert entry["status"] == "valid"


def test_catalogue_lists_failed_documents_with_their_reason(tmp_path):
    entry = next(d for d in catalogue(collection(tmp_path)) if d["id"] == "broken")
    assert entry["status"] == "failed" and entry["problems"] == "no title line found"
    assert entry["tei"] is None and entry["html"] is None


def test_catalogue_is_in_date_order(tmp_path):
    dated = [d["id"] for d in catalogue(collection(tmp_path)) if d["date"]]
    assert dated == ["early", "late"]


def test_csv_catalogue_has_the_same_documents_as_json(tmp_path):
    out = collection(tmp_path)
    with open(out / "catalogue.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [d["id"] for d in catalogue(out)]
    assert rows[0]["citation"] == "APRF, fond 45, opis 1, delo 334, listy 71-72"


def test_index_lists_every_document_with_an_edition(tmp_path):
    ids = [tr.get("id") for tr in index_rows(collection(tmp_path))]
    assert ids == ["early", "late"]


def test_index_links_html_tei_and_pdf(tmp_path):
    row = index_rows(collection(tmp_path))[0]
    hrefs = [a.get("href") for a in row.iter(f"{XHTML}a")]
    assert {"early.html", "early.xml", "early.pdf", "early.validation.json"} <= set(hrefs)


def test_index_escapes_titles_and_summaries(tmp_path):
    row = index_rows(collection(tmp_path))[0]
    assert "Mao & Zhou discuss <troops>." in "".join(row.itertext())


def test_index_without_javascript_is_a_readable_table_in_date_order(tmp_path):
    rows = index_rows(collection(tmp_path))
    dates = [r.find(f".//{XHTML}time").text for r in rows]
    assert dates == ["11 July 1950", "9 June 1969"]


def test_index_filter_is_hidden_until_javascript_shows_it(tmp_path):
    tree = index_tree(collection(tmp_path))
    box = tree.find(f".//{XHTML}input[@id='filter']")
    assert box.getparent().get("hidden") is not None


def test_index_offers_sorting_by_date_title_and_archive(tmp_path):
    heads = index_tree(collection(tmp_path)).findall(f".//{XHTML}thead//{XHTML}th")
    assert [h.get("data-sort") for h in heads if h.get("data-sort")] == ["date", "title", "archive"]


def test_index_needs_nothing_from_the_network(tmp_path):
    text = (collection(tmp_path) / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and "url(" not in text


def test_index_marks_invalid_documents(tmp_path):
    out = build_collection(tmp_path, {"inv": fake_source("Invalid one", body="INVALID")})
    row = index_rows(out)[0]
    assert row.find(f".//{XHTML}td[@class='status']/{XHTML}a").text == "invalid"


def test_readable_dates_keep_their_precision():
    rows = [dict(_row("t", "s", "c"), id=f"d{i}", date=date) for i, date in
            enumerate(("1969-06-09", "1969-06", "1969", None, "c. 1969"))]
    tree = html5lib.parse(index_html(rows), treebuilder="lxml")
    shown = [t.text for t in tree.findall(f".//{XHTML}td[@class='date']/{XHTML}time")]
    assert shown == ["9 June 1969", "June 1969", "1969", "undated", "c. 1969"]


def test_record_is_read_with_whitespace_normalised():
    tree = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="x"><teiHeader><fileDesc><titleStmt>'
        b'<title>A\n   long   title</title></titleStmt></fileDesc></teiHeader></TEI>').getroottree()
    assert read_record(tree)["title"] == "A long title"


def test_index_links_survive_awkward_file_names(tmp_path):
    out = build_collection(tmp_path, {"report #5 (draft)": fake_source("Draft")})
    hrefs = [a.get("href") for a in index_rows(out)[0].iter(f"{XHTML}a")]
    assert "report%20%235%20%28draft%29.html" in hrefs


def test_archive_is_the_repository_code_when_the_header_gives_one():
    tree = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc><msDesc><msIdentifier>'
        b'<repository n="RGANI">Russian State Archive of Contemporary History</repository>'
        b'</msIdentifier></msDesc></sourceDesc></fileDesc></teiHeader></TEI>').getroottree()
    record = read_record(tree)
    assert (record["archive"], record["archive_name"]) == ("RGANI", "Russian State Archive of Contemporary History")


def _row(title: str, summary: str, citation: str) -> dict:
    return {"id": "doc", "xml_id": "doc-doc", "title": title, "date": "1969-06-09", "archive": "RGANI", "archive_name": None,
            "citation": citation, "summary": summary, "status": "valid", "problems": None,
            "source": "doc.txt", "tei": "doc.xml", "html": "doc.html", "pdf": None, "validation": None}


# any character a TEI header can hold (XML excludes controls, surrogates, U+FFFE and U+FFFF)
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                min_size=1, max_size=60).filter(
    lambda t: t.strip() == t and "  " not in t)


@settings(max_examples=60, deadline=None)
@given(title=_text, summary=_text, citation=_text)
def test_any_title_summary_and_citation_survive_in_the_index(title, summary, citation):
    row = html5lib.parse(index_html([_row(title, summary, citation)]), treebuilder="lxml").find(
        f".//{XHTML}tbody/{XHTML}tr")
    assert row.find(f".//{XHTML}td[@class='title']/{XHTML}a").text == title
    assert row.find(f".//{XHTML}p[@class='summary']").text == summary
    assert row.find(f".//{XHTML}span[@class='citation']").text == citation


@settings(max_examples=60, deadline=None)
@given(title=_text, citation=_text)
def test_any_title_and_citation_survive_in_the_csv(title, citation):
    text = catalogue_csv([_row(title, "s", citation)])
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    for got, want in ((row["title"], title), (row["citation"], citation)):
        # a cell a spreadsheet would run as a formula is kept as text behind an apostrophe (issue 11)
        assert got == want or (want[:1] in "=+-@\t\r" and got == "'" + want)


def test_index_is_well_formed_html5(tmp_path):
    parser = html5lib.HTMLParser(strict=True)
    parser.parse((collection(tmp_path) / "index.html").read_text(encoding="utf-8"))
    assert parser.errors == []


def test_catalogue_gives_the_tei_xml_id(tmp_path):
    entry = next(d for d in catalogue(collection(tmp_path)) if d["id"] == "late")
    assert entry["xml_id"] == "d-late"


_JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                            max_leaves=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(fields()), _JSON_VALUES), max_size=4))
def test_catalogue_json_is_what_json_dumps_with_indent_writes(rows):
    """The catalogue is encoded row by row (10,000 rows through json's pure-Python indenting encoder
    cost every title edit a fraction of a second): the bytes must stay json.dumps(indent=1)'s."""
    docs = [{k: row.get(k) for k in fields()} for row in rows]
    assert catalogue_json(rows) == json.dumps({"count": len(docs), "documents": docs}, ensure_ascii=False,
                                              indent=1) + "\n"
