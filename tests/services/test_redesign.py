"""The redesign service: each single change, built with the finder's reasons, stored at once, refused in one
sentence where it does not apply; apply suggestions; undo, redo and revert."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.enums import ChannelMethod, CopyForm, FeeKind, TimeUnit
from models.redesign.changes import RedesignError
from models.redesign.suggestions import ELECTRONIC_COPY_BASIS, ELECTRONIC_COPY_RATIONALE
from models.storage.proposals import Proposals
from models.storage.workspace import Workspace
from tests.helpers.workspaces import DEMANDING, ISSUER, SAMPLE_CATALOG
from workbench.services import redesign
from workbench.services.importing import import_files

RECORD = (
    "3.000333"  # judicial record: a certified ID card copy (population), an ID card shown, an online channel
)
DEATH = "1.000656"  # death registration: not offered online
ID_COPY, ID_SHOWN, FORM = 1, 5, 0  # item positions in RECORD, from 0


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("redesign") / "sample.sqlite"
    with Workspace.open(path) as ws:
        import_files(ws, [SAMPLE_CATALOG])
    return path


@pytest.fixture
def ws(sample_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / "sample.sqlite"
    copy.write_bytes(sample_file.read_bytes())
    with Workspace.open(copy, create=False) as workspace:
        yield workspace


def reopened(ws: Workspace, code: str = RECORD) -> redesign.OpenProposal:
    return redesign.open_proposal(ws, code)


def test_an_item_change_takes_the_finders_legal_basis_unless_told_otherwise(ws: Workspace) -> None:
    proposal = reopened(ws)
    finding = proposal.finding_of(proposal.procedure.items[ID_COPY])
    assert finding is not None and finding.data_source == "population" and finding.legal_basis
    assert redesign.reasons(proposal, "remove_item", ID_COPY) == redesign.Reasons(
        finding.explanation, finding.legal_basis
    )
    group = redesign.remove_item(proposal, ID_COPY, "  Đã có trong CSDL dân cư. ")
    [change] = reopened(ws).draft.changes
    assert group.label == change.describe() and change.kind == "remove_item"
    assert (change.rationale, change.legal_basis) == ("Đã có trong CSDL dân cư.", finding.legal_basis)
    redesign.remove_item(reopened(ws), FORM, "Mẫu không cần.", None)  # None: no legal basis
    assert reopened(ws).draft.changes[-1].legal_basis is None
    assert len(reopened(ws).procedure.items) == 4


def test_a_lookup_uses_the_findings_source_and_fallback_or_the_one_named(ws: Workspace) -> None:
    proposal = reopened(ws)
    finding = proposal.finding_of(proposal.procedure.items[ID_COPY])
    redesign.lookup_item(proposal, ID_COPY, "Tra cứu CSDL dân cư.")
    change = reopened(ws).draft.changes[0]
    assert (change.data_source, change.fallback) == ("population", finding.fallback)
    assert any(step.data_source == "population" for step in reopened(ws).procedure.steps)
    with pytest.raises(RedesignError, match="names no data source: say which one"):
        redesign.lookup_item(reopened(ws), FORM, "Không có nguồn.")
    redesign.lookup_item(reopened(ws), FORM, "Bảo hiểm xã hội.", data_source="insurance")
    named = reopened(ws).draft.changes[-1]
    assert named.data_source == "insurance" and "Cơ sở dữ liệu" in (named.fallback or "")
    assert named.legal_basis == next(s.legal_basis for s in proposal.context.registry if s.id == "insurance")
    with pytest.raises(RedesignError, match="No data source nowhere in the registry"):
        redesign.lookup_item(reopened(ws), 0, "x", data_source="nowhere")


def test_a_state_issued_item_is_looked_up_in_the_issuers_records(licence_ws: Workspace) -> None:
    proposal = redesign.open_proposal(licence_ws, DEMANDING)
    redesign.lookup_item(proposal, 0, "Tra cứu giấy phép đã cấp.")
    change = redesign.open_proposal(licence_ws, DEMANDING).draft.changes[0]
    assert (change.data_source, change.issuing_procedure) == ("issuer_records", ISSUER)


def test_copies_and_originals(ws: Workspace) -> None:
    proposal = reopened(ws)
    assert redesign.reasons(proposal, "accept_electronic_copy", ID_COPY) == redesign.Reasons(
        ELECTRONIC_COPY_RATIONALE, ELECTRONIC_COPY_BASIS
    )
    with pytest.raises(RedesignError, match="is shown, not handed in"):
        redesign.accept_electronic_copy(proposal, ID_SHOWN, "x")
    redesign.accept_electronic_copy(proposal, ID_COPY, "Nhận bản sao điện tử.")
    assert CopyForm.ELECTRONIC in reopened(ws).procedure.items[ID_COPY].copy_forms
    assert reopened(ws).draft.changes[0].legal_basis == ELECTRONIC_COPY_BASIS
    with pytest.raises(RedesignError, match="does not ask to show an original"):
        redesign.drop_show_original(reopened(ws), FORM, "x")
    redesign.drop_show_original(reopened(ws), ID_SHOWN, "Tra cứu thay xuất trình.")
    assert len(reopened(ws).procedure.items) == 5


def test_steps_merge_go_and_stop_being_visits(ws: Workspace) -> None:
    proposal = reopened(ws)
    steps = len(proposal.procedure.steps)
    with pytest.raises(RedesignError, match="is the last step"):
        redesign.merge_steps(proposal, steps - 1, "x")
    with pytest.raises(RedesignError, match="is not an in-person visit"):
        redesign.remove_visit(proposal, 2, "x")  # the agency looks data up
    redesign.remove_visit(proposal, 0, "Nộp trực tuyến qua VNeID.")
    assert reopened(ws).procedure.steps[0].in_person is False
    redesign.merge_steps(reopened(ws), 0, "Một bước tiếp nhận.")
    redesign.remove_step(reopened(ws), 0, "Không cần.")
    assert len(reopened(ws).procedure.steps) == steps - 2
    assert [c.kind for c in reopened(ws).draft.changes] == ["remove_visit", "merge_steps", "remove_step"]


def test_time_limits_fees_and_online(ws: Workspace) -> None:
    proposal = reopened(ws)
    redesign.change_time_limit(proposal, 5, "Rút ngắn.", channel=1)
    assert reopened(ws).procedure.channels[1].time_limit == 5
    assert reopened(ws).draft.changes[0].time_unit == proposal.procedure.channels[1].time_unit  # its own unit
    redesign.change_time_limit(reopened(ws), 3, "Rút ngắn.", unit=TimeUnit.WORKING_DAY)
    assert {c.time_unit for c in reopened(ws).procedure.channels} == {TimeUnit.WORKING_DAY}
    published = reopened(ws).procedure.channels[0].fees[0]
    redesign.change_fee(reopened(ws), 100_000, "Giảm phí.", channel=0, fee=0)
    fee = reopened(ws).procedure.channels[0].fees[0]
    assert (fee.amount_vnd, fee.kind) == (100_000, published.kind)  # the changed fee keeps its kind
    redesign.change_fee(reopened(ws), None, "Phí mới chưa rõ.")
    assert all(
        c.fees[-1].amount_vnd is None and c.fees[-1].kind == FeeKind.FEE
        for c in reopened(ws).procedure.channels
    )
    with pytest.raises(RedesignError, match="has no fee 9"):
        redesign.change_fee(reopened(ws), 1, "x", channel=0, fee=8)
    with pytest.raises(RedesignError, match="has no channel 7"):
        redesign.change_time_limit(reopened(ws), 1, "x", channel=6)
    with pytest.raises(RedesignError, match="already offered full-process online"):
        redesign.make_online(reopened(ws), "x")
    death = reopened(ws, DEATH)
    redesign.make_online(death, "Trực tuyến toàn trình.")
    assert ChannelMethod.ONLINE in {c.method for c in reopened(ws, DEATH).procedure.channels}


def test_mistakes_are_one_sentence_and_change_nothing(ws: Workspace) -> None:
    proposal = reopened(ws)
    with pytest.raises(RedesignError, match=r"has no item 9: its items are numbered 1 to 6, as tthc show"):
        redesign.remove_item(proposal, 8, "x")
    with pytest.raises(RedesignError, match="has no step 9"):
        redesign.remove_step(proposal, 8, "x")
    with pytest.raises(RedesignError, match="Say why"):
        redesign.remove_item(proposal, 0, "  ")
    assert Proposals(ws).infos(RECORD) == []  # nothing stored


def test_suggestions_store_the_findings_they_come_from_then_undo_redo_revert(ws: Workspace) -> None:
    proposal = reopened(ws)
    assert not proposal.analysis.stored and ws.findings(RECORD) == []
    group = redesign.apply_suggestions(proposal)
    assert group.changes and proposal.analysis.stored and ws.findings(RECORD)
    with pytest.raises(RedesignError, match="suggests nothing more"):
        redesign.apply_suggestions(reopened(ws))
    assert redesign.undo(reopened(ws)).label == group.label
    assert reopened(ws).draft.changes == []
    redesign.redo(reopened(ws))
    first = reopened(ws).draft.changes[0]
    redesign.revert(reopened(ws), first.seq, "Giữ lại giấy tờ này.")
    assert first.seq not in [c.seq for c in reopened(ws).draft.changes]
    comparison = redesign.comparison(reopened(ws))
    assert comparison.code == RECORD and comparison.changes


def test_a_group_is_made_undone_or_in_effect_by_its_seq_and_only_when_it_is_at_the_top(ws: Workspace) -> None:
    """What an undo stack's commands ask: each names its group; the core moves it, finds it already moved, or says
    the history shown is not the stored one."""
    made: list[int] = []
    proposal = redesign.open_proposal(ws, RECORD)
    proposal.on_change = lambda group: made.append(group.seq)
    first = redesign.remove_item(proposal, FORM, "Mẫu không cần.").seq
    second = redesign.remove_item(proposal, FORM, "Tờ khai điện tử.").seq
    assert made == [first, second] and first is not None and second is not None

    def revision() -> int:
        return Proposals(ws).infos(RECORD)[0].revision

    before = revision()
    assert redesign.redo_group(reopened(ws), second) is None  # in effect: nothing done, nothing stored
    with pytest.raises(RedesignError, match="is not the one stored"):
        redesign.undo_group(reopened(ws), first)  # a later group is in effect
    assert revision() == before
    assert redesign.undo_group(reopened(ws), second).seq == second
    assert redesign.undo_group(reopened(ws), second) is None  # undone already
    with pytest.raises(RedesignError, match="is not the one stored"):
        redesign.redo_group(reopened(ws), first + second + 1)  # no such group to redo
    assert redesign.redo_group(reopened(ws), second).seq == second
    assert [g.seq for g in reopened(ws).draft.done] == [first, second] and revision() == before + 2


def test_a_named_proposal_must_exist_when_asked(ws: Workspace) -> None:
    with pytest.raises(RedesignError, match="has no proposal named “khác”"):
        redesign.open_proposal(ws, RECORD, "khác", must_exist=True)
    redesign.make_online(redesign.open_proposal(ws, DEATH, "khác"), "Thử phương án khác.")
    assert redesign.open_proposal(ws, DEATH, "khác", must_exist=True).draft.changes
