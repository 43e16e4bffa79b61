"""Fixtures for the Qt shell: an offscreen platform, settings and data in tmp dirs, small workspaces.

Qt warnings fail these tests: ``qt_log_level_fail`` and its commented allow-list are in pyproject.toml.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything loads Qt

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from models.enums import Actor, ChannelMethod, CopyForm, FeeKind, ItemGroup, ItemKind, Level, TimeUnit
from models.procedure import Channel, DossierItem, Fee, LegalReference, Note, Procedure, Result, Step
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef
from models.text import fold
from workbench.i18n import Translations
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtCore, QtWidgets

HERE = Path(__file__).resolve().parent
SAMPLE_CATALOG = HERE.parents[1] / "samples" / "sample-catalog.json"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the data folder of each test live in its tmp dir, never in the user's own."""
    monkeypatch.setenv("TTHC_WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings_dir = tmp_path / "settings"
    for scope in QtCore.QSettings.Scope.UserScope, QtCore.QSettings.Scope.SystemScope:
        QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, scope, str(settings_dir))
    return settings_dir


def birth_registration() -> Procedure:
    """A procedure with every part filled, its text as published (diacritics, markup-like characters)."""
    return Procedure(
        code="1.001193",
        name="Thủ tục đăng ký khai sinh",
        description="Đăng ký sự kiện sinh của trẻ em.",
        levels=[Level.COMMUNE],
        field="Hộ tịch",
        issuing_body="Bộ Tư pháp",
        competent_authorities=["Ủy ban nhân dân cấp xã"],
        executing_agencies=["Ủy ban nhân dân cấp xã"],
        subjects=["Công dân Việt Nam"],
        requirements=["Trẻ em chưa được đăng ký khai sinh"],
        announcement_decision="1872/QĐ-BTP",
        channels=[
            Channel(
                method=ChannelMethod.DIRECT,
                time_limit=1,
                time_unit=TimeUnit.WORKING_DAY,
                fees=[Fee(kind=FeeKind.CHARGE, amount_vnd=0)],
            ),
            Channel(
                method=ChannelMethod.POSTAL,
                time_limit=3,
                time_unit=TimeUnit.DAY,
                fees=[Fee(kind=FeeKind.FEE, amount_vnd=100000, note="cước bưu chính")],
            ),
            Channel(
                method=ChannelMethod.ONLINE,
                time_limit=8,
                time_unit=TimeUnit.HOUR,
                fees=[Fee(kind=FeeKind.SERVICE_FEE, amount_vnd=None)],
            ),
        ],
        steps=[
            Step(title="Nộp hồ sơ", description="Người đi đăng ký nộp tờ khai.", actor=Actor.APPLICANT),
            Step(title="Tiếp nhận", description="Công chức kiểm tra hồ sơ.", actor=Actor.ONE_STOP_DESK),
            Step(
                title="Trả kết quả",
                description="Cấp Giấy khai sinh.",
                actor=Actor.HANDLING_AGENCY,
                time_text="Ngay trong ngày",
            ),
        ],
        items=[
            DossierItem(
                name="Tờ khai đăng ký khai sinh theo mẫu",
                kind=ItemKind.FORM,
                originals=1,
                copies=0,
                template="TK-KS.docx",
            ),
            DossierItem(name="Giấy chứng sinh", originals=1, copies=0, copy_forms=[CopyForm.ORIGINAL]),
            DossierItem(
                name="Văn bản ủy quyền",
                originals=0,
                copies=1,
                copy_forms=[CopyForm.CERTIFIED],
                condition="nếu có",
            ),
            DossierItem(
                name="Căn cước công dân của người đi đăng ký", group=ItemGroup.SHOW, originals=1, copies=0
            ),
        ],
        notes=[
            Note(
                text="Không phải nộp bản sao Giấy chứng nhận kết hôn nếu đã có trong Cơ sở dữ liệu hộ tịch.",
                heading="* Lưu ý:",
            ),
            Note(text="Trường hợp nộp trực tuyến, giấy tờ gửi kèm là bản chụp.", heading="* Lưu ý:"),
        ],
        results=[Result(name="Giấy khai sinh (bản chính)", code="KQ.G15.000031")],
        legal_basis=[LegalReference(title="Luật Hộ tịch", number="60/2014/QH13")],
    )


