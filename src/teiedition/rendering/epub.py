"""The e-book edition: EPUB 3 made from the TEI with the print edition's templates.

Why: readers of long documents and volumes read them in e-book readers, as FRUS
offers its volumes.  The content is what the print edition prints (xslt/epub.xsl
reuses print.xsl, without pages), as one XHTML content document; the navigation
document lists the document's headings; the package is deterministic (same TEI,
same bytes: the modification date is the TEI's own last revision date).

What an e-book cannot hold is left out, and said: images the TEI names by a remote
address (EPUB keeps every image inside the package) and scripts.  A local image
beside the TEI (a relative path inside its folder) is packed with the book.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from xml.sax.saxutils import escape

import html5lib
from lxml import etree

from . import xsltrun
from ..citing import citation_param
from ..facts import read_facts
from ..errors import InvalidDocument

TEI_NS = "http://www.tei-c.org/ns/1.0"
XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
ASSETS = xsltrun.XSLT_DIR / "assets"
#: The fixed timestamp of every entry of the zip (reproducible archives).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
               ".svg": "image/svg+xml", ".webp": "image/webp"}
SAFE_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./\-]*$")


class EpubRenderer:
    """TEI tree -> EPUB 3 bytes.  Warnings of the last render are left in ``self.warnings``."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def render(self, tree, *, resources: Path | None = None, name: str | None = None) -> bytes:
        """The whole EPUB as bytes.  ``resources``: the TEI's folder, where its local images are.

        A teiCorpus becomes one book: one content document per member TEI, in order,
        the book's title and language from the corpus header.
        """
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        if root.tag == f"{{{TEI_NS}}}teiCorpus":
            documents = list(root.iter(f"{{{TEI_NS}}}TEI"))
        elif root.tag == f"{{{TEI_NS}}}TEI":
            documents = [root]
        else:
            documents = []
        if not documents:
            raise InvalidDocument(f"no TEI document to make a book of (root element is {etree.QName(root).localname})",
                                  path=name)
        self.warnings = []
        files: dict[str, bytes] = {}
        images: dict[str, tuple[bytes, str]] = {}
        headings: list[tuple[int, str, str, str]] = []
        spine: list[str] = []
        for n, tei in enumerate(documents, 1):
            result = xsltrun.compiled("epub.xsl").run(tei, {"paper": "a4", "notes": "endnotes",
                                                            "citation": citation_param(tei, name or "")})
            prefix = f"document {n}: " if len(documents) > 1 else ""
            self.warnings.extend(prefix + m for m in result.messages)
            content = xhtml_tree(result.output)
            images.update(self._pack_images(content, resources, prefix))
            mark_notes(content)
            href = "text.xhtml" if len(documents) == 1 else f"text-{n}.xhtml"
            headings.extend((level, href, ident, text) for level, ident, text in give_headings_ids(content))
            files[f"EPUB/{href}"] = serialise(content)
            spine.append(href)
        meta = book_metadata(root, documents[0])
        files.update({
            "EPUB/nav.xhtml": nav_document(meta["title"], meta["language"], headings),
            "EPUB/edition.css": (ASSETS / "epub.css").read_bytes(),
            **{f"EPUB/{image}": data for image, (data, _) in images.items()},
        })
        files["EPUB/package.opf"] = package_document(meta, spine, {image: kind for image, (_, kind) in images.items()})
        return zip_epub(files)

    def _pack_images(self, content, resources: Path | None, prefix: str = "") -> dict[str, tuple[bytes, str]]:
        """Pack local images found beside the TEI; replace any other image by its description."""
        packed: dict[str, tuple[bytes, str]] = {}
        dropped = 0
        for img in content.iter(f"{{{XHTML_NS}}}img"):
            src = img.get("src", "")
            kind = IMAGE_TYPES.get(PurePosixPath(src).suffix.lower())
            path = (resources / src) if resources is not None else None
            local = (SAFE_LOCAL.match(src) and ".." not in src and kind and path is not None
                     and path.resolve().is_relative_to(resources.resolve()) and path.is_file())
            if local:
                name = "images/" + hashlib.sha1(src.encode()).hexdigest()[:12] + PurePosixPath(src).suffix.lower()
                packed[name] = (path.read_bytes(), kind)
                img.set("src", name)
                continue
            dropped += 1
            span = etree.Element(f"{{{XHTML_NS}}}span", {"class": "image-not-packed"})
            span.text = f"[image: {img.get('alt') or src}]"
            span.tail = img.tail
            img.getparent().replace(img, span)
        if dropped:
            self.warnings.append(f"{prefix}{dropped} image(s) not in the e-book: only images beside the TEI file are packed")
        return packed


def xhtml_tree(html: str) -> etree._Element:
    """The HTML5 output as an XHTML tree (html5lib puts the elements in the XHTML namespace); no scripts."""
    root = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=True)
    root = root.getroot() if isinstance(root, etree._ElementTree) else root
    for script in root.findall(f".//{{{XHTML_NS}}}script"):
        script.getparent().remove(script)
    # html5lib keeps attribute names that XML cannot hold (a stray "a:b"): drop them.
    for el in root.iter():
        for name in [n for n in el.attrib if not re.match(r"^(\{[^}]*\})?[A-Za-z_][\w.\-]*$", n)]:
            del el.attrib[name]
    return root


