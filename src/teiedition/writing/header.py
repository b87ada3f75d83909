"""Writing ``teiHeader``: the facts read off the page's header zone, chrome and citation.

Why: the header is the edition's metadata (title, translators and donors,
publisher and record number, rights, facets, summary, the document's date
and languages); each part of ``teiHeader`` has its own small function here,
in the order TEI requires.  The archival reference is ``source_desc``'s job,
the fixed declarations ``declarations``'.  Nothing is invented: a value the
page does not print is stated as absent, never guessed.
"""

from __future__ import annotations

import re

from lxml import etree

from .. import __version__
from ..model import Document, Header
from .declarations import write_encoding_desc
from .elements import header_text, sub
from .source_desc import write_source_desc


def write_header(root: etree._Element, doc: Document, run_date: str) -> None:
    """The whole ``teiHeader`` of ``doc``; ``run_date`` dates the conversion in ``revisionDesc``."""
    h: Header = doc.header
    title = h.title or fallback_title(doc)
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, h, title)
    _publication_stmt(file_desc, h)
    _notes_stmt(file_desc, h)
    write_source_desc(file_desc, h, title)
    write_encoding_desc(header)
    _profile_desc(header, h)
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


def _title_stmt(file_desc: etree._Element, h: Header, title: str) -> None:
    """Title, funders, and who is responsible: translators, donors, the encoder."""
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", title, type="main")
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


def _publication_stmt(file_desc: etree._Element, h: Header) -> None:
    """Publisher, record number, upload date and the rights statement as printed."""
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


def _notes_stmt(file_desc: etree._Element, h: Header) -> None:
    """The funding sentence and every facet of the page (label kept as ``@n``), if there are any."""
    notes = [(t, v) for t, v in (("funding", h.funding_sentence),) if v]
    facet_notes = [(label, value) for label, value in h.facets]
    if notes or facet_notes:
        ns = sub(file_desc, "notesStmt")
        for t, v in notes:
            sub(ns, "note", v, type=t)
        for label, value in facet_notes:
            header_text(sub(ns, "note", type="facet", n=label or None), value)


def _profile_desc(header: etree._Element, h: Header) -> None:
    """Summary, the document's date, the readers' change, languages, and the document type."""
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
