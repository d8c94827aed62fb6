"""A warning sign stands: the routine pauses (and with it the nudges) until it is cleared.

Raised by free text that matches a warning sign (`bot.routine.red_flags`), by the checklist, or by
"Yes, one of these" after a possible sign. What is stored is the level and the time, never the
words (`safety_events`, `users.safety_*`).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.routine.conversation import SafetyEventKind
from bot.routine.stop_signals import FlagLevel, SafetyRecord, timeframe_for
from bot.routine.views import View
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import safety_stop_screen

log = logging.getLogger(__name__)


class RedFlagStops:
    def __init__(self, deps: Dependencies) -> None:
        self.deps = deps

    async def stand_in(
        self,
        uow: UnitOfWork,
        user_id: int,
        safety: SafetyRecord,
        level: FlagLevel,
        kind: SafetyEventKind,
    ) -> SafetyRecord:
        """Store the sign (its kind and level, never the words) and pause any open session."""
        now = self.deps.clock()
        flagged = safety.flagged(level, now)
        await uow.users.save_safety(user_id, flagged)
        await uow.safety.add_event(user_id, kind, level.value, now)
        record = await uow.sessions.open_one(user_id)
        if record is not None and not record.state.paused:
            await uow.sessions.save(record, replace(record.state, paused=True), now)
        log.info("warning sign (%s, level %s): routine paused", kind.value, level.value)
        return flagged

    async def from_text_in(
        self,
        uow: UnitOfWork,
        user_id: int,
        level: FlagLevel,
        categories: tuple[str, ...] = (),
    ) -> View:
        """Free text named a warning sign: the advice at once, the routine paused. *categories*
        (the screen's) say how soon a see-a-doctor sign should be seen (the same day if unknown)."""
        user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
        flagged = await self.stand_in(uow, user_id, user.safety, level, SafetyEventKind.TEXT_FLAG)
        texts = self.deps.texts.safety
        if level is FlagLevel.EMERGENCY:
            view = safety_stop_screen(self.deps, flagged, lead=texts.text_urgent)
        elif flagged.level is FlagLevel.EMERGENCY:
            view = safety_stop_screen(self.deps, flagged)  # an emergency sign still stands
        else:
            checklist = self.deps.texts.onboarding.checklist
            timeframe = timeframe_for(checklist, categories)
            view = safety_stop_screen(
                self.deps, flagged, lead=texts.text_doctor, timeframe=timeframe
            )
        return replace(view, fresh=True)
