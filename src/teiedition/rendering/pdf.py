"""The print edition: TEI -> print HTML (``xslt/print.xsl``) -> PDF with WeasyPrint.

Why: editors and archives deposit a citable PDF of each edition.  The print
stylesheet shares its templates with the HTML edition; ``xslt/assets/print.css``
lays the pages out with CSS Paged Media (running heads, "Page X of Y",
footnotes via ``float: footnote``).  Marginal bars beside the marked lines
cannot be expressed in CSS (a span that starts mid-line has no box in the
margin), so they are drawn after layout from the positions of the marked
lines (see ``marginal_bars``).  Each footnote is kept on the page of its
call in the one layout pass (``footnotes_kept_with_their_calls``); a check
after layout re-lays the document out only if one still is not (none of the
documents we test needs it).  Note calls and note numbers are links both
ways.  The stylesheets are compiled and parsed once per process; nothing is
ever fetched: fonts come from the system by family name and every URL in the
document is refused.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass

import pydyf
from lxml import etree

from ..citing import citation_param
# WeasyPrint is imported inside the functions that use it (`# lazy`): it takes about 1.7 s to import and
# only the print edition needs it, so `render --to html` and `build --no-pdf` never load it.

from .. import resources
from . import print_tree, xsltrun
from .volume import print_volume
from .footnote_area import notes_measured_once
from ..errors import InputError, InvalidDocument

TEI_NS = "http://www.tei-c.org/ns/1.0"

#: Page sizes offered on the command line, as CSS ``size`` values.
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
#: Where translator's notes go.
NOTE_PLACES = ("footnotes", "endnotes")
#: The standards the PDF is written to (see "Tagged PDF" below): ua is the default.
PDF_VARIANTS = ("ua", "a")
#: The parts of a TEI document the print edition prints (as the HTML edition shows them).
PRINTED_PARTS = ("text", "sourceDoc", "standOff")

ASSETS_DIR = resources.XSLT_DIR / "assets"

#: The print edition's size budget: elements and characters of ``<text>`` one PDF may lay out.
#: Why: WeasyPrint holds every page's boxes in memory and its cost grows faster than the text
#: (100,000 paragraphs: 212 s, 2.4 GB, 3,032 pages).  Within this budget (about 1,000 pages)
#: a PDF of plain paragraphs takes under ~1 GB and grows linearly (``bench/bench_hostile.py --only pdf``;
#: pages set line by line take more: Kant's 600, 1.5 GB); past it
#: ``render --to pdf`` refuses in one line and ``build`` publishes the document without a PDF.
#: The budget counts what the pages hold, not how the file is written: characters as printed
#: (a run of white space is one space) and elements, an empty one (``<lb/>``, ``<pb/>``,
#: ``<milestone/>``: a line break or a marker) as a tenth of one.  Kant's *Critik* in TEI
#: Publisher (3.1 MB: 2.6 million characters of which half indentation, 33,279 elements of which
#: 25,471 empty) is 1.27 million characters and 10,339 elements, and prints.
PDF_MAX_ELEMENTS = 20_000
PDF_MAX_CHARACTERS = 2_000_000
#: An empty element costs a tenth of an element with content.
EMPTY_ELEMENT_SHARE = 10
_WHITE_SPACE_RUN = re.compile(r"\s{2,}")
PRINT_CSS = ASSETS_DIR / "print.css"

#: Geometry of the marginal bars, in CSS px (96 per inch).
BAR_GAP = 9.0        # from the text's left edge to the innermost bar
LANE_WIDTH = 6.0     # between bars of neighbouring lanes
DOUBLE_SPACING = 2.2  # between the two strokes of a double line
STROKE = 0.8         # line width
BAR_INSET = 2.0      # trimmed from each end so bars of adjacent lines stay apart

_lock = threading.RLock()
_stylesheets: dict[str, list] = {}
_font_config = None


class PdfRenderer:
    """Render TEI trees as print-edition PDFs; cheap to create, costly parts are cached per process."""

    def print_html(self, tree, *, paper: str = "a4", notes: str = "footnotes", name: str | None = None,
                   url: str = "") -> str:
        """The print HTML that goes into WeasyPrint (useful for tests and debugging).

        ``name`` (the file's path) begins every error message, so that a batch says which file failed.
        """
        _check_options(paper, notes)
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        if isinstance(root, etree._Element) and root.tag == f"{{{TEI_NS}}}teiCorpus":
            return self._print_volume(root, paper=paper, notes=notes, name=name)
        if not isinstance(root, etree._Element) or root.tag != f"{{{TEI_NS}}}TEI":
            tag = etree.QName(root).localname if isinstance(root, etree._Element) else type(root).__name__
            raise InvalidDocument(f"not a TEI document (the root element is <{tag}>, expected <TEI>)", path=name)
        # The print edition prints what the HTML edition shows: the text, a documentary
        # transcription (sourceDoc) and stand-off registers, each alone or together.
        if not _printable(root):
            raise InvalidDocument("the TEI document has no <text>, <sourceDoc> or <standOff>: nothing to print",
                                  path=name)
        return _print_transform(root, paper=paper, notes=notes, citation=citation_param(root, name or "", url=url))

    def _print_volume(self, root, *, paper: str, notes: str, name: str | None) -> str:
        """A teiCorpus as one volume (``volume.print_volume``): every member a part, in document order."""
        if root.find(f".//{{{TEI_NS}}}TEI") is None:
            raise InvalidDocument("the teiCorpus holds no <TEI> document: nothing to print", path=name)
        if not any(_printable(tei) for tei in root.iter(f"{{{TEI_NS}}}TEI")):
            raise InvalidDocument("no document of the teiCorpus has a <text>, <sourceDoc> or <standOff>: "
                                  "nothing to print", path=name)
        return print_volume(root, lambda doc: _print_transform(doc.getroot(), paper=paper, notes=notes,
                                                             citation=citation_param(doc.getroot(), name or "")))

    def __init__(self):
        self.warnings: list[str] = []  # what the last render could not do (missing fonts)

    def render(self, tree, *, paper: str = "a4", notes: str = "footnotes", variant: str = "ua",
               name: str | None = None, url: str = "") -> bytes:
        """The whole PDF as bytes, or an exception naming ``name``; never a partial document.

        ``variant``: ``ua`` (PDF/UA-1, tagged) or ``a`` (PDF/A-3a, tagged, also declaring PDF/UA-1).
        """
        if variant not in PDF_VARIANTS:
            raise InputError(f"unknown PDF variant {variant!r} (choose {', '.join(PDF_VARIANTS)})")
        return self.render_variants(tree, paper=paper, notes=notes, variants=(variant,), name=name, url=url)[variant]

    def render_variants(self, tree, *, paper: str = "a4", notes: str = "footnotes",
                        variants=PDF_VARIANTS, name: str | None = None, url: str = "") -> dict[str, bytes]:
        """The PDF in each variant asked for, from one layout (an archive may want both).

        ``url``: the document's address (its HTML page under ``--base-url``), which "How to cite" gives.
        """
        unknown = [v for v in variants if v not in PDF_VARIANTS]
        if unknown:
            raise InputError(f"unknown PDF variant {unknown[0]!r} (choose {', '.join(PDF_VARIANTS)})")
        check_size_budget(tree, name)
        html = self.print_html(tree, paper=paper, notes=notes, name=name, url=url)
        self.warnings = missing_script_fonts(html)
        return html_to_pdfs(html, paper=paper, variants=tuple(variants), name=name)


def _printable(tei) -> bool:
    return any(tei.find(f"{{{TEI_NS}}}{part}") is not None for part in PRINTED_PARTS)


def _print_transform(root, *, paper: str, notes: str, citation: str) -> str:
    """The print stylesheet on one TEI document; ``citation`` is its record (``citing.citation_param``)."""
    return xsltrun.compiled("print.xsl").transform(root, {"paper": paper, "notes": notes, "citation": citation})


class PdfTooLarge(InvalidDocument):
    """The document is over the print edition's size budget (``PDF_MAX_ELEMENTS``, ``PDF_MAX_CHARACTERS``)."""


def _budget(name: str, default: int) -> int:
    value = (os.environ.get(name) or "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()):
        raise InputError(f"{name} must be a whole number, not {value!r}")
    return int(value)


def check_size_budget(tree, name: str | None = None) -> None:
    """Refuse, in one line naming ``name``, a document too large to lay out as one PDF within the budget.

    A teiCorpus is one volume: the texts of all its members count together.  Characters are
    counted as printed (runs of white space as one), empty elements as a tenth of an element.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if not isinstance(root, etree._Element):
        return  # print_html says what is wrong
    texts = [root.find(f"{{{TEI_NS}}}text")] if root.tag != f"{{{TEI_NS}}}teiCorpus" else \
        list(root.iterfind(f".//{{{TEI_NS}}}TEI/{{{TEI_NS}}}text"))
    max_elements = _budget("TEIEDITION_PDF_MAX_ELEMENTS", PDF_MAX_ELEMENTS)
    max_characters = _budget("TEIEDITION_PDF_MAX_CHARACTERS", PDF_MAX_CHARACTERS)
    tenths = characters = 0  # elements in tenths: 10 for one with content, 1 for an empty one
    for text in (t for t in texts if t is not None):
        for el in text.iter():
            tenths += EMPTY_ELEMENT_SHARE if len(el) or el.text else 1
            characters += _printed_length(el.text) + _printed_length(el.tail)
            if tenths > max_elements * EMPTY_ELEMENT_SHARE or characters > max_characters:
                raise PdfTooLarge(
                    f"too large for one print edition (over {max_elements:,} elements or {max_characters:,} "
                    "characters in <text>, about 1,000 pages); not laid out. Publish the HTML edition, split the "
                    "document, or raise TEIEDITION_PDF_MAX_ELEMENTS / TEIEDITION_PDF_MAX_CHARACTERS", path=name)


def _printed_length(text: str | None) -> int:
    """The characters ``text`` prints as: a run of white space is one space (``white-space: normal``)."""
    return len(_WHITE_SPACE_RUN.sub(" ", text)) if text else 0


#: Scripts the print edition sets with Noto CJK: a character range, a fontconfig language, a name.
CJK_SCRIPTS = (
    (re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"), "ko", "Korean"),
    (re.compile("[\u3400-\u4dbf\u4e00-\u9fff]"), "zh", "Chinese"),
    (re.compile("[\u3040-\u30ff]"), "ja", "Japanese"),
)


def missing_script_fonts(text: str) -> list[str]:
    """A loud warning for each script in ``text`` that no installed font covers (it would print blank)."""
    missing = [name for pattern, lang, name in CJK_SCRIPTS if pattern.search(text) and not font_for(lang)]
    if not missing:
        return []
    return [f"the {' and '.join(missing)} text cannot be printed: no installed font has it, so the PDF "
            "leaves it blank; install the Noto CJK fonts (Debian: apt-get install fonts-noto-cjk)"]


@functools.lru_cache(maxsize=None)
def font_for(lang: str) -> bool:
    """Does fontconfig know a font for ``lang``?  (``fc-list :lang=ko``; unknown counts as yes.)"""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # cannot tell: say nothing rather than cry wolf
    try:
        found = subprocess.run([fc_list, f":lang={lang}", "family"], capture_output=True, timeout=30,
                               stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(found.stdout.strip())


# --- Tagged PDF: notes are Note structure elements ---------------------------------

#: PDF variant written: tagged (structure tree, document language, title shown), aiming at PDF/UA-1.
PDF_VARIANT = "pdf/ua-1"
#: WeasyPrint's variant for ``--pdf-variant a``: PDF/A-3a is tagged like PDF/UA-1 and is
#: PDF 1.7 like it (PDF/A-4 and PDF/UA-2 are PDF 2.0, and WeasyPrint's pdf/a-4 is untagged),
#: adds the sRGB output intent and the file identifier; attachments, which PDF/A-3 allows,
#: we have none.  WeasyPrint writes one variant's XMP: ``declare_pdfua`` adds PDF/UA-1's.
PDF_A_VARIANT = "pdf/a-3a"
_WEASYPRINT_VARIANTS = {"ua": PDF_VARIANT, "a": PDF_A_VARIANT}

#: PDF/A-1 to 3 allow in XMP only the schemas of XMP 2004 unless a PDF/A extension schema
#: describes them; pdfuaid (PDF/UA identification) is not one of them.
_PDFUA_EXTENSION_SCHEMA = """<rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
      <pdfaProperty:name>part</pdfaProperty:name>
      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
      <pdfaProperty:category>internal</pdfaProperty:category>
      <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
  </rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>"""


def declare_pdfua(pdf, document) -> None:
    """Rewrite the XMP of a PDF/A-3a file so that it also declares PDF/UA-1 (``pdfuaid:part 1``).

    The packet is WeasyPrint's own (``pdfaid`` part 3, conformance A, title, authors...),
    with one more description in the same ``rdf:RDF`` and the extension schema PDF/A asks for;
    uncompressed, as every part of PDF/A accepts (and XMP readers that scan files expect).
    """
    rdf = document.metadata.generate_rdf_metadata("a", 3, "A").decode("utf-8")
    closing = rdf.rindex("</rdf:RDF>")
    extra = ('<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" '
             'pdfuaid:part="1" />' + _PDFUA_EXTENSION_SCHEMA)
    packet = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
              b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + (rdf[:closing] + extra + rdf[closing:]).encode("utf-8")
              + b'</x:xmpmeta>\n<?xpacket end="r"?>')
    metadata = pydyf.Stream([packet], {"Type": "/Metadata", "Subtype": "/XML"}, compress=False)
    pdf.add_object(metadata)
    pdf.catalog["Metadata"] = metadata.reference


def _tag_notes_as_notes() -> None:
    """Make WeasyPrint tag each footnote body (``<span class="fn">``) as a ``/Note`` with its ``/ID``.

    WeasyPrint 70 derives a structure type from the HTML tag name alone, so a
    footnote would be a plain ``/Span`` and a screen reader could not tell the
    translator's notes from the text.  Its tree builder (``pdf.tags._build_box_tree``,
    a private function of the pinned version) is wrapped once: the structure
    element of a box whose element has class ``fn`` becomes ``/Note``, as PDF/UA
    asks, with the note's HTML id as ``/ID``.
    """
    from weasyprint.pdf import tags  # lazy: 1.7 s, PDF only

    original = tags._build_box_tree
    if getattr(original, "_teiedition_notes", False):
        return

    from weasyprint.formatting_structure import boxes  # lazy: 1.7 s, PDF only

    def build(box, parent, *args):
        if _margin_text is not None and isinstance(box, boxes.MarginBox):
            return  # page furniture: drawn as artifacts (running_heads_as_artifacts)
        element = getattr(getattr(box, "_box", box), "element", None)
        is_note = (element is not None and getattr(box, "element_tag", None) == "span"
                   and "fn" in (element.get("class") or "").split())
        for struct in original(box, parent, *args):
            if is_note and struct.get("P") == parent.reference and struct.get("S") == "/Span":
                struct["S"] = "/Note"
                if element.get("id"):
                    struct["ID"] = pydyf.String(element.get("id"))
            yield struct

    build._teiedition_notes = True
    tags._build_box_tree = build


# --- Running heads and page numbers are artifacts -------------------------------------

_margin_text: set[int] | None = None  # ids of the text boxes in margin boxes, while writing our PDF


@contextlib.contextmanager
def running_heads_as_artifacts(document):
    """While writing: the text of the page margins (running heads, "Page X of Y") is an ``/Artifact``.

    PDF/UA-1 (ISO 14289-1, 7.8) wants page furniture out of the logical reading order.
    WeasyPrint 70 marks it as ``/Span`` content with an MCID whose structure element it
    then leaves out of the tree (it says an artifact there is PDF 2.0 only, which holds
    for an ``/Artifact`` *structure element*, not for artifact *content*).  Here the
    stream marks those boxes as artifacts, and the tree builder (wrapped in
    ``_tag_notes_as_notes``) skips the margin boxes, which then have nothing to map.
    """
    global _margin_text
    from weasyprint.formatting_structure import boxes  # lazy: 1.7 s, PDF only
    from weasyprint.pdf.stream import Stream  # lazy: 1.7 s, PDF only

    margin_text = {id(box) for page in document.pages for margin in page._page_box.children
                   if isinstance(margin, boxes.MarginBox) for box in margin.descendants()}
    original = Stream.marked

    def marked(self, box, tag):
        if id(box) in margin_text:
            return self.artifact()
        return original(self, box, tag)

    Stream.marked = marked
    _margin_text = margin_text
    try:
        yield
    finally:
        Stream.marked = original
        _margin_text = None


# --- Stream data that ends in a carriage return ------------------------------------


@contextlib.contextmanager
def streams_ending_unambiguously():
    """While writing: a stream whose data ends with CR gets CR LF, not LF alone, before ``endstream``.

    pydyf ends every stream with LF.  Compressed data ends with its checksum, so about
    one stream in 256 ends with the byte CR; CR LF then reads as the end-of-line marker,
    the data looks one byte shorter than its ``/Length``, and a PDF/A checker fails the
    file (page-validation: PDFA3A-STREAM-LENGTH-001, on 3 of our 14 test documents).
    """
    original = pydyf.Stream.data

    def data(self):
        written = original.fget(self)
        if written.endswith(b"\r\nendstream"):
            written = written[:-len(b"\nendstream")] + b"\r\nendstream"
        return written

    pydyf.Stream.data = property(data)
    try:
        yield
    finally:
        pydyf.Stream.data = original


# --- Definition lists: each term and its definition one list item --------------------


def pair_terms_with_definitions(pdf) -> None:
    """Make each ``<div>`` of a ``<dl>`` (a term with its definitions) one ``/LI``: ``/Lbl`` and ``/LBody``.

    HTML lets a ``<dl>`` group each term with its definitions in a ``<div>`` (the header
    facts do); WeasyPrint 70 tags that ``<div>`` as a ``/Div`` inside the ``/L`` and
    each ``<dt>`` and ``<dd>`` as an ``/LI`` inside that ``/Div``, against PDF/UA-1 (an
    ``/L`` holds only ``/L``, ``/LI`` and ``/Caption``; an ``/LI`` sits in an ``/L``).
    The ``/Div`` becomes the ``/LI``; the bodies of its items (their ``/LBody``) become
    its children, the term first as the label.  Then every ``/LI`` is left holding only
    labels and bodies (``_gather_into_bodies``).
    """
    root = pdf.catalog.get("StructTreeRoot")
    if root is None:
        return
    for element in list(_struct_elements(pdf, _deref(pdf, root))):
        if element.get("S") != "/L":
            continue
        for kid in _struct_kids(pdf, element):
            if kid.get("S") != "/Div":
                continue
            kid["S"] = "/LI"
            bodies = pydyf_array()
            for item in _struct_kids(pdf, kid):
                parts = _struct_kids(pdf, item) if item.get("S") == "/LI" else [item]
                for part in parts:
                    if part.get("S") != "/LBody":  # stray content: wrap it as a body of its own
                        part = _wrapped(pdf, part, "/LBody")
                    part["P"] = kid.reference
                    bodies.append(part)
            if len(bodies) > 1:
                bodies[0]["S"] = "/Lbl"
            kid["K"] = pydyf_array(part.reference for part in bodies)
    for element in list(_struct_elements(pdf, _deref(pdf, root))):
        if element.get("S") == "/LI":
            _gather_into_bodies(pdf, element)


def _gather_into_bodies(pdf, item) -> None:
    """An ``/LI`` holds only ``/Lbl`` and ``/LBody``: anything else joins the body before it.

    WeasyPrint 70 puts a list nested in a list item (a ``<dl>`` inside an ``<li>``) directly
    in the ``/LI``, after its ``/LBody`` (PDF/UA-1: LI-KIDS).
    """
    kids = _struct_kids(pdf, item)
    if all(kid.get("S") in ("/Lbl", "/LBody") for kid in kids) or len(kids) != len(item.get("K") or []):
        return
    kept, body = [], None
    for kid in kids:
        if kid.get("S") == "/LBody":
            body = kid
        elif kid.get("S") != "/Lbl":
            if body is None:
                body = _wrapped(pdf, kid, "/LBody")
                body["P"] = item.reference
                kept.append(body)
            else:
                existing = body["K"] if isinstance(body["K"], list) else [body["K"]]
                body["K"] = pydyf_array([*existing, kid.reference])
                kid["P"] = body.reference
            continue
        kept.append(kid)
    item["K"] = pydyf_array(kid.reference for kid in kept)


def pydyf_array(items=()):
    return pydyf.Array(list(items))


def _deref(pdf, value):
    """The object a pydyf reference (``b"12 0 R"``) names, or the value itself."""
    if isinstance(value, bytes) and value.endswith(b" R"):
        return pdf.objects[int(value.split()[0])]
    return value


def _struct_kids(pdf, element) -> list:
    """The structure elements among ``element``'s kids (not its marked-content ids or annotations)."""
    kids = element.get("K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, list) else [kids]
    found = []
    for kid in kids:
        kid = _deref(pdf, kid)
        if isinstance(kid, dict) and kid.get("Type") == "/StructElem":
            found.append(kid)
    return found


def _struct_elements(pdf, node):
    """Every structure element under ``node``, depth first."""
    for kid in _struct_kids(pdf, node):
        yield kid
        yield from _struct_elements(pdf, kid)


def _wrapped(pdf, element, kind: str):
    wrapper = pydyf.Dictionary({"Type": "/StructElem", "S": kind, "K": pydyf.Array([element.reference]),
                                "P": element["P"]})
    if "Pg" in element:
        wrapper["Pg"] = element["Pg"]
    pdf.add_object(wrapper)
    element["P"] = wrapper.reference
    return wrapper


def html_to_pdf(html: str, *, paper: str = "a4", variant: str = "ua", name: str | None = None) -> bytes:
    """Lay out print HTML with the print CSS and draw the marginal bars."""
    return html_to_pdfs(html, paper=paper, variants=(variant,), name=name)[variant]


def html_to_pdfs(html: str, *, paper: str = "a4", variants=PDF_VARIANTS, name: str | None = None) -> dict[str, bytes]:
    """One layout written as each PDF variant asked for (the variants differ only in metadata).

    A failure inside WeasyPrint's layout (an assertion of its own) is a one-line error
    naming the file, never a traceback or a partial PDF.
    """
    try:
        return _html_to_pdfs(html, paper=paper, variants=variants)
    except RecursionError:
        raise InvalidDocument("too deeply nested to lay out as pages", path=name) from None
    except AssertionError as exc:
        detail = " ".join(str(exc).split())[:160] or "an assertion failed"
        raise InvalidDocument(f"the PDF layout engine (WeasyPrint) cannot lay this document out ({detail}); "
                              "the HTML edition is not affected", path=name) from None


def _html_to_pdfs(html: str, *, paper: str, variants) -> dict[str, bytes]:
    from weasyprint import HTML  # lazy: 1.7 s, PDF only

    with _lock:
        stylesheets, font_config = _compiled_css(paper)
        source = _weasyprint_source(html)
        collapse_line_breaks(source.etree_element)
        square_tables(source.etree_element)
        with footnotes_kept_with_their_calls():
            document = source.render(stylesheets=stylesheets, font_config=font_config)
            for _ in range(MAX_REPAIRS):
                misplaced = misplaced_footnotes(document)
                if not misplaced or not _break_before_calling_blocks(source, misplaced, document):
                    break
                document = source.render(stylesheets=stylesheets, font_config=font_config)
        bars = marginal_bars(document)
        labels = link_labels(source.etree_element)
        # Tagged (PDF/UA-1: structure tree, language, title shown): screen readers and reflow read it.
        _tag_notes_as_notes()
        written = {}
        for variant in variants:
            def finish(finished, pdf, variant=variant):
                describe_links(pdf, labels)
                draw_bars(pdf, bars)
                pair_terms_with_definitions(pdf)
                if variant == "a":
                    declare_pdfua(pdf, finished)

            with running_heads_as_artifacts(document), streams_ending_unambiguously():
                written[variant] = document.write_pdf(pdf_variant=_WEASYPRINT_VARIANTS[variant],
                                                      finisher=finish)
        return written


def _weasyprint_source(html: str):
    """WeasyPrint's document for the print HTML, its tree read by expat where that is the HTML5 parser's.

    WeasyPrint 70's ``HTML`` keeps what its parser built in these five attributes (``HTML.__init__``);
    ``print_tree.parsed`` says None wherever HTML5's rules could build another tree, and then
    WeasyPrint parses the text itself.
    """
    import cssselect2  # lazy: WeasyPrint's selector engine, PDF only
    from weasyprint import HTML  # lazy: 1.7 s, PDF only

    base_url = ASSETS_DIR.as_uri() + "/"
    root = print_tree.parsed(html)
    if root is None:
        return HTML(string=html, base_url=base_url, url_fetcher=_fetcher())
    source = HTML.__new__(HTML)
    source.base_url, source.url_fetcher, source.media_type = base_url, _fetcher(), "print"
    source.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    source.etree_element = source.wrapper_element.etree_element
    return source


def square_tables(root) -> None:
    """Give each row of a table as many columns as its widest row, with empty cells at its end.

    TEI tables are often ragged (a row of one cell in a table of three columns: the TEI
    Stylesheets' Test/test.xml); PDF/UA-1 wants every row to span the same number of
    columns (page-validation: TABLE-ROW-COLUMNSPAN), and a reader of the page sees
    the same table, its short rows ending in blank cells.  Row and column spans count.
    Linear in the cells (and their spans): each row is given to its nearest table once.
    """
    for rows in _rows_by_table(root).values():
        taken: set[tuple[int, int]] = set()
        widths = [0] * len(rows)
        for r, row in enumerate(rows):
            column = 0
            for cell in row:
                if _local(cell.tag) not in ("td", "th"):
                    continue
                while (r, column) in taken:
                    column += 1
                span, down = _span(cell.get("colspan")), _span(cell.get("rowspan"))
                for dr in range(down):
                    for dc in range(span):
                        taken.add((r + dr, column + dc))
                    if r + dr < len(rows):
                        widths[r + dr] = max(widths[r + dr], column + span)
                column += span
        width = max(widths, default=0)
        for r, row in enumerate(rows):
            for _ in range(width - widths[r]):
                row.append(row.makeelement(row.tag[:-2] + "td", {}))  # same namespace as the row


def _rows_by_table(root) -> dict:
    """Each table, in document order, with its own rows (not those of a table nested in one of its cells).

    ``root`` may be an lxml or an ElementTree element (WeasyPrint's): no parent pointers needed.
    """
    rows_of: dict = {}
    stack = [(root, None)]  # (element, its nearest enclosing table)
    while stack:
        element, table = stack.pop()
        name = _local(element.tag)
        if name == "table":
            rows_of.setdefault(element, [])
            table = element
        elif name == "tr" and table is not None:
            rows_of[table].append(element)
        stack.extend((child, table) for child in reversed(element))
    return rows_of


def _span(value) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


#: Elements whose white space is kept (WeasyPrint's default stylesheet; print.css sets no ``white-space``).
_PRESERVING = {"pre", "textarea", "listing", "plaintext", "xmp"}
_LINE_BREAK_RUN = re.compile(r"[ \t\r\n\f]*[\r\n][ \t\r\n\f]*")


def collapse_line_breaks(root) -> None:
    """Replace each run of white space holding a line break by one space, as CSS would show it.

    WeasyPrint 70 fails with "Got ' \\n' between two lines" when the text of a footnote
    holds a space before a line break at the place it breaks the line (TEI that is
    pretty-printed has them: the TEI Stylesheets' Test/test.xml).  With ``white-space:
    normal``, the print CSS's only setting, the run prints as one space anyway, so the
    page is the same; text in ``pre`` and the like keeps its lines.
    """
    def walk(element, keep):
        keep = keep or _local(element.tag) in _PRESERVING or "white-space" in (element.get("style") or "")
        if element.text and not keep:
            element.text = _LINE_BREAK_RUN.sub(" ", element.text)
        for child in element:
            walk(child, keep)
            if child.tail and not keep:
                child.tail = _LINE_BREAK_RUN.sub(" ", child.tail)

    walk(root, False)


# --- Links between note calls and notes ------------------------------------------


def link_labels(root) -> dict[str, str]:
    """What each internal link of the print HTML says (its aria-label), by the id it leads to.

    WeasyPrint describes a tagged link by its target (``/Contents (note-tn3)``); PDF/UA
    wants words a screen reader can speak, such as "Translator's note 3".
    """
    labels: dict[str, str] = {}
    for element in root.iter():
        href, label = element.get("href") or "", element.get("aria-label")
        if _local(element.tag) == "a" and href.startswith("#") and label:
            labels.setdefault(href[1:], " ".join(label.split()))
    return labels


def describe_links(pdf, labels: dict[str, str]) -> None:
    """Replace the ``/Contents`` of each internal link annotation by its label, where it has one."""
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Subtype") == "/Link" and "Dest" in obj:
            label = labels.get(_pdf_string_text(obj["Dest"]))
            if label:
                obj["Contents"] = pydyf.String(label)


def _pdf_string_text(value) -> str:
    """The text of a pydyf String (its ``string`` attribute), or of a plain str."""
    return getattr(value, "string", value) if not isinstance(value, str) else value


# --- Footnotes on the page of their call -------------------------------------------

#: The one statement of WeasyPrint 70's line layout (``layout.block._linebox_layout``) that
#: decides whether a line that overflows the page may stay by sending the page's last
#: footnotes on to the next page.  It ignores ``footnote-policy``, so the notes left their
#: calls behind (WeasyPrint issues 1564 and 2502): every misplaced note of the seed and of
#: the long test documents came from here.
_REPORT_DECISION = "report = not context.in_column and can_break_now and not could_break_before"
#: ... and the same decision refusing to move a note whose footnote-policy is not ``auto``:
#: the overflowing line goes to the next page instead, as a page break without notes would.
_REPORT_DECISION_KEEPING_POLICY = (
    _REPORT_DECISION + " and all(note.style['footnote_policy'] == 'auto' "
    "for note in context.current_page_footnotes)")


@functools.lru_cache(maxsize=1)
def _policy_keeping_linebox_layout():
    """WeasyPrint's ``_linebox_layout`` with that one statement changed, or None where it differs.

    Compiled from the installed WeasyPrint's own source in its own module namespace,
    so everything else stays the shipped code; when the statement is not found (another
    WeasyPrint), nothing is changed and the re-layout repair below still moves the notes.
    """
    from weasyprint.layout import block  # lazy: 1.7 s, PDF only

    try:
        source = inspect.getsource(block._linebox_layout)
    except (OSError, TypeError):
        return None
    if source.count(_REPORT_DECISION) != 1:
        return None
    namespace: dict = {}
    code = compile(source.replace(_REPORT_DECISION, _REPORT_DECISION_KEEPING_POLICY), block.__file__, "exec")
    exec(code, vars(block), namespace)  # noqa: S102 -- WeasyPrint's own source, one statement changed
    return namespace["_linebox_layout"]


@contextlib.contextmanager
def footnotes_kept_with_their_calls():
    """While laying out: a footnote with ``footnote-policy: line`` never leaves its call's page.

    Scoped to our own layouts (under the module lock), so WeasyPrint used directly in the
    same process lays out as shipped.
    """
    from weasyprint.layout import block  # lazy: 1.7 s, PDF only

    patched = _policy_keeping_linebox_layout()
    if patched is None:
        with notes_measured_once():
            yield
        return
    original = block._linebox_layout
    block._linebox_layout = patched
    try:
        with notes_measured_once():
            yield
    finally:
        block._linebox_layout = original


#: Layout passes spent moving paragraphs whose footnote WeasyPrint still set a page late
#: (a safety net: with the layout above, none of the documents we test needs one).
MAX_REPAIRS = 4
_BLOCKS = {"p", "li", "div", "blockquote", "section", "dd", "td"}


def misplaced_footnotes(document) -> list:
    """Footnote elements whose body is not on the page of their call.

    WeasyPrint may set a footnote body on the page after its call even with
    ``footnote-policy: line`` (its issues 1564 and 2502); this finds them from
    the laid-out pages: the ``::footnote-call`` box and the body in the
    footnote area.
    """
    calls: dict[int, tuple[int, object]] = {}
    bodies: dict[int, int] = {}
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            tag = getattr(box, "element_tag", None) or ""
            if tag.endswith("::footnote-call") and box.element is not None:
                calls.setdefault(id(box.element), (index, box.element))
        for area in page._page_box.children:
            if type(area).__name__ == "FootnoteAreaBox":
                for box in area.descendants():
                    element = getattr(box, "element", None)
                    if element is not None and element.get("data-n") is not None:
                        bodies.setdefault(id(element), index)
    return [element for key, (index, element) in calls.items()
            if key in bodies and bodies[key] != index]


def _break_before_calling_blocks(source, elements, document=None) -> bool:
    """Start each misplaced note's paragraph on a new page; False when nothing could change.

    With the laid-out ``document``, only a paragraph that begins on the page of the call is
    moved: one that began pages earlier (a chronicle's paragraph of thirty pages) would only
    shift, and each try is a layout of the whole document.
    """
    root = source.etree_element
    parents = {child: parent for parent in root.iter() for child in parent}
    blocks = {}
    for element in elements:
        block = parents.get(element)
        while block is not None and _local(block.tag) not in _BLOCKS:
            block = parents.get(block)
        if block is not None and "break-before" not in (block.get("style") or ""):
            blocks[element] = block
    if document is not None:
        starts = _first_pages(document, set(blocks.values()) | set(blocks))
        blocks = {element: block for element, block in blocks.items()
                  if starts.get(id(block)) is not None and starts.get(id(block)) == starts.get(id(element))}
    for block in blocks.values():
        block.set("style", ((block.get("style") or "") + "; break-before: page").lstrip("; "))
    return bool(blocks)


def _first_pages(document, elements) -> dict[int, int]:
    """The page (index) where each of ``elements`` first has a box: a note's is its call's."""
    wanted = {id(element) for element in elements}
    first: dict[int, int] = {}
    for index, page in enumerate(document.pages):
        for area in page._page_box.children:
            if type(area).__name__ == "FootnoteAreaBox":
                continue  # a note's body: its page is the one in question
            for box in [area, *area.descendants()] if hasattr(area, "descendants") else [area]:
                element = getattr(box, "element", None)
                if element is not None and id(element) in wanted:
                    first.setdefault(id(element), index)
    return first


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _check_options(paper: str, notes: str) -> None:
    if paper not in PAPER_SIZES:
        raise InputError(f"unknown paper size {paper!r} (choose {', '.join(PAPER_SIZES)})")
    if notes not in NOTE_PLACES:
        raise InputError(f"unknown notes placement {notes!r} (choose {', '.join(NOTE_PLACES)})")


def _compiled_css(paper: str):
    """print.css plus the page size, parsed once per process and paper."""
    global _font_config
    from weasyprint import CSS  # lazy: 1.7 s, PDF only
    from weasyprint.text.fonts import FontConfiguration  # lazy: 1.7 s, PDF only

    # Refused fetches and links to the HTML-only index are expected; not worth a line each.
    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
    if _font_config is None:
        _font_config = FontConfiguration()
    if paper not in _stylesheets:
        try:
            base = PRINT_CSS.read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidDocument(f"print stylesheet missing: {PRINT_CSS} ({exc.strerror})") from None
        _stylesheets[paper] = [
            CSS(string=base, base_url=ASSETS_DIR.as_uri() + "/", url_fetcher=_fetcher(),
                font_config=_font_config),
            CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}", font_config=_font_config),
        ]
    return _stylesheets[paper], _font_config


def _refusing_fetcher():
    """A WeasyPrint fetcher that fetches nothing: no network, no file outside the input (images dropped).

    WeasyPrint 70 calls fetchers as ``URLFetcher`` objects (it reads their ``_fail_on_errors``
    when a fetch fails), so a plain function crashed every TEI with a local ``<graphic>``.
    """
    from weasyprint.urls import URLFetcher  # lazy: 1.7 s, PDF only

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"the print edition fetches nothing (refused {url[:80]})")

        def __call__(self, url, *args, **kwargs):
            return self.fetch(url)

    return RefusingFetcher(fail_on_errors=False)


