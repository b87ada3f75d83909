"""Writing the document model as a TEI P5 tree: one function per node type.

Why: the writer never sees raw page text, only ``model`` objects; every node
kind has one small function, and a node it cannot place is reported with its
source line (``UnplacedNode``), never dropped silently.  The output follows
ENCODING.md and docs/encoding-decisions.md and is valid against tei_all.
"""

from __future__ import annotations

import re
from typing import Callable

from lxml import etree

from .. import __version__
from ..model import Block, Division, Document, Header, Inline, Mark, Node, block_kind
from .body import BodyWriter
from .elements import (E, ENTITY_ELEMENTS, TEI_NS, XML_ID, XML_LANG, UnplacedNode, add_text, header_text,
                       set_attrs, sub)

EDITORIAL_DECL = (
    "Square brackets of the translation are encoded, not kept as characters: "
    "supplied words as supplied (reason added-in-translation), glosses as supplied (reason gloss) "
    "after the glossed words, expansions inside a word as expan/ex, translator's notes, stamps and "
    "handwriting as note (with the translator's label kept verbatim), omissions and illegible passages "
    "as gap with the translator's words in desc, doubtful readings as unclear, [sic] as sic. "
    "Renderers restore the brackets.",
    "Marginal marks (lines, question marks, exclamation points) were made on the original by later "
    "readers, not by the author. Each physical mark is an empty metamark attached to the change "
    "'readers' of profileDesc/creation; its target is the span the translator's note describes "
    "(seg type marked, or a whole paragraph). Resolutions the converter is unsure of carry cert "
    "medium or low. The translator's note itself is kept verbatim where it stands.",
    "Obvious slips are corrected from a reviewed list only (choice/sic/corr, resp #encoder). "
    "Page chrome of the web archive is not transcribed; its values are kept in the header.",
)


# ---------------------------------------------------------------------------------
# header


def write_header(root: etree._Element, doc: Document, run_date: str) -> None:
    h: Header = doc.header
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", h.title or fallback_title(doc), type="main")
    for funder in h.funders:
        sub(title_stmt, "funder", funder)
    credits = h.credits
    translators = tuple(getattr(credits, "translators", ()) or ())
    obtainers = tuple(getattr(credits, "obtainers", ()) or ())
    resp = sub(title_stmt, "respStmt", xml_id="translator")
    sub(resp, "resp", "translated by" if translators else "translation (translator not named on the page)",
        key="trl")
    if translators:
        for name in translators:
            sub(resp, "persName", name)
    else:
        sub(resp, "name", "unnamed translator")
    if obtainers:
        ob = sub(title_stmt, "respStmt")
        sub(ob, "resp", "obtained or contributed by", key="dnr")
        for name in obtainers:
            sub(ob, "persName", name)
    enc = sub(title_stmt, "respStmt", xml_id="encoder")
    sub(enc, "resp", "TEI encoding and corrections of obvious slips", key="mrk")
    sub(enc, "name", "teiedition")

    pub = sub(file_desc, "publicationStmt")
    sub(pub, "publisher", h.publisher)
    if h.record_id:
        sub(pub, "idno", h.record_id, type="record")
    uploaded = next((v for k, v in h.facets if k == "Original Uploaded Date"), None)
    if uploaded:
        sub(pub, "date", uploaded, type="uploaded",
            when=uploaded if re.fullmatch(r"\d{4}-\d{2}-\d{2}", uploaded) else None)
    avail = sub(pub, "availability")
    if h.rights:
        for para in h.rights:
            header_text(sub(avail, "p"), para)
    else:
        sub(avail, "p", "No rights statement was printed on the page.")

    notes = [(t, v) for t, v in (("funding", h.funding_sentence),) if v]
    facet_notes = [(label, value) for label, value in h.facets]
    if notes or facet_notes:
        ns = sub(file_desc, "notesStmt")
        for t, v in notes:
            sub(ns, "note", v, type=t)
        for label, value in facet_notes:
            header_text(sub(ns, "note", type="facet", n=label or None), value)

    source = sub(file_desc, "sourceDesc")
    if h.source_line:
        header_text(sub(source, "bibl", type="page-source"), h.source_line)
    if h.citation is not None:
        _ms_desc(source, h.citation, h.title or fallback_title(doc))
    elif not h.source_line:
        sub(source, "p", "The page prints no archival reference.")

    enc_desc = sub(header, "encodingDesc")
    app_info = sub(enc_desc, "appInfo")
    app = sub(app_info, "application", ident="teiedition", version=__version__)
    sub(app, "label", "teiedition")
    decl = sub(enc_desc, "editorialDecl")
    for para in EDITORIAL_DECL:
        sub(decl, "p", para)
    _refs_decl(enc_desc)

    profile = sub(header, "profileDesc")
    if h.summary:
        abstract = sub(profile, "abstract")
        header_text(sub(abstract, "p"), h.summary)
    creation = sub(profile, "creation")
    if h.date_text:
        sub(creation, "date", h.date_text, when=h.date_when)
    lc = sub(creation, "listChange")
    sub(lc, "change", "Marks in the margins of the original, made by later readers (not the author), "
        "as reported by the translator.", xml_id="readers")
    lang_usage = sub(profile, "langUsage")
    sub(lang_usage, "language", "English (translation)", ident="en")
    code, name = h.original_language
    sub(lang_usage, "language", f"{name} (original)", ident=code)
    doc_type = next((v for k, v in h.facets if k == "Type"), None)
    if doc_type:
        tc = sub(profile, "textClass")
        kw = sub(tc, "keywords")
        sub(kw, "term", doc_type, type="document-type")

    rev = sub(header, "revisionDesc")
    sub(rev, "change", f"Converted from the archive page ({h.layout or 'unknown'} layout) by "
        f"teiedition {__version__}.", when=run_date, who="#encoder")


