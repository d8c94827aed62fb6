"""Progress and safety: morning check-ins, safety events, rest days, dose bookkeeping.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 11:04:16.120110
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "safety_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_safety_events_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_events")),
    )
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.create_index("ix_safety_events_user_at", ["user_id", "at"], unique=False)

    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_check_ins_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_check_ins_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_ins")),
        sa.UniqueConstraint("session_id", name=op.f("uq_check_ins_session_id")),
    )
    with op.batch_alter_table("check_ins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_ins_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("doses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("since_session", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("raised_after", sa.Integer(), nullable=True))

    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rest_day", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("gentle_start", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answer", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("nudges", schema=None) as batch_op:
        batch_op.drop_column("answer")

    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_column("gentle_start")
        batch_op.drop_column("rest_day")

    with op.batch_alter_table("doses", schema=None) as batch_op:
        batch_op.drop_column("raised_after")
        batch_op.drop_column("since_session")

    with op.batch_alter_table("check_ins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_ins_user_id"))

    op.drop_table("check_ins")
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.drop_index("ix_safety_events_user_at")

    op.drop_table("safety_events")
