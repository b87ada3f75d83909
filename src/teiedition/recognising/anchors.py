"""Footnote calls whose note is not on the page: ``Chen Yi[1]``, ``JELEN1``, ``year.1 This``.

Why: a saved page often keeps the call of a footnote but not its text.  The call is
still the author's (or editor's) mark, not a word the translator added, so it becomes
``anchor[@type="footnote"][@n]`` where it stands, with ``@rend`` saying how it was
printed (``bracketed`` for ``[1]``, ``parenthesised`` for ``(1)``, ``glued`` for digits set against a word), so that
the printed text can be rebuilt and nothing is lost.

Digits glued to a word are taken only on a page with no footnote texts at all, and only
in number order from 1 (``JELEN1`` … ``year.2 This``): a type designation (``MIG15``)
or a stray digit never starts that sequence.
"""

from __future__ import annotations

import re

from ..model import Span, attrs_of

#: ``[1]`` glued to the word before it (``Chen Yi[1]``, ``year.[2]``).
BRACKETED_CALL_RE = re.compile(r"\d{1,3}")
#: Digits glued to a word in capitals (``JELEN1``), to a word of four or more letters
#: (``Khrushchev1``), or to a word's closing punctuation before the next sentence (``year.1 This``).
GLUED_CALL_RE = re.compile(
    r"(?:(?<![\w])[A-ZÀ-Ý]{3,}|(?<![\w])[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]{3,})(?P<n>\d{1,2})(?=[\s,;:.)]|$)"
    r"|(?<![\w])(?P<w>[a-zà-ÿ]{2,})[.,;:!?”’\"](?P<n2>\d{1,2})(?=\s+[A-ZÀ-Ý“\"]|\s*$)")
#: After a call opening a block, the sentence going on in lower case (``[1] speaks, I …``): the saved page
#: broke the line at the call's link; a note text (``[1] See …``) opens with a capital.
CONTINUED_RE = re.compile(r" [a-zà-ÿ]")
#: A year's century standing alone before a bracket (``X/19[62]``): the bracket completes the year.
YEAR_START_RE = re.compile(r"(?<!\d)(?:18|19|20)$")
#: Abbreviations a number follows (``no.1``, ``art.5``, ``vol.2``): no footnote call there.
NUMBERED_ABBREVIATIONS = frozenset("no nos vol vols art arts para paras pp ch fig tel op ed cf sec".split())


def bracketed_anchor(text: str, start: int, end: int, content: str) -> list[Span] | None:
    """``[n]`` right after a word whose note text is not on the page (the caller checked that), or opening
    a line that goes on in lower case (the line broken at the call)."""
    if not BRACKETED_CALL_RE.fullmatch(content):
        return None
    if text[:start].strip() == "" and CONTINUED_RE.match(text, end):
        pass  # "Before Günther / [1] speaks, …": the call, then the sentence going on below the line's break
    elif start > 0 and text[start - 1] == "\n" and not text[end:].strip():
        pass  # "… of the Soviet Union / [2]": a call alone on its line, joined to the line it ends (join_lone_calls)
    elif start == 0 or text[start - 1].isspace():
        return None
    if len(content) == 2 and YEAR_START_RE.search(text, max(0, start - 3), start):
        return None  # "19[62]": the year's last digits, completed by the translator
    return [Span(start, end, "anchor", attrs_of(type="footnote", n=str(int(content)), rend="bracketed"),
                 inner=(start + 1, start + 1), rank=10)]


#: ``[l]``: a letter l printed for the digit 1 in a bracketed call.
LETTER_CALL_RE = re.compile(r"(?<=\S)\[l\]")


def odd_calls(text: str, missing) -> list[str]:
    """Numbers among ``missing`` (notes on the page whose ``[n]`` call is not) called in an odd shape:
    digits glued to a surname (``Lindqvist1``, ``JELEN1``) or ``[l]`` for 1 (struct7)."""
    found = [m.group("n") for m in GLUED_CALL_RE.finditer(text) if m.group("n") in missing]
    return found + (["1"] if "1" in missing and LETTER_CALL_RE.search(text) else [])


def odd_call_spans(text: str, waiting: set, odd: set) -> list[Span]:
    """The glued calls of ``odd_calls`` as footnote references (``fnref``, ``rend="glued"``), one per number:
    ``odd`` numbers still ``waiting`` for their call (a number taken leaves both)."""
    out = []
    for m in GLUED_CALL_RE.finditer(text) if odd else ():
        n = m.group("n")
        if n in odd and n in waiting:
            odd.discard(n)
            waiting.discard(n)
            out.append(Span(m.start("n"), m.end("n"), "fnref", attrs_of(n=n, rend="glued"),
                            inner=(m.start("n"), m.start("n")), rank=10))
    return out


#: ``(2)`` set against a word or its closing punctuation (``the central question.(2)``, ``Liu Shaoqi,(1)``),
#: never after a digit (``Article 5(2)``) or a space (``decided: (1) to build``: an enumeration).
PAREN_CALL_RE = re.compile(r"(?<=[^\W\d_]|[.!?,;:”’\"'])\((?P<n>\d{1,2})\)(?=[\s,;:.)]|$)")
#: How far a parenthesised call may skip ahead of the last one taken (a note left out, a misprint).
PAREN_SKIP = 3


class GluedCalls:
    """The number the next glued call must carry (document order, from 1); None: not on this page.

    Parenthesised calls (``question.(2)``) are taken on any page, for numbers whose note is not on it,
    in rising order (a few numbers may be skipped), so a stray ``(3)`` out of order stays text.
    """

    def __init__(self, page_has_notes: bool, notes_on_page=()):
        self.next = None if page_has_notes else 1
        self.notes_on_page = frozenset(str(n) for n in notes_on_page)
        self.last_paren = 0

    def spans(self, text: str) -> list[Span]:
        out = self._paren_spans(text)
        if self.next is None:
            return out
        for m in GLUED_CALL_RE.finditer(text):
            group = "n" if m.group("n") else "n2"
            if int(m.group(group)) != self.next or (m.group("w") or "").lower() in NUMBERED_ABBREVIATIONS:
                continue
            self.next += 1
            out.append(Span(m.start(group), m.end(group), "anchor",
                            attrs_of(type="footnote", n=m.group(group), rend="glued"),
                            inner=(m.start(group), m.start(group)), rank=10))
        return out

    def _paren_spans(self, text: str) -> list[Span]:
        out = []
        for m in PAREN_CALL_RE.finditer(text):
            n = int(m.group("n"))
            if m.group("n") in self.notes_on_page or not self.last_paren < n <= self.last_paren + PAREN_SKIP:
                continue
            self.last_paren = n
            out.append(Span(m.start(), m.end(), "anchor", attrs_of(type="footnote", n=str(n), rend="parenthesised"),
                            inner=(m.start(), m.start()), rank=10))
        return out
