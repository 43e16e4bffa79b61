"""Tools › Settings (Ctrl+,): the workspace's cost parameters and data-source registry, the UI language, recent
workspaces.

The cost parameters are :class:`models.cost.parameters.CostParameters`, one line each: value, unit, where the figure comes
from, and a "placeholder" flag while that note is still the one shipped with the workbench. Numbers are read the
Vietnamese way (25.000 or 0,5) or the English way (0.5). The registry is the workspace's view of
:mod:`models.sources` (announced, announcement date, connected), saved per source as ``tthc sources --connect``
does. Nothing is written until OK; a value that cannot be used is refused in one sentence naming it, and the dialog
stays open on it. :class:`SettingsOutcome` tells the main window what changed so it can recompute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pydantic import ValidationError

from models.cost.parameters import CostParameters, load_cost_parameters, save_cost_parameters
from models.errors import TthcError
from models.registry_settings import save_source_settings, workspace_registry
from models.sources import DataSource
from models.storage.workspace import Workspace
from models.vocabulary import COST_PARAMETERS, parameter_label, parameter_unit
from workbench.i18n import LANGUAGES, current_language
from workbench.qt import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
_VI = QtCore.QLocale(QtCore.QLocale.Language.Vietnamese)
_C = QtCore.QLocale.c()
_PLACEHOLDER_COLOR = "#a84300"
_ERROR_COLOR = "#b71c1c"


def parse_number(text: str) -> float | None:
    """A number typed the Vietnamese way (25.000, 0,5) or the English way (0.5, 25000); None if it is not one."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    for locale in (_VI, _C):
        value, ok = locale.toDouble(text)
        if ok:
            return value
    return None


def show_number(value: float) -> str:
    """The Vietnamese way: 25.000, 0,5."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.6f}".rstrip("0").replace(".", ",")


def parse_date(text: str) -> dt.date | None:
    """dd/mm/yyyy or yyyy-mm-dd; raises ValueError for anything else (empty text is no date)."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


@dataclass(frozen=True, slots=True)
class SettingsOutcome:
    """What OK changed."""

    parameters_changed: bool = False
    sources_changed: bool = False
    language: str | None = None
    recent_cleared: bool = False


