"""Word (.docx) procedure specifications in the standard publication layout: the annex of a Quyết định công bố
(Part I list, Part II one block per procedure) or a single procedure's specification.

Reading is in two stages, like every format: :meth:`DocxSpecFormat.records` reads the package
(:mod:`catalog.formats.docx_reader`) and finds each procedure's block and Part I's list (:mod:`catalog.formats.docx_layout`);
:meth:`DocxSpecFormat.parse` reads one block's fields into a :class:`~models.procedure.Procedure`
(text-level rules in :mod:`catalog.reading.spec_fields`, :mod:`catalog.reading.items`, :mod:`catalog.reading.steps`, :mod:`catalog.reading.legal`).

Codes come from the block ("Mã số: 1.001193") or from Part I, matched by folded name; a procedure published with
neither gets a code derived from its name (``DOCX-`` and a hash) and a warning. Part I rows with no block in Part II
(typically abolished procedures) are list-level records: they enrich, never replace (see :mod:`catalog.importing.merge`).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from catalog.errors import CatalogReadError
from catalog.formats.base import Format, Parsed, RawRecord
from catalog.formats.docx_layout import (
    Annex,
    Decision,
    Field,
    ListEntry,
    Section,
    read_annex,
)
from catalog.formats.docx_reader import CELL_SEPARATOR, Table, is_word_package, read_body
from catalog.reading import items as item_rules
from catalog.reading.legal import make_reference
from catalog.reading.spec_fields import (
    TimeLimit,
    derived_code,
    dossier_entry,
    legal_references,
    make_channels,
    methods_in,
    name_key,
    parse_channel_lines,
    parse_fees,
    parse_quantity,
    parse_time,
)
from catalog.reading.spec_labels import code_in, levels_in
from catalog.reading.steps import make_step, split_steps
from models.enums import ItemGroup, ItemKind
from models.procedure import Channel, DossierItem, Note, Procedure, Result, Step
from models.text import clean, fold, is_placeholder, squash

CODE_PREFIX = "DOCX"
_ZIP_MAGIC = b"PK\x03\x04"
_WORD_SUFFIXES = (".docx", ".docm")
_NONE_WORDS = {"khong", "khong co", "khong quy dinh", "khong yeu cau", "khong co yeu cau"}


@dataclass(slots=True)
class _Block:
    """The data of one record: a procedure's block, or a Part I row with no block."""

    section: Section | None
    entry: ListEntry | None
    decision: Decision


class DocxSpecFormat(Format):
    name = "docx-spec"
    description = "Word procedure specification (.docx)"

    def sniff(self, path: Path, head: bytes) -> bool:
        # A damaged package that is named as a Word file is ours to explain; other ZIP packages are not.
        if head.startswith(_ZIP_MAGIC) and is_word_package(path):
            return True
        return path.suffix.lower() in _WORD_SUFFIXES

    def records(self, path: Path) -> Iterator[RawRecord]:
        try:
            annex = read_annex(read_body(path))
        except CatalogReadError:
            raise
        except (
            ValueError,
            TypeError,
            KeyError,
            IndexError,
            AttributeError,
            RecursionError,
            zipfile.error,
        ) as exc:
            raise CatalogReadError(
                str(path), None, f"its layout could not be read ({type(exc).__name__})"
            ) from None
        yield from _records(path, annex)

    def parse(self, record: RawRecord) -> Parsed:
        block = record.data
        if not isinstance(block, _Block):
            raise CatalogReadError(
                str(record.file), record.label, "it is not a block of a Word specification"
            )
        try:
            if block.section is not None:
                return _procedure(block.section, block.entry, block.decision)
            if block.entry is not None:
                return _listing(block.entry, block.decision)
            raise _Problem("it holds neither a procedure block nor a Part I row")
        except _Problem as problem:
            raise CatalogReadError(str(record.file), record.label, str(problem)) from None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as exc:
            raise CatalogReadError(
                str(record.file), record.label, f"a field could not be read ({type(exc).__name__})"
            ) from None


class _Problem(Exception):
    pass


def _records(path: Path, annex: Annex) -> Iterator[RawRecord]:
    if annex.unheaded_fields:
        raise CatalogReadError(
            str(path),
            None,
            "its Part II has labelled fields but no procedure heading (a numbered 'Thủ tục …' line) to tell "
            "the procedures apart",
        )
    if not annex.sections and not annex.listing:
        reason = (
            "Part I lists no procedure and Part II has no procedure block"
            if annex.has_part_one
            else "no procedure specification was found in it (no 'Phần II' blocks, no procedure heading and no "
            "labelled fields such as 'Trình tự thực hiện')"
        )
        raise CatalogReadError(str(path), None, reason)
    by_name: dict[str, ListEntry] = {}
    for entry in annex.listing:
        by_name.setdefault(name_key(entry.name), entry)
    matched: set[int] = set()
    for number, section in enumerate(annex.sections, start=1):
        listed = by_name.get(name_key(section.name))
        if listed is not None:
            matched.add(id(listed))
        yield RawRecord(
            path, f"procedure {number} ({_short(section.name)})", _Block(section, listed, annex.decision)
        )
    for entry in annex.listing:
        if id(entry) not in matched:
            yield RawRecord(
                path, f"Part I {entry.where} ({_short(entry.name)})", _Block(None, entry, annex.decision)
            )


