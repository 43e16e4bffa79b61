"""The catalog browser's figures, filters and sorting: the model and proxy alone, then in the main window."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from models.enums import FindingGrade
from models.storage.summaries import ProcedureSummary
from models.storage.workspace import Workspace
from models.text import fold
from tests.workbench.conftest import open_window
from workbench import catalog_facts
from workbench.catalog_facts import CatalogFacts, ProcedureFacts
from workbench.catalog_model import (
    CatalogFilter,
    CatalogFilterProxy,
    CatalogModel,
    Column,
    Status,
)
from workbench.main_window import MainWindow
from workbench.qt import QtCore

Qt = QtCore.Qt
R, P, S = FindingGrade.REDUNDANT, FindingGrade.POTENTIALLY_REDUNDANT, FindingGrade.ISSUED_BY_STATE


def summary(code: str, name: str, *, field: str, levels: list[str], body: str | None, agencies: list[str]):
    return ProcedureSummary(code, name, field, body, levels, agencies, fold(f"{code} {name}"), 1, 0, 0, 1)


SUMMARIES = [
    summary(
        "1.1",
        "Đăng ký khai sinh",
        field="Hộ tịch",
        levels=["COMMUNE"],
        body="Bộ Tư pháp",
        agencies=["UBND xã"],
    ),
    summary(
        "1.2", "Đăng ký kết hôn", field="Hộ tịch", levels=["COMMUNE"], body="Bộ Tư pháp", agencies=["UBND xã"]
    ),
    summary(
        "2.1",
        "Cấp giấy phép xây dựng",
        field="Xây dựng",
        levels=["PROVINCE"],
        body=None,
        agencies=["Sở Xây dựng"],
    ),
    summary(
        "3.1",
        "Đăng ký thường trú",
        field="Cư trú",
        levels=["COMMUNE", "PROVINCE"],
        body="Bộ Công an",
        agencies=[],
    ),
]
FACTS = CatalogFacts(
    analysed=True,
    by_code={
        "1.1": ProcedureFacts(
            9_000, online=False, blocks=2, grades={R: 2, P: 1}, sources=frozenset({"population"})
        ),
        "1.2": ProcedureFacts(100_000, online=True, grades={}, redesigned=True),
        "2.1": ProcedureFacts(
            10_000, online=False, blocks=1, grades={P: 3, S: 1}, sources=frozenset({"land"})
        ),
        "3.1": ProcedureFacts(1_250_000, online=True, grades={R: 1}, sources=frozenset({"population"})),
    },
    source_names={"population": "Dân cư", "land": "Đất đai"},
)


@pytest.fixture
def models(translations) -> tuple[CatalogModel, CatalogFilterProxy]:
    model = CatalogModel()
    model.set_summaries(SUMMARIES)
    model.set_facts(FACTS)
    proxy = CatalogFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def codes(proxy: CatalogFilterProxy) -> list[str]:
    return list(proxy.codes())


def column(proxy: CatalogFilterProxy, col: Column) -> list[str]:
    return [proxy.index(row, col).data() for row in range(proxy.rowCount())]


# --- model and proxy --------------------------------------------------------------------------------------------


def test_the_models_pass_the_model_tester_with_figures_filters_and_sorting(qtmodeltester, models) -> None:
    model, proxy = models
    qtmodeltester.check(model, force_py=True)
    proxy.set_filter(CatalogFilter(level="COMMUNE", status=Status.REDUNDANT))
    proxy.sort(Column.ANNUAL_COST, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    assert codes(proxy) == ["3.1", "1.1"]


def test_the_new_columns_show_online_findings_and_cost(models) -> None:
    _, proxy = models
    assert column(proxy, Column.AGENCY) == ["Bộ Tư pháp", "Bộ Tư pháp", "Sở Xây dựng", "Bộ Công an"]
    assert column(proxy, Column.ONLINE) == ["Không", "Có", "Không", "Có"]
    assert column(proxy, Column.FINDINGS) == ["2 · 1 · 0", "0 · 0 · 0", "0 · 3 · 1", "1 · 0 · 0"]
    assert column(proxy, Column.ANNUAL_COST) == ["9.000 đ", "100.000 đ", "10.000 đ", "1.250.000 đ"]
    tooltip = proxy.index(2, Column.FINDINGS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "0 trùng lặp, 3 có thể trùng lặp, 1 do nhà nước cấp, 0 vẫn phải nộp"
    assert proxy.headerData(Column.ANNUAL_COST, Qt.Orientation.Horizontal) == "Chi phí hằng năm"


def test_figures_are_a_dash_until_computed(translations) -> None:
    model = CatalogModel()
    model.set_summaries(SUMMARIES)
    assert {model.index(0, c).data() for c in (Column.ONLINE, Column.FINDINGS, Column.ANNUAL_COST)} == {"—"}
    model.set_facts(CatalogFacts(by_code={"1.1": ProcedureFacts(9_000)}))  # costed, not analysed
    assert [model.index(0, c).data() for c in (Column.ONLINE, Column.FINDINGS, Column.ANNUAL_COST)] == [
        "—",
        "—",
        "9.000 đ",
    ]


def test_amounts_and_findings_sort_as_numbers(models) -> None:
    _, proxy = models
    proxy.sort(Column.ANNUAL_COST, Qt.SortOrder.AscendingOrder)
    assert codes(proxy) == ["1.1", "2.1", "1.2", "3.1"]  # as text, "10.000" would come before "9.000"
    proxy.sort(Column.FINDINGS, Qt.SortOrder.DescendingOrder)
    assert codes(proxy) == ["1.1", "3.1", "2.1", "1.2"]  # redundant first, then potentially redundant
    proxy.sort(Column.ONLINE, Qt.SortOrder.AscendingOrder)
    assert codes(proxy) == ["1.1", "2.1", "1.2", "3.1"]  # equal values keep the loaded (code) order


def test_agency_sorts_in_vietnamese_order(models) -> None:
    _, proxy = models
    proxy.sort(Column.AGENCY, Qt.SortOrder.AscendingOrder)
    assert column(proxy, Column.AGENCY) == ["Bộ Công an", "Bộ Tư pháp", "Bộ Tư pháp", "Sở Xây dựng"]


@pytest.mark.parametrize(
    ("catalog_filter", "expected"),
    [
        (CatalogFilter(agency="Bộ Tư pháp"), ["1.1", "1.2"]),
        (CatalogFilter(agency="UBND xã"), ["1.1", "1.2"]),  # an executing agency counts too
        (CatalogFilter(level="PROVINCE"), ["2.1", "3.1"]),
        (CatalogFilter(field="Hộ tịch"), ["1.1", "1.2"]),
        (CatalogFilter(source="population"), ["1.1", "3.1"]),
        (CatalogFilter(status=Status.REDUNDANT), ["1.1", "3.1"]),
        (CatalogFilter(status=Status.ISSUED_BY_STATE), ["2.1"]),
        (CatalogFilter(status=Status.NOT_ONLINE), ["1.1", "2.1"]),
        (CatalogFilter(status=Status.REDESIGNED), ["1.2"]),
        (CatalogFilter(codes=frozenset({"2.1", "3.1"}), codes_label="x"), ["2.1", "3.1"]),
        (CatalogFilter(level="COMMUNE", source="population", status=Status.REDUNDANT), ["1.1", "3.1"]),
        (CatalogFilter(level="COMMUNE", field="Cư trú"), ["3.1"]),
    ],
)
def test_each_filter_keeps_the_matching_procedures(models, catalog_filter, expected) -> None:
    _, proxy = models
    proxy.set_filter(catalog_filter)
    assert codes(proxy) == expected
    proxy.set_filter(CatalogFilter())
    assert proxy.rowCount() == 4


def test_filters_combine_with_the_search_and_the_sort(models) -> None:
    _, proxy = models
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    proxy.set_query("dang ky")
    proxy.set_filter(CatalogFilter(level="COMMUNE"))
    assert column(proxy, Column.NAME) == ["Đăng ký thường trú", "Đăng ký khai sinh", "Đăng ký kết hôn"]
    proxy.set_query("dang ky ke")  # typing on narrows within the filter
    assert codes(proxy) == ["1.2"]


def test_status_not_analysed_before_the_figures(translations) -> None:
    model, proxy = CatalogModel(), CatalogFilterProxy()
    proxy.setSourceModel(model)
    model.set_summaries(SUMMARIES)
    proxy.set_filter(CatalogFilter(status=Status.NOT_ANALYSED))
    assert proxy.rowCount() == 4
    model.set_facts(FACTS)  # the filter follows the new figures
    assert proxy.rowCount() == 0


def test_new_figures_reorder_a_column_sorted_by_them(models) -> None:
    model, proxy = models
    proxy.sort(Column.ANNUAL_COST, Qt.SortOrder.AscendingOrder)
    kept = QtCore.QPersistentModelIndex(proxy.index(codes(proxy).index("3.1"), Column.CODE))
    cheaper = {**FACTS.by_code, "3.1": ProcedureFacts(1)}
    model.set_facts(CatalogFacts(by_code=cheaper, analysed=True))
    assert codes(proxy)[0] == "3.1"
    assert kept.row() == 0 and kept.data() == "3.1"  # the selection follows its procedure


def test_typing_on_gives_what_a_fresh_query_gives(translations) -> None:
    """Typing more of a query re-tests only the rows still shown; it must find what a fresh search finds."""
    words = ["dang", "ky", "cap", "giay", "phep", "khai", "sinh", "ket", "hon", "xay", "dung"]
    rng = random.Random(7)
    summaries = [
        ProcedureSummary(f"{n}", " ".join(rng.sample(words, 4)), None, None, [], [], "", 0, 0, 0, 0)
        for n in range(300)
    ]
    model, typed = CatalogModel(), CatalogFilterProxy()
    typed.setSourceModel(model)
    model.set_summaries(summaries)
    typed.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    query = "dang ky cap gi"
    for end in range(1, len(query) + 1):
        typed.set_query(query[:end])
        fresh = CatalogFilterProxy()
        fresh.setSourceModel(model)
        fresh.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
        fresh.set_query(query[:end])
        assert codes(typed) == codes(fresh), query[:end]


def test_filter_choices_count_the_procedures(models) -> None:
    model, _ = models
    choices = model.filter_choices()
    assert choices.agencies[:2] == [("Bộ Công an", 1), ("Bộ Tư pháp", 2)]
    assert choices.levels == [("PROVINCE", 2), ("COMMUNE", 3)]
    assert choices.sources == [("population", 2), ("land", 1)]


# --- in the main window -------------------------------------------------------------------------------------------


def wait_for_figures(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.overview.loader.running, timeout=30_000)


def analyse(qtbot, window: MainWindow) -> None:
    window.analysis.start()
    qtbot.waitUntil(lambda: window.analysis.task is None, timeout=30_000)
    wait_for_figures(qtbot, window)


def test_costs_arrive_in_the_background_and_findings_after_the_analysis(
    qtbot, sample_window: MainWindow
) -> None:
    wait_for_figures(qtbot, sample_window)
    proxy = sample_window.proxy
    costs = column(proxy, Column.ANNUAL_COST)
    assert all(text.endswith(" đ") for text in costs), costs
    assert set(column(proxy, Column.FINDINGS)) == {"—"}  # not analysed yet
    analyse(qtbot, sample_window)
    row = codes(proxy).index("1.001193")
    assert proxy.index(row, Column.FINDINGS).data() == "3 · 1 · 0"  # birth registration
    assert {proxy.index(r, Column.ONLINE).data() for r in range(proxy.rowCount())} == {"Có", "Không"}


def test_the_filter_bar_filters_the_table(qtbot, sample_window: MainWindow, sample_path: Path) -> None:
    analyse(qtbot, sample_window)
    bar = sample_window.filters
    with Workspace.open(sample_path, create=False) as workspace:
        summaries = {s.code: s for s in workspace.summaries()}
    bar.level.setFocus()
    index = bar.level.findData("PROVINCE")
    bar.level.setCurrentIndex(index)
    bar.level.activated.emit(index)
    expected = sorted(code for code, s in summaries.items() if "PROVINCE" in s.levels)
    assert sorted(codes(sample_window.proxy)) == expected
    assert sample_window.count_label.text() == f"{len(expected)} / 15 thủ tục"
    status = bar.status.findData(str(Status.NOT_ONLINE))
    bar.status.setCurrentIndex(status)
    bar.status.activated.emit(status)
    online = column(sample_window.proxy, Column.ONLINE)
    assert online and set(online) == {"Không"}
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert sample_window.proxy.rowCount() == 15
    assert bar.level.currentIndex() == 0 and bar.status.currentIndex() == 0


def test_clicking_a_new_column_header_sorts_by_cost(qtbot, sample_window: MainWindow) -> None:
    wait_for_figures(qtbot, sample_window)
    sample_window.table.sortByColumn(Column.ANNUAL_COST, Qt.SortOrder.DescendingOrder)
    amounts = [int(text[:-2].replace(".", "")) for text in column(sample_window.proxy, Column.ANNUAL_COST)]
    assert amounts == sorted(amounts, reverse=True)


def test_the_figures_are_computed_off_the_gui_thread(
    qtbot, translations, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[str] = set()
    cost = catalog_facts.procedure_cost

    def recording(*args, **kwargs):
        threads.add(threading.current_thread().name)
        return cost(*args, **kwargs)

    monkeypatch.setattr(catalog_facts, "procedure_cost", recording)
    window = open_window(qtbot, translations, sample_path)
    wait_for_figures(qtbot, window)
    assert threads and threading.main_thread().name not in threads
    assert window.model.facts(0) is not None


def test_the_figures_begin_after_the_catalog_is_shown_and_follow_the_last_workspace(
    qtbot, sample_window: MainWindow, sample_path: Path, workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wait_for_figures(qtbot, sample_window)
    started: list[Workspace] = []
    job = catalog_facts.catalog_facts_job

    def recording(workspace: Workspace, analysis=None, finder=None):
        started.append(workspace)
        return job(workspace, analysis, finder)

    monkeypatch.setattr(catalog_facts, "catalog_facts_job", recording)
    loader = sample_window.overview.loader
    assert sample_window.open_workspace(workspace_path)
    assert loader.running and loader.task is None  # asked for; its thread starts from the event loop
    assert sample_window.open_workspace(sample_path)  # another workspace before the first one's figures began
    wait_for_figures(qtbot, sample_window)
    assert started == [sample_window.workspace]
    assert set(sample_window.model.catalog_facts.by_code) == set(codes(sample_window.proxy))


@pytest.mark.parametrize("analysed", [False, True])
def test_the_figures_cancelled_at_any_check_say_cancelled(sample_path: Path, analysed: bool) -> None:
    from catalog.pipeline.analysis import analyze_workspace
    from models.jobs import Cancelled
    from tests.services.test_cancellation import cancelled_at, count_checks

    with Workspace.open(sample_path) as workspace:
        if analysed:
            analyze_workspace(workspace)
        job = catalog_facts.catalog_facts_job(workspace)
        checks = count_checks(lambda cancelled: job(lambda done, total: None, cancelled))
        assert checks >= (16 if analysed else 1)
        for check in range(1, checks + 1):
            with pytest.raises(Cancelled):
                job(lambda done, total: None, cancelled_at(check))
