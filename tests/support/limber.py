"""Limber's real Application on the fake Bot API: what end-to-end tests and benchmarks drive."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.bootstrap import Services, bootstrap
from bot.coach import Coach
from bot.config import Settings
from bot.routine.content import Content, load_content
from bot.routine.languages import Languages
from bot.store.database import Database
from bot.store.unit_of_work import UnitOfWorkFactory
from bot.telegram.app import build_application
from bot.telegram.context import LimberApplication
from bot.use_cases.dependencies import utc_now
from bot.use_cases.media_delivery import MediaFiles
from tests.support.fake_bot_api import FakeBotApi
from tests.support.updates import ChatUser, FakeUser, HandlerErrors


def limber_settings(api: FakeBotApi, database_url: str, **overrides: Any) -> Settings:
    """Settings for a test: never read from the developer's `.env`."""
    values: dict[str, Any] = {
        "bot_token": api.token,
        "database_url": database_url,
        "media_dir": None,  # text screens unless a test asks for media
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class Limber:
    """One running bot process: its Application and services, and the errors it raised."""

    application: LimberApplication
    services: Services
    api: FakeBotApi
    errors: HandlerErrors

    @property
    def coach(self) -> Coach:
        return self.services.coach

    @property
    def database(self) -> Database:
        return self.services.database

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
    unit_of_work: Callable[[Database], UnitOfWorkFactory] | None = None,
    media_library: MediaFiles | None = None,
    languages: Languages | None = None,
    **settings: Any,
) -> AsyncIterator[Limber]:
    """Limber on *api*, initialized (and with `start=True` also started: jobs run).

    *unit_of_work*, given the Database, makes the units of work (e.g. one that counts them).
    """
    config = limber_settings(api, database_url, **settings)
    database = Database(database_url)
    services = bootstrap(
        config,
        clock=clock,
        content=content or load_content(),
        database=database,
        unit_of_work=unit_of_work(database) if unit_of_work else None,
        media_library=media_library,
        languages=languages,
    )
    application = build_application(services, request=api)
    errors = HandlerErrors.attach(application)
    assert application.post_init is not None
    assert application.post_shutdown is not None
    try:
        async with application:
            await application.post_init(application)
            if start:
                await application.start()
            try:
                yield Limber(application, services, api, errors)
            finally:
                if start:
                    await application.stop()
    finally:
        await application.post_shutdown(application)
