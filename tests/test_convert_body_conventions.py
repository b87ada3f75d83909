"""The body conventions of real archive pages (issue 10): each one alone, with the look-alikes it must leave.

Every text here is invented.  Speeches, doubled brackets, signature blocks without a
placeholder, routing lists, notes blocks, resolutions signed above the text, transliterated
original wording, wrapped lines and the full stop after a note.
"""

from __future__ import annotations

import pytest

from convert_checks import BODY_PAGE as TEI_PAGE, assert_converts, body_xml, convert, facts_of, rebuild, xp
from teiedition.recognising.brackets import bracket_spans
from teiedition.recognising.wording import looks_transliterated



def page(*paragraphs: str):
    return convert(TEI_PAGE.format(body="\n\n".join(paragraphs)))


def speakers(root) -> list[str]:
    return [" ".join("".join(s.itertext()).split()) for s in xp(root, "//t:sp/t:speaker")]


# -- item 2: speaker-labelled dialogue -------------------------------------------------

def test_colon_dialogue_with_hereafter_aliases_becomes_speeches():
    root = page("Premier Zhou Enlai (hereafter abbreviated Zhou): Welcome to Beijing.",
                "Ambassador Pak Chang-ok (hereafter abbreviated Pak): Thank you for receiving us.",
                "Zhou: Good.",
                "Pak: We have brought the list of the machines the cooperatives need most urgently.")
    assert speakers(root) == ["Premier Zhou Enlai (hereafter abbreviated Zhou):",
                              "Ambassador Pak Chang-ok (hereafter abbreviated Pak):", "Zhou:", "Pak:"]
    sp = xp(root, "//t:sp")[2]
    assert [c.tag.split("}")[1] for c in sp] == ["speaker", "p"]
    assert "".join(sp[1].itertext()) == "Good."
    assert sp[1].get("{http://www.w3.org/XML/1998/namespace}id")  # the words keep their paragraph id


def test_full_stop_and_dash_forms_need_two_speakers_who_speak_twice():
    stop = page("STALIN. How many tractors do you need?", "MAO ZEDONG. About two thousand.",
                "STALIN. That is a large number.", "MAO ZEDONG. We know it.")
    assert speakers(stop) == ["STALIN.", "MAO ZEDONG.", "STALIN.", "MAO ZEDONG."]
    dash = page("Comrade Horváth – We thank you for the invitation.", "Comrade Kim – You are welcome.",
                "Comrade Horváth – When will the talks begin?", "Comrade Kim – Tomorrow morning.")
    assert speakers(dash)[1] == "Comrade Kim –"


def test_one_labelled_line_or_topic_labels_are_not_a_dialogue():
    root = page("Zhou: We will consider it.", "The delegation left on the next day by train to Dandong.")
    assert xp(root, "//t:sp") == []
    topics = page("Note: the figures are provisional and were given orally.",
                  "Note: the ambassador promised to send the full table later.",
                  "Subject: deliveries of rolled steel in the second quarter of the year.")
    assert xp(topics, "//t:sp") == []
    prose = page("Thus. The first point was settled.", "Moscow. The talks went on.",
                 "Thus. The second point was settled too.", "Moscow. They ended at noon.")
    assert xp(prose, "//t:sp") == []


def test_initials_are_not_a_speaker_label():
    root = page("N. S. Khrushchev said that the Soviet side agreed.", "N. S. Khrushchev then left the room.",
                "A. A. Gromyko stayed to discuss the details with the ambassador.")
    assert xp(root, "//t:sp") == []


# -- item 3: doubled and unbalanced brackets ----------------------------------------------

