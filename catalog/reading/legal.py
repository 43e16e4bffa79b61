"""Reading legal references: a document's title and number as published, its date and issuer where the text
says them.

The issuer comes from the number's suffix (60/2014/QH13 -> Quốc hội; 123/2015/NĐ-CP -> Chính phủ;
04/2020/TT-BTP -> Bộ Tư pháp), the date from the title only when it is the document's own date (same year as the
number), never the date of another document the title mentions.
"""

from __future__ import annotations

import datetime as dt
import re

from models.procedure import LegalReference
from models.text import clean, squash

_NUMBER = re.compile(r"(\d+[a-zA-Z.\d]*)/(\d{4})/([A-ZĐa-zđ0-9\-]+)")
_DATE_NUMERIC = re.compile(r"ngày\s+(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)

#: Issuing bodies by the abbreviation that ends a document number (Decree 34/2016 naming rules).
ISSUERS = {
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "BCA": "Bộ Công an",
    "BTP": "Bộ Tư pháp",
    "BTC": "Bộ Tài chính",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BNV": "Bộ Nội vụ",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BCT": "Bộ Công Thương",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "VPCP": "Văn phòng Chính phủ",
    "TTCP": "Thanh tra Chính phủ",
    "UBDT": "Ủy ban Dân tộc",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "HĐTP": "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
}


def issuer_of(number: str | None) -> str | None:
    """The body that issued a document, from the suffix of its number.

    >>> issuer_of("60/2014/QH13"), issuer_of("123/2015/NĐ-CP"), issuer_of("04/2020/TT-BTP")
    ('Quốc hội', 'Chính phủ', 'Bộ Tư pháp')
    """
    match = _NUMBER.search(number or "")
    if not match:
        return None
    suffix = match.group(3)
    if re.fullmatch(r"QH\d*", suffix):
        return ISSUERS["QH"]
    parts = [p for p in suffix.split("-") if p]
    if parts and parts[0].startswith("TTLT"):
        return "Liên tịch " + ", ".join(ISSUERS.get(p, p) for p in parts[1:]) if len(parts) > 1 else None
    for part in reversed(parts):
        base = re.sub(r"\d+$", "", part)
        if base in ISSUERS:
            return ISSUERS[base]
    return None


def _own_date(title: str, year: int | None) -> dt.date | None:
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        for match in pattern.finditer(title):
            day, month, yr = (int(g) for g in match.groups())
            if year is not None and yr != year:
                continue  # the date of another document the title mentions
            try:
                return dt.date(yr, month, day)
            except ValueError:
                continue
    return None


def make_reference(title: str | None, number: str | None) -> LegalReference:
    """A legal reference with title and number as published, date and issuer read where they are certain."""
    title_text = squash(title)
    number_text = squash(number) or None
    match = _NUMBER.search(number_text or "") or _NUMBER.search(title_text)
    year = int(match.group(2)) if match else None
    return LegalReference(
        title=title_text or number_text or "",
        number=number_text,
        date=_own_date(clean(title), year),
        issuer=issuer_of(number_text) or issuer_of(title_text),
    )
