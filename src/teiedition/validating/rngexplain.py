"""Say what is missing or expected in an element's content, from the RELAX NG grammar itself.

Why: libxml2 reports content errors of compiled content models as "Expecting an
element , got nothing" or "Did not expect element X there", plus one "failed to
validate content" per ancestor.  An editor needs jing's kind of answer:
``element "fileDesc" incomplete; missing required element "sourceDesc"``.  When
libxml2 says an element's content is wrong, we walk its children (element names
and non-blank text) through the element's content model with Brzozowski
derivatives (the algorithm jing uses) and report the first child that does not
fit, with what the model expected there, or what it still needed at the end.
Attributes are left to libxml2, whose attribute messages already name them.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from .rngsubset import Grammar, Name, RNG_NS

_R = f"{{{RNG_NS}}}"
TEXT = ("", "#text")  # the token for a run of non-blank text

EMPTY = ("empty",)
NOT_ALLOWED = ("notAllowed",)
TEXT_PATTERN = ("text",)

#: Names listed in one message at most; the rest are counted.
MAX_LISTED = 40


def _choice(a, b):
    if a == NOT_ALLOWED:
        return b
    if b == NOT_ALLOWED or a == b:
        return a
    items = set(a[1]) if a[0] == "choice" else {a}
    items |= set(b[1]) if b[0] == "choice" else {b}
    return ("choice", frozenset(items))


def _pair(kind: str, a, b):
    """A group or interleave of two patterns, simplified: notAllowed absorbs, empty vanishes."""
    if a == NOT_ALLOWED or b == NOT_ALLOWED:
        return NOT_ALLOWED
    if a == EMPTY:
        return b
    if b == EMPTY:
        return a
    return (kind, a, b)


def _group(a, b):
    return _pair("group", a, b)


def _interleave(a, b):
    return _pair("interleave", a, b)


def _one_or_more(p):
    return p if p in (NOT_ALLOWED, EMPTY) else ("oneOrMore", p)


class ContentModels:
    """Content models of a grammar's elements as derivative-ready patterns (built lazily)."""

    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        self._defines: dict[str, tuple] = {}
        self.nullable = lru_cache(maxsize=None)(self._nullable)
        self.deriv = lru_cache(maxsize=200_000)(self._deriv)
        self.first = lru_cache(maxsize=None)(self._first)
        self.required = lru_cache(maxsize=None)(self._required)

    # ------------------------------------------------------------------ building
    def content_of(self, name: Name) -> tuple | None:
        """The content model of elements with this name (a choice when several patterns declare it)."""
        patterns = self.grammar.elements.get(name)
        if not patterns:
            return None
        result = NOT_ALLOWED
        for el in patterns:
            result = _choice(result, self.sequence(list(el)))
        return result

    def sequence(self, nodes) -> tuple:
        result = EMPTY
        for node in nodes:
            result = _group(result, self.pattern(node))
        return result

    def pattern(self, node) -> tuple:
        kind = node.tag[len(_R):] if isinstance(node.tag, str) and node.tag.startswith(_R) else ""
        if kind == "ref":
            name = node.get("name")
            if name not in self._defines:
                self._defines[name] = ("ref", name)  # recursion can only pass through elements
                self._defines[name] = self.sequence(list(self.grammar.defines[name]))
            return self._defines[name]
        if kind == "element":
            if node.get("name") is not None:
                return ("element", node.get("ns"), node.get("name"))
            return ("anyElement", node[0])
        if kind == "choice":
            result = NOT_ALLOWED
            for child in node:
                result = _choice(result, self.pattern(child))
            return result
        if kind in ("group", "define", "start"):
            return self.sequence(list(node))
        if kind == "interleave":
            result = EMPTY
            for child in node:
                result = _interleave(result, self.pattern(child))
            return result
        if kind == "mixed":
            return _interleave(self.sequence(list(node)), TEXT_PATTERN)
        if kind == "oneOrMore":
            return _one_or_more(self.sequence(list(node)))
        if kind == "zeroOrMore":
            return _choice(_one_or_more(self.sequence(list(node))), EMPTY)
        if kind == "optional":
            return _choice(self.sequence(list(node)), EMPTY)
        if kind in ("text", "data", "value", "list"):
            return TEXT_PATTERN  # for content, all of these take a run of text (or none, checked by libxml2)
        if kind == "notAllowed":
            return NOT_ALLOWED
        return EMPTY  # attribute, empty, name classes: nothing in the children sequence

    # ------------------------------------------------------------------ derivatives
    def _nullable(self, p) -> bool:
        kind = p[0]
        if kind in ("empty", "text"):
            return True
        if kind == "choice":
            return any(self.nullable(q) for q in p[1])
        if kind in ("group", "interleave"):
            return self.nullable(p[1]) and self.nullable(p[2])
        if kind == "oneOrMore":
            return self.nullable(p[1])
        if kind == "ref":
            return self.nullable(self._defines[p[1]])
        return False

    def _deriv(self, p, token: Name):
        kind = p[0]
        if kind == "element":
            return EMPTY if (p[1], p[2]) == token else NOT_ALLOWED
        if kind == "anyElement":
            return EMPTY if token != TEXT and _name_class_matches(p[1], token) else NOT_ALLOWED
        if kind == "text":
            return TEXT_PATTERN if token == TEXT else NOT_ALLOWED
        if kind == "choice":
            result = NOT_ALLOWED
            for q in p[1]:
                result = _choice(result, self.deriv(q, token))
            return result
        if kind == "group":
            result = _group(self.deriv(p[1], token), p[2])
            if self.nullable(p[1]):
                result = _choice(result, self.deriv(p[2], token))
            return result
        if kind == "interleave":
            return _choice(_interleave(self.deriv(p[1], token), p[2]),
                           _interleave(p[1], self.deriv(p[2], token)))
        if kind == "oneOrMore":
            return _group(self.deriv(p[1], token), _choice(p, EMPTY))
        if kind == "ref":
            return self.deriv(self._defines[p[1]], token)
        return NOT_ALLOWED

    def _first(self, p) -> frozenset:
        """The tokens (element names, TEXT, or ("*", "any element")) that may come next."""
        kind = p[0]
        if kind == "element":
            return frozenset({(p[1], p[2])})
        if kind == "anyElement":
            return frozenset({("*", "any element")})
        if kind == "text":
            return frozenset({TEXT})
        if kind == "choice":
            return frozenset().union(*(self.first(q) for q in p[1]))
        if kind == "group":
            return self.first(p[1]) | (self.first(p[2]) if self.nullable(p[1]) else frozenset())
        if kind == "interleave":
            return self.first(p[1]) | self.first(p[2])
        if kind == "oneOrMore":
            return self.first(p[1])
        if kind == "ref":
            return self.first(self._defines[p[1]])
        return frozenset()


    def _required(self, p) -> frozenset:
        """The element names one of which must come before the content can end (optional parts skipped)."""
        kind = p[0]
        if kind == "element":
            return frozenset({(p[1], p[2])})
        if kind == "choice":
            if any(self.nullable(q) for q in p[1]):
                return frozenset()
            return frozenset().union(*(self.required(q) for q in p[1]))
        if kind == "group":
            return self.required(p[1]) if not self.nullable(p[1]) else self.required(p[2])
        if kind == "interleave":
            return self.required(p[1]) | self.required(p[2])
        if kind == "oneOrMore":
            return self.required(p[1])
        if kind == "ref":
            return self.required(self._defines[p[1]])
        return frozenset()


