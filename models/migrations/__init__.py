"""Alembic migrations of the workspace schema. Run through :func:`models.workspace.Workspace.open`."""
