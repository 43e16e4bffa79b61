"""Small workspaces that the service, CLI and GUI tests share: procedures stored as they are, the licence pair (a
document issued by one procedure and asked for by another) and the bundled sample catalog. No Qt here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from models.procedure import DossierItem, Procedure, Result, Step
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef
from models.text import fold

REPO = Path(__file__).resolve().parents[2]
SAMPLE_CATALOG = REPO / "samples" / "sample-catalog.json"
ISSUER, DEMANDING = "1.005071", "1.003897"


def make_workspace(path: Path, procedures: list[Procedure]) -> Path:
    """A workspace at ``path`` holding ``procedures`` as they are."""
    with Workspace.open(path) as workspace:
        workspace.store([(p, SourceRef("test", "x"), fold(f"{p.code} {p.name}")) for p in procedures])
    return path


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


def make_sample_workspace(path: Path, connected: Sequence[str] = ("population", "civil_status")) -> Path:
    """The bundled sample catalog in a workspace whose agency is connected to these data sources.

    Connected and announced sources make their items ``redundant``; the others stay ``potentially_redundant``.
    """
    from catalog.importing.importer import import_paths
    from models.registry_settings import save_source_settings, workspace_registry

    with Workspace.open(path) as workspace:
        report = import_paths(workspace, [SAMPLE_CATALOG])
        assert report.imported and not report.failures
        sources = {source.id: source for source in workspace_registry(workspace)}
        for source_id in connected:
            save_source_settings(workspace, replace(sources[source_id], connected=True))
    return path
