"""pytest at the repository root: the core's docstring examples are collected (``--doctest-modules`` over models,
catalog and exporters, see pyproject.toml); the Alembic scripts are not, they run only inside a migration."""

collect_ignore = ["models/migrations"]
