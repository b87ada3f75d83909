"""Square brackets: what each bracket of the translation is, as an ordered table.

Why: square brackets are the only characters of the source that turn into
markup (ENCODING.md, principle 1).  Each bracket convention (stamp,
translator's note, handwriting, doubtful reading, omission, ``[sic]``, gloss,
supplied word...) is one small recogniser in ``BRACKET_RECOGNISERS``; the first
that matches wins and a supplied word is the fallback.  ``bracket_spans``
returns stand-off ``model.Span``s for ``recognise.annotate_inlines``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from .dates import find_dates
from .wording import (label_then_words, material_description, omitted_material, original_script, script_of,
                      transliterated_wording)
from ..model import Span, attrs_of

APOS = "[’']"


def _words(text: str) -> int:
    return len(text.split())


def _outer_bracket_end(text: str) -> int:
    depth = 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


BRACKET_CHAR_RE = re.compile(r"[\[\]]")
#: Brackets nested deeper than this stay literal text (no translation nests them; it bounds the
#: work per bracket, so time stays linear in the input, and the TEI's depth stays far below 256).
MAX_BRACKET_DEPTH = 8
#: How far back a recogniser looks for the word before a bracket (``word[sic]``, ``F[oreign]``).
LOOK_BACK = 256


def _depths(pairs: list[tuple[int, int, bool]]) -> list[int]:
    """Nesting depth (1 = outermost) of each pair of ``bracket_pairs`` (sorted by start)."""
    depths: list[int] = []
    open_ends: list[int] = []
    for start, end, _closed in pairs:
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        depths.append(len(open_ends) + 1)
        open_ends.append(end)
    return depths


def _token_before(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the last non-space token before ``start`` (at most LOOK_BACK back), or None."""
    window_start = max(0, start - LOOK_BACK)
    m = TOKEN_BEFORE_RE.search(text, window_start, start)
    return (m.start(1), m.end(1)) if m else None


TOKEN_BEFORE_RE = re.compile(r"(\S+)\s*$")


def bracket_pairs(text: str) -> list[tuple[int, int, bool]]:
    """(open, end, closed) of every square bracket; an unclosed one runs to the end of the block."""
    pairs: list[tuple[int, int, bool]] = []
    stack: list[int] = []
    if "[" not in text:
        return pairs
    for m in BRACKET_CHAR_RE.finditer(text):
        i = m.start()
        if text[i] == "[":
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i + 1, True))
    if stack:  # an unclosed bracket runs to the end of the block; only the first one does
        pairs.append((stack[0], len(text), False))
    return sorted(pairs)


@dataclass(frozen=True)
class BracketContext:
    text: str  # whole block text
    start: int  # index of '['
    end: int  # index after ']' (or end of block when unclosed)
    closed: bool
    content: str
    c_start: int  # index of the content's first character
    whole_line: bool
    footnotes: set  # numbers of footnote texts still waiting for their marker
    at_block_start: bool = False  # only spaces before the bracket


TN_LABEL_RE = re.compile(rf"^(?P<label>(?:sic;\s*)?(?:[Tt]ranslator{APOS}?s?\s+[Nn]ote|[Tt]rans(?:lator)?\.\s*[Nn]ote|"
                         rf"TN|[Tt]ranslator{APOS}s comment|[Nn]ote (?:by|of) the translator)"
                         r"\s*(?::|--|—|–|-)\s*)")
STAMP_LABEL_RE = re.compile(r"^(?P<label>(?P<kind>[^\[\]:]{0,60}?)\bstamps?)(?:\s+and\s+[\w ]+)?\s*(?::|$)", re.I)
STAMP_DESCRIBED_RE = re.compile(r"^(?:there (?:is|are|was)|on the \w+ (?:is|there is)) (?:a |an |also a |two )?"
                                r"(?:[\w-]+ )?stamps?\b", re.I)
HANDWRITTEN_RE = re.compile(r"^(?P<label>(?:[Hh]andwritten|[Hh]andwriting|[Hh]and-written|[Ww]ritten by hand|"
                            r"[Aa]dded by hand|[Hh]andwritten note)(?P<where>[^:\]]*?))(?::|$)")
ILLEGIBLE_RE = re.compile(r"^(?:[\w ,-]*\s)?(?:illegible|indecipherable|undecipherable|unreadable|not legible|"
                          r"(?:too )?faded(?: to read)?|smudged|blurred|indistinct|cannot be (?:read|deciphered)|"
                          r"unclear)(?:\s[\w ,-]*)?$", re.I)
