"""Where a web page's summary stands: after the text, before the date line, indented, under a repeated date.

Why: the site prints the summary in several places (right above the tail's labels, before the
date line on mirror pages, indented the bare layout's way), and a mirror page may print a related
document's summary too.  These tests decide by the line's place and shape (``source`` calls them),
never by its words, save a small closed list of first-person words that mark the text's own prose.
"""

from __future__ import annotations

import re

from .furniture import looks_like_summary, summary_first


def date_repeated_indented(first: str, indented: list[str], nonblank: list[str] | None = None) -> bool:
    """The bare layout cut before its citation: the page's date line printed again, indented, right
    under an indented summary, or printed twice before it (``July, 1964`` / ``July, 1964`` / summary)."""
    if len(indented) >= 2 and looks_like_summary(indented[0]) and any(ln.strip() == first for ln in indented[1:]):
        return True
    top = [ln for ln in (nonblank or [])[:3]]
    return len(top) == 3 and top[1].strip() == first and top[2].startswith("  ") and looks_like_summary(top[2])


#: First-person words: the text's own last paragraph, never a summary of it.
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")


def own_summary_after_text(lines: list[str], body_idx: list[int], tail: int, n: int, parts: dict) -> bool:
    """A summary paragraph closes the text right before the facet labels (the page's own summary).

    Mirror pages print a paragraph before the date line too, the summary of a related document;
    when the page also prints one where its own summary stands, that one is this document's.
    """
    if parts["summary"] or tail >= n or len(body_idx) < 1:
        return False
    last = lines[body_idx[-1]].strip()
    return summary_above_tail(last) and len(last.split()) >= 10 and not FIRST_PERSON_RE.search(last)


def summary_above_tail(line: str) -> bool:
    """The paragraph right above the tail's labels (``Author(s):``, ``Document Information``) reads as
    the summary: prose ending as a sentence ends, or a descriptive line the site printed without
    its full stop (``Excerpt from … diary …, praising Gorbachev's vision``).  The page is not cut
    there (the labels follow), so a missing stop is no cut sentence."""
    s = line.strip()
    if looks_like_summary(s):
        return True
    return len(s.split()) >= 10 and not re.match(r"[\[\d•*-]", s) and not s.endswith((":", ",", ";", "-", "–")) \
        and not FIRST_PERSON_RE.search(s)


def indented_first(first: str, second: str) -> bool:
    """An indented prose line opening the text, the next line not indented: the summary, printed
    the bare layout's way right under the date line (a page cut before its citation)."""
    return first.startswith("  ") and not second.startswith("  ") and looks_like_summary(first) \
        and len(first.split()) >= 12


def indented_summary(lines: list[str], body_idx: list[int]) -> list[int]:
    """The indented lines that end the body when they read as a summary (the bare layout prints it so)."""
    run: list[int] = []
    for i in reversed(body_idx):
        if not lines[i].startswith("  ") or lines[i].strip().startswith("["):
            break
        run.insert(0, i)
    if not run or len(run) == len(body_idx) or not looks_like_summary(" ".join(lines[i].strip() for i in run)):
        return []
    before = body_idx[:len(body_idx) - len(run)]
    if all(lines[i].startswith("  ") for i in before):
        return []  # the whole text is indented: indentation marks nothing
    return run


def summary_after_signoff(texts: list[str]) -> bool:
    """On a page cut before its tail, the last line after the sign-off is the summary (the site prints
    it right under the text): ``József Kovács`` / ``Ambassador`` / ``Report on a conversation …``.

    The line before it is a date (``Berlin, 10 November 1989.``, ``3 April 1957``) or the last of
    two short sign-off lines without brackets; the line is no first-person prose, no bracket, number
    or bullet, and the text above has running prose (two paragraphs at least).
    """
    from ..recognising.dates import find_dates

    if len(texts) < 5:
        return False
    last, before, above = texts[-1], texts[-2], texts[-3]
    if len(last.split()) < 6 or re.match(r"[\[\d•*(-]", last) or FIRST_PERSON_RE.search(last):
        return False
    dated = any(b - a >= len(before.rstrip(". ")) * 0.5 for a, b, _d in find_dates(before)) and len(before.split()) <= 6
    signed = all(len(t.split()) <= 5 and not re.search(r"[\[\]]", t) for t in (before, above)) \
        and not before.endswith((":", ",")) and not above.endswith(":")  # "The Ambassador," / "G.W. Boissevain." (hdr5)
    prose = sum(1 for t in texts[:-3] if looks_like_summary(t) or len(t.split()) >= 16) >= 2  # as on a cut page (hdr5)
    return (dated or signed) and prose and not looks_like_summary(before)


