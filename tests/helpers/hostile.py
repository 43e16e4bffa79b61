"""A corpus of hostile catalog files, written at test time (nothing big is committed).

Each :class:`Case` names a file the importers must survive: damaged and booby-trapped packages (truncated or
garbled zips, billion laughs, zip bombs), enormous cells, formulas, control characters, mixed encodings, duplicate
codes, tables nested 200 deep, binary garbage under every extension, empty files, JSON nested a million deep and
numbers no column can hold. ``expect`` says what a user must see: ``"refused"`` (the file, or its only record, is
reported in one sentence and nothing is written) or ``"imported"`` (it is read, perhaps with warnings).

Zip bombs are assembled from one compressed chunk repeated, so that a gigabyte-sized member costs a megabyte to
write and a second to checksum, never a gigabyte of memory.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.catalog.test_template import cp1258
from tests.conftest import SHARED

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "sample-catalog.json"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

#: Texts a spreadsheet would run as formulas, and markup a browser would run: they must stay literal text.
FORMULAS = (
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
)
MARKUP = '<script>alert("x")</script><b onmouseover="x()">đậm</b>&amp;'


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[Path], None]
    expect: str  # "refused" or "imported"
    reason: str = ""  # a fragment the one-sentence failure must contain (refused cases)
    record: bool = False  # the failure names a record of the file, not the whole file
    seconds: float = 5.0  # wall time allowed to import it


def sample_procedures() -> list[dict[str, Any]]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))["procedures"]


def _procedure(code: str, name: str, **fields: Any) -> dict[str, Any]:
    """A sample procedure under another code and name (workbench JSON)."""
    record = dict(sample_procedures()[0])
    record.update(code=code, name=name, **fields)
    return record


def _write_json(value: Any) -> Callable[[Path], None]:
    return lambda path: path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


# --- valid packages, to damage ---------------------------------------------------------------------------------


def valid_xlsx(path: Path) -> None:
    """The catalog template (as ``tthc export catalog-xlsx`` writes it) holding three sample procedures."""
    from exporters.excel.catalog_book import write_catalog_xlsx
    from models.procedure import Procedure

    write_catalog_xlsx([Procedure.model_validate(p) for p in sample_procedures()[:3]], path)


def valid_docx(path: Path, *, nested: int = 0) -> None:
    """A single Word specification in the publication layout; ``nested`` tables one inside the other."""
    import docx

    document = docx.Document()
    document.add_heading("Thủ tục cấp bản sao trích lục hộ tịch thử nghiệm", level=1)
    for text in [
        "Mã số: 2.000999",
        "1. Trình tự thực hiện: Người yêu cầu nộp hồ sơ; công chức cấp bản sao trích lục ngay trong ngày.",
        "2. Cách thức thực hiện: Trực tiếp tại Ủy ban nhân dân cấp xã.",
        "3. Thành phần, số lượng hồ sơ: Tờ khai cấp bản sao trích lục hộ tịch (01 bản chính)",
        "4. Thời hạn giải quyết: Ngay trong ngày tiếp nhận yêu cầu.",
        "5. Phí, lệ phí: Lệ phí: 8.000 đồng/bản sao",
        "6. Căn cứ pháp lý: Luật Hộ tịch số 60/2014/QH13",
    ]:
        document.add_paragraph(text)
    container: Any = document
    for depth in range(nested):
        table = container.add_table(rows=1, cols=2)
        table.rows[0].cells[1].text = f"Tầng {depth}"
        container = table.rows[0].cells[0]
    document.save(path)


def _truncated(make: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make(path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])

    return build


def _garbled(make: Callable[[Path], None], member: str) -> Callable[[Path], None]:
    """The package with the middle of ``member``'s compressed data overwritten by random bytes."""

    def build(path: Path) -> None:
        make(path)
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as package:
            info = package.getinfo(member)
        name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
        start = info.header_offset + 30 + name_length + extra_length + info.compress_size // 4
        size = info.compress_size // 2
        data[start : start + size] = random.Random(8).randbytes(size)
        path.write_bytes(bytes(data))

    return build


