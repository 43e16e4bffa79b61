"""The portal's detail pages: flattened tables read back into rows, the whole corpus, and mis-filed pages."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import catalog.importing.all_formats  # noqa: F401
from catalog.errors import CatalogReadError
from catalog.formats.base import RawRecord
from catalog.formats.portal_page import PortalPageFormat, split_list
from catalog.importing.importer import import_paths, read_file
from catalog.reading.page_tables import parse_channels, parse_dossier, parse_legal_basis, peel_templates
from exporters.json_export import procedure_json
from models.enums import ChannelMethod, CopyForm, FeeKind, ItemGroup, ItemKind, Level, TimeUnit
from models.storage.workspace import Workspace

H = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"


def page(**sections: str) -> dict[str, str]:
    base = {
        key: ""
        for key in (
            "ma_thu_tuc",
            "ten_thu_tuc",
            "thanh_phan_ho_so",
            "cach_thuc_thuc_hien",
            "can_cu_phap_ly",
            "ket_qua_xu_ly",
            "cap_thuc_hien",
            "raw_text",
        )
    }
    base.update(ma_thu_tuc="1.000001", ten_thu_tuc="Cấp giấy phép thử nghiệm")
    base.update(sections)
    return base


def parse(data: dict[str, str]):
    return PortalPageFormat().parse(RawRecord(Path("p.json"), "page 1.000001", data))


def test_channel_rows_time_units_fees_and_notes() -> None:
    warnings: list[str] = []
    rows = parse_channels(
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp15 Ngày làm việc2,000,000 Việt Nam Đồng"
        "(Lệ phí: 2.000.000 đồng/hồ sơ)Nộp tại Bộ phận một cửaTrực tuyến10 NgàyMiễn phí"
        "Dịch vụ bưu chính8 GiờKhông có thông tinTrực tiếpKhông có thông tin145 USD(145 USD/thẻ)",
        warnings,
    )
    assert [(c.method, c.time_limit, c.time_unit, c.fee_vnd) for c in rows] == [
        (ChannelMethod.DIRECT, 15, TimeUnit.WORKING_DAY, 2_000_000),
        (ChannelMethod.ONLINE, 10, TimeUnit.DAY, 0),
        (ChannelMethod.POSTAL, 8, TimeUnit.HOUR, None),  # unknown is not free
        (ChannelMethod.DIRECT, None, None, None),  # a foreign currency is never converted
    ]
    assert rows[0].fees[0].kind == FeeKind.CHARGE and rows[0].fees[0].note == "Lệ phí: 2.000.000 đồng/hồ sơ"
    assert rows[0].time_note == "Nộp tại Bộ phận một cửa"
    assert "145 USD" in rows[3].fees[0].note
    assert warnings == []


def test_a_time_glued_to_an_amount_is_not_guessed() -> None:
    warnings: list[str] = []
    [row] = parse_channels(
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp120 VNĐ(20.000 đ/tờ khai)", warnings
    )
    assert (row.time_limit, row.fee_vnd) == (None, None)
    assert row.fees[0].note == "20.000 đ/tờ khai"
    assert warnings and "glued" in warnings[0]


def test_dossier_cases_quantities_glued_files_and_notes() -> None:
    text = (
        "(1) Cấp mới:" + H + "- Tờ khai đề nghị cấp phép (Mẫu số 01).Mẫu số 01.docx1 bản chính"
        "Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp;0 bản chính,1 bản sao"
        "01 bản sao giấy khai sinh hoặc trích lục khai sinh1 bản chính"
        "Số lượng hồ sơ: 01 (một) bộ.0 bản chính"
        "Các giấy tờ phải xuất trình (bản chính):" + H + "Thẻ Căn cước công dân1 bản chính"
        "Lưu ý: nộp bản sao điện tử thì không phải nộp bản giấy.1 bản chính"
        "- Trường hợp ủy quyền thì phải có văn bản ủy quyền hợp lệ."
    )
    warnings: list[str] = []
    rows = parse_dossier(text, warnings)
    assert [(r.text, r.originals, r.copies, r.heading, r.templates) for r in rows] == [
        ("- Tờ khai đề nghị cấp phép (Mẫu số 01).", 1, 0, "(1) Cấp mới:", ["Mẫu số 01.docx"]),
        ("Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp;", 0, 1, "(1) Cấp mới:", []),
        ("01 bản sao giấy khai sinh hoặc trích lục khai sinh", 1, 0, "(1) Cấp mới:", []),
        ("Số lượng hồ sơ: 01 (một) bộ.", 0, 0, "(1) Cấp mới:", []),
        ("Thẻ Căn cước công dân", 1, 0, "Các giấy tờ phải xuất trình (bản chính):", []),
        (
            "Lưu ý: nộp bản sao điện tử thì không phải nộp bản giấy.",
            1,
            0,
            "Các giấy tờ phải xuất trình (bản chính):",
            [],
        ),
        (
            "- Trường hợp ủy quyền thì phải có văn bản ủy quyền hợp lệ.",
            None,
            None,
            "Các giấy tờ phải xuất trình (bản chính):",
            [],
        ),
    ]
    procedure = parse(page(thanh_phan_ho_so=text)).procedure
    assert [(i.name_normalized, i.group, i.kind) for i in procedure.items] == [
        ("Tờ khai đề nghị cấp phép (Mẫu số 01)", ItemGroup.SUBMIT, ItemKind.FORM),
        ("Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp", ItemGroup.SUBMIT, ItemKind.DOCUMENT),
        ("01 bản sao giấy khai sinh hoặc trích lục khai sinh", ItemGroup.SUBMIT, ItemKind.DOCUMENT),
        ("Thẻ Căn cước công dân", ItemGroup.SHOW, ItemKind.DOCUMENT),
    ]
    assert procedure.items[1].copy_forms == [CopyForm.CERTIFIED] and procedure.items[1].certified_copy
    assert [n.text[:12] for n in procedure.notes] == ["Số lượng hồ ", "Lưu ý: nộp b", "- Trường hợp"]


@pytest.mark.parametrize(
    "glued, name, files",
    [
        ("Đơn đề nghị;Mau02-DS(BHYT).doc", "Đơn đề nghị;", ["Mau02-DS(BHYT).doc"]),
        (
            "Đơn đề nghị cấp đổi thẻ của đơn vị trực thuộc BộMau02-ĐN(BHYT).doc",
            "Đơn đề nghị cấp đổi thẻ của đơn vị trực thuộc Bộ",
            ["Mau02-ĐN(BHYT).doc"],
        ),
        ("Tờ khai (mẫu NA17)101-Mau A17 tam tru.doc", "Tờ khai (mẫu NA17)", ["101-Mau A17 tam tru.doc"]),
        ("Đơn xin thường trú;Mau TK01.tt73.2021.doc", "Đơn xin thường trú;", ["Mau TK01.tt73.2021.doc"]),
        ("Tờ khai theo mẫu.Mẫu 01.docxMẫu 02.pdf", "Tờ khai theo mẫu.", ["Mẫu 01.docx", "Mẫu 02.pdf"]),
        ("Giấy chứng nhận đăng ký doanh nghiệp", "Giấy chứng nhận đăng ký doanh nghiệp", []),
    ],
)
def test_form_files_are_peeled_from_item_names(glued: str, name: str, files: list[str]) -> None:
    assert peel_templates(glued) == (name, files)


def test_legal_basis_rows_split_at_their_trailing_number() -> None:
    rows = parse_legal_basis(
        "Tên văn bản pháp lýMã văn bảnNghị định 64/2022/NĐ-CP64/2022/NĐ-CPThông tư số 53/2025/TT-BCAngày 01/7/2025 "
        "của Bộ Công an53/2025/TT-BCAPháp lệnh Chi phí tố tụng năm 202405/2024/UBTVQH15"
        "Luật 54/2014/QH1354/2014/QH13LUẬT  HÀNG KHÔNG66/2006/QH11"
    )
    assert [(r.number, r.issuer) for r in rows] == [
        ("64/2022/NĐ-CP", "Chính phủ"),
        ("53/2025/TT-BCA", "Bộ Công an"),
        ("05/2024/UBTVQH15", "Ủy ban Thường vụ Quốc hội"),
        ("54/2014/QH13", "Quốc hội"),
        ("66/2006/QH11", "Quốc hội"),
    ]
    assert rows[1].title.startswith("Thông tư số 53/2025/TT-BCAngày") and str(rows[1].date) == "2025-07-01"
    assert rows[2].title == "Pháp lệnh Chi phí tố tụng năm 2024"


def test_page_fields_placeholders_levels_and_result_codes() -> None:
    parsed = parse(
        page(
            cap_thuc_hien="Cấp bộ, Cấp tỉnh, Cấp huyện",
            linh_vuc="Không có thông tin",
            doi_tuong_thuc_hien="Doanh nghiệp, Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam",
            ket_qua_xu_ly="Giấy phép kinh doanhMã: KQ.G01.000193Từ khóaKhông có thông tinMô tảChọn cơ quan thực hiện",
            thu_tuc_lien_quan="1.000002 - Cấp lại giấy phép",
            raw_text="Mã thủ tục1.000001Số quyết định",
        )
    )
    p = parsed.procedure
    assert p.levels == [Level.MINISTRY, Level.PROVINCE, Level.DISTRICT_HISTORICAL]
    assert p.field is None  # "Không có thông tin" is unknown, never a value
    assert p.subjects == ["Doanh nghiệp", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam"]
    assert [(r.name, r.code) for r in p.results] == [("Giấy phép kinh doanh", "KQ.G01.000193")]
    assert p.related_codes == ["1.000002"] and parsed.warnings == []


def test_a_page_holding_another_procedures_text_is_imported_under_that_code_with_a_warning() -> None:
    parsed = parse(
        page(
            ma_thu_tuc="3.000224",
            ten_thu_tuc="Hỗ trợ phát triển sản xuất",
            raw_text="Hỗ trợTên thủ tụcHỗ trợMã thủ tục1.014023Số quyết định",
        )
    )
    assert parsed.procedure.code == "1.014023"
    assert parsed.warnings == [
        "the page filed as 3.000224 holds the text of procedure 1.014023 (its own 'Mã thủ "
        "tục'); imported as 1.014023"
    ]


def test_a_page_without_code_or_name_is_one_sentence() -> None:
    with pytest.raises(
        CatalogReadError, match=r"^p\.json, page 1\.000001: procedure 1\.000001 has no name\.$"
    ):
        parse(page(ten_thu_tuc="  "))


def test_split_list_keeps_commas_inside_names() -> None:
    assert split_list("Chi cục Thuế, Thuế cơ sở, Thuế tỉnh, thành phố") == [
        "Chi cục Thuế",
        "Thuế cơ sở",
        "Thuế tỉnh, thành phố",
    ]


_PIECES = [
    *"0123456789 ,.;:()-/aăâbđeêghiklmnoôơpqrstuưvxy\n",
    H,
    "Trực tiếp",
    "Trực tuyến",
    "Dịch vụ bưu chính",
    "Không có thông tin",
    "Miễn phí",
    " Ngày làm việc",
    "VNĐ",
    "1 bản chính",
    ",1 bản sao",
    ".docx",
    "/2024/NĐ-CP",
    "QH15",
    "Lưu ý:",
    "(",
    ")",
]
flattened = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(flattened)
def test_table_readers_never_fail_on_any_text(text: str) -> None:
    warnings: list[str] = []
    parse_channels("Hình thức nộpThời gianPhí, lệ phíMô tả" + text, warnings)
    parse_dossier(text, warnings)
    parse_legal_basis("Tên văn bản pháp lýMã văn bản" + text)
    with contextlib.suppress(CatalogReadError):
        parse(page(thanh_phan_ho_so=text, cach_thuc_thuc_hien=text, can_cu_phap_ly=text, ket_qua_xu_ly=text))


@pytest.fixture
def corpus(shared_data: Path) -> Path:
    return shared_data / "portal-pages"


def test_every_page_of_the_corpus_imports_with_the_misfiled_ones_named(corpus: Path, tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = import_paths(ws, [corpus])
        assert report.failures == []
        assert report.files == 2110
        misfiled = [w for w in report.warnings if "holds the text of procedure" in w]
        assert len(misfiled) == 16
        assert all(("1.014023" in w or "3.000579" in w) for w in misfiled)
        codes = set(ws.codes())
        assert {"1.014023", "3.000579"} <= codes
        assert "3.000224" not in codes  # the wrong text is not filed under the code it was saved as
        assert len(codes) == 2110 - 16 + 2
        again = import_paths(ws, [corpus])
        assert (again.imported, again.updated, len(again.unchanged)) == ([], {}, len(codes))


@pytest.mark.parametrize(
    "code",
    [
        "bo-cong-an/1.012680",
        "bo-tai-chinh/1.008331",
        "bo-xay-dung/1.003897",
        "bo-nong-nghiep-mt/1.011325",
        "toa-an-nhan-dan/3.000165",
    ],
)
def test_reference_pages_match_their_golden_files(corpus: Path, code: str, golden) -> None:
    [record] = list(read_file(corpus / f"{code}.json"))
    assert record.failure is None
    golden(
        f"portal-pages/{code.replace('/', '_')}.json",
        {"warnings": record.warnings, "procedure": procedure_json(record.procedure)},
        shorten=True,
    )


@pytest.mark.parametrize("golden_set", ["portal-pages-handchecked.json", "portal-pages-heldout.json"])
def test_hand_checked_pages_match_field_for_field(corpus: Path, golden_set: str) -> None:
    """Precision and recall of dossier-item extraction on pages checked by hand (issue bar: both >= 0.97).

    The first set (40 pages) was annotated blind and then used to refine the rules; the second (20 pages, drawn
    later with another seed) was annotated blind as a held-out check.
    """
    from tests.helpers.handchecked import GOLDEN, score

    result = score(corpus, GOLDEN.with_name(golden_set))
    print(
        f"\n{golden_set}: {result['pages']} pages, items: precision {result['precision']:.3f}, "
        f"recall {result['recall']:.3f}; channels exact {result['channels_exact']}/{result['pages']}, "
        f"notes exact {result['notes_exact']}/{result['pages']}, legal numbers exact {result['legal_exact']}/{result['pages']}"
    )
    assert result["precision"] >= 0.97 and result["recall"] >= 0.97, result["misses"]
    assert result["channels_exact"] >= result["pages"] - 1  # one page's channel field is broken at the source


def test_result_codes_end_where_the_next_result_begins() -> None:
    from catalog.formats.portal_page import _results

    results = _results(
        "Giấy khai sinh Mã: KQ.G15.000031Từ chối cấp giấy khai sinh Mã: 1.001193.000.00.00.H12-KQ0001"
        "Văn bản tố tụng Mã: VBTTTừ khóa"
    )
    assert [(r.name, r.code) for r in results] == [
        ("Giấy khai sinh", "KQ.G15.000031"),
        ("Từ chối cấp giấy khai sinh", "1.001193.000.00.00.H12-KQ0001"),
        ("Văn bản tố tụng", "VBTT"),
    ]
