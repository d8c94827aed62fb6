"""Free text: a warning sign first, else the answer to the question that is open, else a hint.

What a typed text means is decided by the engine (`bot.routine.red_flags.RedFlagScreen`, then
`bot.routine.conversation.typed_meaning`); this use case reads what that needs and hands the text
to the use case that owns the question, all in one unit of work.
"""

from __future__ import annotations

from dataclasses import replace

from bot.routine.actions import SessionAction, SessionVerb
from bot.routine.conversation import TypedMeaning, parse_score, typed_meaning
from bot.routine.red_flags import RedFlagScreen, Screening, ScreenLevel
from bot.routine.stop_signals import FlagLevel
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
        self.screen = RedFlagScreen(deps.content.red_flags)

    async def screen_only(self, user_id: int, text: str) -> View | None:
        """Text that is not an answer (an edit, a photo's caption): a clear warning sign in it is
        acted on at once; anything else is left alone (None)."""
        level = _clear_level(self.screen.screen(text))
        if level is None:
            return None
        async with self.deps.unit_of_work() as uow:
            return await self.red_flags.from_text_in(uow, user_id, level)

    async def answer(self, user_id: int, text: str) -> View:
        """Every text is screened whole, whatever its length, before anything else: a clear
        warning sign wins over any open question; a possible one, or another language, is asked
        about when the text answers nothing that is open."""
        screening = self.screen.screen(text)
        level = _clear_level(screening)
        record: SessionRecord | None = None
        try:
            async with self.deps.unit_of_work() as uow:
                if level is not None:
                    return await self.red_flags.from_text_in(uow, user_id, level)
                settings = await uow.reminders.settings(user_id)
                record = await uow.sessions.open_one(user_id)
                meaning = typed_meaning(
                    settings.awaiting if settings else None, record.state if record else None
                )
                if meaning is TypedMeaning.REMINDER_TIME and settings is not None:
                    return await self.reminders.typed_time_in(uow, settings, text)
                if meaning is TypedMeaning.TIME_ZONE and settings is not None:
                    return await self.reminders.typed_zone_in(uow, settings, text)
                score = parse_score(text) if meaning is TypedMeaning.SORENESS_SCORE else None
                if score is None or record is None:
                    return self._not_an_answer(screening, text, meaning)
                state = record.state
                action = SessionAction(SessionVerb.SORENESS, state.session_id, state.step, score)
                reply = await self.session.apply_in(uow, user_id, action)
        except SessionConflictError:
            if level is not None:  # the pause raced with a tap: flag again on the new state
                async with self.deps.unit_of_work() as uow:
                    return await self.red_flags.from_text_in(uow, user_id, level)
            assert record is not None
            reply = await self.session.lost_race(user_id, record.state.session_id)
        view = reply.view or View(reply.notice or self.hints.text)
        return replace(view, fresh=True)

    def _not_an_answer(self, screening: Screening, text: str, meaning: TypedMeaning) -> View:
        """A text that answers nothing open: never just the generic hint if it might matter."""
        if screening.level is ScreenLevel.POSSIBLE:
            return self.deps.screens.possible_red_flag()
        if len(text) > MAX_TEXT_LENGTH:
            return View(self.hints.too_long)  # screened whole above; too long to be an answer
        if meaning is TypedMeaning.SORENESS_SCORE:
            # "x", "eleven": the number is asked again (digits read the same in any language).
            return View(self.hints.soreness_number)
        if screening.level is ScreenLevel.NOT_ENGLISH:
            return self.deps.screens.not_english()
        return View(self.hints.text)


def _clear_level(screening: Screening) -> FlagLevel | None:
    """The level of a clear match (advice and pause at once), else None."""
    if screening.level is ScreenLevel.EMERGENCY:
        return FlagLevel.EMERGENCY
    if screening.level is ScreenLevel.SEE_DOCTOR:
        return FlagLevel.SEE_DOCTOR
    return None
