"""The redesign engine: each change, undo/redo with the graph, suggestions, comparison, and long random sequences."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from models.cost.parameters import CostParameters
from models.enums import Actor, ChannelMethod, CopyForm, FeeKind, FindingGrade, ItemGroup, TimeUnit
from models.findings import BlockKind, Finding
from models.graph import in_person_visits, procedure_graph
from models.online import online_blocks
from models.procedure import Channel, DossierItem, Fee, Procedure, Step
from models.redesign.changes import Change, RedesignError
from models.redesign.channel_changes import ChangeFee, ChangeTimeLimit, MakeOnline
from models.redesign.comparison import compare
from models.redesign.history import ChangeGroup, Draft
from models.redesign.item_changes import (
    ISSUER_RECORDS,
    AcceptElectronicCopy,
    DropShowOriginal,
    LookupItem,
    RemoveItem,
    item_reference,
)
from models.redesign.kinds import change_from_data
from models.redesign.step_changes import MergeSteps, RemoveStep, RemoveVisit, step_reference
from models.redesign.suggestions import suggest

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sample-catalog.json"
SAMPLES = [Procedure.model_validate(p) for p in json.loads(SAMPLE.read_text(encoding="utf-8"))["procedures"]]
WHY = "Lý do thử nghiệm"


def passport() -> Procedure:
    return Procedure(
        code="2.000001",
        name="Cấp hộ chiếu phổ thông",
        channels=[
            Channel(
                method=ChannelMethod.DIRECT,
                time_limit=8,
                time_unit=TimeUnit.WORKING_DAY,
                fees=[Fee(amount_vnd=200_000)],
            )
        ],
        steps=[
            Step(
                title="Nộp hồ sơ",
                description="Người đề nghị nộp hồ sơ tại cơ quan Công an",
                actor=Actor.APPLICANT,
            ),
            Step(title="Tiếp nhận", description="Cán bộ kiểm tra hồ sơ", actor=Actor.ONE_STOP_DESK),
            Step(title="Giải quyết", description="Cấp hộ chiếu", actor=Actor.HANDLING_AGENCY),
            Step(
                title="Nhận kết quả",
                description="Người đề nghị nhận kết quả trực tiếp",
                actor=Actor.APPLICANT,
            ),
        ],
        items=[
            DossierItem(
                name="Tờ khai đề nghị cấp hộ chiếu", kind="FORM", originals=1, copy_forms=[CopyForm.ORIGINAL]
            ),
            DossierItem(
                name="Bản sao có chứng thực Giấy khai sinh",
                copies=1,
                copy_forms=[CopyForm.CERTIFIED],
            ),
            DossierItem(
                name="Thẻ căn cước", group=ItemGroup.SHOW, originals=1, copy_forms=[CopyForm.ORIGINAL]
            ),
            DossierItem(
                name="Bản sao Sổ hộ khẩu kèm bản chính để đối chiếu",
                copies=1,
                copy_forms=[CopyForm.PLAIN, CopyForm.SHOW_ORIGINAL],
            ),
        ],
    )


def finding(index: int, name: str, grade: FindingGrade, source: str | None) -> Finding:
    return Finding(
        item_index=index,
        item_name=name,
        grade=grade,
        data_source=source,
        explanation=f"{name} có trong {source}",
        legal_basis="Nghị quyết 66.7/2025/NQ-CP",
        fallback="Yêu cầu nộp giấy tờ nếu không tra cứu được.",
    )


def test_removing_an_item_removes_its_node_and_edges_and_one_undo_restores_both() -> None:
    p = passport()
    draft = Draft(p)
    assert ("item:1", "step:0") in draft.graph.edges
    draft.push(ChangeGroup("bỏ", [RemoveItem(**item_reference(p, 1), rationale=WHY)]))
    assert "item:3" not in draft.graph  # four items became three
    assert [n for n in draft.graph if n.startswith("item:")] == ["item:0", "item:1", "item:2"]
    assert draft.graph.nodes["item:1"]["name"] == "Thẻ căn cước"
    draft.undo()
    assert draft.procedure == p
    assert set(draft.graph.edges) == set(procedure_graph(p).edges)
    assert draft.graph.nodes["item:1"]["name"] == "Bản sao có chứng thực Giấy khai sinh"


def test_removing_a_step_removes_its_flow_edges_and_undo_restores_them() -> None:
    p = passport()
    draft = Draft(p)
    draft.push(ChangeGroup("bỏ bước", [RemoveStep(**step_reference(p, 1), rationale=WHY)]))
    flow = [(a, b) for a, b, k in draft.graph.edges(data="kind") if k == "flow"]
    assert flow == [("start", "step:0"), ("step:0", "step:1"), ("step:1", "step:2"), ("step:2", "end")]
    draft.undo()
    assert set(draft.graph.edges) == set(procedure_graph(p).edges)


def test_lookups_from_one_source_share_a_step_that_keeps_the_fallback() -> None:
    p = passport()
    draft = Draft(p)
    changes: list[Change] = [
        LookupItem(
            **item_reference(p, 3),
            data_source="population",
            source_name="CSDL dân cư",
            fallback="Nộp bản sao nếu không tra cứu được.",
            rationale=WHY,
        ),
        LookupItem(
            **item_reference(p, 2), data_source="population", source_name="CSDL dân cư", rationale=WHY
        ),
    ]
    draft.push(ChangeGroup("tra cứu", changes))
    lookups = [s for s in draft.procedure.steps if s.data_source == "population"]
    assert len(lookups) == 1 and lookups[0].actor == Actor.DATA_SYSTEM
    assert draft.procedure.steps.index(lookups[0]) == 2  # right after the one-stop desk received the dossier
    lines = lookups[0].description.split("\n")
    assert lines[1:] == [
        "- Bản sao Sổ hộ khẩu kèm bản chính để đối chiếu",
        "- Thẻ căn cước",
        "Trường hợp không khai thác được: Nộp bản sao nếu không tra cứu được.",
    ]
    assert [i.name for i in draft.procedure.items] == [p.items[0].name, p.items[1].name]
    draft.undo()
    assert draft.procedure == p


def test_accepting_an_electronic_copy_lifts_the_certification_block_and_cost() -> None:
    p = passport()
    draft = Draft(p)
    draft.push(ChangeGroup("bản điện tử", [AcceptElectronicCopy(**item_reference(p, 1), rationale=WHY)]))
    item = draft.procedure.items[1]
    assert item.name == "Bản sao điện tử Giấy khai sinh"
    assert item.copy_forms == [CopyForm.ELECTRONIC] and not item.certified_copy
    before = {b.kind for b in online_blocks(p)}
    after = {b.kind for b in online_blocks(draft.procedure)}
    assert BlockKind.CERTIFIED_PAPER_COPY in before and BlockKind.CERTIFIED_PAPER_COPY not in after
    params = CostParameters()
    c = compare(p, draft.procedure, params)
    assert c.after.annual_vnd < c.before.annual_vnd
    assert [(d.before, d.after) for d in c.items_changed] == [(p.items[1].name, item.name)]


def test_dropping_show_the_original() -> None:
    p = passport()
    draft = Draft(p)
    draft.push(
        ChangeGroup(
            "không đối chiếu",
            [
                DropShowOriginal(**item_reference(p, 3), rationale=WHY),
                DropShowOriginal(**item_reference(p, 2), rationale=WHY),
            ],
        )
    )
    assert [i.name for i in draft.procedure.items] == [p.items[0].name, p.items[1].name, "Bản sao Sổ hộ khẩu"]
    assert draft.procedure.items[2].copy_forms == [CopyForm.PLAIN]
    with pytest.raises(RedesignError, match="does not ask to show"):
        draft.push(
            ChangeGroup("lại", [DropShowOriginal(**item_reference(draft.procedure, 2), rationale=WHY)])
        )


def test_remove_visit_make_online_time_and_fee() -> None:
    p = passport()
    draft = Draft(p)
    assert in_person_visits(p) == 2
    draft.push(ChangeGroup("trực tuyến", [MakeOnline(rationale=WHY)]))
    assert BlockKind.NO_ONLINE_CHANNEL not in {b.kind for b in online_blocks(draft.procedure)}
    assert draft.procedure.full_process_online_declared is True
    draft.push(ChangeGroup("không đến nhận", [RemoveVisit(**step_reference(p, 3), rationale=WHY)]))
    assert draft.procedure.steps[3].in_person is False
    assert BlockKind.PRESENCE not in {b.kind for b in online_blocks(draft.procedure)}
    draft.push(
        ChangeGroup(
            "thời hạn, phí",
            [
                ChangeTimeLimit(time_limit=5, time_unit=TimeUnit.WORKING_DAY, rationale=WHY),
                ChangeFee(channel=1, fee=0, amount_vnd=150_000, fee_kind=FeeKind.CHARGE, rationale=WHY),
            ],
        )
    )
    assert [c.time_limit for c in draft.procedure.channels] == [5, 5]
    assert draft.procedure.channels[1].fee_vnd == 150_000 and draft.procedure.channels[0].fee_vnd == 200_000
    c = compare(p, draft.procedure, CostParameters())
    assert c.before.time_limits == {"WORKING_DAY": 8} and c.after.time_limits == {"WORKING_DAY": 5}
    assert c.after.in_person_visits < c.before.in_person_visits
    for _ in range(3):
        draft.undo()
    assert draft.procedure == p


def test_merging_steps_adds_time_limits_in_one_unit() -> None:
    p = Procedure(
        code="x",
        name="x",
        steps=[
            Step(
                description="Thẩm định",
                time_limit=3,
                time_unit=TimeUnit.WORKING_DAY,
                actor=Actor.HANDLING_AGENCY,
            ),
            Step(
                description="Phê duyệt",
                time_limit=2,
                time_unit=TimeUnit.WORKING_DAY,
                actor=Actor.HANDLING_AGENCY,
            ),
        ],
    )
    draft = Draft(p)
    draft.push(ChangeGroup("gộp", [MergeSteps(**step_reference(p, 0), rationale=WHY)]))
    [merged] = draft.procedure.steps
    assert (merged.description, merged.time_limit) == ("Thẩm định\nPhê duyệt", 5)
    with pytest.raises(RedesignError, match="last step"):
        draft.push(ChangeGroup("gộp", [MergeSteps(**step_reference(draft.procedure, 0), rationale=WHY)]))
    assert draft.procedure.steps == [merged]  # a refused change leaves nothing half done


def test_a_failing_change_leaves_its_group_unapplied() -> None:
    p = passport()
    draft = Draft(p)
    bad = ChangeGroup(
        "nửa chừng",
        [
            RemoveItem(**item_reference(p, 0), rationale=WHY),
            RemoveItem(item=7, item_name="Không có", rationale=WHY),
        ],
    )
    with pytest.raises(RedesignError, match="no longer in the dossier"):
        draft.push(bad)
    assert draft.procedure == p and not draft.done


def test_changes_need_a_rationale() -> None:
    with pytest.raises(ValueError, match="rationale"):
        RemoveItem(item=0, item_name="x", rationale="")


def test_a_single_change_of_a_group_can_be_reverted_and_the_revert_undone() -> None:
    p = passport()
    draft = Draft(p)
    findings = [
        finding(2, "Thẻ căn cước", FindingGrade.REDUNDANT, "population"),
        finding(
            1, "Bản sao có chứng thực Giấy khai sinh", FindingGrade.POTENTIALLY_REDUNDANT, "civil_status"
        ),
    ]
    draft.push(suggest(p, findings, {"population": "CSDL dân cư", "civil_status": "CSDL hộ tịch"}))
    assert [c.seq for c in draft.changes] == [1, 2]
    names_after_both = [i.name for i in draft.procedure.items]
    assert names_after_both == [p.items[0].name, p.items[3].name]
    draft.revert(1, "Giữ lại thẻ căn cước")  # change 1 replaced the ID card (items are changed last to first)
    assert [i.name for i in draft.procedure.items] == [p.items[0].name, "Thẻ căn cước", p.items[3].name]
    assert [s.data_source for s in draft.procedure.steps if s.data_source] == ["civil_status"]
    draft.undo()
    assert [i.name for i in draft.procedure.items] == names_after_both
    draft.undo()
    assert draft.procedure == p


def test_suggestions_carry_the_findings_explanation_legal_basis_and_fallback() -> None:
    p = passport()
    findings = [
        finding(0, p.items[0].name, FindingGrade.REQUIRED, None),
        finding(1, p.items[1].name, FindingGrade.ISSUED_BY_STATE, None),
        finding(2, p.items[2].name, FindingGrade.REDUNDANT, "population"),
    ]
    group = suggest(p, findings, {"population": "Cơ sở dữ liệu quốc gia về dân cư"})
    assert [(c.kind, c.item) for c in group.changes] == [("lookup_item", 2), ("lookup_item", 1)]  # type: ignore[attr-defined]
    population, issued = group.changes
    assert isinstance(population, LookupItem) and isinstance(issued, LookupItem)
    assert population.rationale == "Thẻ căn cước có trong population"
    assert population.legal_basis == "Nghị quyết 66.7/2025/NQ-CP"
    assert population.fallback == "Yêu cầu nộp giấy tờ nếu không tra cứu được."
    assert issued.data_source == ISSUER_RECORDS
    # without a finding for it, the certified birth certificate copy would become an electronic copy
    only_required = suggest(p, findings[:1], {})
    assert [c.kind for c in only_required.changes] == ["accept_electronic_copy"]


def test_a_change_names_what_changed_when_it_no_longer_applies() -> None:
    p = passport()
    stale = RemoveItem(item=1, item_name="Giấy tờ đã bị bỏ", rationale=WHY)
    with pytest.raises(RedesignError, match="“Giấy tờ đã bị bỏ” is no longer in the dossier"):
        Draft(p, [ChangeGroup("cũ", [stale])])


def test_changes_round_trip_through_their_stored_form() -> None:
    p = passport()
    changes: list[Change] = [
        LookupItem(
            **item_reference(p, 2), data_source="population", source_name="CSDL", rationale=WHY, seq=1
        ),
        ChangeFee(channel=0, amount_vnd=None, rationale=WHY, legal_basis="Thông tư", seq=2),
    ]
    for change in changes:
        stored = {
            **change.payload(),
            "kind": change.kind,
            "rationale": change.rationale,
            "legal_basis": change.legal_basis,
            "seq": change.seq,
        }
        assert change_from_data(json.loads(json.dumps(stored))) == change


# --- long random sequences --------------------------------------------------------------------------------------


def _draw_change(data: st.DataObject, p: Procedure) -> Change:
    kinds = ["make_online"]
    if p.items:
        kinds += ["remove_item", "lookup_item"]
        if any(i.group == ItemGroup.SUBMIT for i in p.items):
            kinds.append("accept_electronic_copy")
        if any(i.group == ItemGroup.SHOW or CopyForm.SHOW_ORIGINAL in i.copy_forms for i in p.items):
            kinds.append("drop_show_original")
    if p.steps:
        kinds += ["remove_step", "remove_visit"]
        if len(p.steps) > 1:
            kinds.append("merge_steps")
    if p.channels:
        kinds += ["change_time_limit", "change_fee"]
    kind = data.draw(st.sampled_from(kinds))
    legal = data.draw(st.none() | st.just("Nghị định 45/2020/NĐ-CP"))
    common = {"rationale": data.draw(st.text(min_size=1, max_size=12)), "legal_basis": legal}

    def item(pred=lambda i: True) -> dict:
        choices = [n for n, i in enumerate(p.items) if pred(i)]
        return item_reference(p, data.draw(st.sampled_from(choices)))

    def step(last: bool = True) -> dict:
        return step_reference(p, data.draw(st.integers(0, len(p.steps) - (1 if last else 2))))

    if kind == "remove_item":
        return RemoveItem(**item(), **common)
    if kind == "lookup_item":
        source = data.draw(st.sampled_from(["population", "civil_status", ISSUER_RECORDS]))
        return LookupItem(
            **item(), data_source=source, source_name=source.upper(), fallback="Nộp giấy.", **common
        )
    if kind == "accept_electronic_copy":
        return AcceptElectronicCopy(**item(lambda i: i.group == ItemGroup.SUBMIT), **common)
    if kind == "drop_show_original":
        return DropShowOriginal(
            **item(lambda i: i.group == ItemGroup.SHOW or CopyForm.SHOW_ORIGINAL in i.copy_forms), **common
        )
    if kind == "remove_step":
        return RemoveStep(**step(), **common)
    if kind == "remove_visit":
        return RemoveVisit(**step(), **common)
    if kind == "merge_steps":
        return MergeSteps(**step(last=False), **common)
    channel = data.draw(st.none() | st.integers(0, len(p.channels) - 1))
    if kind == "change_time_limit":
        return ChangeTimeLimit(
            channel=channel,
            time_limit=data.draw(st.integers(0, 60)),
            time_unit=data.draw(st.sampled_from(list(TimeUnit))),
            **common,
        )
    if kind == "change_fee":
        fees = p.channels[channel or 0].fees
        fee = data.draw(st.none() | st.integers(0, len(fees) - 1)) if fees and channel is not None else None
        return ChangeFee(
            channel=channel, fee=fee, amount_vnd=data.draw(st.none() | st.integers(0, 10**6)), **common
        )
    return MakeOnline(**common)


def _stored(group: ChangeGroup) -> ChangeGroup:
    """The group as the workspace would give it back: each change rebuilt from its stored form."""
    return ChangeGroup(
        group.label,
        [
            change_from_data(
                json.loads(
                    json.dumps(
                        {
                            **c.payload(),
                            "kind": c.kind,
                            "rationale": c.rationale,
                            "legal_basis": c.legal_basis,
                            "seq": c.seq,
                        }
                    )
                )
            )
            for c in group.changes
        ],
    )


class RedesignMachine(RuleBasedStateMachine):
    """Random pushes, undos, redos and reverts on the sample procedures."""

    @initialize(index=st.integers(0, len(SAMPLES) - 1))
    def start(self, index: int) -> None:
        self.published = SAMPLES[index].model_copy(deep=True)
        self.published_json = self.published.model_dump_json()
        self.draft = Draft(self.published)

    @rule(data=st.data())
    def push_one(self, data: st.DataObject) -> None:
        change = _draw_change(data, self.draft.procedure)
        # refused before anything changed (e.g. drop_show_original on a copy whose text says nothing)
        with contextlib.suppress(RedesignError):
            self.draft.push(ChangeGroup(change.kind, [change]))

    @rule(data=st.data())
    def push_group(self, data: st.DataObject) -> None:
        p = self.draft.procedure
        if not p.items:
            return
        positions = sorted(
            data.draw(st.sets(st.integers(0, len(p.items) - 1), min_size=1, max_size=4)), reverse=True
        )
        changes: list[Change] = []
        for n in positions:
            ref = item_reference(p, n)
            if data.draw(st.booleans()):
                changes.append(RemoveItem(**ref, rationale=WHY))
            else:
                changes.append(LookupItem(**ref, data_source="population", source_name="CSDL", rationale=WHY))
        self.draft.push(
            ChangeGroup("nhóm", changes)
        )  # changes on distinct items, last to first, always apply

    @precondition(lambda self: bool(self.draft.done))
    @rule()
    def undo(self) -> None:
        self.draft.undo()

    @precondition(lambda self: bool(self.draft.undone))
    @rule()
    def redo(self) -> None:
        self.draft.redo()

    @precondition(lambda self: bool(self.draft.changes))
    @rule(data=st.data())
    def revert(self, data: st.DataObject) -> None:
        seq = data.draw(st.sampled_from([c.seq for c in self.draft.changes]))
        assert seq is not None
        # a later change may depend on it: then the draft is unchanged (checked by the invariants)
        with contextlib.suppress(RedesignError):
            self.draft.revert(seq, WHY)

    @invariant()
    def published_is_never_modified(self) -> None:
        assert self.published.model_dump_json() == self.published_json
        assert self.draft.published.model_dump_json() == self.published_json

    @invariant()
    def the_graph_is_the_working_copys(self) -> None:
        expected = procedure_graph(self.draft.procedure)
        assert set(self.draft.graph.nodes) == set(expected.nodes)
        assert set(self.draft.graph.edges) == set(expected.edges)

    @invariant()
    def replaying_the_stored_changes_gives_the_same_version(self) -> None:
        replayed = Draft(self.published, [_stored(g) for g in self.draft.done])
        assert replayed.procedure == self.draft.procedure

    def teardown(self) -> None:
        while self.draft.done:
            self.draft.undo()
        assert self.draft.procedure.model_dump_json() == self.published_json


RedesignMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_random_sequences_undo_to_the_published_version = RedesignMachine.TestCase
