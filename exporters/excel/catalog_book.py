"""The catalog as the workbench's Excel template: a README sheet, then one sheet per table of :mod:`models.template`.

The layout is the template's, read from its declarations (tables, columns, types, Vietnamese labels), so that
:mod:`catalog.formats.template_xlsx` imports the file back to equal procedures. Each data sheet has a frozen, styled header
row, an auto filter, and drop-down lists (data validation) on its enum columns and on a step's data source; the
lists live on the README sheet, which the importer skips. Codes and every other text are string cells (a text
starting with "=" stays text); dates are date cells, booleans TRUE/FALSE, lists one value a line.

The workbook is streamed (openpyxl write-only), one procedure at a time into every sheet, so a national catalog
exports in constant memory; ``progress(done, total)`` and ``cancelled()`` work as in :mod:`catalog.importing.importer`.

Example
-------
>>> import tempfile
>>> from models.procedure import Procedure
>>> with tempfile.TemporaryDirectory() as folder:
...     write_catalog_xlsx([Procedure(code="1.004220", name="Thủ tục mẫu")], Path(folder) / "catalog.xlsx")
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from exporters.excel.common import (
    SECTION_FONT,
    TITLE_FONT,
    WRAP,
    Cell,
    ColumnLook,
    Ticker,
    add_filter,
    column_range,
    date_cell,
    define_name,
    discard,
    header,
    list_validation,
    new_workbook,
    save_atomic,
    set_up,
    styled,
    text,
    total_of,
)
from models.enums import (
    Actor,
    ChannelMethod,
    CopyForm,
    FeeKind,
    ItemGroup,
    ItemKind,
    Level,
    ProcedureStatus,
    TimeUnit,
)
from models.jobs import CancelCheck, Progress
from models.procedure import Procedure
from models.redesign.item_changes import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource, load_registry
from models.template import (
    BOOL,
    CODE,
    DATE,
    ENUM,
    ENUM_LIST,
    INT,
    LIST,
    LIST_SEPARATOR,
    NUMBER,
    PROCEDURES,
    README_SHEET,
    TABLES,
    Column,
    ColumnType,
    Table,
)
from models.vocabulary import ENUM_LABELS

DATA_SOURCE_COLUMN = "data_source"
_LINKS = ("procedure_code", "channel_no", "no")

# --- the README ------------------------------------------------------------------------------------------------

_RULES = (
    "Mỗi sheet là một bảng, mỗi dòng một đối tượng; dòng đầu là tiêu đề cột. Các sheet con nối với thủ tục bằng "
    "cột “Mã thủ tục”; phí nối với cách thức bằng “Cách thức số”.",
    "Tiêu đề cột viết tiếng Việt hoặc tiếng Anh, có dấu hoặc không dấu, thứ tự cột tùy ý; thiếu cột bắt buộc thì "
    "không nhập được bảng đó.",
    "Mã thủ tục, mã kết quả và mã nguồn dữ liệu là văn bản: đừng để Excel đổi 1.004220 thành số 1.00422.",
    "Ô danh sách ghi mỗi giá trị một dòng (Alt+Enter trong ô). Ô chọn giá trị ghi nhãn tiếng Việt như trong "
    "danh mục ở cuối sheet này (hoặc mã, hoặc nhãn tiếng Anh).",
    "Số tiền là số nguyên VNĐ; để trống là chưa rõ, không phải miễn phí (miễn phí thì ghi 0).",
    "Ngày ghi dd/mm/yyyy; đúng/sai ghi TRUE/FALSE. Thứ tự (STT) để trống thì theo thứ tự dòng.",
    "Mọi nội dung là văn bản như đã công bố; ô bắt đầu bằng =, +, - hoặc @ vẫn là văn bản, không phải công thức.",
    "Sheet README này được bỏ qua khi nhập lại vào TTHC Workbench.",
)

_SHEETS: dict[str, tuple[str, str]] = {  # table key -> (one row per, what it holds)
    "procedures": (
        "thủ tục",
        "Phần chung của thủ tục: mã, tên, cấp thực hiện, cơ quan, đối tượng, điều kiện, căn cứ công bố.",
    ),
    "channels": (
        "cách thức thực hiện",
        "Trực tiếp, bưu chính, trực tuyến: mỗi cách thức một thời hạn giải quyết.",
    ),
    "fees": ("khoản phí, lệ phí của một cách thức", "Số tiền để trống là chưa rõ, 0 là miễn phí."),
    "steps": (
        "bước của trình tự thực hiện",
        "Theo thứ tự công bố; hai cột cuối do phương án tái cấu trúc đặt.",
    ),
    "items": (
        "thành phần hồ sơ",
        "Giấy tờ phải nộp hoặc phải xuất trình, số bản chính, bản sao và hình thức bản.",
    ),
    "notes": (
        "lưu ý trong thành phần hồ sơ",
        "Hướng dẫn in cùng thành phần hồ sơ, không phải giấy tờ phải nộp.",
    ),
    "results": ("kết quả thực hiện", "Tên và mã kết quả (ví dụ KQ.G15.000031)."),
    "legal_basis": ("văn bản là căn cứ pháp lý", "Tên, số hiệu, ngày ban hành và cơ quan ban hành."),
}

_KINDS: dict[ColumnType, str] = {
    "text": "Văn bản",
    "code": "Mã (văn bản)",
    "int": "Số nguyên",
    "number": "Số",
    "date": "Ngày (dd/mm/yyyy)",
    "bool": "TRUE/FALSE",
    "enum": "Chọn một giá trị",
    "list": "Danh sách, mỗi giá trị một dòng",
    "enum_list": "Chọn một hoặc nhiều giá trị, mỗi giá trị một dòng",
}

_LINK_NOTES = {
    "procedure_code": "Mã của thủ tục trong sheet Procedures.",
    "channel_no": "Số thứ tự của cách thức (1, 2...) trong sheet Channels của cùng thủ tục.",
    "no": "Thứ tự trong thủ tục (1, 2...); để trống thì theo thứ tự dòng.",
}

_COLUMN_NOTES = {
    "amount_vnd": "Để trống là chưa rõ; 0 là miễn phí.",
    "in_person": "FALSE: bước đã được tái cấu trúc để không phải đến cơ quan; để trống: theo nội dung bước.",
    DATA_SOURCE_COLUMN: "Mã nguồn dữ liệu mà cơ quan khai thác thay cho giấy tờ (danh mục ở cuối sheet này).",
    "full_process_online_declared": "Theo nguồn công bố; không phải kết luận của phần mềm.",
    "name_normalized": "Để trống thì phần mềm tự chuẩn hóa từ tên giấy tờ.",
}

#: The drop-down lists, in README order: enum -> its title (the defined range is named by :func:`_list_name`).
_LISTS: dict[type[StrEnum], str] = {
    Level: "Cấp thực hiện",
    ProcedureStatus: "Tình trạng",
    ChannelMethod: "Cách thức thực hiện",
    TimeUnit: "Đơn vị thời gian",
    FeeKind: "Loại phí",
    Actor: "Người thực hiện",
    ItemKind: "Loại thành phần",
    ItemGroup: "Nhóm giấy tờ",
    CopyForm: "Hình thức bản",
}
_RETIRED: dict[StrEnum, str] = {
    Level.DISTRICT_HISTORICAL: "chỉ có trong dữ liệu cũ, không chọn cho thủ tục mới"
}


_SOURCES_LIST = "list_DataSource"


def _list_name(enum: type[StrEnum]) -> str:
    return f"list_{enum.__name__}"


def _offered(enum: type[StrEnum]) -> list[str]:
    """The labels a drop-down offers: every value but the retired ones (cấp huyện since 01/07/2025)."""
    return [labels[0] for value, labels in ENUM_LABELS[enum].items() if value not in _RETIRED]


def _column_note(column: Column) -> str:
    """What the README says of a column's values: the link it makes, its labels, or a note."""
    if column.key in _LINKS:
        return _LINK_NOTES[column.key]
    if column.enum is not None:
        return "; ".join(
            labels[0] + (f" ({_RETIRED[value]})" if value in _RETIRED else "")
            for value, labels in ENUM_LABELS[column.enum].items()
        )
    return _COLUMN_NOTES.get(column.key, "")


