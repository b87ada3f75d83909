"""A IIIF Presentation 3 manifest per document with page images (issue 20).

Each manifest is read back with the ``iiif-prezi3`` model (the IIIF
Presentation 3 data model in pydantic): it refuses a manifest whose ids are not
absolute URLs, whose canvases lack a size, or whose resources have the wrong
types.  The TEI is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedition.cli import main
from teiedition.rendering.iiif import manifest, write_manifest
from teiedition.safexml import parse_xml_bytes

iiif_prezi3 = pytest.importorskip("iiif_prezi3", reason="pip install iiif-prezi3 (the test extra)")

TEI_NS = "http://www.tei-c.org/ns/1.0"
BASE = "https://editions.example.org/letters/"


def tei(facsimile: str, *, body: str = "<p>Dear friend, the letter.</p>", licence: str = "") -> str:
    availability = f"<availability><licence target=\"{licence}\">CC</licence></availability>" if licence else ""
    return (f'<TEI xmlns="{TEI_NS}" xml:lang="de"><teiHeader><fileDesc><titleStmt><title>A letter to a friend'
            f"</title></titleStmt><publicationStmt><p>Test</p>{availability}</publicationStmt><sourceDesc><p>Invented."
            f"</p></sourceDesc></fileDesc></teiHeader>{facsimile}<text><body>{body}</body></text></TEI>")


THREE_PAGES = """<facsimile>
  <surface n="1r"><graphic url="https://img.example.org/letter/1r.jpg" width="2000px" height="3000px"/></surface>
  <surface n="1v" ulx="0" uly="0" lrx="1800" lry="2600"><graphic url="https://img.example.org/letter/1v.png"/>
    <zone xml:id="z1" ulx="10" uly="10" lrx="100" lry="50"/></surface>
  <surface n="2r"><graphic url="https://iiif.example.org/iiif/letter-2r" width="1500" height="2200"/></surface>
