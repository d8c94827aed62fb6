"""A typed context: handlers reach the router as `context.coach`, not through a raw dict."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.coach import Coach

COACH_KEY = "coach"
CHAT_LOCKS_KEY = "chat_locks"
REMEMBER_MEDIA_KEY = "remember_media"

RememberMedia = Callable[[str, str], None]
"""Keep an uploaded file's file_id by its media key (`MediaDelivery.remember`)."""


def _forget(_key: str, _file_id: str) -> None:
    return None


class LimberContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    @property
    def coach(self) -> Coach:
        coach = self.bot_data[COACH_KEY]
        assert isinstance(coach, Coach)
        return coach

    @property
    def remember_media(self) -> RememberMedia:
        remember: RememberMedia = self.bot_data.get(REMEMBER_MEDIA_KEY, _forget)
        return remember

    def chat_lock(self, chat_id: int) -> asyncio.Lock:
        """Serializes this process's edits of one chat (a tap and a hold-timer tick)."""
        locks: defaultdict[int, asyncio.Lock] = self.bot_data.setdefault(
            CHAT_LOCKS_KEY, defaultdict(asyncio.Lock)
        )
        return locks[chat_id]


LimberApplication = Application[
    ExtBot[None], LimberContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]
