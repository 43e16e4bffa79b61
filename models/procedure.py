"""The anatomy of an administrative procedure (DOMAIN.md §2) as typed domain objects.

Each part is a plain SQLModel (pydantic) class: it validates, compares by value, copies and serialises to the
workbench's JSON. The storage tables in :mod:`models.tables` inherit these classes and add only their keys, so a
field is declared once for the domain, the JSON export and the database.

Text fields hold what was published (NFC, invisible marks removed, typos kept); match keys are computed by
:mod:`models.text` and never replace the published text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from annotated_types import Interval
from pydantic import AllowInfNan, PlainSerializer
from sqlalchemy import JSON, String
from sqlmodel import Field, SQLModel

from models.enums import (
    CERTIFIED_FORMS,
    Actor,
    ChannelMethod,
    CopyForm,
    FeeKind,
    ItemGroup,
    ItemKind,
    Level,
    ProcedureStatus,
    TimeUnit,
)


def _plain_number(value: float | None) -> float | int | None:
    """Serialise 15.0 as 15: time limits are whole numbers nearly always and read better without '.0'."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


# Infinity and NaN are no time limit (and not JSON); a whole number beyond 64 bits fits no database column: both
# fail validation, so that an importer reports the record instead of storing nonsense or failing the batch.
Quantity = Annotated[float | None, AllowInfNan(False), PlainSerializer(_plain_number)]
Count = Annotated[int | None, Interval(ge=-(2**63), le=2**63 - 1)]


def _code(length: int = 32):
    return Field(default=None, sa_type=String(length))


def _uid():
    """A part's stable id: stored, but bookkeeping rather than content (no content hash, no JSON export, and not
    compared: see :func:`_equal_but_id`)."""
    return Field(default=None, sa_type=String(16), exclude=True)


def _equal_but_id(self: SQLModel, other: object) -> bool:
    """Equality of two parts by what they say: a part re-read, re-imported or copied into a to-be version is equal
    to the original whatever id each carries (the ids say which part it is, not what it says)."""
    if other.__class__ is not self.__class__ or self.__dict__.get("uid") == other.__dict__.get("uid"):
        return SQLModel.__eq__(self, other)
    return {**self.__dict__, "uid": None} == {**other.__dict__, "uid": None}


class Fee(SQLModel):
    """A fee or charge on one channel. ``amount_vnd`` None means unknown, which is never the same as free (0)."""

    kind: FeeKind = Field(default=FeeKind.OTHER, sa_type=String(16))
    amount_vnd: Count = None
    note: str | None = None


class ChannelBase(SQLModel):
    method: ChannelMethod = Field(sa_type=String(16))
    time_limit: Quantity = None
    time_unit: TimeUnit | None = _code(16)
    time_note: str | None = None  # range or condition, e.g. "18 ngày đối với xã vùng sâu"


class Channel(ChannelBase):
    """One row of 'cách thức thực hiện': a way to hand in the dossier, with its own time limit and fees."""

    fees: list[Fee] = Field(default_factory=list)

    @property
    def fee_vnd(self) -> int | None:
        """Total of the fees in VND, or None when there are none listed or any amount is unknown."""
        if not self.fees or any(f.amount_vnd is None for f in self.fees):
            return None
        return sum(f.amount_vnd or 0 for f in self.fees)


class Step(SQLModel):
    """One step of 'trình tự thực hiện', in published order."""

    title: str | None = None
    description: str = ""
    actor: Actor | None = _code(24)
    time_text: str | None = None
    time_limit: Quantity = None
    time_unit: TimeUnit | None = _code(16)
    # Set by redesigns (imports leave them None): whether the applicant must be there in person, overriding what the
    # text implies (False: the step was redesigned to happen remotely); and, for a step where the agency looks data
    # up instead of asking for a paper, the registry id of the data source it consults.
    in_person: bool | None = None
    data_source: str | None = _code(64)
    uid: str | None = _uid()  # its stable identity in the procedure ("S1"...): see models.identity

    __eq__ = _equal_but_id


