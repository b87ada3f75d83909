"""Structural leftovers of the tune pools' pages (issue 17, struct7), read by where a line stands and its
shape.  Every text here is invented.

A record label (``Present:``, ``Invited:``, ``Speaker:``) over a list of names labels a list, it is no
speaker's turn; a numbered section title keeps its title apart from the participants printed after it;
an outline's levels nest; a list of attachments is a list, not an enclosure; footnote calls in odd
shapes are calls; a letter-spaced surname is one name.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, body_page, rebuild, texts, xp

TURN_A = "Okafor: The harvest this year was poor in the northern districts, and we must send help there."
TURN_B = "Petrov: I agree with the comrade, but the trains are not ready and the roads are closed."
TURN_C = "Okafor: Then we must use the river boats before the ice comes to the northern rivers."


# -- 1. record labels over names are labels of a list, not speeches ------------------------------


@pytest.mark.parametrize("label", ["Speaker", "Invited", "Present", "Participants", "Absent", "Chairman"])
def test_a_record_label_over_names_is_a_labelled_list_not_a_speech(label):
    line = f"{label}: Comrades Lindqvist, Moreau and Tanaka"
    root = body_page("MINUTES No. 12", "of the meeting of the Presidium", line, TURN_A, TURN_B, TURN_C)
    assert f"{label}:" not in texts(root, "//t:sp/t:speaker")
    assert texts(root, "//t:list[@type='record-header']/t:label") == [f"{label}:"]
    assert texts(root, "//t:list[@type='record-header']/t:item") == ["Comrades Lindqvist, Moreau and Tanaka"]
    assert texts(root, "//t:sp/t:speaker") == ["Okafor:", "Petrov:", "Okafor:"]


def test_two_record_labels_between_paragraphs_make_no_dialogue():
    root = body_page(PROSE, "Speaker: Comrade Okafor", "Invited: Comrades Petrov, Halvorsen and Moreau", MORE)
    assert xp(root, "//t:sp") == []
    assert texts(root, "//t:list[@type='record-header']/t:label") == ["Speaker:", "Invited:"]
    assert texts(root, "//t:list[@type='record-header']/t:item") == ["Comrade Okafor", "Comrades Petrov, Halvorsen and Moreau"]


def test_a_role_label_over_running_text_is_still_a_speaker():
    chair = "Chairman: The meeting is open. We shall hear the report of the committee on the harvest first."
    root = body_page(PROSE, chair, TURN_A, TURN_B)
    assert texts(root, "//t:sp/t:speaker") == ["Chairman:", "Okafor:", "Petrov:"]
    assert xp(root, "//t:list[@type='record-header']") == []


# -- 2. a numbered section title with those present printed after it --------------------------------


@pytest.mark.parametrize("number", ["1.", "II.", "B."])
def test_a_numbered_title_and_the_participants_after_it_are_a_heading_and_a_labelled_list(number):
    first = f"{number} Conversation with Ambassador Lindqvist. Present: Comrades Okafor, Moreau and Tanaka."
    second = "2. Conversation with the Minister of Trade. Participants: Comrade Petrov."
    root = body_page(PROSE, first, MORE, second, PROSE)
    assert texts(root, "//t:body//t:ab[@type='heading']") == [f"{number} Conversation with Ambassador Lindqvist.",
                                                              "2. Conversation with the Minister of Trade."]
    assert texts(root, "//t:list[@type='record-header']/t:label") == ["Present:", "Participants:"]
    assert texts(root, "//t:list[@type='record-header']/t:item") == ["Comrades Okafor, Moreau and Tanaka.",
                                                                     "Comrade Petrov."]


def test_a_numbered_paragraph_whose_second_sentence_is_no_list_of_names_stays_a_paragraph():
    line = "1. Conversation with Ambassador Lindqvist. Present were the ministers of trade and of transport."
    root = body_page(PROSE, line, MORE)
    assert line in texts(root, "//t:body//t:p")
    assert xp(root, "//t:list[@type='record-header']") == []


# -- 4. a list of attachments after the sign-off is a list, not an enclosure ------------------------


@pytest.mark.parametrize("label", ["Attachments:", "Enclosures:", "ATTACHMENTS:", "Attachment:"])
@pytest.mark.parametrize("style", ["{n}. ", "{n}) "])
def test_numbered_lines_under_an_attachments_label_are_a_list_of_the_letter(label, style):
    items = ["Draft agreement on trade, 4 pages.", "List of the delegation.", "Note of the Ministry of Trade."]
    lines = [style.format(n=n) + item for n, item in enumerate(items, 1)]
    root = body_page(PROSE, MORE, "Ambassador", "K. Lindqvist", label, *lines)
    assert xp(root, "//t:div[@type='enclosure']") == []
    assert xp(root, "//t:body//t:ab[@type='heading']") == []
    assert texts(root, "//t:postscript/t:p") == [label]
    assert texts(root, "//t:postscript/t:list[@type='attachments']/t:item") == lines
    assert texts(root, "//t:closer//t:persName") == ["K. Lindqvist"]


def test_an_attachment_heading_over_its_text_still_opens_an_enclosure():
    root = body_page(PROSE, MORE, "Ambassador", "K. Lindqvist", "Attachment 1", "DRAFT AGREEMENT ON TRADE",
                     "The two governments agree to exchange grain for machines in the coming year at fixed prices.")
    assert len(xp(root, "//t:div[@type='enclosure']")) == 1
    assert xp(root, "//t:list[@type='attachments']") == []


# -- 3. an outline's levels nest: 1. / a) / - ------------------------------------------------------


OUTLINE = ["1. Agriculture:", "a) the harvest in the northern districts;", "- seed for the spring sowing;",
           "- tractors from the factory;", "b) the grain reserve.", "2. Industry:", "a) the steel works;",
           "b) the coal mines."]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_an_outline_of_numbers_letters_and_dashes_is_nested_lists(sep):
    root = body_page("The plan of the committee for the coming year in its main points:", sep.join(OUTLINE), MORE)
    top = xp(root, "//t:body//t:list[not(ancestor::t:list)]")
    assert len(top) == 1
    assert [" ".join((i.text or "").split()) for i in xp(top[0], "t:item")] == ["1. Agriculture:", "2. Industry:"]
    assert [" ".join((i.text or "").split()) for i in xp(top[0], "t:item[1]/t:list/t:item")] == [
        "a) the harvest in the northern districts;", "b) the grain reserve."]
    assert texts(top[0], "t:item[1]/t:list/t:item[1]/t:list/t:item") == ["- seed for the spring sowing;",
                                                                         "- tractors from the factory;"]
    assert texts(top[0], "t:item[2]/t:list/t:item") == ["a) the steel works;", "b) the coal mines."]
    assert xp(root, "//t:body//t:ab[@type='heading' or @type='line']") == []
    assert all(line in rebuild(root) for line in OUTLINE)


def test_numbered_paragraphs_with_lettered_sentences_stay_paragraphs():
    lines = ["1. The ambassador called on us today. He asked for the minutes of the talks and for the names.",
             "a) The minister agreed to the visit. It will take place in the spring of next year.",
             "2. The delegation left on Monday. It will come back before the end of the month."]
    root = body_page(PROSE, *lines, MORE)
    assert xp(root, "//t:body//t:list//t:list") == []
    assert lines[0] in texts(root, "//t:body//t:p")


# -- 5. footnote calls in odd shapes, their notes on the page -----------------------------------------

NOTES = ["[1] Karl Lindqvist, the trade minister of the invented republic.", "[2] The visit took place in May."]
SIGN_OFF = ["Ambassador", "K. Moreau"]


def _notes_placed(root) -> list[tuple[str, str]]:
    return [(n.get("n"), " ".join("".join(n.itertext()).split())) for n in xp(root, "//t:body//t:note[@type='footnote']")]


def test_a_call_alone_on_the_line_under_its_sentence_belongs_to_that_paragraph():
    root = body_page(PROSE, "The talks went well.[1] The minister agreed to the visit in the spring\n[2]", MORE,
                     *SIGN_OFF, *NOTES)
    assert _notes_placed(root) == [("1", NOTES[0][4:]), ("2", NOTES[1][4:])]
    paragraph = xp(root, "//t:body//t:p[t:note[@n='2']]")
    assert len(paragraph) == 1 and "The minister agreed" in "".join(paragraph[0].itertext())
    assert xp(root, "//t:postscript//t:supplied") == []


@pytest.mark.parametrize("called", ["the talks with Lindqvist1 went well", "the talks with LINDQVIST1 went well"])
def test_digits_glued_to_a_surname_call_the_note_of_that_number(called):
    root = body_page(PROSE, f"As agreed, {called} and the delegation will travel.[2]", MORE, *SIGN_OFF, *NOTES)
    assert _notes_placed(root) == [("1", NOTES[0][4:]), ("2", NOTES[1][4:])]
    assert xp(root, "//t:body//t:note[@n='1']/@rend") == ["glued"]
    assert xp(root, "//t:postscript//t:supplied") == []
    assert called.split()[3] in rebuild(root)


def test_a_letter_l_in_brackets_calls_note_one():
    root = body_page(PROSE, "The talks went well.[l] The delegation will travel.[2]", MORE, *SIGN_OFF, *NOTES)
    assert _notes_placed(root) == [("1", NOTES[0][4:]), ("2", NOTES[1][4:])]
    assert xp(root, "//t:body//t:note[@n='1']/@rend") == ["letter"]
    assert xp(root, "//t:body//t:supplied") == []
    assert "well.[l]" in rebuild(root)


def test_a_glued_digit_is_no_call_when_the_note_has_its_own_bracketed_call():
    root = body_page(PROSE, "The MIG15 and Lindqvist1 were discussed.[1] The delegation will travel.[2]", MORE,
                     *SIGN_OFF, *NOTES)
    assert _notes_placed(root) == [("1", NOTES[0][4:]), ("2", NOTES[1][4:])]
    assert xp(root, "//t:body//t:note/@rend") == []
    assert "MIG15 and Lindqvist1 were" in rebuild(root)


# -- 6. a letter-spaced surname is one name, never a name inside a name -------------------------------


@pytest.mark.parametrize("name", ["Iosif Vissarionovich S t a l i n", "J. V. S t a l i n", "J. V. S T A L I N"])
def test_a_letter_spaced_surname_after_an_honorific_is_one_person_with_its_ref(name):
    root = body_page("To the Chairman of the Council of Ministers", f"Comrade {name}", PROSE, MORE)
    assert xp(root, "//t:persName//t:persName") == []
    assert texts(root, "//t:opener//t:persName") == [name]
    assert xp(root, "//t:opener//t:persName/@ref") == ["#pers-stalin"]


def test_a_name_holding_two_known_persons_keeps_each_its_own_ref():
    root = body_page("To the Chairman of the Council of Ministers", "Comrade Beria Molotov", PROSE, MORE)
    assert sorted(xp(root, "//t:opener//t:persName//@ref")) == ["#pers-beria", "#pers-molotov"]


def test_an_outline_whose_numbering_goes_on_in_paragraphs_of_prose_stays_numbered_paragraphs():
    lines = ["1) The ministry wishes to buy helicopters and asks for:", "a) technical details;", "b) delivery dates;",
             "2) They also wish to buy training aircraft."]
    third = "3) He added that they cannot buy such machines elsewhere. They have no currency for it at all."
    root = body_page(PROSE, *lines, "We propose to offer the older type.", third, MORE)
    assert xp(root, "//t:body//t:list//t:list") == []
    assert third in texts(root, "//t:body//t:p")


def test_a_byline_name_stops_before_the_date_printed_after_it():
    root = body_page("from the diary of", "K. Lindqvist 4 October 1949", PROSE, MORE)
    assert texts(root, "//t:byline/t:persName") == ["K. Lindqvist"]
    assert xp(root, "//t:byline/t:date/@when") == ["1949-10-04"]


def test_a_call_alone_on_its_line_without_its_note_is_an_anchor_in_the_paragraph_above():
    root = body_page("The talks went well.[1] The delegation left early.", "The minister agreed to the visit in spring\n[2]",
                     MORE)
    assert xp(root, "//t:body//t:anchor[@type='footnote']/@n") == ["1", "2"]
    assert len(xp(root, "//t:body//t:p[contains(., 'The minister agreed')]/t:anchor[@n='2']")) == 1
    assert xp(root, "//t:body//t:supplied") == []


def test_lone_numbers_over_their_notes_after_the_text_stay_where_they_are():
    root = body_page("The talks went well.[1] The delegation left early.[2]", MORE, *SIGN_OFF,
                     "[1]\nKarl Lindqvist, the trade minister of the invented republic.",
                     "[2]\nThe visit took place in the month of May.")
    assert xp(root, "//t:body//t:p[contains(., 'invented republic')]/*") == []  # no call joined to note 1's text
