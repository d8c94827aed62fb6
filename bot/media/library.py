"""The media the bot sends, rendered ahead (or by the render worker) and cached on disk.

library = MediaLibrary(media_dir, content)            # content: bot.routine.content.Content
path = library.animation("knee_to_chest", "regular", "left")   # MP4, sendAnimation
path = library.still("bridge", "gentler", None)                # PNG
path = library.voice_guide_sync("bridge", "regular", None, dose, "ru")  # OGG/Opus, sendVoice
key = media_key("animation", "bridge", "regular", None)        # for the file_id cache
library.good(path)                                    # the file is there and decodes

The rendering calls block for seconds of CPU: the bot runs them in its render worker process
(`bot.media.worker`), never in the process that answers people. Every file is made through
`bot.media.files.produce` (a unique temporary name, checked, renamed; a lock file per file).
A voice guide's name is made of what it is made of (its language, words, timing, voice and
renderer, `voice_path`): the same dose in the same language gives the same file, whoever asks and
in whichever process; the same dose in Russian is another file (and another file_id).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from bot.media.draw import (
    Labels,
    contact_sheet,
    encode_mp4,
    encode_png,
    render_frames,
    still_index,
)
from bot.media.files import CheckedFiles, produce
from bot.media.poses import Side, Variant, load_poses
from bot.media.voice import encode_ogg, guide_script, load_voice, render_guide, speech_available
from bot.media.voice_languages import Voices, voices_for
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, Dose, Exercise
from bot.routine.languages import ENGLISH


def _renderer_version() -> str:
    """What turns a guide's words into its sound: the code that times and renders it, and the
    engine and its voices. Any change to them names every guide anew (rendered again, once)."""
    from importlib.metadata import version

    from bot.media import voice
    from bot.routine import set_script

    code = b"".join(Path(module.__file__ or "").read_bytes() for module in (set_script, voice))
    return hashlib.sha1(code + version("espeakng-loader").encode()).hexdigest()[:12]


_RENDERER = _renderer_version()


def media_key(
    kind: str,
    exercise_key: str,
    variant: Variant,
    side: Side | None,
    dose: Dose | None = None,
    voice: str = "",
    version: str = "",
    *,
    language: str = "",
) -> str:
    """A stable name for one file: the same inputs give the same key in every process."""
    parts = [kind, exercise_key, variant, side or "both"]
    if dose is not None:
        parts.append(f"{dose.reps}x{dose.hold_seconds}{'s' if dose.per_side else ''}")
    if language:
        parts.append(language)
    if voice:
        parts.append(voice)
    if version:
        parts.append(hashlib.sha1(version.encode()).hexdigest()[:8])
    return "-".join(parts)


class MediaLibrary:
    """Animations, stills and voice guides for *content*, cached under *media_dir*; the voice
    guides in every language of *voices* (by default every shipped language's, when *content_dir*
    holds the shipped English voice)."""

    def __init__(
        self,
        media_dir: Path,
        content: Content,
        content_dir: Path = DEFAULT_CONTENT_DIR,
        voices: Voices | None = None,
    ) -> None:
        self.media_dir = media_dir
        self.content = content
        self.poses = load_poses(content_dir, content.tracks)
        self.voices = voices or voices_for(load_voice(content_dir))
        self.voice = self.voices.english
        self._speech: bool | None = None
        self._checked = CheckedFiles()

    def good(self, path: Path) -> bool:
        """*path* exists and decodes (checked once per process, again when the file changes)."""
        return self._checked.good(path)

    # -- pictures -----------------------------------------------------------------------------
    def _labels(self, exercise: Exercise, variant: Variant, side: Side | None) -> Labels:
        dose = exercise.dose
        if variant == "gentler" and exercise.gentler is not None:
            dose = exercise.gentler.dose
        # The ring names the real hold: the loop's hold is short, the seconds on it are not.
        return Labels(self.poses.labels.hold.format(seconds=dose.hold_seconds))

    def _version(self) -> str:
        tracks = "+".join(track.version for track in self.content.tracks)
        return f"{tracks}/{self.poses.version}"

    def _picture_side(self, exercise_key: str, side: Side | None) -> Side | None:
        return side if self.poses.exercises[exercise_key].sides else None

    def frames(self, exercise_key: str, variant: Variant, side: Side | None) -> list[object]:
        exercise = self.content.tracks.exercise(exercise_key)
        side = self._picture_side(exercise_key, side)
        clip = self.poses.clip(exercise_key, variant)
        labels = self._labels(exercise, variant, side)
        return list(render_frames(self.poses, clip, labels, mirror=side == "right"))

    def animation_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        """Where the MP4 is (or will be) cached; its name is its media key. Never renders."""
        side = self._picture_side(exercise_key, side)
        key = media_key("animation", exercise_key, variant, side, version=self._version())
        return self.media_dir / f"{key}.mp4"

    def still_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        side = self._picture_side(exercise_key, side)
        key = media_key("still", exercise_key, variant, side, version=self._version())
        return self.media_dir / f"{key}.png"

    def voice_path(
        self,
        exercise_key: str,
        variant: Variant,
        side: Side | None,
        dose: Dose,
        language: str = ENGLISH,
    ) -> Path:
        """Named by what is heard: the language, the words and timing the script is made of,
        the voice that reads it and the code that times and renders it, so everyone at one dose
        in one language shares one file, and a changed word, setting or renderer is a new file.

        Not named by the measured script: eSpeak NG's output differs by a few samples with what
        it said before, so two processes (the bot and its render worker, or two machines)
        measure slightly different slots, and would name the same guide differently."""
        language = self.voices.spoken(language)
        voice = self.voices.of(language)
        made_of = (voice.voice, voice.rate, voice.words, voice.timing)
        heard = repr((made_of, voice.of(exercise_key, variant), self._version(), _RENDERER))
        voice_name = self.voice_name(language)
        key = media_key(
            "voice", exercise_key, variant, side, dose, voice_name, heard, language=language
        )
        return self.media_dir / f"{key}.ogg"

    def animation(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        """The looping MP4 (made now if not cached). Blocking: call via asyncio.to_thread."""
        side = self._picture_side(exercise_key, side)
        path = self.animation_path(exercise_key, variant, side)

        def make(temporary: Path) -> None:
            images = self.frames(exercise_key, variant, side)
            encode_mp4(images, self.poses.fps, temporary)  # type: ignore[arg-type]

        return produce(path, make, check=self.good)

    def still(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        """A PNG of the held position. Blocking: call via asyncio.to_thread."""
        side = self._picture_side(exercise_key, side)
        path = self.still_path(exercise_key, variant, side)

        def make(temporary: Path) -> None:
            images = self.frames(exercise_key, variant, side)
            index = still_index(self.poses.clip(exercise_key, variant), self.poses.fps)
            encode_png(images[min(index, len(images) - 1)], temporary)  # type: ignore[arg-type]

        return produce(path, make, check=self.good)

    # -- voice ----------------------------------------------------------------------------------
    @property
    def speech(self) -> bool:
        if self._speech is None:
            self._speech = speech_available()
        return self._speech

    def voice_name(self, language: str = ENGLISH) -> str:
        voice = self.voices.of(language)
        return f"espeak-{voice.voice}-{voice.rate}" if self.speech else "tones"

    def voice_guide_sync(
        self,
        exercise_key: str,
        variant: Variant,
        side: Side | None,
        dose: Dose,
        language: str = ENGLISH,
    ) -> Path:
        """The OGG/Opus guide for *dose* in *language* (made now if not cached). Blocking."""
        path = self.voice_path(exercise_key, variant, side, dose, language)
        voice = self.voices.of(language)

        def make(temporary: Path) -> None:
            set_script = guide_script(voice, exercise_key, variant, dose, side)
            encode_ogg(render_guide(voice, set_script, self.speech), temporary)

        return produce(path, make, check=self.good)

    # -- everything -----------------------------------------------------------------------------
    def pictures(self) -> Iterator[tuple[str, Variant, Side | None]]:
        for exercise in self.content.tracks.exercises():
            own = self.poses.exercises[exercise.key]
            variants: list[Variant] = ["regular", "gentler"] if own.gentler else ["regular"]
            sides: list[Side | None] = ["left", "right"] if own.sides else [None]
            for variant in variants:
                for side in sides:
                    yield exercise.key, variant, side

    def render_all(self) -> list[Path]:
        """Every animation and still, and a voice guide for every dose a user can reach in every
        language (English first)."""
        paths = []
        for key, variant, side in self.pictures():
            paths.append(self.animation(key, variant, side))
            paths.append(self.still(key, variant, side))
        for language in self.voices.languages:
            for exercise in self.content.tracks.exercises():
                for variant, dose in reachable_doses(exercise):
                    paths.append(self.voice_guide_sync(exercise.key, variant, None, dose, language))
        return paths

    def write_contact_sheets(self, directory: Path, per_row: int = 12) -> list[Path]:
        paths = []
        for exercise in self.content.tracks.exercises():
            rows = []
            for key, variant, side in self.pictures():
                if key != exercise.key:
                    continue
                images = self.frames(key, variant, side)
                step = max(1, len(images) // per_row)
                label = f"{exercise.title} · {variant}" + (f" · {side}" if side else "")
                rows.append((label, images[::step][:per_row]))
            sheet = contact_sheet(rows)  # type: ignore[arg-type]
            path = directory / f"{exercise.key}.png"
            directory.mkdir(parents=True, exist_ok=True)
            sheet.quantize(48).save(path, optimize=True)
            paths.append(path)
        return paths


def reachable_doses(exercise: Exercise) -> list[tuple[Variant, Dose]]:
    """The doses adaptation can give (bot/routine/adaptation.py): the seed, then reps step by step
    to reps_max, then the hold step by step to hold_max; the gentler option at its own dose."""
    seed, step = exercise.dose, exercise.progression
    reps = [seed.reps]
    while step.reps_step and step.reps_max and reps[-1] < step.reps_max:
        reps.append(min(step.reps_max, reps[-1] + step.reps_step))
    holds = [seed.hold_seconds]
    while step.hold_step and step.hold_max and holds[-1] < step.hold_max:
        holds.append(min(step.hold_max, holds[-1] + step.hold_step))
    doses: list[tuple[Variant, Dose]] = [
        ("regular", seed.model_copy(update={"reps": r})) for r in reps
    ]
    doses += [
        ("regular", seed.model_copy(update={"reps": reps[-1], "hold_seconds": h}))
        for h in holds[1:]
    ]
    if exercise.gentler is not None:
        doses.append(("gentler", exercise.gentler.dose))
    return doses


def render_everything(media_dir: Path, content_dir: Path = DEFAULT_CONTENT_DIR) -> int:
    """`limber media`: fill the cache; prints a one-line summary. Returns the exit status."""
    import time

    from bot.routine.content import ContentError, load_content

    started = time.monotonic()
    try:
        library = MediaLibrary(media_dir, load_content(content_dir), content_dir)
    except ContentError as error:
        print(f"limber: the content is invalid:\n{error}")
        return 2
    paths = library.render_all()
    size = sum(path.stat().st_size for path in paths)
    print(
        f"{len(paths)} media files in {media_dir} ({size / 1e6:.1f} MB, voices: "
        f"{', '.join(map(library.voice_name, library.voices.languages))}) in "
        f"{time.monotonic() - started:.0f} s."
    )
    return 0
