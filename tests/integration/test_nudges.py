"""The nudge outbox on SQLite and PostgreSQL: once a day, never twice, never lost."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from bot.coach import writes_own_digits, written_right_to_left
from bot.nudges import (
    MaybeSentError,
    NudgeSweeper,
    RecipientBlockedError,
    RetryAfterError,
    Send,
    TransientSendError,
)
from bot.routine.actions import GeneralVerb, general_action
from bot.routine.content import load_content
from bot.routine.languages import shipped_languages
from bot.routine.locale_format import digits
from bot.routine.views import View
from bot.store.database import Database
from bot.store.models import Nudge, RoutineSession, User
from tests.integration.helpers import Chat
from tests.support.clock import FakeClock
from tests.support.driver import CoachDriver

BERLIN = "Europe/Berlin"


class RecordingSend:
    """A `Send` that accepts every nudge (or fails as scripted) and remembers who got one."""

    def __init__(self) -> None:
        self.accepted: list[int] = []
        self.failures: dict[int, list[Exception]] = {}
        self.delay = 0.0
        self.five_sent = asyncio.Event()
        self.texts: list[str] = []
        self.expect = "routine"  # every nudge invites to the routine, unless a test says otherwise

    def fail(self, user_id: int, *errors: Exception) -> None:
        self.failures.setdefault(user_id, []).extend(errors)

    async def __call__(self, user_id: int, view: View) -> int:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures.get(user_id):
            raise self.failures[user_id].pop(0)
        assert self.expect in view.text
        self.accepted.append(user_id)
        self.texts.append(view.text)
        if len(self.accepted) >= 5:
            self.five_sent.set()
        return len(self.accepted)


def sweeper(coach: CoachDriver, send: Send, **options: Any) -> NudgeSweeper:
    async def no_wait(_seconds: float) -> None:
        return None

    return coach.services.nudge_sweeper(send, rate=100_000, sleep=no_wait, **options)


async def seed_due_users(
    database: Database, count: int, due: datetime, *, first_id: int = 10_000
) -> list[int]:
    """Users with a reminder at 09:00 Berlin whose next nudge is *due*."""
    ids = list(range(first_id, first_id + count))
    async with database.transaction() as db:
        await db.execute(
            insert(User),
            [
                {
                    "id": user_id,
                    "created_at": due - timedelta(days=3),
                    "language": "en",
                    "time_zone": BERLIN,
                    "reminder_time": time(9, 0),
                    "reminders_enabled": True,
                    "next_nudge_at": due,
                    "next_nudge_kind": "daily",
                    "consent_version": "test",
                    "safety_screen": "clear",
                }
                for user_id in ids
            ],
        )
    return ids


async def next_nudge(database: Database, user_id: int) -> datetime | None:
    async with database.transaction() as db:
        return (await db.execute(select(User.next_nudge_at).where(User.id == user_id))).scalar_one()


# 2026-11-26 08:00 UTC is 09:00 in Berlin (UTC+1 in winter).
NINE_IN_BERLIN = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


async def test_a_user_chooses_a_time_and_a_zone(coach: CoachDriver, clock: FakeClock) -> None:
    chat = Chat(coach, 7)
    await chat.start()
    await chat.tap("👍 I understand")
    await chat.tap("✅ None of these")  # the emergency signs
    await chat.tap("✅ None of these")  # the see-a-doctor signs
    view = await coach.show_reminders(7)
    assert "When should I remind you?" in view.text
    chat.view = view
    reply = await chat.tap("🕒 Another time")
    assert reply.view is not None
    assert "07:30" in reply.view.text
    assert "didn't catch that time" in (await chat.type("25:99")).text
    zone_question = await chat.type("7:30pm")
    assert zone_question.reply_keyboard is not None
    assert zone_question.reply_keyboard.location_label is not None
    confirmed = await chat.type("europe/berlin")
    assert "Every day at 19:30, Berlin — next: today 19:30" in confirmed.text
    assert await next_nudge(coach.database, 7) == datetime(2026, 11, 26, 18, 30, tzinfo=UTC)


async def test_the_zone_can_come_from_the_time_where_the_user_is(coach: CoachDriver) -> None:
    chat = Chat(coach, 8)
    await chat.start()
    await chat.tap("👍 I understand")
    await chat.tap("✅ None of these")  # the emergency signs
    await chat.tap("✅ None of these")  # the see-a-doctor signs
    chat.view = await coach.show_reminders(8)
    await chat.tap("08:00")
    # The fake clock says 08:00 UTC; "13:45" there means UTC+05:45.
    confirmed = await chat.type("13:45")
    assert "Kathmandu" in confirmed.text


async def test_each_due_user_gets_one_nudge_a_day(coach: CoachDriver, clock: FakeClock) -> None:
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 50, NINE_IN_BERLIN)
    send = RecordingSend()
    report = await sweeper(coach, send).sweep()
    assert sorted(send.accepted) == users
    assert report.sent == 50

    await sweeper(coach, send).sweep()
    assert len(send.accepted) == 50, "nobody gets a second nudge the same day"
    assert await next_nudge(coach.database, users[0]) == NINE_IN_BERLIN + timedelta(days=1)

    clock.advance(days=1)
    await sweeper(coach, send).sweep()
    assert Counter(send.accepted) == dict.fromkeys(users, 2)


async def test_each_nudge_is_sent_as_its_persons_language_reads(
    coach: CoachDriver, clock: FakeClock
) -> None:
    """The sender writes a view for its reader (`bot.telegram.render.for_the_reader`: right to
    left, own digits) by the language set for the task that sends it, as an update's is: a
    Persian speaker's nudge in Persian's, an English speaker's in English's."""
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 4, NINE_IN_BERLIN)
    persian = set(users[::2])
    async with coach.database.transaction() as db:
        await db.execute(update(User).where(User.id.in_(persian)).values(language="fa"))
    read_as: dict[int, tuple[bool, bool]] = {}

    async def send(user_id: int, view: View) -> int:
        read_as[user_id] = (written_right_to_left(), writes_own_digits())
        return user_id

    assert (await sweeper(coach, send).sweep()).sent == 4
    assert read_as == {user: (user in persian, user in persian) for user in users}


async def test_no_nudge_on_a_day_whose_routine_is_done(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    async with coach.database.transaction() as db:
        await db.execute(
            insert(RoutineSession).values(
                user_id=user,
                started_at=NINE_IN_BERLIN - timedelta(hours=1),
                finished_at=NINE_IN_BERLIN - timedelta(minutes=45),
                status="completed",
                phase="finished",
                step=7,
                gentler=False,
                paused=False,
                stopped_early=False,
                content_version="test",
                version=9,
            )
        )
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    assert send.accepted == []
    assert await next_nudge(coach.database, user) == NINE_IN_BERLIN + timedelta(days=1)


async def test_a_nudge_later_than_the_grace_window_is_dropped(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN + timedelta(days=3, hours=5)  # the bot was down for days
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    assert send.accepted == [], "no late nudge, no flood after a restart"
    assert await next_nudge(coach.database, user) == NINE_IN_BERLIN + timedelta(days=4)


async def test_a_user_who_blocked_the_bot_gets_no_more_nudges(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    send = RecordingSend()
    send.fail(user, RecipientBlockedError())
    report = await sweeper(coach, send).sweep()
    assert report.blocked == 1
    assert await next_nudge(coach.database, user) is None
    clock.advance(days=1)
    await sweeper(coach, send).sweep()
    assert send.accepted == []


async def test_retry_after_and_timeouts_are_retried_and_sent_once(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 3, NINE_IN_BERLIN)
    send = RecordingSend()
    send.fail(users[0], RetryAfterError(0.01))
    send.fail(users[1], TransientSendError("TimedOut"), TransientSendError("NetworkError"))
    report = await sweeper(coach, send).sweep()
    assert sorted(send.accepted) == users
    assert report.sent == 3


async def test_a_sweeper_killed_between_claim_and_send_loses_nothing(
    coach: CoachDriver, clock: FakeClock, make_coach: Callable[[], CoachDriver]
) -> None:
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 20, NINE_IN_BERLIN)
    claimed = await coach.outbox.claim_due()  # ... and then the process dies
    assert len(claimed) == 20

    restarted = make_coach()
    send = RecordingSend()
    await sweeper(restarted, send).sweep()
    assert send.accepted == [], "a live lease is not taken over"

    clock.advance(minutes=5)  # the lease expires
    await sweeper(restarted, send).sweep()
    assert sorted(send.accepted) == users
    await sweeper(restarted, send).sweep()
    assert len(send.accepted) == 20


async def test_a_graceful_stop_hands_unsent_nudges_back(
    coach: CoachDriver, clock: FakeClock, make_coach: Callable[[], CoachDriver]
) -> None:
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 40, NINE_IN_BERLIN)
    send = RecordingSend()
    send.delay = 0.001
    first = coach.services.nudge_sweeper(send, rate=100_000, max_in_flight=4)
    sweep = asyncio.create_task(first.sweep())
    await send.five_sent.wait()
    first.stop()
    report = await sweep
    assert report.released > 0
    assert report.sent + report.released == 40

    await sweeper(make_coach(), send).sweep()
    assert sorted(send.accepted) == users, "0 lost and 0 duplicated"


async def test_two_sweepers_at_once_send_each_nudge_exactly_once(
    coach: CoachDriver, clock: FakeClock, make_coach: Callable[[], CoachDriver]
) -> None:
    clock.now = NINE_IN_BERLIN
    users = await seed_due_users(coach.database, 10_000, NINE_IN_BERLIN)
    send = RecordingSend()
    await asyncio.gather(sweeper(coach, send).sweep(), sweeper(make_coach(), send).sweep())
    assert len(send.accepted) == len(users)
    assert set(send.accepted) == set(users)
    async with coach.database.transaction() as db:
        statuses = Counter((await db.execute(select(Nudge.status))).scalars())
    assert statuses == {"sent": 10_000}


async def test_snooze_sends_one_more_nudge_an_hour_later(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    reply = await coach.tap(user, general_action(GeneralVerb.NUDGE_SNOOZE))
    assert reply.view is not None
    assert "10:00" in reply.view.text

    clock.advance(minutes=59)
    await sweeper(coach, send).sweep()
    assert send.accepted == [user]
    clock.advance(minutes=2)
    await sweeper(coach, send).sweep()
    assert send.accepted == [user, user]
    clock.advance(hours=3)
    await sweeper(coach, send).sweep()
    assert send.accepted == [user, user]
    assert await next_nudge(coach.database, user) == NINE_IN_BERLIN + timedelta(days=1)


async def test_skip_today_sends_nothing_more_until_tomorrow(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    await coach.tap(user, general_action(GeneralVerb.NUDGE_SNOOZE))
    await coach.tap(user, general_action(GeneralVerb.NUDGE_SKIP_TODAY))
    clock.advance(hours=2)
    await sweeper(coach, send).sweep()
    assert send.accepted == [user]
    assert await next_nudge(coach.database, user) == NINE_IN_BERLIN + timedelta(days=1)


async def test_unblocking_the_bot_brings_reminders_back(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN - timedelta(hours=2)
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    await coach.chat_blocked(user)
    assert await next_nudge(coach.database, user) is None
    await coach.chat_unblocked(user)
    assert await next_nudge(coach.database, user) == NINE_IN_BERLIN


async def test_turning_reminders_off_stops_them(coach: CoachDriver, clock: FakeClock) -> None:
    clock.now = NINE_IN_BERLIN - timedelta(hours=2)
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    reply = await coach.tap(user, general_action(GeneralVerb.REMINDER_OFF))
    assert reply.view is not None
    assert "Reminders are off" in reply.view.text
    async with coach.database.transaction() as db:
        await db.execute(update(User).where(User.id == user).values(blocked_at=None))
    assert await next_nudge(coach.database, user) is None


async def statuses_of(database: Database, user_id: int) -> list[str]:
    async with database.transaction() as db:
        rows = await db.execute(select(Nudge.status).where(Nudge.user_id == user_id))
        return list(rows.scalars())


async def test_a_nudge_that_may_have_gone_out_is_never_sent_again(
    coach: CoachDriver, clock: FakeClock
) -> None:
    """A read timeout: Telegram may have delivered it. Recorded "unknown", not retried — not by
    this sweep, not after the lease, not later that day."""
    clock.now = NINE_IN_BERLIN
    [user, other] = await seed_due_users(coach.database, 2, NINE_IN_BERLIN)
    send = RecordingSend()
    send.fail(user, MaybeSentError("TimedOut"))
    report = await sweeper(coach, send).sweep()
    assert report.unknown == 1
    assert send.accepted == [other]
    assert await statuses_of(coach.database, user) == ["unknown"]
    for _ in range(3):
        clock.advance(minutes=20)  # past every lease, within the grace window
        await sweeper(coach, send).sweep()
    assert send.accepted == [other], "never twice"
    assert await next_nudge(coach.database, user) == NINE_IN_BERLIN + timedelta(days=1)
    clock.advance(days=1)
    await sweeper(coach, send).sweep()
    assert sorted(send.accepted) == sorted([other, user, other]), "the next day's comes as usual"


async def test_a_connect_timeout_or_a_5xx_is_still_retried(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    send = RecordingSend()
    send.fail(user, TransientSendError("TimedOut"), TransientSendError("NetworkError"))
    report = await sweeper(coach, send).sweep()
    assert (report.sent, report.unknown) == (1, 0)
    assert await statuses_of(coach.database, user) == ["sent"]


async def test_catch_up_after_a_long_outage_sends_todays_nudge_once(
    coach: CoachDriver, clock: FakeClock
) -> None:
    """Down from yesterday 08:00 to today 09:30 Berlin (reminder 09:00, grace 2 h): the stored
    nudge (yesterday's) is far too late, today's is 30 min late: sent once."""
    yesterday = NINE_IN_BERLIN - timedelta(days=1)
    clock.now = NINE_IN_BERLIN + timedelta(minutes=30)
    users = await seed_due_users(coach.database, 3, yesterday)
    send = RecordingSend()
    report = await sweeper(coach, send).sweep()
    assert report.sent == 3
    assert sorted(send.accepted) == users
    for _ in range(4):
        clock.advance(minutes=25)
        await sweeper(coach, send).sweep()
    assert len(send.accepted) == 3, "at most one catch-up"
    assert await next_nudge(coach.database, users[0]) == NINE_IN_BERLIN + timedelta(days=1)
    async with coach.database.transaction() as db:
        rows = (await db.execute(select(Nudge.local_date, Nudge.due_at))).all()
    assert {(day.isoformat(), due) for day, due in rows} == {("2026-11-26", NINE_IN_BERLIN)}


async def test_no_nudge_while_a_warning_sign_stands(coach: CoachDriver, clock: FakeClock) -> None:
    clock.now = NINE_IN_BERLIN
    [flagged, clear] = await seed_due_users(coach.database, 2, NINE_IN_BERLIN)
    async with coach.database.transaction() as db:
        await db.execute(update(User).where(User.id == flagged).values(safety_screen="flagged"))
    send = RecordingSend()
    await sweeper(coach, send).sweep()
    assert send.accepted == [clear]
    assert await statuses_of(coach.database, flagged) == [], "not even claimed"
    assert await next_nudge(coach.database, flagged) == NINE_IN_BERLIN + timedelta(days=1)

    # Cleared (e.g. checked by a clinician): the next morning's nudge comes by itself.
    async with coach.database.transaction() as db:
        await db.execute(update(User).where(User.id == flagged).values(safety_screen="clear"))
    clock.advance(days=1)
    await sweeper(coach, send).sweep()
    assert sorted(send.accepted) == sorted([clear, clear, flagged])


async def test_the_morning_after_a_rest_day_the_nudge_is_the_check_in_question(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    [user] = await seed_due_users(coach.database, 1, NINE_IN_BERLIN)
    yesterday = NINE_IN_BERLIN - timedelta(days=1)
    async with coach.database.transaction() as db:
        await db.execute(
            insert(RoutineSession).values(
                user_id=user,
                started_at=yesterday + timedelta(hours=1),
                finished_at=yesterday + timedelta(hours=1, minutes=1),
                status="stopped_for_pain",
                phase="finished",
                step=0,
                soreness_before=8,
                rest_day=True,
                gentler=False,
                paused=False,
                stopped_early=True,
                content_version="test",
                version=2,
            )
        )
    send = RecordingSend()
    send.expect = "compared with yesterday"
    await sweeper(coach, send).sweep()
    assert send.texts == [coach.content.texts.check_in.question_after_rest_day]
    assert "ready" not in send.texts[0]


async def test_each_nudge_is_in_the_persons_stored_language(
    coach: CoachDriver, clock: FakeClock
) -> None:
    clock.now = NINE_IN_BERLIN
    english, russian, persian, unknown = await seed_due_users(coach.database, 4, NINE_IN_BERLIN)
    async with coach.database.transaction() as db:
        for user_id, language in ((russian, "ru"), (persian, "fa"), (unknown, None)):
            await db.execute(update(User).where(User.id == user_id).values(language=language))
    send = RecordingSend()
    send.expect = ""
    await sweeper(coach, send).sweep()
    texts = dict(zip(send.accepted, send.texts, strict=True))
    languages = shipped_languages(load_content())
    assert languages is not None
    for user_id, language in ((english, "en"), (russian, "ru"), (persian, "fa"), (unknown, "en")):
        minutes = languages.content(language).tracks.default.minutes
        messages = [
            digits(line.format(minutes=minutes), language)
            for line in languages.content(language).texts.nudges.messages
        ]
        assert texts[user_id] in messages, (language, texts[user_id])
