"""Two partial indexes on finished sessions for the nudge sweep: per due user it reads when they
last finished a session and the one still awaiting its morning check-in. With only
(user_id, status) to go on, both read every finished session the person ever had: a month of
history made the claim of 1 000 nudges 56 → 121 ms (bench/README.md, "Fifth look").

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FINISHED = "status IN ('completed', 'stopped_for_pain')"


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        for column in ("finished_at", "started_at"):
            batch.create_index(
                f"ix_sessions_user_{column}",
                ["user_id", column],
                unique=False,
                sqlite_where=sa.text(_FINISHED),
                postgresql_where=sa.text(_FINISHED),
            )


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_index("ix_sessions_user_started_at")
        batch.drop_index("ix_sessions_user_finished_at")
