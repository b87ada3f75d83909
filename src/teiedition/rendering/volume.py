"""A teiCorpus printed as one volume: a title page with the contents, then each member as a part.

Why: a corpus is deposited and read as one book.  Each member is laid out by the
print stylesheet as a document of its own (its header facts, notes, apparatus and
running heads stay its own, as in the HTML edition's member pages), and the parts
are put one after the other in one print HTML.  Each part begins on a new page
with its title block, whose title is a first-level PDF bookmark; its running
strings (short title, reference) set the running heads of its pages but the first,
a title page, which has none (an empty running string set before the part's own).  Ids are
made unique by a prefix per part (``p2-n1``), and every in-document reference
(``href="#..."``, ``aria-*``, ``for``, ``headers``) is rewritten with it.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree, html as lxml_html

from .corpus import member_title, members

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Attributes holding space-separated id references.
IDREF_LISTS = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers")
#: Attributes holding one id reference.
IDREFS = ("for", "popovertarget", "list", "form")


def print_volume(tree, print_member: Callable[[etree._ElementTree], str]) -> str:
    """The print HTML of the whole corpus; ``print_member`` gives the print HTML of one member TEI."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    docs = members(root)
    title = member_title(etree.ElementTree(root)) or "Corpus"
    parts = [lxml_html.document_fromstring(print_member(doc)) for doc in docs]
    lang = _corpus_lang(root) or (parts[0].get("lang") if parts else "") or "en"
    volume = etree.Element("html", lang=lang)
    head = etree.SubElement(volume, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "title").text = title
    if parts:
        for meta in parts[0].head.iter("meta"):
            if meta.get("name") in ("generator",):
                head.append(_copy(meta))
    authors = _names(root)
    if authors:
        etree.SubElement(head, "meta", name="author", content=", ".join(authors))
    body = etree.SubElement(volume, "body")
    body.set("class", ((parts[0].body.get("class") if parts else "") + " volume").strip())
    title_block = etree.SubElement(body, "div", {"class": "title-block volume-title"})
    masthead = etree.SubElement(title_block, "header", {"class": "masthead"})
    etree.SubElement(masthead, "p", {"class": "masthead-kicker"}).text = f"A corpus of {len(docs)} documents"
    etree.SubElement(masthead, "h1").text = title
    for name in authors:
        etree.SubElement(masthead, "p", {"class": "masthead-date"}).text = name
    contents = etree.SubElement(title_block, "nav", {"class": "volume-contents", "aria-labelledby": "volume-contents"})
    etree.SubElement(contents, "h2", id="volume-contents").text = "Contents"
    listing = etree.SubElement(contents, "ol")
    for n, (doc, part) in enumerate(zip(docs, parts), start=1):
        item = etree.SubElement(listing, "li")
        link = etree.SubElement(item, "a", href=f"#part-{n}")
        link.text = member_title(doc) or f"Document {n}"
        section = etree.SubElement(body, "section", {"class": "volume-part", "id": f"part-{n}"})
        section.set("lang", part.get("lang") or lang)
        _prefix_ids(part.body, f"p{n}-")
        # A part's first page is its title page: no running head (print.css, .part-title-page).
        etree.SubElement(section, "p", {"class": "part-title-page", "aria-hidden": "true"})
        section[-1].tail = part.body.text
        for child in part.body:
            section.append(child)
    return "<!DOCTYPE html>\n" + etree.tostring(volume, method="html", encoding="unicode")


def _copy(element):
    return etree.fromstring(etree.tostring(element))


def _corpus_lang(root) -> str:
    return root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""


def _names(root) -> list[str]:
    """The corpus's own authors and editors (its titleStmt), as written."""
    found = root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/*[self::t:author or self::t:editor]",
                       namespaces={"t": TEI_NS})
    return [" ".join("".join(el.itertext()).split()) for el in found if "".join(el.itertext()).strip()]


def _prefix_ids(body, prefix: str) -> None:
    """Every id in ``body`` and every reference to one, prefixed (references to ids not in ``body`` too)."""
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", prefix + el.get("id"))
        href = el.get("href")
        if href and href.startswith("#") and len(href) > 1:
            el.set("href", "#" + prefix + href[1:])
        for name in IDREF_LISTS:
            if el.get(name):
                el.set(name, " ".join(prefix + token for token in el.get(name).split()))
        for name in IDREFS:
            if el.get(name):
                el.set(name, prefix + el.get(name))