@pytest.mark.parametrize("text, reason, desc", [
    ("Fond [[too faded to read] and opis 3", "illegible", "too faded to read"),
    ("the list has [[two names illegible]] after him", "illegible", "two names illegible"),
    ("the rest [.…] concerns the cold store", "omitted", ".…"),
    ("the text [[…]] ends here", "omitted", "…"),
])
def test_doubled_or_unbalanced_brackets_are_gaps(text, reason, desc):
    root = assert_converts(text + ".")
    gaps = xp(root, "//t:text//t:gap")
    assert [(g.get("reason"), "".join(g.itertext())) for g in gaps] == [(reason, desc)]
    assert xp(root, "//t:text//t:supplied") == []


def test_a_number_with_a_question_mark_is_a_doubtful_reading():
    assert_converts("The catch was [26?] thousand tons.", '<unclear reason="doubtful" resp="#translator">26?</unclear>')


def test_doubled_doubtful_reading_is_still_unclear():
    assert_converts("He said [[N. P. Varnov?]] came.", '<unclear reason="doubtful" resp="#translator">N. P. Varnov?</unclear>')


# -- item 4: signature blocks without a placeholder ----------------------------------------

def test_by_order_block_has_a_person_and_a_role():
    root = page("The Ministry asks the Embassy to send the names of the delegates by the end of the month.",
                "By order of the Minister", "Kang Hui-won", "Deputy Head of the Protocol Department")
    signed = xp(root, "//t:closer/t:signed")[0]
    assert [p.text for p in xp(signed, ".//t:persName")] == ["Kang Hui-won"]
    assert [r.text for r in xp(signed, ".//t:roleName")] == ["Deputy Head of the Protocol Department"]


def test_a_title_is_never_a_signatory():
    root = page("The embassy will report on the talks in its next letter to the ministry.",
                "Deputy Minister", "I. Petrov")
    assert facts_of_root(root)["signatories"] == ["I. Petrov"]
    assert "Minister" not in [p.text for p in xp(root, "//t:closer//t:persName")]


def facts_of_root(root):
    from lxml import etree

    return facts_of(etree.tostring(root))


# -- item 8: routing lists -------------------------------------------------------------------

def test_routing_lists_are_not_signatures():
    root = page("The embassy reports on the harvest in the southern provinces of the country.",
                "Pál Fekete", "Ambassador",
                "To be seen by", "Comrade Kerekes", "Comrade Lantos B.", "Seen by", "Comrade Vidor")
    lists = xp(root, "//t:list[@type='routing']")
    assert [(xp(lst, "string(t:head)"), [i.text for i in xp(lst, "t:item")]) for lst in lists] == [
        ("To be seen by", ["Comrade Kerekes", "Comrade Lantos B."]), ("Seen by", ["Comrade Vidor"])]
    assert facts_of_root(root)["signatories"] == ["Pál Fekete"]


def test_seen_by_in_running_text_is_prose():
    root = page("Seen by the ambassador, the draft was sent back to the ministry with two corrections.")
    assert xp(root, "//t:list[@type='routing']") == []


# -- item 10: footnotes of a notes block ----------------------------------------------------

def test_notes_block_with_glued_and_parenthesised_markers():
    root = page("Khrushchev.1 said so, and the plan (2) was approved by all the members of the commission.",
                "[signature] (A. Ivanchenko)", "Translator's Notes",
                "(1) An invented note on Khrushchev.", "(2) An invented note on the plan.")
    notes = xp(root, "//t:text//t:note[@type='footnote']")
    assert [(n.get("n"), "".join(n.itertext())) for n in notes] == [
        ("1", "An invented note on Khrushchev."), ("2", "An invented note on the plan.")]
    assert xp(notes[0], "name(..)") == "p"  # placed at its marker, in the paragraph


def test_enumerations_are_not_footnote_markers():
    root = page("The commission decided: (1) to build the store; (2) to buy boats for the cooperatives.",
                "[signature] (A. Ivanchenko)", "Notes", "(1) An invented note.", "(2) Another invented note.")
    assert xp(root, "//t:text//t:p[starts-with(., 'The commission')]//t:note") == []
    assert "(1) to build the store; (2) to buy" in rebuild(xp(root, "//t:text")[0])


