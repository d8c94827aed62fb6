"""Drive Limber's router the way an adapter does, with one method per kind of input.

Integration tests call these instead of Telegram: each goes through `Coach.handle`, exactly as the
Telegram handlers and the terminal chat do, and returns the screen (or the whole reply for taps).
"""

from __future__ import annotations

from typing import Any

from bot.bootstrap import Services, bootstrap
from bot.config import Settings
from bot.routine.content import Content
from bot.routine.inputs import (
    ButtonTap,
    ChatMembership,
    Command,
    CommandName,
    SharedLocation,
    TimerTick,
    TypedText,
)
from bot.routine.views import Reply, View
from bot.store.database import Database
from bot.use_cases.dependencies import Clock, utc_now


def settings_for_test(database_url: str, **overrides: Any) -> Settings:
    """Settings for a test: never read from the developer's `.env`."""
    return Settings(_env_file=None, database_url=database_url, **overrides)  # type: ignore[call-arg]


class CoachDriver:
    """One Limber (its services) and the inputs a person can send it."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.coach = services.coach
        self.database = services.database
        self.content = services.content
        self.clock = services.clock
        self.outbox = services.outbox
        self.screens = services.coach.screens
        self.unit_of_work = services.unit_of_work

    @classmethod
    def build(
        cls,
        content: Content,
        database: Database,
        clock: Clock = utc_now,
        **settings: Any,
    ) -> CoachDriver:
        config = settings_for_test(database.url, **settings)
        return cls(bootstrap(config, clock=clock, content=content, database=database))

    async def command(self, user_id: int, name: CommandName) -> View:
        reply = await self.coach.handle(user_id, Command(name))
        assert reply.view is not None
        return reply.view

    async def start(self, user_id: int) -> View:
        return await self.command(user_id, CommandName.START)

    async def open_session(self, user_id: int) -> View:
        return await self.command(user_id, CommandName.SESSION)

    async def progress_report(self, user_id: int) -> View:
        return await self.command(user_id, CommandName.PROGRESS)

    async def show_reminders(self, user_id: int) -> View:
        return await self.command(user_id, CommandName.REMINDERS)

    async def export(self, user_id: int) -> View:
        return await self.command(user_id, CommandName.EXPORT)

    async def confirm_delete(self, user_id: int = 0) -> View:
        return await self.command(user_id, CommandName.DELETE)

    async def tap(self, user_id: int, data: str) -> Reply:
        return await self.coach.handle(user_id, ButtonTap(data))

    async def text(self, user_id: int, text: str) -> View:
        reply = await self.coach.handle(user_id, TypedText(text))
        assert reply.view is not None
        return reply.view

    async def location(self, user_id: int, latitude: float, longitude: float) -> View:
        reply = await self.coach.handle(user_id, SharedLocation(latitude, longitude))
        assert reply.view is not None
        return reply.view

    async def timer_screen(
        self, user_id: int, session_id: int, step: int, seconds_left: int
    ) -> View | None:
        return (await self.coach.handle(user_id, TimerTick(session_id, step, seconds_left))).view

    async def chat_blocked(self, user_id: int) -> None:
        await self.coach.handle(user_id, ChatMembership(blocked=True))

    async def chat_unblocked(self, user_id: int) -> None:
        await self.coach.handle(user_id, ChatMembership(blocked=False))
