"""The review report: the lines of a page a person should check (ENCODING.md principle 5).

Why: an archive converting thousands of pages cannot read every output; it needs
to be sent to the few lines where the converter decided by a fallback or with low
certainty *and* where that decision can change what the edition says (a mark, a
number, a signer, the summary, the citation).  A decision that is reliably right
(a short heading between paragraphs, an addressee line placed in the header, a
date whose year was completed from the document's own year) is not listed: a
report that lists right lines teaches its reader to skip it.  The report is read
from the document model, where the recognisers record their decisions (the
recogniser that claimed each block, its source line, ``@cert``), never by
re-parsing the TEI written from it.

Each item has its source line (1-based; ``None`` for a page-level item), the
printed text, the role it was given, a reason code (``code``), a certainty
(``cert``: ``low`` when the converter's reading is a guess, ``medium`` when it
is probably right but a fact depends on it) and a sentence saying why:

* ``no-layout``, ``no-title``, ``no-date``, ``date-unread``, ``citation-unread``,
  ``citation-units``: page furniture not read, or a citation read without units;
* ``summary-candidate``: no summary read; the last paragraph of running text
  stands where summaries stand;
* ``number-unread``: a line placed by a fallback holds a number under a number
  sign (``Dispatch No. 508``): it may be the outgoing number; ``number-alone`` when the
  sign opens the line (``No.: 060.076``);
* ``mark-unread``: a classification, handling, precedence or copy mark stands in
  a line that was not read as one (two-column leftovers);
* ``signer-unread``: a signature block with no signer's name read, a name in
  parentheses after the text that is not in a signature, one short word (four letters at
  most) read as a signer by position only, or a short last
  line read as a signer on a page that stops without its furniture (a cut excerpt);
* ``distribution-unread``: a list under a copies line at the top, not read as a
  distribution list;
* ``stamp-unsure``: a stamp bracket holding two full dates (two stamps flattened from
  two columns) or digits of which neither a date nor a number was read;
* ``bracket-default``: a bracket no bracket convention matched (read as words the
  translator added) whose shape is not an addition's: only a number (not a year), a
  remark (a colon, quotation marks, a whole line), the words before spelled again;
* ``gloss-or-added``: a bracket read as a gloss that cannot be seen to restate the word
  before (no acronym it expands, no respelling, no pronoun or name it says who is).  The bracket rules
  judge the kind of reading (verifiable or not), never the wording of pages seen;
* ``low-certainty``: a span or marginal mark resolved with ``cert`` low (marks:
  also medium; dates: a slash date read in one of its two orders, ``07/11/50``);
  ``recogniser``: a recogniser's own ``review`` remark.

The zone rules (``review_zones.py``) add ``summary-position`` (a summary taken from the
line before the date), ``no-title`` with its candidate line, signers in capitals, stamps
whose bracket closes after its label (``stamp-label``) or stays open (``stamp-inside``),
numbered copies, ``bracket-completion`` and ``bracket-year``; the line-shape rules
(``review_shapes.py``) add ``mark-partial``, ``mark-trailing``, ``signer-bracket``,
``number-unsigned``, ``bracket-editor``, ``bracket-in-word``, ``bracket-this-year`` and
``bracket-after-gap``; the rules for decisions taken by position alone (``review_decisions.py``)
add ``signer-position``, ``number-heading``, ``header-unread``, ``summary-unread``, ``date-unread``
with its line, ``bracket-name-noun``, ``bracket-abbreviation``, ``bracket-after-pronoun`` and
``mark-wrapped``, and this module ``gloss-phrase`` and ``gloss-after-verb``; ``review_every.py`` adds a
catch-all ``every-…`` candidate for each decision of a weak kind no other rule proposed.  Every candidate gets a calibrated ``certainty``
(``review_calibration.py``); ``listed`` keeps those below the threshold.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, replace
from difflib import SequenceMatcher

from .model import Block, Document
from .recognising.header_marks import COPY, HANDLING, NUMBER_SIGN, PRECEDENCE
from .recognising.identification import DEMONSTRATIVES, TITLE_RE, gloss_after_pronoun, letters
from .review_calibration import listed, with_certainty
from .review_every import every_items
from .review_features import features_of
from .review_fallbacks import FALLBACK_RECOGNISERS, fallback_items
from .review_items import ReviewItem, after, before, norm, role_of
from .review_zones import distribution_runs, zone_items

UNSURE = frozenset({"low", "medium"})
#: A classification or copy mark, wherever it is printed.
MARK_RE = re.compile(r"\b(?:TOP SECRET|SECRET|CONFIDENTIAL|Top [Ss]ecret|Secret|Confidential|"
                     rf"Copy {NUMBER_SIGN} ?\d+)\b")
#: Handling, precedence and copy marks of the header vocabulary, searched inside a line.
OTHER_MARK_RE = re.compile(rf"(?<![\w-])(?:{HANDLING}|{PRECEDENCE}|{COPY})")
#: A number under a number sign: ``No. 508``, ``Nº 58``, ``№ 17/62``, ``# 4``, ``No.: 060.076``.
#: Also ``No.: 060.076``, ``Nº st-158``, ``nº 16/QA``.
NUMBER_RE = re.compile(rf"(?<!\w){NUMBER_SIGN}:?\s*\(?(?:[A-Za-z]{{1,3}}-)?\d")
#: A default-read bracket worth a look: only digits (a footnote marker whose note is not on the page?).
#: Length alone is no sign: on the tune pages every long default bracket was a right addition.
DOUBTFUL_ADDITION_RE = re.compile(r"\d+")
#: A signer's name in parentheses or slashes: ``(V. BAZYKIN)``, ``/A. Puzanov/``.
PAREN_NAME_RE = re.compile(r"[(/](?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,3}[A-ZÀ-Ý][\w’'-]+[)/]")
SLASH_DATE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
#: A lowercase word in a bracket after an acronym that is no function word of a body's name:
#: ``GDR [Pak stated]`` is a clause the translator added, not the acronym's words.
CLAUSE_WORD_RE = re.compile(r"\b(?!(?:of|the|and|for|in|on|at|to|de|del|der|des|du|la|le|für|und)\b)[a-z]{2,}")
SIGNATURE_RE = re.compile(r"\[\s*signature\s*\]", re.IGNORECASE)
#: A signature bracket of any wording: ``[signature]``, ``[handwritten signature]``, ``[illegible signature]``,
#: or the abbreviation for *signed* before a name: ``(ss)``, ``(s)``, ``(sgd)``, ``/s/``.
ANY_SIGNATURE_RE = re.compile(r"\[[^\]\n]{0,30}\bsignature\]|\((?:ss|s|sgd)\)|/s/", re.IGNORECASE)
COPIES_RE = re.compile(r"(?i)\bcopies\b")
#: A full date alone: ``26 July 1968``, ``July 26, 1968`` (a dateline the translator supplied).
FULL_DATE_RE = re.compile(r"\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}")
#: A small word or a past participle right before a bracket (``that [the reason …]``, ``reported [to
#: Moscow]``): nothing a gloss could restate, which is a noun, a name or an acronym.
NO_NOUN_BEFORE_RE = re.compile(r"(?<![\w-])(?:that|which|who|is|are|was|were|be|been|being|to|and|or|but|as|than|"
                               r"if|when|while|because|[a-z]{3,}ed)\s*$")
#: A bracket opening with a preposition: ``[of our Embassy]``, ``[in the Warsaw Pact]``.
PHRASE_RE = re.compile(r"(?:of|in|at|on|for|from|by|with|to|between|during|under)\s+\S")


def _source_line(lines: list[str], value: str) -> int | None:
    """The first source line holding the start of ``value`` (header furniture keeps no line numbers)."""
    probe = norm(value)[:60]
    if not probe:
        return None
    for i, line in enumerate(lines, 1):
        if probe in norm(line):
            return i
    return None


# -- page furniture ------------------------------------------------------------------------


def _header_items(doc: Document, lines: list[str]) -> list[ReviewItem]:
    h = doc.header
    if not h.layout:
        return [ReviewItem(None, "", "header", "no archive page layout recognised: no title, date or "
                           "citation read; the whole text is the body", "no-layout")]
    items = []
    if not h.title:
        items.append(ReviewItem(None, "", "title", "no title line found; the title is taken from the text",
                                "no-title"))
    if not h.date_text:
        items.append(ReviewItem(None, "", "date", "no date line found; the document has no date", "no-date"))
    elif not h.date_when:
        items.append(ReviewItem(_source_line(lines, h.date_text), h.date_text, "date",
                                "date line not understood; no machine-readable date", "date-unread"))
    citation = h.citation
    cut_label = len(h.source_line.split()) <= 2 and not re.search(r"\d", h.source_line)
    if h.source_line and (citation is None or not getattr(citation, "repository", "")) and not cut_label:
        # (``Original Arch``: the excerpt stops inside the citation's label; nothing was there to read)
        items.append(ReviewItem(_source_line(lines, h.source_line), h.source_line, "citation",
                                "archival citation not recognised: no archive or units recorded",
                                "citation-unread"))
    elif citation is not None and not citation.units and re.search(r"\d", citation.verbatim):
        items.append(ReviewItem(_source_line(lines, h.source_line), h.source_line, "citation",
                                f"archive {citation.repository} read, but none of the units printed after it "
                                "(fond, file, folios …): the reference is kept only verbatim", "citation-units",
                                "medium"))
    return items


def _summary_items(doc: Document) -> list[ReviewItem]:
    """No summary read: the last paragraph of running text is where a page prints it."""
    if not doc.header.layout or doc.header.summary:
        return []
    last, closed_before = None, False
    seen_closing = False
    for block in doc.blocks():
        if block.get("phase") == "bottom":
            seen_closing = True
        elif block.kind == "p" and block.get("recogniser") == "paragraph":
            last, closed_before = block, seen_closing
    if last is not None and len(last.text.split()) < 8:  # too short for a summary: nothing to point at
        return [ReviewItem(None, "", "summary", "no summary found", "summary-candidate", "medium")]
    furniture_after = [c for c in doc.header.chrome if c.strip() != "Skip to content"]
    if last is None or not (furniture_after or closed_before):
        # a page cut short inside its text prints no summary: nothing to point at
        return [ReviewItem(None, "", "summary", "no summary found", "summary-candidate", "medium")] \
            if last is None else []
    return [ReviewItem(last.line, last.text, role_of(last),
                       "no summary found; this last paragraph of running text may be the page's summary",
                       "summary-candidate", "medium")]


# -- blocks ----------------------------------------------------------------------------------


def _read_as(block: Block, *types: str) -> bool:
    return any(s.get("type") in types for s in block.spans)


def _unread_mark(block: Block) -> bool:
    """A classification or copy mark printed in the line (outside brackets) that no span reads."""
    if block.kind == "mark" or _read_as(block, "classification", "copy"):
        return False
    bare = re.sub(r"\[[^\]]*\]?", " ", block.text)
    return bool(MARK_RE.search(bare)) and (block.get("phase") != "body" or len(bare.split()) <= 14)


def _fallback_risk(block: Block) -> tuple[str, str] | None:
    """What a fallback placement may have hidden, by the line's shape; None when nothing a reader
    relies on can hide in it (a heading, an addressee, a label without a value)."""
    text = re.sub(r"\[[^\]]*\]?", " ", block.text)
    number = NUMBER_RE.search(text)
    if number and not _read_as(block, "outgoing", "reference", "registration", "copy"):
        # one word before the sign is a document type's serial (``Ciphergram No. 2019``) as often as the
        # office's number (``Outgoing Nº 283 ss``, ``M. Nº 435``); a line opening with the sign (``No.:
        # 060.076``) is the office's number more often than a number after words (``File # 12.208``):
        # each its own code, its own certainty
        if len(text[:number.start()].split()) == 1:
            return ("number-after-word", "a number under a number sign after one word, that no recogniser "
                    "read: a document type's serial, or the office's outgoing number?")
        if not text[:number.start()].strip():
            return ("number-alone", "a line opening with a number sign that no recogniser read: it may be "
                    "the office's outgoing number")
        return ("number-unread", "a number under a number sign that no recogniser read: it may be the "
                "outgoing number (or a copy number) under a label not known")
    mark = OTHER_MARK_RE.search(text)
    if mark and " " not in mark.group().strip() and re.match(r"\s+[A-Z]", text[mark.end():]):
        mark = None  # one word opening an office's name (``Special Department``), not a mark
    if mark and not _read_as(block, "classification", "precedence", "copy"):
        return ("mark-unread", "a handling, precedence or copy mark may stand in this line, which no "
                "recogniser claimed")
    return None


def _signer_unread(block: Block) -> bool:
    """A signature with no signer's name read, or a ``(NAME)`` line that is not a signature."""
    named = any(s.kind == "name" and s.get("type") == "person" for s in block.spans)
    if block.kind == "signed":
        return not named and bool(SIGNATURE_RE.search(block.text) or PAREN_NAME_RE.search(block.text)) \
            and "[signature]" not in block.text.strip().lower()[-12:]
    return block.get("phase") in ("body", "bottom") and len(block.text.split()) <= 14 and not named \
        and bool(PAREN_NAME_RE.search(block.text) or ANY_SIGNATURE_RE.search(block.text))


