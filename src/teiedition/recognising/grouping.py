"""Grouping classified blocks: routing lists, notes blocks, footnote texts, and the divisions.

Why: once each line has a kind, some roles depend on the lines around it (the items under
``To be seen by``, the texts under ``Translator's Notes``) and the document is cut into its
phases (opening, body, closing) and divisions (an enclosure after a signature).  That is a
job apart from telling what one line is (``recognise``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Division, Span, attrs_of, kinds_where
from .anchors import odd_calls
from .inlines import footnote_numbers_marked
from .lines import _words, is_prose
from .signatures import _last_prose_index

#: Kinds that may stand in the opening group of a division (the table: ``model.BLOCK_KINDS``).
OPENER_KINDS = kinds_where(opener=True)
#: Kinds that start or continue the closing group.
BOTTOM_KINDS = kinds_where(closing=True)


#: A signature block without a placeholder: "By order of the Minister" / name / title.
#: Words of an office, never a signatory's name ("Deputy Minister", "Head of the Department").
#: Routing lists: who is to see the document, and who has seen it ("To be seen by" / "Seen by").
ROUTE_HEAD_RE = re.compile(r"^(?P<head>(?:To be (?:seen|read|shown|circulated) (?:by|to)|(?:Seen|Read) by|"
                           r"Ha(?:s|ve) (?:seen|read)|Circulated to|Circulation list|Routing list)\s*:?|"
                           r"(?:Seen|Read|Circulation|Routing):)(?:\s+(?P<rest>\S.*))?$", re.I)


def _gap_section_breaks(blocks: list[Block]) -> list[Block]:
    """A run of empty lines between two paragraphs marks a new theme: an unprinted section break."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.get("gap_before") == "wide" and b.kind in ("p", "aside") and prev is not None \
                and prev.kind in ("p", "aside") and is_prose(b.text):
            out.append(Block("milestone", "", b.line, (), attrs_of(role="blank-lines")))
        out.append(b)
    return out


#: Kinds that may follow a closing group without starting a new division.
AFTER_BOTTOM_KINDS = BOTTOM_KINDS | kinds_where(after_closing=True)


def _routing_lists(blocks: list[Block]) -> list[Block]:
    """``To be seen by`` / ``Comrade …`` / ``Seen by`` / ``Comrade …``: routing lists, not signatures.

    A heading line starts a list; the short lines after it (names, ``[signature]``, dates) are
    its items.  A heading with nothing after it is left as it was.
    """
    out = list(blocks)
    i = 0
    while i < len(out):
        m = ROUTE_HEAD_RE.match(out[i].text.strip())
        if not m or out[i].kind not in ("line", "p", "head", "signed") or _words(out[i].text) > 12 \
                or (m.group("rest") and is_prose(m.group("rest"))):
            i += 1
            continue
        j = i + 1
        while j < len(out) and _route_item(out[j]):
            j += 1
        if j == i + 1 and not m.group("rest"):
            i += 1
            continue
        head_end = out[i].text.index(m.group("head")) + len(m.group("head"))
        out[i] = replace(out[i], kind="route-head").with_attrs(head_end=str(head_end))
        for k in range(i + 1, j):
            out[k] = replace(out[k], kind="route-item")
        i = j
    return out


def _route_item(block: Block) -> bool:
    s = block.text.strip()
    return block.kind in ("line", "p", "head", "signed", "dateline") and _words(s) <= 8 \
        and not ROUTE_HEAD_RE.match(s) and not is_prose(s) or (
            block.kind == "signed" and _words(s) <= 10 and not ROUTE_HEAD_RE.match(s))


NOTES_HEAD_RE = re.compile(r"^(?:(?:Translator|Translators|Editor|Editors)[’']?s?[’']?\s+|End|Foot)?"
                           r"(?:[Nn]otes?|NOTES?)(?: of the [Tt]ranslator)?\s*:?$|^(?:FOOTNOTES|ENDNOTES|"
                           r"TRANSLATOR[’']S NOTES)\s*:?$")


NOTE_TEXT_RE = re.compile(r"^(?:\((?P<a>\d{1,3})\)|\[(?P<b>\d{1,3})\]|(?P<c>\d{1,3})[.)]|(?P<d>\d{1,3})(?=\s+[A-ZÀ-Ý“\"]))"
                          r"\s+\S")


