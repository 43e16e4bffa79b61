"""The 2021 portal export: every record imports, HTML remnants are gone, unknown fees stay unknown."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import catalog.importing.all_formats  # noqa: F401  (registers every format)
from catalog.errors import CatalogReadError
from catalog.formats.base import RawRecord
from catalog.formats.legacy_2021 import Legacy2021Format, html_text
from catalog.importing.importer import import_paths
from catalog.importing.registry import detect
from models.enums import ChannelMethod, FeeKind, TimeUnit
from models.procedure import Procedure
from models.storage.workspace import Workspace

FMT = Legacy2021Format()
HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[\s/>]|&nbsp;|&#\d+;|&[a-z]+;")


@pytest.fixture
def legacy_file(shared_data: Path) -> Path:
    return shared_data / "legacy-2021" / "portal-2021.json"


@pytest.fixture
def parsed(legacy_file: Path):
    fmt = detect(legacy_file)
    assert fmt.name == "legacy-2021"
    return [fmt.parse(record) for record in fmt.records(legacy_file)]


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    return []


def test_all_87_records_import_with_zero_failures(legacy_file: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite")
    report = import_paths(workspace, [legacy_file])
    assert report.failures == []
    # Two titles repeat: same title, same procedure, so 85 procedures and a duplicate warning for each repeat.
    assert len(report.imported) == 85
    duplicates = [w for w in report.warnings if "was already read from" in w]
    assert len(duplicates) == 2
    assert sum("is derived from the title" in w for w in report.warnings) == 87


def test_counts_are_plausible(parsed) -> None:
    assert len(parsed) == 87
    procedures: list[Procedure] = [p.procedure for p in parsed]
    items = sum(len(p.items) for p in procedures)
    notes = sum(len(p.notes) for p in procedures)
    channels = [c for p in procedures for c in p.channels]
    assert items + notes == 303  # every published component is kept, as an item or as a note
    assert 270 <= items <= 303
    assert len(channels) == 161
    assert {c.method for c in channels} == {ChannelMethod.DIRECT, ChannelMethod.ONLINE, ChannelMethod.POSTAL}
    assert (
        sum(c.time_unit == TimeUnit.WORKING_DAY for c in channels) == 66 + 3 + 1
    )  # plus "Tối đa N ngày làm việc…"
    assert all(p.steps for p in procedures)
    assert sum(len(p.steps) for p in procedures) > 87  # "Bước N" texts are split


def test_no_html_left_in_any_text(parsed) -> None:
    for result in parsed:
        for text in strings(result.procedure.model_dump(mode="json")):
            assert not HTML.search(text), text


def test_unknown_fees_are_unknown_and_free_is_zero(parsed) -> None:
    fees = [f for p in parsed for c in p.procedure.channels for f in c.fees]
    see_details = [f for f in fees if f.note is None]
    assert see_details and all(f.amount_vnd is None for f in see_details)  # "Phí: ĐồngXem chi tiết"
    assert not any("Xem chi tiết" in (f.note or "") for f in fees)
    assert any(f.amount_vnd == 0 for f in fees)  # "Lệ phí: 0 ĐồngXem chi tiết"
    assert {f.kind for f in fees} == {FeeKind.FEE, FeeKind.CHARGE}
    first = parsed[0].procedure  # Đăng ký thường trú: "Phí: ĐồngXem chi tiết" on both channels
    assert [(c.method, c.time_limit, c.time_unit, c.fee_vnd) for c in first.channels] == [
        (ChannelMethod.DIRECT, 7, TimeUnit.WORKING_DAY, None),
        (ChannelMethod.ONLINE, 7, TimeUnit.WORKING_DAY, None),
    ]


def test_first_record_in_detail(parsed) -> None:
    p = parsed[0].procedure
    assert p.name == "Đăng ký thường trú" and p.code.startswith("LEGACY-")
    assert [s.title.split(":")[0] for s in p.steps] == [f"Bước {i}" for i in range(1, 6)]
    assert not p.steps[-1].description.endswith("</p>") and "</p>" not in (p.steps[-1].title or "")
    assert [(i.originals, i.copies, i.template) for i in p.items] == [
        (1, 0, "https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=3fd96e2f8a19e97c"),
        (1, 0, None),  # an empty "?ma=" link is no form file
    ]
    assert p.items[0].kind == "FORM"
    assert p.executing_agencies == ["Công an Xã"]


def test_derived_codes_are_stable_and_distinct(parsed) -> None:
    codes = [p.procedure.code for p in parsed]
    assert len(set(codes)) == 85
    assert all(re.fullmatch(r"LEGACY-[0-9A-F]{10}", c) for c in codes)


def test_html_text_uses_a_parser_for_nested_tags() -> None:
    assert html_text("<div><p>Bước 1:&nbsp;<b>Nộp <i>hồ sơ</i></b></p></div>") == "Bước 1: Nộp hồ sơ"
    assert html_text("a < b và c > d") == "a < b và c > d"


def _record(data: Any) -> RawRecord:
    return RawRecord(Path("legacy.json"), "record 1", data)


def test_a_record_without_title_is_one_clear_sentence() -> None:
    with pytest.raises(CatalogReadError) as info:
        FMT.parse(_record({"title": "  ", "Trình tự thực hiện": "", "Thành phần hồ sơ": []}))
    assert str(info.value) == "legacy.json, record 1: it has no title."


def test_odd_shapes_never_raise_anything_else(tmp_path: Path) -> None:
    records = [
        {
            "title": "Thủ tục A",
            "Trình tự thực hiện": None,
            "Cách thức thực hiện": "x",
            "Thành phần hồ sơ": [1, None],
        },
        {"title": "Thủ tục B", "Cách thức thực hiện": [{"Hình thức nộp": "Fax"}], "Thành phần hồ sơ": [{}]},
        {"title": 3, "Trình tự thực hiện": [], "Thành phần hồ sơ": {}},
    ]
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    fmt = detect(path)
    assert fmt.name == "legacy-2021"
    outcomes = []
    for record in fmt.records(path):
        try:
            outcomes.append(fmt.parse(record).warnings)
        except CatalogReadError as error:
            outcomes.append(str(error))
    assert any("unknown method 'Fax'" in w for w in outcomes[1])
    assert outcomes[2] == f"{path}, record 3: it has no title."
