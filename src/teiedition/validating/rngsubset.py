"""tei_all cut down to the elements a document uses, so libxml2 compiles it in milliseconds.

Why: libxml2 compiles every element's content model into an automaton, and for
TEI's mixed content (a choice of some 220 elements) that costs cubic time: 9-12 s
of CPU for tei_all, paid by every process, while validating a file takes
1-2 ms.  A compiled libxml2 grammar cannot be saved to disk, so caching it is
not possible; making it small is.  An ``element`` pattern can only match
elements of its name, so for a document whose element names are S, the grammar
with every element pattern named outside S replaced by ``notAllowed`` accepts
the document exactly when the whole grammar does.  That subset (about 80 of
594 elements for a converted edition) compiles in 10-30 ms.

``notAllowed`` is then simplified away here, by the rules of RELAX NG
simplification (sections 4.19-4.20 of the specification), rather than left to
libxml2, whose simplifier turns ``zeroOrMore(notAllowed)`` into ``notAllowed``
(it must be ``empty``) and can loop on one-child ``choice``/``group`` wrappers.

Parsing and preprocessing tei_all (annotations dropped, namespaces made
explicit) takes some 50 ms and is done once per process; compiled subsets are
kept per process, and a grammar compiled for a superset of a document's
names is reused for it (any superset is just as exact).
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from pathlib import Path

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"

#: Element names are (namespace, local name); no namespace is "".
Name = tuple[str, str]

_NOT_ALLOWED = object()  # a pattern that matches nothing
_EMPTY = object()        # a pattern that matches only the empty sequence


class UnsupportedGrammar(ValueError):
    """A grammar this module cannot cut (several files, combined defines): use it whole instead."""


class Grammar:
    """A single-file RELAX NG grammar (XML syntax, no include/externalRef), preprocessed once.

    ``defines`` maps each define's name to its element; ``elements`` maps each
    element name to the ``element`` patterns declaring it (for messages).
    """

    def __init__(self, path: str | Path):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 remove_comments=True, remove_pis=True, huge_tree=False)
        root = etree.parse(str(path), parser).getroot()
        if root.tag != _R + "grammar":
            raise ValueError("not a RELAX NG grammar in XML syntax (the root is not <grammar>)")
        for unsupported in ("include", "externalRef", "parentRef", "grammar"):
            if root.find(f".//{_R}{unsupported}") is not None:
                raise UnsupportedGrammar(f"<{unsupported}> is not supported for the tei_all subset")
        # Namespaces made explicit: each element pattern's and name's ns, inherited from ancestors.
        for el in root.iter(_R + "element", _R + "name", _R + "nsName"):
            if el.get("ns") is None:
                el.set("ns", next((a.get("ns") for a in el.iterancestors() if a.get("ns") is not None), ""))
        # Datatype libraries made explicit too (spec 4.3-4.4), so a cut that drops a wrapper loses nothing.
        for el in root.iter(_R + "data", _R + "value"):
            if el.tag == _R + "value" and el.get("type") is None:
                el.set("datatypeLibrary", "")
            elif el.get("datatypeLibrary") is None:
                el.set("datatypeLibrary", next((a.get("datatypeLibrary") for a in el.iterancestors()
                                                if a.get("datatypeLibrary") is not None), ""))
        for el in list(root.iter()):  # annotations (documentation, Schematron) matter to no validator here
            if not isinstance(el.tag, str) or not el.tag.startswith(_R):
                parent = el.getparent()
                if parent is not None:
                    parent.remove(el)
        for el in root.iter():
            if el.text is not None and not el.text.strip() and el.tag not in (_R + "value", _R + "param"):
                el.text = None
            el.tail = None
        for div in list(root.iter(_R + "div")):  # <div> only groups definitions: lift its children
            parent = div.getparent()
            at = parent.index(div)
            for child in reversed(list(div)):
                parent.insert(at, child)
            parent.remove(div)
        _combine(root)
        self.root = root
        self.datatype_library = root.get("datatypeLibrary")
        self.defines: dict[str, etree._Element] = {}
        for d in root.iterchildren(_R + "define"):
            self.defines[d.get("name")] = d
        self.start = root.find(_R + "start")
        if self.start is None:
            raise ValueError("the grammar has no <start>")
        self.elements: dict[Name, list[etree._Element]] = {}
        for el in root.iter(_R + "element"):
            if el.get("name") is not None:
                self.elements.setdefault((el.get("ns"), el.get("name")), []).append(el)

    def subset(self, names: frozenset[Name]) -> etree._Element:
        """The grammar restricted to elements named in ``names``, simplified, as a new tree."""
        return _Subset(self, names).grammar()


def _combine(root: etree._Element) -> None:
    """Defines (and starts) given in several parts with ``@combine`` merged into one (spec 4.17)."""
    parts: dict[tuple, list[etree._Element]] = {}
    for d in root.iterchildren(_R + "define", _R + "start"):
        parts.setdefault((d.tag, d.get("name")), []).append(d)
    for (tag, name), ds in parts.items():
        if len(ds) == 1:
            ds[0].attrib.pop("combine", None)
            continue
        methods = {d.get("combine") for d in ds if d.get("combine")}
        if len(methods) != 1 or sum(1 for d in ds if not d.get("combine")) > 1:
            raise ValueError(f"conflicting definitions of {name or 'start'!r} (check @combine)")
        merged = etree.Element(tag, name=name) if name else etree.Element(tag)
        how = etree.SubElement(merged, _R + methods.pop())
        for d in ds:
            group = etree.SubElement(how, _R + "group")
            group.extend(list(d))
            root.remove(d)
        root.append(merged)


class _Subset:
    """One pass over the reachable part of the grammar; each define is cut once."""

    def __init__(self, grammar: Grammar, names: frozenset[Name]):
        self.g = grammar
        self.names = names
        self.state: dict[str, object] = {}   # define -> "busy" | _EMPTY | _NOT_ALLOWED | [patterns]
        self.out: dict[str, etree._Element] = {}
        self.recursive: set[str] = set()

    def grammar(self) -> etree._Element:
        start = self.cut(self.g.start)
        g = etree.Element(_R + "grammar", nsmap={None: RNG_NS})
        if self.g.datatype_library:
            g.set("datatypeLibrary", self.g.datatype_library)
        if start is _NOT_ALLOWED or start is _EMPTY or not len(start):
            start = etree.Element(_R + "start")
            etree.SubElement(start, _R + "notAllowed")
        g.append(start)
        for name in self.recursive:  # referenced from inside itself before its cut was known
            if name not in self.out:
                d = etree.SubElement(g, _R + "define", name=name)
                etree.SubElement(d, _R + ("empty" if self.state[name] is _EMPTY else "notAllowed"))
        g.extend(self.out.values())
        return g

    def ref(self, name: str):
        if name not in self.state:
            self.state[name] = "busy"
            content = self.sequence(self.g.defines[name])
            self.state[name] = content
            if isinstance(content, list):
                d = etree.Element(_R + "define", name=name)
                d.extend(content)
                self.out[name] = d
        content = self.state[name]
        if content == "busy":
            self.recursive.add(name)
            return etree.Element(_R + "ref", name=name)
        if content is _EMPTY or content is _NOT_ALLOWED:
            return content
        return etree.Element(_R + "ref", name=name)

    def sequence(self, node):
        """Children of a define (an implicit group): a list of patterns, _EMPTY or _NOT_ALLOWED."""
        kept = []
        for child in node:
            r = self.cut(child)
            if r is _NOT_ALLOWED:
                return _NOT_ALLOWED
            if r is not _EMPTY:
                kept.append(r)
        return kept or _EMPTY

    def cut(self, node):
        kind = node.tag[len(_R):]
        if kind == "ref":
            if node.get("name") not in self.g.defines:
                raise ValueError(f"reference to undefined pattern {node.get('name')!r}")
            return self.ref(node.get("name"))
        if kind == "notAllowed":
            return _NOT_ALLOWED
        if kind == "element" and node.get("name") is not None and (node.get("ns"), node.get("name")) not in self.names:
            return _NOT_ALLOWED
        if kind in ("choice", "except"):
            kids = [k for k in (self.cut(c) for c in node) if k is not _NOT_ALLOWED]
            if not kids:
                return _NOT_ALLOWED
            if kind == "choice" and len(kids) == 1:
                return kids[0]
            if kind == "choice" and all(k is _EMPTY for k in kids):
                return _EMPTY
            new = etree.Element(node.tag)
            for k in kids:
                new.append(etree.Element(_R + "empty") if k is _EMPTY else k)
            return new
        if kind == "data":
            new = etree.Element(node.tag, dict(node.attrib))
            for child in node:
                if child.tag == _R + "except":
                    r = self.cut(child)
                    if r is not _NOT_ALLOWED:  # data minus nothing is data
                        new.append(r)
                else:
                    new.append(copy.deepcopy(child))
            return new
        if kind in ("group", "interleave", "oneOrMore", "zeroOrMore", "optional", "mixed", "list",
                    "element", "attribute", "start"):
            new = etree.Element(node.tag, dict(node.attrib))
            children = list(node)
            if kind in ("element", "attribute") and node.get("name") is None and children:
                new.append(copy.deepcopy(children[0]))  # the name class
                children = children[1:]
            patterns = 0
            for child in children:
                r = self.cut(child)
                if r is _NOT_ALLOWED:
                    # zeroOrMore(notAllowed) and optional(notAllowed) are empty; the rest match nothing
                    return _EMPTY if kind in ("zeroOrMore", "optional") else _NOT_ALLOWED
                if r is _EMPTY:
                    continue
                new.append(r)
                patterns += 1
            if not patterns:
                if kind in ("element", "attribute", "list"):
                    new.append(etree.Element(_R + "empty"))
                elif kind == "mixed":  # mixed(empty) is text
                    return etree.Element(_R + "text")
                elif kind != "start":
                    return _EMPTY
            elif kind == "group" and patterns == 1:
                return new[0]
            return new
        return copy.deepcopy(node)  # text, empty, value, name classes


def document_names(tree: etree._ElementTree) -> frozenset[Name]:
    """The (namespace, local name) of every element in the document."""
    names = set()
    for el in tree.iter(etree.Element):
        q = etree.QName(el)
        names.add((q.namespace or "", q.localname))
    return frozenset(names)


class SubsetCache:
    """Compiled subsets of one grammar, per process; any cached superset of a document's names serves it."""

    def __init__(self, grammar: Grammar, size: int = 32):
        self.grammar = grammar
        self.size = size
        self._compiled: OrderedDict[frozenset, etree.RelaxNG] = OrderedDict()

    def schema_for(self, names: frozenset[Name]) -> etree.RelaxNG:
        for known, schema in self._compiled.items():
            if names <= known:
                self._compiled.move_to_end(known)
                return schema
        schema = etree.RelaxNG(etree.ElementTree(self.grammar.subset(names)))
        self._compiled[names] = schema
        if len(self._compiled) > self.size:
            self._compiled.popitem(last=False)
        return schema
