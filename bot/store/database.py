"""The engine, the unit of work, and the SQLite settings that keep one process fast and safe.

SQLite: WAL, synchronous=NORMAL, foreign keys on, and every transaction begins with
`BEGIN IMMEDIATE`; one connection, called on the event loop itself (`bot.store.inline_sqlite`).
Within this process writers take turns (a fair asyncio lock). Another process holding the write
lock (`limber console`, `limber migrate`, a backup) must never freeze the loop: SQLite's own busy
wait is kept to a few milliseconds, and `transaction()` retries a busy BEGIN by sleeping on the
loop (backing off to 50 ms) until SQLITE_LOCK_WAIT_SECONDS have passed, then raises.
PostgreSQL: a pool with pre-ping.
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypeVarTuple, overload

from sqlalchemy import Connection, CursorResult, Dialect, Engine, Executable, event, text
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.selectable import TypedReturnsRows

from bot.store import inline_sqlite

_Columns = TypeVarTuple("_Columns")

# SQLite's own busy wait blocks the thread it runs on (here: the event loop), so it stays short;
# the waiting is done by `Database.transaction()`, asleep on the loop, up to the deadline below.
SQLITE_BUSY_TIMEOUT_MS = 5
SQLITE_LOCK_WAIT_SECONDS = 30.0
_RETRY_FIRST_SECONDS = 0.002
_RETRY_MAX_SECONDS = 0.05


def create_engine(
    url: str, *, echo: bool = False, sqlite_busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
) -> AsyncEngine:
    """An engine whose errors never print statement parameters (they can hold health data).

    *sqlite_busy_timeout_ms*: how long SQLite itself waits for another process's lock, blocking
    its thread. Short on the event loop; long where blocking is fine (migrations run in a thread).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=echo, busy_timeout_ms=sqlite_busy_timeout_ms)
    return create_async_engine(
        url,
        echo=echo,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
    )


