"""The search data in shards: what a pass rewrites, and that an incremental pass writes what a full one would.

Runs the site pass on synthetic collections (tests/generated_tei.py, the
benchmark's generator); the browser side is in tests/browser/test_site_browser.py.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from generated_tei import SEARCH_PAGE, search_entry, search_site, search_tei
from teiedition.building import search_shards, site
from teiedition.building.catalogue import catalogue_rows
from teiedition.building.minisearch_index import build_index, document_terms, shard_key, shard_name
from teiedition.building.search_shards import decode_shard, read_script

WORDS = ("embassy comrade party delegation treaty cooperation conference minister soviet korean plenum "
         "economic military secretary ambassador agreement question position leadership fraternal zebra "
         "quixotic naïve élan Ångström 1968 ústav").split()
VOCAB = (WORDS, [len(WORDS) - i for i in range(len(WORDS))], ["Kim Il Sung", "Nam Il", "Andrei Gromyko", "Pak Chang-ok"])
SEARCH = Path("assets") / "search"


def files(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file the site pass writes, with its bytes and inode (an atomic write makes a new one)."""
    found = {}
    for path in sorted([*(out / "assets").rglob("*"), out / "index.html"]):
        if path.is_file():
            found[path.relative_to(out).as_posix()] = (path.read_bytes(), path.stat().st_ino)
    return found


def rewritten(before: dict, after: dict) -> set[str]:
    return {name for name in after if name not in before or before[name][1] != after[name][1]} | (set(before) - set(after))


def full_build_of(out: Path, tmp: Path, rows: list[dict], *, numbers: list[str] | None = None) -> Path:
    """The same TEI and pages in a fresh folder, through one full site pass (with the search numbers
    ``numbers``, ids in number order, as a previous pass left them; else numbered by id)."""
    fresh = tmp / "fresh"
    fresh.mkdir()
    if numbers is not None:
        state = {"format": site.STATE_FORMAT, "documents": {}, "search": {"ids": numbers}}
        (fresh / site.STATE_NAME).write_text(json.dumps(state), encoding="utf-8")
    for path in out.glob("doc*"):
        shutil.copy(path, fresh / path.name)
        if path.suffix == ".html":
            (fresh / path.name).write_text(SEARCH_PAGE, encoding="utf-8")
    site.write_site(fresh, rows)
    return fresh


def edit(out: Path, doc_id: str, old: bytes, new: bytes) -> bytes:
    """A worker rebuilt ``doc_id`` after an edit: its TEI and its page (bar without neighbours) are new."""
    tei = (out / f"{doc_id}.xml").read_bytes()
    assert old in tei
    tei = tei.replace(old, new, 1)
    (out / f"{doc_id}.xml").write_bytes(tei)
    (out / f"{doc_id}.html").write_text(SEARCH_PAGE, encoding="utf-8")
    return tei


def shard_files(out: Path) -> set[str]:
    return {p.name for p in (out / SEARCH / "terms").glob("*.js")}


@pytest.fixture
def collection(tmp_path):
    out = tmp_path / "out"
    rows = search_site(out, 60, VOCAB, seed=3)
    site.write_site(out, rows)
    return out, rows


def test_one_edited_document_rewrites_only_the_shards_of_its_words(collection, tmp_path):
    out, rows = collection
    before = files(out)
    changed = rows[30]["id"]
    tei = (out / f"{changed}.xml").read_bytes()
    first = re.search(rb"<p>(\w+) ", tei).group(1)
    edit(out, changed, b"<p>" + first + b" ", b"<p>Xylophone ")  # one word out, a new one in
    site.write_site(out, rows)
    after = files(out)
    touched = rewritten(before, after)
    shards = {name.rsplit("/", 1)[1] for name in touched if name.startswith("assets/search/terms/")}
    assert shards == {"xy.js", shard_name(shard_key(first.decode().lower()))}
    assert touched == {f"assets/search/text/{changed}.js", "assets/search/meta.js"} | {
        f"assets/search/terms/{s}" for s in shards}
    fresh = full_build_of(out, tmp_path, rows)
    assert files(fresh).keys() == after.keys()
    for name, (data, _) in files(fresh).items():
        assert after[name][0] == data, f"{name} differs from a full build"


