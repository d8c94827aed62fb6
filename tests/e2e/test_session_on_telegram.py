"""A person on Telegram: onboarding, a whole routine, a restart mid-session, and bad input."""

from __future__ import annotations

import sqlite3

import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import ChatUser

EXERCISES = (
    "Pelvic tilt",
    "Bridge",
    "Knee to chest",
    "Double knee to chest",
    "Trunk rotation",
    "Prayer stretch",
    "Plank → upward dog → downward dog",
)


def rows(database_url: str, query: str) -> list[tuple[object, ...]]:
    path = database_url.removeprefix("sqlite+aiosqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


async def onboard(ann: ChatUser, soreness: str = "4") -> None:
    await ann.send("/start")
    assert "not a specific diagnosis" in ann.last_text
    await ann.tap("I understand")
    assert "do any of these apply" in ann.last_text
    await ann.tap("None of these")  # the emergency signs
    await ann.tap("None of these")  # the see-a-doctor signs
    assert "How sore is your back right now?" in ann.last_text
    await ann.tap(soreness)


async def test_a_whole_routine_is_tapped_through_and_stored(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann, soreness="4")
        live_message = api.last_message(ann.chat_id).message_id
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
        assert "to comfort, not to pain" in ann.last_text

        api.reset_calls()
        await ann.tap("Done")
        assert "Exercise 2 of 7 · Bridge" in ann.last_text
        taps = 1
        await ann.tap("Too painful")
        assert "Stop this one" in ann.last_text
        assert "hurt is not harm" not in ann.last_text
        await ann.tap("gentler option")
        assert "(gentler)" in ann.last_text
        await ann.tap("Done")
        taps += 3
        for title in EXERCISES[2:6]:
            assert title in ann.last_text
            await ann.tap("Done")
            taps += 1
        assert "Exercise 7 of 7" in ann.last_text
        await ann.tap("Skip")
        taps += 1
        assert "How sore is your back now?" in ann.last_text
        await ann.tap("2")
        taps += 1

        summary = ann.last_text
        assert "Routine done" in summary
        assert "5 done, 1 gentler, 1 too painful, 1 skipped" in summary, "the pain stays"
        assert "Soreness: 4 → 2 out of 10." in summary
        # The whole routine happened in one message, edited in place, each tap answered once.
        assert api.last_message(ann.chat_id).message_id == live_message
        assert len(api.calls("answerCallbackQuery")) == taps
        assert len(api.calls("editMessageText")) == taps
        assert api.calls("sendMessage") == []
        assert not api.unanswered_callback_queries()
        assert not limber.errors

    [(status, before, after)] = rows(
        sqlite_url, "SELECT status, soreness_before, soreness_after FROM sessions"
    )
    assert (status, before, after) == ("completed", 4, 2)
    outcomes = rows(sqlite_url, "SELECT exercise_key, outcome FROM step_results ORDER BY step")
    assert outcomes == [
        ("pelvic_tilt", "done"),
        ("bridge", "pain_gentler"),
        ("knee_to_chest", "done"),
        ("double_knee_to_chest", "done"),
        ("trunk_rotation", "done"),
        ("prayer_stretch", "done"),
        ("plank_dog_flow", "skipped"),
    ]
    reports = rows(sqlite_url, "SELECT context, score FROM soreness_reports ORDER BY id")
    assert reports == [("before", 4), ("after", 2)]


async def test_a_restart_mid_session_resumes_on_the_same_exercise(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as first_process:
        ann = first_process.user()
        await onboard(ann)
        await ann.tap("Done")
        await ann.tap("Done")
        assert "Exercise 3 of 7 · Knee to chest" in ann.last_text

    async with running_limber(api, sqlite_url) as second_process:
        ann = second_process.user()
        await ann.send("/start")
        assert "you were on exercise 3 of 7 · Knee to chest" in ann.last_text
        await ann.tap("Done")
        assert "Exercise 4 of 7 · Double knee to chest" in ann.last_text
        assert not second_process.errors

    steps = rows(sqlite_url, "SELECT step FROM step_results ORDER BY step")
    assert steps == [(0,), (1,), (2,)]


async def test_pause_then_continue(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("Pause")
        assert "Paused at exercise 1 of 7" in ann.last_text
        await ann.send("/session")
        assert "Paused at exercise 1 of 7" in ann.last_text
        await ann.tap("Continue")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text


async def test_a_double_tap_counts_once_and_an_old_button_changes_nothing(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        message_id = api.last_message(ann.chat_id).message_id
        done = api.button_data(ann.chat_id, "Done")
        first = ann.updates.callback(done, message=message_id)
        second = ann.updates.callback(done, message=message_id)
        await limber.application.process_update(first)
        await limber.application.process_update(second)

        answers = [call.params.get("text") for call in api.calls("answerCallbackQuery")]
        assert answers[-1] == "That step is already done."
        assert "Exercise 2 of 7 · Bridge" in ann.last_text
        assert not limber.errors
    assert rows(sqlite_url, "SELECT count(*) FROM step_results") == [(1,)]


@pytest.mark.parametrize(
    ("data", "answer"),
    [
        ("s1:done:999:0", "That button is from an earlier session."),
        ("definitely not ours", "Sorry, I didn't understand that button."),
        ("s1:n11:1:0", "Sorry, I didn't understand that button."),
        ("", "Sorry, I didn't understand that button."),
    ],
)
async def test_forged_buttons_get_a_polite_answer(
    api: FakeBotApi, sqlite_url: str, data: str, answer: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        before = ann.last_text
        await limber.application.process_update(ann.updates.callback(data))
        assert api.last_call("answerCallbackQuery").params.get("text") == answer
        assert ann.last_text == before
        assert not limber.errors


async def test_stickers_photos_voice_long_text_and_unknown_commands_get_hints(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send_sticker()
        assert "I can only read text and button taps" in ann.last_text
        await ann.send_photo("my back")
        assert "I can only read text and button taps" in ann.last_text
        await ann.send_voice()
        assert "I can only read text and button taps" in ann.last_text
        await ann.send("/dance")
        assert "I don't know that command" in ann.last_text
        await ann.send("x" * 4000)
        assert "That's a long message" in ann.last_text
        await ann.send("hello")
        assert "/help lists what I can do" in ann.last_text
        await ann.send("/help")
        assert "/session" in ann.last_text
        await ann.send("/privacy")
        assert "What I store" in ann.last_text
        assert not limber.errors


async def test_soreness_can_be_typed(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send("/start")
        await ann.tap("I understand")
        await ann.tap("None of these")  # the emergency signs
        await ann.tap("None of these")  # the see-a-doctor signs
        await ann.send("eleven")
        assert "whole number from 0 to 10" in ann.last_text
        await ann.send("3")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
    assert rows(sqlite_url, "SELECT soreness_before FROM sessions") == [(3,)]


async def test_a_red_flag_answer_gives_advice_and_no_routine(
    api: FakeBotApi, sqlite_url: str
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await ann.send("/start")
        await ann.tap("I understand")
        await ann.tap("One of these applies")
        assert "emergency" in ann.last_text
        await ann.send("/session")
        assert "get checked first" in ann.last_text
        assert rows(sqlite_url, "SELECT count(*) FROM sessions") == [(0,)]
        assert ann.labels == ["↩️ I answered by mistake"]
        # A mistaken tap: the whole list is asked again, deliberately.
        await ann.tap("answered by mistake")
        assert "do any of these apply" in ann.last_text
        await ann.tap("None of these")  # the emergency signs
        await ann.tap("None of these")  # the see-a-doctor signs
        assert "How sore is your back right now?" in ann.last_text


async def test_the_command_menu_is_set_at_start_up(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url):
        commands = [command["command"] for command in api.commands()]
    assert commands == [
        "session",
        "progress",
        "reminders",
        "routine",
        "language",
        "help",
        "privacy",
        "export",
        "delete",
    ]


async def test_stopping_for_pain_ends_the_routine_kindly(api: FakeBotApi, sqlite_url: str) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann, soreness="5")
        await ann.tap("Too painful")
        await ann.tap("Stop for today")
        assert "How sore is your back now?" in ann.last_text
        await ann.tap("6")
        assert "You stopped early today" in ann.last_text
    assert rows(sqlite_url, "SELECT status FROM sessions") == [("stopped_for_pain",)]
