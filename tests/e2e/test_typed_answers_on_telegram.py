"""Typing instead of tapping, through the fake Bot API: words do what their buttons do, small talk
gets a friendly line that says where the person is, and nothing harmless gets the warning signs."""

from __future__ import annotations

import sqlite3

from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.progress_helpers import decline_reminders, onboard, routine


def rows(database_url: str, query: str) -> list[tuple[object, ...]]:
    path = database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


async def test_a_whole_routine_can_be_typed(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.send("about a 5")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
        await ann.send("done!")
        assert "Exercise 2 of 7 · Bridge" in ann.last_text
        await ann.send("ouch this hurts")
        assert "Stop this one" in ann.last_text, "it hurts → ease off"
        await ann.send("an easier one please")
        assert "Bridge (gentler)" in ann.last_text
        await ann.send("finished")
        assert "Exercise 3 of 7 · Knee to chest" in ann.last_text
        await ann.send("can we skip this one pls")
        assert "Exercise 4 of 7" in ann.last_text
        await ann.send("gentler")
        assert "Double knee to chest (gentler)" in ann.last_text, "🌱 without any pain"
        await ann.send("hang on a sec")
        assert "Paused at exercise 4 of 7" in ann.last_text
        await ann.send("ok I'm back, continue")
        assert "Exercise 4 of 7" in ann.last_text
        for _ in range(4):
            await ann.send("done")
        assert "How sore is your back now?" in ann.last_text
        await ann.send("3 out of 10")
        assert "Routine done" in ann.last_text
        assert not limber.errors
    assert rows(sqlite_url, "SELECT soreness_before, soreness_after, status FROM sessions") == [
        (5, 3, "completed")
    ]
    outcomes = rows(sqlite_url, "SELECT step, outcome FROM step_results ORDER BY step")
    assert outcomes[:4] == [
        (0, "done"),
        (1, "pain_gentler"),  # it hurt, then the gentler option: the record keeps both
        (2, "skipped"),
        (3, "gentler_done"),
    ]


async def test_small_talk_and_typos_get_a_line_about_the_step_never_the_warning_signs(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.send("hello")
        assert ann.last_text.startswith("Hi! How sore is your back?")
        await ann.send("4")
        for text, opener in (
            ("hello there", "Hi!"),
            ("thanks!", "You're welcome!"),
            ("ok", "👍"),
            ("sdfkjh qwpeoi", "Sorry, I didn't catch that."),
            ("helloooo", "Hi!"),
        ):
            await ann.send(text)
            assert ann.last_text.startswith(opener), (text, ann.last_text)
            assert "exercise 1 of 7 · Pelvic tilt" in ann.last_text
            assert "warning sign" not in ann.last_text
            assert "/session to start" not in ann.last_text, "mid-routine: never 'start'"
            assert "English" not in ann.last_text
        await ann.send("this hurts")
        await ann.send("what now?")
        assert "gentler option" in ann.last_text
        assert "stop for today" in ann.last_text
        assert not limber.errors
    assert rows(sqlite_url, "SELECT count(*) FROM step_results") == [(0,)]


async def test_a_number_off_the_scale_is_asked_again(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.send("12")
        assert "whole number from 0 to 10" in ann.last_text
        await ann.send("slept 8 hours")
        assert "whole number from 0 to 10" in ann.last_text
        await ann.send("five-ish")
        assert "Exercise 1 of 7" in ann.last_text
    assert rows(sqlite_url, "SELECT soreness_before FROM sessions") == [(5,)]


async def test_a_typed_guide_me_sends_the_voice_guide_or_says_why_not(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.send("3")
        api.reset_calls()
        await ann.send("talk me through it")
        sent = [call.method for call in api.calls()]
        assert "sendVoice" in sent or "voice guide isn't available" in ann.last_text, sent
        assert not limber.errors


async def test_the_morning_check_in_can_be_typed(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)
        clock.advance(days=1)
        await ann.send("a bit worse than before tbh")
        assert "Here is what changes next time" in ann.last_text or "gentlest" in ann.last_text
        assert not limber.errors
    assert rows(sqlite_url, "SELECT answer FROM check_ins") == [("worse",)]
