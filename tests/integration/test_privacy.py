"""/delete and /export on SQLite and PostgreSQL: every row of one user goes, everyone else's stays.

Two people each consent, go through the red-flag screen (safety events), do a whole routine
(a session, step results, soreness reports, doses), choose a daily reminder, get the next
morning's nudge (a nudges row) and answer its check-in (a check_ins row). Then one of them asks for
/delete. The tables are read from `Base.metadata`, so a table added later cannot be forgotten.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Table, or_, select

from bot.nudges import NudgeSweeper
from bot.routine.content import Content
from bot.routine.views import View
from bot.store.database import Database
from bot.store.models import Base, RoutineSession, User
from bot.store.personal_data_queries import USER_TABLES
from tests.integration.helpers import Chat, button, labels
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

ANN = 3001
BOB = 3002
# 08:00 UTC is 09:00 in Berlin in November: an 08:00 Berlin reminder is next due tomorrow 07:00 UTC.
START = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
USERS_TABLE: Table = User.__table__  # type: ignore[assignment]
SESSIONS_TABLE: Table = RoutineSession.__table__  # type: ignore[assignment]


class RecordingSend:
    """The nudge channel: remembers the nudge each user got, so the test can tap its buttons."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, View]] = []

    async def __call__(self, user_id: int, view: View) -> int:
        self.sent.append((user_id, view))
        return len(self.sent)

    def recipients(self) -> list[int]:
        return [user_id for user_id, _ in self.sent]

    def last_for(self, user_id: int) -> View:
        views = [view for recipient, view in self.sent if recipient == user_id]
        assert views, f"no nudge was sent to {user_id}"
        return views[-1]


def sweeper(coach: CoachDriver, send: RecordingSend) -> NudgeSweeper:
    async def no_wait(_seconds: float) -> None:
        return None

    return coach.services.nudge_sweeper(send, rate=100_000, sleep=no_wait)


async def routine(chat: Chat, content: Content, before: int, after: int) -> None:
    """A whole routine from the soreness question; the first exercise hurts, the gentler one works.

    Twice in a row, that makes the gentler option the default: a row in `doses`.
    """
    buttons = content.texts.buttons
    assert content.texts.session.soreness_before in chat.screen.text, chat.screen.text
    await chat.tap(str(before))
    await chat.tap(buttons.too_painful)
    await chat.tap(buttons.gentler)
    for _ in content.routine.exercises:
        reply = await chat.tap(buttons.done)
        assert reply.notice is None, reply.notice
    await chat.tap(str(after))


async def first_day(
    coach: CoachDriver, content: Content, user_id: int, before: int, after: int
) -> Chat:
    """Consent, the checklist, a whole routine, a reminder at 08:00."""
    texts = content.texts
    buttons = texts.buttons
    chat = Chat(coach, user_id)
    await chat.start()
    await chat.tap(buttons.consent)
    await chat.tap(buttons.flags_none)  # the emergency signs
    await chat.tap(buttons.flags_none)  # the see-a-doctor signs
    await routine(chat, content, before, after)
    assert texts.reminders.ask_time in chat.screen.text, chat.screen.text
    await chat.tap("08:00")
    confirmed = await chat.type("Europe/Berlin")
    assert "Berlin" in confirmed.text, confirmed.text
    return chat


async def the_morning_after(
    coach: CoachDriver, content: Content, clock: FakeClock, chats: list[Chat]
) -> None:
    """The next morning's nudge asks about yesterday: everyone answers "Same", then does the
    routine again (the gentler option becomes the default for the first exercise)."""
    clock.advance(days=1)
    send = RecordingSend()
    report = await sweeper(coach, send).sweep()
    assert sorted(send.recipients()) == sorted(chat.user_id for chat in chats), report
    for chat in chats:
        chat.view = send.last_for(chat.user_id)
        assert content.texts.check_in.question in chat.screen.text
        await chat.tap(content.texts.check_in.same)
        await chat.open_session()
        await routine(chat, content, before=4, after=4)