def _write_readme(workbook: Workbook, sources: Sequence[DataSource]) -> None:
    sheet = workbook.create_sheet(README_SHEET)
    set_up(
        sheet,
        [
            ColumnLook(18),
            ColumnLook(30),
            ColumnLook(28),
            ColumnLook(24),
            ColumnLook(30),
            ColumnLook(10),
            ColumnLook(70),
        ],
        freeze=None,
    )
    row = 0

    def put(values: list[Any]) -> None:
        nonlocal row
        sheet.append(values)
        row += 1

    put([styled(sheet, "Mẫu danh mục thủ tục hành chính — TTHC Workbench", font=TITLE_FONT)])
    for rule in _RULES:
        put([None, rule])
    put([])
    put([styled(sheet, "Các sheet", font=SECTION_FONT)])
    put(header(sheet, ["Sheet", "Tên tiếng Việt", "Mỗi dòng là một", "Nội dung"]))
    for table in TABLES:
        per_row, about = _SHEETS[table.key]
        put([table.sheet, table.sheet_vi, per_row, about])
    put([])
    put([styled(sheet, "Các cột", font=SECTION_FONT)])
    put(
        header(
            sheet,
            ["Sheet", "Tiêu đề cột", "Tiêu đề tiếng Anh", "Khóa", "Kiểu", "Bắt buộc", "Giá trị, ghi chú"],
        )
    )
    for table in TABLES:
        for column in table.columns:
            note = _column_note(column)
            put(
                [
                    table.sheet,
                    column.vi,
                    column.en,
                    column.key,
                    _KINDS[column.kind],
                    "Có" if column.required else None,
                    styled(sheet, note, alignment=WRAP) if note else None,
                ]
            )
    put([])
    put([styled(sheet, "Danh mục giá trị (dùng cho danh sách chọn)", font=SECTION_FONT)])
    for enum, title in _LISTS.items():
        offered = _offered(enum)
        put([title, *offered])
        define_name(
            workbook, _list_name(enum), README_SHEET, f"$B${row}:${get_column_letter(1 + len(offered))}${row}"
        )
    ids = [source.id for source in sources] + [ISSUER_RECORDS]
    put(["Nguồn dữ liệu (mã)", *ids])
    define_name(workbook, _SOURCES_LIST, README_SHEET, f"$B${row}:${get_column_letter(1 + len(ids))}${row}")
    put(["Nguồn dữ liệu (tên)", *(source.name for source in sources), ISSUER_RECORDS_NAME])


