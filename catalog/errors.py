"""Errors of reading catalogs: each names the file, the record and the reason in one sentence."""

from __future__ import annotations

from models.errors import ReadError, TthcError


class CatalogReadError(ReadError):
    """A catalog file, or one record in it, cannot be read.

    >>> str(CatalogReadError("a.json", "record 3", "it has no procedure code"))
    'a.json, record 3: it has no procedure code.'
    """


class ImportAborted(TthcError):
    """A strict import met a record it could not read; nothing was written."""
