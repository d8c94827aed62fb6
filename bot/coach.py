"""Use cases: what Limber does for a person, one database transaction per call.

Channel adapters (Telegram, the terminal chat) decode their input, call one method here, and
render the View that comes back. Nothing here knows about Telegram.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.privacy import PrivacyDesk
from bot.progress import ProgressCoach
from bot.reminders import NudgePolicy, Reminders
from bot.routine.actions import (
    GeneralAction,
    GeneralVerb,
    SessionAction,
    SessionVerb,
    parse_action,
)
from bot.routine.content import Content
from bot.routine.dosing import PersonalDose
from bot.routine.progress_screens import ProgressScreens, parse_check_in
from bot.routine.safety import RedFlagLevel, screen_text
from bot.routine.screens import Screens
from bot.routine.session import (
    Done,
    Event,
    Pause,
    Phase,
    Resume,
    SessionState,
    Skip,
    SkipAfterPain,
    SorenessReported,
    StopToday,
    TooPainful,
    Transition,
    TryGentler,
    apply,
    is_current,
)
from bot.routine.views import Timer, View
from bot.store.database import Database
from bot.store.repository import Repository, SessionRecord, StaleSessionError, UserRecord
from bot.store.stats import usage_since

log = logging.getLogger(__name__)

SAFETY_CLEAR = "clear"
SAFETY_FLAGGED = "flagged"
MAX_TEXT_LENGTH = 500
SAFETY_RECHECK_AFTER = timedelta(days=7)

_REMINDER_VERBS = frozenset(
    {
        GeneralVerb.REMINDER_TIME,
        GeneralVerb.REMINDER_OTHER_TIME,
        GeneralVerb.REMINDER_OFF,
        GeneralVerb.REMINDER_CHANGE,
        GeneralVerb.NUDGE_SNOOZE,
        GeneralVerb.NUDGE_SKIP_TODAY,
    }
)

_EVENTS: dict[SessionVerb, Event] = {
    SessionVerb.DONE: Done(),
    SessionVerb.TOO_PAINFUL: TooPainful(),
    SessionVerb.SKIP: Skip(),
    SessionVerb.PAUSE: Pause(),
    SessionVerb.RESUME: Resume(),
    SessionVerb.TRY_GENTLER: TryGentler(),
    SessionVerb.SKIP_AFTER_PAIN: SkipAfterPain(),
    SessionVerb.STOP_TODAY: StopToday(),
}


@dataclass(frozen=True)
class TapReply:
    """The answer to a button tap: a short notice (or None) and the screen to show in its place.

    `view` None means: leave the tapped message as it is. `start_timer`: count this hold down.
    """

    notice: str | None
    view: View | None
    start_timer: Timer | None = None


def utc_now() -> datetime:
    return datetime.now(UTC)


class Coach:
    def __init__(
        self,
        content: Content,
        database: Database,
        clock: Callable[[], datetime] = utc_now,
        nudge_policy: NudgePolicy | None = None,
        admin_ids: frozenset[int] = frozenset(),
    ) -> None:
        self.content = content
        self.texts = content.texts
        self.screens = Screens(content)
        self.database = database
        self.clock = clock
        self.reminders = Reminders(content, database, clock, nudge_policy)
        self.progress = ProgressCoach(content, database, clock)
        self.progress_screens = ProgressScreens(content)
        self.privacy_desk = PrivacyDesk(content, database, clock)
        self.admin_ids = admin_ids

    # --- commands ---------------------------------------------------------------------------

    async def start(self, user_id: int) -> View:
        """`/start`: onboarding for a new user, else pick up where they left off."""
        async with self.database.transaction() as db:
            repo = Repository(db)
            user = await self._user(repo, user_id)
            if (onboarding := self._onboarding_screen(user)) is not None:
                return onboarding
            record = await repo.open_session(user_id)
            if record is None:
                return self.screens.welcome_back()
            return await self._resumed(repo, record)

    async def open_session(self, user_id: int) -> View:
        """`/session`: continue the open session, or start a new one."""
        try:
            async with self.database.transaction() as db:
                repo = Repository(db)
                user = await self._user(repo, user_id)
                if (onboarding := self._onboarding_screen(user)) is not None:
                    return onboarding
                record = await repo.open_session(user_id)
                if record is not None:
                    return await self._resumed(repo, record)
                start = await self.progress.before_session(db, user_id)
                if start.check_in_first is not None:
                    return self.progress_screens.check_in_question(
                        start.check_in_first, before_session=True
                    )
                record = await repo.create_session(
                    user_id, self.content.routine.version, self.clock(), gentle_start=start.gently
                )
                return await self._screen(repo, record)
        except IntegrityError:
            # Another process opened one at the same moment (one open session per user): show it.
            async with self.database.transaction() as db:
                repo = Repository(db)
                record = await repo.open_session(user_id)
                if record is None:
                    raise
                return await self._resumed(repo, record)

    def help(self) -> View:
        return View(self.texts.help)

    def privacy(self) -> View:
        return View(self.texts.privacy)

    async def export(self, user_id: int) -> View:
        """`/export`: everything stored about the user, as files."""
        return await self.privacy_desk.export(user_id)

    def confirm_delete(self) -> View:
        """`/delete`: a confirmation button first."""
        return self.privacy_desk.confirm_delete()

    async def stats(self, user_id: int) -> View:
        """`/stats` for admins (ADMIN_IDS); anyone else gets the unknown-command answer."""
        if user_id not in self.admin_ids:
            return self.unknown_command()
        async with self.database.transaction() as db:
            usage = await usage_since(db, self.clock() - timedelta(days=7))
        return self.progress_screens.usage(usage)

    def unknown_command(self) -> View:
        return View(self.texts.hints.unknown_command)

    def not_text(self) -> View:
        return View(self.texts.hints.not_text)

    def try_again(self) -> View:
        return View(self.texts.notices.try_again)

    # --- taps -------------------------------------------------------------------------------

    async def tap(self, user_id: int, data: str) -> TapReply:
        """A button tap. Stale, repeated or forged taps change nothing and get a polite notice."""
        action = parse_action(data)
        if action is None:
            log.debug("unparseable button data (%d bytes)", len(data))
            return TapReply(self.texts.notices.unknown_button, None)
        if isinstance(action, SessionAction):
            return await self._session_tap(user_id, action)
        if action.verb in _REMINDER_VERBS:
            answer = await self.reminders.tap(user_id, action)
            return TapReply(answer.notice, answer.view)
        if action.verb is GeneralVerb.NUDGE_START:
            return TapReply(None, replace(await self.open_session(user_id), fresh=False))
        if action.verb in (GeneralVerb.CHECK_IN, GeneralVerb.CHECK_IN_FIRST):
            return await self._check_in(user_id, action)
        if action.verb is GeneralVerb.DELETE_CONFIRM:
            return TapReply(None, await self.privacy_desk.delete(user_id))
        if action.verb is GeneralVerb.DELETE_CANCEL:
            return TapReply(None, self.privacy_desk.keep())
        return await self._general_tap(user_id, action)

    async def _check_in(self, user_id: int, action: GeneralAction) -> TapReply:
        """Better / Same / Worse about a past session: stored once, then the nudge or session."""
        parsed = parse_check_in(action.value)
        if parsed is None:
            return TapReply(self.texts.notices.unknown_button, None)
        session_id, answer = parsed
        async with self.database.transaction() as db:
            user = await Repository(db).get_user(user_id)
        if user is None:  # e.g. an old nudge tapped after /delete: store nothing
            return TapReply(self.texts.notices.expired, None)
        thanks = await self.progress.record_check_in(user_id, session_id, answer, user.time_zone)
        if thanks is None:
            return TapReply(self.texts.notices.expired, None)
        if action.verb is GeneralVerb.CHECK_IN_FIRST:
            view = await self.open_session(user_id)
            return TapReply(None, replace(view, text=f"{thanks}\n\n{view.text}", fresh=False))
        nudge = self.screens.nudge(user_id, self.clock().date())
        return TapReply(None, View(thanks, nudge.rows))

    async def progress_report(self, user_id: int) -> View:
        """`/progress`: the figures as text, and a chart."""
        async with self.database.transaction() as db:
            user = await self._user(Repository(db), user_id)
        return await self.progress.report(user_id, user.time_zone)

    async def show_reminders(self, user_id: int) -> View:
        """`/reminders`: the reminder as set now, or the question to set one."""
        async with self.database.transaction() as db:
            user = await self._user(Repository(db), user_id)
            if (onboarding := self._onboarding_screen(user)) is not None:
                return onboarding
        return await self.reminders.ask(user_id)

    async def location(self, user_id: int, latitude: float, longitude: float) -> View:
        """A shared location: it answers "which time zone?", else it gets a hint."""
        answer = await self.reminders.location(user_id, latitude, longitude)
        return answer if answer is not None else self.not_text()

    async def chat_blocked(self, user_id: int) -> None:
        await self.reminders.chat_blocked(user_id)

    async def chat_unblocked(self, user_id: int) -> None:
        await self.reminders.chat_unblocked(user_id)

    async def _general_tap(self, user_id: int, action: GeneralAction) -> TapReply:
        async with self.database.transaction() as db:
            repo = Repository(db)
            user = await self._user(repo, user_id)
            now = self.clock()
            match action.verb:
                case GeneralVerb.CONSENT:
                    if user.consent_version is None:
                        await repo.record_consent(
                            user_id, self.texts.onboarding.consent_version, now
                        )
                        user = replace(user, consent_version=self.texts.onboarding.consent_version)
                case GeneralVerb.FLAGS_SOME if user.consent_version is not None:
                    await repo.record_safety_screen(user_id, SAFETY_FLAGGED, now)
                    await repo.add_safety_event(user_id, "screen_flag", None, now)
                    return TapReply(None, self.screens.red_flags_advice())
                case GeneralVerb.FLAGS_NONE | GeneralVerb.FLAGS_ASSESSED if (
                    user.consent_version is not None
                ):
                    await repo.record_safety_screen(user_id, SAFETY_CLEAR, now)
                    if action.verb is GeneralVerb.FLAGS_ASSESSED:
                        await repo.add_safety_event(user_id, "assessed", None, now)
                    user = replace(user, safety_screen=SAFETY_CLEAR, safety_screened_at=now)
            if (onboarding := self._onboarding_screen(user)) is not None:
                return TapReply(None, onboarding)
        if action.verb is GeneralVerb.CONSENT:
            return TapReply(self.texts.notices.saved, None)
        view = await self.open_session(user_id)
        if action.verb in (GeneralVerb.FLAGS_NONE, GeneralVerb.FLAGS_ASSESSED):
            view = replace(view, text=f"{self.texts.onboarding.ready}\n\n{view.text}", fresh=False)
        return TapReply(None, view)

    async def _session_tap(self, user_id: int, action: SessionAction) -> TapReply:
        try:
            async with self.database.transaction() as db:
                return await self._apply_tap(Repository(db), user_id, action)
        except (StaleSessionError, IntegrityError):
            # A concurrent tap moved the session first: this one counts for nothing.
            async with self.database.transaction() as db:
                repo = Repository(db)
                latest = await repo.get_session(action.session_id, user_id)
                if latest is None:
                    return TapReply(self.texts.notices.expired, None)
                return TapReply(self.texts.notices.stale, await self._screen(repo, latest))

    async def _apply_tap(self, repo: Repository, user_id: int, action: SessionAction) -> TapReply:
        record = await repo.get_session(action.session_id, user_id)
        if record is None or record.state.finished:
            return TapReply(self.texts.notices.expired, None)
        state = record.state
        doses = await repo.doses(user_id)
        if not is_current(state, action.session_id, action.step):
            return TapReply(self.texts.notices.stale, await self._screen(repo, record, doses))
        if action.verb is SessionVerb.TIMER:
            view = await self._screen(repo, record, doses)
            return TapReply(None, view, start_timer=view.timer)
        if state.paused:
            # Paused by the user, or by a red flag: only Continue goes on, and only once safe.
            user = await self._user(repo, user_id)
            if user.safety_screen == SAFETY_FLAGGED:
                return TapReply(None, self._safety_paused())
            if action.verb is not SessionVerb.RESUME:
                return TapReply(None, await self._screen(repo, record, doses))
        event = SorenessReported(action.score) if action.score is not None else _EVENTS[action.verb]
        gentler = frozenset(key for key, dose in doses.items() if dose.gentler_default)
        transition = apply(self.content.routine, state, event, gentler_by_default=gentler)
        if not transition.accepted:
            return TapReply(self.texts.notices.stale, await self._screen(repo, record, doses))
        saved = await self._record(repo, record, transition, event, doses)
        view = await self._screen(repo, saved, doses)
        if saved.state.finished:
            view = await self._wrap_up(repo, user_id, saved.state, view, doses)
        return TapReply(None, view)

    async def _wrap_up(
        self,
        repo: Repository,
        user_id: int,
        finished: SessionState,
        summary: View,
        doses: Mapping[str, PersonalDose],
    ) -> View:
        """The end of a session, in its last transaction: a rest day gets care advice; a routine
        gets its summary lines, and someone who never chose a reminder is asked for a time."""
        now = self.clock()
        if finished.rest_day:
            await repo.add_safety_event(user_id, "too_sore", None, now)
            return self.progress_screens.rest_day()
        user = await self._user(repo, user_id)
        lines = await self.progress.wrap_up(
            repo.connection, user_id, finished, user.time_zone, doses
        )
        if lines:
            summary = replace(summary, text="\n\n".join((summary.text, *lines)))
        if await self.reminders.never_asked(repo.connection, user_id):
            summary = replace(summary, rows=self.screens.reminder_time_question().rows)
            summary = replace(summary, text=f"{summary.text}\n\n{self.texts.reminders.ask_time}")
        return summary

    def _safety_paused(self) -> View:
        button = self.screens.red_flags_advice().rows
        return View(self.texts.safety.paused, button)

    async def _record(
        self,
        repo: Repository,
        record: SessionRecord,
        transition: Transition,
        event: Event,
        doses: Mapping[str, PersonalDose],
    ) -> SessionRecord:
        """Store an accepted transition: the session row, and the outcome or soreness it carries."""
        now = self.clock()
        before = record.state
        version = await repo.save_session(record, transition.state, now)
        if transition.outcome is not None:
            exercise = self.content.routine.exercises[transition.step]
            dose = self.screens.dose_for(before, doses)
            await repo.add_step_result(
                before.session_id, transition.step, exercise.key, transition.outcome, dose, now
            )
        if isinstance(event, SorenessReported):
            context = "before" if before.phase is Phase.SORENESS_BEFORE else "after"
            await repo.add_soreness(record.user_id, before.session_id, event.score, context, now)
        return SessionRecord(record.user_id, transition.state, version)

    # --- free text --------------------------------------------------------------------------

    async def text(self, user_id: int, text: str) -> View:
        """Free text: a soreness score where one is asked for, else a friendly hint."""
        hints = self.texts.hints
        if len(text) > MAX_TEXT_LENGTH:
            return View(hints.too_long)
        if (level := screen_text(text)) is not None:
            return await self._red_flag(user_id, level)
        answer = await self.reminders.answer(user_id, text)
        if answer is not None:
            return answer
        async with self.database.transaction() as db:
            repo = Repository(db)
            record = await repo.open_session(user_id)
            if (
                record is None
                or record.state.paused
                or record.state.phase
                not in (
                    Phase.SORENESS_BEFORE,
                    Phase.SORENESS_AFTER,
                )
            ):
                return View(hints.text)
        score = _parse_score(text)
        if score is None:
            return View(hints.soreness_number)
        state = record.state
        reply = await self._session_tap(
            user_id, SessionAction(SessionVerb.SORENESS, state.session_id, state.step, score)
        )
        view = reply.view or View(reply.notice or hints.text)
        return replace(view, fresh=True)

    async def _red_flag(self, user_id: int, level: RedFlagLevel) -> View:
        """Free text mentioned a warning sign: safety advice now, and the routine paused."""
        now = self.clock()
        async with self.database.transaction() as db:
            repo = Repository(db)
            await self._user(repo, user_id)
            await repo.record_safety_screen(user_id, SAFETY_FLAGGED, now)
            await repo.add_safety_event(user_id, "text_flag", level.value, now)
            record = await repo.open_session(user_id)
            if record is not None and not record.state.paused:
                await repo.save_session(record, replace(record.state, paused=True), now)
        log.info("red flag in free text (level %s): routine paused", level.value)
        return self.progress_screens.red_flag_reply(urgent=level is RedFlagLevel.URGENT)

    # --- the hold timer ---------------------------------------------------------------------

    async def timer_screen(
        self, user_id: int, session_id: int, step: int, seconds_left: int
    ) -> View | None:
        """The countdown screen, or None once the user has moved on (the timer then stops)."""
        async with self.database.transaction() as db:
            repo = Repository(db)
            record = await repo.get_session(session_id, user_id)
            if record is None:
                return None
            state = record.state
            if not is_current(state, session_id, step) or state.paused:
                return None
            if state.phase is not Phase.EXERCISE:
                return None
            return self.screens.timer(state, seconds_left, await repo.doses(user_id))

    # --- helpers ----------------------------------------------------------------------------

    async def _user(self, repo: Repository, user_id: int) -> UserRecord:
        user = await repo.get_user(user_id)
        return user if user is not None else await repo.add_user(user_id, self.clock())

    def _onboarding_screen(self, user: UserRecord) -> View | None:
        """What must come before any routine: consent, the red-flag screen (re-asked weekly)."""
        if user.consent_version is None:
            return self.screens.welcome()
        if user.safety_screen is None:
            return self.screens.red_flags_question()
        if user.safety_screen == SAFETY_FLAGGED:
            return self.screens.red_flags_advice()
        screened = user.safety_screened_at
        if screened is None or self.clock() - screened >= SAFETY_RECHECK_AFTER:
            question = self.screens.red_flags_question()
            return replace(question, text=f"{self.texts.safety.weekly_check}\n\n{question.text}")
        return None

    async def _resumed(self, repo: Repository, record: SessionRecord) -> View:
        """An open session shown again in a new message, with a welcome-back line."""
        state = record.state
        lead = None if state.paused else self.screens.resume_lead(state)
        view = await self._screen(repo, record, lead=lead)
        return replace(view, fresh=True)

    async def _screen(
        self,
        repo: Repository,
        record: SessionRecord,
        doses: Mapping[str, PersonalDose] | None = None,
        *,
        lead: str | None = None,
    ) -> View:
        """The screen for where *record* stands, with what it needs read from the store."""
        state = record.state
        if doses is None and state.phase is Phase.EXERCISE:
            doses = await repo.doses(record.user_id)
        outcomes = await repo.outcome_counts(state.session_id) if state.finished else {}
        return self.screens.current(state, doses, outcomes=outcomes, lead=lead)


def _parse_score(text: str) -> int | None:
    stripped = text.strip().removesuffix("/10").strip()
    if not stripped.isascii() or not stripped.isdigit() or len(stripped) > 2:
        return None
    score = int(stripped)
    return score if 0 <= score <= 10 else None
