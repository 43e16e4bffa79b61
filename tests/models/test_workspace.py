"""Workspace storage: round trips, batches, schema versions — on SQLite and, when a server is there, PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text
from sqlmodel import SQLModel

from models.enums import (
    Actor,
    ChannelMethod,
    CopyForm,
    FeeKind,
    ItemGroup,
    ItemKind,
    Level,
    ProcedureStatus,
    TimeUnit,
)
from models.errors import NewerWorkspaceError, ProcedureNotFound, WorkspaceError
from models.procedure import Channel, DossierItem, Fee, LegalReference, Note, Procedure, Result, Step
from models.storage.opening import HEAD, alembic_config
from models.storage.workspace import Workspace
from models.storage.writer import Outcome, SourceRef, content_hash
from models.tables import ImportBatchRow

SOURCE = SourceRef("test", "memory")


def rich_procedure(code: str = "1.001193") -> Procedure:
    """Every field set, with the awkward values real data has (NFC Vietnamese, 0 vs unknown, fractions)."""
    return Procedure(
        code=code,
        name="Thủ tục đăng ký khai sinh",
        description="Mô tả",
        levels=[Level.COMMUNE, Level.DISTRICT_HISTORICAL],
        field="Hộ tịch",
        issuing_body="Bộ Tư pháp",
        competent_authorities=["Ủy ban nhân dân cấp xã"],
        executing_agencies=["Ủy ban nhân dân cấp xã", "Trung tâm Phục vụ hành chính công"],
        authorised_agencies=[],
        coordinating_agencies=["Công an cấp xã"],
        subjects=["Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài"],
        receiving_address="Trung tâm Phục vụ hành chính công cấp xã",
        requirements=["Không có"],
        announcement_decision="1872/QĐ-BTP",
        announcement_date=dt.date(2025, 7, 1),
        announcement_issuer="Bộ Tư pháp",
        status=ProcedureStatus.AMENDED,
        is_local_specific=False,
        full_process_online_declared=False,
        related_codes=["1.004884"],
        channels=[
            Channel(
                method=ChannelMethod.DIRECT,
                time_limit=1,
                time_unit=TimeUnit.WORKING_DAY,
                time_note="Sau 15 giờ thì trả trong ngày làm việc tiếp theo",
                fees=[
                    Fee(kind=FeeKind.CHARGE, amount_vnd=0, note="Miễn lệ phí"),
                    Fee(kind=FeeKind.FEE, amount_vnd=8000, note="Phí cấp bản sao: 8.000 đồng/bản"),
                ],
            ),
            Channel(
                method=ChannelMethod.ONLINE,
                time_limit=0.5,
                time_unit=TimeUnit.DAY,
                fees=[Fee(kind=FeeKind.FEE)],
            ),
            Channel(method=ChannelMethod.POSTAL),
        ],
        steps=[
            Step(title="Nộp hồ sơ", description="Người yêu cầu nộp hồ sơ", actor=Actor.APPLICANT),
            Step(
                title="Giải quyết",
                description="Công chức tư pháp - hộ tịch ghi sổ\nvà trình ký",
                actor=Actor.HANDLING_AGENCY,
                time_text="01 ngày làm việc",
                time_limit=1,
                time_unit=TimeUnit.WORKING_DAY,
            ),
        ],
        items=[
            DossierItem(
                name="- Tờ khai đăng ký khai sinh theo mẫu;",
                name_normalized="Tờ khai đăng ký khai sinh theo mẫu",
                kind=ItemKind.FORM,
                originals=1,
                copies=0,
                copy_forms=[CopyForm.ORIGINAL],
                template="TK.docx",
            ),
            DossierItem(
                name="Bản sao có chứng thực giấy chứng sinh (nếu có)",
                group=ItemGroup.SUBMIT,
                originals=0,
                copies=1,
                copy_forms=[CopyForm.CERTIFIED],
                condition="nếu có",
                source_code="KQ1",
            ),
            DossierItem(
                name="Căn cước công dân",
                group=ItemGroup.SHOW,
                originals=1,
                copy_forms=[CopyForm.SHOW_ORIGINAL],
            ),
        ],
        notes=[Note(text="Trường hợp ... thì không phải nộp", heading="* Lưu ý:")],
        results=[Result(name="Giấy khai sinh", code="KQ.G15.000031")],
        legal_basis=[
            LegalReference(
                title="Luật Hộ tịch", number="60/2014/QH13", date=dt.date(2014, 11, 20), issuer="Quốc hội"
            )
        ],
    )


@pytest.fixture
def ws(workspace_target: str):
    with Workspace.open(workspace_target) as workspace:
        yield workspace


def test_a_new_workspace_is_at_the_latest_schema(ws: Workspace) -> None:
    assert ws.schema_revision == HEAD
    assert ws.count() == 0


def test_round_trip_keeps_every_field(ws: Workspace) -> None:
    original = rich_procedure()
    [result] = ws.store([(original, SOURCE, "key")])
    assert result.outcome is Outcome.IMPORTED
    loaded = ws.get("1.001193")
    assert loaded == original
    assert loaded.model_dump_json() == original.model_dump_json()
    assert content_hash(loaded) == content_hash(original)
    assert loaded.channels[0].fee_vnd == 8000 and loaded.channels[1].fee_vnd is None
    assert loaded.items[1].certified_copy and not loaded.items[0].certified_copy


def test_storing_the_same_content_again_writes_nothing(ws: Workspace) -> None:
    ws.store([(rich_procedure(), SOURCE, "key")])
    with ws.engine.connect() as conn:
        batches = conn.scalar(select(func.count()).select_from(ImportBatchRow))
    [result] = ws.store([(rich_procedure(), SOURCE, "key")])
    assert result.outcome is Outcome.UNCHANGED
    with ws.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ImportBatchRow)) == batches


def test_a_newer_version_updates_and_records_what_changed(ws: Workspace) -> None:
    ws.store([(rich_procedure(), SOURCE, "key")])
    newer = rich_procedure()
    newer.items.pop(1)
    newer.channels[0].time_limit = 3
    [result] = ws.store([(newer, SOURCE, "key")])
    assert result.outcome is Outcome.UPDATED
    assert result.changed_fields == ["channels", "items"]
    assert ws.get("1.001193") == newer
    [history] = ws.change_history("1.001193")
    assert history["changed_fields"] == ["channels", "items"]
    assert len(history["previous"]["items"]) == 3
    assert history["previous_hash"] == content_hash(rich_procedure())


def test_a_failed_batch_leaves_the_workspace_as_it_was(ws: Workspace) -> None:
    ws.store([(rich_procedure("1.000001"), SOURCE, "a")])
    with pytest.raises(RuntimeError), ws.importing() as writer:
        writer.store([(rich_procedure("1.000002"), SOURCE, "b")])
        raise RuntimeError("the import failed half way")
    assert ws.codes() == ["1.000001"]


def test_summaries_count_items_notes_and_steps_without_loading_procedures(ws: Workspace) -> None:
    ws.store(
        [(rich_procedure("2.000002"), SOURCE, "b"), (Procedure(code="1.000001", name="Ít"), SOURCE, "a")]
    )
    first, second = ws.summaries()
    assert (first.code, first.items_to_submit, first.notes) == ("1.000001", 0, 0)
    assert (second.items_to_submit, second.items_to_show, second.notes, second.steps) == (2, 1, 1, 2)
    assert second.levels == ["COMMUNE", "DISTRICT_HISTORICAL"]


def test_missing_codes_are_named(ws: Workspace) -> None:
    ws.store([(rich_procedure(), SOURCE, "k")])
    with pytest.raises(ProcedureNotFound, match="9.999999"):
        ws.get("9.999999")
    with pytest.raises(ProcedureNotFound, match="9.999999"):
        list(ws.procedures(["1.001193", "9.999999"]))


def test_the_migrations_create_exactly_the_model_schema(ws: Workspace) -> None:
    with ws.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    assert diff == []


def _workspace_at_revision(target: str, revision: str) -> None:
    engine = create_engine(target if "://" in target else f"sqlite:///{target}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    engine.dispose()


def _workspace_downgraded(target: str, revision: str) -> None:
    engine = create_engine(target if "://" in target else f"sqlite:///{target}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    engine.dispose()


def test_an_older_workspace_is_upgraded_and_keeps_its_data(workspace_target: str) -> None:
    stepless = rich_procedure().model_copy(update={"steps": []})
    with Workspace.open(workspace_target) as ws:
        ws.store([(stepless, SOURCE, "k")])
    _workspace_downgraded(
        workspace_target, "0003"
    )  # what a workspace of 0003 held (steps gained columns since)
    with Workspace.open(workspace_target) as upgraded:
        assert upgraded.schema_revision == HEAD
        assert upgraded.get("1.001193") == stepless
        with upgraded.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM proposal")).scalar() == 0


def test_the_oldest_workspace_is_upgraded_to_the_latest(workspace_target: str) -> None:
    _workspace_at_revision(workspace_target, "0001")
    with Workspace.open(workspace_target) as upgraded:
        assert upgraded.schema_revision == HEAD
        upgraded.store([(rich_procedure(), SOURCE, "k")])
        assert upgraded.get("1.001193") == rich_procedure()


def test_a_newer_workspace_is_refused_with_a_clear_error(workspace_target: str) -> None:
    Workspace.open(workspace_target).close()
    engine = create_engine(workspace_target if "://" in workspace_target else f"sqlite:///{workspace_target}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(NewerWorkspaceError, match=r"newer version of TTHC Workbench \(schema 0099"):
        Workspace.open(workspace_target)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Ghi chú, không phải cơ sở dữ liệu")
    before = _digest(path)
    with pytest.raises(WorkspaceError, match="not a TTHC workspace"):
        Workspace.open(path)
    assert _digest(path) == before


def test_another_applications_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    before = _digest(path)
    with pytest.raises(WorkspaceError, match="not a TTHC workspace .*customers"):
        Workspace.open(path)
    assert _digest(path) == before


def test_missing_workspace_and_missing_folder_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "none.sqlite", create=False)
    with pytest.raises(WorkspaceError, match="folder .* does not exist"):
        Workspace.open(tmp_path / "no" / "such" / "w.sqlite")
    with pytest.raises(WorkspaceError, match="is a folder"):
        Workspace.open(tmp_path)
    assert not (tmp_path / "none.sqlite").exists()


def test_an_unreachable_server_is_one_sentence() -> None:
    with pytest.raises(WorkspaceError, match="Cannot open workspace"):
        Workspace.open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
