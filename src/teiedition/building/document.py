"""The per-document step of ``build``: one source in, its outputs written, a small result out.

Why: both executors (the local pool and Dask) run exactly this and nothing
else, so they import only this module.  A worker compiles the pipeline once
(``PipelineStages``), then for each ``Task`` converts the source (or reads a
TEI source as it is), parses the TEI once, validates it, and runs the table
of outputs (``outputs.py``) on that one tree, within the document's time limit.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..convert import convert_source_text, read_source
from ..errors import EngineUnavailable, TeiEditionError, EXIT_INTERNAL
from ..files import atomic_write
from ..rendering.epub import EpubRenderer
from ..rendering.pdf import PdfRenderer
from ..rendering.render import HtmlRenderer
from ..rendering.xsltrun import xdm_document
from ..safexml import parse_xml_bytes, parse_xml_file, read_bytes
from ..timelimit import DocumentTimeout, time_limit
from ..validating.reports import report_to_json
from ..validating.validate import Validator
from .outputs import Document, file_names, make_outputs, row_warnings, stale_files, without_path
from .page import recorded_run_date

#: Status a worker reports when its pipeline could not be set up (stops the build).
SETUP_FAILED = "setup-failed"
#: Seconds one document may take (``--time-limit``); 0 means no limit.
DEFAULT_TIME_LIMIT = 300.0
#: Suffixes of TEI sources, published as they are (validated and rendered, not converted).
TEI_SUFFIXES = (".xml",)


class PipelineStages:
    """The real convert → validate → render pipeline, compiled once per worker process.

    Build talks to the stages only through these methods, so tests can inject
    small fakes with the same shape.
    """

    def __init__(self, *, pdf: bool):
        self._validator = Validator(profile="teiedition")
        self._tei_all: Validator | None = None  # compiled on the first TEI source
        self._html = HtmlRenderer()
        self._epub = EpubRenderer()
        self._pdf = PdfRenderer() if pdf else None

    def convert(self, text: str, *, doc_id: str, source_name: str, run_date: str) -> tuple[bytes, tuple[str, ...]]:
        conversion = convert_source_text(text, source_name=source_name, run_date=run_date, review=False)
        return conversion.tei, tuple(conversion.warnings)

    def validate(self, tree, name: str, *, source: bytes | None = None) -> "Checked":
        """Check a converted document against the house profile (the encoding contract)."""
        return self._checked(self._validator, tree, name, source)

    def validate_tei(self, tree, name: str, *, source: bytes | None = None) -> "Checked":
        """Check a TEI source against TEI P5 itself (tei_all): another project's TEI is not in our contract."""
        if self._tei_all is None:
            self._tei_all = Validator(profile="tei-all")
        return self._checked(self._tei_all, tree, name, source)

    @staticmethod
    def _checked(validator: Validator, tree, name: str, source: bytes | None) -> "Checked":
        report = validator.validate_tree(tree, name, source=source)
        errors = [p for p in report.problems if p.severity == "error"]
        return Checked(ok=bool(report.ok), problems=len(errors),
                       first_problem=errors[0].format() if errors else "",
                       json=report_to_json([report], profile=validator.profile))

    @staticmethod
    def xdm(tree):
        """The document parsed once for Saxon, shared by the HTML page and the DTS share (``Document.xdm``)."""
        return xdm_document(tree)

    def html(self, tree, *, tei_href: str, pdf_href: str | None, page: dict | None = None,
             citation_hrefs: dict | None = None, base_url: str = "", iiif_href: str = "", xdm=None,
             facts=None) -> str:
        """The HTML page; ``page`` holds the collection parameters (``page.page_params``);
        ``xdm``: the same tree as ``xdm`` parsed it, ``facts``: its facts as the document's row read
        them (neither made again)."""
        return self._html.render(tree, tei_href=tei_href, pdf_href=pdf_href, page=page, base_url=base_url,
                                 citation_hrefs=citation_hrefs, entities_href="entities/", iiif_href=iiif_href,
                                 xdm=xdm, facts=facts)

    @property
    def html_warnings(self) -> tuple[str, ...]:
        """What the HTML stylesheet noticed in the last document (pointers to nothing, ...)."""
        return tuple(self._html.warnings)

    def pdf(self, tree, *, url: str = "") -> bytes:
        """The print edition; ``url`` (the page's address under --base-url) goes into its "How to cite"."""
        return self._pdf.render(tree, url=url)

    @property
    def pdf_warnings(self) -> tuple[str, ...]:
        """What the print edition could not do in the last document (a script with no font)."""
        return tuple(self._pdf.warnings)

    def epub(self, tree) -> bytes:
        return self._epub.render(tree)

    @property
    def epub_warnings(self) -> tuple[str, ...]:
        return tuple(self._epub.warnings)


