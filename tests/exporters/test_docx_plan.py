"""The simplification plan in Word: each change with its reason and saving, the cost table, the totals."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from catalog.pipeline.redesigns import apply_suggestions
from exporters.word.plan import change_rows, generate_plan_docx, vnd, write_plan_docx
from models.cost.calculation import procedure_cost
from models.cost.parameters import CostParameters
from models.jobs import Cancelled
from models.redesign.history import ChangeGroup
from models.redesign.item_changes import RemoveItem, item_reference
from models.storage.proposals import Proposals
from models.storage.workspace import Workspace
from tests.helpers.corpus import SAMPLE


@pytest.fixture
def drafts(tmp_path: Path):
    from catalog.importing.importer import import_paths

    with Workspace.open(tmp_path / "plan.sqlite") as ws:
        import_paths(ws, [SAMPLE], strict=True)
        apply_suggestions(ws)
        yield list(Proposals(ws).drafts())


def _text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_plan_lists_every_change_with_reason_legal_basis_and_saving(drafts) -> None:
    params = CostParameters()
    document = docx.Document(io.BytesIO(generate_plan_docx(drafts, params, proposal="phuong-an")))
    redesigned = [d for d in drafts if d.changes]
    headings = [
        p.text
        for p in document.paragraphs
        if p.style.name.startswith("Heading 4") or p.text[:3].rstrip(".").isdigit()
    ]
    assert len([h for h in headings if "(mã " in h]) == len(redesigned) == 14
    text = _text(document)
    judicial = next(d for d in drafts if d.published.code == "3.000333")
    for change in judicial.changes:
        assert change.rationale in text and change.legal_basis in text
    assert "Cơ sở dữ liệu quốc gia về dân cư" in text and "Trường hợp không khai thác được" in text
    assert "Tỷ lệ cắt giảm chi phí" in text and "TỔNG HỢP" in text
    # three tables per procedure (changes, cost, figures) and the totals
    assert len(document.tables) == 3 * 14 + 1
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_savings_of_the_changes_add_up_to_the_procedures_saving(drafts) -> None:
    params = CostParameters()
    for draft in drafts:
        rows = change_rows(draft, params)
        before = procedure_cost(draft.published, params).annual_vnd
        after = procedure_cost(draft.procedure, params).annual_vnd
        assert sum(saving for _, _, saving in rows) == pytest.approx(before - after)
        assert [c for c, _, _ in rows] == draft.changes


def test_totals_match_the_catalog_comparison(drafts, tmp_path: Path) -> None:
    params = CostParameters()
    path = tmp_path / "phuong-an.docx"
    done: list[int] = []
    assert (
        write_plan_docx(drafts, path, params, proposal="phuong-an", progress=lambda n, t: done.append(n))
        == 14
    )
    assert done[-1] == 15
    before = sum(procedure_cost(d.published, params).annual_vnd for d in drafts if d.changes)
    after = sum(procedure_cost(d.procedure, params).annual_vnd for d in drafts if d.changes)
    totals = docx.Document(str(path)).tables[-1]
    cells = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in totals.rows}
    assert cells["Chi phí tuân thủ một năm"] == [vnd(before), vnd(after)]


def test_imported_text_stays_literal_and_cancel_leaves_nothing(drafts, tmp_path: Path) -> None:
    draft = drafts[0]
    hostile = draft.published.model_copy(deep=True)
    hostile.items[0].name = '=HYPERLINK("x") <w:t>{PAGE}\x07'
    from models.redesign.history import Draft

    d = Draft(hostile)
    d.push(ChangeGroup("x", [RemoveItem(**item_reference(hostile, 0), rationale="<b>lý do</b> & {DATE}")]))
    text = _text(docx.Document(io.BytesIO(generate_plan_docx([d], CostParameters(), proposal="x"))))
    assert '=HYPERLINK("x") <w:t>{PAGE}' in text and "<b>lý do</b> & {DATE}" in text
    path = tmp_path / "huy.docx"
    with pytest.raises(Cancelled):
        write_plan_docx(drafts, path, CostParameters(), proposal="p", cancelled=lambda: True)
    assert not path.exists() and not list(tmp_path.glob("huy*"))


def test_a_channel_change_quotes_the_published_channel_in_words_not_codes() -> None:
    from models.enums import ChannelMethod, TimeUnit
    from models.procedure import Channel, Procedure
    from models.redesign.channel_changes import ChangeTimeLimit
    from models.redesign.history import Draft

    published = Procedure(
        code="1.000001",
        name="Thủ tục mẫu",
        channels=[
            Channel(method=ChannelMethod.DIRECT, time_limit=15, time_unit=TimeUnit.WORKING_DAY, fee_vnd=0)
        ],
    )
    draft = Draft(published)
    change = ChangeTimeLimit(time_limit=5, time_unit=TimeUnit.WORKING_DAY, rationale="rút ngắn")
    draft.push(ChangeGroup("x", [change]))
    [(_, current, _)] = change_rows(draft, CostParameters())
    assert (
        current == "Trực tiếp: thời hạn 15 ngày làm việc; phí, lệ phí chưa rõ"
    )  # not "DIRECT: … WORKING_DAY"
