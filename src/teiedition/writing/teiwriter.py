"""Writing the document model as one TEI P5 document: the writer's entry point.

Why: the writer never sees raw page text, only ``model`` objects.  This module
puts the parts together in TEI's order (``header`` -> ``teiHeader``, ``body``
-> ``text``, ``standoff`` -> ``standOff``) and serialises the tree the same way
every time.  Each part is a module of its own (see docs/ARCHITECTURE.md); a
node no writer can place is reported with its source line (``UnplacedNode``),
never dropped silently.  The output follows ENCODING.md and
docs/encoding-decisions.md and is valid against tei_all.
"""

from __future__ import annotations

from lxml import etree

from ..model import Document
from .body import BodyWriter
from .declarations import CITE_STRUCTURE
from .elements import E, ENTITY_ELEMENTS, TEI_NS, XML_ID, XML_LANG, UnplacedNode, sub
from .header import write_header
from .standoff import write_stand_off

#: Names other modules imported from here before the writer was split (kept importable).
__all__ = ["write_tei", "UnplacedNode", "ENTITY_ELEMENTS", "CITE_STRUCTURE"]

#: Elements whose content is element-only: a newline after each child is safe there.
ELEMENT_ONLY = frozenset(E(t) for t in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "notesStmt", "sourceDesc",
    "msDesc", "msIdentifier", "altIdentifier", "msContents", "encodingDesc", "appInfo",
    "editorialDecl", "profileDesc", "abstract", "creation", "listChange", "langUsage", "textClass",
    "keywords", "revisionDesc", "text", "body", "div", "postscript", "list", "standOff", "listPerson",
    "listOrg", "listPlace", "person", "org", "place", "respStmt", "availability", "msItem",
    "application", "refsDecl", "citeStructure"))


def write_tei(doc: Document, *, run_date: str) -> bytes:
    """The TEI document as UTF-8 bytes with an XML declaration (deterministic)."""
    root = etree.Element(E("TEI"), nsmap={None: TEI_NS})
    root.set(XML_ID, doc.doc_id)
    root.set(XML_LANG, "en")
    write_header(root, doc, run_date)
    text_el = sub(root, "text")
    BodyWriter(doc).body(text_el)
    write_stand_off(root, doc)
    _newlines(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _newlines(root: etree._Element) -> None:
    """One child per line where content is element-only (never inside mixed content)."""
    for el in root.iter():
        if el.tag in ELEMENT_ONLY and len(el):
            if not (el.text or "").strip():
                el.text = "\n"
            for child in el:
                if not (child.tail or "").strip():
                    child.tail = "\n"
