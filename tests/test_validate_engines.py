"""The fast XSD engine (libxml2 + assertions) gives the same verdicts as xmlschema, the XSD 1.1 reference.

Why: batch validation must be fast (libxml2), but the schema is XSD 1.1
(assertions); this pins the two together on every example we have, including
invalid ones, so the speed never costs correctness.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RUN_DATE, SEEDS, dev_documents
from teiedition.safexml import parse_xml_bytes, parse_xml_file
from teiedition.validating.validate import PROJECT_XSD, Locator
from teiedition.validating.xsd import ProjectXsd, XmlSchema11

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = sorted([*(FIXTURES / "validate").glob("*.xml"), *(FIXTURES / "schematron").glob("*.xml")])


def parsed(path):
    try:
        return parse_xml_file(path)
    except Exception:
        return None  # unreadable fixtures have no verdict to compare


@pytest.fixture(scope="module")
def engines():
    return ProjectXsd(PROJECT_XSD, "xsd"), XmlSchema11(PROJECT_XSD, "xsd")


def verdicts(engines, tree):
    fast, reference = engines
    locate = Locator(tree)
    return (not fast.check(tree, "x", locate), not reference.check(tree, "x", locate))


@pytest.mark.parametrize("path", [p for p in EXAMPLES if parsed(p) is not None], ids=lambda p: p.name)
def test_same_verdict_on_every_example(engines, path):
    fast, reference = verdicts(engines, parsed(path))
    assert fast == reference, f"{path.name}: libxml2+assertions says {fast}, xmlschema says {reference}"


@pytest.mark.parametrize("source", dev_documents() + sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_same_verdict_on_converter_output(engines, source, tmp_path):
    from teiedition.convert import convert_file

    out = tmp_path / "out.xml"
    convert_file(source, out, run_date=RUN_DATE)
    fast, reference = verdicts(engines, parse_xml_file(out))
    assert fast == reference


@pytest.mark.parametrize("snippet, valid", [
    ('<metamark function="highlight" rend="double-line" target="#p1"/>', True),
    ('<metamark function="query" rend="question-mark" target="#p1"/>', True),
    ('<metamark function="highlight" rend="question-mark" target="#p1"/>', False),
    ('<metamark function="emphasis" rend="single-line" target="#p1"/>', False),
    ('<choice><sic>Junes</sic><corr>June</corr></choice>', True),
    ('<choice><abbr>CC</abbr><expan>Central Committee</expan></choice>', True),
    ('<choice><sic>Junes</sic><expan>June</expan></choice>', False),
])
def test_assertions_agree_on_each_case(engines, snippet, valid):
    minimal = (FIXTURES / "validate" / "minimal.xml").read_text(encoding="utf-8")
    text = minimal.replace("has repeatedly changed.", f"has repeatedly changed. {snippet}")
    tree = parse_xml_bytes(text.encode(), name="case.xml")
    assert verdicts(engines, tree) == (valid, valid)


def test_every_project_assertion_has_a_fast_form(engines):
    """Without one, elementpath walks the element in Python: correct, but 0.2 ms or more per element."""
    fast, _ = engines
    assert [a.test for a in fast.assertions if a.fast is None] == []


def test_every_fast_xpath1_form_agrees_with_its_xpath2_test(engines):
    """Assertions that carry an XPath 1.0 form: both forms give the same answer on every element."""
    from elementpath import XPathContext

    fast, _ = engines
    with_fast = [a for a in fast.assertions if a.fast is not None]
    assert with_fast, "the TEI root assertions should have fast forms"
    checked = 0
    for path in EXAMPLES:
        tree = parsed(path)
        if tree is None:
            continue
        for a in with_fast:
            for el in tree.iter(a.tag):
                slow = bool(a.token.evaluate(XPathContext(root=el, fragment=True)))
                assert bool(a.fast(el)) == slow, f"{path.name}: {a.test}"
                checked += 1
    assert checked > 20
