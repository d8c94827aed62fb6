"""Onboarding: consent, and the red-flag checklist (asked first, re-asked weekly).

The gate itself is pure (`bot.routine.conversation.onboarding_gate`, shown by
`bot.use_cases.gate`); this module stores the answers.
"""

from __future__ import annotations

from dataclasses import replace

from bot.routine.actions import GeneralAction, GeneralVerb
from bot.routine.conversation import SafetyAnswer, SafetyEventKind
from bot.routine.views import Reply
from bot.store.records import SessionConflictError
from bot.use_cases.dependencies import Dependencies
from bot.use_cases.gate import gate_screen
from bot.use_cases.guided_session import GuidedSession


class Onboarding:
    def __init__(self, deps: Dependencies, session: GuidedSession) -> None:
        self.deps = deps
        self.session = session

    async def answer(self, user_id: int, action: GeneralAction) -> Reply:
        """Consent, or an answer to the checklist; then the next screen the gate asks for.

        "None of these" (or "I've been checked") opens today's session in the same unit of work.
        """
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
            consented = user.consent_version is not None
            if verb is GeneralVerb.CONSENT and not consented:
                version = texts.onboarding.consent_version
                await uow.users.record_consent(user_id, version, now)
                user = replace(user, consent_version=version)
            elif verb is GeneralVerb.FLAGS_SOME and consented:
                await uow.users.record_safety_screen(user_id, SafetyAnswer.FLAGGED, now)
                await uow.safety.add_event(user_id, SafetyEventKind.CHECKLIST_FLAG, None, now)
                return Reply(self.deps.screens.red_flags_advice())
            elif verb in (GeneralVerb.FLAGS_NONE, GeneralVerb.FLAGS_ASSESSED) and consented:
                await uow.users.record_safety_screen(user_id, SafetyAnswer.CLEAR, now)
                if verb is GeneralVerb.FLAGS_ASSESSED:
                    await uow.safety.add_event(
                        user_id, SafetyEventKind.CLINICIAN_ASSESSED, None, now
                    )
                user = replace(user, safety_screen=SafetyAnswer.CLEAR, safety_screened_at=now)
            if (onboarding := gate_screen(self.deps, user)) is not None:
                return Reply(onboarding)
            if verb is GeneralVerb.CONSENT:
                return Reply(None, texts.notices.saved)
            view = await self.session.open_in(uow, user_id)
        if verb in (GeneralVerb.FLAGS_NONE, GeneralVerb.FLAGS_ASSESSED):
            view = replace(view, text=f"{texts.onboarding.ready}\n\n{view.text}", fresh=False)
        return Reply(view)
