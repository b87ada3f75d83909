"""Converting archive pages to TEI: the pipeline and the ``convert`` command's body.

Why: one place wires the stages together (read the page -> recognise blocks
-> group divisions -> inline conventions -> transforms -> write TEI) and turns
files and folders into outputs written whole or not at all.

Transforms run in this order, each a pure function ``Document -> Document``:
``assign_paragraph_ids``, ``date_years_from_document``, ``resolve_marginal_marks``,
``link_entities``.  (Sentence segmentation is done by ``marks`` where it is needed.)
"""

from __future__ import annotations

import os
import re
import sys
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from .errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, InputError, TeiEditionError
from .files import atomic_write, decode_source
from .model import Block, Document, Span, attrs_of, block_kind

#: A text whose blocks are only of these kinds shows none of the archive's conventions.
PLAIN_KINDS = frozenset({"p", "line"})

#: Plain-text sources larger than this are refused (override with TEIEDITION_MAX_BYTES).
DEFAULT_MAX_TEXT_BYTES = 16 * 1024 * 1024
SOURCE_SUFFIXES = (".txt",)
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Conversion:
    tei: bytes
    warnings: tuple[str, ...]
    review: tuple = ()  # review.ReviewItem: the decisions a person should check


# ---------------------------------------------------------------------------------
# transforms


def assign_paragraph_ids(doc: Document) -> Document:
    """``p1``, ``p2``... on paragraph blocks in document order (targets of whole-paragraph marks)."""
    counter = 0
    divs = []
    for div in doc.divisions:
        blocks = []
        for b in div.blocks:
            if block_kind(b.kind).paragraph and b.get("phase") == "body":
                counter += 1
                b = b.with_attrs(**{"xml:id": f"p{counter}"})
            blocks.append(b)
        divs.append(replace(div, blocks=tuple(blocks)))
    return replace(doc, divisions=tuple(divs))


def _person_around(spans: list, m, person_starts: list[int], person_ends: list[int], names: "_Overlaps") -> int | None:
    """The index of the person's name that holds the mention ``m`` and is longer (``L. Beria`` around
    ``Beria``, the addressee ``Iosif Vissarionovich S t a l i n`` around ``S t a l i n``), or None.

    A signatory's name always; another person's name when it holds no other person the authority knows
    (``Comrade Beria Molotov`` is no one name): one person, one ``persName``, never one inside another.
    ``person_starts``/``person_ends``: the person mentions of the block, sorted by start (a name is short,
    so only the few mentions inside it are looked at); ``names``: the block's name spans by position, so
    only those over the mention are looked at, not every span of the block (a block of 20,000 bracketed
    names was quadratic)."""
    def alone(s) -> bool:
        lo, hi = bisect_left(person_starts, s.start), bisect_left(person_starts, s.end)
        return sum(1 for k in range(lo, hi) if person_ends[k] <= s.end) <= 1

    return min((j for j in names.over(m.start, m.end) for s in (spans[j],)
                if s.start <= m.start and m.end <= s.end and (s.start, s.end) != (m.start, m.end)
                and (s.get("role") == "signatory" or s.get("type") == "person" and alone(s))), default=None)


class _Overlaps:
    """Spans of a block sorted by start, with the running maximum of their ends: the spans over a short
    range are found by walking back from its end only while an earlier span can still reach it, instead
    of testing every span of the block for every name (what made ``link_entities`` quadratic)."""

    def __init__(self, items: list[tuple[int, int, int]]):
        self._items = sorted(items)  # (start, end, key)
        self._starts = [a for a, _b, _k in self._items]
        self._reach, top = [], -1
        for _a, b, _k in self._items:
            top = max(top, b)
            self._reach.append(top)

    def over(self, start: int, end: int) -> list[int]:
        """The keys of the spans that touch ``start``..``end`` (ends included: a superset of those that
        overlap it, which the caller tests exactly), in no particular order."""
        found = []
        k = bisect_left(self._starts, end + 1) - 1
        while k >= 0 and self._reach[k] >= start:
            if self._items[k][1] >= start:
                found.append(self._items[k][2])
            k -= 1
        return found


def _signatory_is(spans: list, ref: str, m, signatories: list[int]) -> bool:
    """Is ``m`` outside the signatory's name and the same person (the signatory's name carries ``ref``)?
    ``signatories``: the indices of the block's signatory names (their ``ref`` may be set as names are linked)."""
    return any(spans[j].get("ref") == ref and (m.end <= spans[j].start or m.start >= spans[j].end) for j in signatories)