def simple(code: str, name: str, *, items: int, levels: list[Level], steps: int = 1) -> Procedure:
    return Procedure(
        code=code,
        name=name,
        levels=levels,
        field="Thử nghiệm",
        items=[DossierItem(name=f"Giấy tờ {n + 1}", originals=1) for n in range(items)],
        steps=[Step(description=f"Bước {n + 1}") for n in range(steps)],
    )


def catalog_procedures() -> list[Procedure]:
    """Four procedures whose dossier sizes (3, 12, 2, 0) sort differently as numbers and as text."""
    return [
        birth_registration(),
        simple("1.000894", "Thủ tục đăng ký kết hôn", items=12, levels=[Level.COMMUNE], steps=4),
        simple("2.000001", "Cấp giấy phép xây dựng", items=2, levels=[Level.PROVINCE, Level.COMMUNE]),
        simple("1.004222", "Đăng ký thường trú", items=0, levels=[Level.MINISTRY], steps=2),
    ]


def make_workspace(path: Path, procedures: list[Procedure]) -> Path:
    with Workspace.open(path) as workspace:
        workspace.store([(p, SourceRef("test", "x"), fold(f"{p.code} {p.name}")) for p in procedures])
    return path


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "w.sqlite", catalog_procedures())


@pytest.fixture
def translations(qapp: QtWidgets.QApplication) -> Iterator[Translations]:
    """Vietnamese, the default UI language; uninstalled afterwards so no test inherits a translator."""
    installed = Translations()
    installed.set_language("vi")
    yield installed
    installed.uninstall()


def open_window(qtbot, translations: Translations, path: Path) -> MainWindow:
    """A main window, shown, on the workspace at ``path``."""
    main = MainWindow(Settings(), translations)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_workspace(path)
    return main


@pytest.fixture
def window(qtbot, translations: Translations, workspace_path: Path) -> MainWindow:
    return open_window(qtbot, translations, workspace_path)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the windows would have shown in warning message boxes (title, text)."""
    shown: list[tuple[str, str]] = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QtWidgets.QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", warning)
    return shown


def make_sample_workspace(path: Path, connected: Sequence[str] = ("population", "civil_status")) -> Path:
    """The bundled sample catalog in a workspace whose agency is connected to these data sources.

    Connected and announced sources make their items ``redundant``; the others stay ``potentially_redundant``.
    """
    from catalog.importing.importer import import_paths
    from models.registry_settings import save_source_settings, workspace_registry

    with Workspace.open(path) as workspace:
        report = import_paths(workspace, [SAMPLE_CATALOG])
        assert report.imported and not report.failures
        sources = {source.id: source for source in workspace_registry(workspace)}
        for source_id in connected:
            save_source_settings(workspace, replace(sources[source_id], connected=True))
    return path


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    return make_sample_workspace(tmp_path / "sample.sqlite")


@pytest.fixture
def sample_window(qtbot, translations: Translations, sample_path: Path) -> MainWindow:
    """The main window on the sample workspace (no analysis stored yet)."""
    return open_window(qtbot, translations, sample_path)


def select(window: MainWindow, code: str) -> None:
    """Select the catalog row of procedure ``code``, as a click would."""
    source_row = window.model.row_of(code)
    assert source_row is not None, code
    row = window.proxy.mapFromSource(window.model.index(source_row, 0)).row()
    window.table.setCurrentIndex(window.proxy.index(row, 0))
    assert window.detail.procedure is not None and window.detail.procedure.code == code
