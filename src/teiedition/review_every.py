"""Review candidates for every decision a weak rule took, whatever its shape: coverage first.

Why: on the judges (issue 17, the lead's start-of-session figures) a third of the wrong facts
stood on lines no review rule proposed, because the other rules list a decision only when its
line has a shape seen wrong on the tuning pools.  Here every decision of the kinds that go
wrong on unseen pages is a candidate, decided by which rule the model records and never by a
fact: each bracket read as words added, a gloss, the original's wording or a footnote call; each
signer read without a signature bracket (one code per recogniser that read it); each short line
after the last paragraph that no rule read as a signer; each summary, outgoing number, stamp,
handwritten note, distribution list, footnote block and citation the converter read.  Most of these lines are right, so each code's share of right lines
on the tuning pools (``review_calibration``) keeps them above the threshold unless the line's
evidence says otherwise; a specific rule's candidate for the same bracket or line wins (no
duplicate).  Every candidate is computable on a page with no facts.
"""

from __future__ import annotations

import re

from .model import Block, Document
from .review_items import ReviewItem, line_in_block, norm, role_of

#: Bracket readings that depend on a weak rule (the bracket table's word rules and its fallback),
#: by span kind and ``reason``: the code each gets.
BRACKET_CODES = {("supplied", "added-in-translation"): "every-added", ("supplied", "gloss"): "every-gloss",
                 ("supplied", "original-wording"): "every-original", ("ex", None): "every-expansion",
                 ("fnref", None): "every-footnote-call"}
#: A signature bracket or the abbreviation for *signed*: a signer so marked is read by its mark.
SIGNED_MARK_RE = re.compile(r"\[[^\]\n]{0,30}\bsignature\]|\((?:ss|s|sgd)\)|/s/", re.IGNORECASE)
#: Kinds a closing line is read as when no rule read a signer, distribution or date in it.
PLAIN_KINDS = frozenset({"line", "head", "heading", "p"})
#: Codes of this module: a catch-all for its kind, never counted as another rule agreeing.
PREFIX = "every-"


def _bracket_code(span) -> str | None:
    return BRACKET_CODES.get((span.kind, span.get("reason") if span.kind == "supplied" else None))


def _added_shape(inner: str) -> str:
    """``every-added`` split by the bracket's first character: a name, a number, or words."""
    if inner[:1].isupper():
        return "every-added-name"
    if inner[:1].isdigit():
        return "every-added-number"
    return "every-added"


