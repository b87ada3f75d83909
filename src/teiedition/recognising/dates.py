"""Recognise dates as the archive's translators print them, and give their ISO value.

Why: every `date[@when]` in the TEI comes from here, so the rules live in one place.
Pure Python (no lxml): the plain-text reader calls it before any TEI exists.

Recognised forms (two-digit years are 19yy; impossible dates such as 31 February are
rejected; month names are matched in Title case or ALL CAPS, never lower case, so the
verb "may" is not a month):

- ``June 9, 1969``, ``June 02, 1959``, ``March  9th, 1972``, ``March 8th 1972``, ``Jan. 5, 1969``
- ``9 June 1969``, ``28 th September, 1955``, ``14th of June 1969``, ``27 MAY 1968``
- slips kept as printed but resolved: ``9 Junes 1969``, ``9 February1968``
- month precision: ``June 1960`` (when ``1960-06``)
- day and month without a year: ``9 February``, ``June 9`` (when None, unknowable);
  in a range such as ``1 September to 31 October 1954`` the first date takes the
  year of the second (the year before when its month is later: ``15 December to
  10 January 1970``). Given the page's ``document_date``, a year-less date takes the
  year that puts it nearest that date, with ``cert="medium"``.
- bare days sharing a month: ``4, 9 and 16 November 1959``, ``18–23 May 1969`` and
  ``June 9–10, 1969`` give one date per day (the bare day is its own span)
- Roman-numeral months: ``5.XI.62``, ``28.VIII.1962``, ``4.VI.1949``, ``19/XI/54``,
  and without a year (when None) ``15.IV``, ``19 XI``, ``19/XI``
- numeric day.month.year with dots: ``17.12.47``, ``8.07.50`` (European order; the
  archive's dotted dates are day first, unless only month first is a date: ``02.13.63``)
- numeric month/day/year with slashes: ``10/14/50`` (US order, the convention of the
  English transmission logs). When both readings are valid (``07/11/50``) the date
  gets ``cert="medium"``; ``find_dates`` follows the order proved by an unambiguous
  slash date elsewhere in the same text and falls to ``cert="low"`` when the text
  proves both orders.
- ISO ``1969-06-09``.

Deliberately NOT recognised in running text: a year alone (``in 1957``), year ranges
(``1957/58``, ``1960-1966``), numbers such as ``Nº 340``, ``1364/dv``, ``2.5``,
``listy 79-94`` and list labels. ``parse_date`` (a whole field value) does accept a
bare year such as ``1969``, because a field that holds only a year is a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from .header_marks import NUMBER_SIGN

__all__ = ["ParsedDate", "parse_date", "find_dates", "MONTHS", "MONTH_WORDS", "ROMAN_MONTHS"]


@dataclass(frozen=True)
class ParsedDate:
    """One date as printed, its ISO value (or None when unknowable) and certainty."""

    text: str  # as printed
    when: str | None  # 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; None when unknowable
    cert: str | None  # None when sure, 'medium' or 'low' when ambiguous


MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ],
        start=1,
    )
}
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
ROMAN_MONTHS: dict[str, int] = {
    roman: number
    for number, roman in enumerate(
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1
    )
}

#: Every month word a date may use, lower-cased: full names and abbreviations (``sept``).
MONTH_WORDS: dict[str, int] = {w.lower(): n for w, n in (*MONTHS.items(), *_MONTH_ABBREVIATIONS.items())}


def _alternatives(words) -> str:
    """Regex alternatives, longest first so `Sept` wins over `Sep`."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL = list(MONTHS) + [m.upper() for m in MONTHS]
