"""A workspace's view of the data-source registry: the announced and connected state of each source, kept per
workspace in its ``data_source`` table over the shipped registry file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from models.sources import DataSource, load_registry
from models.storage.workspace import Workspace
from models.tables import DataSourceRow


def workspace_registry(workspace: Workspace, path: Path | None = None) -> list[DataSource]:
    """The registry as this workspace sees it: the file's entries with the workspace's settings applied.

    A source the workspace has a row for takes that row's ``announced``, ``announced_on`` and ``connected``.
    """
    base = load_registry(path)
    table = DataSourceRow.__table__  # type: ignore[attr-defined]
    with workspace.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(table))}
    merged = []
    for source in base:
        row = rows.get(source.id)
        if row is None:
            merged.append(source)
            continue
        merged.append(
            DataSource(
                **{
                    **{f: getattr(source, f) for f in DataSource.__dataclass_fields__},
                    "announced": bool(row.announced),
                    "announced_on": row.announced_on,
                    "connected": row.connected,
                }
            )
        )
    return merged


def save_source_settings(workspace: Workspace, source: DataSource) -> None:
    """Record a source's announced / connected state in the workspace."""
    table = DataSourceRow.__table__  # type: ignore[attr-defined]
    values = {
        "name": source.name,
        "owner": source.owner,
        "stands_in_for": list(source.stands_in_for),
        "phrasings": list(source.phrasings),
        "legal_basis": source.legal_basis,
        "announced": source.announced,
        "announced_on": source.announced_on,
        "connected": bool(source.connected),
        "note": source.note,
    }
    with workspace.engine.begin() as conn:
        if conn.execute(select(table.c.id).where(table.c.id == source.id)).first():
            conn.execute(table.update().where(table.c.id == source.id).values(**values))
        else:
            conn.execute(table.insert().values(id=source.id, **values))
