"""Reading dossier components: item or note, kind, accepted copy forms, condition, normalized name.

These rules follow the structure of the published text (DOMAIN.md §2-3), not one file's quirks, and every
importer uses them, so an item reads the same whatever format it came in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models.enums import CopyForm, ItemGroup, ItemKind
from models.procedure import DossierItem, Note
from models.text import clean, fold, squash

_BULLET = re.compile(r"^(?:[-+*•·–—○▪►]+|\(?(?:[ivx]{1,4}|[a-zđ])\)|\(?\d{1,2}[.)])\s*", re.IGNORECASE)

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
        "có thể",
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
        "quy định tại điểm",
        "quy định tại các điểm",
        "quy định tại mục",
        "thì ",
    )
)
# Guidance that carries a quantity all the same: it assigns a duty or refers elsewhere, and demands no paper.
_DUTY = re.compile(
    r"co trach nhiem|chiu trach nhiem|theo quy dinh tai muc|moi bo gom|khong phai (?:nop|xuat trinh)"
)
_DEMAND = re.compile(r"phai co|phai nop|nop them|kem theo|nop ban|xuat trinh ban|phai gui")
_NOTE_WORDS = 30  # a document name is short; a component of more words with no quantity is guidance


def strip_bullet(text: str) -> str:
    """Remove a leading list marker ("- ", "+ ", "a) ", "1. ") that the portal keeps in component names."""
    return _BULLET.sub("", text.strip(), count=1).strip()


def normalize_name(text: str) -> str:
    """The display form of an item name: bullet peeled, whitespace folded, trailing punctuation dropped."""
    return squash(strip_bullet(text)).rstrip(" ;,.:").strip()


def looks_like_note(text: str, *, key: str | None = None) -> bool:
    """Whether a component with no quantity is guidance (a note) rather than a document to hand in.

    >>> looks_like_note("- Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm bản sao")
    True
    >>> looks_like_note("Tờ khai đăng ký khai sinh")
    False
    """
    key = fold(strip_bullet(text)) if key is None else key
    if not key:
        return True
    if key.endswith(":") or len(key.split()) > _NOTE_WORDS:
        return True
    if key.startswith(_NOTE_OPENINGS):
        return True
    return any(marker in key for marker in _NOTE_MARKERS)


_NOTE_LABEL = re.compile(r"^(?:lưu ý|ghi chú|chú ý)\s*[:：-]", re.IGNORECASE)


@lru_cache(maxsize=4096)
def group_of_heading(heading: str | None) -> ItemGroup | None:
    """The item group a published heading announces; None for a notes heading ("Lưu ý")."""
    key = fold(heading)
    if "luu y" in key or "ghi chu" in key or "chu y" in key:
        return None
    if "xuat trinh" in key:
        return ItemGroup.SHOW
    return ItemGroup.SUBMIT


# A form is named as one ("Tờ khai…", "Đơn đề nghị…", "Phiếu yêu cầu…") or said to follow a template ("theo mẫu",
# "Mẫu số 01"); a photo "dán vào Tờ khai" is not a form.
_FORM = re.compile(
    r"^(?:(?:ban (?:chinh|goc|sao) |\d{1,2} )?(?:to khai|don\b(?! vi)|phieu (?:de nghi|yeu cau|dang ky)|mau\b))"
    r"|\b(?:theo mau|mau so|mau don|mau to khai|mau ho tich|mau [a-z]{1,3}\s?\d{1,3}\b)"
)


def kind_of(text: str, *, has_template: bool = False, key: str | None = None) -> ItemKind:
    """FORM for declarations, applications and anything "theo mẫu"; DOCUMENT otherwise."""
    key = fold(strip_bullet(text)) if key is None else key
    if has_template or _FORM.search(key):
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


def copy_forms_of(
    text: str, originals: int | None, copies: int | None, *, key: str | None = None
) -> list[CopyForm]:
    """The forms in which the item is accepted, from its wording and its published quantities.

    >>> copy_forms_of("Bản sao có chứng thực giấy khai sinh", 0, 1)
    [<CopyForm.CERTIFIED: 'CERTIFIED'>]
    """
    key = fold(text) if key is None else key
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


def entry(
    text: str,
    originals: int | None,
    copies: int | None,
    *,
    group: ItemGroup | None = ItemGroup.SUBMIT,
    heading: str | None = None,
    template: str | None = None,
    wording: str | None = None,
    source_code: str | None = None,
    guidance: bool = False,
) -> DossierItem | Note | None:
    """A published dossier component as an item, or as a note; None for empty text. Every importer uses this.

    It is a note when it says so ("Lưu ý:"), when it sits under a notes heading (``group`` None) with no quantity,
    when it has no quantity and reads as guidance, or when the source marks it as guidance (``guidance``).
    ``wording`` is the whole published text when ``text`` is the name without its quantity phrase: accepted copy
    forms are read from it.

    >>> entry("- Trường hợp ủy quyền thì phải có văn bản ủy quyền", 0, 0)
    Note(text='- Trường hợp ủy quyền thì phải có văn bản ủy quyền', heading=None)
    >>> entry("Bản sao có chứng thực Giấy khai sinh", 0, 1).copy_forms
    [<CopyForm.CERTIFIED: 'CERTIFIED'>]
    """
    published = clean(text)
    bare = strip_bullet(published)
    if not bare:
        return None
    key = fold(bare)  # folded once: every rule below reads this key
    has_quantity = bool(originals) or bool(copies)
    if (
        guidance
        or _NOTE_LABEL.match(bare) is not None
        or (group is None and not has_quantity)
        or (not has_quantity and looks_like_note(bare, key=key))
        or (key.startswith(_NOTE_OPENINGS) and _DUTY.search(key) and not _DEMAND.search(key))
    ):
        return Note(text=published, heading=heading)
    forms_text = clean(wording) if wording else published
    return DossierItem(
        name=published,
        name_normalized=normalize_name(published),
        kind=kind_of(bare, has_template=bool(template), key=key),
        group=group or ItemGroup.SUBMIT,
        originals=originals,
        copies=copies,
        copy_forms=copy_forms_of(forms_text, originals, copies, key=None if wording else key),
        template=template,
        condition=condition_of(published),
        case=heading,
        source_code=source_code,
    )


def add_entry(entry: DossierItem | Note | None, items: list[DossierItem], notes: list[Note]) -> None:
    """Put what :func:`entry` returned where it belongs (nothing for empty text)."""
    if isinstance(entry, DossierItem):
        items.append(entry)
    elif entry is not None:
        notes.append(entry)
