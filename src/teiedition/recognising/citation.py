"""Archival references of the archive's pages (credits and donor lines: ``credits``, re-exported here).

Why: the `msIdentifier` of every TEI header comes from one short printed convention.
Keeping it here, with the archives in ONE data table (`REPOSITORIES`), means a new
archive is one new entry, not new code paths. Pure Python (no lxml): the plain-text
reader calls it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .credits import CREDIT_START, URL_TAIL, Credits, find_credits, parse_credits, split_funders

__all__ = [
    "Citation",
    "Credits",
    "Repository",
    "REPOSITORIES",
    "find_citation",
    "find_credits",
    "parse_citation",
    "parse_credits",
    "split_funders",
]


#: Units of an archival reference that are collections (the rest are identifiers).
COLLECTION_UNITS = ("fond", "opis", "papka", "series", "box", "folder", "department", "zespol",
                    "teczka", "wiazka", "year", "issue")
#: Original language of the documents an archive holds, by repository code.
ARCHIVE_LANGUAGE = {
    "RGANI": ("ru", "Russian"), "APRF": ("ru", "Russian"), "AVPRF": ("ru", "Russian"),
    "GARF": ("ru", "Russian"), "RGASPI": ("ru", "Russian"), "RGAE": ("ru", "Russian"),
    "PRC FMA": ("zh", "Chinese"), "MOL": ("hu", "Hungarian"), "AMSZ": ("pl", "Polish"),
    "SAPMO-BArch": ("de", "German"), "PolA AA": ("de", "German"), "AMAE": ("ro", "Romanian"),
    "AJ": ("sr", "Serbo-Croatian"),
}
#: Language names a page may print ("Translated from Russian", "Original Language: Polish").
LANGUAGE_NAMES = {"Russian": "ru", "Chinese": "zh", "Hungarian": "hu", "Polish": "pl", "German": "de",
                  "Romanian": "ro", "Korean": "ko", "Vietnamese": "vi", "Czech": "cs", "Bulgarian": "bg",
                  "Mongolian": "mn", "Japanese": "ja", "Albanian": "sq", "Serbo-Croatian": "sr"}


@dataclass(frozen=True)
class Citation:
    """One archival reference: where the original is kept and its units."""

    repository: str  # short code: RGANI, AVPRF, PRC FMA, ...
    repository_name: str  # full name
    settlement: str  # city, '' when unknown
    country: str  # country, '' when unknown
    verbatim: str  # the reference exactly as printed
    units: dict[str, str]  # insertion-ordered: fond, opis, delo, folios, ...
    folio_from: str | None
    folio_to: str | None
    others: tuple["Citation", ...] = ()  # further archives named in the same reference (`…; and AVPRF, …`)

    def collections(self) -> list[tuple[str, str]]:
        """The units that are collections (fond, opis, box ...), in the order of COLLECTION_UNITS."""
        return [(key, self.units[key]) for key in COLLECTION_UNITS if key in self.units]

    def identifiers(self) -> list[tuple[str, str]]:
        """The other units but the folios (delo, document number ...), as printed in order."""
        return [(k, v) for k, v in self.units.items() if k not in COLLECTION_UNITS and k != "folios"]


# --------------------------------------------------------------------------- units


def _clean(value: str) -> str:
    return value.strip().strip(",;").strip()


def _folio_range(value: str) -> tuple[str | None, str | None]:
    """'79-94' -> ('79', '94'); '57' -> ('57', '57'); '1, 3-5' -> ('1', '5')."""
    numbers = re.findall(r"\d+[a-zA-Z]*", value)
    if not numbers:
        return None, None
    return numbers[0], numbers[-1]


# Printed unit labels (case-insensitive, full word or abbreviation) -> units key.
_LABELS: list[tuple[str, str]] = [
    (r"fond|fonds|f", "fond"),
    (r"opis|op|o", "opis"),  # `o. 13a` in AVPRF references
    (r"papka|pap", "papka"),
    (r"p", "p"),  # papka in Russian references, a page elsewhere
    (r"delo|d", "delo"),
    (r"file", "file"),
    (r"listy|listov|list|ll|l|ii|pages|page|pp|bl|folios|folio|ff", "folios"),  # `II. 8`: `ll.` misread
    (r"folder", "folder"),
    (r"box|doboz", "box"),
    (r"series", "series"),
    (r"item", "item"),
    (r"year", "year"),
    (r"issue", "issue"),
]
_LABELLED_UNIT = re.compile(
    r"^(?P<label>" + "|".join(label for label, _ in _LABELS) + r")\b\.?:?\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?(?:\s*,\s*\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?)*$")


def _split_parts(tail: str, separators: str = ",;") -> list[str]:
    """Split a reference at its separators (`, ` `; ` and `. ` before a capital label)."""
    parts = re.split(rf"\s*[{separators}]\s*|(?<=\w)\.\s*(?=[A-Z])", tail)
    return [p for p in (_clean(p) for p in parts) if p]


def _labelled_units(tail: str, key_for: dict[str, str] | None = None) -> dict[str, str]:
    """`fond 5, opis 61, delo 462, listy 79-94` and `F.558. Op.11. D.99. L.57-59`.

    Unknown labels are skipped (the verbatim keeps them); a trailing bare range after
    the last labelled unit is the folios.
    """
    units: dict[str, str] = {}
    parts = _split_parts(tail)
    for index, part in enumerate(parts):
        m = _LABELLED_UNIT.match(part)
        if m:
            label = m.group("label").lower()
            key = next(k for pattern, k in _LABELS if re.fullmatch(pattern, label))
            value = m.group("value")
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


def _russian_units(tail: str) -> dict[str, str]:
    """`fond 5, opis 61, delo 462, listy 79-94`, `f. 0102, op. 7, p. 27, d. 45, l. 12`."""
    return _labelled_units(tail, _RUSSIAN_KEYS)


def _prc_fma_units(tail: str) -> dict[str, str]:
    """`106-01188-03, 12-19`: file number, then the page range."""
    parts = _split_parts(tail, ",;")
    units: dict[str, str] = {}
    if parts:
        units["file"] = parts[0]
    if len(parts) > 1 and _RANGE.match(parts[1]):
        units["folios"] = parts[1]
    return units


#: A MOL fond code, its series glued by a hyphen or a space: ``XIX-J-1-j Korea``, ``XIX-J-I-j-Kuba``.
_MOL_FOND = re.compile(r"^(?P<fond>[IVXL]+(?:-[A-Za-z0-9]{1,2})+)(?:[-\s]+(?P<series>[A-ZÀ-Ý][\w-]*))?"
                       r"(?:\s+(?P<box>\d+)-(?P<item>\d+/\d{4}))?$")  # `Korea 25-005249/1980`: box-item


#: A Hungarian unit label printed AFTER its number (party records): `288. f.` fond, `32. cs.`
#: series (csoport), `110/1983 ő.e.` item (őrzési egység, also `o. e.`).
_MOL_AFTER = re.compile(r"(?<![\w/])(?P<value>\d+[a-z]?(?:/\d+)*)\.?\s*(?P<label>f|cs|[őo]\.\s?e)(?![\w])\.?")
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


def _mol_units(tail: str) -> dict[str, str]:
    """`XIX-J-1-j Korea, 6. doboz, 11/b, 005210/1959`: fond and series, box, folder, item.

    Parts before the fond code (`Foreign Ministry, Top Secret Files`) name the record group in
    words: kept in the verbatim reference only.  The box may be abbreviated (`3.d`); a box
    and item may be glued after the series (`Korea 25-005249/1980`).  Party records print
    each label after its number (`_mol_after_units`).
    """
    if re.search(r"\d\.?\s*f\.", tail):
        return _mol_after_units(tail)
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


_AMSZ_UNIT = re.compile(r"([ZzTtWw])[-\s]?(\d+[a-z]?)")


def _amsz_units(tail: str) -> dict[str, str]:
    """`DV Z9 T611 W43` (also `Z-9, T-611, W-43`): department, zespół, teczka, wiązka.

    A ciphergram series prints its zespół as number/year before the other units
    (`Szyfrogramy z X 1962, 6/77 w-83 t-1263`): then the words before it name that zespół
    and are no department."""
    units: dict[str, str] = {}
    department = []
    tokens = re.findall(r"[A-Za-z]+[-\s]?\d+[a-z]?|\S+", tail.replace(",", " "))
    for index, token in enumerate(tokens):
        m = _AMSZ_UNIT.fullmatch(token)
        key = {"z": "zespol", "t": "teczka", "w": "wiazka"}.get(m.group(1).lower()) if m else None
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


def _sapmo_units(tail: str) -> dict[str, str]:
    """`DY 30/IV A 2/20/251, 14-21`: fond before the first slash, file, folios."""
    parts = _split_parts(tail, ",;")
    units: dict[str, str] = {}
    if not parts:
        return units
    m = re.fullmatch(r"([A-Z]{1,4}\s?\d+)(?:\s*/\s*(.+))?", parts[0])
    rest = parts[1:]
    if m:
        units["fond"] = m.group(1)
        if m.group(2):
            units["file"] = m.group(2)
        elif rest and not _RANGE.match(rest[0]):
            units["file"] = rest.pop(0)
    else:
        units["file"] = parts[0]
    if rest:
        folios = re.sub(r"^(?:Bl|pp?|S)\.?\s*", "", rest[-1])
        if _RANGE.match(folios):
            units["folios"] = folios
    return units


def _fond_then_file(tail: str) -> dict[str, str]:
    """`MfAA, C 294/78` or `KPR I-1/655`: a collection code, then the file."""
    parts = _split_parts(tail, ",;")
    if len(parts) >= 2:
        return {"fond": parts[0], "file": ", ".join(parts[1:])}
    if parts:
        fond, _, file = parts[0].partition(" ")
        if file:
            return {"fond": fond, "file": file}
        # a code alone: a collection in letters (`MfAA`) is the fond, a number the file
        return {"file": fond} if re.search(r"\d", fond) else {"fond": fond}
    return {}


def _amae_units(tail: str) -> dict[str, str]:
    """`Folder 211/1972, Issue 3: …`, `Year: 1954; Issue 20; Country: …`, or a mission's
    folder unlabelled, then volume and pages: `Berlin/1989, vol. 2, pp. 425-426` (the
    folder is the post and year; the volume is no unit of the schema, the pages are folios)."""
    units = {k: v for k, v in _labelled_units(tail).items() if k in ("folder", "year", "issue")}
    parts = _split_parts(tail, ",;")
    pages = next((p for p in parts if re.fullmatch(r"(?:pp?|pages?|ff?)\.?\s*" + _RANGE.pattern[1:], p)), None)
    if pages:  # labelled pages only: a bare number ending a title is no folio
        units["folios"] = re.sub(r"^\D+", "", pages)
    folder = next((p for p in parts if re.fullmatch(r"[A-Z][\w .-]*/\d{4}", p)), None)
    if folder and "folder" not in units and "year" not in units:
        units = {"folder": folder, **units}
    return units


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Repository:
    """An archive: code, full name, printed aliases, place and its unit grammar."""

    code: str
    name: str
    aliases: tuple[str, ...]  # printed forms besides the code and the name (regex-escaped on use)
    settlement: str
    country: str
    units: Callable[[str], dict[str, str]]


REPOSITORIES: tuple[Repository, ...] = (
    Repository("RGANI", "Russian State Archive of Contemporary History",
               ("TsKhSD", "Center for the Storage of Contemporary Documentation"),
               "Moscow", "Russia", _russian_units),
    Repository("APRF", "Archive of the President of the Russian Federation",
               ("AP RF", "Presidential Archive of the Russian Federation"),
               "Moscow", "Russia", _russian_units),
    Repository("AVPRF", "Archive of Foreign Policy of the Russian Federation",
               ("AVP RF", "Archive of the Foreign Policy of the Russian Federation",
                "Foreign Policy Archive of the Russian Federation"),
               "Moscow", "Russia", _russian_units),
    Repository("GARF", "State Archive of the Russian Federation", (),
               "Moscow", "Russia", _russian_units),
    Repository("RGASPI", "Russian State Archive of Social and Political History",
               ("RTsKhIDNI", "Russian State Archive of Socio-Political History"),
               "Moscow", "Russia", _russian_units),
    Repository("RGAE", "Russian State Archive of the Economy", (),
               "Moscow", "Russia", _russian_units),
    Repository("PRC FMA", "Archive of the Ministry of Foreign Affairs of the People's Republic of China",
               ("PRC Foreign Ministry Archive", "Chinese Foreign Ministry Archive"),
               "Beijing", "China", _prc_fma_units),
    Repository("MOL", "Hungarian National Archives",
               ("MNL OL", "Magyar Országos Levéltár", "Hungarian National Archives"),
               "Budapest", "Hungary", _mol_units),
    Repository("AMSZ", "Archive of the Polish Ministry of Foreign Affairs",
               ("Polish Foreign Ministry Archive", "Archiwum MSZ", "Archiwum Ministerstwa Spraw Zagranicznych",
                "Archive of the Polish Foreign Ministry"),
               "Warsaw", "Poland", _amsz_units),
    Repository("SAPMO-BArch",
               "Foundation Archives of Parties and Mass Organizations of the GDR in the Federal Archives",
               ("SAPMO BArch", "SAPMO"),
               "Berlin", "Germany", _sapmo_units),
    Repository("PolA AA", "Political Archive of the Federal Foreign Office",
               ("PA AA", "Politisches Archiv des Auswärtigen Amts"),
               "Berlin", "Germany", _fond_then_file),
    Repository("AMAE", "Archive of the Romanian Ministry of Foreign Affairs",
               ("Romanian Foreign Ministry Archive",),
               "Bucharest", "Romania", _amae_units),
    Repository("AJ", "Archives of Yugoslavia", ("Arhiv Jugoslavije",),
               "Belgrade", "Serbia", _fond_then_file),
)


def _printed_forms(repo: Repository) -> list[str]:
    return sorted({repo.code, repo.name, *repo.aliases}, key=len, reverse=True)


_ALL_FORMS = sorted(
    ((form, repo) for repo in REPOSITORIES for form in _printed_forms(repo)),
    key=lambda fr: len(fr[0]),
    reverse=True,
)
_SETTLEMENTS = sorted({repo.settlement for repo in REPOSITORIES})
# A printed name, then optionally `, Berlin` and `(CODE)` as in
# `Political Archive of the Federal Foreign Office, Berlin (PolA AA)`; the city may follow the code
# (`Archiwum … (AMSZ), Warsaw`).
_REPOSITORY_RE = re.compile(
    r"(?<![\w-])(?P<form>" + "|".join(re.escape(f) for f, _ in _ALL_FORMS) + r")(?![\w-])"
    r"(?P<suffix>(?:,?\s+(?:" + "|".join(map(re.escape, _SETTLEMENTS)) + r")(?![\w/-]))?"  # not `Berlin/1989`
    r"(?:\s*\([^()]{1,40}\))?"
    r"(?:,?\s+(?:" + "|".join(map(re.escape, _SETTLEMENTS)) + r")(?![\w/-]))?)"
)
_REPO_BY_FORM = {form.lower(): repo for form, repo in _ALL_FORMS}

# --------------------------------------------------------------------------- citations

_UNIT_WORD = re.compile(
    r"^(?:" + "|".join(label for label, _ in _LABELS) + r")\b\.?", re.IGNORECASE
)
_ARCHIVE_WORD = re.compile(r"\b(?:Archives?|Archiv|Arhiv|Library|Papers|Collection|Fonds?)\b")


#: Words of a holding's description after the units (a collection, its microfilm reels).
_HOLDING_WORD = re.compile(r"(?i)\b(?:microfilm|microfiche|reel|roll)\b")


def _holding_continues(rest: str) -> bool:
    """The sentence after a reference's stop describes where the file is held (``…, microfilm, reel
    83``) and runs to the credits: part of the reference, not a new sentence."""
    rest = rest.strip().rstrip(".")
    return bool(_HOLDING_WORD.search(rest) and re.search(r"\d", rest)) and len(rest.split()) <= 30 \
        and not re.search(r"\.\s+[A-Z]", rest)


def _reference_end(text: str, start: int) -> int:
    """Where the printed reference ends: before its final full stop, the credits or a URL."""
    limit = len(text)
    credit = CREDIT_START.search(text, start)
    if credit:
        limit = credit.start("start")
    url = URL_TAIL.search(text, start, limit)
    if url:
        limit = url.start()
    # A full stop followed by a capitalised word that is not a unit label ends it
    # (`RGASPI. F.558. Op.11.` continues; `listy 79-94. Copy in ...` does not).
    for m in re.finditer(r"\.\s+(?=\S)", text[start:limit]):
        after = text[start + m.end() : min(limit, start + m.end() + 40)]
        dot = start + m.start()
        before = text[max(start, dot - 4) : dot]
        if dot - 4 <= start:
            before = " " + before  # the reference's start counts as a word boundary
        if re.search(r"[\s.](?:[A-Za-z]{1,2}|No|Nº)$", before):
            continue  # `F.` `d.` `No.`: a label, not the end
        if re.match(r"\d", after) or after[:1].islower() or _UNIT_WORD.match(after) or _REPOSITORY_RE.match(after):
            continue
        if _holding_continues(text[start + m.end():limit]):
            break  # `d. 347. Department for …, 1953-1957, microfilm, reel 83`: the holding's description
        limit = start + m.start()
        break
    verbatim = text[start:limit].rstrip()
    while verbatim.endswith((".", ",", ";")):
        verbatim = verbatim[:-1].rstrip()
    return start + len(verbatim)


def _build(repo: Repository | None, verbatim: str, tail: str, leading: str) -> Citation:
    if repo is None:
        units = _labelled_units(tail) or _fond_then_file(tail)
        code, name, settlement, country = leading, leading, "", ""
    else:
        units = repo.units(tail)
        code, name, settlement, country = repo.code, repo.name, repo.settlement, repo.country
    folio_from, folio_to = _folio_range(units["folios"]) if "folios" in units else (None, None)
    return Citation(code, name, settlement, country, verbatim, units, folio_from, folio_to)


def _search_from(text: str) -> int:
    """In an old-layout citation sentence the reference follows `Digital Archive, `."""
    marker = list(re.finditer(r"Digital Archive,\s*", text))
    return marker[-1].end() if marker else 0


def find_citation(text: str) -> tuple[Citation, int, int] | None:
    """The archival reference inside a paragraph or citation sentence, and its span."""
    origin = _search_from(text)
    m = _REPOSITORY_RE.search(text, origin)
    credit = CREDIT_START.search(text, origin)
    if m and (credit is None or m.start() < credit.start("start")):
        repo = _REPO_BY_FORM[m.group("form").lower()]
        start = _name_before_code(text, origin, m)
        name_end = m.end() + (1 if start < m.start() else 0)  # past the `)` closing the code
        end = _reference_end(text, name_end)
        parts = _per_archive(text, m, end)
        first_end = parts[0][1]
        tail = text[name_end : first_end].lstrip(" ,.;:")
        leading = _units_before(text, origin, start, repo)
        if leading is not None:  # `Szyfrogramy …, w-82 t-1264, Archiwum … (AMSZ), Warsaw`: units first
            tail = text[leading : start].rstrip(" ,;.")
            start = leading
        verbatim = text[start:end]
        citation = _build(repo, verbatim, tail, m.group("form"))
        others = tuple(_build(_REPO_BY_FORM[om.group("form").lower()], text[om.start():o_end],
                              text[om.end():o_end].lstrip(" ,.;:"), om.group("form"))
                       for om, o_end in parts[1:])
        if others:
            citation = replace(citation, others=others)
        return citation, start, end
    return _find_unknown(text, origin)


def _name_before_code(text: str, origin: int, code: re.Match) -> int:
    """Where the reference starts when the matched form is the code in parentheses after an
    archive's name the table does not list (`National Archives of Ruritania (MNL OL), …`): at
    that name (a city after it, `…, Budapest (MOL)`, belongs to it); else at the match."""
    before = text[origin:code.start()]
    if not text.startswith(")", code.end()) or not before.endswith("("):
        return code.start()
    head = before[:-1].rstrip()
    cuts = [0] + [b.end() for b in re.finditer(r"(?<=[,.;:])\s+", head)]
    at = cuts[-1]
    if len(cuts) > 1 and head[at:] in _SETTLEMENTS:
        at = cuts[-2]  # `Some Archives, Budapest (MOL)`
    name = head[at:]
    if not (name[:1].isupper() and _ARCHIVE_WORD.search(name)) or len(name.split()) > 12:
        return code.start()
    return origin + at


def _units_before(text: str, origin: int, at: int, repo: Repository) -> int | None:
    """Where a reference starts that prints its units before the archive's name, else None.

    The units are the clause right before the name (after the last sentence end), ending in
    a comma and holding a number: ``Szyfrogramy z Hawany 1962, w-82 t-1264, Archiwum …``.
    A clause ending in a full stop (``…, 6/77 w-83 t-1263. Polish Foreign Ministry Archive``)
    counts only when the archive's grammar reads two units or more in it.
    """
    before = text[origin:at].rstrip()
    if not before.endswith((",", ".")):
        return None
    cuts = [m.end() for m in re.finditer(r"(?<=[\w)\]]{2}[.;])\s+(?=[A-Z])", before)]
    start = origin + (cuts[-1] if cuts else 0)
    start += len(text[start:at]) - len(text[start:at].lstrip())
    clause = text[start:at]
    if not re.search(r"\d", clause) or CREDIT_START.search(clause) or len(clause.split()) > 16:
        return None
    if before.endswith(".") and len(repo.units(clause.rstrip(" ."))) < 2:
        return None
    return start


_ARCHIVE_LINK = re.compile(r"[\s,;.]*(?:\band\b|&)?[\s,;.]*$")


def _per_archive(text: str, first: re.Match, end: int) -> list[tuple[re.Match, int]]:
    """A reference naming several archives (`APRF, …; and AVPRF, …`): each archive and where its part ends."""
    found = [first]
    for m in _REPOSITORY_RE.finditer(text, first.end(), end):
        before = text[found[-1].end():m.start()]
        if re.search(r"(?:[;,]\s*(?:and\s+|also\s+)?|\s+and\s+)$", before) and re.search(r"\d", before):
            found.append(m)  # a new archive after a separator, once the previous one has its units
    out = []
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else end
        segment = text[m.start():stop]
        link = _ARCHIVE_LINK.search(segment)
        out.append((m, m.start() + (link.start() if link else len(segment))))
    return out


def _find_unknown(text: str, origin: int) -> tuple[Citation, int, int] | None:
    """An archive not in the table: `CODE, units…` or `Some Archive, units…`."""
    start = origin + len(text[origin:]) - len(text[origin:].lstrip())
    end = _reference_end(text, start)
    verbatim = text[start:end]
    if not verbatim or not re.search(r"\d", verbatim):
        return None
    lead = re.match(r"(?P<lead>[^,.;(]+?)\s*(?:\((?P<code>[^()]+)\))?\s*(?:[,.;]|$)", verbatim)
    if lead is None:
        return None
    leading = lead.group("code") or lead.group("lead").strip()
    looks_like_archive = re.fullmatch(r"[A-Z][A-Za-z]*[A-Z](?:[\s-][A-Z][A-Za-z]*)*", leading) or (
        _ARCHIVE_WORD.search(lead.group("lead"))
    )
    if not looks_like_archive:
        return None
    tail = verbatim[lead.end() :].lstrip(" ,.;:")
    return _build(None, verbatim, tail, leading), start, end


def parse_citation(text: str) -> Citation | None:
    """A citation from a paragraph (architecture name; see `find_citation`)."""
    found = find_citation(text)
    return found[0] if found else None


def original_language(credits: "Credits | None", facets, citation: "Citation | None") -> tuple[str, str]:
    """(code, name) of the original's language: the credits' "translated from", else a Language
    facet, else what the archive holds; ("und", "Undetermined") when nothing says."""
    statement = getattr(credits, "statement", "") or ""
    m = re.search(r"[Tt]ranslated from (\w+)", statement)
    if m and m.group(1) in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[m.group(1)], m.group(1)
    language = next((v for k, v in facets if k in ("Language", "Original Language")), None)
    if language and language in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[language], language
    code = getattr(citation, "repository", None)
    if code in ARCHIVE_LANGUAGE:
        return ARCHIVE_LANGUAGE[code]
    return "und", "Undetermined"
