"""``teiedition validate``: project schema, Schematron rules and official TEI, for any TEI file.

Why: editors who hand-edit TEI need to know exactly what is wrong and where;
archives ingesting files from strangers need a yes/no, a machine-readable
report and a parser that no hostile file can hurt.  Every input is parsed
with ``safexml`` (no DTD, no entities, no network, no XInclude, size and
depth limits); a refusal becomes an *unreadable* report, never a traceback.

Profiles: ``teiedition`` (``schema/teiedition.xsd``, see ``xsd.py`` for its
two engines, then ``schema/teiedition.sch``), ``tei-all`` (the official
``tei_all.rng``, checked as jing does by ``rngvalid``), ``both``.  Schemas are compiled once per process; a
batch forks workers after compiling, so each worker starts ready.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import glob
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from .. import resources
from ..errors import TeiEditionError
from ..progress import Progress
from .reports import (MAX_PROBLEMS_PER_CHECK, Problem, Report, Summary, more_problems, report_to_json,
                      report_to_junit, report_to_text)
from ..safexml import parse_xml_file
from ..xinclude import has_includes
from ..xinclude import resolve as resolve_xincludes
from .rnggrammar import UnsupportedGrammar
from .teiall import TeiAllCheck, libxml2_problems
from .xsd import ProjectXsd, SchemaError, XmlSchema11

__all__ = ["Problem", "Report", "Validator", "validate", "find_tei_all", "expand_paths",
           "report_to_json", "report_to_junit", "report_to_text", "PROFILES", "SCHEMA_DIR"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
PROFILES = ("teiedition", "tei-all", "both", "none")

#: Where the project schemas live (the repository's ``schema/``); TEIEDITION_SCHEMA_DIR overrides.
SCHEMA_DIR = resources.SCHEMA_DIR
PROJECT_XSD = SCHEMA_DIR / "teiedition.xsd"
PROJECT_SCH = SCHEMA_DIR / "teiedition.sch"

class UsageError(SchemaError):
    """A wrong option or a schema that cannot be used (exit 2)."""


def find_tei_all(explicit: str | os.PathLike | None = None) -> Path:
    """The tei_all.rng to use: the option, else TEIEDITION_TEI_ALL, else the copy shipped in the package."""
    candidates = [explicit] if explicit else []
    if not candidates and os.environ.get("TEIEDITION_TEI_ALL"):
        candidates = [os.environ["TEIEDITION_TEI_ALL"]]
    if candidates:
        path = Path(candidates[0])
        if not path.is_file():
            raise UsageError(f"tei_all.rng not found at {path} (check --tei-all or TEIEDITION_TEI_ALL)")
        return path
    if resources.TEI_ALL_RNG.is_file():
        return resources.TEI_ALL_RNG
    raise UsageError(f"the packaged tei_all.rng is missing ({resources.TEI_ALL_RNG}): reinstall teiedition, "
                     "or pass --tei-all PATH")


# --------------------------------------------------------------------------- locating nodes

class Locator:
    """Line, column and a readable path (``/TEI/text/body/p[3]``) for elements of one tree.

    libxml2 records the line where a start tag *ends*; when the source text is
    known we find the tag's ``<`` instead, so the column points at it.
    """

    def __init__(self, tree: etree._ElementTree, source=None, origin=None):
        self.tree = tree
        self._origin = origin  # element -> the XIncluded file it came from (None: this file), or None
        self.elements: dict[str, etree._Element] = {}  # each xpath given out -> its element
        self._source = source  # bytes, or a function returning them (read only if a problem is found)
        self._decoded = False
        self._text: str | None = None
        self._line_starts: list[int] | None = None
        # per tag: element -> its index among same-named elements, and the offsets of their "<"
        self._offsets: dict[str, tuple[dict, list[int]]] = {}
        self._positions: dict = {}  # per parent: child -> its [n] among namesakes (0: the only one)

    @property
    def text(self) -> str | None:
        if not self._decoded:
            self._decoded = True
            source = self._source() if callable(self._source) else self._source
            if source is not None:
                try:
                    self._text = source.decode(self.tree.docinfo.encoding or "utf-8")
                except (LookupError, UnicodeDecodeError):
                    self._text = None
        return self._text

    def position(self, el: etree._Element | None) -> tuple[int, int]:
        if el is None or not isinstance(el, etree._Element):
            return (1, 1)
        line = el.sourceline or 1
        if self.text is None or not isinstance(el.tag, str):
            return (line, 1)
        if self._origin is not None and self._origin(el) is not None:
            return (line, 1)  # from an included file: its own line; the source text here is another file's
        qname = f"{el.prefix}:{etree.QName(el).localname}" if el.prefix else etree.QName(el).localname
        index_of, offsets = self._tags(qname, el)
        index = index_of.get(el)
        if index is None or index >= len(offsets):
            return (line, 1)
        found_line, col = self._line_col(offsets[index])
        if found_line > line or line - found_line > 50:
            return (line, 1)
        return (found_line, col)

    def _tags(self, qname: str, el: etree._Element):
        if qname not in self._offsets:
            same = [e for e in self.tree.iter(el.tag) if (e.prefix or None) == (el.prefix or None)
                    and (self._origin is None or self._origin(e) is None)]
            pattern = re.compile(r"<" + re.escape(qname) + r"(?=[\s/>])")
            self._offsets[qname] = ({e: i for i, e in enumerate(same)},
                                    [m.start() for m in pattern.finditer(self.text)])
        return self._offsets[qname]

    def _line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return (i + 1, offset - self._line_starts[i] + 1)

    def _namesake_position(self, parent: etree._Element, node: etree._Element) -> int:
        if parent not in self._positions:
            counts: dict = {}
            numbered: dict = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
                numbered[child] = counts[child.tag]
            self._positions[parent] = {c: (n if counts[c.tag] > 1 else 0) for c, n in numbered.items()}
        return self._positions[parent].get(node, 0)

    def xpath(self, el: etree._Element | None) -> str:
        """A short path: TEI names without prefix, others as ``Q{ns}name``; ``[n]`` only among namesakes."""
        if el is None or not isinstance(el, etree._Element):
            return ""
        steps = []
        node = el
        while node is not None and isinstance(node.tag, str):
            q = etree.QName(node)
            name = q.localname if q.namespace in (TEI_NS, None) else f"Q{{{q.namespace}}}{q.localname}"
            parent = node.getparent()
            if parent is not None:
                n = self._namesake_position(parent, node)
                if n:
                    name += f"[{n}]"
            steps.append(name)
            node = parent
        path = "/" + "/".join(reversed(steps))
        self.elements[path] = el
        return path


# --------------------------------------------------------------------------- checks

class RelaxNgCheck:
    """A RELAX NG schema (lxml/libxml2): tei_all or a user's ``.rng``."""

    def __init__(self, path: Path, rule: str):
        self.rule = rule
        try:
            doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
            self.schema = etree.RelaxNG(doc)
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
            raise UsageError(f"cannot use RELAX NG schema: {exc}", path=str(path)) from None

    def check(self, tree, name: str, locate: Locator) -> list[Problem]:
        if self.schema.validate(tree):
            return []
        return libxml2_problems(list(self.schema.error_log), tree, name, locate, self.rule)


