"""Reading one cell of the catalog template by its column's type (:mod:`models.template`): text, codes, numbers,
money (blank is unknown, "Miễn phí" is 0), dates, booleans, lists and enum labels. A doubtful cell becomes a warning
that names the sheet, row and column, and the value it could not read is dropped with that warning, never silently.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from enum import StrEnum
from typing import Any

from catalog.formats.spreadsheet import Cell, cap, cell_text, code_text, is_blank
from models.template import (
    ENUM_LIST,
    LIST,
    Column,
)
from models.text import clean, clean_or_none, fold, squash
from models.vocabulary import ENUM_LABELS, enum_value, label_key

_SHORT_CODE = re.compile(r"\d\.\d{1,5}")  # a six-decimal code a spreadsheet saved as a number, then as text


def procedure_code(value: Cell | None, warnings: list[str], where: str = "") -> str:
    """A procedure code cell as text, repairing the trailing zeros a spreadsheet dropped (with a warning).

    >>> procedure_code("1.00422", []), procedure_code(1.00422, []), procedure_code("1.005071.01", [])
    ('1.004220', '1.004220', '1.005071.01')
    """
    code = code_text(value, warnings, where)
    if _SHORT_CODE.fullmatch(code):
        repaired = f"{code:0<8}"
        at = f"{where}: " if where else ""
        warnings.append(f"{at}code {code} lost its trailing zeros in a spreadsheet; read as {repaired}")
        return repaired
    return code


_TRUE = {"true", "1", "x", "co", "yes", "y", "dung", "v"}
_FALSE = {"false", "0", "khong", "no", "n", "sai"}
_FREE = {"mien phi", "khong thu phi", "free", "0 dong"}
_DATE_TEXT = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LIST_SPLIT = re.compile(r"[\n;,]")
_DIGITS = re.compile(r"[0-9]{1,18}")  # ASCII digits only, and no number Python refuses to convert


class CellReader:
    """Reads cells by column type; a cell it cannot read becomes a warning and a blank."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings

    def read(self, column: Column, value: Cell | None, row_where: str) -> Any:
        if is_blank(value):
            return [] if column.kind in (LIST, ENUM_LIST) else None
        where = f"{row_where + ', ' if row_where else ''}column '{column.vi}'"
        if isinstance(value, str):
            value = cap(value, self.warnings, where)
        reader = getattr(self, f"_{column.kind}")
        return reader(column, value, where)

    def _doubt(self, where: str, value: Cell, what: str) -> None:
        shown = squash(cell_text(value))
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        self.warnings.append(f"{where}: '{shown}' is not {what}; the cell is left blank")

    def _text(self, column: Column, value: Cell, where: str) -> str | None:
        return clean(cell_text(value)) if column.required else clean_or_none(cell_text(value))

    def _code(self, column: Column, value: Cell, where: str) -> str | None:
        return procedure_code(value, self.warnings, where) or None

    def _int(self, column: Column, value: Cell, where: str) -> int | None:
        if isinstance(value, bool):
            self._doubt(where, value, "a whole number")
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if value.is_integer():
                return int(value)
            self._doubt(where, value, "a whole number")
            return None
        text = fold(cell_text(value))
        if text in _FREE and column.key == "amount_vnd":
            return 0
        digits = re.sub(
            r"(?<=\d)[.,\s](?=\d{3}\b)", "", text.removesuffix("vnd").removesuffix("dong").strip()
        )
        if _DIGITS.fullmatch(digits):
            return int(digits)
        if clean_or_none(text) is None:
            return None  # a placeholder ("không có thông tin"): unknown
        self._doubt(where, value, "a whole number")
        return None

    def _number(self, column: Column, value: Cell, where: str) -> float | None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value) if math.isfinite(value) else None
        text = squash(cell_text(value)).replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if math.isfinite(number):
            return number
        self._doubt(where, value, "a number")
        return None

    def _date(self, column: Column, value: Cell, where: str) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = squash(cell_text(value))
        try:
            if match := _ISO_DATE.fullmatch(text):
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            if match := _DATE_TEXT.fullmatch(text):
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
        self._doubt(where, value, "a date (dd/mm/yyyy)")
        return None

    def _bool(self, column: Column, value: Cell, where: str) -> bool | None:
        if isinstance(value, bool):
            return value
        key = label_key(cell_text(value))
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
        self._doubt(where, value, "TRUE or FALSE")
        return None

    def _enum(self, column: Column, value: Cell, where: str) -> StrEnum | None:
        assert column.enum is not None
        found = enum_value(column.enum, cell_text(value))
        if found is None:
            self._doubt(where, value, f"one of {_choices(column)}")
        return found

    def _list(self, column: Column, value: Cell, where: str) -> list[str]:
        return [line for line in (clean(p) for p in clean(cell_text(value)).split("\n")) if line]

    def _enum_list(self, column: Column, value: Cell, where: str) -> list[StrEnum]:
        assert column.enum is not None
        found: list[StrEnum] = []
        for part in _LIST_SPLIT.split(cell_text(value)):
            if not part.strip():
                continue
            member = enum_value(column.enum, part)
            if member is None:
                self._doubt(where, part, f"one of {_choices(column)}")
            elif member not in found:
                found.append(member)
        return found


def _choices(column: Column) -> str:
    assert column.enum is not None
    return ", ".join(labels[0] for labels in ENUM_LABELS[column.enum].values())
