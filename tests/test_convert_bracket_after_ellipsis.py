"""A bracket right after an ellipsis standing alone (``said it … [Moscow]``): converted, never a traceback.

Every text here is invented.  The word before such a bracket is cut at the ellipsis and nothing is
left of it; the gloss rules once read its last character and crashed (lin7, issue 17).
"""

from __future__ import annotations

import pytest

from convert_checks import PROSE, rebuild, xp
from convert_checks import body_page as page


@pytest.mark.parametrize("line", [
    "he [Petrov] said it [of June] … [Moscow] and left the hall before the vote.",
    "The delegates waited … [Beijing] sent no answer that week.",
])
def test_a_bracket_after_a_lone_ellipsis_converts_with_every_character(line):
    root = page(PROSE, line)
    assert line in rebuild(xp(root, "//t:body")[0])
