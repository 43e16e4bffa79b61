"""What every exporter does to imported text before it leaves the workbench.

Imported text is data, never code: a cell that starts with ``=``, ``+``, ``-`` or ``@`` would be read by Excel or
LibreOffice as a formula (CSV/formula injection), and control characters make XML writers fail or documents corrupt.
File names derived from procedure names must be valid on every desktop system and never escape the output folder.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters a spreadsheet application reads as the start of a formula (OWASP "CSV injection"), plus the tab and
#: carriage return that some applications strip before looking.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 forbids C0 controls except tab, LF, CR; also drop the non-characters U+FFFE/U+FFFF and lone surrogates.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FILENAME_BAD = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def xml_text(text: str | None) -> str:
    """``text`` with the characters XML 1.0 cannot carry removed (None becomes "")."""
    if not text:
        return ""
    return _XML_ILLEGAL.sub("", text)


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would treat ``text`` typed into a cell as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def cell_text(text: str | None) -> str | None:
    r"""``text`` with what a spreadsheet's XML cannot carry removed. Writers must still store it as a *string* cell:
    openpyxl turns any str starting with "=" into a formula unless the cell's ``data_type`` is set to ``"s"``
    afterwards (see :mod:`exporters.excel.common`), and applications evaluate +, - and @ when a user edits the cell.

    >>> cell_text("=HYPERLINK(1)\x07")
    '=HYPERLINK(1)'
    """
    if text is None:
        return None
    return xml_text(text)


def safe_filename(name: str, *, max_length: int = 120, default: str = "thu-tuc") -> str:
    """A file name (without folder) derived from ``name``: Vietnamese letters kept, separators and reserved names
    removed, no leading dots, at most ``max_length`` UTF-8 bytes.

    >>> safe_filename("Thủ tục đăng ký khai sinh / kết hôn: ../../etc")
    'Thủ tục đăng ký khai sinh kết hôn .. .. etc'
    >>> safe_filename("CON")
    '_CON'
    """
    text = unicodedata.normalize("NFC", name)
    text = _FILENAME_BAD.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if not text:
        text = default
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = "_" + text
    encoded = text.encode("utf-8")
    if len(encoded) > max_length:
        text = encoded[:max_length].decode("utf-8", errors="ignore").rstrip(" .")
    return text
