"""The wheel carries everything the program reads, and the declared dependencies are what the code imports.

The wheel is built from a copy of the source tree and installed with ``--no-deps`` into a fresh virtual
environment, offline: the third-party packages of this environment are made visible to it by a ``.pth`` line, which
does not run this environment's own ``.pth`` files, so the editable install of the source tree is not loaded (the
test checks that the program runs from the wheel). ``tthc import``, ``analyze`` and ``export cpsv`` then run on the
sample from a folder outside the repository, and the desktop app builds its first-start sample workspace.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = ("models", "catalog", "exporters", "workbench", "samples")  # what the wheel ships


def _run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built offline from a copy of the tree (so nothing is left in the tree, and no old build/ leaks)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source)
    for package in PACKAGES:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(REPO / package, source / package, ignore=ignore)
    dist = tmp_path_factory.mktemp("dist")
    pip = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        str(dist),
    ]
    _run([*pip, str(source)], cwd=dist)
    [built] = dist.glob("tthc_workbench-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding the wheel, and this environment's third-party packages on its path."""
    root = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", str(root)], cwd=root)
    python = root / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        cwd=root,
    )
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=root
        ).stdout.strip()
    )
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "test_dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(ours)), encoding="utf-8"
    )
    return root


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TTHC_WORKSPACE", "PYTHONSAFEPATH")}
    return {**env, "PYTHONNOUSERSITE": "1", **extra}


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    assert not tmp_path.resolve().is_relative_to(REPO)
    return tmp_path


def test_the_program_runs_from_the_wheel_not_from_the_tree(venv: Path, outside: Path) -> None:
    code = (
        "import json, sys, importlib\n"
        f"files = {{p: importlib.import_module(p).__file__ for p in {PACKAGES!r}}}\n"
        "finders = [repr(f) for f in sys.meta_path if 'editable' in repr(f).lower()]\n"
        "print(json.dumps({'files': files, 'finders': finders}))\n"
    )
    found = json.loads(_run([str(venv / "bin" / "python"), "-c", code], cwd=outside, env=_env()).stdout)
    assert found["finders"] == []
    for package, file in found["files"].items():
        assert Path(file).resolve().is_relative_to(venv.resolve()), (package, file)
        assert not Path(file).resolve().is_relative_to(REPO), (package, file)


def test_import_analyze_and_export_the_sample_from_the_wheel(venv: Path, outside: Path) -> None:
    python, tthc = str(venv / "bin" / "python"), str(venv / "bin" / "tthc")
    where = "from importlib.resources import files; print(files('samples') / 'sample-catalog.json')"
    sample = _run([python, "-c", where], cwd=outside, env=_env()).stdout.strip()
    assert Path(sample).resolve().is_relative_to(venv.resolve())

    imported = _run([tthc, "import", sample, "-w", "w.sqlite"], cwd=outside, env=_env())
    assert "Imported 15," in imported.stdout
    analysis = _run([tthc, "analyze", "-w", "w.sqlite", "--json"], cwd=outside, env=_env()).stdout
    assert json.loads(analysis)["summary"]["per_data_source"]  # the registry was read: items found a source
    _run([tthc, "export", "cpsv", "-w", "w.sqlite", "-o", "catalog.jsonld"], cwd=outside, env=_env())
    check = (
        "import sys; from exporters.cpsv import validate_cpsv; print(validate_cpsv(open(sys.argv[1]).read()))"
    )
    assert _run([python, "-c", check, "catalog.jsonld"], cwd=outside, env=_env()).stdout.strip() == "[]"

    # The same program from the source tree gives the same analysis, byte for byte.
    tree = Path(sys.executable).with_name("tthc")
    _run([str(tree), "import", str(REPO / "samples" / "sample-catalog.json"), "-w", "t.sqlite"], cwd=outside)
    assert _run([str(tree), "analyze", "-w", "t.sqlite", "--json"], cwd=outside).stdout == analysis


def test_the_desktop_app_builds_its_sample_workspace_from_the_wheel(venv: Path, outside: Path) -> None:
    pytest.importorskip("PySide6", reason="the desktop app needs Qt")
    code = (
        "from workbench.app import ensure_sample_workspace\n"
        "from workbench.i18n import I18N_DIR\n"
        "sample = ensure_sample_workspace(__import__('pathlib').Path('data'))\n"
        "print(sample.path.is_file(), sample.failures, sorted(p.name for p in I18N_DIR.glob('*.qm')))\n"
    )
    out = _run([str(venv / "bin" / "python"), "-c", code], cwd=outside, env=_env(QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.split("\n")[0] == "True [] ['tthc_vi.qm']"


# --- declared dependencies -------------------------------------------------------------------------------------


def third_party_imports(root: Path = REPO, packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    """Each top-level third-party module the shipped packages import (anywhere in a module), with its importers."""
    found: dict[str, set[str]] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for top in {name.split(".")[0] for name in names}:
                    if top not in sys.stdlib_module_names and top not in PACKAGES and top != "__future__":
                        found.setdefault(top, set()).add(str(path.relative_to(root)))
    return found


def test_the_declared_dependencies_are_what_the_shipped_code_imports() -> None:
    declared = {canonicalize_name(Requirement(dep).name) for dep in PYPROJECT["project"]["dependencies"]}
    installed = packages_distributions()
    imports = third_party_imports()
    provided = {top: {canonicalize_name(d) for d in installed.get(top, [])} for top in imports}
    assert {top for top, dists in provided.items() if not dists} == set(), "imported but not installed"
    undeclared = {
        top: sorted(importers) for top, importers in imports.items() if not provided[top] & declared
    }
    assert undeclared == {}, "imported but not declared in [project] dependencies"
    unused = declared - {d for dists in provided.values() for d in dists}
    assert unused == set(), "declared in [project] dependencies but imported by no shipped module"


def test_the_import_scan_sees_what_a_module_imports(tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "x.py").write_text(
        "import os, yaml.loader\nfrom . import y\nfrom models import z\ndef f():\n    from rapidfuzz import fuzz\n"
    )
    assert third_party_imports(tmp_path, ("samples",)) == {
        "yaml": {"samples/x.py"},
        "rapidfuzz": {"samples/x.py"},
    }
