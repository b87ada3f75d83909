"""Brackets that mark what is not plainly read: gaps, doubtful readings, ``[sic]``, footnote calls.

Why: ``[illegible]``, ``[…]``, ``[signature]``, ``[NAME REDACTED]``, ``[[reading?]]``,
``word [sic]`` and ``[1]`` each stand for something about the original's text (missing,
withheld, uncertain, as printed, annotated), never for words the translator added.
One small recogniser each; the order among all bracket recognisers is in ``brackets``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .bracket_context import BracketContext, _outer_bracket_end, _token_before, _words
from .bracket_notes import SCOPE_RE
from .wording import material_description, omitted_material
from ..model import Span, attrs_of


ILLEGIBLE_RE = re.compile(r"^(?:[\w ,-]*\s)?(?:illegible|indecipherable|undecipherable|unreadable|not legible|"
                          r"(?:too )?faded(?: to read)?|smudged|blurred|indistinct|cannot be (?:read|deciphered)|"
                          r"unclear)(?:[\s,;][\w ,;’'-]*)?$", re.I)  # "[rest of date illegible, possibly October]",
#: "[illegible initials, presumably Gromyko's]": the translator's guess may name someone in the possessive


#: Omission marks: an ellipsis in any spelling, also with a stray full stop (``[.…]``, ``[. . .]``).
OMISSION_RE = re.compile(r"^(?=.*(?:…|\.\s*\.))[.…\s]+$")


EMAIL_RE = re.compile(r"^email(?:&#160;|\s)protected$")


def _br_doubtful_double(ctx):
    """``[[reading?]]`` is a doubtful reading; ``[[two names illegible]]``, ``[[illegible signature]]`` and
    ``[[…]]`` are gaps whose words are doubly bracketed (one gap: both pairs are its markup)."""
    c = ctx.content
    if c.startswith("[") and c.endswith("]") and _outer_bracket_end(c) == len(c):
        return _double_bracket(ctx, ctx.end, ctx.end - 2)
    return None


def _br_double_open(ctx):
    """``Fond [[too faded to read]``: a doubled opening bracket closed once; the pair is one bracket."""
    c = ctx.content
    if ctx.closed or not c.startswith("["):
        return None
    inner_end = _outer_bracket_end(c)
    if inner_end < 2:
        return None
    end = ctx.c_start + inner_end
    return _double_bracket(ctx, end, end - 1)


def _double_bracket(ctx, end: int, inner_end: int) -> list[Span]:
    words = ctx.text[ctx.c_start + 1:inner_end]
    inner = BracketContext(ctx.text, ctx.start, end, True, words, ctx.c_start + 1,
                           ctx.whole_line, ctx.footnotes)
    for rec in (_br_illegible, _br_signature, _br_omission_mark):
        found = rec(inner)
        if found:
            return [replace(found[0], start=ctx.start, end=end, inner=(ctx.c_start + 1, inner_end))]
    return [Span(ctx.start, end, "unclear", attrs_of(reason="doubtful", resp="#translator"),
                 inner=(ctx.c_start + 1, inner_end), rank=10)]


def _br_signature(ctx):
    if re.fullmatch(r"(?:(?:illegible|unknown|unreadable|indecipherable|handwritten|[A-ZÀ-Ý][\w.-]*[’']s) )?signatures?"
                    r"|signed|seal|stamp and signature"
                    r"|signature,\s*(?:dated\s*)?[\w .,/-]{2,24}",  # "[signature, 20 Nov. 79]": the date stays in desc
                    ctx.content.strip(), re.I):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="signature"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


def _br_footnote_marker(ctx):
    c = ctx.content
    if c.isdigit() and c in ctx.footnotes:
        ctx.footnotes.discard(c)  # one marker per footnote text: the text is moved, never copied
        return [Span(ctx.start, ctx.end, "fnref", attrs_of(n=c), inner=(ctx.c_start, ctx.c_start), rank=10)]
    if c == "l" and "1" in ctx.footnotes and "1" in getattr(ctx.footnotes, "odd", ()):
        ctx.footnotes.discard("1")  # ``[l]``: a letter l printed for the 1 of note 1's call (struct7)
        return [Span(ctx.start, ctx.end, "fnref", attrs_of(n="1", rend="letter"), inner=(ctx.c_start, ctx.c_start),
                     rank=10)]
    return None


def _br_footnote_anchor(ctx):
    """``Chen Yi[1]`` whose note text is not on the page: a footnote call, never a supplied ``1``."""
    if not ctx.closed or ctx.content in ctx.footnotes:
        return None
    from .anchors import bracketed_anchor

    found = bracketed_anchor(ctx.text, ctx.start, ctx.end, ctx.content)
    glued = getattr(ctx.footnotes, "glued", None)  # calls printed both ways count in one sequence
    if found and glued is not None and glued.next is not None and int(ctx.content) >= glued.next:
        glued.next = int(ctx.content) + 1
    return found


#: How the marker was printed, kept in ``sic/@rend`` so that ``[SIC]`` is not rebuilt as ``[sic]``.
#: ``[sic!]`` (the translator's astonishment) is the same marker, its exclamation mark kept in ``@rend``.
SIC_MARKERS = {"sic": None, "SIC": "upper", "Sic": "capitalised", "sic!": "exclaimed", "SIC!": "upper-exclaimed",
               "Sic!": "capitalised-exclaimed"}


def _br_sic(ctx):
    marker = ctx.content.strip()
    if marker not in SIC_MARKERS:  # another spelling (``[sIc]``) stays a supplied word: nothing lost
        return None
    attrs = attrs_of(rend=SIC_MARKERS[marker])
    token = _token_before(ctx.text, ctx.start)
    if not token:
        return [Span(ctx.start, ctx.end, "sic-mark", attrs, inner=(ctx.c_start, ctx.c_start), rank=10)]
    return [Span(token[0], ctx.end, "sic", attrs, inner=token, rank=10)]


def _br_illegible(ctx):
    c = ctx.content.strip()
    if c == "?" or ILLEGIBLE_RE.match(c):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="illegible", resp="#translator"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


def _br_omission_mark(ctx):
    if OMISSION_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="omitted", resp="#translator"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


def _br_omission(ctx):
    c = ctx.content.strip()
    if OMISSION_RE.match(c):
        return _br_omission_mark(ctx)
    if ctx.whole_line and ctx.closed and c and c[0].isupper() and (c.endswith(".") or ";" in c or _described(c)) \
            and not c.endswith(":") and not SCOPE_RE.match(c):  # "[The following excerpt is from …]": scope
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="omitted", resp="#translator"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


def _described(content: str) -> bool:
    """``[Names of other participants]``, ``[List of the delegation's members]``: a noun phrase in sentence
    case (a capitalised noun, then only lower-case words, three or more) filling its line names material
    the translation does not give; a name in title case (``[GDR Embassy in Ethiopia]``) is no description."""
    from .identification import CLOSED_CLASS

    words = content.split()
    return len(words) >= 3 and words[0].isalpha() and words[0].lower() not in CLOSED_CLASS \
        and all(w[:1].islower() for w in words[1:])


def _br_narration(ctx):
    """``[Petrov then left the room].``: a sentence of four words or more that fills its line, its full
    stop printed after the bracket, is the editor's description, as ``[Celebrations.]`` with the stop
    inside (``_br_omission``); after the scope notes, so that ``[See next page …].`` stays one."""
    c = ctx.content.strip()
    if ctx.whole_line and ctx.closed and c[:1].isupper() and FULL_STOP_ENDS_RE.match(ctx.text, ctx.end) \
            and _words(c) >= 4 and not c.endswith(":"):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="omitted", resp="#translator"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


def _br_material_described(ctx):
    """``[three pages of notes follow]``: material not translated here, an omission with its description.

    So is a bracket right after an omission mark (``[...] [list of participants]``, ``1. […] [Vietnam]``)
    when it is in lower case or nothing but punctuation follows it on its line: it says what was left out."""
    if material_description(ctx.content, ctx.closed) and not SCOPE_RE.match(ctx.content.strip()):
        return omitted_material(ctx.start, ctx.end)
    c = ctx.content.strip()
    if ctx.closed and c and (c[:1].islower() or _ends_its_line(ctx)) \
            and OMISSION_AFTER_RE.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return omitted_material(ctx.start, ctx.end)
    return None


def _ends_its_line(ctx) -> bool:
    """Only punctuation after the bracket to the line's end: ``1. […] [Vietnam]`` names the omitted topic,
    where ``[…] [Chinese] Embassy`` identifies the words that follow.  Matched from the bracket's end: cutting
    the rest of the text for each bracket was quadratic in a block of thousands of bracketed lines."""
    return LINE_END_AFTER_RE.match(ctx.text, ctx.end) is not None


#: Only a full stop after a bracket to the end of the text, spaces around it.
FULL_STOP_ENDS_RE = re.compile(r"\s*\.\s*\Z")

#: Only spaces, tabs and ``.;:,`` to the end of the line (or of the text).
LINE_END_AFTER_RE = re.compile(r"[ \t.;:,]*(?:\n|\Z)")


#: An omission mark right before a bracket (only spaces between).
OMISSION_AFTER_RE = re.compile(r"\[\s*(?:…|\.\s*\.\s*\.)\s*\]\s*$")


def _br_email(ctx):
    if EMAIL_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="obfuscated"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


#: ``[NAME REDACTED]``, ``[redacted]``, ``[two lines excised]``: words withheld by the archive, not added.
REDACTED_RE = re.compile(r"^(?:[\w’' -]{0,40}\s)?(?:redacted|excised|withheld|sanitized|sanitised|blacked out)"
                         r"(?:\s[\w ,-]{0,40})?$", re.I)


def _br_redacted(ctx):
    """``[NAME REDACTED]``: a passage the archive withheld; the translator's words in ``desc``."""
    if ctx.closed and REDACTED_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="redacted"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


#: Words that make a bracket a question (``[why?]``), never a doubtful reading of one word.
QUESTION_WORDS = frozenset("why what who whom whose how when where which whether".split())


def _br_doubtful_single(ctx):
    """``[N. Fedorenko?]``, ``[1953?]``, ``an overall [communist?] camp``: a reading the translator doubts.
    In lower case only one word, and no question word (``[why?]`` is a question the translator adds)."""
    c = ctx.content.strip()
    lone_word = re.fullmatch(r"[a-z][\w’'-]*\?", c) and c[:-1] not in QUESTION_WORDS
    if c.endswith("?") and len(c) > 1 and _words(c) <= 5 and (c[0].isupper() or c[0].isdigit() or lone_word):
        return [Span(ctx.start, ctx.end, "unclear", attrs_of(reason="doubtful", resp="#translator"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None
