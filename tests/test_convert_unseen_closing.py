"""Body and closing conventions of unseen pages, second round (issue 17).

Every text here is invented.  The printed case of ``[SIC]``; one-line sign-offs
(``NAME, Title``, ``(signed) Name``); supplied identifications before a name versus
glosses after a word, redactions and the original's words.
"""

from __future__ import annotations

from convert_checks import BODY_PAGE as PAGE, MORE, PROSE, convert, rebuild, xp, texts
from convert_checks import body_page as page


# -- [SIC] keeps its printed case -----------------------------------------------------------

def test_sic_in_capitals_is_rebuilt_in_capitals():
    root = page("The delegation left on 5 Junr [SIC] and the ministry [Sic] knew it [sic] well.")
    assert [(s.text, s.get("rend")) for s in xp(root, "//t:text//t:sic")] == [
        ("Junr", "upper"), ("ministry", "capitalised"), ("it", None)]
    assert "5 Junr [SIC] and the ministry [Sic] knew it [sic] well." in rebuild(xp(root, "//t:text")[0])


def test_an_odd_spelling_of_sic_is_kept_as_written():
    root = page("The delegation left on 5 Junr [sIC] and the ministry knew it well.")
    assert xp(root, "//t:text//t:sic") == []
    assert "Junr [sIC] and" in rebuild(xp(root, "//t:text")[0])


# -- one-line sign-offs without a placeholder -------------------------------------------------

def test_a_name_a_comma_and_an_office_on_one_line_sign():
    root = page(PROSE, MORE, "P. NOVAK, Deputy Minister of Foreign Affairs")
    signed = xp(root, "//t:closer/t:signed")
    assert len(signed) == 1
    assert texts(signed[0], "t:persName") == ["P. NOVAK"]
    assert texts(signed[0], "t:roleName") == ["Deputy Minister of Foreign Affairs"]


def test_the_printed_word_signed_before_a_name_signs_and_stays_text():
    root = page(PROSE, MORE, "(signed) Karel Hruby\nMinister")
    signed = xp(root, "//t:closer/t:signed")[0]
    assert texts(signed, "t:persName") == ["Karel Hruby"] and texts(signed, "t:roleName") == ["Minister"]
    assert " ".join(rebuild(signed).split()) == "(signed) Karel Hruby Minister"


def test_signed_label_then_name_and_office():
    root = page(PROSE, MORE, "Sgd. Hruby, Ambassador")
    assert texts(root, "//t:closer/t:signed/t:persName") == ["Hruby"]
    assert texts(root, "//t:closer/t:signed/t:roleName") == ["Ambassador"]


def test_two_names_a_place_and_an_office_or_a_sentence_do_not_sign():
    for tail in ("Petrov, Ivanov", "Moscow, Ministry of Foreign Affairs", "Signed by the two delegations",
                 "Deputy Minister, Foreign Affairs"):
        root = page(PROSE, MORE, tail)
        assert xp(root, "//t:closer//t:persName") == [], tail  # (the ministry may sign as a body)


def test_a_name_and_office_inside_the_body_is_not_a_sign_off():
    root = page(PROSE, "P. NOVAK, Deputy Minister of Foreign Affairs", MORE)
    assert xp(root, "//t:closer") == []


# -- supplied identification, gloss, redaction -------------------------------------------------

def supplied(root, reason: str) -> list[str]:
    return texts(root, f"//t:text//t:supplied[@reason='{reason}']")


def test_words_before_a_name_are_supplied_words_after_a_pronoun_or_abbreviation_a_gloss():
    root = page("Then [Cuban Defense Minister] Raoul Castro and [Nikita] Khrushchev spoke, and they "
                "[the East Germans] and the CC [Central Committee] agreed with Comrade [Mehmet] Shehu.")
    assert supplied(root, "added-in-translation") == ["Cuban Defense Minister", "Nikita", "Mehmet"]
    assert supplied(root, "gloss") == ["the East Germans", "Central Committee"]


