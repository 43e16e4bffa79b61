"""The national portal's Excel list exports (danh sách TTHC): one list-level procedure per row.

A sheet holds a title (often a merged cell), then a header row naming the columns Mã số, Tên, Cơ quan ban hành,
Cơ quan thực hiện and Lĩnh vực, then one row per procedure. The header row is found by its content, the columns by
their header, so extra title rows, column order and extra columns do not matter. A cell may list several agencies,
one per line.

Each row becomes a list-level procedure (code, name, issuing body, executing agencies, field): it enriches a full
record of the same procedure and is never replaced by less (:mod:`catalog.importing.merge`). Names are kept as published
(NFC, invisible marks removed); matching folds them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from catalog.errors import CatalogReadError
from catalog.formats.base import Format, Parsed, RawRecord
from catalog.formats.spreadsheet import (
    Cell,
    cap,
    cell_text,
    code_text,
    is_blank,
    looks_like_workbook,
    open_workbook,
)
from models.procedure import Procedure
from models.template import PROCEDURES, table_named
from models.text import clean, clean_or_none, fold, squash
from models.vocabulary import label_key

#: Column -> (header written by the portal, other header spellings accepted).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "code": ("Mã số", ("Mã thủ tục", "Mã TTHC", "Mã")),
    "name": ("Tên", ("Tên thủ tục", "Tên TTHC", "Tên thủ tục hành chính")),
    "issuing_body": ("Cơ quan ban hành", ()),
    "executing_agencies": ("Cơ quan thực hiện", ()),
    "field": ("Lĩnh vực", ()),
}
_KEYS = {label_key(h): column for column, (main, others) in COLUMNS.items() for h in (main, *others)}
_HEADER_SCAN = 20  # rows searched for the header row
_MIN_COLUMNS = 3  # a header row names at least three of the five columns, the code or the name among them


def _header(row: list[Cell]) -> dict[str, int]:
    """Column -> index, for the columns a row names."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        column = _KEYS.get(label_key(cell_text(cell)[:100])) if isinstance(cell, str) else None
        if column is not None and column not in found:
            found[column] = index
    return found


def _is_header(found: dict[str, int]) -> bool:
    return len(found) >= _MIN_COLUMNS and ("code" in found or "name" in found)


def _find_header(rows: list[list[Cell]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:_HEADER_SCAN]):
        found = _header(row)
        if _is_header(found):
            return index, found
    return None


class PortalListFormat(Format):
    name = "portal-list"
    description = "national portal procedure list (.xlsx)"
    partial = True
    priority = 60  # after other workbook formats: it reports a workbook whose sheets are all empty

    def sniff(self, path: Path, head: bytes) -> bool:
        if not looks_like_workbook(path, head):
            return False
        book = open_workbook(path)
        if any(table_named(sheet) is PROCEDURES for sheet in book.sheet_names):
            return False  # the workbench's own template (catalog.formats.template_xlsx), whatever the detection order
        heads = {sheet: book.rows(sheet, _HEADER_SCAN) for sheet in book.sheet_names}
        if any(_find_header(rows) for rows in heads.values()):
            return True
        if all(is_blank(cell) for rows in heads.values() for row in rows for cell in row):
            raise CatalogReadError(str(path), None, "it is an Excel workbook whose sheets are all empty")
        return False

    def records(self, path: Path) -> Iterator[RawRecord]:
        book = open_workbook(path)
        yielded = 0
        for sheet in book.sheet_names:
            rows = book.rows(sheet)
            header = _find_header(rows)
            if header is None:
                continue  # a cover or notes sheet
            header_at, columns = header
            for missing in ("code", "name"):
                if missing not in columns:
                    raise CatalogReadError(
                        str(path), f"sheet '{sheet}'", f"the column '{COLUMNS[missing][0]}' is missing"
                    )
            for index in range(header_at + 1, len(rows)):
                row = rows[index]
                cells = {column: row[at] for column, at in columns.items() if at < len(row)}
                if all(is_blank(c) for c in cells.values()) or _header(row) == columns:
                    continue  # blank, or the header repeated at a page break
                yielded += 1
                yield RawRecord(path, f"sheet '{sheet}', row {index + 1}", cells)
        if not yielded:
            raise CatalogReadError(
                str(path), None, "it has the columns of a procedure list but no procedure rows"
            )

    def parse(self, record: RawRecord) -> Parsed:
        cells: dict[str, Cell] = record.data
        warnings: list[str] = []
        text = {
            column: clean(cap(cell_text(value), warnings, f"column '{COLUMNS[column][0]}'"))
            for column, value in cells.items()
            if column != "code"
        }
        code = code_text(cells.get("code", ""), warnings)
        if not code:
            raise CatalogReadError(str(record.file), record.label, "it has no procedure code")
        name = text.get("name", "")
        if not name:
            raise CatalogReadError(str(record.file), record.label, f"procedure {code} has no name")
        fields = _lines(text.get("field"))
        if len(fields) > 1:
            warnings.append(f"the field cell lists several fields ({'; '.join(fields)}); the first is kept")
        issuing = clean_or_none(text.get("issuing_body"))
        procedure = Procedure(
            code=code,
            name=name,
            issuing_body=squash(issuing) if issuing else None,
            executing_agencies=_lines(text.get("executing_agencies")),
            field=fields[0] if fields else None,
        )
        return Parsed(procedure, warnings, listing=True)


def _lines(text: str | None) -> list[str]:
    """The distinct non-empty lines of a cell (placeholders dropped), each with its whitespace folded."""
    seen: dict[str, str] = {}
    for line in (text or "").split("\n"):
        value = clean_or_none(line)
        if value is not None:
            seen.setdefault(fold(value), squash(value))
    return list(seen.values())
