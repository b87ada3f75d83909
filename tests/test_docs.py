"""The docs match the code: every command has help with an example and is in the README."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import REPO
from teiedition.cli import main

COMMANDS = sorted(main.commands)


def test_the_public_commands_exist():
    assert {"convert", "validate", "render", "build"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_ends_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: teiedition " + command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented_in_readme(command):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"teiedition {command}\b", readme), f"README never shows `teiedition {command}`"


def test_readme_quick_start_has_the_build_and_test_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "teiedition build seeds -o editions" in quick
    assert "python -m pytest" in quick


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in readme.splitlines() if line.startswith("python -m pytest"))
    assert test_command in ci


def test_architecture_names_every_folder_and_module_of_the_package():
    """A newcomer reads the stages in docs/ARCHITECTURE.md; it must match the folders."""
    text = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    tree = text[text.index("src/teiedition/"):text.index("```", text.index("src/teiedition/"))]
    package = REPO / "src" / "teiedition"
    where: dict[str, str] = {}  # module file -> the folder its line stands under
    folder = "."
    for line in tree.splitlines()[1:]:
        top = re.match(r"^  ([a-z_]+)/", line)
        if top or re.match(r"^  \S", line):
            folder = top.group(1) if top else "."
        for name in re.findall(r"\b([a-z_]+\.py)\b", line):
            where[name] = folder
    for path in sorted(package.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        expected = str(path.parent.relative_to(package))
        assert path.name in where, f"docs/ARCHITECTURE.md does not name {path.relative_to(package)}"
        assert where[path.name] == expected, f"docs/ARCHITECTURE.md puts {path.name} in {where[path.name]}/"
    for name in re.findall(r"\b([a-z_]+\.py)\b", tree):
        assert list(package.rglob(name)), f"docs/ARCHITECTURE.md names {name}, which does not exist"
