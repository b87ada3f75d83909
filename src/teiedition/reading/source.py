"""Reading a saved archive page: layouts A-D, page furniture and body lines.

Why: the archive's pages wrap the translation in site furniture (date line,
title, donor line, summary, citation, rights, facets, chrome) whose place
differs by page layout.  This module finds the layout, takes the furniture out
into a ``model.Header`` and hands the body on as numbered lines; it knows
nothing of TEI.  Layouts (corpus/README.md):

* A  ``Skip to content`` first; blank lines between blocks; chrome at the end.
* B  compact: date line first, single newlines; the summary may come first.
* C  old page: ``Search in`` ... ``• Citation``, an indented summary and the
     citation sentence (which holds the title in quotation marks) at the top.
* D  bare legacy page: date line and body, with an indented summary and
     citation sentence but no site chrome.

Split by job: ``furniture`` (the printed patterns and line shapes, the ``Header`` built
from them), ``top_zone`` (date, title, donor), ``tail_zone`` (Document Information),
``old_layouts`` (C and D); this module picks the layout, reads A and B, and reads the
body lines (two-column blocks, wrapped lines, open brackets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Header
from ..recognising.header_marks import NUMBER_SIGN
from . import old_layouts
from .furniture import (CITATION_TITLE_RE, DONOR_RE, FORMAT_RE, PAGE_DATE_RE, PUBLISHER, TAIL_START_RE, TOOLBAR_RE,
                        TWO_COLUMNS_RE, CHROME_LABELS, cut_tail_label, header_of, looks_like_summary, reads_as_prose,
                        single_title, summary_before_date)
from .summary_zone import date_repeated_indented, neighbours_teaser, place_summary
from .tail_zone import read_tail
from .top_zone import year_date_line, read_top

@dataclass(frozen=True)
class SourceLine:
    """One body block as read: its text (cells of a two-column line are split) and line number."""

    text: str
    line: int
    empty_run: int = 0  # the longest run of truly empty lines before it, to see section breaks


@dataclass(frozen=True)
class SourcePage:
    header: Header
    body: tuple[SourceLine, ...]
    warnings: tuple[str, ...] = ()


def _blank(line: str) -> bool:
    return not line.strip()


def detect_layout(lines: list[str]) -> str:
    """A, B, C or D from the page's first lines; '' when none fits."""
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if first == "Skip to content":
        return "A"
    if first == "Search in" or any(ln.strip() == "• Citation" for ln in lines[:40]):
        return "C"
    if summary_before_date([ln for ln in lines[:200] if ln.strip()][:6]):
        return "B"  # the summary printed before the date line
    if re.fullmatch(r"1[89]\d\d|20\d\d", first):
        texts = [ln.strip() for ln in lines[:200] if ln.strip()][:3]
        if year_date_line(texts, 0, DONOR_RE, reads_as_prose):
            return "B"  # a page dated by its year alone, the title under it
    if PAGE_DATE_RE.match(first):
        indented = [ln for ln in lines if ln.startswith("  ") and ln.strip()]
        donor = any(DONOR_RE.match(ln.strip()) for ln in lines[:12])
        if indented and any(CITATION_TITLE_RE.match(ln) for ln in indented[:4]):
            return "C" if donor else "D"  # the old page with its chrome cut off: donor, indented citation block
        if indented and not donor and date_repeated_indented(first, indented[:3], [ln for ln in lines[:12] if ln.strip()]):
            return "D"  # the bare layout cut before its citation: date / indented summary / the date again
        return "B"
    if any(CITATION_TITLE_RE.match(ln) for ln in lines if ln.startswith("  ")):
        return "D"
    if any(DONOR_RE.match(ln.strip()) for ln in [ln for ln in lines[:40] if ln.strip()][:5]):
        return "B"  # a web page without its date line: the donor line under the title anchors it
    return ""


def read_page(text: str, *, name: str = "<input>") -> SourcePage:
    """Split a decoded page into header furniture and numbered body lines."""
    lines = text.split("\n")
    layout = detect_layout(lines)
    reader = {"A": _read_web, "B": _read_web, "C": _read_old, "D": _read_bare}.get(layout)
    if reader is None:
        body = _body_lines(lines, 0, len(lines))
        return SourcePage(Header(layout="", publisher=PUBLISHER), body, (
            f"{name}: warning: no archive page layout recognised (no date line, "
            "'Skip to content' or citation); the whole text is the body, the header has no page facts",))
    page = reader(lines, layout, name)
    return SourcePage(page.header, page.body, page.warnings + _header_warnings(page.header, name))


