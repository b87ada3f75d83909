"""Invariants on generated texts: any text converts to well-formed, tei_all-valid TEI and loses no word."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import assert_valid_tei_all
from convert_checks import lost_words
from teiedition.convert import convert_text

WORDS = ["the", "Ambassador", "said", "that", "Kim Il Sung", "Moscow", "KWP", "CPSU CC", "Cde.", "V. V.",
         "Kuznetsov", "No.", "Nº 12", "12 June 1969", "5.XI.62", "10/14/50", "“we agree”", "(Pravda, 3 May 1961)",
         "1)", "3.", "a", "question", "of", "trade", "—", "–", ",", ".", ";", "?", "!", "’s", "x"]
BRACKETS = ["[is]", "[who is]", "[Central Committee]", "[sic]", "[…]", "[...]", "[?]", "[illegible]",
            "[[N. Fedorenko?]]", "[N. Fedorenko?]", "[1]", "[signature]", "[email protected]",
            "[Translator’s note: the previous sentence was highlighted in the left margin]",
            "[Translator’s note: the previous paragraph was highlighted in the left margin with two vertical lines]",
            "[Translator’s note: a question mark was placed next to the first half of this paragraph]",
            "[Translator’s note: the last quote was highlighted in the left margin]",
            "[CPSU CC stamp: 19373 12 June 1969]", "[handwritten: “to Cde. Ivanov”]", "[stamp: Korea]",
            "[There is a stamp stating that “read”]", "[", "]", "F[oreign]", "[added by hand]"]
LINES = ["Copy Nº 2", "SECRET", "TOP SECRET", "x x x", "1 – to file", "2 - Cde. A. A. Gromyko",
         "[signature] (Yu. Fadeyev)", "Six copies printed – gp", "9 June 1969 Nº 340", "To: the Ministry",
         "RECORD OF A CONVERSATION", "Pyongyang, 16 March 1967", "With socialist greetings", "Hoffmann",
         "[1] A footnote text.", "R O S H C H I N", "Distributed according to a list", "ATTACHMENT: two pages"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(BRACKETS),
                  st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn")),
                          min_size=1, max_size=12))
paragraph = st.lists(token, min_size=1, max_size=30).map(" ".join)
block = st.one_of(paragraph, st.sampled_from(LINES))
layout_head = st.sampled_from(["", "Skip to content\n\nJune 9, 1969\n\nA Title\n\n"
                               "This document was made possible with support from X\n\n",
                               "June 9, 1969\nA Title\nThis document was made possible with support from X\n",
                               "Search in\n\nJune 02, 1959\n\nThis document was made possible with support from "
                               "the X Fund, Y Foundation\n\n  • Citation\n\n    get citation\n\n    A summary.\n"
                               "    \"Report, 'A Visit',\" June 02, 1959, History and Public Policy Program Digital "
                               "Archive, MOL, XIX-J-1-j Korea, 6. doboz. Translated by A. B.\n  • share document\n\n"
                               "English HTML\n\n"])
layout_tail = st.sampled_from(["", "\n\nThe summary of the page in a sentence or two, said plainly.\n\n"
                               "Document Information\n\nRGANI, fond 5, opis 1, delo 2, listy 3-4. "
                               "Obtained by A. B. and translated by C. D.\n"])


@st.composite
def pages(draw):
    blocks = draw(st.lists(block, min_size=1, max_size=12))
    sep = draw(st.sampled_from(["\n\n", "\n", "\n\n\n\n\n"]))
    text = draw(layout_head) + sep.join(blocks) + draw(layout_tail)
    return text if text.strip() else "x"


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(pages())
def test_any_page_converts_to_valid_tei_without_losing_words(tei_all, text):
    tei = convert_text(text, doc_id="doc-generated", run_date="2026-01-01").tei
    assert_valid_tei_all(tei_all, etree.fromstring(tei).getroottree(), "generated page")
    chrome = ["Skip to content", "Document Information", "Search in", "• Citation", "get citation",
              "• share document", "English HTML"]
    assert not lost_words(text, tei, chrome)
    assert dangling_pointers(tei) == []


def dangling_pointers(tei: bytes) -> list[str]:
    root = etree.fromstring(tei)
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in root.iter()}
    return [p for el in root.iter() for a in ("target", "ref", "resp", "change", "who")
            for p in (el.get(a) or "").split() if p[1:] not in ids]


@SETTINGS
@given(pages())
def test_conversion_is_deterministic(text):
    a = convert_text(text, doc_id="doc-generated", run_date="2026-01-01").tei
    b = convert_text(text, doc_id="doc-generated", run_date="2026-01-01").tei
    assert a == b
