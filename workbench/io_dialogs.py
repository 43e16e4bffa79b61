"""Importing into and exporting from the open workspace: File > Import…, File > Export…, and files dropped on the window.

- :class:`ImportDialog` runs :func:`workbench.services.importing.import_files` on a :class:`~workbench.workers.Task` with a
  progress bar and a Cancel button (a cancelled import writes nothing: it is one transaction; a cancel that comes
  once every file is read and the batch written is too late, and the import is reported as done), then shows the
  report in the same dialog: how many procedures were imported, updated and unchanged, and each failure and warning
  as the one sentence the importer wrote, naming the file and the record.
- :class:`ExportDialog` writes any kind :mod:`workbench.services.export` knows (the same registry, functions and
  parameters as ``tthc export``) for the selected procedure, the procedures the catalog shows, or the whole catalog, as published
  or as a proposal redesigns them, on a worker with progress and cancel (a cancelled export leaves no file).
- :class:`ImportExport` holds the two actions and accepts files and folders dropped on the main window.

Both dialogs are window-modal but never block the event loop: the window keeps painting while they work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from exporters.safety import safe_filename
from models.errors import TthcError
from models.jobs import CancelCheck, Progress
from models.storage.proposals import DEFAULT_PROPOSAL, Proposals
from models.storage.summaries import ProcedureSummary
from models.storage.workspace import Workspace
from workbench.analysis_html import esc
from workbench.i18n import current_language
from workbench.qt import QtCore, QtGui, QtWidgets, Signal, translate
from workbench.services.export import KINDS, ExportRequest, export, suffix
from workbench.services.importing import ImportReport, import_files
from workbench.workers import Job, Task

if TYPE_CHECKING:
    from workbench.main_window import MainWindow

Qt = QtCore.Qt


def _progress_bar() -> QtWidgets.QProgressBar:
    bar = QtWidgets.QProgressBar()
    bar.setRange(0, 0)
    bar.hide()
    return bar


def _set_progress(bar: QtWidgets.QProgressBar, done: int, total: int) -> None:
    """Show ``done`` of ``total`` (busy while the total is unknown)."""
    bar.setRange(0, max(total, 0))
    if total:
        bar.setValue(min(done, total))


#: What the dialog's job returns when it succeeds.
ResultT = TypeVar("ResultT")


class _WorkerDialog(QtWidgets.QDialog, Generic[ResultT]):
    """A dialog running one :class:`Task` at a time; closing it while the task runs cancels it and waits for it."""

    def __init__(self, parent: QtWidgets.QWidget | None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self._close_when_done = False
        self.outcome = ""  # the last sentence shown, for tests and for screen readers
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.progress = _progress_bar()

    @property
    def running(self) -> bool:
        return self.task is not None

    def _run(self, task: Task) -> None:
        self.task = task
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.was_cancelled.connect(self._cancelled)
        task.finished.connect(self._task_finished)
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self._say(self._cancelling())
            self.task.cancel()

    def _say(self, sentence: str) -> None:
        self.outcome = sentence
        self.message.setText(sentence)

    def reject(self) -> None:
        if self.task is not None:  # Esc or the close button while working: cancel, close once it stopped
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.task is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _task_finished(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.wait()
            task.deleteLater()
        self._idle()
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def _failed(self, sentence: str) -> None:
        self._say(sentence)  # even after a cancel request: a cancelled job raises Cancelled, not an error

    def _progressed(self, done: int, total: int) -> None:
        _set_progress(self.progress, done, total)

    def _cancelling(self) -> str:
        raise NotImplementedError

    def _succeeded(self, result: ResultT) -> None:
        raise NotImplementedError

    def _cancelled(self) -> None:
        raise NotImplementedError

    def _idle(self) -> None:
        raise NotImplementedError


# --- import -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    report: ImportReport
    summaries: list[ProcedureSummary]  # the catalog as it is now, read on the worker too


def import_job(workspace: Workspace, paths: Sequence[Path]) -> Job:
    """Import ``paths`` into ``workspace`` on the worker, then read the catalog's summaries there too (a few
    tenths of a second for thousands of procedures, which the GUI thread is spared); a cancel changes nothing."""

    def job(progress: Progress, cancelled: CancelCheck) -> ImportOutcome:
        report = import_files(workspace, paths, progress=progress, cancelled=cancelled)
        return ImportOutcome(report, workspace.summaries())

    return job


def report_html(report: ImportReport) -> str:
    """The import report for people: counts, then each failure and warning as its one sentence."""
    counts = translate(
        "ImportDialog",
        "{imported} procedures imported, {updated} updated, {unchanged} unchanged, from {files} files.",
    ).format(
        imported=len(report.imported),
        updated=len(report.updated),
        unchanged=len(report.unchanged),
        files=report.files,
    )
    parts = [f"<p><b>{esc(counts)}</b></p>"]
    if report.updated:
        lines = "".join(
            f"<li>{esc(code)}: {esc(', '.join(fields))}</li>" for code, fields in report.updated.items()
        )
        heading = translate("ImportDialog", "Updated, with the fields that changed")
        parts.append(f"<h4>{esc(heading)}</h4>")
        parts.append(f"<ul>{lines}</ul>")
    for title, sentences in (
        (translate("ImportDialog", "Not imported"), [str(f) for f in report.failures]),
        (translate("ImportDialog", "Warnings"), report.warnings),
    ):
        if sentences:
            parts.append(f"<h4>{esc(title)} ({len(sentences)})</h4>")
            parts.append("<ul>" + "".join(f"<li>{esc(s)}</li>" for s in sentences) + "</ul>")
    return "".join(parts)


class ImportDialog(_WorkerDialog["ImportOutcome"]):
    """Import files and folders into a workspace, with progress and cancel, then show what happened."""

    imported = Signal(object)  # the ImportOutcome, once the workspace holds the batch

    def __init__(
        self, workspace: Workspace, paths: Sequence[Path], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.paths = [Path(p) for p in paths]
        self.report: ImportReport | None = None
        self.setMinimumSize(640, 360)
        self.details = QtWidgets.QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.hide()
        self.buttons = QtWidgets.QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import"))
        self.message.setAccessibleName(self.tr("Import status"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.details.setAccessibleName(self.tr("Import report"))

    def start(self) -> None:
        """Start importing, in the background."""
        self._say(
            self.tr("Importing {count} files or folders into {workspace}…").format(
                count=len(self.paths), workspace=self.workspace.label
            )
        )
        self.progress.show()
        # A cancel that comes once the batch is written (after the last file) cannot undo it: the import returns,
        # and is reported as done.
        self._run(Task(import_job(self.workspace, self.paths), self))

    def _cancelling(self) -> str:
        return self.tr("Cancelling the import…")

    def _progressed(self, done: int, total: int) -> None:
        super()._progressed(done, total)
        self.message.setText(self.tr("Reading file {done} of {total}…").format(done=done, total=total))

    def _succeeded(self, outcome: ImportOutcome) -> None:
        report = self.report = outcome.report
        if not report.failures:
            said = self.tr("The import is done.")
        elif report.imported or report.updated or report.unchanged:
            said = self.tr("The import is done, but some records could not be read: they are listed below.")
        else:
            said = self.tr("Nothing was imported: no record could be read. The reasons are listed below.")
        self._say(said)
        self.details.setHtml(report_html(report))
        self.details.show()
        self.imported.emit(outcome)

    def _cancelled(self) -> None:
        self._say(self.tr("Import cancelled: the workspace was not changed."))

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setFocus()


# --- export -------------------------------------------------------------------------------------------------------


def export_job(workspace: Workspace, request: ExportRequest) -> Job:
    """Write ``request`` on the worker; a file that cannot be written is one sentence."""

    def job(progress: Progress, cancelled: CancelCheck) -> int:
        try:
            return export(workspace, request, progress=progress, cancelled=cancelled)
        except OSError as error:
            raise TthcError(
                translate("ExportDialog", "Cannot write {path}: {reason}.").format(
                    path=request.output, reason=error.strerror or error
                )
            ) from error

    return job


class ExportDialog(_WorkerDialog[int]):
    """Choose what to export, in which form, where; then write it in the background."""

    exported = Signal(str)  # the path written

    def __init__(
        self,
        workspace: Workspace,
        current: str | None,
        shown: Sequence[str],
        total: int,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.current = current
        self.shown = list(shown)
        self.total = total
        self.written: Path | None = None
        self.kind = QtWidgets.QComboBox()
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.current_scope = QtWidgets.QRadioButton()
        self.shown_scope = QtWidgets.QRadioButton()
        self.all_scope = QtWidgets.QRadioButton()
        self.current_scope.setEnabled(current is not None)
        (self.current_scope if current is not None else self.all_scope).setChecked(True)
        self.use_proposal = QtWidgets.QCheckBox()
        self.proposal = QtWidgets.QComboBox()
        self.proposal.setEditable(True)
        names = {DEFAULT_PROPOSAL, *(info.name for info in Proposals(workspace).infos())}
        self.proposal.addItems(sorted(names))
        self.proposal.setCurrentText(DEFAULT_PROPOSAL)
        self.format = QtWidgets.QComboBox()
        self.format.addItems(KINDS["diagram"].formats)
        self.output = QtWidgets.QLineEdit()
        self.browse_button = QtWidgets.QPushButton()
        self.buttons = QtWidgets.QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.cancel_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.cancel_button.hide()
        self._layout()
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_output)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.browse_button.clicked.connect(self.browse)
        self.kind.currentIndexChanged.connect(self._choice_changed)
        self.format.currentIndexChanged.connect(self._choice_changed)
        for scope in (self.current_scope, self.shown_scope, self.all_scope):
            scope.toggled.connect(self._choice_changed)
        self.use_proposal.toggled.connect(self._choice_changed)
        self.retranslate()
        self._choice_changed()

    def _layout(self) -> None:
        scopes = QtWidgets.QVBoxLayout()
        for scope in (self.current_scope, self.shown_scope, self.all_scope):
            scopes.addWidget(scope)
        proposal = QtWidgets.QHBoxLayout()
        proposal.addWidget(self.use_proposal)
        proposal.addWidget(self.proposal, 1)
        output = QtWidgets.QHBoxLayout()
        output.addWidget(self.output, 1)
        output.addWidget(self.browse_button)
        self.form = QtWidgets.QFormLayout()
        self.kind_label, self.scope_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.version_label, self.format_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.output_label = QtWidgets.QLabel()
        for label, field in (
            (self.kind_label, self.kind),
            (self.scope_label, scopes),
            (self.version_label, proposal),
            (self.format_label, self.format),
            (self.output_label, output),
        ):
            self.form.addRow(label, field)
        self.kind_label.setBuddy(self.kind)
        self.scope_label.setBuddy(self.current_scope)
        self.version_label.setBuddy(self.use_proposal)
        self.format_label.setBuddy(self.format)
        self.output_label.setBuddy(self.output)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        language = current_language()
        for index, kind in enumerate(KINDS.values()):
            self.kind.setItemText(index, kind.label(language))
        self.kind_label.setText(self.tr("&What"))
        self.scope_label.setText(self.tr("&Procedures"))
        self.version_label.setText(self.tr("&Version"))
        self.format_label.setText(self.tr("&Format"))
        self.output_label.setText(self.tr("&Save to"))
        self.current_scope.setText(
            self.tr("The selected procedure ({code})").format(code=self.current)
            if self.current
            else self.tr("The selected procedure (none)")
        )
        self.shown_scope.setText(
            self.tr("The procedures the catalog shows ({count})").format(count=len(self.shown))
        )
        self.all_scope.setText(self.tr("The whole catalog ({count})").format(count=self.total))
        self.use_proposal.setText(self.tr("As this proposal redesigns them:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.export_button.setText(self.tr("&Export"))
        self.open_button.setText(self.tr("&Open"))
        for widget, name in (
            (self.kind, self.tr("Export kind")),
            (self.proposal, self.tr("Proposal name")),
            (self.format, self.tr("Diagram format")),
            (self.output, self.tr("Where to save")),
            (self.message, self.tr("Export status")),
            (self.progress, self.tr("Export progress")),
        ):
            widget.setAccessibleName(name)

    # --- the choices ------------------------------------------------------------------------------------------------

    @property
    def selected_kind(self) -> str:
        return str(self.kind.currentData())

    def codes(self) -> list[str] | None:
        """The procedures chosen (None: the whole catalog)."""
        if self.current_scope.isChecked() and self.current is not None:
            return [self.current]
        if self.shown_scope.isChecked():
            return list(self.shown)
        return None

    def count(self) -> int:
        codes = self.codes()
        return self.total if codes is None else len(codes)

    def wants_folder(self) -> bool:
        return KINDS[self.selected_kind].per_procedure and self.count() > 1

    def request(self) -> ExportRequest:
        kind = self.selected_kind
        proposal = self.proposal.currentText().strip() or DEFAULT_PROPOSAL
        return ExportRequest(
            kind=kind,
            output=Path(self.output.text().strip()).expanduser(),
            codes=self.codes(),
            proposal=proposal if self.use_proposal.isChecked() else None,
            fmt=self.format.currentText() if KINDS[kind].formats else None,
        )

    def suffix(self) -> str:
        return suffix(self.selected_kind, self.format.currentText())

    def _default_output(self) -> Path:
        folder = (
            Path(self.output.text().strip()).expanduser().parent
            if self.output.text().strip()
            else Path.home()
        )
        codes = self.codes()
        stem = safe_filename(codes[0]) if codes and len(codes) == 1 else f"tthc-{self.selected_kind}"
        return folder / (stem if self.wants_folder() else stem + self.suffix())

    def _choice_changed(self) -> None:
        kind = self.selected_kind
        plan = KINDS[kind].of_proposal
        if plan:  # the plan is of a proposal
            self.use_proposal.setChecked(True)
        self.use_proposal.setEnabled(not plan)
        self.proposal.setEnabled(self.use_proposal.isChecked())
        self.format.setEnabled(bool(KINDS[kind].formats))
        self.output.setText(str(self._default_output()))
        self.open_button.hide()

    def browse(self) -> None:
        start = self.output.text()
        if self.wants_folder():
            path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), start)
        else:
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self,
                self.tr("Export to file"),
                start,
                self.tr("{suffix} files (*{suffix});;All files (*)").format(suffix=self.suffix()),
            )
        if path:
            self.output.setText(path)

    # --- running ----------------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Export as chosen, in the background."""
        if self.running:
            return
        request = self.request()
        if not self.output.text().strip():
            self._say(self.tr("Say where to save the export."))
            return
        if self.count() == 0:
            self._say(self.tr("There is no procedure to export."))
            return
        self.written = request.output
        self._say(self.tr("Exporting {count} procedures…").format(count=self.count()))
        for widget in (self.export_button, self.close_button, self.open_button):
            widget.hide()
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        for control in (
            self.kind,
            self.output,
            self.browse_button,
            self.use_proposal,
            self.proposal,
            self.format,
        ):
            control.setEnabled(False)
        self._run(Task(export_job(self.workspace, request), self))

    def _cancelling(self) -> str:
        return self.tr("Cancelling the export…")

    def open_output(self) -> None:
        if self.written is not None:
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.written)))

    def _succeeded(self, count: int) -> None:
        self._say(self.tr("Exported {count} procedures to {path}.").format(count=count, path=self.written))
        self.open_button.show()
        self.exported.emit(str(self.written))

    def _cancelled(self) -> None:
        self._say(self.tr("Export cancelled: no file was written."))

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.show()
        self.close_button.show()
        self.kind.setEnabled(True)
        self.output.setEnabled(True)
        self.browse_button.setEnabled(True)
        self.use_proposal.setEnabled(not KINDS[self.selected_kind].of_proposal)
        self.proposal.setEnabled(self.use_proposal.isChecked())
        self.format.setEnabled(bool(KINDS[self.selected_kind].formats))


