"""The workbench's own catalog template, as an .xlsx workbook and as CSV files.

``template_rows`` and ``write_xlsx`` below show how to write the template from procedures with the spec of
:mod:`models.template` (what the Excel exporter does); the round-trip tests read it back to equal procedures.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import catalog.formats.portal_api  # noqa: F401  (registers the formats this test imports through)
import catalog.formats.template_csv  # noqa: F401
import catalog.formats.template_xlsx  # noqa: F401
from catalog.errors import CatalogReadError
from catalog.formats.base import Parsed
from catalog.formats.spreadsheet import MAX_CELL_CHARS
from catalog.importing.importer import import_paths
from catalog.importing.registry import detect
from exporters.json_export import procedure_json
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
from models.procedure import (
    Channel,
    DossierItem,
    Fee,
    LegalReference,
    Note,
    Procedure,
    Result,
    Step,
)
from models.storage.workspace import Workspace
from models.template import BOOL, DATE, ENUM, ENUM_LIST, LIST, PROCEDURES, README_SHEET, TABLES, Column, Table
from models.text import fold
from models.vocabulary import label

# --- writing the template from procedures (what the exporter will do) ----------------------------------------

_LINKS = {"procedure_code", "channel_no", "no"}


def template_rows(procedures: list[Procedure]) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows as {column key: model value}, children linked by code and numbered from 1."""
    rows: dict[str, list[dict[str, Any]]] = {table.key: [] for table in TABLES}
    by_key = {table.key: table for table in TABLES}

    def values(table: Table, part: Any, **links: Any) -> dict[str, Any]:
        return {**links, **{c.key: getattr(part, c.key) for c in table.columns if c.key not in _LINKS}}

    for p in procedures:
        rows["procedures"].append(values(PROCEDURES, p))
        for no, channel in enumerate(p.channels, start=1):
            rows["channels"].append(values(by_key["channels"], channel, procedure_code=p.code, channel_no=no))
            for fee in channel.fees:
                rows["fees"].append(values(by_key["fees"], fee, procedure_code=p.code, channel_no=no))
        for key in ("steps", "items", "notes", "results", "legal_basis"):
            for no, part in enumerate(getattr(p, key), start=1):
                rows[key].append(values(by_key[key], part, procedure_code=p.code, no=no))
    return rows


def cell(column: Column, value: Any) -> Any:
    """A model value as the template writes it: lists one per line, enums by Vietnamese label."""
    if value is None or value == []:
        return None
    if column.kind == LIST:
        return "\n".join(value)
    if column.kind == ENUM_LIST:
        return "\n".join(label(v) for v in value)
    if column.kind == ENUM:
        return label(value)
    return value


Header = Callable[[Column], str]


def write_xlsx(
    path: Path,
    procedures: list[Procedure],
    *,
    tables: tuple[Table, ...] = TABLES,
    header: Header = lambda c: c.vi,
) -> Path:
    book = openpyxl.Workbook()
    book.active.title = README_SHEET
    book.active.append(["Mẫu danh mục TTHC — một sheet cho mỗi bảng; mỗi giá trị danh sách một dòng."])
    rows = template_rows(procedures)
    for table in tables:
        sheet = book.create_sheet(table.sheet)
        sheet.append([header(c) for c in table.columns])
        for row in rows[table.key]:
            sheet.append([cell(c, row.get(c.key)) for c in table.columns])
            for written in sheet[sheet.max_row]:
                if isinstance(written.value, str):
                    written.data_type = (
                        "s"  # codes stay text; a value starting with '=' is text, not a formula
                    )
    book.save(path)
    return path


def csv_cell(column: Column, value: Any) -> str:
    value = cell(column, value)
    if value is None:
        return ""
    if column.kind == BOOL:
        return "TRUE" if value else "FALSE"
    if column.kind == DATE:
        return value.strftime("%d/%m/%Y")
    return str(value)


