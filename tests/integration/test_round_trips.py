"""What the two hot paths cost in calls: the nudge claim on PostgreSQL, a tap on SQLite.

Counted, not timed (the times are in bench/README.md: `bench.nudges` section 2, `bench.taps`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert, inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.ext.asyncio import engine as async_engine

from bot.routine.nudging import NudgePolicy, plan_claims
from bot.store.models import CheckIn, RoutineSession, SorenessReport
from bot.store.reminder_queries import OutboxQueries
from tests.integration.helpers import Chat
from tests.integration.test_nudges import NINE_IN_BERLIN, seed_due_users
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver


@contextmanager
def statements_sent(coach: CoachDriver) -> Iterator[list[str]]:
    """The SQL of every statement the units of work send inside the block (BEGIN aside)."""
    seen: list[str] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    engine = coach.database.units_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def finished_session(user_id: int, started: datetime) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "started_at": started,
        "finished_at": started + timedelta(minutes=20),
        "status": "completed",
        "phase": "finished",
        "step": 6,
        "soreness_before": 3,
        "soreness_after": 2,
        "rest_day": False,
        "gentler": False,
        "paused": False,
        "stopped_early": False,
        "content_version": "test",
        "version": 9,
    }


async def session_rows_read(connection: AsyncConnection, statement: str, parameters: Any) -> int:
    """How many `sessions` rows (index entries) *statement* reads: EXPLAIN ANALYZE's rows, and
    the rows its filters threw away, over every loop of every scan of the table."""
    result = await connection.exec_driver_sql(
        f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", tuple(parameters)
    )
    raw = result.scalar_one()
    plan = raw if isinstance(raw, list) else json.loads(raw)

    def read(node: dict[str, Any]) -> float:
        here = 0.0
        if node.get("Relation Name") == "sessions":
            per_loop = node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
            here = per_loop * node["Actual Loops"]
        return here + sum(read(child) for child in node.get("Plans", []))

    return round(read(plan[0]["Plan"]))


async def test_a_claim_reads_a_few_sessions_per_user_however_long_their_history(
    coach: CoachDriver, clock: FakeClock, backend: str
) -> None:
    """Two months of daily routines each: the claim still reads one or two sessions per user
    (migration 0012's partial indexes; with only (user_id, status), 120 per user)."""
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 20, NINE_IN_BERLIN)
    days = 60
    async with coach.database.transaction() as db:
        sessions = [
            finished_session(user_id, NINE_IN_BERLIN - timedelta(days=day, hours=-1))
            for user_id in users
            for day in range(1, days + 1)
        ]
        adding = insert(RoutineSession).returning(RoutineSession.id, sort_by_parameter_order=True)
        ids = (await db.execute(adding, sessions)).all()
        # Every session checked in the morning after, but yesterday's: its question is due.
        checked = [
            {
                "user_id": row["user_id"],
                "session_id": session_id,
                "answer": "better",
                "at": row["finished_at"] + timedelta(days=1),
            }
            for (session_id,), row in zip(ids, sessions, strict=True)
            if row["started_at"] < NINE_IN_BERLIN - timedelta(days=1, hours=2)
        ]
        await db.execute(insert(CheckIn), checked)
    if backend == "postgresql":
        async with coach.database.transaction() as db:
            await db.execute(text("ANALYZE sessions"))
            await db.execute(text("ANALYZE check_ins"))
        now, policy = NINE_IN_BERLIN, NudgePolicy()
        async with coach.database.transaction() as connection:
            outbox = OutboxQueries(connection)
            with statements_seen(connection) as seen:
                due, finished = await outbox.lock_due(now, policy.batch)
            read_by_lock = await session_rows_read(connection, *seen[-1])
            moves, claims = plan_claims(due, finished, now, policy)
            savepoint = await connection.begin_nested()
            with statements_seen(connection) as seen:
                await outbox.advance_and_claim(
                    moves, claims, now, now + policy.lease, now - timedelta(hours=48)
                )
            await savepoint.rollback()  # the statement is measured below, on the same rows
            read_by_write = await session_rows_read(connection, *seen[-1])
            await connection.rollback()
        assert len(due) == len(users)
        assert read_by_lock <= len(users), read_by_lock
        assert read_by_write <= 2 * len(users), read_by_write
    claimed = await coach.outbox.claim_due()
    question = coach.content.texts.check_in.question
    assert sorted(nudge.user_id for nudge in claimed if question in nudge.view.text) == users


