"""Progress math: streaks, adherence, soreness trends and chart series — pure functions of history.

Nothing here reads a clock or a database: the caller passes the user's sessions
(`SessionHistory`, one per session, in any order) and today's local date, and gets back numbers that
a screen fills into texts from `content/`.

A day is *done* when a session was completed that local day, or stopped for pain (they still showed
up). A "skip today" day is a rest day: it neither counts nor breaks a streak.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.routine.content import DEFAULT_TRACK
from bot.routine.session import Outcome, Status

FINISHED = frozenset({Status.COMPLETED, Status.STOPPED_FOR_PAIN})
"""Statuses of a session that counts as "done" for streaks, adherence and charts."""

FORGIVE_ONE_MISS_IN = 7
"""At most one plain missed day in any window of this many days is forgiven."""

TREND_WINDOW_DAYS = 14
TREND_MIN_SESSIONS = 4
TREND_GROUP = 3

REVIEW_AFTER_DAYS = 42
"""No improvement is judged after about six weeks since the first session..."""
REVIEW_MIN_SESSIONS_PER_WEEK = 2
"""...of regular sessions (on average over the last six weeks)..."""
REVIEW_COMPARE_DAYS = 14
"""...comparing soreness before sessions in the first two weeks with the last two weeks."""
REVIEW_PAIN_FREE_BELOW = 1.0
"""A recent average below this is (almost) pain-free: nothing left to improve, no referral."""


class CheckIn(StrEnum):
    """The next-morning answer: how is the back compared with before yesterday's routine?"""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


@dataclass(frozen=True)
class SessionHistory:
    """What the progress and adaptation rules need to know about one past session.

    `session_id` orders sessions (ids grow with time); `local_date` is the user's local date of the
    session; `outcomes` maps exercise key → outcome for the exercises the session reached;
    `check_in` is the next-morning answer about this session, once given; `gentle_start` says
    the session opened every exercise on its gentler option (after a flare-up), so a gentler
    result there says nothing about pain; `rest_day`: soreness was too high to start, so there was
    no routine; `started_at`: when it began (UTC), where known.
    """

    session_id: int
    local_date: date
    status: Status
    soreness_before: int | None = None
    soreness_after: int | None = None
    outcomes: Mapping[str, Outcome] = field(default_factory=dict)
    check_in: CheckIn | None = None
    gentle_start: bool = False
    rest_day: bool = False
    started_at: datetime | None = None
    routine_id: str = DEFAULT_TRACK

    @property
    def finished(self) -> bool:
        """Completed or stopped for pain: the user showed up."""
        return self.status in FINISHED


def in_order(history: Iterable[SessionHistory]) -> list[SessionHistory]:
    """Sessions oldest first."""
    return sorted(history, key=lambda session: session.session_id)


def done_days(history: Iterable[SessionHistory]) -> set[date]:
    """Local dates with a completed (or stopped-for-pain) routine; a rest day is not one."""
    return {session.local_date for session in history if session.finished and not session.rest_day}


# --- streak and adherence -------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    """`days` done in a row up to today; `forgiven`: missed days inside the streak let go."""

    days: int
    forgiven: int = 0


def forgiving_streak(
    done_days: Iterable[date], skipped_days: Iterable[date], today: date
) -> Streak:
    """Consecutive done days up to *today*, forgiving rest days and one plain miss a week.

    - Today may still be open: if it is not done yet, it neither counts nor breaks the streak.
    - A "skip today" day (not done) does not break the streak and is not counted.
    - A plain missed day is forgiven when no other forgiven miss lies within 7 days of it (at most
      one in any 7-day window); otherwise the streak ends there.
    - Misses older than the oldest counted day belong to no streak and are not reported as forgiven.
    """
    done = set(done_days)
    rest = set(skipped_days) - done
    earlier = [day for day in done if day <= today]
    if not earlier:
        return Streak(0)
    first = min(earlier)
    days = 0
    oldest_counted: date | None = None
    forgiven: list[date] = []
    day = today
    while day >= first:
        if day in done:
            days += 1
            oldest_counted = day
        elif day == today or day in rest:
            pass
        elif forgiven and (forgiven[-1] - day).days < FORGIVE_ONE_MISS_IN:
            break
        else:
            forgiven.append(day)
        day -= timedelta(days=1)
    if oldest_counted is None:
        return Streak(0)
    return Streak(days, sum(1 for miss in forgiven if miss > oldest_counted))


def adherence(
    done_days: Iterable[date], today: date, window_days: int, *, since: date | None = None
) -> float:
    """The share (0.0–1.0) of the last *window_days* local days with a session.

    The window ends today when today is done, else yesterday (an open day is not held against
    the user). With *since* (the user's first day), a window reaching further back is cut to start
    there, so a newcomer's 30-day figure is not diluted by days before they began.
    """
    done = set(done_days)
    end = today if today in done else today - timedelta(days=1)
    start = end - timedelta(days=window_days - 1)
    if since is not None and since > start:
        start = since
    if window_days < 1 or end < start:
        return 0.0
    span = (end - start).days + 1
    hits = sum(1 for day in done if start <= day <= end)
    return hits / span


