"""Charts painted with QPainter (the Essentials wheel has no QtCharts): horizontal bars, a stacked share bar, and
the findings cell of the catalog table.

:class:`BarChart` draws one row per :class:`Bar` (label, bar, value), optionally stacked in coloured parts. It is
driven by mouse or keyboard alike: Up/Down/Home/End move between bars, Enter or Space activates the current one,
a click activates the bar under the pointer, hovering shows its tooltip. Its accessible name is the chart's title
and its accessible description reads the current bar and then every bar with its value, so that a screen reader
gets the numbers, not a picture. :class:`ShareBar` adds a stacked bar of the parts' shares above the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.enums import FindingGrade
from workbench.analysis_html import GRADE_COLORS
from workbench.catalog_model import GRADES_ROLE, SHOWN_GRADES
from workbench.qt import QtCore, QtGui, QtWidgets, Signal

Qt = QtCore.Qt
_PAD = 6


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, value and the value as shown; ``parts`` stack (value, colour) pieces in place of one
    bar in ``color``; ``payload`` is what activating the bar asks for (None: the bar only informs)."""

    label: str
    value: float
    value_text: str
    color: str = "#1356a3"
    parts: tuple[tuple[float, str], ...] = ()
    payload: object = None
    tooltip: str = ""

    @property
    def spoken(self) -> str:
        return f"{self.label}: {self.value_text}"


