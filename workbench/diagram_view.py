"""The diagram of a procedure's flow, drawn by :mod:`exporters.flow.diagram`, with zoom, pan and clickable nodes.

Drawing takes graphviz a tenth of a second or more, so it never runs on the GUI thread: :func:`diagram_job` makes the
DOT text, renders it as SVG and reads each node's box and whole text out of the SVG (:func:`svg_nodes`, plain
Python) on a :class:`~workbench.workers.Task`; the GUI thread only loads the finished SVG into a
:class:`QGraphicsSvgItem` (a few milliseconds). Where the Qt build has no SVG module the PNG is shown instead.

:class:`DiagramCanvas` is the :class:`QGraphicsView`: Ctrl+wheel, Ctrl++ and Ctrl+- zoom, Ctrl+0 fits the diagram,
dragging or the arrow keys pan. Each node carries its whole text as a tooltip; a click emits ``node_activated(id)``
with the node's SVG id (``asis:item:3``, ``step:0``…, read back with :func:`exporters.flow.diagram.parse_node_id`), a
double-click ``node_opened(id)``. Highlights are frames drawn over nodes (the selected node; a trainer's change).

The view holds nothing the user made: it is redrawn from the workspace's procedure and proposal whenever they change.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree

from exporters.flow.diagram import diagram_dot, parse_node_id, render
from models.findings import Finding
from models.jobs import CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.sources import DataSource
from workbench.qt import QtCore, QtGui, QtSvg, QtSvgWidgets, QtWidgets, Signal
from workbench.workers import Job, Task

Qt = QtCore.Qt

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
NODE_KINDS = frozenset({"item", "step", "source", "result", "start", "end"})
PNG_SCALE = 72 / 96  # graphviz draws PNG at 96 dpi, SVG in points: the PNG is scaled to the SVG's coordinates
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.05, 8.0)
CACHE_SIZE = 24  # drawn diagrams kept by DOT text (a trainer going back and forth)
SELECTED = "#1565c0"
CHANGED = "#ff6d00"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_TRANSFORM = re.compile(r"(scale|translate)\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)")


@dataclass(frozen=True, slots=True)
class DiagramNode:
    """One node of a drawn diagram: its SVG id, its box in the SVG's coordinates, and its whole text."""

    node_id: str
    rect: tuple[float, float, float, float]  # x, y, width, height
    text: str


@dataclass(frozen=True, slots=True)
class Diagram:
    """A drawn diagram: the SVG (or PNG, without an SVG module), its size and its nodes."""

    dot: str
    image: bytes
    fmt: str
    size: tuple[float, float]
    nodes: tuple[DiagramNode, ...]


# --- reading the SVG (plain Python: runs on the worker) ------------------------------------------------------------


def _points(element: Any) -> list[float]:
    """The coordinates an SVG shape's outline passes through (x, y, x, y...)."""
    tag = element.tag.removeprefix(SVG)
    if tag in ("polygon", "polyline"):
        return [float(n) for n in _NUMBER.findall(element.get("points", ""))]
    if tag == "path":
        return [float(n) for n in _NUMBER.findall(element.get("d", ""))]
    if tag == "ellipse":
        cx, cy = float(element.get("cx", 0)), float(element.get("cy", 0))
        rx, ry = float(element.get("rx", 0)), float(element.get("ry", 0))
        return [cx - rx, cy - ry, cx + rx, cy + ry]
    return []


