"""The print edition as a reader reads it (issue 21's print defects), on small invented TEI.

Each test lays out or prints a document shaped like the one where a reader saw the
defect: a record of conversation (speaker labels), notes that all begin with the
same label, corrected slips, and the end matter ("About this edition").
"""

from __future__ import annotations

import io
import random
import re

import pypdf
import pytest
from lxml import etree

from test_render_pdf import laid_out, printed

TEI_NS = "http://www.tei-c.org/ns/1.0"


def tei(body: str, *, header_extra: str = "", encoding: str = "") -> bytes:
    return (f'<TEI xmlns="{TEI_NS}" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>Record of a conversation'
            f"</title></titleStmt><publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Invented.</p>"
            f"</sourceDesc>{header_extra}</fileDesc>{encoding}</teiHeader><text><body>{body}</body></text></TEI>"
            ).encode("utf-8")


def conversation(speeches: int = 70, seed: int = 3) -> bytes:
    """Speeches of many lengths, as in a record of conversation: some speaker's name falls at a page foot."""
    rng = random.Random(seed)
    words = ("the delegation considers the question of deliveries of coking coal and crude oil "
             "for the coming year and the joint commission on navigation of the river").split()
    sps = []
    for i in range(speeches):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 90))).capitalize() + "."
        sps.append(f"<sp><speaker>{'Kim' if i % 2 else 'Li'}:</speaker> <p>{text}</p></sp>")
    return tei("".join(sps))


def text_boxes(box):
    for child in getattr(box, "children", ()) or ():
        if type(child).__name__ == "TextBox":
            yield child
        yield from text_boxes(child)


def first_pages(document) -> dict[int, int]:
    """The page (index) of the first text of each element, by ``id`` of the element."""
    found: dict[int, int] = {}
    for index, page in enumerate(document.pages):
        for box in text_boxes(page._page_box):
            if box.element is not None and box.text.strip():
                found.setdefault(id(box.element), index)
    return found


def html_root(document):
    return next(box.element for box in document.pages[0]._page_box.children
                if getattr(box, "element_tag", None) == "html")


def test_a_speakers_name_is_on_the_page_of_the_first_words_of_the_speech():
    """A speaker's name never stands alone at the foot of a page with the speech on the next."""
    document = laid_out(conversation())
    pages = first_pages(document)
    speeches = [sp for sp in html_root(document).iter("div") if sp.get("class") == "tei-sp"]
    assert len(speeches) > 30 and len(document.pages) >= 4
    for sp in speeches:
        speaker, speech = sp[0], sp[1]
        assert "tei-speaker" in speaker.get("class") and speech.tag == "p"
        assert pages[id(speaker)] == pages[id(speech)], f"{speaker.text} alone at the foot of page {pages[id(speaker)] + 1}"


def test_note_calls_are_large_and_black_enough_to_find():
    """A call was 5.5pt and looked grey beside 10.5pt text; now two thirds of the text, bold, black."""
    from htmlpage import HOUSE_SAMPLE

    document = laid_out(HOUSE_SAMPLE.read_bytes())
    calls = [box for page in document.pages for box in page._page_box.descendants()
             if box.element is not None and getattr(box, "element_tag", None) == "a"
             and "fn-call" in (box.element.get("class") or "").split()]
    assert calls
    for call in calls:
        assert call.style["font_size"] >= 9.3  # px: 7pt
        assert call.style["font_weight"] >= 600
        assert max(call.style["color"].coordinates) <= 0.1


