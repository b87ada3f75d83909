"""Time against input size for the hostile generators of issue 11: every command must stay linear.

Why: a small crafted file once blocked a worker for minutes (nested brackets, thousands of
translator's notes or dates in one paragraph, one metamark with thousands of targets,
thousands of duplicate xml:ids; issue 22: thousands of notes cutting one sentence short or
marking the paragraph so far, a print edition of thousands of paragraphs).  A timed test would be flaky on a shared machine; this script
measures each generator at 1x, 10x and 100x its base size (median CPU time of ``--repeat`` runs,
in this process, the stages already warm; the PDF case in a fresh process per size, which also
gives its peak memory) and prints the ratio per 10x.  Goal: every ratio
within 1.5x of linear, that is at most 15.

    python bench/bench_hostile.py               # repeat 3
    python bench/bench_hostile.py --repeat 5 --only nested,dup-ids --json
    python bench/bench_hostile.py --only dts-long,dts-signatures   # the DTS pass (issue 22 items 1, 2)

The DTS cases also report the answers' files and bytes and the peak of Python memory
(``tracemalloc``), and hold those to the same goal per 10x, and the files of the
document's folder to at most 10 at every size (issue 19).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from benchlib import REPO, median_ms

GOAL = 15.0  # 1.5 x linear per 10x
MAX_DTS_FILES = 10  # issue 19: a document's DTS folder, whatever its length and number of sections


# --- generators: size n -> the input (text for convert, TEI bytes for render/validate) ----------

def nested_brackets(n: int) -> str:
    return "A paragraph " + "[a " * n + "]" * n + " ends.\n"


def marked_notes(n: int) -> str:
    note = "[Translator's note: the previous sentence was highlighted in the left margin with a vertical line.]"
    return "Text. " + " ".join(f"Sentence {i} is here. {note}" for i in range(n)) + "\n"


def notes_in_one_sentence(n: int) -> str:
    """Issue 22: notes with no full stop between them, so each cuts the same sentence short."""
    note = "[Translator's note: the previous sentence was highlighted in the left margin with a vertical line.]"
    return "Text " + " ".join(f"word {i} {note}" for i in range(n)) + ".\n"


def paragraph_notes(n: int) -> str:
    """Issue 22: each note marks the paragraph so far, a target holding every earlier note."""
    notes = ("[Translator's note: this paragraph was highlighted in the left margin with a vertical line.]",
             "[Translator's note: the first half of this paragraph was marked with a question mark.]",
             "[Translator's note: the last quote was marked with an exclamation point.]")
    return "Text. " + " ".join(f"Sentence “{i}” is here. {notes[i % 3]}" for i in range(n)) + "\n"


def many_dates(n: int) -> str:
    return "On " + " ".join("9 June 1969" for _ in range(n)) + ".\n"


def many_markers(n: int) -> str:
    return "Footnoted " + " ".join("word[1]" for _ in range(n)) + ".\n"


def header_lines(n: int) -> str:
    """A header zone without end: flattened two-column lines of marks and no paragraph of prose."""
    return "\n\n".join(f"from the diary of V. PETROV{i} Secret Copy no. {i} MOST IMMEDIATE" for i in range(n)) + "\n"


def review_candidates(n: int) -> str:
    """Issue 17: n groups of lines each a review candidate (a name in capitals after a sentence, a stamp
    closed after its label, numbered copies, a completion, double brackets, a title and a name side by side, a line
    of names, copies announced), so the report's rules run n times."""
    group = ("He said the talks went well today.\n\nPETROV{i} IVANOV.\n\n[Stamp:] Secretariat of the Deputy\n\n"
             "Nº {i} – to Petrov\n\nThe Sector [of the Foreign Ministry] met [[crossed out]] on 12 January [1950].\n\n"
             "Chairman of the Council      I. Petrov{i}\n\nV. Orlov, G. Sidorov\n\nTwelve copies were printed.")
    return "March 3, 1961\n\nA Title\n\n" + "\n\n".join(group.format(i=i) for i in range(n)) + "\n"


def untranslated_words(n: int) -> str:
    """Issue 17: n brackets of untranslated words after English ones, each asking the English word list."""
    return "Text. " + " ".join(f"It was a dead end [tupik idti] number {i}." for i in range(n)) + "\n"


BRACKET_NAMES = ("Petrov", "Ivanov", "Moscow", "Sidorov", "Beijing", "Kim Il Sung", "Orlov")
BRACKET_PHRASES = ("of June", "the talks", "in Korea", "to him")


def _bracket_line(i: int) -> str:
    names, phrases = BRACKET_NAMES, BRACKET_PHRASES
    return f"he [{names[i % 7]}] said it [{phrases[i % 4]}] on {i % 28 + 1} June [1950] to [{names[(i + 2) % 7]}]"


def bracket_names(n: int) -> str:
    """Issue 17: one block of n lines, each with names, a place, a phrase and a year in brackets, so every
    mention of a known name is checked against the block's spans (was quadratic in ``link_entities``)."""
    return "\n".join(_bracket_line(i) for i in range(n)) + "\n"


