"""Alembic on SQLite and PostgreSQL: every step goes up and down, and head matches the models.

Alembic's env runs its own event loop (asyncio.run), so every migration here runs in a thread.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Connection, insert, inspect
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
            await chat.tap(buttons.flags_none)
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
            assert await pragma("busy_timeout") == SQLITE_BUSY_TIMEOUT_MS == 5000
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
