"""The import service: one batch, reported; a cancelled batch writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.jobs import Cancelled
from models.storage.workspace import Workspace
from tests.helpers.workspaces import SAMPLE_CATALOG
from workbench.services.importing import import_files


def test_an_import_reports_what_it_wrote_and_a_cancelled_one_writes_nothing(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        with pytest.raises(Cancelled):
            import_files(ws, [SAMPLE_CATALOG], cancelled=lambda: True)
        assert ws.count() == 0
        seen: list[tuple[int, int]] = []
        report = import_files(ws, [SAMPLE_CATALOG], progress=lambda done, total: seen.append((done, total)))
        assert (len(report.imported), report.failures, seen[-1]) == (15, [], (1, 1))
        assert len(import_files(ws, [SAMPLE_CATALOG]).unchanged) == 15
