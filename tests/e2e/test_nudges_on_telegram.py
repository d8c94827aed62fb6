"""Reminders on Telegram: choosing a time and zone, the nudge and its buttons, 429 and 403."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.nudges import NudgeSweeper
from bot.store.models import Nudge, User
from bot.telegram.nudge_job import telegram_sender
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import ApiResponse, FakeBotApi, JSONDict, UploadedFile
from tests.support.http_fake_bot_api import FakeBotApiServer
from tests.support.limber import Limber, running_limber
from tests.support.updates import ChatUser

# 08:00 UTC is 09:00 in Berlin in November.
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


async def onboard_with_reminder(ann: ChatUser, api: FakeBotApi) -> None:
    """The user does a first routine and, from its summary, asks for a reminder at 09:00 Berlin."""
    await ann.send("/start")
    await ann.tap("I understand")
    await ann.tap("None of these")  # the emergency signs
    await ann.tap("None of these")  # the see-a-doctor signs
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
    assert ["London", "Berlin"] in keyboard
    await ann.send("Europe/Berlin")
    assert "Every day at 09:00, Berlin — next: today 09:00" in ann.last_text


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
        await ann.tap("None of these")  # the emergency signs
        await ann.tap("None of these")  # the see-a-doctor signs
        await ann.send("/reminders")
        await ann.tap("08:00")
        location = ann.updates.text("placeholder").to_dict()
        message = location["message"]
        del message["text"]
        message["location"] = {"latitude": 40.7128, "longitude": -74.006}
        await limber.application.process_update(ann.updates.bind(location))
        assert "Every day at 08:00, New York" in ann.last_text
        assert not limber.errors


async def test_bad_times_get_a_friendly_correction(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send("/start")
        await ann.tap("I understand")
        await ann.tap("None of these")  # the emergency signs
        await ann.tap("None of these")  # the see-a-doctor signs
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


# --- issue 10 and 9: never twice, one catch-up, no nudge during a stop, the rest day ----------


async def nudge_statuses(limber: Limber, user_id: int) -> list[str]:
    async with limber.database.transaction() as db:
        rows = await db.execute(select(Nudge.status).where(Nudge.user_id == user_id))
        return list(rows.scalars())


def nudge_texts(limber: Limber) -> tuple[str, ...]:
    """Every text a daily nudge can have, and the check-in questions it may carry instead."""
    texts = limber.services.content.texts
    return (*texts.nudges.messages, texts.check_in.question, texts.check_in.question_after_rest_day)


def nudges_received(api: FakeBotApi, limber: Limber, chat_id: int) -> list[str]:
    prefixes = [text.split("{")[0][:25] for text in nudge_texts(limber)]
    return [
        message.text or ""
        for message in api.messages(chat_id, from_bot=True)
        if any((message.text or "").startswith(prefix) for prefix in prefixes)
    ]


async def test_a_flagged_user_gets_no_nudge(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await ann.send("Since this morning I can't control my bladder")
        assert "emergency" in ann.last_text
        assert ann.labels == ["↩️ I answered by mistake"]
        api.reset_calls()
        for _ in range(3):  # three mornings: no nudge, not even claimed
            await to_next_morning(limber, clock)
            assert (await sweeper(limber).sweep()).claimed == 0
        assert api.calls("sendMessage") == []
        assert await nudge_statuses(limber, ann.chat_id) == []
        assert await next_nudge(limber, ann.chat_id) is not None, "it still moves on"

        # Checked by a clinician (the waiting period is long over): the nudges come back.
        await ann.send("/session")
        await ann.tap("checked and told I can exercise")
        assert "gentler option first" in ann.last_text
        # The next day at 09:01 in Berlin (08:01 UTC): the nudge is due again, and sent.
        clock.now = clock.now.replace(hour=8, minute=1) + timedelta(days=1)
        assert (await sweeper(limber).sweep()).sent == 1
        assert not limber.errors


async def test_a_nudge_that_timed_out_is_not_sent_again(api: FakeBotApi, sqlite_url: str) -> None:
    """In process: PTB raises TimedOut (the request may have reached Telegram): one try only."""
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await to_next_morning(limber, clock)
        api.reset_calls()
        api.time_out_next("sendMessage")
        report = await sweeper(limber).sweep()
        assert (report.sent, report.unknown) == (0, 1)
        clock.advance(minutes=30)  # past the lease, within the grace window
        assert (await sweeper(limber).sweep()).claimed == 0
        assert len(api.calls("sendMessage")) == 1
        assert await nudge_statuses(limber, ann.chat_id) == ["unknown"]


class AcceptsThenStalls(FakeBotApi):
    """Telegram delivers the message, and then its answer never arrives (a lost response)."""

    stall_sends = 0

    async def dispatch(
        self,
        token: str,
        method: str,
        params: JSONDict,
        files: Mapping[str, UploadedFile] | None = None,
    ) -> ApiResponse:
        response = await super().dispatch(token, method, params, files)
        if method.lower() == "sendmessage" and self.stall_sends:
            self.stall_sends -= 1
            await asyncio.sleep(30)  # cancelled when the client gives up and hangs up
        return response


async def test_a_nudge_delivered_whose_answer_was_lost_arrives_once(sqlite_url: str) -> None:
    """Over loopback HTTP with a real httpx read timeout: the first send is delivered but its
    answer never comes (PTB: TimedOut from httpx.ReadTimeout). Before: retried, delivered 4×."""
    api = AcceptsThenStalls()
    clock = FakeClock(MORNING)
    async with (
        FakeBotApiServer(api) as server,
        running_limber(api, sqlite_url, clock=clock) as limber,
    ):
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await to_next_morning(limber, clock)
        before = len(nudges_received(api, limber, ann.chat_id))
        request = HTTPXRequest(read_timeout=0.5, connect_timeout=2.0)
        async with Bot(api.token, base_url=server.base_url, request=request) as bot:
            api.stall_sends = 4
            nudges = limber.services.nudge_sweeper(telegram_sender(bot), rate=25)
            report = await nudges.sweep()
            assert (report.sent, report.unknown) == (0, 1)
            clock.advance(minutes=30)
            assert (await nudges.sweep()).claimed == 0
        received = nudges_received(api, limber, ann.chat_id)
        assert len(received) - before == 1, "delivered exactly once"
        assert await nudge_statuses(limber, ann.chat_id) == ["unknown"]


async def test_a_502_is_retried_and_the_nudge_arrives_once(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await to_next_morning(limber, clock)
        api.reset_calls()
        api.fail_next("sendMessage", status=502)
        report = await limber.services.nudge_sweeper(
            telegram_sender(limber.application.bot), rate=25, sleep=no_wait
        ).sweep()
        assert report.sent == 1
        assert [call.status for call in api.calls("sendMessage")] == [502, 200]


async def no_wait(_seconds: float) -> None:
    return None


async def test_catch_up_after_a_30_hour_outage_gives_exactly_one_nudge(
    api: FakeBotApi, sqlite_url: str
) -> None:
    """The last sweep ran at 04:30 Berlin; the bot was down 30 h, until 10:30 the day after
    (the stored nudge, yesterday 09:00, is 25.5 h late; today's is 1.5 h late: within 2 h)."""
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        clock.advance(hours=1, minutes=1)
        assert (await sweeper(limber).sweep()).sent == 0  # today's routine is done
        clock.now = MORNING + timedelta(days=1) - timedelta(hours=3, minutes=30)  # 04:30
        assert (await sweeper(limber).sweep()).claimed == 0
        api.reset_calls()
        clock.advance(hours=30)  # 10:30 Berlin, the day after tomorrow
        report = await sweeper(limber).sweep()
        assert report.sent == 1
        for _ in range(6):
            clock.advance(minutes=15)
            assert (await sweeper(limber).sweep()).claimed == 0
        assert len(api.calls("sendMessage")) == 1
        assert await next_nudge(limber, ann.chat_id) == MORNING + timedelta(days=3, hours=1)
        assert not limber.errors


async def test_the_morning_after_a_rest_day_the_nudge_is_the_check_in_question(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await next_morning_nudge(limber, clock)
        await ann.tap("Same")
        await ann.tap("Start now")
        assert "How sore is your back right now?" in ann.last_text
        await ann.tap("8")  # too sore: a rest day, no routine
        assert "Routine done" not in ann.last_text
        await next_morning_nudge(limber, clock)
        nudge = api.last_message(ann.chat_id)
        assert nudge.text == "How is your back today, compared with yesterday?"
        assert nudge.labels == ["🙂 Better", "😐 Same", "🙁 Worse"]
        assert "ready" not in (nudge.text or "")
        await ann.tap("Better")
        assert "Thanks — noted." in ann.last_text
        assert not limber.errors


# --- issue 11: Change asks the zone too; a typed city is a zone ----------------------------


async def test_change_asks_the_zone_again_with_the_current_one_first(
    api: FakeBotApi, sqlite_url: str
) -> None:
    """Someone who moved changes both: Change → a time → the zone (a typed city will do)."""
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await ann.send("/reminders")
        assert "Every day at 09:00, Berlin" in ann.last_text
        await ann.tap("Change")
        assert "When should I remind you?" in ann.last_text
        await ann.tap("07:00")
        assert "which time zone" in ann.last_text
        keyboard = api.reply_keyboard(ann.chat_id)
        assert keyboard[1] == ["Berlin"]  # after 📍: the zone they have, one tap to keep
        assert sum(row.count("Berlin") for row in keyboard) == 1
        assert ["London", "New York"] in keyboard
        await ann.send("new york")
        assert "Every day at 07:00, New York — next: today 07:00" in ann.last_text
        # 07:00 in New York in November is 12:00 UTC.
        assert await next_nudge(limber, ann.chat_id) == datetime(2026, 11, 26, 12, tzinfo=UTC)
        assert not limber.errors


async def test_change_keeps_the_zone_with_one_tap_and_a_bad_zone_offers_it_again(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await ann.send("/reminders")
        await ann.tap("Change")
        await ann.tap("Another time")
        await ann.send("18:30")
        await ann.send("Atlantis")
        assert "couldn't work out your time zone" in ann.last_text
        assert api.reply_keyboard(ann.chat_id)[1] == ["Berlin"]
        await ann.send("Europe/Berlin")
        assert "Every day at 18:30, Berlin — next: today 18:30" in ann.last_text
        # 18:30 in Berlin in November is 17:30 UTC.
        assert await next_nudge(limber, ann.chat_id) == datetime(2026, 11, 26, 17, 30, tzinfo=UTC)
        assert not limber.errors


async def test_a_typed_city_sets_the_zone(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url, clock=FakeClock(MORNING)) as limber:
        ann = limber.user()
        await ann.send("/start")
        await ann.tap("I understand")
        await ann.tap("None of these")  # the emergency signs
        await ann.tap("None of these")  # the see-a-doctor signs
        await ann.send("/reminders")
        await ann.tap("08:00")
        await ann.send("Berlin")
        assert "Every day at 08:00, Berlin" in ann.last_text
        assert not limber.errors
