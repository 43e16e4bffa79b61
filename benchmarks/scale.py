"""Benchmark (not a test): the workbench at national scale — 6,800 and 68,000 procedures.

Each catalog is the shared corpus's portal pages replicated under new codes (every occurrence of a page's code in
its text is replaced, so a copy is a distinct procedure and not a page "filed under another code"). For each size,
in a fresh process (so that peak memory is that size's own):

- import: ``import_paths`` into a new SQLite workspace, against the floor of reading and json-decoding the files;
- storage floor: ``sqlite3.executemany`` of as many rows as the workspace holds, into bare tables;
- open: ``Workspace.open`` + ``summaries()`` (what the desktop app does to show the catalog);
- analysis: findings, online blocks and cost of every procedure, stored (``tthc analyze``: chunks on workers);
- redesign: "apply suggestions" on every procedure (stored), then the catalog comparison;
- exports, through :func:`workbench.services.export.export` as ``tthc export`` runs them: JSON, catalog/cost/findings
  xlsx (against openpyxl write-only writing the same cells), BPMN (every procedure), CPSV-AP, Word specification
  and plan, diagrams (SVG, a sample of 100 procedures);
- peak memory (ru_maxrss) of the run's own process and of its largest child (analysis workers, graphviz).

Then each figure's growth from the first size to the second (10x the procedures: linear growth is ~10x). Run:

    .venv/bin/python benchmarks/scale.py [--sizes 6800 68000] [--data ../shared/data]

Prints a Markdown table (BENCHMARKS.md keeps the results).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import SHARED_DATA

HERE = Path(__file__).resolve().parent
_CODE = re.compile(r"^\d\.\d{6}$")


def build(data: Path, size: int, folder: Path) -> int:
    """Write ``size`` portal pages into ``folder``: the corpus's pages, copied under new codes until ``size``."""
    pages = sorted((data / "portal-pages").rglob("*.json"))
    texts = [(p.read_text(encoding="utf-8"), json.loads(p.read_bytes()).get("ma_thu_tuc", "")) for p in pages]
    written = 0
    copy = 0
    while written < size:
        for text, code in texts:
            if written >= size:
                break
            if copy and _CODE.match(code):
                new = f"9.{copy:02d}{written % 10_000:04d}"  # a code shape the parsers know, unique per copy
                text = text.replace(code, new)
            elif copy:
                continue  # a page without a usable code cannot be copied under a new one
            (folder / f"{written:06d}.json").write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    return written


