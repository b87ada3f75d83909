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

from .archive_units import (
    UNIT_LABELS,
    amae_units,
    amsz_units,
    folio_range,
    fond_then_file,
    labelled_units,
    mol_units,
    prc_fma_units,
    russian_units,
    sapmo_units,
)
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
               "Moscow", "Russia", russian_units),
    Repository("APRF", "Archive of the President of the Russian Federation",
               ("AP RF", "Presidential Archive of the Russian Federation"),
               "Moscow", "Russia", russian_units),
    Repository("AVPRF", "Archive of Foreign Policy of the Russian Federation",
               ("AVP RF", "Archive of the Foreign Policy of the Russian Federation",
                "Foreign Policy Archive of the Russian Federation"),
               "Moscow", "Russia", russian_units),
    Repository("GARF", "State Archive of the Russian Federation", (),
               "Moscow", "Russia", russian_units),
    Repository("RGASPI", "Russian State Archive of Social and Political History",
               ("RTsKhIDNI", "Russian State Archive of Socio-Political History"),
               "Moscow", "Russia", russian_units),
    Repository("RGAE", "Russian State Archive of the Economy", (),
               "Moscow", "Russia", russian_units),
    Repository("PRC FMA", "Archive of the Ministry of Foreign Affairs of the People's Republic of China",
               ("PRC Foreign Ministry Archive", "Chinese Foreign Ministry Archive",
                "Archive of the Ministry of Foreign Affairs of the PRC", "PRC Ministry of Foreign Affairs Archive",
                "Chinese Ministry of Foreign Affairs Archive"),
               "Beijing", "China", prc_fma_units),
    Repository("MOL", "Hungarian National Archives",
               ("MNL OL", "Magyar Országos Levéltár", "Magyar Orszagos Leveltar", "Hungarian National Archives"),
               "Budapest", "Hungary", mol_units),
    Repository("AMSZ", "Archive of the Polish Ministry of Foreign Affairs",
               ("Polish Foreign Ministry Archive", "Archiwum MSZ", "Archiwum Ministerstwa Spraw Zagranicznych",
                "Archive of the Polish Foreign Ministry"),
               "Warsaw", "Poland", amsz_units),
    Repository("SAPMO-BArch",
               "Foundation Archives of Parties and Mass Organizations of the GDR in the Federal Archives",
               ("SAPMO BArch", "SAPMO", "BA-SAPMO", "SAPMO-BA", "BArch-SAPMO"),
               "Berlin", "Germany", sapmo_units),
    Repository("PolA AA", "Political Archive of the Federal Foreign Office",
               ("PA AA", "PAAA", "Politisches Archiv des Auswärtigen Amts"),
               "Berlin", "Germany", fond_then_file),
    Repository("AMAE", "Archive of the Romanian Ministry of Foreign Affairs",
               ("Romanian Foreign Ministry Archive",),
               "Bucharest", "Romania", amae_units),
    Repository("AJ", "Archives of Yugoslavia", ("Arhiv Jugoslavije",),
               "Belgrade", "Serbia", fond_then_file),
)


def _name_variants(form: str) -> set[str]:
    """An archive's name in both numbers and both word orders: `Archive of the Romanian Ministry of
    Foreign Affairs` is also printed `Archives of the …` and `Romanian Ministry of Foreign Affairs
    Archives`; `Polish Foreign Ministry Archive` also `… Archives`."""
    lead = re.fullmatch(r"Archives? of (?:the )?(?P<body>.+)", form)
    trail = re.fullmatch(r"(?P<body>.+) Archives?", form)
    if not (lead or trail):
        return {form}
    body = (lead or trail).group("body")
    return {form, f"{body} Archive", f"{body} Archives"} | (
        {f"Archive of the {body}", f"Archives of the {body}", f"Archive of {body}", f"Archives of {body}"}
        if lead else set())


def _printed_forms(repo: Repository) -> list[str]:
    forms = {variant for form in (repo.name, *repo.aliases) for variant in _name_variants(form)}
    return sorted({repo.code, *forms}, key=len, reverse=True)


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
    r"^(?:" + "|".join(label for label, _ in UNIT_LABELS) + r")\b\.?", re.IGNORECASE
)
#: A printed volume's shape, not an archive's (hdr5): its imprint (``(Washington: Government Printing Office,
#: 1966)``) or its editors (``eds.``, ``ed. by``, ``edited by``).
PUBLICATION_RE = re.compile(r"\([A-Z][\w .,'-]{1,40}:\s*[A-Z][^()]{2,80},\s*(?:1[89]|20)\d\d\)|\b(?:eds?\.|edited\s+by)(?=\s|[A-Z])")
_ARCHIVE_WORD = re.compile(r"\b(?:Archives?|Archiv|Arhiv|Library|Papers|Collection|Fonds?)\b")


