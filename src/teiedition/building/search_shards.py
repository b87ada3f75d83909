"""The collection's full-text search data as many small scripts, rewritten only where documents changed.

Why: one data file grows with the collection (49.5 MiB at 10,000 documents)
and the browser had to download and parse all of it before the first query;
rebuilding it re-tokenised every document after any change.  So the data is
split (under ``assets/search/``):

* ``meta.js``: read when the page opens.  Per document its id, link, title,
  date, facets (values by number into shared tables) and field lengths; the
  BM25 statistics; the list of shards.
* ``terms/KEY.js``: the postings of every term whose first two folded
  characters are KEY (``minisearch_index.shard_key``), loaded when a query
  has a word there.
* ``text/ID.js``: one document's reading text, loaded for the results shown
  (snippets) and for checking a quoted phrase.

Each file is a script calling ``teieditionSearchLoaded(kind, key, data)``:
pages opened from ``file://`` may not ``fetch``, but may add a ``<script>``.

Documents keep their numbers (MiniSearch's short ids) from pass to pass
(``numbering``): a first pass numbers them in the order of their ids, an
added document takes the place of a removed one or the next number, and a
removed document's place is taken by the last-numbered one (so the numbers
stay 0..N-1, which ``search.js`` expects).  So an edit rewrites only the
shards with its old or new terms, its text and ``meta.js``; an addition adds
the shards of its words; a removal rewrites the shards of its words and of
the one moved document's words, read back without reading any TEI again.
The documents read in a pass have their texts written at once and their
terms spooled to disk by shard (``TermSpool``), so the pass holds one
shard's postings at a time, not the collection's.  A shard's bytes depend
only on its postings and the numbering, so an incremental pass writes
exactly what a full pass with the same numbering would.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..files import write_if_changed
from .minisearch_index import FIELDS, average_field_length, shard_key, shard_name

#: Sub-folder of ``assets/`` with the search data, and its parts.
FOLDER = "search"
META = "meta.js"
TERMS = "terms"
TEXTS = "text"
FORMAT = 4
#: Bytes of a document's part digest (``part_digest``).
DIGEST_SIZE = 10
#: The function every data script calls (defined by ``assets/search.js``).
CALLBACK = "teieditionSearchLoaded"
#: The facets whose values ``meta.js`` lists once and refers to by number.
TABLES = ("archive", "persons", "classification", "handling")

Postings = dict[str, dict[int, dict[int, int]]]  # term -> field id -> document number -> count


@dataclass
class SearchDoc:
    """One published document for the search: ``keys`` only when its TEI was read in this pass
    (the shards its terms are in; the terms themselves wait in the ``TermSpool``)."""

    record: dict  # id, href, title, date, year, archive, persons, classification, handling
    #: (a document's variant names are indexed, in the terms, but not listed in meta.js: at 10,000
    #: documents they would add megabytes to the file every page load reads)
    lengths: list
    keys: list[str] | None = None
    #: the digests of this document's part of each of ``keys``' shards, ``DIGEST_SIZE`` bytes each in
    #: the order of ``keys`` (one bytes object: 10,000 documents' dicts of strings held ~100 MB)
    digests: bytes | None = None

    def part_digests(self) -> dict[str, str]:
        """Shard key -> hex digest of this document's part of it (none when it was not read)."""
        if self.keys is None or self.digests is None:
            return {}
        return {key: self.digests[i * DIGEST_SIZE:(i + 1) * DIGEST_SIZE].hex() for i, key in enumerate(self.keys)}


