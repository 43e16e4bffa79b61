"""Stable identities of items and steps: numbered when stored, kept by re-imports and upgrades, named by changes,
findings, comparisons and the editor — so that two items with the same text stay two."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect

from models.cost.parameters import CostParameters
from models.enums import CopyForm, FindingGrade, ItemGroup
from models.findings import Finding
from models.identity import assign_ids, item_changes, next_id, pair_items
from models.json_format import procedure_json
from models.procedure import DossierItem, Procedure, Step
from models.redesign.comparison import compare
from models.redesign.history import ChangeGroup, Draft
from models.redesign.item_changes import AcceptElectronicCopy, LookupItem, RemoveItem, item_reference
from models.redesign.step_changes import RemoveStep, step_reference
from models.redesign.suggestions import suggest
from models.storage.opening import alembic_config
from models.storage.workspace import Workspace
from models.storage.writer import SourceRef, content_hash
from workbench.services.redesign import finding_of

SOURCE = SourceRef("test", "memory")


def procedure(*names: str, steps: tuple[str, ...] = ("Nộp hồ sơ", "Thẩm định", "Trả kết quả")) -> Procedure:
    return Procedure(
        code="1.000001",
        name="Cấp giấy phép",
        items=[DossierItem(name=n, copies=1) for n in names],
        steps=[Step(description=s) for s in steps],
    )


def stored(ws: Workspace, proc: Procedure) -> Procedure:
    ws.store([(proc, SOURCE, "k")])
    return ws.get(proc.code)


def test_a_first_import_numbers_items_and_steps_in_published_order(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        loaded = stored(ws, procedure("Tờ khai", "Bản sao CCCD", "Tờ khai"))
    assert [i.uid for i in loaded.items] == ["I1", "I2", "I3"]
    assert [s.uid for s in loaded.steps] == ["S1", "S2", "S3"]


def test_ids_are_bookkeeping_not_content() -> None:
    plain = procedure("Tờ khai", "Ảnh")
    numbered = assign_ids(plain.model_copy(deep=True))
    assert numbered.items[0].uid == "I1" and plain.items[0].uid is None
    assert content_hash(numbered) == content_hash(plain)  # a re-import of the same text is "unchanged"
    assert procedure_json(numbered) == procedure_json(plain)  # not in the JSON export
    assert numbered == plain  # equal by what they say
    assert DossierItem(name="a", uid="I1") != DossierItem(name="b", uid="I1")


def test_a_re_import_keeps_the_ids_of_parts_published_with_the_same_text(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        stored(ws, procedure("Tờ khai", "Bản sao CCCD", "Ảnh 4x6"))
        again = stored(ws, procedure("Ảnh 4x6", "Giấy khám sức khỏe", "Tờ khai", steps=("Thẩm định", "Nộp")))
    assert [(i.name, i.uid) for i in again.items] == [
        ("Ảnh 4x6", "I3"),
        ("Giấy khám sức khỏe", "I4"),  # new: above every id the procedure had, never I2 again
        ("Tờ khai", "I1"),
    ]
    assert [s.uid for s in again.steps] == ["S2", "S4"]


def test_findings_follow_their_item_through_a_reordering_re_import(tmp_path: Path) -> None:
    """The finding of an item stays on that item when a newer version reorders the dossier, and the finding of an
    item the newer version no longer has is gone (issue 18's "6 of 9 items show another item's grade")."""
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        first = stored(ws, procedure("Tờ khai", "Bản sao CCCD", "Bản sao giấy khai sinh"))
        grades = [FindingGrade.REQUIRED, FindingGrade.REDUNDANT, FindingGrade.POTENTIALLY_REDUNDANT]
        ws.replace_findings(
            {
                first.code: [
                    Finding(item_index=i, item_name=item.name, item_uid=item.uid, grade=grade)
                    for i, (item, grade) in enumerate(zip(first.items, grades, strict=True))
                ]
            }
        )
        stored(ws, procedure("Bản sao giấy khai sinh", "Ảnh", "Tờ khai"))
        found = ws.findings(first.code)
    assert [(f.item_index, f.item_name, f.grade) for f in found] == [
        (0, "Bản sao giấy khai sinh", FindingGrade.POTENTIALLY_REDUNDANT),
        (2, "Tờ khai", FindingGrade.REQUIRED),
    ]


def test_an_older_workspace_gets_ids_in_place_and_its_findings_name_their_items(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Workspace.open(path) as ws:
        first = stored(ws, procedure("Tờ khai", "Bản sao CCCD"))
        ws.replace_findings(
            {first.code: [Finding(item_index=1, item_name="Bản sao CCCD", grade="redundant")]}
        )
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0005")  # the schema before ids
    assert "uid" not in {c["name"] for c in inspect(engine).get_columns("dossier_item")}
    engine.dispose()
    with Workspace.open(path) as upgraded:
        again = upgraded.get(first.code)
        found = upgraded.findings(first.code)
    assert [i.uid for i in again.items] == ["I1", "I2"] and [s.uid for s in again.steps] == ["S1", "S2", "S3"]
    assert [(f.item_uid, f.item_index, f.item_name) for f in found] == [("I2", 1, "Bản sao CCCD")]


def test_two_items_with_the_same_text_keep_their_own_findings_and_changes() -> None:
    published = assign_ids(procedure("Giấy xác nhận", "Tờ khai", "Giấy xác nhận"))
    findings = [
        Finding(item_index=0, item_name="Giấy xác nhận", item_uid="I1", grade="required"),
        Finding(
            item_index=2,
            item_name="Giấy xác nhận",
            item_uid="I3",
            grade="redundant",
            data_source="population",
        ),
    ]
    draft = Draft(published)
    assert finding_of(findings, draft.procedure.items[2]).grade == FindingGrade.REDUNDANT
    assert finding_of(findings, draft.procedure.items[0]).grade == FindingGrade.REQUIRED
    draft.push(ChangeGroup("x", [RemoveItem(**item_reference(draft.procedure, 1), rationale="r")]))
    # the second "Giấy xác nhận" is now at position 1, and still the one the finder graded redundant
    assert finding_of(findings, draft.procedure.items[1]).grade == FindingGrade.REDUNDANT
    draft.push(ChangeGroup("y", [RemoveItem(**item_reference(draft.procedure, 1), rationale="r")]))
    assert [i.uid for i in draft.procedure.items] == ["I1"]
    result = compare(published, draft.procedure, CostParameters())
    assert [d.before for d in result.items_removed] == ["Tờ khai", "Giấy xác nhận"]  # the right one, in order


def test_a_change_names_its_item_by_id_wherever_it_moved() -> None:
    published = assign_ids(procedure("Tờ khai", "Bản sao CCCD", "Ảnh"))
    remove_photo = RemoveItem(**item_reference(published, 2), rationale="r")
    first = RemoveItem(**item_reference(published, 0), rationale="r")
    draft = Draft(published, [ChangeGroup("a", [first]), ChangeGroup("b", [remove_photo])])
    assert [i.name for i in draft.procedure.items] == ["Bản sao CCCD"]
    gone = RemoveItem(item=0, item_name="Tờ khai", uid="I1", rationale="r")
    try:
        ChangeGroup("c", [gone]).redo(draft)
    except Exception as exc:  # the item with that id is no longer there: said, not applied to another item
        assert "no longer in the dossier" in str(exc)
    else:
        raise AssertionError("a change on a removed item applied")
    legacy = RemoveItem.model_validate(
        {"kind": "remove_item", "item": 0, "item_name": "Bản sao CCCD", "rationale": "r"}
    )
    ChangeGroup("d", [legacy]).redo(draft)  # changes stored before ids: position and name, as before
    assert draft.procedure.items == []


def test_a_new_step_never_takes_the_id_of_a_removed_one() -> None:
    published = assign_ids(procedure("Bản sao CCCD"))
    draft = Draft(published)
    draft.push(ChangeGroup("a", [RemoveStep(**step_reference(draft.procedure, 2), rationale="r")]))
    lookup = LookupItem(
        **item_reference(draft.procedure, 0),
        data_source="population",
        source_name="CSDL dân cư",
        rationale="r",
    )
    draft.push(ChangeGroup("b", [lookup]))
    new = [s.uid for s in draft.procedure.steps if s.data_source]
    assert new == ["S4"] and next_id(draft.procedure.steps, "S", published.steps) == "S5"


def test_an_edited_item_is_changed_not_removed_and_added() -> None:
    """A short name rewritten by a change reads less than 60 % alike; by id it is still the same item."""
    published = assign_ids(
        Procedure(
            code="x",
            name="x",
            items=[DossierItem(name="Bản sao chứng thực sổ", copies=1, copy_forms=[CopyForm.CERTIFIED])],
        )
    )
    draft = Draft(published)
    draft.push(ChangeGroup("e", [AcceptElectronicCopy(**item_reference(draft.procedure, 0), rationale="r")]))
    assert draft.procedure.items[0].uid == "I1"
    result = compare(published, draft.procedure, CostParameters())
    assert (len(result.items_changed), result.items_removed, result.items_added) == (1, [], [])
    assert item_changes(published.items, draft.procedure.items) == (["changed"], ["changed"])


def test_versions_never_stored_pair_by_text() -> None:
    a = [DossierItem(name="Tờ khai"), DossierItem(name="Ảnh"), DossierItem(name="Ảnh", group=ItemGroup.SHOW)]
    b = [DossierItem(name="Ảnh", group=ItemGroup.SHOW), DossierItem(name="Tờ khai")]
    assert pair_items(a, b) == {0: 1, 2: 0}


def test_suggestions_match_findings_by_id() -> None:
    published = assign_ids(procedure("Giấy xác nhận", "Giấy xác nhận"))
    findings = [
        Finding(
            item_index=1,
            item_name="Giấy xác nhận",
            item_uid="I2",
            grade="redundant",
            data_source="population",
        )
    ]
    group = suggest(published, findings, {"population": "CSDL dân cư"}, electronic_copies=False)
    assert [(c.item, c.uid) for c in group.changes] == [(1, "I2")]
