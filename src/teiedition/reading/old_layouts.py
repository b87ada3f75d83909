"""The old layouts: C (``Search in`` … ``• Citation``) and D (the bare legacy page).

Why: both print the title inside a citation sentence and the summary in indented lines,
not in the web layouts' date/title/donor order; each reader returns the page's header
and its body lines (``body_lines`` is the shared reader of body lines, from ``source``).
"""

from __future__ import annotations

from .furniture import (CHROME_LABELS, CITATION_TITLE_RE, PAGE_DATE_RE, FORMAT_RE, TAIL_START_RE, TOOLBAR_RE, URL_RE,
                        header_of, looks_like_summary, strip_url, take_date_or_donor)
from .tail_zone import read_tail


def read_old(lines: list[str], layout: str, body_lines_of) -> tuple:
    """Layout C: chrome, date, (donor), a citation block (``• Citation`` or ``CITATION SHARE DOWNLOAD``).

    The citation block holds the summary and the citation sentence (with the title in
    quotation marks).  The newer form prints the title on its own line, often in capitals,
    before ``CITATION SHARE DOWNLOAD``, and the citation in a Document Information tail.
    """
    fields: dict[str, str] = {}
    chrome: list[str] = []
    citation_sentence = ""
    summary = ""
    title_line = ""
    body_start = len(lines)
    in_citation = False
    seen_format = False
    nonblank = [i for i, raw in enumerate(lines) if raw.strip()]
    for k, i in enumerate(nonblank):
        s = lines[i].strip()
        if seen_format and not FORMAT_RE.match(s):  # the text follows its format link ("English HTML")
            body_start = i
            break
        if FORMAT_RE.match(s):
            seen_format = True
        if s in CHROME_LABELS or URL_RE.match(s) or FORMAT_RE.match(s) or TOOLBAR_RE.match(s):
            chrome.append(s)
            if s == "• Citation" or TOOLBAR_RE.match(s):
                in_citation = True
            if s == "• share document":
                in_citation = False
            continue
        if take_date_or_donor(fields, s):
            continue
        if "date" in fields and not in_citation and not title_line and not citation_sentence \
                and _toolbar_follows(lines, nonblank[k + 1:k + 3]) and not looks_like_summary(s):
            title_line = s  # the newer page: the title stands above the tool bar
            chrome.append(s)
            continue
        if "date" in fields and not (in_citation or citation_sentence or summary) and lines[i].startswith("  ") \
                and _citation_ahead(lines, nonblank[k:k + 3]):
            in_citation = True  # the page cut before its chrome: the citation block is still indented
        if in_citation:
            if CITATION_TITLE_RE.match(s) and not citation_sentence:
                citation_sentence = s
            elif summary and not _citation_ahead(lines, nonblank[k:k + 4]):
                body_start = i  # the summary is one paragraph and no citation sentence follows
                break
            else:
                summary = (summary + " " + s).strip()
            if citation_sentence and summary:  # the citation block holds one of each
                in_citation = False
            continue
        if "date" in fields and not in_citation:
            body_start = i
            break
    title = ""
    m = CITATION_TITLE_RE.match(citation_sentence)
    if m:
        title = m.group("title").rstrip(",")
    fields["title"] = title or title_line
    tail = next((i for i in nonblank if i >= body_start and TAIL_START_RE.match(lines[i].strip())), len(lines))
    body_lines = list(body_lines_of(lines, body_start, tail))
    copies = {t.upper() for t in (title, title_line) if t}
    if copies:  # an ALL-CAPS copy of the title is chrome
        kept = []
        for bl in body_lines:
            if bl.text.strip().upper() in copies and bl.text.strip().isupper():
                chrome.append(bl.text.strip())
            else:
                kept.append(bl)
        body_lines = kept
    parts = {"source": strip_url(citation_sentence, chrome), "rights": [], "facets": []}
    if tail < len(lines):
        tail_parts = read_tail(lines[tail:], chrome)
        if not summary and tail_parts["summary"]:
            summary = tail_parts["summary"]
        elif not summary and body_lines and looks_like_summary(body_lines[-1].text):
            summary = body_lines.pop().text.strip()
        parts["rights"] = tail_parts["rights"]
        parts["facets"] = tail_parts["facets"]
        if not parts["source"]:
            parts["source"] = tail_parts["source"]
        elif tail_parts["source"]:  # a second source paragraph is kept, as a facet
            parts["facets"].append(("Source", tail_parts["source"]))
    header = header_of(layout, fields, summary, parts, chrome, source_prefix=citation_sentence)
    return header, tuple(body_lines)


def _toolbar_follows(lines: list[str], following: list[int]) -> bool:
    return any(TOOLBAR_RE.match(lines[j].strip()) for j in following)


def _citation_ahead(lines: list[str], following: list[int]) -> bool:
    """A citation sentence within the next few lines (before the format link): the block goes on."""
    for j in following:
        s = lines[j].strip()
        if FORMAT_RE.match(s) or s in CHROME_LABELS:
            return False
        if CITATION_TITLE_RE.match(s):
            return True
    return False


# -- layout D ------------------------------------------------------------------------


def read_bare(lines: list[str], layout: str, body_lines_of) -> tuple:
    fields: dict[str, str] = {}
    chrome: list[str] = []
    citation_sentence = ""
    summary_parts: list[str] = []
    keep: list[int] = []
    last_summary = -2  # the line of the summary's last part: an indented line right after it continues it
    citation_at: int | None = None
    repeated: list[str] = []  # the date printed again under the summary (a page without a citation)
    title_at: int | None = None
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        if take_date_or_donor(fields, s):
            continue
        if not repeated and s == fields.get("date") and (summary_parts or not raw.startswith("  ")):
            repeated.append(s)
            continue
        if repeated and title_at is None and not raw.startswith("  "):
            title_at = i  # the heading line right under the repeated date
        if s in CHROME_LABELS or URL_RE.match(s):
            chrome.append(s)
            continue
        if raw.startswith("  "):
            if not citation_sentence and CITATION_TITLE_RE.match(s):
                citation_sentence = s
                citation_at = i
                continue
            if not citation_sentence or not summary_parts or last_summary == i - 1:
                summary_parts.append(s)
                last_summary = i
                continue
        keep.append(i)
    if not summary_parts and len(keep) > 1 and citation_at is not None and keep[-1] < citation_at \
            and looks_like_summary(lines[keep[-1]]):
        # no indented summary: the paragraph right above the citation sentence is the summary, as the
        # last paragraph above the Document Information is on a web page
        summary_parts.append(lines[keep.pop()].strip())
    m = CITATION_TITLE_RE.match(citation_sentence)
    fields["title"] = m.group("title").rstrip(",") if m else ""
    if not m and title_at is not None and title_at in keep and len(lines[title_at].split()) <= 40:
        # no citation sentence to name the title: the line under the repeated date is the title
        fields["title"] = lines[title_at].strip()
        keep.remove(title_at)
    body = tuple(bl for bl in body_lines_of(lines, 0, len(lines)) if bl.line - 1 in keep)
    parts = {"source": strip_url(citation_sentence, chrome), "rights": [],
             "facets": [("", d) for d in repeated]}
    header = header_of(layout, fields, " ".join(summary_parts), parts, chrome,
                     source_prefix=citation_sentence)
    return header, body
