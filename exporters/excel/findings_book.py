"""The findings report as an Excel workbook: one row per finding of the once-only finder, with its reasons.

Each row names the procedure and the dossier item, the grade (in Vietnamese), the registry source and its name,
the phrase that matched, the rule, the whole explanation, the legal basis, the fallback when the lookup fails, the
procedure that issues the document, and the state of the three conditions of DOMAIN §4 ((a) a source holds the
data, (b) its owner announced it, (c) the handling agency is connected). The header is frozen, every column
filters, long texts wrap. A second sheet counts the findings by grade with live COUNTIF formulas, so the counts
follow what the officer deletes or adds.

Findings come from :func:`catalog.pipeline.analysis.analyze` or :meth:`models.storage.workspace.Workspace.findings`.

Example
-------
>>> import tempfile
>>> from models.enums import FindingGrade
>>> from models.findings import Finding
>>> from models.procedure import DossierItem, Procedure
>>> p = Procedure(code="1.000001", name="Thủ tục mẫu", items=[DossierItem(name="Bản sao CCCD")])
>>> f = Finding(item_index=0, item_name="Bản sao CCCD", grade=FindingGrade.POTENTIALLY_REDUNDANT, data_source="population")
>>> with tempfile.TemporaryDirectory() as folder:
...     write_findings_xlsx([(p, [f])], Path(folder) / "findings.xlsx")
1
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from exporters.excel.common import (
    TOTAL_LOOK,
    WRAP,
    Cell,
    ColumnLook,
    Ticker,
    add_filter,
    discard,
    formula,
    header,
    new_workbook,
    save_atomic,
    set_up,
    styled,
    text,
    total_of,
)
from models.enums import FindingGrade
from models.findings import Finding
from models.jobs import CancelCheck, Progress
from models.procedure import Procedure
from models.redesign.item_changes import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource, load_registry
from models.vocabulary import CONDITIONS, condition_label, condition_state, label

FINDINGS_SHEET = "Phát hiện"
SUMMARY_SHEET = "Tổng hợp"

#: The Vietnamese label of each grade, as the report writes it.
GRADE_LABELS: dict[FindingGrade, str] = {
    grade: label(grade)
    for grade in (
        FindingGrade.REDUNDANT,
        FindingGrade.POTENTIALLY_REDUNDANT,
        FindingGrade.ISSUED_BY_STATE,
        FindingGrade.REQUIRED,
    )
}

#: The columns: (header, width).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Mã thủ tục", 12),
    ("Tên thủ tục", 40),
    ("STT thành phần", 9),
    ("Thành phần hồ sơ", 45),
    ("Kết luận", 22),
    ("Nguồn dữ liệu", 18),
    ("Tên nguồn dữ liệu", 30),
    ("Cụm từ khớp", 24),
    ("Quy tắc", 30),
    ("Giải thích", 80),
    ("Căn cứ pháp lý", 45),
    ("Phương án dự phòng", 45),
    ("Thủ tục cấp giấy tờ", 14),
    *((condition_label(key), 12) for key in CONDITIONS),
)
_GRADE_COLUMN = 5


def _wrapped(sheet: WriteOnlyWorksheet, value: str | None) -> Cell:
    cell = text(sheet, value)
    if isinstance(cell, str):
        return styled(sheet, cell, alignment=WRAP)
    if cell is not None:
        cell.alignment = WRAP
    return cell


def finding_row(
    sheet: WriteOnlyWorksheet, procedure: Procedure, finding: Finding, source_names: dict[str, str]
) -> list[Cell]:
    """The report's row for one finding (texts as string cells, long ones wrapped)."""
    item_name = finding.item_name
    if not item_name and 0 <= finding.item_index < len(procedure.items):
        item = procedure.items[finding.item_index]
        item_name = item.name_normalized or item.name
    source = finding.data_source
    return [
        text(sheet, procedure.code),
        _wrapped(sheet, procedure.name),
        finding.item_index + 1,
        _wrapped(sheet, item_name),
        GRADE_LABELS[finding.grade],
        text(sheet, source),
        _wrapped(sheet, source_names.get(source) if source else None),
        text(sheet, finding.matched_phrase),
        _wrapped(sheet, finding.rule),
        _wrapped(sheet, finding.explanation),
        _wrapped(sheet, finding.legal_basis),
        _wrapped(sheet, finding.fallback),
        text(sheet, finding.issuing_procedure),
        *(
            condition_state(finding.conditions[key]) if key in finding.conditions else None
            for key in CONDITIONS
        ),
    ]


def _write_summary(workbook: Workbook, rows: int) -> None:
    """Counts by grade, as COUNTIF formulas over the findings sheet's grade column."""
    sheet = workbook.create_sheet(SUMMARY_SHEET)
    set_up(sheet, [ColumnLook(30), ColumnLook(14)])
    sheet.append(header(sheet, ["Kết luận", "Số phát hiện"]))
    letter = get_column_letter(_GRADE_COLUMN)
    grades = f"{quote_sheetname(FINDINGS_SHEET)}!${letter}$2:${letter}${max(rows, 2)}"
    for row, grade_label in enumerate(GRADE_LABELS.values(), start=2):
        sheet.append([grade_label, formula(sheet, f"=COUNTIF({grades},A{row})")])
    last = len(GRADE_LABELS) + 1
    sheet.append(
        [styled(sheet, "Tổng cộng", **TOTAL_LOOK), formula(sheet, f"=SUM(B2:B{last})", **TOTAL_LOOK)]
    )


def write_findings_xlsx(
    entries: Iterable[tuple[Procedure, list[Finding]]],
    path: Path,
    registry: Sequence[DataSource] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    total: int | None = None,
) -> int:
    """Write the findings report of ``entries`` (each procedure with its findings) to ``path``.

    Parameters
    ----------
    entries : (procedure, findings) pairs, written in the order given, findings in item order (any iterable).
    path : the .xlsx file; written to ``path.part`` first, which replaces ``path`` only when complete.
    registry : the data sources whose names the report gives (the shipped registry by default).
    progress : called with (procedures done, total) every 100 procedures and at the end.
    cancelled : polled every 100 procedures; when it returns True the export stops and no file is left.
    total : how many entries there are, for progress (len() is used when ``entries`` has one).

    Returns
    -------
    int : the number of findings written (rows).

    Raises
    ------
    Cancelled : ``cancelled`` returned True.
    OSError : ``path`` cannot be written.
    """
    sources = list(registry) if registry is not None else load_registry()
    names = {source.id: source.name for source in sources}
    names.setdefault(ISSUER_RECORDS, ISSUER_RECORDS_NAME)
    ticker = Ticker(progress, cancelled, total_of(entries, total))
    workbook = new_workbook()
    rows = 0
    try:
        sheet = workbook.create_sheet(FINDINGS_SHEET)
        set_up(
            sheet,
            [ColumnLook(width, "@" if index == 0 else None) for index, (_, width) in enumerate(COLUMNS)],
            freeze="C2",
        )
        sheet.append(header(sheet, [label for label, _ in COLUMNS]))
        for procedure, findings in entries:
            for finding in sorted(findings, key=lambda f: f.item_index):
                sheet.append(finding_row(sheet, procedure, finding, names))
                rows += 1
            ticker.tick()
        ticker.finish()
        add_filter(sheet, len(COLUMNS), rows + 1)
        _write_summary(workbook, rows + 1)
        save_atomic(workbook, path)
    except BaseException:
        discard(workbook)
        raise
    return rows
