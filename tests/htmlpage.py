"""Test helpers for the HTML edition: render TEI, read the page as a reader (or html5lib) would.

Why: tests of the HTML edition read like the domain (``assert_renders``,
``assert_no_word_lost``) instead of poking at strings.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import html5lib
from lxml import etree

from teiedition.safexml import parse_xml_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOUSE_SAMPLE = FIXTURES / "house_sample.xml"
FOREIGN = sorted((FIXTURES / "foreign").glob("*.xml"))
WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def renderer():
    """One HtmlRenderer for the whole test session (the stylesheet compiles once)."""
    from teiedition.rendering.render import HtmlRenderer

    return HtmlRenderer()


@dataclass
class Page:
    """A rendered page: its source HTML, its html5lib tree and the parse errors html5lib reported."""

    html: str
    tree: etree._Element
    parse_errors: list = field(default_factory=list)

    def xpath(self, expr: str, **kw):
        return self.tree.xpath(expr, **kw)

    def one(self, expr: str) -> etree._Element:
        found = self.xpath(expr)
        assert len(found) == 1, f"expected one match for {expr}, found {len(found)}"
        return found[0]

    def text_of(self, expr: str) -> str:
        return " ".join(" ".join("".join(el.itertext()).split()) for el in self.xpath(expr))

    @property
    def body_text(self) -> str:
        """Every text node of <body> (hidden readings and popovers too), joined by spaces."""
        return " ".join(page_text_nodes(self.tree.find("body")))

    def meta(self, name: str) -> list[str]:
        return [m.get("content") for m in self.xpath(f"//head/meta[@name='{name}']")]

    def ids(self) -> list[str]:
        return [el.get("id") for el in self.tree.iter() if isinstance(el.tag, str) and el.get("id")]


def page_text_nodes(element) -> list[str]:
    parts: list[str] = []

    def walk(el):
        if isinstance(el.tag, str) and el.tag in ("script", "style"):
            if el.tail:
                parts.append(el.tail)
            return
        if isinstance(el.tag, str) and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if el.tail:
            parts.append(el.tail)

    walk(element)
    return parts


def parse_page(html: str) -> Page:
    """Parse like a browser does (html5lib); keep the parse errors."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("lxml"), namespaceHTMLElements=False)
    doc = parser.parse(html)
    return Page(html, doc.getroot(), list(parser.errors))


def as_tree(tei) -> etree._ElementTree:
    if isinstance(tei, Path):
        tei = tei.read_bytes()
    if isinstance(tei, str):
        tei = tei.encode("utf-8")
    if isinstance(tei, bytes):
        return parse_xml_bytes(tei, allow_xinclude=True)
    return tei


def render_page(tei, **kw) -> Page:
    """Render TEI (path, bytes, str or tree) with the real HtmlRenderer and parse the page."""
    return parse_page(renderer().render(as_tree(tei), **kw))


def tei_doc(body: str, *, header: str = "", title: str = "Test document", back: str = "", standoff: str = "") -> str:
    """A small, complete TEI document around a <body> fragment."""
    return f"""<TEI xmlns="{TEI_NS}">
  <teiHeader><fileDesc>
    <titleStmt><title>{title}</title></titleStmt>
    <publicationStmt><p>Test</p></publicationStmt>
    <sourceDesc><p>Test</p></sourceDesc>
  </fileDesc>{header}</teiHeader>{standoff}
  <text><body>{body}</body>{back}</text>
</TEI>"""


def assert_renders(body: str, expected_text: str, **kw) -> Page:
    """The page's document text (whitespace normalised) contains ``expected_text``."""
    page = render_page(tei_doc(body, **kw))
    text = page.text_of("//article[@id='document']")
    assert expected_text in text, f"{expected_text!r} not in rendered text {text!r}"
    return page


def tei_words(tei) -> collections.Counter:
    """Words of the TEI <text>, counted per text node (so word breaks at lb break="no" count as written)."""
    tree = as_tree(tei)
    words: collections.Counter = collections.Counter()
    for text in tree.getroot().iter(f"{{{TEI_NS}}}text"):
        for node in text.xpath(".//text()"):
            words.update(WORD.findall(str(node)))
        break
    return words


def assert_no_word_lost(tei, page: Page) -> None:
    """Every word of the TEI <text> appears in the page at least as often as in the TEI."""
    have = collections.Counter(WORD.findall(page.body_text))
    lost = {w: (n, have[w]) for w, n in tei_words(tei).items() if have[w] < n}
    assert not lost, f"words of <text> missing from the page (word: (in TEI, in page)): {lost}"


def assert_valid_html5(page: Page) -> None:
    assert not page.parse_errors, f"HTML5 parse errors: {page.parse_errors[:5]}"


def assert_links_resolve(page: Page) -> None:
    """Every in-page link (#id) points at an element that exists, and ids are unique."""
    ids = page.ids()
    dupes = [i for i, n in collections.Counter(ids).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes[:10]}"
    idset = set(ids)
    dangling = sorted({a.get("href")[1:] for a in page.xpath("//a[starts-with(@href, '#')]")} - idset)
    dangling += sorted({b.get("popovertarget") for b in page.xpath("//*[@popovertarget]")} - idset)
    assert not dangling, f"links to missing ids: {dangling[:10]}"
