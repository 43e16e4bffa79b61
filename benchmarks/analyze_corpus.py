"""Benchmark (not a test): ``tthc analyze`` on the shared corpus and on a workspace ten times its size.

Three figures for each size:

- the command itself, ``tthc analyze -w W``, as a user runs it (a fresh process: start-up, imports, loading,
  analysis on the workers, storing the findings, the summary), best and median of ``--repeat`` runs;
- the batch inside one process (:func:`catalog.pipeline.analysis_batch.analyze_catalog`, storing), on the default workers
  and on one process;
- the growth of each from the corpus to ten times the corpus (linear growth is ~10x).

The tenfold workspace repeats the corpus's procedures under new codes (stored directly, not re-imported). Run:

    .venv/bin/python benchmarks/analyze_corpus.py [--data ../shared/data] [--scale 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import SHARED_DATA

import catalog.importing.all_formats  # noqa: F401
from catalog.importing.importer import import_paths
from catalog.pipeline.analysis_batch import analyze_catalog, default_workers
from models.runtime import BATCH, tune_gc
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef

TTHC = Path(sys.executable).with_name("tthc")


def command(path: Path, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([str(TTHC), "analyze", "-w", str(path)], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def in_process(path: Path, workers: int, repeat: int) -> list[float]:
    times = []
    with Workspace.open(path, create=False) as ws:
        for _ in range(repeat):
            start = time.perf_counter()
            analyze_catalog(ws, workers=workers)
            times.append(time.perf_counter() - start)
    return times


def replicate(source: Path, target: Path, times: int) -> int:
    """A workspace holding ``times`` copies of ``source``'s procedures, each copy under new codes."""
    with Workspace.open(source, create=False) as ws:
        procedures = list(ws.procedures())
    with Workspace.open(target) as ws:
        for copy in range(times):
            entries = [
                (
                    p.model_copy(update={"code": f"{p.code}.R{copy}"}) if copy else p,
                    SourceRef("bench", "copy"),
                    "",
                )
                for p in procedures
            ]
            ws.store(entries)
        return len(ws.codes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    tune_gc(BATCH)  # as tthc does
    with tempfile.TemporaryDirectory() as folder:
        corpus, big = Path(folder) / "corpus.sqlite", Path(folder) / "big.sqlite"
        with Workspace.open(corpus) as ws:
            import_paths(ws, [args.data / "portal-pages"])
            sizes = {corpus: len(ws.codes())}
        sizes[big] = replicate(corpus, big, args.scale)
        rows: dict[str, dict[Path, list[float]]] = {}
        for path in (corpus, big):
            rows.setdefault("tthc analyze (whole command)", {})[path] = command(path, args.repeat)
            workers = default_workers(sizes[path])
            rows.setdefault(f"batch, {workers} workers", {})[path] = in_process(path, workers, args.repeat)
            rows.setdefault("batch, one process", {})[path] = in_process(path, 1, max(1, args.repeat // 2))
    print(
        f"procedures: {sizes[corpus]:,} and {sizes[big]:,}; {args.repeat} runs each, best / median in seconds"
    )
    print(f"{'':<30} {'x1 best':>8} {'median':>8} {f'x{args.scale} best':>9} {'median':>8} {'growth':>7}")
    for label, by_path in rows.items():
        one, ten = by_path[corpus], by_path[big]
        print(
            f"{label:<30} {min(one):8.2f} {statistics.median(one):8.2f} {min(ten):9.2f} "
            f"{statistics.median(ten):8.2f} {min(ten) / min(one):6.1f}x"
        )


if __name__ == "__main__":
    main()
