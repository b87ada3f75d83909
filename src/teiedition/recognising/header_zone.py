"""The header zone of a document: its lines found by an anchor, then given roles by their shape.

Why: the lines above the first paragraph of running text (the *header zone*) are the
document's furniture (marks, numbers, dates, addressee, document type) printed in one or
two columns and in any order; what a line is there follows from where it stands and its
shape, never from a list of pages seen.  The anchor that does not vary is the first
paragraph of prose: everything before it is the header zone.  Two passes:

* ``split_flattened`` (before the lines are classified): a line of the zone that holds
  two columns flattened onto it (``from the diary of Secret Copy No 2``) is cut into
  cells at its marks, so that no mark stays inside a heading or a byline;
* ``assign_roles`` (after): addressee lines (``To the Deputy Minister …`` / ``Comrade
  N. T. Fedorenko``) become the opener's ``salute`` with the names marked; marks printed
  between ``from the diary of`` and the diarist's name move above the byline; a short
  line no recogniser claimed is header furniture (the zone's fallback), never a section
  heading; every block of the zone carries ``zone="header"`` so that a report's date is
  never read as the first entry of a journal; the dash items under a copies note at the
  top (``Produced in 5 copies for:``) are the distribution list, and so are numbered items
  above the text (``Copy Nº 1 to Cde. Stalin``, ``Nº 2 – to Molotov``): above the text they
  open no closing group; the zone ends early at numbered section headings that lead to
  the first paragraph (``body_start``): they are the body's first sections; a line of the
  zone read as a paragraph but no prose (a title, a list of those present) is furniture.

What is no first paragraph (``header_zone_end``): a long title with no sentence's end, a
short line ending in a name's initials (``To Comrade Mikoyan, A.I.``), a list of those
present, an addressee before a colon (``Ministry of Foreign Affairs:``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Span, attrs_of
from .header_marks import COPY, HANDLING, PRECEDENCE, time_line
from .header_numbers import BARE_NUMBER_RE
from .dates import find_dates
from .lines import is_prose, is_upper_line
from .participants import PARTICIPANTS_HEAD_RE, _participant_lines, _participants, _sides
from .lines import ADDRESSEE_RE
from .addressees import BARE_NAME_RE, _addressed_with_colon, _addressee, _unbracketed

DASH_ITEM_RE = re.compile(r"^\s*[-–•]\s+\S")
LIST_ITEM_RE = re.compile(r"^\s*(?:[-–•*]|\d{1,2}[.)]|[a-z][.)])\s+\S")
SENTENCE_END_RE = re.compile(r"[.!?:;…][”’\"')\]]*$")
#: A short line ending in a name's initials (``A.I.``, ``Yu. V.``): the stop is the initial's.
INITIALS_END_RE = re.compile(r"(?:^|[\s,])(?:[A-ZÀ-Ý][a-z]?\.\s?){1,3}$")
#: A classification in capitals closing a line of the other column (``… Republic TOP SECRET!``):
#: its ``!`` or ``.`` ends the mark, not a sentence.
TRAILING_CAPS_MARK_RE = re.compile(r"(?<=\S)\s+(?:(?:TOP|STRICTLY)\s+)?(?:SECRET|CONFIDENTIAL)[.!]?$")


def header_zone_end(items, kind_of=lambda b: b.kind, text_of=lambda b: b.text) -> int:
    """Index of the first paragraph of running prose: the anchor that ends the header zone.

    Running prose is a paragraph block (``kind_of`` gives ``p``) that ends as a sentence ends
    (four words or more) or is too long for any header line (sixteen words); an addressee
    line (``To the Deputy Minister of Foreign Affairs of the USSR``) or a long title is neither,
    nor a line whose only sentence-like end is a mark of the other column (``… TOP SECRET!``),
    nor a short dash item of a list, nor a line that is one bracket (``[See next page …].``).  A
    paragraph opening with the translator's words (``[I] paid a visit to …``) is prose like any other.
    A long line with no sentence's end that reads as a title (``_title_like``) ends the zone only when
    no prose follows it, or when an outline's items (numbered, dashed) come before the prose.
    """
    title = None  # a long title line: the zone's end only when no paragraph of prose follows
    for i, item in enumerate(items):
        text = text_of(item).strip()
        words = len(text.split())
        if title is not None and kind_of(item) == "p" and LIST_ITEM_RE.match(text):
            return title  # an outline under a long title ("1. Issues …", "- Evaluating …"): the body's
        if kind_of(item) != "p" or (DASH_ITEM_RE.match(text) and words < 16) or re.fullmatch(r"\[[^\]]*\][.:;]?", text):
            continue  # a bracket, a header line, a short dash item (``- Comrade Dr. Nagy L.``)
        core = NOTE_CALL_END_RE.sub("", TRAILING_CAPS_MARK_RE.sub("", text))
        under_label = i > 0 and bool(PARTICIPANTS_HEAD_RE.match(text_of(items[i - 1]).strip()))
        if PARTICIPANTS_HEAD_RE.match(text) or _participants(text, under_label) or _sides(items, i, text_of):
            continue  # "Present com[rade]s. Aliev G. A., Gorbachev M. S., …": the meeting's header, no prose
        if words < 10 and INITIALS_END_RE.search(core):
            continue  # "To Comrade Mikoyan, A.I.", "Chairman com. ANDROPOV Yu. V.": a name's initials, no sentence's end
        if text.endswith(":") and (ADDRESSEE_RE.match(_unbracketed(text)) or _addressed_with_colon(text)):
            continue  # "To the Ministry of Foreign Affairs:" (body2): the addressee, not the first paragraph
        if _title_line(items, i, kind_of, text_of):
            continue  # "of the meeting of …", "Reply of the Ambassador …, 11 January 1972.": a title's line
        if words >= 4 and SENTENCE_END_RE.search(core):
            return i
        if words >= 16 and _title_like(text):
            title = i if title is None else title
            continue
        if words >= 16:
            return i
    return len(items) if title is None else title


#: A title dated at its end: ``Reply of the Ambassador to the Minister, 11 January 1972.``, ``…, January 11, 1972``.
DATED_END_RE = re.compile(r",\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\.?$")
#: A title's second line in small letters: ``of the meeting of …``, ``on aid to Ethiopia from …``.
CONTINUATION_START_RE = re.compile(r"^(?:of|on|about|regarding|concerning|between|with|for)\s")


def _title_line(items, i: int, kind_of, text_of) -> bool:
    """A line of the zone that is a title although it ends as a sentence ends (hdr4), when more follows it:
    one sentence of sixty words at most, that either opens in small letters with a title's small word
    under another line of the zone (``PROTOCOL`` / ``of a conference of … held in Warsaw.``), or ends with
    a date (forty words at most) and has no paragraph of prose right under it (``Telegram of X to the
    Ambassador in Moscow, 10 January 1972.`` / ``For Moscow``; a second line in small letters is no prose)."""
    text = text_of(items[i]).strip()
    words = len(text.split())
    if i + 1 >= len(items) or words > 60 or re.search(r"[^\W\d_]{3,}[.!?][”’\"')]*\s+[A-Z](?!\.)", text):
        return False
    if i > 0 and CONTINUATION_START_RE.match(text):
        return True
    below = items[i + 1]
    prose_below = kind_of(below) == "p" and is_prose(text_of(below)) and not CONTINUATION_START_RE.match(text_of(below))
    return words <= 40 and bool(DATED_END_RE.search(text)) and not prose_below


#: The first word of a document's own title (``Record of I. V. Stalin's Conversation with …``) or of a
#: title's second line (``with KIM IL SUNG, General Secretary …``, ``about the talks of …``).
TITLE_START_RE = re.compile(r"^(?:(?:Brief|Short|Verbatim|Supplementary|Additional|Preliminary|Final)\s+"  # hdr4
                            r"(?i:summary|record|report|notes?|minutes|memorandum|transcript|information|conversation)|"
                            r"Record|Memorandum|Minutes|Transcript|Report|Notes?|Information|Protocol|Agreement|"
                            r"Stenographic|Shorthand|Summary|Conversation|Cable|Telegram|Letter|Resolution|Decision|"
                            r"Decree|Proposal|Excerpt|Meeting|Talks|Discussion|Directive|Instruction|Draft|Statement|"
                            r"Speech|Communiqu\w*|with|of|about|on|between|regarding|concerning)\b")
_TITLE_SMALL = {"and", "of", "the", "for", "to", "in", "on", "at", "with", "by", "from", "about", "between", "a",
                "an", "&", "regarding", "concerning"}


def _title_like(text: str) -> bool:
    """A long line with no sentence's end that is a title (hdr3): one sentence at most, opening with a
    document's kind or a title's small word, or its words in capitals (three in four)."""
    s = " ".join(_unbracketed(text).split())
    if re.search(r"[^\W\d_]{3,}[.!?][”’\"')]*\s+[A-Z](?!\.)", s):
        return False  # "… in Hungary. Szabad Nép …": two sentences of prose ("CDES. L. I. BREZHNEV": an initial)
    if TITLE_START_RE.match(s):
        return True
    content = [w for w in s.split() if w.lower() not in _TITLE_SMALL]
    return sum(1 for w in content if w[:1].isupper() or w[:1].isdigit()) >= 0.75 * len(content)


def split_flattened(lines, classify) -> list:
    """Cut the header zone's flattened two-column lines into cells (``SourceLine``s of one line number).

    A line is cut where a run of marks (classification, handling, precedence, copy) starts or
    ends, when the run is a whole line's worth of marks by ``classify`` (the recognisers' verdict
    is ``mark``) and the rest is not empty; at gaps of two spaces or more when a cell is a mark,
    a dateline or a number.  Prose lines and brackets are never cut.
    """
    memo: dict[str, tuple] = {}

    def known(text: str) -> tuple:  # each text is classified once
        if text not in memo:
            memo[text] = classify(text)
        return memo[text]

    end = header_zone_end(lines, kind_of=lambda line: known(line.text)[0])
    out = []
    for k, line in enumerate(lines):
        if k >= end or line.text.lstrip().startswith("[") or "[" in line.text or "\n" in line.text:
            out.append(line)
            continue
        cells = _cells(line.text, known)
        if len(cells) <= 1:
            out.append(line)
            continue
        for n, cell in enumerate(cells):
            out.append(replace(line, text=cell, empty_run=line.empty_run if n == 0 else 0))
    return _join_wrapped_marks(out, known, end + len(out) - len(lines))


#: A line that cannot end a phrase: it ends in a small word (``according to``, ``regarding the``).
OPEN_END_RE = re.compile(r"(?i)\b(?:the|a|an|to|of|and|or|regarding|according|with|for|by|on|in|this|that|is|be)$")


def _join_wrapped_marks(lines, known, end: int) -> list:
    """A handling mark wrapped over short lines of the zone (``After use, this code message`` / ``is to be
    destroyed according to`` / ``regulations regarding the`` / ``handling of secret documents``) is one
    line again (hdr5): each line after the first goes on in small letters or after a small word, no line
    alone is a mark, and the lines joined are marks only.  A mark whole on its first line is left alone."""
    out, i = [], 0
    while i < len(lines):
        line, joined = lines[i], None
        if i < end and known(line.text)[0] != "mark" and len(line.text.split()) <= 8:
            for j in range(i + 1, min(i + 5, end, len(lines))):
                prev, nxt = lines[j - 1].text.strip(), lines[j].text.strip()
                if len(nxt.split()) > 8 or not (nxt[:1].islower() or OPEN_END_RE.search(prev)):
                    break
                text = "\n".join(ln.text.strip() for ln in lines[i:j + 1])
                if known(text)[0] == "mark":
                    joined = (j, text)
        if joined:
            out.append(replace(line, text=joined[1]))
            i = joined[0] + 1
            continue
        out.append(line)
        i += 1
    return out


#: Words without which a line holds no mark nor date to cut at (a cheap test before the cuts are tried).
HINT_RE = re.compile(r"(?i)\b(?:secret|confidential|cop(?:y|ies|ied|ying)|ex\.|exemplar|urgent|immediate|priority|"
                     r"flash|express|special|personal|eyes|only|significance|importance|publication|returned|"
                     r"lightning|molniya|out of turn)\b|\d|from\s+the\s+(?:journal|diary)\s+of\s")


def _cells(text: str, classify) -> list[str]:
    text = text.strip()
    if classify(text)[0] not in ("p", "head", "line", "byline-intro") or not HINT_RE.search(text):
        return [text]  # the whole line is already something known, or holds nothing to cut at
    intro = BYLINE_PREFIX_RE.match(text)
    if intro and intro.end() < len(text):  # "from the diary of V. PETROV ...": the intro, then the rest
        return [intro.group().strip()] + _cells(text[intro.end():], classify)
    cells = [c for c in re.split(r"(?<=\|)\s+(?=\S)", text) if c.strip()]  # a table's cells end in "|"
    if len(cells) > 1 and all(classify(c)[0] == "dist-item" for c in cells):
        return cells
    parts = [p for p in re.split(r" {2,}|\t+", text) if p.strip()]
    if len(parts) > 1 and any(classify(p)[0] in ("mark", "dateline") for p in parts):
        return [c for p in parts for c in _cells(p, classify)]
    words = list(re.finditer(r"\S+", text))
    # the longest run of marks (or a full date, an outgoing number after a heading) at the end of the
    # line, then the longest run of marks at its start; what is left is cut again
    for k in range(1, len(words)):
        head, tail = text[:words[k].start()].strip(), text[words[k].start():]
        if _cuttable_tail(head, tail, classify):
            return _cells(head, classify) + [tail]
    for k in range(len(words) - 1, 0, -1):
        head, rest = text[:words[k].start()].strip(), text[words[k].start():].strip()
        if classify(head)[0] == "mark" and _strong(head):
            return [head] + _cells(rest, classify)
    return [text]


def _cuttable_tail(head: str, tail: str, classify) -> bool:
    """A run of marks, a full date after a heading in capitals, an outgoing number after a name.

    A number after a heading (``REPORT No. 7``, ``TELEGRAM Nº 117``) is the heading's serial
    number, not the outgoing number: it stays in the heading.
    """
    kind, attrs, _spans, _name = classify(tail)
    if kind == "mark":
        # never inside a mark: "242/1963/top secret" is a file reference, not "…/top" + "secret"
        last = re.split(r"[/\s]", head)[-1]
        return _strong(tail) and not (last and classify(f"{last} {tail}".upper())[0] == "mark")
    if kind == "dateline" and dict(attrs).get("role") == "outgoing":
        return bool(BARE_NAME_RE.match(head) or INVERTED_NAME_RE.match(head))  # "V. V. KUZNETSOV Nº 284": a name has no serial number
    if kind != "dateline" or not is_upper_line(head):
        return False
    found = find_dates(tail)
    return any(d.when and len(d.when) == 10 for _a, _b, d in found)


#: A name printed surname first (``Ratanov, A.P.``, a journal's author over ``Original No. 255``: hdr5).
INVERTED_NAME_RE = re.compile(r"^[A-ZÀ-Ý][\w’'-]+,\s*(?:[A-ZÀ-Ý][a-z]?\.\s?){1,3}$")
BYLINE_PREFIX_RE = re.compile(r"^(?i:from\s+the\s+(?:journal|diary)\s+of)\s+(?=[A-ZÀ-Ý])")


def _strong(marks: str) -> bool:
    """A run of marks worth cutting a line for: a classification or copy mark, or marks in capitals."""
    if re.search(rf"^(?:{COPY})$", marks) or re.search(r"(?i)\b(?:secret|confidential)\b", marks):
        return True
    letters = [c for c in marks if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and bool(
        re.fullmatch(rf"(?:(?:{HANDLING})|(?:{PRECEDENCE})|[\s,;.])+", marks))


# ---------------------------------------------------------------------------------
# roles inside the zone

def assign_roles(blocks: list[Block]) -> list[Block]:
    """Roles of the header zone's blocks by their place and shape (see the module's docstring)."""
    end = body_start(blocks, header_zone_end(blocks))
    if end == 0:
        return blocks
    out = [_furniture(b.with_attrs(zone="header")) for b in blocks[:end]]
    out = _addressee(out)
    out = _marks_before_byline(out)
    out = _distribution_at_top(out)
    out = _copy_list_at_top(out)
    out = _number_under_from_line(out)
    if end < len(blocks):
        out = [_document_label(_unsentenced(b)) for b in out]
        out = _participant_lines(out)
    return out + list(blocks[end:])


def _document_label(b: Block) -> Block:
    """``Appendix No. 1`` above the text's first paragraph names the document itself (it is an appendix of
    another file): a line of the header, never an attachment that would end the text before it begins."""
    if b.kind != "attachment":
        return b
    return replace(b, kind="mark").with_attrs(role="document-label")


#: A footnote's call closing a sentence: ``… the central question.(2)``, ``… question.[2]``.
NOTE_CALL_END_RE = re.compile(r"(?<=[.!?…])\s*(?:\(\d{1,2}\)|\[\d{1,2}\])$")


def _unsentenced(b: Block) -> Block:
    """A line of the zone read as a paragraph that is not running prose (``Notes of G. Dimitrov on a
    Phone Call from Stalin``, ``Chairman com. ANDROPOV Yu. V.``) is header furniture, as a short line:
    the body starts at the first paragraph of prose, not before it (hdr3)."""
    if b.kind != "p" or ("\n" in b.text and not _title_like(b.text) and not _participants(b.text)):
        return b
    return replace(b, kind="line").with_attrs(fallback="header-furniture")


#: A numbered section heading: ``I. Polish-Korean relations.``, ``2. Reconstruction of Pyongyang.``
#: (``I. Petrov``, ``V. Molotov`` are names: ``BARE_NAME_RE``).
SECTION_NUMBER_RE = re.compile(r"^\s*(?P<n>[IVXL]+|\d{1,2}|[A-Z])\.\s+(?P<rest>\S.*)$")


def body_start(blocks: list[Block], end: int) -> int:
    """Where the body starts: the first paragraph of prose (``end``), or the numbered section heading
    that leads to it.

    A report whose sections open with numbered headings, each perhaps over a translator's
    summary of an omitted passage (``I. Polish-Korean relations.`` / ``[Ambassador received …]``),
    starts its body at its first section heading once the title block is over: from that
    heading down to the first paragraph stand only section headings and brackets, and each
    heading heads something (a bracket, the text, or a heading of the next level: ``II. …`` /
    ``1. …``).  Numbered lines one under the other at one level (``1. Issue of …`` / ``2. …``,
    ``1. Comrade Novotný`` / ``2. …``) are a list of the header (topics, addressees), never sections.
    """
    if end >= len(blocks):
        return end  # no running prose: nothing shows where a body would start
    start = end
    while start > 0 and (_section_heading(blocks[start - 1]) or _bracket(blocks[start - 1])):
        start -= 1
    while start < end and _bracket(blocks[start]):
        start += 1  # brackets above the first heading stay in the header (a stamp, a letterhead)
    if start == end:
        return end
    above = [_level(blocks[start - 1])] if start and SECTION_NUMBER_RE.match(blocks[start - 1].text) else [None]
    levels = above + [_level(b) if _section_heading(b) else None for b in blocks[start:end]] + [None]
    if any(a is not None and a == b for a, b in zip(levels, levels[1:])):
        return end  # two numbered lines of one level with nothing between: a list, not sections
    return start


def _bracket(b: Block) -> bool:
    return b.kind == "aside" and b.text.lstrip().startswith("[")


def _section_heading(b: Block) -> bool:
    m = SECTION_NUMBER_RE.match(b.text)
    return b.kind == "heading" and bool(m) and not (BARE_NAME_RE.match(b.text.strip())
                                                    or HONORIFIC_RE.match(m.group("rest"))
                                                    or ADDRESSEE_RE.match(m.group("rest")))


HONORIFIC_RE = re.compile(r"(?:Comrade|COMRADE|Cde\.|Com\.|Mr\.|Mrs\.|Ms\.|Dr\.|Tov\.|Tovarishch)\s")


def _level(b: Block) -> str:
    """A heading's numbering: roman, arabic or a letter."""
    n = SECTION_NUMBER_RE.match(b.text).group("n")
    return "arabic" if n.isdigit() else "roman" if re.fullmatch(r"[IVXL]+", n) else "letter"