# --- zip bombs -------------------------------------------------------------------------------------------------


def _segment(data: bytes, mode: int = zlib.Z_FULL_FLUSH) -> bytes:
    """Raw deflate of ``data`` on its own, ending byte-aligned: segments can be concatenated into one stream."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(mode)


def bomb_member(prefix: bytes, filler: bytes, repeats: int, suffix: bytes) -> tuple[bytes, int, int]:
    """(raw deflate, CRC-32, size) of ``prefix + filler * repeats + suffix``, never holding it whole."""
    chunk = _segment(filler)
    data = _segment(prefix) + chunk * repeats + _segment(suffix, zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(repeats):
        crc = zlib.crc32(filler, crc)
    return data, zlib.crc32(suffix, crc), len(prefix) + len(filler) * repeats + len(suffix)


def write_zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """A zip of deflated members (name, raw deflate, CRC, size, size declared in the headers)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, _size, declared in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), declared, len(encoded), 0
        )
        out += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(data),
            declared,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))


def _plain_member(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    return name, _segment(data, zlib.Z_FINISH), zlib.crc32(data), len(data), len(data)


def _bombed(
    make: Callable[[Path], None], part: str, mebibytes: int, *, lie: bool = False
) -> Callable[[Path], None]:
    """A valid package whose ``part`` is padded with ``mebibytes`` MiB of spaces (still well-formed XML), its
    size declared honestly or, with ``lie``, as 1,000 bytes."""

    def build(path: Path) -> None:
        make(path)
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            contents = {name: package.read(name) for name in names}
        target = next(name for name in names if name.startswith(part))
        xml = contents[target]
        cut = xml.rindex(b"</")  # pad before the closing tag of the root element
        data, crc, size = bomb_member(xml[:cut], b" " * (1 << 20), mebibytes, xml[cut:])
        members = [_plain_member(name, contents[name]) for name in names if name != target]
        members.append((target, data, crc, size, 1000 if lie else size))
        write_zip(path, members)

    return build


def _billion_laughs_docx(path: Path) -> None:
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "lol" * 10}">'
        for i in range(1, 10)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", xml)


