"""The redesign editor driven like a user would: actions and shortcuts, change dialogs, undo and redo, history,
revert, conflicts with another user; and what the workspace stores after each gesture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from models.enums import TimeUnit
from models.redesign.channel_changes import ChangeTimeLimit, MakeOnline
from models.redesign.history import ChangeGroup
from models.storage.proposals import Proposals, StoredDraft
from models.storage.workspace import Workspace
from tests.workbench.conftest import select
from workbench.change_dialog import ChangeDialog
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtCore, QtWidgets
from workbench.redesign_editor import RedesignEditor
from workbench.redesign_models import ChangesModel, ComparisonModel, ItemsModel, StepsModel

Qt = QtCore.Qt
Ctrl, Shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
BIRTH = "1.001193"
MARRIAGE_CERTIFICATE = 8  # redundant: the civil-status database holds it
PROXY_LETTER = 5  # a submitted item with no data source
ID_CARD = 6  # shown, not submitted


def stored(path: Path, code: str = BIRTH) -> StoredDraft:
    """The proposal as the workspace holds it, read afresh."""
    with Workspace.open(path) as workspace:
        return Proposals(workspace).open(code)


def answer(*fills: Callable[[ChangeDialog], None]) -> list[ChangeDialog]:
    """Answer the next change dialogs, in turn, with ``fills`` (each ends by clicking a button)."""
    seen: list[ChangeDialog] = []

    def handle() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, ChangeDialog) or dialog in seen:
            QtCore.QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        QtCore.QTimer.singleShot(5000, dialog.reject)  # a failed fill must not hang the test
        fills[len(seen) - 1](dialog)
        if len(seen) < len(fills):
            QtCore.QTimer.singleShot(10, handle)

    QtCore.QTimer.singleShot(0, handle)
    return seen


def click_ok(dialog: ChangeDialog) -> None:
    dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()


def because(rationale: str) -> Callable[[ChangeDialog], None]:
    def fill(dialog: ChangeDialog) -> None:
        dialog.rationale_edit.setPlainText(rationale)
        click_ok(dialog)

    return fill


@pytest.fixture
def window(qtbot, sample_window: MainWindow) -> MainWindow:
    """The sample workspace with birth registration selected, the redesign tab shown, the window active."""
    select(sample_window, BIRTH)
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    qtbot.keyClick(sample_window.table, Qt.Key.Key_2, Ctrl)
    assert sample_window.pane.currentWidget() is sample_window.editor
    qtbot.waitUntil(sample_window.editor.items_view.hasFocus)
    return sample_window


def press(qtbot, widget: QtWidgets.QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Type a key into ``widget`` with its window active (the offscreen platform does not reactivate the window a
    dialog leaves, as a desktop would)."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)


def choose(view: QtWidgets.QAbstractItemView, row: int) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 0))


def test_apply_suggestions_shows_what_goes_and_what_it_saves(window: MainWindow, sample_path: Path) -> None:
    editor = window.editor
    assert editor.comparison_model.value("Tỷ lệ cắt giảm chi phí") == "0,00 %"
    window.editor.redesign_actions.apply_suggestions_action.trigger()
    model = editor.comparison_model
    assert model.value("Thành phần hồ sơ được bỏ") == "4"
    assert (
        model.value("Giấy tờ phải xuất trình", 1) == "3" and model.value("Giấy tờ phải xuất trình", 2) == "0"
    )
    assert model.value("Số lần đến cơ quan") == "−1"
    rate = model.value("Tỷ lệ cắt giảm chi phí")
    assert rate is not None and rate != "0,00 %" and rate.endswith(" %")
    details = editor.details.toPlainText()
    assert "Giấy chứng nhận kết hôn" in details and "Cơ sở dữ liệu hộ tịch điện tử" in details
    assert "4 thay đổi" in editor.title.text()
    assert "4 thay đổi đề xuất" in window.statusBar().currentMessage()
    draft = stored(sample_path)
    assert [c.kind for c in draft.changes] == ["lookup_item"] * 4
    assert draft.changes[0].rationale and draft.changes[0].legal_basis  # the finding's explanation and basis
    with Workspace.open(sample_path) as workspace:
        assert workspace.finding_counts()[BIRTH]["redundant"] == 3  # the findings acted on are kept
    editor.redesign_actions.apply_suggestions_action.trigger()
    assert "không đề xuất thêm" in window.statusBar().currentMessage()
    assert len(stored(sample_path).done) == 1


def test_ctrl_z_restores_the_published_version_and_ctrl_shift_z_redoes(
    qtbot, window: MainWindow, sample_path: Path
) -> None:
    editor = window.editor
    published = editor.draft.published
    editor.redesign_actions.apply_suggestions_action.trigger()
    changed = editor.procedure.model_copy(deep=True)
    assert changed != published
    assert editor.redesign_actions.undo_action.text() == "&Hoàn tác Áp dụng đề xuất của rà soát"

    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)
    assert editor.procedure == published
    again = stored(sample_path)
    assert again.procedure == published and again.changes == [] and len(again.undone) == 1
    assert editor.comparison_model.value("Thành phần hồ sơ được bỏ") == ""

    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl | Shift)
    assert editor.procedure == changed
    again = stored(sample_path)
    assert again.procedure == changed and len(again.changes) == 4 and again.undone == []
    assert editor.comparison_model.value("Thành phần hồ sơ được bỏ") == "4"


def test_a_change_without_a_rationale_is_refused(qtbot, window: MainWindow, sample_path: Path) -> None:
    editor = window.editor
    choose(editor.items_view, PROXY_LETTER)
    refused: list[bool] = []

    def empty_then_filled(dialog: ChangeDialog) -> None:
        dialog.rationale_edit.setPlainText("   ")
        click_ok(dialog)
        refused.append(dialog.isVisible() and dialog.error.isVisible())
        assert dialog.error.text() == "Hãy nêu lý do của thay đổi: lý do là bắt buộc."
        because("Ủy quyền được xác thực điện tử qua VNeID.")(dialog)

    seen = answer(empty_then_filled)
    press(qtbot, editor.items_view, Qt.Key.Key_Delete)
    assert refused == [True] and len(seen) == 1
    change = stored(sample_path).changes[0]
    assert change.kind == "remove_item" and change.rationale == "Ủy quyền được xác thực điện tử qua VNeID."


def test_cancelling_the_dialog_changes_nothing(qtbot, window: MainWindow, sample_path: Path) -> None:
    editor = window.editor
    choose(editor.items_view, PROXY_LETTER)
    answer(lambda dialog: dialog.reject())
    editor.redesign_actions.remove_item_action.trigger()
    assert editor.draft.changes == [] and stored(sample_path).proposal_id is None


def test_the_selected_item_stays_selected_by_its_id_when_a_change_moves_it(
    qtbot, window: MainWindow, sample_path: Path
) -> None:
    editor = window.editor
    marriage = editor.items_model.items[MARRIAGE_CERTIFICATE]
    choose(editor.items_view, PROXY_LETTER)
    answer(because("Ủy quyền được xác thực điện tử qua VNeID."))
    press(qtbot, editor.items_view, Qt.Key.Key_Delete)
    choose(editor.items_view, MARRIAGE_CERTIFICATE - 1)  # one row up: the letter before it is gone
    assert editor.current_item()[1].uid == marriage.uid
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)  # the letter is back, above it
    row, item = editor.current_item()
    assert (row, item.uid, item.name) == (MARRIAGE_CERTIFICATE, marriage.uid, marriage.name)
    # its own finding, not a neighbour's
    assert "Quyết định 3458/QĐ-BTP" in editor.finding_panel.toPlainText()


def test_a_lookup_is_prefilled_from_the_finding(qtbot, window: MainWindow, sample_path: Path) -> None:
    editor = window.editor
    choose(editor.items_view, MARRIAGE_CERTIFICATE)
    finding = editor.finding_of(editor.items_model.items[MARRIAGE_CERTIFICATE])
    assert finding is not None and finding.grade == "redundant"
    assert "Quyết định 3458/QĐ-BTP" in editor.finding_panel.toPlainText()  # selecting explains it
    prefilled: list[tuple[str, str, str]] = []

    def check(dialog: ChangeDialog) -> None:
        prefilled.append((dialog.rationale, dialog.legal_basis or "", dialog.data_source or ""))
        click_ok(dialog)

    answer(check)
    press(qtbot, editor.items_view, Qt.Key.Key_L, Ctrl)
    assert prefilled == [(finding.explanation, finding.legal_basis, "civil_status")]
    change = stored(sample_path).changes[0]
    assert change.kind == "lookup_item" and change.data_source == "civil_status"
    assert "Cơ sở dữ liệu hộ tịch điện tử" in change.fallback
    assert editor.comparison_model.value("Thành phần hồ sơ được bỏ") == "1"


def test_actions_apply_only_where_they_make_sense(qtbot, window: MainWindow) -> None:
    editor = window.editor
    choose(editor.items_view, ID_CARD)
    assert not editor.redesign_actions.electronic_copy_action.isEnabled()  # shown, not submitted
    assert editor.redesign_actions.drop_show_original_action.isEnabled()
    choose(editor.items_view, PROXY_LETTER)
    assert (
        editor.redesign_actions.electronic_copy_action.isEnabled()
        and not editor.redesign_actions.drop_show_original_action.isEnabled()
    )
    steps = editor.steps_model.steps
    choose(editor.steps_view, len(steps) - 1)
    assert not editor.redesign_actions.merge_steps_action.isEnabled()  # the last step has none after it
    choose(editor.steps_view, 0)  # the applicant hands the dossier in
    assert (
        editor.redesign_actions.merge_steps_action.isEnabled()
        and editor.redesign_actions.remove_visit_action.isEnabled()
    )
    choose(editor.steps_view, 2)  # the agency looks data up: no visit
    assert steps[2].actor == "DATA_SYSTEM" and not editor.redesign_actions.remove_visit_action.isEnabled()
    assert not editor.redesign_actions.revert_action.isEnabled()  # no change to take back yet
    assert (
        not editor.redesign_actions.undo_action.isEnabled()
        and not editor.redesign_actions.redo_action.isEnabled()
    )


def test_parameters_are_asked_for_time_limits_and_fees(qtbot, window: MainWindow, sample_path: Path) -> None:
    editor = window.editor

    def five_days(dialog: ChangeDialog) -> None:
        assert dialog.channel_combo is not None and dialog.channel_combo.count() == 4  # all, or one of three
        dialog.limit_spin.setValue(5)
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(TimeUnit.DAY))
        because("Gộp thời gian xác minh.")(dialog)

    answer(five_days)
    editor.redesign_actions.time_limit_action.trigger()
    assert editor.comparison_model.value("Thời hạn giải quyết (ngày)", 2) == "5"

    def a_new_fee(dialog: ChangeDialog) -> None:
        dialog.channel_combo.setCurrentIndex(1)  # in person only
        assert dialog.fee_combo.count() == 2  # a new fee, or the one published
        dialog.amount_spin.setValue(8000)
        because("Phí cấp bản sao.")(dialog)

    answer(a_new_fee)
    editor.redesign_actions.fee_action.trigger()
    kinds = [
        (c.kind, getattr(c, "time_limit", None), getattr(c, "amount_vnd", None))
        for c in stored(sample_path).changes
    ]
    assert kinds == [("change_time_limit", 5.0, None), ("change_fee", None, 8000)]
    assert stored(sample_path).changes[0].time_unit == TimeUnit.DAY


def test_a_conflicting_save_is_refused_reloaded_and_loses_nothing(
    qtbot, window: MainWindow, sample_path: Path, warnings: list[tuple[str, str]]
) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    with Workspace.open(sample_path) as workspace:  # a colleague saves the same proposal meanwhile
        other = Proposals(workspace)
        theirs = other.open(BIRTH)
        other.push(
            theirs,
            ChangeGroup(label="Trực tuyến", changes=[MakeOnline(rationale="Chỉ thị 24")]),
            author="lan",
        )

    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)
    qtbot.waitUntil(lambda: bool(warnings))
    title, sentence = warnings[0]
    assert title == "Thay đổi chưa được lưu"
    assert "was changed by lan" in sentence and "\n" not in sentence
    qtbot.waitUntil(lambda: len(editor.draft.changes) == 5)  # reloaded: theirs is shown, ours kept
    assert [c.kind for c in stored(sample_path).changes] == ["lookup_item"] * 4 + ["make_online"]
    assert editor.stack.count() == 2 and editor.stack.index() == 2
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)  # now undo works on what is stored
    assert [c.kind for c in stored(sample_path).changes] == ["lookup_item"] * 4
    assert len(warnings) == 1


def test_a_new_change_after_someone_else_saved_is_refused(
    qtbot, window: MainWindow, sample_path: Path, warnings: list[tuple[str, str]]
) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    with Workspace.open(sample_path) as workspace:
        other = Proposals(workspace)
        theirs = other.open(BIRTH)
        limit = ChangeTimeLimit(time_limit=2, time_unit=TimeUnit.WORKING_DAY, rationale="Rút ngắn")
        other.push(theirs, ChangeGroup(label="Thời hạn", changes=[limit]), author="lan")
    answer(because("Chỉ thị 24/CT-TTg"))
    editor.redesign_actions.make_online_action.trigger()
    assert len(warnings) == 1 and "your change was not saved" in warnings[0][1]
    assert [c.kind for c in editor.draft.changes] == ["lookup_item"] * 4 + ["change_time_limit"]
    assert [c.kind for c in stored(sample_path).changes] == ["lookup_item"] * 4 + ["change_time_limit"]


def test_the_history_undoes_to_any_point_and_survives_a_restart(
    qtbot, window: MainWindow, sample_path: Path, translations
) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    answer(because("Không cần thiết."))
    choose(editor.items_view, 0)
    editor.redesign_actions.remove_item_action.trigger()
    history = editor.history_view
    assert history.model().rowCount() == 3  # the published version, then two groups
    assert history.model().index(0, 0).data() == "Phiên bản công bố"
    history.setCurrentIndex(history.model().index(0, 0))  # back to the published version
    assert editor.draft.changes == [] and stored(sample_path).changes == []
    window.close()

    again = MainWindow(Settings(), translations)
    qtbot.addWidget(again)
    again.show()
    assert again.open_workspace(sample_path)
    select(again, BIRTH)
    stack = again.editor.stack
    assert stack.count() == 2 and stack.index() == 0 and stack.canRedo()
    again.editor.redesign_actions.redo_action.trigger()
    again.editor.redesign_actions.redo_action.trigger()
    assert len(stored(sample_path).changes) == 5


def test_revert_takes_back_one_change_with_its_rationale(
    qtbot, window: MainWindow, sample_path: Path
) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    names_before = [item.name for item in editor.procedure.items]
    choose(editor.changes_view, 0)
    reverted = editor.changes_model.changes[0]
    assert editor.redesign_actions.revert_action.isEnabled()
    answer(because("Cơ quan chưa kết nối được."))
    editor.redesign_actions.revert_action.trigger()
    assert len(editor.draft.changes) == 3 and reverted.seq not in [c.seq for c in editor.draft.changes]
    assert len(editor.procedure.items) == len(names_before) + 1
    draft = stored(sample_path)
    assert len(draft.changes) == 3 and draft.done[-1].changes[0].rationale == "Cơ quan chưa kết nối được."
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)  # the revert itself is undoable
    assert len(stored(sample_path).changes) == 4


def test_the_editor_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    # Models of their own, filled like the editor's: the tester stays connected to what it checks, and the
    # editor's models keep emitting until the window is gone.
    items, steps, changes, comparison = ItemsModel(), StepsModel(), ChangesModel(), ComparisonModel()
    items.set_items(editor.procedure.items, editor.finding_of)
    steps.set_procedure(editor.procedure)
    changes.set_changes(editor.draft.done, editor.draft.changes)
    comparison.set_comparison(editor.comparison_model.comparison)
    for model in (items, steps, changes, comparison):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    for model in (ItemsModel(), StepsModel(), ChangesModel(), ComparisonModel()):
        qtmodeltester.check(model, force_py=True)


def test_every_widget_has_an_accessible_name(qtbot, window: MainWindow) -> None:
    editor: RedesignEditor = window.editor
    for widget in (
        editor.items_view,
        editor.steps_view,
        editor.comparison_view,
        editor.history_view,
        editor.changes_view,
        editor.details,
        editor.toolbar,
        editor.finding_panel,
        window.pane,
        window.pane.panel,
        window.analysis.progress,
    ):
        assert widget.accessibleName(), widget
    dialog = ChangeDialog("Bỏ", "x")
    qtbot.addWidget(dialog)
    dialog.add_channels(editor.procedure.channels)
    dialog.add_time_limit(1, TimeUnit.DAY)
    dialog.add_fee()
    dialog.add_data_source([("population", "CSDL dân cư")], "population")
    fields = QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit | QtWidgets.QComboBox | QtWidgets.QAbstractSpinBox
    for field in dialog.findChildren(QtWidgets.QWidget):
        if isinstance(field, fields) and not isinstance(field.parent(), QtWidgets.QAbstractSpinBox):
            assert field.accessibleName(), field  # (a spin box's own line edit is named by the spin box)


def test_every_change_is_in_the_menu_and_the_shortcuts_are_standard(window: MainWindow) -> None:
    menu = [a for a in window.redesign_menu.actions() if not a.isSeparator()]
    assert set(window.editor.redesign_actions.change_actions) == set(menu)
    assert all(action.text() for action in menu)
    assert window.editor.redesign_actions.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.editor.redesign_actions.redo_action.shortcuts()]
    assert window.editor.redesign_actions.undo_action in window.edit_menu.actions()


def test_switching_to_english_retranslates_the_editor(qtbot, window: MainWindow) -> None:
    window.editor.redesign_actions.apply_suggestions_action.trigger()
    english = next(a for a in window.language_group.actions() if a.data() == "en")
    english.trigger()
    qtbot.waitUntil(
        lambda: window.editor.redesign_actions.apply_suggestions_action.text() == "&Apply suggestions"
    )
    assert window.editor.comparison_model.headerData(1, Qt.Orientation.Horizontal) == "As-is"
    assert window.editor.comparison_model.value("Savings rate") not in (None, "0,00 %")
    assert window.pane.tabText(1) == "Redesign"
    window.set_language("vi")
    qtbot.waitUntil(lambda: window.pane.tabText(1) == "Phương án")


def test_a_gesture_stores_the_change_tthc_redesign_stores(
    qtbot, window: MainWindow, sample_path: Path, tmp_path: Path, capsys
) -> None:
    """The editor's actions and the command line's single changes are the same service functions."""
    from tests.helpers.workspaces import make_sample_workspace
    from tests.test_cli import run

    editor = window.editor
    choose(editor.items_view, MARRIAGE_CERTIFICATE)
    answer(click_ok)  # the dialog comes prefilled with the finding's reasons
    press(qtbot, editor.items_view, Qt.Key.Key_L, Ctrl)
    [gui] = stored(sample_path).changes

    other = make_sample_workspace(tmp_path / "cli.sqlite")
    number = str(MARRIAGE_CERTIFICATE + 1)  # as tthc show numbers it
    status, _, err = run(
        capsys, "redesign", BIRTH, "-w", str(other), "--lookup", number, "--rationale", gui.rationale
    )
    assert status == 0, err
    [cli] = stored(other).changes
    assert cli.model_dump() == gui.model_dump() and cli.legal_basis


# --- one history: the stack shows the stored proposal's --------------------------------------------------------------


def revision(path: Path, code: str = BIRTH) -> int:
    with Workspace.open(path) as workspace:
        infos = Proposals(workspace).infos(code)
    return infos[0].revision if infos else 0


def assert_shows_what_is_stored(editor: RedesignEditor, path: Path) -> None:
    """The undo stack, its texts, its history view and the draft shown are the stored proposal's history."""
    draft = stored(path)
    history = [*draft.done, *reversed(draft.undone)]
    stack = editor.stack
    assert [stack.text(i) for i in range(stack.count())] == [g.label for g in history]
    assert [stack.command(i).seq for i in range(stack.count())] == [g.seq for g in history]
    assert stack.index() == len(draft.done) and stack.isClean()
    assert stack.undoText() == (draft.done[-1].label if draft.done else "")
    assert stack.redoText() == (draft.undone[-1].label if draft.undone else "")
    assert editor.redesign_actions.undo_action.isEnabled() == bool(draft.done)
    assert editor.redesign_actions.redo_action.isEnabled() == bool(draft.undone)
    view = editor.history_view
    assert view.model().rowCount() == len(history) + 1  # the published version first
    assert view.currentIndex().row() == len(draft.done)
    assert [g.seq for g in editor.draft.done] == [g.seq for g in draft.done]
    assert editor.procedure == draft.procedure