_refuse_fetch = None  # the one RefusingFetcher, made on first use (weasyprint is imported lazily)


def _fetcher():
    global _refuse_fetch
    if _refuse_fetch is None:
        _refuse_fetch = _refusing_fetcher()
    return _refuse_fetch


# --- Marginal bars ---------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar to draw: page index, x of the text's left edge, vertical extent, style, lane."""

    page: int
    text_left: float
    top: float
    bottom: float
    rend: str
    lane: int


def marginal_bars(document) -> list[Bar]:
    """Find each marked element's lines on every page and give each mark its lane.

    Marked elements carry ``data-bars`` (``single-line``/``double-line`` tokens,
    one per physical mark).  For an inline span the bar runs beside exactly the
    lines it occupies; for a block (a marked paragraph) beside the whole block.
    Bars that overlap on a page are moved outwards into separate lanes.
    """
    bars: list[Bar] = []
    for index, page in enumerate(document.pages):
        extents: dict[tuple[int, str], list[float]] = {}
        order: list[tuple[int, str, object]] = []
        for box, line in _walk(page._page_box, None):
            element = box.element
            rends = element.get("data-bars") if element is not None else None
            if not rends or getattr(box, "element_tag", None) != element.tag:
                continue
            if line is not None:
                top, bottom, left = line.position_y, line.position_y + line.height, line.position_x
            elif type(box).__name__ in ("BlockBox", "ListItemBox"):
                top = box.border_box_y()
                bottom = top + box.border_height()
                left = box.content_box_x()
            else:
                continue
            for rend in rends.split():
                key = (id(element), rend)
                if key not in extents:
                    extents[key] = [top, bottom, left]
                    order.append((id(element), rend, element))
                else:
                    ext = extents[key]
                    ext[0], ext[1], ext[2] = min(ext[0], top), max(ext[1], bottom), min(ext[2], left)
        placed: list[Bar] = []
        for key_id, rend, _element in order:
            top, bottom, left = extents[(key_id, rend)]
            lane = 0
            while any(b.lane == lane and b.top < bottom and top < b.bottom for b in placed):
                lane += 1
            placed.append(Bar(index, left, top + BAR_INSET, bottom - BAR_INSET, rend, lane))
        bars.extend(placed)
    return bars


