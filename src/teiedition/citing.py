"""One citation per document, in every form a reader, a cataloguer or a reference manager reads.

Why: Zotero reads the HTML head (Highwire ``citation_*`` tags, schema.org JSON-LD,
COinS), a reader copies "How to cite", a PDF viewer shows the PDF's Title and
Author, and reference managers import the RIS, BibTeX and CSL-JSON exports.  All
of them are derived here from one ``facts.DocumentFacts``, so they cannot
disagree.  "How to cite" is what a real CSL processor (citeproc-py) makes of the
CSL-JSON export with the Chicago style (notes and bibliography, 16th edition,
shipped in ``third_party/csl``): the text a reader copies is the one their
reference manager would print.

The stylesheets get the derived forms as one JSON parameter (``citation``, see
``stylesheet_param``) and print them; they decide nothing themselves.
"""

from __future__ import annotations

import functools
import json
import re
import warnings
from pathlib import Path
from urllib.parse import urlencode

from . import citeproc_patch
from .facts import DocumentFacts, nested_in_double_quotes, read_facts, typographic_quotes

#: The CSL style "How to cite" is rendered with (CC BY-SA 3.0, unmodified; see its SOURCE.md).
CSL_STYLE = Path(__file__).parent / "third_party" / "csl" / "chicago-notes-bibliography-16th-edition.csl"


# --------------------------------------------------------------------------- names

def is_body(name: str) -> bool:
    """A name of an institution rather than a person ("Soviet Embassy in North Korea", "Wilson Center")."""
    words = name.split()
    return len(words) > 4 or any(w in ("in", "of", "the", "for") for w in words[1:]) or \
        bool(re.search(r"\b(Embassy|Ministry|Committee|Council|Center|Centre|Archive|University|Institute|"
                       r"Department|Office|Party|Government|Bureau|Agency|Foundation|Society|Press)\b", name))


def csl_name(name: str) -> dict:
    """A CSL name: a body is literal; "Family, Given" or "Given Family" (the last word) for a person."""
    if is_body(name) or len(name.split()) < 2:
        return {"literal": name}
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return {"family": family, "given": given}
    words = name.split()
    return {"family": words[-1], "given": " ".join(words[:-1])}


def _join(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def note(f: DocumentFacts) -> str:
    """Credits a citation's fields have no place for: who obtained the original, who funded it."""
    parts = []
    if f.obtainers:
        parts.append("Obtained by " + _join(f.obtainers) + ".")
    if f.funder:
        parts.append(f"Funded by {f.funder}.")
    return " ".join(parts)


def title(f: DocumentFacts) -> str:
    """The cited title with typographic quotes, its own quotes single (every form sets it in “…”)."""
    return nested_in_double_quotes(f.citation_title)


# --------------------------------------------------------------------------- CSL-JSON and "How to cite"

def csl_item(f: DocumentFacts) -> dict:
    """The document as one CSL-JSON item (``type: manuscript``)."""
    item: dict = {"id": f.key, "type": "manuscript", "title": title(f)}
    if f.authors:
        item["author"] = [csl_name(n) for n in f.authors]
    if f.translators:
        item["translator"] = [csl_name(n) for n in f.translators]
    if f.date_parts:
        item["issued"] = {"date-parts": [f.date_parts]}
    elif f.date_text:
        item["issued"] = {"literal": f.date_text}
    for key, value in (("archive", f.archive), ("archive_location", f.location), ("archive-place", f.archive_place),
                       ("publisher", f.publisher), ("abstract", f.abstract), ("note", note(f)), ("URL", f.url)):
        if value:
            item[key] = value
    if f.obtainers:
        item["contributor"] = [csl_name(n) for n in f.obtainers]
    item["language"] = f.language
    return item


def csl_json(f: DocumentFacts) -> str:
    """CSL-JSON: a one-item array (what citeproc, Pandoc and Zotero import)."""
    return json.dumps([csl_item(f)], ensure_ascii=False, indent=2) + "\n"


@functools.lru_cache(maxsize=1)
def _style():
    from citeproc import CitationStylesStyle

    citeproc_patch.apply()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(CSL_STYLE), validate=False)


