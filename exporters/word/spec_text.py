"""What each field of the standardized specification says, as lines of text the Word importer reads back.

The Word export (:mod:`exporters.word.spec`) lays these lines out; this module decides their wording. Every
wording is the one :mod:`catalog.formats.docx_spec` reads to the same data — channel rows as "15 Ngày làm việc" and
"Lệ phí: 8.000 đồng", steps as "Bước N: …", legal references with their number first found — and where a
published wording exists that reads back the same (a fee's own note, a reference's own title), it is kept.
Wordings are checked by parsing them with the importer's own rules (:func:`catalog.reading.spec_fields.parse_fees`,
:func:`catalog.reading.spec_fields.legal_references`), not by re-typing those rules here.

What the layout cannot carry is listed in :data:`NOT_CARRIED`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.reading.items import copy_forms_of, group_of_heading, normalize_name
from catalog.reading.spec_fields import legal_references, parse_fees, parse_quantity
from catalog.reading.spec_labels import LABELS, match_label, subheading
from models.enums import FeeKind, ItemGroup, ItemKind, TimeUnit
from models.procedure import Channel, DossierItem, Fee, LegalReference, Procedure
from models.text import fold, squash
from models.vocabulary import label, unit_word

#: Field labels as printed, keyed as :data:`catalog.reading.spec_labels.LABELS` keys them, in publication order
#: (DOMAIN.md §7); each is read back as its key by :func:`catalog.reading.spec_labels.match_label`.
FIELD_LABELS: dict[str, str] = {
    "steps": "Trình tự thực hiện",
    "channels": "Cách thức thực hiện",
    "dossier": "Thành phần, số lượng hồ sơ",
    "time": "Thời hạn giải quyết",
    "subjects": "Đối tượng thực hiện thủ tục hành chính",
    "agencies": "Cơ quan thực hiện thủ tục hành chính",
    "results": "Kết quả thực hiện thủ tục hành chính",
    "fees": "Phí, lệ phí (nếu có)",
    "forms": "Tên mẫu đơn, mẫu tờ khai (nếu có)",
    "requirements": "Yêu cầu, điều kiện thực hiện thủ tục hành chính (nếu có)",
    "legal": "Căn cứ pháp lý của thủ tục hành chính",
}
#: The lettered fields in the importer's (and the publication's) order.
FIELD_ORDER: tuple[str, ...] = tuple(key for key, _ in LABELS if key in FIELD_LABELS)
#: Letters of the Vietnamese alphabet used for lettered points (no f, j, w, z; đ after d).
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n")
#: Rows of the identification table under each procedure heading.
INFO_LABELS: dict[str, str] = {
    "code": "Mã số thủ tục",
    "field": "Lĩnh vực",
    "levels": "Cấp thực hiện",
    "address": "Địa chỉ tiếp nhận hồ sơ",
}
UNKNOWN = "Không có thông tin"  # a placeholder the importer reads as unknown, never as content
NONE = "Không quy định."  # "nothing required": what specifications print for empty conditions and forms

#: What the layout does not carry back through :mod:`catalog.formats.docx_spec`, or carries only as the importer
#: normalises it. Measured on the 2,096 shared portal pages (benchmarks/export_spec_docx.py); everything else —
#: code, name, field, levels, address, subjects, agencies by role, requirements, step text, channels (method,
#: time, unit, note), fee kinds and amounts, items (name, group, quantities, template), note texts, results,
#: legal numbers and dates — reads back the same.
NOT_CARRIED: dict[str, str] = {
    "description, issuing_body, is_local_specific, full_process_online_declared, related_codes": "no field",
    "status ACTIVE": "Part I names only new, amended and abolished procedures: ACTIVE reads back as no status",
    "announcement_*": "one decision per annex (decision=), not per procedure",
    "steps": "text kept; steps re-split by the importer: 'Bước N:' marks, else one step per bulleted line "
    "(a lone step with bulleted lines comes back as several); actor and step time read again from the text",
    "items[].name_normalized, copy_forms, condition, kind": "read again from the published name (the remarks "
    "column shows what the name does not say)",
    "items[].issuer, source_code": "shown in the remarks column, not read back",
    "items[].case": "comes back as the heading row it sits under (an item without one after a case: the group's)",
    "notes[].heading": "'Lưu ý:' when none; another heading comes back as 'Lưu ý (heading):'",
    "fees[].note": "kept when it reads back to the same fee, else the fee reads 'Lệ phí: 8.000 đồng' (the note "
    "is printed under h); SERVICE_FEE reads back as FEE",
    "channels without a time (or fee) beside others with one": "the importer gives them field d)'s (h)'s",
    "legal_basis[]": "title comes back with the number and date the line adds; issuer is read from the number; "
    "a number without a year (2222/QĐ-BHXH) is not read",
    "whitespace, trailing punctuation, ';'": "names are squashed; list entries lose a trailing '.'; subjects "
    "and agencies are split at ';'; a name starting like a label gets 'Thủ tục ' before it",
}

_FEE_LABEL = {
    FeeKind.FEE: label(FeeKind.FEE),
    FeeKind.CHARGE: label(FeeKind.CHARGE),
    FeeKind.SERVICE_FEE: "Phí (dịch vụ)",  # "Phí dịch vụ:" would not be read as a labelled fee
    FeeKind.OTHER: label(FeeKind.OTHER, form="short"),  # the published wording that says neither which
}
_STEP_MARK = re.compile(r"^\s*[-+*]?\s*Bước\s*\d{1,2}\s*[:.)\-–]", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\d{1,3}\s*[.)/]")


# ------------------------------------------------------------------------------------------------- guards


def opens_field(line: str, seen: set[str]) -> bool:
    """Whether a paragraph starting with ``line`` could be read as the start of another field or procedure
    (a label not yet written, a numbered or all-capitals line); such a line is kept inside the paragraph above.

    >>> opens_field("Kết quả thực hiện: giấy phép", {"steps"}), opens_field("- Nộp hồ sơ", {"steps"})
    (True, False)
    """
    first = line.split("\n", 1)[0]
    label = match_label(first)
    if label is not None and label.key not in seen:
        return True
    text = squash(first)
    if _NUMBERED.match(text):
        return True  # "2. Thủ tục …" or a name listed in Part I: a procedure heading
    capitals = text.isupper() and len(text) > 3  # read as emphasised, like bold
    return capitals and (subheading(text) is not None or fold(text).startswith("thu tuc"))


def heading_name(name: str) -> str:
    """The procedure name as its heading prints it: one line, read back as a heading, not as a field label or a
    sub-heading ("Trình tự chuẩn bị dự án…" becomes "Thủ tục Trình tự chuẩn bị dự án…"); no trailing colon."""
    text = squash(name).rstrip(" :")
    if match_label(text) is not None or subheading(f"1. {text}") is not None:
        text = f"Thủ tục {text}"
    return text


# ------------------------------------------------------------------------------------------------ values


def number_text(value: float) -> str:
    """A number as Vietnamese writes it: 15.0 -> "15", 0.5 -> "0,5"."""
    return f"{value:g}".replace(".", ",") if not float(value).is_integer() else str(int(value))


def time_text(limit: float | None, unit: TimeUnit | None) -> str:
    """A time limit as "15 ngày làm việc"; a bare number for OTHER; "" without a number."""
    if limit is None:
        return ""
    word = unit_word(unit)
    return f"{number_text(limit)} {word}" if word else number_text(limit)


def amount_text(amount: int | None) -> str:
    if amount is None:
        return "Chưa có thông tin"  # unknown; "Không có thông tin" after a label would read as free
    if amount == 0:
        return "Miễn"
    return f"{amount:,}".replace(",", ".") + " đồng"


def fee_line(fee: Fee) -> str:
    """A fee in the labelled form the importer always reads back to the same kind and amount."""
    return f"{_FEE_LABEL[fee.kind]}: {amount_text(fee.amount_vnd)}"


def _same_fees(read: list[Fee], fees: list[Fee], *, notes: bool) -> bool:
    if len(read) != len(fees):
        return False
    return all(
        (a.kind, a.amount_vnd) == (b.kind, b.amount_vnd) and (not notes or a.note == b.note)
        for a, b in zip(read, fees, strict=True)
    )


def _noted_line(fee: Fee) -> str:
    """The labelled form with the published note as the amount's wording, when that reads back the same."""
    if fee.note:
        line = f"{_FEE_LABEL[fee.kind]}: {fee.note}"
        if _same_fees(parse_fees(line), [fee], notes=False):
            return line
    return fee_line(fee)


