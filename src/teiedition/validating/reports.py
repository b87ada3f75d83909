"""Validation results and their three formats: text for editors, JSON and JUnit for pipelines.

Why: an editor wants ``file:line:col: error: message [rule]`` lines an editor
(Emacs, VS Code, vim's quickfix) can jump to; an ingest pipeline wants a
stable machine-readable record of every file, including the unreadable ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

from lxml import etree

from .. import __version__


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, at a line and column, found by one rule."""

    path: str
    line: int
    col: int
    severity: str  # "error" | "warning"
    message: str
    rule: str
    xpath: str = ""

    def format(self) -> str:
        """The editor-friendly line: ``file:line:col: severity: message [rule] (at /TEI/...)``."""
        where = f" (at {self.xpath})" if self.xpath else ""
        return printable(f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.rule}]{where}")


#: Problems listed per check and file; past it one line says how many more there are.  A broken
#: file with 100,000 dangling pointers gets a readable report, in linear time.
MAX_PROBLEMS_PER_CHECK = 1000


def more_problems(path: str, rule: str, extra: int) -> Problem:
    """The line that stands for the problems past ``MAX_PROBLEMS_PER_CHECK``."""
    return Problem(path, 1, 1, "error", f"... and {extra} more problems found by this check, not listed "
                   f"(only the first {MAX_PROBLEMS_PER_CHECK} are)", rule, "")


@dataclass(frozen=True)
class Report:
    """Everything found in one file; ``ok`` means no errors (warnings allowed)."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    ok: bool = True
    unreadable: bool = False

    @classmethod
    def of(cls, path: str, problems: list[Problem], *, unreadable: bool = False) -> "Report":
        """Build a report whose ``ok`` follows from its problems."""
        ok = not unreadable and not any(p.severity == "error" for p in problems)
        return cls(path=path, problems=list(problems), ok=ok, unreadable=unreadable)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def status(self) -> str:
        return "unreadable" if self.unreadable else ("valid" if self.ok else "invalid")


@dataclass(frozen=True)
class Summary:
    """Counts over a batch, and the exit code they imply."""

    files: int
    valid: int
    invalid: int
    unreadable: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, reports: Iterable[Report]) -> "Summary":
        reports = list(reports)
        return cls(
            files=len(reports),
            valid=sum(1 for r in reports if r.ok),
            invalid=sum(1 for r in reports if not r.ok and not r.unreadable),
            unreadable=sum(1 for r in reports if r.unreadable),
            errors=sum(r.errors for r in reports),
            warnings=sum(r.warnings for r in reports),
        )

    @property
    def exit_code(self) -> int:
        """0 all valid, 1 some invalid, 2 some unreadable (the worst wins)."""
        if self.unreadable:
            return 2
        return 1 if self.invalid else 0

    def line(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return (f"{n(self.files, 'file')}: {self.valid} valid, {self.invalid} invalid, "
                f"{self.unreadable} unreadable ({n(self.errors, 'error')}, {n(self.warnings, 'warning')})")


_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe for a terminal, JSON and XML: control characters and undecodable bytes of
    file names (surrogate escapes) become ``\\xNN``, so no escape sequence reaches a terminal."""
    def escape(m: re.Match) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\x{code:02x}" if code < 0x100 \
            else f"\\u{code:04x}"
    return _UNPRINTABLE.sub(escape, text)


def report_to_text(reports: list[Report]) -> str:
    """One line per problem, then the summary line."""
    lines = [p.format() for r in reports for p in r.problems]
    lines.append(Summary.of(reports).line())
    return "\n".join(lines) + "\n"


def report_to_dict(report: Report) -> dict:
    """A JSON-ready record of one file."""
    return {
        "path": printable(report.path),
        "status": report.status,
        "ok": report.ok,
        "unreadable": report.unreadable,
        "errors": report.errors,
        "warnings": report.warnings,
        "problems": [{k: printable(v) if isinstance(v, str) else v for k, v in asdict(p).items()}
                     for p in report.problems],
    }


def report_to_json(reports: list[Report], *, profile: str = "teiedition") -> str:
    """The whole batch as one JSON document (stable keys, UTF-8, no ASCII escaping)."""
    summary = Summary.of(reports)
    doc = {
        "validator": f"teiedition {__version__}",
        "profile": profile,
        "summary": {**asdict(summary), "exit_code": summary.exit_code},
        "files": [report_to_dict(r) for r in reports],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def report_to_junit(reports: list[Report], *, profile: str = "teiedition") -> str:
    """JUnit XML: one test case per file; errors as ``failure``, unreadable files as ``error``."""
    summary = Summary.of(reports)
    suite = etree.Element("testsuite", {
        "name": f"teiedition validate ({profile})",
        "tests": str(summary.files),
        "failures": str(summary.invalid),
        "errors": str(summary.unreadable),
        "skipped": "0",
    })
    for report in reports:
        case = etree.SubElement(suite, "testcase", {"classname": "teiedition.validate",
                                                    "name": printable(report.path)})
        if report.ok and not report.problems:
            continue
        body = "\n".join(p.format() for p in report.problems)
        first = printable(report.problems[0].message if report.problems else report.status)
        if report.unreadable:
            etree.SubElement(case, "error", {"message": first, "type": "unreadable"}).text = body
        elif not report.ok:
            etree.SubElement(case, "failure", {
                "message": f"{report.errors} error(s): {first}", "type": "invalid"}).text = body
        else:
            etree.SubElement(case, "system-out").text = body
    suites = etree.Element("testsuites")
    suites.append(suite)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