def _header_warnings(header: Header, name: str) -> tuple[str, ...]:
    """Name the page furniture that could not be read: a header is never silently incomplete."""
    missing = [what for what, value in (("title", header.title), ("date line", header.date_text)) if not value]
    if not missing:
        return ()
    return (f"{name}: warning: page header not read: no {' and no '.join(missing)} found "
            f"(layout {header.layout}); the edition's title is taken from the text",)


# -- layouts A and B ----------------------------------------------------------------


def _read_web(lines: list[str], layout: str, name: str) -> SourcePage:
    n = len(lines)
    idx = [i for i in range(n) if not _blank(lines[i])]
    chrome: list[str] = []
    pos = 0
    if layout == "A":
        chrome.append(lines[idx[0]].strip())
        pos = 1
    fields: dict[str, str] = {}
    summary = ""
    # the summary may come first, right before the date line
    lead = summary_before_date([lines[i] for i in idx[pos:pos + 6]])
    if lead:
        summary = " ".join(lines[i].strip() for i in idx[pos:pos + lead])
        pos += lead
    # date line, title line, donor line: found from the date and donor anchors (top_zone)
    top = read_top([lines[i].strip() for i in idx], pos, date_re=PAGE_DATE_RE, donor_re=DONOR_RE,
                   toolbar_re=TOOLBAR_RE, reads_as_prose=reads_as_prose,
                   looks_like_summary=looks_like_summary, single_title=single_title)
    fields.update(top.fields)
    chrome.extend(top.chrome)
    summary = summary or top.summary
    pos = top.pos
    while pos < len(idx) and (lines[idx[pos]].strip() in CHROME_LABELS or FORMAT_RE.match(lines[idx[pos]].strip())):
        chrome.append(lines[idx[pos]].strip())  # the old site's "VIEW DOCUMENT IN" / "English HTML" links
        pos += 1
    body_start = idx[pos] if pos < len(idx) else n
    tail = next((i for i in idx[pos:] if TAIL_START_RE.match(lines[i].strip())), n)
    if tail == n and idx and idx[-1] >= body_start and cut_tail_label(lines[idx[-1]]):
        tail = idx[-1]  # the excerpt stops inside the tail's first label: the tail starts there
    body_idx = [i for i in idx if body_start <= i < tail]
    body_end = tail
    header_parts = read_tail(lines[tail:], chrome)
    if lead and neighbours_teaser(summary, fields.get("date", "")):
        header_parts["facets"].append(("Related Documents", summary))  # a neighbour's teaser, kept as a facet
        summary = ""
    summary, body_start, body_end = place_summary(lines, body_idx, (body_start, body_end, tail), summary,
                                                  bool(lead and summary), header_parts, layout)
    header = header_of(layout, fields, summary, header_parts, chrome, source_prefix="")
    body = _body_lines(lines, body_start, body_end)
    return SourcePage(header, body)


def _read_old(lines: list[str], layout: str, name: str) -> SourcePage:
    return SourcePage(*old_layouts.read_old(lines, layout, _body_lines))


def _read_bare(lines: list[str], layout: str, name: str) -> SourcePage:
    return SourcePage(*old_layouts.read_bare(lines, layout, _body_lines))


# -- body lines ------------------------------------------------------------------------


def _body_lines(lines: list[str], start: int, end: int) -> tuple[SourceLine, ...]:
    """Non-blank lines as blocks; two-column leftovers (3+ spaces) split into cells, read column by column."""
    out: list[SourceLine] = []
    run = longest = 0
    end = min(end, len(lines))
    i = start
    while i < end:
        raw = lines[i]
        if _blank(raw):
            run = run + 1 if not raw.strip(" \t") else 0  # a no-break-space line breaks the run
            longest = max(longest, run)
            i += 1
            continue
        stop = _column_run_end(lines, i, end)
        if stop > i + 1:  # a block of two-column lines: each column is read top to bottom
            cells = _columns(lines, i, stop)
            for k, (text, line_no) in enumerate(cells):
                out.append(SourceLine(text, line_no, longest if k == 0 else 0))
            run = longest = 0
            i = stop
            continue
        stripped = raw.strip()
        mark = _bullet_end(stripped)
        if TWO_COLUMNS_RE.search(stripped[mark:]) and not stripped.startswith("[") \
                and not CLASSIFIED_DOCUMENT_RE.match(stripped):
            cells = [c for c in re.split(r" {3,}|\t+", stripped[mark:]) if c.strip()]
            cells[0] = stripped[:mark] + cells[0]
        else:
            cells = [stripped]
        for k, cell in enumerate(cells):
            out.append(SourceLine(cell, i + 1, longest if k == 0 else 0))
        run = longest = 0
        i += 1
    return tuple(_join_split_copy_marks(_merge_open_brackets(_join_wrapped(out))))