def so_far(done_days: Iterable[date], today: date, window_days: int = 7) -> tuple[int, int] | None:
    """(days with a session, days since the first, today included) for someone who started less
    than *window_days* ago — a "last 7 days" share would read 100 % on day one; None after."""
    done = set(done_days)
    first = min(done, default=None)
    if first is None or (today - first).days + 1 >= window_days:
        return None
    return sum(1 for day in done if first <= day <= today), (today - first).days + 1


# --- soreness ------------------------------------------------------------------------------


class Direction(StrEnum):
    DOWN = "down"
    SAME = "same"
    UP = "up"


@dataclass(frozen=True)
class SorenessTrend:
    """Average soreness after sessions, early vs. late, in whole points, over `days` days."""

    from_value: int
    to_value: int
    days: int

    @property
    def direction(self) -> Direction:
        if self.to_value < self.from_value:
            return Direction.DOWN
        if self.to_value > self.from_value:
            return Direction.UP
        return Direction.SAME


def soreness_trend(
    history: Iterable[SessionHistory], *, today: date | None = None
) -> SorenessTrend | None:
    """Soreness after sessions: the earliest vs. the latest sessions of the last two weeks.

    Takes the sessions with a soreness-after score in the 14 local days ending *today* (default:
    the latest session's date). With at least 4 of them, compares the average of the earliest with
    the average of the latest (3 each, or half of them each when there are fewer than 6, so the two
    groups never share a session), rounded half up to whole points. None when there is too little.
    """
    scored = [s for s in in_order(history) if s.soreness_after is not None]
    if not scored:
        return None
    end = today if today is not None else max(s.local_date for s in scored)
    start = end - timedelta(days=TREND_WINDOW_DAYS - 1)
    recent = [s for s in scored if start <= s.local_date <= end]
    if len(recent) < TREND_MIN_SESSIONS:
        return None
    size = min(TREND_GROUP, len(recent) // 2)
    early, late = recent[:size], recent[-size:]
    days = (max(s.local_date for s in recent) - min(s.local_date for s in recent)).days
    return SorenessTrend(_round(_mean_after(early)), _round(_mean_after(late)), days)


def _mean_after(sessions: Sequence[SessionHistory]) -> float:
    scores = [s.soreness_after for s in sessions if s.soreness_after is not None]
    return sum(scores) / len(scores)


def _round(value: float) -> int:
    """Half up (scores are never negative): 2.5 → 3, unlike Python's round()."""
    return int(value + 0.5)


# --- per exercise and per week ------------------------------------------------------------


def exercise_outcomes(history: Iterable[SessionHistory]) -> dict[str, Counter[Outcome]]:
    """For each exercise key, how often each outcome was recorded."""
    tally: dict[str, Counter[Outcome]] = {}
    for session in in_order(history):
        for key, outcome in session.outcomes.items():
            tally.setdefault(key, Counter())[outcome] += 1
    return tally


def week_start(day: date) -> date:
    """The Monday of *day*'s week."""
    return day - timedelta(days=day.weekday())


def sessions_per_week(
    history: Iterable[SessionHistory], today: date, weeks: int
) -> list[tuple[date, int]]:
    """Routines done per week (Monday first) for the last *weeks* weeks up to today's, oldest first.

    Weeks without a routine are listed with 0, so a chart has one bar per week; a rest day (too
    sore to start) is not a routine.
    """
    current = week_start(today)
    starts = [current - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    counts = Counter(
        week_start(s.local_date)
        for s in history
        if s.finished and not s.rest_day and s.local_date <= today
    )
    return [(start, counts[start]) for start in starts]


# --- referral ------------------------------------------------------------------------------


def no_improvement(history: Iterable[SessionHistory], today: date) -> bool:
    """Whether to suggest a professional review: about six weeks of regular sessions, no better.

    True when all of these hold:
    - the first done session was at least 6 weeks (42 days) ago;
    - there were regular sessions: on average at least 2 done sessions a week over the last 6 weeks;
    - the average soreness before sessions in the last 2 weeks is not lower than in the first
      2 weeks after the first session (both periods need a score);
    - and there is still soreness to improve (the recent average is at least 1).
    """
    done = [s for s in history if s.finished and s.local_date <= today]
    if not done:
        return False
    first = min(s.local_date for s in done)
    if (today - first).days < REVIEW_AFTER_DAYS:
        return False
    window_start = today - timedelta(days=REVIEW_AFTER_DAYS - 1)
    in_window = sum(1 for s in done if s.local_date >= window_start)
    if in_window < REVIEW_MIN_SESSIONS_PER_WEEK * REVIEW_AFTER_DAYS // 7:
        return False
    early_end = first + timedelta(days=REVIEW_COMPARE_DAYS - 1)
    late_start = today - timedelta(days=REVIEW_COMPARE_DAYS - 1)
    early = _before_scores(s for s in done if s.local_date <= early_end)
    late = _before_scores(s for s in done if s.local_date >= late_start)
    if not early or not late:
        return False
    late_mean = sum(late) / len(late)
    return late_mean >= REVIEW_PAIN_FREE_BELOW and late_mean >= sum(early) / len(early)


def _before_scores(sessions: Iterable[SessionHistory]) -> list[int]:
    return [s.soreness_before for s in sessions if s.soreness_before is not None]
