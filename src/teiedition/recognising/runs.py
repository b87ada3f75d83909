"""Runs of lines read together: bulleted or dashed lists, and transmission logs.

Why: a line alone does not say whether it is a list item or a log entry; its
neighbours do.  A run of lines opening with the same bullet (``•``, ``-``) is one list
(``list/item``), and the short lines next to a transmission-log line (``Sent …``,
``Received …``) that have a log's shape (a time of day, or ``Copied by …``) are read as
the same log, so a log is never half log and half paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block

#: A list bullet at the line start; a dash counts only in a run of two or more.
BULLET_RE = re.compile(r"^\s*(?P<mark>[•·▪◦○●■□‣⁃➢►]|[-–—*])\s+\S")
#: A log's shape: a time of day (``14:30``, ``14.30 hrs``), or a participle and who or when
#: (``Copied by …``, ``Taken off the wire at …``).
LOG_SHAPE_RE = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![.\d])|\b\d{1,2}\s*(?:hrs|hours|h\.)|"
                          r"^(?:[A-Z][a-z]+ed|Sent|Taken|Written|Made|Given|Read|Done)\b.{0,60}?\b(?:by|at|on)\b")
LOOSE = ("p", "line", "head", "heading", "dateline")
#: Lines that may join a log: not a dateline (``10.03.50`` over the signature stays the closer's date).
LOG_NEIGHBOURS = ("p", "line", "head", "heading")


def bullet_lists(blocks: list[Block]) -> list[Block]:
    """Lines opening with the same bullet become items of one list (dashes: two or more in a run)."""
    out = list(blocks)
    i = 0
    while i < len(out):
        m = BULLET_RE.match(out[i].text) if out[i].kind in LOOSE else None
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(out) and out[j].kind in LOOSE and (n := BULLET_RE.match(out[j].text)) \
                and n.group("mark") == m.group("mark"):
            j += 1
        if j - i >= 2 or m.group("mark") not in "-–—*":
            for k in range(i, j):
                out[k] = replace(out[k], kind="bullet-item")
        i = j
    return out


#: An outline's number opening a line (``1)``, ``(2)``, ``3.``).
NUMBER_RE = re.compile(r"^\s*\(?(?P<n>\d{1,2})[.)]\s+\S")
#: A second sentence inside a line: the line is a numbered paragraph, not a list item.
SECOND_SENTENCE_RE = re.compile(r"[.!?][”’\"')\]]*\s+[A-ZÀ-Ý“\"]")


def numbered_lists(blocks: list[Block]) -> list[Block]:
    """Short numbered lines under a line ending in a colon (``The agenda:`` / ``1) …`` / ``2) …``) are one list.

    The run counts from 1 in steps of one, has two items or more, each one phrase or sentence of 25
    words at most, and the text goes on in a paragraph after it; numbered paragraphs of prose stay
    paragraphs as printed.
    """
    out = list(blocks)
    last_p = max((k for k, x in enumerate(blocks) if x.kind == "p"), default=-1)
    for i, b in enumerate(blocks[:-2]):
        if b.kind not in LOOSE or not b.text.rstrip().endswith(":"):
            continue
        j = i + 1
        while j < len(out) and out[j].kind in LOOSE and out[j].get("zone") != "header" \
                and _item_number(out[j].text) == j - i:
            j += 1
        if j - i - 1 >= 2 and last_p >= j:
            for k in range(i + 1, j):
                out[k] = replace(out[k], kind="numbered-item")
    return out


def _item_number(text: str) -> int | None:
    m = NUMBER_RE.match(text)
    if not m or len(text.split()) > 25 or SECOND_SENTENCE_RE.search(text, m.end() - 1) or "\n\n" in text:
        return None
    return int(m.group("n"))


#: An outline's mark by its shape: a number (``1.``, ``2)``, ``(3)``), a letter (``a)``, ``b.``, ``(c)``), a bullet.
OUTLINE_MARK_RE = re.compile(r"^\s*(?:(?P<num>\(?(?P<n>\d{1,2})[.)])|(?P<let>\(?(?P<l>[a-z])[.)])|(?P<bul>[•·▪◦○●■□‣⁃➢►*]|[-–—]))\s+\S")
OUTLINE_KINDS = LOOSE + ("bullet-item", "numbered-item")


def outlines(blocks: list[Block]) -> list[Block]:
    """A run of lines whose marks change shape (``1.`` / ``a)`` / ``-``) is one outline of nested levels.

    Read as an outline is read: a mark of a shape not yet open goes one level deeper (and counts
    from 1 or ``a``), a shape already open goes back to its level and goes on counting; bullets do
    not count.  Each line is one phrase (30 words at most, no second sentence); the run has three
    lines or more and two levels or more (one level is left to ``numbered_lists`` and
    ``bullet_lists``).  The lines become ``outline-item`` with their ``level`` (struct7)."""
    out = list(blocks)
    i = 0
    while i < len(out):
        levels = _outline_run(out, i)
        if len(levels) >= 3 and max(levels) >= 2 and not _series_goes_on(out, i, len(levels)):
            for k, (level, kind) in enumerate(zip(levels, _outline_kinds(out, i, len(levels)))):
                out[i + k] = replace(out[i + k], kind="outline-item").with_attrs(level=str(level), list=kind)
        i += max(1, len(levels))  # a run read once: a later start inside it finds no more levels (linear)
    return out


#: How far after an outline its top level's numbering is looked for in paragraphs of prose.
SERIES_REACH = 10


def _series_goes_on(blocks: list[Block], i: int, n: int) -> bool:
    """Does the outline's top-level numbering go on in the blocks after it (``3) He further informed me …``
    after ``1)`` … ``2)``)?  Then the numbers are the text's numbered paragraphs, not an outline's items."""
    marks = [_mark_of(b.text) for b in blocks[i:i + n]]
    last = [mark[1] for mark in marks if mark and mark[0] == marks[0][0]][-1]  # the top level's last count
    return last is not None and any(_mark_of(b.text) == (marks[0][0], last + 1) for b in blocks[i + n:i + n + SERIES_REACH])


def _outline_mark(b: Block) -> tuple[str, int | None] | None:
    """The shape of a line's outline mark and its count (None for a bullet), or None when no outline line."""
    m = OUTLINE_MARK_RE.match(b.text) if b.kind in OUTLINE_KINDS and b.get("zone") != "header" else None
    if not m or len(b.text.split()) > 30 or "\n\n" in b.text or SECOND_SENTENCE_RE.search(b.text, m.end() - 1):
        return None
    return _mark_of(b.text)


