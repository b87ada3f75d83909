"""The start-up check (``building/unchanged.py``): nothing to build is answered before the pipeline loads.

What a user notices: ``teiedition build`` on an unchanged collection prints its summary at once
and touches no file; any change the full build would act on (an edited, added or removed
source, a damaged output or collection file, other options, a stopped build) still gets it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teiedition.building import manifest as manifestmod
from teiedition.building.manifest import MANIFEST_NAME, PASSES_PENDING
from teiedition.building.unchanged import check_build, options_stamp, unchanged_build
from teiedition.files import atomic_write

from test_build import mtimes, run, three_sources


def _stamp(src: Path, **options) -> str:
    raw = {"pdf": True, "formats": (), "run_date": "2026-01-01", "base_url": None, "executor": "local",
           "scheduler": None, **options}
    return options_stamp(src, **raw)


def _first_dts_answer(out: Path) -> Path:
    return next(p for p in sorted((out / "dts").rglob("*.jsonld")) if p.parent.name == "a")


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _pending(out: Path) -> None:
    data = json.loads((out / MANIFEST_NAME).read_text())
    data[PASSES_PENDING] = True
    (out / MANIFEST_NAME).write_text(json.dumps(data))


#: Each change the full build acts on, as (what it does to the source folder ``src`` and output ``out``).
CHANGES = {
    "edited source": lambda src, out: (src / "a.txt").write_text((src / "a.txt").read_text() + "More.\n"),
    "added source": lambda src, out: (src / "d.txt").write_text((src / "a.txt").read_text()),
    "removed source": lambda src, out: (src / "c.txt").unlink(),
    "hidden source": lambda src, out: (src / ".x.txt").write_text("hidden"),
    "truncated page": lambda src, out: _truncate(out / "a.html"),
    "deleted TEI": lambda src, out: (out / "b.xml").unlink(),
    "truncated DTS answer": lambda src, out: _truncate(_first_dts_answer(out)),
    "deleted entity index": lambda src, out: (out / "entities" / "index.html").unlink(),
    "deleted catalogue": lambda src, out: (out / "catalogue.csv").unlink(),
    "passes pending": lambda src, out: _pending(out),
    "killed build's temporary file": lambda src, out: (out / ".a.html.x1y2.tmp").write_text("half"),
    "corrupt manifest": lambda src, out: (out / MANIFEST_NAME).write_text("{not json"),
}


@pytest.fixture()
def built(tmp_path):
    src, out = three_sources(tmp_path), tmp_path / "out"
    summary, said = run(src, out)
    assert summary.built == 3, said
    return src, out


def test_an_unchanged_collection_is_answered_from_the_manifest(built):
    src, out = built
    assert unchanged_build(src, out, _stamp(src)) == 3
    os.utime(src / "a.txt", ns=(1, 1))  # a fresh checkout: the bytes are hashed, the same
    assert unchanged_build(src, out, _stamp(src)) == 3


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_change_the_full_build_acts_on_goes_to_the_full_build(built, change):
    src, out = built
    CHANGES[change](src, out)
    assert unchanged_build(src, out, _stamp(src)) is None
    run(src, out)  # the full build acts (builds, removes, repairs), and the next one is answered again
    after = {"added source": 4, "removed source": 2, "hidden source": None}.get(change, 3)  # a hidden file: warned each time
    assert unchanged_build(src, out, _stamp(src)) == after


@pytest.mark.parametrize("options", [{"pdf": False}, {"formats": ("epub",)}, {"run_date": "2026-02-02"},
                                     {"base_url": "https://example.org/"}, {"executor": "dask"}])
def test_other_options_go_to_the_full_build(built, options):
    src, out = built
    assert unchanged_build(src, out, _stamp(src, **options)) is None


def test_a_folder_another_build_is_writing_goes_to_the_full_build(built):
    src, out = built
    with manifestmod.output_lock(out):
        assert unchanged_build(src, out, _stamp(src)) is None


def test_an_unchanged_rebuild_on_the_command_line_loads_no_pipeline_and_touches_nothing(built):
    """The CLI answers from the manifest alone: the summary, exit 0, no file written, lxml never imported."""
    src, out = built
    before = mtimes(out), (out / MANIFEST_NAME).read_bytes()
    probe = ("import sys\nfrom teiedition.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n"
             "    print('exit', exc.code, 'lxml' in sys.modules, 'teiedition.building.build' in sys.modules)\n")
    args = ["build", str(src), "-o", str(out), "-j", "1", "--run-date", "2026-01-01", "--no-progress"]
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                          env={**os.environ, "CI": "1"})
    assert done.stdout.strip() == "exit 0 False False", done.stderr
    assert done.stderr.startswith("build: 0 built, 3 unchanged, 0 invalid, 0 failed, 0 removed in ")
    assert (mtimes(out), (out / MANIFEST_NAME).read_bytes()) == before


def _counting_loads(monkeypatch) -> list:
    from teiedition.building import build as buildmod

    loads = []
    real = buildmod.load_manifest
    monkeypatch.setattr(buildmod, "load_manifest", lambda *a, **k: loads.append(a) or real(*a, **k))
    return loads


def test_the_full_build_takes_over_what_the_start_up_check_read(built, monkeypatch):
    """An edit: the check read the manifest, the fingerprints and the plan; the build does not read them again."""
    src, out = built
    (src / "a.txt").write_text((src / "a.txt").read_text() + "More.\n")
    check = check_build(src, out, _stamp(src))
    assert check.count is None and check.plan is not None
    loads = _counting_loads(monkeypatch)
    summary, said = run(src, out, check=check)
    assert (summary.built, summary.unchanged) == (1, 2), said
    assert loads == []
    assert unchanged_build(src, out, _stamp(src)) == 3


def test_what_the_check_read_is_not_taken_over_once_another_build_changed_the_manifest(built, monkeypatch):
    src, out = built
    (src / "a.txt").write_text((src / "a.txt").read_text() + "More.\n")
    check = check_build(src, out, _stamp(src))
    run(src, out)  # another build in between
    (src / "b.txt").write_text((src / "b.txt").read_text() + "More.\n")
    loads = _counting_loads(monkeypatch)
    summary, said = run(src, out, check=check)
    assert (summary.built, summary.unchanged) == (1, 2), said  # b, read afresh (the check's plan had a)
    assert len(loads) == 1


def test_an_archives_dts_lists_are_made_again_only_when_what_they_list_changed(built, monkeypatch):
    """A body word edited: no DTS list is made again (its Resource is the same); a title edited: its archive's
    lists are, and they are what a whole pass makes."""
    from teiedition.building import dts

    src, out = built
    made = []
    real = dts.collection_pages
    monkeypatch.setattr(dts, "collection_pages", lambda site, cid, *a, **k: made.append(cid) or real(site, cid, *a, **k))
    (src / "a.txt").write_text((src / "a.txt").read_text().replace("Body text.", "Body text, edited."))
    summary, said = run(src, out)
    assert summary.built == 1 and made == [], said
    (src / "a.txt").write_text((src / "a.txt").read_text().replace("Letter A", "Letter A, retitled"))
    summary, said = run(src, out)
    assert summary.built == 1 and set(made) == {"archive-rgani"}, (made, said)
    lists = {p: p.read_bytes() for p in (out / "dts").rglob("collection*.jsonld")}
    entries = json.loads((out / MANIFEST_NAME).read_text())["documents"]
    dts.write_dts(out, [{"id": d, **e} for d, e in entries.items()], force=True)
    assert {p: p.read_bytes() for p in (out / "dts").rglob("collection*.jsonld")} == lists


def test_the_catalogue_is_written_again_only_when_a_row_changed(built, monkeypatch):
    """A body word edited leaves every catalogue row as it was: not serialised again; a title edited: it is,
    and the catalogue shows the new title; a catalogue deleted by hand is made again."""
    from teiedition.building import build as buildmod

    src, out = built
    made = []
    real = buildmod.catalogue_json
    monkeypatch.setattr(buildmod, "catalogue_json", lambda rows: made.append(len(rows)) or real(rows))
    (src / "a.txt").write_text((src / "a.txt").read_text().replace("Body text.", "Body text, edited."))
    summary, said = run(src, out)
    assert summary.built == 1 and made == [], said
    (src / "a.txt").write_text((src / "a.txt").read_text().replace("Letter A", "Letter A, retitled"))
    summary, said = run(src, out)
    assert summary.built == 1 and made == [3], said
    titles = {d["title"] for d in json.loads((out / "catalogue.json").read_text())["documents"]}
    assert "Letter A, retitled" in titles
    (out / "catalogue.json").unlink()
    run(src, out)
    assert made == [3, 3] and json.loads((out / "catalogue.json").read_text())["count"] == 3


def test_the_fingerprints_after_the_passes_list_again_only_the_folders_that_changed(tmp_path, monkeypatch):
    """Issue 19: after one edit of 10,000 documents the second fingerprint walk stat-ed some 66,000
    files again.  A folder whose mtime is the one the first walk saw (every pass write is a rename)
    is taken as it was; a changed, new or recently changed one is listed again, and the result is
    the fingerprint a walk of every file gives."""
    out = tmp_path / "out"
    for part in ("dts/a", "dts/b", "entities/.cache", "assets/search/text"):
        (out / part).mkdir(parents=True)
        for n in range(3):
            (out / part / f"f{n}.json").write_text(str(n), encoding="utf-8")
    (out / "index.html").write_text("x", encoding="utf-8")
    hour_ago = time.time() - 3600
    for folder in [out, *(p for p in out.rglob("*") if p.is_dir())]:
        os.utime(folder, (hour_ago, hour_ago))
    now = time.time()
    os.utime(out / "entities" / ".cache", (now, now))  # changed just before the walk: not trusted
    walk = manifestmod.FolderWalk()
    first = manifestmod.collection_fingerprints(out, walk=walk)
    atomic_write(out / "dts" / "b" / "f1.json", b"changed")
    (out / "dts" / "c").mkdir()
    listed = []
    real = manifestmod._list_folder
    monkeypatch.setattr(manifestmod, "_list_folder", lambda path, name: listed.append(name) or real(path, name))
    second = manifestmod.collection_fingerprints(out, since=walk)
    monkeypatch.undo()
    assert second == manifestmod.collection_fingerprints(out) != first
    assert sorted(listed) == ["dts", "dts/b", "dts/c", "entities/.cache"]
