"""Closing shapes of batch 5's tune pages (issue 17, body6), read by position and shape.  Every text
here is invented.

A distribution list's items may be numbered by a range of copies (``1–2 to Comrade …``), an
ordinal copy (``1st copy – to Cde. …``) and may give the addressee right after
the number with ``to`` and no dash; the line over them may say the copies ``were printed``.
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, rebuild, xp
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
