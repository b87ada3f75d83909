"""A RELAX NG validator by derivatives (James Clark's algorithm, the one jing uses), with jing's messages.

Why: libxml2's RELAX NG gets verdicts wrong where tei_all is subtle (``anyName``
content with ``except`` inside ``egXML`` and ``constraint`` is refused) and its
messages name the wrong fault (a duplicate ``xml:id`` or a bad date becomes
"attribute not allowed"; an error deep in the text is reported as "extra
content" on the root).  jing's algorithm is small: a pattern's *derivative*
with respect to a start tag, an attribute, a run of text or an end tag is the
pattern that must match what follows.  Patterns are interned (equal patterns
are one object, so identity is equality) and every derivative is memoised, so
the grammar is never compiled as a whole: a document pays only for the parts
it reaches, and the next document reuses them.

When a derivative is ``notAllowed`` the document is invalid at that point: the
error is worded as jing words it (what was found, what was expected there)
and validation recovers as jing does (an unexpected element is checked
against its own declaration and then skipped; a bad attribute is dropped; a
missing required part is assumed), so one run reports every fault.

IDs follow the DTD compatibility rules jing applies: an attribute whose
datatype is ``ID`` must be unique (the first occurrence is named), ``IDREF``
and ``IDREFS`` must point at one.
"""

from __future__ import annotations

import itertools

from dataclasses import dataclass

from lxml import etree

from .rnggrammar import Grammar, RNG_NS
from .rngtypes import Datatype, DatatypeError, datatype

_R = f"{{{RNG_NS}}}"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: Names listed in one "expected ..." at most; the rest are counted.
MAX_LISTED = 40


class Pat:
    """An interned pattern: identity is equality, so memo tables key on the object itself."""

    __slots__ = ("kind", "a", "b", "nullable", "valued", "serial", "__weakref__")

    def __init__(self, kind, a=None, b=None, nullable=False):
        self.kind, self.a, self.b, self.nullable = kind, a, b, nullable
        #: creation order: a choice keeps its branches in this order (grammar order for the grammar's
        #: own patterns), so messages list alternatives the same way on every run (id() would not)
        self.serial = next(_SERIALS)
        #: whether a run of text's derivative depends on the text itself (a datatype or value can take it)
        self.valued = False

    def __repr__(self):  # pragma: no cover - debugging aid
        return f"Pat({self.kind})"


_SERIALS = itertools.count()
EMPTY = Pat("empty", nullable=True)
NOT_ALLOWED = Pat("notAllowed")
TEXT = Pat("text", nullable=True)


class ElementPat(Pat):
    """An element pattern; its content is built on first use (tei_all has some 600 of them)."""

    __slots__ = ("node", "_content", "owner")

    def __init__(self, nc, node, owner):
        super().__init__("element", nc)
        self.node, self._content, self.owner = node, None, owner

    @property
    def content(self) -> Pat:
        if self._content is None:
            self._content = self.owner.element_content(self.node)
        return self._content


@dataclass
class Issue:
    """One fault: the element it is on, jing's kind of message, and whether jing places it at the end tag."""

    element: etree._Element
    message: str
    at_end: bool = False


def _words(s: str) -> list[str]:
    return s.split()


def _is_blank(s: str) -> bool:
    return not s.strip(" \t\r\n")


