"""The daily nudge's rules: its kinds and states, and which due nudges to send (pure).

A user's `next_nudge_at` says when their next nudge is due. The sweep reads who is due and asks
`plan_claims` what to do with each: move their next nudge on (always), and send one only if

- the user is not paused for a warning sign (`users.safety_screen` is "flagged"): their next nudge
  still moves on, so nudges resume by themselves once the sign is cleared;
- it is not more than the grace window late — or, after a long outage, the most recent occurrence
  of their reminder time is within the grace window: then that one is sent instead (a catch-up; at
  most one, and never two for one local day, since a claim is unique per user, day and kind);
- that local day's routine is not already done.
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
    # The request may have reached Telegram (a read or write timeout): never sent again.
    UNKNOWN = "unknown"


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
    paused: bool = False  # a warning sign stands (safety_screen "flagged"): no nudge
    language: str | None = None  # the person's stored language: the nudge is written in it


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
    # Everyone with one zone and reminder time moves to the same instant: computed once per
    # pair, not once per user (1 000 users in 8 zones: 17 → 3–6 ms; bench/README.md, "Nudges").
    zones: dict[str, ZoneInfo | None] = {}
    next_at: dict[tuple[time, str], datetime] = {}
    for user in due:
        if user.time_zone not in zones:
            zones[user.time_zone] = zone_or_none(user.time_zone)
        zone = zones[user.time_zone]
        if zone is None:
            moves.append(NextNudge(user.user_id, None, None))
            continue
        day = local_time.local_date(user.next_nudge_at, zone)
        pair = (user.reminder_time, user.time_zone)
        if (at := next_at.get(pair)) is None:
            at = next_at[pair] = local_time.next_nudge_at(user.reminder_time, zone, now)
        moves.append(NextNudge(user.user_id, at, NudgeKind.DAILY))
        if user.paused:
            continue
        due_at, kind = user.next_nudge_at, user.kind
        if now - due_at > policy.grace:
            # A long outage: catch up with the latest occurrence if it is within the window.
            latest = latest_occurrence(user.reminder_time, zone, now)
            if latest is None or latest <= due_at or now - latest > policy.grace:
                continue
            due_at, kind = latest, NudgeKind.DAILY
            day = local_time.local_date(latest, zone)
        done_at = last_finished.get(user.user_id)
        if done_at is not None and local_time.local_date(done_at, zone) == day:
            continue
        claims.append(NudgeClaim(user.user_id, day, kind, due_at))
    return moves, claims


def latest_occurrence(reminder_time: time, zone: ZoneInfo, now: datetime) -> datetime | None:
    """The most recent nudge instant (UTC) at or before *now*, within the last two local days."""
    today = local_time.local_date(now, zone)
    for back in range(3):
        at = local_time.nudge_on_local_day(reminder_time, zone, today - timedelta(days=back))
        if at is not None and at <= now:
            return at
    return None
