"""resolution_splits: pairs of accounts an analyst split (rasad split)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolution_splits",
        sa.Column("account_a", sa.String(length=250), nullable=False),
        sa.Column("account_b", sa.String(length=250), nullable=False),
        sa.Column("split_account", sa.String(length=250), nullable=False),
        sa.Column("event_id", sa.String(length=250), nullable=False),
        sa.Column("split_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_a", "account_b", name=op.f("pk_resolution_splits")),
    )
    op.create_index(
        op.f("ix_resolution_splits_account_b"), "resolution_splits", ["account_b"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_resolution_splits_account_b"), table_name="resolution_splits")
    op.drop_table("resolution_splits")
