"""A long text as several HTML pages: one per top-level division.

Why: a monograph or a volume on one page is megabytes of HTML that a reader
scrolls for minutes (the FRUS history monograph was one 3.9 MB page).  The TEI
Stylesheets and TEI Publisher split such a text by its divisions; so does the
HTML edition, when the text is long (more than ``LONG_TEXT`` characters) and its
body is made of divisions only, so every word has exactly one page.  The first
page keeps the output's name (``OUT.html``), the others follow it
(``OUT-2.html`` ...); each has the table of contents and previous/next links
(xslt/html/chunks.xsl).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Characters of <text> above which a text made of divisions is split into pages.
LONG_TEXT = 150_000
#: At most this many pages (each page is one pass over the whole TEI): neighbouring
#: divisions share a page beyond it, so the work stays linear in the text.
MAX_PAGES = 40
DIVISIONS = {f"{{{TEI_NS}}}div", f"{{{TEI_NS}}}div1"}


def parts(tree) -> int:
    """How many pages the text takes: 1, or its front, body divisions and back when it is long."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if root.tag != f"{{{TEI_NS}}}TEI":
        return 1
    text = root.find(f"{{{TEI_NS}}}text")
    body = text.find(f"{{{TEI_NS}}}body") if text is not None else None
    if body is None:
        return 1
    children = [c for c in body if isinstance(c.tag, str)]
    if not children or any(c.tag not in DIVISIONS for c in children):
        return 1
    count = len(children) + sum(text.find(f"{{{TEI_NS}}}{name}") is not None for name in ("front", "back"))
    if count < 2 or sum(len(t) for t in text.itertext()) <= LONG_TEXT:
        return 1
    return count


def page_paths(page: Path, count: int) -> list[Path]:
    """``OUT.html``, ``OUT-2.html``, ``OUT-3.html`` ..."""
    return [page] + [page.with_name(f"{page.stem}-{n}{page.suffix}") for n in range(2, count + 1)]


def pages_of_parts(count: int, limit: int | None = None) -> list[int]:
    """The page (0-based) of each of ``count`` parts: one each, or runs of neighbours, at most ``limit`` pages."""
    pages = min(count, limit or MAX_PAGES)
    return [part * pages // count for part in range(count)]


def render_parts(tree, page: Path, renderer, **render_options) -> dict[Path, str]:
    """Every page of a long text, keyed by the path each is written to (one page when it is short)."""
    count = parts(tree)
    if count == 1:
        return {page: renderer.render(tree, **render_options)}
    layout = pages_of_parts(count)
    paths = page_paths(page, layout[-1] + 1)
    names = " ".join(quote(paths[p].name) for p in layout)
    pages, warnings = {}, []
    for n, path in enumerate(paths):
        first_part = layout.index(n) + 1
        pages[path] = renderer.render(tree, chunk=first_part, chunk_pages=names,
                                      **{**render_options, "page_name": path.name})
        warnings.extend(m for m in renderer.warnings if m not in warnings)
    renderer.warnings = tuple(warnings)
    return pages