def cp1258(text: str, errors: str = "strict") -> bytes:
    """Vietnamese in Windows-1258: base letters precomposed where the code page has them, tones combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
            tones = "".join(m for m in marks if m not in shape)
            out += (unicodedata.normalize("NFC", base + shape) + tones).encode("cp1258", errors)
    return bytes(out)


def write_csv(
    path: Path, table: Table, rows: list[dict[str, Any]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([c.vi for c in table.columns])
    for row in rows:
        writer.writerow([csv_cell(c, row.get(c.key)) for c in table.columns])
    text = buffer.getvalue()
    path.write_bytes(cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


# --- reading ----------------------------------------------------------------------------------------------------


def read(path: Path, name: str | None = None) -> list[Parsed]:
    fmt = detect(path)
    if name:
        assert fmt.name == name
    return [fmt.parse(record) for record in fmt.records(path)]


def read_error(path: Path) -> CatalogReadError:
    """The error reading ``path`` the importer's way (detect, records, parse) ends with: one sentence."""
    with pytest.raises(CatalogReadError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and message.endswith(".") and "\n" not in message
    return caught.value


def sample() -> Procedure:
    """A procedure using every column and every kind of cell."""
    return Procedure(
        code="1.004220",
        name="Cấp giấy phép  xây dựng (thử nghiệm)",
        description="=Mô tả bắt đầu bằng dấu bằng",
        levels=[Level.PROVINCE, Level.COMMUNE],
        field="Xây dựng",
        issuing_body="Bộ Xây dựng",
        competent_authorities=["Ủy ban nhân dân cấp tỉnh"],
        executing_agencies=["Sở Xây dựng", "Ủy ban nhân dân cấp xã"],
        authorised_agencies=["Ban quản lý khu kinh tế"],
        coordinating_agencies=["Sở Tài nguyên và Môi trường", "Công an tỉnh"],
        subjects=["Công dân Việt Nam", "Tổ chức"],
        receiving_address="Trung tâm Phục vụ hành chính công tỉnh",
        requirements=["Có quyền sử dụng đất hợp pháp", "Phù hợp quy hoạch"],
        announcement_decision="1234/QĐ-BXD",
        announcement_date=dt.date(2024, 3, 15),
        announcement_issuer="Bộ Xây dựng",
        status=ProcedureStatus.AMENDED,
        is_local_specific=True,
        full_process_online_declared=False,
        related_codes=["1.000001", "2.000002"],
        channels=[
            Channel(
                method=ChannelMethod.DIRECT,
                time_limit=15,
                time_unit=TimeUnit.WORKING_DAY,
                fees=[
                    Fee(kind=FeeKind.CHARGE, amount_vnd=150000, note="Giảm 50% đến hết năm"),
                    Fee(kind=FeeKind.FEE, amount_vnd=None),
                ],
            ),
            Channel(
                method=ChannelMethod.POSTAL,
                time_limit=18.5,
                time_unit=TimeUnit.DAY,
                time_note="18 ngày đối với xã vùng sâu",
            ),
            Channel(
                method=ChannelMethod.ONLINE,
                time_limit=None,
                time_unit=None,
                fees=[Fee(kind=FeeKind.OTHER, amount_vnd=0)],
            ),
        ],
        steps=[
            Step(title="Bước 1", description="Nộp hồ sơ", actor=Actor.APPLICANT),
            Step(
                title="Bước 2",
                description="Tiếp nhận, kiểm tra",
                actor=Actor.ONE_STOP_DESK,
                time_text="1 ngày",
                time_limit=1,
                time_unit=TimeUnit.WORKING_DAY,
            ),
            Step(description="Thẩm định\nvà cấp phép", actor=Actor.HANDLING_AGENCY),
        ],
        items=[
            DossierItem(
                name="Đơn đề nghị cấp giấy phép (Mẫu số 01)",
                name_normalized="Đơn đề nghị cấp giấy phép (Mẫu số 01)",
                kind=ItemKind.FORM,
                originals=1,
                copies=0,
                copy_forms=[CopyForm.ORIGINAL],
                template="mau-01.docx",
            ),
            DossierItem(
                name="- Bản sao có chứng thực giấy chứng nhận quyền sử dụng đất",
                name_normalized="Bản sao có chứng thực giấy chứng nhận quyền sử dụng đất",
                originals=0,
                copies=1,
                copy_forms=[CopyForm.CERTIFIED, CopyForm.ELECTRONIC],
                condition="nếu có",
                issuer="Văn phòng đăng ký đất đai",
                case="Trường hợp 1",
                source_code="TP01",
            ),
            DossierItem(
                name="Căn cước công dân",
                name_normalized="Căn cước công dân",
                group=ItemGroup.SHOW,
                copy_forms=[CopyForm.SHOW_ORIGINAL],
            ),
        ],
        notes=[Note(text="Không phải nộp giấy tờ đã có trong Cơ sở dữ liệu", heading="* Lưu ý:")],
        results=[Result(name="Giấy phép xây dựng", code="KQ.G15.000031"), Result(name="Văn bản trả lời")],
        legal_basis=[
            LegalReference(
                title="Luật Xây dựng số 50/2014/QH13",
                number="50/2014/QH13",
                date=dt.date(2014, 6, 18),
                issuer="Quốc hội",
            ),
            LegalReference(title="Nghị định 15/2021/NĐ-CP"),
        ],
    )


# --- round trips -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [lambda c: c.vi, lambda c: c.en, lambda c: fold(c.vi).upper(), lambda c: c.key],
    ids=["vietnamese", "english", "folded-upper", "keys"],
)
def test_a_written_template_reads_back_to_equal_procedures(tmp_path: Path, header: Header) -> None:
    procedures = [sample(), Procedure(code="2.000002", name="Thủ tục chỉ có tên")]
    parsed = read(write_xlsx(tmp_path / "catalog.xlsx", procedures, header=header), "template-xlsx")
    assert [p.warnings for p in parsed] == [[], []]
    assert [p.listing for p in parsed] == [False, False]
    assert [p.procedure for p in parsed] == procedures


