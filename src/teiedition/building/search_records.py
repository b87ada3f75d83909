"""What the search knows of one document (facts, facets, reading text, terms), read from its TEI tree.

Why: the worker that builds a document holds its parsed TEI; it makes the
document's search share there (``search_share``: the record, the field
lengths and the terms MiniSearch would count, and the reading text) and
leaves it in the site pass's cache, so the pass in the main process reads a
small JSON file instead of parsing and tokenising every TEI again (the
pass's biggest cost, and serial).  The pass reads the TEI itself only when
no share of that very TEI is there (a share is checked against the TEI's
SHA-256 and the catalogue row it was made for).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from lxml import etree

from ..recognising.entities import default_authority
from ..urls import segment
from .minisearch_index import document_terms
from .page import recorded_run_date

TEI = "http://www.tei-c.org/ns/1.0"
#: Where the workers leave the search shares (under the output folder); the site pass consumes them.
SHARE_FOLDER = "assets/search/.cache"
SHARE_FORMAT = 1

#: Elements whose words are not the document's reading text.
_SKIP = frozenset({"metamark", "figDesc", "teiHeader", "standOff", "facsimile"})
#: Elements that end a run of words (so "a</p><p>b" does not become "ab").
_BLOCKS = frozenset({"p", "head", "note", "item", "l", "lg", "ab", "div", "opener", "closer", "dateline",
                     "signed", "salute", "postscript", "label", "list", "table", "row", "cell", "quote",
                     "bibl", "stamp", "lb", "pb", "cb", "milestone", "byline", "docDate", "trailer"})


# --------------------------------------------------------------------------- search records

def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def plain_text(element) -> str:
    """The reading text of a TEI element: words only, corrections and expansions over the originals,
    words the translator supplied in brackets as on the page, notes kept, margin marks left out,
    whitespace normalised."""
    out: list[str] = []

    def walk(el) -> None:
        name = _local(el)
        if name == "choice":
            kids = [c for c in el if isinstance(c.tag, str)]
            pick = next((c for c in kids if _local(c) in ("corr", "reg", "expan")), kids[0] if kids else None)
            if pick is not None:
                walk(pick)
            return
        if name in _BLOCKS:
            out.append(" ")
        if name == "supplied":  # as the page shows it: [Beijing], so a snippet reads as the text does
            out.append("[")
        if el.text and name:
            out.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and _local(child) not in _SKIP:
                walk(child)
            if child.tail:
                out.append(child.tail)
        if name == "supplied":
            out.append("]")
        if name in _BLOCKS:
            out.append(" ")

    walk(element)
    return " ".join("".join(out).split())


def _texts(tree, xpath: str) -> list[str]:
    seen: dict[str, None] = {}
    for node in tree.xpath(xpath, namespaces={"tei": TEI}):
        value = " ".join("".join(node.itertext()).split())
        if value:
            seen.setdefault(value, None)
    return list(seen)


#: The security classifications a mark may open with (longest first); any other mark is a handling mark.
_LEVELS = re.compile(r"(TOP SECRET|STRICTLY SECRET|HIGHLY SECRET|STRICTLY CONFIDENTIAL|SECRET|CONFIDENTIAL|"
                     r"RESTRICTED|UNCLASSIFIED|FOR OFFICIAL USE(?: ONLY)?)\b")


def _mark_value(mark: str) -> str:
    """A mark as a facet value: ``Secret.`` and ``SECRET`` alike, copy numbers dropped."""
    value = re.sub(r"[\s\d.,;:!\-–—Nº#]+$", "", " ".join(mark.upper().split()))
    return value.strip(" .,;:")


def _classification(mark: str) -> tuple[str, str]:
    """``(classification, handling)`` of one ``seg[@type="classification"]``, one of them empty.

    Why: the encoding puts security classifications and handling marks (``Making copies
    prohibited``) in one element; a reader filtering by classification wants the level only.
    A mark opening with a level gives that level (``Secret Document 21`` is SECRET); any
    other mark is a handling mark, listed in a facet of its own.
    """
    value = _mark_value(mark)
    level = _LEVELS.match(value)
    return (level.group(1), "") if level else ("", value)


def entry_names(tree) -> list[str]:
    """Every name the authority knows for the entries of the document's ``standOff``, for the search.

    Why: a reader types ``Chou En-lai`` or ``Ким Ир Сен``; the text prints ``Zhou Enlai``.  An
    entry counts when its id is the authority's and its name one of the authority's names for
    it (a foreign TEI reusing an id for someone else gets nothing).
    """
    authority = default_authority()
    names: dict[str, None] = {}
    for item in tree.xpath("/tei:TEI/tei:standOff//*[self::tei:person or self::tei:org or self::tei:place]",
                           namespaces={"tei": TEI}):
        ident = item.get("{http://www.w3.org/XML/1998/namespace}id") or ""
        if ident not in authority:
            continue
        entry = authority.get(ident)
        shown = " ".join("".join(item.xpath("string(*[1])")).split())
        if shown not in (entry.name, *entry.forms):
            continue
        for name in (entry.name, *entry.forms, *entry.aliases):
            names.setdefault(name, None)
    return list(names)


def search_record(tree, row: dict) -> dict:
    """What the search needs of one published document: its facts, facets and reading text."""
    text = tree.find(f"{{{TEI}}}text")
    persons = (_texts(tree, "/tei:TEI/tei:standOff/tei:listPerson//tei:person/tei:persName[1]")
               or _texts(tree, "/tei:TEI/tei:text//tei:persName"))
    marks = [_classification(value) for value in _texts(tree, "//tei:text//tei:seg[@type='classification']")]
    built = recorded_run_date(tree)
    date = row.get("date") or ""
    return {
        "id": row["id"],
        "href": segment(row["html"]),
        "title": row.get("title") or row["id"],
        "date": date,
        "year": date[:4] if re.match(r"\d{4}", date) else "",
        "archive": row.get("archive") or "",
        "persons": sorted(persons),
        "classification": sorted({level for level, _ in marks} - {""}),
        "handling": sorted({handling for _, handling in marks} - {""}),
        "names": entry_names(tree),
        # The summary too: the one search box finds what the title filter found (titles and summaries).
        "text": "\n".join(part for part in (*_texts(tree, "/tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract"),
                                             plain_text(text) if text is not None else "") if part),
        "built": str(built),
    }


# --------------------------------------------------------------------------- the per-document share

def row_of(doc_id: str, record: dict) -> dict:
    """The catalogue row fields the search reads (``catalogue.catalogue_rows`` makes the same from a record)."""
    return {"id": doc_id, "html": f"{doc_id}.html", "title": record.get("title") or None,
            "date": record.get("date") or None, "archive": record.get("archive") or None}


def search_entry(tree, row: dict) -> tuple[dict, list, dict, str]:
    """``(record, lengths, terms, text)`` of one published document: the light record the site
    cache keeps, its field lengths and terms as MiniSearch counts them, its reading text."""
    full = search_record(tree, row)
    lengths, terms = document_terms(full)
    record = {k: v for k, v in full.items() if k not in ("text", "names")}  # both are in the shards
    return record, lengths, terms, full["text"]


def share_path(doc_id: str) -> str:
    return f"{SHARE_FOLDER}/{doc_id}.json"


def search_share(tree, doc_id: str, tei: bytes, record: dict) -> tuple[str, bytes]:
    """One document's search share: ``(path under the output, bytes)``, made from the tree the worker holds."""
    row = row_of(doc_id, record)
    light, lengths, terms, text = search_entry(tree, row)
    data = {"format": SHARE_FORMAT, "tei": hashlib.sha256(tei).hexdigest(), "row": _shown(row),
            "record": light, "lengths": lengths, "text": text,
            "terms": {term: [n for pair in counts.items() for n in pair] for term, counts in terms.items()}}
    return share_path(doc_id), json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_share(output: Path, row: dict, tei: bytes) -> tuple[dict, list, dict, str] | None:
    """The worker's share for ``row`` if it was made from exactly ``tei`` and this row, else None."""
    try:
        data = json.loads((output / share_path(row["id"])).read_bytes())
        if (data.get("format") != SHARE_FORMAT or data.get("tei") != hashlib.sha256(tei).hexdigest()
                or data.get("row") != _shown(row)):
            return None
        terms = {term: dict(zip(flat[::2], flat[1::2])) for term, flat in data["terms"].items()}
        return data["record"], data["lengths"], terms, data["text"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _shown(row: dict) -> list:
    """What of the catalogue row goes into the search record (a share made for another row is not used)."""
    return [row["id"], row["html"], row.get("title") or row["id"], row.get("date") or "", row.get("archive") or ""]
