"""The Vietnamese translation is complete, consistent with the sources, and compiled from the shipped .ts."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import workbench
from models.enums import ChannelMethod, FindingGrade, Level, TimeUnit
from models.vocabulary import ENUM_LABELS
from workbench.i18n import I18N_DIR, Translations, enum_label
from workbench.qt import QtCore

TS = I18N_DIR / "tthc_vi.ts"
QM = I18N_DIR / "tthc_vi.qm"
SOURCES = [*sorted(Path(workbench.__file__).parent.glob("*.py")), I18N_DIR / "__init__.py"]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")

Message = tuple[str, str]  # (context, source text)


def ts_messages(path: Path = TS) -> dict[Message, ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


class _Finder(ast.NodeVisitor):
    """Literal strings passed to self.tr() (context: the enclosing class), translate() and QT_TRANSLATE_NOOP()."""

    def __init__(self) -> None:
        self.found: set[Message] = set()
        self._classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._classes.append(node.name)
        self.generic_visit(node)
        self._classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name == "tr" and literals and self._classes:
            self.found.add((self._classes[-1], literals[0]))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(literals) >= 2:
            self.found.add((literals[0], literals[1]))
        self.generic_visit(node)


def source_messages() -> set[Message]:
    finder = _Finder()
    for path in SOURCES:
        finder.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return finder.found


def qt_tool(name: str) -> str:
    tool = Path(sys.executable).with_name(name)
    found = str(tool) if tool.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_every_source_string_has_a_finished_vietnamese_translation() -> None:
    messages = ts_messages()
    wanted = source_messages()
    assert len(wanted) > 100  # the scan itself works
    missing = sorted(m for m in wanted if m not in messages)
    assert not missing, f"not in {TS.name}: {missing}"
    unfinished = sorted(m for m in wanted if not (messages[m].text or "").strip() or messages[m].get("type"))
    assert not unfinished, f"untranslated: {unfinished}"


def test_the_ts_has_no_messages_the_sources_no_longer_use() -> None:
    assert sorted(set(ts_messages()) - source_messages()) == []


def test_translations_keep_placeholders_and_shortcut_keys() -> None:
    for (context, source), translation in ts_messages().items():
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (context, source)


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [
            qt_tool("pyside6-lupdate"),
            *map(str, SOURCES),
            "-source-language",
            "en",
            "-target-language",
            "vi",
            "-no-obsolete",
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    updated = ts_messages(copy)
    assert set(updated) == set(ts_messages())
    assert not [m for m, t in updated.items() if t.get("type")]


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    rebuilt = tmp_path / QM.name
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS), "-qm", str(rebuilt)], check=True, capture_output=True
    )
    assert rebuilt.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on workbench/i18n/tthc_vi.ts"


def test_the_vietnamese_translator_loads(qapp) -> None:
    translations = Translations()
    try:
        assert translations.set_language("vi")
        assert QtCore.QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
    finally:
        translations.uninstall()
    assert QtCore.QCoreApplication.translate("MainWindow", "&File") == "&File"


def _domain_enums() -> set[str]:
    return {enum.__name__ for enum in ENUM_LABELS}


def test_no_qt_string_is_keyed_by_a_value_of_the_domain() -> None:
    """Labels of the domain's values come from models.vocabulary: a dict from such values to Qt strings (or to any
    literal text) in the GUI would be a second copy that drifts."""
    enums, found = _domain_enums(), []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                keyed = isinstance(key, ast.Attribute) and getattr(key.value, "id", None) in enums
                text = isinstance(value, ast.Call) and getattr(value.func, "id", "") == "QT_TRANSLATE_NOOP"
                words = (
                    isinstance(value, ast.Constant) and isinstance(value.value, str) and " " in value.value
                )
                if keyed and (text or words):
                    found.append(f"{path.name}:{key.lineno} {ast.unparse(key)}")
    assert not found, f"enum labels outside models.vocabulary: {found}"


def test_enum_labels_follow_the_ui_language(qapp) -> None:
    translations = Translations()
    try:
        assert translations.set_language("vi")
        assert enum_label(ChannelMethod, ChannelMethod.POSTAL) == "Dịch vụ bưu chính"
        assert enum_label(TimeUnit, "WORKING_DAY", "text") == "ngày làm việc"  # a stored code
        assert enum_label(FindingGrade, "redundant") == "Trùng lặp"
        assert enum_label(FindingGrade, "redundant", "label") == "Trùng lặp (dữ liệu đã có)"
        assert (
            enum_label(Level, "SOMETHING_NEW") == "SOMETHING_NEW"
        )  # imported text the vocabulary does not know
        assert translations.set_language("en")
        assert enum_label(ChannelMethod, ChannelMethod.POSTAL) == "Postal"
        assert enum_label(TimeUnit, "WORKING_DAY", "text") == "working days"
    finally:
        translations.uninstall()
    assert enum_label(FindingGrade, "required") == "Required"
