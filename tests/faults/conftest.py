"""Fixtures of the fault tests: the sample workspace and the folder of hostile files (built once per module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.importing.importer import import_paths
from models.storage.workspace import Workspace
from tests.helpers.hostile import CASES, SAMPLE


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the sample catalog, closed (one file, nothing pending)."""
    path = tmp_path_factory.mktemp("base") / "base.sqlite"
    with Workspace.open(path) as ws:
        assert not import_paths(ws, [SAMPLE]).failures
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of hostile files, one per case."""
    folder = tmp_path_factory.mktemp("hostile")
    for case in CASES:
        case.build(folder / case.filename)
    return folder
