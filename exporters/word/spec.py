"""The standardized procedure specification in Word: one procedure or a selection, as the annex of a Quyết định
công bố (DOMAIN.md §7).

The annex opens with a title block ("PHỤ LỤC", "THỦ TỤC HÀNH CHÍNH …", the decision it is attached to), then
**Phần I. Danh mục thủ tục hành chính** — a table of STT, Mã số, Tên thủ tục hành chính, Lĩnh vực, Cơ quan thực
hiện, one per status (new, amended, abolished; procedures without an announced change first), a merged row per
field ("I. Lĩnh vực Hộ tịch") — and **Phần II. Nội dung cụ thể**, under the same status and field sub-headings:
per procedure a heading numbered within its field, a small table of code, field, level and receiving address,
then the lettered fields a) … l) in publication order (:data:`~exporters.word.spec_text.FIELD_ORDER`): steps,
channels (table), dossier (table of items with quantities under their group headings, notes apart), time limit,
subjects, agencies, result, fees, forms, requirements, legal basis. A4 portrait, Decree 30/2020 margins, Times New
Roman 13 pt, the page number in the footer (:mod:`exporters.word.ml`).

The layout is the one :mod:`catalog.formats.docx_spec` reads: exporting a workspace and importing the file gives the same
procedures for every field the layout carries (wording rules in :mod:`exporters.word.spec_text`; what it cannot
carry is :data:`~exporters.word.spec_text.NOT_CARRIED`).

Big selections stream: each procedure's block is written to a temporary spool (on disk beyond 64 MB) as it
arrives, so memory holds only Part I's short rows; when the last procedure is written, the package is assembled
by copying the blocks in group order. 2,096 shared procedures take about 10 s (benchmarks/export_spec_docx.py).

Example
-------
>>> from models.procedure import Procedure
>>> data = generate_spec_docx([Procedure(code="1.000001", name="Thủ tục mẫu")])
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from exporters.output import atomic_output
from exporters.safety import safe_filename
from exporters.word import ml
from exporters.word import spec_text as text
from models.enums import ProcedureStatus
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.text import fold, squash

_SPOOL_BYTES = 64 * 1024 * 1024  # Part II's text kept in memory up to this size, then on disk
#: The highest number of a procedure under one heading: the importer reads up to three digits.
MAX_NUMBER = 999
_LIST_HEADER = ("STT", "Mã số", "Tên thủ tục hành chính", "Lĩnh vực", "Cơ quan thực hiện")
_LIST_WIDTHS = tuple(ml.mm(w) for w in (14, 24, 60, 30, 37))
_INFO_WIDTHS = (ml.mm(45), ml.mm(120))
_CHANNEL_HEADER = ("Hình thức nộp", "Thời hạn giải quyết", "Phí, lệ phí", "Mô tả")
_CHANNEL_WIDTHS = tuple(ml.mm(w) for w in (28, 30, 55, 52))
_DOSSIER_MM = {"no": 14, "name": 0, "template": 34, "originals": 18, "copies": 18, "remarks": 29}
# Status groups in the order the annex lists them, with the words the importer reads them by. Procedures with
# no announced change come first, under no sub-heading that names a status.
_STATUSES: tuple[tuple[ProcedureStatus | None, str], ...] = (
    (None, "hiện hành"),
    (ProcedureStatus.NEW, "mới ban hành"),
    (ProcedureStatus.AMENDED, "được sửa đổi, bổ sung"),
    (ProcedureStatus.ABOLISHED, "bị bãi bỏ"),
)


@dataclass(frozen=True, slots=True)
class AnnexInfo:
    """The decision an annex is attached to, printed in its title block and read back into every procedure's
    ``announcement_decision``, ``announcement_date`` and ``announcement_issuer``.

    >>> AnnexInfo("1234/QĐ-UBND", dt.date(2024, 3, 5), "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu").attached_line()
    '(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 05 tháng 3 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh Lai Châu)'
    """

    number: str | None = None  # "1234/QĐ-UBND"
    date: dt.date | None = None
    issuer: str | None = None  # who signed it: "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"
    scope: str | None = None  # what the procedures belong to: "thuộc thẩm quyền giải quyết của…"

    def title(self) -> str:
        scope = f" {self.scope.strip()}" if self.scope and self.scope.strip() else ""
        return f"THỦ TỤC HÀNH CHÍNH{scope}".upper()

    def attached_line(self) -> str | None:
        """The line "(Ban hành kèm theo Quyết định số … ngày … của …)", dates as Decree 30/2020 writes them;
        None without a number."""
        if not self.number:
            return None
        parts = [f"(Ban hành kèm theo Quyết định số {self.number.strip()}"]
        if self.date is not None:
            month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
            parts.append(f" ngày {self.date.day:02d} tháng {month} năm {self.date.year}")
        if self.issuer and self.issuer.strip():
            parts.append(f" của {self.issuer.strip()}")
        return "".join(parts) + ")"


@dataclass(slots=True)
class _Group:
    """Procedures of one status and one field (a field beyond :data:`MAX_NUMBER` continues in a next part):
    their Part I rows and where their Part II blocks are in the spool."""

    status: int  # index in _STATUSES
    field_name: str | None
    part: int
    rows: list[list[str | ml.Cell]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # (offset, length) in the spool

    def order(self) -> tuple[int, bool, str, str, int]:
        # No field first: a field sub-heading above them would lend them its field when read back.
        return (
            self.status,
            self.field_name is not None,
            fold(self.field_name),
            self.field_name or "",
            self.part,
        )

    def title(self, roman: str) -> str:
        more = " (tiếp theo)" if self.part else ""
        return f"{roman}. Lĩnh vực {squash(self.field_name)}{more}"


# -------------------------------------------------------------------------------------------- a procedure


def _label(letter: str, key: str) -> str:
    return f"{letter}) {text.FIELD_LABELS[key]}"


Piece = str | tuple[str, str]  # a paragraph's text, or its bold first line and the lines below


def _runs(piece: Piece) -> list[str]:
    if isinstance(piece, tuple):
        head, rest = piece
        return [ml.run(head, bold=True), ml.run("\n" + rest)] if rest else [ml.run(head)]
    return [ml.run(piece)]


def _field(letter: str, key: str, seen: set[str], inline: str | None, body: Sequence[Piece]) -> str:
    """A lettered field: its label (with ``inline`` text after the colon), then paragraphs and tables.

    ``body`` holds paragraphs (see :data:`Piece`) and tables (:class:`~exporters.word.ml.Xml`). A paragraph whose
    first line the importer could take for another field's label or a procedure heading goes into the paragraph
    above, after a line break: the importer reads its lines the same, but only a paragraph's first line can open
    a field.
    """
    seen.add(key)
    label = _label(letter, key)
    if inline is None and not body:
        # Any text here would be read as content (a step, a note): the label itself says there is none.
        return ml.paragraph(ml.run(f"{label} ({text.UNKNOWN.lower()})."), style=ml.FIELD_LABEL)
    paragraphs: list[tuple[str, list[str]]] = [(ml.FIELD_LABEL, [ml.run(label + ":")])]
    if inline:
        paragraphs[0][1].append(ml.run(" " + inline, bold=False))
    out: list[str] = []
    for piece in body:
        if isinstance(piece, ml.Xml):
            out.extend(ml.paragraph(*runs, style=style) for style, runs in paragraphs)
            paragraphs = []
            out.append(piece)
        elif paragraphs and text.opens_field(piece if isinstance(piece, str) else piece[0], seen):
            paragraphs[-1][1].extend([ml.run("\n"), *_runs(piece)])
        else:
            paragraphs.append((ml.BODY, _runs(piece)))
    out.extend(ml.paragraph(*runs, style=style) for style, runs in paragraphs)
    return "".join(out)


def _dossier_table(procedure: Procedure) -> list[str]:
    """The dossier table (none when there are neither items nor notes). Its columns are STT, name, template,
    originals, copies (and remarks when an item has any); when two names would read as field labels by
    themselves, the quantities come second, so that the importer never takes the table for a label | value one.
    A note spans the name and template columns."""
    rows = text.dossier_rows(procedure)
    if not rows:
        return []
    keys = ["no", "name", "template", "originals", "copies"]
    names = [row.cells.get("name", "") or row.note or "" for row in rows if row.heading is None]
    if sum(text.is_cell_label(name) for name in names) >= 2:
        keys = ["no", "originals", "copies", "name", "template"]
    if any(row.cells.get("remarks") for row in rows):
        keys.append("remarks")
    widths = [ml.mm(_DOSSIER_MM[key]) for key in keys]
    widths[keys.index("name")] += ml.TEXT_WIDTH - sum(widths)  # the name takes what the others leave
    table_rows: list[list[str | ml.Cell]] = []
    for row in rows:
        if row.heading is not None:
            table_rows.append([ml.Cell(row.heading, span=len(keys), bold=True)])
            continue
        cells: list[str | ml.Cell] = []
        for key in keys:
            if row.note is not None and key == "template":
                continue  # spanned by the note
            if row.note is not None:
                value = {"name": row.note, "originals": "0", "copies": "0"}.get(key, "")
                cells.append(ml.Cell(value, span=2) if key == "name" else _centered(key, value))
            else:
                cells.append(_centered(key, row.cells.get(key, "")))
        table_rows.append(cells)
    return [ml.table(widths, [text.DOSSIER_COLUMNS[key] for key in keys], table_rows)]


def _centered(key: str, value: str) -> str | ml.Cell:
    return ml.Cell(value, align="center") if key in ("no", "originals", "copies") else value


def procedure_block(procedure: Procedure, number: int) -> str:
    """One procedure's part of Part II as WordprocessingML: heading, identification table, lettered fields."""
    heading = f"{number}. {text.heading_name(procedure.name)}"
    info = [
        (text.INFO_LABELS["code"], procedure.code),
        (text.INFO_LABELS["field"], procedure.field or ""),
    ]
    seen = {"code", "field"}
    if procedure.levels:
        info.append((text.INFO_LABELS["levels"], text.level_text(procedure)))
        seen.add("levels")
    if procedure.receiving_address:
        info.append((text.INFO_LABELS["address"], procedure.receiving_address))
        seen.add("address")
    parts = [ml.paragraph(ml.run(heading), style=ml.PROCEDURE), ml.label_table(_INFO_WIDTHS, info)]

    channels: list[str] = (
        [ml.table(_CHANNEL_WIDTHS, _CHANNEL_HEADER, text.channel_rows(procedure))]
        if procedure.channels
        else []
    )
    contents: dict[str, tuple[str | None, Sequence[Piece]]] = {
        "steps": (None, text.step_paragraphs(procedure)),
        "channels": (None, channels),
        "dossier": (None, _dossier_table(procedure)),
        "time": text.time_lines(procedure),
        "subjects": _or_unknown(text.subject_lines(procedure)),
        "agencies": _or_unknown(text.agency_lines(procedure)),
        "results": _or_unknown(text.result_lines(procedure)),
        "fees": text.fee_lines(procedure),
        "forms": text.form_lines(procedure),
        "requirements": (None, lines) if (lines := text.requirement_lines(procedure)) else (text.NONE, []),
        "legal": _or_unknown(text.legal_lines(procedure)),
    }
    for letter, key in zip(text.LETTERS, text.FIELD_ORDER, strict=False):
        inline, body = contents[key]
        parts.append(_field(letter, key, seen, inline, body))
    return "".join(parts)