def fees_cell(fees: list[Fee]) -> str:
    """A channel's fees, one per line, in the first wording that reads back to the same fees: as published
    (notes kept exactly), labelled with the published note ("Phí, lệ phí: Theo Thông tư…"), or labelled with the
    amount ("Lệ phí: 8.000 đồng"; the published note is then printed under h)."""
    published = "\n".join(fee.note or fee_line(fee) for fee in fees)
    if _same_fees(parse_fees(published), fees, notes=True):
        return published
    noted = "\n".join(_noted_line(fee) for fee in fees)
    if _same_fees(parse_fees(noted), fees, notes=False):
        return noted
    return "\n".join(fee_line(fee) for fee in fees)


# ----------------------------------------------------------------------------------------------- fields


def step_paragraphs(procedure: Procedure) -> list[str | tuple[str, str]]:
    """One paragraph per step, opening "Bước N:": its title (to be set bold) and description below, or its text."""
    out: list[str | tuple[str, str]] = []
    for number, step in enumerate(procedure.steps, start=1):
        title, description = squash(step.title), step.description.strip()
        head = title or description
        prefix = "" if _STEP_MARK.match(head) else f"Bước {number}: "
        if title and description:
            out.append((prefix + title, description))
        else:
            out.append(prefix + head)
    return out


