"""Queries for progress and adaptation: a user's sessions with outcomes, check-ins, skipped days."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import bindparam, select

from bot.routine.nudging import NudgeAnswer
from bot.store.database import StoreConnection
from bot.store.models import CheckIn, Nudge, RoutineSession, StepResult
from bot.store.records import StoredSession
from bot.store.session_queries import dialect_insert

_SESSIONS = (
    select(
        RoutineSession.id,
        RoutineSession.started_at,
        RoutineSession.status,
        RoutineSession.rest_day,
        RoutineSession.gentle_start,
        RoutineSession.soreness_before,
        RoutineSession.soreness_after,
        RoutineSession.routine_id,
    )
    .where(
        RoutineSession.user_id == bindparam("b_user_id"),
        RoutineSession.started_at >= bindparam("b_since"),
    )
    .order_by(RoutineSession.id)
)
_OUTCOMES = (
    select(StepResult.session_id, StepResult.exercise_key, StepResult.outcome)
    .join(RoutineSession, RoutineSession.id == StepResult.session_id)
    .where(
        RoutineSession.user_id == bindparam("b_user_id"),
        RoutineSession.started_at >= bindparam("b_since"),
    )
)
_CHECK_INS = select(CheckIn.session_id, CheckIn.answer).where(
    CheckIn.user_id == bindparam("b_user_id"), CheckIn.at >= bindparam("b_since")
)
_SKIPPED_DAYS = select(Nudge.local_date).where(
    Nudge.user_id == bindparam("b_user_id"),
    Nudge.answer == NudgeAnswer.SKIPPED.value,
    Nudge.local_date >= bindparam("b_since_day"),
)


class HistoryQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def sessions(self, user_id: int, since: datetime) -> list[StoredSession]:
        """The user's sessions started since *since*, oldest first, with outcomes and check-ins."""
        params = {"b_user_id": user_id, "b_since": since}
        outcomes: dict[int, dict[str, str]] = {}
        for session_id, key, outcome in await self._connection.execute(_OUTCOMES, params):
            outcomes.setdefault(session_id, {})[key] = outcome
        check_ins = dict(
            (row.session_id, row.answer)
            for row in await self._connection.execute(_CHECK_INS, params)
        )
        return [
            StoredSession(
                id=row.id,
                started_at=row.started_at,
                status=row.status,
                rest_day=row.rest_day,
                gentle_start=row.gentle_start,
                soreness_before=row.soreness_before,
                soreness_after=row.soreness_after,
                outcomes=outcomes.get(row.id, {}),
                check_in=check_ins.get(row.id),
                routine_id=row.routine_id,
            )
            for row in await self._connection.execute(_SESSIONS, params)
        ]

    async def skipped_days(self, user_id: int, since: date) -> set[date]:
        """Local days the user chose "skip today" on a nudge (rest days: they keep a streak)."""
        rows = await self._connection.execute(
            _SKIPPED_DAYS, {"b_user_id": user_id, "b_since_day": since}
        )
        return {day for (day,) in rows}

    async def add_check_in(self, user_id: int, session_id: int, answer: str, now: datetime) -> bool:
        """Store the morning-after answer; False if this session was already checked in."""
        result = await self._connection.execute(
            dialect_insert(self._connection)(CheckIn)
            .on_conflict_do_nothing(index_elements=[CheckIn.session_id])
            .returning(CheckIn.id),
            {"user_id": user_id, "session_id": session_id, "answer": answer, "at": now},
        )
        return result.first() is not None