#: Omission marks: an ellipsis in any spelling, also with a stray full stop (``[.…]``, ``[. . .]``).
OMISSION_RE = re.compile(r"^(?=.*(?:…|\.\s*\.))[.…\s]+$")
EMAIL_RE = re.compile(r"^email(?:&#160;|\s)protected$")
SCOPE_RE = re.compile(r"^(?:letterhead\b|not included|not translated|not reproduced|emphasis\b|"
                      r"underlined in the original|in the original|crossed out|text missing|"
                      r"page (?:break|\d+)|end of (?:document|page)|continuation|seal\b)", re.I)
EDITOR_RE = re.compile(r"(?:--|—|–)\s*ed\.?$|^[Ee]ditor{APOS}?s note\s*:".replace("{APOS}", APOS))
SPEAKER_RE = re.compile(r"^[A-Z][\w’' .-]{0,40}:$")
PRONOUNS = frozenset("I He She It We They You Our His Her Their Its My Your One Someone".split())


def _place_of(where: str) -> str | None:
    w = where.lower()
    if "left margin" in w:
        return "margin-left"
    if "right margin" in w:
        return "margin-right"
    if "margin" in w:
        return "margin"
    if "bottom" in w or "foot" in w or "lower" in w:
        return "bottom"
    if "top" in w or "upper" in w:
        return "top"
    return None


def _note_with_label(ctx: BracketContext, ntype: str, label_len: int, **extra) -> list[Span]:
    end_inner = ctx.end - 1 if ctx.closed else ctx.end
    spans = [Span(ctx.start, ctx.end, "note", attrs_of(type=ntype, resp="#translator", **extra),
                  inner=(ctx.c_start, end_inner), rank=10)]
    label_end = ctx.c_start + label_len
    while label_end > ctx.c_start and ctx.text[label_end - 1] == " ":
        label_end -= 1
    if label_len:
        spans.append(Span(ctx.c_start, label_end, "label", rank=11))
    return spans


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
    if re.fullmatch(r"(?:(?:illegible|unknown|unreadable|indecipherable) )?signatures?|signed|seal|stamp and signature", ctx.content.strip(), re.I):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="signature"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


def _br_footnote_marker(ctx):
    c = ctx.content
    if c.isdigit() and c in ctx.footnotes:
        ctx.footnotes.discard(c)  # one marker per footnote text: the text is moved, never copied
        return [Span(ctx.start, ctx.end, "fnref", attrs_of(n=c), inner=(ctx.c_start, ctx.c_start), rank=10)]
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


def _br_stamp(ctx):
    c = ctx.content
    m = STAMP_LABEL_RE.match(c)
    if m and c[: m.end()].count(" ") <= 8:
        label_only = c.rstrip().endswith(":") or re.fullmatch(r"[\w -]{0,40}\bstamps?", c.strip(), re.I)
        if ctx.closed and label_only and ctx.text[:ctx.start].strip() == "" \
                and ctx.text[ctx.end:].strip():
            return stamp_spans(ctx.text, ctx.start, len(ctx.text), ctx.c_start,
                               label=(ctx.c_start, ctx.end - 1, ctx.end), kind=m.group("kind"))
        end_inner = ctx.end - 1 if ctx.closed else ctx.end
        kind = m.group("kind").strip()
        slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "stamp"
        spans = _note_with_label(ctx, "stamp", 0)
        body = ctx.text[ctx.c_start:end_inner]
        when = None
        number_span = None
        dates = find_dates(body)
        if dates and dates[0][2].when and len(dates[0][2].when) == 10:
            when = dates[0][2].when
        taken = [(a, b) for a, b, _ in dates]
        for num in re.finditer(r"(?<![\w/])(\d{3,}[\w/-]*)", body):
            if any(a <= num.start() < b for a, b in taken):
                continue
            number_span = Span(ctx.c_start + num.start(), ctx.c_start + num.end(), "idno",
                               attrs_of(type="registration"))
            break
        spans.append(Span(ctx.c_start, end_inner, "stamp", attrs_of(type=slug, when=when), rank=12))
        if number_span:
            spans.append(number_span)
        return spans
    return None


def stamp_spans(text: str, start: int, end: int, c_start: int, *, label: tuple[int, int, int] | None,
                kind: str = "") -> list[Span]:
    """A stamp whose label is bracketed alone (``[stamp:] …``) or not bracketed (``Stamp: …``).

    The note runs to the end of the line; ``label`` is (start, end of its text, end of its
    markup): the ``]`` after a bracketed label is markup, dropped like any bracket.
    """
    spans = [Span(start, end, "note", attrs_of(type="stamp", resp="#translator"), inner=(c_start, end), rank=10)]
    body_start = c_start
    if label is not None:
        spans.append(Span(label[0], label[2], "label", inner=(label[0], label[1]), rank=11))
        body_start = label[2]
    body = text[body_start:end]
    lead = len(body) - len(body.lstrip())
    dates = find_dates(body)
    when = dates[0][2].when if dates and dates[0][2].when and len(dates[0][2].when) == 10 else None
    slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "stamp"
    spans.append(Span(body_start + lead, end, "stamp", attrs_of(type=slug, when=when), rank=12))
    taken = [(a, b) for a, b, _ in dates]
    for num in re.finditer(r"(?<![\w/])(\d{3,}[\w/-]*)", body):
        if not any(a <= num.start() < b for a, b in taken):
            spans.append(Span(body_start + num.start(), body_start + num.end(), "idno",
                              attrs_of(type="registration")))
            break
    return spans


