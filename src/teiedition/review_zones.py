"""Review rules by zone of the page: summary, title, closing, stamps, distribution, citation, brackets.

Why: a decision the converter took by position only, or by a pattern that nearly
matched, is where the facts go wrong on pages never seen; these rules list such a
decision when the line's shape says the evidence was weak (a summary taken from the
line before the date, a name in capitals after the text read as a heading, a stamp
holding two numbers) and stay quiet when it was strong.  Each rule decides by where
a line stands and what shape it has, never by the wording of pages seen.  The rules
read the decisions the recognisers already record in the model (the recogniser's
name, ``fallback``, spans and their attributes) and the source lines, so no recogniser
changes for them.  The certainty of each reason is calibrated on the tuning pages
(``review_calibration.py``).
"""

from __future__ import annotations

import re

from .model import Block, Document
from .review_decisions import DOC_KINDS, decision_items
from .review_items import ReviewItem, before, line_in_block, norm, role_of
from .review_shapes import shape_items

#: A name printed in capitals, as signers sign: ``MAO ZEDONG.``, ``G. PUSHKIN``, ``ZAKHAROV``.
CAPS_NAME_RE = re.compile(r"(?:[A-ZÀ-Ý]\.\s?){0,3}[A-ZÀ-Ý][A-ZÀ-Ý’'-]{2,}(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý’'-]{2,}){0,2}\.?")
#: A date printed before or after a signer's name: ``13.1.51``, ``25 October 1949``, ``Nov 15, 1950``.
LINE_DATE_RE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}")
#: Words of a heading in capitals that are no name (a document type, a mark).
NOT_A_SIGNER_RE = re.compile(rf"(?i)\b(?:secret|confidential|copy|urgent|{DOC_KINDS}|of|the|and|to|from)\b")
#: One line of a distribution printed as numbered copies: ``Nº 2 – to Stalin``, ``Copy Nº 1 to Cde. Stalin``.
DIST_LINE_RE = re.compile(r"^\s*(?:Copy\s+)?N[º°o]\.?\s*\d+\s*(?:[-–—]|to\b)")
#: A distribution list's label: ``Distributed to``, ``Copies to:``, ``Sent to``.
DIST_LABEL_RE = re.compile(r"(?i:distributed\s+to|distribution|copies\s+(?:sent\s+)?to|sent\s+to)\s*:?")
#: Archival units as printed: ``f. 5``, ``op. 28``, ``d. 347``, ``ll. 8``, ``Fond 45``, ``papka 11``.
#: ``I. 53`` is ``l. 53`` (a folio) as a scan reads it.
UNIT_RE = re.compile(r"(?<![\w.])(?:(?i:f|fond|o|op|opis|d|delo|l|ll|II|list|listy|p|papka|k|karton|sz|t)|I)\.?\s*\d")
#: A line opening with a speaker's label (up to five words) and a full stop or colon: ``Kim Il Sung. The mood``.
LABEL_RE = re.compile(r"((?:\S+\s){0,4}?\S+?)\s*[.:]\s+\S")
#: A stamp whose bracket closes right after its label: ``[Stamp:] Secretariat of …``.
LABEL_ONLY_RE = re.compile(r"^\[[^\]\n]{1,40}:?\s*\]")
STAMP_NUMBER_RE = re.compile(r"(?<![\d./-])\d{3,}(?:/\w+)?(?![\d./-])")


def _first_line(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines, 1) if line.strip()), None)


def summary_position(doc: Document, lines: list[str]) -> list[ReviewItem]:
    """A summary taken from the line printed before the date line (the page's description), when
    the page does not print those words again: the summary printed after the text may differ."""
    summary = norm(doc.header.summary)[:40]
    first = _first_line(lines)
    if not summary or first is None or not norm(lines[first - 1]).startswith(summary):
        return []
    if any(summary in norm(line) for line in lines[first:]):
        return []
    return [ReviewItem(first, lines[first - 1].strip(), "summary",
                       "the summary was taken by its position from the description printed before the date; "
                       "the page's own summary (after the text, or cut off) may differ", "summary-position")]