class TermSpool:
    """The terms of the documents read in this pass, by shard, on disk until their shard is written.

    Why: a first build reads every document, and its terms held in memory (then turned into
    every shard's postings at once) made the main process grow with the collection.  Spooled,
    the pass holds a bounded buffer and one shard's postings at a time.  One unnamed temporary
    file holds every flush, each shard's part at an offset kept here (a file per shard cost a
    file opening per shard and flush).  It is this process's own data, so ``marshal`` (the
    fastest of the standard library's encodings for dicts of strings and ints) is safe to read back.
    """

    #: Terms held before the buffer is written to the spool file.
    FLUSH_TERMS = 100_000

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="teiedition-search-")
        self._where: dict[str, list[tuple[int, int]]] = {}  # shard key -> (offset, length) of its parts
        self._buffer: dict[str, list] = {}
        self._held = 0

    def __enter__(self) -> "TermSpool":
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()

    def add(self, doc_id: str, terms: dict[str, dict[int, int]]) -> tuple[list[str], bytes]:
        """Spool one document's terms (term -> field id -> count); return its shard keys, sorted, and
        the digests of its part of each (``part_digest``, joined in the keys' order)."""
        parts: dict[str, dict[str, dict[int, int]]] = {}
        for term, counts in terms.items():
            parts.setdefault(shard_key(term), {})[term] = counts
        for key, part in parts.items():
            self._buffer.setdefault(key, []).append((doc_id, part))
        self._held += len(terms)
        if self._held > self.FLUSH_TERMS:
            self._flush()
        keys = sorted(parts)
        return keys, b"".join(part_digest(parts[key]) for key in keys)

    def postings(self, key: str, number: dict[str, int]) -> Postings:
        """The postings of shard ``key`` from the spooled documents, under their numbers."""
        self._flush()
        postings: Postings = {}
        for offset, length in self._where.get(key, ()):
            self._file.seek(offset)
            for doc_id, part in marshal.loads(self._file.read(length)):
                n = number[doc_id]
                for term, counts in part.items():
                    fields = postings.setdefault(term, {})
                    for field_id, count in counts.items():
                        fields.setdefault(field_id, {})[n] = count
        return postings

    def _flush(self) -> None:
        if not self._buffer:
            return
        self._file.seek(0, os.SEEK_END)
        for key, chunk in self._buffer.items():
            data = marshal.dumps(chunk)
            self._where.setdefault(key, []).append((self._file.tell(), len(data)))
            self._file.write(data)
        self._buffer, self._held = {}, 0


def part_digest(part: dict) -> bytes:
    """A short digest of one document's part of a shard (term -> field id -> count, in the order read).

    Equal parts of the same toolchain's tokeniser come in the same order, so equal digests; a
    reordered equal part only costs a shard rewritten that would not have changed."""
    return hashlib.blake2b(marshal.dumps(part), digest_size=DIGEST_SIZE).digest()


def load_digests(folder: Path | None, doc_id: str) -> dict[str, str] | None:
    """The digests ``write_search`` kept for ``doc_id`` (shard key -> digest), or None if none are readable."""
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"{doc_id}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return None
    return data


def _unchanged_parts(doc: SearchDoc, before: dict[str, str] | None) -> set[str]:
    """The shards whose part of ``doc`` is the same as when its digests (``before``) were kept (none without them)."""
    if before is None:
        return set()
    return {key for key, digest in doc.part_digests().items() if before.get(key) == digest}


class StaleShards(Exception):
    """A shard of the previous pass is missing or unreadable: the caller must rebuild from every document."""


def script(kind: str, key: str, data) -> bytes:
    """One data script; ``</`` and U+2028/2029 escaped, so the file is safe as a script whatever the text."""
    body = json.dumps([kind, key, data], ensure_ascii=False, separators=(",", ":"))
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return f"{CALLBACK}({body[1:-1]});\n".encode("utf-8")


def read_script(path: Path):
    """The data of a script written by ``script`` (raises OSError or ValueError if it is not one)."""
    text = path.read_text(encoding="utf-8")
    head, tail = f"{CALLBACK}(", ");\n"
    if not (text.startswith(head) and text.endswith(tail)):
        raise ValueError(f"{path.name}: not a search data script")
    return json.loads("[" + text[len(head):-len(tail)] + "]")[2]


def encode_shard(postings: Postings) -> list:
    """``[[term, field, [gap, count, gap, count, ...], field, [...]], ...]``, terms sorted: numbers as gaps keep it small."""
    out = []
    for term in sorted(postings):
        entry: list = [term]
        for field_id in sorted(postings[term]):
            flat, last = [], 0
            for n in sorted(postings[term][field_id]):
                flat += [n - last, postings[term][field_id][n]]
                last = n
            entry += [field_id, flat]
        out.append(entry)
    return out


def decode_shard(entries: list) -> Postings:
    postings: Postings = {}
    for entry in entries:
        fields = postings.setdefault(entry[0], {})
        for i in range(1, len(entry), 2):
            docs, n, flat = fields.setdefault(entry[i], {}), 0, entry[i + 1]
            for j in range(0, len(flat), 2):
                n += flat[j]
                docs[n] = flat[j + 1]
    return postings


def prepare(assets: Path) -> None:
    """Make the search folders and remove a killed build's atomic writes from them."""
    folder = assets / FOLDER
    for sub in (folder / TERMS, folder / TEXTS):
        sub.mkdir(parents=True, exist_ok=True)
        for leftover in sub.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def write_text(assets: Path, doc_id: str, text: str | None) -> None:
    """One document's reading text script (written as its document is read: texts are not held)."""
    write_if_changed(assets / FOLDER / TEXTS / f"{doc_id}.js", script("text", doc_id, text or ""))


