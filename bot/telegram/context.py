"""A typed context: handlers reach the router as `context.coach`, not through a raw dict."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.coach import Coach
from bot.telegram.render import NO_MEDIA, MediaPort

COACH_KEY = "coach"
CHAT_LOCKS_KEY = "chat_locks"
MEDIA_KEY = "media"


class LimberContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    @property
    def coach(self) -> Coach:
        coach = self.bot_data[COACH_KEY]
        assert isinstance(coach, Coach)
        return coach

    @property
    def media(self) -> MediaPort:
        """The media use case: file_ids kept and forgotten, voices handed over when rendered."""
        media: MediaPort = self.bot_data.get(MEDIA_KEY, NO_MEDIA)
        return media

    def chat_lock(self, chat_id: int) -> asyncio.Lock:
        """Serializes this process's edits of one chat (a tap and a hold-timer tick)."""
        locks: defaultdict[int, asyncio.Lock] = self.bot_data.setdefault(
            CHAT_LOCKS_KEY, defaultdict(asyncio.Lock)
        )
        return locks[chat_id]


LimberApplication = Application[
    ExtBot[None], LimberContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]
