"""Wire the pieces together once: settings → content → database → coach."""

from __future__ import annotations

from dataclasses import dataclass

from bot.coach import Coach
from bot.config import Settings
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, load_content
from bot.store.database import Database


@dataclass(frozen=True)
class Services:
    settings: Settings
    content: Content
    database: Database
    coach: Coach


def bootstrap(settings: Settings) -> Services:
    content = load_content(settings.content_dir or DEFAULT_CONTENT_DIR)
    database = Database(settings.database_url)
    return Services(settings, content, database, Coach(content, database))
