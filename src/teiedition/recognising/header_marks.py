"""The vocabulary of the header zone: handling, precedence and copy marks, other number labels.

Why: the top of an archive page is a block of short marks printed in whatever case and
order the original used (``Not to be copied``, ``MOST IMMEDIATE``, ``Copy no. 2``,
``Issue No. 284``, ``re: no. 292``).  A mark is recognised by its words (a small,
closed vocabulary of the archives' office conventions), never by the page it came
from; a line made only of marks is read mark by mark (``marks_in``), so a line that
prints several side by side (``SECRET   Copy No 2   MOST IMMEDIATE``) gives one ``seg``
each.  Leaf module: no imports from the recognisers, which import it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Span, attrs_of

#: Handling marks (ENCODING.md: ``seg[@type="classification"]``): who may see or copy the paper.
#: Any case; an optional closing ``.`` or ``!`` stays inside the mark.
HANDLING = (r"(?:(?i:not\s+to\s+be\s+(?:copied|reproduced|duplicated)|(?:making|making\s+of|taking)\s+copies\s+"
            r"(?:is\s+)?(?:prohibited|forbidden)|(?:copying|reproduction|duplication)\s+(?:is\s+)?(?:prohibited|forbidden)|"
            r"no\s+copies\s+(?:to\s+be\s+made|allowed)|(?:the\s+)?(?:single|only|sole)\s+copy|"
            r"of\s+special\s+(?:significance|importance)|special\s+(?:file|folder|dossier)|"
            # what to do with the paper once read (hdr5): ``Destroy after reading``, ``Should be destroyed when finished``
            r"(?:(?:is\s+)?to\s+be\s+|should\s+be\s+|must\s+be\s+)?destroy(?:ed)?\s+(?:after|when|upon|once)\s+"
            r"(?:reading|read|use|used|finished|perusal|receipt)|"
            # the long form, over several lines (``After use, this code message`` / ``is to be destroyed according to`` / …)
            r"after\s+(?:use|reading),?\s+this\s+(?:[\w-]+\s+){1,3}?(?:is|must\s+be|should\s+be)\s+(?:to\s+be\s+)?destroyed"
            r"(?:\s+(?:according\s+to|in\s+accordance\s+with|as\s+laid\s+down\s+in)\s+[^.\[\]]{3,90})?|"
            r"(?:strictly\s+)?personal(?:\s+and\s+confidential)?|for\s+(?:his|her|your|the\s+addressee[’']s)\s+personal\s+use|"
            r"eyes\s+only|for\s+(?:your\s+)?eyes\s+only|"
            r"for\s+official\s+use\s+only|for\s+special\s+use|not\s+for\s+(?:publication|the\s+press|distribution)|"
            r"(?:to\s+be\s+returned|subject\s+to\s+return)(?:\s+to\s+[^.\[\]]{3,60}|\s+within\s+\w+\s+(?:days|hours|weeks))?)"
            r"|SPECIAL|Special)"
            r"(?![\w-])[.!]?")
#: Precedence marks (``seg[@type="precedence"]``): how fast the paper must travel.
PRECEDENCE = (r"(?i:(?:extremely|very|most|highly|especially|exceptionally)\s+(?:urgent|immediate)|top\s+priority|highest\s+priority|"
              r"operational\s+immediate|urgent(?:ly)?|immediate(?:ly)?|priority|flash|express|"
              r"out\s+of\s+turn|lightning|molniya|rush)(?![\w-])[.!]?")
#: A copy mark in any of its printed forms: ``Copy Nº 2``, ``Copy no. 2``, ``Copy No2``, ``COPY #2``,
#: ``Copy number 2``, ``Copy 2 of 5``, ``Ex. 2``, a form's ``Copy No.: 2``.
COPY = (r"(?i:copy|ex\.|exemplar|exemplary)\s*:?\s*(?:(?i:n[º°o]\.?|no\.?|nr\.?|num(?:ber)?\.?|#)\s*:?\s*)?"  # ``Copy No.: 2``, ``Copy Nr 1``
        r"(?:(?P<num>\d{1,4})(?:\s+(?i:of)\s+\d+(?:\s+(?i:copies))?)?|_{2,})(?![\w-])\.?")  # ``Copy 1 of 4 copies``  # ``Copy #___``: a form's blank
#: Labels of the issuing office's number other than ``Nº``/``Outgoing``: ``Issue No. 284``,
#: ``Issuing No.``, ``u.o. No. …``, ``Ref. No.``, ``Our No.``.
OUTGOING_LABEL = (r"(?i:issue|issuing|issued|outgoing|out\.?|orig\.?|original|exit|u\.\s?o\.|ref\.?|reference|our|"
                  r"ser\.?|serial|"  # ``Ser. No. 223``: the issuing office's serial (hdr5)
                  r"iskh\.?|ishod\.?|"  # the Russian Исх. transliterated: "Iskh. #117/ss" (hdr4)
                  r"dispatch|despatch|special|spets\.?)")  # ``Special No. 62``: a cipher office's serial  # not "File No." nor "Registration No.": a file's or a register's number
#: The sign of a number in each printed form (``Nº``, ``N°``, ``No.``, ``no``, ``NO.``, ``nº``, ``Nr.``, ``NR``, ``№``,
#: ``#``), its stop optional: the one definition; the recognisers, the reader and the review import it.
NUMBER_SIGN = r"(?:[Nn][º°o]|NO|Nr|NR|№|#)\.?"
NUMBER = r"(?P<num>[\w./-]*\d[\w./-]*?)\.?"
#: ``(61) 561``: a telegram office's number with its year in parentheses.
YEAR_NUMBER = r"(?P<num>\(\d{2,4}\)\s?\d[\w./-]*?)\.?"
#: The issuing office named before the label: ``Foreign Ministry Dispatch No. 508``.
OFFICE = r"(?:[A-ZÀ-Ý][\w’'-]*\s+){1,4}"
LABELLED_NUMBER_RE = re.compile(rf"^(?:{OFFICE})?(?P<label>{OUTGOING_LABEL})\s*[:.]?\s*{NUMBER_SIGN}\s*:?\s*{NUMBER}$")
#: The writer's own reference under ``Ref:`` with no number sign (a letter's ``Ref: 5-12463``, ``REF: C-94-64``,
#: ``Our ref.: 17/62``): the issuing office's number, like ``Ref. No. 5``.
REF_NUMBER_RE = re.compile(r"^\s*(?P<label>(?i:(?:our\s+)?ref(?:erence)?))\s*[.:]\s*:?\s*(?P<num>[A-Za-z]{0,6}[\w./()-]*\d[\w./()-]*?)\.?$")
YEAR_NUMBER_RE = re.compile(rf"^(?:(?:{OFFICE})?(?P<label>{OUTGOING_LABEL})\s*[:.]?\s*)?{NUMBER_SIGN}\s*{YEAR_NUMBER}$")
#: A number of another document the text answers: ``re: no. 292``, ``Re No. 5``, ``In reply to No. 77``,
#: ``Ref. your No. 41``, ``To your No. 12``.
REFERENCE_RE = re.compile(rf"^(?P<label>(?i:re|to|reference\s+to|in\s+reply\s+to|reply\s+to|answer\s+to|"
                          rf"ref\.?\s+(?:to\s+)?(?:your|yours)|to\s+your|your)\s*[:.]?)\s*(?i:{NUMBER_SIGN})\s*"
                          rf"{NUMBER}(?P<rest>(?:,?\s+(?:of|from|dated)\s+.{{4,40}})?)$")

MARK_RE = re.compile(rf"(?P<prec>{PRECEDENCE})|(?P<hand>{HANDLING})|(?P<copy>{COPY})")
SEPARATOR_RE = re.compile(r"(?:[\s,;/|–—()-]|(?<=\s)and(?=\s))*")  # ``Confidential and Urgent``


def marks_in(text: str, classification: re.Pattern | None = None) -> list[tuple[int, int, str, str | None]] | None:
    """The marks a line is made of, as ``(start, end, type, copy number)``; None unless it is marks only.

    ``classification`` is the recognisers' pattern of security classifications (``TOP SECRET``),
    tried first.  Separators between marks (spaces, commas, slashes, dashes) stay text.
    """
    found: list[tuple[int, int, str, str | None]] = []
    pos = SEPARATOR_RE.match(text).end()
    while pos < len(text):
        m = classification.match(text, pos) if classification is not None else None
        if m and m.end() > pos and _ends_word(text, m.end()):
            end = m.end() - 1 if stop_parts_marks(text, m.end()) else m.end()
            found.append((pos, end, "classification", None))
        else:
            m = MARK_RE.match(text, pos)
            if not m or not _ends_word(text, m.end()):
                return None
            kind = "precedence" if m.group("prec") else "classification" if m.group("hand") else "copy"
            end = m.end() - 1 if kind != "copy" and stop_parts_marks(text, m.end()) else m.end()
            found.append((pos, end, kind, m.group("num") if kind == "copy" else None))
        pos = SEPARATOR_RE.match(text, m.end()).end()
    return found or None


def stop_parts_marks(text: str, end: int) -> bool:
    """A mark's closing ``.`` followed by more marks on the line parts the two (``Top Secret. Copy #___``,
    ``Personal. Secret.``): it is a separator, left outside the mark; at the line's end it stays inside."""
    return text[end - 1] == "." and bool(text[end:].strip())


