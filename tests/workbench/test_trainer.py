"""Trainer mode: the proposal presented change by change, full screen, from the keyboard alone."""

from __future__ import annotations

import pytest

from models.enums import CopyForm, ItemGroup
from models.procedure import DossierItem, Procedure, Step
from models.redesign.history import replay
from models.redesign.item_changes import AcceptElectronicCopy, LookupItem, item_reference
from models.redesign.step_changes import RemoveStep, step_reference
from tests.workbench.conftest import select
from workbench.main_window import MainWindow
from workbench.qt import QtCore, QtGui
from workbench.trainer import TrainerWindow, changed_nodes

Qt = QtCore.Qt
BIRTH = "1.001193"


def tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("TrainerWindow", text)


def plain(html: str) -> str:
    document = QtGui.QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def small() -> Procedure:
    return Procedure(
        code="1.000001",
        name="Thủ tục mẫu",
        steps=[Step(description="Nộp hồ sơ"), Step(description="Tiếp nhận"), Step(description="Trả kết quả")],
        items=[
            DossierItem(name="Tờ khai"),
            DossierItem(name="Bản sao có chứng thực Giấy phép", copy_forms=[CopyForm.CERTIFIED], copies=1),
            DossierItem(name="Căn cước", group=ItemGroup.SHOW),
        ],
    )


def test_replay_gives_each_version_and_changed_nodes_names_what_changed() -> None:
    published = small()
    changes = [
        LookupItem(
            **item_reference(published, 2),
            data_source="population",
            source_name="Cơ sở dữ liệu quốc gia về dân cư",
            rationale="Dữ liệu đã có.",
        ),
        AcceptElectronicCopy(**item_reference(published, 1), rationale="Nghị định 45/2020."),
        RemoveStep(**step_reference(published, 2), rationale="Trả kết quả điện tử."),
    ]
    versions = replay(published, changes)
    assert len(versions) == 4 and versions[0] == published
    assert [len(v.items) for v in versions] == [3, 2, 2, 2]
    assert published.items[2].name == "Căn cước"  # the published version itself is never touched
    lookup = changed_nodes(published, versions[0], versions[1])
    assert "asis:item:2" in lookup and any(node.startswith("tobe:step:") for node in lookup)
    assert changed_nodes(published, versions[1], versions[2]) == ("asis:item:1", "tobe:item:1")
    assert changed_nodes(published, versions[2], versions[3]) == ("asis:step:2",)


@pytest.fixture
def trainer(qtbot, sample_window: MainWindow) -> TrainerWindow:
    """Birth registration's suggestions applied, then F11: the trainer, its slides prepared."""
    select(sample_window, BIRTH)
    sample_window.editor.redesign_actions.apply_suggestions_action.trigger()
    assert sample_window.editor.draft.changes
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    qtbot.keyClick(sample_window.table, Qt.Key.Key_F11)
    shown = sample_window.pane.trainer
    assert shown is not None and shown.isFullScreen()
    qtbot.waitUntil(lambda: bool(shown.steps), timeout=20000)
    qtbot.waitUntil(lambda: shown.diagram.diagram is not None and not shown.diagram.busy, timeout=20000)
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def test_the_trainer_steps_through_the_proposal_with_the_arrow_keys(qtbot, trainer: TrainerWindow) -> None:
    changes = trainer.data.changes
    total = len(changes)
    assert len(trainer.steps) == total + 1
    assert trainer.position.text() == tr("As published ({total} changes to come)").format(total=total)
    assert trainer.steps[0].highlight == ()

    qtbot.keyClick(trainer, Qt.Key.Key_Right)
    assert trainer.current == 1
    assert trainer.position.text() == tr("Change {number} of {total}").format(number=1, total=total)
    body = plain(trainer.body.text())
    assert changes[0].describe() in body
    assert changes[0].rationale in body  # the rationale, in large type
    assert (changes[0].legal_basis or tr("none given")) in body
    assert tr("Why:") in body and "đ" in body  # and what the change saves
    qtbot.waitUntil(lambda: trainer.diagram.diagram is not None and not trainer.diagram.busy, timeout=20000)
    frames = trainer.diagram.canvas._frames
    assert frames and set(trainer.steps[1].highlight) <= set(trainer.diagram.canvas.nodes)

    qtbot.keyClick(trainer, Qt.Key.Key_Space)
    assert trainer.current == 2
    qtbot.keyClick(trainer, Qt.Key.Key_Left)
    assert trainer.current == 1
    qtbot.keyClick(trainer, Qt.Key.Key_End)
    assert trainer.current == total
    savings = trainer.steps[-1].comparison
    assert savings.after.annual_vnd < savings.before.annual_vnd
    qtbot.keyClick(trainer, Qt.Key.Key_Right)  # stays on the last slide
    assert trainer.current == total
    qtbot.keyClick(trainer, Qt.Key.Key_Home)
    assert trainer.current == 0


def test_escape_leaves_the_trainer(qtbot, sample_window: MainWindow, trainer: TrainerWindow) -> None:
    with qtbot.waitSignal(trainer.destroyed):
        qtbot.keyClick(trainer, Qt.Key.Key_Escape)
    assert sample_window.pane.trainer is None


def test_the_trainer_needs_a_change(qtbot, sample_window: MainWindow) -> None:
    select(sample_window, BIRTH)
    assert not sample_window.pane.trainer_action.isEnabled()
    sample_window.pane.open_trainer()
    assert sample_window.pane.trainer is None
