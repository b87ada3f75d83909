"""Hostile and faulty input, second round (issue 22): each defect has a test that failed before its fix.

Why: a stranger's folder of sources, a stray command-line option or a damaged output folder
must not crash the build, lose a file, publish a broken site or hang a worker.  Time bounds are
proved by ``bench/bench_hostile.py`` (1x/10x/100x); the tests here check behaviour, with inputs
big enough that the old quadratic code would visibly hang the suite.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from teiedition.convert import convert_text

TEI = "{http://www.tei-c.org/ns/1.0}"
NOTE = "[Translator's note: the previous sentence was highlighted in the left margin with a vertical line.]"


# --- 3: marginal-mark notes that cut one sentence short, thousands of times -------------------

def _marks_resolve(root) -> None:
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in root.iter()}
    marks = root.findall(f".//{TEI}metamark")
    assert marks and all(t[1:] in ids for m in marks for t in m.get("target").split())


def test_thousands_of_notes_in_one_sentence_are_all_kept_and_resolved():
    n = 3000  # before: ~40 s (every note rescanned the sentence and every annotation inside it)
    text = "Text " + " ".join(f"word {i} {NOTE}" for i in range(n)) + ".\n"
    root = etree.fromstring(convert_text(text, doc_id="notes", run_date="2026-01-01").tei)
    body = "".join(root.find(f"{TEI}text").itertext())
    assert body.count("highlighted in the left margin") == n and f"word {n - 1} " in body  # nothing lost
    _marks_resolve(root)


def test_a_target_is_checked_against_a_bounded_number_of_annotations(monkeypatch):
    """3: each note's target was compared with every annotation inside it (10^6 ``overlapping`` for 1,000 notes)."""
    from teiedition.transforms import marks

    seen, calls = [], []
    index_class = marks.SpanIndex

    class Counting(index_class):
        def _count(self, found):
            calls.append(1)
            for x in found:
                seen.append(x)
                yield x

        def overlapping(self, *args):  # the old index's query
            return self._count(index_class.overlapping(self, *args))

        def holding(self, *args):
            return self._count(index_class.holding(self, *args))

    monkeypatch.setattr(marks, "SpanIndex", Counting)
    n = 1000
    text = "Text " + " ".join(f"word {i} {NOTE}" for i in range(n)) + ".\n"
    convert_text(text, doc_id="notes", run_date="2026-01-01")
    assert len(calls) >= n and len(seen) <= 10 * n


def test_paragraph_and_half_and_quote_notes_by_the_thousand():
    n = 2000  # before: ~12 s (each target re-walked every annotation inside it)
    notes = ("[Translator's note: this paragraph was highlighted in the left margin with a vertical line.]",
             "[Translator's note: the first half of this paragraph was marked with a question mark.]",
             "[Translator's note: the last quote was marked with an exclamation point.]")
    text = "Text. " + " ".join(f"Sentence “{i}” is here. {notes[i % 3]}" for i in range(n)) + "\n"
    root = etree.fromstring(convert_text(text, doc_id="notes", run_date="2026-01-01").tei)
    body = "".join(root.find(f"{TEI}text").itertext())
    assert body.count("Translator's note:") == n and f"Sentence “{n - 1}”" in body
    _marks_resolve(root)


# --- the build: names, clashes, damage ------------------------------------------------------------

from teiedition.building.build import run_build  # noqa: E402

from test_build_fakes import FakeStages, fake_source  # noqa: E402


def _build(src, out, **kw):
    stream = io.StringIO()
    summary = run_build(src, out, jobs=1, stages=FakeStages, progress=False, stream=stream,
                        run_date="2026-01-01", pdf=False, **kw)
    return summary, stream.getvalue()


def _write(folder: Path, name: str, title: str, **kw) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(fake_source(title, **kw), encoding="utf-8")


def test_sources_named_dot_and_dotdot_and_hidden_are_skipped_and_later_builds_work(tmp_path):
    """5, 12: ``..txt`` (stem ``.``) crashed the DTS pass for good; ``.x.txt`` was rebuilt every run."""
    src, out = tmp_path / "src", tmp_path / "out"
    for name in ("..txt", "...txt", ".x.txt"):
        _write(src, name, "Hidden")
    _write(src, "a.txt", "Visible")
    for run in range(2):
        summary, said = _build(src, out)
        assert (summary.built, summary.failed) == ((1, 0) if run == 0 else (0, 0)), said
        assert summary.unchanged == run and said.count("hidden file") == 3, said
    assert not [p for p in out.iterdir() if p.name.startswith(("..", ".x."))]
    assert (out / "dts" / "a").is_dir()
    assert [row["id"] for row in json.loads((out / "catalogue.json").read_text())["documents"]] == ["a"]


