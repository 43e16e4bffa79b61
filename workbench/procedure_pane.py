"""The right-hand pane of the main window: one procedure as published (with its analysis), its redesign, its diagram.

Three tabs: the published procedure with finding badges beside a side panel that explains the selected finding, the
:class:`~workbench.redesign_editor.RedesignEditor`, and the :class:`~workbench.diagram_view.DiagramView` of the
flow (as-is and to-be side by side once the proposal changes something). Ctrl+1, Ctrl+2 and Ctrl+3 switch between
them; a change, undo or redo brings the redesign tab forward so its effect is seen. The diagram is drawn in the
background when its tab is shown and again after each change of the proposal; clicking one of its nodes selects
that item or step in the published view or the redesign editor (a double-click also opens that tab). F11 presents
the proposal change by change in the :class:`~workbench.trainer.TrainerWindow`.

Every view here shows what the workspace holds: changes are stored as they are made (the redesign editor), and the
diagram and the trainer only read, so closing or losing the window loses nothing.
"""

from __future__ import annotations

import json

from exporters.flow.diagram import parse_node_id
from models.procedure import Procedure
from models.storage.workspace import Workspace
from workbench.analysis_panel import FindingPanel
from workbench.diagram_view import DiagramView, Versions
from workbench.procedure_view import ProcedureView
from workbench.qt import QtCore, QtGui, QtWidgets, Signal
from workbench.redesign_editor import RedesignEditor
from workbench.services.analysis import AnalysisContext
from workbench.trainer import TrainerInput, TrainerWindow

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
        self.diagram = DiagramView()
        self.trainer: TrainerWindow | None = None
        self._diagram_stale = True
        self.published = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.published.setObjectName("publishedSplitter")
        self.published.addWidget(self.view)
        self.published.addWidget(self.panel)
        self.published.setStretchFactor(0, 3)
        self.published.setStretchFactor(1, 1)
        self.published.setChildrenCollapsible(False)
        self.addTab(self.published, "")
        self.addTab(self.editor, "")
        self.addTab(self.diagram, "")
        self.show_published_action = QtGui.QAction(self)
        self.show_published_action.setShortcut(QtGui.QKeySequence("Ctrl+1"))
        self.show_published_action.triggered.connect(lambda: self._show(self.published, self.view))
        self.show_redesign_action = QtGui.QAction(self)
        self.show_redesign_action.setShortcut(QtGui.QKeySequence("Ctrl+2"))
        self.show_redesign_action.triggered.connect(lambda: self._show(self.editor, self.editor.items_view))
        self.show_diagram_action = QtGui.QAction(self)
        self.show_diagram_action.setShortcut(QtGui.QKeySequence("Ctrl+3"))
        self.show_diagram_action.triggered.connect(lambda: self._show(self.diagram, self.diagram.canvas))
        self.trainer_action = QtGui.QAction(self)
        self.trainer_action.setShortcut(QtGui.QKeySequence("F11"))
        self.trainer_action.triggered.connect(self.open_trainer)
        self.trainer_action.setEnabled(False)  # until a proposal with a change is shown
        self.view.item_selected.connect(self.show_item)
        self.editor.draft_changed.connect(self._draft_changed)
        self.currentChanged.connect(self._tab_changed)
        self.diagram.canvas.node_activated.connect(self.select_node)
        self.diagram.canvas.node_opened.connect(lambda node_id: self.select_node(node_id, open_tab=True))
        self.editor.status.connect(self.status)
        for action in (
            *self.editor.redesign_actions.change_actions,
            self.editor.redesign_actions.undo_action,
            self.editor.redesign_actions.redo_action,
        ):
            action.triggered.connect(lambda _checked=False: self.setCurrentWidget(self.editor))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Published"))
        self.setTabText(1, self.tr("Redesign"))
        self.setTabText(2, self.tr("Diagram"))
        self.setTabToolTip(
            0, self.tr("The procedure as published, with the analysis of its dossier (Ctrl+1)")
        )
        self.setTabToolTip(1, self.tr("The proposal: the to-be version and its changes (Ctrl+2)"))
        self.setTabToolTip(
            2,
            self.tr(
                "The flow in swimlanes; as-is and to-be side by side once the proposal changes it (Ctrl+3)"
            ),
        )
        self.setAccessibleName(self.tr("Selected procedure"))
        self.show_published_action.setText(self.tr("&Published procedure"))
        self.show_redesign_action.setText(self.tr("&Redesign"))
        self.show_diagram_action.setText(self.tr("&Diagram"))
        self.trainer_action.setText(self.tr("&Trainer mode"))
        self.trainer_action.setStatusTip(
            self.tr("Present the proposal full screen, one change at a time (Esc leaves)")
        )

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
        self.editor.open_procedure(procedure.code, analysis, procedure)

    def show_message(self, message: str | None = None) -> None:
        self.view.show_message(message)
        self.panel.clear_finding()
        self.editor.close_procedure()
        self.diagram.clear()

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

    # --- the diagram --------------------------------------------------------------------------------------------

    def _draft_changed(self) -> None:
        self._diagram_stale = True
        self.trainer_action.setEnabled(bool(self.editor.draft and self.editor.draft.changes))
        if self.currentWidget() is self.diagram:
            self.refresh_diagram()

    def _tab_changed(self, _index: int) -> None:
        if self.currentWidget() is self.diagram and self._diagram_stale:
            self.refresh_diagram()

    def diagram_versions(self) -> Versions | None:
        """What the diagram shows now: the published version, and the to-be version when the proposal changed it."""
        draft, analysis, context = self.editor.draft, self.view.analysis, self.context
        if draft is None or analysis is None or context is None:
            return None
        changed = bool(draft.changes)
        return Versions(
            as_is=draft.published,
            findings=list(analysis.findings),
            registry=list(context.registry),
            to_be=draft.procedure.model_copy(deep=True) if changed else None,
            finder=context.findings if changed else None,
        )

    def refresh_diagram(self) -> None:
        """Draw the current procedure's diagram again, in the background."""
        self._diagram_stale = False
        versions = self.diagram_versions()
        if versions is None:
            self.diagram.clear(self.editor.title.text() if self.view.procedure is not None else None)
            return
        self.diagram.set_highlight([])
        self.diagram.show_versions(versions)

    def select_node(self, node_id: str, *, open_tab: bool = False) -> None:
        """Select what diagram node ``node_id`` stands for: an as-is item or step in the published view (its finding
        in the side panel), a to-be one in the redesign editor; ``open_tab`` also brings that tab forward."""
        panel, kind, index = parse_node_id(node_id)
        if kind not in ("item", "step") or not isinstance(index, int):
            return
        if panel == "tobe":
            (self.editor.select_item if kind == "item" else self.editor.select_step)(index)
            if open_tab:
                self._show(self.editor, self.editor.items_view if kind == "item" else self.editor.steps_view)
            return
        self.view.reveal(kind, index)
        if kind == "item":
            self.show_item(index)
        if open_tab:
            self._show(self.published, self.view)

    def stop(self) -> None:
        """Stop the background work of the pane (the window is closing)."""
        self.diagram.stop()
        if self.trainer is not None:
            self.trainer.close()

    # --- trainer mode -------------------------------------------------------------------------------------------

    def open_trainer(self, *, full_screen: bool = True) -> None:
        """Present the proposal of the shown procedure (full screen), change by change."""
        draft, analysis, context = self.editor.draft, self.view.analysis, self.context
        if draft is None or analysis is None or context is None or not draft.changes:
            self.status.emit(
                self.tr("Trainer mode presents a proposal: select a procedure and make a change first.")
            )
            return
        if self.trainer is not None:
            self.trainer.close()
        self.trainer = TrainerWindow(
            TrainerInput(
                published=draft.published,
                changes=list(draft.changes),
                findings=list(analysis.findings),
                registry=list(context.registry),
                finder=context.findings,
                params=context.params,
                proposal=draft.name,
            )
        )
        self.trainer.destroyed.connect(self._trainer_closed)
        if full_screen:
            self.trainer.showFullScreen()
        else:
            self.trainer.show()
        self.trainer.activateWindow()

    def _trainer_closed(self) -> None:
        self.trainer = None

    # --- layout -------------------------------------------------------------------------------------------------

    def save_state(self) -> QtCore.QByteArray:
        """The tab shown and the splitters' sizes, for the next session."""
        state = {
            "tab": self.currentIndex(),
            "splitters": [bytes(s.saveState().toBase64().data()).decode() for s in self._splitters()],
        }
        return QtCore.QByteArray(json.dumps(state).encode())

    def restore_state(self, data: QtCore.QByteArray) -> None:
        """Show what :meth:`save_state` kept (a state from another version is ignored, part by part)."""
        try:
            state = json.loads(bytes(data.data()).decode())
            tab, splitters = int(state["tab"]), list(state["splitters"])
        except (ValueError, KeyError, TypeError):
            return
        for splitter, saved in zip(self._splitters(), splitters, strict=False):
            splitter.restoreState(QtCore.QByteArray.fromBase64(str(saved).encode()))
        if 0 <= tab < self.count():
            self.setCurrentIndex(tab)

    def _splitters(self) -> tuple[QtWidgets.QSplitter, ...]:
        return (self.published, self.editor.splitter)
