"""The router: one table from what a person sent to the use case that handles it.

Channel adapters (Telegram, the terminal chat) decode their input into `bot.routine.inputs`, call
`Coach.handle`, and render the `Reply`. The coach opens no transaction and holds no coaching
logic: every route is one use-case call, and every use-case call is one unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime

from bot.routine.actions import GeneralAction, GeneralVerb, SessionAction, parse_action
from bot.routine.content import AboutTexts, CommandTexts, Texts
from bot.routine.inputs import (
    ButtonTap,
    ChatMembership,
    Command,
    CommandName,
    EditedText,
    Incoming,
    NotText,
    SharedLocation,
    TimerTick,
    TypedText,
    UnknownCommand,
)
from bot.routine.locale_format import digits, has_own_digits
from bot.routine.screens import Screens
from bot.routine.views import Reply, View
from bot.use_cases.admin_stats import AdminStats
from bot.use_cases.check_in import CheckIns
from bot.use_cases.data_rights import DataRights
from bot.use_cases.dependencies import Clock, Dependencies, set_spoken
from bot.use_cases.guided_session import GuidedSession
from bot.use_cases.language_choice import LanguageChoice
from bot.use_cases.onboarding import Onboarding
from bot.use_cases.progress_report import ProgressReport
from bot.use_cases.reminder_setup import ReminderSetup
from bot.use_cases.track_choice import TrackChoice
from bot.use_cases.typed_answers import TypedAnswers

log = logging.getLogger(__name__)

UserRoute = Callable[[int], Awaitable[Reply]]
ButtonRoute = Callable[[int, GeneralAction], Awaitable[Reply]]

# Whether the update being handled is in a language written right to left: set with its language
# (`Coach.speak`), read by the channel as it writes a View as a message (`bot.routine.bidi`).
_RIGHT_TO_LEFT: ContextVar[bool] = ContextVar("limber_right_to_left", default=False)
_OWN_DIGITS: ContextVar[str | None] = ContextVar("limber_own_digits", default=None)


def in_own_digits(text: str) -> str:
    """*text* with the digits of the update's language where they are not Latin (Persian
    ۰–۹): the numbers Limber fills in ("12 minutes", "4 → 2 out of 10") and its own."""
    language = _OWN_DIGITS.get()
    return text if language is None else digits(text, language)


def writes_own_digits() -> bool:
    """Whether the update being handled is in a language with digits of its own."""
    return _OWN_DIGITS.get() is not None


def written_right_to_left() -> bool:
    """Whether the update being handled is in a language written right to left (Persian)."""
    return _RIGHT_TO_LEFT.get()


@dataclass(frozen=True)
class UseCases:
    """Every use case, wired once (`bot.bootstrap`)."""

    session: GuidedSession
    onboarding: Onboarding
    check_ins: CheckIns
    reminders: ReminderSetup
    typed_answers: TypedAnswers
    progress: ProgressReport
    data_rights: DataRights
    admin: AdminStats
    tracks: TrackChoice
    languages: LanguageChoice


class Coach:
    def __init__(self, use_cases: UseCases, deps: Dependencies, clock: Clock) -> None:
        self.use_cases = use_cases
        self.deps = deps
        self.clock = clock
        u = use_cases
        self._commands: dict[str, UserRoute] = {
            CommandName.START: _view(u.session.start),
            CommandName.SESSION: _view(u.session.open),
            CommandName.PROGRESS: _view(u.progress.show),
            CommandName.REMINDERS: _view(u.reminders.show),
            CommandName.HELP: self._constant(lambda: View(self.texts.help)),
            CommandName.PRIVACY: self._constant(lambda: View(self.texts.privacy)),
            CommandName.EXPORT: _view(u.data_rights.export),
            CommandName.DELETE: self._constant(u.data_rights.confirm_delete),
            CommandName.STATS: _view(u.admin.show),
            CommandName.ROUTINE: _view(u.tracks.show),
            CommandName.LANGUAGE: _view(u.languages.show),
        }
        self._buttons: dict[GeneralVerb, ButtonRoute] = {
            GeneralVerb.CONSENT: u.onboarding.answer,
            GeneralVerb.FLAGS_NONE: u.onboarding.answer,
            GeneralVerb.FLAGS_SOME: u.onboarding.answer,
            GeneralVerb.FLAGS_ASSESSED: u.onboarding.answer,
            GeneralVerb.FLAGS_MISTAKE: u.onboarding.answer,
            GeneralVerb.DOCTOR_OK: u.onboarding.answer,
            GeneralVerb.POSSIBLE_YES: u.onboarding.answer,
            GeneralVerb.POSSIBLE_NO: u.onboarding.answer,
            GeneralVerb.START_SESSION: self._open_session,
            GeneralVerb.NUDGE_START: self._open_session_in_place,
            GeneralVerb.REMINDER_TIME: u.reminders.tap,
            GeneralVerb.REMINDER_OTHER_TIME: u.reminders.tap,
            GeneralVerb.REMINDER_OFF: u.reminders.tap,
            GeneralVerb.REMINDER_CHANGE: u.reminders.tap,
            GeneralVerb.NUDGE_SNOOZE: u.reminders.tap,
            GeneralVerb.NUDGE_SKIP_TODAY: u.reminders.tap,
            GeneralVerb.CHECK_IN: u.check_ins.answer,
            GeneralVerb.CHECK_IN_FIRST: u.check_ins.answer,
            GeneralVerb.DELETE_CONFIRM: self._delete,
            GeneralVerb.DELETE_CANCEL: self._keep_data,
            GeneralVerb.DOCTOR_FLAGS_NONE: u.onboarding.answer,
            GeneralVerb.DOCTOR_FLAGS_SOME: u.onboarding.answer,
            GeneralVerb.POSSIBLE_ALL: u.onboarding.answer,
            GeneralVerb.TRACK_DEFAULT: u.tracks.tap,
            GeneralVerb.LANGUAGE: u.languages.tap,
        }

    async def handle(self, user_id: int, incoming: Incoming) -> Reply:
        """The reply to anything a person sends, from the use case that owns it."""
        match incoming:
            case Command(name):
                route = self._commands.get(name)
                if route is None:
                    return Reply(View(self.texts.hints.unknown_command))
                return await route(user_id)
            case UnknownCommand():
                return Reply(View(self.texts.hints.unknown_command))
            case ButtonTap(data):
                reply = await self._tap(user_id, data)
                if reply.language_changed is not None:
                    self.speak_as(reply.language_changed)  # the answer is in the new language
                return reply
            case TypedText(text):
                return await self.use_cases.typed_answers.answer(user_id, text)
            case EditedText(text):
                return Reply(await self.use_cases.typed_answers.screen_only(user_id, text))
            case SharedLocation(latitude, longitude):
                view = await self.use_cases.reminders.location(user_id, latitude, longitude)
                return Reply(view if view is not None else View(self.texts.hints.not_text))
            case NotText(caption):
                flagged = None
                if caption:
                    flagged = await self.use_cases.typed_answers.screen_only(user_id, caption)
                return Reply(flagged or View(self.texts.hints.not_text))
            case ChatMembership(blocked=True):
                await self.use_cases.reminders.chat_blocked(user_id)
                return Reply(None)
            case ChatMembership(blocked=False):
                await self.use_cases.reminders.chat_unblocked(user_id)
                return Reply(None)
            case TimerTick(session_id, step, seconds_left):
                view = await self.use_cases.session.timer_screen(
                    user_id, session_id, step, seconds_left
                )
                return Reply(view)
        raise TypeError(f"not an input: {type(incoming).__name__}")

    # --- what adapters need besides ---------------------------------------------------------

    @property
    def texts(self) -> Texts:
        """The words of the update being handled, in its language."""
        return self.deps.texts

    @property
    def screens(self) -> Screens:
        return self.deps.screens

    async def speak(self, user_id: int | None, language_code: str | None) -> None:
        """For the rest of this update, every screen in the person's language: the one stored
        for them, else the one their Telegram says (*language_code*; English where Limber does
        not speak it)."""
        if user_id is None:
            self.speak_as(self.deps.language_for(language_code))
        else:
            self.speak_as(await self.use_cases.languages.spoken_for(user_id, language_code))

    def speak_as(self, language: str) -> None:
        """For the rest of this task, every screen in *language* (a hold timer's ticks), written
        right to left where the language is."""
        set_spoken(language)
        table = self.deps.languages.table if self.deps.languages is not None else None
        _RIGHT_TO_LEFT.set(table is not None and table.get(language).direction == "rtl")
        _OWN_DIGITS.set(language if has_own_digits(language) else None)

    @property
    def language(self) -> str:
        """The language of the update being handled."""
        return self.deps.language

    def command_menus(self) -> dict[str | None, list[tuple[str, str]]]:
        """The command menu (command, description): the default (English, None) and one per
        language by its two-letter code (Telegram's setMyCommands takes ISO 639-1)."""
        menus: dict[str | None, list[tuple[str, str]]] = {
            None: _menu(self.deps.english.texts.commands)
        }
        for language, content in self.deps.spoken().items():
            menus[language.split("_")[0]] = _menu(content.texts.commands)
        return menus

    def commands_in(self, language: str) -> list[tuple[str, str]]:
        """The command menu in *language* (a person's own, after /language)."""
        return _menu(self.deps.speaker(language).texts.commands)

    def profiles(self) -> dict[str | None, AboutTexts]:
        """The bot's description and short description: the default (English, None) and one
        per language by its two-letter code."""
        profiles: dict[str | None, AboutTexts] = {None: self.deps.english.texts.about}
        for language, content in self.deps.spoken().items():
            profiles[language.split("_")[0]] = content.texts.about
        return profiles

    def now(self) -> datetime:
        """The coach's clock (the hold timer counts on it)."""
        return self.clock()

    def timer_line(self, seconds_left: int) -> str:
        return self.screens.timer_line(seconds_left)

    def private_chat_only(self, private_chat_link: str) -> Reply:
        """Anywhere but a private chat: one short answer with a link, and no one's data."""
        notice = self.texts.private_chat.button_elsewhere
        return Reply(self.screens.private_chat_only(private_chat_link), notice)

    def try_again(self) -> Reply:
        """Something failed on the way: the user is asked to try again."""
        return Reply(View(self.texts.notices.try_again), self.texts.notices.try_again)

    # --- routes -------------------------------------------------------------------------------

    async def _tap(self, user_id: int, data: str) -> Reply:
        """A button tap. Stale, repeated or forged taps change nothing and get a polite notice."""
        action = parse_action(data)
        if action is None:
            log.debug("unparseable button data (%d bytes)", len(data))
            return Reply(None, self.texts.notices.unknown_button)
        if isinstance(action, SessionAction):
            return await self.use_cases.session.tap(user_id, action)
        return await self._buttons[action.verb](user_id, action)

    async def _open_session(self, user_id: int, _action: GeneralAction) -> Reply:
        return Reply(await self.use_cases.session.open(user_id))

    async def _open_session_in_place(self, user_id: int, _action: GeneralAction) -> Reply:
        view = await self.use_cases.session.open(user_id)
        return Reply(replace(view, fresh=False))

    async def _delete(self, user_id: int, _action: GeneralAction) -> Reply:
        return Reply(await self.use_cases.data_rights.delete(user_id))

    async def _keep_data(self, _user_id: int, _action: GeneralAction) -> Reply:
        return Reply(self.use_cases.data_rights.keep())

    @staticmethod
    def _constant(screen: Callable[[], View]) -> UserRoute:
        async def route(_user_id: int) -> Reply:
            return Reply(screen())

        return route


def _view(use_case: Callable[[int], Awaitable[View]]) -> UserRoute:
    async def route(user_id: int) -> Reply:
        return Reply(await use_case(user_id))

    return route


def _menu(commands: CommandTexts) -> list[tuple[str, str]]:
    """The menu, in the order people need it (/start and /stats are not listed)."""
    return [
        (CommandName.SESSION, commands.session),
        (CommandName.PROGRESS, commands.progress),
        (CommandName.REMINDERS, commands.reminders),
        (CommandName.ROUTINE, commands.routine),
        (CommandName.LANGUAGE, commands.language),
        (CommandName.HELP, commands.help),
        (CommandName.PRIVACY, commands.privacy),
        (CommandName.EXPORT, commands.export),
        (CommandName.DELETE, commands.delete),
    ]
