"""Queries for reminders and the nudge outbox. Like every repository here, it never commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.routine.session import Status
from bot.store.models import CheckIn, Nudge, RoutineSession, User

DAILY = "daily"
SNOOZE = "snooze"


@dataclass(frozen=True)
class ReminderSettings:
    user_id: int
    time_zone: str | None
    reminder_time: time | None
    enabled: bool
    next_nudge_at: datetime | None
    next_nudge_kind: str | None
    awaiting: str | None
    asked_at: datetime | None


@dataclass(frozen=True)
class DueUser:
    user_id: int
    time_zone: str
    reminder_time: time
    next_nudge_at: datetime
    kind: str


@dataclass(frozen=True)
class ClaimedNudge:
    id: int
    user_id: int
    local_date: date
    kind: str
    due_at: datetime


_SETTINGS = select(
    User.id,
    User.time_zone,
    User.reminder_time,
    User.reminders_enabled,
    User.next_nudge_at,
    User.next_nudge_kind,
    User.awaiting,
    User.reminders_asked_at,
).where(User.id == bindparam("b_user_id"))
_UPDATE_USER = update(User).where(User.id == bindparam("b_user_id"))
_DUE = (
    select(User.id, User.time_zone, User.reminder_time, User.next_nudge_at, User.next_nudge_kind)
    .where(User.next_nudge_at <= bindparam("b_now"))
    .order_by(User.next_nudge_at)
    .limit(bindparam("b_limit"))
)
_EXPIRED_LEASES = (
    select(Nudge.id, Nudge.user_id, Nudge.local_date, Nudge.kind, Nudge.due_at)
    .where(Nudge.status == "claimed", Nudge.lease_until <= bindparam("b_now"))
    .order_by(Nudge.lease_until)
    .limit(bindparam("b_limit"))
)
_ADVANCE = (
    update(User)
    .where(User.id == bindparam("b_user_id"))
    .values(next_nudge_at=bindparam("b_next"), next_nudge_kind=bindparam("b_kind"))
)
_RENEW_LEASE = (
    update(Nudge)
    .where(Nudge.id == bindparam("b_id"))
    .values(
        lease_until=bindparam("b_lease"),
        attempts=Nudge.attempts + 1,
    )
)
_SET_NUDGE_STATUS = (
    update(Nudge)
    .where(Nudge.id == bindparam("b_id"), Nudge.status == "claimed")
    .values(
        status=bindparam("b_status"),
        sent_at=bindparam("b_sent_at"),
        message_id=bindparam("b_message_id"),
        lease_until=None,
    )
)
_UNCHECKED_SESSIONS = (
    select(RoutineSession.user_id, RoutineSession.id, RoutineSession.started_at)
    .outerjoin(CheckIn, CheckIn.session_id == RoutineSession.id)
    .where(
        RoutineSession.user_id.in_(bindparam("b_user_ids", expanding=True)),
        RoutineSession.status.in_((Status.COMPLETED.value, Status.STOPPED_FOR_PAIN.value)),
        RoutineSession.rest_day.is_(False),
        RoutineSession.started_at >= bindparam("b_since"),
        CheckIn.id.is_(None),
    )
    .order_by(RoutineSession.id)
)
_ANSWER = (
    update(Nudge)
    .where(
        Nudge.user_id == bindparam("b_user_id"),
        Nudge.local_date == bindparam("b_day"),
        Nudge.kind == DAILY,
    )
    .values(answer=bindparam("b_answer"))
)
_LAST_FINISHED = (
    select(RoutineSession.user_id, func.max(RoutineSession.finished_at))
    .where(
        RoutineSession.user_id.in_(bindparam("b_user_ids", expanding=True)),
        RoutineSession.status.in_((Status.COMPLETED.value, Status.STOPPED_FOR_PAIN.value)),
    )
    .group_by(RoutineSession.user_id)
)


class ReminderRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name

    async def settings(self, user_id: int) -> ReminderSettings | None:
        row = (await self.connection.execute(_SETTINGS, {"b_user_id": user_id})).first()
        if row is None:
            return None
        return ReminderSettings(
            user_id=row.id,
            time_zone=row.time_zone,
            reminder_time=row.reminder_time,
            enabled=row.reminders_enabled,
            next_nudge_at=row.next_nudge_at,
            next_nudge_kind=row.next_nudge_kind,
            awaiting=row.awaiting,
            asked_at=row.reminders_asked_at,
        )

    async def update(self, user_id: int, **values: Any) -> None:
        """Set reminder columns of one user (names as in `users`)."""
        await self.connection.execute(_UPDATE_USER, {"b_user_id": user_id, **values})

    async def last_finished(self, user_ids: Sequence[int]) -> dict[int, datetime]:
        """When each user last finished a session (completed or stopped for pain)."""
        if not user_ids:
            return {}
        rows = await self.connection.execute(_LAST_FINISHED, {"b_user_ids": list(user_ids)})
        return {user_id: finished for user_id, finished in rows if finished is not None}

    async def unchecked_sessions(
        self, user_ids: Sequence[int], since: datetime
    ) -> dict[int, tuple[int, datetime]]:
        """Each user's latest finished session since *since* with no check-in: (id, started)."""
        if not user_ids:
            return {}
        rows = await self.connection.execute(
            _UNCHECKED_SESSIONS, {"b_user_ids": list(user_ids), "b_since": since}
        )
        return {user_id: (session_id, started) for user_id, session_id, started in rows}

    async def record_answer(self, user_id: int, day: date, answer: str) -> None:
        """What the user did with the day's nudge (e.g. "skipped": a rest day)."""
        await self.connection.execute(
            _ANSWER, {"b_user_id": user_id, "b_day": day, "b_answer": answer}
        )

    # --- the sweep ----------------------------------------------------------------------------

    async def due_users(self, now: datetime, limit: int) -> list[DueUser]:
        """Users whose next nudge is due, oldest first; on PostgreSQL locked rows are skipped."""
        statement = _DUE
        if self.dialect == "postgresql":
            statement = statement.with_for_update(skip_locked=True, of=User)
        rows = await self.connection.execute(statement, {"b_now": now, "b_limit": limit})
        return [
            DueUser(
                row.id, row.time_zone, row.reminder_time, row.next_nudge_at, row.next_nudge_kind
            )
            for row in rows
            if row.time_zone is not None and row.reminder_time is not None
        ]

    async def expired_leases(self, now: datetime, limit: int) -> list[ClaimedNudge]:
        """Claimed nudges whose sender vanished (crash, kill -9) before marking them sent."""
        statement = _EXPIRED_LEASES
        if self.dialect == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = await self.connection.execute(statement, {"b_now": now, "b_limit": limit})
        return [ClaimedNudge(*row) for row in rows]

    async def advance(self, moves: Sequence[tuple[int, datetime | None, str | None]]) -> None:
        """Move each (user, next instant, kind) on; None stops the user's nudges."""
        if moves:
            await self.connection.execute(
                _ADVANCE,
                [{"b_user_id": user, "b_next": at, "b_kind": kind} for user, at, kind in moves],
            )

    async def claim(
        self, rows: Sequence[tuple[int, date, str, datetime]], now: datetime, lease: datetime
    ) -> list[ClaimedNudge]:
        """Record (user, local day, kind, due) nudges as claimed, skipping days claimed before."""
        if not rows:
            return []
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        statement = (
            dialect_insert(Nudge)
            .on_conflict_do_nothing(index_elements=["user_id", "local_date", "kind"])
            .returning(Nudge.id, Nudge.user_id, Nudge.local_date, Nudge.kind, Nudge.due_at)
        )
        result = await self.connection.execute(
            statement,
            [
                {
                    "user_id": user_id,
                    "local_date": day,
                    "kind": kind,
                    "due_at": due,
                    "claimed_at": now,
                    "lease_until": lease,
                    "status": "claimed",
                    "attempts": 1,
                }
                for user_id, day, kind, due in rows
            ],
        )
        return [ClaimedNudge(*row) for row in result]

    async def renew_leases(self, nudge_ids: Sequence[int], lease: datetime) -> None:
        if nudge_ids:
            await self.connection.execute(
                _RENEW_LEASE, [{"b_id": nudge_id, "b_lease": lease} for nudge_id in nudge_ids]
            )

    async def finish(
        self, nudge_id: int, status: str, *, sent_at: datetime | None, message_id: int | None
    ) -> bool:
        """Mark a claimed nudge sent, dropped or failed; False if it was no longer claimed."""
        result = await self.connection.execute(
            _SET_NUDGE_STATUS,
            {
                "b_id": nudge_id,
                "b_status": status,
                "b_sent_at": sent_at,
                "b_message_id": message_id,
            },
        )
        return result.rowcount == 1

    async def stop_nudges(self, user_id: int, *, blocked_at: datetime | None) -> None:
        """The user blocked the bot (or turned reminders off): no more nudges."""
        values: dict[str, Any] = {"next_nudge_at": None, "next_nudge_kind": None}
        if blocked_at is not None:
            values["blocked_at"] = blocked_at
        await self.update(user_id, **values)
