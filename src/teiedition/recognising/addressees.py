"""Addressee lines of the header zone: who the document is written to, as the opener's ``salute``.

Why: the addressee block above the text (``To the Deputy Minister …`` / ``Comrade N. T. Fedorenko``,
``Chairman of the State Council`` / ``Of the … Republic`` / ``S. E. Willi Stoph``, ``Ministry of Foreign
Affairs:``) is recognised by its place (above the first paragraph, under or above the other lines of
the block) and its shape (an honorific, an office's words, a continuation in small words), never by the
names seen.  ``header_zone.assign_roles`` calls ``_addressee``; split from ``header_zone`` by job (hdr4).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Span, attrs_of
from .lines import ADDRESSEE_RE, is_prose
from .signatures import ROLE_WORDS, _role_line

#: A diplomatic honorific before a name: ``S. E. Willi Stoph``, ``H.E. the Ambassador``, ``His Excellency``.
EXCELLENCY = r"(?:S\.\s?E\.|H\.\s?E\.|(?:His|Her|Your)\s+Excellency)"
HONORIFIC_NAME_RE = re.compile(
    rf"(?P<title>(?:\b(?:Comrade|COMRADE|comrade|Cde\.|cde\.|Com\.|Mr\.|Mrs\.|Ms\.|Dr\.|Tov\.|Tovarishch)|{EXCELLENCY})\s+)"
    r"(?P<name>(?:[A-ZÀ-Ý]\.\s?){0,3}(?:[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,2}"
    r"|[A-ZÀ-Ý](?: [^\W\d_]){2,}\b))")  # ``Comrade J. V. S t a l i n``: initials, then the surname letter-spaced
BARE_NAME_RE = re.compile(r"^(?P<name>(?:[A-ZÀ-Ý]\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+)\.?$")


def _unbracketed(text: str) -> str:
    """``[To] The Ministry …``: the line as printed words, the translator's brackets left out (body2)."""
    return text.replace("[", "").replace("]", "")


#: An addressee named by an honorific without ``To`` (``Cde. Constantin Oancea, Deputy Minister,``,
#: ``Ambassador Comrade Etre Sándor``, ``comrade Mikhail Sergeevich Gorbachev``): up to two words of
#: office before it, the name after it, perhaps a title after a comma; never a speaker's label (a colon).
HONORIFIC_LINE_RE = re.compile(rf"^(?:[A-ZÀ-Ý][\w’'-]*,?\s+){{0,3}}(?:Comrade|COMRADE|comrade|Cde\.|cde\.|Com\.|Tov\.|{EXCELLENCY})"
                               r"\s+(?P<name>[^\W\d_][^,:;!?]*)(?:,[^:;!?]*)?$")


#: Words of an office or body: an addressee line names one (``Ministry of Foreign Affairs:``).
OFFICE_WORD_RE = re.compile(r"\b(?:Ministry|Committee|Department|Embassy|Office|Bureau|Government|Council|"
                            r"Commission|Directorate|Consulate|Mission|Secretariat|Presidium|Politburo)\b")
_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "on", "at", "&", "with"}


#: Words of a record header's labels (``Date and Time:``, ``Interpretation and Minutes:``): no addressee has them.
RECORD_LABEL_WORDS = frozenset("""date time place venue location interpretation interpreter interpreters minutes
recorder recorders note-taker participants attendees subject copies rating type""".split())


