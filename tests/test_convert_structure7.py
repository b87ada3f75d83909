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
