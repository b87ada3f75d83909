"""Is there anything to build?  Answered before the pipeline is imported.

Why: an unchanged rebuild of 10,000 documents should take under two seconds on
the command line, and importing the pipeline (lxml, the validators, the
renderers, WeasyPrint's modules) alone takes about a second.  ``teiedition
build`` asks ``unchanged_build`` first; it imports only the manifest's module
and answers "nothing to do" only where the full build would do nothing either:

- the options are those of a build that ran to its end (``QUIET`` in the
  manifest, recorded by ``build``: a hash of the raw options, so options that
  were valid then are valid now, and what they normalise to);
- every source is in the manifest, valid, under the same build key, with its
  outputs intact (``manifest.plan_build``, the same check as the full build);
  no source removed, no hidden or doubled name (those print a line);
- no collection part missing or damaged, no passes pending, no temporary
  file a killed build left, the folder writable and not locked by a build.

Anything else, and the full build runs and says what it must.  This module
reads and stats; it never writes or deletes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .manifest import (MANIFEST_NAME, PASSES_PENDING, QUIET, FolderWalk, Plan, absent_parts, collection_fingerprints,
                       find_sources, leftover_temp_files, load_manifest, output_lock, plan_build, toolchain_digest)


@dataclass
class Summary:
    """What a build did, for its last line and for callers."""

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


def options_stamp(source: Path, *, pdf: bool, formats, run_date: str | None, base_url: str | None,
                  executor: str, scheduler: str | None) -> str:
    """One hash over a build's raw options (as given, before any check) and the source folder.

    ``SOURCE_DATE_EPOCH`` counts too: without ``--run-date`` the build checks it.
    """
    raw = [str(Path(source).resolve()), bool(pdf), sorted(formats), run_date, base_url, executor, scheduler,
           os.environ.get("SOURCE_DATE_EPOCH", "")]
    return hashlib.sha256(json.dumps(raw).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Check:
    """What the start-up check found: ``count`` documents when nothing is to be done (else None), and
    what it read on the way (the manifest, the sources, the collection's fingerprints, the plan) for
    the full build to take over instead of reading it all again (``build.run_build``'s ``check``)."""

    stamp: str
    count: int | None = None
    toolchain: str = ""
    manifest: dict | None = None
    manifest_stat: tuple | None = None
    sources: list[Path] | None = None
    fingerprints: dict | None = None
    walk: FolderWalk | None = None
    plan: Plan | None = None


def manifest_stat(output: Path) -> tuple | None:
    """The manifest file's identity now (another build in between would have rewritten it)."""
    try:
        st = os.stat(output / MANIFEST_NAME)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def unchanged_build(source: Path, output: Path, stamp: str, *, toolchain: str | None = None) -> int | None:
    """How many documents an unchanged collection has, or None when the full build must run.

    ``stamp``: ``options_stamp`` of this build's options; ``toolchain``: the build key's
    toolchain part (computed when not given).
    """
    return check_build(source, output, stamp, toolchain=toolchain).count


def check_build(source: Path, output: Path, stamp: str, *, toolchain: str | None = None) -> Check:
    """``unchanged_build``, keeping what was read (``Check``)."""
    check = Check(stamp)
    source, output = Path(source), Path(output)
    if not (output / MANIFEST_NAME).is_file() or not os.access(output, os.W_OK | os.X_OK):
        return check
    check.manifest_stat = manifest_stat(output)
    manifest = load_manifest(output)
    quiet = manifest.get(QUIET)
    if not isinstance(quiet, dict) or quiet.get("options") != stamp or manifest.get(PASSES_PENDING):
        return check
    try:
        if output.resolve() == source.resolve():
            return check  # built into its own folder: its .xml files are outputs, the full build sorts them out
        sources = find_sources(source, tuple(quiet.get("sources") or ()))
        with output_lock(output):
            _check(check, sources, output, manifest, quiet, toolchain or toolchain_digest())
    except (InputError, OSError):  # no sources, a busy folder: the full build says so
        check.count = None
    return check


def _check(check: Check, sources: list[Path], output: Path, manifest: dict, quiet: dict, toolchain: str) -> None:
    stems = {src.stem for src in sources}
    if len(stems) != len(sources) or any(src.name.startswith(".") for src in sources):
        return  # a hidden file or two sources of one name: the full build prints a line for each
    if leftover_temp_files(output):
        return
    check.walk = FolderWalk()
    check.fingerprints = collection_fingerprints(output, walk=check.walk)
    plan = plan_build(sources, output, manifest, toolchain, pdf=bool(quiet.get("pdf")), force=False,
                      base_url=str(quiet.get("page_base") or ""), formats=frozenset(quiet.get("formats") or ()))
    check.toolchain, check.manifest, check.sources, check.plan = toolchain, manifest, sources, plan
    if not (plan.todo or plan.removed or absent_parts(output)) and manifest.get("collection") == check.fingerprints:
        check.count = len(plan.unchanged)
