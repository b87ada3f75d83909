"""ISO Schematron with lxml, plus the few checks XPath 1.0 cannot make.

Why lxml.isoschematron: it is built into lxml (no extra engine, no Java),
compiles a schema to XSLT 1.0 once and runs it in C, which keeps batch
validation fast.  Reading the words of a date ("5.XI.62", "June 9, 1969") is
beyond XPath 1.0, so the date-agrees rule calls one extension function in the
``urn:x-teiedition:fn`` namespace (prefix ``te``):

* ``te:date-agrees(when, text)``: the words of a ``date`` element do not
  contradict its ``@when`` (see ``date_agrees``).

That rule runs only in this engine; every other rule is XPath 1.0 with EXSLT
and runs in any ISO Schematron processor.  ``real_iso_date`` is the reference
the XPath 1.0 date-real rule is tested against.
"""

from __future__ import annotations

import calendar
import copy
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron

from ..errors import InputError
from ..recognising.dates import MONTH_WORDS, ROMAN_MONTHS

FN_NS = "urn:x-teiedition:fn"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"

_MONTHS = MONTH_WORDS
_ROMAN = ROMAN_MONTHS

_ISO = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def real_iso_date(value: str) -> bool:
    """True when ``value`` is YYYY, YYYY-MM or YYYY-MM-DD and names a day that exists."""
    m = _ISO.match(value.strip())
    if not m:
        return False
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return True
    if not 1 <= int(month) <= 12:
        return False
    if day is None:
        return True
    if year < 1:
        return 1 <= int(day) <= 31
    return 1 <= int(day) <= calendar.monthrange(year, int(month))[1]


