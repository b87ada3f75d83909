"""Render a TEI file as an HTML edition (XSLT 3.0, saxonche), a print edition (PDF) or an e-book (EPUB).

Why: readers get a static, self-contained HTML5 page (CSS and a small script
inlined, no remote resources, readable without JavaScript) that shows
everything the TEI knows; publishers host it as a plain file.

Decisions on bad input (see the README):

* not XML, unsafe XML (entities, external DTD) -> one-line error, exit 2;
* XML but not TEI (root is not ``TEI``/``teiCorpus`` in the TEI namespace) ->
  one-line error, exit 1;
* TEI that is not schema-valid -> best-effort page, exit 0; render does not
  validate (that is ``teiedition validate``), but what the stylesheet notices
  (no ``<text>``, pointers that resolve to nothing, XIncludes it will not
  follow) is printed as warnings on stderr;
* the output is written whole (``files.atomic_write``) or not at all.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from . import xsltrun
from .chunks import render_parts
from .corpus import is_corpus, render_corpus
from .epub import EpubRenderer
from .iiif import manifest_json, manifest_name
from .pdf import PdfRenderer
from ..citing import citation_param, stylesheet_param
from ..errors import InputError, InvalidDocument
from ..files import atomic_write
from ..safexml import parse_xml_file
from ..timelimit import DocumentTimeout, time_limit as limited
from ..urls import name_of, segment, under

TEI_NS = "http://www.tei-c.org/ns/1.0"
ASSETS = xsltrun.XSLT_DIR / "assets"


@functools.lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of a file in ``xslt/assets`` (CSS, script), read once per process."""
    return (ASSETS / name).read_text(encoding="utf-8")


