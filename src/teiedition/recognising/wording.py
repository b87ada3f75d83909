"""Brackets that are neither the translator's additions nor notes: descriptions of material
not shown, the original's own words in its script, and labels whose words follow.

Why: a bracket that says what is *not* translated (``[three pages of notes follow]``,
``[The memorandum begins with one page regarding …]``) is an omission with its
description, and a bracket holding the original's wording (``[新华社]``) is the
original's words; encoding either as ``supplied`` would say the translator added them.
``[Handwritten text:] Relay this …`` is a label whose transcribed words follow the bracket.
These are told by shape (a thing named and what became of it; the characters' script;
a label ending in a colon at the start of a line), never by a page's sentences.
"""

from __future__ import annotations

import re

from ..model import Span, attrs_of

#: Something of the document (pages, a passage, an attachment) ...
MATERIAL_RE = re.compile(r"\b(?:original|pages?|paragraphs?|lines?|sheets?|sections?|passages?|parts?|tables?|lists?|"
                         r"text|portions?|notes|annex(?:es)?|attachments?|enclosures?|documents?|memorandum|"
                         r"letter|telegram|report|maps?|charts?|appendix|points?|items?|paper)\b", re.I)
#: ... and what became of it in this translation (it follows, is left out, begins or ends here).
FATE_RE = re.compile(r"\b(?:follows?|followed|following|begins?|began|continues?|continued|omitted|left out|"
                     r"not (?:translated|included|reproduced|shown|printed|transcribed)|untranslated|missing|"
                     r"deleted|excised|removed|skipped|redacted|ends?|concerning|regarding|about)\b", re.I)
#: Scripts whose letters are the original's wording when they stand in an English translation.
SCRIPT_RUN_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef]+|[\uac00-\ud7af\u1100-\u11ff]+|"
                           r"[\u0400-\u04ff](?:[\u0400-\u04ff\s,.-]*[\u0400-\u04ff])?")


#: Signs of a transliterated (or untranslated) original word that English words do not show: a
#: letter of the Central European or Romance alphabets, Russian transliteration (``zh``, ``kh``, ``shch``,
#: endings ``-iiu``, ``-ogo``, ``-ykh``, ``-nie``...), pinyin initials (``x``, ``q`` without ``u``),
#: or a one-letter Russian preposition (``k``, ``v``, ``s``...) among other words.
#: The acute, grave and tilde letters of Portuguese, Spanish, Czech, Hungarian (``[de pé]``, ``[embates jurícos]``).
ORIGINAL_LETTERS_RE = re.compile(r"[ąćęłńśźżőűěčřšžůťďňăâîșțßäöüôõãçáéíóúêàèñ]", re.I)
TRANSLIT_WORD_RE = re.compile(
    r"zh|kh|shch|^x[aeiou]|^q[^u]|"
    r"(?:iiu|iia|iie|ii|yi|ei|ogo|ykh|ikh|nie|niia|stvo|skii|skaia|tsiia|tsii|nost)$")
ONE_LETTER_PREPOSITIONS = frozenset("k v s o u z i".split())


def looks_transliterated(words: str) -> bool:
    """Lower-case words that are not English: the original's wording, transliterated by the translator."""
    tokens = re.findall(r"[^\W\d_](?:[^\W\d_]|[’'-])*", words)  # "conference’s" is one word, no "s"
    if not tokens or len(tokens) > 8 or re.search(r"[^\w\s’'“”\"-]", words):
        return False
    if any(ORIGINAL_LETTERS_RE.search(t) for t in tokens if t[0].islower()):
        return True  # only the words' letters: "[pseudonym for Bolesław Bierut]" names a person in English
    signs = sum(1 for t in tokens if TRANSLIT_WORD_RE.search(t.lower()))
    signs += sum(1 for t in tokens if t in ONE_LETTER_PREPOSITIONS) if len(tokens) > 1 else 0
    return signs >= max(1, (len(tokens) + 1) // 2)


def transliterated_wording(start: int, end: int, content: str) -> list[Span] | None:
    """``[pristupit k obiednineniiu]``: the original's words in transliteration, not an addition."""
    c = content.strip().strip("“”\"")
    if not c or not looks_transliterated(c):
        return None
    words = c.split()
    if not c[0].islower() and not (len(words) >= 2 and all(w[0].islower() for w in words[1:])):
        return None  # "[Kim Il Sung]" is a name; "[Pristupit k obiednineniiu]" a sentence's words
    return [Span(start, end, "supplied", attrs_of(reason="original-wording", resp="#translator"),
                 inner=(start + 1, end - 1), rank=10),
            Span(start + 1, end - 1, "foreign", rank=11)]


def script_of(text: str) -> str | None:
    """``Hani``, ``Hang`` or ``Cyrl`` for a run of those letters (ISO 15924), else None."""
    for ch in text:
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            return "Hani"
        if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
            return "Hang"
        if 0x0400 <= o <= 0x04FF:
            return "Cyrl"
    return None


def material_description(content: str, closed: bool) -> bool:
    """``three pages of notes follow``: names a part of the document and says it is not shown here."""
    c = content.strip()
    return closed and len(c.split()) >= 3 and bool(MATERIAL_RE.search(c)) and bool(FATE_RE.search(c)) \
        and not c.endswith(":")


def omitted_material(start: int, end: int) -> list[Span]:
    return [Span(start, end, "gap", attrs_of(reason="omitted", resp="#translator"),
                 inner=(start + 1, end - 1), rank=10)]


def original_script(start: int, end: int, content: str) -> list[Span] | None:
    """``[新华社]``: a bracket that holds only letters of another script is the original's wording."""
    c = content.strip()
    script = script_of(c)
    if not c or script is None or re.search(r"[A-Za-z]", c):
        return None
    return [Span(start, end, "supplied", attrs_of(reason="original-wording", resp="#translator"),
                 inner=(start + 1, end - 1), rank=10),
            Span(start + 1, end - 1, "foreign", attrs_of(script=script), rank=11)]


def script_run_spans(text: str) -> list[Span]:
    """Runs of Chinese, Korean or Cyrillic letters outside brackets: the original's words, ``foreign``."""
    if text.isascii():
        return []
    spans = []
    depth_at = _depths(text)
    for m in SCRIPT_RUN_RE.finditer(text):
        if depth_at[m.start()]:
            continue  # inside a bracket: the bracket's recogniser decides
        spans.append(Span(m.start(), m.end(), "foreign", attrs_of(script=script_of(m.group())), rank=40))
    return spans


def _depths(text: str) -> list[int]:
    depth, out = 0, []
    for ch in text:
        if ch == "]":
            depth = max(0, depth - 1)
        out.append(depth)
        if ch == "[":
            depth += 1
    return out


def label_then_words(text: str, start: int, end: int, attrs) -> list[Span] | None:
    """``[Handwritten text:] Relay this …``: the note holds the label and the words after it to the line's end.

    Only a label that ends in a colon and starts its line, with words after it; the
    closing bracket after the label is the only markup dropped (it comes back on rebuild
    at the note's end).
    """
    stop = len(text.rstrip())
    if text[:start].strip() or not text[start + 1:end - 1].rstrip().endswith(":") or stop <= end:
        return None
    return [Span(start, stop, "note", attrs, inner=(start + 1, stop), rank=10),
            Span(start + 1, end, "label", inner=(start + 1, end - 1), rank=11)]
