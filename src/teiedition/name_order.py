"""How a person's name is ordered in an index of names: family name first.

Why: a reader looks for Brezhnev under B, not under L, and for Kim Il Sung
under K.  The collection's index (``building/entity_pages.py``) lists each
person by ``index_form``; the converter writes ``sort_key`` as TEI
``@sortKey`` on each ``person`` of the document's ``standOff``
(``writing/standoff.py``), and each page's own index of names
(``xslt/common/names.xsl``) sorts by it.  One rule, here, so the two indexes
cannot disagree.

The rule: a name the authority marks ``family_name_first`` (Kim Il Sung,
Zhou Enlai) has its family name as the first word; any other name of two or
more words has it as the last word (``Leonid I. Brezhnev``).  A one-word name
(``Kramer``: only the surname is known) is its own family name.
Organisations and places are never turned.
"""

from __future__ import annotations

import unicodedata


def name_parts(name: str, kind: str = "person", family_name_first: bool = False) -> tuple[str, str]:
    """``(family name, given names)`` of a name; the whole name and ``""`` when it does not turn."""
    words = name.split()
    if kind != "person" or len(words) < 2:
        return " ".join(words), ""
    if family_name_first:
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


def index_form(name: str, kind: str = "person", family_name_first: bool = False) -> str:
    """The name as an index lists it: ``Brezhnev, Leonid I.``; ``Kim Il Sung`` and ``Kramer`` as they are."""
    family, given = name_parts(name, kind, family_name_first)
    if not given:
        return family
    return f"{family} {given}" if family_name_first else f"{family}, {given}"


def _fold(text: str) -> str:
    """Case and accents ignored (Dvořák beside Dobai, not after Zhou); spaces and
    invisible characters become one ``_``, which sorts before any letter."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    out: list[str] = []
    for c in plain:
        if unicodedata.category(c)[0] in "CZ":  # TEI's teidata.word allows neither
            if out and out[-1] != "_":
                out.append("_")
        else:
            out.append(c)
    return "".join(out).strip("_")


def sort_key(name: str, kind: str = "person", family_name_first: bool = False) -> str:
    """The key both indexes sort by: family name, a comma, given names, folded, with no whitespace.

    ``Leonid I. Brezhnev`` -> ``brezhnev,leonid_i.``; ``Kim Il Sung`` -> ``kim,il_sung`` (so
    Kim Il comes before Kim Il Sung, and both before Kimball).  A valid TEI ``@sortKey``
    (teidata.word), or ``""`` for a name with no letters at all.
    """
    family, given = name_parts(name, kind, family_name_first)
    family, given = _fold(family), _fold(given)
    return f"{family},{given}" if family and given else family or given
