"""Lines of the header zone that name those present at a meeting: labels, names, who presided.

Why: minutes and records print who took part above the text (``Participants in the meeting :
comrades …``, ``Those Taking Part: …``, ``Chairing: com. GORBACHEV M.S.``, ``The talks were attended
by:`` / ``For the Bulgarian side – …``); such a line is header furniture, never the first paragraph
and never a speech.  Recognised by a small vocabulary of labels and by the shape of what follows
(names only, in capitals).  Split from ``header_zone`` by job (hdr4).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block

#: The label of a list of those present at a meeting, perhaps with a qualifier before its colon
#: (``Participants in the meeting :``, ``Participants from the Soviet side:``, ``Those Taking Part:``,
#: ``Also taking part:``, ``Attending:``, ``Invitees :``).
PARTICIPANTS_BASE = (r"(?i:(?:those\s+|also\s+)?(?:taking\s+part|present|attended\s+by|in\s+attendance|participants|"
                     r"participating|attending|invitees|invited|chairing|presiding|chaired\s+by))")
PARTICIPANTS_QUALIFIER = r"\s+(?:in|at|from|of|on|for|to)\s+[^:;,.]{1,40}?\s*:"  # a qualifier only before a colon
PARTICIPANTS_LABEL = rf"{PARTICIPANTS_BASE}(?:{PARTICIPANTS_QUALIFIER}|(?:\s+were)?\s*[:.]?)"
#: A list of those present at a meeting: its label, then honorifics (``com[rade]s.``, ``Coms.``, ``C.C.``).
HONORIFICS = r"(?:(?:[Cc]om(?:\[?rade\]?)?(?:\(?s\)?)?\.?|[Cc]omrs\.|[Cc]omrades|Cdes\.|C\.C\.)\s+)?"
PARTICIPANTS_RE = re.compile(rf"^{PARTICIPANTS_LABEL}\s+{HONORIFICS}(?P<names>.+)$")
#: The label alone, the names on the lines under it: ``Participants from the Polish side:``.
PARTICIPANTS_HEAD_RE = re.compile(rf"^{PARTICIPANTS_BASE}(?:{PARTICIPANTS_QUALIFIER}|\s*:)$")
#: A sentence introducing those present, its names on the lines under it: ``The talks were attended by:``,
#: ``The following are present at the meeting:`` (hdr4).
PARTICIPANTS_LEADIN_RE = re.compile(r"^(?:The\s+)?(?:talks|meeting|conversation|negotiations|following|those)\b[^.:]{0,40}?"
                                    r"\b(?:attended(?:\s+by)?|present|participated|took\s+part|participating)\b[^.:]{0,30}:$",
                                    re.IGNORECASE)
#: One side's list under such a sentence: ``For the Bulgarian side – Ivan Bashev, Minister …; …``.
SIDE_LINE_RE = re.compile(r"^(?:For|From|On)\s+the\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:side|country|delegation|part)\s*[–—:-]\s*\S")
#: Who presided, as the minutes print it: ``Cde. L. I. BREZHNEV presiding.``, ``Chairing: com. GORBACHEV M.S.``.
PRESIDING_RE = re.compile(r"^(?:(?:Cde|Com|Comrade)\.?\s+)?(?:[A-ZÀ-Ý][\w’'.-]*\s+){1,5}(?:presiding|in\s+the\s+chair)\.?$"
                          r"|^(?i:chairing|presiding|chaired\s+by)\s*:\s+\S.{0,60}$")


#: Labels of a meeting's record that name people by their role there (``Speaker:``, ``Invited:``, ``Absent:``,
#: ``Chairman:``): over a list of names such a line labels a list; over running text a role word may head a
#: turn (``Chairman: The meeting is open.``), so the label alone decides nothing (struct7).
ROLE_LABELS = (r"(?:Speakers?|Chairm[ae]n|Chair(?:person|woman)?|Presiding|Secretary|Rapporteurs?|Reporters?|Invited|"
               r"Also invited|Invitees|Absent|Excused|Guests|Attending|Members|Minutes taken by|Recorded by)")
ROLE_LABEL_RE = re.compile(rf"^(?P<label>{ROLE_LABELS})\s*:\s+(?P<value>\S.*)$")
#: An honorific or a role word before a name in such a list (``Comrades``, ``Cde.``, ``Mr.``, ``Ambassador``).
NAME_PREFIX_RE = re.compile(r"^(?:(?:[Cc]om(?:rades?|s?\.)|Cdes?\.|Comrs\.|Mr\.|Mrs\.|Ms\.|Dr\.|Messrs\.)\s+)+")


def names_only(value: str) -> bool:
    """A list of people and nothing more: names of at most five capitalised words (initials, particles, an
    honorific before them), parted by commas, semicolons or ``and``; no sentence, no verb in lower case."""
    s = re.sub(r"\([^()]*\)", "", " ".join(value.split())).strip(" .;,")
    items = [NAME_PREFIX_RE.sub("", i.strip()) for i in re.split(r"[,;]|\band\b", s) if i.strip()]
    words = [w for i in items for w in i.split() if w not in ("de", "van", "von", "der", "al", "bin", "ibn")]
    return bool(items) and all(0 < len(i.split()) <= 5 for i in items) and all(w[:1].isupper() for w in words)


#: A numbered section's title and, after its full stop, the label of those present with their names:
#: ``1. Conversation with X. Present: A, B.`` (the title ends at the stop before the label).
TITLED_PARTICIPANTS_RE = re.compile(rf"^(?P<title>(?:[IVXL]+|\d{{1,2}}|[A-Z])\.\s+[^.:;\[\]]{{3,90}}\.)\s+"
                                    rf"(?P<list>(?P<label>{PARTICIPANTS_BASE}|{ROLE_LABELS})"
                                    r"\s*:\s+(?P<value>\S.*))$")


def split_titled_participants(lines) -> list:
    """``1. Conversation with X. Present: A, B.``: the section's title and the list of those present, two lines
    of one line number (a heading, then a labelled list), when all after the label is names (struct7)."""
    out = []
    for line in lines:
        m = TITLED_PARTICIPANTS_RE.match(line.text) if "\n" not in line.text else None
        if m and names_only(m.group("value")) and len(m.group("title").split()) <= 13:
            out.append(replace(line, text=m.group("title")))
            out.append(replace(line, text=m.group("list"), empty_run=0))
        else:
            out.append(line)
    return out


def _sides(items, i: int, text_of) -> bool:
    """``The talks were attended by:`` and the sides' lists right under it (``For the Indian side – …``)."""
    k = i
    while k >= 0 and SIDE_LINE_RE.match(text_of(items[k]).strip()):
        k -= 1
    return k >= 0 and bool(PARTICIPANTS_LEADIN_RE.match(text_of(items[k]).strip())) and (k < i or i + 1 < len(items))


