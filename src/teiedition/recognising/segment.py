"""Split a paragraph into sentences, the unit marginal-mark notes count in.

Why: "the previous two sentences were highlighted" is resolved by counting sentences,
so the splitter must survive what these translations are full of: initials
(`L. I. Brezhnev`), `Cde.`, `Nº`, quotations, brackets and list labels.

Decisions (documented for the README):

- A sentence ends at `.`, `?`, `!`, `…` or `...` followed by whitespace and a word that
  can start a sentence (not a lower-case letter). The span takes in the closing
  quotation marks and brackets that follow the punctuation (`as “guidance”.` and
  `“... forces”.` end after the quote; `follows them.)` after the bracket).
- No break after an abbreviation from `ABBREVIATIONS`, after a single capital letter
  (an initial), or after a list label at the start of a sentence (`3.`, `IV.`, `a)`):
  the label is merged with the sentence it introduces.
- No break inside matched square brackets or parentheses: a translator's note with
  full stops inside stays whole. Unmatched brackets (an unclosed stamp bracket) are
  ignored for this purpose.
- A bracketed note that follows a sentence (`... Japan. [Translator’s note: ...].`) is
  its own span, so callers can skip notes when counting; a parenthetical source after
  a quotation (`”. (TsTAK bulletin, 31 March 1969).`) joins the sentence before it.
- Quotations do not protect their inside: a quoted passage of two sentences is two
  sentences, as a reader counting lines in the margin would count them. An ellipsis
  glued to the next word (`factionalism…We`) is not a boundary.
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "NUMBER_ABBREVIATIONS",
    "SENTENCE_FINAL_ABBREVIATIONS",
    "split_sentences",
]

# Words that end with a full stop without ending the sentence (case-sensitive, written
# without their final full stop). Titles bind to the name that follows whatever it is.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # titles and ranks
        "Cde", "Cdes", "Com", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt",
        "Maj", "Capt", "Adm", "Sgt", "Cpt", "Gov", "Sen", "Rep", "Amb", "Hon", "Rev",
        "Messrs", "Mme", "Mlle", "Jr", "Sr", "Bros", "Inc", "Co", "Corp", "Ltd", "Dept",
        "Univ",
        # references before a number
        "No", "Nos", "Nº", "nº", "no", "nos", "p", "pp", "vol", "Vol", "vols", "ch",
        "art", "Art", "para", "fig", "Fig", "f", "ff", "l", "ll", "d", "Op", "op", "tel",
        "Tel",
        # Latin and English shorthand
        "ed", "eds", "cit", "ibid", "Ibid", "cf", "approx", "ca", "c", "viz", "vs", "v",
        "etc", "e.g", "i.e", "a.m", "p.m", "A.M", "P.M", "U.S", "U.S.A", "U.K", "U.N",
        "U.S.S.R", "D.C",
        # two-letter initials of transliterated Russian names: `Yu. V. Andropov`
        "Yu", "Ya", "Ye", "Yo", "Zh", "Kh", "Ts", "Ch", "Sh", "Shch", "Th",
        # months
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    }
)
# These bind only to a following number (`No. 5`, `p. 12`); before a capital they are
# words ending a sentence (`He said no. Then ...`).
NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    {"No", "Nos", "no", "nos", "p", "pp", "vol", "Vol", "vols", "ch", "art", "Art",
     "para", "fig", "Fig", "f", "ff", "l", "ll", "d", "Op", "op", "tel", "Tel", "c", "v"}
)
# After these a capitalised word starts a new sentence (`at 6 p.m. The talks ...`);
# before a lower-case word nothing breaks anyway.
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset({"etc", "a.m", "p.m", "A.M", "P.M"})

_CLOSERS = "”’\"')]»"
_SENTENCE_OPENERS = "“‘\"'«(["
_END = re.compile(r"(?:\.\.\.|[.?!…])+[" + re.escape(_CLOSERS) + r"]*")
_LIST_LABEL = re.compile(r"(?:\d{1,3}|[IVXLC]{1,6}|[a-zA-Z])[.)]")
_LONGEST_WORD = 40
_OMISSION_BEFORE = re.compile(r"\[[\s.…]*\]$")
_LEADING_NOTES = re.compile(r"(?:\s*\[[^\[\]]*\])*\s*")  # notes before a list label
_SPACE = re.compile(r"\s*")
_WORD_BEFORE = re.compile(r"([\w.’'º]+)$")


def _matched_brackets(text: str) -> list[tuple[int, int]]:
    """Spans (open, close) of matched `[...]` and `(...)` pairs, outermost included."""
    pairs: list[tuple[int, int]] = []
    stacks: dict[str, list[int]] = {"[": [], "(": []}
    closing = {"]": "[", ")": "("}
    for i, ch in enumerate(text):
        if ch in stacks:
            stacks[ch].append(i)
        elif ch in closing and stacks[closing[ch]]:
            pairs.append((stacks[closing[ch]].pop(), i))
    return pairs


def _inside_brackets(pairs: list[tuple[int, int]], length: int) -> list[bool]:
    """For each position: is it strictly inside a matched pair? (linear, via depth)"""
    change = [0] * (length + 1)
    for start, end in pairs:
        change[start + 1] += 1
        change[end] -= 1
    inside, depth = [], 0
    for i in range(length):
        depth += change[i]
        inside.append(depth > 0)
    return inside


def _is_abbreviation(text: str, dot: int, sentence_start: int, next_char: str) -> bool:
    """Is the full stop at `dot` part of an abbreviation, initial or list label?"""
    # A bounded look-back keeps long runs of abbreviations linear.
    m = _WORD_BEFORE.search(text, max(sentence_start, dot - _LONGEST_WORD), dot)
    if m is None:
        return False
    word = m.group(1).lstrip("(“‘\"'[")
    if _LIST_LABEL.fullmatch(word + ".") and _LEADING_NOTES.fullmatch(text, sentence_start, m.start()):
        return True  # `3.` at the start of a sentence labels it
    bare = word.rstrip(".")
    if bare in NUMBER_ABBREVIATIONS:
        return not next_char or not next_char.isupper()
    if bare in SENTENCE_FINAL_ABBREVIATIONS:
        return not next_char.isupper()
    if bare in ABBREVIATIONS:
        return True
    if re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", bare):
        return True  # an initial: `L. I. Brezhnev`, `V.V. Kuznetsov`
    return False


def _raw_boundaries(text: str) -> list[int]:
    """Positions (exclusive ends) where a sentence may end."""
    pairs = _matched_brackets(text)
    inside = _inside_brackets(pairs, len(text))
    ends: list[int] = []
    sentence_start = len(text) - len(text.lstrip())
    for m in _END.finditer(text):
        end = m.end()
        if inside[end - 1]:
            continue  # inside brackets, unless the stop closes them: `(They left.) Then`
        if _OMISSION_BEFORE.search(text, max(0, end - 12), end):
            continue  # `[…]`, `[. . .]`: an omission mark, not the end of a sentence
        gap = _SPACE.match(text, end).end() - end
        if end < len(text) and gap == 0:
            continue  # `2.5`, `factionalism…We`, `U.S.A`
        next_char = text[end + gap : end + gap + 1]
        if next_char and next_char.islower():
            continue
        punct = m.group(0)
        if punct.startswith(".") and not punct.startswith("...") and _is_abbreviation(
            text, m.start(), sentence_start, next_char
        ):
            continue
        ends.append(end)
        sentence_start = end + gap
    return ends


def _is_note(span: str) -> bool:
    """A bracketed note standing alone: `[Translator’s note: ...].`."""
    return bool(re.fullmatch(r"\[.*\][.;,]?", span, re.S))


def _is_parenthetical(span: str) -> bool:
    return bool(re.fullmatch(r"\([^()]*\)[.;,]?", span, re.S))


def _split_leading_notes(
    text: str, start: int, end: int, closing_of: dict[int, int]
) -> list[tuple[int, int]]:
    """`[Translator’s note: …] The next sentence.` -> the note, then the sentence.

    Short brackets that read as words (`[The] Korean comrades`) stay in the sentence.
    """
    parts: list[tuple[int, int]] = []
    while text[start] == "[" and start in closing_of and closing_of[start] + 1 < end:
        close = closing_of[start]
        content = text[start + 1 : close]
        rest = _SPACE.match(text, close + 1).end()
        following = text[rest : rest + 1]
        note_like = ":" in content or re.search(r"[.?!]$", content) or len(content.split()) >= 4
        starts_sentence = following.isupper() or following.isdigit() or following in _SENTENCE_OPENERS
        if not (note_like and following and starts_sentence):
            break
        parts.append((start, close + 1))
        start = rest
    return [*parts, (start, end)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans over `text`, in order, each without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*_raw_boundaries(text), len(text)]:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if piece.strip():
            spans.append((start + lead, end - trail))
        start = end
    closing_of = dict(_matched_brackets(text))
    result: list[tuple[int, int]] = []
    for s, e in spans:
        for part in _split_leading_notes(text, s, e, closing_of):
            joins = result and not _is_note(text[result[-1][0] : result[-1][1]])
            if joins and _is_parenthetical(text[part[0] : part[1]]):
                result[-1] = (result[-1][0], part[1])  # `(Pravda, 17 June 1969).` joins
            else:
                result.append(part)
    return result
