"""The structure of a published procedure specification in Word: the annex of a Quyết định công bố, or a single
procedure's specification.

An annex has **Phần I. Danh mục thủ tục hành chính** (a table of code, name, field, agency, under sub-headings that
give status — mới ban hành / sửa đổi, bổ sung / bãi bỏ — and level) and **Phần II. Nội dung cụ thể** (one block per
procedure: a heading such as "1. Thủ tục đăng ký khai sinh", then the labelled fields of the standard layout,
DOMAIN.md §7). A single specification has a title and the same fields. Fields are recognised by the key words of
their label, folded (no diacritics, any case), with or without the letter ("a)", "đ)"), in any order, as
paragraphs ("a) Trình tự thực hiện:" followed by text or a table) or as rows of a label | value table.

This module only finds the parts; :mod:`catalog.formats.docx_spec` reads their meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.formats.docx_reader import Block, Paragraph, Table
from catalog.reading.spec_fields import name_key
from catalog.reading.spec_labels import (
    PROCEDURE_CODE,
    Context,
    Label,
    code_in,
    match_label,
    subheading,
)
from models.text import clean, fold, squash

# Label openings that also start ordinary lines inside other fields ("Lệ phí: 100.000 đồng" or "Thời hạn giải
# quyết: 15 ngày" in a channel, "Kết quả: …" in a step): labels only when lettered, bold, alone on their line or in
# a label cell. The full wordings ("Đối tượng thực hiện", "Trình tự thực hiện") are labels wherever they open a line.
_WEAK_KEYS = {"fees", "time", "field", "levels"}
_WEAK_OPENINGS = {"trinh tu", "doi tuong", "ket qua", "ma so", "hinh thuc nop"}
_HEADING = re.compile(r"^\s*(\d{1,3})\s*[.)/]\s*(\S.*)$", re.DOTALL)
_HEADING_CODE = re.compile(
    r"\s*[(\[]?\s*(?:mã(?:\s+số|\s+tthc|\s+thủ\s+tục)?\s*:?\s*)(\d\.\d{6}[\w.]*)\s*[)\]]?", re.IGNORECASE
)


@dataclass(slots=True)
class ListEntry:
    """A row of Part I's list."""

    name: str
    code: str | None
    field: str | None
    agency: str | None
    context: Context
    where: str  # "table 2, row 3": how a user finds the row in Part I


@dataclass(slots=True)
class Field:
    """A labelled field of a procedure: its label as published and its content (lines of text and tables)."""

    key: str
    label: str
    content: list[str | Table] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The field's text lines; tables become one line per row with cells joined by " | "."""
        out: list[str] = []
        for part in self.content:
            if isinstance(part, Table):
                out.extend(" | ".join(squash(c) for c in row) for row in part.rows)
            else:
                out.extend(line for line in clean(part).split("\n") if line.strip())
        return out

    def text(self) -> str:
        return "\n".join(self.lines())

    def tables(self) -> list[Table]:
        return [part for part in self.content if isinstance(part, Table)]


@dataclass(slots=True)
class Section:
    """One procedure's block: heading, labelled fields (first of each key) and the sub-heading context."""

    heading: str
    name: str
    heading_code: str | None
    context: Context
    fields: dict[str, Field] = field(default_factory=dict)
    preamble: list[str] = field(default_factory=list)  # text between the heading and the first label


@dataclass(slots=True)
class Decision:
    """The announcement decision the annex belongs to, as the document cites it."""

    number: str | None = None
    date_text: str | None = None
    issuer: str | None = None


@dataclass(slots=True)
class Annex:
    decision: Decision
    listing: list[ListEntry]
    sections: list[Section]
    has_part_one: bool = False
    unheaded_fields: bool = False  # labelled fields found, but under no recognisable procedure heading


# ------------------------------------------------------------------------------------------------- labels


def _accepts(label: Label, paragraph: Paragraph, seen: set[str]) -> bool:
    """Whether a paragraph that opens with label words really starts a field (see ``_WEAK``)."""
    if label.key in seen:
        return False
    if label.prefixed or paragraph.bold or paragraph.style.lower().startswith("heading"):
        return True
    if not label.value:
        return True  # the label alone on its line
    if label.key == "code":
        return bool(PROCEDURE_CODE.search(label.value))
    return label.key not in _WEAK_KEYS and label.opening not in _WEAK_OPENINGS


def _apply(context: Context, update: Context) -> Context:
    if update.status is not None:
        return Context(update.status, update.level, None)  # a new list starts: level and field restart
    if update.level is not None:
        return Context(context.status, update.level, None)
    return Context(context.status, context.level, update.field)


# ------------------------------------------------------------------------------------------------- Part I