class SchematronCheck:
    """An ISO Schematron schema; each finding keeps its assertion's ``@id`` as the rule."""

    def __init__(self, path: Path):
        from .schematron import SchematronSchema

        self.schema = SchematronSchema(path)

    def check(self, tree, name: str, locate: Locator) -> list[Problem]:
        problems = []
        for f in self.schema.check(tree, limit=MAX_PROBLEMS_PER_CHECK):
            line, col = locate.position(f.element)
            problems.append(Problem(name, line, col, f.severity, f.message, f.rule, locate.xpath(f.element)))
        if self.schema.unlisted:
            problems.append(more_problems(name, "schematron", self.schema.unlisted))
        return problems


_COMPILED: dict[tuple, object] = {}


def compiled(kind, path: Path, *args):
    """A check compiled once per process (tei_all takes seconds); recompiled if the file changes."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    key = (kind.__name__, str(path.resolve()), stamp, args)
    if key not in _COMPILED:
        _COMPILED[key] = kind(path, *args)
    return _COMPILED[key]


def _rng_check(path: Path, rule: str):
    """A RELAX NG grammar checked as jing does (``teiall``); one it cannot read goes to libxml2 whole."""
    try:
        return compiled(TeiAllCheck, path, rule)
    except UnsupportedGrammar:
        return compiled(RelaxNgCheck, path, rule)


def _tei_all_check(path: Path):
    return _rng_check(path, "tei-all")


def _user_checks(path: str | os.PathLike) -> list:
    """The checks one ``--schema`` stands for: .xsd, .rng, .rnc, .sch (any queryBinding) or an ODD (two)."""
    from .userschemas import odd_checks, rnc_to_rng, schematron_check

    p = Path(path)
    if not p.is_file():
        raise UsageError("schema file not found", path=str(path))
    suffix = p.suffix.lower()
    if suffix == ".xsd":
        return [compiled(XmlSchema11, p, f"xsd:{p.name}")]
    if suffix == ".rng":
        return [_rng_check(p, f"rng:{p.name}")]
    if suffix == ".rnc":
        return [_rng_check(rnc_to_rng(p), f"rnc:{p.name}")]
    if suffix == ".sch":
        return [schematron_check(p, compiled, SchematronCheck)]
    if suffix == ".odd":
        return odd_checks(p, _rng_check)
    raise UsageError("unknown schema type: use a .xsd, .rng, .rnc, .sch or .odd file", path=str(path))


# --------------------------------------------------------------------------- the validator

class Validator:
    """Schemas for one profile, compiled once; validate many files or trees with it."""

    def __init__(self, profile: str = "teiedition", schemas: Sequence[str | os.PathLike] = (),
                 tei_all: str | os.PathLike | None = None, *, xsd_engine: str | None = None):
        if profile not in PROFILES:
            raise UsageError(f"unknown profile {profile!r}: choose one of {', '.join(PROFILES)}")
        xsd_engine = xsd_engine or os.environ.get("TEIEDITION_XSD_ENGINE") or "libxml2"
        if xsd_engine not in ("libxml2", "xmlschema"):
            raise UsageError(f"unknown XSD engine {xsd_engine!r}: choose libxml2 or xmlschema")
        self.profile = profile
        self.xsd_engine = xsd_engine
        self.schemas = tuple(str(s) for s in schemas)
        self.tei_all = None if tei_all is None else str(tei_all)
        self.checks = []
        if profile in ("teiedition", "both"):
            engine = ProjectXsd if xsd_engine == "libxml2" else XmlSchema11
            self.checks.append(compiled(engine, PROJECT_XSD, "teiedition-xsd"))
            self.checks.append(compiled(SchematronCheck, PROJECT_SCH))
        self.member_checks = tuple(self.checks)  # the house rules know <TEI> only: a corpus member by member
        if profile in ("tei-all", "both"):
            self.checks.append(_tei_all_check(find_tei_all(tei_all)))
        if profile == "none" and not schemas:
            raise UsageError("--profile none validates against your own schema only: add --schema FILE")
        for s in schemas:
            self.checks.extend(_user_checks(s))

    def validate_file(self, path: str | os.PathLike) -> Report:
        """Parse with the hardened parser and validate; refusals become an unreadable report."""
        name = str(path)
        included = None
        try:
            tree = parse_xml_file(path, allow_xinclude=True, entities="internal")
            if has_includes(tree):
                included = resolve_xincludes(tree, path, entities="internal")
        except TeiEditionError as exc:
            return p4_report(name, path) or unreadable_report(name, exc)

        def source() -> bytes | None:
            try:
                with open(path, "rb") as fh:
                    return fh.read()
            except OSError:
                return None

        return self.validate_tree(tree, name, source=source, included=included)

    def validate_tree(self, tree: etree._ElementTree, name: str, *, source=None, included=None) -> Report:
        """Validate a tree already parsed (with ``safexml``); ``source`` (bytes) sharpens columns.

        ``included`` (from ``xinclude.resolve``) says which elements came from
        which included file: their problems name that file and its lines.
        """
        if isinstance(tree, etree._Element):
            tree = tree.getroottree()
        locate = Locator(tree, source, included.origin if included else None)
        root = tree.getroot()
        q = etree.QName(root)
        if q.namespace is None and q.localname in P4_ROOTS:
            return Report.of(name, [p4_problem(name, root.sourceline or 1)])
        if q.namespace != TEI_NS or q.localname not in ("TEI", "teiCorpus"):
            where = f"in namespace {q.namespace}" if q.namespace else "in no namespace"
            msg = (f"not a TEI document: the root element is <{q.localname}> {where}; "
                   f"expected <TEI> in {TEI_NS}")
            return Report.of(name, [Problem(name, root.sourceline or 1, 1, "error", msg, "not-tei", f"/{q.localname}")])
        problems: list[Problem] = []
        for check in self.checks:
            if q.localname == "teiCorpus" and check in self.member_checks:
                problems.extend(corpus_member_problems(check, tree, name, locate))
            else:
                problems.extend(check.check(tree, name, locate))
        if included is not None:
            problems = [in_included_file(p, name, locate, included) for p in problems]
        hint = foreign_tei_hint(tree, name, problems, self.profile)
        return Report.of(name, [*problems, hint] if hint else problems)


P4_ROOTS = ("TEI.2", "teiCorpus.2")
_P4_SNIFF = re.compile(rb"<!DOCTYPE\s+(?:TEI\.2|teiCorpus\.2)\b|<(?:TEI\.2|teiCorpus\.2)[\s>]")


def p4_problem(name: str, line: int) -> Problem:
    """TEI P4 (``<TEI.2>``, no namespace, a DTD): named as such, with the way to P5."""
    return Problem(name, line, 1, "error",
                   "TEI P4 document (<TEI.2>, no namespace): P5 schemas cannot validate it; convert it to TEI P5 "
                   "first (e.g. the TEI Stylesheets' p4/p4top5.xsl), then validate the result", "tei-p4", "")


def p4_report(name: str, path) -> Report | None:
    """For a file the parser refused: a P4 report if it is TEI P4 (its DTD is why it was refused)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return None
    m = _P4_SNIFF.search(head)
    if not m:
        return None
    return Report.of(name, [p4_problem(name, head[:m.start()].count(b"\n") + 1)])


