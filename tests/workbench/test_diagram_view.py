"""The diagram tab: drawn in the background, zoomed and panned, its nodes clicked to select items and steps."""

from __future__ import annotations

import time

import pytest

from exporters.flow.diagram import DiagramError, diagram_dot, render
from models.procedure import DossierItem, Procedure, Step
from tests.workbench.conftest import select
from workbench import diagram_view
from workbench.diagram_view import DiagramView, svg_nodes
from workbench.i18n import Translations
from workbench.main_window import MainWindow, Settings
from workbench.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
Ctrl = Qt.KeyboardModifier.ControlModifier
BIRTH = "1.001193"
BIRTH_CERTIFICATE = 1  # "Giấy chứng sinh": potentially redundant (health data)


def drawn(qtbot, view: DiagramView) -> None:
    qtbot.waitUntil(lambda: view.diagram is not None and not view.busy, timeout=20000)


@pytest.fixture
def window(qtbot, sample_window: MainWindow) -> MainWindow:
    """Birth registration selected and its diagram tab shown (Ctrl+3), drawn."""
    select(sample_window, BIRTH)
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    qtbot.keyClick(sample_window.table, Qt.Key.Key_3, Ctrl)
    assert sample_window.pane.currentWidget() is sample_window.pane.diagram
    drawn(qtbot, sample_window.pane.diagram)
    return sample_window


def test_svg_nodes_reads_each_node_box_and_whole_text() -> None:
    long_name = "Giấy tờ có một cái tên rất dài " * 4
    procedure = Procedure(
        code="1.000001",
        name="Thủ tục mẫu",
        steps=[Step(title="Nộp hồ sơ", description="Người nộp nộp hồ sơ.")],
        items=[DossierItem(name=long_name.strip())],
    )
    size, nodes = svg_nodes(render(diagram_dot(procedure, registry=[]), "svg"))
    by_id = {node.node_id: node for node in nodes}
    assert {"start", "step:0", "item:0", "end"} <= set(by_id)
    assert size[0] > 0 and size[1] > 0
    for node in nodes:  # every box lies inside the drawing
        x, y, w, h = node.rect
        assert x >= 0 and y >= 0 and w > 0 and h > 0
        assert x + w <= size[0] + 1 and y + h <= size[1] + 1
    assert by_id["item:0"].text.startswith(long_name.strip())  # the whole name, not the wrapped label
    assert by_id["step:0"].rect[0] > by_id["item:0"].rect[0]  # the flow runs left to right


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # offscreen: showing the tooltip
def test_the_diagram_of_a_sample_procedure_is_drawn_in_the_background(window: MainWindow) -> None:
    view = window.pane.diagram
    assert {"start", "step:0", f"item:{BIRTH_CERTIFICATE}", "end"} <= set(view.canvas.nodes)
    assert view.canvas.sceneRect().width() > 1000
    assert view.diagram is not None and view.diagram.image.startswith(b"<?xml")
    item = view.canvas.nodes[f"item:{BIRTH_CERTIFICATE}"]
    assert "Giấy chứng sinh" in item.toolTip()  # hovering shows the whole text
    canvas = view.canvas
    at = canvas.node_center(f"item:{BIRTH_CERTIFICATE}")
    hover = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, at, canvas.viewport().mapToGlobal(at))
    QtWidgets.QApplication.sendEvent(canvas.viewport(), hover)
    assert QtWidgets.QToolTip.text() == item.toolTip()
    QtWidgets.QToolTip.hideText()


def test_drawing_never_holds_up_the_gui_thread(qtbot, window: MainWindow) -> None:
    """A probe timer keeps ticking while graphviz draws: the drawing is not on the GUI thread."""
    ticks: list[float] = []
    probe = QtCore.QTimer()
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    view = window.pane.diagram
    probe.start()
    view.show_dot(diagram_dot(window.detail.procedure, registry=[]) + "\n")  # a new text: drawn again
    assert view.busy
    drawn(qtbot, view)
    probe.stop()
    assert len(ticks) >= 3