def test_every_gesture_moves_the_stored_history_once_and_the_stack_shows_it(
    qtbot, window: MainWindow, sample_path: Path, qtmodeltester
) -> None:
    editor = window.editor
    assert_shows_what_is_stored(editor, sample_path)
    editor.redesign_actions.apply_suggestions_action.trigger()
    assert_shows_what_is_stored(editor, sample_path)
    assert revision(sample_path) == 1  # made and stored once: pushing its command stored nothing more
    answer(because("Không cần thiết."))
    choose(editor.items_view, 0)
    editor.redesign_actions.remove_item_action.trigger()
    assert len(stored(sample_path).done) == 2
    assert_shows_what_is_stored(editor, sample_path)
    assert editor.redesign_actions.undo_action.text().startswith("&Hoàn tác Bỏ thành phần")
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)
    assert_shows_what_is_stored(editor, sample_path)
    assert editor.redesign_actions.redo_action.text().startswith("&Làm lại Bỏ thành phần")
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl | Shift)
    assert_shows_what_is_stored(editor, sample_path)
    editor.history_view.setCurrentIndex(editor.history_view.model().index(0, 0))  # back to the published one
    assert_shows_what_is_stored(editor, sample_path)
    assert stored(sample_path).changes == [] and revision(sample_path) == 6
    qtmodeltester.check(editor.history_view.model())

    select(window, "1.000894")
    select(window, BIRTH)  # opened again: the stack is laid out from the store, which it does not write
    assert_shows_what_is_stored(editor, sample_path)
    assert revision(sample_path) == 6 and editor.stack.count() == 2
    editor.history_view.setCurrentIndex(editor.history_view.model().index(2, 0))
    assert_shows_what_is_stored(editor, sample_path)
    assert len(stored(sample_path).changes) == 5


