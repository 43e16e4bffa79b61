"""Procedures as graphs, their metrics, and the catalog graph of results demanded as dossier items."""

from __future__ import annotations

import doctest
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import models.graph
from catalog.importing.importer import import_paths
from models.enums import Actor, ChannelMethod, CopyForm, FindingGrade, ItemGroup, ItemKind, TimeUnit
from models.findings import Finding
from models.graph import (
    in_person_visits,
    procedure_graph,
    procedure_metrics,
    visit_steps,
)
from models.procedure import Channel, DossierItem, Procedure, Result, Step
from models.storage.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "sample-catalog.json"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Procedure]:
    with Workspace.open(tmp_path_factory.mktemp("graph") / "w.sqlite") as ws:
        import_paths(ws, [SAMPLES])
        return {p.code: p for p in ws.procedures()}


def edges(graph: nx.DiGraph, kind: str) -> list[tuple[str, str]]:
    return [(u, v) for u, v, k in graph.edges(data="kind") if k == kind]


def test_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(models.graph).failed == 0


def test_birth_registration_graph(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    findings = [
        Finding(
            item_index=6, item_name="Thẻ căn cước", grade=FindingGrade.REDUNDANT, data_source="population"
        ),
        Finding(item_index=7, item_name="Nơi cư trú", grade=FindingGrade.REDUNDANT, data_source="population"),
        Finding(item_index=8, item_name="Kết hôn", grade=FindingGrade.REDUNDANT, data_source="civil_status"),
        Finding(item_index=0, item_name="Tờ khai", grade=FindingGrade.REQUIRED),
    ]
    graph = procedure_graph(birth, findings)
    assert edges(graph, "flow") == [
        ("start", "step:0"),
        ("step:0", "step:1"),
        ("step:1", "step:2"),
        ("step:2", "step:3"),
        ("step:3", "step:4"),
        ("step:4", "end"),
    ]
    # every item, to submit or to show, is handed in at the submission step
    assert {v for u, v in edges(graph, "consumes")} == {"step:0"}
    assert len(edges(graph, "consumes")) == len(birth.items) == 9
    assert graph.nodes["step:0"]["actor"] == Actor.APPLICANT
    assert graph.nodes["item:6"]["group"] == ItemGroup.SHOW
    assert graph.nodes["item:0"]["item_kind"] == ItemKind.FORM
    assert sorted(edges(graph, "supplies")) == [
        ("source:civil_status", "item:8"),
        ("source:population", "item:6"),
        ("source:population", "item:7"),
    ]
    assert graph.edges["source:population", "item:6"]["grade"] == FindingGrade.REDUNDANT
    assert graph.nodes["item:0"]["grade"] == FindingGrade.REQUIRED
    assert edges(graph, "produces") == [("step:3", "result:0")]  # the last handling-agency step
    assert graph.nodes["result:0"]["code"] == "KQ.G15.000031"


def test_a_later_applicant_step_that_names_an_item_consumes_it(samples: dict[str, Procedure]) -> None:
    card = samples["1.014063"]  # the printed information sheet is checked and signed at step 4
    graph = procedure_graph(card)
    assert list(graph.successors("item:1")) == ["step:3"]
    assert list(graph.successors("item:0")) == ["step:0"]


def test_data_system_steps_never_consume_items() -> None:
    procedure = Procedure(
        code="x",
        name="Thủ tục",
        steps=[
            Step(actor=Actor.DATA_SYSTEM, description="Đối chiếu Giấy chứng nhận đăng ký doanh nghiệp"),
            Step(actor=Actor.ONE_STOP_DESK, description="Tiếp nhận hồ sơ"),
            Step(actor=Actor.APPLICANT, description="Nộp Giấy chứng nhận đăng ký doanh nghiệp bản gốc"),
        ],
        items=[DossierItem(name="Giấy chứng nhận đăng ký doanh nghiệp", copies=1)],
    )
    assert list(procedure_graph(procedure).successors("item:0")) == ["step:2"]
    procedure.steps[2].description = "Nhận kết quả"
    assert list(procedure_graph(procedure).successors("item:0")) == ["step:1"]  # the one-stop desk


def test_actor_inferred_when_not_published() -> None:
    procedure = Procedure(
        code="x",
        name="Thủ tục",
        steps=[Step(description="Nộp hồ sơ"), Step(description="Xem xét"), Step(description="Cấp phép")],
        items=[DossierItem(name="Đơn", kind=ItemKind.FORM, originals=1)],
        results=[Result(name="Giấy phép")],
    )
    graph = procedure_graph(procedure)
    assert [graph.nodes[f"step:{i}"]["actor"] for i in range(3)] == [
        Actor.APPLICANT,
        Actor.HANDLING_AGENCY,
        Actor.HANDLING_AGENCY,
    ]
    assert all(graph.nodes[f"step:{i}"]["actor_inferred"] for i in range(3))
    assert list(graph.successors("item:0")) == ["step:0"]
    assert list(graph.predecessors("result:0")) == ["step:2"]


def test_procedure_without_steps() -> None:
    procedure = Procedure(
        code="x", name="Thủ tục", items=[DossierItem(name="Đơn")], results=[Result(name="Giấy phép")]
    )
    graph = procedure_graph(procedure)
    assert edges(graph, "flow") == [("start", "end")]
    assert edges(graph, "consumes") == [("item:0", "start")]
    assert edges(graph, "produces") == [("end", "result:0")]


def test_metrics_of_the_samples(samples: dict[str, Procedure]) -> None:
    birth = procedure_metrics(samples["1.001193"])
    assert (birth.items_to_submit, birth.items_to_show, birth.certified_copies) == (6, 3, 0)
    assert birth.in_person_visits == 1  # online channel, but three originals to show at the submission step
    assert birth.time_limits == {TimeUnit.WORKING_DAY: 1}
    assert birth.steps_on_longest_path == 5
    assert birth.findings_by_grade == {} and birth.redundant_items == 0
    marriage = procedure_metrics(samples["1.000894"])
    assert marriage.in_person_visits == 2  # submission with papers to show, then both present to sign
    company = procedure_metrics(samples["2.001583"])
    assert company.in_person_visits == 0  # fully electronic dossier, nothing requires presence
    passport = procedure_metrics(samples["1.001456"])
    assert passport.certified_copies == 2


def test_metrics_count_findings_by_grade(samples: dict[str, Procedure]) -> None:
    findings = [
        Finding(item_index=i, item_name="", grade=g)
        for i, g in enumerate(
            [
                FindingGrade.REQUIRED,
                FindingGrade.REDUNDANT,
                FindingGrade.REDUNDANT,
                FindingGrade.ISSUED_BY_STATE,
            ]
        )
    ]
    metrics = procedure_metrics(samples["1.001193"], findings)
    assert metrics.findings_by_grade == {"required": 1, "redundant": 2, "issued_by_state": 1}
    assert metrics.redundant_items == 2


def test_time_limits_keep_units_apart() -> None:
    procedure = Procedure(
        code="x",
        name="Thủ tục",
        channels=[
            Channel(method=ChannelMethod.DIRECT, time_limit=15, time_unit=TimeUnit.WORKING_DAY),
            Channel(method=ChannelMethod.POSTAL, time_limit=10, time_unit=TimeUnit.WORKING_DAY),
            Channel(method=ChannelMethod.ONLINE, time_limit=30, time_unit=TimeUnit.DAY),
            Channel(method=ChannelMethod.ONLINE, time_limit=5),
        ],
    )
    assert procedure_metrics(procedure).time_limits == {
        TimeUnit.WORKING_DAY: 15,
        TimeUnit.DAY: 30,
        TimeUnit.OTHER: 5,
    }


def test_visits_rules() -> None:
    steps = [
        Step(description="Nộp hồ sơ"),
        Step(actor=Actor.HANDLING_AGENCY, description="Thẩm định"),
        Step(actor=Actor.APPLICANT, description="Nộp lệ phí"),
        Step(actor=Actor.APPLICANT, description="Nhận kết quả"),
    ]
    direct = Procedure(code="x", name="y", channels=[Channel(method=ChannelMethod.DIRECT)], steps=steps)
    assert in_person_visits(direct) == 2  # two runs of applicant steps
    both = direct.model_copy(update={"channels": [*direct.channels, Channel(method=ChannelMethod.ONLINE)]})
    assert in_person_visits(both) == 0
    shown = DossierItem(name="Thẻ căn cước", group=ItemGroup.SHOW, copy_forms=[CopyForm.SHOW_ORIGINAL])
    assert in_person_visits(both.model_copy(update={"items": [shown]})) == 1
    no_steps = Procedure(code="x", name="y", channels=[Channel(method=ChannelMethod.DIRECT)])
    assert in_person_visits(no_steps) == 1


def _runs(flags: list[bool]) -> int:
    return sum(here and (i == 0 or not flags[i - 1]) for i, here in enumerate(flags))


def test_the_steps_marked_as_visits_are_the_visits_counted() -> None:
    desk = [
        Step(actor=Actor.ONE_STOP_DESK, description="Tiếp nhận"),
        Step(actor=Actor.HANDLING_AGENCY, description="Xử lý"),
    ]
    direct = Procedure(code="x", name="y", channels=[Channel(method=ChannelMethod.DIRECT)], steps=desk)
    assert (visit_steps(direct), in_person_visits(direct)) == ([True, False], 1)  # the one visit: handing in
    online = direct.model_copy(update={"channels": [Channel(method=ChannelMethod.ONLINE)]})
    assert (visit_steps(online), in_person_visits(online)) == (
        [False, False],
        0,
    )  # nothing to bring in person
    remote = direct.model_copy(update={"steps": [desk[0].model_copy(update={"in_person": False}), desk[1]]})
    assert visit_steps(remote) == [False, False]  # a redesign made the desk step remote


# --- properties over random procedures -------------------------------------------------------------------------

_words = st.sampled_from(
    [
        "Giấy khai sinh",
        "Tờ khai",
        "Thẻ căn cước",
        "chụp ảnh",
        "có mặt",
        "nộp hồ sơ",
        "trả kết quả",
        "đối chiếu",
    ]
)
_items = st.builds(
    DossierItem,
    name=st.lists(_words, min_size=1, max_size=4).map(" ".join),
    kind=st.sampled_from(list(ItemKind)),
    group=st.sampled_from(list(ItemGroup)),
    originals=st.none() | st.integers(0, 2),
    copies=st.none() | st.integers(0, 2),
    copy_forms=st.lists(st.sampled_from(list(CopyForm)), max_size=3, unique=True),
)
_steps = st.builds(
    Step,
    description=st.lists(_words, min_size=1, max_size=5).map(" ".join),
    actor=st.none() | st.sampled_from(list(Actor)),
)
_channels = st.builds(
    Channel,
    method=st.sampled_from(list(ChannelMethod)),
    time_limit=st.none() | st.integers(1, 60).map(float),
    time_unit=st.none() | st.sampled_from(list(TimeUnit)),
)
procedures = st.builds(
    Procedure,
    code=st.just("0.000000"),
    name=st.just("Thủ tục"),
    channels=st.lists(_channels, max_size=3),
    steps=st.lists(_steps, max_size=6),
    items=st.lists(_items, max_size=8),
    results=st.lists(st.builds(Result, name=_words), max_size=2),
)


def flow_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A read-only view of ``graph`` with only its ``flow`` edges (and every node)."""
    return nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["kind"] == "flow")


@settings(max_examples=150, deadline=None)
@given(procedures)
def test_random_procedures_make_well_formed_graphs(procedure: Procedure) -> None:
    graph = procedure_graph(procedure)
    flow = flow_graph(graph)
    assert nx.is_directed_acyclic_graph(flow)
    assert nx.has_path(flow, "start", "end")
    for index in range(len(procedure.items)):
        consumes = [v for v, kind in graph.adj[f"item:{index}"].items() if kind["kind"] == "consumes"]
        assert len(consumes) == 1
        if procedure.steps:
            assert graph.nodes[consumes[0]]["kind"] == "step"
    for index in range(len(procedure.results)):
        assert graph.in_degree(f"result:{index}") == 1
    metrics = procedure_metrics(procedure)
    assert metrics.items_to_submit + metrics.items_to_show == len(procedure.items)
    assert metrics.items_to_show == len(procedure.items_in(ItemGroup.SHOW))
    assert metrics.certified_copies == sum(item.certified_copy for item in procedure.items)
    assert metrics.steps_on_longest_path == len(procedure.steps)
    assert metrics.in_person_visits <= len(procedure.steps) + 1
    # the steps marked as visits (the redesign editor's "in person") make exactly the visits counted
    assert len(visit_steps(procedure)) == len(procedure.steps)
    if procedure.steps:
        assert _runs(visit_steps(procedure)) == metrics.in_person_visits
