"""The review report: the lines of a page a person should check (ENCODING.md principle 5).

Why: an archive converting thousands of pages cannot read every output; it needs
to be sent to the few lines the converter was unsure of.  The report is read
from the document model, where the recognisers record their decisions (the
recogniser that claimed each block, its source line, ``@cert`` on uncertain
resolutions), never by re-parsing the TEI written from it.

What is listed, each with its source line (1-based; ``None`` for a page-level item):

* a line placed by the fallback: no recogniser claimed it and it is not running
  text (recogniser ``short_line``), so only its position decided its role;
* a block or span a recogniser marked with a ``review`` attribute (the hook for
  heuristics: ``block.with_attrs(review="why")`` or a span's ``review`` attr);
* a bracket no bracket recogniser claimed (read as words the translator added by
  default) that holds only a number (a footnote marker whose note is not on the
  page?) or five words and more (a description of omitted material?);
* a line that holds a classification or copy mark which was not read as one
  (two-column leftovers, a mark at the end of an addressee line);
* a span resolved with ``cert`` low or medium (a date whose year was taken from
  the document, a marginal mark whose target is a guess) and every marginal mark
  whose certainty is below high;
* page furniture that could not be read: no layout, no title, no date line, a
  date line not understood, a citation whose archive was not recognised; when no
  summary was found, the page's last paragraph of running text if it follows
  the closing group or precedes the page furniture, where summaries stand.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from .model import Block, Document, block_kind

#: The fallback recogniser of ``recognise.classify_line`` for a short non-prose line.
FALLBACK_RECOGNISERS = frozenset({"short_line"})
UNSURE = frozenset({"low", "medium"})
#: A classification or copy mark, wherever it is printed.
MARK_RE = re.compile(r"\b(?:TOP SECRET|SECRET|CONFIDENTIAL|Top [Ss]ecret|Secret|Confidential|"
                     r"Copy (?:N[º°o]\.?|no\.?|#) ?\d+)\b")
#: A default-read bracket worth a look: only digits (a footnote marker whose note is not on the
#: page?) or five words and more (a description of omitted material, an editor's remark?).
DOUBTFUL_ADDITION_RE = re.compile(r"\d+|\S+(?:\s+\S+){4,}")


@dataclass(frozen=True)
class ReviewItem:
    """One decision to check: where it is, what was made of it, and why it is uncertain."""

    line: int | None
    text: str
    role: str
    why: str


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def role_of(block: Block) -> str:
    """The role a block was given, as ``phase/kind`` (``bottom/signed``, ``body/p``, ``top/line``)."""
    phase = block.get("phase") or "body"
    role = block.get("role")
    return f"{phase}/{block.kind}" + (f" ({role})" if role else "")


def _source_line(lines: list[str], value: str) -> int | None:
    """The first source line holding the start of ``value`` (header furniture keeps no line numbers)."""
    probe = _norm(value)[:60]
    if not probe:
        return None
    for i, line in enumerate(lines, 1):
        if probe in _norm(line):
            return i
    return None


def _header_items(doc: Document, lines: list[str]) -> list[ReviewItem]:
    h = doc.header
    if not h.layout:
        return [ReviewItem(None, "", "header", "no archive page layout recognised: no title, date or "
                           "citation read; the whole text is the body")]
    items = []
    if not h.title:
        items.append(ReviewItem(None, "", "title", "no title line found; the title is taken from the text"))
    if not h.date_text:
        items.append(ReviewItem(None, "", "date", "no date line found; the document has no date"))
    elif not h.date_when:
        items.append(ReviewItem(_source_line(lines, h.date_text), h.date_text, "date",
                                "date line not understood; no machine-readable date"))
    citation = h.citation
    if h.source_line and (citation is None or not getattr(citation, "repository", "")):
        items.append(ReviewItem(_source_line(lines, h.source_line), h.source_line, "citation",
                                "archival citation not recognised: no archive or units recorded"))
    return items


def _span_items(block: Block) -> list[ReviewItem]:
    items = []
    for span in block.spans:
        printed = block.text[span.start:span.end]
        inner = printed.strip("[]").strip()
        if span.kind == "supplied" and span.get("reason") == "added-in-translation" \
                and DOUBTFUL_ADDITION_RE.fullmatch(inner):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: supplied {printed!r}",
                                    "no bracket convention matched; read as words the translator added "
                                    "(a number may be a footnote marker, a long bracket a description)"))
        elif span.get("review"):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: {span.kind}", span.get("review")))
        elif span.get("cert") in UNSURE:
            why = {"date": "date completed from the document's year"}.get(span.kind, f"{span.kind} resolved")
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: {span.kind} {printed!r}",
                                    f"{why} (cert={span.get('cert')})"))
    return items


def _unread_mark(block: Block) -> bool:
    """A classification or copy mark printed in the line (outside brackets) that no span reads."""
    if block.kind == "mark" or any(s.get("type") in ("classification", "copy") for s in block.spans):
        return False
    bare = re.sub(r"\[[^\]]*\]?", " ", block.text)
    return bool(MARK_RE.search(bare)) and (block.get("phase") != "body" or len(bare.split()) <= 14)


def _block_items(block: Block) -> list[ReviewItem]:
    items = []
    if _unread_mark(block):
        items.append(ReviewItem(block.line, block.text, role_of(block),
                                "a classification or copy mark stands in this line but was not read as one"))
    if block.get("review"):
        items.append(ReviewItem(block.line, block.text, role_of(block), block.get("review")))
    elif block.get("recogniser") in FALLBACK_RECOGNISERS and block.text.strip():
        placed = "the body" if block.get("phase", "body") == "body" else f"the {block.get('phase')} group"
        items.append(ReviewItem(block.line, block.text, role_of(block),
                                f"no recogniser claimed this short line; placed in {placed} by its position "
                                f"as {block_kind(block.kind).meaning}"))
    return items + _span_items(block)


def _mark_items(doc: Document) -> list[ReviewItem]:
    by_note: dict[str, Block] = {}
    for block in doc.blocks():
        for span in block.spans:
            if span.get("xml:id"):
                by_note[span.get("xml:id")] = block
    items = []
    for mark in doc.marks:
        if mark.cert in UNSURE:
            block = by_note.get(mark.note)
            items.append(ReviewItem(block.line if block else None, block.text if block else "",
                                    f"marginal mark ({mark.function}, {mark.rend})",
                                    f"the span the translator's note points to is a guess (cert={mark.cert})"))
    return items


def _summary_items(doc: Document) -> list[ReviewItem]:
    """No summary read: the last paragraph of running text is where a page prints it."""
    if not doc.header.layout or doc.header.summary:
        return []
    last, closed_before = None, False
    seen_closing = False
    for block in doc.blocks():
        if block.get("phase") == "bottom":
            seen_closing = True
        elif block.kind == "p" and block.get("recogniser") == "paragraph":
            last, closed_before = block, seen_closing
    furniture_after = [c for c in doc.header.chrome if c.strip() != "Skip to content"]
    if last is None or not (furniture_after or closed_before):
        # a page cut short inside its text prints no summary: nothing to point at
        return [ReviewItem(None, "", "summary", "no summary found")] if last is None else []
    return [ReviewItem(last.line, last.text, role_of(last),
                       "no summary found; this last paragraph of running text may be the page's summary")]


def review_document(doc: Document, source_text: str) -> tuple[ReviewItem, ...]:
    """Every uncertain decision in ``doc``, in source order (page-level items first)."""
    lines = source_text.split("\n")
    found = _header_items(doc, lines) + _summary_items(doc)
    for block in list(doc.blocks()) + list(doc.footnotes):
        found.extend(_block_items(block))
    found.extend(_mark_items(doc))
    seen, unique = set(), []
    for item in found:
        key = (item.line, item.role, item.why)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    unique.sort(key=lambda it: (it.line is not None, it.line or 0))
    return tuple(unique)


def lines_to_check(items) -> int:
    """How many distinct source lines (plus page-level items) a person is sent to."""
    return len({it.line for it in items if it.line is not None}) + sum(1 for it in items if it.line is None)


def report_json(reports: dict[str, tuple[ReviewItem, ...]]) -> str:
    """The ``--review`` file: one entry per source, with its count and its items."""
    out = {source: {"lines_to_check": lines_to_check(items), "items": [asdict(it) for it in items]}
           for source, items in reports.items()}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def count_line(source: str, items) -> str:
    """The one-line stderr summary for a converted source."""
    n = lines_to_check(items)
    return f"{source}: review: {n} line{'s' if n != 1 else ''} to check"


__all__ = ["ReviewItem", "review_document", "report_json", "count_line", "lines_to_check", "role_of"]
