"""List-level records and full records of one procedure complete each other, in either order or in one batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog.formats.base import JsonFormat, Parsed, RawRecord, load_json
from catalog.importing.importer import import_paths
from catalog.importing.registry import FORMATS
from models.procedure import DossierItem, Procedure
from models.storage.workspace import Workspace


class ListJson(JsonFormat):
    """A stand-in list-level format: {"list": [{"code", "name", "field", "agency"}]}."""

    name = "test-list"
    description = "test list"
    partial = True  # every record of this format is list-level

    def accepts(self, document: Any) -> bool:
        return isinstance(document, dict) and "list" in document

    def records(self, path: Path) -> Iterator[RawRecord]:
        for i, row in enumerate(load_json(path)["list"], 1):
            yield RawRecord(path, f"row {i}", row)

    def parse(self, record: RawRecord) -> Parsed:
        row = record.data
        return Parsed(
            Procedure(
                code=row["code"], name=row["name"], field=row["field"], executing_agencies=[row["agency"]]
            )
        )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    FORMATS.insert(0, ListJson())
    listed = tmp_path / "list.json"
    listed.write_text(
        json.dumps(
            {
                "list": [
                    {"code": "1.000001", "name": "Cấp phép", "field": "Xây dựng", "agency": "Sở Xây dựng"}
                ]
            },
            ensure_ascii=False,
        )
    )
    detail = tmp_path / "detail.json"
    detail.write_text(
        json.dumps(
            Procedure(
                code="1.000001",
                name="Cấp giấy phép xây dựng",
                items=[DossierItem(name="Đơn đề nghị", originals=1)],
            ).model_dump(mode="json"),
            ensure_ascii=False,
        )
    )
    yield {"list": listed, "detail": detail}
    FORMATS.pop(0)


@pytest.mark.parametrize("order", [("list", "detail"), ("detail", "list")])
def test_list_and_detail_enrich_each_other_in_either_order(tmp_path: Path, files, order) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        for name in order:
            report = import_paths(ws, [files[name]])
            assert report.failures == []
        p = ws.get("1.000001")
        assert p.name == "Cấp giấy phép xây dựng"  # the detail's name wins
        assert (p.field, p.executing_agencies) == ("Xây dựng", ["Sở Xây dựng"])  # only the list had these
        assert [i.name for i in p.items] == ["Đơn đề nghị"]
        # Importing either again changes nothing.
        for name in order:
            again = import_paths(ws, [files[name]])
            assert (again.imported, again.updated, len(again.unchanged)) == ([], {}, 1)


def test_list_and_detail_in_one_batch_merge_without_a_duplicate_warning(tmp_path: Path, files) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = import_paths(ws, [files["list"], files["detail"]])
        assert report.warnings == [] and report.imported == ["1.000001"]
        p = ws.get("1.000001")
        assert (p.name, p.field, len(p.items)) == ("Cấp giấy phép xây dựng", "Xây dựng", 1)


def test_progress_is_reported_and_cancel_leaves_the_workspace_untouched(tmp_path: Path) -> None:
    from models.jobs import Cancelled

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.json").write_text(
            json.dumps(
                Procedure(
                    code=f"1.00000{n}", name=f"Thủ tục {n}", items=[DossierItem(name="Đơn", originals=1)]
                ).model_dump(mode="json"),
                ensure_ascii=False,
            )
        )
    seen: list[tuple[int, int]] = []
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = import_paths(ws, [folder], progress=lambda done, total: seen.append((done, total)))
        assert seen == [(n, 5) for n in range(1, 6)] and len(report.imported) == 5
        (folder / "9.json").write_text(
            json.dumps(
                Procedure(code="1.000009", name="Mới", items=[]).model_dump(mode="json"), ensure_ascii=False
            )
        )
        for workers in (1, 2):  # parsed here, or by a pool of processes that the cancel stops too
            calls = iter([False, False, True])
            with pytest.raises(Cancelled, match="not changed"):
                import_paths(ws, [folder], cancelled=lambda calls=calls: next(calls, True), workers=workers)
            assert "1.000009" not in ws.codes() and ws.count() == 5
        pooled = import_paths(ws, [folder], workers=2)
        assert pooled.imported == ["1.000009"] and len(pooled.unchanged) == 5
