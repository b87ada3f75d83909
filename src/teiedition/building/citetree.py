"""The citation tree a TEI declares (``refsDecl/citeStructure``), and DTS Navigation answers over it.

Why: DTS identifies passages by the TEI's own citation structure (``1.13`` is
paragraph 13 of section 1).  The document's XPath is evaluated by Saxon with
the TEI namespace as default (as TEI intends) on a locked-down processor, a
few calls per structure and parent, never one per unit, so a long document
costs time linear in its size.  ``navigation_members`` answers any Navigation
query from the tree; the static site (``dts.py``) writes a few of them.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from ..rendering.xsltrun import safe_processor

TEI_NS = "http://www.tei-c.org/ns/1.0"

_SERIALIZE = "serialize(., map{'method': 'xml', 'indent': false(), 'omit-xml-declaration': true()})"

#: Identifiers that survive a path segment unchanged (RFC 3986 unreserved characters).
_SAFE_REF = re.compile(r"[A-Za-z0-9._~-]+")

_ELEMENT = 1  # XdmNode.node_kind of an element
_CITE_STRUCTURE = f"Q{{{TEI_NS}}}citeStructure"


class CitationError(ValueError):
    """The TEI's citeStructure cannot be followed (a bad XPath, an identifier unfit for a URL)."""


# --------------------------------------------------------------------------- the citation tree

@dataclass(frozen=True)
class Unit:
    """One citable unit: its DTS identifier, depth, parent, type, and the XML of its element.

    ``xml`` (with ``citation_tree(passages=True)``) is kept only for top-level units and
    units of a level that has a level below, a server's passages: a paragraph's text is
    not held twice.  The static site publishes no passage and keeps none.
    """

    identifier: str
    level: int
    parent: str | None
    cite_type: str | None
    xml: str | None
    anchor: str | None = None  # the element's xml:id (the HTML page's anchor)
    branch: bool = False       # its citeStructure declares a level below

    def json(self) -> dict:
        unit = {"identifier": self.identifier, "@type": "CitableUnit", "level": self.level, "parent": self.parent}
        if self.cite_type:
            unit["citeType"] = self.cite_type
        return unit


@dataclass
class CitationTree:
    """The declared structure (for ``citationTrees``) and the units in document order."""

    structure: list[dict] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._position = {u.identifier: i for i, u in enumerate(self.units)}
        # where each unit's subtree ends (exclusive), in one pass: units are in document order
        self._end = [len(self.units)] * len(self.units)
        open_units: list[int] = []
        for i, unit in enumerate(self.units):
            while open_units and self.units[open_units[-1]].level >= unit.level:
                self._end[open_units.pop()] = i
            open_units.append(i)

    @property
    def depth(self) -> int:
        return max((u.level for u in self.units), default=0)

    def get(self, identifier: str) -> Unit | None:
        position = self._position.get(identifier)
        return None if position is None else self.units[position]

    def position(self, unit: Unit) -> int:
        return self._position[unit.identifier]

    def subtree(self, unit: Unit) -> list[Unit]:
        """``unit`` and every unit below it, in document order."""
        i = self._position[unit.identifier]
        return self.units[i:self._end[i]]

    def top(self) -> list[Unit]:
        return [u for u in self.units if u.level == 1]


def citation_tree(tei_text, *, deadline: float | None = None, passages: bool = True) -> CitationTree:
    """Follow the first ``refsDecl`` with ``citeStructure`` of a TEI document (text, hardened before,
    or a document ``xsltrun.xdm_document`` parsed already).

    Each ``citeStructure/@match`` is evaluated from its parent unit (the
    document for the top level); ``@use`` is evaluated for each match with the
    match sequence as focus, so ``position()`` counts the matches.  A unit's
    identifier is its parent's, then ``@delim``, then the ``@use`` value.
    Past ``deadline`` (a ``time.monotonic()`` value) it raises ``DtsTimeout``.
    ``passages=False`` keeps no unit's XML (the static site publishes none).
    """
    proc = safe_processor()  # the document's XPath may not read any file or URL
    doc = proc.parse_xml(xml_text=tei_text) if isinstance(tei_text, str) else tei_text
    xp = proc.new_xpath_processor()
    xp.declare_namespace("", TEI_NS)
    xp.declare_namespace("tei", TEI_NS)
    xp.set_context(xdm_item=doc)
    decls = xp.evaluate("(/TEI/teiHeader/encodingDesc/refsDecl[citeStructure])[1]/citeStructure")
    structures = list(_items(decls))
    if not structures:
        return CitationTree()
    shape = [_shape(xp, s) for s in structures]
    found: list[tuple[object, Unit]] = []
    ordered = [True]
    _walk(xp, doc, structures, None, 1, found, deadline, ordered, passages)
    found = _in_document_order(xp, found, ordered[0], deadline)
    seen: set[str] = set()
    for _, unit in found:
        if unit.identifier in seen:
            raise CitationError(f"citeStructure gives the identifier {unit.identifier!r} twice")
        seen.add(unit.identifier)
    return CitationTree(shape, [u for _, u in found])


