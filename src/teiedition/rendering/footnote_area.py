"""The footnote area's height summed from each note's own height, each note laid out once.

Why: WeasyPrint 70 (``LayoutContext._update_footnote_area``) lays the whole footnote area
out again, every note of the page, each time a note is added, reported or taken back, so
a page with k notes costs k layouts of k notes.  A document whose pages are mostly
notes (Ruy Díaz's *La Argentina manuscrita* in CETEIcean: 1,599 notes, some of 3,700
characters) spent two thirds of its layout there.  When the notes stack without margins
to collapse (each a block with no vertical margin, the area of auto height with no
maximum, as ``print.css`` sets them), the area's height is the sum of its notes'
heights, and a note's height on a page of a given width never changes: it is measured
once (the note alone in a copy of the area, as WeasyPrint lays the area out) and kept.
In any other case WeasyPrint's own method runs.  The pages come out the same
(``tests/test_render_pdf_footnote_area.py`` compares them with WeasyPrint's own method).
"""

from __future__ import annotations

import contextlib
from math import inf


def _additive(context) -> bool:
    """True when the area's height is exactly the sum of its notes' heights."""
    area = context.current_footnote_area
    if context.in_column or area.style["height"] != "auto" or getattr(area.style["max_height"], "value", None) != inf:
        return False
    from weasyprint.formatting_structure import boxes  # lazy: 1.7 s, PDF only

    for note in context.current_page_footnotes:
        if not isinstance(note, boxes.BlockBox) or note.style["float"] != "none":
            return False
        if any(getattr(note.style[side], "value", None) != 0 for side in ("margin_top", "margin_bottom")):
            return False
    return True


def _note_height(context, note) -> tuple[float, float]:
    """(the note's height, the area's own margins, borders and padding), from one layout of the note alone."""
    from weasyprint.formatting_structure import build  # lazy: 1.7 s, PDF only
    from weasyprint.layout.block import block_level_layout

    area = context.current_footnote_area
    cache = context.__dict__.setdefault("_teiedition_note_heights", {})
    key = (id(note), area.width)
    if key not in cache:
        alone = build.create_anonymous_boxes(area.copy_with_children([note]).deepcopy())
        alone = block_level_layout(context, alone, -inf, None, area.page)[0]
        cache[key] = (note, alone.height, alone.margin_height() - alone.height)  # the note keeps id() unique
    _, height, chrome = cache[key]
    return height, chrome


def _update_footnote_area(original):
    def update(context):
        notes = context.current_page_footnotes
        if not notes or not _additive(context):
            return original(context)
        area = context.current_footnote_area
        if area.height != "auto":
            context.page_bottom += area.margin_height()
        area.children = notes
        measured = [_note_height(context, note) for note in notes]
        area.height = sum(height for height, _ in measured)
        context.page_bottom -= area.height + measured[0][1]
        return False  # an area of auto height with no maximum never overflows (as WeasyPrint finds)
    update.teiedition_original = original
    return update


@contextlib.contextmanager
def notes_measured_once():
    """While laying out: the footnote area's height from each note's height, measured once."""
    from weasyprint.layout import LayoutContext  # lazy: 1.7 s, PDF only

    original = LayoutContext._update_footnote_area
    if getattr(original, "teiedition_original", None) is not None:  # already inside
        yield
        return
    LayoutContext._update_footnote_area = _update_footnote_area(original)
    try:
        yield
    finally:
        LayoutContext._update_footnote_area = original