def _participants(text: str, under_label: bool = False) -> bool:
    """Names only after the label, each with its initials (``Aliev G. A.``, ``Grishin, V.V.``), or a list of
    names under a label line of its own (``under_label``), or who presided (hdr4)."""
    s = " ".join(text.split())
    if PRESIDING_RE.match(s):
        return True
    m = PARTICIPANTS_RE.match(s) or (re.match(rf"^{HONORIFICS}(?P<names>.+)$", s) if under_label else None)
    if not m:
        return False
    names = re.sub(r",?\s*(?:and\s+)?others?\b[^,;]*$", "", m.group("names").rstrip(".;, "))  # "…, and other experts"
    items = [i.strip() for i in re.split(r"[,;]|\band\b", names) if i.strip()]
    words = [w for i in items for w in re.sub(r"\([^()]*\)", "", i).split()]
    capitals = sum(w[:1].isupper() for w in words)  # a slip ("kirilenko A.P.") is allowed
    labelled = under_label or bool(re.match(rf"^{PARTICIPANTS_BASE}[^:]{{0,44}}:", s))  # a colon: one name may do
    return len(items) >= (1 if labelled else 3) and all(len(i.split()) <= 5 for i in items) \
        and capitals >= 0.9 * len(words)


def _participant_lines(zone: list[Block]) -> list[Block]:
    """Lines naming those present (``Chairing: com. GORBACHEV M.S.``, ``Attending: …``, names under
    ``Participants from the Polish side:``) carry ``role="participants"``: header furniture, never a speech."""
    out = list(zone)
    for i, b in enumerate(out):
        under = i > 0 and bool(PARTICIPANTS_HEAD_RE.match(out[i - 1].text.strip()))
        if b.kind in ("line", "p", "head") and (PARTICIPANTS_HEAD_RE.match(b.text.strip()) or _participants(b.text, under)
                                                or _sides(zone, i, lambda x: x.text)):
            out[i] = b.with_attrs(role="participants")
    return out
