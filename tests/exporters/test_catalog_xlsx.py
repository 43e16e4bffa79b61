"""The catalog as the workbench's Excel template: it imports back to equal procedures, looks like the template, keeps
imported text as text, streams with progress and cancel, and leaves no partial file behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from catalog.importing.importer import ImportReport, import_paths
from catalog.importing.registry import detect
from exporters.excel.catalog_book import write_catalog_xlsx
from models.enums import CopyForm
from models.jobs import Cancelled
from models.procedure import DossierItem, Procedure, Step
from models.redesign.item_changes import ISSUER_RECORDS
from models.sources import load_registry
from models.storage.workspace import Workspace
from models.template import ENUM, ENUM_LIST, PROCEDURES, README_SHEET, STEPS, TABLES
from models.vocabulary import ENUM_LABELS
from tests.catalog.test_template import sample as every_kind_of_cell
from tests.exporters.test_cost_xlsx import cost_inputs
from tests.helpers.corpus import portal_pages, sample_procedures


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[Procedure]:
    return sample_procedures(tmp_path_factory.mktemp("sample"))


def round_trip(procedures: list[Procedure], folder: Path) -> tuple[dict[str, Procedure], ImportReport]:
    """Export ``procedures``, import the workbook into a fresh workspace, and read them back by code."""
    path = folder / "catalog.xlsx"
    assert write_catalog_xlsx(procedures, path) == len(procedures)
    assert detect(path).name == "template-xlsx"
    with Workspace.open(folder / "back.sqlite") as workspace:
        report = import_paths(workspace, [path], strict=True)
        return {p.code: p for p in workspace.procedures()}, report


def assert_equal_procedures(original: list[Procedure], back: dict[str, Procedure]) -> None:
    assert sorted(back) == sorted(p.code for p in original)
    different = [p.code for p in original if back[p.code] != p]
    assert different == [], f"{len(different)} procedures differ after the round trip, e.g. {different[:5]}"


def test_the_sample_workspace_imports_back_to_equal_procedures(
    sample: list[Procedure], tmp_path: Path
) -> None:
    back, report = round_trip(sample, tmp_path)
    assert report.failures == [] and report.warnings == []
    assert_equal_procedures(sample, back)


def test_redesigned_versions_keep_their_lookup_and_remote_steps(
    sample: list[Procedure], tmp_path: Path
) -> None:
    to_be = [row.to_be or row.procedure for row in cost_inputs(sample, ("population", "civil_status"))]
    steps = [step for p in to_be for step in p.steps]
    assert {s.data_source for s in steps} >= {"population", "civil_status", ISSUER_RECORDS}
    assert any(s.in_person is False for s in steps)

    back, report = round_trip(to_be, tmp_path)
    assert report.failures == [] and report.warnings == []
    assert_equal_procedures(to_be, back)


def test_every_kind_of_cell_is_written_as_the_template_says(tmp_path: Path) -> None:
    procedure = every_kind_of_cell()
    procedure.steps[0].in_person = True
    procedure.steps[1].data_source = "population"
    back, _ = round_trip([procedure], tmp_path)
    assert back[procedure.code] == procedure

    book = openpyxl.load_workbook(tmp_path / "catalog.xlsx")
    row = {c.key: cell for c, cell in zip(PROCEDURES.columns, book["Procedures"][2], strict=True)}
    assert (row["code"].value, row["code"].data_type) == ("1.004220", "s")  # text: the trailing zero stays
    assert row["levels"].value == "Cấp tỉnh\nCấp xã"
    assert row["status"].value == "Sửa đổi, bổ sung"
    assert row["announcement_date"].value == dt.datetime(2024, 3, 15)
    assert row["announcement_date"].number_format == "dd/mm/yyyy"
    assert row["is_local_specific"].value is True and row["full_process_online_declared"].value is False
    assert row["related_codes"].value == "1.000001\n2.000002"
    fees = [[c.value for c in r] for r in book["Fees"].iter_rows(min_row=2)]
    assert fees[:2] == [
        ["1.004220", 1, "Lệ phí", 150000, "Giảm 50% đến hết năm"],
        ["1.004220", 1, "Phí", None, None],  # unknown stays blank, never 0
    ]
    steps = {c.key: i for i, c in enumerate(STEPS.columns)}
    step_rows = [[c.value for c in r] for r in book["Steps"].iter_rows(min_row=2)]
    assert step_rows[0][steps["in_person"]] is True and step_rows[1][steps["data_source"]] == "population"


def test_each_sheet_has_its_header_frozen_filtered_and_validated(
    sample: list[Procedure], tmp_path: Path
) -> None:
    path = tmp_path / "catalog.xlsx"
    write_catalog_xlsx(sample, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [README_SHEET, *(t.sheet for t in TABLES)]
    lists = {name: book.defined_names[name] for name in book.defined_names}
    for table in TABLES:
        sheet = book[table.sheet]
        headers = [c.value for c in sheet[1]]
        assert headers == [c.vi for c in table.columns]
        assert all(c.font.b for c in sheet[1])
        assert sheet.freeze_panes == ("C2" if table is PROCEDURES else "B2")
        assert (
            sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}{max(sheet.max_row, 2)}"
        )
        validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
        for index, column in enumerate(table.columns, start=1):
            letter = sheet.cell(1, index).column_letter
            found = validations.get(f"{letter}2:{letter}1048576")
            if column.enum is None and column.key != "data_source":
                assert found is None, f"{table.sheet}.{column.key}"
                continue
            assert found is not None and found.type == "list", f"{table.sheet}.{column.key} has no list"
            assert found.errorStyle == ("stop" if column.kind == ENUM else "information")
            assert found.formula1 in lists
        for column in table.columns:  # codes typed into new rows stay text too
            if column.kind == "code":
                index = table.columns.index(column) + 1
                assert sheet.column_dimensions[sheet.cell(1, index).column_letter].number_format == "@"

    def offered(name: str) -> list[str]:
        ((sheet, ref),) = list(lists[name].destinations)
        return [c.value for row in book[sheet][ref] for c in row]

    assert offered("list_Level") == ["Cấp bộ", "Cấp tỉnh", "Cấp xã", "Cơ quan khác"]  # no district since 2025
    assert offered("list_TimeUnit") == ["Ngày làm việc", "Ngày", "Giờ", "Tháng", "Khác"]
    assert offered("list_CopyForm") == [labels[0] for labels in ENUM_LABELS[CopyForm].values()]
    assert offered("list_DataSource") == [s.id for s in load_registry()] + [ISSUER_RECORDS]


def test_the_readme_explains_every_sheet_and_column_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    write_catalog_xlsx([], path)
    rows = [[c for c in row if c is not None] for row in openpyxl.load_workbook(path)[README_SHEET].values]
    text = "\n".join(" | ".join(str(c) for c in row) for row in rows)
    assert "Mẫu danh mục thủ tục hành chính" in text
    for table in TABLES:
        assert [table.sheet, table.sheet_vi] == rows[[r[:1] for r in rows].index([table.sheet])][:2]
        for column in table.columns:
            described = [r for r in rows if r[:2] == [table.sheet, column.vi]]
            assert len(described) == 1, f"{table.sheet}.{column.key} is not described once"
            assert column.key in described[0]
            if column.kind in (ENUM, ENUM_LIST):
                assert column.enum is not None
                assert all(labels[0] in described[0][-1] for labels in ENUM_LABELS[column.enum].values())
    assert "không phải miễn phí" in text and "Alt+Enter" in text and "1.004220" in text


def test_imported_text_is_written_as_text_never_as_a_formula(tmp_path: Path) -> None:
    procedure = Procedure(
        code="1.000001",
        name='=HYPERLINK("http://x","y")',
        description="=1+1",
        subjects=["@SUM(A1)"],
        steps=[Step(description="-1+2 bước")],
        items=[DossierItem(name=n, name_normalized=n) for n in ("+1-2", "@SUM(A1)", "- Bản sao CCCD")],
    )
    back, report = round_trip([procedure], tmp_path)
    assert back[procedure.code] == procedure and report.warnings == []

    book = openpyxl.load_workbook(tmp_path / "catalog.xlsx")
    name = book["Procedures"]["B2"]
    assert (name.value, name.data_type, name.quotePrefix) == ('=HYPERLINK("http://x","y")', "s", True)
    items = [r[2] for r in book["Items"].iter_rows(min_row=2)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in items] == [
        ("+1-2", "s", True),
        ("@SUM(A1)", "s", True),
        ("- Bản sao CCCD", "s", True),
    ]
    formulas = [
        c.coordinate for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []


def test_characters_xml_cannot_carry_are_dropped_not_fatal(tmp_path: Path) -> None:
    procedure = Procedure(code="1.000002", name="Thủ tục\x07 có ký tự điều khiển\x1b", field="Hộ\x00 tịch")
    path = tmp_path / "catalog.xlsx"
    write_catalog_xlsx([procedure], path)
    row = [c.value for c in openpyxl.load_workbook(path)["Procedures"][2]]
    assert row[1] == "Thủ tục có ký tự điều khiển" and row[4] == "Hộ tịch"


def _many(count: int) -> list[Procedure]:
    return [
        Procedure(code=f"9.{i:06d}", name=f"Thủ tục {i}", items=[DossierItem(name="Tờ khai")])
        for i in range(count)
    ]


def test_progress_is_reported_while_procedures_stream(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    assert write_catalog_xlsx(_many(250), tmp_path / "a.xlsx", lambda d, t: calls.append((d, t))) == 250
    assert calls == [(100, 250), (200, 250), (250, 250)]

    calls.clear()
    streamed = (p for p in _many(150))  # a generator: the count comes from ``total``, or is unknown (0)
    write_catalog_xlsx(streamed, tmp_path / "b.xlsx", lambda d, t: calls.append((d, t)), total=150)
    assert calls == [(100, 150), (150, 150)]
    calls.clear()
    write_catalog_xlsx((p for p in _many(120)), tmp_path / "c.xlsx", lambda d, t: calls.append((d, t)))
    assert calls == [(100, 0), (120, 0)]
    assert len(openpyxl.load_workbook(tmp_path / "c.xlsx")["Procedures"]["A"]) == 121


def test_a_cancelled_export_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(b"the previous export")
    temp_files = len(ALL_TEMP_FILES)
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 2

    with pytest.raises(Cancelled):
        write_catalog_xlsx(_many(500), path, cancelled=cancelled)
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.xlsx"]
    assert not any(Path(f).exists() for f in ALL_TEMP_FILES[temp_files:])  # the sheets' streams are removed


def test_an_unwritable_path_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_catalog_xlsx(_many(3), tmp_path / "missing-folder" / "catalog.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.shared
def test_the_shared_corpus_imports_back_to_equal_procedures(shared_data: Path, tmp_path: Path) -> None:
    unique = list({p.code: p for p, _ in portal_pages(shared_data)}.values())
    assert len(unique) >= 2_000
    back, report = round_trip(unique, tmp_path)
    assert report.failures == [] and report.warnings == []
    assert_equal_procedures(unique, back)
