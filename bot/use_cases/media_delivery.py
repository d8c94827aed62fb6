"""Media for the live session message: which file goes with a screen, and its Telegram file_id.

Rendering never happens on a tap's path. The set is rendered ahead (`warm`, at start-up, or
`limber media`); a file still missing when a screen needs it is left out (the channel shows the
text screen) and rendered in a worker thread for next time. Each uploaded file's file_id is kept
in memory and in the database (`media_files`), so a file is uploaded once per bot: new file_ids
are written by the next unit of work that shows media (no extra transaction on a tap's path) and
at shutdown (`flush`).

The set timer reads the same script as the voice guide (`bot.routine.set_script`, timed by the
measured speech): rep k of n, the side, the move or the named hold and its seconds, the rest.
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Protocol

from bot.media.library import reachable_doses
from bot.media.poses import Side, Variant
from bot.media.voice import VoiceContent, guide_script
from bot.routine.content import Dose, Exercise
from bot.routine.session import SessionState
from bot.routine.set_script import SetMoment, moment_at
from bot.routine.views import Media, View
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies

log = logging.getLogger(__name__)


class MediaFiles(Protocol):
    """What the media use case needs of a media library (`bot.media.library.MediaLibrary`)."""

    voice: VoiceContent

    def animation_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def still_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def voice_path(
        self, exercise_key: str, variant: Variant, side: Side | None, dose: Dose
    ) -> Path: ...
    def animation(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def still(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def voice_guide_sync(
        self, exercise_key: str, variant: Variant, side: Side | None, dose: Dose
    ) -> Path: ...
    def pictures(self) -> Iterator[tuple[str, Variant, Side | None]]: ...


def set_length(voice: VoiceContent, exercise: Exercise, gentler: bool, dose: Dose) -> int:
    """The whole set in whole seconds, as the voice guide speaks it."""
    return math.ceil(guide_script(voice, exercise.key, _variant_of(exercise, gentler), dose).length)


def set_moment(
    voice: VoiceContent, exercise: Exercise, gentler: bool, dose: Dose, elapsed: float
) -> SetMoment:
    """The set timer at *elapsed* seconds, read from the voice guide's script."""
    set_script = guide_script(voice, exercise.key, _variant_of(exercise, gentler), dose)
    return moment_at(set_script, elapsed)


def _variant_of(exercise: Exercise, gentler: bool) -> Variant:
    """The picture and guide on show: the gentler option's when it is on screen."""
    return "gentler" if gentler and exercise.gentler is not None else "regular"


