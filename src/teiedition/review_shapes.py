"""Review rules by a line's shape: marks read from part of a line, marks after an addressee, a
signer holding a bracket, and brackets whose shape contradicts the reading they were given.

Why: on the tuning pool these wrong facts were listed by no rule (``bench_realpages.py``
reported them as missed, by key): each rule here names the shape the wrong reading left in
the model, so it also finds the same shape on pages never seen, and stays quiet where the
same words were read whole.  They read only what the recognisers recorded (blocks, their
source lines, spans) and the printed text, like the zone rules (``review_zones.py``).
"""

from __future__ import annotations

import re

from .model import Block
from .recognising.header_marks import HANDLING, NUMBER_SIGN, PRECEDENCE
from .review_items import LOOK_BACK, ReviewItem, after, before, line_in_block, role_of

#: A security mark's words: the last word of ``Absolutely secret`` or ``Strictly confidential``.
SECURITY_RE = re.compile(r"(?i:secret|confidential|restricted)[.!]?")
#: Marks after the last comma of a line that is no mark (``To: … WIERNA, URGENT, EYES ONLY``).
MARK_WORDS = rf"(?:{HANDLING}|{PRECEDENCE}|(?:TOP\s+)?SECRET|(?i:top\s+secret|strictly\s+confidential))"
TRAILING_MARKS_RE = re.compile(rf",\s*{MARK_WORDS}(?:\s*,\s*{MARK_WORDS})*\s*\.?\s*$")
#: Initials of whoever wrote the bracket, after a dash: ``[… opposition-J.G.]``, ``[… --ed.]``.
EDITOR_RE = re.compile(r"(?:[-–—]\s*(?:[A-Z]\.\s?){1,3}|[-–—]{1,2}\s*ed\.?)$")
#: A number sign right before a number: ``Nº``, ``No.``, ``No.:``, ``#``, ``№`` (``Nº 274 KOVALEV``).
NUMBER_SIGN_RE = re.compile(rf"{NUMBER_SIGN}\s*:?\s*$")
#: ``this year``, ``that year``, ``of the same year`` right before a bracket.
YEAR_WORD_RE = re.compile(r"\b(?i:this|that|last|next|same|current)\s+year\s*$")


def partial_marks(blocks: list[Block]) -> list[ReviewItem]:
    """A mark read from the end of a short line whose first words were left as header furniture
    (``Absolutely`` / ``secret`` from ``Absolutely secret``): the mark printed is the whole line."""
    by_line: dict[int, list[Block]] = {}
    for block in blocks:
        by_line.setdefault(block.line, []).append(block)
    items = []
    for line, group in by_line.items():
        marks = [b for b in group if b.kind == "mark" and SECURITY_RE.match(b.text.strip())]
        left = [b for b in group if b.get("fallback") and len(b.text.split()) <= 2]
        if marks and left:
            items.append(ReviewItem(line, f"{left[0].text} {marks[0].text}", role_of(marks[0]), "a mark read from "
                                    "the end of this line; its first words were left as furniture: the mark may be "
                                    "the whole line", "mark-partial"))
    return items


def trailing_marks(blocks: list[Block]) -> list[ReviewItem]:
    """Handling, precedence or security marks printed after the last comma of a header line read as
    something else (an addressee): ``To: … WIERNA, URGENT, EYES ONLY``; no span read them."""
    return [ReviewItem(b.line, b.text, role_of(b), "marks printed after the addressee on this line were not "
                       "read as marks", "mark-trailing")
            for b in blocks if b.get("zone") == "header" and b.kind != "mark"
            and not any(s.get("type") in ("classification", "precedence") for s in b.spans)
            and TRAILING_MARKS_RE.search(re.sub(r"\[[^\]]*\]", " ", b.text))]


