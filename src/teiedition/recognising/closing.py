"""The closing zone: roles of the short lines after the last paragraph of the body.

Why: sign-offs, distribution lists and routing blocks take many printed shapes
(``GROMYKO``, ``24.III.50 Shtykov``, ``(A. B. Walker)`` / ``for Under Secretary``,
``Copies`` / ``1. Vyshinsky``), and a list of the shapes seen so far misses the next
page's.  What does not vary is *where* they stand: after the last paragraph of running
text, before the notes and the page's furniture.  So the zone is found first, and each
line then gets a role by its shape inside the zone, with the fallback the zone suggests
(a short line there is part of the closing group, never a heading that opens an
enclosure).  No list of names: a name is a shape (capitalised words, initials).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Span, attrs_of
from .dates import find_dates
from .header_marks import NUMBER_SIGN
from .lines import ADDRESSEE_RE
from .dialogue import cut_speaker_turn
from .signoff_lines import BODY_WORDS, FUNCTION_WORDS, ORG_WORDS_RE, numbered_body, org_signoff, run_on_number, running_text  # noqa: F401

#: ``Copies``, ``Copies to:``, ``Distribution:``, ``Sent to:``, ``Received by:`` (after the text): the head of a
#: distribution list.
DIST_HEAD_RE = re.compile(r"^(?:Copies|COPIES|Copy to|Copies to|Copies sent to|Distribution(?: list)?|DISTRIBUTION|"
                          r"Distributed to|Sent to|Circulation|To be distributed to|Mailing list|CC|Cc|cc|"
                          r"Received by|Copies received by|For the information of)"
                          r"\s*[:.]?$")
#: ``1. Vyshinsky``, ``2) File``, ``3 - Comrade Li``, ``1x Minister``: a numbered item of a list.
#: A covering letter's line saying what it encloses (``Attachment: as mentioned, 19 pages (top secret).``):
#: the enclosure is not on the lines after it, the letter's sign-off is.
ENCLOSED_NOTICE_RE = re.compile(r"^(?:Attachments?|Enclosures?|Appendix|Annex)\s*:\s*\S.*?(?:\bas (?:mentioned|stated|indicated|"
                                r"noted|above)\b|\b\d+\s*(?:pages?|pp\.|sheets?|ll\.|folios?)\b)", re.I)
#: The number of a distribution item as printed: ``1``, a range of copies ``1–2``, an ordinal ``1st copy``;
#: then a dash, ``x`` or (before the addressee) nothing but ``to``: ``7 to Comrade …``,
#: ``1st copy – to Cde. …``, ``1-2 – to Comrade …``.
ITEM_NUMBER = (r"(?P<n>\d{1,2}(?:\s*[-–]\s*\d{1,2}(?=\s))?)(?:st|nd|rd|th)?(?:\s+cop(?:y|ies))?"
               r"(?:\s*[-–—]{1,2}\s+|x\s+|\s+(?=to\s+(?:[A-ZÀ-Ý]|the\b|files?\b)))")
NUMBERED_ITEM_RE = re.compile(rf"^(?:{ITEM_NUMBER[:-1]}|[.)]\s+))(?P<rest>\S.{{0,120}})$")
#: A name in the closing zone: initials (also ``V[asily].``) and capitalised words, or capitals.
NAME_RE = re.compile(r"^(?:(?:[A-ZÀ-Ý][a-zà-ÿ]?(?:\[[a-zà-ÿ]+\])?\.\s*){0,3}"
                     r"[A-ZÀ-Ý][\w’'-]+(?:\[[a-zà-ÿ]+\])?(?:\s+[A-ZÀ-Ý][\w’'-]+){0,3})\.?$")
#: ``(A. B. Walker)``, ``/N. Petrov/``: a name in round brackets or slashes on its own line.
ENCLOSED_NAME_RE = re.compile(r"^[(/](?P<name>[^()/\[\]]{2,60})[)/]\.?$")
#: ``of the Latin American Countries (V. BAZYKIN)``: an office's words, then the name in brackets.
NAME_AT_END_RE = re.compile(r"^(?P<office>[^()\[\]]{2,100}?)\s+\((?P<name>[^()/\[\]]{2,60})\)\.?$")
#: A given name the translator supplied before a surname: ``[Wolfgang] Bayerlacher``.
SUPPLIED_GIVEN_RE = re.compile(r"^\[([A-ZÀ-Ý][\w’'.-]*(?:\s[A-ZÀ-Ý][\w’'.-]*)?)\](?=\s+[A-ZÀ-Ý])")
#: A surname the translator supplied after initials: ``G. [Pushkin]``.
SUPPLIED_SURNAME_RE = re.compile(r"(?<=\. )\[([A-ZÀ-Ý][\w’'-]+)\]$")
#: An expansion glued to an initial or a word: ``V[asily]``.
EXPANSION_RE = re.compile(r"(?<=[^\W\d_])\[[a-zà-ÿ]+\]")
#: A line naming an office by position: ``for Under Secretary``, ``p.p. the Ambassador``.
FOR_ROLE_RE = re.compile(r"^(?:for|For|FOR|p\.\s?p\.|pp\.?)\s+(?:the\s+)?[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,8}$")
#: ``(signed) A. Gromyko``, ``Signed: A. Gromyko``, ``Sgd. A. Gromyko``, the Romanian ``ss. I. Bucur``,
#: ``(ss) I. Bucur`` (*semnat*): the printed word for a signature
#: (plain text, not a ``[signature]`` placeholder), then the name.
SIGNED_LABEL_RE = re.compile(r"^(?P<label>\((?:[Ss]igned|SIGNED|[Ss]gd\.?|ss)\)|(?:[Ss]igned|SIGNED|[Ss]gd\.?)\s*[:.]|ss\.|s\.s\.|"
                             r"(?:[Ss]igned|SIGNED|Sgd\.))\s*(?P<name>\S.*)$")
#: ``A. GROMYKO, Minister of Foreign Affairs``: a name, a comma, the office (no digits, no sentence).
NAME_COMMA_ROLE_RE = re.compile(r"^(?P<name>[^,;:()\[\]\d]{2,60}?),\s+(?P<role>[^\d;:!?]{3,120}?)\.?$")
#: ``Sector Chief I. Kozlov``, ``Deputy Minister GROMYKO``: an office, then a name with initials or in capitals.
OFFICE_NAME_RE = re.compile(r"^(?P<role>[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,7}?)\s+"
                            r"(?P<name>(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+|[A-ZÀ-Ý][A-ZÀ-Ý’'-]{2,})\.?$")
#: Kinds that show the closing group has begun.
CLOSING_KINDS = frozenset({"signed", "postscript", "salute-closing", "dist-item"})
#: Kinds a line in the zone may have been given before its role is known.
LOOSE_KINDS = frozenset({"line", "p", "head", "heading", "signed", "dateline", "dist-item", "bullet-item"})


def plain_name(text: str) -> str:
    """The line as a name's shape is judged: glued expansions removed (``V[asily]. Ivanov`` -> ``V. Ivanov``),
    a supplied given name or surname unbracketed (``[Wolfgang] Bayerlacher`` -> ``Wolfgang Bayerlacher``,
    ``G. [Pushkin]`` -> ``G. Pushkin``, ``L. B E R I A`` -> ``L. BERIA``)."""
    s = SUPPLIED_SURNAME_RE.sub(r"\1", SUPPLIED_GIVEN_RE.sub(r"\1", EXPANSION_RE.sub("", text)))
    # a surname spaced letter by letter (``L. B E R I A``, ``S H T Y K O V``) is judged as one word
    return LETTER_SPACED_WORD_RE.sub(lambda m: m.group(0).replace(" ", ""), s)


#: Three capitals or more, each alone: a word spaced out letter by letter.
LETTER_SPACED_WORD_RE = re.compile(r"(?<![\w.])(?:[A-ZÀ-Ý] ){2,}[A-ZÀ-Ý](?![\w.])")


def looks_like_name(text: str) -> bool:
    """Initials and capitalised words (or one word in capitals), at most four words, no digits."""
    s = text.strip()
    if not s or re.search(r"\d", s) or len(s.split()) > 5:
        return False
    if any(w.lower() in FUNCTION_WORDS for w in s.split()):
        return False  # "ARCHIVE OF THE MINISTRY": a name has no function words
    return bool(NAME_RE.match(s))


def split_date_name(text: str) -> tuple[int, int, bool] | None:
    """``24.III.50 Shtykov`` or ``Shtykov 24.III.50``: (where the date is, date first?), or None.

    The rest of the line must be a name's shape; the date must stand at one end of it.
    """
    found = find_dates(text)
    if len(found) != 1:
        return None
    start, end, _date = found[0]
    if not text[:start].strip():
        name, first = text[end:], True
    elif not text[end:].strip(" .”’\""):  # "MAO ZEDONG, 25 October 1949”.": a quoted letter's sign-off
        name, first = text[:start], False
    else:
        return None
    name = plain_name(name.strip().rstrip(".,"))
    if not name or not looks_like_name(name):
        return None
    return start, end, first


def closing_zone(blocks: list[Block], is_prose, name_ok, *, summary_found: bool = True) -> list[Block]:
    """Give the short lines after the last paragraph their roles: sign-off, then distribution list.

    ``is_prose`` tells running text from a short line; ``name_ok`` rejects a name-shaped
    line that names a place, an organisation or an office (the authority file's verdict).
    ``summary_found``: the page's summary was read elsewhere; if not, a last paragraph after a
    sign-off is taken for it (``closing_runs.paragraph_after_signoff``).
    """
    from .closing_runs import inner_closings, paragraph_after_signoff

    is_prose = running_text(is_prose)
    # the body ends before the first footnote text: a paragraph after the notes (a summary the
    # page furniture did not claim) does not move the zone past the sign-off
    notes = next((i for i, b in enumerate(blocks) if b.kind == "footnote"), len(blocks))
    last = max((i for i, b in enumerate(blocks[:notes]) if b.get("speaker") or b.kind == "p" and is_prose(b.text)),
               default=-1)
    if last < 0:
        return blocks
    before = None if summary_found else paragraph_after_signoff(blocks, last, notes, is_prose, name_ok)
    if before is not None:  # "MANOEL PIO CORRÊA" / a last paragraph describing the document
        blocks = list(blocks)
        blocks[last] = replace(blocks[last], kind="postscript").with_attrs(
            zone="closing", review="a paragraph after the sign-off, kept in the closing group (the page's summary?)")
        last = before
    zone = _Zone(is_prose, name_ok)
    run_on = run_on_number(blocks[last]) if blocks[last].kind == "p" else None
    if run_on:  # "… to Vyshinsky. Nº 382/sh": the paragraph, then the outgoing number it runs on into
        blocks = [*blocks[:last], run_on[0], *blocks[last + 1:]]
    out = inner_closings(blocks[:last + 1], is_prose, name_ok) + (run_on[1:] if run_on else [])
    for b in blocks[last + 1:]:
        if b is blocks[-1] and b.kind in LOOSE_KINDS and cut_speaker_turn(b.text, blocks):
            out.append(b)  # "Guevara: …" / "Gu": a page cut at the next turn's label, no sign-off
            continue
        out.extend(zone.read(b))
    return out


#: ``Pavlíček 388.``: a name, then the message's number.
NAME_NUMBER_RE = re.compile(r"^(?P<name>[A-ZÀ-Ý][^\d,;:()\[\]]{1,60}?)\s+(?P<num>\d{1,6}(?:/\w+)?)\.?$")


def _name_then_number(b: Block, name_ok) -> list[Block] | None:
    """``Pavlíček 388.``: the signer, then the message's number (a ``dateline`` holding the outgoing ``idno``)."""
    m = NAME_NUMBER_RE.match(b.text.strip())
    if m is None or not looks_like_name(plain_name(m.group("name"))) or not name_ok(m.group("name").strip()):
        return None
    lead = len(b.text) - len(b.text.lstrip())
    cut = lead + m.end("name")
    num = Block("dateline", b.text[cut:], b.line,
                (Span(m.start("num") - m.end("name"), m.end("num") - m.end("name"), "idno", attrs_of(type="outgoing")),),
                attrs_of(zone="closing", recogniser="closing_number", role="outgoing"))
    return [Block("signed", b.text[:cut], b.line, (), attrs_of(zone="closing", recogniser="closing_name")), num]


class _Zone:
    """The reading of the closing zone, line by line.

    States: ``signoff`` (names, dates, the fallback), ``dist`` (after a ``Copies`` head, until
    a line that is no item), ``after`` (from the first footnote text, attachment line or notes
    heading on: nothing is changed).
    """

    def __init__(self, is_prose, name_ok):
        self.is_prose, self.name_ok = is_prose, name_ok
        self.state = "signoff"
        self.items = 0  # items of the current distribution list
        self.numbered = False  # does the list number its items?
        self.closed = False  # has the closing group begun?

    def read(self, b: Block) -> list[Block]:
        s = b.text.strip()
        if b.kind == "attachment" and self.state == "signoff" and not self.closed and ENCLOSED_NOTICE_RE.match(s):
            # "Attachment: as mentioned, 10 pages." says what the letter encloses; its sign-off follows
            return [_role(b, "postscript", "closing_enclosure_notice", role="enclosure-notice")]
        if b.kind in ("footnote", "attachment") or b.get("role") == "notes-heading":
            self.state = "after"
        if self.state == "after" or b.kind not in LOOSE_KINDS and not (b.kind == "log" and DIST_HEAD_RE.match(s)):
            self.closed = self.closed or b.kind in CLOSING_KINDS
            return [b]
        if DIST_HEAD_RE.match(s):  # also "Received by:" alone, read as a log's label line
            self.state, self.items, self.closed = "dist", 0, True
            return [_role(b, "postscript", "closing_distribution_head", role="distribution-label")]
        if self.state == "dist":
            item = self.list_item(b, s)
            if item is not None:
                return [item]
            self.state = "signoff"  # the list ended: the line is read like any other of the zone
        if b.kind == "dateline":  # a date over the signature belongs to the closer
            return [b.with_attrs(zone="closing")]
        if b.kind in ("head", "heading") and self.closed and not self.is_prose(s) \
                and not looks_like_name(plain_name(s)):
            # the zone's fallback: a short line after the sign-off is part of the closing group,
            # never a heading that opens an enclosure with nothing in it
            return [_role(b, "postscript", "closing_zone_fallback", role="closing-line")]
        completed = _date_with_supplied_year(b.text) if b.kind in ("line", "head", "heading") else None
        if completed is not None:
            return [replace(_role(b, "dateline", "closing_date_supplied_year"), spans=b.spans + (completed,))]
        found = _signoff_line(b, s, self.is_prose, self.name_ok)
        if found == [b] and not self.closed and b.kind in ("line", "p", "head", "heading") and org_signoff(s):
            found = [_role(b, "signed", "closing_org_signoff", role="org-signoff")]
        self.closed = self.closed or any(f.kind in CLOSING_KINDS for f in found)
        return found

    def list_item(self, b: Block, s: str) -> Block | None:
        """An item of the distribution list, or None when the list has ended."""
        m = NUMBERED_ITEM_RE.match(s)
        if not self.items:
            self.numbered = bool(m)  # the first item says whether the list is numbered
        short = not self.is_prose(s) and len(s.split()) <= 10 and b.kind != "signed"
        if not (m or b.kind == "bullet-item" or (short and not self.numbered)):
            return None
        self.items += 1
        return _role(b, "dist-item", "closing_distribution_item", n=m.group("n") if m else str(self.items))


def _date_with_supplied_year(text: str) -> Span | None:
    """``28 June [1962]``: a date whose year the translator supplied, one ``date`` over both (else None)."""
    m = re.fullmatch(r"\s*(?P<date>[^\[\]]{3,30}?)\s*\[(?P<year>1[89]\d\d|20\d\d)\]\.?\s*", text)
    if m is None:
        return None
    whole = find_dates(f"{m.group('date')} {m.group('year')}")
    if len(whole) != 1 or whole[0][0] != 0 or whole[0][1] != len(m.group("date")) + 5 or not whole[0][2].when:
        return None
    return Span(m.start("date"), m.end("year") + 1, "date", attrs_of(when=whole[0][2].when), rank=60)


def _role(b: Block, kind: str, recogniser: str, **attrs: str) -> Block:
    """The block with the role the zone gave it, and the rule that gave it (for the review report)."""
    return replace(b, kind=kind).with_attrs(zone="closing", recogniser=recogniser, **attrs)


def one_line_signoff(text: str) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A sign-off printed on one line: (name span, office span or None), or None.

    ``(signed) A. Gromyko``, ``Signed: A. Gromyko``, ``A. GROMYKO, Minister of Foreign Affairs``,
    ``Sgd. Petrov, Deputy Minister``.  The office must open with a word of offices (``Minister``,
    ``Deputy``, ``for``, ...), so that ``Petrov, Ivanov`` (two names) never signs.
    """
    offset, rest = 0, text.rstrip()
    m = SIGNED_LABEL_RE.match(rest.strip())
    if m is not None:
        offset = len(rest) - len(rest.lstrip()) + m.start("name")
        rest = rest[offset:]
        name = rest.rstrip(" .")
        office = re.match(r"\[([^\[\]]{2,60})\]\s+", name)  # "(ss) [Ambassador] Ion Bucur": the office supplied
        if office and _office_words(office.group(1)) and looks_like_name(name[office.end():]):
            return (offset + office.end(), offset + len(name)), (offset, offset + office.end(1) + 1)
        if looks_like_name(plain_name(name)):
            return (offset, offset + len(name)), None
    found = _name_comma_role(rest) or _office_then_name(rest)
    if found is None:
        return None
    (a, b), (c, d) = found
    return (offset + a, offset + b), (offset + c, offset + d)


def _office_then_name(s: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``Sector Chief I. Kozlov``: (name span, office span), the office holding a word of offices."""
    from .signatures import ROLE_WORDS

    m = OFFICE_NAME_RE.match(s)
    if m is None or any(ch.isdigit() for ch in s) or ADDRESSEE_RE.match(s) or numbered_body(m.group("role"), m.group("name")):
        return None  # "To Comrade BERG.": an addressee; "Head of Section III": a numbered body, no name
    role = [w.strip(",.").lower() for w in m.group("role").split()]
    if not any(w in ROLE_WORDS and w not in FUNCTION_WORDS for w in role) \
            or not all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in m.group("role").split()) \
            or m.group("role").isupper() and m.group("name").isupper():
        return None  # "TOP SECRET GROMYKO" or a line in capitals: no office over a name
    return (m.start("name"), m.end("name") - (1 if m.group(0).endswith(".") and not m.group("name").endswith(".") else 0)), \
        (m.start("role"), m.end("role"))


