"""``teiedition build``: a folder of sources to a published, browsable collection.

Why: an archive with thousands of pages wants one command that converts,
validates and renders everything, and that on the next run redoes only what
changed.  Each document is built by a worker process that compiled the
schemas and stylesheets once; a manifest in the output folder remembers, per
source, the build key (source bytes, package code and version, stylesheets,
schemas, authority data, options) so an unchanged collection is checked with
one ``stat`` per file.  Every file is written whole (``atomic_write``) and the
manifest is saved as documents finish, so an interrupted build resumes.

Per source ``NAME.txt`` the output folder gets ``NAME.xml`` (TEI),
``NAME.validation.json``, ``NAME.html`` and ``NAME.pdf``; for the collection
``index.html``, ``catalogue.json`` and ``catalogue.csv``.  Outputs of a source
that was removed are deleted (only the files the manifest says we made).
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from ..convert import resolve_run_date
from ..errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EngineUnavailable, InputError, TeiEditionError
from ..files import atomic_write, write_if_changed
from ..urls import segment
from .manifest import (build_key, find_sources, folder_fingerprint, load_manifest, output_lock, output_stats,
                       plan_build, remove_leftover_temp_files, save_manifest, toolchain_digest)
from .progress import Progress
from ..validating.reports import printable

#: Seconds between manifest checkpoints while building (what a killed build can resume from).
CHECKPOINT_SECONDS = 2.0

#: Tasks queued per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4
#: Source names whose outputs would overwrite the collection's ``index.html`` / ``catalogue.*``.
COLLECTION_STEMS = frozenset({"index", "catalogue"})
#: Status a worker reports when its pipeline could not be set up (stops the build).
SETUP_FAILED = "setup-failed"
#: Seconds one document may take (``--time-limit``); 0 means no limit.
DEFAULT_TIME_LIMIT = 300.0


class DocumentTimeout(BaseException):
    """Raised inside a document's build past its time limit (not an ``Exception``: no stage may swallow it)."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Interrupt the document being built after ``seconds``.

    Why: one crafted source must not block a worker forever; the document fails as
    ``file: reason`` and the others are still built.  In a process's main thread
    (local workers) a SIGALRM timer raises ``DocumentTimeout``; in any other thread
    (a Dask worker runs tasks in a thread pool) a timer thread raises it in the
    building thread with ``PyThreadState_SetAsyncExc``.  Either way it arrives
    between two Python bytecodes, so a long call into C finishes first.
    """
    if not seconds or seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _thread_alarm(seconds):
            yield


@contextlib.contextmanager
def _alarm(seconds: float):
    def expired(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _thread_alarm(seconds: float):
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expired():
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, expired)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:  # raised too late to land inside the block: clear it, if still pending
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


#: Where documents are built: this machine's processes, or a Dask distributed cluster.
EXECUTORS = ("local", "dask")


# --------------------------------------------------------------------------- stages

class PipelineStages:
    """The real convert → validate → render pipeline, compiled once per worker process.

    Build talks to the stages only through these four methods, so tests can
    inject small fakes with the same shape.
    """

    def __init__(self, *, pdf: bool):
        from ..rendering.render import HtmlRenderer
        from ..validating.validate import Validator

        self._validator = Validator(profile="teiedition")
        self._html = HtmlRenderer()
        self._pdf = None
        if pdf:
            from ..rendering.pdf import PdfRenderer

            self._pdf = PdfRenderer()

    def convert(self, text: str, *, doc_id: str, source_name: str, run_date: str) -> tuple[bytes, tuple[str, ...]]:
        from ..convert import convert_source_text

        conversion = convert_source_text(text, source_name=source_name, run_date=run_date)
        return conversion.tei, tuple(conversion.warnings)

    def validate(self, tree, name: str, *, source: bytes | None = None) -> "Checked":
        from ..validating.reports import report_to_json

        report = self._validator.validate_tree(tree, name, source=source)
        errors = [p for p in report.problems if p.severity == "error"]
        return Checked(ok=bool(report.ok), problems=len(errors),
                       first_problem=errors[0].format() if errors else "",
                       json=report_to_json([report]))

    def html(self, tree, *, tei_href: str, pdf_href: str | None, page: dict | None = None,
             citation_hrefs: dict | None = None, base_url: str = "") -> str:
        """The HTML page; ``page`` holds the collection parameters (``site.page_params``)."""
        return self._html.render(tree, tei_href=tei_href, pdf_href=pdf_href, page=page, base_url=base_url,
                                 citation_hrefs=citation_hrefs, entities_href="entities/")

    @property
    def html_warnings(self) -> tuple[str, ...]:
        """What the HTML stylesheet noticed in the last document (pointers to nothing, ...)."""
        return tuple(self._html.warnings)

    def pdf(self, tree) -> bytes:
        return self._pdf.render(tree)

    @property
    def pdf_warnings(self) -> tuple[str, ...]:
        """What the print edition could not do in the last document (a script with no font)."""
        return tuple(self._pdf.warnings)


@dataclass(frozen=True)
class Checked:
    """What build needs from a validation: pass/fail, a count, a first problem, the report."""

    ok: bool
    problems: int
    first_problem: str
    json: str


# --------------------------------------------------------------------------- one document

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


@dataclass(frozen=True)
class DocResult:
    """What a worker reports back: status (valid, invalid, failed), why, what it wrote."""

    doc_id: str
    status: str
    reason: str = ""
    outputs: tuple[str, ...] = ()
    record: dict | None = None
    warnings: tuple[str, ...] = ()
    exit_code: int = 0  # for SETUP_FAILED: the exit code of the setup error (1 = the machine, 3 = a bug)


def output_names(doc_id: str, *, pdf: bool) -> dict[str, str]:
    """The file names a document gets in the output folder."""
    names = {"tei": f"{doc_id}.xml", "validation": f"{doc_id}.validation.json", "html": f"{doc_id}.html"}
    if pdf:
        names["pdf"] = f"{doc_id}.pdf"
    return names


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
    from ..safexml import parse_xml_file
    from .site import recorded_run_date

    try:
        return recorded_run_date(parse_xml_file(path)) or None
    except (OSError, TeiEditionError):
        return None


def build_document(task: Task, stages) -> DocResult:
    """Convert, validate and render one source within the time limit; any error becomes ``failed``."""
    try:
        with time_limit(task.time_limit):
            return _build_document(task, stages)
    except DocumentTimeout:
        _remove(Path(task.output), output_names(task.doc_id, pdf=True).values())
        return DocResult(task.doc_id, "failed",
                         f"took longer than the time limit of {task.time_limit:g} s; not built "
                         "(raise it with --time-limit SECONDS, 0 for none)")


def _build_document(task: Task, stages) -> DocResult:
    from .catalogue import read_record
    from ..convert import read_source
    from ..safexml import parse_xml_bytes
    from .site import page_params, recorded_run_date
    from .citations import citation_names, write_citations
    from ..rendering.iiif import write_manifest

    out = Path(task.output)
    names = output_names(task.doc_id, pdf=task.pdf)
    written: list[str] = []
    try:
        text, read_warnings = read_source(task.source)
        tei, warnings = _convert_keeping_date(stages, text, task, out / names["tei"])
        tree = parse_xml_bytes(tei, name=names["tei"])
        checked = stages.validate(tree, names["tei"], source=tei)
        record = read_record(tree)
        atomic_write(out / names["tei"], tei)
        atomic_write(out / names["validation"], checked.json)
        written += [names["tei"], names["validation"]]
        if not checked.ok:
            _remove(out, [names["html"], f"{task.doc_id}.pdf"])
            reason = f"invalid TEI: {checked.problems} problem(s), first: {checked.first_problem}"
            return DocResult(task.doc_id, "invalid", reason, tuple(written), record,
                             read_warnings + tuple(warnings))
        no_pdf = ()
        if task.pdf:
            try:
                atomic_write(out / names["pdf"], stages.pdf(tree))
                written.append(names["pdf"])
            except TeiEditionError as exc:
                if type(exc).__name__ != "PdfTooLarge":
                    raise
                _remove(out, [f"{task.doc_id}.pdf"])  # the HTML edition is still published, without a PDF link
                no_pdf = (f"no print edition: {_without_path(str(exc), task.source)}",)
        else:
            _remove(out, [f"{task.doc_id}.pdf"])
        cited = write_citations(out, task.doc_id, tree)
        written += cited
        written += write_manifest(out, task.doc_id, tree, base_url=task.base_url)  # IIIF, when it has images
        has_pdf = names.get("pdf") in written
        html = stages.html(tree, tei_href=segment(names["tei"]), pdf_href=segment(names["pdf"]) if has_pdf else None,
                           page=page_params(recorded_run_date(tree) or task.run_date), base_url=task.base_url,
                           citation_hrefs={kind: segment(name) for kind, name in citation_names(task.doc_id).items()})
        atomic_write(out / names["html"], html)
        written.append(names["html"])
        warnings = read_warnings + tuple(warnings) + tuple(getattr(stages, "html_warnings", ())) \
            + (tuple(getattr(stages, "pdf_warnings", ())) if has_pdf else ()) + no_pdf
        return DocResult(task.doc_id, "valid", "", tuple(written), record, warnings)
    except TeiEditionError as exc:
        return DocResult(task.doc_id, "failed", _without_path(str(exc), task.source), tuple(written))
    except OSError as exc:  # disk full, quota, an output folder gone: say what, not "internal error"
        return DocResult(task.doc_id, "failed", f"cannot write or read: {exc.strerror or exc}", tuple(written))
    except Exception as exc:  # a bug in a stage must not stop the other documents
        return DocResult(task.doc_id, "failed", f"internal error: {type(exc).__name__}: {exc}", tuple(written))


def refusal(task: Task, source_folder: Path) -> str | None:
    """Why a source must not be built at all, or None.

    A source named like a collection page would overwrite it; a symbolic link
    leading out of the source folder would publish a file from elsewhere on
    the machine (an unpacked archive can carry such links).
    """
    path = Path(task.source)
    if task.doc_id in COLLECTION_STEMS:
        return f"a source named {path.name} would overwrite the collection's own page; rename it"
    if path.is_symlink() and not path.resolve().is_relative_to(source_folder.resolve()):
        return "symbolic link to a file outside the source folder; refused (copy the file in instead)"
    return None


#: The longest stem a source may have: ``STEM.validation.json`` must fit the 255 bytes of a file name.
MAX_STEM_BYTES = 200


def sort_out_names(sources: list[Path]) -> tuple[list[Path], list[tuple[Path, str]], list[Path]]:
    """The sources that can be built, those that cannot (with why), and hidden ones (skipped).

    Why: the outputs are named after the source, so a name must make valid, distinct file names
    and URLs.  A hidden file (``.x.txt``, and ``..txt`` whose stem is ``.``) is an editor's or a
    system's file, never built; a stem that is not UTF-8 or longer than ``MAX_STEM_BYTES`` cannot
    be published; two sources whose stems differ only in case (``a.txt``, ``a.TXT``) would make
    the same outputs (and the same file on a case-insensitive disk): the first is built, the
    others are refused, never one silently lost.
    """
    kept: list[Path] = []
    refused: list[tuple[Path, str]] = []
    hidden: list[Path] = []
    first: dict[str, Path] = {}
    for src in sources:
        if src.name.startswith("."):
            hidden.append(src)
        elif not _is_utf8(src.name):  # it cannot go into a URL, the TEI or the catalogue
            refused.append((src, "file name is not valid UTF-8; rename the file (skipped)"))
        elif len(src.stem.encode("utf-8")) > MAX_STEM_BYTES:
            refused.append((src, f"file name too long ({len(src.stem.encode('utf-8'))} bytes before .txt, "
                                 f"at most {MAX_STEM_BYTES}); rename the file (skipped)"))
        elif src.stem.casefold() in first:
            other = first[src.stem.casefold()]
            refused.append((src, f"same name as {other.name} (both would be published as {other.stem}.xml, "
                                 f".html ...); rename one (skipped)"))
        else:
            first[src.stem.casefold()] = src
            kept.append(src)
    return kept, refused, hidden


def warning_line(source_path: str, warning: str) -> str:
    """A stage's warning as ``SOURCE: warning: ...`` or ``SOURCE:LINE: warning: ...``, naming the file once.

    The converter names the file by its base name, the reader by the path build gave it.
    """
    for prefix in (source_path, Path(source_path).name):
        if warning.startswith(prefix + ":"):
            return source_path + warning[len(prefix):]
    return f"{source_path}: warning: {warning}"


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes became lone surrogates
        return False
    return True


def _without_path(message: str, path: str) -> str:
    """The reason alone: build prints ``file: reason`` itself, whatever name the stage used."""
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _remove(folder: Path, names) -> None:
    """Delete outputs by name; only plain file names inside ``folder`` (a manifest could be edited)."""
    for name in names:
        if not isinstance(name, str) or Path(name).name != name or name in ("", ".", ".."):
            continue
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            (folder / name).unlink()


# --------------------------------------------------------------------------- workers

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


_worker_stages = None
_worker_setup_error: PipelineSetupError | None = None


def _init_worker(stages_factory: Callable, pdf: bool, build_pid: int | None = None) -> None:
    """Compile the pipeline once per worker; Ctrl-C is the parent's to handle."""
    global _worker_stages, _worker_setup_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    if build_pid:
        threading.Thread(target=_exit_with_build, args=(build_pid,), daemon=True).start()
    try:
        _worker_stages = make_stages(stages_factory, pdf)
    except PipelineSetupError as exc:  # reported with the first document, not as a dead pool
        _worker_setup_error = exc


