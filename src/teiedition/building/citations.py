"""Citation exports per document: CSL-JSON, RIS and BibTeX, describing the archival manuscript.

Why: readers cite these documents in reference managers (Zotero, EndNote,
BibLaTeX, Pandoc).  Each edition gets three small files beside its HTML page,
all from the TEI header (read with XPath, never from the plain text), all a
*manuscript* item with the archive and the location within it filled in: what
the document is, where the original lies, who translated it, who publishes it.

The formats are simple enough that three short writers are clearer than a
dependency: CSL-JSON is JSON (``type: manuscript``, ``archive``,
``archive_location``, ``archive-place``); RIS is ``TY  - MANSCPT`` with the
archive in ``DB`` and the location in ``AN`` (the tags Zotero reads); BibTeX
is ``@unpublished`` with ``library`` (BibLaTeX's archive-and-shelfmark field)
and ``note``, escaped for LaTeX.  Tests read each back with rispy and
bibtexparser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..files import atomic_write

TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}

#: Suffixes of the three exports (after the document's name).
SUFFIXES = {"csl": ".csl.json", "ris": ".ris", "bib": ".bib"}

_X = {
    "xml_id": "string(/t:TEI/@xml:id)",
    "title": "string(/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title[1])",
    "date": "string(/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date[1]/@when)",
    "date_text": "string(/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date[1])",
    "publisher": "string(/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:publisher[1])",
    "archive": "string((/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier)[1]/t:repository[1])",
    "archive_code": "string((/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier)[1]/t:repository[1]/@n)",
    "settlement": "string((/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier)[1]/t:settlement[1])",
    "country": "string((/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier)[1]/t:country[1])",
    "location": "string((/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc//t:msIdentifier)[1]"
                "/t:altIdentifier[1]/t:idno[1])",
    "abstract": "string(/t:TEI/t:teiHeader/t:profileDesc/t:abstract[1])",
    "funder": "string(/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:funder[1])",
}
_RESP = "/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt[contains(t:resp, '{}')]/t:persName"


@dataclass(frozen=True)
class Facts:
    """What a citation says about one document, read from its TEI header."""

    key: str
    title: str
    date: str = ""                 # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    date_text: str = ""
    publisher: str = ""
    archive: str = ""              # the repository's name, with its short code: "... (RGANI)"
    archive_place: str = ""        # "Moscow, Russia"
    location: str = ""             # the archival reference as printed
    abstract: str = ""
    translators: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    funder: str = ""
    language: str = "en"

    @property
    def date_parts(self) -> list[int]:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", self.date)
        return [int(p) for p in m.groups() if p] if m else []

    @property
    def note(self) -> str:
        parts = []
        if self.translators:
            parts.append("Translated by " + _join(self.translators) + ".")
        if self.contributors:
            parts.append("Obtained by " + _join(self.contributors) + ".")
        if self.funder:
            parts.append(f"Funded by {self.funder}.")
        return " ".join(parts)


def _join(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _clean(value) -> str:
    return " ".join(str(value).split())


def read_facts(tree, doc_id: str) -> Facts:
    """The citation facts of one TEI document."""
    got = {k: _clean(tree.xpath(x, namespaces=TEI_NS)) for k, x in _X.items()}
    archive = got["archive"] or got["archive_code"]
    if got["archive_code"] and got["archive"] and got["archive_code"] not in got["archive"]:
        archive = f"{got['archive']} ({got['archive_code']})"

    def people(resp: str) -> tuple[str, ...]:
        return tuple(n for n in (_clean(p.xpath("string()")) for p in
                                 tree.xpath(_RESP.format(resp), namespaces=TEI_NS)) if n)

    return Facts(key=_key(got["xml_id"] or doc_id), title=got["title"] or doc_id, date=got["date"],
                 date_text=got["date_text"], publisher=got["publisher"], archive=archive,
                 archive_place=", ".join(p for p in (got["settlement"], got["country"]) if p),
                 location=got["location"], abstract=got["abstract"], translators=people("translated"),
                 contributors=people("obtained"), funder=got["funder"])


def _key(text: str) -> str:
    """A citation key: letters, digits, - and _ only (safe in BibTeX and RIS)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "document"


