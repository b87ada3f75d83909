"""`--profile tei-all`: jing's verdict on every document, jing's messages, and the foreign-TEI hint.

The tei-all check validates each document with ``rngvalid`` (RELAX NG by
derivatives, jing's algorithm).  The verdict is held to jing's on the
fixtures and on mutated files in ``test_validate_jing_parity.py``; these
tests check the messages on hand-broken TEI, the grammar reader, and the hint.
"""

from __future__ import annotations

import copy
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import RUN_DATE, TEI_ALL_RNG, dev_documents
from teiedition.validating.rnggrammar import Grammar
from teiedition.validating.rngvalid import RngValidator
from teiedition.safexml import parse_xml_file
from teiedition.validating.validate import Validator

FIXTURES = Path(__file__).parent / "fixtures"
TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture(scope="module")
def tei_all_check():
    return Validator(profile="tei-all", tei_all=TEI_ALL_RNG)


# --------------------------------------------------------------------------- messages

MINIMAL = (FIXTURES / "validate" / "minimal.xml").read_text(encoding="utf-8")


def _problems(tei_all_check, tmp_path, text: str):
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    report = tei_all_check.validate_file(path)
    assert not report.ok
    return report.problems



def test_missing_required_element_is_named(tei_all_check, tmp_path):
    text = re.sub(r"<sourceDesc>.*?</sourceDesc>", "", MINIMAL, flags=re.S)
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == 'element "fileDesc" incomplete; missing required element "sourceDesc"'
    assert problem.xpath == "/TEI/teiHeader/fileDesc"
    assert problem.line == text[:text.index("<fileDesc")].count("\n") + 1


def test_element_in_the_wrong_place_says_what_was_expected(tei_all_check, tmp_path):
    text = MINIMAL.replace("</publicationStmt>", "</publicationStmt><title>Misplaced</title>", 1)
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == ('element "title" not allowed here; expected element "notesStmt", "seriesStmt" '
                               'or "sourceDesc"')  # jing's words, word for word
    assert problem.xpath == "/TEI/teiHeader/fileDesc/title"


def test_unknown_element_is_not_allowed_anywhere(tei_all_check, tmp_path):
    text = MINIMAL.replace("has repeatedly", "has <emphasis>repeatedly</emphasis>")
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message.startswith('element "emphasis" not allowed anywhere; expected the element end-tag, '
                                      'text or element "abbr", "add"')
    assert "more" in problem.message  # the long list of phrase elements is cut, with a count


def test_text_where_only_elements_may_stand(tei_all_check, tmp_path):
    text = MINIMAL.replace("<fileDesc>", "<fileDesc>stray words", 1)
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == 'text not allowed here; expected element "titleStmt"'


def test_document_without_text_says_what_tei_needs(tei_all_check, tmp_path):
    text = re.sub(r"<text>.*?</text>", "", MINIMAL, flags=re.S)
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == ('element "TEI" incomplete; expected element "TEI", "facsimile", "fsdDecl", '
                               '"sourceDoc", "standOff" or "text"')
    assert problem.xpath == "/TEI"


def test_wrong_attribute_says_which_are_allowed(tei_all_check, tmp_path):
    text = MINIMAL.replace('<p xml:id="p1">', '<p xml:id="p1" colour="red">')
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message.startswith('attribute "colour" not allowed here; expected attribute "ana", ')
    assert '"xml:lang"' in problem.message and problem.xpath == "/TEI/text/body/p"


def test_duplicate_id_names_the_first_occurrence(tei_all_check, tmp_path):
    """Was: attribute "id" not allowed on element "p"."""
    text = MINIMAL.replace('<p xml:id="p1">', '<p xml:id="translator">')
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == 'ID "translator" has already been defined (first occurrence: line 7)'
    assert problem.xpath == "/TEI/text/body/p"


def test_value_not_a_date_says_what_it_must_be(tei_all_check, tmp_path):
    """Was: attribute "when" not allowed on element "date"."""
    text = MINIMAL.replace('when="1969-06-09"', 'when="1969-06-31"')
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message.startswith('value of attribute "when" is invalid; must be an ISO date, must be a year')
    assert problem.xpath == "/TEI/teiHeader/profileDesc/creation/date"


