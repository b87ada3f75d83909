"""Speaker-labelled dialogue: ``Zhou: …``, ``STALIN. …``, ``Comrade Kim said: …``, ``[Kim Il Sung:] …``.

Why: a record of conversation prints its turns with a label of one form; whether a
paragraph is a turn is a decision about the whole document (two or more paragraphs
opening with labels of one form), not about the line alone, so that the same page never
mixes ``sp`` and plain ``p`` for the same convention.  A parenthetical line between turns
(``(Laughter)``) is a stage direction.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Span


SPEAKER_WORD = (r"(?:(?:Mr|Mrs|Ms|Dr|Cde|Cdes|Gen|Col|Amb|St|Sr|Jr|Prof)\.|[A-ZÀ-Ý][a-zà-ÿ]?\.|[A-ZÀ-Ý][\w’'-]*|"
                r"de|van|von|der|al|bin|ibn|and|of|the|d[’']|\[[^\[\]]{1,40}\])")
LABEL_CORE = rf"{SPEAKER_WORD}(?:\s+{SPEAKER_WORD}){{0,7}}"
SPEAKER_FORMS = {
    "colon": re.compile(rf"^(?P<core>{LABEL_CORE})(?:\s*\((?P<paren>[^()]{{1,60}})\))?\s*:(?=\s+\S)"),
    "said": re.compile(rf"^(?P<core>{LABEL_CORE})\s+(?:said|replied|answered|stated|declared|remarked|noted|asked|"
                       r"added|continued|responded)\s*:(?=\s+\S)"),
    "bracket": re.compile(r"^\[(?P<core>[A-ZÀ-Ý][^\[\]:]{0,40}):\](?=\s+\S)"),
    "dash": re.compile(rf"^(?P<core>{LABEL_CORE})\s+[–—-](?=\s+\S)"),
    "stop": re.compile(r"^(?P<core>(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){0,3}[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,4})"
                       r"\.(?=\s+[A-ZÀ-Ý“\"\[])"),
}
#: A label alone on its line (``Comrade Kadar:``), the speech in the paragraph below: the colon form.
LABEL_LINE_RE = re.compile(rf"^(?P<core>{LABEL_CORE})(?:\s*\((?P<paren>[^()]{{1,60}})\))?\s*:\s*$")
ALIAS_RE = re.compile(r"(?:hereafter|hereinafter|henceforth|below|to be)?\s*(?:abbreviated|referred to|called|"
                      r"shortened)?\s*(?:as\s+)?(?P<alias>[A-ZÀ-Ý][\w’'. -]{0,30})$")
NOT_SPEAKERS = frozenset("""note notes nb n.b. subject re reference attention comment comments remark remarks
    translation source enclosure attachment appendix annex copy copies summary agenda item point conclusion
    conclusions proposal proposals resolution decision question questions answer topic total result results
    example also thus then yes no however therefore moreover first second third firstly secondly finally
    last next today yesterday tomorrow here there this that these those it he she they we i you our his her
    their its my in on at for from to by with after before during since as if when while the a an dear
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday section chapter part article paragraph page text telegram
    cable report record minutes memorandum letter list p.s. ps postscript ref important warning
    beginning begin end ending start time place date present participants location venue duration
    invited invitees absent excused guests attending attendees speakers members
    """.split())
#: A label that is only a title or its abbreviation ("Mr. Nixon said", "Cde. Kim said") is no speaker.
LONE_TITLES = frozenset("mr mrs ms dr cde cdes gen col amb st sr jr prof comrade comrades".split())


def speaker_turns(blocks: list[Block]) -> list[Block]:
    """Speaker-labelled dialogue (``Zhou: …``, ``STALIN. …``, ``Kádár – …``) becomes speeches.

    Decided per document and per form: once two or more paragraphs open with labels of
    one form (by two speakers, or by one speaker twice in a colon form), every paragraph
    opening with that form whose label reads as a name is a speech: the block stays a
    paragraph and carries the label's end (``speaker``) and a ``speaker`` span, which the
    writer turns into ``sp/speaker`` + ``p``.  Narrative paragraphs between turns stay
    ``p``; a line that is one parenthesis between turns (``(Laughter)``) is a ``stage``.
    """
    found: dict[str, list[tuple[int, str, int]]] = {}
    for i, b in enumerate(blocks):
        if b.kind not in ("p", "line", "head", "heading") or b.get("role") == "participants":
            continue  # a header line naming those present ("Chairing: com. GORBACHEV M.S.") is no speech
        label_line = _label_line(blocks, i)
        if label_line:
            found.setdefault("colon", []).append((i, label_line, -1))  # -1: the whole line, then the next block
            continue
        for form, pattern in SPEAKER_FORMS.items():
            m = pattern.match(b.text)
            if not m:
                continue
            key = _speaker_key(m, form)
            if key and not re.match(r"\s*\d", b.text[m.end():]):  # a labelled value ("15:00 Hours") is no speech
                found.setdefault(form, []).append((i, key, m.end()))
            break
    _labels_without_colon(blocks, found)
    out = list(blocks)
    turns_at: list[int] = []
    for form, turns in found.items():
        if not _is_dialogue(form, [key for _i, key, _end in turns]):
            if len(turns) == 1 and out[turns[0][0]] is not None and _name_shaped(turns[0][1]) \
                    and _speech_follows(out, *turns[0]):  # None: already joined to a label line above it
                i, key = turns[0][0], turns[0][1]
                out[i] = out[i].with_attrs(review=f"opens with a speaker label ({key!r}) but no other paragraph of "
                                                  f"the page has one of this form; read as narrative, not a speech")
            continue
        for i, key, end in turns:
            b = out[i]
            if b is None or end < 0 and out[i + 1] is None:
                continue  # already joined to the label line above it
            if end < 0:  # "Comrade Kadar:" over its speech: one turn, the label line first
                b, out[i + 1] = _joined(b, out[i + 1]), None
                end = len(blocks[i].text.rstrip())
            out[i] = replace(b, kind="p", spans=b.spans + (Span(0, end, "speaker", rank=1),)) \
                .with_attrs(speaker=str(end), speaker_key=key)
            turns_at.append(i)
    turns_at = [sum(1 for b in out[:i] if b is not None) for i in sorted(turns_at)]
    return _stage_directions([b for b in out if b is not None], turns_at)


def _speech_follows(blocks: list[Block], i: int, _key: str, end: int) -> bool:
    """Is running text (a speech, were there a dialogue) after the label? (``Receiver: Wulumuqi`` is none.)"""
    from .lines import is_prose

    from .closing import ORG_WORDS_RE

    if ORG_WORDS_RE.search(_key) or " and " in _key or _key.isupper() and len(_key) <= 6:
        return False  # "Ministry of Foreign Affairs:", "Wu and Qiao:" (addressees), "RGANI." (an archive)
    return end < 0 or blocks[i].kind == "p" and is_prose(blocks[i].text[end:])


def _label_line(blocks: list[Block], i: int) -> str | None:
    """``Comrade Kadar:`` alone on its line over a paragraph of running text: the speaker's key, else None."""
    m = LABEL_LINE_RE.match(blocks[i].text)
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if m is None or nxt is None or nxt.kind != "p" or LABEL_LINE_RE.match(nxt.text) or len(nxt.text.split()) < 4:
        return None
    key = _speaker_key(m, "colon")
    from .closing import ORG_WORDS_RE

    if key and (ORG_WORDS_RE.search(key) or " and " in key):
        return None  # "Ministry of Foreign Affairs:", "Wu [Xiuquan] and Qiao [Guanhua]:": addressees
    return key if key and _name_shaped(key) else None


