"""The main window driven like a user would: type, click, choose from menus."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.workspaces import make_workspace
from tests.workbench.conftest import simple
from workbench.catalog_model import Column
from workbench.i18n import Translations
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


def shown(window: MainWindow, col: Column) -> list[str]:
    return [window.proxy.index(row, col).data() for row in range(window.proxy.rowCount())]


def click_header(qtbot, window: MainWindow, col: Column) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x, header.height() // 2))


def test_opening_lists_procedures_with_counts_and_title(window: MainWindow, workspace_path: Path) -> None:
    assert window.proxy.rowCount() == 4
    assert window.count_label.text() == "4 / 4 thủ tục"
    assert str(workspace_path) in window.windowTitle()
    assert window.file_menu.title() == "&Tệp"
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Tên thủ tục"


def test_typing_without_diacritics_finds_the_procedure(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "dang ky khai sinh")
    assert shown(window, Column.NAME) == ["Thủ tục đăng ký khai sinh"]
    assert window.count_label.text() == "1 / 4 thủ tục"
    window.search.clear()
    assert window.proxy.rowCount() == 4


def test_ctrl_f_focuses_the_search_field(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.hasFocus())
    assert window.search.accessibleName() == "Tìm thủ tục"


def test_clicking_a_count_header_sorts_numerically(qtbot, window: MainWindow) -> None:
    click_header(qtbot, window, Column.ITEMS_TO_SUBMIT)
    first = shown(window, Column.ITEMS_TO_SUBMIT)
    click_header(qtbot, window, Column.ITEMS_TO_SUBMIT)
    second = shown(window, Column.ITEMS_TO_SUBMIT)
    assert {tuple(first), tuple(second)} == {("0", "2", "3", "12"), ("12", "3", "2", "0")}


def test_selecting_a_row_shows_items_and_notes_in_their_own_sections(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "khai sinh")
    window.table.selectRow(0)
    text = window.detail.toPlainText()
    assert window.detail.procedure is not None and window.detail.procedure.code == "1.001193"
    dossier = text[text.index("Thành phần hồ sơ") : text.index("Lưu ý")]
    notes = text[text.index("Lưu ý") : text.index("Kết quả thực hiện")]
    assert "Giấy tờ phải nộp" in dossier and "Giấy chứng sinh" in dossier
    assert "Không phải nộp bản sao Giấy chứng nhận kết hôn nếu đã có trong Cơ sở dữ liệu hộ tịch." in notes
    assert "Giấy chứng sinh" not in notes and "Không phải nộp" not in dossier


def test_selection_follows_the_row_after_sorting(qtbot, window: MainWindow) -> None:
    row = shown(window, Column.CODE).index("1.000894")
    window.table.selectRow(row)
    window.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    current = window.table.currentIndex()
    assert window.proxy.index(current.row(), Column.CODE).data() == "1.000894"
    assert window.detail.procedure.code == "1.000894"


def test_a_file_that_is_not_a_workspace_is_refused_in_one_sentence(
    window: MainWindow, tmp_path: Path, warnings: list[tuple[str, str]], workspace_path: Path, monkeypatch
) -> None:
    bogus = tmp_path / "notes.tthc"
    bogus.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bogus), ""))
    window.open_action.trigger()
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Không mở được không gian làm việc"
    assert str(bogus) in text and "not a TTHC workspace" in text
    assert text.endswith(".") and "\n" not in text and "Traceback" not in text
    assert window.workspace is not None and window.workspace.label == str(workspace_path)
    assert window.proxy.rowCount() == 4 and str(workspace_path) in window.windowTitle()
    assert str(bogus) not in Settings().recent


def test_open_workspace_through_the_file_dialog_and_recent_menu(
    qtbot, window: MainWindow, tmp_path: Path, workspace_path: Path, monkeypatch
) -> None:
    other = make_workspace(
        tmp_path / "other.sqlite", [simple("5.000001", "Thủ tục khác", items=1, levels=[])]
    )
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(other), ""))
    window.open_action.trigger()
    assert shown(window, Column.CODE) == ["5.000001"]
    assert window.count_label.text() == "1 / 1 thủ tục"
    assert Settings().recent == [str(other), str(workspace_path)]
    recent = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in recent] == [str(other), str(workspace_path)]
    recent[1].trigger()
    assert window.proxy.rowCount() == 4
    assert Settings().recent[0] == str(workspace_path)
    window.clear_recent_action.trigger()
    assert Settings().recent == []


def test_switching_to_english_retranslates_live_and_is_remembered(
    qtbot, window: MainWindow, translations: Translations
) -> None:
    english = next(a for a in window.language_group.actions() if a.data() == "en")
    english.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.language_menu.title() == "&Language"
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Name"
    assert window.count_label.text() == "4 / 4 procedures"
    # the core's vocabulary follows the switch too: a level, a group of items
    assert "Levels\nCommune\n" in window.detail.toPlainText()
    assert "To submit" in window.detail.toPlainText()
    assert "Commune" in ", ".join(shown(window, Column.LEVELS))
    assert english.isChecked() and Settings().language == "en"
    window.set_language("vi")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Tệp")
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Tên thủ tục"
    assert "Cấp thực hiện\nCấp xã\n" in window.detail.toPlainText()
    assert "Giấy tờ phải nộp" in window.detail.toPlainText()
    levels = ", ".join(shown(window, Column.LEVELS))
    assert "Commune" not in levels and "Cấp xã" in levels


def test_layout_is_restored_in_the_next_session(
    qtbot, window: MainWindow, translations: Translations
) -> None:
    window.resize(700, 560)  # within the offscreen screen (800 × 600), which restoreGeometry respects
    window.splitter.setSizes([300, 700])
    sizes = window.splitter.sizes()
    window.table.sortByColumn(Column.STEPS, Qt.SortOrder.DescendingOrder)
    window.close()
    again = MainWindow(Settings(), translations)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == QtCore.QSize(700, 560)
    assert again.splitter.sizes() == sizes
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.STEPS,
        Qt.SortOrder.DescendingOrder,
    )


def test_without_a_workspace_the_window_says_so(qtbot, translations: Translations) -> None:
    empty = MainWindow(Settings(), translations)
    qtbot.addWidget(empty)
    assert empty.workspace is None
    assert "Chưa mở không gian làm việc nào" in empty.detail.toPlainText()
    assert empty.count_label.text() == "0 / 0 thủ tục"
    assert empty.windowTitle() == "TTHC Workbench"


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    assert window.quit_action.shortcut() == QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Quit)
    window.quit_action.trigger()
    assert not window.isVisible() and window.workspace is None


def test_a_database_password_is_never_remembered() -> None:
    from workbench.main_window import workspace_target

    assert (
        workspace_target("postgresql://cb:bí-mật@db.local:5432/tthc") == "postgresql://cb@db.local:5432/tthc"
    )
    assert workspace_target("postgresql://cb@db.local/tthc") == "postgresql://cb@db.local/tthc"


@pytest.mark.postgres
def test_a_team_workspace_opens_from_its_address_and_is_remembered_without_password(
    qtbot, window: MainWindow, pg_url: str, monkeypatch
) -> None:
    from sqlalchemy.engine import make_url

    make_workspace(pg_url, [simple("6.000001", "Thủ tục của nhóm", items=2, levels=[])])  # type: ignore[arg-type]
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *args, **kwargs: (pg_url, True))
    window.open_team_action.trigger()
    assert shown(window, Column.CODE) == ["6.000001"]
    remembered = Settings().recent[0]
    assert (
        make_url(remembered).password is None and make_url(remembered).database == make_url(pg_url).database
    )


def test_a_team_workspace_address_must_be_postgresql(
    qtbot, window: MainWindow, warnings, monkeypatch
) -> None:
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *args, **kwargs: ("mysql://x@y/z", True))
    window.open_team_action.trigger()
    assert warnings and "postgresql://" in warnings[-1][1]