def _or_unknown(lines: list[str]) -> tuple[str | None, list[str]]:
    return (None, lines) if lines else (text.UNKNOWN, [])


# ------------------------------------------------------------------------------------------------ the annex


def _list_row(procedure: Procedure, number: int) -> list[str | ml.Cell]:
    return [
        str(number),
        procedure.code,
        procedure.name,
        procedure.field or "",
        "\n".join(procedure.executing_agencies),
    ]


def _title_block(decision: AnnexInfo) -> str:
    attached = decision.attached_line()
    return "".join(
        (
            ml.paragraph(ml.run("PHỤ LỤC"), style=ml.TITLE),
            ml.paragraph(ml.run(decision.title()), style=ml.TITLE),
            ml.paragraph(ml.run(attached) if attached else "", style=ml.ANNEX_NOTE),
        )
    )


_ROMAN: tuple[tuple[int, str], ...] = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"],
        strict=True,
    )
)


def roman(number: int) -> str:
    """A number in Roman numerals, as annexes number their field sub-headings.

    >>> roman(14), roman(113)
    ('XIV', 'CXIII')
    """
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _by_status(groups: list[_Group]) -> list[tuple[int, list[_Group]]]:
    out: list[tuple[int, list[_Group]]] = []
    for group in sorted(groups, key=_Group.order):
        if not out or out[-1][0] != group.status:
            out.append((group.status, []))
        out[-1][1].append(group)
    return out


