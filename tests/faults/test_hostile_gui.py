"""Hostile files through the workbench's File › Import… (issue 8), end to end.

Each case of :mod:`tests.helpers.hostile` is chosen in the import action of a real main window (Vietnamese,
offscreen) on a copy of the sample workspace and read on the dialog's worker. Whatever the file, the window never
crashes or freezes and nothing it shows holds a traceback or a raw exception; a file that cannot be read is exactly
one sentence naming the file (and record) and the reason, and leaves the workspace as it was; afterwards the catalog
still lists and searches its procedures. Cancelling an import from the dialog changes nothing, and a cancel that
comes too late to stop an import never claims that it did. An exception in a slot would fail the test too
(pytest-qt catches those raised in Qt's event loop).

One window serves the whole module (each case opens its own copy of the workspace in it): a window per case would
triple the run time and test nothing more.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything loads Qt

import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from models.storage.workspace import Workspace
from models.text import printable
from tests.helpers.hostile import CASES, Case
from tests.test_cli import table_dump
from workbench import io_dialogs
from workbench.i18n import Translations
from workbench.io_dialogs import ImportDialog
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtCore, QtWidgets

Qt = QtCore.Qt
SAMPLE_SIZE = 15  # procedures in the sample catalog
#: What must never reach the user: a traceback, a frame, the repr of an exception or of an object.
UNCLEAR = re.compile(
    r"Traceback \(most recent call last\)|File \"[^\"]*\", line \d+|\b[A-Z]\w*(?:Error|Exception)\(|"
    r"<class '|object at 0x"
)
#: A second sentence inside a sentence.
SECOND_SENTENCE = re.compile(r"[.!?]\s+[A-ZĐ]")
#: Longest the event loop may stall while a hostile file is read. It is read on a worker, but a C parser can hold
#: the GIL: the csv module takes half a second over a 50 MB cell. A freeze is longer.
MAX_STALL_S = 2.0


def tr(context: str, text: str) -> str:
    return QtCore.QCoreApplication.translate(context, text)


def done_sentence(failures: int, stored: bool = True) -> str:
    """What the import dialog says once it is done (in the UI language); ``stored``: some record was read."""
    if not failures:
        return tr("ImportDialog", "The import is done.")
    if not stored:
        return tr(
            "ImportDialog", "Nothing was imported: no record could be read. The reasons are listed below."
        )
    return tr(
        "ImportDialog", "The import is done, but some records could not be read: they are listed below."
    )


# --- one window for the module -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Settings and the data folder live in a tmp dir, never in the user's own (module-wide: the window is)."""
    root = tmp_path_factory.mktemp("user")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TTHC_WORKBENCH_DATA_DIR", str(root / "data"))
        patch.setenv("XDG_CONFIG_HOME", str(root / "config"))
        for scope in QtCore.QSettings.Scope.UserScope, QtCore.QSettings.Scope.SystemScope:
            QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, scope, str(root / "settings"))
        yield root


@pytest.fixture(scope="module")
def message_boxes() -> Iterator[list[str]]:
    """What the window would have shown in message boxes (title and text); a real one would block the test."""
    shown: list[str] = []

    def record(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append(f"{title}\n{text}")
        return QtWidgets.QMessageBox.StandardButton.Ok

    with pytest.MonkeyPatch.context() as patch:
        for kind in ("warning", "critical", "information", "question"):
            patch.setattr(QtWidgets.QMessageBox, kind, record)
        yield shown


@pytest.fixture(scope="module")
def window(qapp: QtWidgets.QApplication, user_dirs: Path, message_boxes: list[str]) -> Iterator[MainWindow]:
    translations = Translations()
    translations.set_language("vi")  # the default UI language
    main = MainWindow(Settings(), translations)
    main.show()
    yield main
    main.close()
    main.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    translations.uninstall()


@pytest.fixture
def workspace(window: MainWindow, base: Path, tmp_path: Path, message_boxes: list[str]) -> Iterator[Path]:
    """A fresh copy of the sample workspace, open in the window; no message box shown meanwhile."""
    path = tmp_path / "w.sqlite"
    shutil.copy(base, path)
    message_boxes.clear()
    window.statusBar().clearMessage()
    assert window.open_workspace(path)
    assert window.model.rowCount() == SAMPLE_SIZE
    yield path
    dialog = window.io.dialog
    if dialog is not None:  # a failed test leaves no dialog (or import) behind for the next one
        if dialog.task is not None:
            dialog.task.stop()
        dialog.close()
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


# --- driving the window ---------------------------------------------------------------------------------------------


def choose_in_import_action(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, paths: list[Path]
) -> ImportDialog:
    """File › Import…, choosing ``paths`` in the file dialog."""
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(p) for p in paths], "")
    )
    window.io.import_action.trigger()
    dialog = window.io.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible() and dialog.running
    return dialog


def wait_for(qtbot: Any, dialog: ImportDialog, timeout_s: float) -> float:
    """Wait until the dialog's import ends; returns the longest the event loop stalled meanwhile, in seconds."""
    ticks = [time.perf_counter()]
    timer = QtCore.QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        qtbot.waitUntil(lambda: not dialog.running, timeout=int(timeout_s * 1000))
    finally:
        timer.stop()
    ticks.append(time.perf_counter())
    return max(b - a for a, b in pairwise(ticks))


def shown_text(message_boxes: list[str]) -> str:
    """Every text the user can see now: visible windows' titles, labels, text views, buttons, status bars, and
    the message boxes shown."""
    texts = list(message_boxes)
    for widget in QtWidgets.QApplication.allWidgets():  # each once: a dialog is its window's child too
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QtWidgets.QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QtWidgets.QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QtWidgets.QStatusBar):
            texts.append(widget.currentMessage())
        elif isinstance(widget, QtWidgets.QAbstractButton):
            texts.append(widget.text())
    return "\n".join(texts)


def close_and_check_usable(qtbot: Any, window: MainWindow, dialog: ImportDialog, procedures: int) -> None:
    """Close the dialog; then :func:`check_usable`."""
    dialog.close_button.click()
    qtbot.waitUntil(lambda: window.io.dialog is None)
    check_usable(qtbot, window, procedures)


def check_usable(qtbot: Any, window: MainWindow, procedures: int) -> None:
    """The window is not blocked, lists ``procedures`` and its search still narrows them."""
    assert QtWidgets.QApplication.activeModalWidget() is None and window.isEnabled()
    assert window.model.rowCount() == procedures and window.proxy.rowCount() == procedures
    qtbot.keyClicks(window.search, "khai sinh")
    found = {window.proxy.code_at(row) for row in range(window.proxy.rowCount())}
    assert {"1.001193", "2.002621"} <= found and len(found) < procedures
    window.search.clear()
    assert window.proxy.rowCount() == procedures


def one_sentence(sentence: str, where: str) -> None:
    """``sentence`` is one line, one sentence, that names ``where`` first and ends with a full stop."""
    assert sentence.startswith(where) and sentence.endswith(".") and "\n" not in sentence, sentence
    assert not UNCLEAR.search(sentence) and not SECOND_SENTENCE.search(sentence), sentence


def record_reading_threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The threads the dialog's imports run on, as they start."""
    threads: list[threading.Thread] = []
    real = io_dialogs.import_files

    def recorded(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(io_dialogs, "import_files", recorded)
    return threads


# --- every hostile case ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_file_through_the_import_dialog(
    case: Case,
    qtbot: Any,
    window: MainWindow,
    workspace: Path,
    hostile: Path,
    message_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = table_dump(workspace)
    path = hostile / case.filename
    threads = record_reading_threads(monkeypatch)
    dialog = choose_in_import_action(window, monkeypatch, [path])
    stall = wait_for(qtbot, dialog, case.seconds * 3)
    assert [t is threading.main_thread() for t in threads] == [False]  # read on the worker
    assert stall < MAX_STALL_S, f"the window froze for {stall:.2f} s"

    shown = shown_text(message_boxes)
    assert not UNCLEAR.search(shown), UNCLEAR.search(shown)
    assert not message_boxes  # the dialog says it all
    report = dialog.report
    assert report is not None, dialog.outcome  # read to the end and reported, not failed outright
    details = dialog.details.toPlainText()
    for sentence in [*map(str, report.failures), *report.warnings]:
        one_sentence(sentence, printable(str(hostile)))
        assert sentence in details
    if case.expect == "refused":
        assert dialog.outcome == done_sentence(1, stored=False)
        [failure] = report.failures
        sentence = str(failure)
        where = f"{failure.file}, {failure.record}" if case.record else failure.file
        assert failure.file == printable(str(path)) and sentence.startswith(f"{where}: "), sentence
        assert (failure.record is not None) == case.record, sentence
        assert case.reason in failure.reason, sentence
        assert not report.warnings and not report.imported and not report.updated
        assert shown.count(failure.file) == 1  # the file is named once, in its one sentence
        assert details.count(sentence) == 1
        assert table_dump(workspace) == before
        close_and_check_usable(qtbot, window, dialog, SAMPLE_SIZE)
    else:
        assert len(report.imported) + len(report.updated) + len(report.unchanged) >= 1
        assert dialog.outcome == done_sentence(len(report.failures))
        close_and_check_usable(qtbot, window, dialog, SAMPLE_SIZE + len(report.imported))
        for code in report.imported:  # each new procedure is found, and opens
            window.search.setText(code)
            assert window.proxy.rowCount() == 1 and window.proxy.code_at(0) == code
            window.table.selectRow(0)
            assert window.detail.procedure is not None and window.detail.procedure.code == code
        window.search.clear()
        assert not UNCLEAR.search(shown_text(message_boxes))


# --- cancelling -----------------------------------------------------------------------------------------------------


def gate_import(monkeypatch: pytest.MonkeyPatch, at: Callable[[int, int], bool]) -> threading.Event:
    """Make the dialog's import wait, once ``at(done, total)`` after a file, until the returned event is set: the
    user's gesture then lands at a known point of the import, never after it is over."""
    release = threading.Event()
    real = io_dialogs.import_files

    def gated(workspace: Workspace, paths: list[Path], **kwargs: Any) -> Any:
        progress = kwargs.pop("progress")

        def report_then_wait(done: int, total: int) -> None:
            progress(done, total)
            if at(done, total):
                assert release.wait(30)

        return real(workspace, paths, progress=report_then_wait, **kwargs)

    monkeypatch.setattr(io_dialogs, "import_files", gated)
    return release


@pytest.mark.parametrize("gesture", ["cancel button", "escape"])
def test_cancelling_an_import_of_the_whole_corpus_changes_nothing(
    gesture: str,
    qtbot: Any,
    window: MainWindow,
    workspace: Path,
    hostile: Path,
    message_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two files into the whole corpus, the Cancel button or Esc stops the import; nothing is written and the
    window goes on as before."""
    before = table_dump(workspace)
    release = gate_import(monkeypatch, lambda done, total: done == 2)
    dialog = choose_in_import_action(window, monkeypatch, [hostile])
    qtbot.waitUntil(lambda: dialog.progress.value() == 2)
    if gesture == "cancel button":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.running  # it waits for the worker to stop
    release.set()
    wait_for(qtbot, dialog, 30)
    assert dialog.outcome == tr("ImportDialog", "Import cancelled: the workspace was not changed.")
    assert dialog.report is None and not UNCLEAR.search(shown_text(message_boxes))
    assert table_dump(workspace) == before
    if gesture == "escape":  # Esc closes the dialog once the import stopped
        qtbot.waitUntil(lambda: window.io.dialog is None)
        check_usable(qtbot, window, SAMPLE_SIZE)
    else:
        close_and_check_usable(qtbot, window, dialog, SAMPLE_SIZE)


def test_a_cancel_too_late_to_stop_the_import_says_it_was_done(
    qtbot: Any,
    window: MainWindow,
    workspace: Path,
    hostile: Path,
    message_boxes: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancel pressed once every file was read, while the batch is written: the import is done, so the dialog
    must say so and the catalog show it, not claim that the workspace was not changed."""
    release = gate_import(monkeypatch, lambda done, total: done == total)
    path = hostile / next(case.filename for case in CASES if case.name == "json-duplicate-codes")
    dialog = choose_in_import_action(window, monkeypatch, [path])
    qtbot.waitUntil(lambda: dialog.progress.value() == 1)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    wait_for(qtbot, dialog, 30)
    report = dialog.report
    assert report is not None and report.imported, dialog.outcome
    assert dialog.outcome == done_sentence(len(report.failures))
    with Workspace.open(workspace, create=False) as ws:
        assert len(ws.summaries()) == SAMPLE_SIZE + len(report.imported)
    close_and_check_usable(qtbot, window, dialog, SAMPLE_SIZE + len(report.imported))
