"""teiCorpus in the HTML edition: a corpus page plus one page per member document.

Why: a corpus is read member by member.  Rendering each member as a document of
its own keeps its ids, notes, apparatus and index of names apart from the
others', and gives each a stable address (``OUT-1.html``, ``OUT-2.html`` ... beside
``OUT.html``, in document order).  The corpus page shows the corpus header and
lists the members; each member page carries the collection bar (the same one a
``build`` gives its pages) leading to the corpus page and to its neighbours.
"""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import quote

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"


def is_corpus(tree) -> bool:
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return root.tag == f"{{{TEI_NS}}}teiCorpus"


def members(tree) -> list[etree._ElementTree]:
    """Each member TEI (nested corpora included), in document order, as a document of its own."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return [etree.ElementTree(copy.deepcopy(tei)) for tei in root.iter(f"{{{TEI_NS}}}TEI")]


def member_path(page: Path, n: int) -> Path:
    """The page of member ``n`` (1-based) beside the corpus page: ``corpus.html`` -> ``corpus-2.html``."""
    return page.with_name(f"{page.stem}-{n}{page.suffix}")


def member_title(tree) -> str:
    title = tree.xpath("string((//tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1])", namespaces={"tei": TEI_NS})
    return " ".join(title.split())


def render_corpus(tree, page: Path, renderer, *, site_css: str = "", **render_options) -> dict[Path, str]:
    """The corpus page and every member page, keyed by the path each is to be written to.

    ``site_css`` styles the collection bar of the member pages (``xslt/assets/site.css``).
    """
    docs = members(tree)
    pages = {page: renderer.render(tree, corpus_member_prefix=quote(f"{page.stem}-"), **render_options)}
    warnings = list(renderer.warnings)
    titles = [member_title(doc) or f"Document {n}" for n, doc in enumerate(docs, 1)]
    for n, doc in enumerate(docs, 1):
        nav = {"index-href": quote(page.name), "site-css": site_css}
        for rel, other in (("prev", n - 1), ("next", n + 1)):
            if 1 <= other <= len(docs):
                nav[f"{rel}-href"] = quote(member_path(page, other).name)
                nav[f"{rel}-title"] = titles[other - 1]
        path = member_path(page, n)
        pages[path] = renderer.render(doc, page=nav, **{**render_options, "page_name": path.name})
        warnings.extend(f"document {n}: {message}" for message in renderer.warnings)
    renderer.warnings = tuple(warnings)
    return pages
