"""Stop signals that hold (issue 9): the rules as tables, and a property over any sequence of
events: no dose rises within the hold period after a flag, and no routine while a flag stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routine.adaptation import plan_adaptation
from bot.routine.content import (
    AGE_CONCEPT,
    ChecklistItem,
    PainRules,
    default_red_flags,
    load_content,
)
from bot.routine.conversation import HOLDS_NUDGES, Gate, SafetyAnswer, onboarding_gate
from bot.routine.dosing import PersonalDose
from bot.routine.progress import CheckIn, SessionHistory
from bot.routine.session import Outcome, Phase, SessionState, SorenessReported, Status, apply
from bot.routine.stop_signals import (
    FlagLevel,
    SafetyRecord,
    Timeframe,
    clearance_opens_at,
    level_of,
    may_clear_as_checked,
    restart_gently,
    rises_held,
    soonest,
    start_gently,
    timeframe_for,
)

CONTENT = load_content()
ROUTINE = CONTENT.routine
TEXTS = CONTENT.texts
SID = 7
DAY = timedelta(days=1)
RULES: PainRules = ROUTINE.rules
T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
WAIT = timedelta(hours=RULES.emergency_clearance_wait_hours)
NO_RISE = timedelta(days=RULES.clearance_no_rise_days)


def test_the_rules_wait_hours_not_seconds() -> None:
    assert RULES.emergency_clearance_wait_hours >= 1
    assert RULES.clearance_no_rise_days >= 7


@pytest.mark.parametrize(
    ("level", "after", "may_clear"),
    [
        (FlagLevel.EMERGENCY, timedelta(seconds=5), False),
        (FlagLevel.EMERGENCY, WAIT - timedelta(minutes=1), False),
        (FlagLevel.EMERGENCY, WAIT, True),
        (FlagLevel.SEE_DOCTOR, timedelta(0), True),
    ],
)
def test_checked_lifts_an_emergency_only_after_the_wait(
    level: FlagLevel, after: timedelta, may_clear: bool
) -> None:
    record = SafetyRecord().flagged(level, T0)
    assert record.paused
    assert may_clear_as_checked(record, T0 + after, RULES) is may_clear


def test_a_new_emergency_sign_starts_the_wait_again_and_is_never_lowered() -> None:
    first = SafetyRecord().flagged(FlagLevel.EMERGENCY, T0)
    later = T0 + WAIT - timedelta(minutes=5)
    again = first.flagged(FlagLevel.EMERGENCY, later)
    assert clearance_opens_at(again, RULES) == later + WAIT
    milder = again.flagged(FlagLevel.SEE_DOCTOR, later + timedelta(minutes=1))
    assert milder == again, "a see-a-doctor sign never lowers a standing emergency"
    stricter = SafetyRecord().flagged(FlagLevel.SEE_DOCTOR, T0).flagged(FlagLevel.EMERGENCY, later)
    assert stricter.level is FlagLevel.EMERGENCY


def gate_of(record: SafetyRecord, now: datetime = T0) -> Gate:
    return onboarding_gate(
        consented=True, safety=record.answer, screened_at=record.screened_at, now=now
    )


def test_a_mistake_asks_the_whole_list_again() -> None:
    record = SafetyRecord().flagged(FlagLevel.EMERGENCY, T0).asked_again()
    assert not record.paused
    assert gate_of(record) is Gate.CHECKLIST
    assert record.cleared_at is None, "a withdrawn answer is not a clearance"
    assert record.held, "no routine and no nudge until the list is answered again"
    assert record.answer in HOLDS_NUDGES


@pytest.mark.parametrize("start", [SafetyRecord(), SafetyRecord().checklist_clear(T0 - 8 * DAY)])
def test_the_checklist_is_asked_in_two_parts(start: SafetyRecord) -> None:
    now = T0
    assert gate_of(start, now) in (Gate.CHECKLIST, Gate.WEEKLY_CHECKLIST)
    first = start.emergency_part_clear()
    assert gate_of(first, now) is Gate.DOCTOR_CHECKLIST
    assert not first.held
    assert not first.paused
    both = first.checklist_clear(now)
    assert gate_of(both, now) is Gate.READY
    assert both.cleared_at is None, "an ordinary checklist is not a clearance"
    assert not rises_held(both, now, RULES)


def test_a_withdrawn_sign_answered_none_twice_restarts_gently_like_a_clearance() -> None:
    withdrawn = SafetyRecord().flagged(FlagLevel.EMERGENCY, T0).asked_again()
    later = T0 + timedelta(minutes=1)
    first = withdrawn.emergency_part_clear()
    assert first.answer is SafetyAnswer.WITHDRAWN_DOCTOR_PART
    assert first.held, "nudges stay held until the second part is answered too"
    assert gate_of(first) is Gate.DOCTOR_CHECKLIST
    cleared = first.checklist_clear(later)
    assert gate_of(cleared, later) is Gate.READY
    assert not cleared.held
    assert cleared.cleared_at == later
    assert start_gently(cleared, last_session_started=T0 - timedelta(hours=1))
    assert rises_held(cleared, later + NO_RISE - timedelta(hours=1), RULES)
    assert not rises_held(cleared, later + NO_RISE, RULES)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (
            SessionState(SID, paused=True),
            SessionState(SID, paused=True, gentle_start=True),
        ),
        (
            SessionState(SID, Phase.EXERCISE, step=0, paused=True),
            SessionState(SID, Phase.EXERCISE, step=0, gentler=True, paused=True, gentle_start=True),
        ),
        (
            SessionState(SID, Phase.EASE_OFF, step=1, paused=True),
            SessionState(SID, Phase.EXERCISE, step=1, gentler=True, paused=True, gentle_start=True),
        ),
        (
            SessionState(SID, Phase.SORENESS_AFTER, step=7, paused=True),
            SessionState(SID, Phase.SORENESS_AFTER, step=7, paused=True, gentle_start=True),
        ),
        (
            SessionState(SID, Phase.FINISHED, step=7),
            SessionState(SID, Phase.FINISHED, step=7),
        ),
    ],
)
def test_an_open_session_restarts_gently(state: SessionState, expected: SessionState) -> None:
    assert restart_gently(state, ROUTINE) == expected


def test_a_gently_restarted_session_opens_the_first_exercise_on_its_gentler_option() -> None:
    gentle = restart_gently(SessionState(SID), ROUTINE)
    moved = apply(ROUTINE, gentle, SorenessReported(3))
    assert moved.state.phase is Phase.EXERCISE
    assert moved.state.step == 0
    assert moved.state.gentler


CHECKLIST = TEXTS.onboarding.checklist


@pytest.mark.parametrize(
    ("categories", "timeframe"),
    [
        (("fever",), Timeframe.SAME_DAY),
        (("trauma",), Timeframe.SAME_DAY),
        (("steroids",), Timeframe.SAME_DAY),
        (("immune",), Timeframe.SAME_DAY),
        (("drugs",), Timeframe.SAME_DAY),
        (("radiating_pain",), Timeframe.SAME_DAY),
        (("cancer",), Timeframe.FEW_DAYS),
        (("weight_loss",), Timeframe.FEW_DAYS),
        (("night_pain",), Timeframe.FEW_DAYS),
        (("age",), Timeframe.FEW_DAYS),
        (("pregnancy",), Timeframe.FEW_DAYS),
        (("surgery",), Timeframe.FEW_DAYS),
        (("age", "fever"), Timeframe.SAME_DAY),
        (("age", "a_category_no_item_covers"), Timeframe.SAME_DAY),
        ((), Timeframe.SAME_DAY),
    ],
)
def test_how_soon_a_typed_see_a_doctor_sign_should_be_seen(
    categories: tuple[str, ...], timeframe: Timeframe
) -> None:
    assert timeframe_for(CHECKLIST, categories) is timeframe


def items(*ids: str) -> tuple[ChecklistItem, ...]:
    return tuple(item for item in CHECKLIST if item.id in ids)


@pytest.mark.parametrize(
    ("listed", "level", "timeframe"),
    [
        (items("age"), FlagLevel.SEE_DOCTOR, Timeframe.FEW_DAYS),
        (items("age", "surgery"), FlagLevel.SEE_DOCTOR, Timeframe.FEW_DAYS),
        (items("age", "fever"), FlagLevel.SEE_DOCTOR, Timeframe.SAME_DAY),
        (items("one_leg", "legs"), FlagLevel.EMERGENCY, Timeframe.SAME_DAY),
        (items("saddle"), FlagLevel.EMERGENCY, Timeframe.SAME_DAY),
        ((), FlagLevel.EMERGENCY, Timeframe.SAME_DAY),
    ],
)
def test_yes_to_a_confirm_question_stands_at_the_level_of_what_it_listed(
    listed: tuple[ChecklistItem, ...], level: FlagLevel, timeframe: Timeframe
) -> None:
    assert level_of(listed) is level
    assert soonest(listed) is timeframe


def test_every_rule_of_the_free_text_screen_has_a_checklist_item_at_its_level() -> None:
    lexicon = default_red_flags()
    for rule in lexicon.rules:
        covering = [item for item in CHECKLIST if rule.category in item.categories]
        assert covering, f"no checklist item covers {rule.category}"
        assert {item.level for item in covering} == {rule.level}, rule.category
    for item in CHECKLIST:
        unknown = set(item.concepts) - {*lexicon.possible, AGE_CONCEPT}
        assert not unknown, f"{item.id}: not a possible-sign concept: {unknown}"


def test_the_checklist_keeps_the_age_item_at_see_a_doctor_level() -> None:
    (age,) = items("age")
    assert age.level is FlagLevel.SEE_DOCTOR
    assert age.timeframe is Timeframe.FEW_DAYS


@pytest.mark.parametrize(
    ("since_clearance", "held"),
    [(timedelta(0), True), (NO_RISE - timedelta(hours=1), True), (NO_RISE, False)],
)
def test_no_rise_for_a_while_after_a_clearance(since_clearance: timedelta, held: bool) -> None:
    cleared = SafetyRecord().flagged(FlagLevel.SEE_DOCTOR, T0).cleared_after_check(T0)
    assert rises_held(cleared, T0 + since_clearance, RULES) is held


def test_the_first_session_after_a_clearance_starts_gently() -> None:
    cleared = SafetyRecord().flagged(FlagLevel.SEE_DOCTOR, T0).cleared_after_check(T0)
    assert start_gently(cleared, last_session_started=T0 - timedelta(days=1))
    assert start_gently(cleared, last_session_started=None)
    assert not start_gently(cleared, last_session_started=T0 + timedelta(hours=1))
    assert not start_gently(SafetyRecord(), last_session_started=None)


# --- the property --------------------------------------------------------------------------


@dataclass
class Person:
    """A person's safety record, sessions and doses as the use cases would keep them."""

    now: datetime = T0
    safety: SafetyRecord = field(default_factory=lambda: SafetyRecord().checklist_clear(T0))
    history: list[SessionHistory] = field(default_factory=list)
    doses: dict[str, PersonalDose] = field(default_factory=dict)
    raised_at: list[datetime] = field(default_factory=list)
    flag_times: list[datetime] = field(default_factory=list)
    clear_times: list[datetime] = field(default_factory=list)
    emergency_waits: list[timedelta] = field(default_factory=list)

    def adapt(self) -> None:
        held = rises_held(self.safety, self.now, RULES)
        for change in plan_adaptation(ROUTINE, self.doses, self.history, safety_stop=held):
            if change.step_up:
                # No dose rises while a flag stands, or within the no-rise period after one.
                assert not self.safety.paused, change
                cleared = self.safety.cleared_at
                assert cleared is None or self.now - cleared >= NO_RISE, change
                self.raised_at.append(self.now)
            self.doses[change.exercise_key] = change.new

    def gate(self) -> Gate:
        return onboarding_gate(
            consented=True,
            safety=self.safety.answer,
            screened_at=self.safety.screened_at,
            now=self.now,
        )


