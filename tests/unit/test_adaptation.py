"""Adaptation rules: step up after three good sessions, ease off after pain, hold when unsafe.

Most tables run on a small routine made here, so the numbers in them are the rule's own:

- bridge:  10 reps, 3 s hold; reps +2 up to 14, then hold +2 s up to 7 s; has a gentler option
- stretch: 3 reps, 30 s hold; hold +5 s up to 42 s (the last step is capped); has a gentler option
- flow:    4 reps, 5 s hold; reps +1 up to 6; no gentler option
- tilt:    10 reps, 5 s hold; no progression
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.routine.adaptation import (
    ChangeKind,
    DoseChange,
    Hold,
    flare_up,
    plan_adaptation,
    progression_hold,
)
from bot.routine.content import (
    Dose,
    Exercise,
    GentlerOption,
    PainRules,
    Progression,
    Routine,
    load_content,
)
from bot.routine.dosing import PersonalDose, personal_dose
from bot.routine.progress import CheckIn, SessionHistory
from bot.routine.session import Outcome, Status

RAISED, LOWERED = ChangeKind.RAISED, ChangeKind.LOWERED
GENTLER_DEFAULT, REGULAR_AGAIN = ChangeKind.GENTLER_DEFAULT, ChangeKind.REGULAR_AGAIN
DONE, GENTLER_DONE = Outcome.DONE, Outcome.GENTLER_DONE
TOO_PAINFUL, SKIPPED = Outcome.TOO_PAINFUL, Outcome.SKIPPED
COMPLETED, STOPPED, ABANDONED = Status.COMPLETED, Status.STOPPED_FOR_PAIN, Status.ABANDONED
BETTER, SAME, WORSE = CheckIn.BETTER, CheckIn.SAME, CheckIn.WORSE


def _exercise(key: str, dose: Dose, progression: Progression, *, gentler: bool) -> Exercise:
    easier = GentlerOption(title="Easier", cues=("Gently.",), dose=Dose(reps=2, hold_seconds=2))
    return Exercise(
        key=key,
        title=key.title(),
        start="On your back.",
        cues=("Slowly.",),
        dose=dose,
        source=SOURCE,
        progression=progression,
        gentler=easier if gentler else None,
    )


SOURCE = "a test's own routine: ceilings chosen for the tables below"

ROUTINE = Routine(
    version="test",
    id="test",
    name="Test track",
    needs_floor=True,
    title="Test routine",
    minutes=10,
    timer_min_hold_seconds=10,
    safety_lines=("Be safe.",),
    stop_if=("sharp pain",),
    exercises=(
        _exercise(
            "bridge",
            Dose(reps=10, hold_seconds=3),
            Progression(reps_step=2, reps_max=14, hold_step=2, hold_max=7, source=SOURCE),
            gentler=True,
        ),
        _exercise(
            "stretch",
            Dose(reps=3, hold_seconds=30),
            Progression(hold_step=5, hold_max=42, source=SOURCE),
            gentler=True,
        ),
        _exercise(
            "flow",
            Dose(reps=4, hold_seconds=5),
            Progression(reps_step=1, reps_max=6, source=SOURCE),
            gentler=False,
        ),
        _exercise("tilt", Dose(reps=10, hold_seconds=5), Progression(), gentler=True),
    ),
)
REAL_ROUTINE = load_content().routine
DAY_ONE = date(2026, 3, 2)


def s(
    session_id: int,
    *,
    day: int | None = None,
    status: Status = COMPLETED,
    before: int | None = 3,
    after: int | None = 3,
    check_in: CheckIn | None = None,
    outcomes: Mapping[str, Outcome] | None = None,
    **outcome: Outcome,
) -> SessionHistory:
    """Session *session_id* on day *day* (default: day = id); every exercise done unless told."""
    recorded = (
        {exercise.key: DONE for exercise in ROUTINE.exercises} if outcomes is None else outcomes
    )
    return SessionHistory(
        session_id=session_id,
        local_date=DAY_ONE + timedelta(days=session_id if day is None else day),
        status=status,
        soreness_before=before,
        soreness_after=after,
        outcomes={**recorded, **outcome},
        check_in=check_in,
    )


GOOD_THREE = [s(1), s(2), s(3)]


def change_of(
    history: Sequence[SessionHistory],
    dose: PersonalDose | None = None,
    *,
    key: str = "bridge",
    safety_stop: bool = False,
    routine: Routine = ROUTINE,
) -> tuple[ChangeKind, int, int] | None:
    """The change planned for *key* as (kind, new reps, new hold), or None."""
    doses = {} if dose is None else {key: dose}
    changes = plan_adaptation(routine, doses, history, safety_stop=safety_stop)
    found = [change for change in changes if change.exercise_key == key]
    if not found:
        return None
    (change,) = found
    return change.kind, change.new.reps, change.new.hold_seconds


def stored(doses: dict[str, PersonalDose], changes: Sequence[DoseChange]) -> None:
    """What the coach does with the plan: store each new dose."""
    for change in changes:
        doses[change.exercise_key] = change.new


# --- step up ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param(GOOD_THREE, (RAISED, 12, 3), id="three good sessions on three days: +2 reps"),
        pytest.param([s(1), s(2)], None, id="two good sessions are not enough"),
        pytest.param(
            [s(1, after=4), s(2, after=4), s(3, after=4)],
            (RAISED, 12, 3),
            id="soreness after one point above before still counts",
        ),
        pytest.param(
            [s(1), s(2, after=5), s(3)], None, id="soreness after two points above before: no"
        ),
        pytest.param(
            [s(1, before=6, after=2), s(2), s(3)], (RAISED, 12, 3), id="soreness going down counts"
        ),
        pytest.param(
            [s(1), s(2, check_in=WORSE), s(3, check_in=SAME)], None, id="a worse morning: no"
        ),
        pytest.param(
            [s(1, check_in=BETTER), s(2, check_in=SAME), s(3)],
            (RAISED, 12, 3),
            id="better and same mornings count; no check-in yet counts as not worse",
        ),
        pytest.param(
            [s(1), s(2, bridge=GENTLER_DONE), s(3)], None, id="the gentler option instead: no"
        ),
        pytest.param([s(1), s(2, bridge=SKIPPED), s(3)], None, id="skipping the exercise: no"),
        pytest.param([s(1), s(2, status=STOPPED), s(3)], None, id="a session stopped for pain: no"),
        pytest.param(
            [s(1), s(2, before=None), s(3)], None, id="a session without a soreness score: no"
        ),
        pytest.param(
            [s(1, after=6), s(2), s(3), s(4)],
            (RAISED, 12, 3),
            id="the count starts again after a bad session",
        ),
        pytest.param(
            [s(1), s(2), s(3), s(4, after=6)], None, id="the latest session must be good too"
        ),
        pytest.param(
            [s(1), s(2), s(3, status=ABANDONED, outcomes={}), s(4)],
            (RAISED, 12, 3),
            id="an abandoned session that never reached the exercise is ignored",
        ),
        pytest.param(
            [s(1), s(2), s(3, status=ABANDONED, outcomes={"bridge": TOO_PAINFUL}), s(4)],
            None,
            id="an abandoned session where the exercise was too painful breaks the run",
        ),
        pytest.param(
            [s(1), s(2), s(3, day=2)], None, id="two sessions on one day count as one day"
        ),
        pytest.param(
            [s(1), s(2), s(3, day=2), s(4, day=3)],
            (RAISED, 12, 3),
            id="a third day completes the three",
        ),
        pytest.param(
            [s(3), s(1), s(2)], (RAISED, 12, 3), id="history in any order (ordered by session id)"
        ),
    ],
)
def test_three_good_sessions_step_the_dose_up(
    history: list[SessionHistory], expected: tuple[ChangeKind, int, int] | None
) -> None:
    assert change_of(history) == expected


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        pytest.param(PersonalDose(10, 3), (RAISED, 12, 3), id="reps go up by their step"),
        pytest.param(PersonalDose(13, 3), (RAISED, 14, 3), id="reps stop at their maximum"),
        pytest.param(PersonalDose(14, 3), (RAISED, 14, 5), id="at the reps maximum, hold goes up"),
        pytest.param(PersonalDose(14, 6), (RAISED, 14, 7), id="hold stops at its maximum"),
        pytest.param(PersonalDose(14, 7), None, id="nothing beyond both maxima"),
        pytest.param(PersonalDose(16, 9), None, id="a dose above the maxima is not raised"),
        pytest.param(
            PersonalDose(12, 3, since_session=2),
            None,
            id="only sessions after the dose last changed count",
        ),
        pytest.param(
            PersonalDose(12, 3, since_session=0), (RAISED, 14, 3), id="since session 0: all count"
        ),
    ],
)
def test_a_step_up_follows_the_progression(
    dose: PersonalDose, expected: tuple[ChangeKind, int, int] | None
) -> None:
    assert change_of(GOOD_THREE, dose) == expected


@pytest.mark.parametrize(
    ("key", "dose", "expected"),
    [
        pytest.param("stretch", None, (RAISED, 3, 35), id="a hold-only exercise: +5 s"),
        pytest.param("stretch", PersonalDose(3, 40), (RAISED, 3, 42), id="the last step is capped"),
        pytest.param("flow", None, (RAISED, 5, 5), id="a reps-only exercise: +1 rep"),
        pytest.param("tilt", None, None, id="an exercise without a progression never changes"),
    ],
)
def test_each_exercise_steps_up_its_own_way(
    key: str, dose: PersonalDose | None, expected: tuple[ChangeKind, int, int] | None
) -> None:
    assert change_of(GOOD_THREE, dose, key=key) == expected


def test_the_real_routine_builds_up_only_what_the_video_lets_grow() -> None:
    all_done = {exercise.key: DONE for exercise in REAL_ROUTINE.exercises}
    history = [s(1, outcomes=all_done), s(2, outcomes=all_done), s(3, outcomes=all_done)]
    changes = plan_adaptation(REAL_ROUTINE, {}, history, safety_stop=False)
    raised = {c.exercise_key: (c.new.reps, c.new.hold_seconds) for c in changes}
    # Only where the video says "work your way up" (or gives a range): the others stay at the
    # video's own dose (issue 9: doses never above the video's range).
    assert raised == {
        "pelvic_tilt": (12, 5),
        "bridge": (12, 3),
        "plank_dog_flow": (4, 5),
    }
    assert all(c.kind is RAISED and c.step_up for c in changes)


def test_a_step_up_records_the_session_that_earned_it_and_the_last_one_counted() -> None:
    history = [s(1), s(2), s(3), s(4, status=ABANDONED, outcomes={})]
    changes = plan_adaptation(ROUTINE, {}, history, safety_stop=False)
    bridge = next(c for c in changes if c.exercise_key == "bridge")
    assert bridge.old == PersonalDose(10, 3)
    assert bridge.new == PersonalDose(12, 3, since_session=4, raised_after=3)


# --- safety: holding progression ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "safety_stop", "expected"),
    [
        pytest.param(GOOD_THREE, True, None, id="a safety stop holds progression"),
        pytest.param(
            [s(1), s(2), s(3, before=7, after=7)], False, None, id="soreness before 7: no"
        ),
        pytest.param(
            [s(1, before=6, after=6), s(2, before=6, after=6), s(3, before=6, after=6)],
            False,
            (RAISED, 12, 3),
            id="soreness before 6 is fine",
        ),
        pytest.param(
            [*GOOD_THREE, s(4, status=ABANDONED, before=8, after=None, outcomes={})],
            False,
            None,
            id="the latest session had soreness before 8, even though it did not go ahead",
        ),
        pytest.param(
            [s(1, after=7), s(2), s(3), s(4)],
            False,
            None,
            id="soreness 7 after a session in the last 7 days holds",
        ),
        pytest.param(
            [s(1, day=0, after=7), s(2, day=8), s(3, day=9), s(4, day=10)],
            False,
            (RAISED, 12, 3),
            id="a week later it no longer holds",
        ),
        pytest.param(
            [
                s(1, check_in=WORSE),
                s(2, check_in=WORSE),
                s(3, check_in=SAME),
                s(4, check_in=SAME),
                s(5),
            ],
            False,
            None,
            id="two worse mornings in a week hold",
        ),
        pytest.param(
            [s(1, check_in=WORSE), s(2, check_in=SAME), s(3, check_in=SAME), s(4)],
            False,
            (RAISED, 12, 3),
            id="one worse morning does not hold",
        ),
    ],
)
def test_nothing_steps_up_while_unsafe(
    history: list[SessionHistory], safety_stop: bool, expected: tuple[ChangeKind, int, int] | None
) -> None:
    assert change_of(history, safety_stop=safety_stop) == expected


@pytest.mark.parametrize(
    ("history", "safety_stop", "expected"),
    [
        pytest.param([], False, None, id="no history"),
        pytest.param(GOOD_THREE, False, None, id="all well"),
        pytest.param(GOOD_THREE, True, Hold.SAFETY_STOP, id="safety stop"),
        pytest.param([s(1, before=7)], False, Hold.HIGH_SORENESS, id="soreness before 7"),
        pytest.param([s(1, after=9), s(7)], False, Hold.HIGH_SORENESS, id="9 after, 6 days ago"),
        pytest.param([s(1, after=9), s(8)], False, None, id="9 after, 7 days ago"),
        pytest.param(
            [s(1, check_in=WORSE), s(7, check_in=WORSE)],
            False,
            Hold.WORSE_CHECK_INS,
            id="two worse mornings within 7 days",
        ),
        pytest.param([s(1, check_in=WORSE), s(8, check_in=WORSE)], False, None, id="8 days apart"),
    ],
)
def test_progression_hold_says_why(
    history: list[SessionHistory], safety_stop: bool, expected: Hold | None
) -> None:
    assert progression_hold(history, safety_stop=safety_stop) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [(3, 5, False), (3, 6, True), (0, 9, True), (5, 2, False), (None, 9, False), (3, None, False)],
)
def test_a_rise_of_three_points_is_a_flare_up(
    before: int | None, after: int | None, expected: bool
) -> None:
    assert flare_up(s(1, before=before, after=after)) is expected


# --- ease off: too painful twice ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "dose", "safety_stop", "expected"),
    [
        pytest.param(
            [s(1, bridge=TOO_PAINFUL), s(2, bridge=TOO_PAINFUL)],
            PersonalDose(12, 3),
            False,
            (GENTLER_DEFAULT, 10, 3),
            id="too painful twice in a row: gentler by default, the regular dose back to its seed",
        ),
        pytest.param(
            [s(1, bridge=GENTLER_DONE), s(2, bridge=TOO_PAINFUL)],
            None,
            False,
            (GENTLER_DEFAULT, 10, 3),
            id="too painful then the gentler option (offered only after too painful) is twice",
        ),
        pytest.param([s(1, bridge=TOO_PAINFUL)], None, False, None, id="once is not twice"),
        pytest.param(
            [s(1, bridge=TOO_PAINFUL), s(2), s(3, bridge=TOO_PAINFUL)],
            None,
            False,
            (GENTLER_DEFAULT, 10, 3),
            id="twice within the last three sessions counts, not only in a row",
        ),
        pytest.param(
            [s(1, bridge=TOO_PAINFUL), s(2), s(3), s(4, bridge=TOO_PAINFUL)],
            None,
            False,
            None,
            id="twice, but not within the last three sessions",
        ),
        pytest.param(
            [
                s(1, status=STOPPED, bridge=TOO_PAINFUL),
                s(2, status=STOPPED, outcomes={"tilt": TOO_PAINFUL}),
                s(3, bridge=TOO_PAINFUL),
            ],
            None,
            False,
            (GENTLER_DEFAULT, 10, 3),
            id="a session that stopped before the exercise does not separate the two",
        ),
        pytest.param(
            [s(1, bridge=TOO_PAINFUL), s(2, stretch=TOO_PAINFUL)],
            None,
            False,
            None,
            id="too painful on two different exercises does not add up",
        ),
        pytest.param(
            [s(1, bridge=TOO_PAINFUL), s(2, bridge=TOO_PAINFUL)],
            PersonalDose(10, 3, gentler_default=True),
            False,
            None,
            id="already gentler by default: nothing more",
        ),
        pytest.param(
            [s(1, bridge=TOO_PAINFUL), s(2, bridge=TOO_PAINFUL)],
            None,
            True,
            (GENTLER_DEFAULT, 10, 3),
            id="a safety stop never holds easing off",
        ),
    ],
)
def test_too_painful_twice_makes_the_gentler_option_the_default(
    history: list[SessionHistory],
    dose: PersonalDose | None,
    safety_stop: bool,
    expected: tuple[ChangeKind, int, int] | None,
) -> None:
    assert change_of(history, dose, safety_stop=safety_stop) == expected


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        pytest.param(PersonalDose(6, 5), (LOWERED, 5, 5), id="one step down"),
        pytest.param(None, None, id="never below the seed"),
    ],
)
def test_without_a_gentler_option_too_painful_twice_lowers_the_dose(
    dose: PersonalDose | None, expected: tuple[ChangeKind, int, int] | None
) -> None:
    history = [s(1, flow=TOO_PAINFUL), s(2, flow=TOO_PAINFUL)]
    assert change_of(history, dose, key="flow") == expected


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param(
            [s(1, bridge=GENTLER_DONE), s(2, bridge=GENTLER_DONE), s(3, bridge=GENTLER_DONE)],
            (REGULAR_AGAIN, 10, 3),
            id="three good sessions on the gentler option bring the regular one back",
        ),
        pytest.param(
            [s(1, bridge=GENTLER_DONE), s(2, bridge=DONE), s(3, bridge=GENTLER_DONE)],
            (REGULAR_AGAIN, 10, 3),
            id="done either way counts",
        ),
        pytest.param(
            [s(1, bridge=GENTLER_DONE), s(2, bridge=TOO_PAINFUL), s(3, bridge=GENTLER_DONE)],
            None,
            id="too painful even so: not yet",
        ),
    ],
)
def test_the_gentler_default_steps_up_to_the_regular_option(
    history: list[SessionHistory], expected: tuple[ChangeKind, int, int] | None
) -> None:
    assert change_of(history, PersonalDose(10, 3, gentler_default=True)) == expected


# --- take back: a worse morning after a raise --------------------------------------------------


@pytest.mark.parametrize(
    ("key", "dose", "history", "safety_stop", "expected"),
    [
        pytest.param(
            "bridge",
            PersonalDose(12, 3, since_session=3, raised_after=3),
            [s(1), s(2), s(3, check_in=WORSE)],
            False,
            (LOWERED, 10, 3),
            id="a worse morning after the session that raised the dose takes the raise back",
        ),
        pytest.param(
            "bridge",
            PersonalDose(12, 3, since_session=3, raised_after=3),
            [s(1), s(2), s(3, check_in=SAME)],
            False,
            None,
            id="the same as before: keep it",
        ),
        pytest.param(
            "bridge",
            PersonalDose(12, 3, since_session=3, raised_after=3),
            GOOD_THREE,
            False,
            None,
            id="no check-in yet: keep it",
        ),
        pytest.param(
            "bridge",
            PersonalDose(12, 3, since_session=3, raised_after=3),
            [s(1), s(2, check_in=WORSE), s(3, check_in=SAME), s(4, check_in=SAME)],
            False,
            None,
            id="a worse morning after another session, since answered: keep it",
        ),
        pytest.param(
            "bridge",
            PersonalDose(14, 5, since_session=3, raised_after=3),
            [s(1), s(2), s(3, check_in=WORSE)],
            False,
            (LOWERED, 14, 3),
            id="a raised hold goes back down (the hold grows last)",
        ),
        pytest.param(
            "stretch",
            PersonalDose(3, 42, since_session=3, raised_after=3),
            [s(1), s(2), s(3, check_in=WORSE)],
            False,
            (LOWERED, 3, 40),
            id="a capped step goes back to where it was",
        ),
        pytest.param(
            "bridge",
            PersonalDose(10, 3, since_session=3, raised_after=3),
            [s(1), s(2), s(3, check_in=WORSE)],
            False,
            (GENTLER_DEFAULT, 10, 3),
            id="the regular option that came back goes back to gentler",
        ),
        pytest.param(
            "bridge",
            PersonalDose(12, 3, since_session=3, raised_after=3),
            [s(1), s(2), s(3, check_in=WORSE)],
            True,
            (LOWERED, 10, 3),
            id="a safety stop never holds taking back",
        ),
    ],
)
def test_a_worse_morning_takes_that_sessions_raise_back(
    key: str,
    dose: PersonalDose,
    history: list[SessionHistory],
    safety_stop: bool,
    expected: tuple[ChangeKind, int, int] | None,
) -> None:
    assert change_of(history, dose, key=key, safety_stop=safety_stop) == expected


# --- calling it after every session and every check-in ------------------------------------------


@pytest.mark.parametrize(
    "history",
    [
        pytest.param(GOOD_THREE, id="step up"),
        pytest.param([s(1, bridge=TOO_PAINFUL), s(2, bridge=TOO_PAINFUL)], id="ease off"),
        pytest.param([s(1), s(2), s(3, check_in=WORSE)], id="worse morning"),
    ],
)
def test_once_stored_the_plan_changes_nothing_more(history: list[SessionHistory]) -> None:
    doses: dict[str, PersonalDose] = {}
    stored(doses, plan_adaptation(ROUTINE, doses, history, safety_stop=False))
    assert plan_adaptation(ROUTINE, doses, history, safety_stop=False) == []


def test_a_week_of_coaching() -> None:
    """Three good sessions raise the bridge; a worse morning takes it back; three more raise it."""
    doses: dict[str, PersonalDose] = {}
    history: list[SessionHistory] = []

    def after(session: SessionHistory) -> list[tuple[str, ChangeKind, int]]:
        history[:] = [h for h in history if h.session_id != session.session_id] + [session]
        changes = plan_adaptation(ROUTINE, doses, history, safety_stop=False)
        stored(doses, changes)
        return [(c.exercise_key, c.kind, c.new.reps) for c in changes if c.exercise_key == "bridge"]

    assert after(s(1)) == []
    assert after(s(1, check_in=BETTER)) == []
    assert after(s(2)) == []
    assert after(s(3)) == [("bridge", RAISED, 12)]
    assert after(s(3, check_in=WORSE)) == [("bridge", LOWERED, 10)]
    assert after(s(3, check_in=WORSE)) == []
    assert after(s(4)) == []
    assert after(s(5)) == []
    assert after(s(6)) == [("bridge", RAISED, 12)]
    assert after(s(6, check_in=SAME)) == []
    assert doses["bridge"] == PersonalDose(12, 3, since_session=6, raised_after=6, eased_after=3)


# --- properties ----------------------------------------------------------------------------------

_ROUTINES = {"test": ROUTINE, "real": REAL_ROUTINE}
_MOST_EXERCISES = max(len(routine.exercises) for routine in _ROUTINES.values())
_USUAL = st.integers(2, 4)
_SORENESS = st.one_of(_USUAL, _USUAL, _USUAL, _USUAL, st.integers(0, 10))
_STOP = st.sampled_from([False, False, False, True])
_DAY = st.tuples(
    st.integers(0, 2),  # days since the last session
    st.sampled_from([COMPLETED] * 8 + [STOPPED, ABANDONED]),
    _SORENESS,  # before
    _SORENESS,  # after
    st.lists(  # an outcome per exercise, mostly done
        st.sampled_from([DONE] * 12 + [GENTLER_DONE, TOO_PAINFUL, SKIPPED]),
        min_size=_MOST_EXERCISES,
        max_size=_MOST_EXERCISES,
    ),
    st.integers(0, _MOST_EXERCISES),  # how many exercises a session that did not complete reached
    _STOP,  # a safety stop when the session ends
    st.sampled_from([None, BETTER, SAME, WORSE]),  # the next-morning answer
    _STOP,  # a safety stop when it comes
)
Day = tuple[int, Status, int, int, list[Outcome], int, bool, CheckIn | None, bool]


def _events(routine: Routine, days: list[Day]) -> list[tuple[SessionHistory | CheckIn, bool]]:
    """A story as (event, safety stop) pairs: each session, then its next-morning answer if any."""
    keys = [exercise.key for exercise in routine.exercises]
    events: list[tuple[SessionHistory | CheckIn, bool]] = []
    day = 0
    for session_id, (
        gap,
        status,
        before,
        after,
        results,
        reached,
        stop,
        answer,
        later,
    ) in enumerate(days, start=1):
        day += gap
        count = len(keys) if status is COMPLETED else min(reached, len(keys))
        session = SessionHistory(
            session_id=session_id,
            local_date=DAY_ONE + timedelta(days=day),
            status=status,
            soreness_before=before,
            soreness_after=None if status is ABANDONED else after,
            outcomes=dict(zip(keys[:count], results[:count], strict=True)),
        )
        events.append((session, stop))
        if answer is not None:
            events.append((answer, later))
    return events


def _bounds(exercise: Exercise) -> tuple[int, int, int, int]:
    step, seed = exercise.progression, exercise.dose
    top_reps = step.reps_max if step.reps_step and step.reps_max else seed.reps
    top_hold = step.hold_max if step.hold_step and step.hold_max else seed.hold_seconds
    return seed.reps, max(seed.reps, top_reps), seed.hold_seconds, max(seed.hold_seconds, top_hold)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(_ROUTINES)), st.lists(_DAY, min_size=1, max_size=15))
def test_no_story_steps_up_when_unsafe_or_leaves_the_bounds(name: str, days: list[Day]) -> None:
    """Sessions and check-ins in any order of good and bad: the safety rules always hold."""
    routine = _ROUTINES[name]
    doses: dict[str, PersonalDose] = {}
    history: list[SessionHistory] = []
    for event, safety_stop in _events(routine, days):
        if isinstance(event, SessionHistory):
            history.append(event)
        else:
            history[-1] = replace(history[-1], check_in=event)
        changes = plan_adaptation(routine, doses, history, safety_stop=safety_stop)
        latest = history[-1]
        for change in changes:
            if change.step_up:
                assert not safety_stop
                assert latest.soreness_before is not None
                assert latest.soreness_before < 7
                assert progression_hold(history) is None
        stored(doses, changes)
        assert plan_adaptation(routine, doses, history, safety_stop=safety_stop) == []
        for exercise in routine.exercises:
            dose = personal_dose(exercise, doses)
            low_reps, top_reps, low_hold, top_hold = _bounds(exercise)
            assert low_reps <= dose.reps <= top_reps
            assert low_hold <= dose.hold_seconds <= top_hold
            if dose.gentler_default:
                assert exercise.gentler is not None
                assert (dose.reps, dose.hold_seconds) == (low_reps, low_hold)


# --- the numbers come from the content (routine.yaml `rules:`) -------------------------------


def test_the_real_routine_states_the_clinical_numbers() -> None:
    rules = REAL_ROUTINE.rules
    assert (rules.too_sore_to_start, rules.high_soreness, rules.flare_up_rise) == (7, 7, 3)
    assert (rules.good_sessions_to_step_up, rules.max_soreness_rise) == (3, 1)


def test_a_routine_with_other_rules_steps_up_sooner_and_holds_elsewhere() -> None:
    quicker = ROUTINE.model_copy(
        update={"rules": PainRules(good_sessions_to_step_up=2, high_soreness=5)}
    )
    two_good = [s(1), s(2)]
    assert change_of(two_good) is None
    assert change_of(two_good, routine=quicker) is not None
    sore = [s(1, before=5), s(2), s(3)]
    assert change_of(sore) is not None
    assert progression_hold(sore, rules=quicker.rules) is Hold.HIGH_SORENESS


def test_a_flare_up_is_as_far_as_the_rules_say() -> None:
    session = s(1, before=2, after=4)
    assert not flare_up(session)
    assert flare_up(session, PainRules(flare_up_rise=2))


# --- the 24-hour rule ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "dose", "expected"),
    [
        pytest.param("bridge", None, (GENTLER_DEFAULT, 10, 3), id="at the seed: gentler first"),
        pytest.param("bridge", PersonalDose(14, 3), (LOWERED, 12, 3), id="reps one step down"),
        pytest.param("stretch", PersonalDose(3, 40), (LOWERED, 3, 35), id="the hold first"),
        pytest.param(
            "bridge", PersonalDose(10, 3, gentler_default=True), None, id="already gentlest"
        ),
    ],
)
def test_a_worse_morning_eases_what_that_session_reached(
    key: str, dose: PersonalDose | None, expected: tuple[ChangeKind, int, int] | None
) -> None:
    """CLINICAL.md: worse the next morning → reduce reps, hold or range next time."""
    history = [s(1, check_in=BETTER), s(2, check_in=WORSE)]
    assert change_of(history, dose, key=key) == expected


def test_a_worse_morning_eases_once_and_not_what_the_session_skipped() -> None:
    history = [s(1, bridge=SKIPPED, check_in=WORSE)]
    doses: dict[str, PersonalDose] = {}
    changes = plan_adaptation(ROUTINE, doses, history, safety_stop=True)
    assert "bridge" not in {change.exercise_key for change in changes}
    # The flow is at its seed with no gentler option: nothing lower to go to.
    assert {change.exercise_key for change in changes} == {"stretch", "tilt"}
    stored(doses, changes)
    assert plan_adaptation(ROUTINE, doses, history, safety_stop=True) == []


def test_a_worse_morning_is_not_eased_again_once_the_regular_option_is_back() -> None:
    """The gentler default after a "worse" morning goes back to regular after good sessions;
    that old "worse" is never eased a second time (found by the property test)."""
    history = [s(1, day=0), s(2, day=0, check_in=WORSE)]
    doses: dict[str, PersonalDose] = {}
    stored(doses, plan_adaptation(ROUTINE, doses, history, safety_stop=False))
    assert doses["tilt"].gentler_default
    for session_id in (3, 4, 5):
        history.append(s(session_id, day=session_id, outcomes={"tilt": GENTLER_DONE}))
        stored(doses, plan_adaptation(ROUTINE, doses, history, safety_stop=False))
    assert not doses["tilt"].gentler_default, "three good gentler sessions: regular again"

    assert plan_adaptation(ROUTINE, doses, history, safety_stop=False) == []