# -- item 11: a resolution signed above the text ----------------------------------------------

def test_signed_resolution_at_the_top_does_not_close_the_document():
    root = page("[Handwritten resolution: To Comrade Liu. Agree. [[illegible signature]] 5.III]",
                "The delegation arrived in Beijing on the morning train and was met at the station.",
                "It will stay for ten days and visit the experimental farms near Tianjin.")
    assert [d.get("type") for d in xp(root, "//t:body/t:div")] == ["document"]
    assert xp(root, "//t:opener/t:note[@type='handwritten']")
    assert xp(root, "//t:closer") == []


def test_signed_line_above_the_text_stays_in_the_opener():
    root = page("Agreed. [signature] 12 March",
                "The delegation arrived in Beijing on the morning train and was met at the station.")
    assert [d.get("type") for d in xp(root, "//t:body/t:div")] == ["document"]
    assert xp(root, "//t:opener/t:signed")


# -- item 13: transliterated original wording --------------------------------------------------

@pytest.mark.parametrize("words", ["pristupit k obiednineniiu", "sblizhenie", "druzhba", "xiafang",
                                   "bez soglasovaniia s rybakami"])
def test_transliterated_words_are_the_originals(words):
    assert looks_transliterated(words)
    root = page(f"They agreed [{words}] after a long discussion of the plan.")
    sup = xp(root, "//t:supplied[@reason='original-wording']")
    assert [("".join(s.itertext())) for s in sup] == [words]
    assert xp(sup[0], "t:foreign/@xml:lang") == ["ru-Latn"]  # the archive (AVPRF) holds Russian originals


@pytest.mark.parametrize("words", ["who is", "their", "is", "of the Korean side", "most", "ideology", "peoples"])
def test_english_additions_stay_supplied(words):
    assert not looks_transliterated(words)
    spans = bracket_spans(f"they agreed [{words}] to it")
    assert spans[0].get("reason") in ("added-in-translation", "gloss")


# -- item 14: lines wrapped mid-sentence ----------------------------------------------------------

def test_a_sentence_wrapped_over_lines_is_one_paragraph():
    root = page("The meeting of the two delegations ended late at the\nGuest House after two hours of talks and the "
                "guests were\nshown the garden.")
    ps = xp(root, "//t:body//t:p")
    assert len(ps) == 1 and " ".join("".join(ps[0].itertext()).split()) == (
        "The meeting of the two delegations ended late at the Guest House after two hours of talks and the guests "
        "were shown the garden.")


def test_short_heading_lines_are_not_wrapped_prose():
    root = page("REPORT", "of the Embassy of the Republic of Poland", "in the DPRK",
                "The embassy reports on the harvest in the southern provinces of the country.")
    heads = " / ".join(" ".join("".join(h.itertext()).split()) for h in xp(root, "//t:head"))
    assert heads.startswith("REPORT / of the Embassy of the Republic of Poland") and heads.endswith("in the DPRK")
    assert len(xp(root, "//t:body//t:p")) == 1  # the heading lines never become running text


def test_lines_that_end_a_sentence_or_a_heading_stay_apart():
    root = page("The talks ended at noon and the guests left.\nThe next morning they went to Kaesong by car.",
                "RECORD OF A CONVERSATION\nwith the Ambassador of the DPRK")
    assert len(xp(root, "//t:body//t:p")) == 2


# -- item 17: the full stop after a note ------------------------------------------------------------

def test_full_stop_after_a_note_ends_the_note():
    root = page("He agreed only to a certain degree. [Translator's note: the phrase is underlined]. Then he left.")
    note = xp(root, "//t:note[@type='translator']")[0]
    assert "".join(note.itertext()).endswith("underlined.")
    assert note.tail.startswith(" Then")
    assert "degree. [Translator's note: the phrase is underlined.] Then" in rebuild(xp(root, "//t:text")[0])


