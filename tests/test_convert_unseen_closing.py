"""Body and closing conventions of unseen pages, second round (issue 17).

Every text here is invented.  The printed case of ``[SIC]``; one-line sign-offs
(``NAME, Title``, ``(signed) Name``); supplied identifications before a name versus
glosses after a word, redactions and the original's words.
"""

from __future__ import annotations

from convert_checks import BODY_PAGE as PAGE, convert, rebuild, xp

PROSE = "The Ministry asks the Embassy to send the names of the delegates by the end of the month."
MORE = "The delegation will travel by train and arrive in the capital on the morning of the fifth."


def page(*blocks: str, sep: str = "\n\n"):
    return convert(PAGE.format(body=sep.join(blocks)))


def texts(root, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in xp(root, path)]


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