class DtsTimeout(Exception):
    """A document's answers took longer than the build's ``--time-limit``."""


def check_deadline(deadline: float | None) -> None:
    """Raise ``DtsTimeout`` past ``deadline`` (a ``time.monotonic()`` value; None: no limit)."""
    if deadline is not None and time.monotonic() > deadline:
        raise DtsTimeout


#: Whether a structure's matches, from their parent, come in document order, each inside the parent and
#: after the previous match's subtree: then the walk's order is document order (one call per parent).
_ORDERED = ("let $ctx := ., $m := ({match}) return every $i in 1 to count($m) satisfies "
            "exists($m[$i]/ancestor::node()[. is $ctx]) and "
            "($i = count($m) or $m[$i + 1] >> ($m[$i]/descendant-or-self::node())[last()])")


def _in_document_order(xp, found: list, ordered: bool, deadline: float | None = None) -> list:
    """The units sorted by their elements' document order.

    When the walk already gives it (``ordered``: one structure per level, matches
    in order inside their parent, as the converter declares) nothing is done.
    Otherwise each unit's position is counted (``preceding::node()``), quadratic
    in the worst case but only for unusual citeStructures, and bounded by the time limit.
    """
    if ordered:
        return found
    keyed = []
    for node, unit in found:
        check_deadline(deadline)
        xp.set_context(xdm_item=node)
        keyed.append((int(str(xp.evaluate_single("count(preceding::node()) + count(ancestor::node())")
                              .string_value)), unit))
    keyed.sort(key=lambda pair: pair[0])
    return keyed


def _items(value):
    if value is None:
        return
    for i in range(value.size):
        yield value.item_at(i)


def _attr(xp, node, name: str) -> str | None:
    """An unprefixed attribute of a citeStructure, read from the node (an XPath call compiled each time cost 0.2 ms)."""
    value = node.get_attribute_value(name)
    return None if value is None else str(value)


def _child_structures(structure) -> list:
    """The ``citeStructure`` children of a citeStructure (TEI namespace), in order."""
    return [c for c in structure.children or () if c.node_kind == _ELEMENT and c.name == _CITE_STRUCTURE]


def _shape(xp, structure) -> dict:
    """One ``CiteStructure`` object of ``citationTrees`` (types only)."""
    out: dict = {"@type": "CiteStructure", "citeType": _attr(xp, structure, "unit") or "unit"}
    children = [_shape(xp, c) for c in _child_structures(structure)]
    if children:
        out["citeStructure"] = children
    return out


def _evaluate(xp, context, expression: str, what: str):
    xp.set_context(xdm_item=context)
    try:
        return xp.evaluate(expression)
    except Exception as exc:  # PySaxonApiError: the document's own XPath is wrong
        message = " ".join(str(exc).split())[:200]
        raise CitationError(f"citeStructure {what} {expression!r} cannot be evaluated: {message}") from None


def _values_and_anchors(xp, context, match: str, use: str) -> tuple[list[str], list[str]]:
    """Each match's ``@use`` value and ``@xml:id``, in one XPath call (two strings per match).

    A ``@use`` that fails is reported as before: the two expressions are then evaluated apart.
    """
    try:
        both = [str(v.string_value) for v in
                _items(_evaluate(xp, context, f"({match}) ! (string(({use})), string(@xml:id))", "@use"))]
    except CitationError:
        both = None
    if both is None or len(both) % 2:  # a failing (or sequence-valued) @use: say which expression fails
        values = [str(v.string_value) for v in _items(_evaluate(xp, context, f"({match}) ! string(({use}))", "@use"))]
        anchors = [str(v.string_value) for v in _items(_evaluate(xp, context, f"({match}) ! string(@xml:id)", "@match"))]
        return values, anchors
    return both[0::2], both[1::2]


