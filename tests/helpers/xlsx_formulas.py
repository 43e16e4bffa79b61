"""A tiny evaluator for the formulas the Excel exporters write, so tests can compute a workbook without Excel.

It knows what the exporters emit and nothing more: numbers, cell references (``C5``, ``$C$5``, ``'Tổng hợp'!C5``),
defined names of single cells, ranges inside ``SUM`` and ``COUNTIF``, ``IF``, the four operators, unary minus,
parentheses and the comparisons. Anything else raises, so that a new kind of formula needs a look here (and, for the
real thing, LibreOffice: see the tests that recalculate with ``soffice`` when it is installed).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, range_boundaries

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])"
    r"|(?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<func>[A-Z]+)\("
    r"|(?P<name>[A-Za-z_][\w.]*)"
    r"|(?P<op><>|<=|>=|[-+*/(),=<>])"
    r")"
)
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "<>": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
}


def _tokens(formula: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    text = formula.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ValueError(f"cannot read formula {formula!r} at {text[position:]!r}")
        kind = match.lastgroup
        assert kind is not None
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


class Evaluator:
    """Computes cells of an openpyxl workbook loaded with its formulas (``load_workbook(path)``).

    >>> wb = Workbook(); ws = wb.active; ws.title = "S"; ws["A1"] = 2; ws["A2"] = "=A1*3+1"
    >>> Evaluator(wb).value("S", "A2")
    7.0
    """

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[str, str], Any] = {}

    def set(self, sheet: str, coordinate: str, value: Any) -> None:
        """Change a cell (a parameter, a volume) and forget every computed value."""
        self.workbook[sheet][coordinate].value = value
        self.cache.clear()

    def name(self, name: str) -> tuple[str, str]:
        """(sheet, cell) of a defined name."""
        ((sheet, cell),) = list(self.workbook.defined_names[name].destinations)
        return sheet, cell.replace("$", "")

    def value(self, sheet: str, coordinate: str) -> Any:
        key = (sheet, coordinate.replace("$", ""))
        if key not in self.cache:
            cell = self.workbook[sheet][key[1]]
            raw = cell.value
            if cell.data_type == "f" and isinstance(raw, str):
                raw = _Parser(self, sheet, _tokens(raw[1:])).formula()
            self.cache[key] = raw
        return self.cache[key]

    def cells(self, sheet: str, ref: str) -> list[Any]:
        low_col, low_row, high_col, high_row = range_boundaries(ref.replace("$", ""))
        low_row, high_row = sorted((low_row, high_row))
        return [
            self.value(sheet, f"{get_column_letter(col)}{row}")
            for row in range(low_row, high_row + 1)
            for col in range(low_col, high_col + 1)
        ]


def _number(value: Any) -> float:
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool | int | float):
        return float(value)
    raise ValueError(f"#VALUE!: {value!r} is not a number")


class _Parser:
    def __init__(self, evaluator: Evaluator, sheet: str, tokens: list[tuple[str, str]]) -> None:
        self.evaluator, self.sheet, self.tokens, self.at = evaluator, sheet, tokens, 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        token = self.tokens[self.at]
        if expected is not None and token[1] != expected:
            raise ValueError(f"expected {expected!r}, found {token[1]!r}")
        self.at += 1
        return token

    def formula(self) -> Any:
        value = self.comparison()
        if self.peek() is not None:
            raise ValueError(f"unexpected {self.peek()}")
        return value

    def comparison(self) -> Any:
        left = self.additive()
        token = self.peek()
        if token and token[0] == "op" and token[1] in _COMPARE:
            self.take()
            return _COMPARE[token[1]](_number(left), _number(self.additive()))
        return left

    def additive(self) -> Any:
        value = self.term()
        while (token := self.peek()) and token[1] in "+-" and token[0] == "op":
            self.take()
            right = _number(self.term())
            value = _number(value) + right if token[1] == "+" else _number(value) - right
        return value

    def term(self) -> Any:
        value = self.unary()
        while (token := self.peek()) and token[1] in "*/" and token[0] == "op":
            self.take()
            right = _number(self.unary())
            if token[1] == "*":
                value = _number(value) * right
            else:  # #DIV/0! as NaN: IF evaluates both branches here, and a NaN that surfaces fails the test
                value = _number(value) / right if right else math.nan
        return value

    def unary(self) -> Any:
        if self.peek() == ("op", "-"):
            self.take()
            return -_number(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "number":
            return float(value)
        if kind == "ref":
            sheet, ref = self._split(value)
            if ":" in ref:
                raise ValueError(f"a range ({value}) outside SUM or COUNTIF")
            return self.evaluator.value(sheet, ref)
        if kind == "name":
            return self.evaluator.value(*self.evaluator.name(value))
        if kind == "func":
            return self.function(value)
        if value == "(":
            inner = self.comparison()
            self.take(")")
            return inner
        raise ValueError(f"unexpected {value!r}")

    def _split(self, ref: str) -> tuple[str, str]:
        if "!" not in ref:
            return self.sheet, ref
        sheet, cells = ref.rsplit("!", 1)
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        return sheet, cells

    def _range(self) -> list[Any]:
        kind, value = self.take()
        if kind != "ref":
            raise ValueError(f"expected a range, found {value!r}")
        return self.evaluator.cells(*self._split(value))

    def function(self, name: str) -> Any:
        if name == "SUM":
            values = self._range()
            self.take(")")
            return sum(float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool))
        if name == "COUNTIF":
            values = self._range()
            self.take(",")
            criterion = self.comparison()
            self.take(")")
            return float(sum(1 for v in values if v == criterion))
        if name == "IF":
            condition = self.comparison()
            self.take(",")
            when_true = self.comparison()
            self.take(",")
            when_false = self.comparison()
            self.take(")")
            return when_true if condition else when_false
        raise ValueError(f"the evaluator does not know {name}()")