def _addressed_with_colon(text: str) -> bool:
    """``Ministry of Foreign Affairs:``, ``Wu [Xiuquan] and Qiao [Guanhua]:``: who a cable is addressed to,
    without ``To`` (hdr3).  Words in capitals only (``The talks were conducted:`` is a sentence's lead-in),
    naming an office or several people (one person before a colon is a speaker: ``Comrade Mielke:``)."""
    s = " ".join(_unbracketed(text).split())
    words = s.rstrip(":").split()
    if not s.endswith(":") or len(words) < 2 or words[0] in ("Copy", "Copies"):
        return False
    if any(w.lower().strip(":") in RECORD_LABEL_WORDS for w in words):
        return False  # "Date and Time:", "Interpretation and Minutes:": a record's label, its value below (hdr4)
    parts = len(re.split(r",|\band\b|&", s))
    small = [w for w in words if not (w[:1].isupper() or w in _SMALL_WORDS)]
    if len(words) <= 12 and not small:
        return bool(OFFICE_WORD_RE.search(s)) or parts >= 2
    # several people by their honorifics (hdr4): ``Chairman Mao [Zedong], Comrade [Liu] Shaoqi, Comrade [Zhou]
    # Enlai and the Central Committee:``, one word in small letters at most (``and report to the …``)
    return len(words) <= 20 and len(small) <= 1 and parts >= 3 and bool(HONORIFIC_NAME_RE.search(s))


HONORIFIC_START_RE = re.compile(r"^\s*(?:[A-ZÀ-Ý][\w’'-]*\s+){0,2}(?:Comrade|COMRADE|comrade|Cde\.|cde\.|Com\.)\s")


def _honorific_line(text: str) -> bool:
    m = HONORIFIC_LINE_RE.match(" ".join(_unbracketed(text).split()))
    name = m.group("name").split() if m else []
    return 0 < len(name) <= 5 and all(w[0].isupper() for w in name) and len(text.split()) <= 12 \
        and not is_prose(text)  # a name in capitals: "Comrade Ambassador also asked" is prose


def _addressee(zone: list[Block]) -> list[Block]:
    """``To the Deputy Minister …`` (or a line naming the addressee by an honorific, ``Cde. N. Petrov,``)
    and the name lines right under it: the opener's salute."""
    out = list(zone)
    listed = sum(bool(HONORIFIC_START_RE.match(b.text)) for b in zone) >= 3  # a list of those present
    for i, b in enumerate(out):
        if b.kind not in ("p", "line", "head") or (":" in b.text[:4] and not _supplied_to(b.text)) or not (
                ADDRESSEE_RE.match(" ".join(_unbracketed(b.text).split())) or _addressed_with_colon(b.text)
                or (b.kind != "p" and not listed and _lone_honorific(out, i)) or _supplied_to(b.text)
                or _name_under_log(out, i)):
            continue  # (a line is wrapped only once)
        out[i] = _salute(b)
        k = i - 1  # the addressee's office printed above the name ("Chairman of the State Council" / "Of the …")
        while not ADDRESSEE_RE.match(_unbracketed(b.text).strip()) and k >= 0 and _office_above(out[k]):
            out[k] = _salute(out[k])
            k -= 1
        j = i + 1
        while j < len(out) and _addressee_line(out[j]):
            out[j] = _salute(out[j])
            j += 1
    return out


#: The translator's label before the addressee: ``[To:] Comrade Minister Mielke`` (hdr4).
SUPPLIED_TO_RE = re.compile(r"^\[(?:To|TO)\s*:?\s*\]\s*:?\s+(?P<rest>\S.{0,120})$")


def _supplied_to(text: str) -> bool:
    """``[To:] Comrade Minister Mielke``: a supplied ``To`` label, then an honorific and a name (no prose)."""
    m = SUPPLIED_TO_RE.match(text.strip())
    return bool(m) and not is_prose(m.group("rest")) and bool(HONORIFIC_NAME_RE.match(m.group("rest")) or _role_line(m.group("rest")))


def _name_under_log(zone: list[Block], i: int) -> bool:
    """A cipher form's addressee: one surname alone on its line a few lines under the transmission log or the
    precedence mark (``Came in to the Decoding Department…`` / ``Immediately`` / ``Naszkowski``), hdr4."""
    s = zone[i].text.strip()
    if zone[i].kind not in ("line", "head") or not re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ’'-]{2,}(?:-[A-ZÀ-Ý][a-zà-ÿ’'-]+)?", s) \
            or s.lower() in _NOT_NAMES:
        return False
    return any(b.kind == "log" or (b.kind == "mark" and any(sp.get("type") == "precedence" for sp in b.spans))
               for b in zone[max(0, i - 3):i])


