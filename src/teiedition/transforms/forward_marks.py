"""Marginal-mark notes that point forwards: ``the following paragraph``, ``the next sentence``.

Why: a translator often announces a mark before the passage it concerns, in a note of
its own or at the end of the previous paragraph.  Resolving such a note backwards marks
the wrong text.  The next sentence is found in the note's own block; the following
paragraph (or a next sentence beyond the block) is only known once the next paragraph
has been read, so the finder leaves a placeholder (``NEXT``) that ``point_forwards``
replaces with the next paragraph's id after the pass over the document.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, Document, Span
from ..recognising.segment import split_sentences
from .mark_spans import Found, only_notes

#: The target a forward-pointing finder gives until the next paragraph is known.
NEXT = "next-paragraph"


def find_next_sentence(block: Block, note: Span, rep, sents, previous_p):
    """The first sentence after the note in its block; else the next paragraph, with cert=medium."""
    text = block.text
    start = note.end
    while start < len(text) and (text[start].isspace() or text[start] in ".,;:"):
        start += 1
    if start < len(text):
        for s, e in split_sentences(text[start:]):
            if text[start + s:start + e].strip():
                lo, hi = start + s, start + e
                while hi > lo and text[hi - 1].isspace():
                    hi -= 1
                return Found((lo, hi))
    return Found(whole_p=NEXT, cert="medium")


def find_next_paragraph(block: Block, note: Span, rep, sents, previous_p):
    """The paragraph after the note's block (resolved by ``point_forwards``)."""
    return Found(whole_p=NEXT)


def point_forwards(doc: Document) -> Document:
    """Give every mark (and its note) aimed at ``NEXT`` the id of the next paragraph after the note."""
    if not any(m.target == NEXT for m in doc.marks):
        return doc
    waiting: list[tuple[int, int]] = []  # (division, block) of notes pointing forwards
    resolved: dict[str, str] = {}  # note id -> paragraph id
    divs = [list(d.blocks) for d in doc.divisions]
    for d, blocks in enumerate(divs):
        for i, b in enumerate(blocks):
            if waiting and b.kind == "p" and b.get("xml:id") and not only_notes(b):
                for wd, wi in waiting:
                    divs[wd][wi] = _retarget(divs[wd][wi], b.get("xml:id"), resolved)
                waiting = []
            if any(s.kind == "note" and f"#{NEXT}" in (s.get("target") or "").split() for s in b.spans):
                waiting.append((d, i))
    marks = tuple(replace(m, target=resolved[m.note]) if m.target == NEXT and m.note in resolved else m
                  for m in doc.marks if m.target != NEXT or m.note in resolved)
    for wd, wi in waiting:  # nothing follows: the note keeps its words, no mark is drawn
        divs[wd][wi] = _retarget(divs[wd][wi], None, resolved)
    return replace(doc, divisions=tuple(replace(div, blocks=tuple(bl)) for div, bl in zip(doc.divisions, divs)),
                   marks=marks)


def _retarget(block: Block, target: str | None, resolved: dict[str, str]) -> Block:
    spans = []
    for s in block.spans:
        targets = (s.get("target") or "").split()
        if s.kind == "note" and f"#{NEXT}" in targets:
            if target:
                resolved[s.get("xml:id")] = target
            s = s.with_targets(f"#{target}" if t == f"#{NEXT}" else t for t in targets if target or t != f"#{NEXT}")
        spans.append(s)
    return replace(block, spans=tuple(spans))
