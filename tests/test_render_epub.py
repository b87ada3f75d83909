"""The e-book edition (EPUB 3): a valid book (epubcheck), the edition's text, notes that
readers open as pop-ups, a navigation document, reproducible bytes, a corpus as one book."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import RUN_DATE, seed_documents
from htmlpage import FIXTURES, as_tree

XHTML = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def epub_of(source) -> bytes:
    from teiedition.rendering.epub import EpubRenderer

    return EpubRenderer().render(as_tree(source))


@pytest.fixture(scope="module")
def seed_epub() -> bytes:
    from teiedition.convert import convert_text

    seed = seed_documents()[0]
    return epub_of(convert_text(seed.read_text(encoding="utf-8"), doc_id=seed.stem, run_date=RUN_DATE).tei)


def entries(book: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def test_the_container_starts_with_the_stored_mimetype(seed_epub):
    with zipfile.ZipFile(io.BytesIO(seed_epub)) as z:
        first = z.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert entries(seed_epub)["mimetype"] == b"application/epub+zip"


def test_the_book_holds_the_edition_text_and_its_notes_as_endnotes(seed_epub):
    text = etree.fromstring(entries(seed_epub)["EPUB/text.xhtml"])
    words = " ".join(text.xpath("string(//x:section[@id='document'])", namespaces=XHTML).split())
    assert "Registration stamp" in words and "Nº 340" in words and len(words.split()) > 1000
    calls = text.xpath("//x:a[@epub:type='noteref']", namespaces=XHTML)
    notes = text.xpath("//x:li[@epub:type='endnote']", namespaces=XHTML)
    assert len(calls) == len(notes) >= 17  # the seed's seventeen translator's notes at least
    targets = {n.get("id") for n in notes}
    assert {c.get("href")[1:] for c in calls} <= targets
    assert not text.xpath("//x:script | //x:button", namespaces=XHTML)


def test_the_navigation_lists_the_headings(seed_epub):
    nav = etree.fromstring(entries(seed_epub)["EPUB/nav.xhtml"])
    labels = nav.xpath("//x:nav[@epub:type='toc']//x:a/text()", namespaces=XHTML)
    assert {"Document", "Notes", "How to cite"} <= set(labels)
    text = etree.fromstring(entries(seed_epub)["EPUB/text.xhtml"])
    ids = set(text.xpath("//@id"))
    assert all(href.split("#")[1] in ids for href in nav.xpath("//x:a/@href", namespaces=XHTML))


def test_same_tei_same_bytes(seed_epub):
    from teiedition.convert import convert_text

    seed = seed_documents()[0]
    again = epub_of(convert_text(seed.read_text(encoding="utf-8"), doc_id=seed.stem, run_date=RUN_DATE).tei)
    assert again == seed_epub
    assert f"<meta property=\"dcterms:modified\">{RUN_DATE}T00:00:00Z</meta>" in entries(seed_epub)["EPUB/package.opf"].decode()


def test_a_corpus_is_one_book_with_a_content_document_per_member():
    from test_render_foreign_features import CORPUS

    files = entries(epub_of(CORPUS))
    assert [n for n in files if n.startswith("EPUB/text")] == ["EPUB/text-1.xhtml", "EPUB/text-2.xhtml"]
    opf = files["EPUB/package.opf"].decode()
    assert "<dc:title>Letters of two friends</dc:title>" in opf
    assert opf.index('idref="text1"') < opf.index('idref="text2"')


def test_remote_images_are_described_not_referenced():
    from teiedition.rendering.epub import EpubRenderer

    book = EpubRenderer()
    data = book.render(as_tree(FIXTURES / "foreign" / "facsimile_pages.xml"), resources=None)
    text = entries(data)["EPUB/text.xhtml"].decode()
    assert "<img" not in text and "[image: Image of page 1]" in text
    assert book.warnings == ["3 image(s) not in the e-book: only images beside the TEI file are packed"]


def test_local_images_beside_the_tei_are_packed(tmp_path):
    from teiedition.rendering.epub import EpubRenderer

    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "sketch.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    source = (FIXTURES / "foreign" / "facsimile_pages.xml").read_bytes()
    files = entries(EpubRenderer().render(as_tree(source), resources=tmp_path))
    images = [n for n in files if n.startswith("EPUB/images/")]
    assert len(images) == 1 and files[images[0]].startswith(b"\x89PNG")
    assert 'media-type="image/png"' in files["EPUB/package.opf"].decode()


def test_render_to_epub_from_the_command_line(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main

    out = tmp_path / "apparatus.epub"
    result = CliRunner().invoke(main, ["render", str(FIXTURES / "foreign" / "apparatus.xml"), "--to", "epub", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = entries(out.read_bytes())["EPUB/text.xhtml"].decode()
    assert 'class="noteref appref"' in text and 'id="app-1"' in text


def _need_epubcheck():
    if not (EPUBCHECK.exists() and shutil.which("java")):
        if os.environ.get("TEIEDITION_REQUIRE_BROWSER") == "1":
            pytest.fail("epubcheck not installed (apt-get install epubcheck)")
        pytest.skip("epubcheck not installed (apt-get install epubcheck)")


@pytest.mark.slow
def test_epubcheck_finds_no_error_in_the_seed_the_corpus_and_the_foreign_samples(tmp_path, seed_epub):
    from test_render_foreign_features import CORPUS

    _need_epubcheck()
    books = {"seed": seed_epub, "corpus": epub_of(CORPUS)}
    books.update({p.stem: epub_of(p) for p in (FIXTURES / "foreign" / "apparatus.xml", FIXTURES / "foreign" / "drama_verse.xml")})
    for name, data in books.items():
        (tmp_path / f"{name}.epub").write_bytes(data)
    for name in books:
        run = subprocess.run(["java", "-jar", str(EPUBCHECK), "-q", str(tmp_path / f"{name}.epub")],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, f"{name}: {run.stdout}{run.stderr}"


def test_xhtml_is_the_default_namespace_as_readers_expect(seed_epub):
    text = entries(seed_epub)["EPUB/text.xhtml"]
    assert b'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"' in text
    assert b"<html:" not in text


def test_the_original_readings_of_corrected_slips_are_kept(seed_epub):
    text = etree.fromstring(entries(seed_epub)["EPUB/text.xhtml"])
    originals = text.xpath("//x:ul[@class='corrections']//x:span[@class='correction-original']/text()", namespaces=XHTML)
    assert "Junes" in originals
    links = text.xpath("//x:ul[@class='corrections']//x:a/@href", namespaces=XHTML)
    assert all(text.xpath(f"//*[@id='{h[1:]}']") for h in links)