def _ends_word(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "-’'")


# ---------------------------------------------------------------------------------
# block recognisers of the header vocabulary: (line text) -> (kind, attrs, spans) or None
# (``recognise.BLOCK_RECOGNISERS`` lists them; ``classification`` is its security-marking pattern)


def marks_line(text: str, classification: re.Pattern) -> tuple[str, tuple, tuple] | None:
    """A line made only of marks (``Not to be copied``, ``SECRET   MOST IMMEDIATE``, ``Copy no. 2``)."""
    found = marks_in(text, classification)
    if not found:
        return None
    spans: list[Span] = []
    for start, end, kind, num in found:
        spans.append(Span(start, end, "seg", attrs_of(type=kind)))
        if num is not None:
            at = text.rindex(num, start, end)
            spans.append(Span(at, at + len(num), "num", attrs_of(value=num)))
    return ("mark", (), tuple(spans))


def completed_mark(text: str, classification: re.Pattern) -> tuple[str, tuple, tuple] | None:
    """``CONFI[DENTIAL]``, ``[TOP] SECRET``: one mark the translator completed in brackets (hdr5).

    Read as the mark it is once the brackets are taken away, one ``seg`` over the whole line; the
    bracket stays the translator's (a supplied word inside the mark, read by the bracket recognisers)."""
    if "[" not in text or re.search(r"\[[^\]]*\s[^\]]*\s", text) or re.fullmatch(r"\s*\[[^\]]*\]\s*", text):
        return None  # a bracket of several words is a note, a line in one bracket the translator's: no mark
    plain = re.sub(r"[\[\]]", "", text).strip()
    found = marks_in(plain, classification)
    if not found or len(found) != 1 or found[0][2] == "copy" or found[0][1] - found[0][0] < len(plain) - 1:
        return None
    lead = len(text) - len(text.lstrip())
    return ("mark", (), (Span(lead, len(text.rstrip()), "seg", attrs_of(type=found[0][2])),))


