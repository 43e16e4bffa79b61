"""Exceptions of the core. Each carries one sentence a user can act on; the CLI and GUI print it as is."""

from __future__ import annotations

from models.text import printable


class TthcError(Exception):
    """Base of every error the workbench reports to a user instead of a traceback."""


class WorkspaceError(TthcError):
    """A workspace cannot be opened, read or written."""


class NewerWorkspaceError(WorkspaceError):
    """The workspace was written by a newer version of the workbench than this one."""


class ProcedureNotFound(TthcError):
    """No procedure with the given code in the workspace."""


class ReadError(TthcError):
    """A file, or one record in it, cannot be read (its name, the record and the reason in one sentence).

    >>> str(ReadError("a.json", "record 3", "it has no procedure code"))
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

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str | None, str]]:
        return (type(self), (self.file, self.record, self.reason))  # crosses process boundaries intact
