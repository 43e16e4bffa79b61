"""Procedures as published: the procedure table, its ordered parts, and the import log.

Revision ID: 0001
Revises: None
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "procedure",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("field", sa.String(), nullable=True),
        sa.Column("issuing_body", sa.String(), nullable=True),
        sa.Column("competent_authorities", sa.JSON(), nullable=False),
        sa.Column("executing_agencies", sa.JSON(), nullable=False),
        sa.Column("authorised_agencies", sa.JSON(), nullable=False),
        sa.Column("coordinating_agencies", sa.JSON(), nullable=False),
        sa.Column("subjects", sa.JSON(), nullable=False),
        sa.Column("receiving_address", sa.String(), nullable=True),
        sa.Column("requirements", sa.JSON(), nullable=False),
        sa.Column("announcement_decision", sa.String(), nullable=True),
        sa.Column("announcement_date", sa.Date(), nullable=True),
        sa.Column("announcement_issuer", sa.String(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("is_local_specific", sa.Boolean(), nullable=False),
        sa.Column("full_process_online_declared", sa.Boolean(), nullable=True),
        sa.Column("related_codes", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("search_key", sa.String(), nullable=False),
        sa.Column("source_format", sa.String(length=32), nullable=True),
        sa.Column("source_path", sa.String(), nullable=True),
        sa.Column("source_record", sa.String(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code", name="uq_procedure_code"),
    )

    op.create_table(
        "channel",
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("time_limit", sa.Float(), nullable=True),
        sa.Column("time_unit", sa.String(length=16), nullable=True),
        sa.Column("time_note", sa.String(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("channel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_channel_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "fee",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_vnd", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("channel_position", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("fee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fee_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "step",
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("actor", sa.String(length=24), nullable=True),
        sa.Column("time_text", sa.String(), nullable=True),
        sa.Column("time_limit", sa.Float(), nullable=True),
        sa.Column("time_unit", sa.String(length=16), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "dossier_item",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_normalized", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("group", sa.String(length=16), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.Column("copy_forms", sa.JSON(), nullable=False),
        sa.Column("template", sa.String(), nullable=True),
        sa.Column("condition", sa.String(), nullable=True),
        sa.Column("issuer", sa.String(), nullable=True),
        sa.Column("case", sa.String(), nullable=True),
        sa.Column("source_code", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dossier_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossier_item_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("heading", sa.String(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "result",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_result_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "legal_reference",
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("number", sa.String(length=128), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("legal_reference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_legal_reference_procedure_id"), ["procedure_id"], unique=False)

    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "procedure_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_fields", sa.JSON(), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedure.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("procedure_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_change_procedure_id"), ["procedure_id"], unique=False)


def downgrade() -> None:
    op.drop_table("procedure_change")
    op.drop_table("import_batch")
    op.drop_table("legal_reference")
    op.drop_table("result")
    op.drop_table("note")
    op.drop_table("dossier_item")
    op.drop_table("step")
    op.drop_table("fee")
    op.drop_table("channel")
    op.drop_table("procedure")
