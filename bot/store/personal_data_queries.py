"""A user's data, all of it: read for an export, or deleted from every table."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, delete, select

from bot.store.database import StoreConnection
from bot.store.models import (
    Base,
    CheckIn,
    ExerciseDose,
    Nudge,
    RoutineSession,
    SafetyEvent,
    SorenessReport,
    StepResult,
    User,
)

# Tables with a user_id column, children before parents (the order deletes run in).
USER_TABLES: tuple[Table, ...] = tuple(
    Base.metadata.tables[name]
    for name in (
        CheckIn.__tablename__,
        SorenessReport.__tablename__,
        SafetyEvent.__tablename__,
        Nudge.__tablename__,
        ExerciseDose.__tablename__,
    )
)


class PersonalDataQueries:
    """Everything stored about one person: read for an export, or deleted from every table."""

    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def export(self, user_id: int) -> dict[str, Any] | None:
        """Every row about *user_id*, as plain JSON-ready values; None if nothing is stored."""
        users = await self._rows(select(User.__table__).where(User.id == user_id))
        if not users:
            return None
        sessions = await self._rows(
            select(RoutineSession.__table__)
            .where(RoutineSession.user_id == user_id)
            .order_by(RoutineSession.id)
        )
        steps = await self._rows(
            select(StepResult.__table__)
            .join(RoutineSession, RoutineSession.id == StepResult.session_id)
            .where(RoutineSession.user_id == user_id)
            .order_by(StepResult.session_id, StepResult.step)
        )
        data: dict[str, Any] = {"user": users[0], "sessions": sessions, "step_results": steps}
        for table in USER_TABLES:
            data[table.name] = await self._rows(
                select(table).where(table.c.user_id == user_id).order_by(*table.primary_key)
            )
        return data

    async def delete(self, user_id: int) -> bool:
        """Remove every row of *user_id* from every table; False if there was nothing."""
        session_ids = select(RoutineSession.id).where(RoutineSession.user_id == user_id)
        await self._connection.execute(
            delete(StepResult).where(StepResult.session_id.in_(session_ids))
        )
        for table in USER_TABLES:
            await self._connection.execute(delete(table).where(table.c.user_id == user_id))
        await self._connection.execute(
            delete(RoutineSession).where(RoutineSession.user_id == user_id)
        )
        result = await self._connection.execute(delete(User).where(User.id == user_id))
        return bool(result.rowcount)

    async def _rows(self, query: Any) -> list[dict[str, Any]]:
        result = await self._connection.execute(query)
        return [{key: _plain(value) for key, value in row.items()} for row in result.mappings()]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value