def check_tei(tree, name: str = "<input>") -> None:
    """Refuse a document whose root is not TEI (or teiCorpus) in the TEI namespace."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    qname = etree.QName(root)
    if qname.namespace == TEI_NS and qname.localname in ("TEI", "teiCorpus"):
        return
    if qname.localname in ("TEI", "teiCorpus"):
        where = f"in namespace {qname.namespace}" if qname.namespace else "in no namespace"
        raise InvalidDocument(
            f"not TEI: <{qname.localname}> is {where}; TEI P5 needs xmlns=\"{TEI_NS}\"", path=name
        )
    raise InvalidDocument(f"not TEI: the root element is <{qname.localname}>, not <TEI>", path=name)


class HtmlRenderer:
    """TEI tree -> one self-contained HTML5 page.  Build one and reuse it for many documents."""

    def __init__(self) -> None:
        self._stylesheet = xsltrun.compiled("html.xsl")
        self.warnings: tuple[str, ...] = ()

    def render(self, tree, *, tei_href: str | None = None, pdf_href: str | None = None,
               base_url: str | None = None, page_name: str | None = None, page: dict | None = None,
               citation_hrefs: dict | None = None, entities_href: str | None = None,
               corpus_member_prefix: str = "", chunk: int = 0, chunk_pages: str = "", iiif_href: str = "",
               xdm=None, facts=None) -> str:
        """The HTML page for ``tree``; stylesheet warnings are left in ``self.warnings``.

        ``base_url`` (the command line reads ``$TEIEDITION_BASE_URL``) is the address of the folder the
        page is published in: with it the page gets a permanent URL, a canonical
        link and an absolute ``citation_pdf_url`` (what Google Scholar and Zotero
        need).  ``page_name`` is the page's file name (default: the TEI's, as .html).
        ``page``: the collection parameters of a built page (index link,
        neighbours, version, run date; see ``site.page_params``), none for a
        page on its own.
        ``citation_hrefs`` links the citation exports (``{"bib"|"ris"|"csl": href}``) from "How to cite";
        ``entities_href`` (the folder of the collection's entity pages) links each index entry to its page.
        ``corpus_member_prefix``: for a teiCorpus, make the corpus page, linking its members as
        PREFIX1.html, PREFIX2.html ... (see ``corpus.render_corpus``).
        ``chunk``/``chunk_pages``: the part of a long text this page shows and the names of all its
        pages (see ``chunks.render_parts``); 0 shows the whole text.
        ``iiif_href`` links the document's IIIF manifest (``iiif.document_manifest``), empty for none.
        ``xdm``: ``tree`` already parsed by Saxon (``xsltrun.xdm_document``), to be used as it is.
        ``facts``: ``facts.read_facts`` of ``tree`` for this page's name and URL, when the caller read them.
        """
        check_tei(tree)
        base = (base_url or "").strip()
        page_url = ""
        if base.startswith(("http://", "https://")):
            base = base if base.endswith("/") else base + "/"
            # tei_href is already a URL: take the file name back out of it, encode the page's name once
            name = page_name or (str(Path(name_of(tei_href)).with_suffix(".html")) if tei_href else "")
            page_url = under(base, name) if name else ""
        else:
            base = ""
        cited = citation_hrefs or {}
        pdf_url = urljoin(base, pdf_href) if base and pdf_href else (pdf_href or "")
        record = stylesheet_param(facts, pdf_url=pdf_url, tei_href=tei_href or "") if facts is not None else \
            citation_param(tree, page_name or (name_of(tei_href) if tei_href else ""),
                           url=_first_page_url(base, page_url, chunk, chunk_pages), pdf_url=pdf_url,
                           tei_href=tei_href or "")
        result = self._stylesheet.run(
            tree if xdm is None else xdm,
            {
                **(page or {}),
                "tei-href": tei_href or "",
                "pdf-href": pdf_href or "",
                "iiif-href": iiif_href,
                "base-url": base,
                "page-url": page_url,
                "bib-href": cited.get("bib", ""),
                "ris-href": cited.get("ris", ""),
                "csl-href": cited.get("csl", ""),
                "entities-href": entities_href or "",
                "citation": record,
                "corpus-member-prefix": corpus_member_prefix,
                "chunk": chunk,
                "chunk-pages": chunk_pages,
                "css": asset("edition.css"),
                "js": asset("edition.js"),
            },
        )
        self.warnings = result.messages
        return result.output


def _first_page_url(base: str, page_url: str, chunk: int, chunk_pages: str) -> str:
    """The address a citation gives: a long text's first page, whichever of its pages this is."""
    if chunk and chunk_pages.split() and base:
        return base + chunk_pages.split()[0]
    return page_url


def _href(target: Path, page: Path) -> str:
    """A relative, URL-quoted link from the page's folder to ``target``."""
    rel = os.path.relpath(target.resolve(), page.resolve().parent)
    return "/".join(segment(part) for part in Path(rel).as_posix().split("/"))


def default_output(source: str | os.PathLike, target: str) -> Path:
    """``doc.xml`` -> ``doc.html``, ``doc.pdf`` or (IIIF) ``doc.manifest.json`` beside it."""
    if target == "iiif":
        return Path(source).with_name(manifest_name(Path(source).name))
    return Path(source).with_suffix("." + target)


#: What an output's extension says it holds (``render X.xml -o y.pdf`` means a PDF).
FORMAT_OF_SUFFIX = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".epub": "epub",
                    ".json": "iiif"}
#: Seconds one ``render`` may take (``--time-limit``), as in ``build``; 0 means none.
DEFAULT_TIME_LIMIT = 300.0


def output_format(target: str | None, output) -> str:
    """The format to write: ``--to``, else the output's extension, else HTML; a contradiction is refused.

    Why: ``render X.xml -o y.pdf`` wrote HTML into ``y.pdf`` and ``--to pdf -o y.html`` a PDF
    into ``y.html``, both with exit 0; the reader found out when the file would not open.
    """
    named = FORMAT_OF_SUFFIX.get(Path(output).suffix.lower()) if output not in (None, "-") else None
    if target is None:
        return named or "html"
    if target not in ("html", "pdf", "epub", "iiif"):
        raise InputError(f"unknown target {target!r}: use html, pdf, epub or iiif")
    if named and named != target:
        raise InputError(f"--to {target} contradicts the output's name {Path(output).name!r} "
                         f"(a {named.upper()} file); change --to or -o")
    return target


