"""Compliance cost (Circular 02/2017/TT-VPCP Art. 27): lines, totals, annual figures, removable parts, settings."""

from __future__ import annotations

import dataclasses
import doctest
from pathlib import Path

import pytest
from sqlalchemy import insert

import models.cost.calculation
import models.cost.parameters
from catalog.importing.importer import import_paths
from models.cost.calculation import catalog_cost, procedure_cost, savings_rate
from models.cost.parameters import SETTING_KEY, CostParameters, load_cost_parameters, save_cost_parameters
from models.cost.results import CostLine
from models.enums import Actor, ChannelMethod, CopyForm, FindingGrade, ItemGroup, ItemKind
from models.errors import WorkspaceError
from models.findings import Finding
from models.jobs import COST, Cancelled
from models.procedure import Channel, DossierItem, Fee, Procedure, Step
from models.storage.workspace import Workspace
from models.tables import SettingRow

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "sample-catalog.json"
ROUND = CostParameters(
    hour_value_vnd=10_000,
    form_hours=1,
    document_hours=2,
    show_document_hours=0.5,
    visit_hours=3,
    travel_cost_vnd=7_000,
    copy_cost_per_page_vnd=100,
    certification_cost_per_page_vnd=1_000,
    pages_per_document=2,
    annual_volume=1_000,
)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Procedure]:
    with Workspace.open(tmp_path_factory.mktemp("cost") / "w.sqlite") as ws:
        import_paths(ws, [SAMPLES])
        return {p.code: p for p in ws.procedures()}


def handmade() -> Procedure:
    return Procedure(
        code="9.000001",
        name="Thủ tục thử",
        channels=[
            Channel(method=ChannelMethod.DIRECT, fees=[Fee(amount_vnd=50_000), Fee(amount_vnd=20_000)]),
            Channel(method=ChannelMethod.POSTAL, fees=[Fee(amount_vnd=None)]),
        ],
        steps=[
            Step(description="Nộp hồ sơ"),
            Step(actor=Actor.HANDLING_AGENCY, description="Thẩm định"),
            Step(actor=Actor.APPLICANT, description="Nhận kết quả"),
        ],
        items=[
            DossierItem(name="Tờ khai", kind=ItemKind.FORM, originals=1),
            DossierItem(name="Giấy tờ A", copies=2, copy_forms=[CopyForm.PLAIN]),
            DossierItem(name="Giấy tờ B", copies=1, copy_forms=[CopyForm.CERTIFIED]),
            DossierItem(name="Thẻ căn cước", group=ItemGroup.SHOW, originals=1),
        ],
    )


def test_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(models.cost.calculation).failed == 0
    assert doctest.testmod(models.cost.parameters).failed == 0


def test_lines_of_a_handmade_procedure() -> None:
    cost = procedure_cost(handmade(), ROUND)
    lines = {line.key: line for line in cost.lines}
    assert [line.key for line in cost.lines] == ["preparation", "copies", "certification", "visits", "fees"]
    assert lines["preparation"].hours == 1 + 2 + 2 + 0.5
    assert lines["preparation"].total_vnd == 55_000
    assert lines["copies"].total_vnd == (2 + 1) * 2 * 100  # item B is copied before it is certified
    assert lines["certification"].total_vnd == 1 * 2 * 1_000
    assert cost.visits == 2  # office-only procedure: submission, then collection
    assert lines["visits"].total_vnd == 2 * (3 * 10_000 + 7_000)
    assert lines["fees"].total_vnd == 70_000  # the postal channel's unknown fee is not taken for free
    assert not cost.fees_unknown
    assert cost.per_dossier_vnd == pytest.approx(sum(line.total_vnd for line in cost.lines))
    assert cost.per_dossier_vnd == 55_000 + 600 + 2_000 + 74_000 + 70_000
    assert cost.per_dossier_scm_vnd == cost.per_dossier_vnd - 70_000
    assert sum(item.total_vnd for item in cost.items) == pytest.approx(
        lines["preparation"].total_vnd + lines["copies"].total_vnd + lines["certification"].total_vnd
    )


