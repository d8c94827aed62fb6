"""The unit of work: one database transaction, with typed repositories as attributes.

    async with unit_of_work() as uow:
        user = await uow.users.get_or_add(user_id, now)
        record = await uow.sessions.open_one(user_id)

It commits once when the block ends cleanly and rolls back if it raises. Repositories never
commit, and nothing outside `bot.store` holds a connection: a use case sees only these attributes.
Underneath is `Database.unit()` (SQLite: one inline connection without SQLAlchemy's async layer,
callers take turns, BEGIN IMMEDIATE; PostgreSQL: a pool).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from types import TracebackType

from bot.store.database import Database, StoreConnection
from bot.store.history_queries import HistoryQueries
from bot.store.media_queries import MediaQueries
from bot.store.personal_data_queries import PersonalDataQueries
from bot.store.reminder_queries import OutboxQueries, ReminderQueries
from bot.store.session_queries import DoseQueries, SafetyQueries, SessionQueries, UserQueries
from bot.store.usage_queries import UsageQueries


class UnitOfWork:
    users: UserQueries
    sessions: SessionQueries
    doses: DoseQueries
    safety: SafetyQueries
    reminders: ReminderQueries
    outbox: OutboxQueries
    progress: HistoryQueries
    privacy: PersonalDataQueries
    usage: UsageQueries
    media: MediaQueries

    def __init__(self, database: Database) -> None:
        self._database = database
        self._transaction: AbstractAsyncContextManager[StoreConnection] | None = None

    async def __aenter__(self) -> UnitOfWork:
        if self._transaction is not None:
            raise RuntimeError("a unit of work is entered once")
        self._transaction = self._database.unit()
        connection = await self._transaction.__aenter__()
        self.users = UserQueries(connection)
        self.sessions = SessionQueries(connection)
        self.doses = DoseQueries(connection)
        self.safety = SafetyQueries(connection)
        self.reminders = ReminderQueries(connection)
        self.outbox = OutboxQueries(connection)
        self.progress = HistoryQueries(connection)
        self.privacy = PersonalDataQueries(connection)
        self.usage = UsageQueries(connection)
        self.media = MediaQueries(connection)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool | None:
        assert self._transaction is not None
        return await self._transaction.__aexit__(exc_type, exc, traceback)


UnitOfWorkFactory = Callable[[], UnitOfWork]


def unit_of_work_factory(database: Database) -> UnitOfWorkFactory:
    """New units of work on *database*, one per use-case call."""
    return lambda: UnitOfWork(database)
