"""Sign-off shapes of unseen pages (issue 17, body2): placeholders, names under them, cut pages.

Every text here is invented.  A placeholder that names whose signature it is, a name printed
under a bare ``[signature]`` line, a surname the translator supplied after initials, and the
last line of a page cut short at the next speaker's label (no sign-off at all).
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, convert, rebuild, xp, texts
from convert_checks import body_page as page


def signers(root):
    """The signatories as printed (brackets rebuilt), without the text after each name."""
    return [rebuild(p)[:len(rebuild(p)) - len(p.tail or "")].strip() for p in xp(root, "//t:closer/t:signed//t:persName")]


def test_a_name_under_a_bare_placeholder_signs_before_an_enclosure():
    root = page(PROSE, MORE, "[signature]", "K. LINDQVIST", "Distributed to", "Cde. Berg",
                "Handed to the Ministry by the Consul of Finland on 2 March:", PROSE)
    assert signers(root) == ["K. LINDQVIST"]


def test_a_handwritten_signature_placeholder_then_initials_and_a_supplied_surname_signs():
    root = page(PROSE, MORE, "[handwritten signature] R. [Aaltonen]")
    assert signers(root) == ["R. [Aaltonen]"]
    assert xp(root, "//t:closer//t:gap[@reason='signature']/t:desc/text()") == ["handwritten signature"]
    assert xp(root, "//t:note[@type='handwritten']") == []


def test_an_office_then_a_placeholder_then_an_expanded_name_signs():
    root = page(PROSE, MORE, "Consul of the Republic in Turku [Signature] O[laf]. Berg")
    assert signers(root) == ["O[laf]. Berg"]


def test_a_placeholder_naming_the_signer_prints_no_signatory_name():
    root = page(PROSE, MORE, "[Varga’s signature]")
    assert xp(root, "//t:closer//t:gap[@reason='signature']")
    assert signers(root) == []
    assert texts(root, "//t:supplied") == []


DIALOGUE = """Skip to content

March 3, 1961

Record of an Invented Conversation

This document was made possible with support from Example Foundation

Lindqvist: The delegation will arrive on the fifth and stay for a week in the capital.

Okafor: We will meet them at the station and take them to the hotel by car.

Lindqvist: Then we can begin the talks on the morning of the sixth, as agreed.

Okaf
"""


def test_a_page_cut_at_the_next_speakers_label_has_no_sign_off():
    root = convert(DIALOGUE)
    assert xp(root, "//t:closer") == []
    assert "Okaf" in "".join(root.itertext())


def test_a_name_after_a_dialogue_that_is_no_speaker_still_signs():
    root = convert(DIALOGUE.replace("Okaf\n", "PETERSEN\n"))
    assert signers(root) == ["PETERSEN"]


LABEL_LINES = """Skip to content

March 3, 1961

Record of an Invented Meeting

This document was made possible with support from Example Foundation

Comrade Lindqvist:

Welcome. Please give our greetings to the comrades who could not come to the capital today.

Comrade Okafor:

