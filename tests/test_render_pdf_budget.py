"""The print edition's size budget counts what the pages hold (issue 20: Kant refused, issue 22: the guard).

Kant's *Critik der reinen Vernunft* in TEI Publisher (3.1 MB) was refused as over 20,000
elements / 2,000,000 characters: half of its characters are the file's indentation and
25,471 of its 33,279 elements are empty ``<lb/>`` and ``<pb/>``.  As printed it is 1.3
million characters, less than the FRUS monograph that prints as 472 pages.  The documents
here are invented, of the same shape; a flood of empty elements is still refused.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from lxml import etree

from teiedition.rendering import pdf

HEADER = ('<teiHeader><fileDesc><titleStmt><title>A long book</title></titleStmt><publicationStmt><p>Invented.</p>'
          "</publicationStmt><sourceDesc><p>None.</p></sourceDesc></fileDesc></teiHeader>")


def book(paragraphs: int, lines: int, indent: int) -> bytes:
    """A book transcribed line by line (an ``<lb/>`` per line) and pretty-printed ``indent`` deep."""
    pad = "\n" + " " * indent
    line = "Die Vernunft hat das besondere Schicksal in einer Gattung ihrer Erkenntnisse"
    body = "".join(f"{pad}<p>{pad}" + "".join(f"{line} {i}.{k}<lb/>{pad}" for k in range(lines)) + "</p>"
                   for i in range(paragraphs))
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body>{body}</body></text></TEI>').encode()


def test_a_book_over_the_old_count_only_by_indentation_and_line_breaks_is_printed():
    """21,000 lines, 2.4 million characters in the file, 1.8 million as printed: within the budget."""
    tree = etree.ElementTree(etree.fromstring(book(paragraphs=600, lines=35, indent=30)))
    text = tree.getroot().find("{http://www.tei-c.org/ns/1.0}text")
    assert sum(len(el.text or "") + len(el.tail or "") for el in text.iter()) > pdf.PDF_MAX_CHARACTERS
    assert sum(1 for _ in text.iter()) > pdf.PDF_MAX_ELEMENTS
    pdf.check_size_budget(tree, "book.xml")  # before: PdfTooLarge


def test_a_flood_of_empty_elements_is_still_refused_in_one_line(tmp_path):
    """250,000 ``<lb/>``: a tenth of an element each is 25,000, over the budget: refused before any layout."""
    source = tmp_path / "flood.xml"
    source.write_bytes(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body><p>'
                       f'{"a<lb/>" * 250_000}</p></body></text></TEI>'.encode())
    out = tmp_path / "flood.pdf"
    done = subprocess.run([sys.executable, "-m", "teiedition.cli", "render", str(source), "--to", "pdf",
                           "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and not out.exists()
    assert done.stderr.count("\n") == 1 and "flood.xml" in done.stderr
    assert "too large for one print edition" in done.stderr


def test_printed_characters_over_the_budget_are_refused(monkeypatch):
    """The budget still holds for the words themselves: indentation does not count, text does."""
    monkeypatch.setenv("TEIEDITION_PDF_MAX_CHARACTERS", "5000")
    within = etree.ElementTree(etree.fromstring(book(paragraphs=2, lines=20, indent=200)))  # 8,000 in the file
    pdf.check_size_budget(within)
    over = etree.ElementTree(etree.fromstring(book(paragraphs=4, lines=20, indent=0)))  # 6,400 printed
    with pytest.raises(pdf.PdfTooLarge):
        pdf.check_size_budget(over)
