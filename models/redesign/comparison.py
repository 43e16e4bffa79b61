"""The published (as-is) version against the to-be version: items removed, changed and added, and the figures of
each (counts, visits, time limits, online blocks, annual compliance cost); totals over many procedures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from models.cost.calculation import procedure_cost, savings_rate
from models.cost.parameters import CostParameters
from models.enums import ItemGroup
from models.graph import procedure_metrics
from models.identity import pair_items
from models.online import online_blocks
from models.procedure import DossierItem, Procedure
from models.redesign.changes import Change


@dataclass(frozen=True, slots=True)
class ItemDelta:
    """One item removed (``after`` None), added (``before`` None) or changed, by its (normalised) name."""

    group: ItemGroup
    before: str | None
    after: str | None

    def to_json(self) -> dict[str, Any]:
        return {"group": str(self.group), "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class VersionFigures:
    """The counts and costs of one version, the columns of a before/after table."""

    items_to_submit: int
    items_to_show: int
    certified_copies: int
    steps: int
    steps_on_longest_path: int
    in_person_visits: int
    time_limits: dict[str, float]
    online_blocks: int
    full_process_online: bool
    per_dossier_vnd: float
    annual_vnd: float
    annual_fees_vnd: float

    def to_json(self) -> dict[str, Any]:
        return {
            "items_to_submit": self.items_to_submit,
            "items_to_show": self.items_to_show,
            "certified_copies": self.certified_copies,
            "steps": self.steps,
            "steps_on_longest_path": self.steps_on_longest_path,
            "in_person_visits": self.in_person_visits,
            "time_limits": dict(self.time_limits),
            "online_blocks": self.online_blocks,
            "full_process_online": self.full_process_online,
            "per_dossier_vnd": self.per_dossier_vnd,
            "annual_vnd": self.annual_vnd,
            "annual_fees_vnd": self.annual_fees_vnd,
        }


def figures(procedure: Procedure, params: CostParameters) -> VersionFigures:
    """The figures of one version of a procedure under ``params``."""
    metrics = procedure_metrics(procedure)
    blocks = online_blocks(procedure)
    cost = procedure_cost(procedure, params)
    return VersionFigures(
        items_to_submit=metrics.items_to_submit,
        items_to_show=metrics.items_to_show,
        certified_copies=metrics.certified_copies,
        steps=len(procedure.steps),
        steps_on_longest_path=metrics.steps_on_longest_path,
        in_person_visits=metrics.in_person_visits,
        time_limits={str(unit): float(limit) for unit, limit in sorted(metrics.time_limits.items())},
        online_blocks=len(blocks),
        full_process_online=not blocks,
        per_dossier_vnd=float(cost.per_dossier_vnd),
        annual_vnd=float(cost.annual_vnd),
        annual_fees_vnd=float(cost.fees_vnd * cost.dossiers_per_year),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """As-is against to-be for one procedure (Circular 02/2017 Art. 27: savings = (before − after) ÷ before)."""

    code: str
    name: str
    proposal: str | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)
    items_removed: list[ItemDelta] = field(default_factory=list)
    items_changed: list[ItemDelta] = field(default_factory=list)
    items_added: list[ItemDelta] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)  # data sources the to-be version consults
    before: VersionFigures
    after: VersionFigures

    @property
    def visits_removed(self) -> int:
        return self.before.in_person_visits - self.after.in_person_visits

    @property
    def savings_rate(self) -> float:
        return savings_rate(self.before.annual_vnd, self.after.annual_vnd)

    def summary(self) -> dict[str, Any]:
        return {
            "items_removed": len(self.items_removed),
            "items_changed": len(self.items_changed),
            "in_person_visits_removed": self.visits_removed,
            "annual_cost_before_vnd": self.before.annual_vnd,
            "annual_cost_after_vnd": self.after.annual_vnd,
            "savings_rate": round(self.savings_rate, 6),
        }

    def to_json(self) -> dict[str, Any]:
        """Every field, in order (what ``tthc diff --json`` prints for a procedure, before its summary)."""
        return {
            "code": self.code,
            "name": self.name,
            "proposal": self.proposal,
            "changes": [dict(change) for change in self.changes],
            "items_removed": [delta.to_json() for delta in self.items_removed],
            "items_changed": [delta.to_json() for delta in self.items_changed],
            "items_added": [delta.to_json() for delta in self.items_added],
            "lookups": list(self.lookups),
            "before": self.before.to_json(),
            "after": self.after.to_json(),
        }


def _item_label(item: DossierItem) -> str:
    return item.name_normalized or item.name


def compare(
    as_is: Procedure,
    to_be: Procedure,
    params: CostParameters,
    *,
    proposal: str | None = None,
    changes: Sequence[Change] = (),
) -> Comparison:
    """Compare two versions of a procedure: items removed, changed and added; steps, visits, days, online
    eligibility and annual compliance cost before and after.

    Items are paired by :func:`models.identity.pair_items` (by their stable ids): an item kept with other content
    is *changed* (an electronic copy accepted, "show the original" dropped).
    """
    before_items, after_items = as_is.items, to_be.items
    pairs = pair_items(before_items, after_items)
    removed = [
        ItemDelta(group=old.group, before=_item_label(old), after=None)
        for i, old in enumerate(before_items)
        if i not in pairs
    ]
    changed = [
        ItemDelta(group=old.group, before=_item_label(old), after=_item_label(after_items[pairs[i]]))
        for i, old in enumerate(before_items)
        if i in pairs and after_items[pairs[i]] != old
    ]
    kept = set(pairs.values())
    added = [
        ItemDelta(group=new.group, before=None, after=_item_label(new))
        for j, new in enumerate(after_items)
        if j not in kept
    ]
    return Comparison(
        code=as_is.code,
        name=as_is.name,
        proposal=proposal,
        changes=[
            {
                "seq": c.seq,
                "kind": c.kind,
                "description": c.describe(),
                "rationale": c.rationale,
                "legal_basis": c.legal_basis,
            }
            for c in changes
        ],
        items_removed=removed,
        items_changed=changed,
        items_added=added,
        lookups=sorted({s.data_source for s in to_be.steps if s.data_source}),
        before=figures(as_is, params),
        after=figures(to_be, params),
    )


@dataclass
class CatalogComparison:
    """Totals of many comparisons: what a catalog's redesign removes and saves."""

    procedures: int = 0
    redesigned: int = 0
    items_removed: int = 0
    items_changed: int = 0
    visits_before: int = 0
    visits_after: int = 0
    full_process_online_before: int = 0
    full_process_online_after: int = 0
    annual_before_vnd: float = 0.0
    annual_after_vnd: float = 0.0
    fees_before_vnd: float = 0.0
    fees_after_vnd: float = 0.0
    by_source: dict[str, int] = field(default_factory=dict)

    def add(self, comparison: Comparison) -> None:
        self.procedures += 1
        self.redesigned += bool(comparison.changes)
        self.items_removed += len(comparison.items_removed)
        self.items_changed += len(comparison.items_changed)
        self.visits_before += comparison.before.in_person_visits
        self.visits_after += comparison.after.in_person_visits
        self.full_process_online_before += comparison.before.full_process_online
        self.full_process_online_after += comparison.after.full_process_online
        self.annual_before_vnd += comparison.before.annual_vnd
        self.annual_after_vnd += comparison.after.annual_vnd
        self.fees_before_vnd += comparison.before.annual_fees_vnd
        self.fees_after_vnd += comparison.after.annual_fees_vnd
        for source in comparison.lookups:
            self.by_source[source] = self.by_source.get(source, 0) + 1

    @property
    def savings_rate(self) -> float:
        return savings_rate(self.annual_before_vnd, self.annual_after_vnd)

    def to_json(self) -> dict[str, Any]:
        return {
            "procedures": self.procedures,
            "redesigned": self.redesigned,
            "items_removed": self.items_removed,
            "items_changed": self.items_changed,
            "in_person_visits_before": self.visits_before,
            "in_person_visits_after": self.visits_after,
            "in_person_visits_removed": self.visits_before - self.visits_after,
            "full_process_online_before": self.full_process_online_before,
            "full_process_online_after": self.full_process_online_after,
            "annual_cost_before_vnd": round(self.annual_before_vnd),
            "annual_cost_after_vnd": round(self.annual_after_vnd),
            "annual_savings_vnd": round(self.annual_before_vnd - self.annual_after_vnd),
            "savings_rate": round(self.savings_rate, 6),
            # the same without fees and charges (the Standard Cost Model's view: what the paperwork itself costs)
            "annual_cost_excluding_fees_before_vnd": round(self.annual_before_vnd - self.fees_before_vnd),
            "annual_cost_excluding_fees_after_vnd": round(self.annual_after_vnd - self.fees_after_vnd),
            "savings_rate_excluding_fees": round(
                savings_rate(
                    self.annual_before_vnd - self.fees_before_vnd, self.annual_after_vnd - self.fees_after_vnd
                ),
                6,
            ),
            "lookups_by_source": dict(sorted(self.by_source.items())),
        }
