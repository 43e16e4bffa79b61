"""The Core tables of a workspace and the field order the writer and the loader share.

Queries go through SQLAlchemy Core (not the ORM) for speed and for the type checker; the domain fields of each table
are listed once here, in the order the domain classes declare them.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from models.errors import ProcedureNotFound
from models.procedure import Fee, Procedure, ProcedureHeader
from models.tables import (
    PART_TABLES,
    FeeRow,
    FindingRow,
    ImportBatchRow,
    ListingRow,
    ProcedureChangeRow,
    ProcedureRow,
)


def table(model: type[SQLModel]) -> Table:
    """The Core table of a SQLModel table class."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


PROCEDURE_TABLE = table(ProcedureRow)
PROCEDURE = PROCEDURE_TABLE.c
PARTS = {part: table(model) for part, model in PART_TABLES.items()}
FEES = table(FeeRow)
BATCHES = table(ImportBatchRow)
CHANGES = table(ProcedureChangeRow)
LISTINGS = table(ListingRow)
FINDINGS = table(FindingRow)
HEADER_FIELDS = tuple(ProcedureHeader.model_fields)
PART_FIELDS = {
    part: tuple(f for f in model.model_fields if f not in ("id", "procedure_id", "position"))
    for part, model in PART_TABLES.items()
}
FEE_FIELDS = tuple(Fee.model_fields)
PROCEDURE_FIELDS = tuple(Procedure.model_fields)
CHUNK = 500  # ids per IN (...) query: well under SQLite's and PostgreSQL's parameter limits


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def procedure_id(conn: Connection, code: str, label: str) -> int:
    """The row id of the procedure with this code in the workspace ``label``.

    Raises
    ------
    ProcedureNotFound : no procedure has this code.
    """
    pid = conn.scalar(select(PROCEDURE.id).where(PROCEDURE.code == code))
    if pid is None:
        raise ProcedureNotFound(f"No procedure with code {code} in workspace {label}.")
    return int(pid)
