"""The one module of the workbench that imports Qt.

Every GUI module takes Qt from here (``from workbench.qt import QtCore, QtWidgets``), so that the binding is named
in one place and the headless core (``models``, ``catalog``, ``exporters``) can be checked never to import it.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot

#: Translate a source string in a fixed context, for code outside QObject subclasses. pyside6-lupdate finds
#: calls spelt ``translate("Context", "text")``, so call it under that name with literal arguments.
translate = QtCore.QCoreApplication.translate

__all__ = ["QT_TRANSLATE_NOOP", "Qt", "QtCore", "QtGui", "QtWidgets", "Signal", "Slot", "translate"]