def write_search(assets: Path, docs: list[SearchDoc], previous: dict | None, spool: TermSpool, *, gone=(),
                 numbers: list[str] | None = None, digests: Path | None = None) -> dict:
    """Bring ``assets/search/`` up to date for ``docs`` (in date order); return the state to remember.

    ``previous`` is what the last pass returned (None: write everything; then
    every document must have been read: its terms in ``spool``, its text written by
    ``write_text``).  Raises ``StaleShards`` when a shard it would update cannot be read.
    ``gone``: ids of documents published before and now removed, whose text scripts are deleted
    (only those: a file of yours in ``text/`` stays).
    ``numbers``: the ids in number order of the last pass, kept when ``previous`` is None (a full
    pass after ``--force`` or a new toolchain keeps every document's number).
    """
    folder = assets / FOLDER
    prepare(assets)
    previous = previous or {"ids": [], "shards": []}
    by_id = {doc.record["id"]: doc for doc in docs}
    ids = numbering(previous["ids"] if previous["ids"] else numbers or [], by_id)
    number = {doc_id: n for n, doc_id in enumerate(ids)}
    old_number = {doc_id: n for n, doc_id in enumerate(previous["ids"])}
    fresh = {doc_id for doc_id, doc in by_id.items() if doc.keys is not None}
    if any(doc_id not in fresh and doc_id not in old_number for doc_id in ids):
        raise StaleShards("a document is neither read now nor in the previous shards")
    removed = set(old_number) - set(by_id)
    # old document number -> new, for the postings kept as they are
    keep = {old_number[d]: number[d] for d in ids if d in old_number and d not in fresh}
    moved = {d for d in ids if d in old_number and d not in fresh and old_number[d] != number[d]}
    before = {doc_id: load_digests(digests, doc_id) for doc_id in sorted(fresh | removed | moved) if doc_id in old_number}
    old_keys = {doc_id: _old_keys(doc_id, previous, digested) for doc_id, digested in before.items()}

    keys: dict[str, list[str]] = {doc_id: by_id[doc_id].keys for doc_id in sorted(fresh)}
    shards = set(previous["shards"])
    spooled = {key for doc_id in fresh for key in keys[doc_id]}  # an affected shard takes their parts from here
    added: set[str] = set()
    affected: set[str] = set()
    for doc_id in fresh:
        same = (_unchanged_parts(by_id[doc_id], before.get(doc_id))
                if previous["ids"] and old_number.get(doc_id) == number[doc_id] else set())
        added.update(key for key in keys[doc_id] if key not in same)
        affected.update(key for key in old_keys.get(doc_id, ()) if key not in same)
    affected.update(added)
    for doc_id in removed:
        affected.update(old_keys.get(doc_id, ()))
    for doc_id in moved:  # its postings move to its new number
        affected.update(old_keys.get(doc_id, ()))
    for key in sorted(affected):
        path = folder / TERMS / shard_name(key)
        postings: Postings = {}
        if key in shards:
            try:
                old = decode_shard(read_script(path))
            except (OSError, ValueError, TypeError, IndexError, KeyError) as exc:
                raise StaleShards(f"{path.name}: {exc}") from exc
            for term, fields in old.items():
                for field_id, counts in fields.items():
                    kept = {keep[n]: c for n, c in counts.items() if n in keep}
                    if kept:
                        postings.setdefault(term, {})[field_id] = kept
        for term, fields in (spool.postings(key, number) if key in spooled else {}).items():
            for field_id, counts in fields.items():
                postings.setdefault(term, {}).setdefault(field_id, {}).update(counts)
        if postings:
            write_if_changed(path, script("terms", key, encode_shard(postings)))
            shards.add(key)
        else:
            shards.discard(key)
    expected = {shard_name(key) for key in shards}
    if not expected <= _remove_others(folder / TERMS, expected):  # one deleted by hand
        raise StaleShards("a shard file is missing")

    for doc_id in sorted((removed | set(gone)) - set(by_id)):  # only texts of documents published before
        if Path(f"{doc_id}.js").name == f"{doc_id}.js":
            with contextlib.suppress(OSError):
                os.unlink(folder / TEXTS / f"{doc_id}.js")

    write_if_changed(folder / META, script("meta", "", meta(docs, number, sorted(shards))))
    if digests is None:  # then only the state can say which shards a document's words are in
        for doc_id in ids:
            keys.setdefault(doc_id, _old_keys(doc_id, previous, None))
        return {"ids": ids, "keys": keys, "shards": sorted(shards)}
    _keep_digests(digests, by_id, fresh, removed | set(gone))
    return {"ids": ids, "shards": sorted(shards)}