#: One copy's line of a copy list (Soviet cable forms print who receives each copy):
#: ``Copy Nº 1 to Cde. Stalin``, ``Copy Nº 1 – DISTRIBUTION LIST``, ``Nº 2 – to Molotov``, ``Nº 15 – to file``.
#: Without ``Copy`` a dash must follow the number (``Nº 274 KOVALEV`` is a sign-off's number); a table
#: cell's closing ``|`` may end the line.
ITEM_DASH = r"(?:\s*[–—]\s+|\s+-\s+)"  # not the hyphen of a file number (``Nº 25-S-1211``)
COPY_ITEM_RE = re.compile(
    rf"^\s*(?:(?i:copy)\s*{NUMBER_SIGN}\s*(?P<n>\d{{1,3}})(?:{ITEM_DASH}|\s*:\s*|\s+(?=(?i:to|for)\s))"
    rf"|{NUMBER_SIGN}\s*(?P<m>\d{{1,3}}){ITEM_DASH})"
    r"(?P<rest>(?:(?i:to|for)\s+)?(?!\d)[\w(][^|\[\]]{0,80}?)\s*\|?\s*$")  # not a date (``Nº 402 - 24 May``)


def copy_item(text: str, classification: re.Pattern) -> tuple[str, tuple, tuple] | None:
    """``Copy Nº 3 to Cde. Molotov``: one numbered item of a copy list (``dist-item``, ``n`` its number).

    The document's own copy mark is a bare ``Copy Nº 2``; a copy number followed by whom the copy
    goes to is an entry of the list of copies, wherever it stands (the header zone keeps it there).
    """
    m = COPY_ITEM_RE.match(text)
    if not m or marks_in(m.group("rest"), classification):
        return None  # "Copy Nº 2 – Top Secret": marks side by side, not a copy's recipient
    return ("dist-item", attrs_of(n=m.group("n") or m.group("m"), role="copy-list"), ())


