"""What every use case is built with (wired once by `bot.bootstrap`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.routine.content import Content, Texts
from bot.routine.progress_screens import ProgressScreens
from bot.routine.screens import Screens
from bot.store.unit_of_work import UnitOfWorkFactory

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Dependencies:
    content: Content
    unit_of_work: UnitOfWorkFactory
    clock: Clock = utc_now
    screens: Screens = field(init=False)
    progress_screens: ProgressScreens = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "screens", Screens(self.content))
        object.__setattr__(self, "progress_screens", ProgressScreens(self.content))

    @property
    def texts(self) -> Texts:
        return self.content.texts
