"""Writing import batches: new procedures inserted, changed ones updated (with their history), in one transaction.

A procedure's content hash (:func:`content_hash`) decides: equal to the stored one, nothing
is written, not even a timestamp.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from models.identity import assign_ids
from models.procedure import Procedure, ProcedureHeader
from models.storage.history import change_record
from models.storage.loader import load_procedures
from models.storage.schema import (
    BATCHES,
    CHANGES,
    CHUNK,
    FEES,
    HEADER_FIELDS,
    LISTINGS,
    PART_FIELDS,
    PARTS,
    PROCEDURE,
    PROCEDURE_TABLE,
    now,
)
from models.tables import PART_TABLES


def content_hash(procedure: Procedure) -> str:
    """Fingerprint of a procedure's published content: equal hashes mean nothing to update."""
    return hashlib.sha256(procedure.model_dump_json().encode("utf-8")).hexdigest()


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


class ImportWriter:
    """Writes the procedures of one import batch inside the transaction
    :meth:`~models.storage.workspace.Workspace.importing` opened."""

    def __init__(self, conn: Connection, sources: list[str]) -> None:
        self._conn = conn
        self._sources = sources
        self._now = now()
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
        conn = self._conn
        stored = existing(conn, codes)
        results: list[StoreResult] = []
        to_insert: list[tuple[Procedure, SourceRef, str, str]] = []
        to_update: list[tuple[int, Procedure, SourceRef, str, str]] = []
        for proc, source, key in entries:
            digest = content_hash(proc)
            known = stored.get(proc.code)
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
            changed = _update(conn, to_update, self._batch(), self._now)
            _insert(conn, to_insert, self._now)
            for result in results:
                result.changed_fields = changed.get(result.code, [])
        return results

    def load(self, codes: Sequence[str]) -> dict[str, Procedure]:
        """The stored procedures among ``codes``, as this transaction sees them."""
        ids = [pid for pid, _ in existing(self._conn, codes).values()]
        return {p.code: p for p in load_procedures(self._conn, ids)} if ids else {}

    def listings(self, codes: Sequence[str]) -> dict[str, tuple[Procedure, str]]:
        """The list-level records stored for ``codes``: (header-only procedure, content hash)."""
        found: dict[str, tuple[Procedure, str]] = {}
        for start in range(0, len(codes), CHUNK):
            query = select(LISTINGS.c.code, LISTINGS.c.data, LISTINGS.c.content_hash).where(
                LISTINGS.c.code.in_(codes[start : start + CHUNK])
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


def existing(conn: Connection, codes: Sequence[str]) -> dict[str, tuple[int, str]]:
    """(row id, content hash) of the stored procedures among ``codes``, by code."""
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(codes), CHUNK):
        chunk = codes[start : start + CHUNK]
        query = select(PROCEDURE.code, PROCEDURE.id, PROCEDURE.content_hash).where(PROCEDURE.code.in_(chunk))
        found.update({code: (pid, digest) for code, pid, digest in conn.execute(query)})
    return found


def _header_values(proc: Procedure, source: SourceRef, key: str, digest: str) -> dict[str, Any]:
    values = {name: getattr(proc, name) for name in HEADER_FIELDS}
    values.update(
        search_key=key,
        source_format=source.format,
        source_path=source.path,
        source_record=source.record,
        content_hash=digest,
    )
    return values


def _insert(conn: Connection, entries: list[tuple[Procedure, SourceRef, str, str]], now: dt.datetime) -> None:
    if not entries:
        return
    rows = [
        {**_header_values(proc, source, key, digest), "revision": 1, "imported_at": now, "updated_at": now}
        for proc, source, key, digest in entries
    ]
    ids = conn.execute(
        insert(PROCEDURE_TABLE).returning(PROCEDURE.id, PROCEDURE.code, sort_by_parameter_order=True), rows
    ).all()
    _insert_parts(
        conn, [(pid, assign_ids(proc)) for (pid, _), (proc, *_rest) in zip(ids, entries, strict=True)]
    )


def _update(
    conn: Connection,
    entries: list[tuple[int, Procedure, SourceRef, str, str]],
    batch_id: int,
    now: dt.datetime,
) -> dict[str, list[str]]:
    if not entries:
        return {}
    ids = [pid for pid, *_ in entries]
    old = {proc.code: proc for proc in load_procedures(conn, ids)}
    changed: dict[str, list[str]] = {}
    history = []
    for pid, proc, source, key, digest in entries:
        before = old[proc.code]
        assign_ids(proc, before)  # parts published as before keep their ids (and so their findings)
        record = change_record(pid, batch_id, now, before, content_hash(before), proc)
        changed[proc.code] = record["changed_fields"]
        history.append(record)
        conn.execute(
            update(PROCEDURE_TABLE)
            .where(PROCEDURE.id == pid)
            .values(
                **_header_values(proc, source, key, digest), revision=PROCEDURE.revision + 1, updated_at=now
            )
        )
    for table in (*PARTS.values(), FEES):
        conn.execute(delete(table).where(table.c.procedure_id.in_(ids)))
    conn.execute(insert(CHANGES), history)
    _insert_parts(conn, [(pid, proc) for pid, proc, *_ in entries])
    return changed


def _insert_parts(conn: Connection, entries: list[tuple[int, Procedure]]) -> None:
    rows: dict[str, list[dict[str, Any]]] = {part: [] for part in PART_TABLES}
    fee_rows: list[dict[str, Any]] = []
    for pid, proc in entries:
        for part in PART_TABLES:
            for position, obj in enumerate(getattr(proc, part)):
                values = {name: getattr(obj, name) for name in PART_FIELDS[part]}
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
