"""Compliance cost of procedures (Circular 02/2017/TT-VPCP Art. 27; DOMAIN §6), before and after simplification.

Art. 27 counts, per dossier, the cost of the tasks needed to obtain the result plus fees, charges and other
prescribed costs; per year, that times the times a subject needs it times the subjects per year. The Standard Cost
Model (SCM) leaves fees out, Vietnam's method keeps them: fees stay on their own line and both totals are given.
No opportunity cost is counted. Art. 27(4) was not read and no official value of an hour was confirmed, so every
figure comes from :class:`CostParameters`, which the user sets and sources; the defaults are placeholders.

How a dossier is costed (:func:`procedure_cost`):

- **preparation** — each form takes ``form_hours``, each document to submit ``document_hours`` (obtaining it), each
  document to show ``show_document_hours``; hours are valued at ``hour_value_vnd``;
- **copies** — each copy an item asks for costs ``pages_per_document`` × ``copy_cost_per_page_vnd``;
- **certification** — an item asking a certified copy (paper or electronic) pays ``certification_cost_per_page_vnd``
  per page for each copy (at least one), *unless* it also accepts an original, a plain copy or an electronic
  version: a careful applicant hands in the cheaper one (DOMAIN §6: the lower reading);
- **visits** — :func:`models.graph.in_person_visits` visits, each ``visit_hours`` (travel and waiting) valued at
  ``hour_value_vnd`` plus ``travel_cost_vnd``;
- **fees** — the cheapest channel whose fees are all known; when no channel's fees are known they count 0 and
  ``fees_unknown`` is set (unknown is never free).

An item published with a condition ("nếu có", "trường hợp…"), or under one of several cases, counts
``conditional_item_weight`` of its cost (1 by default: every item counts, an upper bound).

**Removable cost**, given findings: the cost of the items graded ``redundant`` plus the visits that removing them
saves, and separately the same for ``potentially_redundant`` items (the visits they would save *in addition*). A
visit is saved when the remaining dossier can travel online, which is what :func:`~models.graph.in_person_visits`
asks: its submission-visit rule depends only on whether an item that cannot travel online remains.

Example
-------
>>> from models.procedure import Channel, DossierItem, Fee, Procedure
>>> p = Procedure(code="x", name="Thủ tục", channels=[Channel(method="DIRECT", fees=[Fee(amount_vnd=50_000)])],
...               items=[DossierItem(name="Tờ khai", kind="FORM", originals=1)])
>>> c = procedure_cost(p, CostParameters(hour_value_vnd=20_000, form_hours=1, visit_hours=1, travel_cost_vnd=0))
>>> [(line.key, line.total_vnd) for line in c.lines]
[('preparation', 20000.0), ('copies', 0.0), ('certification', 0.0), ('visits', 20000.0), ('fees', 50000.0)]
>>> c.per_dossier_vnd, c.per_dossier_scm_vnd
(90000.0, 40000.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sized

from models.cost.parameters import CostParameters
from models.cost.results import CatalogCost, CostBreakdown, CostLine, ItemCost, Removable
from models.enums import CERTIFIED_FORMS, CopyForm, CostKind, FindingGrade, ItemGroup, ItemKind
from models.findings import Finding
from models.graph import count_visits, effective_actors, paper_only_items, remote_steps
from models.jobs import COST, CancelCheck, Progress, check_cancelled
from models.online import requires_presence
from models.procedure import DossierItem, Procedure
from models.vocabulary import label

_LABELS = {kind.value: label(kind) for kind in CostKind}  # the lines, in order
_CHEAPER_FORMS = frozenset({CopyForm.ORIGINAL, CopyForm.PLAIN, CopyForm.ELECTRONIC})


def conditional_items(items: list[DossierItem]) -> list[bool]:
    """For each item, whether only some applicants hand it in (a condition, or one of several published cases):
    such items count with ``conditional_item_weight``."""
    cases = {item.case for item in items if item.case}
    return [bool(item.condition or (item.case and len(cases) > 1)) for item in items]


def charged_copies(item: DossierItem) -> tuple[int, bool]:
    """The copies an item costs and whether they are certified: a certified copy (paper or electronic) is paid
    for — at least one — unless the item also accepts an original, a plain copy or an electronic copy."""
    forms = item.copy_forms
    copies = item.copies or 0
    certified = not _CHEAPER_FORMS.intersection(forms) and not CERTIFIED_FORMS.isdisjoint(forms)
    return (max(copies, 1) if certified else copies), certified


def _item_cost(index: int, item: DossierItem, weight: float, params: CostParameters) -> ItemCost:
    if item.kind == ItemKind.FORM:
        hours = params.form_hours
    elif item.group == ItemGroup.SHOW:
        hours = params.show_document_hours
    else:
        hours = params.document_hours
    copies, certified = charged_copies(item)
    pages = copies * params.pages_per_document
    return ItemCost(
        index=index,
        name=item.name,
        weight=weight,
        hours=hours * weight,
        time_vnd=hours * weight * params.hour_value_vnd,
        copies_vnd=pages * params.copy_cost_per_page_vnd * weight,
        certification_vnd=pages * params.certification_cost_per_page_vnd * weight if certified else 0.0,
    )


def _line(key: str, hours: float = 0.0, time_vnd: float = 0.0, out_of_pocket_vnd: float = 0.0) -> CostLine:
    return CostLine(key, _LABELS[key], hours, time_vnd, out_of_pocket_vnd)


def _cheapest_fee(procedure: Procedure) -> int | None:
    known = [fee for fee in (channel.fee_vnd for channel in procedure.channels) if fee is not None]
    return min(known) if known else None


def procedure_cost(
    procedure: Procedure, params: CostParameters, findings: Iterable[Finding] | None = None
) -> CostBreakdown:
    """The compliance cost of one procedure, per dossier and per year, by line.

    Parameters
    ----------
    procedure : the procedure (as published, or as redesigned for the "after" figure).
    params : the cost parameters.
    findings : the finder's findings for its items (optional); with them, :attr:`CostBreakdown.removable` says what
        the redundant and potentially redundant items cost.

    Returns
    -------
    CostBreakdown : lines, per-item costs, visits, fees (``fees_unknown`` when no channel's fees are known),
    totals with and without fees, annual figures (per dossier × volume × times per year).

    Examples
    --------
    >>> from models.procedure import Channel, DossierItem, Procedure
    >>> p = Procedure(code="x", name="Thủ tục", channels=[Channel(method="ONLINE")],
    ...               items=[DossierItem(name="Giấy tờ", originals=1)])
    >>> c = procedure_cost(p, CostParameters(hour_value_vnd=10_000, document_hours=2, annual_volume=100))
    >>> c.per_dossier_vnd, c.annual_vnd, c.fees_unknown
    (20000.0, 2000000.0, True)
    """
    items = procedure.items
    weights = [params.conditional_item_weight if c else 1.0 for c in conditional_items(items)]
    item_costs = [
        _item_cost(i, item, w, params) for i, (item, w) in enumerate(zip(items, weights, strict=True))
    ]

    actors = [actor for actor, _ in effective_actors(procedure)]
    presence = [requires_presence(step) for step in procedure.steps]
    methods = [channel.method for channel in procedure.channels]
    paper = paper_only_items(procedure)
    remote = remote_steps(procedure)
    visit_count = count_visits(actors, presence, methods, any(paper), remote)
    visit_vnd = params.visit_hours * params.hour_value_vnd + params.travel_cost_vnd

    fee = _cheapest_fee(procedure)
    hours = sum(cost.hours for cost in item_costs)
    visit_hours = visit_count * params.visit_hours
    lines = [
        _line("preparation", hours=hours, time_vnd=hours * params.hour_value_vnd),
        _line("copies", out_of_pocket_vnd=sum(cost.copies_vnd for cost in item_costs)),
        _line("certification", out_of_pocket_vnd=sum(cost.certification_vnd for cost in item_costs)),
        _line(
            "visits",
            hours=visit_hours,
            time_vnd=visit_hours * params.hour_value_vnd,
            out_of_pocket_vnd=visit_count * params.travel_cost_vnd,
        ),
        _line("fees", out_of_pocket_vnd=float(fee or 0)),
    ]

    removable = None
    if findings is not None:
        grades = {f.item_index: f.grade for f in findings if 0 <= f.item_index < len(items)}
        redundant = sorted(i for i, g in grades.items() if g == FindingGrade.REDUNDANT)
        potential = sorted(i for i, g in grades.items() if g == FindingGrade.POTENTIALLY_REDUNDANT)
        gone = set(redundant)
        without_redundant = count_visits(
            actors, presence, methods, any(p for i, p in enumerate(paper) if i not in gone), remote
        )
        gone.update(potential)
        without_both = count_visits(
            actors, presence, methods, any(p for i, p in enumerate(paper) if i not in gone), remote
        )
        removable = Removable(
            redundant_items=redundant,
            redundant_items_vnd=sum(item_costs[i].total_vnd for i in redundant),
            redundant_visits=visit_count - without_redundant,
            potentially_redundant_items=potential,
            potentially_redundant_items_vnd=sum(item_costs[i].total_vnd for i in potential),
            potentially_redundant_visits=without_redundant - without_both,
            visit_vnd=visit_vnd,
        )
    return CostBreakdown(
        code=procedure.code,
        lines=lines,
        items=item_costs,
        visits=visit_count,
        fees_unknown=fee is None,
        volume=params.volume(procedure.code),
        times_per_year=params.times_per_year,
        removable=removable,
    )


def catalog_cost(
    procedures: Iterable[Procedure],
    params: CostParameters,
    findings_by_code: Mapping[str, Iterable[Finding]] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> CatalogCost:
    """Annual compliance cost of a catalog: totals, by line, removable parts and each procedure's breakdown.

    Parameters
    ----------
    procedures : the catalog (any iterable: a workspace's ``procedures()`` streams).
    params : the cost parameters.
    findings_by_code : code -> findings (optional); procedures without an entry have no removable part.
    progress : called with (procedures done, procedures in all: 0 for a stream), every 1,000 and at the end.
    cancelled : polled every 1,000 procedures; when it returns True the calculation stops.

    Returns
    -------
    CatalogCost

    Raises
    ------
    Cancelled : ``cancelled`` returned True.

    Examples
    --------
    >>> from models.procedure import Channel, DossierItem, Fee, Procedure
    >>> ps = [Procedure(code=c, name=c, channels=[Channel(method="ONLINE", fees=[Fee(amount_vnd=1_000)])])
    ...       for c in ("a", "b")]
    >>> total = catalog_cost(ps, CostParameters(annual_volume=10, volume_by_code={"b": 30}))
    >>> total.annual_vnd, total.annual_fees_vnd
    (40000.0, 40000.0)
    """
    breakdowns: dict[str, CostBreakdown] = {}
    by_line = dict.fromkeys(_LABELS, 0.0)
    annual = annual_scm = annual_fees = redundant = potentially_redundant = 0.0
    fees_unknown: list[str] = []
    count = len(procedures) if isinstance(procedures, Sized) else 0
    done = 0
    for procedure in procedures:
        if done % 1000 == 0:
            check_cancelled(cancelled, COST)
        findings = findings_by_code.get(procedure.code) if findings_by_code is not None else None
        breakdown = procedure_cost(procedure, params, findings)
        breakdowns[procedure.code] = breakdown
        per_year = breakdown.dossiers_per_year
        annual += breakdown.annual_vnd
        annual_scm += breakdown.annual_scm_vnd
        annual_fees += breakdown.fees_vnd * per_year
        for line in breakdown.lines:
            by_line[line.key] += line.total_vnd * per_year
        if breakdown.removable is not None:
            redundant += breakdown.removable.redundant_vnd * per_year
            potentially_redundant += breakdown.removable.potentially_redundant_vnd * per_year
        if breakdown.fees_unknown:
            fees_unknown.append(procedure.code)
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(done, count)
    if progress is not None:
        progress(done, count)
    return CatalogCost(
        breakdowns=breakdowns,
        annual_vnd=annual,
        annual_scm_vnd=annual_scm,
        annual_fees_vnd=annual_fees,
        annual_by_line=by_line,
        removable_redundant_annual_vnd=redundant,
        removable_potentially_redundant_annual_vnd=potentially_redundant,
        fees_unknown=fees_unknown,
    )


def savings_rate(before: float, after: float) -> float:
    """The savings rate of Circular 02/2017: benefit (before − after) ÷ before, as a fraction.

    Parameters
    ----------
    before : current cost (any unit, e.g. annual VND).
    after : cost after simplification, same unit.

    Returns
    -------
    float : 0.25 for a quarter saved; 0.0 when ``before`` is 0 (nothing to save).

    Examples
    --------
    >>> round(savings_rate(2_306, 654) * 100, 2)  # Hà Nội, 293 procedures, bn VND/yr (DOMAIN §6)
    71.64
    """
    if before == 0:
        return 0.0
    return (before - after) / before
