"""Alembic on SQLite and PostgreSQL: every step goes up and down, and head matches the models.

Alembic's env runs its own event loop (asyncio.run), so every migration here runs in a thread.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Connection, insert, inspect, text
from sqlalchemy.exc import IntegrityError

from bot.routine.content import Content
from bot.store.database import SQLITE_BUSY_TIMEOUT_MS, Database
from bot.store.migrations import alembic_config, downgrade, upgrade
from bot.store.models import Base, ExerciseDose
from tests.integration.helpers import SESSIONS, SORENESS_REPORTS, STEP_RESULTS, USERS, Chat, count
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

MIGRATION_LOCK = 0x4C494D42  # alembic/env.py: one migration at a time on PostgreSQL


def revisions(url: str) -> list[Script]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config(url))
    return list(reversed(list(script.walk_revisions("base", "heads"))))


async def current_heads(url: str) -> tuple[str, ...]:
    database = Database(url)
    try:
        async with database.engine.connect() as connection:
            heads: tuple[str, ...] = await connection.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_heads()
            )
            return heads
    finally:
        await database.dispose()


async def table_names(url: str) -> set[str]:
    database = Database(url)
    try:
        async with database.engine.connect() as connection:
            names: list[str] = await connection.run_sync(
                lambda sync: inspect(sync).get_table_names()
            )
            return set(names)
    finally:
        await database.dispose()


def _schema_differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def schema_differences(url: str) -> list[Any]:
    """What autogenerate would write to bring the database to the models (nothing, ideally)."""
    database = Database(url)
    try:
        async with database.engine.connect() as connection:
            return await connection.run_sync(_schema_differences)
    finally:
        await database.dispose()


async def test_there_is_a_single_line_of_revisions(empty_database_url: str) -> None:
    script = ScriptDirectory.from_config(alembic_config(empty_database_url))
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1


async def test_stairway_every_revision_goes_up_down_and_up_again(empty_database_url: str) -> None:
    url = empty_database_url
    steps = revisions(url)
    assert steps, "no migrations found"
    for revision in steps:
        below = () if revision.down_revision is None else (str(revision.down_revision),)
        await asyncio.to_thread(upgrade, url, revision.revision)
        assert await current_heads(url) == (revision.revision,)
        await asyncio.to_thread(downgrade, url, "-1")
        assert await current_heads(url) == below
        await asyncio.to_thread(upgrade, url, revision.revision)
        assert await current_heads(url) == (revision.revision,)
    assert await schema_differences(url) == []


async def test_downgrade_and_upgrade_with_data_then_schema_matches_models(
    empty_database_url: str, content: Content, clock: FakeClock
) -> None:
    url = empty_database_url
    await asyncio.to_thread(upgrade, url, "head")
    assert await schema_differences(url) == []

    database = Database(url)
    try:
        coach = CoachDriver.build(content, database, clock)
        buttons = content.texts.buttons
        # One finished session, one stopped part-way, one left open; a red-flagged user.
        for user_id, stop_at in ((1, None), (2, 2), (3, -1)):
            chat = Chat(coach, user_id)
            await chat.start()
            await chat.tap(buttons.consent)
            await chat.tap(buttons.flags_none)  # the emergency signs
            await chat.tap(buttons.flags_none)  # the see-a-doctor signs
            if stop_at == -1:
                continue
            await chat.tap("4")
            for step in range(len(content.routine.exercises)):
                if step == stop_at:
                    await chat.tap(buttons.too_painful)
                    await chat.tap(buttons.stop_today)
                    break
                await chat.tap(buttons.done)
            await chat.tap("2")
        chat = Chat(coach, 4)
        await chat.start()
        await chat.tap(buttons.consent)
        await chat.tap(buttons.flags_some)
        async with database.transaction() as connection:
            await connection.execute(
                insert(ExerciseDose).values(
                    user_id=4,
                    exercise_key="bridge",
                    reps=12,
                    hold_seconds=3,
                    gentler_default=False,
                    updated_at=clock(),
                )
            )
        assert await count(database, USERS) == 4
        assert await count(database, SESSIONS) == 3
        assert await count(database, STEP_RESULTS) == 7 + 3
        assert await count(database, SORENESS_REPORTS) == 4
    finally:
        await database.dispose()

    await asyncio.to_thread(downgrade, url, "base")
    assert await current_heads(url) == ()
    assert await table_names(url) <= {"alembic_version"}

    await asyncio.to_thread(upgrade, url, "head")
    assert await current_heads(url) == (revisions(url)[-1].revision,)
    assert await schema_differences(url) == []

    # And the schema works: a new user can start again.
    database = Database(url)
    try:
        view = await CoachDriver.build(content, database, clock).start(1)
        assert [action.label for action in view.actions] == [content.texts.buttons.consent]
    finally:
        await database.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        async with database.engine.connect() as connection:

            async def pragma(name: str) -> Any:
                return (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar_one()

            assert await pragma("journal_mode") == "wal"
            assert await pragma("foreign_keys") == 1
            # SQLite's own wait blocks the event loop: a few ms; longer waits sleep on the loop.
            assert await pragma("busy_timeout") == SQLITE_BUSY_TIMEOUT_MS == 5
            assert await pragma("synchronous") == 1  # NORMAL
    finally:
        await database.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_sqlite_enforces_foreign_keys(database_url: str, clock: FakeClock) -> None:
    database = Database(database_url)
    try:
        with pytest.raises(IntegrityError):
            async with database.transaction() as connection:
                await connection.execute(
                    insert(SESSIONS).values(
                        user_id=404,
                        started_at=clock(),
                        status="in_progress",
                        phase="soreness_before",
                        step=0,
                        gentler=False,
                        paused=False,
                        stopped_early=False,
                        content_version="x",
                        version=1,
                    )
                )
    finally:
        await database.dispose()


@pytest.mark.postgres
async def test_a_migration_waits_while_another_process_migrates(postgres_database: str) -> None:
    """N processes started together on one PostgreSQL migrate one at a time (an advisory lock)."""
    holder = Database(postgres_database)
    try:
        async with holder.engine.connect() as connection:
            # Play the process that is migrating right now: hold the migration lock.
            await connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            migrate = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "migrate",
                env={**os.environ, "DATABASE_URL": postgres_database},
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT,
            )
            finished = asyncio.ensure_future(migrate.communicate())
            done, _ = await asyncio.wait({finished}, timeout=4)
            assert not done, "the second migration must wait for the lock"
            await connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
            output, _ = await asyncio.wait_for(finished, timeout=60)
        assert migrate.returncode == 0, output.decode()
        async with holder.transaction() as db:
            tables = await db.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        assert set(Base.metadata.tables) <= tables
    finally:
        await holder.dispose()


# --- every step keeps the rows it should ----------------------------------------------------

# Rows for each table, with the columns it had when it was created (later columns are nullable or
# have a server default). Keyed by the revision that creates the table.
_AT = datetime(2026, 1, 2, 8, 30, tzinfo=UTC)
_SEED_ROWS: dict[str, list[tuple[str, str, list[dict[str, Any]]]]] = {
    "0001": [
        (
            "users",
            "INSERT INTO users (id, created_at, language, reminders_enabled)"
            " VALUES (:id, :at, 'en', false)",
            [{"id": 1, "at": _AT}, {"id": 2, "at": _AT}],
        ),
        (
            "doses",
            "INSERT INTO doses (user_id, exercise_key, reps, hold_seconds, gentler_default,"
            " updated_at) VALUES (:user_id, 'bridge', 10, 5, false, :at)",
            [{"user_id": 1, "at": _AT}],
        ),
        (
            "sessions",
            "INSERT INTO sessions (id, user_id, started_at, status, phase, step, gentler, paused,"
            " stopped_early, content_version, version) VALUES (:id, :user_id, :at, 'completed',"
            " 'done', 7, false, false, false, 'v1', 3)",
            [{"id": 11, "user_id": 1, "at": _AT}, {"id": 12, "user_id": 2, "at": _AT}],
        ),
        (
            "soreness_reports",
            "INSERT INTO soreness_reports (id, user_id, session_id, at, score, context)"
            " VALUES (:id, :user_id, :session_id, :at, 4, 'before')",
            [{"id": 21, "user_id": 1, "session_id": 11, "at": _AT}],
        ),
        (
            "step_results",
            "INSERT INTO step_results (id, session_id, step, exercise_key, outcome, reps,"
            " hold_seconds, at) VALUES (:id, :session_id, :step, 'bridge', 'done', 10, 5, :at)",
            [
                {"id": 31, "session_id": 11, "step": 0, "at": _AT},
                {"id": 32, "session_id": 12, "step": 0, "at": _AT},
            ],
        ),
    ],
    "0002": [
        (
            "nudges",
            "INSERT INTO nudges (id, user_id, local_date, kind, due_at, claimed_at, status,"
            " attempts) VALUES (:id, 1, :day, 'daily', :at, :at, 'sent', 1)",
            [{"id": 41, "day": date(2026, 1, 2), "at": _AT}],
        ),
    ],
    "0003": [
        (
            "safety_events",
            "INSERT INTO safety_events (id, user_id, at, kind) VALUES (:id, 2, :at, 'screen')",
            [{"id": 51, "at": _AT}],
        ),
        (
            "check_ins",
            "INSERT INTO check_ins (id, user_id, session_id, answer, at)"
            " VALUES (:id, 1, 11, 'better', :at)",
            [{"id": 61, "at": _AT}],
        ),
    ],
    "0007": [
        (
            "media_files",
            "INSERT INTO media_files (media_key, file_id, uploaded_at) VALUES (:key, 'f1', :at)",
            [{"key": "animation-bridge-regular-both-0123abcd", "at": _AT}],
        ),
    ],
}


async def seed(url: str, revision: str) -> None:
    """Insert the rows of the tables that *revision* creates."""
    database = Database(url)
    try:
        async with database.transaction() as connection:
            for _table, statement, values in _SEED_ROWS.get(revision, []):
                await connection.execute(text(statement), values)
    finally:
        await database.dispose()


async def row_counts(url: str) -> dict[str, int]:
    """Rows in every table of the database (alembic_version aside)."""
    database = Database(url)
    try:
        async with database.transaction() as connection:
            names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
            return {
                name: int(
                    (
                        await connection.exec_driver_sql(f'SELECT count(*) FROM "{name}"')
                    ).scalar_one()
                )
                for name in sorted(names)
                if name != "alembic_version"
            }
    finally:
        await database.dispose()


async def test_stairway_with_rows_in_every_table_keeps_every_row_that_should_survive(
    empty_database_url: str,
) -> None:
    """Up, down and up again with data: a step keeps every row of the tables it does not drop
    (SQLite's batch mode rebuilds a table by copy, drop and rename: with foreign keys on, the
    drop cascaded into every child table)."""
    url = empty_database_url
    seeded: set[str] = set()
    for revision in revisions(url):
        await asyncio.to_thread(upgrade, url, revision.revision)
        await seed(url, revision.revision)
        seeded |= {table for table, _, _ in _SEED_ROWS.get(revision.revision, [])}
        after_upgrade = await row_counts(url)
        assert {table for table, n in after_upgrade.items() if n} == seeded, after_upgrade
        created_here = {table for table, _, _ in _SEED_ROWS.get(revision.revision, [])}

        await asyncio.to_thread(downgrade, url, "-1")
        after_downgrade = await row_counts(url)
        survivors = {t: n for t, n in after_upgrade.items() if t not in created_here}
        assert after_downgrade == survivors, f"downgrade from {revision.revision} lost rows"

        await asyncio.to_thread(upgrade, url, revision.revision)
        after_again = await row_counts(url)
        assert after_again == {**survivors, **{t: 0 for t in created_here}}, (
            f"upgrade to {revision.revision} lost rows"
        )
        await seed(url, revision.revision)
        assert await row_counts(url) == after_upgrade
    assert seeded == set(Base.metadata.tables), "seed rows for every table"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_sqlite_migration_that_leaves_a_dangling_reference_fails_and_is_rolled_back(
    empty_database_url: str, tmp_path: Path
) -> None:
    url = empty_database_url
    await asyncio.to_thread(upgrade, url, "head")
    head = revisions(url)[-1].revision
    with sqlite3.connect(tmp_path / "limber.sqlite3") as raw:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute(
            "INSERT INTO step_results (id, session_id, step, exercise_key, outcome, reps,"
            " hold_seconds, at) VALUES (1, 404, 0, 'bridge', 'done', 10, 5, '2026-01-02')"
        )
    with pytest.raises(Exception, match="1 rows in step_results point at rows that do not exist"):
        await asyncio.to_thread(downgrade, url, "-1")
    assert await current_heads(url) == (head,)
