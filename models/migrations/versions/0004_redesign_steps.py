"""Redesigns: steps that happen remotely or look data up; undone change groups kept for redo; proposal base.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("step") as batch:
        batch.add_column(sa.Column("in_person", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("data_source", sa.String(length=64), nullable=True))
    with op.batch_alter_table("change") as batch:
        batch.add_column(sa.Column("undone", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("proposal") as batch:
        batch.add_column(sa.Column("base_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("proposal") as batch:
        batch.drop_column("base_hash")
    with op.batch_alter_table("change") as batch:
        batch.drop_column("undone")
    with op.batch_alter_table("step") as batch:
        batch.drop_column("data_source")
        batch.drop_column("in_person")
