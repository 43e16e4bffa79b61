"""Full-process online eligibility: the blocks an officer sees for the sample catalog and for hand-built cases."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import models.online
from catalog.importing.importer import import_paths
from models.enums import ChannelMethod, CopyForm, ItemGroup, ItemKind
from models.findings import BlockKind
from models.online import is_full_process_eligible, online_blocks, requires_presence
from models.procedure import Channel, DossierItem, Procedure, Result, Step
from models.storage.workspace import Workspace
from models.text import fold

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "sample-catalog.json"


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Procedure]:
    with Workspace.open(tmp_path_factory.mktemp("online") / "w.sqlite") as ws:
        import_paths(ws, [SAMPLES])
        return {p.code: p for p in ws.procedures()}


def online(*, steps: list[Step] | None = None, items: list[DossierItem] | None = None, **kw) -> Procedure:
    return Procedure(
        code="9.999999",
        name="Thủ tục thử",
        channels=[Channel(method=ChannelMethod.DIRECT), Channel(method=ChannelMethod.ONLINE)],
        steps=steps or [],
        items=items or [],
        **kw,
    )


def kinds(procedure: Procedure) -> list[tuple[str, str]]:
    return [(block.kind.value, block.where) for block in online_blocks(procedure)]


def test_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(models.online).failed == 0


def test_fold_strips_accents_and_keeps_positions() -> None:
    text = "Đưa XE đến cơ quan"
    assert fold(text) == "dua xe den co quan"
    assert len(fold(text)) == len(text)
    assert fold("đăng k\u200eý") == "dang ky"  # the invisible mark of 1.001193
    assert fold("Ky\u0301") == "ky"  # decomposed (NFD) input


def test_birth_registration_blocks_name_the_items_to_show(samples: dict[str, Procedure]) -> None:
    birth = samples["1.001193"]
    blocks = online_blocks(birth)
    shown = [b for b in blocks if b.kind == BlockKind.SHOW_ORIGINAL]
    assert [b.where for b in shown] == ["item 7", "item 8", "item 9"]
    assert all(birth.items[int(b.where.split()[1]) - 1].group == ItemGroup.SHOW for b in shown)
    assert shown[0].cause == birth.items[6].name
    assert "xuất trình bản chính" in shown[0].explanation
    assert not is_full_process_eligible(birth)
    assert BlockKind.NO_ONLINE_CHANNEL not in {b.kind for b in blocks}  # it has an ONLINE channel


def test_certified_copy_without_electronic_form_blocks(samples: dict[str, Procedure]) -> None:
    passport = samples["1.001456"]
    certified = [b.where for b in online_blocks(passport) if b.kind == BlockKind.CERTIFIED_PAPER_COPY]
    assert certified == ["item 4", "item 5"]
    licence = samples["3.000347"]  # its copies may be certified electronic copies
    assert BlockKind.CERTIFIED_PAPER_COPY not in {b.kind for b in online_blocks(licence)}


def test_driving_licence_photo_at_the_counter_needs_presence(samples: dict[str, Procedure]) -> None:
    presence = [b for b in online_blocks(samples["3.000347"]) if b.kind == BlockKind.PRESENCE]
    assert [b.where for b in presence] == ["step 1"]
    assert '"chụp ảnh"' in presence[0].explanation
    assert presence[0].cause.startswith("Nộp hồ sơ và lệ phí")


def test_sample_blocks_for_biometrics_inspection_and_signature(samples: dict[str, Procedure]) -> None:
    assert ("presence", "step 3") in kinds(samples["1.014063"])  # thu nhận sinh trắc học
    vehicle = kinds(samples["1.013067"])
    assert ("presence", "step 2") in vehicle  # đưa xe đến
    assert ("on_site_inspection", "step 4") in vehicle  # kiểm tra thực tế xe
    assert ("presence", "step 5") in kinds(samples["1.000894"])  # hai bên cùng có mặt
    assert ("wet_signature", "step 5") in kinds(samples["1.000656"])  # ký Sổ đăng ký khai tử


def test_samples_without_blockers_are_eligible(samples: dict[str, Procedure]) -> None:
    assert is_full_process_eligible(samples["2.002621"])  # online-only bundle, electronic papers
    assert is_full_process_eligible(samples["2.001583"])  # business registration with e-copies
    assert sum(is_full_process_eligible(p) for p in samples.values()) == 2


def test_no_online_channel() -> None:
    procedure = Procedure(
        code="x",
        name="Thủ tục",
        channels=[Channel(method=ChannelMethod.DIRECT), Channel(method=ChannelMethod.POSTAL)],
    )
    [block] = online_blocks(procedure)
    assert block.kind == BlockKind.NO_ONLINE_CHANNEL and block.where == "channels"
    assert block.cause == "Trực tiếp, Dịch vụ bưu chính"
    assert "trực tuyến" in block.explanation
    assert online_blocks(Procedure(code="x", name="y"))[0].kind == BlockKind.NO_ONLINE_CHANNEL


def test_electronic_form_lifts_item_blocks() -> None:
    shown = DossierItem(name="Thẻ căn cước", group=ItemGroup.SHOW, copy_forms=[CopyForm.SHOW_ORIGINAL])
    assert kinds(online(items=[shown])) == [("show_original", "item 1")]
    shown_e = shown.model_copy(update={"copy_forms": [CopyForm.SHOW_ORIGINAL, CopyForm.ELECTRONIC]})
    assert kinds(online(items=[shown_e])) == []
    certified = DossierItem(name="Giấy khai sinh", copies=1, copy_forms=[CopyForm.CERTIFIED])
    assert kinds(online(items=[certified])) == [("certified_paper_copy", "item 1")]
    certified_e = DossierItem(name="Giấy khai sinh", copies=1, copy_forms=[CopyForm.CERTIFIED_ELECTRONIC])
    assert kinds(online(items=[certified_e])) == []


def test_item_text_alone_can_block() -> None:
    """Items whose forms the importer did not recognise are still read from their published text."""
    items = [
        DossierItem(name="Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất", copies=1),
        DossierItem(name="Bản chụp sổ hộ khẩu, mang theo bản chính để đối chiếu", copies=1),
        DossierItem(name="Đơn đề nghị (ký, ghi rõ họ tên)", kind=ItemKind.FORM, originals=1),
        DossierItem(name="Bản sao điện tử có chứng thực Giấy khai sinh", copies=1),
    ]
    assert kinds(online(items=items)) == [
        ("certified_paper_copy", "item 1"),
        ("show_original", "item 2"),
        ("wet_signature", "item 3"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công dân trực tiếp đến cơ quan công an để làm thủ tục", ("presence", "step 1")),
        ("Thu nhận vân tay, chụp ảnh chân dung", ("presence", "step 1")),
        ("Người yêu cầu nhận kết quả trực tiếp tại Bộ phận Một cửa", ("presence", "step 1")),
        ("Đoàn kiểm tra thẩm định tại cơ sở sản xuất", ("on_site_inspection", "step 1")),
        ("Cán bộ khảo sát thực địa khu đất", ("on_site_inspection", "step 1")),
        ("Người nộp ký trực tiếp vào biên bản", ("wet_signature", "step 1")),
        ("Bộ phận một cửa trả kết quả trực tiếp cho người nộp", ("paper_result", "step 1")),
    ],
)
def test_step_phrases(text: str, expected: tuple[str, str]) -> None:
    assert kinds(online(steps=[Step(description=text)])) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Người yêu cầu không phải có mặt khi nhận kết quả",
        "Không cần ký trực tiếp; ký số trên Cổng Dịch vụ công",
        "Nhận kết quả trực tiếp hoặc qua dịch vụ bưu chính",
        "Trả kết quả trực tiếp hoặc gửi bản điện tử vào tài khoản VNeID",
        "Kê khai, ký số và nộp hồ sơ trực tuyến",
        "Nộp hồ sơ trực tiếp tại Bộ phận Một cửa hoặc trực tuyến",
        # seen in the portal pages: submitting at the counter is not a handwritten signature or a summons
        "Trường hợp đăng ký trực tiếp: người thành lập doanh nghiệp nộp hồ sơ tại Phòng Đăng ký kinh doanh",
        "Tổ chức gửi 01 bộ hồ sơ qua dịch vụ bưu chính hoặc trực tiếp đến Cục Hàng không Việt Nam",
        "Hội đồng họp khi có quá nửa số thành viên Hội đồng xét tuyển có mặt",
        "Trả kết quả trực tiếp tại cơ quan kiểm tra hoặc gửi qua đường bưu điện",
    ],
)
def test_steps_that_do_not_block(text: str) -> None:
    assert kinds(online(steps=[Step(description=text)])) == []


def test_step_title_counts_and_quote_keeps_the_published_accents() -> None:
    procedure = online(steps=[Step(title="Thu nhận sinh trắc học", description="Cán bộ thực hiện")])
    [block] = online_blocks(procedure)
    assert block.kind == BlockKind.PRESENCE and '"sinh trắc học"' in block.explanation
    assert requires_presence(procedure.steps[0])


def test_paper_only_result() -> None:
    procedure = online(
        results=[Result(name="Giấy phép (bản giấy)"), Result(name="Giấy phép (bản giấy và bản điện tử)")]
    )
    assert kinds(procedure) == [("paper_result", "result 1")]