class Patterns:
    """Pattern constructors (interned) and the derivatives of one grammar, memoised across documents."""

    MAX_INTERNED = 400_000

    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        self._defines: dict[str, Pat] = {}
        self._elements: dict[int, ElementPat] = {}
        self._reset()
        self.start = self._sequence(grammar.start)

    def _reset(self):
        self._intern: dict = {}
        self._memo_open: dict = {}
        self._memo_att: dict = {}
        self._memo_close: dict = {}
        self._memo_end: dict = {}
        self._memo_text: dict = {}
        self._memo_after: dict = {}
        self._memo_id: dict = {}
        self._memo_leaves: dict = {}

    #: Memoised text and attribute derivatives kept at most (they are keyed by the document's own values).
    MAX_VALUES = 100_000

    def trim(self):
        """Forget memoised derivatives when they grow too many (between documents), so memory stays flat.

        Patterns stay valid when the intern table is dropped: equal patterns
        made later are merely no longer the same object.
        """
        if len(self._intern) > self.MAX_INTERNED:
            self._reset()
        else:
            if len(self._memo_text) > self.MAX_VALUES:
                self._memo_text.clear()
            if len(self._memo_att) > self.MAX_VALUES:
                self._memo_att.clear()

    # ------------------------------------------------------------------ constructors
    def _make(self, kind, a, b, nullable):
        key = (kind, a, b)
        p = self._intern.get(key)
        if p is None:
            p = self._intern[key] = Pat(kind, a, b, nullable)
            if kind in ("data", "value", "list"):
                p.valued = True
            elif kind in ("choice", "group", "interleave", "after"):
                p.valued = a.valued or b.valued
            elif kind == "oneOrMore":
                p.valued = a.valued
        return p

    def choice(self, a: Pat, b: Pat) -> Pat:
        if a is NOT_ALLOWED:
            return b
        if b is NOT_ALLOWED or a is b:
            return a
        if b.kind == "choice" and (b.a is a or b.b is a):
            return b
        if a.kind == "choice" and (a.a is b or a.b is b):
            return a
        if a.serial > b.serial:  # choice is commutative: one order only
            a, b = b, a
        return self._make("choice", a, b, a.nullable or b.nullable)

    def group(self, a: Pat, b: Pat) -> Pat:
        if a is NOT_ALLOWED or b is NOT_ALLOWED:
            return NOT_ALLOWED
        if a is EMPTY:
            return b
        if b is EMPTY:
            return a
        return self._make("group", a, b, a.nullable and b.nullable)

    def interleave(self, a: Pat, b: Pat) -> Pat:
        if a is NOT_ALLOWED or b is NOT_ALLOWED:
            return NOT_ALLOWED
        if a is EMPTY:
            return b
        if b is EMPTY:
            return a
        return self._make("interleave", a, b, a.nullable and b.nullable)

    def after(self, a: Pat, b: Pat) -> Pat:
        if a is NOT_ALLOWED or b is NOT_ALLOWED:
            return NOT_ALLOWED
        return self._make("after", a, b, False)

    def one_or_more(self, a: Pat) -> Pat:
        if a is NOT_ALLOWED or a is EMPTY:
            return a
        return self._make("oneOrMore", a, None, a.nullable)

    # ------------------------------------------------------------------ from the grammar
    def element_content(self, node) -> Pat:
        """The content pattern (attributes and children) of an ``element`` pattern node."""
        return self._sequence(node, skip_name=node.get("name") is None)

    def _sequence(self, node, skip_name: bool = False) -> Pat:
        children = list(node)
        if skip_name and children:
            children = children[1:]
        result = EMPTY
        for child in children:
            result = self.group(result, self._pattern(child))
        return result

    def _name_class(self, node, attribute: bool = False):
        """A name class as a tuple: ("name", ns, local), ("any", except), ("ns", uri, except), ("or", a, b)."""
        kind = node.tag[len(_R):]
        if kind == "name":
            return ("name", *self._qname(node, (node.text or "").strip(), node.get("ns") or ""))
        if kind == "anyName":
            exc = node.find(_R + "except")
            return ("any", self._name_class_choice(exc) if exc is not None else None)
        if kind == "nsName":
            exc = node.find(_R + "except")
            return ("ns", node.get("ns") or "", self._name_class_choice(exc) if exc is not None else None)
        if kind == "choice":
            return self._name_class_choice(node)
        raise ValueError(f"not a name class: <{kind}>")

    def _name_class_choice(self, node):
        items = [self._name_class(c) for c in node]
        result = items[0]
        for nc in items[1:]:
            result = ("or", result, nc)
        return result

    @staticmethod
    def _qname(node, name: str, default_ns: str) -> tuple[str, str]:
        if ":" in name:
            prefix, local = name.split(":", 1)
            uri = XML_NS if prefix == "xml" else node.nsmap.get(prefix)
            if uri is None:
                raise ValueError(f"undeclared prefix in name {name!r}")
            return uri, local
        return default_ns, name

    def _pattern(self, node) -> Pat:
        kind = node.tag[len(_R):]
        if kind == "ref":
            name = node.get("name")
            if name not in self._defines:
                if name not in self.grammar.defines:
                    raise ValueError(f"reference to undefined pattern {name!r}")
                self._defines[name] = NOT_ALLOWED  # a loop not through an element is an invalid grammar
                self._defines[name] = self._sequence(self.grammar.defines[name])
            return self._defines[name]
        if kind == "element":
            p = self._elements.get(id(node))
            if p is None:
                if node.get("name") is not None:
                    nc = ("name", *self._qname(node, node.get("name"), node.get("ns") or ""))
                else:
                    nc = self._name_class(node[0])
                p = self._elements[id(node)] = ElementPat(nc, node, self)
            return p
        if kind == "attribute":
            children = list(node)
            if node.get("name") is not None:
                nc = ("name", *self._qname(node, node.get("name"), node.get("ns") or ""))
            else:
                nc, children = self._name_class(children[0]), children[1:]
            content = TEXT
            if children:
                content = EMPTY
                for child in children:
                    content = self.group(content, self._pattern(child))
            return self._make("attribute", nc, content, False)
        if kind in ("group", "define", "start", "div"):
            return self._sequence(node)
        if kind == "choice":
            result = NOT_ALLOWED
            for child in node:
                result = self.choice(result, self._pattern(child))
            return result
        if kind == "interleave":
            result = EMPTY
            for child in node:
                result = self.interleave(result, self._pattern(child))
            return result
        if kind == "mixed":
            return self.interleave(self._sequence(node), TEXT)
        if kind == "optional":
            return self.choice(self._sequence(node), EMPTY)
        if kind == "zeroOrMore":
            return self.choice(self.one_or_more(self._sequence(node)), EMPTY)
        if kind == "oneOrMore":
            return self.one_or_more(self._sequence(node))
        if kind == "list":
            return self._make("list", self._sequence(node), None, False)
        if kind == "empty":
            return EMPTY
        if kind == "text":
            return TEXT
        if kind == "notAllowed":
            return NOT_ALLOWED
        if kind == "data":
            params = tuple((p.get("name"), p.text or "") for p in node.iterchildren(_R + "param"))
            dt = self._datatype(node, node.get("type"), params)
            exc = node.find(_R + "except")
            except_p = None
            if exc is not None:
                except_p = NOT_ALLOWED
                for child in exc:
                    except_p = self.choice(except_p, self._pattern(child))
            return self._make("data", dt, except_p, False)
        if kind == "value":
            dt = self._datatype(node, node.get("type") or "token", ())
            return self._make("value", dt, node.text or "", False)
        raise ValueError(f"unsupported RELAX NG pattern <{kind}>")

    @staticmethod
    def _datatype(node, name: str, params) -> Datatype:
        library = node.get("datatypeLibrary") or ""
        if node.tag == _R + "value" and node.get("type") is None:
            library = ""
        try:
            return datatype(library, name, params)
        except DatatypeError as exc:
            raise ValueError(str(exc)) from None

    def declarations(self, qn: tuple[str, str]) -> Pat:
        """Every named element pattern declaring ``qn``, as one choice (to check a misplaced element)."""
        result = NOT_ALLOWED
        for node in self.grammar.elements.get(qn, ()):
            result = self.choice(result, self._pattern(node))
        return result

    # ------------------------------------------------------------------ derivatives
    def text_deriv(self, p: Pat, s: str) -> Pat:
        key = (p, s) if p.valued else p  # most content takes any text alike: one entry, not one per text
        r = self._memo_text.get(key)
        if r is None:
            r = self._memo_text[key] = self._text_deriv(p, s)
        return r

    def _text_deriv(self, p: Pat, s: str) -> Pat:
        k = p.kind
        if k == "choice":
            return self.choice(self.text_deriv(p.a, s), self.text_deriv(p.b, s))
        if k == "interleave":
            return self.choice(self.interleave(self.text_deriv(p.a, s), p.b),
                               self.interleave(p.a, self.text_deriv(p.b, s)))
        if k == "group":
            r = self.group(self.text_deriv(p.a, s), p.b)
            return self.choice(r, self.text_deriv(p.b, s)) if p.a.nullable else r
        if k == "after":
            return self.after(self.text_deriv(p.a, s), p.b)
        if k == "oneOrMore":
            return self.group(self.text_deriv(p.a, s), self.choice(p, EMPTY))
        if k == "text":
            return TEXT
        if k == "value":
            return EMPTY if p.a.equal(p.b, s) else NOT_ALLOWED
        if k == "data":
            if not p.a.allows(s):
                return NOT_ALLOWED
            if p.b is not None and self.text_deriv(p.b, s).nullable:
                return NOT_ALLOWED
            return EMPTY
        if k == "list":
            q = p.a
            for word in _words(s):
                q = self.text_deriv(q, word)
                if q is NOT_ALLOWED:
                    return NOT_ALLOWED
            return EMPTY if q.nullable else NOT_ALLOWED
        return NOT_ALLOWED

    def apply_after(self, f, p: Pat) -> Pat:
        """``f`` applied to the second part of every ``after`` in ``p``; ``f`` is (op, q, q_first)."""
        key = (f, p)
        r = self._memo_after.get(key)
        if r is not None:
            return r
        if p.kind == "after":
            op, q, q_first = f
            b = p.b
            if op == "interleave":
                r = self.interleave(q, b) if q_first else self.interleave(b, q)
            elif op == "group":
                r = self.group(q, b) if q_first else self.group(b, q)
            else:  # after
                r = self.after(b, q)
            r = self.after(p.a, r)
        elif p.kind == "choice":
            r = self.choice(self.apply_after(f, p.a), self.apply_after(f, p.b))
        else:
            r = NOT_ALLOWED
        self._memo_after[key] = r
        return r

    def open_deriv(self, p: Pat, qn) -> Pat:
        key = (p, qn)
        r = self._memo_open.get(key)
        if r is None:
            r = self._memo_open[key] = self._open_deriv(p, qn)
        return r

    def _open_deriv(self, p: Pat, qn) -> Pat:
        k = p.kind
        if k == "choice":
            return self.choice(self.open_deriv(p.a, qn), self.open_deriv(p.b, qn))
        if k == "element":
            return self.after(p.content, EMPTY) if contains(p.a, qn) else NOT_ALLOWED
        if k == "interleave":
            return self.choice(self.apply_after(("interleave", p.b, False), self.open_deriv(p.a, qn)),
                               self.apply_after(("interleave", p.a, True), self.open_deriv(p.b, qn)))
        if k == "oneOrMore":
            return self.apply_after(("group", self.choice(p, EMPTY), False), self.open_deriv(p.a, qn))
        if k == "group":
            x = self.apply_after(("group", p.b, False), self.open_deriv(p.a, qn))
            return self.choice(x, self.open_deriv(p.b, qn)) if p.a.nullable else x
        if k == "after":
            return self.apply_after(("after", p.b, False), self.open_deriv(p.a, qn))
        return NOT_ALLOWED

    def att_deriv(self, p: Pat, qn, value: str | None) -> Pat:
        """Derivative for one attribute; ``value`` None matches any value (for recovery and messages).

        The value matters only through which attribute patterns of that name
        accept it, so that set (not the value, which is often unique: an
        ``xml:id``) keys the memo.
        """
        if value is None:
            return self._att(p, qn, None)
        key = ("att", p, qn)
        candidates = self._memo_id.get(key)
        if candidates is None:
            candidates = self._memo_id[key] = tuple(a for a in self.att_leaves(p) if contains(a.a, qn))
        ok = frozenset(a for a in candidates if self.value_matches(a.b, value))
        return self._att(p, qn, ok)

    def _att(self, p: Pat, qn, ok) -> Pat:
        key = (p, qn, ok)
        r = self._memo_att.get(key)
        if r is None:
            r = self._memo_att[key] = self._att_deriv(p, qn, ok)
        return r

    def _att_deriv(self, p: Pat, qn, ok) -> Pat:
        k = p.kind
        if k == "after":
            return self.after(self._att(p.a, qn, ok), p.b)
        if k == "choice":
            return self.choice(self._att(p.a, qn, ok), self._att(p.b, qn, ok))
        if k == "group":
            return self.choice(self.group(self._att(p.a, qn, ok), p.b), self.group(p.a, self._att(p.b, qn, ok)))
        if k == "interleave":
            return self.choice(self.interleave(self._att(p.a, qn, ok), p.b),
                               self.interleave(p.a, self._att(p.b, qn, ok)))
        if k == "oneOrMore":
            return self.group(self._att(p.a, qn, ok), self.choice(p, EMPTY))
        if k == "attribute":
            if not contains(p.a, qn):
                return NOT_ALLOWED
            return EMPTY if ok is None or p in ok else NOT_ALLOWED
        return NOT_ALLOWED

    def value_matches(self, p: Pat, s: str) -> bool:
        return (p.nullable and _is_blank(s)) or self.text_deriv(p, s).nullable

    def close_deriv(self, p: Pat, lenient: bool = False) -> Pat:
        """End of the attributes: attributes still required fail (or, ``lenient``, are assumed)."""
        key = (p, lenient)
        r = self._memo_close.get(key)
        if r is not None:
            return r
        k = p.kind
        if k == "after":
            r = self.after(self.close_deriv(p.a, lenient), p.b)
        elif k == "choice":
            r = self.choice(self.close_deriv(p.a, lenient), self.close_deriv(p.b, lenient))
        elif k == "group":
            r = self.group(self.close_deriv(p.a, lenient), self.close_deriv(p.b, lenient))
        elif k == "interleave":
            r = self.interleave(self.close_deriv(p.a, lenient), self.close_deriv(p.b, lenient))
        elif k == "oneOrMore":
            r = self.one_or_more(self.close_deriv(p.a, lenient))
        elif k == "attribute":
            r = EMPTY if lenient else NOT_ALLOWED
        else:
            r = p
        self._memo_close[key] = r
        return r

    def end_deriv(self, p: Pat, lenient: bool = False) -> Pat:
        key = (p, lenient)
        r = self._memo_end.get(key)
        if r is not None:
            return r
        if p.kind == "choice":
            r = self.choice(self.end_deriv(p.a, lenient), self.end_deriv(p.b, lenient))
        elif p.kind == "after":
            r = p.b if (lenient or p.a.nullable) else NOT_ALLOWED
        else:
            r = NOT_ALLOWED
        self._memo_end[key] = r
        return r

    # ------------------------------------------------------------------ what a pattern wants (messages)
    def firsts(self, p: Pat, out: set, seen: set | None = None, *, content_only: bool = True) -> None:
        """Name classes of elements (and "#text") that may come next in ``p``'s content."""
        seen = set() if seen is None else seen
        if p in seen:
            return
        seen.add(p)
        k = p.kind
        if k == "element":
            out.add(p.a)
        elif k in ("text", "data", "value", "list"):
            out.add("#text")
        elif k in ("choice", "interleave"):
            self.firsts(p.a, out, seen)
            self.firsts(p.b, out, seen)
        elif k == "group":
            self.firsts(p.a, out, seen)
            if p.a.nullable:
                self.firsts(p.b, out, seen)
        elif k in ("oneOrMore", "after"):
            self.firsts(p.a, out, seen)

    def can_end(self, p: Pat) -> bool:
        if p.kind == "choice":
            return self.can_end(p.a) or self.can_end(p.b)
        return p.kind == "after" and p.a.nullable

    def required_elements(self, p: Pat, out: set) -> None:
        """Elements one of which must still come before ``p``'s content can end."""
        k = p.kind
        if k == "after":
            self.required_elements(p.a, out)
        elif k == "element":
            out.add(p.a)
        elif k == "choice":
            if not p.nullable:
                self.required_elements(p.a, out)
                self.required_elements(p.b, out)
        elif k == "group":
            self.required_elements(p.a if not p.a.nullable else p.b, out)
        elif k == "interleave":
            if not p.a.nullable:
                self.required_elements(p.a, out)
            if not p.b.nullable:
                self.required_elements(p.b, out)
        elif k == "oneOrMore":
            self.required_elements(p.a, out)

    def att_leaves(self, p: Pat) -> frozenset:
        """The attribute patterns an attribute derivative of ``p`` can reach (memoised: shared parts once)."""
        r = self._memo_leaves.get(p)
        if r is None:
            k = p.kind
            if k == "attribute":
                r = frozenset((p,))
            elif k in ("choice", "group", "interleave"):
                r = self.att_leaves(p.a) | self.att_leaves(p.b)
            elif k in ("after", "oneOrMore"):
                r = self.att_leaves(p.a)
            else:
                r = frozenset()
            self._memo_leaves[p] = r
        return r

    def id_type(self, p: Pat, aqn) -> str | None:
        """``ID``, ``IDREF`` or ``IDREFS`` when ``p`` declares attribute ``aqn`` with that datatype."""
        key = (p, aqn)
        if key not in self._memo_id:
            kinds = {_id_type(a.b) for a in self.att_leaves(p) if contains(a.a, aqn)} - {None}
            self._memo_id[key] = kinds.pop() if len(kinds) == 1 else None
        return self._memo_id[key]

    def attributes(self, p: Pat, out: list, required_only: bool = False, seen: set | None = None) -> None:
        """Attribute patterns reachable in ``p``'s current attributes (optional ones skipped if asked)."""
        seen = set() if seen is None else seen
        if p in seen:
            return
        seen.add(p)
        k = p.kind
        if k == "attribute":
            out.append(p)
        elif k == "after":
            self.attributes(p.a, out, required_only, seen)
        elif k == "choice":
            if required_only and p.nullable:
                return
            if required_only:  # required in every branch: report what any branch needs
                self.attributes(p.a, out, True, seen)
                self.attributes(p.b, out, True, seen)
            else:
                self.attributes(p.a, out, False, seen)
                self.attributes(p.b, out, False, seen)
        elif k in ("group", "interleave"):
            self.attributes(p.a, out, required_only, seen)
            self.attributes(p.b, out, required_only, seen)
        elif k == "oneOrMore":
            self.attributes(p.a, out, required_only, seen)

    def value_descriptions(self, p: Pat, values: list, types: list) -> None:
        k = p.kind
        if k == "value":
            if p.b not in values:
                values.append(p.b)
        elif k == "data":
            d = p.a.describe()
            if d not in types:
                types.append(d)
        elif k == "list":
            inner_values: list = []
            inner_types: list = []
            self.value_descriptions(p.a, inner_values, inner_types)
            d = "a list of values, each " + _must(inner_values, inner_types, prefix=False)
            if d not in types:
                types.append(d)
        elif k in ("choice", "group", "interleave"):
            self.value_descriptions(p.a, values, types)
            self.value_descriptions(p.b, values, types)
        elif k == "oneOrMore":
            self.value_descriptions(p.a, values, types)
        elif k == "text":
            if "any text" not in types:
                types.append("any text")


