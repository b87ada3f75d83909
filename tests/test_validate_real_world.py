"""TEI as projects really have it: DOCTYPE entities, XInclude, teiCorpus, TEI P4.

Each test would fail without the change: entity declarations and XInclude
made files unreadable, the house profile refused a teiCorpus at its root,
and a P4 file got no hint.  The hostile cases (billion laughs, external
entities, includes leaving the folder) stay refused.
"""

from __future__ import annotations

import re

from click.testing import CliRunner

from teiedition.cli import main
from teiedition.safexml import MAX_ENTITY_DEPTH
from teiedition.validating.validate import Validator

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*) \[(?P<rule>[^\]]+)\]")
HEADER = ("<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>"
          "<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>invented</p></sourceDesc></fileDesc></teiHeader>")


def run(*args):
    result = CliRunner().invoke(main, ["validate", "--no-progress", *args])
    return result.exit_code, result.stdout, result.stderr


ENTITIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI [
  <!ENTITY mdash "&#x2014;">
  <!ENTITY proj "the Invented Letters project &mdash; volume one">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  """ + HEADER.format(title="Letters &mdash; &proj;") + """
  <text><body><p>From &proj;.</p></body></text>
</TEI>
"""


def test_internal_entities_are_expanded_and_the_file_validated(tmp_path):
    doc = tmp_path / "ent.xml"
    doc.write_text(ENTITIES, encoding="utf-8")
    code, out, _ = run("--profile", "tei-all", str(doc))
    assert (code, out) == (0, "1 file: 1 valid, 0 invalid, 0 unreadable (0 errors, 0 warnings)\n")
    bad = tmp_path / "ent-bad.xml"
    bad.write_text(ENTITIES.replace("From &proj;.", "From &proj;<bogus/>."), encoding="utf-8")
    code, out, _ = run("--profile", "tei-all", str(bad))
    assert code == 1
    first = LINE.match(out.splitlines()[0])
    assert (first["line"], first["rule"]) == ("8", "tei-all") and '"bogus"' in first["msg"]


def test_entities_nested_too_deep_are_refused(tmp_path):
    chain = "".join(f'<!ENTITY e{i} "&e{i + 1};&e{i + 1};">' for i in range(MAX_ENTITY_DEPTH + 1))
    doc = tmp_path / "deep.xml"
    doc.write_text(ENTITIES.replace('<!ENTITY mdash "&#x2014;">', chain + f'<!ENTITY e{MAX_ENTITY_DEPTH + 1} "x"><!ENTITY mdash "&#x2014;">')
                   .replace("From &proj;.", "From &e0;."), encoding="utf-8")
    code, out, _ = run("--profile", "tei-all", str(doc))
    assert code == 2 and "entity expansion refused: entities nest more than" in out


def test_entity_references_adding_too_much_text_are_refused(tmp_path):
    doc = tmp_path / "wide.xml"
    value = "x" * 10000
    doc.write_text(ENTITIES.replace('<!ENTITY mdash "&#x2014;">', f'<!ENTITY mdash "&#x2014;"><!ENTITY w "{value}">')
                   .replace("From &proj;.", "From " + "&w;" * 120 + "."), encoding="utf-8")
    code, out, _ = run("--profile", "tei-all", str(doc))
    assert code == 2 and "entity expansion refused" in out and "[unreadable]" in out


def test_external_and_parameter_entities_stay_refused(tmp_path):
    for decl, words in (('<!ENTITY secret SYSTEM "file:///etc/passwd">', "is external"),
                        ('<!ENTITY % p "">', "")):
        doc = tmp_path / "ext.xml"
        doc.write_text(ENTITIES.replace('<!ENTITY mdash "&#x2014;">', '<!ENTITY mdash "&#x2014;">' + decl),
                       encoding="utf-8")
        code, out, _ = run("--profile", "tei-all", str(doc))
        assert code == 2 and "[unreadable]" in out and words in out
        assert "root:" not in out


MAIN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <xi:include href="parts/header.xml"/>
  <text><body>
    <p>Main.</p>
    <xi:include href="{body}"/>
  </body></text>
</TEI>
"""
PART_HEADER = '<teiHeader xmlns="http://www.tei-c.org/ns/1.0">' + HEADER[len("<teiHeader>"):].format(title="Split")
PART_BODY = """<div xmlns="http://www.tei-c.org/ns/1.0">
  <p>Included.</p>
  <p>Bad <bogus/> here.</p>
</div>
"""


def _split_edition(tmp_path, body="parts/body.xml"):
    (tmp_path / "parts").mkdir(exist_ok=True)
    (tmp_path / "parts" / "header.xml").write_text(PART_HEADER, encoding="utf-8")
    (tmp_path / "parts" / "body.xml").write_text(PART_BODY, encoding="utf-8")
    main_file = tmp_path / "main.xml"
    main_file.write_text(MAIN.format(body=body), encoding="utf-8")
    return main_file


def test_xinclude_inside_the_folder_is_resolved_and_problems_name_the_included_file(tmp_path):
    main_file = _split_edition(tmp_path)
    code, out, _ = run("--profile", "tei-all", str(main_file))
    assert code == 1, out
    first = LINE.match(out.splitlines()[0])
    assert first["file"] == str(tmp_path / "parts" / "body.xml")
    assert (first["line"], first["rule"]) == ("3", "tei-all") and '"bogus"' in first["msg"]
    (tmp_path / "parts" / "body.xml").write_text(PART_BODY.replace("<bogus/>", "<hi>x</hi>"), encoding="utf-8")
    assert run("--profile", "tei-all", str(main_file))[0] == 0


def test_xinclude_leaving_the_folder_or_looping_is_refused(tmp_path):
    (tmp_path / "outside.xml").write_text(PART_BODY, encoding="utf-8")
    inner = tmp_path / "edition"
    inner.mkdir()
    main_file = _split_edition(inner, body="../outside.xml")
    code, out, _ = run("--profile", "tei-all", str(main_file))
    assert code == 2 and "leaves the file's own folder" in out
    main_file.write_text(MAIN.format(body="main.xml"), encoding="utf-8")
    code, out, _ = run("--profile", "tei-all", str(main_file))
    assert code == 2 and "a loop" in out


def test_xinclude_text_and_fallback(tmp_path):
    main_file = _split_edition(tmp_path)
    (tmp_path / "parts" / "note.txt").write_text("a note from a text file", encoding="utf-8")
    main_file.write_text(MAIN.format(body="parts/header.xml").replace(
        '<xi:include href="parts/header.xml"/>\n  <text>', '<xi:include href="parts/header.xml"/>\n  <text>', 1)
        .replace('    <xi:include href="parts/header.xml"/>\n  </body>',
                 '    <p><xi:include href="parts/note.txt" parse="text"/> and '
                 '<xi:include href="parts/missing.xml"><xi:fallback>nothing</xi:fallback></xi:include></p>\n  </body>'),
        encoding="utf-8")
    from teiedition.safexml import parse_xml_file
    from teiedition.xinclude import resolve

    tree = parse_xml_file(main_file, allow_xinclude=True)
    resolve(tree, main_file)
    texts = ["".join(p.itertext()) for p in tree.iter("{http://www.tei-c.org/ns/1.0}p")]
    assert "a note from a text file and nothing" in texts
    assert run("--profile", "tei-all", str(main_file))[0] == 0


CORPUS = """<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">
  """ + HEADER.format(title="Corpus") + """
  <TEI>
    """ + HEADER.format(title="One") + """
    <text><body><p>First.</p></body></text>
  </TEI>
  <TEI>
    """ + HEADER.format(title="Two") + """
    <text><body><p>Second <bogus/>.</p></body></text>
  </TEI>
</teiCorpus>
"""


def test_tei_corpus_is_validated_member_by_member_by_the_house_rules(tmp_path):
    doc = tmp_path / "corpus.xml"
    doc.write_text(CORPUS, encoding="utf-8")
    report = Validator("teiedition").validate_file(doc)
    errors = [p for p in report.problems if p.severity == "error"]
    assert [(p.line, p.rule, p.xpath) for p in errors] == [(10, "teiedition-xsd", "/teiCorpus/TEI[2]/text/body/p/bogus")]
    doc.write_text(CORPUS.replace("<bogus/>", ""), encoding="utf-8")
    assert not [p for p in Validator("teiedition").validate_file(doc).problems if p.severity == "error"]


def test_tei_corpus_under_tei_all_reports_faults_in_every_member(tmp_path):
    doc = tmp_path / "corpus.xml"
    doc.write_text(CORPUS.replace("<p>First.</p>", "<p>First <bogus/>.</p>"), encoding="utf-8")
    report = Validator("tei-all").validate_file(doc)
    assert {p.xpath for p in report.problems} == {"/teiCorpus/TEI[1]/text/body/p/bogus",
                                                  "/teiCorpus/TEI[2]/text/body/p/bogus"}


def test_tei_p4_is_recognised_with_a_pointer_to_converting_it(tmp_path):
    with_dtd = tmp_path / "p4.xml"
    with_dtd.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI.2 PUBLIC "-//TEI P4//DTD Main DTD Driver File//EN" '
                        '"http://www.tei-c.org/Guidelines/DTD/tei2.dtd">\n<TEI.2><text><body><p>x</p></body></text></TEI.2>\n',
                        encoding="utf-8")
    bare = tmp_path / "p4-bare.xml"
    bare.write_text("<TEI.2>\n<text><body><p>x</p></body></text></TEI.2>\n", encoding="utf-8")
    code, out, _ = run(str(with_dtd), str(bare))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    for line in lines[:2]:
        m = LINE.match(line)
        assert m["rule"] == "tei-p4" and "TEI P4 document" in m["msg"] and "p4top5" in m["msg"]
