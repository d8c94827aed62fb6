"""Tracks: each session names its track (routine), and a person has a default track.

`sessions.routine_id`: the track the session runs (the floor routine for every session before
tracks). `users.track`: the person's default track, NULL until they have answered the floor
question ("Can you get down to the floor and back up comfortably?").

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 15:35:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(
            sa.Column("routine_id", sa.String(length=24), nullable=False, server_default="floor")
        )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("track", sa.String(length=24), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("track")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("routine_id")
