"""The analysis in the procedure view: finding badges, their explanation on hover and in the side panel, online
blocks and cost; the whole catalog analysed on a worker thread with progress and cancel."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from models.jobs import ANALYSIS, check_cancelled
from models.storage.workspace import Workspace
from tests.workbench.conftest import select
from workbench import analysis_runner as runner_module
from workbench.analysis_html import format_hours, format_money
from workbench.analysis_panel import catalog_analysis_job
from workbench.main_window import MainWindow
from workbench.qt import QtCore, QtGui, QtWidgets
from workbench.workers import Task

Qt = QtCore.Qt
BIRTH = "1.001193"
MARRIAGE_CERTIFICATE = "Giấy chứng nhận kết hôn của cha, mẹ trẻ em"
BIRTH_CERTIFICATE = "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp"


def line_of(text: str, start: str) -> str:
    """The line starting with ``start``, its spaces (the badges' non-breaking ones too) folded."""
    return " ".join(next(line for line in text.splitlines() if line.startswith(start)).split())


def anchor_point(view: QtWidgets.QTextBrowser, href: str) -> QtCore.QPoint:
    """A point inside the link ``href``, scrolled into view (viewport coordinates)."""
    document = view.document()
    cursor = QtGui.QTextCursor(document)
    for position in range(1, document.characterCount()):
        cursor.setPosition(position)
        if cursor.charFormat().anchorHref() == href:
            cursor.setPosition(position + 1)  # inside the badge, not at its edge
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
            rect = view.cursorRect(cursor)
            return QtCore.QPoint(rect.left(), rect.center().y())
    raise AssertionError(f"no link {href}")


def test_badges_mark_the_findings_of_each_item(qtbot, sample_window: MainWindow) -> None:
    select(sample_window, BIRTH)
    text = sample_window.detail.toPlainText()
    # the badges say what the exports say (models.vocabulary), in the short form
    assert line_of(text, MARRIAGE_CERTIFICATE).endswith(" Trùng lặp")  # connected and announced: redundant
    assert line_of(text, "Giấy tờ chứng minh nơi cư trú").endswith(" Trùng lặp")
    assert line_of(text, BIRTH_CERTIFICATE).endswith(" Có thể trùng lặp")  # the health data are not announced
    assert line_of(text, "Tờ khai đăng ký khai sinh").endswith(" Vẫn phải nộp")
    html = sample_window.detail.toHtml()
    assert "#b71c1c" in html and "#a84300" in html  # the badges' colours
    assert "Không phải nộp bản sao" not in text[: text.index("Lưu ý")]  # notes stay apart, without badges


def test_a_state_issued_item_has_its_own_badge(qtbot, sample_window: MainWindow) -> None:
    select(sample_window, "2.001583")
    text = sample_window.detail.toPlainText()
    assert line_of(text, "Bản sao Giấy chứng nhận đăng ký đầu tư").endswith("Do nhà nước cấp")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform, showing a tooltip
def test_hovering_a_badge_shows_the_explanation_and_legal_basis(qtbot, sample_window: MainWindow) -> None:
    select(sample_window, BIRTH)
    view = sample_window.detail
    point = anchor_point(view, "item:8")  # the marriage certificate
    assert view.anchorAt(point) == "item:8"
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QtWidgets.QApplication.sendEvent(view.viewport(), event)
    tip = QtWidgets.QToolTip.text()
    assert tip.startswith("Trùng lặp (dữ liệu đã có): “Giấy chứng nhận kết hôn” khớp cụm")
    assert "Cơ sở dữ liệu hộ tịch điện tử" in tip
    assert "Căn cứ pháp lý: Quyết định 3458/QĐ-BTP" in tip


def test_clicking_a_badge_explains_the_finding_in_the_side_panel(qtbot, sample_window: MainWindow) -> None:
    select(sample_window, BIRTH)
    view, panel = sample_window.detail, sample_window.pane.panel
    assert "Tab" in panel.toPlainText()  # the hint, before anything is chosen
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(view, "item:1"))
    shown = panel.toPlainText()
    assert shown.startswith(BIRTH_CERTIFICATE)
    assert "Có thể trùng lặp" in shown and "Dữ liệu y tế" in shown
    assert "Căn cứ pháp lý" in shown and "Giấy chứng sinh điện tử" in shown
    # the conditions as the findings report heads its columns; the finder's rule name is not for users
    assert "(b) Đã công bố: Không" in shown and "(c) Đã kết nối: Chưa rõ" in shown
    assert "quy tắc" not in shown and "registry phrasing" not in shown
    assert "Nếu tra cứu thất bại" in shown
    assert panel.accessibleName() == "Chi tiết kết quả rà soát"


