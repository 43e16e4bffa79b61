"""The workbench's catalog template as CSV files: one file per table of :mod:`models.template`.

A file's table is told by its header row, whatever the file is named. The file holding the Procedures table is the
one that yields records: it reads the other tables from sibling files in the same folder (``.csv``, ``.tsv`` or
``.txt``; any name). Those sibling files then yield nothing themselves (they were consumed), and a child-table file
with no Procedures file beside it is an error. With no child-table file beside it, a Procedures file gives
list-level records (a hand-kept list never wipes details).

Encodings: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1258 (cp1258). Delimiter: comma, semicolon or
tab, whichever makes the header row name the most columns. Text is cleaned (NFC, invisible marks) as it is read.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from catalog.errors import CatalogReadError
from catalog.formats.base import HEAD_BYTES, Format, Parsed, RawRecord
from catalog.formats.spreadsheet import Cell
from catalog.formats.template_records import TableRows, parse_record, read_table, template_records
from models.template import PROCEDURES, TABLES, Table, closest, identify, match_columns

_SUFFIXES = {".csv", ".tsv", ".txt"}
_CLAIMED = {".csv", ".tsv"}  # a file named so is ours to explain when it cannot be read
_DELIMITERS = (",", ";", "\t")
_HEADER_ROWS = 10
_NOT_TEXT = "it is not a text file in UTF-8, UTF-16 or Windows-1258"


class _NotText(Exception):
    pass


def decode(data: bytes, *, partial: bool = False) -> str:
    """CSV bytes as text: by BOM (UTF-8, UTF-16), else UTF-8, else Windows-1258.

    ``partial`` tolerates a character cut at the end (a file's head). Raises :class:`_NotText`.
    """
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = _decode(data[3:], "utf-8", partial)
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = _decode(data, "utf-16", partial)
        else:
            try:
                text = _decode(data, "utf-8", partial)
            except UnicodeDecodeError:
                _refuse_mixed(data, partial)
                text = _decode(data, "cp1258", partial)
    except UnicodeDecodeError:
        raise _NotText(_NOT_TEXT) from None
    if "\x00" in text:
        head = data[:2048]
        zeros = sorted((head[0::2].count(0), head[1::2].count(0)))  # UTF-16 text: NULs on one side only
        if zeros[1] > len(head) * 0.3 and zeros[0] < len(head) * 0.05:
            raise _NotText(
                "it looks like UTF-16 text without a byte-order mark: save it as UTF-8, or as UTF-16 with one"
            )
        raise _NotText("it holds binary data (NUL characters), not CSV text")
    return text


def _refuse_mixed(data: bytes, partial: bool) -> None:
    """Refuse a file whose lines are in two encodings (a Windows-1258 line pasted into a UTF-8 file): read as
    Windows-1258, every UTF-8 letter would turn into mojibake without a word of warning."""
    lines = data.split(b"\n")
    if partial:
        lines = lines[:-1]  # the head may end inside a character
    utf8 = other = 0
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other = other or number
        else:
            utf8 = utf8 or number
        if utf8 and other:
            raise _NotText(
                f"it mixes encodings (line {utf8} is UTF-8, line {other} is not): save it in one encoding, "
                "preferably UTF-8"
            )


def _decode(data: bytes, encoding: str, partial: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)()
    return decoder.decode(data, final=not partial)


def _first_rows(text: str, delimiter: str) -> list[list[str]]:
    """The first rows of a CSV text, as far as they parse (a huge or unclosed cell ends the search)."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= _HEADER_ROWS:
                break
    except csv.Error:
        pass
    return rows


def _score(row: list[str]) -> int:
    return max(len(match_columns(table, row)[0]) for table in TABLES)


def dialect(text: str) -> tuple[str, list[str]] | None:
    """The delimiter and the header row: the (delimiter, row) whose cells name the most template columns."""
    best: tuple[int, str, list[str]] | None = None
    for delimiter in _DELIMITERS:
        for row in _first_rows(text, delimiter):
            score = _score(row)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, delimiter, row)
    return (best[1], best[2]) if best else None


def _head_table(path: Path, head: bytes) -> Table | None:
    """The table a file's header names, or resembles most; None when it is not a template CSV."""
    try:
        found = dialect(decode(head, partial=len(head) >= HEAD_BYTES))
    except _NotText:
        return None
    if found is None:
        return None
    near = closest(found[1])
    return identify(found[1]) or (near[0] if near else None)