def test_a_stem_too_long_for_the_outputs_is_refused_and_not_catalogued(tmp_path):
    """12: a 226-240 byte stem failed on NAME.validation.json but left NAME.xml in the catalogue."""
    src, out = tmp_path / "src", tmp_path / "out"
    long = "é" * 115  # 230 bytes
    _write(src, long + ".txt", "Long")
    _write(src, "b.txt", "Short")
    summary, said = _build(src, out)
    assert summary.failed == 1 and summary.built == 1 and "file name too long (230 bytes" in said
    assert not list(out.glob(long[:10] + "*"))
    assert [row["id"] for row in json.loads((out / "catalogue.json").read_text())["documents"]] == ["b"]
    summary, said = _build(src, out)
    assert summary.failed == 1 and summary.unchanged == 1  # refused again, the other not rebuilt


def test_two_sources_differing_only_in_case_are_a_clear_error_not_a_lost_document(tmp_path):
    """10: ``a.txt`` and ``a.TXT``: one document was silently missing, exit 0."""
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, "a.txt", "Lower")
    _write(src, "a.TXT", "Upper")
    summary, said = _build(src, out)
    assert summary.failed == 1 and summary.built == 1
    assert "a.txt: same name as a.TXT" in said or "a.TXT: same name as a.txt" in said


def test_build_escapes_source_names_in_what_it_prints(tmp_path):
    """15: a newline or terminal escape in a file name went to the terminal raw."""
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, "bad\nline\x1b]0;owned\x07.txt", "Evil", body="FAIL")
    summary, said = _build(src, out)
    assert summary.failed == 1
    assert "\x1b" not in said and "\x07" not in said
    line = next(x for x in said.splitlines() if "no title line" in x)
    assert "bad\\x0aline\\x1b]0;owned\\x07.txt" in line


def test_build_warnings_name_the_file_once():
    """16: ``src/x.txt: warning: x.txt: warning: ...``."""
    from teiedition.building.build import warning_line

    assert warning_line("src/x.txt", "x.txt:3: warning: odd") == "src/x.txt:3: warning: odd"
    assert warning_line("src/x.txt", "x.txt: warning: odd") == "src/x.txt: warning: odd"
    assert warning_line("src/x.txt", "src/x.txt: warning: odd") == "src/x.txt: warning: odd"
    assert warning_line("src/x.txt", "pointer to nothing") == "src/x.txt: warning: pointer to nothing"


def _snapshot(out: Path) -> dict:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def _damage(out: Path, names) -> None:
    for name in names:
        path = out / name
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _damageable(out: Path) -> list[str]:
    shard = next(p for p in (out / "assets/search/terms").iterdir())
    answer = next(p for p in (out / "dts" / "a").rglob("*.jsonld"))
    return [shard.relative_to(out).as_posix(), answer.relative_to(out).as_posix(), "a.html", "a.xml",
            "assets/search/text/a.js", "index.html"]


@pytest.mark.parametrize("force", [False, True])
def test_damaged_outputs_are_repaired_by_the_next_build(tmp_path, force):
    """11: a truncated shard, DTS answer or page survived a rebuild (``0 built, 5 unchanged``), even with --force."""
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, "a.txt", "First report", body="Pueblo talks.")
    _write(src, "b.txt", "Second report", date="1970-01-02", body="Other words.")
    _build(src, out)
    before = _snapshot(out)
    _damage(out, _damageable(out))
    summary, said = _build(src, out, force=force)
    assert summary.built == (2 if force else 1), said
    assert _snapshot(out) == before


def test_files_of_yours_in_entities_and_search_texts_stay(tmp_path):
    """14: the next build that changed a document deleted every file it had not made."""
    src, out = tmp_path / "src", tmp_path / "out"
    _write(src, "a.txt", "First report")
    _write(src, "b.txt", "Second report")
    _build(src, out)
    mine = [out / "entities" / "notes.html", out / "assets/search/text/mine.js", out / "assets/search/terms/README"]
    for path in mine:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine")
    _write(src, "a.txt", "First report, revised")
    (src / "b.txt").unlink()
    summary, said = _build(src, out)
    assert summary.built == 1 and summary.removed == 1, said
    assert all(path.read_text() == "mine" for path in mine)
    assert not (out / "assets/search/text/b.js").exists()  # the tool's own leftovers do go


