"""The whole catalog's analysis, run from the main window on a worker thread: its actions, progress and outcome.

"Analyse the whole catalog" (F5) starts :func:`~workbench.analysis_panel.catalog_analysis_job` on a
:class:`~workbench.workers.Task`; the status bar shows its progress and a cancel button, and the window stays usable
meanwhile. When the findings are stored, :attr:`CatalogAnalysisRunner.analysed` tells the views to read them again;
a failure is one sentence in a message box; a cancelled analysis stores nothing.
"""

from __future__ import annotations

from catalog.pipeline.analysis import CatalogAnalysis
from models.enums import FindingGrade
from models.storage.workspace import Workspace
from workbench.analysis_panel import CatalogAnalysisSummary, catalog_analysis_job
from workbench.qt import QtCore, QtGui, QtWidgets, Signal
from workbench.workers import Task

MESSAGE_MS = 8000


class CatalogAnalysisRunner(QtCore.QObject):
    """Runs the catalog analysis for ``window``'s workspace, one at a time."""

    analysed = Signal()  # the findings of the whole catalog were stored

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workspace: Workspace | None = None
        self.task: Task | None = None
        #: The analysis just stored, until :meth:`take_analysis` (for the catalog figures, while ``analysed`` runs).
        self.last_analysis: CatalogAnalysis | None = None
        self.analyse_action = QtGui.QAction(window)
        self.analyse_action.setShortcut(QtGui.QKeySequence("F5"))
        self.analyse_action.triggered.connect(self.start)
        self.cancel_action = QtGui.QAction(window)
        self.cancel_action.triggered.connect(self.cancel)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QtWidgets.QToolButton()
        self.cancel_button.setDefaultAction(self.cancel_action)
        self.cancel_button.hide()
        status = window.statusBar()
        status.insertPermanentWidget(0, self.progress)
        status.insertPermanentWidget(1, self.cancel_button)
        self.retranslate()
        self._update_actions()

    def retranslate(self) -> None:
        self.analyse_action.setText(self.tr("Analyse the whole &catalog"))
        self.analyse_action.setStatusTip(
            self.tr("Grade every dossier item against the data-source registry and store the findings")
        )
        self.cancel_action.setText(self.tr("C&ancel the analysis"))
        self.progress.setAccessibleName(self.tr("Analysis progress"))

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Analyse ``workspace`` from now on; an analysis of the previous one is stopped first."""
        self.stop()
        self.workspace = workspace
        self._update_actions()

    # --- running ----------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Analyse every procedure in the background; the window stays responsive and the analysis can be cancelled."""
        if self.workspace is None or self.task is not None:
            return
        task = Task(catalog_analysis_job(self.workspace), self)
        task.connect_outcome(
            progressed=self._progressed,
            succeeded=self._succeeded,
            failed=self._failed,
            was_cancelled=self._cancelled,
            finished=self._finished,
        )
        self.task = task
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.show()
        self.cancel_button.show()
        self.window.statusBar().showMessage(self.tr("Analysing the catalog…"))
        self._update_actions()
        task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.window.statusBar().showMessage(self.tr("Cancelling the analysis…"))

    def stop(self) -> None:
        """Cancel a running analysis and wait for it, dropping its outcome (its workspace is going away)."""
        task, self.task = self.task, None
        if task is None:
            return
        task.abandon()
        self._idle()

    # --- its outcome, on the GUI thread -------------------------------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _succeeded(self, summary: CatalogAnalysisSummary) -> None:
        grades = summary.grades
        self.window.statusBar().showMessage(
            self.tr(
                "Analysed {procedures} procedures: {redundant} items redundant, {potential} potentially redundant, "
                "{state} issued by the state."
            ).format(
                procedures=summary.procedures,
                redundant=grades[FindingGrade.REDUNDANT],
                potential=grades[FindingGrade.POTENTIALLY_REDUNDANT],
                state=grades[FindingGrade.ISSUED_BY_STATE],
            )
        )
        self.last_analysis = summary.analysis
        self.analysed.emit()
        self.last_analysis = None

    def take_analysis(self) -> CatalogAnalysis | None:
        """The analysis whose findings were just stored (only while :attr:`analysed` is being emitted)."""
        analysis, self.last_analysis = self.last_analysis, None
        return analysis

    def _failed(self, sentence: str) -> None:
        self.window.statusBar().clearMessage()
        QtWidgets.QMessageBox.warning(self.window, self.tr("Analysis"), sentence)

    def _cancelled(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("Analysis cancelled: the stored findings are unchanged."), MESSAGE_MS
        )

    def _finished(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        self._idle()

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self._update_actions()

    def _update_actions(self) -> None:
        running = self.task is not None
        self.analyse_action.setEnabled(self.workspace is not None and not running)
        self.cancel_action.setEnabled(running)