class _ParameterRow:
    """The widgets of one cost parameter."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.label = QtWidgets.QLabel()
        self.description = QtWidgets.QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        self.value = QtWidgets.QLineEdit()
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value.setMaximumWidth(140)
        self.label.setBuddy(self.value)
        self.unit = QtWidgets.QLabel()
        self.source = QtWidgets.QLineEdit()
        self.flag = QtWidgets.QLabel()
        self.flag.setStyleSheet(f"color: {_PLACEHOLDER_COLOR}; font-weight: bold;")


class SettingsDialog(QtWidgets.QDialog):
    """Cost parameters and data sources of ``workspace`` (None: those pages are disabled), language, recent list."""

    def __init__(
        self,
        workspace: Workspace | None,
        language: str,
        recent: list[str],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.outcome = SettingsOutcome()
        self._language = language
        self._recent_cleared = False
        self.params = load_cost_parameters(workspace) if workspace is not None else CostParameters()
        self.registry: list[DataSource] = workspace_registry(workspace) if workspace is not None else []
        self._defaults = CostParameters()

        self.tabs = QtWidgets.QTabWidget()
        self.rows = {name: _ParameterRow(name) for name in COST_PARAMETERS}
        self.tabs.addTab(self._cost_page(), "")
        self.sources = QtWidgets.QTableWidget(len(self.registry), 5)
        self.tabs.addTab(self._sources_page(), "")
        self.language = QtWidgets.QComboBox()
        self.recent = QtWidgets.QListWidget()
        self.clear_recent_button = QtWidgets.QPushButton()
        self.tabs.addTab(self._interface_page(recent), "")
        for page in (0, 1):
            self.tabs.setTabEnabled(page, workspace is not None)
        if workspace is None:
            self.tabs.setCurrentIndex(2)

        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {_ERROR_COLOR};")
        self.error.hide()
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
            | QtWidgets.QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.restore_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.RestoreDefaults)
        self.restore_button.clicked.connect(self.restore_defaults)
        self.restore_button.setEnabled(workspace is not None)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(900, 640)
        self.retranslate()
        self._show_parameters(self.params)
        self._show_sources()

    # --- pages ------------------------------------------------------------------------------------------------

    def _cost_page(self) -> QtWidgets.QWidget:
        self.cost_intro = QtWidgets.QLabel()
        self.cost_intro.setWordWrap(True)
        grid = QtWidgets.QGridLayout()
        self.header_labels = [QtWidgets.QLabel() for _ in range(4)]
        for column, label in enumerate(self.header_labels):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, column if column < 2 else column + 1)
        for n, row in enumerate(self.rows.values()):
            text = QtWidgets.QVBoxLayout()
            text.setSpacing(0)
            text.addWidget(row.label)
            text.addWidget(row.description)
            grid.addLayout(text, n + 1, 0)
            grid.addWidget(row.value, n + 1, 1)
            grid.addWidget(row.unit, n + 1, 2)
            grid.addWidget(row.source, n + 1, 3)
            grid.addWidget(row.flag, n + 1, 4)
            row.source.textChanged.connect(lambda _text, r=row: self._flag(r))
            row.source.textChanged.connect(row.source.setToolTip)  # the whole note, however narrow the field
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 3)
        self.volumes_note = QtWidgets.QLabel()
        self.volumes_note.setWordWrap(True)
        inner = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(inner)
        box.addWidget(self.cost_intro)
        box.addLayout(grid)
        box.addWidget(self.volumes_note)
        box.addStretch(1)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _sources_page(self) -> QtWidgets.QWidget:
        self.sources_intro = QtWidgets.QLabel()
        self.sources_intro.setWordWrap(True)
        table = self.sources
        table.verticalHeader().hide()
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
            | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addWidget(self.sources_intro)
        layout.addWidget(table)
        return page

    def _interface_page(self, recent: list[str]) -> QtWidgets.QWidget:
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language named in itself
        self.language.setCurrentIndex(max(0, self.language.findData(self._language)))
        self.language_label = QtWidgets.QLabel()
        self.language_label.setBuddy(self.language)
        self.recent_label = QtWidgets.QLabel()
        self.recent_label.setBuddy(self.recent)
        self.recent.addItems(recent)
        self.clear_recent_button.setEnabled(bool(recent))
        self.clear_recent_button.clicked.connect(self._clear_recent)
        page = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout(page)
        form.addRow(self.language_label, self.language)
        form.addRow(self.recent_label, self.recent)
        form.addRow("", self.clear_recent_button)
        return page

    # --- text -------------------------------------------------------------------------------------------------

    def _parameter_descriptions(self) -> dict[str, str]:
        """name -> what the parameter is, for the tooltip and screen readers (its label and unit: the vocabulary)."""
        return {
            "hour_value_vnd": self.tr("Value of one hour of the applicant's time."),
            "form_hours": self.tr("Hours to fill in one form or declaration."),
            "document_hours": self.tr("Hours to obtain one document to submit."),
            "show_document_hours": self.tr("Hours to get ready one document to show."),
            "visit_hours": self.tr("Hours per in-person visit, travel and waiting."),
            "travel_cost_vnd": self.tr("Travel cost of one visit."),
            "copy_cost_per_page_vnd": self.tr("Copying cost per page."),
            "certification_cost_per_page_vnd": self.tr("Certification cost per page of a certified copy."),
            "pages_per_document": self.tr("Pages of a typical document."),
            "conditional_item_weight": self.tr(
                "Share of dossiers that need an item published with a condition (0 to 1)."
            ),
            "annual_volume": self.tr("Dossiers per year of a procedure without a figure of its own."),
            "times_per_year": self.tr("Times a subject needs the procedure per year."),
        }

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("&Cost parameters"))
        self.tabs.setTabText(1, self.tr("&Data sources"))
        self.tabs.setTabText(2, self.tr("&Interface"))
        self.cost_intro.setText(
            self.tr(
                "The figures of the compliance cost (Circular 02/2017/TT-VPCP Art. 27), kept in this workspace. "
                "The defaults are placeholders: set your own values and say where each comes from."
            )
        )
        for header, text in zip(
            self.header_labels,
            (self.tr("Parameter"), self.tr("Value"), self.tr("Source of the figure"), self.tr("Status")),
            strict=True,
        ):
            header.setText(text)
        lang = current_language()
        for name, description in self._parameter_descriptions().items():
            row = self.rows[name]
            label = parameter_label(name, lang)
            row.label.setText(label)
            row.description.setText(description)
            row.unit.setText(parameter_unit(name, lang))
            row.value.setAccessibleName(label)
            row.value.setAccessibleDescription(description)
            row.source.setAccessibleName(self.tr("Source of: {parameter}").format(parameter=label))
            row.source.setPlaceholderText(self.tr("Where this figure comes from"))
            self._flag(row)
        self.volumes_note.setText(
            self.tr("Procedure-specific volumes kept in this workspace: {count}.").format(
                count=len(self.params.volume_by_code)
            )
        )
        self.sources_intro.setText(
            self.tr(
                "An item is redundant when its data source holds the data, has been announced and the agency is "
                "connected to it. Tick what applies to this workspace; dates as dd/mm/yyyy."
            )
        )
        self.sources.setHorizontalHeaderLabels(
            [
                self.tr("Data source"),
                self.tr("Owner"),
                self.tr("Announced"),
                self.tr("Announced on"),
                self.tr("Connected"),
            ]
        )
        self.sources.setAccessibleName(self.tr("Data sources of this workspace"))
        self.language_label.setText(self.tr("&Language:"))
        self.recent_label.setText(self.tr("&Recent workspaces:"))
        self.clear_recent_button.setText(self.tr("C&lear the list"))
        self.restore_button.setText(self.tr("Restore &defaults"))
        self.restore_button.setToolTip(self.tr("Put the shipped placeholder cost parameters back"))

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing ----------------------------------------------------------------------------------------------

    def _show_parameters(self, params: CostParameters) -> None:
        for name, row in self.rows.items():
            row.value.setText(show_number(getattr(params, name)))
            row.value.setPlaceholderText(show_number(getattr(self._defaults, name)))
            row.source.setText(params.sources.get(name, ""))
            row.source.setCursorPosition(0)
            self._flag(row)

    def _flag(self, row: _ParameterRow) -> None:
        placeholder = row.source.text() == self._defaults.sources.get(row.name)
        row.flag.setText(self.tr("Placeholder") if placeholder else "")
        row.flag.setToolTip(
            self.tr("This figure has no source yet: set your own value and say where it comes from.")
            if placeholder
            else ""
        )
        row.value.setAccessibleDescription(
            row.description.text() + (" " + row.flag.toolTip() if placeholder else "")
        )

    def _show_sources(self) -> None:
        table = self.sources
        for n, source in enumerate(self.registry):
            name = QtWidgets.QTableWidgetItem(source.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setToolTip(source.legal_basis or source.note)
            name.setData(Qt.ItemDataRole.UserRole, source.id)
            owner = QtWidgets.QTableWidgetItem(source.owner)
            owner.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            date = QtWidgets.QTableWidgetItem(
                source.announced_on.strftime("%d/%m/%Y") if source.announced_on else ""
            )
            table.setItem(n, 0, name)
            table.setItem(n, 1, owner)
            table.setItem(n, 2, self._check(source.announced))
            table.setItem(n, 3, date)
            table.setItem(n, 4, self._check(bool(source.connected)))
        table.resizeColumnsToContents()

    @staticmethod
    def _check(checked: bool) -> QtWidgets.QTableWidgetItem:
        item = QtWidgets.QTableWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    # --- gestures ---------------------------------------------------------------------------------------------

    def restore_defaults(self) -> None:
        """The shipped placeholders back on the cost page (saved only with OK)."""
        self._show_parameters(self._defaults)

    def _clear_recent(self) -> None:
        self.recent.clear()
        self._recent_cleared = True
        self.clear_recent_button.setEnabled(False)

    def accept(self) -> None:
        """Check every value, save what changed in the workspace, close; or say what is wrong and stay open."""
        try:
            params = self.read_parameters()
            sources = self.read_sources()
        except ValueError as error:
            self._refuse(str(error))
            return
        try:
            parameters_changed = self._save_parameters(params)
            for source in sources:
                save_source_settings(self.workspace, source)  # type: ignore[arg-type]
        except TthcError as error:
            self._refuse(str(error))
            return
        language = self.language.currentData()
        self.outcome = SettingsOutcome(
            parameters_changed=parameters_changed,
            sources_changed=bool(sources),
            language=language if language != self._language else None,
            recent_cleared=self._recent_cleared,
        )
        super().accept()

    def _refuse(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()
        self.error.setAccessibleName(sentence)
        QtWidgets.QApplication.beep()

    def _save_parameters(self, params: CostParameters | None) -> bool:
        if params is None or self.workspace is None or params == self.params:
            return False
        save_cost_parameters(self.workspace, params)
        self.params = params
        return True

    def read_parameters(self) -> CostParameters | None:
        """The parameters as typed (None without a workspace); ValueError with one sentence when one is wrong."""
        if self.workspace is None:
            return None
        lang = current_language()
        values: dict[str, float] = {}
        for name, row in self.rows.items():
            value = parse_number(row.value.text())
            if value is None:
                self._focus(row.value)
                raise ValueError(
                    self.tr("{parameter}: “{text}” is not a number.").format(
                        parameter=parameter_label(name, lang), text=row.value.text().strip()
                    )
                )
            values[name] = value
        sources = {
            **self.params.sources,
            **{name: row.source.text().strip() for name, row in self.rows.items()},
        }
        try:
            return CostParameters(**values, volume_by_code=self.params.volume_by_code, sources=sources)
        except ValidationError as error:
            first = error.errors()[0]
            name = str(first["loc"][0])
            self._focus(self.rows[name].value)
            limits = first.get("ctx", {})
            if "le" in limits:
                sentence = self.tr("{parameter} must be between 0 and {limit}.")
            else:
                sentence = self.tr("{parameter} cannot be negative.")
            raise ValueError(
                sentence.format(
                    parameter=parameter_label(name, lang), limit=show_number(float(limits.get("le", 0)))
                )
            ) from None

    def _cell(self, row: int, column: int) -> QtWidgets.QTableWidgetItem:
        """The item the sources table was filled with at (row, column); every cell has one."""
        item = self.sources.item(row, column)
        assert item is not None, (row, column)
        return item

    def read_sources(self) -> list[DataSource]:
        """The sources whose settings were changed; ValueError with one sentence for a date that is not one."""
        changed = []
        for n, source in enumerate(self.registry):
            announced = self._cell(n, 2).checkState() == Qt.CheckState.Checked
            connected = self._cell(n, 4).checkState() == Qt.CheckState.Checked
            text = self._cell(n, 3).text()
            try:
                announced_on = parse_date(text)
            except ValueError:
                self.tabs.setCurrentIndex(1)
                self.sources.setCurrentCell(n, 3)
                self.sources.setFocus()
                raise ValueError(
                    self.tr(
                        "The announcement date of {source}, “{text}”, is not a date: write it as dd/mm/yyyy."
                    ).format(source=source.name, text=text.strip())
                ) from None
            if (announced, announced_on, connected) != (
                source.announced,
                source.announced_on,
                bool(source.connected),
            ):
                changed.append(
                    replace(source, announced=announced, announced_on=announced_on, connected=connected)
                )
        return changed

    def _focus(self, widget: QtWidgets.QWidget) -> None:
        self.tabs.setCurrentIndex(0)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QtWidgets.QLineEdit):
            widget.selectAll()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        # Enter in a table cell edits it instead of closing the dialog with OK.
        if self.sources.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sources.editItem(self.sources.currentItem())
            return
        super().keyPressEvent(event)