def test_sample_lines_add_up(samples: dict[str, Procedure]) -> None:
    for procedure in samples.values():
        cost = procedure_cost(procedure, CostParameters())
        assert cost.per_dossier_vnd == pytest.approx(sum(line.total_vnd for line in cost.lines))
        assert cost.per_dossier_scm_vnd == pytest.approx(cost.per_dossier_vnd - cost.fees_vnd)
        assert cost.annual_vnd == pytest.approx(cost.per_dossier_vnd * 1_000)
        dumped = cost.to_json()
        assert dumped["per_dossier_vnd"] == pytest.approx(cost.per_dossier_vnd)
        totals = ["fees_vnd", "per_dossier_vnd", "per_dossier_scm_vnd", "annual_vnd", "annual_scm_vnd"]
        totals += ["removable_annual", "removable_potentially_annual"]
        assert list(dumped) == [f.name for f in dataclasses.fields(cost)] + totals  # fields, then totals
        line_keys = [*(f.name for f in dataclasses.fields(CostLine)), "total_vnd"]
        assert [list(line) for line in dumped["lines"]] == [line_keys] * 5
        amounts = [v for line in dumped["lines"] for k, v in line.items() if k not in ("key", "label")]
        # the default parameters are whole numbers: the amounts are still written as floats
        assert all(type(v) is float for v in amounts)


def test_certification_is_not_counted_when_a_cheaper_form_is_accepted() -> None:
    either = DossierItem(name="Giấy tờ", copies=1, copy_forms=[CopyForm.PLAIN, CopyForm.CERTIFIED])
    procedure = Procedure(code="x", name="y", channels=[Channel(method=ChannelMethod.ONLINE)], items=[either])
    assert procedure_cost(procedure, ROUND).line("certification").total_vnd == 0
    only = either.model_copy(update={"copy_forms": [CopyForm.CERTIFIED]})
    assert (
        procedure_cost(procedure.model_copy(update={"items": [only]}), ROUND).line("certification").total_vnd
    )


def test_fees_unknown_count_zero_and_are_flagged(samples: dict[str, Procedure]) -> None:
    land = procedure_cost(samples["1.013831"], CostParameters())  # "Không có thông tin" on every channel
    assert land.fees_unknown and land.fees_vnd == 0
    permanent = procedure_cost(samples["1.004222"], CostParameters())
    assert not permanent.fees_unknown
    assert permanent.fees_vnd == 10_000  # the cheaper online charge, not the 20,000 over the counter
    free = procedure_cost(samples["1.001193"], CostParameters())
    assert not free.fees_unknown and free.fees_vnd == 0  # free is known, unlike unknown


