"""Bracket families of the third batch's tune pages (issue 17, body3): decided by position and shape.

Every text here is invented.  A topic after an omission mark that ends its line says what was
left out; a noun phrase opened by ``a``/``an`` or a kind of name after a name says who the name
is; an acronym after a lower-case noun restates the words before it; a capitalised name inside
an English phrase is no sign of the original's wording; a whole-line sentence in brackets
followed by its full stop is the editor's description, as when the stop is inside.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, texts, supplied
from convert_checks import body_page as page



def omitted(root):
    return texts(root, "//t:body//t:gap[@reason='omitted']/t:desc")


@pytest.mark.parametrize("line, topic", [
    ("2. […] [Fisheries Agreement]", "Fisheries Agreement"),
    ("3. [...] [Exchange of Students and Teachers].", "Exchange of Students and Teachers"),
])
def test_a_topic_after_an_omission_mark_that_ends_its_line_describes_what_was_left_out(line, topic):
    root = page(PROSE, line)
    assert topic in omitted(root)
    assert supplied(root) == [] and supplied(root, "gloss") == []


def test_after_an_omission_mark_a_bracket_followed_by_words_still_identifies_them():
    assert supplied(page(PROSE, "He wrote […] [Swedish] Ambassador Lund had left.")) == ["Swedish"]


@pytest.mark.parametrize("line, gloss", [
    ("An agent met the poet Ivan Farkas [a member of the writers’ union] on Sunday.",
     "a member of the writers’ union"),
    ("The report is given by com. Marek [pseudonym for Stanisław Wójcik]: the talks went well.",
     "pseudonym for Stanisław Wójcik"),
    ("On the question of the joint fleet [JNF], the side agreed to talks.", "JNF"),
    ("A session of the NCP [the National Council of Peasants] opened in May.", "the National Council of Peasants"),
])
def test_a_bracket_after_a_name_or_a_noun_that_says_who_or_what_it_is_is_a_gloss(line, gloss):
    root = page(PROSE, line)
    assert supplied(root, "gloss") == [gloss]
    assert supplied(root) == [] and texts(root, "//t:body//t:supplied[@reason='original-wording']") == []


@pytest.mark.parametrize("line, added", [
    ("The letter was sent by [the] Finnish embassy.", ["the"]),
    ("The group met with [SED] delegates in Rostock.", ["SED"]),
    ("They handed Farkas [the draft] on Monday.", ["the draft"]),
    ("They gave Farkas [a copy] on Monday.", ["a copy"]),
])
def test_identifications_and_additions_near_those_shapes_stay_added_words(line, added):
    assert supplied(page(PROSE, line)) == added


def test_original_letters_in_lower_case_words_are_still_the_originals_wording():
    root = page(PROSE, "He spoke of the common road [wspólną drogę] of both parties.")
    assert texts(root, "//t:body//t:supplied[@reason='original-wording']") == ["wspólną drogę"]


def test_a_whole_line_sentence_in_brackets_before_its_full_stop_is_the_editors_description():
    root = page("Petrov: We agree with you.",
                "[Petrov then left the room and the delegation talked with the adviser].",
                "Lund: Then we shall meet tomorrow.")
    assert omitted(root) == ["Petrov then left the room and the delegation talked with the adviser"]
    assert supplied(root) == []


@pytest.mark.parametrize("line, remark", [
    ("They spoke of the ban on nuclear weapons [sic; tests] in the atmosphere.", "tests"),
    ("The ship went to Padekon [sic, “Padegon” in other reports] with grain.", "“Padegon” in other reports"),
])
def test_sic_followed_by_a_remark_is_an_editorial_note_not_added_words(line, remark):
    from convert_checks import xp
    root = page(PROSE, line)
    notes = xp(root, "//t:body//t:note[@type='editorial']")
    assert len(notes) == 1 and texts(root, "//t:body//t:note[@type='editorial']/t:label") in (["sic;"], ["sic,"])
    assert xp(root, "//t:body//t:note[@type='translator']") == []
    assert " ".join("".join(notes[0].itertext()).split()).endswith(remark)
    assert supplied(root) == []


def test_two_digits_completing_a_year_are_added_words_not_a_footnote_call():
    from convert_checks import xp
    root = page(PROSE, "The reference of the telegram is ON/14/15/XI/19[63] and it was filed.")
    assert supplied(root) == ["63"]
    assert xp(root, "//t:body//t:anchor[@type='footnote']") == []


def test_a_bracketed_number_after_a_word_is_still_a_footnote_call():
    from convert_checks import xp
    root = page(PROSE, "The talks with Vilnius[12] ended in May.")
    assert xp(root, "//t:body//t:anchor[@type='footnote']/@n") == ["12"]


def test_a_bracket_that_never_closes_where_the_page_stops_is_no_added_word():
    from convert_checks import xp
    root = page(PROSE, "The doctors reported a disease which developed into cirrhosis. The [liv")
    assert supplied(root) == []
    assert "The [liv" in xp(root, "string(//t:body)")  # printed as it stands: nothing lost



def test_a_bracket_glued_to_the_word_after_it_completes_that_word():
    from convert_checks import xp
    root = page(PROSE, "As it is [well-]known, the talks were [in]complete.")
    assert texts(root, "//t:body//t:expan") == ["well-known", "incomplete"]
    assert texts(root, "//t:body//t:expan/t:ex") == ["well-", "in"]
    assert supplied(root) == []
