"""What each import changed: one row per update of a procedure, with the fields it changed and their old values."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from models.procedure import Procedure
from models.storage.schema import CHANGES


def change_record(
    procedure_id: int, batch_id: int, now: dt.datetime, old: Procedure, old_hash: str, new: Procedure
) -> dict[str, Any]:
    """The history row of an import replacing ``old`` (whose content hash is ``old_hash``) by ``new``: which fields
    changed and what they held."""
    before = old.model_dump(mode="json")
    after = new.model_dump(mode="json")
    fields = [name for name in after if after[name] != before.get(name)]
    return {
        "procedure_id": procedure_id,
        "batch_id": batch_id,
        "changed_at": now,
        "changed_fields": fields,
        "previous_hash": old_hash,
        "previous": {name: before.get(name) for name in fields},
    }


def change_history(conn: Connection, procedure_id: int) -> list[dict[str, Any]]:
    """What each import that updated this procedure changed, oldest first."""
    t = CHANGES
    query = select(t).where(t.c.procedure_id == procedure_id).order_by(t.c.id)
    return [dict(r._mapping) for r in conn.execute(query)]