#: A mark line closed by a handwritten bracket: ``Copy Nº [handwritten: 2]``, ``Top Secret [handwritten: copy Nº 3]``.
HAND_BRACKET_RE = re.compile(r"^(?P<pre>[^\[\]]*?)\s*\[(?P<label>(?i:handwritten|hand-written|written\s+by\s+hand|"
                             r"inserted\s+by\s+hand)[^:\]]{0,40}:\s*)(?P<inner>[^\[\]]+?)\s*\]\s*$")
COPY_LABEL_END_RE = re.compile(rf"(?P<copy>(?i:copy)\s*(?:(?i:{NUMBER_SIGN})\s*)?)$")


def marks_with_handwriting(text: str, classification: re.Pattern) -> tuple[str, tuple, tuple] | None:
    """Marks whose number or whole mark was written in by hand, kept inside the handwriting note.

    ``Copy Nº [handwritten: 2]``: the copy mark runs to the bracket, whose number is the ``num``
    (the note inside it); ``Top Secret [handwritten: copy Nº 3]``: the printed marks, then the
    handwritten ones read inside the note.  The printed part must be marks only (or empty).
    """
    m = HAND_BRACKET_RE.match(text)
    if not m:
        return None
    pre, inner = m.group("pre"), m.group("inner")
    label = COPY_LABEL_END_RE.search(pre)
    spans: list[Span] = []
    if label and re.fullmatch(r"\d{1,4}", inner):
        head = pre[:label.start()]
        if head.strip() and not marks_in(head, classification):
            return None
        if head.strip():
            spans.extend(marks_line(head, classification)[2])
        bracket, close = text.index("[", label.end()), text.rindex("]") + 1
        spans.append(Span(label.start(), close, "seg", attrs_of(type="copy")))
        spans.append(Span(bracket, close, "num", attrs_of(value=inner), rank=5))
        return ("mark", (), tuple(spans))
    found = marks_line(inner, classification)
    if found is None or (pre.strip() and not marks_in(pre, classification)):
        return None
    if pre.strip():
        spans.extend(marks_line(pre, classification)[2])
    at = m.start("inner")
    spans.extend(replace(sp, start=sp.start + at, end=sp.end + at) for sp in found[2])
    return ("mark", (), tuple(spans))


#: A label naming the marks after it: ``Precedence: Especially Urgent``, ``Handling: Eyes only``.
MARK_LABEL_RE = re.compile(r"^(?P<label>(?i:precedence|priority|urgency|handling|security|restriction|rating|secrecy|confidentiality|"
                           r"classification|level|"
                           r"degree\s+of\s+(?:confidentiality|secrecy|urgency))(?i:\s+level)?\s*:\s*)(?=\S)")