async def seeded(coach: CoachDriver, content: Content, clock: FakeClock) -> tuple[Chat, Chat]:
    """Ann and Bob, each with rows in every table."""
    clock.now = START
    ann = await first_day(coach, content, ANN, before=6, after=3)
    bob = await first_day(coach, content, BOB, before=2, after=1)
    await the_morning_after(coach, content, clock, [ann, bob])
    for chat in (ann, bob):
        # Signs taken back ("I answered by mistake", then the list again): safety events. Last,
        # since after a withdrawn sign the routine restarts gently.
        await chat.open_session()
        await chat.type("I can't control my bladder")
        await chat.tap(content.texts.buttons.flags_mistake)
        await chat.tap(content.texts.buttons.flags_some)
        await chat.tap(content.texts.buttons.flags_mistake)
        await chat.tap(content.texts.buttons.flags_none)  # the emergency signs
        await chat.tap(content.texts.buttons.flags_none)  # the see-a-doctor signs
    return ann, bob


# --- who a row belongs to, for every table in the metadata ------------------------------------


# Columns that hold a user id with no foreign key to say so: the nudge outbox (migration 0013,
# the key's check cost the claim ~10 ms).
KEYLESS_USER_COLUMNS = frozenset({("nudges", "user_id")})


def _references(column: Column[Any], table_name: str) -> bool:
    if table_name == USERS_TABLE.name and (column.table.name, column.name) in KEYLESS_USER_COLUMNS:
        return True
    return any(key.column.table.name == table_name for key in column.foreign_keys)


def owner_columns(table: Table) -> tuple[list[Column[Any]], list[Column[Any]]]:
    """(columns holding a user id, columns holding a session id) of *table*."""
    user_columns: list[Column[Any]] = []
    session_columns: list[Column[Any]] = []
    for column in table.columns:
        if (table.name == USERS_TABLE.name and column.name == "id") or _references(
            column, USERS_TABLE.name
        ):
            user_columns.append(column)
        elif (table.name == SESSIONS_TABLE.name and column.name == "id") or _references(
            column, SESSIONS_TABLE.name
        ):
            session_columns.append(column)
    return user_columns, session_columns


# Tables with nobody's data: the file_ids of rendered exercise media, the same for everyone.
NO_PERSONAL_DATA = frozenset({"media_files"})