def _person(name: str) -> dict:
    """A CSL name: the last word as family name ("Gary Goldberg" -> Goldberg, Gary)."""
    words = name.split()
    if len(words) < 2:
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}


# --------------------------------------------------------------------------- the three writers

def csl_json(f: Facts) -> str:
    """CSL-JSON: a one-item array (what citeproc, Pandoc and Zotero import)."""
    item: dict = {"id": f.key, "type": "manuscript", "title": f.title}
    if f.date_parts:
        item["issued"] = {"date-parts": [f.date_parts]}
    elif f.date_text:
        item["issued"] = {"literal": f.date_text}
    for key, value in (("archive", f.archive), ("archive_location", f.location),
                       ("archive-place", f.archive_place), ("publisher", f.publisher),
                       ("abstract", f.abstract), ("note", f.note)):
        if value:
            item[key] = value
    if f.translators:
        item["translator"] = [_person(n) for n in f.translators]
    if f.contributors:
        item["contributor"] = [_person(n) for n in f.contributors]
    item["language"] = f.language
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _ris_value(value: str) -> str:
    return _clean(value)  # one line per tag: RIS has no escapes, line breaks would end the field


def ris(f: Facts) -> str:
    """RIS, one ``MANSCPT`` record (CRLF line ends, as the format asks)."""
    lines = [("TY", "MANSCPT"), ("ID", f.key), ("TI", f.title)]
    if f.date_parts:
        y, m, d = (f.date_parts + [None, None])[:3]
        lines.append(("PY", str(y)))
        lines.append(("DA", f"{y:04d}/" + (f"{m:02d}/" if m else "/") + (f"{d:02d}/" if d else "")))
    lines += [("A4", n) for n in f.translators]
    for tag, value in (("DB", f.archive), ("AN", f.location), ("CY", f.archive_place), ("PB", f.publisher),
                       ("AB", f.abstract), ("N1", f.note), ("LA", f.language)):
        if value:
            lines.append((tag, value))
    body = "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines)
    return body + "ER  - \r\n"


_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
          "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX))


def latex_escape(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped, Unicode kept (UTF-8)."""
    return _LATEX_RE.sub(lambda m: _LATEX[m.group()], _clean(text))


def bibtex(f: Facts) -> str:
    """BibTeX/BibLaTeX: one ``@unpublished`` entry (what Zotero exports a manuscript as)."""
    fields: list[tuple[str, str]] = [("title", "{" + latex_escape(f.title) + "}")]  # inner braces keep case
    if f.date_parts:
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(f.date_parts))))
        fields.append(("year", str(f.date_parts[0])))
    if f.translators:
        fields.append(("translator", " and ".join(latex_escape(n) for n in f.translators)))
    library = ", ".join(p for p in (f.archive, f.archive_place) if p)
    if f.location:
        library = f"{library}: {f.location}" if library else f.location
    for key, value in (("library", library), ("howpublished", f.publisher), ("note", f.note),
                       ("abstract", f.abstract), ("langid", "english")):
        if value:
            fields.append((key, latex_escape(value)))
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
    return f"@unpublished{{{f.key},\n{body}\n}}\n"


# --------------------------------------------------------------------------- per document

def citation_names(doc_id: str) -> dict[str, str]:
    """The export file names of a document (``NAME.csl.json``, ``NAME.ris``, ``NAME.bib``)."""
    return {kind: doc_id + suffix for kind, suffix in SUFFIXES.items()}


def write_citations(output: Path, doc_id: str, tree) -> list[str]:
    """Write the three exports of one document beside its edition; return the names written."""
    facts = read_facts(tree, doc_id)
    names = citation_names(doc_id)
    for kind, text in (("csl", csl_json(facts)), ("ris", ris(facts)), ("bib", bibtex(facts))):
        atomic_write(Path(output) / names[kind], text.encode("utf-8"))
    return list(names.values())
