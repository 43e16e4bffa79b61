"""The compliance-cost workbook: its live formulas compute what models.cost computes, before and after, and move
when an officer changes a parameter or a volume in Excel."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from exporters.excel.cost_book import (
    AFTER_SHEET,
    BEFORE_SHEET,
    PARAMETERS,
    PARAMETERS_SHEET,
    POTENTIAL_SHEET,
    REDUNDANT_SHEET,
    SUMMARY_SHEET,
    CostInput,
    write_cost_xlsx,
)
from models.cost.calculation import catalog_cost, procedure_cost, savings_rate
from models.cost.parameters import CostParameters
from models.cost.results import CostBreakdown
from models.enums import Actor, ChannelMethod, CopyForm, ItemGroup, ItemKind
from models.jobs import Cancelled
from models.procedure import Channel, DossierItem, Fee, Procedure, Step
from models.redesign.history import Draft
from models.redesign.suggestions import suggest
from tests.helpers.corpus import analysed, connected_registry, portal_pages, sample_procedures
from tests.helpers.xlsx_formulas import Evaluator

#: Per-procedure sheet columns -> the model figure they compute.
LINES = {
    "P": lambda c: c.line("preparation").total_vnd,
    "Q": lambda c: c.line("copies").total_vnd,
    "R": lambda c: c.line("certification").total_vnd,
    "S": lambda c: c.line("visits").total_vnd,
    "T": lambda c: c.fees_vnd,
    "U": lambda c: c.per_dossier_vnd,
    "V": lambda c: c.per_dossier_scm_vnd,
    "W": lambda c: c.annual_vnd,
    "X": lambda c: c.annual_scm_vnd,
}


def cost_inputs(procedures: Sequence[Procedure], registry_connected: tuple[str, ...]) -> list[CostInput]:
    """Each procedure with its findings and the to-be version "apply suggestions" makes of it."""
    registry = connected_registry(*registry_connected)
    names = {source.id: source.name for source in registry}
    rows = []
    for procedure, findings in analysed(procedures, registry):
        draft = Draft(procedure)
        group = suggest(procedure, findings, names)
        if group.changes:
            draft.push(group)
        rows.append(CostInput(procedure, draft.procedure if group.changes else None, findings))
    return rows


@pytest.fixture(scope="module")
def sample_rows(tmp_path_factory: pytest.TempPathFactory) -> list[CostInput]:
    rows = cost_inputs(sample_procedures(tmp_path_factory.mktemp("sample")), ("population", "civil_status"))
    # The last row is neither analysed nor redesigned: after = before, nothing removable.
    rows[-1] = CostInput(rows[-1].procedure)
    rows.insert(-1, CostInput(every_cost_line(), None, []))
    return rows


def every_cost_line() -> Procedure:
    """A procedure that uses every parameter: the sample never asks a certified copy without a cheaper form."""
    return Procedure(
        code="9.000001",
        name="Thủ tục thử mọi dòng chi phí",
        channels=[Channel(method=ChannelMethod.DIRECT, fees=[Fee(amount_vnd=100_000)])],
        steps=[Step(description="Nộp hồ sơ", actor=Actor.APPLICANT)],
        items=[
            DossierItem(name="Tờ khai", kind=ItemKind.FORM, originals=1),
            DossierItem(name="Tờ khai bổ sung", kind=ItemKind.FORM, condition="nếu có"),
            DossierItem(name="Bản sao có chứng thực giấy phép", copies=2, copy_forms=[CopyForm.CERTIFIED]),
            DossierItem(
                name="Giấy ủy quyền", copies=1, copy_forms=[CopyForm.CERTIFIED], condition="nếu ủy quyền"
            ),
            DossierItem(name="Hộ chiếu", group=ItemGroup.SHOW, originals=1),
        ],
    )


PARAMS = CostParameters(
    hour_value_vnd=30_000, conditional_item_weight=0.6, volume_by_code={"1.001193": 250_000}
)


def workbook(rows: list[CostInput], params: CostParameters, path: Path) -> Evaluator:
    assert write_cost_xlsx(rows, params, path) == len(rows)
    return Evaluator(openpyxl.load_workbook(path))


def expected(rows: list[CostInput], params: CostParameters) -> list[tuple[CostBreakdown, CostBreakdown]]:
    return [
        (procedure_cost(r.procedure, params, r.findings), procedure_cost(r.to_be or r.procedure, params))
        for r in rows
    ]


def assert_catalog_totals(book: Evaluator, rows: list[CostInput], params: CostParameters) -> None:
    """The total row of the summary against models.cost.calculation.catalog_cost, before and after."""
    findings = {r.procedure.code: r.findings for r in rows if r.findings is not None}
    before = catalog_cost([r.procedure for r in rows], params, findings)
    after = catalog_cost([r.to_be or r.procedure for r in rows], params)
    total = len(rows) + 2
    value = lambda column: book.value(SUMMARY_SHEET, f"{column}{total}")  # noqa: E731
    assert value("A") == "Tổng cộng"
    assert value("F") == pytest.approx(before.annual_vnd, rel=1e-9)
    assert value("G") == pytest.approx(after.annual_vnd, rel=1e-9)
    assert value("H") == pytest.approx(before.annual_vnd - after.annual_vnd, rel=1e-9, abs=1e-3)
    assert value("I") == pytest.approx(savings_rate(before.annual_vnd, after.annual_vnd), abs=1e-12)
    assert value("J") == pytest.approx(before.annual_scm_vnd, rel=1e-9)
    assert value("L") == pytest.approx(before.removable_redundant_annual_vnd, rel=1e-9, abs=1e-6)
    assert value("M") == pytest.approx(before.removable_potentially_redundant_annual_vnd, rel=1e-9, abs=1e-6)
    assert book.value(BEFORE_SHEET, f"W{total}") == pytest.approx(before.annual_vnd, rel=1e-9)
    assert book.value(AFTER_SHEET, f"W{total}") == pytest.approx(after.annual_vnd, rel=1e-9)


def test_every_line_computes_what_the_cost_model_computes(
    sample_rows: list[CostInput], tmp_path: Path
) -> None:
    book = workbook(sample_rows, PARAMS, tmp_path / "cost.xlsx")
    for row, (entry, (before, after)) in enumerate(
        zip(sample_rows, expected(sample_rows, PARAMS), strict=True), 2
    ):
        code = entry.procedure.code
        assert book.value(SUMMARY_SHEET, f"A{row}") == code
        for sheet, cost in ((BEFORE_SHEET, before), (AFTER_SHEET, after)):
            assert book.value(sheet, f"A{row}") == code
            for column, figure in LINES.items():
                assert book.value(sheet, f"{column}{row}") == pytest.approx(
                    figure(cost), rel=1e-9, abs=1e-6
                ), f"{sheet} {column}{row} ({code})"
        removable = before.removable
        redundant = removable.redundant_vnd if removable else 0.0
        potential = removable.potentially_redundant_vnd if removable else 0.0
        assert book.value(REDUNDANT_SHEET, f"U{row}") == pytest.approx(redundant, abs=1e-6)
        assert book.value(POTENTIAL_SHEET, f"U{row}") == pytest.approx(potential, abs=1e-6)
        assert book.value(REDUNDANT_SHEET, f"W{row}") == pytest.approx(before.removable_annual, abs=1e-6)
        assert book.value(SUMMARY_SHEET, f"I{row}") == pytest.approx(
            savings_rate(before.annual_vnd, after.annual_vnd), abs=1e-12
        )
        assert book.value(SUMMARY_SHEET, f"N{row}") == ("Có" if entry.to_be is not None else "Không")
    assert_catalog_totals(book, sample_rows, PARAMS)


def test_the_sample_is_redesigned_and_has_something_to_save(
    sample_rows: list[CostInput], tmp_path: Path
) -> None:
    """Guards the test above from passing on zeros: the sample's suggestions cut cost and remove redundant items."""
    book = workbook(sample_rows, PARAMS, tmp_path / "cost.xlsx")
    total = len(sample_rows) + 2
    assert book.value(SUMMARY_SHEET, f"F{total}") > book.value(SUMMARY_SHEET, f"G{total}") > 0
    assert 0 < book.value(SUMMARY_SHEET, f"I{total}") < 1
    assert book.value(SUMMARY_SHEET, f"L{total}") > 0 and book.value(SUMMARY_SHEET, f"M{total}") > 0
    last = len(sample_rows) + 1  # the row without redesign or analysis
    assert book.value(SUMMARY_SHEET, f"F{last}") == book.value(SUMMARY_SHEET, f"G{last}") > 0
    assert book.value(REDUNDANT_SHEET, f"Y{last}") == "Chưa phân tích"


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_changing_a_parameter_in_excel_moves_the_totals(
    sample_rows: list[CostInput], tmp_path: Path, name: str
) -> None:
    book = workbook(sample_rows, PARAMS, tmp_path / "cost.xlsx")
    total = len(sample_rows) + 2
    old = book.value(SUMMARY_SHEET, f"F{total}")
    new_value = 0.25 if name == "conditional_item_weight" else getattr(PARAMS, name) * 2 + 1
    book.set(*book.name(name), new_value)
    changed = PARAMS.model_copy(update={name: new_value})
    assert_catalog_totals(book, sample_rows, changed)
    assert book.value(SUMMARY_SHEET, f"F{total}") != pytest.approx(old), f"{name} does not move the total"