def cut_summary(doc: Document, lines: list[str], blocks: list[Block]) -> list[ReviewItem]:
    """No summary read on a page that stops without its furniture: a prose line after the closing
    group that stops mid-word is where the summary starts (``Report on a conversation between GDR Provi``)."""
    h = doc.header
    if not h.layout or h.summary or h.source_line or h.rights:
        return []
    last = max((i for i, line in enumerate(lines, 1) if line.strip()), default=None)
    closing = [b for b in blocks if b.get("phase") == "bottom" and b.line < (last or 0)]
    if last is None or not closing:
        return []
    text = lines[last - 1].strip()
    if len(text.split()) < 4 or text[-1:] in ".!?:;”\"]" or not text[:1].isupper():
        return []
    return [ReviewItem(last, text, "summary", "no summary found; the page stops inside this line after the "
                       "closing: it may be the start of the summary", "summary-candidate", "medium")]


def title_line(doc: Document, lines: list[str]) -> list[ReviewItem]:
    """No title read: the first line after the date line that is no date and no paragraph of prose."""
    h = doc.header
    if not h.layout or h.title or not h.date_text:
        return []
    at = next((i for i, line in enumerate(lines, 1) if norm(h.date_text) in norm(line)), None)
    furniture = {norm(c) for c in h.chrome} | {norm(h.funding_sentence), norm(h.summary)}
    for i in range(at or len(lines), len(lines)):
        text = lines[i].strip()
        if not text or LINE_DATE_RE.fullmatch(text.rstrip(".")) or not 3 <= len(text.split()) <= 25:
            continue
        if norm(text) in furniture or lines[i].startswith("  ") or not text[:1].isalnum():
            continue  # the donor line, dropped chrome, an indented summary or citation, a bullet
        return [ReviewItem(i + 1, text, "title", "no title line found: this line after the date may be the title",
                           "no-title")]
    return []


def _caps_name(line: str) -> bool:
    bare = LINE_DATE_RE.sub(" ", line).strip(" ,.;:“”\"'")
    return bool(CAPS_NAME_RE.fullmatch(bare)) and not NOT_A_SIGNER_RE.search(bare)