def test_the_portal_reference_records_survive_a_round_trip(shared_data: Path, tmp_path: Path) -> None:
    fmt = detect(next((shared_data / "portal-api").glob("*.json")))
    originals = [
        fmt.parse(record).procedure
        for path in sorted((shared_data / "portal-api").glob("*.json"))
        for record in fmt.records(path)
    ]
    parsed = read(write_xlsx(tmp_path / "catalog.xlsx", originals), "template-xlsx")
    assert [p.procedure for p in parsed] == originals
    assert all(p.warnings == [] for p in parsed)


def test_csv_files_of_any_name_encoding_and_delimiter_read_back_to_equal_procedures(tmp_path: Path) -> None:
    procedures = [sample()]
    rows = template_rows(procedures)
    by_key = {t.key: t for t in TABLES}
    layout = {  # table -> (file name, encoding, delimiter)
        "procedures": ("danh-muc.csv", "utf-8-sig", ","),
        "channels": ("cach thuc.csv", "utf-16", "\t"),
        "fees": ("b.txt", "cp1258", ";"),
        "steps": ("c.tsv", "utf-8", "\t"),
        "items": ("d.csv", "cp1258", ","),
        "notes": ("e.csv", "utf-8", ";"),
        "results": ("f.csv", "utf-16", ","),
        "legal_basis": ("g.csv", "utf-8-sig", ";"),
    }
    folder = tmp_path / "csv"
    folder.mkdir()
    for key, (name, encoding, delimiter) in layout.items():
        write_csv(folder / name, by_key[key], rows[key], encoding=encoding, delimiter=delimiter)
    (folder / "ghi-chu.txt").write_text("Ghi chú của người soạn, không phải bảng.", encoding="utf-8")
    parsed = read(folder / "danh-muc.csv", "template-csv")
    assert [p.procedure for p in parsed] == procedures
    assert [p.warnings for p in parsed] == [[]]
    for name, *_ in list(layout.values())[1:]:
        assert read(folder / name, "template-csv") == []  # consumed by the Procedures file
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = import_paths(ws, [folder])
        assert report.imported == ["1.004220"]
        assert [f.file for f in report.failures] == [str(folder / "ghi-chu.txt")]  # not a catalog file
        assert ws.get("1.004220") == procedures[0]


