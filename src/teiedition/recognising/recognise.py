"""The archive's conventions, as ordered, named tables of small recognisers.

Why: each convention of ENCODING.md (a stamp, a copy number, a signature, a
distribution list, a translator's note, a supplied word...) is one small
function with a name; the first that matches wins and plain paragraph is the
fallback.  A new convention is one new entry, tested alone.

Three tables:

* ``BLOCK_RECOGNISERS``  what a whole line is (``classify_line``);
* ``BRACKET_RECOGNISERS`` what a square bracket is (``bracket_spans``, in ``brackets``);
* ``INLINE_RECOGNISERS``  annotations inside a block (``annotate_inlines``, in ``inlines``).

``structure`` then reads the lines in their zones and groups them into divisions: the
closing zone's roles (``closing``), dialogue (``dialogue``), lists and logs (``runs``),
signatures (``signatures``), and the phases and divisions (``grouping``): an opening
group, the body, and the closing group (signatures, datelines, postscripts); body text
after a closing group starts a new division (an enclosure).  This module keeps the block
recognisers and the order of those passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from .dialogue import speaker_turns
from .inlines import INLINE_RECOGNISERS, WaitingFootnotes, annotate_inlines
from .grouping import (BOTTOM_KINDS, OPENER_KINDS, _divide, _gap_section_breaks, _lift_footnotes, join_lone_calls,
                       _notes_blocks, _number_copy_items, _routing_lists)
from .runs import attachment_lists, bullet_lists, log_runs, numbered_lists, outlines
from .closing import ITEM_NUMBER, SIGNED_LABEL_RE, closing_zone, one_line_signoff
from .lines import _words, is_prose, is_upper_line, parse_date
from .signatures import (BY_ORDER_RE, LETTER_SPACED_RE, SIGNATURE_RE, _find_name_signatures,
                         _join_signature_blocks, _may_sign)
from .brackets import BRACKET_RECOGNISERS, STAMP_LABEL_RE, _outer_bracket_end, bracket_pairs, bracket_spans
from . import header_marks, header_numbers
from .header_marks import NUMBER_SIGN
from .participants import ROLE_LABEL_RE, names_only, split_titled_participants
from .dates import find_dates
from ..model import Block, Division, Span, attrs_of, kinds_where

__all__ = ["BLOCK_RECOGNISERS", "BOTTOM_KINDS", "BRACKET_RECOGNISERS", "INLINE_RECOGNISERS", "OPENER_KINDS",
           "WaitingFootnotes", "annotate_inlines",
           "bracket_pairs", "bracket_spans", "classify_blocks", "classify_line", "structure"]

# ---------------------------------------------------------------------------------
# shared patterns

APOS = "[’']"
#: A security or handling marking, in the capitals of the page (``TOP SECRET``, ``Top secret``,
#: ``Strictly Confidential``), with an optional number (``Secret Document 16``) and ``.``/``!``.
#: The levels in any case: a scan that lost its small capitals prints ``toP seCret``, ``striCtlY Confidential!`` (hdr5).
CLASSIFICATION = (r"(?:(?i:(?:cosmic[ \t]+)?(?:(?:top|strictly|very|highly|absolutely|completely)[ \t]+)?(?:secret|confidential))|"
                  r"Top secret|Strictly confidential|Personal and Confidential|"
                  r"PERSONAL AND CONFIDENTIAL|Making Copies Prohibited|MAKING COPIES PROHIBITED|"
                  r"Copying Prohibited|COPYING PROHIBITED|"
                  r"Special File|SPECIAL FILE|Special Folder|SPECIAL FOLDER|Special [Dd]ossier|SPECIAL DOSSIER|Only copy|ONLY COPY|For Official Use Only|"
                  r"FOR OFFICIAL USE ONLY|Not for publication|NOT FOR PUBLICATION|Of Special Importance|"
                  r"OF SPECIAL IMPORTANCE|"
                  r"Distributed (?:only )?with the (?:consent|permission) of [^.\[\]]{3,80})"
                  r"(?: \d+|\s+Document\s+\d+)?[.!]?")  # "Secret              Document 617": one mark as printed (hdr4)
#: One security classification alone, for reading a line of several marks (``header_marks.marks_in``).
CLASSIFICATION_PART_RE = re.compile(rf"(?:(?:Classification|Level|Security):\s*)?{CLASSIFICATION}")
COPY_MARK = rf"(?:Copy|COPY|copy|Ex\.|Exemplar)\s*{NUMBER_SIGN}?\s*(?P<num>\d+)(?:\s+of\s+\d+)?\.?"
CLASSIFICATION_RE = re.compile(rf"^(?P<label>(?:Classification|Level|Security):\s*)?(?P<cls>{CLASSIFICATION})"
                               rf"(?P<more>(?:[,;]\s*{CLASSIFICATION})*)"
                               rf"(?:[,;.]?\s+(?P<copy>{COPY_MARK}))?$")
COPY_RE = re.compile(rf"^(?P<open>\()?(?P<copy>(?:Copy|COPY|copy)\s*{NUMBER_SIGN}\s*(?P<num>\d+)(?:\s+of\s+\d+)?\.?"
                     rf"|(?:Copy|COPY|Ex\.)\s+{NUMBER_SIGN}?\s*(?P<num2>\d+)\.?)(?(open)\))$")
PRECEDENCE_RE = re.compile(r"^(?:TOP PRIORITY|Top Priority|URGENT|Urgent|IMMEDIATE|Immediate|"
                           r"PRIORITY|Priority|FLASH|Flash|VERY URGENT|Very urgent)\.?$")
OUTGOING_RE = re.compile(rf"^(?P<pre>.*?\d{{4}},?\s+)?(?:Outgoing\s+)?{NUMBER_SIGN}:?\s*"
                         r"(?P<num>[\w./-]*\d[\w./-]*?(?:\s(?:ss|s|dsp|op)(?=\.?(?:\s|$)))?)\.?"  # "Nº 283 ss" (hdr5)
                         r"(?P<post>\s+[-–—]\s*.+|\s*[–—]\s*.+|\s+(?:(?:of|dated|from)\s+)?\d.+)?$")  # a closing stop is the line's
RECORD_LABEL_RE = re.compile(
    r"^(?P<label>(?:To|From|Date|Time|Place|Classification|Level|Subject|Re|Copy to|Copies to|"
    r"(?:Regarding|Concerning|Reference)(?=:\s+[^\W\d])|"  # a subject line: "Regarding: the visit …" (hdr4)
    r"Date and Time|Time and Place|Interpretation and Minutes|Interpretation|Interpreters? and (?:Recorders?|Minutes)|"
    r"Interpreters?|Recorders?|Note-?takers?|Present|Participants|Attendees|Location|Venue|"
    r"Foreign guests|Accompanying (?:persons|personnel|officials)|Recording officials|Also present|"
    rf"[A-Z][\w{APOS}]*(?:\s+[\w{APOS}]+){{0,3}}\s+participants)):\s+(?P<value>\S.*)$")
#: A handwritten resolution or approval on the document, signed: "Agreed. [[illegible signature]]".
RESOLUTION_RE = re.compile(r"^\[?(?:[Hh]andwritten(?: resolution)?|[Hh]andwriting|[Rr]esolution|RESOLUTION|"
                           r"[Aa]pproved|APPROVED|[Aa]greed|[Aa]gree|I agree|[Ss]een and approved)\b")
CLOSING_SALUTE_RE = re.compile(r"^(?:With (?:socialist|comradely|communist|fraternal|Communist) greetings?|"
                               r"With respect|Respectfully(?: yours)?|Sincerely(?: yours)?|"
                               r"Yours (?:faithfully|sincerely)|With best regards)[.,!]?$")
OPENING_SALUTE_RE = re.compile(r"^(?:(?:My|MY)\s+(?:dear|Dear|DEAR)|Dear|Esteemed|Respected)\s+(?:(?:Comrade|Cde\.|Mr\.|Comrades|comrades|friends|colleagues|[Ss]ir|[Ss]irs)(?=\s|[!,:.]?$).{0,80}[!,:.]|"
                               r"(?:(?:comrade|Mrs\.|Ms\.|Dr\.|[A-ZÀ-Ý][\w’'-]*\.?)\s+){0,5}[A-ZÀ-Ý][\w’'-]*[!,:])$")
COPIES_PRINTED_RE = re.compile(r"^(?:(?:\d+|[A-Z][a-z]+(?:-[a-z]+)?) cop(?:y|ies) (?:(?:was|were) )?(?:printed|made|typed|sent|prepared|produced|issued)\b|"
                               r"(?:Printed|Produced|Made|Typed|Prepared) in (?:\d+|[a-z]+) cop(?:y|ies)\b)")
DISTRIBUTED_RE = re.compile(r"^Distributed (?:according to (?:a|the) list|to (?:a|the) list)\.?$")
DISTRIBUTION_INLINE_RE = re.compile(r"^(?P<lead>(?:Distribution(?: list)?\s*[-–:]\s*\d+\s+copies|Copies)\s*:\s*)"
                                    r"(?P<items>.+?)\.?$")
CC_RE = re.compile(r"^(?:CC|Cc|cc|Copies to|Copy to|Distribution):$")
DIST_ITEM_RE = re.compile(rf"^{ITEM_NUMBER}(?P<rest>\S.*)$")  # "1 – to …", "1–2 to …", "1st copy – to …"
LOG_RE = re.compile(r"^(?:Sent|Received|Arrived|Deciphered|Enciphered|Dispatched|Transmitted|Typed|Drafted|Created by|"
                    r"Printed|Checked|Printing and distribution|Decoded|Encoded)\b")
TYPIST_RE = re.compile(r"^[a-zа-я]{1,3}/[A-Za-zА-Яа-я]{1,3}\.?$|^[A-Z]{1,3}/[a-z]{1,3}$")
ATTACHMENT_RE = re.compile(r"^(?:ATTACHMENT|Attachment|Attachments|ATTACHMENTS|Enclosure|ENCLOSURE|"
                           r"Enclosures|Appendix(?: \w+)?|APPENDIX(?: \w+)?|Annex(?: \w+)?)\b[:.]?")
#: A rule line: ``* * *``, ``x x x``, ``---``, ``===``, ``~~~``, ``- - -``, ``###``, ``_____`` (a separator, never a heading).
SECTION_BREAK_RE = re.compile(r"^(?:[xX](?:\s+[xX]){2,}|(?P<rule>[*=~-])(?:\s*(?P=rule)){2,}|#{3,}|_{5,})$")
FOOTNOTE_TEXT_RE = re.compile(r"^\[(?P<n>\d{1,3})\]\s+\S")
BYLINE_INTRO_RE = re.compile(r"^(?:from the (?:journal|diary) of|From the (?:journal|diary) of|"
                             r"FROM THE (?:JOURNAL|DIARY) OF)$")
NUMBERED_HEADING_RE = re.compile(r"^(?:[IVXL]+|\d{1,2}|[A-Z])\.\s+\S.{0,90}$")
#: A division's word and its number alone on a line (``Article I``, ``Section 3.``, ``Chapter IV``, ``§ 2``):
#: a section heading of a treaty or statute, like ``I. …``.
DIVISION_HEADING_RE = re.compile(r"^(?:Article|Section|Chapter|Part|Paragraph|Art\.|§)\s*(?:[IVXLC]+|\d{1,3}[a-z]?)\.?$")


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
    if SIGNED_LABEL_RE.match(text.strip()) and one_line_signoff(text):
        return ("signed", (), ())  # "(signed) A. Gromyko", "ss. I. Bucur": the printed word says it, wherever it stands
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
        cls_end = m.end("cls") - 1 if header_marks.stop_parts_marks(text, m.end("cls")) else m.end("cls")
        spans = [Span(m.start("cls"), cls_end, "seg", attrs_of(type="classification"))]
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
    placed = _dateline(pre.strip().rstrip(",")) if pre and not parse_date(pre.strip().rstrip(",")) else None
    if pre and not parse_date(pre.strip().rstrip(",")) and not placed:
        return None  # "1 December 1949, No.110", "Moscow, 9 June 1969, No. 340" (hdr5: a place before the date)
    if post and not parse_date(_date_part(post)):
        return None  # "Nº 862. 25 June 1953", "Nº 4028-1849ss of 24 October 1951": the number then its date (hdr5)
    return ("dateline", attrs_of(role="outgoing"),
            (*(placed[2] if placed else ()), Span(m.start("num"), m.end("num"), "idno", attrs_of(type="outgoing"))))


def _date_part(post: str) -> str:
    """The date after an outgoing number, without the dash or the small word that joins them."""
    return re.sub(r"^(?:of|dated|from)\s+", "", post.strip(" -–—"))


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


def _role_label(text):
    """``Speaker: Comrade Okafor``, ``Invited: Comrades …``: a role's label over names only labels a list (struct7)."""
    m = ROLE_LABEL_RE.match(text)
    return m if m and names_only(m.group("value")) else None


