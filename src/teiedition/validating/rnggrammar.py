"""A RELAX NG grammar (XML syntax) read once and made explicit, for ``rngvalid``.

Why: the validator walks the grammar's patterns directly, so everything the
RELAX NG simplification rules leave implicit is made explicit here, once per
process (about 0.2 s for tei_all): includes resolved with their overrides,
``div`` lifted, ``@combine`` merged, each name's namespace and each datatype's
library written on it, annotations (documentation, embedded Schematron)
dropped.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"

#: Element names are (namespace, local name); no namespace is "".
Name = tuple[str, str]


class UnsupportedGrammar(ValueError):
    """A grammar using what this module does not read (nested grammars, ``parentRef``): libxml2 takes it whole."""


class Grammar:
    """A single-file RELAX NG grammar (XML syntax, no include/externalRef), preprocessed once.

    ``defines`` maps each define's name to its element; ``elements`` maps each
    element name to the ``element`` patterns declaring it (for messages).
    """

    def __init__(self, path: str | Path):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 remove_comments=True, remove_pis=True, huge_tree=False)
        root = etree.parse(str(path), parser).getroot()
        if not root.tag.startswith(_R):
            raise ValueError("not a RELAX NG schema in XML syntax (the root is not in the RELAX NG namespace)")
        if root.tag != _R + "grammar":  # a bare pattern is the start of a grammar (spec 4.18)
            grammar = etree.Element(_R + "grammar", nsmap=root.nsmap)
            for attr in ("ns", "datatypeLibrary"):
                if root.get(attr) is not None and root.tag != _R + "element":
                    grammar.set(attr, root.get(attr))
            etree.SubElement(grammar, _R + "start").append(root)
            root = grammar
        _resolve_includes(root, Path(path), parser, depth=0)
        for unsupported in ("externalRef", "parentRef", "grammar"):
            if root.find(f".//{_R}{unsupported}") is not None:
                raise UnsupportedGrammar(f"<{unsupported}> is not supported here")
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


def _resolve_includes(root: etree._Element, path: Path, parser, depth: int) -> None:
    """Each ``<include href>`` replaced by the included grammar, less what the include overrides (spec 4.7)."""
    for inc in list(root.iter(_R + "include")):
        if depth > 20:
            raise ValueError("includes nested more than 20 deep (a loop?)")
        target = (path.parent / inc.get("href", "")).resolve()
        included = etree.parse(str(target), parser).getroot()
        if included.tag != _R + "grammar":
            raise ValueError(f"included {target.name} is not a RELAX NG grammar")
        _resolve_includes(included, target, parser, depth + 1)
        overrides = {d.get("name") for d in inc.iter(_R + "define")}
        for d in list(included.iter(_R + "define", _R + "start")):
            if (d.tag == _R + "start" and inc.find(f".//{_R}start") is not None) or d.get("name") in overrides:
                d.getparent().remove(d)
        div = etree.Element(_R + "div")
        for attr in ("ns", "datatypeLibrary"):
            value = included.get(attr) if included.get(attr) is not None else inc.get(attr)
            if value is not None:
                div.set(attr, value)
        div.extend(list(included))
        div.extend(list(inc))
        inc.getparent().replace(inc, div)


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


