"""The render queue: one render per file, the most urgent first, every failure seen (issue 15)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.media.worker import MediaJob, MediaRenderer, Urgency


class Recorder:
    """A render function that records the order of jobs and waits for a go-ahead per job."""

    def __init__(self, fail: frozenset[str] = frozenset()) -> None:
        self.started: list[str] = []
        self.release = asyncio.Event()
        self.fail = fail
        self.closed = False

    async def __call__(self, job: MediaJob) -> Path:
        self.started.append(job.key)
        await self.release.wait()
        if job.key in self.fail:
            raise OSError("disk on fire")
        return Path(f"{job.key}.ogg")

    def shutdown(self) -> None:
        self.closed = True


def job(key: str) -> MediaJob:
    return MediaJob(key, "animation", "bridge", "regular", None)


async def test_twenty_people_asking_for_one_voice_cost_one_render() -> None:
    run = Recorder()
    renderer = MediaRenderer(run)
    waits = [
        asyncio.create_task(renderer.render(job("voice-a"), Urgency.WAITING)) for _ in range(20)
    ]
    await asyncio.sleep(0)
    run.release.set()
    paths = await asyncio.gather(*waits)
    assert set(paths) == {Path("voice-a.ogg")}
    assert run.started == ["voice-a"]
    assert renderer.rendered == 1


async def test_someone_waiting_jumps_the_warm_up_queue() -> None:
    run = Recorder()
    renderer = MediaRenderer(run)
    for key in ("warm-1", "warm-2", "warm-3"):
        renderer.submit(job(key), Urgency.WARM)
    await asyncio.sleep(0)  # warm-1 is being drawn
    renderer.submit(job("next"), Urgency.NEXT)
    renderer.submit(job("warm-3"), Urgency.WAITING)  # queued as warm-up, now someone waits
    renderer.submit(job("voice"), Urgency.WAITING)
    run.release.set()
    await renderer.idle()
    assert run.started == ["warm-1", "warm-3", "voice", "next", "warm-2"]


async def test_a_failed_render_is_logged_and_handed_to_whoever_waits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    run = Recorder(fail=frozenset({"broken"}))
    renderer = MediaRenderer(run)
    unwatched = renderer.submit(job("broken"), Urgency.WARM)
    waiting = asyncio.create_task(renderer.render(job("broken"), Urgency.WAITING))
    run.release.set()
    with caplog.at_level(logging.ERROR):
        with pytest.raises(OSError, match="disk on fire"):
            await waiting
        await renderer.idle()
    assert unwatched.done()
    assert [r.getMessage() for r in caplog.records] == ["could not render media broken: OSError"]
    assert "disk on fire" not in caplog.text, "the error's name, never its text"
    again = renderer.submit(job("broken"), Urgency.WAITING)
    assert again is not unwatched, "asked again: tried again"
    assert not again.done()
    with caplog.at_level(logging.CRITICAL):
        await renderer.idle()


async def test_closing_stops_the_queue_and_the_worker() -> None:
    run = Recorder()
    renderer = MediaRenderer(run)
    for key in ("a", "b"):
        renderer.submit(job(key), Urgency.WARM)
    await asyncio.sleep(0)
    await renderer.close()
    assert run.closed
    assert run.started == ["a"]
    assert not renderer.busy
