"""The local executor: build tasks in this process (one job) or in a pool of worker processes.

Why: most builds run on one machine; a pool of fresh processes, each with the
pipeline compiled once, uses every core.  It imports only the per-document
step (``document``), as the Dask executor does.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from .document import DocResult, PipelineSetupError, Task, build_document, make_stages, setup_failed

#: Tasks queued per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4


def run_tasks(tasks: list[Task], stages: Callable, pdf: bool, jobs: int, record: Callable[[DocResult], None],
              checkpoint: Callable[[], None], checkpoint_seconds: float) -> None:
    """Build the tasks here (one job) or in ``jobs`` workers; ``record`` each result; checkpoint as we go."""
    if not tasks:
        return
    jobs = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    jobs = min(jobs, len(tasks))
    last = time.monotonic()
    if jobs == 1:
        local = make_stages(stages, pdf)
        for task in tasks:
            record(build_document(task, local))
            if time.monotonic() - last > checkpoint_seconds:
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
                done, _ = wait(pending, timeout=checkpoint_seconds, return_when=FIRST_COMPLETED)
                for future in done:
                    record(_result_of(future, pending.pop(future)))
                refill()
                if time.monotonic() - last > checkpoint_seconds:
                    checkpoint()
                    last = time.monotonic()
        except BrokenProcessPool:  # the pool broke while tasks were being submitted
            for future, task in pending.items():
                record(_result_of(future, task))
            for task in queue:
                record(DocResult(task.doc_id, "failed", "worker process died (out of memory or killed)"))
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
