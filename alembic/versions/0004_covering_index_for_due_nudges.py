"""A covering index for the nudge sweep's due-now query (replaces the plain one).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 11:37:03.811921
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_next_nudge_at"))
        batch_op.create_index(
            "ix_users_due_nudges",
            ["next_nudge_at", "id", "time_zone", "reminder_time", "next_nudge_kind"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_due_nudges")
        batch_op.create_index(batch_op.f("ix_users_next_nudge_at"), ["next_nudge_at"], unique=False)
