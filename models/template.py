"""The workbench's own catalog template: the one specification of its tables, columns and cell vocabularies.

The template is a workbook with one sheet per table (or a folder of CSV files, one per table). The importers
(:mod:`catalog.formats.template_xlsx`, :mod:`catalog.formats.template_csv`) and the Excel exporter both read this module, so a
column is declared once. A README sheet is ignored on import.

=============  ========================================  ==========================================================
sheet          one row per                               column keys (headers and types: the tables below)
=============  ========================================  ==========================================================
Procedures     procedure (:class:`ProcedureHeader`)      code, name, description, levels, field, issuing_body,
                                                         agencies..., subjects, requirements, announcement..., status
Channels       channel (cách thức)                       procedure_code, channel_no, method, time_limit, time_unit,
                                                         time_note
Fees           fee of a channel                          procedure_code, channel_no, kind, amount_vnd, note
Steps          step (trình tự)                           procedure_code, no, title, description, actor, time...,
                                                         in_person, data_source
Items          dossier item                              procedure_code, no, name, kind, group, originals, copies...
Notes          note among the dossier components         procedure_code, no, text, heading
Results        result                                    procedure_code, no, name, code
LegalBasis     legal reference                           procedure_code, no, title, number, date, issuer
=============  ========================================  ==========================================================

Cells
-----
- A column's key is the model attribute it fills; ``procedure_code`` links a child row to its procedure,
  ``channel_no`` links a fee to its channel (1, 2... within the procedure), ``no`` orders a procedure's rows
  (row order when blank). Column order is free; a table without one of its ``required`` columns is an error,
  an unknown column a warning.
- Headers match in Vietnamese or English, with or without diacritics, in any case, ignoring punctuation
  ("Số tiền (VNĐ)" = "so tien vnd" = "Amount (VND)" = "amount_vnd").
- Lists (:data:`LIST`, :data:`ENUM_LIST`) hold one value per line (:data:`LIST_SEPARATOR`); enum lists also
  accept ";" or ",".
- Enum cells take the code (``WORKING_DAY``) or a label (:data:`ENUM_LABELS`: "ngày làm việc", "Trực tuyến",
  "Cấp tỉnh"...). Writers use the Vietnamese label.
- Codes are text; dates are date cells or dd/mm/yyyy; booleans TRUE/FALSE (also có/không, x, 1/0). Writers
  store every text as a text cell, so that a value starting with "=" stays text and is never a formula.
- Money is a whole number of VND; blank means unknown, never free (write 0, or "Miễn phí", for free).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

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
from models.vocabulary import label_key

#: How a cell is read and written.
ColumnType = Literal["text", "code", "int", "number", "date", "bool", "enum", "list", "enum_list"]
TEXT: ColumnType = "text"
CODE: ColumnType = "code"  # text that spreadsheets must not turn into a number
INT: ColumnType = "int"
NUMBER: ColumnType = "number"
DATE: ColumnType = "date"
BOOL: ColumnType = "bool"
ENUM: ColumnType = "enum"
LIST: ColumnType = "list"  # several texts, one per line
ENUM_LIST: ColumnType = "enum_list"  # several enum values, one per line

LIST_SEPARATOR = "\n"
README_SHEET = "README"


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the model attribute, or procedure_code / channel_no / no
    vi: str  # Vietnamese header (what the exporter writes)
    en: str  # English header
    kind: ColumnType = TEXT
    enum: type[StrEnum] | None = None
    required: bool = False  # a table without this column cannot be read
    aliases: tuple[str, ...] = ()

    def header_keys(self) -> set[str]:
        """The header keys this column answers to."""
        return {label_key(h) for h in (self.key, self.vi, self.en, *self.aliases)}


@dataclass(frozen=True, slots=True)
class Table:
    key: str  # "procedures", or the Procedure attribute the rows fill ("channels", "items"...); "fees" for fees
    sheet: str  # the sheet name the exporter writes
    sheet_vi: str  # Vietnamese sheet name, also accepted
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def names(self) -> set[str]:
        return {label_key(self.sheet), label_key(self.sheet_vi), label_key(self.key)}


_LINK = Column("procedure_code", "Mã thủ tục", "Procedure code", CODE, required=True, aliases=("Mã TTHC",))
_NO = Column("no", "STT", "No.", INT, aliases=("Số thứ tự", "Thứ tự", "Order"))
_CHANNEL_NO = Column("channel_no", "Cách thức số", "Channel no.", INT, aliases=("Channel number",))

PROCEDURES = Table(
    "procedures",
    "Procedures",
    "Thủ tục",
    (
        Column(
            "code", "Mã thủ tục", "Code", CODE, required=True, aliases=("Procedure code", "Mã TTHC", "Mã số")
        ),
        Column("name", "Tên thủ tục", "Name", required=True, aliases=("Procedure name", "Tên TTHC", "Tên")),
        Column("description", "Mô tả", "Description"),
        Column("levels", "Cấp thực hiện", "Levels", ENUM_LIST, Level),
        Column("field", "Lĩnh vực", "Field"),
        Column("issuing_body", "Cơ quan ban hành", "Issuing body"),
        Column("competent_authorities", "Cơ quan có thẩm quyền", "Competent authorities", LIST),
        Column("executing_agencies", "Cơ quan thực hiện", "Executing agencies", LIST),
        Column("authorised_agencies", "Cơ quan được ủy quyền", "Authorised agencies", LIST),
        Column("coordinating_agencies", "Cơ quan phối hợp", "Coordinating agencies", LIST),
        Column("subjects", "Đối tượng thực hiện", "Subjects", LIST),
        Column("receiving_address", "Địa chỉ tiếp nhận", "Receiving address"),
        Column("requirements", "Yêu cầu, điều kiện", "Requirements", LIST),
        Column("announcement_decision", "Quyết định công bố", "Announcement decision"),
        Column("announcement_date", "Ngày công bố", "Announcement date", DATE),
        Column("announcement_issuer", "Cơ quan công bố", "Announcement issuer"),
        Column("status", "Tình trạng", "Status", ENUM, ProcedureStatus),
        Column("is_local_specific", "TTHC đặc thù", "Locally specific", BOOL),
        Column(
            "full_process_online_declared",
            "Toàn trình (theo nguồn)",
            "Full-process online (declared)",
            BOOL,
        ),
        Column("related_codes", "Thủ tục liên quan", "Related procedures", LIST),
    ),
)

CHANNELS = Table(
    "channels",
    "Channels",
    "Cách thức",
    (
        _LINK,
        _CHANNEL_NO,
        Column("method", "Cách thức thực hiện", "Method", ENUM, ChannelMethod, required=True),
        Column("time_limit", "Thời hạn giải quyết", "Time limit", NUMBER),
        Column("time_unit", "Đơn vị thời gian", "Time unit", ENUM, TimeUnit),
        Column("time_note", "Ghi chú thời hạn", "Time note"),
    ),
)

FEES = Table(
    "fees",
    "Fees",
    "Phí, lệ phí",
    (
        _LINK,
        _CHANNEL_NO,
        Column("kind", "Loại phí", "Kind", ENUM, FeeKind),
        Column("amount_vnd", "Số tiền (VNĐ)", "Amount (VND)", INT, required=True),
        Column("note", "Ghi chú phí", "Fee note", aliases=("Ghi chú", "Note")),
    ),
)

STEPS = Table(
    "steps",
    "Steps",
    "Trình tự",
    (
        _LINK,
        _NO,
        Column("title", "Tên bước", "Step title", aliases=("Bước",)),
        Column("description", "Nội dung bước", "Step description", required=True),
        Column("actor", "Người thực hiện", "Actor", ENUM, Actor),
        Column("time_text", "Thời gian (văn bản)", "Time text"),
        Column("time_limit", "Thời hạn", "Time limit", NUMBER),
        Column("time_unit", "Đơn vị thời gian", "Time unit", ENUM, TimeUnit),
        # Set by redesigns: a step made remote (FALSE), and the registry id of the data source a lookup step uses.
        Column("in_person", "Có mặt trực tiếp", "In person", BOOL),
        Column("data_source", "Nguồn dữ liệu khai thác", "Data source", CODE, aliases=("Nguồn dữ liệu",)),
    ),
)

ITEMS = Table(
    "items",
    "Items",
    "Thành phần hồ sơ",
    (
        _LINK,
        _NO,
        Column("name", "Tên giấy tờ", "Item name", required=True, aliases=("Thành phần hồ sơ",)),
        Column("name_normalized", "Tên chuẩn hóa", "Normalized name"),
        Column("kind", "Loại", "Kind", ENUM, ItemKind),
        Column("group", "Nhóm", "Group", ENUM, ItemGroup),
        Column("originals", "Số bản chính", "Originals", INT),
        Column("copies", "Số bản sao", "Copies", INT),
        Column("copy_forms", "Hình thức bản", "Copy forms", ENUM_LIST, CopyForm),
        Column("template", "Mẫu đơn, tờ khai", "Template"),
        Column("condition", "Điều kiện", "Condition"),
        Column("issuer", "Cơ quan cấp", "Issuer"),
        Column("case", "Trường hợp", "Case"),
        Column("source_code", "Mã thành phần", "Source code"),
    ),
)

NOTES = Table(
    "notes",
    "Notes",
    "Lưu ý",
    (
        _LINK,
        _NO,
        Column("text", "Nội dung lưu ý", "Note text", required=True),
        Column("heading", "Tiêu đề", "Heading"),
    ),
)

RESULTS = Table(
    "results",
    "Results",
    "Kết quả",
    (
        _LINK,
        _NO,
        Column("name", "Tên kết quả", "Result name", required=True),
        Column("code", "Mã kết quả", "Result code", CODE),
    ),
)

LEGAL_BASIS = Table(
    "legal_basis",
    "LegalBasis",
    "Căn cứ pháp lý",
    (
        _LINK,
        _NO,
        Column("title", "Tên văn bản", "Title", required=True),
        Column("number", "Số hiệu", "Number"),
        Column("date", "Ngày ban hành", "Date", DATE),
        Column("issuer", "Cơ quan ban hành", "Issuer"),
    ),
)

#: Every table, in the order the exporter writes the sheets (README comes first).
TABLES: tuple[Table, ...] = (PROCEDURES, CHANNELS, FEES, STEPS, ITEMS, NOTES, RESULTS, LEGAL_BASIS)
CHILD_TABLES: tuple[Table, ...] = TABLES[1:]


def table_named(name: str) -> Table | None:
    """The table a sheet name (English, Vietnamese or key) stands for."""
    key = label_key(name)
    return next((t for t in TABLES if key in t.names()), None)


_MAX_HEADER = 200  # longer text in a header row is data, not a column name
_LOOKUP: dict[str, dict[str, Column]] = {
    table.key: {key: column for column in reversed(table.columns) for key in column.header_keys()}
    for table in TABLES
}


def match_columns(table: Table, headers: list[str]) -> tuple[dict[int, Column], list[str]]:
    """Which header cell is which column of ``table``, and the headers it does not know (blank ones skipped).

    A header repeated later in the row is reported as unknown, the first one is read.
    """
    lookup = _LOOKUP[table.key]
    found: dict[int, Column] = {}
    unknown: list[str] = []
    seen: set[str] = set()
    for index, header in enumerate(headers):
        key = label_key(header[:_MAX_HEADER])
        if not key:
            continue
        column = lookup.get(key) if len(header) <= _MAX_HEADER else None
        if column is None or column.key in seen:
            unknown.append(" ".join(header.split()))
            continue
        seen.add(column.key)
        found[index] = column
    return found, unknown


def missing_columns(table: Table, found: dict[int, Column]) -> list[Column]:
    keys = {c.key for c in found.values()}
    return [c for c in table.required if c.key not in keys]


def identify(headers: list[str]) -> Table | None:
    """The table whose required columns a header row has (the one matching most columns, if several).

    >>> identify(["Mã thủ tục", "Cách thức thực hiện", "Thời hạn giải quyết"]).sheet
    'Channels'
    """
    best: tuple[int, Table] | None = None
    for table in TABLES:
        found, _ = match_columns(table, headers)
        if missing_columns(table, found):
            continue
        if best is None or len(found) > best[0]:
            best = (len(found), table)
    return best[1] if best else None


def closest(headers: list[str]) -> tuple[Table, dict[int, Column]] | None:
    """The table a header row resembles most (for saying which column is missing); None if it matches nothing."""
    scored = [(len(found), table, found) for table in TABLES for found in [match_columns(table, headers)[0]]]
    count, table, found = max(scored, key=lambda entry: entry[0])
    return (table, found) if count >= 2 else None
