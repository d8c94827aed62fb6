"""Stop signals that hold: a warning sign pauses the routine until it is properly cleared.

The traffic light of ../shared/CLINICAL.md, as pure rules over a person's safety record:

- an emergency-level sign (a checklist answer "one of these applies", or free text that matches
  the cauda-equina warning signs) pauses the routine and the nudges. It is lifted by "I answered
  by mistake" (which asks the whole checklist again, deliberately) or, only after
  `emergency_clearance_wait_hours`, by "I've been checked and told I can exercise";
- a see-a-doctor sign pauses them too, and is lifted by an explicit acknowledgement ("my doctor
  knows and said exercise is fine");
- after any clearance the next session starts gently and no dose steps up for
  `clearance_no_rise_days`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.routine.content import FlagLevel, PainRules
from bot.routine.conversation import SafetyAnswer

__all__ = [
    "FlagLevel",
    "SafetyRecord",
    "clearance_opens_at",
    "may_clear_as_checked",
    "rises_held",
    "start_gently",
]


@dataclass(frozen=True)
class SafetyRecord:
    """What the store keeps about a person's warning signs (never their words)."""

    answer: SafetyAnswer | None = None
    screened_at: datetime | None = None
    level: FlagLevel | None = None
    flagged_at: datetime | None = None
    cleared_at: datetime | None = None

    @property
    def paused(self) -> bool:
        """A warning sign is standing: no exercise screen, no nudge."""
        return self.answer is SafetyAnswer.FLAGGED

    def flagged(self, level: FlagLevel, now: datetime) -> SafetyRecord:
        """A warning sign at *level*; an emergency already standing is never lowered, and a new
        emergency sign starts its waiting period again."""
        if self.paused and self.level is FlagLevel.EMERGENCY and level is FlagLevel.SEE_DOCTOR:
            return self
        if self.paused and self.level is level is FlagLevel.SEE_DOCTOR:
            return self
        return replace(
            self, answer=SafetyAnswer.FLAGGED, screened_at=now, level=level, flagged_at=now
        )

    def checklist_clear(self, now: datetime) -> SafetyRecord:
        """ "None of these": the checklist, first or weekly or after "I answered by mistake"."""
        return replace(
            self, answer=SafetyAnswer.CLEAR, screened_at=now, level=None, flagged_at=None
        )

    def cleared_after_check(self, now: datetime) -> SafetyRecord:
        """Checked by a clinician (or a see-a-doctor sign acknowledged): gently from here."""
        return replace(
            self,
            answer=SafetyAnswer.CLEAR,
            screened_at=now,
            level=None,
            flagged_at=None,
            cleared_at=now,
        )

    def asked_again(self) -> SafetyRecord:
        """ "I answered by mistake": the whole checklist is asked again, deliberately."""
        return replace(self, answer=None, level=None, flagged_at=None)


def clearance_opens_at(record: SafetyRecord, rules: PainRules) -> datetime | None:
    """When "I've been checked" may lift the pause (None: not paused)."""
    if not record.paused:
        return None
    if record.level is FlagLevel.SEE_DOCTOR or record.flagged_at is None:
        return record.flagged_at
    return record.flagged_at + timedelta(hours=rules.emergency_clearance_wait_hours)


def may_clear_as_checked(record: SafetyRecord, now: datetime, rules: PainRules) -> bool:
    opens = clearance_opens_at(record, rules)
    return opens is not None and now >= opens


def rises_held(record: SafetyRecord, now: datetime, rules: PainRules) -> bool:
    """No dose steps up while paused, or for `clearance_no_rise_days` after a clearance."""
    if record.paused:
        return True
    if record.cleared_at is None:
        return False
    return now - record.cleared_at < timedelta(days=rules.clearance_no_rise_days)


def start_gently(record: SafetyRecord, last_session_started: datetime | None) -> bool:
    """The first session after a clearance opens every exercise on its gentler option."""
    if record.cleared_at is None:
        return False
    return last_session_started is None or last_session_started < record.cleared_at
