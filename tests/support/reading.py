"""The readers of typed text built as the bot builds them (`bench.common.shipped_readers`), once
per language per test process: for the tests of each language's reading."""

from __future__ import annotations

from functools import cache

from bench.common import shipped_readers
from bot.routine.reading import Readers
from bot.routine.red_flags import Screening


@cache
def readers_of(language: str) -> tuple[Readers, str]:
    """The readers for someone who speaks *language*, and the language Limber speaks to them."""
    readers, spoken, _content = shipped_readers(language)
    return readers, spoken


def screening(text: str, language: str) -> Screening:
    """*text* screened as the bot screens it for someone who speaks *language*."""
    readers, spoken = readers_of(language)
    return readers.screen(text, spoken)
