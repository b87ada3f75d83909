"""Body and closing conventions of unseen pages (issue 17): decided by where a line stands and its shape.

Every text here is invented.  Sign-offs without a placeholder, distribution lists under
``Copies``, dialogue decided per document, footnote calls whose note is not on the page,
descriptions of material not shown, the original's wording in its script, labels whose
words follow the bracket, forward-pointing mark notes, blank lines, lists and logs.
"""

from __future__ import annotations

from convert_checks import BODY_PAGE as PAGE, MORE, PROSE, convert, fragment, rebuild, xp, texts
from convert_checks import body_page as page


# -- family 1: sign-offs without [signature] ----------------------------------------------

def test_a_surname_in_capitals_after_the_last_paragraph_signs():
    root = page(PROSE, MORE, "ZORIN")
    assert texts(root, "//t:closer/t:signed//t:persName") == ["ZORIN"]


def test_a_date_then_a_name_is_a_dateline_and_a_signature():
    root = page(PROSE, MORE, "24.III.50 Shtykov")
    closer = xp(root, "//t:closer")[0]
    assert [c.tag.split("}")[1] for c in closer] == ["dateline", "signed"]
    assert xp(closer, "t:dateline/t:date/@when") == ["1950-03-24"]
    assert texts(closer, "t:signed/t:persName") == ["Shtykov"]


def test_a_date_then_words_in_a_paragraph_is_no_signature():
    root = page(PROSE, "24.III.50 The delegation arrived in the capital and went to the hotel.")
    assert xp(root, "//t:closer") == []


def test_an_enclosed_name_over_an_office_is_a_signature_with_a_role():
    root = page(PROSE, MORE, "(A. B. Walker)\nfor Under Secretary")
    signed = xp(root, "//t:closer/t:signed")[0]
    assert texts(signed, ".//t:persName") == ["A. B. Walker"]
    assert texts(signed, ".//t:roleName") == ["for Under Secretary"]


def test_a_signer_with_a_supplied_expansion_is_a_person():
    root = page(PROSE, MORE, "3 June 1953\nV[asily]. Kuznetsov\nDeputy Minister of Foreign Affairs")
    signed = xp(root, "//t:closer/t:signed")[0]
    assert [rebuild(p).strip() for p in xp(signed, "t:persName")] == ["V[asily]. Kuznetsov"]
    assert xp(signed, "t:persName/t:expan/t:ex/text()") == ["asily"]
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1953-06-03"]


def test_two_expansions_glued_in_one_name_each_keep_their_own_expan():
    """``G[heorghe Gheorghiu-]D[ej]`` (initials completed by the translator): two ``expan``, no stray ``ex``."""
    root = page(PROSE, "Present were G[heorghe Gheorghiu-]D[ej] and N[icolae] C[eauşescu] at the meeting.", MORE)
    assert xp(root, "//t:ex[not(parent::t:expan)]") == []
    assert xp(root, "//t:expan/t:ex/text()") == ["heorghe Gheorghiu-", "ej", "icolae", "eauşescu"]
    assert [e.text for e in xp(root, "//t:expan")] == ["G", "D", "N", "C"]


def test_a_place_or_an_office_alone_does_not_sign():
    root = page(PROSE, MORE, "(Deputy Minister)")
    assert xp(root, "//t:closer//t:persName") == []


# -- family 11: distribution lists under Copies ------------------------------------------

def test_copies_with_numbered_items_is_a_distribution_list_not_a_signature_or_enclosure():
    root = page(PROSE, MORE, "GROMYKO", "Copies", "1. Comrade Zorin", "2. Comrade Malik", "3. File")
    assert texts(root, "//t:closer/t:signed") == ["GROMYKO"]
    assert xp(root, "//t:list[@type='distribution']/t:item/@n") == ["1", "2", "3"]
    assert xp(root, "//t:div[@type='enclosure']") == []


# -- family 2: dialogue decided per document ------------------------------------------------

def test_two_labelled_paragraphs_of_one_form_make_a_dialogue():
    root = page("Comrade Kim Il Sung said: The harvest will be good this year in every province.",
                "Comrade Puzanov said: The Soviet specialists have reported the same to Moscow.",
                "After this the ambassador left and the talk ended.")
    assert texts(root, "//t:sp/t:speaker") == ["Comrade Kim Il Sung said:", "Comrade Puzanov said:"]
    assert len(xp(root, "//t:body//t:p[not(parent::t:sp)]")) == 1  # the narrative stays a paragraph


def test_capitals_with_a_full_stop_and_laughter_between_turns():
    root = page("MIKOYAN. I am glad to welcome you in the capital today.", "VIRTANEN. Thank you for the welcome.",
                "(Laughter)", "MIKOYAN. Then let us talk about the prices.")
    assert texts(root, "//t:sp/t:speaker") == ["MIKOYAN.", "VIRTANEN.", "MIKOYAN."]
    assert texts(root, "//t:div/t:stage") == ["(Laughter)"]


