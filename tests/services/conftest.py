"""Workspaces for the service layer's tests (no Qt here: the service layer runs without a screen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.storage.workspace import Workspace
from tests.helpers.workspaces import licence_catalog, make_workspace


@pytest.fixture
def licence_path(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "licence.sqlite", licence_catalog())


@pytest.fixture
def licence_ws(licence_path: Path):
    with Workspace.open(licence_path, create=False) as workspace:
        yield workspace
