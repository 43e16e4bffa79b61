"""From the template's tables to procedures: the stage shared by the .xlsx and the CSV template readers.

A reader hands over each table it found as :class:`TableRows` (cells keyed by column, with the row's number).
:func:`template_records` assembles one record per Procedures row with the child rows that carry its code, and
:func:`parse_record` turns a record into a :class:`~models.procedure.Procedure`, reading each cell by its column's
type (:mod:`models.template`). Doubtful cells become warnings that name the sheet, row and column; only a record
with no code or no name fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from catalog.errors import CatalogReadError
from catalog.formats.base import Parsed, RawRecord
from catalog.formats.spreadsheet import Cell, cell_text, is_blank
from catalog.formats.template_cells import CellReader, procedure_code
from catalog.reading import items as item_rules
from models.procedure import (
    Channel,
    DossierItem,
    Fee,
    LegalReference,
    Note,
    Procedure,
    Result,
    Step,
)
from models.template import (
    CHANNELS,
    FEES,
    LEGAL_BASIS,
    NOTES,
    PROCEDURES,
    RESULTS,
    STEPS,
    Table,
    match_columns,
    missing_columns,
)
from models.template import ITEMS as ITEMS_TABLE  # named apart from the Procedure attribute
from models.vocabulary import label_key

Cells = dict[str, Cell]


@dataclass(slots=True)
class Row:
    where: str  # "sheet 'Channels', row 7" or "channels.csv, row 7"
    cells: Cells


@dataclass(slots=True)
class TableRows:
    """One table as read from a sheet or a CSV file: its non-blank rows."""

    table: Table
    where: str  # "sheet 'Channels'" or the CSV file's name
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class TemplateRecord:
    row: Row
    children: dict[str, list[Row]]  # table key -> rows, in file order
    listing: bool
    warnings: list[str]


_HEADER_SCAN = 10  # non-blank rows searched for the header row (a title may sit above it)


def read_table(
    file: Path, table: Table, where: str, rows: list[list[Cell]], warnings: list[str], row_prefix: str
) -> TableRows | None:
    """A table's header and data rows; None when it has no non-blank row at all.

    ``where`` names the sheet or file in messages, ``row_prefix`` starts each row's label ("sheet 'Fees', " or
    "" for the file being imported). Row numbers count from 1 at the first row of the sheet or file.

    Raises
    ------
    CatalogReadError : a required column is missing.
    """
    filled = [(number, row) for number, row in enumerate(rows, start=1) if not all(is_blank(c) for c in row)]
    if not filled:
        return None
    header_at, header = filled[0]
    for number, row in filled[:_HEADER_SCAN]:
        if not missing_columns(table, match_columns(table, [_header_text(c) for c in row])[0]):
            header_at, header = number, row
            break
    headers = [_header_text(c) for c in header]
    found, unknown = match_columns(table, headers)
    missing = missing_columns(table, found)
    if missing:
        column = missing[0]
        raise CatalogReadError(
            str(file), where or None, f"the required column '{column.vi}' ({column.en}) is missing"
        )
    if unknown:
        names = ", ".join(f"'{h[:40]}'" for h in unknown[:10])
        warnings.append(f"{where or 'the header row'}: unknown column(s) {names} are ignored")
    header_keys = [label_key(h) for h in headers]
    result = TableRows(table, where or file.name)
    for number, row in filled:
        if number <= header_at:
            continue
        cells = {column.key: row[index] for index, column in found.items() if index < len(row)}
        if all(is_blank(c) for c in cells.values()):
            continue
        if [label_key(_header_text(c)) for c in row] == header_keys:
            continue  # the header repeated (printed page breaks, concatenated exports)
        result.rows.append(Row(f"{row_prefix}row {number}", cells))
    return result


def _header_text(cell: Cell) -> str:
    return cell_text(cell)[:200]  # a header is short; a huge cell in the header row is no header


def template_records(
    path: Path,
    procedures: TableRows,
    children: list[TableRows],
    warnings: list[str],
    *,
    report_orphans: bool = True,
) -> Iterator[RawRecord]:
    """One record per procedure code of the Procedures table, with its child rows.

    Records are list-level when no child table is present, so that a hand-kept list never wipes details.
    ``warnings`` concern the whole file; they travel with the first record. A child row whose procedure is not in
    the table is reported, unless ``report_orphans`` is False (another Procedures file may hold it).
    """
    warnings = list(warnings)
    chosen: dict[
        str, tuple[int, Row, list[str]]
    ] = {}  # code -> (position, row, warnings); the later row wins
    blank_codes: list[tuple[int, Row, list[str]]] = []
    for position, row in enumerate(procedures.rows):
        code = procedure_code(row.cells.get("code"), [])  # its warnings come when the record is parsed
        if not code:
            blank_codes.append((position, row, []))  # parse_record reports it
            continue
        row_warnings: list[str] = []
        if code in chosen:
            earlier = chosen.pop(code)[1]
            row_warnings.append(
                f"procedure {code} is also in {earlier.where}; that earlier row is ignored (the later row wins)"
            )
        chosen[code] = (position, row, row_warnings)

    grouped: dict[str, dict[str, list[Row]]] = {code: {} for code in chosen}
    for table in children:
        for row in table.rows:
            code = procedure_code(row.cells.get("procedure_code"), warnings, row.where)
            if not code:
                warnings.append(f"{row.where}: it has no procedure code; the row is ignored")
            elif code not in grouped:
                if not report_orphans:
                    continue
                warnings.append(
                    f"{row.where}: procedure {code} is not in {procedures.where}; the row is ignored"
                )
            else:
                grouped[code].setdefault(table.table.key, []).append(row)

    listing = not children
    entries = sorted([*blank_codes, *chosen.values()], key=lambda entry: entry[0])
    for index, (_, row, row_warnings) in enumerate(entries):
        code = procedure_code(row.cells.get("code"), [])
        extra = warnings if index == 0 else []
        yield RawRecord(
            path, row.where, TemplateRecord(row, grouped.get(code, {}), listing, extra + row_warnings)
        )


def parse_record(record: RawRecord) -> Parsed:
    """The procedure of one template record."""
    data = record.data
    assert isinstance(data, TemplateRecord)
    warnings = list(data.warnings)
    reader = CellReader(warnings)
    header = {
        column.key: reader.read(column, data.row.cells.get(column.key), "")
        for column in PROCEDURES.columns
        if column.key in data.row.cells
    }
    code = procedure_code(data.row.cells.get("code"), [], "")
    name = header.get("name")
    if not code:
        raise CatalogReadError(str(record.file), record.label, "it has no procedure code")
    if not name:
        raise CatalogReadError(str(record.file), record.label, f"procedure {code} has no name")
    header["code"] = code
    header["is_local_specific"] = bool(header.get("is_local_specific"))
    header = {key: value for key, value in header.items() if value is not None}
    parts = _Parts(reader, data.children)
    try:
        procedure = Procedure(
            **header,
            channels=parts.channels(),
            steps=parts.build(STEPS, _step),
            items=parts.build(ITEMS_TABLE, _item),
            notes=parts.build(NOTES, _note),
            results=parts.build(RESULTS, _result),
            legal_basis=parts.build(LEGAL_BASIS, _legal),
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise CatalogReadError(str(record.file), record.label, f"field '{where}': {error['msg']}") from None
    return Parsed(procedure, warnings, listing=data.listing)


# --- parts ---------------------------------------------------------------------------------------------------


class _Parts:
    """The child rows of one procedure, read into the procedure's ordered parts."""

    def __init__(self, reader: CellReader, children: dict[str, list[Row]]) -> None:
        self.reader = reader
        self.children = children

    def values(self, table: Table) -> list[tuple[Row, dict[str, Any]]]:
        """Each row's cells read by type, in the order of the ``no`` column (row order where it is blank)."""
        read = [
            (
                row,
                {
                    c.key: self.reader.read(c, row.cells.get(c.key), row.where)
                    for c in table.columns
                    if c.key != "procedure_code"
                },
            )
            for row in self.children.get(table.key, [])
        ]
        order_key = "channel_no" if table is CHANNELS else "no"
        indexed = list(enumerate(read))
        indexed.sort(key=lambda e: (e[1][1].get(order_key) is None, e[1][1].get(order_key) or 0, e[0]))
        return [entry for _, entry in indexed]

    def build(self, table: Table, make: Callable[[Row, dict[str, Any], list[str]], Any]) -> list[Any]:
        built = []
        for row, values in self.values(table):
            part = make(row, values, self.reader.warnings)
            if part is not None:
                built.append(part)
        return built

    def channels(self) -> list[Channel]:
        channels: list[tuple[int, Channel]] = []
        for position, (row, values) in enumerate(self.values(CHANNELS), start=1):
            if values["method"] is None:
                self.reader.warnings.append(
                    f"{row.where}: the channel has no known method; the row is ignored"
                )
                continue
            channel = Channel(
                method=values["method"],
                time_limit=values["time_limit"],
                time_unit=values["time_unit"],
                time_note=values["time_note"],
            )
            channels.append((values["channel_no"] or position, channel))
        by_number = dict(channels)
        for row, values in self.values(FEES):
            number = values["channel_no"]
            if number is None and len(channels) == 1:
                number = channels[0][0]
            target = by_number.get(number) if number is not None else None
            if target is None:
                which = f"channel {number}" if number is not None else "a channel (the row names none)"
                self.reader.warnings.append(
                    f"{row.where}: the fee is for {which}, which is not listed; ignored"
                )
                continue
            target.fees.append(
                Fee(kind=values["kind"] or Fee().kind, amount_vnd=values["amount_vnd"], note=values["note"])
            )
        return [channel for _, channel in channels]


