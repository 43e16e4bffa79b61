"""The findings report: one row per finding, with its explanation and legal basis, filterable, counted by grade."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from exporters.excel.findings_book import (
    COLUMNS,
    FINDINGS_SHEET,
    GRADE_LABELS,
    SUMMARY_SHEET,
    write_findings_xlsx,
)
from models.enums import FindingGrade
from models.findings import Finding
from models.jobs import Cancelled
from models.procedure import DossierItem, Procedure
from models.sources import load_registry
from tests.helpers.corpus import analysed, connected_registry, portal_pages, sample_procedures
from tests.helpers.xlsx_formulas import Evaluator

Entries = list[tuple[Procedure, list[Finding]]]
HEADERS = [label for label, _ in COLUMNS]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Entries:
    return analysed(sample_procedures(tmp_path_factory.mktemp("sample")), connected_registry("population"))


def rows_of(path: Path) -> list[dict[str, object]]:
    sheet = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    values = list(sheet.values)
    assert list(values[0]) == HEADERS
    return [dict(zip(HEADERS, row, strict=True)) for row in values[1:]]


def test_one_row_per_finding_with_its_reasons(sample: Entries, tmp_path: Path) -> None:
    path = tmp_path / "findings.xlsx"
    count = sum(len(findings) for _, findings in sample)
    assert write_findings_xlsx(sample, path) == count > 0
    rows = rows_of(path)
    assert len(rows) == count
    names = {source.id: source.name for source in load_registry()}
    expected = [(p, f) for p, findings in sample for f in findings]
    for row, (procedure, finding) in zip(rows, expected, strict=True):
        assert row["Mã thủ tục"] == procedure.code and row["Tên thủ tục"] == procedure.name
        assert row["STT thành phần"] == finding.item_index + 1
        assert row["Thành phần hồ sơ"] == finding.item_name
        assert row["Kết luận"] == GRADE_LABELS[finding.grade]
        assert row["Nguồn dữ liệu"] == finding.data_source
        assert row["Tên nguồn dữ liệu"] == (names[finding.data_source] if finding.data_source else None)
        assert row["Cụm từ khớp"] == finding.matched_phrase
        assert row["Giải thích"] == (finding.explanation or None)
        assert row["Căn cứ pháp lý"] == finding.legal_basis
        assert row["Phương án dự phòng"] == finding.fallback
        assert row["Thủ tục cấp giấy tờ"] == finding.issuing_procedure

    # The sample shows every kind of finding, with the reasons a lawyer needs.
    assert {row["Kết luận"] for row in rows} == set(GRADE_LABELS.values())
    redundant = [r for r in rows if r["Kết luận"] == GRADE_LABELS[FindingGrade.REDUNDANT]]
    assert redundant and all(r["Nguồn dữ liệu"] == "population" for r in redundant)
    assert all(r["Giải thích"] and r["Căn cứ pháp lý"] and r["Phương án dự phòng"] for r in redundant)
    assert all(r["(a) Nguồn có dữ liệu"] == "Có" and r["(c) Đã kết nối"] == "Có" for r in redundant)
    potential = [r for r in rows if r["Kết luận"] == GRADE_LABELS[FindingGrade.POTENTIALLY_REDUNDANT]]
    assert any(r["(c) Đã kết nối"] == "Chưa rõ" for r in potential)


def test_the_sheet_filters_freezes_and_wraps_the_explanation(sample: Entries, tmp_path: Path) -> None:
    path = tmp_path / "findings.xlsx"
    count = write_findings_xlsx(sample, path)
    sheet = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:P{count + 1}"
    explanation = HEADERS.index("Giải thích") + 1
    assert sheet.column_dimensions["J"].width >= 60
    assert all(sheet.cell(r, explanation).alignment.wrap_text for r in range(2, count + 2))
    assert all(sheet.cell(r, 1).data_type == "s" for r in range(2, count + 2))  # codes are text


def test_the_summary_counts_findings_by_grade_with_live_formulas(sample: Entries, tmp_path: Path) -> None:
    path = tmp_path / "findings.xlsx"
    count = write_findings_xlsx(sample, path)
    book = Evaluator(openpyxl.load_workbook(path))
    found = {book.value(SUMMARY_SHEET, f"A{r}"): book.value(SUMMARY_SHEET, f"B{r}") for r in range(2, 6)}
    grades = [f.grade for _, findings in sample for f in findings]
    assert found == {label: float(grades.count(grade)) for grade, label in GRADE_LABELS.items()}
    assert book.value(SUMMARY_SHEET, "B6") == count
    book.set(FINDINGS_SHEET, "E2", "đã xóa")  # an officer rules a finding out: the counts follow
    assert book.value(SUMMARY_SHEET, "B6") == count - 1


def test_imported_text_is_text_and_control_characters_are_dropped(tmp_path: Path) -> None:
    procedure = Procedure(
        code="1.000001", name='=HYPERLINK("http://x","y")', items=[DossierItem(name="+1-2")]
    )
    finding = Finding(
        item_index=0,
        item_name="@SUM(A1)",
        grade=FindingGrade.REQUIRED,
        explanation="-giải thích\x07 có ký tự điều khiển",
        rule="=1+1",
    )
    path = tmp_path / "findings.xlsx"
    write_findings_xlsx([(procedure, [finding])], path)
    sheet = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    cells = {HEADERS[c.column - 1]: c for c in sheet[2]}
    for header, value in (
        ("Tên thủ tục", '=HYPERLINK("http://x","y")'),
        ("Thành phần hồ sơ", "@SUM(A1)"),
        ("Quy tắc", "=1+1"),
        ("Giải thích", "-giải thích có ký tự điều khiển"),
    ):
        assert (cells[header].value, cells[header].data_type) == (value, "s"), header
    assert cells["Giải thích"].alignment.wrap_text


def test_an_item_name_missing_from_a_stored_finding_comes_from_the_procedure(tmp_path: Path) -> None:
    procedure = Procedure(code="1.000001", name="Thủ tục", items=[DossierItem(name="Bản sao CCCD")])
    path = tmp_path / "findings.xlsx"
    write_findings_xlsx(
        [(procedure, [Finding(item_index=0, item_name="", grade=FindingGrade.REQUIRED)])], path
    )
    assert rows_of(path)[0]["Thành phần hồ sơ"] == "Bản sao CCCD"


def test_progress_cancel_and_no_partial_file(sample: Entries, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    entries = sample * 10
    write_findings_xlsx(entries, tmp_path / "findings.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (100, len(entries)) and calls[-1] == (len(entries), len(entries))
    with pytest.raises(Cancelled):
        write_findings_xlsx(iter(entries), tmp_path / "cancelled.xlsx", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.xlsx"]


@pytest.mark.shared
def test_the_shared_corpus_findings_report(shared_data: Path, tmp_path: Path) -> None:
    entries = list(portal_pages(shared_data))
    path = tmp_path / "findings.xlsx"
    count = write_findings_xlsx(entries, path)
    assert count == sum(len(findings) for _, findings in entries) > 10_000
    rows = rows_of(path)
    assert len(rows) == count
    # No agency is connected in the shipped registry, so nothing is graded redundant outright.
    assert {r["Kết luận"] for r in rows} == set(GRADE_LABELS.values()) - {
        GRADE_LABELS[FindingGrade.REDUNDANT]
    }
    assert all(r["Giải thích"] for r in rows if r["Kết luận"] != GRADE_LABELS[FindingGrade.REQUIRED])
    assert any(r["Thủ tục cấp giấy tờ"] for r in rows)  # state-issued items linked to their issuing procedure
