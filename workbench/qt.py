"""The one module of the workbench that imports Qt.

Every GUI module takes Qt from here (``from workbench.qt import QtCore, QtWidgets``), so that the binding is named
in one place and the headless core (``models``, ``catalog``, ``exporters``) can be checked never to import it.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

if TYPE_CHECKING:
    # PySide6's stub types QT_TRANSLATE_NOOP as returning ``object``; at run time it returns its message unchanged.
    def QT_TRANSLATE_NOOP(context: str, message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

QtSvg: ModuleType | None
QtSvgWidgets: ModuleType | None
try:  # in PySide6-Essentials since 6.0; the diagram view falls back to a PNG when a build lacks it
    from PySide6 import QtSvg, QtSvgWidgets
except ImportError:  # pragma: no cover - depends on the wheel
    QtSvg = QtSvgWidgets = None

#: Translate a source string in a fixed context, for code outside QObject subclasses. pyside6-lupdate finds
#: calls spelt ``translate("Context", "text")``, so call it under that name with literal arguments.
translate = QtCore.QCoreApplication.translate

__all__ = [
    "QT_TRANSLATE_NOOP",
    "Qt",
    "QtCore",
    "QtGui",
    "QtSvg",
    "QtSvgWidgets",
    "QtWidgets",
    "Signal",
    "Slot",
    "translate",
]
