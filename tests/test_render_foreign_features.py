"""Other projects' TEI shown as their own viewers show it (issue 20): apparatus, facsimile,
tables of contents, TEI examples (egXML) and MathML, on screen and on paper.

Each case is a small invented TEI document written in the style of the projects that use
the feature (TEI Publisher, EVT, the TEI Stylesheets' tests, documentary editions).
"""

from __future__ import annotations

import pytest

from htmlpage import as_tree, assert_links_resolve, assert_no_word_lost, assert_valid_html5, render_page

HEADER = ('<teiHeader><fileDesc><titleStmt><title>Sample</title></titleStmt>'
          '<publicationStmt><p>Test.</p></publicationStmt><sourceDesc>{source}</sourceDesc></fileDesc>'
          '{encoding}</teiHeader>')


def tei(body: str, *, source: str = "<p>Invented.</p>", encoding: str = "", before_text: str = "",
        front: str = "") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'
            + HEADER.format(source=source, encoding=encoding) + before_text
            + f"<text>{front}<body>{body}</body></text></TEI>").encode("utf-8")


def print_page(source: bytes):
    """The print edition's HTML (what WeasyPrint lays out), read like a screen page."""
    from htmlpage import Page
    import html5lib

    from teiedition.rendering.pdf import PdfRenderer

    html = PdfRenderer().print_html(as_tree(source))
    tree = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)
    return Page(html=html, tree=tree.getroot() if hasattr(tree, "getroot") else tree)


WITNESSES = ('<listWit><witness xml:id="A" n="Ox">Oxford copy</witness>'
             '<witness xml:id="B">Manuscript B</witness></listWit>')


# ----- critical apparatus -----

@pytest.fixture(scope="module")
def apparatus():
    return tei('<p>The <app><lem wit="#A">crimson</lem><rdg wit="#B">scarlet</rdg></app> leaves '
               '<app><lem wit="#A">fell</lem><rdg wit="#B"/></app> early.</p>',
               source=WITNESSES,
               encoding='<encodingDesc><variantEncoding method="parallel-segmentation" location="internal"/></encodingDesc>')


def test_the_reading_text_shows_the_lemma_not_a_dump_of_variants(apparatus):
    page = render_page(apparatus)
    shown = page.xpath("//article//*[contains(@class, 'tei-app')]/*[@class='lemma']")
    assert [el.text for el in shown] == ["crimson", "fell"]
    assert page.xpath("//article//*[@class='reading'][@hidden]/@data-wit") == ["B", "B"]
    assert "[" not in page.text_of("//article//p")


def test_each_variant_has_a_popover_and_an_entry_with_sigla_from_listwit(apparatus):
    page = render_page(apparatus)
    button = page.one("//article//button[contains(@class, 'appref')][@popovertarget='pop-app-1']")
    assert button.get("aria-label") == "Variant readings v1"
    assert " ".join(page.text_of("//*[@id='pop-app-1']//*[contains(@class, 'app-entry')]").split()) == "crimson Ox] scarlet B"
    entries = [" ".join(page.text_of(f"//*[@id='app-{n}']/*[@class='app-entry']").split()) for n in (1, 2)]
    assert entries == ["crimson Ox] scarlet B", "fell Ox] om. B"]
    assert [el.text for el in page.xpath("//*[@id='apparatus']//dl[@class='witness-list']/*")] == [
        "Ox", "Oxford copy", "B", "Manuscript B"]


def test_the_witness_switch_offers_each_witness_by_address(apparatus):
    page = render_page(apparatus)
    links = page.xpath("//nav[@class='witness-switch']//a")
    assert [(a.get("href"), a.text.strip()) for a in links] == [("?", "edited text"), ("?wit=A", "Ox"), ("?wit=B", "B")]
    assert links[1].get("title") == "Oxford copy"


def test_apparatus_page_is_valid_html_with_working_links_and_no_word_lost(apparatus):
    page = render_page(apparatus)
    assert_valid_html5(page)
    assert_links_resolve(page)
    assert_no_word_lost(apparatus, page)


def test_location_referenced_apparatus_puts_no_lemma_in_the_text():
    source = tei('<p>The crimson leaves fell early.<app loc="1"><rdg wit="#B">scarlet</rdg></app></p>',
                 source=WITNESSES,
                 encoding='<encodingDesc><variantEncoding method="location-referenced" location="internal"/></encodingDesc>')
    page = render_page(source)
    assert not page.xpath("//article//*[@class='lemma']")
    assert " ".join(page.text_of("//*[@id='app-1']/*[@class='app-entry']").split()) == "scarlet B"


