"""Totals for operators (`/stats`): counts only, no one's health data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from bot.routine.progress_screens import UsageTotals
from bot.routine.session import Status
from bot.store.database import StoreConnection
from bot.store.models import RoutineSession, User


class UsageQueries:
    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def since(self, since: datetime) -> UsageTotals:
        return await _usage_since(self._connection, since)


async def _usage_since(connection: StoreConnection, since: datetime) -> UsageTotals:
    recent = RoutineSession.started_at >= since
    users = (await connection.execute(select(func.count()).select_from(User))).scalar_one()
    active = (
        await connection.execute(
            select(func.count(func.distinct(RoutineSession.user_id))).where(recent)
        )
    ).scalar_one()
    sessions = (
        await connection.execute(select(func.count()).select_from(RoutineSession).where(recent))
    ).scalar_one()
    completed = (
        await connection.execute(
            select(func.count())
            .select_from(RoutineSession)
            .where(recent, RoutineSession.status == Status.COMPLETED.value)
        )
    ).scalar_one()
    changes = (
        await connection.execute(
            select(RoutineSession.soreness_after - RoutineSession.soreness_before).where(
                recent,
                RoutineSession.status == Status.COMPLETED.value,
                RoutineSession.soreness_before.is_not(None),
                RoutineSession.soreness_after.is_not(None),
            )
        )
    ).scalars()
    return UsageTotals(users, active, sessions, completed, [c for c in changes if c is not None])
