"""Runs carry their owner (the server that queued them), a heartbeat, and the run they repeat.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    """Add the owner, heartbeat and rerun_of columns; runs from before have no owner."""
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("owner", sa.String(200), nullable=True))
        batch.add_column(sa.Column("heartbeat", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("rerun_of", sa.String(36), nullable=True))
        batch.create_index("ix_runs_owner", ["owner"])


def downgrade() -> None:
    """Drop the three columns."""
    with op.batch_alter_table("runs") as batch:
        batch.drop_index("ix_runs_owner")
        batch.drop_column("rerun_of")
        batch.drop_column("heartbeat")
        batch.drop_column("owner")
