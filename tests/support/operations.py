"""Helpers for the privacy and operations tests: Limber over real HTTP, and logs captured as text.

`limber_over_http` runs the same Application as `running_limber`, but talks to the fake Bot API
over loopback HTTP with python-telegram-bot's own httpx client — the path on which the bot token
travels in every request URL, as in production.

`captured_logging` calls `bot.logs.configure_logging` (which replaces the root logger's handlers
and sets logger levels) and points its handler at a buffer, so a test reads exactly what
production would write; afterwards the root logger and the levels it touched are put back.
"""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.bootstrap import bootstrap
from bot.logs import NEVER_DEBUG, NOISY_LOGGERS, configure_logging
from bot.routine.content import load_content
from bot.telegram.app import build_application
from bot.use_cases.dependencies import utc_now
from tests.support.fake_bot_api import FakeBotApi
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.limber import Limber, limber_settings
from tests.support.updates import HandlerErrors


@asynccontextmanager
async def limber_over_http(
    api: FakeBotApi,
    database_url: str,
    *,
    clock: Callable[[], datetime] = utc_now,
    **settings: Any,
) -> AsyncIterator[Limber]:
    """Limber, initialized, sending its Bot API calls over HTTP to *api* on a loopback port."""
    async with FakeBotApiServer(api) as server:
        config = limber_settings(
            api,
            database_url,
            telegram_base_url=server.base_url,
            telegram_base_file_url=server.base_file_url,
            **settings,
        )
        services = bootstrap(config, clock=clock, content=load_content())
        application = build_application(services)
        errors = HandlerErrors.attach(application)
        assert application.post_init is not None
        assert application.post_shutdown is not None
        try:
            async with application:
                await application.post_init(application)
                yield Limber(application, services, api, errors)
        finally:
            await application.post_shutdown(application)


@dataclass
class CapturedLog:
    """What the configured handler wrote (formatted and filtered, as production would)."""

    buffer: io.StringIO

    @property
    def text(self) -> str:
        return self.buffer.getvalue()

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


@contextmanager
def logging_restored() -> Iterator[None]:
    """Put back, on exit, the root logger's handlers and level and the levels that
    `configure_logging` sets (pytest's own capture handlers live on the root logger)."""
    root = logging.getLogger()
    saved_handlers = list(root.handlers)
    saved_root_level = root.level
    saved_levels = {name: logging.getLogger(name).level for name in (*NOISY_LOGGERS, *NEVER_DEBUG)}
    try:
        yield
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_root_level)
        for name, saved in saved_levels.items():
            logging.getLogger(name).setLevel(saved)


@contextmanager
def captured_logging(
    level: str, *, json_format: bool, secrets: Iterable[str] = ()
) -> Iterator[CapturedLog]:
    """`configure_logging(...)` with its handler writing into a buffer; undone on exit."""
    with logging_restored():
        configure_logging(level, json_format=json_format, secrets=secrets)
        [handler] = logging.getLogger().handlers
        assert isinstance(handler, logging.StreamHandler)
        buffer = io.StringIO()
        handler.setStream(buffer)
        yield CapturedLog(buffer)
