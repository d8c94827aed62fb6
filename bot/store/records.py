"""Plain records: what the store hands to the use cases (never a database row or object)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from bot.routine.content import DEFAULT_TRACK
from bot.routine.conversation import OpenQuestion
from bot.routine.dosing import PersonalDose
from bot.routine.nudging import NudgeKind
from bot.routine.session import SessionState
from bot.routine.stop_signals import SafetyRecord


@dataclass(frozen=True)
class UserRecord:
    id: int
    consent_version: str | None
    safety: SafetyRecord = field(default_factory=SafetyRecord)
    time_zone: str | None = None
    track: str | None = None
    """The default track; None until the floor question is answered."""


@dataclass(frozen=True)
class SessionRecord:
    user_id: int
    state: SessionState
    version: int


@dataclass(frozen=True)
class TapRead:
    """What a tap reads: the session, the user's adapted doses, whether a warning sign stands."""

    record: SessionRecord
    doses: dict[str, PersonalDose]
    safety_paused: bool


class SessionConflictError(Exception):
    """Another request changed the same session first; the unit of work must be rolled back."""


class StaleSessionError(SessionConflictError):
    """Another transition got there first (the row's version moved on, or the step's outcome
    is already recorded)."""


class SessionAlreadyOpenError(SessionConflictError):
    """Another request opened this user's session at the same moment (one open per user)."""


@dataclass(frozen=True)
class ReminderSettings:
    user_id: int
    time_zone: str | None
    reminder_time: time | None
    enabled: bool
    next_nudge_at: datetime | None
    next_nudge_kind: NudgeKind | None
    awaiting: OpenQuestion | None
    asked_at: datetime | None


@dataclass(frozen=True)
class ClaimedNudge:
    id: int
    user_id: int
    local_date: date
    kind: NudgeKind
    due_at: datetime


@dataclass(frozen=True)
class StoredSession:
    id: int
    started_at: datetime
    status: str
    rest_day: bool
    gentle_start: bool
    soreness_before: int | None
    soreness_after: int | None
    outcomes: dict[str, str]
    check_in: str | None
    routine_id: str = DEFAULT_TRACK