def _br_stamp_described(ctx):
    c = ctx.content
    label = TN_LABEL_RE.match(c)
    rest = c[label.end():] if label else c
    if STAMP_DESCRIBED_RE.match(rest):
        spans = _note_with_label(ctx, "stamp", label.end() if label else 0)
        for q in re.finditer(r"“([^“”]+)”", rest):
            off = ctx.c_start + (label.end() if label else 0)
            spans.append(Span(off + q.start(1), off + q.end(1), "mentioned"))
        return spans
    return None


def _br_translator_note(ctx):
    m = TN_LABEL_RE.match(ctx.content)
    if m:
        return _note_with_label(ctx, "translator", m.end())
    return None


def _br_editor_note(ctx):
    if EDITOR_RE.search(ctx.content):
        spans = _note_with_label(ctx, "editorial", 0)
        return [replace(spans[0], attrs=attrs_of(type="editorial"))]
    return None


def _br_handwritten(ctx):
    m = HANDWRITTEN_RE.match(ctx.content)
    if m:
        place = _place_of(m.group("where") or "")
        end_inner = ctx.end - 1 if ctx.closed else ctx.end
        if ctx.closed:  # "[Handwritten text:] Relay this …": the words follow the label
            found = label_then_words(ctx.text, ctx.start, ctx.end,
                                     attrs_of(type="handwritten", resp="#translator", place=place))
            if found:
                return found
        return [Span(ctx.start, ctx.end, "note",
                     attrs_of(type="handwritten", resp="#translator", place=place),
                     inner=(ctx.c_start, end_inner), rank=10)]
    return None


#: How the marker was printed, kept in ``sic/@rend`` so that ``[SIC]`` is not rebuilt as ``[sic]``.
SIC_MARKERS = {"sic": None, "SIC": "upper", "Sic": "capitalised"}


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
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


def _br_omission_mark(ctx):
    if OMISSION_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="omitted", resp="#translator"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


def _br_omission(ctx):
    c = ctx.content.strip()
    if OMISSION_RE.match(c):
        return _br_omission_mark(ctx)
    if ctx.whole_line and ctx.closed and c and c[0].isupper() and (c.endswith(".") or ";" in c) \
            and not c.endswith(":"):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="omitted", resp="#translator"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


def _br_material_described(ctx):
    """``[three pages of notes follow]``: material not translated here, an omission with its description."""
    return omitted_material(ctx.start, ctx.end) if material_description(ctx.content, ctx.closed) else None


def _br_original_script(ctx):
    """``[新华社]``: the original's words in its own script."""
    return original_script(ctx.start, ctx.end, ctx.content) if ctx.closed else None


def _br_email(ctx):
    if EMAIL_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="obfuscated"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


#: ``[NAME REDACTED]``, ``[redacted]``, ``[two lines excised]``: words withheld by the archive, not added.
REDACTED_RE = re.compile(r"^(?:[\w’' -]{0,40}\s)?(?:redacted|excised|withheld|sanitized|sanitised|blacked out)"
                         r"(?:\s[\w ,-]{0,40})?$", re.I)


