"""The progress bar shared by build and validate: on a terminal only, quiet in CI and logs."""

from __future__ import annotations

import io

from teiedition.progress import Progress, progress_wanted


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_is_drawn_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    term = FakeTerminal()
    with Progress(3, label="build", stream=term) as bar:
        bar.advance(note="dev01.txt")
    assert "build [" in term.getvalue()


def test_bar_is_quiet_in_ci_even_on_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    term = FakeTerminal()
    with Progress(3, label="build", stream=term) as bar:
        bar.advance()
    assert term.getvalue() == ""


def test_bar_is_quiet_when_output_is_not_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    log = io.StringIO()
    with Progress(3, stream=log) as bar:
        bar.advance(3)
    assert log.getvalue() == ""


def test_explicit_choice_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("CI", "1")
    assert progress_wanted(True, io.StringIO()) is True
    monkeypatch.delenv("CI")
    assert progress_wanted(False, FakeTerminal()) is False


def test_bar_counts_and_is_erased_at_the_end():
    term = FakeTerminal()
    with Progress(4, stream=term, enabled=True) as bar:
        bar.advance(4)
        assert "4/4" in bar.line()
    assert term.getvalue().endswith("\r\x1b[2K")


def test_long_notes_are_cut_to_the_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    bar = Progress(10, enabled=True, stream=FakeTerminal())
    assert len(bar.line("x" * 500)) <= 60


def test_messages_are_printed_above_the_bar_and_survive_it():
    term = FakeTerminal()
    with Progress(2, stream=term, enabled=True) as bar:
        bar.write("dev02.txt: not UTF-8")
        bar.advance(2)
    assert "dev02.txt: not UTF-8\n" in term.getvalue()


def test_messages_are_printed_plainly_when_there_is_no_bar():
    log = io.StringIO()
    with Progress(2, stream=log, enabled=False) as bar:
        bar.write("dev02.txt: not UTF-8")
    assert log.getvalue() == "dev02.txt: not UTF-8\n"
