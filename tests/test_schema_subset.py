"""The project schema is a strict subset of TEI P5 tei_all.

Everything valid against ``schema/teiedition.xsd`` must be valid against
``tei_all.rng``.  Three kinds of evidence:

* every parent/child pair and every attribute the XSD allows is one that
  tei_all allows on that element (read from the RELAX NG model);
* every value of every closed list in the XSD is accepted by tei_all's own
  datatype for that attribute (one generated RELAX NG check, compiled once);
* real documents valid under the XSD (a hand-written house example and the
  converter's outputs, see test_validate_corpus.py) are valid under tei_all.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import pytest
from lxml import etree

from conftest import TEI_ALL_RNG, assert_valid_tei_all
from teiedition.validating.validate import PROJECT_XSD

RNG = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG}}}"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FIXTURES = Path(__file__).parent / "fixtures" / "validate"


# --------------------------------------------------------------------------- reading tei_all's model

class TeiAllModel:
    """Which children and attributes tei_all allows on each element (order ignored)."""

    def __init__(self, path):
        self.tree = etree.parse(str(path))
        self.defines: dict[str, list[etree._Element]] = {}
        for d in self.tree.iter(R + "define"):
            self.defines.setdefault(d.get("name"), []).append(d)
        self.element_define: dict[str, etree._Element] = {}
        for ds in self.defines.values():
            for d in ds:
                el = d.find(R + "element")
                if el is not None and el.get("name"):
                    self.element_define.setdefault(el.get("name"), el)

    def _walk(self, node, *, want: str, seen: set[str], optional: bool = False) -> dict:
        """Element names (want='children', with '#text' for text) or attribute nodes reachable from node.

        With want='required', only the attributes that are not inside optional/zeroOrMore/choice.
        """
        found: dict = {}
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == R + "text" and want == "children":
                found["#text"] = child
                continue
            if child.tag in (R + "optional", R + "zeroOrMore", R + "choice"):
                if want != "required":
                    found.update(self._walk(child, want=want, seen=seen))
                continue
            if child.tag == R + "element":
                if want == "children":
                    found[child.get("name")] = child
                continue
            if child.tag == R + "attribute":
                if want in ("attributes", "required"):
                    name = child.get("name")
                    if name:
                        found[name] = child
                continue
            if child.tag == R + "ref":
                name = child.get("name")
                if name in seen:
                    continue
                seen.add(name)
                for d in self.defines.get(name, []):
                    el = d.find(R + "element")
                    if el is not None:
                        if want == "children":
                            found[el.get("name")] = el
                    else:
                        found.update(self._walk(d, want=want, seen=seen))
                continue
            found.update(self._walk(child, want=want, seen=seen))
        return found

    def children(self, element: str) -> set[str]:
        return set(self._walk(self.element_define[element], want="children", seen=set()))

    def attributes(self, element: str) -> dict[str, etree._Element]:
        return self._walk(self.element_define[element], want="attributes", seen=set())

    def required_attributes(self, element: str) -> set[str]:
        return set(self._walk(self.element_define[element], want="required", seen=set()))


@functools.lru_cache(maxsize=1)
def tei_model() -> TeiAllModel:
    return TeiAllModel(TEI_ALL_RNG)


@functools.lru_cache(maxsize=1)
def project_schema():
    import xmlschema

    return xmlschema.XMLSchema11(str(PROJECT_XSD), allow="local", defuse="always")


def project_elements() -> list[str]:
    return sorted(project_schema().elements)


def project_children(name: str) -> set[str]:
    """Child element names the XSD allows, plus '#text' when it allows text."""
    xsd_type = project_schema().elements[name].type
    names = {"#text"} if (xsd_type.mixed or xsd_type.has_simple_content()) else set()
    content = xsd_type.content
    if hasattr(content, "iter_elements"):
        names |= {e.local_name for e in content.iter_elements()}
    return names


def project_attributes(name: str) -> dict:
    return dict(project_schema().elements[name].attributes)


def _local(qname: str) -> str:
    return qname.split("}")[-1]


# --------------------------------------------------------------------------- tests

@pytest.mark.parametrize("element", project_elements())
def test_element_exists_in_tei(element):
    assert element in tei_model().element_define, f"<{element}> is not a TEI element"


@pytest.mark.parametrize("element", project_elements())
def test_children_are_allowed_by_tei_all(element):
    extra = project_children(element) - tei_model().children(element)
    assert not extra, f"<{element}> allows children that tei_all forbids there: {sorted(extra)}"


@pytest.mark.parametrize("element", project_elements())
def test_attributes_are_allowed_by_tei_all(element):
    ours = {_local(q) if not q.startswith(f"{{{XML_NS}}}") else "xml:" + _local(q)
            for q in project_attributes(element)}
    theirs = set(tei_model().attributes(element))
    missing = {a for a in ours if a not in theirs}
    assert not missing, f"<{element}> allows attributes tei_all does not declare on it: {sorted(missing)}"


@pytest.mark.parametrize("element", project_elements())
def test_attributes_tei_all_requires_are_required(element):
    required_here = {_local(q) for q, a in project_attributes(element).items() if a.use == "required"}
    missing = tei_model().required_attributes(element) - required_here
    assert not missing, f"tei_all requires {sorted(missing)} on <{element}>; the XSD must require it too"


def _enumerated_values() -> list[tuple[str, str, str]]:
    """(element, attribute, value) for every closed-list value, once per tei_all attribute definition."""
    rows, seen = [], set()
    model = tei_model()  # cached, so every call sees the same definitions
    for element in project_elements():
        for qname, attribute in project_attributes(element).items():
            if qname.startswith("{"):
                continue
            xsd_type = attribute.type
            values = getattr(xsd_type, "enumeration", None)
            if values is None and getattr(xsd_type, "item_type", None) is not None:
                values = getattr(xsd_type.item_type, "enumeration", None)
            definition = model.attributes(element).get(qname)
            for value in values or ():
                # a class attribute (att.global's @cert) is one definition shared by many elements
                key = (model.tree.getpath(definition) if definition is not None else element, qname, str(value))
                if key not in seen:
                    seen.add(key)
                    rows.append((element, qname, str(value)))
    return rows


@pytest.fixture(scope="module")
def value_checker():
    """One RELAX NG grammar: tei_all's defines, and a start holding each (element, attribute) datatype."""
    model = tei_model()
    grammar = copy.deepcopy(model.tree.getroot())
    for start in grammar.findall(R + "start"):
        grammar.remove(start)
    start = etree.SubElement(grammar, R + "start")
    root = etree.SubElement(etree.SubElement(start, R + "element", name="values", ns=""), R + "zeroOrMore")
    choice = etree.SubElement(root, R + "choice")
    pairs = sorted({(e, a) for e, a, _ in _enumerated_values()})
    for element, attr in pairs:
        rng_attribute = model.attributes(element)[attr]
        check = etree.SubElement(choice, R + "element", name=f"{element}.{attr}", ns="")
        copied = etree.SubElement(check, R + "attribute", name="v", ns="")
        for child in rng_attribute:
            copied.append(copy.deepcopy(child))
        if len(copied) == 0:
            etree.SubElement(copied, R + "text")
    return etree.RelaxNG(grammar)