class _MemberLocator:
    """Positions and paths of a corpus member's copy, given as those of the original element."""

    def __init__(self, locate: Locator, copy_root, original_root):
        self.locate = locate
        self.original = dict(zip(copy_root.iter(), original_root.iter()))

    def position(self, el):
        return self.locate.position(self.original.get(el, el))

    def xpath(self, el):
        return self.locate.xpath(self.original.get(el, el))


def corpus_member_problems(check, tree, name: str, locate: Locator) -> list[Problem]:
    """A check that knows only <TEI> documents, run on each <TEI> of a <teiCorpus> (nested ones too)."""
    import copy

    problems = []
    members = tree.getroot().xpath("//t:teiCorpus/t:TEI", namespaces={"t": TEI_NS})
    if not members:  # nothing the house rules can check: say so, as for any other root
        return check.check(tree, name, locate)
    for member in members:
        twin = copy.deepcopy(member)
        problems.extend(check.check(etree.ElementTree(twin), name, _MemberLocator(locate, twin, member)))
    return problems


def in_included_file(problem: Problem, name: str, locate: Locator, included) -> Problem:
    """A problem on an element that came from an XIncluded file names that file (its own line)."""
    el = locate.elements.get(problem.xpath)
    origin = included.origin(el) if el is not None else None
    if origin is None:
        return problem
    shown = os.path.join(os.path.dirname(name), os.path.relpath(origin, Path(name).resolve().parent))
    return dataclasses.replace(problem, path=shown)


