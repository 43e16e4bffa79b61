"""What a catalog list shows of each procedure, read without loading its parts: four queries, whatever the size."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, String, Table, func, select
from sqlalchemy import cast as sql_cast

from models.storage.schema import PARTS, PROCEDURE


@dataclass(slots=True)
class ProcedureSummary:
    """What a catalog list shows of a procedure, read without loading its parts.

    Read-only: the ``levels`` and ``executing_agencies`` lists of :func:`summaries` are shared between the summaries
    that have the same ones.
    """

    code: str
    name: str
    field: str | None
    issuing_body: str | None
    levels: list[str]
    executing_agencies: list[str]
    search_key: str
    items_to_submit: int
    items_to_show: int
    notes: int
    steps: int


def summaries(engine: Engine) -> list[ProcedureSummary]:
    """Every procedure's list-level facts, sorted by code (see :meth:`models.storage.workspace.Workspace.summaries`).

    The desktop app calls this to show a catalog, so it is lean: the statements are compiled once and run on the
    driver's own cursor (its rows are plain tuples, with none of SQLAlchemy's per-row processing), the JSON lists come
    as their stored text and each distinct text is decoded once, into one list that every summary with that text
    shares (a catalog repeats a few hundred: fewer objects to make, and fewer for the cyclic collector to walk).
    """
    statements = _statements(engine.dialect)
    with engine.connect() as conn, closing(conn.connection.cursor()) as cursor:

        def rows(sql: str) -> Sequence[Any]:
            cursor.execute(sql)
            return cursor.fetchall()

        submit: dict[int, int] = {}
        show: dict[int, int] = {}
        for pid, group, n in rows(statements.items):
            if group == "SUBMIT":
                submit[pid] = n
            elif group == "SHOW":
                show[pid] = n
        notes = dict(rows(statements.notes))
        steps = dict(rows(statements.steps))
        procedures = rows(statements.procedures)
        texts = {text for row in procedures for text in (row[5], row[6])}
        lists: dict[str | None, list[str]] = {
            text: (json.loads(text) or []) if text else [] for text in texts
        }
        return [
            ProcedureSummary(
                code,
                name,
                field_,
                issuing_body,
                lists[levels],
                lists[agencies],
                search_key,
                submit.get(pid, 0),
                show.get(pid, 0),
                notes.get(pid, 0),
                steps.get(pid, 0),
            )
            for pid, code, name, field_, issuing_body, levels, agencies, search_key in procedures
        ]


@dataclass(frozen=True, slots=True)
class _Statements:
    """The SQL of :func:`summaries` for one dialect."""

    items: str  # (procedure id, item group, count)
    notes: str  # (procedure id, count)
    steps: str
    procedures: str  # (id, code, name, field, issuing body, levels, executing agencies, search key) by code


_STATEMENTS: dict[str, _Statements] = {}


def _statements(dialect: Any) -> _Statements:
    """The statements of :func:`summaries`, compiled once per dialect (compiling costs more than SQLite takes to
    count a small catalog's items)."""
    statements = _STATEMENTS.get(dialect.name)
    if statements is None:

        def sql(statement: Any) -> str:
            return str(statement.compile(dialect=dialect))

        def counts(table: Table) -> str:
            return sql(select(table.c.procedure_id, func.count()).group_by(table.c.procedure_id))

        items = PARTS["items"].c
        p = PROCEDURE
        statements = _STATEMENTS[dialect.name] = _Statements(
            items=sql(
                select(items.procedure_id, items.group, func.count()).group_by(
                    items.procedure_id, items.group
                )
            ),
            notes=counts(PARTS["notes"]),
            steps=counts(PARTS["steps"]),
            procedures=sql(
                select(
                    p.id,
                    p.code,
                    p.name,
                    p.field,
                    p.issuing_body,
                    sql_cast(p.levels, String),
                    sql_cast(p.executing_agencies, String),
                    p.search_key,
                ).order_by(p.code)
            ),
        )
    return statements