def _block_items(block: Block) -> list[ReviewItem]:
    items = []
    if _unread_mark(block):
        items.append(ReviewItem(block.line, block.text, role_of(block),
                                "a classification or copy mark stands in this line but was not read as one",
                                "mark-unread"))
    if block.get("review"):
        items.append(ReviewItem(block.line, block.text, role_of(block), block.get("review"), "recogniser"))
    elif (block.get("recogniser") in FALLBACK_RECOGNISERS or block.get("fallback")
          or (block.get("phase") == "top" and block.get("recogniser") == "heading")) and block.text.strip():
        # a header line read as a heading by its shape alone is placed by position too
        risk = _fallback_risk(block)
        if risk:
            placed = "the body" if block.get("phase", "body") == "body" else f"the {block.get('phase')} group"
            items.append(ReviewItem(block.line, block.text, role_of(block),
                                    f"no recogniser claimed this short line (placed in {placed} by its "
                                    f"position): {risk[1]}", risk[0]))
    if _signer_unread(block):
        items.append(ReviewItem(block.line, block.text, role_of(block),
                                "a signature or a signer's name in parentheses, but no signer's name was read",
                                "signer-unread"))
    return items + _span_items(block)


def _stamp_items(block: Block) -> list[ReviewItem]:
    """A stamp bracket holding two full dates (two stamps side by side, flattened from two columns)
    or digits of which neither a date nor a number was read."""
    items = []
    for note in (s for s in block.spans if s.kind == "note" and s.get("type") == "stamp"):
        inside = [s for s in block.spans if note.start <= s.start and s.end <= note.end and s is not note]
        dates = [s for s in inside if s.kind == "date" and len(s.get("when") or "") == 10]
        read = any(s.kind in ("date", "idno") for s in inside)
        printed = block.text[note.start:note.end]
        if len(dates) >= 2:
            why = "two full dates in one stamp bracket: two stamps printed side by side may be read as one"
        elif not read and re.search(r"\d{2,}", printed):
            why = "a stamp bracket with digits of which no date nor number was read"
        else:
            continue
        items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: stamp", why, "stamp-unsure", "medium"))
    return items


