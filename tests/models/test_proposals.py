"""Proposals stored in a workspace (SQLite and PostgreSQL): replay, undo/redo, who/when, concurrency."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from models.enums import FindingGrade
from models.redesign.changes import ConcurrentEditError, RedesignError
from models.redesign.history import ChangeGroup
from models.redesign.item_changes import RemoveItem, item_reference
from models.redesign.suggestions import suggest
from models.storage.proposals import DEFAULT_PROPOSAL, Proposals
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef, content_hash
from tests.models.test_redesign import finding, passport

SOURCE = SourceRef("test", "memory")


@pytest.fixture
def ws(workspace_target: str):
    with Workspace.open(workspace_target) as workspace:
        workspace.store([(passport(), SOURCE, "k")])
        yield workspace


def _suggestions(p):
    findings = [
        finding(2, "Thẻ căn cước", FindingGrade.REDUNDANT, "population"),
        finding(1, p.items[1].name, FindingGrade.ISSUED_BY_STATE, None),
    ]
    return suggest(p, findings, {"population": "Cơ sở dữ liệu quốc gia về dân cư"})


def test_a_stored_proposal_replays_to_the_same_to_be_version(ws: Workspace) -> None:
    store = Proposals(ws)
    draft = store.open("2.000001")
    assert draft.proposal_id is None and draft.procedure == passport()
    store.push(draft, _suggestions(draft.published), author="cán bộ A")
    again = store.open("2.000001")
    assert again.procedure == draft.procedure
    assert len(again.procedure.items) == 2
    [group] = again.done
    assert group.author == "cán bộ A" and group.created_at is not None
    assert [c.rationale for c in group.changes] == [
        "Thẻ căn cước có trong population",
        f"{passport().items[1].name} có trong None",
    ]
    [info] = store.infos("2.000001")
    assert (info.name, info.changes, info.revision, info.undone_groups) == (DEFAULT_PROPOSAL, 2, 1, 0)


def test_the_published_version_is_never_modified(ws: Workspace) -> None:
    before = content_hash(ws.get("2.000001"))
    store = Proposals(ws)
    draft = store.open("2.000001")
    store.push(draft, _suggestions(draft.published))
    assert content_hash(ws.get("2.000001")) == before


def test_undo_and_redo_are_stored(ws: Workspace) -> None:
    store = Proposals(ws)
    draft = store.open("2.000001", "phương án B")
    store.push(draft, _suggestions(draft.published))
    to_be = draft.procedure.model_copy(deep=True)
    store.undo(draft)
    reopened = store.open("2.000001", "phương án B")
    assert reopened.procedure == passport() and len(reopened.undone) == 1
    store.redo(reopened)
    assert store.open("2.000001", "phương án B").procedure == to_be
    with pytest.raises(RedesignError, match="Nothing to redo"):
        store.redo(reopened)


def test_a_new_change_after_undo_forgets_the_undone_group(ws: Workspace) -> None:
    store = Proposals(ws)
    draft = store.open("2.000001")
    store.push(draft, _suggestions(draft.published))
    store.undo(draft)
    store.push(
        draft, ChangeGroup("bỏ tờ khai", [RemoveItem(**item_reference(draft.procedure, 0), rationale="Thừa")])
    )
    reopened = store.open("2.000001")
    assert not reopened.undone and [c.seq for c in reopened.changes] == [1]
    with ws.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM change")).scalar() == 1


def test_a_single_change_is_reverted_and_stored(ws: Workspace) -> None:
    store = Proposals(ws)
    draft = store.open("2.000001")
    store.push(draft, _suggestions(draft.published))
    store.revert(draft, 1, "Cơ quan chưa kết nối CSDL")
    reopened = store.open("2.000001")
    assert [i.name for i in reopened.procedure.items] == [
        passport().items[0].name,
        "Thẻ căn cước",
        passport().items[3].name,
    ]
    assert reopened.procedure == draft.procedure


def test_the_second_save_of_the_same_proposal_is_refused(ws: Workspace) -> None:
    alice, bob = Proposals(ws), Proposals(ws)
    a = alice.open("2.000001")
    alice.push(
        a, ChangeGroup("bỏ", [RemoveItem(**item_reference(a.procedure, 3), rationale="Thừa")]), author="An"
    )
    b = bob.open("2.000001")  # Bình opens after An's first change
    mine = alice.open("2.000001")
    alice.push(
        mine,
        ChangeGroup("bỏ", [RemoveItem(**item_reference(mine.procedure, 2), rationale="Thừa")]),
        author="An",
    )
    before = b.procedure.model_copy(deep=True)
    with pytest.raises(ConcurrentEditError, match=r"was changed by An at .* since you opened it"):
        bob.push(
            b,
            ChangeGroup("bỏ", [RemoveItem(**item_reference(b.procedure, 0), rationale="Thừa")]),
            author="Bình",
        )
    assert b.procedure == before  # Bình's draft is back to what is stored for him; nothing was overwritten
    stored = alice.open("2.000001")
    assert [i.name for i in stored.procedure.items] == [passport().items[0].name, passport().items[1].name]
    with pytest.raises(ConcurrentEditError):
        bob.undo(b)


def test_applying_to_many_is_all_or_nothing(ws: Workspace) -> None:
    other = passport().model_copy(update={"code": "2.000002"})
    ws.store([(other, SOURCE, "k2")])
    store = Proposals(ws)
    first, second = store.drafts(DEFAULT_PROPOSAL)
    good = ChangeGroup("bỏ", [RemoveItem(**item_reference(first.procedure, 0), rationale="Thừa")])
    bad = ChangeGroup("bỏ", [RemoveItem(item=0, item_name="không có", rationale="Thừa")])
    with pytest.raises(RedesignError):
        store.push_many([(first, good), (second, bad)])
    assert first.procedure == passport() and store.infos() == []


def test_a_proposal_that_no_longer_applies_says_why(ws: Workspace) -> None:
    store = Proposals(ws)
    draft = store.open("2.000001")
    store.push(draft, ChangeGroup("bỏ", [RemoveItem(**item_reference(draft.procedure, 3), rationale="Thừa")]))
    newer = passport()
    del newer.items[3]
    ws.store([(newer, SOURCE, "k")])
    with pytest.raises(RedesignError, match="cannot be replayed: .* re-imported since the proposal was made"):
        store.open("2.000001")


def test_a_refused_save_can_be_merged_on_top_of_the_others_changes(ws: Workspace) -> None:
    alice, bob = Proposals(ws), Proposals(ws)
    a, b = alice.open("2.000001"), bob.open("2.000001")
    alice.push(
        a, ChangeGroup("An bỏ", [RemoveItem(**item_reference(a.procedure, 3), rationale="Thừa")]), author="An"
    )
    mine = ChangeGroup("Bình bỏ", [RemoveItem(**item_reference(b.procedure, 0), rationale="Tờ khai điện tử")])
    with pytest.raises(ConcurrentEditError):
        bob.push(b, mine, author="Bình")
    merged = bob.merge(b, mine, author="Bình")
    names = [i.name for i in merged.procedure.items]
    assert names == [passport().items[1].name, passport().items[2].name]  # both changes, nothing overwritten
    stored = alice.open("2.000001")
    assert stored.procedure == merged.procedure
    assert [(g.author, g.label) for g in stored.done] == [("An", "An bỏ"), ("Bình", "Bình bỏ")]


def test_a_merge_that_no_longer_applies_stores_nothing(ws: Workspace) -> None:
    alice, bob = Proposals(ws), Proposals(ws)
    a, b = alice.open("2.000001"), bob.open("2.000001")
    alice.push(a, ChangeGroup("An bỏ", [RemoveItem(**item_reference(a.procedure, 0), rationale="Thừa")]))
    mine = ChangeGroup("Bình sửa", [RemoveItem(**item_reference(b.procedure, 0), rationale="Thừa")])
    with pytest.raises(RedesignError, match="no longer in the dossier"):
        bob.merge(b, mine)
    assert len(alice.open("2.000001").done) == 1


def test_apply_suggestions_writes_the_whole_catalog_in_chunks(workspace_target: str, monkeypatch) -> None:
    import catalog.pipeline.redesigns as redesigns
    from catalog.importing.importer import import_paths
    from tests.helpers.corpus import SAMPLE

    monkeypatch.setattr(redesigns, "_CHUNK", 4)  # several chunks in the one transaction
    with Workspace.open(workspace_target) as ws:
        import_paths(ws, [SAMPLE], strict=True)
        report = redesigns.apply_suggestions(ws, author="cán bộ")
        assert report.redesigned == 14
        stored = {info.code: info.changes for info in Proposals(ws).infos()}
        assert len(stored) == 14 and sum(stored.values()) == report.changes