# --- the tables ------------------------------------------------------------------------------------------------

Convert = Callable[[WriteOnlyWorksheet, Any], Cell]

_WIDTHS: dict[ColumnType, float] = {
    "text": 40,
    "code": 14,
    "int": 9,
    "number": 10,
    "date": 12,
    "bool": 10,
    "enum": 20,
    "list": 40,
    "enum_list": 22,
}
_WIDE = {"name", "description", "title", "text"}


def _plain(sheet: WriteOnlyWorksheet, value: Any) -> Cell:
    return value


def _enum_converter(enum: type[StrEnum], many: bool) -> Convert:
    labels = {value: spellings[0] for value, spellings in ENUM_LABELS[enum].items()}
    if many:
        return lambda sheet, values: LIST_SEPARATOR.join(labels[v] for v in values) if values else None
    return lambda sheet, value: None if value is None else labels[value]


def _list(sheet: WriteOnlyWorksheet, values: list[str]) -> Cell:
    return text(sheet, LIST_SEPARATOR.join(values)) if values else None


def _converter(column: Column) -> Convert:
    kind = column.kind
    if kind in (ENUM, ENUM_LIST):
        assert column.enum is not None
        return _enum_converter(column.enum, kind == ENUM_LIST)
    if kind == LIST:
        return _list
    if kind == DATE:
        return date_cell
    if kind in (INT, NUMBER, BOOL):
        return _plain
    return text


