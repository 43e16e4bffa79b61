"""Qt models of a redesign: the to-be items and steps, the changes in effect, and the before/after comparison.

Read-only adapters over the core's objects (:class:`~models.storage.proposals.StoredDraft`,
:class:`~models.redesign.comparison.Comparison`): each ``set_*`` call resets the model from them and ``data()`` only looks up
texts computed then. Labels are translated in the "Redesign" context; groups, actors, grades and time units are the
core's vocabulary (:func:`workbench.i18n.enum_label`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from models.enums import Actor, FindingGrade, ItemGroup, TimeUnit
from models.findings import Finding
from models.graph import effective_actors, visit_steps
from models.procedure import DossierItem, Procedure, Step
from models.redesign.changes import Change
from models.redesign.comparison import Comparison
from models.redesign.history import ChangeGroup
from models.text import squash
from workbench.analysis_html import GRADE_COLORS, finding_tooltip, format_money
from workbench.i18n import enum_label
from workbench.qt import QT_TRANSLATE_NOOP, QtCore, QtGui, translate

Qt = QtCore.Qt
_ROOT = QtCore.QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_WHITE = QtGui.QColor("#ffffff")
_BETTER = QtGui.QColor("#1b5e20")
_WORSE = QtGui.QColor("#b71c1c")


def item_label(item: DossierItem) -> str:
    return squash(item.name_normalized or item.name)


def step_label(step: Step) -> str:
    return squash(step.title or step.description)


class _TextTable(QtCore.QAbstractTableModel):
    """A table of precomputed cells (and optional tooltips and colours), with translated headers."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: list[list[str]] = []
        self._tooltips: list[list[str | None]] = []
        self._backgrounds: dict[tuple[int, int], QtGui.QColor] = {}
        self._foregrounds: dict[tuple[int, int], QtGui.QColor] = {}
        self._right: frozenset[int] = frozenset()

    def _reset(
        self,
        cells: list[list[str]],
        tooltips: list[list[str | None]] | None = None,
        backgrounds: dict[tuple[int, int], QtGui.QColor] | None = None,
        foregrounds: dict[tuple[int, int], QtGui.QColor] | None = None,
    ) -> None:
        self.beginResetModel()
        self._cells = cells
        self._tooltips = tooltips or [[None] * len(self.HEADERS) for _ in cells]
        self._backgrounds = backgrounds or {}
        self._foregrounds = foregrounds or {}
        self.endResetModel()

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == _DISPLAY:
            return self._cells[row][column]
        if role == _TOOLTIP:
            return self._tooltips[row][column]
        if role == _BACKGROUND:
            return self._backgrounds.get((row, column))
        if role == _FOREGROUND:
            return self._foregrounds.get((row, column))
        if role == _ALIGNMENT and column in self._right:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role != _DISPLAY or not 0 <= section < (
            len(self.HEADERS) if orientation == Qt.Orientation.Horizontal else len(self._cells)
        ):
            return None
        return (
            translate("Redesign", self.HEADERS[section])
            if orientation == Qt.Orientation.Horizontal
            else str(section + 1)
        )

    def retranslate(self) -> None:
        """Headers change language; subclasses recompute translated cells too."""
        if self.HEADERS:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)


# --- the to-be dossier and steps ---------------------------------------------------------------------------------


