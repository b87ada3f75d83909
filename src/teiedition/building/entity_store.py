"""The entity pages' store: each entity's mentions by document, so one edit re-renders only its entities.

Why: an entity page lists every document naming the entity, so the pass used
to read every document's mentions and render every page whenever any
document changed (about a minute at 10,000 documents for one edited word).
The store keeps, per entity, what each document contributes to its page
(``contributions``: title, date, its entry, its mentions there) in
``entities/.cache/entity/HASH.jsonl``.  A change then compares a document's
old and new contributions, entity by entity; only entities whose
contribution changed are re-rendered, each from its own store file.

Surnames folded into a full entry (``entity_pages._merge_surnames``) make
pages depend on each other: a *group* is an entity and every entity folded
into it (``moved``, kept in the pass's stamp), rendered together in the
order the whole pass would meet them (``group_entities``), so the pages are
the bytes a whole pass makes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from ..files import atomic_write

#: Under the pass's cache: one file per entity (named by a hash of its id: ids are not file names).
STORE = "entity"


def contributions(doc: dict) -> dict[str, dict]:
    """What one document (``entity_pages.read_document``) contributes to each entity's page.

    ``first``: where the entity's first mention stands in the document's mentions (the whole pass
    meets entities in that order, which decides how surnames fold).
    """
    out: dict[str, dict] = {}
    for n, mention in enumerate(doc["mentions"]):
        ident = mention["entity"]
        if ident not in out:
            out[ident] = {"title": doc["title"], "date": doc.get("date") or "", "date_text": doc.get("date_text") or "",
                          "entry": doc["entries"][ident], "first": n, "at": []}
        out[ident]["at"].append(mention)
    return out


def changed_entities(old: dict | None, new: dict | None) -> set[str]:
    """The entities whose page a document's change from ``old`` to ``new`` (read_document, or None) alters."""
    before = contributions(old) if old else {}
    after = contributions(new) if new else {}
    return {ident for ident in before.keys() | after.keys() if before.get(ident) != after.get(ident)}


def _path(store: Path, ident: str) -> Path:
    return store / f"{hashlib.sha256(ident.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.jsonl"


def load(store: Path, ident: str) -> dict[str, dict]:
    """``{doc id: contribution}`` of one entity (empty when no document names it, or the file is damaged).

    The file is JSON lines: the entity's id, then ``[doc id, contribution]`` pairs, a later pair
    replacing an earlier one for the same document (``append`` adds, ``save`` writes it compact).
    """
    try:
        lines = _path(store, ident).read_text(encoding="utf-8").splitlines()
        if not lines or json.loads(lines[0]) != {"id": ident}:
            return {}
        docs = dict(json.loads(line) for line in lines[1:])
    except (OSError, ValueError, TypeError):
        return {}
    return docs if all(isinstance(c, dict) for c in docs.values()) else {}


def _lines(ident: str, docs: dict[str, dict], *, head: bool) -> str:
    pairs = [json.dumps([doc_id, docs[doc_id]], ensure_ascii=False, sort_keys=True) for doc_id in sorted(docs)]
    return "\n".join(([json.dumps({"id": ident}, ensure_ascii=False)] if head else []) + pairs) + "\n"


def save(store: Path, ident: str, docs: dict[str, dict]) -> None:
    """Keep one entity's contributions (the file goes when no document names it any more)."""
    path = _path(store, ident)
    if not docs:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    atomic_write(path, _lines(ident, docs, head=True))


def append(store: Path, by_entity: dict[str, dict[str, dict]]) -> None:
    """Add contributions to the entities' files (a whole pass writes the store in batches, memory bounded)."""
    store.mkdir(parents=True, exist_ok=True)
    for ident, docs in by_entity.items():
        path = _path(store, ident)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(_lines(ident, docs, head=fh.tell() == 0))


def clear(store: Path) -> None:
    """Empty the store (a whole pass writes it again)."""
    store.mkdir(parents=True, exist_ok=True)
    for path in store.iterdir():
        if path.is_file():
            path.unlink(missing_ok=True)


def update(store: Path, changes: dict[str, tuple[dict | None, dict | None]]) -> dict[str, dict[str, dict]]:
    """Apply documents' changes (``{doc id: (old, new)}``) to the store; return the changed entities'
    contributions after the change (``{entity: {doc id: contribution}}``)."""
    touched: dict[str, dict[str, dict]] = {}
    for doc_id, (old, new) in changes.items():
        after = contributions(new) if new else {}
        for ident in changed_entities(old, new):
            docs = touched[ident] if ident in touched else load(store, ident)
            if ident in after:
                docs[doc_id] = after[ident]
            else:
                docs.pop(doc_id, None)
            touched[ident] = docs
    for ident, docs in touched.items():
        save(store, ident, docs)
    return touched


def _doc_order(doc_id: str, contribution: dict) -> tuple[str, str]:
    return (contribution.get("date") or "9999", doc_id)


def group_entities(members: dict[str, dict[str, dict]]) -> dict[str, dict]:
    """The entities of one group as the whole pass builds them before folding surnames: each with its
    entry (from its first document by date), its documents in date order, in the order the pass meets them."""
    def met(item):
        ident, docs = item
        first = min(docs.items(), key=lambda kv: _doc_order(*kv))
        return (_doc_order(*first), first[1]["first"])

    entities: dict[str, dict] = {}
    for ident, docs in sorted(((i, d) for i, d in members.items() if d), key=met):
        first = min(docs.items(), key=lambda kv: _doc_order(*kv))[1]
        entity = {"id": ident, **first["entry"], "docs": {}}
        for doc_id, c in sorted(docs.items(), key=lambda kv: _doc_order(*kv)):
            entity["docs"][doc_id] = {"title": c["title"], "date": c["date"], "date_text": c["date_text"],
                                      "at": list(c["at"])}
        entities[ident] = entity
    return entities


def root(ident: str, moved: dict[str, str]) -> str:
    """The entity a folded surname's mentions end up on (following folds; a loop stops where it closes)."""
    seen = {ident}
    while ident in moved and moved[ident] not in seen:
        ident = moved[ident]
        seen.add(ident)
    return ident