def link_entities(doc: Document) -> Document:
    """Names from the authority file become persName/orgName/placeName with ``@ref``."""
    from .recognising.entities import default_authority

    auth = default_authority()
    used: dict[str, object] = {}

    def link(block: Block) -> Block:
        mentions = auth.find_mentions(block.text)
        if not mentions:
            return block
        spans = list(block.spans)
        found = sorted((x.start, x.end) for x in mentions if x.entry.kind == "person")
        persons = ([a for a, _b in found], [b for _a, b in found])
        by_range = {(s.start, s.end): i for i, s in enumerate(spans) if s.kind == "name"}
        others = _Overlaps([(s.start, s.end, i) for i, s in enumerate(spans) if s.kind != "name"])
        names = _Overlaps([(s.start, s.end, i) for i, s in enumerate(spans) if s.kind == "name"])
        signatories = [i for i, s in enumerate(spans) if s.kind == "name" and s.get("role") == "signatory"]
        for m in mentions:  # left to right, never overlapping: a name appended below holds no later mention
            near = [spans[i] for i in others.over(m.start, m.end)]  # a span apart from the mention never matters
            if any(_crosses(m.start, m.end, s) for s in near):
                continue  # a name never cuts through a bracket, a quotation or a marked span
            if any(s.kind == "gap" and s.get("reason") == "signature" and s.start <= m.start and m.end <= s.end
                   for s in near):
                continue  # "[Stalin’s signature]": the placeholder describes a signature, no name is printed
            ref = f"#{m.entry.id}"
            used[m.entry.id] = m.entry
            if block.kind == "signed" and _signatory_is(spans, ref, m, signatories):
                continue  # "FILIPPOV [Stalin]": the gloss names the signatory again, no second signer
            outer = _person_around(spans, m, *persons, names) if m.entry.kind == "person" else None
            if outer is not None:  # "L. Beria" signs: one person, one persName (the ref on it), never two
                if not spans[outer].get("ref"):
                    spans[outer] = replace(spans[outer], attrs=attrs_of(**dict(dict(spans[outer].attrs), ref=ref)))
                continue
            i = by_range.get((m.start, m.end))
            if i is not None:
                spans[i] = replace(spans[i], attrs=attrs_of(**dict(dict(spans[i].attrs), ref=ref)))
                continue
            spans.append(Span(m.start, m.end, "name", attrs_of(type=m.entry.kind, ref=ref), rank=70))
        return replace(block, spans=tuple(spans))

    divs = [replace(d, blocks=tuple(link(b) for b in d.blocks)) for d in doc.divisions]
    footnotes = tuple(link(b) for b in doc.footnotes)
    # keep only entries whose mention survived nesting is not knowable here; all found are listed
    entries = tuple(sorted(used.values(), key=lambda e: (e.kind, e.id)))
    return replace(doc, divisions=tuple(divs), footnotes=footnotes, entities=entries)


def date_years_from_document(doc: Document) -> Document:
    """A date printed without its year (``11 July``, ``15.IV``) takes the document's year, cert=medium."""
    from .recognising.dates import parse_date

    year = (doc.header.date_when or "")[:4]
    if not year.isdigit():
        return doc

    def fill(block: Block) -> Block:
        spans = list(block.spans)
        changed = False
        for i, s in enumerate(spans):
            if s.kind != "date" or s.get("when"):
                continue
            printed = block.text[s.start:s.end]
            for candidate in (f"{printed} {year}", f"{printed}, {year}", f"{printed}.{year}"):
                parsed = parse_date(candidate)
                if parsed and parsed.when and parsed.text == candidate:
                    spans[i] = replace(s, attrs=attrs_of(when=parsed.when, cert="medium"))
                    changed = True
                    break
        return replace(block, spans=tuple(spans)) if changed else block

    divs = [replace(d, blocks=tuple(fill(b) for b in d.blocks)) for d in doc.divisions]
    return replace(doc, divisions=tuple(divs), footnotes=tuple(fill(b) for b in doc.footnotes))


def _crosses(start: int, end: int, span: Span) -> bool:
    lo, hi = span.content
    inside = lo <= start and end <= hi
    around = start <= span.start and span.end <= end
    apart = end <= span.start or start >= span.end
    return not (inside or around or apart)


