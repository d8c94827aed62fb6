"""Media for the live session message and 🔊 Guide me: which file goes with a screen, whether
it is there and sound, its Telegram file_id, and rendering what is missing — one use case, from
the tap to the file the channel sends.

Rendering never happens in this process: the render worker (`bot.media.worker`, a separate
process) draws one file at a time, most urgent first. The set is rendered ahead (`limber media`,
or `warm` at start-up, which queues first what a person reaches first); a picture still missing
when a screen needs it is left out (the channel shows the text screen), queued at once, and the
next exercise's pictures after it. A voice guide not rendered yet is queued for the person who
asked; the channel shows "recording voice" and sends it when `finish` hands it over, without
holding up the tap. A file is used only once it decodes (`bot.media.files`), never because it
exists. A folder that cannot be written gives the friendly "not available right now".

Each uploaded file's file_id is kept in memory and in the database (`media_files`), so a file is
uploaded once per bot: new file_ids are written by the next unit of work that shows media (no
extra transaction on a tap's path) and at shutdown (`flush`). A file_id Telegram rejects is
forgotten (`forget`): the channel uploads the file again on the same tap.

The set timer reads the same script as the voice guide (`bot.routine.set_script`, timed by the
measured speech): rep k of n, the side, the move or the named hold and its seconds, the rest.

Both speak the language of the update (`Dependencies.language`): a Russian speaker's guide is the
Russian script in the Russian voice, another file with its own file_id. The warm-up renders the
English guides only; another language's guide is rendered by the worker when first asked for.
Naming a guide measures nothing; the set timer's script does, here, once per phrase and process
(about 3 ms a phrase).
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from bot.media.files import MediaUnavailableError
from bot.media.library import reachable_doses
from bot.media.poses import Side, Variant
from bot.media.voice import VoiceContent, guide_script
from bot.media.voice_languages import Voices, voices_for
from bot.media.worker import MediaJob, MediaRenderer, ThreadRender, Urgency
from bot.routine.content import Dose, Exercise
from bot.routine.languages import ENGLISH
from bot.routine.session import SessionState
from bot.routine.set_script import SetMoment, moment_at
from bot.routine.views import Media, View
from bot.store.unit_of_work import UnitOfWork
from bot.use_cases.dependencies import Dependencies

log = logging.getLogger(__name__)

FIRST_UPLOAD_WAIT = 10.0  # seconds a voice waits for the first upload's file_id (then uploads)


class MediaFiles(Protocol):
    """What the media use case needs of a media library (`bot.media.library.MediaLibrary`)."""

    voice: VoiceContent
    media_dir: Path

    def good(self, path: Path) -> bool: ...
    def animation_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def still_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def voice_path(
        self, exercise_key: str, variant: Variant, side: Side | None, dose: Dose, language: str
    ) -> Path: ...
    def animation(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def still(self, exercise_key: str, variant: Variant, side: Side | None) -> Path: ...
    def voice_guide_sync(
        self, exercise_key: str, variant: Variant, side: Side | None, dose: Dose, language: str
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


@dataclass(frozen=True)
class VoiceRequest:
    """🔊 Guide me, between the unit of work that read the dose and the file being ready."""

    media: Media
    job: MediaJob


class MediaDelivery:
    def __init__(
        self,
        deps: Dependencies,
        voice: VoiceContent,
        library: MediaFiles | None,
        renderer: MediaRenderer | None = None,
    ) -> None:
        self.deps = deps
        self.voices: Voices = voices_for(voice)
        self.library = library
        if renderer is None and library is not None:
            renderer = MediaRenderer(ThreadRender(library))
        self.renderer = renderer
        self._file_ids: dict[str, str] = {}
        self._unsaved: dict[str, str] = {}
        self._forgotten: set[str] = set()
        self._first_uploads: dict[str, asyncio.Future[None]] = {}

    @property
    def enabled(self) -> bool:
        return self.library is not None

    @property
    def voice(self) -> VoiceContent:
        """The voice script's words in the language of the update (the set timer reads them)."""
        return self.voices.of(self.deps.language)

    @property
    def _language(self) -> str:
        """The language the update's voice guide is spoken in (English where it has none)."""
        return self.voices.spoken(self.deps.language)

    def with_guide(self, view: View, exercise: Exercise, gentler: bool, dose: Dose) -> View:
        """*view* with the path of its voice guide for *dose* (made or to be made), for the
        terminal chat, which shows paths rather than files."""
        if self.library is None or view.media is None:
            return view
        variant = _variant_of(exercise, gentler)
        path = self.library.voice_path(exercise.key, variant, None, dose, self._language)
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
        good = self.library.good(path)
        still = self.library.still_path(media.exercise_key, variant, side)
        has_still = self.library.good(still)
        if not good or not has_still:
            self._queue_pictures(media.exercise_key, variant, side, Urgency.WAITING)
        self._queue_next(media.exercise_key)
        dressed = replace(
            media,
            key=key,
            path=str(path) if good else None,
            file_id=file_id,
            still=str(still),  # where it is, or will be once rendered (the terminal says which)
        )
        return replace(view, media=dressed)

    # --- 🔊 Guide me ----------------------------------------------------------------------------

    async def voice_for(
        self, uow: UnitOfWork, exercise: Exercise, state: SessionState, dose: Dose
    ) -> VoiceRequest | None:
        """The voice guide for today's *dose* (the gentler variant when it is on screen), with
        its file_id and, when it is rendered and sound, its file."""
        await self._save_in(uow)
        if self.library is None:
            return None
        variant: Variant = (
            "gentler" if state.gentler and exercise.gentler is not None else "regular"
        )
        language = self._language
        path = self.library.voice_path(exercise.key, variant, None, dose, language)
        key = path.stem
        file_id = await self._file_id(uow, key)
        good = self.library.good(path)
        shown = str(path) if good else None
        media = Media("voice", exercise.key, variant, key=key, file_id=file_id, path=shown)
        job = MediaJob(key, "voice", exercise.key, variant, None, dose, language)
        return VoiceRequest(media, job)

    def ask_for(self, request: VoiceRequest) -> Media | None:
        """The voice to send: ready now, or queued first in line for this person (`finish`
        hands it over); None if it cannot be made (the folder is not writable)."""
        if request.media.ready:
            return request.media
        if self.renderer is None or self.library is None:
            return None
        if not _writable(self.library.media_dir):
            return None
        self.renderer.submit(request.job, Urgency.WAITING)
        return request.media

    async def finish(self, voice: Media) -> Media | View:
        """*voice* with its file, once rendered (the caller shows "recording voice" meanwhile);
        if it could not be made, the friendly "not available right now" instead."""
        if voice.ready or self.library is None:
            return voice
        path = self.library.media_dir / f"{voice.key}.ogg"
        pending = self.renderer.pending(voice.key) if self.renderer is not None else None
        if pending is not None:
            try:
                path = await asyncio.shield(pending)
            except MediaUnavailableError:
                log.warning("the media folder cannot be written: no voice guide")
                return View(self.deps.texts.media.no_voice)
            except Exception:  # logged by the renderer; the person still gets an answer
                return View(self.deps.texts.media.no_voice)
        if not self.library.good(path):
            return View(self.deps.texts.media.no_voice)
        return replace(voice, path=str(path), file_id=await self._after_first_upload(voice.key))

    async def _after_first_upload(self, key: str) -> str | None:
        """The file_id to send by, once the first of those who waited for one render has
        uploaded it (None: this caller uploads): twenty people, one upload."""
        known = self._file_ids.get(key)
        if known:
            return known
        first = self._first_uploads.get(key)
        if first is None:
            self._first_uploads[key] = asyncio.get_running_loop().create_future()
            return None
        try:
            await asyncio.wait_for(asyncio.shield(first), FIRST_UPLOAD_WAIT)
        except TimeoutError:
            return None  # the first upload failed or is slow: upload this one too
        return self._file_ids.get(key) or None

    # --- file_ids -----------------------------------------------------------------------------

    def remember(self, key: str, file_id: str) -> None:
        """A file was uploaded: reuse its file_id from now on (stored by the next unit of work)."""
        if key and self._file_ids.get(key) != file_id:
            self._file_ids[key] = file_id
            self._unsaved[key] = file_id
        first = self._first_uploads.pop(key, None)
        if first is not None and not first.done():
            first.set_result(None)

    def forget(self, key: str) -> None:
        """Telegram refused this file's file_id (another bot's, a deleted file): the file is
        uploaded again, and the stored id dropped by the next unit of work."""
        self._file_ids[key] = ""  # known to be unusable: not read from the store again
        self._unsaved.pop(key, None)
        self._forgotten.add(key)

    async def flush(self) -> None:
        """Store file_ids not yet written (at shutdown)."""
        if self._unsaved or self._forgotten:
            async with self.deps.unit_of_work() as uow:
                await self._save_in(uow)

    async def _save_in(self, uow: UnitOfWork) -> None:
        if self._forgotten:
            forgotten, self._forgotten = self._forgotten, set()
            await uow.media.forget(forgotten)
        if self._unsaved:
            unsaved, self._unsaved = self._unsaved, {}
            await uow.media.remember(unsaved, self.deps.clock())

    async def _file_id(self, uow: UnitOfWork, key: str) -> str | None:
        known = self._file_ids.get(key)
        if known is None:
            known = await uow.media.file_id(key)
            if known is not None:
                self._file_ids[key] = known
        return known or None

    # --- rendering ----------------------------------------------------------------------------

    def warm(self) -> int:
        """Queue every animation, still and English voice guide not rendered yet: the regular
        pictures in the order of the routine first (what a first session needs), then the gentler
        ones, then the voices. Other languages' guides are rendered when first asked for (six
        more languages would be six times the voices' work here, most of it never heard).
        Returns how many were queued."""
        library, renderer = self.library, self.renderer
        if library is None or renderer is None:
            return 0
        jobs: list[MediaJob] = []
        pictures = sorted(library.pictures(), key=lambda picture: picture[1] != "regular")
        for exercise_key, variant, side in pictures:
            jobs += self._picture_jobs(exercise_key, variant, side)
        for exercise in self.deps.content.tracks.exercises():
            for variant, dose in reachable_doses(exercise):
                path = library.voice_path(exercise.key, variant, None, dose, ENGLISH)
                jobs.append(
                    MediaJob(path.stem, "voice", exercise.key, variant, None, dose, ENGLISH)
                )
        for job in jobs:
            renderer.submit(job, Urgency.WARM)
        return len(jobs)

    async def close(self) -> None:
        """Stop rendering (the file being drawn is finished or left out, never half written)."""
        if self.renderer is not None:
            await self.renderer.close()

    async def rendering_done(self) -> None:
        """Wait until nothing is queued or drawing (tests, benchmarks)."""
        if self.renderer is not None:
            await self.renderer.idle()

    def _picture_jobs(
        self, exercise_key: str, variant: Variant, side: Side | None
    ) -> list[MediaJob]:
        assert self.library is not None
        animation = self.library.animation_path(exercise_key, variant, side)
        still = self.library.still_path(exercise_key, variant, side)
        return [
            MediaJob(animation.stem, "animation", exercise_key, variant, side),
            MediaJob(still.stem, "still", exercise_key, variant, side),
        ]

    def _queue_pictures(
        self, exercise_key: str, variant: Variant, side: Side | None, urgency: Urgency
    ) -> None:
        if self.renderer is None:
            return
        for job in self._picture_jobs(exercise_key, variant, side):
            self.renderer.submit(job, urgency)

    def _queue_next(self, exercise_key: str) -> None:
        """The pictures of the exercise after *exercise_key*, if missing: it is shown next."""
        library = self.library
        if library is None or self.renderer is None:
            return
        track = self.deps.content.tracks.of_exercise(exercise_key)
        keys = [exercise.key for exercise in track.exercises]
        index = keys.index(exercise_key) + 1 if exercise_key in keys else len(keys)
        if index >= len(keys):
            return
        for key, variant, side in library.pictures():
            if key != keys[index] or variant != "regular":
                continue
            animation = library.animation_path(key, variant, side)
            if not animation.exists():
                self._queue_pictures(key, variant, side, Urgency.NEXT)


def _writable(folder: Path) -> bool:
    """Whether a new file can be made in *folder* (or the folder itself created)."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def _variant(value: str) -> Variant:
    return "gentler" if value == "gentler" else "regular"


def _side(value: str | None) -> Side | None:
    if value == "left":
        return "left"
    return "right" if value == "right" else None
