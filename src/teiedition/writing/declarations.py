"""Writing ``encodingDesc``: what the edition declares about its own encoding.

Why: every document carries the same declarations: the application that made
it, the editorial decisions a reader needs to interpret the markup (brackets,
marginal marks, corrected slips) and the citation tree (``refsDecl``) that
DTS clients and the site's paragraph numbers navigate.  They are fixed text,
kept apart from the header facts read off each page.
"""

from __future__ import annotations

from lxml import etree

from .. import __version__
from .elements import sub

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

#: The citation tree every document declares: sections (the body's divs, counted from 1), then
#: their paragraphs (counted from 1, also those of journal entries and postscripts; not those
#: inside notes), so "1.13" is the 13th paragraph of the document.
CITE_STRUCTURE = (("section", "/TEI/text/body/div", "position()", None),
                  ("paragraph", ".//p[not(ancestor::note or ancestor::p)]", "position()", "."))


def write_encoding_desc(header: etree._Element) -> None:
    """``appInfo``, ``editorialDecl`` and ``refsDecl``, the same for every document."""
    enc_desc = sub(header, "encodingDesc")
    app_info = sub(enc_desc, "appInfo")
    app = sub(app_info, "application", ident="teiedition", version=__version__)
    sub(app, "label", "teiedition")
    decl = sub(enc_desc, "editorialDecl")
    for para in EDITORIAL_DECL:
        sub(decl, "p", para)
    _refs_decl(enc_desc)


def _refs_decl(enc_desc: etree._Element) -> None:
    """``refsDecl/citeStructure``: how a passage is cited (what DTS clients navigate)."""
    parent = sub(enc_desc, "refsDecl")
    for unit, match, use, delim in CITE_STRUCTURE:
        parent = sub(parent, "citeStructure", unit=unit, match=match, use=use, delim=delim)