def test_real_build_with_odd_names_an_authority_entity_and_a_percent_base_url(tmp_path):
    """6: a control character or U+FFFE in a name + an authority entity: ValueError in the entity pages;
    7: ``--base-url .../my%20site/``: ``is not under``; 16: warnings named the file twice."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name in ("ctl\x01name.txt", "non\ufffechar.txt"):
        (src / name).write_text("Kim Il Sung met the delegation. They spoke for an hour.\n", encoding="utf-8")
    stream = io.StringIO()
    summary = run_build(src, out, jobs=1, pdf=False, progress=False, stream=stream, run_date="2026-01-01",
                        base_url="https://example.org/my%20site/")
    said = stream.getvalue()
    assert summary.built == 2 and summary.failed == 0, said
    page = (out / "entities" / "pers-kim-il-sung.html").read_text(encoding="utf-8")
    assert "../ctl%01name.html" in page and "../non%EF%BF%BEchar.html" in page  # both documents listed
    assert json.loads((out / "dts" / "entry.jsonld").read_text())["collection"].startswith(
        "https://example.org/my%20site/dts")
    assert (out / "dts" / "ctl%01name").is_dir()  # the DTS folder is the document's @id, one URL segment
    warned = [line for line in said.splitlines() if "converted as plain paragraphs" in line]
    assert len(warned) == 2 and all(line.count("warning:") == 1 and line.count(".txt") == 1 for line in warned)
    assert any(line.startswith(f"{src}/ctl\\x01name.txt: warning:") for line in warned)
    # 11: a damaged entity page is made again by the next build, with nothing else rebuilt
    before = _snapshot(out)
    _damage(out, ["entities/pers-kim-il-sung.html", "entities/index.html"])
    summary = run_build(src, out, jobs=1, pdf=False, progress=False, stream=io.StringIO(), run_date="2026-01-01",
                        base_url="https://example.org/my%20site/")
    assert summary.built == 0 and summary.unchanged == 2
    assert _snapshot(out) == before


# --- the command line ------------------------------------------------------------------------------

SEED_TEI = Path(__file__).resolve().parent.parent / "editions" / "000_fcc578db0f85cc6f.xml"


def cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "teiedition.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONUTF8": "1"})


def test_render_takes_the_format_from_the_output_name(tmp_path):
    """13: ``render X.xml -o y.pdf`` wrote HTML into y.pdf, exit 0."""
    done = cli("render", SEED_TEI, "-o", tmp_path / "y.pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "y.pdf").read_bytes().startswith(b"%PDF-")
    done = cli("render", SEED_TEI, "-o", tmp_path / "y.HTML")
    assert done.returncode == 0 and (tmp_path / "y.HTML").read_bytes().startswith(b"<!DOCTYPE")


@pytest.mark.parametrize("to, name", [("pdf", "y.html"), ("html", "y.pdf"), ("pdf", "y.htm")])
def test_render_refuses_a_format_that_contradicts_the_output_name(tmp_path, to, name):
    """13: ``render X.xml --to pdf -o y.html`` wrote a PDF into y.html, exit 0."""
    done = cli("render", SEED_TEI, "--to", to, "-o", tmp_path / name)
    assert done.returncode == 2 and not (tmp_path / name).exists()
    assert done.stderr.count("\n") == 1 and f"--to {to} contradicts" in done.stderr


def test_convert_of_a_folder_to_a_file_name_is_refused(tmp_path):
    """13: ``convert folder -o one.xml`` silently made a folder named one.xml."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("Hello.\n")
    done = cli("convert", tmp_path / "pages", "-o", tmp_path / "one.xml")
    assert done.returncode == 2 and not (tmp_path / "one.xml").exists()
    assert done.stderr.count("\n") == 1 and "need an output folder" in done.stderr


