"""Storage faults (issue 8): a read-only workspace file or folder, a full disk, and a workspace copied while another
process is in the middle of writing to it. Each failure is one clear sentence, exit status 1, no traceback, and the
workspace stays as it was and consistent.
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from models.storage.workspace import Workspace
from tests.helpers.kill_driver import check, fingerprint, write_inputs
from tests.test_cli import REPO, run, table_dump

SAMPLE = REPO / "samples" / "sample-catalog.json"
# every test imports the kill driver's batch, which holds 20 of the corpus's pages when it is there
pytestmark = pytest.mark.shared
NOBODY = 65534


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch that adds and changes procedures (what the kill test imports)."""
    return write_inputs(tmp_path_factory.mktemp("inputs"))


def _state(path: Path) -> dict:
    with Workspace.open(path, create=False) as ws:
        return fingerprint(ws)


def _consistent_and_unchanged(path: Path, before: dict) -> None:
    state, problems = check(path, {"before": before})
    assert (state, problems) == ("before", [])


# --- read-only ---------------------------------------------------------------------------------------------------


@pytest.fixture
def public_tmp(batch: Path) -> Iterator[Path]:
    """A folder another user can reach (pytest's own temporary folders are private to this user), with a copy of
    the batch to import in it."""
    folder = Path(tempfile.mkdtemp(prefix="tthc-faults-"))
    folder.chmod(0o777)
    shutil.copytree(batch, folder / "batch")
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    shutil.rmtree(folder)


@contextmanager
def unprivileged() -> Iterator[None]:
    """File permissions as a user meets them: root ignores them, so a root process acts as ``nobody`` meanwhile.

    Only the effective ids change (and change back); modules are loaded before, by a warm-up run, because the
    interpreter's own files may not be readable by ``nobody``.
    """
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def _as_user(capsys: pytest.CaptureFixture[str], warm_up: list[str], *argv: str) -> tuple[int, str, str]:
    """Run ``argv`` without privileges, after running ``warm_up`` (the same command on a writable workspace)."""
    assert run(capsys, *warm_up)[0] == 0
    with unprivileged():
        return run(capsys, *argv)


