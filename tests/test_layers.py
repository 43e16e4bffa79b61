"""The layers of the developer guide hold: the import-linter contracts of pyproject.toml, checked on the tree, each
shown to fail on a deliberate violation, and the core and the CLI loading without Qt at run time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
CONTRACTS = {contract["id"]: contract for contract in CONFIG["contracts"]}
QT = CONTRACTS["qt-free"]["forbidden_modules"]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the packages in ``root`` (it puts its working directory first on the path)."""
    command = [
        str(Path(sys.executable).with_name("lint-imports")),
        "--no-cache",
        "--config",
        "pyproject.toml",
    ]
    env = {**os.environ, "COLUMNS": "300"}  # one line per contract in the report, however long its name
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_every_contract_is_kept() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


#: One import that each contract forbids, added to a temporary copy of the tree (contract id, module, line).
VIOLATIONS = [
    ("layers", "models/text.py", "import catalog.errors"),
    ("layers", "models/text.py", "import workbench.exports"),
    ("layers", "catalog/errors.py", "import exporters.safety"),
    ("layers", "exporters/safety.py", "import catalog.importing.merge"),
    ("layers", "exporters/safety.py", "from catalog.finder import matcher"),
    ("catalog-layers", "catalog/reading/items.py", "import catalog.formats.base"),
    ("catalog-layers", "catalog/formats/base.py", "from catalog.importing import registry"),
    ("catalog-layers", "catalog/importing/merge.py", "import catalog.pipeline.analysis"),
    ("finder", "catalog/finder/matcher.py", "import catalog.importing.importer"),
    ("qt-free", "models/text.py", "from PySide6 import QtCore"),
    ("qt-free", "exporters/safety.py", "import shiboken6"),
    (
        "qt-free",
        "workbench/cli.py",
        "import workbench.main_window",
    ),  # Qt only indirectly, through workbench.qt
    ("qt-free", "workbench/services/search.py", "import workbench.analysis_html"),  # the GUI, hence Qt
    ("qt-shim", "workbench/catalog_model.py", "from PySide6.QtCore import Qt"),
]


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages and pyproject.toml, copied once; each violation test edits one module and restores it."""
    root = tmp_path_factory.mktemp("tree")
    for package in CONFIG["root_packages"]:
        shutil.copytree(REPO / package, root / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(REPO / "pyproject.toml", root)
    return root


@pytest.mark.parametrize(("contract", "module", "line"), VIOLATIONS, ids=lambda v: v.replace("/", "."))
def test_each_contract_fails_on_a_violation(tree_copy: Path, contract: str, module: str, line: str) -> None:
    path = tree_copy / module
    original = path.read_text(encoding="utf-8")
    path.write_text(f"{original}\n{line}\n", encoding="utf-8")
    try:
        result = lint_imports(tree_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    broken = [name for name in (c["name"] for c in CONTRACTS.values()) if f"{name} BROKEN" in result.stdout]
    assert result.returncode == 1, result.stdout + result.stderr
    assert CONTRACTS[contract]["name"] in broken, result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout  # the offending module is named


def test_every_contract_has_a_violation() -> None:
    assert {contract for contract, _, _ in VIOLATIONS} == set(CONTRACTS)


def test_the_core_and_the_cli_load_no_qt_at_run_time() -> None:
    """The core, the service layer and the CLI. Imports the contracts cannot see (``importlib.import_module``, a library that loads Qt) show up here."""
    modules = (
        [
            path.relative_to(REPO).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
            for package in ("models", "catalog", "exporters")
            for path in sorted((REPO / package).rglob("*.py"))
            if "migrations" not in path.parts
        ]
        + [
            path.relative_to(REPO).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
            for path in sorted((REPO / "workbench" / "services").rglob("*.py"))
        ]
        + ["workbench.cli"]
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(','.join(m for m in sys.modules if m.split('.')[0] in {QT!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt was loaded by the core or the CLI: {out.stdout}"
