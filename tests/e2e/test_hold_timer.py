"""The ⏱ timer counts the whole set in the exercise message, and stops when the user moves on."""

from __future__ import annotations

import asyncio
import math

from bot.media.voice import guide_script, load_voice
from bot.routine.content import DEFAULT_CONTENT_DIR, Dose
from bot.routine.set_script import CueKind
from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import ChatUser

DOSE = Dose(reps=3, hold_seconds=30, per_side=True)


async def reach_knee_to_chest(ann: ChatUser) -> None:
    await ann.send("/start")
    await ann.tap("I understand")
    await ann.tap("None of these")  # the emergency signs
    await ann.tap("None of these")  # the see-a-doctor signs
    await ann.tap("3")
    await ann.tap("Done")
    await ann.tap("Done")
    assert "Exercise 3 of 7 · Knee to chest" in ann.last_text


async def test_the_timer_counts_the_hold_down_in_the_same_message(
    api: FakeBotApi, sqlite_url: str
) -> None:
    clock = FakeClock()
    async with running_limber(
        api, sqlite_url, clock=clock, start=True, timer_tick_seconds=0.02
    ) as limber:
        ann = limber.user()
        await reach_knee_to_chest(ann)
        exercise_message = api.last_message(ann.chat_id).message_id
        await ann.tap("Start 30 s timer")
        # Knee to chest: 3 reps on each side, 30 s holds, timed by the guide's measured speech.
        script = guide_script(load_voice(DEFAULT_CONTENT_DIR), "knee_to_chest", "regular", DOSE)
        cues = script.cues
        move = next(c for c in cues if c.kind is CueKind.MOVE)
        hold = next(c for c in cues if c.kind is CueKind.HOLD)
        switch, rest = [c for c in cues if c.kind is CueKind.RELEASE][:2]
        moments = [1, move.time + 1, hold.time + 1, hold.hold_end - 10, switch.time + 1]
        moments += [rest.time + 1, script.length + 1]
        seen: list[str] = []
        elapsed = 0
        for moment in moments:
            clock.advance(seconds=math.ceil(moment) - elapsed)
            elapsed = math.ceil(moment)
            await api.wait_until(
                lambda: (
                    "⏱" in (api.last_message(ann.chat_id).text or "")
                    and (api.last_message(ann.chat_id).text or "") not in seen
                ),
                within=5,
            )
            seen.append(api.last_message(ann.chat_id).text or "")
        lines = [text.rsplit("\n\n", 1)[-1] for text in seen]
        assert lines == [
            "⏱ Get into position — rep 1 of 3 · left knee first.",
            "⏱ Rep 1 of 3 · left knee — pull the knee in.",
            "⏱ Rep 1 of 3 · left knee — hold the knee: 29 s left.",
            "⏱ Rep 1 of 3 · left knee — hold the knee: 10 s left.",
            "⏱ Other side next: right knee.",
            "⏱ Rest — 1 of 3 done.",
            "⏱ That's the set — tap ✅ Done.",
        ], lines
        for text in seen:
            assert text.count("⏱") == 1, "one timer line, under the exercise"
        assert api.last_message(ann.chat_id).message_id == exercise_message
        assert "Knee to chest" in seen[-1], "the exercise stays on screen with its buttons"
        assert not limber.errors


async def test_moving_on_stops_the_timer(api: FakeBotApi, sqlite_url: str) -> None:
    clock = FakeClock()
    async with running_limber(
        api, sqlite_url, clock=clock, start=True, timer_tick_seconds=0.02
    ) as limber:
        ann = limber.user()
        await reach_knee_to_chest(ann)
        await ann.tap("Start 30 s timer")
        await api.wait_until(lambda: "⏱" in (api.last_message(ann.chat_id).text or ""))
        await ann.tap("Done")
        assert "Exercise 4 of 7" in ann.last_text
        edits = len(api.calls("editMessageText"))
        clock.advance(seconds=10)
        await asyncio.sleep(0.2)  # ten ticks' worth of time for a timer that should be gone
        assert len(api.calls("editMessageText")) == edits, "no tick edits the next exercise"
        assert "Exercise 4 of 7" in ann.last_text
        assert not limber.errors