def _body(decision: AnnexInfo, groups: list[_Group], spool: IO[bytes]) -> Iterator[str | bytes]:
    """The body's content: title block, Part I (a table per status, field sub-headings as merged rows), Part II
    (status and field sub-headings, then each procedure's block copied from the spool)."""
    yield _title_block(decision)
    yield ml.paragraph(ml.run("PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH"), style=ml.PART)
    statuses = _by_status(groups)
    headed = len(statuses) > 1 or any(status for status, _ in statuses)
    if not groups:
        yield ml.paragraph(ml.run("Không có thủ tục hành chính nào được chọn."))
    for index, (status, members) in enumerate(statuses, start=1):
        if headed:
            title = f"{index}. Danh mục thủ tục hành chính {_STATUSES[status][1]}"
            yield ml.paragraph(ml.run(title), style=ml.STATUS_GROUP)
        rows: list[list[str | ml.Cell]] = []
        for field_title, group in _numbered(members):
            if field_title is not None:
                rows.append([ml.Cell(field_title, span=len(_LIST_HEADER), bold=True)])
            rows.extend(group.rows)
        yield ml.table(_LIST_WIDTHS, _LIST_HEADER, rows)
    yield ml.paragraph(ml.run("PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH"), style=ml.PART)
    for letter, (status, members) in zip("ABCD", statuses, strict=False):
        if headed:
            yield ml.paragraph(
                ml.run(f"{letter}. Thủ tục hành chính {_STATUSES[status][1]}"), style=ml.STATUS_GROUP
            )
        for field_title, group in _numbered(members):
            if field_title is not None:
                yield ml.paragraph(ml.run(field_title), style=ml.FIELD_GROUP)
            for offset, length in group.spans:
                spool.seek(offset)
                yield spool.read(length)