def pdf_texts(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


LABELLED_NOTES = "".join(
    f"<p>Paragraph {i} of the report on the talks in the capital.<note type=\"translator\" resp=\"#translator\">"
    f"<label>Translator's note:</label> the {word} sentence was highlighted in the left margin.</note></p>"
    for i, word in enumerate(["first", "second", "third", "fourth"], 1))


def test_a_label_every_note_repeats_is_printed_once_and_the_conventions_say_so():
    pdf = printed("labelled-notes", tei(LABELLED_NOTES, encoding=TEIEDITION_ENCODING))
    text = " ".join(pdf_texts(pdf.data))
    assert text.count("Translator's note: the first sentence") == 1
    for word in ("second", "third", "fourth"):
        assert f"the {word} sentence was highlighted" in text
        assert f"Translator's note: the {word}" not in text
    assert re.search(r"the label the notes repeat \(“Translator's note:”\) is printed on the first of them only",
                     text)


CORRECTED = ("<p>The delegation met the leaders of the fraternal <choice><sic>counties</sic>"
             "<corr resp=\"#encoder\">countries</corr></choice> in <choice><sic>Junes</sic>"
             "<corr resp=\"#encoder\">June</corr></choice> and spoke at length.</p>")


def test_corrections_read_as_on_screen_with_the_originals_listed_by_page():
    """The reading view of the HTML edition shows "countries"; so does the text of the PDF."""
    pdf = printed("corrected", tei(CORRECTED, encoding=TEIEDITION_ENCODING))
    pages = pdf_texts(pdf.data)
    body = next(i for i, text in enumerate(pages) if "The delegation met" in text)
    assert "fraternal countries in June and spoke" in pages[body]
    assert "original:" not in " ".join(pages)
    end = " ".join(pages[body:])
    assert f"page {body + 1}: countries (the translation reads “counties”)" in end
    assert f"page {body + 1}: June (the translation reads “Junes”)" in end


TEIEDITION_ENCODING = ("<encodingDesc><appInfo><application ident=\"teiedition\" version=\"0.1.0\"><label>teiedition"
                       "</label></application></appInfo><editorialDecl><p>Obvious slips are corrected from a reviewed "
                       "list only (choice/sic/corr, resp #encoder).</p></editorialDecl></encodingDesc>")
PROJECT_ENCODING = ("<encodingDesc><editorialDecl><p>Spelling is normalised to modern usage throughout.</p>"
                    "</editorialDecl></encodingDesc>")


def test_about_this_edition_speaks_to_readers_not_tei_users():
    """teiedition's own declarations stay in the TEI (and the HTML's "For TEI users"); a project's own are printed."""
    ours = " ".join(pdf_texts(printed("ours", tei("<p>Text.</p>", encoding=TEIEDITION_ENCODING)).data))
    assert "About this edition" in ours and "Encoded with teiedition 0.1.0" in ours
    for jargon in ("choice/sic/corr", "#encoder", "For TEI users"):
        assert jargon not in ours
    theirs = " ".join(pdf_texts(printed("theirs", tei("<p>Text.</p>", encoding=PROJECT_ENCODING)).data))
    assert "Spelling is normalised to modern usage throughout." in theirs


@pytest.mark.parametrize("paragraphs", [20, 27])  # lengths that left the end matter's last lines on a page
def test_the_end_matter_is_never_split_leaving_its_last_lines_alone(paragraphs):
    """"About this edition" starts and ends on the same page: no last page of two lines of boilerplate."""
    body = "".join(f"<p>Paragraph {i}: " + "the delegation considered the deliveries of coal " * 9 + "</p>"
                   for i in range(paragraphs))
    pages = pdf_texts(printed(f"end-{paragraphs}", tei(body, encoding=TEIEDITION_ENCODING)).data)
    starts = [i for i, text in enumerate(pages) if "About this edition" in text]
    ends = [i for i, text in enumerate(pages) if "Encoded with teiedition" in text]
    assert starts == ends == [len(pages) - 1]


def test_the_print_stylesheet_uses_no_selector_that_walks_every_earlier_sibling():
    """WeasyPrint's selector matcher tests ``A ~ B`` by walking all earlier siblings of every element
    that matches B: a ``~ *`` made a 19,000-paragraph body quadratic (bench_hostile ``pdf``: x65.6
    per 10x, 330 s).  Speed itself lives in the benchmark; this keeps the shape out of print.css."""
    import tinycss2

    from teiedition.rendering.pdf import PRINT_CSS

    rules = tinycss2.parse_stylesheet(PRINT_CSS.read_text(encoding="utf-8"), skip_comments=True,
                                      skip_whitespace=True)

    def preludes(items):
        for rule in items:
            if rule.type == "qualified-rule":
                yield tinycss2.serialize(rule.prelude)
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                yield from preludes(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    general_sibling = [p.strip() for p in preludes(rules) if re.search(r"~(?!=)", p)]
    assert general_sibling == []
