"""The units of an archival reference, one grammar per archive's printed convention.

Why: each archive prints its units its own way (`fond 5, opis 61, delo 462, listy 79-94`;
`XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959`; `M-KS 288. f. 32. cs. 110/1983 ő.e.`;
`DV Z9 T611 W43`; `Berlin/1989, vol. 2, pp. 425-426`).  Finding where a reference starts
and ends is `citation`'s job; reading the units of its tail is this module's, so a new
convention is one function here and one entry in `citation.REPOSITORIES`.  Pure Python.
"""

from __future__ import annotations

import re

__all__ = ["UNIT_LABELS", "amae_units", "amsz_units", "folio_range", "fond_then_file", "labelled_units",
           "mol_units", "prc_fma_units", "russian_units", "sapmo_units"]


def _clean(value: str) -> str:
    return value.strip().strip(",;").strip()


def folio_range(value: str) -> tuple[str | None, str | None]:
    """'79-94' -> ('79', '94'); '57' -> ('57', '57'); '1, 3-5' -> ('1', '5')."""
    numbers = re.findall(r"\d+[a-zA-Z]*", value)
    if not numbers:
        return None, None
    return numbers[0], numbers[-1]


# Printed unit labels (case-insensitive, full word or abbreviation) -> units key.
UNIT_LABELS: list[tuple[str, str]] = [
    (r"fond|fonds|f", "fond"),
    (r"opis|op|o", "opis"),  # `o. 13a` in AVPRF references
    (r"papka|pap", "papka"),
    (r"p", "p"),  # papka in Russian references, a page elsewhere
    (r"delo|d", "delo"),
    (r"file", "file"),
    (r"listy|listov|list|ll|l|ii|i|pages|page|pp|bl|folios|folio|ff", "folios"),  # `II. 8`, `I. 53` (hdr5): `ll.`, `l.` misread
    (r"folder", "folder"),
    (r"box|doboz", "box"),
    (r"series", "series"),
    (r"item", "item"),
    (r"year", "year"),
    (r"issue", "issue"),
]
_LABELLED_UNIT = re.compile(
    r"^(?P<label>" + "|".join(label for label, _ in UNIT_LABELS) + r")\b(?!-)\.?:?\s*(?P<value>\S.*)$",  # not `D-I-R-0`
    re.IGNORECASE,
)
#: Abbreviated labels whose stop may stand before a capital (`f. R-5446`): no break there.
_LABEL_WORD = re.compile(r"f|op|o|pap|p|d|l|ll|pp|ff|bl", re.IGNORECASE)
_RANGE = re.compile(r"^\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?(?:\s*,\s*\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?)*$")


def _split_parts(tail: str, separators: str = ",;") -> list[str]:
    """Split a reference at its separators (`, ` `; ` and `. ` before a capital label)."""
    parts, at = [], 0
    for cut in re.finditer(rf"\s*[{separators}]\s*|(?<=\w)\.\s*(?=[A-Z])", tail):
        word = re.search(r"(\w+)$", tail[max(0, cut.start() - 8):cut.start()])  # a bounded look back: linear
        if cut.group().startswith(".") and word and (_LABEL_WORD.fullmatch(word.group(1))
                                                     or word.group(1).lower() in ("no", "nr")):
            continue  # `f. R-5446`, `File No. XPP/3073`: a label's or a number sign's stop, not a break
        parts.append(tail[at:cut.start()])
        at = cut.end()
    parts.append(tail[at:])
    return [p for p in (_clean(p) for p in parts) if p]


def labelled_units(tail: str, key_for: dict[str, str] | None = None) -> dict[str, str]:
    """`fond 5, opis 61, delo 462, listy 79-94` and `F.558. Op.11. D.99. L.57-59`.

    Unknown labels are skipped (the verbatim keeps them); a trailing bare range after
    the last labelled unit is the folios.
    """
    units: dict[str, str] = {}
    parts = _split_parts(tail)
    for index, part in enumerate(parts):
        m = _LABELLED_UNIT.match(part)
        if m and m.group("label") in ("I", "i") and not part[m.end("label"):].startswith("."):
            m = None  # `I.` with its stop is `l.` misread; a bare `I` is a roman numeral
        if m:
            label = m.group("label").lower()
            key = next(k for pattern, k in UNIT_LABELS if re.fullmatch(pattern, label))
            value = re.sub(r"^(?:no|nr|n[oº°])(?:\.?\s*(?=\d)|\.\s*(?=[A-Z]))", "", m.group("value"),
                           flags=re.IGNORECASE)  # `Folder no. 1495`, `File No. XPP/3073/36/64`
            if key == "p" and (re.match(r"\d+[a-z]?\s*[-–]\s*\d", value) or "delo" in units):
                key = "folios"  # `p.16-42`, or `p.` after the delo: pages, not a papka
            key = (key_for or _GENERIC_KEYS).get(key, key)
            if key in ("issue", "year", "folder"):
                value = re.split(r"\s*:\s*", value)[0]  # `Issue 3: title of the issue`
            if key not in units:
                units[key] = _clean(value)
        elif index == len(parts) - 1 and _RANGE.match(part) and "folios" not in units:
            units["folios"] = part
    return units


