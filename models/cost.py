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
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, computed_field
from sqlalchemy import Table, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from models.enums import CERTIFIED_FORMS, CopyForm, CostKind, FindingGrade, ItemGroup, ItemKind
from models.errors import WorkspaceError
from models.findings import Finding
from models.graph import count_visits, effective_actors, paper_only_items, remote_steps
from models.jobs import COST, CancelCheck, Progress, check_cancelled
from models.online import requires_presence
from models.procedure import DossierItem, Procedure
from models.storage.loader import trusted  # until the cost results are plain values (another change)
from models.tables import SettingRow
from models.vocabulary import label

if TYPE_CHECKING:
    from models.storage.workspace import Workspace

#: The key of the cost parameters in the workspace's settings table.
SETTING_KEY = "cost_parameters"

_PLACEHOLDER = "Giá trị giữ chỗ (placeholder), chưa có nguồn: hãy đặt theo số liệu của đơn vị và ghi nguồn."
_DEFAULT_SOURCES = {
    "hour_value_vnd": f"{_PLACEHOLDER} Chưa có giá trị chính thức của một giờ (Thông tư 02/2017/TT-VPCP không "
    "quy định); thường lấy theo thu nhập bình quân hoặc lương tối thiểu giờ của địa phương.",
    "form_hours": f"{_PLACEHOLDER} Thời gian điền một mẫu đơn, tờ khai.",
    "document_hours": f"{_PLACEHOLDER} Thời gian có được một giấy tờ phải nộp (tìm, xin cấp, sao).",
    "show_document_hours": f"{_PLACEHOLDER} Thời gian chuẩn bị một giấy tờ phải xuất trình.",
    "visit_hours": f"{_PLACEHOLDER} Thời gian đi lại và chờ đợi cho một lần đến cơ quan.",
    "travel_cost_vnd": f"{_PLACEHOLDER} Chi phí đi lại cho một lần đến cơ quan.",
    "copy_cost_per_page_vnd": f"{_PLACEHOLDER} Chi phí sao chụp một trang.",
    "certification_cost_per_page_vnd": f"{_PLACEHOLDER} Đặt theo mức phí chứng thực bản sao hiện hành.",
    "pages_per_document": f"{_PLACEHOLDER} Số trang bình quân của một giấy tờ.",
    "conditional_item_weight": "Mặc định 1: mọi thành phần hồ sơ đều được tính (cận trên). Đặt tỷ lệ hồ sơ cần "
    "đến thành phần có điều kiện (“nếu có”, “trường hợp…”) nếu có số liệu.",
    "annual_volume": f"{_PLACEHOLDER} Số hồ sơ (đối tượng) mỗi năm của một thủ tục; đặt riêng từng thủ tục ở "
    "volume_by_code theo số liệu tiếp nhận thực tế.",
    "times_per_year": "Mặc định 1: mỗi đối tượng thực hiện thủ tục một lần trong năm.",
}


class CostParameters(BaseModel):
    """Every figure the cost model uses, set by the user, each with a note of where it comes from.

    The defaults are **placeholders** chosen only to make the arithmetic visible; ``sources`` starts with a note
    saying so for each parameter, and :meth:`placeholders` lists those still unsourced.

    Examples
    --------
    >>> params = CostParameters(hour_value_vnd=30_000, volume_by_code={"1.001193": 250_000})
    >>> params.volume("1.001193"), params.volume("2.000635")
    (250000.0, 1000.0)
    >>> "hour_value_vnd" in params.placeholders()
    True
    """

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    hour_value_vnd: float = Field(
        default=25_000, ge=0, description="Value of one hour of the applicant's time (VND)."
    )
    form_hours: float = Field(default=0.5, ge=0, description="Hours to fill in one form or declaration.")
    document_hours: float = Field(default=1.0, ge=0, description="Hours to obtain one document to submit.")
    show_document_hours: float = Field(
        default=0.25, ge=0, description="Hours to get ready one document to show."
    )
    visit_hours: float = Field(
        default=2.0, ge=0, description="Hours per in-person visit, travel and waiting."
    )
    travel_cost_vnd: float = Field(default=30_000, ge=0, description="Travel cost of one visit (VND).")
    copy_cost_per_page_vnd: float = Field(default=500, ge=0, description="Copying cost per page (VND).")
    certification_cost_per_page_vnd: float = Field(
        default=2_000, ge=0, description="Certification cost per page (VND)."
    )
    pages_per_document: float = Field(default=2, ge=0, description="Pages of a typical document.")
    conditional_item_weight: float = Field(
        default=1.0, ge=0, le=1, description="Share of dossiers that need an item published with a condition."
    )
    annual_volume: float = Field(
        default=1_000, ge=0, description="Dossiers per year of a procedure (default)."
    )
    volume_by_code: dict[str, float] = Field(default_factory=dict, description="Dossiers per year, by code.")
    times_per_year: float = Field(
        default=1.0, ge=0, description="Times a subject needs the procedure per year."
    )
    sources: dict[str, str] = Field(
        default_factory=lambda: dict(_DEFAULT_SOURCES), description="Where each figure comes from."
    )

    def volume(self, code: str) -> float:
        """Dossiers per year of the procedure ``code``: its own figure, or the default."""
        return float(self.volume_by_code.get(code, self.annual_volume))

    def placeholders(self) -> list[str]:
        """The parameters whose source note is still the placeholder shipped with the workbench."""
        return [name for name, note in _DEFAULT_SOURCES.items() if self.sources.get(name) == note]