def test_a_volume_typed_in_the_summary_moves_that_procedure(
    sample_rows: list[CostInput], tmp_path: Path
) -> None:
    book = workbook(sample_rows, PARAMS, tmp_path / "cost.xlsx")
    parameters = book.workbook[PARAMETERS_SHEET]
    assert [parameters.cell(r, 4).value for r in range(2, len(PARAMETERS) + 2)] == list(PARAMETERS)
    summary = book.workbook[SUMMARY_SHEET]
    volumes = {summary.cell(r, 1).value: summary.cell(r, 3).value for r in range(2, len(sample_rows) + 2)}
    assert volumes.pop("1.001193") == 250_000 and set(volumes.values()) == {"=annual_volume"}

    row = 3
    code = sample_rows[row - 2].procedure.code
    book.set(SUMMARY_SHEET, f"C{row}", 12_345)
    typed = PARAMS.model_copy(update={"volume_by_code": {**PARAMS.volume_by_code, code: 12_345}})
    assert_catalog_totals(book, sample_rows, typed)


def test_formulas_name_their_parameters_and_inputs_are_marked(
    sample_rows: list[CostInput], tmp_path: Path
) -> None:
    path = tmp_path / "cost.xlsx"
    write_cost_xlsx(sample_rows, PARAMS, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Hướng dẫn",
        PARAMETERS_SHEET,
        SUMMARY_SHEET,
        BEFORE_SHEET,
        AFTER_SHEET,
        REDUNDANT_SHEET,
        POTENTIAL_SHEET,
    ]
    before = book[BEFORE_SHEET]
    assert before["P2"].value == "=O2*hour_value_vnd"
    assert before["S2"].value == "=M2*visit_cost_vnd"
    assert before["W2"].value == "=U2*'Tổng hợp'!$C2*times_per_year"
    assert before.freeze_panes == "C2" and before.auto_filter.ref == f"A1:Y{len(sample_rows) + 1}"
    assert all(isinstance(before.cell(2, c).value, int) for c in range(3, 14))  # counted inputs, not formulas
    parameters = book[PARAMETERS_SHEET]
    assert parameters["B2"].value == 30_000 and parameters["B2"].fill.fgColor.rgb.endswith("FFF2CC")
    assert "Giá trị giữ chỗ" in parameters["E2"].value  # the placeholder's source note travels with it
    validated = {str(v.sqref) for v in parameters.data_validations.dataValidation}
    assert {f"B{r}" for r in range(2, len(PARAMETERS) + 2)} <= validated
    assert book[SUMMARY_SHEET].freeze_panes == "C2"