def test_annual_scales_with_volume_and_times(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    base = procedure_cost(birth, CostParameters(annual_volume=1_000))
    bigger = procedure_cost(birth, CostParameters(volume_by_code={"1.001193": 3_000}))
    twice = procedure_cost(birth, CostParameters(annual_volume=1_000, times_per_year=2))
    assert bigger.annual_vnd == pytest.approx(3 * base.annual_vnd)
    assert twice.annual_vnd == pytest.approx(2 * base.annual_vnd)
    assert bigger.per_dossier_vnd == base.per_dossier_vnd
    assert base.annual_scm_vnd == pytest.approx(base.per_dossier_scm_vnd * 1_000)


def test_conditional_items_weigh_their_share(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    conditional = [i for i, item in enumerate(birth.items) if item.condition]
    full = procedure_cost(birth, CostParameters())
    none = procedure_cost(birth, CostParameters(conditional_item_weight=0))
    assert all(none.items[i].total_vnd == 0 for i in conditional)
    saved = sum(full.items[i].total_vnd for i in conditional)
    assert full.line("preparation").total_vnd - none.line("preparation").total_vnd == pytest.approx(saved)


def test_removable_cost_is_the_cost_of_the_redundant_items(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    findings = [
        Finding(item_index=6, item_name="", grade=FindingGrade.REDUNDANT, data_source="population"),
        Finding(item_index=7, item_name="", grade=FindingGrade.REDUNDANT, data_source="population"),
        Finding(item_index=8, item_name="", grade=FindingGrade.REDUNDANT, data_source="civil_status"),
        Finding(item_index=1, item_name="", grade=FindingGrade.POTENTIALLY_REDUNDANT, data_source="health"),
        Finding(item_index=0, item_name="", grade=FindingGrade.REQUIRED),
    ]
    params = CostParameters()
    cost = procedure_cost(birth, params, findings)
    removable = cost.removable
    assert removable is not None
    assert removable.redundant_items == [6, 7, 8]
    assert removable.redundant_items_vnd == pytest.approx(sum(cost.items[i].total_vnd for i in (6, 7, 8)))
    # the three originals to show were all that tied the online dossier to the counter
    assert cost.visits == 1 and removable.redundant_visits == 1
    visit = params.visit_hours * params.hour_value_vnd + params.travel_cost_vnd
    assert removable.redundant_vnd == pytest.approx(removable.redundant_items_vnd + visit)
    assert removable.potentially_redundant_items == [1]
    assert removable.potentially_redundant_items_vnd == pytest.approx(cost.items[1].total_vnd)
    assert removable.potentially_redundant_visits == 0
    assert cost.removable_annual == pytest.approx(removable.redundant_vnd * 1_000)
    assert procedure_cost(birth, params).removable is None


def test_removal_saves_no_visit_while_paper_remains(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    findings = [Finding(item_index=6, item_name="", grade=FindingGrade.REDUNDANT, data_source="population")]
    removable = procedure_cost(birth, CostParameters(), findings).removable
    assert removable is not None and removable.redundant_visits == 0  # items 8 and 9 are still to be shown


def test_catalog_totals(samples: dict[str, Procedure]) -> None:
    params = CostParameters(volume_by_code={"1.001193": 500_000})
    birth_findings = [Finding(item_index=6, item_name="", grade=FindingGrade.REDUNDANT)]
    done: list[tuple[int, int]] = []
    total = catalog_cost(
        samples.values(), params, {"1.001193": birth_findings}, progress=lambda *seen: done.append(seen)
    )
    assert done == [(len(samples), len(samples))]
    assert set(total.breakdowns) == set(samples)
    assert total.annual_vnd == pytest.approx(sum(b.annual_vnd for b in total.breakdowns.values()))
    assert total.annual_vnd == pytest.approx(sum(total.annual_by_line.values()))
    assert total.annual_scm_vnd == pytest.approx(total.annual_vnd - total.annual_fees_vnd)
    assert total.removable_redundant_annual_vnd == pytest.approx(
        total.breakdowns["1.001193"].removable_annual
    )
    assert total.fees_unknown == ["1.013831"]


def test_catalog_cost_can_be_cancelled(samples: dict[str, Procedure]) -> None:
    with pytest.raises(Cancelled) as cancelled:
        catalog_cost(samples.values(), CostParameters(), cancelled=lambda: True)
    assert cancelled.value.operation == COST


def test_savings_rate_matches_the_ha_noi_figures() -> None:
    # Hà Nội re-engineered 293 procedures: ≈2,306 -> 654 bn VND a year (DOMAIN §6)
    assert round(savings_rate(2_306, 654) * 100, 2) == 71.64
    assert savings_rate(0, 0) == 0.0
    assert savings_rate(100, 100) == 0.0


def test_savings_rate_of_removing_redundant_items(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    after = birth.model_copy(update={"items": birth.items[:6]})
    before_cost = procedure_cost(birth, CostParameters())
    after_cost = procedure_cost(after, CostParameters())
    findings = [Finding(item_index=i, item_name="", grade=FindingGrade.REDUNDANT) for i in (6, 7, 8)]
    removable = procedure_cost(birth, CostParameters(), findings).removable
    assert removable is not None
    assert before_cost.annual_vnd - after_cost.annual_vnd == pytest.approx(
        removable.redundant_vnd * before_cost.dossiers_per_year
    )
    assert 0 < savings_rate(before_cost.annual_vnd, after_cost.annual_vnd) < 1


def test_parameters_round_trip_through_the_workspace(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        assert load_cost_parameters(ws) == CostParameters()
        params = CostParameters(hour_value_vnd=31_250, volume_by_code={"1.001193": 12_000})
        params.sources["hour_value_vnd"] = "Khảo sát của Sở Nội vụ, 2025"
        save_cost_parameters(ws, params)
        save_cost_parameters(ws, params)  # saving again replaces, never duplicates
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        loaded = load_cost_parameters(ws)
    assert loaded == params
    assert loaded.volume("1.001193") == 12_000
    assert "hour_value_vnd" not in loaded.placeholders()
    assert "visit_hours" in loaded.placeholders()


def test_invalid_saved_parameters_are_reported(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        with ws.engine.begin() as conn:
            table = SettingRow.__table__  # type: ignore[attr-defined]
            conn.execute(insert(table).values(key=SETTING_KEY, value={"hour_value_vnd": -5}))
        with pytest.raises(WorkspaceError, match="hour_value_vnd"):
            load_cost_parameters(ws)
