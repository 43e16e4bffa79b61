"""UI languages: Vietnamese (the default, from ``tthc_vi.qm``) and English (the source language, no translator).

Source strings are English and go through ``tr()`` / ``translate()``; ``tthc_vi.ts`` holds their Vietnamese
translations and is compiled to ``tthc_vi.qm`` with ``pyside6-lrelease``. Installing or removing a translator
makes Qt send every widget a ``LanguageChange`` event, which is how the windows retranslate themselves live.

The labels of the domain's values (channels, time units, grades...) are not Qt strings: they come from the core's
vocabulary (:mod:`models.vocabulary`) in :func:`current_language`, through :func:`enum_label`, so that the desktop
application says what the exports and the command line say, and follows a language switch like every Qt string.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path

from models.vocabulary import Form, Lang, enum_value, label
from workbench.qt import QtCore

I18N_DIR = Path(__file__).resolve().parent
#: Language code -> its name in that language (names of languages are shown untranslated, as menus do).
LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
SOURCE_LANGUAGE = "en"

log = logging.getLogger(__name__)

_current: Lang = "en"  # the source language, until a translator is installed


def current_language() -> Lang:
    """The UI language the application shows now ("vi" or "en"): for the texts the core keeps in both languages
    (:mod:`models.vocabulary`, the export kinds' labels), which no Qt translator translates."""
    return _current


def enum_label(enum: type[StrEnum], value: object, form: Form = "short") -> str:
    """A stored value of ``enum`` as the UI shows it now: its label from :mod:`models.vocabulary` in the current
    UI language, in ``form`` (the short form unless said: the GUI mostly shows values in cells, badges and
    choices). Text that names no value of ``enum`` (imported data the vocabulary does not know) is shown as it is.
    """
    member: StrEnum | None
    if isinstance(value, enum):
        member = value
    else:  # a plain string (rows the storage loads unvalidated): its code, else one of its spellings
        text = str(value)
        try:
            member = enum(text)
        except ValueError:
            member = enum_value(enum, text)
    return str(value) if member is None else label(member, _current, form)


def normalize_language(code: object) -> str:
    """A known language code for ``code``, or the default when it is missing or unknown."""
    return code if isinstance(code, str) and code in LANGUAGES else DEFAULT_LANGUAGE


class Translations(QtCore.QObject):
    """The translators installed on the application for the current UI language."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.language = SOURCE_LANGUAGE
        self._installed: list[QtCore.QTranslator] = []

    def set_language(self, language: str) -> bool:
        """Switch the UI language; returns False when the language's translation file could not be loaded."""
        language = normalize_language(language)
        if language == self.language and (self._installed or language == SOURCE_LANGUAGE):
            return True
        self.uninstall()
        self.language = language
        if language == SOURCE_LANGUAGE:
            return True
        ours = QtCore.QTranslator(self)
        if not ours.load(f"tthc_{language}", str(I18N_DIR)):
            log.warning("translation file tthc_%s.qm not found in %s", language, I18N_DIR)
            return False
        translators = [ours]
        qt_base = QtCore.QTranslator(self)  # Qt's own dialogs and buttons, when Qt ships that language
        qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(f"qtbase_{language}", qt_dir):
            translators.append(qt_base)
        _shown(language)  # first: a LanguageChange handler reads the core's labels in the new language
        for translator in translators:
            QtCore.QCoreApplication.installTranslator(translator)
        self._installed = translators
        return True

    def uninstall(self) -> None:
        """Remove our translators: the UI falls back to the English source strings."""
        _shown(SOURCE_LANGUAGE)
        for translator in self._installed:
            QtCore.QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = SOURCE_LANGUAGE


def _shown(language: str) -> None:
    global _current
    _current = "vi" if language == "vi" else "en"
