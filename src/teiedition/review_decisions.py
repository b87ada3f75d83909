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
from .review_items import ReviewItem, line_in_block, role_of

#: Recognisers that place a line by its position and length only (no word confirms the reading).
POSITIONAL = frozenset({"short_line", "heading"})
#: A number sign and a number, nothing else: ``No. Pg-18/34g``, ``Nº 284``.
BARE_NUMBER_RE = re.compile(r"\s*(?:N[º°o]|No|NO|№|Nr)\.?:?\s*\S*\d\S*\s*")
#: Words of a heading that name a document's kind, not a mark: ``RECORD OF CONVERSATION``, ``TELEGRAM``.
DOC_KIND_RE = re.compile(r"(?i)\b(?:telegram|cable|memorandum|record|report|letter|note|minutes|protocol|decree|"
                         r"resolution|appendix|attachment|annex|draft|information|conversation|statement|"
                         r"translation|cipher\w*|diary|journal|transcript|directive|instruction\w*)\b")
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


def decision_items(doc: Document, blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Every rule of this module for one page."""
    return signer_by_position(blocks) + number_under_heading(blocks, lines) + header_unread(blocks)