# --- results ----------------------------------------------------------------------------------------------------


class CostLine(BaseModel):
    """One line of a dossier's cost: time spent (hours, valued) and money paid out of pocket."""

    key: str  # a CostKind: preparation, copies, certification, visits, fees
    label: str  # its Vietnamese label (models.vocabulary)
    hours: float = 0.0
    time_vnd: float = 0.0
    out_of_pocket_vnd: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_vnd(self) -> float:
        return self.time_vnd + self.out_of_pocket_vnd


class ItemCost(BaseModel):
    """What one dossier item costs per dossier (already weighted when it is conditional)."""

    index: int
    name: str
    weight: float
    hours: float
    time_vnd: float
    copies_vnd: float
    certification_vnd: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_vnd(self) -> float:
        return self.time_vnd + self.copies_vnd + self.certification_vnd


class Removable(BaseModel):
    """What the findings say could go, per dossier: item costs and the visits their removal saves.

    The ``potentially_redundant`` figures come on top of the ``redundant`` ones.
    """

    redundant_items: list[int] = Field(default_factory=list)
    redundant_items_vnd: float = 0.0
    redundant_visits: int = 0
    potentially_redundant_items: list[int] = Field(default_factory=list)
    potentially_redundant_items_vnd: float = 0.0
    potentially_redundant_visits: int = 0
    visit_vnd: float = 0.0  # the cost of one visit, to value the visits saved

    @computed_field  # type: ignore[prop-decorator]
    @property
    def redundant_vnd(self) -> float:
        return self.redundant_items_vnd + self.redundant_visits * self.visit_vnd

    @computed_field  # type: ignore[prop-decorator]
    @property
    def potentially_redundant_vnd(self) -> float:
        return self.potentially_redundant_items_vnd + self.potentially_redundant_visits * self.visit_vnd


class CostBreakdown(BaseModel):
    """A procedure's compliance cost per dossier and per year.

    ``lines`` are, in order: preparation, copies, certification, visits, fees. ``per_dossier_vnd`` includes fees
    (Vietnam, Circular 02/2017); ``per_dossier_scm_vnd`` leaves them out (Standard Cost Model). Annual figures are
    per dossier × ``volume`` × ``times_per_year``. ``model_dump(mode="json")`` includes every total.
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

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fees_vnd(self) -> float:
        return self.lines[-1].total_vnd

    @computed_field  # type: ignore[prop-decorator]
    @property
    def per_dossier_vnd(self) -> float:
        return sum(line.total_vnd for line in self.lines)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def per_dossier_scm_vnd(self) -> float:
        return self.per_dossier_vnd - self.fees_vnd

    @property
    def dossiers_per_year(self) -> float:
        return self.volume * self.times_per_year

    @computed_field  # type: ignore[prop-decorator]
    @property
    def annual_vnd(self) -> float:
        return self.per_dossier_vnd * self.dossiers_per_year

    @computed_field  # type: ignore[prop-decorator]
    @property
    def annual_scm_vnd(self) -> float:
        return self.per_dossier_scm_vnd * self.dossiers_per_year

    @computed_field  # type: ignore[prop-decorator]
    @property
    def removable_annual(self) -> float:
        """Annual cost of what is graded redundant (items and the visits they cause); 0 without findings."""
        return self.removable.redundant_vnd * self.dossiers_per_year if self.removable else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def removable_potentially_annual(self) -> float:
        """Annual cost of what is graded potentially redundant, on top of :attr:`removable_annual`."""
        return self.removable.potentially_redundant_vnd * self.dossiers_per_year if self.removable else 0.0

    @property
    def annual_total(self) -> float:
        """Same as :attr:`annual_vnd` (fees included)."""
        return self.annual_vnd


class CatalogCost(BaseModel):
    """Annual totals over a catalog, with each procedure's breakdown."""

    breakdowns: dict[str, CostBreakdown] = Field(default_factory=dict)
    annual_vnd: float = 0.0
    annual_scm_vnd: float = 0.0
    annual_fees_vnd: float = 0.0
    annual_by_line: dict[str, float] = Field(default_factory=dict)
    removable_redundant_annual_vnd: float = 0.0
    removable_potentially_redundant_annual_vnd: float = 0.0
    fees_unknown: list[str] = Field(default_factory=list)  # codes whose fees count 0 because none is known