def _ignored(row: Row, warnings: list[str], what: str) -> None:
    warnings.append(f"{row.where}: the row has no {what}; it is ignored")


def _step(row: Row, values: dict[str, Any], warnings: list[str]) -> Step | None:
    if values["description"] is None and values["title"] is None:
        _ignored(row, warnings, "step text")
        return None
    return Step(
        title=values["title"],
        description=values["description"] or "",
        actor=values["actor"],
        time_text=values["time_text"],
        time_limit=values["time_limit"],
        time_unit=values["time_unit"],
        in_person=values["in_person"],
        data_source=values["data_source"],
    )


def _item(row: Row, values: dict[str, Any], warnings: list[str]) -> DossierItem | None:
    name = values["name"]
    if not name:
        _ignored(row, warnings, "item name")
        return None
    defaults = DossierItem(name=name)
    return DossierItem(
        name=name,
        name_normalized=values["name_normalized"] or item_rules.normalize_name(name),
        kind=values["kind"] or defaults.kind,
        group=values["group"] or defaults.group,
        originals=values["originals"],
        copies=values["copies"],
        copy_forms=values["copy_forms"],
        template=values["template"],
        condition=values["condition"],
        issuer=values["issuer"],
        case=values["case"],
        source_code=values["source_code"],
    )


def _note(row: Row, values: dict[str, Any], warnings: list[str]) -> Note | None:
    if not values["text"]:
        _ignored(row, warnings, "note text")
        return None
    return Note(text=values["text"], heading=values["heading"])


def _result(row: Row, values: dict[str, Any], warnings: list[str]) -> Result | None:
    if not values["name"]:
        _ignored(row, warnings, "result name")
        return None
    return Result(name=values["name"], code=values["code"])


def _legal(row: Row, values: dict[str, Any], warnings: list[str]) -> LegalReference | None:
    title = values["title"] or values["number"]
    if not title:
        _ignored(row, warnings, "document title or number")
        return None
    return LegalReference(title=title, number=values["number"], date=values["date"], issuer=values["issuer"])
