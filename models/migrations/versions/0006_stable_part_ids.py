"""Stable identities: every dossier item and step gets an id that follows it (``I1``…, ``S1``…), findings name it.

Changes, findings, comparisons, diagrams and the redesign editor used to find a part again by its position and its
text, so that two items with the same name shared one finding and a re-import that reordered items moved findings
onto other items. Existing workspaces are upgraded in place: parts are numbered in their published order, which is
what a new import does, and each stored finding names the item at its position.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("dossier_item", "step"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("uid", sa.String(length=16), nullable=True))
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("item_uid", sa.String(length=16), nullable=True))
    # CAST(... AS VARCHAR) and || read the same on SQLite and PostgreSQL
    op.execute("UPDATE dossier_item SET uid = 'I' || CAST(position + 1 AS VARCHAR)")
    op.execute("UPDATE step SET uid = 'S' || CAST(position + 1 AS VARCHAR)")
    op.execute("UPDATE finding SET item_uid = 'I' || CAST(item_position + 1 AS VARCHAR)")


def downgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.drop_column("item_uid")
    for table in ("step", "dossier_item"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("uid")