def _walk(xp, context, structures, parent: Unit | None, level: int, found: list, deadline, ordered: list,
          passages: bool = True) -> None:
    """Collect the units below ``context``: a few XPath calls per structure and parent, not per unit.

    ``ordered[0]`` is cleared when the walk's order may not be document order.
    """
    if len(structures) > 1:
        ordered[0] = False
    for structure in structures:
        check_deadline(deadline)
        match, use = _attr(xp, structure, "match"), _attr(xp, structure, "use")
        if not match or not use:
            raise CitationError("citeStructure needs both @match and @use")
        delim = _attr(xp, structure, "delim") or ""
        cite_type = _attr(xp, structure, "unit")
        nodes = list(_items(_evaluate(xp, context, f"({match})", "@match")))
        values, anchors = _values_and_anchors(xp, context, match, use)
        if ordered[0] and nodes:
            ordered[0] = str(_evaluate(xp, context, _ORDERED.format(match=match), "@match").head.string_value) == "true"
        children = _child_structures(structure)
        for node, value, anchor in zip(nodes, values, anchors):
            identifier = (parent.identifier + delim + value) if parent else value
            if not _SAFE_REF.fullmatch(identifier) or identifier in (".", ".."):
                raise CitationError(f"citable unit identifier {identifier!r} cannot be a static path "
                                    "(letters, digits and . _ ~ - only)")
            xml = None
            if passages and (children or level == 1):  # as it stands (no indentation added); only passages that are published
                check_deadline(deadline)
                xp.set_context(xdm_item=node)
                xml = str(xp.evaluate_single(_SERIALIZE).string_value)
            unit = Unit(identifier, level, parent.identifier if parent else None, cite_type, xml,
                        anchor or None, bool(children))
            found.append((node, unit))
            if children:
                _walk(xp, node, children, unit, level + 1, found, deadline, ordered, passages)



def navigation_members(tree: CitationTree, *, ref: str | None = None, start: str | None = None,
                       end: str | None = None, down: int | None = None) -> list[Unit] | None:
    """The ``member`` array of a Navigation answer (None: no member property), per the spec's table.

    Raises ``LookupError`` for a unit that does not exist (404) and
    ``ValueError`` for a combination the spec calls a bad request (400).
    Linear in the answer (subtrees are slices of the tree in document order).
    """
    if ref and (start or end) or bool(start) != bool(end):
        raise ValueError("ref excludes start/end, and start needs end")
    if down is not None and down < -1:
        raise ValueError("down must be -1 or more")

    def unit(identifier: str) -> Unit:
        found = tree.get(identifier)
        if found is None:
            raise LookupError(identifier)
        return found

    if ref:
        target = unit(ref)
        if down is None:
            return None
        if down == 0:
            parent = tree.get(target.parent) if target.parent else None
            around = tree.subtree(parent)[1:] if parent else tree.units
            return [u for u in around if u.level == target.level]
        limit = None if down == -1 else target.level + down
        return [u for u in tree.subtree(target) if limit is None or u.level <= limit]
    if start:
        first, last = unit(start), unit(end)
        i, j = tree.position(first), tree.position(last)
        if i > j:
            raise LookupError(f"{start} comes after {end}")
        if down is None:
            return None
        if down == 0:
            raise ValueError("down=0 needs ref")
        stop = j + len(tree.subtree(last))
        top = min(first.level, last.level)
        limit = None if down == -1 else max(first.level, last.level) + down
        return [u for u in tree.units[i:stop] if u.level >= top and (limit is None or u.level <= limit)]
    if down is None or down == 0:
        raise ValueError("navigation of the whole resource needs down (1 or more, or -1)")
    return [u for u in tree.units if down == -1 or u.level <= down]


__all__ = ["CitationError", "CitationTree", "DtsTimeout", "Unit", "check_deadline", "citation_tree",
           "navigation_members"]
