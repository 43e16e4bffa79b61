"""The dashboard: the whole catalog's findings, removable burden and the savings of the proposals, as charts.

It shows a :class:`~workbench.catalog_facts.CatalogFacts` (computed on a worker by
:class:`~workbench.catalog_facts.CatalogFactsLoader`): key figures, the findings by grade, findings per data
source, the documents most often demanded (weighted by annual volume), the procedures with the most removable
burden and what the proposals would save. Every bar that stands for procedures is clickable (or Enter on it):
:attr:`Dashboard.filter_requested` asks the main window to show those procedures in the catalog browser.
Amounts are written the Vietnamese way (1.234.567 đ) in every UI language, like the rest of the analysis.
"""

from __future__ import annotations

from typing import Any

from models.enums import FindingGrade
from workbench.analysis_html import GRADE_COLORS, format_money
from workbench.catalog_facts import CatalogFacts
from workbench.catalog_model import CatalogFilter, Status
from workbench.charts import Bar, BarChart, ShareBar
from workbench.i18n import enum_label
from workbench.qt import QtCore, QtGui, QtWidgets, Signal

Qt = QtCore.Qt

GRADE_STATUS = {
    FindingGrade.REDUNDANT: Status.REDUNDANT,
    FindingGrade.POTENTIALLY_REDUNDANT: Status.POTENTIALLY_REDUNDANT,
    FindingGrade.ISSUED_BY_STATE: Status.ISSUED_BY_STATE,
}
_GRADE_ORDER = (
    FindingGrade.REDUNDANT,
    FindingGrade.POTENTIALLY_REDUNDANT,
    FindingGrade.ISSUED_BY_STATE,
    FindingGrade.REQUIRED,
)
_BEFORE_COLOR = "#616161"
_AFTER_COLOR = "#2e7d32"


def format_count(value: float) -> str:
    """A whole number with Vietnamese digit grouping: 1.234.567."""
    return f"{round(value):,}".replace(",", ".")


def format_percent(rate: float) -> str:
    """A fraction as a Vietnamese percentage: 0.7164 -> 71,6 %."""
    return f"{rate * 100:.1f}".replace(".", ",") + " %"


