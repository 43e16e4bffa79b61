"""Fixtures shared by the whole suite: workspaces on SQLite and PostgreSQL, the shared corpus, golden files."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TTHC_SHARED_DIR", REPO.parent / "shared"))
GOLDEN = Path(__file__).resolve().parent / "golden"


HERE = Path(__file__).resolve().parent
#: Tests that need Qt (the wheel's too: it ships the desktop app). Where PySide6 is not installed
#: (``./dev test-without-qt``) they are not collected; every other test must pass there.
QT_TESTS = ["workbench", "faults/test_hostile_gui.py", "test_packaging.py"]
collect_ignore = QT_TESTS if importlib.util.find_spec("PySide6") is None else []
#: Marked ``qt`` with them: what Qt's presence changes (the core must not load it even where it is installed).
#: CI runs ``-m qt`` where Qt is installed and every test it can where Qt is not, so that each runs once.
QT_MARKED = [*QT_TESTS, "test_layers.py"]

#: Fixtures that read the shared corpus or need a PostgreSQL server: a test using one, even through another fixture,
#: is marked ``shared`` or ``postgres`` at collection (``-m "not shared and not postgres"`` runs without either).
#: (``hostile``: its files are damaged copies of real records when the corpus is there.)
SHARED_FIXTURES = {"shared_data", "hostile"}
POSTGRES_FIXTURES = {"pg_url"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if fixtures & SHARED_FIXTURES:
            item.add_marker(pytest.mark.shared)
        if fixtures & POSTGRES_FIXTURES or params.get("workspace_target") == "postgresql":
            item.add_marker(pytest.mark.postgres)
        if any(item.path.is_relative_to(HERE / path) for path in QT_MARKED):
            item.add_marker(pytest.mark.qt)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start-up is done: the collector is tuned as the desktop app tunes its own (:mod:`models.runtime`), so that
    the GUI tests' stall limits are those of the process the app runs in, not of CPython's defaults."""
    from models.runtime import INTERACTIVE, tune_gc

    tune_gc(INTERACTIVE)


@pytest.fixture(autouse=True)
def _collect_in_the_main_thread() -> Iterator[None]:
    """What the app's timer does (:func:`models.runtime.collect_due`), once after each test, in this thread; and
    the app's profile again, should the test have run a command (``tthc`` tunes the collector for a batch)."""
    import gc

    from models.runtime import INTERACTIVE, THRESHOLDS, collect_due

    yield
    gc.disable()
    gc.set_threshold(*THRESHOLDS[INTERACTIVE])
    collect_due()


@pytest.fixture(scope="session")  # so that a module's fixture can build on it
def shared_data() -> Path:
    """../shared/data, the real portal corpus; tests that need it skip with a reason when it is absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"the shared corpus is not here ({data}); set TTHC_SHARED_DIR to run this test")
    return data


def _pg_admin_url() -> str | None:
    return os.environ.get("TTHC_TEST_PG_URL")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (needs TTHC_TEST_PG_URL; ./dev test starts a server)."""
    admin = _pg_admin_url()
    if not admin:
        pytest.skip(
            "no PostgreSQL server: set TTHC_TEST_PG_URL (./dev test starts one when PostgreSQL is installed)"
        )
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"tthc_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where to open a workspace: an SQLite file, then the same tests on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return request.getfixturevalue("pg_url")


def _shorten(value: Any) -> Any:
    """Golden files keep every parsed decision but not the corpus's long texts: those become a fingerprint."""
    if isinstance(value, str) and len(value) > 80:
        digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]
        return f"{value[:60]}… [{len(value)} chars, sha1 {digest}]"
    if isinstance(value, list):
        return [_shorten(v) for v in value]
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    return value


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare data with tests/golden/NAME (rewrite it with --update-golden)."""

    def check(name: str, data: Any, *, shorten: bool = False) -> None:
        text = (
            json.dumps(_shorten(data) if shorten else data, ensure_ascii=False, indent=2, sort_keys=False)
            + "\n"
        )
        path = GOLDEN / name
        if request.config.getoption("--update-golden") or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            if not request.config.getoption("--update-golden"):
                pytest.fail(f"golden file {path} did not exist and was written: review it and re-run")
        assert text == path.read_text(encoding="utf-8"), f"output differs from golden file {path}"

    return check
