"""Shapes of a line that every recogniser asks about: prose or not, capitals, words, a date.

Why: the recognisers of ``recognise``, ``signatures``, ``closing`` and ``dialogue`` judge
lines by the same few shapes; one small module keeps those answers the same everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import parse_date as _parse_date


@lru_cache(maxsize=4096)
def parse_date(text: str):
    """``dates.parse_date``, cached: recognisers ask about the same short lines more than once."""
    return _parse_date(text)


def _words(text: str) -> int:
    return len(text.split())


def is_prose(text: str) -> bool:
    """A running-text paragraph rather than a heading, label or mark (a footnote's call may close it:
    ``… the central question.(2)``)."""
    s = text.strip()
    return _words(s) >= 9 or (_words(s) >= 4 and bool(re.search(r"[.!?;:…]['’”\")\]]*(?:\(\d{1,2}\)|\[\d{1,2}\])?$", s)))


LETTER_RE = re.compile(r"[^\W\d_]")
#: An addressee line (``To Comrade FILIPPOV.``, ``To the Ministry …:``, ``to cde. Kim``): it opens a message, it never
#: signs one; the header zone reads it as a salute, the closing zone never as a sign-off.
ADDRESSEE_RE = re.compile(r"^(?:To|TO|to)\s+(?!be\b|whom\b)(?:the\s+|THE\s+)?(?P<rest>(?:[A-ZÀ-Ý]|comrade\s|cde\.\s?).{2,150})$")


def is_upper_line(text: str) -> bool:
    return text.isupper() and len(LETTER_RE.findall(text, 0, 200)) >= 3
