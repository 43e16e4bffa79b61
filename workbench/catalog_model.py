"""The catalog as a Qt table: one row per procedure, and a proxy that searches, filters and sorts it.

Built for a national catalog (68,000 rows) under the 0.2 s budget per gesture (DOMAIN §8):

- :class:`CatalogModel` keeps its rows in the order they were loaded and precomputes every cell's text once, so
  ``data()`` is two list lookups. Each column's sort order is computed the first time it is asked for, from integer
  ranks of its distinct values (a national catalog repeats each name per province), and kept until the column's
  values change: opening a workspace, shown by code, computes no Vietnamese sort key.
- :class:`CatalogFilterProxy` holds the shown rows as a list of source rows. Sorting picks the rows that pass
  the filter out of the column's precomputed order; filtering tests the importer's folded search key of each row
  (typing more of a query only re-tests the rows still shown) and a per-row mask for the filters. No comparison
  and no per-row filter call goes through Qt, which is what made ``QSortFilterProxyModel`` slow here.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from itertools import compress

from models.enums import FindingGrade, Level
from models.search import matching_rows, narrows, query_words, search_key
from models.storage.summaries import ProcedureSummary
from workbench.analysis_html import format_money
from workbench.catalog_facts import SHOWN_GRADES, UNKNOWN, CatalogFacts, ProcedureFacts
from workbench.i18n import enum_label
from workbench.qt import QT_TRANSLATE_NOOP, QtCore, Signal, translate

Qt = QtCore.Qt


class Column(IntEnum):
    CODE = 0
    NAME = 1
    AGENCY = 2
    LEVELS = 3
    FIELD = 4
    ONLINE = 5
    FINDINGS = 6
    ANNUAL_COST = 7
    ITEMS_TO_SUBMIT = 8
    ITEMS_TO_SHOW = 9
    NOTES = 10
    STEPS = 11


#: Column -> (header, header tooltip), as source strings translated in the "CatalogModel" context.
HEADERS: dict[Column, tuple[str, str]] = {
    Column.CODE: (
        QT_TRANSLATE_NOOP("CatalogModel", "Code"),
        QT_TRANSLATE_NOOP("CatalogModel", "Procedure code"),
    ),
    Column.NAME: (
        QT_TRANSLATE_NOOP("CatalogModel", "Name"),
        QT_TRANSLATE_NOOP("CatalogModel", "Procedure name"),
    ),
    Column.AGENCY: (
        QT_TRANSLATE_NOOP("CatalogModel", "Ministry / agency"),
        QT_TRANSLATE_NOOP(
            "CatalogModel", "Body that issued the procedure, or else the agencies that carry it out"
        ),
    ),
    Column.LEVELS: (
        QT_TRANSLATE_NOOP("CatalogModel", "Levels"),
        QT_TRANSLATE_NOOP("CatalogModel", "Levels of government that carry out the procedure"),
    ),
    Column.FIELD: (
        QT_TRANSLATE_NOOP("CatalogModel", "Field"),
        QT_TRANSLATE_NOOP("CatalogModel", "Field of administration"),
    ),
    Column.ONLINE: (
        QT_TRANSLATE_NOOP("CatalogModel", "Full online"),
        QT_TRANSLATE_NOOP(
            "CatalogModel",
            "Eligible for full-process online handling (Decree 42/2022); — until the catalog is analysed",
        ),
    ),
    Column.FINDINGS: (
        QT_TRANSLATE_NOOP("CatalogModel", "Findings"),
        QT_TRANSLATE_NOOP(
            "CatalogModel",
            "Items graded redundant · potentially redundant · issued by the state by the last analysis",
        ),
    ),
    Column.ANNUAL_COST: (
        QT_TRANSLATE_NOOP("CatalogModel", "Annual cost"),
        QT_TRANSLATE_NOOP(
            "CatalogModel",
            "Compliance cost per year, fees included (Circular 02/2017), with the cost parameters",
        ),
    ),
    Column.ITEMS_TO_SUBMIT: (
        QT_TRANSLATE_NOOP("CatalogModel", "To submit"),
        QT_TRANSLATE_NOOP("CatalogModel", "Number of documents to submit"),
    ),
    Column.ITEMS_TO_SHOW: (
        QT_TRANSLATE_NOOP("CatalogModel", "To show"),
        QT_TRANSLATE_NOOP("CatalogModel", "Number of documents to show"),
    ),
    Column.NOTES: (
        QT_TRANSLATE_NOOP("CatalogModel", "Notes"),
        QT_TRANSLATE_NOOP("CatalogModel", "Number of notes"),
    ),
    Column.STEPS: (
        QT_TRANSLATE_NOOP("CatalogModel", "Steps"),
        QT_TRANSLATE_NOOP("CatalogModel", "Number of steps"),
    ),
}

NUMERIC_COLUMNS = frozenset(
    {
        Column.FINDINGS,
        Column.ANNUAL_COST,
        Column.ITEMS_TO_SUBMIT,
        Column.ITEMS_TO_SHOW,
        Column.NOTES,
        Column.STEPS,
    }
)
#: Columns whose values come from :class:`~workbench.catalog_facts.CatalogFacts` (they change after analysis).
FACT_COLUMNS = frozenset({Column.ONLINE, Column.FINDINGS, Column.ANNUAL_COST})
_TEXT_COLUMNS = frozenset({Column.CODE, Column.NAME, Column.AGENCY, Column.LEVELS, Column.FIELD})
_VIETNAMESE_COLUMNS = _TEXT_COLUMNS - {Column.CODE}

#: The procedure's code, for any column (what selection hands to ``Workspace.get``).
CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The findings of a row by grade (a dict), or None before analysis: what the findings delegate paints.
GRADES_ROLE = int(Qt.ItemDataRole.UserRole) + 2

_ROOT = QtCore.QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
#: The overload of layout(AboutToBe)Changed that carries a hint (a plain emit picks the one without arguments).
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", QtCore.QAbstractItemModel.LayoutChangeHint)
_NUMBER_TEXT = [str(n) for n in range(1000)]  # shared strings: most counts are small


def level_label(level: str) -> str:
    """The label of a level code in the UI language (:mod:`models.vocabulary`); an unknown code is shown as it is."""
    return enum_label(Level, level)


def levels_text(levels: Sequence[str]) -> str:
    return ", ".join(level_label(level) for level in levels)


def agency_text(summary: ProcedureSummary) -> str:
    """The ministry that issued the procedure, else the agencies that carry it out (portal pages name only those)."""
    return summary.issuing_body or ", ".join(summary.executing_agencies)


# --- sorting Vietnamese text ------------------------------------------------------------------------------

_TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")  # grave, acute, tilde, hook above, dot below


def vietnamese_sort_key(text: str) -> str:
    """A key that sorts Vietnamese text alphabetically: a < ă < â < b < … < d < đ < … < o < ô < ơ < … < u < ư.

    Case and tone marks are ignored (ties are broken by the original text). In the decomposed (NFD) text a
    letter's breve, circumflex and horn follow it and sort after every letter, so "ăn" comes after "az" and
    before "b"; the circumflex (U+0302) is moved after the breve (U+0306), and đ becomes d with a breve.
    Digits, spaces and punctuation sort before letters.
    """
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d\u0306"))
    return f"{_TONE_MARKS.sub('', decomposed).replace(chr(0x302), chr(0x307))}\x00{text}"


def ranks(values: Sequence[str], key: Callable[[str], str]) -> list[int]:
    """Each value's rank among the distinct values (sorted by ``key``): equal values get equal ranks.

    The key is computed once per distinct value, and sorting rows by these integers is cheap.
    """
    distinct = sorted(set(values), key=key)
    rank_of = {value: rank for rank, value in enumerate(distinct)}
    return [rank_of[value] for value in values]


# --- filters ------------------------------------------------------------------------------------------------


class Status(StrEnum):
    """What a procedure's analysis or redesign says of it (the status filter)."""

    REDUNDANT = "redundant"  # has redundant items
    POTENTIALLY_REDUNDANT = "potentially_redundant"
    ISSUED_BY_STATE = "issued_by_state"
    NOT_ONLINE = "not_online"  # not eligible for full-process online handling
    ONLINE = "online"
    REDESIGNED = "redesigned"  # has a proposal with changes
    NOT_ANALYSED = "not_analysed"


