"""Warning signs typed in the user's own words: the advice at once, and the routine paused."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.routine.conversation import SafetyAnswer, SafetyEventKind
from bot.routine.safety import RedFlagLevel
from bot.routine.views import View
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies

log = logging.getLogger(__name__)


class RedFlagStops:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps

    async def flag_in(self, uow: UnitOfWork, user_id: int, level: RedFlagLevel) -> View:
        """Record the flag (its kind and level, never the words), pause any open session."""
        now = self.deps.clock()
        await uow.users.get_or_add(user_id, now)
        await uow.users.record_safety_screen(user_id, SafetyAnswer.FLAGGED, now)
        await uow.safety.add_event(user_id, SafetyEventKind.TEXT_FLAG, level.value, now)
        record = await uow.sessions.open_one(user_id)
        if record is not None and not record.state.paused:
            await uow.sessions.save(record, replace(record.state, paused=True), now)
        log.info("red flag in free text (level %s): routine paused", level.value)
        return self.deps.progress_screens.red_flag_reply(urgent=level is RedFlagLevel.URGENT)
