"""The catalog table model and its search-and-sort proxy, without a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.storage.summaries import ProcedureSummary
from models.storage.workspace import Workspace
from workbench.catalog_model import (
    CODE_ROLE,
    CatalogFilterProxy,
    CatalogModel,
    Column,
    vietnamese_sort_key,
)
from workbench.qt import QtCore

Qt = QtCore.Qt


@pytest.fixture
def summaries(workspace_path: Path) -> list[ProcedureSummary]:
    with Workspace.open(workspace_path) as workspace:
        return workspace.summaries()


@pytest.fixture
def models(summaries: list[ProcedureSummary], translations) -> tuple[CatalogModel, CatalogFilterProxy]:
    model = CatalogModel()
    model.set_summaries(summaries)
    proxy = CatalogFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def column(model: QtCore.QAbstractItemModel, col: Column) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_source_model_passes_the_model_tester(qtmodeltester, models) -> None:
    model, _ = models
    qtmodeltester.check(model, force_py=True)


def test_proxy_passes_the_model_tester_while_filtered_and_sorted(qtmodeltester, models) -> None:
    _, proxy = models
    proxy.set_query("dang ky")
    proxy.sort(Column.ITEMS_TO_SUBMIT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_cells_show_summary_facts_with_vietnamese_levels(models) -> None:
    model, _ = models
    row = model.row_of("2.000001")
    assert row is not None
    cells = [model.index(row, c).data() for c in Column]
    assert cells == [
        "2.000001",
        "Cấp giấy phép xây dựng",
        "",  # neither an issuing body nor executing agencies
        "Cấp tỉnh, Cấp xã",
        "Thử nghiệm",
        "—",  # online, findings and cost: not computed yet
        "—",
        "—",
        "2",
        "0",
        "0",
        "1",
    ]
    assert model.index(row, Column.NAME).data(CODE_ROLE) == "2.000001"
    assert model.headerData(Column.LEVELS, Qt.Orientation.Horizontal) == "Cấp thực hiện"


def test_every_level_has_its_vietnamese_label(translations) -> None:
    model = CatalogModel()
    levels = ["MINISTRY", "PROVINCE", "COMMUNE", "OTHER_AGENCY", "DISTRICT_HISTORICAL", "SOMETHING_NEW"]
    model.set_summaries([ProcedureSummary("1", "x", None, None, levels, [], "1 x", 0, 0, 0, 0)])
    assert model.index(0, Column.LEVELS).data() == (
        "Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác, Cấp huyện (cũ), SOMETHING_NEW"
    )


def test_search_ignores_diacritics_and_case(models) -> None:
    _, proxy = models
    proxy.set_query("  ĐĂNG ký   KHAI sinh ")
    assert column(proxy, Column.NAME) == ["Thủ tục đăng ký khai sinh"]
    proxy.set_query("dang ky")
    assert sorted(column(proxy, Column.CODE)) == ["1.000894", "1.001193", "1.004222"]
    proxy.set_query("khai sinh dang ky")  # every word, in any order
    assert column(proxy, Column.CODE) == ["1.001193"]
    proxy.set_query("2.0000")  # codes are searched too
    assert column(proxy, Column.CODE) == ["2.000001"]
    proxy.set_query("")
    assert proxy.rowCount() == 4


def test_search_falls_back_to_code_and_name_when_the_key_is_missing(translations) -> None:
    model, proxy = CatalogModel(), CatalogFilterProxy()
    proxy.setSourceModel(model)
    model.set_summaries(
        [ProcedureSummary("1.000001", "Đổi giấy phép lái xe", None, None, [], [], "", 0, 0, 0, 0)]
    )
    proxy.set_query("doi giay phep")
    assert proxy.rowCount() == 1


def test_counts_sort_numerically_both_ways(models) -> None:
    _, proxy = models
    proxy.sort(Column.ITEMS_TO_SUBMIT, Qt.SortOrder.AscendingOrder)
    assert column(proxy, Column.ITEMS_TO_SUBMIT) == ["0", "2", "3", "12"]
    proxy.sort(Column.ITEMS_TO_SUBMIT, Qt.SortOrder.DescendingOrder)
    assert column(proxy, Column.ITEMS_TO_SUBMIT) == ["12", "3", "2", "0"]


def test_sorting_keeps_the_filter_and_persistent_indexes(models) -> None:
    model, proxy = models
    proxy.set_query("dang ky")
    kept = QtCore.QPersistentModelIndex(model.index(model.row_of("1.000894"), Column.CODE))
    proxy.sort(Column.ITEMS_TO_SUBMIT, Qt.SortOrder.AscendingOrder)
    assert column(proxy, Column.CODE) == ["1.004222", "1.001193", "1.000894"]
    assert kept.data() == "1.000894"


def test_names_sort_in_vietnamese_alphabetical_order(models) -> None:
    _, proxy = models
    proxy.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    # C < Đ < T, whatever the tone marks; plain code-point order would put Đ last.
    assert column(proxy, Column.NAME) == [
        "Cấp giấy phép xây dựng",
        "Đăng ký thường trú",
        "Thủ tục đăng ký kết hôn",
        "Thủ tục đăng ký khai sinh",
    ]


def test_vietnamese_sort_key_orders_the_alphabet() -> None:
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert sorted(reversed(alphabet), key=vietnamese_sort_key) == alphabet
    assert sorted(["Ấp", "an", "Ăn", "ám"], key=vietnamese_sort_key) == ["ám", "an", "Ăn", "Ấp"]


def test_language_change_relabels_levels_and_headers(models, translations) -> None:
    model, _ = models
    translations.uninstall()
    model.retranslate()
    assert model.index(model.row_of("1.004222"), Column.LEVELS).data() == "Ministry"
    assert model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Name"
