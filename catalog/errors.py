"""Errors of reading catalogs: each names the file, the record and the reason in one sentence."""

from __future__ import annotations

from catalog.text import printable
from models.errors import TthcError


class CatalogReadError(TthcError):
    """A file, or one record in it, cannot be read.

    >>> str(CatalogReadError("a.json", "record 3", "it has no procedure code"))
    'a.json, record 3: it has no procedure code.'
    """

    def __init__(self, file: str, record: str | None, reason: str) -> None:
        # Printable, so that the sentence stays one line and prints and stores as UTF-8 whatever the file's name
        # (an undecodable byte, a line break) or the quoted source text holds.
        self.file = printable(str(file))
        self.record = printable(record) if record is not None else None
        self.reason = printable(reason).rstrip(".")
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}, {self.record}" if self.record else self.file
        return f"{where}: {self.reason}."

    def __reduce__(self) -> tuple[type[CatalogReadError], tuple[str, str | None, str]]:
        return (type(self), (self.file, self.record, self.reason))  # crosses process boundaries intact


class ImportAborted(TthcError):
    """A strict import met a record it could not read; nothing was written."""


class ImportCancelled(TthcError):
    """The user cancelled an import; nothing was written."""