def channel_rows(procedure: Procedure) -> list[list[str]]:
    """Rows of the channel table: method, time, fees, description (the time note)."""
    return [
        [label(c.method), time_text(c.time_limit, c.time_unit), fees_cell(c.fees), c.time_note or ""]
        for c in procedure.channels
    ]


def _has_time(channel: Channel) -> bool:
    return channel.time_limit is not None or channel.time_unit is not None


def _per_channel(channels: list[Channel], texts: list[str]) -> tuple[str | None, list[str]]:
    if len(set(texts)) == 1:
        return texts[0], []
    return None, [f"- {label(c.method)}: {text}" for c, text in zip(channels, texts, strict=True)]


def time_lines(procedure: Procedure) -> tuple[str | None, list[str]]:
    """Field d): (text on the label's line, lines below). Unknown when no channel states a time: any other text
    here would be given to every channel without one when read back."""
    channels = procedure.channels
    if not any(_has_time(c) for c in channels):
        return UNKNOWN, []
    texts = [time_text(c.time_limit, c.time_unit) or UNKNOWN if _has_time(c) else UNKNOWN for c in channels]
    return _per_channel(channels, texts)


def fee_lines(procedure: Procedure) -> tuple[str | None, list[str]]:
    """Field h): the fees with their published notes, once when every channel has the same."""
    channels = procedure.channels
    if not any(c.fees for c in channels):
        return UNKNOWN, []
    texts = ["; ".join(f.note or fee_line(f) for f in c.fees) or UNKNOWN for c in channels]
    if len(set(texts)) == 1:
        return None, [f"- {f.note or fee_line(f)}" for f in channels[0].fees]
    return None, [f"- {label(c.method)}: {text}" for c, text in zip(channels, texts, strict=True)]


def item_heading(item: DossierItem) -> str | None:
    """The heading row an item sits under: its published case when that gives its group back, else the group's."""
    case = squash(item.case).rstrip(" :")
    if case and group_of_heading(case) == item.group:
        return _heading_row(case)
    return label(item.group) + ":"


