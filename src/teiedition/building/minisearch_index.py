"""A MiniSearch index, prebuilt at build time, in MiniSearch's own serialised form.

Why: indexing in the browser costs about 2.5 s per 1,000 documents (MiniSearch
``addAll`` in Chromium on the build machine); loading a prebuilt index with
``MiniSearch.loadJS`` is about ten times faster.  So the build tokenises and
counts exactly as MiniSearch 7 would with the options of ``assets/search.js``
(its default tokenizer, our accent-folding ``processTerm``) and writes the
structure ``MiniSearch#toJSON`` produces (serialisation version 2).  The
browser test compares this index with one MiniSearch builds itself.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from importlib import resources

#: The fields search.js indexes, in order (their position is MiniSearch's field id).  ``names``: every
#: name the authority knows for the document's entries (``site.entry_names``), so variants find it.
FIELDS = ("title", "text", "persons", "archive", "names")
SERIALIZATION_VERSION = 2


#: MiniSearch's separators as a character class, computed once for a Unicode version (``separator_class``).
SEPARATORS_FILE = "data/minisearch_separators.json"


def separator_class() -> str:
    """``[\\n\\r\\p{Z}\\p{P}]`` as a Python character class, from this Python's ``unicodedata``.

    Scans every code point (about a second): ``_tokenizer`` reads it from ``SEPARATORS_FILE``
    instead when that was made for the same Unicode version.
    """
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp))[0] in "ZP" or cp in (0x0A, 0x0D):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


def _stored_class() -> str | None:
    """The class stored for this Python's Unicode version, or None (another version, or no file)."""
    try:
        stored = json.loads(resources.files("teiedition").joinpath(SEPARATORS_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(stored, dict) and stored.get("unidata_version") == unicodedata.unidata_version:
        return stored.get("class") if isinstance(stored.get("class"), str) else None
    return None


@functools.cache
def _tokenizer() -> re.Pattern:
    """MiniSearch's default tokenizer: split on ``/[\\n\\r\\p{Z}\\p{P}]+/u`` (Python's re has no \\p{}).

    Why stored: every worker process needs it, and scanning the code points cost each one about a
    second (two at ``-j 2``, more on Dask), as long as converting ten documents.
    """
    return re.compile(f"[{_stored_class() or separator_class()}]+")


_MARKS = re.compile("[\u0300-\u036f]")


@functools.lru_cache(maxsize=200_000)
def fold(term: str) -> str:
    """search.js's processTerm: NFKD, combining marks U+0300-036F removed, lower case."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", term)).lower()


def field_value(record: dict, field: str) -> str | None:
    """search.js's extractField: lists joined with spaces."""
    value = record.get(field)
    if value is None:
        return None
    return " ".join(value) if isinstance(value, list) else str(value)


def document_terms(record: dict) -> tuple[list, dict[str, dict[int, int]]]:
    """One document as MiniSearch's ``addAll`` counts it: its field lengths and ``{term: {field id: count}}``."""
    lengths: list = []
    terms: dict[str, dict[int, int]] = {}
    for field_id, field in enumerate(FIELDS):
        value = field_value(record, field)
        if value is None:
            continue
        tokens = _tokenizer().split(value)
        while len(lengths) < field_id:
            lengths.append(None)  # a JS array with a hole serialises as null
        lengths.append(len(set(tokens)))
        for token in tokens:
            term = fold(token)
            if term:
                counts = terms.setdefault(term, {})
                counts[field_id] = counts.get(field_id, 0) + 1
    return lengths, terms


def average_field_length(lengths: list[list]) -> list[float]:
    """MiniSearch's running mean of each field's length, over the documents in number order (floats as it rounds them)."""
    average = [0.0] * len(FIELDS)
    for n, per_doc in enumerate(lengths):
        for field_id, unique in enumerate(per_doc):
            if unique is not None:
                average[field_id] = (average[field_id] * n + unique) / (n + 1)
    return average


def shard_key(term: str) -> str:
    """The shard a folded term is in: its first two characters (code points, as search.js counts them).

    Why two: a prefix search starts at three characters (search.js), so one
    shard holds every completion of a prefix, and a fuzzy match is looked for
    among the terms of the same shard.
    """
    return term[:2]


def shard_name(key: str) -> str:
    """A shard key as a file name that is the same on every file system: a-z, 0-9, else ``_`` + 6 hex digits."""
    return "".join(c if c in _PLAIN else f"_{ord(c):06x}" for c in key) + ".js"


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def build_index(records: list[dict]) -> dict:
    """The object ``MiniSearch#toJSON`` gives after ``addAll(records)`` with search.js's options.

    Document ids are the records' positions (search.js's ``idField: "n"``).
    The site writes this index in shards (``search_shards.py``); this whole
    form is the reference the tests compare the shards with.
    """
    terms: dict[str, dict[int, dict[int, int]]] = {}
    field_length: dict[str, list] = {}
    for n, record in enumerate(records):
        lengths, counts = document_terms(record)
        field_length[str(n)] = lengths
        for term, per_field in counts.items():
            entry = terms.setdefault(term, {})
            for field_id, count in per_field.items():
                entry.setdefault(field_id, {})[n] = count
    return {
        "documentCount": len(records),
        "nextId": len(records),
        "documentIds": {str(n): n for n in range(len(records))},
        "fieldIds": {field: i for i, field in enumerate(FIELDS)},
        "fieldLength": field_length,
        "averageFieldLength": average_field_length(list(field_length.values())),
        "storedFields": {},
        "dirtCount": 0,
        "index": [[term, {str(f): {str(d): c for d, c in docs.items()} for f, docs in sorted(per_field.items())}]
                  for term, per_field in terms.items()],
        "serializationVersion": SERIALIZATION_VERSION,
    }