def _exit_with_build(build_pid: int, every: float = 0.5) -> None:
    """A worker whose build process is gone (``kill -9``) exits instead of running on as an orphan.

    Why: ``forkserver`` workers are the forkserver's children, not the build's, so
    nothing else tells them; a parent-death signal would not reach them either.
    """
    while True:
        time.sleep(every)
        try:
            os.kill(build_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: ours is gone
            os._exit(1)


def setup_failed(task: Task, error: PipelineSetupError) -> DocResult:
    """A worker's setup error as a result; the parent raises it again with the same exit code."""
    return DocResult(task.doc_id, SETUP_FAILED, str(error), exit_code=error.exit_code)


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def _run_in_worker(task: Task) -> DocResult:
    if _worker_setup_error:
        return setup_failed(task, _worker_setup_error)
    return build_document(task, _worker_stages)


def worker_context() -> multiprocessing.context.BaseContext:
    """Fresh worker processes (``forkserver``), so no library state is inherited through fork.

    saxonche's native runtime makes no promise about surviving ``fork``; a
    fresh process costs about a second of setup per worker, once per build.
    ``TEIEDITION_MP_START=fork|spawn`` overrides the choice.
    """
    method = os.environ.get("TEIEDITION_MP_START", "forkserver")
    if method not in multiprocessing.get_all_start_methods():
        method = "spawn"
    return multiprocessing.get_context(method)


# --------------------------------------------------------------------------- options and signals

@contextlib.contextmanager
def sigterm_as_interrupt():
    """Make ``kill`` behave like Ctrl-C so temporary files are cleaned and the manifest saved."""
    def handler(signum, frame):
        raise KeyboardInterrupt
    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --------------------------------------------------------------------------- the build

@dataclass
class Summary:
    built: int = 0
    unchanged: int = 0
    invalid: int = 0
    failed: int = 0
    removed: int = 0
    warnings: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        warned = f", {self.warnings} warning{'s' if self.warnings != 1 else ''}" if self.warnings else ""
        return (f"build: {self.built} built, {self.unchanged} unchanged, {self.invalid} invalid, "
                f"{self.failed} failed, {self.removed} removed{warned} in {self.seconds:.1f} s")


def build(source: str | os.PathLike = "seeds", output: str | os.PathLike = "editions", *,
          jobs: int = 0, force: bool = False, pdf: bool = True, run_date: str | None = None,
          progress: bool | None = None, stages: Callable | None = None,
          stream: TextIO | None = None, time_limit: float = DEFAULT_TIME_LIMIT,
          executor: str = "local", scheduler: str | None = None,
          base_url: str | None = None) -> int:
    """Build every ``*.txt`` in ``source`` into ``output``; return the exit code.

    ``stages`` is a picklable factory ``stages(pdf=bool)`` returning an object
    with ``convert``, ``validate``, ``html`` and ``pdf`` (default: the real
    pipeline).  Prints failures as ``file: reason`` and a summary on ``stream``
    (stderr).  Exit 0 when every document is valid, 1 when any is invalid or failed.
    ``executor="dask"`` builds on Dask distributed (``scheduler`` address, else a
    LocalCluster of ``jobs`` workers; see ``distributed_build``).
    """
    summary = run_build(Path(source), Path(output), jobs=jobs, force=force, pdf=pdf,
                        run_date=run_date, progress=progress, stages=stages, stream=stream,
                        time_limit=time_limit, executor=executor, scheduler=scheduler,
                        base_url=base_url)
    return EXIT_INVALID if summary.failed or summary.invalid else EXIT_OK


def prepare_output(output: Path) -> None:
    """Create the output folder, or say in one line why it cannot be used."""
    if output.exists() and not output.is_dir():
        raise InputError("output exists and is not a folder", path=str(output))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder: {exc.strerror or exc}", path=str(output)) from None
    if not os.access(output, os.W_OK | os.X_OK):
        raise InputError("output folder is not writable", path=str(output))


def run_build(source: Path, output: Path, *, jobs: int = 0, force: bool = False, pdf: bool = True,
              run_date: str | None = None, progress: bool | None = None,
              stages: Callable | None = None, stream: TextIO | None = None,
              time_limit: float = DEFAULT_TIME_LIMIT,
              executor: str = "local", scheduler: str | None = None,
              base_url: str | None = None) -> Summary:
    """The build itself (see ``build``); returns the counts for callers and benchmarks."""
    from .dts import normalise_base

    started = time.monotonic()
    if executor not in EXECUTORS:
        raise InputError(f"unknown executor {executor!r}: use {' or '.join(EXECUTORS)}")
    if scheduler and executor != "dask":
        raise InputError("--scheduler needs --executor dask")
    stream = sys.stderr if stream is None else stream
    stages = PipelineStages if stages is None else stages
    day = resolve_run_date(run_date)  # the same check and default as convert
    try:
        base = normalise_base(base_url)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    # one base for the DTS answers and the pages; a page's permanent URL must be absolute
    page_base = base if base.startswith(("http://", "https://")) else ""
    sources, unbuildable, hidden = sort_out_names(find_sources(source))
    prepare_output(output)

    with output_lock(output), sigterm_as_interrupt():
        remove_leftover_temp_files(output)
        manifest = load_manifest(output)
        toolchain = toolchain_digest()
        plan = plan_build(sources, output, manifest, toolchain, pdf=pdf, force=force, base_url=page_base)
        summary = Summary(unchanged=len(plan.unchanged), removed=len(plan.removed), failed=len(unbuildable),
                          warnings=len(hidden))
        for src, why in unbuildable:
            stream.write(printable(f"{src}: {why}") + "\n")
        for src in hidden:
            stream.write(printable(f"{src}: warning: hidden file (its name starts with '.'); not built "
                                   "(rename it to build it)") + "\n")
        for doc_id in plan.removed:
            entry = manifest["documents"].pop(doc_id)
            _remove(output, entry.get("outputs", ()))
        keep_date = run_date is None and not os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        tasks = {src.stem: Task(src.stem, str(src), str(output), pdf, day, keep_date, time_limit, page_base)
                 for src, _ in plan.todo}
        facts = {src.stem: stat for src, stat in plan.todo}

        def record(result: DocResult, bar: Progress) -> None:
            if result.status == SETUP_FAILED:
                error = PipelineSetupError(result.reason)
                error.exit_code = result.exit_code or error.exit_code
                raise error
            previous = manifest["documents"].get(result.doc_id) or {}
            _remove(output, set(previous.get("outputs", ())) - set(result.outputs))
            entry = {"source": Path(tasks[result.doc_id].source).name, **facts[result.doc_id],
                     "key": build_key(facts[result.doc_id]["sha256"], toolchain, pdf=pdf, base_url=page_base),
                     "status": result.status, "reason": result.reason,
                     "outputs": list(result.outputs), "record": result.record}
            manifest["documents"][result.doc_id] = entry
            if result.status == "failed":
                summary.failed += 1
            elif result.status == "invalid":
                summary.invalid += 1
            else:
                summary.built += 1
            source_path = tasks[result.doc_id].source
            for warning in result.warnings:
                summary.warnings += 1
                bar.write(printable(warning_line(source_path, warning)))
            if result.status != "valid":
                bar.write(printable(f"{source_path}: {result.reason}"))
            bar.advance(note=printable(Path(tasks[result.doc_id].source).name))

        try:
            with Progress(len(tasks), label="build", enabled=progress, stream=stream) as bar:
                refused = {t: why for t in tasks.values() if (why := refusal(t, source))}
                for task, why in refused.items():
                    record(DocResult(task.doc_id, "failed", why), bar)
                todo = [t for t in tasks.values() if t not in refused]
                if executor == "dask" and todo:
                    from .distributed_build import run_on_dask

                    run_on_dask(todo, stages, pdf, record, bar, lambda: save_manifest(output, manifest),
                                output=output, scheduler=scheduler, checkpoint_seconds=CHECKPOINT_SECONDS,
                                workers=min(jobs if jobs and jobs > 0 else (os.cpu_count() or 1), len(todo)))
                else:
                    _run_tasks(todo, stages, pdf, jobs, record, bar, checkpoint=lambda: save_manifest(output, manifest))
        except KeyboardInterrupt:
            stream.write(f"build: interrupted after {summary.built + summary.invalid + summary.failed} of "
                         f"{len(tasks)} documents; run the same command again to resume\n")
            raise
        finally:
            save_manifest(output, manifest)
        # the index links the DTS entry point and the entity pages, so they come first
        now = collection_fingerprints(output)
        repair = parts_to_repair(manifest, now, force=force)
        publish_dts(output, manifest, sources, base_url=base_url, stream=stream, time_limit=time_limit,
                    force="dts" in repair)
        publish_entity_pages(output, manifest, sources, stream=stream, force="entities" in repair)
        write_collection(output, manifest, sources, force="site" in repair)
        # nothing built, removed or repaired: the collection pass wrote nothing, its files are as they were
        quiet = not (tasks or plan.removed or repair)
        if not quiet:  # (unchanged documents had their outputs checked by plan_build)
            record_outputs(output, manifest, collection_fingerprints(output))
        save_manifest(output, manifest)
    summary.seconds = time.monotonic() - started
    stream.write(summary.line() + "\n")
    stream.flush()
    return summary


def _run_tasks(tasks: list[Task], stages: Callable, pdf: bool, jobs: int,
               record: Callable[[DocResult, Progress], None], bar: Progress,
               checkpoint: Callable[[], None]) -> None:
    """Build the tasks in this process (one job) or in a pool of workers, checkpointing as we go."""
    if not tasks:
        return
    jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    jobs = min(jobs, len(tasks))
    last = time.monotonic()
    if jobs == 1:
        local = make_stages(stages, pdf)
        for task in tasks:
            record(build_document(task, local), bar)
            if time.monotonic() - last > CHECKPOINT_SECONDS:
                checkpoint()
                last = time.monotonic()
        return
    queue = iter(tasks)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=worker_context(),
                             initializer=_init_worker, initargs=(stages, pdf, os.getpid())) as pool:
        pending: dict = {}

        def refill() -> None:
            """Keep a few tasks per worker in flight: memory stays flat however many documents."""
            for task in itertools.islice(queue, max(0, IN_FLIGHT_PER_WORKER * jobs - len(pending))):
                pending[pool.submit(_run_in_worker, task)] = task

        try:
            refill()
            while pending:
                done, _ = wait(pending, timeout=CHECKPOINT_SECONDS, return_when=FIRST_COMPLETED)
                for future in done:
                    record(_result_of(future, pending.pop(future)), bar)
                refill()
                if time.monotonic() - last > CHECKPOINT_SECONDS:
                    checkpoint()
                    last = time.monotonic()
        except BrokenProcessPool:  # the pool broke while tasks were being submitted
            for future, task in pending.items():
                record(_result_of(future, task), bar)
            for task in queue:
                record(DocResult(task.doc_id, "failed", "worker process died (out of memory or killed)"), bar)
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _result_of(future, task: Task) -> DocResult:
    """A finished future's result; a worker that died takes only its own document down."""
    try:
        return future.result()
    except BrokenProcessPool:
        return DocResult(task.doc_id, "failed", "worker process died (out of memory or killed)")
    except Exception as exc:  # e.g. a result that could not be pickled
        return DocResult(task.doc_id, "failed", f"internal error: {type(exc).__name__}: {exc}")


