"""XML Schema checks: the project schema, fast, and any user schema, complete.

Why two engines: xmlschema implements all of XSD 1.1 but, being pure Python,
needs about 120 ms for one edition; libxml2 (lxml) needs 0.1 ms but knows only
XSD 1.0.  The project schema (``schema/teiedition.xsd``) is XSD 1.0 plus a few
``xs:assert`` rules, so ``ProjectXsd`` runs the 1.0 grammar in libxml2 and
evaluates those assertions with elementpath (XPath 2.0, the engine under
xmlschema), each on the elements whose type declares it.  The result is the
same verdict xmlschema gives (tests/test_validate_engines.py compares them on
every fixture and converter output); ``TEIEDITION_XSD_ENGINE=xmlschema`` or
``Validator(xsd_engine="xmlschema")`` uses xmlschema throughout.  A user's own
``--schema`` file always goes to xmlschema: its features are unknown.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import TeiEditionError
from .reports import MAX_PROBLEMS_PER_CHECK, Problem, more_problems
from .xsdstructure import HouseStructure

XS = "http://www.w3.org/2001/XMLSchema"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_DATE_ATTRIBUTES = {"when", "notBefore", "notAfter", "from", "to"}


class SchemaError(TeiEditionError):
    """A schema that cannot be used (exit 2)."""

    exit_code = 2


def tidy(message: str) -> str:
    """Messages for editors: TEI names without namespace, ``xml:`` for the XML namespace."""
    message = message.replace(f"{{{TEI_NS}}}", "").replace("tei:", "")
    message = message.replace(f"{{{XML_NS}}}", "xml:")
    return " ".join(message.split())


def _schema_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


XPATH1_SOURCE = "urn:x-teiedition:xpath1"


@dataclass(frozen=True)
class Assertion:
    """One ``xs:assert`` of the project schema, bound to the element it constrains.

    ``fast`` is an equivalent XPath 1.0 test given in the assertion's
    ``xs:appinfo source="urn:x-teiedition:xpath1"``, run by libxml2 instead of
    elementpath when present (tests check the two forms agree).
    """

    tag: str
    test: str
    message: str
    token: object
    fast: etree.XPath | None = None

    def holds(self, el: etree._Element) -> bool:
        """Evaluate on the element as the root of its own tree, as XSD 1.1 specifies for assertions."""
        if self.fast is not None:
            return bool(self.fast(el))
        from elementpath import XPathContext

        return bool(self.token.evaluate(XPathContext(root=el, fragment=True)))


class ProjectXsd:
    """The project schema: XSD 1.0 grammar in libxml2, then its XSD 1.1 assertions."""

    def __init__(self, path: Path, rule: str):
        self.rule = rule
        try:
            doc = etree.parse(str(path), _schema_parser())
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SchemaError(f"cannot read XML Schema: {exc}", path=str(path)) from None
        self.assertions = self._assertions(doc)
        core = copy.deepcopy(doc)
        for node in list(core.iter(f"{{{XS}}}assert")):
            node.getparent().remove(node)
        core.getroot().attrib.pop("xpathDefaultNamespace", None)
        try:
            self.schema = etree.XMLSchema(core)
        except etree.XMLSchemaParseError as exc:
            raise SchemaError(f"XML Schema does not compile: {exc}", path=str(path)) from None
        self.structure = HouseStructure(path)

    @staticmethod
    def _assertions(doc: etree._ElementTree) -> list[Assertion]:
        asserts = list(doc.iter(f"{{{XS}}}assert"))
        if not asserts:
            return []
        from elementpath import XPath2Parser

        root = doc.getroot()
        target = root.get("targetNamespace")
        named_users: dict[str, list[str]] = {}
        for el in root.findall(f"{{{XS}}}element"):
            if el.get("type"):
                named_users.setdefault(el.get("type").split(":")[-1], []).append(el.get("name"))
        found = []
        for node in asserts:
            ctype = node.getparent()
            while ctype is not None and ctype.tag != f"{{{XS}}}complexType":
                ctype = ctype.getparent()
            if ctype is None:
                continue
            if ctype.get("name"):
                elements = named_users.get(ctype.get("name"), [])
            else:
                elements = [ctype.getparent().get("name")]
            default_ns = node.get("xpathDefaultNamespace") or root.get("xpathDefaultNamespace")
            parser = XPath2Parser(
                namespaces={k: v for k, v in node.nsmap.items() if k},
                default_namespace=target if default_ns == "##targetNamespace" else None,
            )
            token = parser.parse(node.get("test"))
            docs = node.findall(f"{{{XS}}}annotation/{{{XS}}}documentation")
            message = " ".join(" ".join("".join(d.itertext()) for d in docs).split())
            message = message or f"assertion failed: {node.get('test')}"
            fast = None
            for info in node.findall(f"{{{XS}}}annotation/{{{XS}}}appinfo"):
                if info.get("source") == XPATH1_SOURCE and (info.text or "").strip():
                    fast = etree.XPath(info.text.strip(), namespaces={k: v for k, v in info.nsmap.items() if k})
            for name in elements:
                found.append(Assertion(f"{{{target}}}{name}", node.get("test"), message, token, fast))
        return found

    def check(self, tree, name: str, locate) -> list[Problem]:
        problems = []
        unlisted = 0
        if not self.schema.validate(tree):
            entries = list(self.schema.error_log)
            if any(_LIBXML2_STRUCTURE.search(e.message) for e in entries):
                rewritten = structure_problems(self.structure, tree, name, locate, self.rule)
                if rewritten:  # else libxml2's own words stay: an invalid verdict is never hidden
                    problems.extend(rewritten)
                    entries = [e for e in entries if not _LIBXML2_STRUCTURE.search(e.message)]
            unlisted = max(0, len(entries) - MAX_PROBLEMS_PER_CHECK)
            for entry in entries[:MAX_PROBLEMS_PER_CHECK]:
                el = element_at(tree, entry.path)
                line, col = locate.position(el) if el is not None else (entry.line or 1, 1)
                problems.append(Problem(name, line, col, "error", _libxml2_message(entry.message),
                                        self.rule, locate.xpath(el) if el is not None else ""))
        for a in self.assertions:
            for el in tree.iter(a.tag):
                if not a.holds(el):
                    if len(problems) >= MAX_PROBLEMS_PER_CHECK:
                        unlisted += 1
                        continue
                    line, col = locate.position(el)
                    problems.append(Problem(name, line, col, "error", a.message, self.rule, locate.xpath(el)))
        problems.sort(key=lambda p: (p.line, p.col))
        if unlisted:
            problems.append(more_problems(name, self.rule, unlisted))
        return problems


#: libxml2's and xmlschema's messages about an element's children (not its attributes or values).
_LIBXML2_STRUCTURE = re.compile(r"This element is not expected|Missing child element|Character content other than "
                                r"whitespace is not allowed|Element content is not allowed|is not allowed because the "
                                r"content type is")
_XMLSCHEMA_STRUCTURE = re.compile(r"^Unexpected child with tag|is not complete\.|^character data between child "
                                  r"elements not allowed|not allowed because content type is|simple content element "
                                  r"can't have child elements")


def structure_problems(structure: HouseStructure, tree, name: str, locate, rule: str) -> list[Problem]:
    """The document's structure faults in jing's words, located on the element each names."""
    problems = []
    for issue in structure.issues(tree)[:MAX_PROBLEMS_PER_CHECK]:
        line, col = locate.position(issue.element)
        problems.append(Problem(name, line, col, "error", tidy(issue.message), rule, locate.xpath(issue.element)))
    return problems


def element_at(tree, path: str | None):
    """The element an error-log path (``/*/*[2]/*``) names, or None."""
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


_UNION_DATE = re.compile(r"attribute '(\w+)': '([^']*)' is not a valid value of the union type '[^']*isoDate'\.")
_NO_ROOT = re.compile(r"Element '(\w+)': No matching global declaration available for the validation root\.")
_BAD_ID = re.compile(r"attribute 'xml:id': '([^']*)' is not a valid value of the atomic type 'xs:NCName'\.")


def _libxml2_message(message: str) -> str:
    message = tidy(message)
    message = _UNION_DATE.sub(
        lambda m: f"attribute '{m.group(1)}': '{m.group(2)}' is not a date that exists, "
                  "in the form YYYY, YYYY-MM or YYYY-MM-DD.", message)

    message = _BAD_ID.sub(lambda m: f"attribute 'xml:id': '{m.group(1)}' is not a valid xml:id "
                                    "(an XML name: it starts with a letter or _, and has no spaces or colons).", message)
    return _NO_ROOT.sub(lambda m: f"<{m.group(1)}> is not a root the house encoding allows (only <TEI>); "
                                  "check other TEI documents with --profile tei-all.", message)


class XmlSchema11:
    """Any XML Schema 1.0 or 1.1, with xmlschema: users' own schemas, and the reference engine."""

    def __init__(self, path: Path, rule: str):
        import xmlschema

        self.rule = rule
        #: the house schema's structure errors get jing's kind of message (a user's schema keeps xmlschema's)
        self.structure = HouseStructure(path) if rule == "teiedition-xsd" else None
        try:
            self.schema = xmlschema.XMLSchema11(str(path), allow="local", defuse="always")
        except (OSError, xmlschema.XMLSchemaException, etree.XMLSyntaxError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SchemaError(f"cannot use XML Schema: {first}", path=str(path)) from None
        except Exception as exc:  # xmlschema raises a few plain ParseErrors for broken files
            raise SchemaError(f"cannot use XML Schema: {type(exc).__name__}: {exc}", path=str(path)) from None

    def check(self, tree, name: str, locate) -> list[Problem]:
        problems = []
        unlisted = 0
        seen_attributes: set[tuple[int, str]] = set()
        errors = list(self.schema.iter_errors(tree))
        if self.structure is not None and any(_XMLSCHEMA_STRUCTURE.search(e.reason or "") for e in errors):
            rewritten = structure_problems(self.structure, tree, name, locate, self.rule)
            if rewritten:
                problems.extend(rewritten)
                errors = [e for e in errors if not _XMLSCHEMA_STRUCTURE.search(e.reason or "")]
        for err in errors:
            if len(problems) >= MAX_PROBLEMS_PER_CHECK:
                unlisted += 1
                continue
            el = err.elem if isinstance(getattr(err, "elem", None), etree._Element) else None
            reason = tidy(_assertion_message(err) or err.reason or err.message)
            attr = _ATTRIBUTE_ERROR.match(reason)
            if attr:  # a union type reports once per member: keep one line per attribute
                key = (id(el), attr.group(1))
                if key in seen_attributes:
                    continue
                seen_attributes.add(key)
                if attr.group(1) in _DATE_ATTRIBUTES and ("datetime" in reason or "d{4}" in reason):
                    reason = (f"attribute {attr.group(1)}='{attr.group(2)}': not a date that exists, "
                              "in the form YYYY, YYYY-MM or YYYY-MM-DD")
                elif attr.group(1) == "xml:id" and "pattern" in reason:
                    reason = (f"attribute xml:id='{attr.group(2)}': not a valid xml:id (an XML name: "
                              "it starts with a letter or _, and has no spaces or colons)")
            line, col = locate.position(el)
            problems.append(Problem(name, line, col, "error", reason, self.rule, locate.xpath(el)))
        problems.sort(key=lambda p: (p.line, p.col))
        if unlisted:
            problems.append(more_problems(name, self.rule, unlisted))
        return problems


def _assertion_message(err) -> str | None:
    """An xs:assert's own words: the xs:documentation inside it, if the schema gives one."""
    validator = getattr(err, "validator", None)
    if type(validator).__name__ != "XsdAssert":
        return None
    annotation = getattr(validator, "annotation", None)
    docs = getattr(annotation, "documentation", None) or []
    text = " ".join("".join(d.itertext()) if hasattr(d, "itertext") else str(d) for d in docs).strip()
    return text or None


_ATTRIBUTE_ERROR = re.compile(r"^attribute (\S+)='(.*?)': ")