def _short(name: str) -> str:
    text = squash(name) or "untitled"
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


# ----------------------------------------------------------------------------------------------- the header


def _code(section: Section, entry: ListEntry | None, name: str, warnings: list[str]) -> str:
    code_field = section.fields.get("code")
    published = code_in(code_field.text()) if code_field is not None else None
    if published:
        return published
    if section.heading_code:
        return section.heading_code
    if entry is not None and entry.code:
        return entry.code
    code = derived_code(CODE_PREFIX, name)
    warnings.append(f"the document gives no code for '{_short(name)}'; code {code} is derived from its name")
    return code


def _announced(procedure: Procedure, decision: Decision) -> Procedure:
    """The procedure with the decision the annex belongs to (number, date, issuer) where the document cites it."""
    if decision.number:
        title = f"Quyết định số {decision.number} {decision.date_text or ''}"
        procedure.announcement_decision = decision.number
        procedure.announcement_date = (
            make_reference(title, decision.number).date if decision.date_text else None
        )
        procedure.announcement_issuer = decision.issuer
    return procedure


def _split_entries(lines: list[str]) -> list[str]:
    """Entries of a list field (subjects, agencies): one per line or per ';', bullets and end marks peeled."""
    out: list[str] = []
    for line in lines:
        for part in line.split(";"):
            text = item_rules.normalize_name(part)
            if text and not is_placeholder(text) and fold(text) not in _NONE_WORDS:
                out.append(text)
    return list(dict.fromkeys(out))


_AGENCY_ROLES = (
    ("co quan co tham quyen", "competent_authorities"),
    ("co quan duoc uy quyen", "authorised_agencies"),
    ("co quan phoi hop", "coordinating_agencies"),
    ("co quan truc tiep thuc hien", "executing_agencies"),
    ("co quan thuc hien", "executing_agencies"),
)


class _Agencies(NamedTuple):
    competent_authorities: list[str]
    executing_agencies: list[str]
    authorised_agencies: list[str]
    coordinating_agencies: list[str]


def _agencies(field_: Field | None, entry: ListEntry | None) -> _Agencies:
    """Agencies by role: lines "Cơ quan có thẩm quyền: …", "Cơ quan phối hợp: …"; an unlabelled line executes."""
    roles: dict[str, list[str]] = {role: [] for _, role in _AGENCY_ROLES}
    for line in field_.lines() if field_ is not None else []:
        head, colon, value = line.partition(":")
        key = fold(item_rules.strip_bullet(head))
        role = next((r for opening, r in _AGENCY_ROLES if colon and key.startswith(opening)), None)
        roles[role or "executing_agencies"].extend(_split_entries([value if role else line]))
    if not roles["executing_agencies"] and entry is not None and entry.agency:
        roles["executing_agencies"] = _split_entries(entry.agency.splitlines())
    return _Agencies(**{role: list(dict.fromkeys(names)) for role, names in roles.items()})


def _said(field_: Field | None) -> Field | None:
    """The field, unless it is absent or only says there is nothing ("Không", "Không có", no text)."""
    if field_ is None:
        return None
    text = fold(item_rules.strip_bullet(field_.text())).strip(" .;")
    return None if not text or text in _NONE_WORDS or is_placeholder(text) else field_


# -------------------------------------------------------------------------------------------------- steps


_TOP_BULLET = re.compile(r"^\s*(?:[-•–]|\d{1,2}[.)])\s*")


def _steps(field_: Field | None) -> list[Step]:
    """Steps of "Trình tự thực hiện": numbered "Bước N" text, else one step per top-level bullet line."""
    if field_ is None:
        return []
    text = field_.text()
    if len(re.findall(r"(?im)^[\s\-+*]*bước\s*\d", text)) >= 2:
        return split_steps(None, text)
    groups: list[list[str]] = []
    for line in field_.lines():
        if _TOP_BULLET.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)  # "+ Trường hợp…" and wrapped lines belong to the step above
    if len(groups) < 2:
        return split_steps(None, text)
    return [make_step(None, "\n".join(group)) for group in groups]


def _pieces(field_: Field) -> Iterator[str | Table]:
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
                    f"a channel row names no known method ('{_short(cell(row, 'method'))}') and was skipped"
                )
            continue
        time = parse_time(cell(row, "time"), anywhere=True)
        channels.extend(make_channels(methods, time, parse_fees(cell(row, "fees")), cell(row, "description")))
    return channels