def _current_entries(manifest: dict, sources: list[Path]) -> list[dict]:
    """The manifest's records of the sources still in the folder, each with its ``id``: what the collection pages list."""
    current = {src.stem for src in sources}
    return [{"id": doc_id, **entry} for doc_id, entry in manifest["documents"].items() if doc_id in current]


#: The parts of the collection pass, each with the files it writes (under the output folder).
COLLECTION_PARTS = {"dts": ("dts",), "entities": ("entities",),
                    "site": ("assets/search", "index.html", "catalogue.json", "catalogue.csv")}


def collection_fingerprints(output: Path) -> dict[str, str]:
    """Each collection part's fingerprint (``manifest.folder_fingerprint``): one ``stat`` per file."""
    return {part: folder_fingerprint(output, names) for part, names in COLLECTION_PARTS.items()}


def parts_to_repair(manifest: dict, now: dict[str, str], *, force: bool) -> set[str]:
    """The collection parts whose files are not what the last pass left (or all, with ``--force``).

    Why: each part keeps its own state and skips what it believes is done, so a truncated
    DTS answer, entity page or search shard would otherwise survive every rebuild.
    """
    if force:
        return set(COLLECTION_PARTS)
    recorded = manifest.get("collection") if isinstance(manifest.get("collection"), dict) else {}
    return {part for part in COLLECTION_PARTS if recorded.get(part) != now[part]}