def _numbered(groups: list[_Group]) -> Iterator[tuple[str | None, _Group]]:
    """Each group (in order: the one without a field first) with its field sub-heading, numbered I, II…"""
    number = 0
    for group in groups:
        if group.field_name is None:
            yield None, group
        else:
            number += 1
            yield group.title(roman(number)), group


def _total(procedures: Iterable[Procedure], total: int | None) -> int:
    if total is not None:
        return total
    return len(procedures) if isinstance(procedures, Sized) else 0


def write_spec_docx_to(
    procedures: Iterable[Procedure],
    out: IO[bytes],
    *,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    decision: AnnexInfo | None = None,
) -> int:
    """Write the annex for ``procedures`` (in the order given within each status group) to a binary stream.

    Returns the number of procedures written. See :func:`write_spec_docx` for the parameters.
    """
    decision = decision or AnnexInfo()
    expected = _total(procedures, total)
    statuses = {status: index for index, (status, _) in enumerate(_STATUSES)}
    groups: dict[tuple[int, str | None, int], _Group] = {}
    latest: dict[tuple[int, str | None], _Group] = {}
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+b") as spool:
        for procedure in procedures:
            check_cancelled(cancelled, EXPORT)
            key = (statuses.get(procedure.status, 0), squash(procedure.field) or None)  # ACTIVE: no change
            group = latest.get(key)
            if group is None or len(group.rows) >= MAX_NUMBER:
                part = group.part + 1 if group is not None else 0
                group = latest[key] = groups[(*key, part)] = _Group(key[0], procedure.field, part)
            number = len(group.rows) + 1
            group.rows.append(_list_row(procedure, number))
            block = procedure_block(procedure, number).encode("utf-8")
            group.spans.append((spool.tell(), len(block)))
            spool.write(block)
            count += 1
            if progress is not None:
                progress(count, max(expected, count) if expected else 0)  # 0: total unknown
        check_cancelled(cancelled, EXPORT)
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
            ml.Shell.build(decision.title()).write(package, _body(decision, list(groups.values()), spool))
    return count