HOUSE_RULES = {"teiedition-xsd"} | {"ptr-target", "ptr-ref", "ptr-resp", "ptr-change", "ptr-spanTo", "ptr-corresp",
                                   "ptr-who", "id-unique", "date-real", "date-agrees", "stamp-date",
                                   "mark-note-target", "mark-note-metamark", "metamark-note", "signed-persName",
                                   "seg-not-empty"}
_HOUSE_APPLICATION = etree.XPath("/t:TEI/t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident='teiedition']",
                                 namespaces={"t": TEI_NS})


@functools.lru_cache(maxsize=1)
def house_element_names() -> frozenset[str]:
    """The TEI element names the house schema declares (its vocabulary)."""
    xsd = etree.parse(str(PROJECT_XSD), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    return frozenset(xsd.xpath("//xs:element/@name", namespaces={"xs": "http://www.w3.org/2001/XMLSchema"}))


def foreign_tei_hint(tree, name: str, problems: list[Problem], profile: str) -> Problem | None:
    """A warning, last in the report, when house rules reject TEI that was never in the house encoding.

    Why: valid TEI from elsewhere gets many house-rule errors under the default
    profile; the editor must learn that the file is simply not in the
    teiedition encoding, and how to check it as TEI.  A file counts as foreign
    when its header does not name ``appInfo/application[@ident="teiedition"]``
    (every converted file does) and it uses TEI elements the house schema does
    not have; a hand-edited house file with a wrong value gets no hint.
    """
    if profile == "tei-all":
        return None
    house = sum(1 for p in problems if p.rule in HOUSE_RULES and p.severity == "error")
    if not house or _HOUSE_APPLICATION(tree):
        return None
    known = house_element_names()
    foreign = sorted({etree.QName(el).localname for el in tree.iter(f"{{{TEI_NS}}}*")} - known)
    if not foreign:
        return None
    shown = ", ".join(f"<{n}>" for n in foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
    advice = ("see the tei-all errors for what TEI itself rejects" if profile == "both"
              else "to check it against TEI P5 itself, use --profile tei-all")
    root = tree.getroot()
    return Problem(name, root.sourceline or 1, 1, "warning",
                   f"not in the teiedition house encoding (no <application ident=\"teiedition\"> in its header, "
                   f"and elements the house encoding does not have: {shown}): the {house} house-rule "
                   f"error{'s' if house != 1 else ''} above {'are' if house != 1 else 'is'} not necessarily "
                   f"wrong TEI; {advice}", "not-house-encoding", "/" + etree.QName(root).localname)


def unreadable_report(name: str, exc: TeiEditionError) -> Report:
    """Turn a parser refusal (``path: line:col: message``) into a one-problem report."""
    message = str(exc)
    if message.startswith(f"{name}: "):
        message = message[len(name) + 2:]
    line, col = 1, 1
    m = re.match(r"(\d+):(\d+): (.*)$", message, re.S)
    if m:
        line, col, message = max(int(m.group(1)), 1), max(int(m.group(2)), 1), m.group(3)
    return Report.of(name, [Problem(name, line, col, "error", message, "unreadable", "")], unreadable=True)


# --------------------------------------------------------------------------- batches

_GLOB_CHARS = re.compile(r"[*?\[]")


def expand_paths(paths: Iterable[str]) -> tuple[list[str], list[Report]]:
    """Files, folders (every ``*.xml`` below, sorted) and globs → files, plus reports for what is missing.

    The reports for missing paths come after the files' reports in the output.
    """
    files: list[str] = []
    missing: list[Report] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            files.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*.xml") if f.is_file())
            if not found:
                missing.append(_missing(raw, "folder holds no .xml files"))
            for f in found:
                add(f)
        elif p.is_file():
            add(str(raw))
        elif p.exists():  # a pipe would block forever, a device never end: refuse both
            missing.append(_missing(raw, "not a regular file (a device, pipe or socket); refused"))
        elif _GLOB_CHARS.search(raw):
            found = sorted(f for f in glob.glob(raw, recursive=True) if Path(f).is_file())
            if not found:
                missing.append(_missing(raw, "no files match this pattern"))
            for f in found:
                add(f)
        else:
            missing.append(_missing(raw, "no such file or folder"))
    return files, missing


def _missing(name: str, message: str) -> Report:
    return Report.of(name, [Problem(name, 1, 1, "error", message, "unreadable", "")], unreadable=True)


_WORKER_VALIDATOR: Validator | None = None
_WORKER_ARGS: tuple = ()


def _worker_validate(path: str) -> Report:
    global _WORKER_VALIDATOR
    if _WORKER_VALIDATOR is None:  # spawn start method: compile once in this worker
        profile, schemas, tei_all, engine = _WORKER_ARGS
        _WORKER_VALIDATOR = Validator(profile, schemas, tei_all, xsd_engine=engine)
    return _safe_validate(_WORKER_VALIDATOR, path)


def _worker_init(args: tuple) -> None:
    global _WORKER_ARGS
    _WORKER_ARGS = args


def _safe_validate(validator: Validator, path: str) -> Report:
    """Validate one file; a bug in a check is reported against the file, not fatal to the batch."""
    try:
        return validator.validate_file(path)
    except TeiEditionError as exc:
        return unreadable_report(path, exc)
    except RecursionError:
        return _missing(path, "structure too deep to validate (refused)")
    except Exception as exc:  # pragma: no cover - a bug; keep the batch going and say so
        if os.environ.get("TEIEDITION_DEBUG"):
            raise
        return _missing(path, f"internal error while validating: {type(exc).__name__}: {exc}")


def validate_files(files: Sequence[str], validator: Validator, *, jobs: int = 0,
                   progress: bool | None = None) -> list[Report]:
    """Validate files in input order, in parallel when there are several and ``jobs`` allows."""
    global _WORKER_VALIDATOR
    jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    jobs = min(jobs, len(files))
    reports: list[Report] = []
    with Progress(len(files), label="validate", enabled=progress) as bar:
        if jobs <= 1 or len(files) < 4:
            for f in files:
                reports.append(_safe_validate(validator, f))
                bar.advance(note=Path(f).name)
            return reports
        methods = multiprocessing.get_all_start_methods()
        # saxonche's native runtime (ODD Schematron, SchXslt2) makes no promise about surviving fork:
        # such checks get fresh workers, which rebuild the validator (compiled ODDs come from the cache)
        fresh = any(getattr(c, "uses_saxon", False) for c in validator.checks)
        method = ("forkserver" if "forkserver" in methods else "spawn") if fresh else \
            ("fork" if "fork" in methods else None)
        ctx = multiprocessing.get_context(method)
        _WORKER_VALIDATOR = validator if method == "fork" else None  # inherited by forked workers
        args = (validator.profile, validator.schemas, validator.tei_all, validator.xsd_engine)
        chunk = max(1, min(16, len(files) // (jobs * 4)))
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                     initializer=_worker_init, initargs=(args,)) as pool:
                for report in pool.map(_worker_validate, files, chunksize=chunk):
                    reports.append(report)
                    bar.advance(note=Path(report.path).name)
        except BrokenProcessPool:
            # a worker died (killed, out of memory): never retry here, where it could kill us too
            for f in files[len(reports):]:
                reports.append(_missing(f, "a validation worker died while this file was pending "
                                           "(out of memory or killed?); validate it alone with -j 1"))
        finally:
            _WORKER_VALIDATOR = None
    return reports


def validate(paths: Iterable[str], *, profile: str = "teiedition", schemas: Sequence[str] = (),
             tei_all: str | None = None, fmt: str = "text", jobs: int = 0,
             progress: bool | None = None, out=None) -> int:
    """Validate files, folders and globs; print a report; return 0 valid, 1 invalid, 2 unreadable."""
    if fmt not in ("text", "json", "junit"):
        raise UsageError(f"unknown format {fmt!r}: choose text, json or junit")
    validator = Validator(profile=profile, schemas=tuple(schemas), tei_all=tei_all)
    files, missing = expand_paths(paths)
    reports = validate_files(files, validator, jobs=jobs, progress=progress) + missing
    if fmt == "json":
        text = report_to_json(reports, profile=profile)
    elif fmt == "junit":
        text = report_to_junit(reports, profile=profile)
    else:
        text = report_to_text(reports)
    stream = out or sys.stdout
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:  # `teiedition validate ... | head`: the reader left; the exit code still counts
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return Summary.of(reports).exit_code
