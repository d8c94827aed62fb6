"""The due-nudges covering index also carries safety_screen: no nudge while a warning sign stands.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BEFORE = ["next_nudge_at", "id", "time_zone", "reminder_time", "next_nudge_kind"]


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_due_nudges")
        batch_op.create_index("ix_users_due_nudges", [*_BEFORE, "safety_screen"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_due_nudges")
        batch_op.create_index("ix_users_due_nudges", _BEFORE, unique=False)
