"""The collection passes' set-up runs while the workers build, never when nothing is built.

Why: after the last document the main process works alone on one core; compiling the
stylesheets and loading the authority there (about 1.3 s) kept ``-j 2`` from doubling.
An unchanged rebuild must still start no XSLT processor at all.
"""

from teiedition.building import build as build_module
from teiedition.building.document import Task


def _tasks(n):
    return [Task(f"d{i}", f"d{i}.txt", "out", False, "2026-01-01") for i in range(n)]


def test_prepared_meanwhile_with_workers(monkeypatch):
    calls = []
    monkeypatch.setattr(build_module, "_prepare_passes", lambda: calls.append("prepared"))
    thread = build_module.prepare_passes_meanwhile(_tasks(3), 2, "local")
    assert thread is not None
    thread.join()
    assert calls == ["prepared"]


def test_not_prepared_when_nothing_is_built_or_built_here(monkeypatch):
    monkeypatch.setattr(build_module, "_prepare_passes", lambda: (_ for _ in ()).throw(AssertionError))
    assert build_module.prepare_passes_meanwhile([], 2, "local") is None        # unchanged rebuild
    assert build_module.prepare_passes_meanwhile(_tasks(5), 1, "local") is None  # -j 1: this process builds
    assert build_module.prepare_passes_meanwhile(_tasks(1), 2, "local") is None  # one document: built here too