def _record_header(text):
    m = RECORD_LABEL_RE.match(text) or _role_label(text)
    if not m or (m.group("label") in ("Classification", "Level") and header_marks.labelled_marks(text, CLASSIFICATION_PART_RE)):
        return None  # "Level: Secret": marks only, read by labelled_marks (an opener line, not a record list)
    spans = [Span(m.start("label"), m.end("label") + 1, "label"),
             Span(m.start("value"), m.end("value"), "item")]
    label = m.group("label")
    ref = header_marks.reference_in_value(m.group("value")) if label == "Re" else None
    if ref:  # "Re: No. 292": the number of the document answered
        spans.append(Span(m.start("value") + ref[0], m.start("value") + ref[1], "idno", attrs_of(type="reference")))
    if label in ("To", "From"):  # "To: WIERNA, URGENT, EYES ONLY": the marks after the addressee
        at = m.start("value")
        spans.extend(replace(sp, start=sp.start + at, end=sp.end + at)
                     for sp in header_marks.trailing_marks(m.group("value"), CLASSIFICATION_PART_RE))
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
    if DIVISION_HEADING_RE.match(s):
        return ("heading", (), ())
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
    Recogniser("copy_list_item", lambda text: header_marks.copy_item(text, CLASSIFICATION_PART_RE)),
    Recogniser("from_line_number", header_marks.from_line_number),
    Recogniser("transmission_log", _transmission_log),
    Recogniser("small_log_line", header_marks.small_log_line),
    Recogniser("transmission_form", header_marks.transmission_form),
    Recogniser("typist_initials", _typist_initials),
    Recogniser("attachment", _attachment),
    Recogniser("stamp_line", _stamp_line),
    Recogniser("record_header", _record_header),
    Recogniser("classification_or_copy", _classification),
    Recogniser("header_marks", lambda text: header_marks.marks_line(text, CLASSIFICATION_PART_RE)),
    Recogniser("completed_mark", lambda text: header_marks.completed_mark(text, CLASSIFICATION_PART_RE)),
    Recogniser("handwritten_marks", lambda text: header_marks.marks_with_handwriting(text, CLASSIFICATION_PART_RE)),
    Recogniser("labelled_marks", lambda text: header_marks.labelled_marks(text, CLASSIFICATION_PART_RE)),
    Recogniser("outgoing_number", _outgoing),
    Recogniser("number_then_date", lambda text: header_numbers.number_then_date(
        text, find_dates, lambda rest: header_marks.marks_in(rest, CLASSIFICATION_PART_RE))),
    Recogniser("incoming_number", lambda text: header_marks.incoming_number(text, parse_date)),
    Recogniser("labelled_number", lambda text: header_marks.labelled_number(text, parse_date)),
    Recogniser("reference_number", lambda text: header_marks.reference_number(text, parse_date)),
    Recogniser("qualified_dateline", lambda text: header_marks.qualified_dateline(text, parse_date)),
    Recogniser("quoted_day_dateline", lambda text: header_marks.quoted_day_dateline(text, parse_date)),
    Recogniser("dateline", _dateline),
    Recogniser("bracketed_dateline", lambda text: header_marks.bracketed_dateline(
        text, lambda core: _dateline(core) or header_marks.qualified_dateline(core, parse_date), parse_date)),
    Recogniser("byline_intro", _byline_intro),
    Recogniser("bracket_only", _bracket_only),
    Recogniser("heading", _heading),
    Recogniser("short_line", _short_line),
)



