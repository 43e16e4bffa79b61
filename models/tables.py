"""Workspace tables (SQLModel). The schema itself is created and upgraded by the Alembic migrations in
:mod:`models.migrations`; a test checks that these classes and the migrations agree.

A procedure's parts are stored one row each with their ``position``, so that order survives and each part can be
queried across the catalog (for instance every dossier item naming an ID card).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.procedure import (
    ChannelBase,
    DossierItem,
    Fee,
    LegalReference,
    Note,
    ProcedureHeader,
    Result,
    Step,
)


def _procedure_fk() -> Any:
    return Field(
        sa_column=Column(Integer, ForeignKey("procedure.id", ondelete="CASCADE"), nullable=False, index=True)
    )


class ProcedureRow(ProcedureHeader, table=True):
    __tablename__ = "procedure"
    __table_args__ = (UniqueConstraint("code", name="uq_procedure_code"),)

    id: int | None = Field(default=None, primary_key=True)
    search_key: str = ""  # code + name folded (no diacritics, lower case) for instant search
    source_format: str | None = Field(default=None, sa_type=String(32))
    source_path: str | None = None
    source_record: str | None = None
    content_hash: str = Field(sa_type=String(64))
    revision: int = 1  # bumped on every stored change: the basis for optimistic concurrency
    imported_at: dt.datetime
    updated_at: dt.datetime


class ChannelRow(ChannelBase, table=True):
    __tablename__ = "channel"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    position: int


class FeeRow(Fee, table=True):
    __tablename__ = "fee"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    channel_position: int
    position: int


class StepRow(Step, table=True):
    __tablename__ = "step"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    position: int


class DossierItemRow(DossierItem, table=True):
    __tablename__ = "dossier_item"
    # The catalog's counts of items to submit and to show (Workspace.summaries) read this index alone, not the rows.
    __table_args__ = (Index("ix_dossier_item_procedure_group", "procedure_id", "group"),)
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    position: int


class NoteRow(Note, table=True):
    __tablename__ = "note"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    position: int


class ResultRow(Result, table=True):
    __tablename__ = "result"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    position: int


class LegalReferenceRow(LegalReference, table=True):
    __tablename__ = "legal_reference"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    position: int


#: Part name on :class:`~models.procedure.Procedure` -> its table (fees hang off channels and are handled apart).
PART_TABLES: dict[str, type[SQLModel]] = {
    "channels": ChannelRow,
    "steps": StepRow,
    "items": DossierItemRow,
    "notes": NoteRow,
    "results": ResultRow,
    "legal_basis": LegalReferenceRow,
}


class ImportBatchRow(SQLModel, table=True):
    """One run of an import: what was read and what it did."""

    __tablename__ = "import_batch"
    id: int | None = Field(default=None, primary_key=True)
    started_at: dt.datetime
    sources: list[str] = Field(default_factory=list, sa_type=JSON)
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0


class ProcedureChangeRow(SQLModel, table=True):
    """What a newer version of a procedure changed when it was imported over the stored one."""

    __tablename__ = "procedure_change"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    batch_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("import_batch.id", ondelete="SET NULL"), nullable=True),
    )
    changed_at: dt.datetime
    changed_fields: list[str] = Field(default_factory=list, sa_type=JSON)
    previous_hash: str = Field(sa_type=String(64))
    previous: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)  # the fields as they were


class ListingRow(SQLModel, table=True):
    """A list-level record (a row of the portal's list export): code, name, agencies, field.

    Kept apart from the procedure it describes so that what only the list says survives every later import of the
    procedure's details (schema revision 0003).
    """

    __tablename__ = "listing"
    __table_args__ = (UniqueConstraint("code", name="uq_listing_code"),)
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(sa_type=String(64))
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)  # the list's header fields, as JSON
    source_format: str | None = Field(default=None, sa_type=String(32))
    source_path: str | None = None
    source_record: str | None = None
    content_hash: str = Field(sa_type=String(64))
    updated_at: dt.datetime


# --- Tables added by schema revision 0002: filled by the analysis and redesign capabilities. ---


class DataSourceRow(SQLModel, table=True):
    """A national or sector database in the data-source registry (DOMAIN.md §5), as set for this workspace."""

    __tablename__ = "data_source"
    id: str = Field(primary_key=True, sa_type=String(64))
    name: str
    owner: str | None = None
    stands_in_for: list[str] = Field(default_factory=list, sa_type=JSON)
    phrasings: list[str] = Field(default_factory=list, sa_type=JSON)
    legal_basis: str | None = None
    announced: bool = False
    announced_on: dt.date | None = None
    connected: bool = False  # the agency's connection: a per-workspace setting
    note: str | None = None


class FindingRow(SQLModel, table=True):
    """The finder's verdict on one dossier item, with the reasons a lawyer needs."""

    __tablename__ = "finding"
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    item_position: int
    item_uid: str | None = Field(default=None, sa_type=String(16))  # the item's stable id (models.identity)
    grade: str = Field(sa_type=String(32))
    data_source_id: str | None = Field(default=None, sa_type=String(64))
    matched_phrase: str | None = None
    rule: str | None = None
    explanation: str = ""
    legal_basis: str | None = None
    fallback: str | None = None
    issuing_procedure_code: str | None = Field(default=None, sa_type=String(64))
    created_at: dt.datetime


class ProposalRow(SQLModel, table=True):
    """A named to-be version of a procedure. The published version is never modified by a redesign."""

    __tablename__ = "proposal"
    __table_args__ = (UniqueConstraint("procedure_id", "name", name="uq_proposal_name"),)
    id: int | None = Field(default=None, primary_key=True)
    procedure_id: int = _procedure_fk()
    name: str = Field(sa_type=String(200))
    author: str | None = None
    description: str | None = None
    created_at: dt.datetime
    revision: int = 1  # bumped on every saved change: the basis for optimistic concurrency
    base_hash: str | None = Field(
        default=None, sa_type=String(64)
    )  # published content hash the proposal started from


class ChangeRow(SQLModel, table=True):
    """One change of a proposal (a command object, serialised), in order, grouped for undo."""

    __tablename__ = "change"
    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(
        sa_column=Column(Integer, ForeignKey("proposal.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    seq: int
    group_seq: int
    kind: str = Field(sa_type=String(64))
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    rationale: str
    legal_basis: str | None = None
    author: str | None = None
    created_at: dt.datetime
    undone: bool = False  # undone groups stay until a new change is made, so that they can be redone


class SettingRow(SQLModel, table=True):
    """A workspace setting (cost parameters, registry overrides...): one JSON value per key."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, sa_type=String(128))
    value: Any = Field(default=None, sa_type=JSON)
