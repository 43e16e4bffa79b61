"""The compliance-cost workbook: the cost model of :mod:`models.cost` as live Excel formulas.

An officer changes a parameter (the value of an hour, travel, copying...) or a procedure's yearly volume in Excel
and every total moves: the workbook holds the *inputs* counted from each procedure (forms, documents, copies,
certified copies, visits, fees) and formulas that price them with the named parameter cells, the way
:func:`models.cost.calculation.procedure_cost` does (Circular 02/2017/TT-VPCP Art. 27; DOMAIN §6).

Sheets, each procedure on the same row number in every per-procedure sheet:

- **Hướng dẫn** — what the workbook holds and how each line is computed;
- **Tham số** — the parameters, one named cell each (``hour_value_vnd``, ``visit_hours``...), with their sources;
- **Tổng hợp** — per procedure: yearly volume (an input), cost per dossier and per year before and after,
  benefit and savings rate, and what the findings say could go; a catalog total row (SUM formulas);
- **Hiện trạng** / **Phương án** — the as-is and to-be versions: inputs, then one formula per cost line
  (preparation, copies, certification, visits, fees), per dossier with and without fees, per year;
- **Trùng lặp** / **Có thể trùng lặp** — the same lines for the items graded ``redundant`` (resp.
  ``potentially_redundant``, on top) and the visits their removal saves, as in :class:`models.cost.results.Removable`.

Example
-------
>>> import tempfile
>>> from models.procedure import DossierItem, Procedure
>>> p = Procedure(code="1.000001", name="Thủ tục mẫu", items=[DossierItem(name="Tờ khai", kind="FORM")])
>>> with tempfile.TemporaryDirectory() as folder:
...     write_cost_xlsx([CostInput(p)], CostParameters(), Path(folder) / "cost.xlsx")
1
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname

from exporters.excel.common import (
    HOURS_FORMAT,
    INPUT_FILL,
    PERCENT_FORMAT,
    SECTION_FONT,
    TITLE_FONT,
    TOTAL_LOOK,
    VND_FORMAT,
    WRAP,
    Cell,
    ColumnLook,
    Ticker,
    add_filter,
    define_name,
    discard,
    formula,
    header,
    new_workbook,
    number_validation,
    save_atomic,
    set_up,
    styled,
    text,
    total_of,
)
from models.cost.calculation import charged_copies, conditional_items, procedure_cost
from models.cost.parameters import CostParameters
from models.cost.results import CostBreakdown
from models.enums import ItemGroup, ItemKind
from models.findings import Finding
from models.jobs import CancelCheck, Progress
from models.procedure import Procedure
from models.vocabulary import COST_PARAMETERS, parameter_label, parameter_unit


@dataclass(frozen=True, slots=True)
class CostInput:
    """One procedure to cost: its published (as-is) version, its to-be version and the finder's findings.

    ``to_be`` is the redesign's to-be version (same shape); None means no redesign, so after = before.
    ``findings`` are those of the as-is items; None means not analysed (nothing shown as removable).
    """

    procedure: Procedure
    to_be: Procedure | None = None
    findings: Sequence[Finding] | None = None


# --- parameters ----------------------------------------------------------------------------------------------

GUIDE_SHEET = "Hướng dẫn"
PARAMETERS_SHEET = "Tham số"
SUMMARY_SHEET = "Tổng hợp"
BEFORE_SHEET = "Hiện trạng"
AFTER_SHEET = "Phương án"
REDUNDANT_SHEET = "Trùng lặp"
POTENTIAL_SHEET = "Có thể trùng lặp"

#: The parameters, in sheet order: field of CostParameters (also the cell's name) -> (label, unit).
PARAMETERS: dict[str, tuple[str, str]] = {
    name: (parameter_label(name), parameter_unit(name)) for name in COST_PARAMETERS
}
VISIT_COST = "visit_cost_vnd"  # derived: one visit's time and travel, a formula on the parameters sheet


def _write_parameters(workbook: Workbook, params: CostParameters) -> None:
    sheet = workbook.create_sheet(PARAMETERS_SHEET)
    set_up(sheet, [ColumnLook(60), ColumnLook(14), ColumnLook(12), ColumnLook(32), ColumnLook(90)])
    sheet.append(header(sheet, ["Tham số", "Giá trị", "Đơn vị", "Tên trong công thức", "Nguồn"]))
    for row, (name, (label, unit)) in enumerate(PARAMETERS.items(), start=2):
        shown = VND_FORMAT if unit.startswith("VNĐ") else "General"
        value = styled(sheet, float(getattr(params, name)), fill=INPUT_FILL, number_format=shown)
        source = params.sources.get(name)
        sheet.append([label, value, unit, name, styled(sheet, source, alignment=WRAP) if source else None])
        define_name(workbook, name, PARAMETERS_SHEET, f"$B${row}")
        maximum = 1.0 if name == "conditional_item_weight" else None
        number_validation(sheet, f"B{row}", 0, maximum)
    row = len(PARAMETERS) + 2
    sheet.append(
        [
            "Chi phí một lần đến cơ quan (thời gian × giá trị giờ + đi lại)",
            formula(sheet, "=visit_hours*hour_value_vnd+travel_cost_vnd", number_format=VND_FORMAT),
            "VNĐ",
            VISIT_COST,
            "Tính từ các tham số trên.",
        ]
    )
    define_name(workbook, VISIT_COST, PARAMETERS_SHEET, f"$B${row}")
    sheet.append([])
    sheet.append(
        [
            "Số hồ sơ mỗi năm của từng thủ tục nhập ở cột “Số hồ sơ/năm” của sheet Tổng hợp (mặc định: "
            "tham số annual_volume)."
        ]
    )


# --- what a dossier holds ------------------------------------------------------------------------------------

# Mirrors models.cost.calculation._item_cost: a certified copy is costed only when the item accepts nothing cheaper, and then
# at least one copy. The tests check every line the workbook computes against models.cost.calculation.procedure_cost.

#: The input columns of a per-procedure sheet: counts of items (unconditional, conditional), visits, fees.
INPUTS = (
    ("forms", "Mẫu đơn, tờ khai"),
    ("forms_conditional", "Mẫu đơn có điều kiện"),
    ("documents", "Giấy tờ phải nộp"),
    ("documents_conditional", "Giấy tờ phải nộp có điều kiện"),
    ("shown", "Giấy tờ phải xuất trình"),
    ("shown_conditional", "Giấy tờ xuất trình có điều kiện"),
    ("copies", "Bản sao"),
    ("copies_conditional", "Bản sao (thành phần có điều kiện)"),
    ("certified", "Bản sao chứng thực"),
    ("certified_conditional", "Bản sao chứng thực (thành phần có điều kiện)"),
    ("visits", "Số lần đến cơ quan"),
    ("fees", "Phí, lệ phí (VNĐ)"),
)


def dossier_counts(procedure: Procedure, indices: Iterable[int] | None = None) -> list[int]:
    """The item counts of the workbook's input columns (all but visits and fees) for ``procedure``'s items
    (or those at ``indices``): forms, documents to submit, documents to show, copies, certified copies, each
    split into unconditional and conditional items.

    >>> from models.procedure import DossierItem
    >>> p = Procedure(code="x", name="x", items=[DossierItem(name="Tờ khai", kind="FORM"),
    ...     DossierItem(name="Bản sao giấy phép", copies=2, copy_forms=["CERTIFIED"], condition="nếu có")])
    >>> dossier_counts(p)
    [1, 0, 0, 1, 0, 0, 0, 2, 0, 2]
    """
    items = procedure.items
    conditionals = conditional_items(items)
    counts = [0] * 10
    for index in range(len(items)) if indices is None else indices:
        item = items[index]
        conditional = int(conditionals[index])
        category = 0 if item.kind == ItemKind.FORM else 2 if item.group == ItemGroup.SHOW else 1
        counts[2 * category + conditional] += 1
        copies, certified = charged_copies(item)  # the cost model's own rule
        if certified:
            counts[8 + conditional] += copies
        counts[6 + conditional] += copies
    return counts


# --- the per-procedure sheets --------------------------------------------------------------------------------

_W = "conditional_item_weight"
_FIRST_FORMULA = len(INPUTS) + 3  # column O: after code, name and the inputs
#: The formula columns O..X: (label, formula with {r} for the row and {volume} for its yearly volume, format).
#: Inputs: C/D forms, E/F documents to submit, G/H documents to show, I/J copies, K/L certified copies (each
#: unconditional/conditional), M visits, N fees.
_LINES: tuple[tuple[str, str, str], ...] = (
    (
        "Giờ chuẩn bị hồ sơ",
        f"=form_hours*(C{{r}}+{_W}*D{{r}})+document_hours*(E{{r}}+{_W}*F{{r}})"
        f"+show_document_hours*(G{{r}}+{_W}*H{{r}})",
        HOURS_FORMAT,
    ),
    ("Chuẩn bị hồ sơ (VNĐ)", "=O{r}*hour_value_vnd", VND_FORMAT),
    (
        "Sao chụp giấy tờ (VNĐ)",
        f"=(I{{r}}+{_W}*J{{r}})*pages_per_document*copy_cost_per_page_vnd",
        VND_FORMAT,
    ),
    (
        "Chứng thực bản sao (VNĐ)",
        f"=(K{{r}}+{_W}*L{{r}})*pages_per_document*certification_cost_per_page_vnd",
        VND_FORMAT,
    ),
    ("Đi lại, chờ đợi (VNĐ)", f"=M{{r}}*{VISIT_COST}", VND_FORMAT),
    ("Phí, lệ phí (VNĐ)", "=N{r}", VND_FORMAT),
    ("Chi phí/hồ sơ (VNĐ)", "=SUM(P{r}:T{r})", VND_FORMAT),
    ("Chi phí/hồ sơ không tính phí (SCM)", "=U{r}-T{r}", VND_FORMAT),
    ("Chi phí/năm (VNĐ)", "=U{r}*{volume}*times_per_year", VND_FORMAT),
    ("Chi phí/năm không tính phí (SCM)", "=V{r}*{volume}*times_per_year", VND_FORMAT),
)
PER_DOSSIER = get_column_letter(_FIRST_FORMULA + 6)  # U
ANNUAL = get_column_letter(_FIRST_FORMULA + 8)  # W
ANNUAL_SCM = get_column_letter(_FIRST_FORMULA + 9)  # X
_NOTE_COLUMN = _FIRST_FORMULA + len(_LINES)  # Y
VOLUME = "C"  # the summary's volume column
_FEES_UNKNOWN = "Chưa rõ phí, lệ phí: tính 0"


def _ref(sheet: str, cell: str) -> str:
    return f"{quote_sheetname(sheet)}!{cell}"


class _StateSheet:
    """One per-procedure sheet (as-is, to-be, or a removable part): inputs and the cost-line formulas."""

    def __init__(self, workbook: Workbook, title: str) -> None:
        self.sheet = workbook.create_sheet(title)
        looks = [ColumnLook(14, "@"), ColumnLook(50)]
        looks += [ColumnLook(11) for _ in INPUTS[:-1]] + [ColumnLook(14, VND_FORMAT)]
        looks += [ColumnLook(15) for _ in _LINES] + [ColumnLook(40)]
        set_up(self.sheet, looks, freeze="C2")
        labels = ["Mã thủ tục", "Tên thủ tục", *(label for _, label in INPUTS), *(line[0] for line in _LINES)]
        self.sheet.append(header(self.sheet, [*labels, "Ghi chú"]))
        self.rows = 1

    def write(
        self, procedure: Procedure, counts: list[int], visits: int, fee: float, note: str | None
    ) -> None:
        sheet, row = self.sheet, self.rows + 1
        names = {"r": str(row), "volume": _ref(SUMMARY_SHEET, f"${VOLUME}{row}")}
        cells: list[Cell] = [text(sheet, procedure.code), text(sheet, procedure.name), *counts, visits, fee]
        cells += [
            formula(sheet, expression.format(**names), number_format=fmt) for _, expression, fmt in _LINES
        ]
        cells.append(text(sheet, note))
        sheet.append(cells)
        self.rows = row

    def finish(self) -> None:
        """The catalog total row (yearly totals) and the filter over the procedures."""
        cells: list[Cell] = [styled(self.sheet, "Tổng cộng", **TOTAL_LOOK)] + [None] * (_NOTE_COLUMN - 1)
        for column in (ANNUAL, ANNUAL_SCM):
            cells[column_index_from_string(column) - 1] = formula(
                self.sheet, f"=SUM({column}2:{column}{self.rows})", number_format=VND_FORMAT, **TOTAL_LOOK
            )
        self.sheet.append(cells)
        add_filter(self.sheet, _NOTE_COLUMN, self.rows)


# --- the summary ---------------------------------------------------------------------------------------------

_SUMMARY = (
    ("Mã thủ tục", ColumnLook(14, "@")),
    ("Tên thủ tục", ColumnLook(50)),
    ("Số hồ sơ/năm", ColumnLook(12, "#,##0")),
    ("Chi phí/hồ sơ hiện trạng (VNĐ)", ColumnLook(15)),
    ("Chi phí/hồ sơ phương án (VNĐ)", ColumnLook(15)),
    ("Chi phí/năm hiện trạng (VNĐ)", ColumnLook(18)),
    ("Chi phí/năm phương án (VNĐ)", ColumnLook(18)),
    ("Lợi ích/năm (VNĐ)", ColumnLook(18)),
    ("Tỷ lệ cắt giảm", ColumnLook(11)),
    ("Chi phí/năm hiện trạng không tính phí (SCM)", ColumnLook(18)),
    ("Chi phí/năm phương án không tính phí (SCM)", ColumnLook(18)),
    ("Trùng lặp, có thể cắt giảm/năm (VNĐ)", ColumnLook(18)),
    ("Có thể trùng lặp, cắt giảm thêm/năm (VNĐ)", ColumnLook(18)),
    ("Có phương án", ColumnLook(10)),
    ("Ghi chú", ColumnLook(40)),
)
_SUMMED = ("C", "F", "G", "H", "J", "K", "L", "M")  # summary columns that add up in the total row
#: Names of the summary's catalog totals, for officers' own formulas.
TOTAL_NAMES = {"total_before_annual": "F", "total_after_annual": "G", "total_savings_rate": "I"}


class _Summary:
    """The Tổng hợp sheet: per procedure its volume (an input) and before/after figures read from the others."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.sheet = workbook.create_sheet(SUMMARY_SHEET)
        set_up(self.sheet, [look for _, look in _SUMMARY], freeze="C2")
        self.sheet.append(header(self.sheet, [label for label, _ in _SUMMARY]))
        self.rows = 1

    def write(self, entry: CostInput, params: CostParameters, notes: list[str]) -> None:
        sheet, row = self.sheet, self.rows + 1
        code = entry.procedure.code
        look = {"fill": INPUT_FILL, "number_format": "#,##0"}
        volume = (
            styled(sheet, float(params.volume_by_code[code]), **look)
            if code in params.volume_by_code
            else formula(sheet, "=annual_volume", **look)  # the default, until the officer types a figure
        )

        def other(name: str, column: str) -> Cell:
            return formula(sheet, f"={_ref(name, f'{column}{row}')}", number_format=VND_FORMAT)

        sheet.append(
            [
                text(sheet, code),
                text(sheet, entry.procedure.name),
                volume,
                other(BEFORE_SHEET, PER_DOSSIER),
                other(AFTER_SHEET, PER_DOSSIER),
                other(BEFORE_SHEET, ANNUAL),
                other(AFTER_SHEET, ANNUAL),
                formula(sheet, f"=F{row}-G{row}", number_format=VND_FORMAT),
                formula(sheet, f"=IF(F{row}=0,0,H{row}/F{row})", number_format=PERCENT_FORMAT),
                other(BEFORE_SHEET, ANNUAL_SCM),
                other(AFTER_SHEET, ANNUAL_SCM),
                other(REDUNDANT_SHEET, ANNUAL),
                other(POTENTIAL_SHEET, ANNUAL),
                "Có" if entry.to_be is not None else "Không",
                text(sheet, "; ".join(notes)),
            ]
        )
        self.rows = row

    def finish(self) -> None:
        """The catalog total row: sums, and the savings rate of the totals."""
        sheet, last, total = self.sheet, self.rows, self.rows + 1
        cells: list[Cell] = [styled(sheet, "Tổng cộng", **TOTAL_LOOK)] + [None] * (len(_SUMMARY) - 1)
        for column in _SUMMED:
            fmt = "#,##0" if column == VOLUME else VND_FORMAT
            cells[column_index_from_string(column) - 1] = formula(
                sheet, f"=SUM({column}2:{column}{last})", number_format=fmt, **TOTAL_LOOK
            )
        cells[column_index_from_string("I") - 1] = formula(
            sheet, f"=IF(F{total}=0,0,H{total}/F{total})", number_format=PERCENT_FORMAT, **TOTAL_LOOK
        )
        sheet.append(cells)
        add_filter(sheet, len(_SUMMARY), last)
        for name, column in TOTAL_NAMES.items():
            define_name(self.workbook, name, SUMMARY_SHEET, f"${column}${total}")


