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

from bot.routine.actions import (
    GeneralAction,
    ParsedAction,
    SessionAction,
    SessionVerb,
    parse_action,
)
from bot.routine.content import HintTexts
from bot.routine.conversation import TypedMeaning, typed_meaning
from bot.routine.intents import ChitChat, Intent, Reading
from bot.routine.red_flags import Experiencer, Screening, ScreenLevel
from bot.routine.screens import Screens
from bot.routine.session import Phase, SessionState, asks_soreness_before
from bot.routine.stop_signals import FlagLevel
from bot.routine.views import Reply, View
from bot.store.records import SessionConflictError
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.check_in import CheckIns
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
        check_ins: CheckIns,
    ) -> None:
        self.deps = deps
        self.session = session
        self.check_ins = check_ins
        self.reminders = reminders
        self.red_flags = red_flags

    @property
    def hints(self) -> HintTexts:
        return self.deps.texts.hints

    async def screen_only(self, user_id: int, text: str) -> View | None:
        """Text that is not an answer (an edit, a photo's caption): a clear warning sign in it is
        acted on at once; anything else is left alone (None)."""
        screening = self.deps.readers.screen(text, self.deps.language)
        level = _clear_level(screening)
        if level is None:
            return None
        if screening.experiencer is Experiencer.OTHER_ADULT:
            return self.deps.screens.advice_for_someone_else(level)
        async with self.deps.unit_of_work() as uow:
            return await self.red_flags.from_text_in(uow, user_id, level, screening.categories)

    async def answer(self, user_id: int, text: str) -> Reply:
        """Every text is screened whole, whatever its length, before anything else: a clear
        warning sign wins over any open question; then the open question or the screen's
        buttons take the words; a possible sign, or another language, is asked about when the
        text answers nothing."""
        screening = self.deps.readers.screen(text, self.deps.language)
        level = _clear_level(screening)
        if level is not None and screening.experiencer is Experiencer.OTHER_ADULT:
            # Another adult's sign now: the advice for them; the person's own routine goes on.
            return Reply(self.deps.screens.advice_for_someone_else(level))
        session_id: list[int] = []
        try:
            async with self.deps.unit_of_work() as uow:
                if level is not None:
                    view = await self.red_flags.from_text_in(
                        uow, user_id, level, screening.categories
                    )
                    return Reply(view)
                outcome = await self._answer_in(uow, user_id, text, screening, session_id)
        except SessionConflictError:
            outcome = await self.session.lost_race(user_id, session_id[0])
        if isinstance(outcome, GeneralAction):
            # "Better, thanks": the check-in's answer, stored as its button is.
            outcome = await self.check_ins.answer(user_id, outcome)
        elif isinstance(outcome, SessionAction):
            # 🔊 Guide me renders after its own unit of work, as a tap does.
            outcome = await self.session.tap(user_id, outcome)
            if outcome.voice is not None:
                return outcome
        view = outcome.view or View(outcome.notice or self.hints.not_understood)
        return replace(outcome, view=replace(view, fresh=True), notice=None)

    async def _answer_in(
        self,
        uow: UnitOfWork,
        user_id: int,
        text: str,
        screening: Screening,
        session_id: list[int],
    ) -> Reply | GeneralAction | SessionAction:
        """What the words answer, in *uow*: a Reply, or the action of a button to take after it
        (a check-in answer, 🔊 Guide me)."""
        screens = self.deps.screens
        settings = await uow.reminders.settings(user_id)
        record = await uow.sessions.open_one(user_id)
        state = record.state if record else None
        if state is not None:
            session_id.append(state.session_id)
        meaning = typed_meaning(settings.awaiting if settings else None, state)
        if settings is not None and settings.awaiting is not None:
            if not self.reminders.understands(settings.awaiting, text):
                # Screened like any text: the question stays open for the time or zone.
                if screening.level is ScreenLevel.POSSIBLE:
                    return Reply(_confirm_question(screens, screening))
                if screening.level is ScreenLevel.NOT_ENGLISH:
                    return Reply(screens.not_english())  # another language: never just a retry
            if meaning is TypedMeaning.REMINDER_TIME:
                return Reply(await self.reminders.typed_time_in(uow, settings, text))
            return Reply(await self.reminders.typed_zone_in(uow, settings, text))
        reading = self.deps.readers.read(text, self.deps.language)  # once per text
        if state is None or len(text) > MAX_TEXT_LENGTH:
            check_in = await self._typed_check_in(uow, user_id, reading)
            if check_in is not None:
                return check_in
            return Reply(self._not_an_answer(screening, text, None, reading))
        action = self._typed_action(state, text, reading)
        if action is None:
            return Reply(self._not_an_answer(screening, text, state, reading))
        if action.verb is SessionVerb.GUIDE:
            return action
        return await self.session.apply_in(uow, user_id, action)

    async def _typed_check_in(
        self, uow: UnitOfWork, user_id: int, reading: Reading
    ) -> GeneralAction | None:
        """Better / same / worse typed while a check-in is due (the 24-hour rule): its button."""
        if reading.first_of((Intent.BETTER, Intent.SAME, Intent.WORSE)) is None:
            return None
        user = await uow.users.get(user_id)
        if user is None or user.consent_version is None:
            return None
        start = await self.session.wrap_up.how_to_start(uow, user)
        if start.check_in_first is None:
            return None
        question = self.deps.progress_screens.check_in_question(
            start.check_in_first, before_session=False
        )
        action = _button_named(reading, question)
        return action if isinstance(action, GeneralAction) else None

    def _typed_action(
        self, state: SessionState, text: str, reading: Reading
    ) -> SessionAction | None:
        """The button the words name on the screen the session shows now, if any."""
        if state.paused or state.phase in (Phase.EXERCISE, Phase.EASE_OFF):
            screen = self.deps.screens.current(state)  # its buttons; the dose changes none
            action = _button_named(reading, screen)
            return action if isinstance(action, SessionAction) else None
        if asks_soreness_before(state) or state.phase is Phase.SORENESS_AFTER:
            score = self.deps.readers.score(text, self.deps.language)
            if score is None or score.value is None:
                return None
            return SessionAction(SessionVerb.SORENESS, state.session_id, state.step, score.value)
        return None

    def _not_an_answer(
        self,
        screening: Screening,
        text: str,
        state: SessionState | None,
        reading: Reading,
    ) -> View:
        """A text that answers nothing on screen: never just a hint if it might matter."""
        if screening.level is ScreenLevel.POSSIBLE:
            return _confirm_question(self.deps.screens, screening)
        if len(text) > MAX_TEXT_LENGTH:
            return View(self.hints.too_long)  # screened whole above; too long to be an answer
        if screening.level is ScreenLevel.NOT_ENGLISH:
            return self.deps.screens.not_english()
        score = self.deps.readers.score(text, self.deps.language)
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


def _button_named(reading: Reading, view: View) -> ParsedAction | None:
    """The action of the button on *view* that the words name (its `View.typed` table)."""
    table = dict(view.typed)
    chosen = reading.first_of(Intent(name) for name in table)
    return parse_action(table[chosen.value]) if chosen is not None else None


def _confirm_question(screens: Screens, screening: Screening) -> View:
    """The short question about a possible sign: the checklist items closest to what was typed."""
    return screens.possible_red_flag(screening.concepts, screening.categories)


def _clear_level(screening: Screening) -> FlagLevel | None:
    """The level of a clear match (advice and pause at once), else None."""
    if screening.level is ScreenLevel.EMERGENCY:
        return FlagLevel.EMERGENCY
    if screening.level is ScreenLevel.SEE_DOCTOR:
        return FlagLevel.SEE_DOCTOR
    return None