STATUS_LABELS: dict[Status, str] = {
    Status.REDUNDANT: QT_TRANSLATE_NOOP("CatalogModel", "Has redundant items"),
    Status.POTENTIALLY_REDUNDANT: QT_TRANSLATE_NOOP("CatalogModel", "Has potentially redundant items"),
    Status.ISSUED_BY_STATE: QT_TRANSLATE_NOOP("CatalogModel", "Has items issued by the state"),
    Status.NOT_ONLINE: QT_TRANSLATE_NOOP("CatalogModel", "Not eligible for full online"),
    Status.ONLINE: QT_TRANSLATE_NOOP("CatalogModel", "Eligible for full online"),
    Status.REDESIGNED: QT_TRANSLATE_NOOP("CatalogModel", "Redesigned (has a proposal)"),
    Status.NOT_ANALYSED: QT_TRANSLATE_NOOP("CatalogModel", "Not analysed"),
}


def status_label(status: Status) -> str:
    return translate("CatalogModel", STATUS_LABELS[status])


@dataclass(frozen=True, slots=True)
class CatalogFilter:
    """The catalog filters; ``None`` (or an empty ``codes``) lets every procedure through.

    ``codes`` comes from the dashboard (the procedures behind a bar) and ``codes_label`` says which bar.
    """

    agency: str | None = None
    level: str | None = None
    field: str | None = None
    source: str | None = None
    status: Status | None = None
    codes: frozenset[str] | None = None
    codes_label: str = ""

    @property
    def active(self) -> bool:
        return any(
            v is not None for v in (self.agency, self.level, self.field, self.source, self.status)
        ) or (self.codes is not None)