def bracket_names_paragraphs(n: int) -> str:
    """The same n lines, one paragraph each: the per-block checks stay small, the document's grow."""
    return "\n\n".join(_bracket_line(i) for i in range(n)) + "\n"


TEI_HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="bench"><teiHeader><fileDesc>'
            '<titleStmt><title>Generated</title><respStmt xml:id="translator"><resp>translated by</resp>'
            '<persName>A. Translator</persName></respStmt></titleStmt><publicationStmt><publisher>Bench'
            '</publisher></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc>'
            '<profileDesc><creation><date when="1969-06-09">9 June 1969</date><listChange>'
            '<change xml:id="readers">Marks by a later reader.</change></listChange></creation>'
            '</profileDesc></teiHeader><text><body>')
TEI_TAIL = "</body></text></TEI>"


def one_metamark(n: int) -> bytes:
    segs = " ".join(f'<seg type="marked" xml:id="m{i}">Sentence {i}.</seg>' for i in range(n))
    targets = " ".join(f"#m{i}" for i in range(n))
    body = (f'<p xml:id="p1">{segs} <note type="translator" resp="#translator" target="#m0">Translator’s '
            'note: the previous sentences were highlighted in the left margin with a vertical line</note>'
            f'<metamark function="highlight" rend="single-line" place="margin-left" target="{targets}" '
            'change="#readers"/></p>')
    return (TEI_HEAD + body + TEI_TAIL).encode()


def long_document(n: int) -> bytes:
    """Issue 22: n paragraphs for the print edition (100,000 took 212 s and 2.4 GB; the budget is 20,000 elements)."""
    return (TEI_HEAD + "".join(f"<p>Paragraph {i} of a long generated report.</p>" for i in range(n))
            + TEI_TAIL).encode()


def duplicate_ids(n: int) -> bytes:
    return (TEI_HEAD + "".join(f'<p xml:id="same">Paragraph {i}.</p>' for i in range(n)) + TEI_TAIL).encode()


SOURCE_HEAD = ("March 3, 1971\n\nSoviet Embassy in North Korea, 'A Generated Report'\n\n"
               "This document was made possible with support from Bench\n\n\nSecret\n\n")


def long_report(n: int) -> str:
    """Issue 22 item 1: a long plain-text source, n paragraphs in one section (1 MB is about 10,000)."""
    return SOURCE_HEAD + "".join(f"Paragraph {i} of the long report says something about the situation in the "
                                 "country and abroad.\n\n" for i in range(n))


def signature_blocks(n: int) -> str:
    """Issue 22 item 2: n ``[signature] (Name)`` blocks, each opening an enclosure: n top-level units."""
    return SOURCE_HEAD + "".join(f"Paragraph {i} of the report says something about the situation.\n\n"
                                 f"[signature] (N. Sudarikov{i})\n\n\n" for i in range(n))


# --- what each generator feeds -------------------------------------------------------------------

def converter(make):
    from teiedition.convert import convert_text

    def run(n):
        text = make(n)
        return lambda: convert_text(text, doc_id="bench", run_date="2026-01-01"), len(text.encode())
    return run


def html_renderer(make):
    from teiedition.rendering.render import HtmlRenderer
    from teiedition.safexml import parse_xml_bytes

    renderer = HtmlRenderer()

    def run(n):
        data = make(n)
        tree = parse_xml_bytes(data, name="bench.xml")
        return lambda: renderer.render(tree), len(data)
    return run