@dataclass(frozen=True)
class Checked:
    """What build needs from a validation: pass/fail, a count, a first problem, the report."""

    ok: bool
    problems: int
    first_problem: str
    json: str


@dataclass(frozen=True)
class Task:
    """One document to build; small and picklable, sent to a worker."""

    doc_id: str
    source: str
    output: str
    pdf: bool
    run_date: str
    keep_date: bool = False  # no run date was asked for: a TEI that only differs by its date keeps it
    time_limit: float = DEFAULT_TIME_LIMIT
    base_url: str = ""  # the http(s) address the pages are published at (permanent URL, canonical link)
    formats: frozenset[str] = frozenset()  # formats chosen beside the PDF (``outputs.formats``: epub)
    key: str = ""  # the document's build key (collection passes file their shares under it)
    dts_base: str = ""  # the DTS answers' base URL (``dts.normalise_base``), for the worker's DTS share

    @property
    def options(self) -> frozenset[str]:
        """Every optional output this build makes (rows of ``outputs.OUTPUTS`` with an ``option``)."""
        return self.formats | ({"pdf"} if self.pdf else set())


@dataclass(frozen=True)
class DocResult:
    """What a worker reports back: status (valid, invalid, failed), why, what it wrote."""

    doc_id: str
    status: str
    reason: str = ""
    outputs: tuple[str, ...] = ()
    record: dict | None = None
    warnings: tuple[str, ...] = ()
    shares: tuple[str, ...] = ()  # collection passes' shares written (paths relative to the output)
    exit_code: int = 0  # for SETUP_FAILED: the exit code of the setup error (1 = the machine, 3 = a bug)


class PipelineSetupError(TeiEditionError):
    """The stages could not be set up (a stylesheet or schema does not compile): nothing can build."""

    exit_code = EXIT_INTERNAL


def make_stages(stages_factory: Callable, pdf: bool):
    """Compile the pipeline; any failure becomes one ``PipelineSetupError``."""
    try:
        return stages_factory(pdf=pdf)
    except Exception as exc:
        reason = str(exc) if isinstance(exc, TeiEditionError) else f"{type(exc).__name__}: {exc}"
        error = PipelineSetupError(f"cannot set up the pipeline: {reason}")
        if isinstance(exc, EngineUnavailable):
            error.exit_code = exc.exit_code  # the machine, not a bug: exit 1
        raise error from None


def setup_failed(task: Task, error: PipelineSetupError) -> DocResult:
    """A worker's setup error as a result; the parent raises it again with the same exit code."""
    return DocResult(task.doc_id, SETUP_FAILED, str(error), exit_code=error.exit_code)


def remove_files(folder: Path, names) -> None:
    """Delete outputs by name; only plain file names inside ``folder`` (a manifest could be edited)."""
    for name in names:
        if not isinstance(name, str) or Path(name).name != name or name in ("", ".", ".."):
            continue
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            (folder / name).unlink()


def is_tei_source(source: str) -> bool:
    return Path(source).suffix.lower() in TEI_SUFFIXES


