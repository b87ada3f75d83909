"""Brackets that are notes: stamps, translator's and editor's notes, handwriting, scope notes.

Why: a note keeps the translator's words verbatim (with its own label, ``Translator's
note:``, ``Handwritten in the left margin:``) and says what kind of note it is; a stamp
also carries its registration number and date.  These recognisers share the label
handling; the table that orders all bracket recognisers is in ``brackets``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .bracket_context import APOS, BracketContext
from .dates import find_dates
from .wording import label_then_words
from ..model import Span, attrs_of


TN_LABEL_RE = re.compile(rf"^(?P<label>(?:sic;\s*)?(?:[Tt]ranslator{APOS}?s?\s+[Nn]ote|[Tt]rans(?:lator)?\.\s*[Nn]ote|"
                         rf"TN|[Tt]ranslator{APOS}s comment|[Nn]ote (?:by|of) the translator)"
                         r"\s*(?::|--|—|–|-)\s*)")


#: ``[CPSU CC stamp: …]``, ``[stamp and handwriting]``, ``[Stamp at the bottom of the first page]:`` (where it is).
STAMP_LABEL_RE = re.compile(r"^(?P<label>(?P<kind>[^\[\]:]{0,60}?)\bstamps?)(?:\s+and\s+[\w ]+)?"
                            r"(?:\s+(?:at|on|in)\s+the\s+(?:top|bottom|end|beginning|head|foot|left|right|upper|lower|"
                            r"first|last|margin)\b[\w ]{0,40})?\s*(?::|$)", re.I)


STAMP_DESCRIBED_RE = re.compile(r"^(?:there (?:is|are|was)|on the \w+ (?:is|there is)) (?:a |an |also a |two )?"
                                r"(?:[\w-]+ )?stamps?\b", re.I)


#: A label naming handwriting: up to three words, then a word of writing by hand (``[Handwritten:]``,
#: ``[in handwriting: …]``, ``[added by hand]``, a misspelt ``[in handwring: …]``), then where, to a colon.
HANDWRITTEN_RE = re.compile(r"^(?P<label>(?:[\w-]+ ){0,3}?(?:[Hh]and-?wr\w*|(?:by|in) hand\b)"
                            r"(?P<where>[^:\]]*?))(?::|$)")


SCOPE_RE = re.compile(r"^(?:letterhead\b|not included|not translated|not reproduced|emphasis\b|"
                      r"underlined in the original|(?:note )?in the original|orig(?:inal|\.) note\b|crossed out|text missing|"
                      r"page (?:break|\d+)|end (?:of )?(?:document|page)|continuation|seal\b|transliterated$|translated from\b|"
                      r"(?:place|date|name|time|year|day) (?:not|is not|was not) (?:provided|given|indicated|stated|known)|"
                      r"not further identified|possible omission$|(?:possible )?omission in (?:the )?original|ellips[ie]s? in (?:the )?original|"
                      r"notation:|see (?:the )?(?:next|previous|following|attached) (?:page|document)|"
                      r"(?:excerpts?|extracts?) (?:from|of|regarding|concerning|on|about)\b|"
                      r"(?:the )?following (?:is )?(?:an? )?(?:excerpts?|extracts?|translation|text|document)\b|"
                      r"(?:hence|here|there)(?:forth|after),? (?:referred to|abbreviated|called|cited)\b|"
                      r"(?:[\w-]+ ){0,2}translation (?:from|of) (?:the )?[\w-]+(?: original| text)?$|"
                      r"(?:no|without) (?:[\w]+ ){0,4}(?:classification|copy|number|date|signature|stamp|title)\b|"
                      r"[\w ’'.-]{0,60}\bletterhead$)", re.I)


EDITOR_RE = re.compile(r"(?:--|—|–)\s*ed\.?$|(?<=[a-z])-ed\.$|^(?:[Ee]ditor{APOS}?s|[Ee]d\.) [Nn]ote\s*:".replace("{APOS}", APOS))


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
    end_inner = ctx.c_end
    spans = [Span(ctx.start, ctx.end, "note", attrs_of(type=ntype, resp="#translator", **extra),
                  inner=(ctx.c_start, end_inner), rank=10)]
    label_end = ctx.c_start + label_len
    while label_end > ctx.c_start and ctx.text[label_end - 1] == " ":
        label_end -= 1
    if label_len:
        spans.append(Span(ctx.c_start, label_end, "label", rank=11))
    return spans


def _br_stamp(ctx):
    c = ctx.content
    m = STAMP_LABEL_RE.match(c)
    # a whole line describes a stamp at more length ("[Czech-language stamp and notation at the top of the page]")
    if m and c[: m.end()].count(" ") <= (11 if ctx.whole_line else 8):
        label_only = c.rstrip().endswith(":") or re.fullmatch(r"[\w -]{0,40}\bstamps?", c.strip(), re.I) \
            or m.end() >= len(c.rstrip()) and ctx.text.startswith(":", ctx.end)  # "[Stamp at the top …]: …"
        if ctx.closed and label_only and ctx.text[:ctx.start].strip() == "" \
                and ctx.text[ctx.end:].strip():
            return stamp_spans(ctx.text, ctx.start, len(ctx.text), ctx.c_start,
                               label=(ctx.c_start, ctx.end - 1, ctx.end), kind=m.group("kind"))
        end_inner = ctx.c_end
        kind = m.group("kind").strip()
        slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "stamp"
        spans = _note_with_label(ctx, "stamp", 0)
        body = ctx.text[ctx.c_start:end_inner]
        when = None
        number_span = None
        dates = find_dates(body)
        if dates and dates[0][2].when and len(dates[0][2].when) == 10:
            when = dates[0][2].when
        found = registration_number(body, [(a, b) for a, b, _ in dates])
        if found:
            number_span = Span(ctx.c_start + found[0], ctx.c_start + found[1], "idno", attrs_of(type="registration"))
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
    lead = len(body) - len(body.lstrip(" \t:"))  # "[Stamp at …]: Registry": the colon after the label
    dates = find_dates(body)
    when = dates[0][2].when if dates and dates[0][2].when and len(dates[0][2].when) == 10 else None
    slug = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "stamp"
    spans.append(Span(body_start + lead, end, "stamp", attrs_of(type=slug, when=when), rank=12))
    found = registration_number(body, [(a, b) for a, b, _ in dates])
    if found:
        spans.append(Span(body_start + found[0], body_start + found[1], "idno", attrs_of(type="registration")))
    return spans


NUMBER_RE = re.compile(r"(?<![\w/])(\d{3,}[\w/-]*)")
#: The register's own label inside a stamp: ``Incoming Nº 3877/shs``, ``Inc. No. 02416-s``, ``Reg. No. 17``.
REGISTER_LABEL_RE = re.compile(r"(?i:incoming|inc\.|in\.|reg(?:istration|istered)?\.?|entry)\s*(?:N[º°o]\.?|No\.?|#|№)?\s*:?\s*$")


def registration_number(body: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a stamp's registration number is: the number under the register's label (``Incoming Nº``)
    when the stamp prints one, else its first number of three digits or more that is not in a date.

    A stamp names its office first, often with the office's number (``Special Section 2236``); the
    incoming register's number is the one its label announces."""
    numbers = [m for m in NUMBER_RE.finditer(body) if not any(a <= m.start() < b for a, b in taken)]
    labelled = [m for m in numbers if REGISTER_LABEL_RE.search(body[max(0, m.start() - 20):m.start()])]
    best = (labelled or numbers or [None])[0]
    return (best.start(), best.end()) if best else None


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