_ABBR = list(_MONTH_ABBREVIATIONS) + [m.upper() for m in _MONTH_ABBREVIATIONS]
# A full month name (optionally with the slip plural `s` checked later) or an
# abbreviation with an optional dot. Never lower case.
_MONTH = rf"(?:(?:{_alternatives(_FULL)})(?:s(?=[\s\d]))?|(?:{_alternatives(_ABBR)})\b\.?)"
_H = r"[ \t\u00a0]"  # horizontal space: a date never spans a line break
_DAY = r"(?:[0-3]?\d)"
_ORD = rf"(?:{_H}?(?:st|nd|rd|th)\b)"
_YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
_ROMAN = _alternatives(ROMAN_MONTHS)
_LEFT = r"(?<![\w./\-–])"  # not glued to a preceding number, word or separator
_RIGHT = r"(?![\w/]|[.,\-–]\d)"  # not followed by more of a number

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"{_LEFT}(?P<y>{_YEAR4})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_RIGHT}")),
    # 1972 July 1 / 1972. July 1. (Hungarian order with the month's name)
    ("ynd", re.compile(rf"{_LEFT}(?P<y>{_YEAR4})\.?{_H}+(?P<mon>{_MONTH}){_H}+(?P<d>{_DAY})(?!\d){_RIGHT}"
                        rf"(?!,?{_H}*\d{{4}})")),  # "1969 June 9, 1970": the month-day-year date wins
    # June 9, 1969 / March  9th, 1972 / June 9 (year optional)
    (
        "mdy",
        re.compile(
            rf"(?<![\w])(?P<mon>{_MONTH}){_H}+(?P<d>{_DAY}){_ORD}?(?!\d)"
            rf"(?:,?{_H}*(?P<y>{_YEAR4}))?(?![\w/]|[.,]\d)"  # `June 9–10, 1969` may follow
        ),
    ),
    # 9 June 1969 / 28 th September, 1955 / 14th of June / 9 February1968 / 16November 1962 (the space lost)
    (
        "dmy",
        re.compile(
            rf"(?<![\w./])(?P<d>{_DAY}){_ORD}?(?:{_H}+(?:of{_H}+)?|(?=[A-Z][a-z]{{2,}}\.?,?{_H}*\d{{4}}(?!\d)))(?P<mon>{_MONTH})"
            rf"(?:,?{_H}*(?P<y>{_YEAR4}))?{_RIGHT}"
        ),
    ),
    # June 1960 / June, 1960
    ("my", re.compile(rf"(?<![\w])(?P<mon>{_MONTH}),?{_H}*(?P<y>{_YEAR4}){_RIGHT}")),
    # 5.XI.62 / 28.VIII.1962 / 15.IV / 19 XI / 19/XI / 19/XI/54; the year after a space too
    # (19 XI 1954, 31.X 1962, 1.XI 62.: hdr3)
    (
        "roman",
        re.compile(
            rf"{_LEFT}(?P<d>{_DAY})(?P<sep>\.{_H}?|{_H}|/)(?P<rom>{_ROMAN})\b"
            rf"(?:(?:[./]{_H}?|{_H})(?P<y>{_YEAR4}|\d\d)(?!\d))?(?![\w/\-–]|\.\d)"
        ),
    ),
    # 21.vii.1960 / 21.Vii.1960: the roman month in small letters or a case the scan garbled (hdr5);
    # only between dots and before a four-digit year, so no word (`vi`, `mix`) is read as a month
    (
        "roman",
        re.compile(rf"{_LEFT}(?P<d>{_DAY})(?P<sep>\.)(?P<rom>(?i:{_ROMAN}))\.(?P<y>{_YEAR4})(?!\d){_RIGHT}"),
    ),
    # 17.12.47 / 8.07.50 (day first); 2.24.72 (month first: only that reading is a date)
    (
        "dotted",
        re.compile(rf"{_LEFT}(?P<d>{_DAY})\.(?P<m>[0-3]?\d)\.(?P<y>{_YEAR4}|\d\d)(?!\d){_RIGHT}"),
    ),
    # 80. 10. 07. / 1980. 10. 07. (Hungarian order: year, month, day, each followed by a dot)
    (
        "ymd",
        re.compile(rf"{_LEFT}(?P<y>{_YEAR4}|[4-9]\d)\.{_H}+(?P<m>[01]\d)\.{_H}+(?P<d>[0-3]\d)\.?(?!\d){_RIGHT}"),
    ),
    # 10/14/50 / 07/11/50 (US order by default)
    (
        "slashed",
        re.compile(rf"{_LEFT}(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR4}|\d\d)(?!\d){_RIGHT}"),
    ),
]
_FILE_CODE_BEFORE = re.compile(r"\b[A-Z]{1,4}[ \t\u00a0]?$")
_BARE_YEAR = re.compile(rf"(?P<y>{_YEAR4})")
_RANGE_LINK = re.compile(rf"^,?{_H}*(?:to|through|till|until|and|&|–|—|-){_H}*$")