def _walk(box, line):
    """Every box of a page with the line box it sits on (None for block-level boxes)."""
    yield box, line
    kind = type(box).__name__
    inner_line = box if kind == "LineBox" else line
    for child in getattr(box, "children", ()) or ():
        if hasattr(child, "position_y"):
            yield from _walk(child, inner_line)


def draw_bars(pdf, bars: list[Bar]) -> None:
    """Append the bars to each page's content as vector strokes (PDF points, origin bottom left)."""
    by_page: dict[int, list[Bar]] = {}
    for bar in bars:
        by_page.setdefault(bar.page, []).append(bar)
    kids = pdf.pages["Kids"]
    for index, page_bars in by_page.items():
        page = pdf.objects[_kid_number(kids, index)]
        media = page["MediaBox"]
        height = float(media[3])
        # WeasyPrint leaves its own y-flipped transformation in force at the end of its
        # content stream: save the state before it, restore it before the bars.
        save = pydyf.Stream(compress=False)
        save.push_state()
        pdf.add_object(save)
        stream = pydyf.Stream(compress=True)
        stream.pop_state()
        # Artifacts (PDF/UA-1): the marks are told in words at the marked text (print/marks.xsl).
        stream.begin_marked_content("Artifact")
        stream.push_state()
        stream.set_line_width(STROKE * 0.75)
        stream.set_color_rgb(0.15, 0.15, 0.15, stroke=True)
        for bar in page_bars:
            x = bar.text_left - BAR_GAP - bar.lane * LANE_WIDTH
            kind, _, style = bar.rend.partition("~")
            xs = [x] if kind != "double-line" else [x, x - DOUBLE_SPACING]
            # An uncertain placement is dotted, as on screen; a certain one solid.
            stream.set_dash(pydyf.Array([0.9, 1.8] if style == "dotted" else []), 0)
            for xi in xs:
                stream.move_to(xi * 0.75, height - bar.top * 0.75)
                stream.line_to(xi * 0.75, height - bar.bottom * 0.75)
                stream.stroke()
        stream.pop_state()
        stream.end_marked_content()
        pdf.add_object(stream)
        contents = page["Contents"]
        originals = list(contents) if isinstance(contents, pydyf.Array) else [contents]
        page["Contents"] = pydyf.Array([save.reference, *originals, stream.reference])


def _kid_number(kids, index: int) -> int:
    """pydyf stores page references as ``N 0 R`` triples in a flat Kids array."""
    return int(kids[index * 3])
