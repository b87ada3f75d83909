"""Sentence splitting as marginal-mark notes count sentences."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import dev_documents, seed_documents
from teiedition.recognising.segment import ABBREVIATIONS, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def assert_sentences(text: str, *expected: str) -> None:
    assert sentences(text) == list(expected)


def assert_one_sentence(text: str) -> None:
    assert_sentences(text, text.strip())


# ---------------------------------------------------------------- where it does not break

@pytest.mark.parametrize(
    "text",
    [
        "The letter was handed to L. I. Brezhnev on the same day.",
        "Cde. V. V. Kuznetsov received the Ambassador.",
        "4 - Cde. Yu. V. Andropov and Zh. Ivanov signed it.",
        "In a conversation with CPSU CC Secretary B. N. Ponomarev he declared this.",
        "He spoke with Mr. Smith, Dr. Jones and Gen. Lee at St. Petersburg.",
        "See Nº 340 and No. 1193/sh, pp. 12-19 and p. 5 of the report.",
        "The U.S. Government and the U.S.S.R. disagreed.",
        "Deliveries rose to 1.3 million tons, or 2.5 percent.",
        "They discussed coal, oil, etc. and decided nothing.",
        "The meeting lasted from 11:00 a.m. to 12:30 p.m. on that day.",
        "Col. Petrov and Lt. Ivanov arrived on Jan. 5 with Cdes. Kim and Pak.",
        "He said “this is right.” and then left.",
        "The meeting was called “a step forward!” by the press.",
        "[…] Between 18 and 23 May I visited North Hamgyong Province.",
        "[The] Korean comrades agreed.",
    ],
)
def test_no_break_at_initials_abbreviations_and_numbers(text):
    assert_one_sentence(text)


def test_ellipsis_glued_to_the_next_word_does_not_break():
    assert_one_sentence("It is a feature of great-power chauvinism and factionalism…We do not want to stand on that side.")


def test_no_break_inside_square_brackets():
    text = "The report was read [Translator’s note: the previous paragraph was highlighted. A second line. ] by all."
    assert_one_sentence(text)


def test_no_break_inside_parentheses():
    assert_one_sentence("He said (see the report. It is long.) that nothing changed.")


# ---------------------------------------------------------------- where it breaks

def test_breaks_after_full_stop_question_and_exclamation_marks():
    assert_sentences("Will they come? They will! We agreed.", "Will they come?", "They will!", "We agreed.")


def test_sentence_ending_inside_a_quotation_closes_after_the_quote_and_the_stop():
    assert_sentences(
        "They described it as “guidance for action”. The talks ended.",
        "They described it as “guidance for action”.",
        "The talks ended.",
    )


def test_full_stop_inside_the_quotation_closes_after_the_closing_quote():
    assert_sentences(
        "He said it had “awakened the hidden strength of the working class.” According to him, it worked.",
        "He said it had “awakened the hidden strength of the working class.”",
        "According to him, it worked.",
    )


def test_closing_bracket_after_the_stop_belongs_to_the_sentence():
    assert_sentences("(They left early.) Then we met.", "(They left early.)", "Then we met.")


def test_abbreviations_that_can_end_a_sentence_break_before_a_capital():
    assert_sentences("We met at 6 p.m. The talks began.", "We met at 6 p.m.", "The talks began.")


def test_number_sign_abbreviation_ends_a_sentence_when_no_number_follows():
    assert_sentences("He said no. Then he left.", "He said no.", "Then he left.")


def test_quoted_passage_of_two_sentences_counts_as_two():
    assert_sentences(
        "“Just because some Party has ties. To regard others suspiciously is chauvinism” (from the report).",
        "“Just because some Party has ties.",
        "To regard others suspiciously is chauvinism” (from the report).",
    )


def test_parenthetical_source_after_a_quotation_joins_the_sentence():
    assert_sentences(
        "“The principle of self-sufficiency is the key”. (TsTAK bulletin, 31 March 1969). Then more.",
        "“The principle of self-sufficiency is the key”. (TsTAK bulletin, 31 March 1969).",
        "Then more.",
    )


def test_ellipsis_before_a_capital_breaks():
    assert_sentences("He hesitated... Then he agreed.", "He hesitated...", "Then he agreed.")


# ---------------------------------------------------------------- notes and list labels

def test_note_after_a_sentence_is_its_own_span():
    assert_sentences(
        "The KWP refused. [Translator’s note: the previous sentence was highlighted in the left margin]. It stayed away.",
        "The KWP refused.",
        "[Translator’s note: the previous sentence was highlighted in the left margin].",
        "It stayed away.",
    )


def test_note_before_the_full_stop_stays_inside_the_sentence():
    text = "China is not an ally of the DPRK [Translator’s note: the previous sentence was highlighted]."
    assert_one_sentence(text)


def test_note_opening_a_sentence_is_split_from_it():
    assert_sentences(
        "[Translator’s note: a stamp follows] The Embassy reports.",
        "[Translator’s note: a stamp follows]",
        "The Embassy reports.",
    )


@pytest.mark.parametrize("label", ["3.", "IV.", "a)", "12."])
def test_list_label_at_paragraph_start_is_merged_with_its_sentence(label):
    assert_sentences(f"{label} In connection with your telegram Zhou Enlai said yes. He left.",
                     f"{label} In connection with your telegram Zhou Enlai said yes.", "He left.")


def test_list_label_inside_a_paragraph_is_merged_with_the_next_sentence():
    assert_sentences("First point done. 2. The second point.", "First point done.", "2. The second point.")


def test_unclosed_bracket_does_not_swallow_the_paragraph():
    assert_sentences("[CPSU CC stamp: 19373 Seen. Then another.", "[CPSU CC stamp: 19373 Seen.", "Then another.")


# ---------------------------------------------------------------- whitespace and edges

def test_spans_exclude_surrounding_whitespace_and_cross_line_breaks():
    text = "  The delegation\narrived.\u00a0\n The talks\u00a0began.  "
    assert split_sentences(text) == [(2, 25), (28, 44)]


@pytest.mark.parametrize("text", ["", "   ", "\n\u00a0\n"])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_text_without_final_punctuation_is_one_sentence():
    assert_one_sentence("Six copies printed – gp")


def test_abbreviations_are_exposed_as_data():
    assert {"Cde", "No", "Nº", "Mr", "etc", "U.S", "a.m", "Dec"} <= ABBREVIATIONS


# ---------------------------------------------------------------- the seed and the corpus

def _seed_paragraph(starts: str) -> str:
    text = seed_documents()[0].read_text(encoding="utf-8")
    return next(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip().startswith(starts))


def test_seed_paragraph_with_initials_and_a_trailing_note():
    para = _seed_paragraph("In a conversation with CPSU CC Secretary B. N. Ponomarev")
    assert len(sentences(para)) == 2


def test_seed_paragraph_with_quotation_and_bracketed_gloss():
    para = _seed_paragraph("Kim Il Sung expressed himself quite definitely")
    found = sentences(para)
    assert found[1].endswith("(this means the KWP, the PTV [Worker’s Party of Vietnam], and the CP of Cuba).")
    assert found[2].startswith("[Translator’s note:")


def test_seed_paragraph_with_supplied_opening_quote():
    para = _seed_paragraph("The KWP criticized the Chinese position")
    assert [s[:12] for s in sentences(para)] == ["The KWP crit", "“It is neces", "[“]The socia", "These are th"]


_COUNT = {"sentence": 1, "two sentences": 2, "three sentences": 3}


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sentence_targets():
    """(paragraph text before the note, note wording, mark) for sentence-based marks."""
    for path in dev_documents():
        facts = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
        splitter = r"\n" if facts["layout"] == "B" else r"\n\s*\n"
        paragraphs = [_normalise(p) for p in re.split(splitter, path.read_text(encoding="utf-8"))]
        for number, note in enumerate(facts["translator_notes"], start=1):
            wording = note["text_starts"].lower()
            if not re.search(r"previous (sentence|two|three)|end of the paragraph|portion describing|half", wording):
                continue
            paragraph = next(p for p in paragraphs if note["text_starts"] in p)
            before = paragraph[: paragraph.rindex("[", 0, paragraph.index(note["text_starts"]))].rstrip()
            for mark in note["marks"]:
                yield pytest.param(before, wording, mark, id=f"{path.stem}-note{number}")


@pytest.mark.parametrize("before, wording, mark", list(_sentence_targets()))
def test_sentence_counts_of_corpus_notes_hit_their_targets(before, wording, mark):
    spans = [before[s:e] for s, e in split_sentences(before)]
    counted = [s for s in spans if not s.startswith("[")]  # earlier notes are not sentences
    m = re.search(r"previous (sentence|two sentences|three sentences)", wording)
    if m:
        target = " ".join(counted[-_COUNT[m.group(1)] :])
    elif "half" in wording:
        half = len(counted) // 2
        target = " ".join(counted[:half] if "first" in wording else counted[half:])
    else:
        target = counted[-1]
    assert target.startswith(mark["target_starts"]) and target.endswith(mark["target_ends"])


# ---------------------------------------------------------------- properties

_prose = st.lists(
    st.sampled_from(list("Ab c.?!…“”\"'()[]  \n\u00a0:;,1Nº") + ["Cde.", "L. I.", " 3. ", "U.S.", "...", " The"]),
    max_size=40,
).map("".join)


@given(_prose)
def test_spans_are_ordered_disjoint_stripped_and_cover_every_visible_character(text):
    spans = split_sentences(text)
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        covered.update(range(start, end))
        previous_end = end
    visible = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert visible <= covered


@given(st.text(max_size=120))
def test_any_text_splits_into_stripped_ordered_spans(text):
    spans = split_sentences(text)
    assert spans == sorted(spans)
    assert all(text[s:e].strip() == text[s:e] != "" for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = {i for s, e in spans for i in range(s, e)}
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered
