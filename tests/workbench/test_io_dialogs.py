"""File > Import and File > Export: on a worker with progress and cancel, a report in sentences, files that open."""

from __future__ import annotations

import errno
import json
import os
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from lxml import etree

from models.enums import Level
from models.errors import WorkspaceError
from models.storage.workspace import Workspace
from tests.workbench.conftest import select, simple
from workbench import io_dialogs
from workbench.io_dialogs import ExportDialog, ImportDialog
from workbench.main_window import MainWindow
from workbench.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
BIRTH = "1.001193"


def tr(context: str, text: str) -> str:
    return QtCore.QCoreApplication.translate(context, text)


def write_catalog(path: Path, *procedures) -> Path:
    document = {
        "format": "tthc-workbench",
        "version": 1,
        "procedures": [p.model_dump(mode="json") for p in procedures],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def finished(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)


def fails_once_cancelled(error: BaseException) -> Callable[..., Any]:
    """A core function that, like a real one meeting a full disk while it stops, fails with ``error`` after the
    user asked it to stop (it does not raise Cancelled)."""

    def run(*args: Any, cancelled: Callable[[], bool], **kwargs: Any) -> Any:
        deadline = time.monotonic() + 10
        while not cancelled():
            assert time.monotonic() < deadline, "the dialog never asked to cancel"
            time.sleep(0.005)
        raise error

    return run


# --- import -------------------------------------------------------------------------------------------------------


def test_an_import_runs_with_progress_and_reports_in_sentences(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(ImportDialog, "_progressed", lambda self, done, total: seen.append((done, total)))
    good = write_catalog(
        tmp_path / "new.json", simple("9.000001", "Thủ tục mới", items=2, levels=[Level.COMMUNE])
    )
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "tthc-workbench", "version": 1, "procedures": [{"name": "no code"}]}')
    before = window.model.rowCount()
    dialog = window.io.start_import([good, bad])
    assert isinstance(dialog, ImportDialog) and dialog.isVisible() and dialog.running
    finished(qtbot, dialog)
    assert seen and seen[-1] == (2, 2)  # each file read is reported
    report = dialog.report
    assert report is not None and report.imported == ["9.000001"] and len(report.failures) == 1
    failure = str(report.failures[0])
    assert str(bad) in failure and failure.endswith(".") and "\n" not in failure
    text = dialog.details.toPlainText()
    assert failure in text  # each failure as its one sentence, naming the file and record
    assert "1" in text.splitlines()[0]
    assert dialog.outcome == tr(
        "ImportDialog", "The import is done, but some records could not be read: they are listed below."
    )
    assert window.model.rowCount() == before + 1  # the catalog is read again
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()


def test_a_cancelled_import_changes_nothing(
    qtbot, window: MainWindow, workspace_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        write_catalog(folder / f"{n:02}.json", simple(f"9.{n:06}", f"Thủ tục {n}", items=1, levels=[]))
    dialog = window.io.start_import([folder])
    dialog.cancel()
    finished(qtbot, dialog)
    assert dialog.outcome == tr("ImportDialog", "Import cancelled: the workspace was not changed.")
    assert dialog.report is None
    with Workspace.open(workspace_path) as workspace:
        assert len(workspace.summaries()) == 4


def test_an_error_after_a_cancel_request_is_reported_as_the_error(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "Could not write to workspace w.sqlite: disk full."
    monkeypatch.setattr(io_dialogs, "import_files", fails_once_cancelled(WorkspaceError(sentence)))
    dialog = window.io.start_import(
        [write_catalog(tmp_path / "a.json", simple("9.000003", "X", items=1, levels=[]))]
    )
    dialog.cancel()
    finished(qtbot, dialog)
    assert dialog.outcome == sentence  # not "Import cancelled": the workspace may not be as it was
    assert dialog.message.text() == sentence and dialog.report is None


def test_an_import_that_fails_is_one_sentence(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = window.io.start_import([tmp_path / "missing.json"])
    finished(qtbot, dialog)
    assert dialog.report is not None and dialog.report.failures
    assert f"{tmp_path / 'missing.json'}: no such file or folder." in dialog.details.toPlainText()


def test_dropping_a_file_on_the_window_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = write_catalog(tmp_path / "drop.json", simple("9.000002", "Thủ tục thả", items=1, levels=[]))
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    at = QtCore.QPointF(window.rect().center())
    enter = QtGui.QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(
        at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QtWidgets.QApplication.sendEvent(window, drop)
    dialog = window.io.dialog
    assert isinstance(dialog, ImportDialog)
    finished(qtbot, dialog)
    assert dialog.report is not None and dialog.report.imported == ["9.000002"]
    assert window.model.row_of("9.000002") is not None


# --- export -------------------------------------------------------------------------------------------------------


@pytest.fixture
def exporting(qtbot, sample_window: MainWindow) -> ExportDialog:
    """Birth registration with its suggestions applied, then Ctrl+E."""
    select(sample_window, BIRTH)
    sample_window.editor.redesign_actions.apply_suggestions_action.trigger()
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    qtbot.keyClick(sample_window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = sample_window.io.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.current == BIRTH and dialog.current_scope.isChecked()
    return dialog


def run_export(qtbot, dialog: ExportDialog, kind: str, output: Path, *, fmt: str | None = None) -> Path:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    if fmt:
        dialog.format.setCurrentText(fmt)
    dialog.output.setText(str(output))
    dialog.export_button.click()
    finished(qtbot, dialog)
    assert dialog.outcome == tr("ExportDialog", "Exported {count} procedures to {path}.").format(
        count=dialog.count(), path=output
    ), dialog.outcome
    assert output.exists() and not Path(f"{output}.part").exists()
    return output


def test_every_export_kind_writes_a_file_that_opens(qtbot, exporting: ExportDialog, tmp_path: Path) -> None:
    data = json.loads(run_export(qtbot, exporting, "json", tmp_path / "a.json").read_text(encoding="utf-8"))
    assert [p["code"] for p in data["procedures"]] == [BIRTH]
    assert Document(str(run_export(qtbot, exporting, "spec-docx", tmp_path / "spec.docx"))).paragraphs
    for kind in ("catalog-xlsx", "cost-xlsx", "findings-xlsx"):
        workbook = openpyxl.load_workbook(run_export(qtbot, exporting, kind, tmp_path / f"{kind}.xlsx"))
        assert workbook.sheetnames
    svg = run_export(qtbot, exporting, "diagram", tmp_path / "d.svg", fmt="svg").read_bytes()
    assert svg.startswith(b"<?xml") and b'id="item:0"' in svg
    png = run_export(qtbot, exporting, "diagram", tmp_path / "d.png", fmt="png")
    assert QtGui.QImage(str(png)).width() > 100
    assert run_export(qtbot, exporting, "diagram", tmp_path / "d.pdf", fmt="pdf").read_bytes()[:4] == b"%PDF"
    root = etree.parse(str(run_export(qtbot, exporting, "bpmn", tmp_path / "p.bpmn"))).getroot()
    assert root.tag.endswith("definitions")
    cpsv = json.loads(run_export(qtbot, exporting, "cpsv", tmp_path / "c.jsonld").read_text(encoding="utf-8"))
    assert cpsv["@graph"]


def test_an_export_of_the_proposal_and_of_the_whole_catalog(
    qtbot, exporting: ExportDialog, tmp_path: Path
) -> None:
    exporting.use_proposal.setChecked(True)
    svg = run_export(qtbot, exporting, "diagram", tmp_path / "both.svg", fmt="svg").read_bytes()
    assert b'id="asis:item:0"' in svg and b'id="tobe:item:0"' in svg  # as-is and to-be side by side
    plan = run_export(qtbot, exporting, "plan-docx", tmp_path / "plan.docx")
    assert zipfile.is_zipfile(plan) and Document(str(plan)).paragraphs
    assert not exporting.use_proposal.isEnabled()  # a plan is always of a proposal

    exporting.kind.setCurrentIndex(exporting.kind.findData("catalog-xlsx"))
    exporting.use_proposal.setChecked(False)
    exporting.all_scope.setChecked(True)
    workbook = openpyxl.load_workbook(run_export(qtbot, exporting, "catalog-xlsx", tmp_path / "all.xlsx"))
    assert exporting.count() == 15 and workbook.sheetnames

    exporting.kind.setCurrentIndex(exporting.kind.findData("bpmn"))
    assert exporting.wants_folder() and not Path(exporting.output.text()).suffix
    folder = tmp_path / "bpmn"
    run_export(qtbot, exporting, "bpmn", folder)
    assert len(list(folder.glob("*.bpmn"))) == 15


def test_a_cancelled_export_leaves_no_file(qtbot, exporting: ExportDialog, tmp_path: Path) -> None:
    exporting.all_scope.setChecked(True)
    exporting.kind.setCurrentIndex(exporting.kind.findData("cost-xlsx"))
    folder = tmp_path / "out"
    folder.mkdir()
    exporting.output.setText(str(folder / "cost.xlsx"))
    exporting.export_button.click()
    assert exporting.cancel_button.isVisible() and exporting.progress.isVisible()
    exporting.cancel_button.click()
    finished(qtbot, exporting)
    assert exporting.outcome == tr("ExportDialog", "Export cancelled: no file was written.")
    assert list(folder.iterdir()) == []


def test_an_export_failing_after_a_cancel_request_says_why(
    qtbot, exporting: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(io_dialogs, "export", fails_once_cancelled(full))
    exporting.kind.setCurrentIndex(exporting.kind.findData("json"))
    exporting.output.setText(str(tmp_path / "out.json"))
    exporting.export_button.click()
    exporting.cancel_button.click()
    finished(qtbot, exporting)
    assert exporting.outcome == tr("ExportDialog", "Cannot write {path}: {reason}.").format(
        path=tmp_path / "out.json", reason=os.strerror(errno.ENOSPC)
    )
    assert exporting.export_button.isVisible() and not exporting.cancel_button.isVisible()


def test_an_export_done_before_the_cancel_reached_it_is_reported_done(
    qtbot, exporting: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel asked once the file is written cannot take it back: the dialog says it was exported."""
    real = io_dialogs.export
    written, asked = threading.Event(), threading.Event()

    def export_then_wait(*args: Any, **kwargs: Any) -> int:
        count = real(*args, **kwargs)
        written.set()
        assert asked.wait(10)
        return count

    monkeypatch.setattr(io_dialogs, "export", export_then_wait)
    exporting.kind.setCurrentIndex(exporting.kind.findData("json"))
    exporting.output.setText(str(tmp_path / "out.json"))
    exporting.export_button.click()
    qtbot.waitUntil(written.is_set)
    exporting.cancel_button.click()
    asked.set()
    finished(qtbot, exporting)
    assert exporting.outcome == tr("ExportDialog", "Exported {count} procedures to {path}.").format(
        count=1, path=tmp_path / "out.json"
    )
    assert (tmp_path / "out.json").exists()


def test_an_export_that_cannot_be_written_is_one_sentence(
    qtbot, exporting: ExportDialog, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    exporting.kind.setCurrentIndex(exporting.kind.findData("json"))
    exporting.output.setText(str(blocker / "out.json"))
    exporting.export_button.click()
    finished(qtbot, exporting)
    assert exporting.outcome == tr("ExportDialog", "Cannot write {path}: {reason}.").format(
        path=blocker / "out.json", reason="Not a directory"
    )


def test_the_dialog_lists_the_registry_kinds_in_the_ui_language(
    qtbot, exporting: ExportDialog, translations
) -> None:
    from workbench.services.export import KINDS

    def listed() -> list[tuple[str, str]]:
        return [
            (exporting.kind.itemData(i), exporting.kind.itemText(i)) for i in range(exporting.kind.count())
        ]

    assert listed() == [(key, kind.label("vi")) for key, kind in KINDS.items()]
    translations.set_language("en")
    exporting.retranslate()
    assert listed() == [(key, kind.label("en")) for key, kind in KINDS.items()]
    exporting.kind.setCurrentIndex(exporting.kind.findData("bpmn"))
    assert exporting.suffix() == ".bpmn" and not exporting.format.isEnabled()
