"""What every use case is built with (wired once by `bot.bootstrap`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.routine.content import Content, Texts
from bot.routine.languages import ENGLISH, Languages
from bot.routine.progress_screens import ProgressScreens
from bot.routine.reading import Readers
from bot.routine.screens import Screens
from bot.store.unit_of_work import UnitOfWorkFactory

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


# The language of the update being handled: set once per update by the channel adapter
# (`speaking`), read wherever a use case builds a screen. A task made for the update copies it.
_SPOKEN: ContextVar[str] = ContextVar("limber_language", default=ENGLISH)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Within this block, every screen is in *language* (a catalogue's name: "ru", "pt_BR")."""
    token = _SPOKEN.set(language)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def set_spoken(language: str) -> None:
    """For the rest of this task (one update): screens in *language*."""
    _SPOKEN.set(language)


@dataclass(frozen=True)
class _Speaker:
    content: Content
    screens: Screens
    progress_screens: ProgressScreens


@dataclass(frozen=True)
class Dependencies:
    english: Content
    unit_of_work: UnitOfWorkFactory
    clock: Clock = utc_now
    languages: Languages | None = None
    _speakers: dict[str, _Speaker] = field(init=False)
    readers: Readers = field(init=False)
    """What people type, read in English and in each language with word files."""

    def __post_init__(self) -> None:
        contents = {ENGLISH: self.english}
        if self.languages is not None:
            contents |= dict(self.languages.others)
        speakers = {
            code: _Speaker(content, Screens(content), ProgressScreens(content))
            for code, content in contents.items()
        }
        object.__setattr__(self, "_speakers", speakers)
        codes = (
            [language.code for language in self.languages.table.languages]
            if self.languages is not None
            else []
        )
        object.__setattr__(self, "readers", Readers.load(self.english, codes))

    def language_for(self, language_code: str | None) -> str:
        """The language to speak to someone whose Telegram says *language_code*."""
        return ENGLISH if self.languages is None else self.languages.code_for(language_code)

    def spoken(self) -> dict[str, Content]:
        """Every language besides English, with its content."""
        return {} if self.languages is None else dict(self.languages.others)

    @property
    def language(self) -> str:
        """The language of the update being handled (a catalogue's name: "ru", "pt_BR"),
        English where there is no content in it: the screens' and the voice guide's language."""
        code = _SPOKEN.get()
        return code if code in self._speakers else ENGLISH

    @property
    def _speaker(self) -> _Speaker:
        return self._speakers.get(_SPOKEN.get()) or self._speakers[ENGLISH]

    def speaker(self, language: str) -> Content:
        """The content of *language* (English where Limber does not speak it)."""
        return (self._speakers.get(language) or self._speakers[ENGLISH]).content

    @property
    def content(self) -> Content:
        """The content in the language of the update being handled."""
        return self._speaker.content

    @property
    def screens(self) -> Screens:
        return self._speaker.screens

    @property
    def progress_screens(self) -> ProgressScreens:
        return self._speaker.progress_screens

    @property
    def texts(self) -> Texts:
        return self._speaker.content.texts