def shards_read_by_edit(out: Path, rows: list[dict], monkeypatch) -> tuple[set[str], set[str]]:
    """One word of a document edited; the shard files the pass read back, and the document's shards."""
    changed = rows[30]["id"]
    first = re.search(rb"<p>(\w+) ", (out / f"{changed}.xml").read_bytes()).group(1)
    edit(out, changed, b"<p>" + first + b" ", b"<p>Xylophone ")
    read = []
    monkeypatch.setattr(search_shards, "read_script", lambda path: read.append(path.name) or read_script(path))
    site.write_site(out, rows)
    return set(read), {shard_name(key) for key in search_shards.load_digests(out / site.DIGESTS_FOLDER, changed)}


def test_one_edited_word_reads_back_only_the_shards_where_the_document_s_counts_changed(collection, tmp_path,
                                                                                          monkeypatch):
    """Issue 19: at 10,000 documents an edited document's ~150 shards were each read, decoded and
    encoded again although one word changed (the site pass's biggest part of an edit)."""
    out, rows = collection
    read, its_shards = shards_read_by_edit(out, rows, monkeypatch)
    assert len(its_shards) > 10
    assert read <= its_shards and len(read) <= 2  # the old word's shard (xy.js is new: nothing to read)
    fresh = full_build_of(out, tmp_path, rows)
    for name, (data, _) in files(fresh).items():
        assert (out / name).read_bytes() == data, f"{name} differs from a full build"


def test_without_the_kept_digests_an_edit_reads_every_shard_and_writes_the_same(collection, tmp_path, monkeypatch):
    """Which shards a document's words are in is kept only in its digest file: without it, every shard."""
    out, rows = collection
    every = {p.name for p in (out / SEARCH / "terms").glob("*.js")}
    shutil.rmtree(out / site.DIGESTS_FOLDER)
    read, its_shards = shards_read_by_edit(out, rows, monkeypatch)
    assert read == every and its_shards - {"xy.js"} < every
    fresh = full_build_of(out, tmp_path, rows)
    for name, (data, _) in files(fresh).items():
        assert (out / name).read_bytes() == data, f"{name} differs from a full build"
    assert (out / site.DIGESTS_FOLDER / f"{rows[30]['id']}.json").is_file()


def test_words_a_document_no_longer_has_leave_the_shards(collection, tmp_path):
    out, rows = collection
    changed = rows[12]["id"]
    tei = (out / f"{changed}.xml").read_bytes()
    body = re.search(rb"<body>.*</body>", tei).group(0)
    edit(out, changed, body, b"<body><div><p>Xylophone quixotic</p></div></body>")
    site.write_site(out, rows)
    n = sorted(r["id"] for r in rows).index(changed)
    for key in ("em", "co", "pa"):  # frequent words its text had (field 1): no posting of it left
        postings = decode_shard(read_script(out / SEARCH / "terms" / shard_name(key)))
        assert all(n not in fields.get(1, {}) for fields in postings.values())
    fresh = full_build_of(out, tmp_path, rows)
    for name, (data, _) in files(fresh).items():
        assert (out / name).read_bytes() == data, f"{name} differs from a full build"


def test_an_unchanged_pass_rewrites_nothing(collection):
    out, rows = collection
    before = files(out)
    site.write_site(out, rows)
    assert rewritten(before, files(out)) == set()


def search_state(out: Path) -> dict:
    return json.loads((out / site.STATE_NAME).read_text(encoding="utf-8"))["search"]


