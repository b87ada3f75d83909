"""Each recogniser of the ordered tables, tested alone; every entry of the tables has an example here."""

from __future__ import annotations

import pytest

from teiedition.recognising.recognise import BLOCK_RECOGNISERS, BRACKET_RECOGNISERS, bracket_spans, classify_line

#: name -> (a line the recogniser must claim, the block kind it gives)
BLOCK_EXAMPLES = {
    "section_break": ("x x x", "milestone"),
    "footnote_text": ("[1] The joint communiqué issued in Shanghai.", "footnote"),
    "signature": ("[signature] (Yu. Fadeyev)", "signed"),
    "letter_spaced_name": ("R O S H C H I N", "signed"),
    "closing_salute": ("With socialist greetings", "salute-closing"),
    "opening_salute": ("Dear Comrade Markowski!", "salute-opening"),
    "copies_printed": ("Six copies printed – gp", "postscript"),
    "distribution_inline": ("Distribution list - 9 copies: Stalin - 2, Molotov - 1, on file - 1.", "distribution"),
    "cc_label": ("CC:", "postscript"),
    "distribution_item": ("1 – to Cde. V. V. Kuznetsov", "dist-item"),
    "copy_list_item": ("Copy Nº 3 to Cde. Petrov", "dist-item"),
    "from_line_number": ("From BEIJING No. 1309 20 hours 05", "log"),
    "transmission_log": ("Deciphered by Yermolin on 07/12/50 at 06:05", "log"),
    "small_log_line": ("sent at 0120 4 November 1945", "log"),
    "transmission_form": ("From…Moscow…dispatched on 02.13.63 at 20:40 hours…", "log"),
    "typist_initials": ("ak/LS", "postscript"),
    "attachment": ("ATTACHMENT: draft of the instructions, on 3 pages.", "attachment"),
    "stamp_line": ("Stamp: CPSU CC General Department 12345 9 May 1962", "aside"),
    "record_header": ("Time: 11 October 1963, 3:30 p.m. to 6 p.m.", "record"),
    "classification_or_copy": ("Copy No.7", "mark"),
    "header_marks": ("SECRET   Not to be copied   MOST IMMEDIATE", "mark"),
    "completed_mark": ("CONFI[DENTIAL]", "mark"),
    "handwritten_marks": ("Copy Nº [handwritten: 2]", "mark"),
    "labelled_marks": ("Precedence: Especially Urgent", "mark"),
    "outgoing_number": ("Nº 402 - 24 November 1959", "dateline"),
    "number_then_date": ("No. 56 228 3 June 1969, Beijing", "dateline"),
    "incoming_number": ("Incoming Nº 3523/sh", "mark"),
    "labelled_number": ("Issue No. 284", "dateline"),
    "reference_number": ("re: no. 292", "mark"),
    "qualified_dateline": ("Evening 5 November 1962", "dateline"),
    "quoted_day_dateline": ("“5” November 1962", "dateline"),
    "dateline": ("Pyongyang, 14 February 1968", "dateline"),
    "bracketed_dateline": ("Bucharest [30 June 1963]", "dateline"),
    "byline_intro": ("from the journal of", "byline-intro"),
    "bracket_only": ("[letterhead with eagle]", "aside"),
    "heading": ("RECORD OF A CONVERSATION", "head"),
    "short_line": ("Foreign Ministry File", "line"),
}

