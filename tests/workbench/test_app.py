"""Starting the application: command line, first-start sample workspace, most recent workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.workbench.conftest import birth_registration
from workbench import app
from workbench.i18n import Translations
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtWidgets


def write_catalog(path: Path) -> Path:
    document = {
        "format": "tthc-workbench",
        "version": 1,
        "procedures": [birth_registration().model_dump(mode="json")],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text)
    )
    return shown


@pytest.fixture
def empty_window(qtbot, translations: Translations) -> MainWindow:
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    return window


def test_data_dir_follows_the_environment(tmp_path: Path) -> None:
    assert app.data_dir() == tmp_path / "data"


def test_the_sample_workspace_is_created_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = write_catalog(tmp_path / "catalog.json")
    sample = app.ensure_sample_workspace(tmp_path / "data", catalog)
    assert sample.path == tmp_path / "data" / "sample.sqlite" and sample.failures == []
    assert sorted(p.name for p in sample.path.parent.iterdir()) == ["sample.sqlite"]
    catalog.unlink()  # a second start must not need the catalog again
    assert app.ensure_sample_workspace(tmp_path / "data", catalog).path == sample.path


def test_a_missing_sample_catalog_is_one_clear_sentence(tmp_path: Path, translations: Translations) -> None:
    missing = tmp_path / "nowhere" / "sample-catalog.json"
    with pytest.raises(app.SampleUnavailable) as raised:
        app.ensure_sample_workspace(tmp_path / "data", missing)
    assert str(missing) in str(raised.value) and "\n" not in str(raised.value)
    assert "Không tìm thấy danh mục mẫu" in str(raised.value)
    assert not (tmp_path / "data" / "sample.sqlite").exists()


def test_an_unreadable_sample_catalog_leaves_nothing_behind(tmp_path: Path) -> None:
    broken = tmp_path / "catalog.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(app.SampleUnavailable, match="sample workspace could not be created"):
        app.ensure_sample_workspace(tmp_path / "data", broken)
    assert list((tmp_path / "data").iterdir()) == []


def test_first_start_opens_the_bundled_sample(
    empty_window: MainWindow, warnings: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "SAMPLE_CATALOG", write_catalog(tmp_path / "sample-catalog.json"))
    assert app.open_initial_workspace(empty_window, None)
    assert warnings == []
    assert empty_window.workspace.label == str(tmp_path / "data" / "sample.sqlite")
    assert empty_window.proxy.rowCount() == 1


def test_first_start_without_the_sample_says_so(
    empty_window: MainWindow, warnings: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "SAMPLE_CATALOG", tmp_path / "missing.json")
    assert not app.open_initial_workspace(empty_window, None)
    assert len(warnings) == 1 and "missing.json" in warnings[0]
    assert empty_window.workspace is None


def test_later_starts_open_the_most_recent_workspace(
    empty_window: MainWindow, workspace_path: Path, warnings: list[str]
) -> None:
    Settings().add_recent(str(workspace_path))
    assert app.open_initial_workspace(empty_window, None)
    assert empty_window.workspace.label == str(workspace_path) and warnings == []


def test_the_bundled_sample_catalog_imports_cleanly(tmp_path: Path) -> None:
    if not app.SAMPLE_CATALOG.is_file():
        pytest.skip("samples/sample-catalog.json is not written yet")
    sample = app.ensure_sample_workspace(tmp_path / "data")
    assert sample.failures == []


def test_main_opens_the_named_workspace_in_the_chosen_language(
    qtbot, workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def exec_(self) -> int:
        window = next(
            w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        qtbot.waitUntil(lambda: window.workspace is not None)  # opened once the event loop runs
        seen.update(label=window.workspace and window.workspace.label, menu=window.file_menu.title())
        window.close()
        window.deleteLater()
        window.translations.uninstall()
        return 0

    monkeypatch.setattr(QtWidgets.QApplication, "exec", exec_)
    assert app.main([str(workspace_path), "--lang", "en"]) == 0
    assert seen == {"label": str(workspace_path), "menu": "&File"}
    assert Settings().language == "vi"  # --lang is for this run only


def test_main_rejects_an_unknown_language() -> None:
    with pytest.raises(SystemExit) as raised:
        app.main(["--lang", "fr"])
    assert raised.value.code == 2


def test_a_deleted_recent_workspace_is_skipped_at_start(qtbot, tmp_path) -> None:
    from workbench.app import open_initial_workspace
    from workbench.i18n import Translations
    from workbench.main_window import MainWindow, Settings
    from workbench.qt import QtWidgets

    settings = Settings()
    settings.add_recent(str(tmp_path / "gone.sqlite"))
    window = MainWindow(settings, Translations(QtWidgets.QApplication.instance()))
    qtbot.addWidget(window)
    assert open_initial_workspace(window, None)  # no modal error: the sample opens instead
    assert window.workspace is not None and window.workspace.count() >= 12
    assert str(tmp_path / "gone.sqlite") not in settings.recent
