"""The session state machine: a full table of phase × event, the pain paths, and properties."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from bot.routine.content import Routine, load_content
from bot.routine.session import (
    Done,
    Event,
    Outcome,
    Pause,
    Phase,
    Resume,
    SessionState,
    Skip,
    SkipAfterPain,
    SorenessReported,
    Status,
    StopToday,
    TooPainful,
    Transition,
    TryGentler,
    apply,
    can_try_gentler,
    is_current,
    new_session,
    phase_column,
    phase_from_column,
)

ROUTINE = load_content().routine
TOTAL = len(ROUTINE.exercises)
SID = 7

# --- the table ------------------------------------------------------------------------------

STATES: dict[str, SessionState] = {
    "soreness_before": SessionState(SID),
    "exercise": SessionState(SID, Phase.EXERCISE, step=2, soreness_before=4),
    "exercise_gentler": SessionState(SID, Phase.EXERCISE, step=2, gentler=True, soreness_before=4),
    "last_exercise": SessionState(SID, Phase.EXERCISE, step=TOTAL - 1, soreness_before=4),
    "ease_off": SessionState(SID, Phase.EASE_OFF, step=2, soreness_before=4, hurt=True),
    "ease_off_gentler": SessionState(
        SID, Phase.EASE_OFF, step=2, gentler=True, soreness_before=4, hurt=True
    ),
    "ease_off_last": SessionState(
        SID, Phase.EASE_OFF, step=TOTAL - 1, soreness_before=4, hurt=True
    ),
    "soreness_after": SessionState(SID, Phase.SORENESS_AFTER, step=TOTAL, soreness_before=4),
    "soreness_after_stopped": SessionState(
        SID, Phase.SORENESS_AFTER, step=2, stopped_early=True, soreness_before=4
    ),
    "finished": SessionState(SID, Phase.FINISHED, step=TOTAL, soreness_before=4, soreness_after=3),
    "finished_stopped": SessionState(
        SID, Phase.FINISHED, step=2, stopped_early=True, soreness_before=4, soreness_after=6
    ),
    "paused_soreness_before": SessionState(SID, paused=True),
    "paused_exercise": SessionState(SID, Phase.EXERCISE, step=2, paused=True, soreness_before=4),
    "paused_ease_off": SessionState(
        SID, Phase.EASE_OFF, step=2, paused=True, soreness_before=4, hurt=True
    ),
    "paused_soreness_after": SessionState(
        SID, Phase.SORENESS_AFTER, step=TOTAL, paused=True, soreness_before=4
    ),
}

EVENTS: dict[str, Event] = {
    "done": Done(),
    "too_painful": TooPainful(),
    "skip": Skip(),
    "pause": Pause(),
    "resume": Resume(),
    "try_gentler": TryGentler(),
    "skip_after_pain": SkipAfterPain(),
    "stop_today": StopToday(),
    "soreness_0": SorenessReported(0),
    "soreness_6": SorenessReported(6),
    "soreness_7": SorenessReported(7),
    "soreness_10": SorenessReported(10),
    "soreness_11": SorenessReported(11),
    "soreness_minus_1": SorenessReported(-1),
}

_REST = {"phase": Phase.FINISHED, "stopped_early": True, "rest_day": True}
_PAUSE = ({"paused": True}, None)
_RESUME = ({"paused": False}, None)
_NEXT = {"phase": Phase.EXERCISE, "step": 3, "gentler": False, "hurt": False}
_LAST = {"phase": Phase.SORENESS_AFTER, "step": TOTAL, "gentler": False, "hurt": False}

# (state, event) -> (fields that change, outcome recorded for the step). Every pair not listed
# here must be rejected with the state unchanged.
ACCEPTED: dict[tuple[str, str], tuple[dict[str, Any], Outcome | None]] = {
    ("soreness_before", "pause"): _PAUSE,
    ("soreness_before", "soreness_0"): ({"phase": Phase.EXERCISE, "soreness_before": 0}, None),
    ("soreness_before", "soreness_6"): ({"phase": Phase.EXERCISE, "soreness_before": 6}, None),
    # 7/10 or more before: no routine today, a rest day (CLINICAL.md, pain monitoring).
    ("soreness_before", "soreness_7"): (_REST | {"soreness_before": 7}, None),
    ("soreness_before", "soreness_10"): (_REST | {"soreness_before": 10}, None),
    ("exercise", "done"): (_NEXT, Outcome.DONE),
    ("exercise", "skip"): (_NEXT, Outcome.SKIPPED),
    ("exercise", "too_painful"): ({"phase": Phase.EASE_OFF, "hurt": True}, None),
    ("exercise", "pause"): _PAUSE,
    ("exercise_gentler", "done"): (_NEXT, Outcome.GENTLER_DONE),
    ("exercise_gentler", "skip"): (_NEXT, Outcome.SKIPPED),
    ("exercise_gentler", "too_painful"): ({"phase": Phase.EASE_OFF, "hurt": True}, None),
    ("exercise_gentler", "pause"): _PAUSE,
    ("last_exercise", "done"): (_LAST, Outcome.DONE),
    ("last_exercise", "skip"): (_LAST, Outcome.SKIPPED),
    ("last_exercise", "too_painful"): ({"phase": Phase.EASE_OFF, "hurt": True}, None),
    ("last_exercise", "pause"): _PAUSE,
    ("ease_off", "try_gentler"): ({"phase": Phase.EXERCISE, "gentler": True}, None),
    ("ease_off", "skip_after_pain"): (_NEXT, Outcome.TOO_PAINFUL),
    ("ease_off", "stop_today"): (
        {"phase": Phase.SORENESS_AFTER, "stopped_early": True, "hurt": False},
        Outcome.TOO_PAINFUL,
    ),
    ("ease_off", "pause"): _PAUSE,
    ("ease_off_gentler", "skip_after_pain"): (_NEXT, Outcome.TOO_PAINFUL),
    ("ease_off_gentler", "stop_today"): (
        {"phase": Phase.SORENESS_AFTER, "stopped_early": True, "gentler": False, "hurt": False},
        Outcome.TOO_PAINFUL,
    ),
    ("ease_off_gentler", "pause"): _PAUSE,
    ("ease_off_last", "try_gentler"): ({"phase": Phase.EXERCISE, "gentler": True}, None),
    ("ease_off_last", "skip_after_pain"): (_LAST, Outcome.TOO_PAINFUL),
    ("ease_off_last", "stop_today"): (
        {"phase": Phase.SORENESS_AFTER, "stopped_early": True, "hurt": False},
        Outcome.TOO_PAINFUL,
    ),
    ("ease_off_last", "pause"): _PAUSE,
    ("soreness_after", "pause"): _PAUSE,
    ("soreness_after", "soreness_0"): ({"phase": Phase.FINISHED, "soreness_after": 0}, None),
    ("soreness_after", "soreness_6"): ({"phase": Phase.FINISHED, "soreness_after": 6}, None),
    ("soreness_after", "soreness_7"): ({"phase": Phase.FINISHED, "soreness_after": 7}, None),
    ("soreness_after", "soreness_10"): ({"phase": Phase.FINISHED, "soreness_after": 10}, None),
    ("soreness_after_stopped", "pause"): _PAUSE,
    ("soreness_after_stopped", "soreness_0"): (
        {"phase": Phase.FINISHED, "soreness_after": 0},
        None,
    ),
    ("soreness_after_stopped", "soreness_6"): (
        {"phase": Phase.FINISHED, "soreness_after": 6},
        None,
    ),
    ("soreness_after_stopped", "soreness_7"): (
        {"phase": Phase.FINISHED, "soreness_after": 7},
        None,
    ),
    ("soreness_after_stopped", "soreness_10"): (
        {"phase": Phase.FINISHED, "soreness_after": 10},
        None,
    ),
    ("paused_soreness_before", "resume"): _RESUME,
    ("paused_exercise", "resume"): _RESUME,
    ("paused_ease_off", "resume"): _RESUME,
    ("paused_soreness_after", "resume"): _RESUME,
}


def test_the_table_names_only_known_states_and_events() -> None:
    for state_name, event_name in ACCEPTED:
        assert state_name in STATES
        assert event_name in EVENTS


@pytest.mark.parametrize("event_name", list(EVENTS))
@pytest.mark.parametrize("state_name", list(STATES))
def test_every_phase_and_event(state_name: str, event_name: str) -> None:
    before = STATES[state_name]

    transition = apply(ROUTINE, before, EVENTS[event_name])

    assert transition.step == before.step
    expected = ACCEPTED.get((state_name, event_name))
    if expected is None:
        assert transition == Transition(before, accepted=False, step=before.step)
    else:
        changes, outcome = expected
        assert transition == Transition(
            replace(before, **changes), accepted=True, step=before.step, outcome=outcome
        )


@pytest.mark.parametrize(
    ("state_name", "status"),
    [
        ("soreness_before", Status.IN_PROGRESS),
        ("exercise", Status.IN_PROGRESS),
        ("paused_exercise", Status.IN_PROGRESS),
        ("soreness_after_stopped", Status.IN_PROGRESS),
        ("finished", Status.COMPLETED),
        ("finished_stopped", Status.STOPPED_FOR_PAIN),
    ],
)
def test_status_follows_the_phase(state_name: str, status: Status) -> None:
    state = STATES[state_name]

    assert state.status is status
    assert state.finished is (status is not Status.IN_PROGRESS)


# --- walking through a session ------------------------------------------------------------------


class Walk:
    """A session driven event by event; every event must be accepted, outcomes are collected."""

    def __init__(self, routine: Routine = ROUTINE, session_id: int = SID) -> None:
        self.routine = routine
        self.state = new_session(session_id)
        self.outcomes: list[tuple[int, Outcome]] = []

    def __call__(self, *events: Event) -> Walk:
        for event in events:
            transition = apply(self.routine, self.state, event)
            assert transition.accepted, f"{event} refused in {self.state}"
            if transition.outcome is not None:
                self.outcomes.append((transition.step, transition.outcome))
            self.state = transition.state
        return self

    def refuses(self, event: Event) -> bool:
        transition = apply(self.routine, self.state, event)
        return not transition.accepted and transition.state == self.state


def test_a_whole_session_done_start_to_finish() -> None:
    walk = Walk()(SorenessReported(5), *[Done()] * TOTAL)
    assert walk.state.phase is Phase.SORENESS_AFTER

    walk(SorenessReported(3))

    assert walk.state.status is Status.COMPLETED
    assert walk.state.soreness_before == 5
    assert walk.state.soreness_after == 3
    assert walk.outcomes == [(step, Outcome.DONE) for step in range(TOTAL)]


def test_the_gentler_option_after_too_painful_keeps_the_pain_in_the_record() -> None:
    walk = Walk()(SorenessReported(4), Done(), Done(), TooPainful())
    assert walk.state.phase is Phase.EASE_OFF
    assert can_try_gentler(ROUTINE, walk.state)

    walk(TryGentler())
    assert (walk.state.phase, walk.state.step, walk.state.gentler) == (Phase.EXERCISE, 2, True)

    walk(Done())

    assert walk.outcomes[-1] == (2, Outcome.PAINFUL_GENTLER)
    assert (walk.state.step, walk.state.gentler, walk.state.hurt) == (3, False, False)


def test_the_gentler_option_opened_by_default_counts_as_gentler_done() -> None:
    state = SessionState(SID, Phase.EXERCISE, step=1, gentler=True, soreness_before=4)
    assert apply(ROUTINE, state, Done()).outcome is Outcome.GENTLER_DONE


@pytest.mark.parametrize("events", [(Skip(),), (Pause(), Resume(), Skip())], ids=["skip", "pause"])
def test_skipping_the_gentler_option_after_too_painful_records_too_painful(
    events: tuple[Event, ...],
) -> None:
    walk = Walk()(SorenessReported(4), TooPainful(), TryGentler(), *events)
    assert walk.outcomes == [(0, Outcome.TOO_PAINFUL)]


def test_the_stored_phase_carries_the_pain() -> None:
    hurt = SessionState(SID, Phase.EXERCISE, step=2, gentler=True, hurt=True)
    assert phase_column(hurt) == "exercise_after_pain"
    assert len(phase_column(hurt)) <= 20, "fits the sessions.phase column"
    assert phase_from_column(phase_column(hurt)) == (Phase.EXERCISE, True)
    for phase in Phase:
        state = SessionState(SID, phase, hurt=phase is Phase.EASE_OFF)
        assert phase_from_column(phase_column(state)) == (phase, state.hurt)


def test_too_painful_on_the_gentler_option_offers_no_second_gentler() -> None:
    walk = Walk()(SorenessReported(4), TooPainful(), TryGentler(), TooPainful())

    assert walk.state.phase is Phase.EASE_OFF
    assert not can_try_gentler(ROUTINE, walk.state)
    assert walk.refuses(TryGentler())

    walk(SkipAfterPain())

    assert walk.outcomes == [(0, Outcome.TOO_PAINFUL)]
    assert (walk.state.phase, walk.state.step, walk.state.gentler) == (Phase.EXERCISE, 1, False)
    # The next exercise offers its own gentler option again.
    walk(TooPainful())
    assert can_try_gentler(ROUTINE, walk.state)


def test_stopping_for_today_asks_soreness_then_finishes_stopped_for_pain() -> None:
    walk = Walk()(SorenessReported(5), Done(), TooPainful(), StopToday())

    assert walk.state.phase is Phase.SORENESS_AFTER
    assert walk.state.stopped_early
    assert walk.state.status is Status.IN_PROGRESS
    assert walk.outcomes == [(0, Outcome.DONE), (1, Outcome.TOO_PAINFUL)]
    assert walk.refuses(Done())

    finished = walk(SorenessReported(6)).state

    assert finished.finished
    assert finished.status is Status.STOPPED_FOR_PAIN
    assert finished.step == 1


def test_skipping_everything_still_completes() -> None:
    walk = Walk()(SorenessReported(0), *[Skip()] * TOTAL, SorenessReported(0))

    assert walk.state.status is Status.COMPLETED
    assert walk.outcomes == [(step, Outcome.SKIPPED) for step in range(TOTAL)]


@pytest.mark.parametrize("steps_before_pause", range(0, TOTAL + 1))
def test_pause_and_resume_come_back_to_the_same_place(steps_before_pause: int) -> None:
    walk = Walk()(SorenessReported(2), *[Done()] * steps_before_pause)
    before = walk.state

    walk(Pause())
    assert walk.state.paused
    for event in EVENTS.values():
        if not isinstance(event, Resume):
            assert walk.refuses(event), event

    walk(Resume())
    assert walk.state == before
    assert walk.refuses(Resume())


def test_a_finished_session_rejects_everything() -> None:
    walk = Walk()(SorenessReported(5), *[Done()] * TOTAL, SorenessReported(2))

    for event in EVENTS.values():
        assert walk.refuses(event), event


def test_an_exercise_without_a_gentler_option_goes_straight_to_skip_or_stop() -> None:
    data = ROUTINE.model_dump()
    data["exercises"][0]["gentler"] = None
    routine = Routine.model_validate(data)
    walk = Walk(routine)(SorenessReported(3), TooPainful())

    assert not can_try_gentler(routine, walk.state)
    assert walk.refuses(TryGentler())
    walk(SkipAfterPain())
    assert walk.outcomes == [(0, Outcome.TOO_PAINFUL)]


def test_new_session_starts_by_asking_soreness() -> None:
    state = new_session(99)

    assert state == SessionState(99, Phase.SORENESS_BEFORE, step=0)
    assert state.status is Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("session_id", "step", "current"),
    [(SID, 2, True), (SID, 1, False), (SID, 3, False), (SID + 1, 2, False)],
)
def test_is_current_matches_session_and_step(session_id: int, step: int, current: bool) -> None:
    assert is_current(STATES["exercise"], session_id, step) is current


def test_no_button_is_current_on_a_finished_session() -> None:
    finished = STATES["finished"]

    assert not is_current(finished, finished.session_id, finished.step)


# --- properties -------------------------------------------------------------------------------

ALL_EVENTS: tuple[Event, ...] = (
    *(event for event in EVENTS.values() if not isinstance(event, SorenessReported)),
    *(SorenessReported(score) for score in range(-1, 12)),
)
events = st.sampled_from(ALL_EVENTS)


def check_transition(
    before: SessionState, event: Event, transition: Transition, outcomes: dict[int, Outcome]
) -> None:
    """What every single transition must respect; records the outcome into *outcomes*."""
    after = transition.state
    assert transition.step == before.step
    assert after.session_id == before.session_id
    if not transition.accepted:
        assert after == before
        assert transition.outcome is None
        return
    assert not before.finished
    assert after.step >= before.step
    assert after.step <= before.step + 1
    assert after.step <= TOTAL
    if after.rest_day:
        assert before.phase is Phase.SORENESS_BEFORE
        assert after.soreness_before is not None
        assert after.soreness_before >= ROUTINE.rules.too_sore_to_start
        assert transition.outcome is None
    elif after.step == before.step + 1 or after.stopped_early != before.stopped_early:
        assert transition.outcome is not None
    if transition.outcome is not None:
        assert 0 <= transition.step < TOTAL
        assert transition.step not in outcomes, "one outcome per exercise"
        outcomes[transition.step] = transition.outcome
    for score in (after.soreness_before, after.soreness_after):
        assert score is None or 0 <= score <= 10
    if after.gentler:
        assert ROUTINE.exercises[after.step].gentler is not None


def check_finished(state: SessionState, outcomes: dict[int, Outcome]) -> None:
    if not state.finished:
        return
    assert state.soreness_before is not None
    if state.rest_day:
        # Too sore to start: no exercise was offered, so none has an outcome.
        assert state.status is Status.STOPPED_FOR_PAIN
        assert state.soreness_after is None
        assert outcomes == {}
    elif state.stopped_early:
        assert state.soreness_after is not None
        assert state.status is Status.STOPPED_FOR_PAIN
        assert outcomes[state.step] is Outcome.TOO_PAINFUL
        assert sorted(outcomes) == list(range(state.step + 1))
    else:
        assert state.soreness_after is not None
        assert state.status is Status.COMPLETED
        assert sorted(outcomes) == list(range(TOTAL))
    for event in ALL_EVENTS:
        assert apply(ROUTINE, state, event) == Transition(state, accepted=False, step=state.step)


class SessionMachine(RuleBasedStateMachine):
    """Random events thrown at one session: the invariants hold after every one of them."""

    def __init__(self) -> None:
        super().__init__()
        self.state = new_session(SID)
        self.outcomes: dict[int, Outcome] = {}

    @rule(event=events)
    def any_event(self, event: Event) -> None:
        before = self.state
        transition = apply(ROUTINE, before, event)
        check_transition(before, event, transition, self.outcomes)
        self.state = transition.state

    @rule()
    def push_on(self) -> None:
        """Resume if paused, then do whatever moves the session forward (so runs can finish)."""
        for event in (Resume(), SorenessReported(3), Done(), SkipAfterPain()):
            before = self.state
            transition = apply(ROUTINE, before, event)
            check_transition(before, event, transition, self.outcomes)
            self.state = transition.state

    @invariant()
    def finished_sessions_are_whole_and_closed(self) -> None:
        check_finished(self.state, self.outcomes)

    @invariant()
    def outcomes_only_for_steps_behind_or_at_the_stop(self) -> None:
        limit = self.state.step + 1 if self.state.stopped_early else self.state.step
        assert all(step < limit for step in self.outcomes)


TestSessionMachine = SessionMachine.TestCase
TestSessionMachine.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None, database=None
)


# Forward-moving events first, so that shrinking heads for short walks; pauses are capped.
WALK_EVENTS = tuple(
    sorted(ALL_EVENTS, key=lambda event: isinstance(event, Pause | Resume | TooPainful))
)


@settings(max_examples=60, deadline=None, database=None)
@given(st.data())
def test_random_walks_over_accepted_events_always_finish_whole(data: st.DataObject) -> None:
    state = new_session(SID)
    outcomes: dict[int, Outcome] = {}
    pauses = 0
    for _ in range(200):
        if state.finished:
            break
        choices = [
            event
            for event in WALK_EVENTS
            if apply(ROUTINE, state, event).accepted
            and not (isinstance(event, Pause) and pauses > 5)
        ]
        assert choices, f"a session in progress must accept something: {state}"
        event = data.draw(st.sampled_from(choices))
        pauses += isinstance(event, Pause)
        transition = apply(ROUTINE, state, event)
        check_transition(state, event, transition, outcomes)
        state = transition.state
    assert state.finished
    check_finished(state, outcomes)
