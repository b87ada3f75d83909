"""The Schematron rules, tested by id: a valid and an invalid example per rule.

Examples: tests/fixtures/schematron/<rule-id>.ok.xml (the rule passes, and the
whole document is valid under the teiedition profile and tei_all) and
<rule-id>.bad.xml (the rule fires, on the element at fault).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import assert_valid_tei_all
from teiedition.safexml import parse_xml_bytes, parse_xml_file
from teiedition.validating.schematron import date_agrees, real_iso_date
from teiedition.validating.validate import PROJECT_SCH, Validator

EXAMPLES = Path(__file__).parent / "fixtures" / "schematron"
SCH_NS = {"sch": "http://purl.oclc.org/dsdl/schematron"}


def rule_ids() -> list[str]:
    return sorted(etree.parse(str(PROJECT_SCH)).xpath("//sch:assert/@id | //sch:report/@id", namespaces=SCH_NS))


def fired(path: Path) -> dict[str, list]:
    """Rule id -> problems found in one file by the project profile."""
    report = Validator(profile="teiedition").validate_file(path)
    found: dict[str, list] = {}
    for problem in report.problems:
        found.setdefault(problem.rule, []).append(problem)
    return found


def test_every_assertion_has_an_id_and_a_message():
    tree = etree.parse(str(PROJECT_SCH))
    for node in tree.xpath("//sch:assert | //sch:report", namespaces=SCH_NS):
        assert node.get("id"), f"assertion without @id at line {node.sourceline}"
        assert len(" ".join(node.itertext()).split()) >= 6, f"{node.get('id')}: message too short for an editor"


def test_every_rule_has_a_valid_and_an_invalid_example():
    ids = set(rule_ids())
    examples = {p.name.split(".")[0] for p in EXAMPLES.glob("*.xml")}
    assert ids == examples, f"rules without examples: {sorted(ids - examples)}; examples without rules: {sorted(examples - ids)}"
    for rule in ids:
        assert (EXAMPLES / f"{rule}.ok.xml").is_file() and (EXAMPLES / f"{rule}.bad.xml").is_file(), rule


@pytest.mark.parametrize("rule", rule_ids())
def test_rule_passes_on_its_valid_example(rule):
    found = fired(EXAMPLES / f"{rule}.ok.xml")
    assert found == {}, f"{rule}.ok.xml should be valid:\n" + "\n".join(p.format() for ps in found.values() for p in ps)


@pytest.mark.parametrize("rule", rule_ids())
def test_rule_fires_on_its_invalid_example(rule):
    path = EXAMPLES / f"{rule}.bad.xml"
    found = fired(path)
    assert rule in found, f"{rule} did not fire on {path.name}; found {sorted(found)}"
    problem = found[rule][0]
    source_lines = path.read_text(encoding="utf-8").splitlines()
    tag = problem.xpath.rsplit("/", 1)[-1].split("[")[0]
    assert f"<{tag}" in source_lines[problem.line - 1][problem.col - 1:], (
        f"{rule}: reported at {problem.line}:{problem.col} ({problem.xpath}), not on a <{tag}> start tag")


@pytest.mark.parametrize("rule", rule_ids())
def test_valid_example_is_valid_tei_all(tei_all, rule):
    assert_valid_tei_all(tei_all, parse_xml_file(EXAMPLES / f"{rule}.ok.xml"), f"{rule}.ok.xml")


@pytest.mark.parametrize("value, real", [
    ("1969", True), ("1969-06", True), ("1969-06-09", True), ("1968-02-29", True), ("2000-02-29", True),
    ("1969-02-29", False), ("1900-02-29", False), ("1969-04-31", False), ("1969-13", False),
    ("1969-00-10", False), ("69-06-09", False), ("1969/06/09", False), ("June 1969", False), ("", False),
])
def test_real_iso_date(value, real):
    assert real_iso_date(value) is real


def test_date_real_rule_in_xpath_agrees_with_the_reference(tmp_path):
    """The Schematron's XPath 1.0 calendar check and ``real_iso_date`` judge every value alike."""
    from teiedition.validating.schematron import SchematronSchema
    from teiedition.validating.validate import PROJECT_SCH

    values = ["1969", "1969-06", "1969-06-09", "1968-02-29", "2000-02-29", "2024-02-29", "1969-02-28",
              "1969-12-31", "1969-04-30", "1969-02-29", "1900-02-29", "2023-02-29", "1969-04-31", "1969-12-32",
              "1969-13", "1969-00", "1969-00-10", "1969-06-00", "69-06-09", "196-06-01", "1969/06/09",
              "1969-6-01", "1969-06-9", "1969--6", "19690609", "June 1969", "abcd", "-969", "1969-06-0a", ""]
    doc = '<TEI xmlns="http://www.tei-c.org/ns/1.0">' + "".join(f'<date when="{v}"/>' for v in values) + "</TEI>"
    findings = SchematronSchema(PROJECT_SCH).check(parse_xml_bytes(doc.encode(), name="dates.xml"))
    refused = {f.element.get("when") for f in findings if f.rule == "date-real"}
    assert {v for v in values if not real_iso_date(v)} == refused


@pytest.mark.parametrize("when, text, agrees", [
    ("1969-06-09", "June 9, 1969", True),
    ("1969-06-09", "9 June 1969", True),
    ("1969-06-09", "9 Junes 1969", True),          # the slip keeps its reading
    ("1962-11-05", "5.XI.62", True),
    ("1962-08-28", "28.VIII.1962", True),
    ("1947-12-17", "17.12.47", True),
    ("1950-10-14", "10/14/50", True),
    ("1978-04-14", "April  14th, 1978", True),
    ("1969-06", "June 1969", True),
    ("1969", "in 1969", True),
    ("1959-04-15", "15.IV", True),
    ("1969-06-09", "the same day", True),         # says nothing, contradicts nothing
    ("1969-06-09", "June 10, 1969", False),
    ("1969-06-09", "July 9, 1969", False),
    ("1969-06-09", "June 9, 1970", False),
    ("1962-11-05", "5.X.62", False),
    ("1947-12-17", "17.11.47", False),
    ("1947-12-17", "17.12.48", False),
])
def test_date_agrees(when, text, agrees):
    assert date_agrees(when, text) is agrees


def test_signature_with_no_name_printed_is_not_asked_for_one(tmp_path):
    bad = (EXAMPLES / "signed-persName.bad.xml").read_text(encoding="utf-8")
    bare = bad.replace('<signed>AMBASSADOR <gap reason="signature"><desc>signature</desc></gap> (Yu. Fadeyev)</signed>',
                       '<signed><gap reason="signature"><desc>signature</desc></gap></signed>')
    assert bare != bad
    path = tmp_path / "bare-signature.xml"
    path.write_text(bare, encoding="utf-8")
    assert "signed-persName" not in fired(path)


def test_a_note_that_only_mentions_the_margin_is_not_a_mark(tmp_path):
    ok = (EXAMPLES / "mark-note-target.ok.xml").read_text(encoding="utf-8")
    text = ok.replace("</p>\n    </body>", ' <note type="translator" resp="#translator">Translator’s note: '
                      "the name is written in the margin in another hand</note></p>\n    </body>")
    assert text != ok
    path = tmp_path / "margin-mention.xml"
    path.write_text(text, encoding="utf-8")
    assert fired(path) == {}
