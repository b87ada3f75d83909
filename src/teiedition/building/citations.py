"""Citation exports per document: CSL-JSON, RIS and BibTeX files beside its edition.

Why: readers cite these documents in reference managers (Zotero, EndNote,
BibLaTeX, Pandoc).  Each edition gets three small files beside its HTML page,
all a *manuscript* item made from the document's one citation record
(``facts.read_facts``, written out by ``citing.py``): the same title, authors,
translators, date, archive and URL as the HTML head, "How to cite" and the PDF.
With ``--base-url`` each export carries the page's address.
"""

from __future__ import annotations

from pathlib import Path

from ..citing import bibtex, csl_json, latex_escape, ris  # noqa: F401  (the writers, re-exported)
from ..facts import DocumentFacts, read_facts  # noqa: F401
from ..files import atomic_write
from ..urls import under

#: Suffixes of the three exports (after the document's name).
SUFFIXES = {"csl": ".csl.json", "ris": ".ris", "bib": ".bib"}


def citation_names(doc_id: str) -> dict[str, str]:
    """The export file names of a document (``NAME.csl.json``, ``NAME.ris``, ``NAME.bib``)."""
    return {kind: doc_id + suffix for kind, suffix in SUFFIXES.items()}


def page_url(base_url: str, doc_id: str) -> str:
    """The address of a document's HTML page under the build's base URL ("" without one)."""
    base = (base_url or "").strip()
    if not base.startswith(("http://", "https://")):
        return ""
    return under(base if base.endswith("/") else base + "/", f"{doc_id}.html")


def exports(doc_id: str, tree, *, base_url: str = "", facts: DocumentFacts | None = None) -> dict[str, str]:
    """The three exports of one document, by file name (the build's ``citations`` row writes them);
    ``facts``: ``document_facts`` of it, when the caller read them already."""
    facts = document_facts(doc_id, tree, base_url=base_url) if facts is None else facts
    names = citation_names(doc_id)
    return {names["csl"]: csl_json(facts), names["ris"]: ris(facts), names["bib"]: bibtex(facts)}


def document_facts(doc_id: str, tree, *, base_url: str = "") -> DocumentFacts:
    """The facts of a built document: its citation key from its id, its URL under the base URL."""
    return read_facts(tree, doc_id, page_url=page_url(base_url, doc_id))


def write_citations(output: Path, doc_id: str, tree, *, base_url: str = "") -> list[str]:
    """Write the three exports of one document beside its edition; return the names written."""
    made = exports(doc_id, tree, base_url=base_url)
    for name, text in made.items():
        atomic_write(Path(output) / name, text.encode("utf-8"))
    return list(made)
