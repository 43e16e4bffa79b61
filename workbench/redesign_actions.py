"""Every change a user can make to a proposal, as actions: toolbar, menus, context menus and shortcuts.

Each action is enabled only where its change applies (an electronic copy for a submitted item, a merge for a step
that has one after it...) and asks, in a :class:`~workbench.change_dialog.ChangeDialog`, why the change is made, on
what legal basis, and its parameters; for the analysis's suggestions the dialog comes prefilled with the finding's
explanation. The change itself is made by the editor (:meth:`RedesignEditor.make`), which stores it at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from catalog.finder.grading import FALLBACK, STATE_FALLBACK
from models.enums import ChannelMethod, CopyForm, FindingGrade, ItemGroup
from models.errors import TthcError
from models.findings import BlockKind
from models.graph import visit_steps
from models.online import item_blocks
from models.procedure import DossierItem, Procedure
from models.redesign import (
    ELECTRONIC_COPY_BASIS,
    ELECTRONIC_COPY_RATIONALE,
    ISSUER_RECORDS,
    ISSUER_RECORDS_NAME,
    AcceptElectronicCopy,
    ChangeFee,
    ChangeTimeLimit,
    DropShowOriginal,
    LookupItem,
    MakeOnline,
    MergeSteps,
    RemoveItem,
    RemoveStep,
    RemoveVisit,
    item_reference,
    step_reference,
    suggest,
)
from workbench.analysis_html import REMOVABLE_GRADES
from workbench.change_dialog import ChangeDialog
from workbench.qt import QtCore, QtGui, QtWidgets
from workbench.redesign_models import item_label, step_label

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
        self.undo_action = self._action(self.editor.stack.undo)
        self.undo_action.setShortcuts(key.keyBindings(key.StandardKey.Undo))
        self.redo_action = self._action(self.editor.stack.redo)
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
        self.electronic_copy_action.setEnabled(item is not None and item[1].group == ItemGroup.SUBMIT)
        self.drop_show_original_action.setEnabled(item is not None and shows_original(item[1]))
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
        self.make_online_action.setEnabled(procedure is not None and not is_declared_online(procedure))
        self.revert_action.setEnabled(editor.current_change() is not None)
        self.undo_action.setEnabled(self.editor.stack.canUndo())
        self.redo_action.setEnabled(self.editor.stack.canRedo())

    # --- the changes ---------------------------------------------------------------------------------------------

    def _ask(self, dialog: ChangeDialog) -> bool:
        return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted

    def _dialog(
        self, title: str, description: str, *, rationale: str = "", legal_basis: str = ""
    ) -> ChangeDialog:
        return ChangeDialog(
            title, description, self.editor, rationale=rationale, legal_basis=legal_basis or ""
        )

    def apply_suggestions(self) -> None:
        """Make every change the analysis suggests (lookups, electronic copies) as one group."""
        if self.editor.draft is None or self.editor.context is None or self.editor.analysis is None:
            return
        findings = self.editor.analysis.findings
        group = suggest(self.editor.draft.procedure, findings, self.editor.context.source_names)
        if not group.changes:
            self.editor.status.emit(self.tr("The analysis suggests nothing more for this procedure."))
            return
        if not self.editor.analysis.stored and findings:  # acted on: kept, as `tthc redesign` keeps them
            try:
                self.editor.context.store(self.editor.draft.published.code, findings)
            except TthcError as error:
                self.editor.warn(error)
                return
            self.editor.analysis = dataclasses.replace(self.editor.analysis, stored=True)
        if self.editor.make(*group.changes, label=group.label):
            self.editor.status.emit(
                self.tr("{count} suggested changes made.").format(count=len(group.changes))
            )

    def _finding_reasons(self, item: DossierItem) -> tuple[str, str]:
        """The rationale and legal basis the analysis gives for taking ``item`` out (empty when it gives none)."""
        finding = self.editor.finding_of(item)
        if finding is None or finding.grade not in REMOVABLE_GRADES:
            return "", ""
        return finding.explanation, finding.legal_basis or ""

    @staticmethod
    def _certified_reasons(item: DossierItem) -> tuple[str, str]:
        """Why an electronic copy will do, for an item that asks a certified copy (what the analysis suggests)."""
        return (ELECTRONIC_COPY_RATIONALE, ELECTRONIC_COPY_BASIS) if item.certified_copy else ("", "")

    def _item_change(
        self,
        kind: type[RemoveItem | AcceptElectronicCopy | DropShowOriginal],
        title: str,
        description: str,
        reasons: Callable[[DossierItem], tuple[str, str]] | None = None,
    ) -> None:
        """Ask why (prefilled with ``reasons``, by default the finding's), then make ``kind`` on the selected item."""
        selected = self.editor.current_item()
        if selected is None or self.editor.draft is None:
            return
        index, item = selected
        rationale, legal_basis = (reasons or self._finding_reasons)(item)
        dialog = self._dialog(
            title, description.format(item=item_label(item)), rationale=rationale, legal_basis=legal_basis
        )
        if self._ask(dialog):
            self.editor.make(
                kind(
                    **item_reference(self.editor.draft.procedure, index),
                    rationale=dialog.rationale,
                    legal_basis=dialog.legal_basis,
                )
            )

    def remove_item(self) -> None:
        self._item_change(
            RemoveItem,
            self.tr("Remove a dossier item"),
            self.tr("“{item}” leaves the dossier: the applicant no longer provides it."),
        )

    def lookup_item(self) -> None:
        selected = self.editor.current_item()
        if selected is None or self.editor.draft is None or self.editor.context is None:
            return
        index, item = selected
        finding = self.editor.finding_of(item)
        current = finding.data_source if finding else None
        if finding is not None and finding.grade == FindingGrade.ISSUED_BY_STATE:
            current = ISSUER_RECORDS
        rationale, legal_basis = self._finding_reasons(item)
        dialog = self._dialog(
            self.tr("Replace an item by a lookup"),
            self.tr(
                "Instead of “{item}”, the agency looks the data up itself; if the lookup fails, it asks for the "
                "paper and tells the applicant to have the record corrected."
            ).format(item=item_label(item)),
            rationale=rationale,
            legal_basis=legal_basis,
        )
        if not dialog.legal_basis_edit.text():
            source = next((s for s in self.editor.context.registry if s.id == current), None)
            dialog.legal_basis_edit.setText(source.legal_basis if source else "")
        sources = [(s.id, s.name) for s in self.editor.context.registry] + [
            (ISSUER_RECORDS, ISSUER_RECORDS_NAME)
        ]
        dialog.add_data_source(sources, current)
        if not self._ask(dialog):
            return
        source_id = dialog.data_source or ISSUER_RECORDS
        name = dialog.data_source_name or source_id
        same = finding is not None and source_id == current
        if same and finding is not None and finding.fallback:
            fallback = finding.fallback
        else:
            fallback = STATE_FALLBACK if source_id == ISSUER_RECORDS else FALLBACK.format(source=name)
        self.editor.make(
            LookupItem(
                **item_reference(self.editor.draft.procedure, index),
                data_source=source_id,
                source_name=name,
                fallback=fallback,
                issuing_procedure=finding.issuing_procedure if same and finding else None,
                rationale=dialog.rationale,
                legal_basis=dialog.legal_basis,
            )
        )

    def accept_electronic_copy(self) -> None:
        self._item_change(
            AcceptElectronicCopy,
            self.tr("Accept an electronic copy"),
            self.tr("“{item}” may be handed in as an electronic copy instead of a certified paper copy."),
            self._certified_reasons,
        )

    def drop_show_original(self) -> None:
        self._item_change(
            DropShowOriginal,
            self.tr("Drop “show the original”"),
            self.tr("The applicant no longer brings the original of “{item}” to be checked."),
        )

    def _step_change(
        self, kind: type[RemoveStep | MergeSteps | RemoveVisit], title: str, description: str
    ) -> None:
        selected = self.editor.current_step()
        if selected is None or self.editor.draft is None:
            return
        index, step = selected
        dialog = self._dialog(title, description.format(step=step_label(step)))
        if self._ask(dialog):
            self.editor.make(
                kind(
                    **step_reference(self.editor.draft.procedure, index),
                    rationale=dialog.rationale,
                    legal_basis=dialog.legal_basis,
                )
            )

    def remove_step(self) -> None:
        self._step_change(
            RemoveStep, self.tr("Remove a step"), self.tr("The step “{step}” is removed from the procedure.")
        )

    def merge_steps(self) -> None:
        self._step_change(
            MergeSteps,
            self.tr("Merge two steps"),
            self.tr("The step “{step}” and the one after it become one step."),
        )

    def remove_visit(self) -> None:
        self._step_change(
            RemoveVisit,
            self.tr("Remove an in-person visit"),
            self.tr("The applicant no longer comes in person for “{step}”: it is done online or by post."),
        )

    def change_time_limit(self) -> None:
        procedure = self.editor.procedure
        if procedure is None or not procedure.channels:
            return
        dialog = self._dialog(self.tr("Change the time limit"), self.tr("The statutory time limit changes."))
        dialog.add_channels(procedure.channels)
        first = procedure.channels[0]
        dialog.add_time_limit(first.time_limit, first.time_unit)
        if self._ask(dialog):
            self.editor.make(
                ChangeTimeLimit(
                    channel=dialog.channel,
                    time_limit=dialog.time_limit,
                    time_unit=dialog.time_unit,
                    time_note=dialog.note,
                    rationale=dialog.rationale,
                    legal_basis=dialog.legal_basis,
                )
            )

    def change_fee(self) -> None:
        procedure = self.editor.procedure
        if procedure is None or not procedure.channels:
            return
        dialog = self._dialog(
            self.tr("Change a fee"), self.tr("A fee or charge is changed, or a new one added.")
        )
        dialog.add_channels(procedure.channels)
        dialog.add_fee()
        if self._ask(dialog):
            self.editor.make(
                ChangeFee(
                    channel=dialog.channel,
                    fee=dialog.fee_index,
                    amount_vnd=dialog.amount_vnd,
                    fee_kind=dialog.fee_kind,
                    note=dialog.note,
                    rationale=dialog.rationale,
                    legal_basis=dialog.legal_basis,
                )
            )

    def make_online(self) -> None:
        if self.editor.procedure is None:
            return
        dialog = self._dialog(
            self.tr("Make the procedure full-process online"),
            self.tr("The procedure is offered online from submission to result (Decree 42/2022/NĐ-CP)."),
        )
        if self._ask(dialog):
            self.editor.make(MakeOnline(rationale=dialog.rationale, legal_basis=dialog.legal_basis))

    def revert_change(self) -> None:
        """Take back the selected change alone (a new undoable group), after asking why."""
        change = self.editor.current_change()
        if change is None or change.seq is None or self.editor.draft is None or self.editor.store is None:
            return
        dialog = self._dialog(
            self.tr("Revert a change"),
            self.tr("Take back change #{number}: {change}").format(
                number=change.seq, change=change.describe()
            ),
        )
        if not self._ask(dialog):
            return
        store, draft, seq = self.editor.store, self.editor.draft, change.seq
        self.editor.commit(lambda: store.revert(draft, seq, dialog.rationale))


def shows_original(item: DossierItem) -> bool:
    """Whether the item asks the applicant to show an original (a shown item, or a copy checked against one)."""
    return (
        item.group == ItemGroup.SHOW
        or CopyForm.SHOW_ORIGINAL in item.copy_forms
        or any(block.kind == BlockKind.SHOW_ORIGINAL for block in item_blocks(item))
    )


def is_declared_online(procedure: Procedure) -> bool:
    """Whether the procedure is already declared full-process online, with an online channel."""
    return bool(procedure.full_process_online_declared) and any(
        channel.method == ChannelMethod.ONLINE for channel in procedure.channels
    )
