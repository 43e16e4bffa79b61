"""Exceptions of the core. Each carries one sentence a user can act on; the CLI and GUI print it as is."""

from __future__ import annotations


class TthcError(Exception):
    """Base of every error the workbench reports to a user instead of a traceback."""


class WorkspaceError(TthcError):
    """A workspace cannot be opened, read or written."""


class NewerWorkspaceError(WorkspaceError):
    """The workspace was written by a newer version of the workbench than this one."""


class ProcedureNotFound(TthcError):
    """No procedure with the given code in the workspace."""
