"""Whose sign, and is it one now, through the fake Bot API: another adult's sign gets the advice for
them and pauses no one; a question about a sign that is not happening gets at most one short
question, never the emergency pause; the person's own sign, asked as a question, still stops."""

from __future__ import annotations

import sqlite3

from bot.routine.content import Content
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.progress_helpers import onboard
from tests.support.updates import ChatUser


def flagged(database_url: str) -> list[tuple[object, ...]]:
    path = database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT safety_screen FROM users").fetchall()


async def on_the_first_exercise(ann: ChatUser) -> None:
    await onboard(ann)
    await ann.tap("3")
    assert "Exercise 1 of 7" in ann.last_text


async def test_another_adults_sign_gets_advice_for_them_and_pauses_no_one(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await on_the_first_exercise(ann)
        await ann.send("my dad hasn't been able to pee since this morning and his legs are weak")
        assert ann.last_text == content.texts.safety.text_urgent_other
        await ann.send("/session")
        assert "Exercise 1 of 7" in ann.last_text, "the person's own routine goes on"
        assert not limber.errors
    assert flagged(sqlite_url) == [("clear",)]


async def test_a_hypothetical_or_a_definition_never_pauses_the_routine(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await on_the_first_exercise(ann)
        for text in (
            "what should I do if I ever lose control of my bladder?",
            "my GP said to go to A&E if my bum goes numb",
            "what does saddle anaesthesia mean?",
            "years ago I lost feeling in my legs after a fall, fine since",
            "my toddler wet the bed again",
        ):
            await ann.send(text)
            assert "emergency department now" not in ann.last_text, text
            assert "paused" not in ann.last_text, text
        await ann.send("done")
        assert "Exercise 2 of 7" in ann.last_text
        assert not limber.errors
    assert flagged(sqlite_url) == [("clear",)]


async def test_a_question_about_ones_own_sign_now_stops_the_routine(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await on_the_first_exercise(ann)
        await ann.send("is it normal that I can't feel the toilet paper when I wipe?")
        assert "emergency department now" in ann.last_text
        assert not limber.errors
    assert flagged(sqlite_url) == [("flagged",)]


async def test_every_text_is_screened_whatever_is_asked(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        # At the soreness question, a language Limber does not read (an emergency in it) gets
        # the card (Russian has word files now: a Russian sign gets the advice itself).
        await ann.send("Ich spüre meinen Hintern nicht und kann nicht pinkeln")
        assert "whole number from 0 to 10" not in ann.last_text
        assert content.texts.safety.not_english in ann.last_text
        await ann.tap("3")
        await ann.send("/reminders")
        await ann.tap("Another time")
        assert "Type the time" in ann.last_text
        # A possible sign typed where a time is asked is asked about; the time still works after.
        await ann.send("I slipped on the stairs yesterday")
        assert content.texts.safety.possible_question in ann.last_text
        await ann.send("7:30")
        assert "time zone" in ann.last_text
        # A clear sign typed where a zone is asked stops everything.
        await ann.send("I've wet myself and can't feel my legs")
        assert "emergency department now" in ann.last_text
        assert not limber.errors
    assert flagged(sqlite_url) == [("flagged",)]