def timed(label: str, results: dict[str, float], function: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = function()
    results[label] = time.perf_counter() - start
    print(f"  {label:<28} {results[label]:8.2f} s", file=sys.stderr, flush=True)
    return value


def run_one(size: int, data: Path) -> dict[str, Any]:
    import catalog.importing.all_formats  # noqa: F401
    from catalog.importing.importer import import_paths
    from catalog.pipeline.analysis_batch import analyze_catalog
    from catalog.pipeline.redesigns import apply_suggestions, catalog_comparison, comparisons
    from models.runtime import BATCH, tune_gc
    from models.storage.workspace import Workspace
    from workbench.services.export import ExportRequest, export

    tune_gc(BATCH)  # as tthc does

    results: dict[str, float] = {}
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = root / "pages"
        pages.mkdir()
        counts["files"] = build(data, size, pages)
        files = sorted(pages.iterdir())

        def parse_floor() -> None:
            for f in files:  # each document parsed and dropped: the floor must not hold the catalog either
                json.loads(f.read_bytes())

        timed("floor: read + decode", results, parse_floor)
        ws_path = root / "catalog.sqlite"
        with Workspace.open(ws_path) as ws:
            report = timed("import", results, lambda: import_paths(ws, [pages]))
            counts["procedures"] = len(report.imported)
            del report
        rows = _row_counts(ws_path)
        counts["rows"] = sum(rows.values())
        timed("floor: sqlite executemany", results, lambda: _storage_floor(root / "floor.sqlite", rows))

        def open_and_list() -> int:
            with Workspace.open(ws_path, create=False) as ws:
                return len(ws.summaries())

        timed("open workspace + list", results, open_and_list)
        with Workspace.open(ws_path, create=False) as ws:

            def analysis() -> None:
                analyze_catalog(ws)

            timed("analysis (stored)", results, analysis)
            timed("redesign every procedure", results, lambda: apply_suggestions(ws))
            timed("compare as-is / to-be", results, lambda: catalog_comparison(comparisons(ws)))
            out = root / "out"
            out.mkdir()

            def exporting(kind: str, name: str, **options: Any) -> Callable[[], Any]:
                return lambda: export(ws, ExportRequest(kind, out / name, **options))

            timed("export json", results, exporting("json", "c.json"))
            timed("export catalog xlsx", results, exporting("catalog-xlsx", "c.xlsx"))
            timed("floor: openpyxl write-only", results, lambda: _xlsx_floor(ws, out / "floor.xlsx"))
            timed("export findings xlsx", results, exporting("findings-xlsx", "f.xlsx"))
            timed("export cost xlsx (to-be)", results, exporting("cost-xlsx", "k.xlsx", proposal="phuong-an"))
            timed("export bpmn (every file)", results, exporting("bpmn", "bpmn"))
            timed("export cpsv", results, exporting("cpsv", "c.jsonld"))
            timed("export Word specification", results, exporting("spec-docx", "s.docx"))
            timed("export Word plan", results, exporting("plan-docx", "p.docx"))
            codes = ws.codes()
            sample = codes[:: max(1, len(codes) // 100)][:100]
            timed(
                "diagrams: 100 procedures", results, exporting("diagram", "diagrams", codes=sample, fmt="svg")
            )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"size": size, "seconds": results, "counts": counts, "peak_mb": own, "peak_child_mb": children}


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _storage_floor(path: Path, rows: dict[str, int]) -> None:
    """As many rows as the workspace's tables hold, in bare 8-column tables, with executemany in one transaction."""
    with sqlite3.connect(path) as conn:
        for table, count in rows.items():
            conn.execute(f'CREATE TABLE "{table}" (a, b, c, d, e, f, g, h)')
            row = (1, "mã", "tên giấy tờ trong hồ sơ", 2, None, "ghi chú", 3.5, "DIRECT")
            conn.executemany(
                f'INSERT INTO "{table}" VALUES (?, ?, ?, ?, ?, ?, ?, ?)', (row for _ in range(count))
            )


def _xlsx_floor(ws: Any, path: Path) -> None:
    """openpyxl write-only, the same sheets and cell values as the catalog template, appended one procedure at a
    time (building the cells is inside the timing here; benchmarks/export_xlsx.py separates it for the corpus)."""
    sys.path.insert(0, str(HERE))
    from export_xlsx import streamed_floor

    streamed_floor(ws.procedures(), path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6800, 68000])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.data)))
        return
    runs = []
    for size in args.sizes:
        print(f"{size} procedures:", file=sys.stderr, flush=True)
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--data", str(args.data)],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(markdown(runs))


def markdown(runs: list[dict[str, Any]]) -> str:
    first, last = runs[0], runs[-1]
    floors = {
        "import": "floor: read + decode",
        "export catalog xlsx": "floor: openpyxl write-only",
    }
    sizes = " | ".join(f"{r['size']:,} (s)" for r in runs)
    lines = [
        f"| step | {sizes} | × floor at {first['size']:,} | growth {first['size']:,} → {last['size']:,} |"
    ]
    lines.append("|---|" + "---|" * (len(runs) + 2))
    for label in first["seconds"]:
        cells = " | ".join(f"{r['seconds'][label]:.2f}" for r in runs)
        floor = floors.get(label)
        ratio = f"{first['seconds'][label] / first['seconds'][floor]:.1f}×" if floor else ""
        growth = last["seconds"][label] / first["seconds"][label] if first["seconds"][label] else 0
        lines.append(f"| {label} | {cells} | {ratio} | {growth:.1f}× |")
    mem = " | ".join(f"{r['peak_mb']:,.0f} MB" for r in runs)
    lines.append(f"| peak memory, this process | {mem} | | {last['peak_mb'] / first['peak_mb']:.1f}× |")
    mem = " | ".join(f"{r['peak_child_mb']:,.0f} MB" for r in runs)
    growth = last["peak_child_mb"] / first["peak_child_mb"]
    lines.append(f"| peak memory, largest worker or tool | {mem} | | {growth:.1f}× |")
    counts = "; ".join(f"{r['size']:,}: {r['counts']}" for r in runs)
    return "\n".join(lines) + f"\n\nCounts: {counts}\n"


if __name__ == "__main__":
    main()
