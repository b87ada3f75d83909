"""The top of a web page (layouts A and B): date line, title, donor line, tool bar, summary.

Why: the title is whatever stands between the page's date line and its donor line, the
two anchors that do not vary; its own shape does not decide it (a title may end in a
full stop, be printed twice, or follow the summary).  Only when the page has no donor
line does the shape of the line after the date decide (a sentence of running text is
the body, not a title).  Pure text, no TEI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: How many lines (tool bars aside) may stand between the date line and the donor line.
REACH = 4


@dataclass
class Top:
    """What the top zone held: fields (``date``, ``title``, ``donor``), a summary, chrome, where the body starts."""

    fields: dict[str, str] = field(default_factory=dict)
    summary: str = ""
    chrome: list[str] = field(default_factory=list)
    pos: int = 0


def read_top(texts: list[str], pos: int, *, date_re: re.Pattern, donor_re: re.Pattern,
             toolbar_re: re.Pattern, reads_as_prose, looks_like_summary, single_title) -> Top:
    """Read the top zone of ``texts`` (the page's non-blank lines, stripped) from ``pos``."""
    top = Top(pos=pos)
    if pos < len(texts) and (date_re.match(texts[pos]) or year_date_line(texts, pos, donor_re, reads_as_prose)):
        top.fields["date"] = texts[pos]
        pos += 1
    donor = _donor_at(texts, pos, donor_re, toolbar_re)
    if donor is not None:
        between = [k for k in range(pos, donor) if not toolbar_re.match(texts[k])]
        top.chrome.extend(texts[k] for k in range(pos, donor) if toolbar_re.match(texts[k]))
        _title_and_summary(top, [texts[k] for k in between], looks_like_summary, single_title)
        top.fields["donor"] = texts[donor]
        pos = donor + 1
    else:
        if pos < len(texts) and (not reads_as_prose(texts[pos]) or _title_with_stop(texts, pos, top)):
            top.fields["title"] = single_title(texts[pos])
            pos += 1  # a second copy of the title right under it is the text's own heading: kept
            if "date" in top.fields and pos + 1 < len(texts) and dated_description(texts[pos]):
                top.summary = texts[pos]  # "Reply of the Ambassador to the Minister, 11 January 1972."
                pos += 1
    while pos < len(texts) and toolbar_re.match(texts[pos]):  # CITATION SHARE DOWNLOAD
        top.chrome.append(texts[pos])
        pos += 1
    top.pos = pos
    return top


#: A title is shorter than this many words; a summary or a paragraph is not.
TITLE_MAX_WORDS = 25


def _title_with_stop(texts: list[str], pos: int, top: Top) -> bool:
    """The line right under the date line is the page's title even when it ends in a full stop
    (``Message from Bagirov to Stalin and Molotov on Qavam’s trip to Moscow.``,
    ``Record of Telephone Conversation between … Helmut Kohl. Moscow-Bonn.``): the site prints a
    title there on every page; only a long paragraph (a summary, running text) is none."""
    from ..recognising.citation import find_credits

    line = texts[pos]  # a source line with its credits (``…, pp. 30-37. Translated by …``) is no title
    return "date" in top.fields and len(line.split()) < TITLE_MAX_WORDS and not line.startswith("[") \
        and not find_credits(line)


#: A sentence dated at its end: ``…, 11 January 1972.``, ``…, January 11, 1972.``
DATED_DESCRIPTION_RE = re.compile(r",\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\.$")


def dated_description(line: str) -> bool:
    """The summary a compact page (no donor line) prints right under its title (hdr4): one sentence naming
    the document and ending with its date and a full stop (``Reply of Romanian Ambassador to Moscow to
    George Macovescu, 11 January 1972.``), six to forty words; not a dateline (``Beijing, The Great Hall
    …, 7 July 1970``: a place and a comma first), no bracket at its start."""
    words = len(line.split())
    return 6 <= words <= 40 and not line.startswith("[") and bool(DATED_DESCRIPTION_RE.search(line)) \
        and not re.match(r"[A-ZÀ-Ý][\w’'-]+(?:\s[A-ZÀ-Ý][\w’'-]+)?,", line) \
        and not re.search(r"[^\W\d_]{3,}[.!?][”’\"')]*\s+[A-Z]", line)


def year_date_line(texts: list[str], pos: int, donor_re, reads_as_prose=lambda s: True) -> bool:
    """A page dated by its year alone (``1971``): the bare year where the date line stands, the
    title then the donor line right under it (the two anchors confirm the place); on a page without
    a donor line, a title under the year (a short line that is no prose) with more lines below it (hdr4)."""
    if not re.fullmatch(r"1[89]\d\d|20\d\d", texts[pos]) or pos + 2 >= len(texts):
        return False
    title = texts[pos + 1]
    return bool(donor_re.match(texts[pos + 2])) or (
        len(title.split()) < TITLE_MAX_WORDS and not reads_as_prose(title) and not title.startswith("["))


def _donor_at(texts: list[str], pos: int, donor_re, toolbar_re) -> int | None:
    """Index of the donor line when it stands within ``REACH`` lines of ``pos`` (tool bars aside)."""
    seen = 0
    for k in range(pos, len(texts)):
        if donor_re.match(texts[k]):
            return k
        if not toolbar_re.match(texts[k]):
            seen += 1
            if seen > REACH:
                return None
    return None


def _title_and_summary(top: Top, lines: list[str], looks_like_summary, single_title) -> None:
    """The lines between the date and the donor: the title (once), perhaps a summary before it."""
    if not lines:
        return
    title_at = len(lines) - 1
    # a summary printed before the title: long prose, and a shorter line follows it
    while title_at > 0 and looks_like_summary(lines[title_at]) and len(lines[title_at].split()) >= 25:
        title_at -= 1
    title = single_title(lines[title_at])
    summary = []
    for k, ln in enumerate(lines):
        if k == title_at:
            continue
        if single_title(ln) == title:
            top.chrome.append(ln)  # the title printed a second time
        elif looks_like_summary(ln):
            summary.append(ln)
        else:  # the first part of a title wrapped over two lines
            title = f"{ln} {title}"
    top.fields["title"] = title
    top.summary = " ".join(summary)