#: An apparatus given apart from the text, as EpiDoc editions (I.Sicily) give it.
LIST_APP = ('<div type="edition"><ab>Dis manibus Zethi vixit annis VI</ab></div>'
            '<div type="apparatus"><listApp><app><note>Text edited from a photograph</note></app>'
            '<app loc="3"><lem>vixit</lem><rdg wit="#B">vixsit</rdg><note>Mommsen reads vixit</note></app>'
            '</listApp></div>')


def test_a_list_of_apparatus_entries_is_read_in_place_without_calls_or_numbered_notes():
    """Each entry of a listApp is a line of the list where it stands; no v1 button beside a note button."""
    source = tei(LIST_APP, source=WITNESSES)
    page = render_page(source)
    entries = [" ".join("".join(li.itertext()).split()) for li in page.xpath("//ul[contains(@class, 'list-app')]/li")]
    assert entries == ["Text edited from a photograph", "3: vixit] vixsit B Mommsen reads vixit"]
    assert not page.xpath("//button[contains(@class, 'appref')] | //button[contains(@class, 'noteref')]")
    assert not page.xpath("//*[@id='apparatus'] | //*[@id='notes']")
    assert_no_word_lost(source, page)
    assert_links_resolve(page)
    printed = print_page(source)
    assert not printed.xpath("//*[contains(@class, 'fn')]")
    assert "3: vixit] vixsit B Mommsen reads vixit" in " ".join("".join(printed.tree.itertext()).split())


def test_print_sets_each_apparatus_entry_as_a_footnote(apparatus):
    page = print_page(apparatus)
    notes = page.xpath("//span[contains(@class, 'fn') and contains(@class, 'type-apparatus')]")
    assert [" ".join("".join(n.itertext()).split()) for n in notes] == ["v1 crimson Ox] scarlet B", "v2 fell Ox] om. B"]
    assert not page.xpath("//*[@id='apparatus']")


# ----- facsimile -----

FACSIMILE = ('<facsimile><surface xml:id="s1" ulx="0" uly="0" lrx="2000" lry="3000">'
             '<graphic url="pages/p1.jpg"/><zone xml:id="z1" ulx="200" uly="300" lrx="1800" lry="600"/></surface>'
             '<surface xml:id="s2"><graphic url="https://images.example.org/iiif/ms12-f2/info.json" width="1600px" height="2400px"/></surface>'
             '<surface xml:id="s3" n="3r"><graphic url="https://example.org/scans/f3.jp2"/></surface>'
             '<surface xml:id="s4" n="4r"><graphic url="https://example.org/scans/f4.png"/></surface>'
             '</facsimile>')


@pytest.fixture(scope="module")
def facsimile():
    return tei('<pb n="1" facs="#s1"/><p facs="#z1">Read from a region.</p><pb n="2" facs="#s2"/><p>Second.</p>'
               '<pb n="3" facs="#s3"/><p>Third.</p>', before_text=FACSIMILE)


def test_each_page_break_shows_its_image_with_its_size(facsimile):
    page = render_page(facsimile)
    images = page.xpath("//article//*[contains(@class, 'facsimile-page')]//img")
    assert [(i.get("src"), i.get("width"), i.get("height")) for i in images] == [
        ("pages/p1.jpg", "2000", "3000"),
        ("https://images.example.org/iiif/ms12-f2/full/max/0/default.jpg", "1600", "2400")]
    assert [i.get("alt") for i in images] == ["Image of page 1", "Image of page 2"]


def test_a_format_browsers_cannot_show_is_offered_as_a_link(facsimile):
    page = render_page(facsimile)
    assert page.xpath("//article//*[contains(@class, 'facsimile-link')]/a/@href") == ["https://example.org/scans/f3.jp2"]


def test_a_zone_the_text_points_to_is_drawn_over_its_image(facsimile):
    page = render_page(facsimile)
    zone = page.one("//*[contains(@class, 'facsimile-frame')]/span[@class='facs-zone']")
    assert zone.get("data-zone") == "z1"
    assert zone.get("style") == "left:10%;top:10%;width:80%;height:10%"
    assert page.xpath("//article//p[@data-zone='z1']")


