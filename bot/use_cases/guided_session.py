"""The guided session: open today's routine, take a tap on an exercise, count a hold.

The state machine is pure (`bot.routine.session`); this module reads a session, applies an event,
and stores the transition (the session row carries a version, so two taps on the same step from
two processes advance it once).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace

from bot.routine.actions import SessionAction, SessionVerb
from bot.routine.content import Exercise, NoticeTexts, Tracks
from bot.routine.conversation import SafetyEventKind
from bot.routine.dosing import PersonalDose
from bot.routine.screens import Screens
from bot.routine.session import (
    ChooseTrack,
    Done,
    Event,
    Pause,
    Phase,
    Resume,
    SessionState,
    Skip,
    SkipAfterPain,
    SorenessContext,
    SorenessReported,
    StopToday,
    SwitchToGentler,
    TooPainful,
    Transition,
    TryGentler,
    apply,
    asks_soreness_before,
    is_current,
)
from bot.routine.views import Reply, Timer, View
from bot.store.records import SessionConflictError, SessionRecord, UserRecord
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import gate_screen, safety_stop_screen
from bot.use_cases.media_delivery import MediaDelivery, set_length, set_moment
from bot.use_cases.reminder_setup import ReminderSetup
from bot.use_cases.session_wrap_up import SessionWrapUp

log = logging.getLogger(__name__)

_LOOKS = frozenset((SessionVerb.MORE, SessionVerb.BACK, SessionVerb.GUIDE))
_EVENTS: dict[SessionVerb, Event] = {
    SessionVerb.DONE: Done(),
    SessionVerb.TOO_PAINFUL: TooPainful(),
    SessionVerb.SKIP: Skip(),
    SessionVerb.PAUSE: Pause(),
    SessionVerb.RESUME: Resume(),
    SessionVerb.TRY_GENTLER: TryGentler(),
    SessionVerb.GENTLER: SwitchToGentler(),
    SessionVerb.SKIP_AFTER_PAIN: SkipAfterPain(),
    SessionVerb.STOP_TODAY: StopToday(),
}


class GuidedSession:
    def __init__(
        self,
        deps: Dependencies,
        wrap_up: SessionWrapUp,
        reminders: ReminderSetup,
        media: MediaDelivery,
    ) -> None:
        self.deps = deps
        self.media = media
        self.wrap_up = wrap_up
        self.reminders = reminders

    # The update's language: its words, its screens, its tracks' titles.
    @property
    def tracks(self) -> Tracks:
        return self.deps.content.tracks

    @property
    def screens(self) -> Screens:
        return self.deps.screens

    @property
    def notices(self) -> NoticeTexts:
        return self.deps.texts.notices

    # --- opening ------------------------------------------------------------------------------

    async def start(self, user_id: int) -> View:
        """`/start`: onboarding for a new user, else pick up where they left off."""
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return onboarding
            record = await uow.sessions.open_one(user_id)
            if record is None:
                return self.screens.welcome_back()
            return await self._resumed(uow, record)

    async def open(self, user_id: int) -> View:
        """`/session`: continue the open session, or start a new one."""
        try:
            return await self._open(user_id)
        except SessionConflictError:
            # Another process opened one at the same moment (one open session per user): show it.
            return await self._open(user_id)

    async def _open(self, user_id: int) -> View:
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return onboarding
            return await self.open_in(uow, user_id, user)

    async def open_in(self, uow: UnitOfWork, user_id: int, user: UserRecord | None = None) -> View:
        """The open session shown again, or a new one (the gate has been passed)."""
        record = await uow.sessions.open_one(user_id)
        if record is not None:
            return await self._resumed(uow, record)
        if user is None:
            user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
        start = await self.wrap_up.how_to_start(uow, user)
        if start.check_in_first is not None:
            return self.deps.progress_screens.check_in_question(
                start.check_in_first, before_session=True
            )
        if start.done_today:
            return self.deps.progress_screens.done_today()
        track = self.tracks.get(user.track)
        record = await uow.sessions.create(
            user_id,
            track.version,
            self.deps.clock(),
            gentle_start=start.gently,
            routine_id=track.id,
            # The floor question, asked once, where there is another track to offer.
            choose_track=user.track is None and len(self.tracks) > 1,
            language=self.deps.language,
        )
        return await self._screen(uow, record)

    # --- taps ---------------------------------------------------------------------------------

    async def tap(self, user_id: int, action: SessionAction) -> Reply:
        """A tap inside a session. Stale, repeated or forged taps change nothing."""
        try:
            async with self.deps.unit_of_work() as uow:
                reply = await self.apply_in(uow, user_id, action)
        except SessionConflictError:
            return await self.lost_race(user_id, action.session_id)
        return reply

    async def lost_race(self, user_id: int, session_id: int) -> Reply:
        """A concurrent tap moved the session first: this one counts for nothing."""
        async with self.deps.unit_of_work() as uow:
            latest = await uow.sessions.get(session_id, user_id)
            if latest is None:
                return Reply(None, self.notices.expired)
            return Reply(await self._screen(uow, latest), self.notices.stale)

    async def apply_in(self, uow: UnitOfWork, user_id: int, action: SessionAction) -> Reply:
        """Apply one tap (or a typed score) to the session it names, in *uow*."""
        read = await uow.sessions.for_tap(action.session_id, user_id)
        if read is None:
            return Reply(None, self.notices.expired)
        if read.record.state.finished:
            if _finishing_tap(read.record.state, action):
                # Resent after a crash that lost the summary (or tapped twice): show it again.
                return Reply(await self._shown_again(uow, read.record, read.doses))
            return Reply(None, self.notices.expired)
        record, doses, state = read.record, read.doses, read.record.state
        if read.safety_paused:
            # A warning sign stands: no exercise screen, whatever was tapped.
            user = await uow.users.get_or_add(user_id, self.deps.clock(), self.deps.language)
            return Reply(safety_stop_screen(self.deps, user.safety))
        if not is_current(state, action.session_id, action.step):
            return Reply(await self._screen(uow, record, doses), self.notices.stale)
        if action.verb is SessionVerb.TIMER:
            view = await self._screen(uow, record, doses)
            return Reply(view, start_timer=self._set_timer(state, doses, view.timer))
        if action.verb in _LOOKS and not state.paused and state.phase is Phase.EXERCISE:
            return await self._look(uow, record, doses, action.verb)
        if state.paused and action.verb is not SessionVerb.RESUME:
            return Reply(await self._screen(uow, record, doses))
        event = self._event(action)
        if event is None:
            return Reply(await self._screen(uow, record, doses), self.notices.stale)
        gentler = frozenset(key for key, dose in doses.items() if dose.gentler_default)
        routine = self.tracks.get(state.routine_id)
        transition = apply(routine, state, event, gentler_by_default=gentler)
        if not transition.accepted:
            return Reply(await self._screen(uow, record, doses), self.notices.stale)
        saved = await self._record(uow, record, transition, event, doses)
        await self._remember_track(uow, user_id, state, action.verb, event)
        view = await self._screen(uow, saved, doses)
        if saved.state.finished:
            view = await self._finish(uow, user_id, saved.state, view, doses)
        return Reply(view)

    # --- the hold timer -----------------------------------------------------------------------

    async def timer_screen(
        self, user_id: int, session_id: int, step: int, seconds_left: int
    ) -> View | None:
        """The countdown screen, or None once the user has moved on (the timer then stops)."""
        async with self.deps.unit_of_work() as uow:
            record = await uow.sessions.get(session_id, user_id)
            if record is None:
                return None
            state = record.state
            if not is_current(state, session_id, step) or state.paused:
                return None
            if state.phase is not Phase.EXERCISE:
                return None
            doses = await uow.doses.of_user(user_id)
            dose = self.screens.dose_for(state, doses)
            exercise, voice = self._exercise(state), self.media.voice
            elapsed = set_length(voice, exercise, state.gentler, dose) - seconds_left
            moment = set_moment(voice, exercise, state.gentler, dose, elapsed)
            line = self.screens.set_line(moment)
            return await self.media.dress(uow, self.screens.set_timer(state, line, doses))

    # --- helpers ------------------------------------------------------------------------------

    def _exercise(self, state: SessionState) -> Exercise:
        """The exercise on screen, from the session's own track."""
        return self.tracks.get(state.routine_id).exercises[state.step]

    def _event(self, action: SessionAction) -> Event | None:
        """The state machine's event for a tap; None for a track the content does not have."""
        if action.verb is SessionVerb.SORENESS and action.score is not None:
            return SorenessReported(action.score)
        if action.verb in (SessionVerb.TRACK, SessionVerb.TRACK_TODAY):
            track = None if action.score is None else self.tracks.at(action.score)
            return None if track is None else ChooseTrack(track.id)
        return _EVENTS[action.verb]

    async def _remember_track(
        self, uow: UnitOfWork, user_id: int, before: SessionState, verb: SessionVerb, event: Event
    ) -> None:
        """The floor question's answer becomes the default track: "no" the track without the
        floor; a score or "not today" the floor, unless a default was chosen meanwhile
        (`/routine`). "No floor today" later changes only today."""
        if isinstance(event, ChooseTrack) and verb is SessionVerb.TRACK:
            await uow.users.set_track(user_id, event.routine_id)
        elif before.phase is Phase.CHOOSE_TRACK:
            await uow.users.set_track(user_id, self.tracks.default.id, if_unset=True)

    def _set_timer(
        self, state: SessionState, doses: Mapping[str, PersonalDose], hold: Timer | None
    ) -> Timer | None:
        """The ⏱ timer counts the whole set: its length is the voice guide's."""
        if hold is None:
            return None
        dose = self.screens.dose_for(state, doses)
        exercise = self._exercise(state)
        return replace(hold, seconds=set_length(self.media.voice, exercise, state.gentler, dose))

    async def _look(
        self,
        uow: UnitOfWork,
        record: SessionRecord,
        doses: Mapping[str, PersonalDose],
        verb: SessionVerb,
    ) -> Reply:
        """📖 More, ↩️ Back and 🔊 Guide me: nothing changes in the session."""
        state = record.state
        if verb is SessionVerb.MORE:
            return Reply(await self.media.dress(uow, self.screens.more(state, doses)))
        if verb is SessionVerb.BACK:
            return Reply(await self._screen(uow, record, doses))
        exercise = self._exercise(state)
        dose = self.screens.dose_for(state, doses)
        request = await self.media.voice_for(uow, exercise, state, dose)
        # Sent now if rendered; else queued first in line, and the channel waits for it
        # (`MediaDelivery.finish`) without holding up this tap.
        voice = self.media.ask_for(request) if request is not None else None
        if voice is None:
            return Reply(None, self.deps.texts.media.no_voice)
        return Reply(None, voice=voice)

    async def _finish(
        self,
        uow: UnitOfWork,
        user_id: int,
        finished: SessionState,
        summary: View,
        doses: Mapping[str, PersonalDose],
        *,
        shown_again: bool = False,
    ) -> View:
        """The end of a session: a rest day gets care advice; a routine gets its summary lines,
        and someone who never chose a reminder is asked for a time. *shown_again*: a session
        that finished earlier, shown once more (nothing is stored again)."""
        now = self.deps.clock()
        if finished.rest_day:
            if not shown_again:
                await uow.safety.add_event(user_id, SafetyEventKind.TOO_SORE, None, now)
            return self.deps.progress_screens.rest_day()
        user = await uow.users.get_or_add(user_id, now, self.deps.language)
        lines = await self.wrap_up.summary_lines(
            uow, user, finished, doses, shown_again=shown_again
        )
        if lines:
            summary = replace(summary, text="\n\n".join((summary.text, *lines)))
        if await self.reminders.never_asked_in(uow, user_id):
            question = self.screens.reminder_time_question()
            ask = self.deps.texts.reminders.ask_time
            summary = replace(summary, rows=question.rows, text=f"{summary.text}\n\n{ask}")
        return summary

    async def _record(
        self,
        uow: UnitOfWork,
        record: SessionRecord,
        transition: Transition,
        event: Event,
        doses: Mapping[str, PersonalDose],
    ) -> SessionRecord:
        """Store an accepted transition: the session row, and the outcome or soreness it carries."""
        now = self.deps.clock()
        before = record.state
        version = await uow.sessions.save(record, transition.state, now)
        if transition.outcome is not None:
            exercise = self.tracks.get(before.routine_id).exercises[transition.step]
            dose = self.screens.dose_for(before, doses)
            await uow.sessions.add_step_result(
                before.session_id, transition.step, exercise.key, transition.outcome, dose, now
            )
        if isinstance(event, SorenessReported):
            context = (
                SorenessContext.BEFORE if asks_soreness_before(before) else SorenessContext.AFTER
            )
            await uow.sessions.add_soreness(
                record.user_id, before.session_id, event.score, context, now
            )
        return SessionRecord(record.user_id, transition.state, version)

    async def _shown_again(
        self,
        uow: UnitOfWork,
        record: SessionRecord,
        doses: Mapping[str, PersonalDose] | None = None,
    ) -> View:
        """The summary (or rest-day advice) of a session that finished earlier."""
        if doses is None:
            doses = await uow.doses.of_user(record.user_id)
        view = await self._screen(uow, record, doses)
        return await self._finish(uow, record.user_id, record.state, view, doses, shown_again=True)

    async def _resumed(self, uow: UnitOfWork, record: SessionRecord) -> View:
        """An open session shown again in a new message, with a welcome-back line."""
        state = record.state
        lead = None if state.paused else self.screens.resume_lead(state)
        view = await self._screen(uow, record, lead=lead)
        return replace(view, fresh=True)

    async def _screen(
        self,
        uow: UnitOfWork,
        record: SessionRecord,
        doses: Mapping[str, PersonalDose] | None = None,
        *,
        lead: str | None = None,
    ) -> View:
        """The screen for where *record* stands, with what it needs read from the store."""
        state = record.state
        if doses is None and state.phase is Phase.EXERCISE:
            doses = await uow.doses.of_user(record.user_id)
        outcomes = await uow.sessions.outcome_counts(state.session_id) if state.finished else {}
        view = self.screens.current(state, doses, outcomes=outcomes, lead=lead)
        if state.phase is Phase.EXERCISE and not state.paused:
            exercise = self._exercise(state)
            dose = self.screens.dose_for(state, doses or {})
            view = self.media.with_guide(view, exercise, state.gentler, dose)
        return await self.media.dress(uow, view)


def _finishing_tap(state: SessionState, action: SessionAction) -> bool:
    """Whether *action* is a score on the question that finished *state* (its step is kept)."""
    return (
        action.session_id == state.session_id
        and action.step == state.step
        and action.verb is SessionVerb.SORENESS
    )