def _heading_row(text: str) -> str:
    """``text`` as a heading row: ending with a colon, and without a colon after a few words (the importer ends a
    short heading at its first colon and reads the rest as an item)."""
    head, colon, _ = text.partition(":")
    if colon and len(head.split()) <= 10:
        text = text.replace(":", ",")
    return text + ":"


def item_remarks(item: DossierItem) -> str:
    """What the published name does not already say: accepted forms, condition, issuer."""
    remarks = []
    if item.copy_forms and item.copy_forms != copy_forms_of(item.name, item.originals, item.copies):
        remarks.append("Hình thức: " + " hoặc ".join(label(f).lower() for f in item.copy_forms))
    if item.condition and fold(item.condition) not in fold(item.name):
        remarks.append(item.condition)
    if item.issuer:
        remarks.append(f"Cơ quan cấp: {item.issuer}")
    return "\n".join(remarks)


def note_heading(heading: str | None) -> str:
    """The line that announces notes: the published heading when it is a notes heading ("Lưu ý"), else it
    wrapped in one, so that what follows reads back as notes, never as items."""
    text = squash(heading).rstrip(" :")
    if not text:
        return "Lưu ý:"
    if group_of_heading(text) is None:
        return _heading_row(text)
    return f"Lưu ý ({text.replace(':', ',')}):" if len(text.split()) <= 6 else "Lưu ý:"


#: Columns of the dossier table: the importer finds them by these header words, in any order.
DOSSIER_COLUMNS: dict[str, str] = {
    "no": "STT",
    "name": "Tên giấy tờ",
    "template": "Mẫu đơn, tờ khai",
    "originals": "Bản chính",
    "copies": "Bản sao",
    "remarks": "Ghi chú",
}


@dataclass(frozen=True, slots=True)
class DossierRow:
    """A row of the dossier table: a heading across the table ("Giấy tờ phải nộp:", "Lưu ý:"), an item's cells by
    column key, or a note."""

    heading: str | None = None
    cells: dict[str, str] = field(default_factory=dict)
    note: str | None = None


def dossier_rows(procedure: Procedure) -> list[DossierRow]:
    """Items in published order, a heading row where their group or case changes (items handed in with no case
    come first under none, as published), then the notes under their heading rows.

    A note is a row with 0 originals and 0 copies, as the portal lists them: so read back, a note stays a note
    even when its text names a quantity ("… 01 bản chụp"), and keeps its line breaks.
    """
    rows: list[DossierRow] = []
    heading: str | None = None
    for number, item in enumerate(procedure.items, start=1):
        wanted = item_heading(item)
        if wanted != heading and (heading is not None or item.group is not ItemGroup.SUBMIT or item.case):
            rows.append(DossierRow(heading=wanted))
            heading = wanted
        cells = {
            "no": str(number),
            "name": item.name,
            "template": item.template or "",
            "originals": "" if item.originals is None else str(item.originals),
            "copies": "" if item.copies is None else str(item.copies),
            "remarks": item_remarks(item),
        }
        rows.append(DossierRow(cells=cells))
    for note in procedure.notes:
        wanted = note_heading(note.heading)
        if wanted != heading:
            rows.append(DossierRow(heading=wanted))
            heading = wanted
        rows.append(DossierRow(note=note.text))
    return rows


def is_cell_label(text: str) -> bool:
    """Whether a table cell reads as a field label by itself ("Kết quả kiểm tra", "Mẫu đơn đề nghị"): a table
    with two such rows in its first two columns is read as a label | value table."""
    label = match_label(text)
    return label is not None and not label.value


def subject_lines(procedure: Procedure) -> list[str]:
    return [f"- {s}" for s in procedure.subjects]


