"""Reading a person's session history for the pure progress and adaptation rules (inside a uow)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.routine.nudging import zone_or_none
from bot.routine.progress import CheckIn, SessionHistory
from bot.routine.session import Outcome, Status
from bot.store.records import StoredSession
from bot.store.unit_of_work import UnitOfWork

HISTORY_DAYS = 90
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def zone_or_utc(name: str | None) -> ZoneInfo:
    return zone_or_none(name) or ZoneInfo("UTC")


async def load_history(
    uow: UnitOfWork,
    user_id: int,
    zone: ZoneInfo,
    now: datetime,
    *,
    days: int | None = HISTORY_DAYS,
) -> list[SessionHistory]:
    """The user's sessions of the last *days* days (None: all of them), oldest first."""
    since = EPOCH if days is None else now - timedelta(days=days)
    stored = await uow.progress.sessions(user_id, since)
    return [_history_entry(session, zone) for session in stored]


def _history_entry(session: StoredSession, zone: ZoneInfo) -> SessionHistory:
    return SessionHistory(
        session_id=session.id,
        local_date=session.started_at.astimezone(zone).date(),
        status=Status(session.status),
        soreness_before=session.soreness_before,
        soreness_after=session.soreness_after,
        outcomes={key: Outcome(outcome) for key, outcome in session.outcomes.items()},
        check_in=CheckIn(session.check_in) if session.check_in else None,
        gentle_start=session.gentle_start,
        rest_day=session.rest_day,
        started_at=session.started_at,
        routine_id=session.routine_id,
    )