def fallback_title(doc: Document) -> str:
    """A page whose header gives no title: its first heading, else a plain label, never the input path."""
    for div in doc.divisions:
        for b in div.blocks:
            if b.kind in ("head", "heading") and b.text.strip():
                return " ".join(b.text.split())
    return "Untitled document"


def _ms_desc(source, citation, title: str) -> None:
    ms = sub(source, "msDesc")
    ident = sub(ms, "msIdentifier")
    if citation.country:
        sub(ident, "country", citation.country)
    if citation.settlement:
        sub(ident, "settlement", citation.settlement)
    repo = sub(ident, "repository", citation.repository_name or citation.repository)
    if citation.repository:
        repo.set("n", citation.repository)
    units = dict(citation.units)
    for key, value in citation.collections():
        sub(ident, "collection", value, type=key)
    for key, value in citation.identifiers():
        sub(ident, "idno", value, type=key)
    alt = sub(ident, "altIdentifier")
    sub(alt, "idno", citation.verbatim, type="archival-reference")
    for other in getattr(citation, "others", ()):  # a further archive named in the same reference
        alt = sub(ident, "altIdentifier", type="other-repository")
        sub(alt, "repository", other.repository_name or other.repository, n=other.repository or None)
        sub(alt, "idno", other.verbatim, type="archival-reference")
    if "folios" in units:
        contents = sub(ms, "msContents")
        item = sub(contents, "msItem")
        sub(item, "locus", units["folios"], **{"from": citation.folio_from, "to": citation.folio_to})
        sub(item, "title", title or "untitled")


# ---------------------------------------------------------------------------------
# standOff and the whole document


def write_stand_off(root: etree._Element, doc: Document) -> None:
    """The authority entries the text points to (and only those)."""
    used = {ref[1:] for ref in root.xpath("//@ref")}
    entities = [e for e in doc.entities if e.id in used]
    if not entities:
        return
    stand_off = sub(root, "standOff")
    for kind, (name_tag, list_tag, item_tag) in ENTITY_ELEMENTS.items():
        entries = [e for e in entities if e.kind == kind]
        if not entries:
            continue
        lst = sub(stand_off, list_tag)
        for entry in entries:
            item = sub(lst, item_tag, xml_id=entry.id)
            if entry.sameAs:
                item.set("sameAs", entry.sameAs)
            sub(item, name_tag, entry.name)
            if entry.note:
                sub(item, "note", entry.note)


#: Elements whose content is element-only: a newline after each child is safe there.
ELEMENT_ONLY = frozenset(E(t) for t in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "notesStmt", "sourceDesc",
    "msDesc", "msIdentifier", "altIdentifier", "msContents", "encodingDesc", "appInfo",
    "editorialDecl", "profileDesc", "abstract", "creation", "listChange", "langUsage", "textClass",
    "keywords", "revisionDesc", "text", "body", "div", "postscript", "list", "standOff", "listPerson",
    "listOrg", "listPlace", "person", "org", "place", "respStmt", "availability", "msItem",
    "application", "refsDecl", "citeStructure"))


def _newlines(root: etree._Element) -> None:
    """One child per line where content is element-only (never inside mixed content)."""
    for el in root.iter():
        if el.tag in ELEMENT_ONLY and len(el):
            if not (el.text or "").strip():
                el.text = "\n"
            for child in el:
                if not (child.tail or "").strip():
                    child.tail = "\n"


#: The citation tree every document declares: sections (the body's divs, counted from 1), then
#: their paragraphs (counted from 1, also those of journal entries and postscripts; not those
#: inside notes), so "1.13" is the 13th paragraph of the document.
CITE_STRUCTURE = (("section", "/TEI/text/body/div", "position()", None),
                  ("paragraph", ".//p[not(ancestor::note or ancestor::p)]", "position()", "."))


def _refs_decl(enc_desc: etree._Element) -> None:
    """``refsDecl/citeStructure``: how a passage is cited (what DTS clients navigate)."""
    parent = sub(enc_desc, "refsDecl")
    for unit, match, use, delim in CITE_STRUCTURE:
        parent = sub(parent, "citeStructure", unit=unit, match=match, use=use, delim=delim)


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