</facsimile>"""


def validated(data: dict):
    """The manifest as the iiif-prezi3 model reads it (raises on anything the model refuses)."""
    return iiif_prezi3.Manifest(**data)


def test_each_surface_is_a_canvas_of_its_size_and_the_manifest_is_valid_iiif():
    data, warnings = manifest(parse_xml_bytes(tei(THREE_PAGES).encode()), base_url=BASE, doc_name="letter.xml",
                              page_name="letter.html")
    model = validated(data)
    assert warnings == ()
    assert data["id"] == BASE + "letter.manifest.json"
    assert data["label"] == {"de": ["A letter to a friend"]}
    assert [(c.width, c.height) for c in model.items] == [(2000, 3000), (1800, 2600), (1500, 2200)]
    assert [c["label"]["none"][0] for c in data["items"]] == ["Page 1r", "Page 1v", "Page 2r"]
    bodies = [c["items"][0]["items"][0]["body"] for c in data["items"]]
    assert [b["id"] for b in bodies[:2]] == ["https://img.example.org/letter/1r.jpg",
                                              "https://img.example.org/letter/1v.png"]
    assert [b["format"] for b in bodies[:2]] == ["image/jpeg", "image/png"]
    # a IIIF Image API service: the full image, and the service for viewers that tile
    assert bodies[2]["id"] == "https://iiif.example.org/iiif/letter-2r/full/max/0/default.jpg"
    assert bodies[2]["service"][0]["id"] == "https://iiif.example.org/iiif/letter-2r"
    assert data["homepage"][0]["id"] == BASE + "letter.html"
    assert data["seeAlso"][0]["id"] == BASE + "letter.xml"


def test_a_local_image_without_a_size_is_measured_and_its_url_is_under_the_base(tmp_path):
    from PIL import Image

    (tmp_path / "scans").mkdir()
    Image.new("RGB", (640, 480), "white").save(tmp_path / "scans" / "page 1.png")
    xml = tei('<facsimile><graphic url="scans/page 1.png"/></facsimile>')
    data, _ = manifest(parse_xml_bytes(xml.encode()), base_url=BASE, doc_name="letter.xml", resources=tmp_path)
    canvas = validated(data).items[0]
    assert (canvas.width, canvas.height) == (640, 480)
    assert data["items"][0]["items"][0]["items"][0]["body"]["id"] == BASE + "scans/page%201.png"


def test_an_image_of_unknown_size_is_left_out_with_a_warning_not_invented():
    xml = tei('<facsimile><surface><graphic url="https://img.example.org/a.jpg"/></surface>'
              '<surface><graphic url="https://img.example.org/b.jpg" width="900" height="1200"/></surface></facsimile>')
    data, warnings = manifest(parse_xml_bytes(xml.encode()), base_url=BASE, doc_name="letter.xml")
    assert [c.width for c in validated(data).items] == [900]
    assert len(warnings) == 1 and "https://img.example.org/a.jpg" in warnings[0] and "width and height" in warnings[0]


def test_pb_facs_urls_and_sourcedoc_surfaces_are_canvases_too():
    xml = (f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>Draft</title></titleStmt>'
           "<publicationStmt><p>T</p></publicationStmt><sourceDesc><p>T</p></sourceDesc></fileDesc></teiHeader>"
           '<sourceDoc><surface ulx="0" uly="0" lrx="500" lry="700"><graphic url="https://img.example.org/d1.jpg"/>'
           "<line>first line</line></surface></sourceDoc></TEI>")
    data, _ = manifest(parse_xml_bytes(xml.encode()), base_url=BASE, doc_name="draft.xml")
    assert [(c.width, c.height) for c in validated(data).items] == [(500, 700)]


def test_a_creative_commons_licence_is_the_manifests_rights_and_nothing_else_is_invented():
    xml = tei(THREE_PAGES, licence="https://creativecommons.org/licenses/by/4.0/")
    data, _ = manifest(parse_xml_bytes(xml.encode()), base_url=BASE, doc_name="letter.xml")
    assert validated(data).rights == "http://creativecommons.org/licenses/by/4.0/"
    data, _ = manifest(parse_xml_bytes(tei(THREE_PAGES).encode()), base_url=BASE, doc_name="letter.xml")
    assert "rights" not in data and "requiredStatement" not in data and "metadata" not in data


def render(tmp_path: Path, xml: str, *args: str):
    source = tmp_path / "letter.xml"
    source.write_text(xml, encoding="utf-8")
    return source, CliRunner().invoke(main, ["render", str(source), *args])


def test_render_to_iiif_writes_the_manifest_and_the_html_page_links_it(tmp_path):
    source, result = render(tmp_path, tei(THREE_PAGES), "--to", "iiif", "--base-url", BASE)
    assert result.exit_code == 0, result.output
    written = tmp_path / "letter.manifest.json"
    assert len(validated(json.loads(written.read_text(encoding="utf-8"))).items) == 3
    result = CliRunner().invoke(main, ["render", str(source), "--to", "html", "-o", str(tmp_path / "letter.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "letter.html").read_text(encoding="utf-8")
    assert '<a href="letter.manifest.json" type="application/ld+json" title="The page images, for a IIIF viewer">' \
           'IIIF manifest</a>' in page
    assert 'rel="alternate" type="application/ld+json;profile=&#34;http://iiif.io/api/presentation/3/context.json&#34;"' \
           in page or 'profile=&quot;http://iiif.io/api/presentation/3/context.json&quot;' in page


def test_render_to_iiif_refuses_in_one_line_without_base_url_or_without_images(tmp_path):
    _, result = render(tmp_path, tei(THREE_PAGES), "--to", "iiif")
    assert result.exit_code == 2 and "--base-url" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "letter.manifest.json").exists()
    source, result = render(tmp_path, tei(""), "--to", "iiif", "--base-url", BASE,
                            "-o", str(tmp_path / "letter.manifest.json"))
    assert result.exit_code == 1
    assert f"{source}: no IIIF manifest" in result.output and len(result.output.strip().splitlines()) == 1


def test_a_build_writes_the_manifest_only_for_a_document_with_images_and_an_address(tmp_path):
    with_images = parse_xml_bytes(tei(THREE_PAGES).encode())
    assert write_manifest(tmp_path, "letter", with_images, base_url=BASE) == ["letter.manifest.json"]
    validated(json.loads((tmp_path / "letter.manifest.json").read_text(encoding="utf-8")))
    # without the published address (or once its images are gone) no manifest stays behind
    assert write_manifest(tmp_path, "letter", with_images, base_url=None) == []
    assert not (tmp_path / "letter.manifest.json").exists()
    assert write_manifest(tmp_path, "plain", parse_xml_bytes(tei("").encode()), base_url=BASE) == []
    assert list(tmp_path.iterdir()) == []
