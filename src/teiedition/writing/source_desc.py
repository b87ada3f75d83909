"""Writing ``sourceDesc``: the page's source line and the archival reference as ``msDesc``.

Why: the citation the recognisers read (``recognising.citation``) has the
most structure of anything in the header: country, settlement, repository,
collections, identifiers, folios, further archives named in the same
reference.  Each goes to its own ``msIdentifier`` child, and the reference is
always kept verbatim beside them (``altIdentifier``), so nothing printed is
lost when a part is not recognised.
"""

from __future__ import annotations

from lxml import etree

from ..model import Header
from .elements import header_text, sub


def write_source_desc(file_desc: etree._Element, h: Header, title: str) -> None:
    """The source line as ``bibl``, the archival reference as ``msDesc``, or a plain statement of neither."""
    source = sub(file_desc, "sourceDesc")
    if h.source_line:
        header_text(sub(source, "bibl", type="page-source"), h.source_line)
    if h.citation is not None:
        _ms_desc(source, h.citation, title)
    elif not h.source_line:
        sub(source, "p", "The page prints no archival reference.")


def _ms_desc(source: etree._Element, citation, title: str) -> None:
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