def test_a_name_completed_after_a_title_is_supplied_but_a_restated_alias_is_a_gloss():
    root = page("Premier Zhou [Enlai] met Comrade Filippov [Stalin] in Dalny [Dalian] on 31 [October] "
                "and he [Molotov] said that [Cuba] will not yield.")
    assert supplied(root, "added-in-translation") == ["Enlai", "October", "Cuba"]  # "that" a conjunction here
    assert supplied(root, "gloss") == ["Stalin", "Dalian", "Molotov"]


def test_a_possessive_or_a_sentence_opening_word_takes_an_added_word():
    root = page("Their [Chinese] commissars stayed. Since [Foreign Minister] Subandrio returned, the talks went on.")
    assert supplied(root, "added-in-translation") == ["Chinese", "Foreign Minister"]


def test_a_redacted_name_is_a_gap_not_an_addition():
    root = page("The agent [NAME REDACTED] met the consul, and [two lines redacted] the ship left the port.")
    assert xp(root, "//t:text//t:supplied") == []
    assert texts(root, "//t:gap[@reason='redacted']/t:desc") == ["NAME REDACTED", "two lines redacted"]
    assert "agent [NAME REDACTED] met" in rebuild(xp(root, "//t:text")[0])


def test_new_constructs_are_valid_against_the_house_schema_and_tei_all(tei_all):
    from conftest import RUN_DATE, assert_valid_tei_all
    from teiedition.convert import convert_text
    from teiedition.safexml import parse_xml_bytes
    from teiedition.validating.validate import Validator

    text = PAGE.format(body="\n\n".join([
        "[signature, 20 Nov. 79]",
        "The delegation left on 5 Junr [SIC] and the agent [NAME REDACTED] met [Nikita] Khrushchev.",
        PROSE, "(signed) Karel Hruby, Ambassador"]))
    tei = convert_text(text, doc_id="doc-new", run_date=RUN_DATE).tei
    report = Validator(profile="teiedition").validate_tree(parse_xml_bytes(tei, name="new.xml"), "new.xml", source=tei)
    assert report.ok, "\n".join(p.format() for p in report.problems)
    assert_valid_tei_all(tei_all, tei, "new constructs")
    root = convert(text)
    for path in ("//t:sic[@rend='upper']", "//t:gap[@reason='redacted']", "//t:closer/t:signed/t:roleName"):
        assert xp(root, path), path


# -- footnote texts whose call is not on the page ---------------------------------------------------

def test_a_footnote_text_without_its_call_is_a_footnote_where_it_stands():
    root = page(PROSE, MORE, "GROMYKO", "[1] Written in pencil.")
    notes = xp(root, "//t:text//t:note[@type='footnote']")
    assert [(n.get("n"), "".join(n.itertext())) for n in notes] == [("1", "Written in pencil.")]
    assert xp(notes[0], "ancestor::t:postscript") and xp(root, "//t:text//t:supplied") == []


def test_a_footnote_text_without_call_before_a_last_paragraph_opens_no_enclosure():
    root = page(PROSE, MORE, "[1] Written in pencil.", "A later paragraph that the page prints after its notes.")
    assert len(xp(root, "//t:text//t:note[@type='footnote']")) == 1
    assert xp(root, "//t:div[@type='enclosure']") == []


def test_bracketed_points_before_a_signature_stay_points():
    root = page(PROSE, "[1] The first point of the agreement.", "[2] The second point of the agreement.", "GROMYKO")
    assert xp(root, "//t:note[@type='footnote']") == []
    assert "[1] The first point" in rebuild(xp(root, "//t:text")[0])


# -- dialogue: labels alone on their line, two-letter initials ----------------------------------------

def test_labels_alone_on_their_line_over_the_speech_make_a_dialogue():
    root = page("Comrade Kadar:", "Dear members of the committee, we see great value in this meeting today.",
                "Cde. Emil Bondaras:", "And with exchanges of delegations and their make-up, we agree.",
                "Then the meeting ended and all went home.")
    assert texts(root, "//t:sp/t:speaker") == ["Comrade Kadar:", "Cde. Emil Bondaras:"]
    assert texts(root, "//t:sp/t:p") == ["Dear members of the committee, we see great value in this meeting today.",
                                         "And with exchanges of delegations and their make-up, we agree."]
    assert len(xp(root, "//t:body//t:p[not(parent::t:sp)]")) == 1


