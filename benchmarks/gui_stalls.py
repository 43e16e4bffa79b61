"""How long the GUI thread stalls while the workers draw diagrams, import a catalog and export it.

A probe timer asks to tick every millisecond on the GUI thread; the longest gap between two ticks is the longest
the window could not repaint or answer a key. Measured offscreen, on the bundled sample catalog (each procedure's
diagram, as-is and to-be side by side after "apply suggestions") and, when ``../shared/data`` is there, on an import
of the portal pages into an empty workspace through the Import dialog, then a catalog-xlsx export of it through
the Export dialog.

    .venv/bin/python benchmarks/gui_stalls.py [--pages-only | --sample-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from timing import SHARED_DATA, workbench_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "sample-catalog.json"


class Probe:
    """Ticks on the GUI thread; ``gaps`` are the times between ticks, in seconds."""

    def __init__(self) -> None:
        from workbench.qt import QtCore

        self.ticks: list[float] = []
        self.timer = QtCore.QTimer()
        self.timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def run(
        self, start: Callable[[], None], done: Callable[[], bool], timeout: float = 600
    ) -> tuple[float, float]:
        """Start the work, spin the event loop until it is done; returns (seconds it took, longest gap)."""
        from workbench.qt import QtCore, QtWidgets

        self.ticks = [time.perf_counter()]
        self.timer.start()
        began = time.perf_counter()
        start()
        loop = QtCore.QEventLoop()
        while not done() and time.perf_counter() - began < timeout:
            loop.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        took = time.perf_counter() - began
        self.timer.stop()
        QtWidgets.QApplication.processEvents()
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return took, max(gaps, default=0.0)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-only", action="store_true", help="only the diagrams of the sample catalog")
    args = parser.parse_args()

    from models.storage.workspace import Workspace

    _app, window, sample = workbench_window([SAMPLE], "tthc-stalls-")
    folder = sample.parent
    window.resize(1400, 900)
    window.show()
    window.open_workspace(sample)
    probe = Probe()

    pane, view = window.pane, window.pane.diagram
    pane.setCurrentWidget(pane.diagram)
    took, stalls = [], []
    for row in range(window.proxy.rowCount()):
        pane.setCurrentWidget(pane.diagram)
        probe.run(lambda r=row: window.table.selectRow(r), lambda: not view.busy)  # the as-is diagram
        window.editor.redesign_actions.apply_suggestions_action.trigger()  # brings the redesign tab forward
        # back to the diagram tab: drawn again, as-is and to-be side by side
        seconds, gap = probe.run(lambda: pane.setCurrentWidget(pane.diagram), lambda: not view.busy)
        took.append(seconds)
        stalls.append(gap)
    print(f"diagrams of the {len(took)} sample procedures, as-is and to-be side by side:")
    print(f"  drawn in   median {ms(statistics.median(took))}, longest {ms(max(took))}")
    print(f"  GUI stall  median {ms(statistics.median(stalls))}, longest {ms(max(stalls))}")

    pages = SHARED_DATA / "portal-pages"
    if not args.sample_only and pages.is_dir():
        corpus = folder / "corpus.sqlite"
        Workspace.open(corpus).close()
        window.open_workspace(corpus)
        holder: dict[str, object] = {}

        def start_import() -> None:
            holder["dialog"] = window.io.start_import([pages])

        seconds, gap = probe.run(start_import, lambda: not holder["dialog"].running)
        report = holder["dialog"].report
        print(f"import of {pages} ({report.files if report else '?'} files) through the Import dialog:")
        print(f"  took {seconds:.1f} s, longest GUI stall {ms(gap)}")
        holder["dialog"].close()
        # The catalog's figures are computed again after an import (the dashboard's loader, when this build has
        # one): let them finish so that the export below is measured alone.
        loader = getattr(getattr(window, "overview", None), "loader", None)
        probe.run(lambda: None, lambda: not getattr(loader, "running", False))

        began = time.perf_counter()
        dialog = window.io.open_export()
        opened = time.perf_counter() - began
        dialog.all_scope.setChecked(True)
        for kind, name in (("catalog-xlsx", "catalog.xlsx"), ("spec-docx", "spec.docx")):
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
            dialog.output.setText(str(folder / name))
            seconds, gap = probe.run(dialog.start, lambda: not dialog.running)
            print(f"{kind} export of {dialog.count()} procedures through the Export dialog:")
            print(f"  took {seconds:.1f} s, longest GUI stall {ms(gap)}")
        print(f"  (the dialog itself opened in {ms(opened)})")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
