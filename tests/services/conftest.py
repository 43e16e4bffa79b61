"""Workspaces for the service layer's tests (no Qt here: the service layer runs without a screen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.procedure import DossierItem, Procedure, Result, Step
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef
from models.text import fold

REPO = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = REPO / "samples" / "sample-catalog.json"
ISSUER, DEMANDING = "1.005071", "1.003897"


def licence_catalog() -> list[Procedure]:
    """Two procedures: one issues a licence, the other asks for a copy of it (a state-issued item linked across
    the catalog), plus a form."""
    return [
        Procedure(
            code=ISSUER,
            name="Sát hạch cấp giấy phép lái tàu",
            steps=[Step(description="Nộp hồ sơ"), Step(description="Sát hạch, cấp giấy phép")],
            results=[Result(name="Giấy phép lái tàu")],
        ),
        Procedure(
            code=DEMANDING,
            name="Cấp lại giấy phép lái tàu",
            steps=[Step(description="Nộp hồ sơ"), Step(description="Cấp lại giấy phép")],
            items=[
                DossierItem(name="Bản sao Giấy phép lái tàu đã được cấp", copies=1),
                DossierItem(name="Đơn đề nghị cấp lại", originals=1),
                DossierItem(name="Bản sao có chứng thực Căn cước công dân", copies=1),
            ],
        ),
    ]


def store(path: Path, procedures: list[Procedure]) -> Path:
    with Workspace.open(path) as workspace:
        workspace.store([(p, SourceRef("test", "x"), fold(f"{p.code} {p.name}")) for p in procedures])
    return path


@pytest.fixture
def licence_path(tmp_path: Path) -> Path:
    return store(tmp_path / "licence.sqlite", licence_catalog())


@pytest.fixture
def licence_ws(licence_path: Path):
    with Workspace.open(licence_path, create=False) as workspace:
        yield workspace