class BarChart(QtWidgets.QWidget):
    """Horizontal bars with labels and values; bars with a payload are clickable (:attr:`activated`)."""

    activated = Signal(object)  # the bar's payload

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self._bars: list[Bar] = []
        self._title = ""
        self._empty = ""
        self._current = -1
        self._hover = -1

    # --- content ----------------------------------------------------------------------------------------------

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)

    def set_bars(self, bars: Sequence[Bar], empty_text: str = "") -> None:
        """Show ``bars`` (in their order); ``empty_text`` is shown when there are none."""
        self._bars = list(bars)
        self._empty = empty_text
        self._current = min(self._current, len(self._bars) - 1)
        self._hover = -1
        self._describe()
        self.updateGeometry()
        self.update()

    @property
    def current(self) -> int:
        return self._current

    def set_current(self, index: int) -> None:
        if self._bars and 0 <= index < len(self._bars) and index != self._current:
            self._current = index
            self._describe()
            self.update()

    def activate(self, index: int) -> None:
        """Act on bar ``index`` as a click would."""
        if 0 <= index < len(self._bars) and self._bars[index].payload is not None:
            self.set_current(index)
            self.activated.emit(self._bars[index].payload)

    def _describe(self) -> None:
        if not self._bars:
            self.setAccessibleDescription(self._empty)
            return
        every = "; ".join(bar.spoken for bar in self._bars)
        current = self._bars[self._current].spoken + ". " if self._current >= 0 else ""
        self.setAccessibleDescription(current + every)

    # --- geometry ---------------------------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _top(self) -> int:
        """Where the rows start (subclasses draw above)."""
        return _PAD

    def sizeHint(self) -> QtCore.QSize:
        rows = max(len(self._bars), 1)
        return QtCore.QSize(420, self._top() + rows * self._row_height() + _PAD)

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(220, self.sizeHint().height())

    def _columns(self) -> tuple[int, int, int]:
        """(label width, bar start, bar room)."""
        metrics = self.fontMetrics()
        width = self.width() - 2 * _PAD
        label = min(
            int(width * 0.42), max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0) + 12
        )
        value = max((metrics.horizontalAdvance(b.value_text) for b in self._bars), default=0) + 12
        start = _PAD + label
        return label, start, max(width - label - value, 10)

    def bar_rect(self, index: int) -> QtCore.QRect:
        """The row of bar ``index`` (label, bar and value), in widget coordinates."""
        height = self._row_height()
        return QtCore.QRect(_PAD, self._top() + index * height, self.width() - 2 * _PAD, height)

    def bar_at(self, point: QtCore.QPoint) -> int:
        for index in range(len(self._bars)):
            if self.bar_rect(index).contains(point):
                return index
        return -1

    # --- painting ---------------------------------------------------------------------------------------------

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        if not self._bars:
            painter.setPen(palette.color(QtGui.QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect().adjusted(_PAD, 0, -_PAD, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                self._empty,
            )
            return
        self._paint_above(painter)
        label_width, start, room = self._columns()
        top = max((bar.value for bar in self._bars), default=0) or 1
        metrics = self.fontMetrics()
        text_color = palette.color(QtGui.QPalette.ColorRole.WindowText)
        for index, bar in enumerate(self._bars):
            row = self.bar_rect(index)
            if index in (self._hover, self._current) and bar.payload is not None:
                highlight = QtGui.QColor(palette.color(QtGui.QPalette.ColorRole.Highlight))
                highlight.setAlpha(45 if index == self._current else 25)
                painter.fillRect(row, highlight)
            painter.setPen(text_color)
            label_rect = QtCore.QRect(row.left() + 2, row.top(), label_width - 10, row.height())
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width()),
            )
            length = max(bar.value / top * room, 2.0 if bar.value > 0 else 0.0)
            x = float(start)
            body = QtCore.QRectF(x, row.top() + 4, length, row.height() - 8)
            for value, color in bar.parts or ((bar.value, bar.color),):
                piece = length * (value / bar.value) if bar.value else 0.0
                painter.fillRect(QtCore.QRectF(x, body.top(), piece, body.height()), QtGui.QColor(color))
                x += piece
            painter.setPen(text_color)
            painter.drawText(
                QtCore.QRectF(start + length + 6, row.top(), self.width() - start - length, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                bar.value_text,
            )
            if index == self._current and self.hasFocus():
                option = QtWidgets.QStyleOptionFocusRect()
                option.initFrom(self)
                option.rect = row
                self.style().drawPrimitive(
                    QtWidgets.QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self
                )
        painter.end()

    def _paint_above(self, painter: QtGui.QPainter) -> None:
        """Subclasses draw above the rows here."""

    # --- keyboard and mouse -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        last = len(self._bars) - 1
        moves: dict[int, int] = {
            Qt.Key.Key_Up: self._current - 1,
            Qt.Key.Key_Down: self._current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: last,
        }
        if key in moves and self._bars:
            self.set_current(max(0, min(last, moves[key])))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current >= 0:
            self.activate(self._current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        if self._current < 0 and self._bars:
            self.set_current(0)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index != self._hover:
            self._hover = index
            clickable = index >= 0 and self._bars[index].payload is not None
            self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: QtCore.QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activate(self.bar_at(event.position().toPoint()))
        super().mouseReleaseEvent(event)

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip:
            index = self.bar_at(event.pos())  # type: ignore[attr-defined]
            if index >= 0:
                bar = self._bars[index]
                QtWidgets.QToolTip.showText(event.globalPos(), bar.tooltip or bar.spoken, self)  # type: ignore[attr-defined]
            else:
                QtWidgets.QToolTip.hideText()
            return True
        return super().event(event)


class ShareBar(BarChart):
    """A stacked bar of the bars' shares of their total above the rows (the rows are its legend)."""

    _BAND = 26

    def _top(self) -> int:
        return _PAD + self._BAND + _PAD if self._bars else _PAD

    def segment_rects(self) -> list[QtCore.QRectF]:
        """Each bar's piece of the stacked band, in widget coordinates."""
        total = sum(bar.value for bar in self._bars) or 1
        width = self.width() - 2 * _PAD
        x = float(_PAD)
        rects = []
        for bar in self._bars:
            piece = width * bar.value / total
            rects.append(QtCore.QRectF(x, _PAD, piece, self._BAND))
            x += piece
        return rects

    def bar_at(self, point: QtCore.QPoint) -> int:
        for index, rect in enumerate(self.segment_rects()):
            if rect.contains(QtCore.QPointF(point)):
                return index
        return super().bar_at(point)

    def _paint_above(self, painter: QtGui.QPainter) -> None:
        for bar, rect in zip(self._bars, self.segment_rects(), strict=True):
            painter.fillRect(rect, QtGui.QColor(bar.color))
        current = self._current
        if 0 <= current < len(self._bars):
            pen = QtGui.QPen(self.palette().color(QtGui.QPalette.ColorRole.WindowText), 2)
            painter.setPen(pen)
            painter.drawRect(self.segment_rects()[current].adjusted(1, 1, -1, -1))


class FindingsDelegate(QtWidgets.QStyledItemDelegate):
    """The findings cell as coloured counts (redundant, potentially redundant, issued by the state), right-aligned;
    a zero is a grey outline. The cell's text stays "2 · 1 · 0" for copying and screen readers."""

    def paint(
        self,
        painter: QtGui.QPainter,
        option: QtWidgets.QStyleOptionViewItem,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> None:
        grades = index.data(GRADES_ROLE)
        if grades is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        rect = option.rect.adjusted(2, 3, -4, -3)
        x = rect.right()
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for grade in reversed(SHOWN_GRADES):
            text = str(grades.get(grade, 0))
            width = metrics.horizontalAdvance(text) + 10
            chip = QtCore.QRectF(x - width, rect.top(), width, rect.height())
            x -= width + 3
            if text != "0":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QtGui.QColor(GRADE_COLORS[FindingGrade(grade)]))
                painter.drawRoundedRect(chip, 4, 4)
                painter.setPen(QtGui.QColor("white"))
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(option.palette.color(QtGui.QPalette.ColorRole.Mid))
                painter.drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
                painter.setPen(option.palette.color(QtGui.QPalette.ColorRole.PlaceholderText))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
