"""The tail of a web page: Document Information, the citation line, rights, facets, a late summary.

Why: after the text the page prints labelled furniture in whatever order the site used; each
line is read by the label it follows (``Source``, ``Rights``, a facet label) and its shape.
"""

from __future__ import annotations

import re

from ..recognising.citation import find_citation, find_credits
from .furniture import CHROME_LABELS, FACET_LABELS, RIGHTS_RE, looks_like_summary

def read_tail(tail: list[str], chrome: list[str]) -> dict:
    """Document Information and rights: citation line, rights paragraphs, facet values.

    The citation is the line after ``Source``, else the first line ``citation`` can
    read, else the first long line after ``Document Information``; lines after
    ``Rights`` are rights paragraphs.  Anything else is a facet value (chrome).
    """
    out: dict = {"source": "", "rights": [], "facets": [], "summary": ""}
    pending_label = None
    section = None
    for raw in tail:
        s = raw.strip()
        if not s:
            continue
        if s in CHROME_LABELS:
            chrome.append(s)
            pending_label = s if s in FACET_LABELS else None
            section = s
            continue
        if RIGHTS_RE.match(s) or (section == "Rights" and len(s.split()) >= 6):
            out["rights"].append(s)
            pending_label = None
            continue
        if pending_label and fits_facet(pending_label, s):
            out["facets"].append((pending_label, s))
            chrome.append(s)
            pending_label = None
            continue
        if not out["summary"] and section not in (None, "Source", "Document Information", "Original Archive") \
                and tail_summary(s):
            out["summary"] = s  # the summary printed after the facet labels
            continue
        if not out["source"] and (section == "Source" or find_citation(s) or find_credits(s)
                                  or (section == "Document Information" and len(s.split()) >= 6)):
            out["source"] = s
            section = None
            continue
        # a facet value printed without its label (e.g. the funders facet) is chrome
        out["facets"].append(("", s))
        chrome.append(s)
    return out


def tail_summary(line: str) -> bool:
    """A paragraph of prose among the facets that is no citation nor credits: the page's summary."""
    return len(line.split()) >= 12 and looks_like_summary(line) and not find_citation(line) \
        and not find_credits(line) and not line.startswith(("http", "www."))


FACET_VALUE_RE = {
    "Record ID": re.compile(r"^[\w.-]{1,40}$"),
    "Original Uploaded Date": re.compile(r"^[\d/.-]{6,10}$|^[A-Z][a-z]+ \d{1,2}, \d{4}$"),
}


def fits_facet(label: str, value: str) -> bool:
    """A facet value is short and of the label's shape; anything else is not that facet's value."""
    pattern = FACET_VALUE_RE.get(label)
    if pattern is not None:
        return bool(pattern.match(value))
    return len(value.split()) <= 4 and not value.endswith(".")
