"""Files that appear whole or not at all: where a file is written before it replaces its target.

Long exports take ``progress(done, total)`` and ``cancelled()`` callbacks (:mod:`models.jobs`); a cancelled export
raises :class:`~models.jobs.Cancelled` and leaves no partial file behind.
"""

from __future__ import annotations

from pathlib import Path


def partial_path(path: Path) -> Path:
    """Where a file is written before it replaces ``path`` (same folder, so the final rename is atomic)."""
    return path.with_name(path.name + ".part")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader never sees half a file."""
    tmp = partial_path(path)
    tmp.write_bytes(data)
    tmp.replace(path)
