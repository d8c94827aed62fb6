"""The ⏱ timer counts the whole set in the exercise message, and stops when the user moves on."""

from __future__ import annotations

import asyncio

from tests.support.clock import FakeClock
from tests.support.fake_bot_api import FakeBotApi
from tests.support.limber import running_limber
from tests.support.updates import ChatUser


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
        seen: list[str] = []
        # Knee to chest: 3 reps on each side, 30 s holds (content/voice.yaml times the set).
        for _ in range(6):
            await api.wait_until(
                lambda: (
                    "⏱" in (api.last_message(ann.chat_id).text or "")
                    and (api.last_message(ann.chat_id).text or "") not in seen
                ),
                within=5,
            )
            seen.append(api.last_message(ann.chat_id).text or "")
            clock.advance(seconds=(6, 20, 12, 37, 425, 1)[len(seen) - 1])
        lines = [text.rsplit("\n\n", 1)[-1] for text in seen]
        assert lines == [
            "⏱ Rep 1 of 3 — get into position.",
            "⏱ Rep 1 of 3 — hold: 30 s left.",
            "⏱ Rep 1 of 3 — hold: 10 s left.",
            "⏱ Other side.",
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
        await api.wait_until(lambda: "Rep 1 of 3" in (api.last_message(ann.chat_id).text or ""))
        await ann.tap("Done")
        assert "Exercise 4 of 7" in ann.last_text
        edits = len(api.calls("editMessageText"))
        clock.advance(seconds=10)
        await asyncio.sleep(0.2)  # ten ticks' worth of time for a timer that should be gone
        assert len(api.calls("editMessageText")) == edits, "no tick edits the next exercise"
        assert "Exercise 4 of 7" in ann.last_text
        assert not limber.errors