def bracketed_signers(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A signer's name read with a bracketed word inside it (``G. [Pushkin]``): the name completed by
    the translator is a signer without its brackets, so what was read is a guess.  A letter expanded
    inside a word (``V[asily]. Pisarev``) is the name as printed: not listed."""
    items = []
    for block in (b for b in blocks if b.kind == "signed"):
        for span in block.spans:
            name = block.text[span.start:span.end]
            if span.kind == "name" and span.get("role") == "signatory" and re.search(r"(?:^|\s)\[", name):
                at = next((i for i, line in enumerate(lines, 1) if name in line), block.line)
                items.append(ReviewItem(at, name, role_of(block), "the signer's name holds a bracketed word: "
                                        "the completed name may be read with its brackets", "signer-bracket"))
    return items


def _omission_right_before(block: Block, span, omission_ends: frozenset[int]) -> bool:
    """An omission mark (``[…]``) stands right before ``span``, only spaces between, at most ``LOOK_BACK``
    characters back: the positions of that run of spaces are looked up among the block's omission ends
    (``omission_ends``, gathered once a block: testing every span of a long block for each bracket was quadratic)."""
    text, k = block.text, span.start
    while True:
        if k in omission_ends:
            return True
        if k == 0 or span.start - k >= LOOK_BACK or not text[k - 1].isspace():
            return False
        k -= 1


def _bracket_shape(block: Block, span, omission_ends: frozenset[int]) -> tuple[str, str] | None:
    """The code and reason for a bracket read as added words whose printed shape says otherwise, or None."""
    text = block.text
    inner = text[span.start:span.end].strip("[]").strip()
    ahead, after_one = before(text, span), text[span.end:span.end + 1]
    if EDITOR_RE.search(inner) and len(inner.split()) >= 2:
        return "bracket-editor", "the bracket ends with its writer's initials: an editor's note, not words added"
    if re.search(r"\w$", ahead) and (inner[:1] in "-–" or re.match(r"\w", after_one)):
        return "bracket-in-word", "the bracket stands inside a word: part of the word, not words added"
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", inner) and YEAR_WORD_RE.search(ahead):
        return "bracket-this-year", "a year after ``this year``: it says which year (a gloss), or words added?"
    if re.match(r"[\s.;,]*(?:\n|$)", after(text, span)) and _omission_right_before(block, span, omission_ends):
        # ``[…] [Vietnam]`` closing its line: what was left out; ``[…] [East] Germany`` goes on: words added
        return "bracket-after-gap", "the bracket right after an omission mark, closing its line, may say what " \
            "was left out (an omission), not words added"
    return None


def bracket_shapes(block: Block, lines: list[str] | None = None) -> list[ReviewItem]:
    """Brackets read as words the translator added whose shape says otherwise: an editor's initials,
    a place inside a word, a year after ``this year``, right after an omission mark."""
    items = []
    omission_ends = frozenset(g.end for g in block.spans if g.kind == "gap" and g.get("reason") == "omitted")
    for span in (s for s in block.spans if s.kind == "supplied" and s.get("reason") == "added-in-translation"):
        found = _bracket_shape(block, span, omission_ends)
        if found:
            items.append(ReviewItem(line_in_block(block, span.start, lines), block.text,
                                    f"{role_of(block)}: supplied {block.text[span.start:span.end]!r}",
                                    found[1], found[0]))
    return items


def unsigned_numbers(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """An outgoing number read where no number sign stands before it (``Pavlíček 388.`` after the
    text): the schema counts only numbers printed with ``Nº``/``No.``; it may be a serial or a date."""
    items = []
    for block in blocks:
        for span in block.spans:
            if span.kind == "idno" and span.get("type") == "outgoing" \
                    and not NUMBER_SIGN_RE.search(block.text[max(0, span.start - 14):span.start]):
                items.append(ReviewItem(line_in_block(block, span.start, lines), block.text, role_of(block),
                                        "read as the outgoing number, but no number sign stands before it",
                                        "number-unsigned"))
    return items


def shape_items(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Every line-shape rule's items for one page's blocks."""
    found = partial_marks(blocks) + trailing_marks(blocks) + bracketed_signers(blocks, lines) \
        + unsigned_numbers(blocks, lines)
    for block in blocks:
        found += bracket_shapes(block, lines)
    return found
