"""A project's ODD: compiled by the TEI Stylesheets under saxonche, cached, validated with RNG and Schematron.

Golden tests compare with the TEI Stylesheets' own expected results (their
``Test/test.odd``); TEI Lite and the manuscript schema compile and validate
samples; invented ODDs test chaining, @source resolution, the cache and the
command line.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teiedition.cli import main
from teiedition.validating import odd as odd_module
from teiedition.validating.odd import compile_odd, odd_chain
from teiedition.validating.validate import Validator

FIX = Path(__file__).parent / "fixtures"
GOLDEN = FIX / "tei-stylesheets-tests"
EXEMPLARS = FIX / "tei-exemplars"
ODD = FIX / "odd"
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*) \[(?P<rule>[^\]]+)\]")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory):
    """One cache for the module (each ODD compiles once); never the user's own cache."""
    folder = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("TEIEDITION_CACHE_DIR", str(folder))
    yield folder
    mp.undo()


def canonical(path: Path, drop_attributes=()) -> bytes:
    """XML without comments, processing instructions and whitespace-only text, in C14N."""
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True, remove_pis=True)
    tree = etree.parse(str(path), parser)
    for el in tree.iter():
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
        for name in drop_attributes:
            el.attrib.pop(name, None)
    return etree.tostring(tree, method="c14n")


def test_stylesheets_test_odd_compiles_to_their_expected_rng_and_schematron():
    result = compile_odd(GOLDEN / "test.odd")
    assert canonical(result.rng) == canonical(GOLDEN / "expected-results" / "test.rng")
    assert canonical(result.sch) == canonical(GOLDEN / "expected-results" / "test.isosch")


def test_second_compile_comes_from_the_cache_fast():
    compile_odd(GOLDEN / "test.odd")
    start = time.perf_counter()
    again = compile_odd(GOLDEN / "test.odd")
    assert again.cached
    assert time.perf_counter() - start < 2  # the bench holds the real target (< 0.2 s); this only proves no recompile


def _report(validator: Validator, path: Path):
    return validator.validate_file(path)


TEI_LITE_SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Invented letter</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt><sourceDesc><p>invented</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <div type="letter"><head>A letter</head>
      <p>Dear <name type="person">Ann</name>, see <ref target="#n1">the note</ref>.</p>
      <note xml:id="n1">A note.</note>
    </div>
  </body></text>
</TEI>
"""


def test_tei_lite_validates_a_sample_and_locates_rng_and_schematron_faults(tmp_path):
    good = tmp_path / "lite.xml"
    good.write_text(TEI_LITE_SAMPLE, encoding="utf-8")
    bad = tmp_path / "lite-bad.xml"
    bad.write_text(TEI_LITE_SAMPLE.replace('<ref target="#n1">', '<ref target="#n1" cRef="x">')
                   .replace("<head>A letter</head>", "<head>A letter</head><msDesc/>"), encoding="utf-8")
    validator = Validator("none", [EXEMPLARS / "tei_lite.odd"])
    assert _report(validator, good).ok
    report = _report(validator, bad)
    assert not report.ok
    found = {(p.line, p.rule.split(":")[0], p.xpath) for p in report.problems}
    assert (6, "odd", "/TEI/text/body/div/msDesc") in found  # TEI Lite has no msDesc
    sch = [p for p in report.problems if "cRef" in p.message]
    assert sch and sch[0].line == 7 and sch[0].xpath == "/TEI/text/body/div/p/ref"
    assert sch[0].rule.startswith("schematron-constraint-tei_lite-ref")


MS_SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Invented manuscript</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt>
    <sourceDesc>
      <msDesc>
        <msIdentifier><settlement>Nowhere</settlement><repository>Invented Library</repository>
          <idno>MS 1</idno></msIdentifier>
        <msContents><p>Letters.</p></msContents>
      </msDesc>
    </sourceDesc></fileDesc></teiHeader>
  <text><body><p>Text.</p></body></text>
</TEI>
"""


def test_tei_ms_compiles_and_validates_a_manuscript_description(tmp_path):
    good = tmp_path / "ms.xml"
    good.write_text(MS_SAMPLE, encoding="utf-8")
    bad = tmp_path / "ms-bad.xml"
    bad.write_text(MS_SAMPLE.replace("<text><body><p>Text.</p>", "<text><body><castList/><p>Text.</p>")
                   .replace("<msContents>", "<msContents><msIdentifier/>"), encoding="utf-8")
    validator = Validator("none", [EXEMPLARS / "tei_ms.odd"])
    assert _report(validator, good).ok, _report(validator, good).problems
    report = _report(validator, bad)
    assert not report.ok
    rules = {p.rule.rsplit("-", 1)[0] for p in report.problems}
    assert rules == {"odd:tei_ms.odd", "schematron-constraint-tei_ms-msIdentifier-msId_minimal"}
    minimal = next(p for p in report.problems if p.rule.startswith("schematron"))
    assert minimal.line == 9 and minimal.xpath.endswith("/msContents/msIdentifier")
    assert {(p.line, p.xpath) for p in report.problems} >= {(9, "/TEI/teiHeader/fileDesc/sourceDesc/msDesc/msContents/msIdentifier"),
                                                            (12, "/TEI/text/body/castList")}


