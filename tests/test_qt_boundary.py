"""The core (models, catalog, exporters) and the service layer (workbench/services) never import Qt: the CLI, the
tests and servers use them without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORE = ("models", "catalog", "exporters")
QT = ("PySide6", "PyQt5", "PyQt6", "qtpy", "shiboken6")


def _callee(node: ast.Call) -> str:
    return getattr(node.func, "id", None) or getattr(node.func, "attr", "")


def forbidden_imports(path: Path) -> list[str]:
    """'line: module' for each import of Qt or of the GUI shell in a Python file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Call) and _callee(node) in ("__import__", "import_module") and node.args:
            arg = node.args[0]
            names = [arg.value] if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else []
        found += [f"{node.lineno}: {n}" for n in names if n.split(".")[0] in (*QT, "workbench")]
    return found


def _core_files() -> list[Path]:
    return [p for pkg in CORE for p in sorted((REPO / pkg).rglob("*.py"))]


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_core_module_imports_neither_qt_nor_the_shell(path: Path) -> None:
    assert forbidden_imports(path) == []


def _service_files() -> list[Path]:
    return sorted((REPO / "workbench" / "services").rglob("*.py"))


@pytest.mark.parametrize("path", _service_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_service_module_imports_neither_qt_nor_the_gui(path: Path) -> None:
    """The service layer sits below the GUI: it may import the core and itself, never a window or Qt."""
    shell = [
        found
        for found in forbidden_imports(path)
        if not found.split(": ")[1].startswith("workbench.services")
    ]
    assert shell == []


def test_the_scan_catches_qt_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nfrom PySide6.QtCore import QObject\nimport importlib\nimportlib.import_module('PyQt6')\n"
    )
    assert forbidden_imports(bad) == ["2: PySide6.QtCore", "4: PyQt6"]


def test_importing_the_whole_core_and_the_cli_loads_no_qt() -> None:
    modules = [p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".") for p in _core_files()]
    modules += [p.relative_to(REPO).with_suffix("").as_posix().replace("/", ".") for p in _service_files()]
    modules = [m.removesuffix(".__init__") for m in modules if ".migrations" not in m] + ["workbench.cli"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(','.join(m for m in sys.modules if m.split('.')[0] in {QT!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt was loaded by the core: {out.stdout}"