#: A Chinese file's classification and document number, printed apart (``Secret              Document 617``):
#: one mark as printed, never two cells (hdr4).
CLASSIFIED_DOCUMENT_RE = re.compile(r"^(?i:(?:top\s+|strictly\s+)?(?:secret|confidential))\s+Document\s+\d+$")


SPLIT_COPY_RE = re.compile(rf"^(?:Copy|COPY)\s*{NUMBER_SIGN}$")


def _join_split_copy_marks(blocks: list[SourceLine]) -> list[SourceLine]:
    """``Copy Nº`` with its number on the next line (``4``) is one mark."""
    out: list[SourceLine] = []
    for b in blocks:
        if out and SPLIT_COPY_RE.match(out[-1].text.strip()) and re.fullmatch(r"\d{1,4}\.?", b.text.strip()):
            prev = out.pop()
            out.append(SourceLine(prev.text + "\n" + b.text, prev.line, prev.empty_run))
            continue
        out.append(b)
    return out


COLUMN_GAP_RE = re.compile(r"(?<=\S)(?: {3,}|\t+)(?=\S)")
#: A bullet and the wide gap after it (``-   First item``, ``•\tItem``): the item's indent, never a column's gap.
BULLET_GAP_RE = re.compile(r"^\s*(?:[•·▪◦○●■□‣⁃➢►*]|[-–—])(?: {2,}|\t+)(?=\S)")


def _bullet_end(raw: str) -> int:
    """Where the text after a leading bullet and its wide gap starts (0 without one)."""
    m = BULLET_GAP_RE.match(raw)
    return m.end() if m else 0


def _right_column_at(raw: str) -> int | None:
    """Where the right column starts on a two-column line (after the last wide gap), else None.

    Header cells are short: a line whose cells hold running prose (12 words or more) is
    not a column line, whatever its spacing.
    """
    gaps = [g for g in COLUMN_GAP_RE.finditer(raw.rstrip()) if g.start() >= _bullet_end(raw)]
    if not gaps or any(len(cell.split()) >= 12 for cell in COLUMN_GAP_RE.split(raw.strip())):
        return None
    return gaps[-1].end()


def _column_run_end(lines: list[str], i: int, end: int) -> int:
    """End (exclusive) of a block of header lines printed in two columns that starts at line ``i``.

    The block holds at least two two-column lines; between them may stand blank lines and lines
    of one column only (indented to the right column, or a left cell while a bracket of the
    right column is still open).  Body prose never joins it.
    """
    col = _right_column_at(lines[i])
    if col is None or len(lines[i].strip()) > 160:
        return i
    two = 1
    last = i
    depth_right = _open_depth(lines[i][col:])
    j = i + 1
    while j < end:
        raw = lines[j]
        if _blank(raw):
            j += 1
            continue
        at = _right_column_at(raw)
        indent = len(raw) - len(raw.lstrip())
        if at is not None and abs(at - col) <= 12 and len(raw.strip()) <= 160:
            two += 1
            depth_right = _open_depth(raw[at:]) if depth_right == 0 else max(0, depth_right + _delta(raw[at:]))
        elif indent >= col - 4 and indent >= 8:
            depth_right = max(0, depth_right + _delta(raw))
        elif depth_right > 0 and len(raw.strip()) <= 60:
            pass  # a left cell while the right column's bracket is still open
        else:
            break
        last = j
        j += 1
    return last + 1 if two >= 2 or (two == 1 and last > i and depth_right == 0 and _open_depth(lines[i][col:]) > 0) \
        else i


def _delta(text: str) -> int:
    return text.count("[") - text.count("]")


def _columns(lines: list[str], start: int, stop: int) -> list[tuple[str, int]]:
    """The cells of a two-column block: the left column top to bottom, then the right one."""
    col = _right_column_at(lines[start])
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    for i in range(start, stop):
        raw = lines[i]
        if _blank(raw):
            continue
        at = _right_column_at(raw)
        indent = len(raw) - len(raw.lstrip())
        if at is not None and at >= col - 12:
            head, tail = raw[:at].strip(), raw[at:].strip()
            cells = [c for c in re.split(r" {3,}|\t+", head) if c.strip()]
            left.extend((c, i + 1) for c in cells)
            right.append((tail, i + 1))
        elif indent >= col - 4 and indent >= 8:
            right.append((raw.strip(), i + 1))
        else:
            left.append((raw.strip(), i + 1))
    return left + right

