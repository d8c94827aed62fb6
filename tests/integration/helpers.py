"""Small helpers for the integration tests: press a button by its label, read rows back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, select

from bot.routine.views import Reply, View
from bot.store.database import Database
from bot.store.models import RoutineSession, SorenessReport, StepResult, User
from tests.support.driver import CoachDriver


def button(view: View, label: str) -> str:
    """The action data of the button labelled *label* on *view*."""
    for action in view.actions:
        if action.label == label:
            return action.data
    labels = [action.label for action in view.actions]
    raise AssertionError(f"no button {label!r} on the screen; it has {labels}\n{view.text}")


def labels(view: View) -> list[str]:
    return [action.label for action in view.actions]


class Chat:
    """One person talking to Limber: remembers the screen on show, taps its buttons by label."""

    def __init__(self, coach: CoachDriver, user_id: int) -> None:
        self.coach = coach
        self.user_id = user_id
        self.view: View | None = None

    @property
    def screen(self) -> View:
        assert self.view is not None, "nothing on screen yet"
        return self.view

    async def start(self) -> View:
        self.view = await self.coach.start(self.user_id)
        return self.view

    async def open_session(self) -> View:
        self.view = await self.coach.open_session(self.user_id)
        return self.view

    async def tap(self, label: str) -> Reply:
        """Tap the button labelled *label* on the current screen; the reply's view replaces it."""
        reply = await self.coach.tap(self.user_id, button(self.screen, label))
        if reply.view is not None:
            self.view = reply.view
        return reply

    async def type(self, text: str) -> View:
        self.view = await self.coach.text(self.user_id, text)
        return self.view


async def rows(
    database: Database, table: Table, *order_by: Any, **where: Any
) -> list[dict[str, Any]]:
    """All rows of *table* (optionally filtered by column=value) as plain dicts."""
    query = select(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    if order_by:
        query = query.order_by(*order_by)
    async with database.transaction() as session:
        result = await session.execute(query)
        return [dict(row) for row in result.mappings()]


async def count(database: Database, table: Table, **where: Any) -> int:
    query = select(func.count()).select_from(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    async with database.transaction() as session:
        return int((await session.execute(query)).scalar_one())


USERS: Table = User.__table__  # type: ignore[assignment]
SESSIONS: Table = RoutineSession.__table__  # type: ignore[assignment]
STEP_RESULTS: Table = StepResult.__table__  # type: ignore[assignment]
SORENESS_REPORTS: Table = SorenessReport.__table__  # type: ignore[assignment]


async def one_session(database: Database, user_id: int) -> dict[str, Any]:
    sessions = await rows(database, SESSIONS, user_id=user_id)
    assert len(sessions) == 1, sessions
    return sessions[0]


async def snapshot(database: Database) -> dict[str, Sequence[dict[str, Any]]]:
    """Everything the coach writes, to compare before and after a tap that must change nothing."""
    return {
        "users": await rows(database, USERS, USERS.c.id),
        "sessions": await rows(database, SESSIONS, SESSIONS.c.id),
        "step_results": await rows(database, STEP_RESULTS, STEP_RESULTS.c.id),
        "soreness_reports": await rows(database, SORENESS_REPORTS, SORENESS_REPORTS.c.id),
    }
