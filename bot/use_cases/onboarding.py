"""Onboarding and the warning-sign answers: consent, the checklist in two parts (asked first,
re-asked weekly), the confirm question's answers, and the ways out of a standing warning sign.

The gate is pure (`bot.routine.conversation.onboarding_gate`) and so are the stop rules
(`bot.routine.stop_signals`); this module stores the answers and shows what comes next:

- the checklist asks the emergency signs first, then the see-a-doctor signs. "None of these"
  moves it on only when that part is really asked (first, weekly, or after "I answered by
  mistake"), never as a shortcut past a standing warning sign;
- "One of these applies" to the emergency part stands as an emergency sign (routine and nudges
  pause; "I've been checked" only after the waiting period); to the see-a-doctor part, as a
  see-a-doctor sign (how soon, sign by sign, and the acknowledgement);
- the confirm question after a possible sign in free text: "Yes" stands at the level of the signs
  it listed, "No" thanks with the safety net, "See the full list" asks both parts;
- "I answered by mistake" asks the whole checklist again, deliberately, holding routine and
  nudges until it is answered; then, as after a clearance, the routine restarts gently;
- "I've been checked and told I can exercise" lifts an emergency-level sign only after the waiting
  period, "My doctor knows and said exercise is fine" a see-a-doctor sign; both restart gently.
"""

from __future__ import annotations

from dataclasses import replace

from bot.routine.actions import GeneralAction, GeneralVerb
from bot.routine.conversation import Gate, SafetyEventKind
from bot.routine.stop_signals import (
    FlagLevel,
    SafetyRecord,
    level_of,
    may_clear_as_checked,
    restart_gently,
    soonest,
)
from bot.routine.views import Reply, View
from bot.store.records import SessionConflictError, UserRecord
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import current_gate, gate_screen, safety_stop_screen
from bot.use_cases.guided_session import GuidedSession
from bot.use_cases.red_flag_stops import RedFlagStops

_CLEARING = frozenset({GeneralVerb.FLAGS_ASSESSED, GeneralVerb.DOCTOR_OK})
_FIRST_PART = frozenset({Gate.CHECKLIST, Gate.WEEKLY_CHECKLIST})


