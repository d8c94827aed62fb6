"""The onboarding gate and a standing warning sign, as screens: what comes before any routine."""

from __future__ import annotations

import math
from dataclasses import replace

from bot.routine.conversation import Gate, SafetyAnswer, onboarding_gate
from bot.routine.stop_signals import FlagLevel, SafetyRecord, Timeframe, clearance_opens_at
from bot.routine.views import View
from bot.store.records import UserRecord
from bot.use_cases.dependencies import Dependencies


def current_gate(deps: Dependencies, user: UserRecord) -> Gate:
    """Where *user* stands before any routine (`bot.routine.conversation.onboarding_gate`)."""
    return onboarding_gate(
        consented=user.consent_version is not None,
        safety=user.safety.answer,
        screened_at=user.safety.screened_at,
        now=deps.clock(),
    )


def gate_screen(deps: Dependencies, user: UserRecord) -> View | None:
    """What must come before any routine, or None when the routine may begin."""
    screens = deps.screens
    match current_gate(deps, user):
        case Gate.CONSENT:
            return screens.welcome()
        case Gate.CHECKLIST:
            return screens.red_flags_question()
        case Gate.DOCTOR_CHECKLIST:
            return screens.doctor_flags_question()
        case Gate.RED_FLAG_ADVICE:
            return safety_stop_screen(deps, user.safety)
        case Gate.WEEKLY_CHECKLIST:
            question = screens.red_flags_question()
            weekly = deps.texts.safety.weekly_check
            return replace(question, text=f"{weekly}\n\n{question.text}")
    return None


def safety_stop_screen(
    deps: Dependencies,
    safety: SafetyRecord,
    lead: str | None = None,
    timeframe: Timeframe | None = None,
) -> View:
    """The advice for the standing warning sign, with only the ways out its level allows now;
    after "I answered by mistake", the part of the checklist being asked again."""
    if safety.withdrawn:
        screens = deps.screens
        if safety.answer is SafetyAnswer.WITHDRAWN_DOCTOR_PART:
            return screens.doctor_flags_question()
        return screens.red_flags_question()
    opens = clearance_opens_at(safety, deps.content.routine.rules)
    hours = 0
    if opens is not None and opens > deps.clock():
        hours = max(1, math.ceil((opens - deps.clock()).total_seconds() / 3600))
    level = safety.level or FlagLevel.EMERGENCY
    return deps.screens.safety_stop(level, clear_in_hours=hours, lead=lead, timeframe=timeframe)