def _name_class_matches(nc, token: Name) -> bool:
    kind = etree.QName(nc).localname
    ns, local = token
    if kind == "anyName":
        exc = nc.find(_R + "except")
        return not (exc is not None and any(_name_class_matches(c, token) for c in exc))
    if kind == "nsName":
        exc = nc.find(_R + "except")
        return ns == (nc.get("ns") or "") and not (exc is not None and any(_name_class_matches(c, token) for c in exc))
    if kind == "name":
        return (nc.get("ns") or "", (nc.text or "").strip()) == (ns, local)
    if kind == "choice":
        return any(_name_class_matches(c, token) for c in nc)
    return False


def _label(token: Name, home_ns: str) -> str:
    ns, local = token
    if token == TEXT:
        return "text"
    if ns == "*":
        return local
    return f'"{local}"' if ns == home_ns else f'"{{{ns}}}{local}"'


def _listing(tokens, home_ns: str) -> str:
    elements = sorted(t for t in tokens if t != TEXT and t[0] != "*")
    others = sorted(_label(t, home_ns) for t in tokens if t == TEXT or t[0] == "*")
    names = [_label(t, home_ns) for t in elements]
    shown = names[:MAX_LISTED]
    more = f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else ""
    parts = others[:]
    if shown:
        word = "element" if len(names) == 1 else "elements"
        parts.append(f"{word} " + (shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + (
            f", {shown[-1]}{more}" if more else f" or {shown[-1]}")))
    return " or ".join(parts) if parts else "nothing"


def _tokens(el: etree._Element):
    """(token, node) for each child element and each run of non-blank text, in document order."""
    if el.text and el.text.strip():
        yield TEXT, el
    for child in el:
        if isinstance(child.tag, str):
            q = etree.QName(child)
            yield (q.namespace or "", q.localname), child
        if child.tail and child.tail.strip():
            yield TEXT, el


def explain(models: ContentModels, el: etree._Element) -> tuple[etree._Element, str] | None:
    """What is wrong with ``el``'s children under the grammar, and where; None if they fit.

    The answer names the first child (or run of text) that cannot come where it
    is, with what could, or says which required element is missing at the end.
    """
    q = etree.QName(el)
    home = q.namespace or ""
    p = models.content_of((home, q.localname))
    if p is None:
        return None  # an element the grammar never declares: libxml2's own message says so
    for token, node in _tokens(el):
        d = models.deriv(p, token)
        if d == NOT_ALLOWED:
            expected = set(models.first(p))
            ending = "the end of the element" if models.nullable(p) else ""
            listing = _listing(expected, home) if expected else ""
            wanted = " or ".join(x for x in (ending, listing) if x) or "nothing"
            if token == TEXT:
                return el, f'text not allowed in element "{q.localname}" here; expected {wanted}'
            where = "here" if token in models.grammar.elements else "anywhere"
            return node, f"element {_label(token, home)} not allowed {where} in \"{q.localname}\"; expected {wanted}"
        p = d
    if not models.nullable(p):
        required = sorted(models.required(p))
        if len(required) == 1:
            return el, f'element "{q.localname}" incomplete; missing required element {_label(required[0], home)}'
        if required:
            return el, (f'element "{q.localname}" incomplete; missing one of the required '
                        f'{_listing(set(required), home)}')
        return el, f'element "{q.localname}" incomplete; expected {_listing(set(models.first(p)), home)}'
    return None