def _furniture(b: Block) -> Block:
    """The zone's fallback: a short line no recogniser claimed is header furniture, never a section heading.

    A numbered-heading shape (``I. Petrov``, ``A. GROMYKO``) above the text is a name or a
    letterhead line, not the first section of the body; the line keeps ``fallback`` for the
    review report.
    """
    if b.kind in ("line", "head", "heading") and time_line(b.text):
        return replace(b, kind="dateline").with_attrs(role="time")  # "22:30 Hours" under the date: the dateline's time
    if b.kind == "heading":
        return replace(b, kind="line").with_attrs(fallback="header-furniture")
    if b.get("recogniser") == "short_line":
        return b.with_attrs(fallback="header-furniture")
    return b


def _marks_before_byline(zone: list[Block]) -> list[Block]:
    """``from the diary of`` / marks of the other column / the name: the marks stand above the byline."""
    out = list(zone)
    i = 0
    while i < len(out):
        if out[i].kind == "byline-intro":
            j = i + 1
            while j < len(out) and out[j].kind == "mark":
                j += 1
            if j > i + 1 and j < len(out):
                out[i:j] = out[i + 1:j] + [out[i]]
                i = j
        i += 1
    return out



def _distribution_at_top(zone: list[Block]) -> list[Block]:
    """``Produced in 5 copies for:`` / ``- Comrade Puja`` …: the dash items under a copies note at the
    top are the distribution list (``list[@type="distribution"]``), numbered in their order; above
    the text they open no closing group."""
    out = list(zone)
    for i, b in enumerate(out):
        if b.get("role") != "distribution-note":
            continue
        j = i + 1
        while j < len(out) and out[j].kind in ("line", "p", "head") and DASH_ITEM_RE.match(out[j].text):
            out[j] = replace(out[j], kind="dist-item-top").with_attrs(n=str(j - i))
            j += 1
    return out