# --- the guide -----------------------------------------------------------------------------------------------

_GUIDE = (
    "Chi phí tuân thủ thủ tục hành chính theo Điều 27 Thông tư 02/2017/TT-VPCP: chi phí cho một lần thực hiện = "
    "chi phí thực hiện các công việc để có kết quả + phí, lệ phí; chi phí một năm = chi phí một lần × số lần "
    "thực hiện trong năm × số đối tượng (số hồ sơ) mỗi năm. Không tính chi phí cơ hội.",
    "Tỷ lệ cắt giảm = (chi phí hiện trạng − chi phí phương án) ÷ chi phí hiện trạng.",
    "Mọi con số lấy từ sheet “Tham số” (ô màu vàng, có tên dùng trong công thức) và cột “Số hồ sơ/năm” của sheet "
    "“Tổng hợp”: sửa các ô này thì mọi tổng số được tính lại. Giá trị mặc định là giá trị giữ chỗ, chưa có nguồn "
    "chính thức: hãy đặt theo số liệu của đơn vị và ghi nguồn.",
    "Sheet “Hiện trạng” và “Phương án”: mỗi dòng một thủ tục (cùng số dòng ở mọi sheet), gồm số lượng đếm từ thủ "
    "tục (mẫu đơn, giấy tờ phải nộp, giấy tờ phải xuất trình, bản sao, bản sao chứng thực — thành phần có điều "
    "kiện tách riêng và nhân với tỷ lệ có điều kiện; số lần đến cơ quan; phí, lệ phí của cách thức rẻ nhất đã biết "
    "phí) và các cột công thức:",
    "• Chuẩn bị hồ sơ = (mẫu đơn × giờ điền mẫu + giấy tờ phải nộp × giờ có giấy tờ + giấy tờ xuất trình × giờ "
    "chuẩn bị) × giá trị một giờ;",
    "• Sao chụp = số bản sao × số trang × chi phí sao một trang; Chứng thực = số bản sao chứng thực × số trang × "
    "chi phí chứng thực một trang (bản sao chứng thực chỉ tính khi không được nộp bản rẻ hơn, ít nhất một bản);",
    "• Đi lại, chờ đợi = số lần đến cơ quan × (giờ mỗi lần × giá trị một giờ + chi phí đi lại);",
    "• Chi phí/hồ sơ = tổng các dòng trên cùng phí, lệ phí; cột SCM (Standard Cost Model) không tính phí, lệ phí.",
    "Sheet “Trùng lặp”: các thành phần hồ sơ được đánh giá là trùng lặp (dữ liệu đã có trong cơ sở dữ liệu, đã "
    "công bố, đã kết nối) và số lần đến cơ quan bớt được khi bỏ chúng; “Có thể trùng lặp”: phần cắt giảm thêm "
    "nếu bỏ cả các thành phần có thể trùng lặp. Không có phân tích thì các sheet này bằng 0.",
    "Phí, lệ phí chưa rõ được tính bằng 0 và ghi chú ở cột “Ghi chú”: chưa rõ không có nghĩa là miễn phí.",
)


