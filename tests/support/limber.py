"""Limber's real Application on the fake Bot API: what end-to-end tests and benchmarks drive."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.bootstrap import nudge_policy
from bot.coach import Coach, utc_now
from bot.config import Settings
from bot.routine.content import Content, load_content
from bot.store.database import Database
from bot.telegram.app import build_application
from bot.telegram.context import LimberApplication
from tests.support.fake_bot_api import FakeBotApi
from tests.support.updates import ChatUser, FakeUser, HandlerErrors


def limber_settings(api: FakeBotApi, database_url: str, **overrides: Any) -> Settings:
    """Settings for a test: never read from the developer's `.env`."""
    values: dict[str, Any] = {"bot_token": api.token, "database_url": database_url}
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class Limber:
    """One running bot process: its Application, coach and database, and the errors it raised."""

    application: LimberApplication
    coach: Coach
    database: Database
    api: FakeBotApi
    errors: HandlerErrors

    def user(self, user: FakeUser | None = None) -> ChatUser:
        return ChatUser(self.application, self.api, user)


@asynccontextmanager
async def running_limber(
    api: FakeBotApi,
    database_url: str,
    *,
    clock: Callable[[], datetime] = utc_now,
    content: Content | None = None,
    start: bool = False,
    **settings: Any,
) -> AsyncIterator[Limber]:
    """Limber on *api*, initialized (and with `start=True` also started: jobs run)."""
    config = limber_settings(api, database_url, **settings)
    database = Database(database_url)
    coach = Coach(
        content or load_content(),
        database,
        clock=clock,
        nudge_policy=nudge_policy(config),
        admin_ids=config.admin_ids,
    )
    application = build_application(config, coach, request=api)
    errors = HandlerErrors.attach(application)
    assert application.post_init is not None
    assert application.post_shutdown is not None
    try:
        async with application:
            await application.post_init(application)
            if start:
                await application.start()
            try:
                yield Limber(application, coach, database, api, errors)
            finally:
                if start:
                    await application.stop()
    finally:
        await application.post_shutdown(application)