def contains(nc, qn) -> bool:
    kind = nc[0]
    if kind == "name":
        return nc[1] == qn[0] and nc[2] == qn[1]
    if kind == "any":
        return nc[1] is None or not contains(nc[1], qn)
    if kind == "ns":
        return nc[1] == qn[0] and (nc[2] is None or not contains(nc[2], qn))
    if kind == "or":
        return contains(nc[1], qn) or contains(nc[2], qn)
    return False


def _must(values: list, types: list, prefix: bool = True) -> str:
    word = "must be " if prefix else "being "
    parts = [word + t for t in types]
    if values:
        shown = [f'"{v}"' for v in sorted(values)]
        parts.append(word + "equal to " + (shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]))
    if not parts:
        return "must be empty" if prefix else "empty"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def _label(qn, home_ns: str) -> str:
    ns, local = qn
    if ns == XML_NS:
        return f"xml:{local}"
    return local if ns == home_ns else f"{{{ns}}}{local}"


def _nc_labels(ncs, home_ns: str) -> list[str]:
    names, others = [], []
    for nc in ncs:
        if nc == "#text":
            continue
        if nc[0] == "name":
            names.append(f'"{_label((nc[1], nc[2]), home_ns)}"')
        elif nc[0] == "ns":
            others.append(f"any element in namespace {nc[1] or '(none)'}" + _except(nc[2]))
        elif nc[0] == "any":
            others.append("any element" + _except(nc[1]))
        else:
            others.append("an element of a name class")
    return sorted(set(names)), sorted(set(others))