# --- the calculation --------------------------------------------------------------------------------------------

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
    return trusted(  # every value computed here: validation would only cost time
        ItemCost,
        {
            "index": index,
            "name": item.name,
            "weight": weight,
            "hours": hours * weight,
            "time_vnd": hours * weight * params.hour_value_vnd,
            "copies_vnd": pages * params.copy_cost_per_page_vnd * weight,
            "certification_vnd": pages * params.certification_cost_per_page_vnd * weight
            if certified
            else 0.0,
        },
    )


def _line(key: str, hours: float = 0.0, time_vnd: float = 0.0, out_of_pocket_vnd: float = 0.0) -> CostLine:
    values = {"key": key, "label": _LABELS[key], "hours": hours, "time_vnd": time_vnd}
    values["out_of_pocket_vnd"] = out_of_pocket_vnd
    return trusted(CostLine, values)


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
        removable = trusted(
            Removable,
            {
                "redundant_items": redundant,
                "redundant_items_vnd": sum(item_costs[i].total_vnd for i in redundant),
                "redundant_visits": visit_count - without_redundant,
                "potentially_redundant_items": potential,
                "potentially_redundant_items_vnd": sum(item_costs[i].total_vnd for i in potential),
                "potentially_redundant_visits": without_redundant - without_both,
                "visit_vnd": visit_vnd,
            },
        )
    return trusted(
        CostBreakdown,
        {
            "code": procedure.code,
            "lines": lines,
            "items": item_costs,
            "visits": visit_count,
            "fees_unknown": fee is None,
            "volume": params.volume(procedure.code),
            "times_per_year": params.times_per_year,
            "removable": removable,
        },
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
    total = CatalogCost(annual_by_line=dict.fromkeys(_LABELS, 0.0))
    count = len(procedures) if isinstance(procedures, Sized) else 0
    done = 0
    for procedure in procedures:
        if done % 1000 == 0:
            check_cancelled(cancelled, COST)
        findings = findings_by_code.get(procedure.code) if findings_by_code is not None else None
        breakdown = procedure_cost(procedure, params, findings)
        total.breakdowns[procedure.code] = breakdown
        per_year = breakdown.dossiers_per_year
        total.annual_vnd += breakdown.annual_vnd
        total.annual_scm_vnd += breakdown.annual_scm_vnd
        total.annual_fees_vnd += breakdown.fees_vnd * per_year
        for line in breakdown.lines:
            total.annual_by_line[line.key] += line.total_vnd * per_year
        if breakdown.removable is not None:
            total.removable_redundant_annual_vnd += breakdown.removable.redundant_vnd * per_year
            total.removable_potentially_redundant_annual_vnd += (
                breakdown.removable.potentially_redundant_vnd * per_year
            )
        if breakdown.fees_unknown:
            total.fees_unknown.append(procedure.code)
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(done, count)
    if progress is not None:
        progress(done, count)
    return total


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


# --- persistence ------------------------------------------------------------------------------------------------

_SETTINGS = cast(Table, SettingRow.__table__)  # type: ignore[attr-defined]


def load_cost_parameters(workspace: Workspace) -> CostParameters:
    """The cost parameters saved in ``workspace``, or the defaults when none were saved.

    Raises
    ------
    WorkspaceError : the workspace cannot be read, or holds parameters this version cannot read.
    """
    try:
        with workspace.engine.connect() as conn:
            value: Any = conn.scalar(select(_SETTINGS.c.value).where(_SETTINGS.c.key == SETTING_KEY))
    except SQLAlchemyError as exc:
        raise WorkspaceError(
            f"Could not read the cost parameters of workspace {workspace.label}: {exc}."
        ) from None
    if value is None:
        return CostParameters()
    try:
        return CostParameters.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise WorkspaceError(
            f"The cost parameters saved in workspace {workspace.label} are not valid ({where}: {first['msg']})."
        ) from None


def save_cost_parameters(workspace: Workspace, params: CostParameters) -> None:
    """Save ``params`` in ``workspace`` (replacing those saved before), in one transaction.

    Raises
    ------
    WorkspaceError : the workspace cannot be written.
    """
    value = params.model_dump(mode="json")
    try:
        with workspace.engine.begin() as conn:
            conn.execute(delete(_SETTINGS).where(_SETTINGS.c.key == SETTING_KEY))
            conn.execute(insert(_SETTINGS).values(key=SETTING_KEY, value=value))
    except SQLAlchemyError as exc:
        raise WorkspaceError(
            f"Could not save the cost parameters in workspace {workspace.label}: {exc}."
        ) from None
