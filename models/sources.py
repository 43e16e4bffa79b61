"""The data-source registry (DOMAIN.md §5): the national and sector databases that can stand in for documents, with
their phrasings, owner, legal basis and whether the owner announced them usable.

The registry is a data file users can edit (``models/data/data_sources.json``, or a copy given by path); a
workspace keeps its own view of it (:mod:`models.registry_settings`): the agency's connection to each source is a
per-workspace setting, and an officer may record an owner's announcement before the file is updated. The matcher
that finds a source's phrasings in an item is :mod:`catalog.finder.matcher`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.errors import ReadError

REGISTRY_FILE = Path(__file__).with_name("data") / "data_sources.json"


@dataclass(frozen=True, slots=True)
class DataSource:
    """A national or sector database that can stand in for documents (DOMAIN.md §5)."""

    id: str
    name: str
    owner: str
    stands_in_for: tuple[str, ...]
    phrasings: tuple[str, ...]
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    legal_basis: str = ""
    announced: bool = False
    announced_on: dt.date | None = None
    connected: bool | None = None  # the handling agency's connection: None = not known (a workspace setting)
    note: str = ""
    context_phrasings: tuple[
        str, ...
    ] = ()  # count only where the procedure's name or field has a context word
    context_words: tuple[str, ...] = ()


def load_registry(path: Path | None = None) -> list[DataSource]:
    """The registry in the data file (the shipped one by default).

    Raises
    ------
    ReadError : the file cannot be read or an entry lacks its id, name or phrasings.
    """
    path = path or REGISTRY_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(str(path), None, f"the data-source registry cannot be read ({exc})") from None
    sources = []
    for index, entry in enumerate(document.get("sources", []) if isinstance(document, dict) else [], start=1):
        if (
            not isinstance(entry, dict)
            or not entry.get("id")
            or not entry.get("name")
            or not entry.get("phrasings")
        ):
            raise ReadError(str(path), f"source {index}", "it needs an id, a name and phrasings")
        on = entry.get("announced_on")
        sources.append(
            DataSource(
                id=str(entry["id"]),
                name=str(entry["name"]),
                owner=str(entry.get("owner") or ""),
                stands_in_for=tuple(entry.get("stands_in_for") or ()),
                phrasings=tuple(entry["phrasings"]),
                not_before=tuple(entry.get("not_before") or ()),
                not_after=tuple(entry.get("not_after") or ()),
                legal_basis=str(entry.get("legal_basis") or ""),
                announced=bool(entry.get("announced")),
                announced_on=dt.date.fromisoformat(on) if isinstance(on, str) and on else None,
                note=str(entry.get("note") or ""),
                context_phrasings=tuple(entry.get("context_phrasings") or ()),
                context_words=tuple(entry.get("context_words") or ()),
            )
        )
    return sources


def registry_summary(sources: list[DataSource]) -> list[dict[str, Any]]:
    """The registry as JSON data, for reports and the GUI."""
    return [
        {
            "id": s.id,
            "name": s.name,
            "owner": s.owner,
            "announced": s.announced,
            "announced_on": s.announced_on.isoformat() if s.announced_on else None,
            "connected": s.connected,
        }
        for s in sources
    ]
