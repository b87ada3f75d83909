"""The page furniture of the archive's web pages: its printed patterns and the shapes of its lines.

Why: every layout reader (``source``, ``top_zone``, ``tail_zone``, ``old_layouts``) asks the
same questions (is this the page's date line, the donor line, chrome, a summary, a title?);
answering them in one place keeps the readers short and their answers the same.  Pure
text, no TEI; ``header_of`` turns the furniture found into a ``model.Header``.
"""

from __future__ import annotations

import re

from ..model import Header
from ..recognising.citation import find_citation, find_credits, original_language, split_funders
from ..recognising.dates import MONTHS as MONTH_NUMBERS, parse_date

MONTHS = "|".join(MONTH_NUMBERS)
#: The page's date line: ``June 9, 1969``, or month-only ``June 1969`` / ``June, 1969`` when the day is unknown.
PAGE_DATE_RE = re.compile(rf"^(?:{MONTHS})(?: \d{{1,2}},|,)? \d{{4}}$")
#: Who publishes the translations this reader reads.
PUBLISHER = "History and Public Policy Program Digital Archive, Wilson Center"
DONOR_RE = re.compile(r"^This document was made possible with(?: generous)? support from\s+(.+?)\s*$")
RIGHTS_RE = re.compile(r"^(?:The History and Public Policy Program welcomes reuse|"
                       r"To enquire about this document|This document is (?:in the public domain|"
                       r"subject to))")
#: Labels of the site's Document Information and navigation, dropped from <text>.
CHROME_LABELS = frozenset({
    "Skip to content", "Document Information", "Source", "Rights", "Original Archive",
    "Original Uploaded Date", "Record ID", "Type", "Language", "Author(s):", "Authors:",
    "Associated People & Organizations", "Associated Places", "Associated Topics",
    "Associated Documents", "Related Documents", "Subject(s):", "Subjects:",
    "Search in", "ADD SEARCH FILTER CANCEL SEARCH FILTER", "• Citation", "get citation",
    "• share document", "Digital Archive International History Declassified",
    "English HTML", "English PDF", "Original Language PDF", "Original Language HTML",
    "VIEW DOCUMENT IN", "View document in", "View Document In", "View document", "VIEW DOCUMENT",
})
#: The newer site's tool bar under the title, on one line or one word a line.
TOOLBAR_RE = re.compile(r"^(?:(?:CITATION|SHARE|DOWNLOAD|Citation|Share|Download)\s*){1,3}$")
FACET_LABELS = ("Original Uploaded Date", "Type", "Language", "Record ID", "Original Language")
TAIL_START_RE = re.compile(r"^(?:Author\(s\):|Authors:|Associated [A-Z][\w &]+|Document Information|"
                           r"Related Documents)$")
#: The labels that open the page's tail, as printed whole; an excerpt may stop inside one.
TAIL_LABELS = ("Author(s):", "Authors:", "Associated ", "Document Information", "Related Documents")


def cut_tail_label(line: str) -> bool:
    """A page cut short inside the label that opens its tail (``Author(``, ``Document Inf``)."""
    s = line.strip()
    return len(s) >= 4 and any(label.startswith(s) and label != s for label in TAIL_LABELS)


URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")
FORMAT_RE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:HTML|PDF|Transcript|html|pdf)$")  # also `English html`
TWO_COLUMNS_RE = re.compile(r"\S(?: {3,}|\t+)\S")
#: The citation sentence: ``"Title," June 02, 1959, History …``; a page dated by its month or year alone
#: prints ``"Title," February, 1980, History …`` or ``"Title," 1972, History …``.
CITATION_TITLE_RE = re.compile(r'^\s*["“](?P<title>.+?),?["”],?\s+(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}\b|'
                               r'(?:[A-Z][a-z]+,? )?\d{4}(?=,\s+History\b))')


def reads_as_prose(line: str) -> bool:
    """A sentence of running text is never a title line (the header then has no title)."""
    return len(line.split()) >= 12 and line[-1:] in ".!?" and not line.startswith("[")


