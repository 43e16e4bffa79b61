"""Tools › Settings: cost parameters and data-source connections saved in the workspace, invalid values refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporters.excel.cost_book import PARAMETERS
from models.cost.parameters import load_cost_parameters
from models.registry_settings import workspace_registry
from models.storage.workspace import Workspace
from workbench.main_window import MainWindow
from workbench.qt import QtCore, QtWidgets
from workbench.settings_dialog import SettingsDialog, parse_number

Qt = QtCore.Qt


@pytest.fixture
def dialog(qtbot, translations, sample_path: Path):
    workspace = Workspace.open(sample_path, create=False)
    shown = SettingsDialog(workspace, "vi", ["/tmp/a.sqlite"])
    qtbot.addWidget(shown)
    yield shown
    workspace.close()


def ok(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_numbers_are_read_the_vietnamese_or_the_english_way() -> None:
    assert parse_number("25.000") == 25_000
    assert parse_number("0,5") == 0.5
    assert parse_number("0.5") == 0.5
    assert parse_number("1.234.567") == 1_234_567
    assert parse_number("abc") is None


def test_the_dialog_names_each_parameter_as_the_cost_book_does(dialog: SettingsDialog) -> None:
    assert [(row.label.text(), row.unit.text()) for row in dialog.rows.values()] == list(PARAMETERS.values())


def test_parameters_are_saved_in_the_workspace(qtbot, dialog: SettingsDialog, sample_path: Path) -> None:
    assert dialog.rows["hour_value_vnd"].value.text() == "25.000"
    assert dialog.rows["hour_value_vnd"].flag.text() == "Giá trị giữ chỗ"
    dialog.rows["hour_value_vnd"].value.setText("32.500")
    dialog.rows["hour_value_vnd"].source.setText("Lương tối thiểu vùng I, 2025")
    assert dialog.rows["hour_value_vnd"].flag.text() == ""
    dialog.rows["visit_hours"].value.setText("1,5")
    ok(qtbot, dialog)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.outcome.parameters_changed and not dialog.outcome.sources_changed
    with Workspace.open(sample_path, create=False) as workspace:
        params = load_cost_parameters(workspace)
    assert (params.hour_value_vnd, params.visit_hours) == (32_500, 1.5)
    assert params.sources["hour_value_vnd"] == "Lương tối thiểu vùng I, 2025"
    assert "hour_value_vnd" not in params.placeholders() and "visit_hours" in params.placeholders()


@pytest.mark.parametrize(
    ("name", "text", "sentence"),
    [
        (
            "hour_value_vnd",
            "hai mươi nghìn",
            "Giá trị một giờ của người thực hiện: “hai mươi nghìn” không phải là một số.",
        ),
        ("travel_cost_vnd", "-5", "Chi phí đi lại mỗi lần đến cơ quan không được âm."),
        (
            "conditional_item_weight",
            "2",
            "Tỷ lệ hồ sơ cần thành phần có điều kiện (“nếu có”, “trường hợp…”) phải từ 0 đến 1.",
        ),
    ],
)
def test_an_invalid_value_is_refused_in_one_sentence(
    qtbot, dialog: SettingsDialog, sample_path: Path, name: str, text: str, sentence: str
) -> None:
    dialog.show()
    dialog.rows[name].value.setText(text)
    ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.error.text() == sentence
    assert dialog.error.isVisible()
    qtbot.waitUntil(dialog.rows[name].value.hasFocus)
    with Workspace.open(sample_path, create=False) as workspace:
        assert load_cost_parameters(workspace).model_dump() == dialog.params.model_dump()  # nothing saved


def test_restore_defaults_puts_the_placeholders_back(qtbot, dialog: SettingsDialog) -> None:
    dialog.rows["form_hours"].value.setText("3")
    dialog.rows["form_hours"].source.setText("khảo sát")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.rows["form_hours"].value.text() == "0,5"
    assert dialog.rows["form_hours"].flag.text() == "Giá trị giữ chỗ"


def test_a_connection_toggle_is_saved(qtbot, dialog: SettingsDialog, sample_path: Path) -> None:
    table = dialog.sources
    row = next(n for n in range(table.rowCount()) if table.item(n, 0).data(Qt.ItemDataRole.UserRole) == "tax")
    assert table.item(row, 4).checkState() == Qt.CheckState.Unchecked
    table.item(row, 4).setCheckState(Qt.CheckState.Checked)
    table.item(row, 3).setText("01/07/2025")
    table.item(row, 2).setCheckState(Qt.CheckState.Checked)
    ok(qtbot, dialog)
    assert dialog.outcome.sources_changed
    with Workspace.open(sample_path, create=False) as workspace:
        tax = next(source for source in workspace_registry(workspace) if source.id == "tax")
    assert tax.connected is True and tax.announced and tax.announced_on.isoformat() == "2025-07-01"


def test_a_date_that_is_not_one_is_refused(qtbot, dialog: SettingsDialog) -> None:
    dialog.sources.item(0, 3).setText("mai")
    ok(qtbot, dialog)
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert "không phải là ngày" in dialog.error.text() and dialog.error.text().count(".") == 1
    assert dialog.tabs.currentIndex() == 1


def test_the_window_applies_the_settings_and_offers_to_analyse_again(
    qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = sample_window
    assert window.overview.settings_action.shortcut().toString() == "Ctrl+,"
    assert window.overview.settings_action in window.tools_menu.actions()

    def run(dialog: SettingsDialog) -> int:  # what a user does in the modal dialog
        table = dialog.sources
        row = next(
            n for n in range(table.rowCount()) if table.item(n, 0).data(Qt.ItemDataRole.UserRole) == "land"
        )
        table.item(row, 4).setCheckState(Qt.CheckState.Checked)
        dialog.rows["annual_volume"].value.setText("2.000")
        dialog.clear_recent_button.click()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", run)
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QtWidgets.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", question)
    window.overview.settings_action.trigger()
    assert asked and "Rà soát lại" in asked[0]
    assert window.analysis.task is not None  # the analysis started again, on request
    assert window.settings.recent == []
    assert window.pane.context.params.annual_volume == 2_000
    qtbot.waitUntil(lambda: window.analysis.task is None, timeout=30_000)
    qtbot.waitUntil(lambda: not window.overview.loader.running, timeout=30_000)