def test_importing_into_a_read_only_workspace_file_is_one_sentence_and_touches_nothing(
    base: Path, public_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = public_tmp / "batch"
    workspace = public_tmp / "read-only.sqlite"
    shutil.copy(base, workspace)
    workspace.chmod(0o444)
    before = workspace.read_bytes()
    warm = ["import", str(batch), "-w", str(public_tmp / "warm.sqlite"), "--json"]
    status, out, err = _as_user(capsys, warm, "import", str(batch), "-w", str(workspace), "--json")
    assert (status, out) == (1, "")
    assert err == f"Could not write to workspace {workspace}: the file is read-only.\n"
    assert workspace.read_bytes() == before


def test_a_workspace_in_a_read_only_folder_is_one_sentence_and_touches_nothing(
    base: Path, public_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = public_tmp / "batch"
    folder = public_tmp / "read-only folder"
    folder.mkdir()
    workspace = folder / "w.sqlite"
    shutil.copy(base, workspace)
    workspace.chmod(0o444)
    folder.chmod(0o555)
    before = workspace.read_bytes()
    warm = ["import", str(batch), "-w", str(public_tmp / "warm.sqlite")]
    status, out, err = _as_user(capsys, warm, "import", str(batch), "-w", str(workspace))
    assert (status, out) == (1, "")
    # Before the fix: "... is not a TTHC workspace (attempt to write a readonly database)."
    assert err == (
        f"Cannot open workspace {workspace}: its folder {folder} is read-only, and a workspace needs to write "
        "beside its file.\n"
    )
    new = folder / "new.sqlite"
    status, out, err = _as_user(capsys, warm, "import", str(batch), "-w", str(new))
    assert (status, err) == (1, f"Cannot create workspace {new}: folder {folder} is read-only.\n")
    assert workspace.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["w.sqlite"]


# --- a full disk -------------------------------------------------------------------------------------------------


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 2 MiB tmpfs: a disk that fills up (skipped where this process may not mount one)."""
    mountpoint = Path(tempfile.mkdtemp(prefix="tthc-full-"))
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mountpoint)],
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        mounted = None
    if mounted is None or mounted.returncode != 0:
        mountpoint.rmdir()
        reason = mounted.stderr.strip() if mounted is not None else "no mount command"
        pytest.skip(
            f"cannot mount a small tmpfs to fill up ({reason}); the max_page_count test covers SQLITE_FULL"
        )
    try:
        yield mountpoint
    finally:
        gc.collect()  # what the test left unreferenced may hold the disk's files open (see tests/conftest.py)
        subprocess.run(["umount", str(mountpoint)], check=False)
        mountpoint.rmdir()


def test_a_full_disk_is_one_sentence_and_the_workspace_stays_as_it_was(
    base: Path, batch: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = small_disk / "w.sqlite"
    shutil.copy(base, workspace)
    before = _state(workspace)
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    filler.write_bytes(b"\0" * (free - 96 * 1024))  # leave less room than the batch needs
    dump = table_dump(workspace)
    status, out, err = run(capsys, "import", str(batch), "-w", str(workspace), "--json")
    assert (status, out) == (1, "")
    assert err == f"Could not write to workspace {workspace}: database or disk is full.\n"
    assert table_dump(workspace) == dump
    _consistent_and_unchanged(workspace, before)
    filler.unlink()  # room again: the same import now goes through
    assert run(capsys, "import", str(batch), "-w", str(workspace))[0] == 0


@pytest.fixture
def page_limit() -> Iterator[None]:
    """Every new SQLite connection may grow its database by a few pages only: SQLITE_FULL without a full disk."""

    def limit(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + 8}")
        cursor.close()

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def test_a_database_that_cannot_grow_is_one_sentence_and_stays_consistent(
    base: Path, batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], page_limit: None
) -> None:
    workspace = tmp_path / "w.sqlite"
    shutil.copy(base, workspace)
    dump = table_dump(workspace)
    status, out, err = run(capsys, "import", str(batch), "-w", str(workspace))
    assert (status, out) == (1, "")
    assert err == f"Could not write to workspace {workspace}: database or disk is full.\n"
    assert table_dump(workspace) == dump
    status, _, err = run(capsys, "redesign", "--all", "-w", str(workspace), "--apply-suggestions")
    assert status == 1 and err.endswith("database or disk is full.\n") and "Traceback" not in err
    assert table_dump(workspace) == dump


# --- a copy made while another process writes ---------------------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from sqlalchemy import event
from catalog.importing.importer import read_file, search_key
from models.storage.writer import SourceRef
from models.storage.workspace import Workspace

ws = Workspace.open(sys.argv[1])
ws.engine.dispose()
# A tiny page cache spills the open transaction's pages into the -wal file before it commits.
event.listen(ws.engine, "connect", lambda conn, _: conn.execute("PRAGMA cache_size = 5"))
records = [r for path in sorted(Path(sys.argv[2]).glob("*.json")) for r in read_file(path) if r.procedure]
entries = {r.procedure.code: (r.procedure, SourceRef(r.format, "batch"), search_key(r.procedure)) for r in records}
with ws.importing() as writer:
    writer.store(list(entries.values()))
    print("writing", flush=True)
    sys.stdin.readline()  # the transaction stays open until this process is killed
"""


def test_a_workspace_copied_while_another_process_writes_to_it_is_readable(
    base: Path, batch: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live.sqlite"
    shutil.copy(base, live)
    before = _state(live)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(live), str(batch)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n", writer.stderr
        wal = Path(f"{live}-wal")
        assert wal.stat().st_size > 100_000  # uncommitted pages are in the -wal file
        copies = {"file only": tmp_path / "copy1.sqlite", "with -wal and -shm": tmp_path / "copy2.sqlite"}
        shutil.copy(live, copies["file only"])
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(f"{live}{suffix}", f"{copies['with -wal and -shm']}{suffix}")
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    for how, copy in copies.items():
        state, problems = check(copy, {"before": before})
        assert (state, problems) == ("before", []), how
    _consistent_and_unchanged(live, before)
