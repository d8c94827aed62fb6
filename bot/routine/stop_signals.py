"""Stop signals that hold: a warning sign pauses the routine until it is properly cleared.

The traffic light of ../shared/CLINICAL.md, as pure rules over a person's safety record:

- an emergency-level sign (the checklist's emergency part answered "one of these applies", or free
  text that matches the cauda-equina warning signs) pauses the routine and the nudges. It is
  lifted by "I answered by mistake" (which asks the whole checklist again, deliberately, and holds
  routine and nudges until it is answered) or, only after
  `emergency_clearance_wait_hours`, by "I've been checked and told I can exercise";
- a see-a-doctor sign pauses them too, and is lifted by an explicit acknowledgement ("my doctor
  knows and said exercise is fine");
- after any clearance — and after a withdrawn sign once the checklist is answered again — the
  routine starts gently (an open session goes on with the gentler options, the next one opens on
  them) and no dose steps up for `clearance_no_rise_days`.

The checklist is data (`content/texts.yaml`, `onboarding.checklist`): each item has a level, a
timeframe for a see-a-doctor sign, and the free-text screen's categories and concepts it covers,
so a possible sign is asked about with the few items closest to what was typed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.routine.content import ChecklistItem, FlagLevel, PainRules, Routine, Timeframe
from bot.routine.conversation import HOLDS_NUDGES, SafetyAnswer
from bot.routine.session import Phase, SessionState

__all__ = [
    "CONFIRM_LINES",
    "FlagLevel",
    "SafetyRecord",
    "Timeframe",
    "clearance_opens_at",
    "closest_items",
    "level_of",
    "may_clear_as_checked",
    "restart_gently",
    "rises_held",
    "soonest",
    "start_gently",
    "timeframe_for",
]

CONFIRM_LINES = 5
"""The confirm question lists at most this many signs (a phone screen); the rest on request."""


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

    @property
    def withdrawn(self) -> bool:
        """A sign was withdrawn and the checklist is being asked again."""
        return self.answer in (SafetyAnswer.WITHDRAWN, SafetyAnswer.WITHDRAWN_DOCTOR_PART)

    @property
    def held(self) -> bool:
        """No exercise screen and no nudge: a sign stands, or was withdrawn and the checklist is
        not answered again yet."""
        return self.answer in HOLDS_NUDGES

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

    def emergency_part_clear(self) -> SafetyRecord:
        """ "None of these" to the emergency part: the see-a-doctor part comes next."""
        answer = SafetyAnswer.WITHDRAWN_DOCTOR_PART if self.withdrawn else SafetyAnswer.DOCTOR_PART
        return replace(self, answer=answer, level=None, flagged_at=None)

    def checklist_clear(self, now: datetime) -> SafetyRecord:
        """ "None of these" to the see-a-doctor part: the checklist is answered (first, weekly or
        after "I answered by mistake" — then, as after a clearance, gently from here)."""
        cleared_at = now if self.withdrawn else self.cleared_at
        return replace(
            self,
            answer=SafetyAnswer.CLEAR,
            screened_at=now,
            level=None,
            flagged_at=None,
            cleared_at=cleared_at,
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
        """ "I answered by mistake": the whole checklist is asked again, deliberately; routine and
        nudges stay held until it is answered."""
        return replace(self, answer=SafetyAnswer.WITHDRAWN, level=None, flagged_at=None)


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


def restart_gently(state: SessionState, routine: Routine) -> SessionState:
    """An open session after a clearance or an undo: it goes on from where it stood, the current
    exercise on its gentler option (where it has one) and every later one too."""
    if state.finished:
        return state
    gentler = state.gentler
    phase = state.phase
    if phase in (Phase.EXERCISE, Phase.EASE_OFF):
        gentler = routine.exercises[state.step].gentler is not None
        phase = Phase.EXERCISE if gentler else phase
    return replace(state, phase=phase, gentler=gentler, gentle_start=True)


def closest_items(
    checklist: tuple[ChecklistItem, ...],
    concepts: tuple[str, ...] = (),
    categories: tuple[str, ...] = (),
    limit: int = CONFIRM_LINES,
) -> tuple[ChecklistItem, ...]:
    """The checklist items closest to what a message named, at most *limit*: those covering a
    matched category first, then those sharing the most telling concepts (a concept of one item
    tells more than one shared by three), in checklist order; with none in common, the emergency
    items (the ones never to miss)."""
    wanted_categories, wanted_concepts = set(categories), set(concepts)
    sharing = Counter(concept for item in checklist for concept in item.concepts)
    scored = []
    for index, item in enumerate(checklist):
        by_category = len(wanted_categories.intersection(item.categories))
        common = wanted_concepts.intersection(item.concepts)
        by_concept = sum(1 / sharing[concept] for concept in common)
        if by_category or by_concept:
            scored.append((-by_category, -by_concept, index, item))
    if not scored:
        return tuple(item for item in checklist if item.level is FlagLevel.EMERGENCY)[:limit]
    return tuple(item for *_, item in sorted(scored, key=lambda entry: entry[:3]))[:limit]


def level_of(items: tuple[ChecklistItem, ...]) -> FlagLevel:
    """ "One of these applies" to *items*: an emergency if any of them is one (or none is
    known), else see a doctor."""
    if items and all(item.level is FlagLevel.SEE_DOCTOR for item in items):
        return FlagLevel.SEE_DOCTOR
    return FlagLevel.EMERGENCY


def soonest(items: tuple[ChecklistItem, ...]) -> Timeframe:
    """The most urgent timeframe among *items* (the same day when none says otherwise)."""
    timeframes = {item.timeframe for item in items}
    if timeframes and timeframes <= {Timeframe.FEW_DAYS}:
        return Timeframe.FEW_DAYS
    return Timeframe.SAME_DAY


def timeframe_for(checklist: tuple[ChecklistItem, ...], categories: tuple[str, ...]) -> Timeframe:
    """How soon a see-a-doctor sign typed in free text should be seen, from the screen's
    categories: the soonest of the see-a-doctor items covering them (the same day when a category
    is covered by none, or no category is known)."""
    wanted = set(categories)
    covering = tuple(
        item
        for item in checklist
        if item.level is FlagLevel.SEE_DOCTOR and wanted.intersection(item.categories)
    )
    covered = {category for item in covering for category in item.categories}
    if not wanted or not wanted <= covered:
        return Timeframe.SAME_DAY
    return soonest(covering)
