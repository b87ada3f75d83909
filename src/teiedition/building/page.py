"""What a document's page needs from its collection, known before the collection is.

Why: a worker renders a page while other documents are still being built; it
knows the index's address, the version and the run date, not the neighbours
(the site pass adds those).  Both the per-document step and the site pass
read these facts here, so neither imports the other.
"""

from __future__ import annotations

from .. import __version__
from ..rendering.render import asset

TEI = "http://www.tei-c.org/ns/1.0"
INDEX_HREF = "index.html"


def page_params(run_date: str) -> dict:
    """The HTML stylesheet's collection parameters for a page built on ``run_date``."""
    return {"index-href": INDEX_HREF, "build-version": __version__, "build-date": run_date,
            "site-css": asset("site.css")}


def recorded_run_date(tree) -> str:
    """The run date the TEI records (``revisionDesc/change/@when``): the page's build date."""
    return str(tree.xpath("string(/tei:TEI/tei:teiHeader/tei:revisionDesc/tei:change[@when][last()]/@when)",
                          namespaces={"tei": TEI}))
