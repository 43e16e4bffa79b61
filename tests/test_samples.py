"""The bundled sample catalog: well-known procedures modelled in full, importing cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog.importing.importer import import_paths
from models.enums import Level
from models.storage.workspace import Workspace

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "sample-catalog.json"


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory: pytest.TempPathFactory):
    with Workspace.open(tmp_path_factory.mktemp("sample") / "sample.sqlite") as ws:
        report = import_paths(ws, [SAMPLE], strict=True)
        assert report.failures == [] and report.warnings == []
        yield ws


def test_the_sample_holds_at_least_twelve_procedures(sample_workspace: Workspace) -> None:
    assert sample_workspace.count() >= 12
    names = " | ".join(s.name.lower() for s in sample_workspace.summaries())
    for expected in (
        "khai sinh",
        "thường trú",
        "tạm trú",
        "kết hôn",
        "lý lịch tư pháp",
        "thành lập công ty",
        "giấy phép lái xe",
        "quyền sử dụng đất",
        "thất nghiệp",
        "hộ chiếu",
        "bảo hiểm y tế",
    ):
        assert expected in names, f"the sample has no procedure about '{expected}'"


def test_every_sample_procedure_is_modelled_in_full(sample_workspace: Workspace) -> None:
    for p in sample_workspace.procedures():
        where = f"{p.code} {p.name}"
        assert len(p.steps) >= 3 and all(s.actor for s in p.steps), where
        assert len(p.items) >= 2 and all(i.name_normalized for i in p.items), where
        assert p.channels and all(c.time_limit is not None and c.time_unit for c in p.channels), where
        assert all(c.fees for c in p.channels), f"{where}: every channel states its fees (0 when free)"
        assert len(p.legal_basis) >= 2 and all(r.number and r.title for r in p.legal_basis), where
        assert p.results and p.levels and p.field and p.executing_agencies and p.subjects, where
        assert Level.DISTRICT_HISTORICAL not in p.levels, f"{where}: no district level since 01/07/2025"


def test_the_sample_exercises_what_the_finder_will_look_for(sample_workspace: Workspace) -> None:
    procedures = list(sample_workspace.procedures())
    items = [i for p in procedures for i in p.items]
    assert any(i.certified_copy for i in items)
    assert any(i.group == "SHOW" for i in items)
    assert any(i.kind == "FORM" and i.template for i in items)
    assert any(p.notes for p in procedures)
    assert {c.method for p in procedures for c in p.channels} == {"DIRECT", "POSTAL", "ONLINE"}
