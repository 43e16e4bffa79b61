"""The CPSV-AP 3.2.0 vocabulary as :mod:`exporters.cpsv` writes it: namespaces and prefixes, the shipped JSON-LD
context, the IRIs minted (stable segments) and the values (Vietnamese texts, references, ``xsd:duration``).
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from exporters.safety import xml_text
from exporters.wording import shorten
from models.enums import TimeUnit
from models.text import fold

BASE = "https://dichvucong.gov.vn/tthc/"
SCHEMA_DIR = Path(__file__).with_name("schemas") / "cpsv-ap-3.2.0"
CONTEXT_URL = "https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld"
VIETNAM = "http://publications.europa.eu/resource/authority/country/VNM"
VND = "http://publications.europa.eu/resource/authority/currency/VND"
PREFIXES = {
    "adms": "http://www.w3.org/ns/adms#",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
TITLE_LIMIT = 250
UNKNOWN_AUTHORITY = "Không có thông tin về cơ quan có thẩm quyền"
_DURATION_UNITS = {TimeUnit.DAY: ("P", "D"), TimeUnit.HOUR: ("PT", "H"), TimeUnit.MONTH: ("P", "M")}
_SLUG = re.compile(r"[^a-z0-9]+")

ContextMode = Literal["inline", "remote"]


# --- values -------------------------------------------------------------------------------------------------------


def vi_text(text: str | None) -> dict[str, str]:
    return {"@language": "vi", "@value": xml_text(text).strip()}


def ref(iri: str) -> dict[str, str]:
    return {"@id": iri}


def slug(text: str, limit: int = 80) -> str:
    """A stable IRI segment for a name: folded, dashes between words, a short hash when cut.

    >>> slug("Ủy ban nhân dân cấp xã")
    'uy-ban-nhan-dan-cap-xa'
    """
    key = _SLUG.sub("-", fold(text)).strip("-")
    if len(key) <= limit and key:
        return key
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{key[:limit].rstrip('-')}-{digest}".lstrip("-")


def duration(limit: float | None, unit: TimeUnit | None) -> str | None:
    """An ``xsd:duration`` for a calendar time limit, or None (working days and bare numbers have none).

    >>> duration(15, TimeUnit.DAY), duration(1.5, TimeUnit.DAY), duration(15, TimeUnit.WORKING_DAY)
    ('P15D', 'PT36H', None)
    """
    if limit is None or unit not in _DURATION_UNITS or limit < 0:
        return None
    if unit == TimeUnit.DAY and not float(limit).is_integer():
        limit, unit = limit * 24, TimeUnit.HOUR
    if unit == TimeUnit.HOUR and not float(limit).is_integer():
        return f"PT{round(limit * 60)}M" if float(limit * 60).is_integer() else None
    if not float(limit).is_integer():
        return None
    lead, tail = _DURATION_UNITS[unit]
    return f"{lead}{int(limit)}{tail}"


def title(text: str) -> str:
    return shorten(text, TITLE_LIMIT)


@lru_cache(maxsize=1)
def shipped_context() -> dict[str, Any]:
    """The CPSV-AP 3.2.0 JSON-LD context (SEMIC, CC-BY 4.0), as shipped in ``exporters/schemas``."""
    context: dict[str, Any] = json.loads((SCHEMA_DIR / "cpsv-ap.jsonld").read_text(encoding="utf-8"))[
        "@context"
    ]
    return context


def context_of(mode: ContextMode) -> list[Any]:
    return [shipped_context() if mode == "inline" else CONTEXT_URL, PREFIXES]