def test_value_outside_a_closed_list_lists_it(tei_all_check, tmp_path):
    """Was: attribute "cert" not allowed on element "metamark"."""
    text = MINIMAL.replace("has repeatedly", 'has <metamark cert="sure"/>repeatedly')
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == ('value of attribute "cert" is invalid; must be a floating-point number greater '
                               'than or equal to 0.0 and less than or equal to 1.0 or must be equal to "high", '
                               '"low", "medium" or "unknown"')


def test_examples_and_schematron_content_are_valid(tei_all_check):
    """egXML holding div and template, Schematron inside constraint: jing finds 0 errors (libxml2 refused both)."""
    report = tei_all_check.validate_file(FIXTURES / "rng" / "egxml-constraint.xml")
    assert report.ok, report.problems


def test_tei_inside_an_example_is_refused(tei_all_check, tmp_path):
    text = (FIXTURES / "rng" / "egxml-constraint.xml").read_text(encoding="utf-8")
    text = text.replace('<template/>and text', '<hi xmlns="http://www.tei-c.org/ns/1.0">TEI</hi>')
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == ('element "hi" not allowed here; expected the element end-tag, text or any element '
                               'except in namespace http://www.tei-c.org/ns/1.0, "egXML" in namespace '
                               'http://www.tei-c.org/ns/Examples')
    assert problem.xpath.endswith("/hi")


def test_two_problems_in_one_file_are_both_reported_once(tei_all_check, tmp_path):
    text = re.sub(r"<sourceDesc>.*?</sourceDesc>", "", MINIMAL, flags=re.S)
    text = text.replace("has repeatedly", "has <emphasis>repeatedly</emphasis>")
    problems = _problems(tei_all_check, tmp_path, text)
    assert len(problems) == 2
    assert {p.xpath for p in problems} == {"/TEI/teiHeader/fileDesc", "/TEI/text/body/p/emphasis"}


def test_user_grammar_reports_each_faulty_element_not_the_root():
    """Was: 3:1: Element TEI has extra content: teiHeader.  jing reports the four persName lines and the IDREF."""
    validator = Validator(profile="tei-all", schemas=[FIXTURES / "rng" / "persname-ref.rng"], tei_all=TEI_ALL_RNG)
    path = FIXTURES / "rng" / "persons.xml"
    mine = [p for p in validator.validate_file(path).problems if p.rule == "rng:persname-ref.rng"]
    assert [(p.line, p.message) for p in mine] == [
        (6, 'element "persName" missing required attribute "ref"'),
        (7, 'element "persName" missing required attribute "ref"'),
        (8, 'element "persName" missing required attribute "ref"'),
        (9, 'element "persName" missing required attribute "ref"'),
        (8, 'IDREF "nobody" without matching ID (attribute "corresp")')]


# --------------------------------------------------------------------------- the grammar reader and engine

def _grammar(tmp_path, body: str, name: str = "g.rng") -> Grammar:
    path = tmp_path / name
    path.write_text(f'<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t">{body}</grammar>')
    return Grammar(path)


def _verdicts(grammar: Grammar, docs):
    validator = RngValidator(grammar)
    return [not validator.validate(etree.fromstring(doc).getroottree()) for doc in docs]


def test_optional_repeats_of_an_absent_element_still_allow_nothing(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><zeroOrMore><ref name="b"/></zeroOrMore>'
                           '<optional><element name="c"><empty/></element></optional></element></start>'
                           '<define name="b"><element name="b"><text/></element></define>')
    docs = ['<a xmlns="urn:t"/>', '<a xmlns="urn:t"><b>x</b><b/></a>', '<a xmlns="urn:t"><c/></a>',
            '<a xmlns="urn:t"><c/><b/></a>']
    assert _verdicts(g, docs) == [True, True, True, False]