def _except(nc) -> str:
    """`` not in namespace X`` / `` other than "a"`` for a wildcard's exceptions."""
    if nc is None:
        return ""
    parts = []
    stack = [nc]
    while stack:
        n = stack.pop()
        if n[0] == "or":
            stack.extend((n[2], n[1]))
        elif n[0] == "ns":
            parts.append(f"in namespace {n[1] or '(none)'}")
        elif n[0] == "name":
            parts.append(f'"{n[2]}"' + (f" in namespace {n[1]}" if n[1] else ""))
    return " except " + ", ".join(parts) if parts else " (with exceptions)"


def _listing(names: list[str], noun: str) -> str:
    if not names:
        return ""
    shown = names[:MAX_LISTED]
    more = len(names) - len(shown)
    if len(shown) == 1:
        body = shown[0]
    elif more:
        body = ", ".join(shown) + f" and {more} more"
    else:
        body = ", ".join(shown[:-1]) + " or " + shown[-1]
    return f"{noun} {body}"


_QNAMES: dict[str, tuple[str, str]] = {}


def _qn(el) -> tuple[str, str]:
    """(namespace, local name) of an element, from its Clark-notation tag (cached: tags repeat)."""
    tag = el.tag
    qn = _QNAMES.get(tag)
    if qn is None:
        if tag[0] == "{":
            ns, local = tag[1:].split("}", 1)
            qn = (ns, local)
        else:
            qn = ("", tag)
        if len(_QNAMES) < 10_000:
            _QNAMES[tag] = qn
    return qn


