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
