"""The conversation around a session: the onboarding gate and the question that is open.

Beside the session machine (`bot.routine.session`), these decide what a person is in the middle of:

- the onboarding gate, before any routine: consent, then the red-flag checklist in two parts (the
  emergency signs, then the see-a-doctor signs; re-asked weekly), and the advice screen while an
  answer says "one of these applies";
- the open question: what a typed text answers right now (a reminder time, a time zone, a soreness
  score) — or nothing, and it gets a hint.

Pure functions over plain values; the use cases read the values and act on the answer. The diagram
is in docs/architecture.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from bot.routine.session import Phase, SessionState, asks_soreness_before

SAFETY_RECHECK_AFTER = timedelta(days=7)


class SafetyAnswer(StrEnum):
    """Where the red-flag checklist stands (the `users.safety_screen` column, ≤ 16 letters).

    The checklist has two parts, the emergency signs first, then the see-a-doctor signs.
    """

    CLEAR = "clear"
    FLAGGED = "flagged"
    DOCTOR_PART = "doctor_part"
    """The emergency part was answered "none of these": the see-a-doctor part comes next."""
    WITHDRAWN = "withdrawn"
    """A sign was withdrawn ("I answered by mistake"): the checklist is asked again; until it is
    answered, no routine and no nudge (as while a sign stands)."""
    WITHDRAWN_DOCTOR_PART = "withdrawn_doctor"
    """The same, with its emergency part answered "none of these"."""


HOLDS_NUDGES = frozenset(
    {SafetyAnswer.FLAGGED, SafetyAnswer.WITHDRAWN, SafetyAnswer.WITHDRAWN_DOCTOR_PART}
)
"""The answers that hold the routine and the nudges: a sign stands, or was withdrawn and the
checklist is not answered again yet."""


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
    DOCTOR_CHECKLIST = "doctor_checklist"
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
    """What must come before any routine: consent, the checklist's two parts (weekly), or the
    advice for a standing sign."""
    if not consented:
        return Gate.CONSENT
    if safety is None or safety is SafetyAnswer.WITHDRAWN:
        return Gate.CHECKLIST
    if safety is SafetyAnswer.FLAGGED:
        return Gate.RED_FLAG_ADVICE
    if safety in (SafetyAnswer.DOCTOR_PART, SafetyAnswer.WITHDRAWN_DOCTOR_PART):
        return Gate.DOCTOR_CHECKLIST
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
        and (asks_soreness_before(session) or session.phase is Phase.SORENESS_AFTER)
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