def _copy_list_at_top(zone: list[Block]) -> list[Block]:
    """Numbered items above the text (``Copy Nº 1 to Cde. Stalin``) are the distribution list at the top.

    An item wrapped over two lines next to another item (``Copy Nº 2`` / ``to Cde. Stalin``) is
    joined back into one: a bare copy mark right above a ``to …`` line, inside a run of items, is
    not the document's own copy mark.
    """
    out: list[Block] = []
    i = 0
    while i < len(zone):
        b = zone[i]
        if b.kind == "dist-item":
            b = replace(b, kind="dist-item-top")
        elif _wrapped_copy_item(zone, i):
            nxt = zone[i + 1]
            shift = len(b.text) + 1
            spans = tuple(sp for sp in b.spans if sp.kind not in ("seg", "num")) + tuple(
                _shifted(sp, shift) for sp in nxt.spans)
            number = next((sp.get("value") for sp in b.spans if sp.kind == "num"), None)
            out.append(Block("dist-item-top", b.text + "\n" + nxt.text, b.line, spans,
                             b.attrs).with_attrs(n=number, role="copy-list"))
            i += 2
            continue
        out.append(b)
        i += 1
    return out


def _wrapped_copy_item(zone: list[Block], i: int) -> bool:
    b = zone[i]
    if b.kind != "mark" or i + 1 >= len(zone) or not re.fullmatch(rf"\s*(?:{COPY})\s*", b.text):
        return False
    if not re.match(r"\s*(?i:to|for)\s+\S", zone[i + 1].text) or len(zone[i + 1].text.split()) > 8:
        return False
    near = [zone[k] for k in (i - 1, i + 2) if 0 <= k < len(zone)]
    return any(n.kind in ("dist-item", "dist-item-top") for n in near)


def _shifted(sp: Span, by: int) -> Span:
    inner = (sp.inner[0] + by, sp.inner[1] + by) if sp.inner else None
    return replace(sp, start=sp.start + by, end=sp.end + by, inner=inner)


FROM_LINE_RE = re.compile(r"^\s*(?i:from)\s+[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?\s*$")


def _number_under_from_line(zone: list[Block]) -> list[Block]:
    """A cable form's receiving block: ``from TEHRAN`` / ``Nº 32951`` / ``Received at 1710``: the bare
    number right under the sending place is the receiving office's register number
    (``idno[@type="registration"]``), not the sender's outgoing number (a number printed on the
    ``From`` line itself is the sender's, ``header_marks.from_line_number``)."""
    out = list(zone)
    for i in range(1, len(out)):
        b = out[i]
        if b.get("role") != "outgoing" or not BARE_NUMBER_RE.match(b.text) or not FROM_LINE_RE.match(out[i - 1].text):
            continue
        spans = tuple(replace(sp, attrs=attrs_of(type="registration")) if sp.kind == "idno" else sp for sp in b.spans)
        out[i] = replace(b, kind="mark", spans=spans).with_attrs(role="incoming")
    return out