def _month_number(name: str) -> int:
    word = name.rstrip(".")
    if word.title() in MONTHS:
        return MONTHS[word.title()]
    if word.title().endswith("s") and word.title()[:-1] in MONTHS:
        return MONTHS[word.title()[:-1]]  # the slip `Junes`
    return _MONTH_ABBREVIATIONS[word.title()]


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return 1900 + int(text) if len(text) == 2 else int(text)


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a year, 29 February is possible (leap year 2000 as the witness).
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True)
class _Found:
    """A date candidate with what later passes need (slash readings, month, day)."""

    start: int
    end: int
    kind: str
    date: ParsedDate
    month: int | None = None
    day: int | None = None
    readings: tuple[str, ...] = ()  # slash dates: 'us'/'eu' proven, or (us_iso, eu_iso)


def _is_plural_slip(month_text: str) -> bool:
    word = month_text.rstrip(".").title()
    return word not in MONTHS and word not in _MONTH_ABBREVIATIONS


def _interpret(kind: str, m: re.Match[str]) -> _Found | None:
    """Turn one regex match into a candidate, or None when it is not a real date."""
    text, groups = m.group(0), m.groupdict()
    year = _year(groups.get("y"))
    if kind == "slashed":
        first, second = int(groups["a"]), int(groups["b"])
        us, eu = _valid(year, first, second), _valid(year, second, first)
        if not (us or eu):
            return None
        us_iso = _iso(year, first, second) if us else None
        eu_iso = _iso(year, second, first) if eu else None
        if us and eu and us_iso != eu_iso:
            return _Found(m.start(), m.end(), kind, ParsedDate(text, us_iso, "medium"),
                          readings=(us_iso, eu_iso))
        proof = ("us",) if us and not eu else ("eu",) if eu and not us else ()
        month, day = (first, second) if us else (second, first)
        return _Found(m.start(), m.end(), kind, ParsedDate(text, us_iso or eu_iso, None),
                      month=month, day=day, readings=proof)
    if kind == "roman":
        if groups["sep"] in (" ", "/") and _FILE_CODE_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
            return None  # `DY 30/IV A 2/20/251` is a file number, not 30 April
        month = ROMAN_MONTHS[groups["rom"].upper()]
    elif kind in ("iso", "dotted", "ymd"):
        month = int(groups["m"])
    else:
        month = _month_number(groups["mon"])
        if _is_plural_slip(groups["mon"]) and (groups.get("d") is None or year is None):
            return None  # the slip `Junes` is a date only in a full `9 Junes 1969`
    day = int(groups["d"]) if groups.get("d") else None
    if kind == "dotted" and day is not None and not _valid(year, month, day) and _valid(year, day, month):
        month, day = day, month  # `02.13.63`: only month first is a date (an English transmission form)
    if day is not None and not _valid(year, month, day):
        return None
    if day is None and year is None:
        return None
    return _Found(m.start(), m.end(), kind, ParsedDate(text, _iso(year, month, day), None),
                  month=month, day=day)


#: A number's label right before figures (``Code message No 31/I``, ``Nº 12.VI``): the figures are the number.
NUMBER_LABEL_BEFORE_RE = re.compile(rf"(?:(?<!\w){NUMBER_SIGN}|\bNos\.?)\s*$")
#: How far before the figures the label is looked for: searching from the text's start made a page of
#: many dates quadratic (bench_hostile ``dates``: 20,000 dates took 141 s).
LABEL_WINDOW = 64


def _candidates(text: str) -> list[_Found]:
    found: list[_Found] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            candidate = _interpret(kind, m)
            if candidate is not None and not (text[m.start()].isdigit() and NUMBER_LABEL_BEFORE_RE.search(
                    text, max(0, m.start() - LABEL_WINDOW), m.start())):
                found.append(candidate)
    return found


