"""The archive's conventions, as ordered, named tables of small recognisers.

Why: each convention of ENCODING.md (a stamp, a copy number, a signature, a
distribution list, a translator's note, a supplied word...) is one small
function with a name; the first that matches wins and plain paragraph is the
fallback.  A new convention is one new entry, tested alone.

Three tables:

* ``BLOCK_RECOGNISERS``  what a whole line is (``classify_line``);
* ``BRACKET_RECOGNISERS`` what a square bracket is (``bracket_spans``, in ``brackets``);
* ``INLINE_RECOGNISERS``  annotations inside a block (``annotate_inlines``).

``structure`` then groups classified blocks into divisions: an opening
group, the body, and the closing group (signatures, datelines, postscripts);
body text after a closing group starts a new division (an enclosure).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Callable

from .dialogue import speaker_turns
from .anchors import GluedCalls
from .runs import bullet_lists, log_runs
from .wording import script_run_spans
from .closing import EXPANSION_RE, closing_zone, role_below_name
from .dates import find_dates
from .dates import parse_date as _parse_date
from .brackets import BRACKET_RECOGNISERS, STAMP_LABEL_RE, _outer_bracket_end, bracket_pairs, bracket_spans
from ..model import Block, Division, Span, attrs_of, kinds_where

__all__ = ["BLOCK_RECOGNISERS", "BRACKET_RECOGNISERS", "INLINE_RECOGNISERS", "annotate_inlines",
           "bracket_pairs", "bracket_spans", "classify_blocks", "classify_line", "structure"]

@lru_cache(maxsize=4096)
def parse_date(text: str):
    """``dates.parse_date``, cached: recognisers ask about the same short lines more than once."""
    return _parse_date(text)


# ---------------------------------------------------------------------------------
# shared patterns

NUMBER_SIGN = r"(?:Nº|N°|No\.|No|#)"
APOS = "[’']"
#: A security or handling marking, in the capitals of the page (``TOP SECRET``, ``Top secret``,
#: ``Strictly Confidential``), with an optional number (``Secret Document 16``) and ``.``/``!``.
CLASSIFICATION = (r"(?:(?:(?:Top|TOP|Strictly|STRICTLY|Very|VERY|Highly|HIGHLY) )?(?:[Ss]ecret|SECRET|[Cc]onfidential|CONFIDENTIAL)|"
                  r"Top secret|Strictly confidential|Personal and Confidential|"
                  r"PERSONAL AND CONFIDENTIAL|Making Copies Prohibited|MAKING COPIES PROHIBITED|"
                  r"Copying Prohibited|COPYING PROHIBITED|"
                  r"Special File|SPECIAL FILE|Special Folder|SPECIAL FOLDER|Only copy|ONLY COPY|For Official Use Only|"
                  r"FOR OFFICIAL USE ONLY|Not for publication|NOT FOR PUBLICATION|Of Special Importance|"
                  r"OF SPECIAL IMPORTANCE|"
                  r"Distributed (?:only )?with the (?:consent|permission) of [^.\[\]]{3,80})"
                  r"(?: (?:Document )?\d+)?[.!]?")
COPY_MARK = rf"(?:Copy|COPY|copy|Ex\.|Exemplar)\s*{NUMBER_SIGN}?\s*(?P<num>\d+)(?:\s+of\s+\d+)?\.?"
CLASSIFICATION_RE = re.compile(rf"^(?P<label>(?:Classification|Level|Security):\s*)?(?P<cls>{CLASSIFICATION})"
                               rf"(?P<more>(?:[,;]\s*{CLASSIFICATION})*)"
                               rf"(?:[,;.]?\s+(?P<copy>{COPY_MARK}))?$")
COPY_RE = re.compile(rf"^(?P<open>\()?(?P<copy>(?:Copy|COPY|copy)\s*{NUMBER_SIGN}\s*(?P<num>\d+)(?:\s+of\s+\d+)?\.?"
                     rf"|(?:Copy|COPY|Ex\.)\s+{NUMBER_SIGN}?\s*(?P<num2>\d+)\.?)(?(open)\))$")
PRECEDENCE_RE = re.compile(r"^(?:TOP PRIORITY|Top Priority|URGENT|Urgent|IMMEDIATE|Immediate|"
                           r"PRIORITY|Priority|FLASH|Flash|VERY URGENT|Very urgent)\.?$")
OUTGOING_RE = re.compile(rf"^(?P<pre>.*?\d{{4}}\s+)?(?:Outgoing\s+)?{NUMBER_SIGN}\s*(?P<num>[\w./-]*\d[\w./-]*)"
                         r"(?P<post>\s*[-–—]\s*.+)?$")
RECORD_LABEL_RE = re.compile(
    r"^(?P<label>(?:To|From|Date|Time|Place|Classification|Level|Subject|Re|Copy to|Copies to|"
    r"Interpreters?|Recorders?|Note-?takers?|Present|Participants|Attendees|Location|Venue|"
    r"Foreign guests|Accompanying (?:persons|personnel|officials)|Recording officials|Also present|"
    rf"[A-Z][\w{APOS}]*(?:\s+[\w{APOS}]+){{0,3}}\s+participants)):\s+(?P<value>\S.*)$")
#: A handwritten resolution or approval on the document, signed: "Agreed. [[illegible signature]]".
RESOLUTION_RE = re.compile(r"^\[?(?:[Hh]andwritten(?: resolution)?|[Hh]andwriting|[Rr]esolution|RESOLUTION|"
                           r"[Aa]pproved|APPROVED|[Aa]greed|[Aa]gree|I agree|[Ss]een and approved)\b")
#: A signature block without a placeholder: "By order of the Minister" / name / title.
BY_ORDER_RE = re.compile(r"^(?:By (?:the )?(?:order|orders|instruction|instructions|authority|direction) of|"
                         r"On (?:the )?(?:order|orders|instruction|instructions|behalf|authority) of|"
                         r"For the (?:Minister|Ambassador|Director|Chairman|Head)\b|p\.\s?p\.)\s*.{0,80}?[:,]?$")
#: Words of an office, never a signatory's name ("Deputy Minister", "Head of the Department").
ROLE_WORDS = frozenset("""ambassador minister deputy head chairman director secretary counsellor counselor
    consul general attaché attache envoy chief first second third acting vice president premier
    chargé d’affaires d'affaires commander officer adviser advisor plenipotentiary extraordinary
    department section division embassy ministry office bureau committee of the and for foreign affairs
    interim ad a.i. lieutenant colonel major captain marshal comrade cde. mr. mrs. ms.""".split())
#: Routing lists: who is to see the document, and who has seen it ("To be seen by" / "Seen by").
ROUTE_HEAD_RE = re.compile(r"^(?P<head>(?:To be (?:seen|read|shown|circulated) (?:by|to)|(?:Seen|Read) by|"
                           r"Ha(?:s|ve) (?:seen|read)|Circulated to|Circulation list|Routing list)\s*:?|"
                           r"(?:Seen|Read|Circulation|Routing):)(?:\s+(?P<rest>\S.*))?$", re.I)
SIGNATURE_RE = re.compile(r"\[(?:signature|signatures|signed|illegible signature)\]|/signature/|(?:^|\s)/s/\s", re.I)
LETTER_SPACED_RE = re.compile(r"^(?:[A-ZÀ-Ý] ){2,}[A-ZÀ-Ý]\.?$")
CLOSING_SALUTE_RE = re.compile(r"^(?:With (?:socialist|comradely|communist|fraternal|Communist) greetings?|"
                               r"With respect|Respectfully(?: yours)?|Sincerely(?: yours)?|"
                               r"Yours (?:faithfully|sincerely)|With best regards)[.,!]?$")
OPENING_SALUTE_RE = re.compile(r"^(?:Dear|Esteemed|Respected)\s+(?:Comrade|Cde\.|Mr\.|Comrades)\b.{0,80}[!,:.]$")
COPIES_PRINTED_RE = re.compile(r"^(?:(?:\d+|[A-Z][a-z]+) cop(?:y|ies) (?:printed|made|typed|sent|prepared|produced|issued)\b|"
                               r"(?:Printed|Produced|Made|Typed|Prepared) in (?:\d+|[a-z]+) cop(?:y|ies)\b)")
DISTRIBUTED_RE = re.compile(r"^Distributed (?:according to (?:a|the) list|to (?:a|the) list)\.?$")
DISTRIBUTION_INLINE_RE = re.compile(r"^(?P<lead>(?:Distribution(?: list)?\s*[-–:]\s*\d+\s+copies|Copies)\s*:\s*)"
                                    r"(?P<items>.+?)\.?$")
CC_RE = re.compile(r"^(?:CC|Cc|cc|Copies to|Copy to|Distribution):$")
DIST_ITEM_RE = re.compile(r"^(?P<n>\d{1,2})(?:\s*[-–—]\s+|x\s+)(?P<rest>\S.*)$")
LOG_RE = re.compile(r"^(?:Sent|Received|Arrived|Deciphered|Enciphered|Dispatched|Transmitted|Typed|Drafted|Created by|"
                    r"Printed|Checked|Printing and distribution|Decoded|Encoded)\b")
TYPIST_RE = re.compile(r"^[a-zа-я]{1,3}/[A-Za-zА-Яа-я]{1,3}\.?$|^[A-Z]{1,3}/[a-z]{1,3}$")
ATTACHMENT_RE = re.compile(r"^(?:ATTACHMENT|Attachment|Attachments|ATTACHMENTS|Enclosure|ENCLOSURE|"
                           r"Enclosures|Appendix(?: \w+)?|APPENDIX(?: \w+)?|Annex(?: \w+)?)\b[:.]?")
SECTION_BREAK_RE = re.compile(r"^(?:[xX](?:\s+[xX]){2,}|\*(?:\s*\*){2,}|-{3,}|#{3,})$")
FOOTNOTE_MARKER_RE = re.compile(r"\[(\d{1,3})\]")
FOOTNOTE_TEXT_RE = re.compile(r"^\[(?P<n>\d{1,3})\]\s+\S")
BYLINE_INTRO_RE = re.compile(r"^(?:from the (?:journal|diary) of|From the (?:journal|diary) of|"
                             r"FROM THE (?:JOURNAL|DIARY) OF)$")
NUMBERED_HEADING_RE = re.compile(r"^(?:[IVXL]+|\d{1,2}|[A-Z])\.\s+\S.{0,90}$")
PERSON_NAME_RE = re.compile(
    r"^(?P<name>(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s*){0,3}[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,3})\.?$")
TITLE_WORDS_RE = re.compile(
    r"^(?P<title>(?:(?:Chargé d[’']Affaires|Ambassador|Counsellor|Counselor|Minister|Consul(?: General)?|"
    r"(?:First|Second|Third|1st|2nd|3rd) Secretary|Secretary|Attaché|Envoy|Chairman|Director|Head|"
    r"Deputy|Acting|Comrade|Cde\.)\s+)+)(?P<name>[A-ZÀ-Ý].*)$")


def _words(text: str) -> int:
    return len(text.split())


def is_prose(text: str) -> bool:
    """A running-text paragraph rather than a heading, label or mark."""
    s = text.strip()
    return _words(s) >= 9 or (_words(s) >= 4 and bool(re.search(r"[.!?;:…]['’”\")\]]*$", s)))


LETTER_RE = re.compile(r"[^\W\d_]")


def is_upper_line(text: str) -> bool:
    return text.isupper() and len(LETTER_RE.findall(text, 0, 200)) >= 3


# ---------------------------------------------------------------------------------
# block recognisers: (line text) -> (kind, attrs, spans) or None


@dataclass(frozen=True)
class Recogniser:
    name: str
    match: Callable[[str], tuple[str, tuple, tuple] | None]


def _section_break(text):
    return ("milestone", (), ()) if SECTION_BREAK_RE.match(text) else None


def _footnote_text(text):
    m = FOOTNOTE_TEXT_RE.match(text)
    if not m:
        return None
    return ("footnote", attrs_of(n=m.group("n")), ())


def _signature(text):
    if "[" not in text and "/" not in text:
        found = False
    else:
        found = _placeholder_stands_alone(text)
    if found:
        return ("signed", attrs_of(role="resolution") if RESOLUTION_RE.match(text) else (), ())
    if BY_ORDER_RE.match(text) and _words(text) <= 12:
        return ("signed", attrs_of(role="by-order"), ())
    return None


def _placeholder_stands_alone(text: str) -> bool:
    """A signature placeholder signs the line unless it sits inside another bracket.

    ``[Handwritten resolution: Agree. [[illegible signature]]]`` is a signed note, not the
    document's signature; ``[[illegible signature]]`` alone is a signature.
    """
    depth = 0
    pos = 0
    for m in SIGNATURE_RE.finditer(text):
        depth += text.count("[", pos, m.start()) - text.count("]", pos, m.start())
        pos = m.start()
        if depth <= 0:
            return True
        j = m.start()
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if depth == 1 and j > 0 and text[j - 1] == "[" and text[m.end():m.end() + 3].lstrip().startswith("]"):
            return True  # [[illegible signature]]: a doubled bracket that holds only the placeholder
    return False


def _bracket_depth_outside(text: str) -> int:
    return text.count("[") - text.count("]")


def _letter_spaced_name(text):
    if LETTER_SPACED_RE.match(text):
        return ("signed", (), ())
    return None


def _closing_salute(text):
    return ("salute-closing", (), ()) if CLOSING_SALUTE_RE.match(text) else None


def _opening_salute(text):
    return ("salute-opening", (), ()) if OPENING_SALUTE_RE.match(text) else None


def _copies_printed(text):
    if COPIES_PRINTED_RE.match(text) or DISTRIBUTED_RE.match(text):
        return ("postscript", attrs_of(role="distribution-note"), ())
    return None


def _distribution_inline(text):
    m = DISTRIBUTION_INLINE_RE.match(text)
    if not m:
        return None
    start = m.start("items")
    items_text = m.group("items")
    spans = [Span(start, m.end("items"), "list", attrs_of(type="distribution"))]
    pos = start
    parts = re.split(r"(?<=\S),\s+", items_text)
    for k, part in enumerate(parts):
        end = pos + len(part)
        # the comma and space after an item stay inside it (a list holds no loose text)
        nxt = text.find(parts[k + 1], end) if k + 1 < len(parts) else m.end("items")
        spans.append(Span(pos, nxt, "item", attrs_of(n=str(k + 1))))
        pos = nxt
    return ("distribution", (), tuple(spans))


def _cc_label(text):
    return ("postscript", attrs_of(role="distribution-label"), ()) if CC_RE.match(text) else None


def _distribution_item(text):
    m = DIST_ITEM_RE.match(text)
    if m and _words(text) <= 16 and not text.rstrip().endswith((".", "?")) or (
            m and text.rstrip().endswith(".") and _words(text) <= 6):
        return ("dist-item", attrs_of(n=m.group("n")), ())
    return None


def _transmission_log(text):
    return ("log", (), ()) if LOG_RE.match(text) and _words(text) <= 20 else None


def _typist_initials(text):
    return ("postscript", attrs_of(role="initials"), ()) if TYPIST_RE.match(text) else None


def _attachment(text):
    if ATTACHMENT_RE.match(text) and (_words(text) <= 20 or ":" in text[:14]):
        return ("attachment", (), ())
    return None


def _classification(text):
    m = CLASSIFICATION_RE.match(text)
    if m:
        spans = [Span(m.start("cls"), m.end("cls"), "seg", attrs_of(type="classification"))]
        if m.group("more"):  # "Top Secret, Special File": one seg per marking
            base = m.start("more")
            for extra in re.finditer(CLASSIFICATION, m.group("more")):
                spans.append(Span(base + extra.start(), base + extra.end(), "seg", attrs_of(type="classification")))
        if m.group("copy"):
            spans.append(Span(m.start("copy"), m.end("copy"), "seg", attrs_of(type="copy")))
            spans.append(Span(m.start("num"), m.end("num"), "num", attrs_of(value=m.group("num"))))
        return ("mark", (), tuple(spans))
    m = COPY_RE.match(text)
    if m:
        num = "num" if m.group("num") else "num2"
        return ("mark", (), (Span(m.start("copy"), m.end("copy"), "seg", attrs_of(type="copy")),
                             Span(m.start(num), m.end(num), "num", attrs_of(value=m.group(num)))))
    if PRECEDENCE_RE.match(text):
        return ("mark", (), (Span(0, len(text), "seg", attrs_of(type="precedence")),))
    return None


def _outgoing(text):
    m = OUTGOING_RE.match(text)
    if not m or _words(text) > 9:
        return None
    pre, post = m.group("pre"), m.group("post")
    if pre and not parse_date(pre.strip()):
        return None
    if post and not parse_date(post.strip(" -–—")):
        return None
    return ("dateline", attrs_of(role="outgoing"),
            (Span(m.start("num"), m.end("num"), "idno", attrs_of(type="outgoing")),))


HUNGARIAN_DATE_RE = re.compile(r"\d\d\. \d\d\. \d\d\.?")


def _dateline(text):
    s = text.rstrip(".")
    if parse_date(s) and parse_date(s).text.strip() == s.strip() and _words(s) <= 5:
        return ("dateline", (), ())
    m = re.match(r"^(?P<place>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}),\s+(?P<date>.+)$", s)
    if m and parse_date(m.group("date")) and parse_date(m.group("date")).text.strip() == m.group("date").strip():
        return ("dateline", (), (Span(m.start("place"), m.end("place"), "name", attrs_of(type="place")),))
    if m and HUNGARIAN_DATE_RE.fullmatch(m.group("date")):
        # `PYONGYANG, 08. 09. 02.`: a cipher telegram's dateline whose year is misprinted; no @when
        return ("dateline", (), (Span(m.start("place"), m.end("place"), "name", attrs_of(type="place")),))
    return None


STAMP_LINE_RE = re.compile(r"^(?P<label>(?:[A-Z][\w.-]*(?: [\w.-]+){0,5} )?[Ss]tamps?"
                           r"(?: (?:of|from) (?:the )?[A-Z][^:\[\]]{1,60})?:)\s+\S")


def _stamp_line(text):
    """``Stamp: CPSU CC General Department …``: a stamp the translator did not bracket."""
    m = STAMP_LINE_RE.match(text)
    if not m or "[" in text[:m.end()]:
        return None
    from .brackets import stamp_spans

    kind = re.split(r"\b[Ss]tamps?\b", m.group("label"))[0]
    spans = stamp_spans(text, 0, len(text), 0, label=(0, m.end("label"), m.end("label")), kind=kind)
    return ("aside", attrs_of(role="stamp"), tuple(spans))


def _record_header(text):
    m = RECORD_LABEL_RE.match(text)
    if not m:
        return None
    spans = [Span(m.start("label"), m.end("label") + 1, "label"),
             Span(m.start("value"), m.end("value"), "item")]
    label = m.group("label")
    if label in ("Classification", "Level"):
        c = re.match(CLASSIFICATION, m.group("value"))
        if c:
            spans.append(Span(m.start("value"), m.start("value") + c.end(), "seg",
                              attrs_of(type="classification")))
    return ("record", attrs_of(label=label), tuple(spans))


def _byline_intro(text):
    return ("byline-intro", (), ()) if BYLINE_INTRO_RE.match(text) else None


def _bracket_only(text):
    s = text.strip()
    if s.startswith("[") and _outer_bracket_end(s) in (len(s), -1):
        return ("aside", (), ())  # a bracket that fills the line, or one left open to its end
    if s.startswith("[") and STAMP_LABEL_RE.match(s[1:_outer_bracket_end(s) - 1]):
        return ("aside", (), ())  # "[stamp and handwriting] Cabinet of the Minister ..."
    return None


def _heading(text):
    s = text.strip()
    if is_upper_line(re.sub(rf"\b{NUMBER_SIGN}\s*", "", s)) and _words(s) <= 14 and not s.endswith(","):
        return ("head", (), ())
    if re.fullmatch(r"(?:[A-Za-z] ){2,}[A-Za-z]", s):  # letter-spaced heading: N o t e
        return ("head", (), ())
    m = NUMBERED_HEADING_RE.match(s)
    if m and _words(s) <= 12 and not re.search(r"[.!?]\s+\S", s[s.index(".") + 1:]) \
            and not re.search(r"[\[\]“”\"]", s):  # a heading holds no brackets or quotations
        return ("heading", (), ())
    if s[:1].islower() and _words(s) <= 16 and not re.search(r"[.!?;:]['’”\")\]]*$", s):
        return ("line", (), ())  # a heading continued on the next line: "with DPRK Chargé d'Affaires ..."
    return None


def _short_line(text):
    return None if is_prose(text) else ("line", (), ())


BLOCK_RECOGNISERS: tuple[Recogniser, ...] = (
    Recogniser("section_break", _section_break),
    Recogniser("footnote_text", _footnote_text),
    Recogniser("signature", _signature),
    Recogniser("letter_spaced_name", _letter_spaced_name),
    Recogniser("closing_salute", _closing_salute),
    Recogniser("opening_salute", _opening_salute),
    Recogniser("copies_printed", _copies_printed),
    Recogniser("distribution_inline", _distribution_inline),
    Recogniser("cc_label", _cc_label),
    Recogniser("distribution_item", _distribution_item),
    Recogniser("transmission_log", _transmission_log),
    Recogniser("typist_initials", _typist_initials),
    Recogniser("attachment", _attachment),
    Recogniser("stamp_line", _stamp_line),
    Recogniser("record_header", _record_header),
    Recogniser("classification_or_copy", _classification),
    Recogniser("outgoing_number", _outgoing),
    Recogniser("dateline", _dateline),
    Recogniser("byline_intro", _byline_intro),
    Recogniser("bracket_only", _bracket_only),
    Recogniser("heading", _heading),
    Recogniser("short_line", _short_line),
)

#: Kinds that may stand in the opening group of a division (the table: ``model.BLOCK_KINDS``).
OPENER_KINDS = kinds_where(opener=True)
#: Kinds that start or continue the closing group.
BOTTOM_KINDS = kinds_where(closing=True)


def classify_line(text: str) -> tuple[str, tuple, tuple, str]:
    """The first recogniser that matches: (kind, attrs, spans, recogniser name)."""
    for rec in BLOCK_RECOGNISERS:
        found = rec.match(text)
        if found:
            return (*found, rec.name)
    return ("p", (), (), "paragraph")


def classify_blocks(lines) -> list[Block]:
    """Classify every body line; a run of empty lines well above the page's usual gap is noted."""
    runs = sorted(sl.empty_run for sl in lines)
    usual = runs[(len(runs) - 1) // 2] if runs else 0  # the lower median
    out = []
    for sl in lines:
        kind, attrs, spans, name = classify_line(sl.text)
        block = Block(kind, sl.text, sl.line, tuple(spans), tuple(attrs))
        if sl.empty_run >= max(usual + 2, 3) and kind != "milestone":  # two blank lines are no break
            block = block.with_attrs(gap_before="wide")
        out.append(block.with_attrs(recogniser=name))
    return out


def _gap_section_breaks(blocks: list[Block]) -> list[Block]:
    """A run of empty lines between two paragraphs marks a new theme: an unprinted section break."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.get("gap_before") == "wide" and b.kind in ("p", "aside") and prev is not None \
                and prev.kind in ("p", "aside") and is_prose(b.text):
            out.append(Block("milestone", "", b.line, (), attrs_of(role="blank-lines")))
        out.append(b)
    return out


# ---------------------------------------------------------------------------------
# grouping into divisions


def structure(blocks: list[Block]) -> tuple[tuple[Division, ...], tuple[Block, ...]]:
    """Group blocks into divisions (opening, body, closing) and lift out footnote texts."""
    blocks = _gap_section_breaks(_join_bylines(_no_closing_in_header(blocks)))
    blocks = _routing_lists(blocks)
    blocks = log_runs(bullet_lists(blocks))
    blocks = speaker_turns(blocks)
    blocks = _notes_blocks(blocks)
    blocks = closing_zone(blocks, is_prose, _may_sign)
    blocks = _number_copy_items(blocks)
    blocks = _find_name_signatures(blocks)
    blocks = _join_signature_blocks(blocks)
    kept, footnotes = _lift_footnotes(blocks)
    return _divide(kept), footnotes


#: Kinds that may follow a closing group without starting a new division.
AFTER_BOTTOM_KINDS = BOTTOM_KINDS | kinds_where(after_closing=True)


def _no_closing_in_header(blocks: list[Block]) -> list[Block]:
    """A copies note in the header (``Produced in 5 copies for:`` above the text) opens no closing group.

    Hungarian reports print their distribution at the top; before the first paragraph of
    prose it is a header line, so the document is not cut in two there.
    """
    out = list(blocks)
    for i, b in enumerate(out):
        if b.kind == "p" and is_prose(b.text):
            break
        if b.kind == "postscript" and b.get("role") == "distribution-note":
            out[i] = replace(b, kind="line")
    return out


def _routing_lists(blocks: list[Block]) -> list[Block]:
    """``To be seen by`` / ``Comrade …`` / ``Seen by`` / ``Comrade …``: routing lists, not signatures.

    A heading line starts a list; the short lines after it (names, ``[signature]``, dates) are
    its items.  A heading with nothing after it is left as it was.
    """
    out = list(blocks)
    i = 0
    while i < len(out):
        m = ROUTE_HEAD_RE.match(out[i].text.strip())
        if not m or out[i].kind not in ("line", "p", "head", "signed") or _words(out[i].text) > 12 \
                or (m.group("rest") and is_prose(m.group("rest"))):
            i += 1
            continue
        j = i + 1
        while j < len(out) and _route_item(out[j]):
            j += 1
        if j == i + 1 and not m.group("rest"):
            i += 1
            continue
        head_end = out[i].text.index(m.group("head")) + len(m.group("head"))
        out[i] = replace(out[i], kind="route-head").with_attrs(head_end=str(head_end))
        for k in range(i + 1, j):
            out[k] = replace(out[k], kind="route-item")
        i = j
    return out


def _route_item(block: Block) -> bool:
    s = block.text.strip()
    return block.kind in ("line", "p", "head", "signed", "dateline") and _words(s) <= 8 \
        and not ROUTE_HEAD_RE.match(s) and not is_prose(s) or (
            block.kind == "signed" and _words(s) <= 10 and not ROUTE_HEAD_RE.match(s))


NOTES_HEAD_RE = re.compile(r"^(?:(?:Translator|Translators|Editor|Editors)[’']?s?[’']?\s+|End|Foot)?"
                           r"(?:[Nn]otes?|NOTES?)(?: of the [Tt]ranslator)?\s*:?$|^(?:FOOTNOTES|ENDNOTES|"
                           r"TRANSLATOR[’']S NOTES)\s*:?$")
NOTE_TEXT_RE = re.compile(r"^(?:\((?P<a>\d{1,3})\)|\[(?P<b>\d{1,3})\]|(?P<c>\d{1,3})[.)]|(?P<d>\d{1,3})(?=\s+[A-ZÀ-Ý“\"]))"
                          r"\s+\S")


def _notes_blocks(blocks: list[Block]) -> list[Block]:
    """A ``Translator's Notes`` (``Notes``, ``Footnotes``) heading and its ``(1) …``/``1. …`` texts."""
    out = list(blocks)
    for i, b in enumerate(out):
        if not NOTES_HEAD_RE.match(b.text.strip()):
            continue
        j = i + 1
        texts = []
        while j < len(out) and (m := NOTE_TEXT_RE.match(out[j].text)):
            texts.append(m.group("a") or m.group("b") or m.group("c") or m.group("d"))
            j += 1
        marked = {n for blk in out[:i] for n in footnote_numbers_marked(blk.text, True)}
        if not texts or not marked.intersection(texts):
            continue  # a "Notes" section of numbered points, not notes to markers in the text
        for k, n in zip(range(i + 1, j), texts):
            out[k] = replace(out[k], kind="footnote").with_attrs(n=n, style="notes-block")
        out[i] = replace(b, kind="postscript").with_attrs(role="notes-heading")
    return out


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


def _lift_footnotes(blocks: list[Block]) -> tuple[list[Block], tuple[Block, ...]]:
    """Footnote texts after the closing group whose marker is in the text leave the flow (one per number)."""
    styled = any(b.get("style") == "notes-block" for b in blocks)
    in_text = {m for b in blocks if b.kind != "footnote" for m in footnote_numbers_marked(b.text, styled)}
    lifted: set[str] = set()
    footnotes: list[Block] = []
    kept: list[Block] = []
    seen_bottom = False
    for b in blocks:
        if b.kind in BOTTOM_KINDS and b.kind != "footnote":
            seen_bottom = True
        if b.kind == "footnote":
            n = b.get("n")
            if seen_bottom and n not in lifted and n in in_text:
                footnotes.append(b)
                lifted.add(n)
                continue
            b = replace(b, kind="postscript" if seen_bottom else "p")
        kept.append(b)
    return kept, tuple(footnotes)


def _divide(blocks: list[Block]) -> tuple[Division, ...]:
    """Phases top -> body -> bottom; body text (or a heading) after a closing group opens an enclosure."""
    divisions: list[Division] = []
    current: list[Block] = []
    phase = "top"

    def close() -> None:
        divisions.append(Division("document" if not divisions else "enclosure", tuple(current)))

    first_prose = next((i for i, b in enumerate(blocks) if b.kind == "p" and is_prose(b.text)), len(blocks))
    last_prose = _last_prose_index(blocks)
    for i, b in enumerate(blocks):
        kind = b.kind
        if phase == "top" and kind == "signed" and i < first_prose < len(blocks) and not divisions:
            current.append(b.with_attrs(phase="top"))  # a resolution signed above the text opens it
            continue
        if phase == "body" and kind == "signed" and b.get("role") == "resolution" and i < last_prose:
            b = replace(b, kind="aside")  # a resolution written on the text does not end it
            kind = "aside"
        if phase == "top" and kind not in OPENER_KINDS:
            phase = "body"
        if phase == "body" and kind in BOTTOM_KINDS:
            phase = "bottom"
            # short lines right before the closing group belong to it ("General Office, Ministry ...")
            tail: list[Block] = []
            while current and current[-1].get("phase") == "body" and (
                    current[-1].kind == "line" or current[-1].get("zone") == "closing"):
                tail.insert(0, current.pop())
            if tail and current:
                current.extend(replace(t, kind=t.kind if t.get("zone") == "closing" else "postscript")
                               .with_attrs(phase="bottom") for t in tail)
            else:
                current.extend(tail)
        if phase == "bottom" and kind not in AFTER_BOTTOM_KINDS:
            close()
            current = []
            phase = "top" if kind in OPENER_KINDS else "body"
        elif phase == "bottom" and kind == "head" and current and current[-1].kind != "signed":
            close()
            current = []
            phase = "top"
        current.append(b.with_attrs(phase=phase))
    if current or not divisions:
        close()
    return tuple(divisions)


def _number_copy_items(blocks: list[Block]) -> list[Block]:
    """``1x`` lines (one copy each) are numbered by their place in the list."""
    out: list[Block] = []
    run = 0
    for b in blocks:
        if b.kind == "dist-item" and re.match(r"^\d+x\s", b.text):
            run += 1
            b = b.with_attrs(n=str(run))
        elif b.kind != "dist-item":
            run = 0
        out.append(b)
    return out


def _join_bylines(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "byline-intro" and i + 1 < len(blocks) and _words(blocks[i + 1].text) <= 6:
            name = blocks[i + 1].text
            text = b.text + "\n" + name
            start = len(b.text) + 1
            out.append(Block("byline", text, b.line,
                             (Span(start, start + len(name.rstrip(".")), "name", attrs_of(type="person")),),
                             b.attrs))
            i += 2
            continue
        if b.kind == "byline-intro":
            b = replace(b, kind="line")
        out.append(b)
        i += 1
    return out


def _last_prose_index(blocks: list[Block]) -> int:
    return max((i for i, b in enumerate(blocks) if b.kind == "p" and is_prose(b.text)), default=-1)


def _find_name_signatures(blocks: list[Block]) -> list[Block]:
    """A bare name after the last paragraph of a division, or after a closing salute, signs it."""
    out = list(blocks)
    last_prose = _last_prose_index(out)
    for i, b in enumerate(out):
        if b.kind not in ("line", "p", "head", "heading"):  # "I. Petrov" reads like a numbered heading
            continue
        prev = out[i - 1] if i else None
        after_salute = prev is not None and prev.kind == "salute-closing"
        tail = i > last_prose
        if not (after_salute or tail):
            continue
        if _signature_name(b.text) is None:
            continue
        if tail and not after_salute:
            # the next block must not be prose: a name ends a division
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and nxt.kind == "p" and is_prose(nxt.text):
                continue
        out[i] = replace(b, kind="signed")
    return out


def _signature_name(text: str) -> tuple[int, int] | None:
    """Where the signatory's name is in a bare sign-off line, or None."""
    s = text.rstrip()
    if EXPANSION_RE.search(s):  # "V[asily]. Ivanov": judged without the supplied letters
        plain = EXPANSION_RE.sub("", s)
        found = _signature_name(plain)
        return (0, len(s.rstrip("."))) if found == (0, len(plain.rstrip("."))) else None
    if LETTER_SPACED_RE.match(s):
        return (0, len(s.rstrip(".")))
    m = TITLE_WORDS_RE.match(s)
    offset = 0
    if m:
        offset = m.start("name")
        s = m.group("name")
    m2 = PERSON_NAME_RE.match(s)
    if not m2 or is_upper_line(s) and _words(s) > 3:
        return None
    if any(w.lower() in {"the", "of", "and", "in", "office", "ministry", "embassy", "department"}
           for w in s.split()):
        return None
    if _names_place_or_org(m2.group("name")):
        return None  # "Moscow", "TASS": a place or an organisation does not sign
    if all(w.lower() in ROLE_WORDS for w in m2.group("name").split()):
        return None  # "Deputy Minister": a title, never a person
    return (offset + m2.start("name"), offset + m2.end("name"))


def _may_sign(name: str) -> bool:
    """A name-shaped line that may sign: not a place, an organisation or an office."""
    return not _names_place_or_org(name) and not all(w.lower() in ROLE_WORDS for w in name.split())


def _names_place_or_org(name: str) -> bool:
    from .entities import default_authority

    mentions = default_authority().find_mentions(name)
    return any(m.start == 0 and m.end == len(name) and m.entry.kind != "person" for m in mentions)


def _join_signature_blocks(blocks: list[Block]) -> list[Block]:
    """A signature with the signatory's title above it and the name or role below is one ``signed``."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind != "signed":
            out.append(b)
            i += 1
            continue
        parts = [b]
        # titles above: upper-case heading lines right before (not yet in a paragraph)
        while out and out[-1].kind in ("head", "line") and (is_upper_line(out[-1].text)
                                                            or out[-1].kind == "line") \
                and _words(out[-1].text) <= 14 and not _signature_name(out[-1].text) \
                and (_title_above_ok(out, parts) or _role_line(out[-1].text)):
            parts.insert(0, out.pop())
        j = i + 1
        # below: a bracketed or slashed name, a role line, or a bracketed role
        while j < len(blocks) and _belongs_below(blocks[j], parts):
            parts.append(blocks[j])
            j += 1
        text = "\n".join(p.text for p in parts)
        out.append(Block("signed", text, parts[0].line, (), parts[0].attrs))
        i = j
    return out


def _title_above_ok(out: list[Block], parts: list[Block]) -> bool:
    """Only take a title line when the signature line itself has no plain name before the placeholder."""
    first = parts[0].text
    return bool(SIGNATURE_RE.match(first.strip()) or first.strip().startswith("[signature]")
                or first.strip().startswith("/signature/") or SIGNATURE_RE.search(first))


def _belongs_below(block: Block, parts: list[Block]) -> bool:
    s = block.text.strip()
    has_name = any(_name_in_signed(p.text) for p in parts)
    if parts[0].get("role") == "by-order" and not has_name and block.kind in ("line", "head", "heading", "p", "signed") \
            and (_signature_name(s) or _role_line(s)) and not is_prose(s):
        return True  # "By order of the Minister" / the name / the title
    if re.fullmatch(r"[(/][^()/]+[)/]", s) or (re.search(r"\([^()]+\)$", s) and not has_name
                                               and is_upper_line(s.split("(")[0] or "X Y Z")):
        return True
    if s.startswith("[") and s.endswith("]") and _words(s) <= 5 and has_name:
        return True  # [GDR Ambassador]
    if block.kind in ("line", "head", "p") and has_name and len(parts) <= 2 and _words(s) <= 12 \
            and not is_prose(s) and not parse_date(s):
        return True  # role below the name: "2nd Secretary", "Chargé d’Affaires ad interim"
    if block.kind in ("line", "p") and has_name and len(parts) <= 2 and _words(s) <= 14 \
            and re.match(r"^(?:Ambassador|Chargé|Counsellor|Minister|Consul|Secretary|Head|Chairman)", s):
        return True
    return False


SIGNED_NAME_RE = re.compile(r"\(([^()]+)\)|/(?!signature/)([^/\n]+)/")


def _name_in_signed(text: str) -> tuple[int, int] | None:
    """Where the signatory's name is inside a signature block."""
    for m in SIGNED_NAME_RE.finditer(text):
        g = 1 if m.group(1) else 2
        if re.search(r"[A-ZÀ-Ý]", m.group(g)) and _words(m.group(g)) <= 5:
            return (m.start(g), m.end(g))
    for line_start, line in _lines_with_offsets(text):
        sig = SIGNATURE_RE.search(line)
        if sig:
            rest = line[sig.end():]
            stripped = rest.strip()
            if stripped and PERSON_NAME_RE.match(stripped.rstrip(".")) or LETTER_SPACED_RE.match(stripped):
                lead = len(rest) - len(rest.lstrip())
                return (line_start + sig.end() + lead, line_start + sig.end() + lead + len(stripped.rstrip(".")))
            continue
        where = _signature_name(line)
        if where:
            return (line_start + where[0], line_start + where[1])
    return None


def _lines_with_offsets(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def signed_spans(block: Block) -> tuple[Span, ...]:
    """The name (persName), the signatory's titles (roleName) and the placeholder (gap) of a signature."""
    spans: list[Span] = []
    for m in re.finditer(r"/signature/", block.text):
        spans.append(Span(m.start(), m.end(), "gap", attrs_of(reason="signature"), rank=10))
    where = _name_in_signed(block.text)
    if where:
        spans.append(Span(where[0], where[1], "name", attrs_of(type="person", role="signatory"), rank=20))
    for start, line in _lines_with_offsets(block.text):
        s = line.strip()
        lo = start + len(line) - len(line.lstrip())
        if not s or (where and lo <= where[0] < start + len(line)) or "[" in s or "/" in s:
            continue
        if (_role_line(s) or where and lo > where[1] and role_below_name(s)) and not BY_ORDER_RE.match(s):
            spans.append(Span(lo, lo + len(s), "roleName", rank=15))
    return tuple(spans)


def _role_line(text: str) -> bool:
    """A line naming an office (``Head of the Consular Department``, ``COUNSELLOR OF THE EMBASSY``)."""
    words = [w.strip(",.").lower() for w in text.split()]
    return 0 < len(words) <= 14 and words[0] in ROLE_WORDS - {"of", "the", "and", "for", "a.i.", "ad"} \
        and not re.search(r"\d", text) and not is_prose(text.rstrip("."))


# ---------------------------------------------------------------------------------
# other inline conventions

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

    def __init__(self, numbers=(), styled=()):
        super().__init__(numbers)
        self.styled = sorted({int(n) for n in styled})
        self._next = 0
        self.glued = GluedCalls(page_has_notes=bool(self))

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
    return replace(block, spans=tuple(unique))




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
