"""The daily nudge's rules: its kinds and states, and which due nudges to send (pure).

A user's `next_nudge_at` says when their next nudge is due. The sweep reads who is due and asks
`plan_claims` what to do with each: move their next nudge on (always), and send this one only if it
is not more than the grace window late and that local day's routine is not already done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.routine import local_time

SNOOZE_FOR = timedelta(hours=1)


class NudgeKind(StrEnum):
    DAILY = "daily"
    SNOOZE = "snooze"


class NudgeStatus(StrEnum):
    CLAIMED = "claimed"
    SENT = "sent"
    DROPPED = "dropped"
    FAILED = "failed"


class NudgeAnswer(StrEnum):
    """What the user did with the day's nudge; "skipped" keeps a streak (a rest day)."""

    SKIPPED = "skipped"


@dataclass(frozen=True)
class NudgePolicy:
    """How the outbox behaves (settings: NUDGE_*)."""

    grace: timedelta = timedelta(hours=2)
    lease: timedelta = timedelta(minutes=2)
    batch: int = 500


@dataclass(frozen=True)
class DueUser:
    user_id: int
    time_zone: str
    reminder_time: time
    next_nudge_at: datetime
    kind: NudgeKind


@dataclass(frozen=True)
class NextNudge:
    """Where a user's next nudge moves to (None: no more nudges, e.g. an unknown zone)."""

    user_id: int
    at: datetime | None
    kind: NudgeKind | None


@dataclass(frozen=True)
class NudgeClaim:
    user_id: int
    local_date: date
    kind: NudgeKind
    due_at: datetime


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """The zone called *name*, or None for an empty or unknown name."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def plan_claims(
    due: Sequence[DueUser],
    last_finished: Mapping[int, datetime],
    now: datetime,
    policy: NudgePolicy,
) -> tuple[list[NextNudge], list[NudgeClaim]]:
    """For each due user: where their next nudge moves, and whether this one is sent."""
    moves: list[NextNudge] = []
    claims: list[NudgeClaim] = []
    for user in due:
        zone = zone_or_none(user.time_zone)
        if zone is None:
            moves.append(NextNudge(user.user_id, None, None))
            continue
        day = local_time.local_date(user.next_nudge_at, zone)
        moves.append(
            NextNudge(
                user.user_id,
                local_time.next_nudge_at(user.reminder_time, zone, now),
                NudgeKind.DAILY,
            )
        )
        if now - user.next_nudge_at > policy.grace:
            continue
        done_at = last_finished.get(user.user_id)
        if done_at is not None and local_time.local_date(done_at, zone) == day:
            continue
        claims.append(NudgeClaim(user.user_id, day, user.kind, user.next_nudge_at))
    return moves, claims