def svg_nodes(svg: bytes) -> tuple[tuple[float, float], tuple[DiagramNode, ...]]:
    """The size of a graphviz SVG (its viewBox) and the box and whole text (tooltip) of each procedure node in it.

    A node's box is the bounding box of its outline (polygons, paths, ellipses), mapped through the graph's
    ``scale``/``translate`` transform into the SVG's user coordinates, which are the scene's.

    >>> size, nodes = svg_nodes(render(diagram_dot(Procedure(code="x", name="x")), "svg"))  # doctest: +SKIP
    """
    root = ElementTree.fromstring(svg)
    box = [float(n) for n in _NUMBER.findall(root.get("viewBox", ""))]
    size = (box[2], box[3]) if len(box) == 4 else (0.0, 0.0)
    graph = root.find(f"{SVG}g")
    scale, translate = (1.0, 1.0), (0.0, 0.0)
    for kind, x, y in _TRANSFORM.findall(graph.get("transform", "") if graph is not None else ""):
        if kind == "scale":
            scale = (float(x), float(y))
        else:
            translate = (float(x), float(y))
    nodes = []
    for group in root.iter(f"{SVG}g"):
        node_id = group.get("id", "")
        if group.get("class") != "node" or parse_node_id(node_id)[1] not in NODE_KINDS:
            continue
        numbers = [n for shape in group.iter() for n in _points(shape)]
        if len(numbers) < 2:
            continue
        xs = [scale[0] * (x + translate[0]) for x in numbers[0::2]]
        ys = [scale[1] * (y + translate[1]) for y in numbers[1::2]]
        link = next((a for a in group.iter(f"{SVG}a") if a.get(XLINK_TITLE)), None)
        text = link.get(XLINK_TITLE, "") if link is not None else node_id
        nodes.append(
            DiagramNode(node_id, (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), text.strip())
        )
    return size, tuple(nodes)


def draw(dot: str) -> Diagram:
    """Render ``dot`` (SVG, or PNG without Qt's SVG module) and read its nodes. Raises DiagramError."""
    svg = render(dot, "svg")
    size, nodes = svg_nodes(svg)
    if QtSvg is None:  # pragma: no cover - depends on the Qt build
        return Diagram(dot, render(dot, "png"), "png", size, nodes)
    return Diagram(dot, svg, "svg", size, nodes)


@dataclass(frozen=True, slots=True)
class Versions:
    """What a procedure's diagram shows: the published version, and its to-be version when a proposal changed it."""

    as_is: Procedure
    findings: Sequence[Finding]
    registry: Sequence[DataSource]
    to_be: Procedure | None = None
    to_be_findings: Sequence[Finding] | None = None  # computed on the worker with ``finder`` when None
    finder: Callable[[Procedure], list[Finding]] | None = None  # the workspace's (AnalysisContext.findings)

    def dot(self) -> str:
        """The DOT text (the to-be version's findings made here, on the worker, when not given)."""
        to_be_findings = self.to_be_findings
        if self.to_be is not None and to_be_findings is None and self.finder is not None:
            to_be_findings = self.finder(self.to_be)
        return diagram_dot(self.as_is, self.findings, self.to_be, to_be_findings, self.registry)


def diagram_job(make_dot: Callable[[], str]) -> Job:
    """Make the DOT text and draw it, on the worker (:class:`~models.jobs.Cancelled` when cancelled before drawing)."""

    def job(progress: Progress, cancelled: CancelCheck) -> Diagram:
        dot = make_dot()
        check_cancelled(cancelled)
        return draw(dot)

    return job


# --- the view ------------------------------------------------------------------------------------------------------


class _NodeItem(QtWidgets.QGraphicsRectItem):
    """An invisible box over one node: it carries the node's id and its whole text as a tooltip."""

    def __init__(self, node: DiagramNode) -> None:
        super().__init__(QtCore.QRectF(*node.rect))
        self.node = node
        self.setPen(QtGui.QPen(Qt.PenStyle.NoPen))
        self.setBrush(QtGui.QBrush(Qt.BrushStyle.NoBrush))
        self.setToolTip(node.text)
        self.setZValue(1)


