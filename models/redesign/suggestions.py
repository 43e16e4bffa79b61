"""What the analysis suggests for a procedure ("apply suggestions"): lookups for the items the finder graded, and
electronic copies for certified paper copies."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from models.enums import FindingGrade, ItemGroup
from models.findings import BlockKind, Finding
from models.online import item_blocks
from models.procedure import Procedure
from models.redesign.changes import Change
from models.redesign.history import ChangeGroup
from models.redesign.item_changes import (
    ISSUER_RECORDS,
    ISSUER_RECORDS_NAME,
    AcceptElectronicCopy,
    LookupItem,
    item_reference,
)

ELECTRONIC_COPY_BASIS = (
    "Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử (bản sao điện tử, "
    "kết quả điện tử có giá trị pháp lý); Nghị quyết 66.7/2025/NQ-CP"
)
ELECTRONIC_COPY_RATIONALE = (
    "Bản sao có chứng thực bằng giấy buộc người nộp sao chụp, chứng thực và đến nộp trực tiếp; nhận bản sao điện "
    "tử (bản chụp từ bản chính, bản sao điện tử có chứng thực hoặc bản sao điện tử cấp từ sổ gốc) cho phép nộp "
    "trực tuyến toàn trình và bỏ chi phí chứng thực."
)


#: The grades whose items a redesign takes out of the dossier, replaced by a lookup: their finding gives the change
#: its reasons (what "apply suggestions" changes, and what the single changes take their rationale from).
LOOKUP_GRADES = frozenset(
    {FindingGrade.REDUNDANT, FindingGrade.POTENTIALLY_REDUNDANT, FindingGrade.ISSUED_BY_STATE}
)


def suggest(
    procedure: Procedure,
    findings: Iterable[Finding],
    source_names: Mapping[str, str],
    *,
    grades: Collection[FindingGrade] = LOOKUP_GRADES,
    electronic_copies: bool = True,
) -> ChangeGroup:
    """The changes the analysis suggests for ``procedure``, as one group ("apply suggestions").

    - every item the finder graded ``redundant`` or ``potentially_redundant`` is replaced by a lookup in its data
      source, and every ``issued_by_state`` item by a lookup in the issuer's records or the applicant's electronic
      data store; each change carries the finding's explanation as rationale, its legal basis and its fallback;
    - every other item asking a certified paper copy is accepted as an electronic copy (Decree 45/2020).

    ``procedure`` may be a to-be version already changed: findings (made on the published version) are matched to
    its items by id (by name for a version never stored), so items already replaced get no second suggestion. Items are changed from the
    last to the first, so that each change's position stays valid while the others are made; each change can be
    undone on its own afterwards (:meth:`Draft.revert`).
    """
    by_name: dict[str, list[Finding]] = {}
    by_uid: dict[str, Finding] = {}
    for found in sorted(findings, key=lambda f: f.item_index, reverse=True):
        if found.item_uid is not None:
            by_uid[found.item_uid] = found
        else:
            by_name.setdefault(found.item_name, []).append(found)
    changes: list[Change] = []
    for index in range(len(procedure.items) - 1, -1, -1):
        item = procedure.items[index]
        ref = item_reference(procedure, index)
        finding: Finding | None = by_uid.get(item.uid) if item.uid is not None else None
        if finding is None and by_name:  # findings made on a version never stored: matched by name
            same = by_name.get(item.name_normalized or item.name)  # the finder names items so
            finding = same.pop(0) if same else None
        if finding is not None and finding.grade in grades:
            if finding.grade == FindingGrade.ISSUED_BY_STATE:
                source, name = ISSUER_RECORDS, ISSUER_RECORDS_NAME
            elif finding.data_source:
                source, name = finding.data_source, source_names.get(finding.data_source, finding.data_source)
            else:
                continue
            changes.append(
                LookupItem(
                    **ref,
                    data_source=source,
                    source_name=name,
                    fallback=finding.fallback,
                    issuing_procedure=finding.issuing_procedure,
                    rationale=finding.explanation or finding.rule or "Theo kết quả rà soát.",
                    legal_basis=finding.legal_basis,
                )
            )
        elif (
            electronic_copies
            and item.group == ItemGroup.SUBMIT
            and any(b.kind == BlockKind.CERTIFIED_PAPER_COPY for b in item_blocks(item))
        ):
            changes.append(
                AcceptElectronicCopy(
                    **ref, rationale=ELECTRONIC_COPY_RATIONALE, legal_basis=ELECTRONIC_COPY_BASIS
                )
            )
    return ChangeGroup(label="Áp dụng đề xuất của rà soát", changes=changes)
