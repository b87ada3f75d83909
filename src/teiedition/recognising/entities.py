"""Named entities: an editable authority file and a fast matcher over plain text.

Why: persons, organisations and places are linked by ``@ref`` to ``standOff``
lists, and adding a person must be editing data, not code.  The authority lives
in ``data/authority.toml`` (shipped with the package); extra TOML files, given
as arguments or through ``TEIEDITION_AUTHORITY``, are merged on top.  All forms
are compiled into one regular expression (a trie, so the longest form at a
position wins and matching stays linear in the text), built once per
``Authority``.

Matching rules (see docs/authority.md):
  * case-sensitive, leftmost match first, then the longest form at that point;
    each form also matches in capitals (``A. M. PUZANOV``) and a person's
    one-word form letter-spaced (``R O S H C H I N``), as signatures print them;
  * whitespace in a form matches any run of whitespace, U+00A0 and line breaks
    included; after a full stop it is optional (``L.I. Brezhnev``); an
    apostrophe matches ``'``, ``’`` or ``‘``;
  * a form never matches inside a longer word (``China`` not in ``Chinese``,
    ``KWP`` not in ``KWPs``), but a possessive ``’s`` may follow (``KWP’s``:
    the span covers ``KWP``);
  * a form is not matched as the tail or head of a lower-case hyphenated
    compound (``pro-Peking``, ``Moscow-based``, ``Kim Il-sung`` for ``Kim Il``),
    while ``DPRK–Japan`` or ``USSR-DPRK`` still match both names;
  * phrases listed under ``ignore`` match but name nothing, so a shorter name
    inside them is not tagged (``Far East Department`` hides ``Far East``).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..errors import InputError

KINDS = ("person", "org", "place")
ID_PREFIX = {"person": "pers-", "org": "org-", "place": "place-"}
ENV_VAR = "TEIEDITION_AUTHORITY"
MAX_FILE_BYTES = 5_000_000

_AMBIGUOUS = object()  # a printed variant two entries would claim
_ENTRY_KEYS = {"id", "name", "forms", "note", "sameAs", "aliases", "family_name_first"}
_ID_RE = re.compile(r"^(pers|org|place)-[a-z0-9]+(?:-[a-z0-9]+)*$")
_URI_RE = re.compile(r"^https?://\S+$")
_APOSTROPHES = "'’‘"
_SPACE_RE = re.compile(r"\s+")  # str patterns: \s includes U+00A0 and other Unicode spaces
# Trie tokens: "a whitespace run", "optional whitespace" (after a full stop), "an apostrophe".
_WS, _OPT_WS, _APOS = object(), object(), object()


@dataclass(frozen=True)
class Entry:
    """One authority record: what ``@ref`` points to and the forms that name it."""

    id: str
    kind: str
    name: str
    forms: tuple[str, ...]
    note: str | None = None
    sameAs: str | None = None  # noqa: N815  (TEI attribute name; never fetched)
    #: Other names a reader may search for (romanisations, the name in its own script); never matched in text.
    aliases: tuple[str, ...] = ()
    #: The name is written family name first (Kim Il Sung, Zhou Enlai): it sorts by its first word.
    family_name_first: bool = False


@dataclass(frozen=True)
class Mention:
    """A span ``text[start:end]`` that names ``entry``."""

    start: int
    end: int
    entry: Entry


def form_key(surface: str) -> str:
    """The lookup key of a surface form: one space per whitespace run, none after a
    full stop, and ’ for every apostrophe; text and form match when their keys do."""
    key = _SPACE_RE.sub(" ", surface.strip()).replace(". ", ".")
    for ch in _APOSTROPHES:
        key = key.replace(ch, "’")
    return key


def printed_variants(form: str, kind: str = "person") -> list[str]:
    """Other ways the archive prints a form: in capitals, and a one-word surname letter-spaced."""
    variants = [form.upper()]
    if kind == "person" and " " not in form and len(form) >= 4 and form.isalpha() and not form.isupper():
        variants += [" ".join(form), " ".join(form.upper())]
    return [v for v in variants if v != form]


class Authority:
    """The merged authority: entries by id, and one compiled matcher over all forms."""

    def __init__(self, entries: Iterable[Entry], ignore: Iterable[str] = ()):
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        self.ignore: tuple[str, ...] = tuple(dict.fromkeys(ignore))
        # key -> entry, or None for an ignored phrase.  Forms as written first:
        # two entries sharing one is an error; printed variants fill in after,
        # and one claimed by two entries is dropped rather than guessed.
        self._by_form: dict[str, Entry | None] = {}
        for entry in self._entries.values():
            for form in entry.forms:
                key = form_key(form)
                other = self._by_form.get(key)
                if other is not None and other.id != entry.id:
                    raise InputError(
                        f"authority: form {form!r} names both {other.id} and {entry.id}; "
                        "a form must name one entry"
                    )
                self._by_form[key] = entry
        for phrase in self.ignore:
            key = form_key(phrase)
            if self._by_form.get(key) is not None:
                raise InputError(
                    f"authority: ignored phrase {phrase!r} is a form of {self._by_form[key].id}"
                )
            self._by_form[key] = None
        claimed: dict[str, Entry | None] = {}
        for entry in [*self._entries.values(), None]:
            for form in entry.forms if entry else self.ignore:
                for variant in printed_variants(form, entry.kind if entry else "ignore"):
                    key = form_key(variant)
                    if key in self._by_form:
                        continue
                    if key in claimed and claimed[key] is not entry:
                        claimed[key] = _AMBIGUOUS
                    else:
                        claimed[key] = entry
        self._by_form.update({k: v for k, v in claimed.items() if v is not _AMBIGUOUS})
        self._pattern = _compile_forms(self._by_form)

    # -- loading ---------------------------------------------------------------

    @classmethod
    def load(cls, *paths: str | os.PathLike) -> "Authority":
        """The packaged authority, then ``$TEIEDITION_AUTHORITY``, then ``paths``, merged in order.

        A later file replaces an entry with the same id (to correct or extend
        it) and adds new ones.  Bad data raises ``InputError`` with file:line.
        The result is immutable and cached per process for the same files
        (same path, size and modification time), so a build pays for parsing
        and compiling once.
        """
        extra = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
        files = [Path(p) for p in [*extra, *paths]]
        key = tuple((str(f), *_stamp(f)) for f in files)
        cached = _LOADED.get(key)
        if cached is not None:
            return cached
        merged: dict[str, Entry] = {}
        ignore: list[str] = []
        sources: list[tuple[str, str]] = [("data/authority.toml", _packaged_text())]
        sources += [(str(f), _read_file(f)) for f in files]
        for name, text in sources:
            entries, phrases = parse_authority(text, name=name)
            for entry in entries:
                merged[entry.id] = entry
            ignore += phrases
        authority = cls(merged.values(), ignore)
        if len(_LOADED) >= 8:
            _LOADED.clear()
        _LOADED[key] = authority
        return authority

    # -- queries ---------------------------------------------------------------

    def get(self, id: str) -> Entry:  # noqa: A002  (the interface's name)
        """The entry with this xml:id; ``KeyError`` when there is none."""
        return self._entries[id]

    def entries(self, kind: str | None = None) -> list[Entry]:
        """All entries in load order (packaged file order, then additions), optionally of one kind."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        return [e for e in self._entries.values() if kind is None or e.kind == kind]

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, id: object) -> bool:
        return id in self._entries

    def find_mentions(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in ``text``, left to right, longest form first at each point."""
        if self._pattern is None:
            return []
        by_form = self._by_form
        found = []
        for m in self._pattern.finditer(text):
            entry = by_form[form_key(m.group())]
            if entry is not None:  # None: an ignored phrase
                found.append(Mention(m.start(), m.end(), entry))
        return found

    def naming(self, form: str) -> Entry | None:
        """The entry one of whose forms is the whole of ``form`` (``CC CPSU``, ``Port Arthur``), else None:
        the recognisers' question "is this line, this bracket, exactly a name the file knows?"."""
        found = self.find_mentions(form)
        return found[0].entry if found and found[0].start == 0 and found[0].end == len(form) else None


# -- reading and checking the TOML ---------------------------------------------

_LOADED: dict[tuple, Authority] = {}


def _stamp(path: Path) -> tuple[int, int]:
    """(size, mtime) of a file, or (-1, -1) when it cannot be read (reported on load)."""
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=1)
def default_authority() -> Authority:
    """The packaged authority file plus ``$TEIEDITION_AUTHORITY``, loaded once per process."""
    return Authority.load()