# --- the actions and drops -----------------------------------------------------------------------------------------


def dropped_paths(mime: QtCore.QMimeData) -> list[Path]:
    """The local files and folders in dropped data (links to elsewhere are not imported)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class ImportExport(QtCore.QObject):
    """File > Import… (Ctrl+I), File > Export… (Ctrl+E), and files dropped on ``window``, for its workspace."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: _WorkerDialog | None = None
        self.import_action = QtGui.QAction(window)
        self.import_action.setShortcut(QtGui.QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        self.import_folder_action = QtGui.QAction(window)
        self.import_folder_action.triggered.connect(self.choose_import_folder)
        self.export_action = QtGui.QAction(window)
        self.export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import…"))
        self.import_action.setStatusTip(
            self.tr("Import catalog files or folders into this workspace (or drop them on the window)")
        )
        self.import_folder_action.setText(self.tr("Import a &folder…"))
        self.import_folder_action.setStatusTip(
            self.tr("Import every catalog file in a folder and its subfolders into this workspace")
        )
        self.export_action.setText(self.tr("&Export…"))
        self.export_action.setStatusTip(
            self.tr("Export procedures: Word, Excel, diagrams, BPMN, CPSV-AP or JSON")
        )

    def update(self) -> None:
        """Enable the actions when a workspace is open."""
        has_workspace = self.window.workspace is not None
        self.import_action.setEnabled(has_workspace)
        self.import_folder_action.setEnabled(has_workspace)
        self.export_action.setEnabled(has_workspace)

    # --- import -----------------------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        """Ask for files and import them."""
        if self.window.workspace is None:
            return
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import catalog files"),
            "",
            self.tr("Catalog files (*.json *.xlsx *.csv *.docx);;All files (*)"),
        )
        if paths:
            self.start_import([Path(p) for p in paths])

    def choose_import_folder(self) -> None:
        """Ask for a folder and import every file in it."""
        if self.window.workspace is None:
            return
        folder = QtWidgets.QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"))
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: Sequence[Path]) -> ImportDialog | None:
        """Import ``paths`` into the window's workspace; the catalog is read again once it is done."""
        workspace = self.window.workspace
        if workspace is None or not paths or (self.dialog is not None and self.dialog.running):
            return None
        dialog = ImportDialog(workspace, paths, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self._open(dialog)
        dialog.start()
        return dialog

    def _imported(self, outcome: ImportOutcome) -> None:
        self.window.reload_catalog(outcome.summaries)

    # --- export -----------------------------------------------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        window = self.window
        if window.workspace is None:
            return None
        shown = window.detail.procedure
        codes = [window.proxy.code_at(row) for row in range(window.proxy.rowCount())]
        dialog = ExportDialog(
            window.workspace, shown.code if shown else None, codes, window.model.rowCount(), window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open(dialog)
        return dialog

    def _open(self, dialog: _WorkerDialog) -> None:
        self.dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def stop(self) -> None:
        """Cancel what a dialog is doing and wait for it (the window is closing)."""
        dialog = self.dialog
        if dialog is not None and dialog.task is not None:
            dialog.task.stop()

    # --- drops ------------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if not isinstance(event, QtGui.QDropEvent):  # drag enter and drag move events are drop events too
            return super().eventFilter(watched, event)
        if kind in (QtCore.QEvent.Type.DragEnter, QtCore.QEvent.Type.DragMove):
            if self.window.workspace is not None and dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QtCore.QEvent.Type.Drop:
            paths = dropped_paths(event.mimeData())
            if self.window.workspace is not None and paths:
                event.acceptProposedAction()
                self.start_import(paths)
                return True
        return super().eventFilter(watched, event)