FactsTest = Callable[[ProcedureFacts | None], bool]


def _grade_test(grade: str) -> FactsTest:
    return lambda f: f is not None and f.grades is not None and f.grades.get(grade, 0) > 0


_STATUS_TESTS: dict[Status, FactsTest] = {
    Status.REDUNDANT: _grade_test(FindingGrade.REDUNDANT),
    Status.POTENTIALLY_REDUNDANT: _grade_test(FindingGrade.POTENTIALLY_REDUNDANT),
    Status.ISSUED_BY_STATE: _grade_test(FindingGrade.ISSUED_BY_STATE),
    Status.NOT_ONLINE: lambda f: f is not None and f.online is False,
    Status.ONLINE: lambda f: f is not None and f.online is True,
    Status.REDESIGNED: lambda f: f is not None and f.redesigned,
    Status.NOT_ANALYSED: lambda f: f is None or f.grades is None,
}


# --- the models -------------------------------------------------------------------------------------------


class CatalogModel(QtCore.QAbstractTableModel):
    """Procedure summaries and their figures as a read-only table, in the order they were loaded (by code).

    Cell texts are computed once per load, language change or new figures; sort orders once per column, when the
    table is first sorted by it.
    """

    #: The figures (cost, online, findings) changed: sort orders and filters that use them must be redone.
    facts_changed = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._summaries: list[ProcedureSummary] = []
        self._cells: list[list[str]] = [[] for _ in Column]
        self._search_keys: list[str] = []
        self._row_of_code: dict[str, int] = {}
        self._facts: list[ProcedureFacts | None] = []
        self.catalog_facts = CatalogFacts()
        self._ranks: dict[Column, list[int]] = {}
        self._orders: dict[tuple[Column, bool], list[int]] = {}

    # --- loading ----------------------------------------------------------------------------------------

    def set_summaries(self, summaries: Sequence[ProcedureSummary]) -> None:
        """Show these procedures (in the given order), replacing what was shown; their figures are unknown."""
        self.beginResetModel()
        self._summaries = list(summaries)
        self._search_keys = [s.search_key or search_key(s.code, s.name) for s in self._summaries]
        self._facts = [None] * len(self._summaries)
        self.catalog_facts = CatalogFacts()
        self._fill_cells()
        codes = self._cells[Column.CODE]
        self._row_of_code = dict(zip(codes, range(len(codes)), strict=True))
        self.endResetModel()

    def set_facts(self, facts: CatalogFacts) -> None:
        """Show the catalog's figures (cost, online, findings): cells, sort orders and filters follow."""
        self.catalog_facts = facts
        self._facts = [facts.by_code.get(s.code) for s in self._summaries]
        self._fill_fact_cells()
        if self._summaries:
            self.dataChanged.emit(
                self.index(0, min(FACT_COLUMNS)),
                self.index(len(self._summaries) - 1, max(FACT_COLUMNS)),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )
        self.facts_changed.emit()

    def _fill_cells(self) -> None:
        rows = self._summaries
        numbers, many = _NUMBER_TEXT, len(_NUMBER_TEXT)
        self._cells[Column.CODE] = [s.code for s in rows]
        self._cells[Column.NAME] = [s.name for s in rows]
        self._cells[Column.AGENCY] = [agency_text(s) for s in rows]
        self._cells[Column.FIELD] = [s.field or "" for s in rows]
        for column, attribute in _NUMERIC_ATTRIBUTES.items():
            self._cells[column] = [
                numbers[n] if 0 <= n < many else str(n) for n in map(operator.attrgetter(attribute), rows)
            ]
        self._ranks.clear()
        self._orders.clear()
        self._fill_levels()
        self._fill_fact_cells()

    def _fill_levels(self) -> None:
        # Few distinct level sets: each is translated once. The workspace's summaries share one list per set, so
        # the list's identity finds its text without making a key for each row.
        texts: dict[tuple[str, ...], str] = {}
        by_list: dict[int, str] = {}
        column = []
        for levels in map(operator.attrgetter("levels"), self._summaries):
            text = by_list.get(id(levels))
            if text is None:
                key = tuple(levels)
                text = texts.get(key)
                if text is None:
                    text = texts[key] = levels_text(key)
                by_list[id(levels)] = text
            column.append(text)
        self._cells[Column.LEVELS] = column
        self._forget_order(Column.LEVELS)

    def _fill_fact_cells(self) -> None:
        facts = self._facts
        if not any(facts):
            unknown = [UNKNOWN] * len(facts)
            for column in FACT_COLUMNS:
                self._cells[column] = unknown
                self._forget_order(column)
            return
        yes, no = translate("CatalogModel", "Yes"), translate("CatalogModel", "No")
        self._cells[Column.ONLINE] = [
            UNKNOWN if f is None or f.online is None else (yes if f.online else no) for f in facts
        ]
        self._cells[Column.FINDINGS] = [UNKNOWN if f is None else f.findings_text for f in facts]
        self._cells[Column.ANNUAL_COST] = [UNKNOWN if f is None else f.cost_text for f in facts]
        for column in FACT_COLUMNS:
            self._forget_order(column)

    def retranslate(self) -> None:
        """Recompute what depends on the UI language: headers, levels and the online column."""
        self._fill_levels()
        self._fill_fact_cells()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._summaries:
            self.dataChanged.emit(
                self.index(0, Column.LEVELS),
                self.index(len(self._summaries) - 1, Column.ONLINE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )
        self.facts_changed.emit()  # level labels sort differently now

    # --- reading ----------------------------------------------------------------------------------------

    @property
    def search_keys(self) -> list[str]:
        """Folded code and name of each row."""
        return self._search_keys

    def summary(self, row: int) -> ProcedureSummary:
        return self._summaries[row]

    def facts(self, row: int) -> ProcedureFacts | None:
        return self._facts[row]

    def code(self, row: int) -> str:
        return self._summaries[row].code

    def row_of(self, code: str) -> int | None:
        """The row of the procedure with this code, or None."""
        return self._row_of_code.get(code)

    def cell_data(self, row: int, column: int, role: int) -> object:
        """What ``data()`` returns for (row, column): the proxy calls it directly, without a round trip via Qt."""
        # Called for every visible cell and role on each repaint: lookups only.
        if role == _DISPLAY:
            return self._cells[column][row]
        if role == _ALIGNMENT:
            if column in NUMERIC_COLUMNS:
                return _RIGHT
            return _CENTER if column == Column.ONLINE else None
        if role == _TOOLTIP:
            if column in _TEXT_COLUMNS:
                return self._cells[column][row] or None
            return self._fact_tooltip(row, column) if column in FACT_COLUMNS else None
        if role == CODE_ROLE:
            return self._summaries[row].code
        if role == GRADES_ROLE and column == Column.FINDINGS:
            facts = self._facts[row]
            return dict(facts.grades) if facts is not None and facts.grades is not None else None
        return None

    def _fact_tooltip(self, row: int, column: int) -> str | None:
        facts = self._facts[row]
        if facts is None:
            return translate("CatalogModel", "Not computed yet")
        if column == Column.ANNUAL_COST:
            return translate("CatalogModel", "{amount} per year").format(
                amount=format_money(facts.annual_cost)
            )
        if facts.grades is None:
            return translate("CatalogModel", "Not analysed yet: Analysis, Analyse the whole catalog (F5)")
        if column == Column.ONLINE:
            if facts.online:
                return translate("CatalogModel", "Eligible for full-process online handling")
            return translate("CatalogModel", "{count} obstacles to full-process online handling").format(
                count=facts.blocks
            )
        return ", ".join(
            f"{facts.grades.get(grade, 0)} {enum_label(FindingGrade, grade, 'text')}"
            for grade in (*SHOWN_GRADES, FindingGrade.REQUIRED)
        )

    # --- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._summaries)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = _DISPLAY) -> object:
        return self.cell_data(index.row(), index.column(), role)

    def flags(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        header, tooltip = HEADERS[Column(section)]
        if role == _DISPLAY:
            return translate("CatalogModel", header)
        if role == _TOOLTIP:
            return translate("CatalogModel", tooltip)
        if role == _ALIGNMENT and section in NUMERIC_COLUMNS:
            return _RIGHT
        return None

    # --- sorting and filtering, for the proxy -----------------------------------------------------------

    def sorted_rows(self, column: Column, descending: bool = False) -> list[int]:
        """The rows ordered by ``column`` (kept until its values change): text in Vietnamese alphabetical order,
        counts and amounts numerically, unknown figures first. Rows with equal values stay in loaded order."""
        key = (column, descending)
        order = self._orders.get(key)
        if order is None:
            values = self._rank_column(column) if column in _VIETNAMESE_COLUMNS else self._sort_values(column)
            order = sorted(range(len(values)), key=values.__getitem__, reverse=descending)
            self._orders[key] = order
        return order

    def _rank_column(self, column: Column) -> list[int]:
        ranked = self._ranks.get(column)
        if ranked is None:
            ranked = self._ranks[column] = ranks(self._cells[column], vietnamese_sort_key)
        return ranked

    def _sort_values(self, column: Column) -> list:
        if column in _NUMERIC_ATTRIBUTES:
            return [getattr(s, _NUMERIC_ATTRIBUTES[column]) for s in self._summaries]
        if column == Column.ANNUAL_COST:
            return [-1.0 if f is None else f.annual_cost for f in self._facts]
        if column == Column.ONLINE:
            return [-1 if f is None or f.online is None else int(f.online) for f in self._facts]
        if column == Column.FINDINGS:
            return [-1 if f is None else f.findings_key for f in self._facts]
        return self._cells[column]  # codes: plain string order

    def _forget_order(self, column: Column) -> None:
        self._ranks.pop(column, None)
        self._orders.pop((column, False), None)
        self._orders.pop((column, True), None)

    def filter_mask(self, catalog_filter: CatalogFilter) -> list[bool] | None:
        """For each row, whether it passes ``catalog_filter`` (None: every row does).

        One comprehension per filter over the rows' facts, combined with ``and``: no call per row and filter.
        """
        f, rows, facts = catalog_filter, self._summaries, self._facts
        masks: list[list[bool]] = []
        if f.agency is not None:
            agency = f.agency
            masks.append([s.issuing_body == agency or agency in s.executing_agencies for s in rows])
        if f.level is not None:
            level = f.level
            masks.append([level in s.levels for s in rows])
        if f.field is not None:
            field = f.field
            masks.append([s.field == field for s in rows])
        if f.source is not None:
            source = f.source
            masks.append([x is not None and source in x.sources for x in facts])
        if f.status is not None:
            masks.append(list(map(_STATUS_TESTS[f.status], facts)))
        if f.codes is not None:
            codes = f.codes
            masks.append([s.code in codes for s in rows])
        if not masks:
            return None
        mask = masks[0]
        for other in masks[1:]:
            mask = list(map(operator.and_, mask, other))
        return mask

    def filter_uses_facts(self, catalog_filter: CatalogFilter) -> bool:
        return catalog_filter.source is not None or catalog_filter.status is not None

    def filter_choices(self) -> FilterChoices:
        """The values the filters can take in this catalog, each with its number of procedures."""
        rows = self._summaries
        agencies: Counter[str] = Counter()
        # A catalog repeats a few hundred (issuing body, executing agencies) pairs: count each pair's agencies once
        # (the workspace's summaries share one list per distinct executing agencies, known by its identity).
        executing = {id(s.executing_agencies): s.executing_agencies for s in rows}
        pairs = Counter((s.issuing_body, id(s.executing_agencies)) for s in rows)
        for (body, listed), n in pairs.items():
            for agency in {body, *executing[listed]} - {None, ""}:
                agencies[agency] += n  # type: ignore[index]
        fields = Counter(s.field for s in rows if s.field)
        levels = Counter(level for s in rows for level in s.levels)
        sources = Counter(source for facts in self._facts if facts is not None for source in facts.sources)
        return FilterChoices(
            agencies=_alphabetical(agencies),
            levels=[
                (level, levels[level])
                for level in dict.fromkeys((*Level, *sorted(levels)))
                if level in levels
            ],
            fields=_alphabetical(fields),
            sources=sorted(sources.items(), key=lambda entry: (-entry[1], entry[0])),
        )


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """(value, number of procedures) for each filter, in the order the filter lists them."""

    agencies: list[tuple[str, int]]
    levels: list[tuple[str, int]]
    fields: list[tuple[str, int]]
    sources: list[tuple[str, int]]


def _alphabetical(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda entry: vietnamese_sort_key(entry[0]))


_NUMERIC_ATTRIBUTES = {
    Column.ITEMS_TO_SUBMIT: "items_to_submit",
    Column.ITEMS_TO_SHOW: "items_to_show",
    Column.NOTES: "notes",
    Column.STEPS: "steps",
}


class CatalogFilterProxy(QtCore.QAbstractProxyModel):
    """Instant search, filters and sorting over a :class:`CatalogModel` (see the module docstring).

    The query is folded like the importer's search key and split into words; a row matches when every word
    occurs in its folded code and name ("dang ky khai sinh" finds "Đăng ký khai sinh"). The filters are a
    :class:`CatalogFilter`. Every change is one layout change that keeps the selection on its procedure.
    """

    filter_changed = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[int] = []  # proxy row -> source row
        self._positions: list[int] | None = None  # source row -> proxy row (-1: hidden), built when asked
        self._words: tuple[str, ...] = ()
        self._filter = CatalogFilter()
        self._mask: list[bool] | None = None
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        # The source's cell_data, kept: data() is called for every visible cell and role on each repaint.
        self._cell_data: Callable[[int, int, int], object] = lambda _row, _column, _role: None

    def setSourceModel(self, model: QtCore.QAbstractItemModel) -> None:
        if not isinstance(model, CatalogModel):
            raise TypeError("CatalogFilterProxy filters a CatalogModel")
        if self.sourceModel() is not None:
            raise RuntimeError("CatalogFilterProxy follows one CatalogModel for its lifetime")
        self.beginResetModel()
        super().setSourceModel(model)
        self._cell_data = model.cell_data
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        model.facts_changed.connect(self._facts_changed)
        self._mask = model.filter_mask(self._filter)
        self._rows = self._accepted(self._base_order())
        self._positions = None
        self.endResetModel()

    @property
    def model(self) -> CatalogModel:
        return self.sourceModel()  # type: ignore[return-value]

    # --- what is shown ------------------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return " ".join(self._words)

    @property
    def catalog_filter(self) -> CatalogFilter:
        return self._filter

    def set_query(self, text: str) -> None:
        """Show only the rows whose code or name contains every word of ``text`` (:mod:`models.search`)."""
        words = query_words(text)
        if words == self._words:
            return
        # Typing on: every row the new query matches was matched by the old one, so only those are tested again.
        narrowing = narrows(self._words, words)
        self._words = words
        self._set_rows(self._accepted(self._rows if narrowing else self._base_order()))

    def set_filter(self, catalog_filter: CatalogFilter) -> None:
        """Show only the rows that pass ``catalog_filter`` (and the query)."""
        if catalog_filter == self._filter:
            return
        self._filter = catalog_filter
        self._mask = self.model.filter_mask(catalog_filter)
        self._set_rows(self._accepted(self._base_order()))
        self.filter_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows ordered by ``column`` (-1: in loaded order); the filter and the selection stay."""
        column = column if 0 <= column < len(Column) else -1
        if (column, order) == (self.sort_column, self.sort_order) and self._rows:
            return
        self.sort_column, self.sort_order = column, order
        self._set_rows(self._accepted(self._base_order()), sorting=True)

    def _base_order(self) -> list[int]:
        model = self.model
        if self.sort_column < 0:
            return list(range(model.rowCount()))
        return model.sorted_rows(Column(self.sort_column), self.sort_order == Qt.SortOrder.DescendingOrder)

    def _accepted(self, rows: list[int]) -> list[int]:
        """The rows of ``rows`` (in their order) that pass the filters and contain every word of the query."""
        if self._mask is not None:
            rows = list(compress(rows, map(self._mask.__getitem__, rows)))
        return matching_rows(self.model.search_keys, self._words, rows)

    def _set_rows(self, rows: list[int], *, sorting: bool = False) -> None:
        hint = (
            QtCore.QAbstractItemModel.LayoutChangeHint.VerticalSortHint
            if sorting
            else QtCore.QAbstractItemModel.LayoutChangeHint.NoLayoutChangeHint
        )
        # PySide6's stub lacks SignalInstance.__getitem__, which picks one of a signal's overloads
        self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], hint)  # type: ignore[index]
        persistent = self.persistentIndexList()
        sources = [self._rows[index.row()] for index in persistent]
        self._rows = rows
        self._positions = None
        moved = []
        for index, source in zip(persistent, sources, strict=True):
            row = self._position(source, many=len(persistent) > 16)
            moved.append(self.index(row, index.column()) if row >= 0 else QtCore.QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged[_LAYOUT_SIGNATURE].emit([], hint)  # type: ignore[index]  # as above

    def _position(self, source_row: int, *, many: bool = True) -> int:
        """The proxy row showing ``source_row``, or -1."""
        if self._positions is None:
            if not many:  # one or two lookups (the selection): a scan in C beats building the whole map
                try:
                    return self._rows.index(source_row)
                except ValueError:
                    return -1
            positions = [-1] * self.model.rowCount()
            for row, source in enumerate(self._rows):
                positions[source] = row
            self._positions = positions
        return self._positions[source_row] if 0 <= source_row < len(self._positions) else -1

    # --- following the source -----------------------------------------------------------------------------

    def _source_reset(self) -> None:
        self._mask = self.model.filter_mask(self._filter)
        self._rows = self._accepted(self._base_order())
        self._positions = None
        self.endResetModel()

    def _source_data_changed(
        self, top_left: QtCore.QModelIndex, bottom_right: QtCore.QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, top_left.column()),
                self.index(len(self._rows) - 1, bottom_right.column()),
                roles,
            )

    def _facts_changed(self) -> None:
        """New figures: redo the order and the filter where they depend on them."""
        model = self.model
        if not (
            self.sort_column in FACT_COLUMNS
            or self.sort_column == Column.LEVELS
            or model.filter_uses_facts(self._filter)
        ):
            return
        self._mask = model.filter_mask(self._filter)
        self._set_rows(self._accepted(self._base_order()), sorting=True)

    # --- QAbstractProxyModel ------------------------------------------------------------------------------

    def mapToSource(
        self, proxy_index: QtCore.QModelIndex | QtCore.QPersistentModelIndex
    ) -> QtCore.QModelIndex:
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._rows):
            return QtCore.QModelIndex()
        return self.model.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(
        self, source_index: QtCore.QModelIndex | QtCore.QPersistentModelIndex
    ) -> QtCore.QModelIndex:
        if not source_index.isValid():
            return QtCore.QModelIndex()
        row = self._position(source_index.row())
        return self.index(row, source_index.column()) if row >= 0 else QtCore.QModelIndex()

    def index(
        self, row: int, column: int, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT
    ) -> QtCore.QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(Column)):
            return QtCore.QModelIndex()
        return self.createIndex(row, column)

    # A flat list: every index's parent is the root. The stubs overload QObject.parent() (no argument) with
    # QAbstractItemModel.parent(index); one Python method serves both, as Qt's own list models do.
    def parent(  # type: ignore[override]
        self, _index: QtCore.QModelIndex | QtCore.QPersistentModelIndex | None = None
    ) -> QtCore.QModelIndex:
        return QtCore.QModelIndex()

    def sibling(
        self, row: int, column: int, _index: QtCore.QModelIndex | QtCore.QPersistentModelIndex
    ) -> QtCore.QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def hasChildren(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and bool(self._rows)

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        return self._cell_data(self._rows[index.row()], index.column(), role)

    def flags(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal:
            return self.model.headerData(section, orientation, role)
        return str(section + 1) if role == _DISPLAY and 0 <= section < len(self._rows) else None

    # --- for the window -----------------------------------------------------------------------------------

    def source_row(self, row: int) -> int:
        return self._rows[row]

    def code_at(self, row: int) -> str:
        """The procedure code shown in this proxy row."""
        return self.model.code(self._rows[row])

    def codes(self) -> Iterable[str]:
        """The codes shown, in order."""
        model = self.model
        return (model.code(row) for row in self._rows)