def test_the_keyboard_reaches_every_badge(qtbot, sample_window: MainWindow) -> None:
    select(sample_window, BIRTH)
    view, panel = sample_window.detail, sample_window.pane.panel
    sample_window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the first link: the form's badge
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert panel.toPlainText().startswith("Tờ khai đăng ký khai sinh theo mẫu")
    assert "Vẫn phải nộp" in panel.toPlainText()


def test_online_blocks_and_cost_are_shown_after_the_published_sections(
    qtbot, sample_window: MainWindow
) -> None:
    select(sample_window, BIRTH)
    text = sample_window.detail.toPlainText()
    online = text[text.index("Điều kiện trực tuyến toàn trình") : text.index("Chi phí tuân thủ")]
    assert "4 trở ngại" in online
    assert "Thành phần 9 — Phải xuất trình bản chính" in online
    assert "Bước 5 — Chữ ký tay" in online
    cost = text[text.index("Chi phí tuân thủ") :]
    breakdown = sample_window.detail.analysis.cost
    assert breakdown.per_dossier_vnd > 0
    assert f"Mỗi hồ sơ (gồm phí, lệ phí)\n{format_money(breakdown.per_dossier_vnd)}" in cost
    assert f"Mỗi năm\n{format_money(breakdown.annual_vnd)}" in cost
    visits = breakdown.line("visits")  # the lines named as the cost workbook and the plan name them
    assert f"Đi lại, chờ đợi\n{format_hours(visits.hours)}\n{format_money(visits.time_vnd)}" in cost
    assert "Sao chụp giấy tờ\n" in cost and "Chứng thực bản sao\n" in cost
    assert "giá trị giữ chỗ" in cost  # the shipped parameters are placeholders, and the view says so
    assert text.index("Quyết định công bố") < text.index("Điều kiện trực tuyến toàn trình")


def test_a_procedure_not_yet_analysed_is_analysed_alone_until_the_catalog_is(
    qtbot, sample_window: MainWindow, sample_path: Path
) -> None:
    select(sample_window, BIRTH)
    analysis = sample_window.detail.analysis
    assert analysis is not None and not analysis.stored and len(analysis.findings) == 9
    sample_window.pane.show_item(8)
    assert "chỉ rà soát riêng thủ tục này" in sample_window.pane.panel.toPlainText()
    with Workspace.open(sample_path) as workspace:
        assert workspace.finding_counts() == {}  # looking stores nothing


def test_the_catalog_is_analysed_on_a_worker_and_the_findings_stored(
    qtbot, sample_window: MainWindow, sample_path: Path
) -> None:
    select(sample_window, BIRTH)
    assert sample_window.analysis.analyse_action.shortcut() == QtGui.QKeySequence("F5")
    sample_window.analysis.analyse_action.trigger()
    assert sample_window.analysis.task is not None
    assert (
        not sample_window.analysis.analyse_action.isEnabled()
        and sample_window.analysis.cancel_action.isEnabled()
    )
    qtbot.waitUntil(lambda: sample_window.analysis.task is None, timeout=20_000)
    assert "Đã rà soát 15 thủ tục" in sample_window.statusBar().currentMessage()
    assert sample_window.analysis.progress.isHidden() and sample_window.analysis.analyse_action.isEnabled()
    with Workspace.open(sample_path) as workspace:
        counts = workspace.finding_counts()
    assert len(counts) == 15 and counts[BIRTH]["redundant"] == 3
    analysis = sample_window.detail.analysis
    assert analysis is not None and analysis.stored  # the shown procedure now reads the stored findings