def test_clicking_a_node_selects_its_item_or_step(qtbot, window: MainWindow) -> None:
    pane = window.pane
    pane.select_node(f"item:{BIRTH_CERTIFICATE}")  # what a click on the node does
    assert pane.panel.toPlainText().startswith("Giấy chứng sinh")  # its finding in the side panel
    assert pane.panel.finding is not None and pane.panel.finding.item_index == BIRTH_CERTIFICATE
    assert pane.currentWidget() is pane.diagram  # a click selects, it does not leave the diagram

    canvas = pane.diagram.canvas
    with qtbot.waitSignal(canvas.node_activated) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.node_center("step:1"))
    assert clicked.args == ["step:1"]
    assert pane.diagram.info.text().startswith("Bước 2")  # the node's whole text under the diagram
    assert len(canvas._frames) == 1  # the clicked node is framed

    with qtbot.waitSignal(canvas.node_opened):
        qtbot.mouseDClick(
            canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.node_center(f"item:{BIRTH_CERTIFICATE}")
        )
    assert pane.currentWidget() is pane.published  # a double-click opens the published view


def test_the_diagram_follows_the_redesign_and_selects_to_be_items(qtbot, window: MainWindow) -> None:
    pane, editor = window.pane, window.editor
    editor.redesign_actions.apply_suggestions_action.trigger()
    pane.setCurrentWidget(pane.diagram)
    qtbot.waitUntil(lambda: "tobe:step:0" in pane.diagram.canvas.nodes, timeout=20000)
    drawn(qtbot, pane.diagram)
    nodes = pane.diagram.canvas.nodes
    assert {"asis:item:0", "tobe:item:0"} <= set(nodes)  # as-is and to-be side by side
    lookups = [i for i, step in enumerate(editor.procedure.steps) if step.data_source]
    assert lookups and f"tobe:step:{lookups[0]}" in nodes

    pane.select_node("tobe:item:2")
    assert editor.items_view.currentIndex().row() == 2
    pane.select_node(f"tobe:step:{lookups[0]}", open_tab=True)
    assert editor.steps_view.currentIndex().row() == lookups[0]
    assert pane.currentWidget() is editor

    editor.stack.undo()  # an undo draws the diagram again, as-is alone
    pane.setCurrentWidget(pane.diagram)
    qtbot.waitUntil(lambda: "step:0" in pane.diagram.canvas.nodes, timeout=20000)


def test_zoom_shortcuts_and_ctrl_wheel_change_the_transform(qtbot, window: MainWindow) -> None:
    canvas = window.pane.diagram.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    fitted = canvas.zoom
    qtbot.keyClick(canvas, Qt.Key.Key_Plus, Ctrl)
    assert canvas.zoom == pytest.approx(fitted * 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Ctrl)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Ctrl)
    assert canvas.zoom == pytest.approx(fitted / 1.25)
    qtbot.keyClick(canvas, Qt.Key.Key_0, Ctrl)
    assert canvas.zoom == pytest.approx(fitted)

    centre = QtCore.QPointF(canvas.viewport().rect().center())
    wheel = QtGui.QWheelEvent(
        centre,
        canvas.viewport().mapToGlobal(centre),
        QtCore.QPoint(),
        QtCore.QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Ctrl,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.zoom == pytest.approx(fitted * 1.25**2)

    canvas.zoom_by(4)  # then the arrow keys pan
    start = canvas.horizontalScrollBar().value()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.horizontalScrollBar().value() > start


def test_a_drawing_failure_is_one_sentence(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(dot: str, fmt: str = "svg") -> bytes:
        raise DiagramError("Graphviz is not installed (the 'dot' program was not found): install graphviz.")

    monkeypatch.setattr(diagram_view, "render", broken)
    view = window.pane.diagram
    with qtbot.waitSignal(view.failed) as failed:
        view.show_dot("digraph { a }")
    assert failed.args[0].startswith("Graphviz is not installed")
    assert view.info.text() == failed.args[0] and view.diagram is None


def test_the_tab_shown_and_the_splitters_come_back_on_restart(
    qtbot, window: MainWindow, translations: Translations, sample_path
) -> None:
    window.pane.published.setSizes([500, 300])
    window.close()  # saves the layout
    again = MainWindow(Settings(), translations)
    qtbot.addWidget(again)
    assert again.pane.currentWidget() is again.pane.diagram
    assert again.pane.published.sizes() != [0, 0]
    again.pane.restore_state(QtCore.QByteArray(b"not a saved state"))  # ignored, not a crash
    assert again.pane.currentWidget() is again.pane.diagram