SENTENCE_END_RE = re.compile(r"[.!?:;…][”’\"')\]]*$")
LABEL_START_RE = re.compile(r"^(?:\[|\(?\d{1,3}[.)\-–]|[A-Z][\w ]{0,30}:\s)")
CONTINUES_RE = re.compile(r"(?:,|\b(?:the|a|an|of|to|in|on|at|by|for|with|from|and|or|but|that|as|than|"
                          r"his|her|their|our|its|was|were|is|are|be|been|had|has|have|not|which|who|"
                          r"whom|whose|this|these|those|into|about|between|against))$", re.I)


def _join_wrapped(blocks: list[SourceLine]) -> list[SourceLine]:
    """A sentence the saved text wrapped over two lines is one paragraph.

    The next line continues the previous one when the previous is a full line of running text
    (eight words and forty characters or more, not capitals only) that stops mid-sentence, and the next begins in lower case,
    or the previous ends on a comma or a word that cannot end a sentence (``the``, ``of``...).
    Lines are joined with their newline, so nothing of the source is lost.
    """
    out: list[SourceLine] = []
    last_line = 0  # the source line the previous block ends on
    for cur in blocks:
        prev = out[-1] if out else None
        if prev is not None and 0 < cur.line - last_line <= 3 and _continues(prev.text, cur.text):
            out[-1] = SourceLine(prev.text + "\n" + cur.text, prev.line, prev.empty_run)
        else:
            out.append(cur)
        last_line = cur.line
    return out


#: Lines that never continue a sentence: section breaks, typist initials, dashes, parentheses.
NOT_CONTINUATION_RE = re.compile(r"^(?:[xX*](?:\s+[xX*]){2,}$|[a-zа-я]{1,3}/|[(—–-])")


def _continues(prev: str, cur: str) -> bool:
    last = prev.rsplit("\n", 1)[-1]
    if len(last.split()) < 8 or len(last) < 40 or last.isupper() or SENTENCE_END_RE.search(last) \
            or last.startswith("["):  # a wrapped line is a full one; short lines are headings
        return False
    if LABEL_START_RE.match(cur) or NOT_CONTINUATION_RE.match(cur) or cur.isupper():
        return False
    return cur[:1].islower() or bool(CONTINUES_RE.search(last))


#: A stamp bracket prints its office, number and date on short lines: it may close this many lines on.
STAMP_REACH = 8


def _merge_open_brackets(blocks: list[SourceLine], reach: int = 4) -> list[SourceLine]:
    """A bracket left open on one line and closed a few lines later is one block.

    An unclosed stamp bracket (``[CPSU CC stamp: 19373``) runs to the next block; a stamp
    bracket may close up to ``STAMP_REACH`` short lines on (office, register, number, date).
    """
    out: list[SourceLine] = []
    i = 0
    while i < len(blocks):
        cur = blocks[i]
        depth = _open_depth(cur.text)
        if depth > 0:
            stamp = bool(re.match(r"^\[[^\]]*\bstamp\b", cur.text, re.I))
            acc = cur.text
            merged_to = None
            taken: list[SourceLine] = []
            marks: list[SourceLine] = []  # a column's marks printed between the lines of a stamp
            j = i + 1
            while j < len(blocks) and len(taken) < (STAMP_REACH if stamp else reach):
                if stamp and "[" not in blocks[j].text and "]" not in blocks[j].text and _is_mark(blocks[j].text):
                    marks.append(blocks[j])
                    j += 1
                    continue
                if stamp and len(taken) >= reach and len(blocks[j].text.split()) > 12:
                    break  # a stamp's lines are short: prose after them is the text, not the stamp
                taken.append(blocks[j])
                acc = acc + "\n" + blocks[j].text
                if _open_depth(acc) == 0:
                    merged_to = j
                    break
                j += 1
            if merged_to is None and stamp and taken:
                taken = taken[:1]
                merged_to = blocks.index(taken[0], i + 1)
                marks = [b for b in marks if b.line <= taken[0].line]
            if merged_to is not None:
                out.extend(marks)
                text = "\n".join(b.text for b in [cur, *taken])
                out.append(SourceLine(text, cur.line, cur.empty_run))
                i = merged_to + 1
                continue
        out.append(cur)
        i += 1
    return out


def _is_mark(text: str) -> bool:
    """A classification or copy mark (``TOP SECRET``, ``Copy Nº 2``): never part of a stamp's wording."""
    from ..recognising.recognise import _classification

    return _classification(text.strip()) is not None


_BRACKET_RE = re.compile(r"[\[\]]")


def _open_depth(text: str) -> int:
    depth = 0
    if "[" not in text:
        return 0
    for m in _BRACKET_RE.finditer(text):
        if m.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
    return depth
