"""A IIIF Presentation 3 manifest for a TEI document's page images.

Why: IIIF viewers (Mirador, Universal Viewer, TEI Publisher's) open a document's
images from its manifest, side by side with other collections'; a project that
publishes its TEI with facsimiles wants one per document.  One canvas per image
the file declares, in document order: each top-level ``surface`` of
``facsimile`` or ``sourceDoc`` that holds a ``graphic``, each ``graphic`` straight
under ``facsimile``, each ``pb/@facs`` that is a URL.  A canvas's size is the
graphic's ``@width``/``@height`` in pixels, else its surface's ``@ulx..@lrx`` and
``@uly..@lry``, else the local image file's own size; an image of unknown size
cannot be a canvas (IIIF needs one) and is left out with a warning.  Only what the
file says goes in: its title, its language, its licence when that is a Creative
Commons or RightsStatements.org address.  IIIF ids are absolute http(s)
addresses, so the manifest needs the address the edition is published at
(``--base-url``).
"""

from __future__ import annotations

import json
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree
from PIL import Image as PilImage  # installed with WeasyPrint

from ..errors import InputError
from ..files import atomic_write
from ..urls import segment

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
CONTEXT = "http://iiif.io/api/presentation/3/context.json"
MANIFEST_SUFFIX = ".manifest.json"
PIXELS = re.compile(r"^\s*(\d{1,6})(?:px)?\s*$")
#: A IIIF Image API service: its info.json, or a base URL under /iiif/ with no file extension
#: (the rule xslt/common/facsimile.xsl follows for the page images).
IIIF_SERVICE = re.compile(r"^https?://\S+/info\.json$|^https?://\S*/iiif/\S+$")
RIGHTS = re.compile(r"^https?://(creativecommons\.org/(licenses|publicdomain)/|rightsstatements\.org/)")
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Image:
    """One page image as the TEI gives it: its URL as written, its size (0: unknown) and a label."""

    url: str
    width: int
    height: int
    label: str


def manifest_name(doc_name: str) -> str:
    """``letter.xml`` or ``letter.html`` -> ``letter.manifest.json``."""
    return Path(doc_name).stem + MANIFEST_SUFFIX


def images(tree) -> list[Image]:
    """The document's page images, in document order, each once."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    found: list[Image] = []
    seen: set[str] = set()
    candidates = root.xpath(
        "(//t:facsimile/t:graphic | //t:facsimile//t:surface[not(ancestor::t:surface)]"
        " | //t:sourceDoc//t:surface[not(ancestor::t:surface)] | //t:text//t:pb[@facs])", namespaces=NS)
    for node in candidates:
        for image in _images_of(node):
            if image.url and image.url not in seen:
                seen.add(image.url)
                found.append(image)
    return found


def _images_of(node) -> list[Image]:
    local = etree.QName(node).localname
    if local == "pb":
        urls = [u for u in (node.get("facs") or "").split() if re.match(r"^https?://", u)]
        return [Image(u, 0, 0, _label(node.get("n"))) for u in urls]
    graphic = node if local == "graphic" else _main_graphic(node)
    if graphic is None or not (graphic.get("url") or "").strip():
        return []
    surface = node if local == "surface" else None
    width = _pixels(graphic.get("width")) or _extent(surface, "ulx", "lrx")
    height = _pixels(graphic.get("height")) or _extent(surface, "uly", "lry")
    n = (surface.get("n") if surface is not None else graphic.get("n")) or ""
    return [Image(graphic.get("url").strip(), width, height, _label(n))]


def _label(n: str | None) -> str:
    """A canvas label from @n: "Page 12" for a short number or folio ("12", "1r"), else @n as written."""
    n = " ".join((n or "").split())
    return f"Page {n}" if re.fullmatch(r"[\w.]{1,8}", n) else n


def _main_graphic(surface):
    """A surface's page image: its first graphic with a URL, the surface's own before its zones', thumbnails last."""
    graphics = surface.xpath("t:graphic[normalize-space(@url)] | t:zone//t:graphic[normalize-space(@url)]"
                             " | .//t:graphic[normalize-space(@url)]", namespaces=NS)
    ranked = sorted(graphics, key=lambda g: ("thumb" in f"{g.get('rend')} {g.get('type')}".lower(),
                                             g.getparent() is not surface))
    return ranked[0] if ranked else None


def _pixels(value: str | None) -> int:
    match = PIXELS.match(value or "")
    return int(match.group(1)) if match else 0


def _extent(surface, start: str, end: str) -> int:
    if surface is None:
        return 0
    try:
        size = float(surface.get(end)) - float(surface.get(start) or 0)
    except (TypeError, ValueError):
        return 0
    return round(size) if size > 0 else 0


def _local_size(path: Path) -> tuple[int, int]:
    """Width and height read from a local image's header (Pillow reads no pixels for this), or (0, 0)."""
    try:
        with PilImage.open(path) as img:
            return img.size
    except Exception:  # not an image, unreadable, Pillow missing: the size stays unknown
        return 0, 0


