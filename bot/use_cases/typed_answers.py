"""Free text: a warning sign first, else what the words ask for on the screen the person is on.

Every text is screened whole for warning signs (`bot.routine.red_flags.RedFlagScreen`) before
anything else, whatever is open. Then, in one unit of work: a question asked in words (a reminder
time, a time zone) takes the answer; a soreness question takes a score typed any way people type
one ("about a 5"); on an exercise, ease-off or paused screen the words are read as the buttons
they name (`bot.routine.intents`, the screen's `View.typed`), so typing "done" is tapping ✅ Done.
Anything else gets one short line that says where the person is — never the warning-sign list,
unless the text might describe a sign or is in another language.
"""

from __future__ import annotations

from dataclasses import replace

from bot.routine.actions import SessionAction, SessionVerb, parse_action
from bot.routine.conversation import TypedMeaning, typed_meaning
from bot.routine.intents import ChitChat, Intent, IntentReader, Reading
from bot.routine.red_flags import Experiencer, RedFlagScreen, Screening, ScreenLevel
from bot.routine.session import Phase, SessionState
from bot.routine.stop_signals import FlagLevel
from bot.routine.views import Reply, View
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
        self.intents = IntentReader(deps.content.intents)

    async def screen_only(self, user_id: int, text: str) -> View | None:
        """Text that is not an answer (an edit, a photo's caption): a clear warning sign in it is
        acted on at once; anything else is left alone (None)."""
        screening = self.screen.screen(text)
        level = _clear_level(screening)
        if level is None:
            return None
        if screening.experiencer is Experiencer.OTHER_ADULT:
            return self.deps.screens.advice_for_someone_else(level)
        async with self.deps.unit_of_work() as uow:
            return await self.red_flags.from_text_in(uow, user_id, level)

    async def answer(self, user_id: int, text: str) -> Reply:
        """Every text is screened whole, whatever its length, before anything else: a clear
        warning sign wins over any open question; then the open question or the screen's
        buttons take the words; a possible sign, or another language, is asked about when the
        text answers nothing."""
        screening = self.screen.screen(text)
        level = _clear_level(screening)
        if level is not None and screening.experiencer is Experiencer.OTHER_ADULT:
            # Another adult's sign now: the advice for them; the person's own routine goes on.
            return Reply(self.deps.screens.advice_for_someone_else(level))
        record: SessionRecord | None = None
        try:
            async with self.deps.unit_of_work() as uow:
                if level is not None:
                    return Reply(await self.red_flags.from_text_in(uow, user_id, level))
                settings = await uow.reminders.settings(user_id)
                record = await uow.sessions.open_one(user_id)
                state = record.state if record else None
                meaning = typed_meaning(settings.awaiting if settings else None, state)
                asked_in_words = meaning in (TypedMeaning.REMINDER_TIME, TypedMeaning.TIME_ZONE)
                if asked_in_words and screening.level is ScreenLevel.POSSIBLE:
                    # Screened like any text: the question stays open for the time or zone.
                    return Reply(self.deps.screens.possible_red_flag())
                if (
                    asked_in_words
                    and screening.level is ScreenLevel.NOT_ENGLISH
                    and not any(char.isdigit() for char in text)
                ):
                    return Reply(self.deps.screens.not_english())
                if meaning is TypedMeaning.REMINDER_TIME and settings is not None:
                    return Reply(await self.reminders.typed_time_in(uow, settings, text))
                if meaning is TypedMeaning.TIME_ZONE and settings is not None:
                    return Reply(await self.reminders.typed_zone_in(uow, settings, text))
                if record is None or state is None or len(text) > MAX_TEXT_LENGTH:
                    return Reply(self._not_an_answer(screening, text, None, None))
                action = self._typed_action(state, text)
                if action is None:
                    reading = self.intents.read(text)
                    return Reply(self._not_an_answer(screening, text, state, reading))
                if action.verb is not SessionVerb.GUIDE:
                    reply = await self.session.apply_in(uow, user_id, action)
        except SessionConflictError:
            assert record is not None
            reply = await self.session.lost_race(user_id, record.state.session_id)
        else:
            if action.verb is SessionVerb.GUIDE:
                # 🔊 Guide me renders after its own unit of work, as a tap does; a notice (no
                # voice right now) becomes a message, as there is no tap to answer.
                guided = await self.session.tap(user_id, action)
                if guided.voice is None and guided.notice:
                    return Reply(View(guided.notice, fresh=True))
                return guided
        view = reply.view or View(reply.notice or self.hints.not_understood)
        return replace(reply, view=replace(view, fresh=True), notice=None)

    def _typed_action(self, state: SessionState, text: str) -> SessionAction | None:
        """The button the words name on the screen the session shows now, if any."""
        if state.paused or state.phase in (Phase.EXERCISE, Phase.EASE_OFF):
            screen = self.deps.screens.current(state)  # its buttons; the dose changes none
            reading = self.intents.read(text)
            chosen = reading.first_of(Intent(name) for name, _data in screen.typed)
            if chosen is None:
                return None
            data = dict(screen.typed)[chosen.value]
            action = parse_action(data)
            return action if isinstance(action, SessionAction) else None
        if state.phase in (Phase.SORENESS_BEFORE, Phase.SORENESS_AFTER):
            score = self.intents.score(text)
            if score is None or score.value is None:
                return None
            return SessionAction(SessionVerb.SORENESS, state.session_id, state.step, score.value)
        return None

    def _not_an_answer(
        self,
        screening: Screening,
        text: str,
        state: SessionState | None,
        reading: Reading | None,
    ) -> View:
        """A text that answers nothing on screen: never just a hint if it might matter."""
        if screening.level is ScreenLevel.POSSIBLE:
            return self.deps.screens.possible_red_flag()
        if len(text) > MAX_TEXT_LENGTH:
            return View(self.hints.too_long)  # screened whole above; too long to be an answer
        reading = reading or self.intents.read(text)
        if screening.level is ScreenLevel.NOT_ENGLISH and reading.top is Intent.NONSENSE:
            return self.deps.screens.not_english()
        score = self.intents.score(text)
        out_of_range = score is not None and score.value is None
        opener = "" if out_of_range else self._opener(reading)
        return self.deps.screens.where_you_are(state, opener, out_of_range)

    def _opener(self, reading: Reading) -> str:
        if reading.chit_chat is ChitChat.GREETING:
            return self.hints.greeting
        if reading.chit_chat is ChitChat.THANKS:
            return self.hints.thanks
        if Intent.CHIT_CHAT in reading.intents:
            return self.hints.acknowledged
        return self.hints.not_understood


def _clear_level(screening: Screening) -> FlagLevel | None:
    """The level of a clear match (advice and pause at once), else None."""
    if screening.level is ScreenLevel.EMERGENCY:
        return FlagLevel.EMERGENCY
    if screening.level is ScreenLevel.SEE_DOCTOR:
        return FlagLevel.SEE_DOCTOR
    return None
