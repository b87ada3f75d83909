"""House profile structure messages: what was found and what the content model expected there.

Was: libxml2's ``Element 'idno': This element is not expected.`` (no list) and
xmlschema's ``Unexpected child with tag 'title' at position 3``.  Now both XSD
engines say, as ``--profile tei-all`` and jing do, ``element "title" not
allowed here; expected element "notesStmt" or "sourceDesc"``; value and rule
messages keep the house's own words.  The content-model walker
(``xsdstructure``) must find a structure fault exactly when the XSD engine
does, on the same element: checked on every house mutation of
``jing_parity``'s generator.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import jing_parity as jp
from teiedition.safexml import parse_xml_file
from teiedition.validating.validate import PROJECT_XSD, Validator
from teiedition.validating.xsdstructure import XsdStructure, structure_issues

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = (FIXTURES / "validate" / "minimal.xml").read_text(encoding="utf-8")
STRUCTURE = re.compile(r"This element is not expected|Missing child element|Character content other than "
                       r"whitespace|Element content is not allowed")


@pytest.fixture(scope="module", params=["libxml2", "xmlschema"])
def house(request):
    return Validator(profile="teiedition", xsd_engine=request.param)


def _xsd_problems(house, tmp_path, text):
    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    return [p for p in house.validate_file(path).problems if p.rule == "teiedition-xsd"]


def test_misplaced_element_says_what_was_expected(house, tmp_path):
    text = MINIMAL.replace("</publicationStmt>", "</publicationStmt><title>Misplaced</title>", 1)
    [problem] = _xsd_problems(house, tmp_path, text)
    assert problem.message == 'element "title" not allowed here; expected element "notesStmt" or "sourceDesc"'
    assert problem.xpath == "/TEI/teiHeader/fileDesc/title"


def test_element_the_house_lacks_lists_what_may_stand_there(house, tmp_path):
    text = MINIMAL.replace('<date when="1969-06-09">June 9, 1969</date>',
                           '<date when="1969-06-09">June 9, 1969</date><idno>x</idno>')
    [problem] = _xsd_problems(house, tmp_path, text)
    assert problem.message.startswith('element "idno" not allowed here; expected the element end-tag, text or '
                                      'element "date"')
    assert problem.line == 17


def test_missing_child_is_named(house, tmp_path):
    text = re.sub(r"<sourceDesc>.*?</sourceDesc>", "", MINIMAL, flags=re.S)
    [problem] = _xsd_problems(house, tmp_path, text)
    assert problem.message == 'element "fileDesc" incomplete; missing required element "sourceDesc"'


def test_text_in_element_only_content(house, tmp_path):
    text = MINIMAL.replace("<fileDesc>", "<fileDesc>stray words", 1)
    [problem] = _xsd_problems(house, tmp_path, text)
    assert problem.message == 'text not allowed here; expected element "titleStmt"'


def test_value_and_rule_messages_keep_the_house_words(house):
    problems = house.validate_file(FIXTURES / "validate" / "impossible-date.xml").problems
    assert any("is not a date that exists" in p.message or "not a date that exists" in p.message for p in problems)
    assert not any(p.message.startswith("element ") for p in problems)


def test_structure_walker_agrees_with_the_xsd_on_every_mutation(tmp_path):
    """Same files, same verdict on structure, same first element: libxml2's XSD log against the walker."""
    schema = Validator(profile="teiedition").checks[0].schema  # the 1.0 core in libxml2 (assertions aside)
    structure = XsdStructure(PROJECT_XSD)
    made = jp.generate(tmp_path, len(jp.base_files()) * len(jp.MUTATIONS), seed=4)
    files = [p for p, _ in made] + [FIXTURES / "validate" / "house-example.xml", FIXTURES / "house_sample.xml"]
    disagreements = []
    structural = 0
    for f in files:
        tree = parse_xml_file(f)
        if etree.QName(tree.getroot()).localname != "TEI":
            continue  # not a root the house allows: its own message
        schema.validate(tree)
        theirs = [e for e in schema.error_log if STRUCTURE.search(e.message)]
        ours = structure_issues(structure, tree)
        structural += bool(theirs)
        if bool(theirs) != bool(ours):
            disagreements.append(f"{f.name}: xsd {[e.message for e in theirs[:2]]}, ours {[i.message for i in ours[:2]]}")
        elif theirs:
            lines = {e.line for e in theirs}
            if not any(jp._span(i.element)[0] <= line <= jp._span(i.element)[1] for i in ours for line in lines):
                disagreements.append(f"{f.name}: xsd at {sorted(lines)}, ours at {[i.element.sourceline for i in ours]}")
    assert structural > 40
    assert not disagreements, "\n".join(disagreements)