Many thanks for the greetings, which I will pass on to the comrades at home next week.
"""


def test_a_label_line_over_a_speech_opening_with_one_word_and_a_stop_is_one_turn():
    root = convert(LABEL_LINES)  # "Welcome." reads like a second label form: no crash, two turns
    assert texts(root, "//t:sp/t:speaker") == ["Comrade Lindqvist:", "Comrade Okafor:"]


def test_a_date_and_a_name_between_a_telegram_and_a_reference_note_sign_the_telegram():
    root = page(PROSE, "4.2.53 HALVORSEN", "Reference: the order of 2 February was sent to the Embassy by post and "
                "received there on the fourth, as the Embassy confirmed by telegram.")
    assert signers(root) == ["HALVORSEN"]
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1953-02-04"]


def test_a_placeholder_then_a_distribution_list_before_an_enclosure_form_one_closing_group():
    root = page(PROSE, MORE, "[signature]", "K. LINDQVIST", "Distributed to", "Cdes. Berg", "Okafor", "Varga",
                "[Stamp:] Registry of the Ministry", PROSE)
    assert signers(root) == ["K. LINDQVIST"]
    assert texts(root, "//t:list[@type='distribution']/t:item") == ["Cdes. Berg", "Okafor", "Varga"]


def test_a_name_between_two_paragraphs_without_a_date_or_placeholder_stays_text():
    root = page(PROSE, "HALVORSEN", MORE)
    assert signers(root) == []


def test_the_messages_number_then_a_name_and_a_date_is_an_outgoing_number_a_signature_and_a_dateline():
    root = page(PROSE, MORE, "Nº 318 HALVORSEN, 4 February")
    closer = xp(root, "//t:closer")[0]
    assert xp(closer, ".//t:idno[@type='outgoing']/text()") == ["318"]
    assert signers(root) == ["HALVORSEN"]
    assert xp(closer, "t:dateline/t:date")


def test_a_name_in_capitals_over_a_date_line_signs_the_first_of_two_telegrams():
    root = page(PROSE, "OKAFOR.", "Feb 4, 1953.", "To Comrade BERG.", MORE)
    assert signers(root) == ["OKAFOR"]
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1953-02-04"]


def test_a_name_in_capitals_over_a_transmission_log_signs():
    root = page(PROSE, "OKAFOR", "Deciphered on 4 February 1953 at 0215. Six copies printed.", MORE)
    assert signers(root) == ["OKAFOR"]


@pytest.mark.parametrize("line", ["To the Ministry of Foreign Affairs:", "[To] The Ministry of Foreign Affairs:",
                                  "To the Trade Office and Comrade Varga:"])
def test_an_addressee_line_ending_in_a_colon_is_the_openers_salute(line):
    root = page(line, PROSE)
    assert [rebuild(s).strip() for s in xp(root, "//t:opener/t:salute")] == [line]
    assert len(xp(root, "//t:body//t:p")) == 1


def test_an_addressee_shaped_line_after_the_first_paragraph_is_no_salute():
    root = page(PROSE, "To the Ministry of Foreign Affairs:", MORE)
    assert xp(root, "//t:opener/t:salute") == []


def test_a_speakers_label_printed_without_its_colon_is_still_a_turn():
    body = ("ANNA BERG:", "The delegation will arrive on the fifth and stay for a week in the capital.",
            "OLAF VIRTANEN:", "We will meet them at the station and take them to the hotel by car.",
            "ANNA BERG", "Then we can begin the talks on the morning of the sixth, as agreed.")
    root = page(*body)
    assert texts(root, "//t:sp/t:speaker") == ["ANNA BERG:", "OLAF VIRTANEN:", "ANNA BERG"]
    assert xp(root, "//t:body//t:ab[@type='heading']") == []


def test_received_by_over_names_after_the_text_is_a_distribution_list_not_signatures():
    root = page(PROSE, MORE, "Received by:", "Comrade Berg", "Comrade Okafor", "Comrade Varga")
    assert signers(root) == []
    assert texts(root, "//t:list[@type='distribution']/t:item") == ["Comrade Berg", "Comrade Okafor", "Comrade Varga"]


def test_a_quoted_letters_sign_off_inside_a_report_signs_the_letter():
    root = page("I am reporting to you the letter of Cde. OKAFOR and the report attached to it:",
                "“I am sending you the first report about the timber trade of the northern district.",
                "OKAFOR, 25 October 1949”.",
                "“On 12 October the brigade began to fell the trees along the river and reached the mill.")
    assert signers(root) == ["OKAFOR"]


def test_a_slash_dash_slash_mark_before_a_name_signs():
    root = page(PROSE, MORE, "/–/ Lindqvist")
    assert signers(root) == ["Lindqvist"]


#: A page cut short: its summary is the last line, nothing after it (the reader does not find it).
NO_SUMMARY_PAGE = """Skip to content

March 3, 1961

An Invented Record

This document was made possible with support from Example Foundation

{body}
"""


def test_a_name_in_capitals_before_a_last_paragraph_that_describes_the_document_signs():
    body = (PROSE, MORE, "ANNA MARIA BERG",
            "An official of the consulate describes a meeting with the minister about the timber prices.")
    root = convert(NO_SUMMARY_PAGE.format(body="\n\n".join(body)))
    assert signers(root) == ["ANNA MARIA BERG"]
    assert xp(root, "//t:div[@type='enclosure']") == []
    assert texts(root, "//t:postscript/t:p") == [
        "An official of the consulate describes a meeting with the minister about the timber prices."]


def test_a_name_then_the_messages_number_signs_with_an_outgoing_number():
    root = page(PROSE, MORE, "Lindqvist 388.")
    assert signers(root) == ["Lindqvist"]
    assert xp(root, "//t:closer//t:idno[@type='outgoing']/text()") == ["388"]


def test_a_body_of_the_authority_file_alone_after_the_text_signs():
    root = page(PROSE, MORE, "CC CPSU")
    assert texts(root, "//t:closer/t:signed/t:orgName") == ["CC CPSU"]