def agency_lines(procedure: Procedure) -> list[str]:
    """Unlabelled lines when only executing agencies are known; else one labelled line per role."""
    roles = (
        ("Cơ quan có thẩm quyền quyết định", procedure.competent_authorities),
        ("Cơ quan trực tiếp thực hiện", procedure.executing_agencies),
        ("Cơ quan được ủy quyền", procedure.authorised_agencies),
        ("Cơ quan phối hợp", procedure.coordinating_agencies),
    )
    if not any(names for label, names in roles if label != "Cơ quan trực tiếp thực hiện"):
        return [f"- {name}" for name in procedure.executing_agencies]
    return [f"- {label}: {'; '.join(names)}" for label, names in roles if names]


def result_lines(procedure: Procedure) -> list[str]:
    return [f"- {r.name}" + (f" (Mã: {r.code})" if r.code else "") for r in procedure.results]


# How catalog.formats.docx_spec._apply_forms keys a form line to find its item: the name before "(", "theo mẫu"…
_FORM_KEY_END = re.compile(r"\(|\btheo mẫu|\bmẫu số|\bban hành kèm", re.IGNORECASE)


def _form_item(line: str, items: list[DossierItem]) -> DossierItem | None:
    """The item the importer gives a line of field i) to: the first whose name holds the line's key."""
    form = normalize_name(line)
    key = fold(_FORM_KEY_END.split(form, maxsplit=1)[0]).strip(" ,.:;-")
    if len(key) <= 6:
        return None
    for item in items:
        name = normalize_name(item.name)
        if key in fold(name) or fold(parse_quantity(name).name) in key:
            return item
    return None


def form_lines(procedure: Procedure) -> tuple[str | None, list[str]]:
    """Field i): the forms that have a template, "Tờ khai … (template)". The importer gives each line to the
    first item whose name holds the name before the parenthesis; a line it would give to another item (or to
    none, making it a note) is left out — the template stays in the dossier table. Forms without a template are
    not listed: a line would be read back as their template."""
    lines = []
    for item in procedure.items:
        template = squash(item.template)
        if template:
            line = f"- {normalize_name(item.name)} ({template})"
            if _form_item(line, procedure.items) is item:
                lines.append(line)
    if lines:
        return None, lines
    return (UNKNOWN if any(i.kind is ItemKind.FORM for i in procedure.items) else NONE), []


def requirement_lines(procedure: Procedure) -> list[str]:
    return [f"- {r}" for r in procedure.requirements]


def _date_text(reference: LegalReference) -> str:
    return f" ngày {reference.date:%d/%m/%Y}" if reference.date else ""


# Document types whose title goes on after the number ("Nghị định số 70/2024/NĐ-CP ngày … quy định…"); a law's
# name is part of its title ("Luật Căn cước số 26/2023/QH15").
_TYPE_FIRST = re.compile(
    r"^(Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết liên tịch|Nghị quyết|Chỉ thị|Văn bản hợp nhất)"
    r"(?=\s)",
    re.IGNORECASE,
)


def legal_line(reference: LegalReference) -> str:
    """A legal reference as one line whose number and date read back (the number must be the first one the line
    cites): its title as published when that is enough, else with the number cited the usual way — after the
    document type ("Nghị định số … ngày … quy định…"), after a law's name, or before the title ("Số …: …")."""
    title = squash(reference.title).rstrip(" ;,.")
    number = squash(reference.number)
    date = _date_text(reference)
    candidates = [title, title + date]
    if number and number not in title:
        cited = f" số {number}{date}"
        typed = _TYPE_FIRST.match(title)
        if typed:
            candidates.append(title[: typed.end()] + cited + title[typed.end() :])
        candidates.append(title + cited)
    if number:
        candidates += [f"Số {number}{date}: {title}", f"Số {number}{date}: {title.replace(';', ',')}"]
    for candidate in candidates:
        read = legal_references([candidate])
        if len(read) == 1 and (read[0].number, read[0].date) == (reference.number, reference.date):
            return candidate
    return candidates[-1] if number else title + date


def legal_lines(procedure: Procedure) -> list[str]:
    return [f"- {legal_line(r)};" for r in procedure.legal_basis]


def level_text(procedure: Procedure) -> str:
    return ", ".join(label(level) for level in procedure.levels)
