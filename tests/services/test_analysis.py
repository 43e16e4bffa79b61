"""The analysis service: one finder per workspace, whose findings do not depend on what else is analysed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from models.enums import FindingGrade
from models.jobs import ANALYSIS, Cancelled
from models.procedure import Procedure, Result
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef
from models.text import fold
from tests.helpers.workspaces import DEMANDING, ISSUER
from tests.test_cli import run
from workbench.services.analysis import AnalysisContext, analyse_and_store


def _cli_items(capsys, path: Path, *codes: str) -> dict[str, list[dict]]:
    args = [a for code in codes for a in ("--code", code)]
    status, out, err = run(capsys, "analyze", "-w", str(path), "--json", "--no-store", *args)
    assert status == 0, err
    return {p["code"]: p["items"] for p in json.loads(out)["procedures"]}


def test_one_procedure_alone_is_linked_to_the_catalog_procedure_that_issues_its_document(
    licence_ws: Workspace,
) -> None:
    shown = AnalysisContext(licence_ws).analyse(licence_ws.get(DEMANDING))
    licence = shown.findings[0]
    assert not shown.stored
    assert (licence.grade, licence.issuing_procedure) == (FindingGrade.ISSUED_BY_STATE, ISSUER)
    assert f"kết quả của thủ tục {ISSUER}" in licence.explanation


def test_the_command_line_gives_the_same_findings_alone_and_with_the_whole_catalog(
    licence_path: Path, capsys
) -> None:
    alone = _cli_items(capsys, licence_path, DEMANDING)[DEMANDING]
    whole = _cli_items(capsys, licence_path)[DEMANDING]
    assert alone == whole
    assert alone[0]["issuing_procedure"] == ISSUER


def test_an_import_brings_new_issuers_once_the_catalog_is_said_to_have_changed(licence_ws: Workspace) -> None:
    context = AnalysisContext(licence_ws)
    demanding = licence_ws.get(DEMANDING)
    identity = context.findings(demanding)[2]
    assert identity.grade != FindingGrade.ISSUED_BY_STATE  # a registry source (population), not a link
    other = Procedure(code="1.000001", name="Đổi giấy phép", results=[Result(name="Giấy phép lái tàu")])
    licence_ws.store([(other, SourceRef("test", "y"), fold(other.name))])
    assert context.findings(demanding)[0].issuing_procedure == ISSUER  # the index read before the import
    context.catalog_changed()
    assert context.findings(demanding)[0].issuing_procedure == "1.000001"  # first in code order now


def test_the_catalog_analysis_stores_what_it_found_and_nothing_when_cancelled(licence_ws: Workspace) -> None:
    checks: list[bool] = []
    analyse_and_store(licence_ws, cancelled=lambda: checks.append(False) or False, store_chunk=1)
    licence_ws.replace_findings({DEMANDING: [], ISSUER: []})
    assert len(checks) >= 4  # after reading, before each procedure, before storing
    for last in range(1, len(checks) + 1):  # a cancel at any check: Cancelled, and nothing stored
        polls = iter([False] * (last - 1))
        with pytest.raises(Cancelled) as cancel:
            analyse_and_store(licence_ws, cancelled=lambda polls=polls: next(polls, True), store_chunk=1)
        assert cancel.value.operation == ANALYSIS
        assert licence_ws.findings(DEMANDING) == [] and licence_ws.findings(ISSUER) == []
    seen: list[tuple[int, int]] = []
    analysis = analyse_and_store(licence_ws, progress=lambda done, total: seen.append((done, total)))
    assert analysis is not None and [a.procedure.code for a in analysis.procedures] == [DEMANDING, ISSUER]
    assert seen[0] == (0, 0) and seen[-1] == (2, 2)
    stored = AnalysisContext(licence_ws).analyse(licence_ws.get(DEMANDING))
    assert stored.stored
    kept = [replace(f, conditions={}) for f in analysis.procedures[0].findings]  # conditions are not stored
    assert stored.findings == kept


def test_the_workbench_and_the_command_line_agree_on_every_shared_procedure(
    shared_data: Path, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "corpus.sqlite"
    assert run(capsys, "import", str(shared_data / "portal-pages"), "-w", str(path))[0] == 0
    cli = _cli_items(capsys, path)
    keys = ("grade", "data_source", "issuing_procedure", "explanation", "legal_basis", "fallback", "rule")
    with Workspace.open(path, create=False) as workspace:
        context = AnalysisContext(workspace)
        linked = 0
        for procedure in workspace.procedures():
            shown = context.analyse(procedure)  # what the procedure view shows for a catalog never analysed
            assert not shown.stored
            gui = [
                {k: str(getattr(f, k)) if k == "grade" else getattr(f, k) for k in keys}
                for f in shown.findings
            ]
            want = [{k: item["status" if k == "grade" else k] for k in keys} for item in cli[procedure.code]]
            assert gui == want, procedure.code
            linked += any(f.issuing_procedure for f in shown.findings)
    assert linked > 100  # the links the workbench used to miss are there
