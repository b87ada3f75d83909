"""Review rules for lines a fallback placed, or read in part, where a fact of the edition may hide.

Why: on batch 5's tune pages (measured before any rule here), most wrong facts no rule proposed
stood on lines the converter placed by its fallbacks: a header line left as furniture holding a
number or a bracket, a title and a signer's name side by side (two columns flattened) read as a
heading, a copies line announcing a distribution that was not read.  Each rule names the shape
the fallback left in the model, never the words of pages seen; ``review_score`` weighs them with
the rest of the line's evidence.  They read blocks and source lines only, like the other rules.
"""

from __future__ import annotations

import re

from .model import Block
from .recognising.header_marks import COPY, HANDLING
from .review_items import ReviewItem, line_in_block, role_of

#: Blocks a fallback placed: a zone's furniture, a short line by its length, the closing zone's default.
FALLBACK_RECOGNISERS = frozenset({"short_line", "closing_zone_fallback"})
#: Two columns run together: a wide gap, then a name with initials (``I. Stalin``, ``m. PomaZneV``).
COLUMN_NAME_RE = re.compile(r"\S\s{3,}((?:[A-ZÀ-Ýa-z]\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+)\.?\s*$")
#: A name with initials alone: ``I. Stalin``, ``m. PomaZneV``, ``A.A. Gromyko``.
INITIALS_NAME_RE = re.compile(r"(?:[A-ZÀ-Ýa-z]\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+\.?")
#: A name with initials spaced out letter by letter: ``L. B E R I A``.
SPACED_NAME_RE = re.compile(r"(?:[A-ZÀ-Ý]\.\s?){1,3}[A-ZÀ-Ý](?:\s[A-ZÀ-Ý]){2,}")
#: A line saying copies were made or sent: ``Thirty-three copies were printed. Distribution was made to:``.
COPIES_LINE_RE = re.compile(r"(?i)\bcopies\b.*\b(?:printed|made|typed|sent|to)\b|\bdistribut\w*\b.*:\s*$")
#: Blocks of a distribution read as one.
DIST_KINDS = frozenset({"distribution", "dist-item", "dist-item-top"})
#: Letters in a word printed in mixed case against its grain (``toP seCret``: small capitals read
#: letter by letter): a mark printed in capitals whose case the page lost.
ODD_CASE_RE = re.compile(r"\b[a-zà-ÿ]+[A-ZÀ-Ý]\w*|\b[A-ZÀ-Ý][a-zà-ÿ]+[A-ZÀ-Ý]{1,2}\b")