def _billion_laughs_xlsx(path: Path) -> None:
    valid_xlsx(path)
    with zipfile.ZipFile(path) as package:
        contents = {name: package.read(name) for name in package.namelist()}
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "lol" * 10}">'
        for i in range(1, 10)
    ).encode()
    sheet = "xl/worksheets/sheet2.xml"
    xml = contents[sheet]
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    contents[sheet] = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet ['
        + entities
        + b"]>"
        + body.replace(b"<sheetData>", b"<sheetData>&lol9;", 1)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in contents.items():
            package.writestr(name, data)


def _nested_docx_xml(path: Path, depth: int) -> None:
    body = (
        "<w:p><w:r><w:t>Thủ tục thử nghiệm bảng lồng nhau</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>a) Trình tự thực hiện: Nộp hồ sơ.</w:t></w:r></w:p>"
        + "<w:tbl><w:tr><w:tc>" * depth
        + "<w:p><w:r><w:t>đáy</w:t></w:r></w:p>"
        + "</w:tc></w:tr></w:tbl>" * depth
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")


# --- text files ------------------------------------------------------------------------------------------------


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


_LIST_HEADER = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Mô tả"]


def _huge_cell_xlsx(path: Path) -> None:
    """A hand-made list whose description cell holds 50 MB of text that does not compress (a repeated letter
    would make the workbook a zip bomb, refused before any cell is read). Excel and openpyxl stop at 32,767
    characters, so the cell is put into the sheet's XML directly."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Thủ tục")
    sheet.append(_LIST_HEADER)
    sheet.append(["1.960002", "Thủ tục ô rất lớn", "Hộ tịch", "PLACEHOLDER"])
    book.save(path)
    with zipfile.ZipFile(path) as package:
        contents = {name: package.read(name) for name in package.namelist()}
    text = base64.b64encode(random.Random(1).randbytes(3 * (50 << 20) // 4))
    sheet_xml = "xl/worksheets/sheet1.xml"
    contents[sheet_xml] = contents[sheet_xml].replace(b"PLACEHOLDER", text)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, data in contents.items():
            package.writestr(name, data)


def _mixed_encoding_csv(path: Path) -> None:
    lines = [
        _csv([_LIST_HEADER]).encode("utf-8"),
        _csv([["1.900001", "Thủ tục một", "Hộ tịch", "Dòng UTF-8"]]).encode("utf-8"),
        cp1258(_csv([["1.900002", "Thủ tục hai", "Hộ tịch", "Dòng Windows-1258"]])),
    ]
    path.write_bytes(b"".join(lines))


def _utf16_without_bom(path: Path) -> None:
    text = _csv([_LIST_HEADER, ["1.900003", "Thủ tục ba", "Hộ tịch", "UTF-16 không BOM"]])
    path.write_bytes(text.encode("utf-16-le"))


def _formula_csv(path: Path) -> None:
    rows = [_LIST_HEADER] + [
        [f"1.9100{i:02d}", formula, "Hộ tịch", formula] for i, formula in enumerate(FORMULAS, start=1)
    ]
    path.write_text(_csv(rows), encoding="utf-8")


def _formula_xlsx(path: Path) -> None:
    """A hand-made template whose name cells are live formulas (openpyxl writes "=..." as a formula)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Thủ tục"
    sheet.append(["Mã thủ tục", "Tên thủ tục", "Lĩnh vực"])
    sheet.append(["1.920001", "=1+1", "=cmd|' /C calc'!A0"])
    sheet.append(["1.920002", "@SUM(1+1)", '=HYPERLINK("http://x","y")'])
    book.save(path)


def _marked(code: str) -> dict[str, Any]:
    """A procedure whose name, first step and first item are markup, and whose field is a formula."""
    record = _procedure(code, MARKUP, field=FORMULAS[2])
    record["steps"] = [
        {**record["steps"][0], "title": MARKUP, "description": FORMULAS[1]},
        *record["steps"][1:],
    ]
    record["items"] = [{**record["items"][0], "name": MARKUP, "name_normalized": ""}, *record["items"][1:]]
    return record


def _control_json(path: Path) -> None:
    controls = "".join(chr(c) for c in range(32)) + "\ufffe\uffff"
    record = _procedure("1.930001", f"Thủ tục{controls} có ký tự điều khiển", description=f"Mô tả{controls}")
    path.write_text(json.dumps([record], ensure_ascii=True), encoding="utf-8")


def _surrogate_json(path: Path) -> None:
    record = _procedure("1.930002", "Thủ tục SURROGATE", description="Mô tả SURROGATE")
    text = json.dumps([record], ensure_ascii=False).replace("SURROGATE", "\\ud800 \\udfff lẻ")
    path.write_text(text, encoding="utf-8")


def _surrogate_api(path: Path, shared: Path | None) -> None:
    """A portal detail-API record (the shared one when present) with lone surrogates in every text."""
    record = _api_record(shared)
    text = json.dumps(record, ensure_ascii=False)
    text = text.replace('": "', '": "\\ud800')
    path.write_text(text, encoding="utf-8")


def _api_record(shared: Path | None) -> dict[str, Any]:
    source = shared / "portal-api" if shared else None
    if source and source.is_dir():
        first = sorted(source.glob("*.json"))[0]
        return json.loads(first.read_text(encoding="utf-8"))
    return {
        "code": "1.940000",
        "name": "Thủ tục API thử nghiệm",
        "executionMethods": [
            {
                "submissionMethod": "DIRECT",
                "processingTime": 5,
                "processingTimeUnit": "WORKING_DAY",
                "fees": [],
            }
        ],
        "executionCases": [],
        "profileComponents": [],
    }


def _api_with(
    shared: Path | None, change: Callable[[dict[str, Any]], None], code: str
) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        record = _api_record(shared)
        record["code"] = code
        change(record)
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    return build


def _first_method(record: dict[str, Any]) -> dict[str, Any]:
    methods = record.setdefault("executionMethods", [])
    if not methods:
        methods.append({"submissionMethod": "DIRECT", "fees": []})
    return methods[0]


def _huge_fee(record: dict[str, Any]) -> None:
    _first_method(record)["fees"] = [{"type": "FEE", "value": 10**30, "description": ""}]


def _infinite_time(record: dict[str, Any]) -> None:
    _first_method(record)["processingTime"] = float("inf")


def _duplicates_json(path: Path) -> None:
    first = _procedure("1.950001", "Thủ tục trùng mã (bản đầu)")
    second = _procedure("1.950001", "Thủ tục trùng mã (bản sau)")
    path.write_text(json.dumps([first, second], ensure_ascii=False), encoding="utf-8")


def _garbage(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def corpus(shared: Path | None = None) -> list[Case]:
    """Every hostile case; ``shared`` is the shared data folder when present (real records to damage)."""
    cases = [
        Case("xlsx-truncated", "truncated.xlsx", _truncated(valid_xlsx), "refused", "damaged Excel workbook"),
        Case(
            "xlsx-garbled",
            "garbled.xlsx",
            _garbled(valid_xlsx, "xl/worksheets/sheet2.xml"),
            "refused",
            "cannot be read",
            record=True,  # the sheet is named
        ),
        Case("docx-truncated", "truncated.docx", _truncated(valid_docx), "refused", "damaged or truncated"),
        Case(
            "docx-garbled", "garbled.docx", _garbled(valid_docx, "word/document.xml"), "refused", "document"
        ),
        Case("docx-billion-laughs", "laughs.docx", _billion_laughs_docx, "refused", "entity declarations"),
        Case(
            "xlsx-billion-laughs", "laughs.xlsx", _billion_laughs_xlsx, "imported"
        ),  # entities never expanded
        Case(
            "docx-zip-bomb",
            "bomb.docx",
            _bombed(valid_docx, "word/document.xml", 1100),
            "refused",
            "too large",
        ),
        Case(
            "docx-zip-bomb-lying",
            "bomb-lying.docx",
            _bombed(valid_docx, "word/document.xml", 1100, lie=True),
            "refused",
            "",
        ),
        Case(
            "xlsx-zip-bomb",
            "bomb.xlsx",
            _bombed(valid_xlsx, "xl/worksheets/sheet2.xml", 1100),
            "refused",
            "1 GiB",
        ),
        Case(
            "xlsx-zip-bomb-under-limit",
            "bomb-900.xlsx",
            _bombed(valid_xlsx, "xl/worksheets/sheet2.xml", 900),
            "refused",
            "zip bomb",
        ),
        Case(
            "xlsx-zip-bomb-lying",
            "bomb-lying.xlsx",
            _bombed(valid_xlsx, "xl/worksheets/sheet2.xml", 1100, lie=True),
            "refused",
            "larger than its declared",
            record=True,  # the sheet is named
        ),
        Case(
            "csv-50mb-cell",
            "huge-cell.csv",
            lambda p: p.write_text(
                _csv([_LIST_HEADER, ["1.960001", "Thủ tục ô lớn", "Hộ tịch", "x" * (50 << 20)]]),
                encoding="utf-8",
            ),
            "imported",
            seconds=10,
        ),
        Case("xlsx-50mb-cell", "huge-cell.xlsx", _huge_cell_xlsx, "imported", seconds=10),
        Case("csv-formulas", "formulas.csv", _formula_csv, "imported"),
        Case("xlsx-formulas", "formulas.xlsx", _formula_xlsx, "imported"),
        Case(
            "json-formulas-markup",
            "formulas.json",
            _write_json(
                [
                    _procedure("1.910101", FORMULAS[0], description=MARKUP),
                    _marked("1.910102"),
                ]
            ),
            "imported",
        ),
        Case("json-control-characters", "controls.json", _control_json, "imported"),
        Case("json-lone-surrogates", "surrogates.json", _surrogate_json, "imported"),
        Case("api-lone-surrogates", "api-surrogates.json", lambda p: _surrogate_api(p, shared), "imported"),
        Case("csv-mixed-encodings", "mixed.csv", _mixed_encoding_csv, "refused", "encoding"),
        Case("csv-utf16-without-bom", "utf16.csv", _utf16_without_bom, "refused", "UTF-16"),
        Case(
            "json-utf16-without-bom",
            "utf16.json",
            lambda p: p.write_bytes(
                json.dumps([_procedure("1.970001", "Thủ tục")], ensure_ascii=False).encode("utf-16-le")
            ),
            "refused",
            "",
        ),
        Case("json-duplicate-codes", "duplicates.json", _duplicates_json, "imported"),
        Case("docx-nested-200", "nested.docx", lambda p: valid_docx(p, nested=200), "imported"),
        Case(
            "docx-nested-100000", "abyss.docx", lambda p: _nested_docx_xml(p, 100_000), "imported", seconds=10
        ),
        Case(
            "json-deep-arrays",
            "deep.json",
            _write_bytes(b"[" * 1_000_000 + b"]" * 1_000_000),
            "refused",
            "nested too deeply",
        ),
        Case(
            "json-deep-objects",
            "deep-objects.json",
            _write_bytes(b'{"a":' * 1_000_000 + b"1" + b"}" * 1_000_000),
            "refused",
            "nested too deeply",
        ),
        Case(
            "json-huge-integer",
            "huge-int.json",
            _write_bytes(
                b'[{"code": "1.980001", "name": "x", "items": [], "version": ' + b"9" * 100_000 + b"}]"
            ),
            "refused",
            "number too long",
        ),
        Case(
            "api-huge-fee",
            "api-huge-fee.json",
            _api_with(shared, _huge_fee, "1.980002"),
            "refused",
            "amount_vnd",
            record=True,
        ),
        Case(
            "api-infinite-time",
            "api-infinite-time.json",
            _api_with(shared, _infinite_time, "1.980003"),
            "refused",
            "time_limit",
            record=True,
        ),
        Case(
            "json-huge-fee",
            "huge-fee.json",
            _write_json(
                [
                    _procedure(
                        "1.980004",
                        "Thủ tục phí lớn",
                        channels=[{"method": "DIRECT", "fees": [{"kind": "FEE", "amount_vnd": 10**30}]}],
                    )
                ]
            ),
            "refused",
            "amount_vnd",
            record=True,
        ),
        Case(
            "json-nan-time",
            "nan.json",
            _write_bytes(
                b'[{"code": "1.980005", "name": "x", "items": [], "channels": [{"method": "DIRECT", "time_limit": NaN}]}]'
            ),
            "refused",
            "time_limit",
            record=True,
        ),
    ]
    cases += [
        Case(  # a name copied from a Windows zip: bytes that are not UTF-8
            "filename-undecodable",
            os.fsdecode(b"t\xean-c\xf3-d\xe2u.json"),
            _api_with(shared, lambda record: None, "1.990001"),
            "imported",
        ),
        Case("filename-line-break", "dòng\nmới.json", _write_bytes(b"{broken"), "refused", "not valid JSON"),
    ]
    for extension in ("json", "xlsx", "docx", "csv"):
        cases.append(
            Case(
                f"garbage-{extension}",
                f"garbage.{extension}",
                _write_bytes(_garbage(64 << 10, 3)),
                "refused",
                "",
            )
        )
        cases.append(
            Case(
                f"empty-{extension}", f"empty.{extension}", _write_bytes(b""), "refused", "the file is empty"
            )
        )
    cases.append(
        Case("blank-json", "blank.json", _write_bytes(b" \r\n\t" * 100), "refused", "the file is empty")
    )
    return cases


#: The corpus, with the shared data's real files when ../shared is here.
CASES = corpus(SHARED / "data" if (SHARED / "data").is_dir() else None)
