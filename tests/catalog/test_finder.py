"""The once-only finder: grades, explanations, the rules' edge cases, and the hand-labelled set (issue bar)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog.finder.grading import assess_item, find_all
from catalog.finder.matcher import Matcher
from models.enums import FindingGrade
from models.procedure import DossierItem, Procedure, Result
from models.sources import DataSource, load_registry


def finding(
    text: str, *, registry: list[DataSource] | None = None, name: str = "Thủ tục", field: str | None = None
):
    matcher = Matcher(registry or load_registry())
    return assess_item(
        Procedure(code="1.000001", name=name, field=field, items=[DossierItem(name=text)]), 0, matcher
    )


def connected(*ids: str) -> list[DataSource]:
    from dataclasses import replace

    return [replace(s, connected=s.id in ids) for s in load_registry()]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Bản sao có chứng thực Giấy khai sinh", "civil_status"),
        ("Bản sao CCCD hoặc hộ chiếu", "population"),
        ("bản sao can cuoc cong dan", "population"),  # typed without diacritics
        ("Sổ hộ khẩu photo", "population"),
        ("(iii) Bản sao giấy chứng nhận đăng ký thuế", "tax"),
        ("Bản sao hoặc bản sao điện tử được cấp từ sổ gốc của giấy phép lái xe", "driving_licence"),
        ("Sơ yếu lý lịch và Phiếu lý lịch tư pháp", "judicial_records"),
        ("Bản sao Quyết định thành lập hoặc Giấy chứng nhận  đăng ký doanh nghiệp", "business_registration"),
        (
            "Bản sao các giấy tờ liên quan đến thửa đất: Giấy chứng nhận quyền sử dụng đất, Hợp đồng thuê đất",
            "land",
        ),
    ],
)
def test_documents_held_by_a_registry_source(text: str, source: str) -> None:
    assert finding(text).data_source == source


@pytest.mark.parametrize(
    "text",
    [
        "02 ảnh màu, cỡ 3cm x 4cm, kiểu chứng minh nhân dân chụp trong vòng 06 tháng",  # a photo
        "Tờ khai đề nghị cấp thẻ căn cước (mẫu CC01)",  # the applicant's own form
        "Văn bản đề nghị, trong đó ghi rõ họ tên, số định danh cá nhân của người đại diện",  # a form field
        "Lý lịch tư pháp do cơ quan có thẩm quyền của nước mà người đó là công dân cấp;",  # foreign
        "Hợp đồng ủy quyền thực hiện thủ tục liên quan đến đăng ký doanh nghiệp",  # context, not the document
        "- Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản xác nhận của cơ sở y tế",
        "Giấy phép lái xe quân sự do Bộ Quốc phòng cấp",  # not the Public Security database
    ],
)
def test_look_alikes_name_no_source(text: str) -> None:
    assert finding(text).data_source is None


def test_grades_follow_announced_and_connected() -> None:
    unknown = finding("Bản sao CCCD")
    assert unknown.grade == FindingGrade.POTENTIALLY_REDUNDANT
    assert "(c) chưa rõ" in unknown.explanation and unknown.conditions["announced"] is True
    redundant = finding("Bản sao CCCD", registry=connected("population"))
    assert redundant.grade == FindingGrade.REDUNDANT
    assert redundant.matched_phrase == "CCCD" and "104/2022/NĐ-CP" in (redundant.legal_basis or "")
    assert "cập nhật, điều chỉnh dữ liệu" in (redundant.fallback or "")
    not_announced = finding("Bản sao sổ bảo hiểm xã hội", registry=connected("insurance"))
    assert not_announced.grade == FindingGrade.POTENTIALLY_REDUNDANT and "(b)" in not_announced.explanation


def test_land_certificate_by_context() -> None:
    assert finding("Bản gốc Giấy chứng nhận đã cấp", field="Đất đai").data_source == "land"
    assert finding("Bản gốc Giấy chứng nhận đã cấp", field="Thủy sản").data_source is None


def test_state_issued_items_link_to_the_issuing_procedure() -> None:
    issuer = Procedure(
        code="1.005071", name="Sát hạch cấp giấy phép lái tàu", results=[Result(name="Giấy phép lái tàu")]
    )
    demanding = Procedure(
        code="1.003897",
        name="Cấp lại giấy phép lái tàu",
        items=[DossierItem(name="Bản sao Giấy phép lái tàu đã được cấp"), DossierItem(name="Đơn")],
    )
    findings = find_all([issuer, demanding], Matcher(load_registry()))
    state = findings["1.003897"][0]
    assert state.grade == FindingGrade.ISSUED_BY_STATE and state.issuing_procedure == "1.005071"
    assert "Nghị định 45/2020/NĐ-CP" in (state.legal_basis or "")
    assert findings["1.003897"][1].grade == FindingGrade.REQUIRED


def test_the_registry_file_is_complete() -> None:
    ids = {s.id for s in load_registry()}
    assert ids == {
        "population",
        "civil_status",
        "insurance",
        "business_registration",
        "land",
        "judicial_records",
        "driving_licence",
        "vehicle_registration",
        "tax",
        "education",
        "health",
    }
    assert {s.id for s in load_registry() if s.announced} == {"population", "civil_status", "driving_licence"}


def test_labelled_items_precision_and_recall(shared_data: Path) -> None:
    """Issue bar: data_source precision >= 0.95 and recall >= 0.90 on >= 300 hand-labelled items."""
    from tests.helpers.finder_eval import LABELS, confusion_table, score

    result = score()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    assert len(labels) >= 300 and {e["label"] for e in labels} >= {s.id for s in load_registry()}
    print(
        f"\nfinder on {result['items']} labelled items: precision {result['precision']:.3f}, "
        f"recall {result['recall']:.3f}\n{confusion_table(result)}"
    )
    assert result["precision"] >= 0.95 and result["recall"] >= 0.90, result["errors"]
