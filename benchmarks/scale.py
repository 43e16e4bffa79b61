"""Benchmark (not a test): the workbench at national scale — 6,800 and 68,000 procedures.

Each catalog is the shared corpus's portal pages replicated under new codes (every occurrence of a page's code in
its text is replaced, so a copy is a distinct procedure and not a page "filed under another code"). For each size,
in a fresh process (so that peak memory is that size's own):

- import: ``import_paths`` into a new SQLite workspace, against the floor of reading and json-decoding the files;
- storage floor: ``sqlite3.executemany`` of as many rows as the workspace holds, into bare tables;
- open: ``Workspace.open`` + ``summaries()`` (what the desktop app does to show the catalog);
- analysis: findings, online blocks and cost of every procedure, stored;
- redesign: "apply suggestions" on every procedure (stored), then the catalog comparison;
- exports: JSON, catalog/cost/findings xlsx (against openpyxl write-only writing the same cells), BPMN (every
  procedure), CPSV-AP, Word specification (when the exporter exists), diagrams (per procedure, on a sample);
- peak memory (ru_maxrss) of the whole run.

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
    import catalog.formats  # noqa: F401
    from catalog.analysis import analyze_workspace
    from catalog.importer import import_paths
    from catalog.redesigns import apply_suggestions, catalog_comparison, comparisons
    from catalog.sources import workspace_registry
    from exporters.bpmn import write_bpmn
    from exporters.catalog_xlsx import write_catalog_xlsx
    from exporters.cost_xlsx import CostInput, write_cost_xlsx
    from exporters.cpsv import write_cpsv
    from exporters.diagram import diagram_dot, render
    from exporters.findings_xlsx import write_findings_xlsx
    from exporters.json_export import write_json
    from models.cost import load_cost_parameters
    from models.proposals import Proposals
    from models.workspace import Workspace

    results: dict[str, float] = {}
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = root / "pages"
        pages.mkdir()
        counts["files"] = build(data, size, pages)
        files = sorted(pages.iterdir())
        timed("floor: read + decode", results, lambda: [json.loads(f.read_bytes()) for f in files])
        ws_path = root / "catalog.sqlite"
        with Workspace.open(ws_path) as ws:
            report = timed("import", results, lambda: import_paths(ws, [pages]))
            counts["procedures"] = len(report.imported)
        rows = _row_counts(ws_path)
        counts["rows"] = sum(rows.values())
        timed("floor: sqlite executemany", results, lambda: _storage_floor(root / "floor.sqlite", rows))

        def open_and_list() -> int:
            with Workspace.open(ws_path, create=False) as ws:
                return len(ws.summaries())

        timed("open workspace + list", results, open_and_list)
        with Workspace.open(ws_path, create=False) as ws:
            analysis = timed("analysis (stored)", results, lambda: analyze_workspace(ws))
            findings = {a.procedure.code: a.findings for a in analysis.procedures}
            del analysis
            timed("redesign every procedure", results, lambda: apply_suggestions(ws))
            timed("compare as-is / to-be", results, lambda: catalog_comparison(comparisons(ws)))
            params, registry = load_cost_parameters(ws), workspace_registry(ws)
            out = root / "out"
            out.mkdir()
            timed("export json", results, lambda: write_json(ws.procedures(), out / "c.json"))
            timed("export catalog xlsx", results, lambda: write_catalog_xlsx(ws.procedures(), out / "c.xlsx"))
            timed("floor: openpyxl write-only", results, lambda: _xlsx_floor(ws, out / "floor.xlsx"))
            timed(
                "export findings xlsx",
                results,
                lambda: write_findings_xlsx(((p, findings.get(p.code, [])) for p in ws.procedures()), out / "f.xlsx"),
            )

            def cost_rows() -> Any:
                for draft in Proposals(ws).drafts():
                    yield CostInput(draft.published, draft.procedure, findings.get(draft.published.code))

            timed("export cost xlsx", results, lambda: write_cost_xlsx(cost_rows(), params, out / "k.xlsx"))

            def bpmn() -> None:
                folder = out / "bpmn"
                folder.mkdir()
                for p in ws.procedures():
                    write_bpmn(p, folder / f"{p.code}.bpmn", findings.get(p.code), registry)

            timed("export bpmn (every file)", results, bpmn)
            timed(
                "export cpsv",
                results,
                lambda: write_cpsv(ws.procedures(), out / "c.jsonld", findings_by_code=findings, registry=registry),
            )
            try:
                from exporters.docx_spec import write_spec_docx
            except ImportError:
                write_spec_docx = None
            if write_spec_docx is not None:
                timed("export Word specification", results, lambda: write_spec_docx(ws.procedures(), out / "s.docx"))
            sample = [p for i, p in enumerate(ws.procedures()) if i % max(1, size // 100) == 0][:100]

            def diagrams() -> None:
                for p in sample:
                    render(diagram_dot(p, findings.get(p.code), registry=registry), "svg")

            timed("diagrams: 100 procedures", results, diagrams)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "seconds": results, "counts": counts, "peak_mb": peak_mb}


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
            conn.executemany(f'INSERT INTO "{table}" VALUES (?, ?, ?, ?, ?, ?, ?, ?)', (row for _ in range(count)))


def _xlsx_floor(ws: Any, path: Path) -> None:
    """openpyxl write-only, the same sheets and cell values as the catalog template (built inside the timing
    here, as cheap tuple building; benchmarks/export_xlsx.py separates them for the corpus)."""
    sys.path.insert(0, str(HERE))
    from export_xlsx import floor, table_rows

    floor(table_rows(list(ws.procedures())), path)


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
    lines = [f"| step | {sizes} | × floor at {first['size']:,} | growth {first['size']:,} → {last['size']:,} |"]
    lines.append("|---|" + "---|" * (len(runs) + 2))
    for label in first["seconds"]:
        cells = " | ".join(f"{r['seconds'][label]:.2f}" for r in runs)
        floor = floors.get(label)
        ratio = f"{first['seconds'][label] / first['seconds'][floor]:.1f}×" if floor else ""
        growth = last["seconds"][label] / first["seconds"][label] if first["seconds"][label] else 0
        lines.append(f"| {label} | {cells} | {ratio} | {growth:.1f}× |")
    mem = " | ".join(f"{r['peak_mb']:,.0f} MB" for r in runs)
    lines.append(f"| peak memory | {mem} | | {last['peak_mb'] / first['peak_mb']:.1f}× |")
    counts = "; ".join(f"{r['size']:,}: {r['counts']}" for r in runs)
    return "\n".join(lines) + f"\n\nCounts: {counts}\n"


if __name__ == "__main__":
    main()
