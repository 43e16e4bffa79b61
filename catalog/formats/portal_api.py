"""Records in the national portal's native detail-API schema (``executionSteps``, ``executionMethods``,
``executionCases[].profileComponents``, ``legalBasisesDetails``, ``resultsDetails``, ``is*`` flags).

A file holds one record, a list of records, or ``{"data": ...}`` around either.

Notes among the dossier components are told from items by their published quantity and wording (a component with
no original and no copy whose text is guidance), never by the API's ``required`` flag, which is false even for
the birth certificate (DOMAIN.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from catalog.formats.base import (
    JsonFormat,
    Parsed,
    RawRecord,
    RecordProblem,
    load_json,
    parse_object,
)
from catalog.reading import items as item_rules
from catalog.reading.legal import make_reference
from catalog.reading.steps import split_steps
from models.enums import ChannelMethod, FeeKind, Level, ProcedureStatus, TimeUnit
from models.procedure import Channel, DossierItem, Fee, Note, Procedure, Result
from models.text import clean, clean_or_none, squash

_MARKERS = ("executionMethods", "executionCases", "codeNotation", "executionSteps")
_VN_TZ = dt.timezone(dt.timedelta(hours=7))
_LEVEL_FLAGS = {
    "isMinistry": Level.MINISTRY,
    "isProvince": Level.PROVINCE,
    "isWard": Level.COMMUNE,
    "isOtherAgency": Level.OTHER_AGENCY,
    "isDistrict": Level.DISTRICT_HISTORICAL,
}
_STATUS = {
    "ACTIVE": ProcedureStatus.ACTIVE,
    "UPDATED": ProcedureStatus.AMENDED,
    "NEW": ProcedureStatus.NEW,
    "ABOLISHED": ProcedureStatus.ABOLISHED,
    "CANCELLED": ProcedureStatus.ABOLISHED,
    "INACTIVE": ProcedureStatus.ABOLISHED,
}
_FEE_KINDS = {"FEE": FeeKind.FEE, "SERVICE_FEE": FeeKind.SERVICE_FEE, "CHARGE": FeeKind.CHARGE}


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and sum(key in value for key in _MARKERS) >= 2


def _unwrap(document: Any) -> Any:
    if isinstance(document, dict) and "data" in document and not _is_record(document):
        return document["data"]
    return document


class PortalApiFormat(JsonFormat):
    name = "portal-api"
    description = "national portal detail-API JSON"

    def accepts(self, document: Any) -> bool:
        document = _unwrap(document)
        if isinstance(document, list):
            return bool(document) and _is_record(document[0])
        return _is_record(document)

    def records(self, path: Path) -> Iterator[RawRecord]:
        document = _unwrap(load_json(path))
        entries = document if isinstance(document, list) else [document]
        for index, entry in enumerate(entries, start=1):
            code = entry.get("code") if isinstance(entry, dict) else None
            label = f"record {index}" + (f" ({code})" if isinstance(code, str) and code else "")
            yield RawRecord(path, label, entry)

    def parse(self, record: RawRecord) -> Parsed:
        return parse_object(record, _parse)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _names(entries: Any) -> list[str]:
    return [squash(e.get("name")) for e in entries or [] if isinstance(e, dict) and squash(e.get("name"))]


def _split_agencies(text: Any) -> list[str]:
    """Agencies given as one string ("A, B"): split on commas, semicolons and line breaks."""
    value = clean_or_none(_text(text))
    if value is None:
        return []
    parts = [squash(p) for chunk in value.splitlines() for p in chunk.replace(";", ",").split(",")]
    return [p for p in parts if p]


def _first(*candidates: list[str]) -> list[str]:
    for candidate in candidates:
        if candidate:
            return list(dict.fromkeys(candidate))
    return []


def _date_from_millis(value: Any) -> dt.date | None:
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    return dt.datetime.fromtimestamp(value / 1000, _VN_TZ).date()


def _quantity(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _channel(method: dict[str, Any], warnings: list[str]) -> Channel | None:
    raw_method = _text(method.get("submissionMethod")).upper()
    try:
        channel_method = ChannelMethod(raw_method)
    except ValueError:
        warnings.append(f"a channel with unknown method '{raw_method}' was skipped")
        return None
    raw_unit = _text(method.get("processingTimeUnit")).upper()
    unit = TimeUnit(raw_unit) if raw_unit in TimeUnit.__members__ else (TimeUnit.OTHER if raw_unit else None)
    if raw_unit and raw_unit not in TimeUnit.__members__:
        warnings.append(f"time unit '{raw_unit}' is not known; kept as OTHER")
    limit = method.get("processingTime")
    limit = float(limit) if isinstance(limit, int | float) and not isinstance(limit, bool) else None
    fees = []
    for fee in method.get("fees") or []:
        if not isinstance(fee, dict):
            continue
        amount = fee.get("value")
        fees.append(
            Fee(
                kind=_FEE_KINDS.get(_text(fee.get("type")).upper(), FeeKind.OTHER),
                amount_vnd=int(amount)
                if isinstance(amount, int | float) and not isinstance(amount, bool)
                else None,
                note=clean_or_none(_text(fee.get("description"))),
            )
        )
    return Channel(
        method=channel_method,
        time_limit=limit,
        time_unit=unit if limit is not None or unit else None,
        time_note=clean_or_none(_text(method.get("description"))),
        fees=fees,
    )


def _components(data: dict[str, Any]) -> Iterator[tuple[str | None, dict[str, Any]]]:
    cases = data.get("executionCases") or []
    if cases:
        for case in cases:
            if isinstance(case, dict):
                heading = clean_or_none(_text(case.get("name")))
                for component in case.get("profileComponents") or []:
                    if isinstance(component, dict):
                        yield heading, component
        return
    for component in data.get("profileComponents") or []:
        if isinstance(component, dict):
            yield None, component


def _dossier(data: dict[str, Any], warnings: list[str]) -> tuple[list[DossierItem], list[Note]]:
    items: list[DossierItem] = []
    notes: list[Note] = []
    for heading, component in _components(data):
        text = clean(_text(component.get("name")))
        if not text:
            warnings.append("a dossier component with no text was skipped")
            continue
        templates = [
            squash(a.get("fileName"))
            for a in component.get("attachments") or []
            if isinstance(a, dict) and squash(a.get("fileName"))
        ]
        part = item_rules.entry(
            text,
            _quantity(component.get("originalQty")),
            _quantity(component.get("copyQty")),
            group=item_rules.group_of_heading(heading),
            heading=heading,
            template="; ".join(templates) or None,
            source_code=clean_or_none(_text(component.get("code"))),
        )
        item_rules.add_entry(part, items, notes)
    return items, notes


def _parse(data: dict[str, Any]) -> Parsed:
    warnings: list[str] = []
    code = squash(_text(data.get("code")) or _text(data.get("codeNotation")))
    name = clean(_text(data.get("name")))
    if not code:
        raise RecordProblem("it has no procedure code")
    if not name:
        raise RecordProblem(f"procedure {code} has no name")

    steps = [
        s
        for step in data.get("executionSteps") or []
        if isinstance(step, dict)
        for s in split_steps(_text(step.get("name")), _text(step.get("description")))
    ]
    channels = [
        c for m in data.get("executionMethods") or [] if isinstance(m, dict) if (c := _channel(m, warnings))
    ]
    items, notes = _dossier(data, warnings)
    procedure_note = clean_or_none(_text(data.get("note")))
    if procedure_note:
        notes.append(Note(text=procedure_note, heading="Ghi chú"))

    requirements_text = clean_or_none(_text(data.get("requirementsAndConditions")))
    description = clean_or_none(_text(data.get("description")))
    if description and requirements_text and squash(description) == squash(requirements_text):
        description = None  # the portal copies the requirements into the description
    proposal = _object(data.get("procedureProposal"))
    issuing = _object(proposal.get("issuingAgency"))
    categories = _names(data.get("categoriesDetails")) or _names(
        [data.get("category")] if data.get("category") else []
    )

    procedure = Procedure(
        code=code,
        name=name,
        description=description,
        levels=[level for flag, level in _LEVEL_FLAGS.items() if data.get(flag) is True],
        field=categories[0] if categories else None,
        issuing_body=squash(_text(data.get("departmentPromulgateName")))
        or squash(issuing.get("name"))
        or None,
        competent_authorities=_first(
            _names(data.get("departmentsAuthority")) + _names(data.get("unitGroupsAuthority")),
            _split_agencies(data.get("delegatedAgencies")),
        ),
        executing_agencies=_first(
            _names(data.get("departmentsExecuting")) + _names(data.get("unitGroupsExecuting")),
            _split_agencies(data.get("executingAgencies")),
        ),
        authorised_agencies=_first(
            _names(data.get("departmentsAuthorized")) + _names(data.get("unitGroupsAuthorized")),
            _split_agencies(data.get("authorizedAgencies")),
        ),
        coordinating_agencies=_first(
            _names(data.get("departmentsCoordinating")) + _names(data.get("unitGroupsCoordinating")),
            _split_agencies(data.get("coordinatingAgencies")),
        ),
        subjects=_names(data.get("subjectTypesDetails")),
        receiving_address=clean_or_none(_text(data.get("dossierReceivingAddresses"))),
        requirements=[line.strip() for line in (requirements_text or "").splitlines() if line.strip()],
        announcement_decision=squash(_text(data.get("decisionNo")))
        or squash(proposal.get("proposalNumber"))
        or None,
        announcement_date=_date_from_millis(proposal.get("decisionDate")),
        announcement_issuer=squash(issuing.get("name")) or None,
        status=_STATUS.get(_text(data.get("state")).upper()),
        is_local_specific=_text(data.get("type")).upper() == "SPECIFIC",
        full_process_online_declared=data.get("isFullProcess")
        if isinstance(data.get("isFullProcess"), bool)
        else None,
        related_codes=[
            squash(r.get("code"))
            for r in data.get("procedureRelatedGroup") or []
            if isinstance(r, dict) and squash(r.get("code"))
        ],
        channels=channels,
        steps=steps,
        items=items,
        notes=notes,
        results=[
            Result(name=squash(r.get("name")), code=squash(r.get("code")) or None)
            for r in data.get("resultsDetails") or []
            if isinstance(r, dict) and squash(r.get("name"))
        ],
        legal_basis=[
            make_reference(_text(ref.get("name")), _text(ref.get("code")))
            for ref in data.get("legalBasisesDetails") or []
            if isinstance(ref, dict)
            if squash(ref.get("name")) or squash(ref.get("code"))
        ],
    )
    if not items:
        warnings.append(f"procedure {code} lists no dossier item")
    return Parsed(procedure, warnings)