def _packaged_text() -> str:
    return resources.files("teiedition").joinpath("data/authority.toml").read_text("utf-8")


def _read_file(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError("authority file too large (over 5 MB)", path=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("authority file not found", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("authority path is a directory, not a TOML file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read authority file: {exc.strerror}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from None


def parse_authority(text: str, *, name: str = "<authority>") -> tuple[list[Entry], list[str]]:
    """Entries and ignored phrases of one TOML authority file, checked.

    ``InputError`` names the file and line of the first problem.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)$", message)
        if where:
            message = message[: where.start()].rstrip()
            raise InputError(
                f"invalid TOML: {message} (column {where.group(2)})",
                path=f"{name}:{where.group(1)}",
            ) from None
        raise InputError(f"invalid TOML: {message}", path=name) from None
    headers = _table_header_lines(text)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    ignore = data.pop("ignore", [])
    if not isinstance(ignore, list) or not all(
        isinstance(p, str) and p.strip() and (p.strip()[0].isalnum()) for p in ignore
    ):
        raise InputError(
            "ignore must be a list of phrases, each starting with a letter or digit",
            path=f"{name}:{_key_line(text, 'ignore')}",
        )
    for kind, records in data.items():
        if kind not in KINDS:
            raise InputError(
                f"unknown kind [[{kind}]]; expected [[person]], [[org]], [[place]] or ignore",
                path=f"{name}:{_key_line(text, kind)}",
            )
        if not isinstance(records, list):
            raise InputError(
                f"{kind} must be written as [[{kind}]] tables, one per entry",
                path=f"{name}:{_key_line(text, kind)}",
            )
        for index, record in enumerate(records):
            line = headers.get((kind, index), 0)
            where = f"{name}:{line}" if line else name
            entry = _entry_from_record(kind, record, where)
            if entry.id in seen:
                first = f" (first at line {seen[entry.id]})" if seen[entry.id] else ""
                raise InputError(f"duplicate id {entry.id!r}{first}", path=where)
            seen[entry.id] = line
            entries.append(entry)
    return entries, [_SPACE_RE.sub(" ", p.strip()) for p in ignore]


def _entry_from_record(kind: str, record: object, where: str) -> Entry:
    def fail(message: str) -> InputError:
        return InputError(message, path=where)

    if not isinstance(record, dict):
        raise fail(f"[[{kind}]] entry must be a table")
    unknown = sorted(set(record) - _ENTRY_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_ENTRY_KEYS))}")
    ident = record.get("id")
    if not isinstance(ident, str) or not ident:
        raise fail(f"[[{kind}]] entry has no id")
    if not _ID_RE.match(ident):
        raise fail(
            f"bad id {ident!r}: use {ID_PREFIX[kind]} and a slug of lower-case letters, "
            "digits and hyphens"
        )
    if not ident.startswith(ID_PREFIX[kind]):
        raise fail(f"id {ident!r} of a [[{kind}]] must start with {ID_PREFIX[kind]!r}")
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail(f"{ident}: name is missing or empty")
    forms = record.get("forms")
    if not isinstance(forms, list) or not forms:
        raise fail(f"{ident}: forms is missing or empty (list the names as printed)")
    clean_forms: list[str] = []
    for form in forms:
        if not isinstance(form, str) or not form.strip():
            raise fail(f"{ident}: every form must be a non-empty string")
        form = _SPACE_RE.sub(" ", form.strip())
        if not (form[0].isalnum() or form[0] == "_"):
            raise fail(f"{ident}: form {form!r} must start with a letter or digit")
        if form not in clean_forms:
            clean_forms.append(form)
    note = record.get("note")
    if note is not None:
        if not isinstance(note, str) or "\n" in note.strip():
            raise fail(f"{ident}: note must be one line of text")
        note = note.strip() or None
    same_as = record.get("sameAs")
    if same_as is not None and (not isinstance(same_as, str) or not _URI_RE.match(same_as)):
        raise fail(f"{ident}: sameAs must be an http(s) URI")
    aliases = record.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail(f"{ident}: aliases must be a list of non-empty strings")
    family_first = record.get("family_name_first", False)
    if not isinstance(family_first, bool):
        raise fail(f"{ident}: family_name_first must be true or false")
    return Entry(
        id=ident, kind=kind, name=name.strip(), forms=tuple(clean_forms), note=note, sameAs=same_as,
        aliases=tuple(dict.fromkeys(_SPACE_RE.sub(" ", a.strip()) for a in aliases)),
        family_name_first=family_first,
    )


def _table_header_lines(text: str) -> dict[tuple[str, int], int]:
    """(kind, n) -> line number of the n-th ``[[kind]]`` header, for messages."""
    found: dict[tuple[str, int], int] = {}
    counts: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        m = re.match(r"\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]", line)
        if m:
            kind = m.group(1)
            found[(kind, counts.get(kind, 0))] = number
            counts[kind] = counts.get(kind, 0) + 1
    return found


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\[*\s*{re.escape(key)}\s*[\].=]", line):
            return number
    return 1


# -- compiling the matcher -------------------------------------------------------


def _tokens(key: str) -> list[object]:
    out: list[object] = []
    for i, ch in enumerate(key):
        out.append(_WS if ch == " " else _APOS if ch == "’" else ch)
        if ch == "." and i + 1 < len(key):
            out.append(_OPT_WS)  # keys hold no space after a full stop
    return out


def _compile_forms(by_form: dict[str, Entry | None]) -> re.Pattern[str] | None:
    """One regex for all forms: a trie of tokens, so alternatives never share a first token."""
    if not by_form:
        return None
    trie: dict = {}
    for key in by_form:
        node = trie
        for token in _tokens(key):
            node = node.setdefault(token, {})
        node[None] = True  # a form ends here
    # Not inside a word, not the tail of a lower-case compound (pro-Peking).
    # After it: no word character (KWPs), no lower-case compound (Kim Il-sung).  When
    # the check fails the engine backtracks into the trie to a shorter form.
    before = r"(?<![\w])(?<![a-z][-‐‑])"
    after = r"(?!\w)(?![-‐‑][a-z])"
    return re.compile(before + _trie_regex(trie) + after)


_TOKEN_REGEX: dict[object, str] = {_WS: r"\s+", _OPT_WS: r"\s*", _APOS: "['’‘]"}


def _token_regex(token: object) -> str:
    regex = _TOKEN_REGEX.get(token)
    if regex is None:
        regex = _TOKEN_REGEX[token] = re.escape(str(token))
    return regex


def _trie_regex(node: dict) -> str:
    """The regex of a trie node: a run of single children, then one group of alternatives."""
    run: list[str] = []
    while None not in node and len(node) == 1:  # one way on: no group needed
        (token, node), = node.items()
        run.append(_token_regex(token))
    branches = [
        _token_regex(token) + _trie_regex(node[token])
        for token in sorted((t for t in node if t is not None), key=_token_sort_key)
    ]
    if None in node:
        branches.append("")  # last: a longer form is tried before ending here
    if len(branches) == 1:
        return "".join(run) + branches[0]
    return "".join(run) + "(?:" + "|".join(branches) + ")"


def _token_sort_key(token: object) -> tuple[int, str]:
    if token is _WS:
        return (1, " ")
    if token is _OPT_WS:
        return (1, "")
    if token is _APOS:
        return (1, "’")
    return (0, str(token))


# -- checking an authority file from the shell -------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Check authority files and show what they would tag in texts.

    Example: python -m teiedition.recognising.entities -a local.toml seeds/000_fcc578db0f85cc6f.txt
    """
    import argparse
    import sys

    from ..errors import TeiEditionError
    from ..files import decode_source

    parser = argparse.ArgumentParser(
        prog="python -m teiedition.recognising.entities", description=main.__doc__.splitlines()[0]
    )
    parser.add_argument("-a", "--authority", action="append", default=[], metavar="TOML",
                        help="an extra authority file merged on top (repeatable)")
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="plain-text sources to scan")
    args = parser.parse_args(argv)
    try:
        authority = Authority.load(*args.authority)
        counts = ", ".join(f"{len(authority.entries(k))} {k}" for k in KINDS)
        print(f"authority: {len(authority)} entries ({counts})")
        for name in args.texts:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror}", path=name) from None
            text = decode_source(data, name=name).text
            for m in authority.find_mentions(text):
                line = text.count("\n", 0, m.start) + 1
                column = m.start - (text.rfind("\n", 0, m.start) + 1) + 1
                surface = _SPACE_RE.sub(" ", text[m.start : m.end])
                print(f"{name}:{line}:{column}: {surface} -> {m.entry.id}")
    except TeiEditionError as exc:
        print(f"teiedition.recognising.entities: error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
