"""What every benchmark here shares: timing a call after a garbage collection, and the shared corpus's place."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def timed(function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """(seconds, result) of one call, measured after a collection so earlier garbage does not count."""
    gc.collect()
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def workbench_window(sources: Sequence[Path], prefix: str = "tthc-bench-") -> tuple[Any, Any, Path]:
    """The main window (offscreen when QT_QPA_PLATFORM says so, in Vietnamese) on a new workspace holding
    ``sources``, in a temporary folder that keeps Qt's settings too: (application, window, workspace path)."""
    from catalog.importing.importer import import_paths
    from models.storage.workspace import Workspace
    from workbench.app import tune_gc_for_the_window
    from workbench.i18n import Translations
    from workbench.main_window import MainWindow, Settings
    from workbench.qt import QtCore, QtWidgets

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    for scope in QtCore.QSettings.Scope.UserScope, QtCore.QSettings.Scope.SystemScope:
        QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, scope, str(folder / "settings"))
    path = folder / "bench.sqlite"
    with Workspace.open(path) as workspace:
        import_paths(workspace, list(sources))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    translations = Translations(app)
    translations.set_language("vi")
    window = MainWindow(Settings(), translations)
    tune_gc_for_the_window(app)  # as the app does once its window is made
    return app, window, path