def labelled_marks(text: str, classification: re.Pattern) -> tuple[str, tuple, tuple] | None:
    """``Precedence: Especially Urgent``: the marks after a label, one ``seg`` each; the label stays text."""
    m = MARK_LABEL_RE.match(text)
    if not m:
        return None
    found = marks_line(text[m.end():].rstrip(), classification)
    if found is None:
        return None
    kind, attrs, spans = found
    return (kind, attrs, tuple(replace(sp, start=sp.start + m.end(), end=sp.end + m.end()) for sp in spans))


def trailing_marks(value: str, classification: re.Pattern) -> list[Span]:
    """``WIERNA, URGENT, EYES ONLY``: marks printed after an addressee, past its last comma, one ``seg`` each.

    A cable form often puts the precedence and handling marks on the ``To:`` line itself: a
    comma-separated tail made only of marks (``marks_in``) is read as marks; the name before it
    stays the label's value.  Offsets are relative to ``value``.
    """
    for comma in (m.end() for m in re.finditer(r",\s*", value)):
        found = marks_line(value[comma:].rstrip(), classification)
        if found and value[:comma].strip(" ,"):
            return [replace(sp, start=sp.start + comma, end=sp.end + comma) for sp in found[2]]
    return []


def labelled_number(text: str, parse_date) -> tuple[str, tuple, tuple] | None:
    """``Issue No. 284``, ``u.o. No. 17/62``, ``Ref. No. 5, 3 May 1962``, ``Ref: 5-12463``: the outgoing number under another label.

    The label may follow the issuing office's name (``Foreign Ministry Dispatch No. 508``); a
    telegram office's number keeps its year in parentheses (``No. (61) 561``).  A number under a
    receiving label (``Received (63) No. 564``) is the incoming register's, not read here.
    """
    head, _date = _split_trailing_date(text, parse_date)
    m = LABELLED_NUMBER_RE.match(head) or YEAR_NUMBER_RE.match(head) or REF_NUMBER_RE.match(head)
    if not m or (m.group("label") and m.group("label").lower().startswith("ref")
                 and re.match(r"(?i)ref", head) is None):  # "… Ref. No." after an office is a reference
        return None
    lead = len(text) - len(text.lstrip())
    return ("dateline", attrs_of(role="outgoing"),
            (Span(lead + m.start("num"), lead + m.end("num"), "idno", attrs_of(type="outgoing")),))


def reference_number(text: str, parse_date) -> tuple[str, tuple, tuple] | None:
    """``re: no. 292`` (of 3 May): the number of the document this one answers, ``idno[@type="reference"]``."""
    m = REFERENCE_RE.match(text.strip())
    if not m:
        return None
    rest = m.group("rest").strip(" ,")
    if rest and not parse_date(re.sub(r"^(?:of|from|dated)\s+", "", rest)):
        return None
    lead = len(text) - len(text.lstrip())
    return ("mark", attrs_of(role="reference"),
            (Span(lead + m.start("num"), lead + m.end("num"), "idno", attrs_of(type="reference")),))


#: A cable's sender line with its number: ``From BEIJING No. 1309 20 hours 05``.
FROM_NUMBER_RE = re.compile(rf"^\s*(?i:from)\s+[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?\s+{NUMBER_SIGN}\s*"
                            r"(?P<num>\d[\w/-]*)(?P<rest>(?:\s+\d{1,2}\s*(?i:hours?|h\.?|hrs\.?)(?:\s+\d{1,2}"
                            r"(?:\s*(?i:minutes?|min\.?))?)?)?)\s*$")


def from_line_number(text: str) -> tuple[str, tuple, tuple] | None:
    """``From BEIJING No. 1309 20 hours 05``: the sending office's line, its number the outgoing one.

    The number printed on the ``From`` line itself is the sender's; a number under the line
    (``from TEHRAN`` / ``Nº 32951``) may be the receiving register's and is not read here.
    """
    m = FROM_NUMBER_RE.match(text)
    if not m:
        return None
    return ("log", attrs_of(role="outgoing"), (Span(m.start("num"), m.end("num"), "idno", attrs_of(type="outgoing")),))


