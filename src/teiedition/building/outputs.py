"""The table of per-document outputs: what a document gets, what each output needs, its files.

Why: which files a document gets used to be written in seven places (the
worker, both executors, the manifest twice, the catalogue twice, the
citations).  Now one row per output says it once: its name, the files it
writes (suffixes after the document's id), whether it needs a valid TEI,
whether the build must choose it (``--pdf``, ``--epub``), which outputs it
comes after, its catalogue column, and the function that makes it from the
``Document`` the worker holds (one parse).  The worker runs the rows in
order; build keys, stale-file removal, the manifest's trust check, the
catalogue's columns and both executors read the same rows.  Adding an output
is one row here (and, for a new format, one method on the stages).

A row with ``record=True`` writes no file: it is a collection pass's
per-document share (the catalogue row), returned to the main process with
the result.  A row with ``share=True`` writes a collection pass's
per-document share into that pass's cache (the entity mentions, under
``entities/.cache/``): the pass then finds it and does not parse the TEI again.
Shares are the pass's files, not the document's outputs (the pass removes
those of documents no longer published).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Callable

from ..errors import TeiEditionError
from ..rendering.iiif import MANIFEST_SUFFIX, document_manifest
from ..urls import segment
from .citations import citation_names, document_facts, exports, page_url
from .dts import SHARE_FOLDER as DTS_SHARES, dts_share, published
from .entity_mentions import CACHE, FOLDER as ENTITIES, mention_share
from .page import page_params, recorded_run_date
from .records import read_record
from .search_records import SHARE_FOLDER as SEARCH_SHARES, search_share


@dataclass
class Document:
    """One document as the worker holds it: the TEI, its tree (parsed once), its validation, what was made."""

    doc_id: str
    tei: bytes
    tree: object
    checked: object  # build's ``Checked``: ok, problems, first_problem, json
    stages: object
    options: frozenset[str]
    run_date: str
    base_url: str = ""
    source: str = ""
    key: str = ""  # the build key: what a pass's cached share is valid for
    dts_base: str = ""  # the DTS answers' base (``dts.normalise_base(--base-url)``); none: no DTS share
    made: dict[str, tuple[str, ...]] = field(default_factory=dict)  # output name -> files written
    warnings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # output name -> its warnings
    records: dict[str, dict] = field(default_factory=dict)  # record rows' values
    _facts: object = None
    _xdm: object = None

    @property
    def xdm(self):
        """The tree parsed once for Saxon, when the stages can (``stages.xdm``): the HTML page and the
        DTS share read it, instead of each serialising and parsing the tree again; None for stages without."""
        parse = getattr(self.stages, "xdm", None)
        if self._xdm is None and parse is not None:
            self._xdm = parse(self.tree)
        return self._xdm

    @property
    def facts(self):
        """``facts.read_facts`` of the tree, read once for every row (catalogue row, citation exports)."""
        if self._facts is None:
            self._facts = document_facts(self.doc_id, self.tree, base_url=self.base_url)
        return self._facts


@dataclass(frozen=True)
class Output:
    """One row of the table.  ``make(doc)`` returns ``{file name: bytes or str}`` (or the record)."""

    name: str
    suffixes: tuple[str, ...]
    make: Callable[[Document], dict]
    needs_valid: bool = True          # made only when the TEI is valid
    option: str | None = None         # made only when the build chose this format
    after: tuple[str, ...] = ()       # outputs it needs made first (when they are made at all)
    column: str | None = None         # catalogue column holding its (first) file name
    record: bool = False              # a per-document record for a collection pass, no file
    share: bool = False               # files under a collection pass's folder (paths relative to the output)
    conditional: bool = False         # made only when the document has what it needs (page images for IIIF)

    def files(self, doc_id: str) -> tuple[str, ...]:
        return tuple(doc_id + suffix for suffix in self.suffixes)


def _tei(doc: Document) -> dict:
    return {f"{doc.doc_id}.xml": doc.tei}


def _validation(doc: Document) -> dict:
    return {f"{doc.doc_id}.validation.json": doc.checked.json}


def _catalogue_row(doc: Document) -> dict:
    return read_record(doc.tree, doc.facts)


def _pdf(doc: Document) -> dict:
    """The print edition; a document too large for it is published without one (a warning says so)."""
    try:
        data = doc.stages.pdf(doc.tree, url=page_url(doc.base_url, doc.doc_id))
    except TeiEditionError as exc:
        if type(exc).__name__ != "PdfTooLarge":
            raise
        doc.warnings["pdf"] = (f"no print edition: {without_path(str(exc), doc.source)}",)
        return {}
    doc.warnings["pdf"] = tuple(getattr(doc.stages, "pdf_warnings", ()))
    return {f"{doc.doc_id}.pdf": data}


def _epub(doc: Document) -> dict:
    data = doc.stages.epub(doc.tree)
    doc.warnings["epub"] = tuple(getattr(doc.stages, "epub_warnings", ()))
    return {f"{doc.doc_id}.epub": data}


def _citations(doc: Document) -> dict:
    return exports(doc.doc_id, doc.tree, base_url=doc.base_url, facts=doc.facts)


def _iiif(doc: Document) -> dict:
    made, doc.warnings["iiif"] = document_manifest(doc.tree, doc.doc_id, base_url=doc.base_url,
                                                   resources=Path(doc.source).parent if doc.source else None)
    return made


def _entity_mentions(doc: Document) -> dict:
    if not doc.key:  # no build key to file it under (a document built outside a build)
        return {}
    path, data = mention_share(doc.tree, doc.doc_id, doc.key)
    return {path: data}


def _search(doc: Document) -> dict:
    if not doc.key:  # made outside a build: no site pass will read it
        return {}
    path, data = search_share(doc.tree, doc.doc_id, doc.tei, doc.records["catalogue-row"])
    return {path: data}


def _dts(doc: Document) -> dict:
    if not (doc.key and doc.dts_base):  # made outside a build: no DTS pass will read it
        return {}
    return dts_share(doc.tree, doc.tei, published(doc.doc_id, doc.key, doc.records["catalogue-row"], "pdf" in doc.made),
                     doc.dts_base, xdm=doc.xdm)


def _html(doc: Document) -> dict:
    pdf = doc.made.get("pdf")
    cited = citation_names(doc.doc_id) if "citations" in doc.made else None
    manifest = doc.made.get("iiif")
    extra = {"iiif_href": segment(manifest[0])} if manifest else {}  # only then: fakes and older stages need not know it
    if doc.xdm is not None:  # the real stages take the parsed tree and the facts read once (fakes need not)
        extra.update(xdm=doc.xdm, facts=doc.facts)
    html = doc.stages.html(doc.tree, tei_href=segment(f"{doc.doc_id}.xml"),
                           pdf_href=segment(pdf[0]) if pdf else None,
                           page=page_params(recorded_run_date(doc.tree) or doc.run_date), base_url=doc.base_url,
                           citation_hrefs={kind: segment(name) for kind, name in cited.items()} if cited else None,
                           **extra)
    doc.warnings["html"] = tuple(getattr(doc.stages, "html_warnings", ()))
    return {f"{doc.doc_id}.html": html}


#: The table, in catalogue-column order (the build order follows ``after``).
OUTPUTS: tuple[Output, ...] = (
    Output("catalogue-row", (), _catalogue_row, needs_valid=False, record=True),
    Output("tei", (".xml",), _tei, needs_valid=False, column="tei"),
    Output("html", (".html",), _html, after=("pdf", "citations", "iiif"), column="html"),
    Output("pdf", (".pdf",), _pdf, option="pdf", column="pdf"),
    Output("epub", (".epub",), _epub, option="epub", column="epub"),
    Output("validation", (".validation.json",), _validation, needs_valid=False, column="validation"),
    Output("citations", (".csl.json", ".ris", ".bib"), _citations),
    Output("iiif", (MANIFEST_SUFFIX,), _iiif, conditional=True),
    Output("entity-mentions", (), _entity_mentions, after=("html",), share=True),
    Output("search-terms", (), _search, after=("html", "catalogue-row"), share=True),
    Output("dts-answers", (), _dts, after=("pdf", "catalogue-row"), share=True),
)

#: Folders the share rows write into (relative to the output).
SHARE_FOLDERS = (f"{ENTITIES}/{CACHE}/", f"{SEARCH_SHARES}/", f"{DTS_SHARES}/")


def formats() -> tuple[str, ...]:
    """The formats a build may choose: each row's ``option`` (``pdf``, ``epub``)."""
    return tuple(row.option for row in OUTPUTS if row.option)