def _name_comma_role(s: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    from .signatures import ROLE_WORDS  # signatures builds on this module

    m = NAME_COMMA_ROLE_RE.match(s)
    if m is None or len(s.split()) > 16:
        return None
    first = m.group("role").split()[0].strip(",.").lower()
    if not looks_like_name(plain_name(m.group("name"))) or first not in ROLE_WORDS | {"for"} \
            or first in FUNCTION_WORDS - {"for"}:
        return None
    return (m.start("name"), m.end("name")), (m.start("role"), m.end("role"))


def _signoff_line(b: Block, s: str, is_prose, name_ok) -> list[Block]:
    """One line of the sign-off: a date then a name, a labelled or enclosed name, a name and its office."""
    if b.kind not in ("line", "p", "head", "heading"):
        return [b]
    one_line = one_line_signoff(b.text)
    if one_line is not None and name_ok(plain_name(b.text[one_line[0][0]:one_line[0][1]]).strip()):
        return [replace(b, kind="signed").with_attrs(zone="closing", recogniser="closing_one_line")]
    found = split_date_name(b.text)  # before the prose test: "GROMYKO, 3 June 1953." ends like a sentence
    if found is None and is_prose(plain_name(s)):  # "/L. B E R I A /" is judged as "/L. BERIA /"
        return [b]
    numbered = _number_then_signoff(b, name_ok) or _name_then_number(b, name_ok)
    if numbered is not None:
        return numbered
    if found is not None:
        start, end, date_first = found
        date_text, name_text = b.text[start:end], (b.text[end:] if date_first else b.text[:start])
        if name_ok(plain_name(name_text.strip().rstrip(".,"))):
            date = Block("dateline", date_text if date_first else b.text[start:], b.line, (),
                         attrs_of(zone="closing", recogniser="closing_date"))
            name = Block("signed", name_text.lstrip() if date_first else name_text.rstrip(), b.line, (),
                         attrs_of(zone="closing", recogniser="closing_name"))
            return [date, name] if date_first else [name, date]
    m = ENCLOSED_NAME_RE.match(s)
    if m and looks_like_name(plain_name(m.group("name"))) and name_ok(plain_name(m.group("name")).strip()):
        return [replace(b, kind="signed").with_attrs(zone="closing", recogniser="closing_enclosed_name")]
    m = NAME_AT_END_RE.match(s)
    if m and looks_like_name(plain_name(m.group("name"))) and name_ok(plain_name(m.group("name")).strip()) \
            and _office_words(m.group("office")):
        return [replace(b, kind="signed").with_attrs(zone="closing", recogniser="closing_office_enclosed_name")]
    return [b]


#: ``Nº 274 KOVALEV, 11 November``: the message's number, then the sign-off.
NUMBER_FIRST_RE = re.compile(rf"^(?P<sign>{NUMBER_SIGN})\s*(?P<num>\d[\w./-]*)\s+(?P<rest>[A-ZÀ-Ý].*)$")


def _number_then_signoff(b: Block, name_ok) -> list[Block] | None:
    """``Nº 274 KOVALEV, 11 November``: the outgoing number (a ``dateline`` holding ``idno``), then the
    name and its date read as any date-and-name line, or a name alone.  None when the rest signs not."""
    m = NUMBER_FIRST_RE.match(b.text.strip())
    if m is None:
        return None
    lead = len(b.text) - len(b.text.lstrip())
    rest_at = lead + m.start("rest")
    rest = b.text[rest_at:]
    num = Block("dateline", b.text[:rest_at].rstrip(), b.line,
                (Span(lead + m.start("num"), lead + m.end("num"), "idno", attrs_of(type="outgoing")),),
                attrs_of(zone="closing", recogniser="closing_number", role="outgoing"))
    found = split_date_name(rest.replace(",", " ", 1) if re.search(r",\s*\S", rest) else rest)
    if found is not None:
        start, end, date_first = found
        if not date_first and name_ok(plain_name(rest[:start].strip().rstrip(".,"))):
            name = Block("signed", rest[:start].rstrip(), b.line, (), attrs_of(zone="closing", recogniser="closing_name"))
            date = Block("dateline", rest[start:], b.line, (), attrs_of(zone="closing", recogniser="closing_date"))
            return [num, name, date]
        return None
    if rest.strip(" .").isupper() and looks_like_name(plain_name(rest.strip(" ."))) and name_ok(rest.strip(" .")):
        return [num, Block("signed", rest, b.line, (), attrs_of(zone="closing", recogniser="closing_name"))]
    return None


def _office_words(text: str) -> bool:
    """The words before an enclosed name read as (the rest of) an office: no sentence, no digits."""
    words = text.split()
    return 0 < len(words) <= 12 and not re.search(r"[\d.;:!?]$|\d", text.strip()) \
        and all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words if w[0].isalpha())


def role_below_name(line: str) -> bool:
    """A line under a signatory's name that names the office: ``for Under Secretary``."""
    s = line.strip()
    return bool(FOR_ROLE_RE.match(s)) and not re.search(r"\d", s)
