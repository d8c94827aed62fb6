"""Interactive Bot API calls honour Telegram's 429 `retry_after`: wait, then try again.

python-telegram-bot's `AIORateLimiter` does this too, but every call pays for its throughput
machinery (two nested limiters) even with the limits off — measured at about a fifth of a tap's
Bot API time. Limber paces its bulk sends itself (the nudge sweeper), so interactive replies only
need to react when Telegram says so: this limiter calls straight through, and on a 429 holds
every interactive call of the bot until `retry_after` has passed, then retries (a few times).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

INTERACTIVE_RETRIES = 2


class RetryAfterLimiter(BaseRateLimiter[None]):
    """React only if necessary: a 429 pauses this bot's interactive calls, then they retry."""

    def __init__(self, max_retries: int = INTERACTIVE_RETRIES) -> None:
        self.max_retries = max_retries
        self._paused_until = 0.0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | JSONDict | list[JSONDict]:
        for attempt in range(self.max_retries + 1):
            if (wait := self._paused_until - time.monotonic()) > 0:
                await asyncio.sleep(wait)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self.max_retries:
                    raise
                seconds = retry_after_seconds(error)
                log.info("Telegram asked to wait %.1f s (429): %s held", seconds, endpoint)
                self._paused_until = max(self._paused_until, time.monotonic() + seconds)
        raise AssertionError("unreachable")  # pragma: no cover


def retry_after_seconds(error: RetryAfter) -> float:
    """How long Telegram asked to wait (PTB gives seconds or a timedelta, by version)."""
    wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