def record_outputs(output: Path, manifest: dict, fingerprints: dict[str, str]) -> None:
    """Remember what this build left: each document's outputs (size, mtime) and each collection part's fingerprint."""
    for entry in manifest["documents"].values():  # all: the site pass rewrites neighbours' navigation bars
        entry["files"] = output_stats(output, entry.get("outputs", ()))
    manifest["collection"] = fingerprints


def publish_dts(output: Path, manifest: dict, sources: list[Path], *, base_url: str | None,
                stream: TextIO, time_limit: float | None = None, force: bool = False) -> None:
    """The collection as a static Distributed Text Services API under ``dts/`` (see ``dts.py``)."""
    from .dts import write_dts

    write_dts(output, _current_entries(manifest, sources), base_url=base_url, time_limit=time_limit,
              warn=lambda line: stream.write(printable(line) + "\n"), force=force)


def publish_entity_pages(output: Path, manifest: dict, sources: list[Path], *, stream: TextIO,
                         force: bool = False) -> None:
    """One page per person, organisation and place the collection names, under ``entities/``."""
    from .entity_pages import write_entity_pages

    write_entity_pages(output, _current_entries(manifest, sources),
                       warn=lambda line: stream.write(printable(line) + "\n"), force=force)


def write_collection(output: Path, manifest: dict, sources: list[Path], *, force: bool = False) -> None:
    """Write ``catalogue.json`` and ``catalogue.csv``, then the site (``index.html``, search, page bars)."""
    from .catalogue import catalogue_csv, catalogue_json, catalogue_rows
    from .site import write_site

    rows = catalogue_rows(_current_entries(manifest, sources))
    for name, text in (("catalogue.json", catalogue_json(rows)), ("catalogue.csv", catalogue_csv(rows))):
        write_if_changed(output / name, text.encode("utf-8"))
    write_site(output, rows, force=force)
