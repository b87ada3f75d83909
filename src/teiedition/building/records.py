"""A document's catalogue row, read from its TEI header: the catalogue's per-document share.

Why: the worker that holds a document's tree reads these few facts once and
sends them back with its result; the catalogue, the index page and the search
then never parse the TEI again for them.
"""

from __future__ import annotations

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}

_XPATHS = {
    "title": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])",
    "date_when": "string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1]/@when)",
    "date_text": "string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation/tei:date[1])",
    "repository": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc"
                  "//tei:msIdentifier[1]/tei:repository[1])",
    "repository_code": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc"
                       "//tei:msIdentifier[1]/tei:repository[1]/@n)",
    "citation": "string(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc"
                "//tei:msIdentifier[1]/tei:altIdentifier[1]/tei:idno[1])",
    "summary": "string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract[1])",
    "xml_id": "string(/tei:TEI/@xml:id)",
}


def _clean(value: str) -> str:
    return " ".join(value.split())


def read_record(tree) -> dict:
    """The catalogue facts of one TEI document: title, date, archive, citation, summary.

    ``archive`` is the repository's short code (``repository/@n``, e.g. RGANI)
    when the header gives one, else its name; ``archive_name`` is the name.
    """
    facts = {name: _clean(str(tree.xpath(expr, namespaces=TEI_NS))) for name, expr in _XPATHS.items()}
    return {
        "xml_id": facts["xml_id"],
        "title": facts["title"],
        "date": facts["date_when"] or facts["date_text"],
        "archive": facts["repository_code"] or facts["repository"],
        "archive_name": facts["repository"],
        "citation": facts["citation"],
        "summary": facts["summary"],
    }