def bracket_in_furniture(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A bracket on a header line the zone's fallback left as furniture (``31 [rest of date illegible,
    possible October]``): the line was not understood, so what its bracket was read as is a guess."""
    items = []
    for block in blocks:
        if block.get("fallback") != "header-furniture":
            continue
        for span in (s for s in block.spans if s.kind in ("supplied", "unclear", "note")):
            items.append(ReviewItem(line_in_block(block, span.start, lines), block.text,
                                    f"{role_of(block)}: {span.kind} {block.text[span.start:span.end]!r}",
                                    "a bracket on a header line no recogniser understood: its reading is a guess",
                                    "bracket-furniture"))
    return items


def signer_in_columns(blocks: list[Block]) -> list[ReviewItem]:
    """A title and a name with initials side by side (``Chairman of the Council of Ministers      I.
    Stalin``: a sign-off's two columns on one line, split at the gap or not) read as a heading or a
    line by position, with no signer read in it."""
    by_line: dict[int, list[Block]] = {}
    for block in blocks:
        if block.get("phase", "body") != "top":
            by_line.setdefault(block.line, []).append(block)
    items = []
    for line, group in by_line.items():
        last = group[-1]
        if last.kind not in ("head", "heading", "line") or any(s.get("role") == "signatory" for s in last.spans):
            continue
        split = len(group) >= 2 and INITIALS_NAME_RE.fullmatch(last.text.strip())
        if split or COLUMN_NAME_RE.search(last.text):
            items.append(ReviewItem(line, " ".join(b.text for b in group), role_of(last), "a title and a name "
                                    "with initials side by side (two columns on one line): a signer no rule read?",
                                    "signer-columns"))
    return items


def names_line(blocks: list[Block]) -> list[ReviewItem]:
    """A short line after the text made of names with initials only (``V. Molotov, G. Malenkov``,
    ``/L. B E R I A /``: signers side by side, or a name spaced out) read as a line or a heading by
    position, with no signer read in it."""
    items = []
    for block in blocks:
        text = block.text.strip().strip("/ ").strip()
        names = [n.strip() for n in re.split(r",|\s{3,}", text) if n.strip()]
        if block.get("phase", "body") == "top" or block.kind not in ("head", "heading", "line") \
                or any(s.get("role") == "signatory" for s in block.spans) or not names or len(names) > 4:
            continue
        if all(INITIALS_NAME_RE.fullmatch(n) or SPACED_NAME_RE.fullmatch(n) for n in names):
            items.append(ReviewItem(block.line, block.text, role_of(block), "a line of names with initials after "
                                    "the text, read by position: signers no rule read?", "signer-names"))
    return items


def parenthesised_header(blocks: list[Block]) -> list[ReviewItem]:
    """A header line wholly in parentheses that the zone's fallback left as furniture (``(Destroy after
    reading)``): a handling instruction the vocabulary lacks, or a remark?"""
    return [ReviewItem(b.line, b.text, role_of(b), "a header line in parentheses that no vocabulary read: a "
                       "handling mark?", "header-parenthesised")
            for b in blocks if b.get("fallback") == "header-furniture"
            and re.fullmatch(r"\([^()]{3,60}\)\.?", b.text.strip()) and not re.search(r"\d", b.text)]


def copies_line(blocks: list[Block]) -> list[ReviewItem]:
    """A line saying how many copies were made or to whom they went, on a page where no distribution
    list was read: the list under it (or in it) may not have been read as one."""
    if any(b.kind in DIST_KINDS for b in blocks):
        return []
    for block in blocks:
        if block.get("phase") != "top" and COPIES_LINE_RE.search(block.text.strip()) \
                and len(block.text.split()) <= 20:
            return [ReviewItem(block.line, block.text, role_of(block), "copies made or sent, and no distribution "
                               "list read on the page: it may be one", "distribution-copies", "medium")]
    return []


def odd_case_marks(blocks: list[Block]) -> list[ReviewItem]:
    """A short header line in mixed case against the grain (``toP seCret``) that no vocabulary read,
    left as furniture or read as a heading: a mark printed in capitals whose case the page lost."""
    items = []
    for b in blocks:
        text = re.sub(r"\[[^\]]*\]?", " ", b.text).strip()
        weak = b.get("fallback") == "header-furniture" or (b.get("phase") == "top" and b.get("recogniser") == "heading")
        if weak and 1 <= len(text.split()) <= 4 and not re.search(r"\d", text) and not b.kind.startswith("salute") \
                and not any(s.get("type") in ("classification", "precedence", "copy") for s in b.spans) \
                and len(ODD_CASE_RE.findall(text)) >= max(1, len(text.split()) // 2):
            items.append(ReviewItem(b.line, b.text, role_of(b), "a short header line in mixed case against its "
                                    "grain that no vocabulary read: a mark whose capitals were lost?",
                                    "mark-case"))
    return items


#: A handling mark opening a line, or a copy mark anywhere in it: ``EYES ONLY Secretary …``, ``Copy 1 of 4``.
OPENING_MARK_RE = re.compile(rf"\s*(?:{HANDLING})")
COPY_MARK_RE = re.compile(rf"(?<![\w-]){COPY}")


def marks_in_text(blocks: list[Block]) -> list[ReviewItem]:
    """A paragraph after the header opening with a handling mark (``EYES ONLY Secretary and …``) or
    holding a copy mark in a short line (``Copy 1 of 4 copies.``) that no span read: a mark of a header
    the page printed inside the text (a cable's format), read as prose."""
    items = []
    for b in blocks:
        if b.kind != "p" or b.get("phase", "body") == "top" \
                or any(s.get("type") in ("classification", "precedence", "copy") for s in b.spans):
            continue
        bare = re.sub(r"\[[^\]]*\]?", " ", b.text)
        if OPENING_MARK_RE.match(bare) or (COPY_MARK_RE.search(bare) and len(bare.split()) <= 20):
            items.append(ReviewItem(b.line, b.text, role_of(b), "a handling or copy mark printed in a paragraph "
                                    "of text, not read as a mark", "mark-in-text"))
    return items


def one_item_distribution(blocks: list[Block]) -> list[ReviewItem]:
    """A distribution read from one numbered line at the top and nothing else (``75 – PARIS (7th)``: an
    address with a number, a list of one?)."""
    dist = [b for b in blocks if b.kind in DIST_KINDS]
    if len(dist) == 1 and dist[0].kind == "dist-item-top":
        return [ReviewItem(dist[0].line, dist[0].text, role_of(dist[0]), "a distribution of one item read at the "
                           "top: a numbered line that is no list?", "distribution-one")]
    return []


def summary_after_signoff(doc, blocks: list[Block]) -> list[ReviewItem]:
    """No summary read, and the page's last block is a paragraph of prose right under a short line
    ending with a year or a name with initials (``21 November [1957]``, ``G.W. Boissevain.``), read
    by position as lines: a sign-off the page printed, then the site's summary (a cut page's tail)."""
    if not doc.header.layout or doc.header.summary or len(blocks) < 3:
        return []
    last, before = blocks[-1], blocks[-2]
    text = re.sub(r"\[([^\]]*)\]", r"\1", before.text.strip())
    if last.kind != "p" or len(last.text.split()) < 8 or before.kind not in ("line", "dateline", "signed") \
            or len(text.split()) > 5 or not (re.search(r"\b1[89]\d\d\.?$|\b20\d\d\.?$", text)
                                             or INITIALS_NAME_RE.fullmatch(text)):
        return []
    return [ReviewItem(last.line, last.text, role_of(last), "no summary found; this last paragraph follows a "
                       "sign-off's date or name: it may be the page's summary", "summary-after-text", "medium")]


def fallback_items(doc, blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Every rule of this module for one page."""
    return summary_after_signoff(doc, blocks) + bracket_in_furniture(blocks, lines) + signer_in_columns(blocks) \
        + copies_line(blocks) + odd_case_marks(blocks) + names_line(blocks) + parenthesised_header(blocks) \
        + marks_in_text(blocks) + one_item_distribution(blocks)
