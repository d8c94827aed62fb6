"""Start-up for `limber run`: wait for the database and Telegram, one line per attempt; then
settle the start-up heap.

Under a supervisor (systemd, a container platform) the database or the network may come up after
the bot. Instead of one failed attempt and a long traceback, `wait_until_reachable` tries again
with a doubling pause (capped at a minute) and says in one line per attempt what is missing.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

from telegram import Bot
from telegram.error import InvalidToken

from bot.config import Settings
from bot.logs import describe_error
from bot.store.database import Database

MAX_PAUSE_SECONDS = 60.0


def settle_heap() -> None:
    """Keep what start-up made out of every later garbage collection.

    Content, seven catalogues, the word readers and the language models are a few hundred
    thousand objects that live as long as the process; each full collection walked them all, at
    whatever update it fell on (a nudge claim of 1 000 people: 45 → 22 ms of CPU, bench/README.md).
    Collect once, then `gc.freeze()`: later collections walk only what updates create."""
    gc.collect()
    gc.freeze()


async def _database_problem(url: str) -> str | None:
    database = Database(url)
    try:
        async with database.engine.connect() as connection:
            await connection.exec_driver_sql("SELECT 1")
    except Exception as error:
        return f"the database is unreachable ({describe_error(error)})"
    finally:
        await database.dispose()
    return None


async def _telegram_problem(settings: Settings) -> str | None:
    """None when Telegram answers getMe; InvalidToken is raised (trying again will not help)."""
    assert settings.bot_token is not None
    bot = Bot(
        settings.bot_token.get_secret_value(),
        base_url=settings.telegram_base_url or "https://api.telegram.org/bot",
        base_file_url=settings.telegram_base_file_url or "https://api.telegram.org/file/bot",
    )
    try:
        await bot.get_me()
    except InvalidToken:
        raise
    except Exception as error:
        return f"Telegram is unreachable ({describe_error(error)})"
    finally:
        await bot.shutdown()
    return None


async def wait_until_reachable(settings: Settings, say: Callable[[str], None]) -> bool:
    """True once the database and Telegram both answer; False after STARTUP_ATTEMPTS tries."""
    attempts = settings.startup_attempts
    pause = settings.startup_retry_seconds
    for attempt in range(1, attempts + 1):
        problem = await _database_problem(settings.database_url)
        if problem is None and settings.bot_token is not None:
            problem = await _telegram_problem(settings)
        if problem is None:
            return True
        if attempt == attempts:
            say(f"limber: start-up attempt {attempt}/{attempts}: {problem}; giving up.")
            break
        say(f"limber: start-up attempt {attempt}/{attempts}: {problem}; again in {pause:g} s.")
        await asyncio.sleep(pause)
        pause = min(pause * 2, MAX_PAUSE_SECONDS)
    return False