def mark_notes(content) -> None:
    """EPUB semantics for notes: calls are noterefs, entries endnotes (readers open them as pop-ups)."""
    for a in content.iter(f"{{{XHTML_NS}}}a"):
        if "noteref" in (a.get("class") or "").split() and a.get("href", "").startswith("#"):
            a.set(f"{{{EPUB_NS}}}type", "noteref")
    for li in content.iter(f"{{{XHTML_NS}}}li"):
        classes = (li.get("class") or "").split()
        if "note-entry" in classes or "app-list-entry" in classes:
            li.set(f"{{{EPUB_NS}}}type", "endnote")


def give_headings_ids(content) -> list[tuple[int, str, str]]:
    """(level, id, text) of each h1-h4, giving an id to a heading that has none, for the navigation."""
    headings = []
    for n, h in enumerate(content.iter(*(f"{{{XHTML_NS}}}h{level}" for level in range(1, 5))), 1):
        if not h.get("id"):
            h.set("id", f"heading-{n}")
        text = " ".join("".join(h.itertext()).split())
        if text:
            headings.append((int(etree.QName(h).localname[1]), h.get("id"), text))
    return headings


def book_metadata(root, first_tei) -> dict:
    """Title, language, authors, identifier and modification date, from the book's own header.

    Title and authors are the citation record's (``facts.read_facts``), as in the HTML head and the PDF.
    """
    ns = {"tei": TEI_NS}
    facts = read_facts(root)
    title = facts.title
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    text = first_tei.find(f"{{{TEI_NS}}}text")
    language = ((text.get(xml_lang) if text is not None else None) or first_tei.get(xml_lang)
                or root.get(xml_lang) or "en")
    when = root.xpath("string((tei:teiHeader/tei:revisionDesc//tei:change/@when)[last()])", namespaces=ns)
    tei_id = root.get("{http://www.w3.org/XML/1998/namespace}id") or title
    identifier = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "teiedition:" + tei_id + ":" + title))
    return {"title": title, "language": language, "creators": list(facts.authors), "modified": _timestamp(when),
            "identifier": identifier}


def _timestamp(when: str) -> str:
    """dcterms:modified (CCYY-MM-DDThh:mm:ssZ) from the TEI's revision date; today (UTC) when it has none."""
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", when or "")
    if match:
        return match.group(1) + "T00:00:00Z"
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT00:00:00Z")


def nav_document(title: str, language: str, headings) -> bytes:
    """The EPUB navigation document: a nested list of the headings (h1 the book, h2 ... its parts)."""
    lines = []
    depth = 0
    for level, href, ident, text in headings:
        level = max(1, min(level, depth + 1))
        if level > depth:
            lines.append("<ol>" * (level - depth))
        else:
            lines.append("</li>" + "</ol></li>" * (depth - level))
        lines.append(f'<li><a href="{href}#{escape(ident, {chr(34): "&quot;"})}">{escape(text)}</a>')
        depth = level
    if depth:
        lines.append("</li>" + "</ol></li>" * (depth - 1) + "</ol>")
    body = "".join(lines) or f'<ol><li><a href="text.xhtml">{escape(title)}</a></li></ol>'
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang="{escape(language)}" xml:lang="{escape(language)}">'
            f"<head><meta charset=\"utf-8\"/><title>{escape(title)}</title></head>"
            f'<body><nav epub:type="toc" id="toc"><h1>Contents</h1>{body}</nav></body></html>').encode("utf-8")


def package_document(meta: dict, spine: list[str], images: dict[str, str]) -> bytes:
    """The package document (OPF): metadata, every file of the book, the reading order."""
    lang = escape(meta["language"])
    creators = "".join(f"<dc:creator>{escape(c)}</dc:creator>" for c in meta["creators"])
    texts = "".join(f'<item id="text{n}" href="{href}" media-type="application/xhtml+xml"/>'
                    for n, href in enumerate(spine, 1))
    pictures = "".join(f'<item id="img{n}" href="{escape(name)}" media-type="{kind}"/>'
                       for n, (name, kind) in enumerate(sorted(images.items()), 1))
    order = "".join(f'<itemref idref="text{n}"/>' for n in range(1, len(spine) + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{lang}">'
            f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="book-id">{escape(meta["identifier"])}</dc:identifier>'
            f'<dc:title>{escape(meta["title"])}</dc:title><dc:language>{lang}</dc:language>{creators}'
            f'<meta property="dcterms:modified">{meta["modified"]}</meta>'
            f'<meta name="generator" content="teiedition"/></metadata>'
            f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
            f'{texts}<item id="css" href="edition.css" media-type="text/css"/>{pictures}</manifest>'
            f'<spine>{order}</spine></package>').encode("utf-8")


def serialise(content) -> bytes:
    """The content document as XML: XHTML the default namespace, epub declared once on <html>."""
    root = etree.Element(content.tag, dict(content.attrib), nsmap={None: XHTML_NS, "epub": EPUB_NS})
    root.text = content.text
    for child in list(content):
        root.append(child)
    etree.cleanup_namespaces(root, top_nsmap={None: XHTML_NS, "epub": EPUB_NS})
    return b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n' + etree.tostring(root, encoding="utf-8")


CONTAINER = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
             b'<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             b'<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>'
             b'</rootfiles></container>')


def zip_epub(files: dict[str, bytes]) -> bytes:
    """The OCF container: ``mimetype`` first and stored, then the rest, with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", ZIP_TIME), b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, data in [("META-INF/container.xml", CONTAINER), *sorted(files.items())]:
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
