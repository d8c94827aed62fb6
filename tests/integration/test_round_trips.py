"""What the two hot paths cost in calls: the nudge claim on PostgreSQL, a tap on SQLite.

Counted, not timed (the times are in bench/README.md: `bench.nudges` section 2, `bench.taps`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import engine as async_engine

from bot.store.models import RoutineSession
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
            [
                {
                    "user_id": user_id,
                    "started_at": yesterday + timedelta(hours=1),
                    "finished_at": yesterday + timedelta(hours=1, minutes=20),
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
                for user_id in users[:20]
            ],
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
