"""The registry of export kinds: one table for the command line's choices, the dialog's list and the writers."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.storage.workspace import Workspace
from tests.helpers.workspaces import DEMANDING, licence_catalog, make_workspace
from workbench.cli import build_parser
from workbench.services.export import KINDS, ExportRequest, export, suffix


def test_every_kind_is_named_in_both_languages_with_its_suffix() -> None:
    assert list(KINDS) == [
        "json",
        "spec-docx",
        "plan-docx",
        "catalog-xlsx",
        "cost-xlsx",
        "findings-xlsx",
        "diagram",
        "bpmn",
        "cpsv",
    ]
    for key, kind in KINDS.items():
        assert kind.key == key and kind.label("vi") and kind.label("en") and kind.doing
        assert kind.suffix.startswith(".") and callable(kind.write)
    assert [k for k, kind in KINDS.items() if kind.per_procedure] == ["diagram", "bpmn"]
    assert [k for k, kind in KINDS.items() if kind.of_proposal] == ["plan-docx"]
    assert KINDS["spec-docx"].label() == "Word: quy trình chuẩn hóa (phụ lục Quyết định công bố)"
    assert KINDS["spec-docx"].label("en") == "Word: standardized specification"
    assert (suffix("diagram"), suffix("diagram", "png"), suffix("cpsv", "png")) == (".svg", ".png", ".jsonld")


def test_the_command_line_offers_the_registry_kinds(capsys) -> None:
    parser = build_parser()
    assert [parser.parse_args(["export", key]).kind for key in KINDS] == list(KINDS)
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "odt"])
    assert "choose from " + ", ".join(f"'{key}'" for key in KINDS) + ")" in capsys.readouterr().err


def test_each_kind_writes_through_its_registry_entry(tmp_path: Path) -> None:
    with Workspace.open(make_workspace(tmp_path / "w.sqlite", licence_catalog()), create=False) as ws:
        for key, kind in KINDS.items():
            target = tmp_path / ("out-" + key) if kind.per_procedure else tmp_path / f"out{kind.suffix}"
            codes = [DEMANDING] if kind.per_procedure else None
            count = export(ws, ExportRequest(key, target, codes, "phuong-an" if kind.of_proposal else None))
            assert count == (0 if kind.of_proposal else 1 if codes else 2), key  # the plan: no change yet
            assert target.exists(), key
        with pytest.raises(Exception, match="Unknown export kind"):
            export(ws, ExportRequest("odt", tmp_path / "x.odt"))
