"""A closing group printed on the last paragraph's line, and notes under a signature (issue 17, conv7).
Every text here is invented.

The outgoing number may run on after the last sentence (``… to Varga. Nº 71/sh``): it is cut off
as the closing group's dateline.  Lines under a signature that name another comrade (``Cde. Okafor
agrees``, ``Reported to Cde. Varga``) are notes of the closing group, never the signer's office.
"""

from __future__ import annotations

from convert_checks import PROSE, rebuild, texts, xp
from convert_checks import body_page as page


def test_a_number_run_on_after_the_last_sentence_is_the_outgoing_number():
    last = "Please report any other instructions to me to be passed to Varga. Nº 71/sh"
    root = page(PROSE, last, "14 March 1971", "[signature] (O. Lindqvist)")
    assert texts(root, "//t:closer//t:idno[@type='outgoing']") == ["71/sh"]
    assert texts(root, "//t:body//t:p")[-1].endswith("passed to Varga.")
    assert "passed to Varga." in rebuild(root) and "Nº 71/sh" in rebuild(root)


def test_a_number_inside_the_last_sentence_stays_text():
    last = "We refer to the instructions in my telegram No. 71 of last week."
    root = page(PROSE, last, "[signature] (O. Lindqvist)")
    assert xp(root, "//t:idno[@type='outgoing']") == []


def test_lines_naming_another_comrade_under_a_signature_are_notes_not_offices():
    root = page(PROSE, "14 March 1971", "Authenticated: [illegible signature] (Lindqvist)",
                "Cde. Okafor agrees", "Reported to Cde. Varga")
    assert texts(root, "//t:closer/t:signed//t:persName") == ["Lindqvist"]
    assert texts(root, "//t:postscript/t:p")[:2] == ["Cde. Okafor agrees", "Reported to Cde. Varga"]


def test_an_office_under_the_name_still_belongs_to_the_signature():
    root = page(PROSE, "[signature] (O. Lindqvist)", "Second Secretary of the Embassy")
    assert texts(root, "//t:closer/t:signed//t:persName") == ["O. Lindqvist"]
    assert "Second Secretary of the Embassy" in texts(root, "//t:closer/t:signed")[0]
