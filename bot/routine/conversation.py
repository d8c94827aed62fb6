"""The conversation around a session: the onboarding gate and the question that is open.

Beside the session machine (`bot.routine.session`), these decide what a person is in the middle of:

- the onboarding gate, before any routine: consent, then the red-flag checklist (re-asked weekly),
  and the advice screen while an answer says "one of these applies";
- the open question: what a typed text answers right now (a reminder time, a time zone, a soreness
  score) — or nothing, and it gets a hint.

Pure functions over plain values; the use cases read the values and act on the answer. The diagram
is in docs/architecture.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from bot.routine.session import Phase, SessionState

SAFETY_RECHECK_AFTER = timedelta(days=7)


class SafetyAnswer(StrEnum):
    """The last answer to the red-flag checklist (the `users.safety_screen` column)."""

    CLEAR = "clear"
    FLAGGED = "flagged"


class OpenQuestion(StrEnum):
    """A question asked in words whose answer is typed (the `users.awaiting` column)."""

    REMINDER_TIME = "reminder_time"
    TIME_ZONE = "time_zone"


class SafetyEventKind(StrEnum):
    """What a row of `safety_events` records (never what the user wrote)."""

    CHECKLIST_FLAG = "screen_flag"
    CLINICIAN_ASSESSED = "assessed"
    ANSWER_WITHDRAWN = "withdrawn"
    TEXT_FLAG = "text_flag"
    TOO_SORE = "too_sore"
    FLARE_UP = "flare_up"


class Gate(StrEnum):
    """Where onboarding stands; READY lets the routine begin."""

    CONSENT = "consent"
    CHECKLIST = "checklist"
    WEEKLY_CHECKLIST = "weekly_checklist"
    RED_FLAG_ADVICE = "red_flag_advice"
    READY = "ready"


class TypedMeaning(StrEnum):
    """What a typed text (that is not a warning sign) answers right now."""

    REMINDER_TIME = "reminder_time"
    TIME_ZONE = "time_zone"
    SORENESS_SCORE = "soreness_score"
    NOTHING = "nothing"


def onboarding_gate(
    *,
    consented: bool,
    safety: SafetyAnswer | None,
    screened_at: datetime | None,
    now: datetime,
    recheck_after: timedelta = SAFETY_RECHECK_AFTER,
) -> Gate:
    """What must come before any routine: consent, the checklist (weekly), or its advice."""
    if not consented:
        return Gate.CONSENT
    if safety is None:
        return Gate.CHECKLIST
    if safety is SafetyAnswer.FLAGGED:
        return Gate.RED_FLAG_ADVICE
    if screened_at is None or now - screened_at >= recheck_after:
        return Gate.WEEKLY_CHECKLIST
    return Gate.READY


def typed_meaning(open_question: OpenQuestion | None, session: SessionState | None) -> TypedMeaning:
    """A question asked in words wins; else a soreness score where the session asks for one."""
    if open_question is OpenQuestion.REMINDER_TIME:
        return TypedMeaning.REMINDER_TIME
    if open_question is OpenQuestion.TIME_ZONE:
        return TypedMeaning.TIME_ZONE
    if (
        session is not None
        and not session.paused
        and session.phase in (Phase.SORENESS_BEFORE, Phase.SORENESS_AFTER)
    ):
        return TypedMeaning.SORENESS_SCORE
    return TypedMeaning.NOTHING


_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}


def parse_score(text: str) -> int | None:
    """A typed soreness score: "4", " 7 ", "3/10", "four"; None for anything else."""
    stripped = text.strip().removesuffix("/10").strip()
    if (word := _NUMBER_WORDS.get(stripped.casefold())) is not None:
        return word
    if not stripped.isascii() or not stripped.isdigit() or len(stripped) > 2:
        return None
    score = int(stripped)
    return score if 0 <= score <= 10 else None
