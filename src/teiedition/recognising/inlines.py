"""Inline annotations inside a block: the ordered table ``INLINE_RECOGNISERS`` and its helpers.

Why: what lies *inside* a line (square brackets, quotations with their source, dates,
footnote calls, slips, the original's script) is a job apart from what the line is
(``recognise``); each convention is one entry of the table, tested alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Callable

from ..model import Block, Span, attrs_of
from .anchors import GluedCalls, odd_call_spans
from .brackets import bracket_spans
from .dates import find_dates
from .lines import parse_date
from .signatures import signed_spans
from .wording import script_run_spans


FOOTNOTE_MARKER_RE = re.compile(r"\[(\d{1,3})\]")


def footnote_numbers_marked(text: str, styled: bool) -> list[str]:
    """Footnote numbers whose marker is in ``text``: ``[1]``; with a notes block also ``(1)`` and ``word.1``."""
    found = FOOTNOTE_MARKER_RE.findall(text)
    if styled:
        found += [_styled_number(m) for m in FOOTNOTE_STYLED_RE.finditer(text) if _styled_marker_ok(text, m)]
    return found


#: Footnote markers of a notes block: ``(1)`` after a word (not an enumeration after ``:``/``;``),
#: or digits glued to a word or its closing punctuation (``Khrushchev.1``, ``agreed,2``).
FOOTNOTE_STYLED_RE = re.compile(r"(?:(?<=\S)|(?<=\S) )\((?P<n>\d{1,3})\)|"
                                r"(?<=[^\W\d_])(?P<g>[.,;:!?”’\"»)]?)(?P<n2>\d{1,2})(?=[\s,;:)]|$)|"
                                r"(?<=\S)(?P<n3>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")


SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _styled_number(m: re.Match) -> str:
    return m.group("n") or m.group("n2") or m.group("n3").translate(SUPERSCRIPT_DIGITS)


def _styled_marker_ok(text: str, m: re.Match) -> bool:
    """Not an enumeration: no ``(1)`` at a line start or after ``:``, ``;`` or ``(``."""
    i = m.start()
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i > 0 and text[i - 1] not in ":;(\n"


QUOTE_WITH_SOURCE_RE = re.compile(
    r"“(?P<quote>[^“”]+)”(?P<gap>[.,]?\s*)\((?P<title>[A-Z][^(),“”]{1,60}?),\s+"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})\)")


def cit_spans(text: str) -> list[Span]:
    """A quotation followed by its source, ``“…” (Rodong Sinmun, 19 April 1964)``."""
    spans: list[Span] = []
    for m in QUOTE_WITH_SOURCE_RE.finditer(text):
        parsed = parse_date(m.group("date"))
        spans.append(Span(m.start(), m.end(), "cit", rank=5))
        spans.append(Span(m.start(), m.end("quote") + 1, "quote", rank=6))
        spans.append(Span(m.end("quote") + 1, m.end(), "bibl", rank=6))
        spans.append(Span(m.start("title"), m.end("title"), "title", attrs_of(level="j")))
        spans.append(Span(m.start("date"), m.end("date"), "date",
                          attrs_of(when=parsed.when if parsed else None,
                                   cert=parsed.cert if parsed else None)))
    return spans


def date_spans(text: str) -> list[Span]:
    return [Span(a, b, "date", attrs_of(when=d.when, cert=d.cert), rank=60) for a, b, d in find_dates(text)]


@lru_cache(maxsize=1)
def slips() -> tuple[tuple[re.Pattern, str, str], ...]:
    """The reviewed list of obvious slips (data/slips.toml), compiled once."""
    data = tomllib.loads(resources.files("teiedition").joinpath("data/slips.toml").read_text("utf-8"))
    return tuple((re.compile(rf"(?<!\w){re.escape(s['printed'])}(?!\w)"), s["printed"], s["correction"])
                 for s in data.get("slip", []))


def slip_spans(text: str) -> list[Span]:
    spans = []
    for pattern, _printed, correction in slips():
        for m in pattern.finditer(text):
            spans.append(Span(m.start(), m.end(), "slip", attrs_of(corr=correction), rank=55))
    return spans


class WaitingFootnotes(set):
    """Footnote numbers whose marker is not found yet; those of a notes block also in number order.

    Markers of a notes block (``(1)``, ``Khrushchev.1``) are taken only for the lowest number
    still waiting, so that a stray ``(3)`` or a digit after a word is not taken for note 3.
    """

    def __init__(self, numbers=(), styled=(), odd=()):
        super().__init__(numbers)
        self.odd = set(odd)  # notes whose only call is odd (``Lindqvist1``, ``[l]``): ``anchors.odd_calls``
        self.styled = sorted({int(n) for n in styled})
        self._next = 0
        self.glued = GluedCalls(page_has_notes=bool(self), notes_on_page=self)

    def lowest_styled(self) -> int | None:
        while self._next < len(self.styled) and str(self.styled[self._next]) not in self:
            self._next += 1
        return self.styled[self._next] if self._next < len(self.styled) else None


def styled_footnote_spans(text: str, waiting: set | None) -> list[Span]:
    """``(1)`` and ``Khrushchev.1`` markers of a notes block, taken in number order (the lowest waiting)."""
    if not isinstance(waiting, WaitingFootnotes) or waiting.lowest_styled() is None:
        return []
    spans = []
    for m in FOOTNOTE_STYLED_RE.finditer(text):
        n = _styled_number(m)
        lowest = waiting.lowest_styled()
        if lowest is None:
            break
        if int(n) != lowest or not _styled_marker_ok(text, m):
            continue
        waiting.discard(n)
        start = m.start("n") - 1 if m.group("n") else m.start("n2") if m.group("n2") else m.start("n3")
        # (the space before "(1)" stays text)
        spans.append(Span(start, m.end(), "fnref", attrs_of(n=n), inner=(start, start), rank=10))
    return spans


INLINE_RECOGNISERS: tuple[tuple[str, Callable], ...] = (
    ("quotation_with_source", lambda text, ctx: cit_spans(text)),
    ("square_brackets", lambda text, ctx: bracket_spans(text, ctx)),
    ("notes_block_markers", lambda text, ctx: styled_footnote_spans(text, ctx)),
    ("odd_footnote_calls", lambda text, ctx: odd_call_spans(text, ctx, ctx.odd)
     if isinstance(ctx, WaitingFootnotes) else []),
    ("footnote_calls_without_notes", lambda text, ctx: ctx.glued.spans(text)
     if isinstance(ctx, WaitingFootnotes) else []),
    ("original_script", lambda text, ctx: script_run_spans(text)),
    ("obvious_slips", lambda text, ctx: slip_spans(text)),
    ("dates", lambda text, ctx: date_spans(text)),
)


def annotate_inlines(block: Block, footnotes: set | None = None) -> Block:
    """Add the inline annotations of every recogniser to a block (duplicates dropped)."""
    spans: list[Span] = list(block.spans)
    if block.kind == "signed":
        spans.extend(signed_spans(block))
    for _name, rec in INLINE_RECOGNISERS:
        spans.extend(rec(block.text, footnotes))
    seen: set[tuple[int, int, str]] = set()
    unique: list[Span] = []
    for s in spans:
        key = (s.start, s.end, s.kind)
        if key in seen:
            continue
        seen.add(key)
        unique.append(s)
    unique.extend(_stops_after_notes(block.text, unique))
    return replace(block, spans=tuple(_outside_markup(block.spans, unique)))


def _outside_markup(given: tuple[Span, ...], spans: list[Span]) -> list[Span]:
    """Drop annotations found again where the block's own spans already decided.

    Inside the markup of a given span (``[1]`` of ``[1] text``: the footnote's number, not a
    bracket of its own), and a date inside a given date (``28 June`` of ``28 June [1962]``).
    """
    markup = [(s.start, s.inner[0]) for s in given if s.inner and s.inner[0] > s.start]
    dates = [(s.start, s.end) for s in given if s.kind == "date"]
    if not markup and not dates:
        return spans

    def decided(s: Span) -> bool:
        return any(a <= s.start and s.end <= b for a, b in markup) \
            or s.kind == "date" and any(a <= s.start and s.end <= b for a, b in dates)

    return [s for s in spans if s in given or not decided(s)]


def _stops_after_notes(text: str, spans: list[Span]) -> list[Span]:
    """``… degree. [Translator's note: …].``: the full stop after the note ends the note's sentence.

    The sentence before already ended; the writer puts that stop inside the note, so the
    edition reads ``degree.¹`` and the note ``… .`` rather than ``degree. ¹.``.
    """
    out = []
    for s in spans:
        if s.kind == "note" and s.end < len(text) and text[s.end] == "." and text[s.end - 1] == "]" \
                and _ends_sentence(text, s.start) and not text[s.end + 1:s.end + 2].isalnum() \
                and text[s.end + 1:s.end + 2] != ".":
            out.append(Span(s.end, s.end + 1, "note-stop", rank=10))
    return out


def _ends_sentence(text: str, end: int) -> bool:
    """Does ``text[:end]`` end with a full stop (or ``!``/``?``), spaces and closing quotes aside?"""
    i = end
    while i > 0 and text[i - 1] in " \t\n”’\"')":
        i -= 1
    return i > 0 and text[i - 1] in ".!?"
