"""Runs of sign-off lines that stand before more text: a covering letter before its enclosure, a sign-off
above the page's last paragraph.

Why: the closing zone (``closing``) reads the short lines after the page's last paragraph; a
covering letter signed before its enclosure (``Attachment: as mentioned, 10 pages.`` / the office /
the name), a telegram signed before a reference note, or a cut page whose summary stands under the
sign-off put a sign-off *before* more text.  Such a run is read only when it opens with a shape
that cannot be anything but a sign-off, so a short line inside the text never signs.
"""

from __future__ import annotations

import re

from ..model import Block
from .lines import ADDRESSEE_RE
from .closing import (ENCLOSED_NOTICE_RE, LOOSE_KINDS, NAME_NUMBER_RE, _number_then_signoff, _office_words,
                      _role, _Zone, looks_like_name, plain_name, split_date_name)
from .signoff_lines import org_signoff


def paragraph_after_signoff(blocks: list[Block], last: int, notes: int, is_prose, name_ok) -> int | None:
    """The paragraph before the sign-off when the page's last paragraph comes after one, else None
    (only asked when the page's summary was not found apart from the body).

    ``… the internal situation.`` / ``MANOEL PIO CORRÊA`` / ``An official … describes …``: a
    paragraph standing alone after a short run that opens with a sign-off (a name in capitals, a
    body, a name and its number, a date and a name), with nothing after it but short lines, is
    no longer the body's text (a summary the page furniture did not claim): the zone begins
    before the sign-off."""
    if any(b.kind == "p" and is_prose(b.text) or b.get("speaker") for b in blocks[last + 1:notes]):
        return None
    before = max((i for i, b in enumerate(blocks[:last]) if b.get("speaker") or b.kind == "p" and is_prose(b.text)),
                 default=-1)
    run = blocks[before + 1:last]
    if before < 0 or not 1 <= len(run) <= 4 or any(b.kind not in LOOSE_KINDS or is_prose(b.text) for b in run):
        return None
    return before if _signoff_shape(run[0], name_ok) or _office_over_name(run, name_ok) else None


def _office_over_name(run: list[Block], name_ok) -> bool:
    """``The Ambassador,`` / ``G.W. Boissevain.``: an office (a word of offices first, after an optional
    ``The``) on its line, a name on the next: a sign-off, as a name and a title on short lines are."""
    from .signatures import ROLE_WORDS

    if len(run) < 2:
        return False
    office = run[0].text.strip().rstrip(",")
    words = office.split()
    first = words[1] if words[:1] == ["The"] and len(words) > 1 else (words[0] if words else "")
    name = plain_name(run[1].text.strip().rstrip(".,"))
    return first.lower() in ROLE_WORDS and _office_words(office) and looks_like_name(name) and bool(name_ok(name))


def _signoff_shape(b: Block, name_ok) -> bool:
    """A line that can only be a sign-off: a name in capitals, a body, a name and its number, a date and a name."""
    from .signatures import SIGNATURE_RE

    s = b.text.strip().rstrip(".")
    if SIGNATURE_RE.match(s) or split_date_name(b.text) or _number_then_signoff(b, name_ok) or org_signoff(s):
        return True
    m = NAME_NUMBER_RE.match(b.text.strip())
    if m and looks_like_name(plain_name(m.group("name"))) and name_ok(m.group("name").strip()):
        return True
    return s.isupper() and looks_like_name(plain_name(s)) and name_ok(plain_name(s))


