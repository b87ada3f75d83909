"""The collection passes run when something changed, and only then.

Why: at 10,000 documents an unchanged rebuild spent most of its 12 s in passes that
wrote nothing; a build stopped between its documents and its passes must still get them.
"""

import io
import json
import shutil

from conftest import DEV_CORPUS
from teiedition.building import build as build_module


def _two_documents(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for doc_id in ("dev05", "dev07"):
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")

    def run():
        return build_module.run_build(src, out, jobs=1, pdf=False, progress=False, stream=io.StringIO(),
                                      run_date="2026-01-01")
    return src, out, run


def test_an_unchanged_rebuild_runs_no_collection_pass(tmp_path, monkeypatch):
    """At 10,000 documents the passes took most of an unchanged rebuild's 12 s, to write nothing."""
    src, out, run = _two_documents(tmp_path)
    run()
    for name in ("publish_dts", "publish_entity_pages", "write_collection"):
        monkeypatch.setattr(build_module, name, lambda *a, _n=name, **k: (_ for _ in ()).throw(AssertionError(_n)))
    assert run().unchanged == 2


def test_passes_stopped_by_a_crash_run_on_the_next_build_even_with_nothing_to_build(tmp_path, monkeypatch):
    src, out, run = _two_documents(tmp_path)
    run()
    text = (src / "dev07.txt").read_text(encoding="utf-8")
    (src / "dev07.txt").write_text(text.replace("\n", "\nEdited first line.\n", 1), encoding="utf-8")
    real = build_module.write_collection
    monkeypatch.setattr(build_module, "write_collection", lambda *a, **k: (_ for _ in ()).throw(OSError("crash")))
    try:
        run()
    except OSError:
        pass
    monkeypatch.setattr(build_module, "write_collection", real)
    before = (out / "catalogue.json").read_bytes()
    summary = run()  # dev07 is built already: only the passes are left to do
    assert summary.built == 0 and summary.unchanged == 2
    assert (out / "catalogue.json").read_bytes() != before
    assert "passes-pending" not in json.loads((out / ".teiedition-build.json").read_text(encoding="utf-8"))