#: Words of a holding's description after the units (a collection, its microfilm reels).
_HOLDING_WORD = re.compile(r"(?i)\b(?:microfilm|microfiche|reel|roll)\b")


def _holding_continues(rest: str) -> bool:
    """The sentence after a reference's stop describes where the file is held (``…, microfilm, reel
    83``) and runs to the credits: part of the reference, not a new sentence."""
    rest = rest.strip().rstrip(".")
    return bool(_HOLDING_WORD.search(rest) and re.search(r"\d", rest)) and len(rest.split()) <= 30 \
        and not re.search(r"\.\s+[A-Z]", rest)


#: A remark on the document's publication or compiler after the reference's units (hdr4).
PUBLICATION_REMARK = re.compile(r"[.,;]*\s+(?i:(?:first\s+|originally\s+|also\s+)?published\s+in|compiled\s+by|edited\s+by)\b")


def _reference_end(text: str, start: int) -> int:
    """Where the printed reference ends: before its final full stop, the credits or a URL."""
    limit = len(text)
    credit = CREDIT_START.search(text, start)
    if credit:
        limit = credit.start("start")
    url = URL_TAIL.search(text, start, limit)
    if url:
        limit = url.start()
    remark = PUBLICATION_REMARK.search(text, start, limit)
    if remark:  # `ll. 1-5., first published in …`, `Ll. 49-50, compiled by V. N. Malin`: no unit of the reference
        limit = remark.start()
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
        units = labelled_units(tail) or fond_then_file(tail)
        code, name, settlement, country = leading, leading, "", ""
    else:
        units = repo.units(tail)
        code, name, settlement, country = repo.code, repo.name, repo.settlement, repo.country
    folio_from, folio_to = folio_range(units["folios"]) if "folios" in units else (None, None)
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
        name_end = m.end() + (1 if text[m.start() - 1 : m.start()] == "(" and text.startswith(")", m.end()) else 0)
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


_ARCHIVE_NAME = re.compile(r"\b(?:Archives?|Archiv|Archiwum|Arhiv|Levéltár)\b")


def _name_before_code(text: str, origin: int, code: re.Match) -> int:
    """Where the reference starts when the matched form is the code in parentheses after an
    archive's name the table does not list (`National Archives of Ruritania (MNL OL), …`): at
    that name (a city after it, `…, Budapest (MOL)`, belongs to it); else at the match."""
    before = text[origin:code.start()]
    if not text.startswith(")", code.end()) or not before.endswith("("):
        return code.start()
    head = before[:-1].rstrip()
    sentence = max((b.end() for b in re.finditer(r"(?<=[\w)\]]{2}[.;:])\s+", head)), default=0)
    starts = [sentence] + [b.end() for b in re.finditer(r"(?<=,)\s+", head, sentence)]
    ends = [b - 1 for b in starts[1:]] + [len(head)]
    # the name is one of the last three parts (`…, Budapest (MOL)`, `Archive of …, Russian Federation (AVP RF)`)
    for at, stop in list(zip(starts, ends))[-3:][::-1]:
        if head[at:at + 1].isupper() and _ARCHIVE_NAME.search(head[at:stop]) and len(head[at:].split()) <= 14:
            return origin + at
    return code.start()


def _units_before(text: str, origin: int, at: int, repo: Repository) -> int | None:
    """Where a reference starts that prints its units before the archive's name, else None.

    The units are the clause right before the name (after the last sentence end), ending in
    a comma and holding a number: ``Szyfrogramy z Hawany 1962, w-82 t-1264, Archiwum …``.
    A clause ending in a full stop or a semicolon (``…, 6/77 w-83 t-1263. Polish Foreign Ministry
    Archive``) counts only when the archive's grammar reads two units or more in it.
    """
    before = text[origin:at].rstrip()
    if not before.endswith((",", ".", ";")):
        return None
    cuts = [m.end() for m in re.finditer(r"(?<=[\w)\]]{2}[.;])\s+(?=[A-Z])", before)]
    start = origin + (cuts[-1] if cuts else 0)
    start += len(text[start:at]) - len(text[start:at].lstrip())
    clause = text[start:at]
    if not re.search(r"\d", clause) or CREDIT_START.search(clause) or len(clause.split()) > 16:
        return None
    if before.endswith((".", ";")) and len(repo.units(clause.rstrip(" .;"))) < 2:
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
    if not looks_like_archive or PUBLICATION_RE.search(text[start:]):
        return None  # a printed volume (``…, eds. …, (Washington: Government Printing Office, 1966), 972-975``)
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