def _span_items(block: Block) -> list[ReviewItem]:
    items = _stamp_items(block)
    for span in block.spans:
        printed = block.text[span.start:span.end]
        inner = printed.strip("[]").strip()
        if span.kind == "supplied" and span.get("reason") == "added-in-translation" \
                and _default_in_doubt(block.text, span):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: supplied {printed!r}",
                                    "no bracket convention matched; read as words the translator added, but "
                                    "its shape is not an addition's (a number may be a footnote marker, a colon, "
                                    "quotation marks or a whole line a remark, a restated or capitalised word a gloss "
                                    "or the original's word)",
                                    "bracket-default"))
        elif span.kind == "supplied" and span.get("reason") == "gloss" and NO_NOUN_BEFORE_RE.search(
                before(block.text, span)):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: gloss {printed!r}",
                                    "read as a gloss, but a verb or a small word stands before it, no noun it "
                                    "could restate: words the translator added?", "gloss-after-verb"))
        elif span.kind == "supplied" and span.get("reason") == "gloss" and _gloss_in_doubt(block.text, span):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: gloss {printed!r}",
                                    "read as a gloss of the word before, but it neither expands an acronym, "
                                    "spells the words before again, nor names a pronoun: it may be words the "
                                    "translator added",
                                    "gloss-or-added"))
        elif span.kind == "supplied" and span.get("reason") == "gloss" and PHRASE_RE.match(inner):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: gloss {printed!r}",
                                    "read as a gloss saying which one, but a phrase under a preposition may be "
                                    "words the translator added to complete the noun", "gloss-phrase"))
        elif span.get("review"):
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: {span.kind}", span.get("review"),
                                    "recogniser"))
        elif span.get("cert") == "low" or (span.kind == "date" and span.get("cert") == "medium"
                                           and SLASH_DATE_RE.search(printed)):
            # a date whose year was completed from the document's own year (cert=medium) is
            # reliably right and not listed; a slash date that reads both ways is listed
            why = "date read in one of two orders (day/month)" if span.kind == "date" else f"{span.kind} resolved"
            items.append(ReviewItem(block.line, block.text, f"{role_of(block)}: {span.kind} {printed!r}",
                                    f"{why} (cert={span.get('cert')})", "low-certainty", span.get("cert")))
    return items


