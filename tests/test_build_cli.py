"""``teiedition build`` on the command line: one-line errors and documented exit codes."""

from __future__ import annotations

from click.testing import CliRunner

from teiedition.cli import main


def run_cli(*args: str):
    return CliRunner().invoke(main, ["build", *args])


def test_missing_source_folder_is_one_line_and_exit_2(tmp_path):
    result = run_cli(str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"teiedition: error: {tmp_path / 'nowhere'}: no such folder"]


def test_folder_without_sources_is_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli(str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no .txt or .xml sources" in result.output


def test_bad_run_date_is_exit_2_before_any_work(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("text")
    result = run_cli(str(tmp_path / "src"), "-o", str(tmp_path / "out"), "--run-date", "yesterday")
    assert result.exit_code == 2 and "--run-date must be YYYY-MM-DD" in result.output
    assert not (tmp_path / "out").exists()


def test_help_explains_the_command_with_an_example():
    result = run_cli("--help")
    assert result.exit_code == 0
    for option in ("--jobs", "--force", "--no-pdf", "--run-date", "--progress"):
        assert option in result.output
    assert "Example: teiedition build" in result.output


def test_output_under_a_file_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("text")
    (tmp_path / "file").write_text("x")
    result = run_cli(str(tmp_path / "src"), "-o", str(tmp_path / "file" / "out"))
    assert result.exit_code == 2 and "cannot create the output folder" in result.output
