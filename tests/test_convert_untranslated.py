"""Untranslated words in brackets (issue 17): the original's wording after the English that
translates it, told from the translator's added English words by whether the words are English.

Every text here is invented.  The words chosen show none of the transliteration signs
``wording.looks_transliterated`` reads, so the English word list is what decides.
"""

from __future__ import annotations

import pytest

from convert_checks import BODY_PAGE as TEI_PAGE, convert, xp
from teiedition.recognising.brackets import bracket_spans
from teiedition.recognising.untranslated import is_english
from teiedition.recognising.wording import looks_transliterated


def page(*paragraphs: str):
    return convert(TEI_PAGE.format(body="\n\n".join(paragraphs)))


def first_reason(text: str) -> str | None:
    spans = bracket_spans(text)
    return min(spans, key=lambda s: (s.start, s.rank)).get("reason")


@pytest.mark.parametrize("text, words", [
    ("The talks reached a dead end [tupik] by the evening.", "tupik"),
    ("He said they could go on quietly [tishe] as before.", "tishe"),
    ("It left the ministry with no way out [sin salida] at all.", "sin salida"),
    ("They spoke in private [unter uns] for an hour.", "unter uns"),
    ("They asked for immediate help [pomoc] from the committee.", "pomoc"),
    ("The order was to move forward [idti vpered, bez ostanovki] at once.", "idti vpered, bez ostanovki"),
])
def test_untranslated_words_after_english_are_the_originals_wording(text, words):
    assert not looks_transliterated(words)  # no sign of shape: the word list decides
    root = page(text)
    sup = xp(root, "//t:supplied[@reason='original-wording']")
    assert ["".join(s.itertext()) for s in sup] == [words]
    assert xp(sup[0], "t:foreign/@xml:lang") == ["ru-Latn"]  # the page's archive (AVPRF) holds Russian originals
    assert not xp(root, "//t:supplied[@reason='added-in-translation']")
    body = " ".join("".join(xp(root, "//t:body")[0].itertext()).split())
    assert f"[{words}]" in body or words in body  # every character reaches the TEI


@pytest.mark.parametrize("text, reason", [
    ("the defense of our interests [the] people", "added-in-translation"),
    ("the secretary [of] the committee", "added-in-translation"),
    ("the reasonable [dose] of caution", "added-in-translation"),  # English words stay added words
    ("through an underground [covert] channel", "added-in-translation"),
    ("the decision of [tupik] was taken", "added-in-translation"),  # after a closed-class word: no translation
    ("the comrade [Stanislav] agreed", None),  # a name keeps its reading, whatever it is
    ("the leadership [i.e. the Politburo] agreed", "gloss"),
])
def test_english_additions_names_and_glosses_keep_their_readings(text, reason):
    assert first_reason(text) != "original-wording"
    if reason:
        assert first_reason(text) == reason


def test_a_name_before_the_bracket_is_no_english_it_translates():
    assert first_reason("They met Kowalczyk [pomoc] in Warsaw") != "original-wording"


def test_english_words_and_letters():
    assert is_english("covert") and is_english("committee's") and is_english("well-known")
    assert is_english("a") and not is_english("v")  # a lone Slavic preposition is no English word
    assert not is_english("tupik") and not is_english("saída")
