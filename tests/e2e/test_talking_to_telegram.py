"""Talking to Telegram: a 429 on an interactive call is honoured (waited out and retried), and a
re-delivered button tap ("query is too old") is expected: logged at DEBUG, not as an ERROR."""

from __future__ import annotations

import time

from bot.telegram.retry_after import RetryAfterLimiter
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.operations import captured_logging


async def test_a_429_on_a_reply_is_waited_out_and_the_reply_arrives(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        assert isinstance(limber.application.bot.rate_limiter, RetryAfterLimiter)
        ann = limber.user()
        api.fail_next("sendMessage", 429, retry_after=1)
        started = time.monotonic()
        await ann.send("/help")
        took = time.monotonic() - started
        assert not limber.errors
        assert len(api.calls("sendMessage")) == 2  # the refused one, and the retry
        assert api.last_message(ann.chat_id).text
    assert took >= 1.0, "retry_after was honoured"


async def test_a_redelivered_tap_logs_debug_not_error(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send("/start")
        tap = ann.updates.tap("I understand")
        with captured_logging("DEBUG", json_format=False) as log:
            await limber.application.process_update(tap)
            await limber.application.process_update(tap)  # Telegram delivers it again
    assert not [line for line in log.lines if " ERROR " in line or " WARNING " in line], log.text
    assert "Traceback" not in log.text
    assert any(" DEBUG " in line and "too old" in line for line in log.lines), log.text