def _channels(section: Section, warnings: list[str]) -> list[Channel]:
    field_ = section.fields.get("channels")
    channels: list[Channel] = []
    if field_ is not None:
        for part in _pieces(field_):
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
    return None if not value or fold(value) in _NONE_WORDS or value in ("-", "x", "X") else value


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


def _dossier(section: Section) -> tuple[list[DossierItem], list[Note]]:
    dossier = _Dossier([], [])
    field_ = section.fields.get("dossier")
    if field_ is None:
        return [], []
    for part in _pieces(field_):
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


def _apply_forms(section: Section, items: list[DossierItem], notes: list[Note], warnings: list[str]) -> None:
    """Mark the dossier items that "Tên mẫu đơn, mẫu tờ khai" names as forms, with the form as template."""
    field_ = _said(section.fields.get("forms"))
    if field_ is None:
        return
    for line in field_.lines():
        form = item_rules.normalize_name(line)
        if not form or fold(form) in _NONE_WORDS or is_placeholder(form):
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
            warnings.append(f"the form '{_short(form)}' matches no dossier item; it is kept as a note")
            continue
        match.kind = ItemKind.FORM
        match.template = match.template or form


# ------------------------------------------------------------------------------------------------ the rest


_RESULT_CODE = re.compile(r"\bKQ\.[A-Z0-9]+\.\d+\b")


def _results(field_: Field | None) -> list[Result]:
    field_ = _said(field_)
    if field_ is None:
        return []
    results = []
    for line in field_.lines():
        code = _RESULT_CODE.search(line)
        text = _RESULT_CODE.sub("", line) if code else line
        name = item_rules.normalize_name(
            re.sub(r"\(\s*(?:mã\s*:?)?\s*\)|\bmã\s*:?\s*$", "", text, flags=re.IGNORECASE)
        )
        if name and not is_placeholder(name):
            results.append(Result(name=name, code=code.group(0) if code else None))
    return results


def _lines_unless_none(field_: Field | None) -> list[str]:
    field_ = _said(field_)
    if field_ is None:
        return []
    return [
        squash(item_rules.strip_bullet(line))
        for line in field_.lines()
        if squash(item_rules.strip_bullet(line))
    ]


def _procedure(section: Section, entry: ListEntry | None, decision: Decision) -> Parsed:
    warnings: list[str] = []
    name_field = section.fields.get("name")
    name = clean(section.name) or (squash(name_field.text()) if name_field is not None else "")
    if not name:
        raise _Problem("the procedure has no name (no heading and no 'Tên thủ tục')")
    code = _code(section, entry, name, warnings)
    context = entry.context if entry is not None else section.context
    levels_field = section.fields.get("levels")
    levels = levels_in(levels_field.text()) if levels_field is not None else []
    if not levels:
        levels = [level for level in (context.level, section.context.level) if level is not None][:1]
    field_name_field = section.fields.get("field")
    items, notes = _dossier(section)
    _apply_forms(section, items, notes, warnings)
    channels = _channels(section, warnings)
    address = section.fields.get("address")
    agencies = _agencies(section.fields.get("agencies"), entry)
    procedure = Procedure(
        code=code,
        name=name,
        levels=levels,
        field=(squash(field_name_field.text()) if field_name_field is not None else None)
        or (entry.field if entry is not None else None)
        or section.context.field,
        subjects=_split_entries(section.fields["subjects"].lines()) if "subjects" in section.fields else [],
        receiving_address=squash(address.text()) or None if address is not None else None,
        requirements=_lines_unless_none(section.fields.get("requirements")),
        status=context.status or section.context.status,
        channels=channels,
        steps=_steps(section.fields.get("steps")),
        items=items,
        notes=notes,
        results=_results(section.fields.get("results")),
        legal_basis=legal_references(_lines_unless_none(section.fields.get("legal"))),
        competent_authorities=agencies.competent_authorities,
        executing_agencies=agencies.executing_agencies,
        authorised_agencies=agencies.authorised_agencies,
        coordinating_agencies=agencies.coordinating_agencies,
    )
    _announced(procedure, decision)
    if not procedure.steps:
        warnings.append("it has no 'Trình tự thực hiện'")
    if not items:
        warnings.append("it lists no dossier item")
    return Parsed(procedure, warnings)


def _listing(entry: ListEntry, decision: Decision) -> Parsed:
    """A Part I row without a Part II block: list-level data (code, name, field, agency, status, level)."""
    warnings: list[str] = []
    code = entry.code or derived_code(CODE_PREFIX, entry.name)
    if not entry.code:
        warnings.append(
            f"the document gives no code for '{_short(entry.name)}'; code {code} is derived from its name"
        )
    procedure = Procedure(
        code=code,
        name=clean(entry.name),
        field=entry.field,
        levels=[entry.context.level] if entry.context.level else [],
        executing_agencies=_split_entries((entry.agency or "").splitlines()),
        status=entry.context.status,
    )
    return Parsed(_announced(procedure, decision), warnings, listing=True)
