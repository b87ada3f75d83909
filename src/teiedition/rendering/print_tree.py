"""The print HTML read by expat, where that gives the tree WeasyPrint's HTML5 parser would.

Why: WeasyPrint reads HTML with tinyhtml5, an HTML5 parser in pure Python: 35 ms of the
seed's one-second PDF, about 3% of a short document's.  Our print HTML comes from our own
stylesheet: well-formed XML but for its void elements (``<meta ...>``), and for most
documents HTML5's tree-building rules change nothing in it, so expat (in C) builds the
same tree.  ``parsed`` says None, and WeasyPrint parses the text itself, wherever a rule
could act (a row outside a ``tbody``, a block inside a paragraph, a list item outside a
list, a link in a link...), an element or character reference is one HTML5 reads otherwise
(numeric references to C1 controls, a tab or line break inside a tag), or expat refuses
the text.  ``tests/test_render_pdf_print_tree.py`` compares both trees on every document.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

DOCTYPE = "<!DOCTYPE HTML>"
_VOID = re.compile(r"<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)(\s[^<>]*)?>")
_NUMERIC_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+);")
_TAG = re.compile(r"<[^>]*>")

#: Elements a start tag of which closes an open ``p`` (HTML5 "in body"): none may sit inside one.
_CLOSES_P = frozenset("address article aside blockquote center details dialog dir div dl fieldset figcaption "
                      "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr listing main menu nav ol p plaintext "
                      "pre search section summary table ul xmp li dd dt".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: Elements read alike by both parsers wherever they stand (apart from the rules checked below).
_PLAIN = frozenset("a abbr address article aside b bdi bdo blockquote br cite code data dd del details dfn div "
                   "dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr i img ins kbd li main "
                   "mark nav ol p pre q s samp section small span strong sub summary sup time u ul var wbr".split())
#: Table parts, each only in its own place: elsewhere HTML5 moves, adds or drops them.
_TABLE_PARENTS = {"caption": {"table"}, "colgroup": {"table"}, "thead": {"table"}, "tbody": {"table"},
                  "tfoot": {"table"}, "tr": {"thead", "tbody", "tfoot"}, "td": {"tr"}, "th": {"tr"},
                  "col": {"colgroup"}}
_NO_TEXT = frozenset({"table", "colgroup", "thead", "tbody", "tfoot", "tr"})


class _Differs(Exception):
    """HTML5's parser might build another tree here."""


def parsed(html: str):
    """The root ``<html>`` element as WeasyPrint's parser would build it, or None where it might not."""
    if (not html.startswith(DOCTYPE + "<html") or not html.endswith("</html>") or "\r" in html
            or "<!" in html[len(DOCTYPE):] or "<?" in html or "xmlns" in html):
        return None  # white space after </html> joins the body; a comment, a namespace: expat differs
    if any("\n" in tag or "\t" in tag for tag in _TAG.findall(html)):
        return None  # expat reads a line break or tab inside an attribute as a space, HTML5 keeps it
    if any(not _same_reference(m.group(1)) for m in _NUMERIC_REFERENCE.finditer(html)):
        return None
    text = _VOID.sub(r"<\1\2/>", html[len(DOCTYPE):]).replace("&nbsp;", "&#160;")
    try:
        root = ElementTree.fromstring(text)
        _check_document(root)
    except (ElementTree.ParseError, _Differs):
        return None
    return root


def _same_reference(number: str) -> bool:
    """Does HTML5 read this numeric character reference as XML does (not C1, NUL, a surrogate, too large)?"""
    value = int(number[1:], 16) if number[:1] in "xX" else int(number)
    return 0 < value <= 0x10FFFF and not 0x80 <= value <= 0x9F and not 0xD800 <= value <= 0xDFFF


def _check_document(root) -> None:
    """``<html>`` holding ``<head>`` (title, meta) and ``<body>``, no text between them."""
    if root.tag != "html" or [child.tag for child in root] != ["head", "body"] or root.text:
        raise _Differs
    head, body = root
    _check_attributes(root)
    _check_attributes(head)
    if head.text or head.tail or body.tail:
        raise _Differs
    for child in head:
        _check_attributes(child)
        if child.tag not in ("title", "meta") or len(child) or child.tail or (child.tag == "meta" and child.text):
            raise _Differs
    _check_attributes(body)
    _check_body(body)


def _check_attributes(element) -> None:
    for name, value in element.attrib.items():
        if name != name.lower() or "{" in name or ":" in name:
            raise _Differs  # HTML5 lower-cases names and knows no namespaces in attributes here
        if ">" in value:
            raise _Differs  # the check for line breaks inside tags took the tag to end there


def _check_body(body) -> None:
    """Walk the body once, keeping what the rules need: the open ``p``, heading and link, the parent."""
    stack = [(child, ("body", "html"), False, False, False) for child in reversed(body)]
    while stack:
        element, parents, in_p, in_heading, in_link = stack.pop()
        name = element.tag
        if not isinstance(name, str) or name != name.lower() or "{" in name:
            raise _Differs
        _check_attributes(element)
        _check_place(element, name, parents, in_p, in_heading, in_link)
        in_p = in_p or name == "p"
        in_heading = in_heading or name in _HEADINGS
        in_link = in_link or name == "a"
        stack.extend((child, (name, parents[0]), in_p, in_heading, in_link) for child in reversed(element))


def _check_place(element, name: str, parents: tuple[str, str], in_p: bool, in_heading: bool, in_link: bool) -> None:
    """Would HTML5 put ``element`` where it is?  ``parents``: its parent's and grandparent's names."""
    if name in _TABLE_PARENTS or name == "table":
        _check_table_part(element, name, parents[0])
    elif name not in _PLAIN:
        raise _Differs
    if (in_p and name in _CLOSES_P) or (in_heading and name in _HEADINGS) or (in_link and name == "a"):
        raise _Differs  # a block closes the paragraph, a heading the heading, a link the link
    if name == "li" and parents[0] not in ("ul", "ol"):
        raise _Differs
    if name in ("dd", "dt") and parents not in (("dl", parents[1]), ("div", "dl")):
        raise _Differs  # a dd or dt closes an open dd or dt up to the nearest dl
    if name == "pre" and (element.text or "").startswith("\n"):
        raise _Differs  # HTML5 drops a line break just after <pre>


def _check_table_part(element, name: str, parent: str) -> None:
    """A table holds row groups (no row straight in it), a row group rows, a row cells, and no text between."""
    if name == "table":
        if any(child.tag not in ("caption", "colgroup", "thead", "tbody", "tfoot") for child in element):
            raise _Differs  # a row straight in the table gets a tbody
    elif parent not in _TABLE_PARENTS[name]:
        raise _Differs
    if name in _NO_TEXT and (element.text or any(child.tail for child in element)):
        raise _Differs  # text in a table's frame is moved out of it
