"""Alembic migrations of the workspace schema. Run through :meth:`models.storage.workspace.Workspace.open`."""