def test_surfaces_no_page_break_shows_are_in_a_facsimile_gallery(facsimile):
    page = render_page(facsimile)
    assert page.xpath("//section[@id='facsimile']//img/@src") == ["https://example.org/scans/f4.png"]
    assert page.xpath("//section[@id='facsimile']//img/@alt") == ["Image of page 4r"]


def test_facsimile_page_is_valid_html(facsimile):
    page = render_page(facsimile)
    assert_valid_html5(page)
    assert_links_resolve(page)


def test_transcribed_surface_shows_its_image_not_its_address():
    source = tei("<p>x</p>").replace(b"<text>", b'<sourceDoc><surface ulx="0" uly="0" lrx="10" lry="20">'
                                     b'<graphic url="https://example.org/f1.jpg"/><line>A line.</line></surface></sourceDoc><text>')
    page = render_page(source)
    assert page.xpath("//article//img/@src") == ["https://example.org/f1.jpg"]
    assert "[image:" not in page.text_of("//article")


# ----- tables of contents -----

def _chapters(n: int) -> str:
    return "".join(f'<div><head>Chapter {i}</head><p>Text {i}.</p></div>' for i in range(1, n + 1))


def test_a_long_text_gets_a_table_of_contents_linking_every_heading():
    page = render_page(tei(f'<div><head>Part one</head>{_chapters(2)}</div><div><head>Part two</head>{_chapters(1)}</div>'))
    toc = page.one("//nav[@class='toc']")
    assert [" ".join(a.text.split()) for a in toc.xpath(".//a")] == ["Part one", "Chapter 1", "Chapter 2", "Part two", "Chapter 1"]
    assert toc.xpath("./ol/li[1]/ol/li/a/text()") == ["Chapter 1", "Chapter 2"]
    assert_links_resolve(page)
    assert_valid_html5(page)


def test_a_short_text_gets_none_unless_it_asks_with_divgen():
    assert not render_page(tei(_chapters(2))).xpath("//nav[@class='toc']")
    page = render_page(tei(_chapters(2), front='<front><divGen type="toc"/></front>'))
    assert page.xpath("//article//nav[@class='toc']//a/text()") == ["Chapter 1", "Chapter 2"]


# ----- TEI examples and MathML -----

def test_egxml_is_shown_as_escaped_markup():
    page = render_page(tei('<p>Write it so:</p><egXML xmlns="http://www.tei-c.org/ns/Examples">'
                           '<p rend="x">Some <hi>text</hi></p></egXML>'))
    code = page.one("//article//pre[contains(@class, 'tei-egXML')]/code")
    assert "".join(code.itertext()) == '<p rend="x">Some <hi>text</hi></p>'
    assert code.xpath(".//span[@class='xml-tag']") and code.xpath(".//span[@class='xml-attr']/text()") == ["rend"]


MATH = ('<p>So <formula notation="mathml"><m:math xmlns:m="http://www.w3.org/1998/Math/MathML">'
        '<m:msup><m:mi>x</m:mi><m:mn>2</m:mn></m:msup><m:mo>=</m:mo><m:mfrac><m:mi>a</m:mi><m:mi>b</m:mi></m:mfrac>'
        '<m:semantics><m:mi>z</m:mi><m:annotation-xml encoding="text/html">'
        '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></m:annotation-xml></m:semantics>'
        '</m:math></formula> holds.</p>')


def test_mathml_reaches_the_page_as_mathml_and_nothing_active_is_copied():
    page = render_page(tei(MATH))
    assert "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup><mi>x</mi><mn>2</mn></msup>" in page.html
    assert "alert" not in page.html.split("<script>")[0]
    assert not page.xpath("//article//script")


def test_print_sets_mathml_as_one_line_of_text():
    page = print_page(tei(MATH))
    formula = page.one("//span[@class='math-linear']")
    assert " ".join("".join(formula.itertext()).split()) == "x2 = (a)/(b)z"
    assert formula.xpath("sup/text()") == ["2"]


# ----- only what the file says -----

def _header_tei(title_stmt: str, publication: str, source: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
            f'<titleStmt><title>Letters</title>{title_stmt}</titleStmt>'
            f'<publicationStmt>{publication}</publicationStmt><sourceDesc>{source}</sourceDesc>'
            '</fileDesc></teiHeader><text><body><p>Text.</p></body></text></TEI>').encode("utf-8")


