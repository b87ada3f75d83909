"""`teiedition validate` as editors and pipelines use it: lines, formats, exit codes, batches, profiles."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import TEI_ALL_RNG
from teiedition.cli import main
from teiedition.safexml import parse_xml_file
from teiedition.validating.validate import Report, Validator

VALIDATE = Path(__file__).parent / "fixtures" / "validate"
SCHEMATRON = Path(__file__).parent / "fixtures" / "schematron"
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+) "
                  r"\[(?P<rule>[^\]]+)\](?: \(at (?P<xpath>/[^)]*)\))?$")


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(main, ["validate", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def batch(tmp_path):
    """A folder with two valid files, one invalid, in a subfolder too."""
    shutil.copy(VALIDATE / "minimal.xml", tmp_path / "a.xml")
    (tmp_path / "sub").mkdir()
    shutil.copy(VALIDATE / "house-example.xml", tmp_path / "sub" / "b.xml")
    shutil.copy(VALIDATE / "dangling-pointer.xml", tmp_path / "c.xml")
    (tmp_path / "notes.txt").write_text("not XML, not looked at")
    return tmp_path


def test_valid_file_prints_only_the_summary_and_exits_0():
    code, out, _ = run(str(VALIDATE / "minimal.xml"))
    assert (code, out) == (0, "1 file: 1 valid, 0 invalid, 0 unreadable (0 errors, 0 warnings)\n")


def test_problem_line_has_file_line_column_severity_message_rule_and_path():
    path = SCHEMATRON / "ptr-target.bad.xml"
    code, out, _ = run(str(path))
    assert code == 1
    first = LINE.match(out.splitlines()[0])
    assert first, out
    assert first["file"] == str(path)
    assert first["rule"] == "ptr-target"
    assert first["xpath"] == "/TEI/text/body/p/note"
    line_text = path.read_text(encoding="utf-8").splitlines()[int(first["line"]) - 1]
    assert line_text[int(first["col"]) - 1:].startswith("<note")


def test_summary_counts_files_and_problems(batch):
    code, out, _ = run(str(batch))
    assert code == 1
    assert out.splitlines()[-1] == "3 files: 2 valid, 1 invalid, 0 unreadable (1 error, 0 warnings)"


def test_unreadable_file_wins_the_exit_code(batch):
    (batch / "broken.xml").write_text("<TEI>")
    code, out, _ = run(str(batch))
    assert code == 2
    assert "1 unreadable" in out.splitlines()[-1]


def test_folder_glob_and_file_arguments_are_expanded_once(batch):
    code, out, _ = run(str(batch / "*.xml"), str(batch / "a.xml"), str(batch / "sub"))
    assert out.splitlines()[-1].startswith("3 files:")


def test_glob_matching_nothing_is_reported(tmp_path):
    code, out, _ = run(str(tmp_path / "*.xml"))
    assert code == 2
    assert out.startswith(f"{tmp_path / '*.xml'}:1:1: error: no files match this pattern [unreadable]")


def test_json_report_for_pipelines(batch):
    code, out, _ = run(str(batch), "--format", "json")
    doc = json.loads(out)
    assert code == 1 == doc["summary"]["exit_code"]
    assert doc["profile"] == "teiedition"
    statuses = {Path(f["path"]).name: f["status"] for f in doc["files"]}
    assert statuses == {"a.xml": "valid", "b.xml": "valid", "c.xml": "invalid"}
    problem = next(f for f in doc["files"] if f["status"] == "invalid")["problems"][0]
    assert set(problem) == {"path", "line", "col", "severity", "message", "rule", "xpath"}
    assert problem["rule"] == "ptr-target"


def test_junit_report_for_ci(batch):
    (batch / "broken.xml").write_text("<TEI>")
    code, out, _ = run(str(batch), "--format", "junit")
    assert code == 2
    suite = etree.fromstring(out.encode()).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    cases = {Path(c.get("name")).name: c for c in suite.iter("testcase")}
    assert cases["c.xml"].find("failure").get("type") == "invalid"
    assert cases["broken.xml"].find("error").get("type") == "unreadable"
    assert len(cases["a.xml"]) == 0


def test_parallel_batch_reports_in_the_same_order_as_serial(batch):
    for i in range(6):
        shutil.copy(VALIDATE / "closed-value.xml", batch / f"x{i}.xml")
    serial = run(str(batch), "-j", "1", "--format", "json")
    parallel = run(str(batch), "-j", "2", "--format", "json")
    assert serial == parallel


def test_progress_bar_only_when_asked_or_on_a_terminal(batch):
    _, _, quiet = run(str(batch))
    assert quiet == ""  # not a terminal (CliRunner), so no bar
    _, out, err = run(str(batch), "--progress")
    assert "validate [" in err and "3/3" in err
    assert "validate [" not in out


@pytest.mark.slow
def test_tei_all_profile_needs_no_schema_path_the_package_ships_tei_all(tmp_path, monkeypatch):
    """A fresh install, in an empty folder, with no option and no variable: the packaged tei_all.rng is used."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(str(VALIDATE / "minimal.xml"), "--profile", "tei-all", env={"TEIEDITION_TEI_ALL": ""})
    assert (code, err) == (0, "")
    assert "1 file: 1 valid" in out


def test_tei_all_path_that_does_not_exist(tmp_path):
    code, _, err = run(str(VALIDATE / "minimal.xml"), "--profile", "both", "--tei-all", str(tmp_path / "nope.rng"))
    assert code == 2
    assert "tei_all.rng not found at" in err