class _TableSheet:
    """One data sheet being streamed: its header written, rows appended as procedures come."""

    def __init__(self, workbook: Workbook, table: Table) -> None:
        self.table = table
        self.sheet = workbook.create_sheet(table.sheet)
        looks = [
            ColumnLook(60 if c.key in _WIDE else _WIDTHS[c.kind], "@" if c.kind == CODE else None)
            for c in table.columns
        ]
        set_up(self.sheet, looks, freeze="C2" if table is PROCEDURES else "B2")
        self.sheet.append(header(self.sheet, [c.vi for c in table.columns]))
        self.columns = [(c.key, _converter(c)) for c in table.columns]
        self.rows = 1
        for index, column in enumerate(table.columns, start=1):
            if column.enum is not None:
                prompt = (
                    "Chọn một giá trị; nhiều giá trị thì mỗi giá trị một dòng."
                    if column.kind == ENUM_LIST
                    else None
                )
                list_validation(
                    self.sheet,
                    _list_name(column.enum),
                    column_range(index),
                    prompt=prompt,
                    strict=column.kind == ENUM,
                )
            elif column.key == DATA_SOURCE_COLUMN:
                list_validation(self.sheet, _SOURCES_LIST, column_range(index), strict=False)

    def write(self, part: Any, links: dict[str, Any]) -> None:
        sheet = self.sheet
        self.sheet.append(
            [
                links[key] if key in links else convert(sheet, getattr(part, key))
                for key, convert in self.columns
            ]
        )
        self.rows += 1

    def finish(self) -> None:
        add_filter(self.sheet, len(self.columns), self.rows)


def _write_procedure(sheets: dict[str, _TableSheet], procedure: Procedure) -> None:
    code = text(sheets["procedures"].sheet, procedure.code)
    sheets["procedures"].write(procedure, {})
    channels, fees = sheets["channels"], sheets["fees"]
    for number, channel in enumerate(procedure.channels, start=1):
        links = {"procedure_code": code, "channel_no": number}
        channels.write(channel, links)
        for fee in channel.fees:
            fees.write(fee, links)
    for key in ("steps", "items", "notes", "results", "legal_basis"):
        table = sheets[key]
        for number, part in enumerate(getattr(procedure, key), start=1):
            table.write(part, {"procedure_code": code, "no": number})


def write_catalog_xlsx(
    procedures: Iterable[Procedure],
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    total: int | None = None,
    *,
    registry: Sequence[DataSource] | None = None,
) -> int:
    """Write ``procedures`` to ``path`` as the catalog template; returns how many were written.

    Parameters
    ----------
    procedures : any iterable (a workspace's ``procedures()`` streams); written in the order given.
    path : the .xlsx file; written to ``path.part`` first, which replaces ``path`` only when complete.
    progress : called with (procedures done, ``total``) every 100 procedures and at the end; total is 0 when
        unknown (a generator and no ``total``).
    cancelled : polled every 100 procedures; when it returns True the export stops and no file is left.
    total : how many procedures ``procedures`` holds, for progress (len() is used when it has one).
    registry : the data sources offered in a step's data-source list (the shipped registry by default).

    Raises
    ------
    Cancelled : ``cancelled`` returned True.
    OSError : ``path`` cannot be written.
    """
    sources = list(registry) if registry is not None else load_registry()
    ticker = Ticker(progress, cancelled, total_of(procedures, total))
    workbook = new_workbook()
    try:
        _write_readme(workbook, sources)
        sheets = {table.key: _TableSheet(workbook, table) for table in TABLES}
        for procedure in procedures:
            _write_procedure(sheets, procedure)
            ticker.tick()
        ticker.finish()
        for table_sheet in sheets.values():
            table_sheet.finish()
        save_atomic(workbook, path)
    except BaseException:
        discard(workbook)
        raise
    return ticker.done
