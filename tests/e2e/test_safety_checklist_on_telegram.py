"""The warning-sign checklist in two parts, the confirm question, a safe undo and how soon to see a
doctor (issue 14, items 5, 6, 7 and 9), on the real Application and the recording fake Bot API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.routine.content import Content
from bot.routine.screens import Screens
from tests.e2e.test_nudges_on_telegram import (
    MORNING,
    nudge_statuses,
    onboard_with_reminder,
    sweeper,
    to_next_morning,
)
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.progress_helpers import decline_reminders, onboard, routine, sqlite_rows
from tests.support.updates import ChatUser

MISTAKE = "↩️ I answered by mistake"
DOCTOR_OK = "✅ My doctor knows and said exercise is fine"
NONE = "✅ None of these"
EMERGENCY_SOME = "⚠️ One of these applies"
DOCTOR_SOME = "🩺 One of these applies"
YES, FULL_LIST, NO = "⚠️ Yes, one of these", "📋 See the full list", "💬 No, something else"


def flat(text: str) -> str:
    return " ".join(text.split())


def bullets(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("• ")]


async def consented(ann: ChatUser) -> None:
    await ann.send("/start")
    await ann.tap("I understand")


async def test_the_emergency_part_gives_the_emergency_advice_and_its_waiting_period(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    onboarding = content.texts.onboarding
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await consented(ann)
        assert onboarding.red_flags_question in ann.last_text
        assert "under 20 or over 50" not in ann.last_text, "the age item is not an emergency sign"
        assert ann.labels == [NONE, EMERGENCY_SOME]

        await ann.tap("One of these applies")
        assert flat(onboarding.red_flags_urgent) in flat(ann.last_text)
        assert "in about 6 hours" in ann.last_text
        assert ann.labels == [MISTAKE]
        await ann.send("/session")
        assert "get checked first" in ann.last_text
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT safety_screen, safety_level FROM users") == [
        ("flagged", "emergency")
    ]
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM sessions") == [(0,)]


async def test_the_see_a_doctor_part_age_included_asks_for_the_doctor_never_the_emergency_lock(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await consented(ann)
        await ann.tap("None of these")
        assert content.texts.onboarding.doctor_flags_question in ann.last_text
        assert "new back pain and you are under 20 or over 50" in ann.last_text
        assert ann.labels == [NONE, DOCTOR_SOME]

        await ann.tap("🩺 One of these applies")  # say: new back pain, and 55 years old
        advice = ann.last_text
        today, later = (block for block in advice.split("\n\n") if block.startswith(("🕐", "📅")))
        assert "Today" in today
        assert "fever" in today
        assert "within the next few days" in later.casefold()
        assert "under 20 or over 50" in later
        assert "emergency department" not in advice
        assert "hours" not in advice, "no waiting period"
        assert advice.endswith(flat(content.texts.safety.safety_net))
        assert ann.labels == [DOCTOR_OK, MISTAKE]
        await ann.send("/session")
        assert "Exercise" not in ann.last_text
        assert ann.labels == [DOCTOR_OK, MISTAKE]

        clock.advance(minutes=1)  # no waiting period: the acknowledgement works at once
        await ann.tap("My doctor knows")
        assert "gentler option first" in ann.last_text
        await ann.tap("2")
        assert "Exercise 1 of 7 · Pelvic tilt (gentler)" in ann.last_text
        assert not limber.errors
    events = sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events ORDER BY id")
    assert events == [("screen_flag", "see_doctor"), ("assessed", None)]


async def test_the_confirm_question_is_short_and_no_ends_with_the_safety_net(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    safety = content.texts.safety
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("3")
        await ann.send("something is off with my bum")
        question = ann.last_text
        assert safety.possible_question in question
        assert 1 <= len(bullets(question)) <= 5
        assert len(question.splitlines()) <= 7
        assert ann.labels == [YES, FULL_LIST, NO]

        await ann.tap("No, something else")
        assert ann.last_text.splitlines()[-1] == flat(safety.safety_net)
        assert "emergency number" in ann.last_text
        assert sqlite_rows(sqlite_url, "SELECT safety_screen FROM users") == [("clear",)]

        # The full list: both parts, then the same thanks and safety net.
        await ann.send("something is off with my bum")
        await ann.tap("See the full list")
        for item in content.texts.onboarding.checklist:
            assert (item.text in ann.last_text) is (item.level == "emergency"), item.id
        await ann.tap("None of these")
        assert "under 20 or over 50" in ann.last_text
        await ann.tap("None of these")
        assert ann.last_text.endswith(flat(safety.safety_net))
        assert sqlite_rows(sqlite_url, "SELECT safety_screen, safety_level FROM users") == [
            ("clear", None)
        ]
        assert not limber.errors


async def test_yes_to_a_question_that_listed_only_see_a_doctor_signs_is_the_doctor_advice(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    safety = content.texts.safety
    # The question a message about an age gets ("I'm 55"): its "Yes" names only the age item.
    question = Screens(content).possible_red_flag(("AGE",))
    assert [line.removeprefix("• ") for line in bullets(question.text)] == [
        "new back pain and you are under 20 or over 50"
    ]
    yes = question.rows[0][0]
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await limber.application.process_update(ann.updates.callback(yes.data))
        advice = ann.last_text
        assert flat(safety.text_doctor) in advice
        assert flat(safety.doctor_when.few_days) in advice
        assert "emergency department" not in advice
        assert advice.endswith(flat(safety.safety_net))
        assert ann.labels == [DOCTOR_OK, MISTAKE]
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT safety_level FROM users") == [("see_doctor",)]


async def test_a_same_day_sign_in_free_text_says_today(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)
        await ann.send("I have a fever and chills with my back pain")
        assert "today" in ann.last_text
        assert flat(content.texts.safety.doctor_when.same_day) in ann.last_text
        assert ann.last_text.endswith(flat(content.texts.safety.safety_net))
        assert ann.labels == [DOCTOR_OK, MISTAKE]
        assert not limber.errors


async def test_undoing_a_typed_emergency_sign_restarts_gently_with_the_safety_net(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock(datetime.now(UTC))
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("3")
        exercise = api.last_message(ann.chat_id)
        assert "Exercise 1 of 7 · Pelvic tilt\n" in ann.last_text + "\n"
        await ann.send("I can't control my bladder since yesterday")
        assert "emergency" in ann.last_text

        await ann.tap("answered by mistake")
        assert content.texts.onboarding.red_flags_question in ann.last_text
        await ann.send("/session")  # still the list, not the routine
        assert ann.labels == [NONE, EMERGENCY_SOME]
        await ann.tap("Done", message_id=exercise.message_id)  # an old button moves nothing
        tapped = api.message(ann.chat_id, exercise.message_id).text or ""
        assert content.texts.onboarding.red_flags_question in tapped
        assert sqlite_rows(sqlite_url, "SELECT count(*) FROM step_results") == [(0,)]
        await ann.tap("None of these")
        await ann.tap("None of these")
        restart = ann.last_text
        assert "gentler option first" in restart
        assert flat(content.texts.safety.safety_net) in flat(restart)
        await ann.tap("Continue")
        assert "Exercise 1 of 7 · Pelvic tilt (gentler)" in ann.last_text
        await ann.tap("Done")
        assert "Exercise 2 of 7 · Bridge (gentler)" in ann.last_text
        assert not limber.errors
    cleared = sqlite_rows(sqlite_url, "SELECT safety_screen, safety_cleared_at FROM users")
    assert cleared[0][0] == "clear"
    assert cleared[0][1] is not None, "no dose rises for the no-rise period"
    events = sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events ORDER BY id")
    assert events == [("text_flag", "emergency"), ("withdrawn", None)]


async def test_no_nudge_until_a_withdrawn_sign_is_answered_again(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard_with_reminder(ann, api)
        await ann.send("Since this morning I can't control my bladder")
        await ann.tap("answered by mistake")
        api.reset_calls()
        await to_next_morning(limber, clock)
        assert (await sweeper(limber).sweep()).claimed == 0, "the list is not answered yet"
        assert await nudge_statuses(limber, ann.chat_id) == []

        await ann.tap("None of these")
        await ann.tap("None of these")
        assert "gentler option first" in ann.last_text
        clock.now = clock.now.replace(hour=8, minute=1) + timedelta(days=1)
        assert (await sweeper(limber).sweep()).sent == 1
        assert not limber.errors
