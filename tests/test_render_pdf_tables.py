"""Ragged tables squared for PDF/UA-1: each row as wide as the widest of its own table.

Why: the print edition pads short rows with blank cells (``pdf.square_tables``); a row
spanned into from above, or a table nested in a cell, must not be padded wrongly.
"""

import xml.etree.ElementTree as ElementTree

import pytest
from lxml import etree

from teiedition.rendering.pdf import square_tables

XHTML = "http://www.w3.org/1999/xhtml"


#: WeasyPrint hands us ElementTree elements (no parent pointers); lxml's are squared alike.
PARSERS = pytest.mark.parametrize("parse", [ElementTree.fromstring, etree.fromstring], ids=["ElementTree", "lxml"])


def _widths(table) -> list[int]:
    return [len([c for c in row if c.tag.rsplit("}", 1)[-1] in ("td", "th")])
            for row in table.iterfind(f"{{{XHTML}}}tr")]


@PARSERS
def test_short_rows_get_blank_cells_and_a_nested_table_keeps_its_own_width(parse):
    root = parse(
        f'<html xmlns="{XHTML}"><body><table>'
        '<tr><td rowspan="2">a</td><td>b</td><td>c</td></tr>'
        '<tr><td>d</td></tr>'  # column 1 is taken from above: it needs one blank cell, not two
        '<tr><td>e</td><td><table><tr><td>x</td></tr><tr><td>y</td><td>z</td></tr></table></td></tr>'
        '</table></body></html>')
    square_tables(root)
    outer = root.find(f".//{{{XHTML}}}table")
    inner = outer.find(f".//{{{XHTML}}}table")
    assert _widths(outer) == [3, 2, 3]
    assert _widths(inner) == [2, 2]
    assert outer[1][-1].text is None and outer[2][-1].text is None  # the added cells are blank


@PARSERS
def test_a_long_table_is_squared_row_by_row(parse):
    rows = "".join(f"<tr><td>{i}</td>{'<td>b</td>' if i % 2 else ''}</tr>" for i in range(3000))
    root = parse(f'<html xmlns="{XHTML}"><body><table>{rows}</table></body></html>')
    square_tables(root)
    assert set(_widths(root.find(f".//{{{XHTML}}}table"))) == {2}
