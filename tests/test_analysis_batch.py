"""The batch analysis behind ``tthc analyze``: cut into chunks, run on forked workers or in process, it gives the
same JSON, summary and stored findings as analysing the catalog in one piece, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import catalog.pipeline.analysis_batch as batch
from catalog.importing.importer import import_paths
from catalog.pipeline.analysis import analysis_json, analyze_workspace
from models.storage.schema import FINDINGS
from models.storage.workspace import Workspace

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "sample-catalog.json"
fork_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")


def _stored(ws: Workspace) -> list[tuple]:
    columns = [c for c in FINDINGS.c if c.name not in ("id", "created_at")]
    with ws.engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(FINDINGS.select().with_only_columns(*columns)))


def _whole(ws: Workspace, codes: list[str] | None = None) -> tuple[str, list[tuple]]:
    """The reference: the catalog analysed in one piece, its JSON as `tthc analyze --json` printed it before."""
    text = json.dumps(analysis_json(analyze_workspace(ws, codes)), ensure_ascii=False) + "\n"
    return text, _stored(ws)


def _batched(ws: Workspace, codes: list[str] | None = None, **options) -> tuple[str, list[tuple], dict]:
    with ws.engine.begin() as conn:
        conn.execute(FINDINGS.delete())
    out = io.StringIO()
    summary = batch.analyze_catalog(ws, codes, out=out, **options)
    return out.getvalue(), _stored(ws), summary


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=fork_only), pytest.param(3, marks=fork_only)])
def test_chunks_and_workers_give_the_catalog_analysis_byte_for_byte(
    workspace_target: str, workers: int
) -> None:
    with Workspace.open(workspace_target) as ws:
        import_paths(ws, [SAMPLE])
        text, stored = _whole(ws)
        progress: list[tuple[int, int]] = []
        got, got_stored, summary = _batched(
            ws, workers=workers, chunk=4, progress=lambda done, total: progress.append((done, total))
        )
    assert got == text
    assert got_stored == stored and stored
    assert summary == json.loads(text)["summary"]
    assert progress == [(4, 15), (8, 15), (12, 15), (15, 15)]


@fork_only
def test_a_selection_is_analysed_alone(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        import_paths(ws, [SAMPLE])
        wanted = [p.code for p in ws.procedures()][3:9:2]
        text, stored = _whole(ws, wanted)
        got, got_stored, summary = _batched(ws, wanted, workers=2, chunk=1)
    assert got == text and got_stored == stored
    assert summary["procedures"] == 3


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=fork_only)])
def test_a_failing_chunk_stores_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        import_paths(ws, [SAMPLE])
        _, stored = _whole(ws)
        real = batch.procedure_cost

        def failing(procedure, *args, **kwargs):
            if procedure.code == "1.004222":
                raise RuntimeError("a bug in chunk three")
            return real(procedure, *args, **kwargs)

        monkeypatch.setattr(batch, "procedure_cost", failing)  # the workers fork after this: they have it too
        with pytest.raises(RuntimeError, match="chunk three"):
            batch.analyze_catalog(ws, workers=workers, chunk=2)
        assert _stored(ws) == stored  # the findings of the chunks before it were not kept either


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    """A workspace holding the shared corpus's portal pages (imported once for this module)."""
    pages = shared_data / "portal-pages"
    path = tmp_path_factory.mktemp("corpus") / "w.sqlite"
    with Workspace.open(path) as ws:
        import_paths(ws, [pages])
    return path


@fork_only
def test_the_shared_corpus_on_two_workers_equals_the_whole_analysis(corpus: Path) -> None:
    with Workspace.open(corpus, create=False) as ws:
        text, stored = _whole(ws)
        got, got_stored, _ = _batched(ws, workers=2)
    assert got == text
    assert got_stored == stored
    assert len(stored) > 10_000


@fork_only
def test_ctrl_c_during_the_analysis_is_one_sentence_and_stores_nothing(corpus: Path) -> None:
    """Ctrl+C reaches the command and its workers (one process group): the command rolls back and says so in one
    sentence; no worker prints a traceback."""
    with Workspace.open(corpus, create=False) as ws, ws.engine.begin() as conn:
        conn.execute(FINDINGS.delete())
    tthc = Path(sys.executable).with_name("tthc")
    command = subprocess.Popen(
        [str(tthc), "analyze", "-w", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    children = Path(f"/proc/{command.pid}/task/{command.pid}/children")
    deadline = time.monotonic() + 30
    while command.poll() is None and not children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.01)  # the workers are forked once the registry and the result index are built
    assert command.poll() is None, "the analysis ended before its workers were seen"
    time.sleep(0.2)
    os.killpg(command.pid, signal.SIGINT)
    out, err = command.communicate(timeout=60)
    assert command.returncode == 130, (out, err)
    assert err == (
        "Việc rà soát đã hủy: kết quả rà soát đã lưu không thay đổi. (Analysis cancelled: the stored findings are "
        "unchanged.)\n"
    )
    with Workspace.open(corpus, create=False) as ws:
        assert _stored(ws) == []


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=fork_only)])
def test_a_renderer_gets_every_procedure_in_code_order(tmp_path: Path, workers: int) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        import_paths(ws, [SAMPLE])
        expected = "".join(
            f"{a.procedure.code} {len(a.findings)}\n" for a in analyze_workspace(ws).procedures
        )
        out = io.StringIO()
        summary = batch.analyze_catalog(
            ws, store=False, out=out, workers=workers, chunk=4, top=3,
            render=lambda a: f"{a.procedure.code} {len(a.findings)}\n",
        )  # fmt: skip
    assert out.getvalue() == expected  # the renderer's text only: no JSON framing around it
    assert len(summary["most_demanded_documents"]) == 3
