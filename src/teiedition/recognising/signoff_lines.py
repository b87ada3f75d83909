"""Line shapes of the closing zone: an office going on past a name's shape, a long line of a name's or
a body's shape that is no running text, a body that signs.

Why: ``closing`` decides the roles of the lines after the last paragraph; which line is the last
paragraph, and where an office ends, are questions of a line's shape alone, kept here so that the
zone's module stays small.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Span, attrs_of

#: Office words that name a body, not a person's post.
BODY_WORDS = frozenset("department section division embassy ministry office bureau committee".split())
#: Words a person's name never holds (an office or a body does: ``ARCHIVE OF THE MINISTRY``).
FUNCTION_WORDS = frozenset("of the and for to in on at by with from".split())
#: A Roman numeral after a body's word numbers the body (``Section III``): no person's name (``Premier LI`` is).
ROMAN_RE = re.compile(r"[IVXL]+")


def numbered_body(role: str, name: str) -> bool:
    """``Head of Section III``, ``Minister of Foreign Affairs of the USSR``: the last word goes on with the office
    (a numeral after a body's word, capitals after ``of the``/``in the``), it is no name."""
    last = role.split()[-1].lower()
    return bool(ROMAN_RE.fullmatch(name)) and last in BODY_WORDS | {"group", "sector", "directorate"} \
        or name.isupper() and last in FUNCTION_WORDS


def running_text(is_prose):
    """Running text, but not a long line of a name's shape: ``Ambassador of the USSR in the DPRK A. Puzanov``,
    ``Office of the General Bureau for Economic Relations with Foreign Countries`` (every word capitalised,
    an initial or a small word, no sentence's end) is an office, a body or a name, never the last paragraph."""
    def running(text: str) -> bool:
        words = text.split()
        return is_prose(text) and not (len(words) <= 16 and not re.search(r"[.!?;:,]$", text.strip())
                                       and all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words))
    return running


#: A body that signs (``Ministry of Foreign Affairs``, ``Chinese Embassy in the Soviet Union``).
ORG_WORDS_RE = re.compile(r"\b(?:Ministry|Embassy|Legation|Consulate(?:-General)?|Committee|Department|Office|"
                          r"Mission|Delegation|Bureau|Secretariat|Government|Council|Directorate|Agency|"
                          r"Command|Headquarters|Presidium|Politburo)\b")


def org_signoff(s: str) -> bool:
    """``Ministry of Foreign Affairs`` after the last paragraph: a body signs (a short line naming one)."""
    from .signatures import ROLE_WORDS

    words = s.rstrip(".").split()
    if not words or words[0].lower() in ROLE_WORDS - BODY_WORDS:
        return False  # "Head of Department", "Deputy Chairman of the Committee": a person's office
    if _known_body(s.strip().rstrip(".")):
        return True  # "CC CPSU": the authority file's organisation, printed alone
    return len(words) <= 14 and bool(ORG_WORDS_RE.search(s)) and not re.search(r"[\d:;\[\]()]", s) \
        and all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words)


def _known_body(s: str) -> bool:
    from .entities import default_authority

    entry = default_authority().naming(s)
    return entry is not None and entry.kind == "org"


#: ``… to be passed to Vyshinsky. Nº 382/sh``: the sign-off's number run on after the last sentence.
RUN_ON_NUMBER_RE = re.compile(r"(?<=[.!?”\"])(?P<gap>\s+)(?:Nº|N°|No\.)\s?(?P<num>\d[\w/-]*)\s*$")


def run_on_number(b: Block) -> list[Block] | None:
    """The last paragraph ending, after its last sentence, in a number sign and a number alone
    (``… to Vyshinsky. Nº 382/sh``): the outgoing number printed on the paragraph's line, cut off as the
    closing group's ``dateline``; a number inside a sentence (``my No. 235.``) stays text."""
    m = RUN_ON_NUMBER_RE.search(b.text)
    if m is None or b.spans:
        return None
    cut = m.start("gap")
    num = Block("dateline", b.text[cut:], b.line,
                (Span(m.start("num") - cut, m.end("num") - cut, "idno", attrs_of(type="outgoing")),),
                attrs_of(zone="closing", recogniser="closing_number", role="outgoing"))
    return [replace(b, text=b.text[:cut]), num]
