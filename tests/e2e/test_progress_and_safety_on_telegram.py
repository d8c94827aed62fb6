"""Progress, adaptation and safety on Telegram: what a person sees over days of routines.

The real Application on the recording fake Bot API, a SQLite file, and a clock moved by hand:
three good days raise the dose, "too painful" twice makes the gentler option the default, a
flare-up asks about the morning first, red flags pause the routine, and /progress sends a chart.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.routine.content import Content
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.progress_helpers import (
    EXERCISES,
    PAINFUL_THEN_GENTLER,
    PAINFUL_THEN_SKIP,
    SKIP,
    all_text_cells,
    decline_reminders,
    onboard,
    png_size,
    routine,
    set_reminder_at_nine_in_berlin,
    sqlite_rows,
    sweeper,
)

# 07:00 UTC is 08:00 in Berlin in November; the default FakeClock starts at 08:00 UTC.
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
CHECK_IN_BUTTONS = ["🙂 Better", "😐 Same", "🙁 Worse"]
NUDGE_BUTTONS = ["▶️ Start now", "⏰ Snooze 1 h", "🚫 Skip today"]


def shows(sent: str, content_text: str) -> bool:
    """Whether a text from content/texts.yaml is in what was sent (spacing aside)."""
    return " ".join(content_text.split()) in " ".join(sent.split())


# --- 1. three good sessions raise the dose ---------------------------------------------------


async def test_three_good_days_raise_the_dose_and_the_next_session_shows_it(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        first = await routine(ann, before=3, after=3)
        assert "10 reps · hold about 5 s" in first.screens[0]
        assert "You're ready for more" not in first.summary
        await decline_reminders(ann)

        clock.advance(days=1)
        await ann.send("/session")
        # No reminders: the morning check-in comes first at /session (the 24-hour rule for
        # everyone); `routine` answers it "Same".
        assert "how did your back feel the morning after" in ann.last_text
        second = await routine(ann, before=3, after=4)
        assert "You're ready for more" not in second.summary

        clock.advance(days=1)
        await ann.send("/session")
        third = await routine(ann, before=3, after=2)
        summary = third.summary
        assert (
            "💪 You're ready for more: next time Pelvic tilt goes up to 12 reps · hold about 5 s."
        ) in summary
        assert "next time Bridge goes up to 12 reps · hold about 3 s." in summary
        assert "next time Plank → upward dog → downward dog goes up to 4 reps" in summary
        # Nothing goes beyond the video's own dose ("30 seconds ... three on each side").
        assert "Knee to chest goes up" not in summary
        assert "🔥 3 days in a row." in summary

        clock.advance(days=1)
        await ann.send("/session")
        await ann.tap("Same")  # the morning check-in comes first
        await ann.tap("3")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
        assert "12 reps · hold about 5 s" in ann.last_text
        await ann.tap("Done")
        assert "Exercise 2 of 7 · Bridge" in ann.last_text
        assert "12 reps · hold about 3 s" in ann.last_text
        await ann.tap("Done")
        assert "hold about 30 s" in ann.last_text, "knee to chest stays at the video's 30 s"
        assert "⏱ Start 30 s timer" in ann.labels
        assert not limber.errors

    sessions = [session_id for (session_id,) in sqlite_rows(sqlite_url, "SELECT id FROM sessions")]
    doses = sqlite_rows(
        sqlite_url,
        "SELECT exercise_key, reps, hold_seconds, gentler_default, raised_after FROM doses",
    )
    by_key = {key: (reps, hold, gentler, raised) for key, reps, hold, gentler, raised in doses}
    third_id = sessions[2]
    assert by_key["pelvic_tilt"] == (12, 5, 0, third_id)
    assert by_key["bridge"] == (12, 3, 0, third_id)
    assert by_key["plank_dog_flow"] == (4, 5, 0, third_id)
    # Only what the video lets grow has a row ("work your way up to more", "three to five times").
    assert set(by_key) == {"pelvic_tilt", "bridge", "plank_dog_flow"}
    # The fourth session's rows carry the dose that was given.
    given = sqlite_rows(
        sqlite_url,
        "SELECT exercise_key, reps, hold_seconds FROM step_results"
        f" WHERE session_id = {sessions[3]} ORDER BY step",
    )
    assert given == [("pelvic_tilt", 12, 5), ("bridge", 12, 3)]


async def test_one_routine_a_day_so_a_dose_never_rises_within_a_day(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)
        for _ in range(2):
            clock.advance(hours=2)
            await ann.send("/session")
            assert ann.last_text == content.texts.progress.done_today
            assert ann.labels == []
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM sessions") == [(1,)]
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM doses") == [(0,)]


# --- 2. two "too painful" in a row: the gentler option by default ----------------------------


async def test_bridge_too_painful_twice_opens_it_gentler_next_time(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock()
    gentler_line = "🌱 Bridge starts with its gentler option (Half bridge)."
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        first = await routine(ann, before=3, after=3, taps={"Bridge": PAINFUL_THEN_SKIP})
        assert "0 too painful" not in first.summary
        assert gentler_line not in first.summary
        await decline_reminders(ann)

        clock.advance(days=1)
        await ann.send("/session")
        second = await routine(ann, before=3, after=3, taps={"Bridge": PAINFUL_THEN_GENTLER})
        assert "(gentler)" not in second.screens[1], "Bridge was not the gentler one yet"
        assert gentler_line in second.summary
        progress = content.texts.progress
        assert progress.gentler_default.format(title="Bridge", gentler="Half bridge") in (
            second.summary
        )

        clock.advance(days=1)
        await ann.send("/session")
        third = await routine(ann, before=3, after=3)
        assert "(gentler)" not in third.screens[0]
        bridge = third.screens[1]
        assert "Exercise 2 of 7 · Bridge (gentler)" in bridge
        assert "Half bridge" in bridge
        assert "5 reps · hold about 2 s" in bridge
        assert all("(gentler)" not in screen for screen in third.screens[2:])
        assert not limber.errors

    assert sqlite_rows(
        sqlite_url, "SELECT gentler_default FROM doses WHERE exercise_key = 'bridge'"
    ) == [(1,)]
    outcomes = sqlite_rows(
        sqlite_url, "SELECT outcome FROM step_results WHERE exercise_key = 'bridge' ORDER BY id"
    )
    # The second time, "too painful" then the gentler option: the pain stays in the record.
    assert outcomes == [("too_painful",), ("pain_gentler",), ("gentler_done",)]


# --- 3. red flags in free text ---------------------------------------------------------------


async def test_an_urgent_red_flag_in_text_pauses_the_routine_until_a_clinician_checked(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    safety = content.texts.safety
    clock = FakeClock(datetime.now(UTC))
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("3")
        exercise = api.last_message(ann.chat_id)
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text

        # A negated sign is not a red flag: the ordinary hint, the routine goes on.
        await ann.send("no numbness around my groin or buttocks")
        assert "You're on exercise 1 of 7 · Pelvic tilt" in ann.last_text
        assert "warning sign" not in ann.last_text
        await ann.send("no numbness at all")
        assert "You're on exercise 1 of 7 · Pelvic tilt" in ann.last_text

        await ann.send("I can't control my bladder since yesterday")
        reply = api.last_message(ann.chat_id)
        assert reply.message_id != exercise.message_id, "the advice comes as a new message"
        assert shows(reply.text or "", safety.text_urgent)
        assert "emergency" in (reply.text or "")
        # No one-tap way back: only "I answered by mistake" until the waiting period is over.
        assert reply.labels == ["↩️ I answered by mistake"]
        assert "112, 911 or 999" in (reply.text or "")

        # /session gives the advice, not the routine.
        await ann.send("/session")
        assert "get checked first" in ann.last_text
        assert ann.labels == ["↩️ I answered by mistake"]

        # The old exercise message's buttons do not move the routine on.
        await ann.tap("Done", message_id=exercise.message_id)
        tapped = api.message(ann.chat_id, exercise.message_id).text or ""
        assert "get checked first" in tapped, tapped
        assert sqlite_rows(sqlite_url, "SELECT count(*) FROM step_results") == [(0,)]
        assert sqlite_rows(sqlite_url, "SELECT paused FROM sessions") == [(1,)]

        # A forged "I've been checked" before the wait changes nothing.
        await limber.application.process_update(ann.updates.callback("o1:assessed"))
        assert "get checked first" in ann.last_text
        assert sqlite_rows(sqlite_url, "SELECT safety_screen FROM users") == [("flagged",)]

        # After the waiting period, once checked by a clinician, they are back where they were.
        clock.advance(hours=content.routine.rules.emergency_clearance_wait_hours)
        await ann.send("/session")
        assert ann.labels == [
            "🩺 I've been checked and told I can exercise",
            "↩️ I answered by mistake",
        ]
        await ann.tap("checked and told I can exercise")
        assert "Paused at exercise 1 of 7 · Pelvic tilt" in ann.last_text
        await ann.tap("Continue")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
        await ann.tap("Done")
        assert "Exercise 2 of 7 · Bridge" in ann.last_text
        assert not limber.errors

    events = sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events ORDER BY id")
    assert events == [("text_flag", "emergency"), ("assessed", None)]
    columns = {
        name for (_, name, *_) in sqlite_rows(sqlite_url, "PRAGMA table_info(safety_events)")
    }
    assert columns == {"id", "user_id", "at", "kind", "level"}
    stored = " ".join(all_text_cells(sqlite_url)).casefold()
    for word in ("bladder", "numbness", "groin"):
        assert word not in stored, f"{word!r} from a message was stored"


@pytest.mark.parametrize(
    ("message", "level", "reply_key"),
    [
        ("I have a fever", "see_doctor", "text_doctor"),
        ("My legs keep giving way", "emergency", "text_urgent"),
        ("I had back surgery in March", "see_doctor", "text_doctor"),
    ],
)
async def test_a_red_flag_text_with_no_session_open_gets_the_right_advice(
    api: FakeBotApi,
    sqlite_url: str,
    content: Content,
    message: str,
    level: str,
    reply_key: str,
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)

        await ann.send(message)
        assert shows(ann.last_text, getattr(content.texts.safety, reply_key))
        await ann.send("/session")
        assert "paused your routine" in ann.last_text
        assert "Exercise" not in ann.last_text
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events") == [
        ("text_flag", level)
    ]
    # Only the finished routine: no new session was opened while paused.
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM sessions") == [(1,)]


# --- 4. too sore to start: a rest day ----------------------------------------------------------


@pytest.mark.parametrize("answer", ["tap", "type"])
async def test_soreness_eight_before_gives_rest_day_advice_and_no_routine(
    api: FakeBotApi, sqlite_url: str, content: Content, answer: str
) -> None:
    safety = content.texts.safety
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        if answer == "tap":
            await ann.tap("8")
        else:
            await ann.send("8")
        assert shows(ann.last_text, safety.rest_day)
        assert shows(ann.last_text, safety.rest_day_seek_care)
        assert ann.labels == []
        assert "Exercise 1 of 7" not in api.visible_text(ann.chat_id)
        assert not limber.errors

    assert sqlite_rows(
        sqlite_url, "SELECT status, rest_day, soreness_before, soreness_after FROM sessions"
    ) == [("stopped_for_pain", 1, 8, None)]
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM step_results") == [(0,)]
    assert sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events") == [("too_sore", None)]


async def test_the_day_after_a_rest_day_the_routine_is_offered_again(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.tap("9")
        assert "no routine today" in ann.last_text
        clock.advance(days=1)
        await ann.send("/session")
        assert "How sore is your back right now?" in ann.last_text
        await ann.tap("4")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
        assert "(gentler)" not in ann.last_text
        assert not limber.errors


# --- 5. a flare-up: the check-in first, then a gentle start --------------------------------


async def test_a_flare_up_asks_about_the_morning_first_then_starts_gently(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        flare = await routine(ann, before=2, after=6)
        assert shows(flare.summary, content.texts.safety.flare_up)
        await decline_reminders(ann)

        clock.advance(days=1)
        await ann.send("/session")
        assert ann.last_text == content.texts.check_in.before_session
        assert ann.labels == CHECK_IN_BUTTONS
        # Asked again until answered: no session is opened behind it.
        await ann.send("/session")
        assert ann.last_text == content.texts.check_in.before_session
        assert sqlite_rows(sqlite_url, "SELECT count(*) FROM sessions") == [(1,)]

        await ann.tap("Same")
        assert ann.last_text.startswith("Thanks — noted.")
        gentle = await routine(ann, before=3, after=3)
        for number, (title, screen) in enumerate(zip(EXERCISES, gentle.screens, strict=True), 1):
            assert f"Exercise {number} of 7 · {title} (gentler)" in screen
        assert "7 gentler" in gentle.summary
        assert not limber.errors

    sessions = sqlite_rows(sqlite_url, "SELECT id, gentle_start FROM sessions ORDER BY id")
    assert [gentle_start for _, gentle_start in sessions] == [0, 1]
    assert sqlite_rows(sqlite_url, "SELECT session_id, answer FROM check_ins") == [
        (sessions[0][0], "same")
    ]
    assert ("flare_up", None) in sqlite_rows(sqlite_url, "SELECT kind, level FROM safety_events")


async def test_one_painful_bridge_and_a_gentle_start_do_not_make_bridge_gentler_by_default(
    api: FakeBotApi, sqlite_url: str
) -> None:
    """Only "too painful" twice in a row makes the gentler option the default (issue 4). After a
    flare-up the next session opens everything on its gentler option without any pain, so a Bridge
    done gently there is not a second "too painful"."""
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=2, after=5, taps={"Bridge": PAINFUL_THEN_SKIP})
        await decline_reminders(ann)
        clock.advance(days=1)
        await ann.send("/session")
        await ann.tap("Better")
        gentle = await routine(ann, before=2, after=2)
        assert "(gentler)" in gentle.screens[1]
        assert "Bridge starts with its gentler option" not in gentle.summary

        clock.advance(days=1)
        await ann.send("/session")
        await ann.tap("Same")  # the morning check-in comes first
        await ann.tap("2")
        await ann.tap("Done")
        assert "Exercise 2 of 7 · Bridge" in ann.last_text
        assert "(gentler)" not in ann.last_text


# --- 6. /progress: text and a chart ---------------------------------------------------------


async def test_progress_with_no_routine_yet_says_so_and_sends_no_chart(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await ann.send("/progress")
        assert ann.last_text == content.texts.progress.empty
        assert api.calls("sendPhoto") == []
        assert not limber.errors


async def test_progress_on_day_one_says_so_instead_of_100_percent(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    async with running_limber(api, sqlite_url) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=4, after=3)
        await decline_reminders(ann)
        api.reset_calls()
        await ann.send("/progress")
        [text_call] = api.calls("sendMessage")
        text = str(text_call.params["text"])
        assert content.texts.progress.adherence_first_day in text
        assert "100%" not in text
        assert not limber.errors


async def test_progress_after_a_few_days_sends_the_figures_and_a_png_chart(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=4, after=3)
        await decline_reminders(ann)
        clock.advance(days=1)
        await ann.send("/session")
        await routine(ann, before=3, after=2, taps={"Bridge": PAINFUL_THEN_GENTLER})
        clock.advance(days=1)
        await ann.send("/session")
        await routine(ann, before=2, after=1, taps={EXERCISES[-1]: SKIP})

        api.reset_calls()
        await ann.send("/progress")
        [text_call] = api.calls("sendMessage")
        text = str(text_call.params["text"])
        assert "📈 Your progress" in text
        assert "Routines done: 3." in text
        assert "Streak: 3 days in a row." in text
        assert "Since you started: a routine on 3 of 3 days." in text, "no % of three days"
        assert "Last 7 days" not in text
        assert "Soreness before → after, on average: 3.0 → 2.0 out of 10." in text
        assert "Pelvic tilt: 3 · 0 · 0 · 0" in text
        assert "Bridge: 2 · 1 · 1 · 0" in text, "too painful, then gentler: both counted"
        assert "Plank → upward dog → downward dog: 2 · 0 · 0 · 1" in text

        [photo_call] = api.calls("sendPhoto")
        assert photo_call.ok
        assert photo_call.params["chat_id"] == ann.chat_id
        photo = api.last_message(ann.chat_id)
        assert photo.kind == "photo"
        uploaded = api.uploaded_file(photo.raw["photo"][-1]["file_id"])
        assert uploaded is not None
        assert uploaded.filename.endswith(".png")
        assert png_size(uploaded.content) == (800, 600)
        assert photo.raw["photo"][-1]["width"] == 800
        assert not limber.errors


# --- 7. the morning check-in through the nudge ---------------------------------------------


async def test_a_worse_morning_takes_back_the_raise(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=2)
        await set_reminder_at_nine_in_berlin(ann)
        clock.advance(hours=1, minutes=1)  # 09:01 in Berlin: today is done, no nudge
        assert (await sweeper(limber).sweep()).sent == 0

        summaries = []
        for answer in ("Same", "Better"):
            clock.advance(days=1)
            assert (await sweeper(limber).sweep()).sent == 1
            nudge = api.last_message(ann.chat_id)
            assert nudge.text == content.texts.check_in.question
            assert nudge.labels == CHECK_IN_BUTTONS
            await ann.tap(answer)
            assert ann.last_text == content.texts.check_in.thanks
            assert ann.labels == NUDGE_BUTTONS
            await ann.tap("Start now")
            summaries.append((await routine(ann, before=3, after=3)).summary)
        assert "You're ready for more" not in summaries[0]
        assert "next time Pelvic tilt goes up to 12 reps" in summaries[1]

        clock.advance(days=1)
        assert (await sweeper(limber).sweep()).sent == 1
        assert api.last_message(ann.chat_id).labels == CHECK_IN_BUTTONS
        await ann.tap("Worse")
        reply = ann.last_text
        assert shows(reply, content.texts.check_in.thanks_worse)
        assert "🌱 Pelvic tilt goes back to 10 reps · hold about 5 s." in reply
        assert ann.labels == NUDGE_BUTTONS

        await ann.tap("Start now")
        await ann.tap("3")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text
        assert "10 reps · hold about 5 s" in ann.last_text
        assert not limber.errors

    sessions = [row[0] for row in sqlite_rows(sqlite_url, "SELECT id FROM sessions ORDER BY id")]
    assert sqlite_rows(sqlite_url, "SELECT session_id, answer FROM check_ins ORDER BY id") == [
        (sessions[0], "same"),
        (sessions[1], "better"),
        (sessions[2], "worse"),
    ]
    assert sqlite_rows(
        sqlite_url, "SELECT reps, raised_after FROM doses WHERE exercise_key = 'pelvic_tilt'"
    ) == [(10, None)]


async def test_skip_today_on_the_nudge_keeps_the_streak(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock(MORNING)
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=2)
        await set_reminder_at_nine_in_berlin(ann)
        clock.advance(hours=1, minutes=1)
        await sweeper(limber).sweep()

        clock.advance(days=1)
        assert (await sweeper(limber).sweep()).sent == 1
        await ann.tap("Better")
        await ann.tap("Start now")
        await routine(ann, before=3, after=2)

        clock.advance(days=1)  # the third day: skipped from the nudge
        assert (await sweeper(limber).sweep()).sent == 1
        await ann.tap("Same")
        await ann.tap("Skip today")
        assert "rest is fine too" in ann.last_text

        clock.advance(days=1)  # the fourth day: a routine again
        assert (await sweeper(limber).sweep()).sent == 1
        assert "Start now" in " ".join(ann.labels)
        await ann.tap("Start now")
        run = await routine(ann, before=3, after=2)
        assert "🔥 3 days in a row." in run.summary
        api.reset_calls()
        await ann.send("/progress")
        [progress] = api.calls("sendMessage")
        # The skipped day is a rest day: not even a forgiven miss.
        assert "Streak: 3 days in a row.\n" in str(progress.params["text"])
        assert not limber.errors


# --- 8. the weekly safety re-ask -------------------------------------------------------------


async def test_the_red_flag_question_is_asked_again_after_a_week(
    api: FakeBotApi, sqlite_url: str, content: Content
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)

        clock.advance(days=6)
        await ann.send("/session")
        assert "How sore is your back right now?" in ann.last_text
        await routine(ann, before=3, after=3)

        clock.advance(days=2)  # 8 days after the screen at onboarding
        await ann.send("/session")
        text = ann.last_text
        assert text.startswith(content.texts.safety.weekly_check)
        assert content.texts.onboarding.red_flags_question in text
        assert ann.labels == ["✅ None of these", "⚠️ One of these applies"]
        assert sqlite_rows(sqlite_url, "SELECT count(*) FROM sessions") == [(2,)]

        await ann.tap("None of these")  # the emergency signs
        await ann.tap("None of these")  # the see-a-doctor signs
        assert ann.last_text.startswith(content.texts.onboarding.ready)
        assert "How sore is your back right now?" in ann.last_text
        await ann.tap("3")
        assert "Exercise 1 of 7 · Pelvic tilt" in ann.last_text

        clock.advance(days=1)
        await ann.send("/start")
        assert content.texts.safety.weekly_check not in ann.last_text
        assert not limber.errors


async def test_a_red_flag_at_the_weekly_check_gives_advice_and_no_routine(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(api, sqlite_url, clock=clock) as limber:
        ann = limber.user()
        await onboard(ann)
        await routine(ann, before=3, after=3)
        await decline_reminders(ann)
        clock.advance(days=8)
        await ann.send("/session")
        await ann.tap("One of these applies")
        assert "get checked first" in ann.last_text
        await ann.send("/session")
        assert "get checked first" in ann.last_text
        assert not limber.errors
    assert sqlite_rows(sqlite_url, "SELECT count(*) FROM sessions") == [(1,)]
    assert sqlite_rows(sqlite_url, "SELECT kind FROM safety_events") == [("screen_flag",)]