def _first_word(text: str, span) -> str:
    first = re.match(r"[^\W\d_]+", text[span.start:span.end].strip("[] "))
    return first.group().lower() if first and len(first.group()) >= 2 and first.group()[0].isupper() else "\0"


def restates_word_before(text: str, span) -> bool:
    """The bracket spells again the words right before it (``Wulumuqi [Urumqi]``, ``chuch’e
    [juche]``, ``Pak Gyeong-sun [Pak Kyong-sun]``): a romanisation or the original's word, by the
    letters they share, never by the words seen."""
    inner = letters(text[span.start:span.end])
    words = before(text, span).split()
    if len(inner) < 3 or not words:
        return False
    n = len(text[span.start:span.end].split())
    if _first_word(text, span) in {w.lower().strip(",;:()") for w in words[-n:]}:
        return True  # the name before, completed or spelled again (``Mun [Mun Il]``, ``MAO ZEDONG [MAO TSE-TUNG]``)
    for k in {max(1, n - 1), n, n + 1}:
        spelled = letters(" ".join(words[-k:]))
        if spelled and 0.75 <= len(spelled) / len(inner) <= 1 / 0.75 \
                and SequenceMatcher(None, spelled, inner).ratio() >= 0.65:
            return True
    return False


def expands_acronym(prev: str, inner: str) -> bool:
    """``KWP [Korean Workers’ Party]``, ``BCP [Central Committee of the Bulgarian Communist Party]``,
    ``MTS [Machine-Tractor Station]``: the acronym's letters are, in order, the initials of the
    bracket's capitalised words."""
    acronym = re.sub(r"[^A-Z]", "", prev)
    if len(acronym) < 2 or not re.fullmatch(r"[A-Z][A-Za-z.-]*[A-Z]\.?", prev.strip(",;:()")):
        return False
    initials = iter("".join(w[0] for w in re.findall(r"[A-ZÀ-Ý][\w’']*", inner)))
    return all(letter in initials for letter in acronym)