def classify_line(text: str) -> tuple[str, tuple, tuple, str]:
    """The first recogniser that matches: (kind, attrs, spans, recogniser name)."""
    for rec in BLOCK_RECOGNISERS:
        found = rec.match(text)
        if found:
            return (*found, rec.name)
    return ("p", (), (), "paragraph")


def classify_blocks(lines) -> list[Block]:
    """Classify every body line; a run of empty lines well above the page's usual gap is noted.

    The header zone's flattened two-column lines are cut into cells first (``header_zone``).
    """
    from .header_zone import split_flattened

    lines = join_lone_calls(split_titled_participants(split_flattened(list(lines), classify_line)))
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


# ---------------------------------------------------------------------------------
# grouping into divisions


def structure(blocks: list[Block], *, summary_found: bool = True) -> tuple[tuple[Division, ...], tuple[Block, ...]]:
    """Group blocks into divisions (opening, body, closing) and lift out footnote texts.

    ``summary_found``: the page's summary was read apart from the body (else the body's last
    paragraph may be it, and a sign-off before it still signs)."""
    from .header_zone import assign_roles

    blocks = assign_roles(list(blocks))
    blocks = _gap_section_breaks(_join_bylines(_no_closing_in_header(blocks)))
    blocks = _routing_lists(blocks)
    blocks = attachment_lists(log_runs(outlines(numbered_lists(bullet_lists(blocks)))))
    blocks = speaker_turns(blocks)
    blocks = _notes_blocks(blocks)
    blocks = closing_zone(blocks, is_prose, _may_sign, summary_found=summary_found)
    blocks = _number_copy_items(blocks)
    blocks = _find_name_signatures(blocks)
    blocks = _join_signature_blocks(blocks)
    kept, footnotes = _lift_footnotes(blocks)
    return _divide(kept), footnotes


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


def _join_bylines(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "byline-intro" and i + 1 < len(blocks) and _words(blocks[i + 1].text) <= 6:
            name = blocks[i + 1].text
            text = b.text + "\n" + name
            start = len(b.text) + 1
            dated = next((a for a, _b, _d in find_dates(name) if a > 0), None)  # "A. A. Gromyko October 4, 1949"
            end = len(name[:dated].rstrip(" ,")) if dated else len(name.rstrip("."))
            out.append(Block("byline", text, b.line, (Span(start, start + end, "name", attrs_of(type="person")),),
                             b.attrs))
            i += 2
            continue
        if b.kind == "byline-intro":
            b = replace(b, kind="line")
        out.append(b)
        i += 1
    return out


