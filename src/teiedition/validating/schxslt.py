"""ISO Schematron of any query binding (xslt, xslt2, xslt3) with SchXslt2 under saxonche.

Why: the Schematron an ODD yields (``extract-isosch.xsl``) and most project
Schematron use ``queryBinding="xslt2"``: XPath 2/3, beyond lxml's XSLT 1.0.
SchXslt2's ``transpile.xsl`` (shipped unmodified, MIT) turns the schema into
an XSLT 3.0 stylesheet once; saxonche runs it on each document and writes
SVRL.  SVRL locates a finding with ``fn:path()``
(``/Q{ns}TEI[1]/Q{ns}text[1]/@when``); ``element_for_path`` walks that path
in the lxml tree, so every message gets the file:line:col of its element.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from lxml import etree

from .. import resources
from ..errors import InputError
from .schematron import Finding

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
BINDINGS = ("xslt", "xslt2", "xslt3", "xpath", "xpath2", "xpath3", "xpath31", "exslt")

_LOCAL = threading.local()


def processor():
    """One Saxon processor per process (created after any fork, never inherited)."""
    from saxonche import PySaxonProcessor

    pid = os.getpid()
    if getattr(_LOCAL, "pid", None) != pid:
        _LOCAL.proc = PySaxonProcessor(license=False)
        _LOCAL.pid = pid
    return _LOCAL.proc


_ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"


def run_processor():
    """The processor that runs compiled Schematron on documents: no URI access at all.

    Why: documents come from strangers; a rule such as ``doc(@target)`` must
    not let a document make us read a local file or the network.  Compiling
    (which reads the schema and SchXslt2) happens on ``processor()``; the
    compiled stylesheet is handed over as text and needs no file.
    """
    from saxonche import PySaxonProcessor

    pid = os.getpid()
    if getattr(_LOCAL, "run_pid", None) != pid:
        proc = PySaxonProcessor(license=False)
        proc.set_configuration_property(_ALLOWED_PROTOCOLS, "")
        _LOCAL.run_proc = proc
        _LOCAL.run_pid = pid
    return _LOCAL.run_proc


def query_binding(path: str | os.PathLike) -> str:
    """The schema's ``@queryBinding`` (lower case; ``xslt`` when absent), or raise for a non-Schematron file."""
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"cannot read Schematron schema: {exc}", path=str(path)) from None
    if root.tag != f"{{{SCH_NS}}}schema":
        raise InputError("not an ISO Schematron schema (root must be sch:schema in "
                         f"{SCH_NS})", path=str(path))
    return (root.get("queryBinding") or "xslt").strip().lower()