def build_order() -> list[Output]:
    """The rows in the order they must run: each after the rows it names in ``after``."""
    rows = {row.name: row for row in OUTPUTS}
    graph = TopologicalSorter({row.name: [a for a in row.after if a in rows] for row in OUTPUTS})
    return [rows[name] for name in graph.static_order()]


def make_outputs(doc: Document, output: Path, write: Callable[[Path, bytes | str], None],
                 written: list[str], shared: list[str]) -> None:
    """Run every row that applies to ``doc``; write its files with ``write``; list them in ``written``
    (the document's outputs) or ``shared`` (collection passes' shares, relative paths).

    A row is skipped when it needs a valid TEI and this one is not, or when the
    build did not choose its format.
    """
    for row in build_order():
        if (row.needs_valid and not doc.checked.ok) or (row.option and row.option not in doc.options):
            continue
        made = row.make(doc)
        if row.record:
            doc.records[row.name] = made
            continue
        for name, data in made.items():
            if row.share:
                (output / name).parent.mkdir(parents=True, exist_ok=True)
            write(output / name, data)
            (shared if row.share else written).append(name)
        if made:
            doc.made[row.name] = tuple(made)


def is_share(name: str) -> bool:
    """Is ``name`` (relative to the output) a share a row of the table writes?  (What a Dask result may carry.)"""
    return name.startswith(SHARE_FOLDERS) and ".." not in Path(name).parts and not Path(name).is_absolute()


