"""Queries for the daily reminder (a user's choice of time and zone) and the nudge outbox."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, any_, bindparam, func, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY

from bot.routine.conversation import HOLDS_NUDGES, OpenQuestion
from bot.routine.nudging import (
    DueUser,
    NextNudge,
    NudgeAnswer,
    NudgeClaim,
    NudgeKind,
    NudgeStatus,
)
from bot.store.database import StoreConnection
from bot.store.models import FINISHED_SESSION, CheckIn, Nudge, RoutineSession, User
from bot.store.records import ClaimedNudge, ReminderSettings
from bot.store.session_queries import dialect_insert

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
    select(
        User.id,
        User.time_zone,
        User.reminder_time,
        User.next_nudge_at,
        User.next_nudge_kind,
        User.safety_screen,
        User.language,
    )
    .where(User.next_nudge_at <= bindparam("b_now"))
    .order_by(User.next_nudge_at)
    .limit(bindparam("b_limit"))
)
_EXPIRED_LEASES = (
    select(Nudge.id, Nudge.user_id, Nudge.local_date, Nudge.kind, Nudge.due_at)
    .where(Nudge.status == NudgeStatus.CLAIMED.value, Nudge.lease_until <= bindparam("b_now"))
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
    .values(lease_until=bindparam("b_lease"), attempts=Nudge.attempts + 1)
)
_SET_NUDGE_STATUS = (
    update(Nudge)
    .where(Nudge.id == bindparam("b_id"), Nudge.status == NudgeStatus.CLAIMED.value)
    .values(
        status=bindparam("b_status"),
        sent_at=bindparam("b_sent_at"),
        message_id=bindparam("b_message_id"),
        lease_until=None,
    )
)


def _user_in_batch(postgresql: bool) -> ColumnElement[bool]:
    """`user_id` among b_user_ids: on PostgreSQL one array parameter (`= ANY`), so that a batch
    of 1 000 is one bind and one prepared statement, not 1 000 binds rendered each time."""
    if postgresql:
        return RoutineSession.user_id == any_(bindparam("b_user_ids", type_=ARRAY(BigInteger)))
    return RoutineSession.user_id.in_(bindparam("b_user_ids", expanding=True))


# Literals, not parameters: the planner uses the partial indexes on finished sessions only if it
# can prove their condition (bot/store/models.py, FINISHED_SESSION).
_FINISHED_SESSION = text(f"sessions.{FINISHED_SESSION}")


def _unchecked_sessions(postgresql: bool) -> Any:
    return (
        select(
            RoutineSession.user_id,
            RoutineSession.id,
            RoutineSession.started_at,
            RoutineSession.rest_day,
        )
        .outerjoin(CheckIn, CheckIn.session_id == RoutineSession.id)
        .where(
            _user_in_batch(postgresql),
            # A rest day (soreness 7+ before, no routine) counts too: the next nudge asks about it.
            _FINISHED_SESSION,
            RoutineSession.started_at >= bindparam("b_since"),
            CheckIn.id.is_(None),
        )
        .order_by(RoutineSession.id)
    )


def _last_finished(postgresql: bool) -> Any:
    return (
        select(RoutineSession.user_id, func.max(RoutineSession.finished_at))
        .where(
            _user_in_batch(postgresql),
            _FINISHED_SESSION,
        )
        .group_by(RoutineSession.user_id)
    )


_UNCHECKED_SESSIONS = {pg: _unchecked_sessions(pg) for pg in (False, True)}
_LAST_FINISHED = {pg: _last_finished(pg) for pg in (False, True)}
_ANSWER = (
    update(Nudge)
    .where(
        Nudge.user_id == bindparam("b_user_id"),
        Nudge.local_date == bindparam("b_day"),
        Nudge.kind == NudgeKind.DAILY.value,
    )
    .values(answer=bindparam("b_answer"))
)


# PostgreSQL: a whole batch in one statement, its rows as arrays (one round trip, one parameter set,
# instead of one per row: the claim of 1 000 went from 66 + 123 ms to a few ms each).
_ADVANCE_ARRAYS = text(
    "UPDATE users SET next_nudge_at = moves.at, next_nudge_kind = moves.kind "
    "FROM unnest(CAST(:ids AS BIGINT[]), CAST(:ats AS TIMESTAMPTZ[]), CAST(:kinds AS TEXT[])) "
    "AS moves(id, at, kind) WHERE users.id = moves.id"
)
_CLAIM_ARRAYS = text(
    "INSERT INTO nudges (user_id, local_date, kind, due_at, claimed_at, lease_until, status, "
    "attempts) SELECT claims.user_id, claims.local_date, claims.kind, claims.due_at, :now, "
    ":lease, :status, 1 FROM unnest(CAST(:user_ids AS BIGINT[]), CAST(:days AS DATE[]), "
    "CAST(:kinds AS TEXT[]), CAST(:due AS TIMESTAMPTZ[])) AS claims(user_id, local_date, kind, "
    "due_at) ON CONFLICT (user_id, local_date, kind) DO NOTHING "
    "RETURNING id, user_id, local_date, kind, due_at"
)


# PostgreSQL: the claim is two statements, one round trip each (bench/nudges.py, section 2).
# The first locks the due users (SKIP LOCKED: another process's batch is left alone) and reads when
# each last finished a session. NO KEY UPDATE is the lock the claim's UPDATE takes anyway (it
# changes no key): a tap's insert of a session or a soreness report for one of these users, which
# checks its key with KEY SHARE, goes on instead of waiting for the claim to commit. The rules then
# run in Python (`plan_claims`: zones and DST); the second statement moves the users on, inserts
# the claimed nudges and reads, for each daily one, the session of the day before still awaiting
# its check-in.
_LOCK_DUE = text(
    "WITH due AS (SELECT id, time_zone, reminder_time, next_nudge_at, next_nudge_kind, "
    "safety_screen, language FROM users WHERE next_nudge_at <= :now ORDER BY next_nudge_at "
    "LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED) "
    "SELECT due.id, due.time_zone, due.reminder_time, due.next_nudge_at, due.next_nudge_kind, "
    "due.safety_screen, (SELECT max(sessions.finished_at) FROM sessions "
    f"WHERE sessions.user_id = due.id AND sessions.{FINISHED_SESSION}) "
    "AS last_finished, due.language FROM due ORDER BY due.next_nudge_at"
)
_ADVANCE_AND_CLAIM = text(
    "WITH moved AS (UPDATE users SET next_nudge_at = moves.at, next_nudge_kind = moves.kind "
    "FROM unnest(CAST(:move_ids AS BIGINT[]), CAST(:move_ats AS TIMESTAMPTZ[]), "
    "CAST(:move_kinds AS TEXT[])) AS moves(id, at, kind) WHERE users.id = moves.id), "
    "claimed AS (INSERT INTO nudges (user_id, local_date, kind, due_at, claimed_at, lease_until, "
    "status, attempts) SELECT claims.user_id, claims.local_date, claims.kind, claims.due_at, "
    ":now, :lease, :status, 1 FROM unnest(CAST(:user_ids AS BIGINT[]), CAST(:days AS DATE[]), "
    "CAST(:kinds AS TEXT[]), CAST(:due AS TIMESTAMPTZ[])) AS claims(user_id, local_date, kind, "
    "due_at) ON CONFLICT (user_id, local_date, kind) DO NOTHING "
    "RETURNING id, user_id, kind) "
    "SELECT claimed.id, claimed.user_id, "
    "unchecked.id AS session_id, unchecked.started_at, unchecked.rest_day FROM claimed "
    "LEFT JOIN LATERAL (SELECT sessions.id, sessions.started_at, sessions.rest_day FROM sessions "
    "WHERE claimed.kind = :daily AND sessions.user_id = claimed.user_id "
    f"AND sessions.{FINISHED_SESSION} AND sessions.started_at >= :since "
    "AND NOT EXISTS (SELECT 1 FROM check_ins WHERE check_ins.session_id = sessions.id) "
    "ORDER BY sessions.id DESC LIMIT 1) AS unchecked ON true "
    "ORDER BY claimed.id"
)


class ReminderQueries:
    """A user's reminder: the time and zone they chose, and the question in words still open."""

    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection

    async def settings(self, user_id: int) -> ReminderSettings | None:
        row = (await self._connection.execute(_SETTINGS, {"b_user_id": user_id})).first()
        if row is None:
            return None
        return ReminderSettings(
            user_id=row.id,
            time_zone=row.time_zone,
            reminder_time=row.reminder_time,
            enabled=row.reminders_enabled,
            next_nudge_at=row.next_nudge_at,
            next_nudge_kind=NudgeKind(row.next_nudge_kind) if row.next_nudge_kind else None,
            awaiting=OpenQuestion(row.awaiting) if row.awaiting else None,
            asked_at=row.reminders_asked_at,
        )

    async def mark_asked(self, user_id: int, now: datetime) -> None:
        """The user has seen the reminder question (no question in words is open)."""
        await self._set(user_id, reminders_asked_at=now, awaiting=None)

    async def ask_in_words(self, user_id: int, question: OpenQuestion, now: datetime) -> None:
        await self._set(user_id, awaiting=question.value, reminders_asked_at=now)

    async def close_question(self, user_id: int) -> None:
        await self._set(user_id, awaiting=None)

    async def keep_time_ask_zone(self, user_id: int, chosen: time, now: datetime) -> None:
        """A time is chosen, the zone is still to come."""
        await self._set(
            user_id,
            reminder_time=chosen,
            awaiting=OpenQuestion.TIME_ZONE.value,
            reminders_asked_at=now,
        )

    async def turn_on(
        self, user_id: int, chosen: time, zone: str, next_at: datetime, now: datetime
    ) -> None:
        await self._set(
            user_id,
            reminder_time=chosen,
            time_zone=zone,
            reminders_enabled=True,
            next_nudge_at=next_at,
            next_nudge_kind=NudgeKind.DAILY.value,
            awaiting=None,
            blocked_at=None,
            reminders_asked_at=now,
        )

    async def turn_off(self, user_id: int, now: datetime) -> None:
        await self._set(
            user_id,
            reminders_enabled=False,
            next_nudge_at=None,
            next_nudge_kind=None,
            awaiting=None,
            reminders_asked_at=now,
        )

    async def schedule(self, user_id: int, at: datetime, kind: NudgeKind) -> None:
        """The user's next nudge is at *at* (a snooze, or the day after a skipped one)."""
        await self._set(user_id, next_nudge_at=at, next_nudge_kind=kind.value)

    async def chat_blocked(self, user_id: int, now: datetime) -> None:
        """The user blocked the bot: no more nudges until they come back."""
        await self._set(user_id, next_nudge_at=None, next_nudge_kind=None, blocked_at=now)

    async def chat_unblocked(self, user_id: int, next_at: datetime | None) -> None:
        await self._set(
            user_id,
            blocked_at=None,
            next_nudge_at=next_at,
            next_nudge_kind=NudgeKind.DAILY.value if next_at else None,
        )

    async def _set(self, user_id: int, **values: Any) -> None:
        await self._connection.execute(_UPDATE_USER, {"b_user_id": user_id, **values})