def write_spec_docx(
    procedures: Iterable[Procedure],
    path: Path,
    *,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    decision: AnnexInfo | None = None,
) -> int:
    """Write the standardized specification of ``procedures`` to a Word file, atomically.

    Parameters
    ----------
    procedures : the procedures, streamed (e.g. ``workspace.procedures(codes)``); one procedure is a selection too.
    path : the .docx file to write; it is replaced only when the whole document is written.
    total : how many procedures will come, for ``progress`` (default: ``len(procedures)`` when it has one, else 0).
    progress : called with (procedures written, total) after each procedure; total is 0 when unknown.
    cancelled : polled before each procedure; when it returns True nothing is written.
    decision : the announcement decision the annex is attached to (its title block and each procedure's
        announcement fields when read back).

    Returns
    -------
    int : the number of procedures written.

    Raises
    ------
    Cancelled : the caller cancelled; no file (nor partial file) is left.
    OSError : the file cannot be written.

    Examples
    --------
    >>> with Workspace.open("catalog.sqlite") as ws:                              # doctest: +SKIP
    ...     write_spec_docx(ws.procedures(["1.001193"]), Path("khai-sinh.docx"))
    1
    """
    with atomic_output(path) as tmp, tmp.open("wb") as out:
        return write_spec_docx_to(
            procedures, out, total=total, progress=progress, cancelled=cancelled, decision=decision
        )


def spec_docx_filename(procedures: Sequence[Procedure]) -> str:
    """A file name for the specification of ``procedures`` (no folder; safe on every desktop system).

    >>> spec_docx_filename([Procedure(code="1.001193", name="Thủ tục đăng ký khai sinh / kết hôn")])
    '1.001193 Thủ tục đăng ký khai sinh kết hôn.docx'
    >>> spec_docx_filename([Procedure(code="1", name="a"), Procedure(code="2", name="b")])
    'Phụ lục thủ tục hành chính (2 thủ tục).docx'
    """
    if len(procedures) == 1:
        stem = safe_filename(f"{procedures[0].code} {procedures[0].name}")
    else:
        stem = safe_filename(f"Phụ lục thủ tục hành chính ({len(procedures)} thủ tục)")
    return f"{stem}.docx"


def generate_spec_docx(procedures: Iterable[Procedure], *, decision: AnnexInfo | None = None) -> bytes:
    """The .docx bytes of the standardized specification of ``procedures``."""
    buffer = io.BytesIO()
    write_spec_docx_to(procedures, buffer, decision=decision)
    return buffer.getvalue()