def _transforms():
    from .transforms.marks import resolve_marginal_marks

    return (assign_paragraph_ids, date_years_from_document, resolve_marginal_marks, link_entities)


# ---------------------------------------------------------------------------------
# the pipeline


def build_document(text: str, *, doc_id: str, source_name: str = "<input>", page=None) -> Document:
    """Read, recognise and transform one page into the document model (``page``: ``text`` already read
    by ``reading.source.read_page`` under the same name, not read again)."""
    from .recognising import recognise
    from .reading import source

    page = source.read_page(text, name=source_name) if page is None else page
    blocks = recognise.classify_blocks(page.body)
    divisions, footnotes = recognise.structure(blocks, summary_found=bool(page.header.summary))
    # markers consume their numbers as they are found; texts of a notes block ("Translator's Notes")
    # may also be marked "(1)" or "Khrushchev.1"
    waiting = recognise.WaitingFootnotes((b.get("n") for b in footnotes),
                                         styled=(b.get("n") for b in footnotes if b.get("style") == "notes-block"),
                                         odd=(b.get("n") for b in footnotes if b.get("call") == "odd"))
    divisions = tuple(replace(d, blocks=tuple(recognise.annotate_inlines(b, waiting) for b in d.blocks))
                      for d in divisions)
    placed = tuple(b for b in footnotes if b.get("n") not in waiting)
    unplaced = tuple(b for b in footnotes if b.get("n") in waiting)
    footnotes = tuple(recognise.annotate_inlines(_strip_marker(b)) for b in placed)
    if unplaced:  # a footnote text whose marker is inside another note stays where it was printed
        last = divisions[-1]
        kept = tuple(recognise.annotate_inlines(replace(b, kind="postscript").with_attrs(phase="bottom"))
                     for b in unplaced)
        divisions = divisions[:-1] + (replace(last, blocks=last.blocks + kept),)
    warnings = list(page.warnings)
    plain = not any(b.kind not in PLAIN_KINDS for d in divisions for b in d.blocks) \
        and not any(s.kind != "date" for d in divisions for b in d.blocks for s in b.spans)
    if plain:
        what = "no page layout and none of the archive's conventions" if not page.header.layout \
            else "none of the archive's conventions"
        # this replaces the reader's "no layout" warning; a header warning is kept
        warnings = [w for w in warnings if "page header not read" in w] + [
            f"{source_name}: warning: {what} found; converted as plain paragraphs"]
    doc = Document(doc_id=doc_id, source_name=source_name, header=page.header,
                   divisions=divisions, footnotes=footnotes, warnings=tuple(warnings))
    for transform in _transforms():
        doc = transform(doc)
    return doc


def _strip_marker(block: Block) -> Block:
    m = re.match(r"^(?:\[\d+\]|\(\d+\)|\d+[.)]?)\s*", block.text)
    return replace(block, text=block.text[m.end():] if m else block.text, spans=())


def convert_text(text: str, *, doc_id: str, source_name: str = "<input>",
                 run_date: str | None = None, review: bool = True, page=None) -> Conversion:
    """Convert one decoded page to TEI bytes (deterministic for a given run date).

    ``review=False`` leaves ``Conversion.review`` empty: ``build`` never reads it (2 ms a page).
    ``page``: the page as ``read_page`` read it already (``convert_source_text``).
    """
    from .writing.teiwriter import write_tei

    bad = NOT_XML_RE.search(text)
    if bad:
        raise InputError(f"character U+{ord(bad.group()):04X} cannot appear in XML; not a text source",
                         path=source_name)
    from .review import review_document

    doc = build_document(text, doc_id=doc_id, source_name=source_name, page=page)
    tei = write_tei(doc, run_date=resolve_run_date(run_date))
    return Conversion(tei=tei, warnings=doc.warnings, review=review_document(doc, text) if review else ())


def resolve_run_date(run_date: str | None) -> str:
    """The option, else SOURCE_DATE_EPOCH (reproducible builds), else today in UTC."""
    if run_date:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", run_date):
            raise InputError(f"--run-date must be YYYY-MM-DD, not {run_date!r}")
        try:
            datetime.strptime(run_date, "%Y-%m-%d")
        except ValueError:
            raise InputError(f"--run-date is not a calendar date: {run_date!r}") from None
        return run_date
    epoch = (os.environ.get("SOURCE_DATE_EPOCH") or "").strip()
    if epoch and epoch.isascii() and epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            raise InputError(f"SOURCE_DATE_EPOCH={epoch} is not a usable date (seconds since 1970)") from None
    return datetime.now(tz=timezone.utc).strftime("%Y-%m-%d")


