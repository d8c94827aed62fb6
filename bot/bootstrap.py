"""Wire the pieces together once: settings → content → database → coach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.coach import Coach
from bot.config import Settings
from bot.reminders import NudgePolicy
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, load_content
from bot.store.database import Database


@dataclass(frozen=True)
class Services:
    settings: Settings
    content: Content
    database: Database
    coach: Coach


def nudge_policy(settings: Settings) -> NudgePolicy:
    return NudgePolicy(
        grace=timedelta(seconds=settings.nudge_grace_seconds),
        lease=timedelta(seconds=settings.nudge_lease_seconds),
        batch=settings.nudge_batch,
    )


def bootstrap(settings: Settings) -> Services:
    content = load_content(settings.content_dir or DEFAULT_CONTENT_DIR)
    database = Database(settings.database_url)
    coach = Coach(
        content, database, nudge_policy=nudge_policy(settings), admin_ids=settings.admin_ids
    )
    return Services(settings, content, database, coach)