# --- list-level and full records --------------------------------------------------------------------------------


def test_a_procedures_only_template_is_a_list_that_never_wipes_details(tmp_path: Path) -> None:
    full = sample()
    full_path = write_xlsx(tmp_path / "full.xlsx", [full])
    listed = full.model_copy(update={"field": "Quy hoạch", "executing_agencies": ["Sở Quy hoạch"]})
    list_path = write_xlsx(tmp_path / "list.xlsx", [listed], tables=(PROCEDURES,))
    [parsed] = read(list_path)
    assert parsed.listing and parsed.procedure.items == []
    csv_path = write_csv(tmp_path / "list.csv", PROCEDURES, template_rows([listed])["procedures"])
    assert [p.listing for p in read(csv_path)] == [True]
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        for path in (full_path, list_path):
            assert import_paths(ws, [path]).failures == []
        stored = ws.get(full.code)
        assert stored == full  # the list filled no gap and replaced nothing


def test_empty_child_sheets_count_as_absent(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [sample()], tables=(PROCEDURES,))
    book = openpyxl.load_workbook(path)
    book.create_sheet("Items")
    book.save(path)
    [parsed] = read(path)
    assert parsed.listing
    assert parsed.warnings == ["sheet 'Items' is empty; it is ignored"]


# --- what a hand-kept workbook gets wrong -----------------------------------------------------------------------