def test_a_speech_opening_with_one_word_and_a_full_stop_under_a_label_line_converts():
    """``Welcome.`` looks like a ``SURNAME.`` label; it is the speech under ``Comrade Kadar:`` (was a crash)."""
    root = page("Comrade Kadar:", "Welcome. Please forward our greetings to the comrades who are not present today.",
                "Cde. Emil Bondaras:", "Many thanks for the greetings and for the hospitality of the hosts.")
    assert texts(root, "//t:sp/t:speaker") == ["Comrade Kadar:", "Cde. Emil Bondaras:"]
    assert texts(root, "//t:sp/t:p")[0].startswith("Welcome. Please")


def test_topic_labels_alone_on_their_line_are_no_dialogue():
    root = page("Economic situation:", PROSE, "Foreign policy:", MORE)
    assert xp(root, "//t:sp") == []


def test_a_two_letter_initial_opens_a_dashed_label():
    root = page("Ts. Narkhuu – I wanted to meet with you to discuss relations in 1981.",
                "Vereshchagin – There are no changes to talk about in 1981.")
    assert texts(root, "//t:sp/t:speaker") == ["Ts. Narkhuu –", "Vereshchagin –"]


def test_a_labelled_time_among_turns_is_no_speech():
    root = page("Beginning: 15:00 Hours", "Comrade Kadar:", "Dear members of the committee, we see great value here.",
                "Cde. Emil Bondaras:", "And with exchanges of delegations and their make-up, we agree.")
    assert texts(root, "//t:sp/t:speaker") == ["Comrade Kadar:", "Cde. Emil Bondaras:"]


def test_an_office_then_an_initialled_name_on_one_line_signs():
    root = page(PROSE, MORE, "Sector Chief I. Kozlov", "21 May 1955")
    signed = xp(root, "//t:closer/t:signed")[0]
    assert texts(signed, "t:persName") == ["I. Kozlov"] and texts(signed, "t:roleName") == ["Sector Chief"]
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1955-05-21"]


def test_an_office_alone_does_not_sign():
    for tail in ("Chief of the General Staff", "Head of the Department of Foreign Relations"):
        assert xp(page(PROSE, MORE, tail), "//t:closer") == [], tail


def test_a_closing_dateline_with_the_year_first_keeps_its_year():
    from teiedition.recognising.dates import find_dates

    assert [d.when for _a, _b, d in find_dates("Budapest, 1972 July 1.")] == ["1972-07-01"]
    assert [d.when for _a, _b, d in find_dates("Budapest, 1972. July 1.")] == ["1972-07-01"]
    root = page(PROSE, MORE, "Budapest, 1972 July 1.")
    assert xp(root, "//t:body//t:ab[@type='dateline']/t:date/@when") == ["1972-07-01"]


# -- a body signs; a date with a supplied year ---------------------------------------------------

def test_a_ministry_over_a_date_after_the_last_paragraph_signs_as_a_body():
    root = page(PROSE, MORE, "Ministry of Foreign Affairs", "28 June [1962]")
    closer = xp(root, "//t:closer")[0]
    assert texts(closer, "t:signed/t:orgName") == ["Ministry of Foreign Affairs"]
    assert xp(closer, "t:signed//t:persName | t:signed//t:roleName") == []
    assert xp(closer, "t:dateline/t:date/@when") == ["1962-06-28"]
    assert texts(closer, "t:dateline/t:date/t:supplied") == ["1962"]
    assert "28 June [1962]" in rebuild(closer)