def _says_who(text: str, span, prev: str, inner: str) -> bool:
    """A bracket after a name or an acronym, saying who or what it is (``Filippov [Stalin]``,
    ``Executive Committee [Politburo]``, ``SED [Socialist Unity Party]``): the convention's gloss.
    Not after a title (``Ambassador [Popa]``: the name the original left out), nor after a short
    name (``Ji [Pengfei]``, ``IX [SED]``: a name completed, or no name at all), nor before a
    capitalised word (``[Mehmet] Shehu``: an identification before a name)."""
    word = prev.strip(",;:()’'\"“”")
    if not word or not word[0].isupper() or TITLE_RE.search(before(text, span).rstrip() + " "):
        return False
    if re.match(r"\s*[A-ZÀ-Ý]", text[span.end:span.end + 3]):
        return False
    if word.isupper():  # an acronym: its gloss is its words, in capitalised words, not another acronym
        return not inner.isupper() and inner[:1].isupper() and not CLAUSE_WORD_RE.search(inner)
    return len(re.sub(r"\W", "", word)) > 4


def _gloss_in_doubt(text: str, span) -> bool:
    """A gloss is a guess unless the bracket can be seen to restate the word before: an acronym it
    expands (``CC [Central Committee]``), the same words spelled again (``Wulumuqi [Urumqi]``), a
    pronoun it names (``they [the East Germans]``), or a name it identifies (``_says_who``).
    After a demonstrative (``that [the aid]``: a conjunction as often as a pronoun) the gloss is a guess.
    Anything else read as a gloss (``IX [SED] Party``, ``Ambassador [Popa]``, ``Copy [Chinese]
    Central``, a bracket opening its line) may be words the translator added."""
    last = re.search(r"(\S+)\s*$", before(text, span))
    prev = last.group(1) if last else ""
    inner = text[span.start:span.end].strip("[]").strip()
    if not inner:
        return False
    return not (expands_acronym(prev, inner) or restates_word_before(text, span)
                or (gloss_after_pronoun(prev, inner) and prev.lower() not in DEMONSTRATIVES)
                or _says_who(text, span, prev, inner))


