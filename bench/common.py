"""What every benchmark shares: its error, small statistics, and the machine's description."""

from __future__ import annotations

import math
import platform
import resource
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path

from bot.routine.content import Content, load_content
from bot.routine.languages import shipped_languages
from bot.routine.reading import Readers


class DayClock:
    """The real time, moved on a day whenever a simulated person is done for today: Limber gives
    one routine a day, and a benchmark's people do one routine after another."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def next_day(self) -> None:
        self.offset += timedelta(days=1)


class BenchError(Exception):
    """The benchmark could not measure what it claims to (not: a goal was missed)."""


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of *values* (not empty)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def ms(seconds: float) -> float:
    return 1000 * seconds


def maxrss_mib() -> float:
    """The process's peak resident set size so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions(*names: str) -> str:
    """ "name version" of each installed distribution (default: the bot's stack)."""
    found = []
    for name in names or ("python-telegram-bot", "SQLAlchemy", "aiosqlite"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} ?")
    return ", ".join(found)


def shipped_readers(language: str = "en") -> tuple[Readers, str, Content]:
    """What the bot reads typed text with, for someone who speaks *language* (a catalogue's
    name, or a Telegram code such as "pt"): the readers, the language Limber speaks to them, and
    its content."""
    english = load_content()
    languages = shipped_languages(english)
    assert languages is not None
    readers = Readers.load(english, [line.code for line in languages.table.languages])
    spoken = language if readers.reads(language) else languages.code_for(language)
    return readers, spoken, languages.content(spoken)