def _children(el):
    """The element's children as a list of merged text runs (str) and elements; comments and PIs vanish."""
    items: list = []
    text = el.text or ""
    for child in el:
        if child.tag.__class__ is str:
            if text:
                items.append(text)
            text = ""
            items.append(child)
        text += child.tail or ""
    if text:
        items.append(text)
    return items


class RngValidator:
    """Validate trees against one grammar with jing's verdict and jing's kind of message."""

    def __init__(self, grammar: Grammar):
        self.grammar = grammar
        self.p = Patterns(grammar)

    def validate(self, tree) -> list[Issue]:
        """Every fault in the document (empty when valid)."""
        self.p.trim()
        run = _Run(self.p)
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        run.element(self.p.start, root, home_ns=_qn(root)[0])
        run.check_idrefs()
        return run.issues


class _Run:
    """One document's validation: the issues found and the IDs seen.

    ``attributes=False`` checks structure alone (element and text content), for
    grammars whose attributes another engine checks (the house XSD).
    """

    def __init__(self, patterns: Patterns, attributes: bool = True):
        self.p = patterns
        self.check_attributes = attributes
        self.issues: list[Issue] = []
        self.ids: dict[str, etree._Element] = {}
        self.idrefs: list[tuple[str, etree._Element, str]] = []

    def report(self, el, message: str, at_end: bool = False) -> None:
        self.issues.append(Issue(el, message, at_end))

    def element(self, p: Pat, el, home_ns: str) -> Pat:
        """Pattern after ``el`` (start tag, attributes, content, end tag) has been matched from ``p``."""
        P = self.p
        qn = _qn(el)
        home = qn[0]
        p1 = P.open_deriv(p, qn)
        if p1 is NOT_ALLOWED:
            ncs: set = set()
            self._expected_next(p, ncs)
            decl = P.declarations(qn)
            where = "here" if decl is not NOT_ALLOWED else "anywhere"
            self.report(el, f'element "{qn[1]}" not allowed {where}; expected '
                        + self._expected_text(p, ncs, home_ns))
            if decl is not NOT_ALLOWED:  # check it against its own declaration, then carry on without it
                self._inside(P.open_deriv(decl, qn), el, home)
            return p
        return self._inside(p1, el, home)

    def _inside(self, p1: Pat, el, home: str) -> Pat:
        """Attributes, content and end tag of ``el``, starting from the after-pattern ``p1``."""
        P = self.p
        qn = _qn(el)
        for name, value in (el.attrib.items() if self.check_attributes else ()):
            if name.startswith("{"):
                ns, local = name[1:].split("}", 1)
                aqn = (ns, local)
            else:
                aqn = ("", name)
            p2 = P.att_deriv(p1, aqn, value)
            if p2 is NOT_ALLOWED:
                by_name = P.att_deriv(p1, aqn, None)
                if by_name is NOT_ALLOWED:
                    atts: list = []
                    P.attributes(p1, atts)
                    names, _ = _nc_labels([a.a for a in atts], "")
                    expected = _listing(names, "attribute") if names else ""
                    tail = f"; expected {expected}" if expected else ""
                    if not atts:
                        self.report(el, f'found attribute "{_label(aqn, "")}", but no attributes allowed here')
                    else:
                        self.report(el, f'attribute "{_label(aqn, "")}" not allowed here{tail}')
                    continue  # dropped
                values: list = []
                types: list = []
                atts = []
                P.attributes(p1, atts)
                for a in atts:
                    if contains(a.a, aqn):
                        P.value_descriptions(a.b, values, types)
                self.report(el, f'value of attribute "{_label(aqn, "")}" is invalid; {_must(values, types)}')
                p1 = by_name
                continue
            self._note_id(p1, aqn, value, el)
            p1 = p2
        p3 = P.close_deriv(p1, lenient=not self.check_attributes)
        if p3 is NOT_ALLOWED:
            atts = []
            P.attributes(p1, atts, required_only=True)
            names, _ = _nc_labels([a.a for a in atts], "")
            if len(names) == 1:
                self.report(el, f'element "{qn[1]}" missing required attribute {names[0]}')
            elif names:
                self.report(el, f'element "{qn[1]}" missing one or more required attributes; expected '
                            + _listing(names, "attribute"))
            else:
                self.report(el, f'element "{qn[1]}" missing required attributes')
            p3 = P.close_deriv(p1, lenient=True)
        p4 = self._content(p3, el, home)
        p5 = P.end_deriv(p4)
        if p5 is NOT_ALLOWED:
            self._incomplete(p4, el, home)
            p5 = P.end_deriv(p4, lenient=True)
        return p5

    def _content(self, p: Pat, el, home: str) -> Pat:
        P = self.p
        items = _children(el) if len(el) else ([el.text] if el.text else [])
        if not any(i.__class__ is not str for i in items):  # text only (or nothing): one value, blank may vanish
            s = "".join(items)
            q = P.text_deriv(p, s)
            if _is_blank(s):
                q = P.choice(p, q)
            if q is NOT_ALLOWED:
                self._bad_text(p, el, home, s)
                return p
            return q
        for item in items:
            if isinstance(item, str):
                if _is_blank(item):
                    continue
                q = P.text_deriv(p, item)
                if q is NOT_ALLOWED:
                    self._bad_text(p, el, home, item)
                    continue
                p = q
            else:
                p = self.element(p, item, home)
        return p

    def _bad_text(self, p: Pat, el, home: str, s: str) -> None:
        ncs: set = set()
        self._expected_next(p, ncs)
        if "#text" in ncs:
            values: list = []
            types: list = []
            self._value_patterns(p, values, types)
            self.report(el, f'character content of element "{_label(_qn(el), home)}" invalid; '
                        + _must(values, types), at_end=True)
        else:
            self.report(el, "text not allowed here; expected " + self._expected_text(p, ncs, home))

    def _value_patterns(self, p: Pat, values, types) -> None:
        k = p.kind
        if k == "after":
            self.p.value_descriptions(p.a, values, types)
        elif k == "choice":
            self._value_patterns(p.a, values, types)
            self._value_patterns(p.b, values, types)

    def _incomplete(self, p: Pat, el, home: str) -> None:
        req: set = set()
        self.p.required_elements(p, req)
        names, others = _nc_labels(req, home)
        q = _label(_qn(el), home)
        if len(names) == 1 and not others:
            self.report(el, f'element "{q}" incomplete; missing required element {names[0]}', at_end=True)
        elif names or others:
            listing = " or ".join(x for x in (_listing(names, "element"), *others) if x)
            self.report(el, f'element "{q}" incomplete; expected {listing}', at_end=True)
        else:
            ncs: set = set()
            self._expected_next(p, ncs)
            self.report(el, f'element "{q}" incomplete; expected ' + self._expected_text(p, ncs, home), at_end=True)

    def _expected_next(self, p: Pat, ncs: set) -> None:
        self.p.firsts(p, ncs)

    def _expected_text(self, p: Pat, ncs: set, home: str) -> str:
        names, others = _nc_labels(ncs, home)
        parts = []
        if self.p.can_end(p):
            parts.append("the element end-tag")
        if "#text" in ncs:
            parts.append("text")
        parts.extend(others)
        listing = _listing(names, "element")
        if listing:
            parts.append(listing)
        if not parts:
            return "nothing"
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]

    # ------------------------------------------------------------------ IDs
    def _note_id(self, p: Pat, aqn, value: str, el) -> None:
        kind = self.p.id_type(p, aqn)
        if kind == "ID":
            v = value.strip()
            first = self.ids.get(v)
            if first is not None:
                self.report(el, f'ID "{v}" has already been defined (first occurrence: line {first.sourceline})')
            else:
                self.ids[v] = el
        elif kind == "IDREF":
            self.idrefs.append((value.strip(), el, _label(aqn, "")))
        elif kind == "IDREFS":
            for v in value.split():
                self.idrefs.append((v, el, _label(aqn, "")))

    def check_idrefs(self) -> None:
        for v, el, att in self.idrefs:
            if v not in self.ids:
                self.report(el, f'IDREF "{v}" without matching ID (attribute "{att}")')


def _id_type(p: Pat) -> str | None:
    if p.kind == "data":
        return p.a.id_type
    if p.kind == "choice":
        return _id_type(p.a) or _id_type(p.b)
    return None