def test_a_procedure_name_is_text_never_a_formula(tmp_path: Path) -> None:
    procedure = Procedure(
        code="1.000001", name='=HYPERLINK("http://x","y")', items=[DossierItem(name="+1-2")]
    )
    path = tmp_path / "cost.xlsx"
    write_cost_xlsx([CostInput(procedure)], CostParameters(), path)
    book = openpyxl.load_workbook(path)
    for sheet in (SUMMARY_SHEET, BEFORE_SHEET, AFTER_SHEET):
        name = book[sheet]["B2"]
        assert (name.value, name.data_type) == ('=HYPERLINK("http://x","y")', "s")
    assert book[SUMMARY_SHEET]["O2"].value == "Chưa rõ phí, lệ phí: tính 0 (hiện trạng)"  # unknown, not free


def test_progress_cancel_and_no_partial_file(sample_rows: list[CostInput], tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    rows = sample_rows * 10
    write_cost_xlsx(rows, PARAMS, tmp_path / "cost.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (len(rows), len(rows)) and calls[0] == (100, len(rows))
    with pytest.raises(Cancelled):
        write_cost_xlsx(rows, PARAMS, tmp_path / "cancelled.xlsx", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cost.xlsx"]


def _recalculate(path: Path, folder: Path) -> openpyxl.Workbook:
    """The workbook as LibreOffice computes it (it recalculates formulas that carry no cached value)."""
    profile = folder / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder / "recalculated"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},
    )
    return openpyxl.load_workbook(folder / "recalculated" / path.name, data_only=True)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_computes_the_same_totals(sample_rows: list[CostInput], tmp_path: Path) -> None:
    path = tmp_path / "cost.xlsx"
    write_cost_xlsx(sample_rows, PARAMS, path)
    computed = _recalculate(path, tmp_path)
    summary, total = computed[SUMMARY_SHEET], len(sample_rows) + 2
    findings = {r.procedure.code: r.findings for r in sample_rows if r.findings is not None}
    before = catalog_cost([r.procedure for r in sample_rows], PARAMS, findings)
    after = catalog_cost([r.to_be or r.procedure for r in sample_rows], PARAMS)
    assert summary[f"F{total}"].value == pytest.approx(before.annual_vnd, rel=1e-9)
    assert summary[f"G{total}"].value == pytest.approx(after.annual_vnd, rel=1e-9)
    assert summary[f"I{total}"].value == pytest.approx(
        savings_rate(before.annual_vnd, after.annual_vnd), abs=1e-9
    )
    assert summary[f"L{total}"].value == pytest.approx(before.removable_redundant_annual_vnd, rel=1e-9)
    for row, (b, a) in enumerate(expected(sample_rows, PARAMS), start=2):
        assert computed[BEFORE_SHEET][f"U{row}"].value == pytest.approx(b.per_dossier_vnd, rel=1e-9, abs=1e-6)
        assert computed[AFTER_SHEET][f"W{row}"].value == pytest.approx(a.annual_vnd, rel=1e-9, abs=1e-6)


@pytest.mark.shared
def test_the_shared_corpus_costs_as_the_model_does(shared_data: Path, tmp_path: Path) -> None:
    unique = list({p.code: p for p, _ in portal_pages(shared_data)}.values())
    rows = cost_inputs(unique, ("population",))
    assert sum(r.to_be is not None for r in rows) > 100
    book = workbook(rows, PARAMS, tmp_path / "cost.xlsx")
    assert_catalog_totals(book, rows, PARAMS)
    for row, (before, after) in enumerate(expected(rows, PARAMS), start=2):
        assert book.value(BEFORE_SHEET, f"U{row}") == pytest.approx(
            before.per_dossier_vnd, rel=1e-9, abs=1e-6
        )
        assert book.value(AFTER_SHEET, f"U{row}") == pytest.approx(after.per_dossier_vnd, rel=1e-9, abs=1e-6)