def _column(header: list[str], *needles: str) -> int | None:
    for index, cell in enumerate(header):
        key = fold(cell)
        if any(key.startswith(n) or f" {n}" in f" {key}" for n in needles):
            return index
    return None


def _listing_table(table: Table, context: Context, entries: list[ListEntry], number: int) -> Context:
    header_at = next(
        (i for i, row in enumerate(table.rows) if _column(row, "ten thu tuc", "ten tthc") is not None), None
    )
    if header_at is None:
        return context
    header = table.rows[header_at]
    name_at = _column(header, "ten thu tuc", "ten tthc") or 0
    code_at = _column(header, "ma so", "ma tthc", "ma thu tuc", "ma ho so")
    field_at = _column(header, "linh vuc")
    agency_at = _column(header, "co quan thuc hien", "co quan giai quyet", "co quan")

    def cell(row: list[str], at: int | None) -> str | None:
        if at is None or at >= len(row):
            return None
        return squash(row[at]) or None

    for row_number, row in enumerate(table.rows[header_at + 1 :], start=header_at + 2):
        texts = {squash(c) for c in row if squash(c)}
        if len(texts) == 1 and (update := subheading(next(iter(texts)), in_table=True)) is not None:
            context = _apply(context, update)  # a merged row: "A. Thủ tục hành chính cấp tỉnh", "Lĩnh vực…"
            continue
        name = cell(row, name_at) if len(row) > 1 else None
        if not name:
            continue
        entries.append(
            ListEntry(
                name=name,
                code=code_in(cell(row, code_at)),
                field=cell(row, field_at) or context.field,
                agency=cell(row, agency_at),
                context=context,
                where=f"table {number}, row {row_number}",
            )
        )
    return context


# ------------------------------------------------------------------------------------------------- Part II


def _is_part(text: str, number: str) -> bool:
    key = fold(text)
    return bool(re.match(rf"^phan\s+{number}\b", key)) and any(
        w in key for w in ("danh muc", "noi dung", "thu tuc")
    )


def _procedure_heading(paragraph: Paragraph, known: set[str]) -> tuple[str, str | None] | None:
    """The procedure name (and code) a paragraph heads a block with, or None.

    A numbered paragraph ("2. Thủ tục đăng ký kết hôn") is a heading when it names a procedure ("Thủ tục…"), is
    listed in Part I, or is set bold or in a heading style; an unnumbered one needs bold or heading style too.
    Numbered lines inside fields ("1. Tờ khai…") are none of these.
    """
    text = squash(paragraph.text)
    if not text or text.endswith(":") or subheading(text) or match_label(text):
        return None
    numbered = _HEADING.match(text)
    name = numbered.group(2).strip() if numbered else text
    code_match = _HEADING_CODE.search(name)
    code = code_match.group(1) if code_match else None
    if code_match:
        name = squash(name[: code_match.start()] + name[code_match.end() :]).strip(" -–.")
    emphasised = _emphasised(paragraph) or paragraph.style.lower().startswith("title")
    names_procedure = fold(name).startswith("thu tuc") or name_key(name) in known
    if numbered and (emphasised or names_procedure):
        return name, code
    if not numbered and emphasised and (names_procedure or paragraph.style.lower().startswith("heading")):
        return name, code
    return None


def _is_field_table(table: Table) -> bool:
    labelled = sum(1 for row in table.rows if any(_cell_label(c) for c in row[:2]) and len(row) >= 2)
    return labelled >= 2


def _cell_label(cell: str) -> Label | None:
    """The label a table cell holds by itself ("Thời hạn giải quyết"), with its value in the next cell."""
    label = match_label(cell)
    return label if label is not None and not label.value else None


def _add_field_table(table: Table, section: Section, current: list[Field | None]) -> None:
    """Rows of a label | value table: each labelled row starts a field; an unlabelled row continues the last."""
    for row in table.rows:
        at = next((i for i, c in enumerate(row[:2]) if _cell_label(c)), None)
        if at is not None and at + 1 < len(row):
            label = _cell_label(row[at])
            if label is None:
                continue
            value = "\n".join(c for c in row[at + 1 :] if c.strip())
            field_ = section.fields.setdefault(label.key, Field(label.key, label.label))
            if value.strip():
                field_.content.append(value)
            current[0] = field_
        elif current[0] is not None:
            current[0].content.append("\n".join(c for c in row if c.strip()))


def _fill_section(section: Section, blocks: list[Block]) -> None:
    current: list[Field | None] = [None]
    for block in blocks:
        if isinstance(block, Table):
            if _is_field_table(block):
                _add_field_table(block, section, current)
            elif current[0] is not None:
                current[0].content.append(block)
            else:
                section.preamble.extend(" | ".join(squash(c) for c in row) for row in block.rows)
            continue
        label = match_label(block.text)
        if label is not None and _accepts(label, block, set(section.fields)):
            field_ = Field(label.key, label.label, [label.value] if label.value else [])
            section.fields[label.key] = field_
            current[0] = field_
        elif current[0] is not None:
            current[0].content.append(block.text)
        elif squash(block.text):
            section.preamble.append(squash(block.text))


