"""A workspace: one SQLite file by default, or a PostgreSQL database given its URL; the same code runs on both.

Opening a workspace checks its schema revision (Alembic): an older workspace is upgraded in place, a newer one is
refused with a clear error, and a file that is not a workspace is never touched.

Procedures are written in batches inside one transaction (:meth:`Workspace.store`): a batch either lands whole or
leaves the workspace as it was.

Example
-------
>>> ws = Workspace.open("catalog.sqlite")                       # doctest: +SKIP
>>> [s.code for s in ws.summaries()]                            # doctest: +SKIP
['1.001193', ...]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from sqlalchemy import (
    JSON,
    Engine,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, SQLAlchemyError
from sqlmodel import SQLModel

from models.batch import gc_paused
from models.errors import NewerWorkspaceError, ProcedureNotFound, WorkspaceError
from models.findings import Finding
from models.identity import assign_ids
from models.procedure import (
    Channel,
    DossierItem,
    Fee,
    LegalReference,
    Note,
    Procedure,
    ProcedureHeader,
    Result,
    Step,
    trusted,
)
from models.tables import (
    PART_TABLES,
    FeeRow,
    FindingRow,
    ImportBatchRow,
    ListingRow,
    ProcedureChangeRow,
    ProcedureRow,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
#: Revisions this version knows, oldest first, from the migration files' names ("0004_redesign_steps.py"): the
#: schema check reads these instead of importing Alembic, which is only loaded when an upgrade is due.
REVISIONS = tuple(sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")))
HEAD = REVISIONS[-1]
T = TypeVar("T", bound=SQLModel)


def _table(model: type[SQLModel]) -> Table:
    """The Core table of a SQLModel table class: queries go through Core for speed and for the type checker."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


PROCEDURE_TABLE = _table(ProcedureRow)
PROCEDURE = PROCEDURE_TABLE.c
PARTS = {part: _table(model) for part, model in PART_TABLES.items()}
FEES = _table(FeeRow)
ITEMS = PARTS["items"].c
BATCHES = _table(ImportBatchRow)
CHANGES = _table(ProcedureChangeRow)
LISTINGS = _table(ListingRow)
FINDINGS = _table(FindingRow)
_HEADER_FIELDS = tuple(ProcedureHeader.model_fields)
_PART_FIELDS = {
    part: tuple(f for f in table.model_fields if f not in ("id", "procedure_id", "position"))
    for part, table in PART_TABLES.items()
}
_FEE_FIELDS = tuple(Fee.model_fields)
_PROCEDURE_FIELDS = tuple(Procedure.model_fields)
_CHUNK = 500  # ids per IN (...) query: well under SQLite's and PostgreSQL's parameter limits