def all_tables() -> list[Table]:
    """Every table that can hold someone's data (all but NO_PERSONAL_DATA)."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in NO_PERSONAL_DATA]
    assert len(tables) >= 8, [table.name for table in tables]
    for name in NO_PERSONAL_DATA:
        columns = set(Base.metadata.tables[name].c.keys())
        assert not {"user_id", "session_id", "id"} & columns, name
    return tables


async def rows_of(
    database: Database, user_id: int, session_ids: set[int]
) -> dict[str, list[dict[str, Any]]]:
    """Every row in every table that refers to *user_id* or one of its *session_ids*."""
    found: dict[str, list[dict[str, Any]]] = {}
    async with database.transaction() as db:
        for table in all_tables():
            user_columns, session_columns = owner_columns(table)
            assert user_columns or session_columns, (
                f"table {table.name!r} has no user_id or session_id: whose rows are these? "
                "/delete and this test must learn about it"
            )
            conditions = [column == user_id for column in user_columns]
            if session_ids:
                conditions += [column.in_(session_ids) for column in session_columns]
            query = select(table).where(or_(*conditions)).order_by(*table.primary_key.columns)
            result = await db.execute(query)
            found[table.name] = [dict(row) for row in result.mappings()]
    return found


async def session_ids_of(database: Database, user_id: int) -> set[int]:
    async with database.transaction() as db:
        result = await db.execute(
            select(RoutineSession.id).where(RoutineSession.user_id == user_id)
        )
        return set(result.scalars())


async def everything(database: Database) -> dict[str, list[dict[str, Any]]]:
    async with database.transaction() as db:
        return {
            table.name: [
                dict(row)
                for row in (
                    await db.execute(select(table).order_by(*table.primary_key.columns))
                ).mappings()
            ]
            for table in all_tables()
        }


# --- the tests --------------------------------------------------------------------------------


async def test_delete_removes_every_row_of_one_user_and_keeps_the_others(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    privacy = content.texts.privacy_texts
    ann, _bob = await seeded(coach, content, clock)

    ann_sessions = await session_ids_of(database, ANN)
    bob_sessions = await session_ids_of(database, BOB)
    assert ann_sessions
    assert bob_sessions
    ann_before = await rows_of(database, ANN, ann_sessions)
    bob_before = await rows_of(database, BOB, bob_sessions)
    # Every table holds something of each of them: otherwise the deletion below proves nothing.
    for who, theirs in (("Ann", ann_before), ("Bob", bob_before)):
        empty = [name for name, found in theirs.items() if not found]
        assert not empty, f"the seeding left {who} without rows in {empty}"

    # /delete asks first; "Keep my data" deletes nothing.
    confirm = await coach.confirm_delete()
    assert labels(confirm) == [privacy.delete_yes, privacy.delete_no]
    assert "can't be undone" in confirm.text
    everything_before = await everything(database)
    ann.view = confirm
    kept = await ann.tap(privacy.delete_no)
    assert kept.view is not None
    assert kept.view.text == privacy.delete_cancelled
    assert kept.view.rows == ()
    assert await everything(database) == everything_before

    # /delete again, and "Yes, delete everything".
    ann.view = await coach.confirm_delete()
    old_confirm_button = button(ann.screen, privacy.delete_yes)
    deleted = await ann.tap(privacy.delete_yes)
    assert deleted.view is not None
    assert deleted.view.text == privacy.deleted

    ann_after = await rows_of(database, ANN, ann_sessions)
    assert {name: found for name, found in ann_after.items() if found} == {}
    assert await rows_of(database, BOB, bob_sessions) == bob_before

    # Reminders stop: the next morning's sweep nudges Bob only.
    clock.advance(days=1)
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    assert send.recipients() == [BOB]

    # The old confirm button, tapped again: nothing left to delete, and nothing is created.
    again = await coach.tap(ANN, old_confirm_button)
    assert again.view is not None
    assert again.view.text == privacy.nothing_stored
    exported = await coach.export(ANN)
    assert exported.text == privacy.nothing_stored
    assert exported.attachments == ()
    assert not any((await rows_of(database, ANN, ann_sessions)).values())

    # Ann can begin again from scratch: the welcome and consent, as for anyone new.
    welcome = await coach.start(ANN)
    assert labels(welcome) == [content.texts.buttons.consent]


async def test_export_holds_every_table_of_that_user_and_nobody_elses(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    await seeded(coach, content, clock)

    view = await coach.export(ANN)
    assert view.text == content.texts.privacy_texts.export_ready
    names = [attachment.name for attachment in view.attachments]
    assert [name.rsplit(".", 1)[-1] for name in names] == ["json", "csv"]
    data = json.loads(view.attachments[0].data)
    ann_rows = await rows_of(database, ANN, await session_ids_of(database, ANN))

    # Every table in the metadata is in the export, with exactly Ann's rows of it.
    exported_tables = {"users": [data["user"]], "sessions": data["sessions"]}
    exported_tables |= {
        name: data[name] for name in ("step_results", *(table.name for table in USER_TABLES))
    }
    assert set(exported_tables) == {table.name for table in all_tables()}
    for name, found in ann_rows.items():
        assert len(exported_tables[name]) == len(found), name
        assert sorted(json.dumps(row, sort_keys=True) for row in exported_tables[name]) == sorted(
            json.dumps(_plain(row), sort_keys=True) for row in found
        ), name
    assert BOB not in _all_ints(data)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """A row as the export writes it (dates and times as ISO 8601 strings)."""
    plain: dict[str, Any] = {}
    for key, value in row.items():
        plain[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return plain


def _all_ints(value: Any) -> set[int]:
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_all_ints(item) for item in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_all_ints(item) for item in value)) if value else set()
    return set()


async def test_old_nudge_buttons_tapped_after_delete_store_nothing(
    coach: CoachDriver, database: Database, content: Content, clock: FakeClock
) -> None:
    """The nudge of the morning before /delete is still in the chat: tapping its buttons after the
    deletion answers politely and brings back no row (only /start begins again)."""
    ann, _bob = await seeded(coach, content, clock)
    ann_sessions = await session_ids_of(database, ANN)
    clock.advance(days=1)
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    check_in = send.last_for(ANN)
    assert content.texts.check_in.question in check_in.text
    nudge = coach.screens.nudge(ANN, clock().date())

    ann.view = await coach.confirm_delete()
    await ann.tap(content.texts.privacy_texts.delete_yes)
    assert not any((await rows_of(database, ANN, ann_sessions)).values())

    for view, label in (
        (check_in, content.texts.check_in.same),
        (check_in, content.texts.check_in.worse),
        (nudge, content.texts.nudges.snooze),
        (nudge, content.texts.nudges.skip_today),
    ):
        reply = await coach.tap(ANN, button(view, label))
        assert reply.notice is not None or reply.view is not None, label
        left = await rows_of(database, ANN, ann_sessions)
        assert {name: rows for name, rows in left.items() if rows} == {}, label
