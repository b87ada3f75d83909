"""An outgoing number printed before its date, its place or a copy mark on one line (hdr5).

Why: offices print their number and the date side by side in either order; ``9 June 1969 Nº 340``
is read by ``recognise._outgoing``, and the other order, with what may follow the date, here:
``Nº 862. 25 June 1953``, ``No. 56 228 3 June 1969, Beijing`` (a number in digit groups),
``Nr. 00127 12 XII 1970/1333`` (a register number glued to the date), ``No. 0234, Moscow, 3 May
1962`` (the place before the date), ``No. 355, Copy 1`` (a copy mark after the number).  The line is read by its shape: a number sign, a number, then words that
read whole as one date (with at most a place or a ``/number`` after it) or as marks only; any
other words leave the line alone.  Leaf module: the caller passes the date and mark readers.
"""

from __future__ import annotations

import re

from ..model import Span, attrs_of
from .header_marks import NUMBER_SIGN

#: The number sign opening the line (``Outgoing`` may stand before it).
SIGN_RE = re.compile(rf"^\s*(?:(?i:outgoing)\s+)?{NUMBER_SIGN}\s*:?\s*")
#: A number sign and a number, nothing else (``No. Pg-18/34g``, ``Nº 284``): a bare number on its line.
BARE_NUMBER_RE = re.compile(rf"^\s*{NUMBER_SIGN}:?\s*[\w./-]*\d[\w./-]*\s*$")
#: One group of a number: digits with letters, slashes, dots or hyphens (``4028-1849ss``, ``st-158/6-s``).
GROUP_RE = re.compile(r"[\w./-]*\d[\w./-]*")
#: What may follow the date: a register number glued to it (``/1333``) or a place (``, Beijing``).
AFTER_DATE_RE = re.compile(r"^(?:/\d+|,?\s*[A-ZÀ-Ý][\w’'-]+(?:[\s-][A-ZÀ-Ý][\w’'-]+)?)?\.?$")
JOIN_RE = re.compile(r"^(?:[.,]\s*)?(?:(?:of|dated|from)\s+)?")


def number_then_date(text: str, find_dates, marks_in) -> tuple[str, tuple, tuple] | None:
    """``Nº 862. 25 June 1953``: a ``dateline`` (``role="outgoing"``) with the number as ``idno`` (and the marks after it as ``seg``).

    ``find_dates`` is the date finder of ``dates.py``; ``marks_in`` reads a rest made only of marks
    (``Copy 1``) into ``(start, end, type, copy number)`` tuples, or gives None."""
    sign = SIGN_RE.match(text)
    if not sign or len(text.split()) > 10:
        return None
    rest = text[sign.end():]
    groups = list(re.finditer(r"\S+", rest))
    for k in range(1, min(3, len(groups)) + 1):
        parts = [g.group().rstrip(".,") for g in groups[:k]]
        if not all(GROUP_RE.fullmatch(p) for p in parts) or (k > 1 and not all(p.isdigit() for p in parts)):
            break  # digit groups only when the number is spaced (``56 228``)
        end = sign.end() + groups[k - 1].start() + len(parts[-1])
        after = text[end:]
        spans = _after_number(after, end, find_dates, marks_in)
        if spans is not None:
            return ("dateline", attrs_of(role="outgoing"),
                    (Span(sign.end(), end, "idno", attrs_of(type="outgoing")), *spans))
    return None


def _after_number(after: str, at: int, find_dates, marks_in) -> tuple | None:
    """The spans of what follows the number when it is one date (and a place) or marks only; else None."""
    joined = JOIN_RE.match(after.strip())
    tail = after.strip()[joined.end():]
    if not tail:
        return None  # a bare number is read by the other recognisers
    dated = re.sub(r"^[A-ZÀ-Ý][\w’'-]+(?:[\s-][A-ZÀ-Ý][\w’'-]+)?,\s*(?=\d)", "", tail)  # "Moscow, 3 May 1962"
    found = find_dates(re.sub(r"/\d+$", "", dated))
    if found and found[0][0] == 0 and AFTER_DATE_RE.match(dated[found[0][1]:]) \
            and (dated == tail or re.search(r"\d{4}", dated[:found[0][1]])):
        return ()  # a place before the date only with a full date: ``Nº 274 KOVALEV, 11 November`` is a sign-off
    marks = marks_in(after.lstrip(" ,;"))
    if not marks:
        return None
    shift = at + len(after) - len(after.lstrip(" ,;"))
    spans = []
    for start, end, kind, num in marks:  # "No. 355, Copy 1", "No. 3   Secret"
        spans.append(Span(shift + start, shift + end, "seg", attrs_of(type=kind)))
        if num is not None:
            spot = after.lstrip(" ,;").rindex(num, start, end)
            spans.append(Span(shift + spot, shift + spot + len(num), "num", attrs_of(value=num)))
    return tuple(spans)
