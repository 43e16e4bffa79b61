"""Benchmark (not a test): analyse the shared corpus and a copy ten times its size; print times and growth.

Stages are timed apart: loading procedures from a workspace, and the analysis itself (findings, online blocks,
compliance cost, catalog views). The tenfold catalog repeats the corpus under new codes. Run:

    .venv/bin/python benchmarks/analyze_corpus.py [--data ../shared/data] [--scale 10]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import SHARED_DATA, timed

import catalog.formats  # noqa: F401
from catalog.analysis import analyze
from catalog.importer import import_paths
from catalog.sources import load_registry
from models.cost import CostParameters
from models.procedure import Procedure
from models.workspace import Workspace


def replicate(procedures: list[Procedure], times: int) -> list[Procedure]:
    return [p.model_copy(update={"code": f"{p.code}.R{copy}"}) if copy else p
            for copy in range(times) for p in procedures]



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    registry, parameters = load_registry(), CostParameters()
    with tempfile.TemporaryDirectory() as folder, Workspace.open(Path(folder) / "bench.sqlite") as ws:
        import_paths(ws, [args.data / "portal-pages"])
        load_seconds, procedures = timed(lambda: list(ws.procedures()))
    print(f"corpus: {len(procedures)} procedures, {sum(len(p.items) for p in procedures)} dossier items")
    print(f"load from workspace                  {load_seconds:7.2f} s")
    base, _ = timed(analyze, procedures, registry, parameters)
    print(f"analyse x1  ({len(procedures):>6} procedures)  {base:7.2f} s")
    big = replicate(procedures, args.scale)
    scaled, _ = timed(analyze, big, registry, parameters)
    print(f"analyse x{args.scale} ({len(big):>6} procedures)  {scaled:7.2f} s   growth {scaled / base:.1f}x "
          f"for {args.scale}x the procedures")


if __name__ == "__main__":
    main()