_GENERIC_KEYS = {"p": "folios"}
_RUSSIAN_KEYS = {"p": "papka", "file": "delo"}


def russian_units(tail: str) -> dict[str, str]:
    """`fond 5, opis 61, delo 462, listy 79-94`, `f. 0102, op. 7, p. 27, d. 45, l. 12`."""
    return labelled_units(tail, _RUSSIAN_KEYS)


def prc_fma_units(tail: str) -> dict[str, str]:
    """`106-01188-03, 12-19`: file number, then the page range (also `No. 106-…`, `pp. 12-19`)."""
    parts = _split_parts(tail, ",;")
    units: dict[str, str] = {}
    if parts:
        units["file"] = re.sub(r"^(?:No|Nº|Nr)\.?\s*(?=\d)", "", parts[0], flags=re.IGNORECASE)
    pages = re.sub(r"^(?:pp?|pages?)\.?\s*", "", parts[1]) if len(parts) > 1 else ""
    if _RANGE.match(pages):
        units["folios"] = pages
    return units


#: A MOL fond code, its series glued by a hyphen or a space: ``XIX-J-1-j Korea``, ``XIX-J-I-j-Kuba``.
#: The party archive's code with its units joined by hyphens: `M-KS-288-11/4458 ő.e.` (fond, series, item).
_MOL_PARTY_CODE = re.compile(r"\bM-KS-(?P<fond>\d+)-(?P<series>\d+)/(?P<item>\d+)(?:\s*[őo]\.\s?e\.?)?")
_MOL_FOND = re.compile(r"^(?P<fond>[IVXL]+(?:-[A-Za-z0-9]{1,2})+)(?:[-\s]+(?P<series>[A-ZÀ-Ý][\w-]*))?"
                       r"(?:\s+(?P<box>\d+)-(?P<item>\d+/\d{4}))?$")  # `Korea 25-005249/1980`: box-item


#: A Hungarian unit label printed AFTER its number (party records): `288. f.` fond, `32. cs.`
#: series (csoport), `110/1983 ő.e.` item (őrzési egység, also `o. e.`).
_MOL_AFTER = re.compile(r"(?<![\w/])(?P<value>\d+[a-z]?(?:/\d+)*)\.?\s*(?P<label>f|cs|[őo]\.?\s?e)(?![\w])\.?")
_MOL_AFTER_KEYS = {"f": "fond", "cs": "series"}


def _mol_after_units(tail: str) -> dict[str, str]:
    """`M-KS 288. f. 32. cs. 110/1983. ő.e.`: fond, series, item, each number before its label.

    `5/515. ő.e.` with no `cs.` is series and item in one (`5` and `515`; `32/1966/4`: `32`
    and `1966/4`); `110/1983` alone is an item and its year.  The record
    group's letters (`M-KS`) and pages (`pp. 152-153`) are no units: kept in the verbatim.
    """
    units: dict[str, str] = {}
    for m in _MOL_AFTER.finditer(tail):
        key = _MOL_AFTER_KEYS.get(m.group("label"), "item")
        units.setdefault(key, m.group("value"))
    item = units.get("item", "")
    if "series" not in units and "/" in item and not re.fullmatch(r"\d+/(?:19|20)\d\d", item):
        units["series"], units["item"] = item.split("/", 1)  # `5/515`, `32/1966/4`: series first
    return {key: units[key] for key in ("fond", "series", "item") if key in units}


def mol_units(tail: str) -> dict[str, str]:
    """`XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959`: fond and series, box, folder, item.

    Parts before the fond code (`Foreign Ministry, Top Secret Files`) name the record group in
    words: kept in the verbatim reference only.  The box may be abbreviated (`3.d`); a box
    and item may be glued after the series (`Korea 25-005249/1980`).  Party records print
    each label after its number (`_mol_after_units`).
    """
    if re.search(r"\d\.?\s*f\.", tail):
        return _mol_after_units(tail)
    party = _MOL_PARTY_CODE.search(tail)
    if party:  # `M-KS-288-11/4458 o.e.`: fond 288, series 11, item 4458 (batch 4's reading)
        return {"fond": party.group("fond"), "series": party.group("series"), "item": party.group("item")}
    parts = _split_parts(tail, ",;")
    units: dict[str, str] = {}
    start = next((i for i, part in enumerate(parts) if _MOL_FOND.match(part)), 0)
    parts = parts[start:]
    if not parts:
        return units
    coded = _MOL_FOND.match(parts[0])
    fond, series = (coded.group("fond"), coded.group("series") or "") if coded else parts[0].partition(" ")[::2]
    units["fond"] = fond
    if series:
        units["series"] = series.strip()
    if coded and not series and len(parts) > 1 and re.fullmatch(r"[A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý]?[^\W\d_]+)*", parts[1]):
        units["series"] = parts.pop(1)  # `XIX-J-1-j, Korea, 1961, …`: the series after a comma
    if coded and coded.group("box"):
        units["box"], units["item"] = coded.group("box"), coded.group("item")
    rest = []
    for part in parts[1:]:
        box = re.fullmatch(r"(\d+)\.?\s*d(?:oboz)?\.?|doboz\s*(\d+)", part, re.IGNORECASE)
        if box and "box" not in units:
            units["box"] = box.group(1) or box.group(2)
        elif re.fullmatch(r"1[89]\d\d", part) and "year" not in units:
            units["year"] = part
        else:
            rest.append(part)
    for key, value in zip(("folder", "item"), rest):
        units[key] = value
    return units


