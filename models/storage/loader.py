"""Loading stored procedures back: the fast row loader and the one constructor that skips validation.

What the workspace stored was validated when it was stored, so it is read back without validating it again: the rows
come as plain tuples (on SQLite straight from the driver), only the columns that need it are converted (JSON lists,
booleans, dates, enum codes), and the domain objects are made by :func:`trusted`. Loading a catalog for an analysis
is mostly this. ``tests/models/test_loader.py`` checks, on generated procedures, that what this loads equals what
real validation makes of the same values.
"""

from __future__ import annotations

import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel
from sqlalchemy import JSON, Table, select
from sqlalchemy.engine import Connection

from models.errors import ProcedureNotFound
from models.procedure import Channel, DossierItem, Fee, LegalReference, Note, Procedure, Result, Step
from models.storage.schema import (
    FEE_FIELDS,
    FEES,
    HEADER_FIELDS,
    PART_FIELDS,
    PARTS,
    PROCEDURE,
    PROCEDURE_FIELDS,
    PROCEDURE_TABLE,
)

M = TypeVar("M", bound=BaseModel)


def trusted(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of a pydantic model from values that need no validation (read back from what the workspace
    stored after validating it). ``values`` must hold every field, in field order, with the right types; it is used
    as the instance's ``__dict__``. Several times faster than validation or ``model_construct``, which matters for
    whole-catalog loads."""
    obj = object.__new__(cls)
    setter = object.__setattr__
    setter(obj, "__dict__", values)
    setter(obj, "__pydantic_fields_set__", set(values))
    setter(obj, "__pydantic_extra__", None)
    setter(obj, "__pydantic_private__", None)
    return obj


def procedure_ids(conn: Connection, codes: Iterable[str] | None, label: str) -> list[int]:
    """The row ids of the procedures (all, or those with ``codes``) in code order.

    Raises
    ------
    ProcedureNotFound : a code is not in the workspace ``label``.
    """
    rows = conn.execute(select(PROCEDURE.id, PROCEDURE.code).order_by(PROCEDURE.code)).all()
    if codes is not None:
        wanted = set(codes)
        missing = wanted - {r.code for r in rows}
        if missing:
            raise ProcedureNotFound(
                f"No procedure with code {', '.join(sorted(missing))} in workspace {label}."
            )
        rows = [r for r in rows if r.code in wanted]
    return [r.id for r in rows]


def load_procedures(conn: Connection, ids: Sequence[int]) -> list[Procedure]:
    """Procedures by row id, in the order of ``ids``: one query per table for the whole chunk."""
    rows = _Rows(conn, ids)
    headers = {row[0]: dict(zip(HEADER_FIELDS, row[1:], strict=True)) for row in rows.of(PROCEDURE_TABLE)}
    parts: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for part, t in PARTS.items():
        names = PART_FIELDS[part]
        grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in rows.of(t):
            grouped[row[0]].append(dict(zip(names, row[1:], strict=True)))
        parts[part] = grouped
    fees: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for row in rows.of(FEES):
        fees[(row[0], row[1])].append(dict(zip(FEE_FIELDS, row[2:], strict=True)))
    result = []
    for pid in ids:
        data: dict[str, Any] = headers[pid]
        for part, cls in _PART_CLASSES.items():
            data[part] = [_stored(cls, values) for values in parts[part].get(pid, ())]
        data["channels"] = [
            _stored(Channel, {**channel, "fees": [_stored(Fee, f) for f in fees.get((pid, i), ())]})
            for i, channel in enumerate(parts["channels"].get(pid, ()))
        ]
        result.append(_stored(Procedure, {name: data[name] for name in PROCEDURE_FIELDS}))  # dump order
    return result


class _Rows:
    """The rows of a chunk of procedures: one statement per table. On SQLite they go straight to the driver, the
    SQL built once per table and only the columns that need it converted (JSON lists, booleans, dates) with
    SQLAlchemy's own converters: loading a catalog for an analysis is mostly this, and the statement compiler
    and result rows took twice as long. Other databases go through SQLAlchemy Core (their converters depend on
    the column types the driver reports)."""

    _layout: ClassVar[dict[str, tuple[list[str], str, list[str]]]] = {}
    _sqlite: ClassVar[dict[str, tuple[str, str, list[tuple[int, Callable[[Any], Any]]]]]] = {}

    def __init__(self, conn: Connection, ids: Sequence[int]) -> None:
        self.conn, self.ids = conn, list(ids)

    def of(self, table: Table) -> Sequence[Sequence[Any]]:
        """(procedure_id or id, [channel_position,] the domain fields in order) for each row, by position."""
        columns, owner, order = self._columns(table)
        if self.conn.dialect.name != "sqlite":
            query = (
                select(*(table.c[c] for c in columns))
                .where(table.c[owner].in_(self.ids))
                .order_by(*(table.c[c] for c in order))
            )
            return self.conn.execute(query).all()
        if table.name not in self._sqlite:
            self._sqlite[table.name] = self._statement(table)
        select_from, order_by, converters = self._sqlite[table.name]
        sql = f"{select_from} IN ({', '.join('?' * len(self.ids))}) ORDER BY {order_by}"
        rows = self.conn.exec_driver_sql(sql, tuple(self.ids)).fetchall()
        if not converters:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for index, convert in converters:
                value = values[index]
                if value is not None:
                    values[index] = convert(value)
            converted.append(values)
        return converted

    @classmethod
    def _columns(cls, table: Table) -> tuple[list[str], str, list[str]]:
        if table.name not in cls._layout:
            if table is PROCEDURE_TABLE:
                layout = (["id", *HEADER_FIELDS], "id", ["id"])
            elif table is FEES:
                layout = (
                    ["procedure_id", "channel_position", *FEE_FIELDS],
                    "procedure_id",
                    ["procedure_id", "position"],
                )
            else:
                part = next(name for name, t in PARTS.items() if t is table)
                layout = (["procedure_id", *PART_FIELDS[part]], "procedure_id", ["procedure_id", "position"])
            cls._layout[table.name] = layout
        return cls._layout[table.name]

    def _statement(self, table: Table) -> tuple[str, str, list[tuple[int, Callable[[Any], Any]]]]:
        dialect = self.conn.dialect
        quote = dialect.identifier_preparer.quote
        columns, owner, order = self._columns(table)
        select_from = f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table.name)} WHERE {owner}"
        converters = []
        for index, name in enumerate(columns):
            column_type = table.c[name].type
            process = column_type.dialect_impl(dialect).result_processor(dialect, None)
            if process is not None:
                converters.append((index, _json_fast(process) if isinstance(column_type, JSON) else process))
        return select_from, ", ".join(order), converters


def _json_fast(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The JSON converter, with the empty list (most list fields) made without parsing."""

    def convert(value: Any) -> Any:
        return [] if value == "[]" else process(value)

    return convert


def _enum_converter(annotation: Any) -> Callable[[Any], Any] | None:
    """For a field typed with an enum (``E``, ``E | None``, ``list[E]``): a function turning stored codes into
    members (an unknown code stays as stored); None for other fields."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = annotation._value2member_map_
        return lambda value: members.get(value, value)
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], Enum):
        members = args[0]._value2member_map_
        return lambda values: [members.get(v, v) for v in values]
    if origin in (typing.Union, types.UnionType):
        return next((c for c in map(_enum_converter, args) if c is not None), None)
    return None


_CONVERTERS: dict[type[BaseModel], list[tuple[str, Callable[[Any], Any]]]] = {}
_PART_CLASSES: dict[str, type[BaseModel]] = {  # channels are built with their fees
    "steps": Step,
    "items": DossierItem,
    "notes": Note,
    "results": Result,
    "legal_basis": LegalReference,
}


def _stored(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of a domain class from values the workspace itself wrote: enum codes become members, nothing
    else is checked (five times faster than validation)."""
    converters = _CONVERTERS.get(cls)
    if converters is None:
        converters = _CONVERTERS[cls] = [
            (name, c)
            for name, f in cls.model_fields.items()
            if (c := _enum_converter(f.annotation)) is not None
        ]
    for name, convert in converters:
        value = values.get(name)
        if value is not None:
            values[name] = convert(value)
    return trusted(cls, values)
