"""The nudge sender's rate limiter, on a fake clock: even spacing, and a 429 stops everyone."""

from __future__ import annotations

import asyncio
import itertools

from bot.nudges import RateLimiter


class FakeTime:
    """A monotonic clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


async def test_starts_are_spaced_evenly_at_the_rate() -> None:
    time = FakeTime()
    limiter = RateLimiter(25, clock=time, sleep=time.sleep)
    starts = []
    for _ in range(50):
        await limiter.acquire()
        starts.append(time.now)
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert min(gaps) >= 1 / 25 - 1e-9
    assert starts[-1] - starts[0] < 50 / 25


async def test_a_pause_holds_back_sends_that_were_already_waiting() -> None:
    time = FakeTime()
    limiter = RateLimiter(25, clock=time, sleep=time.sleep)
    started: list[float] = []
    five_started = asyncio.Event()

    async def send() -> None:
        await limiter.acquire()
        started.append(time.now)
        if len(started) == 5:
            five_started.set()

    waiting = [asyncio.ensure_future(send()) for _ in range(60)]
    await five_started.wait()
    paused_at = time.now
    limiter.pause(1.0)  # Telegram said 429, retry_after=1
    await asyncio.gather(*waiting)

    during_pause = [at for at in started[5:] if paused_at < at < paused_at + 1.0]
    assert during_pause == [], "nothing starts while Telegram asked us to wait"
    assert len(started) == 60
