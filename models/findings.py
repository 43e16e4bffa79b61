"""What the analysis says about a procedure: each dossier item's finding, online-eligibility blocks.

Findings are produced by the once-only finder (:mod:`catalog.finder.grading`) and read by the graph, cost, redesign and
export code, so their shape lives here, in the core's vocabulary. Both are results the core computes: plain frozen
values, made directly (never validated, never changed in place: :func:`dataclasses.replace` makes a changed copy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from models.enums import FindingGrade


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """The finder's verdict on one dossier item, with the reasons a lawyer needs.

    ``item_index`` is the item's position in :attr:`Procedure.items` of the version analysed, ``item_uid`` its
    stable id (:mod:`models.identity`; None for a procedure never stored), by which a to-be version finds it. ``data_source`` is a registry id
    (``population``, ``civil_status``...) or None. For ``issued_by_state`` items, ``issuing_procedure`` is the code of
    the catalog procedure whose result the item is, when one was found.
    """

    item_index: int
    item_name: str
    grade: FindingGrade
    data_source: str | None = None
    matched_phrase: str | None = None  # the words of the item that matched, as published
    rule: str = ""  # which rule decided, in one line
    explanation: str = ""  # the whole reasoning, in Vietnamese, for the officer and the lawyer
    legal_basis: str | None = None  # the source's legal basis and the date it took effect
    fallback: str | None = None  # what happens when the lookup fails
    issuing_procedure: str | None = None
    conditions: dict[str, bool | None] = field(default_factory=dict)  # holds / announced / connected
    item_uid: str | None = None  # bookkeeping (models.identity): not in to_json

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON values, fields in order (the grade as its code)."""
        return {
            "item_index": self.item_index,
            "item_name": self.item_name,
            "grade": self.grade.value,
            "data_source": self.data_source,
            "matched_phrase": self.matched_phrase,
            "rule": self.rule,
            "explanation": self.explanation,
            "legal_basis": self.legal_basis,
            "fallback": self.fallback,
            "issuing_procedure": self.issuing_procedure,
            "conditions": dict(self.conditions),
        }


class BlockKind(StrEnum):
    """What stands in the way of full-process online handling (Decree 42/2022/NĐ-CP)."""

    PRESENCE = "presence"  # a step requires the applicant in person
    SHOW_ORIGINAL = "show_original"  # an original must be shown
    CERTIFIED_PAPER_COPY = "certified_paper_copy"
    ON_SITE_INSPECTION = "on_site_inspection"
    WET_SIGNATURE = "wet_signature"
    PAPER_RESULT = "paper_result"
    NO_ONLINE_CHANNEL = "no_online_channel"


@dataclass(frozen=True, slots=True, kw_only=True)
class OnlineBlock:
    """One reason a procedure cannot be handled fully online, with what causes it."""

    kind: BlockKind
    cause: str  # the item, step or result text that causes the block, as published
    where: str  # "item 3", "step 2", "result 1", "channels"
    explanation: str = ""

    def to_json(self) -> dict[str, Any]:
        """The block as JSON values, fields in order (the kind as its code)."""
        return {
            "kind": self.kind.value,
            "cause": self.cause,
            "where": self.where,
            "explanation": self.explanation,
        }