#: A summary's opening: the site describes the document by its kind (``Telegram from the Romanian Embassy …``,
#: ``Excerpt of a memorandum from …``, ``Excerpts from Polish-Soviet talks …``, ``Report on …``).
DESCRIBES_RE = re.compile(r"^(?:(?:An?|The)\s+)?(?:Excerpts?|Telegram|Cable|Report|Record|Minutes|Memorandum|Letter|Notes?|"
                          r"Transcript|Summary|Conversation|Description|Information|Resolution|Decree|Speech|Message|"
                          r"Instructions?|Directive|Protocol|Analysis|Assessment|Discussion)s?\s+"
                          r"(?:from|of|on|regarding|between|about|to|by|concerning|with|in|for)\b")


def summary_closing_cut_page(texts: list[str]) -> bool:
    """On a page cut before its tail, a last line describing the document by its kind is the summary
    (hdr4): ``… Ion Bucur`` / ``Telegram from the Romanian Embassy in Moscow to … regarding``; also
    under a note or an omission mark (``…`` / ``Excerpts from Polish-Soviet talks on 5 April 1965 …``).
    Six words or more, no first person, and running prose above it (two paragraphs at least)."""
    if len(texts) < 4:
        return False
    last = texts[-1]
    prose = sum(1 for t in texts[:-1] if looks_like_summary(t) or len(t.split()) >= 16) >= 2
    return len(last.split()) >= 6 and bool(DESCRIBES_RE.match(last)) and not FIRST_PERSON_RE.search(last) and prose


def neighbours_teaser(teaser: str, date_text: str) -> bool:
    """A paragraph printed before the date line is a neighbouring document's teaser (mirror pages), not this
    document's summary, unless it names the date line's year (hdr5; hdr4 read it as the summary unless it named
    other years only).  On the tuning pools such a paragraph was another document's summary on 17 pages of 21:
    the mirror prints the summary of the document filed next to this one (``This TASS bulletin …`` above the
    next bulletin); of the four that were the page's own, one named its year and two stood over a date line
    without a day (a fourth repeats its summary after the text).  A date line without a year
    decides nothing: the paragraph stays the summary; nor does one without a day (``April 1975``,
    ``September 1945``): both such pages on the pools printed their own summary there, so only other
    years make it a teaser (hdr4's rule)."""
    years = set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", teaser))
    own = re.findall(r"\b(1[89]\d\d|20\d\d)\b", date_text)
    if not re.search(r"\d{1,2},", date_text):
        return bool(years) and bool(own) and own[0] not in years  # ``April 1975``: the day-less form (below)
    return bool(own) and own[0] not in years


def place_summary(lines: list[str], body_idx: list[int], bounds: tuple[int, int, int], summary: str, teaser: bool,
                  header_parts: dict, layout: str) -> tuple[str, int, int]:
    """The page's summary, wherever the web page printed it, and the body's bounds once it is taken out.

    ``bounds`` is (body start, body end, tail start); ``summary`` what the top zone found (before
    the date line when ``teaser``); ``header_parts`` the tail's reading.  The first rule that
    holds wins, in the order below.
    """
    body_start, body_end, tail = bounds
    n = len(lines)
    if teaser and own_summary_after_text(lines, body_idx, tail, n, header_parts):
        # the page prints its own summary after the text: the paragraph before the date line is a
        # neighbouring document's teaser (mirror pages), kept among the page's facets
        header_parts["facets"].append(("Related Documents", summary))
        summary = lines[body_idx[-1]].strip()
        body_end = body_idx[-1]
    elif summary:
        pass
    elif header_parts["summary"]:  # printed among the Document Information (after the facet labels)
        summary = header_parts["summary"]
    elif body_idx and tail < n and summary_above_tail(lines[body_idx[-1]]):
        summary = lines[body_idx[-1]].strip()
        body_end = body_idx[-1]
    elif len(body_idx) > 1 and indented_first(lines[body_idx[0]], lines[body_idx[1]]):
        summary = lines[body_idx[0]].strip()  # the bare layout's indented summary under the date line
        body_start = body_idx[1]
    elif layout == "B" and len(body_idx) > 1 and summary_first(lines[body_idx[0]], lines[body_idx[1]]):
        summary = lines[body_idx[0]].strip()
        body_start = body_idx[1]
    elif (indented := indented_summary(lines, body_idx)):  # the bare layout's summary, without a citation
        summary = " ".join(lines[i].strip() for i in indented)
        body_end = indented[0]
    elif tail == n and (summary_after_signoff([lines[i].strip() for i in body_idx])
                        or summary_closing_cut_page([lines[i].strip() for i in body_idx])):
        summary = lines[body_idx[-1]].strip()  # a page cut right after its summary, below the sign-off
        body_end = body_idx[-1]
    return summary, body_start, body_end
