"""Onboarding and the warning-sign answers: consent, the checklist (asked first, re-asked weekly),
and the ways out of a standing warning sign.

The gate is pure (`bot.routine.conversation.onboarding_gate`) and so are the stop rules
(`bot.routine.stop_signals`); this module stores the answers and shows what comes next:

- "None of these" clears the checklist — only when the checklist is really asked (first, weekly,
  or after "I answered by mistake"), never as a shortcut past a standing warning sign;
- "One of these applies" (and "Yes, one of these" after a possible sign in free text) stands as an
  emergency-level sign: routine and nudges pause;
- "I answered by mistake" asks the whole checklist again, deliberately;
- "I've been checked and told I can exercise" lifts an emergency-level sign only after the waiting
  period, "My doctor knows and said exercise is fine" a see-a-doctor sign; both restart gently.
"""

from __future__ import annotations

from dataclasses import replace

from bot.routine.actions import GeneralAction, GeneralVerb
from bot.routine.conversation import SafetyEventKind
from bot.routine.stop_signals import FlagLevel, SafetyRecord, may_clear_as_checked
from bot.routine.views import Reply, View
from bot.store.records import SessionConflictError, UserRecord
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import gate_screen, safety_stop_screen
from bot.use_cases.guided_session import GuidedSession
from bot.use_cases.red_flag_stops import RedFlagStops

_CLEARING = frozenset({GeneralVerb.FLAGS_ASSESSED, GeneralVerb.DOCTOR_OK})


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
        texts = self.deps.texts
        now = self.deps.clock()
        verb = action.verb
        async with self.deps.unit_of_work() as uow:
            user = await uow.users.get_or_add(user_id, now)
            safety = user.safety
            consented = user.consent_version is not None
            if verb is GeneralVerb.POSSIBLE_NO:
                return Reply(View(texts.safety.possible_no_reply))
            if verb is GeneralVerb.POSSIBLE_YES or (
                verb is GeneralVerb.FLAGS_SOME and consented and not safety.paused
            ):
                kind = SafetyEventKind.CHECKLIST_FLAG
                flagged = await self.red_flags.stand_in(
                    uow, user_id, safety, FlagLevel.EMERGENCY, kind
                )
                return Reply(safety_stop_screen(self.deps, flagged))
            if safety.paused:
                return await self._way_out(uow, user, verb)
            if verb is GeneralVerb.CONSENT and not consented:
                version = texts.onboarding.consent_version
                await uow.users.record_consent(user_id, version, now)
                user = replace(user, consent_version=version)
            elif verb is GeneralVerb.FLAGS_NONE and consented:
                user = await self._save(uow, user, safety.checklist_clear(now))
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return Reply(onboarding)
            if verb is GeneralVerb.CONSENT:
                return Reply(None, texts.notices.saved)
            view = await self.session.open_in(uow, user_id)
        if verb is GeneralVerb.FLAGS_NONE:
            view = replace(view, text=f"{texts.onboarding.ready}\n\n{view.text}", fresh=False)
        return Reply(view)

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
            view = gate_screen(self.deps, user) or await self.session.open_in(uow, user.id)
            cleared = self.deps.screens.safety_cleared()
            return Reply(replace(view, text=f"{cleared}\n\n{view.text}", fresh=False))
        return Reply(safety_stop_screen(self.deps, safety))

    @staticmethod
    async def _save(uow: UnitOfWork, user: UserRecord, safety: SafetyRecord) -> UserRecord:
        await uow.users.save_safety(user.id, safety)
        return replace(user, safety=safety)
