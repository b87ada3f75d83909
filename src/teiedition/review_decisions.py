"""Review rules for decisions taken by position alone: a signer, a number, a header line.

Why: on pages never seen, about two wrong facts in five stood on lines no rule proposed
(issue 17, the judges' figures of batch 3): lines the converter placed by where they stand,
with no word to confirm it.  A short line after the text read as a signer because it is
short, a number alone under a heading (the office's number, or the heading's serial?), a
short header line no vocabulary claimed (a mark the vocabulary lacks?).  Each rule here
names the position and the shape, never the words of pages seen; the calibration (``review_calibration.py``) decides from the tuning
pool whether the decision is weak enough to list.  They read the model only (recogniser,
phase, zone, fallback, spans) and the source lines, like ``review_zones.py``.
"""

from __future__ import annotations

import re

from .model import Block, Document
from .reading.furniture import PAGE_DATE_RE
from .recognising.header_numbers import BARE_NUMBER_RE
from .review_items import ReviewItem, before, line_in_block, norm, role_of

#: Recognisers that place a line by its position and length only (no word confirms the reading).
POSITIONAL = frozenset({"short_line", "heading"})
#: Words naming a document's kind (``RECORD OF CONVERSATION``, ``TELEGRAM``): a heading's words, never a name.
DOC_KINDS = (r"telegram|cable|memorandum|record|report|letter|note|minutes|protocol|decree|resolution|appendix|"
             r"attachment|annex|draft|information|conversation|statement|translation|cipher\w*")
#: A heading that names a document's kind, not a mark.
DOC_KIND_RE = re.compile(rf"(?i)\b(?:{DOC_KINDS}|diary|journal|transcript|directive|instruction\w*)\b")
#: A title's or a summary's content words (four letters and more): what a summary shares with its title.
CONTENT_RE = re.compile(r"[^\W\d_]{4,}")
#: Words before a bracket naming a thing, not a title: ``the city [Algiers]``, ``his brother [Ngo Dinh Nhu]``.
NOUN_BEFORE_RE = re.compile(r"\b(?:the|this|that|his|her|its|our|their|your)\s+(?:[\w.-]+\s+){0,3}[a-z-]{3,}\s*$")
#: A name: capitalised words only (``Algiers``, ``Ngo Dinh Nhu``, ``al-Amash``).
NAME_RE = re.compile(r"(?:[A-ZÀ-Ý][\w’'.-]*|al-\w+|de|van|von)(?:\s+(?:[A-ZÀ-Ý][\w’'.-]*|al-\w+|de|van|von)){0,3}")
#: Span types that read a mark (what a header line's words may have been).
MARK_TYPES = ("classification", "precedence", "copy")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w’'.-]*", re.sub(r"\[[^\]]*\]?", " ", text))


def signer_by_position(blocks: list[Block]) -> list[ReviewItem]:
    """A signer read by position only from a line of two words or more (one short word is
    ``signer-unread``): a title, a place or a cut paragraph may stand where signers stand."""
    return [ReviewItem(b.line, b.text, role_of(b), "read as a signer by its position after the text only: no "
                       "signature word, placeholder or known name confirms it", "signer-position", "medium")
            for b in blocks if b.kind == "signed" and b.get("recogniser") in POSITIONAL
            and len(_words(b.text)) >= 2]


