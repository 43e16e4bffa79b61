"""The importer registry: every source format in detection order, and the detection of a file's format by content.

Each format is a :class:`~catalog.formats.base.Format` subclass; :mod:`catalog.importing.all_formats` registers
them all.
"""

from __future__ import annotations

from pathlib import Path

from catalog.errors import CatalogReadError
from catalog.formats.base import HEAD_BYTES, Format

FORMATS: list[Format] = []


def register(fmt: type[Format]) -> type[Format]:
    """Add a format to the registry, kept in detection order (``priority``, then the order of registration)."""
    FORMATS.append(fmt())
    FORMATS.sort(key=lambda f: f.priority)
    return fmt


def detect(path: Path) -> Format:
    """The format of a file, by its content.

    Raises
    ------
    CatalogReadError : the file cannot be read or no format recognises it.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise CatalogReadError(str(path), None, f"it cannot be read ({exc.strerror})") from None
    if not head.strip():
        raise CatalogReadError(str(path), None, "the file is empty")
    for fmt in FORMATS:
        if fmt.sniff(path, head):
            return fmt
    known = ", ".join(f.description for f in FORMATS)
    raise CatalogReadError(str(path), None, f"no importer recognises this file (known formats: {known})")
