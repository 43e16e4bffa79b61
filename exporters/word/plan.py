"""The simplification plan (phương án đơn giản hóa) of a proposal, as a Word document for the legal team.

For each redesigned procedure: every change in effect — what the published text says now, what is proposed, the
reason and legal basis, and the annual saving the change brings (each change costed in the order it was made) —,
then the compliance-cost table before and after (Circular 02/2017/TT-VPCP Art. 27: preparation, copies,
certification, visits, fees; per dossier and per year) with the savings rate, and the counts an officer compares
(items, visits, online eligibility). The document ends with the catalog's totals.

The document shares its page, styles and streaming with the specification annex (:mod:`exporters.word.ml`): A4,
Times New Roman, page numbers, every imported text literal.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterable, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from exporters.output import atomic_output
from exporters.word import ml
from models.cost.calculation import procedure_cost, savings_rate
from models.cost.parameters import CostParameters
from models.cost.results import CostBreakdown
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.redesign.changes import Change
from models.redesign.channel_changes import ChangeFee, ChangeTimeLimit, MakeOnline
from models.redesign.comparison import Comparison, compare
from models.redesign.history import Draft, replay
from models.redesign.item_changes import LookupItem
from models.vocabulary import label, unit_word

_SPOOL_BYTES = 16 * 1024 * 1024
_CHANGE_HEADER = ("STT", "Nội dung hiện hành", "Nội dung đề xuất", "Lý do, căn cứ pháp lý", "Tiết kiệm/năm")
_CHANGE_WIDTHS = (750, 2150, 2450, 2500, 1503)  # twips: the text width of an A4 page
_COST_HEADER = ("Khoản chi phí (mỗi hồ sơ)", "Hiện hành", "Phương án", "Chênh lệch")
_COST_WIDTHS = (3353, 2000, 2000, 2000)
_FIGURE_HEADER = ("Chỉ tiêu", "Hiện hành", "Phương án")
_FIGURE_WIDTHS = (4353, 2500, 2500)


def vnd(amount: float) -> str:
    """An amount in the Vietnamese style: 1.234.567 đ.

    >>> vnd(1234567.4), vnd(-5000)
    ('1.234.567 đ', '-5.000 đ')
    """
    return f"{round(amount):,} đ".replace(",", ".")


def percent(rate: float) -> str:
    """A rate as Vietnamese writes it: 21,49 %.

    >>> percent(0.214883)
    '21,49 %'
    """
    return f"{rate * 100:.2f} %".replace(".", ",")


@dataclass(slots=True)
class PlanTotals:
    """The catalog's totals at the end of the plan."""

    procedures: int = 0
    changes: int = 0
    items_removed: int = 0
    visits_before: int = 0
    visits_after: int = 0
    annual_before: float = 0.0
    annual_after: float = 0.0
    online_after: list[str] = field(default_factory=list)


def _current(change: Change, procedure: Procedure) -> str:
    """What the version before the change says where the change applies."""
    reference = getattr(change, "item_name", None) or getattr(change, "step_text", None)
    if reference:
        return reference
    if isinstance(change, ChangeTimeLimit | ChangeFee):
        channels = (
            procedure.channels
            if change.channel is None
            else procedure.channels[change.channel : change.channel + 1]
        )
        lines = []
        for channel in channels:
            time = (
                f"{channel.time_limit:g} {unit_word(channel.time_unit) or ''}".strip()
                if channel.time_limit is not None
                else "—"
            )
            fee = vnd(channel.fee_vnd) if channel.fee_vnd is not None else "chưa rõ"
            lines.append(f"{label(channel.method)}: thời hạn {time}; phí, lệ phí {fee}")
        return "\n".join(lines)
    if isinstance(change, MakeOnline):
        return (
            "Cách thức: " + ", ".join(label(c.method) for c in procedure.channels)
            if procedure.channels
            else "—"
        )
    return "—"


def _proposed(change: Change) -> str:
    text = change.describe()
    if isinstance(change, LookupItem):
        text = f"Không yêu cầu nộp; cơ quan giải quyết tự khai thác thông tin từ {change.source_name}." + (
            f"\nTrường hợp không khai thác được: {change.fallback}" if change.fallback else ""
        )
    return text


