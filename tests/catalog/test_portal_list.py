"""The national portal's Excel list exports: every shared row imports, and the list enriches API records."""

from __future__ import annotations

import json
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest

import catalog.formats.portal_api  # noqa: F401  (registers the formats this test imports through)
import catalog.formats.portal_list  # noqa: F401
import catalog.formats.template_xlsx  # noqa: F401
from catalog.errors import CatalogReadError
from catalog.formats.base import Parsed
from catalog.formats.spreadsheet import MAX_CELL_CHARS
from catalog.importing.importer import import_paths
from catalog.importing.registry import detect
from models.storage.workspace import Workspace
from models.text import fold

HEADER = ["Mã số", "Tên", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"]
TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n\nDANH SÁCH THỦ TỤC HÀNH CHÍNH"
# Rows per file, as DOMAIN.md §3 counts the crawled pages of each ministry: every page code is listed.
SHARED_COUNTS = {
    "danh-sach-tthc-BoCongAn.xlsx": 339,
    "danh-sach-tthc-BoTaiChinh.xlsx": 706,
    "danh-sach-tthc-BoXayDung.xlsx": 525,
    "danh-sach-tthc-NongNghiepvaMoiTruong.xlsx": 537,
    "toa-an-nhan-dan.xlsx": 3,
}


def write_list(
    path: Path, rows: list[list[object]], *, header: list[str] = HEADER, title_rows: int = 1
) -> Path:
    """A list export like the portal's: merged title row(s), the header row, one row per procedure."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for _ in range(title_rows):
        sheet.append([TITLE])
    if title_rows:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def read(path: Path) -> list[Parsed]:
    fmt = detect(path)
    assert fmt.name == "portal-list"
    return [fmt.parse(record) for record in fmt.records(path)]


def read_error(path: Path) -> CatalogReadError:
    """The error that reading ``path`` the way the importer does ends with (detect, records, parse)."""
    with pytest.raises(CatalogReadError) as caught:
        fmt = detect(path)
        for record in fmt.records(path):
            fmt.parse(record)
    message = str(caught.value)
    assert message.startswith(str(path)) and message.endswith(".") and "\n" not in message
    return caught.value


# --- the shared lists -----------------------------------------------------------------------------------------


def test_every_row_of_every_shared_list_imports(shared_data: Path) -> None:
    files = sorted((shared_data / "portal-lists").glob("*.xlsx"))
    assert {f.name for f in files} == set(SHARED_COUNTS)
    for path in files:
        parsed = read(path)
        rows = openpyxl.load_workbook(path, read_only=True).active.iter_rows(min_row=3, values_only=True)
        listed = [row[0] for row in rows if row and row[0]]
        assert len(parsed) == len(listed) == SHARED_COUNTS[path.name]
        assert [p.procedure.code for p in parsed] == listed  # codes as published, in order, all text
        assert all(p.listing for p in parsed)
        assert all(p.procedure.name and p.procedure.issuing_body and p.procedure.field for p in parsed)
        assert all(not w.startswith("code") for p in parsed for w in p.warnings)


def test_multi_agency_cells_become_lists_and_stray_spaces_are_kept(shared_data: Path) -> None:
    courts = {
        p.procedure.code: p.procedure for p in read(shared_data / "portal-lists" / "toa-an-nhan-dan.xlsx")
    }
    assert courts["3.000164"].executing_agencies == [
        "Tòa án nhân dân cấp cao",
        "Tòa án nhân dân tỉnh, thành phố trực thuộc trung ương",
        "Tòa án nhân dân cấp huyện, quận, thị xã, thành phố thuộc tỉnh và tương đương",
    ]
    assert courts["3.000163"].executing_agencies[-1] == "Tòa án nhân dân khu vực"  # after a blank line

    police = {
        p.procedure.code: p.procedure
        for p in read(shared_data / "portal-lists" / "danh-sach-tthc-BoCongAn.xlsx")
    }
    name = police["3.000527"].name
    assert name == "Đăng ký cai nghiện ma  túy tự nguyện"  # the double space, as published
    assert fold(name) == fold("Đăng ký cai nghiện ma túy tự nguyện")
    raw = " Thủ tục bán, cho thuê mua, cho thuê nhà ở cho lực lượng vũ trang nhân dân"
    building = {
        p.procedure.code: p.procedure
        for p in read(shared_data / "portal-lists" / "danh-sach-tthc-BoXayDung.xlsx")
    }
    assert building["1.115151"].name.startswith(raw.strip())  # the stray leading space only is dropped
    assert fold(building["1.115151"].name).startswith(fold(raw))
    all_rows = [p for path in sorted((shared_data / "portal-lists").glob("*.xlsx")) for p in read(path)]
    assert sum(len(p.procedure.executing_agencies) > 1 for p in all_rows) > 350
    assert all(unicodedata.is_normalized("NFC", p.procedure.name) for p in all_rows)


def test_lists_and_api_records_enrich_the_same_procedures(shared_data: Path, tmp_path: Path) -> None:
    lists, api = shared_data / "portal-lists", shared_data / "portal-api"
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        first = import_paths(ws, [lists])
        assert (len(first.imported), first.failures) == (2110, [])
        second = import_paths(ws, [api])
        assert second.failures == []
        assert ws.count() == 2112  # 1.000178 and 1.005071 were listed; 1.001193 and 1.115585 are new
        driving = ws.get("1.005071")
        assert len(driving.items) == 5  # the API's details arrived
        assert driving.field == "Đường sắt"
        assert driving.executing_agencies == ["Cục Đường sắt Việt Nam", "Chủ tịch ủy ban nhân dân cấp tỉnh"]
        # Importing the lists again changes nothing: a list row never replaces details.
        again = import_paths(ws, [lists])
        assert (again.updated, len(ws.get("1.005071").items)) == ({}, 5)


def test_list_values_survive_an_api_record_that_lacks_them(shared_data: Path, tmp_path: Path) -> None:
    source = next(
        p
        for p in (shared_data / "portal-api").glob("*.json")
        if '"1.005071"' in p.read_text(encoding="utf-8")
    )
    record = json.loads(source.read_text(encoding="utf-8"))
    for key in ("departmentPromulgateName", "categoriesDetails", "category", "procedureProposal"):
        record.pop(key, None)
    stripped = tmp_path / "api" / "1.005071.json"
    stripped.parent.mkdir()
    stripped.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    for order in (
        [shared_data / "portal-lists", stripped.parent],
        [stripped.parent, shared_data / "portal-lists"],
    ):
        with Workspace.open(tmp_path / f"w{len(list(tmp_path.glob('w*')))}.sqlite") as ws:
            for path in order:
                assert import_paths(ws, [path]).failures == []
            p = ws.get("1.005071")
            assert (p.issuing_body, p.field) == ("Bộ xây dựng (Giao thông vận tải cũ)", "Đường sắt")
            assert len(p.items) == 5


# --- hand-made lists ------------------------------------------------------------------------------------------


def test_header_found_by_content_with_columns_in_any_order(tmp_path: Path) -> None:
    header = ["STT", "Tên thủ tục", "Lĩnh vực", "Mã số", "Cơ quan thực hiện", "Cơ quan ban hành"]
    path = write_list(
        tmp_path / "list.xlsx",
        [
            [
                1,
                "Cấp phép A",
                "Xây dựng",
                "1.000001",
                "Sở Xây dựng\n\nUBND cấp xã\nSở Xây dựng",
                "Bộ Xây dựng",
            ],
            [],
            header,  # the header repeated at a page break
            [2, "Cấp phép B", "Không có thông tin", "2.000002", "", "Bộ Xây dựng"],
        ],
        header=header,
        title_rows=3,
    )
    parsed = read(path)
    assert [p.procedure.code for p in parsed] == ["1.000001", "2.000002"]
    first, second = (p.procedure for p in parsed)
    assert first.executing_agencies == ["Sở Xây dựng", "UBND cấp xã"]
    assert (first.field, first.issuing_body) == ("Xây dựng", "Bộ Xây dựng")
    assert (second.field, second.executing_agencies) == (None, [])  # a placeholder is unknown


def test_a_code_stored_as_a_number_is_rebuilt_as_text(tmp_path: Path) -> None:
    path = write_list(tmp_path / "list.xlsx", [[1.00422, "Thủ tục", "Bộ", "Sở", "Lĩnh vực"]])
    [parsed] = read(path)
    assert parsed.procedure.code == "1.004220"
    assert parsed.warnings == ["code 1.00422 was stored as a number; read as 1.004220"]


def test_text_is_nfc_formulas_stay_text_and_records_are_labelled(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(HEADER)
    sheet.append(["1.001193", nfd, "Bộ Tư pháp", "UBND cấp xã", "Hộ tịch"])
    sheet.append(["1.000002", "=SUM(A1:A2)", "Bộ", "Sở", "Lĩnh vực"])
    sheet["B3"].data_type = "s"  # a text cell that starts with '=', not a formula
    book.save(tmp_path / "list.xlsx")
    fmt = detect(tmp_path / "list.xlsx")
    records = list(fmt.records(tmp_path / "list.xlsx"))
    assert [r.label for r in records] == ["sheet 'Danh sách', row 2", "sheet 'Danh sách', row 3"]
    first, second = (fmt.parse(r).procedure for r in records)
    assert first.name == "Đăng ký khai sinh" and unicodedata.is_normalized("NFC", first.name)
    assert second.name == "=SUM(A1:A2)"


def test_a_formula_cell_gives_its_computed_value(tmp_path: Path) -> None:
    path = write_list(
        tmp_path / "f.xlsx", [["1.000001", '=CONCATENATE("Cấp ","phép")', "Bộ", "Sở", "LV"]], title_rows=0
    )
    cached = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(cached, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if (
                info.filename == "xl/worksheets/sheet1.xml"
            ):  # what Excel stores: the formula and its last value
                data = data.replace(b'<c r="B2"><f>', b'<c r="B2" t="str"><f>').replace(
                    b"<v></v>", "<v>Cấp phép</v>".encode()
                )
            dst.writestr(info.filename, data)
    [parsed] = read(cached)
    assert parsed.procedure.name == "Cấp phép"


def test_duplicate_codes_in_one_list_are_reported_by_the_importer(tmp_path: Path) -> None:
    path = write_list(
        tmp_path / "list.xlsx",
        [["1.000001", "Tên cũ", "Bộ", "Sở", "LV"], ["1.000001", "Tên mới", "Bộ", "Sở", "LV"]],
    )
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = import_paths(ws, [path])
        assert report.imported == ["1.000001"]
        assert any("already read from" in w and "row 3" in w for w in report.warnings)
        assert ws.get("1.000001").name == "Tên cũ"  # the first record wins, so a re-import changes nothing
        again = import_paths(ws, [path])
        assert (again.imported, again.updated, again.unchanged) == ([], {}, ["1.000001"])


def test_a_huge_cell_is_capped_with_a_warning(tmp_path: Path) -> None:
    path = write_list(tmp_path / "base.xlsx", [["1.000001", "HUGE-CELL", "Bộ", "Sở", "LV"]])
    huge = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info).replace(b"HUGE-CELL", b"x" * (50 * 1024 * 1024)))
    [parsed] = read(huge)
    assert len(parsed.procedure.name) == MAX_CELL_CHARS
    assert parsed.warnings == ["column 'Tên': the text was cut to 100,000 characters (it had 52,428,800)"]


# --- bad input ------------------------------------------------------------------------------------------------


def test_a_row_without_name_or_code_names_its_sheet_and_row(tmp_path: Path) -> None:
    path = write_list(
        tmp_path / "list.xlsx",
        [["1.000001", "A", "B", "C", "D"], ["1.000002", "", "B", "C", "D"], ["", "Tên", "B", "C", "D"]],
    )
    fmt = detect(path)
    errors = []
    for record in fmt.records(path):
        try:
            fmt.parse(record)
        except CatalogReadError as error:
            errors.append(str(error))
    assert errors == [
        f"{path}, sheet 'Danh sách', row 4: procedure 1.000002 has no name.",
        f"{path}, sheet 'Danh sách', row 5: it has no procedure code.",
    ]


def test_a_missing_name_column_names_file_sheet_and_column(tmp_path: Path) -> None:
    path = write_list(
        tmp_path / "list.xlsx",
        [["1.000001", "B", "C", "D"]],
        header=["Mã số", "Cơ quan ban hành", "Cơ quan thực hiện", "Lĩnh vực"],
    )
    assert str(read_error(path)) == f"{path}, sheet 'Danh sách': the column 'Tên' is missing."


def test_a_header_without_rows_is_an_error(tmp_path: Path) -> None:
    path = write_list(tmp_path / "list.xlsx", [])
    assert "no procedure rows" in read_error(path).reason


def test_an_empty_workbook_is_an_error(tmp_path: Path) -> None:
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    assert read_error(tmp_path / "empty.xlsx").reason == "it is an Excel workbook whose sheets are all empty"


def test_a_workbook_of_something_else_is_not_recognised(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Họ tên", "Ngày sinh"])
    book.save(tmp_path / "people.xlsx")
    assert "no importer recognises" in read_error(tmp_path / "people.xlsx").reason


@pytest.mark.parametrize("name", ["list.xlsx", "list.bin"])
def test_a_truncated_workbook_is_reported_as_damaged(tmp_path: Path, name: str) -> None:
    whole = write_list(tmp_path / "whole.xlsx", [["1.000001", "A", "B", "C", "D"]] * 50).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: len(whole) // 2])
    assert (
        read_error(path).reason == "it is a damaged Excel workbook (the zip archive is truncated or corrupt)"
    )


def test_a_corrupt_workbook_is_reported_as_damaged(tmp_path: Path) -> None:
    whole = write_list(tmp_path / "whole.xlsx", [["1.000001", "Tên thủ tục " * 40, "B", "C", "D"]] * 200)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info.filename, data[: len(data) // 2] if info.filename.startswith("xl/") else data)
    assert read_error(broken).reason.startswith(
        ("it is a damaged Excel workbook", "the sheet cannot be read")
    )
    data = bytearray(whole.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 400] = bytes(400)  # zeroes in the compressed parts
    broken.write_bytes(bytes(data))
    read_error(broken)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            bytes(range(256)) * 40,
            "it is not an Excel workbook (an .xlsx file is a zip archive and this one is not)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "it is an old-style .xls workbook, which is not read: save it as .xlsx",
        ),
        (b"", "the file is empty"),
    ],
)
def test_garbage_named_xlsx_is_reported(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    assert read_error(path).reason == reason


def test_a_zip_that_is_not_a_workbook_is_reported(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "list.xlsx", "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert read_error(tmp_path / "list.xlsx").reason == "it is a zip archive but not an Excel workbook"
