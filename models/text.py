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
import string
import unicodedata

# Format characters that carry no meaning in procedure text: zero-width space/joiners, bidi marks and embeddings,
# word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u3000]")
_LINES = re.compile("\r\n?|[\u2028\u2029\u0085]")
# Control characters, lone surrogates (JSON's "\ud800" decodes to one; no encoder writes it) and the non-characters
# U+FFFE/U+FFFF: none is text, and a surrogate makes every later UTF-8 encoding (hashing, storing) fail.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_WS = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f]")  # the marks Vietnamese letters decompose into
_BEYOND_LATIN = re.compile("[^\u0000-\u036f]")


_SPECIAL = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00a0\u2007\u202f\u3000"
    "\r\u2028\u2029\u0085\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]"
)


def clean(text: str | None) -> str:
    """NFC, invisible and control characters removed, exotic spaces made plain, ends stripped."""
    if not text:
        return ""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _SPECIAL.search(text):  # rare: most published text has none of these
        text = _CONTROL.sub("", _LINES.sub("\n", _SPACES.sub(" ", _INVISIBLE.sub("", text))))
    return text.strip()


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def printable(text: str) -> str:
    r"""``text`` fit for a one-line message and for UTF-8: control characters shown as escapes, lone surrogates
    (what an undecodable byte of a file name becomes) as U+FFFD.

    >>> printable("tệp\nmới\udcff.json")
    'tệp\\nmới�.json'
    """
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(
        lambda m: "\ufffd" if m.group() >= "\ud800" else m.group().encode("unicode_escape").decode("ascii"),
        text,
    )


def clean_or_none(text: str | None) -> str | None:
    """:func:`clean`, with empty text and the portal's placeholders mapped to None (unknown)."""
    value = clean(text)
    return None if not value or is_placeholder(value) else value


def squash(text: str | None) -> str:
    """:func:`clean` with every run of whitespace folded to one space: for one-line display and comparison."""
    return _WS.sub(" ", clean(text)).strip()


def _fold_table() -> str:
    """The folding of each letter: its lower case without diacritics (đ -> d), for every precomposed Latin letter
    that decomposes into one base letter and combining marks (Vietnamese's among them)."""
    table = {}
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char.lower())
        letters = [c for c in base if not unicodedata.combining(c)]
        if len(letters) == 1:
            table[code] = letters[0]
    table[ord("đ")] = table[ord("Đ")] = "d"
    # As a string indexed by code point: str.translate reads it twice as fast as a dict; code points past its end
    # raise IndexError, which translate takes as "leave this character as it is".
    return "".join(table.get(code, chr(code)) for code in range(0x1F00))


_FOLD_TABLE = _fold_table()


def fold_aligned(text: str) -> str:
    """The folding of :func:`fold` without cleaning or whitespace folding: one character for each character of
    ``text`` (NFC text, as every importer stores it), so that a match in the folded text points at the same span of
    the published text.

    >>> fold_aligned("Thẻ Căn cước") == "the can cuoc"
    True
    """
    folded = text.lower()
    if folded.isascii():
        return folded
    if len(folded) != len(text):  # a rare letter whose lower case is longer: keep the original there
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return folded.translate(_FOLD_TABLE)


def fold_clean(text: str) -> str:
    """:func:`fold` of text already cleaned (as the workspace stores it): the same key, the fast way (one
    translate, one split; ``str.split`` and ``\\s`` agree on what whitespace is, and splitting is three times faster
    than the regex).

    >>> fold_clean("Giấy  chứng nhận") == fold("Giấy  chứng nhận")
    True
    """
    return " ".join(fold_aligned(text).split())


def fold(text: str | None) -> str:
    """The match key of a text: squashed, lower case, diacritics removed (đ -> d); the letters of
    :func:`fold_aligned`, and combining marks of any other script dropped."""
    text = squash(text).lower()
    if text.isascii():
        return text
    folded = text.translate(_FOLD_TABLE)
    if folded.isascii():
        return folded
    folded = _COMBINING.sub("", unicodedata.normalize("NFD", folded))
    if _BEYOND_LATIN.search(
        folded
    ):  # other scripts have combining marks of their own: the general (slow) way
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return folded


_SEPARATORS = str.maketrans(string.punctuation, " " * len(string.punctuation))


def ascii_words(text: str | None) -> list[str]:
    """The words of :func:`fold`, in ASCII, punctuation dropped: what phrase rules read word by word.

    >>> ascii_words("Nộp hồ sơ (trực tiếp)!")
    ['nop', 'ho', 'so', 'truc', 'tiep']
    """
    folded = fold(text)
    if not folded.isascii():
        folded = folded.encode("ascii", "ignore").decode("ascii")
    return folded.translate(_SEPARATORS).split()


_PLACEHOLDERS = {
    fold(p) for p in ("Không có thông tin", "Chưa có thông tin", "Không có", "Chưa nhập số tiền", "N/A", "-")
}


_PLACEHOLDER_MAX = max(len(p) for p in _PLACEHOLDERS) + 8


def is_placeholder(text: str | None) -> bool:
    """Whether a field only says that there is no information (which is unknown, not empty or free)."""
    return text is not None and len(text) <= _PLACEHOLDER_MAX and fold(text) in _PLACEHOLDERS
