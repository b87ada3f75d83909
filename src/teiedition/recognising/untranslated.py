"""Lower-case words in brackets that are not English: the original's wording the translator kept.

Why: after an English word or phrase, ``fool [dura]`` or ``on the open sea [v otkrytom more]``
gives the words just translated in the original's language (transliterated Russian,
Portuguese, German, Polish); they are the original's wording, not words the translator added
(ENCODING.md, "original wording").  Shape alone cannot tell ``[dura]`` from ``[dose]``;
whether the words are English can, so the English word-frequency list of ``pyspellchecker``
(a well-kept library, pure Python, MIT) decides.  The list is loaded once, and only when a
bracket of lower-case words after an English word asks, so a page without one starts no
slower (docs/encoding-decisions.md has the figures).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spellchecker import SpellChecker

from .identification import CLOSED_CLASS, DETERMINERS
from ..model import Span, attrs_of

#: The only one-letter English words: the list also holds every letter (initials), while
#: ``v``, ``k``, ``z``, ``w`` standing alone in a bracket are Slavic prepositions.
ONE_LETTER_WORDS = frozenset("ai")
#: A bracket of at most this many words: the original's phrase, not a passage.
MAX_WORDS = 6
MAX_CHARS = 120
#: A word: letters, with an apostrophe or hyphen inside (``jurícos``, ``do-svidaniia``).
WORD_RE = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
#: Only words, spaces, commas and quotes: a bracket with a stop, digit or colon is something else.
WORDS_ONLY_RE = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*(?:[\s,]+[^\W\d_]+(?:[’'-][^\W\d_]+)*)*")
#: The English word before the bracket, with closing quotes allowed between (``“fool” [dura]``).
WORD_BEFORE_RE = re.compile(r"([^\W\d_]+(?:[’'-][^\W\d_]+)*)[”’\"']?\s+$")


@lru_cache(maxsize=1)
def _english_frequencies():
    """The English word list with its counts, read on first use."""
    return SpellChecker(language="en", distance=1).word_frequency


def is_english(word: str) -> bool:
    """A word of the English list (possessive ``'s`` and hyphenated parts checked as words).

    Any count counts: the list's rarest entries (50) hold English words (``transliterated``) as
    well as foreign ones seen in English text (``vier``); half the bracket's words decide.
    """
    w = re.sub(r"[’']s$", "", word.lower())
    frequencies = _english_frequencies()
    return all(frequencies[part] > 0 and (len(part) > 1 or part in ONE_LETTER_WORDS)
               for part in re.split(r"[’'-]", w) if part)


def _closed_class(word: str) -> bool:
    """An English word of a closed class (``the``, ``of``, ``and``, ``his``...): no original's word follows it."""
    return word.lower() in CLOSED_CLASS or word.lower() in DETERMINERS


def untranslated_words(text: str, start: int, content: str) -> bool:
    """Lower-case words, at least half of them not English, right after an English word.

    The word before must be a content word (``sea [v otkrytom more]``): after ``of``, ``the`` or
    ``to`` a bracket completes the phrase in English.  Cheap shapes are checked first, so most
    pages never read the list.
    """
    c = content.strip().strip("“”\"")
    if not c or len(c) > MAX_CHARS or not c[0].islower() or not WORDS_ONLY_RE.fullmatch(c):
        return False
    words = WORD_RE.findall(c)
    before = WORD_BEFORE_RE.search(text[max(0, start - 64):start])
    if len(words) > MAX_WORDS or before is None:
        return False
    lower = [w for w in words if w[0].islower()]  # "[unter vier Augen]": a capitalised noun is no evidence
    if _closed_class(before.group(1)) or all(_closed_class(w) for w in lower):
        return False  # "[the]", "[and he]", "of [the ministry]": English for sure, without reading the list
    foreign = sum(1 for w in lower if not is_english(w))
    return foreign >= 1 and 2 * foreign >= len(lower) and is_english(before.group(1))


def untranslated_wording(ctx) -> list[Span] | None:
    """``fool [dura]``: the original's word for the English before it, not an addition."""
    if not ctx.closed or not untranslated_words(ctx.text, ctx.start, ctx.content):
        return None
    return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="original-wording", resp="#translator"),
                 inner=(ctx.start + 1, ctx.end - 1), rank=10),
            Span(ctx.start + 1, ctx.end - 1, "foreign", rank=11)]