@contextmanager
def statements_seen(connection: AsyncConnection) -> Iterator[list[tuple[str, Any]]]:
    """(SQL, parameters) of each statement sent on *connection*'s engine inside the block."""
    seen: list[tuple[str, Any]] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    engine = connection.engine.sync_engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


async def test_a_claim_on_postgresql_is_two_statements_and_the_expired_lease_check(
    coach: CoachDriver, clock: FakeClock, backend: str
) -> None:
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 40, NINE_IN_BERLIN)
    # Half of them finished a routine yesterday: their nudge is the check-in question.
    yesterday = NINE_IN_BERLIN - timedelta(days=1)
    async with coach.database.transaction() as db:
        await db.execute(
            insert(RoutineSession),
            [finished_session(user_id, yesterday + timedelta(hours=1)) for user_id in users[:20]],
        )
    with statements_sent(coach) as seen:
        claimed = await coach.outbox.claim_due()
    assert sorted(nudge.user_id for nudge in claimed) == users
    question = coach.content.texts.check_in.question
    check_ins = [nudge for nudge in claimed if question in nudge.view.text]
    assert sorted(nudge.user_id for nudge in check_ins) == users[:20]
    if backend == "postgresql":
        # Before: due users, last finished, advance, insert, unchecked sessions, expired leases.
        assert len(seen) == 3, seen


async def test_the_claim_checks_no_foreign_key_per_nudge(coach: CoachDriver) -> None:
    """The outbox has no key to users (migration 0013): checking it for each inserted nudge cost
    ~10 ms of the claim of 1 000 (its user rows are locked by the claim itself, and /delete
    removes nudges explicitly: tests/integration/test_privacy.py)."""
    async with coach.database.transaction() as db:
        keys = await db.run_sync(lambda sync: inspect(sync).get_foreign_keys("nudges"))
    assert keys == []


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_a_tap_that_inserts_for_a_user_being_claimed_does_not_wait_for_the_claim(
    coach: CoachDriver, clock: FakeClock
) -> None:
    """The claim locks its users FOR NO KEY UPDATE: a soreness report's key check (KEY SHARE)
    on one of them goes on at once (FOR UPDATE made it wait for the claim's commit)."""
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 3, NINE_IN_BERLIN)
    async with coach.database.transaction() as claiming:
        due, _ = await OutboxQueries(claiming).lock_due(NINE_IN_BERLIN, 10)
        assert [user.user_id for user in due] == users
        async with coach.database.transaction() as tap:
            await tap.execute(text("SET LOCAL lock_timeout = '2s'"))
            await tap.execute(
                insert(SorenessReport).values(
                    user_id=users[0], at=NINE_IN_BERLIN, score=3, context="before"
                )
            )


async def test_a_tap_on_sqlite_never_goes_through_the_async_layer(
    coach: CoachDriver, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's units of work call the driver inline: no greenlet hop per statement (a tap
    made eight of them before; PostgreSQL needs them: its driver is truly asynchronous)."""
    chat = Chat(coach, 5)
    await chat.start()
    await chat.tap("👍 I understand")
    await chat.tap("✅ None of these")
    await chat.tap("✅ None of these")
    await chat.tap("4")
    hops = 0
    spawn = async_engine.greenlet_spawn

    async def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal hops
        hops += 1
        return await spawn(*args, **kwargs)

    monkeypatch.setattr(async_engine, "greenlet_spawn", counted)
    with statements_sent(coach) as seen:
        await chat.tap(coach.content.texts.buttons.done)
    # One read (the session, doses and the warning sign), the session saved, the step's result.
    assert len(seen) == 3
    assert (hops == 0) == (backend == "sqlite"), hops