def summary_before_date(first: list[str]) -> int:
    """How many lines of summary stand before the page's date line (0 when the page starts otherwise).

    The summary is prose (one paragraph, possibly wrapped over up to three lines) ending
    in a full stop; the date line follows it.  When the donor line stands two lines under
    the date line (date, title, donor: the page's anchors), the place alone decides: a
    summary the site cut short (``… forces gaining momentum``) still is one.
    """
    for k in range(1, min(3, len(first) - 1) + 1):
        if PAGE_DATE_RE.match(first[k].strip()):
            text = " ".join(ln.strip() for ln in first[:k])
            if any(PAGE_DATE_RE.match(ln.strip()) or ln.strip() in CHROME_LABELS for ln in first[:k]):
                return 0
            anchored = k + 2 < len(first) and bool(DONOR_RE.match(first[k + 2].strip()))
            cut = anchored and len(text.split()) >= 8 and not text.startswith("[")
            return k if looks_like_summary(text) or cut else 0
    return 0


def single_title(line: str) -> str:
    """A title printed twice on one line counts once."""
    half = len(line) // 2
    for cut in (half, half + 1, half - 1):
        a, b = line[:cut].strip(), line[cut:].strip()
        if a and a == b:
            return a
    return line


#: A summary may close with a short remark in parentheses after its last sentence: ``… factories. (fragments)``.
SUMMARY_END_RE = re.compile(r"(?:[.!?”\"]|[.!?]\s+\([^()]{1,40}\))$")


def looks_like_summary(line: str) -> bool:
    s = line.strip()
    return len(s.split()) >= 8 and bool(SUMMARY_END_RE.search(s)) and not s.startswith("[")


OPENING_MARK_RE = re.compile(r"^(?:\[|(?:TOP )?SECRET\b|Secret\b|Strictly secret|Copy\s*N|"
                             r"CONFIDENTIAL|[A-Z][A-Z ,.-]{6,}$)")


def summary_first(first: str, second: str) -> bool:
    """Layout B may print the summary before the body: prose followed by the document's opening marks."""
    return looks_like_summary(first) and bool(OPENING_MARK_RE.match(second.strip()))


def strip_url(sentence: str, chrome: list[str]) -> str:
    """The citation sentence without its trailing URL (chrome, kept in the header's facets)."""
    m = re.search(r"\s+(https?://\S+)\s*$", sentence)
    if m:
        return sentence[: m.start()]
    return sentence


def take_date_or_donor(fields: dict[str, str], line: str) -> bool:
    """Old layouts print the page date and the donor line anywhere: the first of each wins."""
    for key, pattern in (("date", PAGE_DATE_RE), ("donor", DONOR_RE)):
        if key not in fields and pattern.match(line):
            fields[key] = line
            return True
    return False


def header_of(layout, fields, summary, parts, chrome, *, source_prefix) -> Header:
    donor = fields.get("donor", "")
    funders: tuple[str, ...] = ()
    if donor:
        named = DONOR_RE.match(donor).group(1).rstrip(".")
        if layout in ("C", "D"):
            funders = tuple(split_funders(named))
        else:
            funders = (re.sub(r"^(?i:the)\s+", "", named),)  # "support from The Woodrow Wilson …"
    source_line = source_prefix or parts["source"]
    found = find_citation(parts["source"]) if parts["source"] else None
    credits = find_credits(parts["source"]) if parts["source"] else None
    facets = tuple(parts["facets"])
    record = next((v for k, v in facets if k == "Record ID"), None)
    date_text = fields.get("date", "")
    parsed = parse_date(date_text) if date_text else None
    citation = found[0] if found else None
    credits = credits[0] if credits else None
    return Header(
        layout=layout,
        title=fields.get("title", ""),
        date_text=date_text,
        date_when=parsed.when if parsed else None,
        funders=funders,
        funding_sentence=donor,
        summary=summary,
        source_line=source_line,
        citation=citation,
        credits=credits,
        rights=tuple(parts["rights"]),
        facets=facets,
        record_id=record,
        chrome=tuple(chrome),
        publisher=PUBLISHER,
        original_language=original_language(credits, facets, citation),
    )