def hand_written(path: Path) -> Path:
    """A small workbook as a person types it: headers in both languages and without diacritics, columns out of
    order, labels instead of codes, a code turned into a number, an unknown column, a duplicate, an orphan."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Thủ tục"
    sheet.append(
        ["Ten thu tuc", "Ma thu tuc", "Cap thuc hien", "Co quan thuc hien", "Ghi chú riêng", "TTHC đặc thù"]
    )
    sheet.append(["Đăng ký khai sinh (bản cũ)", "1.001193", "Cấp xã", "UBND cấp xã", "x", "không"])
    sheet.append(
        [
            unicodedata.normalize("NFD", "Cấp phép xây dựng"),
            1.00422,
            "Cấp tỉnh, cấp xã",
            "Sở Xây dựng\nUBND cấp xã",
            None,
            None,
        ]
    )
    sheet.append(["Đăng ký khai sinh", "1.001193", "cap xa", "UBND cấp xã", None, "có"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Thủ tục chưa có mã", None, None, None, None, None])
    channels = book.create_sheet("Channels")
    channels.append(["Procedure code", "Method", "Time limit", "Time unit", "Time note"])
    channels.append(["1.001193", "Trực tiếp", 5, "ngày làm việc", None])
    channels.append(["1.001193", "Bưu chính", "5,5", "Ngay", None])
    channels.append(["1.001193", "Trực tuyến", "ba ngày", "WORKING_DAY", "=IF(A1>0;1;0)"])
    channels.append(["1.001193", "Fax", 1, "Giờ", None])
    channels.append(["9.999999", "Trực tiếp", 1, "Giờ", None])
    channels["E4"].data_type = "s"
    fees = book.create_sheet("Phí, lệ phí")
    fees.append(["Mã thủ tục", "Cách thức số", "Loại phí", "Số tiền (VNĐ)", "Ghi chú phí"])
    fees.append(["1.001193", 1, "Lệ phí", "Miễn phí", None])
    fees.append(["1.001193", 2, "Phí", "200.000 đồng", "Giảm 50%"])
    fees.append(["1.001193", 3, "phi", "Không có thông tin", None])
    fees.append(["1.001193", 7, "Phí", 1000, None])
    items = book.create_sheet("items")
    items.append(
        ["mã thủ tục", "STT", "Tên giấy tờ", "Loại", "Nhóm", "Số bản chính", "Số bản sao", "Hình thức bản"]
    )
    items.append(["1.001193", 2, "- Giấy chứng sinh", None, None, 1, None, "Bản chính"])
    items.append(["1.001193", 1, "Tờ khai đăng ký khai sinh", "Mẫu đơn", "Phải nộp", 1, 0, "Bản chính"])
    items.append(
        [
            "1.001193",
            3,
            "Căn cước công dân",
            "Giấy tờ",
            "Xuất trình",
            "một",
            None,
            "Bản chính để đối chiếu; Bản điện tử",
        ]
    )
    items.append(["1.00422", None, "Đơn đề nghị", None, None, 1, None, None])
    legal = book.create_sheet("Căn cứ pháp lý")
    legal.append(["Mã thủ tục", "Tên văn bản", "Số hiệu", "Ngày ban hành"])
    legal.append(["1.001193", "Luật Hộ tịch", "60/2014/QH13", dt.datetime(2014, 11, 20)])
    legal.append(["1.001193", None, "123/2015/NĐ-CP", "15/11/2015"])
    legal.append(["1.001193", "Thông tư", None, "31/02/2020"])
    book.create_sheet("Thống kê").append(["Tổng", 3])
    book.save(path)
    return path


def test_a_hand_written_workbook_matches_its_golden_file(tmp_path: Path, golden) -> None:
    path = hand_written(tmp_path / "hand.xlsx")
    fmt = detect(path)
    assert fmt.name == "template-xlsx"
    out = []
    for record in fmt.records(path):
        try:
            parsed = fmt.parse(record)
        except CatalogReadError as error:
            out.append({"record": record.label, "error": error.reason})
            continue
        out.append(
            {
                "record": record.label,
                "listing": parsed.listing,
                "warnings": parsed.warnings,
                "procedure": procedure_json(parsed.procedure),
            }
        )
    golden("template/hand-written.json", out)


def test_hand_written_facts(tmp_path: Path) -> None:
    path = hand_written(tmp_path / "hand.xlsx")
    fmt = detect(path)
    parsed = {p.procedure.code: p for p in (fmt.parse(r) for r in list(fmt.records(path))[:2])}
    birth, building = parsed["1.001193"].procedure, parsed["1.004220"].procedure
    assert birth.name == "Đăng ký khai sinh"  # the later of two rows wins
    assert any("also in sheet 'Thủ tục', row 2" in w for w in parsed["1.001193"].warnings)
    assert birth.is_local_specific is True and birth.levels == [Level.COMMUNE]
    assert building.name == "Cấp phép xây dựng" and unicodedata.is_normalized("NFC", building.name)
    assert building.levels == [Level.PROVINCE, Level.COMMUNE]
    assert building.executing_agencies == ["Sở Xây dựng", "UBND cấp xã"]
    assert [c.method for c in birth.channels] == [
        ChannelMethod.DIRECT,
        ChannelMethod.POSTAL,
        ChannelMethod.ONLINE,
    ]
    assert [(c.time_limit, c.time_unit) for c in birth.channels] == [
        (5, TimeUnit.WORKING_DAY),
        (5.5, TimeUnit.DAY),
        (None, TimeUnit.WORKING_DAY),
    ]
    assert birth.channels[2].time_note == "=IF(A1>0;1;0)"  # text that looks like a formula stays text
    assert [[(f.kind, f.amount_vnd) for f in c.fees] for c in birth.channels] == [
        [(FeeKind.CHARGE, 0)],
        [(FeeKind.FEE, 200000)],
        [(FeeKind.FEE, None)],
    ]
    assert [i.name for i in birth.items] == [
        "Tờ khai đăng ký khai sinh",
        "- Giấy chứng sinh",
        "Căn cước công dân",
    ]
    assert birth.items[1].name_normalized == "Giấy chứng sinh"
    assert birth.items[2].group == ItemGroup.SHOW and birth.items[2].copy_forms == [
        CopyForm.SHOW_ORIGINAL,  # as the cell lists them
        CopyForm.ELECTRONIC,
    ]
    assert [item.name for item in building.items] == ["Đơn đề nghị"]  # linked through the repaired code
    assert [(r.title, r.date) for r in birth.legal_basis] == [
        ("Luật Hộ tịch", dt.date(2014, 11, 20)),
        ("123/2015/NĐ-CP", dt.date(2015, 11, 15)),
        ("Thông tư", None),
    ]
    warnings = " | ".join(parsed["1.001193"].warnings + parsed["1.004220"].warnings)
    for expected in (
        "sheet 'Thống kê' is not a table of the template",
        "unknown column(s) 'Ghi chú riêng'",
        "procedure 9.999999 is not in sheet 'Thủ tục'",
        "'Fax' is not one of Trực tiếp, Dịch vụ bưu chính, Trực tuyến",
        "'ba ngày' is not a number",
        "the fee is for channel 7, which is not listed",
        "'một' is not a whole number",
        "'31/02/2020' is not a date",
        "code 1.00422 was stored as a number; read as 1.004220",
        "code 1.00422 lost its trailing zeros",
    ):
        assert expected in warnings


def test_a_record_without_code_fails_alone(tmp_path: Path) -> None:
    path = hand_written(tmp_path / "hand.xlsx")
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = import_paths(ws, [path])
    assert sorted(report.imported) == ["1.001193", "1.004220"]
    assert [str(f) for f in report.failures] == [f"{path}, sheet 'Thủ tục', row 6: it has no procedure code."]


# --- bad input ------------------------------------------------------------------------------------------------


def test_a_missing_required_column_names_file_sheet_and_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [sample()])
    book = openpyxl.load_workbook(path)
    book["Channels"].delete_cols(3)  # Cách thức thực hiện
    book.save(path)
    assert str(read_error(path)) == (
        f"{path}, sheet 'Channels': the required column 'Cách thức thực hiện' (Method) is missing."
    )
    book["Procedures"].delete_cols(2)
    book.save(path)
    assert read_error(path).reason == "the required column 'Tên thủ tục' (Name) is missing"


def test_an_empty_procedures_sheet_is_an_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Procedures"
    book.save(tmp_path / "t.xlsx")
    assert (
        str(read_error(tmp_path / "t.xlsx"))
        == f"{tmp_path / 't.xlsx'}, sheet 'Procedures': the sheet is empty."
    )
    book.active.append([c.vi for c in PROCEDURES.columns])
    book.save(tmp_path / "t.xlsx")
    assert read_error(tmp_path / "t.xlsx").reason == "the sheet lists no procedure"


def test_a_huge_csv_cell_is_capped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Mã thủ tục,Tên thủ tục,Mô tả\n1.000001,Thủ tục," + "x" * (50 * 1024 * 1024) + "\n", encoding="utf-8"
    )
    [parsed] = read(path)
    assert len(parsed.procedure.description or "") == MAX_CELL_CHARS
    assert parsed.warnings == ["column 'Mô tả': the text was cut to 100,000 characters (it had 52,428,800)"]


def test_csv_text_is_cleaned_and_short_codes_repaired(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    text = (
        "Mã thủ tục;Tên thủ tục;Lĩnh vực\n1.00422;"
        + unicodedata.normalize("NFD", "Đăng k\u200eý")
        + ";Hộ tịch\n"
    )
    path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))  # headers in NFD too
    [parsed] = read(path)
    assert (parsed.procedure.code, parsed.procedure.name, parsed.procedure.field) == (
        "1.004220",
        "Đăng ký",
        "Hộ tịch",
    )
    assert parsed.warnings == [
        "column 'Mã thủ tục': code 1.00422 lost its trailing zeros in a spreadsheet; read as 1.004220"
    ]


def test_odd_numbers_become_warnings(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("Mã thủ tục,Tên thủ tục\n1.000001,A\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text(
        "Mã thủ tục,Cách thức số,Cách thức thực hiện,Thời hạn giải quyết\n1.000001,1,Trực tiếp,1e400\n",
        encoding="utf-8",
    )
    (tmp_path / "f.csv").write_text(
        f"Mã thủ tục,Cách thức số,Số tiền (VNĐ)\n1.000001,1,²\n1.000001,1,{'9' * 5000}\n1.000001,1,1.500.000\n",
        encoding="utf-8",
    )
    [parsed] = read(tmp_path / "p.csv")
    [channel] = parsed.procedure.channels
    assert channel.time_limit is None and [f.amount_vnd for f in channel.fees] == [None, None, 1500000]
    assert len(parsed.warnings) == 3 and all("the cell is left blank" in w for w in parsed.warnings)


def test_a_child_csv_alone_is_an_error_and_a_bad_sibling_a_warning(tmp_path: Path) -> None:
    rows = template_rows([sample()])
    by_key = {t.key: t for t in TABLES}
    fees = write_csv(tmp_path / "fees.csv", by_key["fees"], rows["fees"])
    assert "holds the Fees table, which is read with a Procedures file" in read_error(fees).reason
    write_csv(tmp_path / "p.csv", PROCEDURES, rows["procedures"])
    (tmp_path / "channels.csv").write_text(
        "Mã thủ tục,Thời hạn giải quyết,Đơn vị thời gian\n1.004220,5,Ngày\n", encoding="utf-8"
    )
    [parsed] = read(tmp_path / "p.csv")
    assert not parsed.listing  # the Fees file is there
    assert parsed.warnings[0].startswith(
        "channels.csv cannot be read (the required column 'Cách thức thực hiện'"
    )
    assert "fees.csv, row 2: the fee is for channel 1, which is not listed" in " ".join(parsed.warnings)
    assert "Cách thức thực hiện" in read_error(tmp_path / "channels.csv").reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (bytes(range(256)) * 8, "it is not a text file in UTF-8, UTF-16 or Windows-1258"),
        (b"\x00\x01binary\x00" * 100, "it holds binary data (NUL characters), not CSV text"),
        ("Họ tên,Ngày sinh\nA,1/1/2000\n".encode(), "its header row names no column of the catalog template"),
        (
            "Mã thủ tục,Lĩnh vực,Cơ quan thực hiện\n1.000001,A,B\n".encode(),
            "the required column 'Tên thủ tục' (Name) is missing",
        ),
        ("Mã thủ tục,Tên thủ tục\n".encode(), "it lists no procedure"),
        (b"", "the file is empty"),
        (b"PK\x03\x04" + bytes(100), "it holds binary data (NUL characters), not CSV text"),
    ],
)
def test_bad_csv_files_are_reported_in_one_sentence(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert read_error(path).reason == reason


@pytest.mark.parametrize(
    "content", [bytes(range(256)) * 8, b"PK\x03\x04" + bytes(3000), b"\x89PNG\r\n" + bytes(500)]
)
def test_binary_garbage_named_xlsx_is_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(content)
    assert read_error(path).reason.startswith(
        ("it is not an Excel workbook", "it is a damaged Excel workbook")
    )


def test_a_truncated_template_is_reported_as_damaged(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [sample()] * 3).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(whole[: len(whole) * 2 // 3])
    assert read_error(tmp_path / "cut.xlsx").reason == (
        "it is a damaged Excel workbook (the zip archive is truncated or corrupt)"
    )


# --- fuzzing the CSV reader -----------------------------------------------------------------------------------

_HEADER = "Mã thủ tục,Tên thủ tục,Cấp thực hiện,Ngày công bố,TTHC đặc thù\n"


def read_anything(content: bytes, name: str = "fuzz.csv") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            read(path)
        except CatalogReadError as error:
            assert str(error).startswith(str(path)) and str(error).endswith(".")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_result_or_a_read_error(content: bytes) -> None:
    read_anything(content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]),
    st.sampled_from(["fuzz.csv", "fuzz.txt"]),
)
def test_random_rows_under_a_real_header_give_a_result_or_a_read_error(
    text: str, encoding: str, name: str
) -> None:
    payload = _HEADER + text
    data = cp1258(payload, "replace") if encoding == "cp1258" else payload.encode(encoding)
    read_anything(data, name)
