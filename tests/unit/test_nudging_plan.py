"""`plan_claims`: which due nudges are sent, where each user's next one moves (table tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.routine.nudging import (
    DueUser,
    NextNudge,
    NudgeClaim,
    NudgeKind,
    NudgePolicy,
    latest_occurrence,
    plan_claims,
)
from bot.routine.nudging import zone_or_none as zone

POLICY = NudgePolicy(grace=timedelta(hours=2))
BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def due(
    next_at: datetime,
    *,
    at: time = time(8, 0),
    tz: str = BERLIN,
    kind: NudgeKind = NudgeKind.DAILY,
    paused: bool = False,
) -> DueUser:
    return DueUser(1, tz, at, next_at, kind, paused)


# Berlin is UTC+1 in winter: 08:00 local is 07:00 UTC.
CASES = [
    # (what, the stored next nudge, now, the claim expected or None, the next nudge after)
    (
        "on time",
        due(utc(2026, 11, 26, 7)),
        utc(2026, 11, 26, 7, 1),
        NudgeClaim(1, date(2026, 11, 26), NudgeKind.DAILY, utc(2026, 11, 26, 7)),
        utc(2026, 11, 27, 7),
    ),
    (
        "late, within the grace window",
        due(utc(2026, 11, 26, 7)),
        utc(2026, 11, 26, 8, 59),
        NudgeClaim(1, date(2026, 11, 26), NudgeKind.DAILY, utc(2026, 11, 26, 7)),
        utc(2026, 11, 27, 7),
    ),
    (
        "late past the grace window, today's already past it too",
        due(utc(2026, 11, 26, 7)),
        utc(2026, 11, 26, 9, 1),
        None,
        utc(2026, 11, 27, 7),
    ),
    (
        # Down from yesterday 07:00 to today 08:30 local; reminder 08:00; grace 2 h.
        "catch-up after a long outage: today's nudge once",
        due(utc(2026, 11, 25, 7)),
        utc(2026, 11, 26, 7, 30),
        NudgeClaim(1, date(2026, 11, 26), NudgeKind.DAILY, utc(2026, 11, 26, 7)),
        utc(2026, 11, 27, 7),
    ),
    (
        "a 30-hour outage that ends just inside the grace window",
        due(utc(2026, 11, 25, 3), at=time(4, 0)),  # 04:00 local, stored for yesterday
        utc(2026, 11, 26, 5, 0),
        NudgeClaim(1, date(2026, 11, 26), NudgeKind.DAILY, utc(2026, 11, 26, 3)),
        utc(2026, 11, 27, 3),
    ),
    (
        "a stale snooze catches up as the day's daily nudge",
        due(utc(2026, 11, 25, 8), kind=NudgeKind.SNOOZE),
        utc(2026, 11, 26, 7, 10),
        NudgeClaim(1, date(2026, 11, 26), NudgeKind.DAILY, utc(2026, 11, 26, 7)),
        utc(2026, 11, 27, 7),
    ),
    (
        "days down, today's time is before now by more than the window: nothing",
        due(utc(2026, 11, 23, 7)),
        utc(2026, 11, 26, 13),
        None,
        utc(2026, 11, 27, 7),
    ),
    (
        "days down, back before today's time: nothing now, today's comes on time",
        due(utc(2026, 11, 23, 7)),
        utc(2026, 11, 26, 6),
        None,
        utc(2026, 11, 26, 7),
    ),
    (
        "paused for a warning sign: no nudge, the next one still moves on",
        due(utc(2026, 11, 26, 7), paused=True),
        utc(2026, 11, 26, 7, 1),
        None,
        utc(2026, 11, 27, 7),
    ),
    (
        "paused, after a long outage: no catch-up either",
        due(utc(2026, 11, 25, 7), paused=True),
        utc(2026, 11, 26, 7, 30),
        None,
        utc(2026, 11, 27, 7),
    ),
    # DST. Berlin springs forward on 29 March 2026 (02:00 → 03:00) and falls back on 25 October.
    (
        "spring forward: a 02:30 reminder falls in the gap, caught up at 03:00 CEST",
        due(utc(2026, 3, 28, 1, 30), at=time(2, 30)),  # Saturday 02:30 CET
        utc(2026, 3, 29, 2, 0),  # Sunday 04:00 CEST; the day's nudge was 03:00 CEST (01:00 UTC)
        NudgeClaim(1, date(2026, 3, 29), NudgeKind.DAILY, utc(2026, 3, 29, 1)),
        utc(2026, 3, 30, 0, 30),
    ),
    (
        "fall back: a 02:30 reminder (twice that night) catches up with the first one",
        due(utc(2026, 10, 24, 0, 30), at=time(2, 30)),  # Saturday 02:30 CEST
        utc(2026, 10, 25, 2, 0),  # Sunday 03:00 CET, after both 02:30s
        NudgeClaim(1, date(2026, 10, 25), NudgeKind.DAILY, utc(2026, 10, 25, 0, 30)),
        utc(2026, 10, 26, 1, 30),
    ),
    (
        "New York spring forward, a 30-hour outage: one catch-up for Sunday",
        due(utc(2026, 3, 7, 13), at=time(8, 0), tz=NEW_YORK),  # Saturday 08:00 EST
        utc(2026, 3, 8, 13, 30),  # Sunday 09:30 EDT
        NudgeClaim(1, date(2026, 3, 8), NudgeKind.DAILY, utc(2026, 3, 8, 12)),
        utc(2026, 3, 9, 12),
    ),
]


@pytest.mark.parametrize(
    ("user", "now", "claim", "next_at"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_plan_claims(
    user: DueUser, now: datetime, claim: NudgeClaim | None, next_at: datetime
) -> None:
    moves, claims = plan_claims([user], {}, now, POLICY)
    assert moves == [NextNudge(1, next_at, NudgeKind.DAILY)]
    assert claims == ([claim] if claim else [])


def test_a_catch_up_is_dropped_when_that_days_routine_is_done() -> None:
    user = due(utc(2026, 11, 25, 7))
    done_today = {1: utc(2026, 11, 26, 6)}
    assert plan_claims([user], done_today, utc(2026, 11, 26, 7, 30), POLICY)[1] == []
    done_yesterday = {1: utc(2026, 11, 25, 9)}
    [claim] = plan_claims([user], done_yesterday, utc(2026, 11, 26, 7, 30), POLICY)[1]
    assert claim.local_date == date(2026, 11, 26)


def test_at_most_one_catch_up_whatever_the_sweeps() -> None:
    """After the catch-up the next nudge is tomorrow's: sweeping again claims nothing."""
    now = utc(2026, 11, 26, 7, 30)
    [move], [claim] = plan_claims([due(utc(2026, 11, 24, 7))], {}, now, POLICY)
    assert claim.due_at == utc(2026, 11, 26, 7)
    assert move.at is not None
    for minutes in (1, 30, 89):
        later = now + timedelta(minutes=minutes)
        assert move.at > later  # not due again before tomorrow


def test_an_unknown_zone_stops_the_nudges() -> None:
    moves, claims = plan_claims(
        [due(utc(2026, 11, 26, 7), tz="Atlantis/Lost")], {}, utc(2026, 11, 26, 7), POLICY
    )
    assert moves == [NextNudge(1, None, None)]
    assert claims == []


@pytest.mark.parametrize(
    ("at", "now", "expected"),
    [
        (time(8), utc(2026, 11, 26, 7), utc(2026, 11, 26, 7)),  # exactly now
        (time(8), utc(2026, 11, 26, 6, 59), utc(2026, 11, 25, 7)),  # yesterday's
        (time(2, 30), utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 1)),  # the gap's end
        (time(23, 30), utc(2026, 11, 26, 7), utc(2026, 11, 25, 22, 30)),
    ],
)
def test_latest_occurrence(at: time, now: datetime, expected: datetime) -> None:
    berlin = zone(BERLIN)
    assert berlin is not None
    assert latest_occurrence(at, berlin, now) == expected
