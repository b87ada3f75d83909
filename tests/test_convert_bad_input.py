"""Bad input gets one line on stderr and a documented exit code; never a traceback or a partial file."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from conftest import RUN_DATE, SEEDS
from teiedition.cli import main

SEED = next(SEEDS.glob("*.txt"))
PAGE = "Skip to content\n\nMay 5, 1960\n\nA Title\n\nThis document was made possible with support from X\n\n" \
       "SECRET\n\nThe Ambassador said that the situation was tense. [Translator’s note: the previous " \
       "sentence was highlighted in the left margin].\n"


def run(*args: str):
    result = CliRunner().invoke(main, ["convert", *args, "--run-date", RUN_DATE])
    assert "Traceback" not in (result.output + (result.stderr or ""))
    return result


def same_named(tmp_path):
    """Two sources with the same file name (the name becomes the TEI id) in two folders."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    return tmp_path / "a" / "page.txt", tmp_path / "b" / "page.txt"


def one_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_empty_file_is_refused_with_exit_2(tmp_path):
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    out = tmp_path / "out.xml"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 2
    assert "empty file" in one_line(result)
    assert not out.exists()


def test_binary_file_is_refused_and_nothing_is_written(tmp_path):
    src = tmp_path / "image.txt"
    src.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "out.xml"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 2
    assert "binary" in one_line(result)
    assert list(tmp_path.iterdir()) == [src]  # no output, no temporary file left behind


def test_missing_path_is_refused_with_exit_2(tmp_path):
    result = run(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out.xml"))
    assert result.exit_code == 2
    assert "no such file" in one_line(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_refused_with_exit_2(tmp_path):
    src = tmp_path / "locked.txt"
    src.write_text(PAGE)
    src.chmod(0)
    result = run(str(src), "-o", str(tmp_path / "out.xml"))
    assert result.exit_code == 2
    assert "permission denied" in one_line(result)


def test_cp1252_text_converts_with_a_warning(tmp_path):
    src = tmp_path / "legacy.txt"
    src.write_bytes(PAGE.replace("’", "'").replace("Ambassador", "Chargé").encode("cp1252"))
    out = tmp_path / "out.xml"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 0
    assert "Windows-1252" in result.stderr
    assert "Chargé".encode() in out.read_bytes()


def test_utf16_with_bom_converts_like_utf8(tmp_path):
    a, b = same_named(tmp_path)
    a.write_text(PAGE, encoding="utf-8")
    b.write_bytes(PAGE.encode("utf-16"))
    assert run(str(a), "-o", str(tmp_path / "a.xml")).exit_code == 0
    assert run(str(b), "-o", str(tmp_path / "b.xml")).exit_code == 0
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()


def test_crlf_line_ends_convert_like_lf(tmp_path):
    a, b = same_named(tmp_path)
    a.write_bytes(SEED.read_bytes())
    b.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    run(str(a), "-o", str(tmp_path / "a.xml"))
    run(str(b), "-o", str(tmp_path / "b.xml"))
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()


def test_text_without_conventions_becomes_plain_paragraphs_with_a_warning(tmp_path, tei_all):
    from conftest import assert_valid_tei_all

    src = tmp_path / "plain.txt"
    src.write_text("A first ordinary paragraph of prose text here.\n\nAnd a second one, also prose.\n")
    out = tmp_path / "plain.xml"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 0
    assert "plain paragraphs" in one_line(result)
    data = out.read_bytes()
    assert data.count(b"<p xml:id=") == 2
    assert_valid_tei_all(tei_all, data, "plain")


def test_twenty_megabyte_text_is_refused_in_one_line(tmp_path):
    src = tmp_path / "huge.txt"
    paragraph = ("The delegation discussed the questions of trade at length. " * 20 + "\n\n").encode()
    with open(src, "wb") as fh:
        for _ in range(20 * 1024 * 1024 // len(paragraph) + 1):
            fh.write(paragraph)
    out = tmp_path / "huge.xml"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 2
    assert "limit" in one_line(result)
    assert not out.exists()


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE)
    (folder / "b.txt").write_bytes(b"")
    result = run(str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (tmp_path / "out" / "a.xml").exists()
    assert not (tmp_path / "out" / "b.xml").exists()


def test_bad_run_date_is_a_usage_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(PAGE)
    result = CliRunner().invoke(main, ["convert", str(src), "--run-date", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_absurdly_nested_brackets_convert_to_a_shallow_valid_tree(tei_all):
    from lxml import etree

    from conftest import assert_valid_tei_all
    from teiedition.convert import convert_text

    for text in ("[" * 3000 + "x" + "]" * 3000, "a [" * 5000):
        tei = convert_text(text, doc_id="doc-deep", run_date=RUN_DATE).tei
        root = etree.fromstring(tei)
        assert max(len(list(el.iterancestors())) for el in root.iter()) < 60
        assert_valid_tei_all(tei_all, tei, "deep brackets")


def test_size_limit_can_be_lowered_for_a_run(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIEDITION_MAX_BYTES", "100")
    src = tmp_path / "page.txt"
    src.write_text(PAGE)
    result = run(str(src), "-o", str(tmp_path / "out.xml"))
    assert result.exit_code == 2
    assert "limit" in one_line(result)
