"""Alembic environment: async engines for SQLite (aiosqlite) and PostgreSQL (asyncpg).

The URL is the `sqlalchemy.url` option when a caller set one (bot.store.migrations does), else the
DATABASE_URL setting. SQLite runs in batch mode so that ALTERs work there too.

SQLite's batch mode rebuilds a table (copy, drop the old one, rename): with foreign keys on, that
drop cascades and deletes every child row. So migrations on SQLite run with foreign keys OFF (set
before the transaction begins: inside one the pragma is ignored), and `PRAGMA foreign_key_check`
runs before the commit: any dangling reference fails the migration, and it is rolled back.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import event
from sqlalchemy.engine import Connection

from bot.config import load_settings
from bot.store.database import create_engine
from bot.store.models import Base, UtcDateTime

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or load_settings().database_url


def _render_item(kind: str, obj: object, _autogen_context: object) -> str | bool:
    """Migrations spell our UTC column type as the plain type it stores (no app imports)."""
    if kind == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection: Connection | None = None, url: str | None = None) -> None:
    context.configure(
        connection=connection,
        url=url,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        literal_binds=connection is None,
        render_item=_render_item,
        # SQLite's DDL is transactional too: a failed migration (or check) rolls back whole.
        transactional_ddl=True,
        # bot.store.migrations collects what was applied, to say so.
        on_version_apply=config.attributes.get("on_version_apply", ()),
    )


def run_migrations_offline() -> None:
    _configure(url=_url())
    with context.begin_transaction():
        context.run_migrations()


# Several processes starting at once on one PostgreSQL migrate one at a time.
MIGRATION_LOCK = 0x4C494D42  # "LIMB"
MIGRATION_BUSY_TIMEOUT_MS = 60_000


class ForeignKeyCheckError(RuntimeError):
    """A migration left rows that point at nothing (SQLite); it is rolled back."""


def _run_sync(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            if connection.exec_driver_sql("PRAGMA foreign_keys").scalar() != 0:
                raise ForeignKeyCheckError("foreign keys must be off while migrating SQLite")
            dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if dangling:
                tables = sorted({str(row[0]) for row in dangling})
                raise ForeignKeyCheckError(
                    f"migration rolled back: {len(dangling)} rows in {', '.join(tables)} "
                    "point at rows that do not exist"
                )


async def run_migrations_online() -> None:
    # Another process may hold the SQLite write lock for a while: a migration waits for it.
    engine = create_engine(_url(), sqlite_busy_timeout_ms=MIGRATION_BUSY_TIMEOUT_MS)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _foreign_keys_off(dbapi_connection: object, _record: object) -> None:
            # Runs after the engine's own connect hook (which turns them on), outside any BEGIN.
            cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.close()

    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_sync)
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
