"""The workbench's catalog template as an .xlsx workbook: one sheet per table of :mod:`models.template`.

Recognised by content: a zip holding ``xl/workbook.xml`` with a sheet named after the Procedures table ("Procedures"
or "Thủ tục"). Sheets are found by name (English or Vietnamese, any case, with or without diacritics); README and
"Hướng dẫn" sheets are skipped, any other sheet is reported and skipped. A workbook with only the Procedures sheet
gives list-level records (a hand-kept list never wipes details); with any child sheet, full records.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from catalog.errors import CatalogReadError
from catalog.formats.base import Format, Parsed, RawRecord
from catalog.formats.spreadsheet import looks_like_workbook, open_workbook
from catalog.formats.template_records import TableRows, parse_record, read_table, template_records
from models.template import PROCEDURES, README_SHEET, table_named
from models.vocabulary import label_key

_SKIPPED = {label_key(README_SHEET), label_key("Hướng dẫn"), label_key("Read me")}


class TemplateXlsxFormat(Format):
    name = "template-xlsx"
    description = "TTHC Workbench catalog template (.xlsx)"

    def sniff(self, path: Path, head: bytes) -> bool:
        if not looks_like_workbook(path, head):
            return False
        return any(table_named(sheet) is PROCEDURES for sheet in open_workbook(path).sheet_names)

    def records(self, path: Path) -> Iterator[RawRecord]:
        book = open_workbook(path)
        warnings: list[str] = []
        tables: dict[str, TableRows] = {}
        for sheet in book.sheet_names:
            where = f"sheet '{sheet}'"
            if label_key(sheet) in _SKIPPED:
                continue
            table = table_named(sheet)
            if table is None:
                warnings.append(f"{where} is not a table of the template; it is ignored")
                continue
            if table.key in tables:
                warnings.append(f"{where} holds the {table.sheet} table a second time; it is ignored")
                continue
            read = read_table(path, table, where, book.rows(sheet), warnings, f"{where}, ")
            if read is None:
                if table is PROCEDURES:
                    raise CatalogReadError(str(path), where, "the sheet is empty")
                warnings.append(f"{where} is empty; it is ignored")
                continue
            tables[table.key] = read
        if PROCEDURES.key not in tables:
            raise CatalogReadError(str(path), None, f"it has no '{PROCEDURES.sheet}' sheet")
        procedures = tables.pop(PROCEDURES.key)
        if not procedures.rows:
            raise CatalogReadError(str(path), procedures.where, "the sheet lists no procedure")
        yield from template_records(path, procedures, list(tables.values()), warnings)

    def parse(self, record: RawRecord) -> Parsed:
        return parse_record(record)
