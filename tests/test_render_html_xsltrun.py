"""xsltrun: stylesheets compiled once per process, parameters per call, messages kept, errors in one line."""

from __future__ import annotations

import pytest

from htmlpage import HOUSE_SAMPLE, tei_doc
from teiedition.rendering import xsltrun
from teiedition.errors import InvalidDocument, UnsafeInputError
from teiedition.safexml import parse_xml_file


def test_a_stylesheet_is_compiled_once_per_process():
    assert xsltrun.compiled("html.xsl") is xsltrun.compiled("html.xsl")


def test_every_entry_stylesheet_is_compiled_before_lock_down():
    xsltrun.compiled("html.xsl")
    for name in xsltrun.entry_stylesheets():
        assert isinstance(xsltrun.compiled(name), xsltrun.Stylesheet)


def test_transform_takes_a_tree_an_element_or_bytes():
    sheet = xsltrun.compiled("html.xsl")
    tree = parse_xml_file(HOUSE_SAMPLE)
    from_tree = sheet.transform(tree)
    assert from_tree == sheet.transform(tree.getroot()) == sheet.transform(HOUSE_SAMPLE.read_bytes())


def test_bytes_go_through_the_hardened_parser():
    evil = b'<!DOCTYPE TEI [<!ENTITY e "boom">]><TEI xmlns="http://www.tei-c.org/ns/1.0"><text>&e;</text></TEI>'
    with pytest.raises(UnsafeInputError):
        xsltrun.compiled("html.xsl").transform(evil)


def test_parameters_apply_to_one_call_only():
    sheet = xsltrun.compiled("html.xsl")
    doc = tei_doc("<p>x</p>").encode()
    assert 'href="a.pdf"' in sheet.transform(doc, {"pdf-href": "a.pdf"})
    assert "a.pdf" not in sheet.transform(doc)


def test_output_is_the_same_for_the_same_input_and_parameters():
    sheet = xsltrun.compiled("html.xsl")
    doc = HOUSE_SAMPLE.read_bytes()
    assert sheet.transform(doc, {"tei-href": "x.xml"}) == sheet.transform(doc, {"tei-href": "x.xml"})


def test_stylesheet_messages_are_returned_as_warnings():
    result = xsltrun.compiled("html.xsl").run(tei_doc('<p><ref target="#gone">x</ref></p>').encode())
    assert result.messages == ("1 pointer(s) resolve to nothing in the document: #gone",)


def test_a_terminating_message_is_a_one_line_invalid_document_error():
    with pytest.raises(InvalidDocument) as info:
        xsltrun.compiled("html.xsl").transform(b"<notTEI/>")
    assert "\n" not in str(info.value)
    assert "not a TEI document" in str(info.value)


def test_a_missing_stylesheet_is_a_clear_error():
    with pytest.raises(xsltrun.StylesheetError) as info:
        xsltrun.compiled("no-such-stylesheet.xsl")
    assert info.value.exit_code == 3
