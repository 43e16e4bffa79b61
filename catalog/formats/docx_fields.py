"""The channel and dossier fields of a Word specification block: the "Cách thức thực hiện" table or lines (channel,
time limit, fees) and the "Thành phần, số lượng hồ sơ" table or lines (items, quantities, groups, notes), with the
forms field applied to the items it names. :mod:`catalog.formats.docx_spec` reads the rest of a block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from catalog.formats.docx_layout import Field, Section
from catalog.formats.docx_reader import CELL_SEPARATOR, Table
from catalog.reading import items as item_rules
from catalog.reading.spec_fields import (
    TimeLimit,
    dossier_entry,
    make_channels,
    methods_in,
    parse_channel_lines,
    parse_fees,
    parse_quantity,
    parse_time,
)
from models.enums import ItemGroup, ItemKind
from models.procedure import Channel, DossierItem, Note
from models.text import clean, fold, is_placeholder, squash

#: What a field says when there is nothing to say (folded).
NONE_WORDS = {"khong", "khong co", "khong quy dinh", "khong yeu cau", "khong co yeu cau"}


def short(name: str) -> str:
    text = squash(name) or "untitled"
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def said(field_: Field | None) -> Field | None:
    """The field, unless it is absent or only says there is nothing ("Không", "Không có", no text)."""
    if field_ is None:
        return None
    text = fold(item_rules.strip_bullet(field_.text())).strip(" .;")
    return None if not text or text in NONE_WORDS or is_placeholder(text) else field_


def pieces(field_: Field) -> Iterator[str | Table]:
    """A field's content as lines and tables, in order; the rows of a table nested in a cell (flattened by the
    reader into "a | b | c" lines) become a table again."""
    run: list[list[str]] = []
    for part in field_.content:
        if isinstance(part, Table):
            if run:
                yield Table(run)
                run = []
            yield part
            continue
        for line in clean(part).split("\n"):
            if CELL_SEPARATOR in line:
                run.append(line.split(CELL_SEPARATOR))
                continue
            if run:
                yield Table(run)
                run = []
            if line.strip():
                yield line
    if run:
        yield Table(run)


# ----------------------------------------------------------------------------------------------- channels


def _header_columns(row: list[str], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = fold(cell)
        for name, needles in columns.items():
            if name not in found and any(n in key for n in needles):
                found[name] = index
                break
    return found


_CHANNEL_COLUMNS = {
    "method": ("hinh thuc nop", "cach thuc", "hinh thuc"),
    "time": ("thoi han", "thoi gian"),
    "fees": ("phi",),
    "description": ("mo ta", "ghi chu"),
}


def _channel_table(table: Table, warnings: list[str]) -> list[Channel] | None:
    """Rows of a "Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí | Mô tả" table; None if it is not one."""
    if not table.rows:
        return None
    columns = _header_columns(table.rows[0], _CHANNEL_COLUMNS)
    if "method" not in columns or len(columns) < 2:
        return None
    channels: list[Channel] = []

    def cell(row: list[str], name: str) -> str:
        at = columns.get(name)
        return row[at] if at is not None and at < len(row) else ""

    for row in table.rows[1:]:
        methods = methods_in(cell(row, "method"))
        if not methods:
            if squash(" ".join(row)):
                warnings.append(
                    f"a channel row names no known method ('{short(cell(row, 'method'))}') and was skipped"
                )
            continue
        time = parse_time(cell(row, "time"), anywhere=True)
        channels.extend(make_channels(methods, time, parse_fees(cell(row, "fees")), cell(row, "description")))
    return channels


def read_channels(section: Section, warnings: list[str]) -> list[Channel]:
    field_ = section.fields.get("channels")
    channels: list[Channel] = []
    if field_ is not None:
        for part in pieces(field_):
            if isinstance(part, Table):
                channels.extend(_channel_table(part, warnings) or [])
        if not channels:
            channels = parse_channel_lines(field_.lines())
    time_field, fee_field = section.fields.get("time"), section.fields.get("fees")
    time = parse_time(time_field.text()) if time_field is not None else TimeLimit()
    if time_field is not None and time.limit is None:
        time = parse_time(time_field.text(), anywhere=True)
    fees = parse_fees(fee_field.text()) if fee_field is not None else []
    for channel in channels:
        if channel.time_limit is None and channel.time_unit is None and (time.limit is not None or time.note):
            channel.time_limit, channel.time_unit = time.limit, time.unit
            channel.time_note = time.note or channel.time_note
        if not channel.fees and fees:
            channel.fees = [fee.model_copy() for fee in fees]
    if not channels:
        if field_ is not None and squash(field_.text()):
            warnings.append(
                "its 'Cách thức thực hiện' names no known channel (trực tiếp, trực tuyến, bưu chính)"
            )
        if time.limit is not None or fees:
            warnings.append("its time limit and fees are not kept because no channel is named to carry them")
    return channels


# ------------------------------------------------------------------------------------------------ dossier


_DOSSIER_COLUMNS = {
    "name": ("ten giay to", "thanh phan", "ten ho so", "giay to", "ten tai lieu"),
    "template": ("mau don", "mau to khai", "bieu mau", "mau"),
    "quantity": ("so luong",),
    "originals": ("ban chinh",),
    "copies": ("ban sao",),
}
_HEADING_WORDS = (
    "giay to phai nop",
    "giay to phai xuat trinh",
    "giay to xuat trinh",
    "luu y",
    "ghi chu",
    "chu y",
)
_GROUP_OPENINGS = ("thanh phan ho so", "ho so gom", "ho so bao gom", "thanh phan, so luong")


@dataclass(slots=True)
class _Dossier:
    items: list[DossierItem]
    notes: list[Note]
    heading: str | None = None
    group: ItemGroup | None = ItemGroup.SUBMIT

    def set_heading(self, text: str) -> None:
        self.heading = squash(text) or None
        self.group = item_rules.group_of_heading(text)

    def add(
        self,
        text: str,
        originals: int | None,
        copies: int | None,
        template: str | None = None,
        wording: str | None = None,
    ) -> None:
        entry = dossier_entry(
            text,
            originals,
            copies,
            group=self.group,
            heading=self.heading,
            template=template,
            wording=wording,
        )
        if isinstance(entry, Note):
            self.notes.append(entry)
        elif entry is not None:
            self.items.append(entry)


def _heading_line(text: str) -> tuple[str, str] | None:
    """A dossier heading ("* Giấy tờ phải nộp:", "Lưu ý:") and any text after its colon."""
    head, colon, rest = clean(text).partition(":")
    key = fold(item_rules.strip_bullet(head)).strip(" *")
    if not key or len(key.split()) > 10:
        return None
    if any(word in key for word in _HEADING_WORDS) or (
        colon and not rest.strip() and key.startswith(_GROUP_OPENINGS)
    ):
        return squash(head + colon), rest.strip()
    return None


def _template(text: str) -> str | None:
    value = squash(text)
    return None if not value or fold(value) in NONE_WORDS or value in ("-", "x", "X") else value


def _int(text: str) -> int | None:
    found = re.search(r"\d{1,3}", text)
    return int(found.group(0)) if found else None


def _dossier_table(table: Table, dossier: _Dossier) -> bool:
    """Rows of a "Tên giấy tờ | Mẫu đơn, tờ khai | Số lượng" table; False if the table is not one."""
    if not table.rows:
        return False
    columns = _header_columns(table.rows[0], _DOSSIER_COLUMNS)
    if "name" not in columns or not ({"quantity", "originals", "copies"} & set(columns)):
        return False

    def cell(row: list[str], name: str) -> str:
        at = columns.get(name)
        return row[at] if at is not None and at < len(row) else ""

    for row in table.rows[1:]:
        texts = {squash(c) for c in row if squash(c)}
        quantity_text = "".join(cell(row, c) for c in ("quantity", "originals", "copies"))
        if len(texts) == 1 and (len(row) == 1 or not squash(quantity_text)):
            only = next(iter(texts))  # a merged row: "Giấy tờ phải nộp:", "Lưu ý:"
            heading = _heading_line(only)
            if heading is not None or only.endswith(":"):
                dossier.set_heading(heading[0] if heading else only)
                if heading is not None and heading[1]:
                    _dossier_line(heading[1], dossier)
                continue
        name = cell(row, "name")
        if "quantity" in columns:
            quantity = parse_quantity(cell(row, "quantity"))
            originals, copies = quantity.originals, quantity.copies
        else:
            originals, copies = _int(cell(row, "originals")), _int(cell(row, "copies"))
        if originals is None and copies is None:
            inline = parse_quantity(name)
            originals, copies, name = inline.originals, inline.copies, inline.name or name
        dossier.add(name, originals, copies, _template(cell(row, "template")))
    return True


def read_dossier(section: Section) -> tuple[list[DossierItem], list[Note]]:
    dossier = _Dossier([], [])
    field_ = section.fields.get("dossier")
    if field_ is None:
        return [], []
    for part in pieces(field_):
        if isinstance(part, str):
            _dossier_line(part, dossier)
        elif not _dossier_table(part, dossier):
            for row in part.rows:
                _dossier_line(CELL_SEPARATOR.join(squash(c) for c in row if squash(c)), dossier)
    return dossier.items, dossier.notes


def _dossier_line(line: str, dossier: _Dossier) -> None:
    if not squash(line):
        return
    heading = _heading_line(line)
    if heading is not None:
        dossier.set_heading(heading[0])
        if heading[1]:
            _dossier_line(heading[1], dossier)
        return
    if fold(item_rules.strip_bullet(line)).startswith("so luong ho so"):
        dossier.notes.append(Note(text=clean(line)))  # how many sets to hand in: not an item
        return
    if " | " in line:  # a row of a nested table: name | form | quantity
        cells = [c for c in line.split(" | ") if c.strip()]
        quantity = parse_quantity(cells[-1]) if len(cells) > 1 else parse_quantity(line)
        if len(cells) > 1 and (quantity.originals is not None or quantity.copies is not None):
            template = _template(" ".join(cells[1:-1])) if len(cells) > 2 else None
            dossier.add(cells[0], quantity.originals, quantity.copies, template, wording=line)
            return
    quantity = parse_quantity(line)
    dossier.add(quantity.name or line, quantity.originals, quantity.copies, wording=line)


def apply_forms(section: Section, items: list[DossierItem], notes: list[Note], warnings: list[str]) -> None:
    """Mark the dossier items that "Tên mẫu đơn, mẫu tờ khai" names as forms, with the form as template."""
    field_ = said(section.fields.get("forms"))
    if field_ is None:
        return
    for line in field_.lines():
        form = item_rules.normalize_name(line)
        if not form or fold(form) in NONE_WORDS or is_placeholder(form):
            continue
        key = fold(
            re.split(r"\(|\btheo mẫu|\bmẫu số|\bban hành kèm", form, maxsplit=1, flags=re.IGNORECASE)[0]
        )
        key = key.strip(" ,.:;-")
        match = next(
            (
                item
                for item in items
                if len(key) > 6
                and (
                    key in fold(item.name_normalized)
                    or fold(parse_quantity(item.name_normalized).name) in key
                )
            ),
            None,
        )
        if match is None:
            notes.append(Note(text=clean(line), heading=field_.label))
            warnings.append(f"the form '{short(form)}' matches no dossier item; it is kept as a note")
            continue
        match.kind = ItemKind.FORM
        match.template = match.template or form