class ItemsModel(_TextTable):
    """The to-be version's dossier items, each with its finding's grade as a coloured cell."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Redesign", "Dossier item"),
        QT_TRANSLATE_NOOP("Redesign", "Group"),
        QT_TRANSLATE_NOOP("Redesign", "Finding"),
    )

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[DossierItem] = []
        self.findings: list[Finding | None] = []

    def set_items(
        self, items: Sequence[DossierItem], finding_of: Callable[[DossierItem], Finding | None]
    ) -> None:
        self.items = list(items)
        self.findings = [finding_of(item) for item in self.items]
        self._fill()

    def _fill(self) -> None:
        cells, tips, colours, white = [], [], {}, {}
        for row, (item, finding) in enumerate(zip(self.items, self.findings, strict=True)):
            tip = finding_tooltip(finding) if finding else None
            cells.append(
                [
                    item_label(item),
                    enum_label(ItemGroup, item.group),
                    enum_label(FindingGrade, finding.grade) if finding else "",
                ]
            )
            tips.append([item.name, None, tip])
            if finding is not None:
                colours[(row, 2)] = QtGui.QColor(GRADE_COLORS[FindingGrade(finding.grade)])
                white[(row, 2)] = _WHITE
        self._reset(cells, tips, colours, white)

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()


class StepsModel(_TextTable):
    """The to-be version's steps: who does each, and whether the applicant must be there in person."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Redesign", "Step"),
        QT_TRANSLATE_NOOP("Redesign", "Who"),
        QT_TRANSLATE_NOOP("Redesign", "In person"),
    )

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.procedure: Procedure | None = None
        self.uids: list[str | None] = []  # the ids of the steps shown, as they were when filled

    def set_procedure(self, procedure: Procedure | None) -> None:
        self.procedure = procedure
        self._fill()

    @property
    def steps(self) -> list[Step]:
        return self.procedure.steps if self.procedure else []

    def _fill(self) -> None:
        cells, tips = [], []
        procedure = self.procedure
        actors = [actor for actor, _ in effective_actors(procedure)] if procedure else []
        visits = visit_steps(procedure) if procedure else []
        self.uids = [step.uid for step in self.steps]
        for step, actor, visit in zip(self.steps, actors, visits, strict=True):
            who = enum_label(Actor, actor) if actor else ""
            cells.append(
                [
                    step_label(step),
                    who,
                    translate("Redesign", "yes") if visit else translate("Redesign", "no"),
                ]
            )
            tips.append([step.description or None, None, None])
        self._reset(cells, tips)

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()


# --- the changes in effect ----------------------------------------------------------------------------------------


