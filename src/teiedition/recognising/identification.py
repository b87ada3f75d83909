"""Supplied identification or gloss: what a bracket of names and titles does, told by where it stands.

Why: ``[Cuban Defense Minister] Raoul Castro`` and ``[Nikita] Khrushchev`` add words that
say who is meant (the translator's addition, ``supplied``), while ``they [the East
Germans]`` and ``CC [Central Committee]`` restate the word before them (a gloss).  The
words inside look alike; their position does not: words standing right before a name
identify it, words right after a pronoun or an abbreviation restate it.  The authority
file tells a restated name (``Filippov [Stalin]``, one person) from a completed one
(``Premier Zhou [Enlai]``).
"""

from __future__ import annotations

import re

#: Pronouns whose bracket says who or what they are (``they [the East Germans]``); possessives
#: (``their [Chinese] commissars``) take an added adjective instead and are left out.
RESTATED_PRONOUNS = frozenset("he she they it him her them we us you this that these those".split())
DEMONSTRATIVES = frozenset("this that these those".split())
#: The next word of the block after a bracket (bounded look-ahead: time stays linear).
NEXT_WORD_RE = re.compile(r"[ \t]*([^\W\d_][\w’'.-]*)")
#: Words that open a clause or a phrase, never a name, even when capitalised at a line's start.
NOT_A_NAME = frozenset("I A An The And But Or Of In On At To For By With From As If It He She We They".split())
#: Titles before a name: ``Premier Zhou [Enlai]`` completes the name after such a title.
TITLE_RE = re.compile(r"(?:Comrade|Cde\.|Premier|Chairman|Minister|Ambassador|President|Secretary|General|Marshal|"
                      r"Mr\.|Mrs\.|Ms\.|Dr\.|Vice|Deputy|Director|Consul|Counsellor|Prince|King)\s+$")
#: English closed-class words: capitalised only at a sentence's start, never a name.
CLOSED_CLASS = frozenset("""i a an the this that these those his her its our their my your he she it we they
    you and but or so then since when while after before also however thus there here as if at in on to of
    for by with from upon later meanwhile moreover furthermore therefore finally""".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())


def gloss_after_pronoun(token: str, content: str) -> bool:
    """``they [the East Germans]``, ``him [Kim Il Sung]``: the bracket says who the pronoun is."""
    if token.lower().strip(",") not in RESTATED_PRONOUNS or token.endswith(","):
        return False
    first = content.split()[0]
    if token.lower() in DEMONSTRATIVES:  # "that [Cuba] will": a conjunction as often as a pronoun
        return first in ("the", "The")
    return first in ("the", "The") or (first[0].isupper() and first not in NOT_A_NAME)


def opens_sentence(word: str) -> bool:
    """A capitalised word of the closed classes (``Then``, ``Their``, ``Since``): no name to restate."""
    return word.lower() in CLOSED_CLASS


def identifies_what_follows(text: str, token_start: int, end: int, token: str, content: str) -> bool:
    """Words in brackets that add to a name rather than restate the word before them.

    ``[Cuban Defense Minister] Raoul Castro``, ``Comrade [Mehmet] Shehu``: a name follows the
    bracket, and the word before it is no name to restate (a title, a lower-case or closed-class
    word, nothing).  ``Premier Zhou [Enlai]``: a one-word name after a title, completed by the
    bracket (unless the authority file knows both as one person: ``Comrade Filippov [Stalin]``
    is a gloss).  ``31 [October]``: a date completed.
    """
    words = content.split()
    if not all(w[0].isupper() or w in ("of", "to", "the", "for", "and", "in") for w in words):
        return False
    if token.isdigit():
        return content in MONTHS
    nxt = NEXT_WORD_RE.match(text, end, min(len(text), end + 80))
    names_before = bool(token) and token[0].isupper() and not _is_title(token) and not opens_sentence(token)
    if nxt and nxt.group(1)[0].isupper() and nxt.group(1) not in NOT_A_NAME:
        return not names_before or (not token.isupper() and _title_before(text, token_start))
    return names_before and _completes_name(text, token_start, token, content)


def _is_title(token: str) -> bool:
    return bool(TITLE_RE.match(token + " "))


def _title_before(text: str, token_start: int) -> bool:
    """Is the word before the one at ``token_start`` a title (``Premier`` in ``Premier Zhou``)?"""
    return bool(TITLE_RE.search(text, max(0, token_start - 40), token_start))


def _completes_name(text: str, token_start: int, token: str, content: str) -> bool:
    """``Premier Zhou [Enlai]``: a title, a one-word name, the rest of the name in the bracket."""
    if token.isupper() or len(content.split()) > 2 or token[-1] in ".,;:":
        return False
    if not _title_before(text, token_start):  # "Kim [Il Sung]": only when the authority file knows the whole name
        return _known_person(f"{token} {content}")
    return not _same_person(token, content)


def _known_person(form: str) -> bool:
    from .entities import default_authority

    found = default_authority().find_mentions(form)
    return bool(found) and found[0].start == 0 and found[0].end == len(form) and found[0].entry.kind == "person"
def _same_person(a: str, b: str) -> bool:
    """Does the authority file know both forms as one person (``Filippov``, ``Stalin``)?"""
    from .entities import default_authority

    def entry(form):
        found = default_authority().find_mentions(form)
        return found[0].entry.id if found and found[0].start == 0 and found[0].end == len(form) else None

    first = entry(a)
    return first is not None and first == entry(b)
