"""Incremental builds for real: editing, adding or removing one document rewrites only what depends on it.

Runs the real pipeline (no PDFs) on six dev-corpus documents, then edits one,
adds one and removes one, and compares every file of the output folder
before and after each build (inode and mtime: an atomic write makes a new
file).  What may change is the document's own files, the entity pages of
the names it mentions, the search shards of its words, the collection lists
(catalogue, index, DTS collections) and its neighbours' navigation bars;
nothing else.  The build's own caches (manifest, site cache, DTS state,
entity cache) are not part of the published site and are left out.
"""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

import pytest

from conftest import DEV_CORPUS
from teiedition.building import dts, entity_pages, site
from teiedition.building.build import run_build
from teiedition.building.manifest import collection_fingerprints
from teiedition.building.minisearch_index import shard_name
from teiedition.building.search_shards import read_script

FIRST = ("dev01", "dev02", "dev03", "dev05", "dev07", "dev12")
#: The build's caches: remembered state, never published pages.
CACHES = (".teiedition-build.json", ".teiedition-site.json", "dts/.state.json", "entities/.cache/")
#: Rewritten on every change to the collection: the lists of documents.
LISTS = {"catalogue.json", "catalogue.csv", "index.html", "assets/search/meta.js", "entities/index.html"}


def build(src: Path, out: Path) -> None:
    summary = run_build(src, out, jobs=1, pdf=False, progress=False, stream=io.StringIO(), run_date="2026-01-01")
    assert summary.failed == summary.invalid == 0


def snapshot(out: Path) -> dict[str, tuple]:
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
            for p in out.rglob("*") if p.is_file() and not p.relative_to(out).as_posix().startswith(CACHES)}


def rewritten(before: dict, after: dict) -> set[str]:
    """Files made, changed or deleted (a file written again with the same bytes counts as rewritten)."""
    return ({name for name in after if name not in before or before[name][:2] != after[name][:2]}
            | (set(before) - set(after)))


def own(doc_id: str, names) -> set[str]:
    """The document's own files: its outputs, its DTS folder, its search text and shard digests."""
    return {n for n in names if n.startswith((f"{doc_id}.", f"dts/{doc_id}/"))
            or n in (f"assets/search/text/{doc_id}.js", f".teiedition-search/{doc_id}.json")}


def mentions(out: Path, doc_id: str) -> set[str]:
    """The entity pages of the names a document mentions (from the entity pass's per-document cache)."""
    entries = json.loads((out / "entities" / ".cache" / f"{doc_id}.json").read_text(encoding="utf-8"))["entries"]
    return {f"entities/{entity}.html" for entity in entries}


def shards(snap: dict, *doc_ids: str) -> set[str]:
    """The search shards holding a document's words (the keys of its shard digests in a ``snapshot``)."""
    return {f"assets/search/terms/{shard_name(k)}" for d in doc_ids
            for k in json.loads(snap[f".teiedition-search/{d}.json"][2])}


def site_state(out: Path) -> dict:
    return json.loads((out / ".teiedition-site.json").read_text(encoding="utf-8"))


