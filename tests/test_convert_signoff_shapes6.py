"""Closing shapes of batch 5's tune pages (issue 17, body6), read by position and shape.  Every text
here is invented.

A distribution list's items may be numbered by a range of copies (``1–2 to Comrade …``), an
ordinal copy (``1st copy – to Cde. …``) and may give the addressee right after
the number with ``to`` and no dash; the line over them may say the copies ``were printed``.
"""

from __future__ import annotations

import pytest

from convert_checks import MORE, PROSE, rebuild, texts, xp
from convert_checks import body_page as page


def _items(root):
    return xp(root, "//t:list[@type='distribution']/t:item/@n")


@pytest.mark.parametrize("lines, numbers", [
    (["Five copies were printed. Distribution was made to:", "1–2 to Comrade. Lindqvist",
      "3 to Comrade A. B. Okafor", "4–5 to Comrade. Varga"], ["1–2", "3", "4–5"]),
    (["Three copies printed", "1st copy – to Cde. O. Lindqvist", "2nd copy – to Cde. B. Okafor",
      "3rd copy – to file."], ["1", "2", "3"]),
    (["Four copies were printed.", "1-2 – to Comrade. Lindqvist", "3 – to Comrade. Okafor",
      "4 – to the Department’s files"], ["1-2", "3", "4"]),
])
def test_distribution_items_numbered_by_ranges_ordinals_or_to(lines, numbers):
    root = page(PROSE, "[signature]\n(O. LINDQVIST)", "\n".join(lines))
    assert _items(root) == numbers
    for line in lines:
        assert line in rebuild(root)


def test_a_short_line_opening_with_a_number_and_to_in_the_text_is_no_item():
    root = page(PROSE, "5 to 6 tons were delivered", MORE := "The rest came later in the year by ship.")
    assert _items(root) == []
    assert MORE in rebuild(root)


def test_a_covering_letter_signs_after_its_attachment_notice_before_the_enclosure():
    # "Attachment: as mentioned, N pages." says what the letter encloses; the office and the name
    # under it sign the letter, and the rule drawn under them opens the enclosure (tune 011, tune5 049)
    root = page(PROSE, "Attachment: as mentioned, 4 pages.", "NORWEGIAN AMBASSADOR IN GHANA", "O. LINDQVIST",
                "______________________________", "EMBASSY OF NORWAY", MORE, MORE)
    divs = xp(root, "//t:body/t:div")
    assert [d.get("type") for d in divs][:1] == ["document"] and len(divs) >= 2
    assert texts(divs[0], ".//t:closer/t:signed//t:persName") == ["O. LINDQVIST"]
    assert texts(divs[0], ".//t:postscript/t:p")[:1] == ["Attachment: as mentioned, 4 pages."]
    assert "EMBASSY OF NORWAY" not in " ".join(texts(divs[0], ".//t:closer"))
    assert xp(root, "//t:milestone[@unit='section']/@rend") == ["______________________________"]
    rebuilt = rebuild(root)
    assert "O. LINDQVIST" in rebuilt and "______________________________" in rebuilt


def test_an_attachment_line_naming_what_follows_is_no_notice():
    # no "as mentioned" and no count of pages: the attachment itself may follow, nothing signs
    root = page(PROSE, "Attachment: the report of the commission", "O. LINDQVIST", MORE)
    assert texts(root, "//t:closer/t:signed//t:persName") == []


def test_an_office_over_a_name_before_a_last_paragraph_signs_and_the_paragraph_is_no_body_text():
    # a page cut before its Document Information: the summary stands under "The Ambassador," /
    # "G.W. Boissevain." (tune5 669); before, the office line opened no sign-off and nothing signed
    from convert_checks import convert

    cut = "\n\n".join(["Skip to content", "March 3, 1961", "An Invented Report", PROSE, MORE, "The Ambassador,",
                        "K.L. Amundsen.", "Amundsen reports on the talks with the Finnish minister about the timber trade."])
    root = convert(cut)
    assert texts(root, "//t:closer/t:signed//t:persName") == ["K.L. Amundsen"]
    assert "The Ambassador," in rebuild(root)


def test_a_surname_spaced_letter_by_letter_between_slashes_signs():
    # "/L. B E R I A /" (tune5 059; a spaced-out signer alone, "S H T Y K O V", on tune2 107): the name's
    # shape is judged with the spaced letters read as one word, the persName keeps them as printed
    root = page(PROSE, MORE, "/O. L I N D Q V I S T /", "3 copies typed.")
    assert texts(root, "//t:closer/t:signed//t:persName") == ["O. L I N D Q V I S T"]
    assert "/O. L I N D Q V I S T /" in rebuild(root)
