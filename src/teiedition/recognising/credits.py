"""Credit statements and donor lines of the archive's pages: who obtained, translated, funded.

Why: the translators' and obtainers' ``respStmt``s and the ``funder``s come from short
printed sentences (``Obtained by X and translated by Y``, ``Translation courtesy of the
Foreign Broadcast Information Service``, ``This document was made possible with support
from …``); reading them apart from the archival references keeps each reader small.
Pure Python (no lxml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Credits:
    """Who obtained and translated the document, as printed."""

    statement: str
    translators: tuple[str, ...]
    obtainers: tuple[str, ...]
    programme: str | None


_ROLE_VERB = re.compile(
    r"\b(?P<verb>obtained|contributed|provided|donated|translated|translation|courtesy|(?-i:[Tt]rans\.(?=\s+[A-Z])))",
    re.IGNORECASE,
)
_ROLE_OF = {
    "obtained": "obtainer",
    "contributed": "obtainer",
    "provided": "obtainer",
    "donated": "obtainer",
    "translated": "translator",
    "translation": "translator",
    "courtesy": "obtainer",  # "copy courtesy of NSA": who provided the copy
    "trans.": "translator",  # "trans. J. Smith": the abbreviation, the name right after it
}
# A credit sentence starts with a role word, perhaps after a short qualifier
# (`English translation by`, `Original translation by`).
CREDIT_START = re.compile(
    r"(?:(?<=^)|(?<=[.;]\s)|(?<=[.;])|(?<=[.;][\"”’]\s)|(?<=,\s)(?=[a-z]))\s*(?P<start>"  # `"… Bhabha." Obtained by`
    r"(?:(?:English|Original|Russian|Document|Copy|Text|Also|Originally)\s+)?"
    r"(?:Obtained|Contributed|Provided|Donated|Translated|Translation|Courtesy)\b|(?-i:[Tt]rans\.(?=\s+[A-Z])))",
    re.IGNORECASE,
)
#: What introduces the names after a role word: ``by``, ``courtesy of``, or a colon (``Translation: X``).
_BY = re.compile(r"\bby\s+|\bcourtesy\s+of\s+|^\s*:\s*|^\s*of\s+(?=(?:the\s+)?[A-Z])")
#: ``provided to CWIHP``: the clause names who received a copy (no ``by``): no one is credited by it.
_RECIPIENT = re.compile(r"\s+to\s+(?:the\s+)?[A-Z]")
_FULL_STOP = re.compile(r"\.(?=\s|$)")
URL_TAIL = re.compile(r"\s+https?://")
_PARTICLES = frozenset({"van", "von", "de", "da", "der", "del", "di", "du", "la", "le", "bin", "ibn", "al", "el", "y"})


def _is_name_token(word: str) -> bool:
    """`Radchenko`, `A.`, `Szalontai`, `Štefan`, or a particle such as `van`."""
    return (word[:1].isalpha() and word[:1].isupper()) or word in _PARTICLES


def _sentence_end(text: str, start: int) -> int:
    """End (exclusive, after the full stop) of the sentence starting at `start`.

    A full stop after an initial (`A.`) or a one-letter token does not end it.
    """
    for m in _FULL_STOP.finditer(text, start):
        pos = m.start()
        word = re.search(r"(\S+)$", text[max(start, pos - 12) : pos])
        token = word.group(1) if word else ""
        if re.fullmatch(r"(?:[A-Z]|[A-Z]\.[A-Z]|Jr|Sr|Dr|Mr|Mrs|Ms|St|Prof|[Tt]rans)", token):
            continue
        return pos + 1
    url = URL_TAIL.search(text, start)
    return url.start() if url else len(text.rstrip())


def _names(text: str) -> list[str]:
    """`Sergey Radchenko`, `X and Y`, `X, Y, and Z`, `the Russian State Archive`.

    A name is a run of capitalised words, initials and particles; the list ends at the
    first other lower-case word (`slightly revised`).
    """
    names: list[str] = []
    pieces = re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", text)
    for k in range(0, len(pieces), 2):
        chunk = pieces[k]
        if k and names and _part_of_body(names[-1], pieces[k - 1], chunk):
            names[-1] = f"{names[-1]}, {chunk.strip().rstrip('.,;')}"
            continue
        if k and names and k == len(pieces) - 1 and _affiliation(names[-1], pieces[k - 1], chunk):
            break  # "John Smith, Harvard University": where the person works, no second translator
        words = chunk.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        tokens: list[str] = []
        for i, word in enumerate(words):
            joins_names = word in ("of", "the", "for") and i + 1 < len(words) and words[i + 1][:1].isupper()
            if not (_is_name_token(word) or (tokens and joins_names)):
                break
            tokens.append(word)
        while tokens and tokens[-1] in ("of", "the", "for"):
            tokens.pop()
        if tokens and tokens[0][0].isupper():
            names.append(" ".join(tokens).rstrip(".,;"))
        if len(tokens) < len(words):
            break  # `slightly revised`: the name list is over
    return names


#: Words of an institution's name (`… Archive`, `… University`); an acronym is `IFES`, `NSA`.
_INSTITUTION = re.compile(r"\b(?:Archives?|Institute|Institution|Center|Centre|University|Foundation|"
                          r"Library|Museum|Academy)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z&-]{1,9}")


def _part_of_body(previous: str, separator: str, chunk: str) -> bool:
    """Whether `chunk`, after a bare comma, continues the body named before it: an institute's
    acronym after an institution (`North Korean Materials Archive, IFES`), then the university
    holding both (`…, IFES, Kyungnam University`).  People and bodies joined by `and` stay apart."""
    chunk = chunk.strip().rstrip(".,;")
    if separator.strip() != "," or not _INSTITUTION.search(previous):
        return False
    last = previous.rsplit(", ", 1)[-1]
    return bool(_ACRONYM.fullmatch(chunk)) or bool(
        _ACRONYM.fullmatch(last) and _INSTITUTION.search(chunk) and chunk[:1].isupper()
        and len(chunk.split()) <= 5)


def _affiliation(previous: str, separator: str, chunk: str) -> bool:
    """Whether `chunk`, the last of a list after a bare comma, is the institution of the person named
    before it (`John Smith, Harvard University`): an institution's name after a person's, no `and`."""
    return separator.strip() == "," and not _INSTITUTION.search(previous) and not _ACRONYM.fullmatch(previous) \
        and len(previous.split()) >= 2 and bool(_INSTITUTION.search(chunk)) and chunk.strip()[:1].isupper()


def _programme(clause: str) -> str | None:
    m = re.search(r"\bfor\s+(?:the\s+)?(?P<prog>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", clause)
    return m.group("prog") if m else None


def _parse_statement(statement: str) -> Credits:
    translators: list[str] = []
    obtainers: list[str] = []
    programme: str | None = None
    pending: list[str] = []
    verbs = list(_ROLE_VERB.finditer(statement))
    for i, verb in enumerate(verbs):
        clause_end = verbs[i + 1].start() if i + 1 < len(verbs) else len(statement)
        clause = statement[verb.end() : clause_end]
        role = _ROLE_OF[verb.group("verb").lower()]
        if not (role == "obtainer" and pending == ["translator"]
                and re.fullmatch(r"\s*", statement[verbs[i - 1].end() : verb.start()])):
            pending.append(role)  # "translation provided by X": X provided the translation only
        by = re.match(r"\s*", clause) if verb.group("verb").lower() == "trans." else _BY.search(clause)
        if by is None:
            if _RECIPIENT.match(clause):  # "provided to CWIHP": who received the copy, no role of its own
                pending.pop()
            continue  # `Obtained and translated by X`: the next clause names them
        programme = programme or _programme(clause[: by.start()]) or _programme(clause[by.end():])
        names_text = re.sub(r"\bfor\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", "", clause[by.end():])
        names = _names(re.sub(r"[\s,;.]*(?:and\s*)?$", "", names_text.strip()))
        for role in pending:
            target = translators if role == "translator" else obtainers
            target.extend(n for n in names if n not in target)
        pending = []
    return Credits(statement, tuple(translators), tuple(obtainers), programme)


def find_credits(text: str) -> tuple[Credits, int, int] | None:
    """The obtained/translated statement inside a paragraph, and its span in `text`.

    Consecutive credit sentences (`Obtained by X. Translated by Y.`) form one statement.
    """
    first = None
    for m in CREDIT_START.finditer(text):
        if _BY.search(text[m.end("start") : _sentence_end(text, m.start("start"))]):
            first = m
            break
    if first is None:
        return None
    start = first.start("start")
    end = _sentence_end(text, start)
    while True:
        nxt = CREDIT_START.match(text, end)
        if nxt is None or not text[end : nxt.start("start")].strip() == "":
            break
        end = _sentence_end(text, nxt.start("start"))
    statement = text[start:end].rstrip()
    credits = _parse_statement(statement)
    if not credits.translators and not credits.obtainers:
        return None
    return credits, start, start + len(statement)


def parse_credits(text: str) -> Credits | None:
    """Credits from a paragraph (architecture name; see `find_credits`)."""
    found = find_credits(text)
    return found[0] if found else None


_DONOR_LINE = re.compile(r"made possible (?:with|by|through) (?:the )?(?:generous )?support (?:from|of)\s+", re.I)


def split_funders(text: str) -> list[str]:
    """Donors named in `This document was made possible with support from X`.

    A leading `the` is dropped; old-layout lists are split at `, ` (and a final `and`).
    """
    m = _DONOR_LINE.search(text)
    names = text[m.end() :] if m else text
    names = names.strip().rstrip(".").strip()
    funders = []
    for part in re.split(r",\s+", names):
        part = re.sub(r"^(?:and\s+)?(?:the\s+)", "", part.strip(), flags=re.I)
        part = re.sub(r"^and\s+", "", part, flags=re.I)
        if part:
            funders.append(part)
    return funders
