"""Citation exports (CSL-JSON, RIS, BibTeX): a manuscript item, read back by other tools."""

from __future__ import annotations

import io
import json
import shutil

import bibtexparser
import pytest
import rispy
from lxml import etree

from conftest import RUN_DATE, SEEDS
from teiedition.building.build import run_build
from teiedition.building.citations import bibtex, csl_json, latex_escape, read_facts, ris

TEI = "http://www.tei-c.org/ns/1.0"

#: An invented header with every fact a citation uses, and LaTeX's special characters in the title.
HEADER = f"""<TEI xmlns="{TEI}" xml:id="doc-12345"><teiHeader><fileDesc><titleStmt>
<title type="main">Memo on 50% of the {{budget}} &amp; the $ rate_2 #3 ~ ^ \\ end</title>
<funder>An Invented Foundation</funder>
<respStmt><resp>translated by</resp><persName>Anna Petrova</persName><persName>Li Wei</persName></respStmt>
<respStmt><resp>obtained or contributed by</resp><persName>Jan   Novak</persName></respStmt>
</titleStmt><publicationStmt><publisher>An Invented Digital Archive</publisher></publicationStmt>
<sourceDesc><msDesc><msIdentifier><country>Hungary</country><settlement>Budapest</settlement>
<repository n="MNL">Hungarian National Archives</repository>
<altIdentifier><idno type="archival-reference">MNL OL, XIX-J-1-j, box 7</idno></altIdentifier>
</msIdentifier></msDesc></sourceDesc></fileDesc>
<profileDesc><abstract><p>Two lines
of summary.</p></abstract><creation><date when="1956-10-23">23 October 1956</date></creation></profileDesc>
</teiHeader><text><body><p>x</p></body></text></TEI>"""


@pytest.fixture(scope="module")
def facts():
    return read_facts(etree.fromstring(HEADER.encode()).getroottree(), "memo")


def test_facts_come_from_the_header(facts):
    assert facts.key == "doc-12345"
    assert facts.archive == "Hungarian National Archives (MNL)"
    assert facts.archive_place == "Budapest, Hungary"
    assert facts.location == "MNL OL, XIX-J-1-j, box 7"
    assert facts.translators == ("Anna Petrova", "Li Wei") and facts.obtainers == ("Jan Novak",)
    assert facts.date_parts == [1956, 10, 23]


def test_csl_json_is_a_manuscript_with_its_archive(facts):
    [item] = json.loads(csl_json(facts))
    assert item["type"] == "manuscript"
    assert item["archive"] == "Hungarian National Archives (MNL)"
    assert item["archive_location"] == "MNL OL, XIX-J-1-j, box 7"
    assert item["archive-place"] == "Budapest, Hungary"
    assert item["issued"] == {"date-parts": [[1956, 10, 23]]}
    assert item["translator"] == [{"family": "Petrova", "given": "Anna"}, {"family": "Wei", "given": "Li"}]
    assert item["title"] == facts.title


def test_ris_reads_back_with_rispy(facts):
    [entry] = rispy.loads(ris(facts))
    assert entry["type_of_reference"] == "MANSCPT"
    assert entry["title"] == facts.title
    assert entry["name_of_database"] == "Hungarian National Archives (MNL)"
    assert entry["accession_number"] == "MNL OL, XIX-J-1-j, box 7"
    assert entry["subsidiary_authors"] == ["Anna Petrova", "Li Wei"]
    assert entry["date"] == "1956/10/23/" and entry["year"] == "1956"
    assert entry["abstract"] == "Two lines of summary."  # one line: RIS has no continuation lines


def test_bibtex_reads_back_with_bibtexparser(facts):
    library = bibtexparser.parse_string(bibtex(facts))
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "unpublished" and entry.key == "doc-12345"
    assert entry["library"] == ("Hungarian National Archives (MNL), Budapest, Hungary: MNL OL, XIX-J-1-j, box 7")
    assert entry["translator"] == "Anna Petrova and Li Wei"
    assert entry["date"] == "1956-10-23"
    assert entry["title"] == "{" + latex_escape(facts.title) + "}"


def test_latex_specials_are_escaped_and_braces_stay_balanced(facts):
    escaped = latex_escape(facts.title)
    assert r"50\% of the \{budget\} \& the \$ rate\_2 \#3" in escaped
    assert r"\textasciitilde{}" in escaped and r"\textbackslash{}" in escaped
    depth = 0
    for i, ch in enumerate(escaped):
        if ch in "{}" and (i == 0 or escaped[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0
    assert depth == 0


def test_a_header_without_archive_or_date_still_cites(tmp_path):
    tree = etree.fromstring(f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>Bare</title>'
                            f'</titleStmt></fileDesc></teiHeader></TEI>'.encode()).getroottree()
    f = read_facts(tree, "bare name")
    assert f.key == "bare-name"
    assert json.loads(csl_json(f))[0] == {"id": "bare-name", "type": "manuscript", "title": "Bare", "language": "en"}
    assert rispy.loads(ris(f))[0]["title"] == "Bare"
    assert bibtexparser.parse_string(bibtex(f)).entries[0]["title"] == "{Bare}"


def test_build_writes_and_links_the_exports_and_removes_them_with_the_source(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, src)
    out = tmp_path / "out"
    options = dict(jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    run_build(src, out, **options)
    names = [f"{seed.stem}{s}" for s in (".bib", ".ris", ".csl.json")]
    html = (out / f"{seed.stem}.html").read_text()
    for name in names:
        assert (out / name).is_file()
        assert f'href="{name}"' in html
    item = json.loads((out / f"{seed.stem}.csl.json").read_text())[0]
    assert item["type"] == "manuscript" and item["archive"] and item["archive_location"]
    (src / seed.name).unlink()
    (src / "other.txt").write_text("A plain text with no conventions.\n", encoding="utf-8")
    run_build(src, out, **options)
    assert not any((out / name).exists() for name in names)