def _reason(change: Change) -> str:
    return change.rationale + (f"\nCăn cứ: {change.legal_basis}" if change.legal_basis else "")


def change_rows(draft: Draft, params: CostParameters) -> list[tuple[Change, str, float]]:
    """Each change in effect with the published text it changes and its annual saving: the changes are replayed
    one by one on the published version, and each is credited with the cost it removes at its turn."""
    changes = draft.changes
    versions = replay(draft.published, changes)
    costs = [procedure_cost(version, params).annual_vnd for version in versions]
    return [
        (change, _current(change, versions[n]), costs[n] - costs[n + 1]) for n, change in enumerate(changes)
    ]


def _cost_rows(before: CostBreakdown, after: CostBreakdown) -> list[list[str | ml.Cell]]:
    rows: list[list[str | ml.Cell]] = []
    for old, new in zip(before.lines, after.lines, strict=True):
        rows.append([old.label, vnd(old.total_vnd), vnd(new.total_vnd), vnd(new.total_vnd - old.total_vnd)])
    rows.append(
        [
            ml.Cell("Tổng chi phí mỗi hồ sơ", bold=True),
            ml.Cell(vnd(before.per_dossier_vnd), bold=True),
            ml.Cell(vnd(after.per_dossier_vnd), bold=True),
            ml.Cell(vnd(after.per_dossier_vnd - before.per_dossier_vnd), bold=True),
        ]
    )
    volume = f"Chi phí một năm ({before.dossiers_per_year:,.0f} hồ sơ)".replace(",", ".")
    rows.append(
        [
            ml.Cell(volume, bold=True),
            ml.Cell(vnd(before.annual_vnd), bold=True),
            ml.Cell(vnd(after.annual_vnd), bold=True),
            ml.Cell(vnd(after.annual_vnd - before.annual_vnd), bold=True),
        ]
    )
    return rows


def _figure_rows(comparison: Comparison) -> list[list[str | ml.Cell]]:
    b, a = comparison.before, comparison.after

    def days(limits: dict[str, float]) -> str:
        return "; ".join(f"{v:g} {k}" for k, v in limits.items()) or "—"

    return [
        ["Thành phần hồ sơ phải nộp", str(b.items_to_submit), str(a.items_to_submit)],
        ["Giấy tờ phải xuất trình", str(b.items_to_show), str(a.items_to_show)],
        ["Bản sao phải chứng thực", str(b.certified_copies), str(a.certified_copies)],
        ["Số lần đến cơ quan", str(b.in_person_visits), str(a.in_person_visits)],
        ["Thời hạn giải quyết", days(b.time_limits), days(a.time_limits)],
        [
            "Đủ điều kiện trực tuyến toàn trình",
            "Có" if b.full_process_online else "Chưa",
            "Có" if a.full_process_online else "Chưa",
        ],
    ]


def procedure_section(
    number: int, draft: Draft, params: CostParameters, proposal: str, totals: PlanTotals
) -> str:
    """One procedure's part of the plan (WordprocessingML)."""
    comparison = compare(draft.published, draft.procedure, params, proposal=proposal, changes=draft.changes)
    before, after = procedure_cost(draft.published, params), procedure_cost(draft.procedure, params)
    rows: list[list[str | ml.Cell]] = []
    changes = change_rows(draft, params)
    for index, (change, current, saving) in enumerate(changes, start=1):
        rows.append([str(index), current, _proposed(change), _reason(change), vnd(saving)])
    procedure = draft.published
    parts = [
        ml.paragraph(ml.run(f"{number}. {procedure.name} (mã {procedure.code})"), style=ml.PROCEDURE),
        ml.paragraph(ml.run("a) Nội dung đơn giản hóa:", bold=True)),
        ml.table(_CHANGE_WIDTHS, _CHANGE_HEADER, rows),
        ml.paragraph(ml.run("b) Chi phí tuân thủ trước và sau đơn giản hóa:", bold=True)),
        ml.table(_COST_WIDTHS, _COST_HEADER, _cost_rows(before, after)),
        ml.paragraph(
            ml.run("Tỷ lệ cắt giảm chi phí: ", bold=True),
            ml.run(
                f"{percent(savings_rate(before.annual_vnd, after.annual_vnd))} "
                f"(tiết kiệm {vnd(before.annual_vnd - after.annual_vnd)} mỗi năm)."
            ),
        ),
        ml.paragraph(ml.run("c) Các chỉ tiêu so sánh:", bold=True)),
        ml.table(_FIGURE_WIDTHS, _FIGURE_HEADER, _figure_rows(comparison)),
    ]
    totals.procedures += 1
    totals.changes += len(changes)
    totals.items_removed += len(comparison.items_removed)
    totals.visits_before += comparison.before.in_person_visits
    totals.visits_after += comparison.after.in_person_visits
    totals.annual_before += before.annual_vnd
    totals.annual_after += after.annual_vnd
    if comparison.after.full_process_online and not comparison.before.full_process_online:
        totals.online_after.append(procedure.code)
    return "".join(parts)