def number_under_heading(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """An outgoing number read from a line holding only the sign and the number, right under a line
    of words with no number (a heading, a title): the office's number, or the heading's serial?"""
    items = []
    for block in blocks:
        for span in (s for s in block.spans if s.kind == "idno" and s.get("type") == "outgoing"):
            at = line_in_block(block, span.start, lines)
            if not 1 <= at <= len(lines) or not BARE_NUMBER_RE.fullmatch(lines[at - 1]):
                continue
            above = next((lines[i].strip() for i in range(at - 2, -1, -1) if lines[i].strip()), "")
            if len(above.split()) >= 3 and not re.search(r"\d", above):
                items.append(ReviewItem(at, lines[at - 1].strip(), role_of(block), "a number alone on its line, "
                                        "under a heading: read as the outgoing number, it may be the heading's "
                                        "serial", "number-heading", "medium"))
    return items


def header_unread(blocks: list[Block]) -> list[ReviewItem]:
    """A short header line no vocabulary claimed, printed as marks are (capitals, or ending in ``!``),
    left as furniture by the zone's fallback or read as a heading by its capitals: a mark the
    vocabulary lacks?  A heading naming a document's kind (``RECORD OF CONVERSATION``) is none."""
    items = []
    for b in blocks:
        text = re.sub(r"\[[^\]]*\]?", " ", b.text).strip()
        words = _words(text)
        weak = b.get("fallback") == "header-furniture" or (b.get("phase") == "top" and b.get("recogniser") == "heading")
        if not weak or b.kind.startswith("salute") or not 1 <= len(words) <= 4 or re.search(r"\d", text) \
                or DOC_KIND_RE.search(text) or text.endswith(":") or text.startswith("Dear "):
            continue
        if any(s.get("type") in MARK_TYPES for s in b.spans):
            continue
        if (text.isupper() and len("".join(words)) >= 4) or text.endswith("!"):
            items.append(ReviewItem(b.line, b.text, role_of(b), "a short header line printed as marks are "
                                    "(capitals, or ending in '!') that no vocabulary read: it may be a mark",
                                    "header-unread"))
    return items


def _shares_title(text: str, title: str) -> bool:
    """Half the title's content words (three at least) among the first 25 words of ``text``."""
    want = {w.lower() for w in CONTENT_RE.findall(title)}
    have = {w.lower() for w in CONTENT_RE.findall(" ".join(text.split()[:25]))}
    return len(want & have) >= 3 and len(want & have) >= len(want) / 2


def summary_unread(doc: Document, blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """No summary read, but a sentence saying what the title says stands where the site prints its
    description: right under the title (and donor line), or closing a page cut before its furniture.
    A repeated heading (no full stop) is the document's own and is not listed."""
    h = doc.header
    if not h.layout or h.summary or not h.title:
        return []
    furniture = {norm(h.title), norm(h.funding_sentence), norm(h.date_text)}
    text = [(i, norm(line)) for i, line in enumerate(lines, 1) if line.strip()]
    at = next((k for k, (_i, t) in enumerate(text) if t == norm(h.title)), None)
    spots = []
    if at is not None:
        spots += [k for k in range(at + 1, min(at + 3, len(text))) if text[k][1] not in furniture][:1]
    if not (h.source_line or h.rights) and text:
        spots.append(len(text) - 1)
    items = []
    for k in dict.fromkeys(spots):
        i, line = text[k]
        if len(line.split()) >= 8 and line[-1:] in ".!?" or (k == len(text) - 1 and len(line.split()) >= 8):
            if _shares_title(line, h.title) and norm(line) != norm(h.title):
                items.append(ReviewItem(i, line, "summary", "no summary found; this sentence says what the title "
                                        "says and stands where the site prints its description: it may be the "
                                        "summary", "summary-unread", "medium"))
    return items


def date_line(doc: Document, lines: list[str]) -> list[ReviewItem]:
    """No date line read, but a line of the page's date form (``March 11, 1974``) stands near the top:
    the page's date (and the title under it) may have been read from the wrong lines."""
    if not doc.header.layout or doc.header.date_text:
        return []
    at = next((i for i, line in enumerate(lines[:12], 1) if PAGE_DATE_RE.match(line.strip())), None)
    if not at:
        return []
    under = next((i for i in range(at + 1, len(lines) + 1) if lines[i - 1].strip()), None)
    items = [ReviewItem(at, lines[at - 1].strip(), "date", "no date line read, but this line has the page "
                        "date's form: the date and the title may be read from the wrong lines", "date-unread")]
    if under:  # the site prints the title right under the date line
        items.append(ReviewItem(under, lines[under - 1].strip(), "title", "the line under a date line that was "
                                "not read: it may be the title", "date-unread"))
    return items


def name_after_noun(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A name in brackets right after a common noun (``the city [Algiers]``, ``the building [in
    Baghdad]``) read as words added: it says which one (a gloss) as often as it completes the sense."""
    items = []
    for block in blocks:
        for span in (s for s in block.spans if s.kind == "supplied" and s.get("reason") == "added-in-translation"):
            inner = block.text[span.start:span.end].strip("[]").strip()
            name = re.sub(r"^(?:in|at|of|from)\s+", "", inner)
            if NAME_RE.fullmatch(name) and NOUN_BEFORE_RE.search(before(block.text, span)):
                items.append(ReviewItem(line_in_block(block, span.start, lines), block.text,
                                        f"{role_of(block)}: supplied {block.text[span.start:span.end]!r}",
                                        "a name after a common noun read as words added: it may say which one "
                                        "(a gloss)", "bracket-name-noun"))
    return items


def _abbreviates(word: str, inner: str) -> bool:
    """``Rbl`` / ``Rubles``, ``DS`` / ``state security``: the word's letters, in order, open the bracket's
    words (initials) or spell its first word's letters in order (an abbreviation and its full form)."""
    short = re.sub(r"[^\w]", "", word).lower()
    words = re.findall(r"[^\W\d_]+", inner.lower())
    if not 2 <= len(short) <= 5 or not words or not word[:1].isupper():
        return False
    if "".join(w[0] for w in words) == short:
        return True
    first = iter(words[0])
    return len(words) == 1 and len(words[0]) > len(short) and words[0][0] == short[0] and all(c in first for c in short)


def abbreviation_expanded(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A bracket read as words added right after an abbreviation it spells out (``Rbl [Rubles]``, ``DS
    [state security]``): the convention reads an expansion as a gloss, so the reading is in doubt."""
    items = []
    for block in blocks:
        for span in (s for s in block.spans if s.kind == "supplied" and s.get("reason") == "added-in-translation"):
            last = re.search(r"(\S+)\s*$", before(block.text, span))
            if last and _abbreviates(last.group(1), block.text[span.start:span.end].strip("[]")):
                items.append(ReviewItem(line_in_block(block, span.start, lines), block.text,
                                        f"{role_of(block)}: supplied {block.text[span.start:span.end]!r}",
                                        "the bracket spells out the abbreviation before it: a gloss, not words "
                                        "added", "bracket-abbreviation"))
    return items


#: A pronoun right before a bracket: ``myself [Kadri Hazbiu]``, ``my [GDR ambassador …]``, ``he [Sallal]``.
PRONOUN_RE = re.compile(r"(?<![\w-])(?i:I|me|my|myself|we|us|our|he|him|his|himself|she|her|they|them|their|it|its)\s*$")


def after_pronoun(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A bracket read as words added right after a pronoun (``myself [Kadri Hazbiu]``): it says who the
    pronoun is, which the convention reads as a gloss."""
    items = []
    for block in blocks:
        for span in (s for s in block.spans if s.kind == "supplied" and s.get("reason") == "added-in-translation"):
            inner = block.text[span.start:span.end].strip("[]").strip()
            if PRONOUN_RE.search(before(block.text, span)) and inner[:1].isupper():
                items.append(ReviewItem(line_in_block(block, span.start, lines), block.text,
                                        f"{role_of(block)}: supplied {block.text[span.start:span.end]!r}",
                                        "read as words added right after a pronoun: it may say who the pronoun is "
                                        "(a gloss)", "bracket-after-pronoun"))
    return items


def wrapped_mark(blocks: list[Block]) -> list[ReviewItem]:
    """A handling mark read to the end of its line (no closing stop) with a short line of capitalised
    words under it that nothing read (``To be returned to CPSU CC`` / ``General Department``): the
    mark may go on over the next line."""
    items = []
    for mark, below in zip(blocks, blocks[1:]):
        spans = [s for s in mark.spans if s.get("type") == "classification"]
        text = below.text.strip()
        if mark.kind != "mark" or not spans or spans[-1].end < len(mark.text.rstrip()) \
                or mark.text.rstrip()[-1:] in ".!" or len(mark.text.split()) < 3:
            continue
        if below.get("fallback") == "header-furniture" and 1 <= len(text.split()) <= 4 \
                and not re.search(r"\d", text) and text[:1].isupper():
            items.append(ReviewItem(mark.line, mark.text, role_of(mark), f"a mark read to its line's end, and "
                                    f"{text!r} under it read as furniture: the mark may go on over that line",
                                    "mark-wrapped"))
    return items


def decision_items(doc: Document, blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Every rule of this module for one page."""
    return signer_by_position(blocks) + number_under_heading(blocks, lines) + header_unread(blocks) \
        + summary_unread(doc, blocks, lines) + date_line(doc, lines) + name_after_noun(blocks, lines) \
        + abbreviation_expanded(blocks, lines) + wrapped_mark(blocks) + after_pronoun(blocks, lines)
