"""The closing zone: roles of the short lines after the last paragraph of the body.

Why: sign-offs, distribution lists and routing blocks take many printed shapes
(``GROMYKO``, ``24.III.50 Shtykov``, ``(A. B. Walker)`` / ``for Under Secretary``,
``Copies`` / ``1. Vyshinsky``), and a list of the shapes seen so far misses the next
page's.  What does not vary is *where* they stand: after the last paragraph of running
text, before the notes and the page's furniture.  So the zone is found first, and each
line then gets a role by its shape inside the zone, with the fallback the zone suggests
(a short line there is part of the closing group, never a heading that opens an
enclosure).  No list of names: a name is a shape (capitalised words, initials).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, attrs_of
from .dates import find_dates

#: ``Copies``, ``Copies to:``, ``Distribution:``, ``Sent to:``: the head of a distribution list.
DIST_HEAD_RE = re.compile(r"^(?:Copies|COPIES|Copy to|Copies to|Copies sent to|Distribution(?: list)?|DISTRIBUTION|"
                          r"Distributed to|Sent to|Circulation|To be distributed to|Mailing list|CC|Cc|cc)"
                          r"\s*[:.]?$")
#: ``1. Vyshinsky``, ``2) File``, ``3 - Comrade Li``, ``1x Minister``: a numbered item of a list.
NUMBERED_ITEM_RE = re.compile(r"^(?P<n>\d{1,2})(?:[.)]\s+|\s*[-–—]\s+|x\s+)(?P<rest>\S.{0,120})$")
#: A name in the closing zone: initials (also ``V[asily].``) and capitalised words, or capitals.
NAME_RE = re.compile(r"^(?:(?:[A-ZÀ-Ý][a-zà-ÿ]?(?:\[[a-zà-ÿ]+\])?\.\s*){0,3}"
                     r"[A-ZÀ-Ý][\w’'-]+(?:\[[a-zà-ÿ]+\])?(?:\s+[A-ZÀ-Ý][\w’'-]+){0,3})\.?$")
#: ``(A. B. Walker)``, ``/N. Petrov/``: a name in round brackets or slashes on its own line.
ENCLOSED_NAME_RE = re.compile(r"^[(/](?P<name>[^()/\[\]]{2,60})[)/]\.?$")
#: An expansion glued to an initial or a word: ``V[asily]``.
EXPANSION_RE = re.compile(r"(?<=[^\W\d_])\[[a-zà-ÿ]+\]")
#: A line naming an office by position: ``for Under Secretary``, ``p.p. the Ambassador``.
FOR_ROLE_RE = re.compile(r"^(?:for|For|FOR|p\.\s?p\.|pp\.?)\s+(?:the\s+)?[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,8}$")
#: Words a person's name never holds (an office or a body does: ``ARCHIVE OF THE MINISTRY``).
FUNCTION_WORDS = frozenset("of the and for to in on at by with from".split())
#: Kinds that show the closing group has begun.
CLOSING_KINDS = frozenset({"signed", "postscript", "salute-closing", "dist-item"})
#: Kinds a line in the zone may have been given before its role is known.
LOOSE_KINDS = frozenset({"line", "p", "head", "heading", "signed", "dateline", "dist-item", "bullet-item"})


def plain_name(text: str) -> str:
    """The line with glued expansions removed, for judging its shape: ``V[asily]. Ivanov`` -> ``V. Ivanov``."""
    return EXPANSION_RE.sub("", text)


def looks_like_name(text: str) -> bool:
    """Initials and capitalised words (or one word in capitals), at most four words, no digits."""
    s = text.strip()
    if not s or re.search(r"\d", s) or len(s.split()) > 5:
        return False
    if any(w.lower() in FUNCTION_WORDS for w in s.split()):
        return False  # "ARCHIVE OF THE MINISTRY": a name has no function words
    return bool(NAME_RE.match(s))


def split_date_name(text: str) -> tuple[int, int, bool] | None:
    """``24.III.50 Shtykov`` or ``Shtykov 24.III.50``: (where the date is, date first?), or None.

    The rest of the line must be a name's shape; the date must stand at one end of it.
    """
    found = find_dates(text)
    if len(found) != 1:
        return None
    start, end, _date = found[0]
    if not text[:start].strip():
        name, first = text[end:], True
    elif not text[end:].strip(" ."):
        name, first = text[:start], False
    else:
        return None
    name = plain_name(name.strip().rstrip(".,"))
    if not name or not looks_like_name(name):
        return None
    return start, end, first


def closing_zone(blocks: list[Block], is_prose, name_ok) -> list[Block]:
    """Give the short lines after the last paragraph their roles: sign-off, then distribution list.

    ``is_prose`` tells running text from a short line; ``name_ok`` rejects a name-shaped
    line that names a place, an organisation or an office (the authority file's verdict).
    """
    last = max((i for i, b in enumerate(blocks) if b.kind == "p" and is_prose(b.text)
                and not b.get("speaker")), default=-1)
    last = max([last] + [i for i, b in enumerate(blocks) if b.get("speaker")])
    if last < 0:
        return blocks
    out = list(blocks[:last + 1])
    state = "signoff"  # signoff -> dist (after a Copies head) -> signoff ...; after: notes, attachments
    n = 0
    numbered = closed = False
    for b in blocks[last + 1:]:
        s = b.text.strip()
        if b.kind in ("footnote", "attachment") or b.get("role") == "notes-heading":
            state = "after"
        if state == "after" or b.kind not in LOOSE_KINDS:
            out.append(b)
            closed = closed or b.kind in CLOSING_KINDS
            continue
        if DIST_HEAD_RE.match(s):
            state, n, closed = "dist", 0, True
            out.append(replace(b, kind="postscript").with_attrs(role="distribution-label", zone="closing",
                                                                recogniser="closing_distribution_head"))
            continue
        if state == "dist":
            m = NUMBERED_ITEM_RE.match(s)
            numbered = numbered if n else bool(m)  # the first item says whether the list is numbered
            if m or b.kind == "bullet-item" or (not numbered and not is_prose(s) and len(s.split()) <= 10
                                                and b.kind != "signed"):
                n += 1
                out.append(replace(b, kind="dist-item").with_attrs(n=m.group("n") if m else str(n), zone="closing",
                                                                     recogniser="closing_distribution_item"))
                continue
            state = "signoff"  # the list ended: the line is read like any other of the zone
        if b.kind == "dateline":  # a date over the signature belongs to the closer
            out.append(b.with_attrs(zone="closing"))
            continue
        if b.kind in ("head", "heading") and closed and not is_prose(s) and not looks_like_name(plain_name(s)):
            # the zone's fallback: a short line after the sign-off is part of the closing group,
            # never a heading that opens an enclosure with nothing in it
            out.append(replace(b, kind="postscript").with_attrs(role="closing-line", zone="closing",
                                                                recogniser="closing_zone_fallback"))
            continue
        found = _signoff_line(b, s, is_prose, name_ok)
        closed = closed or any(f.kind in CLOSING_KINDS for f in found)
        out.extend(found)
    return out


def _signoff_line(b: Block, s: str, is_prose, name_ok) -> list[Block]:
    """One line of the sign-off: a date then a name, an enclosed name, or a bare name."""
    if b.kind not in ("line", "p", "head", "heading") or is_prose(s):
        return [b]
    found = split_date_name(b.text)
    if found is not None:
        start, end, date_first = found
        date_text, name_text = b.text[start:end], (b.text[end:] if date_first else b.text[:start])
        if name_ok(plain_name(name_text.strip().rstrip(".,"))):
            date = Block("dateline", date_text if date_first else b.text[start:], b.line, (),
                         attrs_of(zone="closing", recogniser="closing_date"))
            name = Block("signed", name_text.lstrip() if date_first else name_text.rstrip(), b.line, (),
                         attrs_of(zone="closing", recogniser="closing_name"))
            return [date, name] if date_first else [name, date]
    m = ENCLOSED_NAME_RE.match(s)
    if m and looks_like_name(plain_name(m.group("name"))) and name_ok(plain_name(m.group("name")).strip()):
        return [replace(b, kind="signed").with_attrs(zone="closing", recogniser="closing_enclosed_name")]
    return [b]


def role_below_name(line: str) -> bool:
    """A line under a signatory's name that names the office: ``for Under Secretary``."""
    s = line.strip()
    return bool(FOR_ROLE_RE.match(s)) and not re.search(r"\d", s)
