"""A document's catalogue row, read from its TEI header: the catalogue's per-document share.

Why: the worker that holds a document's tree reads these few facts once and
sends them back with its result; the catalogue, the index page and the search
then never parse the TEI again for them.  The facts themselves are decided once,
in ``facts.read_facts`` (the same record the citations are made from).
"""

from __future__ import annotations

from ..facts import read_facts

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def read_record(tree, facts=None) -> dict:
    """The catalogue facts of one TEI document (from ``facts.read_facts``): title, date, archive, citation, summary.

    ``archive`` is the repository's short code (``repository/@n``, e.g. RGANI)
    when the header gives one, else its name; ``archive_name`` is the name.
    """
    facts = read_facts(tree) if facts is None else facts  # (the worker passes the facts it read once)
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return {
        "xml_id": root.get(XML_ID, ""),
        "title": facts.title,
        "date": facts.date or facts.date_text,
        "archive": facts.archive_code or facts.archive_name,
        "archive_name": facts.archive_name,
        "citation": facts.location,
        "summary": facts.abstract,
    }