class ChangesModel(_TextTable):
    """The changes in effect in a proposal, in order: number, what, why, legal basis, who."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Redesign", "No."),
        QT_TRANSLATE_NOOP("Redesign", "Change"),
        QT_TRANSLATE_NOOP("Redesign", "Rationale"),
        QT_TRANSLATE_NOOP("Redesign", "Legal basis"),
        QT_TRANSLATE_NOOP("Redesign", "Author"),
    )

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: list[Change] = []
        self._right = frozenset({0})

    def set_changes(self, groups: Sequence[ChangeGroup], in_effect: Sequence[Change]) -> None:
        effective = {id(change) for change in in_effect}
        rows: list[tuple[Change, ChangeGroup]] = [
            (change, group) for group in groups for change in group.changes if id(change) in effective
        ]
        self.changes = [change for change, _ in rows]
        self._reset(
            [
                [str(c.seq or ""), c.describe(), c.rationale, c.legal_basis or "", g.author or ""]
                for c, g in rows
            ],
            [[None, c.describe(), c.rationale, c.legal_basis, None] for c, _ in rows],
        )


# --- the comparison ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Row:
    label: str  # already translated
    before: str
    after: str
    change: str
    better: bool | None = None  # whether the change is an improvement (None: neutral or none)


def _count_row(label: str, before: int | float, after: int | float) -> _Row:
    delta = after - before
    text = "" if not delta else (f"+{delta:g}" if delta > 0 else f"−{-delta:g}")
    return _Row(label, f"{before:g}", f"{after:g}", text, None if not delta else delta < 0)


def _money_row(label: str, before: float, after: float) -> _Row:
    delta = round(after - before)
    text = "" if not delta else ("+" if delta > 0 else "−") + format_money(abs(delta))
    return _Row(label, format_money(before), format_money(after), text, None if not delta else delta < 0)


def comparison_rows(comparison: Comparison) -> list[_Row]:
    """The lines of a before/after table: counts, visits, time limits, online eligibility, cost, savings rate."""
    b, a = comparison.before, comparison.after
    yes, no = translate("Redesign", "yes"), translate("Redesign", "no")
    rows = [
        _count_row(translate("Redesign", "Documents to submit"), b.items_to_submit, a.items_to_submit),
        _count_row(translate("Redesign", "Documents to show"), b.items_to_show, a.items_to_show),
        _Row(
            translate("Redesign", "Dossier items removed"),
            "",
            "",
            str(len(comparison.items_removed)) if comparison.items_removed else "",
            True if comparison.items_removed else None,
        ),
        _Row(
            translate("Redesign", "Dossier items changed"),
            "",
            "",
            str(len(comparison.items_changed)) if comparison.items_changed else "",
        ),
        _count_row(translate("Redesign", "Certified copies"), b.certified_copies, a.certified_copies),
        _count_row(translate("Redesign", "Steps"), b.steps, a.steps),
        _count_row(
            translate("Redesign", "Steps on the longest path"),
            b.steps_on_longest_path,
            a.steps_on_longest_path,
        ),
        _count_row(translate("Redesign", "In-person visits"), b.in_person_visits, a.in_person_visits),
    ]
    for unit in sorted(set(b.time_limits) | set(a.time_limits)):
        label = translate("Redesign", "Time limit ({unit})").format(unit=enum_label(TimeUnit, unit, "text"))
        before, after = b.time_limits.get(unit), a.time_limits.get(unit)
        if before is not None and after is not None:
            rows.append(_count_row(label, before, after))
        else:
            rows.append(
                _Row(
                    label, "" if before is None else f"{before:g}", "" if after is None else f"{after:g}", ""
                )
            )
    rows += [
        _count_row(
            translate("Redesign", "Obstacles to full-process online"), b.online_blocks, a.online_blocks
        ),
        _Row(
            translate("Redesign", "Full-process online"),
            yes if b.full_process_online else no,
            yes if a.full_process_online else no,
            "" if a.full_process_online == b.full_process_online else "→",
            None if a.full_process_online == b.full_process_online else a.full_process_online,
        ),
        _money_row(translate("Redesign", "Cost per dossier"), b.per_dossier_vnd, a.per_dossier_vnd),
        _money_row(translate("Redesign", "Annual compliance cost"), b.annual_vnd, a.annual_vnd),
        _money_row(translate("Redesign", "Annual fees and charges"), b.annual_fees_vnd, a.annual_fees_vnd),
    ]
    rate = comparison.savings_rate
    rows.append(
        _Row(
            translate("Redesign", "Savings rate"),
            "",
            "",
            f"{rate * 100:.2f} %".replace(".", ","),
            None if not rate else rate > 0,
        )
    )
    return rows


class ComparisonModel(_TextTable):
    """As-is | to-be | change for one procedure (Circular 02/2017 Art. 27 savings rate in the last row)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Redesign", "Measure"),
        QT_TRANSLATE_NOOP("Redesign", "As-is"),
        QT_TRANSLATE_NOOP("Redesign", "To-be"),
        QT_TRANSLATE_NOOP("Redesign", "Change"),
    )

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self._right = frozenset({1, 2, 3})

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self._fill()

    def value(self, label: str, column: int = 3) -> str | None:
        """The text in ``column`` of the row labelled ``label`` (as shown), or None."""
        return next((row[column] for row in self._cells if row[0] == label), None)

    def _fill(self) -> None:
        rows = comparison_rows(self.comparison) if self.comparison else []
        colours = {
            (number, 3): _BETTER if row.better else _WORSE
            for number, row in enumerate(rows)
            if row.better is not None
        }
        self._reset(
            [[r.label, r.before, r.after, r.change] for r in rows],
            [[r.label, None, None, None] for r in rows],  # the label in full where the column cuts it
            None,
            colours,
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._fill()


def comparison_details(
    comparison: Comparison, source_names: Mapping[str, str]
) -> list[tuple[str, list[str]]]:
    """The items removed, changed and added, and the data sources looked up: (translated heading, lines)."""
    sections = [
        (translate("Redesign", "Items removed"), [d.before or "" for d in comparison.items_removed]),
        (
            translate("Redesign", "Items changed"),
            [f"{d.before} → {d.after}" for d in comparison.items_changed],
        ),
        (translate("Redesign", "Items added"), [d.after or "" for d in comparison.items_added]),
        (
            translate("Redesign", "Data looked up by the agency"),
            [source_names.get(s, s) for s in comparison.lookups],
        ),
    ]
    return [(heading, lines) for heading, lines in sections if lines]
