"""The document model: stand-off spans nest into inline nodes; the model dumps as JSON."""

from __future__ import annotations

import json

import pytest

from teiedition.convert import build_document
from teiedition.model import Node, Span, nest, to_json


def test_brackets_are_markup_not_text():
    text = "the [is] word"
    assert nest(text, (Span(4, 8, "supplied", inner=(5, 7)),)) == ("the ", Node("supplied", (), ("is",)), " word")


def test_a_span_crossing_its_parent_is_dropped_not_mangled():
    text = "abcdefgh"
    out = nest(text, (Span(0, 4, "outer"), Span(2, 6, "crossing")))
    assert out == (Node("outer", (), ("abcd",)), "efgh")


def test_nested_spans_become_nested_nodes():
    out = nest("x “q” y", (Span(2, 5, "quote"), Span(3, 4, "seg")))
    assert out == ("x ", Node("quote", (), ("“", Node("seg", (), ("q",)), "”")), " y")


def test_model_dumps_as_json_for_debugging():
    doc = build_document("Skip to content\n\nMay 5, 1960\n\nTitle\n\nSECRET\n\nSome body text [is] here.\n",
                         doc_id="doc-x")
    data = json.loads(to_json(doc))
    assert data["header"]["date_when"] == "1960-05-05"
    assert [b["kind"] for d in data["divisions"] for b in d["blocks"]] == ["mark", "p"]


def test_python_m_convert_prints_the_model_of_a_file(tmp_path):
    import subprocess
    import sys

    src = tmp_path / "page.txt"
    src.write_text("Skip to content\n\nMay 5, 1960\n\nTitle\n\nSECRET\n\nBody text [is] here.\n")
    out = subprocess.run([sys.executable, "-m", "teiedition.convert", str(src)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["doc_id"] == "doc-page"


def test_every_block_kind_is_in_one_table_and_an_unknown_kind_is_an_error():
    from teiedition.model import BLOCK_KINDS, Block
    from teiedition.recognising import recognise

    assert recognise.OPENER_KINDS <= set(BLOCK_KINDS) and recognise.BOTTOM_KINDS <= set(BLOCK_KINDS)
    with pytest.raises(ValueError, match="unknown block kind 'stamp-ish'"):
        Block("stamp-ish", "text", 1)


def test_a_kind_without_a_body_element_is_reported_not_guessed():
    from teiedition.model import Block, Division, Document, Header
    from teiedition.writing.elements import UnplacedNode
    from teiedition.writing.teiwriter import write_tei

    doc = Document(doc_id="doc-x", source_name="x.txt", header=Header(layout="A", title="X"),
                   divisions=(Division("document", (Block("p", "Text.", 1, attrs=(("phase", "body"),)),
                                                    Block("byline-intro", "From the journal of", 2,
                                                          attrs=(("phase", "body"),)))),))
    with pytest.raises(UnplacedNode, match="line 2: no TEI element for a 'byline-intro' block"):
        write_tei(doc, run_date="2026-01-01")