#: Single words a form prints under its log that name no one.
_NOT_NAMES = frozenset("""telegram cable ciphergram note information memorandum report record letter minutes
transcript protocol secret confidential urgent immediately""".split())


def _lone_honorific(zone: list[Block], i: int) -> bool:
    """An honorific line standing alone: in a run of such lines or under a label (``Participants:``,
    ``from the KGB:``) the names are a list of those present (as among three in the zone: ``_addressee``)."""
    if not _honorific_line(zone[i].text):
        return False
    above = zone[i - 1].text.rstrip() if i else ""
    below = zone[i + 1].text if i + 1 < len(zone) else ""
    return not (above.endswith(":") or _honorific_line(above) or _honorific_line(below))


def _addressee_line(b: Block) -> bool:
    """A line under ``To …`` that goes on naming the addressee: a name, a title, or the line continued.
    A letter-spaced name (``Comrade Leonid Ilyich B r e z h n e v``) is read as one word."""
    s = LETTER_SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), b.text.strip())
    if b.kind not in ("p", "line", "head", "heading", "signed", "salute-opening") or is_prose(s) or len(s.split()) > 12:
        return False
    return bool(HONORIFIC_NAME_RE.match(s) or BARE_NAME_RE.match(s) or s[:1].islower() or _role_line(s)
                or CONTINUED_RE.match(s))


LETTER_SPACED_RE = re.compile(r"\b(?:[^\W\d_] ){2,}[^\W\d_]\b")
#: A line going on with the line above (``To the General Secretary of the Central Committee`` / ``Of the
#: Communist Party …``): it opens with a title's small word, whatever its case.
CONTINUED_RE = re.compile(r"^(?i:of|and|for|at|in|to)\s+(?:the\s+)?[A-ZÀ-Ý]")


def _office_above(b: Block) -> bool:
    """A line above an addressee's name that names the addressee's office: an office's words (``Chairman of
    the State Council``) or their continuation (``Of the German Democratic Republic``), no prose, no mark."""
    s = b.text.strip()
    return b.kind in ("line", "head") and not is_prose(s) and len(s.split()) <= 12 \
        and bool(_role_line(s) or CONTINUED_RE.match(s))


def _salute(b: Block) -> Block:
    """The block as an addressee line, its names (after ``Comrade``, ``Cde.``…) as persons."""
    spans = list(b.spans)
    for m in HONORIFIC_NAME_RE.finditer(b.text):
        spaced = re.match(r"\s+(?:[^\W\d_] ){2,}[^\W\d_]\b", b.text[m.end("name"):])  # "… B r e z h n e v"
        end = m.end("name") + (spaced.end() if spaced else 0)
        start = m.start("name")
        while (w := re.match(r"([A-ZÀ-Ý][a-z]+)\s+(?=\S)", b.text[start:end])) and w.group(1).lower() in ROLE_WORDS:
            start += w.end()  # "Comrade Minister Mielke": the office is no part of the name
        spans.append(Span(start, end, "name", attrs_of(type="person")))
    bare = BARE_NAME_RE.match(b.text.strip()) or re.fullmatch(r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ’'-]{2,}(?:-[A-ZÀ-Ý][a-zà-ÿ’'-]+)?)",
                                                               b.text.strip())  # a surname alone: "Naszkowski"
    if bare and not spans:
        lead = len(b.text) - len(b.text.lstrip())
        spans.append(Span(lead + bare.start("name"), lead + bare.end("name"), "name", attrs_of(type="person")))
    return replace(b, kind="salute-opening", spans=tuple(spans)).with_attrs(role="addressee")
