"""The redesign editor: a procedure's to-be version, changed by undoable, stored, reasoned changes.

Every change is made by the service layer (:mod:`workbench.services.redesign`, as ``tthc redesign`` makes it)
through :class:`~models.storage.proposals.Proposals`, which stores it at once (one transaction per change), so a killed
application loses nothing it showed as done. There is one history, the proposal's (its groups in effect and undone,
as stored): the :class:`QtGui.QUndoStack` shows it and moves it, never keeps its own. Each group is a
:class:`ChangeGroupCommand` that names its group; its ``redo()``/``undo()`` ask the service to make that group in
effect or undone (:func:`~workbench.services.redesign.redo_group`, :func:`~workbench.services.redesign.undo_group`),
which the core does and stores, or finds already done (the change a gesture just made, whose command the service
call that made it puts on the stack). The stack is laid out from the stored proposal when a procedure is opened, so
its history can be undone in a later session too; it is clean while it shows what the workspace stores, which is
after every gesture the workspace accepted.

When the workspace refuses an operation (someone else saved the proposal meanwhile: :class:`ConcurrentEditError`,
or a change no longer applies: :class:`RedesignError`), the editor says so in one sentence, then reloads the stored
proposal and lays the stack out from it again: what the others saved is shown, nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from models.errors import TthcError
from models.findings import Finding
from models.procedure import DossierItem, Procedure, Step
from models.redesign.changes import Change, RedesignError
from models.redesign.history import ChangeGroup
from models.storage.proposals import DEFAULT_PROPOSAL, Proposals, StoredDraft
from workbench.analysis_html import esc
from workbench.analysis_panel import FindingPanel
from workbench.procedure_view import STYLE_SHEET
from workbench.qt import QtCore, QtGui, QtWidgets, Signal
from workbench.redesign_actions import RedesignActions
from workbench.redesign_models import (
    ChangesModel,
    ComparisonModel,
    ItemsModel,
    StepsModel,
    comparison_details,
)
from workbench.services import redesign
from workbench.services.analysis import AnalysisContext, ShownAnalysis
from workbench.services.redesign import OpenProposal

Qt = QtCore.Qt


class ChangeGroupCommand(QtGui.QUndoCommand):
    """One stored change group of the proposal on the undo stack, named by its ``seq``: ``redo()`` and ``undo()``
    have the service make it in effect or undone in the draft and the workspace (nothing to do when it already is)."""

    def __init__(self, editor: RedesignEditor, group: ChangeGroup) -> None:
        super().__init__(group.label)
        assert group.seq is not None, "a command names a stored group"
        self.seq = group.seq
        self._editor = editor

    def redo(self) -> None:
        self._editor.run_history(redesign.redo_group, self.seq)

    def undo(self) -> None:
        self._editor.run_history(redesign.undo_group, self.seq)


def _table(model: QtCore.QAbstractItemModel, stretch: int = 0) -> QtWidgets.QTableView:
    """A read-only table, one row selected at a time; column ``stretch`` takes the room the others leave."""
    view = QtWidgets.QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab moves to the next widget, arrows move within the table
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


def _titled(label: QtWidgets.QLabel, widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
    label.setBuddy(widget)
    box = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget)
    return box


class RedesignEditor(QtWidgets.QWidget):
    """The to-be version of one procedure: its items and steps, the changes, their history and the comparison."""

    status = Signal(str)  # a short message for the status bar
    draft_changed = Signal()  # after a change, an undo, a redo or a reload

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: AnalysisContext | None = None
        self.store: Proposals | None = None
        self.draft: StoredDraft | None = None
        self.analysis: ShownAnalysis | None = None
        self.proposal = DEFAULT_PROPOSAL
        self.stack = QtGui.QUndoStack(self)
        self._code: str | None = None
        self._failure: TthcError | None = None
        self._unavailable: str | None = None
        self._build_widgets()
        self.redesign_actions = RedesignActions(self)
        self._place_actions()
        self._connect()
        self.retranslate()
        self.redesign_actions.update()

    # --- construction ---------------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.title = QtWidgets.QLabel()
        self.title.setWordWrap(True)
        self.toolbar = QtWidgets.QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.items_model = ItemsModel(self)
        self.steps_model = StepsModel(self)
        self.changes_model = ChangesModel(self)
        self.comparison_model = ComparisonModel(self)
        self.items_view = _table(self.items_model)
        self.steps_view = _table(self.steps_model)
        self.changes_view = _table(self.changes_model, stretch=1)
        self.comparison_view = _table(self.comparison_model)
        self.comparison_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.comparison_view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.history_view = QtWidgets.QUndoView(self.stack)
        self.finding_panel = FindingPanel()
        self.details = QtWidgets.QTextBrowser()
        self.details.document().setDefaultStyleSheet(STYLE_SHEET)
        self.items_label, self.steps_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.comparison_label, self.history_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.changes_label = QtWidgets.QLabel()

        left = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        left.addWidget(_titled(self.items_label, self.items_view))
        left.addWidget(_titled(self.steps_label, self.steps_view))
        left.addWidget(self.finding_panel)
        right = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        right.addWidget(_titled(self.comparison_label, self.comparison_view))
        right.addWidget(self.details)
        right.addWidget(_titled(self.history_label, self.history_view))
        right.addWidget(_titled(self.changes_label, self.changes_view))
        for index, stretch in enumerate((4, 2, 1, 2)):  # the comparison first: it is what the work is for
            right.setStretchFactor(index, stretch)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("redesignSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def _place_actions(self) -> None:
        actions = self.redesign_actions
        # Delete removes what has the focus: an item in the dossier list, a step in the steps list.
        for action, view in (
            (actions.remove_item_action, self.items_view),
            (actions.remove_step_action, self.steps_view),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            view.addAction(action)
        self.toolbar.addAction(actions.apply_suggestions_action)
        for group in (actions.item_actions, actions.step_actions, actions.procedure_actions):
            self.toolbar.addSeparator()
            self.toolbar.addActions(group)
        self.toolbar.addSeparator()
        self.toolbar.addActions([actions.undo_action, actions.redo_action])

    def _connect(self) -> None:
        # Bound methods, not lambdas: Qt drops them when the editor goes, before the stack's last signals.
        self.stack.indexChanged.connect(self._stack_moved)
        self.stack.canUndoChanged.connect(self.redesign_actions.undo_action.setEnabled)
        self.stack.canRedoChanged.connect(self.redesign_actions.redo_action.setEnabled)
        self.stack.undoTextChanged.connect(self._undo_text_changed)
        self.stack.redoTextChanged.connect(self._undo_text_changed)
        self.items_view.selectionModel().currentRowChanged.connect(self._item_selected)
        self.steps_view.selectionModel().currentRowChanged.connect(self._selection_moved)
        self.changes_view.selectionModel().currentRowChanged.connect(self._selection_moved)
        self.items_view.customContextMenuRequested.connect(
            lambda pos: self._context_menu(
                self.items_view,
                pos,
                [self.redesign_actions.apply_suggestions_action, *self.redesign_actions.item_actions],
            )
        )
        self.steps_view.customContextMenuRequested.connect(
            lambda pos: self._context_menu(self.steps_view, pos, self.redesign_actions.step_actions)
        )
        self.changes_view.customContextMenuRequested.connect(
            lambda pos: self._context_menu(self.changes_view, pos, [self.redesign_actions.revert_action])
        )

    def retranslate(self) -> None:
        self.items_label.setText(self.tr("To-be &dossier"))
        self.steps_label.setText(self.tr("To-be ste&ps"))
        self.comparison_label.setText(self.tr("As-is and to-be &compared"))
        self.history_label.setText(self.tr("&History"))
        self.changes_label.setText(self.tr("Changes in effec&t"))
        self.history_view.setEmptyLabel(self.tr("Published version"))
        self.toolbar.setAccessibleName(self.tr("Redesign tools"))
        for widget, name in (
            (self.items_view, self.tr("To-be dossier items")),
            (self.steps_view, self.tr("To-be steps")),
            (self.comparison_view, self.tr("As-is and to-be comparison")),
            (self.history_view, self.tr("Change history")),
            (self.changes_view, self.tr("Changes in effect")),
            (self.details, self.tr("What the redesign changes")),
        ):
            widget.setAccessibleName(name)
        for model in (self.items_model, self.steps_model, self.changes_model, self.comparison_model):
            model.retranslate()
        self.redesign_actions.retranslate()
        self._update_title()
        self._update_details()

    def _undo_text_changed(self, _text: str) -> None:
        self.redesign_actions.retranslate_undo()

    def _selection_moved(self, _current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        self.redesign_actions.update()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what is edited -----------------------------------------------------------------------------------------------

    def set_context(self, context: AnalysisContext | None) -> None:
        """The workspace to store proposals in (None: none open)."""
        self.context = context
        self.store = Proposals(context.workspace) if context else None
        self.close_procedure()

    def open_procedure(self, code: str, analysis: ShownAnalysis, published: Procedure | None = None) -> None:
        """Edit the proposal of procedure ``code``; ``analysis`` is its published version's (findings), and
        ``published`` that version when the caller has just read it (it is not read again)."""
        self._code = code
        self.analysis = analysis
        self.reload(published)

    def close_procedure(self) -> None:
        self._code, self.analysis = None, None
        self._set_draft(None)

    def reload(self, published: Procedure | None = None) -> None:
        """Read the proposal again from the workspace and rebuild the undo stack from its history."""
        if self.store is None or self._code is None:
            self._set_draft(None)
            return
        try:
            draft = self.store.open(self._code, self.proposal, published=published)
        except TthcError as error:
            self._set_draft(None, unavailable=str(error))
            return
        self._set_draft(draft)

    def _set_draft(self, draft: StoredDraft | None, unavailable: str | None = None) -> None:
        """Show ``draft`` and lay its stored history out on the undo stack: its groups in effect, then those undone
        (the next to redo first), the stack's index between them."""
        # No proposal is open while its history is laid out: the commands have nothing to move (pushing one does not
        # redo its group, nor does moving the index past the undone ones undo them), and nothing is shown.
        self.draft, self._unavailable, self._failure = None, unavailable, None
        self.stack.clear()
        if draft is not None:
            for group in [*draft.done, *reversed(draft.undone)]:
                self.stack.push(ChangeGroupCommand(self, group))
            self.stack.setIndex(len(draft.done))
        self.stack.setClean()
        self.draft = draft
        self.refresh()

    @property
    def procedure(self) -> Procedure | None:
        """The to-be version being edited."""
        return self.draft.procedure if self.draft else None

    def open_proposal(self) -> OpenProposal | None:
        """The proposal being edited, for the service layer's changes (None: nothing to change); each change it makes
        puts its group on the undo stack."""
        if self.draft is None or self.store is None:
            return None
        return OpenProposal(self.store, self.draft, self.context, self.analysis, on_change=self._changed)

    # --- showing ------------------------------------------------------------------------------------------------------

    def _stack_moved(self, _index: int) -> None:
        if self.draft is None:  # a history being laid out, or none
            return
        if self._failure is None:
            self.stack.setClean()  # the workspace stores what the stack shows
        self.refresh()

    def refresh(self) -> None:
        """Show the draft as it is now: lists, comparison, changes; keep the selected rows."""
        rows = {
            view: view.currentIndex().row() for view in (self.items_view, self.steps_view, self.changes_view)
        }
        procedure = self.procedure
        # an item or step stays selected by its id wherever the change moved it (models.identity)
        shown = {
            self.items_view: [i.uid for i in self.items_model.items],
            self.steps_view: self.steps_model.uids,
        }
        kept = {
            view: uids[rows[view]] if 0 <= rows[view] < len(uids) else None for view, uids in shown.items()
        }
        self.items_model.set_items(procedure.items if procedure else [], self.finding_of)
        self.steps_model.set_procedure(procedure)
        proposal = self.open_proposal()
        if self.draft is not None and proposal is not None:
            self.changes_model.set_changes(self.draft.done, self.draft.changes)
            self.comparison_model.set_comparison(redesign.comparison(proposal))
        else:
            self.changes_model.set_changes([], [])
            self.comparison_model.set_comparison(None)
        uids = {
            self.items_view: [i.uid for i in self.items_model.items],
            self.steps_view: self.steps_model.uids,
        }
        for view, row in rows.items():
            count = view.model().rowCount()
            uid = kept.get(view)
            if uid is not None and uid in uids[view]:
                row = uids[view].index(uid)
            if count and row >= 0:
                view.setCurrentIndex(view.model().index(min(row, count - 1), 0))
        self._update_title()
        self._update_details()
        self.redesign_actions.update()
        self.draft_changed.emit()

    def _update_title(self) -> None:
        if self.draft is None:
            self.title.setText(self._unavailable or self.tr("Select a procedure to redesign it."))
            return
        self.title.setText(
            self.tr("Proposal “{proposal}” for {code}: {count} changes in effect").format(
                proposal=self.draft.name, code=self.draft.published.code, count=len(self.draft.changes)
            )
        )

    def _update_details(self) -> None:
        comparison = self.comparison_model.comparison
        if comparison is None or self.context is None:
            self.details.setHtml("")
            return
        sections = comparison_details(comparison, self.context.source_names)
        if not sections:
            text = self.tr(
                "The to-be version is still the published one: make a change or apply the suggestions."
            )
            self.details.setHtml(f'<p class="muted">{esc(text)}</p>')
            return
        self.details.setHtml(
            "".join(
                f"<h4>{esc(heading)}</h4><ul>{''.join(f'<li>{esc(line)}</li>' for line in lines)}</ul>"
                for heading, lines in sections
            )
        )

    def finding_of(self, item: DossierItem) -> Finding | None:
        """The published item's finding, matched by id (:func:`workbench.services.redesign.finding_of`)."""
        return redesign.finding_of(self.analysis.findings, item) if self.analysis else None

    def _item_selected(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        selected = self.current_item()
        if selected is None:
            self.finding_panel.clear_finding()
        else:
            item = selected[1]
            finding = self.finding_of(item)
            source = (
                self.context.source_names.get(finding.data_source)
                if finding and finding.data_source is not None and self.context
                else None
            )
            stored = bool(self.analysis and self.analysis.stored)
            self.finding_panel.show_finding(item.name, finding, source, stored=stored)
        self.redesign_actions.update()

    # --- what is selected ---------------------------------------------------------------------------------------------

    def current_item(self) -> tuple[int, DossierItem] | None:
        row = self.items_view.currentIndex().row()
        items = self.items_model.items
        return (row, items[row]) if self.draft is not None and 0 <= row < len(items) else None

    def current_step(self) -> tuple[int, Step] | None:
        row = self.steps_view.currentIndex().row()
        steps = self.steps_model.steps
        return (row, steps[row]) if self.draft is not None and 0 <= row < len(steps) else None

    def select_item(self, row: int) -> None:
        """Make to-be item ``row`` the current one (its finding shows below), as a click in the list would."""
        if 0 <= row < self.items_model.rowCount():
            self.items_view.setCurrentIndex(self.items_model.index(row, 0))
            self.items_view.scrollTo(self.items_view.currentIndex())

    def select_step(self, row: int) -> None:
        """Make to-be step ``row`` the current one, as a click in the list would."""
        if 0 <= row < self.steps_model.rowCount():
            self.steps_view.setCurrentIndex(self.steps_model.index(row, 0))
            self.steps_view.scrollTo(self.steps_view.currentIndex())

    def current_change(self) -> Change | None:
        row = self.changes_view.currentIndex().row()
        changes = self.changes_model.changes
        return changes[row] if self.draft is not None and 0 <= row < len(changes) else None

    def _context_menu(
        self, view: QtWidgets.QAbstractItemView, pos: QtCore.QPoint, actions: list[QtGui.QAction]
    ) -> None:
        menu = QtWidgets.QMenu(self)
        menu.addActions(actions)
        menu.exec(view.viewport().mapToGlobal(pos))

    # --- making changes -----------------------------------------------------------------------------------------------

    def commit(self, operation: Callable[[], ChangeGroup]) -> bool:
        """Run ``operation`` (a change of :mod:`workbench.services.redesign` on :meth:`open_proposal`, which stores
        it and puts its command on the undo stack); a refusal is one sentence in a message box."""
        try:
            operation()
        except TthcError as error:
            self.warn(error)
            if not isinstance(error, RedesignError):  # the workspace moved on (or failed): show what it holds
                self.reload()
            return False
        return True

    def _changed(self, group: ChangeGroup) -> None:
        """A service call made and stored ``group``: its command goes on the stack (its redo() finds it in effect)."""
        self.stack.push(ChangeGroupCommand(self, group))

    def undo(self) -> None:
        """Undo the last change group (Ctrl+Z), in the workspace too."""
        self.stack.undo()
        self._recover()

    def redo(self) -> None:
        """Redo the change group undone last (Ctrl+Shift+Z)."""
        self.stack.redo()
        self._recover()

    def run_history(self, move: Callable[[OpenProposal, int], ChangeGroup | None], seq: int) -> None:
        """Have the service make group ``seq`` in effect or undone (``move``: redo_group or undo_group); called by
        the stack's commands. A refusal leaves the stack ahead of the workspace: the stack is laid out again from
        what the workspace stores once it has returned (it cannot be rebuilt from inside its own undo())."""
        proposal = self.open_proposal()
        if proposal is None or self._failure is not None:  # laying the history out, or already out of step
            return
        try:
            move(proposal, seq)
        except TthcError as error:
            self._failure = error
            # undo() and redo() recover as soon as the stack returns; a move from the history view, from here.
            QtCore.QTimer.singleShot(0, self, self._recover)

    def _recover(self) -> None:
        error, self._failure = self._failure, None
        if error is not None:
            self.warn(error)
            self.reload()

    def warn(self, error: TthcError) -> None:
        QtWidgets.QMessageBox.warning(self, self.tr("The change was not saved"), str(error))
