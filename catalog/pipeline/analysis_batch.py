"""Analysing a whole workspace in one batch (``tthc analyze``): in chunks, on every core, findings stored as they come.

The catalog is cut into chunks of procedures in code order. Each chunk is loaded, analysed (:func:`catalog.finder.grading
.find`, :func:`models.online.online_blocks`, :func:`models.cost.calculation.procedure_cost`) and reduced to what the batch
keeps: the findings as plain rows to store, the chunk's :class:`~catalog.pipeline.analysis.SummaryTally`, and, when asked,
each procedure's JSON. Memory stays that of a few chunks whatever the size of the catalog.

On Linux with more than one core, chunks are analysed by forked worker processes (they inherit the registry
matcher and the index of results, built once) while this process stores what they send back, in code order, in
one transaction: the findings land together or not at all. Sending back plain rows costs a few percent of the
analysis; sending back the domain objects, tried first, cost more than it saved. Elsewhere, and for small
selections, the same chunks run in this process. Either way the output is the same, byte for byte.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.pool import Pool
from typing import Any, TextIO

from catalog.pipeline.analysis import ProcedureAnalysis, SummaryTally, WorkspaceFinder, procedure_json
from models.cost.calculation import procedure_cost
from models.cost.parameters import CostParameters, load_cost_parameters
from models.jobs import ANALYSIS, CancelCheck, Progress, check_cancelled
from models.online import online_blocks
from models.runtime import BATCH, tune_gc
from models.storage.finding_store import finding_row
from models.storage.workspace import Workspace

CHUNK = 200  # procedures per chunk at most: memory stays that of a few chunks
MIN_CHUNK = 40  # procedures per chunk at least: a chunk's round trip to a worker costs about as much as one
PARALLEL_FROM = 600  # procedures: below this, starting workers costs more than it saves
MAX_WORKERS = 4


@dataclass(slots=True)
class ChunkResult:
    """What a chunk of the catalog comes back as: plain values, cheap to send between processes."""

    ids: list[int]
    rows: list[tuple[Any, ...]]
    tally: SummaryTally
    texts: list[str]


@dataclass(slots=True)
class _Batch:
    """Everything a chunk needs; set before the workers start, which inherit it."""

    workspace: Workspace
    finder: WorkspaceFinder
    parameters: CostParameters
    render: Callable[[ProcedureAnalysis], str] | None


_BATCH: _Batch | None = None


def _analyse(ids: list[int]) -> ChunkResult:
    batch = _BATCH
    assert batch is not None, "a chunk runs inside analyze_catalog"
    tally = SummaryTally.start(batch.finder.registry, batch.parameters)
    rows: list[tuple[Any, ...]] = []
    texts: list[str] = []
    for pid, procedure in zip(ids, batch.workspace.load(ids), strict=True):
        findings = batch.finder(procedure)
        analysis = ProcedureAnalysis(
            procedure,
            findings,
            online_blocks(procedure),
            procedure_cost(procedure, batch.parameters, findings),
        )
        tally.add(analysis)
        rows.extend(finding_row(pid, f) for f in findings)
        if batch.render is not None:
            texts.append(batch.render(analysis))
    tally.volumes = tally.documents = None  # type: ignore[assignment]  # the receiver has its own
    return ChunkResult(ids, rows, tally, texts)


def _json_text(analysis: ProcedureAnalysis) -> str:
    return json.dumps(procedure_json(analysis), ensure_ascii=False)


def _worker_started() -> None:
    """A worker's connections are its own (the pool it inherited was emptied before the fork), and Ctrl+C is the
    parent's to handle: it rolls the batch back, stops the workers and says so in one sentence (a worker that took
    the interrupt itself printed its traceback). A worker is a batch process whoever forked it (the desktop app
    too): its collector is tuned so, and what it inherited (the matcher, the issuer index) is frozen."""
    from multiprocessing.util import Finalize

    assert _BATCH is not None
    tune_gc(BATCH)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    Finalize(None, _BATCH.workspace.engine.dispose, exitpriority=10)


def default_workers(procedures: int) -> int:
    """How many processes analyse a catalog of this size here: one per core (at most four) on Linux, where
    workers fork; one elsewhere or for small selections."""
    if procedures < PARALLEL_FROM or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def analyze_catalog(
    workspace: Workspace,
    codes: Iterable[str] | None = None,
    *,
    store: bool = True,
    out: TextIO | None = None,
    render: Callable[[ProcedureAnalysis], str] | None = None,
    top: int = 20,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    workers: int | None = None,
    chunk: int | None = None,
) -> dict[str, Any]:
    """Analyse the workspace's procedures (all, or those with ``codes``) and return the catalog summary.

    Parameters
    ----------
    store : replace the stored findings of the analysed procedures, in one transaction.
    out : where to write the whole analysis as JSON (what :func:`catalog.pipeline.analysis.analysis_json` gives for the
        same procedures, byte for byte once serialised), written as the chunks come; with ``render``, each
        procedure's ``render(analysis)`` instead, in code order, and nothing else (the caller writes the summary).
    top : how many entries the summary's lists keep.
    progress : called with (procedures done, procedures in all).
    cancelled : polled after each chunk; when it returns True the workers stop, nothing is stored and
        :class:`~models.jobs.Cancelled` is raised (what ``out`` received is the caller's to discard).
    workers : processes to use; by default :func:`default_workers`.
    chunk : procedures per chunk; by default about eight chunks per worker (so that no core idles long at the
        end), between :data:`MIN_CHUNK` and :data:`CHUNK`.
    """
    global _BATCH
    ids = workspace.procedure_ids(codes)
    finder = WorkspaceFinder(workspace)
    parameters = load_cost_parameters(workspace)
    _BATCH = _Batch(
        workspace,
        finder,
        parameters,
        render=render if render is not None else (_json_text if out is not None else None),
    )
    count = workers if workers is not None else default_workers(len(ids))
    if chunk is None:
        chunk = max(MIN_CHUNK, min(CHUNK, -(-len(ids) // (8 * count))))
    parts = [ids[start : start + chunk] for start in range(0, len(ids), chunk)]
    tally = SummaryTally.start(finder.registry, parameters)
    try:
        with ExitStack() as stack:
            pool: Pool | None = None
            if count > 1 and len(parts) > 1:
                finder.results  # noqa: B018  (the issuer index, read once here: the workers inherit it)
                workspace.engine.dispose()  # no connection crosses the fork
                if out is not None:
                    out.flush()
                pool = stack.enter_context(get_context("fork").Pool(count, initializer=_worker_started))
                results: Iterator[ChunkResult] = pool.imap(_analyse, parts)
            else:
                results = map(_analyse, parts)
            writer = stack.enter_context(workspace.finding_writer()) if store else None
            json_out = out if render is None else None  # the JSON document, framed here
            if json_out is not None:
                json_out.write('{"procedures": [')
            done = 0
            for result in results:
                check_cancelled(cancelled, ANALYSIS)
                tally.merge(result.tally)
                if writer is not None:
                    writer.write(result.ids, result.rows)
                if out is not None and result.texts:
                    separator = ", " if json_out is not None else ""
                    out.write((separator if done else "") + separator.join(result.texts))
                done += len(result.ids)
                if progress is not None:
                    progress(done, len(ids))
            check_cancelled(
                cancelled, ANALYSIS
            )  # the last chance: the findings are stored when the batch ends
            summary = tally.result(top)
            if json_out is not None:
                json_out.write('], "summary": ' + json.dumps(summary, ensure_ascii=False) + "}\n")
            if pool is not None:
                pool.close()
                pool.join()
    finally:
        _BATCH = None
    return summary