EVENTS = st.sampled_from(
    [
        "emergency",
        "see_doctor",
        "mistake",
        "emergency_none",
        "doctor_none",
        "checked",
        "good_session",
        "good_session",
        "good_session",
        "worse_morning",
        "hours",
        "day",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(EVENTS, min_size=1, max_size=40))
def test_no_rise_after_a_flag_and_no_routine_while_one_stands(events: list[str]) -> None:
    person = Person()
    for event in events:
        match event:
            case "emergency" | "see_doctor":
                person.safety = person.safety.flagged(FlagLevel(event), person.now)
                person.flag_times.append(person.now)
            case "mistake" if person.safety.paused:
                person.safety = person.safety.asked_again()
            case "emergency_none" if person.gate() in (Gate.CHECKLIST, Gate.WEEKLY_CHECKLIST):
                person.safety = person.safety.emergency_part_clear()
            case "doctor_none" if person.gate() is Gate.DOCTOR_CHECKLIST:
                withdrawn = person.safety.withdrawn
                person.safety = person.safety.checklist_clear(person.now)
                if withdrawn:  # an undo restarts gently, as a clearance does
                    person.clear_times.append(person.now)
            case "checked" if may_clear_as_checked(person.safety, person.now, RULES):
                flagged_at = person.safety.flagged_at
                assert flagged_at is not None
                if person.safety.level is FlagLevel.EMERGENCY:
                    person.emergency_waits.append(person.now - flagged_at)
                person.safety = person.safety.cleared_after_check(person.now)
                person.clear_times.append(person.now)
            case "good_session":
                gate = person.gate()
                if gate not in (Gate.READY, Gate.WEEKLY_CHECKLIST):
                    # Never an exercise while a warning sign stands or the list is re-asked.
                    assert gate is not Gate.RED_FLAG_ADVICE or person.safety.paused
                    continue
                assert not person.safety.held
                session_id = len(person.history) + 1
                person.history.append(
                    SessionHistory(
                        session_id=session_id,
                        local_date=person.now.date(),
                        status=Status.COMPLETED,
                        soreness_before=3,
                        soreness_after=3,
                        outcomes={exercise.key: Outcome.DONE for exercise in ROUTINE.exercises},
                        started_at=person.now,
                    )
                )
                person.adapt()
            case "worse_morning" if person.history:
                last = person.history[-1]
                person.history[-1] = SessionHistory(**{**last.__dict__, "check_in": CheckIn.WORSE})
                person.adapt()
            case "hours":
                person.now += timedelta(hours=3)
            case "day":
                person.now += timedelta(days=1)
    # No dose rose within the no-rise period after any clearance (checked as they rose, too).
    for raised in person.raised_at:
        for cleared in person.clear_times:
            assert not (cleared <= raised < cleared + NO_RISE), (raised, cleared)
    # An emergency was never lifted by "checked" before its waiting period.
    assert all(waited >= WAIT for waited in person.emergency_waits)
    if person.safety.answer is SafetyAnswer.FLAGGED:
        assert person.gate() is Gate.RED_FLAG_ADVICE
