"""The last line of a cut page that only looks like a sign-off (issue 17, conv7).  Every text here is invented.

An excerpt stops anywhere: its last line may be the first word of a sentence (``However``) or the
first words of the next paragraph (the name every paragraph of a record opens with).  A word of
the closed classes never signs, and a name that opens two paragraphs or more of the body is their
subject, not the signer; a name that opens none still signs.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, rebuild, texts
from convert_checks import body_page as page


def _signers(root):
    return texts(root, "//t:closer/t:signed//t:persName")


@pytest.mark.parametrize("last", ["However", "Therefore", "Moreover"])
def test_a_closed_class_word_ending_the_page_never_signs(last):
    root = page(PROSE, MORE, last)
    assert _signers(root) == []
    assert last in rebuild(root)


def test_the_name_the_paragraphs_open_with_is_a_cut_paragraph():
    root = page("Lindqvist said that the convoy had been delayed at the border for two days.",
                "Lindqvist asked whether the Embassy could send a note to the ministry.",
                "Lindqvist thanked us for the help given to his delegation last year.",
                "Lindqvist")
    assert _signers(root) == []
    assert rebuild(root).rstrip().endswith("Lindqvist")


def test_a_name_that_opens_one_paragraph_still_signs():
    root = page("Lindqvist said that the convoy had been delayed at the border for two days.",
                PROSE, MORE, "Lindqvist")
    assert _signers(root) == ["Lindqvist"]
