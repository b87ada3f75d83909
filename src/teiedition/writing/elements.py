"""The TEI element helpers every writer module shares.

Why: the writers build one lxml tree; making an element, appending text after
the last child and setting attributes must work the same way everywhere, so
they live here once, with the namespace constants and the writer's one error
(``UnplacedNode``).  Nothing here knows about the document model.
"""

from __future__ import annotations

import re

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
E = lambda tag: f"{{{TEI_NS}}}{tag}"  # noqa: E731

#: Entity kind -> (name element in the text, its standOff list, the list's item).
ENTITY_ELEMENTS = {"person": ("persName", "listPerson", "person"), "org": ("orgName", "listOrg", "org"),
                   "place": ("placeName", "listPlace", "place")}

#: The site's e-mail hiding: the address is not on the page, so it is a gap, never invented.
HIDDEN_EMAIL_RE = re.compile(r"\[(email(?:\s|&#160;)protected)\]")


class UnplacedNode(Exception):
    """The writer met a node it has no function for (a bug in the recognisers)."""


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """A new TEI child of ``parent``; ``xml_id`` means ``xml:id``, attributes given as None are left out."""
    el = etree.SubElement(parent, E(tag))
    for k, v in attrs.items():
        if v is None:
            continue
        el.set(XML_ID if k == "xml_id" else k, v)
    if text:
        el.text = text
    return el


def add_text(parent: etree._Element, text: str) -> None:
    """Append text at the end of ``parent`` (as its text or the last child's tail)."""
    if not text:
        return
    last = next(parent.iterchildren(reversed=True), None)  # O(1); len(parent) walks every child
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def header_text(el: etree._Element, text: str) -> None:
    """Page-furniture text in the header, with each hidden e-mail address as ``gap[@reason="obfuscated"]``."""
    pos = 0
    for m in HIDDEN_EMAIL_RE.finditer(text):
        add_text(el, text[pos:m.start()])
        gap = sub(el, "gap", reason="obfuscated")
        sub(gap, "desc", m.group(1))
        pos = m.end()
    add_text(el, text[pos:])


def set_attrs(el: etree._Element, attrs) -> None:
    """Set a model node's ``(name, value)`` attributes; ``xml:id`` in the XML namespace, None left out."""
    for k, v in attrs:
        if v is None:
            continue
        el.set(XML_ID if k == "xml:id" else k, v)
