"""``tthc-workbench --screenshot OUT_DIR``: every main view of the workbench, drawn offscreen to PNG files.

The views are pictured on a copy of the workspace in a temporary folder (the bundled sample catalog by default), so
that applying the suggestions for the redesign picture changes nothing the user keeps; the settings are kept there
too. Each picture has the same size (1400 × 900 unless told otherwise) and the same content for the same workspace:
catalog.png, procedure.png, diagram.png, redesign.png, dashboard.png (when this build has a dashboard) and
trainer.png. ``scripts/screenshots.sh`` regenerates docs/screenshots/ with it.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from models.errors import TthcError
from workbench.i18n import Translations
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtCore, QtWidgets

SIZE = (1400, 900)
SAMPLE_CODE = "1.001193"  # birth registration: items of every grade, a result, lookups to suggest
TIMEOUT = 60.0
VIEWS = ("catalog", "procedure", "diagram", "redesign", "dashboard", "trainer")


class ScreenshotError(TthcError):
    """A view could not be pictured (a workspace that cannot be copied, a drawing that never finished...)."""


def _wait(done: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    """Run the event loop until ``done()`` (the workers deliver their results through it)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise ScreenshotError(f"Gave up waiting for {what} after {timeout:.0f} s.")
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    QtWidgets.QApplication.processEvents()


def copy_workspace(source: str | Path | None, folder: Path) -> Path:
    """A copy of the workspace file ``source`` (a consistent snapshot, even while it is open elsewhere) in
    ``folder``; without ``source``, the bundled sample workspace built there."""
    if source is None:
        from workbench.app import ensure_sample_workspace

        return ensure_sample_workspace(folder).path
    text = str(source)
    if "://" in text:
        raise ScreenshotError("Screenshots need a workspace file: a database URL cannot be copied.")
    path = Path(text).expanduser()
    if not path.is_file():
        raise ScreenshotError(f"Workspace {path} does not exist.")
    target = folder / "workspace.sqlite"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _save(widget: QtWidgets.QWidget, path: Path) -> Path:
    QtWidgets.QApplication.processEvents()
    if not widget.grab().save(str(path), "PNG"):
        raise ScreenshotError(f"Cannot write {path}.")
    return path


def _select(window: MainWindow, code: str | None) -> str:
    """Select ``code`` in the catalog (else its first procedure); returns the code selected."""
    model, proxy = window.model, window.proxy
    row = model.row_of(code) if code else None
    if row is None:
        row = 0
    window.search.clear()
    window.table.selectRow(proxy.mapFromSource(model.index(row, 0)).row())
    _wait(lambda: window.detail.procedure is not None, "the procedure")
    assert window.detail.procedure is not None
    return window.detail.procedure.code


def take_screenshots(
    out_dir: Path,
    workspace: str | Path | None = None,
    *,
    size: tuple[int, int] = SIZE,
    language: str = "vi",
    code: str | None = SAMPLE_CODE,
    report: Callable[[str], None] = lambda line: None,
) -> list[Path]:
    """Picture every main view into ``out_dir``; returns the files written. ``report`` hears what was skipped.

    Raises ScreenshotError (or the workspace's own TthcError) when a view cannot be pictured.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QtWidgets.QApplication.instance()
    assert app is not None, "a QApplication is needed"
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="tthc-screenshots-") as tmp:
        folder = Path(tmp)
        for scope in QtCore.QSettings.Scope.UserScope, QtCore.QSettings.Scope.SystemScope:
            QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, scope, str(folder / "settings"))
        copy = copy_workspace(workspace, folder)
        translations = Translations()
        translations.set_language(language)
        window = MainWindow(Settings(), translations)
        try:
            window.resize(*size)
            window.show()
            if not window.open_workspace(copy):
                raise ScreenshotError("The workspace could not be opened.")
            _settle(window)
            window.analysis.analyse_action.trigger()  # findings for the catalog's columns and the dashboard
            _wait(lambda: window.analysis.task is None, "the catalog analysis")
            _settle(window)
            window.splitter.setSizes([size[0] * 9 // 20, size[0] * 11 // 20])
            _select(window, code)
            pane = window.pane
            pane.setCurrentWidget(pane.published)
            written.append(_save(window, out_dir / "catalog.png"))

            window.splitter.setSizes([size[0] * 3 // 10, size[0] * 7 // 10])
            analysis = window.detail.analysis
            finding = next((f for f in analysis.findings if f.data_source), None) if analysis else None
            if finding is not None:
                pane.show_item(finding.item_index)
            written.append(_save(window, out_dir / "procedure.png"))

            pane.editor.redesign_actions.apply_suggestions_action.trigger()  # in the copy: the user's workspace is untouched
            pane.setCurrentWidget(pane.diagram)
            _wait(lambda: pane.diagram.diagram is not None and not pane.diagram.busy, "the diagram")
            written.append(_save(window, out_dir / "diagram.png"))

            pane.setCurrentWidget(pane.editor)
            pane.editor.select_item(0)
            written.append(_save(window, out_dir / "redesign.png"))

            shot = _dashboard(window, out_dir / "dashboard.png")
            if shot is None:
                report("dashboard: skipped, this build of the workbench has no dashboard")
            else:
                written.append(shot)

            pane.open_trainer(full_screen=False)
            trainer = pane.trainer
            if trainer is None:
                raise ScreenshotError("The trainer did not open: the proposal has no change.")
            trainer.resize(*size)
            _wait(lambda: bool(trainer.steps), "the trainer")
            trainer.next()
            _wait(
                lambda: trainer.diagram.diagram is not None and not trainer.diagram.busy,
                "the trainer's diagram",
            )
            written.append(_save(trainer, out_dir / "trainer.png"))
            trainer.close()
        finally:
            window.close()
            translations.uninstall()
    return written


def _settle(window: MainWindow) -> None:
    """Wait for the catalog's figures, computed in the background when this build has them."""
    loader = getattr(getattr(window, "overview", None), "loader", None)
    _wait(lambda: not getattr(loader, "running", False), "the catalog's figures")


def _dashboard(window: MainWindow, path: Path) -> Path | None:
    """The dashboard tab, when this build has one (:mod:`workbench.dashboard`), then back to the catalog."""
    overview = getattr(window, "overview", None)
    if importlib.util.find_spec("workbench.dashboard") is None or overview is None:
        return None
    refresh = getattr(overview, "refresh", None)
    if callable(refresh):  # the figures again, with the proposal just made
        refresh()
    _settle(window)
    overview.show_dashboard()
    try:
        return _save(window, path)
    finally:
        overview.show_catalog()


def main(out_dir: Path, workspace: str | None, size: tuple[int, int], language: str) -> int:
    """The ``--screenshot`` mode of ``tthc-workbench``: exit status 0, or 1 with one sentence on stderr."""
    try:
        for path in take_screenshots(
            out_dir, workspace, size=size, language=language, report=lambda line: print(line, file=sys.stderr)
        ):
            print(path)
    except TthcError as error:
        print(str(error), file=sys.stderr)
        return 1
    return 0