def _read_rows(path: Path) -> tuple[str, list[list[Cell]]]:
    """The delimiter and all rows of a CSV file. Raises CatalogReadError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogReadError(str(path), None, f"it cannot be read ({exc.strerror})") from None
    try:
        text = decode(data)
    except _NotText as exc:
        raise CatalogReadError(str(path), None, str(exc)) from None
    found = dialect(text[: HEAD_BYTES * 4])
    if found is None:
        raise CatalogReadError(str(path), None, "its header row names no column of the catalog template")
    delimiter = found[0]
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, min(len(text) + 1, sys.maxsize)))  # a huge cell is capped later, not here
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return delimiter, [list[Cell](row) for row in reader]
    except csv.Error as exc:
        raise CatalogReadError(str(path), f"row {reader.line_num}", f"it is not valid CSV ({exc})") from None
    finally:
        csv.field_size_limit(limit)


def _table_of(path: Path, rows: list[list[Cell]]) -> Table:
    """The table of a file's rows, or the error saying which required column its header lacks."""
    header_rows = [[str(c) for c in row] for row in rows[:_HEADER_ROWS]]
    for row in header_rows:
        table = identify(row)
        if table is not None:
            return table
    near = next((found for row in header_rows if (found := closest(row))), None)
    if near is None:
        raise CatalogReadError(str(path), None, "its header row names no column of the catalog template")
    table, _ = near
    return table  # read_table names the missing column


def _siblings(path: Path) -> Iterator[Path]:
    try:
        entries = sorted(path.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry != path and entry.suffix.lower() in _SUFFIXES and not entry.name.startswith("."):
            try:
                if entry.is_file():
                    yield entry
            except OSError:
                continue


def _sibling_tables(path: Path) -> dict[Path, Table]:
    tables: dict[Path, Table] = {}
    for sibling in _siblings(path):
        try:
            with sibling.open("rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            continue
        table = _head_table(sibling, head)
        if table is not None:
            tables[sibling] = table  # one that lacks a required column is reported when it is read
    return tables


class TemplateCsvFormat(Format):
    name = "template-csv"
    description = "TTHC Workbench catalog template (CSV, one file per table)"
    priority = 80  # late: it explains any .csv/.tsv it cannot read, so formats that might claim one go first

    def sniff(self, path: Path, head: bytes) -> bool:
        claimed = path.suffix.lower() in _CLAIMED
        if path.suffix.lower() not in _SUFFIXES and not claimed:
            return False
        try:
            text = decode(head, partial=len(head) >= HEAD_BYTES)
        except _NotText as exc:
            if claimed:
                raise CatalogReadError(str(path), None, str(exc)) from None
            return False
        if dialect(text) is not None:
            return True
        if claimed:
            raise CatalogReadError(str(path), None, "its header row names no column of the catalog template")
        return False

    def records(self, path: Path) -> Iterator[RawRecord]:
        _, rows = _read_rows(path)
        table = _table_of(path, rows)
        warnings: list[str] = []
        read = read_table(path, table, "", rows, warnings, "")
        if read is None or (table is PROCEDURES and not read.rows):
            raise CatalogReadError(str(path), None, "it lists no procedure" if read else "it is empty")
        siblings = _sibling_tables(path)
        if table is not PROCEDURES:
            if PROCEDURES not in siblings.values():
                raise CatalogReadError(
                    str(path),
                    None,
                    f"it holds the {table.sheet} table, which is read with a {PROCEDURES.sheet} file in the "
                    "same folder, and there is none",
                )
            return  # consumed by the Procedures file beside it
        children: dict[str, TableRows] = {}
        shared = sum(t is PROCEDURES for t in siblings.values()) > 0  # another list may own the orphan rows
        for sibling, sibling_table in siblings.items():
            if sibling_table is PROCEDURES:
                continue
            try:
                _, sibling_rows = _read_rows(sibling)
                part = read_table(
                    sibling, sibling_table, sibling.name, sibling_rows, warnings, f"{sibling.name}, "
                )
            except CatalogReadError as error:
                warnings.append(f"{sibling.name} cannot be read ({error.reason}); its rows are ignored")
                continue
            if part is None:
                continue
            if sibling_table.key in children:
                children[sibling_table.key].rows.extend(part.rows)
            else:
                children[sibling_table.key] = part
        yield from template_records(path, read, list(children.values()), warnings, report_orphans=not shared)

    def parse(self, record: RawRecord) -> Parsed:
        return parse_record(record)