@pytest.fixture(scope="module")
def foreign_header():
    return render_page(_header_tei(
        '<author><persName>William Shakespeare</persName><idno type="wikidata">Q692</idno></author>'
        '<author><persName>Ann Able</persName><persName>Ben Baker</persName></author>',
        '<publisher>Huygens Institute (KNAW)<email>info@example.org</email><address><addrLine>Amsterdam</addrLine></address></publisher>'
        '<publisher>Van Gogh Museum</publisher>',
        '<p>A scan of the original document is available for download (PDF, 5.3 MB).</p>'))


def test_prose_about_the_source_is_not_cited_as_its_citation(foreign_header):
    cite = foreign_header.text_of("//*[@id='citation-text']")
    assert "scan" not in cite
    assert not foreign_header.xpath("//*[contains(@class, 'essentials')]//*[contains(@class, 'source-citation')]")
    assert "A scan of the original document" in foreign_header.text_of("//*[contains(@class, 'source-description')]/dd")


def test_ids_never_print_in_names_and_authors_are_separated(foreign_header):
    assert foreign_header.meta("citation_author") == ["William Shakespeare", "Ann Able", "Ben Baker"]
    # Chicago (citeproc-py): the first author inverted, the others as written, each separated
    assert foreign_header.text_of("//*[@id='citation-text']").startswith("Shakespeare, William, Ann Able, and Ben Baker. “Letters”.")
    assert "Q692" not in foreign_header.text_of("//*[@id='about']")


def test_publisher_parts_are_separated_without_addresses(foreign_header):
    assert foreign_header.meta("citation_publisher") == ["Huygens Institute (KNAW), Van Gogh Museum"]
    assert "info@example.org" not in foreign_header.text_of("//*[@id='citation-text']")


# ----- verse and drama -----

DRAMA = ('<div><sp who="#cap"><speaker>CAPTAIN</speaker><l n="1.2.19">Be collected now,</l>'
         '<l n="1.2.20" part="I">Which way?</l></sp>'
         '<sp><speaker>BOATSWAIN</speaker><l n="1.2.20" part="F">This way.</l></sp></div>')
CAST = ('<castList><head>Dramatis personae</head><castItem><role>Prospero</role></castItem>'
        '<castGroup><head>Spirits</head><castItem><role>Ariel</role></castItem><castItem><role>Iris</role></castItem></castGroup>'
        '</castList>')


def test_line_numbers_stand_in_a_column_of_their_own():
    page = render_page(tei(DRAMA))
    lines = page.xpath("//article//div[contains(@class, 'tei-l')]")
    assert [l.xpath("string(span[@class='line-number'])") for l in lines] == ["1.2.19", "1.2.20", "1.2.20"]
    assert all("numbered" in l.get("class").split() for l in lines)


def test_a_line_split_between_speakers_starts_where_its_first_part_ended():
    page = render_page(tei(DRAMA))
    final = page.one("//article//div[contains(@class, 'tei-l')][contains(., 'This way.')]")
    assert final.get("style") == "text-indent: 11ch"  # "Which way?" and a space


def test_cast_lists_are_lists_and_groups_name_their_roles_first():
    page = render_page(tei("<p>x</p>", front=f"<front>{CAST}</front>"))
    cast = page.one("//article//ul[contains(@class, 'tei-castList')]")
    assert [li.get("class").split()[0] for li in cast.xpath("./li")] == ["tei-castItem", "cast-group"]
    group = cast.xpath("./li[@class='cast-group']")[0]
    assert group.xpath("string(span[contains(@class, 'cast-group-head')])") == "Spirits"
    assert group.xpath("ul/li//text()") == ["Ariel", "Iris"]
    assert_valid_html5(page)


def test_printed_line_numbers_never_fuse_with_the_verse():
    from io import BytesIO

    from pypdf import PdfReader

    from teiedition.rendering.pdf import PdfRenderer

    pdf = PdfRenderer().render(as_tree(tei(DRAMA)))
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "1.2.19Be" not in text and "1.2.20Which" not in text
    assert "Be collected now," in text and "CAPTAIN" in text and "CAP-" not in text


# ----- teiCorpus -----

