"""What the Excel exporters share: safe text cells, the header look, sheet set-up, value lists, progress, saving.

Every workbook is written in openpyxl's write-only (streaming) mode, so a national catalog never sits in memory as
cells: rows go to each sheet's temporary file as they are made, and the workbook is zipped at the end into a
``.part`` file that replaces the target only when complete (:func:`save_atomic`, with
:func:`exporters.output.atomic_output`). Write-only sheets take column
widths and frozen panes before their first row, and auto filters and data validations any time before saving.

Text is data, never code: :func:`text` returns a string that openpyxl stores as a string cell even when it starts
with "=" (openpyxl would otherwise write a formula), marked "quote prefix" when it starts with any formula trigger so
that Excel keeps it as text when a user edits the cell (:mod:`exporters.safety`). Text is never cut: a cell longer
than Excel's 32,767 characters is written whole (the importers read it back), which Excel itself may not show in
full; the longest text of the shared corpus has 22,855 characters.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from exporters.output import atomic_output
from exporters.safety import cell_text, is_formula_like
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled

EXCEL_MAX_ROW = 1_048_576
DATE_FORMAT = "dd/mm/yyyy"
VND_FORMAT = "#,##0"
HOURS_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # cells an officer may change (parameters, volumes)
TOTAL_FONT = Font(bold=True)
TOTAL_BORDER = Border(top=Side(style="thin"))
TOTAL_LOOK = {"font": TOTAL_FONT, "border": TOTAL_BORDER}  # a catalog total row's cells
TITLE_FONT = Font(bold=True, size=14)
SECTION_FONT = Font(bold=True, size=12)
WRAP = Alignment(wrap_text=True, vertical="top")

Cell = Any  # a plain value, or a WriteOnlyCell carrying a style or a forced type


def new_workbook() -> Workbook:
    """An empty write-only (streaming) workbook."""
    return Workbook(write_only=True)


def text(sheet: WriteOnlyWorksheet, value: str | None) -> Cell:
    """``value`` as a string cell: None for blank, XML-illegal characters removed, never a formula.

    >>> wb = new_workbook(); ws = wb.create_sheet("S")
    >>> cell = text(ws, "=HYPERLINK(1)"); cell.data_type, cell.value, cell.quotePrefix
    ('s', '=HYPERLINK(1)', True)
    >>> text(ws, "Tờ khai")
    'Tờ khai'
    """
    if not value:
        return None
    value = cell_text(value)
    if not value or not is_formula_like(value):
        return value or None
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"  # openpyxl made "=..." a formula; a string it is
    cell.quotePrefix = True  # and Excel keeps it one when the cell is edited
    return cell


def styled(sheet: WriteOnlyWorksheet, value: Any, **style: Any) -> WriteOnlyCell:
    """A cell with a style (font, fill, alignment, number_format, border...); a string stays a string."""
    cell = WriteOnlyCell(sheet, cell_text(value) if isinstance(value, str) else value)
    if cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def formula(sheet: WriteOnlyWorksheet, expression: str, **style: Any) -> Cell:
    """A formula cell (``expression`` starts with "="): the only way the exporters write one."""
    assert expression.startswith("="), expression
    if not style:
        return expression
    cell = WriteOnlyCell(sheet, expression)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def date_cell(sheet: WriteOnlyWorksheet, value: dt.date | None) -> Cell:
    """A date cell shown dd/mm/yyyy (None for blank)."""
    return None if value is None else styled(sheet, value, number_format=DATE_FORMAT)


def header(sheet: WriteOnlyWorksheet, labels: Iterable[str]) -> list[WriteOnlyCell]:
    """A header row: bold white on dark blue, wrapped."""
    return [
        styled(sheet, label, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGNMENT)
        for label in labels
    ]


@dataclass(frozen=True, slots=True)
class ColumnLook:
    """How a column looks: its width in characters and, for cells users type into, its number format."""

    width: float
    number_format: str | None = None


def set_up(sheet: WriteOnlyWorksheet, looks: Sequence[ColumnLook], freeze: str | None = "A2") -> None:
    """Column widths and formats and the frozen panes: what a write-only sheet needs before its first row."""
    for index, look in enumerate(looks, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = look.width
        if look.number_format:
            dimension.number_format = look.number_format  # for rows a user adds ("@" keeps codes text)
    if freeze:
        sheet.freeze_panes = freeze


def add_filter(sheet: WriteOnlyWorksheet, columns: int, last_row: int) -> None:
    """An auto filter over the header row and the data below it (rows 1..``last_row``)."""
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(last_row, 2)}"


def column_range(column: int, first_row: int = 2, last_row: int = EXCEL_MAX_ROW) -> str:
    """ "D2:D1048576": a column below its header, including the rows a user will add."""
    letter = get_column_letter(column)
    return f"{letter}{first_row}:{letter}{last_row}"


def define_name(workbook: Workbook, name: str, sheet: str, ref: str) -> str:
    """Name the cell or range ``ref`` ("$B$2") of ``sheet``; returns the name, to use in formulas."""
    workbook.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(sheet)}!{ref}")
    return name


def list_validation(
    sheet: WriteOnlyWorksheet,
    source: str,
    cells: str,
    *,
    prompt: str | None = None,
    strict: bool = True,
) -> DataValidation:
    """A drop-down list on ``cells`` offering the values of ``source`` (a defined name or range).

    ``strict`` rejects other values; otherwise Excel only informs (for columns holding several values, one a line).
    """
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "information",
        error="Hãy chọn một giá trị trong danh sách." if strict else None,
        showInputMessage=prompt is not None,
        prompt=prompt,
    )
    validation.add(cells)
    sheet.data_validations.append(validation)
    return validation


def number_validation(
    sheet: WriteOnlyWorksheet, cells: str, minimum: float = 0, maximum: float | None = None
) -> DataValidation:
    """Numbers only, at least ``minimum`` (and at most ``maximum``)."""
    validation = DataValidation(
        type="decimal",
        operator="between" if maximum is not None else "greaterThanOrEqual",
        formula1=str(minimum),
        formula2=str(maximum) if maximum is not None else None,
        showErrorMessage=True,
        error="Hãy nhập một số "
        + (f"từ {minimum:g} đến {maximum:g}." if maximum is not None else f"không nhỏ hơn {minimum:g}."),
    )
    validation.add(cells)
    sheet.data_validations.append(validation)
    return validation


class Ticker:
    """Calls ``progress(done, total)`` and polls ``cancelled()`` every ``every`` units of work and at the end.

    ``total`` is 0 when unknown (a generator without a count): a progress bar then shows activity, not a share.
    """

    def __init__(
        self, progress: Progress | None, cancelled: CancelCheck | None, total: int, every: int = 100
    ) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.every = every
        self.done = 0

    def tick(self) -> None:
        """One more unit done. Raises Cancelled when the caller asked to stop."""
        self.done += 1
        if self.done % self.every == 0:
            check_cancelled(self.cancelled, EXPORT)
            if self.progress is not None:
                self.progress(self.done, self.total)

    def finish(self) -> None:
        check_cancelled(self.cancelled, EXPORT)
        if self.progress is not None:
            self.progress(self.done, self.total)


def total_of(items: Iterable[Any], total: int | None) -> int:
    """How many items an export will write, for progress: ``total`` when given, else len() when there is one, else 0
    (unknown)."""
    if total is not None:
        return total
    return len(items) if isinstance(items, Sized) else 0


def save_atomic(workbook: Workbook, path: Path) -> None:
    """Save to ``path.part`` then replace ``path``, so a reader never sees half a workbook (nor a partial file
    when the save fails)."""
    with atomic_output(path) as tmp:
        workbook.save(tmp)


def discard(workbook: Workbook) -> None:
    """Remove the temporary files of a write-only workbook that will not be saved (cancelled or failed)."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            rows = getattr(sheet, "_rows", None)
            if rows is not None:
                rows.close()
            writer.close()
            writer.cleanup()
