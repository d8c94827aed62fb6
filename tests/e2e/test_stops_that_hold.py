"""Stops that hold, on the real Application (issue 9): a see-a-doctor sign, a possible sign, another
language, a rest day, a flare-up. While a stop holds there is no exercise screen and no dose rise;
after it lifts, the right screen."""

from __future__ import annotations

from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.progress_helpers import (
    decline_reminders,
    onboard,
    routine,
    sqlite_rows,
)

MISTAKE = "↩️ I answered by mistake"
DOCTOR_OK = "✅ My doctor knows and said exercise is fine"
YES, FULL_LIST, NO = "⚠️ Yes, one of these", "📋 See the full list", "💬 No, something else"


async def test_a_see_a_doctor_sign_needs_an_acknowledgement_then_restarts_gently(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)

        await ann.send("I take steroid tablets for my asthma and I slipped on the stairs")
        assert "worth checking with a doctor" in ann.last_text
        assert ann.labels == [DOCTOR_OK, MISTAKE]
        await ann.send("/session")
        assert "Exercise" not in ann.last_text
        assert ann.labels == [DOCTOR_OK, MISTAKE]

        clock.advance(days=1)  # one routine a day: the next one is tomorrow's
        await ann.tap("My doctor knows")
        # The next session starts gently: the gentler options first, and no increases for a while.
        assert "gentler option first" in ann.last_text
        await ann.tap("Same")  # yesterday's routine: the morning-after question comes first
        assert "How sore is your back right now?" in ann.last_text
        await ann.tap("2")
        assert "Exercise 1 of 7 · Pelvic tilt (gentler)" in ann.last_text
        assert not limber.errors
    events = sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events ORDER BY id")
    assert events == [("text_flag", "see_doctor"), ("assessed", None)]


async def test_a_possible_sign_is_asked_about_never_hinted_past(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.send("four")  # a number in words is a soreness score too
        assert "Exercise 1 of 7" in ann.last_text
        await ann.send("I slipped in the shower")
        assert "are you describing any of these?" in ann.last_text
        assert ann.labels == [YES, FULL_LIST, NO]
        await ann.tap("No, something else")
        assert "Thanks for checking" in ann.last_text
        assert sqlite_rows(sqlite_url, "SELECT safety_screen FROM users") == [("clear",)]

        await ann.send("something is off with my bum")
        assert "are you describing any of these?" in ann.last_text
        await ann.tap("Yes, one of these")
        assert "emergency" in ann.last_text
        assert ann.labels == [MISTAKE]
        assert sqlite_rows(sqlite_url, "SELECT safety_screen FROM users") == [("flagged",)]
        assert sqlite_rows(sqlite_url, "SELECT paused FROM sessions") == [(1,)]
        assert not limber.errors


async def test_another_language_gets_the_warning_signs_in_english(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("3")
        for message in ("Ich habe starke Rückenschmerzen und kann nicht pinkeln", "背中が痛い"):
            await ann.send(message)
            assert "I can't read that language yet" in ann.last_text
            assert "not being able to pee" in ann.last_text
        assert not limber.errors


async def test_a_long_message_is_screened_whole(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        filler = "I did my stretches this morning and the weather was lovely. " * 20
        await ann.send(filler + "Since yesterday I cannot feel when I wipe. " + filler)
        assert "emergency" in ann.last_text
        assert sqlite_rows(sqlite_url, "SELECT safety_screen FROM users") == [("flagged",)]
        assert not limber.errors


async def test_a_rest_day_holds_for_the_day(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("8")
        assert "no routine today" in ann.last_text
        assert "112, 911 or 999" in ann.last_text
        assert "urgently" not in ann.last_text

        # The same day: /session again, a lower score — only the gentle version.
        clock.advance(minutes=5)
        await ann.send("/session")
        await ann.tap("5")
        assert "Exercise 1 of 7 · Pelvic tilt (gentler)" in ann.last_text
        assert not limber.errors


async def test_a_flare_up_is_not_celebrated_and_the_next_session_is_gentle(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        first = await routine(ann, before=2, after=9)
        assert "🎉" not in first.summary
        assert "a bit sorer is fine" not in first.summary.lower()
        assert "a lot sorer" in first.summary
        await decline_reminders(ann)

        clock.advance(days=1)
        await ann.send("/session")
        assert "how did your back feel the morning after" in ann.last_text
        await ann.tap("Worse")
        assert "goes back to" in ann.last_text or "gentler option" in ann.last_text
        await ann.tap("3")
        assert "(gentler)" in ann.last_text
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM doses WHERE reps > 10") == [(0,)]