@pytest.mark.parametrize("element, attribute, value", _enumerated_values())
def test_closed_list_value_is_valid_tei(value_checker, element, attribute, value):
    doc = etree.Element("values")
    etree.SubElement(doc, f"{element}.{attribute}", v=value)
    assert value_checker.validate(doc), (
        f'{element}/@{attribute}="{value}" is not accepted by tei_all: {value_checker.error_log.last_error}')


def test_house_example_is_valid_under_both(tei_all):
    from teiedition.safexml import parse_xml_file
    from teiedition.validating.validate import Validator

    path = FIXTURES / "house-example.xml"
    report = Validator(profile="teiedition").validate_file(path)
    assert report.ok, "\n".join(p.format() for p in report.problems)
    assert_valid_tei_all(tei_all, parse_xml_file(path), "house-example.xml")


# --------------------------------------------------------------------------- random instances

class InstanceGenerator:
    """Random documents valid against the project XSD, built from its content models.

    Used as a fuzzer of the subset claim: order, nesting and required content
    included, which the pairwise checks above cannot see.
    """

    TEXT = ["Kim Il Sung", "the KWP", "19373", "June 9, 1969", "[sic]", "Nº 2", "Cde. Fadeyev"]
    SAMPLES = ["#x1", "1969-06-09", "12:00:00", "1", "en", "w", "true", "4.12.0", "teiedition"]
    PAIRS = {"choice": [("sic", "corr"), ("abbr", "expan"), ("orig", "reg")]}
    MARKS = [("highlight", "single-line"), ("highlight", "double-line"),
             ("query", "question-mark"), ("emphasis", "exclamation-mark")]

    def __init__(self, schema, seed: int, max_depth: int = 6):
        import random

        self.schema = schema
        self.random = random.Random(seed)
        self.max_depth = max_depth
        self.ids = 0
        self._cost: dict[str, float] = {}

    # minimal sizes, so deep levels always pick the cheapest way to finish
    def element_cost(self, name: str) -> float:
        if name not in self._cost:
            self._cost[name] = float("inf")  # recursion guard
            content = self.schema.elements[name].type.content
            self._cost[name] = 1 + (self.group_cost(content) if hasattr(content, "model") else 0)
        return self._cost[name]

    def particle_cost(self, p) -> float:
        if hasattr(p, "model"):
            return self.group_cost(p) if p.min_occurs else 0
        return self.element_cost(p.local_name) * p.min_occurs

    def group_cost(self, g) -> float:
        costs = [self.particle_cost(p) if p.min_occurs else 0 for p in g]
        if g.model == "choice":
            inner = min(costs) if costs else 0
        else:
            inner = sum(costs)
        return inner * max(g.min_occurs, 1)

    def count(self, particle, depth: int) -> int:
        low, high = particle.min_occurs, particle.max_occurs
        if depth >= self.max_depth:
            return low
        high = low + 2 if high is None else min(high, low + 2)
        return self.random.randint(low, high)

    def element(self, name: str, depth: int) -> etree._Element:
        decl = self.schema.elements[name]
        el = etree.Element(f"{{http://www.tei-c.org/ns/1.0}}{name}")
        self.attributes(el, decl, depth)
        xsd_type = decl.type
        if name in self.PAIRS:
            for child in self.random.choice(self.PAIRS[name]):
                el.append(self.element(child, depth + 1))
            return el
        if hasattr(xsd_type.content, "model"):
            for child in self.group(xsd_type.content, depth):
                el.append(child)
        if xsd_type.mixed or xsd_type.has_simple_content():
            el.text = self.random.choice(self.TEXT)
            for child in el:
                if self.random.random() < 0.5:
                    child.tail = " " + self.random.choice(self.TEXT)
        return el

    def group(self, g, depth: int) -> list:
        out = []
        for _ in range(max(self.count(g, depth), 1 if g.min_occurs else 0)):
            if g.model == "choice":
                options = list(g)
                if depth >= self.max_depth:
                    options.sort(key=self.particle_cost)
                    options = options[:1]
                out.extend(self.particle(self.random.choice(options), depth))
            else:
                for p in g:
                    out.extend(self.particle(p, depth))
        return out

    def particle(self, p, depth: int) -> list:
        if hasattr(p, "model"):
            return self.group(p, depth) if (p.min_occurs or self.random.random() < 0.7) else []
        return [self.element(p.local_name, depth + 1) for _ in range(self.count(p, depth))]

    def attributes(self, el, decl, depth: int) -> None:
        for qname, attribute in decl.attributes.items():
            if attribute.use != "required" and self.random.random() < 0.6:
                continue
            if qname == f"{{{XML_NS}}}id":
                self.ids += 1
                el.set(qname, f"x{self.ids}")
                continue
            values = getattr(attribute.type, "enumeration", None)
            if values is None and getattr(attribute.type, "item_type", None) is not None:
                values = getattr(attribute.type.item_type, "enumeration", None)
            if values:
                el.set(qname, str(self.random.choice(list(values))))
                continue
            sample = "4.12.0" if qname == "version" else next(
                (v for v in self.SAMPLES if attribute.type.is_valid(v)), None)
            if sample is not None:
                el.set(qname, sample)
        if etree.QName(el).localname == "metamark":
            function, rend = self.random.choice(self.MARKS)
            el.set("function", function)
            el.set("rend", rend)

    def document(self) -> etree._ElementTree:
        return etree.ElementTree(self.element("TEI", 0))


