"""The language Limber speaks to each person is stored: Telegram's at first contact, or their
/language choice. Rows from before were all written "en" without anyone choosing it: they become
NULL (not stored yet) and take the language of their next update, once. The due-nudges covering
index carries the language too: each nudge is written in it, with no extra read.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 17:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_INDEX = ["next_nudge_at", "id", "time_zone", "reminder_time", "next_nudge_kind", "safety_screen"]


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.alter_column("language", existing_type=sa.String(length=8), nullable=True)
        batch.drop_index("ix_users_due_nudges")
        batch.create_index("ix_users_due_nudges", [*_INDEX, "language"], unique=False)
    op.execute("UPDATE users SET language = NULL")


def downgrade() -> None:
    op.execute("UPDATE users SET language = 'en' WHERE language IS NULL")
    with op.batch_alter_table("users") as batch:
        batch.drop_index("ix_users_due_nudges")
        batch.create_index("ix_users_due_nudges", _INDEX, unique=False)
        batch.alter_column("language", existing_type=sa.String(length=8), nullable=False)