def _labels_without_colon(blocks: list[Block], found: dict) -> None:
    """``TODOR ZHIVKOV`` alone over a speech, where the page's other turns print ``TODOR ZHIVKOV:``.

    Once the document has labels alone on their lines, a line that is exactly one of their
    speakers, over a paragraph of running text, is a turn too: the colon was left out, not the turn."""
    turns = found.get("colon", [])
    keys = {key for _i, key, end in turns if end < 0}
    taken = {i for i, _key, _end in turns}
    if not keys:
        return
    for i, b in enumerate(blocks[:-1]):
        s = b.text.strip()
        nxt = blocks[i + 1]
        if i not in taken and b.kind in ("p", "line", "head", "heading") and s in keys \
                and nxt.kind == "p" and len(nxt.text.split()) >= 4:
            turns.append((i, s, -1))
    turns.sort()


def _joined(label: Block, speech: Block) -> Block:
    """The label line and its speech as one block (the line break kept between them)."""
    offset = len(label.text) + 1
    moved = tuple(replace(s, start=s.start + offset, end=s.end + offset,
                          inner=(s.inner[0] + offset, s.inner[1] + offset) if s.inner else None)
                  for s in speech.spans)
    return replace(label, kind="p", text=label.text + "\n" + speech.text, spans=label.spans + moved)


