"""Publishing's modules: no hidden imports, no cycles, no private names across modules, layers point down.

Why: ``building/`` was wired by imports hidden inside functions, one hiding a
cycle (``build`` <-> ``distributed_build``, through the private ``_remove``),
and ``rendering/render.py`` borrowed the time limit from ``building``.  These
checks read the modules' syntax trees, so a new hidden import fails here.
A function-level import is allowed only where a heavy or optional library
must load lazily, marked ``# lazy: why`` on its line or the line above.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import teiedition

PACKAGE = Path(teiedition.__file__).parent
LAYERS = ("building", "rendering")
MODULES = sorted(p for layer in LAYERS for p in (PACKAGE / layer).glob("*.py"))


def module_name(path: Path) -> str:
    return ".".join(("teiedition", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def imported(path: Path, node: ast.ImportFrom | ast.Import) -> list[tuple[str, list[str]]]:
    """``(module, names)`` for an import node, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [(alias.name, []) for alias in node.names]
    package = module_name(path).split(".")[:-1] if path.name != "__init__.py" else module_name(path).split(".")
    base = package[:len(package) - node.level + 1] if node.level else []
    target = ".".join(base + ([node.module] if node.module else []))
    names = [a.name for a in node.names]
    if node.module is None:  # ``from . import xsltrun``: each name is a module
        return [(f"{target}.{name}", []) for name in names]
    return [(target, names)]


def function_imports(tree: ast.AST):
    for func in ast.walk(tree):
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(func):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    yield node


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_import_hides_in_a_function_unless_it_says_why(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    hidden = [f"{path.name}:{node.lineno}: {lines[node.lineno - 1].strip()}"
              for node in function_imports(ast.parse("\n".join(lines)))
              if "lazy" not in lines[node.lineno - 1] and "lazy" not in lines[node.lineno - 2]]
    assert not hidden, "imports inside functions (move them to the top, or mark `# lazy: why`):\n" + "\n".join(hidden)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = set()
        for node in ast.walk(tree):  # every import, at module level or hidden in a function
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                edges.update(m for m, _ in imported(path, node) if m.startswith("teiedition"))
        graph[module_name(path)] = edges
    return graph


def test_no_import_cycle_in_publishing():
    try:
        list(TopologicalSorter(_graph()).static_order())
    except CycleError as exc:
        pytest.fail(f"import cycle: {' -> '.join(exc.args[1])}")


def test_rendering_does_not_import_building():
    upward = sorted(f"{m} imports {t}" for m, targets in _graph().items() if m.startswith("teiedition.rendering")
                    for t in targets if t.startswith("teiedition.building"))
    assert not upward, upward


def test_validating_does_not_import_building():
    """Validation is below publishing: its progress bar is the shared ``teiedition.progress``."""
    upward = []
    for path in sorted((PACKAGE / "validating").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                upward += [f"{path.name}: {m}" for m, _ in imported(path, node) if m.startswith("teiedition.building")]
    assert not upward, upward


def test_no_private_name_is_imported_from_another_module():
    private = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                for module, names in imported(path, node):
                    if module.startswith("teiedition"):
                        private += [f"{path.name}: {module}.{n}" for n in names if n.startswith("_") and n != "__version__"]
    assert not private, private


def test_each_module_imports_alone():
    """Each module loads in a fresh interpreter by itself (no import order it silently depends on)."""
    code = ("import importlib, sys\nfailed = []\nfor name in sys.argv[1:]:\n"
            "    for loaded in [m for m in sys.modules if m.startswith('teiedition')]:\n"
            "        del sys.modules[loaded]\n"
            "    try:\n        importlib.import_module(name)\n"
            "    except Exception as exc:\n        failed.append(f'{name}: {type(exc).__name__}: {exc}')\n"
            "print('\\n'.join(failed))\n")
    result = subprocess.run([sys.executable, "-c", code, *map(module_name, MODULES)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