class Tile(QtWidgets.QFrame):
    """A key figure: a caption above a large value (labels, so screen readers read both)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.caption = QtWidgets.QLabel()
        self.caption.setWordWrap(True)
        self.value = QtWidgets.QLabel("—")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, caption: str, value: str) -> None:
        self.caption.setText(caption)
        self.value.setText(value)
        self.setAccessibleName(f"{caption}: {value}")


class Dashboard(QtWidgets.QScrollArea):
    """Catalog-wide charts; bars standing for procedures filter the catalog browser when activated."""

    filter_requested = Signal(object)  # CatalogFilter

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.facts: CatalogFacts | None = None
        self._busy = False
        content = QtWidgets.QWidget()
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.analyse_button = QtWidgets.QToolButton()
        self.analyse_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.refresh_button = QtWidgets.QToolButton()
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.tiles = {
            key: Tile() for key in ("procedures", "online", "cost", "removable", "potential", "savings")
        }
        self.grades = ShareBar()
        self.sources = BarChart()
        self.documents = BarChart()
        self.burden = BarChart()
        self.savings = BarChart()
        self.savings_note = QtWidgets.QLabel()
        self.savings_note.setWordWrap(True)
        self.headings = {chart: QtWidgets.QLabel() for chart in self.charts}
        for chart, heading in self.headings.items():
            heading.setBuddy(chart)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            chart.activated.connect(self._activated)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.analyse_button)
        top.addWidget(self.refresh_button)
        tiles = QtWidgets.QGridLayout()
        for n, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, n)
        grid = QtWidgets.QGridLayout()
        places = {
            self.grades: (0, 0, 1, 2),
            self.sources: (1, 0, 1, 1),
            self.documents: (1, 1, 1, 1),
            self.burden: (2, 0, 1, 1),
            self.savings: (2, 1, 1, 1),
        }
        for chart, (row, column, rows, columns) in places.items():
            box = QtWidgets.QVBoxLayout()
            box.addWidget(self.headings[chart])
            box.addWidget(chart)
            if chart is self.savings:
                box.addWidget(self.savings_note)
            box.addStretch(1)
            grid.addLayout(box, row, column, rows, columns)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QtWidgets.QVBoxLayout(content)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(content)
        self.retranslate()

    @property
    def charts(self) -> tuple[BarChart, ...]:
        return (self.grades, self.sources, self.documents, self.burden, self.savings)

    def set_analyse_action(self, action: QtGui.QAction) -> None:
        """The action that analyses the whole catalog, offered while there are no findings to show."""
        self.analyse_button.setDefaultAction(action)

    # --- content ----------------------------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """Figures are being computed (the ones shown, if any, are about to change)."""
        self._busy = busy
        self._show_message()

    def set_facts(self, facts: CatalogFacts | None) -> None:
        """Show these figures (None: no workspace)."""
        self.facts = facts
        self._busy = False
        self._render()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Dashboard"))
        titles = {
            self.grades: self.tr("Dossier items by grade"),
            self.sources: self.tr("Findings per data source"),
            self.documents: self.tr("Documents most often demanded (dossiers per year)"),
            self.burden: self.tr("Procedures with the most removable burden (per year)"),
            self.savings: self.tr("Annual cost of the redesigned procedures"),
        }
        for chart, title in titles.items():
            chart.set_title(title)
            self.headings[chart].setText(title)
        self._render()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_message(self) -> None:
        facts = self.facts
        if self._busy:
            text = self.tr("Computing the catalog's figures in the background…")
        elif facts is None:
            text = self.tr("No figures yet: open a workspace.")
        elif not facts.analysed:
            text = self.tr(
                "The catalog has not been analysed yet: the costs are known, the findings not. "
                "Analyse the whole catalog (F5) to see them."
            )
        else:
            text = self.tr(
                "Click a bar, or select it and press Enter, to list its procedures in the catalog."
            )
        self.message.setText(text)
        self.analyse_button.setVisible(facts is not None and not facts.analysed and not self._busy)

    def _render(self) -> None:
        self._show_message()
        facts = self.facts
        summary: dict[str, Any] = facts.summary if facts is not None and facts.summary else {}
        self._render_tiles(facts, summary)
        none = self.tr("Nothing to show until the catalog is analysed.")
        self.grades.set_bars(self._grade_bars(summary), none)
        self.sources.set_bars(self._source_bars(facts, summary), self.tr("No finding names a data source."))
        self.documents.set_bars(self._document_bars(facts, summary), none)
        self.burden.set_bars(self._burden_bars(summary), self.tr("No removable burden was found."))
        self._render_savings(facts)

    def _render_tiles(self, facts: CatalogFacts | None, summary: dict[str, Any]) -> None:
        by_code = facts.by_code if facts is not None else {}
        known = bool(summary)
        self.tiles["procedures"].set(self.tr("Procedures"), format_count(len(by_code)) if by_code else "—")
        self.tiles["online"].set(
            self.tr("Eligible for full-process online"),
            format_count(summary["full_process_online_eligible"]) if known else "—",
        )
        self.tiles["cost"].set(
            self.tr("Annual compliance cost"),
            format_money(sum(f.annual_cost for f in by_code.values())) if by_code else "—",
        )
        self.tiles["removable"].set(
            self.tr("Removable burden (redundant items), per year"),
            format_money(summary["removable_annual_vnd"]) if known else "—",
        )
        self.tiles["potential"].set(
            self.tr("Potentially removable, per year"),
            format_money(summary["potentially_removable_annual_vnd"]) if known else "—",
        )
        comparison = facts.comparison if facts is not None else None
        self.tiles["savings"].set(
            self.tr("Savings if the proposals are applied, per year"),
            format_money(comparison.annual_before_vnd - comparison.annual_after_vnd) if comparison else "—",
        )

    def _grade_bars(self, summary: dict[str, Any]) -> list[Bar]:
        grades = summary.get("grades", {})
        total = sum(grades.values()) or 1
        bars = []
        for grade in _GRADE_ORDER:
            count = grades.get(str(grade), 0)
            status = GRADE_STATUS.get(grade)
            bars.append(
                Bar(
                    label=enum_label(FindingGrade, grade),
                    value=count,
                    value_text=f"{format_count(count)} ({format_percent(count / total)})",
                    color=GRADE_COLORS[grade],
                    payload=CatalogFilter(status=status) if status is not None and count else None,
                )
            )
        return bars if grades else []

    def _source_bars(self, facts: CatalogFacts | None, summary: dict[str, Any]) -> list[Bar]:
        names = facts.source_names if facts is not None else {}
        redundant, potential = FindingGrade.REDUNDANT, FindingGrade.POTENTIALLY_REDUNDANT
        bars = []
        for source, counts in summary.get("per_data_source", {}).items():
            total = sum(counts.values())
            detail = ", ".join(
                f"{format_count(n)} {enum_label(FindingGrade, grade, 'text')}"
                for grade, n in sorted(counts.items())
            )
            bars.append(
                Bar(
                    label=names.get(source, source),
                    value=total,
                    value_text=format_count(total),
                    parts=tuple(
                        (counts.get(str(grade), 0), GRADE_COLORS[grade])
                        for grade in (
                            redundant,
                            potential,
                            FindingGrade.ISSUED_BY_STATE,
                            FindingGrade.REQUIRED,
                        )
                        if counts.get(str(grade), 0)
                    ),
                    payload=CatalogFilter(source=source),
                    tooltip=f"{names.get(source, source)}: {detail}",
                )
            )
        return sorted(bars, key=lambda bar: -bar.value)

    def _document_bars(self, facts: CatalogFacts | None, summary: dict[str, Any]) -> list[Bar]:
        codes = facts.demanded_codes if facts is not None else []
        bars = []
        for n, entry in enumerate(summary.get("most_demanded_documents", [])[:10]):
            text = self.tr("{dossiers} dossiers · {procedures} procedures").format(
                dossiers=format_count(entry["annual_volume"]), procedures=format_count(entry["procedures"])
            )
            bars.append(
                Bar(
                    label=entry["document"],
                    value=entry["annual_volume"],
                    value_text=text,
                    color=GRADE_COLORS.get(FindingGrade(entry["grade"]), "#1356a3"),
                    payload=CatalogFilter(codes=codes[n], codes_label=entry["document"])
                    if n < len(codes)
                    else None,
                    tooltip=f"{entry['document']} — {enum_label(FindingGrade, entry['grade'])}: {text}",
                )
            )
        return bars

    def _burden_bars(self, summary: dict[str, Any]) -> list[Bar]:
        bars = []
        for entry in summary.get("most_removable_burden", [])[:10]:
            redundant = entry["removable_annual_vnd"]
            potential = entry["potentially_removable_annual_vnd"]
            label = f"{entry['code']} {entry['name']}"
            bars.append(
                Bar(
                    label=label,
                    value=redundant + potential,
                    value_text=format_money(redundant + potential),
                    parts=(
                        (redundant, GRADE_COLORS[FindingGrade.REDUNDANT]),
                        (potential, GRADE_COLORS[FindingGrade.POTENTIALLY_REDUNDANT]),
                    ),
                    payload=CatalogFilter(codes=frozenset({entry["code"]}), codes_label=entry["code"]),
                    tooltip=self.tr(
                        "{name}: {redundant} redundant, {potential} potentially redundant"
                    ).format(
                        name=label, redundant=format_money(redundant), potential=format_money(potential)
                    ),
                )
            )
        return sorted(bars, key=lambda bar: -bar.value)  # the summary ranks by the redundant part alone

    def _render_savings(self, facts: CatalogFacts | None) -> None:
        comparison = facts.comparison if facts is not None else None
        if comparison is None or not comparison.redesigned:
            self.savings.set_bars(
                [], self.tr("No procedure has a proposal yet (Redesign, Apply suggestions).")
            )
            self.savings_note.clear()
            return
        redesigned = CatalogFilter(status=Status.REDESIGNED)
        self.savings.set_bars(
            [
                Bar(
                    self.tr("As published"),
                    comparison.annual_before_vnd,
                    format_money(comparison.annual_before_vnd),
                    _BEFORE_COLOR,
                    payload=redesigned,
                ),
                Bar(
                    self.tr("With the proposals"),
                    comparison.annual_after_vnd,
                    format_money(comparison.annual_after_vnd),
                    _AFTER_COLOR,
                    payload=redesigned,
                ),
            ]
        )
        self.savings_note.setText(
            self.tr(
                "{procedures} procedures redesigned: {saved} saved per year ({rate}), {items} items removed, "
                "{visits} in-person visits fewer."
            ).format(
                procedures=format_count(comparison.redesigned),
                saved=format_money(comparison.annual_before_vnd - comparison.annual_after_vnd),
                rate=format_percent(comparison.savings_rate),
                items=format_count(comparison.items_removed),
                visits=format_count(comparison.visits_before - comparison.visits_after),
            )
        )

    def _activated(self, payload: object) -> None:
        if isinstance(payload, CatalogFilter):
            self.filter_requested.emit(payload)
