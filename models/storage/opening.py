"""Opening a workspace: its URL, the engine and its SQLite settings, and the schema check.

Opening checks the schema revision (Alembic): an older workspace is upgraded in place, a newer one is refused with a
clear error, and a file that is not a workspace (another application's SQLite database, any other file) is never
touched.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, SQLAlchemyError

from models.errors import NewerWorkspaceError, WorkspaceError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent.parent / "migrations"
#: Revisions this version knows, oldest first, from the migration files' names ("0004_redesign_steps.py"): the
#: schema check reads these instead of importing Alembic, which is only loaded when an upgrade is due.
REVISIONS = tuple(sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")))
HEAD = REVISIONS[-1]


def open_engine(target: str | Path, *, create: bool) -> tuple[Engine, str]:
    """The engine of the workspace at ``target`` with its schema at :data:`HEAD`, and the workspace's label (its
    path, or its URL without the password). See :meth:`models.storage.workspace.Workspace.open`."""
    url, path = _resolve_url(target)
    label = str(path) if path else make_url(url).render_as_string(hide_password=True)
    if path is not None:
        _check_file(path, label, create=create)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise WorkspaceError(f"Cannot open workspace {label}: {exc}.") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _upgrade_schema(engine, label)
    except WorkspaceError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        reason = db_reason(exc)
        readonly = reason == "the file is read-only" or "unable to open" in reason
        if readonly and path is not None and not _writable(path.parent):
            # SQLite writes its -wal and -shm files beside the workspace, even to read it
            reason = f"its folder {path.parent} is read-only, and a workspace needs to write beside its file"
        raise WorkspaceError(f"Cannot open workspace {label}: {reason}.") from None
    return engine, label


def close_engine(engine: Engine) -> None:
    """Flush an SQLite workspace's write-ahead log into its file, then release the engine's connections."""
    if engine.dialect.name == "sqlite":
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except SQLAlchemyError:
            pass  # a read-only or vanished file: nothing of ours left to flush
    engine.dispose()


def current_revision(conn: Connection) -> str | None:
    """The schema revision Alembic recorded, or None for a database it never touched."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection) -> Config:
    """Alembic's configuration for running the migrations on ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def db_reason(exc: SQLAlchemyError) -> str:
    """The database's own reason, without SQL or driver noise."""
    orig = getattr(exc, "orig", None)
    text = (
        str(orig if orig is not None else exc).strip().splitlines()[0]
        if str(orig or exc).strip()
        else type(exc).__name__
    )
    if isinstance(orig, sqlite3.OperationalError) and "readonly" in text:
        return "the file is read-only"
    if isinstance(orig, sqlite3.DatabaseError) and "not a database" in text:
        return "the file is not an SQLite database"
    return text.rstrip(".")


def _resolve_url(target: str | Path) -> tuple[str, Path | None]:
    text = str(target)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise WorkspaceError(f"'{text}' is not a valid workspace URL: {exc}.") from None
        if url.drivername.startswith("postgresql") and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        path = Path(url.database) if url.drivername.startswith("sqlite") and url.database else None
        return url.render_as_string(hide_password=False), path
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}", path


def _check_file(path: Path, label: str, *, create: bool) -> None:
    """Refuse a folder, a missing file (unless ``create``), an uncreatable one and any file that is not ours."""
    if path.is_dir():
        raise WorkspaceError(f"{label} is a folder, not a workspace file.")
    if not path.exists():
        if not create:
            raise WorkspaceError(f"Workspace {label} does not exist.")
        if not path.parent.is_dir():
            raise WorkspaceError(f"Cannot create workspace {label}: folder {path.parent} does not exist.")
        if not _writable(path.parent):
            raise WorkspaceError(f"Cannot create workspace {label}: folder {path.parent} is read-only.")
    elif path.stat().st_size:
        if not _looks_like_sqlite(path):
            raise WorkspaceError(f"{label} is not a TTHC workspace (it is not an SQLite database file).")
        _refuse_foreign_sqlite(path)  # before our connection settings touch the file


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the GUI) never block the writer (an import)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _upgrade_schema(engine: Engine, label: str) -> None:
    with engine.connect() as conn:
        if current_revision(conn) == HEAD:
            return  # the usual case: nothing to write (a read-only workspace opens too)
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            # Python's sqlite3 runs CREATE and ALTER outside any transaction unless one is open: open it, so that a
            # creation or upgrade cut short (a crash, a kill) leaves the schema as it was instead of half made and
            # unopenable; IMMEDIATE also makes a second process opening the file wait its turn.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        current = current_revision(conn)
        if current == HEAD:
            return  # another process upgraded it meanwhile
        if current is None:
            existing = set(inspect(conn).get_table_names()) - {"alembic_version"}
            if existing:
                raise WorkspaceError(
                    f"{label} is a database but not a TTHC workspace (it has other tables: "
                    f"{', '.join(sorted(existing)[:3])})."
                )
        elif current not in REVISIONS:
            raise NewerWorkspaceError(
                f"Workspace {label} was written by a newer version of TTHC Workbench (schema {current}; "
                f"this version knows up to {HEAD}): update the workbench to open it."
            )
        from alembic import command

        command.upgrade(alembic_config(conn), "head")


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids)


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError as exc:
        raise WorkspaceError(f"Cannot read workspace {path}: {exc.strerror}.") from None


def _refuse_foreign_sqlite(path: Path) -> None:
    """Refuse another application's SQLite database without writing a byte to it."""
    try:
        tables = _table_names(f"{path.as_uri()}?mode=ro")
    except sqlite3.OperationalError:
        # A WAL database in a read-only folder cannot be read without its -shm file, which cannot be made there:
        # read the file as it stands (its table names are all this needs) instead of calling it "not a workspace".
        try:
            tables = _table_names(f"{path.as_uri()}?mode=ro&immutable=1")
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"{path} is not a TTHC workspace ({exc}).") from None
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is not a TTHC workspace ({exc}).") from None
    if tables and "alembic_version" not in tables:
        raise WorkspaceError(
            f"{path} is a database but not a TTHC workspace (it has other tables: {', '.join(sorted(tables)[:3])})."
        )


def _table_names(uri: str) -> set[str]:
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