def numbers(out: Path) -> dict[str, int]:
    """Each document's number in the search data (MiniSearch's short id)."""
    return {row[0]: n for n, row in enumerate(read_script(out / "assets" / "search" / "meta.js")["documents"])}


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A collection built, then one document edited, one added, one removed: the folder after each build."""
    tmp = tmp_path_factory.mktemp("incremental")
    src, out = tmp / "src", tmp / "out"
    src.mkdir()
    for doc_id in FIRST:
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")
    build(src, out)
    steps = {"first": (snapshot(out), site_state(out), numbers(out))}
    time.sleep(0.01)

    text = (src / "dev05.txt").read_text(encoding="utf-8")
    assert text.count("coking") == 3  # one word of the body: its count changes, a new word comes in
    (src / "dev05.txt").write_text(text.replace("coking", "xylophone", 1), encoding="utf-8")
    build(src, out)
    steps["edit"] = (snapshot(out), site_state(out), numbers(out))

    shutil.copy(DEV_CORPUS / "dev08.txt", src / "dev04.txt")  # no archive, like dev02 and dev12
    build(src, out)
    steps["add"] = (snapshot(out), site_state(out), numbers(out))

    dev03_mentions = mentions(out, "dev03")
    (src / "dev03.txt").unlink()
    build(src, out)
    steps["remove"] = (snapshot(out), site_state(out), numbers(out))
    return out, steps, dev03_mentions


def test_an_edited_document_rewrites_its_own_files_and_the_shards_of_the_changed_word(history):
    out, steps, _ = history
    (before, _, _), (after, _, _) = steps["first"], steps["edit"]
    touched = rewritten(before, after)
    others = touched - own("dev05", touched)
    # the word it lost a count of and the word it gained; its title and date did not change
    search = {n for n in others if n.startswith("assets/search/")} - {"assets/search/meta.js"}
    assert search == {"assets/search/terms/co.js", "assets/search/terms/xy.js"}
    # the entity pages quoting the edited paragraph (the Hwanghae Iron Works is named there), no other
    assert others - search - {"assets/search/meta.js"} == {"entities/org-hwanghae-iron-works.html"}
    assert "entities/org-hwanghae-iron-works.html" in mentions(out, "dev05")
    assert b"xylophone" in after["entities/org-hwanghae-iron-works.html"][2]
    assert own("dev05", touched) >= {"dev05.xml", "dev05.html", "assets/search/text/dev05.js"}
    assert b"xylophone" in after["assets/search/terms/xy.js"][2]


def test_an_added_document_rewrites_its_mentions_its_shards_its_neighbour_and_the_lists(history):
    out, steps, _ = history
    (before, _, numbered), (after, state, now) = steps["edit"], steps["add"]
    touched = rewritten(before, after)
    others = touched - own("dev04", touched)
    dts_lists = {n for n in others if n.startswith("dts/") and not n.startswith("dts/dev")}
    assert dts_lists == {"dts/collection.jsonld", "dts/collection;nav=children.jsonld",
                         "dts/index/collection.jsonld", "dts/index/collection;nav=children.jsonld",
                         "dts/archive-none/collection.jsonld", "dts/archive-none/collection;nav=children.jsonld",
                         "dts/archive-none/collection;nav=parents.jsonld"}
    # DTS 1.0 requires totalChildren on the archive named in each same-archive document's nav=parents answer
    # (docs/build.md): dev02 is the other document without an archive; dev12 (RGANI) is not touched
    siblings = {n for n in others if n.startswith("dts/dev")}
    assert siblings == {"dts/dev02/collection;nav=parents.jsonld"}
    entity_pages = {n for n in others if n.startswith("entities/")} - LISTS
    assert entity_pages == mentions(out, "dev04")
    search = {n for n in others if n.startswith("assets/search/terms/")}
    assert search == shards(after, "dev04")
    pages = {n for n in others if n.endswith(".html")} - LISTS - entity_pages
    assert pages == {"dev07.html"}  # its one neighbour by date (it is the first document)
    assert others - dts_lists - siblings - entity_pages - search - pages <= LISTS
    # every document keeps its number in the search data; the new one takes the next
    assert now == {**numbered, "dev04": len(numbered)}


def test_a_removed_document_rewrites_its_mentions_its_shards_its_neighbours_and_the_lists(history):
    out, steps, dev03_mentions = history
    (before, state, numbered), (after, _, now) = steps["add"], steps["remove"]
    touched = rewritten(before, after)
    assert own("dev03", before) <= touched and not own("dev03", after)  # all gone
    others = touched - own("dev03", touched)
    entity_pages = {n for n in others if n.startswith("entities/")} - LISTS
    assert entity_pages == dev03_mentions  # rewritten, or deleted when no other document names them
    search = {n for n in others if n.startswith("assets/search/terms/")}
    last = max(numbered, key=numbered.get)  # the last-numbered document takes dev03's number
    assert now == {**{d: n for d, n in numbered.items() if d not in ("dev03", last)}, last: numbered["dev03"]}
    assert search == {n for n in shards(before, "dev03", last)
                      if n not in before or n not in after or before[n][2] != after[n][2]}
    assert search < {n for n in before if n.startswith("assets/search/terms/")}
    pages = {n for n in others if n.endswith(".html")} - LISTS - entity_pages
    assert pages == {"dev02.html", "dev05.html"}  # its neighbours by date
    dts = {n for n in others if n.startswith("dts/")}
    # its archive (AVPRF) is gone: the root lists one archive fewer, which each archive's parents answer says
    assert {n for n in dts if not n.endswith("collection;nav=parents.jsonld")} == {
        "dts/collection.jsonld", "dts/collection;nav=children.jsonld",
        "dts/index/collection.jsonld", "dts/index/collection;nav=children.jsonld",
        "dts/archive-avprf/collection.jsonld", "dts/archive-avprf/collection;nav=children.jsonld"}
    assert all(n == "dts/collection;nav=parents.jsonld" or n.startswith(("dts/archive-", "dts/index/"))
               for n in dts if n.endswith("collection;nav=parents.jsonld"))
    assert others - entity_pages - search - pages - dts <= LISTS



def test_after_an_edit_an_addition_and_a_removal_every_file_is_that_of_a_full_build(history, tmp_path):
    """Issue 19: the passes rewrite only what a change touches, from digests and states kept between
    builds; what they leave must still be, byte for byte, what a full build of the same sources makes
    (given the same search numbers: a full build numbers by id, a removal moves one document)."""
    out, _, _ = history
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    ids = [row[0] for row in read_script(out / "assets" / "search" / "meta.js")["documents"]]
    (fresh / site.STATE_NAME).write_text(json.dumps({"format": site.STATE_FORMAT, "documents": {},
                                                     "search": {"ids": ids}}), encoding="utf-8")
    build(out.parent / "src", fresh)
    mine, full = snapshot(out), snapshot(fresh)
    assert mine.keys() == full.keys()
    assert [name for name in mine if mine[name][2] != full[name][2]] == []
    # the fingerprints recorded after the passes are those of the files as they are
    manifest = json.loads((out / ".teiedition-build.json").read_text(encoding="utf-8"))
    assert manifest["collection"] == collection_fingerprints(out)


def test_a_forced_build_reads_each_documents_mentions_from_its_worker_not_its_tei_again(tmp_path, monkeypatch):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for doc_id in ("dev05", "dev07"):
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")
    build(src, out)
    pages = {p.name: p.read_bytes() for p in (out / "entities").glob("*.html")}
    parsed = []
    real = entity_pages.parse_xml_file
    monkeypatch.setattr(entity_pages, "parse_xml_file", lambda path, *a, **k: parsed.append(path) or real(path, *a, **k))
    summary = run_build(src, out, jobs=1, pdf=False, progress=False, stream=io.StringIO(), run_date="2026-01-01",
                        force=True)
    assert summary.built == 2
    assert parsed == []  # the workers' shares were just written under the same build keys
    assert {p.name: p.read_bytes() for p in (out / "entities").glob("*.html")} == pages
    # a damaged cache makes the entity pass distrust its cache (repair), and read the TEI again
    (out / "entities" / ".cache" / "dev05.json").write_text("{}", encoding="utf-8")
    run_build(src, out, jobs=1, pdf=False, progress=False, stream=io.StringIO(), run_date="2026-01-01")
    assert "dev05.xml" in [Path(p).name for p in parsed]
    assert {p.name: p.read_bytes() for p in (out / "entities").glob("*.html")} == pages


def test_an_unchanged_build_does_not_read_back_every_dts_resource_for_the_collection_lists(tmp_path, monkeypatch):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for doc_id in ("dev05", "dev07"):
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")
    build(src, out)
    before = snapshot(out)
    lists = []
    real = dts._write_collections
    monkeypatch.setattr(dts, "_write_collections", lambda *a, **k: lists.append(1) or real(*a, **k))
    build(src, out)
    assert lists == [] and rewritten(before, snapshot(out)) == set()
    (src / "dev07.txt").unlink()  # a removal rewrites the lists
    build(src, out)
    assert lists == [1]
    answer = json.loads((out / "dts" / "collection;nav=children.jsonld").read_text(encoding="utf-8"))
    assert [m["@id"] for m in answer["member"]] == ["archive-prc-fma"]


def test_an_edit_reads_back_no_other_documents_dts_resource(tmp_path, monkeypatch):
    """The DTS lists list every document's Resource: an edit used to read back all of them from
    their files (O(N) per edit).  The pass keeps a digest of each in its state and reads the edited one only."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for doc_id in ("dev01", "dev02", "dev03", "dev12"):
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")
    build(src, out)
    lists = {p: p.read_bytes() for p in (out / "dts").rglob("collection*.jsonld")}
    text = (src / "dev03.txt").read_text(encoding="utf-8")
    (src / "dev03.txt").write_text(text.replace("Czechoslovak", "Czechoslovac", 1), encoding="utf-8")
    read = []
    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: (
        read.append(self.relative_to(out).as_posix()) if self.name == "collection.jsonld" else None) or real(self, *a, **k))
    build(src, out)
    assert [r for r in read if r.startswith("dts/")] == ["dts/dev03/collection.jsonld"]
    # and the lists are what a pass reading every Resource back makes
    monkeypatch.undo()
    (out / "dts" / ".state.json").unlink()
    after = {p: p.read_bytes() for p in (out / "dts").rglob("collection*.jsonld")}
    dts.write_dts(out, [{"id": d, **e} for d, e in json.loads((out / ".teiedition-build.json").read_text())["documents"].items()],
                  force=True)
    assert {p: p.read_bytes() for p in (out / "dts").rglob("collection*.jsonld")} == after
    assert set(after) == set(lists)