def row_warnings(doc: Document) -> tuple[str, ...]:
    """The rows' warnings in table order (the page's, then the print edition's, ...)."""
    return tuple(w for row in OUTPUTS for w in doc.warnings.get(row.name, ()))


def file_names(doc_id: str) -> set[str]:
    """Every file any row could write for ``doc_id`` (what a stale or failed document may leave)."""
    return {name for row in OUTPUTS for name in row.files(doc_id)}


def output_names(doc_id: str) -> dict[str, str]:
    """``{output: its (first) file name}`` for every row that writes files."""
    return {row.name: row.files(doc_id)[0] for row in OUTPUTS if row.suffixes}


def chosen_files(doc_id: str, options) -> set[str]:
    """The files every valid document gets when the build chose ``options`` (formats); a conditional
    row's file (a IIIF manifest) only when the document has what it needs."""
    return {name for row in OUTPUTS if (not row.option or row.option in options) and not row.conditional
            for name in row.files(doc_id)}


def stale_files(doc_id: str, made) -> set[str]:
    """A document's files that this build did not make (to delete: an old PDF, a page of an invalid TEI)."""
    return file_names(doc_id) - set(made)


def suffixes() -> tuple[str, ...]:
    """Every suffix a row writes: the manifest trusts only outputs named ``ID`` + one of these."""
    return tuple(s for row in OUTPUTS for s in row.suffixes)


def catalogue_columns() -> tuple[tuple[str, str], ...]:
    """``(column, suffix)`` for each row with a catalogue column, in table order."""
    return tuple((row.column, row.suffixes[0]) for row in OUTPUTS if row.column)


def without_path(message: str, path: str) -> str:
    """The reason alone: build prints ``file: reason`` itself, whatever name the stage used."""
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message
