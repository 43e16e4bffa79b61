"""The 2021 national portal export: a JSON list of records with Vietnamese keys (``title``, "Trình tự thực
hiện", "Cách thức thực hiện", "Thành phần hồ sơ", "Cơ quan thực hiện") and no procedure code.

Its traps (DOMAIN.md §3): HTML remnants (``</p>``, entities) are stripped with :mod:`html.parser`; fees read
"Phí: ĐồngXem chi tiết" when the amount was behind a link — unknown, not free; template links end in an empty
"?ma=" when there is no form file; quantities read "Bản chính: 1 - Bản sao: 0". Codes are derived from the folded
title (``LEGACY-`` and a hash), with a warning, so the same title is the same procedure: when a title repeats the
importer keeps the later record and reports the duplicate.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from catalog.formats.base import (
    EntriesFormat,
    Parsed,
    RawRecord,
    RecordProblem,
    parse_object,
)
from catalog.reading import items as item_rules
from catalog.reading.spec_fields import (
    derived_code,
    dossier_entry,
    make_channels,
    methods_in,
    parse_fees,
    parse_quantity,
    parse_time,
)
from catalog.reading.steps import split_steps
from models.procedure import Channel, DossierItem, Note, Procedure
from models.text import clean, clean_or_none, squash

CODE_PREFIX = "LEGACY"
TITLE = "title"
STEPS = "Trình tự thực hiện"
CHANNELS = "Cách thức thực hiện"
DOSSIER = "Thành phần hồ sơ"
AGENCY = "Cơ quan thực hiện"
_MARKERS = (STEPS, CHANNELS, DOSSIER, AGENCY)
_BLOCK_TAGS = {"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment; block elements become line breaks, entities are decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(value: Any) -> str:
    """The text of a field that may hold HTML remnants, cleaned (NFC, no invisible marks), lines kept.

    >>> html_text("Bước 1: Nộp hồ sơ.</p><p>Bước 2:&nbsp;Nhận <b>kết quả</b></p>")
    'Bước 1: Nộp hồ sơ.\\nBước 2: Nhận kết quả'
    """
    if not isinstance(value, str):
        return ""
    if "<" not in value and "&" not in value:
        return clean(value)
    parser = _TextOnly()
    parser.feed(value)
    parser.close()
    lines = (" ".join(line.split()) for line in clean("".join(parser.parts)).split("\n"))
    return "\n".join(line for line in lines if line)


def _is_record(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get(TITLE), str)
        and sum(k in value for k in _MARKERS) >= 2
    )


class Legacy2021Format(EntriesFormat):
    name = "legacy-2021"
    description = "2021 national portal export (JSON)"

    def accepts_entry(self, entry: Any) -> bool:
        return _is_record(entry)

    def records(self, path: Path) -> Iterator[RawRecord]:
        for index, entry in enumerate(self.entries(path), start=1):
            title = (
                squash(entry.get(TITLE))
                if isinstance(entry, dict) and isinstance(entry.get(TITLE), str)
                else ""
            )
            short = title if len(title) <= 60 else title[:57].rstrip() + "…"
            yield RawRecord(path, f"record {index}" + (f" ({short})" if short else ""), entry)

    def parse(self, record: RawRecord) -> Parsed:
        return parse_object(record, _parse)


def _entries(value: Any) -> list[dict[str, Any]]:
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _channels(data: dict[str, Any], warnings: list[str]) -> list[Channel]:
    channels: list[Channel] = []
    for row in _entries(data.get(CHANNELS)):
        method_text = html_text(row.get("Hình thức nộp"))
        methods = methods_in(method_text)
        if not methods:
            warnings.append(f"a channel with unknown method '{method_text}' was skipped")
            continue
        time = parse_time(html_text(row.get("Thời hạn giải quyết")))
        fees = parse_fees(html_text(row.get("Phí, lệ phí")))
        channels.extend(make_channels(methods, time, fees, html_text(row.get("Mô tả"))))
    return channels


def _template(link: Any) -> str | None:
    """A form's download link, or None when its "?ma=" is empty (no file behind it)."""
    url = html_text(link)
    if not url:
        return None
    query = parse_qs(urlsplit(url).query)
    if "ma" in urlsplit(url).query and not any(v.strip() for v in query.get("ma", [])):
        return None
    return url


def _dossier(data: dict[str, Any], warnings: list[str]) -> tuple[list[DossierItem], list[Note]]:
    items: list[DossierItem] = []
    notes: list[Note] = []
    for row in _entries(data.get(DOSSIER)):
        name = html_text(row.get("Tên giấy tờ"))
        if not name:
            warnings.append("a dossier component with no text was skipped")
            continue
        quantity = parse_quantity(html_text(row.get("Số lượng - bản chính")))
        entry = dossier_entry(
            name, quantity.originals, quantity.copies, template=_template(row.get("Mẫu đơn, tờ khai"))
        )
        item_rules.add_entry(entry, items, notes)
    return items, notes


def _parse(data: dict[str, Any]) -> Parsed:
    name = html_text(data.get(TITLE))
    if not name:
        raise RecordProblem("it has no title")
    code = derived_code(CODE_PREFIX, name)
    warnings = [f"the 2021 export has no procedure code; code {code} is derived from the title"]
    items, notes = _dossier(data, warnings)
    agency = clean_or_none(html_text(data.get(AGENCY)))
    procedure = Procedure(
        code=code,
        name=name,
        executing_agencies=[squash(agency).rstrip(" .")] if agency else [],
        steps=split_steps(None, html_text(data.get(STEPS))),
        channels=_channels(data, warnings),
        items=items,
        notes=notes,
    )
    if not items:
        warnings.append("it lists no dossier item")
    return Parsed(procedure, warnings)
