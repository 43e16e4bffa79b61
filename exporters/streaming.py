"""What exporters of large selections share: progress and cancel callbacks, and files that appear whole or not at all.

Long exports take ``progress(done, total)`` and ``cancelled()`` callbacks like :func:`catalog.importing.importer.import_paths`;
the GUI adapts them to a worker thread, the CLI to a progress bar. A cancelled export raises
:class:`ExportCancelled` and leaves no partial file behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.errors import TthcError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ExportCancelled(TthcError):
    """The user cancelled an export; no partial file was left behind."""


def check_cancelled(cancelled: Cancelled | None) -> None:
    """Raise :class:`ExportCancelled` when the caller asked to stop."""
    if cancelled is not None and cancelled():
        raise ExportCancelled("Export cancelled; no file was written.")


def partial_path(path: Path) -> Path:
    """Where a file is written before it replaces ``path`` (same folder, so the final rename is atomic)."""
    return path.with_name(path.name + ".part")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader never sees half a file."""
    tmp = partial_path(path)
    tmp.write_bytes(data)
    tmp.replace(path)
