"""Detail pages of the national portal, crawled to JSON: one string per page section (``ma_thu_tuc``,
``ten_thu_tuc``, ``cach_thuc_thuc_hien``, ``thanh_phan_ho_so``, ``can_cu_phap_ly``, ``ket_qua_xu_ly``…) plus the
page's whole text in ``raw_text``.

The sections' tables are flattened; :mod:`catalog.reading.page_tables` recovers their rows. A page whose text belongs to
another procedure (the crawler saved the wrong page under a code) is imported under the code its own text gives,
with a warning naming both codes, so it is neither lost nor merged silently into the procedure it was filed under.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from catalog.formats.base import (
    EntriesFormat,
    Parsed,
    RawRecord,
    RecordProblem,
    parse_object,
)
from catalog.reading import items as item_rules
from catalog.reading.page_tables import RawItem, parse_channels, parse_dossier, parse_legal_basis
from catalog.reading.steps import split_steps
from models.enums import Level
from models.procedure import DossierItem, Note, Procedure, Result
from models.text import clean, clean_or_none, fold, squash

_MARKERS = ("ma_thu_tuc", "ten_thu_tuc", "thanh_phan_ho_so", "cach_thuc_thuc_hien")
_LEVELS = {
    "cap bo": Level.MINISTRY,
    "cap tinh": Level.PROVINCE,
    "cap xa": Level.COMMUNE,
    "co quan khac": Level.OTHER_AGENCY,
    "cap huyen": Level.DISTRICT_HISTORICAL,
}
_RAW_CODE = re.compile(r"Mã thủ tục\s*(\d\.\d{6}(?:\.\d{2})?)")
_CODE = re.compile(r"\b\d\.\d{6}(?:\.\d{2})?\b")
# The page glues the next result's name (or a widget's label) to a code: "KQ.G15.000031Từ chối…", "VBTTTừ khóa".
# A code is upper-case letters, digits, dots and dashes, ending where a capitalised word begins.
_RESULT_CODE = re.compile(r"Mã:\s*([A-Z0-9][A-Z0-9.\-]*?)(?=[A-ZĐ][a-zà-ỹđ]|[^A-Z0-9.\-]|$)")
_PAGE_WIDGETS = ("Từ khóa", "Chọn cơ quan thực hiện")  # the result section runs on into the page's widgets


def _is_page(value: Any) -> bool:
    return isinstance(value, dict) and all(key in value for key in _MARKERS)


class PortalPageFormat(EntriesFormat):
    name = "portal-page"
    description = "national portal detail page (crawled JSON)"

    def accepts_entry(self, entry: Any) -> bool:
        return _is_page(entry)

    def records(self, path: Path) -> Iterator[RawRecord]:
        for index, entry in enumerate(self.entries(path), start=1):
            code = entry.get("ma_thu_tuc") if isinstance(entry, dict) else None
            label = f"page {code}" if isinstance(code, str) and code.strip() else f"record {index}"
            yield RawRecord(path, label, entry)

    def parse(self, record: RawRecord) -> Parsed:
        return parse_object(record, _parse)


def _section(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def split_list(text: str | None) -> list[str]:
    """Split "A, B (x, Y), C" at commas that start a new capitalised entry, never inside parentheses.

    >>> split_list("Doanh nghiệp, Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam")
    ['Doanh nghiệp', 'Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam']
    >>> split_list("Cục an ninh mạng và phòng, chống tội phạm")
    ['Cục an ninh mạng và phòng, chống tội phạm']
    """
    value = clean_or_none(text)
    if value is None:
        return []
    parts, depth, start = [], 0, 0
    for index, char in enumerate(value):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;\n" and depth <= 0:
            following = value[index + 1 :].lstrip()
            if char == "\n" or (following[:1].isupper()):
                parts.append(value[start:index])
                start = index + 1
    parts.append(value[start:])
    return [squash(p) for p in parts if squash(p)]


def _levels(text: str) -> list[Level]:
    key = fold(text)
    return [level for phrase, level in _LEVELS.items() if phrase in key]


def _results(text: str) -> list[Result]:
    body = clean(text)
    for widget in _PAGE_WIDGETS:
        if widget in body:
            body = body[: body.index(widget)]
    results = []
    position = 0
    for match in _RESULT_CODE.finditer(body):
        name = squash(body[position : match.start()])
        if name:
            results.append(Result(name=name, code=match.group(1).rstrip(".-")))
        position = match.end()
    tail = clean_or_none(body[position:])
    if tail and squash(tail):
        results.append(Result(name=squash(tail), code=None))
    return results


def _item_or_note(row: RawItem) -> DossierItem | Note | None:
    return item_rules.entry(
        row.text,
        row.originals,
        row.copies,
        group=item_rules.group_of_heading(row.heading),
        heading=row.heading,
        template="; ".join(row.templates) or None,
        guidance=not row.in_table,
    )


def _parse(data: dict[str, Any]) -> Parsed:
    warnings: list[str] = []
    code = squash(_section(data, "ma_thu_tuc"))
    name = clean(_section(data, "ten_thu_tuc"))
    raw_code = _RAW_CODE.search(_section(data, "raw_text"))
    if raw_code and raw_code.group(1) != code:
        warnings.append(
            f"the page filed as {code or '(no code)'} holds the text of procedure {raw_code.group(1)} "
            f"(its own 'Mã thủ tục'); imported as {raw_code.group(1)}"
        )
        code = raw_code.group(1)
    if not code:
        raise RecordProblem("it has no procedure code")
    if not name:
        raise RecordProblem(f"procedure {code} has no name")

    rows = parse_dossier(_section(data, "thanh_phan_ho_so"), warnings)
    items: list[DossierItem] = []
    notes: list[Note] = []
    for row in rows:
        part = _item_or_note(row)
        item_rules.add_entry(part, items, notes)

    requirements = clean_or_none(_section(data, "yeu_cau_dieu_kien"))
    procedure = Procedure(
        code=code,
        name=name,
        levels=_levels(_section(data, "cap_thuc_hien")),
        field=clean_or_none(squash(_section(data, "linh_vuc"))),
        competent_authorities=split_list(_section(data, "co_quan_co_tham_quyen")),
        executing_agencies=split_list(_section(data, "co_quan_thuc_hien")),
        authorised_agencies=split_list(_section(data, "co_quan_duoc_uy_quyen")),
        coordinating_agencies=split_list(_section(data, "co_quan_phoi_hop")),
        subjects=split_list(_section(data, "doi_tuong_thuc_hien")),
        receiving_address=clean_or_none(_section(data, "dia_chi_tiep_nhan")),
        requirements=[line.strip() for line in (requirements or "").splitlines() if line.strip()],
        announcement_decision=clean_or_none(squash(_section(data, "so_quyet_dinh"))),
        is_local_specific="dac thu" in fold(_section(data, "loai_thu_tuc")),
        related_codes=sorted(set(_CODE.findall(_section(data, "thu_tuc_lien_quan"))) - {code}),
        channels=parse_channels(_section(data, "cach_thuc_thuc_hien"), warnings),
        steps=split_steps(None, _section(data, "trinh_tu_thuc_hien"))
        if clean_or_none(_section(data, "trinh_tu_thuc_hien"))
        else [],
        items=items,
        notes=notes,
        results=_results(_section(data, "ket_qua_xu_ly")),
        legal_basis=parse_legal_basis(_section(data, "can_cu_phap_ly"), warnings),
    )
    return Parsed(procedure, warnings)
