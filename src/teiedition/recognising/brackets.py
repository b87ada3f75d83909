"""Square brackets: what each bracket of the translation is, as an ordered table.

Why: square brackets are the only characters of the source that turn into
markup (ENCODING.md, principle 1).  Each bracket convention is one small recogniser
(notes in ``bracket_notes``, gaps, doubtful readings, ``[sic]`` and footnote calls in
``bracket_gaps``, words in ``bracket_words``); ``BRACKET_RECOGNISERS`` orders them, the
first that matches wins and a supplied word is the fallback.  ``bracket_spans`` returns
stand-off ``model.Span``s for ``inlines.annotate_inlines``.
"""

from __future__ import annotations

from typing import Callable

from .bracket_context import (MAX_BRACKET_DEPTH, BracketContext, _depths, _outer_bracket_end,  # noqa: F401
                              bracket_pairs)
from .bracket_gaps import (_br_doubtful_double, _br_doubtful_single, _br_double_open, _br_email,
                           _br_footnote_anchor, _br_footnote_marker, _br_illegible, _br_material_described, _br_narration,
                           _br_omission, _br_redacted, _br_sic, _br_signature)
from .bracket_notes import (STAMP_LABEL_RE, TN_LABEL_RE, _br_editor_note, _br_handwritten, _br_scope,  # noqa: F401
                            _br_sic_remark, _br_stamp, _br_stamp_described, _br_translator_note, stamp_spans)
from .bracket_words import (_br_expansion, _br_gloss, _br_original_script, _br_original_wording, _br_speaker,
                            _br_supplied)
from .untranslated import untranslated_wording
from ..model import Span


BRACKET_RECOGNISERS: tuple[tuple[str, Callable], ...] = (
    ("doubtful_double", _br_doubtful_double),
    ("double_open", _br_double_open),
    ("signature", _br_signature),
    ("footnote_marker", _br_footnote_marker),
    ("footnote_anchor", _br_footnote_anchor),
    ("stamp", _br_stamp),
    ("stamp_described", _br_stamp_described),
    ("translator_note", _br_translator_note),
    ("editor_note", _br_editor_note),
    ("sic_remark", _br_sic_remark),
    ("handwritten", _br_handwritten),
    ("sic", _br_sic),
    ("obfuscated_email", _br_email),
    ("redacted", _br_redacted),
    ("illegible", _br_illegible),
    ("omission", _br_omission),
    ("material_described", _br_material_described),
    ("doubtful_single", _br_doubtful_single),
    ("scope_note", _br_scope),
    ("narration", _br_narration),
    ("speaker_label", _br_speaker),
    ("expansion", _br_expansion),
    ("original_script", _br_original_script),
    ("original_wording", _br_original_wording),
    ("untranslated_wording", untranslated_wording),
    ("gloss", _br_gloss),
    ("supplied", _br_supplied),
)


def bracket_spans(text: str, footnotes: set | None = None) -> list[Span]:
    """One annotation (or a few) per square bracket, from the first bracket recogniser that matches."""
    spans: list[Span] = []
    pairs = bracket_pairs(text)
    skip: set[tuple[int, int]] = set()
    first = len(text) - len(text.lstrip())  # the first non-space character
    last = len(text.rstrip().rstrip(".;"))  # after the last one ("[… came in]." fills its line too)
    for (start, end, closed), depth in zip(pairs, _depths(pairs)):
        if (start, end) in skip or depth > MAX_BRACKET_DEPTH:
            continue
        content_end = end - 1 if closed else end
        content = text[start + 1:content_end]
        ctx = BracketContext(text, start, end, closed, content, start + 1,
                             whole_line=start <= first and end >= last,
                             footnotes=footnotes if footnotes is not None else set(),
                             at_block_start=start <= first)
        for _name, rec in BRACKET_RECOGNISERS:
            found = rec(ctx)
            if found:
                spans.extend(found)
                if _name in ("doubtful_double", "double_open"):  # the inner pair is part of this bracket
                    skip.add((start + 1, found[0].end - 1 if _name == "doubtful_double" else found[0].end))
                break
    return spans
