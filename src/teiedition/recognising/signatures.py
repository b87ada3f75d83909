"""Signature blocks: who signs, under which title, and where the name is.

Why: the closing group of a document is signed in many printed shapes (``[signature]
(Yu. Fadeyev)``, a bare surname in capitals, ``By order of the Minister`` / name / office,
a title above the placeholder); finding the name and the offices is one job, apart from
telling what each line of the page is (``recognise``) and from the closing zone's roles
(``closing``).  A name is judged by its shape and by the authority file (a place, an
organisation or an office never signs), never by a list of signatories.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Span, attrs_of
from .closing import DIST_HEAD_RE, EXPANSION_RE, NAME_AT_END_RE, ORG_WORDS_RE, SUPPLIED_GIVEN_RE, one_line_signoff, plain_name, role_below_name
from .dialogue import cut_speaker_turn
from .identification import CLOSED_CLASS
from .lines import _words, is_prose, is_upper_line, parse_date

BY_ORDER_RE = re.compile(r"^(?:By (?:the )?(?:order|orders|instruction|instructions|authority|direction) of|"
                         r"On (?:the )?(?:order|orders|instruction|instructions|behalf|authority) of|"
                         r"For the (?:Minister|Ambassador|Director|Chairman|Head)\b|p\.\s?p\.)\s*.{0,80}?[:,]?$")
ROLE_WORDS = frozenset("""ambassador minister deputy head chairman director secretary counsellor counselor
    consul general attaché attache envoy chief first second third acting vice president premier
    chargé d’affaires d'affaires commander officer adviser advisor plenipotentiary extraordinary
    department section division embassy ministry office bureau committee of the and for foreign affairs
    interim ad a.i. lieutenant colonel major captain marshal comrade cde. mr. mrs. ms.""".split())
SIGNATURE_RE = re.compile(r"\[(?:(?:illegible|handwritten|[A-ZÀ-Ý][\w.-]*[’']s) )?signatures?\]|\[signed\]|/signature/"
                          r"|(?:^|\s)/s/\s|^/[–—-]/\s", re.I)  # "/–/ Winiewicz": the Polish mark of a signature
LETTER_SPACED_RE = re.compile(r"^(?:[A-ZÀ-Ý] ){2,}[A-ZÀ-Ý]\.?$")
PERSON_NAME_RE = re.compile(
    r"^(?P<name>(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s*){0,3}[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,3})\.?$")
TITLE_WORDS_RE = re.compile(
    r"^(?P<title>(?:(?:Chargé d[’']Affaires|Ambassador|Counsellor|Counselor|Minister|Consul(?: General)?|"
    r"(?:First|Second|Third|1st|2nd|3rd) Secretary|Secretary|Attaché|Envoy|Chairman|Director|Head|"
    r"Deputy|Acting|Comrade|Cde\.)\s+)+)(?P<name>[A-ZÀ-Ý].*)$")


def _last_prose_index(blocks: list[Block]) -> int:
    """The last paragraph of running text of the body: before the first footnote text, if any."""
    notes = next((i for i, b in enumerate(blocks) if b.kind == "footnote"), len(blocks))
    return max((i for i, b in enumerate(blocks[:notes]) if b.kind == "p" and is_prose(b.text)), default=-1)


def _find_name_signatures(blocks: list[Block]) -> list[Block]:
    """A bare name after the last paragraph of a division, or after a closing salute, signs it."""
    out = list(blocks)
    last_prose = _last_prose_index(out)
    for i, b in enumerate(out):
        prev = out[i - 1] if i else None
        after_salute = prev is not None and prev.kind == "salute-closing"
        if b.kind == "aside" and BRACKETED_NAME_RE.match(b.text.strip()) \
                and (after_salute or i > last_prose and _bracketed_signer(b.text, out[i + 1:i + 2])):
            pass  # "With socialist greetings," / "[Alexander Schalck]": the name the translator put for a signature
        elif b.kind not in ("line", "p", "head", "heading"):  # "I. Petrov" reads like a numbered heading
            continue
        tail = i > last_prose
        if not (after_salute or tail):
            continue
        if _signature_name(b.text) is None or _addressee_below(out, i, last_prose):
            continue
        if i == len(out) - 1 and not after_salute and _cut_last_line(b.text, out, last_prose):
            continue
        if tail and not after_salute:
            # the next block must not be prose: a name ends a division
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and nxt.kind == "p" and is_prose(nxt.text):
                continue
        out[i] = replace(b, kind="signed")
    return out


#: A name, then one bracket of capitalised words saying who it is (``FILIPPOV [Stalin]``).
NAME_THEN_GLOSS_RE = re.compile(r"^(?P<name>[^\[\]]+?)\s+\[[A-ZÀ-Ý][^\[\]]{0,40}\]$")
#: A line that is one bracket holding a name's shape (``[Alexander Schalck]``, ``[V. Fedorov]``).
BRACKETED_NAME_RE = re.compile(r"^\[(?P<name>[A-ZÀ-Ý][^\[\]]{1,60})\]$")


def _addressee_below(blocks: list[Block], i: int, last_prose: int) -> bool:
    """``Shri A. K. Rao,`` / ``Minister Without Portfolio,`` under a letter already signed: the addressee
    printed at the foot (a name ending in a comma, the address going on below), never a second signer."""
    if not blocks[i].text.rstrip().endswith(",") or not any(b.kind == "signed" for b in blocks[last_prose + 1:i]):
        return False
    nxt = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
    prev = blocks[i - 1]
    return nxt.endswith((",", ".")) and len(nxt.split()) <= 8 \
        or prev.kind != "signed" and prev.text.rstrip().endswith(",")  # the address going on


def _bracketed_signer(text: str, after: list[Block]) -> bool:
    """``[A. Lindqvist]`` after the last paragraph, or a bracketed name over an office (``for Under
    Secretary``): the name the translator put where the signature is.  Without initials or an office
    below, a bracket of capitalised words (``[Top Secret]``) signs only under a closing salute."""
    if re.search(r"(?:^\[|\s)[A-ZÀ-Ý][a-zà-ÿ]?\.", text):
        return True
    nxt = after[0].text.strip() if after else ""
    return bool(nxt) and (role_below_name(nxt) or _role_line(nxt))


def _cut_word(text: str, signed_before: bool = False) -> bool:
    """``Th``, ``Af``: one or two letters, not in capitals, ending the body: a word the excerpt cut off,
    never a signatory's name (a surname of two letters signs in capitals, ``LI``, or with initials).
    Under a signature already read, three letters too (``Zhong Qingfa`` / ``December 4`` / ``Dis``)."""
    s = text.strip()
    return bool(re.fullmatch(r"[^\W\d_]{1,3}" if signed_before else r"[^\W\d_]{1,2}", s)) and not s.isupper()


def _cut_last_line(text: str, blocks: list[Block], last_prose: int) -> bool:
    """The page's last line is where the excerpt stopped: a speaker's label, a word cut short, the
    first words of the next paragraph; no sign-off."""
    signed_before = any(x.kind == "signed" for x in blocks[last_prose + 1:-1])
    return cut_speaker_turn(text, blocks) or _cut_word(text, signed_before=signed_before) \
        or cut_paragraph_opening(text, blocks[:-1])


def cut_paragraph_opening(text: str, before: list[Block]) -> bool:
    """``Garcia-Inchaustegui`` ending a page whose paragraphs open ``Garcia-Inchaustegui said …``: the
    excerpt stopped after the next paragraph's first words; a signer's name opens no two paragraphs."""
    name = text.strip()
    opening = re.compile(re.escape(name) + r"\s+[a-z]")
    return bool(name) and sum(1 for b in before if b.kind == "p" and opening.match(b.text)) >= 2


def _signature_name(text: str) -> tuple[int, int] | None:
    """Where the signatory's name is in a bare sign-off line, or None."""
    s = text.rstrip().rstrip(",")  # "KOVALEV, 11 November" split in two: the comma stays with the name
    whole = BRACKETED_NAME_RE.match(s)
    if whole:  # "[Alexander Schalck]": the name inside the bracket (the bracket is a supplied word)
        found = _signature_name(whole.group("name"))
        return (found[0] + 1, found[1] + 1) if found else None
    glossed = NAME_THEN_GLOSS_RE.match(s)
    if glossed:  # "FILIPPOV [Stalin]": the name as signed; the bracket after it says who it is
        return _signature_name(glossed.group("name"))
    if EXPANSION_RE.search(s) or SUPPLIED_GIVEN_RE.match(s):  # "V[asily]. Ivanov", "[Wolfgang] Bayerlacher"
        plain = plain_name(s)
        found = _signature_name(plain)
        return (0, len(s.rstrip("."))) if found == (0, len(plain.rstrip("."))) else None
    if LETTER_SPACED_RE.match(s):
        return (0, len(s.rstrip(".")))
    m = TITLE_WORDS_RE.match(s)
    offset = 0
    if m:
        offset = m.start("name")
        s = m.group("name")
    m2 = PERSON_NAME_RE.match(s)
    if m2 and all(w.lower() in CLOSED_CLASS for w in m2.group("name").split()):
        return None  # "However": the first word of a sentence the excerpt cut, never a name
    if not m2 or is_upper_line(s) and _words(s) > 4:  # "LUIZ LEIVAS BASTIAN PINTO" signs; longer is a heading
        return None
    if any(w.lower() in {"the", "of", "and", "in", "office", "ministry", "embassy", "department", "without", "with"}
           for w in s.split()) or ORG_WORDS_RE.search(s.title()):
        return None  # "GENERAL STAFF OPERATIONS DIRECTORATE": a body, never a person
    if _names_place_or_org(m2.group("name")) or re.fullmatch(r"[B-DF-HJ-NP-TV-XZ]{3,}", m2.group("name")):
        return None  # "Moscow", "TASS": a place or an organisation does not sign; "KPD": no vowel, an acronym
    if all(w.lower() in ROLE_WORDS for w in m2.group("name").split()):
        return None  # "Deputy Minister": a title, never a person
    return (offset + m2.start("name"), offset + m2.end("name"))


