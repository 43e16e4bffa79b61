"""Importing catalog files and folders into a workspace, as ``tthc import`` and the Import dialog do."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from catalog.importing.importer import ImportReport, import_paths
from models.jobs import CancelCheck, Progress
from models.storage.workspace import Workspace

__all__ = ["ImportReport", "import_files"]


def import_files(
    workspace: Workspace,
    paths: Sequence[Path],
    *,
    strict: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import files and folders (each file's format recognised by its content) into ``workspace`` as one batch:
    a record that cannot be read is reported in one sentence while the rest imports (``strict``: nothing is written
    then); ``cancelled`` abandons the batch, writing nothing (:class:`~models.jobs.Cancelled`). See
    :func:`catalog.importing.importer.import_paths`.

    A workbench that keeps an :class:`~workbench.services.analysis.AnalysisContext` open tells it
    (:meth:`~workbench.services.analysis.AnalysisContext.catalog_changed`): the new procedures can issue documents
    others ask for.
    """
    return import_paths(workspace, list(paths), strict=strict, progress=progress, cancelled=cancelled)
