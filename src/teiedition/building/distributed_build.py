"""Build documents on a Dask distributed cluster (``build --executor dask``).

Why: an archive of 100,000 pages with PDFs is hours of work on one machine;
Dask distributed is an existing, well-kept engine that spreads Python tasks
over the cores of many machines, with a scheduler the user may already run.
We chose it over Ray: it is pure Python from PyPI (Ray ships a large native
runtime per platform), runs a LocalCluster with nothing to set up (used by
the tests), and its task model (submit a function, collect futures as they
finish) is the one the local pool already has.

Workers need teiedition (same version and stylesheets) but no shared
folder: each task carries the source's bytes, the worker builds it in a
temporary folder with the same pipeline as a local build, and returns the
output files' bytes; this process writes them (atomically) and keeps the
manifest.  So the output is byte-identical whatever the executor or the
number of workers, and incremental rebuilds work exactly as locally.  A
worker whose toolchain differs from ours (another version, edited
stylesheets) is refused, since its outputs would not match the build key.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..files import atomic_write
from ..safexml import read_bytes
from ..timelimit import DocumentTimeout, time_limit
from .document import SETUP_FAILED, DocResult, PipelineSetupError, build_document, make_stages, remove_files, \
    setup_failed
from .manifest import toolchain_digest
from .outputs import is_share, stale_files

#: Tasks queued per worker (as in the local pool): workers stay busy, memory stays flat.
IN_FLIGHT_PER_WORKER = 4
#: Seconds to wait for a scheduler or for the first worker.
CONNECT_TIMEOUT = 10

_local = threading.local()


def _stages_on_worker(factory: Callable, pdf: bool):
    """The pipeline of this worker thread, compiled on its first task and kept."""
    cache = getattr(_local, "stages", None)
    if cache is None or cache[0] != (factory, pdf):
        _local.stages = cache = ((factory, pdf), make_stages(factory, pdf))
    return cache[1]


def _toolchain() -> str:
    digest = getattr(_toolchain, "digest", None)
    if digest is None:
        digest = _toolchain.digest = toolchain_digest()
    return digest


def build_remote(task, data: bytes, factory: Callable, pdf: bool, toolchain: str, previous: bytes | None = None):
    """Run on a worker: build one source from its bytes; return (result, {file name: bytes}).

    ``previous`` is the TEI the output folder already holds (when no run date
    was asked for, a TEI that differs only by its date keeps that date).
    """
    if _toolchain() != toolchain:
        return DocResult(task.doc_id, SETUP_FAILED,
                         f"a Dask worker ({os.uname().nodename}) runs another teiedition toolchain "
                         "(version, code or stylesheets differ): install the same teiedition on every worker"), {}
    try:
        stages = _stages_on_worker(factory, pdf)
    except PipelineSetupError as exc:
        return setup_failed(task, exc), {}
    with tempfile.TemporaryDirectory(prefix="teiedition-") as tmp:
        source = Path(tmp) / "src" / Path(task.source).name
        source.parent.mkdir()
        source.write_bytes(data)
        out = Path(tmp) / "out"
        out.mkdir()
        if previous is not None:
            (out / f"{task.doc_id}.xml").write_bytes(previous)
        made: dict[str, bytes] = {}

        def keep(path: Path, data: bytes | str) -> None:
            """Outputs stay in memory: they travel back as bytes (no file written here to read back)."""
            made[Path(path).relative_to(out).as_posix()] = data.encode("utf-8") if isinstance(data, str) else data

        result = build_document(dataclasses.replace(task, source=str(source), output=str(out)), stages, keep)
        files = {name: made[name] for name in result.outputs + result.shares}
    warnings = tuple(w.replace(str(source), task.source) for w in result.warnings)
    reason = result.reason.replace(str(source), task.source)
    return DocResult(result.doc_id, result.status, reason, result.outputs, result.record, warnings,
                     result.shares), files


def _client_of(Client, scheduler: str):
    """A client of the scheduler at ``scheduler``, or one clear line saying why there is none.

    Why: an address that is not a Dask scheduler (its dashboard, any HTTP port) answers the
    handshake with bytes Dask reads as a frame length of petabytes (``MemoryError``), or never
    answers at all; neither may end in an internal error or a build that waits forever.
    """
    not_dask = (f"{scheduler} did not answer as a Dask scheduler (a dashboard or another service?); "
                "a scheduler listens on tcp://HOST:8786 by default")
    try:
        with time_limit(CONNECT_TIMEOUT * 3):
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except DocumentTimeout:
        raise InputError(not_dask + f" (no answer within {CONNECT_TIMEOUT * 3} s)") from None
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    except ValueError as exc:
        raise InputError(f"--scheduler {scheduler!r} is not a scheduler address: {exc}") from None
    except Exception as exc:  # the reply was not Dask's protocol (MemoryError: a "frame" of petabytes)
        raise InputError(f"{not_dask} ({type(exc).__name__})") from None


def connect(scheduler: str | None, workers: int):
    """A Dask client: to ``scheduler`` (``tcp://host:8786``), else to a new LocalCluster of ``workers``."""
    try:  # lazy: Dask is an optional extra, and a heavy import a local build never needs
        from distributed import Client, LocalCluster  # noqa: PLC0415
    except ImportError:
        raise InputError("--executor dask needs Dask distributed: pip install 'teiedition[dask]'") from None
    if scheduler:
        return _client_of(Client, scheduler)
    # one thread per worker process: the XSLT runner serialises a process's threads anyway
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_on_dask(tasks: list, stages: Callable, pdf: bool, record: Callable, checkpoint: Callable[[], None],
                *, output: Path, scheduler: str | None, workers: int, checkpoint_seconds: float) -> None:
    """Build ``tasks`` on Dask; write each result's files here, then ``record`` it (as the local pool does)."""
    client, cluster = connect(scheduler, workers)
    try:
        from distributed import as_completed  # noqa: PLC0415 - lazy, as in connect()

        if scheduler:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        slots = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        toolchain = toolchain_digest()
        queue = iter(tasks)
        running = as_completed()
        pending: dict = {}

        def submit(n: int) -> None:
            for task in itertools.islice(queue, n):
                try:
                    data = read_bytes(task.source)
                except Exception as exc:  # unreadable here: fail this document only
                    record(DocResult(task.doc_id, "failed", str(exc).replace(f"{task.source}: ", "")))
                    continue
                previous = None
                if task.keep_date:
                    with contextlib.suppress(OSError):
                        previous = (output / f"{task.doc_id}.xml").read_bytes()
                future = client.submit(build_remote, task, data, stages, pdf, toolchain, previous, pure=False,
                                       key=f"teiedition-build-{task.doc_id}-{time.monotonic_ns()}")
                pending[future] = task
                running.add(future)

        last = time.monotonic()
        try:
            submit(slots)
            for future in running:
                task = pending.pop(future)
                try:
                    result, files = future.result()
                except Exception as exc:  # a worker died or the result could not travel
                    result, files = DocResult(task.doc_id, "failed",
                                              f"Dask task failed: {type(exc).__name__}: {exc}"), {}
                for name, data in files.items():
                    if Path(name).name == name:
                        atomic_write(output / name, data)
                    elif is_share(name):  # a collection pass's share: into its cache folder
                        (output / name).parent.mkdir(parents=True, exist_ok=True)
                        atomic_write(output / name, data)
                if result.status in ("valid", "invalid"):
                    remove_files(output, stale_files(task.doc_id, files))
                record(result)
                submit(1)
                if time.monotonic() - last > checkpoint_seconds:
                    checkpoint()
                    last = time.monotonic()
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