def _may_sign(name: str) -> bool:
    """A name-shaped line that may sign: not a place, an organisation or an office."""
    return not _names_place_or_org(name) and not all(w.lower() in ROLE_WORDS for w in name.split())


def _names_place_or_org(name: str) -> bool:
    from .entities import default_authority

    entry = default_authority().naming(name)
    return entry is not None and entry.kind != "person"


def _join_signature_blocks(blocks: list[Block]) -> list[Block]:
    """A signature with the signatory's title above it and the name or role below is one ``signed``."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind != "signed":
            out.append(b)
            i += 1
            continue
        parts = [b]
        # titles above: upper-case heading lines right before (not yet in a paragraph)
        while out and out[-1].kind in ("head", "line") and (is_upper_line(out[-1].text)
                                                            or out[-1].kind == "line") \
                and _words(out[-1].text) <= 14 and not _signature_name(out[-1].text) \
                and (_title_above_ok(out, parts) or _role_line(out[-1].text)):
            parts.insert(0, out.pop())
        j = i + 1
        # below: a bracketed or slashed name, a role line, or a bracketed role
        while j < len(blocks) and _belongs_below(blocks[j], parts):
            parts.append(blocks[j])
            j += 1
        text = "\n".join(p.text for p in parts)
        out.append(Block("signed", text, parts[0].line, (), parts[0].attrs))
        i = j
    return out


def _title_above_ok(out: list[Block], parts: list[Block]) -> bool:
    """Only take a title line when the signature line itself has no plain name before the placeholder."""
    first = parts[0].text
    return bool(SIGNATURE_RE.match(first.strip()) or first.strip().startswith("[signature]")
                or first.strip().startswith("/signature/") or SIGNATURE_RE.search(first))


def _belongs_below(block: Block, parts: list[Block]) -> bool:
    s = block.text.strip()
    if DIST_HEAD_RE.match(s):
        return False  # "Distributed to": a distribution list begins, no office of the signer
    has_name = any(_name_in_signed(p.text) for p in parts)
    if has_name and s.endswith(",") and _signature_name(s):
        return False  # "Shri A. K. Rao,": the addressee printed under the signature, no office of the signer
    if parts[0].get("role") == "by-order" and not has_name and block.kind in ("line", "head", "heading", "p", "signed") \
            and (_signature_name(s) or _role_line(s)) and not is_prose(s):
        return True  # "By order of the Minister" / the name / the title
    if COMRADE_NAMED_RE.search(s):
        return False  # "Cde. Stalin agrees", "Reported to Cde. Molotov": a note on another person, no office
    if re.fullmatch(r"[(/][^()/]+[)/]", s) or (re.search(r"\([^()]+\)$", s) and not has_name
                                               and is_upper_line(s.split("(")[0] or "X Y Z")):
        return True
    if s.startswith("[") and s.endswith("]") and _words(s) <= 5 and has_name:
        return True  # [GDR Ambassador]
    if not has_name and len(parts) == 1 and SIGNATURE_RE.fullmatch(parts[0].text.strip()) \
            and block.kind in ("line", "head", "heading", "p", "signed") and _signature_name(s):
        return True  # "[signature]" / "G. PUSHKIN": the name printed under the placeholder
    if block.kind in ("line", "head", "p") and has_name and len(parts) <= 2 and _words(s) <= 12 \
            and not is_prose(s) and not parse_date(s):
        return True  # role below the name: "2nd Secretary", "Chargé d’Affaires ad interim"
    if block.kind in ("line", "p") and has_name and len(parts) <= 2 and _words(s) <= 14 \
            and re.match(r"^(?:Ambassador|Chargé|Counsellor|Minister|Consul|Secretary|Head|Chairman)", s):
        return True
    return False


#: A comrade named on a line (``Cde. Stalin agrees``): the signer's own office never names another person.
COMRADE_NAMED_RE = re.compile(r"\b(?:Cde\.|Comrade)\s+[A-ZÀ-Ý]")
SIGNED_WORD_RE = re.compile(r"^(?:signed|sgd\.?)$", re.I)
SIGNED_NAME_RE = re.compile(r"\(([^()]+)\)|/(?!signature/)([^/\n]+)/")


def _name_in_signed(text: str) -> tuple[int, int] | None:
    """Where the signatory's name is inside a signature block."""
    for m in SIGNED_NAME_RE.finditer(text):
        g = 1 if m.group(1) else 2
        if re.search(r"[A-ZÀ-Ý]", m.group(g)) and _words(plain_name(m.group(g))) <= 5 and not SIGNED_WORD_RE.match(m.group(g)):
            return (m.start(g), m.end(g))
    for line_start, line in _lines_with_offsets(text):
        one_line = one_line_signoff(line)
        if one_line:  # "(signed) A. Gromyko", "A. GROMYKO, Minister of Foreign Affairs"
            return (line_start + one_line[0][0], line_start + one_line[0][1])
        sig = SIGNATURE_RE.search(line)
        if sig:
            rest = line[sig.end():]
            stripped = rest.strip()
            if stripped and PERSON_NAME_RE.match(plain_name(stripped).rstrip(".")) or LETTER_SPACED_RE.match(stripped):
                lead = len(rest) - len(rest.lstrip())
                return (line_start + sig.end() + lead, line_start + sig.end() + lead + len(stripped.rstrip(".")))
            before = _signature_name(line[:sig.start()]) if not stripped.strip(".") else None
            if before:  # "Zhou Enlai [signature]": the name printed before the placeholder
                return (line_start + before[0], line_start + before[1])
            continue
        where = _signature_name(line)
        if where:
            return (line_start + where[0], line_start + where[1])
    return None