def _non_overlapping(candidates: list[_Found]) -> list[_Found]:
    """Leftmost, then longest, then pattern order (the list is in pattern order)."""
    order = sorted(
        enumerate(candidates), key=lambda ic: (ic[1].start, ic[1].start - ic[1].end, ic[0])
    )
    chosen: list[_Found] = []
    end = -1
    for _, cand in order:
        if cand.start >= end:
            chosen.append(cand)
            end = cand.end
    return chosen


def _resolve_slash_order(chosen: list[_Found]) -> list[_Found]:
    """Ambiguous slash dates follow the order that the text's unambiguous ones prove."""
    proven = {c.readings[0] for c in chosen if c.kind == "slashed" and len(c.readings) == 1}
    resolved = []
    for cand in chosen:
        if cand.kind == "slashed" and len(cand.readings) == 2:
            if proven == {"eu"}:
                cand = replace(cand, date=ParsedDate(cand.date.text, cand.readings[1], "medium"))
            elif proven == {"us", "eu"}:
                cand = replace(cand, date=ParsedDate(cand.date.text, cand.readings[0], "low"))
        resolved.append(cand)
    return resolved


def _borrow_range_years(text: str, chosen: list[_Found]) -> list[_Found]:
    """`1 September to 31 October 1954`, `30 June and 1 July 1969`: the first takes the year."""
    result = list(chosen)
    for i, cand in enumerate(result[:-1]):
        later = result[i + 1]
        if cand.date.when is not None or cand.month is None or cand.day is None:
            continue
        if later.date.when is None or len(later.date.when) != 10:
            continue
        if not _RANGE_LINK.match(text[cand.end : later.start]):
            continue
        later_year, later_month = int(later.date.when[:4]), int(later.date.when[5:7])
        year = later_year - 1 if cand.month > later_month else later_year
        if _valid(year, cand.month, cand.day):
            when = _iso(year, cand.month, cand.day)
            result[i] = replace(cand, date=ParsedDate(cand.date.text, when, None))
    return result


_LINK = rf"{_H}*(?:–|—|-|and|&|to|through|till|until){_H}*"
# `4, 9 and 16` / `18–23` just before `November 1959`: the bare days share the month.
_DAYS_BEFORE = re.compile(
    rf"(?P<days>(?:{_DAY}(?:st|nd|rd|th)?{_H}*,{_H}*)*{_DAY}(?:st|nd|rd|th)?){_LINK}$"
)
# `June 9–10, 1969`: a bare day and the year after a month-day date.
_DAY_AFTER = re.compile(rf"{_LINK}(?P<d>{_DAY})(?:st|nd|rd|th)?(?:,{_H}*|{_H}+)(?P<y>{_YEAR4})(?![\w/]|[.,\-–]\d)")
# Words after which a number is a unit, not a day: `delo 3 and 4 May` never happens,
# but `Nº 5 and 6 June` or `listy 3-4 May` must not turn the unit into a date.
_NOT_A_DAY_AFTER = re.compile(
    r"(?:Nº|No|Nos|no|nos|delo|fond|opis|papka|listy|list|pages?|pp?|file|points?|items?|copies|Copy)\.?$"
)


def _shared_month_days(text: str, chosen: list[_Found]) -> list[_Found]:
    """`4, 9 and 16 November 1959` and `18–23 May`: each bare day becomes a date."""
    extra: list[_Found] = []
    previous_end = 0
    for cand in chosen:
        if cand.kind == "dmy" and cand.day is not None and cand.month is not None:
            window_start = max(previous_end, cand.start - 60)
            m = _DAYS_BEFORE.search(text, window_start, cand.start)
            if m and _starts_a_word(text, m.start()):
                year = int(cand.date.when[:4]) if cand.date.when else None
                for day in re.finditer(r"\d+", m.group("days")):
                    value = int(day.group(0))
                    if _valid(year, cand.month, value):
                        start = m.start() + day.start()
                        date = ParsedDate(day.group(0), _iso(year, cand.month, value), None)
                        extra.append(_Found(start, start + len(day.group(0)), "day", date, cand.month, value))
        previous_end = cand.end
    return sorted(chosen + extra, key=lambda c: c.start)