def test_two_topic_labels_are_not_a_dialogue():
    root = page("Economic situation: the harvest was poor and the factories lacked coal.",
                "Foreign policy: the government seeks better relations with its neighbours.")
    assert xp(root, "//t:sp") == []


def test_a_parenthesis_without_speeches_is_no_stage_direction():
    root = page(PROSE, "(Laughter)", MORE)
    assert xp(root, "//t:stage") == []


# -- family 6: footnote calls whose note is not on the page ----------------------------------

def test_calls_without_notes_are_anchors_not_supplied_words():
    root = page("Chen Yi[1] spoke first. Comrade JELEN2 spoke after him for a year.3 This was noted by all.")
    anchors = xp(root, "//t:text//t:anchor[@type='footnote']")
    assert [(a.get("n"), a.get("rend")) for a in anchors] == [("1", "bracketed"), ("2", "glued"), ("3", "glued")]
    assert xp(root, "//t:text//t:supplied") == []
    assert "Chen Yi[1] spoke first. Comrade JELEN2 spoke" in rebuild(xp(root, "//t:text")[0])


def test_a_type_designation_or_a_numbered_reference_is_no_footnote_call():
    root = page("The MIG15 and the TU4 were shown at the parade on the square in front of the palace.",
                "The order was given in telegram no.1 The ministry answered at once.")
    assert xp(root, "//t:anchor") == []


def test_with_the_note_on_the_page_the_footnote_rule_applies():
    root = page("The communiqué[1] was issued on the same day and printed in every paper.", "GROMYKO",
                "[1] The joint communiqué of the two governments.")
    assert len(xp(root, "//t:text//t:note[@type='footnote']")) == 1
    assert xp(root, "//t:anchor") == []


# -- family 8: descriptions of material not shown; the original's wording ----------------------

def test_a_description_of_material_not_shown_is_an_omission():
    root = page(PROSE, "[three pages of notes follow]", MORE)
    assert texts(root, "//t:gap[@reason='omitted']/t:desc") == ["three pages of notes follow"]
    assert xp(root, "//t:text//t:supplied") == []


def test_a_scope_note_stays_a_scope_note():
    root = page("Attachment [not included]", PROSE)
    assert xp(root, "//t:note[@type='scope']") and xp(root, "//t:gap") == []


def test_original_script_in_brackets_is_the_originals_wording():
    root = page("The Xinhua News Agency [新华社] and the newspaper Pravda [Правда] printed the statement in full.")
    found = [(f.get("{http://www.w3.org/XML/1998/namespace}lang"), f.text)
             for f in xp(root, "//t:supplied[@reason='original-wording']/t:foreign")]
    assert found == [("zh-Hans", "新华社"), ("ru", "Правда")]


def test_a_romanisation_after_characters_is_a_gloss():
    root = page("They called it 下放 [Xiafang] in the ministry, as the campaign required of all officials.")
    assert xp(root, "//t:foreign[@xml:lang='zh-Hans']/text()") == ["下放"]
    assert xp(root, "//t:supplied/@reason") == ["gloss"]


# -- family 11: labels whose words follow, forward notes, blank lines, lists, logs ---------------

def test_a_label_only_bracket_holds_the_words_after_it():
    root = page(PROSE, "[Handwritten text:] Relay this to Comrade Petrov.")
    note = xp(root, "//t:note[@type='handwritten']")[0]
    assert texts(note, "t:label") == ["Handwritten text:"]
    assert " ".join("".join(note.itertext()).split()) == "Handwritten text: Relay this to Comrade Petrov."


def test_the_following_paragraph_is_marked_forwards():
    root = page(PROSE, "[Translator's note: the following paragraph is highlighted with two vertical lines.]", MORE)
    mm = xp(root, "//t:metamark")[0]
    target = xp(root, f"//t:p[@xml:id='{mm.get('target')[1:]}']")[0]
    assert "".join(target.itertext()) == MORE


def test_the_next_sentence_is_marked_forwards():
    root = page("He spoke of the railway. [Translator's note: the next sentence is marked with a question mark.] "
                "The railway will be finished in May. Nobody believed him.")
    assert texts(root, "//t:seg[@type='marked']") == ["The railway will be finished in May."]


def test_two_blank_lines_are_no_section_break_but_four_are():
    assert xp(page(PROSE, MORE, sep="\n\n\n"), "//t:milestone") == []
    assert xp(page(PROSE, MORE, sep="\n\n\n\n\n"), "//t:milestone")


