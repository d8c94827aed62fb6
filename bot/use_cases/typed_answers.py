"""Free text: a warning sign first, else the answer to the question that is open, else a hint.

What a typed text means is decided by the engine (`bot.routine.safety.screen_text`, then
`bot.routine.conversation.typed_meaning`); this use case reads what that needs and hands the text
to the use case that owns the question, all in one unit of work.
"""

from __future__ import annotations

from dataclasses import replace

from bot.routine.actions import SessionAction, SessionVerb
from bot.routine.conversation import TypedMeaning, parse_score, typed_meaning
from bot.routine.safety import screen_text
from bot.routine.views import View
from bot.store.records import SessionConflictError, SessionRecord
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.guided_session import GuidedSession
from bot.use_cases.red_flag_stops import RedFlagStops
from bot.use_cases.reminder_setup import ReminderSetup

MAX_TEXT_LENGTH = 500


class TypedAnswers:
    def __init__(
        self,
        deps: Dependencies,
        session: GuidedSession,
        reminders: ReminderSetup,
        red_flags: RedFlagStops,
    ) -> None:
        self.deps = deps
        self.session = session
        self.reminders = reminders
        self.red_flags = red_flags
        self.hints = deps.texts.hints

    async def rescreen_edit(self, user_id: int, text: str) -> View | None:
        """An edited message: a warning sign added by the edit is acted on; nothing else is."""
        level = screen_text(text)
        if level is None:
            return None
        async with self.deps.unit_of_work() as uow:
            return await self.red_flags.flag_in(uow, user_id, level)

    async def answer(self, user_id: int, text: str) -> View:
        if len(text) > MAX_TEXT_LENGTH:
            return View(self.hints.too_long)
        level = screen_text(text)
        record: SessionRecord | None = None
        try:
            async with self.deps.unit_of_work() as uow:
                if level is not None:
                    return await self.red_flags.flag_in(uow, user_id, level)
                settings = await uow.reminders.settings(user_id)
                record = await uow.sessions.open_one(user_id)
                meaning = typed_meaning(
                    settings.awaiting if settings else None, record.state if record else None
                )
                if meaning is TypedMeaning.REMINDER_TIME and settings is not None:
                    return await self.reminders.typed_time_in(uow, settings, text)
                if meaning is TypedMeaning.TIME_ZONE and settings is not None:
                    return await self.reminders.typed_zone_in(uow, settings, text)
                if meaning is not TypedMeaning.SORENESS_SCORE or record is None:
                    return View(self.hints.text)
                score = parse_score(text)
                if score is None:
                    return View(self.hints.soreness_number)
                state = record.state
                action = SessionAction(SessionVerb.SORENESS, state.session_id, state.step, score)
                reply = await self.session.apply_in(uow, user_id, action)
        except SessionConflictError:
            if level is not None:  # the pause raced with a tap: flag again on the new state
                async with self.deps.unit_of_work() as uow:
                    return await self.red_flags.flag_in(uow, user_id, level)
            assert record is not None
            reply = await self.session.lost_race(user_id, record.state.session_id)
        view = reply.view or View(reply.notice or self.hints.text)
        return replace(view, fresh=True)
