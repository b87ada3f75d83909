"""Hardened parsing and whole-or-nothing writes, the base every command stands on."""

from __future__ import annotations

import itertools
import os

import pytest

from teiedition import files
from teiedition.building.manifest import remove_leftover_temp_files
from teiedition.errors import InputError, UnsafeInputError, XmlSyntaxError
from teiedition.files import atomic_write, decode_source
from teiedition.safexml import parse_xml_bytes, parse_xml_file


def test_parses_plain_tei():
    tree = parse_xml_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>')
    assert tree.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"


def test_not_well_formed_names_line_and_column():
    with pytest.raises(XmlSyntaxError, match=r"^doc.xml: 2:\d+: not well-formed XML"):
        parse_xml_bytes(b"<a>\n<b></a>", name="doc.xml")


def test_billion_laughs_is_refused():
    lol = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>"""
    with pytest.raises(UnsafeInputError, match="entit"):
        parse_xml_bytes(lol, name="lol.xml")


def test_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doc = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><d>&x;</d>'.encode()
    with pytest.raises(UnsafeInputError) as info:
        parse_xml_bytes(doc, name="xxe.xml")
    assert "TOP-SECRET" not in str(info.value)


def test_external_dtd_is_refused():
    with pytest.raises(UnsafeInputError, match="external DTD"):
        parse_xml_bytes(b'<!DOCTYPE d SYSTEM "http://example.invalid/x.dtd"><d/>', name="dtd.xml")


def test_xinclude_is_refused():
    doc = b'<d xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></d>'
    with pytest.raises(UnsafeInputError, match="XInclude"):
        parse_xml_bytes(doc, name="xi.xml")


def test_deep_nesting_is_refused():
    doc = b"<a>" * 20000 + b"</a>" * 20000
    with pytest.raises(XmlSyntaxError, match="deeper than 256"):
        parse_xml_bytes(doc, name="deep.xml")


def test_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.xml"
    big.write_bytes(b"<a>" + b" " * 2048 + b"</a>")
    with pytest.raises(InputError, match="over the"):
        parse_xml_file(big, max_bytes=1024)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        parse_xml_file(tmp_path / "nope.xml")


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    class Boom(bytes):
        pass

    target = tmp_path / "out.xml"
    atomic_write(target, "first")
    with pytest.raises(TypeError):
        atomic_write(target, 12345)  # not bytes or str
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


def test_atomic_write_passes_over_a_taken_temporary_name(tmp_path, monkeypatch):
    """A temporary name left by a killed process with the same id is not overwritten or reused."""
    monkeypatch.setattr(files, "_temp_numbers", itertools.count(7))
    squatter = tmp_path / f".out.xml.{os.getpid()}_7.tmp"
    squatter.write_text("left by a killed build")
    atomic_write(tmp_path / "out.xml", "whole")
    assert (tmp_path / "out.xml").read_text() == "whole"
    assert squatter.read_text() == "left by a killed build"
    assert sorted(p.name for p in tmp_path.iterdir()) == [squatter.name, "out.xml"]


def test_atomic_write_honours_the_umask_and_makes_missing_folders(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new" / "out.xml", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new" / "out.xml").stat().st_mode & 0o777 == 0o640


def test_a_killed_writes_temporary_file_is_what_the_build_cleans_up(tmp_path):
    fd, tmp = files._create_temp(tmp_path / "a.html")  # as a write killed before its rename leaves it
    os.close(fd)
    assert remove_leftover_temp_files(tmp_path) == 1
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Copy Nº 2\n".encode("utf-8"), "Copy Nº 2\n", "utf-8"),
        ("Copy Nº 2\r\n".encode("utf-16"), "Copy Nº 2\n", "utf-16"),
        ("Translator’s note\n".encode("cp1252"), "Translator’s note\n", "cp1252"),
    ],
)
def test_decode_source(data, text, encoding):
    decoded = decode_source(data, name="x.txt")
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert bool(decoded.warnings) == (encoding == "cp1252")


@pytest.mark.parametrize("data", [b"", b"  \n\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_decode_source_refuses_empty_and_binary(data):
    with pytest.raises(InputError):
        decode_source(data, name="x.txt")


@pytest.mark.parametrize("text, found", [("a\x07b\x1bc\ufffe d\uffff\n", 4), ("a\x01b\x0bc\x0c\n", 3),
                                         ("line\x1f\n", 1)])
def test_decode_source_counts_every_control_character(text, found):
    with pytest.raises(InputError, match=rf"\({found} found\)"):
        decode_source(text.encode("utf-8"), name="x.txt")


def test_tabs_line_ends_and_other_characters_are_text():
    text = "a\tb\r\nc\u00a0\u2028\ufffd\U0001F600 \x7f\n"
    assert decode_source(text.encode("utf-8"), name="x.txt").text == text.replace("\r\n", "\n")