CORPUS = b"""<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Letters of two friends</title></titleStmt><publicationStmt><p>Test.</p>
  </publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>
  <TEI><teiHeader><fileDesc><titleStmt><title>First letter</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
    <sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>
    <text><body><p xml:id="p1">Dear friend, hello.<note>A first note.</note></p></body></text></TEI>
  <teiCorpus><teiHeader><fileDesc><titleStmt><title>Later letters</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
    <sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>
    <TEI><teiHeader><fileDesc><titleStmt><title>Second letter</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
      <sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>
      <text><body><p xml:id="p1">Dear friend, goodbye.</p></body></text></TEI></teiCorpus>
</teiCorpus>"""


def test_render_writes_a_corpus_page_and_one_page_per_member(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main
    from htmlpage import Page
    import html5lib

    source = tmp_path / "letters.xml"
    source.write_bytes(CORPUS)
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "letters.html")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["letters-1.html", "letters-2.html", "letters.html"]

    def read(name):
        html = (tmp_path / name).read_text(encoding="utf-8")
        return Page(html=html, tree=html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False).getroot())

    corpus = read("letters.html")
    assert corpus.xpath("//h1/text()") == ["Letters of two friends"]
    assert [(a.get("href"), a.text) for a in corpus.xpath("//section[@id='members']//a")] == [
        ("letters-1.html", "First letter"), ("letters-2.html", "Second letter")]
    first, second = read("letters-1.html"), read("letters-2.html")
    assert first.xpath("//h1/text()") == ["First letter"] and "A first note." in first.body_text
    assert "A first note." not in second.body_text and "goodbye" in second.body_text
    assert second.xpath("//nav[@class='collection-nav']/a/@href") == ["letters.html", "letters-1.html"]
    for page in (corpus, first, second):
        assert_valid_html5(page)
        assert_links_resolve(page)


# ----- pointers of the TEI pointer schemes -----

def test_range_and_xpath_pointers_resolve_and_only_broken_ones_are_reported():
    from htmlpage import renderer

    source = tei('<p xml:id="a">First.</p><p xml:id="b">Second.</p><p>See <ref target="#range(a,b)">both</ref>, '
                 '<ref target="#xpath(id(\'b\'))">the second</ref> and <ref target="#range(#a,#zz)">a broken one</ref>.</p>')
    page = render_page(source)
    assert [(a.text, a.get("href")) for a in page.xpath("//article//a[contains(@class, 'tei-ref')]")] == [
        ("both", "#a"), ("the second", "#b"), ("a broken one", "#a")]
    renderer().render(as_tree(source))
    assert renderer().warnings == ("1 pointer(s) resolve to nothing in the document: #range(#a,#zz)",)


# ----- a long text in several pages -----

def _long_text(chapters: int = 4, paragraphs: int = 160) -> bytes:
    parts = []
    for c in range(1, chapters + 1):
        paras = "".join(
            f'<p xml:id="c{c}p{i}">Chapter{c} paragraph{i} ' + "words of the long text " * 12
            + ('<ref target="#c1p1">to the start</ref>' if i == 3 else "")
            + (f"<note>A note of chapter {c}.</note>" if i == 2 else "") + "</p>"
            for i in range(1, paragraphs + 1))
        parts.append(f'<div xml:id="ch{c}"><head>Chapter {c}</head><div><head>Section {c}.1</head>{paras}</div></div>')
    return tei("".join(parts), front="<front><p>Preface.</p></front>")


def _render_pages(tmp_path, source: bytes) -> dict:
    """Render ``source`` to book.html (and its other pages); every page read, checked valid, links landing."""
    import html5lib

    from click.testing import CliRunner

    from teiedition.cli import main
    from htmlpage import Page

    (tmp_path / "book.xml").write_bytes(source)
    result = CliRunner().invoke(main, ["render", str(tmp_path / "book.xml"), "-o", str(tmp_path / "book.html")])
    assert result.exit_code == 0, result.output
    pages = {}
    for path in sorted(tmp_path.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        pages[path.name] = Page(html=html, tree=html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False).getroot())
    ids = {name: set(page.ids()) for name, page in pages.items()}
    for name, page in pages.items():
        for href in page.xpath("//a/@href"):
            if "#" in href and not href.startswith(("http", "mailto")):
                target, _, frag = href.partition("#")
                assert frag in ids[target or name], f"{name}: {href}"
        assert_valid_html5(page)
    return pages


def _paragraph_pages(pages) -> dict[str, str]:
    """Each paragraph's page: every paragraph must stand on exactly one."""
    where = {}
    for name, page in pages.items():
        for p in page.xpath("//article//p[starts-with(@id, 'c')]"):
            assert p.get("id") not in where
            where[p.get("id")] = name
    return where