def _write_guide(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(GUIDE_SHEET)
    set_up(sheet, [ColumnLook(120)], freeze=None)
    sheet.append(
        [styled(sheet, "Bảng tính chi phí tuân thủ thủ tục hành chính — TTHC Workbench", font=TITLE_FONT)]
    )
    sheet.append([])
    sheet.append([styled(sheet, "Cách tính", font=SECTION_FONT)])
    for line in _GUIDE:
        sheet.append([styled(sheet, line, alignment=WRAP)])


# --- the workbook --------------------------------------------------------------------------------------------


def _fee_note(breakdown: CostBreakdown) -> str | None:
    return _FEES_UNKNOWN if breakdown.fees_unknown else None


def write_cost_xlsx(
    rows: Iterable[CostInput],
    params: CostParameters,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    total: int | None = None,
) -> int:
    """Write the compliance-cost workbook of ``rows`` to ``path``; returns how many procedures it holds.

    Parameters
    ----------
    rows : one :class:`CostInput` per procedure, written in the order given (any iterable: it streams).
    params : the cost parameters, written to the Tham số sheet as named input cells.
    path : the .xlsx file; written to ``path.part`` first, which replaces ``path`` only when complete.
    progress : called with (procedures done, total) every 100 procedures and at the end.
    cancelled : polled every 100 procedures; when it returns True the export stops and no file is left.
    total : how many rows there are, for progress (len() is used when ``rows`` has one).

    Raises
    ------
    Cancelled : ``cancelled`` returned True.
    OSError : ``path`` cannot be written.
    """
    ticker = Ticker(progress, cancelled, total_of(rows, total))
    workbook = new_workbook()
    try:
        _write_guide(workbook)
        _write_parameters(workbook, params)
        summary = _Summary(workbook)
        titles = (BEFORE_SHEET, AFTER_SHEET, REDUNDANT_SHEET, POTENTIAL_SHEET)
        states = [_StateSheet(workbook, title) for title in titles]
        for entry in rows:
            _write_entry(entry, params, summary, states)
            ticker.tick()
        ticker.finish()
        summary.finish()
        for state in states:
            state.finish()
        save_atomic(workbook, path)
    except BaseException:
        discard(workbook)
        raise
    return ticker.done


def _write_entry(
    entry: CostInput, params: CostParameters, summary: _Summary, states: list[_StateSheet]
) -> None:
    """One procedure's row in every sheet: the inputs each version and each removable part is costed from."""
    before_sheet, after_sheet, redundant_sheet, potential_sheet = states
    procedure, to_be = entry.procedure, entry.to_be or entry.procedure
    before = procedure_cost(procedure, params, entry.findings)
    after = before if entry.to_be is None else procedure_cost(to_be, params)
    before_sheet.write(
        procedure, dossier_counts(procedure), before.visits, before.fees_vnd, _fee_note(before)
    )
    after_sheet.write(procedure, dossier_counts(to_be), after.visits, after.fees_vnd, _fee_note(after))
    removable = before.removable
    if removable is None:
        for sheet in (redundant_sheet, potential_sheet):
            sheet.write(procedure, dossier_counts(procedure, ()), 0, 0.0, "Chưa phân tích")
    else:
        redundant_sheet.write(
            procedure,
            dossier_counts(procedure, removable.redundant_items),
            removable.redundant_visits,
            0.0,
            None,
        )
        potential_sheet.write(
            procedure,
            dossier_counts(procedure, removable.potentially_redundant_items),
            removable.potentially_redundant_visits,
            0.0,
            None,
        )
    notes = [f"{_FEES_UNKNOWN} (hiện trạng)"] if before.fees_unknown else []
    if entry.to_be is not None and after.fees_unknown:
        notes.append(f"{_FEES_UNKNOWN} (phương án)")
    summary.write(entry, params, notes)