def test_added_and_removed_documents_keep_every_other_number_and_rewrite_only_their_shards(collection, tmp_path):
    out, rows = collection
    before, state = files(out), search_state(out)
    kept = {d: search_shards.load_digests(out / site.DIGESTS_FOLDER, d) for d in site.load_state(out)["documents"]}
    numbers = [d[0] for d in read_script(out / SEARCH / "meta.js")["documents"]]
    doc_id, tei = search_tei(999, random.Random(9), VOCAB)
    doc_id = "doc00015b"  # between doc00015 and doc00016: numbered by id, the documents after it would move
    tei = tei.replace(b"d-doc00999", b"d-doc00015b")
    (out / f"{doc_id}.xml").write_bytes(tei)
    (out / f"{doc_id}.html").write_text(SEARCH_PAGE, encoding="utf-8")
    for gone in ("doc00002", "doc00040"):
        (out / f"{gone}.xml").unlink()
        (out / f"{gone}.html").unlink()
    entries = [search_entry(p.stem, p.read_bytes()) for p in sorted(out.glob("doc*.xml"))]
    rows = catalogue_rows(entries)
    site.write_site(out, rows)
    assert not (out / SEARCH / "text" / "doc00002.js").exists()
    # the new document takes the first free number, the last-numbered one fills the other
    now = [d[0] for d in read_script(out / SEARCH / "meta.js")["documents"]]
    expected = list(numbers)
    expected[2], expected[40] = doc_id, numbers[-1]
    assert now == expected[:-1]
    # only the shards of the added, the removed and the one moved document's words
    keys = set(search_shards.load_digests(out / site.DIGESTS_FOLDER, doc_id))
    for moved in ("doc00002", "doc00040", numbers[-1]):
        keys |= set(kept[moved])
    shards = {name for name in rewritten(before, files(out)) if name.startswith("assets/search/terms/")}
    assert shards == {f"assets/search/terms/{shard_name(k)}" for k in keys}
    assert len(shards) < len(state["shards"])
    fresh = full_build_of(out, tmp_path, rows, numbers=now)
    assert files(fresh).keys() == files(out).keys()
    for name, (data, _) in files(fresh).items():
        assert (out / name).read_bytes() == data, f"{name} differs from a full build"


def test_an_addition_keeps_every_number_and_a_forced_pass_keeps_them_too(collection):
    out, rows = collection
    numbers = [d[0] for d in read_script(out / SEARCH / "meta.js")["documents"]]
    _, tei = search_tei(999, random.Random(9), VOCAB)
    (out / "doc00000a.xml").write_bytes(tei.replace(b"d-doc00999", b"d-doc00000a"))
    (out / "doc00000a.html").write_text(SEARCH_PAGE, encoding="utf-8")
    rows = catalogue_rows([search_entry(p.stem, p.read_bytes()) for p in sorted(out.glob("doc*.xml"))])
    site.write_site(out, rows)
    assert [d[0] for d in read_script(out / SEARCH / "meta.js")["documents"]] == [*numbers, "doc00000a"]
    site.write_site(out, rows, force=True)
    assert [d[0] for d in read_script(out / SEARCH / "meta.js")["documents"]] == [*numbers, "doc00000a"]


def test_a_shard_deleted_by_hand_is_written_again(collection):
    out, rows = collection
    victim = sorted(shard_files(out))[0]
    kept = (out / SEARCH / "terms" / victim).read_bytes()
    (out / SEARCH / "terms" / victim).unlink()
    site.write_site(out, rows)
    assert (out / SEARCH / "terms" / victim).read_bytes() == kept


def test_the_shards_together_are_the_index_minisearch_would_build(collection):
    out, rows = collection
    meta = read_script(out / SEARCH / "meta.js")
    values = meta["values"]
    records = [{"title": d[2], "text": read_script(out / SEARCH / "text" / f"{d[0]}.js"),
                "persons": [values["persons"][i] for i in d[6]], "archive": values["archive"][d[5]],
                "names": site.entry_names(etree.parse(str(out / f"{d[0]}.xml")))}
               for d in meta["documents"]]
    reference = build_index(records)
    assert [d[0] for d in meta["documents"]] == sorted(r["id"] for r in rows)  # numbered by id
    assert meta["averageFieldLength"] == reference["averageFieldLength"]
    assert {str(n): d[8] for n, d in enumerate(meta["documents"])} == reference["fieldLength"]
    merged = {}
    for key in meta["shards"]:
        postings = decode_shard(read_script(out / SEARCH / "terms" / shard_name(key)))
        assert all(shard_key(term) == key for term in postings)
        merged.update(postings)
    expected = {term: {int(f): {int(d): c for d, c in docs.items()} for f, docs in fields.items()}
                for term, fields in reference["index"]}
    assert merged == expected
    assert {"elan", "naive", "angstrom", "ustav"} <= set(merged)  # folded as search.js folds


def test_shard_names_are_plain_and_distinct():
    keys = ["co", "ús", "é", "1968"[:2], "日本", "𝔸b"]
    names = [shard_name(k) for k in keys]
    assert names[0] == "co.js" and names[1] == "_0000fas.js"
    assert len(set(names)) == len(names)
    assert all(n[:-3].replace("_", "").isalnum() and n.isascii() and n == n.lower() for n in names)
