"""The portal's detail-API records: golden files for the four reference records and the facts the issue names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.errors import CatalogReadError
from catalog.formats.base import RawRecord
from catalog.formats.portal_api import PortalApiFormat
from catalog.importing.registry import detect
from exporters.json_export import procedure_json
from models.enums import ChannelMethod, ItemGroup, ItemKind, Level, TimeUnit

FMT = PortalApiFormat()


def parse_file(path: Path):
    fmt = detect(path)
    assert fmt.name == "portal-api"
    [record] = list(fmt.records(path))
    return fmt.parse(record)


@pytest.fixture
def api_files(shared_data: Path) -> dict[str, Path]:
    files = {
        json.loads(p.read_text(encoding="utf-8"))["code"]: p
        for p in (shared_data / "portal-api").glob("*.json")
    }
    assert set(files) == {"1.000178", "1.001193", "1.005071", "1.115585"}
    return files


@pytest.mark.parametrize("code", ["1.000178", "1.001193", "1.005071", "1.115585"])
def test_reference_record_matches_its_golden_file(api_files: dict[str, Path], code: str, golden) -> None:
    parsed = parse_file(api_files[code])
    assert parsed.warnings == []
    golden(f"portal-api/{code}.json", procedure_json(parsed.procedure), shorten=True)


def test_birth_registration_items_notes_channels_and_legal_basis(api_files: dict[str, Path]) -> None:
    p = parse_file(api_files["1.001193"]).procedure
    assert len(p.items) == 8  # the real items; the other 25 components have no quantity and are guidance
    assert len(p.notes) == 25
    assert all(item.originals == 1 for item in p.items)
    assert [i.group for i in p.items].count(ItemGroup.SHOW) == 2
    assert sum(i.kind == ItemKind.FORM for i in p.items) == 2
    assert {n.heading for n in p.notes} >= {"* Lưu ý:", "* Giấy tờ phải xuất trình:"}
    assert [c.method for c in p.channels] == [
        ChannelMethod.ONLINE,
        ChannelMethod.POSTAL,
        ChannelMethod.DIRECT,
    ]
    assert all(c.time_limit == 1 and c.time_unit == TimeUnit.OTHER and c.fee_vnd == 0 for c in p.channels)
    assert len(p.legal_basis) == 15
    assert {(r.number, r.issuer) for r in p.legal_basis} >= {
        ("60/2014/QH13", "Quốc hội"),
        ("123/2015/NĐ-CP", "Chính phủ"),
    }
    hoTich = next(r for r in p.legal_basis if r.number == "123/2015/NĐ-CP")
    assert str(hoTich.date) == "2015-11-15"
    amending = next(r for r in p.legal_basis if r.number == "04/2024/TT-BTP")
    assert amending.date is None  # its title dates the 2020 circular it amends, not itself
    assert p.levels == [Level.COMMUNE]
    assert p.results[0].code == "KQ.G15.000031"
    # The invisible U+200E inside "đăng k‎ý" is gone from the stored text.
    assert not any("\u200e" in n.text for n in p.notes)
    assert any("đăng ký hộ tịch lựa chọn nhận kết quả" in n.text for n in p.notes)


def test_train_driver_licence_keeps_each_fee_row_and_unit(api_files: dict[str, Path]) -> None:
    p = parse_file(api_files["1.005071"]).procedure
    assert [(c.method, c.time_unit, c.fee_vnd) for c in p.channels][:4] == [
        ("ONLINE", "WORKING_DAY", 100000),
        ("POSTAL", "WORKING_DAY", 100000),
        ("DIRECT", "WORKING_DAY", 100000),
        ("ONLINE", "DAY", 950000),
    ]
    assert p.channels[0].fees[0].note == "Lệ phí cấp Giấy phép lái tàu: 100.000 đồng/01 lần cấp."
    certified = [i for i in p.items if i.certified_copy]
    assert len(certified) == 2
    assert p.items[0].template == "Phụ lục XVII.pdf" and p.items[0].kind == ItemKind.FORM
    assert p.levels == [Level.MINISTRY, Level.PROVINCE]
    assert p.issuing_body == "Bộ Xây dựng"


def test_local_procedure_variants_and_steps(api_files: dict[str, Path]) -> None:
    p = parse_file(api_files["1.115585"]).procedure
    assert p.is_local_specific
    assert sorted({(c.time_limit, c.time_unit) for c in p.channels}) == [
        (8, "WORKING_DAY"),
        (18, "WORKING_DAY"),
    ]
    assert any(
        "18 ngày làm việc" in (c.time_note or "") for c in p.channels
    )  # the condition stays with the row
    assert p.steps[0].actor == "APPLICANT"
    assert p.coordinating_agencies == ["Văn phòng Đăng ký đất đai"]


def test_numbered_steps_in_one_text_are_split(api_files: dict[str, Path]) -> None:
    p = parse_file(api_files["1.000178"]).procedure
    assert [s.title.split(":")[0] for s in p.steps] == [f"Bước {i}" for i in range(1, 6)]
    assert p.steps[0].time_text == "10 ngày làm việc"
    assert p.description is None  # the portal repeats the requirements there
    assert p.requirements[0].startswith("Đảm bảo đúng quy định")


def _record(data) -> RawRecord:
    return RawRecord(Path("x.json"), "record 1", data)


def test_a_record_without_code_is_one_clear_sentence() -> None:
    with pytest.raises(CatalogReadError) as info:
        FMT.parse(_record({"name": "Thủ tục", "executionMethods": [], "executionCases": []}))
    assert str(info.value) == "x.json, record 1: it has no procedure code."


def test_unknown_units_and_methods_are_kept_or_reported_not_guessed() -> None:
    parsed = FMT.parse(
        _record(
            {
                "code": "1.000001",
                "name": "Thử",
                "executionCases": [],
                "executionMethods": [
                    {"submissionMethod": "FAX"},
                    {
                        "submissionMethod": "DIRECT",
                        "processingTime": 2,
                        "processingTimeUnit": "WEEK",
                        "fees": [{"type": "FEE", "value": None, "description": "Không có thông tin"}],
                    },
                ],
            }
        )
    )
    [channel] = parsed.procedure.channels
    assert (channel.time_limit, channel.time_unit) == (2, TimeUnit.OTHER)
    assert channel.fees[0].amount_vnd is None and channel.fees[0].note is None and channel.fee_vnd is None
    assert any("FAX" in w for w in parsed.warnings) and any("WEEK" in w for w in parsed.warnings)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)
api_keys = st.sampled_from(
    [
        "code",
        "name",
        "executionMethods",
        "executionCases",
        "executionSteps",
        "legalBasisesDetails",
        "resultsDetails",
        "procedureProposal",
        "isWard",
        "note",
        "departmentsExecuting",
        "executingAgencies",
        "requirementsAndConditions",
        "type",
        "state",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(api_keys, json_values, max_size=10))
def test_any_malformed_record_gives_a_sentence_never_a_crash(data: dict) -> None:
    try:
        parsed = FMT.parse(_record(data))
    except CatalogReadError as error:
        assert str(error).startswith("x.json, record 1: ") and str(error).endswith(".")
    else:
        assert parsed.procedure.code and parsed.procedure.name