def test_a_ministry_named_in_the_body_or_a_sentence_does_not_sign():
    root = page(PROSE, "Ministry of Foreign Affairs", MORE)
    assert xp(root, "//t:closer") == []
    root = page(PROSE, MORE, "The Ministry of Foreign Affairs was informed on 3 May.")
    assert xp(root, "//t:closer") == []


def test_an_office_under_a_name_stays_the_signers_office():
    root = page(PROSE, MORE, "Horvath Imre", "Head of Department")
    assert texts(root, "//t:closer/t:signed/t:roleName") == ["Head of Department"]
    assert xp(root, "//t:closer//t:orgName") == []


def test_an_office_ending_in_a_bracketed_name_signs():
    root = page(PROSE, MORE, "CHIEF OF THE DEPARTMENT", "of the Latin American Countries (V. BAZYKIN)")
    signed = xp(root, "//t:closer/t:signed")
    assert len(signed) == 1 and texts(signed[0], "t:persName") == ["V. BAZYKIN"]
    assert texts(signed[0], "t:roleName") == ["CHIEF OF THE DEPARTMENT"]
    root = page(PROSE, MORE, "Counsellor of the Embassy (I. Petrov)")
    assert texts(root, "//t:closer/t:signed/t:roleName") == ["Counsellor of the Embassy"]
    assert xp(page(PROSE, MORE, "we met him (I. Petrov)"), "//t:closer") == []


# -- the review report lists a lone speaker label ------------------------------------------------------

def test_a_lone_speaker_label_is_listed_for_review_and_addressees_are_not():
    from teiedition.convert import build_document
    from teiedition.review import review_document

    text = PAGE.format(body="\n\n".join([
        "Ministry of Foreign Affairs:", PROSE,
        "Zhou: I have just spoken with the Foreign Minister regarding the details of the visit.", MORE]))
    items = review_document(build_document(text, doc_id="doc-r"), text)
    listed = [it.text for it in items if "speaker label" in it.why]
    assert listed == ["Zhou: I have just spoken with the Foreign Minister regarding the details of the visit."]
    assert xp(convert(text), "//t:sp") == []  # one labelled paragraph makes no dialogue


def test_a_name_completed_without_a_title_is_supplied_only_when_the_authority_knows_the_whole_name():
    root = page("The letter went to Kim [Il Sung], Peng [Dehuai] and to Guseong [Kusong] in the north.")
    assert supplied(root, "added-in-translation") == ["Il Sung", "Dehuai"]
    assert supplied(root, "gloss") == ["Kusong"]


def test_a_signer_with_a_supplied_given_name_signs_before_the_notes_and_text_after_them():
    root = page("He will receive Comrade Hans Kopmann[1] when the plane from the capital has arrived.", MORE,
                "[Wolfgang] Bayerlacher", "30 March",
                "[1] Translator's note: Hans Kopmann was an official of the foreign trade sector.",
                "The ambassador reports that he conveyed the offer of support to the government.")
    signed = xp(root, "//t:closer/t:signed/t:persName")
    assert [rebuild(p).strip() for p in signed] == ["[Wolfgang] Bayerlacher"]
    assert xp(root, "//t:text//t:p/t:note[@type='footnote']/@n") == ["1"]  # the note moved to its call
    assert xp(root, "//t:div[@type='enclosure']") == []  # the text after the notes opens no enclosure
    assert texts(root, "//t:postscript/t:p")[-1].startswith("The ambassador reports")


def test_a_dated_signature_a_page_end_an_editors_note_and_a_letterhead_are_no_added_words():
    root = page("[signature, 20 Nov. 79]", "The delegation left the port. [end page] The agent met the consul "
                "[Ed. note: In the photocopy the line is cut.] again.", "[CPSU CC letterhead]", PROSE)
    assert xp(root, "//t:text//t:supplied") == []
    assert texts(root, "//t:gap[@reason='signature']/t:desc") == ["signature, 20 Nov. 79"]
    assert texts(root, "//t:note[@type='scope']") == ["end page", "CPSU CC letterhead"]
    assert texts(root, "//t:note[@type='editorial']") == ["Ed. note: In the photocopy the line is cut."]
