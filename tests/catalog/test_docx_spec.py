"""Word procedure specifications: an annex of a Quyết định công bố (Part I list, Part II blocks in paragraph, label |
value table and bold-label layouts), a single specification, and hostile packages.

The documents are written here with python-docx in the publication layout (DOMAIN.md §7); reading is ours.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.table import Table as DocxTable
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import catalog.importing.all_formats  # noqa: F401  (registers every format)
from catalog.errors import CatalogReadError
from catalog.formats.docx_spec import DocxSpecFormat
from catalog.importing.registry import detect
from catalog.reading.spec_fields import parse_channel_lines, parse_fees, parse_quantity, parse_time
from exporters.json_export import procedure_json
from models.enums import (
    ChannelMethod,
    CopyForm,
    FeeKind,
    ItemGroup,
    ItemKind,
    Level,
    ProcedureStatus,
    TimeUnit,
)

FMT = DocxSpecFormat()
DECISION = "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 15/03/2024 của Chủ tịch Ủy ban nhân dân tỉnh Lai Châu)"


# ----------------------------------------------------------------------------------------------- builders


def bold(document: Document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def table(document: Document | DocxTable, rows: list[list[str]]) -> DocxTable:
    made = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, row in zip(made.rows, rows, strict=True):
        for cell, text in zip(cells.cells, row, strict=True):
            cell.text = text
    return made


def merged_row(made: DocxTable, index: int, text: str) -> None:
    row = made.rows[index]
    cell = row.cells[0].merge(row.cells[-1])
    cell.text = text


LIST_HEADER = ["STT", "Mã số", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện"]


def part_one(document: Document) -> None:
    bold(document, "PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH")
    bold(document, "1. Danh mục thủ tục hành chính mới ban hành")
    new = table(
        document, [LIST_HEADER, [""] * 5, ["1", "", "Đăng ký khai sinh lưu động", "Hộ tịch", "UBND cấp xã"]]
    )
    merged_row(new, 1, "A. Thủ tục hành chính cấp xã")
    bold(document, "2. Danh mục thủ tục hành chính được sửa đổi, bổ sung")
    amended = table(
        document,
        [
            LIST_HEADER,
            [""] * 5,
            ["1", "1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Ủy ban nhân dân cấp xã"],
            [""] * 5,
            [
                "2",
                "1.004220",
                "Cấp giấy phép kinh doanh karaoke",
                "Văn hóa",
                "Sở Văn hóa, Thể thao và Du lịch",
            ],
        ],
    )
    merged_row(amended, 1, "A. Thủ tục hành chính cấp xã")
    merged_row(amended, 3, "B. Thủ tục hành chính cấp tỉnh")
    bold(document, "3. Danh mục thủ tục hành chính bị bãi bỏ")
    table(
        document, [LIST_HEADER, ["1", "1.000656", "Thủ tục đăng ký lại khai sinh", "Hộ tịch", "UBND cấp xã"]]
    )


def birth_registration_in_paragraphs(document: Document) -> None:
    """The classic layout: lettered labels, values in paragraphs, channels and quantities in text."""
    bold(document, "1. Thủ tục đăng ký khai sinh")
    for text in [
        "a) Trình tự thực hiện:",
        "- Bước 1: Người yêu cầu đăng ký khai sinh nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân "
        "dân cấp xã.",
        "- Bước 2: Công chức tư pháp - hộ tịch kiểm tra toàn bộ hồ sơ, đối chiếu thông tin.",
        "- Bước 3: Công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ hộ tịch, trong thời hạn 01 ngày làm "
        "việc trả kết quả.",
        "b) Cách thức thực hiện:",
        "Người yêu cầu nộp hồ sơ theo một trong các cách sau:",
        "- Trực tiếp tại Bộ phận Một cửa: 01 ngày làm việc; Lệ phí: 8.000 đồng.",
        "- Trực tuyến qua Cổng Dịch vụ công quốc gia: 01 ngày làm việc; Miễn phí.",
        "- Qua dịch vụ bưu chính: 01 ngày làm việc; Lệ phí: 8.000 đồng (chưa gồm cước bưu chính).",
        "c) Thành phần, số lượng hồ sơ:",
        "* Giấy tờ phải nộp:",
        "- Tờ khai đăng ký khai sinh theo mẫu (01 bản chính);",
        "- Giấy chứng sinh (01 bản chính);",
        "- Văn bản ủy quyền được chứng thực trong trường hợp ủy quyền (01 bản sao có chứng thực).",
        "* Giấy tờ phải xuất trình:",
        "- Hộ chiếu, chứng minh nhân dân hoặc thẻ căn cước công dân (01 bản chính để đối chiếu).",
        "* Lưu ý:",
        "- Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm bản sao có chứng thực các giấy tờ phải "
        "xuất trình.",
        "Số lượng hồ sơ: 01 bộ.",
        "d) Thời hạn giải quyết: Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải "
        "quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.",
        "đ) Đối tượng thực hiện thủ tục hành chính: Công dân Việt Nam; Người nước ngoài.",
        "e) Cơ quan thực hiện thủ tục hành chính: Ủy ban nhân dân cấp xã.",
        "g) Kết quả thực hiện thủ tục hành chính: Giấy khai sinh (bản chính) (Mã: KQ.G15.000031).",
        "h) Phí, lệ phí (nếu có): Miễn lệ phí đăng ký khai sinh đúng hạn.",
        "i) Tên mẫu đơn, mẫu tờ khai (nếu có): Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1 ban hành kèm theo "
        "Thông tư số 04/2020/TT-BTP).",
        "k) Yêu cầu, điều kiện thực hiện thủ tục hành chính (nếu có): Không.",
        "l) Căn cứ pháp lý của thủ tục hành chính:",
        "- Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014;",
        "- Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều của Luật Hộ tịch;",
        "- Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp.",
    ]:
        document.add_paragraph(text)


def mobile_registration_in_a_table(document: Document) -> None:
    """Label | value table; channels and dossier as tables nested in the value cells; no code anywhere."""
    document.add_paragraph("2. Đăng ký khai sinh lưu động")
    made = table(
        document,
        [
            [
                "Trình tự thực hiện",
                "Bước 1: Công chức tư pháp - hộ tịch đến tận nhà người yêu cầu.\nBước 2: "
                "Công chức kiểm tra giấy tờ và ghi vào Sổ hộ tịch.\nBước 3: Trả Giấy khai sinh tại nhà.",
            ],
            ["Cách thức thực hiện", ""],
            ["Thành phần, số lượng hồ sơ", ""],
            ["Thời hạn giải quyết", "05 ngày làm việc"],
            ["Đối tượng thực hiện", "Công dân Việt Nam"],
            [
                "Cơ quan thực hiện",
                "Cơ quan có thẩm quyền quyết định: Ủy ban nhân dân cấp xã\n"
                "Cơ quan phối hợp: Trạm y tế cấp xã",
            ],
            ["Kết quả thực hiện", "Giấy khai sinh"],
            ["Phí, lệ phí", "Miễn phí"],
            ["Tên mẫu đơn, mẫu tờ khai", "Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)"],
            ["Yêu cầu, điều kiện thực hiện", "Trẻ em chưa được đăng ký khai sinh do cha mẹ bị khuyết tật."],
            ["Căn cứ pháp lý", "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP"],
        ],
    )
    channels = made.rows[1].cells[1]
    table(
        channels,
        [
            ["Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"],
            ["Trực tiếp", "05 Ngày làm việc", "Miễn phí", "Công chức đến tận nhà"],
        ],
    )
    dossier = made.rows[2].cells[1]
    table(
        dossier,
        [
            ["Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"],
            ["Tờ khai đăng ký khai sinh", "TP-HT-2020-KS.1.docx", "1 bản chính"],
            ["Giấy tờ tùy thân của người đi đăng ký", "", "0 bản chính, 1 bản sao"],
        ],
    )


def karaoke_licence_with_bold_labels(document: Document) -> None:
    """Bold labels without letters, a code line, channel and dossier tables after their labels."""
    bold(document, "3. Cấp giấy phép kinh doanh karaoke")
    document.add_paragraph("Mã số: 1.004220")
    bold(document, "Trình tự thực hiện")
    for text in [
        "- Doanh nghiệp gửi hồ sơ đến Sở Văn hóa, Thể thao và Du lịch.",
        "- Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, kiểm tra thực tế.",
        "+ Trường hợp không cấp phải trả lời bằng văn bản và nêu rõ lý do.",
        "- Doanh nghiệp nhận giấy phép.",
    ]:
        document.add_paragraph(text)
    bold(document, "Cách thức thực hiện")
    table(
        document,
        [
            ["Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả"],
            [
                "Trực tiếp",
                "05 Ngày làm việc",
                "Phí: 4.000.000 đồng",
                "Nộp tại Trung tâm Phục vụ hành chính công",
            ],
            ["Trực tuyến", "05 Ngày làm việc", "Phí: 2.000.000 đồng (giảm 50% đến hết năm 2025)", ""],
            ["Dịch vụ bưu chính", "05 Ngày làm việc", "Phí: 4.000.000 đồng", ""],
        ],
    )
    bold(document, "Thành phần, số lượng hồ sơ")
    dossier = table(
        document,
        [
            ["Tên giấy tờ", "Mẫu đơn, tờ khai", "Số lượng"],
            ["", "", ""],
            ["Đơn đề nghị cấp giấy phép kinh doanh karaoke", "Mẫu số 01.docx", "1 bản chính"],
            ["Bản sao giấy chứng nhận đăng ký doanh nghiệp", "", "0 bản chính, 1 bản sao"],
            ["", "", ""],
            ["Doanh nghiệp phải bảo đảm các điều kiện về phòng, chống cháy nổ.", "", ""],
        ],
    )
    merged_row(dossier, 1, "Giấy tờ phải nộp:")
    merged_row(dossier, 4, "Lưu ý:")
    bold(document, "Thời hạn giải quyết")
    document.add_paragraph("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")
    document.add_paragraph("Đối tượng thực hiện: Doanh nghiệp; Hộ kinh doanh")
    document.add_paragraph("Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch")
    bold(document, "Kết quả thực hiện")
    document.add_paragraph("Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke")
    bold(document, "Yêu cầu, điều kiện")
    document.add_paragraph("- Là doanh nghiệp hoặc hộ kinh doanh được thành lập theo quy định của pháp luật;")
    document.add_paragraph("- Bảo đảm các điều kiện về phòng, chống cháy nổ.")
    bold(document, "Căn cứ pháp lý")
    document.add_paragraph(
        "Nghị định số 54/2019/NĐ-CP ngày 19/6/2019 của Chính phủ; Thông tư số 01/2021/TT-BTC"
    )


def annex(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU")
    bold(document, "THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH, ĐƯỢC SỬA ĐỔI, BỔ SUNG VÀ BỊ BÃI BỎ")
    document.add_paragraph(DECISION)
    part_one(document)
    bold(document, "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH")
    bold(document, "A. THỦ TỤC HÀNH CHÍNH CẤP XÃ")
    birth_registration_in_paragraphs(document)
    mobile_registration_in_a_table(document)
    bold(document, "B. THỦ TỤC HÀNH CHÍNH CẤP TỈNH")
    karaoke_licence_with_bold_labels(document)
    document.save(path)
    return path


def single_specification(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_heading("Thủ tục cấp bản sao trích lục hộ tịch", level=1)
    for text in [
        "Mã số: 2.000635",
        "1. Trình tự thực hiện: Người yêu cầu nộp hồ sơ; công chức cấp bản sao trích lục ngay trong ngày.",
        "2. Cách thức thực hiện: Trực tiếp hoặc qua dịch vụ bưu chính tại Ủy ban nhân dân cấp xã.",
        "3. Thành phần, số lượng hồ sơ: Tờ khai cấp bản sao trích lục hộ tịch (01 bản chính)",
        "4. Thời hạn giải quyết: Ngay trong ngày tiếp nhận yêu cầu.",
        "5. Phí, lệ phí: Lệ phí: 8.000 đồng/bản sao",
        "6. Căn cứ pháp lý: Luật Hộ tịch số 60/2014/QH13",
    ]:
        document.add_paragraph(text)
    document.save(path)
    return path


def read_all(path: Path):
    fmt = detect(path)
    assert fmt.name == "docx-spec"
    return [(record.label, fmt.parse(record)) for record in fmt.records(path)]


@pytest.fixture
def annex_records(tmp_path: Path):
    return read_all(annex(tmp_path / "annex.docx"))


def by_name(records, name: str):
    return next(parsed for _, parsed in records if parsed.procedure.name.endswith(name))


# -------------------------------------------------------------------------------------------------- annex


def test_annex_gives_each_part_two_block_and_the_unmatched_part_one_row(annex_records) -> None:
    names = [(parsed.procedure.code, parsed.listing) for _, parsed in annex_records]
    assert names[0] == ("1.001193", False)  # code from Part I, matched by folded name
    assert names[1][0].startswith("DOCX-") and names[1][1] is False  # published without a code
    assert names[2] == ("1.004220", False)
    assert names[3] == ("1.000656", True)  # abolished: listed in Part I only
    assert [label for label, _ in annex_records][3] == "Part I table 3, row 2 (Thủ tục đăng ký lại khai sinh)"
    abolished = annex_records[3][1].procedure
    assert abolished.status == ProcedureStatus.ABOLISHED and abolished.field == "Hộ tịch"


def test_status_level_and_decision_come_from_part_one_and_the_title(annex_records) -> None:
    birth = by_name(annex_records, "Thủ tục đăng ký khai sinh").procedure
    mobile = by_name(annex_records, "Đăng ký khai sinh lưu động").procedure
    karaoke = by_name(annex_records, "karaoke").procedure
    assert (birth.status, birth.levels) == (ProcedureStatus.AMENDED, [Level.COMMUNE])
    assert (mobile.status, mobile.levels) == (ProcedureStatus.NEW, [Level.COMMUNE])
    assert (karaoke.status, karaoke.levels) == (ProcedureStatus.AMENDED, [Level.PROVINCE])
    assert birth.field == "Hộ tịch" and karaoke.field == "Văn hóa"
    assert birth.announcement_decision == "1234/QĐ-UBND"
    assert str(birth.announcement_date) == "2024-03-15"
    assert birth.announcement_issuer == "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"


def test_paragraph_layout_items_groups_notes_and_forms(annex_records) -> None:
    p = by_name(annex_records, "Thủ tục đăng ký khai sinh").procedure
    assert [(i.name_normalized, i.originals, i.copies, i.group) for i in p.items] == [
        ("Tờ khai đăng ký khai sinh theo mẫu", 1, 0, ItemGroup.SUBMIT),
        ("Giấy chứng sinh", 1, 0, ItemGroup.SUBMIT),
        ("Văn bản ủy quyền được chứng thực trong trường hợp ủy quyền", 0, 1, ItemGroup.SUBMIT),
        ("Hộ chiếu, chứng minh nhân dân hoặc thẻ căn cước công dân", 1, 0, ItemGroup.SHOW),
    ]
    assert p.items[0].kind == ItemKind.FORM and "TP/HT-2020-KS.1" in (p.items[0].template or "")
    assert p.items[2].certified_copy and p.items[2].condition == "trong trường hợp ủy quyền"
    assert p.items[3].copy_forms == [CopyForm.SHOW_ORIGINAL]
    assert p.items[0].case == "* Giấy tờ phải nộp:" and p.items[3].case == "* Giấy tờ phải xuất trình:"
    assert [(n.heading, n.text[:20]) for n in p.notes] == [
        ("* Lưu ý:", "- Trường hợp gửi hồ "),
        (None, "Số lượng hồ sơ: 01 b"),
    ]


def test_paragraph_layout_channels_steps_time_and_legal_basis(annex_records) -> None:
    p = by_name(annex_records, "Thủ tục đăng ký khai sinh").procedure
    assert [(c.method, c.time_limit, c.time_unit, c.fee_vnd) for c in p.channels] == [
        (ChannelMethod.DIRECT, 1, TimeUnit.WORKING_DAY, 8000),
        (ChannelMethod.ONLINE, 1, TimeUnit.WORKING_DAY, 0),
        (ChannelMethod.POSTAL, 1, TimeUnit.WORKING_DAY, 8000),
    ]
    assert p.channels[0].fees[0].kind == FeeKind.CHARGE
    assert [s.title.split(":")[0] for s in p.steps if s.title] == ["Bước 1", "Bước 2", "Bước 3"]
    assert p.steps[0].actor == "APPLICANT" and p.steps[2].time_text == "01 ngày làm việc"
    assert p.subjects == ["Công dân Việt Nam", "Người nước ngoài"]
    assert p.executing_agencies == ["Ủy ban nhân dân cấp xã"]
    assert [(r.name, r.code) for r in p.results] == [("Giấy khai sinh (bản chính)", "KQ.G15.000031")]
    assert p.requirements == []  # "Không."
    assert [(r.number, r.issuer, str(r.date)) for r in p.legal_basis] == [
        ("60/2014/QH13", "Quốc hội", "2014-11-20"),
        ("123/2015/NĐ-CP", "Chính phủ", "2015-11-15"),
        ("04/2020/TT-BTP", "Bộ Tư pháp", "2020-05-28"),
    ]


def test_table_layout_with_nested_channel_and_dossier_tables(annex_records) -> None:
    parsed = by_name(annex_records, "Đăng ký khai sinh lưu động")
    p = parsed.procedure
    assert any("code" in w and "derived" in w for w in parsed.warnings)
    assert [(c.method, c.time_limit, c.time_unit, c.fee_vnd, c.time_note) for c in p.channels] == [
        (ChannelMethod.DIRECT, 5, TimeUnit.WORKING_DAY, 0, "Công chức đến tận nhà")
    ]
    assert [(i.name, i.originals, i.copies, i.kind, i.template) for i in p.items] == [
        ("Tờ khai đăng ký khai sinh", 1, 0, ItemKind.FORM, "TP-HT-2020-KS.1.docx"),
        ("Giấy tờ tùy thân của người đi đăng ký", 0, 1, ItemKind.DOCUMENT, None),
    ]
    assert len(p.steps) == 3 and p.steps[2].title == "Bước 3: Trả Giấy khai sinh tại nhà."
    assert p.competent_authorities == ["Ủy ban nhân dân cấp xã"]
    assert p.coordinating_agencies == ["Trạm y tế cấp xã"]
    assert p.requirements == ["Trẻ em chưa được đăng ký khai sinh do cha mẹ bị khuyết tật."]
    assert [r.number for r in p.legal_basis] == ["60/2014/QH13", "123/2015/NĐ-CP"]


def test_bold_label_layout_with_channel_and_dossier_tables(annex_records) -> None:
    p = by_name(annex_records, "karaoke").procedure
    assert p.code == "1.004220"
    assert [(c.method, c.time_limit, c.fee_vnd) for c in p.channels] == [
        (ChannelMethod.DIRECT, 5, 4_000_000),
        (ChannelMethod.ONLINE, 5, 2_000_000),
        (ChannelMethod.POSTAL, 5, 4_000_000),
    ]
    assert "giảm 50%" in (p.channels[1].fees[0].note or "")  # the reduction stays with its fee
    assert p.channels[0].fees[0].kind == FeeKind.FEE
    assert [(i.name, i.kind, i.template, i.originals, i.copies) for i in p.items] == [
        ("Đơn đề nghị cấp giấy phép kinh doanh karaoke", ItemKind.FORM, "Mẫu số 01.docx", 1, 0),
        ("Bản sao giấy chứng nhận đăng ký doanh nghiệp", ItemKind.DOCUMENT, None, 0, 1),
    ]
    assert [(n.heading, n.text) for n in p.notes] == [
        ("Lưu ý:", "Doanh nghiệp phải bảo đảm các điều kiện về phòng, chống cháy nổ.")
    ]
    assert len(p.steps) == 3 and "+ Trường hợp không cấp" in p.steps[1].description
    assert p.subjects == ["Doanh nghiệp", "Hộ kinh doanh"]
    assert p.results[0].name == "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke"
    assert len(p.requirements) == 2
    assert [r.number for r in p.legal_basis] == ["54/2019/NĐ-CP", "01/2021/TT-BTC"]


def test_annex_matches_its_golden_file(annex_records, golden) -> None:
    golden(
        "docx/annex.json",
        [
            {"label": label, "listing": parsed.listing, "warnings": parsed.warnings}
            | procedure_json(parsed.procedure)
            for label, parsed in annex_records
        ],
    )


def test_single_specification_without_parts(tmp_path: Path) -> None:
    [(label, parsed)] = read_all(single_specification(tmp_path / "one.docx"))
    p = parsed.procedure
    assert (p.code, p.name) == ("2.000635", "Thủ tục cấp bản sao trích lục hộ tịch")
    assert label == "procedure 1 (Thủ tục cấp bản sao trích lục hộ tịch)"
    assert [(c.method, c.fee_vnd, c.time_note) for c in p.channels] == [
        (ChannelMethod.DIRECT, 8000, "Ngay trong ngày tiếp nhận yêu cầu."),
        (ChannelMethod.POSTAL, 8000, "Ngay trong ngày tiếp nhận yêu cầu."),
    ]
    assert [(i.name, i.originals, i.kind) for i in p.items] == [
        ("Tờ khai cấp bản sao trích lục hộ tịch", 1, ItemKind.FORM)
    ]
    assert p.legal_basis[0].number == "60/2014/QH13"


def test_import_into_a_workspace(tmp_path: Path) -> None:
    from catalog.importing.importer import import_paths
    from models.storage.workspace import Workspace

    path = annex(tmp_path / "annex.docx")
    workspace = Workspace.open(tmp_path / "w.sqlite")
    report = import_paths(workspace, [path])
    assert report.failures == []
    assert len(report.imported) == 4
    assert any("derived from its name" in w for w in report.warnings)


# ------------------------------------------------------------------------------------------ hostile inputs


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def package(path: Path, document_xml: str | None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        if document_xml is not None:
            archive.writestr("word/document.xml", document_xml)
    return path


def failure(path: Path) -> CatalogReadError:
    """The one error reading a file gives, through detection, records and parse like the importer."""
    with pytest.raises(CatalogReadError) as info:
        fmt = detect(path)
        for record in fmt.records(path):
            fmt.parse(record)
    message = str(info.value)
    assert message.startswith(str(path)) and message.endswith(".") and message.count(". ") == 0, message
    return info.value


def read_or_refuse(path: Path) -> None:
    """Read a file as the importer does; the only failure allowed is a one-sentence CatalogReadError."""
    try:
        fmt = detect(
            path
        )  # bytes that look like JSON go to a JSON format, which must refuse them the same way
        for record in fmt.records(path):
            fmt.parse(record)
    except CatalogReadError as error:
        assert str(error).startswith(str(path)) and str(error).endswith(".")


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    "document_xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external"]
)
def test_entity_declarations_are_refused(tmp_path: Path, document_xml: str) -> None:
    error = failure(package(tmp_path / "bomb.docx", document_xml))
    assert error.reason == "the document contains XML entity declarations, which are refused"


def test_truncated_package(tmp_path: Path) -> None:
    whole = annex(tmp_path / "whole.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert "damaged or truncated" in failure(cut).reason


def test_binary_garbage_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "garbage.docx"
    path.write_bytes(bytes(range(256)) * 40)
    assert "not a Word document" in failure(path).reason


def test_zip_without_document_part(tmp_path: Path) -> None:
    assert "without word/document.xml" in failure(package(tmp_path / "empty.docx", None)).reason


def test_malformed_document_xml(tmp_path: Path) -> None:
    reason = failure(package(tmp_path / "bad.docx", f"<w:document {W}><w:body><w:p>")).reason
    assert "not well-formed XML" in reason


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert failure(path).reason == "the file is empty"
    with pytest.raises(CatalogReadError):
        list(FMT.records(path))


def test_document_with_no_procedure(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh")
    document.add_paragraph("Báo cáo tình hình thực hiện nhiệm vụ năm 2024.")
    document.save(tmp_path / "letter.docx")
    assert "no procedure specification was found" in failure(tmp_path / "letter.docx").reason


def test_other_zip_packages_are_not_claimed(tmp_path: Path) -> None:
    path = package(tmp_path / "book.xlsx", None)
    assert not FMT.sniff(path, path.read_bytes()[:64])


def test_tables_nested_200_deep(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Thủ tục thử nghiệm bảng lồng nhau")
    document.add_paragraph("a) Trình tự thực hiện: Người yêu cầu nộp hồ sơ.")
    document.add_paragraph("c) Thành phần, số lượng hồ sơ:")
    container: Document | DocxTable = document
    for depth in range(200):
        made = table(container, [[f"Tầng {depth}", "01 bản chính"]])
        container = made.rows[0].cells[0]  # type: ignore[assignment]
    document.save(tmp_path / "deep.docx")
    [(_, parsed)] = read_all(tmp_path / "deep.docx")
    assert parsed.procedure.name == "Thủ tục thử nghiệm bảng lồng nhau"
    assert parsed.procedure.items  # the nesting is flattened into text, not lost, and nothing recursed


def test_tables_nested_far_beyond_any_recursion_limit(tmp_path: Path) -> None:
    depth = 20_000
    body = (
        "<w:p><w:r><w:t>Thủ tục thử</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>a) Trình tự thực hiện: Nộp hồ sơ.</w:t></w:r></w:p>"
        + "<w:tbl><w:tr><w:tc>" * depth
        + "<w:p><w:r><w:t>đáy</w:t></w:r></w:p>"
        + "</w:tc></w:tr></w:tbl>" * depth
    )
    path = package(tmp_path / "abyss.docx", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    try:
        records = read_all(path)
    except CatalogReadError as error:  # refusing is as good as reading, as long as it is one sentence
        assert str(error).startswith(str(path))
    else:
        assert records[0][1].procedure.steps


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=400))
def test_random_bytes_named_docx_only_ever_fail_with_one_sentence(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.docx"
    path.write_bytes(data)
    read_or_refuse(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(max_size=60), max_size=8))
def test_random_paragraphs_only_ever_parse_or_fail_with_one_sentence(
    tmp_path: Path, texts: list[str]
) -> None:
    body = "".join(
        f"<w:p><w:r><w:t>{t.translate({ord('<'): ' ', ord('&'): ' ', ord('>'): ' '})}</w:t></w:r></w:p>"
        for t in ["a) Trình tự thực hiện:", *texts]
        if all(ch.isprintable() or ch in "\t\n" for ch in t)
    )
    path = package(tmp_path / "fuzz.docx", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    read_or_refuse(path)


# ------------------------------------------------------------------------------------------ text parsers


def test_channel_lines() -> None:
    channels = parse_channel_lines(
        [
            "Nộp hồ sơ theo một trong các cách sau:",
            "- Nộp trực tiếp hoặc qua dịch vụ bưu chính đến Sở Tư pháp: 10 ngày làm việc",
            "Lệ phí: 200.000 đồng/hồ sơ",
            "- Trực tuyến: 08 ngày làm việc; Phí: 100,000 VNĐ",
        ]
    )
    assert [(c.method, c.time_limit, c.fee_vnd) for c in channels] == [
        (ChannelMethod.DIRECT, 10, 200_000),
        (ChannelMethod.POSTAL, 10, 200_000),
        (ChannelMethod.ONLINE, 8, 100_000),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(01 bản chính)", (1, 0)),
        ("1 bản chính, 1 bản sao", (1, 1)),
        ("Bản chính: 1 - Bản sao: 0", (1, 0)),
        ("0 bản chính,1 bản sao", (0, 1)),
        ("02 (hai) bản sao có chứng thực", (0, 2)),
        ("Ảnh màu cỡ 3x4 cm", (None, None)),
    ],
)
def test_quantity_strings(text: str, expected: tuple[int | None, int | None]) -> None:
    quantity = parse_quantity(text)
    assert (quantity.originals, quantity.copies) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lệ phí: 100.000 đồng", [(FeeKind.CHARGE, 100_000)]),
        ("Miễn phí", [(FeeKind.FEE, 0)]),
        ("Phí: ĐồngXem chi tiết", [(FeeKind.FEE, None)]),
        ("Không có thông tin", []),
        ("Lệ phí: Không có thông tin", [(FeeKind.CHARGE, None)]),  # unknown is never free
        ("Phí: Không rõ. Lệ phí: Không", [(FeeKind.FEE, None), (FeeKind.CHARGE, 0)]),
        ("Phí: Không có", [(FeeKind.FEE, 0)]),
        ("Theo mức thu do Hội đồng nhân dân cấp tỉnh quy định", [(FeeKind.OTHER, None)]),
        (
            "Phí: 250.000 ĐồngXem chi tiết Lệ phí: 1,5 triệu đồng",
            [(FeeKind.FEE, 250_000), (FeeKind.CHARGE, 1_500_000)],
        ),
    ],
)
def test_fee_strings(text: str, expected: list[tuple[FeeKind, int | None]]) -> None:
    assert [(f.kind, f.amount_vnd) for f in parse_fees(text)] == expected


def test_time_strings_keep_conditions_and_never_read_a_cut_off_hour() -> None:
    assert parse_time("15 ngày làm việc") == parse_time("Thời hạn giải quyết: 15 Ngày làm việc")
    assert parse_time("Trong thời hạn 03 tháng kể từ ngày nhận hồ sơ").unit == TimeUnit.MONTH
    late = parse_time(
        "Ngay trong ngày; nhận hồ sơ sau 15 giờ thì trả trong ngày làm việc tiếp theo", anywhere=True
    )
    assert late.limit is None and late.note
    assert (parse_time("30").limit, parse_time("30").unit) == (30, TimeUnit.OTHER)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.text(max_size=80), max_size=6), text=st.text(max_size=120))
def test_text_parsers_only_ever_return_results(lines: list[str], text: str) -> None:
    for parse in (
        lambda: parse_channel_lines(lines),
        lambda: parse_channel_lines([f"Trực tiếp: {text}"]),
        lambda: parse_quantity(text),
        lambda: parse_quantity(f"{text} 01 bản chính"),
        lambda: parse_fees(text),
        lambda: parse_fees(f"Lệ phí: {text}"),
        lambda: parse_time(text, anywhere=True),
    ):
        try:
            result = parse()
        except CatalogReadError:
            continue
        assert result is not None


def test_rewriting_the_same_document_reads_the_same(tmp_path: Path) -> None:
    first = read_all(annex(tmp_path / "a.docx"))
    second = read_all(annex(tmp_path / "b.docx"))
    assert [p.procedure for _, p in first] == [p.procedure for _, p in second]


def test_part_two_without_procedure_headings_is_refused_not_guessed(tmp_path: Path) -> None:
    document = docx.Document()
    part_one(document)
    bold(document, "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH")
    document.add_paragraph("a) Trình tự thực hiện: Người yêu cầu nộp hồ sơ.")
    document.add_paragraph("b) Cách thức thực hiện: Trực tiếp.")
    document.save(tmp_path / "unheaded.docx")
    assert "no procedure heading" in failure(tmp_path / "unheaded.docx").reason


def test_list_only_decision_gives_list_level_records(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(DECISION)
    part_one(document)
    document.save(tmp_path / "list.docx")
    records = read_all(tmp_path / "list.docx")
    assert all(parsed.listing for _, parsed in records)
    codes = [parsed.procedure.code for _, parsed in records]
    assert codes[0].startswith("DOCX-") and codes[1:] == ["1.001193", "1.004220", "1.000656"]
    # The same name gives the same derived code as the Part II block published without a code.
    assert codes[0] == by_name(read_all(annex(tmp_path / "annex.docx")), "lưu động").procedure.code