def inner_closings(blocks: list[Block], is_prose, name_ok) -> list[Block]:
    """A sign-off inside the page: a covering letter before its enclosure, a telegram before a reference note.

    The run of short lines right after a paragraph is read as a closing zone when it opens with
    a sign-off that cannot be anything else: a signature placeholder, a date and a name on one
    line (``13.1.51 ROSHCHIN``), the message's number before a name (``Nº 274 KOVALEV, 11
    November``), a name in capitals over a date line or a transmission log (``MAO ZEDONG.`` / ``Nov
    15, 1950.``).  The run ends at the next paragraph or at a block that is no
    loose line (a stamp, a heading's mark)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        out.append(b)
        i += 1
        if not (b.kind == "p" and is_prose(b.text) or b.get("speaker")) or i >= len(blocks):
            continue
        notice = _enclosure_notice(blocks, i, is_prose)
        if not (notice or _opens_signoff(blocks[i], is_prose, name_ok) or _capitals_over_date(blocks, i, name_ok)):
            continue
        zone = _Zone(is_prose, name_ok)
        if notice:  # "Attachment: as mentioned, 10 pages." / the office / the name: the letter's sign-off
            out.extend(zone.read(blocks[i]))
            i += 1
        if _capitals_over_date(blocks, i, name_ok):
            out.append(_role(blocks[i], "signed", "closing_name_over_date"))
            zone.closed = True
            i += 1
        opener = i  # the sign-off that opened the run is read even when it ends like a sentence
        while i < len(blocks) and blocks[i].kind in LOOSE_KINDS \
                and (i == opener or not is_prose(blocks[i].text.strip())) \
                and not blocks[i].get("speaker") and not ADDRESSEE_RE.match(" ".join(blocks[i].text.split())) \
                and not (notice and (zone.closed and blocks[i].kind != "signed" or RULE_LINE_RE.match(blocks[i].text.strip()))):
            read = zone.read(blocks[i])
            if notice and read == [blocks[i]] and _bare_signer(blocks[i]):  # "USSR AMBASSADOR …" / "S. CHERVONENKO"
                read, zone.closed = [_role(blocks[i], "signed", "closing_name_after_notice")], True
            elif notice and read == [blocks[i]] and blocks[i].kind in ("head", "heading"):
                read = [_role(blocks[i], "line", "closing_office_after_notice")]  # the office over the name
            out.extend(read)
            i += 1
    return out


def _bare_signer(b: Block) -> bool:
    """A name alone on its line (``S. CHERVONENKO``), as a bare name after the page's last paragraph signs."""
    from .signatures import _signature_name

    return b.kind in ("line", "head", "heading") and _signature_name(b.text) is not None


#: A rule drawn across the page (``______``): the covering letter ends, its enclosure follows.
RULE_LINE_RE = re.compile(r"^[_=*-]{5,}$")


def _enclosure_notice(blocks: list[Block], i: int, is_prose) -> bool:
    """``Attachment: as mentioned, 10 pages.`` right after a paragraph, then two short lines or fewer before a
    rule or the enclosure: the covering letter's last lines (its sign-off follows the notice)."""
    if blocks[i].kind != "attachment" or not ENCLOSED_NOTICE_RE.match(blocks[i].text.strip()):
        return False
    rest = blocks[i + 1:i + 3]
    return bool(rest) and all(b.kind in LOOSE_KINDS and not is_prose(b.text.strip()) for b in rest)


def _capitals_over_date(blocks: list[Block], i: int, name_ok) -> bool:
    """``MAO ZEDONG.`` over ``Nov 15, 1950.``, ``STALIN`` over ``Deciphered on …``: a name in capitals, then a
    line that is only a date or a number, or a transmission log."""
    s = blocks[i].text.strip().rstrip(".")
    if i + 1 >= len(blocks) or not s.isupper() or not looks_like_name(s) or not name_ok(s):
        return False
    nxt = blocks[i + 1]
    return nxt.kind in ("dateline", "log") or bool(re.fullmatch(r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\.?", nxt.text.strip()))


def _opens_signoff(b: Block, is_prose, name_ok) -> bool:
    from .signatures import SIGNATURE_RE

    s = b.text.strip()
    if b.kind not in LOOSE_KINDS or is_prose(s) and split_date_name(b.text) is None:
        return False
    if b.kind == "signed" or SIGNATURE_RE.match(s) or _number_then_signoff(b, name_ok) is not None:
        return True
    found = split_date_name(b.text)
    if found is None:
        return False
    start, end, first = found
    return name_ok(plain_name((b.text[end:] if first else b.text[:start]).strip().rstrip(".,")))