def test_a_long_text_is_split_into_a_page_per_division_with_contents_and_neighbours(tmp_path):
    pages = _render_pages(tmp_path, _long_text())
    assert sorted(pages) == ["book-2.html", "book-3.html", "book-4.html", "book-5.html", "book.html"]
    where = _paragraph_pages(pages)
    assert len(where) == 4 * 160 and where["c1p1"] == "book-2.html" and where["c4p160"] == "book-5.html"
    assert pages["book.html"].text_of("//article") == "Preface."
    third = pages["book-3.html"]
    assert third.xpath("//nav[@class='chunk-nav'][1]/a/@href") == ["book-2.html", "book-4.html"]
    contents = third.xpath("(//nav[@class='toc'])[1]//a/@href")
    assert contents[0] == "book-2.html#ch1" and "#ch2" in contents and "book-5.html#ch4" in contents
    assert third.xpath("//a[contains(@class, 'tei-ref')]/@href")[0] == "book-2.html#c1p1"
    assert [" ".join(li.xpath("string(.//*[@class='note-body'])").split()) for li in third.xpath("//li[contains(@class, 'note-entry')]")] == ["A note of chapter 2."]


def test_past_the_page_limit_neighbouring_divisions_share_a_page(tmp_path, monkeypatch):
    from teiedition.rendering import chunks

    monkeypatch.setattr(chunks, "MAX_PAGES", 2)
    pages = _render_pages(tmp_path, _long_text())
    assert sorted(pages) == ["book-2.html", "book.html"]
    where = _paragraph_pages(pages)
    assert len(where) == 4 * 160
    assert {where["c1p1"], where["c2p1"]} == {"book.html"} and {where["c3p1"], where["c4p1"]} == {"book-2.html"}


def test_a_short_text_stays_on_one_page():
    from teiedition.rendering.chunks import parts

    assert parts(as_tree(_long_text(chapters=4, paragraphs=3))) == 1
    assert parts(as_tree(_long_text())) == 5


def test_a_text_of_very_many_divisions_takes_a_bounded_number_of_pages():
    from teiedition.rendering.chunks import MAX_PAGES, pages_of_parts

    layout = pages_of_parts(1000)
    assert len(set(layout)) == MAX_PAGES and layout == sorted(layout)
    assert pages_of_parts(5) == [0, 1, 2, 3, 4]


def test_a_pointer_shown_as_its_target_does_not_run_into_the_next_word():
    """EpiDoc bibliographies write <ptr target="jmr1976"/><biblScope>3</biblScope>; paper read "jmr19763"."""
    source = tei('<p>Published in <bibl><ptr target="jmr1976"/><biblScope>3</biblScope></bibl>, and '
                 '<bibl><ptr target="jmr1980"/>, p. 150</bibl>.</p>')
    for page in (render_page(source), print_page(source)):
        text = " ".join("".join(page.tree.itertext()).split())
        assert "jmr1976 3" in text and "jmr1980, p. 150" in text


def test_a_note_in_a_heading_opens_a_popover_without_a_note_role():
    """The Nu checker: no role=note inside h1-h6 (the TEI Stylesheets' test.xml has notes in its headings)."""
    page = render_page(tei('<div><head>Zur Entstehung<note place="foot">In the heading.</note></head>'
                           '<p>Text.<note place="foot">In the text.</note></p></div>'))
    assert not page.xpath("//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]//*[@role='note']")
    assert page.xpath("//h2//span[@popover]") or page.xpath("//h3//span[@popover]")
    assert len(page.xpath("//p//span[@popover][@role='note']")) == 1


def test_a_choice_of_three_forms_keeps_them_apart_on_screen_and_paper():
    """Manuscript editions (the TEI Stylesheets' ms.xml) give orig, abbr and expan: paper read "venacionvenaconvenacon"."""
    source = tei("<p>mellificijs, <choice><orig>venac<am/>on</orig><abbr>venac<am/>on<am/></abbr>"
                 "<expan>venac<ex>i</ex>on<ex>ibus</ex></expan></choice>, pratis</p>")
    for page in (render_page(source), print_page(source)):
        text = " ".join("".join(page.tree.itertext()).split())
        assert "venacionibus" in text
        assert "]venacon" not in text and "venaconvenacon" not in text  # the abbreviation apart from what precedes it
