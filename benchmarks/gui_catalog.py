"""Benchmark (not a test): the catalog browser on 68,000 rows against the 0.2 s budget per gesture (DOMAIN §8).

Builds a catalog of ``--rows`` procedures by repeating a real one under new codes (the shared corpus's portal pages
when ``../shared/data`` is there, else the bundled sample), with the figures the background task computes for it
(costs, online eligibility, findings by grade, data sources), and shows it in the main window's model, proxy and a
table view, offscreen. Then times, on the GUI thread with the view's events processed:

- load: the summaries into the model (cell texts; a text column's sort keys are made at its first sort, timed
  there) and the figures;
- a query typed one key at a time, then erased one key at a time;
- sorting by every column, ascending then descending;
- each filter (agency, level, field, data source, status) chosen then cleared.

A national catalog repeats each procedure's name in every province, as the repeated corpus does; ``--unique-names``
makes every name distinct, the worst case for the text columns' sort keys.

    .venv/bin/python benchmarks/gui_catalog.py [--rows 68000] [--unique-names] [--workspace W.sqlite]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import SHARED_DATA

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import catalog.importing.all_formats  # noqa: E402, F401
from catalog.importing.importer import import_paths  # noqa: E402
from catalog.pipeline.analysis import analyze_workspace  # noqa: E402
from models.storage.summaries import ProcedureSummary  # noqa: E402
from models.storage.workspace import Workspace  # noqa: E402
from workbench.catalog_facts import CatalogFacts, catalog_facts_job  # noqa: E402
from workbench.catalog_model import CatalogFilter, CatalogFilterProxy, CatalogModel, Column, Status  # noqa: E402
from workbench.charts import FindingsDelegate  # noqa: E402
from workbench.qt import QtCore, QtWidgets  # noqa: E402

BUDGET_MS = 200.0
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "sample-catalog.json"
Qt = QtCore.Qt


def base_catalog(
    workspace_path: Path | None, folder: Path
) -> tuple[list[ProcedureSummary], CatalogFacts, str]:
    """The summaries and figures of a real catalog, analysed."""
    if workspace_path is None:
        pages = SHARED_DATA / "portal-pages"
        source = pages if pages.is_dir() else SAMPLE
        workspace_path = folder / "base.sqlite"
        with Workspace.open(workspace_path) as workspace:
            import_paths(workspace, [source])
        label = str(source)
    else:
        label = str(workspace_path)
    with Workspace.open(workspace_path, create=False) as workspace:
        if not workspace.finding_counts():
            analyze_workspace(workspace)
        summaries = workspace.summaries()
        facts = catalog_facts_job(workspace)(lambda done, total: None, lambda: False)
    return summaries, facts, label


def replicate(
    summaries: list[ProcedureSummary], facts: CatalogFacts, rows: int, unique_names: bool
) -> tuple[list[ProcedureSummary], CatalogFacts]:
    out: list[ProcedureSummary] = []
    by_code = {}
    copy = 0
    while len(out) < rows:
        for summary in summaries:
            if len(out) == rows:
                break
            code = f"{summary.code}.R{copy}" if copy else summary.code
            name = f"{summary.name} (bản {copy})" if unique_names and copy else summary.name
            out.append(
                dataclasses.replace(summary, code=code, name=name, search_key=f"{code} {summary.search_key}")
            )
            if summary.code in facts.by_code:
                by_code[code] = facts.by_code[summary.code]
        copy += 1
    return out, dataclasses.replace(facts, by_code=by_code)


class Clock:
    def __init__(self, app: QtWidgets.QApplication) -> None:
        self.app = app
        self.rows: list[tuple[str, float]] = []

    def __call__(self, label: str, gesture: Callable[[], object]) -> float:
        self.app.processEvents()
        start = time.perf_counter()
        gesture()
        self.app.processEvents()  # the view digests the change as it would before painting
        ms = (time.perf_counter() - start) * 1000
        self.rows.append((label, ms))
        return ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=68_000)
    parser.add_argument("--unique-names", action="store_true", help="every name distinct (worst case)")
    parser.add_argument(
        "--workspace", type=Path, help="an analysed workspace to repeat (default: the corpus)"
    )
    parser.add_argument("--query", default="cap giay phep hoat dong")
    args = parser.parse_args()

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        base, base_facts, label = base_catalog(args.workspace, Path(folder))
    summaries, facts = replicate(base, base_facts, args.rows, args.unique_names)
    print(
        f"{len(summaries):,} rows repeated from {len(base):,} procedures of {label}; "
        f"{len({s.name for s in summaries}):,} distinct names"
    )

    model = CatalogModel()
    proxy = CatalogFilterProxy()
    proxy.setSourceModel(model)
    view = QtWidgets.QTableView()
    view.setModel(proxy)
    view.setItemDelegateForColumn(Column.FINDINGS, FindingsDelegate(view))
    view.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
    view.setSortingEnabled(True)
    view.resize(1400, 900)
    view.show()
    clock = Clock(app)

    clock("load: summaries", lambda: model.set_summaries(summaries))
    clock("load: figures", lambda: model.set_facts(facts))
    view.selectRow(10)

    keystrokes = []
    for end in range(1, len(args.query) + 1):
        keystrokes.append(
            clock(
                f"type {args.query[:end]!r} ({proxy.rowCount()} rows before)",
                lambda e=end: proxy.set_query(args.query[:e]),
            )
        )
    erasing = []
    for end in range(len(args.query) - 1, -1, -1):
        erasing.append(clock(f"erase to {args.query[:end]!r}", lambda e=end: proxy.set_query(args.query[:e])))

    sorts = []
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            direction = "asc" if order == Qt.SortOrder.AscendingOrder else "desc"
            sorts.append(
                clock(
                    f"sort {column.name.lower()} {direction}",
                    lambda c=column, o=order: view.sortByColumn(c, o),
                )
            )

    choices = model.filter_choices()
    filters = {
        "agency": CatalogFilter(agency=choices.agencies[0][0]) if choices.agencies else CatalogFilter(),
        "level": CatalogFilter(level=choices.levels[0][0]) if choices.levels else CatalogFilter(),
        "field": CatalogFilter(field=choices.fields[0][0]) if choices.fields else CatalogFilter(),
        "data source": CatalogFilter(source=choices.sources[0][0]) if choices.sources else CatalogFilter(),
        "status: not online": CatalogFilter(status=Status.NOT_ONLINE),
        "status: redundant": CatalogFilter(status=Status.POTENTIALLY_REDUNDANT),
    }
    changes = []
    for name, chosen in filters.items():
        changes.append(clock(f"filter {name}", lambda f=chosen: proxy.set_filter(f)))
        shown = proxy.rowCount()
        changes.append(clock(f"  clear ({shown} rows were shown)", lambda: proxy.set_filter(CatalogFilter())))
    proxy.set_query("giay")
    changes.append(clock("filter level with a query", lambda: proxy.set_filter(filters["level"])))

    width = max(len(label) for label, _ in clock.rows)
    for label, ms in clock.rows:
        flag = "  OVER BUDGET" if ms > BUDGET_MS else ""
        print(f"{label:<{width}}  {ms:8.1f} ms{flag}")
    print()
    for name, values in (
        ("keystroke (typing)", keystrokes),
        ("keystroke (erasing)", erasing),
        ("sort", sorts),
        ("filter change", changes),
    ):
        print(f"{name:<20} median {statistics.median(values):6.1f} ms   max {max(values):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