def _starts_a_word(text: str, position: int) -> bool:
    """The day list is not glued to a number or a unit label before it."""
    before = text[max(0, position - 12) : position]
    if before and not before[-1].isspace() and before[-1] not in "([“\"'":
        return False
    word = before.split()[-1] if before.split() else ""
    return not (_NOT_A_DAY_AFTER.search(word) or re.search(r"\d[,.]?$", word))


def _day_after_month_day(text: str, chosen: list[_Found]) -> list[_Found]:
    """`June 9–10, 1969`: the first date takes the year, the bare `10, 1969` is a date."""
    result: list[_Found] = []
    for i, cand in enumerate(chosen):
        next_start = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        m = None
        if cand.kind == "mdy" and cand.date.when is None and cand.month and cand.day:
            m = _DAY_AFTER.match(text, cand.end, next_start)
        if m is None:
            result.append(cand)
            continue
        year, day = int(m.group("y")), int(m.group("d"))
        if not (_valid(year, cand.month, cand.day) and _valid(year, cand.month, day)):
            result.append(cand)
            continue
        first = ParsedDate(cand.date.text, _iso(year, cand.month, cand.day), None)
        second = ParsedDate(text[m.start("d") : m.end()], _iso(year, cand.month, day), None)
        result.append(replace(cand, date=first))
        result.append(_Found(m.start("d"), m.end(), "day", second, cand.month, day))
    return result


def _document_anchor(document_date: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, else None."""
    m = _DOCUMENT_DATE.fullmatch(document_date or "")
    if m is None:
        return None
    year, month, day = int(m.group("y")), int(m.group("m") or 7), int(m.group("d") or 1)
    return (year, month, day) if _valid(year, month, day) else None


def _nearest_year(found: _Found, anchor: tuple[int, int, int]) -> _Found:
    """A date without a year, read in the year that puts it nearest the document's date."""
    if found.date.when is not None or found.month is None or found.day is None:
        return found
    doc_year, doc_month, doc_day = anchor
    doc_ordinal = doc_year * 372 + doc_month * 31 + doc_day
    options = [y for y in (doc_year - 1, doc_year, doc_year + 1) if _valid(y, found.month, found.day)]
    if not options:
        return found
    year = min(options, key=lambda y: abs(y * 372 + found.month * 31 + found.day - doc_ordinal))
    return replace(found, date=ParsedDate(found.date.text, _iso(year, found.month, found.day), "medium"))


_DOCUMENT_DATE = re.compile(rf"(?P<y>{_YEAR4})(?:-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?)?")


def find_dates(text: str, *, document_date: str | None = None) -> list[tuple[int, int, ParsedDate]]:
    """Every date printed in running text, in order, as (start, end, ParsedDate).

    With `document_date` (ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the page's date) a day
    and month printed without a year get the year that puts them nearest that date,
    with `cert="medium"`; an impossible `document_date` is ignored.
    """
    chosen = _non_overlapping(_candidates(text))
    chosen = _resolve_slash_order(chosen)
    chosen = _borrow_range_years(text, chosen)
    chosen = _day_after_month_day(text, chosen)
    chosen = _shared_month_days(text, chosen)
    anchor = _document_anchor(document_date)
    if anchor is not None:
        chosen = [_nearest_year(c, anchor) for c in chosen]
    return [(c.start, c.end, c.date) for c in chosen]


def parse_date(text: str, *, document_date: str | None = None) -> ParsedDate | None:
    """The whole string (stripped) read as one date, else None.

    A bare year (`1969`) is accepted here, unlike in running text. `document_date`
    as in `find_dates`.
    """
    stripped = text.strip()
    if not stripped:
        return None
    if _BARE_YEAR.fullmatch(stripped):
        return ParsedDate(stripped, stripped, None)
    found = find_dates(stripped, document_date=document_date)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(stripped):
        return found[0][2]
    return None