def manifest(tree, *, base_url: str, doc_name: str, resources: Path | None = None,
             page_name: str | None = None) -> tuple[dict | None, tuple[str, ...]]:
    """The manifest as JSON data (None when the document has no image that can be a canvas) and warnings.

    ``base_url`` is the folder the edition is published in; ``doc_name`` the TEI file's name
    there; ``resources`` the local folder relative image paths are read from (for their size);
    ``page_name`` the HTML page, given as the manifest's homepage.
    """
    base = _base(base_url)
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    manifest_id = base + segment(manifest_name(doc_name))
    canvases, warnings = [], []
    for number, image in enumerate(images(root), start=1):
        remote = re.match(r"^https?://", image.url) is not None
        width, height = image.width, image.height
        if not (width and height) and not remote and resources is not None:
            width, height = _local_size(resources / image.url)
        if not (width and height):
            warnings.append(f"IIIF manifest: image {image.url} left out: its width and height are not "
                            "given (graphic/@width and @height, or the surface's coordinates)")
            continue
        canvas_id = f"{manifest_id}/canvas/{number}"
        body = _body(image.url if remote else urljoin(base, "/".join(segment(p) for p in image.url.split("/"))),
                     width, height)
        canvases.append({
            "id": canvas_id, "type": "Canvas", "label": {"none": [image.label or f"Image {number}"]},
            "width": width, "height": height,
            "items": [{"id": f"{canvas_id}/page", "type": "AnnotationPage", "items": [{
                "id": f"{canvas_id}/page/image", "type": "Annotation", "motivation": "painting",
                "body": body, "target": canvas_id}]}],
        })
    if not canvases:
        return None, tuple(warnings)
    data = {"@context": CONTEXT, "id": manifest_id, "type": "Manifest",
            "label": {_language(root): [_title(root) or Path(doc_name).stem]}, "items": canvases,
            "seeAlso": [{"id": base + segment(doc_name), "type": "Dataset", "format": "application/tei+xml",
                         "profile": "https://tei-c.org/ns/1.0/"}]}
    if page_name:
        data["homepage"] = [{"id": base + segment(page_name), "type": "Text", "format": "text/html",
                             "label": {"none": [data["label"][_language(root)][0]]}}]
    rights = _rights(root)
    if rights:
        data["rights"] = rights
    return data, tuple(warnings)


def manifest_json(tree, **kw) -> tuple[bytes | None, tuple[str, ...]]:
    """:func:`manifest` serialised (UTF-8, indented), or None when there is no canvas."""
    data, warnings = manifest(tree, **kw)
    if data is None:
        return None, warnings
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), warnings


def document_manifest(tree, doc_id: str, *, base_url: str | None,
                      resources: Path | None) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """A built document's manifest: ``{DOC.manifest.json: bytes}`` when it has images and a base URL
    is known (IIIF ids are absolute), else ``{}``; with the warnings.  A converted archive page has
    no images, so the house documents get none.  ``resources``: where its local images are.
    """
    if not base_url or not images(tree):
        return {}, ()
    data, warnings = manifest_json(tree, base_url=base_url, doc_name=f"{doc_id}.xml", resources=resources,
                                   page_name=f"{doc_id}.html")
    return ({doc_id + MANIFEST_SUFFIX: data} if data else {}), warnings


def write_manifest(folder: Path, doc_id: str, tree, *, base_url: str | None) -> list[str]:
    """``DOC.manifest.json`` in ``folder`` (``document_manifest``), or none and any old one removed.

    Returns the names written (none, or the manifest's).
    """
    made, _ = document_manifest(tree, doc_id, base_url=base_url, resources=folder)
    target = folder / (doc_id + MANIFEST_SUFFIX)
    if not made:
        target.unlink(missing_ok=True)
        return []
    atomic_write(target, made[target.name])
    return [target.name]


def _body(url: str, width: int, height: int) -> dict:
    if IIIF_SERVICE.match(url) and not re.search(r"/[^/]+\.(jpe?g|png|gif|webp|tiff?|jp2)$", url, re.I):
        service = re.sub(r"/info\.json$", "", url)
        return {"id": f"{service}/full/max/0/default.jpg", "type": "Image", "format": "image/jpeg",
                "width": width, "height": height,
                "service": [{"id": service, "type": "ImageService3", "profile": "level0"}]}
    kind = mimetypes.guess_type(url.split("?")[0])[0] or "image/jpeg"
    if url.lower().endswith((".jp2", ".j2k", ".jpx")):
        kind = "image/jp2"
    return {"id": url, "type": "Image", "format": kind, "width": width, "height": height}


def _base(base_url: str | None) -> str:
    base = (base_url or "").strip()
    if not base.startswith(("http://", "https://")):
        raise InputError("a IIIF manifest needs the address the edition is published at: give --base-url "
                         "http(s)://... (IIIF ids are absolute addresses)")
    return base if base.endswith("/") else base + "/"


def _title(root) -> str:
    titles = root.xpath("(//t:teiHeader/t:fileDesc/t:titleStmt/t:title)[1]", namespaces=NS)
    return " ".join("".join(titles[0].itertext()).split()) if titles else ""


def _language(root) -> str:
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang") or next(
        iter(root.xpath("(//t:text/@xml:lang)[1]", namespaces=NS)), "")
    return str(lang) if LANGUAGE.match(str(lang)) else "none"


def _rights(root) -> str:
    for target in root.xpath("//t:publicationStmt//t:licence/@target", namespaces=NS):
        url = str(target).strip()
        if RIGHTS.match(url):
            return re.sub(r"^https://", "http://", url)  # IIIF asks for the http form of these URIs
    return ""