class Onboarding:
    def __init__(self, deps: Dependencies, session: GuidedSession, red_flags: RedFlagStops) -> None:
        self.deps = deps
        self.session = session
        self.red_flags = red_flags
        self.rules = deps.content.routine.rules

    async def answer(self, user_id: int, action: GeneralAction) -> Reply:
        """Consent, an answer to the checklist, or a way out of a warning sign; then the next
        screen. Opening the session after a clear answer happens in the same unit of work."""
        try:
            return await self._answer(user_id, action)
        except SessionConflictError:
            # Another process opened the session at the same moment: answer again (idempotent).
            return await self._answer(user_id, action)

    async def _answer(self, user_id: int, action: GeneralAction) -> Reply:
        texts, screens = self.deps.texts, self.deps.screens
        now = self.deps.clock()
        verb = action.verb
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, now, self.deps.language)
            safety = user.safety
            consented = user.consent_version is not None
            if verb is GeneralVerb.POSSIBLE_NO:
                return Reply(screens.possible_no())
            if verb is GeneralVerb.POSSIBLE_ALL:
                return Reply(screens.red_flags_question(asked=True))
            if verb is GeneralVerb.POSSIBLE_YES:
                return Reply(await self._listed_sign(uow, user, action.value))
            if consented and self._reports_a_sign(verb, safety):
                return Reply(await self._checklist_sign(uow, user, verb))
            if safety.paused:
                return await self._way_out(uow, user, verb)
            gate = current_gate(self.deps, user)
            if verb is GeneralVerb.CONSENT and not consented:
                version = texts.onboarding.consent_version
                await uow.users.record_consent(user_id, version, now)
                user = replace(user, consent_version=version)
            elif verb is GeneralVerb.FLAGS_NONE and gate in _FIRST_PART:
                user = await self._save(uow, user, safety.emergency_part_clear())
            elif verb is GeneralVerb.FLAGS_NONE and gate is Gate.READY:
                # The full list after a possible sign (or an old button): its second part.
                return Reply(screens.doctor_flags_question())
            elif verb is GeneralVerb.DOCTOR_FLAGS_NONE and gate is Gate.DOCTOR_CHECKLIST:
                return Reply(await self._checklist_clear(uow, user))
            elif verb is GeneralVerb.DOCTOR_FLAGS_NONE and gate is Gate.READY:
                return Reply(screens.possible_no())
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return Reply(onboarding)
            if verb is GeneralVerb.CONSENT:
                return Reply(None, texts.notices.saved)
            return Reply(await self.session.open_in(uow, user_id))

    @staticmethod
    def _reports_a_sign(verb: GeneralVerb, safety: SafetyRecord) -> bool:
        """ "One of these applies": taken at once, unless the same or a more urgent sign
        already stands (an old button must not restart the waiting period)."""
        if verb is GeneralVerb.FLAGS_SOME:
            return not safety.paused or safety.level is FlagLevel.SEE_DOCTOR
        return verb is GeneralVerb.DOCTOR_FLAGS_SOME and not safety.paused

    async def _checklist_sign(self, uow: UnitOfWork, user: UserRecord, verb: GeneralVerb) -> View:
        """A part of the checklist answered "one of these applies": its own advice and hold."""
        kind = SafetyEventKind.CHECKLIST_FLAG
        if verb is GeneralVerb.FLAGS_SOME:
            flagged = await self.red_flags.stand_in(
                uow, user.id, user.safety, FlagLevel.EMERGENCY, kind
            )
            return safety_stop_screen(self.deps, flagged)
        flagged = await self.red_flags.stand_in(
            uow, user.id, user.safety, FlagLevel.SEE_DOCTOR, kind
        )
        return safety_stop_screen(
            self.deps, flagged, lead=self.deps.screens.doctor_checklist_advice()
        )

    async def _listed_sign(self, uow: UnitOfWork, user: UserRecord, ids: str | None) -> View:
        """ "Yes, one of these" to the confirm question: the advice for the level of the signs
        it listed (an emergency if any of them is one, or if the button names none we know)."""
        items = self.deps.screens.listed_items(ids)
        level = level_of(items)
        kind = SafetyEventKind.CHECKLIST_FLAG
        flagged = await self.red_flags.stand_in(uow, user.id, user.safety, level, kind)
        if level is FlagLevel.EMERGENCY or flagged.level is FlagLevel.EMERGENCY:
            return safety_stop_screen(self.deps, flagged)
        safety = self.deps.texts.safety
        return safety_stop_screen(
            self.deps, flagged, lead=safety.text_doctor, timeframe=soonest(items)
        )

    async def _checklist_clear(self, uow: UnitOfWork, user: UserRecord) -> View:
        """Both parts answered "none of these": the routine may begin. After a withdrawn sign it
        restarts gently, as after a clearance, with the safety net."""
        withdrawn = user.safety.withdrawn
        user = await self._save(uow, user, user.safety.checklist_clear(self.deps.clock()))
        lead = self.deps.texts.onboarding.ready
        if withdrawn:
            await self._restart_open_session_gently(uow, user.id)
            lead = f"{lead}\n{self.deps.screens.safety_cleared()}"
        view = await self.session.open_in(uow, user.id)
        return replace(view, text=f"{lead}\n\n{view.text}", fresh=False)

    async def _way_out(self, uow: UnitOfWork, user: UserRecord, verb: GeneralVerb) -> Reply:
        """While a warning sign stands, only its own ways out do anything."""
        now = self.deps.clock()
        safety = user.safety
        if verb is GeneralVerb.FLAGS_MISTAKE:
            await uow.safety.add_event(user.id, SafetyEventKind.ANSWER_WITHDRAWN, None, now)
            await self._save(uow, user, safety.asked_again())
            return Reply(self.deps.screens.red_flags_question())
        if verb in _CLEARING:
            emergency = safety.level is not FlagLevel.SEE_DOCTOR
            if emergency and not may_clear_as_checked(safety, now, self.rules):
                return Reply(safety_stop_screen(self.deps, safety), self.deps.texts.safety.not_yet)
            await uow.safety.add_event(user.id, SafetyEventKind.CLINICIAN_ASSESSED, None, now)
            user = await self._save(uow, user, safety.cleared_after_check(now))
            await self._restart_open_session_gently(uow, user.id)
            view = gate_screen(self.deps, user) or await self.session.open_in(uow, user.id)
            cleared = self.deps.screens.safety_cleared()
            return Reply(replace(view, text=f"{cleared}\n\n{view.text}", fresh=False))
        return Reply(safety_stop_screen(self.deps, safety))

    async def _restart_open_session_gently(self, uow: UnitOfWork, user_id: int) -> None:
        """The session the sign paused goes on with the gentler options (the next one opens on
        them through `start_gently`)."""
        record = await uow.sessions.open_one(user_id)
        if record is None:
            return
        gentle = restart_gently(record.state, self.deps.content.tracks.get(record.state.routine_id))
        if gentle != record.state:
            await uow.sessions.save(record, gentle, self.deps.clock())

    @staticmethod
    async def _save(uow: UnitOfWork, user: UserRecord, safety: SafetyRecord) -> UserRecord:
        await uow.users.save_safety(user.id, safety)
        return replace(user, safety=safety)