def doc_id_for(path: str | os.PathLike, record_id: str | None = None) -> str:
    """``TEI/@xml:id``: ``doc-`` + the Record ID when the page has one, else the file's stem.

    The prefix makes it an NCName even when the stem starts with a digit.
    """
    base = record_id or Path(path).stem
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-") or "document"
    return f"doc-{slug}"


def source_files(folder: Path) -> list[Path]:
    """The sources of a folder (``*.txt``, any case), sorted: what convert and build both take."""
    return sorted(f for f in folder.iterdir() if f.suffix.lower() in SOURCE_SUFFIXES and f.is_file())


def convert_source_text(text: str, *, source_name: str, run_date: str | None = None,
                        review: bool = True) -> Conversion:
    """One decoded source to TEI, its ``xml:id`` from the page's Record ID, else the file name.

    The one conversion step: ``convert`` and every ``build`` worker call it.  The page is read
    once: its header gives the id, and the same reading is converted.
    """
    from .reading.source import read_page

    page = read_page(text, name=source_name)
    return convert_text(text, doc_id=doc_id_for(source_name, page.header.record_id), source_name=source_name,
                        run_date=run_date, review=review, page=page)


def read_source(path: str | os.PathLike) -> tuple[str, tuple[str, ...]]:
    """Read and decode a plain-text source; one-line InputError when it cannot be used."""
    from .safexml import max_input_bytes, read_bytes

    data = read_bytes(path, max_bytes=max_input_bytes(DEFAULT_MAX_TEXT_BYTES))
    decoded = decode_source(data, name=str(path))
    return decoded.text, decoded.warnings


def convert_file(src: str | os.PathLike, out: str | os.PathLike | None, *,
                 run_date: str | None = None, review: list | None = None) -> tuple[str, ...]:
    """Convert one file; write ``out`` whole (or stdout when ``out`` is None). Returns warnings.

    When ``review`` is a list, the conversion's review items are appended to it."""
    text, read_warnings = read_source(src)
    conversion = convert_source_text(text, source_name=str(src), run_date=run_date, review=review is not None)
    if out is None:
        sys.stdout.buffer.write(conversion.tei)
        sys.stdout.flush()  # a full disk or closed pipe is the CLI's one line (exit 2), not a failure here
    else:
        try:
            atomic_write(out, conversion.tei)
        except OSError as exc:
            raise InputError(f"cannot write output: {exc.strerror or exc}", path=str(out)) from None
    if review is not None:
        review.extend(conversion.review)
    return read_warnings + conversion.warnings


def _record_id_of(text: str) -> str | None:
    from .reading.source import read_page

    return read_page(text).header.record_id


def _sources(sources) -> list[tuple[Path, bool]]:
    """Expand folders to their .txt files; (path, came_from_folder)."""
    found: list[tuple[Path, bool]] = []
    for s in sources:
        p = Path(s)
        if p.is_dir():
            found.extend((f, True) for f in source_files(p))
        else:
            found.append((p, False))
    return found


def out_is_stdout_error(exc: OSError, target) -> bool:
    """A write error on standard output (disk full, closed pipe): the command stops with one line."""
    import errno

    return target is None and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE, errno.EIO)


def _same_file_key(path: Path) -> str:
    """One spelling per file (symlinks and ``..`` resolved), to catch outputs that hit an input or each other."""
    return os.path.normcase(os.path.realpath(path))


#: Seconds one source may take to convert (``--time-limit``), as in ``build``; 0 means none.
DEFAULT_TIME_LIMIT = 300.0


