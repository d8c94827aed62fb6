"""Reminders on Telegram: choosing a time and zone, the nudge and its buttons, 429 and 403."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.nudges import NudgeSweeper
from bot.store.models import User
from bot.telegram.nudge_job import telegram_sender
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import Limber, running_limber
from tests.support.updates import ChatUser

# 08:00 UTC is 09:00 in Berlin in November.
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


async def onboard_with_reminder(ann: ChatUser, api: FakeBotApi) -> None:
    """The user does a first routine and, from its summary, asks for a reminder at 09:00 Berlin."""
    await ann.send("/start")
    await ann.tap("I understand")
    await ann.tap("None of these")
    await ann.tap("3")
    for _ in range(7):
        await ann.tap("Done")
    await ann.tap("2")
    assert "Routine done" in ann.last_text
    assert "When should I remind you?" in ann.last_text
    await ann.tap("Another time")
    await ann.send("9am")
    assert "which time zone" in ann.last_text
    keyboard = api.reply_keyboard(ann.chat_id)
    assert keyboard[0] == ["📍 Share my location"]
    assert ["Europe/London", "Europe/Berlin"] in keyboard
    await ann.send("Europe/Berlin")
    assert "Every day at 09:00, Europe/Berlin — next: today 09:00" in ann.last_text


async def next_nudge(limber: Limber, user_id: int) -> datetime | None:
    async with limber.database.transaction() as db:
        return (await db.execute(select(User.next_nudge_at).where(User.id == user_id))).scalar_one()


def sweeper(limber: Limber) -> NudgeSweeper:
    return limber.services.nudge_sweeper(telegram_sender(limber.application.bot), rate=25)


async def to_next_morning(limber: Limber, clock: FakeClock) -> None:
    """Sweep as the bot would at 09:01 today (the routine is done: nothing), then go to 09:01
    tomorrow, when the next nudge is due."""
    clock.advance(hours=1, minutes=1)
    assert (await sweeper(limber).sweep()).sent == 0
    clock.advance(days=1)


async def next_morning_nudge(limber: Limber, clock: FakeClock) -> None:
    await to_next_morning(limber, clock)
    assert (await sweeper(limber).sweep()).sent == 1


async def test_the_nudge_arrives_at_nine_in_berlin_and_starts_the_routine(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        # The first routine was "today": the 09:00 nudge is not sent on a day already done.
        clock.advance(hours=1, minutes=1)
        assert (await sweeper(limber).sweep()).claimed == 0

        clock.advance(days=1)
        report = await sweeper(limber).sweep()
        assert report.sent == 1
        # The morning after a routine, the nudge asks about yesterday first (the 24-hour rule).
        nudge = api.last_message(ann.chat_id)
        assert "compared with before yesterday's routine" in nudge.text
        assert nudge.labels == ["🙂 Better", "😐 Same", "🙁 Worse"]
        await ann.tap("Same")
        assert "Thanks — noted." in ann.last_text
        assert api.last_message(ann.chat_id).labels == [
            "▶️ Start now",
            "⏰ Snooze 1 h",
            "🚫 Skip today",
        ]

        await ann.tap("Start now")
        assert api.last_message(ann.chat_id).message_id == nudge.message_id
        assert "How sore is your back right now?" in ann.last_text
        assert not limber.errors


async def test_snooze_and_skip_from_the_nudge(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await next_morning_nudge(limber, clock)
        await ann.tap("Better")
        await ann.tap("Snooze")
        assert "I'll remind you again at 10:01" in ann.last_text
        clock.advance(hours=1)
        assert (await sweeper(limber).sweep()).sent == 1
        await ann.tap("Skip today")
        assert "See you tomorrow" in ann.last_text
        tomorrow_nine = MORNING + timedelta(days=2, hours=1)  # 08:00 UTC
        assert await next_nudge(limber, ann.chat_id) == tomorrow_nine


async def test_a_429_pauses_the_sender_and_the_nudge_is_sent_once(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await to_next_morning(limber, clock)
        api.reset_calls()
        api.fail_next("sendMessage", status=429, retry_after=1)
        report = await sweeper(limber).sweep()
        assert report.sent == 1
        sends = api.calls("sendMessage")
        assert [call.status for call in sends] == [429, 200]
        assert sends[1].at - sends[0].at >= 0.9, "retry_after was honoured"


async def test_a_user_who_blocked_the_bot_has_reminders_turned_off(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await to_next_morning(limber, clock)
        api.block(ann.chat_id)
        report = await sweeper(limber).sweep()
        assert report.blocked == 1
        assert await next_nudge(limber, ann.chat_id) is None


async def test_blocking_and_unblocking_the_bot_stops_and_resumes_reminders(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await ann.block_bot()
        assert await next_nudge(limber, ann.chat_id) is None
        await ann.unblock_bot()
        assert await next_nudge(limber, ann.chat_id) == MORNING + timedelta(hours=1)
        assert not limber.errors


async def test_a_shared_location_sets_the_zone(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await ann.send("/start")
        await ann.tap("I understand")
        await ann.tap("None of these")
        await ann.send("/reminders")
        await ann.tap("08:00")
        location = ann.updates.text("placeholder").to_dict()
        message = location["message"]
        del message["text"]
        message["location"] = {"latitude": 40.7128, "longitude": -74.006}
        await limber.application.process_update(ann.updates.bind(location))
        assert "Every day at 08:00, America/New_York" in ann.last_text
        assert not limber.errors


async def test_bad_times_get_a_friendly_correction(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send("/start")
        await ann.tap("I understand")
        await ann.tap("None of these")
        await ann.send("/reminders")
        await ann.tap("Another time")
        for nonsense in ("25:99", "8", "🙂", "x" * 400):
            await ann.send(nonsense)
            assert "didn't catch that time" in ann.last_text, nonsense
        await ann.send("20.30")
        assert "which time zone" in ann.last_text
        await ann.send("Atlantis/Lost_City")
        assert "couldn't work out your time zone" in ann.last_text
        assert not limber.errors
