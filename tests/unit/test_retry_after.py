"""Interactive calls wait out a 429 and retry; a 429 holds the bot's other calls too."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.telegram.retry_after import RetryAfterLimiter


async def test_a_429_is_waited_out_and_retried() -> None:
    limiter = RetryAfterLimiter(max_retries=2)
    calls: list[float] = []

    async def callback() -> dict[str, Any]:
        calls.append(time.monotonic())
        if len(calls) == 1:
            raise RetryAfter(0.2)
        return {"ok": True}

    result = await limiter.process_request(callback, (), {}, "sendMessage", {}, None)
    assert result == {"ok": True}
    assert len(calls) == 2
    assert calls[1] - calls[0] >= 0.19


async def test_the_pause_holds_other_calls_and_retries_end() -> None:
    limiter = RetryAfterLimiter(max_retries=1)

    async def always_429() -> dict[str, Any]:
        raise RetryAfter(0.3)

    async def fine() -> dict[str, Any]:
        return {"at": time.monotonic()}

    started = time.monotonic()
    failing = asyncio.create_task(
        limiter.process_request(always_429, (), {}, "editMessageText", {}, None)
    )
    await asyncio.sleep(0.05)
    other = await limiter.process_request(fine, (), {}, "sendMessage", {}, None)
    assert isinstance(other, dict)
    assert other["at"] - started >= 0.29, "the other call waited for the pause"
    with pytest.raises(RetryAfter):
        await failing