class Xslt3Schematron:
    """A Schematron schema compiled by SchXslt2 to XSLT 3.0; run by saxonche on many documents."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.binding = query_binding(self.path)
        if self.binding not in BINDINGS:
            raise InputError(f'queryBinding="{self.binding}" is not supported: use xslt, xslt2 or xslt3',
                             path=str(path))
        self.unlisted = 0
        self._names = _rule_names(self.path)
        self._xslt_text = self._transpile()
        self._executable = None
        self._pid = None
        self.executable()  # compile now: a broken schema is a usage error, not a fault of each file

    def _transpile(self) -> str:
        proc = processor()
        xslt = proc.new_xslt30_processor()
        try:
            transpiler = xslt.compile_stylesheet(stylesheet_file=str(resources.SCHXSLT2_XSL))
            text = transpiler.transform_to_string(source_file=str(self.path.resolve()))
        except Exception as exc:  # saxonche raises PySaxonApiError with Saxon's message
            raise InputError(f"Schematron schema does not compile: {_one_line(exc)}", path=str(self.path)) from None
        if not text:
            raise InputError("Schematron schema does not compile (SchXslt2 wrote nothing)", path=str(self.path))
        return text

    def executable(self):
        """The compiled validator, made once per process (a forked worker makes its own)."""
        if self._executable is None or self._pid != os.getpid():
            proc = run_processor()
            xslt = proc.new_xslt30_processor()
            base = self.path.resolve().as_uri()
            try:
                self._executable = xslt.compile_stylesheet(stylesheet_text=self._xslt_text, base_uri=base)
            except Exception as exc:
                raise InputError(f"Schematron schema does not compile: {_one_line(exc)}",
                                 path=str(self.path)) from None
            self._pid = os.getpid()
        return self._executable

    def svrl(self, tree: etree._ElementTree, base_uri: str | None = None) -> etree._Element:
        """Run the schema on a tree; the SVRL report."""
        proc = run_processor()
        data = etree.tostring(tree.getroot(), encoding="unicode")  # no DOCTYPE: entities are already expanded
        node = proc.parse_xml(xml_text=data)
        if base_uri:
            try:
                node.set_base_uri(base_uri)  # older saxonche: not settable; only document-uri() differs
            except Exception:
                pass
        from .odd import _last_messages, _stderr_captured

        failure = None
        with _stderr_captured() as said:  # Saxon reports dynamic errors on fd 2: keep them for one line
            try:
                out = self.executable().transform_to_string(xdm_node=node)
            except Exception as exc:
                failure = exc
        if failure is not None:
            raise InputError(f"Schematron failed while running: {_last_messages(said(), failure)}",
                             path=str(self.path)) from None
        return etree.fromstring(out.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True,
                                                                     huge_tree=True))

    def check(self, tree: etree._ElementTree, *, limit: int | None = None,
              base_uri: str | None = None) -> list[Finding]:
        """Failed assertions and successful reports in document order; past ``limit``, counted only."""
        report = self.svrl(tree, base_uri)
        findings: list[Finding] = []
        self.unlisted = 0
        context = ""
        for item in report.iter(f"{{{SVRL_NS}}}fired-rule", f"{{{SVRL_NS}}}failed-assert",
                                f"{{{SVRL_NS}}}successful-report"):
            if item.tag == f"{{{SVRL_NS}}}fired-rule":
                context = item.get("context") or ""
                continue
            if limit is not None and len(findings) >= limit:
                self.unlisted += 1
                continue
            role = (item.get("role") or item.get("flag") or "error").lower()
            severity = "warning" if role in ("warning", "warn", "info", "information", "nonfatal") else "error"
            text = item.findtext(f"{{{SVRL_NS}}}text") or ""
            findings.append(Finding(rule=item.get("id") or self._names.get((context, item.get("test") or "")) or "schematron", severity=severity,
                                    message=" ".join(text.split()),
                                    element=element_for_path(tree, item.get("location") or "")))
        return findings


def _rule_names(path: Path) -> dict[tuple[str, str], str]:
    """(rule context, test) → the assertion's @id, else its pattern's: SVRL from SchXslt2 names neither."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    names: dict[tuple[str, str], str] = {}
    s = f"{{{SCH_NS}}}"
    for pattern in root.iter(f"{s}pattern"):
        for rule in pattern.iter(f"{s}rule"):
            for test in rule.iter(f"{s}assert", f"{s}report"):
                name = test.get("id") or rule.get("id") or pattern.get("id")
                if name:
                    names.setdefault((rule.get("context") or "", test.get("test") or ""), name)
    return names


def element_for_path(tree: etree._ElementTree, location: str) -> etree._Element | None:
    """The element an XPath 3 ``fn:path()`` names (an attribute or text node stands for its element)."""
    if not location.startswith("/"):
        return None
    current: etree._Element | None = None
    for step in _split_steps(location):
        if step.startswith("@") or step.startswith("text()") or step.startswith("comment()") \
                or step.startswith("processing-instruction("):
            return current
        m = re.fullmatch(r"(?:Q\{(?P<ns>[^}]*)\})?(?P<name>[^\[]+)(?:\[(?P<n>\d+)\])?", step)
        if not m:
            return current
        tag = f"{{{m['ns']}}}{m['name']}" if m["ns"] else m["name"]
        n = int(m["n"] or 1)
        if current is None:
            root = tree.getroot()
            node = root if root.tag == tag and n == 1 else None
        else:
            same = [c for c in current if c.tag == tag]
            node = same[n - 1] if len(same) >= n else None
        if node is None:
            return current
        current = node
    return current


def _split_steps(location: str) -> list[str]:
    """``/Q{a/b}x[1]/y[2]`` → ``["Q{a/b}x[1]", "y[2]"]`` (slashes inside ``{}`` are not separators)."""
    steps, buf, depth = [], [], 0
    for ch in location[1:]:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "/" and depth == 0:
            steps.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    if buf:
        steps.append("".join(buf))
    return [s for s in steps if s]


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:500]
