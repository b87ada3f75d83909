"""The print HTML read by expat only where WeasyPrint's HTML5 parser builds the same tree.

Why: ``print_tree.parsed`` spares WeasyPrint's pure-Python HTML5 parser (about 3% of a PDF's
time); a tree that differed would change the PDF silently.  Every document the tests hold
is compared tree to tree (tags, attributes in order, text and tails, ``None`` and ``""``
told apart), and so are random pages made of the constructs HTML5 builds otherwise.
"""

import random
from pathlib import Path

import pytest
import tinyhtml5

from generated_tei import annotated_document, long_document
from teiedition.rendering import print_tree
from teiedition.rendering.pdf import PdfRenderer
from teiedition.safexml import parse_xml_bytes, parse_xml_file

TESTS = Path(__file__).parent
REPO = TESTS.parent
HEAD = '<!DOCTYPE HTML><html lang="en"><head><meta charset="UTF-8"><title>T &amp; t</title></head>'


def _shape(element):
    return (element.tag, list(element.attrib.items()), element.text, element.tail, [_shape(c) for c in element])


def _html5(html: str):
    return tinyhtml5.parse(html, namespace_html_elements=False)


def _documents():
    for path in sorted([*TESTS.rglob("*.xml"), *(REPO / "editions").glob("*.xml")]):
        try:
            yield path.name, parse_xml_file(path, allow_xinclude=True)
        except Exception:  # not well-formed on purpose (the validator's fixtures)
            continue
    yield "long", parse_xml_bytes(long_document())
    yield "annotated", parse_xml_bytes(annotated_document())


def test_every_test_document_s_print_html_gives_the_html5_tree():
    renderer, fast, compared = PdfRenderer(), 0, 0
    for name, tree in _documents():
        for notes in ("footnotes", "endnotes"):
            try:
                html = renderer.print_html(tree, notes=notes)
            except Exception:  # not printable (no text, not TEI): nothing to lay out
                continue
            compared += 1
            root = print_tree.parsed(html)
            if root is not None:
                fast += 1
                assert _shape(root) == _shape(_html5(html)), (name, notes)
    assert compared > 100
    assert fast >= 0.9 * compared  # the fast path is what our documents take


def test_the_seed_is_read_by_expat():
    html = PdfRenderer().print_html(parse_xml_file(REPO / "editions" / "000_fcc578db0f85cc6f.xml"))
    assert print_tree.parsed(html) is not None


@pytest.mark.parametrize("body", [
    "<table><tr><td>a</td></tr></table>",              # HTML5 adds a tbody
    "<p>a<div>b</div>c</p>",                             # a block closes the paragraph
    "<p>a<span><ul><li>b</li></ul></span></p>",
    "<div><li>a</li></div>",                             # a list item outside a list
    "<dl><dd>a<div><dt>b</dt></div></dd></dl>",          # a dt closes the open dd
    "<a href='#x'>a<span><a href='#y'>b</a></span></a>",  # a link in a link
    "<h2>a<h3>b</h3></h2>",
    "<pre>\nfirst line</pre>",                           # HTML5 drops the line break after <pre>
    "<table><tbody>text<tr><td>a</td></tr></tbody></table>",  # text moved out of the table
    "<p title='a\tb'>x</p>",                             # expat reads the tab as a space
    "<p title='a>b\nc'>x</p>",
    "<p>&#x80;</p>",                                     # HTML5 reads C1 references as Windows-1252
    "<p><!-- note --></p>",
    "<math><mi>x</mi></math>",
    "<p TITLE='x'>a</p>",
])
def test_where_html5_builds_another_tree_weasyprint_parses(body):
    html = f"{HEAD}<body>{body}</body></html>"
    assert print_tree.parsed(html) is None


def test_white_space_after_the_document_joins_the_body_so_weasyprint_parses():
    assert print_tree.parsed(f"{HEAD}<body><p>a</p></body></html>\n") is None
    assert print_tree.parsed(f"{HEAD}<body><p>a</p></body></html>") is not None


_TAGS = ["p", "div", "span", "a", "em", "i", "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "pre", "section",
         "table", "tbody", "tr", "td", "th", "caption", "br", "img", "hr", "sup", "math", "button", "header"]
_TEXTS = ["a", " ", "\n", "x\ty", "&amp;", "&lt;b&gt;", "&#160;", "&nbsp;", "&#x80;", "&#65;", "é", "\u0085", ""]
_ATTRIBUTES = ["", " class='c'", " title='a&amp;b'", " title='a\nb'", " title='a>b'", " id=\"n1\"", " data-n='3'"]


def _random_body(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(0, 4)):
        if depth > 3 or rng.random() < 0.35:
            parts.append(rng.choice(_TEXTS))
            continue
        tag = rng.choice(_TAGS)
        attributes = rng.choice(_ATTRIBUTES)
        if tag in ("br", "img", "hr"):
            parts.append(f"<{tag}{attributes}>")
        else:
            parts.append(f"<{tag}{attributes}>{_random_body(rng, depth + 1)}</{tag}>")
    return "".join(parts)


def test_random_pages_are_read_by_expat_only_where_the_trees_agree():
    rng, fast = random.Random(19), 0
    for _ in range(3000):
        html = f"{HEAD}<body>{_random_body(rng)}</body></html>"
        root = print_tree.parsed(html)
        if root is not None:
            fast += 1
            assert _shape(root) == _shape(_html5(html)), html
    assert fast > 300  # the comparison is not empty