def test_the_window_stays_responsive_and_a_cancelled_analysis_stores_nothing(
    qtbot, sample_window: MainWindow, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def slow_job(workspace):
        real = catalog_analysis_job(workspace)

        def job(progress, cancelled):
            started.set()
            for done in range(1000):  # a long catalog: report progress until cancelled
                check_cancelled(cancelled, ANALYSIS)
                progress(done, 1000)
                time.sleep(0.005)
            return real(progress, cancelled)

        return job

    monkeypatch.setattr(runner_module, "catalog_analysis_job", slow_job)
    sample_window.analysis.analyse_action.trigger()
    assert started.wait(5)
    qtbot.waitUntil(
        lambda: (
            sample_window.analysis.progress.maximum() == 1000 and sample_window.analysis.progress.value() > 3
        )
    )
    assert sample_window.analysis.progress.isVisible() and sample_window.analysis.cancel_button.isVisible()
    select(sample_window, "1.000894")  # the GUI thread is free meanwhile
    sample_window.analysis.cancel_action.trigger()
    qtbot.waitUntil(lambda: sample_window.analysis.task is None, timeout=5000)
    assert "đã hủy" in sample_window.statusBar().currentMessage()
    with Workspace.open(sample_path) as workspace:
        assert workspace.finding_counts() == {}


def test_closing_the_window_stops_a_running_analysis(
    qtbot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def endless(workspace):
        def job(progress, cancelled):
            while not cancelled():
                time.sleep(0.005)

        return job

    monkeypatch.setattr(runner_module, "catalog_analysis_job", endless)
    sample_window.analysis.analyse_action.trigger()
    task = sample_window.analysis.task
    sample_window.close()
    assert task is not None and task.isFinished() and sample_window.workspace is None


def test_a_failed_analysis_is_one_sentence(
    qtbot, sample_window: MainWindow, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.errors import WorkspaceError

    def failing(workspace):
        def job(progress, cancelled):
            raise WorkspaceError("Could not write to workspace w.sqlite: disk full.")

        return job

    monkeypatch.setattr(runner_module, "catalog_analysis_job", failing)
    sample_window.analysis.analyse_action.trigger()
    qtbot.waitUntil(lambda: sample_window.analysis.task is None, timeout=5000)
    assert warnings == [("Rà soát", "Could not write to workspace w.sqlite: disk full.")]


def test_an_analysis_failing_after_a_cancel_request_is_reported_as_a_failure(
    qtbot, sample_window: MainWindow, warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user cancels; the analysis, stopping, meets a real error: that error is shown, not "cancelled"."""
    from models.errors import WorkspaceError

    def failing_once_cancelled(workspace):
        def job(progress, cancelled):
            while not cancelled():
                time.sleep(0.005)
            raise WorkspaceError("Could not write to workspace w.sqlite: disk full.")

        return job

    monkeypatch.setattr(runner_module, "catalog_analysis_job", failing_once_cancelled)
    runner = sample_window.analysis
    runner.analyse_action.trigger()
    runner.cancel_action.trigger()
    qtbot.waitUntil(lambda: runner.task is None, timeout=5000)
    assert warnings == [("Rà soát", "Could not write to workspace w.sqlite: disk full.")]
    assert "đã hủy" not in sample_window.statusBar().currentMessage()


def test_a_task_reports_cancelled_only_for_cancelled_and_done_for_a_return(qtbot) -> None:
    """The contract of every worker: Cancelled is a cancel, a return is done even after a cancel request, an
    error is an error even after one."""

    def outcome(job) -> str:
        task = Task(job)
        seen: list[str] = []
        task.succeeded.connect(lambda result: seen.append(f"done {result}"))
        task.failed.connect(lambda sentence: seen.append(f"failed {sentence}"))
        task.was_cancelled.connect(lambda: seen.append("cancelled"))
        task.cancel()  # asked before it even starts
        with qtbot.waitSignal(task.finished, timeout=5000):
            task.start()
        task.wait()
        qtbot.waitUntil(lambda: bool(seen))
        return seen[0]

    def stops(progress, cancelled):
        check_cancelled(cancelled, ANALYSIS)

    def error(progress, cancelled):
        raise WorkspaceError("disk full")

    from models.errors import WorkspaceError

    assert outcome(stops) == "cancelled"
    assert outcome(lambda progress, cancelled: 3) == "done 3"
    assert outcome(error) == "failed disk full"


def test_an_unexpected_error_in_a_task_is_reported_not_raised(qtbot) -> None:
    def broken(progress, cancelled):
        raise ValueError("bug")

    task = Task(broken)
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start()
    task.wait()
    assert "log" in failed.args[0] and "bug" not in failed.args[0]


def test_the_view_shows_the_command_lines_findings_for_a_procedure_never_analysed(
    qtbot, translations, tmp_path: Path, capsys
) -> None:
    import json

    from tests.helpers.workspaces import DEMANDING, ISSUER, licence_catalog, make_workspace
    from tests.test_cli import run
    from tests.workbench.conftest import open_window

    path = make_workspace(tmp_path / "licence.sqlite", licence_catalog())
    status, out, _ = run(capsys, "analyze", "-w", str(path), "--json", "--no-store", "--code", DEMANDING)
    [cli] = json.loads(out)["procedures"]
    window = open_window(qtbot, translations, path)
    select(window, DEMANDING)
    shown = window.detail.analysis
    assert shown is not None and not shown.stored
    assert [(str(f.grade), f.data_source, f.issuing_procedure, f.explanation) for f in shown.findings] == [
        (i["status"], i["data_source"], i["issuing_procedure"], i["explanation"]) for i in cli["items"]
    ]
    assert shown.findings[0].issuing_procedure == ISSUER  # the link the view used to miss
    window.pane.show_item(0)
    assert f"thủ tục {ISSUER}" in window.pane.panel.toPlainText()
