"""The filter bar above the catalog table: agency, level, field, data source and status, and the dashboard's pick.

Each filter is a drop-down whose first entry lets everything through ("All agencies"); the others name a value and
how many procedures have it. A bar clicked on the dashboard arrives as a set of procedures with a label, shown as a
removable chip. :attr:`CatalogFilterBar.changed` carries the whole :class:`~workbench.catalog_model.CatalogFilter`.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.catalog_model import CatalogFilter, FilterChoices, Status, level_label, status_label
from workbench.qt import QtCore, QtWidgets, Signal

Qt = QtCore.Qt
_ROLE = int(Qt.ItemDataRole.UserRole)


class CatalogFilterBar(QtWidgets.QWidget):
    """Drop-downs that filter the catalog, a chip for the dashboard's selection, and "clear filters"."""

    changed = Signal(object)  # CatalogFilter

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = CatalogFilter()
        self._choices = FilterChoices([], [], [], [])
        self._source_names: dict[str, str] = {}
        self.label = QtWidgets.QLabel()
        self.agency = self._combo()
        self.level = self._combo()
        self.field = self._combo()
        self.source = self._combo()
        self.status = self._combo()
        self.label.setBuddy(self.agency)
        self.clear_button = QtWidgets.QToolButton()
        self.clear_button.clicked.connect(self.clear)
        self.chip = QtWidgets.QLabel()
        self.chip.setTextFormat(Qt.TextFormat.PlainText)
        self.chip.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.chip_clear = QtWidgets.QToolButton()
        self.chip_clear.clicked.connect(self.clear_codes)

        top = QtWidgets.QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.label)
        for combo in (self.agency, self.level, self.field):
            top.addWidget(combo, 1)
        bottom = QtWidgets.QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        for combo in (self.source, self.status):
            bottom.addWidget(combo, 1)
        bottom.addWidget(self.chip, 1)
        bottom.addWidget(self.chip_clear)
        bottom.addWidget(self.clear_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.retranslate()
        self._show_state()

    def _combo(self) -> QtWidgets.QComboBox:
        combo = QtWidgets.QComboBox()
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        combo.setMaxVisibleItems(24)
        combo.activated.connect(self._picked)
        return combo

    # --- text -----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.label.setText(self.tr("F&ilters:"))
        for combo, name in (
            (self.agency, self.tr("Filter by ministry or agency")),
            (self.level, self.tr("Filter by level")),
            (self.field, self.tr("Filter by field")),
            (self.source, self.tr("Filter by the data source the findings name")),
            (self.status, self.tr("Filter by status")),
        ):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every procedure again (the search stays)"))
        self.chip_clear.setText("✕")
        self.chip_clear.setAccessibleName(self.tr("Remove the dashboard's selection"))
        self.chip_clear.setToolTip(self.chip_clear.accessibleName())
        self._fill()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what can be chosen ---------------------------------------------------------------------------------

    @property
    def catalog_filter(self) -> CatalogFilter:
        return self._filter

    def set_choices(self, choices: FilterChoices, source_names: dict[str, str]) -> None:
        """Offer these values (a new catalog or new figures); the current choices stay."""
        self._choices = choices
        self._source_names = source_names
        self._fill()

    def _fill(self) -> None:
        def entries(pairs: list[tuple[str, int]], label=lambda value: value) -> list[tuple[str, str]]:
            return [(f"{label(value)} ({count})", value) for value, count in pairs]

        choices = self._choices
        self._refill(self.agency, self.tr("All ministries and agencies"), entries(choices.agencies))
        self._refill(self.level, self.tr("All levels"), entries(choices.levels, level_label))
        self._refill(self.field, self.tr("All fields"), entries(choices.fields))
        self._refill(
            self.source,
            self.tr("All data sources"),
            entries(choices.sources, lambda source: self._source_names.get(source, source)),
        )
        self._refill(self.status, self.tr("Any status"), [(status_label(s), str(s)) for s in Status])
        self._show_state()

    def _refill(self, combo: QtWidgets.QComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData(_ROLE)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in entries:
            combo.addItem(text, value)
        if current is not None and combo.findData(current, _ROLE) < 0:
            combo.addItem(f"{current} (0)", current)  # a chosen value absent from the catalog stays visible
        combo.setCurrentIndex(max(0, combo.findData(current, _ROLE)) if current is not None else 0)
        combo.blockSignals(False)

    # --- choosing -------------------------------------------------------------------------------------------

    def set_filter(self, catalog_filter: CatalogFilter) -> None:
        """Show ``catalog_filter`` (the dashboard's choice) and announce it."""
        for combo, value in (
            (self.agency, catalog_filter.agency),
            (self.level, catalog_filter.level),
            (self.field, catalog_filter.field),
            (self.source, catalog_filter.source),
            (self.status, str(catalog_filter.status) if catalog_filter.status else None),
        ):
            index = combo.findData(value, _ROLE) if value is not None else 0
            if index < 0:
                combo.addItem(f"{value} (0)", value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        self._apply(catalog_filter)

    def clear(self) -> None:
        """Every procedure again (the search is left as it is)."""
        self.set_filter(CatalogFilter())

    def clear_codes(self) -> None:
        self._apply(replace(self._filter, codes=None, codes_label=""))

    def _picked(self) -> None:
        self._apply(
            replace(
                self._filter,
                agency=self.agency.currentData(_ROLE),
                level=self.level.currentData(_ROLE),
                field=self.field.currentData(_ROLE),
                source=self.source.currentData(_ROLE),
                status=Status(status) if (status := self.status.currentData(_ROLE)) else None,
            )
        )

    def _apply(self, catalog_filter: CatalogFilter) -> None:
        if catalog_filter == self._filter:
            return
        self._filter = catalog_filter
        self._show_state()
        self.changed.emit(catalog_filter)

    def _show_state(self) -> None:
        codes = self._filter.codes
        self.chip.setVisible(codes is not None)
        self.chip_clear.setVisible(codes is not None)
        if codes is not None:
            self.chip.setText(
                self.tr("Dashboard: {label} ({count})").format(
                    label=self._filter.codes_label, count=len(codes)
                )
            )
            self.chip.setAccessibleName(self.chip.text())
        self.clear_button.setEnabled(self._filter.active)