class MediaDelivery:
    def __init__(self, deps: Dependencies, voice: VoiceContent, library: MediaFiles | None) -> None:
        self.deps = deps
        self.voice = voice
        self.library = library
        self._file_ids: dict[str, str] = {}
        self._unsaved: dict[str, str] = {}
        self._rendering: dict[str, asyncio.Task[object]] = {}
        self._stop = threading.Event()

    @property
    def enabled(self) -> bool:
        return self.library is not None

    def with_guide(self, view: View, exercise: Exercise, gentler: bool, dose: Dose) -> View:
        """*view* with the path of its voice guide for *dose* (made or to be made), for the
        terminal chat, which shows paths rather than files."""
        if self.library is None or view.media is None:
            return view
        path = self.library.voice_path(exercise.key, _variant_of(exercise, gentler), None, dose)
        return replace(view, media=replace(view.media, guide=str(path)))

    # --- screens ------------------------------------------------------------------------------

    async def dress(self, uow: UnitOfWork, view: View) -> View:
        """*view* with its animation's key, file and file_id filled in (inside the caller's
        unit of work, which also stores file_ids uploaded since the last one)."""
        await self._save_in(uow)
        media = view.media
        if media is None:
            return view
        if self.library is None:
            return replace(view, media=None)
        variant, side = _variant(media.variant), _side(media.side)
        path = self.library.animation_path(media.exercise_key, variant, side)
        key = path.stem
        file_id = await self._file_id(uow, key)
        exists = path.exists()
        if not exists:
            self._render_later(key, media.exercise_key, variant, side)
        still = self.library.still_path(media.exercise_key, variant, side)
        dressed = replace(
            media,
            key=key,
            path=str(path) if exists else None,
            file_id=file_id,
            still=str(still),  # where it is, or will be once rendered (the terminal says which)
        )
        return replace(view, media=dressed)

    async def voice_for(
        self, uow: UnitOfWork, exercise: Exercise, state: SessionState, dose: Dose
    ) -> Media | None:
        """The voice guide for today's *dose* (the gentler variant when it is on screen)."""
        await self._save_in(uow)
        if self.library is None:
            return None
        variant: Variant = (
            "gentler" if state.gentler and exercise.gentler is not None else "regular"
        )
        key = self.library.voice_path(exercise.key, variant, None, dose).stem
        file_id = await self._file_id(uow, key)
        return Media("voice", exercise.key, variant, key=key, file_id=file_id)

    async def ready_voice(self, voice: Media, dose: Dose) -> Media:
        """*voice* with its file: rendered now in a worker thread if it is neither uploaded nor
        cached (the event loop goes on meanwhile; the unit of work is already closed)."""
        library = self.library
        if library is None:
            return voice
        variant = _variant(voice.variant)
        path = library.voice_path(voice.exercise_key, variant, None, dose)
        if not path.exists():
            if voice.file_id is not None:
                return voice
            path = await asyncio.to_thread(
                library.voice_guide_sync, voice.exercise_key, variant, None, dose
            )
        return replace(voice, path=str(path))

    # --- file_ids -----------------------------------------------------------------------------

    def remember(self, key: str, file_id: str) -> None:
        """A file was uploaded: reuse its file_id from now on (stored by the next unit of work)."""
        if key and self._file_ids.get(key) != file_id:
            self._file_ids[key] = file_id
            self._unsaved[key] = file_id

    async def flush(self) -> None:
        """Store file_ids not yet written (at shutdown)."""
        if self._unsaved:
            async with self.deps.unit_of_work() as uow:
                await self._save_in(uow)

    async def _save_in(self, uow: UnitOfWork) -> None:
        if self._unsaved:
            unsaved, self._unsaved = self._unsaved, {}
            await uow.media.remember(unsaved, self.deps.clock())

    async def _file_id(self, uow: UnitOfWork, key: str) -> str | None:
        known = self._file_ids.get(key)
        if known is None:
            known = await uow.media.file_id(key)
            if known is not None:
                self._file_ids[key] = known
        return known

    # --- rendering ----------------------------------------------------------------------------

    def warm(self) -> int:
        """Render every animation, still and voice guide not cached yet (blocking: run it in a
        worker thread; `stop_warming` ends it between two files). Returns the files rendered or
        found."""
        library = self.library
        if library is None:
            return 0
        jobs: list[Callable[[], Path]] = []
        for key, variant, side in library.pictures():
            jobs.append(partial(library.animation, key, variant, side))
            jobs.append(partial(library.still, key, variant, side))
        for exercise in self.deps.content.routine.exercises:
            for variant, dose in reachable_doses(exercise):
                jobs.append(partial(library.voice_guide_sync, exercise.key, variant, None, dose))
        done = 0
        for job in jobs:
            if self._stop.is_set():
                break
            job()
            done += 1
        return done

    def stop_warming(self) -> None:
        self._stop.set()

    def _render_later(
        self, key: str, exercise_key: str, variant: Variant, side: Side | None
    ) -> None:
        if key in self._rendering or self.library is None:
            return
        library = self.library

        def both() -> object:
            library.animation(exercise_key, variant, side)
            return library.still(exercise_key, variant, side)

        log.info("media %s is not rendered yet: rendering it in the background", key)
        task: asyncio.Task[object] = asyncio.get_running_loop().create_task(asyncio.to_thread(both))
        self._rendering[key] = task
        task.add_done_callback(lambda done: self._rendered(key, done))

    def _rendered(self, key: str, task: asyncio.Task[object]) -> None:
        self._rendering.pop(key, None)
        if not task.cancelled() and task.exception() is not None:
            log.error("could not render media %s: %s", key, type(task.exception()).__name__)

    async def rendering_done(self) -> None:
        """Wait for background renders (tests, shutdown)."""
        while self._rendering:
            await asyncio.gather(*self._rendering.values(), return_exceptions=True)


def _variant(value: str) -> Variant:
    return "gentler" if value == "gentler" else "regular"


def _side(value: str | None) -> Side | None:
    if value == "left":
        return "left"
    return "right" if value == "right" else None
