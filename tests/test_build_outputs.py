"""The table of per-document outputs (``building/outputs.py``): adding an output is one row.

A toy row registered in the table is built for every valid document, recorded
in the manifest, listed in the catalogue when it has a column, and removed
when its source goes; the executors and the manifest need no other change.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

from teiedition.building import outputs
from teiedition.building.build import run_build
from teiedition.building.catalogue import fields
from teiedition.building.manifest import MANIFEST_NAME, load_manifest

from test_build_fakes import FakeStages, fake_source


def _toy(doc: outputs.Document) -> dict:
    words = len(" ".join(doc.tree.getroot().itertext()).split())
    return {f"{doc.doc_id}.words.txt": f"{words}\n"}


TOY = outputs.Output("words", (".words.txt",), _toy, after=("tei",), column="words")


def _build(src: Path, out: Path, **options) -> str:
    stream = io.StringIO()
    run_build(src, out, jobs=1, stages=FakeStages, progress=False, stream=stream, run_date="2026-01-01",
              **options)
    return stream.getvalue()


def _sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(fake_source("Letter A", body="one two three"), encoding="utf-8")
    (src / "b.txt").write_text(fake_source("Letter B", body="INVALID here"), encoding="utf-8")
    return src


def test_a_new_row_is_built_recorded_catalogued_and_removed_when_stale(tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "OUTPUTS", outputs.OUTPUTS + (TOY,))
    src, out = _sources(tmp_path), tmp_path / "out"
    _build(src, out, pdf=False)

    assert int((out / "a.words.txt").read_text()) >= 3  # the row read the tree the worker holds
    assert not (out / "b.words.txt").exists(), "a row that needs a valid TEI was made for an invalid one"
    manifest = load_manifest(out)  # the manifest trusts the new suffix: the entry survives a reload
    assert "a.words.txt" in manifest["documents"]["a"]["outputs"]
    row = next(d for d in json.loads((out / "catalogue.json").read_text())["documents"] if d["id"] == "a")
    assert row["words"] == "a.words.txt"

    (src / "a.txt").unlink()
    _build(src, out, pdf=False)
    assert not (out / "a.words.txt").exists(), "the removed source's new output was left behind"
    assert "a" not in json.loads((out / MANIFEST_NAME).read_text())["documents"]


def test_a_row_whose_format_is_not_chosen_is_not_made_and_its_old_file_goes(tmp_path, monkeypatch):
    optional = dataclasses.replace(TOY, option="words")
    monkeypatch.setattr(outputs, "OUTPUTS", outputs.OUTPUTS + (optional,))
    src, out = _sources(tmp_path), tmp_path / "out"
    _build(src, out, pdf=False, formats=("words",))
    assert (out / "a.words.txt").is_file()
    _build(src, out, pdf=False)  # the format is no longer chosen: the key changed, the file goes
    assert not (out / "a.words.txt").exists()


def test_the_build_order_follows_what_each_row_needs():
    order = [row.name for row in outputs.build_order()]
    assert order.index("html") > order.index("pdf") and order.index("html") > order.index("citations")
    assert order.index("tei") < order.index("html")


def test_the_manifest_and_catalogue_read_the_table():
    assert set(outputs.suffixes()) >= {".xml", ".html", ".pdf", ".epub", ".validation.json", ".bib"}
    assert fields()[-5:] == ("tei", "html", "pdf", "epub", "validation")


def test_the_entity_pass_reads_the_workers_share_not_the_tei(tmp_path, monkeypatch):
    """One document, one parse: the worker leaves its entity mentions in the pass's cache."""
    from teiedition.building import entity_pages

    parsed = []
    real = entity_pages.parse_xml_file
    monkeypatch.setattr(entity_pages, "parse_xml_file", lambda path, *a, **k: parsed.append(path) or real(path, *a, **k))
    src, out = _sources(tmp_path), tmp_path / "out"
    _build(src, out, pdf=False)
    assert parsed == [], "the entity pass parsed a TEI the worker had already read"
    manifest = load_manifest(out)
    cached = json.loads((out / "entities" / ".cache" / "a.json").read_text(encoding="utf-8"))
    assert cached["key"] == manifest["documents"]["a"]["key"] and cached["title"] == "Letter A"
    assert not (out / "entities" / ".cache" / "b.json").exists(), "an invalid document is not on the entity pages"
