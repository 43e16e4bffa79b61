"""The once-only finder: for each dossier item, the data source that could supply it, graded with reasons.

Grades (DOMAIN.md §4):

- ``redundant``: a registry source holds the data (a), its owner announced it usable in place of the document (b),
  and the handling agency is connected to it (c, a workspace setting);
- ``potentially_redundant``: (a) holds but (b) or (c) is missing or unknown — the finding says which;
- ``issued_by_state``: a licence, decision or certificate a Vietnamese state body issues, which could be fetched
  from the issuer's records or the applicant's electronic data store (Decree 45/2020/NĐ-CP), linked to the
  catalog procedure that issues it when there is one;
- ``required``: no source; forms the applicant fills in; documents issued abroad.

Every finding carries the phrase that matched, the rule, the legal basis and the fallback (if the lookup fails:
ask for the paper and ask the citizen to have the database corrected).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from catalog.finder.matcher import Matcher, SourceMatch
from catalog.reading.documents import BULLETS, QUALIFIERS, document_key, qualifier_length
from models.enums import FindingGrade
from models.findings import Finding
from models.procedure import DossierItem, Procedure
from models.sources import DataSource
from models.text import fold_aligned

FALLBACK = (
    "Nếu tra cứu không có kết quả, hoặc dữ liệu thiếu, sai: công chức yêu cầu người nộp cung cấp giấy tờ "
    "và hướng dẫn họ đề nghị cơ quan quản lý cập nhật, điều chỉnh dữ liệu trong {source}."
)
STATE_FALLBACK = (
    "Nếu không khai thác được từ hệ thống của cơ quan cấp hoặc Kho quản lý dữ liệu điện tử của người nộp: "
    "yêu cầu nộp bản điện tử hoặc bản sao giấy tờ."
)
STATE_BASIS = "Nghị định 45/2020/NĐ-CP (kết quả điện tử có giá trị như bản giấy; Kho quản lý dữ liệu điện tử)"

# Forms are what the applicant writes: never supplied by a database.
_FORM_START = re.compile(
    r"^(?:(?:ban (?:chinh|goc|sao) |\d{1,2} )?(?:to khai|don\b(?! vi)|phieu (?:de nghi|yeu cau|dang ky|khai)|"
    r"mau\b|ban khai|van ban de nghi|giay de nghi|van ban dang ky|bao cao|ke hoach|phuong an|danh sach|"
    r"ban ke khai|ban cam ket|giay cam doan|van ban cam ket|ban thuyet minh|bang ke|so do|ban ve|giay khai dang ky|"
    r"de nghi|van ban yeu cau|giay yeu cau|van ban thong bao|thong bao (?:thay doi|de nghi)|so yeu ly lich|"
    r"ban thong tin|thong tin ve))"
)
_FOREIGN = re.compile(
    r"nuoc ngoai cap|cua nuoc ngoai|co quan co tham quyen (?:cua )?nuoc ngoai|hop phap hoa lanh su|"
    r"ho chieu nuoc ngoai|to chuc nuoc ngoai cap|quoc gia noi|nuoc so tai|nuoc ma nguoi do la cong dan|"
    r"nuoc cu tru cap|do nuoc cu tru|nuoc xuat khau|lai xe nuoc ngoai|bang lai nuoc ngoai|doanh nghiep nuoc ngoai"
)
# Documents a state body issues (the start of the item, after its copy qualifiers).
_STATE_DOCUMENT = re.compile(
    r"^(?:giay phep|giay chung nhan|quyet dinh|chung chi|van ban chap thuan|van ban cho phep|"
    r"van ban chap nhan|giay xac nhan|the (?!ngan hang)|chung nhan|van bang|bang|so (?:dang ky|chung nhan)|"
    r"thong bao (?:ket qua|chap thuan|cap|xac nhan)|ket qua (?:tham dinh|kiem tra|kiem dinh)|"
    r"bien ban (?:nghiem thu|kiem tra|tham dinh))\b"
)
# A decision or minutes of a company, its board or its owners is not a state body's document.
_PRIVATE_ISSUER = re.compile(
    r"^(?:[^;:]{0,40}?)(?:quyet dinh|bien ban|nghi quyet)\s+(?:cua\s+)?(?:hoi dong quan tri|dai hoi|hoi dong thanh vien|"
    r"chu so huu|cong ty|doanh nghiep|giam doc|nguoi dai dien|to chuc tin dung|ngan hang)"
)
# Where an item lists several documents (on folded text): "A hoặc B", "A/B", "A; B", "A, B", "A và B".
_ALTERNATIVES = re.compile(r"\s+(?:hoac|va)\s+|\s*/\s*(?=\D)|[;,]\s*|:\s+(?:-\s*)?")
_ALREADY_WAIVED = re.compile(
    r"khong phai (?:nop|xuat trinh|cung cap)|da co trong co so du lieu|da duoc khai thac|khai thac duoc|"
    r"khong yeu cau (?:nop|xuat trinh)"
)
# The document type heads the item (after its copy qualifiers and a lead-in such as "các giấy tờ sau:"); a registry
# phrasing further in is context ("hợp đồng ủy quyền … liên quan đến đăng ký doanh nghiệp"), not the document.
_DOCUMENT_REACH = 12


@dataclass(slots=True)
class ResultIndex:
    """The catalog's results by document type, to link state-issued items to the procedures that issue them.

    A result links when its document type equals the item's, or one is the other followed by more words
    ("giấy phép lái tàu" ~ "giấy phép lái tàu hạng …"); lookups are dictionary hits, not scans of the catalog.
    """

    exact: dict[str, list[str]] = field(default_factory=dict)
    by_head: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, procedures: Iterable[Procedure]) -> ResultIndex:
        return cls.from_names((p.code, result.name) for p in procedures for result in p.results)

    @classmethod
    def from_names(cls, results: Iterable[tuple[str, str]]) -> ResultIndex:
        """The index of (procedure code, result name) pairs, in catalog order (the first issuer wins)."""
        index = cls()
        keys: dict[str, str] = {}  # a national catalog repeats each result name once per province
        for code, name in results:
            key = keys.get(name)
            if key is None:
                key = keys[name] = document_key(name)
            if 8 <= len(key) <= 160 and len(key.split()) >= 3:
                index.exact.setdefault(key, []).append(code)
                index.by_head.setdefault(_head(key), []).append((key, code))
        return index

    def issuer_of(self, name: str, *, exclude: str) -> str | None:
        """The code of the catalog procedure whose result is the document ``name``, if one is."""
        key = document_key(name)
        if len(key.split()) < 3:
            return None
        for code in self.exact.get(key, ()):
            if code != exclude:
                return code
        for result_key, code in self.by_head.get(_head(key), ()):
            if code != exclude and (result_key.startswith(key + " ") or key.startswith(result_key + " ")):
                return code
        return None


class IssuerLookup(Protocol):
    """What links a state-issued item to the catalog procedure that issues it: a :class:`ResultIndex`, or an
    object that builds one when first asked (:class:`catalog.pipeline.analysis.WorkspaceFinder`)."""

    def issuer_of(self, name: str, *, exclude: str) -> str | None: ...


def _head(key: str) -> str:
    return " ".join(key.split()[:4])


def _document_match(
    text: str, matcher: Matcher, key: str, context: str = ""
) -> tuple[SourceMatch, str] | None:
    """The registry source an item asks for, and the separator before the alternative that names it.

    A phrasing counts when it heads one of the item's alternatives ("A hoặc B", "A và B", "A; B"), after that
    alternative's copy qualifiers, lead-in or condition; named further in, it is context. ``key`` is
    ``fold_aligned(text)``.
    """
    found = matcher.find_in(text, key, context)
    if not found:
        return None  # most items: one fold and one scan
    separators = [(0, "")] + [(m.end(), m.group(0).strip()) for m in _ALTERNATIVES.finditer(key)]
    for match in found:  # left to right: the first document the item names is what it asks for
        alternative, separator = max((s for s in separators if s[0] <= match.start), key=lambda s: s[0])
        rest = BULLETS.sub("", key[alternative:].lstrip(" -+*•"))
        lead = len(key) - alternative - len(rest) + qualifier_length(rest)
        if match.end <= alternative + lead:
            continue  # inside a qualifier or a condition ("trường hợp khai sinh cho … phải có …")
        if match.start - (alternative + lead) > _DOCUMENT_REACH:
            continue  # named further in: context ("… liên quan đến đăng ký doanh nghiệp"), not the document
        return match, separator
    return None


def _sentence(key: str, position: int) -> str:
    """The sentence of ``key`` around ``position`` (between full stops or semicolons): what a qualifier such as
    "do cơ quan nước ngoài cấp" applies to."""
    start = max(key.rfind(";", 0, position), key.rfind(". ", 0, position)) + 1
    ends = [i for i in (key.find(";", position), key.find(". ", position)) if i >= 0]
    return key[start : min(ends) if ends else len(key)]


def _grade(source: DataSource) -> tuple[FindingGrade, dict[str, bool | None], str]:
    conditions: dict[str, bool | None] = {
        "holds": True,
        "announced": source.announced,
        "connected": source.connected,
    }
    if source.announced and source.connected:
        return FindingGrade.REDUNDANT, conditions, "(a) nguồn lưu giữ dữ liệu, (b) đã công bố, (c) đã kết nối"
    missing = []
    if not source.announced:
        missing.append("(b) chủ quản chưa công bố dữ liệu thay thế giấy tờ")
    if source.connected is None:
        missing.append("(c) chưa rõ cơ quan giải quyết đã kết nối hay chưa")
    elif not source.connected:
        missing.append("(c) cơ quan giải quyết chưa kết nối")
    return FindingGrade.POTENTIALLY_REDUNDANT, conditions, "; ".join(missing)


def assess_item(
    procedure: Procedure,
    index: int,
    matcher: Matcher,
    results: IssuerLookup | None = None,
    context: str | None = None,
) -> Finding:
    """The finding for item ``index`` of ``procedure``.

    Examples
    --------
    >>> from catalog.finder.matcher import default_matcher
    >>> p = Procedure(code="1", name="x", items=[DossierItem(name="Bản sao có chứng thực Giấy khai sinh")])
    >>> f = assess_item(p, 0, default_matcher())
    >>> (f.data_source, f.grade)
    ('civil_status', <FindingGrade.POTENTIALLY_REDUNDANT: 'potentially_redundant'>)
    """
    item: DossierItem = procedure.items[index]
    if context is None:
        context = procedure_context(procedure)
    # What an item's text says does not depend on where it is: a catalog repeats many items word for word (a
    # quarter of the portal's), so each text is read once per matcher and procedure context.
    key = (item.name, item.name_normalized, matcher.context_key(context))
    verdict = matcher.verdicts.get(key)
    if verdict is None:
        if len(matcher.verdicts) > _VERDICTS:
            matcher.verdicts.clear()
        verdict = matcher.verdicts[key] = _verdict(item, matcher, context)
    values = {**verdict, "conditions": dict(verdict.get("conditions", ()))}  # each finding its own
    if verdict["grade"] is FindingGrade.ISSUED_BY_STATE:
        issuer = results.issuer_of(item.name, exclude=procedure.code) if results is not None else None
        if issuer:
            values["issuing_procedure"] = issuer
            values["explanation"] += f" Đây là kết quả của thủ tục {issuer} trong danh mục."
    return Finding(item_index=index, item_name=item.name_normalized or item.name, item_uid=item.uid, **values)


_VERDICTS = 100_000  # texts remembered per matcher: a bound for long sessions over many catalogs


def _verdict(item: DossierItem, matcher: Matcher, context: str) -> dict[str, Any]:
    """The finding's fields that follow from the item's text alone (not its position, nor the issuer link)."""
    text = item.name
    aligned = fold_aligned(text)
    key = BULLETS.sub("", " ".join(aligned.split()))
    document_match = _document_match(text, matcher, aligned, context)
    form = _FORM_START.match(QUALIFIERS.sub("", key)) is not None
    # A form is the applicant's own writing; a document joined to it ("Tờ khai … và Phiếu lý lịch tư pháp") is not.
    if form and (document_match is None or document_match[1] not in ("va", ";", ",")):
        return {
            "grade": FindingGrade.REQUIRED,
            "rule": "form",
            "explanation": "Mẫu đơn, tờ khai do người nộp kê khai: không có nguồn dữ liệu thay thế.",
        }
    foreign = _FOREIGN.search(key)
    if document_match is not None and not _FOREIGN.search(_sentence(aligned, document_match[0].start)):
        return _source_finding(item, document_match[0], key)
    if foreign:
        return {
            "grade": FindingGrade.REQUIRED,
            "rule": "foreign",
            "matched_phrase": foreign.group(0),
            "explanation": "Giấy tờ do cơ quan nước ngoài cấp hoặc xác nhận: không có cơ sở dữ liệu trong "
            "nước thay thế, vẫn phải nộp.",
        }
    document = document_key(text, key)
    if _STATE_DOCUMENT.match(document) and not _PRIVATE_ISSUER.search(key):
        return {
            "grade": FindingGrade.ISSUED_BY_STATE,
            "rule": "state-issued document",
            "matched_phrase": text[: len(document)] if document else None,
            "legal_basis": STATE_BASIS,
            "fallback": STATE_FALLBACK,
            "explanation": (
                f"“{item.name_normalized or text}” là giấy tờ do cơ quan nhà nước cấp: có thể "
                "khai thác từ hệ thống của cơ quan cấp hoặc Kho quản lý dữ liệu điện tử của "
                "người nộp thay vì yêu cầu bản giấy."
            ),
        }
    return {
        "grade": FindingGrade.REQUIRED,
        "rule": "no source",
        "explanation": "Không có nguồn dữ liệu trong danh mục nắm giữ giấy tờ này.",
    }


def _source_finding(item: DossierItem, found: SourceMatch, key: str) -> dict[str, Any]:
    source = found.source
    grade, conditions, state = _grade(source)
    waived = bool(_ALREADY_WAIVED.search(key))
    conditions["already_waived_in_text"] = waived
    since = f", hiệu lực từ {found.source.announced_on:%d/%m/%Y}" if source.announced_on else ""
    what = "; ".join(source.stands_in_for) or source.name
    explanation = (
        f"“{item.name_normalized or item.name}” khớp cụm “{found.phrase}”: {source.name} ({source.owner}) "
        f"lưu giữ {what}. Tình trạng: {state}."
        + (" Văn bản công bố đã miễn nộp khi khai thác được dữ liệu." if waived else "")
    )
    return {
        "grade": grade,
        "data_source": source.id,
        "matched_phrase": found.phrase,
        "rule": f"registry phrasing → {source.id}",
        "explanation": explanation,
        "legal_basis": f"{source.legal_basis}{since}" if source.legal_basis else None,
        "fallback": FALLBACK.format(source=source.name),
        "conditions": conditions,
    }


def procedure_context(procedure: Procedure) -> str:
    """The procedure's name and field, folded: what decides phrasings that name a source only in some fields."""
    return fold_aligned(f"{procedure.name} {procedure.field or ''}")


def find(procedure: Procedure, matcher: Matcher, results: IssuerLookup | None = None) -> list[Finding]:
    """One finding per dossier item of ``procedure``, in item order."""
    context = procedure_context(procedure) if procedure.items else ""
    return [assess_item(procedure, index, matcher, results, context) for index in range(len(procedure.items))]


def find_all(
    procedures: Sequence[Procedure], matcher: Matcher, *, link_issuers: bool = True
) -> dict[str, list[Finding]]:
    """Findings for a whole catalog, linking state-issued items to the procedures that issue them."""
    results = ResultIndex.build(procedures) if link_issuers else None
    return {p.code: find(p, matcher, results) for p in procedures}