def _notes_blocks(blocks: list[Block]) -> list[Block]:
    """A ``Translator's Notes`` (``Notes``, ``Footnotes``) heading and its ``(1) …``/``1. …`` texts."""
    out = list(blocks)
    for i, b in enumerate(out):
        if not NOTES_HEAD_RE.match(b.text.strip()):
            continue
        j = i + 1
        texts = []
        while j < len(out) and (m := NOTE_TEXT_RE.match(out[j].text)):
            texts.append(m.group("a") or m.group("b") or m.group("c") or m.group("d"))
            j += 1
        marked = {n for blk in out[:i] for n in footnote_numbers_marked(blk.text, True)}
        if not texts or not marked.intersection(texts):
            continue  # a "Notes" section of numbered points, not notes to markers in the text
        for k, n in zip(range(i + 1, j), texts):
            out[k] = replace(out[k], kind="footnote").with_attrs(n=n, style="notes-block")
        out[i] = replace(b, kind="postscript").with_attrs(role="notes-heading")
    return out


#: ``[1]The note``: a footnote text glued to its number (a numbered point has a space after its bracket).
GLUED_NOTE_RE = re.compile(r"\[(\d{1,3})\][^\W\d_]")


def _glued_note(block: Block):
    """The match of ``[1]The note`` when a paragraph or a short line opens so, else None."""
    return GLUED_NOTE_RE.match(block.text) if block.kind in ("p", "line") else None


#: A footnote call alone on its line: ``[2]`` (the saved page broke the line at the call's link).
LONE_CALL_RE = re.compile(r"^\[(?P<n>\d{1,3})\]$")
FOOTNOTE_CALL_RE = re.compile(r"\[(\d{1,3})\]")


def join_lone_calls(lines) -> list:
    """``… the spring`` / ``[2]``: a call alone on its line joins the line above: the call ends the sentence
    above it, it is no paragraph of its own (struct7).  When the note of that number is printed below
    (``[2] …``), or, without it, when the number is the next of the calls printed so far (``[1]`` above,
    ``[2]`` not yet): a notes area printing ``[2]`` over its note's text (calls already seen) is left alone."""
    notes = {m.group(1) for line in lines if (m := re.match(r"^\[(\d{1,3})\]\s+\S", line.text))}
    seen: set[str] = set()
    out: list = []
    for line in lines:
        m = LONE_CALL_RE.match(line.text.strip())
        n = m.group("n") if m else None
        if m and out and (n in notes or n not in seen and (n == "1" or str(int(n) - 1) in seen)) \
                and not LONE_CALL_RE.match(out[-1].text.strip()) \
                and not re.match(r"^\[\d{1,3}\]\s", out[-1].text) and _words(out[-1].text) >= 4:
            out[-1] = replace(out[-1], text=out[-1].text + "\n" + line.text)
            seen.add(n)
            continue
        seen.update(FOOTNOTE_CALL_RE.findall(line.text))
        out.append(line)
    return out


def _lift_footnotes(blocks: list[Block]) -> tuple[list[Block], tuple[Block, ...]]:
    """Footnote texts after the closing group whose marker is in the text leave the flow (one per number)."""
    styled = any(b.get("style") == "notes-block" for b in blocks)
    in_text = {m for b in blocks if b.kind != "footnote" and not _glued_note(b)
               for m in footnote_numbers_marked(b.text, styled)}
    # "[1]The note" read as running text: a footnote text when its call stands in the text (else it stays)
    blocks = [b.with_attrs(n=m.group(1), glued="1") if (m := _glued_note(b)) and m.group(1) in in_text else b
              for b in blocks]
    blocks = [replace(b, kind="footnote") if b.get("glued") else b for b in blocks]
    missing = {b.get("n") for b in blocks if b.kind == "footnote"} - in_text
    odd = {m for b in blocks if b.kind != "footnote" for m in odd_calls(b.text, missing)} if missing else set()
    in_text |= odd  # ``Lindqvist1``, ``[l]``: the only call of a note on the page (struct7)
    lifted: set[str] = set()
    footnotes: list[Block] = []
    kept: list[Block] = []
    seen_bottom = False
    for b in blocks:
        if b.kind in BOTTOM_KINDS and b.kind != "footnote":
            seen_bottom = True
        if b.kind == "footnote":
            n = b.get("n")
            if n not in lifted and n in in_text and (seen_bottom or _only_notes_after(blocks, b) or b.get("glued")):
                # after the closing group, or in the page's last run of notes right after the text, or
                # glued to its first word wherever it stands (``[1]The note``: no numbered point is printed so)
                footnotes.append(b.with_attrs(call="odd") if n in odd else b)
                lifted.add(n)
                continue
            if n not in in_text and n not in lifted and _only_notes_after(blocks, b):
                # its call is not on the page (in the title, or cut off); before the closing group it
                # is a plain line, so that a paragraph after it opens no enclosure
                kept.append(unanchored_footnote(b, "postscript" if seen_bottom else "line"))
                lifted.add(n)
                continue
            b = replace(b, kind="postscript" if seen_bottom else "p")
        elif footnotes and b.kind == "p" and is_prose(b.text):
            # running text after the notes were lifted: not a new document (an enclosure) but
            # what the page prints after its notes (a summary the furniture did not claim)
            b = replace(b, kind="postscript").with_attrs(
                review="running text after the footnotes; kept in the closing group (the page's summary?)")
        kept.append(b)
    return kept, tuple(footnotes)