def render_csl(item: dict, style=None) -> str:
    """A CSL-JSON item as citeproc-py prints it in a bibliography (plain text, one line)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():  # citeproc-py warns of every CSL feature it skips
        warnings.simplefilter("ignore")
        source = CiteProcJSON([dict(item, id="item")])
        bibliography = CitationStylesBibliography(style or _style(), source, formatter.plain)
        bibliography.register(Citation([CitationItem("item")]))
        return " ".join(" ".join(str(entry) for entry in bibliography.bibliography()).split())


@functools.lru_cache(maxsize=64)  # the HTML page, its parts and the PDF of one document cite it alike
def how_to_cite(f: DocumentFacts) -> str:
    """The "How to cite" text: the CSL-JSON export rendered in the Chicago style."""
    return render_csl(csl_item(f))


# --------------------------------------------------------------------------- RIS and BibTeX

def _ris_value(value: str) -> str:
    return " ".join(value.split())  # one line per tag: RIS has no escapes, line breaks would end the field


def ris(f: DocumentFacts) -> str:
    """RIS, one ``MANSCPT`` record (CRLF line ends, as the format asks)."""
    lines = [("TY", "MANSCPT"), ("ID", f.key), ("TI", title(f))]
    lines += [("AU", n) for n in f.authors]
    lines += [("A4", n) for n in f.translators]
    if f.date_parts:
        y, m, d = (f.date_parts + [None, None])[:3]
        lines.append(("PY", str(y)))
        lines.append(("DA", f"{y:04d}/" + (f"{m:02d}/" if m else "/") + (f"{d:02d}/" if d else "")))
    for tag, value in (("DB", f.archive), ("AN", f.location), ("CY", f.archive_place), ("PB", f.publisher),
                       ("UR", f.url), ("AB", f.abstract), ("N1", note(f)), ("LA", f.language)):
        if value:
            lines.append((tag, value))
    return "".join(f"{tag}  - {_ris_value(value)}\r\n" for tag, value in lines) + "ER  - \r\n"


_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
          "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX))


def latex_escape(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped, Unicode kept (UTF-8)."""
    return _LATEX_RE.sub(lambda m: _LATEX[m.group()], " ".join(str(text).split()))


def _bib_names(names) -> str:
    """BibTeX names joined by "and"; a body in braces so that BibTeX does not split it into given and family."""
    return " and ".join("{" + latex_escape(n) + "}" if is_body(n) else latex_escape(n) for n in names)