@pytest.mark.slow
def test_profile_both_reports_tei_all_problems_with_their_own_rule(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text((VALIDATE / "minimal.xml").read_text(encoding="utf-8")
                   .replace('<p xml:id="p1">', '<p xml:id="p1" foo="bar">'), encoding="utf-8")
    code, out, _ = run(str(bad), "--profile", "both", env={"TEIEDITION_TEI_ALL": str(TEI_ALL_RNG)})
    assert code == 1
    rules = {LINE.match(line)["rule"] for line in out.splitlines()[:-1]}
    assert rules == {"teiedition-xsd", "tei-all"}


def test_users_own_schemas(tmp_path):
    xsd = tmp_path / "mine.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.tei-c.org/ns/1.0">'
                   '<xs:element name="TEI"/></xs:schema>')
    rng = tmp_path / "mine.rng"
    rng.write_text('<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0">'
                   '<empty/></element>')
    sch = tmp_path / "mine.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>'
                   '<pattern><rule context="t:p"><report id="no-paragraphs" role="warning" test="true()">'
                   'This house style wants no paragraphs.</report></rule></pattern></schema>')
    code, out, _ = run(str(VALIDATE / "minimal.xml"), "--schema", str(xsd), "--schema", str(rng), "--schema", str(sch))
    rules = [LINE.match(line)["rule"] for line in out.splitlines()[:-1]]
    assert "rng:mine.rng" in rules  # the element must be empty: it is not
    assert "no-paragraphs" in rules
    assert "xsd:mine.xsd" not in rules  # anyType TEI accepts the document
    warning = next(line for line in out.splitlines() if "[no-paragraphs]" in line)
    assert ": warning: " in warning
    assert code == 1


@pytest.mark.parametrize("name, text, words", [
    ("s.txt", "hello", "unknown schema type"),
    ("s.sch", "<schema", "cannot read Schematron schema"),
    ("s.xsd", "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element/></xs:schema>", "cannot use XML Schema"),
    ("s.rng", "<grammar xmlns='http://relaxng.org/ns/structure/1.0'/>", "cannot use RELAX NG schema"),
    ("s2.sch", "<schema xmlns='http://purl.oclc.org/dsdl/schematron' queryBinding='python'><pattern><rule context='*'>"
               "<assert test='every $x in * satisfies $x'>x</assert></rule></pattern></schema>",
     'queryBinding="python" is not supported'),
    ("s4.sch", "<schema xmlns='http://purl.oclc.org/dsdl/schematron' queryBinding='xslt2'><pattern><rule context='*'>"
               "<assert test='every $x in * satisfies (('>x</assert></rule></pattern></schema>",
     "Schematron schema does not compile"),
    ("s3.sch", "<schema xmlns='http://purl.oclc.org/dsdl/schematron'><pattern><rule context='*'>"
               "<assert test='(('>x</assert></rule></pattern></schema>", "Schematron schema does not compile"),
])
def test_unusable_user_schema_is_a_one_line_usage_error(tmp_path, name, text, words):
    schema = tmp_path / name
    schema.write_text(text)
    code, out, err = run(str(VALIDATE / "minimal.xml"), "--schema", str(schema))
    assert code == 2
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_library_validates_a_tree_it_is_given():
    validator = Validator()
    tree = parse_xml_file(SCHEMATRON / "seg-not-empty.bad.xml")
    report = validator.validate_tree(tree, "in-memory.xml")
    assert isinstance(report, Report)
    assert (report.ok, report.unreadable) == (False, False)
    assert [p.rule for p in report.problems] == ["seg-not-empty"]
    assert report.problems[0].path == "in-memory.xml"


def test_library_reports_unreadable_files_instead_of_raising(tmp_path):
    report = Validator().validate_file(tmp_path / "missing.xml")
    assert (report.ok, report.unreadable) == (False, True)
    assert report.problems[0].format() == f"{tmp_path / 'missing.xml'}:1:1: error: no such file [unreadable]"


def test_a_worker_that_dies_fails_only_the_pending_files(batch, monkeypatch):
    import os

    from teiedition.validating import validate as validate_module

    real = validate_module._safe_validate

    def dies_on_c(validator, path):
        if path.endswith("c.xml"):
            os._exit(9)  # as if the kernel killed the worker
        return real(validator, path)

    for i in range(4):
        shutil.copy(VALIDATE / "minimal.xml", batch / f"m{i}.xml")
    monkeypatch.setattr(validate_module, "_safe_validate", dies_on_c)
    code, out, err = run(str(batch), "-j", "2")
    assert code == 2
    assert "Traceback" not in out + err
    assert "a validation worker died while this file was pending" in out
    assert out.splitlines()[-1].startswith("7 files:")


def test_reader_that_stops_early_gets_no_traceback(batch):
    """`teiedition validate DIR | head -0`: the command ends quietly with its exit code."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "teiedition.cli", "validate", str(batch), "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert err == ""


def test_tei_corpus_without_members_is_pointed_to_the_tei_all_profile(tmp_path):
    corpus = tmp_path / "corpus.xml"
    corpus.write_text('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></teiCorpus>')
    code, out, _ = run(str(corpus))
    assert code == 1
    assert "<teiCorpus> is not a root the house encoding allows (only <TEI>); check other TEI documents with --profile tei-all." in out
