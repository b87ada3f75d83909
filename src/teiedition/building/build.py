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
import hashlib
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Callable, TextIO

from ..convert import SOURCE_SUFFIXES, resolve_run_date
from ..errors import EXIT_INVALID, EXIT_OK, InputError
from ..files import write_if_changed
from ..validating.reports import printable
from .catalogue import catalogue_csv, catalogue_json, catalogue_rows
from .distributed_build import run_on_dask
from .document import (DEFAULT_TIME_LIMIT, SETUP_FAILED, TEI_SUFFIXES, Checked, DocResult,  # noqa: F401
                       PipelineSetupError, PipelineStages, Task, remove_files)
from .dts import normalise_base, write_dts
from .entity_pages import write_entity_pages
from .local_pool import run_tasks
from .manifest import (COLLECTION_PARTS, PASSES_PENDING, QUIET, FolderWalk, absent_parts, build_key,  # noqa: F401
                       collection_fingerprints, find_sources, load_manifest, output_lock, output_stats, plan_build,
                       remove_leftover_temp_files, save_manifest, toolchain_digest)
from .outputs import formats as all_formats, suffixes as output_suffixes
from ..progress import Progress
from .site import write_site
from .unchanged import Check, Summary, manifest_stat, options_stamp

#: Seconds between manifest checkpoints while building (what a killed build can resume from).
CHECKPOINT_SECONDS = 2.0
#: At most this share of the build's time goes into checkpoints (the manifest grows with the collection).
CHECKPOINT_SHARE = 0.05
#: Source names whose outputs would overwrite the collection's ``index.html`` / ``catalogue.*``.
COLLECTION_STEMS = frozenset({"index", "catalogue"})
#: In the manifest: a hash of the catalogue's rows when it was last written (``write_collection``).
CATALOGUE = "catalogue"
#: Where documents are built: this machine's processes, or a Dask distributed cluster.
EXECUTORS = ("local", "dask")


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
        elif src.stem.casefold() in first and first[src.stem.casefold()].suffix.lower() != src.suffix.lower():
            other = first[src.stem.casefold()]
            refused.append((src, f"same name as {other.name}: a text source and a TEI source would both be "
                                 f"published as {other.stem}.xml; keep one (skipped)"))
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

class Checkpoints:
    """Save the manifest as documents finish, but spend at most ``CHECKPOINT_SHARE`` of the time on it.

    Why: a save writes the whole manifest, which grows with the collection; saved every 2 seconds,
    a build of N documents made O(N) saves of O(N) bytes (7 s of the main process's CPU at 1,000
    documents, serial beside the workers).  After a save that took ``d`` seconds the next waits
    ``d / CHECKPOINT_SHARE`` (and at least the executors' ``CHECKPOINT_SECONDS``).
    """

    def __init__(self, save: Callable[[], None]):
        self._save = save
        self._next = 0.0

    def __call__(self) -> None:
        started = time.monotonic()
        if started < self._next:
            return
        self._save()
        self._next = started + (time.monotonic() - started) / CHECKPOINT_SHARE


