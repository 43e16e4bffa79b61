"""Benchmark (not a test): the latency of the workbench's gestures, offscreen, on a national-size workspace.

Builds a workspace of ``--size`` procedures (the shared corpus's portal pages replicated under new codes, as
``scale.py`` does, imported into a fresh SQLite workspace), opens the real main window offscreen, and times each
gesture from the moment it is made until the window is idle again (its events processed; for the diagram, until
the SVG drawn on the worker is shown):

- open workspace: ``open_workspace`` until the window is idle with the catalog's rows painted (checked: a repeat
  whose table was not painted meanwhile is an error) and the first procedure shown; the catalog figures, computed in
  the background afterwards, are waited for between repeats and not counted;
- search keystroke: one key typed into (then erased from) the search field, the table filtered;
- apply filter: a value picked in one of the catalog filter bar's combos (agency, level, field, data source,
  status), then "all" again;
- open procedure: a row selected in the catalog (published view with its analysis, proposal opened in the editor);
- draw diagram: the Diagram tab brought forward until the drawing is shown; the longest stall of the GUI thread
  meanwhile (a 1 ms probe timer's longest gap) is reported on its own row;
- apply change: the redesign editor's "apply suggestions" action (no rationale dialog: the suggestions carry the
  analysis's reasons);
- undo: the Edit menu's undo action.

Prints a Markdown table: gesture | n | median | p95 | max | target | pass.

    .venv/bin/python benchmarks/gui_latency.py [--size 6800] [--workspace W.sqlite] [--data ../shared/data]

``--workspace`` saves building one (about 20 s): its copy is opened once, untimed, before the window opens it, as the
built one is (an older workspace is upgraded then, and the database driver loaded).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scale import build
from timing import SHARED_DATA

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 200.0
KEYSTROKE_TARGET_MS = 100.0
QUERIES = ("cap giay phep", "dang ky", "1.00")


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` percentile, nearest rank (of 20 values, p95 is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil
    return ordered[int(rank) - 1]


class Bench:
    """Times gestures on the GUI thread until the window is idle, and keeps the figures per gesture."""

    def __init__(self, app: Any) -> None:
        from workbench.qt import QtCore

        self.app = app
        self.figures: dict[str, list[float]] = {}
        self.ticks: list[float] = []
        self.probe = QtCore.QTimer()
        self.probe.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.probe.setInterval(1)
        self.probe.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def idle(self) -> None:
        for _ in range(3):  # events posted by events (deferred layouts, queued signals)
            self.app.processEvents()

    def time(self, name: str, gesture: Callable[[], object]) -> float:
        self.idle()
        gc.collect()
        start = time.perf_counter()
        gesture()
        self.idle()
        ms = (time.perf_counter() - start) * 1000
        self.figures.setdefault(name, []).append(ms)
        return ms

    def wait(self, done: Callable[[], bool], timeout: float = 300) -> None:
        from workbench.qt import QtCore

        began = time.perf_counter()
        loop = QtCore.QEventLoop()
        while not done() and time.perf_counter() - began < timeout:
            loop.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not done():
            raise TimeoutError("the background work did not finish")

    def time_background(
        self, name: str, stall_name: str, start: Callable[[], object], done: Callable[[], bool]
    ) -> None:
        """From ``start`` until ``done()`` (background work shown), with the longest GUI-thread stall meanwhile."""
        from workbench.qt import QtCore

        self.idle()
        gc.collect()
        loop = QtCore.QEventLoop()
        self.ticks = [time.perf_counter()]
        self.probe.start()
        began = time.perf_counter()
        start()
        while not done() and time.perf_counter() - began < 120:
            loop.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        self.idle()
        ended = time.perf_counter()
        self.probe.stop()
        if not done():
            raise TimeoutError(f"{name}: the background work did not finish")
        self.ticks.append(ended)
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        self.figures.setdefault(name, []).append((ended - began) * 1000)
        self.figures.setdefault(stall_name, []).append(max(gaps, default=0.0) * 1000)


def paint_watch(widget: Any) -> Any:
    """An object whose ``last`` is when ``widget`` last painted (a ``perf_counter`` time); its class is made here,
    once Qt is loaded."""
    from workbench.qt import QtCore

    class Watch(QtCore.QObject):
        def __init__(self) -> None:
            super().__init__(widget)
            self.last = 0.0
            widget.installEventFilter(self)

        def eventFilter(self, _watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QtCore.QEvent.Type.Paint:
                self.last = time.perf_counter()
            return False

    return Watch()


def make_workspace(data: Path, size: int, folder: Path) -> Path:
    """A workspace of at least ``size`` procedures: some corpus pages import as none (no usable code, or a code
    another page has), so pages are written until the workspace holds enough."""
    from catalog.importing.importer import import_paths
    from models.storage.workspace import Workspace

    began = time.perf_counter()
    pages = size + size // 50  # about 1% of the corpus's pages import as none: once is enough
    while True:
        source = folder / "pages"
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir()
        written = build(data, pages, source)
        path = folder / "latency.sqlite"
        path.unlink(missing_ok=True)
        with Workspace.open(path) as workspace:
            import_paths(workspace, [source])
            count = len(workspace.summaries())
        shutil.rmtree(source)
        if count >= size:
            break
        pages += size - count + 10
    print(
        f"{written:,} pages written and imported ({count:,} procedures) in {time.perf_counter() - began:.1f} s",
        file=sys.stderr,
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=6800, help="procedures in the workspace (default 6,800)")
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="the shared corpus (its portal-pages)")
    parser.add_argument("--workspace", type=Path, help="an existing workspace to use instead (not modified)")
    parser.add_argument(
        "--repeats", type=int, default=40, help="keystrokes, filters, procedures (default 40)"
    )
    parser.add_argument("--heavy", type=int, default=15, help="diagrams, changes, undos (default 15)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tthc-latency-"))
    try:
        return run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path) -> int:
    from PySide6 import QtTest

    import catalog.importing.all_formats  # noqa: F401
    from workbench.app import tune_gc_for_the_window
    from workbench.i18n import Translations
    from workbench.main_window import MainWindow, Settings
    from workbench.qt import QtCore, QtWidgets

    Qt = QtCore.Qt
    if args.workspace is not None:
        path = folder / "latency.sqlite"
        shutil.copyfile(args.workspace, path)  # the changes made below are stored: work on a copy
        from models.storage.workspace import Workspace

        Workspace.open(path, create=False).close()
    else:
        path = make_workspace(args.data, args.size, folder)
    for scope in QtCore.QSettings.Scope.UserScope, QtCore.QSettings.Scope.SystemScope:
        QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, scope, str(folder / "settings"))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    translations = Translations(app)
    translations.set_language("vi")
    window = MainWindow(Settings(), translations)
    window.resize(1400, 900)
    window.show()
    tune_gc_for_the_window(app)  # as the app does once its window is made
    bench = Bench(app)
    bench.idle()
    loader = window.overview.loader
    painted = paint_watch(window.table.viewport())

    # --- opening the workspace (5 times), the catalog figures waited for between repeats, not counted
    began = time.perf_counter()
    for _ in range(5):
        opened = time.perf_counter()
        bench.time("open workspace", lambda: window.open_workspace(path))
        if painted.last < opened or not window.proxy.rowCount():
            raise RuntimeError("open workspace: the catalog's rows were not painted within the measurement")
        bench.wait(lambda: not loader.running)
    print(
        f"{window.model.rowCount():,} procedures; catalog figures computed in the background "
        f"(5 opens with figures: {time.perf_counter() - began:.1f} s)",
        file=sys.stderr,
    )
    pane, view, editor = window.pane, window.pane.diagram, window.editor
    pane.setCurrentWidget(pane.published)
    rows = window.proxy.rowCount()
    step = max(1, rows // (args.repeats + 1))

    # --- opening procedures: rows spread over the catalog
    for n in range(args.repeats):
        bench.time("open procedure", lambda r=(n + 1) * step % rows: window.table.selectRow(r))

    # --- search keystrokes: typed, then erased, until enough were timed
    window.search.setFocus()
    typed = 0
    while typed < args.repeats:
        for query in QUERIES:
            for char in query:
                bench.time("search keystroke", lambda c=char: QtTest.QTest.keyClicks(window.search, c))
                typed += 1
            for _ in query:
                bench.time(
                    "search keystroke", lambda: QtTest.QTest.keyClick(window.search, Qt.Key.Key_Backspace)
                )
                typed += 1
    window.search.clear()
    bench.idle()

    # --- filters: a value picked in each combo in turn, then "all" again
    bar = window.filters
    combos = [c for c in (bar.agency, bar.level, bar.field, bar.source, bar.status) if c.count() > 1]

    def pick(combo: QtWidgets.QComboBox, index: int) -> None:
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    picked = 0
    while combos and picked < args.repeats:
        for combo in combos:
            index = 1 + picked // len(combos) % (combo.count() - 1)
            bench.time("apply filter", lambda c=combo, i=index: pick(c, i))
            bench.time("apply filter", lambda c=combo: pick(c, 0))
            picked += 2

    # --- diagrams, changes, undos on procedures the analysis suggests changes for
    published = pane.published
    drawn = changed = 0
    row = 0
    while (drawn < args.heavy or changed < args.heavy) and row < rows:
        pane.setCurrentWidget(published)
        window.table.selectRow(row)
        bench.idle()
        row += step // 4 or 1
        if drawn < args.heavy:
            bench.time_background(
                "draw diagram",
                "draw diagram: longest GUI stall",
                lambda: pane.setCurrentWidget(pane.diagram),
                lambda: not view.busy and view.diagram is not None,
            )
            drawn += 1
        if changed < args.heavy:
            pane.setCurrentWidget(editor)
            bench.idle()
            before = editor.stack.index()
            ms = bench.time("apply change", editor.redesign_actions.apply_suggestions_action.trigger)
            if editor.stack.index() == before:  # nothing suggested: not a change
                bench.figures["apply change"].remove(ms)
                continue
            bench.time("undo", window.editor.redesign_actions.undo_action.trigger)
            changed += 1
    bench.wait(lambda: not view.busy)
    window.close()

    targets = {"search keystroke": KEYSTROKE_TARGET_MS}
    print(f"\n{window.model.rowCount():,} procedures, offscreen; times in ms\n")
    print("| gesture | n | median | p95 | max | target | pass |")
    print("|---|---:|---:|---:|---:|---:|---|")
    failed = False
    for name, values in bench.figures.items():
        if not values:
            continue
        target = targets.get(name, TARGET_MS)
        p95 = percentile(values, 0.95)
        ok = p95 < target
        failed |= not ok
        print(
            f"| {name} | {len(values)} | {statistics.median(values):.0f} | {p95:.0f} | {max(values):.0f} | "
            f"< {target:.0f} | {'yes' if ok else 'NO'} |"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
