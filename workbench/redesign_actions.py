"""Every change a user can make to a proposal, as actions: toolbar, menus, context menus and shortcuts.

Each action is enabled only where its change applies (an electronic copy for a submitted item, a merge for a step
that has one after it...) and asks, in a :class:`~workbench.change_dialog.ChangeDialog`, why the change is made, on
what legal basis, and its parameters; for the analysis's suggestions the dialog comes prefilled with the finding's
explanation. The change itself is made by the service layer (:mod:`workbench.services.redesign`, the functions
``tthc redesign`` calls), which stores it at once and puts its group on the editor's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from models.graph import visit_steps
from models.redesign.item_changes import ISSUER_RECORDS
from workbench.change_dialog import ChangeDialog
from workbench.qt import QtCore, QtGui, QtWidgets
from workbench.redesign_models import item_label, step_label
from workbench.services import redesign
from workbench.services.redesign import Reasons

if TYPE_CHECKING:
    from workbench.redesign_editor import RedesignEditor


class RedesignActions(QtCore.QObject):
    """The editor's actions and what each does; ``update()`` enables those that apply to the selection."""

    def __init__(self, editor: RedesignEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._build()
        self.retranslate()

    def _action(self, slot: Callable[[], None], shortcut: QtGui.QKeySequence | None = None) -> QtGui.QAction:
        action = QtGui.QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        key = QtGui.QKeySequence
        self.apply_suggestions_action = self._action(self.apply_suggestions, key("Ctrl+Shift+A"))
        self.remove_item_action = self._action(self.remove_item, key(key.StandardKey.Delete))
        self.lookup_item_action = self._action(self.lookup_item, key("Ctrl+L"))
        self.electronic_copy_action = self._action(self.accept_electronic_copy, key("Ctrl+Shift+E"))
        self.drop_show_original_action = self._action(self.drop_show_original)
        self.remove_step_action = self._action(self.remove_step, key(key.StandardKey.Delete))
        self.merge_steps_action = self._action(self.merge_steps, key("Ctrl+M"))
        self.remove_visit_action = self._action(self.remove_visit)
        self.time_limit_action = self._action(self.change_time_limit)
        self.fee_action = self._action(self.change_fee)
        self.make_online_action = self._action(self.make_online)
        self.revert_action = self._action(self.revert_change)
        self.undo_action = self._action(self.editor.undo)
        self.undo_action.setShortcuts(key.keyBindings(key.StandardKey.Undo))
        self.redo_action = self._action(self.editor.redo)
        redo_keys = [key("Ctrl+Shift+Z"), *key.keyBindings(key.StandardKey.Redo)]
        self.redo_action.setShortcuts(list(dict.fromkeys(redo_keys)))
        self.item_actions = [
            self.lookup_item_action,
            self.remove_item_action,
            self.electronic_copy_action,
            self.drop_show_original_action,
        ]
        self.step_actions = [self.remove_step_action, self.merge_steps_action, self.remove_visit_action]
        self.procedure_actions = [self.time_limit_action, self.fee_action, self.make_online_action]
        self.change_actions = [
            self.apply_suggestions_action,
            *self.item_actions,
            *self.step_actions,
            *self.procedure_actions,
            self.revert_action,
        ]

    def retranslate(self) -> None:
        texts = {
            self.apply_suggestions_action: self.tr("&Apply suggestions"),
            self.remove_item_action: self.tr("&Remove item…"),
            self.lookup_item_action: self.tr("Replace by a &lookup…"),
            self.electronic_copy_action: self.tr("Accept an &electronic copy…"),
            self.drop_show_original_action: self.tr("Drop “show the &original”…"),
            self.remove_step_action: self.tr("Remove &step…"),
            self.merge_steps_action: self.tr("&Merge with the next step…"),
            self.remove_visit_action: self.tr("Remove the in-person &visit…"),
            self.time_limit_action: self.tr("Change the &time limit…"),
            self.fee_action: self.tr("Change a &fee…"),
            self.make_online_action: self.tr("Make full-process o&nline…"),
            self.revert_action: self.tr("Revert this &change…"),
        }
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(text.replace("&", "").removesuffix("…"))
        self.apply_suggestions_action.setStatusTip(
            self.tr(
                "Replace every item the analysis finds redundant by a lookup, and accept electronic copies"
            )
        )
        self.retranslate_undo()

    def retranslate_undo(self) -> None:
        undo, redo = self.editor.stack.undoText(), self.editor.stack.redoText()
        self.undo_action.setText(self.tr("&Undo {change}").format(change=undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {change}").format(change=redo) if redo else self.tr("&Redo"))

    def update(self) -> None:
        editor = self.editor
        procedure = editor.procedure
        item = editor.current_item()
        step = editor.current_step()
        self.apply_suggestions_action.setEnabled(procedure is not None)
        self.remove_item_action.setEnabled(item is not None)
        self.lookup_item_action.setEnabled(item is not None)
        self.electronic_copy_action.setEnabled(item is not None and redesign.accepts_electronic_copy(item[1]))
        self.drop_show_original_action.setEnabled(item is not None and redesign.shows_original(item[1]))
        self.remove_step_action.setEnabled(step is not None)
        self.merge_steps_action.setEnabled(
            step is not None and procedure is not None and step[0] + 1 < len(procedure.steps)
        )
        self.remove_visit_action.setEnabled(
            step is not None and procedure is not None and visit_steps(procedure)[step[0]]
        )
        has_channels = procedure is not None and bool(procedure.channels)
        self.time_limit_action.setEnabled(has_channels)
        self.fee_action.setEnabled(has_channels)
        self.make_online_action.setEnabled(
            procedure is not None and not redesign.is_declared_online(procedure)
        )
        self.revert_action.setEnabled(editor.current_change() is not None)
        self.undo_action.setEnabled(self.editor.stack.canUndo())
        self.redo_action.setEnabled(self.editor.stack.canRedo())

    # --- the changes ---------------------------------------------------------------------------------------------

    def _ask(self, dialog: ChangeDialog) -> bool:
        return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted

    def _dialog(self, title: str, description: str, reasons: Reasons | None = None) -> ChangeDialog:
        return ChangeDialog(
            title,
            description,
            self.editor,
            rationale=reasons.rationale if reasons else "",
            legal_basis=(reasons.legal_basis if reasons else None) or "",
        )

    def apply_suggestions(self) -> None:
        """Make every change the analysis suggests (lookups, electronic copies) as one group."""
        proposal = self.editor.open_proposal()
        if proposal is None:
            return
        count = len(redesign.suggestions(proposal).changes)
        if not count:
            self.editor.status.emit(self.tr("The analysis suggests nothing more for this procedure."))
            return
        if self.editor.commit(lambda: redesign.apply_suggestions(proposal)):
            self.editor.analysis = proposal.analysis  # its findings are stored now
            self.editor.status.emit(self.tr("{count} suggested changes made.").format(count=count))

    def _item_change(self, change: str, title: str, description: str) -> None:
        """Ask why (prefilled with the finder's reasons), then make ``change`` on the selected item."""
        selected = self.editor.current_item()
        proposal = self.editor.open_proposal()
        if selected is None or proposal is None:
            return
        index, item = selected
        dialog = self._dialog(
            title, description.format(item=item_label(item)), redesign.reasons(proposal, change, index)
        )
        if self._ask(dialog):
            make = redesign.CHANGES[change]
            self.editor.commit(lambda: make(proposal, index, dialog.rationale, dialog.legal_basis))

    def remove_item(self) -> None:
        self._item_change(
            "remove_item",
            self.tr("Remove a dossier item"),
            self.tr("“{item}” leaves the dossier: the applicant no longer provides it."),
        )

    def lookup_item(self) -> None:
        selected = self.editor.current_item()
        proposal = self.editor.open_proposal()
        if selected is None or proposal is None:
            return
        index, item = selected
        dialog = self._dialog(
            self.tr("Replace an item by a lookup"),
            self.tr(
                "Instead of “{item}”, the agency looks the data up itself; if the lookup fails, it asks for the "
                "paper and tells the applicant to have the record corrected."
            ).format(item=item_label(item)),
            redesign.reasons(proposal, "lookup_item", index),
        )
        dialog.add_data_source(*redesign.lookup_sources(proposal, index))
        if not self._ask(dialog):
            return
        source = dialog.data_source or ISSUER_RECORDS
        self.editor.commit(
            lambda: redesign.lookup_item(
                proposal, index, dialog.rationale, dialog.legal_basis, data_source=source
            )
        )

    def accept_electronic_copy(self) -> None:
        self._item_change(
            "accept_electronic_copy",
            self.tr("Accept an electronic copy"),
            self.tr("“{item}” may be handed in as an electronic copy instead of a certified paper copy."),
        )

    def drop_show_original(self) -> None:
        self._item_change(
            "drop_show_original",
            self.tr("Drop “show the original”"),
            self.tr("The applicant no longer brings the original of “{item}” to be checked."),
        )

    def _step_change(self, change: str, title: str, description: str) -> None:
        selected = self.editor.current_step()
        proposal = self.editor.open_proposal()
        if selected is None or proposal is None:
            return
        index, step = selected
        dialog = self._dialog(title, description.format(step=step_label(step)))
        if self._ask(dialog):
            make = redesign.CHANGES[change]
            self.editor.commit(lambda: make(proposal, index, dialog.rationale, dialog.legal_basis))

    def remove_step(self) -> None:
        self._step_change(
            "remove_step",
            self.tr("Remove a step"),
            self.tr("The step “{step}” is removed from the procedure."),
        )

    def merge_steps(self) -> None:
        self._step_change(
            "merge_steps",
            self.tr("Merge two steps"),
            self.tr("The step “{step}” and the one after it become one step."),
        )

    def remove_visit(self) -> None:
        self._step_change(
            "remove_visit",
            self.tr("Remove an in-person visit"),
            self.tr("The applicant no longer comes in person for “{step}”: it is done online or by post."),
        )

    def change_time_limit(self) -> None:
        proposal = self.editor.open_proposal()
        if proposal is None or not proposal.procedure.channels:
            return
        dialog = self._dialog(self.tr("Change the time limit"), self.tr("The statutory time limit changes."))
        dialog.add_channels(proposal.procedure.channels)
        first = proposal.procedure.channels[0]
        dialog.add_time_limit(first.time_limit, first.time_unit)
        if self._ask(dialog):
            self.editor.commit(
                lambda: redesign.change_time_limit(
                    proposal,
                    dialog.time_limit,
                    dialog.rationale,
                    unit=dialog.time_unit,
                    channel=dialog.channel,
                    note=dialog.note,
                    legal_basis=dialog.legal_basis,
                )
            )

    def change_fee(self) -> None:
        proposal = self.editor.open_proposal()
        if proposal is None or not proposal.procedure.channels:
            return
        dialog = self._dialog(
            self.tr("Change a fee"), self.tr("A fee or charge is changed, or a new one added.")
        )
        dialog.add_channels(proposal.procedure.channels)
        dialog.add_fee()
        if self._ask(dialog):
            self.editor.commit(
                lambda: redesign.change_fee(
                    proposal,
                    dialog.amount_vnd,
                    dialog.rationale,
                    channel=dialog.channel,
                    fee=dialog.fee_index,
                    fee_kind=dialog.fee_kind,
                    note=dialog.note,
                    legal_basis=dialog.legal_basis,
                )
            )

    def make_online(self) -> None:
        proposal = self.editor.open_proposal()
        if proposal is None:
            return
        dialog = self._dialog(
            self.tr("Make the procedure full-process online"),
            self.tr("The procedure is offered online from submission to result (Decree 42/2022/NĐ-CP)."),
        )
        if self._ask(dialog):
            self.editor.commit(lambda: redesign.make_online(proposal, dialog.rationale, dialog.legal_basis))

    def revert_change(self) -> None:
        """Take back the selected change alone (a new undoable group), after asking why."""
        change = self.editor.current_change()
        proposal = self.editor.open_proposal()
        if change is None or change.seq is None or proposal is None:
            return
        dialog = self._dialog(
            self.tr("Revert a change"),
            self.tr("Take back change #{number}: {change}").format(
                number=change.seq, change=change.describe()
            ),
        )
        if not self._ask(dialog):
            return
        seq = change.seq
        self.editor.commit(lambda: redesign.revert(proposal, seq, dialog.rationale))
