"""The right-hand pane of the main window: one procedure as published (with its analysis) and its redesign.

Two tabs: the published procedure with finding badges beside a side panel that explains the selected finding, and
the :class:`~workbench.redesign_editor.RedesignEditor`. Ctrl+1 and Ctrl+2 switch between them; a change, undo or
redo brings the redesign tab forward so its effect is seen.
"""

from __future__ import annotations

from models.procedure import Procedure
from models.workspace import Workspace
from workbench.analysis_panel import AnalysisContext, FindingPanel
from workbench.procedure_view import ProcedureView
from workbench.qt import QtCore, QtGui, QtWidgets, Signal
from workbench.redesign_editor import RedesignEditor

Qt = QtCore.Qt


class ProcedurePane(QtWidgets.QTabWidget):
    """The selected procedure: published view and findings, and the redesign editor."""

    status = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: AnalysisContext | None = None
        self.view = ProcedureView()
        self.panel = FindingPanel()
        self.editor = RedesignEditor()
        self.published = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.published.setObjectName("publishedSplitter")
        self.published.addWidget(self.view)
        self.published.addWidget(self.panel)
        self.published.setStretchFactor(0, 3)
        self.published.setStretchFactor(1, 1)
        self.published.setChildrenCollapsible(False)
        self.addTab(self.published, "")
        self.addTab(self.editor, "")
        self.show_published_action = QtGui.QAction(self)
        self.show_published_action.setShortcut(QtGui.QKeySequence("Ctrl+1"))
        self.show_published_action.triggered.connect(lambda: self._show(self.published, self.view))
        self.show_redesign_action = QtGui.QAction(self)
        self.show_redesign_action.setShortcut(QtGui.QKeySequence("Ctrl+2"))
        self.show_redesign_action.triggered.connect(lambda: self._show(self.editor, self.editor.items_view))
        self.view.item_selected.connect(self.show_item)
        self.editor.status.connect(self.status)
        for action in (
            *self.editor.actions.change_actions,
            self.editor.actions.undo_action,
            self.editor.actions.redo_action,
        ):
            action.triggered.connect(lambda _checked=False: self.setCurrentWidget(self.editor))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Published"))
        self.setTabText(1, self.tr("Redesign"))
        self.setTabToolTip(
            0, self.tr("The procedure as published, with the analysis of its dossier (Ctrl+1)")
        )
        self.setTabToolTip(1, self.tr("The proposal: the to-be version and its changes (Ctrl+2)"))
        self.setAccessibleName(self.tr("Selected procedure"))
        self.show_published_action.setText(self.tr("&Published procedure"))
        self.show_redesign_action.setText(self.tr("&Redesign"))

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, tab: QtWidgets.QWidget, focus: QtWidgets.QWidget) -> None:
        self.setCurrentWidget(tab)
        focus.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- what is shown ----------------------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None, context: AnalysisContext | None = None) -> None:
        """Work on ``workspace`` (its registry and cost parameters read now), or on none."""
        self.context = context or (AnalysisContext(workspace) if workspace is not None else None)
        self.editor.set_context(self.context)
        self.show_message()

    def show_procedure(self, procedure: Procedure) -> None:
        """Show ``procedure`` as published with its analysis, and open its proposal in the editor."""
        if self.context is None:
            self.view.show_procedure(procedure)
            return
        analysis = self.context.analyse(procedure)
        self.view.show_procedure(procedure, analysis)
        self.panel.clear_finding()
        self.editor.open_procedure(procedure.code, analysis)

    def show_message(self, message: str | None = None) -> None:
        self.view.show_message(message)
        self.panel.clear_finding()
        self.editor.close_procedure()

    def refresh_analysis(self) -> None:
        """Show the current procedure again with the findings just stored (after a catalog analysis)."""
        procedure = self.view.procedure
        if procedure is not None:
            self.show_procedure(procedure)

    def show_item(self, index: int) -> None:
        """Explain item ``index`` of the shown procedure in the side panel."""
        procedure, analysis = self.view.procedure, self.view.analysis
        if procedure is None or analysis is None or not 0 <= index < len(procedure.items):
            return
        finding = analysis.finding(index)
        source = (
            self.context.source_names.get(finding.data_source)
            if finding is not None and finding.data_source and self.context
            else None
        )
        self.panel.show_finding(procedure.items[index].name, finding, source, stored=analysis.stored)