@pytest.fixture(scope="module")
def fast_xsd():
    from teiedition.validating.xsd import ProjectXsd

    return ProjectXsd(PROJECT_XSD, "teiedition-xsd")


FUZZ_SEEDS = range(40)


@pytest.mark.parametrize("seed", FUZZ_SEEDS)
def test_random_valid_instance_of_the_xsd_is_valid_tei_all(tei_all, fast_xsd, seed):
    from teiedition.validating.validate import Locator

    tree = InstanceGenerator(project_schema(), seed).document()
    problems = fast_xsd.check(tree, "random", Locator(tree))
    if problems:
        pytest.skip(f"generated instance not valid against the XSD: {problems[0].message}")
    assert_valid_tei_all(tei_all, tree, f"random instance {seed} of teiedition.xsd\n"
                         + etree.tostring(tree, pretty_print=True).decode()[:3000])


def test_most_random_instances_are_valid_against_the_xsd(fast_xsd):
    """Otherwise the fuzzer above would skip its way to a pass."""
    from teiedition.validating.validate import Locator

    valid = 0
    for seed in FUZZ_SEEDS:
        tree = InstanceGenerator(project_schema(), seed).document()
        valid += not fast_xsd.check(tree, "random", Locator(tree))
    assert valid >= 0.8 * len(FUZZ_SEEDS)
