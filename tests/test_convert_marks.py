"""Marginal marks: one metamark per physical mark, the right target, @cert as ENCODING.md's table says."""

from __future__ import annotations

import pytest

from convert_checks import convert, norm, xp
from teiedition.transforms.marks import read_note

HEAD = ("Skip to content\n\nMay 5, 1960\n\nA Title\n\n"
        "This document was made possible with support from X\n\n")
TAIL = "\n\nA summary of the document in a sentence or two.\n\nDocument Information\n"
P = "Cde. V. V. Kuznetsov met L. I. Brezhnev. He said “we agree”. No. 5 was sent. The talks ended."


def marks_of(body: str):
    """[(function, rend, cert, target text)] for every metamark, in order."""
    root = convert(HEAD + body + TAIL)
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id"): el for el in root.iter()}
    out = []
    for mm in xp(root, "//t:metamark"):
        target = ids[mm.get("target")[1:]]
        text = norm(text_without_notes(target))
        out.append((mm.get("function"), mm.get("rend"), mm.get("cert") or "high", text))
        assert mm.get("change") == "#readers"
        assert mm.get("place") == "margin-left"
    return out, root


def text_without_notes(el) -> str:
    """An element's text, leaving out notes inside it (an earlier note is not part of a target)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != "{http://www.tei-c.org/ns/1.0}note":
            parts.append(text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def note(text: str) -> str:
    return f" [Translator’s note: {text}]."


@pytest.mark.parametrize("says, target, cert", [
    ("the previous sentence was highlighted in the left margin", "The talks ended.", "high"),
    ("the previous two sentences were highlighted in the left margin", "No. 5 was sent. The talks ended.", "high"),
    ("the end of the paragraph was highlighted in the left margin", "The talks ended.", "medium"),
    ("the portion describing the talks was highlighted in the left margin", "The talks ended.", "low"),
    ("the last quote was highlighted in the left margin", "we agree", "high"),
    ("the underlined portion was highlighted in the left margin", P, "low"),
    ("the previous paragraph was highlighted in the left margin", P, "high"),
    ("a question mark was placed in the left margin next to the first half of this paragraph",
     "Cde. V. V. Kuznetsov met L. I. Brezhnev. He said “we agree”.", "medium"),
    ("a question mark was placed in the left margin next to the second half of this paragraph",
     "No. 5 was sent. The talks ended.", "medium"),
])
def test_target_of_each_kind_of_note(says, target, cert):
    marks, _ = marks_of(P + note(says))
    assert [(c, t) for _f, _r, c, t in marks] == [(cert, target)]


def test_sentences_are_not_broken_at_initials_or_abbreviations():
    marks, _ = marks_of(P + note("the previous three sentences were highlighted in the left margin"))
    assert marks[0][3] == "He said “we agree”. No. 5 was sent. The talks ended."


def test_earlier_notes_are_not_sentences():
    body = "One thing happened. [Translator’s note: a remark.] Another thing happened." + \
        note("the previous two sentences were highlighted in the left margin")
    marks, _ = marks_of(body)
    assert marks[0][3] == "One thing happened. Another thing happened."


def test_note_alone_targets_the_paragraph_before_it():
    marks, root = marks_of(P + "\n\n[Translator’s note: the previous paragraph was highlighted in the left margin]")
    assert marks[0][3] == P
    assert xp(root, "//t:metamark/@target") == ["#p1"]


def test_two_marks_in_one_note_get_one_metamark_each():
    marks, root = marks_of(P + note("the previous paragraph was highlighted in the left margin with a single "
                                    "vertical line and the last sentence with two vertical lines"))
    assert [(f, r, t) for f, r, _c, t in marks] == [("highlight", "single-line", P),
                                                    ("highlight", "double-line", "The talks ended.")]
    assert len(xp(root, "//t:note[@type='translator']/@target")[0].split()) == 2


def test_lines_and_exclamation_point_on_one_span():
    marks, _ = marks_of(P + note("the underlined portion was highlighted in the left margin with two "
                                 "vertical lines and an exclamation point!"))
    assert [(f, r) for f, r, _c, _t in marks] == [("highlight", "double-line"), ("emphasis", "exclamation-mark")]


def test_the_note_stays_where_it_was_and_keeps_its_words():
    _, root = marks_of(P + note("the previous sentence was highlighted in the left margin"))
    p = xp(root, "//t:text//t:p")[0]
    assert norm("".join(p.itertext())).endswith(
        "The talks ended. Translator’s note: the previous sentence was highlighted in the left margin.")


def test_readers_change_is_declared():
    _, root = marks_of(P + note("the previous sentence was highlighted in the left margin"))
    assert xp(root, "//t:profileDesc/t:creation/t:listChange/t:change/@xml:id") == ["readers"]


@pytest.mark.parametrize("text, rend", [
    ("the previous sentence was highlighted in the left margin", "single-line"),
    ("the last quote was highlighted in the left margin with a two vertical lines", "double-line"),
    ("the previous paragraph was highlighted with a single vertical line", "single-line"),
    ("the first half with an additional two lines", "double-line"),
])
def test_line_counts(text, rend):
    assert [m.rend for m in read_note(text)] == [rend]


def test_note_without_a_mark_reports_none():
    assert read_note("the Korean proverb is rendered only approximately") == []


def test_a_mark_reported_without_a_target_marks_the_paragraph_with_low_certainty():
    marks, _ = marks_of(P + note("this passage was highlighted in the left margin"))
    assert [(c, t) for _f, _r, c, t in marks] == [("low", P)]


def test_other_wordings_of_sentence_counts():
    assert [(m.target, m.count) for m in read_note("the two previous sentences were highlighted")] == [("prev", 2)]
    assert [(m.target, m.count) for m in read_note("this sentence was marked with a vertical line")] == [("prev", 1)]