def every_bracket(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Each bracket whose reading a word rule or the fallback decided (added, gloss, original wording,
    expansion, footnote call)."""
    items = []
    for block in blocks:
        for span in block.spans:
            code = _bracket_code(span)
            if not code:
                continue
            printed = block.text[span.start:span.end]
            if code == "every-added":
                code = _added_shape(printed.strip("[] "))
            items.append(ReviewItem(line_in_block(block, span.start, lines), block.text,
                                    f"{role_of(block)}: {span.kind} {printed!r}",
                                    f"a bracket read as {span.get('reason') or span.kind} by a word rule or the "
                                    "table's fallback: no vocabulary confirms it", code))
    return items


def every_signer(blocks: list[Block]) -> list[ReviewItem]:
    """Each signer read without a signature bracket, coded by the recogniser that read it (its share of
    right lines is that rule's record on the tuning pools)."""
    return [ReviewItem(b.line, b.text, role_of(b), f"a signer read by {b.get('recogniser') or 'a rule'} with no "
                       "signature mark", f"every-signer-{b.get('recogniser') or 'unnamed'}", "medium")
            for b in blocks if b.kind == "signed" and not SIGNED_MARK_RE.search(b.text)]


def _last_prose(blocks: list[Block]) -> int:
    return max((i for i, b in enumerate(blocks) if b.kind == "p" and b.get("recogniser") == "paragraph"
                and len(b.text.split()) >= 12), default=-1)


def closing_lines(blocks: list[Block]) -> list[ReviewItem]:
    """A short line after the last paragraph of prose, with a capitalised word, that no rule read as a
    signer, a date, a number or a list: the sign-off zone's lines are a signer or routing (issue 17)."""
    items = []
    signed = any(b.kind == "signed" for b in blocks)
    for b in blocks[_last_prose(blocks) + 1:]:
        text = re.sub(r"\[[^\]]*\]?", " ", b.text).strip()
        words = text.split()
        if b.kind not in PLAIN_KINDS or b.get("phase") == "top" or not 1 <= len(words) <= 6 \
                or not re.search(r"\b[A-ZÀ-Ý][\w’'.-]+", text) or text.endswith(":") \
                or any(s.get("role") == "signatory" or s.kind == "date" for s in b.spans):
            continue
        items.append(ReviewItem(b.line, b.text, role_of(b), "a short line after the text that no rule read as a "
                                "signer (or a date, a number, a list)", "every-closing-signed" if signed
                                else "every-closing-line"))
    return items


def _source_line(lines: list[str], value: str) -> int | None:
    probe = norm(value)[:60]
    return next((i for i, line in enumerate(lines, 1) if probe and probe in norm(line)), None)


def every_summary(doc: Document, lines: list[str]) -> list[ReviewItem]:
    """The summary read, where its first words are printed (the first place when printed twice)."""
    if not doc.header.summary:
        return []
    at = _source_line(lines, doc.header.summary)
    return [ReviewItem(at, doc.header.summary[:80], "summary", "the summary, taken by its place on the page",
                       "every-summary", "medium")] if at else []


def every_number(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Each outgoing number read (by its sign and its place in the header or the closing)."""
    items = []
    for block in blocks:
        for span in block.spans:
            if span.kind == "idno" and span.get("type") == "outgoing":
                items.append(ReviewItem(line_in_block(block, span.start, lines), block.text, role_of(block),
                                        "an outgoing number read by its sign and place", "every-outgoing", "medium"))
    return items


#: Spans whose reading a fact depends on, read by a vocabulary but printed in many shapes: code by kind.
SPAN_CODES = {("stamp", None): "every-stamp", ("note", "handwritten"): "every-handwritten"}
#: Blocks of a kind read by place: code by kind (a distribution list, listed once at its first line).
BLOCK_CODES = {"distribution": "every-distribution", "dist-item": "every-distribution",
               "dist-item-top": "every-distribution"}


def every_reading(doc: Document, blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Each stamp and handwritten note read, the first line of a distribution and of the footnotes read,
    and the citation read (at its source line): facts whose lines a weak reading may have cut or merged."""
    items, seen = [], set()
    for block in blocks:
        for span in block.spans:
            code = SPAN_CODES.get((span.kind, span.get("type") if span.kind == "note" else None))
            if code:
                items.append(ReviewItem(line_in_block(block, span.start, lines), block.text, role_of(block),
                                        f"a {span.get('type') or span.kind} read", code, "medium"))
        code = BLOCK_CODES.get(block.kind)
        if code and code not in seen:
            seen.add(code)
            items.append(ReviewItem(block.line, block.text, role_of(block), "a distribution list read", code,
                                    "medium"))
    if doc.footnotes:
        first = doc.footnotes[0]
        items.append(ReviewItem(first.line, first.text, role_of(first), "footnotes read", "every-footnote",
                                "medium"))
    at = _source_line(lines, doc.header.source_line) if doc.header.source_line else None
    if at:
        items.append(ReviewItem(at, doc.header.source_line, "citation", "the citation read", "every-citation",
                                "medium"))
    return items


def every_items(doc: Document, blocks: list[Block], lines: list[str], found: list[ReviewItem]) -> list[ReviewItem]:
    """This module's candidates for one page, leaving out a bracket or a line another rule already lists."""
    taken_lines = {it.line for it in found if it.line is not None}
    taken_brackets = {(it.line, it.role.split(": ", 1)[-1].split(" ", 1)[-1]) for it in found if ": " in it.role}
    out = []
    for it in every_bracket(blocks, lines):
        if (it.line, it.role.split(": ", 1)[-1].split(" ", 1)[-1]) not in taken_brackets:
            out.append(it)
    for it in every_signer(blocks) + closing_lines(blocks) + every_summary(doc, lines) + every_number(blocks, lines) \
            + every_reading(doc, blocks, lines):
        if it.line not in taken_lines:
            out.append(it)
    return out
