"""The ``tei-all`` check: the official TEI P5 grammar, fast to start and clear in its messages.

Why: compiling all of ``tei_all.rng`` in libxml2 costs some 10 s of CPU per
process; each document is checked instead against the part of tei_all its
element names can reach (``rngsubset``: same verdict, compiled in
milliseconds).  libxml2 decides validity; for content errors the message is
rewritten from the grammar (``rngexplain``) to say what is missing or expected.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .reports import MAX_PROBLEMS_PER_CHECK, Problem, more_problems
from .rngexplain import ContentModels, explain
from .rngsubset import Grammar, SubsetCache, UnsupportedGrammar, document_names
from .xsd import SchemaError, element_at, tidy

#: libxml2's messages about an element's children (as opposed to its attributes or values).
_CONTENT_MESSAGE = re.compile(
    r"Expecting an element|Did not expect element|has extra content|failed to validate content|"
    r"Expecting element \S+, got|Expecting an element got text|Did not expect text|"
    r"Invalid sequence in interleave|Extra element|to be empty")
_INVALID_ATTRIBUTE = re.compile(r"^Invalid attribute (\S+) for element (\S+)$")


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
    """tei_all (or any single-file RELAX NG grammar) through per-document subsets."""

    def __init__(self, path: Path, rule: str = "tei-all"):
        self.rule = rule
        try:
            self.grammar = Grammar(path)
        except UnsupportedGrammar:
            raise
        except (OSError, etree.XMLSyntaxError, ValueError) as exc:
            raise SchemaError(f"cannot use RELAX NG schema: {exc}", path=str(path)) from None
        self.subsets = SubsetCache(self.grammar)
        self.models = ContentModels(self.grammar)

    def schema_for(self, tree) -> etree.RelaxNG:
        try:
            return self.subsets.schema_for(document_names(tree))
        except etree.RelaxNGParseError as exc:  # the grammar itself is broken
            raise SchemaError(f"cannot use RELAX NG schema: {exc}") from None

    def check(self, tree, name: str, locate) -> list[Problem]:
        schema = self.schema_for(tree)
        if schema.validate(tree):
            return []
        entries = list(schema.error_log)
        problems: list[Problem] = []
        seen: set[tuple] = set()
        explained: dict = {}
        for entry in entries:
            el = element_at(tree, entry.path)
            message = tidy(entry.message)
            target = el
            if el is not None and _CONTENT_MESSAGE.search(message):
                found = None
                for candidate in (el, el.getparent()):
                    if candidate is None:
                        continue
                    if candidate not in explained:
                        explained[candidate] = explain(self.models, candidate)
                    if explained[candidate] is not None:
                        found = explained[candidate]
                        break
                if found is None:
                    continue  # an ancestor's echo of a problem reported on its descendant
                target, message = found
            else:
                m = _INVALID_ATTRIBUTE.match(message)
                if m:
                    message = f'attribute "{m.group(1)}" not allowed on element "{m.group(2)}"'
            if target is not None:
                line, col = locate.position(target)
            else:
                line, col = (entry.line or 1, entry.column or 1)
            key = (line, col, message)
            if key in seen:
                continue
            seen.add(key)
            problems.append(Problem(name, line, col, "error", message, self.rule,
                                    locate.xpath(target) if target is not None else ""))
        if not problems:
            # A subset whose start matches nothing (a required element is absent from the whole
            # document) gives libxml2 nothing to report: walk the document with the grammar instead.
            for el in tree.iter(etree.Element):
                found = explain(self.models, el)
                if found is not None:
                    target, message = found
                    line, col = locate.position(target)
                    problems.append(Problem(name, line, col, "error", message, self.rule, locate.xpath(target)))
                    if len(problems) > MAX_PROBLEMS_PER_CHECK:
                        break
        if not problems:  # never hide an invalid verdict: fall back to libxml2's own words
            root = tree.getroot()
            if not entries:
                problems.append(Problem(name, *locate.position(root), "error",
                                        "not valid against tei_all: the document does not match its start "
                                        "pattern (<TEI> or <teiCorpus>)", self.rule, locate.xpath(root)))
            problems.extend(libxml2_problems(entries, tree, name, locate, self.rule))
        if len(problems) > MAX_PROBLEMS_PER_CHECK:
            extra = len(problems) - MAX_PROBLEMS_PER_CHECK
            problems = problems[:MAX_PROBLEMS_PER_CHECK] + [more_problems(name, self.rule, extra)]
        return problems