def test_bullet_and_dash_lines_are_a_list():
    root = page(PROSE, "• the first point of the agenda\n• the second point of the agenda", MORE)
    assert texts(root, "//t:list[@type='bulleted']/t:item") == ["• the first point of the agenda",
                                                               "• the second point of the agenda"]
    assert xp(page(PROSE, "- a single dash line", MORE), "//t:list") == []


def test_a_transmission_log_is_read_as_one_log():
    root = page(PROSE, MORE, "ROSHCHIN", "Sent 10.III.50 at 14:20\nCopied by Ivanova at 17:10\nReceived 10.III.50 at 16:05")
    post = fragment(xp(root, "//t:postscript")[0])
    assert "Copied by Ivanova" in post and "Sent" in post and "Received" in post
    assert xp(root, "//t:div[@type='enclosure']") == []


def test_a_heading_shaped_line_after_the_sign_off_stays_in_the_closing_group():
    root = page(PROSE, MORE, "GROMYKO", "Copies", "1. Comrade Zorin", "2. File", "ARCHIVE OF THE MINISTRY")
    assert xp(root, "//t:div[@type='enclosure']") == []
    assert texts(root, "//t:postscript/t:p") == ["Copies", "ARCHIVE OF THE MINISTRY"]


def test_every_new_construct_is_valid_against_the_house_schema_and_tei_all(tei_all):
    from conftest import RUN_DATE, assert_valid_tei_all
    from teiedition.convert import convert_text
    from teiedition.safexml import parse_xml_bytes
    from teiedition.validating.validate import Validator

    text = PAGE.format(body="\n\n".join([
        "MIKOYAN. I am glad to welcome you.", "VIRTANEN. Thank you.", "(Laughter)", "MIKOYAN. Let us begin.",
        "Chen Yi[1] spoke, and JELEN2 after him. The Xinhua News Agency [新华社] reported it.",
        "[three pages of notes follow]", "[Handwritten text:] Relay this to Comrade Petrov.",
        "• the first point\n• the second point", PROSE, "24.III.50 Shtykov", "Copies", "1. Comrade Zorin", "2. File"]))
    tei = convert_text(text, doc_id="doc-new", run_date=RUN_DATE).tei
    report = Validator(profile="teiedition").validate_tree(parse_xml_bytes(tei, name="new.xml"), "new.xml", source=tei)
    assert report.ok, "\n".join(p.format() for p in report.problems)
    assert_valid_tei_all(tei_all, tei, "new constructs")
    root = convert(text)
    for path in ("//t:stage", "//t:anchor", "//t:foreign", "//t:list[@type='bulleted']", "//t:closer/t:dateline",
                 "//t:list[@type='distribution']", "//t:gap[@reason='omitted']"):
        assert xp(root, path), path


def test_a_name_then_a_date_signs_too():
    root = page(PROSE, MORE, "Shtykov 24.III.50")
    closer = xp(root, "//t:closer")[0]
    assert [c.tag.split("}")[1] for c in closer] == ["signed", "dateline"]
    assert texts(closer, "t:signed/t:persName") == ["Shtykov"]


def test_dashed_copies_and_a_list_after_the_signature_stay_in_the_closing_group():
    root = page(PROSE, MORE, "GROMYKO", "Copies:\n- Comrade Zorin\n- File")
    assert xp(root, "//t:list[@type='distribution']/t:item/@n") == ["1", "2"]
    root = page(PROSE, MORE, "GROMYKO", "• to the archive\n• to the file")
    assert xp(root, "//t:div[@type='enclosure']") == [] and xp(root, "//t:postscript/t:list[@type='bulleted']")


def test_a_long_parenthesis_between_turns_is_narrative():
    root = page("MIKOYAN. I am glad to welcome you.", "VIRTANEN. Thank you.",
                "(The Premier then asked about the health of the President.)", "MIKOYAN. Let us begin.")
    assert xp(root, "//t:stage") == []


def test_roman_numbered_sections_are_not_a_dialogue():
    root = page("II. The domestic situation.", PROSE, "III. The foreign relations of the country.", MORE)
    assert xp(root, "//t:sp") == []


def test_a_known_speaker_points_to_the_authority_entry():
    root = page("Comrade Kim Il Sung said: The harvest will be good this year in every province.",
                "Comrade Weber said: The specialists have reported the same.")
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#pers-kim-il-sung", None]


def test_a_dotted_date_next_to_a_log_stays_a_date():
    root = page(PROSE, MORE, "ROSHCHIN", "10.03.50", "Sent 10.03.50 at 14:20")
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1950-03-10"]


def test_a_speaker_alias_points_to_the_person_its_first_label_names():
    root = page("Premier Zhou Enlai (hereafter abbreviated Zhou): Welcome to Beijing.",
                "Ambassador Weber (hereafter abbreviated Weber): Thank you.", "Zhou: Good.", "Weber: Indeed.")
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#pers-zhou-enlai", None, "#pers-zhou-enlai", None]
