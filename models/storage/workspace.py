"""A workspace: one SQLite file by default, or a PostgreSQL database given its URL; the same code runs on both.

:class:`Workspace` is the one entry to a workspace's storage; each of its topics lives in its own module of
:mod:`models.storage` (opening, loading, summaries, writing, findings, history), which its methods call.

Procedures are written in batches inside one transaction (:meth:`Workspace.store`): a batch either lands whole or
leaves the workspace as it was.

Example
-------
>>> ws = Workspace.open("catalog.sqlite")                       # doctest: +SKIP
>>> [s.code for s in ws.summaries()]                            # doctest: +SKIP
['1.001193', ...]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError, OperationalError

from models.errors import WorkspaceError
from models.findings import Finding
from models.procedure import Procedure
from models.storage import finding_store, history, summaries
from models.storage.finding_store import FindingWriter, finding_row
from models.storage.loader import load_procedures, procedure_ids
from models.storage.opening import close_engine, current_revision, db_reason, open_engine
from models.storage.schema import CHUNK, PARTS, PROCEDURE, PROCEDURE_TABLE, procedure_id
from models.storage.summaries import ProcedureSummary
from models.storage.writer import ImportWriter, SourceRef, StoreResult, existing


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
        return cls(*open_engine(target, create=create))

    def close(self) -> None:
        close_engine(self.engine)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return current_revision(conn)

    # --- reading ------------------------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(PROCEDURE_TABLE)) or 0

    def codes(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(PROCEDURE.code).order_by(PROCEDURE.code)))

    def summaries(self) -> list[ProcedureSummary]:
        """Every procedure's list-level facts, sorted by code: four queries, whatever the catalog size (see
        :func:`models.storage.summaries.summaries`)."""
        return summaries.summaries(self.engine)

    def get(self, code: str) -> Procedure:
        """The published version of the procedure with this code.

        Raises
        ------
        ProcedureNotFound : no procedure has this code.
        """
        with self.engine.connect() as conn:
            return load_procedures(conn, [procedure_id(conn, code, self.label)])[0]

    def procedures(self, codes: Iterable[str] | None = None) -> Iterator[Procedure]:
        """Load procedures (all of them, or those with the given codes) in code order, a chunk at a time."""
        with self.engine.connect() as conn:
            ids = procedure_ids(conn, codes, self.label)
            for start in range(0, len(ids), CHUNK):
                yield from load_procedures(conn, ids[start : start + CHUNK])

    def procedure_ids(self, codes: Iterable[str] | None = None) -> list[int]:
        """The row ids of the procedures (all, or those with ``codes``) in code order, for :meth:`load`.

        Raises
        ------
        ProcedureNotFound : a code is not in the workspace.
        """
        with self.engine.connect() as conn:
            return procedure_ids(conn, codes, self.label)

    def load(self, ids: Sequence[int]) -> list[Procedure]:
        """The procedures with these row ids (at most a few hundred at a time), in the order of ``ids``."""
        with self.engine.connect() as conn:
            return load_procedures(conn, ids)

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

    def change_history(self, code: str) -> list[dict[str, Any]]:
        """What each import that updated this procedure changed, oldest first."""
        with self.engine.connect() as conn:
            return history.change_history(conn, procedure_id(conn, code, self.label))

    # --- findings -----------------------------------------------------------------------------------------

    def findings(self, code: str) -> list[Finding]:
        """The findings stored by the last analysis of this procedure, in item order."""
        with self.engine.connect() as conn:
            return finding_store.stored_findings(conn, procedure_id(conn, code, self.label))

    def finding_counts(self) -> dict[str, dict[str, int]]:
        """Per procedure code, how many findings of each grade the last analysis stored."""
        with self.engine.connect() as conn:
            return finding_store.finding_counts(conn)

    def replace_findings(self, findings: dict[str, list[Finding]]) -> None:
        """Store the findings of an analysis (replacing the previous ones of those procedures), in one transaction."""
        with self.finding_writer() as writer:
            ids = existing(writer.conn, list(findings))
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
            raise WorkspaceError(f"Could not write to workspace {self.label}: {db_reason(exc)}.") from None

    @contextmanager
    def importing(self, sources: Sequence[str] = ()) -> Iterator[ImportWriter]:
        """A transaction for one import batch, written a chunk at a time; it lands whole or not at all.

        >>> with workspace.importing(["catalog/"]) as writer:          # doctest: +SKIP
        ...     writer.store(entries)
        """
        with self.writing() as conn:
            writer = ImportWriter(conn, list(sources))
            yield writer
            writer.finish()

    def store(
        self, entries: Sequence[tuple[Procedure, SourceRef, str]], *, sources: Sequence[str] = ()
    ) -> list[StoreResult]:
        """Insert new procedures and update changed ones in one transaction (see :class:`ImportWriter`)."""
        with self.importing(sources) as writer:
            return writer.store(entries)
