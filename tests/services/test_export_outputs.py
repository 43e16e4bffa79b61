"""Every export kind, made to fail or cancelled midway, leaves no partial file and the files already at its target as
they were; done, it leaves its files and nothing else (:mod:`exporters.output`)."""

from __future__ import annotations

import errno
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from exporters import output
from models.jobs import EXPORT, Cancelled
from models.storage.workspace import Workspace
from tests.helpers.workspaces import SAMPLE_CATALOG
from workbench.services.export import KINDS, ExportRequest, export
from workbench.services.importing import import_files
from workbench.services.redesign import apply_catalog_suggestions

OLD = b"an older export, kept\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The sample catalog, every procedure redesigned by its suggestions."""
    path = tmp_path_factory.mktemp("outputs") / "w.sqlite"
    with Workspace.open(path) as ws:
        import_files(ws, [SAMPLE_CATALOG])
        apply_catalog_suggestions(ws)
        yield ws


def request(kind: str, folder: Path) -> ExportRequest:
    spec = KINDS[kind]
    target = folder / "out" if spec.per_procedure else folder / f"out{spec.suffix}"
    return ExportRequest(kind, target, proposal="phuong-an" if spec.of_proposal else None)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by its path relative to it, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def calls(ws: Workspace, kind: str, folder: Path) -> tuple[int, int, list[str]]:
    """How many times an export of ``kind`` reports progress and asks whether it was cancelled, and the files it
    writes (relative to ``folder``), from a run that is neither."""
    folder.mkdir()
    polls, reports = itertools.count(), itertools.count()
    export(ws, request(kind, folder), progress=lambda d, t: next(reports), cancelled=lambda: next(polls) < 0)
    return next(reports), next(polls), sorted(snapshot(folder))


def with_older_files(
    ws: Workspace, kind: str, tmp_path: Path
) -> tuple[ExportRequest, dict[str, bytes], int, int]:
    """A request for ``kind`` whose target already holds older files (for a folder, half of those the export
    writes: it must neither replace those nor leave the others), what the folder holds, and the counts of
    :func:`calls`."""
    reports, polls, names = calls(ws, kind, tmp_path / "counted")
    assert reports >= 1 and polls >= 2 and names and not [n for n in names if n.endswith(".part")]
    folder = tmp_path / "target"
    folder.mkdir()
    for name in names[::2]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(OLD)
    return request(kind, folder), snapshot(folder), reports, polls


def at(call: int, then: Callable[[], Any]) -> Callable[..., Any]:
    """A callback that does ``then()`` on its ``call``-th call (from 1) and returns False before."""
    counter = itertools.count(1)

    def callback(*args: Any) -> Any:
        return then() if next(counter) == call else False

    return callback


def raise_(error: BaseException) -> Callable[[], Any]:
    def do() -> Any:
        raise error

    return do


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_cancelled_export_leaves_the_target_as_it_was(
    workspace: Workspace, kind: str, tmp_path: Path
) -> None:
    target, before, _, polls = with_older_files(workspace, kind, tmp_path)
    for poll in (1, polls // 2 + 1, polls):  # at once, midway, at the last check
        with pytest.raises(Cancelled) as cancel:
            export(workspace, target, cancelled=at(poll, lambda: True))
        assert cancel.value.operation == EXPORT
        assert snapshot(tmp_path / "target") == before, f"cancelled at poll {poll} of {polls}"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), KeyboardInterrupt()],
    ids=["disk-full", "ctrl-c"],
)
def test_an_export_failing_midway_leaves_the_target_as_it_was(
    workspace: Workspace, kind: str, error: BaseException, tmp_path: Path
) -> None:
    target, before, reports, _ = with_older_files(workspace, kind, tmp_path)
    with pytest.raises(type(error)):
        export(workspace, target, progress=at(reports // 2 + 1, raise_(error)))
    assert snapshot(tmp_path / "target") == before


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_export_whose_file_cannot_replace_the_target_leaves_it(
    workspace: Workspace, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partial file is whole but cannot be put in place (the last moment something can fail)."""
    target, before, _, _ = with_older_files(workspace, kind, tmp_path)
    real = Path.replace

    def replace(self: Path, to: Any) -> Path:
        if self.name.endswith(".part"):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(to))
        return real(self, to)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(OSError, match=os.strerror(errno.EACCES)):
        export(workspace, target)
    assert snapshot(tmp_path / "target") == before


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_finished_export_replaces_the_older_files_and_leaves_nothing_else(
    workspace: Workspace, kind: str, tmp_path: Path
) -> None:
    target, before, _, _ = with_older_files(workspace, kind, tmp_path)
    export(workspace, target)
    after = snapshot(tmp_path / "target")
    assert sorted(after) == sorted(snapshot(tmp_path / "counted"))  # its files, no partial one
    assert all(after[name] != OLD for name in before)


def test_the_partial_file_sits_beside_its_target() -> None:
    assert output.partial_path(Path("/a/b.xlsx")) == Path("/a/b.xlsx.part")