def bibtex(f: DocumentFacts) -> str:
    """BibTeX/BibLaTeX: one ``@unpublished`` entry (what Zotero exports a manuscript as)."""
    fields: list[tuple[str, str]] = [("title", "{" + latex_escape(title(f)) + "}")]  # inner braces keep case
    if f.authors:
        fields.append(("author", _bib_names(f.authors)))
    if f.translators:
        fields.append(("translator", _bib_names(f.translators)))
    if f.date_parts:
        fields.append(("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(f.date_parts))))
        fields.append(("year", str(f.date_parts[0])))
    library = ", ".join(p for p in (f.archive, f.archive_place) if p)
    if f.location:
        library = f"{library}: {f.location}" if library else f.location
    for key, value in (("library", library), ("howpublished", f.publisher), ("note", note(f)),
                       ("abstract", f.abstract)):
        if value:
            fields.append((key, latex_escape(value)))
    if f.url:
        fields.append(("url", f.url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")))
    fields.append(("langid", {"en": "english", "ru": "russian", "de": "german", "fr": "french"}.get(
        f.language, latex_escape(f.language))))
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
    return f"@unpublished{{{f.key},\n{body}\n}}\n"


# --------------------------------------------------------------------------- the HTML head

def _slashed(date_parts: list[int]) -> str:
    return "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(date_parts))


def head_meta(f: DocumentFacts, *, pdf_url: str = "", tei_href: str = "") -> list[list[str]]:
    """The page's ``<meta name content>`` pairs: Highwire ``citation_*`` (Zotero, Google Scholar) and Dublin Core."""
    meta: list[list[str]] = []
    add = lambda name, value: meta.append([name, value]) if value else None  # noqa: E731
    add("description", f.abstract)
    add("citation_title", title(f))
    for name in f.authors:
        add("citation_author", name)
    if f.date_parts:
        add("citation_publication_date", _slashed(f.date_parts))
        add("citation_date", _slashed(f.date_parts))
    add("citation_publisher", f.publisher)
    add("citation_archive", f.archive)
    add("citation_archive_location", f.location)
    add("citation_language", f.language)
    add("citation_abstract", f.abstract)
    add("citation_pdf_url", pdf_url)
    add("citation_abstract_html_url", f.url)
    add("citation_public_url", f.url)
    add("DC.title", title(f))
    for name in f.authors:
        add("DC.creator", name)
    for name in f.translators + f.obtainers:
        add("DC.contributor", name)
    add("DC.date", f.date or f.date_text)
    add("DC.description", f.abstract)
    add("DC.source", ", ".join(p for p in (f.location, f.archive, f.archive_place) if p))
    add("DC.publisher", f.publisher)
    add("DC.rights", f.rights)
    add("DC.language", f.language)
    add("DC.type", "Text")
    add("DC.format", "text/html")
    add("DC.identifier", f.url or f.key)
    add("DC.relation", tei_href)
    return meta


def _agent(name: str) -> dict:
    return {"@type": "Organization" if is_body(name) else "Person", "name": name}


def json_ld(f: DocumentFacts, *, pdf_url: str = "") -> str:
    """schema.org JSON-LD: an ``ArchiveComponent`` held by its archive (``holdingArchive``) at ``itemLocation``.

    Safe inside ``<script>``: "<" is written as \\u003c, so no text can end the element.
    """
    data: dict = {"@context": "https://schema.org", "@type": "ArchiveComponent", "name": title(f)}
    if f.title != f.citation_title:
        data["alternateName"] = typographic_quotes(f.title)
    if f.authors:
        data["author"] = [_agent(n) for n in f.authors]
    if f.translators:
        data["translator"] = [_agent(n) for n in f.translators]
    if f.obtainers:
        data["contributor"] = [_agent(n) for n in f.obtainers]
    if f.date or f.date_text:
        data["dateCreated"] = f.date or f.date_text
    if f.archive or f.archive_place:
        archive: dict = {"@type": "ArchiveOrganization", "name": f.archive or f.archive_place}
        if f.archive and f.archive_place:
            archive["address"] = f.archive_place
        data["holdingArchive"] = archive
    if f.location:
        data["itemLocation"] = f.location
    if f.publisher:
        data["publisher"] = _agent(f.publisher) | {"@type": "Organization"}
    if f.funder:
        data["funder"] = {"@type": "Organization", "name": f.funder}
    if f.abstract:
        data["abstract"] = f.abstract
    if f.keywords:
        data["keywords"] = list(f.keywords)
    data["inLanguage"] = f.language
    if f.url:
        data["url"] = f.url
    if pdf_url:
        data["encoding"] = {"@type": "MediaObject", "encodingFormat": "application/pdf", "contentUrl": pdf_url}
    data["identifier"] = f.key
    return json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")


def coins(f: DocumentFacts) -> str:
    """The ``title`` of a COinS span (OpenURL 1.0, Dublin Core format): what Zotero's COinS reader imports."""
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rfr_id", "info:sid/teiedition"),
             ("rft.type", "manuscript"), ("rft.title", title(f))]
    pairs += [("rft.creator", n) for n in f.authors]
    pairs += [("rft.contributor", n) for n in f.translators]
    for key, value in (("rft.date", f.date or f.date_text), ("rft.publisher", f.publisher),
                       ("rft.source", ", ".join(p for p in (f.location, f.archive) if p)),
                       ("rft.description", f.abstract), ("rft.identifier", f.url), ("rft.language", f.language)):
        if value:
            pairs.append((key, value))
    return urlencode(pairs)


# --------------------------------------------------------------------------- for the stylesheets

def stylesheet_param(f: DocumentFacts, *, pdf_url: str = "", tei_href: str = "") -> str:
    """The ``citation`` parameter of the HTML, print and e-book stylesheets: every derived form, as JSON.

    C1 control characters are written as ⟨U+0092⟩, as the pages write them (XPath's parse-json
    would turn them into the six characters of a JSON escape).
    """
    return _C1.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", json.dumps({
        "title": f.title,
        "url": f.url,
        "cite": how_to_cite(f),
        "meta": head_meta(f, pdf_url=pdf_url, tei_href=tei_href),
        "jsonld": json_ld(f, pdf_url=pdf_url),
        "coins": coins(f),
        "pdf": {"title": f.title, "authors": list(f.authors),
                "subject": f.abstract or f.title, "keywords": list(f.keywords)},
    }, ensure_ascii=False))


_C1 = re.compile("[\x80-\x9f]")


def citation_param(tree, name: str = "", *, url: str = "", pdf_url: str = "", tei_href: str = "") -> str:
    """The stylesheets' ``citation`` parameter for a TEI tree (``name``: its file, for the citation key)."""
    return stylesheet_param(read_facts(tree, Path(name).stem if name else "", page_url=url),
                            pdf_url=pdf_url, tei_href=tei_href)
