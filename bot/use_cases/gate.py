"""The onboarding gate as a screen: what must come before any routine."""

from __future__ import annotations

from dataclasses import replace

from bot.routine.conversation import Gate, onboarding_gate
from bot.routine.views import View
from bot.store.records import UserRecord
from bot.use_cases.dependencies import Dependencies


def gate_screen(deps: Dependencies, user: UserRecord) -> View | None:
    """What must come before any routine, or None when the routine may begin."""
    gate = onboarding_gate(
        consented=user.consent_version is not None,
        safety=user.safety_screen,
        screened_at=user.safety_screened_at,
        now=deps.clock(),
    )
    screens = deps.screens
    match gate:
        case Gate.CONSENT:
            return screens.welcome()
        case Gate.CHECKLIST:
            return screens.red_flags_question()
        case Gate.RED_FLAG_ADVICE:
            return screens.red_flags_advice()
        case Gate.WEEKLY_CHECKLIST:
            question = screens.red_flags_question()
            weekly = deps.texts.safety.weekly_check
            return replace(question, text=f"{weekly}\n\n{question.text}")
    return None