#: ``[i.e., people—trans.]``, ``[… (trans.)]``: the translator signs the note at its end.
TN_SIGNED_RE = re.compile(r"(?:--|—|–|-|\()\s*(?:trans|transl|tr)\.\)?$", re.I)


def _br_translator_note(ctx):
    m = TN_LABEL_RE.match(ctx.content)
    if m:
        return _note_with_label(ctx, "translator", m.end())
    if ctx.closed and TN_SIGNED_RE.search(ctx.content.strip()):
        return _note_with_label(ctx, "translator", 0)
    return None


def _br_sic_remark(ctx):
    """``weapons [sic; tests]``: a remark on the word before, labelled ``sic;``; whose remark it is (the
    translator's or an editor's) the bracket does not say, so it is an editorial note."""
    m = SIC_REMARK_RE.match(ctx.content)
    if ctx.closed and m:
        spans = _note_with_label(ctx, "editorial", m.end("label"))
        return [replace(spans[0], attrs=attrs_of(type="editorial"))] + spans[1:]
    return None


#: ``[sic; tests]``, ``[sic, “Padegan” in other documents]``: ``sic`` and a remark after it.
SIC_REMARK_RE = re.compile(r"^(?P<label>[Ss](?:ic|IC)[;,:])\s*\S")


#: ``[Source: SAPMO-BArch, DY30 …; obtained and translated by …]``: the editor names the source.
SOURCE_LABEL_RE = re.compile(r"^(?:Source|SOURCE|Sources)\s*:\s*")