class DossierItem(SQLModel):
    """A document or form the applicant hands in (SUBMIT) or shows (SHOW). Notes are never items."""

    name: str  # as published
    name_normalized: str = ""  # bullets and quantities peeled, whitespace folded: for display in specs
    kind: ItemKind = Field(default=ItemKind.DOCUMENT, sa_type=String(16))
    group: ItemGroup = Field(default=ItemGroup.SUBMIT, sa_type=String(16))
    originals: Count = None
    copies: Count = None
    copy_forms: list[CopyForm] = Field(default_factory=list, sa_type=JSON)
    template: str | None = None  # form file name(s)
    condition: str | None = None  # "nếu có", "trường hợp ..."
    issuer: str | None = None
    case: str | None = None  # heading of the published case/group the item sits under
    source_code: str | None = _code(64)  # the portal's component code
    uid: str | None = _uid()  # its stable identity in the procedure ("I1"...): see models.identity

    __eq__ = _equal_but_id

    @property
    def certified_copy(self) -> bool:
        """Whether a certified (paper or electronic) copy is asked for: costly, and an online blocker."""
        return not CERTIFIED_FORMS.isdisjoint(self.copy_forms)


class Note(SQLModel):
    """Guidance printed among the dossier components that is not something to hand in."""

    text: str
    heading: str | None = None


class Result(SQLModel):
    name: str
    code: str | None = _code(64)  # e.g. KQ.G15.000031


class LegalReference(SQLModel):
    title: str
    number: str | None = _code(128)  # e.g. 60/2014/QH13
    date: dt.date | None = None
    issuer: str | None = None


class ProcedureHeader(SQLModel):
    """The scalar part of a procedure: everything but its ordered lists of parts."""

    code: str = Field(sa_type=String(64))
    name: str
    description: str | None = None
    levels: list[Level] = Field(default_factory=list, sa_type=JSON)
    field: str | None = None  # lĩnh vực
    issuing_body: str | None = None  # cơ quan ban hành
    competent_authorities: list[str] = Field(default_factory=list, sa_type=JSON)
    executing_agencies: list[str] = Field(default_factory=list, sa_type=JSON)
    authorised_agencies: list[str] = Field(default_factory=list, sa_type=JSON)
    coordinating_agencies: list[str] = Field(default_factory=list, sa_type=JSON)
    subjects: list[str] = Field(default_factory=list, sa_type=JSON)
    receiving_address: str | None = None
    requirements: list[str] = Field(default_factory=list, sa_type=JSON)
    announcement_decision: str | None = None
    announcement_date: dt.date | None = None
    announcement_issuer: str | None = None
    status: ProcedureStatus | None = _code(16)
    is_local_specific: bool = False
    full_process_online_declared: bool | None = None  # as the source says; not authoritative (DOMAIN §2)
    related_codes: list[str] = Field(default_factory=list, sa_type=JSON)


class Procedure(ProcedureHeader):
    """An administrative procedure as published: header plus its ordered parts.

    Examples
    --------
    >>> p = Procedure(code="1.001193", name="Thủ tục đăng ký khai sinh",
    ...               items=[DossierItem(name="Tờ khai đăng ký khai sinh", kind="FORM", originals=1)])
    >>> p.items[0].kind
    <ItemKind.FORM: 'FORM'>
    """

    channels: list[Channel] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    items: list[DossierItem] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    results: list[Result] = Field(default_factory=list)
    legal_basis: list[LegalReference] = Field(default_factory=list)

    def items_in(self, group: ItemGroup) -> list[DossierItem]:
        return [item for item in self.items if item.group == group]


#: The ordered parts of a procedure, in the order they are stored and exported.
PARTS: dict[str, type[SQLModel]] = {
    "channels": ChannelBase,
    "steps": Step,
    "items": DossierItem,
    "notes": Note,
    "results": Result,
    "legal_basis": LegalReference,
}