class DiagramCanvas(QtWidgets.QGraphicsView):
    """The scene with the drawn diagram: zoom, pan, node tooltips, clicks and highlights."""

    node_activated = Signal(str)
    node_opened = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QtWidgets.QGraphicsScene(self))
        self.setDragMode(QtWidgets.QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHints(
            QtGui.QPainter.RenderHint.Antialiasing | QtGui.QPainter.RenderHint.TextAntialiasing
        )
        self.setBackgroundBrush(QtGui.QColor("#ffffff"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nodes: dict[str, _NodeItem] = {}
        self._frames: list[QtWidgets.QGraphicsItem] = []
        self._renderer: QtCore.QObject | None = None
        self._fitted = True
        self._press: QtCore.QPoint | None = None

    # --- content ----------------------------------------------------------------------------------------------------

    def set_diagram(self, diagram: Diagram | None) -> None:
        """Show ``diagram`` (None: nothing), fitted to the view."""
        scene = self.scene()
        scene.clear()
        self.nodes, self._frames = {}, []
        self._renderer = None
        if diagram is None:
            scene.setSceneRect(QtCore.QRectF())
            return
        if diagram.fmt == "svg" and QtSvg is not None and QtSvgWidgets is not None:
            renderer = QtSvg.QSvgRenderer(QtCore.QByteArray(diagram.image), self)
            item = QtSvgWidgets.QGraphicsSvgItem()
            item.setSharedRenderer(renderer)
            # Drawn once per zoom level, then panning and frames repaint from the cache.
            item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._renderer = renderer
        else:  # pragma: no cover - a Qt build without SVG
            pixmap = QtGui.QPixmap()
            pixmap.loadFromData(diagram.image, "PNG")
            item = QtWidgets.QGraphicsPixmapItem(pixmap)
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            item.setScale(PNG_SCALE)
        scene.addItem(item)
        for node in diagram.nodes:
            box = _NodeItem(node)
            scene.addItem(box)
            self.nodes[node.node_id] = box
        scene.setSceneRect(QtCore.QRectF(0, 0, *diagram.size))
        self.fit()

    def highlight(self, node_ids: Iterable[str], color: str = SELECTED, *, reveal: bool = False) -> None:
        """Frame these nodes (replacing the frames drawn before); ``reveal`` scrolls the first into view."""
        for frame in self._frames:
            self.scene().removeItem(frame)
        self._frames = []
        pen = QtGui.QPen(QtGui.QColor(color), 4)
        pen.setCosmetic(True)  # as thick at any zoom
        shown = [self.nodes[node_id] for node_id in node_ids if node_id in self.nodes]
        for item in shown:
            frame = self.scene().addRect(item.rect().adjusted(-4, -4, 4, 4), pen)
            frame.setZValue(2)
            self._frames.append(frame)
        if reveal and shown and not self._fitted:
            self.ensureVisible(shown[0], 40, 40)

    def node_at(self, pos: QtCore.QPoint) -> str | None:
        """The id of the node under ``pos`` (viewport coordinates), if any."""
        for item in self.items(pos):
            if isinstance(item, _NodeItem):
                return item.node.node_id
        return None

    def node_center(self, node_id: str) -> QtCore.QPoint:
        """Where node ``node_id`` is in the viewport (for tests and for keyboard users' menus)."""
        return self.mapFromScene(self.nodes[node_id].rect().center())

    # --- zoom -------------------------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(max(self.zoom * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if target != self.zoom:
            self.scale(target / self.zoom, target / self.zoom)
            self._fitted = False

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        """Show the whole diagram; it stays fitted as the view is resized, until the user zooms."""
        rect = self.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True

    # --- events -----------------------------------------------------------------------------------------------------

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if press is not None and (pos - press).manhattanLength() < QtWidgets.QApplication.startDragDistance():
            node = self.node_at(pos)  # a click, not the end of a drag
            if node is not None:
                self.node_activated.emit(node)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:
        node = self.node_at(event.position().toPoint())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.node_opened.emit(node)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class DiagramView(QtWidgets.QWidget):
    """A diagram drawn in the background: the canvas, its zoom actions, and a line saying what is shown.

    ``show_versions()`` draws a procedure (and its to-be version); ``show_dot()`` draws DOT text made elsewhere.
    A request made while another is being drawn replaces it. ``rendered`` is emitted once a diagram is on screen,
    ``failed(sentence)`` when graphviz could not draw it.
    """

    rendered = Signal()
    failed = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = DiagramCanvas()
        self.info = QtWidgets.QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.toolbar = QtWidgets.QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.diagram: Diagram | None = None
        self.task: Task | None = None
        self._tasks: list[Task] = []  # every thread of this view until it ends, the current one included
        self._highlight: tuple[tuple[str, ...], str] = ((), SELECTED)
        self._cache: OrderedDict[str, Diagram] = OrderedDict()
        self._message: str | None = None
        self.zoom_in_action = self._action(self.canvas.zoom_in, ["Ctrl++", "Ctrl+="])
        self.zoom_out_action = self._action(self.canvas.zoom_out, ["Ctrl+-"])
        self.fit_action = self._action(self.canvas.fit, ["Ctrl+0"])
        self.toolbar.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.info)
        self.canvas.node_activated.connect(self._node_activated)
        self.setFocusProxy(self.canvas)
        self.retranslate()

    def _action(self, slot: Callable[[], None], keys: list[str]) -> QtGui.QAction:
        action = QtGui.QAction(self)
        action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.zoom_in_action.setText(self.tr("Zoom &in"))
        self.zoom_out_action.setText(self.tr("Zoom &out"))
        self.fit_action.setText(self.tr("&Fit"))
        for action, tip in (
            (self.zoom_in_action, self.tr("Zoom in (Ctrl++ or Ctrl+wheel)")),
            (self.zoom_out_action, self.tr("Zoom out (Ctrl+- or Ctrl+wheel)")),
            (self.fit_action, self.tr("Show the whole diagram (Ctrl+0)")),
        ):
            action.setToolTip(tip)
        self.toolbar.setAccessibleName(self.tr("Diagram tools"))
        self.canvas.setAccessibleName(self.tr("Procedure diagram"))
        self.canvas.setAccessibleDescription(
            self.tr(
                "Drag or use the arrow keys to move, Ctrl+wheel to zoom; click a step or an item to select it, "
                "point at it to read its whole text."
            )
        )
        self.info.setAccessibleName(self.tr("About the diagram"))
        self._show_info()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- requests ---------------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def show_versions(self, versions: Versions) -> None:
        """Draw a procedure (with its to-be version side by side when given), in the background."""
        self._start(versions.dot)

    def show_dot(self, dot: str) -> None:
        """Draw ``dot`` in the background, or at once when it was drawn recently."""
        cached = self._cache.get(dot)
        if cached is not None:
            self._retire()
            self._cache.move_to_end(dot)
            self._display(cached)
            return
        self._start(lambda: dot)

    def set_highlight(self, node_ids: Iterable[str], color: str = SELECTED, *, reveal: bool = False) -> None:
        """Frame these nodes, now and in the diagrams drawn next, until changed."""
        self._highlight = (tuple(node_ids), color)
        self.canvas.highlight(*self._highlight, reveal=reveal)

    def clear(self, message: str | None = None) -> None:
        """Show no diagram (and ``message``, already translated); a drawing under way is dropped."""
        self._retire()
        self.diagram = None
        self.canvas.set_diagram(None)
        self._message = message
        self._show_info()

    def stop(self) -> None:
        """Drop the drawing under way and wait for every thread of this view to end (before the window closes)."""
        self._retire()
        for task in self._tasks:
            task.wait()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # --- the worker ---------------------------------------------------------------------------------------------

    def _start(self, make_dot: Callable[[], str]) -> None:
        self._retire()
        task = Task(diagram_job(make_dot), self)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.finished.connect(self._reap)
        self._tasks.append(task)
        self.task = task
        self._message = None
        self._show_info()
        task.start()

    def _retire(self) -> None:
        """Forget the drawing under way: its outcome is ignored, its thread deleted when it ends."""
        task, self.task = self.task, None
        if task is not None:
            task.cancel()
            task.succeeded.disconnect(self._succeeded)
            task.failed.disconnect(self._failed)

    def _reap(self) -> None:
        task = self.sender()
        if isinstance(task, Task) and task in self._tasks:
            task.wait()  # ``finished`` comes as the thread ends: this returns at once
            self._tasks.remove(task)
            task.deleteLater()

    def _succeeded(self, diagram: Diagram) -> None:
        self.task = None
        self._cache[diagram.dot] = diagram
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self._display(diagram)

    def _failed(self, sentence: str) -> None:
        self.task = None
        self.diagram = None
        self.canvas.set_diagram(None)
        self._message = sentence
        self._show_info()
        self.failed.emit(sentence)

    def _display(self, diagram: Diagram) -> None:
        self.diagram = diagram
        self.canvas.set_diagram(diagram)
        self.canvas.highlight(*self._highlight)
        self._message = None
        self._show_info()
        self.rendered.emit()

    # --- the line under the diagram --------------------------------------------------------------------------------

    def _node_activated(self, node_id: str) -> None:
        self.set_highlight([node_id])
        self._show_info(node_id)

    def _show_info(self, node_id: str | None = None) -> None:
        if self._message is not None:
            text = self._message
        elif self.task is not None:
            text = self.tr("Drawing the diagram…")
        elif self.diagram is None:
            text = ""
        elif node_id is not None and node_id in self.canvas.nodes:
            text = self.canvas.nodes[node_id].node.text
        else:
            text = self.tr("Click a step or an item to select it; point at it to read its whole text.")
        self.info.setText(text)