def _unbracketed(text: str) -> str:
    return re.sub(r"\[[^\]]*\]", " ", text).strip()


def _default_in_doubt(text: str, span) -> bool:
    """A bracket no convention matched (read as words the translator added) whose shape is not an
    addition's: only a number that is not a year (a footnote marker?), a remark (a colon, one word
    with ``!`` or ``?`` as ``[sic!]``, or quotation marks among three words and more: an editor's note?), a whole line (a note, a
    signer, a description of what is left out?), or the words before spelled again (the
    original's word, a romanisation?).  A capitalised word alone is no sign (``[Cuban]``, ``[I]``)."""
    printed = text[span.start:span.end]
    inner = printed.strip("[]").strip()
    if not printed.rstrip().endswith("]"):
        return True  # a bracket the page never closes (cut short): what it holds is a guess
    if not inner or re.fullmatch(r"1[5-9]\d\d|20\d\d", inner):
        return False  # ``28 June [1962]``, ``this year [1974]``: a year completes a date
    if DOUBTFUL_ADDITION_RE.fullmatch(inner) or ":" in inner or re.fullmatch(r"\w+[!?]", inner) \
            or (re.search(r"[“”\"]", inner) and len(inner.split()) >= 3):
        return True
    if re.fullmatch(r"[a-z]{4,}ed", inner) and re.search(r"[A-ZÀ-Ý]\w*\s*$", before(text, span)):
        return True  # a remark on the name before (``Bah [transliterated]``), not words of the sentence
    if not _unbracketed(before(text, span)) and not _unbracketed(after(text, span)).strip(" .;:") \
            and not FULL_DATE_RE.fullmatch(inner):
        return True  # the bracket is the whole line: a remark about the page (a date alone is a dateline's date)
    return restates_word_before(text, span)


def _mark_items(doc: Document) -> list[ReviewItem]:
    by_note: dict[str, Block] = {}
    for block in doc.blocks():
        for span in block.spans:
            if span.get("xml:id"):
                by_note[span.get("xml:id")] = block
    items = []
    for mark in doc.marks:
        if mark.cert in UNSURE:
            block = by_note.get(mark.note)
            items.append(ReviewItem(block.line if block else None, block.text if block else "",
                                    f"marginal mark ({mark.function}, {mark.rend})",
                                    f"the span the translator's note points to is a guess (cert={mark.cert})",
                                    "low-certainty", mark.cert))
    return items


def _distribution_items(blocks: list[Block]) -> list[ReviewItem]:
    """A list right under a copies line at the top that was left as header furniture."""
    items = []
    for prev, block in zip(blocks, blocks[1:]):
        if COPIES_RE.search(prev.text) and prev.get("phase") == "top" and block.kind == "bullet-item" \
                and block.get("fallback"):
            items.append(ReviewItem(prev.line, prev.text, role_of(prev),
                                    "a list under a copies line was not read as a distribution list",
                                    "distribution-unread", "medium"))
    return items