def test_a_grammar_in_several_files_is_read_whole(tmp_path):
    """include (with an override) and @combine: a user's modular grammar gets the same engine."""
    (tmp_path / "part.rng").write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0" '
                                       'ns="http://www.tei-c.org/ns/1.0"><start><ref name="body"/></start>'
                                       '<define name="body"><element name="TEI"><ref name="inner"/></element></define>'
                                       '<define name="inner"><element name="p"><empty/></element></define></grammar>')
    main = tmp_path / "main.rng"
    main.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="part.rng">'
                    '<define name="inner"><text/></define></include>'
                    '<define name="inner" combine="choice"><element name="lb" ns="http://www.tei-c.org/ns/1.0">'
                    '<empty/></element></define></grammar>')
    validator = Validator(profile="tei-all", tei_all=main)
    cases = {"words": True, "<lb/>": True, "<p/>": False}
    for body, valid in cases.items():
        path = tmp_path / "doc.xml"
        path.write_text(f'<TEI xmlns="{TEI}">{body}</TEI>')
        report = validator.validate_file(path)
        assert report.ok is valid, (body, report.problems)
    assert [p.message for p in report.problems] == ['element "p" not allowed anywhere; expected the element end-tag, text or element "lb"']


def test_mixed_content_takes_text_alone(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><mixed><zeroOrMore><element name="b"><empty/></element>'
                           '</zeroOrMore></mixed></element></start>')
    assert _verdicts(g, ['<a xmlns="urn:t">only words</a>', '<a xmlns="urn:t">x<!-- c -->y<b/>z</a>']) == [True, True]


def test_inherited_datatype_library_and_facets(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><choice datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">'
                           '<data type="integer"><param name="maxInclusive">20</param></data>'
                           '<element name="b"><empty/></element></choice></element></start>')
    docs = ['<a xmlns="urn:t">12</a>', '<a xmlns="urn:t">twelve</a>', '<a xmlns="urn:t">21</a>',
            '<a xmlns="urn:t"> 7 </a>']
    assert _verdicts(g, docs) == [True, False, False, True]


def test_blank_values(tmp_path):
    """A blank attribute may be an empty list; blank content is no integer (jing agrees on both)."""
    g = _grammar(tmp_path, '<start><element name="a"><attribute name="t"><list><zeroOrMore><data type="token" '
                           'datatypeLibrary=""/></zeroOrMore></list></attribute>'
                           '<data type="integer" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"/>'
                           '</element></start>')
    assert _verdicts(g, ['<a xmlns="urn:t" t=" ">3</a>', '<a xmlns="urn:t" t="x y">  </a>']) == [True, False]


# --------------------------------------------------------------------------- foreign TEI under the house profile

def test_foreign_tei_gets_one_hint_pointing_to_tei_all():
    validator = Validator(profile="teiedition")
    for path in sorted((FIXTURES / "foreign").glob("*.xml")):
        report = validator.validate_file(path)
        last = report.problems[-1]
        assert last.rule == "not-house-encoding" and last.severity == "warning", path.name
        assert "not in the teiedition house encoding" in last.message and "--profile tei-all" in last.message
        assert re.search(r"elements the house encoding does not have: <\w+>", last.message)
        assert sum(p.rule == "not-house-encoding" for p in report.problems) == 1
        assert report.problems[0].rule != "not-house-encoding"  # the errors come first, as before


def test_house_files_and_tei_all_profile_get_no_hint(tei_all_check, tmp_path):
    validator = Validator(profile="teiedition")
    edition = next((Path(__file__).parent.parent / "editions").glob("*.xml"))
    assert not [p for p in validator.validate_file(edition).problems if p.rule == "not-house-encoding"]
    foreign = FIXTURES / "foreign" / "drama_verse.xml"
    assert not [p for p in tei_all_check.validate_file(foreign).problems if p.rule == "not-house-encoding"]
    broken = etree.parse(str(edition))
    broken.find(f".//{{{TEI}}}body").append(etree.Element(f"{{{TEI}}}seg"))  # an empty seg: a house error
    broken_path = tmp_path / "broken-edition.xml"
    broken.write(str(broken_path), encoding="utf-8")
    problems = validator.validate_file(broken_path).problems
    assert problems and not [p for p in problems if p.rule == "not-house-encoding"]
    # a hand-written house file with a wrong value: house vocabulary, no appInfo, still no hint
    closed = validator.validate_file(FIXTURES / "validate" / "closed-value.xml").problems
    assert closed and not [p for p in closed if p.rule == "not-house-encoding"]