def is_sqlite_busy(error: BaseException) -> bool:
    """Whether *error* is SQLite's "database is locked" (another connection holds the lock)."""
    original = error.orig if isinstance(error, OperationalError) else error
    return isinstance(original, sqlite3.OperationalError) and (
        getattr(original, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    )


def _sqlite_engine(url: str, *, echo: bool, busy_timeout_ms: int) -> AsyncEngine:
    _require_file(url)
    # One connection: writes are serialized in-process (a fair asyncio queue, no busy-waiting).
    engine = create_async_engine(
        url,
        echo=echo,
        hide_parameters=True,
        pool_size=1,
        max_overflow=0,
        # The transaction's own COMMIT or ROLLBACK ends it: no extra reset when returned.
        pool_reset_on_return=None,
        module=AsyncAdapt_aiosqlite_dbapi(inline_sqlite, sqlite3),
        connect_args={"timeout": busy_timeout_ms / 1000},
    )

    _set_up_sqlite(engine.sync_engine, busy_timeout_ms)

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _require_file(url: str) -> None:
    if make_url(url).database in (None, "", ":memory:"):
        raise ValueError("an in-memory SQLite database is not supported: give a file path")


def _set_up_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's BEGIN be the only transaction control (no implicit BEGIN).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def _sqlite_units_engine(url: str, *, echo: bool) -> Engine:
    """The plain (synchronous) engine the units of work run on, on SQLite: the same file and
    settings as the async engine, called on the event loop's thread with no asyncio adapter in
    between (SQLAlchemy's async layer costs a greenlet switch per call, and on SQLite nothing is
    waited for: bench/README.md, "Issue 15, the tap path")."""
    _require_file(url)
    engine = create_sync_engine(
        make_url(url).set(drivername="sqlite+pysqlite"),
        echo=echo,
        hide_parameters=True,
        pool_size=1,
        max_overflow=0,
        pool_reset_on_return=None,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    _set_up_sqlite(engine, SQLITE_BUSY_TIMEOUT_MS)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Straight to the driver: one statement less through SQLAlchemy's execution machinery.
        connection.connection.driver_connection.execute("BEGIN IMMEDIATE")  # type: ignore[union-attr]

    return engine


class InlineConnection:
    """A unit of work's connection on SQLite: a synchronous SQLAlchemy connection behind the one
    awaitable method the repositories call (it returns at once; SQLite is called inline)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @property
    def dialect(self) -> Dialect:
        return self._connection.dialect

    @overload
    async def execute(
        self, statement: TypedReturnsRows[*_Columns], parameters: Any = None
    ) -> CursorResult[*_Columns]: ...

    @overload
    async def execute(
        self, statement: Executable, parameters: Any = None
    ) -> CursorResult[*tuple[Any, ...]]: ...

    async def execute(
        self, statement: Executable, parameters: Any = None
    ) -> CursorResult[*tuple[Any, ...]]:
        return self._connection.execute(statement, parameters)


# What a repository is handed: PostgreSQL's async connection, or SQLite's inline one.
StoreConnection = AsyncConnection | InlineConnection


class Database:
    """Owns the engine; `transaction()` is the unit of work: commit on success, else roll back."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = create_engine(url, echo=echo)
        self._turns = asyncio.Lock() if self.dialect == "sqlite" else None
        self._inline = _sqlite_units_engine(url, echo=echo) if self.dialect == "sqlite" else None
        # Its one connection, kept open between units of work (a check-out per unit cost as much
        # as a statement).
        self._inline_connection: Connection | None = None

    @property
    def units_engine(self) -> Engine:
        """The engine the units of work run on (for event listeners: counting statements)."""
        return self._inline if self._inline is not None else self.engine.sync_engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """One unit of work: commits when the block ends, rolls back if it raises.

        On SQLite (one connection) callers take turns first-come first-served; without that, a
        caller woken by the pool can lose the connection to one that just arrived, again and
        again (measured: p99 268 ms with 8 users tapping at once, against 3.5 ms at the median).
        When another process holds the write lock, the BEGIN is retried asleep on the event
        loop (other chats go on) until SQLITE_LOCK_WAIT_SECONDS; then the busy error is raised.
        """
        if self._turns is None:
            async with self.engine.begin() as connection:
                yield connection
            return
        async with self._turns:
            deadline = time.monotonic() + SQLITE_LOCK_WAIT_SECONDS
            pause = _RETRY_FIRST_SECONDS
            while True:
                began = False
                try:
                    async with self.engine.begin() as connection:
                        began = True
                        yield connection
                    return
                except OperationalError as error:
                    if began or not is_sqlite_busy(error) or time.monotonic() >= deadline:
                        raise
                await asyncio.sleep(pause)
                pause = min(pause * 2, _RETRY_MAX_SECONDS)

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[StoreConnection]:
        """The transaction of a unit of work: as `transaction()`, and on SQLite through the
        inline (synchronous) engine, in the same turns and with the same waiting for a lock."""
        if self._inline is None or self._turns is None:
            async with self.transaction() as connection:
                yield connection
            return
        async with self._turns:
            deadline = time.monotonic() + SQLITE_LOCK_WAIT_SECONDS
            pause = _RETRY_FIRST_SECONDS
            while True:
                began = False
                if self._inline_connection is None or self._inline_connection.closed:
                    self._inline_connection = self._inline.connect()
                inline = self._inline_connection
                try:
                    with inline.begin():
                        began = True
                        yield InlineConnection(inline)
                    return
                except (OperationalError, sqlite3.OperationalError) as error:
                    if began or not is_sqlite_busy(error) or time.monotonic() >= deadline:
                        if isinstance(error, OperationalError):
                            raise
                        # The BEGIN went straight to the driver: raised as SQLAlchemy would.
                        raise OperationalError("BEGIN IMMEDIATE", None, error) from error
                await asyncio.sleep(pause)
                pause = min(pause * 2, _RETRY_MAX_SECONDS)

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """Whether this process may run the job *name* now (PostgreSQL: an advisory lock).

        SQLite serves one process, so the answer there is always yes.
        """
        if self.dialect != "postgresql":
            yield True
            return
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        async with self.engine.connect() as connection:
            got = bool(
                (
                    await connection.execute(
                        text("SELECT pg_try_advisory_lock(:key)"), {"key": key}
                    )
                ).scalar()
            )
            await connection.commit()
            try:
                yield got
            finally:
                if got:
                    await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                    await connection.commit()

    async def ping(self) -> bool:
        """Whether the database answers (a SQLite file locked by another process does)."""
        try:
            async with self.engine.connect() as connection:
                await connection.exec_driver_sql("SELECT 1")
        except Exception as error:
            return is_sqlite_busy(error)
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._inline_connection is not None:
            self._inline_connection.close()
            self._inline_connection = None
        if self._inline is not None:
            self._inline.dispose()
