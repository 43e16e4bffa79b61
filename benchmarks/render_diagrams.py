"""Benchmark (not a test): how long a procedure's diagram takes, for a typical procedure and the largest.

"Typical" is the sample's birth registration (1.001193: 5 steps, 9 items), alone and side by side with the to-be
version the analysis suggests; "largest" is the procedure of the shared portal pages with the most dossier items,
imported into a fresh workspace. Each figure is the median of --repeat runs: the DOT text (Python only, what the GUI
waits for before handing the text to graphviz), then graphviz drawing SVG, PNG and PDF. Run:

    .venv/bin/python benchmarks/render_diagrams.py [--data ../shared/data] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import SHARED_DATA, timed

import catalog.importing.all_formats  # noqa: F401
from catalog.importing.importer import import_paths
from catalog.pipeline.analysis import analyze
from exporters.flow.diagram import FORMATS, diagram_dot, render, source_names
from models.cost.parameters import CostParameters
from models.procedure import Procedure
from models.redesign.history import Draft
from models.redesign.suggestions import suggest
from models.sources import load_registry
from models.storage.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "sample-catalog.json"


def median(repeat: int, function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    runs = [timed(function, *args) for _ in range(repeat)]
    return statistics.median(seconds for seconds, _ in runs), runs[-1][1]


def imported(path: Path, workers: int | None) -> list[Procedure]:
    with tempfile.TemporaryDirectory() as folder, Workspace.open(Path(folder) / "bench.sqlite") as ws:
        import_paths(ws, [path], workers=workers)
        return list(ws.procedures())


def report(label: str, procedure: Procedure, repeat: int, to_be: Procedure | None = None) -> None:
    registry = load_registry()
    findings = analyze([procedure], registry, CostParameters()).procedures[0].findings
    seconds, dot = median(repeat, diagram_dot, procedure, findings, to_be, None, registry)
    shape = f"{len(procedure.steps)} steps, {len(procedure.items)} items"
    print(f"{label} {procedure.code} ({shape}): DOT {seconds * 1000:6.1f} ms, {len(dot) / 1000:.0f} kB")
    for fmt in FORMATS:
        seconds, data = median(repeat, render, dot, fmt)
        print(f"    {fmt}  {seconds:6.3f} s   {len(data) / 1000:7.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workers", type=int, default=None, help="import processes (default: one per core)")
    args = parser.parse_args()
    sample = {p.code: p for p in imported(SAMPLE, args.workers)}
    birth = sample["1.001193"]
    analysis = analyze([birth], load_registry(), CostParameters()).procedures[0]
    draft = Draft(birth)
    draft.push(suggest(birth, analysis.findings, source_names()))
    report("typical", birth, args.repeat)
    report("typical, as-is and to-be", birth, args.repeat, draft.procedure)
    pages = imported(args.data / "portal-pages", args.workers)
    largest = max(pages, key=lambda p: (len(p.items), p.code))
    report("largest", largest, args.repeat)


if __name__ == "__main__":
    main()
