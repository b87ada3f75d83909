"""Structure messages for the house XSD, in jing's words: what was found, and what was expected there.

Why: for a child in the wrong place libxml2 says ``This element is not
expected.`` (often with no list) and xmlschema ``Unexpected child with tag ...
at position 3``; an editor needs ``element "title" not allowed here; expected
element "notesStmt" or "sourceDesc"``, the sentence ``--profile tei-all``
gives.  The house schema's content models (sequence, choice, all, groups,
extensions, occurrence bounds, mixed content) are turned into RELAX NG
patterns and walked with ``rngvalid``'s derivatives, attributes left to the
XSD engines, whose value messages are already the house's own.  It runs only
on a document the XSD engine has already found invalid.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .rngvalid import EMPTY, NOT_ALLOWED, TEXT, ElementPat, Issue, Pat, Patterns, _qn, _Run

XS = "http://www.w3.org/2001/XMLSchema"
_X = f"{{{XS}}}"
#: Copies of a particle spelled out for ``maxOccurs="n"`` at most (beyond, it is treated as unbounded).
MAX_SPELLED = 50


class XsdStructure(Patterns):
    """Content models of one XML Schema file as derivative patterns (element content only)."""

    def __init__(self, path: str | Path):
        doc = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                                     remove_comments=True))
        root = doc.getroot()
        self.grammar = None
        self.target = root.get("targetNamespace") or ""
        self.qualified = root.get("elementFormDefault") == "qualified"
        self.elements = {el.get("name"): el for el in root.iterchildren(_X + "element")}
        self.types = {t.get("name"): t for t in root.iterchildren(_X + "complexType")}
        self.simple = {t.get("name") for t in root.iterchildren(_X + "simpleType")}
        self.groups = {g.get("name"): g for g in root.iterchildren(_X + "group")}
        self._defines = {}
        self._elements = {}
        self._group_cache: dict[str, Pat] = {}
        self._reset()
        start = NOT_ALLOWED
        for name in self.elements:
            start = self.choice(start, self._element_ref(name))
        self.start = start

    # ------------------------------------------------------------------ XSD to patterns
    def _local(self, qname: str) -> str:
        return qname.split(":", 1)[1] if ":" in qname else qname

    def _element_ref(self, name: str) -> Pat:
        node = self.elements.get(name)
        if node is None:
            return NOT_ALLOWED
        return self._element_pattern(node, self.target)

    def _element_pattern(self, node, ns: str) -> Pat:
        p = self._elements.get(id(node))
        if p is None:
            p = self._elements[id(node)] = ElementPat(("name", ns, node.get("name")), node, self)
        return p

    def element_content(self, node) -> Pat:
        type_name = node.get("type")
        if type_name is not None:
            local = self._local(type_name)
            if local in self.types:
                return self._complex(self.types[local])
            return TEXT  # a simple type (or a built-in): text only
        ctype = node.find(_X + "complexType")
        return self._complex(ctype) if ctype is not None else TEXT

    def _complex(self, ctype) -> Pat:
        mixed = ctype.get("mixed") == "true"
        content = EMPTY
        for child in ctype:
            tag = child.tag
            if tag == _X + "simpleContent":
                return TEXT
            if tag == _X + "complexContent":
                mixed = mixed or child.get("mixed") == "true"
                for derivation in child:
                    own = self._particles(derivation)
                    if derivation.tag == _X + "extension":
                        base = self.types.get(self._local(derivation.get("base", "")))
                        if base is not None:
                            mixed = mixed or base.get("mixed") == "true"
                            content = self.group(self._complex(base), own)
                        else:
                            content = own
                    else:  # restriction: the derived model is given whole
                        content = own
            elif tag in (_X + "sequence", _X + "choice", _X + "all", _X + "group"):
                content = self.group(content, self._particle(child))
        return self.interleave(content, TEXT) if mixed else content

    def _particles(self, node) -> Pat:
        result = EMPTY
        for child in node:
            if child.tag in (_X + "sequence", _X + "choice", _X + "all", _X + "group"):
                result = self.group(result, self._particle(child))
        return result

    def _particle(self, node) -> Pat:
        tag = node.tag[len(_X):]
        if tag == "element":
            if node.get("ref") is not None:
                p = self._element_ref(self._local(node.get("ref")))
            else:
                p = self._element_pattern(node, self.target if (self.qualified or node.get("form") == "qualified")
                                          else "")
        elif tag == "any":
            p = ElementPat(("any", None), None, self)
            p._content = EMPTY
        elif tag == "group":
            name = self._local(node.get("ref", ""))
            if name not in self._group_cache:
                self._group_cache[name] = NOT_ALLOWED
                self._group_cache[name] = self._particles(self.groups[name]) if name in self.groups else NOT_ALLOWED
            p = self._group_cache[name]
        elif tag in ("sequence", "choice", "all"):
            parts = [self._particle(c) for c in node if c.tag != _X + "annotation"]
            if tag == "choice":
                p = NOT_ALLOWED
                for q in parts:
                    p = self.choice(p, q)
            else:
                p = EMPTY
                for q in parts:
                    p = self.interleave(p, q) if tag == "all" else self.group(p, q)
        else:
            return EMPTY
        return self._occurs(p, node)

    def _occurs(self, p: Pat, node) -> Pat:
        low = int(node.get("minOccurs", "1"))
        high_text = node.get("maxOccurs", "1")
        high = None if high_text == "unbounded" or int(high_text) > MAX_SPELLED else int(high_text)
        result = EMPTY
        for _ in range(min(low, MAX_SPELLED)):
            result = self.group(result, p)
        if high is None:
            return self.group(result, self.choice(self.one_or_more(p), EMPTY))
        for _ in range(high - low):
            result = self.group(result, self.choice(p, EMPTY))
        return result

    def declarations(self, qn) -> Pat:
        if qn[0] == self.target and qn[1] in self.elements:
            return self._element_ref(qn[1])
        return NOT_ALLOWED


def structure_issues(structure: XsdStructure, tree) -> list[Issue]:
    """Every structure fault of the document under the schema's content models (attributes not checked)."""
    structure.trim()
    run = _Run(structure, attributes=False)
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    run.element(structure.start, root, home_ns=_qn(root)[0])
    return run.issues


class HouseStructure:
    """Structure errors of an XSD engine replaced by ``structure_issues`` (built on first need)."""

    def __init__(self, path: Path):
        self.path = path
        self._structure: XsdStructure | None = None

    def issues(self, tree) -> list[Issue]:
        if self._structure is None:
            self._structure = XsdStructure(self.path)
        return structure_issues(self._structure, tree)