def render(source, *, target: str | None = None, output=None, paper: str = "a4", notes: str = "footnotes",
           pdf_variant: str = "ua", base_url: str | None = None, time_limit: float = DEFAULT_TIME_LIMIT) -> int:
    """Render one TEI file to HTML, PDF or EPUB; write it whole or not at all; return the exit code.

    ``output`` may be a file, an existing folder (the page gets the input's
    name), or "-" for standard output.  ``target`` None: from the output's
    extension (``.pdf``, ``.epub``, ``.html``), else HTML.  Past ``time_limit`` seconds
    (0: none) nothing is written and the exit code is 1.
    """
    try:
        with limited(time_limit):
            return _render(source, target=target, output=output, paper=paper, notes=notes,
                           pdf_variant=pdf_variant, base_url=base_url)
    except DocumentTimeout:
        raise InvalidDocument(f"took longer than the time limit of {time_limit:g} s; nothing written "
                              "(raise it with --time-limit SECONDS, 0 for none)", path=str(source)) from None


def _render(source, *, target, output, paper, notes, pdf_variant, base_url) -> int:
    if base_url and not base_url.startswith(("http://", "https://")):
        raise InputError(f"--base-url must start with http:// or https://, not {base_url!r}")
    target = output_format(target, output)
    src = Path(source)
    tree = parse_xml_file(src, allow_xinclude=True)
    check_tei(tree, str(src))
    out = default_output(src, target) if output is None else Path(output)
    if str(out) != "-" and out.is_dir():
        out = out / default_output(src.name, target)
    if str(out) != "-" and out.resolve() == src.resolve():
        raise InputError("the output would overwrite the input", path=str(src))
    if output is None:  # `render doc.xml > out.pdf` would otherwise leave an empty out.pdf, silently
        print(f"{src}: writing {out} beside the input (-o FILE to choose, -o - for standard output)",
              file=sys.stderr)

    if target == "pdf":
        renderer = PdfRenderer()
        page = under(base_url if base_url.endswith("/") else base_url + "/", src.with_suffix(".html").name) \
            if base_url else ""
        data = renderer.render(tree, paper=paper, notes=notes, variant=pdf_variant, name=str(src), url=page)
        return _emit(src, out, data, renderer.warnings)

    if target == "iiif":
        data, warnings = manifest_json(tree, base_url=base_url, doc_name=src.name, resources=src.resolve().parent,
                                       page_name=default_output(src.name, "html").name)
        if data is None:
            raise InvalidDocument("no IIIF manifest: the document has no page image of known size "
                                  "(facsimile/surface/graphic with @width and @height)", path=str(src))
        return _emit(src, out, data, warnings)

    if target == "epub":
        book = EpubRenderer()
        data = book.render(tree, resources=src.resolve().parent, name=str(src))
        return _emit(src, out, data, book.warnings)

    renderer = HtmlRenderer()
    page_path = Path.cwd() / "page.html" if str(out) == "-" else out
    pdf = page_path.with_suffix(".pdf")
    iiif = default_output(page_path, "iiif")
    options = dict(tei_href=_href(src, page_path), pdf_href=_href(pdf, page_path) if pdf.exists() else None,
                   iiif_href=_href(iiif, page_path) if iiif.exists() else "",
                   base_url=base_url, page_name=page_path.name)
    if is_corpus(tree) and str(out) != "-":
        pages = render_corpus(tree, page_path, renderer, site_css=asset("site.css"), **options)
    elif str(out) != "-":
        pages = render_parts(tree, page_path, renderer, **options)
    else:
        pages = {out: renderer.render(tree, **options)}
    for message in renderer.warnings:
        print(f"{src}: warning: {message}", file=sys.stderr)
    for path, html in pages.items():
        if str(path) == "-":
            sys.stdout.write(html)
        else:
            _write(path, html)
    return 0


def _emit(src: Path, out: Path, data: bytes, warnings) -> int:
    """A binary edition (PDF, EPUB) to its file or standard output, its warnings on stderr."""
    for message in warnings:
        print(f"{src}: warning: {message}", file=sys.stderr)
    if str(out) == "-":
        sys.stdout.buffer.write(data)
    else:
        _write(out, data)
    return 0


def _write(out: Path, data) -> None:
    """Write the whole output or nothing; an unwritable place is a one-line error."""
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise InputError(f"cannot write the output: {exc.strerror or exc}", path=str(out)) from None