def _br_editor_note(ctx):
    if EDITOR_RE.search(ctx.content):
        spans = _note_with_label(ctx, "editorial", 0)
        return [replace(spans[0], attrs=attrs_of(type="editorial"))]
    m = SOURCE_LABEL_RE.match(ctx.content)
    if m and ctx.closed:  # the source of the text, not an omission nor words added to it
        spans = _note_with_label(ctx, "editorial", m.end())
        return [replace(spans[0], attrs=attrs_of(type="editorial"))] + spans[1:]
    return None


def _br_handwritten(ctx):
    m = HANDWRITTEN_RE.match(ctx.content)
    if m:
        place = _place_of(m.group("where") or "")
        end_inner = ctx.c_end
        if ctx.closed:  # "[Handwritten text:] Relay this …": the words follow the label
            found = label_then_words(ctx.text, ctx.start, ctx.end,
                                     attrs_of(type="handwritten", resp="#translator", place=place))
            if found:
                return found
        return [Span(ctx.start, ctx.end, "note",
                     attrs_of(type="handwritten", resp="#translator", place=place),
                     inner=(ctx.c_start, end_inner), rank=10)]
    return None


#: Names of languages (a closed vocabulary, not words of pages) for ``[in Russian]``.
LANGUAGES = ("Russian Chinese Hungarian Polish German Romanian Korean Vietnamese Czech Slovak Bulgarian Mongolian "
             "Japanese Albanian Serbo-Croatian Serbian Croatian Slovenian Macedonian English French Spanish Portuguese "
             "Italian Arabic Persian Farsi Hindi Urdu Ukrainian Belarusian Latin Hebrew Yiddish Turkish Greek Amharic "
             "Khmer Lao Indonesian Finnish Swedish Dutch Georgian Armenian Uzbek Kazakh").split()
#: ``he said [in Russian]:``, ``[in the original in Polish]``: the language the words were spoken or written in.
IN_LANGUAGE_RE = re.compile(rf"^(?:in (?:the )?original,? )?in (?:{'|'.join(LANGUAGES)})(?: language)?$", re.I)


#: ``[Not Reviewed]``, ``[Not Reviewed by Chairman Mao]``, ``[Not sent]``: the record's status, on a line of its own.
NOT_DONE_RE = re.compile(r"^not (?:yet )?[a-z]+(?:ed|en|t)\b(?: by [^\[\]]{2,60})?$", re.I)


def _br_scope(ctx):
    c = ctx.content.strip()
    if SCOPE_RE.match(c) or IN_LANGUAGE_RE.match(c) or ABOUT_THE_ORIGINAL_RE.search(c) or ctx.whole_line and (
            re.fullmatch(r"(?:excerpts?|extracts?)", c, re.I) or NOT_DONE_RE.match(c)
            or ctx.closed and names_a_body(c)):
        return _note_with_label(ctx, "scope", 0)
    return None


#: A remark on the original's text anywhere in the bracket (``[“abbreviated as Ge” in the original, not
#: abbreviated below]``): the translator says what the original has, no words added to the text.
ABOUT_THE_ORIGINAL_RE = re.compile(r"\S\s+(?:\S+\s+)?in the original\b", re.I)


def names_a_body(content: str) -> bool:
    """``[GDR Ministry for State Security/MfS]``, ``[SED Central Committee]`` filling a line: the body the
    record comes from, named by the translator as ``[CPSU CC letterhead]`` is: a provenance (scope) note,
    no words added to the text.  Title-case or function words only (at most twelve, no digit, colon or
    stop), one of them a body's word (``Ministry``, ``Embassy``, ``Committee``, ``Department`` …)."""
    from .signoff_lines import FUNCTION_WORDS, ORG_WORDS_RE

    words = re.split(r"[\s/]+", content)
    return 1 < len(words) <= 12 and bool(ORG_WORDS_RE.search(content)) and not re.search(r"[\d:;.!?\[\]()“”\"]", content) \
        and all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words if w)
