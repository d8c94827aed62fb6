"""End-to-end fixtures: the real Application on an in-process fake Bot API and a SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.store.migrations import upgrade_in_thread
from tests.support.fake_bot_api import FakeBotApi


@pytest.fixture
def api() -> FakeBotApi:
    return FakeBotApi()


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'limber.sqlite3'}"
    await upgrade_in_thread(url)
    return url
