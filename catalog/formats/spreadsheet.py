"""Spreadsheet plumbing shared by the Excel and CSV importers: recognising and opening an .xlsx workbook with
python-calamine, reading a sheet as rows of cell values, and turning cells into text safely.

Every way a workbook can be damaged (not a zip, a truncated or corrupt zip, broken XML, a password, an archive that
would unpack to gigabytes) becomes a :class:`~catalog.errors.CatalogReadError` naming the file and the reason; no
other exception leaves this module. A cell's text is capped at :data:`MAX_CELL_CHARS` so that one huge cell cannot
make every later step (cleaning, matching, storing) slow.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

import python_calamine

from catalog.errors import CatalogReadError
from models.text import squash

#: A cell value as python-calamine returns it (a formula cell gives its cached value, or "" when there is none).
Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta
#: Longer cell text is cut with a warning: procedure texts are far shorter, Excel itself stops at 32,767.
MAX_CELL_CHARS = 100_000
_MAX_UNPACKED = 1 << 30  # a workbook that unpacks to more than 1 GiB is not a catalog (or is a zip bomb)
# Spreadsheet XML compresses about 10:1 (the portal's list exports: 6-10). A part of hundreds of megabytes that
# compresses a hundred times better is padding, not cells: reading it would take seconds and a gigabyte of memory
# for nothing. Smaller parts are read (one 50 MB cell of a repeated letter is, and is cut with a warning).
_BOMB_RATIO = 100
_BOMB_MIN_SIZE = 128 << 20
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and other OLE2 documents)
_WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
_WORKBOOK_PART = "xl/workbook.xml"


def looks_like_workbook(path: Path, head: bytes) -> bool:
    """Whether a file is, or claims to be, an .xlsx workbook: a file named .xlsx, or a zip holding spreadsheet
    parts (read from the archive, or from the parts at its start when it is truncated). Claiming a damaged file
    lets :func:`open_workbook` say what is wrong with it."""
    if path.suffix.lower() in _WORKBOOK_SUFFIXES:
        return True
    if not head.startswith(_ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return _WORKBOOK_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return any(name.startswith("xl/") for name in _leading_parts(head))


def _leading_parts(head: bytes) -> list[str]:
    """Names of the zip entries whose local headers lie in ``head`` (what is left of a truncated archive)."""
    names: list[str] = []
    offset = 0
    while head.startswith(_ZIP_MAGIC, offset) and offset + 30 <= len(head):
        flags, size = (
            struct.unpack_from("<H", head, offset + 6)[0],
            struct.unpack_from("<I", head, offset + 18)[0],
        )
        name_length, extra_length = struct.unpack_from("<HH", head, offset + 26)
        names.append(head[offset + 30 : offset + 30 + name_length].decode("utf-8", "replace"))
        if flags & 0x08:
            break  # sizes follow the data: the next header cannot be found from here
        offset += 30 + name_length + extra_length + size
    return names


class Workbook:
    """An open workbook: its sheet names and each sheet's rows (row 0 is the sheet's row 1, column 0 is A)."""

    def __init__(self, path: Path, book: python_calamine.CalamineWorkbook) -> None:
        self.path = path
        self._book = book
        self.sheet_names: list[str] = list(book.sheet_names)

    def rows(self, sheet: str, limit: int | None = None) -> list[list[Cell]]:
        """The rows of a sheet from A1 (blank leading rows kept, so that index + 1 is the row number)."""
        try:
            return self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=limit)
        except BaseException as exc:  # noqa: BLE001 - calamine raises its own errors and, on bad XML, Rust panics
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
                raise
            raise CatalogReadError(
                str(self.path), f"sheet '{sheet}'", f"the sheet cannot be read ({_reason(exc)})"
            ) from None


# One workbook stays open (the last one looked at); an evicted one is closed by garbage collection, never
# explicitly, because a reader may still hold it.
_cache: tuple[tuple[str, int, int], Workbook] | None = None


def open_workbook(path: Path) -> Workbook:
    """Open an .xlsx workbook once, even when several formats look at it and then one reads it.

    Raises
    ------
    CatalogReadError : the file is not a readable .xlsx workbook; the reason says why.
    """
    global _cache
    try:
        stat = path.stat()
    except OSError as exc:
        raise CatalogReadError(str(path), None, f"it cannot be read ({exc.strerror})") from None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _cache is not None and _cache[0] == key:
        return _cache[1]
    _check_package(path)
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except BaseException as exc:  # noqa: BLE001 - see Workbook.rows
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
            raise
        raise CatalogReadError(str(path), None, f"it is a damaged Excel workbook ({_reason(exc)})") from None
    workbook = Workbook(path, book)
    _cache = (key, workbook)
    return workbook


def _check_package(path: Path) -> None:
    """The zip-level checks, with reasons a user can act on."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise CatalogReadError(str(path), None, f"it cannot be read ({exc.strerror})") from None
    if magic.startswith(_OLE_MAGIC):
        raise CatalogReadError(
            str(path), None, "it is an old-style .xls workbook, which is not read: save it as .xlsx"
        )
    if not magic.startswith(_ZIP_MAGIC):
        raise CatalogReadError(
            str(path),
            None,
            "it is not an Excel workbook (an .xlsx file is a zip archive and this one is not)",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise CatalogReadError(
            str(path), None, "it is a damaged Excel workbook (the zip archive is truncated or corrupt)"
        ) from None
    if not any(part.filename == _WORKBOOK_PART for part in parts):
        raise CatalogReadError(str(path), None, "it is a zip archive but not an Excel workbook")
    if sum(part.file_size for part in parts) > _MAX_UNPACKED:
        raise CatalogReadError(
            str(path), None, "it would unpack to more than 1 GiB, too large to be a catalog"
        )
    for part in parts:
        if part.file_size > _BOMB_MIN_SIZE and part.file_size > _BOMB_RATIO * max(part.compress_size, 1):
            raise CatalogReadError(
                str(path),
                None,
                f"it looks like a zip bomb ({part.filename} would unpack from {part.compress_size:,} bytes to "
                f"{part.file_size:,}), so it is not opened",
            )


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__


def _at(where: str) -> str:
    return f"{where}: " if where else ""


def cap(text: str, warnings: list[str], where: str = "") -> str:
    """``text`` cut to :data:`MAX_CELL_CHARS`, with a warning naming ``where`` when it was cut."""
    if len(text) <= MAX_CELL_CHARS:
        return text
    warnings.append(f"{_at(where)}the text was cut to {MAX_CELL_CHARS:,} characters (it had {len(text):,})")
    return text[:MAX_CELL_CHARS]


def cell_text(value: Cell | None) -> str:
    """A cell as the text a user sees: whole numbers without '.0', dates as ISO dates, True/False as TRUE/FALSE.

    >>> cell_text(15.0), cell_text(2.5), cell_text(dt.date(2024, 1, 2)), cell_text(True), cell_text(None)
    ('15', '2.5', '2024-01-02', 'TRUE', '')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def is_blank(value: Cell | None) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def code_text(value: Cell | None, warnings: list[str], where: str = "") -> str:
    """A procedure code as text. A number cell lost its trailing zeros (1.004220 became 1.00422): the code is
    rebuilt with its six decimals, and a warning says so.

    >>> w = []; code_text(1.00422, w), w
    ('1.004220', ['code 1.00422 was stored as a number; read as 1.004220'])
    """
    if isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        code = f"{value:.6f}"
        warnings.append(f"{_at(where)}code {value} was stored as a number; read as {code}")
        return code
    return squash(cell_text(value))