def someone_else_makes_the_birth_online(path: Path) -> None:
    with Workspace.open(path) as workspace:
        other = Proposals(workspace)
        other.push(
            other.open(BIRTH),
            ChangeGroup(label="Trực tuyến", changes=[MakeOnline(rationale="Chỉ thị 24")]),
            author="lan",
        )


def test_a_refused_undo_leaves_the_stack_showing_what_is_stored(
    qtbot, window: MainWindow, sample_path: Path, warnings: list[tuple[str, str]]
) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    someone_else_makes_the_birth_online(sample_path)
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)
    assert len(warnings) == 1 and "was changed by lan" in warnings[0][1]
    assert_shows_what_is_stored(editor, sample_path)  # at once: Ctrl+Z recovers as the stack returns
    assert editor.stack.undoText() == "Trực tuyến"


def test_a_refused_redo_from_the_history_view_is_laid_out_again_from_the_store(
    qtbot, window: MainWindow, sample_path: Path, warnings: list[tuple[str, str]]
) -> None:
    editor = window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    press(qtbot, editor.items_view, Qt.Key.Key_Z, Ctrl)
    someone_else_makes_the_birth_online(sample_path)  # their change drops our undone group from the store
    editor.history_view.setCurrentIndex(editor.history_view.model().index(1, 0))  # redo ours
    qtbot.waitUntil(lambda: bool(warnings))
    assert "your change was not saved" in warnings[0][1]
    qtbot.waitUntil(editor.stack.isClean)
    assert_shows_what_is_stored(editor, sample_path)
    assert [editor.stack.text(i) for i in range(editor.stack.count())] == ["Trực tuyến"]
