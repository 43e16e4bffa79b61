"""How a dossier item or a result names its document: the copy qualifiers, quantities, lead-ins and conditions that
may stand before the name, the bullets before them, and the document type that remains (:func:`document_key`).

The finder grades an item by its document type; the catalog views count "the same document" by it; the CPSV-AP
exporter names its evidence types by it.

>>> document_key("- Bản sao có chứng thực Giấy chứng nhận đăng ký doanh nghiệp (nếu có)")
'giay chung nhan dang ky doanh nghiep'
"""

from __future__ import annotations

import re

from models.text import fold_clean

# What may stand before the document's name in an item (on folded text): quantities, copy forms, "kèm bản chính
# để đối chiếu", a lead-in that announces a list ("các giấy tờ sau:"), a condition ("trường hợp …, phải có").
QUALIFIERS = re.compile(
    r"^(?:(?:"
    r"\d{1,2}\b|mot\b|hai\b|ba\b"
    r"|ban (?:sao|chinh|goc|chup|photo|pho to|phô tô|dien tu|scan|dich|in)\b|dien tu\b"
    r"|(?:duoc |da duoc |da )?(?:(?:cap|chung thuc|sao) )?tu (?:ban chinh|so goc)\b"
    r"|(?:co |duoc |da duoc |da )?(?:chung thuc|cong chung)\b"
    r"|(?:kem|kem theo|va xuat trinh|xuat trinh) ban (?:chinh|goc)(?: de (?:doi chieu|kiem tra))?\b"
    r"|ban chinh de doi chieu\b|tep tin\b|hop le\b|cua\b|cac\b|nhung\b|hoac\b|va\b|nop\b|xuat trinh\b"
    r"|kem theo\b|gom\b|bao gom\b|so\b(?= goc)"
    r"|(?:mot trong (?:cac|nhung) |cac |nhung )?(?:giay to|tai lieu|van ban|ho so)\b[^:;.]{0,80}:"
    r"|(?:trong )?truong hop\b[^;:.]{0,140}?\b(?:thi|phai co|phai nop|nop them|kem theo|can co)\b"
    r")\s*[,;:\-]?\s*)+"
)
BULLETS = re.compile(r"^(?:[-+*•·–—○▪►]+|\(?(?:[ivx]{1,4}|[a-z])\)|\(?\d{1,2}[.)])\s*")


_DOCUMENT_KEYS: dict[
    str, str
] = {}  # text -> document key: the analysis, issuer links and catalog views share them


def document_key(text: str, key: str | None = None) -> str:
    """The document type of an item or result: folded, bullets and copy qualifiers and trailing clauses removed.

    ``key`` is ``text`` already folded (as the finder has it); keys are remembered, so the catalog views and the
    issuer links do not fold the same item again.
    """
    known = _DOCUMENT_KEYS.get(text)
    if known is not None:
        return known
    key = QUALIFIERS.sub("", BULLETS.sub("", fold_clean(text) if key is None else key))
    document = _CLAUSE_END.split(key, maxsplit=1)[0].strip(" .,")
    if len(_DOCUMENT_KEYS) > 200_000:  # a bound for long sessions over many catalogs
        _DOCUMENT_KEYS.clear()
    _DOCUMENT_KEYS[text] = document
    return document


_CLAUSE_END = re.compile(r"[;:(]| do | cua | theo | trong truong hop | neu ")


def qualifier_length(text: str) -> int:
    """How many characters of folded ``text`` its leading qualifiers take."""
    qualifiers = QUALIFIERS.match(text)
    return qualifiers.end() if qualifiers else 0