def _is_dialogue(form: str, keys: list[str]) -> bool:
    """Two or more labelled paragraphs of one form make a dialogue (see ``speaker_turns``).

    A label that is not a name's shape (``Economic situation``: a topic) counts only when
    its speaker speaks again; the full-stop and dash forms, easier to mistake, need two speakers.
    """
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    if len(keys) < 2:
        return False
    repeated = any(n >= 2 for n in counts.values())
    if form in ("stop", "dash"):
        return len(counts) >= 2
    named = all(_name_shaped(k) for k in counts)
    return repeated or (len(counts) >= 2 and named)


def _name_shaped(label: str) -> bool:
    """Every word a capitalised word, an initial or a particle: a person (or a side), not a topic."""
    words = re.sub(r"[\[\]]", "", label).split()
    return bool(words) and all(w[0].isupper() or w in ("de", "van", "von", "der", "al", "bin", "ibn", "of", "the",
                                                       "and") for w in words)


#: A short parenthesis alone on its line: ``(Laughter)``, ``(Applause.)``, ``(Pause)``; a longer
#: parenthetical (``(The Premier then asked about …)``) is narrative and stays a paragraph.
STAGE_RE = re.compile(r"^\((?P<words>[^().!?]{1,60}|[^().!?]{1,60}[.!])\)\.?$")
STAGE_WORDS = 6


def _stage_directions(blocks: list[Block], turns: list[int]) -> list[Block]:
    """``(Laughter)`` between two turns, or right after one: a stage direction."""
    if len(turns) < 2:
        return blocks
    out = list(blocks)
    for i in range(turns[0] + 1, turns[-1] + 1):
        b = out[i]
        m = STAGE_RE.match(b.text.strip()) if b.kind in ("p", "line") and not b.get("speaker") else None
        if m and len(m.group("words").split()) <= STAGE_WORDS:
            out[i] = replace(b, kind="stage")
    return out


def _speaker_key(m: re.Match, form: str) -> str | None:
    """Who speaks, for counting turns: the alias a label introduces, else the label; None if not a name."""
    core = m.group("core").strip()
    plain = re.sub(r"[\[\]]", "", core).strip()
    words = plain.split()
    if not words or len(words) > 8 or words[0].lower().rstrip(":,") in NOT_SPEAKERS \
            or plain.lower().rstrip(".") in LONE_TITLES:
        return None
    if re.fullmatch(r"[IVXLCDM]+", plain):
        return None  # "II. The domestic situation": a section number, not a speaker
    if core.count("[") != core.count("]") or len(re.sub(r"[^A-Za-zÀ-ÿ]", "", words[-1])) < 2:
        return None  # "N. S. Khrushchev said" is no label; brackets must close inside it
    if form in ("dash", "stop"):
        if len(words) > 5 or (form == "stop" and not (plain.isupper() or all(w[0].isupper() for w in words))):
            return None
        from .signatures import _names_place_or_org

        if _names_place_or_org(plain):
            return None
    paren = m.groupdict().get("paren")
    if paren:
        alias = ALIAS_RE.search(paren.strip())
        if alias and re.search(r"abbreviat|hereafter|hereinafter|referred|called", paren):
            return alias.group("alias").strip()
    return plain


def _speaker_labels(blocks: list[Block]) -> list[str]:
    """The speaker labels of the document's turns (``Guevara``, ``Comrade Nicolae Ceausescu``), as printed."""
    labels = [b.text[:int(b.get("speaker"))] for b in blocks if str(b.get("speaker") or "").isdigit()]
    for b in blocks[-3:]:  # a single labelled turn just before the end (``Zhou: I have …``)
        m = SPEAKER_FORMS["colon"].match(b.text)
        if m and b.get("speaker") is None:
            labels.append(m.group("core"))
    return [_TITLE_PREFIX_RE.sub("", re.sub(r"\s*\([^()]*\)", "", label).strip(" :.–—-")) for label in labels]


_TITLE_PREFIX_RE = re.compile(r"^(?:Comrade|Cde\.|Mr\.|Mrs\.|Ambassador|Premier|Chairman|Minister)\s+")


def cut_speaker_turn(text: str, blocks: list[Block]) -> bool:
    """``Guevara: …`` / ``Gu``: the page's last line repeats (the start of) a speaker's label.

    A page cut short (an excerpt) ends with the label of the next turn, not with a sign-off."""
    name = _TITLE_PREFIX_RE.sub("", text.strip().rstrip(".:").strip())
    return len(name) >= 2 and any(label.startswith(name) for label in _speaker_labels(blocks))