def _lines_with_offsets(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def signed_spans(block: Block) -> tuple[Span, ...]:
    """The name (persName), the signatory's titles (roleName) and the placeholder (gap) of a signature."""
    spans: list[Span] = []
    for m in re.finditer(r"/signature/", block.text):
        spans.append(Span(m.start(), m.end(), "gap", attrs_of(reason="signature"), rank=10))
    if block.get("role") == "org-signoff":  # "Ministry of Foreign Affairs": the body that signs
        lead = len(block.text) - len(block.text.lstrip())
        return tuple(spans) + (Span(lead, len(block.text.rstrip()), "name", attrs_of(type="org"), rank=20),)
    where = _name_in_signed(block.text)
    if where:
        spans.append(Span(where[0], where[1], "name", attrs_of(type="person", role="signatory"), rank=20))
        if block.text[where[0] - 1:where[0]] == "[" and block.text[where[1]:where[1] + 1] == "]" \
                and BRACKETED_NAME_RE.match(block.text[where[0] - 1:where[1] + 1]):
            # "[Alexander Schalck]": the name the translator put where the original has a signature
            spans.append(Span(where[0] - 1, where[1] + 1, "supplied", attrs_of(reason="signature", resp="#translator"),
                              inner=where, rank=10))
    for start, line in _lines_with_offsets(block.text):
        s = line.strip()
        lo = start + len(line) - len(line.lstrip())
        if not s or (where and lo <= where[0] < start + len(line)) or "[" in s or "/" in s:
            continue
        if (_role_line(s) or where and lo > where[1] and role_below_name(s)) and not BY_ORDER_RE.match(s):
            spans.append(Span(lo, lo + len(s), "roleName", rank=15))
    for start, line in _lines_with_offsets(block.text):
        at_end = NAME_AT_END_RE.match(line)
        if at_end and where and where[0] == start + at_end.start("name") and _role_line(at_end.group("office")):
            spans.append(Span(start + at_end.start("office"), start + at_end.end("office"), "roleName", rank=15))
        found = one_line_signoff(line)
        if found and found[1] and where and where[0] == start + found[0][0]:  # the office after the comma
            spans.append(Span(start + found[1][0], start + found[1][1], "roleName", rank=15))
    return tuple(spans)


def _role_line(text: str) -> bool:
    """A line naming an office (``Head of the Consular Department``, ``COUNSELLOR OF THE EMBASSY``)."""
    words = [w.strip(",.").lower() for w in text.split()]
    return 0 < len(words) <= 14 and words[0] in ROLE_WORDS - {"of", "the", "and", "for", "a.i.", "ad"} \
        and not re.search(r"\d", text) and not is_prose(text.rstrip("."))