def _br_redacted(ctx):
    """``[NAME REDACTED]``: a passage the archive withheld; the translator's words in ``desc``."""
    if ctx.closed and REDACTED_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "gap", attrs_of(reason="redacted"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


def _br_doubtful_single(ctx):
    c = ctx.content.strip()
    if c.endswith("?") and len(c) > 1 and _words(c) <= 5 and (c[0].isupper() or c[0].isdigit()):
        return [Span(ctx.start, ctx.end, "unclear", attrs_of(reason="doubtful", resp="#translator"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


def _br_scope(ctx):
    if SCOPE_RE.match(ctx.content.strip()):
        return _note_with_label(ctx, "scope", 0)
    return None


def _br_speaker(ctx):
    if ctx.at_block_start and SPEAKER_RE.match(ctx.content.strip()):
        return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="speaker-label", resp="#translator"),
                     inner=(ctx.c_start, ctx.end - 1), rank=10)]
    return None


WORD_BEFORE_RE = re.compile(r"(?:[^\W\d_]|[’'.-])+$")
WORD_AFTER_RE = re.compile(r"[^\W\d_]+")


def _br_expansion(ctx):
    """``F[oreign]``: the bracket completes the word it is glued to."""
    if ctx.start == 0 or not ctx.text[ctx.start - 1].isalpha() or not ctx.closed:
        return None
    if not ctx.content or not ctx.content[0].islower():
        return None
    m = WORD_BEFORE_RE.search(ctx.text, max(0, ctx.start - LOOK_BACK), ctx.start)
    if m is None:
        return None
    word_start = m.start()
    end = ctx.end
    tail = WORD_AFTER_RE.match(ctx.text, end)
    if tail:
        end = tail.end()
    return [Span(word_start, end, "expan", rank=10),
            Span(ctx.start, ctx.end, "ex", attrs_of(resp="#translator"), inner=(ctx.c_start, ctx.end - 1),
                 rank=11)]


def _br_gloss(ctx):
    """A bracket after a word that restates it (``CC [Central Committee]``, ``they [the East Germans]``).

    By position: words before a name (``[Cuban Defense Minister] Raoul Castro``) identify the
    person and are the translator's addition, not a gloss (``identification``).
    """
    from .identification import gloss_after_pronoun, identifies_what_follows, opens_sentence

    c = ctx.content.strip()
    if not ctx.closed or not c:
        return None
    prev = _token_before(ctx.text, ctx.start)
    token = ctx.text[prev[0]:prev[1]] if prev else ""
    if gloss_after_pronoun(token, c):
        return _gloss(ctx)
    if not c[0].isupper() or c in PRONOUNS \
            or identifies_what_follows(ctx.text, prev[0] if prev else ctx.start, ctx.end, token, c):
        return None
    words = c.split()
    titled = sum(1 for w in words if w[0].isupper()) >= max(1, len(words) - 2)
    if prev:
        if token[-1] in ".!?:;" and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            return None
        if token[0].isupper() and not opens_sentence(token) or token[-1] in "’”'\"" or token.isdigit() or script_of(token):
            return _gloss(ctx)
    if len(words) >= 3 and titled:
        return _gloss(ctx)
    return None


def _gloss(ctx) -> list[Span]:
    return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="gloss", resp="#translator"),
                 inner=(ctx.c_start, ctx.end - 1), rank=10)]


def _br_original_wording(ctx):
    """``[pristupit k obiednineniiu]``: the original's words in transliteration, not an addition."""
    return transliterated_wording(ctx.start, ctx.end, ctx.content) if ctx.closed else None


def _br_supplied(ctx):
    end_inner = ctx.end - 1 if ctx.closed else ctx.end
    return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="added-in-translation", resp="#translator"),
                 inner=(ctx.c_start, end_inner), rank=10)]


BRACKET_RECOGNISERS: tuple[tuple[str, Callable], ...] = (
    ("doubtful_double", _br_doubtful_double),
    ("double_open", _br_double_open),
    ("signature", _br_signature),
    ("footnote_marker", _br_footnote_marker),
    ("footnote_anchor", _br_footnote_anchor),
    ("stamp", _br_stamp),
    ("stamp_described", _br_stamp_described),
    ("translator_note", _br_translator_note),
    ("editor_note", _br_editor_note),
    ("handwritten", _br_handwritten),
    ("sic", _br_sic),
    ("obfuscated_email", _br_email),
    ("redacted", _br_redacted),
    ("illegible", _br_illegible),
    ("omission", _br_omission),
    ("material_described", _br_material_described),
    ("doubtful_single", _br_doubtful_single),
    ("scope_note", _br_scope),
    ("speaker_label", _br_speaker),
    ("expansion", _br_expansion),
    ("original_script", _br_original_script),
    ("original_wording", _br_original_wording),
    ("gloss", _br_gloss),
    ("supplied", _br_supplied),
)


def bracket_spans(text: str, footnotes: set | None = None) -> list[Span]:
    """One annotation (or a few) per square bracket, from the first bracket recogniser that matches."""
    spans: list[Span] = []
    pairs = bracket_pairs(text)
    skip: set[tuple[int, int]] = set()
    first = len(text) - len(text.lstrip())  # the first non-space character
    last = len(text.rstrip())  # after the last one
    for (start, end, closed), depth in zip(pairs, _depths(pairs)):
        if (start, end) in skip or depth > MAX_BRACKET_DEPTH:
            continue
        content_end = end - 1 if closed else end
        content = text[start + 1:content_end]
        ctx = BracketContext(text, start, end, closed, content, start + 1,
                             whole_line=start <= first and end >= last,
                             footnotes=footnotes if footnotes is not None else set(),
                             at_block_start=start <= first)
        for _name, rec in BRACKET_RECOGNISERS:
            found = rec(ctx)
            if found:
                spans.extend(found)
                if _name in ("doubtful_double", "double_open"):  # the inner pair is part of this bracket
                    skip.add((start + 1, found[0].end - 1 if _name == "doubtful_double" else found[0].end))
                break
    return spans