def _sections(blocks: list[Block], context: Context, known: set[str]) -> list[Section]:
    sections: list[Section] = []
    bodies: list[list[Block]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            update = subheading(block.text)
            if update is not None and (not bodies or _emphasised(block)):
                context = _apply(context, update)  # inside a block, only a bold or heading line is one
                continue
            heading = _procedure_heading(block, known)
            if heading is not None:
                name, code = heading
                sections.append(Section(squash(block.text), name, code, context))
                bodies.append([])
                continue
        if bodies:
            bodies[-1].append(block)
    for section, body in zip(sections, bodies, strict=True):
        _fill_section(section, body)
    return [s for s in sections if s.fields]


def _emphasised(paragraph: Paragraph) -> bool:
    text = squash(paragraph.text)
    return (
        paragraph.bold or paragraph.style.lower().startswith("heading") or (text.isupper() and len(text) > 3)
    )


# --------------------------------------------------------------------------------------------- whole document


_DECISION = re.compile(r"kèm\s+theo\s+quyết\s+định\s+số\s*:?\s*([0-9][^\s,;()]*/[^\s,;()]+)", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^\s*số\s*:\s*([0-9][^\s,;()]*/QĐ-[^\s,;()]+)", re.IGNORECASE)
_DATE = re.compile(
    r"ngày\s+\d{1,2}\s*(?:[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4})", re.IGNORECASE
)
_ISSUER = re.compile(r"\bcủa\s+([^()]+?)\s*\)?\s*$", re.IGNORECASE)


def _decision(paragraphs: list[str]) -> Decision:
    """The decision an annex is attached to ("Ban hành kèm theo Quyết định số…"), else the decision's own "Số:"."""
    found = [m for pattern in (_DECISION, _NUMBER_LINE) for text in paragraphs if (m := pattern.search(text))]
    if found:
        match = found[0]
        tail = match.string[match.end() :]
        date, issuer = _DATE.search(tail), _ISSUER.search(tail)
        return Decision(
            match.group(1).rstrip("."), date.group(0) if date else None, issuer.group(1) if issuer else None
        )
    return Decision()


def read_annex(blocks: list[Block]) -> Annex:
    """Part I's list and the procedure blocks of a specification document, in order.

    Without "Phần II", procedure blocks are looked for in the whole body; without any procedure heading, the
    document is one procedure's specification whose name is its "Tên thủ tục" field or its title.
    """
    part_one = next(
        (i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and _is_part(b.text, "(?:i|1)")), None
    )
    part_two = next(
        (i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and _is_part(b.text, "(?:ii|2)")), None
    )
    preamble_end = min(i for i in (part_one, part_two, len(blocks)) if i is not None)
    decision = _decision([b.text for b in blocks[:preamble_end] if isinstance(b, Paragraph)][:40])

    listing: list[ListEntry] = []
    if part_one is not None:
        context = Context()
        tables = 0
        for block in blocks[part_one + 1 : part_two if part_two is not None else len(blocks)]:
            if isinstance(block, Table):
                tables += 1
                context = _listing_table(block, context, listing, tables)
            elif (update := subheading(block.text)) is not None:
                context = _apply(context, update)
    known = {name_key(entry.name) for entry in listing}

    start = part_two + 1 if part_two is not None else (part_one + 1 if part_one is not None else 0)
    sections = _sections(blocks[start:], Context(), known)
    unheaded = False
    if not sections:
        single = Section("", "", None, Context())
        _fill_section(single, blocks[start:])
        if single.fields and part_two is None and part_one is None:
            single.name = _title(single, blocks)
            sections = [single]
        else:
            unheaded = bool(single.fields)  # Part II's blocks must be told apart by their headings
    return Annex(decision, listing, sections, part_one is not None, unheaded)


_BOILERPLATE = ("cong hoa xa hoi", "doc lap", "phu luc", "quyet dinh", "so:", "ban hanh kem", "kem theo")


def _title(section: Section, blocks: list[Block]) -> str:
    """A single specification's procedure name: its "Tên thủ tục" field, else its title line."""
    named = section.fields.get("name")
    if named is not None and named.text():
        return squash(named.lines()[0])
    candidates = []
    for block in blocks:
        if isinstance(block, Table) or match_label(block.text):
            break  # the title comes before the first field
        if squash(block.text) and not fold(block.text).strip("( ").startswith(_BOILERPLATE):
            candidates.append(squash(block.text))
    preferred = [c for c in candidates if fold(c).startswith("thu tuc")]
    return (preferred or candidates or [""])[0]
