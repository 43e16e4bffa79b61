"""The Qt binding itself: a long session must not exhaust Python's reference count on None."""

from __future__ import annotations

import sys

from workbench.qt import QtWidgets


def test_void_qt_calls_do_not_leak_references_to_none(qtbot) -> None:
    # PySide6-Essentials 6.12.0 lost a reference to None on every void call; after a few thousand gestures the
    # interpreter aborted with "none_dealloc". pyproject.toml keeps the binding below 6.12.
    widget = QtWidgets.QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setFocus()
        widget.setToolTip("")
    assert sys.getrefcount(None) - before < 100
