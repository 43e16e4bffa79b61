"""Vietnamese text hygiene: what every importer does to text on the way in, and the keys we match on.

- :func:`clean` keeps what was published (typos, double spaces and line breaks included) but in NFC and without
  invisible marks (zero-width characters, bidi marks such as the U+200E found inside "đăng ký", soft hyphens).
- :func:`fold` builds the match key: cleaned, lower case, without diacritics (đ -> d), whitespace folded.

Examples
--------
>>> clean("đăng k\u200eý")
'đăng ký'
>>> fold("  Giấy CHỨNG   nhận  ĐĂNG KÝ ")
'giay chung nhan dang ky'
"""

from __future__ import annotations

import re
import unicodedata

# Format characters that carry no meaning in procedure text: zero-width space/joiners, bidi marks and embeddings,
# word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator.
_INVISIBLE = dict.fromkeys(
    [
        0x00AD,
        0x180E,
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x202A,
        0x202B,
        0x202C,
        0x202D,
        0x202E,
        0x2060,
        0x2061,
        0x2062,
        0x2063,
        0x2064,
        0x2066,
        0x2067,
        0x2068,
        0x2069,
        0xFEFF,
    ]
)
_SPACES = {0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x3000: " ", 0x2028: "\n", 0x2029: "\n", 0x0085: "\n"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WS = re.compile(r"\s+")
_FOLD = str.maketrans({"đ": "d", "Đ": "d"})


def clean(text: str | None) -> str:
    """NFC, invisible and control characters removed, exotic spaces made plain, ends stripped."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip()


def clean_or_none(text: str | None) -> str | None:
    """:func:`clean`, with empty text and the portal's placeholders mapped to None (unknown)."""
    value = clean(text)
    return None if not value or is_placeholder(value) else value


def squash(text: str | None) -> str:
    """:func:`clean` with every run of whitespace folded to one space: for one-line display and comparison."""
    return _WS.sub(" ", clean(text)).strip()


def fold(text: str | None) -> str:
    """The match key of a text: squashed, lower case, diacritics removed (đ -> d)."""
    text = squash(text).lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_PLACEHOLDERS = {
    fold(p) for p in ("Không có thông tin", "Chưa có thông tin", "Không có", "Chưa nhập số tiền", "N/A", "-")
}


def is_placeholder(text: str | None) -> bool:
    """Whether a field only says that there is no information (which is unknown, not empty or free)."""
    return fold(text) in _PLACEHOLDERS