def content_hash(procedure: Procedure) -> str:
    """Fingerprint of a procedure's published content: equal hashes mean nothing to update."""
    return hashlib.sha256(procedure.model_dump_json().encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(slots=True)
class SourceRef:
    """Where a procedure was read from, kept with it for the import report and traceability."""

    format: str
    path: str
    record: str | None = None
    listing: bool = False  # a list-level record: stored as a listing, enriches the full procedure


@dataclass(slots=True)
class StoreResult:
    code: str
    outcome: Outcome
    changed_fields: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ProcedureSummary:
    """What a catalog list shows of a procedure, read without loading its parts.

    Read-only: the ``levels`` and ``executing_agencies`` lists of :meth:`Workspace.summaries` are shared between the
    summaries that have the same ones.
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


def _resolve_url(target: str | Path) -> tuple[str, Path | None]:
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise WorkspaceError(f"'{text}' is not a valid workspace URL: {exc}.") from None
        if url.drivername.startswith("postgresql") and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        path = Path(url.database) if url.drivername.startswith("sqlite") and url.database else None
        return url.render_as_string(hide_password=False), path
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}", path


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the GUI) never block the writer (an import)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _current_revision(conn: Connection) -> str | None:
    """The schema revision Alembic recorded, or None for a database it never touched."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@dataclass(frozen=True, slots=True)
class _SummaryStatements:
    """The SQL of :meth:`Workspace.summaries` for one dialect."""

    items: str  # (procedure id, item group, count)
    notes: str  # (procedure id, count)
    steps: str
    procedures: str  # (id, code, name, field, issuing body, levels, executing agencies, search key) by code


_SUMMARY_STATEMENTS: dict[str, _SummaryStatements] = {}


def _summary_statements(dialect: Any) -> _SummaryStatements:
    """The statements of :meth:`Workspace.summaries`, compiled once per dialect (compiling costs more than SQLite
    takes to count a small catalog's items)."""
    statements = _SUMMARY_STATEMENTS.get(dialect.name)
    if statements is None:

        def sql(statement: Any) -> str:
            return str(statement.compile(dialect=dialect))

        def counts(table: Table) -> str:
            return sql(select(table.c.procedure_id, func.count()).group_by(table.c.procedure_id))

        p = PROCEDURE
        statements = _SUMMARY_STATEMENTS[dialect.name] = _SummaryStatements(
            items=sql(
                select(ITEMS.procedure_id, ITEMS.group, func.count()).group_by(
                    ITEMS.procedure_id, ITEMS.group
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


class Workspace:
    """An open workspace. Use :meth:`open`; close it (or use it as a context manager) when done."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    # --- opening ------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | Path, *, create: bool = True) -> Workspace:
        """Open the workspace at ``target`` (a file path or a database URL), upgrading an older schema.

        Parameters
        ----------
        target : a path to an SQLite file, or a URL such as ``postgresql://user@host/db``.
        create : create a new, empty workspace when the file does not exist.

        Raises
        ------
        WorkspaceError : missing file (with ``create=False``), not a workspace, or the database is unreachable.
        NewerWorkspaceError : the workspace was written by a newer version of the workbench.
        """
        url, path = _resolve_url(target)
        label = str(path) if path else make_url(url).render_as_string(hide_password=True)
        if path is not None:
            if path.is_dir():
                raise WorkspaceError(f"{label} is a folder, not a workspace file.")
            if not path.exists():
                if not create:
                    raise WorkspaceError(f"Workspace {label} does not exist.")
                if not path.parent.is_dir():
                    raise WorkspaceError(
                        f"Cannot create workspace {label}: folder {path.parent} does not exist."
                    )
                if not _writable(path.parent):
                    raise WorkspaceError(
                        f"Cannot create workspace {label}: folder {path.parent} is read-only."
                    )
            elif path.stat().st_size:
                if not _looks_like_sqlite(path):
                    raise WorkspaceError(
                        f"{label} is not a TTHC workspace (it is not an SQLite database file)."
                    )
                _refuse_foreign_sqlite(path)  # before our connection settings touch the file
        try:
            engine = create_engine(url)
        except (ArgumentError, ImportError) as exc:
            raise WorkspaceError(f"Cannot open workspace {label}: {exc}.") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        workspace = cls(engine, label)
        try:
            workspace._upgrade_schema()
        except WorkspaceError:
            engine.dispose()
            raise
        except (OperationalError, DatabaseError) as exc:
            engine.dispose()
            reason = _db_reason(exc)
            readonly = reason == "the file is read-only" or "unable to open" in reason
            if readonly and path is not None and not _writable(path.parent):
                # SQLite writes its -wal and -shm files beside the workspace, even to read it
                reason = (
                    f"its folder {path.parent} is read-only, and a workspace needs to write beside its file"
                )
            raise WorkspaceError(f"Cannot open workspace {label}: {reason}.") from None
        return workspace

    def _upgrade_schema(self) -> None:
        with self.engine.connect() as conn:
            if _current_revision(conn) == HEAD:
                return  # the usual case: nothing to write (a read-only workspace opens too)
        with self.engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # Python's sqlite3 runs CREATE and ALTER outside any transaction unless one is open: open it, so
                # that a creation or upgrade cut short (a crash, a kill) leaves the schema as it was instead of half
                # made and unopenable; IMMEDIATE also makes a second process opening the file wait its turn.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            current = _current_revision(conn)
            if current == HEAD:
                return  # another process upgraded it meanwhile
            if current is None:
                existing = set(inspect(conn).get_table_names()) - {"alembic_version"}
                if existing:
                    raise WorkspaceError(
                        f"{self.label} is a database but not a TTHC workspace (it has other tables: "
                        f"{', '.join(sorted(existing)[:3])})."
                    )
            elif current not in REVISIONS:
                raise NewerWorkspaceError(
                    f"Workspace {self.label} was written by a newer version of TTHC Workbench (schema {current}; "
                    f"this version knows up to {HEAD}): update the workbench to open it."
                )
            from alembic import command

            command.upgrade(_alembic_config(conn), "head")

    def close(self) -> None:
        if self.engine.dialect.name == "sqlite":
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except SQLAlchemyError:
                pass  # a read-only or vanished file: nothing of ours left to flush
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    # --- reading ------------------------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(_table(ProcedureRow))) or 0

    def codes(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(PROCEDURE.code).order_by(PROCEDURE.code)))

    def summaries(self) -> list[ProcedureSummary]:
        """Every procedure's list-level facts, sorted by code: four queries, whatever the catalog size.

        The desktop app calls this to show a catalog, so it is lean: the statements are compiled once and run on the
        driver's own cursor (its rows are plain tuples, with none of SQLAlchemy's per-row processing), the JSON lists
        come as their stored text and each distinct text is decoded once, into one list that every summary with that
        text shares (a catalog repeats a few hundred: fewer objects to make, and fewer for the cyclic collector to
        walk afterwards), and the collector is paused while the rows are built.
        """
        statements = _summary_statements(self.engine.dialect)
        with self.engine.connect() as conn, gc_paused(), closing(conn.connection.cursor()) as cursor:

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

    def get(self, code: str) -> Procedure:
        """The published version of the procedure with this code.

        Raises
        ------
        ProcedureNotFound : no procedure has this code.
        """
        with self.engine.connect() as conn:
            pid = conn.scalar(select(PROCEDURE.id).where(PROCEDURE.code == code))
            if pid is None:
                raise ProcedureNotFound(f"No procedure with code {code} in workspace {self.label}.")
            return self._load(conn, [pid])[0]

    def procedures(self, codes: Iterable[str] | None = None) -> Iterator[Procedure]:
        """Load procedures (all of them, or those with the given codes) in code order, a chunk at a time."""
        with self.engine.connect() as conn:
            ids = self._ids(conn, codes)
            for start in range(0, len(ids), _CHUNK):
                yield from self._load(conn, ids[start : start + _CHUNK])

    def procedure_ids(self, codes: Iterable[str] | None = None) -> list[int]:
        """The row ids of the procedures (all, or those with ``codes``) in code order, for :meth:`load`.

        Raises
        ------
        ProcedureNotFound : a code is not in the workspace.
        """
        with self.engine.connect() as conn:
            return self._ids(conn, codes)

    def load(self, ids: Sequence[int]) -> list[Procedure]:
        """The procedures with these row ids (at most a few hundred at a time), in the order of ``ids``."""
        with self.engine.connect() as conn:
            return self._load(conn, ids)

    def result_names(self, ids: Sequence[int] | None = None) -> list[tuple[str, str]]:
        """(procedure code, result name) for the results of the procedures ``ids`` (None: all), in code and result
        order: what :class:`catalog.finder.grading.ResultIndex` links issued documents with."""
        wanted = set(ids) if ids is not None else None
        results = PARTS["results"].c
        query = (
            select(results.procedure_id, PROCEDURE.code, results.name)
            .join_from(PARTS["results"], PROCEDURE_TABLE, PROCEDURE.id == results.procedure_id)
            .order_by(PROCEDURE.code, results.position)
        )
        with self.engine.connect() as conn:
            return [
                (code, name) for pid, code, name in conn.execute(query) if wanted is None or pid in wanted
            ]

    def _ids(self, conn: Connection, codes: Iterable[str] | None) -> list[int]:
        rows = conn.execute(select(PROCEDURE.id, PROCEDURE.code).order_by(PROCEDURE.code)).all()
        if codes is not None:
            wanted = set(codes)
            missing = wanted - {r.code for r in rows}
            if missing:
                raise ProcedureNotFound(
                    f"No procedure with code {', '.join(sorted(missing))} in workspace {self.label}."
                )
            rows = [r for r in rows if r.code in wanted]
        return [r.id for r in rows]

    def _load(self, conn: Connection, ids: Sequence[int]) -> list[Procedure]:
        """Procedures by row id, a few queries for the whole chunk; rows are read as plain tuples (fast)."""
        with gc_paused():
            return self._load_chunk(conn, ids)

    def _load_chunk(self, conn: Connection, ids: Sequence[int]) -> list[Procedure]:
        rows = _Rows(conn, ids)
        headers = {
            row[0]: dict(zip(_HEADER_FIELDS, row[1:], strict=True)) for row in rows.of(PROCEDURE_TABLE)
        }
        parts: dict[str, dict[int, list[dict[str, Any]]]] = {}
        for part, t in PARTS.items():
            names = _PART_FIELDS[part]
            grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
            for row in rows.of(t):
                grouped[row[0]].append(dict(zip(names, row[1:], strict=True)))
            parts[part] = grouped
        fees: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
        for row in rows.of(FEES):
            fees[(row[0], row[1])].append(dict(zip(_FEE_FIELDS, row[2:], strict=True)))
        result = []
        for pid in ids:
            data: dict[str, Any] = headers[pid]
            for part, cls in _PART_CLASSES.items():
                data[part] = [_trusted(cls, values) for values in parts[part].get(pid, ())]
            data["channels"] = [
                _trusted(Channel, {**channel, "fees": [_trusted(Fee, f) for f in fees.get((pid, i), ())]})
                for i, channel in enumerate(parts["channels"].get(pid, ()))
            ]
            result.append(_trusted(Procedure, {name: data[name] for name in _PROCEDURE_FIELDS}))  # dump order
        return result

    def findings(self, code: str) -> list[Finding]:
        """The findings stored by the last analysis of this procedure, in item order."""
        with self.engine.connect() as conn:
            pid = conn.scalar(select(PROCEDURE.id).where(PROCEDURE.code == code))
            if pid is None:
                raise ProcedureNotFound(f"No procedure with code {code} in workspace {self.label}.")
            items = PARTS["items"].c
            current = {  # findings name the item by its id; its position and name are the item's, read back here
                uid: (position, normalized or name)
                for position, normalized, name, uid in conn.execute(
                    select(items.position, items.name_normalized, items.name, items.uid).where(
                        items.procedure_id == pid
                    )
                )
            }
            at = {position: (position, name) for position, name in current.values()}
            found = []
            for row in conn.execute(select(FINDINGS).where(FINDINGS.c.procedure_id == pid)):
                # a finding names its item by id (by position when it was made on an unstored version); one
                # whose item a re-import removed is gone with it
                where = current.get(row.item_uid) if row.item_uid else at.get(row.item_position)
                if where is not None:
                    found.append(_finding_from_row(row._mapping, *where))
            return sorted(found, key=lambda f: f.item_index)

    def finding_counts(self) -> dict[str, dict[str, int]]:
        """Per procedure code, how many findings of each grade the last analysis stored."""
        query = (
            select(PROCEDURE.code, FINDINGS.c.grade, func.count())
            .join(FINDINGS, FINDINGS.c.procedure_id == PROCEDURE.id)
            .group_by(PROCEDURE.code, FINDINGS.c.grade)
        )
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        with self.engine.connect() as conn:
            for code, grade, n in conn.execute(query):
                counts[code][grade] = n
        return dict(counts)

    def replace_findings(self, findings: dict[str, list[Finding]]) -> None:
        """Store the findings of an analysis (replacing the previous ones of those procedures), in one transaction."""
        with self.finding_writer() as writer:
            ids = self._existing(writer.conn, list(findings))
            writer.write(
                [ids[code][0] for code in findings if code in ids],
                [
                    finding_row(ids[code][0], f)
                    for code, items in findings.items()
                    if code in ids
                    for f in items
                ],
            )

    @contextmanager
    def finding_writer(self) -> Iterator[FindingWriter]:
        """One transaction storing findings (:meth:`FindingWriter.write`); its writes land together or not at all."""
        with self.writing() as conn:
            yield FindingWriter(conn)

    # --- writing ------------------------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction: it lands whole or not at all; database failures become one clear sentence."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except (OperationalError, DatabaseError) as exc:
            raise WorkspaceError(f"Could not write to workspace {self.label}: {_db_reason(exc)}.") from None

    @contextmanager
    def importing(self, sources: Sequence[str] = ()) -> Iterator[ImportWriter]:
        """A transaction for one import batch, written a chunk at a time; it lands whole or not at all.

        >>> with workspace.importing(["catalog/"]) as writer:          # doctest: +SKIP
        ...     writer.store(entries)
        """
        try:
            with self.engine.begin() as conn:
                writer = ImportWriter(self, conn, list(sources))
                yield writer
                writer.finish()
        except (OperationalError, DatabaseError) as exc:
            raise WorkspaceError(f"Could not write to workspace {self.label}: {_db_reason(exc)}.") from None

    def store(
        self, entries: Sequence[tuple[Procedure, SourceRef, str]], *, sources: Sequence[str] = ()
    ) -> list[StoreResult]:
        """Insert new procedures and update changed ones in one transaction (see :class:`ImportWriter`)."""
        with self.importing(sources) as writer:
            return writer.store(entries)

    @staticmethod
    def _existing(conn: Connection, codes: Sequence[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for start in range(0, len(codes), _CHUNK):
            chunk = codes[start : start + _CHUNK]
            query = select(PROCEDURE.code, PROCEDURE.id, PROCEDURE.content_hash).where(
                PROCEDURE.code.in_(chunk)
            )
            found.update({code: (pid, digest) for code, pid, digest in conn.execute(query)})
        return found

    @staticmethod
    def _header_values(proc: Procedure, source: SourceRef, key: str, digest: str) -> dict[str, Any]:
        values = {name: getattr(proc, name) for name in _HEADER_FIELDS}
        values.update(
            search_key=key,
            source_format=source.format,
            source_path=source.path,
            source_record=source.record,
            content_hash=digest,
        )
        return values

    def _insert(
        self, conn: Connection, entries: list[tuple[Procedure, SourceRef, str, str]], now: dt.datetime
    ) -> None:
        if not entries:
            return
        rows = [
            {
                **self._header_values(proc, source, key, digest),
                "revision": 1,
                "imported_at": now,
                "updated_at": now,
            }
            for proc, source, key, digest in entries
        ]
        ids = conn.execute(
            insert(_table(ProcedureRow)).returning(
                PROCEDURE.id, PROCEDURE.code, sort_by_parameter_order=True
            ),
            rows,
        ).all()
        self._insert_parts(
            conn, [(pid, assign_ids(proc)) for (pid, _), (proc, *_rest) in zip(ids, entries, strict=True)]
        )

    def _update(
        self,
        conn: Connection,
        entries: list[tuple[int, Procedure, SourceRef, str, str]],
        batch_id: int,
        now: dt.datetime,
    ) -> dict[str, list[str]]:
        if not entries:
            return {}
        ids = [pid for pid, *_ in entries]
        old = {proc.code: proc for proc in self._load(conn, ids)}
        changed: dict[str, list[str]] = {}
        history = []
        for pid, proc, source, key, digest in entries:
            assign_ids(
                proc, old[proc.code]
            )  # parts published as before keep their ids (and so their findings)
            before = old[proc.code].model_dump(mode="json")
            after = proc.model_dump(mode="json")
            fields = [name for name in after if after[name] != before.get(name)]
            changed[proc.code] = fields
            history.append(
                {
                    "procedure_id": pid,
                    "batch_id": batch_id,
                    "changed_at": now,
                    "changed_fields": fields,
                    "previous_hash": content_hash(old[proc.code]),
                    "previous": {name: before.get(name) for name in fields},
                }
            )
            conn.execute(
                update(_table(ProcedureRow))
                .where(PROCEDURE.id == pid)
                .values(
                    **self._header_values(proc, source, key, digest),
                    revision=PROCEDURE.revision + 1,
                    updated_at=now,
                )
            )
        for table in (*PARTS.values(), FEES):
            conn.execute(delete(table).where(table.c.procedure_id.in_(ids)))
        conn.execute(insert(CHANGES), history)
        self._insert_parts(conn, [(pid, proc) for pid, proc, *_ in entries])
        return changed

    @staticmethod
    def _insert_parts(conn: Connection, entries: list[tuple[int, Procedure]]) -> None:
        rows: dict[str, list[dict[str, Any]]] = {part: [] for part in PART_TABLES}
        fee_rows: list[dict[str, Any]] = []
        for pid, proc in entries:
            for part in PART_TABLES:
                for position, obj in enumerate(getattr(proc, part)):
                    values = {name: getattr(obj, name) for name in _PART_FIELDS[part]}
                    rows[part].append({**values, "procedure_id": pid, "position": position})
            for channel_position, channel in enumerate(proc.channels):
                for position, fee in enumerate(channel.fees):
                    fee_rows.append(
                        {
                            **fee.model_dump(),
                            "procedure_id": pid,
                            "channel_position": channel_position,
                            "position": position,
                        }
                    )
        for part, part_rows in rows.items():
            if part_rows:
                conn.execute(insert(PARTS[part]), part_rows)
        if fee_rows:
            conn.execute(insert(FEES), fee_rows)

    def change_history(self, code: str) -> list[dict[str, Any]]:
        """What each import that updated this procedure changed, oldest first."""
        with self.engine.connect() as conn:
            pid = conn.scalar(select(PROCEDURE.id).where(PROCEDURE.code == code))
            if pid is None:
                raise ProcedureNotFound(f"No procedure with code {code} in workspace {self.label}.")
            t = CHANGES
            return [
                dict(r._mapping)
                for r in conn.execute(select(t).where(t.c.procedure_id == pid).order_by(t.c.id))
            ]


class ImportWriter:
    """Writes the procedures of one import batch inside the transaction :meth:`Workspace.importing` opened."""

    def __init__(self, workspace: Workspace, conn: Connection, sources: list[str]) -> None:
        self._ws = workspace
        self._conn = conn
        self._sources = sources
        self._now = _now()
        self._batch_id: int | None = None
        self.counts = dict.fromkeys(Outcome, 0)
        self.failed = 0  # records of the batch that could not be read, set by the importer for the log

    def store(self, entries: Sequence[tuple[Procedure, SourceRef, str]]) -> list[StoreResult]:
        """Insert new procedures and update changed ones.

        Parameters
        ----------
        entries : (procedure, where it came from, its search key) for each procedure; codes unique in the batch.

        Returns
        -------
        One :class:`StoreResult` per entry, in order: imported, updated (with the changed fields) or unchanged.
        A re-import of the same content writes nothing, not even a timestamp.
        """
        codes = [proc.code for proc, _, _ in entries]
        if len(set(codes)) != len(codes):
            raise ValueError("one store() call needs unique procedure codes")
        ws, conn = self._ws, self._conn
        existing = ws._existing(conn, codes)
        results: list[StoreResult] = []
        to_insert: list[tuple[Procedure, SourceRef, str, str]] = []
        to_update: list[tuple[int, Procedure, SourceRef, str, str]] = []
        for proc, source, key in entries:
            digest = content_hash(proc)
            known = existing.get(proc.code)
            if known is None:
                to_insert.append((proc, source, key, digest))
                results.append(StoreResult(proc.code, Outcome.IMPORTED))
            elif known[1] == digest:
                results.append(StoreResult(proc.code, Outcome.UNCHANGED))
            else:
                to_update.append((known[0], proc, source, key, digest))
                results.append(StoreResult(proc.code, Outcome.UPDATED))
        for result in results:
            self.counts[result.outcome] += 1
        if to_insert or to_update:
            changed = ws._update(conn, to_update, self._batch(), self._now)
            ws._insert(conn, to_insert, self._now)
            for result in results:
                result.changed_fields = changed.get(result.code, [])
        return results

    def load(self, codes: Sequence[str]) -> dict[str, Procedure]:
        """The stored procedures among ``codes``, as this transaction sees them."""
        ids = [pid for pid, _ in self._ws._existing(self._conn, codes).values()]
        return {p.code: p for p in self._ws._load(self._conn, ids)} if ids else {}

    def listings(self, codes: Sequence[str]) -> dict[str, tuple[Procedure, str]]:
        """The list-level records stored for ``codes``: (header-only procedure, content hash)."""
        found: dict[str, tuple[Procedure, str]] = {}
        for start in range(0, len(codes), _CHUNK):
            query = select(LISTINGS.c.code, LISTINGS.c.data, LISTINGS.c.content_hash).where(
                LISTINGS.c.code.in_(codes[start : start + _CHUNK])
            )
            found.update(
                {
                    code: (Procedure.model_validate(data), digest)
                    for code, data, digest in self._conn.execute(query)
                }
            )
        return found

    def store_listings(self, entries: Sequence[tuple[Procedure, SourceRef]]) -> None:
        """Insert or replace list-level records (only those whose content changed are written)."""
        stored = self.listings([proc.code for proc, _ in entries])
        header = set(ProcedureHeader.model_fields)
        fresh = []
        for proc, source in entries:
            digest = content_hash(proc)
            if proc.code in stored and stored[proc.code][1] == digest:
                continue
            values = {
                "data": proc.model_dump(mode="json", include=header),
                "source_format": source.format,
                "source_path": source.path,
                "source_record": source.record,
                "content_hash": digest,
                "updated_at": self._now,
            }
            self._batch()  # a listing change is a change of this batch
            if proc.code in stored:
                self._conn.execute(update(LISTINGS).where(LISTINGS.c.code == proc.code).values(**values))
            else:
                fresh.append({"code": proc.code, **values})
        if fresh:
            self._conn.execute(insert(LISTINGS), fresh)

    def _batch(self) -> int:
        if self._batch_id is None:
            self._batch_id = self._conn.execute(
                insert(BATCHES).returning(BATCHES.c.id),
                {"started_at": self._now, "sources": self._sources},
            ).scalar_one()
        return self._batch_id

    def finish(self) -> None:
        """Record the batch's counts in the import log, if the batch wrote anything."""
        if self._batch_id is None:
            return
        self._conn.execute(
            update(BATCHES)
            .where(BATCHES.c.id == self._batch_id)
            .values(
                imported=self.counts[Outcome.IMPORTED],
                updated=self.counts[Outcome.UPDATED],
                unchanged=self.counts[Outcome.UNCHANGED],
                failed=self.failed,
            )
        )


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
                layout = (["id", *_HEADER_FIELDS], "id", ["id"])
            elif table is FEES:
                layout = (
                    ["procedure_id", "channel_position", *_FEE_FIELDS],
                    "procedure_id",
                    ["procedure_id", "position"],
                )
            else:
                part = next(name for name, t in PARTS.items() if t is table)
                layout = (["procedure_id", *_PART_FIELDS[part]], "procedure_id", ["procedure_id", "position"])
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


_CONVERTERS: dict[type[SQLModel], list[tuple[str, Callable[[Any], Any]]]] = {}
_PART_CLASSES: dict[str, type[SQLModel]] = {  # channels are built with their fees
    "steps": Step,
    "items": DossierItem,
    "notes": Note,
    "results": Result,
    "legal_basis": LegalReference,
}


def _trusted(cls: type[T], values: dict[str, Any]) -> T:
    """An instance of a domain class from values the workspace itself wrote (validated when they were stored):
    enum codes become members, nothing else is checked. Five times faster than validation, which matters when a
    whole catalog is loaded for an analysis."""
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


class FindingWriter:
    """Replaces the findings of procedures inside one transaction, rows sent straight to the database driver."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        dialect = conn.dialect
        stamp = FINDINGS.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
        self.created = stamp(_now()) if stamp else _now()
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        quote = dialect.identifier_preparer.quote
        columns = ", ".join(quote(c) for c in (*_FINDING_COLUMNS, "created_at"))
        self.insert = (
            f"INSERT INTO {quote(FINDINGS.name)} ({columns}) "
            f"VALUES ({', '.join([mark] * (len(_FINDING_COLUMNS) + 1))})"
        )

    def write(self, ids: Sequence[int], rows: Sequence[tuple[Any, ...]]) -> None:
        """Replace the findings of the procedures ``ids`` by ``rows`` (see :func:`finding_row`)."""
        for start in range(0, len(ids), _CHUNK):
            self.conn.execute(
                delete(FINDINGS).where(FINDINGS.c.procedure_id.in_(ids[start : start + _CHUNK]))
            )
        if rows:
            self.conn.exec_driver_sql(self.insert, [(*row, self.created) for row in rows])


_FINDING_COLUMNS = (
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


def finding_row(procedure_id: int, f: Finding) -> tuple[Any, ...]:
    """A finding as :meth:`Workspace.finding_writer` stores it (plain values: cheap to send between processes)."""
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


def _finding_from_row(row: Any, item_index: int, item_name: str) -> Finding:
    return Finding(
        item_index=item_index,
        item_name=item_name,
        item_uid=row["item_uid"],
        grade=row["grade"],
        data_source=row["data_source_id"],
        matched_phrase=row["matched_phrase"],
        rule=row["rule"] or "",
        explanation=row["explanation"],
        legal_basis=row["legal_basis"],
        fallback=row["fallback"],
        issuing_procedure=row["issuing_procedure_code"],
    )


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids)


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError as exc:
        raise WorkspaceError(f"Cannot read workspace {path}: {exc.strerror}.") from None


def _refuse_foreign_sqlite(path: Path) -> None:
    """Refuse another application's SQLite database without writing a byte to it."""
    try:
        tables = _table_names(f"{path.as_uri()}?mode=ro")
    except sqlite3.OperationalError:
        # A WAL database in a read-only folder cannot be read without its -shm file, which cannot be made there:
        # read the file as it stands (its table names are all this needs) instead of calling it "not a workspace".
        try:
            tables = _table_names(f"{path.as_uri()}?mode=ro&immutable=1")
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"{path} is not a TTHC workspace ({exc}).") from None
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is not a TTHC workspace ({exc}).") from None
    if tables and "alembic_version" not in tables:
        raise WorkspaceError(
            f"{path} is a database but not a TTHC workspace (it has other tables: {', '.join(sorted(tables)[:3])})."
        )


def _table_names(uri: str) -> set[str]:
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _db_reason(exc: SQLAlchemyError) -> str:
    """The database's own reason, without SQL or driver noise."""
    orig = getattr(exc, "orig", None)
    text = (
        str(orig if orig is not None else exc).strip().splitlines()[0]
        if str(orig or exc).strip()
        else type(exc).__name__
    )
    if isinstance(orig, sqlite3.OperationalError) and "readonly" in text:
        return "the file is read-only"
    if isinstance(orig, sqlite3.DatabaseError) and "not a database" in text:
        return "the file is not an SQLite database"
    return text.rstrip(".")