def _totals(totals: PlanTotals) -> str:
    rows: list[list[str | ml.Cell]] = [
        ["Số thủ tục được đơn giản hóa", str(totals.procedures), ""],
        ["Số nội dung đơn giản hóa", str(totals.changes), ""],
        ["Thành phần hồ sơ được cắt giảm", str(totals.items_removed), ""],
        ["Số lần đến cơ quan", str(totals.visits_before), str(totals.visits_after)],
        ["Chi phí tuân thủ một năm", vnd(totals.annual_before), vnd(totals.annual_after)],
        ["Chi phí tiết kiệm một năm", vnd(totals.annual_before - totals.annual_after), ""],
        ["Tỷ lệ cắt giảm chi phí", percent(savings_rate(totals.annual_before, totals.annual_after)), ""],
        ["Thủ tục trở thành đủ điều kiện trực tuyến toàn trình", str(len(totals.online_after)), ""],
    ]
    return ml.paragraph(ml.run("TỔNG HỢP"), style=ml.PART) + ml.table(
        _FIGURE_WIDTHS, ("Chỉ tiêu", "Hiện hành / số lượng", "Phương án"), rows
    )


def write_plan_docx_to(
    drafts: Iterable[Draft],
    out: IO[bytes],
    params: CostParameters,
    *,
    proposal: str,
    title: str | None = None,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Write the plan of ``drafts`` (procedures without a change in effect are left out) to a binary stream;
    returns how many procedures the plan holds."""
    expected = total if total is not None else (len(drafts) if isinstance(drafts, Sized) else 0)
    totals = PlanTotals()
    seen = 0
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+b") as spool:
        for draft in drafts:
            check_cancelled(cancelled, EXPORT)
            seen += 1
            if draft.changes:
                spool.write(
                    procedure_section(totals.procedures + 1, draft, params, proposal, totals).encode("utf-8")
                )
            if progress is not None:
                progress(seen, max(expected, seen) if expected else 0)
        check_cancelled(cancelled, EXPORT)
        heading = title or "PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH"

        def body() -> Iterable[str | bytes]:
            yield ml.paragraph(ml.run(heading.upper()), style=ml.TITLE)
            yield ml.paragraph(ml.run(f"(Phương án: {proposal})"), style=ml.ANNEX_NOTE)
            if not totals.procedures:
                yield ml.paragraph(
                    ml.run("Chưa có thủ tục nào có nội dung đơn giản hóa trong phương án này.")
                )
            spool.seek(0)
            while chunk := spool.read(1 << 20):
                yield chunk
            yield _totals(totals)

        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
            ml.Shell.build(heading).write(package, body())
    return totals.procedures


def write_plan_docx(
    drafts: Iterable[Draft],
    path: Path,
    params: CostParameters,
    *,
    proposal: str,
    title: str | None = None,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Write the simplification plan to a Word file, atomically (see :func:`write_plan_docx_to`).

    Raises
    ------
    Cancelled : the caller cancelled; no file (nor partial file) is left.
    """
    with atomic_output(path) as tmp, tmp.open("wb") as out:
        return write_plan_docx_to(
            drafts,
            out,
            params,
            proposal=proposal,
            title=title,
            total=total,
            progress=progress,
            cancelled=cancelled,
        )


def generate_plan_docx(drafts: Iterable[Draft], params: CostParameters, *, proposal: str) -> bytes:
    buffer = io.BytesIO()
    write_plan_docx_to(drafts, buffer, params, proposal=proposal)
    return buffer.getvalue()
