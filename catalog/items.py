"""Reading dossier components: item or note, kind, accepted copy forms, condition, normalized name.

These rules follow the structure of the published text (DOMAIN.md §2-3), not one file's quirks, and every
importer uses them, so an item reads the same whatever format it came in.
"""

from __future__ import annotations

import re

from catalog.text import fold, squash
from models.enums import CopyForm, ItemGroup, ItemKind

_BULLET = re.compile(r"^(?:[-+*•·–—○▪►]+|\(?[a-zđ]\)|\(?\d{1,2}[.)])\s*", re.IGNORECASE)

# Openings of guidance sentences: a component starting so, with no quantity, is a note, not a document.
_NOTE_OPENINGS = tuple(
    fold(w)
    for w in (
        "trường hợp",
        "nếu",
        "đối với",
        "việc",
        "người",
        "cơ quan",
        "cán bộ",
        "công chức",
        "cá nhân có quyền",
        "lưu ý",
        "ghi chú",
        "chú ý",
        "khi",
        "trong thời hạn",
        "sau khi",
        "không",
        "mọi",
        "tất cả",
        "các giấy tờ",
        "giấy tờ do cơ quan có thẩm quyền của nước ngoài",
        "thời hạn",
        "hồ sơ",
        "số lượng",
        "kết quả",
    )
)
_NOTE_MARKERS = tuple(
    fold(w)
    for w in (
        "có trách nhiệm",
        "không phải nộp",
        "không phải xuất trình",
        "không được yêu cầu",
        "đã có trong cơ sở dữ liệu",
        "theo quy định của pháp luật",
        "thì ",
    )
)
_NOTE_WORDS = 30  # a document name is short; a component of more words with no quantity is guidance


def strip_bullet(text: str) -> str:
    """Remove a leading list marker ("- ", "+ ", "a) ", "1. ") that the portal keeps in component names."""
    return _BULLET.sub("", text.strip(), count=1).strip()


def normalize_name(text: str) -> str:
    """The display form of an item name: bullet peeled, whitespace folded, trailing punctuation dropped."""
    return squash(strip_bullet(text)).rstrip(" ;,.:").strip()


def looks_like_note(text: str) -> bool:
    """Whether a component with no quantity is guidance (a note) rather than a document to hand in.

    >>> looks_like_note("- Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm bản sao")
    True
    >>> looks_like_note("Tờ khai đăng ký khai sinh")
    False
    """
    key = fold(strip_bullet(text))
    if not key:
        return True
    if key.endswith(":") or len(key.split()) > _NOTE_WORDS:
        return True
    if key.startswith(_NOTE_OPENINGS):
        return True
    return any(marker in key for marker in _NOTE_MARKERS)


def group_of_heading(heading: str | None) -> ItemGroup | None:
    """The item group a published heading announces; None for a notes heading ("Lưu ý")."""
    key = fold(heading)
    if "luu y" in key or "ghi chu" in key or "chu y" in key:
        return None
    if "xuat trinh" in key:
        return ItemGroup.SHOW
    return ItemGroup.SUBMIT


_FORM = re.compile(
    r"\b(?:to khai|theo mau|mau so|mau don|mau to khai|mau ho tich|phieu de nghi|phieu yeu cau|mau [a-z]{1,3}\s?\d{1,3}\b)"
)


def kind_of(text: str, *, has_template: bool = False) -> ItemKind:
    """FORM for declarations, applications and anything "theo mẫu"; DOCUMENT otherwise."""
    key = fold(strip_bullet(text))
    if has_template or _FORM.search(key) or re.match(r"(?:ban (?:chinh|goc) )?don\b", key):
        return ItemKind.FORM
    return ItemKind.DOCUMENT


_COPY_RULES: tuple[tuple[re.Pattern[str], CopyForm], ...] = (
    (
        re.compile(r"ban sao dien tu (?:co|duoc) chung thuc|ban sao dien tu da duoc chung thuc"),
        CopyForm.CERTIFIED_ELECTRONIC,
    ),
    (
        re.compile(
            r"ban sao (?:da |duoc )?(?:co )?(?:chung thuc|cong chung)|\(?(?:duoc |da )?chung thuc\)?|cong chung|sao y"
        ),
        CopyForm.CERTIFIED,
    ),
    (re.compile(r"ban sao (?:duoc )?(?:cap )?tu so goc|trich luc"), CopyForm.FROM_REGISTER),
    (
        re.compile(r"ban chinh (?:de )?(?:doi chieu|kiem tra)|xuat trinh ban chinh|kem (?:theo )?ban chinh"),
        CopyForm.SHOW_ORIGINAL,
    ),
    (re.compile(r"ban (?:sao )?dien tu|ban so hoa|ban quet|ban scan|du lieu dien tu"), CopyForm.ELECTRONIC),
    (re.compile(r"ban chup|ban photo|photocopy|\bphoto\b|ban sao"), CopyForm.PLAIN),
    (re.compile(r"ban chinh|ban goc"), CopyForm.ORIGINAL),
)


def copy_forms_of(text: str, originals: int | None, copies: int | None) -> list[CopyForm]:
    """The forms in which the item is accepted, from its wording and its published quantities.

    >>> copy_forms_of("Bản sao có chứng thực giấy khai sinh", 0, 1)
    [<CopyForm.CERTIFIED: 'CERTIFIED'>]
    """
    key = fold(text)
    found: list[CopyForm] = []
    for pattern, form in _COPY_RULES:
        if pattern.search(key):
            found.append(form)
            key = pattern.sub(" ", key)  # "bản sao có chứng thực" must not count as a plain copy too
    if originals and CopyForm.ORIGINAL not in found and CopyForm.SHOW_ORIGINAL not in found and not found:
        found.append(CopyForm.ORIGINAL)
    if copies and not any(
        f in found
        for f in (
            CopyForm.PLAIN,
            CopyForm.CERTIFIED,
            CopyForm.FROM_REGISTER,
            CopyForm.CERTIFIED_ELECTRONIC,
            CopyForm.ELECTRONIC,
        )
    ):
        found.append(CopyForm.PLAIN)
    order = list(CopyForm)
    return sorted(set(found), key=order.index)


_CONDITION = re.compile(
    r"\((?:nếu có|nếu[^()]{1,160}|trường hợp[^()]{1,200}|đối với[^()]{1,200})\)"
    r"|(?:(?<=[\s,;.-])|^)(?:trong )?trường hợp\b[^;:.]{3,240}?(?=\s+(?:thì|phải)\b|[;:.]|$)"
    r"|(?:(?<=[\s,;.-])|^)nếu\b[^;:.]{3,200}?(?=\s+(?:thì|phải)\b|[;:.]|$)",
    re.IGNORECASE,
)


def condition_of(text: str) -> str | None:
    """The condition under which the item is needed ("nếu có", "trường hợp ủy quyền..."), as published.

    >>> condition_of("Biên bản tổ chức đối thoại (nếu có)")
    'nếu có'
    """
    match = _CONDITION.search(squash(strip_bullet(text)))
    if not match:
        return None
    return match.group(0).strip(" ()").strip() or None