def _mentioned_months(text: str) -> set[int]:
    found = {_MONTHS[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in _MONTHS}
    found |= {_ROMAN[w] for w in re.findall(r"(?<![A-Za-z])([IVX]{1,4})(?![A-Za-z])", text)
              if w in _ROMAN}
    return found


def date_agrees(when: str, text: str) -> bool:
    """Whether the written date ``text`` can be read as ``@when``; unknown shapes pass.

    A four-digit year in the text must be the year of ``@when``; a month
    written by name or Roman numeral must be its month; a day number, when
    ``@when`` has a day and the text has numbers, must occur.  All-numeric
    forms (``17.12.47``, ``10/14/50``) must contain the day, the month and the
    two-digit year.  Text with no digits and no month names ("the same day")
    says nothing and passes: this rule catches contradictions, not omissions.
    """
    m = _ISO.match(when.strip())
    if not m or not real_iso_date(when):
        return True  # date-real reports this
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    text = " ".join(text.split())
    numbers = re.findall(r"\d+", text)
    four = {int(n) for n in numbers if len(n) == 4}
    small = [int(n) for n in numbers if len(n) <= 2]
    if four and year not in four:
        return False
    months = _mentioned_months(text)
    if month and months and month not in months:
        return False
    if day and small and day not in small:
        return False
    if not four and not months and month and len(small) >= 2 and month not in small:
        return False
    if not four and len(small) >= (3 if not months else 2) and year % 100 not in small:
        return False
    return True


def _first_string(value) -> str:
    if isinstance(value, list):
        if not value:
            return ""
        value = value[0]
        if not isinstance(value, str):
            value = value.text if hasattr(value, "text") else str(value)
    return "" if value is None else str(value)


#: xml:id counts of the document being checked (one pass per document; cleared by ``check``).
_ID_COUNTS: dict = {}


def _id_count(ctx, value) -> float:
    """``te:id-count(@xml:id)``: how many elements of this document carry that xml:id (linear in all)."""
    root = ctx.context_node.getroottree().getroot() if hasattr(ctx.context_node, "getroottree") else None
    key = id(root)
    if _ID_COUNTS.get("root") != key:
        _ID_COUNTS.clear()
        _ID_COUNTS["root"] = key
        counts: dict[str, int] = {}
        if root is not None:
            for v in root.xpath("//@xml:id"):
                counts[str(v)] = counts.get(str(v), 0) + 1
        _ID_COUNTS["counts"] = counts
    return float(_ID_COUNTS["counts"].get(_first_string(value), 0))


def _register_functions() -> None:
    ns = etree.FunctionNamespace(FN_NS)
    ns.prefix = "te"
    ns["date-agrees"] = lambda _ctx, when, text: date_agrees(_first_string(when), _first_string(text))
    ns["id-count"] = _id_count


_register_functions()


@dataclass(frozen=True)
class Finding:
    """One failed assertion or successful report, with the node it is about."""

    rule: str
    severity: str
    message: str
    element: etree._Element | None


XSL_NS = "http://www.w3.org/1999/XSL/Transform"

#: The nodes the running validation reported, in order; SVRL ``@location`` holds an index into it.
_REPORTED: list = []


def _node_ref(_ctx, nodes) -> str:
    """``te:node-ref(.)``: remember the node a finding is about, return its index as the location."""
    if isinstance(nodes, list) and nodes:
        _REPORTED.append(nodes[0])
        return str(len(_REPORTED) - 1)
    return ""


etree.FunctionNamespace(FN_NS)["node-ref"] = _node_ref


class SchematronSchema:
    """A compiled ISO Schematron schema (XSLT 1.0 binding), reused for many documents.

    The skeleton writes each finding's location as an XPath built by counting
    preceding siblings: quadratic in a flat file with many findings.  The
    compiled stylesheet is changed to hand the node itself to Python instead
    (``te:node-ref``), which is also exact where an XPath would need namespaces.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.unlisted = 0
        try:
            doc = etree.parse(str(self.path), etree.XMLParser(resolve_entities=False, no_network=True))
        except (OSError, etree.XMLSyntaxError) as exc:
            raise InputError(f"cannot read Schematron schema: {exc}", path=str(path)) from None
        binding = (doc.getroot().get("queryBinding") or "xslt").lower()
        if binding not in ("xslt", "exslt", "xpath"):
            raise InputError(f'queryBinding="{binding}" is not supported: teiedition runs the XSLT 1.0 '
                             "binding (XPath 1.0 with EXSLT); use an XSLT 2/3 Schematron engine for this "
                             "schema", path=str(path))
        try:
            compiled = isoschematron.Schematron(doc, store_xslt=True)._validator_xslt
            self._transform = etree.XSLT(_locations_by_reference(compiled))
        except etree.SchematronParseError as exc:
            raise InputError(f"not a usable ISO Schematron schema (XSLT 1.0 binding): {exc}",
                             path=str(path)) from None
        except (etree.XSLTParseError, etree.XSLTApplyError) as exc:
            raise InputError(f"Schematron schema does not compile: {exc}", path=str(path)) from None

    def check(self, tree: etree._ElementTree, *, limit: int | None = None) -> list[Finding]:
        """Run the schema; return its failed assertions and successful reports in document order.

        Past ``limit`` findings, the rest are only counted, in ``self.unlisted``.
        """
        _REPORTED.clear()
        _ID_COUNTS.clear()
        try:
            report = self._transform(tree)
            findings: list[Finding] = []
            self.unlisted = 0
            for item in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
                if limit is not None and len(findings) >= limit:
                    self.unlisted += 1
                    continue
                role = (item.get("role") or item.get("flag") or "error").lower()
                severity = "warning" if role in ("warning", "warn", "info", "information") else "error"
                text = item.findtext(f"{{{SVRL_NS}}}text") or ""
                findings.append(Finding(
                    rule=item.get("id") or "schematron",
                    severity=severity,
                    message=" ".join(text.split()),
                    element=_reported_element(item.get("location") or ""),
                ))
            return findings
        finally:
            _REPORTED.clear()
            _ID_COUNTS.clear()


def _locations_by_reference(compiled: etree._ElementTree) -> etree._ElementTree:
    """The compiled validator, with ``location="{te:node-ref(.)}"`` instead of a built XPath.

    Also dropped, being unused and costly on every element: the ``svrl:fired-rule``
    records and the copy of the document's text into each ``svrl:active-pattern``.
    """
    doc = copy.deepcopy(compiled)
    root = doc.getroot()
    for fired in list(root.iter(f"{{{SVRL_NS}}}fired-rule")):
        fired.getparent().remove(fired)
    for pattern in root.iter(f"{{{SVRL_NS}}}active-pattern"):
        for child in list(pattern):
            if child.tag == f"{{{XSL_NS}}}apply-templates":
                pattern.remove(child)
    for attribute in root.iter(f"{{{XSL_NS}}}attribute"):
        if attribute.get("name") != "location":
            continue
        for child in list(attribute):
            attribute.remove(child)
        value = etree.SubElement(attribute, f"{{{XSL_NS}}}value-of", nsmap={"te": FN_NS})
        value.set("select", "te:node-ref(.)")
    return doc


def _reported_element(location: str):
    """The element a finding is about (an attribute or text node stands for its element)."""
    if not location.isdigit() or int(location) >= len(_REPORTED):
        return None
    node = _REPORTED[int(location)]
    if isinstance(node, etree._Element):
        return node
    parent = getattr(node, "getparent", lambda: None)()
    return parent if isinstance(parent, etree._Element) else None
