"""Findings in a workspace: written a transaction at a time, rows sent straight to the database driver, and read
back per procedure.

A stored finding names its item by the item's stable id (:mod:`models.identity`), not by its name or position: the
item's current position and name are read back with it, so a finding follows its item through a re-import.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection

from models.enums import FindingGrade
from models.findings import Finding
from models.storage.schema import CHUNK, FINDINGS, PARTS, PROCEDURE, now

_COLUMNS = (
    "procedure_id",
    "item_position",
    "item_uid",
    "grade",
    "data_source_id",
    "matched_phrase",
    "rule",
    "explanation",
    "legal_basis",
    "fallback",
    "issuing_procedure_code",
)


class FindingWriter:
    """Replaces the findings of procedures inside one transaction, rows sent straight to the database driver."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        dialect = conn.dialect
        stamp = FINDINGS.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
        self.created = stamp(now()) if stamp else now()
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        quote = dialect.identifier_preparer.quote
        columns = ", ".join(quote(c) for c in (*_COLUMNS, "created_at"))
        self.insert = f"INSERT INTO {quote(FINDINGS.name)} ({columns}) VALUES ({', '.join([mark] * (len(_COLUMNS) + 1))})"

    def write(self, ids: Sequence[int], rows: Sequence[tuple[Any, ...]]) -> None:
        """Replace the findings of the procedures ``ids`` by ``rows`` (see :func:`finding_row`)."""
        for start in range(0, len(ids), CHUNK):
            self.conn.execute(delete(FINDINGS).where(FINDINGS.c.procedure_id.in_(ids[start : start + CHUNK])))
        if rows:
            self.conn.exec_driver_sql(self.insert, [(*row, self.created) for row in rows])


def finding_row(procedure_id: int, f: Finding) -> tuple[Any, ...]:
    """A finding as :class:`FindingWriter` stores it (plain values: cheap to send between processes)."""
    return (
        procedure_id,
        f.item_index,
        f.item_uid,
        str(f.grade),
        f.data_source,
        f.matched_phrase,
        f.rule,
        f.explanation,
        f.legal_basis,
        f.fallback,
        f.issuing_procedure,
    )


def stored_findings(conn: Connection, procedure_id: int) -> list[Finding]:
    """The findings stored for this procedure, in item order."""
    items = PARTS["items"].c
    current = {  # findings name the item by its id; its position and name are the item's, read back here
        uid: (position, normalized or name)
        for position, normalized, name, uid in conn.execute(
            select(items.position, items.name_normalized, items.name, items.uid).where(
                items.procedure_id == procedure_id
            )
        )
    }
    at = {position: (position, name) for position, name in current.values()}
    found = []
    for row in conn.execute(select(FINDINGS).where(FINDINGS.c.procedure_id == procedure_id)):
        # by id (by position for a finding made on a version never stored); a finding whose item a re-import
        # removed is gone with it
        where = current.get(row.item_uid) if row.item_uid else at.get(row.item_position)
        if where is not None:
            found.append(_finding_from_row(row._mapping, *where))
    return sorted(found, key=lambda f: f.item_index)


def finding_counts(conn: Connection) -> dict[str, dict[str, int]]:
    """Per procedure code, how many findings of each grade the last analysis stored."""
    query = (
        select(PROCEDURE.code, FINDINGS.c.grade, func.count())
        .join(FINDINGS, FINDINGS.c.procedure_id == PROCEDURE.id)
        .group_by(PROCEDURE.code, FINDINGS.c.grade)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for code, grade, n in conn.execute(query):
        counts[code][grade] = n
    return dict(counts)


def _finding_from_row(row: Any, item_index: int, item_name: str) -> Finding:
    return Finding(
        item_index=item_index,
        item_name=item_name,
        item_uid=row["item_uid"],
        grade=FindingGrade(row["grade"]),
        data_source=row["data_source_id"],
        matched_phrase=row["matched_phrase"],
        rule=row["rule"] or "",
        explanation=row["explanation"],
        legal_basis=row["legal_basis"],
        fallback=row["fallback"],
        issuing_procedure=row["issuing_procedure_code"],
    )
