"""Files that appear whole or not at all: every exporter writes its files through :func:`atomic_output`.

A file is written beside its target (``PATH.part``: the same folder, so the final rename is atomic) and replaces the
target only once it is complete. On any exception while it is written (an error, :class:`~models.jobs.Cancelled`,
``KeyboardInterrupt``) the partial file is removed and a file already at the target is left as it was.

:func:`atomic_outputs` does the same for the several files of one export (a folder of diagrams): each is written
beside its target, and they replace their targets together once every one is written, so a cancelled or failed
export leaves the folder as it was.

>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "a.txt"
>>> with atomic_output(path) as tmp:
...     _ = tmp.write_text("whole")
>>> path.read_text(), partial_path(path).exists()
('whole', False)
>>> with atomic_output(path) as tmp:
...     _ = tmp.write_text("half")
...     raise OSError("disk full")
Traceback (most recent call last):
...
OSError: disk full
>>> path.read_text(), partial_path(path).exists()
('whole', False)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

__all__ = ["OutputSet", "atomic_output", "atomic_outputs", "partial_path"]


def partial_path(path: Path) -> Path:
    """Where a file is written before it replaces ``path`` (the same folder, so the final rename is atomic)."""
    return path.with_name(path.name + ".part")


def _discard(partial: Path) -> None:
    with contextlib.suppress(OSError):  # never hide the exception that stopped the writing
        partial.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """The path to write ``path``'s content to: it replaces ``path`` when the block ends normally, and is removed,
    ``path`` untouched, when the block raises anything (an error, a cancel, an interrupt)."""
    partial = partial_path(path)
    try:
        yield partial
        partial.replace(path)
    except BaseException:
        _discard(partial)
        raise


class OutputSet:
    """The files of one export, written beside their targets until :func:`atomic_outputs` puts them in place."""

    def __init__(self) -> None:
        self._pending: dict[Path, Path] = {}  # target -> its partial file, in the order first asked for

    def partial(self, path: Path) -> Path:
        """The path to write ``path``'s content to (the same one if ``path`` is asked for again)."""
        return self._pending.setdefault(path, partial_path(path))

    def __contains__(self, path: object) -> bool:
        return path in self._pending

    @property
    def targets(self) -> list[Path]:
        """The files this export writes, in the order they were asked for."""
        return list(self._pending)

    def _commit(self) -> None:
        for path, partial in self._pending.items():
            partial.replace(path)

    def _discard(self) -> None:
        for partial in self._pending.values():
            _discard(partial)


@contextlib.contextmanager
def atomic_outputs() -> Iterator[OutputSet]:
    """Several files that replace their targets together when the block ends normally (each one whole), and none
    of which is left when the block raises anything: the targets are then as they were.

    A rename that fails while they are put in place (a disk taken away at that very moment) leaves the files
    renamed before it in place and removes the others.
    """
    outputs = OutputSet()
    try:
        yield outputs
        outputs._commit()
    except BaseException:
        outputs._discard()
        raise