def _old_keys(doc_id: str, previous: dict, kept: dict[str, str] | None) -> list[str]:
    """The shards a document of the last pass has words in: its kept digests' keys (``kept``), else the
    state's list (kept by older versions, and when there is no digest folder), else every shard (the
    digest file deleted: each shard is read back, and those without the document keep their bytes).

    Why not the state alone: a list of ~150 shard keys per document made 8.5 MB of the site's 16 MB
    state at 10,000 documents, read and written whole on every edit; the digest files hold the keys."""
    if kept is not None:
        return sorted(kept)
    listed = previous.get("keys")
    if isinstance(listed, dict) and isinstance(listed.get(doc_id), list):
        return listed[doc_id]
    return list(previous["shards"])


def _keep_digests(folder: Path, by_id: dict[str, SearchDoc], fresh: set[str], gone: set[str]) -> None:
    """Write the read documents' part digests (after their shards: a killed pass leaves old digests,
    which only make the next pass rewrite shards) and drop those of documents no longer published."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id in sorted(fresh):
        if Path(f"{doc_id}.json").name == f"{doc_id}.json":
            write_if_changed(folder / f"{doc_id}.json",
                             json.dumps(by_id[doc_id].part_digests(), separators=(",", ":")).encode("utf-8"))
    for doc_id in sorted(gone - set(by_id)):
        if Path(f"{doc_id}.json").name == f"{doc_id}.json":
            with contextlib.suppress(OSError):
                os.unlink(folder / f"{doc_id}.json")


def numbering(before: list[str], current) -> list[str]:
    """The ids in number order: ``before``'s numbers kept, added ids (sorted) in the places of removed
    ones, then after the last; a place still empty gets the last-numbered document.

    Why: a document's number is in every shard holding its words, so renumbering one means
    rewriting those shards; this moves at most one document per removal and none per addition.
    """
    present = set(current)
    slots: list[str | None] = [d if d in present else None for d in dict.fromkeys(before)]
    added = sorted(present - set(slots))
    holes = [i for i, d in enumerate(slots) if d is None]
    for i, doc_id in zip(holes, added):
        slots[i] = doc_id
    slots += added[len(holes):]
    for i in holes[len(added):]:
        while slots and slots[-1] is None:
            slots.pop()
        if i < len(slots):
            slots[i] = slots.pop()
    return [d for d in slots if d is not None]


def meta(docs: list[SearchDoc], number: dict[str, int], shards: list[str]) -> dict:
    """What search.js needs before the first query: the documents' light facts in number order, BM25 statistics."""
    tables = {name: sorted({v for d in docs for v in ([d.record[name]] if name == "archive" else d.record.get(name, ()))
                            if v})
              for name in TABLES}
    index = {name: {v: i for i, v in enumerate(values)} for name, values in tables.items()}
    rows: list = [None] * len(docs)
    lengths: list = [None] * len(docs)
    for doc in docs:
        r, n = doc.record, number[doc.record["id"]]
        rows[n] = [r["id"], r["href"], r["title"], r["date"], r["year"],
                   index["archive"][r["archive"]] if r["archive"] else -1,
                   [index["persons"][v] for v in r["persons"]],
                   [index["classification"][v] for v in r["classification"]], doc.lengths,
                   [index["handling"][v] for v in r.get("handling", ())]]
        lengths[n] = doc.lengths
    return {"format": FORMAT, "fields": list(FIELDS), "count": len(docs),
            "averageFieldLength": average_field_length(lengths),
            "values": tables, "documents": rows, "order": [number[d.record["id"]] for d in docs],
            "shards": shards}


#: The names ``shard_name`` gives: only these are ever removed from ``terms/``.
_SHARD_FILE = re.compile(r"(?:[a-z0-9]|_[0-9a-f]{6})+\.js")


def _remove_others(folder: Path, keep: set[str]) -> set[str]:
    """Remove the shards that are gone (only names a shard can have); return the names left."""
    left = set()
    for name in os.listdir(folder):
        if _SHARD_FILE.fullmatch(name) and name not in keep:
            with contextlib.suppress(OSError):
                os.unlink(folder / name)
        else:
            left.add(name)
    return left


def text_files(assets: Path) -> set[str]:
    """The names in ``search/text/`` (a document whose text script is missing is read again)."""
    with contextlib.suppress(OSError):
        return set(os.listdir(assets / FOLDER / TEXTS))
    return set()