PDF_CHILD = """
import resource, sys, time
from teiedition.rendering.pdf import PdfRenderer
from teiedition.safexml import parse_xml_bytes
data = sys.stdin.buffer.read()
renderer = PdfRenderer()
renderer.render(parse_xml_bytes(data[:0] + WARM, name="warm.xml"))
tree = parse_xml_bytes(data, name="bench.xml")
start = time.process_time()
pdf = renderer.render(tree)
print(time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def pdf_renderer(make):
    """Each size in a fresh process (warmed on a one-paragraph document), for its CPU time and peak memory."""
    import subprocess

    code = PDF_CHILD.replace("WARM", repr(long_document(1)))

    def run(n):
        data = make(n)
        peaks = []

        def once():
            done = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
            seconds, peak = map(float, done.stdout.split())
            peaks.append(peak)
            once.seconds.append(seconds)
        once.seconds = []
        once.peaks = peaks
        return once, len(data)
    return run


def validator(make):
    from teiedition.safexml import parse_xml_bytes
    from teiedition.validating.validate import Validator

    v = Validator()

    def run(n):
        data = make(n)
        tree = parse_xml_bytes(data, name="bench.xml")
        return lambda: v.validate_tree(tree, "bench.xml"), len(data)
    return run


def dts_writer(make):
    """The DTS pass of ``build`` for one converted source (converted once, not timed): ``write_dts`` from nothing.

    Also reports the answers' files and bytes and the peak of Python memory during one pass
    (``tracemalloc``: the answers were all held in memory before writing).
    """
    import shutil
    import tempfile
    import tracemalloc
    from pathlib import Path

    from teiedition.building.dts import write_dts
    from teiedition.convert import convert_text

    work = Path(tempfile.mkdtemp(prefix="bench-dts-"))

    def run(n):
        out = work / str(n)
        out.mkdir()
        tei = convert_text(make(n), doc_id="bench", run_date="2026-01-01").tei
        (out / "bench.xml").write_bytes(tei)
        entries = [{"id": "bench", "status": "valid", "outputs": ["bench.xml"], "key": "k"}]

        def once():
            shutil.rmtree(out / "dts", ignore_errors=True)
            write_dts(out, entries, base_url="https://example.org/ed/")

        def extra():
            tracemalloc.start()
            once()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            files = [p for p in (out / "dts" / "bench").rglob("*") if p.is_file()]
            return {"files": len(files), "dts_bytes": sum(p.stat().st_size for p in files), "tei_bytes": len(tei),
                    "py_peak_kb": peak // 1024}
        return once, len(tei), extra
    return run


#: name -> (command, base size, runner factory, generator)
CASES = {
    "nested": ("convert", 100, converter, nested_brackets),
    "marked-notes": ("convert", 20, converter, marked_notes),
    "notes-sentence": ("convert", 20, converter, notes_in_one_sentence),
    "notes-para": ("convert", 20, converter, paragraph_notes),
    "dates": ("convert", 200, converter, many_dates),
    "markers": ("convert", 100, converter, many_markers),
    "header-lines": ("convert", 20, converter, header_lines),
    "review": ("convert", 20, converter, review_candidates),
    "untranslated": ("convert", 100, converter, untranslated_words),
    "bracket-names": ("convert", 200, converter, bracket_names),
    "bracket-names-para": ("convert", 200, converter, bracket_names_paragraphs),
    "metamark": ("render html", 50, html_renderer, one_metamark),
    "dup-ids": ("validate", 200, validator, duplicate_ids),
    "dts-long": ("build dts", 100, dts_writer, long_report),
    "dts-signatures": ("build dts", 20, dts_writer, signature_blocks),
    "pdf": ("render pdf", 190, pdf_renderer, long_document),
}


def measure(name: str, repeat: int) -> dict:
    command, base, factory, make = CASES[name]
    run = factory(make)
    rows = []
    for scale in (1, 10, 100):
        func, size, *extra = run(base * scale)
        if hasattr(func, "seconds"):  # measured in a child process: its own CPU time and peak memory
            for _ in range(repeat):
                func()
            rows.append({"n": base * scale, "bytes": size, "ms": statistics.median(func.seconds) * 1000,
                         "peak_mb": max(func.peaks)})
            continue
        func()  # warm: compiled stylesheets and schemas, loaded authority file
        rows.append({"n": base * scale, "bytes": size, "ms": median_ms(func, repeat, clock=time.process_time),
                     **(extra[0]() if extra else {})})
    ratios = [rows[i + 1]["ms"] / max(rows[i]["ms"], 0.01) for i in range(2)]
    result = {"case": name, "command": command, "rows": rows, "ratios_per_10x": ratios}
    for key in ("py_peak_kb", "dts_bytes", "files"):  # memory and output must grow no faster than time may
        if key in rows[0]:
            result[f"{key}_per_10x"] = [rows[i + 1][key] / max(rows[i][key], 1) for i in range(2)]
    result["linear"] = all(r <= GOAL for key, values in result.items() if key.endswith("per_10x") for r in values)
    if "files" in rows[0]:  # with the nav=parents answer, written with the collections
        result["linear"] = result["linear"] and all(row["files"] <= MAX_DTS_FILES for row in rows)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="comma-separated cases: " + ",".join(CASES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    results = [measure(name, args.repeat) for name in names]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'case':<16}{'command':<13}{'n':>8}{'bytes':>10}{'CPU ms':>10}{'x per 10x':>11}")
        for r in results:
            for i, row in enumerate(r["rows"]):
                ratio = f"{r['ratios_per_10x'][i - 1]:.1f}" if i else ""
                more = ""
                if "files" in row:
                    mem = f" (x{r['py_peak_kb_per_10x'][i - 1]:.1f})" if i else ""
                    more = (f"   DTS: {row['files']} files, {row['dts_bytes']:,} B ({row['dts_bytes'] / row['tei_bytes']:.1f}"
                            f" x TEI), Python peak {row['py_peak_kb']:,} KB{mem}")
                if "peak_mb" in row:
                    more += f"  peak {row['peak_mb']:.0f} MB"
                print(f"{r['case']:<16}{r['command']:<13}{row['n']:>8}{row['bytes']:>10}{row['ms']:>10.1f}{ratio:>11}"
                      + more)
            goal = f"goal: each ratio <= {GOAL:.0f}" + (f", <= {MAX_DTS_FILES} files:" if "files" in r["rows"][0] else ":")
            print(f"{'':<16}{'':<13}{goal:>28} {'ok' if r['linear'] else 'NOT LINEAR'}")
    return 0 if all(r["linear"] for r in results) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