def build_document(task: Task, stages, write: Callable[[Path, bytes | str], None] | None = None) -> DocResult:
    """Convert, validate and render one source within the time limit; any error becomes ``failed``.

    ``write(path, data)`` writes each output (default: ``atomic_write`` into ``task.output``); a
    Dask worker keeps them in memory instead, to send them back.
    """
    try:
        with time_limit(task.time_limit):
            return _build_document(task, stages, write or atomic_write)
    except DocumentTimeout:
        remove_files(Path(task.output), file_names(task.doc_id))
        return DocResult(task.doc_id, "failed",
                         f"took longer than the time limit of {task.time_limit:g} s; not built "
                         "(raise it with --time-limit SECONDS, 0 for none)")


def _source_tei(task: Task, stages, previous: Path) -> tuple[bytes, tuple[str, ...]]:
    """The document's TEI and the warnings of reading it: a TEI source as it is, else converted."""
    if is_tei_source(task.source):
        return read_bytes(task.source), ()  # the size limit validate and render apply
    text, read_warnings = read_source(task.source)
    tei, warnings = _convert_keeping_date(stages, text, task, previous)
    return tei, tuple(read_warnings) + tuple(warnings)


def _build_document(task: Task, stages, write) -> DocResult:
    out = Path(task.output)
    written: list[str] = []
    shared: list[str] = []
    try:
        tei, warnings = _source_tei(task, stages, out / f"{task.doc_id}.xml")
        name = f"{task.doc_id}.xml"
        tree = parse_xml_bytes(tei, name=name)
        check = stages.validate_tei if is_tei_source(task.source) else stages.validate
        doc = Document(task.doc_id, tei, tree, check(tree, name, source=tei), stages, task.options,
                       task.run_date, task.base_url, task.source, task.key, task.dts_base)
        make_outputs(doc, out, write, written, shared)
        remove_files(out, stale_files(task.doc_id, written))
        record = doc.records.get("catalogue-row")
        if not doc.checked.ok:
            reason = f"invalid TEI: {doc.checked.problems} problem(s), first: {doc.checked.first_problem}"
            return DocResult(task.doc_id, "invalid", reason, tuple(written), record, warnings, tuple(shared))
        return DocResult(task.doc_id, "valid", "", tuple(written), record, warnings + row_warnings(doc),
                         tuple(shared))
    except TeiEditionError as exc:
        return DocResult(task.doc_id, "failed", without_path(str(exc), task.source), tuple(written))
    except OSError as exc:  # disk full, quota, an output folder gone: say what, not "internal error"
        return DocResult(task.doc_id, "failed", f"cannot write or read: {exc.strerror or exc}", tuple(written))
    except Exception as exc:  # a bug in a stage must not stop the other documents
        return DocResult(task.doc_id, "failed", f"internal error: {type(exc).__name__}: {exc}", tuple(written))


def _convert_keeping_date(stages, text: str, task: Task, previous: Path) -> tuple[bytes, tuple[str, ...]]:
    """Convert; when no run date was asked for and the TEI already there is what this conversion
    makes on its recorded date, that date is kept, so every output stays byte-identical.

    Why: the run date is the day a document's encoding last changed.  A build of a fresh
    checkout (no manifest) then rebuilds and checks everything but changes no file.
    """
    name = Path(task.source).name
    before = _recorded_run_date(previous) if task.keep_date else None
    if before and before != task.run_date:
        tei, warnings = stages.convert(text, doc_id=task.doc_id, source_name=name, run_date=before)
        if previous.read_bytes() == tei:
            return tei, warnings
    return stages.convert(text, doc_id=task.doc_id, source_name=name, run_date=task.run_date)


def _recorded_run_date(path: Path) -> str | None:
    """``revisionDesc/change/@when`` of a TEI output already in the folder, or None."""
    try:
        return recorded_run_date(parse_xml_file(path)) or None
    except (OSError, TeiEditionError):
        return None
