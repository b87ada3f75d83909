"""RELAX NG checks (``tei-all`` and a user's ``.rng``): jing's verdict and jing's messages.

Why: editors trust ``validate`` only if it agrees with jing, the reference
validator their tools (Oxygen, the TEI's own build) use.  libxml2 does not
(it refuses ``anyName`` content inside ``egXML`` and ``constraint``, and
words a duplicate ``xml:id`` or a bad date as "attribute not allowed"), so the
verdict comes from ``rngvalid``, jing's own algorithm, and each fault is
placed on the element jing names.  A grammar ``rngvalid`` cannot read (one
using a construct it does not implement) falls back to libxml2 whole.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .reports import MAX_PROBLEMS_PER_CHECK, Problem, more_problems
from .rnggrammar import Grammar, UnsupportedGrammar
from .rngvalid import RngValidator
from .xsd import SchemaError, element_at, tidy


def libxml2_problems(entries, tree, name: str, locate, rule: str) -> list[Problem]:
    """libxml2's error log as problems in libxml2's own words, placed on the element each names."""
    problems = []
    for entry in entries[:MAX_PROBLEMS_PER_CHECK]:
        el = element_at(tree, entry.path)
        line, col = locate.position(el) if el is not None else (entry.line or 1, entry.column or 1)
        problems.append(Problem(name, line, col, "error", tidy(entry.message), rule,
                                locate.xpath(el) if el is not None else ""))
    if len(entries) > MAX_PROBLEMS_PER_CHECK:
        problems.append(more_problems(name, rule, len(entries) - MAX_PROBLEMS_PER_CHECK))
    return problems


class TeiAllCheck:
    """One RELAX NG grammar (tei_all or the user's), validated by derivatives as jing does."""

    def __init__(self, path: Path, rule: str = "tei-all"):
        self.rule = rule
        try:
            self.grammar = Grammar(path)
            self.validator = RngValidator(self.grammar)
        except UnsupportedGrammar:
            raise
        except (OSError, etree.XMLSyntaxError, ValueError) as exc:
            raise SchemaError(f"cannot use RELAX NG schema: {exc}", path=str(path)) from None

    def check(self, tree, name: str, locate) -> list[Problem]:
        try:
            issues = self.validator.validate(tree)
        except ValueError as exc:  # a construct reached only now (a datatype parameter, a prefix) is broken
            raise SchemaError(f"cannot use RELAX NG schema: {exc}") from None
        problems = []
        for issue in issues[:MAX_PROBLEMS_PER_CHECK]:
            line, col = locate.position(issue.element)
            problems.append(Problem(name, line, col, "error", issue.message, self.rule,
                                    locate.xpath(issue.element)))
        if len(issues) > MAX_PROBLEMS_PER_CHECK:
            problems.append(more_problems(name, self.rule, len(issues) - MAX_PROBLEMS_PER_CHECK))
        return problems