def test_convert_has_a_time_limit(tmp_path):
    """3: ``convert`` had no time limit (``build`` stopped a document at 300 s)."""
    slow = tmp_path / "slow.txt"
    slow.write_text("Text " + " ".join(f"word {i} {NOTE}" for i in range(60000)) + ".\n")
    (tmp_path / "ok.txt").write_text("A plain page.\n")
    done = cli("convert", tmp_path / "ok.txt", slow, "-o", tmp_path / "out", "--time-limit", "5")
    assert done.returncode == 1, done.stderr
    assert "slow.txt: took longer than the time limit of 5 s; not converted" in done.stderr
    assert (tmp_path / "out" / "ok.xml").is_file() and not (tmp_path / "out" / "slow.xml").exists()


def test_render_has_a_time_limit(tmp_path):
    """4: ``render`` had no time or size bound."""
    done = cli("render", SEED_TEI, "-o", tmp_path / "y.pdf", "--time-limit", "0.01")
    assert done.returncode == 1 and not (tmp_path / "y.pdf").exists()
    assert done.stderr.count("\n") == 1 and "took longer than the time limit of 0.01 s" in done.stderr


def test_a_scheduler_address_that_is_not_dask_is_one_clear_line(tmp_path):
    """8: ``--scheduler`` at an HTTP port: ``internal error: MemoryError``."""
    pytest.importorskip("distributed")
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)

    def answer_like_http():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                with __import__("contextlib").suppress(OSError):
                    conn.recv(4096)
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    threading.Thread(target=answer_like_http, daemon=True).start()
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("Hello.\n")
    try:
        done = cli("build", tmp_path / "src", "-o", tmp_path / "out", "--no-pdf",
                   "--scheduler", f"tcp://127.0.0.1:{server.getsockname()[1]}", timeout=120)
    finally:
        server.close()
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "did not answer as a Dask scheduler" in done.stderr


def test_the_test_command_says_loudly_what_it_skipped():
    """README: a fresh clone's test command silently skipped the accessibility checks and the DTS validator."""
    from types import SimpleNamespace

    from conftest import skipped_summary

    reports = [SimpleNamespace(longrepr=("t.py", 1, "Skipped: DTS validator not installed (pip install x)"))] * 2 + [
        SimpleNamespace(longrepr=("t.py", 2, "Skipped: axe-core not found at p (npm install --prefix tests/browser)"))]
    lines = skipped_summary(reports + [SimpleNamespace(longrepr=("t.py", 3, "Skipped: root can read anything"))])
    assert lines[0].startswith("NOT RUN: 3 tests that CI runs") and len(lines) == 3
    assert "2 x DTS validator not installed" in lines[1] and "install:" in lines[1]
    assert "1 x axe-core not found" in lines[2]
    assert skipped_summary([]) == []


def test_a_document_over_the_print_budget_is_refused_in_one_line(tmp_path, monkeypatch):
    """4: ``render --to pdf`` of 100,000 paragraphs took 212 s and 2.4 GB; now there is a size budget."""
    from teiedition.rendering import pdf

    big = tmp_path / "big.xml"
    paragraphs = "".join(f"<p>Paragraph {i}.</p>" for i in range(pdf.PDF_MAX_ELEMENTS + 1))
    big.write_text(SEED_TEI.read_text(encoding="utf-8").replace("<body>", "<body>" + paragraphs, 1), encoding="utf-8")
    done = cli("render", big, "--to", "pdf", "-o", tmp_path / "big.pdf", timeout=120)
    assert done.returncode == 1 and not (tmp_path / "big.pdf").exists()
    assert done.stderr.count("\n") == 1 and "too large for one print edition (over 20,000 elements" in done.stderr
    monkeypatch.setenv("TEIEDITION_PDF_MAX_CHARACTERS", "100")
    with pytest.raises(pdf.PdfTooLarge):
        pdf.check_size_budget(etree.parse(str(SEED_TEI)))


def test_build_publishes_a_document_over_the_print_budget_without_its_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIEDITION_PDF_MAX_ELEMENTS", "20")
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "long.txt").write_text("".join(f"Paragraph {i} of the report.\n\n" for i in range(40)))
    stream = io.StringIO()
    summary = run_build(src, out, jobs=1, progress=False, stream=stream, run_date="2026-01-01")
    said = stream.getvalue()
    assert summary.built == 1 and summary.failed == 0, said
    assert "long.txt: warning: no print edition: too large for one print edition" in said
    assert (out / "long.html").is_file() and not (out / "long.pdf").exists()
    assert 'href="long.pdf"' not in (out / "long.html").read_text(encoding="utf-8")
    assert json.loads((out / "catalogue.json").read_text())["documents"][0]["pdf"] is None
