"""Stops that hold: the standing warning sign's level and times; doses eased once per "worse".

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 05:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), so existing rows and their children are untouched.
    op.add_column("users", sa.Column("safety_level", sa.String(length=16), nullable=True))
    op.add_column(
        "users", sa.Column("safety_flagged_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "users", sa.Column("safety_cleared_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("doses", sa.Column("eased_after", sa.Integer(), nullable=True))
    # A flag standing before this revision was raised by the checklist or by free text that
    # matched an urgent pattern: treat it as emergency-level, flagged when it was screened.
    op.execute(
        "UPDATE users SET safety_level = 'emergency', safety_flagged_at = safety_screened_at "
        "WHERE safety_screen = 'flagged'"
    )


def downgrade() -> None:
    with op.batch_alter_table("doses", schema=None) as batch_op:
        batch_op.drop_column("eased_after")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("safety_cleared_at")
        batch_op.drop_column("safety_flagged_at")
        batch_op.drop_column("safety_level")