def caps_signer(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A name in capitals on a line of its own after the text, read as a heading or a paragraph: how
    signers sign (``MAO ZEDONG.``, ``13.1.51 ROSHCHIN``), so the signer may be missing."""
    items = []
    for prev, block in zip(blocks, blocks[1:]):
        first = block.text.split("\n")[0]
        if not _caps_name(first.rstrip().rstrip(":")):
            continue
        if first.rstrip().endswith(":"):
            continue  # ``JOHN WHITEHEAD:``: a speaker's label
        # after a sentence or a signature, not after an addressee line (``to Cdes. SADCHIKOV`` / ``CHECHULIN``)
        after_text = prev.kind == "signed" or (prev.kind == "p" and prev.text.rstrip()[-1:] in ".!?”\"")
        if after_text and block.kind not in ("signed", "mark") and block.get("phase") != "top":
            items.append(ReviewItem(block.line, first.strip(), role_of(block), "a name in capitals on its own "
                                    "line after the text was not read as a signer", "signer-unread"))
    # two names in capitals each over a paragraph are a dialogue's speaker labels (``TODOR ZHIVKOV``)
    return items if _labels_over_prose(lines) < 2 else []


def _labels_over_prose(lines: list[str]) -> int:
    """How many lines of the page are a name in capitals (``JOHN WHITEHEAD:``) over a paragraph of prose."""
    text = [line.strip() for line in lines if line.strip()]
    return sum(1 for line, below in zip(text, text[1:])
               if _caps_name(line.rstrip(":")) and len(below.split()) >= 8)


def speaker_signer(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """A signer read by position only whose words open other lines of the page as a speaker's label
    (``Kim Il Sung.`` closing a record of conversation): the last turn, not a signature."""
    labels = {m.group(1) for m in (LABEL_RE.match(line.strip()) for line in lines) if m}
    return [ReviewItem(b.line, b.text, role_of(b), "read as a signer by its position, but these words open other "
                       "lines as a speaker's label", "signer-unread")
            for b in blocks if b.kind == "signed" and b.get("recogniser") == "short_line"
            and len(b.text.strip()) >= 4 and b.text.strip().rstrip(".:") in labels]


def stamp_items(block: Block, lines: list[str] | None = None) -> list[ReviewItem]:
    """A stamp whose bracket closes after its label (``stamp-label``: its text is a guess), or holding
    numbers of which only one was read, or left open (``stamp-unsure``: which is its number is a guess).
    The codes differ because the two decisions differ in how often they are right (calibration)."""
    items = []
    for note in (s for s in block.spans if s.kind == "note" and s.get("type") == "stamp"):
        printed = block.text[note.start:note.end]
        idnos = [s for s in block.spans if s.kind == "idno" and note.start <= s.start < note.end]
        numbers = {m.group() for m in STAMP_NUMBER_RE.finditer(LINE_DATE_RE.sub(" ", printed))}
        if not printed.rstrip().endswith("]") and "\n" in printed:
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: stamp", "the stamp's bracket does "
                                    "not close where it was read: its number or date may be left outside",
                                    "stamp-unsure", "medium"))
        elif LABEL_ONLY_RE.match(printed) and len(printed) > LABEL_ONLY_RE.match(printed).end() + 2:
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: stamp", "the stamp's bracket "
                                    "closes after its label: what the stamp says is a guess", "stamp-label"))
        elif len(idnos) == 1 and len(numbers) >= 2:
            piece = block.text[:idnos[0].start].count("\n")
            items.append(ReviewItem(line_in_block(block, idnos[0].start, lines), block.text.split("\n")[piece],
                                    f"{role_of(block)}: stamp",
                                    f"the stamp holds {len(numbers)} numbers; the one read as its number is a "
                                    "guess", "stamp-unsure", "medium"))
    return items


def distribution_runs(items: list[ReviewItem], lines: list[str]) -> list[ReviewItem]:
    """Lines of numbered copies (``Nº 2 – to Stalin``) listed one by one as unread numbers or marks are
    one decision: a distribution list not read; listed once, at its first line."""
    out, last_dist, dist_lines = [], None, set()
    for item in items:
        printed = lines[item.line - 1] if item.line and item.line <= len(lines) else item.text
        if item.code in ("number-unread", "number-alone", "mark-unread") and DIST_LINE_RE.match(printed):
            if last_dist is not None and item.line is not None and item.line - last_dist <= 3:
                last_dist = item.line
                continue
            last_dist = item.line
            item = ReviewItem(item.line, item.text, item.role, "numbered copies sent to people: a distribution "
                              "list that was not read as one", "distribution-unread", "medium")
        if item.code == "distribution-unread":
            if item.line in dist_lines:
                continue  # the same list found by two rules
            dist_lines.add(item.line)
        out.append(item)
    return out


def distribution_label(blocks: list[Block]) -> list[ReviewItem]:
    """A ``Distributed to`` or ``Copies to`` label standing alone, placed by the fallback: the names
    under it are a distribution list that was not read as one."""
    return [ReviewItem(b.line, b.text, role_of(b), "a distribution label on its own line was not read: the "
                       "names under it may be a distribution list", "distribution-unread", "medium")
            for b in blocks if b.get("recogniser") == "short_line" and b.kind != "distribution"
            and DIST_LABEL_RE.fullmatch(b.text.strip())]


def inside_open_stamp(blocks: list[Block]) -> list[ReviewItem]:
    """A stamp bracket left open where it was read: the lines up to its closing ``]`` that were read
    as marks (``Subject to return to the CPSU`` under ``[CPSU CC stamp:``) may be the stamp's words
    (``stamp-inside``)."""
    items, open_stamp = [], False
    for block in blocks:
        if open_stamp and (block.kind == "mark" or any(s.get("type") == "classification" for s in block.spans)):
            items.append(ReviewItem(block.line, block.text, role_of(block), "read as a mark, but it stands inside "
                                    "a stamp bracket opened above: it may be the stamp's words", "stamp-inside",
                                    "medium"))
        if open_stamp and "]" in block.text:
            open_stamp = False
        for note in (s for s in block.spans if s.kind == "note" and s.get("type") == "stamp"):
            open_stamp = "]" not in block.text[note.start:note.end]
    return items


def double_brackets(lines: list[str]) -> list[ReviewItem]:
    """Double brackets (``[[…]]``) have no convention of their own: the page says what they mean (crossed
    out, added); how they were read is a guess.  Listed once, at the first."""
    at = next((i for i, line in enumerate(lines, 1) if "[[" in line), None)
    return [ReviewItem(at, lines[at - 1].strip(), "brackets", "double brackets: no bracket convention reads them; "
                       "check what the page says they mean", "bracket-default")] if at else []


#: A bracket completing the noun before with a prepositional phrase: ``Sector [of the Foreign Ministry]``.
COMPLETION_RE = re.compile(r"(?:of|in|at|on|for|from|by|with)\s+\S")
MONTH_RE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)\b")
#: A day and month right before a bracket: ``12 January [1950]``, ``January 12 [1950]``, ``18th July [1967]``.
DAY_MONTH_RE = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?),?\s*$")


def bracket_candidates(block: Block, lines: list[str] | None = None) -> list[ReviewItem]:
    """Readings of words added that the tuning pages split between supplied and not (a completion
    after a noun, a year after a day and month): candidates whose calibrated certainty keeps them
    off the default report; ``--review-threshold 1`` lists them."""
    items = []
    for span in (s for s in block.spans if s.kind == "supplied" and s.get("reason") == "added-in-translation"):
        inner = block.text[span.start:span.end].strip("[]").strip()
        ahead = before(block.text, span)
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", inner) and DAY_MONTH_RE.search(ahead):
            code, why = "bracket-year", "a year after a day and month: part of the date, or words added?"
        elif COMPLETION_RE.match(inner) and re.search(r"[a-z]\w*\s*$", ahead) \
                and not re.search(r"\w(?:ed|ing)\s*$", ahead) and not MONTH_RE.search(inner):
            # after a verb (``reflected [in our assessments]``) or naming a month (``the 26th [of June]``)
            # the phrase is the translator's words
            code, why = "bracket-completion", "a phrase completing the noun before: words added, or a gloss?"
        else:
            continue
        items.append(ReviewItem(line_in_block(block, span.start, lines), block.text, f"{role_of(block)}: supplied "
                                f"{block.text[span.start:span.end]!r}", why, code))
    return items


DIST_KINDS = frozenset({"distribution", "dist-item", "dist-item-top"})


def copies_to_people(blocks: list[Block], lines: list[str]) -> list[ReviewItem]:
    """Numbered copies addressed to people (``Copy Nº 1 to Cde. Stalin``) on a page where no distribution
    list was read: they were read as copy marks or left as furniture; listed once, at the first."""
    if any(b.kind in DIST_KINDS for b in blocks):
        return []
    at = [i for i, line in enumerate(lines, 1) if DIST_LINE_RE.match(line) and re.search(r"\bto\b|[-–—]\s*\w", line)]
    if len(at) < 2:
        return []
    return [ReviewItem(at[0], lines[at[0] - 1].strip(), "distribution", "numbered copies addressed to people, and "
                       "no distribution list read: they may be one", "distribution-unread", "medium")]


def indented_summary(doc: Document, lines: list[str]) -> list[ReviewItem]:
    """No summary read, but an indented paragraph of prose stands before the text (the bare layout
    prints its summary so): it may be the summary."""
    if not doc.header.layout or doc.header.summary:
        return []
    for i, line in enumerate(lines[:12], 1):
        if line.startswith("  ") and len(line.split()) >= 12 and line.rstrip()[-1:] in ".!?":
            return [ReviewItem(i, line.strip(), "summary", "no summary found; this indented paragraph before "
                               "the text may be the summary", "summary-candidate", "medium")]
    return []


#: A unit that holds more than one unit: a word and a number (``Korea 25-005249/1980``), a number and
#: another unit's label (``288. f. 5/515. o. e``), words (``122 and AVPRF``), or no letter nor digit (``)``).
#: A collection's code in capitals before its number (``DY 30``, ``NY 4182``) is one unit.
ODD_UNIT_RE = re.compile(r"\s[a-zA-Z]{2,}|[A-Z]?[a-z]{2,}\s+\d|\d\.?\s+[a-ző]{1,2}\.|^\W*$")
#: A second archive's reference run on after the first (``… List 122 and AVPRF, Fond 059a …``): its units
#: are not the first archive's, so they are not counted as units printed and left unread.
SECOND_ARCHIVE_RE = re.compile(r"\s(?:and|;)\s+(?=[A-Z]{3,}\b)|;\s*(?=[A-Z]{3,}\b)")
#: Where a citation sentence's reference starts: after the site's name (layout C's sentence).
SITE_RE = re.compile(r"Digital Archive,\s*")


def _skipped_reference(source_line: str, verbatim: str) -> str:
    """Printed units before the part read as the citation (``Szyfrogramy … 6/77 w-83 t-1263.`` before
    ``Polish Foreign Ministry Archive (AMSZ), Warsaw``): a reference whose units come first."""
    at = source_line.find(verbatim) if verbatim else -1
    if at <= 0:
        return ""
    printed = source_line[:at]
    site = list(SITE_RE.finditer(printed))
    printed = printed[site[-1].end():] if site else printed
    return printed.strip() if re.search(r"\d", printed) and len(printed.split()) <= 12 else ""


def citation_items(doc: Document, line: int | None) -> list[ReviewItem]:
    """A citation whose units hold words (``122 and AVPRF``: two references run together) or that
    prints more units than were read (``o. 13a``, ``ll. 8``)."""
    citation = doc.header.citation
    if citation is None:
        return []
    skipped = _skipped_reference(doc.header.source_line, citation.verbatim)
    if not getattr(citation, "units", None) and not skipped:
        return []
    odd = [v for v in (citation.units or {}).values() if ODD_UNIT_RE.search(str(v))]
    printed = len(UNIT_RE.findall(SECOND_ARCHIVE_RE.split(citation.verbatim)[0]))
    if not odd and printed <= len(citation.units or {}) and not skipped:
        return []
    why = (f"the reference printed before the archive's name ({skipped!r}) was left out of the citation" if skipped
           else f"a unit of the citation holds words ({odd[0]!r})" if odd else
           f"the citation prints {printed} units, {len(citation.units)} were read")
    return [ReviewItem(line, doc.header.source_line, "citation", why + ": check the archive's units",
                       "citation-units", "medium")]


def zone_items(doc: Document, lines: list[str], blocks: list[Block], source_at) -> list[ReviewItem]:
    """Every zone rule's items for one page (``source_at``: the source line of a header string)."""
    found = summary_position(doc, lines) + cut_summary(doc, lines, blocks) + title_line(doc, lines) \
        + indented_summary(doc, lines) + copies_to_people(blocks, lines)
    found += caps_signer(blocks, lines) + speaker_signer(blocks, lines) + distribution_label(blocks)
    found += citation_items(doc, source_at(doc.header.source_line) if doc.header.source_line else None)
    found += shape_items(blocks, lines) + decision_items(doc, blocks, lines)
    for block in blocks:
        found += stamp_items(block, lines) + bracket_candidates(block, lines)
    return found + inside_open_stamp(blocks) + double_brackets(lines)
