"""Marginal marks: from the translator's note to one ``metamark`` per physical mark.

Why: the translator reports marks a later reader made on the original ("the
previous two sentences were highlighted in the left margin with two vertical
lines").  ENCODING.md's resolution table says which span each note describes;
this module runs the pass over the document: ``mark_notes`` reads each note,
a finder (``mark_spans``, over ``mark_sentences``; ``forward_marks`` for
notes pointing ahead) finds the span, and the span is wrapped in
``seg[@type="marked"]`` with a ``model.Mark`` recorded per mark.  The note
itself never moves and keeps its words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Block, Document, Mark, Span, attrs_of
from .forward_marks import find_next_paragraph, find_next_sentence, point_forwards
from .mark_notes import CERT, TARGET_BY_NAME, read_note
from .mark_sentences import block_sentences, sentences_before
from .mark_spans import BACKWARD_FINDERS, SpanIndex, fit, only_notes, para_before, text_after

#: Every finder of the resolution table, by its ``finder`` name.
FINDERS = {**BACKWARD_FINDERS, "next-sentence": find_next_sentence, "next-paragraph": find_next_paragraph}


@dataclass
class _State:
    """Counters across the document: ``m1``, ``m2``... for marked spans, ``tn1``... for notes."""

    seg_counter: int = 0
    note_counter: int = 0


def resolve_marginal_marks(doc: Document) -> Document:
    """Wrap each reported span in ``seg[@type="marked"]`` and record one Mark per physical mark."""
    state = _State()
    marks: list[Mark] = []
    warnings = list(doc.warnings)
    new_divs = []
    previous_p: Block | None = None
    for div in doc.divisions:
        new_blocks = []
        for block in div.blocks:
            notes = [s for s in block.spans if s.kind == "note" and s.get("type") == "translator"]
            reported_any = [(n, read_note(_note_text(block, n))) for n in notes]
            if any(r for _n, r in reported_any):
                block, new_marks, msgs = _resolve_block(block, reported_any, previous_p, state)
                marks.extend(new_marks)
                warnings.extend(f"{doc.source_name}:{block.line}: warning: {m}" for m in msgs)
            new_blocks.append(block)
            if block.kind == "p" and not only_notes(block):
                previous_p = block
        new_divs.append(replace(div, blocks=tuple(new_blocks)))
    # a whole paragraph targeted from a later block gets its id through assign_ids already
    return point_forwards(replace(doc, divisions=tuple(new_divs), marks=tuple(marks), warnings=tuple(warnings)))


def _note_text(block: Block, note: Span) -> str:
    lo, hi = note.content
    return block.text[lo:hi]


def _resolve_block(block: Block, reported_any, previous_p: Block | None, state: _State):
    """One block's notes resolved: its new ``seg`` spans and note targets, its Marks, its warnings."""
    new_spans = list(block.spans)
    position = {id(x): i for i, x in enumerate(new_spans)}  # new spans are appended, never inserted
    split = block_sentences(block)
    fit_index = SpanIndex(x for x in new_spans if x.kind != "seg" or x.get("type") != "marked")
    marks: list[Mark] = []
    msgs: list[str] = []
    seg_ids: dict[tuple[int, int], str] = {}
    for note, reported in reported_any:
        if not reported:
            continue
        state.note_counter += 1
        note_id = f"tn{state.note_counter}"
        targets: list[str] = []
        sents = sentences_before(block, note, split)
        for rep in reported:
            target = _target_of(block, note, rep, sents, previous_p, msgs)
            if target is None:
                continue
            span, whole_p, cert = target
            if whole_p:
                target_id = whole_p
            else:
                span = fit(span, fit_index)
                if span not in seg_ids:
                    state.seg_counter += 1
                    seg_ids[span] = f"m{state.seg_counter}"
                    new_spans.append(Span(span[0], span[1], "seg",
                                          attrs_of(type="marked", xml_id=seg_ids[span]), rank=30))
                target_id = seg_ids[span]
            place = "margin-left"
            nt = _note_text(block, note).lower()
            if "right margin" in nt:
                place = "margin-right"
            marks.append(Mark(rep.function, rep.rend, target_id, cert, note_id, place))
            if target_id not in targets:
                targets.append(target_id)
        if not targets:
            continue
        idx = position[id(note)]
        extra = dict(note.attrs)
        extra["xml:id"] = note_id
        extra["target"] = " ".join(f"#{t}" for t in targets)
        new_spans[idx] = replace(note, attrs=tuple(sorted(extra.items())))
    block = replace(block, spans=tuple(new_spans))
    lost = set(seg_ids.values()) - _surviving_ids(block)
    if lost:  # a target that cannot nest (inside a gap's description, too deep): the paragraph instead
        block, marks = _retarget_unnestable(block, marks, lost, msgs)
    return block, marks, msgs


def _target_of(block: Block, note: Span, rep, sents, previous_p: Block | None, msgs: list[str]):
    """``(span, whole paragraph id, cert)`` for one reported mark, falling back as the table says.

    The row's finder first; else the paragraph up to the note (or the one before), cert=low; else
    the text after the note, cert=low; None when nothing near the note can be marked.
    """
    found = FINDERS[TARGET_BY_NAME[rep.target].finder](block, note, rep, sents, previous_p)
    span, whole_p, cert = found.span, found.whole_p, found.cert or CERT[rep.target]
    if found.msg:
        msgs.append(found.msg)
    if span is None and whole_p is None:
        para = para_before(block, note)
        if para is None and previous_p is not None:
            whole_p, cert = previous_p.get("xml:id"), "low"
        elif para is not None:
            span, cert = para, "low"
        msgs.append(f"could not find what the translator's note describes ({rep.target}); "
                    "marked the paragraph with cert=low")
    if span is None and not whole_p:
        span = text_after(block, note)
        cert = "low"
        if span is None:
            msgs.append("a marginal mark has nothing near it to target; the note is kept, "
                        "no metamark written")
            return None
        msgs.append("a marginal mark has nothing before it; marked the text after the note "
                    "with cert=low")
    return span, whole_p, cert


def _retarget_unnestable(block: Block, marks: list[Mark], lost: set[str], msgs: list[str]):
    """Marked spans that could not nest are dropped; their marks and notes point to the paragraph."""
    fallback = block.get("xml:id")
    msgs.append("a marked span could not be encoded where it is; "
                + ("marked the whole paragraph with cert=low" if fallback else "its marks are dropped"))
    marks = [replace(m, target=fallback, cert="low") if m.target in lost else m
             for m in marks if m.target not in lost or fallback]
    spans = []
    for sp in block.spans:
        if sp.kind == "seg" and sp.get("xml:id") in lost:
            continue
        if sp.kind == "note" and sp.get("target"):
            kept = [t for t in sp.get("target").split() if t[1:] not in lost]
            if fallback and len(kept) < len(sp.get("target").split()):
                kept.append(f"#{fallback}")
            sp = sp.with_targets(kept)
        spans.append(sp)
    return replace(block, spans=tuple(spans)), marks


def _surviving_ids(block: Block) -> set[str]:
    found: set[str] = set()

    def walk(nodes):
        for n in nodes:
            if not isinstance(n, str):
                if n.get("xml:id"):
                    found.add(n.get("xml:id"))
                walk(n.children)

    walk(block.inlines())
    return found
