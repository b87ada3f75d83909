"""A time limit on one piece of work (a document's build, a conversion, a rendering).

Why: one crafted source must not block a worker forever; the work fails as
``file: reason`` and the others go on.  It sits beside ``errors`` and ``files``
(below converting, rendering and building) because all three use it: a layer
must not import the one above it to borrow a timer.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading


class DocumentTimeout(BaseException):
    """Raised inside the limited block past its time limit (not an ``Exception``: no stage may swallow it)."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Interrupt the block after ``seconds`` (0 or less: no limit).

    In a process's main thread (local workers) a SIGALRM timer raises
    ``DocumentTimeout``; in any other thread (a Dask worker runs tasks in a
    thread pool) a timer thread raises it in the limited thread with
    ``PyThreadState_SetAsyncExc``.  Either way it arrives between two Python
    bytecodes, so a long call into C finishes first.
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