def convert(sources, output: str | None, *, run_date: str | None = None, quiet: bool = False,
            time_limit: float = DEFAULT_TIME_LIMIT, review: str | None = None,
            review_threshold: float | None = None) -> int:
    """The ``convert`` command: one file to a file (or stdout), several or a folder to a folder.

    Exit code 0 when all converted, 1 when a source took longer than ``time_limit`` seconds
    (a crafted page must not hold the command forever), 2 when any input was unreadable (the
    others are still converted), 3 on an internal error.  With ``review``, the review
    report of every converted source is written to that JSON file (keyed by
    source) and a count line per source is printed on stderr; ``review_threshold`` (default
    ``review_calibration.THRESHOLD``) lists the decisions whose certainty is below it.
    """
    from .timelimit import DocumentTimeout, time_limit as limited  # noqa: PLC0415 - cli start-up speed

    resolved = resolve_run_date(run_date)
    items = _sources(sources)
    if not items:
        raise InputError("no .txt sources found in " + ", ".join(map(str, sources)))
    to_folder = len(items) > 1 or any(from_dir for _p, from_dir in items) or (
        output is not None and (output.endswith(os.sep) or Path(output).is_dir()))
    if to_folder and output is None:
        raise InputError("several sources need -o OUTPUT_FOLDER")
    if to_folder and Path(output).exists() and not Path(output).is_dir():
        raise InputError("is a file; several sources need an output folder", path=output)
    if to_folder and not Path(output).is_dir() and Path(output).suffix.lower() == ".xml":
        raise InputError("names a file, but several sources or a folder need an output folder "
                         "(-o FOLDER; SOURCE.txt becomes FOLDER/SOURCE.xml)", path=output)
    if review is not None and _same_file_key(Path(review)) in {_same_file_key(p) for p, _d in items}:
        raise InputError("the review report would overwrite a source; choose another --review", path=review)
    code = EXIT_OK
    reports: dict[str, tuple] = {}
    inputs = {_same_file_key(p) for p, _d in items}
    written_from: dict = {}  # output file -> the source it was converted from
    for path, _from_dir in items:
        target = (Path(output) / (path.stem + ".xml")) if to_folder else output
        try:
            if target is not None:
                key = _same_file_key(Path(target))
                if key in inputs:
                    raise InputError(f"the output {target} would overwrite a source; choose another -o",
                                     path=str(path))
                if key in written_from:
                    raise InputError(f"would overwrite {target}, converted from {written_from[key]} in this run; "
                                     "rename one of the sources", path=str(path))
                written_from[key] = path
            found: list = []
            with limited(time_limit):
                warnings = convert_file(path, target, run_date=resolved, review=found)
        except DocumentTimeout:
            print(f"teiedition: error: {path}: took longer than the time limit of {time_limit:g} s; not converted "
                  "(raise it with --time-limit SECONDS, 0 for none)", file=sys.stderr)
            code = max(code, EXIT_INVALID)
            continue
        except TeiEditionError as exc:
            print(f"teiedition: error: {exc}", file=sys.stderr)
            code = max(code, exc.exit_code)
            continue
        except RecursionError:
            print(f"teiedition: error: {path}: document too deeply nested to convert", file=sys.stderr)
            code = max(code, EXIT_UNREADABLE)
            continue
        except OSError as exc:
            if out_is_stdout_error(exc, target):
                raise
            if os.environ.get("TEIEDITION_DEBUG"):
                raise
            print(f"teiedition: internal error: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = max(code, EXIT_INTERNAL)
            continue
        except Exception as exc:  # a bug: one line, keep going with the other files
            if os.environ.get("TEIEDITION_DEBUG"):
                raise
            print(f"teiedition: internal error: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            code = max(code, EXIT_INTERNAL)
            continue
        if not quiet:
            for w in warnings:
                print(w if w.startswith(str(path)) else f"{path}: {w}", file=sys.stderr)
        if review is not None:
            from .review import count_line, listed

            reports[str(path)] = listed(found, review_threshold)
            print(count_line(str(path), reports[str(path)]), file=sys.stderr)
    if review is not None:
        code = max(code, _write_review(review, reports))
    return code


def _write_review(target: str, reports: dict) -> int:
    """Write the review report whole; a report that cannot be written is one error line (exit 2)."""
    from .review import report_json

    try:
        atomic_write(target, report_json(reports).encode("utf-8"))
    except OSError as exc:
        print(f"teiedition: error: {target}: cannot write review report: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    return EXIT_OK


def dump_model(path: str) -> str:
    """The document model of one source as JSON: ``python -m teiedition.convert page.txt``."""
    from .model import to_json

    text, _warnings = read_source(path)
    return to_json(build_document(text, doc_id=doc_id_for(path, _record_id_of(text)), source_name=path))


if __name__ == "__main__":  # debugging aid: see what the recognisers made of a page
    if len(sys.argv) != 2:
        sys.exit("usage: python -m teiedition.convert PAGE.txt  (prints the document model as JSON)")
    try:
        print(dump_model(sys.argv[1]))
    except TeiEditionError as exc:
        sys.exit(f"teiedition: error: {exc}")