def test_a_note_inside_a_sentence_keeps_the_stop_outside():
    root = page("He agreed [Translator's note: reluctantly]. Then he left the room and the talks ended.")
    note = xp(root, "//t:note[@type='translator']")[0]
    assert note.tail.startswith(". Then")


def test_all_of_it_is_valid_tei(tei_all):
    from conftest import assert_valid_tei_all

    root = page("Premier Zhou Enlai (hereafter abbreviated Zhou): Welcome.", "Guest (hereafter abbreviated G): Thanks.",
                "Zhou: They agreed [pristupit k obiednineniiu] and the rest [.…] followed.", "G: Fond [[too faded to read].",
                "By order of the Minister", "Kang Hui-won", "Deputy Head of the Protocol Department",
                "To be seen by", "Comrade Kerekes", "Translator's Notes", "(1) A note.")
    assert_valid_tei_all(tei_all, root.getroottree(), "body conventions")
    assert "<sp>" in body_xml(root)


def test_a_notes_section_without_markers_is_not_footnotes():
    root = page("The ambassador made the following remarks on the visit of the delegation to the farms.",
                "Notes", "1. The delegation was received warmly.", "2. The farms were well prepared.",
                "The report will be continued in the next letter of the embassy to the ministry.")
    assert xp(root, "//t:note[@type='footnote']") == []
    assert xp(root, "//t:closer | //t:postscript") == []


def test_section_breaks_and_initials_never_continue_a_sentence():
    root = page("The delegation visited the factories and the schools of the province and the new", "x x x",
                "The second part of the visit was devoted to the schools of the capital.")
    assert xp(root, "//t:milestone[@rend='x x x']")


def test_an_addressee_line_is_not_a_routing_list():
    root = page("For the attention of Comrade Kerekes", "Comrade Lantos",
                "The embassy reports on the harvest in the southern provinces of the country.")
    assert xp(root, "//t:list[@type='routing']") == []


def test_footnotes_heading_with_bare_numbers():
    root = page("The minister agreed,1 and the deputy minister said nothing at all during the talks.",
                "[signature] (A. Ivanchenko)", "Footnotes", "1 An invented note on the minister.")
    notes = xp(root, "//t:text//t:note[@type='footnote']")
    assert [(n.get("n"), "".join(n.itertext())) for n in notes] == [("1", "An invented note on the minister.")]


def test_a_resolution_signed_inside_the_text_does_not_end_it():
    root = page("The delegation arrived in Beijing on the morning train and was met at the station.",
                "Agreed. [[illegible signature]]",
                "It will stay for ten days and visit the experimental farms near Tianjin.")
    assert [d.get("type") for d in xp(root, "//t:body/t:div")] == ["document"]
    assert xp(root, "//t:closer") == []


def test_superscript_markers_of_a_notes_block():
    root = page("The minister agreed¹ and the deputy minister said nothing at all during the talks.",
                "[signature] (A. Ivanchenko)", "Notes", "1. An invented note on the minister.")
    assert [n.get("n") for n in xp(root, "//t:text//t:note[@type='footnote']")] == ["1"]


def test_capitalised_transliterated_sentence_is_original_wording():
    spans = bracket_spans("He said [Pristupit k obiednineniiu] twice")
    assert spans[0].get("reason") == "original-wording"
    assert bracket_spans("to Pak [Kim Il Sung] by train")[0].get("reason") == "gloss"


def test_a_mark_in_a_speech_targets_the_words_not_the_label():
    root = page("Zhou: We agree with the plan. [Translator’s note: the previous paragraph was highlighted in the left margin.]",
                "Pak: Then we will send the engineers in March, after the roads are open again.",
                "Zhou: Good.")
    seg = xp(root, "//t:sp//t:seg[@type='marked']")
    assert seg and "".join(seg[0].itertext()) == "We agree with the plan."
    assert xp(root, "//t:sp[1]/t:speaker/text()") == ["Zhou:"]
