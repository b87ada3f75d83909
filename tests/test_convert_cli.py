"""The convert command: file to file, file to stdout, folder to folder."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import RUN_DATE, SEEDS
from teiedition.cli import main

SEED = next(SEEDS.glob("*.txt"))


def test_file_to_file(tmp_path):
    out = tmp_path / "seed.xml"
    result = CliRunner().invoke(main, ["convert", str(SEED), "-o", str(out), "--run-date", RUN_DATE])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI')


def test_one_file_without_output_goes_to_stdout():
    result = CliRunner().invoke(main, ["convert", str(SEED), "--run-date", RUN_DATE])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_folder_to_folder_names_outputs_after_their_sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_bytes(SEED.read_bytes())
    (src / "two.txt").write_text("Just a paragraph of text that says little.\n")
    (src / "notes.md").write_text("ignored")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--run-date", RUN_DATE])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["one.xml", "two.xml"]


def test_several_files_need_an_output_folder(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(SEED), str(SEED)])
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_tei_id_comes_from_record_id_else_file_name(tmp_path):
    from teiedition.convert import doc_id_for

    assert doc_id_for("seeds/000_fcc578db0f85cc6f.txt") == "doc-000_fcc578db0f85cc6f"
    assert doc_id_for("x/dev03.txt", "119502") == "doc-119502"


def test_quiet_hides_warnings(tmp_path):
    src = tmp_path / "plain.txt"
    src.write_text("Only a plain paragraph of ordinary prose.\n")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "p.xml"), "-q"])
    assert result.exit_code == 0
    assert result.stderr == ""