def _mark_of(text: str) -> tuple[str, int | None] | None:
    """A line's outline mark as (shape, count), whatever the line holds after it."""
    m = OUTLINE_MARK_RE.match(text)
    if not m:
        return None
    if m.group("num"):
        return ("num" + re.sub(r"\d", "", m.group("num")), int(m.group("n")))
    if m.group("let"):
        return ("let" + re.sub(r"[a-z]", "", m.group("let")), ord(m.group("l")) - ord("a") + 1)
    return ("bul" + m.group("bul"), None)


def _outline_run(blocks: list[Block], i: int) -> list[int]:
    """The level of each line of the outline starting at ``blocks[i]`` (empty when none starts there)."""
    stack: list[list] = []  # [shape, last count] per open level
    levels: list[int] = []
    for b in blocks[i:]:
        mark = _outline_mark(b)
        if mark is None:
            break
        shape, count = mark
        shapes = [s for s, _c in stack]
        if shape in shapes:
            del stack[shapes.index(shape) + 1:]
            if count is not None and count != stack[-1][1] + 1:
                break
            stack[-1][1] = count
        elif count in (None, 1):
            stack.append([shape, count])
        else:
            break
        levels.append(len(stack))
    return levels


def _outline_kinds(blocks: list[Block], i: int, n: int) -> list[str]:
    """``bulleted`` or ``ordered``: the list each outline line stands in, by its mark."""
    return ["bulleted" if (_outline_mark(b) or ("bul",))[0].startswith("bul") else "ordered" for b in blocks[i:i + n]]


#: A label of a list of attachments, alone on its line: ``Attachments:``, ``Enclosures:``, ``Attachment:``.
ATTACHMENTS_LABEL_RE = re.compile(r"^(?i:attachments?|enclosures?|appendices|annexes|enclosed)\s*:$")
#: An item's number or bullet opening a line: ``1.``, ``2)``, ``(3)``, ``-``, ``•``.
ITEM_MARK_RE = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[•·▪\-–—*])\s+\S")


def attachment_lists(blocks: list[Block]) -> list[Block]:
    """Numbered (or bulleted) lines right under an ``Attachments:`` label name the attachments: one list.

    Without this each such line reads as a numbered heading, and headings after the sign-off open an
    enclosure; the label says the lines are a list of what goes with the letter (struct7)."""
    out = list(blocks)
    for i, b in enumerate(blocks[:-1]):
        if b.kind != "attachment" or not ATTACHMENTS_LABEL_RE.match(b.text.strip()):
            continue
        j = i + 1
        while j < len(out) and out[j].kind in LOOSE + ("dist-item", "numbered-item", "bullet-item") \
                and ITEM_MARK_RE.match(out[j].text) and len(out[j].text.split()) <= 30 and "\n\n" not in out[j].text:
            out[j] = replace(out[j], kind="attachment-item")
            j += 1
    return out


def log_runs(blocks: list[Block]) -> list[Block]:
    """Short lines of a log's shape next to a transmission-log line belong to the log."""
    out = list(blocks)
    for i, b in enumerate(blocks):
        if b.kind != "log":
            continue
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(out) and out[j].kind in LOG_NEIGHBOURS and _log_shaped(out[j].text):
                out[j] = replace(out[j], kind="log")
                j += step
    return out


def _log_shaped(text: str) -> bool:
    s = text.strip()
    return 0 < len(s.split()) <= 20 and bool(LOG_SHAPE_RE.search(s)) and not s.startswith("[")
