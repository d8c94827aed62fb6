"""Progress math: the forgiving streak, adherence, the soreness trend, chart series, referral.

Day strings read oldest → today, one character a day: `x` a session done, `s` "skip today",
`.` nothing. The last character is today.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from bot.routine.progress import (
    CheckIn,
    Direction,
    SessionHistory,
    SorenessTrend,
    Streak,
    adherence,
    done_days,
    exercise_outcomes,
    forgiving_streak,
    no_improvement,
    sessions_per_week,
    soreness_trend,
    week_start,
)
from bot.routine.session import Outcome, Status

TODAY = date(2026, 3, 18)  # a Wednesday
COMPLETED, STOPPED, ABANDONED = Status.COMPLETED, Status.STOPPED_FOR_PAIN, Status.ABANDONED


def days(pattern: str, today: date = TODAY) -> tuple[set[date], set[date]]:
    """(done days, skipped days) from a day string ending today."""
    start = today - timedelta(days=len(pattern) - 1)
    marked = {start + timedelta(days=i): mark for i, mark in enumerate(pattern)}
    done = {day for day, mark in marked.items() if mark == "x"}
    skipped = {day for day, mark in marked.items() if mark == "s"}
    return done, skipped


def session(
    days_ago: int,
    *,
    before: int | None = 4,
    after: int | None = 3,
    status: Status = COMPLETED,
    session_id: int | None = None,
    outcomes: dict[str, Outcome] | None = None,
) -> SessionHistory:
    return SessionHistory(
        session_id=1000 - days_ago if session_id is None else session_id,
        local_date=TODAY - timedelta(days=days_ago),
        status=status,
        soreness_before=before,
        soreness_after=after,
        outcomes=outcomes or {},
    )


def afters(scores: dict[int, int]) -> list[SessionHistory]:
    """Sessions by days ago → soreness after."""
    return [session(days_ago, after=score) for days_ago, score in scores.items()]


# --- streak ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param("", Streak(0), id="no sessions"),
        pytest.param("x", Streak(1), id="today done"),
        pytest.param("xxx", Streak(3), id="three days in a row"),
        pytest.param("xxx.", Streak(3), id="today not done yet: the streak is still on"),
        pytest.param("xxxs", Streak(3), id="today skipped: still on, not counted"),
        pytest.param("xxsxx", Streak(4), id="a skip-today day does not break it"),
        pytest.param("xsssx", Streak(2), id="nor do several"),
        pytest.param("xx.xx", Streak(4, forgiven=1), id="one missed day is forgiven"),
        pytest.param("xxx..", Streak(3, forgiven=1), id="missed yesterday, today open: forgiven"),
        pytest.param("xx..xx", Streak(2), id="two missed days in a row break it"),
        pytest.param("xxx...", Streak(0), id="missed two days before today: broken"),
        pytest.param("x.xxxxx.x", Streak(6, forgiven=1), id="two misses within 7 days break it"),
        pytest.param(
            "x.xxxxxx.x", Streak(8, forgiven=2), id="one miss a week, 7 days apart: both forgiven"
        ),
        pytest.param("x.s.x", Streak(1), id="a skip between two misses does not part them"),
        pytest.param("..xx", Streak(2), id="days before the first session are not misses"),
        pytest.param("xs.x", Streak(2, forgiven=1), id="a skip and a miss in one week"),
    ],
)
def test_the_streak_forgives_rest_days_and_one_miss_a_week(pattern: str, expected: Streak) -> None:
    done, skipped = days(pattern)
    assert forgiving_streak(done, skipped, TODAY) == expected


def test_a_day_both_skipped_and_done_counts_as_done() -> None:
    assert forgiving_streak({TODAY}, {TODAY}, TODAY) == Streak(1)


def test_sessions_after_today_are_ignored() -> None:
    assert forgiving_streak({TODAY + timedelta(days=1)}, set(), TODAY) == Streak(0)


def test_done_days_are_completed_or_stopped_for_pain() -> None:
    history = [session(3), session(2, status=STOPPED), session(1, status=ABANDONED)]
    assert done_days(history) == {TODAY - timedelta(days=3), TODAY - timedelta(days=2)}


# --- adherence ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "window", "expected"),
    [
        pytest.param("xxxxxxx", 7, 1.0, id="every day of the week"),
        pytest.param("xxxxxxx.", 7, 1.0, id="today not done yet: the week ends yesterday"),
        pytest.param("x.xx.xxx", 7, 5 / 7, id="five of the last seven"),
        pytest.param("xxsxsxx", 7, 5 / 7, id="skip-today days are days without a session"),
        pytest.param("", 7, 0.0, id="nothing"),
        pytest.param("x." * 15, 30, 0.5, id="every other day for a month"),
        pytest.param("x" * 40, 30, 1.0, id="only the last 30 days count"),
    ],
)
def test_adherence_is_the_share_of_recent_days_with_a_session(
    pattern: str, window: int, expected: float
) -> None:
    done, _ = days(pattern)
    assert adherence(done, TODAY, window) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("pattern", "since_days_ago", "expected"),
    [
        pytest.param("xxx", 2, 1.0, id="three days in, three done: all of them"),
        pytest.param("x.x.", 3, 2 / 3, id="today open: three days so far"),
        pytest.param("xxx", 60, 3 / 30, id="a first day long ago changes nothing"),
    ],
)
def test_a_newcomers_adherence_counts_from_their_first_day(
    pattern: str, since_days_ago: int, expected: float
) -> None:
    done, _ = days(pattern)
    since = TODAY - timedelta(days=since_days_ago)
    assert adherence(done, TODAY, 30, since=since) == pytest.approx(expected)


# --- soreness trend ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param(
            afters({13: 5, 11: 5, 9: 6, 4: 3, 2: 3, 0: 2}),
            SorenessTrend(5, 3, 13),
            id="down from 5 to 3 over two weeks",
        ),
        pytest.param(
            afters({6: 5, 4: 4, 2: 3, 0: 2}),
            SorenessTrend(5, 3, 6),
            id="four sessions: two against two, halves rounded up",
        ),
        pytest.param(
            afters({3: 2, 2: 3, 1: 4, 0: 4}),
            SorenessTrend(3, 4, 3),
            id="up",
        ),
        pytest.param(
            [session(2), session(1), session(0)], None, id="three sessions are not enough"
        ),
        pytest.param(
            afters({20: 9, 15: 9, 2: 3, 1: 3, 0: 3}),
            None,
            id="sessions older than two weeks do not count",
        ),
        pytest.param(
            [session(3, after=None), session(2), session(1), session(0)],
            None,
            id="a session without soreness after does not count",
        ),
    ],
)
def test_the_soreness_trend_compares_early_and_late_sessions(
    history: list[SessionHistory], expected: SorenessTrend | None
) -> None:
    assert soreness_trend(history, today=TODAY) == expected


def test_the_trend_defaults_to_the_latest_sessions_fortnight() -> None:
    history = afters({40: 6, 38: 6, 37: 4, 36: 4})
    assert soreness_trend(history) == SorenessTrend(6, 4, 4)
    assert soreness_trend(history, today=TODAY) is None


@pytest.mark.parametrize(
    ("trend", "direction"),
    [
        (SorenessTrend(5, 3, 13), Direction.DOWN),
        (SorenessTrend(3, 3, 13), Direction.SAME),
        (SorenessTrend(3, 5, 13), Direction.UP),
    ],
)
def test_a_trend_has_a_direction(trend: SorenessTrend, direction: Direction) -> None:
    assert trend.direction is direction


# --- per exercise, per week -----------------------------------------------------------------------


def test_exercise_outcomes_are_counted_per_exercise() -> None:
    done, painful = Outcome.DONE, Outcome.TOO_PAINFUL
    history = [
        session(2, outcomes={"bridge": done, "plank": painful}),
        session(1, outcomes={"bridge": done, "plank": Outcome.GENTLER_DONE}),
        session(0, status=ABANDONED, outcomes={"bridge": Outcome.SKIPPED}),
    ]
    assert exercise_outcomes(history) == {
        "bridge": Counter({done: 2, Outcome.SKIPPED: 1}),
        "plank": Counter({painful: 1, Outcome.GENTLER_DONE: 1}),
    }


def test_sessions_per_week_lists_every_week_monday_first() -> None:
    monday = date(2026, 3, 16)
    assert week_start(TODAY) == monday
    history = [
        session(0),  # Wednesday this week
        session(1),  # Tuesday
        session(1, session_id=1),  # twice that day
        session(2, status=ABANDONED),  # Monday, abandoned: not counted
        session(3, status=STOPPED),  # Sunday last week
        session(16),  # Monday two weeks before
        session(40),  # outside the chart
        session(-1),  # tomorrow: not yet
    ]
    assert sessions_per_week(history, TODAY, 4) == [
        (monday - timedelta(weeks=3), 0),
        (monday - timedelta(weeks=2), 1),
        (monday - timedelta(weeks=1), 1),
        (monday, 3),
    ]


def test_a_rest_day_is_not_a_routine_in_the_chart_or_the_done_days() -> None:
    """Issue 11: soreness 8 → no routine: it neither fills a bar nor counts as a day done."""
    rest = SessionHistory(
        session_id=7,
        local_date=TODAY,
        status=STOPPED,
        soreness_before=8,
        soreness_after=None,
        rest_day=True,
    )
    routine = session(1)
    assert done_days([rest, routine]) == {routine.local_date}
    [*_, (this_week, count)] = sessions_per_week([rest, routine], TODAY, 1)
    assert this_week == week_start(TODAY)
    assert count == 1


# --- no improvement after six weeks --------------------------------------------------------------


def six_weeks(early: int, late: int, *, every: int = 3, weeks: int = 6) -> list[SessionHistory]:
    """Sessions every *every* days for *weeks* weeks up to today; soreness before *early* in the
    first two weeks, *late* in the last two, halfway between in the middle."""
    first = weeks * 7
    history = []
    for days_ago in range(first, -1, -every):
        if days_ago > first - 14:
            before = early
        elif days_ago < 14:
            before = late
        else:
            before = (early + late) // 2
        history.append(session(days_ago, before=before))
    return history


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param(six_weeks(5, 5), True, id="six weeks, soreness the same: suggest a review"),
        pytest.param(six_weeks(4, 6), True, id="six weeks, soreness higher: suggest a review"),
        pytest.param(six_weeks(5, 3), False, id="soreness lower: no"),
        pytest.param(six_weeks(5, 5, weeks=5), False, id="only five weeks: not yet"),
        pytest.param(six_weeks(5, 5, every=5), False, id="not regular (under twice a week): no"),
        pytest.param(six_weeks(0, 0), False, id="pain-free all along: nothing to improve"),
        pytest.param([], False, id="no sessions"),
    ],
)
def test_no_improvement_after_six_weeks_of_regular_sessions(
    history: list[SessionHistory], expected: bool
) -> None:
    assert no_improvement(history, TODAY) is expected


def test_a_check_in_is_better_same_or_worse() -> None:
    assert [answer.value for answer in CheckIn] == ["better", "same", "worse"]
