"""A fast stand-in for the media library: tiny files instead of rendered clips (~3 s each).

It names files exactly as the real library does and counts what it renders, so tests can check
that nothing is rendered on a tap's path and that each file is uploaded once. Its files are made
the real way (`bot.media.files.produce`: temporary name, check, rename, lock); a file "decodes" if
it holds what the fake writes, so a test can corrupt one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.media.files import produce
from bot.media.library import media_key
from bot.media.poses import Side, Variant
from bot.media.voice import VoiceContent, load_voice
from bot.routine.content import DEFAULT_CONTENT_DIR, Content, Dose


@dataclass
class FakeMediaLibrary:
    media_dir: Path
    content: Content
    voice: VoiceContent = field(default_factory=lambda: load_voice(DEFAULT_CONTENT_DIR))
    rendered: list[str] = field(default_factory=list)

    def _path(self, kind: str, key: str, variant: Variant, side: Side | None, suffix: str) -> Path:
        return self.media_dir / f"{media_key(kind, key, variant, side, version='fake')}{suffix}"

    def animation_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        return self._path("animation", exercise_key, variant, side, ".mp4")

    def still_path(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        return self._path("still", exercise_key, variant, side, ".png")

    def voice_path(
        self,
        exercise_key: str,
        variant: Variant,
        side: Side | None,
        dose: Dose,
        language: str = "en",
    ) -> Path:
        key = media_key(
            "voice", exercise_key, variant, side, dose, "tones", "fake", language=language
        )
        return self.media_dir / f"{key}.ogg"

    def good(self, path: Path) -> bool:
        return _holds(path, self._content(path))

    @staticmethod
    def _content(path: Path) -> bytes:
        return b"fake " + path.name.encode()

    def _write(self, path: Path) -> Path:
        def make(temporary: Path) -> None:
            temporary.write_bytes(self._content(path))
            self.rendered.append(path.name)

        return produce(path, make, check=lambda made: _holds(made, self._content(path)))

    def animation(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        return self._write(self.animation_path(exercise_key, variant, side))

    def still(self, exercise_key: str, variant: Variant, side: Side | None) -> Path:
        return self._write(self.still_path(exercise_key, variant, side))

    def voice_guide_sync(
        self,
        exercise_key: str,
        variant: Variant,
        side: Side | None,
        dose: Dose,
        language: str = "en",
    ) -> Path:
        return self._write(self.voice_path(exercise_key, variant, side, dose, language))

    def pictures(self) -> Iterator[tuple[str, Variant, Side | None]]:
        for exercise in self.content.tracks.exercises():
            variants: list[Variant] = ["regular", "gentler"] if exercise.gentler else ["regular"]
            sides: list[Side | None] = ["left", "right"] if exercise.dose.per_side else [None]
            for variant in variants:
                for side in sides:
                    yield exercise.key, variant, side


def _holds(path: Path, content: bytes) -> bool:
    try:
        return path.read_bytes() == content
    except OSError:
        return False
