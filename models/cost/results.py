"""What the cost model computes: a dossier's cost lines, each item's cost, the removable part, a procedure's
breakdown and a catalog's totals. Plain frozen values, made by :mod:`models.cost.calculation` only; ``to_json()``
gives what ``tthc analyze --json`` prints (every field, then every total), amounts and hours always as floats (a
figure computed from whole-number parameters, such as the defaults, is an int until then)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class CostLine:
    """One line of a dossier's cost: time spent (hours, valued) and money paid out of pocket."""

    key: str  # a CostKind: preparation, copies, certification, visits, fees
    label: str  # its Vietnamese label (models.vocabulary)
    hours: float = 0.0
    time_vnd: float = 0.0
    out_of_pocket_vnd: float = 0.0

    @property
    def total_vnd(self) -> float:
        return self.time_vnd + self.out_of_pocket_vnd

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "hours": float(self.hours),
            "time_vnd": float(self.time_vnd),
            "out_of_pocket_vnd": float(self.out_of_pocket_vnd),
            "total_vnd": float(self.total_vnd),
        }


@dataclass(frozen=True, slots=True)
class ItemCost:
    """What one dossier item costs per dossier (already weighted when it is conditional)."""

    index: int
    name: str
    weight: float
    hours: float
    time_vnd: float
    copies_vnd: float
    certification_vnd: float

    @property
    def total_vnd(self) -> float:
        return self.time_vnd + self.copies_vnd + self.certification_vnd

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "weight": float(self.weight),
            "hours": float(self.hours),
            "time_vnd": float(self.time_vnd),
            "copies_vnd": float(self.copies_vnd),
            "certification_vnd": float(self.certification_vnd),
            "total_vnd": float(self.total_vnd),
        }


@dataclass(frozen=True, slots=True)
class Removable:
    """What the findings say could go, per dossier: item costs and the visits their removal saves.

    The ``potentially_redundant`` figures come on top of the ``redundant`` ones.
    """

    redundant_items: list[int] = field(default_factory=list)
    redundant_items_vnd: float = 0.0
    redundant_visits: int = 0
    potentially_redundant_items: list[int] = field(default_factory=list)
    potentially_redundant_items_vnd: float = 0.0
    potentially_redundant_visits: int = 0
    visit_vnd: float = 0.0  # the cost of one visit, to value the visits saved

    @property
    def redundant_vnd(self) -> float:
        return self.redundant_items_vnd + self.redundant_visits * self.visit_vnd

    @property
    def potentially_redundant_vnd(self) -> float:
        return self.potentially_redundant_items_vnd + self.potentially_redundant_visits * self.visit_vnd

    def to_json(self) -> dict[str, Any]:
        return {
            "redundant_items": list(self.redundant_items),
            "redundant_items_vnd": float(self.redundant_items_vnd),
            "redundant_visits": self.redundant_visits,
            "potentially_redundant_items": list(self.potentially_redundant_items),
            "potentially_redundant_items_vnd": float(self.potentially_redundant_items_vnd),
            "potentially_redundant_visits": self.potentially_redundant_visits,
            "visit_vnd": float(self.visit_vnd),
            "redundant_vnd": float(self.redundant_vnd),
            "potentially_redundant_vnd": float(self.potentially_redundant_vnd),
        }


@dataclass(frozen=True, slots=True)
class CostBreakdown:
    """A procedure's compliance cost per dossier and per year.

    ``lines`` are, in order: preparation, copies, certification, visits, fees. ``per_dossier_vnd`` includes fees
    (Vietnam, Circular 02/2017); ``per_dossier_scm_vnd`` leaves them out (Standard Cost Model). Annual figures are
    per dossier × ``volume`` × ``times_per_year``. :meth:`to_json` includes every total.
    """

    code: str
    lines: list[CostLine]
    items: list[ItemCost]
    visits: int
    fees_unknown: bool
    volume: float
    times_per_year: float
    removable: Removable | None = None

    def line(self, key: str) -> CostLine:
        """The line ``key`` (preparation, copies, certification, visits or fees)."""
        return next(line for line in self.lines if line.key == key)

    @property
    def fees_vnd(self) -> float:
        return self.lines[-1].total_vnd

    @property
    def per_dossier_vnd(self) -> float:
        return sum(line.total_vnd for line in self.lines)

    @property
    def per_dossier_scm_vnd(self) -> float:
        return self.per_dossier_vnd - self.fees_vnd

    @property
    def dossiers_per_year(self) -> float:
        return self.volume * self.times_per_year

    @property
    def annual_vnd(self) -> float:
        return self.per_dossier_vnd * self.dossiers_per_year

    @property
    def annual_scm_vnd(self) -> float:
        return self.per_dossier_scm_vnd * self.dossiers_per_year

    @property
    def removable_annual(self) -> float:
        """Annual cost of what is graded redundant (items and the visits they cause); 0 without findings."""
        return self.removable.redundant_vnd * self.dossiers_per_year if self.removable else 0.0

    @property
    def removable_potentially_annual(self) -> float:
        """Annual cost of what is graded potentially redundant, on top of :attr:`removable_annual`."""
        return self.removable.potentially_redundant_vnd * self.dossiers_per_year if self.removable else 0.0

    @property
    def annual_total(self) -> float:
        """Same as :attr:`annual_vnd` (fees included)."""
        return self.annual_vnd

    def to_json(self) -> dict[str, Any]:
        """Every field, then every total (the ``cost`` of ``tthc analyze --json``)."""
        return {
            "code": self.code,
            "lines": [line.to_json() for line in self.lines],
            "items": [item.to_json() for item in self.items],
            "visits": self.visits,
            "fees_unknown": self.fees_unknown,
            "volume": float(self.volume),
            "times_per_year": float(self.times_per_year),
            "removable": self.removable.to_json() if self.removable is not None else None,
            "fees_vnd": float(self.fees_vnd),
            "per_dossier_vnd": float(self.per_dossier_vnd),
            "per_dossier_scm_vnd": float(self.per_dossier_scm_vnd),
            "annual_vnd": float(self.annual_vnd),
            "annual_scm_vnd": float(self.annual_scm_vnd),
            "removable_annual": float(self.removable_annual),
            "removable_potentially_annual": float(self.removable_potentially_annual),
        }


@dataclass(frozen=True, slots=True)
class CatalogCost:
    """Annual totals over a catalog, with each procedure's breakdown."""

    breakdowns: dict[str, CostBreakdown] = field(default_factory=dict)
    annual_vnd: float = 0.0
    annual_scm_vnd: float = 0.0
    annual_fees_vnd: float = 0.0
    annual_by_line: dict[str, float] = field(default_factory=dict)
    removable_redundant_annual_vnd: float = 0.0
    removable_potentially_redundant_annual_vnd: float = 0.0
    fees_unknown: list[str] = field(default_factory=list)  # codes whose fees count 0 because none is known