def _cut_signer(doc: Document, blocks: list[Block], last_line: str = "") -> list[ReviewItem]:
    """A signer read by position only (the fallback) from one short word (``Kono.``, ``Af``: four
    letters at most, too short for a signer's whole name): it may be a cut paragraph's first word;
    on a page that stops without its furniture (an excerpt cut short) a last line of two words
    likewise, and a last line of three words at most that is the page's last line (nothing after it:
    the excerpt stops there).  A surname alone (``Kuznetsov``) is how many signers sign: not listed."""
    h = doc.header
    cut = bool(blocks) and not (h.summary or h.source_line or h.rights)
    items = []
    for i, block in enumerate(blocks):
        if block.kind != "signed" or block.get("recogniser") not in FALLBACK_RECOGNISERS:
            continue
        words = re.findall(r"[^\W\d_]+", block.text)
        at_end = i == len(blocks) - 1 and (cut or block.text.strip() == last_line)
        if (len(words) == 1 and len(words[0]) <= 4) or (at_end and len(words) <= 3):
            items.append(ReviewItem(block.line, block.text, role_of(block), "one short word (or the last "
                                    "short line of a page that stops without its furniture) was read as a "
                                    "signer by its position only", "signer-unread"))
    return items


def review_document(doc: Document, source_text: str) -> tuple[ReviewItem, ...]:
    """Every uncertain decision in ``doc`` that a fact depends on, in source order (page-level first),
    each with its calibrated certainty; ``listed`` keeps those a person is sent to."""
    lines = source_text.split("\n")
    blocks = list(doc.blocks())
    found = _header_items(doc, lines) + _summary_items(doc) + _distribution_items(blocks) \
        + _cut_signer(doc, blocks, next((ln.strip() for ln in reversed(lines) if ln.strip()), ""))
    for block in blocks + list(doc.footnotes):
        found.extend(_block_items(block))
    found.extend(_mark_items(doc))
    found.extend(fallback_items(doc, blocks, lines))
    zones = zone_items(doc, lines, blocks, lambda value: _source_line(lines, value))
    if any(it.code == "no-title" and it.line for it in zones):  # the page-level item, now with its line
        found = [it for it in found if it.code != "no-title"]
    found.extend(zones)
    found.extend(every_items(doc, blocks, lines, found))
    seen, unique = set(), []
    for item in found:
        key = (item.line, item.role, item.why)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    unique.sort(key=lambda it: (it.line is not None, it.line or 0))
    unique = distribution_runs(unique, lines)
    return tuple(with_certainty(replace(it, evidence=ev))
                 for it, ev in zip(unique, features_of(unique, blocks + list(doc.footnotes), lines)))


def lines_to_check(items) -> int:
    """How many distinct source lines (plus page-level items) a person is sent to."""
    return len({it.line for it in items if it.line is not None}) + sum(1 for it in items if it.line is None)


def by_code(items) -> dict[str, list[int | None]]:
    """The listed lines grouped by reason code (most lines first), so a reader can take one kind of
    fix at a time: ``{"gloss-or-added": [7, 23], "summary-position": [1]}`` (``None``: page-level)."""
    groups: dict[str, list[int | None]] = {}
    for it in items:
        lines = groups.setdefault(it.code, [])
        if it.line is None or it.line not in lines:
            lines.append(it.line)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def report_json(reports: dict[str, tuple[ReviewItem, ...]]) -> str:
    """The ``--review`` file: one entry per source, with its count, its lines by reason code and its items."""
    out = {source: {"lines_to_check": lines_to_check(items), "by_code": by_code(items),
                    "items": [asdict(it) for it in items]}
           for source, items in reports.items()}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def count_line(source: str, items) -> str:
    """The one-line stderr summary for a converted source, with its lines per reason code."""
    n = lines_to_check(items)
    groups = ", ".join(f"{code} {len(lines)}" for code, lines in by_code(items).items())
    return f"{source}: review: {n} line{'s' if n != 1 else ''} to check" + (f" ({groups})" if groups else "")


__all__ = ["ReviewItem", "review_document", "report_json", "count_line", "lines_to_check", "role_of", "by_code",
           "listed"]
