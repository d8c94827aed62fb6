"""The language step never waits for a busy store: Telegram's language for that update."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import Any

from bot.routine.content import load_content
from bot.routine.languages import shipped_languages
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.language_choice import LOOKUP_SECONDS, LanguageChoice


@asynccontextmanager
async def _busy_store() -> Any:
    await asyncio.sleep(3600)  # another process holds the write lock
    yield None


async def test_a_busy_store_gives_telegrams_language_at_once() -> None:
    content = load_content()
    deps = Dependencies(content, _busy_store, languages=shipped_languages(content))  # type: ignore[arg-type]
    choice = LanguageChoice(deps, lookups=_busy_store)  # type: ignore[arg-type]
    # Without the step's own bound this would wait an hour (the guard fails it instead).
    assert await asyncio.wait_for(choice.spoken_for(7, "uk"), LOOKUP_SECONDS * 20) == "uk"