def test_entity_pages_after_an_edit_an_addition_and_a_removal_are_those_of_a_whole_pass(history, tmp_path):
    """The entity pass renders only the entities whose mentions changed; the pages must still be
    exactly what a pass over every document makes (surnames folded, documents in date order)."""
    out, _, _ = history
    fresh = tmp_path / "fresh"
    build(out.parent / "src", fresh)
    pages = {p.name: p.read_bytes() for p in (out / "entities").glob("*.html")}
    assert pages == {p.name: p.read_bytes() for p in (fresh / "entities").glob("*.html")}
    assert len(pages) > 20


def test_an_edit_renders_only_the_entity_pages_whose_mentions_changed(tmp_path, monkeypatch):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for doc_id in FIRST:
        shutil.copy(DEV_CORPUS / f"{doc_id}.txt", src / f"{doc_id}.txt")
    build(src, out)
    rendered = []
    real = entity_pages._entity_xml
    monkeypatch.setattr(entity_pages, "_entity_xml", lambda entity: rendered.append(entity["id"]) or real(entity))
    text = (src / "dev05.txt").read_text(encoding="utf-8")
    # "coking" stands beside one name only: the ironworks' page is rendered again, no other
    (src / "dev05.txt").write_text(text.replace("coking", "xylophone", 1), encoding="utf-8")
    build(src, out)
    assert rendered == ["org-hwanghae-iron-works"]
    assert len(list((out / "entities").glob("*.html"))) > 20
