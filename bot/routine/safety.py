"""Red-flag screening of free text: the older, two-level interface.

The screen itself is `bot.routine.red_flags` (levels EMERGENCY, SEE_DOCTOR, POSSIBLE,
NOT_ENGLISH, NONE; words in content/red_flags.<language>.yaml). `screen_text` keeps the
interface the use cases were written against: a clear match gives its `RedFlagLevel`, anything
else None.

Migration: build `RedFlagScreen(content.red_flags)` once with the rest of the content and call
`.screen(text)`; `Screening.clear` is a clear match (advice and pause), `POSSIBLE` asks the short
question, `NOT_ENGLISH` shows the English card. Then this module keeps only `RedFlagLevel`.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from bot.routine.content import default_red_flags
from bot.routine.red_flags import RedFlagScreen, ScreenLevel


class RedFlagLevel(StrEnum):
    """How urgently the user should seek advice. The values are stable: they are stored."""

    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"


_LEVELS = {
    ScreenLevel.EMERGENCY: RedFlagLevel.URGENT,
    ScreenLevel.SEE_DOCTOR: RedFlagLevel.SEE_DOCTOR,
}


@cache
def _default_screen() -> RedFlagScreen:
    """The screen of the shipped English words (read from content/ on the first call only)."""
    return RedFlagScreen(default_red_flags())


def screen_text(text: str) -> RedFlagLevel | None:
    """The safety reply a message calls for: URGENT, SEE_DOCTOR, or None (no clear match)."""
    return _LEVELS.get(_default_screen().screen(text).level)
