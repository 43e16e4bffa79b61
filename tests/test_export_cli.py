"""`tthc export KIND`: every export kind from the command line, on the sample workspace."""

from __future__ import annotations

from pathlib import Path

import defusedxml.ElementTree as ET
import pytest

from tests.test_cli import REPO, run

SAMPLE = REPO / "samples" / "sample-catalog.json"


@pytest.fixture
def sample_ws(tmp_path: Path, capsys) -> str:
    ws = tmp_path / "sample.sqlite"
    assert run(capsys, "import", str(SAMPLE), "-w", str(ws))[0] == 0
    assert run(capsys, "redesign", "--all", "-w", str(ws), "--apply-suggestions")[0] == 0
    return str(ws)


def test_diagrams_for_a_selection_go_to_a_folder(sample_ws: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "so-do"
    status, _, err = run(capsys, "export", "diagram", "-w", sample_ws, "-o", str(out))
    assert status == 0 and "Exported 15 procedures" in err
    files = sorted(out.iterdir())
    assert len(files) == 15 and all(f.suffix == ".svg" for f in files)
    svg = ET.parse(next(f for f in files if f.name.startswith("3.000333")))
    ids = {e.get("id") for e in svg.iter() if e.get("id")}
    assert {"step:0", "item:0"} <= ids


def test_a_proposal_diagram_shows_both_versions(sample_ws: str, tmp_path: Path, capsys) -> None:
    def export(out: Path) -> int:
        argv = ["export", "diagram", "-w", sample_ws, "--code", "3.000333", "--proposal", "phuong-an"]
        return run(capsys, *argv, "-o", str(out))[0]

    assert export(tmp_path / "jr.png") == 0 and (tmp_path / "jr.png").read_bytes().startswith(b"\x89PNG")
    assert export(tmp_path / "jr.dot") == 0
    text = (tmp_path / "jr.dot").read_text(encoding="utf-8")
    assert "asis:item:1" in text and "tobe:step:1" in text and "Khai thác dữ liệu" in text


def test_export_mistakes_are_one_sentence(sample_ws: str, tmp_path: Path, capsys) -> None:
    status, _, err = run(capsys, "export", "diagram", "-w", sample_ws)
    assert status == 1 and "-o OUT" in err
    status, _, err = run(capsys, "export", "diagram", "-w", sample_ws, "-o", str(tmp_path / "one.svg"))
    assert status == 1 and "need a folder" in err


def test_excel_exports(sample_ws: str, tmp_path: Path, capsys) -> None:
    import openpyxl

    from catalog.importing.importer import import_paths
    from models.storage.workspace import Workspace

    catalog = tmp_path / "danh-muc.xlsx"
    assert run(capsys, "export", "catalog-xlsx", "-w", sample_ws, "-o", str(catalog))[0] == 0
    with Workspace.open(tmp_path / "back.sqlite") as back, Workspace.open(sample_ws) as original:
        report = import_paths(back, [catalog], strict=True)
        assert len(report.imported) == 15
        assert list(back.procedures()) == list(original.procedures())

    cost = tmp_path / "chi-phi.xlsx"
    assert (
        run(capsys, "export", "cost-xlsx", "-w", sample_ws, "--proposal", "phuong-an", "-o", str(cost))[0]
        == 0
    )
    book = openpyxl.load_workbook(cost)
    assert {"Tham số", "Tổng hợp", "Hiện trạng", "Phương án"} <= set(book.sheetnames)

    found = tmp_path / "ra-soat.xlsx"
    status, _, err = run(
        capsys, "export", "findings-xlsx", "-w", sample_ws, "--code", "3.000333", "-o", str(found)
    )
    assert status == 0 and "Exported 1 procedure" in err
    rows = list(openpyxl.load_workbook(found).worksheets[0].iter_rows(values_only=True))
    assert any("population" in str(cell) for row in rows for cell in row)


def test_bpmn_and_cpsv_exports_validate(sample_ws: str, tmp_path: Path, capsys) -> None:
    import json

    from exporters.cpsv import validate_cpsv
    from exporters.flow.bpmn import validate_bpmn

    folder = tmp_path / "bpmn"
    assert run(capsys, "export", "bpmn", "-w", sample_ws, "-o", str(folder))[0] == 0
    files = sorted(folder.glob("*.bpmn"))
    assert len(files) == 15 and all(validate_bpmn(f.read_bytes()) == [] for f in files)
    both = tmp_path / "jr.bpmn"
    run(
        capsys,
        "export",
        "bpmn",
        "-w",
        sample_ws,
        "--code",
        "3.000333",
        "--proposal",
        "phuong-an",
        "-o",
        str(both),
    )
    xml = both.read_bytes()
    assert validate_bpmn(xml) == [] and b"AsIs_" in xml and b"ToBe_" in xml

    cpsv = tmp_path / "cpsv.jsonld"
    assert run(capsys, "export", "cpsv", "-w", sample_ws, "-o", str(cpsv))[0] == 0
    data = json.loads(cpsv.read_text(encoding="utf-8"))
    assert validate_cpsv(data) == []
    assert "3.000333" in cpsv.read_text(encoding="utf-8")


def test_word_exports(sample_ws: str, tmp_path: Path, capsys) -> None:
    import docx

    spec = tmp_path / "quy-trinh.docx"
    status, _, err = run(capsys, "export", "spec-docx", "-w", sample_ws, "-o", str(spec))
    assert status == 0 and "Exported 15 procedures" in err
    text = "\n".join(p.text for p in docx.Document(str(spec)).paragraphs)
    assert "PHẦN I" in text.upper() and "Thủ tục đăng ký khai sinh" in text

    plan = tmp_path / "phuong-an.docx"
    status, _, err = run(capsys, "export", "plan-docx", "-w", sample_ws, "-o", str(plan))
    assert status == 0 and "Exported 14 procedures" in err
    document = docx.Document(str(plan))
    assert any("Tỷ lệ cắt giảm chi phí" in p.text for p in document.paragraphs)