def build(source: str | os.PathLike = "seeds", output: str | os.PathLike = "editions", *,
          jobs: int = 0, force: bool = False, pdf: bool = True, run_date: str | None = None,
          progress: bool | None = None, stages: Callable | None = None,
          stream: TextIO | None = None, time_limit: float = DEFAULT_TIME_LIMIT,
          executor: str = "local", scheduler: str | None = None,
          base_url: str | None = None, formats=(), check: Check | None = None) -> int:
    """Build every ``*.txt`` (converted) and ``*.xml`` (TEI, as it is) in ``source`` into ``output``;
    return the exit code.

    ``stages`` is a picklable factory ``stages(pdf=bool)`` returning an object
    with ``convert``, ``validate``, ``html`` and ``pdf`` (default: the real
    pipeline).  Prints failures as ``file: reason`` and a summary on ``stream``
    (stderr).  Exit 0 when every document is valid, 1 when any is invalid or failed.
    ``executor="dask"`` builds on Dask distributed (``scheduler`` address, else a
    LocalCluster of ``jobs`` workers; see ``distributed_build``).  ``formats`` names the
    outputs made beside the PDF (``outputs.formats``: ``epub``).  ``check``: what the command line's
    start-up check read (``unchanged.check_build``), taken over when still true.
    """
    summary = run_build(Path(source), Path(output), jobs=jobs, force=force, pdf=pdf,
                        run_date=run_date, progress=progress, stages=stages, stream=stream,
                        time_limit=time_limit, executor=executor, scheduler=scheduler,
                        base_url=base_url, formats=formats, check=check)
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
              base_url: str | None = None, formats=(), check: Check | None = None) -> Summary:
    """The build itself (see ``build``); returns the counts for callers and benchmarks."""
    started = time.monotonic()
    if executor not in EXECUTORS:
        raise InputError(f"unknown executor {executor!r}: use {' or '.join(EXECUTORS)}")
    if scheduler and executor != "dask":
        raise InputError("--scheduler needs --executor dask")
    unknown = set(formats) - set(all_formats()) | ({"pdf"} & set(formats))
    if unknown:
        raise InputError(f"unknown format {sorted(unknown)[0]!r}: choose from "
                         f"{', '.join(f for f in all_formats() if f != 'pdf')} (the PDF is --pdf/--no-pdf)")
    formats = frozenset(formats)
    stream = sys.stderr if stream is None else stream
    stages = PipelineStages if stages is None else stages
    day = resolve_run_date(run_date)  # the same check and default as convert
    try:
        base = normalise_base(base_url)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    # one base for the DTS answers and the pages; a page's permanent URL must be absolute
    page_base = base if base.startswith(("http://", "https://")) else ""
    # built into its own source folder, the .xml files there are the build's TEI outputs, not sources
    into_itself = output.exists() and output.resolve() == source.resolve()
    source_suffixes = SOURCE_SUFFIXES + (() if into_itself else TEI_SUFFIXES)
    sources, unbuildable, hidden = sort_out_names(find_sources(source, source_suffixes))
    prepare_output(output)

    with output_lock(output), sigterm_as_interrupt():
        remove_leftover_temp_files(output)
        toolchain = toolchain_digest()
        stamp = options_stamp(source, pdf=pdf, formats=formats, run_date=run_date, base_url=base_url,
                              executor=executor, scheduler=scheduler)
        reuse = check if _still_true(check, output, sources, stamp, toolchain, force=force) else None
        manifest = reuse.manifest if reuse else load_manifest(output, output_suffixes())
        # what the collection's files are before the workers write their shares into the passes' caches
        walk = reuse.walk if reuse and reuse.walk else FolderWalk()
        before = reuse.fingerprints if reuse else collection_fingerprints(output, walk=walk)
        absent = absent_parts(output)
        plan = reuse.plan if reuse else plan_build(sources, output, manifest, toolchain, pdf=pdf, force=force,
                                                   base_url=page_base, formats=formats)
        summary = Summary(unchanged=len(plan.unchanged), removed=len(plan.removed), failed=len(unbuildable),
                          warnings=len(hidden))
        pending = manifest.get(PASSES_PENDING) is True  # a build stopped before its collection passes ended
        if plan.todo or plan.removed:
            manifest[PASSES_PENDING] = True
        for src, why in unbuildable:
            stream.write(printable(f"{src}: {why}") + "\n")
        for src in hidden:
            stream.write(printable(f"{src}: warning: hidden file (its name starts with '.'); not built "
                                   "(rename it to build it)") + "\n")
        for doc_id in plan.removed:
            entry = manifest["documents"].pop(doc_id)
            remove_files(output, entry.get("outputs", ()))
        keep_date = run_date is None and not os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        facts = {src.stem: stat for src, stat in plan.todo}
        keys = {doc_id: build_key(stat["sha256"], toolchain, pdf=pdf, base_url=page_base, formats=formats)
                for doc_id, stat in facts.items()}
        tasks = {src.stem: Task(src.stem, str(src), str(output), pdf, day, keep_date, time_limit, page_base, formats,
                                keys[src.stem], base) for src, _ in plan.todo}

        def record(result: DocResult) -> None:
            if result.status == SETUP_FAILED:
                error = PipelineSetupError(result.reason)
                error.exit_code = result.exit_code or error.exit_code
                raise error
            previous = manifest["documents"].get(result.doc_id) or {}
            remove_files(output, set(previous.get("outputs", ())) - set(result.outputs))
            entry = {"source": Path(tasks[result.doc_id].source).name, **facts[result.doc_id],
                     "key": keys[result.doc_id],
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

        checkpoint = Checkpoints(lambda: save_manifest(output, manifest))
        try:
            with Progress(len(tasks), label="build", enabled=progress, stream=stream) as bar:
                refused = {t: why for t in tasks.values() if (why := refusal(t, source))}
                for task, why in refused.items():
                    record(DocResult(task.doc_id, "failed", why))
                todo = [t for t in tasks.values() if t not in refused]
                if executor == "dask" and todo:
                    run_on_dask(todo, stages, pdf, record, checkpoint,
                                output=output, scheduler=scheduler, checkpoint_seconds=CHECKPOINT_SECONDS,
                                workers=min(jobs if jobs and jobs > 0 else (os.cpu_count() or 1), len(todo)))
                else:
                    run_tasks(todo, stages, pdf, jobs, record, checkpoint, CHECKPOINT_SECONDS)
        except KeyboardInterrupt:
            stream.write(f"build: interrupted after {summary.built + summary.invalid + summary.failed} of "
                         f"{len(tasks)} documents; run the same command again to resume\n")
            raise
        finally:
            save_manifest(output, manifest)
        # the index links the DTS entry point and the entity pages, so they come first
        repair = parts_to_repair(manifest, before, force=force) - (set() if force else absent)
        # nothing built, removed, missing or damaged, and the last passes finished: they would write nothing
        quiet = not (tasks or plan.removed or repair or absent or pending)
        if not quiet:  # (unchanged documents had their outputs checked by plan_build)
            publish_dts(output, manifest, sources, base_url=base_url, stream=stream, time_limit=time_limit,
                        force="dts" in repair)
            publish_entity_pages(output, manifest, sources, stream=stream, force="entities" in repair,
                                 fresh=set(tasks))
            barred = write_collection(output, manifest, sources, force="site" in repair, toolchain=toolchain)
            manifest.pop(PASSES_PENDING, None)
            # unchanged documents' outputs were checked by plan_build: only those built or given a new bar changed
            # (the folders the passes left as the first walk saw them are not listed again: ``FolderWalk``)
            record_outputs(output, manifest, collection_fingerprints(output, since=walk), changed=set(tasks) | barred)
        # these options ran to the end: the next build with the same ones may be answered before start-up
        manifest[QUIET] = {"options": stamp, "pdf": pdf, "formats": sorted(formats), "page_base": page_base,
                           "sources": list(source_suffixes), "suffixes": list(output_suffixes())}
        save_manifest(output, manifest)
    summary.seconds = time.monotonic() - started
    stream.write(summary.line() + "\n")
    stream.flush()
    return summary


def _still_true(check: Check | None, output: Path, sources: list[Path], stamp: str, toolchain: str, *,
                force: bool) -> bool:
    """May the build take over what the start-up check read?  Only for the same options, toolchain,
    sources and table of outputs, and a manifest no other build has rewritten since."""
    if check is None or check.plan is None or force:
        return False
    recorded = (check.manifest or {}).get(QUIET) or {}
    return (check.stamp == stamp and check.toolchain == toolchain and check.sources == sources
            and check.manifest_stat == manifest_stat(output)
            and set(recorded.get("suffixes") or ()) == set(output_suffixes()))


def _current_entries(manifest: dict, sources: list[Path]) -> list[dict]:
    """The manifest's records of the sources still in the folder, each with its ``id``: what the collection pages list."""
    current = {src.stem for src in sources}
    return [{"id": doc_id, **entry} for doc_id, entry in manifest["documents"].items() if doc_id in current]


def parts_to_repair(manifest: dict, now: dict[str, str], *, force: bool) -> set[str]:
    """The collection parts whose files are not what the last pass left (or all, with ``--force``).

    Why: each part keeps its own state and skips what it believes is done, so a truncated
    DTS answer, entity page or search shard would otherwise survive every rebuild.
    """
    if force:
        return set(COLLECTION_PARTS)
    recorded = manifest.get("collection") if isinstance(manifest.get("collection"), dict) else {}
    return {part for part in COLLECTION_PARTS if recorded.get(part) != now[part]}


def record_outputs(output: Path, manifest: dict, fingerprints: dict[str, str], *, changed=None) -> None:
    """Remember what this build left: the outputs' sizes and mtimes of the documents that ``changed`` (built,
    or a page given a new bar by the site pass; None: all) or have none recorded, and each collection part's
    fingerprint.  (Stat-ing every document's outputs after one edit was 1 s of 13 at 3,000 documents.)"""
    for doc_id, entry in manifest["documents"].items():
        if changed is None or doc_id in changed or "files" not in entry:
            entry["files"] = output_stats(output, entry.get("outputs", ()))
    manifest["collection"] = fingerprints


def publish_dts(output: Path, manifest: dict, sources: list[Path], *, base_url: str | None,
                stream: TextIO, time_limit: float | None = None, force: bool = False) -> None:
    """The collection as a static Distributed Text Services API under ``dts/`` (see ``dts.py``)."""
    write_dts(output, _current_entries(manifest, sources), base_url=base_url, time_limit=time_limit,
              warn=lambda line: stream.write(printable(line) + "\n"), force=force)


def publish_entity_pages(output: Path, manifest: dict, sources: list[Path], *, stream: TextIO,
                         force: bool = False, fresh=frozenset()) -> None:
    """One page per person, organisation and place the collection names, under ``entities/``
    (``fresh``: the documents built in this run, whose shares the workers just wrote)."""
    write_entity_pages(output, _current_entries(manifest, sources),
                       warn=lambda line: stream.write(printable(line) + "\n"), force=force, fresh=fresh)


def write_collection(output: Path, manifest: dict, sources: list[Path], *, force: bool = False,
                     toolchain: str = "") -> set[str]:
    """Write ``catalogue.json`` and ``catalogue.csv``, then the site (``index.html``, search, page bars);
    return the documents whose page got a new bar.

    The catalogue is serialised only when its rows (or the toolchain) changed since the last build
    (``CATALOGUE`` in the manifest: a hash of them): a body word edited leaves every row as it was,
    and writing 10,000 rows as indented JSON and CSV took seconds.
    """
    rows = catalogue_rows(_current_entries(manifest, sources))
    digest = hashlib.sha256((toolchain + json.dumps(rows, ensure_ascii=False, sort_keys=True))
                            .encode("utf-8", "surrogatepass")).hexdigest()
    names = ("catalogue.json", "catalogue.csv")
    if force or manifest.get(CATALOGUE) != digest or not all((output / name).is_file() for name in names):
        for name, text in zip(names, (catalogue_json(rows), catalogue_csv(rows))):
            write_if_changed(output / name, text.encode("utf-8"))
    manifest[CATALOGUE] = digest
    return write_site(output, rows, force=force)
