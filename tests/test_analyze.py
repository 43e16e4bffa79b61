"""tthc analyze / report / sources on the sample workspace: what the officer sees, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.importing.importer import import_paths
from models.storage.workspace import Workspace
from workbench.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "sample-catalog.json"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        import_paths(ws, [SAMPLE])
    return path


def test_analyze_json_lists_every_item_with_source_status_and_explanation(workspace: Path, capsys) -> None:
    assert main(["analyze", "-w", str(workspace), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    birth = next(p for p in result["procedures"] if p["code"] == "1.001193")
    assert {"name", "kind", "data_source", "status", "explanation"} <= set(birth["items"][0])
    assert any(i["data_source"] == "population" for i in birth["items"])
    assert all(i["explanation"] for i in birth["items"])
    assert "cost" in birth and birth["cost"]["lines"]
    assert isinstance(birth["online_blocks"], list)
    summary = result["summary"]
    assert summary["procedures"] == len(result["procedures"]) >= 12
    assert summary["per_data_source"]["population"]
    with Workspace.open(workspace) as ws:
        assert ws.finding_counts()["1.001193"]  # stored for the GUI


def test_connecting_a_source_turns_its_items_redundant(workspace: Path, capsys) -> None:
    assert main(["sources", "-w", str(workspace), "--connect", "population", "civil_status"]) == 0
    capsys.readouterr()
    main(["analyze", "-w", str(workspace), "--json", "--code", "1.004222"])
    residence = json.loads(capsys.readouterr().out)["procedures"][0]
    statuses = {i["data_source"]: i["status"] for i in residence["items"] if i["data_source"]}
    assert statuses["civil_status"] == "redundant"
    assert residence["cost"]["removable"]["redundant_items"]
    assert main(["sources", "-w", str(workspace), "--connect", "nowhere"]) == 1
    assert "No data source nowhere" in capsys.readouterr().err


def test_report_is_readable_vietnamese(workspace: Path, capsys) -> None:
    assert main(["report", "-w", str(workspace), "--code", "1.001193"]) == 0
    out = capsys.readouterr().out
    assert (
        "Thủ tục đăng ký khai sinh" in out
        and "Chi phí tuân thủ" in out
        and "Giấy tờ được yêu cầu nhiều nhất" in out
    )


def test_stored_findings_read_back_with_their_item_names(workspace: Path, capsys) -> None:
    main(["analyze", "-w", str(workspace), "--code", "1.001193"])
    with Workspace.open(workspace) as ws:
        findings = ws.findings("1.001193")
        items = ws.get("1.001193").items
    assert [f.item_name for f in findings] == [i.name_normalized or i.name for i in items]