#: `Z9`, `w-83`, `t-1263`, also spelled out (`zespół 6/77`, `wiązka 102`, `teczka 625`).
_AMSZ_UNIT = re.compile(r"(?i)(z|zesp[oó][lł]|t|teczka|w|wi[aą]zka)\.?[-\s]?(\d+(?:/\d+)?[a-z]?)")


def amsz_units(tail: str) -> dict[str, str]:
    """`DV Z9 T611 W43` (also `Z-9, T-611, W-43`): department, zespół, teczka, wiązka.

    A ciphergram series prints its zespół as number/year before the other units
    (`Szyfrogramy z X 1962, 6/77 w-83 t-1263`): then the words before it name that zespół
    and are no department."""
    units: dict[str, str] = {}
    department = []
    tokens = re.findall(r"[^\W\d_]+\.?[-\s]?\d+(?:/\d+)?[a-z]?|\S+", tail.replace(",", " "))
    for index, token in enumerate(tokens):
        m = _AMSZ_UNIT.fullmatch(token)
        key = {"z": "zespol", "t": "teczka", "w": "wiazka"}.get(m.group(1)[0].lower()) if m else None
        if key and key not in units:
            units[key] = m.group(2)
        elif not units and re.fullmatch(r"\d+/\d+", token) and _AMSZ_UNIT.fullmatch(
                tokens[index + 1] if index + 1 < len(tokens) else ""):
            units["zespol"], department = token, []
        elif not units:
            department.append(token)
    if department:
        units = {"department": " ".join(department), **units}
    return units


def sapmo_units(tail: str) -> dict[str, str]:
    """`DY 30/IV A 2/20/251, 14-21`: fond before the first slash, file, folios; a signature opening with a
    party series in roman numerals (`IV 2/2A/1721`) is the file alone (hdr4)."""
    parts = _split_parts(tail, ",;")
    units: dict[str, str] = {}
    if not parts:
        return units
    m = re.fullmatch(r"((?![IVX]+\b)[A-Z]{1,4}\s?\d+)(?:\s*/\s*(.+)|\s+((?:[A-Z]\s)?[IVX]+\b.+))?", parts[0])
    rest = parts[1:]  # (`IV 2/2A/1721`: a party file, no fond; `DY30 IV 2/2.035/127`: fond, then the file)
    if m:
        units["fond"] = m.group(1)
        if m.group(2) or m.group(3):
            units["file"] = m.group(2) or m.group(3)
        elif rest and not _RANGE.match(rest[0]):
            units["file"] = rest.pop(0)
    else:
        units["file"] = parts[0]
    if rest:
        folios = re.sub(r"^(?:Bl|pp?|S)\.?\s*", "", rest[-1])
        if _RANGE.match(folios):
            units["folios"] = folios
    return units


def fond_then_file(tail: str) -> dict[str, str]:
    """`MfAA, C 294/78` or `KPR I-1/655`: a collection code, then the file."""
    parts = _split_parts(tail, ",;")
    coded = re.fullmatch(r"(\S+)\s+(\S*\d\S*)", parts[0]) if parts else None
    if coded and len(parts) >= 2:  # `KPR I-2/14, box 3`: the code and its file, then units the verbatim keeps
        return {"fond": coded.group(1), "file": coded.group(2)}
    if len(parts) >= 2:
        return {"fond": parts[0], "file": ", ".join(parts[1:])}
    if parts:
        fond, _, file = parts[0].partition(" ")
        if file:
            return {"fond": fond, "file": file}
        # a code alone: a collection in letters (`MfAA`) is the fond, a number the file
        return {"file": fond} if re.search(r"\d", fond) else {"fond": fond}
    return {}


def amae_units(tail: str) -> dict[str, str]:
    """`Folder 211/1972, Issue 3: …`, `Year: 1954; Issue 20; Country: …`, or a mission's
    folder unlabelled, then volume and pages: `Berlin/1989, vol. 2, pp. 425-426` (the
    folder is the post and year; the volume is no unit of the schema, the pages are folios)."""
    units = {k: v for k, v in labelled_units(tail).items() if k in ("folder", "year", "issue")}
    parts = _split_parts(tail, ",;")
    pages = next((p for p in parts if re.fullmatch(r"(?:pp?|pages?|ff?)\.?\s*" + _RANGE.pattern[1:], p)), None)
    if pages:  # labelled pages only: a bare number ending a title is no folio
        units["folios"] = re.sub(r"^\D+", "", pages)
    folder = next((p for p in parts if re.fullmatch(r"[A-Z][\w .-]*/\d{4}", p)), None)
    if folder and "folder" not in units and "year" not in units:
        units = {"folder": folder, **units}
    return units
