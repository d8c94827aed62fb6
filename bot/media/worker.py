"""The render worker: media is drawn in another process, one file at a time, most urgent first.

Rendering a clip or a voice guide costs seconds of CPU. Done in the threads of the process that
answers people it holds their update slots and the GIL; here it runs in a separate process (a
one-worker process pool, started on first use), so a render never delays anyone's tap.

renderer = MediaRenderer(process_render(media_dir, content_dir))
path = await renderer.render(VoiceJob(...), Urgency.WAITING)   # someone is waiting for it
renderer.submit(AnimationJob(...), Urgency.NEXT)               # someone will need it soon

- One queue, ordered by urgency: a person waiting (`WAITING`) comes before a screen that is
  about to be needed (`NEXT`), which comes before the start-up warm-up (`WARM`).
- One render per file: asking again for a file queued or being drawn joins that render (and
  raises its urgency); twenty people asking for one voice guide cost one render.
- Every render's failure is logged (by name, never text), and handed to whoever waits for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import multiprocessing
import os
from collections.abc import Awaitable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # not imported at run time: the worker lowers its priority before any import
    from bot.media.library import MediaLibrary
    from bot.media.poses import Side, Variant
    from bot.routine.content import Dose

log = logging.getLogger(__name__)

JobKind = Literal["animation", "still", "voice"]


class Urgency(IntEnum):
    WAITING = 0  # a person is waiting for this file (a voice guide, the screen on show)
    NEXT = 1  # a screen someone will reach next
    WARM = 2  # the warm-up after a start


@dataclass(frozen=True)
class MediaJob:
    """One file to render; `key` (its media key) names it across requests. `language`: the
    voice guide's (a catalogue's name); pictures are the same in every language."""

    key: str
    kind: JobKind
    exercise_key: str
    variant: Variant
    side: Side | None
    dose: Dose | None = None
    language: str = "en"  # bot.routine.languages.ENGLISH (not imported: see `_start_worker`)


class RenderJob(Protocol):
    """Where jobs are drawn: `ProcessRender` (the bot), `ThreadRender` (tests' fake files)."""

    def __call__(self, job: MediaJob) -> Awaitable[Path]: ...
    def shutdown(self) -> None: ...


class MediaRenderer:
    """The queue in front of a render function (see the module); `close()` ends it."""

    def __init__(self, run: RenderJob, *, workers: int = 1) -> None:
        self._run = run
        self._workers = workers
        self._queue: list[tuple[int, int, str]] = []
        self._order = itertools.count()
        self._jobs: dict[str, MediaJob] = {}
        self._urgency: dict[str, Urgency] = {}
        self._done: dict[str, asyncio.Future[Path]] = {}
        self._running: set[asyncio.Task[None]] = set()
        self._wake: asyncio.Event | None = None
        self._loop_task: asyncio.Task[None] | None = None
        self.rendered = 0

    def submit(self, job: MediaJob, urgency: Urgency) -> asyncio.Future[Path]:
        """Queue *job* (or join the render of the same file); the future of its path."""
        future = self._done.get(job.key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            future.add_done_callback(_retrieved)
            self._done[job.key] = future
            self._jobs[job.key] = job
        known = self._urgency.get(job.key)
        # Still queued (not yet drawing) and now more urgent: queue it again, sooner.
        if (known is None or urgency < known) and job.key in self._jobs:
            self._urgency[job.key] = urgency
            heapq.heappush(self._queue, (urgency, next(self._order), job.key))
        self._start()
        return future

    async def render(self, job: MediaJob, urgency: Urgency) -> Path:
        """*job*'s file, once rendered (or joined); the render's error if it failed."""
        return await asyncio.shield(self.submit(job, urgency))

    def pending(self, key: str) -> asyncio.Future[Path] | None:
        """The render of the file named *key*, if it is queued or being drawn."""
        return self._done.get(key)

    @property
    def busy(self) -> bool:
        return bool(self._done)

    async def idle(self) -> None:
        """Wait until nothing is queued or drawing (tests, benchmarks, shutdown)."""
        while self._done:
            await asyncio.gather(*self._done.values(), return_exceptions=True)

    async def close(self) -> None:
        """Stop taking jobs off the queue; the file being drawn is finished (renames are
        atomic, so a render cut short leaves no half file either)."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            await asyncio.gather(self._loop_task, return_exceptions=True)
            self._loop_task = None
        for future in self._done.values():
            future.cancel()
        self._done.clear()
        self._jobs.clear()
        self._queue.clear()
        self._run.shutdown()

    def _start(self) -> None:
        if self._wake is None:
            self._wake = asyncio.Event()
        self._wake.set()
        if self._loop_task is None or self._loop_task.done():
            self._loop_task = asyncio.get_running_loop().create_task(self._dispatch())

    async def _dispatch(self) -> None:
        assert self._wake is not None
        while True:
            while self._queue and len(self._running) < self._workers:
                urgency, _, key = heapq.heappop(self._queue)
                job = self._jobs.get(key)
                if job is None or self._urgency.get(key) != urgency:
                    continue  # already started, or queued again sooner
                del self._jobs[key]
                task = asyncio.get_running_loop().create_task(self._one(job))
                self._running.add(task)
                task.add_done_callback(self._finished)
            self._wake.clear()
            await self._wake.wait()

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        if self._wake is not None:
            self._wake.set()

    async def _one(self, job: MediaJob) -> None:
        future = self._done.get(job.key)
        try:
            path = await self._run(job)
        except asyncio.CancelledError:
            raise
        except BaseException as error:
            log.error("could not render media %s: %s", job.key, type(error).__name__)
            if future is not None and not future.done():
                future.set_exception(error)
        else:
            self.rendered += 1
            if future is not None and not future.done():
                future.set_result(path)
        finally:
            self._urgency.pop(job.key, None)
            if self._done.get(job.key) is future:
                self._done.pop(job.key, None)


def _retrieved(future: asyncio.Future[Path]) -> None:
    """Mark a render's error as seen: it is logged once, in `_one`, whoever waits or not."""
    if not future.cancelled():
        future.exception()


# --- where the rendering runs ---------------------------------------------------------------

_library: MediaLibrary | None = None


WORKER_NICENESS = 10  # background work: the process that answers people gets the CPU first


def _start_worker(media_dir: Path, content_dir: Path) -> None:
    """The worker's set-up: lower its priority first, then load the library (seconds of CPU)."""
    global _library
    os.setpriority(os.PRIO_PROCESS, 0, WORKER_NICENESS)
    from bot.media.library import MediaLibrary
    from bot.routine.content import load_content

    _library = MediaLibrary(media_dir, load_content(content_dir), content_dir)


def _render_in_worker(job: MediaJob) -> Path:
    assert _library is not None, "the worker was started without a library"
    return render_with(_library, job)


class DrawsMedia(Protocol):
    """What rendering needs of a library (`bot.media.library.MediaLibrary`, or a test's fake)."""

    def animation(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def still(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def voice_guide_sync(
        self, exercise_key: str, variant: Variant, side: Side | None, dose: Dose, language: str
    ) -> Path: ...


def render_with(library: DrawsMedia, job: MediaJob) -> Path:
    """Draw *job* with *library* (blocking)."""
    if job.kind == "animation":
        return library.animation(job.exercise_key, job.variant, job.side)
    if job.kind == "still":
        return library.still(job.exercise_key, job.variant, job.side)
    assert job.dose is not None
    return library.voice_guide_sync(job.exercise_key, job.variant, job.side, job.dose, job.language)


class ThreadRender:
    """Render jobs with *library* in a thread of this process: for tests' tiny fake files only
    (real renders go to `ProcessRender`)."""

    def __init__(self, library: DrawsMedia) -> None:
        self._library = library

    async def __call__(self, job: MediaJob) -> Path:
        return await asyncio.to_thread(render_with, self._library, job)

    def shutdown(self) -> None:
        return None


class ProcessRender:
    """Render jobs in one separate process (spawned on first use: no forked event loop)."""

    def __init__(self, media_dir: Path, content_dir: Path) -> None:
        self._setup = (media_dir, content_dir)
        self._pool: ProcessPoolExecutor | None = None
        self._lowered: set[int] = set()

    async def __call__(self, job: MediaJob) -> Path:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=self._setup,
            )
        running = asyncio.get_running_loop().run_in_executor(
            self._pool, partial(_render_in_worker, job)
        )
        self._lower_priority()
        return await running

    def _lower_priority(self) -> None:
        """Lower the worker's priority from here as soon as it exists: a spawned process imports
        the main module (seconds of CPU) before its initializer runs."""
        processes = getattr(self._pool, "_processes", None) or {}
        for pid in list(processes):
            if pid not in self._lowered:
                with contextlib.suppress(OSError):  # it may have exited meanwhile
                    os.setpriority(os.PRIO_PROCESS, pid, WORKER_NICENESS)
                self._lowered.add(pid)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
