"""The dashboard on the sample catalog: charts of the analysis, readable numbers, bars that filter the catalog."""

from __future__ import annotations

from pathlib import Path

from catalog.pipeline.analysis import analyze_workspace
from models.storage.workspace import Workspace
from tests.workbench.test_catalog_browser import analyse, codes, wait_for_figures
from workbench.catalog_model import Status
from workbench.charts import Bar, BarChart
from workbench.main_window import MainWindow
from workbench.qt import QtCore, QtGui

Qt = QtCore.Qt


def procedures_naming(sample_path: Path, source: str) -> list[str]:
    with Workspace.open(sample_path, create=False) as workspace:
        analysis = analyze_workspace(workspace, store=False)
    return sorted(
        a.procedure.code for a in analysis.procedures if any(f.data_source == source for f in a.findings)
    )


def click(qtbot, chart: BarChart, index: int) -> None:
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(index).center())


def test_before_the_analysis_the_dashboard_offers_it(qtbot, sample_window: MainWindow) -> None:
    wait_for_figures(qtbot, sample_window)
    dashboard = sample_window.dashboard
    assert "chưa được rà soát" in dashboard.message.text()
    assert not dashboard.analyse_button.isHidden()
    assert dashboard.sources.bars == []
    assert dashboard.tiles["cost"].value.text().endswith(" đ")  # costs are known without findings


def test_the_sources_chart_shows_the_sample_sources_with_their_numbers(
    qtbot, sample_window: MainWindow
) -> None:
    analyse(qtbot, sample_window)
    chart = sample_window.dashboard.sources
    labels = [bar.label for bar in chart.bars]
    assert "Cơ sở dữ liệu quốc gia về dân cư" in labels and "Cơ sở dữ liệu hộ tịch điện tử" in labels
    values = [bar.value for bar in chart.bars]
    assert values == sorted(values, reverse=True) and values[0] > 0
    described = chart.accessibleDescription()
    for bar in chart.bars:
        assert f"{bar.label}: {bar.value_text}" in described
    assert chart.accessibleName() == "Số phát hiện theo nguồn dữ liệu"
    assert sample_window.dashboard.analyse_button.isHidden()


def test_clicking_a_source_bar_filters_the_catalog(
    qtbot, sample_window: MainWindow, sample_path: Path
) -> None:
    analyse(qtbot, sample_window)
    sample_window.overview.show_dashboard()
    chart = sample_window.dashboard.sources
    index = next(n for n, bar in enumerate(chart.bars) if bar.label == "Cơ sở dữ liệu hộ tịch điện tử")
    click(qtbot, chart, index)
    assert sample_window.tabs.currentIndex() == 0  # back on the catalog
    assert sorted(codes(sample_window.proxy)) == procedures_naming(sample_path, "civil_status")
    assert sample_window.filters.source.currentData() == "civil_status"
    assert sample_window.table.currentIndex().row() == 0


def test_a_bar_is_reached_and_activated_with_the_keyboard(qtbot, sample_window: MainWindow) -> None:
    analyse(qtbot, sample_window)
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    qtbot.keyClick(
        sample_window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert sample_window.tabs.currentWidget() is sample_window.dashboard
    chart = sample_window.dashboard.grades
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    assert chart.current == 0  # "redundant"
    assert chart.accessibleDescription().startswith("Trùng lặp: ")
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert sample_window.proxy.catalog_filter.status == Status.REDUNDANT
    grades = [
        sample_window.model.facts(sample_window.proxy.source_row(r)).grades
        for r in range(sample_window.proxy.rowCount())
    ]
    assert grades and all(g.get("redundant", 0) > 0 for g in grades)


def test_the_most_burdensome_procedure_bar_selects_it(qtbot, sample_window: MainWindow) -> None:
    analyse(qtbot, sample_window)
    chart = sample_window.dashboard.burden
    first = chart.bars[0]
    click(qtbot, chart, 0)
    assert codes(sample_window.proxy) == [first.label.split()[0]]
    assert sample_window.detail.procedure.code == first.label.split()[0]
    assert sample_window.filters.chip.isVisible()
    qtbot.mouseClick(sample_window.filters.chip_clear, Qt.MouseButton.LeftButton)
    assert sample_window.proxy.rowCount() == 15


def test_savings_appear_once_proposals_exist(qtbot, sample_window: MainWindow) -> None:
    analyse(qtbot, sample_window)
    assert sample_window.dashboard.savings.bars == []
    from catalog.pipeline.redesigns import apply_suggestions

    apply_suggestions(sample_window.workspace)
    sample_window.overview.refresh()
    wait_for_figures(qtbot, sample_window)
    before, after = sample_window.dashboard.savings.bars
    assert after.value < before.value
    assert "thủ tục có phương án" in sample_window.dashboard.savings_note.text()
    click(qtbot, sample_window.dashboard.savings, 1)
    assert sample_window.proxy.catalog_filter.status == Status.REDESIGNED
    assert sample_window.proxy.rowCount() > 0


def test_a_chart_paints_its_bars(qtbot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 120)
    chart.set_bars([Bar("A", 3, "3", color="#b71c1c"), Bar("B", 1, "1", color="#1356a3")])
    image = chart.grab().toImage()
    row = chart.bar_rect(0)
    colours = {image.pixelColor(x, row.center().y()).name() for x in range(row.left(), row.right())}
    assert "#b71c1c" in colours
    assert QtGui.QColor("#1356a3").name() not in colours  # the second bar is on its own row