#: name -> (block text, bracket content, node kind, attribute that must be set)
BRACKET_EXAMPLES = {
    "doubtful_double": ("He said [[N. P. Varnov?]] came.", "unclear", ("reason", "doubtful")),
    "double_open": ("Fond [[too faded to read] and opis", "gap", ("reason", "illegible")),
    "signature": ("[signature] (P. Yakovlev)", "gap", ("reason", "signature")),
    "footnote_marker": ("the communiqué[1] was issued", "fnref", ("n", "1")),
    "footnote_anchor": ("Chen Yi[2] said nothing", "anchor", ("rend", "bracketed")),
    "stamp": ("[faded stamp: USSR Council of Ministers 18734, 2 OCTOBER 1970]", "note", ("type", "stamp")),
    "stamp_described": ("[There is a stamp in the lower margin.]", "note", ("type", "stamp")),
    "translator_note": ("so. [Translator’s Note: a remark.]", "note", ("type", "translator")),
    "editor_note": ("so [a remark --ed.]", "note", ("type", "editorial")),
    "sic_remark": ("the ban on weapons [sic; tests] was signed", "note", ("type", "editorial")),
    "handwritten": ("[Handwritten at the bottom of the first page: “yes”]", "note", ("place", "bottom")),
    "sic": ("by 1118 [sic] percent", "sic", None),
    "obfuscated_email": ("at [email protected] now", "gap", ("reason", "obfuscated")),
    "redacted": ("the agent [NAME REDACTED] came", "gap", ("reason", "redacted")),
    "illegible": ("with them. [two names illegible]", "gap", ("reason", "illegible")),
    "omission": ("the province. [. . .]", "gap", ("reason", "omitted")),
    "material_described": ("[three pages of notes follow]", "gap", ("reason", "omitted")),
    "doubtful_single": ("signed [N. Fedorenko?] on", "unclear", ("reason", "doubtful")),
    "scope_note": ("Attachment [not included]", "note", ("type", "scope")),
    "narration": ("[Petrov then left the room with the adviser].", "gap", ("reason", "omitted")),
    "speaker_label": ("[Kim Il Sung:] We agree.", "supplied", ("reason", "speaker-label")),
    "expansion": ("To Com[rade] Filippov", "expan", None),
    "original_script": ("the Xinhua News Agency [新华社] said", "supplied", ("reason", "original-wording")),
    "original_wording": ("they will [pristupit k obiednineniiu] soon", "supplied", ("reason", "original-wording")),
    "untranslated_wording": ("the talks reached a dead end [tupik] today", "supplied", ("reason", "original-wording")),
    "gloss": ("to Dalny [Dalian] by sea", "supplied", ("reason", "gloss")),
    "supplied": ("the defense of our interests [is]", "supplied", ("reason", "added-in-translation")),
}


def test_every_block_recogniser_has_an_example():
    assert [r.name for r in BLOCK_RECOGNISERS] == list(BLOCK_EXAMPLES)


def test_every_bracket_recogniser_has_an_example():
    assert [name for name, _ in BRACKET_RECOGNISERS] == list(BRACKET_EXAMPLES)


@pytest.mark.parametrize("name", list(BLOCK_EXAMPLES))
def test_block_recogniser(name):
    line, kind = BLOCK_EXAMPLES[name]
    found_kind, _attrs, _spans, found_name = classify_line(line)
    assert (found_name, found_kind) == (name, kind)


@pytest.mark.parametrize("name", list(BRACKET_EXAMPLES))
def test_bracket_recogniser(name):
    text, kind, attr = BRACKET_EXAMPLES[name]
    spans = bracket_spans(text, {"1"})
    first = min(spans, key=lambda s: (s.start, s.rank))
    assert first.kind == kind
    if attr:
        assert first.get(attr[0]) == attr[1]


def test_distribution_consent_is_a_handling_mark():
    kind, _attrs, spans, _name = classify_line("Distributed with the consent of the Head of the Department")
    assert kind == "mark" and spans[0].get("type") == "classification"


def test_plain_paragraph_is_the_fallback():
    assert classify_line("The Ambassador said that the talks had gone well, and he was glad.")[3] == "paragraph"


def test_supplied_words_after_a_sentence_end_are_not_glosses():
    spans = bracket_spans("the meetings. [I] had the impression")
    assert spans[0].get("reason") == "added-in-translation"


def test_stamp_number_skips_the_date():
    spans = bracket_spans("[CPSU CC stamp: 14236, 27 MAY 1968, Vietnam]")
    assert [s.get("type") for s in spans if s.kind == "idno"] == ["registration"]
    idno = next(s for s in spans if s.kind == "idno")
    assert "[CPSU CC stamp: 14236, 27 MAY 1968, Vietnam]"[idno.start:idno.end] == "14236"