#: The receiving register's number on a line of its own: ``Incoming Nº 3523/sh``, ``Incoming No. 117, 4 May 1962``.
INCOMING_RE = re.compile(rf"^\s*(?i:incoming|inc\.)\s*{NUMBER_SIGN}\s*(?P<num>[\w./-]*\d[\w./-]*?)\.?"
                         r"(?P<rest>(?:,?\s+(?:of\s+)?.{4,30})?)$")


def incoming_number(text: str, parse_date) -> tuple[str, tuple, tuple] | None:
    """``Incoming Nº 3523/sh``: the receiving office's register number, ``idno[@type="registration"]``
    (never the outgoing number), a header mark like the copy number."""
    m = INCOMING_RE.match(text)
    if not m:
        return None
    rest = m.group("rest").strip(" ,")
    if rest and not parse_date(re.sub(r"^of\s+", "", rest)):
        return None
    return ("mark", attrs_of(role="incoming"), (Span(m.start("num"), m.end("num"), "idno",
                                                     attrs_of(type="registration")),))


#: A transmission log line printed in small letters: ``sent at 0120 4 November 1945``, ``arrived at the
#: VKP CC for decipherment at 0245`` (the capitalised ``Sent …`` lines are the recognisers' ``log``).
SMALL_LOG_RE = re.compile(r"^\s*(?:sent|received|arrived|deciphered|decoded|decrypted|dispatched|despatched|"
                          r"transmitted|enciphered|typed|printed|delivered)\b.*?(?:\bat\s+\d{3,4}\b|\b\d{1,2}[:.]\d{2}\b)")


#: A cipher office's labelled processing line with its time (hdr3): ``Taken into process: 1.XI 62. at 15.00``,
#: ``Completed: 26.X 62. at 07.30``.
LABELLED_LOG_RE = re.compile(r"^\s*(?:Taken into process(?:ing)?|Processed|Completed)\s*:\s*\S.*?\b\d{1,2}[:.]\d{2}\b")


def small_log_line(text: str) -> tuple[str, tuple, tuple] | None:
    """A lower-case transmission line with its time: a ``log`` line like ``Sent at …``; a cipher office's
    labelled processing line too (``Taken into process: 1.XI 62. at 15.00``)."""
    if not (SMALL_LOG_RE.match(text) or LABELLED_LOG_RE.match(text)) or len(text.split()) > 20 \
            or re.search(rf"\S {{2,}}\S|{COPY}", text):
        return None  # "received at 0810 12 October 1949  Copy Nº 2": a second column, cut at its mark first
    return ("log", (), ())


#: A time of day before or after a date: ``Evening 5 November 1962``, ``5 November 1962, night``,
#: ``Morning of 6 November``.
DAY_PART = r"(?i:(?:early\s+|late\s+)?(?:morning|evening|afternoon|night|noon|midnight|midday|dawn))"
#: A time of day in figures after a date: ``at 1800``, ``at 18:00``, ``22.30 hours``, ``6:30 p.m.``.
CLOCK_TIME = (r"(?:at\s+\d{1,2}[:.]?\d{2}|\d{1,2}[:.h]\d{2}|\d{3,4}(?=\s*(?:hours|hrs)))"
              r"(?:\s*[~–-]\s*\d{1,2}[:.h]\d{2})?"  # "11h00", "19:30~21:30" (hdr3)
              r"(?:\s*(?:hours|hrs\.?|h|(?i:[ap]\.\s?m\.)|(?i:[ap]m)\b))?")  # "05:00 pm", "11.30 A. M."  # a bare 1968 is a year
