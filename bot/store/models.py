"""Tables. Time is stored in UTC; local dates are computed with `zoneinfo` where needed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite has no time zones: it stores UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored: pass an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# A session id: buttons name it, so a forged one can be anything up to 18 digits. 64-bit on
# PostgreSQL (migration 0008); on SQLite an INTEGER primary key is the 64-bit rowid already,
# and stays INTEGER so that it keeps numbering new rows.
SessionId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        # The sweep's due-now query reads only these columns: a covering index answers it
        # without touching the table (SQLite: 1.18 → 0.52 ms for 500 due among 100 000).
        # safety_screen: no nudge while a warning sign stands (migration 0006).
        Index(
            "ix_users_due_nudges",
            "next_nudge_at",
            "id",
            "time_zone",
            "reminder_time",
            "next_nudge_kind",
            "safety_screen",
            "language",  # each nudge in the person's language (migration 0010)
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    language: Mapped[str | None] = mapped_column(String(8))
    """The language Limber speaks to the person (a catalogue's name): Telegram's at first
    contact, or their /language choice; NULL for users from before it was stored."""
    time_zone: Mapped[str | None] = mapped_column(String(64))
    reminder_time: Mapped[time | None] = mapped_column(Time)
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    next_nudge_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    blocked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    consent_version: Mapped[str | None] = mapped_column(String(32))
    consented_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    safety_screen: Mapped[str | None] = mapped_column(String(16))
    safety_screened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The standing warning sign (bot/routine/stop_signals.py): its level and when it was raised,
    # and when the last one was cleared (a gentle start and no dose rise for a while after).
    safety_level: Mapped[str | None] = mapped_column(String(16))
    safety_flagged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    safety_cleared_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Reminders: next_nudge_at is NULL whenever no nudge is due (off, blocked, not set up).
    next_nudge_kind: Mapped[str | None] = mapped_column(String(8))
    reminders_asked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # What a free-text answer means right now (e.g. "reminder_time"), or NULL.
    awaiting: Mapped[str | None] = mapped_column(String(16))
    # The default track (content/routines/<id>/), NULL until the floor question is answered.
    track: Mapped[str | None] = mapped_column(String(24))


# A session that ended: completed, or stopped for pain (a rest day is one of them). The condition
# of two partial indexes, written with literals in the queries that use them too: a planner
# proves an index's condition from literals, not from bound parameters.
FINISHED_SESSION = "status IN ('completed', 'stopped_for_pain')"


class RoutineSession(Base):
    """One run through the routine (the table is `sessions`)."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(
            "status IN ('in_progress', 'completed', 'stopped_for_pain', 'abandoned')",
            name="status",
        ),
        CheckConstraint("soreness_before BETWEEN 0 AND 10", name="soreness_before"),
        CheckConstraint("soreness_after BETWEEN 0 AND 10", name="soreness_after"),
        Index("ix_sessions_user_status", "user_id", "status"),
        # The nudge sweep's two look-ups per due user (when they last finished a session, and
        # the one still awaiting its morning check-in) read one or two entries each, however long
        # their history (migration 0012; bench/README.md, "Fifth look").
        Index(
            "ix_sessions_user_finished_at",
            "user_id",
            "finished_at",
            sqlite_where=text(FINISHED_SESSION),
            postgresql_where=text(FINISHED_SESSION),
        ),
        Index(
            "ix_sessions_user_started_at",
            "user_id",
            "started_at",
            sqlite_where=text(FINISHED_SESSION),
            postgresql_where=text(FINISHED_SESSION),
        ),
        # At most one open session per user, even if two taps race to open one.
        Index(
            "uq_sessions_one_open_per_user",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'in_progress'"),
            postgresql_where=text("status = 'in_progress'"),
        ),
    )

    id: Mapped[int] = mapped_column(SessionId, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    phase: Mapped[str] = mapped_column(String(20))
    step: Mapped[int] = mapped_column(SmallInteger, default=0)
    gentler: Mapped[bool] = mapped_column(Boolean, default=False)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    stopped_early: Mapped[bool] = mapped_column(Boolean, default=False)
    rest_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    gentle_start: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    soreness_before: Mapped[int | None] = mapped_column(SmallInteger)
    soreness_after: Mapped[int | None] = mapped_column(SmallInteger)
    content_version: Mapped[str] = mapped_column(String(32))
    # The track this session runs (content/routines/<id>/).
    routine_id: Mapped[str] = mapped_column(String(24), default="floor", server_default="floor")
    language: Mapped[str | None] = mapped_column(String(8))
    """The language the session started in (a catalogue's name); NULL before it was stored."""
    version: Mapped[int] = mapped_column(Integer, default=1)


class StepResult(Base):
    __tablename__ = "step_results"
    __table_args__ = (UniqueConstraint("session_id", "step", name="uq_step_results_session_step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column(SmallInteger)
    exercise_key: Mapped[str] = mapped_column(String(32))
    side: Mapped[str | None] = mapped_column(String(8))
    outcome: Mapped[str] = mapped_column(String(16))
    reps: Mapped[int] = mapped_column(SmallInteger)
    hold_seconds: Mapped[int] = mapped_column(SmallInteger)
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class SorenessReport(Base):
    __tablename__ = "soreness_reports"
    __table_args__ = (
        CheckConstraint("score BETWEEN 0 AND 10", name="score"),
        Index("ix_soreness_reports_user_at", "user_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    score: Mapped[int] = mapped_column(SmallInteger)
    context: Mapped[str] = mapped_column(String(16))


class Nudge(Base):
    """One reminder for one local day: claimed under a lease, then sent (or dropped).

    Unique per user, local day and kind, so the same day's nudge can never be claimed twice.

    No foreign key to users (migration 0013): the only writer, the claim, inserts nudges for the
    user rows it holds locked in the same transaction, and /delete removes a person's nudges
    with the rest of their rows (`PersonalDataQueries.delete`). The key's check of each inserted
    row cost ~10 ms of the claim of 1 000 nudges (bench/README.md, "Sixth look").
    """

    __tablename__ = "nudges"
    __table_args__ = (
        UniqueConstraint("user_id", "local_date", "kind", name="uq_nudges_user_day_kind"),
        Index("ix_nudges_status_lease", "status", "lease_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    local_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(String(10))
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    # What the user did with it: "started", "snoozed" or "skipped" (a rest day, for the streak).
    answer: Mapped[str | None] = mapped_column(String(8))


class ExerciseDose(Base):
    """The adaptation state: a user's current dose of one exercise (the table is `doses`)."""

    __tablename__ = "doses"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    exercise_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    reps: Mapped[int] = mapped_column(SmallInteger)
    hold_seconds: Mapped[int] = mapped_column(SmallInteger)
    gentler_default: Mapped[bool] = mapped_column(Boolean, default=False)
    # What bot.routine.adaptation needs to stay idempotent (see bot/routine/dosing.py).
    since_session: Mapped[int | None] = mapped_column(SessionId)
    raised_after: Mapped[int | None] = mapped_column(SessionId)
    eased_after: Mapped[int | None] = mapped_column(SessionId)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class CheckIn(Base):
    """The morning-after answer: is the back better, the same or worse than before the session?"""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    answer: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class SafetyEvent(Base):
    """A safety event (a red flag, a rest day, a flare-up): its kind and time, never free text."""

    __tablename__ = "safety_events"
    __table_args__ = (Index("ix_safety_events_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(24))
    level: Mapped[str | None] = mapped_column(String(16))


class MediaFile(Base):
    """A file uploaded to Telegram once, reused by its file_id (an animation or a voice guide).

    `media_key` names the rendered file (`bot.media.library.media_key`); no user data.
    """

    __tablename__ = "media_files"

    media_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    file_id: Mapped[str] = mapped_column(String(255))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime())
