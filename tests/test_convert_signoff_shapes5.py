"""Sign-off shapes of batch 4's tune pages (issue 17, body5).  Every text here is invented.

A date under the signer whose day is glued to the month's name (``16November 1962``, the
space lost in the saved page) is the sign-off's dateline, not part of the signer's name block.
"""

from __future__ import annotations

from convert_checks import PROSE, rebuild, texts, xp
from convert_checks import body_page as page


def test_a_day_glued_to_the_month_under_a_signer_is_the_dateline():
    root = page(PROSE, "Ingrid Lundqvist\n16November 1962")
    assert texts(root, "//t:closer/t:signed//t:persName") == ["Ingrid Lundqvist"]
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1962-11-16"]
    assert "16November 1962" in rebuild(root)


def test_a_day_glued_to_a_month_without_a_year_is_no_date():
    root = page("The 3May constitution was read aloud by the delegates in the hall.")
    assert xp(root, "//t:body//t:date") == []