QUALIFIED_DATE_RE = re.compile(rf"^(?:(?P<place>[A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+){{0,2}}),\s+)?"
                               rf"(?:{DAY_PART}(?:\s+of)?,?\s+(?P<a>.+?)|(?P<b>.+?),?\s+"
                               rf"(?:\(?{DAY_PART}\)?|{CLOCK_TIME}))\.?$")
#: A date then the place (``November 16, 1981 Moscow``, ``12 May 1962, Hanoi``).
DATE_PLACE_RE = re.compile(r"^(?P<date>.+?\d{4}),?\s+(?P<place>[A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+)?)\.?$")


#: A line that is only the time of day the document was written (``22:30 Hours``, ``11.30 A. M.``), under its date.
TIME_LINE_RE = re.compile(rf"^\s*{CLOCK_TIME}\s*$", re.IGNORECASE)


def time_line(text: str) -> tuple[str, tuple, tuple] | None:
    """``22:30 Hours`` on a line of its own: the dateline's time (a ``dateline`` line), never a heading (hdr4)."""
    s = text.strip()
    if not TIME_LINE_RE.match(s) or not re.search(r"[:.h]\d\d|hours|hrs", s, re.IGNORECASE):
        return None
    return ("dateline", attrs_of(role="time"), ())


def qualified_dateline(text: str, parse_date) -> tuple[str, tuple, tuple] | None:
    """A dateline whose date carries a time of day (``Evening 5 November 1962``, ``Moscow, evening 5 November
    1962``, ``4 March 1946 at 1800``) or is followed by its place (``November 16, 1981 Moscow``)."""
    m = QUALIFIED_DATE_RE.match(text.strip())
    if not m:
        return _date_then_place(text, parse_date)
    date = (m.group("a") or m.group("b")).strip(" ,")
    parsed = parse_date(date)
    if not parsed or parsed.text.strip() != date:
        return None
    if m.group("place"):  # "Moscow, evening 5 November 1962"
        lead = len(text) - len(text.lstrip())
        return ("dateline", (), (Span(lead + m.start("place"), lead + m.end("place"), "name",
                                      attrs_of(type="place")),))
    return ("dateline", (), ())


NOT_A_PLACE_RE = re.compile(r"(?i)\b(?:secret|confidential|copy|urgent|immediate|priority|special|personal|"
                            r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|year|hours?)\b")


def _date_then_place(text: str, parse_date) -> tuple[str, tuple, tuple] | None:
    m = DATE_PLACE_RE.match(text.strip())
    if not m or NOT_A_PLACE_RE.search(m.group("place")) or marks_in(m.group("place")):
        return None  # "5 November 1962 Top Secret": two columns, cut elsewhere; a weekday is no place
    parsed = parse_date(m.group("date").strip())
    if not parsed or not parsed.when or parsed.text.strip() != m.group("date").strip():
        return None
    lead = len(text) - len(text.lstrip())
    return ("dateline", (), (Span(lead + m.start("place"), lead + m.end("place"), "name", attrs_of(type="place")),))


#: A dateline closed by a bracket, a footnote marker or a remark in parentheses: ``Bucharest [30 June 1963]``,
#: ``7 September 1971 [place not provided]``, ``Beijing, 17 October 1968[2]``, ``17 January 1980 (excerpt)``.
BRACKET_TAIL_RE = re.compile(r"^(?P<core>[^\[\]()]+?)\s*(?:\[(?P<inner>[^\[\]]{1,60})\]|\((?P<remark>[^()]{1,40})\))\.?\s*$")
PLACE_RE = re.compile(r"^(?P<place>[A-ZÀ-Ý][\w’'-]+(?: [A-ZÀ-Ý][\w’'-]+){0,2}),?$")