class OutboxQueries:
    """The nudge outbox: who is due, claims under a lease, and how each send ended."""

    def __init__(self, connection: StoreConnection) -> None:
        self._connection = connection
        self._dialect = connection.dialect.name
        self._postgresql = self._dialect == "postgresql"

    async def due_users(self, now: datetime, limit: int) -> list[DueUser]:
        """Users whose next nudge is due, oldest first; on PostgreSQL locked rows are skipped.

        Answered from the covering index `ix_users_due_nudges` alone (bench/nudges.py, section 1).
        """
        statement = _DUE
        if self._dialect == "postgresql":
            statement = statement.with_for_update(skip_locked=True, of=User, key_share=True)
        rows = await self._connection.execute(statement, {"b_now": now, "b_limit": limit})
        return [
            DueUser(
                row.id,
                row.time_zone,
                row.reminder_time,
                row.next_nudge_at,
                NudgeKind(row.next_nudge_kind or NudgeKind.DAILY),
                paused=row.safety_screen in HOLDS_NUDGES,
                language=row.language,
            )
            for row in rows
            if row.time_zone is not None and row.reminder_time is not None
        ]

    async def lock_due(
        self, now: datetime, limit: int
    ) -> tuple[list[DueUser], dict[int, datetime]]:
        """The due users (as `due_users`, their rows locked on PostgreSQL) and when each last
        finished a session: one statement on PostgreSQL."""
        if not self._postgresql:
            due = await self.due_users(now, limit)
            return due, await self.last_finished([user.user_id for user in due])
        rows = await self._connection.execute(_LOCK_DUE, {"now": now, "limit": limit})
        due, finished = [], {}
        # Plain tuples and one kind lookup per value (1 000 rows: a few ms less than named
        # attributes and an enum call per row).
        kinds = {kind.value: kind for kind in NudgeKind} | {None: NudgeKind.DAILY}
        for user_id, zone, reminder_time, next_at, kind, screen, last_finished, language in rows:
            if zone is None or reminder_time is None:
                continue
            due.append(
                DueUser(
                    user_id,
                    zone,
                    reminder_time,
                    next_at,
                    kinds[kind],
                    paused=screen in HOLDS_NUDGES,
                    language=language,
                )
            )
            if last_finished is not None:
                finished[user_id] = last_finished
        return due, finished

    async def advance_and_claim(
        self,
        moves: Sequence[NextNudge],
        claims: Sequence[NudgeClaim],
        now: datetime,
        lease: datetime,
        unchecked_since: datetime,
    ) -> tuple[list[ClaimedNudge], dict[int, tuple[int, datetime, bool]]]:
        """`advance` the users, `claim` their nudges, and for each claimed daily nudge the user's
        `unchecked_sessions` since *unchecked_since*: one statement on PostgreSQL."""
        if not self._postgresql:
            await self.advance(moves)
            claimed = await self.claim(claims, now, lease)
            daily = [nudge.user_id for nudge in claimed if nudge.kind is NudgeKind.DAILY]
            return claimed, await self.unchecked_sessions(daily, unchecked_since)
        if not moves and not claims:
            return [], {}
        rows = await self._connection.execute(
            _ADVANCE_AND_CLAIM,
            {
                "move_ids": [move.user_id for move in moves],
                "move_ats": [move.at for move in moves],
                "move_kinds": [move.kind.value if move.kind else None for move in moves],
                "user_ids": [claim.user_id for claim in claims],
                "days": [claim.local_date for claim in claims],
                "kinds": [claim.kind.value for claim in claims],
                "due": [claim.due_at for claim in claims],
                "now": now,
                "lease": lease,
                "status": NudgeStatus.CLAIMED.value,
                "since": unchecked_since,
                "daily": NudgeKind.DAILY.value,
            },
        )
        # The rows name only the new nudge and its user: the rest is the claim sent (a batch has
        # one claim per user), not 3 000 more values to decode.
        by_user = {claim.user_id: claim for claim in claims}
        if len(by_user) != len(claims):
            raise ValueError("a batch claims at most one nudge per user")
        claimed, unchecked = [], {}
        for nudge_id, user_id, session_id, started, rest_day in rows:
            claim = by_user[user_id]
            claimed.append(
                ClaimedNudge(nudge_id, user_id, claim.local_date, claim.kind, claim.due_at)
            )
            if session_id is not None:
                unchecked[user_id] = (session_id, started, bool(rest_day))
        return claimed, unchecked

    async def last_finished(self, user_ids: Sequence[int]) -> dict[int, datetime]:
        """When each user last finished a session (completed or stopped for pain)."""
        if not user_ids:
            return {}
        rows = await self._connection.execute(
            _LAST_FINISHED[self._postgresql], {"b_user_ids": list(user_ids)}
        )
        return {user_id: finished for user_id, finished in rows if finished is not None}

    async def unchecked_sessions(
        self, user_ids: Sequence[int], since: datetime
    ) -> dict[int, tuple[int, datetime, bool]]:
        """Each user's latest finished session (a rest day too) since *since* with no check-in:
        (id, started, rest_day)."""
        if not user_ids:
            return {}
        rows = await self._connection.execute(
            _UNCHECKED_SESSIONS[self._postgresql], {"b_user_ids": list(user_ids), "b_since": since}
        )
        return {
            user_id: (session_id, started, bool(rest_day))
            for user_id, session_id, started, rest_day in rows
        }

    async def record_answer(self, user_id: int, day: date, answer: NudgeAnswer) -> None:
        """What the user did with the day's nudge (e.g. "skipped": a rest day)."""
        await self._connection.execute(
            _ANSWER, {"b_user_id": user_id, "b_day": day, "b_answer": answer.value}
        )

    async def expired_leases(self, now: datetime, limit: int) -> list[ClaimedNudge]:
        """Claimed nudges whose sender vanished (crash, kill -9) before marking them sent."""
        statement = _EXPIRED_LEASES
        if self._dialect == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = await self._connection.execute(statement, {"b_now": now, "b_limit": limit})
        return [_claimed(row) for row in rows]

    async def advance(self, moves: Sequence[NextNudge]) -> None:
        """Move each user's next nudge on; None stops the user's nudges."""
        if moves and self._dialect == "postgresql":
            await self._connection.execute(
                _ADVANCE_ARRAYS,
                {
                    "ids": [move.user_id for move in moves],
                    "ats": [move.at for move in moves],
                    "kinds": [move.kind.value if move.kind else None for move in moves],
                },
            )
        elif moves:
            await self._connection.execute(
                _ADVANCE,
                [
                    {
                        "b_user_id": move.user_id,
                        "b_next": move.at,
                        "b_kind": move.kind.value if move.kind else None,
                    }
                    for move in moves
                ],
            )

    async def claim(
        self, claims: Sequence[NudgeClaim], now: datetime, lease: datetime
    ) -> list[ClaimedNudge]:
        """Record the nudges as claimed, skipping (user, day, kind) claimed before."""
        if not claims:
            return []
        if self._dialect == "postgresql":
            rows = await self._connection.execute(
                _CLAIM_ARRAYS,
                {
                    "user_ids": [claim.user_id for claim in claims],
                    "days": [claim.local_date for claim in claims],
                    "kinds": [claim.kind.value for claim in claims],
                    "due": [claim.due_at for claim in claims],
                    "now": now,
                    "lease": lease,
                    "status": NudgeStatus.CLAIMED.value,
                },
            )
            return [_claimed(row) for row in rows]
        statement = (
            dialect_insert(self._connection)(Nudge)
            .on_conflict_do_nothing(index_elements=["user_id", "local_date", "kind"])
            .returning(Nudge.id, Nudge.user_id, Nudge.local_date, Nudge.kind, Nudge.due_at)
        )
        result = await self._connection.execute(
            statement,
            [
                {
                    "user_id": claim.user_id,
                    "local_date": claim.local_date,
                    "kind": claim.kind.value,
                    "due_at": claim.due_at,
                    "claimed_at": now,
                    "lease_until": lease,
                    "status": NudgeStatus.CLAIMED.value,
                    "attempts": 1,
                }
                for claim in claims
            ],
        )
        return [_claimed(row) for row in result]

    async def renew_leases(self, nudge_ids: Sequence[int], lease: datetime) -> None:
        if nudge_ids:
            await self._connection.execute(
                _RENEW_LEASE, [{"b_id": nudge_id, "b_lease": lease} for nudge_id in nudge_ids]
            )

    async def finish(
        self,
        nudge_id: int,
        status: NudgeStatus,
        *,
        sent_at: datetime | None,
        message_id: int | None,
    ) -> bool:
        """Mark a claimed nudge sent, dropped or failed; False if it was no longer claimed."""
        result = await self._connection.execute(
            _SET_NUDGE_STATUS,
            {
                "b_id": nudge_id,
                "b_status": status.value,
                "b_sent_at": sent_at,
                "b_message_id": message_id,
            },
        )
        return result.rowcount == 1


def _claimed(row: Any) -> ClaimedNudge:
    return ClaimedNudge(row.id, row.user_id, row.local_date, NudgeKind(row.kind), row.due_at)
