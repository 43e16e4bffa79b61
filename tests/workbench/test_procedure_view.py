"""The detail pane: every published part, escaped, in its own section, with Vietnamese labels."""

from __future__ import annotations

import datetime as dt

from models.enums import ChannelMethod, CopyForm, FeeKind, ItemKind, TimeUnit
from models.procedure import Channel, DossierItem, Fee, LegalReference, Note, Procedure
from tests.workbench.conftest import birth_registration
from workbench.procedure_view import ProcedureView, format_vnd, procedure_html


def section(text: str, heading: str, next_heading: str) -> str:
    start = text.index(heading)
    return text[start : text.index(next_heading, start)]


def test_amounts_distinguish_free_from_unknown(translations) -> None:
    assert format_vnd(100000) == "100.000 đ"
    assert format_vnd(1250000) == "1.250.000 đ"
    assert format_vnd(0) == "Miễn phí"
    assert format_vnd(None) == "không rõ"


def test_items_and_notes_are_shown_in_separate_sections(qtbot, translations) -> None:
    view = ProcedureView()
    qtbot.addWidget(view)
    view.show_procedure(birth_registration())
    text = view.toPlainText()
    dossier = section(text, "Thành phần hồ sơ", "Lưu ý")
    to_submit = section(dossier, "Giấy tờ phải nộp", "Giấy tờ phải xuất trình")
    assert "Tờ khai đăng ký khai sinh theo mẫu" in to_submit
    assert "Giấy chứng sinh" in to_submit
    assert "Căn cước công dân của người đi đăng ký" in dossier[dossier.index("Giấy tờ phải xuất trình") :]
    assert "Không phải nộp bản sao" not in dossier
    notes = section(text, "Lưu ý", "Kết quả thực hiện")
    assert "Không phải nộp bản sao Giấy chứng nhận kết hôn nếu đã có trong Cơ sở dữ liệu hộ tịch." in notes
    assert "Trường hợp nộp trực tuyến, giấy tờ gửi kèm là bản chụp." in notes
    assert "Giấy chứng sinh" not in notes
    assert view.accessibleName() == "Chi tiết thủ tục"


def test_every_published_part_is_shown_in_vietnamese(translations) -> None:
    procedure = birth_registration()
    procedure.legal_basis[0].date = dt.date(2014, 11, 20)
    html = procedure_html(procedure)
    for expected in (
        "Thủ tục đăng ký khai sinh",
        "1.001193",
        "Cấp xã",
        "Hộ tịch",
        "Bộ Tư pháp",
        "Ủy ban nhân dân cấp xã",
        "Công dân Việt Nam",
        "Trực tiếp",
        "1 ngày làm việc",
        "Lệ phí: Miễn phí",
        "Dịch vụ bưu chính",
        "3 ngày",
        "Phí: 100.000 đ",
        "cước bưu chính",
        "Trực tuyến",
        "8 giờ",
        "Phí dịch vụ: không rõ",  # what the API calls it, as the exports say
        "Nộp hồ sơ",
        "Thực hiện: Tổ chức, cá nhân",
        "Thực hiện: Bộ phận một cửa",
        "Thời gian: Ngay trong ngày",
        "bản chính: 1, bản sao: 0",
        "mẫu đơn, tờ khai: TK-KS.docx",
        "điều kiện: nếu có",
        "Giấy khai sinh (bản chính)",
        "mã KQ.G15.000031",
        "Trẻ em chưa được đăng ký khai sinh",
        "60/2014/QH13",
        "Luật Hộ tịch",
        "20/11/2014",
        "Quyết định công bố",
        "1872/QĐ-BTP",
    ):
        assert expected in html, expected
    steps = [html.index(title) for title in ("Nộp hồ sơ", "Tiếp nhận", "Trả kết quả")]
    assert steps == sorted(steps)


def test_certified_copies_are_marked(translations) -> None:
    html = procedure_html(birth_registration())
    proxy_item = html[html.index("Văn bản ủy quyền") :]
    assert "⚠ Bản sao có chứng thực" in proxy_item[: proxy_item.index("</li>")]
    plain_item = html[html.index("Giấy chứng sinh") :]
    assert "⚠" not in plain_item[: plain_item.index("</li>")]


def test_month_limits_and_channels_without_fees(translations) -> None:
    procedure = Procedure(
        code="9.9",
        name="x",
        channels=[
            Channel(
                method=ChannelMethod.DIRECT,
                time_limit=2,
                time_unit=TimeUnit.MONTH,
                time_note="kể từ ngày nhận",
            ),
            Channel(method=ChannelMethod.ONLINE, time_limit=None),
        ],
    )
    html = procedure_html(procedure)
    assert "2 tháng" in html and "kể từ ngày nhận" in html
    online_row = html[html.index("Trực tuyến") :]
    assert online_row[: online_row.index("</tr>")].count("không rõ") == 2  # time limit and fees unknown


def test_imported_text_is_escaped(qtbot, translations) -> None:
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    procedure = Procedure(
        code="<b>1</b>",
        name=hostile,
        field=hostile,
        subjects=[hostile],
        channels=[
            Channel(method=ChannelMethod.DIRECT, fees=[Fee(kind=FeeKind.FEE, amount_vnd=1, note=hostile)])
        ],
        items=[DossierItem(name=hostile, condition=hostile, template=hostile)],
        notes=[Note(text=hostile, heading=hostile)],
        legal_basis=[LegalReference(title=hostile, number=hostile)],
        requirements=[hostile],
        announcement_decision=hostile,
    )
    html = procedure_html(procedure)
    assert "<script" not in html and "<img" not in html and "<b>1</b>" not in html
    view = ProcedureView()
    qtbot.addWidget(view)
    view.show_procedure(procedure)
    assert view.toPlainText().count(hostile) >= 8  # shown literally, as published


def test_english_labels_without_a_translator(qtbot) -> None:
    html = procedure_html(birth_registration())
    assert "<h4>To submit</h4>" in html and "<h4>To show</h4>" in html and "3 days" in html
    assert "Free" in html and "Postal" in html and "Who: Applicant" in html


def test_a_fee_that_says_neither_which_is_a_fee_or_charge(translations) -> None:
    """The vocabulary's short form: "Khác" would not say what the amount is, alone on its line."""
    fees = [Fee(kind=FeeKind.OTHER, amount_vnd=200000), Fee(kind=FeeKind.CHARGE, amount_vnd=0)]
    procedure = Procedure(code="9.9", name="x", channels=[Channel(method=ChannelMethod.DIRECT, fees=fees)])
    html = procedure_html(procedure)
    assert "Phí, lệ phí: 200.000 đ" in html and "Lệ phí: Miễn phí" in html and "Khác" not in html


def test_accepted_forms_are_listed_in_running_text(translations) -> None:
    item = DossierItem(
        name="Giấy phép",
        copy_forms=[CopyForm.ORIGINAL, CopyForm.ELECTRONIC, CopyForm.SHOW_ORIGINAL],
        kind=ItemKind.FORM,
        template="M01.docx",
    )
    html = procedure_html(Procedure(code="9.9", name="x", items=[item]))
    assert "mẫu đơn, tờ khai: M01.docx" in html
    assert "hình thức: bản chính, bản điện tử, bản chính để đối chiếu" in html


def test_nothing_selected_shows_an_invitation(qtbot, translations) -> None:
    view = ProcedureView()
    qtbot.addWidget(view)
    view.show_message()
    assert view.toPlainText() == "Chọn một thủ tục để xem chi tiết."
    assert view.procedure is None