def bracketed_dateline(text: str, dateline, parse_date) -> tuple[str, tuple, tuple] | None:
    """A dateline whose last part is a bracket: the printed dateline then a translator's bracket or
    footnote marker (read by the bracket recognisers), or a place then the date the translator supplied."""
    m = BRACKET_TAIL_RE.match(text)
    if not m:
        return None
    core = m.group("core")
    if re.fullmatch(r"\s*(?:1[89]\d\d|20\d\d)\s*", m.group("inner") or ""):
        return None  # "28 June [1962]": the year completes the date (one date over both), read elsewhere
    found = dateline(core)
    if found and found[0] == "dateline" and not dict(found[1]).get("role"):
        return ("dateline", found[1], found[2])
    if m.group("remark") is not None:
        return None  # "17 January 1980 (excerpt)": a remark after a dateline only
    place = PLACE_RE.match(core.strip())
    date = parse_date(m.group("inner").strip())
    if place and date and date.when and len(date.when) >= 7 and date.text.strip() == m.group("inner").strip() \
            and not marks_in(place.group("place")) and not NOT_A_PLACE_RE.search(place.group("place")):
        lead = len(core) - len(core.lstrip())
        return ("dateline", (), (Span(lead + place.start("place"), lead + place.end("place"), "name",
                                      attrs_of(type="place")),))
    return None


#: A printed form's date with the day written in by hand between quotation marks: ``“5” November 1962``.
QUOTED_DAY_RE = re.compile(r"^(?P<open>[“\"«„])\s?(?P<day>\d{1,2})\s?[”\"»“](?P<rest>\s*[A-Za-z]+\.?\s+\d{4})"
                           r"(?:\s*(?:year|г\.|r\.))?\.?$")


def quoted_day_dateline(text: str, parse_date) -> tuple[str, tuple, tuple] | None:
    """``“5” November 1962``: a dateline whose ``date[@when]`` reads the day inside the quotation marks."""
    m = QUOTED_DAY_RE.match(text.strip())
    if not m:
        return None
    parsed = parse_date(f"{m.group('day')} {m.group('rest').strip()}")
    if not parsed or not parsed.when:
        return None
    lead = len(text) - len(text.lstrip())
    return ("dateline", (), (Span(lead, lead + m.end("rest"), "date", attrs_of(when=parsed.when), rank=40),))


REFERENCE_VALUE_RE = re.compile(rf"^(?:(?i:your|our)\s+(?:[a-z]+\s+)?)?(?i:{NUMBER_SIGN})\s*{NUMBER}"
                                rf"(?:,?\s+(?:of|from|dated)\s+.{{4,40}})?$")


def reference_in_value(value: str) -> tuple[int, int] | None:
    """Where the number is in a ``Re:`` line's value (``No. 292``, ``your telegram No. 17 of 3 May``)."""
    m = REFERENCE_VALUE_RE.match(value)
    return (m.start("num"), m.end("num")) if m else None


def _split_trailing_date(text: str, parse_date) -> tuple[str, str]:
    m = re.match(r"^(?P<head>.+?)(?:,|\s+of|\s+dated|\s+from)?\s+(?P<date>\d{1,2}[\s./][^,]{3,20})$", text.strip())
    if m and parse_date(m.group("date")) and parse_date(m.group("date")).text.strip() == m.group("date").strip():
        return m.group("head"), m.group("date")
    return text.strip(), ""


#: A transmission form filled in along dotted leaders: ``From…Moscow…dispatched on 02.13.63 at 20:40
#: hours…received on …``, ``Came in to the Decoding Department…02.13.63 at 23:45 hours……``.
LEADERS_RE = re.compile(r"…|\.{3}")
CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
TRANSMISSION_WORD_RE = re.compile(r"(?i)\b(?:sent|dispatched|despatched|received|came\s+in|arrived|deciphered|"
                                  r"decoded|decrypted|transmitted|enciphered|encoded)\b")


def transmission_form(text: str) -> tuple[str, tuple, tuple] | None:
    """A telegram's transmission form line (dotted leaders, a time, a transmission word): a ``log``
    line, read whole, wherever the form prints its fields (``From…``, ``Came in to…``)."""
    if len(text.split()) > 25 or not (LEADERS_RE.search(text) and CLOCK_RE.search(text)
                                      and TRANSMISSION_WORD_RE.search(text)):
        return None
    return ("log", (), ())
