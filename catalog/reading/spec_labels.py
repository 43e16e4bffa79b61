"""The labelled fields and sub-headings of the standard specification layout (DOMAIN.md §7): which field a line
opens ("c) Thành phần, số lượng hồ sơ:"), what status, level or field a sub-heading of an annex announces, and the
procedure codes and levels a line names. Fields are recognised by the key words of their label, folded (no
diacritics, any case), with or without the letter ("a)", "đ)").

The Word importer reads specifications with these rules; the Word exporter checks that what it prints reads back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.enums import Level, ProcedureStatus
from models.text import clean, fold, squash

# (key, folded label openings), longer openings first within a key. Keys name the procedure's parts.
LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("code", ("ma so thu tuc", "ma thu tuc hanh chinh", "ma thu tuc", "ma tthc", "ma so")),
    ("name", ("ten thu tuc hanh chinh", "ten thu tuc")),
    ("steps", ("trinh tu thuc hien", "trinh tu")),
    ("channels", ("cach thuc thuc hien", "cach thuc nop ho so", "hinh thuc nop")),
    (
        "dossier",
        ("thanh phan, so luong ho so", "thanh phan so luong ho so", "thanh phan ho so", "ho so bao gom"),
    ),
    ("time", ("thoi han giai quyet", "thoi han thuc hien", "thoi gian giai quyet")),
    ("subjects", ("doi tuong thuc hien", "doi tuong")),
    ("agencies", ("co quan thuc hien", "co quan giai quyet", "co quan co tham quyen")),
    ("results", ("ket qua thuc hien", "ket qua giai quyet", "ket qua cua viec thuc hien", "ket qua")),
    ("fees", ("phi, le phi", "phi le phi", "le phi", "phi")),
    ("forms", ("ten mau don", "mau don, mau to khai", "mau don, to khai", "mau to khai", "mau don")),
    (
        "requirements",
        ("yeu cau, dieu kien", "yeu cau hoac dieu kien", "yeu cau dieu kien", "dieu kien thuc hien"),
    ),
    ("legal", ("can cu phap ly",)),
    ("levels", ("cap thuc hien",)),
    ("field", ("linh vuc",)),
    ("address", ("dia chi tiep nhan",)),
)


_LABEL_PREFIX = re.compile(r"^\s*(?:([a-zđ]|\d{1,2}(?:\.\d{1,2})*)\s*[.)]|[-+*•]|\*)?\s*", re.IGNORECASE)
PROCEDURE_CODE = re.compile(r"\b\d\.\d{6}(?:\.[0-9A-Za-z]+)*\b")


_SUBHEADING_PREFIX = re.compile(r"^\s*(?:([A-Z]|[IVXL]{1,5})|\d{1,2})\s*[.)/]\s+")


_ANNOUNCING = (
    "thu tuc hanh chinh",
    "danh muc",
    "cac thu tuc",
    "tthc",
    "thu tuc duoc",
    "thu tuc bi",
    "thu tuc moi",
)
_LEVEL_WORDS = (
    ("cap trung uong", Level.MINISTRY),
    ("cap bo", Level.MINISTRY),
    ("cap tinh", Level.PROVINCE),
    ("cap huyen", Level.DISTRICT_HISTORICAL),
    ("cap xa", Level.COMMUNE),
    ("co quan khac", Level.OTHER_AGENCY),
)
_STATUS_WORDS = (
    ("moi ban hanh", ProcedureStatus.NEW),
    ("sua doi", ProcedureStatus.AMENDED),
    ("thay the", ProcedureStatus.AMENDED),
    ("bai bo", ProcedureStatus.ABOLISHED),
)


def code_in(text: str | None) -> str | None:
    """A procedure code in a cell or line: the portal's shape (1.001193, 1.001193.000.00.00.H35) or any other
    single token with a digit (local codes); "Chưa có", "Đang cập nhật" are none.

    >>> code_in("Mã số: 1.001193"), code_in("BTP-HT-01"), code_in("Chưa có mã")
    ('1.001193', 'BTP-HT-01', None)
    """
    value = squash(text)
    found = PROCEDURE_CODE.search(value)
    if found:
        return found.group(0)
    return value if re.fullmatch(r"[\w.\-/]*\d[\w.\-/]*", value) else None


def levels_in(text: str | None) -> list[Level]:
    """Levels of government a text names ("cấp tỉnh", "cấp xã"...), in published order."""
    key = fold(text)
    found = sorted((key.find(word), level) for word, level in _LEVEL_WORDS if word in key)
    return list(dict.fromkeys(level for _, level in found))


@dataclass(slots=True)
class Context:
    """What the sub-headings above a procedure say: status, level and field."""

    status: ProcedureStatus | None = None
    level: Level | None = None
    field: str | None = None


@dataclass(slots=True, frozen=True)
class Label:
    key: str
    label: str
    value: str  # the text after the label's colon, if any
    prefixed: bool
    opening: str = ""  # the folded words it was recognised by


def match_label(text: str) -> Label | None:
    """The field label a paragraph or cell opens with, if any ("c) Thành phần, số lượng hồ sơ:" -> dossier).

    >>> match_label("đ) Đối tượng thực hiện thủ tục hành chính: Cá nhân")
    Label(key='subjects', label='đ) Đối tượng thực hiện thủ tục hành chính', value='Cá nhân', prefixed=True, \
opening='doi tuong thuc hien')
    """
    published = clean(text)
    prefix = _LABEL_PREFIX.match(published)
    rest = published[prefix.end() :] if prefix else published
    key = fold(rest)
    for name, openings in LABELS:
        for opening in openings:
            if key.startswith(opening) and (len(key) == len(opening) or key[len(opening)] in " :,(.;-–"):
                if name == "code" and key[len(opening) :].lstrip().startswith("thue"):
                    return None  # "Mã số thuế": a tax number, not the procedure's code
                label, colon, value = rest.partition(":")
                if not colon:
                    label, value = rest, ""
                if len(fold(label).split()) > 16:
                    return None  # a sentence that happens to open with the words, not a label
                prefixed = bool(prefix and prefix.group(1))
                full_label = squash(published[: len(published) - len(rest)] + label)
                return Label(name, full_label, clean(value), prefixed, opening)
    return None


# --------------------------------------------------------------------------------------------- sub-headings


def subheading(text: str, *, in_table: bool = False) -> Context | None:
    """The status, level or field a sub-heading announces ("A. Thủ tục hành chính cấp tỉnh", "Thủ tục hành chính
    được sửa đổi, bổ sung", "I. Lĩnh vực Hộ tịch"); None when the text is no sub-heading."""
    published = squash(text)
    prefixed = _SUBHEADING_PREFIX.match(published)
    body = published[prefixed.end() :] if prefixed else published
    key = fold(body).strip(" :.")
    if not key or len(key.split()) > 25:
        return None
    if key.startswith("linh vuc") and (prefixed or in_table):
        name = re.sub(r"^lĩnh\s+vực\s*:?\s*", "", body, flags=re.IGNORECASE).strip(" :.")
        return Context(field=name or None)
    # "A." and "II." mark sections of the annex; "1." numbers procedures too, so it needs the announcing words.
    announces = key.startswith(_ANNOUNCING) or bool(prefixed and prefixed.group(1))
    if not announces or match_label(body):
        return None
    status = next((s for word, s in _STATUS_WORDS if word in key), None)
    levels = levels_in(key)
    if status is None and not levels:
        return None
    return Context(status=status, level=levels[0] if levels else None)
