"""Users' own schemas in every form projects keep them: .rnc, and Schematron of any queryBinding.

Each test would fail without the change: .rnc was "unknown schema type", and
queryBinding xslt2/xslt3 was refused.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from teiedition.cli import main
from teiedition.validating.validate import Validator

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*) \[(?P<rule>[^\]]+)\]")

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Doc</title></titleStmt>
    <publicationStmt><p>test</p></publicationStmt><sourceDesc><p>invented</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p>From <persName ref="#a">Ann</persName> on <date when="1950-02-30">30 Feb</date>,</p>
    <p>to <persName>Bob</persName>.</p>
  </body></text>
</TEI>
"""

RNC = """default namespace = "http://www.tei-c.org/ns/1.0"
start = element TEI { anyAttr, header, element text { element body { para+ } } }
anyAttr = attribute * { text }*
header = element teiHeader { anyContent }
anyContent = (text | element * { anyAttr, anyContent })*
para = element p { (text | persName | date)* }
persName = element persName { attribute ref { text }, text }
date = element date { attribute when { xsd:date }, text }
"""


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIEDITION_CACHE_DIR", str(tmp_path / "cache"))


def _files(tmp_path, schema_name: str, schema_text: str):
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC, encoding="utf-8")
    schema = tmp_path / schema_name
    schema.write_text(schema_text, encoding="utf-8")
    return doc, schema


def test_rnc_schema_is_read_and_reports_located_problems(tmp_path):
    doc, schema = _files(tmp_path, "proj.rnc", RNC)
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(schema), str(doc)])
    assert result.exit_code == 1, result.output
    lines = [LINE.match(line) for line in result.stdout.splitlines()[:-1]]
    assert lines and all(lines)
    assert {m["rule"] for m in lines} == {"rnc:proj.rnc"}
    assert {m["line"] for m in lines} == {"6", "7"}  # the invalid date, the persName without @ref


def test_valid_against_rnc(tmp_path):
    doc, schema = _files(tmp_path, "proj.rnc", RNC)
    doc.write_text(DOC.replace("1950-02-30", "1950-02-28").replace("<persName>Bob", '<persName ref="#b">Bob'),
                   encoding="utf-8")
    assert Validator("none", [schema]).validate_file(doc).ok


def test_broken_rnc_is_a_one_line_usage_error(tmp_path):
    doc, schema = _files(tmp_path, "proj.rnc", "start = element TEI { ")
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(schema), str(doc)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot read RELAX NG compact schema" in result.stderr


SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
  <pattern id="dates">
    <rule context="tei:date[@when]">
      <assert id="real-date" test="@when castable as xs:date">date "<value-of select="@when"/>" does not exist</assert>
    </rule>
  </pattern>
  <pattern>
    <rule context="tei:persName">
      <assert id="person-ref" test="matches(@ref, '^#\\w+$')" role="warning">persName without a #ref</assert>
    </rule>
  </pattern>
</schema>
"""


@pytest.mark.parametrize("binding", ["xslt2", "xslt3"])
def test_schematron_with_xpath2_bindings_runs_with_file_line_col(tmp_path, binding):
    doc, schema = _files(tmp_path, "rules.sch", SCH.format(binding=binding))
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(schema), str(doc)])
    assert result.exit_code == 1, result.output
    found = [LINE.match(line).groupdict() for line in result.stdout.splitlines()[:-1]]
    assert [(f["line"], f["col"], f["sev"], f["rule"], f["msg"]) for f in found] == [
        ("6", "50", "error", "real-date", 'date "1950-02-30" does not exist'),
        ("7", "11", "warning", "person-ref", "persName without a #ref"),
    ]


def test_schematron_xslt1_binding_still_runs_in_lxml(tmp_path):
    text = SCH.format(binding="xslt").replace("@when castable as xs:date", "string-length(@when) = 10") \
        .replace("matches(@ref, '^#\\w+$')", "starts-with(@ref, '#')")
    doc, schema = _files(tmp_path, "rules.sch", text)
    report = Validator("none", [schema]).validate_file(doc)
    assert [(p.line, p.rule) for p in report.problems] == [(7, "person-ref")]


def test_schematron_that_does_not_compile_is_a_one_line_usage_error(tmp_path):
    doc, schema = _files(tmp_path, "rules.sch", SCH.format(binding="xslt2").replace('<ns prefix="xs"', '<ns prefix="xsd"'))
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(schema), str(doc)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Schematron schema does not compile" in result.stderr
    assert "Namespace prefix 'xs' has not been declared" in result.stderr


def test_schematron_with_an_unknown_binding_is_refused_in_one_line(tmp_path):
    doc, schema = _files(tmp_path, "rules.sch", SCH.format(binding="python"))
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(schema), str(doc)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and 'queryBinding="python" is not supported' in result.stderr


def test_profile_none_without_a_schema_is_a_usage_error(tmp_path):
    doc, _ = _files(tmp_path, "unused.txt", "")
    result = CliRunner().invoke(main, ["validate", "--profile", "none", str(doc)])
    assert result.exit_code == 2 and "add --schema FILE" in result.stderr


def test_a_document_cannot_make_schematron_read_files(tmp_path):
    """Rules run with no URI access: a pointer in a stranger's file never reads a local file."""
    (tmp_path / "secret.txt").write_text("TOPSECRET-VALUE", encoding="utf-8")
    schema = tmp_path / "rules.sch"
    schema.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="tei:ptr">
    <report test="true()">says: <value-of select="unparsed-text(resolve-uri(@target, base-uri(/)))"/></report>
  </rule></pattern>
</schema>""", encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC.replace("<p>to <persName>", f'<p><ptr target="{(tmp_path / "secret.txt").as_uri()}"/>to <persName>'),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--profile", "none", "--schema", str(schema), str(doc)])
    assert "TOPSECRET" not in result.output
    assert result.exit_code == 2 and "prohibited" in result.stdout
