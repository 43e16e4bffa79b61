"""Searching a workspace's catalog by code and name, as ``tthc list --search`` and the workbench's search field do."""

from __future__ import annotations

from models.search import matching_rows, query_words
from models.storage.summaries import ProcedureSummary
from models.storage.workspace import Workspace


def search(workspace: Workspace, query: str | None = None) -> list[ProcedureSummary]:
    """The procedures of ``workspace`` (in code order) whose code and name hold every word of ``query``, accents,
    case and spacing ignored (:mod:`models.search`); all of them for no query."""
    summaries = workspace.summaries()
    if not query:
        return summaries
    keys = [s.search_key for s in summaries]
    return [summaries[row] for row in matching_rows(keys, query_words(query))]
