"""Initial schema: users, sessions, step results, soreness reports, doses.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 10:44:45.660291
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("reminder_time", sa.Time(), nullable=True),
        sa.Column("reminders_enabled", sa.Boolean(), nullable=False),
        sa.Column("next_nudge_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consent_version", sa.String(length=32), nullable=True),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("safety_screen", sa.String(length=16), nullable=True),
        sa.Column("safety_screened_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_next_nudge_at"), ["next_nudge_at"], unique=False)

    op.create_table(
        "doses",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("exercise_key", sa.String(length=32), nullable=False),
        sa.Column("reps", sa.SmallInteger(), nullable=False),
        sa.Column("hold_seconds", sa.SmallInteger(), nullable=False),
        sa.Column("gentler_default", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_doses_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "exercise_key", name=op.f("pk_doses")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("step", sa.SmallInteger(), nullable=False),
        sa.Column("gentler", sa.Boolean(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("stopped_early", sa.Boolean(), nullable=False),
        sa.Column("soreness_before", sa.SmallInteger(), nullable=True),
        sa.Column("soreness_after", sa.SmallInteger(), nullable=True),
        sa.Column("content_version", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('in_progress', 'completed', 'stopped_for_pain', 'abandoned')",
            name=op.f("ck_sessions_status"),
        ),
        sa.CheckConstraint(
            "soreness_after BETWEEN 0 AND 10", name=op.f("ck_sessions_soreness_after")
        ),
        sa.CheckConstraint(
            "soreness_before BETWEEN 0 AND 10", name=op.f("ck_sessions_soreness_before")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index("ix_sessions_user_status", ["user_id", "status"], unique=False)
        batch_op.create_index(
            "uq_sessions_one_open_per_user",
            ["user_id"],
            unique=True,
            sqlite_where=sa.text("status = 'in_progress'"),
            postgresql_where=sa.text("status = 'in_progress'"),
        )

    op.create_table(
        "soreness_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("context", sa.String(length=16), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name=op.f("ck_soreness_reports_score")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_soreness_reports_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_soreness_reports_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_soreness_reports")),
    )
    with op.batch_alter_table("soreness_reports", schema=None) as batch_op:
        batch_op.create_index("ix_soreness_reports_user_at", ["user_id", "at"], unique=False)

    op.create_table(
        "step_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.SmallInteger(), nullable=False),
        sa.Column("exercise_key", sa.String(length=32), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reps", sa.SmallInteger(), nullable=False),
        sa.Column("hold_seconds", sa.SmallInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_step_results_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_results")),
        sa.UniqueConstraint("session_id", "step", name="uq_step_results_session_step"),
    )


def downgrade() -> None:

    op.drop_table("step_results")
    with op.batch_alter_table("soreness_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_soreness_reports_user_at")

    op.drop_table("soreness_reports")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_sessions_one_open_per_user",
            sqlite_where=sa.text("status = 'in_progress'"),
            postgresql_where=sa.text("status = 'in_progress'"),
        )
        batch_op.drop_index("ix_sessions_user_status")

    op.drop_table("sessions")
    op.drop_table("doses")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_next_nudge_at"))

    op.drop_table("users")