def test_chained_odd_compiles_its_base_first_and_checks_both_rng_and_schematron():
    base = Validator("none", [ODD / "base.odd"])
    assert base.validate_file(ODD / "doc.xml").ok
    child = Validator("none", [ODD / "child.odd"])
    report = child.validate_file(ODD / "doc.xml")
    by_rule = {p.rule.split("-")[0] if p.rule.startswith("schematron") else p.rule: p for p in report.problems}
    assert set(by_rule) == {"odd:child.odd", "schematron"}
    rng, sch = by_rule["odd:child.odd"], by_rule["schematron"]
    assert (rng.line, rng.xpath) == (7, "/TEI/text/body/p/hi") and 'element "hi" not allowed' in rng.message
    assert (sch.line, sch.col, sch.xpath) == (7, 7, "/TEI/text/body/p/persName[2]")
    assert sch.message == "a person's name needs @ref pointing at the register"


def test_a_change_in_a_chained_base_odd_invalidates_the_cache(tmp_path):
    for name in ("base.odd", "child.odd"):
        shutil.copy(ODD / name, tmp_path / name)
    key = compile_odd(tmp_path / "child.odd").key
    assert compile_odd(tmp_path / "child.odd").cached
    base = tmp_path / "base.odd"
    base.write_text(base.read_text(encoding="utf-8").replace('<moduleRef key="namesdates"/>', ""), encoding="utf-8")
    assert [link.path.name for link in odd_chain(tmp_path / "child.odd")] == ["child.odd", "base.odd"]
    again = compile_odd(tmp_path / "child.odd")
    assert again.key != key and not again.cached


def test_network_sources_are_refused_in_one_line_with_exit_2(tmp_path):
    odd = tmp_path / "net.odd"
    odd.write_text((ODD / "base.odd").read_text(encoding="utf-8")
                   .replace('source="tei:4.8.0"', 'source="https://example.org/my.odd"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(odd), str(ODD / "doc.xml")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "is on the network and is never fetched" in result.stderr


def test_a_missing_chained_source_is_a_one_line_error(tmp_path):
    odd = tmp_path / "lost.odd"
    odd.write_text((ODD / "child.odd").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["schema", str(odd), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert '@source="base.odd" not found' in result.stderr and result.stderr.count("\n") == 1


def test_a_file_without_schema_spec_is_a_one_line_error(tmp_path):
    odd = tmp_path / "prose.odd"
    odd.write_text((ODD / "base.odd").read_text(encoding="utf-8")
                   .replace('<schemaSpec ident="base" start="TEI" source="tei:4.8.0">', "<div>")
                   .replace("</schemaSpec>", "</div>"), encoding="utf-8")
    result = CliRunner().invoke(main, ["schema", str(odd), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "no <schemaSpec> in this file" in result.stderr
    assert not (tmp_path / "out").exists()


def test_schema_command_writes_rng_and_schematron_that_validate(tmp_path):
    result = CliRunner().invoke(main, ["schema", str(ODD / "child.odd"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    rng, sch = tmp_path / "out" / "child.rng", tmp_path / "out" / "child.isosch"
    assert result.stdout.split() == [str(rng), str(sch)]
    cached = compile_odd(ODD / "child.odd")
    assert rng.read_bytes() == cached.rng.read_bytes() and sch.read_bytes() == cached.sch.read_bytes()
    assert etree.parse(str(rng)).getroot().tag == "{http://relaxng.org/ns/structure/1.0}grammar"
    assert etree.parse(str(sch)).getroot().get("queryBinding") == "xslt2"
    assert "persName-ref" in sch.read_text(encoding="utf-8")  # the ODD's own constraint is in the Schematron


def test_validate_cli_with_an_odd_and_profile_none_prints_located_lines():
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(ODD / "child.odd"),
                                       str(ODD / "doc.xml")])
    assert result.exit_code == 1
    lines = [LINE.match(line) for line in result.stdout.splitlines()[:-1]]
    assert all(lines) and {(m["line"], m["sev"]) for m in lines} == {("7", "error")}
    assert result.stdout.splitlines()[-1].startswith("1 file: 0 valid, 1 invalid")


def test_cache_lives_in_the_xdg_cache_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("TEIEDITION_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert odd_module.cache_root() == tmp_path / "xdg" / "teiedition"


def test_a_batch_with_an_odd_runs_in_fresh_workers_and_reports_every_file(tmp_path):
    """saxonche may not survive fork: ODD Schematron batches use fresh workers, and all files are answered."""
    for n in range(6):
        shutil.copy(ODD / "doc.xml", tmp_path / f"doc{n}.xml")
    result = CliRunner().invoke(main, ["validate", "-j", "2", "--profile", "none", "--schema", str(ODD / "child.odd"),
                                       str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1] == "6 files: 0 valid, 6 invalid, 0 unreadable (12 errors, 0 warnings)"