def _only_notes_after(blocks: list[Block], block: Block) -> bool:
    """Does ``block`` stand in the page's last run of footnote texts?

    After it come only other footnote texts and short lines, and at most one paragraph
    of running text at the very end (a summary the page prints after its notes); never a
    signature or a closing group (notes follow the signature: ``[1] …`` lines before one are
    the body's numbered points).
    """
    after = blocks[blocks.index(block) + 1:]
    if any(b.kind in BOTTOM_KINDS for b in after):
        return False
    prose = [i for i, b in enumerate(after) if b.kind != "footnote" and is_prose(b.text)]
    return not prose or prose == [len(after) - 1]


def unanchored_footnote(block: Block, kind: str) -> Block:
    """``[1] Written in pencil.`` whose call is not on the page: the note where it was printed.

    The ``[1]`` is the note's markup (``@n``), as for a note moved to its call; the rest is the
    note's text.  The block is a line (of the ``postscript`` after a closing group) holding one
    ``note[@type="footnote"]``.
    """
    m = re.match(r"^\s*\[\d+\]\s*", block.text)
    end = len(block.text.rstrip())
    note = Span(0, end, "note", attrs_of(type="footnote", n=block.get("n"), place="foot"),
                inner=(m.end() if m else 0, end), rank=5)
    return replace(block, kind=kind, spans=block.spans + (note,)).with_attrs(
        role="unanchored-footnote", recogniser="footnote_without_call")


def _divide(blocks: list[Block]) -> tuple[Division, ...]:
    """Phases top -> body -> bottom; body text (or a heading) after a closing group opens an enclosure."""
    divisions: list[Division] = []
    current: list[Block] = []
    phase = "top"

    def close() -> None:
        divisions.append(Division("document" if not divisions else "enclosure", tuple(current)))

    first_prose = next((i for i, b in enumerate(blocks) if b.kind == "p" and is_prose(b.text)), len(blocks))
    last_prose = _last_prose_index(blocks)
    for i, b in enumerate(blocks):
        kind = b.kind
        if phase == "top" and kind == "signed" and i < first_prose < len(blocks) and not divisions:
            current.append(b.with_attrs(phase="top"))  # a resolution signed above the text opens it
            continue
        if phase == "body" and kind == "signed" and b.get("role") == "resolution" and i < last_prose:
            b = replace(b, kind="aside")  # a resolution written on the text does not end it
            kind = "aside"
        if phase == "top" and kind not in OPENER_KINDS:
            phase = "body"
        if phase == "body" and kind in BOTTOM_KINDS and not (b.get("zone") == "header" and i < first_prose):
            # a log or list of the header zone (after a copy list at the top) opens no closing group
            phase = "bottom"
            # short lines right before the closing group belong to it ("General Office, Ministry ...")
            tail: list[Block] = []
            while current and current[-1].get("phase") == "body" and (
                    current[-1].kind == "line" or current[-1].get("zone") == "closing"):
                tail.insert(0, current.pop())
            if tail and current:
                current.extend(replace(t, kind=t.kind if t.get("zone") == "closing" else "postscript")
                               .with_attrs(phase="bottom") for t in tail)
            else:
                current.extend(tail)
        if phase == "bottom" and kind not in AFTER_BOTTOM_KINDS:
            close()
            current = []
            phase = "top" if kind in OPENER_KINDS else "body"
        elif phase == "bottom" and kind == "head" and current and current[-1].kind != "signed":
            close()
            current = []
            phase = "top"
        current.append(b.with_attrs(phase=phase))
    if current or not divisions:
        close()
    return tuple(divisions)


def _number_copy_items(blocks: list[Block]) -> list[Block]:
    """``1x`` lines (one copy each) are numbered by their place in the list."""
    out: list[Block] = []
    run = 0
    for b in blocks:
        if b.kind == "dist-item" and re.match(r"^\d+x\s", b.text):
            run += 1
            b = b.with_attrs(n=str(run))
        elif b.kind != "dist-item":
            run = 0
        out.append(b)
    return out
