"""Text hygiene and the reading of dossier components: properties and the real phrasings they must handle."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.reading.items import condition_of, copy_forms_of, kind_of, looks_like_note, normalize_name
from catalog.reading.legal import issuer_of, make_reference
from catalog.reading.steps import infer_actor, split_steps
from models.enums import Actor, CopyForm, ItemKind
from models.text import clean, clean_or_none, fold


@given(st.text())
def test_clean_is_idempotent_nfc_and_invisible_free(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(ch in once for ch in "\u200b\u200e\u200f\u00ad\ufeff")


@given(st.text())
def test_fold_is_idempotent_and_accent_free(text: str) -> None:
    key = fold(text)
    assert fold(key) == key
    assert "đ" not in key and not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", key))


def test_nfd_and_nfc_spellings_and_invisible_marks_match() -> None:
    nfd = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    assert clean(nfd) == "Đăng ký khai sinh"
    assert fold("đăng k\u200eý") == fold("DANG KY") == "dang ky"


@pytest.mark.parametrize(
    "placeholder", ["Không có thông tin", "không có thông tin ", "Chưa nhập số tiền", ""]
)
def test_placeholders_are_unknown(placeholder: str) -> None:
    assert clean_or_none(placeholder) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bản sao có chứng thực Giấy khai sinh", [CopyForm.CERTIFIED]),
        ("Bản sao điện tử có chứng thực bằng tốt nghiệp", [CopyForm.CERTIFIED_ELECTRONIC]),
        ("Bản chụp CCCD", [CopyForm.PLAIN]),
        ("Sổ hộ khẩu photo", [CopyForm.PLAIN]),
        ("Bản sao giấy tờ và xuất trình bản chính để đối chiếu", [CopyForm.PLAIN, CopyForm.SHOW_ORIGINAL]),
        ("Bản sao từ sổ gốc Giấy khai sinh", [CopyForm.FROM_REGISTER]),
        ("Giấy chứng nhận quyền sử dụng đất", [CopyForm.ORIGINAL]),
    ],
)
def test_copy_forms_from_wording(text: str, expected: list[CopyForm]) -> None:
    originals = 0 if "bản sao" in text.lower() or "chụp" in text or "photo" in text else 1
    assert copy_forms_of(text, originals, 1 - originals) == expected


@pytest.mark.parametrize(
    "text",
    [
        "- Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực",
        "- Đối với giấy tờ nộp, xuất trình nếu người yêu cầu nộp hồ sơ theo hình thức trực tiếp:",
        "Người tiếp nhận có trách nhiệm kiểm tra, đối chiếu bản chụp với bản chính",
    ],
)
def test_guidance_without_quantity_is_a_note(text: str) -> None:
    assert looks_like_note(text)


@pytest.mark.parametrize("text", ["Tờ khai đăng ký khai sinh", "- Giấy chứng sinh;", "Sổ hộ khẩu photo"])
def test_short_document_names_are_not_notes(text: str) -> None:
    assert not looks_like_note(text)


def test_kind_name_and_condition() -> None:
    assert kind_of("- Tờ khai đăng ký khai sinh theo mẫu;") == ItemKind.FORM
    assert kind_of("Đơn đề nghị cấp giấy phép") == ItemKind.FORM
    assert kind_of("Giấy chứng sinh") == ItemKind.DOCUMENT
    assert normalize_name("-  Giấy   chứng sinh;") == "Giấy chứng sinh"
    assert condition_of("Biên bản kiểm tra (nếu có)") == "nếu có"
    assert condition_of("Văn bản ủy quyền trong trường hợp ủy quyền nộp hồ sơ; bản chính") == (
        "trong trường hợp ủy quyền nộp hồ sơ"
    )
    assert condition_of("Giấy chứng sinh") is None


def test_legal_references() -> None:
    assert issuer_of("01/2023/TTLT-BTP-BCA") == "Liên tịch Bộ Tư pháp, Bộ Công an"
    assert issuer_of("44/2026/QĐ-UBND") == "Ủy ban nhân dân"
    ref = make_reference(
        "Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ", "123/2015/NĐ-CP"
    )
    assert (str(ref.date), ref.issuer) == ("2015-11-15", "Chính phủ")
    flattened = make_reference("Luật Hộ tịch", "")
    assert flattened.number is None and flattened.title == "Luật Hộ tịch"


def test_steps_and_actors() -> None:
    steps = split_steps(
        "",
        "Bước 1: Nộp hồ sơ\nTổ chức, cá nhân nộp hồ sơ.\nBước 2: Thẩm định\nTrong thời hạn 05 ngày làm việc, Sở thẩm định.",
    )
    assert [s.title for s in steps] == ["Bước 1: Nộp hồ sơ", "Bước 2: Thẩm định"]
    assert [s.actor for s in steps] == [Actor.APPLICANT, Actor.HANDLING_AGENCY]
    assert (steps[1].time_limit, steps[1].time_unit, steps[1].time_text) == (
        5,
        "WORKING_DAY",
        "05 ngày làm việc",
    )
    assert infer_actor("Bộ phận một cửa trả kết quả") == Actor.ONE_STOP_DESK
    assert infer_actor("Hồ sơ được lưu") is None
